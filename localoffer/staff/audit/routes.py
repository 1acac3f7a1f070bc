"""The audit log: admins read it page by page and export it as CSV. Exports are audited too."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from flask import Response, abort, render_template, request, stream_with_context

from ...auth import requires
from ...paging import page_number
from ...data import audit
from ...extensions import db
from ...models.base import as_utc
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


def _csv_cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@bp.route("/export.csv")
@requires("audit.view")
def export():
    action = request.args.get("action") or None
    if action and action not in audit.ACTIONS:
        action = None
    # Record the export first, so the file includes its own line.
    audit.record("export", subject_type="audit-log", detail=f"audit log CSV{' for ' + action if action else ''}")
    db.session.commit()

    def generate():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["when (UTC)", "who", "action", "subject type", "subject id", "detail"])
        for event in audit.iter_events(action=action):
            when = as_utc(event.created_at).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([when, _csv_cell(event.actor), event.action, event.subject_type, event.subject_id,
                             _csv_cell(event.detail)])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate(0)

    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    return Response(stream_with_context(generate()), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="audit-log-{stamp}.csv"'})
