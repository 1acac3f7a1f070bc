"""Forms for "you said, we did" records: one form per part, so each page asks one thing and each
organisation only ever sees the parts it owns."""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import (GovCheckboxesInput, GovRadioInput, GovSelect,
                                                GovSubmitInput, GovTextArea, GovTextInput)
from wtforms import (HiddenField, IntegerField, RadioField, SelectChoice, SelectField, SelectMultipleField,
                     StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ...form_filters import strip_whitespace
from ...vocab import QUADRANTS
from ...voice_vocab import ASSISTED_CHANNELS, CHANNELS, FORUM_VIEWS, REG56_CATEGORIES, THEMES, YSWD_STATUSES


def _choices(items) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in items]


def _max(n: int):
    return Length(max=n, message=_l("Must be %(max)d characters or fewer", max=n))


def parse_date(day: str | None, month: str | None, year: str | None) -> date | None:
    """A GOV.UK three-box date: None if all blank, ValidationError if not a real date."""
    parts = [(p or "").strip() for p in (day, month, year)]
    if not any(parts):
        return None
    try:
        d, m, y = (int(p) for p in parts)
        if not 2000 <= y <= 2100:
            raise ValueError
        return date(y, m, d)
    except ValueError:
        raise ValidationError(_l("Enter a real date, like 27 3 2027")) from None


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a whole number, like 12")) from None


class ChangeNoteMixin:
    change_note = StringField(_l("What changed (optional)"), filters=[strip_whitespace], widget=GovTextInput(),
                              description=_l("A few words for the history, like “Added the new target date”. "
                                             "Shown publicly once this version is published."),
                              validators=[_max(500)])
    submit = SubmitField(_l("Save as a new version"), widget=GovSubmitInput())


class NewRecordForm(FlaskForm):
    title = StringField(_l("Title"), filters=[strip_whitespace], widget=GovTextInput(),
                        description=_l("In plain English, like “Waiting times for speech and language therapy”."),
                        validators=[DataRequired(message=_l("Enter a title")), _max(200)])
    you_said = TextAreaField(_l("You said"), filters=[strip_whitespace], widget=GovTextArea(),
                             description=_l("What families told us, as the Forum summarises it. Do not include "
                                            "anything that could identify a child or family."),
                             validators=[_max(5000)])
    submit = SubmitField(_l("Start the record"), widget=GovSubmitInput())


class AboutForm(ChangeNoteMixin, FlaskForm):
    KEYS = ("title", "themes", "quadrants", "reg56_category")
    title = StringField(_l("Title"), filters=[strip_whitespace], widget=GovTextInput(),
                        validators=[DataRequired(message=_l("Enter a title")), _max(200)])
    themes = SelectMultipleField(_l("Themes"), widget=GovCheckboxesInput(), choices=_choices(THEMES.items()),
                                 validate_choice=False)
    quadrants = SelectMultipleField(_l("Parts of Essex affected"), widget=GovCheckboxesInput(),
                                    choices=_choices(QUADRANTS.items()), validate_choice=False)
    reg56_category = RadioField(_l("What is it about?"), widget=GovRadioInput(), validate_choice=False,
                                choices=_choices(REG56_CATEGORIES.items()), validators=[Optional()])

    def values(self) -> dict:
        return {"title": self.title.data, "themes": [t for t in THEMES if t in (self.themes.data or [])],
                "quadrants": [q for q in QUADRANTS if q in (self.quadrants.data or [])],
                "reg56_category": self.reg56_category.data if self.reg56_category.data in REG56_CATEGORIES else None}


class YouSaidForm(ChangeNoteMixin, FlaskForm):
    KEYS = ("you_said",)
    you_said = TextAreaField(_l("You said"), filters=[strip_whitespace], widget=GovTextArea(),
                             description=_l("What families told us. Do not include anything that could identify "
                                            "a child or family."),
                             validators=[DataRequired(message=_l("Enter what families said")), _max(5000)])

    def values(self) -> dict:
        return {"you_said": self.you_said.data}


class ForumViewForm(ChangeNoteMixin, FlaskForm):
    KEYS = ("forum_view", "forum_view_comment")
    forum_view = RadioField(_l("Does the Forum agree with the council's response?"), widget=GovRadioInput(),
                            choices=_choices(FORUM_VIEWS.items()), validate_choice=False,
                            validators=[InputRequired(message=_l("Select the Forum's view"))])
    forum_view_comment = TextAreaField(_l("The Forum's comment (optional)"), filters=[strip_whitespace],
                                       widget=GovTextArea(), validators=[_max(2000)])

    def validate_forum_view(self, field):
        if field.data not in FORUM_VIEWS:
            raise ValidationError(_l("Select the Forum's view"))

    def values(self) -> dict:
        return {"forum_view": self.forum_view.data, "forum_view_comment": self.forum_view_comment.data or ""}


class WeWillForm(ChangeNoteMixin, FlaskForm):
    KEYS = ("we_will", "target_date", "responsible_service")
    we_will = TextAreaField(_l("We will"), filters=[strip_whitespace], widget=GovTextArea(),
                            description=_l("What the council will do about it."),
                            validators=[DataRequired(message=_l("Enter what the council will do")), _max(5000)])
    target_day, target_month, target_year = StringField(), StringField(), StringField()
    responsible_service = StringField(_l("Which team is responsible"), filters=[strip_whitespace],
                                      widget=GovTextInput(),
                                      description=_l("A team or service, like “SEND Operations”. Never a person's name."),
                                      validators=[DataRequired(message=_l("Enter the responsible team")), _max(200)])

    def validate_target_day(self, field):
        self.target_date = parse_date(self.target_day.data, self.target_month.data, self.target_year.data)

    def load(self, version) -> None:
        self.we_will.data, self.responsible_service.data = version.we_will, version.responsible_service
        if version.target_date:
            d = version.target_date
            self.target_day.data, self.target_month.data, self.target_year.data = str(d.day), str(d.month), str(d.year)

    def values(self) -> dict:
        return {"we_will": self.we_will.data, "target_date": self.target_date,
                "responsible_service": self.responsible_service.data}


class StatusForm(ChangeNoteMixin, FlaskForm):
    KEYS = ("status", "status_reason")
    status = RadioField(_l("Status"), widget=GovRadioInput(), choices=_choices(YSWD_STATUSES.items()),
                        validate_choice=False, validators=[InputRequired(message=_l("Select a status"))])
    status_reason = TextAreaField(_l("Why, or who has it now"), filters=[strip_whitespace], widget=GovTextArea(),
                                  description=_l("Needed for “We can't do this” (say why) and for “Passed to a "
                                                 "partner” (say which partner, and what happens next)."),
                                  validators=[_max(2000)])

    def validate_status(self, field):
        if field.data not in YSWD_STATUSES:
            raise ValidationError(_l("Select a status"))

    def validate_status_reason(self, field):
        if self.status.data == "cant-do" and not field.data:
            raise ValidationError(_l("Say why we can't do this"))
        if self.status.data == "passed-to-partner" and not field.data:
            raise ValidationError(_l("Say which partner has it and what happens next"))

    def values(self) -> dict:
        return {"status": self.status.data, "status_reason": self.status_reason.data or ""}


class ProgressForm(ChangeNoteMixin, FlaskForm):
    progress_day, progress_month, progress_year = StringField(), StringField(), StringField()
    text = TextAreaField(_l("What we did"), filters=[strip_whitespace], widget=GovTextArea(),
                         validators=[DataRequired(message=_l("Enter what was done")), _max(2000)])
    link = StringField(_l("Link to evidence (optional)"), filters=[strip_whitespace], widget=GovTextInput(),
                       description=_l("For example an updated page or a published policy."), validators=[_max(500)])
    percent = WholeNumberField(_l("How far through are we, in per cent? (optional)"), widget=GovTextInput(),
                               validators=[Optional(), NumberRange(min=0, max=100, message=_l(
                                   "Enter a number from 0 to 100"))])

    def validate_progress_day(self, field):
        self.progress_date = parse_date(self.progress_day.data, self.progress_month.data, self.progress_year.data)
        if self.progress_date is None:
            raise ValidationError(_l("Enter the date it was done"))

    def validate_link(self, field):
        if field.data and not field.data.startswith(("https://", "http://")):
            raise ValidationError(_l("Enter a web address starting with https://"))

    def entry(self) -> dict:
        return {"date": self.progress_date.isoformat(), "text": self.text.data, "link": self.link.data or "",
                "percent": self.percent.data}


class ChampionReportForm(FlaskForm):
    group = StringField(_l("Group or event"), filters=[strip_whitespace], widget=GovTextInput(),
                        validators=[DataRequired(message=_l("Enter the group or event")), _max(120)])
    channel = RadioField(_l("How the champion heard from families"), widget=GovRadioInput(), validate_choice=False,
                         choices=_choices((c, CHANNELS[c]) for c in ASSISTED_CHANNELS),
                         validators=[InputRequired(message=_l("Select how the champion heard from families"))])
    families = WholeNumberField(_l("Number of families"), widget=GovTextInput(), validators=[
        InputRequired(message=_l("Enter the number of families")),
        NumberRange(min=1, max=10000, message=_l("Enter a number from 1 to 10,000"))])
    quadrant = SelectField(_l("Part of Essex (optional)"), widget=GovSelect(), validate_choice=False,
                           choices=[SelectChoice("", _l("Not known"))] + _choices(QUADRANTS.items()))
    summary = TextAreaField(_l("Short summary"), filters=[strip_whitespace], widget=GovTextArea(),
                            description=_l("What families said, without anything that could identify them."),
                            validators=[DataRequired(message=_l("Enter a short summary")), _max(1000)])
    submit = SubmitField(_l("Add the report"), widget=GovSubmitInput())

    def validate_channel(self, field):
        if field.data not in ASSISTED_CHANNELS:
            raise ValidationError(_l("Select how the champion heard from families"))

    def report(self) -> dict:
        return {"group": self.group.data, "channel": self.channel.data, "families": self.families.data,
                "quadrant": self.quadrant.data if self.quadrant.data in QUADRANTS else None,
                "summary": self.summary.data}


class SurveyEvidenceForm(FlaskForm):
    question = SelectField(_l("Survey question"), widget=GovSelect(), validate_choice=False, choices=[],
                           validators=[DataRequired(message=_l("Choose a survey question"))])
    submit = SubmitField(_l("Add the question"), widget=GovSubmitInput())

    def chosen(self) -> tuple[int, str] | None:
        survey_id, _sep, code = (self.question.data or "").partition(":")
        return (int(survey_id), code) if survey_id.isdigit() and code else None


class SignForm(FlaskForm):
    number = HiddenField()
    submit = SubmitField(_l("Sign this version"), widget=GovSubmitInput())

    def version_number(self) -> int:
        return int(self.number.data) if (self.number.data or "").isdigit() else 0
