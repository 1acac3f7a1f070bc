"""Emails are written in their recipient's language: a family's in the language they were using
when they left their address, staff emails in English whatever language the sender uses."""
from __future__ import annotations

from localoffer.extensions import db
from localoffer.mail import outbox
from localoffer.models import WallContact, WallPost
from localoffer.staff.wall import emails

from ..staff.accounts import client_for, make_user
from .catalogue import CLOSE, OPEN, PSEUDO_LOCALE


def _post_with_email(client, lang: str) -> WallPost:
    response = client.post(f"/wall/new?lang={lang}", data={
        "text": "Please run the sensory swim on Saturdays too.", "consent": "yes",
        "email": "parent@example.org"})
    assert response.status_code == 302
    return db.session.query(WallPost).order_by(WallPost.id.desc()).first()


def _publish_and_prepare(app, post: WallPost) -> emails.Update:
    post.status, post.published_text = "published", post.text
    with app.test_request_context("/staff/wall/?lang=en"):  # the moderator reads English
        return emails.prepare(post, "awaiting-review")


def test_a_family_hears_about_their_post_in_the_language_they_wrote_in(pseudo_app):
    post = _post_with_email(pseudo_app.test_client(), PSEUDO_LOCALE)
    contact = db.session.query(WallContact).filter_by(post_id=post.id).one()
    assert contact.language == PSEUDO_LOCALE
    update = _publish_and_prepare(pseudo_app, post)
    assert update.subject.startswith(OPEN) and update.subject.endswith(CLOSE)
    assert update.body.startswith(OPEN)


def test_a_family_who_wrote_in_english_hears_in_english(pseudo_app):
    post = _post_with_email(pseudo_app.test_client(), "en")
    update = _publish_and_prepare(pseudo_app, post)
    assert update.subject == "Your comment is on the Local Offer wall"


def test_staff_emails_are_in_english_whatever_language_the_sender_uses(pseudo_app):
    admin = make_user("admin")
    client = client_for(pseudo_app, admin)
    response = client.post(f"/staff/users/invite?lang={PSEUDO_LOCALE}", data={
        "email": "new.moderator@example.org", "name": "New Moderator", "role": "council_moderator"})
    assert response.status_code == 302
    invitation = outbox()[-1]
    assert invitation.to == "new.moderator@example.org"
    assert OPEN not in invitation.subject + invitation.body
    assert invitation.subject.startswith("You have been invited")
    # ...while the admin's own page is in the language they chose.
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert OPEN in page
