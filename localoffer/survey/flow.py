"""Which questions a family is asked, given their answers so far: pure functions over a wave's
questions (in order) and a dict of answers {code: value}. A question with a show-if rule is
asked only when an earlier answer matches; answers to questions no longer asked are dropped."""
from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l

from ..i18n import stored_text
from ..models.survey import SurveyQuestion
from ..voice_vocab import AGREEMENT_SCALE, BETTER_SAME_WORSE, NOT_SURE_QUADRANT
from ..vocab import QUADRANTS

TEXT_MAX_CHARS = 1000


def option_labels(question: SurveyQuestion) -> dict[str, str]:
    """The answers a question offers, in order, as {value: label}. Free text offers none."""
    if question.kind in ("single", "multiple"):
        return {item["value"]: stored_text(item["label"]) for item in question.options or []}
    if question.kind == "agreement":
        return dict(AGREEMENT_SCALE)
    if question.kind == "better-same-worse":
        return dict(BETTER_SAME_WORSE)
    if question.kind == "quadrant":
        return {**QUADRANTS, NOT_SURE_QUADRANT: _l("Not sure")}
    return {}


def _matches(rule: dict, answers: dict) -> bool:
    given = answers.get(rule.get("code"))
    wanted = set(rule.get("any_of") or [])
    if isinstance(given, list):
        return bool(wanted.intersection(given))
    return given in wanted


def prune(questions: Sequence[SurveyQuestion], answers: dict) -> dict:
    """Only the answers to questions that are still asked. Rules look at earlier answers, so
    one pass in order sees each question's rule against answers already pruned."""
    kept: dict = {}
    for question in questions:
        if question.show_if and not _matches(question.show_if, kept):
            continue
        if question.code in answers:
            kept[question.code] = answers[question.code]
    return kept


def asked(questions: Sequence[SurveyQuestion], answers: dict) -> list[SurveyQuestion]:
    """The questions this family is asked, in order."""
    kept = prune(questions, answers)
    return [q for q in questions if not q.show_if or _matches(q.show_if, kept)]


def is_asked(question: SurveyQuestion, questions: Sequence[SurveyQuestion], answers: dict) -> bool:
    return any(q.code == question.code for q in asked(questions, answers))


def next_after(question: SurveyQuestion, questions: Sequence[SurveyQuestion],
               answers: dict) -> SurveyQuestion | None:
    later = [q for q in asked(questions, answers) if q.position > question.position]
    return later[0] if later else None


def previous_before(question: SurveyQuestion, questions: Sequence[SurveyQuestion],
                    answers: dict) -> SurveyQuestion | None:
    earlier = [q for q in asked(questions, answers) if q.position < question.position]
    return earlier[-1] if earlier else None


def first_missing_required(questions: Sequence[SurveyQuestion], answers: dict) -> SurveyQuestion | None:
    """The first question that must be answered and is not, among those asked."""
    kept = prune(questions, answers)
    for question in asked(questions, answers):
        if question.required and kept.get(question.code) in (None, "", []):
            return question
    return None


def quadrant_of(questions: Sequence[SurveyQuestion], answers: dict) -> str | None:
    """The part of Essex from the quadrant question, for breakdowns ('not sure' is none)."""
    for question in questions:
        if question.kind == "quadrant":
            value = answers.get(question.code)
            return value if value in QUADRANTS else None
    return None


def answer_labels(question: SurveyQuestion, value) -> list[str]:
    """An answer in words, for the check page and the champion's entry list."""
    if value in (None, "", []):
        return []
    if question.kind == "text":
        return [value]
    labels = option_labels(question)
    values = value if isinstance(value, list) else [value]
    return [str(labels.get(v, v)) for v in values]
