"""Family voice by area: published wall comments only, every count from 1 to 4 shown as "fewer
than 5" and complementary cells hidden so nothing can be worked out from a total, the same in
every view; survey figures by part of Essex from the survey's own suppressed results."""
from __future__ import annotations

import pytest

from localoffer.data.insight import InsightFilters
from localoffer.data.insight_voice import voice_section

from .conftest import TODAY


@pytest.fixture(scope="module")
def voice(module_app, wall, survey):
    with module_app.test_request_context():
        yield voice_section(InsightFilters(), TODAY)


def cells(section, table: str, key: str) -> dict[str, str]:
    t = section.table(table)
    found = next(r for r in t.rows if r.key == key)
    return {c.key: cell.text for c, cell in zip(t.columns, found.cells)}


def test_only_published_comments_are_counted(voice):
    assert cells(voice, "wall-themes-by-area", "all")["all"] == "13"  # 6 + 2 + 5, not the 3 waiting


def test_small_counts_and_their_complements_are_hidden(voice):
    health = cells(voice, "wall-themes-by-area", "health")
    # West's 2 is "fewer than 5"; Mid's 6 must go too, or 8 - 6 would give it away.
    assert health["west"] == "fewer than 5" and health["mid"] == "not shown" and health["all"] == "8"
    # Mid's comments (11) are hidden too: with social care's 5 shown they would give health away.
    assert cells(voice, "wall-themes-by-area", "social-care")["mid"] == "5"
    assert cells(voice, "wall-themes-by-area", "all")["mid"] == "not shown"


def test_no_line_of_the_table_is_left_with_one_hidden_cell(voice):
    table = voice.table("wall-themes-by-area")
    for row in table.rows:
        hidden = [cell.value is None for cell in row.cells]
        assert sum(hidden) != 1, row.label
    shown = [cell.value for row in table.rows for cell in row.cells if cell.value is not None]
    assert not any(0 < n < 5 for n in shown)


def test_a_quadrant_view_hides_exactly_what_the_full_table_hides(module_app, voice, wall, survey):
    with module_app.test_request_context():
        mid = voice_section(InsightFilters(quadrant="mid"), TODAY)
    full = voice.table("wall-themes-by-area")
    narrow = mid.table("wall-themes-by-area")
    assert [c.key for c in narrow.columns] == ["mid", "all"]
    for row in narrow.rows:
        assert [c.text for c in row.cells] == [cells(voice, "wall-themes-by-area", row.key)[k] for k in ("mid", "all")]
    # Over time, Mid's totals match the by-area table's Mid column, hidden or shown.
    over_time = mid.table("wall-themes-by-quarter")
    for row in over_time.rows:
        assert row.cells[-1].text == cells(voice, "wall-themes-by-area", row.key)["mid"]


def test_comments_are_counted_by_quarter(voice):
    quarters = cells(voice, "wall-themes-by-quarter", "all")
    assert quarters["2026-Q2"] == "8" and quarters["2026-Q1"] == "5" and quarters["all"] == "13"


def test_survey_figures_by_part_of_essex_are_suppressed(voice, survey):
    table = voice.table("survey-info-1")
    wave = str(survey.id)
    by_area = {r.key: r.cells[[c.key for c in table.columns].index(wave)] for r in table.rows}
    assert (by_area["mid"].text, by_area["mid"].detail) == ("63%", "16 answered")  # 10 of 16 agreed
    assert by_area["west"].text == "fewer than 5" and by_area["west"].value is None
    assert by_area["north-east"].text == "No answers"
    assert by_area["all"].value is not None
