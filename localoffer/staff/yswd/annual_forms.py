"""Forms for the annual comments report."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ...form_filters import strip_whitespace
from .forms import parse_date


class PeriodForm(FlaskForm):
    title = StringField(_l("Title"), filters=[strip_whitespace], widget=GovTextInput(),
                        description=_l("Like “What you told us, April 2025 to March 2026”."),
                        validators=[DataRequired(message=_l("Enter a title")), Length(max=200, message=_l("The title must be %(max)d characters or fewer", max=200))])
    start_day, start_month, start_year = StringField(), StringField(), StringField()
    end_day, end_month, end_year = StringField(), StringField(), StringField()
    submit = SubmitField(_l("Count the figures"), widget=GovSubmitInput())

    def validate_start_day(self, field):
        self.start = parse_date(self.start_day.data, self.start_month.data, self.start_year.data)
        if self.start is None:
            raise ValidationError(_l("Enter the first day of the period"))

    def validate_end_day(self, field):
        self.end = parse_date(self.end_day.data, self.end_month.data, self.end_year.data)
        if self.end is None:
            raise ValidationError(_l("Enter the last day of the period"))


class StatementForm(FlaskForm):
    title = StringField(_l("Title"), filters=[strip_whitespace], widget=GovTextInput(),
                        validators=[DataRequired(message=_l("Enter a title")), Length(max=200, message=_l("The title must be %(max)d characters or fewer", max=200))])
    joint_statement = TextAreaField(_l("Joint statement from the council and the Forum"), filters=[strip_whitespace],
                                    widget=GovTextArea(), validators=[Length(max=10000, message=_l("This must be %(max)d characters or fewer", max=10000))])
    involvement = TextAreaField(_l("How families were involved"), filters=[strip_whitespace], widget=GovTextArea(),
                                description=_l("How families helped develop and review the Local Offer this "
                                               "period (regulation 56(1)(c))."),
                                validators=[Length(max=10000, message=_l("This must be %(max)d characters or fewer", max=10000))])
    submit = SubmitField(_l("Save (both signatures will be cleared)"), widget=GovSubmitInput())


class AnnualSignForm(FlaskForm):
    read = HiddenField()
    submit = SubmitField(_l("Sign this report"), widget=GovSubmitInput())
