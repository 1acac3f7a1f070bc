"""Problems families report with listings: a list to work through, and one page per report."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...paging import page_number
from ...data import reports
from ...directory.forms import PROBLEM_LABELS
from ...extensions import db
from ...models.reports import PROBLEM_STATUSES
from . import bp
from .forms import NOTE_MAX_CHARS, STATUS_LABELS, UpdateReportForm


@bp.route("/")
@requires("reports.triage")
def index():
    status = request.args.get("status") or None
    if status not in PROBLEM_STATUSES:
        status = None
    counts = reports.count_by_status()
    total = counts[status] if status else sum(counts.values())
    pages = max(1, -(-total // reports.REPORTS_PER_PAGE))
    page = min(page_number(), pages)
    return render_template("staff/reports/index.html", status=status, counts=counts, total=total,
                           page=page, pages=pages, items=reports.list_reports(status, page=page),
                           status_labels=STATUS_LABELS, reason_labels=PROBLEM_LABELS)


@bp.route("/<report_id>", methods=["GET", "POST"])
@requires("reports.triage")
def report(report_id: str):
    found = reports.get_report(report_id)
    if found is None:
        abort(404)
    form = UpdateReportForm(obj=found)
    if form.validate_on_submit():
        reports.update_report(found, form.status.data, form.staff_note.data or "", g.user)
        db.session.commit()
        flash(_("Report updated: %(status)s", status=STATUS_LABELS[found.status]), "success")
        return redirect(url_for(".report", report_id=str(found.id)))
    return render_template("staff/reports/report.html", report=found, form=form,
                           others=reports.other_reports(found), handler=reports.handler_of(found),
                           status_labels=STATUS_LABELS, reason_labels=PROBLEM_LABELS,
                           note_max=NOTE_MAX_CHARS, error_title_prefix=bool(form.errors))
