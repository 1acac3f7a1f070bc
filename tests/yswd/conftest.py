"""Fixtures for "you said, we did": one user of each organisation, signed-in clients, and
helpers that build records, wall posts and survey waves directly."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from localoffer.data import yswd
from localoffer.extensions import db
from localoffer.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse, WallContact, WallPost
from localoffer.models.base import utcnow

from ..staff.accounts import client_for, make_user, sign_in  # noqa: F401 (re-exported for tests)


@pytest.fixture
def council_client(app, council):
    return client_for(app, council)


@pytest.fixture
def forum_client(app, forum):
    return client_for(app, forum)


def wall_post(text="Waiting lists are far too long", *, status="published", quadrant="mid", channel="online",
              themes=("health",), email=None, submitted_at=None, **extra) -> WallPost:
    post = WallPost(text=text, published_text=text if status == "published" else None, quadrant=quadrant,
                    channel=channel, themes=list(themes), status=status,
                    published_at=utcnow() if status == "published" else None,
                    submitted_at=submitted_at or utcnow(), **extra)
    db.session.add(post)
    db.session.flush()
    if email:
        db.session.add(WallContact(post_id=post.id, email=email))
    db.session.commit()
    return post


def new_record(forum, council, *, title="Therapy waiting times", you_said="Families wait too long for therapy",
               we_will="Recruit two more speech therapists", status="working-on-it", target=None):
    """A record with the Forum's words and the council's response, not yet signed."""
    record = yswd.start_record(forum, title, you_said)
    yswd.edit(record, council, {"we_will": we_will, "status": status, "responsible_service": "Therapies team",
                                "target_date": target or date.today() + timedelta(days=90)})
    db.session.commit()
    return record


def publish(record, forum, council):
    """Both organisations sign the latest version."""
    number = yswd.latest(record).number
    yswd.sign(record, council, number)
    yswd.sign(record, forum, number)
    db.session.commit()
    return yswd.latest(record)


def survey_with_results(*, published=True, answers=("agree",) * 6, wave="2026") -> Survey:
    survey = Survey(series="family-impact", wave=wave, title=f"Family Impact Survey {wave}", status="closed",
                    results_published=published, opens_on=date.today() - timedelta(days=60),
                    closes_on=date.today() - timedelta(days=30))
    question = SurveyQuestion(code="listened-1", position=1, kind="agreement", text="I feel listened to",
                              chart_label="Feel listened to")
    survey.questions.append(question)
    db.session.add(survey)
    db.session.flush()
    for value in answers:
        response = SurveyResponse(survey_id=survey.id, channel="online", quadrant="mid",
                                  submitted_on=date.today() - timedelta(days=40))
        response.answers.append(SurveyAnswer(question_id=question.id, value=value))
        db.session.add(response)
    db.session.commit()
    return survey
