"""Reading a family's search from the URL: lenient, never an error page."""
from __future__ import annotations

from datetime import time

from werkzeug.datastructures import MultiDict

from localoffer.directory.service_details import time_span
from localoffer.search.query import MAX_PAGE, SearchQuery


def parse_with_errors(**args):
    md = MultiDict()
    for key, value in args.items():
        for one in value if isinstance(value, list) else [value]:
            md.add(key, one)
    return SearchQuery.from_args(md)


def parse(**args) -> SearchQuery:
    return parse_with_errors(**args)[0]


def test_repeatable_and_comma_separated_filters_keep_only_known_slugs():
    query, errors = parse_with_errors(need=["autism,adhd", "nonsense", "AUTISM"], quadrant=["mid", "north"])
    assert query.needs == ("autism", "adhd") and query.quadrants == ("mid",) and errors == {}


def test_a_page_far_past_the_end_is_treated_as_past_the_end_not_page_one():
    assert parse(page="999999").page == MAX_PAGE
    assert parse(page="0").page == 1 and parse(page="two").page == 1


def test_near_makes_distance_the_default_sort():
    assert parse(near="Witham").sort == "distance"
    assert parse().sort == "relevance" and parse(near="Witham", sort="name").sort == "name"


def test_round_the_clock_opening_reads_24_hours(app):
    with app.test_request_context():
        assert time_span(time(0, 0), time(23, 59)) == "24 hours"
        assert time_span(time(9, 30), time(17)) == "9:30am to 5pm"
