"""The `?page=` number of a list page, read the same way everywhere."""
from __future__ import annotations

from collections.abc import Callable

from flask import request, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape

# No list is this long; the cap keeps a made-up page number from becoming an offset the
# database cannot hold (an OverflowError on SQLite, an out-of-range error on PostgreSQL).
MAX_PAGE = 10_000


def page_number() -> int:
    """1 for anything that is not a whole number, otherwise between 1 and MAX_PAGE."""
    try:
        return max(1, min(int(request.args.get("page", "1")), MAX_PAGE))
    except ValueError:
        return 1


def pagination(page: int, pages: int, link: Callable[[int], str], label: str) -> dict | None:
    """govukPagination params with every word in the reader's language: the first and last
    pages, the pages either side of the current one with gaps between, and Previous / Next."""
    if pages <= 1 or page > pages:
        return None
    items: list[dict] = []
    last = 0
    for number in sorted({1, pages, page - 1, page, page + 1} & set(range(1, pages + 1))):
        if last and number - last > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": link(number), "current": number == page,
                      "visuallyHiddenText": _("Page %(num)d", num=number)})
        last = number
    hidden = Markup('<span class="govuk-visually-hidden"> %s</span>') % _("page")
    params: dict = {"items": items, "landmarkLabel": label}
    if page > 1:
        params["previous"] = {"href": link(page - 1), "html": escape(_("Previous")) + hidden}
    if page < pages:
        params["next"] = {"href": link(page + 1), "html": escape(_("Next")) + hidden}
    return params


def page_links(page: int, pages: int, endpoint: str, label: str, **args) -> dict | None:
    """`pagination` for a template: links to `endpoint` with `args` and the page number."""
    return pagination(page, pages, lambda n: url_for(endpoint, page=n, **args), label)
