"""Coverage: services families can find, by need (or type) × part of Essex × age band, with a
countywide service counted in every part of Essex ("with countywide") but not as based there,
empty and thin cells flagged, and every figure linking to a search that finds exactly it."""
from __future__ import annotations

import pytest
from flask import url_for

from localoffer.data.insight import InsightFilters
from localoffer.data.insight_coverage import coverage_section


@pytest.fixture(scope="module")
def coverage(module_app, directory):
    with module_app.test_request_context():
        yield coverage_section(InsightFilters())


def figure(section, table: str, row: str, column: str) -> tuple[int | None, str | None]:
    cell = section.table(table).cell(row, column)
    return cell.value, cell.flag


@pytest.mark.parametrize("table, row, column, expected", [
    # Little Steps (0-4) and Bridge Club (3-12) are based in Mid Essex: 2 is thin.
    ("need-0-4", "autism", "mid:local", (2, "thin")),
    ("need-0-4", "autism", "mid:all", (2, "thin")),
    ("need-0-4", "autism", "west:all", (0, "none")),
    ("need-0-4", "autism", "countywide", (0, "none")),
    # Bridge Club and Paused Club (temporarily closed, still findable) for 5 to 10.
    ("need-5-10", "autism", "mid:local", (2, "thin")),
    ("need-5-10", "hi", "west:local", (1, "thin")),
    ("need-5-10", "hi", "mid:all", (0, "none")),
    # Only the countywide service serves 16 to 25: nothing based anywhere, one everywhere.
    ("need-16-18", "autism", "mid:local", (0, "none")),
    ("need-16-18", "autism", "mid:all", (1, "thin")),
    ("need-16-18", "autism", "west:all", (1, "thin")),
    ("need-16-18", "autism", "north-east:all", (1, "thin")),
    ("need-19-25", "autism", "countywide", (1, "thin")),
    # Draft (unpublished), Closed (inactive) and Old (archived) are never counted.
    ("need-11-15", "autism", "mid:local", (1, "thin")),
    # By type of service.
    ("category-0-4", "health", "mid:local", (2, "thin")),
    ("category-5-10", "leisure", "mid:local", (2, "thin")),
    ("category-16-18", "social-care", "south:all", (1, "thin")),
    ("category-16-18", "social-care", "south:local", (0, "none")),
    ("category-0-4", "adulthood", "mid:all", (0, "not-expected")),
    ("category-16-18", "adulthood", "mid:all", (0, "none")),
])
def test_each_cell_counts_the_services_and_flags_empty_and_thin(coverage, table, row, column, expected):
    assert figure(coverage, table, row, column) == expected


def test_the_thin_limit_is_configurable(module_app, directory):
    module_app.config["INSIGHT_THIN_MAX"] = 1
    try:
        with module_app.test_request_context():
            section = coverage_section(InsightFilters(band="0-4"))
    finally:
        module_app.config["INSIGHT_THIN_MAX"] = 2
    assert figure(section, "need-0-4", "autism", "mid:local") == (2, None)


def test_the_type_filter_narrows_the_need_tables(module_app, directory):
    with module_app.test_request_context():
        section = coverage_section(InsightFilters(category="leisure", band="5-10"))
    assert figure(section, "need-5-10", "autism", "mid:local") == (2, "thin")  # Bridge and Paused
    assert figure(section, "need-5-10", "hi", "west:local") == (0, "none")  # West Hearing is health


def test_gaps_by_type_count_the_empty_and_thin_cells(module_app, directory):
    with module_app.test_request_context():
        gaps = coverage_section(InsightFilters(band="0-4")).table("gaps-by-type")
    # Ages 0 to 4 in West Essex: no service for any of the 13 needs.
    assert (gaps.cell("all", "west:none").value, gaps.cell("all", "west:thin").value) == (13, 0)
    # In Mid Essex autism is thin (2), the 12 other needs have nothing.
    assert (gaps.cell("all", "mid:none").value, gaps.cell("all", "mid:thin").value) == (12, 1)
    # Post-16 is not expected for under-fives, so it counts as no gap at all.
    assert (gaps.cell("adulthood", "mid:none").value, gaps.cell("adulthood", "mid:thin").value) == (0, 0)


def test_a_quadrant_filter_keeps_that_quadrant_and_the_countywide_column(module_app, directory):
    with module_app.test_request_context():
        section = coverage_section(InsightFilters(quadrant="west", band="16-18"))
    assert [c.key for c in section.table("need-16-18").columns] == ["west:local", "west:all", "countywide"]


def test_every_figure_links_to_a_directory_search_that_finds_exactly_that_many(module_app, directory, coverage):
    client = module_app.test_client()
    checked = 0
    for key in ("need-0-4", "need-16-18", "category-5-10"):
        table = coverage.table(key)
        for row in table.rows:
            for cell in row.cells:
                json_url = cell.href.replace("/services?", "/services.json?", 1)
                assert client.get(json_url).get_json()["total"] == cell.value, (key, row.key, cell.href)
                checked += 1
    assert checked == 9 * (13 + 13 + 9)
    with module_app.test_request_context():
        assert coverage.table("need-0-4").cell("autism", "mid:all").href == url_for(
            "directory.search", need="autism", quadrant="mid", age=0, age_to=4)
