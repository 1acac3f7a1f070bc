"""A family champion entering a wall comment for a family: what they said, how and where it
was collected, and the family's agreement. Never anything about who the family is."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovCheckboxInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ...form_filters import strip_whitespace
from ...voice_vocab import ASSISTED_CHANNELS, CHANNELS
from ...wall.forms import YesCheckbox, quadrant_field, reg56_field, text_field, theme_field

GROUP_MAX_CHARS = 120


class ChampionPostForm(FlaskForm):
    text = text_field(_l("What the family said"),
                      _l("Write down their words. Leave out names, schools and anything else that could "
                         "identify the child or the family."))
    quadrant = quadrant_field()
    theme = theme_field()
    reg56_category = reg56_field()
    channel = RadioField(
        _l("How did you collect it?"),
        choices=[SelectChoice(key, CHANNELS[key]) for key in ASSISTED_CHANNELS],
        widget=GovRadioInput(), validate_choice=False,
        validators=[InputRequired(message=_l("Select how you collected the comment"))])
    group_name = StringField(
        _l("Family group or event"),
        description=_l("For example, ‘Colchester parent coffee morning, 3 March’. Not the family's name."),
        filters=[strip_whitespace], widget=GovTextInput(),
        validators=[DataRequired(message=_l("Enter the family group or event")),
                    Length(max=GROUP_MAX_CHARS, message=_l("The group or event must be %(max)d characters or fewer",
                                                           max=GROUP_MAX_CHARS))])
    consent = YesCheckbox(_l("The family agreed to this being published without their name"),
                          widget=GovCheckboxInput())
    submit = SubmitField(_l("Send for moderation"), widget=GovSubmitInput())

    def validate_channel(self, field):
        if field.data not in ASSISTED_CHANNELS:
            raise ValidationError(_l("Select how you collected the comment"))

    def validate_consent(self, field):
        if field.raw_data != ["yes"]:
            raise ValidationError(_l("Confirm the family agreed to their comment being published without their name"))
