"""The warning before a staff session times out (WCAG 2.2.1): the page knows how long is left,
asking does not count as using the site, and "Stay signed in" moves the end on."""
from __future__ import annotations

import json
import re
from datetime import timedelta

from localoffer.models import StaffSession
from localoffer.extensions import db

from .accounts import age_sessions, sign_in


def _dialog(page: str) -> dict[str, str]:
    tag = re.search(r"<dialog[^>]*data-lo-timeout[^>]*>", page).group(0)
    return {name: value for name, value in re.findall(r'data-([a-z-]+)="([^"]*)"', tag)}


def _last_seen(user):
    db.session.expire_all()
    return db.session.query(StaffSession).filter_by(user_id=user.id).one().last_seen_at


def test_every_staff_page_carries_the_warning_with_the_time_really_left(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=10, seconds=30))  # not yet touched again: under a minute ago
    client.get("/staff/")  # this visit counts as use: the clock starts again
    page = client.get("/staff/").get_data(as_text=True)
    dialog = _dialog(page)
    assert 29 * 60 <= int(dialog["seconds-left"]) <= 30 * 60
    assert dialog["warning-seconds"] == "120" and dialog["extendable"] == "true"
    assert json.loads(dialog["minutes"].replace("&#34;", '"')) == {"one": "{n} minute", "other": "{n} minutes"}
    assert "js/timeout-warning.mjs" in page
    assert "Stay signed in" in page


def test_public_pages_and_signed_out_visitors_have_no_warning(client, moderator):
    assert "data-lo-timeout" not in client.get("/staff/sign-in").get_data(as_text=True)
    assert "data-lo-timeout" not in client.get("/").get_data(as_text=True)


def test_polish_counts_minutes_with_each_plural_form(client, moderator):
    sign_in(client, moderator)
    client.get("/?lang=pl")
    minutes = json.loads(_dialog(client.get("/staff/").get_data(as_text=True))["minutes"].replace("&#34;", '"'))
    assert set(minutes) == {"one", "few", "many"}
    assert {minutes["one"], minutes["few"], minutes["many"]} == {"{n} minutę", "{n} minuty", "{n} minut"}


def test_asking_how_long_is_left_does_not_count_as_using_the_site(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=28))
    before = _last_seen(moderator)
    state = client.get("/staff/session").get_json()
    assert state["signed_in"] is True and state["extendable"] is True
    assert 110 <= state["seconds_left"] <= 120
    assert _last_seen(moderator) == before


def test_staying_signed_in_starts_the_30_minutes_again(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=29))
    state = client.post("/staff/session/stay-signed-in", headers={"Accept": "application/json"}).get_json()
    assert state["signed_in"] is True and state["seconds_left"] >= 29 * 60
    age_sessions(moderator, idle=timedelta(minutes=29))
    # Without the script the button posts the form and comes back to the page it was on.
    response = client.post("/staff/session/stay-signed-in", data={"next": "/staff/wall/"})
    assert response.headers["Location"] == "/staff/wall/"
    assert client.get("/staff/session").get_json()["seconds_left"] >= 29 * 60


def test_staying_signed_in_only_returns_to_pages_on_this_site(client, moderator):
    sign_in(client, moderator)
    response = client.post("/staff/session/stay-signed-in", data={"next": "//evil.example/"})
    assert response.headers["Location"] == "/staff/"


def test_signed_out_visitors_only_learn_that_they_are_signed_out(client):
    assert client.get("/staff/session").get_json() == {"signed_in": False, "seconds_left": 0, "extendable": False}
    assert client.post("/staff/session/stay-signed-in").headers["Location"].startswith("/staff/sign-in")


def test_once_timed_out_the_page_learns_it_and_cannot_stay(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=31))
    assert client.get("/staff/session").get_json() == {"signed_in": False, "seconds_left": 0, "extendable": False}
    response = client.post("/staff/session/stay-signed-in", headers={"Accept": "application/json"})
    assert response.headers["Location"].startswith("/staff/sign-in")


def test_near_the_12_hour_limit_staying_cannot_help_and_the_page_says_so(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, age=timedelta(hours=11, minutes=59))
    state = client.post("/staff/session/stay-signed-in", headers={"Accept": "application/json"}).get_json()
    assert state["extendable"] is False and state["seconds_left"] <= 60
    assert _dialog(client.get("/staff/").get_data(as_text=True))["extendable"] == "false"


def test_staying_signed_in_needs_the_forms_token(app, client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=29))
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/staff/session/stay-signed-in", headers={"Accept": "application/json"})
    assert response.status_code == 400  # refused (any request still counts as using the site)


def test_what_was_typed_is_shown_even_when_the_forms_token_has_gone_too(app, client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=31))
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/staff/account/sessions/end-others", data={"staff_note": "Call back on Monday"})
    assert response.status_code == 401 and "Call back on Monday" in response.get_data(as_text=True)


def test_a_form_sent_after_the_time_ran_out_shows_what_was_typed_and_saves_nothing(client, moderator):
    """Without JavaScript there is no warning: the words come back instead of being lost."""
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=31))
    words = "Spoke to the family <script>alert(1)</script>\nThey want Saturday sessions"
    response = client.post("/staff/account/sessions/end-others", data={
        "staff_note": words, "decision": "approve", "csrf_token": "x", "password": "secret words here"})
    page = response.get_data(as_text=True)
    assert response.status_code == 401
    assert "You have been signed out" in page and "has not been saved" in page
    assert "Spoke to the family &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "secret words here" not in page and ">approve<" not in page
    assert "/staff/sign-in?next=/staff/account/sessions/end-others" in page
    assert "no-store" in response.headers["Cache-Control"]


def test_a_form_with_nothing_typed_goes_straight_to_sign_in(client, moderator):
    sign_in(client, moderator)
    age_sessions(moderator, idle=timedelta(minutes=31))
    response = client.post("/staff/account/sessions/end-others", data={"decision": "approve"})
    assert response.headers["Location"].startswith("/staff/sign-in")
