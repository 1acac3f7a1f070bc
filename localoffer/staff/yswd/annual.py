"""Preparing, wording and signing the annual comments report (reg 56). The figures are frozen
when prepared; any change clears both signatures, and it is published once both have signed."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...data import annual_report
from ...data.yswd import YswdError
from ...extensions import db
from ...voice_vocab import party_of
from . import bp
from .annual_forms import AnnualSignForm, PeriodForm, StatementForm


def _report_or_404(report_id: int):
    report = annual_report.get_report(report_id)
    if report is None:
        abort(404)
    return report


@bp.route("/annual-reports")
@requires("yswd.edit")
def annual_reports():
    return render_template("staff/yswd/annual_reports.html", reports=annual_report.all_reports())


@bp.route("/annual-reports/new", methods=["GET", "POST"])
@requires("yswd.edit")
def new_annual_report():
    form = PeriodForm()
    error = None
    if form.validate_on_submit():
        try:
            report = annual_report.prepare(g.user, form.start, form.end, form.title.data)
        except YswdError as problem:
            error = str(problem)
        else:
            db.session.commit()
            flash(_("Figures counted and frozen. Now write the statement."), "success")
            return redirect(url_for(".annual_report_statement", report_id=report.id))
    return render_template("staff/yswd/annual_new.html", form=form, error=error,
                           error_title_prefix=bool(form.errors or error))


@bp.route("/annual-reports/<int:report_id>")
@requires("yswd.edit")
def annual_report_page(report_id: int):
    report = _report_or_404(report_id)
    form = AnnualSignForm(read=annual_report.fingerprint(report))
    return render_template("staff/yswd/annual_report.html", report=report, form=form, party=party_of(g.user.role))


@bp.route("/annual-reports/<int:report_id>/statement", methods=["GET", "POST"])
@requires("yswd.edit")
def annual_report_statement(report_id: int):
    report = _report_or_404(report_id)
    form = StatementForm(obj=report) if request.method == "GET" else StatementForm()
    error = None
    if form.validate_on_submit():
        try:
            changed = annual_report.update_text(report, g.user, title=form.title.data,
                                                joint_statement=form.joint_statement.data or "",
                                                involvement=form.involvement.data or "")
        except YswdError as problem:
            error = str(problem)
        else:
            db.session.commit()
            flash(_("Saved. Both organisations need to sign again.") if changed else _("Nothing changed."), "success")
            return redirect(url_for(".annual_report_page", report_id=report.id))
    return render_template("staff/yswd/annual_statement.html", report=report, form=form, error=error,
                           error_title_prefix=bool(form.errors or error))


@bp.post("/annual-reports/<int:report_id>/prepare-again")
@requires("yswd.edit")
def annual_report_prepare_again(report_id: int):
    report = _report_or_404(report_id)
    try:
        annual_report.prepare_again(report, g.user)
    except YswdError as problem:
        flash(str(problem), "error")
    else:
        db.session.commit()
        flash(_("Figures counted again. Both organisations need to sign again."), "success")
    return redirect(url_for(".annual_report_page", report_id=report.id))


@bp.post("/annual-reports/<int:report_id>/sign")
@requires("yswd.sign")
def annual_report_sign(report_id: int):
    report = _report_or_404(report_id)
    form = AnnualSignForm()
    try:
        annual_report.sign(report, g.user, form.read.data or "")
    except YswdError as problem:
        flash(str(problem), "error")
    else:
        db.session.commit()
        flash(_("Report published") if report.published_at else _("You signed the report"), "success")
    return redirect(url_for(".annual_report_page", report_id=report.id))
