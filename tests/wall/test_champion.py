"""Family champions enter comments for families who are not online: same moderation queue,
provenance recorded (channel, group, champion), nothing about who the family is, and each
champion sees only their own entries."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from localoffer.data import wall as wall_data
from localoffer.extensions import db
from localoffer.models import AuditEvent, WallPost

from ..helpers import normalize_spaces, page
from ..staff.accounts import make_user, sign_in

ENTRY = {"text": "The Saturday club has no changing places toilet.", "channel": "group",
         "group_name": "Harlow parent coffee morning", "quadrant": "west", "theme": "social-care",
         "reg56_category": "content", "consent": "yes"}


def _posts() -> list[WallPost]:
    return list(db.session.scalars(select(WallPost).order_by(WallPost.id)))


def test_a_champion_entry_joins_the_moderation_queue_with_its_provenance(champion_client, champion):
    response = champion_client.post("/staff/champion/wall/new", data=ENTRY)
    [post] = _posts()
    assert response.status_code == 302 and response.headers["Location"] == f"/staff/champion/wall/{post.id}"
    assert (post.text, post.status, post.channel, post.group_name, post.entered_by_id, post.quadrant,
            post.contributor_theme, post.reg56_category, post.consent) == (
        ENTRY["text"], "awaiting-review", "group", "Harlow parent coffee morning", champion.id, "west",
        "social-care", "content", True)
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "wall-post-entered")).all()
    assert (event.subject_id, event.detail, event.user_id) == (str(post.id), "channel group", champion.id)
    assert page(champion_client.get("/wall")).select("[data-post-id]") == []


def test_the_form_asks_nothing_about_who_the_family_is(champion_client):
    soup = page(champion_client.get("/staff/champion/wall/new"))
    assert soup.title.text.startswith("Enter a wall comment for a family")
    names = {field["name"] for field in soup.select("main form input, main form textarea, main form select")}
    assert names == {"text", "channel", "group_name", "quadrant", "theme", "reg56_category", "consent"}
    assert [i["value"] for i in soup.select("input[name=channel]")] == ["event", "group", "phone", "paper"]
    assert "The family agreed to this being published without their name" in soup.text


@pytest.mark.parametrize("change, message", [
    ({"channel": ""}, "Select how you collected the comment"),
    ({"channel": "online"}, "Select how you collected the comment"),
    ({"group_name": "  "}, "Enter the family group or event"),
    ({"group_name": "g" * 121}, "The group or event must be 120 characters or fewer"),
    ({"consent": ""}, "Confirm the family agreed to their comment being published without their name"),
    ({"text": ""}, "Enter your comment"),
    ({"quadrant": "atlantis"}, "Select a part of Essex from the list"),
])
def test_champion_entries_are_validated_and_kept(champion_client, change, message):
    data = {**ENTRY, **change}
    soup = page(champion_client.post("/staff/champion/wall/new", data=data))
    assert soup.title.text.startswith("Error:")
    assert message in soup.select_one(".govuk-error-summary").text
    assert soup.select_one("textarea#text").text == data["text"]
    assert _posts() == []


def test_a_champion_sees_only_their_own_entries(app, champion_client, champion):
    champion_client.post("/staff/champion/wall/new", data=ENTRY)
    other = make_user("champion")
    other_client = app.test_client()
    sign_in(other_client, other)
    other_client.post("/staff/champion/wall/new", data={**ENTRY, "group_name": "Basildon summer fun day",
                                                        "channel": "event"})
    mine, theirs = _posts()

    for url in ("/staff/champion/", "/staff/champion/wall/"):
        soup = page(champion_client.get(url))
        assert [int(r["data-post-id"]) for r in soup.select("#entries [data-post-id]")] == [mine.id]
        row = normalize_spaces(soup.select_one("#entries tbody tr").text)
        assert "Harlow parent coffee morning" in row and "At a family group" in row and "Waiting to be checked" in row
        assert "Basildon" not in soup.text
    assert champion_client.get(f"/staff/champion/wall/{mine.id}").status_code == 200
    assert champion_client.get(f"/staff/champion/wall/{theirs.id}").status_code == 404
    assert champion_client.get("/staff/champion/wall/999999").status_code == 404
    online, _ = wall_data.submit_post("Online post")
    db.session.commit()
    assert champion_client.get(f"/staff/champion/wall/{online.id}").status_code == 404


@pytest.mark.parametrize("role", ["provider", "council_moderator", "forum_moderator", "admin"])
def test_only_champions_may_enter_comments(app, role):
    client = app.test_client()
    sign_in(client, make_user(role))
    assert client.get("/staff/champion/").status_code == 403
    assert client.post("/staff/champion/wall/new", data=ENTRY).status_code == 403
    assert _posts() == []


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/staff/champion/wall/new")
    assert response.status_code == 302 and response.headers["Location"].startswith("/staff/sign-in")
