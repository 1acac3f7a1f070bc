"""`flask users create --email E --role R [--organisation O]`: the only way the first admin
comes to exist."""
from __future__ import annotations

from localoffer.data.accounts import get_user_by_email
from localoffer.data.audit import count_events
from localoffer.extensions import db
from tests.factories import make_organisation

from .accounts import sign_in

GOOD = "tall ferns whisper at dawn"


def _create(runner, *args, password=GOOD):
    return runner.invoke(args=["users", "create", *args], env={"LOCALOFFER_PASSWORD": password})


def test_creates_an_admin_who_can_sign_in(app, runner):
    result = _create(runner, "--email", " First.Admin@Example.org ", "--role", "admin", "--name", "Ada")
    assert result.exit_code == 0, result.output
    assert "Created admin account for first.admin@example.org" in result.output
    user = get_user_by_email("first.admin@example.org")
    assert user.role == "admin" and user.name == "Ada" and user.password_hash.startswith("scrypt:")
    assert count_events(action="user-created") == 1
    assert GOOD not in result.output
    assert sign_in(app.test_client(), user, password=GOOD).headers["Location"] == "/staff/"


def test_the_password_can_be_typed_at_a_prompt(runner):
    result = runner.invoke(args=["users", "create", "--email", "a@example.org", "--role", "admin"],
                           input=f"{GOOD}\n{GOOD}\n", env={"LOCALOFFER_PASSWORD": ""})
    assert result.exit_code == 0, result.output
    assert get_user_by_email("a@example.org") is not None


def test_a_weak_password_is_refused(runner):
    result = _create(runner, "--email", "a@example.org", "--role", "admin", password="short")
    assert result.exit_code != 0
    assert "15 characters or more" in result.output
    result = _create(runner, "--email", "a@example.org", "--role", "admin", password="qwerty123456789")
    assert "too common" in result.output
    assert get_user_by_email("a@example.org") is None


def test_an_email_can_only_have_one_account(runner):
    _create(runner, "--email", "a@example.org", "--role", "admin")
    result = _create(runner, "--email", "A@example.org", "--role", "champion")
    assert result.exit_code != 0
    assert "There is already an account for a@example.org" in result.output


def test_a_provider_needs_an_existing_organisation(runner):
    result = _create(runner, "--email", "p@example.org", "--role", "provider")
    assert result.exit_code != 0 and "needs --organisation" in result.output
    result = _create(runner, "--email", "p@example.org", "--role", "provider", "--organisation", "Nobody Ltd")
    assert result.exit_code != 0 and "No organisation called" in result.output
    org = make_organisation("Colchester Stay and Play")
    db.session.commit()
    result = _create(runner, "--email", "p@example.org", "--role", "provider",
                     "--organisation", "colchester stay and play")
    assert result.exit_code == 0, result.output
    assert get_user_by_email("p@example.org").organisation_id == org.id


def test_only_providers_belong_to_an_organisation(runner):
    make_organisation("Some Org")
    db.session.commit()
    result = _create(runner, "--email", "m@example.org", "--role", "council_moderator", "--organisation", "Some Org")
    assert result.exit_code != 0 and "Only provider accounts" in result.output


def test_unknown_roles_and_bad_emails_are_refused(runner):
    assert _create(runner, "--email", "a@example.org", "--role", "superuser").exit_code != 0
    result = _create(runner, "--email", "not-an-email", "--role", "admin")
    assert result.exit_code != 0 and "Enter an email address" in result.output
