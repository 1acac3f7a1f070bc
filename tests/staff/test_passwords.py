"""Password rules (length, common list, context words) and changing your own password."""
from __future__ import annotations

import pytest

from localoffer.auth.passwords import password_problem
from localoffer.data.audit import count_events

from .accounts import PASSWORD, sign_in

NEW = "purple otters juggle quietly"


@pytest.mark.parametrize("role,length,ok", [
    ("admin", 14, False), ("admin", 15, True), ("council_moderator", 15, True), ("forum_moderator", 14, False),
    ("provider", 11, False), ("provider", 12, True), ("champion", 12, True),
])
def test_staff_roles_need_15_characters_and_others_12(role, length, ok, app):
    password = "kqzvhwtrmxpl" + "bdfgjn"[: max(0, length - 12)]
    password = password[:length]
    assert (password_problem(password, role) is None) is ok


def test_only_length_matters_not_character_types(app):
    assert password_problem("alllowercaseletterswithoutdigits", "admin") is None
    assert password_problem("x" * 64 + "ab cd", "admin") is None  # long passwords are fine


def test_very_long_passwords_are_refused_politely(app):
    assert "1024 characters or fewer" in password_problem("ab cd" * 205, "admin")


@pytest.mark.parametrize("password", ["qwerty123456", "1q2w3e4r5t6y", "123QWEasdzxc", "qazwsx edcrfv"])
def test_common_passwords_are_refused(app, password):
    problem = password_problem(password, "provider")
    assert problem and "too common" in problem


@pytest.mark.parametrize("password", ["essexlocaloffer1", "Essex Local Offer!", "localoffer2026!!",
                                      "council council council"])
def test_words_about_this_service_are_refused(app, password):
    assert "name of this service" in password_problem(password, "provider")


def test_the_email_address_is_refused_inside_the_password(app):
    assert "email address" in password_problem("jane.smith-is-great", "provider", "jane.smith@example.org")


def test_a_few_repeated_characters_are_refused(app):
    assert "repeat" in password_problem("abababababababab", "admin")


def _change(client, current=PASSWORD, new=NEW):
    return client.post("/staff/account/password", data={"current_password": current, "new_password": new})


def test_the_page_lets_password_managers_help(client, provider):
    sign_in(client, provider)
    page = client.get("/staff/account/password").get_data(as_text=True)
    assert 'autocomplete="current-password"' in page
    assert 'autocomplete="new-password"' in page
    assert "12 characters or more" in page
    assert "onpaste" not in page


def test_changing_the_password_signs_out_other_browsers_and_sends_an_email(app, client, provider, outbox):
    sign_in(client, provider)
    other = app.test_client()
    sign_in(other, provider)
    old_hash = provider.password_hash

    response = _change(client)
    assert response.headers["Location"] == "/staff/"
    assert provider.password_hash != old_hash
    assert client.get("/staff/").status_code == 200
    assert other.get("/staff/").status_code == 302
    assert count_events(action="password-changed") == 1
    assert [m.to for m in outbox] == [provider.email]
    assert "password has been changed" in outbox[0].subject
    assert NEW not in outbox[0].body

    fresh = app.test_client()
    assert sign_in(fresh, provider, password=NEW).headers["Location"] == "/staff/"


def test_the_current_password_must_be_right(client, provider):
    sign_in(client, provider)
    page = _change(client, current="not my password at all").get_data(as_text=True)
    assert "Your current password is not right" in page
    assert "<title>Error:" in page


def test_the_new_password_must_follow_the_rules(client, moderator):
    sign_in(client, moderator)
    page = _change(client, new="short words").get_data(as_text=True)
    assert "15 characters or more" in page
    page = _change(client, new=PASSWORD).get_data(as_text=True)
    assert "different from your current password" in page
    page = _change(client, new="").get_data(as_text=True)
    assert "Enter a new password" in page


def test_guessing_the_current_password_is_throttled(app, client, provider):
    app.config["PASSWORD_CHANGE_LIMIT"] = 2
    sign_in(client, provider)
    _change(client, current="wrong guess number one")
    _change(client, current="wrong guess number two")
    page = _change(client).get_data(as_text=True)
    assert "too many times" in page


def test_changing_the_password_needs_sign_in(client):
    assert client.post("/staff/account/password", data={}).headers["Location"].startswith("/staff/sign-in")


def test_outside_the_tests_passwords_get_werkzeugs_full_strength_scrypt():
    from config import DevelopmentConfig, ProductionConfig

    from localoffer.auth.passwords import hash_password

    assert not hasattr(ProductionConfig, "PASSWORD_HASH_METHOD")
    assert not hasattr(DevelopmentConfig, "PASSWORD_HASH_METHOD")
    assert hash_password("a long passphrase for nobody").startswith("scrypt:32768:8:1$")
