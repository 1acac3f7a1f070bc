"""Answering one SearchQuery from PostgreSQL, with the Whoosh backend's rules: the same
words, synonyms and stems (text.py), the same filters and facet counts, the same "did you
mean" rules (spelling.py), the same tiers of relevance and the same paging.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Text

from ...reference.gazetteer import distance_miles
from ..query import Place, SearchQuery, SearchResults
from ..searching import LITTLE, Corrected, send_speller, send_terms, spell_checked
from ..spelling import Speller, correct_words
from ..text import Synonyms, Unit, clean_text, normalize_name, parse_units, stem, words_of
from .sql import (IN_SEASON, NEARNESS, REST, SCORE, WITH_VENUE, Counts, Where, by_name, counted_page, counts, named,
                  nearest, place_point, tsquery, unnamed, venues)

# pg_trgm similarity above which a word is looked at as a possible correction (set on the
# search connections). Every word the spelling rules can reach (one slip, or two in a long
# word) scores at least 1/9.
SIMILARITY = 0.1


@dataclass
class Match:
    text: str
    units: list[Unit]
    counts: Counts
    ids: list  # the page asked for

    @property
    def total(self) -> int:
        return self.counts.total


def match(connection, query: SearchQuery, words: str, synonyms: Synonyms, place: Place | None,
          today: date) -> Match:
    """The services the words and filters find, counted, and the page asked for. The order:
    relevance is exact name first, then every unit in the name, then the rest, by ts_rank
    within each, ties by name; name is by name; distance (with a known place) is services
    with a venue nearest first (ties by name), then the others by relevance."""
    units = parse_units(words, synonyms)
    where = Where.of(query, units, today)
    limit = max(1, query.per_page)
    offset = (max(1, query.page) - 1) * limit
    if query.sort == "distance" and place is not None:
        if units:
            found, ids = counted_page(connection, where, WITH_VENUE, NEARNESS, place_point(place), limit, offset,
                                      with_venue=True)
        else:  # the name index holds all it needs: two quick reads beat keeping every row between them
            found = counts(connection, where, with_venue=True)
            ids = nearest(connection, where, place, limit, offset) if offset < found.with_venue else []
        if len(ids) < limit and offset + len(ids) < found.total:
            # Online and countywide services with no venue come after every venue, by relevance.
            ids += ranked(connection, where, query, units, words, limit - len(ids),
                          max(0, offset - found.with_venue), f"NOT ({WITH_VENUE})")
        return Match(words, units, found, ids)
    if units and query.sort != "name":
        exact, ids, rest = named_part(connection, where, words, limit, offset)
        if rest is None:
            return Match(words, units, counts(connection, where), ids)
        # The page reaches past the services named: rank the rest while counting.
        found, ranked_rest = counted_page(connection, where, REST, SCORE, {"exact": exact}, *rest)
        return Match(words, units, found, ids + ranked_rest)
    found = counts(connection, where)
    return Match(words, units, found, by_name(connection, where, limit, offset) if offset < found.total else [])


def ranked(connection, where: Where, query: SearchQuery, units: list[Unit], words: str, limit: int, offset: int,
           *more: str) -> list:
    """One page by relevance of the services shown that meet `more`, with no counting."""
    if not units or query.sort == "name":
        return by_name(connection, where, limit, offset, *more)
    exact, ids, rest = named_part(connection, where, words, limit, offset, *more)
    return ids if rest is None else ids + unnamed(connection, where, exact, *rest, *more)


def named_part(connection, where: Where, words: str, limit: int, offset: int,
               *more: str) -> tuple[str, list, tuple[int, int] | None]:
    """(The name compared for "exact name first", the page's services with that name or every
    unit in their name, and the (limit, offset) of the rest still to rank, or None when those
    named fill the page.)"""
    exact = normalize_name(words)
    first, in_name = named(connection, where, exact, offset + limit, *more)
    ids = first[offset:]
    return exact, ids, None if in_name >= offset + limit else (limit - len(ids), max(0, offset - in_name))


def execute(connection, query: SearchQuery, synonyms: Synonyms, place: Place | None, today: date) -> SearchResults:
    found = match(connection, query, clean_text(query.text), synonyms, place, today)
    found, suggestion, showing_corrected = spell_checked(
        found, lambda: corrected_text(connection, found, synonyms, today),
        lambda text: match(connection, query, text, synonyms, place, today))
    distances = {}
    if place is not None:
        distances = {str(service_id): round(min(distance_miles(place.latitude, place.longitude, lat, lon)
                                                for lat, lon in zip(lats, lons)), 1)
                     for service_id, (lats, lons) in venues(connection, found.ids).items()}
    return SearchResults(
        query=query,
        total=found.total,
        ids=[str(i) for i in found.ids],
        facets=found.counts.facets,
        distances=distances,
        suggestion=suggestion,
        showing_corrected=showing_corrected,
        near_place=place,
        near_unknown=bool(query.near) and place is None,
    )


def corrected_text(connection, found: Match, synonyms: Synonyms, today: date) -> Corrected | None:
    """The query with misspelt words replaced by the closest words services use, or None
    (searching.corrected_text's rules, with the vocabulary in search_word)."""
    terms = send_terms(synonyms)
    singles = [u for u in found.units if not u.is_synonym]
    suspects = {u.words[0] for u, n in zip(singles, unit_counts(connection, singles, today)) if n <= LITTLE}
    if not suspects:
        return None
    typed = [w for w in words_of(found.text) if w in suspects and stem(w)]
    spellers = [Speller(vocabulary(connection, typed)), send_speller(synonyms)]
    corrected = correct_words(words_of(found.text), suspects, spellers, terms)
    return Corrected(*corrected) if corrected else None


def unit_counts(connection, units: list[Unit], today: date) -> list[int]:
    """How many findable services each unit finds on its own, counting no further than
    LITTLE + 1 (all the spelling rules ask is whether a word finds little)."""
    if not units:
        return []
    params = {"today": today, "enough": LITTLE + 1}
    columns = []
    for n, unit in enumerate(units):
        params[f"q{n}"] = tsquery([unit])
        columns.append(f"(SELECT count(*) FROM (SELECT 1 FROM search_document d WHERE {IN_SEASON} "
                       f"AND d.document @@ CAST(:q{n} AS tsquery) LIMIT :enough) AS found)")
    return list(connection.execute(text(f"SELECT {', '.join(columns)}"), params).one())


def vocabulary(connection, typed: list[str]) -> dict[str, int]:
    """Word -> listed services using it, for the typed words and every word services use
    that pg_trgm finds similar enough for the spelling rules to offer."""
    if not typed:
        return {}
    rows = connection.execute(text(
        "SELECT word, services FROM search_word WHERE word = ANY(:typed) AND services > 0 UNION "
        "SELECT w.word, w.services FROM unnest(:typed) AS t(word) CROSS JOIN LATERAL ("
        " SELECT word, services FROM search_word WHERE word % t.word AND services > 0"
        " AND length(word) BETWEEN length(t.word) - 2 AND length(t.word) + 1) AS w"
    ).bindparams(bindparam("typed", type_=ARRAY(Text))), {"typed": typed}).all()
    return dict(rows)
