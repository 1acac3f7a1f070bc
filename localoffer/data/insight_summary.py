"""The one-page summary of one part of Essex, for partnership meetings, and the headline
figures on the insight overview. Every figure is taken from a cell of the full sections (same
number, same suppression, same link), never counted again."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask_babel import gettext as _

from ..vocab import CATEGORIES, NEEDS, QUADRANTS
from .insight import AGE_BANDS, Cell, Column, InsightFilters, Row, Section, Table
from .insight_access import access_section
from .insight_coverage import PRIORITY_CATEGORIES, coverage_section, thin_max
from .insight_searches import searches_section
from .insight_voice import voice_section

TOP = 5


def _band_columns() -> list[Column]:
    return [Column(band.key, band.label, _("Ages")) for band in AGE_BANDS]


def _coverage_tables(coverage: Section, quadrant: str) -> list[Table]:
    """Services a family in the quadrant can use (countywide included), need by age band, and
    the priority types by age band."""
    column = f"{quadrant}:all"
    needs = [Row(need, str(label), [coverage.table(f"need-{b.key}").cell(need, column) for b in AGE_BANDS])
             for need, label in NEEDS.items()]
    kinds = [Row(c, str(CATEGORIES[c]), [coverage.table(f"category-{b.key}").cell(c, column) for b in AGE_BANDS])
             for c in PRIORITY_CATEGORIES]
    empty = sum(cell.flag == "none" for row in needs for cell in row.cells)
    thin = sum(cell.flag == "thin" for row in needs for cell in row.cells)
    where = str(QUADRANTS[quadrant])
    return [
        Table("needs", _("Services a family in %(where)s can use, by need and age", where=where),
              _("%(empty)d need and age cells have no service and %(thin)d are thin, countywide services included.",
                empty=empty, thin=thin), _band_columns(), needs),
        Table("types", _("Therapies, short breaks, holiday activities and post-16 in %(where)s", where=where),
              _("Services a family in %(where)s can use, by type and age, countywide services included.",
                where=where), _band_columns(), kinds),
    ]


def _top_rows(table: Table, column: int, limit: int = TOP) -> list[Row]:
    named = [r for r in table.rows if r.key and r.cells[column].value]
    return sorted(named, key=lambda r: -r.cells[column].value)[:limit]


def _searches_table(searches: Section, quadrant: str) -> Table:
    by_need = searches.table("by-need")
    rows = _top_rows(by_need, 3)
    totals = searches.table("totals").rows[0]
    return Table("searches", _("Needs searched for most without finding much"),
                 _("%(unmet)s of %(all)s searches here found very little (%(share)s).", unmet=totals.cells[3].text,
                   all=totals.cells[0].text, share=totals.cells[4].text),
                 by_need.columns, rows or [], notes=[_("The %(n)d needs with the most searches that found very little.",
                                                       n=TOP)])


def _voice_tables(voice: Section, quadrant: str) -> list[Table]:
    wall = voice.table("wall-themes-by-area")
    rows = [Row(r.key, r.label, [r.cells[0]]) for r in wall.rows[:-1]]
    rows = sorted(rows, key=lambda r: -(r.cells[0].value or 0))[:TOP]
    total = wall.rows[-1].cells[0]
    tables = [Table("wall", _("What families said on the wall"),
                    _("%(num)s comments from this area were published in the period.", num=total.text),
                    [Column("comments", _("Published comments"))], rows)]
    survey = [t for t in voice.tables if t.key.startswith("survey-")]
    if survey:
        columns = [Column("here", _("Here")), Column("essex", _("All of Essex"))]
        rows = [Row(t.key, t.caption, [t.cell(quadrant, t.columns[-1].key), t.cell("all", t.columns[-1].key)])
                for t in survey]
        latest = survey[0].columns[-1].label
        tables.append(Table("survey", _("Family Impact Survey: %(wave)s", wave=latest),
                            _("The share who agreed (or said better) here and across Essex, in the latest wave."),
                            columns, rows))
    return tables


def _access_table(access: Section, quadrant: str) -> Table:
    waiting = access.table("waiting")
    routes = access.table("routes-by-area")
    overdue = access.table("overdue-by-area")
    wait = [Row(r.key, _("Typical wait: %(kind)s", kind=r.label), [r.cells[0]])
            for r in waiting.rows if r.key in PRIORITY_CATEGORIES]
    own = routes.rows[0]
    self_referral = Cell(own.cells[0].detail or "–", None, detail=_("%(num)d services", num=own.cells[-1].value))
    late = overdue.rows[0].cells[2]
    rows = [*wait, Row("self-referral", _("Services here that take self-referrals"), [self_referral]),
            Row("overdue", _("Listings here overdue for review"), [late])]
    return Table("access", _("Waiting, referrals and out-of-date listings"),
                 _("Typical waits for the priority types of service, how many services take self-referrals, and "
                   "how many listings are overdue for review."), [Column("figure", _("Figure"))], rows)


def quadrant_summary(quadrant: str, filters: InsightFilters, today: date | None = None) -> Section:
    """Everything on one page for one part of Essex (the period filter still applies)."""
    today = today or date.today()
    filters = replace(filters, quadrant=quadrant, band="", category="")
    coverage = coverage_section(filters)
    tables = [*_coverage_tables(coverage, quadrant), _searches_table(searches_section(filters, today), quadrant),
              *_voice_tables(voice_section(filters, today), quadrant), _access_table(access_section(filters, today),
                                                                                     quadrant)]
    notes = [_("Countywide services are counted in every part of Essex. ‘Thin’ means %(n)d or fewer services.",
               n=thin_max()),
             _("Numbers from 1 to 4 about families are shown as ‘fewer than 5’.")]
    return Section(f"quadrant-{quadrant}", _("%(where)s: Local Offer insight", where=str(QUADRANTS[quadrant])),
                   filters, tables, notes)


def overview_section(filters: InsightFilters, today: date | None = None) -> Section:
    """The first tables of each section, side by side: where to look first."""
    today = today or date.today()
    coverage = coverage_section(replace(filters, category=""))
    searches = searches_section(filters, today)
    voice = voice_section(filters, today)
    access = access_section(filters, today)
    wall = voice.table("wall-themes-by-area")
    everyone = wall.rows[-1]
    wall_table = Table("wall-by-area", _("Published wall comments by part of Essex"), wall.summary,
                       wall.columns, [everyone], notes=wall.notes)
    tables = [coverage.table("gaps-by-type"), searches.table("totals"), searches.table("by-quadrant"),
              searches.table("by-need"), wall_table, access.table("overdue-by-area")]
    notes = [*coverage.notes[:2], *searches.notes]
    return Section("overview", _("Insight for commissioners"), filters, tables, notes)
