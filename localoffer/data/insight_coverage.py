"""Coverage: how many services families can find today for each need (or type of service),
part of Essex and age band, with empty and thin cells marked.

A countywide service is available in every quadrant, so each quadrant has two figures: the
services based there ("local") and those plus the countywide ones ("with countywide", what a
family there can actually use); a separate column counts the countywide services. Every figure
links to the directory search that finds exactly those services (a quadrant search always
includes countywide services; `countywide=exclude` / `only` narrows it), so a reader can check
it. Services are counted as the directory shows them: published, open or temporarily closed,
and in season."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from urllib.parse import urlencode

from flask import current_app, g, url_for
from flask_babel import gettext as _

from ..search.query import SearchQuery
from ..vocab import CATEGORIES, NEEDS, QUADRANTS
from .insight import AgeBand, Cell, Column, InsightFilters, Row, Section, Table, chart, count_cell
from .insight_directory import Listing, directory_listings

COUNTYWIDE_COLUMN = "countywide"
# The types of service the inspection asked about: therapies, short breaks, holiday activities
# and post-16 (vocab.CATEGORIES: "Health and therapies", "Social care and short breaks",
# "Leisure, clubs and holiday activities", "Preparing for adulthood and post-16").
PRIORITY_CATEGORIES = ("health", "social-care", "leisure", "adulthood")
# Preparing for adulthood starts from Year 9 (SEND Code of Practice 8.5), so an empty post-16
# cell for young children is not a gap.
NOT_EXPECTED = {("adulthood", "0-4"), ("adulthood", "5-10")}


# What coverage counts: the directory's findable listings (data/insight_directory.py).
Offer = Listing


def findable_offers(today: date | None = None) -> list[Offer]:
    return [listing for listing in directory_listings(today or date.today()) if listing.findable]


def thin_max() -> int:
    return int(current_app.config["INSIGHT_THIN_MAX"])


def _search_url(band: AgeBand, *, need: str = "", category: str = "", quadrant: str = "",
                countywide: str = "") -> str:
    query = SearchQuery(needs=(need,) if need else (), categories=(category,) if category else (),
                        quadrants=(quadrant,) if quadrant else (), age=band.low, age_to=band.high,
                        countywide=countywide)
    # Thousands of links per page: build the search address once, then only its arguments.
    base = g.get("insight_search_path") or g.setdefault("insight_search_path", url_for("directory.search"))
    return f"{base}?{urlencode(query.to_args(), doseq=True)}"


def _columns(filters: InsightFilters) -> list[Column]:
    columns = []
    for quadrant in filters.quadrants:
        group = str(QUADRANTS[quadrant])
        columns += [Column(f"{quadrant}:local", _("Based here"), group),
                    Column(f"{quadrant}:all", _("With countywide"), group)]
    columns.append(Column(COUNTYWIDE_COLUMN, _("Countywide"), _("All of Essex")))
    return columns


def _row(key: str, label: str, offers: list[Offer], band: AgeBand, filters: InsightFilters,
         link: dict[str, str] | None, not_expected: bool) -> Row:
    """One row of a band's table: offers are already narrowed to the row's need or category.
    `link` holds the row's search arguments (None: figures only, for counting gaps)."""
    serving = [o for o in offers if band.overlaps(o.low, o.high)]
    county = sum(o.countywide for o in serving)
    local = Counter(q for o in serving if not o.countywide for q in o.quadrants)
    limit = None if not_expected else thin_max()

    def cell(found: int, **where) -> Cell:
        made = count_cell(found, None if link is None else _search_url(band, **link, **where), limit)
        if not_expected and not found:
            made.flag = "not-expected"
        return made

    cells = []
    for quadrant in filters.quadrants:
        cells += [cell(local[quadrant], quadrant=quadrant, countywide="exclude"),
                  cell(local[quadrant] + county, quadrant=quadrant)]
    cells.append(cell(county, countywide="only"))
    return Row(key, label, cells)


def _grouped(offers: list[Offer], attribute: str) -> dict[str, list[Offer]]:
    """Offers by each of their needs (or categories), in one pass over the directory."""
    groups: dict[str, list[Offer]] = defaultdict(list)
    for offer in offers:
        for code in getattr(offer, attribute):
            groups[code].append(offer)
    return groups


def _gap_summary(table: Table, what: str) -> str:
    with_county = [cell for row in table.rows for col, cell in zip(table.columns, row.cells)
                   if col.key.endswith(":all")]
    local = [cell for row in table.rows for col, cell in zip(table.columns, row.cells)
             if col.key.endswith(":local")]
    return _("%(what)s: %(none)d of %(cells)d cells have no service a family there can use, and %(thin)d are "
             "thin (%(limit)d or fewer). Counting only services based in the area, %(local_none)d are empty.",
             what=what, none=sum(c.flag == "none" for c in with_county), cells=len(with_county),
             thin=sum(c.flag == "thin" for c in with_county), limit=thin_max(),
             local_none=sum(c.flag == "none" for c in local))


def _band_table(key: str, caption: str, band: AgeBand, rows: list[Row], filters: InsightFilters) -> Table:
    table = Table(key, caption, "", _columns(filters), rows, heading=_("Ages %(band)s", band=band.label),
                  row_heading=_("Need") if key.startswith("need-") else _("Type of service"))
    table.summary = _gap_summary(table, _("Ages %(band)s", band=band.label))
    return table


def need_tables(offers: list[Offer], filters: InsightFilters, category: str = "", links: bool = True) -> list[Table]:
    """Need × quadrant, one table per age band, for one type of service or all of them."""
    by_need = _grouped([o for o in offers if not category or category in o.categories], "needs")
    kind = str(CATEGORIES[category]) if category else _("all types of service")
    tables = []
    for band in filters.bands:
        rows = [_row(need, str(label), by_need[need], band, filters,
                     {"need": need, "category": category} if links else None,
                     (category, band.key) in NOT_EXPECTED)
                for need, label in NEEDS.items()]
        tables.append(_band_table(f"need-{band.key}", _("Services by need for ages %(band)s (%(kind)s)",
                                                        band=band.label, kind=kind), band, rows, filters))
    return tables


def category_tables(offers: list[Offer], filters: InsightFilters) -> list[Table]:
    by_category = _grouped(offers, "categories")
    tables = []
    for band in filters.bands:
        rows = [_row(category, str(label), by_category[category], band, filters,
                     {"category": category}, (category, band.key) in NOT_EXPECTED)
                for category, label in CATEGORIES.items()]
        tables.append(_band_table(f"category-{band.key}", _("Services by type for ages %(band)s", band=band.label),
                                  band, rows, filters))
    return tables


def gaps_by_type(offers: list[Offer], filters: InsightFilters) -> Table:
    """For all services and each priority type: how many need and age cells have no service
    (countywide included) or a thin one, in each part of Essex. Each figure opens the coverage
    page for that type and part of Essex."""
    columns = []
    for quadrant in filters.quadrants:
        group = str(QUADRANTS[quadrant])
        columns += [Column(f"{quadrant}:none", _("No service"), group), Column(f"{quadrant}:thin", _("Thin"), group)]
    rows, totals = [], dict.fromkeys(filters.quadrants, 0)
    for category in ("", *PRIORITY_CATEGORIES):
        tables = need_tables(offers, filters, category, links=False)
        cells = []
        for quadrant in filters.quadrants:
            flags = [t.cell(r.key, f"{quadrant}:all").flag for t in tables for r in t.rows]
            href = url_for("staff_insight.section", name="coverage",
                           **filters.to_args(quadrant=quadrant, category=category, months=filters.months))
            for flag in ("none", "thin"):
                n = flags.count(flag)
                cells.append(Cell(str(n), n, href))
                if category:
                    totals[quadrant] += n
        rows.append(Row(category or "all", str(CATEGORIES[category]) if category else _("All types of service"),
                        cells))
    worst = max(totals, key=totals.get)
    summary = _("Need and age cells with no service a family can use, or a thin choice. Across therapies, short "
                "breaks, holiday activities and post-16, the most gaps are in %(area)s (%(num)d cells).",
                area=str(QUADRANTS[worst]), num=totals[worst])
    return Table("gaps-by-type", _("Gaps in need and age cells, by type of service and part of Essex"), summary,
                 columns, rows, row_heading=_("Type of service"),
                 chart=chart([(str(QUADRANTS[q]), totals[q], str(totals[q])) for q in filters.quadrants]),
                 notes=[_("Each figure counts cells of need (%(needs)d) and age band (%(bands)d) with services "
                          "based there and countywide ones together. The chart adds up the four priority types.",
                          needs=len(NEEDS), bands=len(filters.bands))])


def coverage_section(filters: InsightFilters, offers: list[Offer] | None = None) -> Section:
    """The gaps at a glance, then need × quadrant × age band (narrowed to one type of service
    if chosen), then type of service × quadrant × age band, one table per band."""
    offers = findable_offers() if offers is None else offers
    tables = [gaps_by_type(offers, filters), *need_tables(offers, filters, filters.category),
              *category_tables(offers, filters)]
    closed = sum(o.temporarily_closed for o in offers)
    notes = [_("A countywide service is open to families in every part of Essex. ‘Based here’ counts only "
               "services for that part of Essex; ‘With countywide’ adds the countywide ones."),
             _("‘Thin’ means %(limit)d or fewer services. Services are counted as families find them today: "
               "published, open or temporarily closed (%(closed)d are), and in season.", limit=thin_max(),
               closed=closed),
             _("Each number links to the directory search that finds exactly those services.")]
    return Section("coverage", _("Coverage: where services are missing or thin"), filters, tables, notes)
