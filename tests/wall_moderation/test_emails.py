"""Contributors who left an email address hear the outcome, never the post text; the address
is deleted once the post will never be published."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import WallContact

from .conftest import make_post, state

TEXT = "Our son waited 18 months for an autism assessment at Broomfield"


def _contact(post):
    return db.session.scalar(select(WallContact).where(WallContact.post_id == post.id))


def _post(client, post, action, **data):
    return client.post(f"/staff/wall/{post.id}/{action}", data={"state": state(post), **data})


def test_publishing_tells_the_contributor_and_keeps_the_address(council, signed_in, outbox):
    post = make_post(TEXT, email="parent@example.com")
    _post(signed_in(council), post, "publish", themes="health", redactions="Broomfield", marker="place")

    [mail] = outbox
    assert mail.to == "parent@example.com" and "on the Local Offer wall" in mail.subject
    assert "took out a few words" in mail.body
    assert "autism" not in mail.body and "Broomfield" not in mail.body and "autism" not in mail.subject
    assert _contact(post) is not None  # kept for "you said, we did" updates


def test_an_individual_case_refusal_signposts_help_and_deletes_the_address(council, forum, signed_in, outbox):
    post = make_post(TEXT, email="parent@example.com")
    _post(signed_in(council), post, "not-publish", reason="individual-case")
    assert outbox == [] and _contact(post) is not None  # not final until the Forum agrees

    _post(signed_in(forum), post, "refusal", answer="agree")

    [mail] = outbox
    assert mail.to == "parent@example.com"
    assert "one child's or family's case" in mail.body
    assert "Essex SENDIASS" in mail.body and "complaint" in mail.body and "caseworker" in mail.body
    assert "deleted your email address" in mail.body
    for words in ("autism", "18 months", "Broomfield"):
        assert words not in mail.body and words not in mail.subject
    assert _contact(post) is None


def test_a_clear_cut_refusal_emails_once_and_deletes_the_address(council, signed_in, outbox):
    post = make_post(TEXT, email="parent@example.com")
    _post(signed_in(council), post, "not-publish", reason="identifies-someone")
    [mail] = outbox
    assert "It could identify someone".lower() in mail.body and "SENDIASS" not in mail.body
    assert _contact(post) is None


def test_safeguarding_keeps_the_address_and_sends_nothing(council, signed_in, outbox):
    post = make_post(TEXT, email="parent@example.com")
    _post(signed_in(council), post, "safeguarding")
    assert outbox == [] and _contact(post) is not None


def test_posts_without_an_address_send_nothing(council, signed_in, outbox):
    post = make_post(TEXT)
    _post(signed_in(council), post, "not-publish", reason="spam")
    assert outbox == []
