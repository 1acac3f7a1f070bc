"""Fixtures for the survey: a small wave with one question of each kind and a show-if rule, and
a way to add responses without going through the pages."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from localoffer.extensions import db
from localoffer.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

from ..staff.accounts import client_for, make_user, sign_in  # noqa: F401 (re-exported for tests)

WHO = [{"value": "parent-carer", "label": "A parent or carer"},
       {"value": "young-person", "label": "A young person aged 16 to 25"},
       {"value": "other", "label": "Another family member"}]
USED = [{"value": "school", "label": "School or college support"},
        {"value": "health", "label": "Health services"},
        {"value": "short-breaks", "label": "Short breaks"}]


def make_wave(wave: str = "2026", *, status: str = "open", published: bool = False, series: str = "family-impact",
              opens_on: date | None = None, closes_on: date | None = None) -> Survey:
    survey = Survey(series=series, wave=wave, title=f"Family Impact Survey {wave}", status=status,
                    introduction="Tell us how support has been for your family.",
                    results_published=published, opens_on=opens_on, closes_on=closes_on)
    questions = [
        SurveyQuestion(code="who", kind="single", text="Who is answering?", options=WHO, required=True,
                       chart_label="Who answered"),
        SurveyQuestion(code="quadrant", kind="quadrant", text="Which part of Essex do you live in?",
                       chart_label="Part of Essex"),
        SurveyQuestion(code="info-1", kind="agreement", text="I know where to find information about services",
                       theme="information", chart_label="Know where to find information"),
        SurveyQuestion(code="breaks-1", kind="agreement", text="I can get short breaks when my family needs them",
                       show_if={"code": "who", "any_of": ["parent-carer"]}, chart_label="Can get short breaks"),
        SurveyQuestion(code="change-1", kind="better-same-worse", text="Compared with a year ago, support is",
                       chart_label="Support compared with a year ago"),
        SurveyQuestion(code="used", kind="multiple", text="Which services have you used?", options=USED,
                       chart_label="Services used"),
        SurveyQuestion(code="one-thing", kind="text", text="What one thing would make the biggest difference?",
                       chart_label="The one thing"),
    ]
    for position, question in enumerate(questions, start=1):
        question.position = position
        survey.questions.append(question)
    db.session.add(survey)
    db.session.commit()
    return survey


def add_response(survey: Survey, answers: dict, *, channel: str = "online", quadrant: str | None = None,
                 text: str | None = None, themes: list[str] | None = None, entered_by=None,
                 on: date | None = None) -> SurveyResponse:
    """A response straight into the database. `answers` maps codes to values; `text` answers
    the free-text question (coded to `themes` if given)."""
    by_code = {q.code: q for q in survey.questions}
    response = SurveyResponse(survey_id=survey.id, channel=channel, submitted_on=on or date.today(),
                              quadrant=quadrant if quadrant is not None else (
                                  answers.get("quadrant") if answers.get("quadrant") != "not-sure" else None),
                              entered_by_id=entered_by.id if entered_by else None)
    for code, value in answers.items():
        response.answers.append(SurveyAnswer(question_id=by_code[code].id, value=value, themes=[]))
    if text is not None:
        from localoffer.models.base import utcnow

        response.answers.append(SurveyAnswer(question_id=by_code["one-thing"].id, text=text, themes=themes or [],
                                             coded_at=utcnow() if themes else None))
    db.session.add(response)
    db.session.commit()
    return response


@pytest.fixture
def wave(app):
    return make_wave()


@pytest.fixture
def yesterday():
    return date.today() - timedelta(days=1)


@pytest.fixture
def analyst(app):
    return make_user("council_moderator")


@pytest.fixture
def analyst_client(app, analyst):
    return client_for(app, analyst)


