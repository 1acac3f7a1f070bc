"""The SQL of one search over search_document: which services match, how many each filter
value would give, and one page of them in the order asked for.

Nothing a family typed is ever part of the SQL text: words become stems in Python (as for
Whoosh), stems are quoted into a tsquery passed as a bound value, and filters become bit
masks computed from the vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import text

from ...reference.gazetteer import EARTH_RADIUS_MILES
from ...vocab import AGE_MAX, AGE_MIN
from ..query import FACET_VOCAB, FACETS, Place, SearchQuery
from ..text import Unit, normalize_name
from .entries import LAYOUT, quote

BITS = {"need": "need_bits", "quadrant": "quadrant_bits", "delivery": "delivery_bits", "day": "day_bits"}
# ts_rank weights for D, C (the rest), B (summary), A (name): 1 : 2 : 4, as Whoosh's boosts.
RANK_WEIGHTS = "'{0.1, 0.25, 0.5, 1.0}'::real[]"
NAME_ORDER = 'd.name_key COLLATE "C", d.name COLLATE "C", d.service_id'  # code point order, as Python sorts
IN_SEASON = ("(d.visible_from IS NULL OR d.visible_from <= :today) "
             "AND (d.visible_to IS NULL OR d.visible_to >= :today)")
MATCHES = "d.document @@ CAST(:tsq AS tsquery)"
HAVERSINE = (f"2 * {EARTH_RADIUS_MILES} * asin(least(1.0, sqrt("
             "power(sin((radians({lat}) - radians(:lat)) / 2), 2) "
             "+ cos(radians(:lat)) * cos(radians({lat})) * power(sin(radians({lon} - :lon) / 2), 2))))")
# Miles to the nearest venue (NULL without one): reference/gazetteer.distance_miles in SQL.
# Most services have one venue, which needs no unnest.
DISTANCE = f"""CROSS JOIN LATERAL (SELECT CASE
    WHEN cardinality(d.venue_lat) = 1 THEN {HAVERSINE.format(lat="d.venue_lat[1]", lon="d.venue_lon[1]")}
    ELSE (SELECT min({HAVERSINE.format(lat="v.lat", lon="v.lon")})
          FROM unnest(d.venue_lat, d.venue_lon) AS v(lat, lon)) END AS miles) AS near"""


class Hit(NamedTuple):
    service_id: object  # uuid.UUID
    venue_lat: list[float] | None  # only when searching near a place
    venue_lon: list[float] | None


def tsquery(units: list[Unit]) -> str:
    """Every unit (AND), each by any of its alternatives (OR), a phrase as stems that follow
    one another."""
    return " & ".join(
        "(" + " | ".join(" <-> ".join(map(quote, alternative)) for alternative in unit.alternatives) + ")"
        for unit in units)


def value_test(group: str, value: str) -> str:
    if group == "cost":
        return "d.is_free"
    return f"(d.{BITS[group]} & {1 << LAYOUT[group].index(value)}) <> 0"


@dataclass
class Where:
    """The conditions of one search: `base` (in season, the words, the age) always apply;
    each ticked filter group is one more condition (OR within the group)."""

    base: list[str]
    groups: dict[str, str]
    params: dict = field(default_factory=dict)

    @classmethod
    def of(cls, query: SearchQuery, units: list[Unit], today: date) -> Where:
        base, params = [IN_SEASON], {"today": today}
        if units:
            base.append(MATCHES)
            params["tsq"] = tsquery(units)
        if query.age is not None and AGE_MIN <= query.age <= AGE_MAX:
            base.append("d.min_age <= :age AND d.max_age >= :age")
            params["age"] = query.age
        groups = {}
        for group in FACETS:
            chosen = query.selected(group)
            if not chosen:
                continue
            if group == "cost":
                groups[group] = "d.is_free"
            else:
                groups[group] = f"(d.{BITS[group]} & :{group}_mask) <> 0"
                params[f"{group}_mask"] = sum(1 << LAYOUT[group].index(v) for v in chosen if v in LAYOUT[group])
        return cls(base, groups, params)

    def ticked(self, leave_out: str | None = None) -> str:
        return " AND ".join(sql for group, sql in self.groups.items() if group != leave_out) or "TRUE"


# GROUPING(need_bits, quadrant_bits, delivery_bits, day_bits, is_free) of each grouping set:
# a bit is set for each column the set leaves out.
GROUPED_BY = {"need": 0b01111, "quadrant": 0b10111, "delivery": 0b11011, "day": 0b11101, "cost": 0b11110}
EVERYTHING = 0b11111
GROUP_COLUMNS = "need_bits, quadrant_bits, delivery_bits, day_bits, is_free"


def facet_counts(where: Where) -> tuple[str, list[tuple[str, str]]]:
    """The `counts` CTE (over `m`): one row, the total then a count per (group, value) in
    `keys` order. Each group's counts apply every OTHER group's ticks. Counting every value
    over every row would cost 30 conditions a row; instead each row is added, once per group,
    to the count of its combination of that group's values (grouping sets, with one count per
    distinct set of ticks), and the values are read off those few combinations."""
    conditions = list(dict.fromkeys([where.ticked(), *(where.ticked(leave_out=g) for g in FACETS)]))
    counted = ", ".join(f"(count(*) FILTER (WHERE {c}))::integer AS c{i}" for i, c in enumerate(conditions))
    columns = [f"sum(c0) FILTER (WHERE g = {EVERYTHING})"]
    keys = []
    for group in FACETS:
        c = conditions.index(where.ticked(leave_out=group))
        for value in FACET_VOCAB[group]:
            columns.append(f"sum(c{c}) FILTER (WHERE g = {GROUPED_BY[group]} AND {value_test(group, value)})")
            keys.append((group, value))
    sql = f"""grouped AS (
        SELECT GROUPING({GROUP_COLUMNS}) AS g, {GROUP_COLUMNS}, {counted} FROM m AS d
        GROUP BY GROUPING SETS ((need_bits), (quadrant_bits), (delivery_bits), (day_bits), (is_free), ())),
    counts AS (SELECT {', '.join(columns)} FROM grouped AS d)"""
    return sql, keys


def run(connection, where: Where, query: SearchQuery, units: list[Unit], words: str, place: Place | None,
        limit: int, offset: int) -> tuple[int, dict[str, dict[str, int]], list]:
    """One pass over the matching rows: (the exact total, the facet counts, one page of
    hits in the order asked for).

    Facets: for each group, how many services each value would give with the words and every
    OTHER group's ticks (a group's own ticks only ever widen it).
    Order: relevance is exact name first, then every unit in the name, then the rest, by
    ts_rank within each, ties by name; name is by name; distance (with a known place) is
    services with a venue nearest first (ties by name), then the others by relevance."""
    params = dict(where.params, limit=limit, offset=offset)
    ranked = bool(units) and query.sort != "name"
    rank_columns, relevance = "", [NAME_ORDER]
    if ranked:
        # Scored only where every ticked filter holds: the others are counted, never shown.
        params["exact"] = normalize_name(words)
        shown = where.ticked()
        rank_columns = (f", CASE WHEN NOT ({shown}) THEN NULL WHEN d.name_key = :exact THEN 0 "
                        "WHEN d.name_vector @@ CAST(:tsq AS tsquery) THEN 1 ELSE 2 END AS tier, "
                        f"CASE WHEN NOT ({shown}) OR d.name_key = :exact THEN 0 "
                        f"ELSE ts_rank({RANK_WEIGHTS}, d.document, CAST(:tsq AS tsquery)) END AS score")
        relevance = ["d.tier", "d.score DESC", NAME_ORDER]
    joins = ""
    if query.sort == "distance" and place is not None:
        joins = DISTANCE
        params.update(lat=place.latitude, lon=place.longitude)
        after_venues = [f"CASE WHEN near.miles IS NULL THEN {key.removesuffix(' DESC')} END"
                        + (" DESC" if key.endswith(" DESC") else "") for key in relevance[:-1]]
        order = ["near.miles IS NULL", "near.miles", *after_venues, NAME_ORDER]
    else:
        order = relevance
    venues = ", d.venue_lat, d.venue_lon" if place is not None else ""  # only distances need them
    counts_sql, keys = facet_counts(where)
    sql = f"""WITH m AS MATERIALIZED (
        SELECT d.service_id, d.need_bits, d.quadrant_bits, d.delivery_bits, d.day_bits, d.is_free, d.name_key,
               d.name{venues}{rank_columns}
        FROM search_document d WHERE {' AND '.join(where.base)}),
    {counts_sql},
    hits AS (SELECT page.*, row_number() OVER () AS position FROM (
        SELECT d.service_id{venues} FROM m AS d {joins}
        WHERE {where.ticked()} ORDER BY {', '.join(order)} LIMIT :limit OFFSET :offset) AS page)
    SELECT counts.*, hits.service_id{venues.replace("d.", "hits.")}
    FROM counts LEFT JOIN hits ON true ORDER BY hits.position"""
    rows = connection.execute(text(sql), params).all()
    total, *counts = (count or 0 for count in rows[0][:len(keys) + 1])  # NULL: a sum over no rows
    facets: dict[str, dict[str, int]] = {group: {} for group in FACETS}
    for (group, value), count in zip(keys, counts):
        facets[group][value] = count
    return total, facets, [Hit(row.service_id, *(row[-2:] if place else (None, None)))
                           for row in rows if row.service_id]
