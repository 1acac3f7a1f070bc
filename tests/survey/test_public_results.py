"""The public results page: published waves only, accessible charts, never free text."""
from __future__ import annotations

from .conftest import add_response, make_wave


def fill(survey, agree: int, disagree: int, *, quadrant="mid", text=None):
    for _ in range(agree):
        add_response(survey, {"who": "parent-carer", "quadrant": quadrant, "info-1": "agree", "change-1": "better"},
                     text=text, themes=["health"] if text else None)
    for _ in range(disagree):
        add_response(survey, {"who": "parent-carer", "quadrant": quadrant, "info-1": "disagree", "change-1": "worse"})


def test_with_nothing_published_the_page_says_so(client, wave):
    fill(wave, 10, 10)
    page = client.get("/survey/results").text
    assert "No results have been published yet" in page and "Know where to find information" not in page


def test_unpublished_waves_are_never_shown_even_when_asked_for(client, app):
    shown = make_wave("2025", status="closed", published=True)
    hidden = make_wave("2026", status="closed")
    fill(shown, 6, 6)
    fill(hidden, 20, 0)
    page = client.get(f"/survey/results?wave={hidden.id}").text
    assert "Family Impact Survey 2025" in page and "Family Impact Survey 2026" not in page
    assert client.get("/survey/results?wave=not-a-number").status_code == 200


def test_results_have_a_summary_bars_and_a_table_of_the_same_numbers(client, app):
    survey = make_wave("2025", status="closed", published=True)
    fill(survey, 30, 10)
    page = client.get("/survey/results").text
    assert "75% agreed (40 people answered)." in page
    assert 'class="lo-chart" aria-hidden="true"' in page and "lo-chart__bar--75" in page
    assert "<caption" in page and '<th scope="row" class="govuk-table__header">Agree</th>' in page
    assert "survey-charts.css" in page


def test_free_text_is_never_public_only_coded_theme_counts(client, app):
    survey = make_wave("2025", status="closed", published=True)
    fill(survey, 6, 5, text="Our son's school in Witham is awful")
    page = client.get("/survey/results").text
    assert "Witham" not in page and "school in" not in page
    assert "Health and therapies" in page and "6 answers were grouped into themes" in page


def test_small_groups_in_the_quadrant_breakdown_are_hidden(client, app):
    survey = make_wave("2025", status="closed", published=True)
    fill(survey, 20, 10, quadrant="mid")
    fill(survey, 2, 1, quadrant="west")
    page = client.get("/survey/results").text
    assert "Answers by part of Essex" in page and "fewer than 5" in page


def test_last_year_is_compared_by_question_code(client, app):
    old = make_wave("2025", status="closed", published=True)
    new = make_wave("2026", status="closed", published=True)
    fill(old, 10, 10)
    fill(new, 15, 5)
    page = client.get("/survey/results").text
    assert "Results: Family Impact Survey 2026" in page
    assert "75% agreed (20 people answered). Last year: 50%." in page
    assert f'href="/survey/results?wave={old.id}"' in page
    older = client.get(f"/survey/results?wave={old.id}").text
    assert "Last year" not in older


def test_an_unpublished_earlier_wave_is_not_used_for_the_comparison(client, app):
    old = make_wave("2025", status="closed")
    new = make_wave("2026", status="closed", published=True)
    fill(old, 10, 10)
    fill(new, 15, 5)
    assert "Last year" not in client.get("/survey/results").text
