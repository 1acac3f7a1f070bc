"""Survey results: counts and percentages with disclosure control (reg 56(3), research D-6), the
same everywhere they are shown or exported: public results, staff results, CSV, "you said, we
did" evidence and the annual report. The suppression rules are in survey/suppression.py."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..i18n import stored_text
from ..models import Survey, SurveyQuestion
from ..survey.flow import option_labels
from ..survey.suppression import (Cell, Row, build_rows, percent, protect,  # noqa: F401 (used by tests)
                                  suppressed_text)
from ..voice_vocab import CHANNELS, NOT_APPLICABLE, SUPPRESSION_THRESHOLD, THEMES
from ..vocab import QUADRANTS
from .survey_archive import answer_rows

POSITIVE = {"agreement": ("strongly-agree", "agree"), "better-same-worse": ("better",)}
HEADLINE_KINDS = tuple(POSITIVE)
NO_QUADRANT = "none"
BREAKDOWNS = {"quadrant": _l("Part of Essex"), "channel": _l("How the answers reached us")}


@dataclass
class QuestionResult:
    question: SurveyQuestion
    overall: Row
    groups: list[Row] = field(default_factory=list)
    positive_percent: int | None = None
    positive_suppressed: bool = False
    previous: Row | None = None
    previous_positive: int | None = None
    text_answers: int = 0  # free-text answers received (never their words)

    @property
    def label(self) -> str:
        return stored_text(self.question.chart_label or self.question.text)

    @property
    def summary(self) -> str:
        return summary_text(self)


# Counting ------------------------------------------------------------------------------------

def _tally(question: SurveyQuestion, values: list) -> tuple[dict[str, int], int]:
    """Counts per option and the base for percentages (answers other than "does not apply")."""
    labels = option_labels(question)
    counts = dict.fromkeys(labels, 0)
    base = 0
    for value in values:
        chosen = value if isinstance(value, list) else [value]
        chosen = [v for v in chosen if v in counts]
        if not chosen:
            continue
        for v in chosen:
            counts[v] += 1
        if chosen != [NOT_APPLICABLE]:
            base += 1
    return counts, base


def _theme_tally(themes_lists: list[list[str]]) -> tuple[dict[str, int], int]:
    counts = dict.fromkeys(THEMES, 0)
    for themes in themes_lists:
        for theme in themes:
            if theme in counts:
                counts[theme] += 1
    return counts, len(themes_lists)


# Queries ------------------------------------------------------------------------------------

def group_labels(by: str) -> dict[str, str]:
    if by == "quadrant":
        return {**{k: str(v) for k, v in QUADRANTS.items()}, NO_QUADRANT: _("Not sure or not given")}
    if by == "channel":
        return {k: str(v) for k, v in CHANNELS.items()}
    return {}


def _group_of(by: str, quadrant: str | None, channel: str) -> str:
    return (quadrant or NO_QUADRANT) if by == "quadrant" else channel


def survey_results(survey: Survey, by: str | None = None, previous: Survey | None = None) -> list[QuestionResult]:
    """Every question's results, broken down `by` quadrant or channel if asked, compared with
    `previous` (a wave of the same series) by question code."""
    by = by if by in BREAKDOWNS else None
    raw: dict[int, list] = defaultdict(list)
    for row in answer_rows(survey):
        raw[row.question_id].append(row)
    before = {r.question.code: r for r in survey_results(previous)} if previous is not None else {}
    results = []
    for question in survey.questions:
        answers = raw.get(question.id, [])
        if question.kind == "text":
            coded = [a for a in answers if a.coded]
            tally = lambda items: _theme_tally([list(a.themes or []) for a in items])  # noqa: E731
            labels = {k: str(v) for k, v in THEMES.items()}
        else:
            coded = answers
            tally = lambda items: _tally(question, [a.value for a in items])  # noqa: E731
            labels = {k: str(v) for k, v in option_labels(question).items()}
        counts, base = tally(coded)
        groups = None
        if by:
            groups = {g: (label, *tally([a for a in coded if _group_of(by, a.quadrant, a.channel) == g]))
                      for g, label in group_labels(by).items()}
        overall, rows = build_rows(question, counts, base, labels, groups)
        result = QuestionResult(question, overall, rows,
                                text_answers=sum(1 for a in answers if a.has_text) if question.kind == "text" else 0)
        result.positive_percent, result.positive_suppressed = _positive(question, overall)
        earlier = before.get(question.code)
        if earlier is not None and earlier.question.kind == question.kind:
            result.previous, result.previous_positive = earlier.overall, earlier.positive_percent
        results.append(result)
    return results


def _positive(question: SurveyQuestion, row: Row) -> tuple[int | None, bool]:
    keys = POSITIVE.get(question.kind)
    if not keys:
        return None, row.n_suppressed
    cells = [row.cell(k) for k in keys]
    # Adding a hidden cell to a shown one would give the hidden one away.
    if row.n_suppressed or any(c.suppressed for c in cells):
        return None, True
    if row.n == 0:
        return None, False
    return percent(sum(c.count for c in cells), row.n), False


def positive_share(question: SurveyQuestion, row: Row) -> tuple[int | None, bool]:
    """The share agreeing (or saying better) in one row, and whether it had to be hidden; for
    the insight pages' survey figures by part of Essex (data/insight_voice.py)."""
    return _positive(question, row)


def summary_text(result: QuestionResult) -> str:
    """One line saying what the chart shows, for everyone (and screen readers first)."""
    row, kind = result.overall, result.question.kind
    if row.n == 0:
        return _("No answers yet.")
    if row.n_suppressed:
        return _("Fewer than %(n)d people answered, so the numbers are not shown.", n=SUPPRESSION_THRESHOLD)
    if kind in POSITIVE:
        if result.positive_percent is None:
            line = _("%(n)d people answered. Some numbers are too small to show.", n=row.n)
        elif kind == "agreement":
            line = _("%(percent)d%% agreed (%(n)d people answered).", percent=result.positive_percent, n=row.n)
        else:
            line = _("%(percent)d%% said better (%(n)d people answered).", percent=result.positive_percent, n=row.n)
        if result.previous_positive is not None:
            line += " " + _("Last year: %(percent)d%%.", percent=result.previous_positive)
        return line
    if kind == "text":
        return _("%(n)d answers were grouped into themes. What people wrote is not published.", n=row.n)
    shown = [c for c in row.cells if c.percent is not None]
    if not shown:
        return _("%(n)d people answered. The numbers are too small to show.", n=row.n)
    top = max(shown, key=lambda c: c.count)
    return _("%(n)d people answered. Most chosen: %(answer)s (%(percent)d%%).", n=row.n, answer=top.label,
             percent=top.percent)


def published_surveys() -> list[Survey]:
    """Waves whose results are public, newest first."""
    return list(db.session.scalars(select(Survey).where(Survey.results_published.is_(True))
                                   .order_by(Survey.created_at.desc(), Survey.id.desc())))


def previous_wave(survey: Survey, *, published_only: bool = False) -> Survey | None:
    """The wave of the same series before this one (published only, for public pages)."""
    stmt = select(Survey).where(Survey.series == survey.series).order_by(Survey.created_at, Survey.id)
    waves = list(db.session.scalars(stmt))
    earlier = waves[:waves.index(survey)] if survey in waves else []
    if published_only:
        earlier = [w for w in earlier if w.results_published]
    return earlier[-1] if earlier else None


def question_summary(survey: Survey, code: str) -> dict | None:
    """One question's headline, suppressed: used for "you said, we did" evidence and the annual report."""
    question = next((q for q in survey.questions if q.code == code), None)
    if question is None:
        return None
    result = next(r for r in survey_results(survey) if r.question.code == code)
    return {"survey_id": survey.id, "series": survey.series, "wave": survey.wave, "title": survey.title,
            "code": code, "label": result.label, "kind": question.kind, "n": result.overall.shown_n,
            "positive_percent": result.positive_percent,
            "suppressed": result.overall.n_suppressed or result.positive_suppressed}


def headline_figures(survey: Survey) -> list[dict]:
    return [question_summary(survey, q.code) for q in survey.questions if q.kind in HEADLINE_KINDS]


def protected_counts(counts: dict[str, int]) -> tuple[dict[str, str], str]:
    """Counts that add up to a shown total (responses by channel), as text, suppressed."""
    total = sum(counts.values())
    flat = {("cell", None, k): v for k, v in counts.items()} | {("n", None): total}
    hidden = protect(flat, [([("cell", None, k) for k in counts], ("n", None))])
    text = {k: suppressed_text(v) if ("cell", None, k) in hidden else str(v) for k, v in counts.items()}
    return text, suppressed_text(total) if ("n", None) in hidden else str(total)


def export_rows(survey: Survey) -> Iterator[list[str]]:
    """Aggregated tables for CSV: everyone, then by quadrant and by channel. Never microdata or text."""
    yield ["question_code", "question", "option", "group", "count", "percent"]
    for by in (None, *BREAKDOWNS):
        for result in survey_results(survey, by=by):
            rows = result.groups if by else [result.overall]
            for row in rows:
                group = f"{BREAKDOWNS[by]}: {row.label}" if by else row.label
                yield [result.question.code, result.label, _("Number answering"), group, row.n_text, ""]
                for cell in row.cells:
                    yield [result.question.code, result.label, cell.label, group, cell.count_text, cell.percent_text]
