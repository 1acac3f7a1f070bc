"""The one-page summary of one part of Essex, for partnership meetings, and the headline
figures on the insight overview. Every figure is taken from a cell of the full sections (same
number, same suppression, same link), never counted again."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask_babel import gettext as _, ngettext

from ..models import Survey
from ..extensions import db
from ..vocab import CATEGORIES, QUADRANTS
from .insight import AGE_BANDS, Cell, Column, InsightFilters, Row, Section, Table
from .insight_access import access_section
from .insight_coverage import PRIORITY_CATEGORIES, Offer, coverage_section, findable_offers, need_tables, thin_max
from .insight_searches import searches_section
from .insight_voice import voice_section

TOP = 5
GAP_ROWS = 10  # gap cells listed on the printed page; the rest are on the coverage page


def _band_columns() -> list[Column]:
    return [Column(band.key, band.label, _("Ages")) for band in AGE_BANDS]


def _coverage_tables(coverage: Section, offers: list[Offer], quadrant: str) -> list[Table]:
    """The gaps to discuss (priority types of service by need and age with no service or a thin
    one, countywide included) and the priority types by age band."""
    where = str(QUADRANTS[quadrant])
    gaps = []
    for category in PRIORITY_CATEGORIES:
        for table, band in zip(need_tables(offers, coverage.filters, category), AGE_BANDS):
            for row in table.rows:
                here = table.cell(row.key, f"{quadrant}:all")
                if here.flag in ("none", "thin"):
                    label = _("%(kind)s: %(need)s, ages %(band)s", kind=CATEGORIES[category], need=row.label,
                              band=band.label)
                    gaps.append(Row(f"{category}:{row.key}:{band.key}", label,
                                    [here, table.cell(row.key, f"{quadrant}:local")]))
    gaps.sort(key=lambda r: r.cells[0].value)  # none first; stable, so type and age order stay
    shown = gaps[:GAP_ROWS]
    notes = [ngettext("%(num)d more on the coverage page.", "%(num)d more on the coverage page.",
                      len(gaps) - len(shown))] if len(gaps) > len(shown) else []
    kinds = [Row(c, str(CATEGORIES[c]), [coverage.table(f"category-{b.key}").cell(c, f"{quadrant}:all")
                                         for b in AGE_BANDS]) for c in PRIORITY_CATEGORIES]
    return [
        Table("gaps", _("Gaps to discuss in %(where)s", where=where),
              _("%(none)d need and age cells of therapies, short breaks, holiday activities and post-16 have no "
                "service a family here can use, and %(thin)d are thin.", none=sum(r.cells[0].flag == "none" for r in gaps),
                thin=sum(r.cells[0].flag == "thin" for r in gaps)),
              [Column("all", _("With countywide")), Column("local", _("Based here"))], shown,
              row_heading=_("Type, need and ages"), notes=notes),
        Table("types", _("Therapies, short breaks, holiday activities and post-16"),
              _("Services a family in %(where)s can use, by type and age, countywide services included.",
                where=where), _band_columns(), kinds, row_heading=_("Type of service")),
    ]


def _top_rows(table: Table, column: int, limit: int = TOP) -> list[Row]:
    named = [r for r in table.rows if r.key and r.cells[column].value]
    return sorted(named, key=lambda r: -r.cells[column].value)[:limit]


def _searches_tables(searches: Section) -> list[Table]:
    """The needs with the most searches here that found very little (searches, how many found
    very little, the share), and the words most used here in searches that found nothing (only
    those used in enough searches to show): the same cells as the searches page."""
    by_need = searches.table("by-need")
    keep = [0, 3, 4]  # searches, found very little, share
    rows = [Row(r.key, r.label, [r.cells[i] for i in keep]) for r in _top_rows(by_need, 3)]
    totals = searches.table("totals").rows[0]
    words = searches.table("zero-words")
    return [Table("searches", _("Needs searched for most without finding much"),
                  _("%(unmet)s of %(all)s searches here found very little (%(share)s).", unmet=totals.cells[3].text,
                    all=totals.cells[0].text, share=totals.cells[4].text),
                  [by_need.columns[i] for i in keep], rows, row_heading=_("Need"),
                  notes=[] if rows else [_("No search here that named a need found very little.")]),
            Table("words", words.caption, words.summary, words.columns, words.rows[:TOP], row_heading=_("Word"),
                  notes=words.notes[:1])]


def _voice_tables(voice: Section, quadrant: str) -> list[Table]:
    wall = voice.table("wall-themes-by-area")
    rows = [Row(r.key, r.label, [r.cells[0]]) for r in wall.rows[:-1]]
    rows = sorted(rows, key=lambda r: -(r.cells[0].value or 0))[:TOP]
    total = wall.rows[-1].cells[0]
    tables = [Table("wall", _("What families said on the wall"),
                    _("%(num)s comments from this area were published in the period.", num=total.text),
                    [Column("comments", _("Published comments"))], rows, row_heading=_("Theme"))]
    survey = [t for t in voice.tables if t.key.startswith("survey-")]
    if survey:
        wave = _latest_closed(survey[0])
        columns = [Column("here", _("Here")), Column("essex", _("All of Essex"))]
        rows = [Row(t.key, t.caption, [t.cell(quadrant, wave.key), t.cell("all", wave.key)])
                for t in survey if wave.key in [c.key for c in t.columns]]
        tables.append(Table("survey", wave.label,
                            _("The share who agreed (or said better) here and across Essex."),
                            columns, rows, row_heading=_("Question")))
    return tables


def _latest_closed(table: Table) -> Column:
    """The newest wave whose answers are all in (a closed one), or the newest if none is."""
    closed = [c for c in table.columns if (wave := db.session.get(Survey, int(c.key))) and wave.status == "closed"]
    return (closed or table.columns)[-1]


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
                   "how many listings are overdue for review."), [Column("figure", _("Figure"))], rows,
                 row_heading=_("What"))


def quadrant_summary(quadrant: str, filters: InsightFilters, today: date | None = None) -> Section:
    """Everything on one page for one part of Essex (the period filter still applies)."""
    today = today or date.today()
    filters = replace(filters, quadrant=quadrant, band="", category="")
    offers = findable_offers()
    gaps, types = _coverage_tables(coverage_section(filters, offers), offers, quadrant)
    wall, *survey = _voice_tables(voice_section(filters, today), quadrant)
    # In reading order for two columns on paper: gaps, then types and access; searches, the wall, the survey.
    tables = [gaps, types, _access_table(access_section(filters, today), quadrant),
              *_searches_tables(searches_section(filters, today)), wall, *survey]
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
