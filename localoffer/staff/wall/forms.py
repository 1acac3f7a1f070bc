"""Moderation forms: one decision a page. Each carries the state the moderator saw (`state`),
so a post someone else decided meanwhile is not overwritten."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ...data.wall_moderation import (
    MARKERS,
    NOTE_MAX_CHARS,
    PROMPT_MAX_CHARS,
    duplicate_target,
    parse_redactions,
    quotes_post,
)
from ...form_filters import strip_whitespace
from ...voice_vocab import JUDGEMENT_REASONS, REFUSAL_REASONS, REG56_CATEGORIES, THEMES
from .labels import MARKER_LABELS

MAX_REDACTIONS = 20
NOTE_HELP = _l("Only moderators see this. Do not copy the family's words into it.")


def _choices(items) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in items]


def _note(label, *, required_message=None) -> TextAreaField:
    validators = [Length(max=NOTE_MAX_CHARS, message=_l("The note must be %(max)d characters or fewer",
                                                        max=NOTE_MAX_CHARS))]
    if required_message:
        validators.insert(0, DataRequired(message=required_message))
    return TextAreaField(label, description=NOTE_HELP, filters=[strip_whitespace], validators=validators,
                         widget=GovCharacterCount())


class DecisionForm(FlaskForm):
    state = HiddenField()

    def __init__(self, *args, post=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post

    def validate_note(self, field):
        if field.data and self.post is not None and quotes_post(field.data, self.post.text):
            raise ValidationError(_l("The note repeats the family's words. Describe the decision instead"))


class _PublishFields(DecisionForm):
    themes = SelectMultipleField(_l("Themes"), widget=GovCheckboxesInput(), choices=_choices(THEMES.items()),
                                 validate_choice=False,
                                 description=_l("Select all that apply. The contributor's choice is ticked."))
    reg56_category = RadioField(_l("What is it about, in the words of the regulations? (optional)"),
                                choices=_choices(REG56_CATEGORIES.items()), widget=GovRadioInput(),
                                validate_choice=False)
    redactions = TextAreaField(
        _l("Words to remove (optional)"), widget=GovTextArea(),
        description=_l("Only to stop someone being identified. One word or phrase a line, copied exactly from "
                       "the post. Each is replaced by the marker below; nothing else changes. To use a "
                       "different marker for one line, end the line with it, for example: Oakwood Primary [school]"))
    marker = RadioField(_l("Replace removed words with"), choices=_choices(MARKER_LABELS.items()),
                        default="removed", widget=GovRadioInput(), validate_choice=False)

    themes_required = True

    def validate_themes(self, field):
        chosen = field.data or []
        if any(theme not in THEMES for theme in chosen):
            raise ValidationError(_l("Select themes from the list"))
        if self.themes_required and not chosen:
            raise ValidationError(_l("Select at least one theme"))

    def validate_reg56_category(self, field):
        if field.data in ("", "None"):
            field.data = None
        if field.data is not None and field.data not in REG56_CATEGORIES:
            raise ValidationError(_l("Select a category from the list"))

    def validate_marker(self, field):
        if field.data not in MARKERS:
            raise ValidationError(_l("Select a marker"))

    def validate_redactions(self, field):
        lines = parse_redactions(field.data or "", self.marker.data if self.marker.data in MARKERS else "removed")
        if len(lines) > MAX_REDACTIONS:
            raise ValidationError(_l("Remove at most %(max)d words or phrases", max=MAX_REDACTIONS))
        for phrase, _marker in lines:
            if self.post is not None and phrase not in self.post.text:
                raise ValidationError(_l("“%(phrase)s” is not in the post. Copy the words exactly as they are "
                                         "written, one a line", phrase=phrase[:80]))

    def redaction_list(self) -> list[tuple[str, str]]:
        return parse_redactions(self.redactions.data or "", self.marker.data)


class PublishForm(_PublishFields):
    note = _note(_l("Note (optional)"))
    submit = SubmitField(_l("Publish"), widget=GovSubmitInput())


class RefuseForm(DecisionForm):
    reason = RadioField(
        _l("Why should it not be on the wall?"), choices=_choices(REFUSAL_REASONS.items()), widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Select a reason"))], validate_choice=False,
        description=_l("A post that could identify someone, is spam or repeats a post comes off at once. For "
                       "the other reasons a moderator from the other organisation must agree."))
    duplicate_of = StringField(_l("If it repeats a post, the number of the post on the wall"),
                               filters=[strip_whitespace], widget=GovTextInput())
    note = _note(_l("Note (optional)"))
    submit = SubmitField(_l("Save decision"), widget=GovSubmitInput())

    def validate_reason(self, field):
        if field.data not in REFUSAL_REASONS:
            raise ValidationError(_l("Select a reason"))

    def validate_duplicate_of(self, field):
        if self.reason.data != "duplicate":
            return
        number = (field.data or "").lstrip("#")
        if not number.isdigit() or self.post is None or duplicate_target(int(number), self.post) is None:
            raise ValidationError(_l("Enter the number of a post that is on the wall, like 12"))

    def target(self):
        return duplicate_target(int(self.duplicate_of.data.lstrip("#")), self.post) \
            if self.reason.data == "duplicate" else None

    @property
    def is_judgement(self) -> bool:
        return self.reason.data in JUDGEMENT_REASONS


class ReviewRefusalForm(DecisionForm):
    answer = RadioField(_l("Do you agree it should not be published?"), widget=GovRadioInput(),
                        choices=_choices([("agree", _l("Yes, do not publish it")),
                                          ("disagree", _l("No, the joint panel should decide"))]),
                        validators=[InputRequired(message=_l("Select yes or no"))], validate_choice=False)
    note = _note(_l("Note (optional)"))
    submit = SubmitField(_l("Save answer"), widget=GovSubmitInput())

    def validate_answer(self, field):
        if field.data not in ("agree", "disagree"):
            raise ValidationError(_l("Select yes or no"))


class ResolveForm(_PublishFields):
    outcome = RadioField(_l("What did the joint panel decide?"), widget=GovRadioInput(),
                         choices=_choices([("publish", _l("Publish it")), ("not-publish", _l("Do not publish it"))]),
                         validators=[InputRequired(message=_l("Select what the panel decided"))],
                         validate_choice=False)
    reason = RadioField(_l("If not published, why not"), widget=GovRadioInput(), validate_choice=False,
                        choices=_choices((k, v) for k, v in REFUSAL_REASONS.items() if k != "duplicate"))
    note = _note(_l("When the panel met and what it said"),
                 required_message=_l("Enter when the panel met and what it said"))
    submit = SubmitField(_l("Record the panel's decision"), widget=GovSubmitInput())

    @property
    def themes_required(self) -> bool:
        return self.outcome.data == "publish"

    def validate_outcome(self, field):
        if field.data not in ("publish", "not-publish"):
            raise ValidationError(_l("Select what the panel decided"))

    def validate_reason(self, field):
        if self.outcome.data == "not-publish" and (field.data not in REFUSAL_REASONS or field.data == "duplicate"):
            raise ValidationError(_l("Select why it will not be published"))


class EscalateForm(DecisionForm):
    note = _note(_l("What worries you (optional)"))
    submit = SubmitField(_l("Pass to the safeguarding team"), widget=GovSubmitInput())


class RestoreForm(DecisionForm):
    note = _note(_l("Note (optional)"))
    submit = SubmitField(_l("Put it back on the wall"), widget=GovSubmitInput())


class PromptForm(FlaskForm):
    text = StringField(_l("New prompt"), filters=[strip_whitespace], widget=GovTextInput(),
                       description=_l("A short question that starts people off, for example: What would make "
                                      "finding help easier?"),
                       validators=[DataRequired(message=_l("Enter the prompt")),
                                   Length(max=PROMPT_MAX_CHARS, message=_l("The prompt must be %(max)d characters "
                                                                          "or fewer", max=PROMPT_MAX_CHARS))])
    submit = SubmitField(_l("Add prompt"), widget=GovSubmitInput())
