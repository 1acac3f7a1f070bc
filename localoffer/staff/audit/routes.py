"""The audit log: admins read it page by page and export it as CSV. Exports are audited too."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import abort, render_template, request

from ...auth import requires
from ...paging import page_number
from ...data import audit
from ...extensions import db
from ...models.base import as_utc
from ...spreadsheet import csv_lines, download
from . import bp
from .forms import AuditFilterForm
from .labels import action_label

PAGE_SIZE = 50


@bp.route("/")
@requires("audit.view")
def index():
    form = AuditFilterForm(request.args)
    action = form.action.data if form.action.data in audit.ACTIONS else None
    page = page_number()
    total = audit.count_events(action=action)
    rows = list(audit.events(action=action, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE))
    pages = max(1, -(-total // PAGE_SIZE))
    if page > pages and total:
        abort(404)
    return render_template("staff/audit/index.html", form=form, rows=rows, total=total, page=page,
                           pages=pages, action=action or "",
                           action_label=action_label)


@bp.route("/export.csv")
@requires("audit.view")
def export():
    action = request.args.get("action") or None
    if action and action not in audit.ACTIONS:
        action = None
    # Record the export first, so the file includes its own line.
    audit.record("export", subject_type="audit-log", detail=f"audit log CSV{' for ' + action if action else ''}")
    db.session.commit()

    rows = ([as_utc(event.created_at).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S"), event.actor,
             event.action, event.subject_type, event.subject_id, event.detail]
            for event in audit.iter_events(action=action))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    return download(csv_lines(["when (UTC)", "who", "action", "subject type", "subject id", "detail"], rows),
                    f"audit-log-{stamp}.csv")
