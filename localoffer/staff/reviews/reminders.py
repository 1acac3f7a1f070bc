"""Review reminder and escalation emails (sent by the daily job and from the staff queue).

Plain-text emails in plain English. The link in a reminder confirms the listing in one click
(after a button press on the page: mail scanners open links, so a GET never records anything).
"""
from __future__ import annotations

from datetime import date

from flask import current_app
from flask_babel import gettext as _

from ...data import reviews
from ...filters import long_date
from ...mail import for_staff, send_mail
from ...models import Service, User
from .links import make_token, public_url


def _contact_line() -> str:
    cfg = current_app.config
    if cfg.get("LOCAL_OFFER_EMAIL"):
        return _("If you have a question, email %(email)s or call %(phone)s.",
                 email=cfg["LOCAL_OFFER_EMAIL"], phone=cfg["LOCAL_OFFER_PHONE"])
    return _("If you have a question, call the Local Offer team on %(phone)s.", phone=cfg["LOCAL_OFFER_PHONE"])


def reminder_body(service: Service) -> str:
    due = service.review_due or date.today()
    link = public_url("listing_check.check", token=make_token(service.id, due))
    sign_in = public_url("staff_auth.sign_in")
    return "\n\n".join([
        _("Hello,"),
        _("Please check that your listing on the Essex Local Offer is still accurate: %(name)s.",
          name=service.name),
        _("Families rely on it to decide whether to contact you. We ask every provider to check "
          "their listings once a year. This one is due for a check by %(due)s.", due=long_date(due)),
        _("If nothing has changed, open this link and press the button to confirm:") + "\n" + link,
        _("If something has changed, sign in and propose the changes:") + "\n" + sign_in,
        _("The link works for 6 weeks. If we do not hear from you, the Local Offer team will "
          "contact you."),
        _contact_line(),
        _("Essex Local Offer team"),
    ])


@for_staff
def send_reminder(service: Service, *, user: User | None = None, actor: str | None = None) -> int:
    """Email the provider about one listing and record it; the number of people emailed
    (0 when the organisation has no provider users and no email address)."""
    recipients = reviews.reminder_recipients(service.organisation)
    if not recipients:
        return 0
    subject = _("Please check your Local Offer listing: %(name)s", name=service.name)
    body = reminder_body(service)
    for address in recipients:
        send_mail(address, subject, body)
    reviews.record_reminder(service, len(recipients), user=user, actor=actor)
    return len(recipients)


@for_staff
def send_escalation(services: list[Service], moderators: list[str]) -> None:
    """One email to each council moderator listing every newly escalated listing."""
    lines = [f"- {s.name} ({s.organisation.name}): "
             + _("due %(due)s", due=long_date(reviews.effective_due(s)))
             + "\n  " + public_url("staff_listings.service", service_id=str(s.id))
             for s in services]
    body = "\n\n".join([
        _("Hello,"),
        _("These providers were reminded to check their listings %(days)d or more days ago and have not "
          "answered:", days=int(current_app.config["REVIEW_ESCALATE_AFTER_DAYS"])),
        "\n".join(lines),
        _("Please contact them, or check the listings yourself. The full list is on the "
          "'Due for review' page:") + "\n" + public_url("staff_reviews.due", show="escalated"),
        _("Essex Local Offer"),
    ])
    subject = _("Listings not checked by their providers: %(count)d", count=len(services))
    for address in moderators:
        send_mail(address, subject, body)
