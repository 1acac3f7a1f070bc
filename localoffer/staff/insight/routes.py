"""Insight pages: thin views over data/insight_*.py. Each page, its CSV and its JSON come from
the same Section, so a download is exactly what the page shows."""
from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from flask import Response, abort, jsonify, render_template, request

from ...auth import requires
from ...data import audit
from ...data.insight import PERIODS, InsightFilters, Section, as_json, csv_rows
from ...data.insight_access import access_section
from ...data.insight_coverage import coverage_section
from ...data.insight_searches import searches_section
from ...data.insight_summary import overview_section, quadrant_summary
from ...data.insight_voice import voice_section
from ...extensions import db
from ...spreadsheet import csv_lines, download
from ...vocab import QUADRANTS
from . import bp
from .forms import InsightFilterForm

# Each section: how it is built and which filters it uses (the others do not apply to it).
SECTIONS = {
    "overview": (lambda f, today: overview_section(f, today), ("quadrant", "band", "months")),
    "coverage": (lambda f, today: coverage_section(f), ("quadrant", "band", "category")),
    "searches": (searches_section, ("quadrant", "band", "months")),
    "voice": (voice_section, ("quadrant", "months")),
    "access": (access_section, ("quadrant",)),
}
FORMATS = ("csv", "json")


def _filters(used: tuple[str, ...]) -> InsightFilters:
    """The filters from the address, with those the section does not use left at their defaults."""
    given = InsightFilters.from_args(request.args)
    defaults = InsightFilters()
    return replace(given, **{f.name: getattr(defaults, f.name) for f in fields(InsightFilters) if f.name not in used})


def _section(name: str) -> tuple[Section, tuple[str, ...]]:
    if name not in SECTIONS:
        abort(404)
    build, used = SECTIONS[name]
    return build(_filters(used), date.today()), used


def _page(section: Section, used: tuple[str, ...], template: str, **context):
    return render_template(template, section=section, used=used, form=InsightFilterForm.showing(section.filters),
                           sections=SECTIONS, quadrants=QUADRANTS, **context)


def _download(section: Section, fmt: str, name: str):
    audit.record("export", subject_type="insight", subject_id=section.key,
                 detail=f"insight {section.key} {fmt.upper()} (aggregated)")
    db.session.commit()
    filename = f"local-offer-insight-{name}-{date.today().isoformat()}.{fmt}"
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "json":
        response = jsonify(as_json(section))
        response.headers.update(disposition)
        return response
    header, *rows = csv_rows(section)
    return download(csv_lines(header, rows), filename)


@bp.route("/")
@requires("insight.view")
def index():
    section, used = _section("overview")
    return _page(section, used, "staff/insight/section.html", name="overview")


@bp.route("/<name>")
@requires("insight.view")
def section(name: str):
    found, used = _section(name)
    return _page(found, used, "staff/insight/section.html", name=name)


@bp.route("/<name>.<fmt>")
@requires("insight.view")
def export(name: str, fmt: str):
    if fmt not in FORMATS:
        abort(404)
    found, _used = _section(name)
    return _download(found, fmt, name)


def _summary(quadrant: str) -> Section:
    if quadrant not in QUADRANTS:
        abort(404)
    return quadrant_summary(quadrant, _filters(("months",)), date.today())


@bp.route("/quadrants/<quadrant>")
@requires("insight.view")
def quadrant(quadrant: str):
    found = _summary(quadrant)
    return _page(found, ("months",), "staff/insight/quadrant.html", name=f"quadrants/{quadrant}",
                 quadrant=quadrant, today=date.today(), period_label=PERIODS[found.filters.months])


@bp.route("/quadrants/<quadrant>.<fmt>")
@requires("insight.view")
def quadrant_export(quadrant: str, fmt: str):
    if fmt not in FORMATS:
        abort(404)
    return _download(_summary(quadrant), fmt, quadrant)
