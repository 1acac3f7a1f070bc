"""CSRF on every state change (ASVS 5.0 v3.5.1), refused kindly: the form comes back with what
was typed and a fresh token, nothing is saved, and the fresh token works."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from localoffer.extensions import db
from localoffer.models import ProblemReport, SurveyDraft, WallPost, WallPrompt, WallReaction
from tests.factories import make_service
from tests.survey.conftest import make_wave
from tests.wall.conftest import make_post

from ..helpers import normalize_spaces, page
from ..staff.accounts import PASSWORD, client_for, make_user

WORDS = "Our words must never be lost: the ramp at the library is still broken"
REFUSAL = "Your page timed out, so nothing has been sent yet"


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def token_from(client, path: str) -> str:
    return page(client.get(path)).select_one("input[name=csrf_token]")["value"]


def _refused_again(response):
    """The same form again: 400, the notice, and a fresh token to send it with."""
    assert response.status_code == 400
    soup = page(response)
    assert REFUSAL in normalize_spaces(soup.select_one("main").text)
    token = soup.select_one("form input[name=csrf_token]")
    assert token is not None and token["value"]
    assert "The CSRF token" not in soup.text  # the library's wording never reaches people
    return soup


def test_v3_5_1_a_wall_comment_without_a_token_comes_back_with_the_words_and_is_not_saved(csrf_on, client):
    soup = _refused_again(client.post("/wall/new", data={"text": WORDS, "consent": "yes", "quadrant": "mid"}))
    assert soup.select_one("textarea#text").text == WORDS
    assert soup.select_one("input[name=quadrant][value=mid]").has_attr("checked")
    assert soup.title.text.startswith("Error:")
    assert _count(WallPost) == 0
    # The fresh token on the page sends it.
    token = soup.select_one("form input[name=csrf_token]")["value"]
    response = client.post("/wall/new", data={"text": WORDS, "consent": "yes", "csrf_token": token})
    assert response.status_code == 302 and _count(WallPost) == 1


def test_v3_5_1_another_visitors_token_is_refused_the_same_way(csrf_on, app, client):
    someone_else = app.test_client()
    foreign = token_from(someone_else, "/wall/new")
    client.get("/wall/new")
    soup = _refused_again(client.post("/wall/new", data={"text": WORDS, "consent": "yes", "csrf_token": foreign}))
    assert soup.select_one("textarea#text").text == WORDS
    assert _count(WallPost) == 0


def test_follow_link_changes_keep_the_new_words(csrf_on, client):
    _post, token = make_post("The first version of my comment.")
    soup = _refused_again(client.post(f"/wall/follow/{token}/edit", data={"text": WORDS}))
    assert soup.select_one("textarea#text").text == WORDS
    soup = _refused_again(client.post(f"/wall/follow/{token}/email", data={"email": "parent@example.org"}))
    assert soup.select_one("input#email")["value"] == "parent@example.org"
    assert db.session.scalar(select(WallPost.text)) == "The first version of my comment."


def test_a_flag_keeps_the_chosen_reason(csrf_on, client):
    post, _ = make_post(status="published")
    soup = _refused_again(client.post(f"/wall/{post.id}/flag", data={"reason": "identifies-someone"}))
    assert soup.select_one("input[name=reason][value=identifies-someone]").has_attr("checked")
    assert _count(WallReaction) == 0


def test_a_survey_answer_is_kept(csrf_on, client):
    make_wave()
    soup = _refused_again(client.post("/survey/q/one-thing", data={"answer": WORDS}))
    assert soup.select_one("textarea#answer").text == WORDS
    assert _count(SurveyDraft) == 0


def test_a_problem_report_keeps_the_reason_and_details(csrf_on, client):
    service = make_service("Holiday club")
    soup = _refused_again(client.post(f"/services/{service.id}/report-a-problem",
                                      data={"reason": "cost", "details": WORDS}))
    assert soup.select_one("textarea#details").text == WORDS
    assert soup.select_one("input[name=reason][value=cost]").has_attr("checked")
    assert _count(ProblemReport) == 0


def test_sign_in_and_reset_keep_the_email_but_never_echo_a_password(csrf_on, client):
    user = make_user("council_moderator")
    soup = _refused_again(client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD}))
    assert soup.select_one("input#email")["value"] == user.email
    assert PASSWORD not in str(soup)
    assert client.get("/staff/").status_code == 302  # not signed in
    soup = _refused_again(client.post("/account/forgot-password", data={"email": user.email}))
    assert soup.select_one("input#email")["value"] == user.email


def test_a_signed_in_moderator_sees_their_own_form_again(app):
    staff = client_for(app, make_user("council_moderator"))
    app.config["WTF_CSRF_ENABLED"] = True
    soup = _refused_again(staff.post("/staff/wall/prompts", data={"text": "What would make holidays easier?"}))
    assert soup.select_one("input#text")["value"] == "What would make holidays easier?"
    assert _count(WallPrompt) == 0


@pytest.mark.parametrize("path", ["/shortlist/add", "/wall/{post}/me-too"])
def test_buttons_without_a_token_get_a_kind_page_and_change_nothing(csrf_on, client, path):
    post, _ = make_post(status="published")
    service = make_service("Swimming club")
    response = client.post(path.format(post=post.id), data={"service_id": str(service.id)},
                           headers={"Referer": "http://localhost/wall"})
    assert response.status_code == 400
    soup = page(response)
    assert normalize_spaces(soup.select_one("h1").text) == "Your page timed out"
    assert soup.find("a", string="Go back to the page and try again")["href"] == "http://localhost/wall"
    assert _count(WallReaction) == 0 and client.get_cookie("session") is None


def test_a_view_that_tries_to_save_while_its_form_is_shown_again_saves_nothing(csrf_on, app, client):
    """Whatever a form does, nothing reaches the database while a refused post is shown again."""
    def careless_view():
        from flask import request

        if request.method == "POST":
            db.session.add(WallPrompt(text="should never be saved"))
            db.session.commit()
        return "a page"

    app.add_url_rule("/test-careless", "careless", careless_view, methods=["GET", "POST"])
    response = client.post("/test-careless", data={"text": "x"})
    assert response.status_code == 400
    assert normalize_spaces(page(response).select_one("h1").text) == "Your page timed out"
    assert _count(WallPrompt) == 0
