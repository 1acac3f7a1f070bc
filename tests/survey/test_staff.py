"""Staff survey pages: waves, results, export, wave actions, the next wave and coding free text."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent, Survey, SurveyAnswer

from .conftest import add_response, make_user, make_wave, sign_in


def audits(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def fill(survey, n=12):
    for i in range(n):
        add_response(survey, {"who": "parent-carer", "quadrant": "mid" if i % 2 else "south",
                              "info-1": "agree" if i % 3 else "disagree"},
                     channel="online" if i < n - 3 else "phone")


@pytest.mark.parametrize("role", ["provider", "champion"])
def test_providers_and_champions_cannot_see_survey_analysis(app, wave, role):
    client = app.test_client()
    sign_in(client, make_user(role))
    for url in ("/staff/survey/", f"/staff/survey/{wave.id}", f"/staff/survey/{wave.id}/export.csv",
                f"/staff/survey/{wave.id}/coding", f"/staff/survey/{wave.id}/next-wave"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/staff/survey/{wave.id}/status", data={"action": "close"}).status_code == 403


def test_the_forum_moderator_can_analyse(app, wave):
    client = app.test_client()
    sign_in(client, make_user("forum_moderator"))
    assert client.get(f"/staff/survey/{wave.id}").status_code == 200


def test_the_wave_list_shows_status_dates_and_responses_by_channel(analyst_client, wave):
    fill(wave)  # 9 online, 3 by phone
    for _ in range(6):
        add_response(wave, {"who": "other"}, channel="group")
    page = analyst_client.get("/staff/survey/").text
    assert "Family Impact Survey 2026" in page and "Open" in page
    cells = [c.split("<")[0] for c in page.split('govuk-table__cell--numeric">')[1:]]
    # online, event, group, phone, paper after the total; the 6 is hidden so 3 cannot be worked out
    assert cells == ["18", "9", "0", "not shown", "fewer than 5", "0"]


def test_results_break_down_by_quadrant_or_channel_and_ignore_nonsense(analyst_client, wave):
    fill(wave)
    by_quadrant = analyst_client.get(f"/staff/survey/{wave.id}").text
    assert "Mid Essex" in by_quadrant and "Know where to find information by part of essex" in by_quadrant
    by_channel = analyst_client.get(f"/staff/survey/{wave.id}?by=channel").text
    assert "By phone" in by_channel and "by how the answers reached us" in by_channel
    assert analyst_client.get(f"/staff/survey/{wave.id}?by=<b>").status_code == 200
    assert analyst_client.get("/staff/survey/999").status_code == 404


def test_the_export_is_aggregated_suppressed_and_audited(analyst_client, wave):
    fill(wave)
    add_response(wave, {"who": "other"}, text="=HYPERLINK(private)", themes=["health"])
    response = analyst_client.get(f"/staff/survey/{wave.id}/export.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    body = response.text
    assert body.startswith("question_code,question,option,group,count,percent")
    assert "HYPERLINK" not in body and "fewer than 5" in body
    assert "How the answers reached us: By phone" in body
    assert [e.detail for e in audits("export")] == ["survey results CSV (aggregated)"]


def test_only_one_wave_of_a_series_can_be_open(analyst_client, wave):
    other = make_wave("2027", status="draft")
    analyst_client.post(f"/staff/survey/{other.id}/status", data={"action": "open"})
    db.session.expire_all()
    assert other.status == "draft" and audits("survey-status-changed") == []
    analyst_client.post(f"/staff/survey/{wave.id}/status", data={"action": "close"})
    analyst_client.post(f"/staff/survey/{other.id}/status", data={"action": "open"})
    db.session.expire_all()
    assert wave.status == "closed" and other.status == "open"
    assert [e.detail for e in audits("survey-status-changed")] == ["open -> closed", "draft -> open"]


def test_results_can_be_published_only_for_closed_waves(analyst_client, wave):
    analyst_client.post(f"/staff/survey/{wave.id}/status", data={"action": "publish"})
    db.session.expire_all()
    assert not wave.results_published
    analyst_client.post(f"/staff/survey/{wave.id}/status", data={"action": "close"})
    response = analyst_client.post(f"/staff/survey/{wave.id}/status", data={"action": "publish"})
    assert response.status_code == 302
    db.session.expire_all()
    assert wave.results_published
    assert "Family Impact Survey 2026" in analyst_client.get("/survey/results").text
    analyst_client.post(f"/staff/survey/{wave.id}/status", data={"action": "unpublish"})
    db.session.expire_all()
    assert not wave.results_published
    assert [e.detail for e in audits("survey-results-published")] == ["published", "unpublished"]
    assert analyst_client.post(f"/staff/survey/{wave.id}/status", data={"action": "explode"}).status_code == 400


def test_starting_the_next_wave_copies_the_questions_with_the_same_codes(analyst_client, wave):
    page = analyst_client.get(f"/staff/survey/{wave.id}/next-wave").text
    assert 'value="2027"' in page and 'value="Family Impact Survey 2027"' in page
    taken = analyst_client.post(f"/staff/survey/{wave.id}/next-wave", data={"wave": "2026", "title": "Again"})
    assert "There is already a wave with this name" in taken.text
    response = analyst_client.post(f"/staff/survey/{wave.id}/next-wave",
                                   data={"wave": "2027", "title": "Family Impact Survey 2027"})
    new = db.session.scalars(select(Survey).where(Survey.wave == "2027")).one()
    assert response.headers["Location"].endswith(f"/staff/survey/{new.id}")
    assert new.status == "draft" and not new.results_published and new.series == wave.series
    assert [q.code for q in new.questions] == [q.code for q in wave.questions]
    assert new.questions[3].show_if == {"code": "who", "any_of": ["parent-carer"]}
    assert {q.id for q in new.questions}.isdisjoint({q.id for q in wave.questions})
    assert len(audits("survey-wave-created")) == 1


def test_coding_free_text_one_answer_at_a_time(analyst_client, analyst, wave):
    for words in ("First answer", "Second answer"):
        add_response(wave, {"who": "parent-carer"}, text=words)
    page = analyst_client.get(f"/staff/survey/{wave.id}/coding").text
    assert "0 of 2 coded" in page and "First answer" in page
    first = db.session.scalars(select(SurveyAnswer).where(SurveyAnswer.text == "First answer")).one()
    missing = analyst_client.post(f"/staff/survey/{wave.id}/coding", data={"answer_id": first.id})
    assert "Select at least one theme" in missing.text and "First answer" in missing.text
    analyst_client.post(f"/staff/survey/{wave.id}/coding", data={"answer_id": first.id, "themes": ["health", "travel"]})
    db.session.expire_all()
    assert first.themes == ["health", "travel"] and first.coded_at is not None
    [event] = audits("survey-answer-coded")
    assert event.detail == "themes: health, travel" and "First" not in event.detail and event.user_id == analyst.id
    page = analyst_client.get(f"/staff/survey/{wave.id}/coding").text
    assert "1 of 2 coded" in page and "Second answer" in page and "First answer" not in page
    assert "1 of 2 coded" in analyst_client.get(f"/staff/survey/{wave.id}").text


def test_coding_someone_elses_answer_or_nonsense_is_handled(analyst_client, wave, app):
    add_response(wave, {"who": "parent-carer"}, text="Words", themes=["health"])
    coded = db.session.scalars(select(SurveyAnswer).where(SurveyAnswer.text == "Words")).one()
    response = analyst_client.post(f"/staff/survey/{wave.id}/coding", data={"answer_id": coded.id, "themes": ["travel"]})
    assert response.status_code == 302
    db.session.expire_all()
    assert coded.themes == ["health"]
    assert analyst_client.post(f"/staff/survey/{wave.id}/coding",
                               data={"answer_id": "x", "themes": ["travel"]}).status_code == 404
    other = make_wave("2027")
    assert analyst_client.post(f"/staff/survey/{other.id}/coding",
                               data={"answer_id": coded.id, "themes": ["travel"]}).status_code == 404
    assert "All free-text answers in this wave are coded" in analyst_client.get(f"/staff/survey/{wave.id}/coding").text


def test_free_text_is_escaped_on_staff_pages(analyst_client, wave):
    add_response(wave, {"who": "parent-carer"}, text='<script>alert("x")</script>')
    page = analyst_client.get(f"/staff/survey/{wave.id}/coding").text
    assert '<script>alert("x")</script>' not in page and "&lt;script&gt;" in page
