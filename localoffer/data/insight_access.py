"""Access: how long families wait and how they get in, by type of service and part of Essex;
and how many listings are overdue for their yearly check.

Waiting times are the `waiting_weeks` providers give on their listing (the "how to access"
section of the provider and moderator forms); the typical wait is the median of the listings
that give one, shown with how many do. Referral routes are the listing's `access_route`.
Both count the services families can find today. The review figures count every listing
that is still reviewed (all but archived ones), as the review queue does."""
from __future__ import annotations

import statistics
from datetime import date

from flask_babel import format_decimal, gettext as _, lazy_gettext as _l, ngettext
from ..vocab import ACCESS_ROUTES, CATEGORIES, COUNTYWIDE, QUADRANTS
from .insight import Cell, Column, InsightFilters, Row, Section, Table, chart, share_text
from .insight_directory import Listing, directory_listings

COUNTYWIDE_ROW = COUNTYWIDE
ALL = "all"
ROUTE_SHORT = {"self-referral": _l("Self-referral"), "referral": _l("Referral needed"),
               "ehcp": _l("EHC plan needed"), "diagnosis": _l("Diagnosis needed")}


def _based(listing: Listing, place: str) -> bool:
    """In a place's row: based in that quadrant, or (the countywide row) countywide."""
    return listing.countywide if place == COUNTYWIDE_ROW else place in listing.quadrants


def _places(filters: InsightFilters) -> list[tuple[str, str]]:
    return [(q, str(QUADRANTS[q])) for q in filters.quadrants] + [(COUNTYWIDE_ROW, _("Countywide"))]


def _wait_cell(found: list[Listing]) -> Cell:
    weeks = [s.waiting_weeks for s in found if s.waiting_weeks is not None]
    if not weeks:
        return Cell(_("Not given"), None, detail=ngettext("%(num)d service", "%(num)d services", len(found)))
    typical = statistics.median(weeks)
    if float(typical).is_integer():
        typical = int(typical)
        text = ngettext("%(num)d week", "%(num)d weeks", typical)
    else:  # the middle of two waits: half a week
        text = _("%(num)s weeks", num=format_decimal(typical, "#,##0.#"))
    return Cell(text, typical,
                detail=_("%(given)d of %(all)d give a wait", given=len(weeks), all=len(found)))


def _waiting_table(findable: list[Listing], filters: InsightFilters) -> Table:
    places = _places(filters)
    columns = [Column(key, label) for key, label in places] + [Column(ALL, _("All of Essex"))]
    rows = []
    for category, label in CATEGORIES.items():
        of_kind = [s for s in findable if category in s.categories]
        cells = [_wait_cell([s for s in of_kind if _based(s, key)]) for key, _label in places]
        cells.append(_wait_cell(of_kind))
        rows.append(Row(category, str(label), cells))
    waits = [r for r in rows if r.cells[-1].value is not None]
    longest = max(waits, key=lambda r: r.cells[-1].value, default=None)
    summary = (_("Typical wait (median) by type of service and part of Essex. Longest across Essex: %(kind)s, "
                 "%(wait)s.", kind=longest.label, wait=longest.cells[-1].text) if longest
               else _("No listing gives a waiting time."))
    return Table("waiting", _("Typical waiting time by type of service"), summary, columns, rows,
                 row_heading=_("Type of service"),
                 chart=chart([(r.label, r.cells[-1].value, r.cells[-1].text) for r in rows]),
                 notes=[_("Only services that give a waiting time on their listing count towards the typical wait.")])


def _route_cells(found: list[Listing]) -> list[Cell]:
    cells = []
    for route in ACCESS_ROUTES:
        n = sum(s.route == route for s in found)
        text, _value = share_text(n, len(found))
        cells.append(Cell(str(n), n, detail=text if found else ""))
    cells.append(Cell(str(len(found)), len(found)))
    return cells


def _routes_tables(findable: list[Listing], filters: InsightFilters) -> list[Table]:
    columns = [Column(route, str(ROUTE_SHORT[route])) for route in ACCESS_ROUTES] + [Column(ALL, _("Services"))]
    where = [s for s in findable if not filters.quadrant or s.serves(filters.quadrant)]
    by_kind = [Row(c, str(label), _route_cells([s for s in where if c in s.categories])) for c, label in CATEGORIES.items()]
    by_place = [Row(key, label, _route_cells([s for s in findable if _based(s, key)]))
                for key, label in _places(filters)]
    open_door = sum(s.route == "self-referral" for s in where)
    share, _value = share_text(open_door, len(where))
    area = str(QUADRANTS[filters.quadrant]) if filters.quadrant else _("all of Essex")
    kind_table = Table("routes-by-type", _("How families get each type of service, %(where)s", where=area),
                       _("%(share)s of services families can use in %(where)s take self-referrals.", share=share,
                         where=area), columns, by_kind, row_heading=_("Type of service"),
                       notes=[_("Services a family there can use: those based there and the countywide ones.")])
    needing = [(r.label, sum(c.value for c in r.cells[1:-1]), r.cells[-1].value) for r in by_place]
    place_table = Table("routes-by-area", _("How families get services, by part of Essex"), "", columns, by_place,
                        row_heading=_("Part of Essex"),
                        chart=chart([(label, share_text(n, total)[1], share_text(n, total)[0])
                                     for label, n, total in needing]))
    strictest = max(needing, key=lambda x: share_text(x[1], x[2])[1] or 0, default=None)
    place_table.summary = (_("Services needing a referral, a plan or a diagnosis are most common in %(where)s "
                             "(%(share)s).", where=strictest[0], share=share_text(strictest[1], strictest[2])[0])
                           if strictest and strictest[2] else _("No services."))
    return [kind_table, place_table]


def _overdue_row(key: str, label: str, found: list[Listing]) -> Row:
    overdue = sum(s.overdue for s in found)
    text, value = share_text(overdue, len(found))
    return Row(key, label, [Cell(str(len(found)), len(found)), Cell(str(overdue), overdue), Cell(text, value)])


def _overdue_tables(everything: list[Listing], filters: InsightFilters) -> list[Table]:
    columns = [Column("listings", _("Listings")), Column("overdue", _("Overdue for review")),
               Column("share", _("Share overdue"))]
    by_place = [_overdue_row(k, label, [s for s in everything if _based(s, k)]) for k, label in _places(filters)]
    where = [s for s in everything if not filters.quadrant or _based(s, filters.quadrant)]
    by_kind = [_overdue_row(c, str(label), [s for s in where if c in s.categories]) for c, label in CATEGORIES.items()]
    total = _overdue_row(ALL, _("All listings"), everything)
    place_table = Table("overdue-by-area", _("Listings overdue for review, by part of Essex"), "", columns,
                        [*by_place, total], row_heading=_("Part of Essex"), chart=chart([(r.label, r.cells[2].value, r.cells[2].text) for r in by_place]))
    worst = max(by_place, key=lambda r: r.cells[2].value or 0)
    place_table.summary = _("%(share)s of all listings are overdue for their yearly check; the most in %(where)s "
                            "(%(worst)s).", share=total.cells[2].text, where=worst.label, worst=worst.cells[2].text)
    area = str(QUADRANTS[filters.quadrant]) if filters.quadrant else _("all of Essex")
    kind_table = Table("overdue-by-type", _("Listings overdue for review by type of service, %(where)s", where=area),
                       "", columns, by_kind, row_heading=_("Type of service"),
                       notes=[_("Listings based in the area (countywide ones are in their own row above).")
                              if filters.quadrant else _("Every listing still reviewed, wherever it is.")])
    worst_kind = max(by_kind, key=lambda r: r.cells[2].value or 0)
    kind_table.summary = _("Most overdue: %(kind)s (%(share)s).", kind=worst_kind.label, share=worst_kind.cells[2].text)
    return [place_table, kind_table]


def access_section(filters: InsightFilters, today: date | None = None) -> Section:
    today = today or date.today()
    everything = directory_listings(today)
    findable = [s for s in everything if s.findable]
    tables = [_waiting_table(findable, filters), *_routes_tables(findable, filters),
              *_overdue_tables(everything, filters)]
    notes = [_("Waiting times and referral routes count the services families can find today. A listing is "
               "overdue when its yearly check is past due; archived listings are not counted.")]
    return Section("access", _("Access: waiting times, referral routes and out-of-date listings"), filters, tables,
                   notes)
