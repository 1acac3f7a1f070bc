"""Insight for commissioners (issue 9): the shared pieces. Every figure on an insight page is
a cell of a `Table`, and each page is one `Section` of tables built by ONE function per section
(data/insight_coverage.py, insight_searches.py, insight_voice.py, insight_access.py). The page,
its CSV and its JSON are all drawn from that same Section, so an export is exactly what the
page shows, suppression and flags included.

Nothing here is personal: services are counted, searches are counted (their words only when
at least SUPPRESSION_THRESHOLD different searches used them), and family voice goes through
the survey's disclosure control."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date

from flask_babel import gettext as _, lazy_gettext as _l

from ..vocab import CATEGORIES, QUADRANTS


@dataclass(frozen=True)
class AgeBand:
    key: str
    low: int
    high: int

    @property
    def label(self) -> str:
        return _("%(low)d to %(high)d", low=self.low, high=self.high)

    def overlaps(self, low: int, high: int) -> bool:
        """A service for ages low..high serves this band if it takes at least one of its ages."""
        return low <= self.high and high >= self.low

    def __contains__(self, age: int) -> bool:
        return self.low <= age <= self.high


# The bands commissioners plan by: early years, primary, secondary, post-16, post-19.
AGE_BANDS = (AgeBand("0-4", 0, 4), AgeBand("5-10", 5, 10), AgeBand("11-15", 11, 15),
             AgeBand("16-18", 16, 18), AgeBand("19-25", 19, 25))
BANDS_BY_KEY = {band.key: band for band in AGE_BANDS}

# Periods for searches and family voice, in months (0: everything we have).
PERIODS = {3: _l("Last 3 months"), 6: _l("Last 6 months"), 12: _l("Last 12 months"),
           24: _l("Last 2 years"), 0: _l("All time")}
DEFAULT_PERIOD = 12

# How a cell is marked, in words as well as style, so colour is never the only signal.
FLAGS = {
    "none": _l("None"),
    "thin": _l("Thin"),
    "not-expected": _l("Not expected at this age"),
}


@dataclass(frozen=True)
class InsightFilters:
    """What the reader narrowed the pages to. Coverage and access describe the directory
    today, so `months` does not apply to them; `category` narrows coverage by need."""

    quadrant: str = ""
    band: str = ""
    category: str = ""
    months: int = DEFAULT_PERIOD

    @classmethod
    def from_args(cls, args) -> InsightFilters:
        """Lenient like the search: anything unknown is ignored, never an error page."""
        quadrant = str(args.get("quadrant", "")).strip().lower()
        band = str(args.get("band", "")).strip()
        category = str(args.get("category", "")).strip().lower()
        raw_months = str(args.get("months", "")).strip()
        months = int(raw_months) if raw_months.isdigit() and int(raw_months) in PERIODS else DEFAULT_PERIOD
        return cls(quadrant if quadrant in QUADRANTS else "", band if band in BANDS_BY_KEY else "",
                   category if category in CATEGORIES else "", months)

    def to_args(self, **changes) -> dict[str, str | int]:
        values = {**asdict(self), **changes}
        args = {k: v for k, v in values.items() if v and k != "months"}
        if values["months"] != DEFAULT_PERIOD:
            args["months"] = values["months"]
        return args

    @property
    def quadrants(self) -> list[str]:
        return [self.quadrant] if self.quadrant else list(QUADRANTS)

    @property
    def bands(self) -> list[AgeBand]:
        return [BANDS_BY_KEY[self.band]] if self.band else list(AGE_BANDS)

    def since(self, today: date) -> date | None:
        """The first day of the period: the 1st of the month, `months` months back (this
        month included), or None for all time."""
        if not self.months:
            return None
        index = today.year * 12 + today.month - 1 - (self.months - 1)
        return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from first's month to last's, oldest first."""
    out, index = [], first.year * 12 + first.month - 1
    end = last.year * 12 + last.month - 1
    while index <= end:
        out.append(date(index // 12, index % 12 + 1, 1))
        index += 1
    return out


# -- tables ------------------------------------------------------------------------------------

@dataclass
class Cell:
    text: str  # exactly as the page shows it: "3", "fewer than 5", "62%", "6 weeks"
    value: int | float | None = None  # the number, or None where it is hidden or not a number
    href: str | None = None  # where the figure can be checked (a directory search)
    flag: str | None = None  # a FLAGS key
    detail: str = ""  # a short qualifier shown under the figure ("1 temporarily closed")

    @property
    def flag_label(self) -> str:
        return str(FLAGS[self.flag]) if self.flag else ""


@dataclass
class Column:
    key: str
    label: str
    group: str = ""  # columns sharing a group get one heading above them


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]


@dataclass
class Bar:
    """One bar, shaped for the survey's accessible chart macro (components/survey_charts.html,
    `bars`): `percent` is the bar's length (0 to 100) and `percent_text` the figure printed
    beside it. The bars are hidden from screen readers; the table below carries the numbers."""

    label: str
    count: int
    percent: int
    percent_text: str
    suppressed: bool = False
    excluded: bool = False

    @property
    def count_text(self) -> str:
        return self.percent_text


@dataclass
class Chart:
    cells: list[Bar]


def chart(items: list[tuple[str, int | float | None, str]]) -> Chart | None:
    """Bars from (label, value, text), lengths relative to the largest; hidden values get none."""
    top = max((v for _label, v, _text in items if v), default=0)
    if not top:
        return None
    return Chart([Bar(label, int(value or 0), round(100 * (value or 0) / top) if value else 0, text,
                      suppressed=value is None) for label, value, text in items])


@dataclass
class Table:
    key: str
    caption: str
    summary: str  # one line saying what the table shows, for everyone
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart: Chart | None = None
    heading: str = ""  # an optional heading above the table (a band, a question)
    row_heading: str = ""  # what the rows are ("Need", "Month")

    @property
    def has_groups(self) -> bool:
        return any(c.group for c in self.columns)

    def column_groups(self) -> list[tuple[str, int]]:
        """(group heading, how many columns) in order, for a two-row table head."""
        groups: list[tuple[str, int]] = []
        for column in self.columns:
            if groups and groups[-1][0] == column.group and column.group:
                groups[-1] = (column.group, groups[-1][1] + 1)
            else:
                groups.append((column.group, 1))
        return groups

    def cell(self, row_key: str, column_key: str) -> Cell:
        row = next(r for r in self.rows if r.key == row_key)
        return row.cells[[c.key for c in self.columns].index(column_key)]


@dataclass
class Section:
    key: str
    title: str
    filters: InsightFilters
    tables: list[Table]
    notes: list[str] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def count_cell(value: int, href: str | None = None, thin_max: int | None = None, detail: str = "") -> Cell:
    """A count of services, flagged "none" at 0 and "thin" up to thin_max (when given)."""
    flag = None
    if thin_max is not None:
        flag = "none" if value == 0 else ("thin" if value <= thin_max else None)
    return Cell(str(value), value, href, flag, detail)


def share_text(part: int, whole: int) -> tuple[str, int | None]:
    """'25%' and 25, or a dash where there is nothing to divide by."""
    if not whole:
        return "–", None
    value = (200 * part + whole) // (2 * whole)  # whole percent, halves up (as the survey does)
    return f"{value}%", value


# -- exports -----------------------------------------------------------------------------------

def csv_rows(section: Section) -> Iterator[list[str]]:
    """One line per figure: where it is on the page, what the page shows, and the number."""
    yield ["section", "table", "row", "column", "shown", "number", "flag", "detail"]
    for table in section.tables:
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells):
                label = f"{column.group}: {column.label}" if column.group else column.label
                number = "" if cell.value is None else str(cell.value)
                yield [section.title, table.caption, row.label, label, cell.text, number, cell.flag_label, cell.detail]


def as_json(section: Section) -> dict:
    return {
        "section": section.key,
        "title": section.title,
        "filters": asdict(section.filters),
        "notes": section.notes,
        "tables": [{
            "key": t.key, "caption": t.caption, "summary": t.summary, "notes": t.notes,
            "columns": [{"key": c.key, "label": c.label, "group": c.group} for c in t.columns],
            "rows": [{"key": r.key, "label": r.label,
                      "cells": [{"column": c.key, "shown": cell.text, "number": cell.value, "flag": cell.flag,
                                 "detail": cell.detail, "check": cell.href}
                                for c, cell in zip(t.columns, r.cells)]} for r in t.rows],
        } for t in section.tables],
    }
