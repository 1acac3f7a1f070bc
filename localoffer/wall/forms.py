"""Forms for the public wall, with GOV.UK-worded messages on every validator."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ..widgets import (GovCharacterCount, GovCheckboxInput, GovRadioInput, GovSelect,
                                                GovSubmitInput, GovTextInput)
from wtforms import BooleanField, EmailField, HiddenField, RadioField, SelectChoice, SelectField, \
    SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp, ValidationError

from ..form_filters import strip_whitespace
from ..honeypot import honeypot_field
from ..models.wall import TEXT_MAX_CHARS
from ..vocab import QUADRANTS
from ..voice_vocab import FLAG_REASONS, REG56_CATEGORIES, THEMES

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class YesCheckbox(BooleanField):
    """A single checkbox whose value is `yes` (CONTRACT §5: consent=yes)."""

    def _value(self):
        return "yes"


def _choice_in(options: dict, message):
    """Blank is allowed (the question is optional); anything else must be one of ours."""
    def check(_form, field):
        if field.data and field.data not in options:
            raise ValidationError(message)
    return check


def text_field(label, description) -> TextAreaField:
    return TextAreaField(
        label, description=description, filters=[strip_whitespace], widget=GovCharacterCount(),
        validators=[DataRequired(message=_l("Enter your comment")),
                    Length(max=TEXT_MAX_CHARS,
                           message=_l("Your comment must be %(max)d characters or fewer", max=TEXT_MAX_CHARS))])


def quadrant_field() -> RadioField:
    return RadioField(
        _l("Which part of Essex is your comment about? (optional)"),
        description=_l("Choose one only if your comment is about one area."),
        choices=[SelectChoice(key, label) for key, label in QUADRANTS.items()]
        + [SelectChoice("", _l("All of Essex, not sure, or I'd rather not say"))],
        widget=GovRadioInput(), validate_choice=False,
        validators=[_choice_in(QUADRANTS, _l("Select a part of Essex from the list"))])


def theme_field() -> SelectField:
    return SelectField(
        _l("What is it mainly about? (optional)"),
        choices=[SelectChoice("", _l("Choose a topic"))] + [SelectChoice(k, v) for k, v in THEMES.items()],
        default="", widget=GovSelect(), validate_choice=False,
        validators=[_choice_in(THEMES, _l("Select a topic from the list"))])


def reg56_field() -> RadioField:
    return RadioField(
        _l("Is your comment about (optional)"),
        description=_l("The law asks us to report families' comments in these groups."),
        choices=[SelectChoice(k, v) for k, v in REG56_CATEGORIES.items()],
        widget=GovRadioInput(), validate_choice=False,
        validators=[_choice_in(REG56_CATEGORIES, _l("Select what your comment is about from the list"))])


def email_field(label, description, *, required: bool = False) -> EmailField:
    first = InputRequired(message=_l("Enter your email address")) if required else Optional()
    return EmailField(
        label, description=description, filters=[strip_whitespace], widget=GovTextInput(),
        validators=[first,
                    Length(max=255, message=_l("Email address must be 255 characters or fewer")),
                    Regexp(EMAIL_PATTERN,
                           message=_l("Enter an email address in the correct format, like name@example.com"))])


class NewPostForm(FlaskForm):
    text = text_field(_l("Your comment"),
                      _l("One idea is best. Do not include names, schools or anything else that could "
                         "identify a child or a family."))
    prompt = HiddenField(validators=[Length(max=20)])
    quadrant = quadrant_field()
    theme = theme_field()
    reg56_category = reg56_field()
    email = email_field(
        _l("Email address for updates (optional)"),
        _l("We will tell you if your comment is published and what happens because of it. We keep "
           "your address apart from your comment, never publish it, and delete it when the story ends."))
    consent = YesCheckbox(_l("I agree to this being published on the wall without my name"),
                          widget=GovCheckboxInput())
    website = honeypot_field()
    submit = SubmitField(_l("Send comment"), widget=GovSubmitInput())

    def validate_consent(self, field):
        if field.raw_data != ["yes"]:
            raise ValidationError(_l("Tick the box to agree to your comment being published without your name"))


class EditPostForm(FlaskForm):
    text = text_field(_l("Your comment"),
                      _l("Do not include names, schools or anything else that could identify a child or a family. "
                         "Changing your comment takes it off the wall until it has been checked again."))
    website = honeypot_field()
    submit = SubmitField(_l("Send changed comment"), widget=GovSubmitInput())


class EmailForm(FlaskForm):
    email = email_field(_l("Email address"),
                        _l("Only used to tell you about this comment. Deleted when the story ends."),
                        required=True)
    website = honeypot_field()
    submit = SubmitField(_l("Save email address"), widget=GovSubmitInput())


class ConfirmForm(FlaskForm):
    """A bare POST form (CSRF token and a button)."""
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class FlagForm(FlaskForm):
    reason = RadioField(
        _l("What is wrong with this comment?"),
        choices=[SelectChoice(k, v) for k, v in FLAG_REASONS.items()],
        widget=GovRadioInput(), validate_choice=False,
        validators=[InputRequired(message=_l("Select what is wrong with this comment"))])
    submit = SubmitField(_l("Send report"), widget=GovSubmitInput())

    def validate_reason(self, field):
        if field.data not in FLAG_REASONS:
            raise ValidationError(_l("Select what is wrong with this comment"))
