"""User administration: admins only, every action a POST that is audited, and no admin can
lock themself out."""
from __future__ import annotations

import pytest

from localoffer.data.audit import count_events
from localoffer.extensions import db
from tests.factories import make_organisation

from .accounts import enrol_totp, make_user, sign_in


def _org(name="Basildon Youth Club"):
    org = make_organisation(name)
    db.session.commit()
    return org


def _signed_in(app, user):
    client = app.test_client()
    sign_in(client, user)
    return client


def test_the_list_shows_role_organisation_status_last_sign_in_and_two_factor(app, admin_client, admin):
    provider = make_user("provider", name="Pat Provider")
    invited = make_user("champion", password=None, name="Ivy Invited")
    disabled = make_user("forum_moderator", active=False, name="Dee Disabled")
    enrol_totp(provider)
    page = admin_client.get("/staff/users/").get_data(as_text=True)
    assert "<caption" in page and 'scope="col"' in page
    for text in ("Pat Provider", provider.organisation.name, "Provider", "Ivy Invited", "Invited",
                 "Dee Disabled", "Disabled", "Family Forum moderator", "Never", "Active", "On", "Off"):
        assert text in page
    assert f"/staff/users/{invited.id}" in page and f"/staff/users/{disabled.id}" in page


@pytest.mark.parametrize("role", ["provider", "champion", "council_moderator", "forum_moderator"])
def test_only_admins_can_manage_users(app, role):
    user = make_user(role)
    client = _signed_in(app, user)
    assert client.get("/staff/users/").status_code == 403
    assert client.get(f"/staff/users/{user.id}").status_code == 403
    assert client.post(f"/staff/users/{user.id}/disable").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, provider):
    assert client.get("/staff/users/").headers["Location"].startswith("/staff/sign-in")
    assert client.post(f"/staff/users/{provider.id}/disable").status_code == 302
    assert provider.is_active


def test_an_unknown_user_is_not_found(admin_client):
    assert admin_client.get("/staff/users/not-a-uuid").status_code == 404
    assert admin_client.get("/staff/users/00000000-0000-0000-0000-000000000000").status_code == 404
    assert admin_client.post("/staff/users/00000000-0000-0000-0000-000000000000/disable").status_code == 404


@pytest.mark.parametrize("action", ["disable", "enable", "end-sessions", "reset-two-factor", "resend-invitation"])
def test_actions_are_post_only(admin_client, provider, action):
    assert admin_client.get(f"/staff/users/{provider.id}/{action}").status_code == 405


def test_disabling_asks_first_then_signs_them_out(app, admin_client, provider):
    victim = _signed_in(app, provider)
    page = admin_client.get(f"/staff/users/{provider.id}/confirm/disable").get_data(as_text=True)
    assert "Are you sure you want to disable this account?" in page
    assert provider.is_active  # asking changes nothing

    response = admin_client.post(f"/staff/users/{provider.id}/disable")
    assert response.headers["Location"] == f"/staff/users/{provider.id}"
    assert not provider.is_active
    assert victim.get("/staff/").status_code == 302
    assert "Enter a correct email" in sign_in(app.test_client(), provider).get_data(as_text=True)
    assert count_events(action="user-disabled") == 1

    admin_client.post(f"/staff/users/{provider.id}/enable")
    assert provider.is_active
    assert count_events(action="user-enabled") == 1
    assert sign_in(app.test_client(), provider).headers["Location"] == "/staff/"


def test_an_unknown_confirmation_is_not_found(admin_client, provider):
    assert admin_client.get(f"/staff/users/{provider.id}/confirm/delete-everything").status_code == 404


def test_ending_sessions_signs_them_out_everywhere(app, admin_client, provider):
    first, second = _signed_in(app, provider), _signed_in(app, provider)
    assert "sign them out everywhere" in admin_client.get(
        f"/staff/users/{provider.id}/confirm/end-sessions").get_data(as_text=True)
    admin_client.post(f"/staff/users/{provider.id}/end-sessions")
    assert first.get("/staff/").status_code == 302 and second.get("/staff/").status_code == 302
    assert provider.is_active
    assert count_events(action="sessions-ended") == 1


def test_resetting_two_factor_lets_them_set_it_up_again(app, admin_client, moderator):
    enrol_totp(moderator)
    victim = _signed_in(app, moderator)
    assert "Reset two-factor sign-in" in admin_client.get(f"/staff/users/{moderator.id}").get_data(as_text=True)
    admin_client.post(f"/staff/users/{moderator.id}/reset-two-factor")
    assert not moderator.has_totp and moderator.totp_secret is None
    assert victim.get("/staff/").status_code == 302
    assert count_events(action="two-factor-reset") == 1
    # They sign in with the password alone and can set it up again.
    fresh = app.test_client()
    assert sign_in(fresh, moderator).headers["Location"] == "/staff/"
    assert fresh.get("/staff/account/two-factor").status_code == 200


def test_changing_role_to_provider_needs_an_organisation(admin_client, moderator):
    org = _org()
    page = admin_client.get(f"/staff/users/{moderator.id}/role").get_data(as_text=True)
    assert "Basildon Youth Club" in page and 'value="council_moderator" checked' in page
    page = admin_client.post(f"/staff/users/{moderator.id}/role", data={"role": "provider"}).get_data(as_text=True)
    assert "Select the provider" in page
    assert moderator.role == "council_moderator"

    admin_client.post(f"/staff/users/{moderator.id}/role", data={"role": "provider", "organisation": str(org.id)})
    assert moderator.role == "provider" and moderator.organisation == org
    assert count_events(action="role-changed") == 1


def test_changing_a_provider_to_another_role_drops_the_organisation(app, admin_client, provider):
    client = _signed_in(app, provider)
    admin_client.post(f"/staff/users/{provider.id}/role", data={"role": "champion", "organisation": ""})
    assert provider.role == "champion" and provider.organisation is None
    # It takes effect on their next page, without signing in again.
    assert "Family champion" in client.get("/staff/").get_data(as_text=True)


def test_a_made_up_role_is_refused(admin_client, provider):
    admin_client.post(f"/staff/users/{provider.id}/role", data={"role": "superuser"})
    assert provider.role == "provider"


def test_an_admin_cannot_demote_disable_or_reset_themself(admin_client, admin):
    page = admin_client.get(f"/staff/users/{admin.id}").get_data(as_text=True)
    assert "Another administrator must change your role" in page
    response = admin_client.post(f"/staff/users/{admin.id}/role", data={"role": "champion"}, follow_redirects=True)
    assert "You cannot change your own role" in response.get_data(as_text=True)
    response = admin_client.post(f"/staff/users/{admin.id}/disable", follow_redirects=True)
    assert "You cannot do this to your own account" in response.get_data(as_text=True)
    admin_client.post(f"/staff/users/{admin.id}/reset-two-factor")
    assert admin.role == "admin" and admin.is_active
    assert admin_client.get("/staff/").status_code == 200
    assert count_events(action="role-changed") == count_events(action="user-disabled") == 0


def test_an_admin_can_manage_another_admin(admin_client):
    other = make_user("admin")
    admin_client.post(f"/staff/users/{other.id}/disable")
    assert not other.is_active


def test_user_page_shows_the_right_actions(admin_client):
    invited = make_user("champion", password=None)
    page = admin_client.get(f"/staff/users/{invited.id}").get_data(as_text=True)
    assert "Send the invitation again" in page and "Enable account" not in page
    disabled = make_user("champion", active=False)
    page = admin_client.get(f"/staff/users/{disabled.id}").get_data(as_text=True)
    assert "Enable account" in page and "Disable account" not in page
