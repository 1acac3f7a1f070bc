"""Family champions key in answers given on paper, by phone or at events, and see only their own."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent, SurveyResponse

from .conftest import make_user, make_wave, sign_in

START = {"channel": "phone", "group_name": "Harlow parents group", "consent": "y"}


def field(wave, code) -> str:
    return f"q{next(q.id for q in wave.questions if q.code == code)}"


def enter(client, wave, answers: dict, start=START):
    client.post("/staff/survey/enter", data=start)
    return client.post("/staff/survey/enter/answers", data={field(wave, k): v for k, v in answers.items()})


def test_only_champions_can_enter_answers(app, wave, analyst_client):
    for url in ("/staff/survey/enter", "/staff/survey/enter/answers", "/staff/survey/mine"):
        assert analyst_client.get(url).status_code == 403


def test_the_first_page_needs_a_channel_a_group_and_consent(champion_client, wave):
    page = champion_client.post("/staff/survey/enter", data={"channel": "online"}).text
    assert "Select how the family gave their answers" in page
    assert "Enter the name of the group or event" in page
    assert "Confirm the family agreed to their answers being used" in page
    assert "<title>Error:" in page
    # Without the first page, the answers page sends you back to it.
    assert champion_client.get("/staff/survey/enter/answers").headers["Location"].endswith("/staff/survey/enter")


def test_a_champion_enters_a_familys_answers_on_one_page(champion_client, champion, wave):
    response = champion_client.post("/staff/survey/enter", data=START)
    assert response.headers["Location"].endswith("/staff/survey/enter/answers")
    page = champion_client.get("/staff/survey/enter/answers").text
    assert all(q.text in page for q in wave.questions) and "Harlow parents group" in page
    response = champion_client.post("/staff/survey/enter/answers", data={
        field(wave, "who"): "young-person", field(wave, "quadrant"): "west", field(wave, "info-1"): "agree",
        field(wave, "breaks-1"): "disagree",  # not asked of young people: dropped
        field(wave, "used"): ["school"], field(wave, "one-thing"): "Better buses"})
    assert response.headers["Location"].endswith("/staff/survey/mine")
    [saved] = db.session.scalars(select(SurveyResponse)).all()
    assert (saved.channel, saved.group_name, saved.consent, saved.entered_by_id, saved.quadrant, saved.submitted_on) == (
        "phone", "Harlow parents group", True, champion.id, "west", date.today())
    assert {a.question.code for a in saved.answers} == {"who", "quadrant", "info-1", "used", "one-thing"}
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "survey-response-entered")).all()
    assert "Better buses" not in event.detail and "agree" not in event.detail and "phone" in event.detail
    # Consent is asked again for the next family.
    assert champion_client.get("/staff/survey/enter/answers").headers["Location"].endswith("/staff/survey/enter")


def test_a_blank_or_invalid_entry_is_refused_kindly(champion_client, wave):
    blank = enter(champion_client, wave, {})
    assert blank.status_code == 200 and "Enter at least one answer" in blank.text
    bad = champion_client.post("/staff/survey/enter/answers", data={field(wave, "info-1"): "maybe"})
    assert "Select an answer" in bad.text
    assert db.session.scalars(select(SurveyResponse)).all() == []


def test_with_no_open_wave_champions_are_told(champion_client, app):
    make_wave("2025", status="closed")
    assert "No survey is open" in champion_client.get("/staff/survey/enter").text


def test_champions_see_only_their_own_entries(app, wave, champion_client):
    enter(champion_client, wave, {"who": "parent-carer", "info-1": "agree"})
    other = app.test_client()
    sign_in(other, make_user("champion"))
    enter(other, wave, {"who": "other"}, start={**START, "group_name": "Someone else's group", "channel": "event"})
    mine = champion_client.get("/staff/survey/mine").text
    assert "Harlow parents group" in mine and "Someone else&#39;s group" not in mine and "Someone else" not in mine
    assert "By phone" in mine and ">2<" in mine  # two questions answered
    theirs = other.get("/staff/survey/mine").text
    assert "Someone else&#39;s group" in theirs and "Harlow parents group" not in theirs
