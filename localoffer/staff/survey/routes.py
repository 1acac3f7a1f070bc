"""Survey waves for voice moderators: the list, results with breakdowns, CSV export, opening,
closing and publishing waves, starting next year's wave and coding free-text answers."""
from __future__ import annotations

from datetime import date

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l

from ...auth import requires
from ...data import audit, survey as survey_data, survey_results
from ...extensions import db
from ...spreadsheet import csv_lines, download
from ...voice_vocab import CHANNELS, THEMES, survey_title
from . import bp
from .forms import CodingForm, NextWaveForm, WaveActionForm

STATUS_LABELS = {"draft": _l("Draft"), "open": _l("Open"), "closed": _l("Closed")}


def _wave_or_404(survey_id: int):
    survey = survey_data.get_survey(survey_id)
    if survey is None:
        abort(404)
    return survey


@bp.route("/")
@requires("survey.analyse")
def index():
    waves = survey_data.all_surveys()
    counts = survey_data.response_counts_by_channel([w.id for w in waves])
    # Responses by channel are a breakdown too, so small numbers are hidden here as well.
    shown = {w.id: survey_results.protected_counts({c: counts[w.id].get(c, 0) for c in CHANNELS}) for w in waves}
    return render_template("staff/survey/index.html", waves=waves, shown=shown, channels=CHANNELS)


@bp.route("/<int:survey_id>")
@requires("survey.analyse")
def results(survey_id: int):
    survey = _wave_or_404(survey_id)
    by = request.args.get("by")
    by = by if by in survey_results.BREAKDOWNS else "quadrant"
    previous = survey_results.previous_wave(survey)
    coded, to_code = survey_data.coding_progress(survey)
    return render_template("staff/survey/results.html", survey=survey, by=by, previous=previous,
                           breakdowns=survey_results.BREAKDOWNS, coded=coded, total_text=to_code,
                           results=survey_results.survey_results(survey, by=by, previous=previous),
                           action_form=WaveActionForm(), status_labels=STATUS_LABELS,
                           other_open=survey_data.open_wave_in_series(survey.series, other_than=survey.id))


@bp.route("/<int:survey_id>/export.csv")
@requires("survey.analyse")
def export(survey_id: int):
    survey = _wave_or_404(survey_id)
    # Aggregated tables only (small): worked out before the export is audited.
    header, *rows = survey_results.export_rows(survey)
    audit.record("export", subject_type="survey", subject_id=str(survey.id), detail="survey results CSV (aggregated)")
    db.session.commit()
    return download(csv_lines(header, rows), f"survey-{survey.series}-{survey.wave}.csv")


@bp.route("/<int:survey_id>/status", methods=["POST"])
@requires("survey.analyse")
def change_status(survey_id: int):
    survey = _wave_or_404(survey_id)
    form = WaveActionForm()
    if not form.validate_on_submit():
        abort(400)
    action, today = form.action.data, date.today()
    problem = None
    if action == "open":
        if survey.status == "open":
            problem = _("This wave is already open.")
        elif survey.results_published:
            problem = _("Unpublish the results before opening this wave again.")
        elif survey_data.open_wave_in_series(survey.series, other_than=survey.id):
            problem = _("Another wave of this survey is open. Close it first: only one can be open at a time.")
        else:
            survey_data.set_status(survey, "open", today)
    elif action == "close":
        if survey.status != "open":
            problem = _("Only an open wave can be closed.")
        else:
            survey_data.set_status(survey, "closed", today)
    elif survey.status != "closed":
        problem = _("Results can be published or unpublished only when the wave is closed.")
    elif (action == "publish") == survey.results_published:
        problem = _("Nothing has changed.")
    else:
        survey_data.set_published(survey, action == "publish")
    if problem:
        flash(problem)
    else:
        db.session.commit()
        flash({"open": _("The wave is open for answers."), "close": _("The wave is closed."),
               "publish": _("The results are published."), "unpublish": _("The results are no longer public.")}[action],
              "success")
    return redirect(url_for(".results", survey_id=survey.id))


def _suggested_wave(name: str) -> str:
    return str(int(name) + 1) if name.isdigit() else ""


@bp.route("/<int:survey_id>/next-wave", methods=["GET", "POST"])
@requires("survey.analyse")
def next_wave(survey_id: int):
    survey = _wave_or_404(survey_id)
    suggested = _suggested_wave(survey.wave)
    form = NextWaveForm(data={"wave": suggested,
                              "title": survey.title.replace(survey.wave, suggested) if suggested else survey.title})
    if form.validate_on_submit():
        if survey_data.wave_exists(survey.series, form.wave.data):
            form.wave.errors.append(_("There is already a wave with this name"))
        else:
            new = survey_data.start_next_wave(survey, form.wave.data, form.title.data)
            db.session.commit()
            flash(_("%(title)s is ready as a draft, with the same questions.", title=survey_title(new)), "success")
            return redirect(url_for(".results", survey_id=new.id))
    return render_template("staff/survey/next_wave.html", survey=survey, form=form,
                           error_title_prefix=bool(form.errors))


@bp.route("/<int:survey_id>/coding", methods=["GET", "POST"])
@requires("survey.analyse")
def coding(survey_id: int):
    survey = _wave_or_404(survey_id)
    form = CodingForm()
    if form.validate_on_submit():
        answer = survey_data.get_text_answer(survey, int(form.answer_id.data)) if (form.answer_id.data or "").isdigit() else None
        if answer is None:
            abort(404)
        if answer.coded_at is not None:
            flash(_("Someone else coded that answer meanwhile. Here is the next one."))
        else:
            survey_data.code_answer(answer, form.themes.data, g.user)
            flash(_("Answer coded."), "success")
        return redirect(url_for(".coding", survey_id=survey.id))
    answer = survey_data.next_to_code(survey)
    if answer is not None and request.method == "GET":
        form.answer_id.data = str(answer.id)
    elif answer is not None and form.answer_id.data != str(answer.id):
        # The answer shown with the errors must be the one the form is about.
        shown = survey_data.get_text_answer(survey, int(form.answer_id.data)) if (form.answer_id.data or "").isdigit() else None
        answer = shown if shown is not None and shown.coded_at is None else answer
        form.answer_id.data = str(answer.id)
    coded, total = survey_data.coding_progress(survey)
    return render_template("staff/survey/coding.html", survey=survey, form=form, answer=answer, coded=coded,
                           total=total, themes=THEMES, error_title_prefix=bool(form.errors))
