"""Family champions keying in survey answers given on paper, by phone, at an event or a group,
like LimeSurvey's data-entry screen: first who and how (never the family's name), then every
question of the open wave on one page. Champions see only their own entries."""
from __future__ import annotations

from datetime import date

from flask import flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...data import survey as survey_data
from ...survey import flow
from ...survey.forms import clean_value
from ...voice_vocab import CHANNELS
from . import bp
from .forms import EntryStartForm, entry_form, field_name

ENTRY_KEY = "survey_entry"  # channel, group and consent between the two pages


@bp.route("/enter", methods=["GET", "POST"])
@requires("feedback.enter")
def enter():
    survey = survey_data.open_survey(date.today())
    if survey is None:
        return render_template("staff/survey/enter_none.html")
    form = EntryStartForm(data=session.get(ENTRY_KEY, {}) | {"consent": False})
    if form.validate_on_submit():
        session[ENTRY_KEY] = {"survey_id": survey.id, "channel": form.channel.data,
                              "group_name": form.group_name.data, "consent": True}
        return redirect(url_for(".enter_answers"))
    return render_template("staff/survey/enter.html", survey=survey, form=form, error_title_prefix=bool(form.errors))


@bp.route("/enter/answers", methods=["GET", "POST"])
@requires("feedback.enter")
def enter_answers():
    survey = survey_data.open_survey(date.today())
    if survey is None:
        return render_template("staff/survey/enter_none.html")
    details = session.get(ENTRY_KEY)
    if not details or details.get("survey_id") != survey.id or not details.get("consent"):
        return redirect(url_for(".enter"))
    form = entry_form(survey)()
    problem = None
    if form.validate_on_submit():
        answers = {}
        for question in survey.questions:
            value = clean_value(question, form[field_name(question)].data)
            if value is not None:
                answers[question.code] = value
        answers = flow.prune(survey.questions, answers)  # answers to questions the family was not asked
        if not answers:
            problem = _("Enter at least one answer")
        else:
            survey_data.enter_response(survey, answers, flow.quadrant_of(survey.questions, answers), date.today(),
                                       channel=details["channel"], group_name=details["group_name"],
                                       consent=True, champion=g.user)
            # Consent is per family: the next family starts from the first page again.
            session[ENTRY_KEY] = {k: v for k, v in details.items() if k != "consent"}
            flash(_("The family's answers are saved."), "success")
            return redirect(url_for(".mine"))
    return render_template("staff/survey/enter_answers.html", survey=survey, form=form, details=details,
                           channel_label=CHANNELS.get(details["channel"], details["channel"]),
                           field_name=field_name, problem=problem,
                           error_title_prefix=bool(form.errors or problem))


@bp.route("/mine")
@requires("feedback.enter")
def mine():
    return render_template("staff/survey/mine.html", entries=survey_data.entries_by(g.user), channels=CHANNELS)
