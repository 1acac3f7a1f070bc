"""Turning what a family typed into safe Whoosh queries.

User text never reaches Whoosh's QueryParser. We split it into words ourselves and build
Term/Phrase queries from them, so field names (`status:inactive`), wildcards (`id:*`), ranges,
boosts, fuzzy marks and AND/OR/NOT are only ever words (or dropped as punctuation).

Synonyms are applied here, at query time, so editing the SEND synonym list needs no reindex.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from whoosh.analysis import StemmingAnalyzer
from whoosh.query import Or, Phrase, Query, Term

from .query import MAX_QUERY_CHARS

# The index and the queries share one analyzer so their stems always agree.
ANALYZER = StemmingAnalyzer()
# Name matches count for more than summary matches, which count for more than the rest.
FIELD_BOOSTS = {"name": 4.0, "summary": 2.0, "body": 1.0}
NAME_ONLY = {"name": 1.0}
# Enough for any real search; stops a 200-character string of short words becoming a
# 60-way AND that is slow and finds nothing anyway.
MAX_UNITS = 12

_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"['\u2019`]")
# Control and invisible formatting characters, and lone surrogates (which cannot even be
# encoded): none belongs in a search or an index.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                      "\ufeff\ufff0-\uffff\ud800-\udfff]")


def clean_text(text: str, limit: int | None = MAX_QUERY_CHARS) -> str:
    """What the family typed, made safe to work on: normalised, control characters removed,
    capped in length (`limit=None` for index text). Never raises."""
    if not isinstance(text, str):
        return ""
    if limit is not None:
        text = text[: limit * 4]
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = " ".join(text.split())
    return text[:limit] if limit is not None else text


def words_of(text: str, limit: int | None = MAX_QUERY_CHARS) -> list[str]:
    """Lowercase words as typed (stop words kept), for synonyms and spelling."""
    text = _APOSTROPHES.sub("", clean_text(text, limit).casefold())
    return [w for w in _WORD.findall(text) if w.strip("_")]


@lru_cache(maxsize=20000)
def stem(word: str) -> str | None:
    """The index term for one word, or None for stop words and single letters."""
    tokens = [t.text for t in ANALYZER(word)]
    return tokens[0] if len(tokens) == 1 else None


def stems_of(phrase: str) -> tuple[str, ...]:
    return tuple(s for s in (stem(w) for w in words_of(phrase)) if s)


def normalize_name(text: str) -> str:
    """How names are compared for "exact name first": case, accents, punctuation and
    spacing ignored, "&" read as "and", so "St John's Hub" equals "st johns hub"."""
    text = unicodedata.normalize("NFKD", clean_text(text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return " ".join(w for w in _WORD.findall(text.replace("_", " ")))


class Synonyms:
    """The synonym groups compiled for matching: stem sequence -> every stem sequence that
    means the same (a group member of several words is matched as a phrase)."""

    def __init__(self, groups: list[tuple[str, ...]]):
        self.groups = groups
        table: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for group in groups:
            members = {stems_of(term) for term in group} - {()}
            for member in members:
                table.setdefault(member, set()).update(members)
        self.table = {key: _shortest_forms(alts) for key, alts in table.items()}
        self.longest = max((len(k) for k in self.table), default=1)
        # Every word in the list, so "did you mean" can suggest a term no service uses yet.
        self.words = frozenset(w for group in groups for term in group for w in words_of(term)
                               if len(w) >= 3 and w.isalpha())

    def alternatives(self, stems: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
        return self.table.get(stems)


def _shortest_forms(alternatives: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Drop phrases that contain another alternative: anything matching "speech language
    therapy" already matches "speech language", so searching for both only costs time."""
    kept: list[tuple[str, ...]] = []
    for alt in sorted(alternatives, key=lambda a: (len(a), a)):
        if not any(_contains(alt, shorter) for shorter in kept):
            kept.append(alt)
    return tuple(kept)


def _contains(phrase: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(phrase[i:i + len(part)] == part for i in range(len(phrase) - len(part) + 1))


@dataclass(frozen=True)
class Unit:
    """One thing the family asked for: a word, or a phrase from the synonym list, with every
    way of saying it. All units must match (AND); any alternative of a unit will do (OR)."""

    words: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...]

    @property
    def is_synonym(self) -> bool:
        return len(self.alternatives) > 1 or len(self.words) > 1


def parse_units(text: str, synonyms: Synonyms) -> list[Unit]:
    """Split the query into units, longest synonym phrase first ("speech and language
    therapy" is one unit, not four words)."""
    pairs = [(w, s) for w in words_of(text) if (s := stem(w))]
    units: list[Unit] = []
    seen: set[tuple[tuple[str, ...], ...]] = set()
    i = 0
    while i < len(pairs) and len(units) < MAX_UNITS:
        for size in range(min(synonyms.longest, len(pairs) - i), 0, -1):
            key = tuple(s for _, s in pairs[i:i + size])
            alternatives = synonyms.alternatives(key)
            if alternatives or size == 1:
                unit = Unit(tuple(w for w, _ in pairs[i:i + size]), alternatives or (key,))
                if unit.alternatives not in seen:  # "autism autism" is one unit
                    seen.add(unit.alternatives)
                    units.append(unit)
                i += size
                break
    return units


def unit_query(unit: Unit, fields: dict[str, float] = FIELD_BOOSTS) -> Query:
    parts: list[Query] = []
    for alternative in unit.alternatives:
        for field, boost in fields.items():
            if len(alternative) == 1:
                parts.append(Term(field, alternative[0], boost=boost))
            else:
                parts.append(Phrase(field, list(alternative), boost=boost))
    return Or(parts)

