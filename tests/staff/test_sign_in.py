"""Signing in: one message for every wrong answer, throttling, a new cookie, safe `next`."""
from __future__ import annotations

import pytest

from localoffer.data.audit import count_events

from .accounts import PASSWORD, make_user, session_cookie, sign_in

WRONG = "Enter a correct email address and password"


def test_the_sign_in_page_asks_for_email_and_password(client):
    page = client.get("/staff/sign-in").get_data(as_text=True)
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert "/account/forgot-password" in page


def test_signing_in_opens_staff_home_and_is_audited(client, moderator):
    response = sign_in(client, moderator)
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"
    page = client.get("/staff/").get_data(as_text=True)
    assert "Council moderator" in page
    assert moderator.last_signed_in_at is not None
    assert count_events(action="sign-in") == 1


def test_passwords_are_stored_with_a_slow_hash(moderator):
    assert moderator.password_hash.startswith("scrypt:")
    assert PASSWORD not in moderator.password_hash


@pytest.mark.parametrize("case", ["unknown email", "wrong password", "disabled account"])
def test_every_wrong_answer_gets_the_same_words(client, app, case):
    user = make_user("provider", active=case != "disabled account")
    email = "nobody@example.org" if case == "unknown email" else user.email
    password = "not the password at all" if case == "wrong password" else PASSWORD
    response = client.post("/staff/sign-in", data={"email": email, "password": password})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert WRONG in page
    assert "<title>Error:" in page
    assert session_cookie(client) is None or client.get("/staff/").status_code == 302
    assert client.get("/staff/").headers["Location"].startswith("/staff/sign-in")


def test_email_is_matched_whatever_its_case_and_spaces(client, moderator):
    response = client.post("/staff/sign-in", data={"email": f"  {moderator.email.upper()} ", "password": PASSWORD})
    assert response.headers["Location"] == "/staff/"


def test_empty_form_explains_what_is_missing(client):
    page = client.post("/staff/sign-in", data={}).get_data(as_text=True)
    assert "Enter your email address" in page
    assert "Enter your password" in page


def test_the_session_cookie_changes_at_sign_in_and_the_shortlist_is_kept(client, moderator):
    with client.session_transaction() as sess:
        sess["shortlist"] = ["a-service"]
    before = session_cookie(client)
    sign_in(client, moderator)
    assert session_cookie(client) != before
    with client.session_transaction() as sess:
        assert sess["shortlist"] == ["a-service"]


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client, moderator):
    response = client.get("/staff/account/password")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/sign-in?next=/staff/account/password"
    response = client.post("/staff/sign-in?next=/staff/account/password",
                           data={"email": moderator.email, "password": PASSWORD})
    assert response.headers["Location"] == "/staff/account/password"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example",
                                    "/\t/evil.example", "javascript:alert(1)", "evil.example"])
def test_next_only_goes_to_a_page_on_this_site(client, moderator, target):
    response = client.post("/staff/sign-in", query_string={"next": target},
                           data={"email": moderator.email, "password": PASSWORD})
    assert response.headers["Location"] == "/staff/"


def test_a_signed_in_user_is_sent_on_from_the_sign_in_page(client, moderator):
    sign_in(client, moderator)
    assert client.get("/staff/sign-in").headers["Location"] == "/staff/"


def test_too_many_wrong_passwords_for_one_account_are_refused_even_with_the_right_one(client, app, moderator):
    app.config["SIGN_IN_ACCOUNT_LIMIT"] = 3
    for _ in range(3):
        client.post("/staff/sign-in", data={"email": moderator.email, "password": "wrong wrong wrong wrong"})
    response = client.post("/staff/sign-in", data={"email": moderator.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "tried to sign in too many times" in response.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302
    # Someone else's account is not affected by it.
    other = make_user("provider")
    assert sign_in(client, other).headers["Location"] == "/staff/"


def test_too_many_failures_from_one_address_are_refused(client, app):
    app.config["SIGN_IN_IP_LIMIT"] = 3
    for n in range(3):
        client.post("/staff/sign-in", data={"email": f"guess{n}@example.org", "password": "wrong wrong wrong"})
    user = make_user("provider")
    response = client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    assert "tried to sign in too many times" in response.get_data(as_text=True)
    # The same account from another address still works.
    response = client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD},
                           environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert response.headers["Location"] == "/staff/"


def test_failed_sign_ins_to_a_real_account_are_audited(client, moderator):
    client.post("/staff/sign-in", data={"email": moderator.email, "password": "wrong wrong wrong"})
    assert count_events(action="sign-in-failed") == 1


def test_an_invited_user_without_a_password_cannot_sign_in(client):
    user = make_user("provider", password=None)
    response = client.post("/staff/sign-in", data={"email": user.email, "password": ""})
    assert "Enter your password" in response.get_data(as_text=True)
    response = client.post("/staff/sign-in", data={"email": user.email, "password": "anything at all here"})
    assert WRONG in response.get_data(as_text=True)


def test_a_moderator_home_page_says_how_much_work_is_waiting(app, client, moderator):
    from localoffer.data.reports import save_problem_report
    from localoffer.extensions import db
    from tests.factories import make_service

    service = make_service("Swim club")
    save_problem_report(service.id, "closed", "")
    db.session.commit()
    sign_in(client, moderator)
    html = client.get("/staff/").get_data(as_text=True)
    assert "0 waiting" in html and "1 new" in html and "0 overdue" in html


def test_a_burst_of_failures_guessing_many_accounts_is_answered_with_429(client, app):
    app.config["SIGN_IN_IP_BURST_LIMIT"] = 5
    codes = [client.post("/staff/sign-in", data={"email": f"guess{n}@example.org", "password": "wrong wrong"}).status_code
             for n in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
