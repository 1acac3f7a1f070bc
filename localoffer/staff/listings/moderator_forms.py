"""Moderators' own forms for a listing: rejecting a proposed change, status and seasonal dates.
(The section forms, shared with providers, are in forms.py.)"""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovCharacterCount, GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, ValidationError

from ...vocab import STATUSES
from ...form_filters import strip_whitespace
from .forms import _choices, _max


class RejectForm(FlaskForm):
    reason = TextAreaField(_l("Why are you rejecting this change?"), filters=[strip_whitespace], widget=GovCharacterCount(),
                           description=_l("The provider will see this, so say what they need to fix."),
                           validators=[DataRequired(message=_l("Enter why you are rejecting this change")),
                                       _max(2000)])
    submit = SubmitField(_l("Reject change"), widget=GovSubmitInput())


class StatusForm(FlaskForm):
    status = RadioField(_l("Status"), widget=GovRadioInput(), validate_choice=False,
                        choices=_choices((k, STATUSES[k]) for k in ("active", "temporarily-closed", "inactive", "archived")))
    alert = TextAreaField(_l("Message for families (optional)"), filters=[strip_whitespace], widget=GovTextArea(),
                          description=_l("Shown at the top of the service page, for example why it is closed "
                                         "and when it will reopen."), validators=[_max(1000)])
    submit = SubmitField(_l("Save status"), widget=GovSubmitInput())

    def validate_status(self, field):
        if field.data not in STATUSES:
            raise ValidationError(_l("Select a status"))


class DatesForm(FlaskForm):
    """Visible-from and visible-to dates, as GOV.UK date inputs (three boxes each)."""

    from_day, from_month, from_year = StringField(), StringField(), StringField()
    to_day, to_month, to_year = StringField(), StringField(), StringField()
    submit = SubmitField(_l("Save dates"), widget=GovSubmitInput())

    def _date(self, prefix: str) -> date | None:
        parts = [(getattr(self, f"{prefix}_{p}").data or "").strip() for p in ("day", "month", "year")]
        if not any(parts):
            return None
        try:
            day, month, year = (int(p) for p in parts)
            if year < 2000 or year > 2100:
                raise ValueError
            return date(year, month, day)
        except ValueError:
            raise ValidationError(_l("Enter a real date, like 27 3 2027")) from None

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        self.visible_from = self.visible_to = None
        for prefix in ("from", "to"):
            try:
                setattr(self, f"visible_{prefix}", self._date(prefix))
            except ValidationError as error:
                getattr(self, f"{prefix}_day").errors = [str(error)]
                ok = False
        if ok and self.visible_from and self.visible_to and self.visible_to < self.visible_from:
            self.to_day.errors = [str(_l("The end date must be the same as or after the start date"))]
            ok = False
        return ok

    def load(self, visible_from: date | None, visible_to: date | None) -> None:
        for prefix, value in (("from", visible_from), ("to", visible_to)):
            if value:
                getattr(self, f"{prefix}_day").data = str(value.day)
                getattr(self, f"{prefix}_month").data = str(value.month)
                getattr(self, f"{prefix}_year").data = str(value.year)
