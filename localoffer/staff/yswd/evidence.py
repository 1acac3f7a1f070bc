"""Evidence for a record: published wall posts, survey questions with published results, and
champion or group reports. Either organisation may add or remove evidence."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...paging import page_number
from ...data import yswd
from ...extensions import db
from ...i18n import stored_text
from ...voice_vocab import survey_title
from . import bp
from .forms import ChampionReportForm, SurveyEvidenceForm
from .routes import record_or_404


@bp.route("/<reference>/evidence")
@requires("yswd.edit")
def evidence(reference: str):
    found = record_or_404(reference)
    latest = yswd.latest(found)
    surveys = {s.id: s for s in yswd.surveys_with_results()}
    return render_template("staff/yswd/evidence.html", record=found, latest=latest, surveys=surveys,
                           reach=yswd.reach(found, latest), posts=yswd.linked_posts(latest))


@bp.route("/<reference>/evidence/wall-posts", methods=["GET", "POST"])
@requires("yswd.edit")
def wall_posts(reference: str):
    found = record_or_404(reference)
    # The search kept with a link or unlink comes from the form; never mix the two (ASVS 15.3.7).
    source = request.form if request.method == "POST" else request.args
    search = (source.get("q") or "").strip()[:100]
    if request.method == "POST":
        post_id = request.form.get("post_id", "")
        if not post_id.isdigit() or request.form.get("action") not in ("link", "unlink"):
            abort(400)
        try:
            yswd.link_wall_post(found, int(post_id), g.user, linked=request.form["action"] == "link")
        except yswd.YswdError as problem:
            flash(str(problem), "error")
        else:
            db.session.commit()
            flash(_("Evidence updated in a new version"), "success")
        return redirect(url_for(".wall_posts", reference=found.reference, q=search or None, page=page_number()))
    page = page_number()
    posts, total = yswd.published_wall_posts(search, page)
    pages = max(1, -(-total // yswd.WALL_POSTS_PER_PAGE))
    return render_template("staff/yswd/wall_posts.html", record=found, posts=posts, total=total, page=page,
                           pages=pages, search=search, linked=set(yswd.latest(found).wall_post_ids or []))


@bp.route("/<reference>/evidence/survey", methods=["GET", "POST"])
@requires("yswd.edit")
def survey(reference: str):
    found = record_or_404(reference)
    form = SurveyEvidenceForm()
    surveys = yswd.surveys_with_results()
    form.question.choices = [("", _("Choose a question"))] + [
        (f"{s.id}:{q.code}", f"{survey_title(s)}: {stored_text(q.chart_label or q.text)}") for s in surveys for q in s.questions
        if q.kind != "text"]
    error = None
    if form.validate_on_submit():
        chosen = form.chosen()
        try:
            if chosen is None:
                raise yswd.YswdError(_("Choose a survey question"))
            yswd.add_survey_evidence(found, g.user, *chosen)
        except yswd.YswdError as problem:
            error = str(problem)
        else:
            db.session.commit()
            flash(_("Survey evidence added in a new version"), "success")
            return redirect(url_for(".evidence", reference=found.reference))
    return render_template("staff/yswd/survey_evidence.html", record=found, form=form, error=error,
                           has_surveys=bool(surveys), error_title_prefix=bool(form.errors or error))


@bp.route("/<reference>/evidence/champion-report", methods=["GET", "POST"])
@requires("yswd.edit")
def champion_report(reference: str):
    found = record_or_404(reference)
    form = ChampionReportForm()
    error = None
    if form.validate_on_submit():
        reports = list(yswd.latest(found).champion_reports or []) + [form.report()]
        try:
            yswd.edit(found, g.user, {"champion_reports": reports}, _("Champion report added"))
        except yswd.YswdError as problem:
            error = str(problem)
        else:
            db.session.commit()
            flash(_("Champion report added in a new version"), "success")
            return redirect(url_for(".evidence", reference=found.reference))
    return render_template("staff/yswd/champion_report.html", record=found, form=form, error=error,
                           error_title_prefix=bool(form.errors or error))


@bp.post("/<reference>/evidence/<kind>/<int:index>/remove")
@requires("yswd.edit")
def remove_evidence(reference: str, kind: str, index: int):
    field = {"survey": "survey_evidence", "champion-report": "champion_reports"}.get(kind)
    if field is None:
        abort(404)
    found = record_or_404(reference)
    try:
        yswd.remove_list_item(found, g.user, field, index)
    except yswd.YswdError:
        abort(404)
    db.session.commit()
    flash(_("Evidence removed in a new version"), "success")
    return redirect(url_for(".evidence", reference=found.reference))
