"""The Family Impact Survey's data: open waves, drafts of answers in progress, responses
(online and champion-entered), staff actions on waves and coding of free text. Results maths
is in survey_results.py."""
from __future__ import annotations

import hashlib
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from ..extensions import db
from ..models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse, User
from ..models.base import utcnow
from ..models.survey import SurveyDraft
from . import audit
from .survey_archive import tallied_response_counts
from .wall import is_id

DRAFT_MAX_DAYS = 2  # config SURVEY_DRAFT_MAX_DAYS


# Waves -------------------------------------------------------------------------------------

def get_survey(survey_id: int) -> Survey | None:
    return db.session.get(Survey, survey_id) if is_id(survey_id) else None


def all_surveys() -> list[Survey]:
    return list(db.session.scalars(select(Survey).order_by(Survey.series, Survey.created_at.desc(),
                                                          Survey.id.desc())))


def is_taking_answers(survey: Survey, today: date) -> bool:
    return (survey.status == "open" and (survey.opens_on is None or survey.opens_on <= today)
            and (survey.closes_on is None or today <= survey.closes_on))


def open_survey(today: date) -> Survey | None:
    """The wave families can answer today (the newest, should two series be open at once)."""
    for survey in db.session.scalars(select(Survey).where(Survey.status == "open")
                                     .order_by(Survey.created_at.desc(), Survey.id.desc())):
        if is_taking_answers(survey, today):
            return survey
    return None


def question_by_code(survey: Survey, code: str) -> SurveyQuestion | None:
    return next((q for q in survey.questions if q.code == code), None)


def response_counts_by_channel(survey_ids: list[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {sid: {} for sid in survey_ids}
    rows = db.session.execute(select(SurveyResponse.survey_id, SurveyResponse.channel, func.count())
                              .where(SurveyResponse.survey_id.in_(survey_ids))
                              .group_by(SurveyResponse.survey_id, SurveyResponse.channel))
    for survey_id, channel, number in [*rows, *tallied_response_counts(survey_ids)]:
        counts[survey_id][channel] = counts[survey_id].get(channel, 0) + number
    return counts


def open_wave_in_series(series: str, *, other_than: int | None = None) -> Survey | None:
    stmt = select(Survey).where(Survey.series == series, Survey.status == "open")
    if other_than is not None:
        stmt = stmt.where(Survey.id != other_than)
    return db.session.scalars(stmt).first()


def set_status(survey: Survey, status: str, today: date) -> None:
    """Open or close a wave. Opening clears a closing date already past (else the wave would
    stay shut); closing sets the closing date to today if it was later or unset."""
    before = survey.status
    survey.status = status
    if status == "open" and survey.closes_on and survey.closes_on < today:
        survey.closes_on = None
    if status == "closed" and (survey.closes_on is None or survey.closes_on > today):
        survey.closes_on = today
    audit.record("survey-status-changed", subject_type="survey", subject_id=str(survey.id),
                 detail=f"{before} -> {status}")


def set_published(survey: Survey, published: bool) -> None:
    survey.results_published = published
    audit.record("survey-results-published", subject_type="survey", subject_id=str(survey.id),
                 detail="published" if published else "unpublished")


def wave_exists(series: str, wave: str) -> bool:
    return db.session.scalar(select(func.count()).select_from(Survey)
                             .where(Survey.series == series, Survey.wave == wave)) > 0


def start_next_wave(previous: Survey, wave: str, title: str) -> Survey:
    """A new draft wave with the same questions under the same codes, so years compare."""
    survey = Survey(series=previous.series, wave=wave, title=title, introduction=previous.introduction,
                    status="draft", results_published=False)
    for q in previous.questions:
        survey.questions.append(SurveyQuestion(
            code=q.code, position=q.position, kind=q.kind, text=q.text, hint=q.hint,
            options=list(q.options or []), required=q.required,
            show_if=dict(q.show_if) if q.show_if else None, theme=q.theme, chart_label=q.chart_label))
    db.session.add(survey)
    db.session.flush()
    audit.record("survey-wave-created", subject_type="survey", subject_id=str(survey.id),
                 detail=f"{previous.series} {wave} from {previous.wave}")
    return survey


# Drafts of the public survey ----------------------------------------------------------------

def _draft_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get_draft(token: str | None) -> SurveyDraft | None:
    return db.session.get(SurveyDraft, _draft_id(token)) if token else None


def new_draft(survey: Survey, token: str) -> SurveyDraft:
    delete_old_drafts()  # cheap, and keeps the table small without relying on a job
    draft = SurveyDraft(id=_draft_id(token), survey_id=survey.id, answers={})
    db.session.add(draft)
    db.session.commit()
    return draft


def save_draft_answers(draft: SurveyDraft, answers: dict) -> None:
    draft.answers = dict(answers)  # a new dict, so the JSON column is seen as changed
    draft.updated_at = utcnow()
    db.session.commit()


def drop_draft(draft: SurveyDraft) -> None:
    db.session.delete(draft)
    db.session.commit()


def delete_old_drafts(max_age: timedelta | None = None) -> int:
    """Forget answers left unfinished for longer than `max_age` (SURVEY_DRAFT_MAX_DAYS, two days
    by default). Called whenever a draft is started; a daily job may call it too."""
    if max_age is None:
        max_age = timedelta(days=current_app.config.get("SURVEY_DRAFT_MAX_DAYS", DRAFT_MAX_DAYS))
    result = db.session.execute(delete(SurveyDraft).where(SurveyDraft.updated_at < utcnow() - max_age))
    db.session.commit()
    return result.rowcount or 0


# Responses ----------------------------------------------------------------------------------

def _add_response(survey: Survey, answers: dict, quadrant: str | None, today: date, *,
                  channel: str = "online", entered_by: User | None = None, group_name: str = "",
                  consent: bool = True) -> SurveyResponse:
    response = SurveyResponse(survey_id=survey.id, channel=channel, quadrant=quadrant, submitted_on=today,
                              entered_by_id=entered_by.id if entered_by else None,
                              group_name=group_name, consent=consent)
    for question in survey.questions:
        value = answers.get(question.code)
        if value in (None, "", []):
            continue
        if question.kind == "text":
            response.answers.append(SurveyAnswer(question_id=question.id, text=value, value=None, themes=[]))
        else:
            response.answers.append(SurveyAnswer(question_id=question.id, value=value, themes=[]))
    db.session.add(response)
    return response


def submit_draft(draft: SurveyDraft, survey: Survey, answers: dict, quadrant: str | None,
                 today: date) -> SurveyResponse | None:
    """Turn a draft into a response, once. Deleting the draft first and checking that this
    request deleted it means a double submit (back button, two tabs) saves one response."""
    result = db.session.execute(delete(SurveyDraft).where(SurveyDraft.id == draft.id))
    if result.rowcount != 1:
        db.session.rollback()
        return None
    response = _add_response(survey, answers, quadrant, today)
    db.session.commit()
    return response


def enter_response(survey: Survey, answers: dict, quadrant: str | None, today: date, *, channel: str,
                   group_name: str, consent: bool, champion: User) -> SurveyResponse:
    """A champion keys in a family's paper, phone or event answers. The audit names the channel,
    never the answers."""
    response = _add_response(survey, answers, quadrant, today, channel=channel, entered_by=champion,
                             group_name=group_name, consent=consent)
    db.session.flush()
    audit.record("survey-response-entered", subject_type="survey-response", subject_id=str(response.id),
                 detail=f"survey {survey.id}, channel {channel}", user=champion)
    db.session.commit()
    return response


def entries_by(champion: User) -> list[tuple[SurveyResponse, Survey, int]]:
    """A champion's own entries, newest first, with the wave and how many questions were answered."""
    answered = (select(SurveyAnswer.response_id, func.count().label("n"))
                .group_by(SurveyAnswer.response_id).subquery())
    rows = db.session.execute(
        select(SurveyResponse, Survey, func.coalesce(answered.c.n, 0))
        .join(Survey, Survey.id == SurveyResponse.survey_id)
        .outerjoin(answered, answered.c.response_id == SurveyResponse.id)
        .where(SurveyResponse.entered_by_id == champion.id)
        .order_by(SurveyResponse.submitted_on.desc(), SurveyResponse.id.desc()))
    return [(response, survey, int(n)) for response, survey, n in rows]


# Coding free text ---------------------------------------------------------------------------

def _text_answers(survey: Survey):
    return (select(SurveyAnswer).join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
            .where(SurveyResponse.survey_id == survey.id, SurveyAnswer.text.is_not(None), SurveyAnswer.text != ""))


def coding_progress(survey: Survey) -> tuple[int, int]:
    """(coded, total) free-text answers in the wave."""
    total = db.session.scalar(select(func.count()).select_from(_text_answers(survey).subquery()))
    coded = db.session.scalar(select(func.count()).select_from(
        _text_answers(survey).where(SurveyAnswer.coded_at.is_not(None)).subquery()))
    return coded or 0, total or 0


def next_to_code(survey: Survey) -> SurveyAnswer | None:
    return db.session.scalars(_text_answers(survey).where(SurveyAnswer.coded_at.is_(None))
                              .order_by(SurveyAnswer.id).limit(1)).first()


def get_text_answer(survey: Survey, answer_id: int) -> SurveyAnswer | None:
    if not is_id(answer_id):
        return None
    return db.session.scalars(_text_answers(survey).where(SurveyAnswer.id == answer_id)).first()


def code_answer(answer: SurveyAnswer, themes: list[str], user: User) -> None:
    """Themes only in the audit row: the family's words never leave the answer."""
    answer.themes = list(themes)
    answer.coded_at = utcnow()
    audit.record("survey-answer-coded", subject_type="survey-answer", subject_id=str(answer.id),
                 detail="themes: " + ", ".join(themes), user=user)
    db.session.commit()
