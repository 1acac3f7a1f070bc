"""Public "you said, we did" pages and annual reports: only published versions are ever shown."""
from __future__ import annotations

from flask import abort, current_app, render_template, request

from ..data import annual_report, yswd
from ..vocab import QUADRANTS
from ..voice_vocab import THEMES, YSWD_STATUSES
from . import bp


def _choice(name: str, allowed) -> str | None:
    """A filter from the query string; anything unknown is ignored rather than an error."""
    value = request.args.get(name) or None
    return value if value in allowed else None


@bp.route("")
def index():
    status, theme, quadrant = _choice("status", YSWD_STATUSES), _choice("theme", THEMES), _choice("quadrant", QUADRANTS)
    return render_template("yswd/index.html", records=yswd.published_records(status, theme, quadrant),
                           status=status, theme=theme, quadrant=quadrant, is_overdue=yswd.is_overdue)


@bp.route("/<reference>")
def record(reference: str):
    found = yswd.get_published(reference)
    if found is None:
        abort(404)
    record, version = found
    return render_template("yswd/record.html", record=record, version=version, posts=yswd.public_posts(record),
                           survey_figures=yswd.survey_figures(version), reach=yswd.reach(record, version),
                           overdue=yswd.is_overdue(version), history=yswd.published_history(record),
                           forum_days=current_app.config.get("YSWD_FORUM_SIGN_DAYS", 28))


@bp.route("/<reference>/history")
def history(reference: str):
    found = yswd.get_published(reference)
    if found is None:
        abort(404)
    return render_template("yswd/history.html", record=found[0], current=found[1],
                           versions=yswd.published_history(found[0]))


@bp.route("/<reference>/history/<int:number>")
def history_version(reference: str, number: int):
    found = yswd.get_published(reference)
    version = yswd.version(found[0], number) if found else None
    if version is None or version.published_at is None:
        abort(404)
    return render_template("yswd/history_version.html", record=found[0], version=version,
                           current=found[1], overdue=False)


@bp.route("/annual-report")
def annual_reports():
    return render_template("yswd/annual_reports.html", reports=annual_report.published_reports())


@bp.route("/annual-report/<int:report_id>")
def annual_report_page(report_id: int):
    report = annual_report.get_report(report_id)
    if report is None or report.published_at is None:
        abort(404)
    return render_template("yswd/annual_report.html", report=report)


@bp.app_template_filter("yswd_date")
def yswd_date(value: str | None) -> str:
    """A progress entry's date, stored as ISO text in JSON, in words."""
    from datetime import date

    from ..filters import long_date

    try:
        return long_date(date.fromisoformat(value or ""))
    except ValueError:
        return ""


@bp.app_context_processor
def yswd_vocab() -> dict:
    """Labels the "you said, we did" templates (public and staff) look slugs up in."""
    from ..voice_vocab import CHANNELS, FORUM_VIEWS, PARTIES, REG56_CATEGORIES, REFUSAL_REASONS, WALL_STATUSES

    return {"yswd_vocab": {"statuses": YSWD_STATUSES, "views": FORUM_VIEWS, "parties": PARTIES, "themes": THEMES,
                           "quadrants": QUADRANTS, "channels": CHANNELS, "categories": REG56_CATEGORIES,
                           "reasons": REFUSAL_REASONS, "wall_statuses": WALL_STATUSES}}
