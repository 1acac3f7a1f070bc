"""A field people never see or hear: only automated senders fill it in. Every public form
where people type words has one (components/honeypot.html renders it); a filled one looks
successful to the sender and saves nothing. No puzzles: CAPTCHAs fail WCAG 2.2 SC 3.3.8."""
from __future__ import annotations

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Length

FIELD = "website"


def honeypot_field() -> StringField:
    return StringField(_l("Leave this empty"), validators=[Length(max=200, message=_l("Leave this empty"))])


def caught(form) -> bool:
    """True if an automated sender filled the hidden field (logged: where, never what)."""
    field = getattr(form, FIELD, None)
    if field is not None and field.data:
        current_app.logger.warning("Honeypot field filled at %s", request.endpoint)
        return True
    return False
