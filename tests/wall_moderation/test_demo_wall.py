"""The demo wall: loaded once, with every moderation state, through the real decisions."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from localoffer.demo.staff import demo_email
from localoffer.demo.wall import load_demo_wall
from localoffer.extensions import db
from localoffer.models import WallDecision, WallPost, WallPrompt
from tests.staff.accounts import make_user


def _demo_people() -> dict:
    return {role: make_user(role, email=demo_email(role)) for role in ("council_moderator", "forum_moderator",
                                                                      "champion")}


def test_the_demo_wall_has_every_state_and_loads_only_once(app):
    _demo_people()
    load_demo_wall()
    db.session.commit()
    posts = db.session.scalars(select(WallPost)).all()
    statuses = Counter(p.status for p in posts)

    assert 20 <= len(posts) <= 30
    assert statuses["awaiting-review"] == 3 and statuses["published"] >= 12
    for status in ("refusal-proposed", "disputed", "not-published", "safeguarding", "hidden", "withdrawn"):
        assert statuses[status] >= 1, status
    assert {p.quadrant for p in posts} == {"north-east", "mid", "south", "west"}
    assert {"group", "event", "phone", "paper", "online"} <= {p.channel for p in posts}
    assert all(p.group_name and p.entered_by_id for p in posts if p.channel != "online")

    redacted = [p for p in posts if p.published_text and p.published_text != p.text]
    assert any("[school]" in p.published_text for p in redacted)
    merged = next(p for p in posts if p.merged_into_id)
    assert merged.refusal_reason == "duplicate" and db.session.get(WallPost, merged.merged_into_id).me_too_count > 1
    assert any(p.refusal_reason == "individual-case" and p.status == "not-published" for p in posts)
    assert any(h["kind"] == "phone" for p in posts if p.status == "awaiting-review" for h in p.check_hints)
    assert all(p.themes for p in posts if p.status == "published")
    assert db.session.scalar(select(func.count()).select_from(WallPrompt)) == 3
    assert db.session.scalar(select(func.count()).select_from(WallDecision)) > 20

    load_demo_wall()
    assert db.session.scalar(select(func.count()).select_from(WallPost)) == len(posts)


def test_the_demo_wall_waits_for_the_demo_moderators(app):
    load_demo_wall()
    assert db.session.scalar(select(func.count()).select_from(WallPost)) == 0


def test_every_demo_post_page_opens_for_a_council_moderator(app):
    from tests.staff.accounts import sign_in

    people = _demo_people()
    load_demo_wall()
    db.session.commit()
    client = app.test_client()
    sign_in(client, people["council_moderator"])
    assert client.get("/staff/wall/").status_code == 200
    for post_id in db.session.scalars(select(WallPost.id)):
        assert client.get(f"/staff/wall/{post_id}").status_code == 200, post_id
