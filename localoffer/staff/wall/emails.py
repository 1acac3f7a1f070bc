"""Telling a contributor who left an email address what happened to their post. The messages
never quote the post (an inbox is not a safe place for a child's details) and are sent only
after the decision is saved."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import gettext as _

from ...data import wall_moderation
from ...mail import in_language, send_mail_safely
from ...models import WallPost
from ...voice_vocab import REFUSAL_REASONS


@dataclass(frozen=True)
class Update:
    to: str
    subject: str
    body: str


def _wall_link() -> str:
    # PUBLIC_BASE_URL, not the request's host: the same wording works outside a request.
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for("wall.index")


def _signposting() -> str:
    cfg = current_app.config
    return _(
        "We cannot look into one child's or family's situation on the wall, but you can get help with it:\n"
        "- Essex SENDIASS gives free, impartial advice about SEND: %(sendiass_url)s or %(sendiass_phone)s\n"
        "- if your child has an EHC plan or is being assessed, you can contact their caseworker\n"
        "- if you are unhappy with a council service, you can make a complaint to Essex County Council "
        "(the Local Offer team can tell you how on %(phone)s)\n",
        sendiass_url=cfg.get("SENDIASS_URL", "https://www.essexsendiass.co.uk"),
        sendiass_phone=cfg.get("SENDIASS_PHONE", ""), phone=cfg.get("LOCAL_OFFER_PHONE", ""))


def prepare(post: WallPost, before: str) -> Update | None:
    """The update to send for a decision just made, or None. Deletes the contact details when
    the post will never be published (call before committing). Written in the language the
    contributor was using when they gave their address."""
    contact = wall_moderation.contact_for(post)
    with in_language(contact.language if contact else None):
        return _update(post, before, contact)


def _update(post: WallPost, before: str, contact) -> Update | None:
    if post.status == "published" and before != "hidden":
        if contact is None:
            return None
        removed = post.published_text != post.text
        body = _("Thank you for your comment on the Essex Local Offer wall.\n\n"
                 "The council and the Essex Family Forum have checked it and it is now on the wall: %(link)s\n\n",
                 link=_wall_link())
        if removed:
            body += _("We took out a few words that could identify someone and marked where they were. "
                      "We did not change anything else.\n\n")
        body += _("We will email you again if it helps us change something.\n")
        return Update(contact.email, _("Your comment is on the Local Offer wall"), body)
    if post.status != "not-published":
        return None
    email = wall_moderation.forget_contact_if_refused(post)
    if email is None:
        return None
    reason = str(REFUSAL_REASONS.get(post.refusal_reason, "")).lower()
    if before in ("published", "hidden"):
        body = _("We have taken your comment off the Essex Local Offer wall because: %(reason)s.\n\n", reason=reason)
    else:
        body = _("Thank you for your comment. The council and the Essex Family Forum have checked it and "
                 "we will not put it on the Essex Local Offer wall because: %(reason)s.\n\n", reason=reason)
    if post.refusal_reason == "individual-case":
        body += _signposting() + "\n"
    elif post.refusal_reason == "duplicate":
        body += _("Someone had already said the same thing, so we added your voice to their comment.\n\n")
    body += _("We have now deleted your email address. You can still post a new comment at %(link)s\n",
              link=_wall_link())
    return Update(email, _("About your comment on the Local Offer wall"), body)


def send(update: Update | None) -> bool:
    """True unless an email was due and could not be sent."""
    return update is None or send_mail_safely(update.to, update.subject, update.body)
