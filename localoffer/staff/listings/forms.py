"""Forms for listings. The section forms are the only way listing fields arrive, for providers
and moderators alike; none of them has status, publishing or review fields (field-level safety:
a posted `status` or `is_published` is simply not a field, so it is ignored)."""
from __future__ import annotations

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (GovCharacterCount, GovCheckboxesInput, GovRadioInput,
                                                GovSubmitInput, GovTextArea, GovTextInput)
from wtforms import (EmailField, IntegerField, RadioField, SelectChoice, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ...vocab import ACCESS_ROUTES, AGE_MAX, AGE_MIN, COUNTYWIDE, DELIVERY, NEEDS, QUADRANTS, STATUSES


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class WholeNumberField(IntegerField):
    """An integer field with a GOV.UK-worded message for words or decimals."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter the age as a whole number, like 5")) from None


def _choices(items) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in items]


def _max(n: int):
    return Length(max=n, message=_l("Must be %(max)d characters or fewer", max=n))


class SectionForm(FlaskForm):
    """One section of a listing. Subclasses map their fields to editable values and back."""

    submit = SubmitField(_l("Save and continue"), widget=GovSubmitInput())

    def load(self, values: dict) -> None:
        for name in self.KEYS:
            getattr(self, name).data = values.get(name)

    def values(self) -> dict:
        return {name: getattr(self, name).data for name in self.KEYS}


class AboutForm(SectionForm):
    KEYS = ("name", "summary", "description")
    name = StringField(_l("Name of the service"), filters=[_strip], widget=GovTextInput(),
                       validators=[DataRequired(message=_l("Enter the name of the service")), _max(255)])
    summary = TextAreaField(_l("Summary"), filters=[_strip], widget=GovCharacterCount(),
                            description=_l("One or two sentences shown in search results."),
                            validators=[DataRequired(message=_l("Enter a short summary")), _max(500)])
    description = TextAreaField(_l("Description"), filters=[_strip], widget=GovTextArea(),
                                description=_l("What the service does and what families can expect."),
                                validators=[_max(10000)])

    def values(self) -> dict:
        return {k: v or "" for k, v in super().values().items()}


class WhoForm(SectionForm):
    KEYS = ("needs", "min_age", "max_age", "eligibility")
    needs = SelectMultipleField(_l("Which needs does the service support?"), widget=GovCheckboxesInput(),
                                choices=_choices(NEEDS.items()), validate_choice=False,
                                description=_l("Select all that apply. Leave blank if it is for any need."))
    min_age = WholeNumberField(_l("Youngest age"), widget=GovTextInput(),
                           validators=[InputRequired(message=_l("Enter the youngest age, as a whole number")),
                                       NumberRange(AGE_MIN, AGE_MAX, message=_l("Ages must be between 0 and 25"))])
    max_age = WholeNumberField(_l("Oldest age"), widget=GovTextInput(),
                           validators=[InputRequired(message=_l("Enter the oldest age, as a whole number")),
                                       NumberRange(AGE_MIN, AGE_MAX, message=_l("Ages must be between 0 and 25"))])
    eligibility = TextAreaField(_l("Who can use it (optional)"), filters=[_strip], widget=GovTextArea(),
                                validators=[_max(5000)])

    def validate_needs(self, field):
        if any(code not in NEEDS for code in field.data or []):
            raise ValidationError(_l("Select needs from the list"))

    def validate_max_age(self, field):
        if self.min_age.data is not None and field.data is not None and field.data < self.min_age.data:
            raise ValidationError(_l("The oldest age must be the same as or more than the youngest age"))

    def values(self) -> dict:
        data = super().values()
        return {**data, "needs": sorted(set(data["needs"] or [])), "eligibility": data["eligibility"] or ""}


class WhereForm(SectionForm):
    KEYS = ("areas",)
    areas = SelectMultipleField(_l("Where in Essex is it available?"), widget=GovCheckboxesInput(),
                                choices=_choices([(COUNTYWIDE, _l("All of Essex")), *QUADRANTS.items()]),
                                validate_choice=False, description=_l("Select all that apply."))

    def validate_areas(self, field):
        chosen = field.data or []
        if not chosen:
            raise ValidationError(_l("Select where the service is available"))
        if any(code != COUNTYWIDE and code not in QUADRANTS for code in chosen):
            raise ValidationError(_l("Select areas from the list"))
        if COUNTYWIDE in chosen and len(chosen) > 1:
            raise ValidationError(_l("Select either all of Essex or the areas it covers, not both"))

    def load(self, values: dict) -> None:
        self.areas.data = [COUNTYWIDE] if values.get("is_countywide") else list(values.get("quadrants") or [])

    def values(self) -> dict:
        countywide = COUNTYWIDE in (self.areas.data or [])
        return {"is_countywide": countywide, "quadrants": [] if countywide else sorted(set(self.areas.data))}


class HowForm(SectionForm):
    KEYS = ("delivery",)
    delivery = SelectMultipleField(_l("How is the service provided?"), widget=GovCheckboxesInput(),
                                   choices=_choices(DELIVERY.items()), validate_choice=False,
                                   description=_l("Select all that apply."))

    def validate_delivery(self, field):
        if not field.data:
            raise ValidationError(_l("Select how the service is provided"))
        if any(code not in DELIVERY for code in field.data):
            raise ValidationError(_l("Select from the list"))

    def values(self) -> dict:
        return {"delivery": sorted(set(self.delivery.data))}


_PHONE = re.compile(r"^[0-9 +()\-]{6,30}$")


class ContactForm(SectionForm):
    KEYS = ("url", "email", "phone")
    url = StringField(_l("Website (optional)"), filters=[_strip], widget=GovTextInput(),
                      description=_l("The full address, starting with https://"), validators=[_max(500)])
    email = EmailField(_l("Email address (optional)"), filters=[_strip], widget=GovTextInput(),
                       validators=[Optional(), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l(
                           "Enter an email address in the correct format, like name@example.com")), _max(255)])
    phone = StringField(_l("Phone number (optional)"), filters=[_strip], widget=GovTextInput(),
                        validators=[_max(50)])

    def validate_url(self, field):
        # Only web links: a javascript: or data: address would run in families' browsers.
        if field.data and not re.match(r"^https?://[^\s/]+\.[^\s]+$", field.data, re.IGNORECASE):
            raise ValidationError(_l("Enter a website address starting with https://, like https://example.org"))

    def validate_phone(self, field):
        if field.data and not _PHONE.match(field.data):
            raise ValidationError(_l("Enter a phone number, like 01234 567890"))

    def values(self) -> dict:
        return {k: v or "" for k, v in super().values().items()}


class CostForm(SectionForm):
    KEYS = ("is_free", "fees_description")
    is_free = RadioField(_l("Is the service free?"), widget=GovRadioInput(), validate_choice=False,
                         choices=_choices([("yes", _l("Yes")), ("no", _l("No, there may be a cost"))]))
    fees_description = TextAreaField(_l("Describe any costs (optional)"), filters=[_strip], widget=GovTextArea(),
                                     validators=[_max(5000)])

    def validate_is_free(self, field):
        if field.data not in ("yes", "no"):
            raise ValidationError(_l("Select yes if the service is free"))

    def load(self, values: dict) -> None:
        self.is_free.data = "yes" if values.get("is_free") else "no"
        self.fees_description.data = values.get("fees_description")

    def values(self) -> dict:
        return {"is_free": self.is_free.data == "yes", "fees_description": self.fees_description.data or ""}


class AccessForm(SectionForm):
    KEYS = ("access_route", "how_to_access", "waiting_time")
    access_route = RadioField(_l("How do families get the service?"), widget=GovRadioInput(),
                              choices=_choices(ACCESS_ROUTES.items()), validate_choice=False)
    how_to_access = TextAreaField(_l("How to get it (optional)"), filters=[_strip], widget=GovTextArea(),
                                  validators=[_max(5000)])
    waiting_time = StringField(_l("Usual waiting time (optional)"), filters=[_strip], widget=GovTextInput(),
                               description=_l("For example, about 6 weeks"), validators=[_max(255)])

    def validate_access_route(self, field):
        if field.data not in ACCESS_ROUTES:
            raise ValidationError(_l("Select how families get the service"))

    def values(self) -> dict:
        return {k: v or "" for k, v in super().values().items()}


# Section slug -> (title, form). The order is the order of the summary page.
SECTIONS = {
    "about": (_l("About the service"), AboutForm),
    "who": (_l("Who it is for"), WhoForm),
    "where": (_l("Where it is available"), WhereForm),
    "how": (_l("How it is provided"), HowForm),
    "contact": (_l("Contact details"), ContactForm),
    "cost": (_l("Cost"), CostForm),
    "access": (_l("How to get it"), AccessForm),
}
# The editable fields each section shows on the summary page.
SECTION_KEYS = {
    "about": ("name", "summary", "description"),
    "who": ("needs", "min_age", "max_age", "eligibility"),
    "where": ("is_countywide", "quadrants"),
    "how": ("delivery",),
    "contact": ("url", "email", "phone"),
    "cost": ("is_free", "fees_description"),
    "access": ("access_route", "how_to_access", "waiting_time"),
}


class RejectForm(FlaskForm):
    reason = TextAreaField(_l("Why are you rejecting this change?"), filters=[_strip], widget=GovCharacterCount(),
                           description=_l("The provider will see this, so say what they need to fix."),
                           validators=[DataRequired(message=_l("Enter why you are rejecting this change")),
                                       _max(2000)])
    submit = SubmitField(_l("Reject change"), widget=GovSubmitInput())


class StatusForm(FlaskForm):
    status = RadioField(_l("Status"), widget=GovRadioInput(), validate_choice=False,
                        choices=_choices((k, STATUSES[k]) for k in ("active", "temporarily-closed", "inactive", "archived")))
    alert = TextAreaField(_l("Message for families (optional)"), filters=[_strip], widget=GovTextArea(),
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
