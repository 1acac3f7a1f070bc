"""Forms for the directory pages, with GOV.UK-worded messages on every validator."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from ..form_filters import strip_whitespace
from ..honeypot import honeypot_field
from ..models.reports import PROBLEM_REASONS
from ..vocab import AGE_MAX, AGE_MIN, NEEDS, QUADRANTS
from ..widgets import GovCharacterCount, GovRadioInput, GovSubmitInput, GovTextInput

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
    website = honeypot_field()
    submit = SubmitField(_l("Send report"), widget=GovSubmitInput())

    def validate_reason(self, field):
        if field.data not in PROBLEM_REASONS:
            raise ValidationError(_l("Select what is wrong with this page"))


class BookletForm(FlaskForm):
    """What a printed booklet is for: one need, one age and one part of Essex (a GET form: making
    a booklet changes nothing)."""

    class Meta:
        csrf = False

    need = RadioField(_l("What is the need?"), choices=[SelectChoice(k, v) for k, v in NEEDS.items()],
                      validators=[InputRequired(message=_l("Select the need"))], widget=GovRadioInput(),
                      validate_choice=False)
    age = StringField(_l("How old is the child or young person?"),
                      description=_l("In years, from %(min)d to %(max)d", min=AGE_MIN, max=AGE_MAX),
                      filters=[strip_whitespace], widget=GovTextInput(),
                      validators=[InputRequired(message=_l("Enter the age of the child or young person")),
                                  Length(max=10, message=_l("Enter the age as a number, like 7"))])
    quadrant = RadioField(_l("Which part of Essex?"), choices=[SelectChoice(k, v) for k, v in QUADRANTS.items()],
                          validators=[InputRequired(message=_l("Select the part of Essex"))], widget=GovRadioInput(),
                          validate_choice=False)
    submit = SubmitField(_l("Make the booklet"), widget=GovSubmitInput())

    def validate_need(self, field):
        if field.data not in NEEDS:
            raise ValidationError(_l("Select the need"))

    def validate_quadrant(self, field):
        if field.data not in QUADRANTS:
            raise ValidationError(_l("Select the part of Essex"))

    def validate_age(self, field):
        if not (field.data or "").isdigit() or not AGE_MIN <= int(field.data) <= AGE_MAX:
            raise ValidationError(_l("Age must be a whole number from %(min)d to %(max)d", min=AGE_MIN, max=AGE_MAX))
