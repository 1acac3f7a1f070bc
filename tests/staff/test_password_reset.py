"""Forgotten password: the same reply whether or not there is an account, a single-use link
that runs out, every session ended, and two-factor sign-in still needed afterwards."""
from __future__ import annotations

import re
from datetime import timedelta

from localoffer.data.audit import count_events
from localoffer.extensions import db
from localoffer.models import UserToken
from localoffer.models.base import utcnow

from .accounts import PASSWORD, enrol_totp, make_user, sign_in, totp_code

NEW = "seven tidy lanterns hum"
SENT = "If there is an account for that email address, we have sent it a link"


def _ask(client, email):
    return client.post("/account/forgot-password", data={"email": email}, follow_redirects=True)


def _link(mail) -> str:
    return re.search(r"http://localhost(/account/reset/[\w-]+)", mail.body).group(1)


def test_the_reply_is_the_same_whether_or_not_there_is_an_account(client, provider, outbox):
    known = _ask(client, provider.email).get_data(as_text=True)
    unknown = _ask(client, "nobody@example.org").get_data(as_text=True)
    assert SENT in known and SENT in unknown
    assert [m.to for m in outbox] == [provider.email]
    assert count_events(action="password-reset-requested") == 1


def test_disabled_and_invited_accounts_get_no_email(client, outbox):
    disabled = make_user("provider", active=False)
    invited = make_user("provider", password=None)
    assert SENT in _ask(client, disabled.email).get_data(as_text=True)
    assert SENT in _ask(client, invited.email).get_data(as_text=True)
    assert outbox == []


def test_the_email_form_explains_mistakes(client):
    assert "Enter your email address" in client.post("/account/forgot-password", data={}).get_data(as_text=True)


def test_the_link_sets_a_new_password_once_and_signs_out_everywhere(app, client, provider, outbox):
    signed_in = app.test_client()
    sign_in(signed_in, provider)
    _ask(client, provider.email)
    link = _link(outbox[0])
    assert "60 minutes" in outbox[0].body

    page = client.get(link)
    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert 'autocomplete="new-password"' in page.get_data(as_text=True)

    response = client.post(link, data={"password": NEW})
    assert response.headers["Location"] == "/staff/sign-in"
    assert signed_in.get("/staff/").status_code == 302
    assert count_events(action="password-reset") == 1
    assert "password has been changed" in outbox[-1].subject
    # The reset does not sign anyone in.
    assert client.get("/staff/").status_code == 302
    assert "Enter a correct email" in sign_in(client, provider).get_data(as_text=True)
    assert sign_in(client, provider, password=NEW).headers["Location"] == "/staff/"

    again = app.test_client().get(link).get_data(as_text=True)
    assert "This link has expired" in again
    assert "/account/forgot-password" in again


def test_the_new_password_must_follow_the_rules(client, moderator, outbox):
    _ask(client, moderator.email)
    page = client.post(_link(outbox[0]), data={"password": "too short"}).get_data(as_text=True)
    assert "15 characters or more" in page
    assert "<title>Error:" in page
    assert "Enter a correct" in sign_in(client, moderator, password="too short").get_data(as_text=True)


def test_an_expired_link_explains_and_offers_a_new_one(client, provider, outbox):
    _ask(client, provider.email)
    for row in db.session.query(UserToken):
        row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    page = client.get(_link(outbox[0])).get_data(as_text=True)
    assert "This link has expired" in page
    assert "Ask for a new password reset link" in page
    response = client.post(_link(outbox[0]), data={"password": NEW})
    assert "This link has expired" in response.get_data(as_text=True)
    assert sign_in(client, provider).headers["Location"] == "/staff/"


def test_an_unknown_or_mangled_link_is_treated_as_expired(client):
    assert "This link has expired" in client.get("/account/reset/not-a-token").get_data(as_text=True)
    assert "This link has expired" in client.get("/account/reset/" + "x" * 300).get_data(as_text=True)


def test_asking_again_makes_the_earlier_link_stop_working(client, provider, outbox):
    _ask(client, provider.email)
    _ask(client, provider.email)
    first, second = _link(outbox[0]), _link(outbox[1])
    assert "This link has expired" in client.get(first).get_data(as_text=True)
    assert client.post(second, data={"password": NEW}).status_code == 302


def test_a_reset_link_is_not_an_invitation_link(client, provider, outbox):
    _ask(client, provider.email)
    token = _link(outbox[0]).rsplit("/", 1)[1]
    assert "This link has expired" in client.get(f"/account/invitation/{token}").get_data(as_text=True)


def test_resetting_the_password_does_not_skip_two_factor_sign_in(client, moderator, outbox):
    secret = enrol_totp(moderator)
    _ask(client, moderator.email)
    client.post(_link(outbox[0]), data={"password": NEW})
    response = client.post("/staff/sign-in", data={"email": moderator.email, "password": NEW})
    assert response.headers["Location"].startswith("/staff/sign-in/code")
    assert client.get("/staff/").status_code == 302
    client.post("/staff/sign-in/code", data={"code": totp_code(secret, moderator.totp_last_step)})
    assert client.get("/staff/").status_code == 200


def test_requests_for_one_account_are_quietly_limited(app, client, provider, outbox):
    app.config["PASSWORD_RESET_ACCOUNT_LIMIT"] = 2
    for _ in range(4):
        assert SENT in _ask(client, provider.email).get_data(as_text=True)
    assert len(outbox) == 2


def test_requests_from_one_address_are_limited(app, client):
    app.config["PASSWORD_RESET_IP_LIMIT"] = 2
    _ask(client, "a@example.org")
    _ask(client, "b@example.org")
    page = _ask(client, "c@example.org").get_data(as_text=True)
    assert "too many links" in page


def test_a_reset_clears_the_sign_in_throttle_for_the_account(app, client, provider, outbox):
    app.config["SIGN_IN_ACCOUNT_LIMIT"] = 2
    for _ in range(2):
        client.post("/staff/sign-in", data={"email": provider.email, "password": "wrong wrong wrong"})
    _ask(client, provider.email)
    client.post(_link(outbox[0]), data={"password": NEW})
    assert sign_in(client, provider, password=NEW).headers["Location"] == "/staff/"


def test_the_sign_in_password_still_works_until_the_link_is_used(client, provider, outbox):
    _ask(client, provider.email)
    assert sign_in(client, provider, password=PASSWORD).headers["Location"] == "/staff/"
