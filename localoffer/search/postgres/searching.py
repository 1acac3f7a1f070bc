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
from ..text import Synonyms, Unit, clean_text, parse_units, stem, words_of
from .sql import IN_SEASON, Hit, Where, run, tsquery

# pg_trgm similarity above which a word is looked at as a possible correction (set on the
# search connections). Every word the spelling rules can reach (one slip, or two in a long
# word) scores at least 1/9.
SIMILARITY = 0.1


@dataclass
class Match:
    text: str
    units: list[Unit]
    total: int
    facets: dict[str, dict[str, int]]
    rows: list[Hit]  # the page asked for


def match(connection, query: SearchQuery, words: str, synonyms: Synonyms, place: Place | None,
          today: date) -> Match:
    units = parse_units(words, synonyms)
    per_page = max(1, query.per_page)
    start = (max(1, query.page) - 1) * per_page
    total, facets, rows = run(connection, Where.of(query, units, today), query, units, words, place, per_page, start)
    return Match(words, units, total, facets, rows)


def execute(connection, query: SearchQuery, synonyms: Synonyms, place: Place | None, today: date) -> SearchResults:
    found = match(connection, query, clean_text(query.text), synonyms, place, today)
    found, suggestion, showing_corrected = spell_checked(
        found, lambda: corrected_text(connection, found, synonyms, today),
        lambda text: match(connection, query, text, synonyms, place, today))
    rows = found.rows
    distances = {}
    if place is not None:
        distances = {str(r.service_id): round(min(distance_miles(place.latitude, place.longitude, lat, lon)
                                                  for lat, lon in zip(r.venue_lat, r.venue_lon)), 1)
                     for r in rows if r.venue_lat}
    return SearchResults(
        query=query,
        total=found.total,
        ids=[str(r.service_id) for r in rows],
        facets=found.facets,
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
