"""Filters without a checkbox in the panel, used by staff insight links so every coverage figure
can be checked in the directory: an age range (`age` to `age_to`: a service for at least one of
those ages), the type of service (`category`, OR within) and `countywide=only|exclude`."""
from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict

from localoffer.extensions import db
from localoffer.models import Service
from localoffer.search.query import SearchQuery
from tests.factories import make_service
from tests.helpers import normalize_spaces, page

from .conftest import search

pytestmark = pytest.mark.search_backends


@pytest.fixture(scope="module")
def catalogue(module_app):
    return SimpleNamespace(
        baby=make_service("Baby Signs", needs=["hi"], categories=["health"], quadrants=["mid"], min_age=0, max_age=3),
        bridge=make_service("Bridge Group", needs=["hi"], categories=["health", "leisure"], quadrants=["mid"],
                            min_age=4, max_age=6),
        teen=make_service("Teen Hearing", needs=["hi"], categories=["leisure"], quadrants=["mid"],
                          min_age=12, max_age=18),
        county=make_service("County Audiology", needs=["hi"], categories=["health"], countywide=True,
                            min_age=0, max_age=25),
    )


def _names(results) -> set[str]:
    return {db.session.get(Service, uuid.UUID(i)).name for i in results.ids}


@pytest.mark.parametrize("filters, expected", [
    ({"age": 5}, {"Bridge Group", "County Audiology"}),
    ({"age": 0, "age_to": 4}, {"Baby Signs", "Bridge Group", "County Audiology"}),
    ({"age": 5, "age_to": 10}, {"Bridge Group", "County Audiology"}),
    ({"age": 11, "age_to": 15}, {"Teen Hearing", "County Audiology"}),
    ({"categories": ("health",)}, {"Baby Signs", "Bridge Group", "County Audiology"}),
    ({"categories": ("health", "leisure")}, {"Baby Signs", "Bridge Group", "Teen Hearing", "County Audiology"}),
    ({"categories": ("travel",)}, set()),
    ({"quadrants": ("mid",), "countywide": "exclude"}, {"Baby Signs", "Bridge Group", "Teen Hearing"}),
    ({"quadrants": ("mid",), "countywide": "only"}, {"County Audiology"}),
    ({"quadrants": ("mid",), "categories": ("health",), "age": 0, "age_to": 4, "countywide": "exclude"},
     {"Baby Signs", "Bridge Group"}),
])
def test_each_filter_narrows_the_results(catalogue, filters, expected):
    assert _names(search(**filters)) == expected


def test_the_filters_narrow_every_facet_count_too(catalogue):
    counts = search(categories=("leisure",)).facets
    assert counts["need"]["hi"] == 2 and counts["quadrant"]["mid"] == 2


@pytest.mark.parametrize("args, expected", [
    ({"age": "5", "age_to": "10"}, (5, 10)),
    ({"age": "5", "age_to": "5"}, (5, None)),  # the same age: just that age
    ({"age": "5", "age_to": "3"}, (5, None)),  # below the youngest: ignored, never an error page
    ({"age": "5", "age_to": "26"}, (5, None)),
    ({"age_to": "10"}, (None, None)),  # a range needs its youngest age
    ({"age": "5", "age_to": "ten"}, (5, None)),
])
def test_the_age_range_is_read_leniently(args, expected):
    query, errors = SearchQuery.from_args(MultiDict(args))
    assert (query.age, query.age_to) == expected and errors == {}


def test_unknown_categories_and_countywide_values_are_dropped():
    query, _errors = SearchQuery.from_args(MultiDict([("category", "health"), ("category", "nonsense"),
                                                      ("countywide", "sometimes")]))
    assert (query.categories, query.countywide) == (("health",), "")


def test_the_url_round_trips():
    query = SearchQuery(needs=("hi",), age=5, age_to=10, categories=("health",), countywide="exclude",
                        quadrants=("mid",))
    again, _errors = SearchQuery.from_args(MultiDict([(k, str(v)) for k, vs in query.to_args().items()
                                                      for v in (vs if isinstance(vs, list) else [vs])]))
    assert again == query


def test_the_results_page_shows_each_such_filter_as_a_tag_that_removes_it(catalogue, module_app):
    client = module_app.test_client()
    response = client.get("/services?quadrant=mid&age=0&age_to=4&category=health&countywide=exclude")
    soup = page(response)
    assert normalize_spaces(soup.select_one("#results").text) == "2 services"
    tags = {normalize_spaces(a.text): a["href"] for a in soup.select(".lo-filter-tags a")}
    assert "Remove filter Age: 0 to 4 years old ✕" in tags
    assert "Remove filter Type of service: Health and therapies ✕" in tags
    assert "Remove filter Area of Essex: Only services based in an area ✕" in tags
    without_age = tags["Remove filter Age: 0 to 4 years old ✕"]
    assert "age" not in without_age and "category=health" in without_age
    # The filter form keeps them, so applying another filter does not lose them.
    kept = {(i["name"], i["value"]) for i in soup.select("#filters input[type=hidden]")}
    assert {("category", "health"), ("age_to", "4"), ("countywide", "exclude")} <= kept
