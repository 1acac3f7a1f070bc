"""A listing's history: every recorded version, newest first, and any two side by side.
Moderators see every listing's history; providers see their own organisation's (useful to
check what a moderator changed), never other organisations'."""
from __future__ import annotations

from flask import abort, render_template, request

from ...auth import requires
from ...data.versions import FIELDS, compare as compare_snapshots, get_version, versions_of
from . import bp, presenters
from .access import is_moderator, viewable_service_or_404


@bp.route("/<uuid:service_id>/history")
@requires("account")
def history(service_id):
    found = viewable_service_or_404(service_id)
    versions = versions_of(found.id)
    return render_template("staff/listings/history.html", service=found, versions=versions,
                           label=presenters.label, moderator=is_moderator())


@bp.route("/<uuid:service_id>/history/compare")
@requires("account")
def compare(service_id):
    found = viewable_service_or_404(service_id)
    older = get_version(found.id, request.args.get("from", type=int) or 0)
    newer = get_version(found.id, request.args.get("to", type=int) or 0)
    if older is None or newer is None:
        abort(404)
    if older.number > newer.number:
        older, newer = newer, older
    changes = compare_snapshots(older.snapshot, newer.snapshot, FIELDS)
    return render_template("staff/listings/compare.html", service=found, older=older, newer=newer,
                           rows=presenters.rows(changes), moderator=is_moderator())
