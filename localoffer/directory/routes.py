"""Find services: the search page, /services.json, service pages and "report a problem"."""
from __future__ import annotations

from dataclasses import replace

from flask import abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import pagecache, ratelimit, search
from ..data.listings import listings_by_ids
from ..data.reports import save_problem_report
from ..data.searchlog import record_search
from ..data.services import get_findable_service
from ..honeypot import caught
from ..search.query import SearchQuery, SearchResults
from ..shortlist import store as shortlist
from . import bp, presenters
from .as_json import search_json
from .forms import DETAILS_MAX_CHARS, ReportProblemForm
from .service_details import TEMPLATE_FILTERS, service_page

for _name, _filter in TEMPLATE_FILTERS.items():
    bp.add_app_template_filter(_filter, _name)


def _run_search() -> tuple[SearchQuery, dict[str, str], SearchResults]:
    """Parse, search and log page-1 searches (every search is logged, cached page or not)."""
    query, errors = SearchQuery.from_args(request.args, per_page=current_app.config["SEARCH_PAGE_SIZE"])
    try:
        results = search.search_services(query)
    except search.SearchUnavailable:
        abort(503)  # the index cannot be opened: a clear "try later" page, not a stack trace
    # Staff checking a figure (the insight pages link here) are not families looking for help,
    # so their searches would only blur the picture of unmet need.
    if query.page == 1 and g.get("staff_session") is None:
        record_search(query, results)
    if results.near_unknown:
        errors = {**errors, "near": _("We could not find ‘%(near)s’. Try a town name or the first part "
                                      "of a postcode, like CM1", near=query.near)}
    return query, errors, results


def _count(query: SearchQuery) -> int:
    try:
        return search.search_services(replace(query, page=1, per_page=1)).total
    except search.SearchUnavailable:
        abort(503)


@bp.route("/services", endpoint="search")
def search_page():
    query, errors, results = _run_search()
    saved = set(shortlist.saved_ids())
    # A page listing a shortlisted service shows "Remove" on it: personal, so never cached.
    key = pagecache.page_key("html", results.version, personal=bool(saved.intersection(results.ids)))
    hit = pagecache.cached_response(key)
    if hit is not None:
        return hit

    def render() -> str:
        return render_template(
            "directory/search.html",
            query=query, results=results, errors=errors,
            error_title_prefix=bool(errors),
            raw_age=str(request.args.get("age", ""))[:20],
            cards=presenters.result_cards(listings_by_ids(results.ids), results, saved),
            filter_groups=presenters.filter_groups(query, results),
            tags=presenters.selected_tags(query, results),
            sort_options=presenters.sort_options(query, results),
            pagination=presenters.pagination(query, results),
            relaxations=presenters.relaxations(query, _count) if results.total == 0 else [],
            clear_url=presenters.search_url(SearchQuery(text=query.text)),
            beyond_last_page=results.total > 0 and query.page > results.pages,
            last_page_url=presenters.search_url(query, page=results.pages),
            suggestion_url=presenters.search_url(query, text=results.suggestion) if results.suggestion else "",
        )

    return pagecache.store_response(key, render, "text/html") if key else render()


@bp.route("/services.json", endpoint="search_json")
def search_json_view():
    _query, errors, results = _run_search()
    key = pagecache.page_key("json", results.version)
    hit = pagecache.cached_response(key)
    if hit is not None:
        return hit

    def render() -> str:  # exactly what jsonify writes
        return current_app.json.response(search_json(results, listings_by_ids(results.ids), errors)).get_data(
            as_text=True)

    if key:
        return pagecache.store_response(key, render, "application/json")
    return current_app.response_class(render(), mimetype="application/json")


def _findable_or_404(service_id: str):
    service = get_findable_service(service_id)
    if service is None:
        abort(404)
    return service


@bp.route("/services/<service_id>")
def service(service_id: str):
    found = _findable_or_404(service_id)
    return render_template("directory/service.html", page=service_page(found),
                           on_shortlist=str(found.id) in shortlist.saved_ids())


@bp.route("/services/<service_id>/report-a-problem", methods=["GET", "POST"])
def report_problem(service_id: str):
    found = _findable_or_404(service_id)
    form = ReportProblemForm()
    if form.validate_on_submit():
        if not ratelimit.allow("problem-report"):
            return render_template("directory/report_problem.html", service=found, form=form,
                                   details_max=DETAILS_MAX_CHARS), 429
        if not caught(form):  # a filled hidden field looks sent, and nothing is saved
            save_problem_report(found.id, form.reason.data, form.details.data or "")
        return redirect(url_for(".problem_reported", service_id=str(found.id)))
    return render_template("directory/report_problem.html", service=found, form=form,
                           error_title_prefix=bool(form.errors), details_max=DETAILS_MAX_CHARS)


@bp.route("/services/<service_id>/report-a-problem/sent")
def problem_reported(service_id: str):
    found = _findable_or_404(service_id)
    return render_template("directory/problem_reported.html", service=found)
