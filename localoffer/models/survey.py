"""The Family Impact Survey, in waves (research §6.4). Question codes stay the same from one
wave to the next so years can be compared. Responses are anonymous: no account, no IP address,
and the day only (not the time) of submission."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .accounts import User
from .base import utcnow

# draft: being written; open: taking answers; closed: no more answers, results can be worked on.
SURVEY_STATUSES = ("draft", "open", "closed")


class Survey(db.Model):
    __tablename__ = "survey"
    __table_args__ = (UniqueConstraint("series", "wave"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The series a wave belongs to ("family-impact") and the wave's name ("2026").
    series: Mapped[str] = mapped_column(String(40), index=True)
    wave: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    introduction: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="draft", index=True)
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    # Results appear on the public results page only once staff publish them.
    results_published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    questions: Mapped[list[SurveyQuestion]] = relationship(
        back_populates="survey", order_by="SurveyQuestion.position", cascade="all, delete-orphan")


class SurveyQuestion(db.Model):
    __tablename__ = "survey_question"
    __table_args__ = (UniqueConstraint("survey_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    # Stable across waves, e.g. "listened-1". Used in URLs, exports and "you said, we did" evidence.
    code: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # voice_vocab.QUESTION_KINDS
    text: Mapped[str] = mapped_column(String(300))
    hint: Mapped[str] = mapped_column(String(500), default="")
    # For 'single' and 'multiple': [{"value": slug, "label": text}, ...].
    options: Mapped[list] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    # Ask only if an earlier answer matches: {"code": "who", "any_of": ["parent-carer"]}.
    show_if: Mapped[dict | None] = mapped_column(JSON)
    theme: Mapped[str | None] = mapped_column(String(30))
    # Short label for charts and tables ("Feel listened to").
    chart_label: Mapped[str] = mapped_column(String(100), default="")

    survey: Mapped[Survey] = relationship(back_populates="questions")


class SurveyResponse(db.Model):
    __tablename__ = "survey_response"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    # voice_vocab.CHANNELS; champion-entered responses name the champion and group, never the family.
    channel: Mapped[str] = mapped_column(String(20), default="online", index=True)
    entered_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    group_name: Mapped[str] = mapped_column(String(120), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=True)
    # Copied from the answer to the survey's quadrant question, for breakdowns.
    quadrant: Mapped[str | None] = mapped_column(String(20), index=True)
    # The day only: an exact time could help match a response to a person.
    submitted_on: Mapped[date] = mapped_column(Date, index=True)

    entered_by: Mapped[User | None] = relationship()
    answers: Mapped[list[SurveyAnswer]] = relationship(back_populates="response", cascade="all, delete-orphan")


class SurveyAnswer(db.Model):
    __tablename__ = "survey_answer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"), index=True)
    # A slug for single-choice kinds, a list of slugs for 'multiple'; free text goes in `text`.
    value: Mapped[str | list | None] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text)
    # Themes a member of staff coded a free-text answer to (voice_vocab.THEMES).
    themes: Mapped[list] = mapped_column(JSON, default=list)
    coded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")
    question: Mapped[SurveyQuestion] = relationship()


class SurveyDraft(db.Model):
    """Answers in progress on the public survey, kept on the server so nothing is lost between
    pages and the session cookie holds only a random token. The id is the token's SHA-256, so
    the table alone cannot be matched to a browser. Deleted on submit; stale ones are purged."""
    __tablename__ = "survey_draft"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow,
                                                 index=True)


class SurveyResponseTally(db.Model):
    """How many responses a wave had from each quadrant and channel, kept when its responses
    are deleted after RETENTION_SURVEY_RESPONSE_DAYS (data/survey_archive.py)."""
    __tablename__ = "survey_response_tally"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    quadrant: Mapped[str | None] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    responses: Mapped[int] = mapped_column(Integer)


class SurveyAnswerTally(db.Model):
    """How many answers to a question were the same, from the same quadrant and channel: what
    every published figure is counted from, with nothing linking one person's answers."""
    __tablename__ = "survey_answer_tally"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"), index=True)
    quadrant: Mapped[str | None] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    value: Mapped[str | list | None] = mapped_column(JSON)
    themes: Mapped[list] = mapped_column(JSON, default=list)
    coded: Mapped[bool] = mapped_column(Boolean, default=False)
    had_text: Mapped[bool] = mapped_column(Boolean, default=False)
    answers: Mapped[int] = mapped_column(Integer)
