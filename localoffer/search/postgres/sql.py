"""The SQL of one search over search_document: how many services match and how many each
filter value would give (counts), then one page of them in the order asked for (page).

Each statement reads only what it needs, because at tens of thousands of services the cost
is per row read: counting reads every match once, in one pass; a page by relevance reads the
few services with the words in their name first (through their own index) and ranks the rest
only when the page reaches past them; a page by name reads the name index from its start;
a page by distance compares each venue's point with the place's, with no trigonometry.

Nothing a family typed is ever part of the SQL text: words become stems in Python (as for
Whoosh), stems are quoted into a tsquery passed as a bound value, and filters become bit
masks computed from the vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Uuid

from ...vocab import AGE_MAX, AGE_MIN
from ..query import FACET_VOCAB, FACETS, Place, SearchQuery
from ..text import Unit
from .entries import LAYOUT, phrase_lexeme, quote, unit_vector

BITS = {group: f"{group}_bits" for group in LAYOUT}  # the column of each group's bit set
# ts_rank weights for D, C (the rest), B (summary), A (name): 1 : 2 : 4, as Whoosh's boosts.
RANK_WEIGHTS = "'{0.1, 0.25, 0.5, 1.0}'::real[]"
SCORE = f"ts_rank({RANK_WEIGHTS}, d.document, CAST(:tsq AS tsquery))"
NAMED = "d.name_vector @@ CAST(:tsq AS tsquery)"
# Names are stored in code point order ("C"), as Python sorts: this is the name index's order.
NAME_ORDER = "d.name_key, d.name, d.service_id"
IN_SEASON = ("(d.visible_from IS NULL OR d.visible_from <= :today) "
             "AND (d.visible_to IS NULL OR d.visible_to >= :today)")
MATCHES = "d.document @@ CAST(:tsq AS tsquery)"
REST = f"d.name_key <> :exact AND NOT ({NAMED})"  # relevance's last tier
WITH_VENUE = "d.venues > 0"
# How near the nearest venue is: the largest dot product of a venue's point with the place's
# (both on the unit sphere), which orders venues exactly as their distance does. The few
# services with several venues work out each venue's point.
NEARNESS = """CASE WHEN d.venues = 1 THEN d.venue_x * :px + d.venue_y * :py + d.venue_z * :pz
    ELSE (SELECT max(cos(radians(v.lat)) * (cos(radians(v.lon)) * :px + sin(radians(v.lon)) * :py)
                     + sin(radians(v.lat)) * :pz)
          FROM unnest(d.venue_lat, d.venue_lon) AS v(lat, lon)) END"""


def tsquery(units: list[Unit]) -> str:
    """Every unit (AND), each by any of its alternatives (OR); a phrase as the one lexeme
    entries keep for it, or else as stems that follow one another."""
    return " & ".join("(" + " | ".join(map(_alternative, unit.alternatives)) + ")" for unit in units)


def _alternative(stems: tuple[str, ...]) -> str:
    lexeme = phrase_lexeme(stems) if len(stems) > 1 else None
    return quote(lexeme) if lexeme else " <-> ".join(map(quote, stems))


def mask(group: str, values) -> int:
    return sum(1 << LAYOUT[group].index(v) for v in values if v in LAYOUT[group])


def _packing() -> tuple[str, dict[str, int]]:
    """Every facet but need packed into one number (quadrants, delivery, days, then free),
    and where each group starts in it."""
    parts, starts, start = [], {}, 0
    for group in ("quadrant", "delivery", "day"):
        starts[group] = start
        parts.append(f"(d.{BITS[group]} << {start})" if start else f"d.{BITS[group]}")
        start += len(LAYOUT[group])
    starts["cost"] = start
    parts.append(f"(d.is_free::integer << {start})")
    return " | ".join(parts), starts


PACKED, PACKED_AT = _packing()


def value_test(group: str, value: str) -> str:
    """Whether a row of `grouped` (as d) has the value."""
    if group == "need":
        return f"(d.need_bits & {mask(group, [value])}) <> 0"
    bit = PACKED_AT[group] + (0 if group == "cost" else LAYOUT[group].index(value))
    return f"(d.packed & {1 << bit}) <> 0"


@dataclass
class Where:
    """The conditions of one search: `base` (in season, the ages, the type of service,
    countywide or not) and the words always apply; each ticked facet group is one more
    condition (OR within the group)."""

    base: list[str]
    groups: dict[str, str]
    params: dict = field(default_factory=dict)
    words: bool = False

    @classmethod
    def of(cls, query: SearchQuery, units: list[Unit], today: date) -> Where:
        base, params = [IN_SEASON], {"today": today}
        if units:
            params["tsq"] = tsquery(units)
        ages = query.ages
        if ages is not None:
            low, high = max(AGE_MIN, ages.start), min(AGE_MAX, ages.stop - 1)
            if low <= high:  # a service for at least one of the ages (Whoosh: any of their sets)
                base.append("d.min_age <= :age_to AND d.max_age >= :age")
                params.update(age=low, age_to=high)
            else:
                base.append("FALSE")
        if query.selected("category"):
            base.append("(d.category_bits & :category_mask) <> 0")
            params["category_mask"] = mask("category", query.selected("category"))
        if query.countywide:
            base.append("d.is_countywide" if query.countywide == "only" else "NOT d.is_countywide")
        groups = {}
        for group in FACETS:
            chosen = query.selected(group)
            if not chosen:
                continue
            if group == "cost":
                groups[group] = "d.is_free"
            else:
                groups[group] = f"(d.{BITS[group]} & :{group}_mask) <> 0"
                params[f"{group}_mask"] = mask(group, chosen)
        return cls(base, groups, params, bool(units))

    def found(self) -> str:
        """The services the counts are of: the words and `base`, no ticks."""
        return " AND ".join(([MATCHES] if self.words else []) + self.base)

    def ticked(self, leave_out: str | None = None) -> str:
        return " AND ".join(sql for group, sql in self.groups.items() if group != leave_out) or "TRUE"

    def shown(self, *more: str) -> str:
        """The services the results list (and `more`)."""
        return " AND ".join([self.found(), self.ticked(), *more])


# GROUPING(need_bits, packed): a bit is set for each column the grouping set leaves out.
BY_NEED, BY_PACKED = 0b01, 0b10
GROUP_COLUMNS = "need_bits, quadrant_bits, delivery_bits, day_bits, is_free"


@dataclass
class Counts:
    total: int
    facets: dict[str, dict[str, int]]
    with_venue: int = 0  # of the services shown, those with a venue (when asked for)


def _counting(where: Where, source: str, with_venue: bool) -> tuple[str, list[tuple[str, str]]]:
    """The `grouped` and `counts` CTEs over `source` (rows of search_document as `d`): one
    row, the total then a count per (group, value) in `keys` order, then the services with a
    venue if asked. Each group's counts apply every OTHER group's ticks (a group's own ticks
    only ever widen it).

    Counting every value over every row would cost 30 conditions a row; instead each row is
    added to the count of its combination of needs, and to the count of its combination of
    every other facet's values packed into one number (two grouping sets, with one count per
    distinct set of ticks), and the values are read off those few combinations. Each row is
    in exactly one combination of each, so the total is the sum over either."""
    conditions = list(dict.fromkeys([where.ticked(), *(where.ticked(leave_out=g) for g in FACETS)]))
    counted = [f"(count(*) FILTER (WHERE {c}))::integer AS c{i}" for i, c in enumerate(conditions)]
    if with_venue:
        counted.append(f"(count(*) FILTER (WHERE {where.ticked()} AND {WITH_VENUE}))::integer AS near")
    columns = [f"sum(c0) FILTER (WHERE g = {BY_NEED})"]
    keys = []
    for group in FACETS:
        c = conditions.index(where.ticked(leave_out=group))
        for value in FACET_VOCAB[group]:
            by = BY_NEED if group == "need" else BY_PACKED
            columns.append(f"sum(c{c}) FILTER (WHERE g = {by} AND {value_test(group, value)})")
            keys.append((group, value))
    if with_venue:
        columns.append(f"sum(near) FILTER (WHERE g = {BY_NEED})")
    sql = f"""grouped AS (
        SELECT GROUPING(need_bits, packed) AS g, need_bits, packed, {', '.join(counted)}
        FROM (SELECT d.*, {PACKED} AS packed FROM {source}) AS d
        GROUP BY GROUPING SETS ((need_bits), (packed))),
    counts AS (SELECT {', '.join(columns)} FROM grouped AS d)"""
    return sql, keys


def _read_counts(row, keys, with_venue: bool) -> Counts:
    total, *values = (count or 0 for count in row[:len(keys) + 1 + with_venue])  # NULL: a sum over no rows
    facets: dict[str, dict[str, int]] = {group: {} for group in FACETS}
    for (group, value), count in zip(keys, values):
        facets[group][value] = count
    return Counts(total, facets, values[-1] if with_venue else 0)


def counts(connection, where: Where, with_venue: bool = False) -> Counts:
    """The exact total and every facet's counts, in one pass over the services found."""
    sql, keys = _counting(where, f"search_document d WHERE {where.found()}", with_venue)
    return _read_counts(connection.execute(text(f"WITH {sql} SELECT * FROM counts"), where.params).one(),
                        keys, with_venue)


def counted_page(connection, where: Where, pick: str, key: str, params: dict, limit: int, offset: int,
                 with_venue: bool = False) -> tuple[Counts, list]:
    """counts(), and in the same pass over the services found one page of those shown that
    also meet `pick`, largest `key` first (ties by name). The key is worked out only for
    them: for a page that must rank most of what was found, reading it all once is cheaper
    than reading it twice."""
    chosen = f"{where.ticked()} AND {pick}"
    columns = ", ".join(f"CASE WHEN {chosen} THEN {value} END AS {name}" for name, value in (
        ("key", key), ("service_id", "d.service_id"), ("name_key", "d.name_key"), ("name", "d.name")))
    counting, keys = _counting(where, "m AS d", with_venue)
    sql = f"""WITH m AS MATERIALIZED (
        SELECT {GROUP_COLUMNS}, d.venues, {columns} FROM search_document d WHERE {where.found()}),
    {counting},
    hits AS (SELECT page.service_id, row_number() OVER () AS position FROM (
        SELECT d.service_id FROM m AS d WHERE d.key IS NOT NULL
        ORDER BY d.key DESC, {NAME_ORDER} LIMIT :limit OFFSET :offset) AS page)
    SELECT counts.*, hits.service_id FROM counts LEFT JOIN hits ON true ORDER BY hits.position"""
    rows = connection.execute(text(sql), dict(where.params, **params, limit=limit, offset=offset)).all()
    return _read_counts(rows[0], keys, with_venue), [row.service_id for row in rows if row.service_id]


def named(connection, where: Where, exact: str, upto: int, *more: str) -> tuple[list, int]:
    """(The first `upto` services shown with the exact name, then with every unit in the
    name, by score; how many such services there are). Found through the name index: every
    word in the name is also in the document, so the document is only checked for the exact
    name, as a filter (through its index it would cost a read of every match)."""
    rows = connection.execute(text(f"""
        SELECT d.service_id, count(*) OVER () AS named FROM search_document d
        WHERE ({NAMED} OR (d.name_key = :exact AND ({MATCHES}) IS TRUE))
          AND {' AND '.join([*where.base, where.ticked(), *more])}
        ORDER BY d.name_key = :exact DESC, CASE WHEN d.name_key = :exact THEN 0 ELSE {SCORE} END DESC, {NAME_ORDER}
        LIMIT :upto"""), dict(where.params, exact=exact, upto=upto)).all()
    return [row.service_id for row in rows], rows[0].named if rows else 0


def unnamed(connection, where: Where, exact: str, limit: int, offset: int, *more: str) -> list:
    """One page of the services shown that are not named(), by score."""
    return list(connection.scalars(text(f"""
        SELECT d.service_id FROM search_document d WHERE {where.shown(REST, *more)}
        ORDER BY {SCORE} DESC, {NAME_ORDER} LIMIT :limit OFFSET :offset"""),
        dict(where.params, exact=exact, limit=limit, offset=offset)))


def by_name(connection, where: Where, limit: int, offset: int, *more: str) -> list:
    return list(connection.scalars(text(
        f"SELECT d.service_id FROM search_document d WHERE {where.shown(*more)} "
        f"ORDER BY {NAME_ORDER} LIMIT :limit OFFSET :offset"), dict(where.params, limit=limit, offset=offset)))


def nearest(connection, where: Where, place: Place, limit: int, offset: int) -> list:
    """One page of the services shown with a venue, nearest first, with no counting."""
    return list(connection.scalars(text(
        f"SELECT d.service_id FROM search_document d WHERE {where.shown(WITH_VENUE)} "
        f"ORDER BY {NEARNESS} DESC, {NAME_ORDER} LIMIT :limit OFFSET :offset"),
        dict(where.params, **place_point(place), limit=limit, offset=offset)))


def place_point(place: Place) -> dict[str, float]:
    x, y, z = unit_vector(place.latitude, place.longitude)
    return {"px": x, "py": y, "pz": z}


def venues(connection, ids: list) -> dict:
    """Service id -> (venue latitudes, venue longitudes), for the distances shown."""
    if not ids:
        return {}
    rows = connection.execute(text(
        "SELECT service_id, venue_lat, venue_lon FROM search_document WHERE service_id = ANY(:ids) "
        "AND venues > 0").bindparams(bindparam("ids", type_=ARRAY(Uuid))), {"ids": ids})
    return {row.service_id: (row.venue_lat, row.venue_lon) for row in rows}
