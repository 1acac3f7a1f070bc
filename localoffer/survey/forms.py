"""Forms for the survey. Each wave's questions are data, so a question's field is built from it:
radios, checkboxes or a text box with a character count, and GOV.UK-worded errors."""
from __future__ import annotations

from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from ..widgets import (GovCharacterCount, GovCheckboxesInput, GovRadioInput,
                                                GovSubmitInput)
from wtforms import Field, RadioField, SelectChoice, SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, StopValidation

from ..form_filters import strip_whitespace
from ..honeypot import honeypot_field
from ..i18n import stored_text
from ..models.survey import SurveyQuestion
from ..voice_vocab import NOT_APPLICABLE, NOT_SURE_QUADRANT
from .flow import TEXT_MAX_CHARS, option_labels


class RadiosWithOr(GovRadioInput):
    """GOV.UK radios with an "or" divider before the answer that opts out ("does not apply",
    "not sure"), as the Design System shows for a 'none of these' style option."""

    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        items = params["items"]
        for index, item in enumerate(items):
            if index and item.get("value") in (NOT_APPLICABLE, NOT_SURE_QUADRANT):
                items.insert(index, {"divider": _("or")})
                break
        return params


def _one_of(allowed, message):
    def check(form, field):
        chosen = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in allowed for value in chosen if value not in (None, "")):
            raise StopValidation(message)
    return check


def answer_field(question: SurveyQuestion, label: str, *, required: bool) -> Field:
    """The field for one question. Optional questions accept no answer at all."""
    if question.kind == "text":
        too_long = _l("Your answer must be %(max)d characters or fewer", max=TEXT_MAX_CHARS)
        first = DataRequired(message=_l("Enter your answer")) if required else Optional()
        return TextAreaField(label, description=stored_text(question.hint) or None, filters=[strip_whitespace],
                             validators=[first, Length(max=TEXT_MAX_CHARS, message=too_long)],
                             widget=GovCharacterCount())
    labels = option_labels(question)
    choices = [SelectChoice(key, str(text)) for key, text in labels.items()]
    allowed = list(labels)
    if question.kind == "multiple":
        message = _l("Select at least one answer")
        first = InputRequired(message=message) if required else Optional()
        return SelectMultipleField(label, description=stored_text(question.hint) or None, choices=choices,
                                   validators=[first, _one_of(allowed, message)], validate_choice=False,
                                   widget=GovCheckboxesInput())
    message = _l("Select an answer")
    first = InputRequired(message=message) if required else Optional()
    widget = RadiosWithOr() if question.kind in ("agreement", "better-same-worse", "quadrant") else GovRadioInput()
    return RadioField(label, description=stored_text(question.hint) or None, choices=choices,
                      validators=[first, _one_of(allowed, message)], validate_choice=False, widget=widget)


def clean_value(question: SurveyQuestion, data):
    """A field's data as stored in a draft: None for no answer, a list for checkboxes."""
    if question.kind == "multiple":
        return [v for v in (data or []) if v] or None
    return data or None


def question_label(question: SurveyQuestion) -> str:
    text = stored_text(question.text)
    return text if question.required else _("%(question)s (optional)", question=text)


def question_form(question: SurveyQuestion) -> type[FlaskForm]:
    """A form class for the question's own page: the answer and a Continue button."""
    return type("QuestionForm", (FlaskForm,), {
        "answer": answer_field(question, question_label(question), required=question.required),
        "website": honeypot_field(),
        "submit": SubmitField(_l("Continue"), widget=GovSubmitInput()),
    })


class SendAnswersForm(FlaskForm):
    submit = SubmitField(_l("Send your answers"), widget=GovSubmitInput())
