"""The emails the account pages send. Plain text, short, and never the only copy of anything
important: each says what happened and what to do if it was not you. Links point at
PUBLIC_BASE_URL, so the same wording works inside and outside a request."""
from __future__ import annotations

from flask import current_app, url_for
from flask_babel import gettext as _

from ...auth.roles import ROLE_LABELS
from ...mail import for_staff, send_mail
from ...models import User


def _link(endpoint: str, **values) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def _service() -> str:
    return current_app.config["SERVICE_NAME"]


@for_staff
def send_invitation(user: User, token: str) -> None:
    hours = current_app.config["INVITATION_HOURS"]
    body = _(
        "Hello %(name)s,\n\n"
        "You have been invited to the %(service)s staff area as: %(role)s.\n\n"
        "To accept, open this link and choose a password:\n%(link)s\n\n"
        "The link works once and runs out in %(hours)d hours. If it has run out, ask the person "
        "who invited you to send a new one.\n\n"
        "If you were not expecting this email, you can ignore it.\n",
        name=user.display_name, service=_service(), role=ROLE_LABELS[user.role],
        link=_link("staff_auth.accept_invitation", token=token), hours=hours)
    send_mail(user.email, _("You have been invited to the %(service)s staff area", service=_service()), body)


@for_staff
def send_password_reset(user: User, token: str) -> None:
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    body = _(
        "Hello %(name)s,\n\n"
        "Someone (probably you) asked to reset the password for your %(service)s account.\n\n"
        "To choose a new password, open this link:\n%(link)s\n\n"
        "The link works once and runs out in %(minutes)d minutes.\n\n"
        "If you did not ask for this, you can ignore this email: your password has not changed.\n",
        name=user.display_name, service=_service(),
        link=_link("staff_auth.reset_password", token=token), minutes=minutes)
    send_mail(user.email, _("Reset your %(service)s password", service=_service()), body)


@for_staff
def send_password_changed(user: User) -> None:
    body = _(
        "Hello %(name)s,\n\n"
        "The password for your %(service)s account has just been changed, and any other "
        "browsers signed in to your account have been signed out.\n\n"
        "If you did not do this, reset your password now:\n%(link)s\n"
        "and tell the Local Offer team.\n",
        name=user.display_name, service=_service(), link=_link("staff_auth.forgot_password"))
    send_mail(user.email, _("Your %(service)s password has been changed", service=_service()), body)
