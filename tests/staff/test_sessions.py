"""Sessions live on the server: signing out, timeouts and disabling an account end them, so a
copied cookie stops working."""
from __future__ import annotations

from datetime import timedelta

from localoffer.data.audit import count_events
from localoffer.extensions import db

from .accounts import age_sessions, copy_cookie_to, sign_in


def test_sign_out_page_asks_first_and_get_changes_nothing(client, moderator):
    sign_in(client, moderator)
    page = client.get("/staff/sign-out")
    assert page.status_code == 200
    assert 'method="post"' in page.get_data(as_text=True)
    assert client.get("/staff/").status_code == 200


def test_signing_out_ends_the_session_on_the_server(app, client, moderator):
    sign_in(client, moderator)
    thief = app.test_client()
    copy_cookie_to(client, thief)
    assert thief.get("/staff/").status_code == 200

    response = client.post("/staff/sign-out")
    assert response.headers["Location"] == "/staff/sign-in"
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get("/staff/").status_code == 302
    assert thief.get("/staff/").status_code == 302
    assert count_events(action="sign-out") == 1


def test_the_shortlist_survives_signing_out(client, moderator):
    with client.session_transaction() as sess:
        sess["shortlist"] = ["kept"]
    sign_in(client, moderator)
    client.post("/staff/sign-out")
    with client.session_transaction() as sess:
        assert sess["shortlist"] == ["kept"]


def test_signing_out_when_not_signed_in_goes_to_sign_in(client):
    assert client.post("/staff/sign-out").headers["Location"] == "/staff/sign-in"


def test_staff_pages_are_never_cached(client, moderator):
    sign_in(client, moderator)
    assert "no-store" in client.get("/staff/").headers["Cache-Control"]


def test_a_session_idle_for_more_than_30_minutes_is_signed_out(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=31))
    response = client.get("/staff/")
    assert response.headers["Location"].startswith("/staff/sign-in")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You were signed out because you had not used the site for a while" in page


def test_a_session_used_within_30_minutes_stays_signed_in(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=29))
    assert client.get("/staff/").status_code == 200


def test_using_the_site_keeps_the_session_alive(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=20))
    client.get("/staff/")  # moves last use to now
    age_sessions(moderator, age=timedelta(minutes=40))  # opened 40 minutes ago, used just now
    assert client.get("/staff/").status_code == 200


def test_a_session_older_than_12_hours_is_signed_out_even_if_in_use(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, age=timedelta(hours=12, minutes=1), idle=timedelta(minutes=1))
    assert client.get("/staff/").status_code == 302


def test_disabling_an_account_ends_its_sessions(client, moderator):
    sign_in(client, moderator)
    moderator.is_active = False
    db.session.commit()
    assert client.get("/staff/").status_code == 302


def test_a_forged_or_unknown_session_id_is_ignored(client):
    with client.session_transaction() as sess:
        sess["staff_sid"] = "not-a-real-session"
    assert client.get("/staff/").status_code == 302
    with client.session_transaction() as sess:
        sess["staff_sid"] = ["not", "a", "string"]
    assert client.get("/staff/").status_code == 302


def test_the_sessions_page_lists_browsers_and_can_end_the_others(app, client, moderator):
    sign_in(client, moderator)
    other = app.test_client()
    sign_in(other, moderator)
    page = client.get("/staff/account/sessions").get_data(as_text=True)
    assert "This browser" in page and "Another browser" in page
    assert "Sign out of all other sessions" in page

    response = client.post("/staff/account/sessions/end-others")
    assert response.headers["Location"] == "/staff/account/sessions"
    assert other.get("/staff/").status_code == 302
    assert client.get("/staff/").status_code == 200
    assert count_events(action="sessions-ended") == 1
    assert "not signed in anywhere else" in client.get("/staff/account/sessions").get_data(as_text=True)


def test_ending_other_sessions_is_post_only(client, moderator):
    sign_in(client, moderator)
    assert client.get("/staff/account/sessions/end-others").status_code == 405


def test_staff_home_shows_the_role_and_only_what_the_role_can_do(client, provider, moderator, app):
    sign_in(client, provider)
    page = client.get("/staff/").get_data(as_text=True)
    assert "Provider" in page
    assert "/staff/listings/" in page  # their own listings
    assert "/staff/users/" not in page
    assert "/staff/account/password" in page and "/staff/account/two-factor" in page

    other = app.test_client()
    sign_in(other, moderator)
    page = other.get("/staff/").get_data(as_text=True)
    assert "Changes to approve" in page and "/staff/reports/" in page
    assert "/staff/users/" not in page and "/staff/audit/" not in page
