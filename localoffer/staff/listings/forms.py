"""Forms for listings. The section forms are the only way listing fields arrive, for providers
and moderators alike; none of them has status, publishing or review fields (field-level safety:
a posted `status` or `is_published` is simply not a field, so it is ignored)."""
from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import (GovCharacterCount, GovCheckboxesInput, GovRadioInput,
                                                GovSubmitInput, GovTextArea, GovTextInput)
from wtforms import (EmailField, IntegerField, RadioField, SelectChoice, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ...form_filters import strip_whitespace
from ...vocab import (ACCESS_ROUTES, ACCESSIBILITY, AGE_MAX, AGE_MIN, CATEGORIES, COUNTYWIDE, DELIVERY,
                      LOCAL_OFFER_QUESTIONS, NEEDS, QUADRANTS)


class WholeNumberField(IntegerField):
    """An integer field with a GOV.UK-worded message for words or decimals."""

    def __init__(self, *args, not_a_number=_l("Enter the age as a whole number, like 5"), **kwargs):
        super().__init__(*args, **kwargs)
        self.not_a_number = not_a_number

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.not_a_number) from None


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
    name = StringField(_l("Name of the service"), filters=[strip_whitespace], widget=GovTextInput(),
                       validators=[DataRequired(message=_l("Enter the name of the service")), _max(255)])
    summary = TextAreaField(_l("Summary"), filters=[strip_whitespace], widget=GovCharacterCount(),
                            description=_l("One or two sentences shown in search results."),
                            validators=[DataRequired(message=_l("Enter a short summary")), _max(500)])
    description = TextAreaField(_l("Description"), filters=[strip_whitespace], widget=GovTextArea(),
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
    eligibility = TextAreaField(_l("Who can use it (optional)"), filters=[strip_whitespace], widget=GovTextArea(),
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
    url = StringField(_l("Website (optional)"), filters=[strip_whitespace], widget=GovTextInput(),
                      description=_l("The full address, starting with https://"), validators=[_max(500)])
    email = EmailField(_l("Email address (optional)"), filters=[strip_whitespace], widget=GovTextInput(),
                       validators=[Optional(), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l(
                           "Enter an email address in the correct format, like name@example.com")), _max(255)])
    phone = StringField(_l("Phone number (optional)"), filters=[strip_whitespace], widget=GovTextInput(),
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
    fees_description = TextAreaField(_l("Describe any costs (optional)"), filters=[strip_whitespace], widget=GovTextArea(),
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
    KEYS = ("access_route", "how_to_access", "waiting_time", "waiting_weeks")
    access_route = RadioField(_l("How do families get the service?"), widget=GovRadioInput(),
                              choices=_choices(ACCESS_ROUTES.items()), validate_choice=False)
    how_to_access = TextAreaField(_l("How to get it (optional)"), filters=[strip_whitespace], widget=GovTextArea(),
                                  validators=[_max(5000)])
    waiting_time = StringField(_l("Usual waiting time (optional)"), filters=[strip_whitespace], widget=GovTextInput(),
                               description=_l("For example, about 6 weeks"), validators=[_max(255)])
    # The same wait as a number, so waits can be compared across Essex (staff insight pages).
    waiting_weeks = WholeNumberField(
        _l("Usual wait in weeks (optional)"), widget=GovTextInput(),
        description=_l("A whole number of weeks, 0 if there is no wait. Leave blank if you do not know."),
        not_a_number=_l("Enter the wait as a whole number of weeks, like 6"),
        validators=[Optional(), NumberRange(0, 104, message=_l("Enter a wait from 0 to 104 weeks"))])

    def validate_access_route(self, field):
        if field.data not in ACCESS_ROUTES:
            raise ValidationError(_l("Select how families get the service"))

    def values(self) -> dict:
        values = {k: v or "" for k, v in super().values().items() if k != "waiting_weeks"}
        return values | {"waiting_weeks": self.waiting_weeks.data}  # 0 weeks is a real answer


class CategoriesForm(SectionForm):
    KEYS = ("categories", "accessibility")
    categories = SelectMultipleField(_l("What kind of service is it?"), widget=GovCheckboxesInput(),
                                     choices=_choices(CATEGORIES.items()), validate_choice=False,
                                     description=_l("Select all that apply. Families use these to find services."))
    accessibility = SelectMultipleField(_l("Which accessibility features does it have?"),
                                        widget=GovCheckboxesInput(), choices=_choices(ACCESSIBILITY.items()),
                                        validate_choice=False, description=_l("Select all that apply."))

    def validate_categories(self, field):
        if any(code not in CATEGORIES for code in field.data or []):
            raise ValidationError(_l("Select categories from the list"))

    def validate_accessibility(self, field):
        if any(code not in ACCESSIBILITY for code in field.data or []):
            raise ValidationError(_l("Select accessibility features from the list"))

    def values(self) -> dict:
        return {key: sorted(set(getattr(self, key).data or [])) for key in self.KEYS}


MAX_LANGUAGES, MAX_LANGUAGE_LENGTH = 20, 100


def language_names(text: str | None) -> list[str]:
    """Names from a list typed one per line or separated by commas, without blanks or repeats."""
    names = [part.strip() for line in (text or "").splitlines() for part in line.split(",")]
    seen: dict[str, str] = {}
    for name in names:
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


class LanguagesForm(SectionForm):
    KEYS = ("languages",)
    languages = TextAreaField(_l("Which languages other than English can staff speak? (optional)"),
                              widget=GovTextArea(),
                              description=_l("Write one language on each line, or separate them with commas. "
                                             "For example, Polish, British Sign Language."))

    def validate_languages(self, field):
        names = language_names(field.data)
        if len(names) > MAX_LANGUAGES:
            raise ValidationError(_l("Enter %(max)d languages or fewer", max=MAX_LANGUAGES))
        if any(len(name) > MAX_LANGUAGE_LENGTH for name in names):
            raise ValidationError(_l("Each language must be %(max)d characters or fewer", max=MAX_LANGUAGE_LENGTH))

    def load(self, values: dict) -> None:
        self.languages.data = "\n".join(values.get("languages") or [])

    def values(self) -> dict:
        # Sorted, as version snapshots store them, so an unchanged list is not a change.
        return {"languages": sorted(language_names(self.languages.data))}


class SendForm(SectionForm):
    """One optional answer per standard Local Offer question (fields added below, in order)."""

    KEYS = ("local_offer_answers",)

    def load(self, values: dict) -> None:
        answers = values.get("local_offer_answers") or {}
        for question in LOCAL_OFFER_QUESTIONS:
            getattr(self, f"answer_{question}").data = answers.get(question) or ""

    def values(self) -> dict:
        answers = {q: getattr(self, f"answer_{q}").data for q in LOCAL_OFFER_QUESTIONS}
        return {"local_offer_answers": {q: a for q, a in answers.items() if a}}


for _question, _label in LOCAL_OFFER_QUESTIONS.items():
    setattr(SendForm, f"answer_{_question}", TextAreaField(
        _label, filters=[strip_whitespace], widget=GovTextArea(),
        validators=[Length(max=2000, message=_l("Each answer must be 2000 characters or fewer"))],
        description=_l("Optional. Up to 2000 characters.")))


# Section slug -> (title, form). The order is the order of the summary page.
SECTIONS = {
    "about": (_l("About the service"), AboutForm),
    "who": (_l("Who it is for"), WhoForm),
    "where": (_l("Where it is available"), WhereForm),
    "how": (_l("How it is provided"), HowForm),
    "contact": (_l("Contact details"), ContactForm),
    "cost": (_l("Cost"), CostForm),
    "access": (_l("How to get it"), AccessForm),
    "categories": (_l("Categories and accessibility"), CategoriesForm),
    "languages": (_l("Languages"), LanguagesForm),
    "send": (_l("How it supports SEND"), SendForm),
}
# The editable fields each section shows on the summary page.
SECTION_KEYS = {
    "about": ("name", "summary", "description"),
    "who": ("needs", "min_age", "max_age", "eligibility"),
    "where": ("is_countywide", "quadrants"),
    "how": ("delivery",),
    "contact": ("url", "email", "phone"),
    "cost": ("is_free", "fees_description"),
    "access": ("access_route", "how_to_access", "waiting_time", "waiting_weeks"),
    "categories": ("categories", "accessibility"),
    "languages": ("languages",),
    "send": ("local_offer_answers",),
}
