"""Results maths: percentages leave out "does not apply", small numbers are suppressed, and no
suppressed number can be worked out by subtracting shown numbers from a shown total."""
from __future__ import annotations

import csv
import io
import itertools

from localoffer.data import survey_results as sr
from localoffer.extensions import db
from localoffer.models import SurveyQuestion

from .conftest import add_response, make_wave


def agreement(code="q1"):
    return SurveyQuestion(code=code, kind="agreement", text="Statement", position=1)


def counts(**kw):
    base = dict.fromkeys(("strongly-agree", "agree", "neither", "disagree", "strongly-disagree", "not-applicable"), 0)
    base.update({k.replace("_", "-"): v for k, v in kw.items()})
    return base


def labels():
    return {k: k for k in counts()}


def test_percentages_leave_out_does_not_apply_and_show_n():
    q = agreement()
    c = counts(strongly_agree=10, agree=30, neither=20, disagree=20, strongly_disagree=20, not_applicable=50)
    row, _ = sr.build_rows(q, c, 100, labels())
    assert row.n == 100 and row.cell("agree").percent == 30
    assert row.cell("not-applicable").percent is None and row.cell("not-applicable").count_text == "50"


def test_tally_counts_a_base_without_not_applicable():
    q = agreement()
    found, base = sr._tally(q, ["agree", "agree", "not-applicable", "nonsense"])
    assert base == 2 and found["agree"] == 2 and found["not-applicable"] == 1


def test_a_cell_under_five_is_shown_as_fewer_than_five_without_a_percent():
    q = agreement()
    c = counts(strongly_agree=3, agree=30, neither=20, disagree=20, strongly_disagree=27)
    row, _ = sr.build_rows(q, c, 100, labels())
    cell = row.cell("strongly-agree")
    assert cell.suppressed and cell.count_text == "fewer than 5" and cell.percent is None and cell.shown_count is None


def test_one_suppressed_cell_in_a_row_hides_the_next_smallest_too():
    q = agreement()
    c = counts(strongly_agree=3, agree=30, neither=20, disagree=12, strongly_disagree=35)
    row, _ = sr.build_rows(q, c, 100, labels())
    assert row.cell("strongly-agree").suppressed and row.cell("disagree").suppressed
    assert row.cell("disagree").count_text == "not shown" and row.cell("disagree").percent is None
    assert not row.cell("neither").suppressed and row.shown_n == 100


def test_a_row_whose_only_answers_are_small_hides_its_total():
    q = agreement()
    row, _ = sr.build_rows(q, counts(agree=3), 3, labels())
    assert row.n_suppressed and row.n_text == "fewer than 5"
    hidden = sr.protect({"a": 7, "b": 0, "t": 7}, [(["a", "b"], "t")], fixed={"a": True})
    assert hidden == {"a", "t"}


def test_zero_is_shown_as_zero():
    q = agreement()
    row, _ = sr.build_rows(q, counts(agree=40, disagree=20), 60, labels())
    assert row.cell("neither").count_text == "0" and not row.cell("neither").suppressed


def _derivable(rows: list, overall) -> list[int]:
    """The true values of hidden numbers that one subtraction (or addition) gives away: a line of
    numbers adding up to a total with exactly one of them hidden."""
    lines = [([c for c in row.cells if not c.excluded], row) for row in [overall, *rows]]
    found = []
    for cells, row in lines:
        items = [(c.shown_count, c.count) for c in cells] + [(row.shown_n, row.n)]
        found += [true for shown, true in items if shown is None] if sum(s is None for s, _ in items) == 1 else []
    for key in [c.key for c in overall.cells]:
        items = [(r.cell(key).shown_count, r.cell(key).count) for r in rows]
        items.append((overall.cell(key).shown_count, overall.cell(key).count))
        found += [true for shown, true in items if shown is None] if sum(s is None for s, _ in items) == 1 else []
    items = [(r.shown_n, r.n) for r in rows] + [(overall.shown_n, overall.n)]
    found += [true for shown, true in items if shown is None] if sum(s is None for s, _ in items) == 1 else []
    return found


def test_a_breakdown_never_leaves_a_single_hidden_cell_in_a_row_or_column():
    q = agreement()
    groups = {
        "north-east": ("NE", counts(strongly_agree=2, agree=14, neither=9, disagree=8, strongly_disagree=7), 40),
        "mid": ("Mid", counts(strongly_agree=6, agree=20, neither=3, disagree=10, strongly_disagree=11), 50),
        "west": ("West", counts(agree=3, disagree=1), 4),
        "south": ("South", counts(strongly_agree=9, agree=12, neither=8, disagree=6, strongly_disagree=10), 45),
    }
    overall_counts = {k: sum(g[1][k] for g in groups.values()) for k in counts()}
    overall, rows = sr.build_rows(q, overall_counts, sum(g[2] for g in groups.values()), labels(), groups)
    west = next(r for r in rows if r.key == "west")
    assert west.n_suppressed and west.cell("agree").count_text == "fewer than 5"
    assert _derivable(rows, overall) == []
    # The overall figures are the same with or without the breakdown.
    alone, _ = sr.build_rows(q, overall_counts, overall.n, labels())
    assert [c.count_text for c in alone.cells] == [c.count_text for c in overall.cells]


def test_random_tables_never_give_a_hidden_number_away():
    import random

    rng = random.Random(7)
    q = agreement()
    for _ in range(300):
        groups = {}
        for g in ("a", "b", "c", "d", "e"):
            c = counts(**{k: rng.choice([0, 0, 0, 1, 2, 4, 5, 6, 9, 15]) for k in
                          ("strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "not_applicable")})
            groups[g] = (g, c, sum(v for k, v in c.items() if k != "not-applicable"))
        total = {k: sum(g[1][k] for g in groups.values()) for k in counts()}
        overall, rows = sr.build_rows(q, total, sum(g[2] for g in groups.values()), labels(), groups)
        assert _derivable(rows, overall) == [], (groups, [r.cells for r in rows])


def make_results_wave():
    survey = make_wave("2025", status="closed", published=True)
    for quadrant, answer, times in (("north-east", "agree", 12), ("north-east", "disagree", 6), ("mid", "agree", 8),
                                    ("mid", "strongly-agree", 5), ("west", "disagree", 3), ("south", "agree", 7),
                                    ("south", "not-applicable", 4)):
        for _ in range(times):
            add_response(survey, {"who": "parent-carer", "quadrant": quadrant, "info-1": answer,
                                  "change-1": "better" if answer == "agree" else "worse"})
    for themes in (["health"],) * 6 + (["education"],) * 9 + (["travel"],) * 2:
        add_response(survey, {"who": "other"}, text="secret words", themes=list(themes))
    add_response(survey, {"who": "other"}, text="not coded yet")
    return survey


def test_question_summary_gives_the_headline_with_suppression(app):
    survey = make_results_wave()
    summary = sr.question_summary(survey, "info-1")
    assert summary == {"survey_id": survey.id, "series": "family-impact", "wave": "2025",
                       "title": "Family Impact Survey 2025", "code": "info-1",
                       "label": "Know where to find information", "kind": "agreement", "n": 41,
                       "positive_percent": 78, "suppressed": False}
    assert sr.question_summary(survey, "change-1")["positive_percent"] == 60  # 27 better of 45
    assert sr.question_summary(survey, "who")["positive_percent"] is None
    assert sr.question_summary(survey, "nope") is None
    assert [f["code"] for f in sr.headline_figures(survey)] == ["info-1", "breaks-1", "change-1"]


def test_a_headline_hides_its_percent_when_a_part_of_it_is_small(app):
    survey = make_wave("2025", status="closed", published=True)
    for answer, times in (("strongly-agree", 2), ("agree", 20), ("disagree", 10)):
        for _ in range(times):
            add_response(survey, {"who": "parent-carer", "info-1": answer})
    summary = sr.question_summary(survey, "info-1")
    assert summary["positive_percent"] is None and summary["suppressed"] is True and summary["n"] == 32
    small = make_wave("2026")
    for _ in range(2):
        add_response(small, {"who": "parent-carer", "info-1": "agree"})
    tiny = sr.question_summary(small, "info-1")
    assert tiny["n"] is None and tiny["suppressed"] is True


def test_theme_counts_come_only_from_coded_answers_and_are_suppressed(app):
    survey = make_results_wave()
    result = next(r for r in sr.survey_results(survey) if r.question.code == "one-thing")
    assert result.overall.n == 17 and result.text_answers == 18
    assert result.overall.cell("travel").count_text == "fewer than 5"
    # Most answers have one theme, so the next smallest is hidden too: 17 - 9 - 6 would give 2.
    assert result.overall.cell("health").count_text == "not shown"
    assert result.overall.cell("education").count_text == "9"


def test_published_surveys_are_newest_first_and_only_published(app):
    old = make_wave("2024", status="closed", published=True)
    new = make_wave("2025", status="closed", published=True)
    make_wave("2026", status="closed")
    assert sr.published_surveys() == [new, old]
    assert sr.previous_wave(new) == old and sr.previous_wave(old) is None


def test_the_year_comparison_matches_questions_by_code(app):
    old = make_wave("2024", status="closed", published=True)
    new = make_wave("2025", status="closed", published=True)
    old.questions[2].code = "info-old"  # a different question last year: no comparison
    db.session.commit()
    for survey, answer in ((old, "disagree"), (new, "agree")):
        for _ in range(10):
            add_response(survey, {"who": "parent-carer", "info-1" if survey is new else "info-old": answer,
                                  "change-1": "better" if survey is new else "same"})
    results = {r.question.code: r for r in sr.survey_results(new, previous=old)}
    assert results["info-1"].previous is None
    assert results["change-1"].previous_positive == 0 and results["change-1"].positive_percent == 100
    assert "Last year: 0%" in results["change-1"].summary


def test_the_csv_has_aggregates_with_the_same_suppression_and_no_free_text(app):
    survey = make_results_wave()
    rows = list(csv.reader(io.StringIO("\n".join(",".join(f'"{c}"' for c in r) for r in sr.export_rows(survey)))))
    assert rows[0] == ["question_code", "question", "option", "group", "count", "percent"]
    text = "\n".join(",".join(r) for r in rows)
    assert "secret words" not in text and "not coded yet" not in text
    west = [r for r in rows if r[0] == "info-1" and r[3] == "Part of Essex: West Essex"]
    assert ["info-1", "Know where to find information", "Disagree", "Part of Essex: West Essex", "fewer than 5", ""] in west
    assert ["info-1", "Know where to find information", "Number answering", "Part of Essex: West Essex",
            "fewer than 5", ""] in west
    travel = [r for r in rows if r[0] == "one-thing" and r[2] == "Travel" and r[3] == "All answers"]
    assert travel == [["one-thing", "The one thing", "Travel", "All answers", "fewer than 5", ""]]
    # No line of a breakdown has exactly one hidden number.
    for code, group in itertools.product(("info-1", "change-1", "who"), ("Part of Essex", "How the answers reached us")):
        for option in {r[2] for r in rows if r[0] == code and r[2] != "Number answering"}:
            column = [r[4] for r in rows if r[0] == code and r[2] == option and r[3].startswith(group)]
            hidden = [v for v in column if not v.isdigit()]
            overall = next(r[4] for r in rows if r[0] == code and r[2] == option and r[3] == "All answers")
            assert not (len(hidden) == 1 and overall.isdigit()), (code, group, option, column)


def test_protected_counts_hide_a_small_channel_and_one_more(app):
    by_channel, total = sr.protected_counts({"online": 40, "group": 3, "event": 7, "phone": 0, "paper": 0})
    assert by_channel == {"online": "40", "group": "fewer than 5", "event": "not shown", "phone": "0", "paper": "0"}
    assert total == "50"
