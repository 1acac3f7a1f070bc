"""Two-factor sign-in (TOTP): set up with a QR code or key, confirmed by a code, then asked for
at every sign-in; required for staff roles when STAFF_MFA_REQUIRED is on."""
from __future__ import annotations

import re

import pyotp

from localoffer.data.audit import count_events

from .accounts import PASSWORD, enrol_totp, make_user, session_cookie, sign_in, totp_code


def _setup_key(page: str) -> str:
    return re.search(r'id="setup-key"[^>]*><code>([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")


def test_setup_page_shows_a_qr_code_and_a_key_to_type(client, moderator):
    sign_in(client, moderator)
    page = client.get("/staff/account/two-factor").get_data(as_text=True)
    assert "<svg" in page and "<title>QR code" in page
    assert len(_setup_key(page)) == 32
    assert 'autocomplete="one-time-code"' in page
    assert not moderator.has_totp and moderator.totp_secret is None  # nothing stored yet


def test_the_key_stays_the_same_until_confirmed(client, moderator):
    sign_in(client, moderator)
    first = _setup_key(client.get("/staff/account/two-factor").get_data(as_text=True))
    second = _setup_key(client.get("/staff/account/two-factor").get_data(as_text=True))
    assert first == second


def test_a_wrong_code_does_not_turn_it_on(client, moderator):
    sign_in(client, moderator)
    secret = _setup_key(client.get("/staff/account/two-factor").get_data(as_text=True))
    wrong = str((int(pyotp.TOTP(secret).now()) + 1) % 1_000_000).zfill(6)
    page = client.post("/staff/account/two-factor", data={"code": wrong}).get_data(as_text=True)
    assert "The code is not right" in page
    assert "<title>Error:" in page
    assert moderator.totp_secret is None


def test_letters_or_blank_codes_get_a_clear_message(client, moderator):
    sign_in(client, moderator)
    client.get("/staff/account/two-factor")
    def post(code):
        return client.post("/staff/account/two-factor", data={"code": code}).get_data(as_text=True)

    assert "Enter the 6-digit code" in post("")
    assert "not right" in post("abcdef")


def test_the_right_code_turns_it_on_and_then_every_sign_in_asks_for_a_code(app, client, moderator):
    sign_in(client, moderator)
    secret = _setup_key(client.get("/staff/account/two-factor").get_data(as_text=True))
    response = client.post("/staff/account/two-factor", data={"code": pyotp.TOTP(secret).now()})
    assert response.headers["Location"] == "/staff/"
    assert moderator.has_totp and moderator.totp_secret == secret
    assert count_events(action="two-factor-enabled") == 1
    assert "Two-factor sign-in is on" in client.get("/staff/account/two-factor").get_data(as_text=True)

    other = app.test_client()
    response = other.post("/staff/sign-in", data={"email": moderator.email, "password": PASSWORD})
    assert response.headers["Location"].startswith("/staff/sign-in/code")
    # Password alone opens nothing.
    assert other.get("/staff/").status_code == 302
    code = totp_code(secret, moderator.totp_last_step)
    response = other.post("/staff/sign-in/code", data={"code": code})
    assert response.headers["Location"] == "/staff/"
    assert other.get("/staff/").status_code == 200


def test_the_code_step_gives_a_new_session_id(client, moderator):
    enrol_totp(moderator)
    client.post("/staff/sign-in", data={"email": moderator.email, "password": PASSWORD})
    with client.session_transaction() as sess:
        half_signed_in = sess["staff_sid"]
    before = session_cookie(client)
    client.post("/staff/sign-in/code", data={"code": totp_code(moderator.totp_secret, moderator.totp_last_step)})
    with client.session_transaction() as sess:
        assert sess["staff_sid"] != half_signed_in
    assert session_cookie(client) != before


def test_a_code_works_once_only(app, client, moderator):
    secret = enrol_totp(moderator)
    code = totp_code(secret)
    client.post("/staff/sign-in", data={"email": moderator.email, "password": PASSWORD})
    assert client.post("/staff/sign-in/code", data={"code": code}).status_code == 302

    other = app.test_client()
    other.post("/staff/sign-in", data={"email": moderator.email, "password": PASSWORD})
    page = other.post("/staff/sign-in/code", data={"code": code}).get_data(as_text=True)
    assert "The code is not right" in page
    assert other.get("/staff/").status_code == 302


def test_code_entry_is_throttled(app, client, moderator):
    app.config["SIGN_IN_ACCOUNT_LIMIT"] = 3
    secret = enrol_totp(moderator)
    client.post("/staff/sign-in", data={"email": moderator.email, "password": PASSWORD})
    for _ in range(3):
        client.post("/staff/sign-in/code", data={"code": "000000"})
    page = client.post("/staff/sign-in/code", data={"code": totp_code(secret)}).get_data(as_text=True)
    assert "too many wrong codes" in page
    assert client.get("/staff/").status_code == 302


def test_the_code_page_needs_a_password_first(client):
    assert client.get("/staff/sign-in/code").headers["Location"] == "/staff/sign-in"


def test_staff_must_set_it_up_when_required_and_the_setup_page_still_works(app, client, moderator):
    app.config["STAFF_MFA_REQUIRED"] = True
    response = sign_in(client, moderator)
    assert response.headers["Location"] == "/staff/account/two-factor"
    assert client.get("/staff/").headers["Location"] == "/staff/account/two-factor"
    assert client.get("/staff/users/").status_code in (302, 403)
    page = client.get("/staff/account/two-factor")
    assert page.status_code == 200
    assert "you must turn on two-factor sign-in" in page.get_data(as_text=True)
    secret = _setup_key(page.get_data(as_text=True))
    client.post("/staff/account/two-factor", data={"code": pyotp.TOTP(secret).now()})
    assert client.get("/staff/").status_code == 200


def test_providers_and_champions_may_choose_not_to_use_it(app, client, provider, champion):
    app.config["STAFF_MFA_REQUIRED"] = True
    assert sign_in(client, provider).headers["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    other = app.test_client()
    sign_in(other, champion)
    assert other.get("/staff/").status_code == 200
    assert other.get("/staff/account/two-factor").status_code == 200


def test_the_setup_page_needs_sign_in(client):
    assert client.get("/staff/account/two-factor").headers["Location"].startswith("/staff/sign-in")


def test_turning_it_on_is_throttled(app, client, moderator):
    app.config["SIGN_IN_ACCOUNT_LIMIT"] = 2
    sign_in(client, moderator)
    secret = _setup_key(client.get("/staff/account/two-factor").get_data(as_text=True))
    for _ in range(2):
        client.post("/staff/account/two-factor", data={"code": "000000"})
    page = client.post("/staff/account/two-factor", data={"code": pyotp.TOTP(secret).now()}).get_data(as_text=True)
    assert "too many wrong codes" in page
    assert not moderator.has_totp


def test_user_with_two_factor_signs_in_with_the_helper(client):
    user = make_user("admin")
    enrol_totp(user)
    sign_in(client, user)
    assert client.get("/staff/").status_code == 200
