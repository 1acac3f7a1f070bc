"""Admins invite people by email; the single-use link lets them choose a password."""
from __future__ import annotations

import re
from datetime import timedelta

from localoffer.data.accounts import get_user_by_email
from localoffer.data.audit import count_events
from localoffer.extensions import db
from localoffer.models import UserToken
from localoffer.models.base import utcnow
from tests.factories import make_organisation

from .accounts import make_user, sign_in

PASSWORD = "marble pigeons sing loudly"


def _org(name="Test Provider"):
    org = make_organisation(name)
    db.session.commit()
    return org


def _invite(admin_client, **data):
    form = {"email": "new.person@example.org", "name": "New Person", "role": "council_moderator"}
    form.update(data)
    return admin_client.post("/staff/users/invite", data=form)


def _link(mail) -> str:
    return re.search(r"http://localhost(/account/invitation/[\w-]+)", mail.body).group(1)


def test_the_invite_page_offers_roles_and_the_directory_organisations(admin_client):
    _org("Chelmsford Play Scheme")
    page = admin_client.get("/staff/users/invite").get_data(as_text=True)
    assert "Chelmsford Play Scheme" in page
    for label in ("Family champion", "Provider", "Council moderator", "Family Forum moderator", "Administrator"):
        assert label in page


def test_inviting_creates_an_account_without_a_password_and_emails_a_link(admin_client, outbox):
    org = _org("Harlow Swim Club")
    response = _invite(admin_client, role="provider", organisation=str(org.id), email=" Sam@Example.org ")
    user = get_user_by_email("sam@example.org")
    assert response.headers["Location"] == f"/staff/users/{user.id}"
    assert user.password_hash is None and user.organisation == org and user.role == "provider"
    assert [m.to for m in outbox] == ["sam@example.org"]
    assert "72 hours" in outbox[0].body and "Provider" in outbox[0].body
    assert count_events(action="user-invited") == 1


def test_accepting_sets_name_and_password_and_signs_in(app, admin_client, outbox):
    _invite(admin_client)
    link = _link(outbox[0])
    visitor = app.test_client()
    page = visitor.get(link)
    text = page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert 'value="New Person"' in text and 'autocomplete="new-password"' in text
    assert "15 characters or more" in text

    response = visitor.post(link, data={"name": "Nia Person", "password": PASSWORD})
    assert response.headers["Location"] == "/staff/"
    assert visitor.get("/staff/").status_code == 200
    user = get_user_by_email("new.person@example.org")
    assert user.name == "Nia Person"
    assert count_events(action="invitation-accepted") == 1
    # Used once only.
    assert "This link has expired" in app.test_client().get(link).get_data(as_text=True)


def test_accepting_checks_the_password_rules(app, admin_client, outbox):
    _invite(admin_client, role="council_moderator")
    page = app.test_client().post(_link(outbox[0]), data={"name": "", "password": "short"}).get_data(as_text=True)
    assert "Enter your name" in page
    page = app.test_client().post(_link(outbox[0]), data={"name": "A", "password": "qwerty123456789"})
    page = page.get_data(as_text=True)
    assert "too common" in page
    assert get_user_by_email("new.person@example.org").password_hash is None


def test_staff_must_still_set_up_two_factor_after_accepting_when_required(app, admin_client, outbox):
    _invite(admin_client, role="council_moderator")
    app.config["STAFF_MFA_REQUIRED"] = True
    visitor = app.test_client()
    visitor.post(_link(outbox[0]), data={"name": "Nia", "password": PASSWORD})
    assert visitor.get("/staff/").headers["Location"] == "/staff/account/two-factor"


def test_inviting_again_makes_the_old_link_stop_working(app, admin_client, outbox):
    _invite(admin_client)
    user = get_user_by_email("new.person@example.org")
    admin_client.post(f"/staff/users/{user.id}/resend-invitation")
    old, new = _link(outbox[0]), _link(outbox[1])
    assert old != new
    assert "This link has expired" in app.test_client().get(old).get_data(as_text=True)
    assert app.test_client().get(new).status_code == 200
    assert count_events(action="user-invited") == 2


def test_an_expired_invitation_explains_what_to_do(app, admin_client, outbox):
    _invite(admin_client)
    for row in db.session.query(UserToken):
        row.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    page = app.test_client().get(_link(outbox[0])).get_data(as_text=True)
    assert "This link has expired" in page and "ask the person who invited you" in page


def test_a_disabled_account_cannot_accept(app, admin_client, outbox):
    _invite(admin_client)
    user = get_user_by_email("new.person@example.org")
    user.is_active = False
    db.session.commit()
    assert "This link has expired" in app.test_client().get(_link(outbox[0])).get_data(as_text=True)


def test_a_provider_needs_an_organisation(admin_client, outbox):
    page = _invite(admin_client, role="provider").get_data(as_text=True)
    assert "Select the provider" in page
    assert "<title>Error:" in page
    assert outbox == [] and get_user_by_email("new.person@example.org") is None


def test_other_roles_never_get_an_organisation(admin_client):
    org = _org()
    _invite(admin_client, role="champion", organisation=str(org.id))
    assert get_user_by_email("new.person@example.org").organisation is None


def test_invite_form_mistakes_are_explained(admin_client, admin):
    page = _invite(admin_client, email="not an email", name="", role="").get_data(as_text=True)
    assert "Enter an email address in the correct format" in page
    assert "Enter their name" in page
    assert "Select a role" in page
    page = _invite(admin_client, email=admin.email).get_data(as_text=True)
    assert "There is already an account for this email address" in page
    page = _invite(admin_client, role="superuser").get_data(as_text=True)
    assert "Not a valid choice" in page or "Select a role" in page


def test_only_admins_can_invite(app, moderator):
    client = app.test_client()
    sign_in(client, moderator)
    assert client.get("/staff/users/invite").status_code == 403
    assert _invite(client).status_code == 403
    assert app.test_client().get("/staff/users/invite").headers["Location"].startswith("/staff/sign-in")


def test_an_accepted_invitation_cannot_be_resent(admin_client, outbox):
    user = make_user("provider")
    response = admin_client.post(f"/staff/users/{user.id}/resend-invitation", follow_redirects=True)
    assert "already accepted" in response.get_data(as_text=True)
    assert outbox == []
