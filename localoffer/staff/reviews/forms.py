"""Forms for the review queue and the one-click review link: buttons only (CSRF-protected POSTs)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovSubmitInput
from wtforms import SubmitField


class MarkReviewedForm(FlaskForm):
    submit = SubmitField(_l("Mark as reviewed"), widget=GovSubmitInput())


class SendReminderForm(FlaskForm):
    submit = SubmitField(_l("Send reminder now"), widget=GovSubmitInput())


class ConfirmListingForm(FlaskForm):
    submit = SubmitField(_l("Yes, this listing is still accurate"), widget=GovSubmitInput())
