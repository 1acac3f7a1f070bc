""""Me too" and flags: one per browser (a random cookie, stored only as a hash), only on
published posts, and enough flags (or one saying it identifies someone) hide a post."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import WallReaction

from ..helpers import page
from .conftest import make_post


def test_me_too_counts_once_per_browser_and_sets_a_private_cookie(app, client):
    post, _ = make_post("Waiting lists are too long", status="published")
    response = client.post(f"/wall/{post.id}/me-too")
    assert response.status_code == 302 and response.headers["Location"] == f"/wall#post-{post.id}"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lo_voice=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie
    value = client.get_cookie("lo_voice", path="/wall").value
    [reaction] = db.session.scalars(select(WallReaction)).all()
    assert (reaction.kind, reaction.browser_hash) == ("me-too", hashlib.sha256(value.encode()).hexdigest())

    again = client.post(f"/wall/{post.id}/me-too", follow_redirects=True)
    assert "You have already said ‘me too’ to this comment" in again.get_data(as_text=True)
    db.session.refresh(post)
    assert post.me_too_count == 1
    assert "1 person said ‘me too’" in page(client.get("/wall")).select_one(f"#post-{post.id}").text

    app.test_client().post(f"/wall/{post.id}/me-too")  # another browser
    db.session.refresh(post)
    assert post.me_too_count == 2


def test_me_too_returns_to_the_same_page_of_the_wall_but_never_to_another_site(client):
    post, _ = make_post("Paged", status="published")
    response = client.post(f"/wall/{post.id}/me-too", data={"back": "/wall?page=2&quadrant=mid"})
    assert response.headers["Location"] == f"/wall?page=2&quadrant=mid#post-{post.id}"
    for bad in ("https://evil.example/wall", "//evil.example/wall", "/services", "/wall\\..\\x"):
        response = client.post(f"/wall/{post.id}/me-too", data={"back": bad})
        assert response.headers["Location"] == f"/wall#post-{post.id}", bad


@pytest.mark.parametrize("status", ["awaiting-review", "hidden", "not-published", "withdrawn"])
def test_me_too_and_flags_only_work_on_published_posts(client, status):
    post, _ = make_post("Not on the wall", status=status)
    assert client.post(f"/wall/{post.id}/me-too").status_code == 404
    assert client.get(f"/wall/{post.id}/flag").status_code == 404
    assert client.post(f"/wall/{post.id}/flag", data={"reason": "spam"}).status_code == 404
    assert db.session.scalars(select(WallReaction)).all() == []
    assert client.post("/wall/123456/me-too").status_code == 404


def test_me_too_works_without_javascript_from_a_plain_form(client):
    post, _ = make_post("Quiet rooms please", status="published")
    form = page(client.get("/wall")).select_one(f"#post-{post.id} form")
    assert form["method"] == "post" and form["action"] == f"/wall/{post.id}/me-too"
    assert form.select_one("input[name=csrf_token]") and form.select_one("button[type=submit]")


def test_a_flag_needs_a_reason(client):
    post, _ = make_post("A comment", status="published")
    soup = page(client.get(f"/wall/{post.id}/flag"))
    assert soup.title.text.startswith("What is wrong with this comment?")
    assert [i["value"] for i in soup.select("input[name=reason]")] == [
        "identifies-someone", "offensive", "spam", "other"]
    soup = page(client.post(f"/wall/{post.id}/flag", data={"reason": "boring"}))
    assert "Select what is wrong with this comment" in soup.select_one(".govuk-error-summary").text


def test_a_post_is_hidden_when_flags_reach_the_threshold_counting_each_browser_once(app, client):
    post, _ = make_post("Contested comment", status="published")
    client.post(f"/wall/{post.id}/flag", data={"reason": "offensive"})
    client.post(f"/wall/{post.id}/flag", data={"reason": "spam"})  # same browser: not counted again
    app.test_client().post(f"/wall/{post.id}/flag", data={"reason": "offensive"})
    db.session.refresh(post)
    assert (post.flag_count, post.status) == (2, "published")
    app.test_client().post(f"/wall/{post.id}/flag", data={"reason": "other"})
    db.session.refresh(post)
    assert (post.flag_count, post.status) == (3, "hidden")
    assert page(client.get("/wall")).select("[data-post-id]") == []


def test_the_threshold_comes_from_configuration(app, client):
    app.config["WALL_FLAG_THRESHOLD"] = 1
    post, _ = make_post("Comment", status="published")
    client.post(f"/wall/{post.id}/flag", data={"reason": "spam"})
    db.session.refresh(post)
    assert post.status == "hidden"


def test_a_flag_saying_it_identifies_someone_hides_the_post_at_once(client):
    post, _ = make_post("Comment", status="published")
    response = client.post(f"/wall/{post.id}/flag", data={"reason": "identifies-someone"}, follow_redirects=True)
    assert "Thank you for telling us" in response.get_data(as_text=True)
    db.session.refresh(post)
    assert (post.status, post.flag_count) == ("hidden", 1)
    [reaction] = db.session.scalars(select(WallReaction)).all()
    assert (reaction.kind, reaction.flag_reason) == ("flag", "identifies-someone")
