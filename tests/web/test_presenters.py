"""The search page's view data: links that keep every other filter, pagination windows and the
'remove a filter' suggestions, tested as plain functions."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from localoffer.directory import presenters
from localoffer.search.query import Place, SearchQuery, SearchResults


def _query(**args) -> SearchQuery:
    return SearchQuery.from_args(MultiDict(args), per_page=10)[0]


def _args(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.fixture
def request_ctx(app):
    with app.test_request_context("/services"):
        yield


def test_removing_one_need_keeps_the_other_needs_and_every_other_filter(request_ctx):
    query = _query(q="swimming", need=["autism", "adhd"], age="7", quadrant="mid", cost="free", day="sat", page="3")
    results = SearchResults(query=query, total=40, ids=[])
    tags = {(t.group, t.text): t.remove_url for t in presenters.selected_tags(query, results)}

    assert _args(tags[("Need", "Autism")]) == {"q": ["swimming"], "need": ["adhd"], "quadrant": ["mid"],
                                              "day": ["sat"], "age": ["7"], "cost": ["free"]}
    assert "age" not in _args(tags[("Age", "7 years old")])
    assert "cost" not in _args(tags[("Cost", "Free only")])
    assert "q" not in _args(tags[("Search words", "swimming")])
    # Changing the filters always goes back to the first page.
    assert all("page" not in _args(url) for url in tags.values())


def test_the_near_tag_shows_the_matched_place_and_removing_it_stops_distance_sorting(request_ctx):
    query = _query(near="cm1 1aa", sort="distance")
    place = Place(name="CM1", kind="postcode", latitude=51.7, longitude=0.47)
    tags = presenters.selected_tags(query, SearchResults(query=query, total=3, ids=[], near_place=place))
    assert [(t.group, t.text) for t in tags] == [("Near", "CM1")]
    assert _args(tags[0].remove_url) == {}


def test_distance_sorting_is_offered_only_when_near_is_a_known_place(request_ctx):
    query = _query(near="Atlantis")
    unknown = SearchResults(query=query, total=3, ids=[], near_unknown=True)
    assert [o["value"] for o in presenters.sort_options(query, unknown)] == ["relevance", "name"]
    assert presenters.effective_sort(query, unknown) == "relevance"

    known = SearchResults(query=query, total=3, ids=[], near_place=Place("Harlow", "town", 51.77, 0.1))
    options = presenters.sort_options(query, known)
    assert [o["value"] for o in options] == ["relevance", "distance", "name"]
    assert [o["value"] for o in options if o["current"]] == ["distance"]


@pytest.mark.parametrize("current, pages, shown", [
    (1, 1, None),
    (1, 3, [1, 2, 3]),
    (5, 10, [1, "…", 4, 5, 6, "…", 10]),
    (1, 10, [1, 2, "…", 10]),
    (10, 10, [1, "…", 9, 10]),
])
def test_pagination_shows_first_last_and_neighbours(request_ctx, current, pages, shown):
    query = _query(need="autism", page=str(current))
    params = presenters.pagination(query, SearchResults(query=query, total=pages * 10, ids=[]))
    if shown is None:
        assert params is None
        return
    assert [("…" if i.get("ellipsis") else i["number"]) for i in params["items"]] == shown
    assert all(_args(i["href"])["need"] == ["autism"] for i in params["items"] if "href" in i)
    assert ("previous" in params) == (current > 1) and ("next" in params) == (current < pages)


def test_no_pagination_past_the_last_page(request_ctx):
    query = _query(page="9")
    assert presenters.pagination(query, SearchResults(query=query, total=15, ids=[])) is None


def test_relaxations_count_what_each_filter_group_hides_biggest_first(request_ctx):
    query = _query(q="trampoline", need="hi", day="sun", age="4")
    counts = {"need": 5, "day": 2, "age": 0, "q": 9}

    def count(broader: SearchQuery) -> int:
        if not broader.needs:
            return counts["need"]
        if not broader.days:
            return counts["day"]
        if broader.age is None:
            return counts["age"]
        return counts["q"]

    found = presenters.relaxations(query, count)
    assert [(r.text, r.count) for r in found] == [
        ("Remove your search words", 9), ("Remove the ‘Need’ filter", 5),
        ("Remove the ‘Day’ filter", 2), ("Remove the ‘Age’ filter", 0)]
    assert _args(found[1].url) == {"q": ["trampoline"], "day": ["sun"], "age": ["4"]}


def test_words_alone_are_not_a_filter_to_remove(request_ctx):
    assert presenters.relaxations(_query(q="zzzz"), lambda q: 1) == []


def test_near_only_orders_results_so_it_is_not_offered_as_a_filter_to_remove(request_ctx):
    found = presenters.relaxations(_query(q="zzzz", near="Harlow"), lambda q: 1)
    assert found == []
