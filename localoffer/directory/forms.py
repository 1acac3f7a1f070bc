"""Forms for the directory pages, with GOV.UK-worded messages on every validator."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ..widgets import GovCharacterCount, GovRadioInput, GovSubmitInput
from wtforms import RadioField, SelectChoice, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from ..form_filters import strip_whitespace
from ..models.reports import PROBLEM_REASONS

DETAILS_MAX_CHARS = 1200

PROBLEM_LABELS = {
    "contact-details": _l("The contact details are wrong"),
    "closed": _l("The service has closed"),
    "times-or-places": _l("The times or places are wrong"),
    "cost": _l("The cost is wrong"),
    "something-else": _l("Something else"),
}


class ReportProblemForm(FlaskForm):
    reason = RadioField(
        _l("What is wrong with this page?"),
        choices=[SelectChoice(key, PROBLEM_LABELS[key]) for key in PROBLEM_REASONS],
        validators=[InputRequired(message=_l("Select what is wrong with this page"))],
        widget=GovRadioInput(),
        validate_choice=False,  # checked in validate_reason with a GOV.UK-worded message
    )
    details = TextAreaField(
        _l("Tell us more (optional)"),
        description=_l("Do not include your name, contact details or anything about a child, "
                       "such as their name, needs or school."),
        filters=[strip_whitespace],
        validators=[Length(max=DETAILS_MAX_CHARS,
                           message=_l("Details must be %(max)d characters or fewer", max=DETAILS_MAX_CHARS))],
        widget=GovCharacterCount(),
    )
    submit = SubmitField(_l("Send report"), widget=GovSubmitInput())

    def validate_reason(self, field):
        if field.data not in PROBLEM_REASONS:
            raise ValidationError(_l("Select what is wrong with this page"))
