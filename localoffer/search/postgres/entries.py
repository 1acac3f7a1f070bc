"""One listed service as a `search_document` row.

The row is made from the very same index document the Whoosh backend writes
(documents.service_document), and its words go through the very same analyser
(text.ANALYZER: Whoosh's tokenizer, stop words and Porter stemmer). The stems are stored
as a ready-made tsvector, so PostgreSQL's own dictionaries never touch them: a word, a
synonym phrase or a misspelling matches exactly what it matches in Whoosh.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from datetime import date
from functools import lru_cache

from ...data.listings import IndexedService
from ...models import Service
from ...vocab import CATEGORIES, COUNTYWIDE, DAYS, DELIVERY, NEEDS, QUADRANTS
from ..documents import service_document
from ..text import ANALYZER, Synonyms

# Bump when what a row holds changes (words, columns): every fingerprint changes with it, so
# `flask search check` reports every entry out of date until `flask search rebuild`.
TOKENIZER_VERSION = 2  # 2: category and countywide columns, the first venue as a point, phrases
# Which bit of each *_bits column means which slug.
LAYOUT = {"need": tuple(NEEDS), "quadrant": tuple(QUADRANTS), "delivery": tuple(DELIVERY), "day": tuple(DAYS),
          "category": tuple(CATEGORIES)}
WEIGHTS = {"name": "A", "summary": "B", "body": "C"}  # ranked 4 : 2 : 1, as the Whoosh field boosts
MAX_POSITION = 16383  # PostgreSQL keeps positions up to here (later ones count as this one)
MAX_LEXEME_BYTES = 2046  # PostgreSQL refuses longer lexemes (no query can produce one anyway)

_TOKENIZER, _LOWERCASE, _STOPS, _STEMMER = ANALYZER.items
assert type(_LOWERCASE).__name__ == "LowercaseFilter" and _STOPS.renumber, "text.ANALYZER changed shape"
# The tokenizer's pattern with its group made non-capturing, so findall returns whole words.
_WORDS = re.compile(_TOKENIZER.expression.pattern.replace("(", "(?:"), _TOKENIZER.expression.flags)
_STEMS: dict[str, str | None] = {}  # word as written -> its stem, or None for a stop word


def _stem_of(token: str) -> str | None:
    word = token.lower()
    stem = None if len(word) < _STOPS.min or word in _STOPS.stops else _STEMMER.stemfn(word)
    if len(_STEMS) < 500_000:  # a bound for a corpus full of unique words
        _STEMS[token] = stem
    return stem


def lexemes(text: str) -> list[str]:
    """What text.ANALYZER makes of the text, in order (one position each), without building
    a Whoosh Token per word: a rebuild analyses millions of words."""
    stems = _STEMS
    out = []
    for token in _WORDS.findall(text):
        stem = stems[token] if token in stems else _stem_of(token)
        if stem is not None:
            out.append(stem)
    return out


def quote(lexeme: str) -> str:
    if "'" in lexeme or "\\" in lexeme:
        lexeme = lexeme.replace("\\", "\\\\").replace("'", "''")
    return f"'{lexeme}'"


@lru_cache(maxsize=1)
def indexed_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First stem -> the phrases of the shipped synonym list starting with it ("holidai club",
    "speech languag"...), as stems. An entry keeps each such phrase it contains as one more
    lexeme, at the phrase's first word, so a search for the phrase is one lookup in the index.
    As `word <-> word` it would have to check the positions in every row holding both words,
    the dearest part of a search for a common phrase. Phrases added to the list later are
    searched as `<->` until the next rebuild (their layout changes every fingerprint)."""
    from ...reference.synonyms import shipped_synonym_groups

    phrases: dict[str, set[tuple[str, ...]]] = {}
    for alternatives in Synonyms(list(shipped_synonym_groups())).table.values():
        for phrase in alternatives:
            if len(phrase) > 1:
                phrases.setdefault(phrase[0], set()).add(phrase)
    return {first: tuple(sorted(found)) for first, found in sorted(phrases.items())}


def phrase_lexeme(phrase: tuple[str, ...]) -> str | None:
    """The one lexeme an entry keeps for this phrase, or None if entries do not keep it."""
    return " ".join(phrase) if phrase in indexed_phrases().get(phrase[0], ()) else None


def tsvector_text(fields: dict[str, str]) -> str:
    """The tsvector, as text, of some fields (name -> text). Each field starts one position
    after the previous field ends, so no phrase can run from a name into a summary (Whoosh
    keeps fields apart too)."""
    positions: dict[str, list[str]] = {}
    phrases = indexed_phrases()
    start = 1
    for field, text in fields.items():
        words = lexemes(text)
        at = _AT[WEIGHTS[field]]
        for i, lexeme in enumerate(words):
            position = start + i
            here = at[position if position < MAX_POSITION else MAX_POSITION]
            if lexeme in phrases:
                for phrase in phrases[lexeme]:
                    if tuple(words[i:i + len(phrase)]) == phrase:
                        positions.setdefault(" ".join(phrase), []).append(here)
            where = positions.get(lexeme)
            if where is None:
                positions[lexeme] = [here]
            else:
                where.append(here)
        start += len(words) + 1
    return " ".join([f"{quote(lexeme)}:{','.join(where)}" for lexeme, where in positions.items()
                     if len(lexeme) * 4 <= MAX_LEXEME_BYTES or len(lexeme.encode()) <= MAX_LEXEME_BYTES])


# "12A" for position 12 of a name: made once, not for each of the millions of words a rebuild writes.
_AT = {weight: [f"{position}{weight}" for position in range(MAX_POSITION + 1)] for weight in WEIGHTS.values()}


def bits(values, group: str) -> int:
    order = LAYOUT[group]
    chosen = set(values)
    if group == "quadrant" and COUNTYWIDE in chosen:
        chosen = set(order)  # a countywide service is in every quadrant
    return sum(1 << i for i, value in enumerate(order) if value in chosen)


def unit_vector(latitude: float, longitude: float) -> tuple[float, float, float]:
    """A point on the unit sphere: nearer points have larger dot products with it."""
    lat, lon = math.radians(latitude), math.radians(longitude)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


@lru_cache(maxsize=1)
def layout_key() -> str:
    """Everything besides the service that decides what a row holds."""
    return json.dumps([TOKENIZER_VERSION, LAYOUT, sorted(WEIGHTS.items()), _TOKENIZER.expression.pattern,
                       sorted(_STOPS.stops), _STOPS.min, indexed_phrases()])


def fingerprint(document_fingerprint: str, visible_from: date | None, visible_to: date | None) -> str:
    text = json.dumps([document_fingerprint, str(visible_from or ""), str(visible_to or ""), layout_key()])
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def service_fingerprint(service: Service) -> str:
    return fingerprint(service_document(service)["fingerprint"], service.visible_from, service.visible_to)


def entry_row(service: Service | IndexedService, document: dict | None = None) -> dict:
    """The search_document row for a listed service."""
    document = document or service_document(service)
    venues = document["venues"]
    x, y, z = unit_vector(*venues[0]) if venues else (0.0, 0.0, 0.0)
    quadrants = document["quadrant"].split()
    return {
        "service_id": service.id,
        "name": document["name"],
        "name_key": document["name_key"],
        "document": tsvector_text({"name": document["name"], "summary": document["summary"],
                                   "body": document["body"]}),
        "name_vector": tsvector_text({"name": document["name"]}),
        "words": document["words"].decode().split(),
        "need_bits": bits(document["need"].split(), "need"),
        "quadrant_bits": bits(quadrants, "quadrant"),
        "delivery_bits": bits(document["delivery"].split(), "delivery"),
        "day_bits": bits(document["day"].split(), "day"),
        "category_bits": bits(document["category"].split(), "category"),
        "is_free": document["cost"] == "free",
        "is_countywide": COUNTYWIDE in quadrants,
        "min_age": document["ages"][0],
        "max_age": document["ages"][1],
        "venue_lat": [lat for lat, _lon in venues] or None,
        "venue_lon": [lon for _lat, lon in venues] or None,
        "venues": len(venues),
        "venue_x": x,
        "venue_y": y,
        "venue_z": z,
        "visible_from": service.visible_from,
        "visible_to": service.visible_to,
        "fingerprint": fingerprint(document["fingerprint"], service.visible_from, service.visible_to),
    }
