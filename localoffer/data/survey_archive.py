"""A wave's responses become counts after RETENTION_SURVEY_RESPONSE_DAYS from its close
(research §6.9: anonymous survey microdata is kept five years, for trend analysis).

Every published figure is counted from single answers and the quadrant and channel they came
from (survey_results.py); none needs to know which answers one person gave. So a wave's
responses are replaced by tallies of identical answers (SurveyAnswerTally) and of responses by
quadrant and channel (SurveyResponseTally), and deleted. Results, exports, "you said, we did"
evidence and comparisons with later waves stay exactly as they were; what goes is the record
of each person's set of answers, the day each was given and who entered it.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, func, select

from ..extensions import db
from ..models import Survey, SurveyAnswer, SurveyAnswerTally, SurveyResponse, SurveyResponseTally


class AnswerRow(NamedTuple):
    """One answer as the results count it."""
    question_id: int
    value: object
    has_text: bool
    themes: list
    coded: bool
    quadrant: str | None
    channel: str


def answer_rows(survey: Survey) -> Iterator[AnswerRow]:
    """Every answer of the wave: those still held one by one, then those kept as tallies."""
    yield from _live_rows(survey)
    for tally in db.session.scalars(select(SurveyAnswerTally).where(SurveyAnswerTally.survey_id == survey.id)
                                    .order_by(SurveyAnswerTally.id)):
        row = AnswerRow(tally.question_id, tally.value, tally.had_text, list(tally.themes or []), tally.coded,
                        tally.quadrant, tally.channel)
        for _ in range(tally.answers):
            yield row


def _live_rows(survey: Survey) -> Iterator[AnswerRow]:
    for row in db.session.execute(
            select(SurveyAnswer.question_id, SurveyAnswer.value, SurveyAnswer.text, SurveyAnswer.themes,
                   SurveyAnswer.coded_at, SurveyResponse.quadrant, SurveyResponse.channel)
            .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
            .where(SurveyResponse.survey_id == survey.id)):
        # Erased free text is "" (retention.erase_survey_text), still an answer that was given.
        yield AnswerRow(row.question_id, row.value, row.text is not None, list(row.themes or []),
                        row.coded_at is not None, row.quadrant, row.channel)


def tallied_response_counts(survey_ids: list[int]) -> list[tuple[int, str, int]]:
    """(survey id, channel, responses) kept as tallies, to add to the live counts."""
    return list(db.session.execute(
        select(SurveyResponseTally.survey_id, SurveyResponseTally.channel, func.sum(SurveyResponseTally.responses))
        .where(SurveyResponseTally.survey_id.in_(survey_ids))
        .group_by(SurveyResponseTally.survey_id, SurveyResponseTally.channel)))


def surveys_with_answers():
    """Ids of waves with any responses, held one by one or as tallies (a select)."""
    return select(SurveyResponse.survey_id).union(select(SurveyResponseTally.survey_id))


def tally_responses(closed_before: date) -> int:
    """Replace the responses of every wave that closed before `closed_before` by tallies;
    returns how many responses were deleted. Safe to run again."""
    waves = list(db.session.scalars(select(Survey).where(
        Survey.closes_on.is_not(None), Survey.closes_on < closed_before,
        Survey.id.in_(select(SurveyResponse.survey_id)))))
    deleted = 0
    for survey in waves:
        deleted += _tally_wave(survey)
    return deleted


def _tally_wave(survey: Survey) -> int:
    responses: Counter[tuple] = Counter()
    for quadrant, channel in db.session.execute(
            select(SurveyResponse.quadrant, SurveyResponse.channel).where(SurveyResponse.survey_id == survey.id)):
        responses[(quadrant, channel)] += 1
    answers: Counter[tuple] = Counter()
    for row in _live_rows(survey):
        # JSON values are compared as their text: lists of choices stay in the order given.
        answers[(row.question_id, row.quadrant, row.channel, json.dumps(row.value), json.dumps(row.themes),
                 row.coded, row.has_text)] += 1
    for (quadrant, channel), count in responses.items():
        db.session.add(SurveyResponseTally(survey_id=survey.id, quadrant=quadrant, channel=channel,
                                           responses=count))
    for (question_id, quadrant, channel, value, themes, coded, had_text), count in answers.items():
        db.session.add(SurveyAnswerTally(survey_id=survey.id, question_id=question_id, quadrant=quadrant,
                                         channel=channel, value=json.loads(value), themes=json.loads(themes),
                                         coded=coded, had_text=had_text, answers=count))
    db.session.flush()
    return db.session.execute(delete(SurveyResponse).where(SurveyResponse.survey_id == survey.id)
                              .execution_options(synchronize_session=False)).rowcount or 0
