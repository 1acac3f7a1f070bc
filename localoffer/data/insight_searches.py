"""Unmet searches: what families looked for and did not find, from the search log.

A search "found very little" when it had INSIGHT_FEW_RESULTS results or fewer (2, the point
where the search itself starts suggesting other spellings); "found nothing" is 0. A search's
part of Essex is the one it chose, or else the one of the place it searched near. A search for
two needs counts once under each, so need rows can add up to more than the total.

The log holds no personal data (see data/searchlog.py). The words of searches that found
nothing are shown only when at least SUPPRESSION_THRESHOLD different searches used them: a rare
word (a child's name, a school, a street, a rare condition in a small village) could point to
one family, and families' own words must never single anyone out."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from flask import current_app
from flask_babel import gettext as _, ngettext
from sqlalchemy import select

from ..extensions import db
from ..filters import month_year
from ..models import SearchLog
from ..reference.gazetteer import lookup_place
from ..search.text import stem, words_of
from ..voice_vocab import SUPPRESSION_THRESHOLD
from ..vocab import NEEDS, QUADRANTS
from .insight import (AGE_BANDS, Cell, Column, InsightFilters, Row, Section, Table, chart, months_between,
                      share_text)

NO_VALUE = ""
TOP_WORDS = 25


@dataclass(frozen=True)
class LoggedSearch:
    hour: datetime
    month: date
    words: str
    needs: tuple[str, ...]
    quadrants: tuple[str, ...]
    band: str
    results: int
    is_demo: bool


def _has_need(search: LoggedSearch, need: str) -> bool:
    return need in search.needs if need else not search.needs


def _in_quadrant(search: LoggedSearch, quadrant: str) -> bool:
    return quadrant in search.quadrants if quadrant else not search.quadrants


def few_results() -> int:
    return int(current_app.config["INSIGHT_FEW_RESULTS"])


def _quadrants(chosen: str, near: str) -> tuple[str, ...]:
    picked = tuple(q for q in chosen.split(",") if q in QUADRANTS)
    if picked or not near:
        return picked
    place = lookup_place(near)
    return (place.quadrant,) if place and place.quadrant in QUADRANTS else ()


def logged_searches(filters: InsightFilters, today: date) -> list[LoggedSearch]:
    since = filters.since(today)
    stmt = select(SearchLog.created_at, SearchLog.query, SearchLog.needs, SearchLog.quadrants, SearchLog.age,
                  SearchLog.near, SearchLog.result_count, SearchLog.is_demo)
    if since is not None:
        stmt = stmt.where(SearchLog.created_at >= datetime.combine(since, time.min, timezone.utc))
    found = []
    for row in db.session.execute(stmt.order_by(SearchLog.created_at)):
        band = next((b.key for b in AGE_BANDS if row.age is not None and row.age in b), NO_VALUE)
        quadrants = _quadrants(row.quadrants, row.near)
        if (filters.band and band != filters.band) or (filters.quadrant and filters.quadrant not in quadrants):
            continue
        created = row.created_at
        found.append(LoggedSearch(created, date(created.year, created.month, 1), row.query,
                                  tuple(n for n in row.needs.split(",") if n in NEEDS), quadrants, band,
                                  row.result_count, row.is_demo))
    return found


def _columns() -> list[Column]:
    return [Column("searches", _("Searches")), Column("nothing", _("Found nothing")),
            Column("little", _("Found 1 to %(n)d", n=few_results())), Column("unmet", _("Found very little")),
            Column("share", _("Share that found very little"))]


def _counts_row(key: str, label: str, searches: list[LoggedSearch]) -> Row:
    few = few_results()
    nothing = sum(s.results == 0 for s in searches)
    unmet = sum(s.results <= few for s in searches)
    share, share_value = share_text(unmet, len(searches))
    return Row(key, label, [Cell(str(len(searches)), len(searches)), Cell(str(nothing), nothing),
                            Cell(str(unmet - nothing), unmet - nothing), Cell(str(unmet), unmet),
                            Cell(share, share_value)])


def _grouped(key: str, caption: str, groups: list[tuple[str, str]], member, searches: list[LoggedSearch],
             most: Callable[[str, int], str], heading: str) -> Table:
    """Counts per group; `most(label, count)` words the summary about the largest group."""
    rows = [_counts_row(k, label, [s for s in searches if member(s, k)]) for k, label in groups]
    table = Table(key, caption, "", _columns(), rows, row_heading=heading,
                  chart=chart([(r.label, r.cells[3].value, r.cells[3].text) for r in rows]))
    top = max((r for r in rows if r.key), key=lambda r: r.cells[3].value or 0, default=None)
    table.summary = (most(top.label, top.cells[3].value) if top is not None and top.cells[3].value
                     else _("No searches found very little."))
    return table


def _need_by_quadrant(searches: list[LoggedSearch], filters: InsightFilters) -> Table:
    unmet = [s for s in searches if s.results <= few_results()]
    columns = [Column(q, str(QUADRANTS[q])) for q in filters.quadrants] + [Column(NO_VALUE, _("Not given"))]
    rows = []
    for need, label in [*NEEDS.items(), (NO_VALUE, _("No need chosen"))]:
        of_need = [s for s in unmet if _has_need(s, need)]
        cells = [Cell(str(n), n) for n in (sum(_in_quadrant(s, c.key) for s in of_need) for c in columns)]
        rows.append(Row(need, str(label), cells))
    best = max(((r, c, cell) for r in rows for c, cell in zip(columns, r.cells) if r.key and c.key),
               key=lambda x: x[2].value, default=None)
    summary = (_("The largest group: %(need)s in %(area)s, %(num)d searches that found very little.",
                 need=best[0].label, area=best[1].label, num=best[2].value)
               if best and best[2].value else _("No search that found very little named both a need and a part "
                                                "of Essex."))
    return Table("need-by-quadrant", _("Searches that found very little, by need and part of Essex"), summary,
                 columns, rows, row_heading=_("Need"))


def _by_month(searches: list[LoggedSearch], filters: InsightFilters, today: date) -> Table:
    first = filters.since(today) or (searches[0].month if searches else date(today.year, today.month, 1))
    by_month: dict[date, list[LoggedSearch]] = defaultdict(list)
    for s in searches:
        by_month[s.month].append(s)
    rows = [_counts_row(m.isoformat()[:7], month_year(m), by_month[m]) for m in months_between(first, today)]
    table = Table("by-month", _("Searches that found very little, month by month"), "", _columns(), rows,
                  row_heading=_("Month"),
                  chart=chart([(r.label, r.cells[4].value, r.cells[4].text) for r in rows]))
    shares = [r for r in rows if r.cells[4].value is not None]
    if len(shares) >= 2:
        table.summary = _("In %(first)s, %(before)s of searches found very little; in %(last)s, %(after)s.",
                          first=shares[0].label, before=shares[0].cells[4].text, last=shares[-1].label,
                          after=shares[-1].cells[4].text)
    else:
        table.summary = _("Not enough months with searches to show a trend.")
    return table


def _words(searches: list[LoggedSearch]) -> Table:
    """Words of searches that found nothing, counted once per distinct search (the same words in
    the same hour count once), shown only from SUPPRESSION_THRESHOLD searches up."""
    distinct = {(s.hour, s.words.casefold()) for s in searches if s.results == 0 and s.words}
    counts: Counter[str] = Counter()
    for _hour, text in distinct:
        counts.update({w for w in words_of(text) if stem(w) and not w.isdigit()})
    shown = [(w, n) for w, n in counts.most_common() if n >= SUPPRESSION_THRESHOLD][:TOP_WORDS]
    hidden = sum(1 for n in counts.values() if n < SUPPRESSION_THRESHOLD)
    rows = [Row(word, word, [Cell(str(n), n)]) for word, n in shown]
    summary = (_("The word most used in searches that found nothing: ‘%(word)s’ (%(num)d searches).",
                 word=shown[0][0], num=shown[0][1]) if shown else _("No word was used in %(n)d or more searches "
                                                                      "that found nothing.", n=SUPPRESSION_THRESHOLD))
    notes = [_("Only words used in at least %(n)d different searches are shown, so that a rare word, such as a "
               "name, a school or a street, can never point to one family.", n=SUPPRESSION_THRESHOLD),
             ngettext("%(num)d rarer word is not shown.", "%(num)d rarer words are not shown.", hidden)]
    return Table("zero-words", _("Words in searches that found nothing"), summary,
                 [Column("searches", _("Searches that found nothing"))], rows, notes=notes, row_heading=_("Word"),
                 chart=chart([(r.label, r.cells[0].value, r.cells[0].text) for r in rows]))


def searches_section(filters: InsightFilters, today: date | None = None) -> Section:
    today = today or date.today()
    searches = logged_searches(filters, today)
    quadrant_groups = [(q, str(QUADRANTS[q])) for q in filters.quadrants] + (
        [] if filters.quadrant else [(NO_VALUE, _("Not given"))])
    band_groups = [(b.key, b.label) for b in filters.bands] + ([] if filters.band else [(NO_VALUE, _("No age given"))])
    tables = [
        _counts_table(searches),
        _grouped("by-need", _("Searches that found very little, by need"), [*NEEDS.items(), (NO_VALUE, _("No need chosen"))],
                 _has_need, searches,
                 lambda label, num: _("Most searches that found very little were for %(need)s (%(num)d).",
                                      need=label, num=num), _("Need")),
        _grouped("by-quadrant", _("Searches that found very little, by part of Essex"), quadrant_groups,
                 _in_quadrant, searches,
                 lambda label, num: _("Most searches that found very little were in %(area)s (%(num)d).",
                                      area=label, num=num), _("Part of Essex")),
        _grouped("by-band", _("Searches that found very little, by age"), band_groups,
                 lambda s, k: s.band == k, searches,
                 lambda label, num: _("Most searches that found very little were for ages %(band)s (%(num)d).",
                                      band=label, num=num), _("Ages")),
        _need_by_quadrant(searches, filters),
        _by_month(searches, filters, today),
        _words(searches),
    ]
    notes = [_("A search found very little when it had %(n)d results or fewer. A search for two needs or two "
               "areas counts under each. Searches by signed-in staff are not recorded.", n=few_results())]
    demo = sum(s.is_demo for s in searches)
    if demo:
        notes.append(ngettext("These figures include %(num)d made-up demo search.",
                              "These figures include %(num)d made-up demo searches.", demo))
    return Section("searches", _("Unmet searches: what families looked for and did not find"), filters, tables, notes)


def _counts_table(searches: list[LoggedSearch]) -> Table:
    row = _counts_row("all", _("All searches"), searches)
    summary = (_("%(unmet)d of %(all)d searches (%(share)s) found very little.", unmet=row.cells[3].value,
                 all=row.cells[0].value, share=row.cells[4].text) if searches else _("No searches in this period."))
    return Table("totals", _("All searches in the period"), summary, _columns(), [row], row_heading=_("Searches"))
