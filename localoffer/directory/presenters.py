"""View data for the search page: filter panel, selected-filter tags, sort links, pagination and
result cards. Pure functions from a SearchQuery and SearchResults to plain dicts, so the
template stays simple and the logic is unit-testable (the Digital Marketplace presenter idea)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from flask import url_for
from flask_babel import gettext as _, lazy_gettext as _l, ngettext

from .. import paging
from ..filters import age_range
from ..data.listings import ServiceListing
from ..search.query import FACET_VOCAB, FACETS, SearchQuery, SearchResults
from ..vocab import CATEGORIES, COUNTYWIDE, QUADRANTS

FACET_LEGENDS = {
    "need": _l("Need"),
    "quadrant": _l("Area of Essex"),
    "cost": _l("Cost"),
    "delivery": _l("How it is provided"),
    "day": _l("Day"),
}
# The field that clears each facet when a filter group is dropped (see `without`).
_CLEARED = {"need": {"needs": ()}, "quadrant": {"quadrants": ()}, "cost": {"free": False},
            "delivery": {"delivery": ()}, "day": {"days": ()}, "age": {"age": None, "age_to": None},
            "near": {"near": ""}, "q": {"text": ""}, "category": {"categories": ()},
            "countywide": {"countywide": ""}}
# Filters without a checkbox in the panel (links from staff insight use them), with their tags.
CATEGORY_LEGEND = _l("Type of service")
COUNTYWIDE_TAGS = {"only": _l("Only services for all of Essex"),
                   "exclude": _l("Only services based in an area")}


def search_url(query: SearchQuery, **changes) -> str:
    """A link to this search with some things changed; any change of filters goes back to page 1."""
    changes.setdefault("page", 1)
    return url_for("directory.search", **query.to_args(**changes))


def without(query: SearchQuery, group: str) -> SearchQuery:
    """The same search without one filter group ('need', 'age', 'near', 'q', ...)."""
    changes = dict(_CLEARED[group])
    if group == "near" and query.sort == "distance":
        changes["sort"] = "relevance"  # nothing to measure distance from any more
    return replace(query, page=1, **changes)


def facet_label(facet: str, value: str) -> str:
    if facet == "cost":
        return _("Free only")
    return str(FACET_VOCAB[facet][value])


def filter_groups(query: SearchQuery, results: SearchResults) -> list[dict]:
    """govukCheckboxes params for each facet group, with counts: 'Autism (12)'."""
    groups = []
    for facet in FACETS:
        counts = results.facets.get(facet, {})
        chosen = query.selected(facet)
        items = [{"value": value, "text": f"{facet_label(facet, value)} ({counts.get(value, 0)})",
                  "checked": value in chosen} for value in FACET_VOCAB[facet]]
        params = {"idPrefix": f"filter-{facet}", "name": facet, "items": items,
                  "classes": "govuk-checkboxes--small",
                  "fieldset": {"legend": {"text": str(FACET_LEGENDS[facet]), "classes": "govuk-fieldset__legend--s"}}}
        if facet == "quadrant":
            params["hint"] = {"text": _("Services for all of Essex are always included.")}
        groups.append(params)
    return groups


@dataclass
class Tag:
    group: str
    text: str
    remove_url: str


def selected_tags(query: SearchQuery, results: SearchResults) -> list[Tag]:
    """One removable tag per chosen filter value; removing one keeps everything else."""
    tags: list[Tag] = []
    if query.text:
        tags.append(Tag(_("Search words"), query.text, search_url(query, text="")))
    field_for = {"need": "needs", "quadrant": "quadrants", "delivery": "delivery", "day": "days"}
    for facet in FACETS:
        for value in query.selected(facet):
            if facet == "cost":
                remaining: dict = {"free": False}
            else:
                remaining = {field_for[facet]: tuple(v for v in query.selected(facet) if v != value)}
            tags.append(Tag(str(FACET_LEGENDS[facet]), facet_label(facet, value), search_url(query, **remaining)))
        if facet == "need" and query.age is not None:
            text = (ngettext("%(num)d year old", "%(num)d years old", query.age) if query.age_to is None
                    else _("%(youngest)d to %(oldest)d years old", youngest=query.age, oldest=query.age_to))
            tags.append(Tag(_("Age"), text, search_url(without(query, "age"))))
        if facet == "quadrant" and query.countywide:
            tags.append(Tag(str(FACET_LEGENDS["quadrant"]), str(COUNTYWIDE_TAGS[query.countywide]),
                            search_url(without(query, "countywide"))))
    for value in query.categories:
        tags.append(Tag(str(CATEGORY_LEGEND), str(CATEGORIES[value]),
                        search_url(query, categories=tuple(v for v in query.categories if v != value))))
    if query.near:
        shown = results.near_place.name if results.near_place else query.near
        tags.append(Tag(_("Near"), shown, search_url(without(query, "near"))))
    return tags


def effective_sort(query: SearchQuery, results: SearchResults) -> str:
    """Distance sorting only means something when `near` matched a place."""
    if query.sort == "distance" and not results.near_place:
        return "relevance"
    return query.sort


def sort_options(query: SearchQuery, results: SearchResults) -> list[dict]:
    options = [("relevance", _("Best match")), ("name", _("Name (A to Z)"))]
    if results.near_place:
        options.insert(1, ("distance", _("Nearest first")))
    current = effective_sort(query, results)
    return [{"value": value, "text": text, "current": value == current, "href": search_url(query, sort=value)}
            for value, text in options]


def pagination(query: SearchQuery, results: SearchResults) -> dict | None:
    """govukPagination params for the results pages."""
    return paging.pagination(query.page, results.pages, lambda n: search_url(query, page=n), _("Results pages"))


def areas_text(service: ServiceListing) -> str:
    quadrants = service.quadrants
    if COUNTYWIDE in quadrants:
        return _("All of Essex")
    return ", ".join(str(QUADRANTS[q]) for q in quadrants if q in QUADRANTS)


def cost_text(service: ServiceListing) -> str:
    return _("Free") if service.is_free else _("There may be a cost")


@dataclass
class ResultCard:
    id: str
    name: str
    url: str
    organisation: str
    summary: str
    ages: str
    areas: str
    cost: str
    distance: float | None
    temporarily_closed: bool
    on_shortlist: bool


def result_cards(services: list[ServiceListing], results: SearchResults, shortlist: set[str]) -> list[ResultCard]:
    return [ResultCard(
        id=str(s.id), name=s.name, url=url_for("directory.service", service_id=str(s.id)),
        organisation=s.organisation_name or "", summary=s.summary,
        ages=age_range(s.min_age, s.max_age), areas=areas_text(s), cost=cost_text(s),
        distance=results.distances.get(str(s.id)), temporarily_closed=s.status == "temporarily-closed",
        on_shortlist=str(s.id) in shortlist) for s in services]


@dataclass
class Relaxation:
    """'Without the Day filter there are 4 services', with a link that drops it."""

    text: str
    count: int
    url: str


def relaxations(query: SearchQuery, count: Callable[[SearchQuery], int]) -> list[Relaxation]:
    """For a search that found nothing: how many results each active filter group is hiding."""
    active = [(g, str(FACET_LEGENDS[g])) for g in FACETS if query.selected(g)]
    if query.age is not None:
        active.append(("age", _("Age")))
    if query.categories:
        active.append(("category", str(CATEGORY_LEGEND)))
    if query.countywide:
        active.append(("countywide", str(COUNTYWIDE_TAGS[query.countywide])))
    # `near` only orders the results (nearest first), it never hides any, so it is not offered.
    if query.text and active:
        active.insert(0, ("q", _("Search words")))
    found = []
    for group, label in active:
        broader = without(query, group)
        found.append(Relaxation(_("Remove the ‘%(filter)s’ filter", filter=label) if group != "q"
                                else _("Remove your search words"), count(broader), search_url(broader)))
    return sorted(found, key=lambda r: -r.count)

