"""The private follow link: found by its hash only, explains what happened in plain English,
and lets whoever holds it change, withdraw or get email updates about their comment."""
from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import WallContact, YouSaidWeDid, YouSaidWeDidVersion

from ..helpers import normalize_spaces, page
from .conftest import make_post


def _main(response) -> str:
    return normalize_spaces(page(response).select_one("main").text)


def test_the_link_works_with_the_token_but_not_with_its_stored_hash(client):
    post, token = make_post("Our short breaks were cut.")
    response = client.get(f"/wall/follow/{token}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert page(response).select_one("meta[name=referrer]")["content"] == "same-origin"
    assert "Our short breaks were cut." in _main(response)
    assert "Waiting to be checked" in page(response).select_one("#status").text

    unknown = client.get(f"/wall/follow/{post.follow_token_hash}")
    assert unknown.status_code == 404
    assert "We cannot find that comment" in page(unknown).h1.text
    assert client.get("/wall/follow/" + "x" * 300).status_code == 404


def test_a_published_post_shows_the_published_text_with_redactions_and_me_too_count(client):
    _, token = make_post("Mrs Smith at Oakwood Primary helped.", status="published",
                         published_text="[name] at [school] helped.", me_too_count=4)
    soup = page(client.get(f"/wall/follow/{token}"))
    assert normalize_spaces(soup.select_one("#sent-text").text) == "Mrs Smith at Oakwood Primary helped."
    assert normalize_spaces(soup.select_one("#published-text").text) == "[name] at [school] helped."
    assert "4 people said ‘me too’" in soup.select_one("main").text


def test_an_individual_case_refusal_gives_the_reason_and_signposts_help(client):
    _, token = make_post("My daughter's EHC plan is late.", status="not-published", refusal_reason="individual-case")
    text = _main(client.get(f"/wall/follow/{token}"))
    assert "Not published" in text
    assert "It is about one child's or family's case" in text
    assert "Essex SENDIASS" in text and "make a complaint to Essex County Council" in text
    assert "EHC caseworker" in text


def test_a_duplicate_links_to_the_comment_already_on_the_wall(client):
    original, _ = make_post("Transport is late.", status="published")
    _, token = make_post("Transport is always late.", status="not-published", refusal_reason="duplicate",
                         merged_into_id=original.id)
    soup = page(client.get(f"/wall/follow/{token}"))
    assert "It says the same as a post already on the wall" in soup.select_one("main").text
    assert soup.find("a", string="See the comment on the wall")["href"] == f"/wall/{original.id}"


def test_a_safeguarding_post_gets_an_honest_calm_message(client):
    _, token = make_post("Worrying words", status="safeguarding")
    text = _main(client.get(f"/wall/follow/{token}"))
    assert "Passed to the safeguarding team" in text
    assert "will not be published" in text and "call 999" in text
    assert "Withdraw your comment" not in text


def test_user_text_is_escaped_on_the_follow_page(client):
    _, token = make_post("<b>bold</b><script>alert(1)</script>")
    html = client.get(f"/wall/follow/{token}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def _record(reference: str, title: str, *, published: bool, status="working-on-it", target=None, post=None):
    record = YouSaidWeDid(reference=reference, published_number=1 if published else None)
    record.versions.append(YouSaidWeDidVersion(number=1, title=title, status=status, target_date=target))
    record.wall_posts.append(post)
    db.session.add(record)
    db.session.commit()
    return record


def test_published_you_said_we_did_records_are_shown_and_drafts_are_not(client):
    post, token = make_post("Clubs need quiet rooms.", status="published")
    _record("YSWD-2026-001", "Quiet rooms listed for every club", published=True, post=post,
            target=date.today() - timedelta(days=1))
    _record("YSWD-2026-002", "Draft about quiet rooms", published=False, post=post)
    _record("YSWD-2026-003", "Finished and late", published=True, status="done",
            target=date.today() - timedelta(days=9), post=post)
    items = page(client.get(f"/wall/follow/{token}")).select("#records li")
    texts = [normalize_spaces(li.text) for li in items]
    assert texts == ["YSWD-2026-001: Quiet rooms listed for every club We're working on it Overdue",
                     "YSWD-2026-003: Finished and late Done"]
    assert "Draft about quiet rooms" not in client.get(f"/wall/follow/{token}").get_data(as_text=True)


def test_editing_sends_the_comment_back_to_moderation_and_off_the_wall(client):
    post, token = make_post("Old words", status="published", published_text="Old words")
    response = client.post(f"/wall/follow/{token}/edit", data={"text": "New words, call 07700 900123"})
    assert response.status_code == 302 and response.headers["Location"] == f"/wall/follow/{token}"
    db.session.refresh(post)
    assert (post.text, post.status, post.published_text) == ("New words, call 07700 900123", "awaiting-review", None)
    assert [h["kind"] for h in post.check_hints] == ["phone"]
    assert page(client.get("/wall")).select("[data-post-id]") == []


def test_editing_checks_the_text_and_keeps_it(client):
    _, token = make_post("Old words")
    assert page(client.get(f"/wall/follow/{token}/edit")).select_one("textarea#text").text == "Old words"
    soup = page(client.post(f"/wall/follow/{token}/edit", data={"text": "b" * 501}))
    assert soup.title.text.startswith("Error: Change your comment")
    assert soup.select_one("textarea#text").text == "b" * 501


@pytest.mark.parametrize("status", ["not-published", "safeguarding", "withdrawn", "hidden"])
def test_a_comment_that_is_not_waiting_or_published_cannot_be_edited(client, status):
    post, token = make_post("Fixed words", status=status)
    assert "Change your comment" not in _main(client.get(f"/wall/follow/{token}"))
    client.post(f"/wall/follow/{token}/edit", data={"text": "Changed"})
    db.session.refresh(post)
    assert (post.text, post.status) == ("Fixed words", status)


def test_withdrawing_asks_first_then_removes_the_comment_and_the_email(client):
    post, token = make_post("Please remove", status="published", email="p@example.org")
    soup = page(client.get(f"/wall/follow/{token}/withdraw"))
    assert soup.h1.text == "Are you sure you want to withdraw your comment?"
    assert post.status == "published"
    client.post(f"/wall/follow/{token}/withdraw")
    db.session.refresh(post)
    assert post.status == "withdrawn" and post.published_text is None
    assert db.session.scalar(select(WallContact)) is None
    assert page(client.get("/wall")).select("[data-post-id]") == []
    text = _main(client.get(f"/wall/follow/{token}"))
    assert "Withdrawn by the person who wrote it" in text and "Withdraw your comment" not in text


def test_a_comment_passed_to_safeguarding_cannot_be_withdrawn(client):
    post, token = make_post("Worrying words", status="safeguarding")
    assert "Withdraw your comment" not in _main(client.get(f"/wall/follow/{token}"))
    client.post(f"/wall/follow/{token}/withdraw")
    db.session.refresh(post)
    assert post.status == "safeguarding"


def test_an_email_address_for_updates_can_be_added_changed_and_removed(client):
    post, token = make_post("Tell me what happens")
    soup = page(client.post(f"/wall/follow/{token}/email", data={"email": "nope"}))
    assert "Enter an email address in the correct format" in soup.select_one(".govuk-error-summary").text
    client.post(f"/wall/follow/{token}/email", data={"email": "first@example.org"})
    client.post(f"/wall/follow/{token}/email", data={"email": "second@example.org"})
    [contact] = db.session.scalars(select(WallContact)).all()
    assert (contact.post_id, contact.email) == (post.id, "second@example.org")
    follow_html = client.get(f"/wall/follow/{token}").get_data(as_text=True)
    assert "second@example.org" not in follow_html  # the page never shows the address
    client.post(f"/wall/follow/{token}/email/remove")
    assert db.session.scalar(select(WallContact)) is None


def test_the_token_is_never_stored_in_the_clear(client):
    post, token = make_post("Hashing")
    assert post.follow_token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_no_email_address_is_taken_once_every_response_the_comment_fed_has_closed(client):
    from localoffer.models.base import utcnow

    post, token = make_post("Clubs need quiet rooms.", status="published")
    record = _record("YSWD-2026-001", "Quiet rooms listed for every club", published=True, status="done", post=post)
    record.closed_at = utcnow()
    db.session.commit()

    client.post(f"/wall/follow/{token}/email", data={"email": "late@example.org"})

    assert db.session.scalar(select(WallContact)) is None  # nothing would ever delete it
    assert "/email" not in "".join(a.get("href", "") for a in page(client.get(f"/wall/follow/{token}")).select("main a"))
