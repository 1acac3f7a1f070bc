"""Unmet searches from the search log: searches that found nothing or very little (2 or fewer),
by need, part of Essex (chosen, or the place searched near) and age band, month by month, and
the words of searches that found nothing, shown only from 5 different searches up."""
from __future__ import annotations

import pytest

from localoffer.data.insight import InsightFilters
from localoffer.data.insight_searches import searches_section

from .conftest import TODAY


@pytest.fixture(scope="module")
def searches(module_app, search_log):
    with module_app.test_request_context():
        yield searches_section(InsightFilters(), TODAY)


def row(section, table: str, key: str) -> list[str]:
    found = next(r for r in section.table(table).rows if r.key == key)
    return [c.text for c in found.cells]


def test_totals_count_the_period_only(searches):
    # 6 autism + 1 hi + 1 near + 8 hydrotherapy + 4 oliver + 1 demo; the January 2025 one is too old.
    assert row(searches, "totals", "all") == ["21", "16", "2", "18", "86%"]


@pytest.mark.parametrize("table, key, expected", [
    ("by-need", "autism", ["6", "2", "1", "3", "50%"]),
    ("by-need", "hi", ["1", "0", "1", "1", "100%"]),
    ("by-need", "", ["13", "13", "0", "13", "100%"]),  # no need chosen (the demo search chose one)
    ("by-quadrant", "mid", ["6", "2", "1", "3", "50%"]),
    ("by-quadrant", "north-east", ["1", "1", "0", "1", "100%"]),  # from "near Colchester"
    ("by-quadrant", "south", ["0", "0", "0", "0", "–"]),
    ("by-band", "0-4", ["6", "2", "1", "3", "50%"]),
    ("by-band", "19-25", ["1", "0", "1", "1", "100%"]),
    ("by-month", "2026-05", ["2", "2", "0", "2", "100%"]),
    ("by-month", "2026-06", ["7", "2", "2", "4", "57%"]),
    ("by-month", "2025-07", ["0", "0", "0", "0", "–"]),
])
def test_unmet_searches_are_grouped(searches, table, key, expected):
    assert row(searches, table, key) == expected


def test_need_by_quadrant_counts_searches_that_found_very_little(searches):
    assert row(searches, "need-by-quadrant", "autism") == ["0", "3", "0", "0", "0"]
    assert row(searches, "need-by-quadrant", "hi")[3] == "1"  # West


def test_the_months_run_from_the_start_of_the_period_to_this_month(searches):
    keys = [r.key for r in searches.table("by-month").rows]
    assert keys[0] == "2025-07" and keys[-1] == "2026-06" and len(keys) == 12


def test_only_words_from_five_different_searches_are_shown(searches):
    words = {r.key: r.cells[0].value for r in searches.table("zero-words").rows}
    # Five searches on different days; the same words again three times in the first one's hour
    # are the same search repeated, so they add nothing.
    assert words == {"hydrotherapy": 5, "pool": 5}
    assert "oliver" not in words and "riding" not in words
    # riding, oliver (four searches), holiday and club (one): "for" is too common to count.
    assert any("4 rarer words are not shown" in note for note in searches.table("zero-words").notes)


def test_filters_narrow_the_searches(module_app, search_log):
    with module_app.test_request_context():
        mid = searches_section(InsightFilters(quadrant="mid", band="0-4", months=3), TODAY)
    assert row(mid, "totals", "all") == ["6", "2", "1", "3", "50%"]
    assert [r.key for r in mid.table("by-quadrant").rows] == ["mid"]


def test_the_page_says_how_many_searches_are_made_up(searches):
    assert any("1 made-up demo search" in note for note in searches.notes)


def test_a_very_little_limit_is_configurable(module_app, search_log):
    module_app.config["INSIGHT_FEW_RESULTS"] = 0
    try:
        with module_app.test_request_context():
            strict = searches_section(InsightFilters(), TODAY)
    finally:
        module_app.config["INSIGHT_FEW_RESULTS"] = 2
    assert row(strict, "by-need", "autism") == ["6", "2", "0", "2", "33%"]
