"""The public survey, page by page through the test client, without JavaScript."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from localoffer.data import survey as survey_data
from localoffer.extensions import db
from localoffer.models import SurveyAnswer, SurveyResponse
from localoffer.models.base import utcnow
from localoffer.models.survey import SurveyDraft

from .conftest import make_wave


def post(client, code, value=None, **query):
    data = {} if value is None else {"answer": value}
    return client.post(f"/survey/q/{code}", data=data, query_string=query)


def responses() -> list[SurveyResponse]:
    db.session.expire_all()
    return list(db.session.scalars(select(SurveyResponse)))


def drafts() -> int:
    return db.session.scalar(select(func.count()).select_from(SurveyDraft))


def test_the_start_page_explains_anonymity_and_what_happens_to_answers(client, wave):
    page = client.get("/survey").text
    assert "Family Impact Survey 2026" in page and "Start now" in page
    assert "we do not ask for your name" in page and "IP address" in page and "only the day" in page
    assert 'href="/privacy"' in page and "fewer than 5" not in page
    assert 'href="/survey/q/who"' in page


def test_with_no_open_wave_the_start_page_says_so_and_links_the_results(client, app):
    make_wave("2025", status="closed", published=True)
    page = client.get("/survey").text
    assert "is not open" in page and 'href="/survey/results"' in page
    assert client.get("/survey/q/who").status_code == 200
    assert "has closed" in client.get("/survey/q/who").text


def test_a_wave_outside_its_dates_is_not_open(client, app):
    today = date.today()
    make_wave("2026", opens_on=today + timedelta(days=1))
    make_wave("2024", closes_on=today - timedelta(days=1))
    assert "is not open" in client.get("/survey").text


def test_a_required_question_needs_an_answer(client, wave):
    page = client.post("/survey/q/who", data={}).text
    assert "There is a problem" in page and 'href="#answer"' in page
    assert page.count("Select an answer") == 2  # summary and inline
    assert "<title>Error: Who is answering?" in page


def test_a_made_up_answer_is_an_error_not_a_crash(client, wave):
    response = post(client, "who", "<script>")
    assert response.status_code == 200 and "Select an answer" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_an_unknown_question_is_not_found(client, wave):
    assert client.get("/survey/q/no-such-question").status_code == 404


def test_optional_questions_can_be_skipped_with_continue(client, wave):
    post(client, "who", "parent-carer")
    response = post(client, "quadrant")
    assert response.status_code == 302 and response.headers["Location"].endswith("/survey/q/info-1")


def test_the_whole_journey_saves_one_anonymous_response(client, wave):
    assert post(client, "who", "parent-carer").headers["Location"].endswith("/survey/q/quadrant")
    post(client, "quadrant", "west")
    post(client, "info-1", "agree")
    assert post(client, "breaks-1", "not-applicable").headers["Location"].endswith("/survey/q/change-1")
    post(client, "change-1", "better")
    client.post("/survey/q/used", data={"answer": ["school", "health"]})
    assert post(client, "one-thing", "More short breaks").headers["Location"].endswith("/survey/check")
    check = client.get("/survey/check").text
    assert "A parent or carer" in check and "West Essex" in check and "More short breaks" in check
    assert 'href="/survey/q/info-1?change=1"' in check
    response = client.post("/survey/check")
    assert response.headers["Location"].endswith("/survey/done")
    [saved] = responses()
    assert saved.channel == "online" and saved.quadrant == "west" and saved.submitted_on == date.today()
    assert saved.entered_by_id is None
    by_code = {a.question.code: a for a in saved.answers}
    assert by_code["used"].value == ["school", "health"]
    assert by_code["one-thing"].text == "More short breaks" and by_code["one-thing"].value is None
    assert by_code["breaks-1"].value == "not-applicable"
    assert drafts() == 0
    done = client.get("/survey/done").text
    assert "your answers have been sent" in done and 'href="/you-said-we-did"' in done


def test_not_sure_of_the_quadrant_is_kept_as_no_quadrant(client, wave):
    post(client, "who", "other")
    post(client, "quadrant", "not-sure")
    client.post("/survey/check")
    [saved] = responses()
    assert saved.quadrant is None


def test_a_question_for_parents_is_never_asked_of_young_people(client, wave):
    post(client, "who", "young-person")
    post(client, "quadrant", "mid")
    assert post(client, "info-1", "agree").headers["Location"].endswith("/survey/q/change-1")
    skipped = client.get("/survey/q/breaks-1")
    assert skipped.status_code == 302 and skipped.headers["Location"].endswith("/survey/q/change-1")
    assert "back" in client.get("/survey/q/change-1").text.lower()
    assert 'href="/survey/q/info-1"' in client.get("/survey/q/change-1").text  # back skips breaks-1
    assert "I can get short breaks" not in client.get("/survey/check").text


def test_changing_an_earlier_answer_drops_answers_no_longer_asked(client, wave):
    post(client, "who", "parent-carer")
    post(client, "breaks-1", "agree")
    assert post(client, "who", "young-person", change=1).headers["Location"].endswith("/survey/check")
    assert "I can get short breaks" not in client.get("/survey/check").text
    client.post("/survey/check")
    [saved] = responses()
    assert {a.question.code for a in saved.answers} == {"who"}


def test_a_change_that_opens_a_new_question_asks_it_then_returns_to_check(client, wave):
    post(client, "who", "young-person")
    response = post(client, "who", "parent-carer", change=1)
    assert response.headers["Location"].endswith("/survey/q/breaks-1?change=1")
    page = client.get("/survey/q/breaks-1?change=1").text
    assert 'href="/survey/check"' in page  # back goes to the check page
    assert post(client, "breaks-1", "agree", change=1).headers["Location"].endswith("/survey/check")


def test_change_links_return_to_the_check_page(client, wave):
    post(client, "who", "parent-carer")
    post(client, "info-1", "agree")
    page = client.get("/survey/q/info-1?change=1").text
    assert 'value="agree" checked' in page
    assert post(client, "info-1", "disagree", change=1).headers["Location"].endswith("/survey/check")
    assert "Disagree" in client.get("/survey/check").text


def test_the_check_page_sends_you_back_to_a_required_question(client, wave):
    post(client, "quadrant", "mid")
    response = client.get("/survey/check")
    assert response.headers["Location"].endswith("/survey/q/who")
    client.post("/survey/check")
    assert responses() == []


def test_free_text_is_limited_to_1000_characters(client, wave):
    post(client, "who", "other")
    page = post(client, "one-thing", "x" * 1001).text
    assert "1000 characters or fewer" in page


def test_sending_twice_saves_one_response(client, wave):
    post(client, "who", "parent-carer")
    assert client.post("/survey/check").headers["Location"].endswith("/survey/done")
    again = client.post("/survey/check")
    assert again.headers["Location"].endswith("/survey/done")
    assert len(responses()) == 1


def test_a_stale_draft_cannot_be_sent_twice(client, wave):
    """Two requests racing with the same draft: only the one that deletes it saves."""
    post(client, "who", "parent-carer")
    draft = db.session.scalars(select(SurveyDraft)).one()
    answers = dict(draft.answers)
    assert survey_data.submit_draft(draft, wave, answers, None, date.today()) is not None
    assert survey_data.submit_draft(draft, wave, answers, None, date.today()) is None
    assert len(responses()) == 1


def test_a_wave_closed_meanwhile_gets_a_kind_message_and_forgets_the_answers(client, wave):
    post(client, "who", "parent-carer")
    wave.status = "closed"
    db.session.commit()
    response = client.post("/survey/check")
    assert response.status_code == 200 and "the survey has closed" in response.text.lower()
    assert responses() == [] and drafts() == 0
    assert "has closed" in post(client, "info-1", "agree").text


def test_answers_are_kept_on_the_server_and_only_a_token_in_the_cookie(client, wave):
    post(client, "who", "parent-carer")
    post(client, "one-thing", "My very private words")
    with client.session_transaction() as session:
        assert set(session) >= {"survey_draft"} and "My very private words" not in str(dict(session))
    draft = db.session.scalars(select(SurveyDraft)).one()
    assert draft.answers["one-thing"] == "My very private words"
    assert draft.id != session["survey_draft"] and len(draft.id) == 64


def test_drafts_left_for_more_than_two_days_are_deleted(client, wave):
    post(client, "who", "parent-carer")
    draft = db.session.scalars(select(SurveyDraft)).one()
    draft.updated_at = utcnow() - timedelta(days=3)
    db.session.commit()
    assert survey_data.delete_old_drafts() == 1 and drafts() == 0


def test_the_done_page_without_sending_goes_to_the_start(client, wave):
    assert client.get("/survey/done").headers["Location"].endswith("/survey")


def test_agreement_questions_put_does_not_apply_after_an_or_divider(client, wave):
    page = client.get("/survey/q/info-1").text
    assert page.index("Strongly disagree") < page.index('govuk-radios__divider">or') < page.index("Does not apply")


def test_free_text_is_escaped_on_the_check_page(client, wave):
    post(client, "who", "other")
    post(client, "one-thing", "<b>bold</b> & <script>x</script>")
    page = client.get("/survey/check").text
    assert "<script>x</script>" not in page and "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in page


def test_no_answer_is_stored_in_a_table_before_sending(client, wave):
    post(client, "who", "parent-carer")
    assert db.session.scalar(select(func.count()).select_from(SurveyAnswer)) == 0
