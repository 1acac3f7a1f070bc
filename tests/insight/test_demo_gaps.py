"""With the demo data, the insight pages show real gaps, and each one checks out in the
directory: the search behind an empty or thin cell finds exactly that many services."""
from __future__ import annotations

from localoffer.data.insight import InsightFilters
from localoffer.data.insight_coverage import coverage_section
from localoffer.data.insight_searches import searches_section


def test_the_demo_directory_has_gaps_that_check_out_in_the_directory(demo_app):
    with demo_app.test_request_context():
        section = coverage_section(InsightFilters(category="health"))
    flagged = [(t.key, r.label, cell) for t in section.tables if t.key.startswith("need-")
               for r in t.rows for cell in r.cells if cell.flag in ("none", "thin")]
    empty_with_countywide = [f for f in flagged if f[2].flag == "none" and "countywide" not in f[2].href]
    assert len(empty_with_countywide) >= 5, "the demo should show therapies missing for some needs and ages"
    client = demo_app.test_client()
    for _table, _need, cell in flagged[:40]:
        assert client.get(cell.href.replace("/services?", "/services.json?")).get_json()["total"] == cell.value


def test_the_demo_search_log_shows_unmet_searches(demo_app):
    with demo_app.test_request_context():
        section = searches_section(InsightFilters())
    totals = section.table("totals").rows[0].cells
    assert totals[0].value > 1000 and totals[3].value > 100
    assert len(section.table("zero-words").rows) >= 5
    assert any("made-up demo searches" in note for note in section.notes)
