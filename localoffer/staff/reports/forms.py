"""Staff triage of problem reports."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovCharacterCount, GovRadioInput, GovSubmitInput
from wtforms import RadioField, SelectChoice, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from ...form_filters import strip_whitespace
from ...models.reports import PROBLEM_STATUSES

NOTE_MAX_CHARS = 2000

STATUS_LABELS = {
    "new": _l("New"),
    "in-progress": _l("In hand"),
    "fixed": _l("Fixed"),
    "dismissed": _l("No change needed"),
}


class UpdateReportForm(FlaskForm):
    status = RadioField(
        _l("Status"),
        choices=[SelectChoice(key, STATUS_LABELS[key]) for key in PROBLEM_STATUSES],
        validators=[InputRequired(message=_l("Select a status"))],
        widget=GovRadioInput(),
        validate_choice=False,  # checked in validate_status with a plain-English message
    )
    staff_note = TextAreaField(
        _l("Note for staff (optional)"),
        description=_l("What you did or found out. Only staff see this. Do not include anything "
                       "about a child or family."),
        filters=[strip_whitespace],
        validators=[Length(max=NOTE_MAX_CHARS,
                           message=_l("The note must be %(max)d characters or fewer", max=NOTE_MAX_CHARS))],
        widget=GovCharacterCount(),
    )
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())

    def validate_status(self, field):
        if field.data not in PROBLEM_STATUSES:
            raise ValidationError(_l("Select a status"))
