"""The public survey: start page, one question per page, check your answers, confirmation, and
published results. Answers in progress live in a SurveyDraft on the server; the session cookie
keeps only a random token for it (and, after sending, which wave was sent, so a second press of
"Send" does nothing)."""
from __future__ import annotations

import secrets
from datetime import date

from flask import abort, redirect, render_template, request, session, url_for

from .. import ratelimit
from ..data import survey as survey_data, survey_results
from ..honeypot import caught
from . import bp, flow
from .forms import SendAnswersForm, clean_value, question_form

DRAFT_KEY = "survey_draft"
SENT_KEY = "survey_sent"


def _today() -> date:
    return date.today()


def _current():
    """The open wave and this visitor's draft for it. A draft for a wave that has closed (or
    been replaced) is deleted: answers to a closed survey cannot be sent."""
    survey = survey_data.open_survey(_today())
    draft = survey_data.get_draft(session.get(DRAFT_KEY))
    if draft is not None and (survey is None or draft.survey_id != survey.id):
        survey_data.drop_draft(draft)
        session.pop(DRAFT_KEY, None)
        draft = None
    return survey, draft


def _closed():
    return render_template("survey/closed.html")


def _question_url(question, change: bool = False) -> str:
    return url_for(".question", code=question.code, change=1 if change else None)


@bp.route("")
def start():
    survey = survey_data.open_survey(_today())
    if survey is None:
        return render_template("survey/none_open.html", has_results=bool(survey_results.published_surveys()))
    first = survey.questions[0] if survey.questions else None
    return render_template("survey/start.html", survey=survey, first=first,
                           minutes=max(2, round(len(survey.questions) / 2)))


@bp.route("/q/<code>", methods=["GET", "POST"])
def question(code: str):
    survey, draft = _current()
    if survey is None:
        return _closed()
    found = survey_data.question_by_code(survey, code)
    if found is None:
        abort(404)
    questions, answers = survey.questions, dict(draft.answers) if draft else {}
    change = request.args.get("change") == "1"
    if not flow.is_asked(found, questions, answers):
        following = flow.next_after(found, questions, answers)
        return redirect(_question_url(following, change) if following else url_for(".check"))
    form_class = question_form(found)
    form = form_class() if request.method == "POST" else form_class(data={"answer": answers.get(code)})
    if form.validate_on_submit() and not caught(form):
        if not ratelimit.allow("survey"):
            return _question_page(survey, found, form, questions, answers, change), 429
        if draft is None:
            token = secrets.token_urlsafe(32)
            draft = survey_data.new_draft(survey, token)
            session[DRAFT_KEY] = token
        updated = dict(answers)
        value = clean_value(found, form.answer.data)
        if value is None:
            updated.pop(code, None)
        else:
            updated[code] = value
        updated = flow.prune(questions, updated)  # drops answers to questions no longer asked
        survey_data.save_draft_answers(draft, updated)
        if change:
            # A changed answer can open up questions not asked before: ask those, then go back.
            before = {q.code for q in flow.asked(questions, answers)}
            new = [q for q in flow.asked(questions, updated) if q.code not in before and q.code not in updated]
            return redirect(_question_url(new[0], change=True) if new else url_for(".check"))
        following = flow.next_after(found, questions, updated)
        return redirect(_question_url(following) if following else url_for(".check"))
    if form.is_submitted() and not form.errors:  # the hidden field was filled: as if saved
        following = flow.next_after(found, questions, answers)
        return redirect(_question_url(following) if following else url_for(".check"))
    return _question_page(survey, found, form, questions, answers, change)


def _question_page(survey, found, form, questions, answers, change: bool):
    previous = flow.previous_before(found, questions, answers)
    back = url_for(".check") if change else (_question_url(previous) if previous else url_for(".start"))
    position = [q.code for q in flow.asked(questions, answers)].index(found.code) + 1
    return render_template("survey/question.html", survey=survey, question=found, form=form, back=back,
                           position=position, error_title_prefix=bool(form.errors),
                           text_max=flow.TEXT_MAX_CHARS)


@bp.route("/check", methods=["GET", "POST"])
def check():
    survey, draft = _current()
    if survey is None:
        return _closed()
    if draft is None:
        # Already sent (the back button, a second press) or never started.
        return redirect(url_for(".done") if session.get(SENT_KEY) == survey.id else url_for(".start"))
    questions = survey.questions
    answers = flow.prune(questions, draft.answers)
    missing = flow.first_missing_required(questions, answers)
    if missing is not None:
        return redirect(_question_url(missing))
    form = SendAnswersForm()
    if form.validate_on_submit():
        if not ratelimit.allow("survey"):
            return _check_page(survey, questions, answers, form), 429
        sent = survey_data.submit_draft(draft, survey, answers, flow.quadrant_of(questions, answers), _today())
        session.pop(DRAFT_KEY, None)
        if sent is not None:
            session[SENT_KEY] = survey.id
        return redirect(url_for(".done") if session.get(SENT_KEY) == survey.id else url_for(".start"))
    return _check_page(survey, questions, answers, form)


def _check_page(survey, questions, answers, form):
    rows = [(q, flow.answer_labels(q, answers.get(q.code))) for q in flow.asked(questions, answers)]
    return render_template("survey/check.html", survey=survey, rows=rows, form=form)


@bp.route("/done")
def done():
    if not session.get(SENT_KEY):
        return redirect(url_for(".start"))
    return render_template("survey/done.html", wall_url=url_for("wall.index"),
                           yswd_url=url_for("yswd.index"))


@bp.route("/results")
def results():
    waves = survey_results.published_surveys()
    if not waves:
        return render_template("survey/no_results.html")
    chosen = next((w for w in waves if str(w.id) == request.args.get("wave", "")), waves[0])
    previous = survey_results.previous_wave(chosen, published_only=True)
    return render_template("survey/results.html", survey=chosen, waves=waves, previous=previous,
                           results=survey_results.survey_results(chosen, by="quadrant", previous=previous))
