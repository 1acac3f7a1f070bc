"""Access: the typical (median) wait by type of service and part of Essex from the listings'
waiting_weeks, how families get in (access_route), and the share of listings overdue for
their yearly check."""
from __future__ import annotations

import pytest

from localoffer.data.insight import InsightFilters
from localoffer.data.insight_access import access_section

from .conftest import TODAY


@pytest.fixture(scope="module")
def access(module_app, directory):
    with module_app.test_request_context():
        yield access_section(InsightFilters())


def cell(section, table: str, row: str, column: str):
    return section.table(table).cell(row, column)


def test_typical_waits_are_medians_of_the_listings_that_give_one(access):
    mid = cell(access, "waiting", "health", "mid")
    assert (mid.text, mid.value, mid.detail) == ("7 weeks", 7, "2 of 2 give a wait")  # 4 and 10 weeks
    assert cell(access, "waiting", "health", "west").text == "3 weeks"
    assert cell(access, "waiting", "health", "all").value == 4  # 3, 4 and 10
    assert cell(access, "waiting", "social-care", "countywide").text == "Not given"


def test_referral_routes_by_type_and_part_of_essex(access):
    # Mid Essex: Little Steps (self-referral), Bridge Club (referral), Paused Club (self-referral).
    assert [c.text for c in next(r for r in access.table("routes-by-area").rows if r.key == "mid").cells] == [
        "2", "1", "0", "0", "3"]
    county = next(r for r in access.table("routes-by-area").rows if r.key == "countywide")
    assert [c.text for c in county.cells] == ["0", "0", "1", "0", "1"]
    health = next(r for r in access.table("routes-by-type").rows if r.key == "health")
    assert [(c.text, c.detail) for c in health.cells][:4] == [("1", "33%"), ("1", "33%"), ("0", "0%"), ("1", "33%")]


def test_a_quadrant_filter_counts_services_families_there_can_use(module_app, directory):
    with module_app.test_request_context():
        south = access_section(InsightFilters(quadrant="south"))
    social = next(r for r in south.table("routes-by-type").rows if r.key == "social-care")
    assert social.cells[-1].text == "1"  # only the countywide service


def test_the_share_overdue_counts_every_listing_still_reviewed(access):
    # Mid: Little Steps, Bridge, Paused, Draft (unpublished) and Closed (inactive); archived Old Club
    # is not reviewed. Little Steps and Closed Club were last checked over two years ago.
    mid = next(r for r in access.table("overdue-by-area").rows if r.key == "mid")
    assert [c.text for c in mid.cells] == ["5", "2", "40%"]
    everything = next(r for r in access.table("overdue-by-area").rows if r.key == "all")
    assert [c.text for c in everything.cells] == ["7", "2", "29%"]
    health = next(r for r in access.table("overdue-by-type").rows if r.key == "health")
    assert [c.text for c in health.cells] == ["4", "1", "25%"]


def test_today_decides_what_is_overdue(module_app, directory):
    with module_app.test_request_context():
        earlier = access_section(InsightFilters(), TODAY.replace(year=2020))
    assert next(r for r in earlier.table("overdue-by-area").rows if r.key == "all").cells[1].text == "0"
