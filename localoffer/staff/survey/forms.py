"""Staff survey forms: wave actions, the next wave, coding free text and champion entry."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import (GovCheckboxInput, GovCheckboxesInput, GovRadioInput,
                                                GovSubmitInput, GovTextInput)
from wtforms import (BooleanField, HiddenField, RadioField, SelectChoice, SelectMultipleField, StringField,
                     SubmitField)
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ...form_filters import strip_whitespace
from ...models.survey import Survey
from ...survey.forms import answer_field
from ...voice_vocab import ASSISTED_CHANNELS, CHANNELS, THEMES

WAVE_ACTIONS = ("open", "close", "publish", "unpublish")


class WaveActionForm(FlaskForm):
    action = HiddenField(validators=[InputRequired()])

    def validate_action(self, field):
        if field.data not in WAVE_ACTIONS:
            raise ValidationError(_l("Choose an action"))


class NextWaveForm(FlaskForm):
    wave = StringField(_l("Name of the new wave"), description=_l("For example, the year: 2027"),
                       filters=[strip_whitespace], widget=GovTextInput(),
                       validators=[DataRequired(message=_l("Enter a name for the new wave")),
                                   Length(max=40, message=_l("The name must be 40 characters or fewer"))])
    title = StringField(_l("Title families will see"), filters=[strip_whitespace], widget=GovTextInput(),
                        validators=[DataRequired(message=_l("Enter a title")),
                                    Length(max=200, message=_l("The title must be 200 characters or fewer"))])
    submit = SubmitField(_l("Create the new wave"), widget=GovSubmitInput())


class CodingForm(FlaskForm):
    answer_id = HiddenField()
    themes = SelectMultipleField(
        _l("Which themes does this answer mention?"), description=_l("Select all that apply."),
        choices=[SelectChoice(key, label) for key, label in THEMES.items()],
        validators=[InputRequired(message=_l("Select at least one theme"))],
        validate_choice=False, widget=GovCheckboxesInput())
    submit = SubmitField(_l("Save and code the next answer"), widget=GovSubmitInput())

    def validate_themes(self, field):
        if not field.data or any(theme not in THEMES for theme in field.data):
            raise ValidationError(_l("Select at least one theme"))


class EntryStartForm(FlaskForm):
    channel = RadioField(_l("How did the family give their answers?"),
                         choices=[SelectChoice(key, CHANNELS[key]) for key in ASSISTED_CHANNELS],
                         validators=[InputRequired(message=_l("Select how the family gave their answers"))],
                         validate_choice=False, widget=GovRadioInput())
    group_name = StringField(_l("Name of the group or event"),
                             description=_l("For example, the family group or event where you met. Never the family's name."),
                             filters=[strip_whitespace], widget=GovTextInput(),
                             validators=[DataRequired(message=_l("Enter the name of the group or event")),
                                         Length(max=120, message=_l("The name must be 120 characters or fewer"))])
    consent = BooleanField(_l("The family agreed to their answers being used"), widget=GovCheckboxInput(),
                           validators=[DataRequired(message=_l("Confirm the family agreed to their answers being used"))])
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())

    def validate_channel(self, field):
        if field.data not in ASSISTED_CHANNELS:
            raise ValidationError(_l("Select how the family gave their answers"))


def field_name(question) -> str:
    return f"q{question.id}"


def entry_form(survey: Survey) -> type[FlaskForm]:
    """Every question of the wave on one page, for keying in paper or phone answers. Nothing
    is required: a family may have left questions blank."""
    fields = {field_name(q): answer_field(q, q.text, required=False) for q in survey.questions}
    fields["submit"] = SubmitField(_l("Save these answers"), widget=GovSubmitInput())
    return type("EntryForm", (FlaskForm,), fields)
