"""What the index holds for one service, and the schema it is held in.

Only findable services are ever written (the sync and the rebuild both check
`Service.is_findable`), so the index holds no moderation state to leak: there is no
status or published field to query, even by accident.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from functools import lru_cache

from flask_babel import force_locale
from whoosh.columns import CompressedBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema

from ..data.listings import IndexedService
from ..models import Service
from ..vocab import AGE_MAX, AGE_MIN, CATEGORIES, DELIVERY, NEEDS
from .spelling import MAX_WORD
from .text import ANALYZER, normalize_name, words_of


def build_schema() -> Schema:
    # Keyword fields are "scorable" only so each has a length column: without one, Whoosh
    # stats the missing column file once per posting when committing (a 5x slower rebuild).
    keyword = dict(scorable=True)
    return Schema(
        id=ID(stored=True, unique=True),
        version=STORED,  # the service's updated_at when indexed
        # a hash of everything else in the document, so `search check` can tell whether the
        # entry still matches the database whatever changed (a venue, a schedule, a need...)
        fingerprint=STORED,
        name=TEXT(analyzer=ANALYZER, stored=True),
        name_key=STORED,  # the name as compared for "exact name first" (text.normalize_name)
        summary=TEXT(analyzer=ANALYZER),
        # description, organisation, Local Offer answers and need/category labels
        body=TEXT(analyzer=ANALYZER),
        # every word as written (not stemmed): the vocabulary for "did you mean". A column,
        # not an indexed field: it is read only to build the vocabulary, and indexing it
        # would add a third to the time a rebuild takes.
        words=COLUMN(CompressedBytesColumn()),
        need=KEYWORD(**keyword),
        quadrant=KEYWORD(**keyword),  # "countywide" for countywide services
        category=KEYWORD(**keyword),  # type of service: a filter without a facet
        delivery=KEYWORD(**keyword),
        day=KEYWORD(**keyword),
        cost=KEYWORD(**keyword),
        # (youngest, oldest) served: the search builds one set per age from it, so an age
        # filter is a cached set, never a range query
        ages=STORED,
        venues=STORED,  # [(latitude, longitude), ...] for distance from a place
    )


def version_of(updated_at: datetime | None) -> str:
    """When the service was last saved, as ISO text (kept with the entry for people
    investigating an index; `search check` compares fingerprints, not this)."""
    return updated_at.isoformat() if updated_at else ""


def service_document(service: Service | IndexedService) -> dict:
    """The index document for a findable service: from the ORM object (a save's index update,
    `search check`) or from the column reader (`search rebuild`), identical either way."""
    english = _english_labels()
    labels = [english[c] for c in (*service.needs, *service.categories, *service.delivery_modes) if c in english]
    body = "\n".join([service.description or "", service.organisation_name or "", *service.answer_texts, *labels])
    low = max(AGE_MIN, service.min_age if service.min_age is not None else AGE_MIN)
    high = min(AGE_MAX, service.max_age if service.max_age is not None else AGE_MAX)
    venues = service.venue_points
    all_text = " ".join([service.name or "", service.summary or "", body])
    document = {
        "id": str(service.id),
        "version": version_of(service.updated_at),
        "name": service.name or "",
        "name_key": normalize_name(service.name or ""),
        "summary": service.summary or "",
        "body": body,
        "words": " ".join(sorted(set(words_of_document(all_text)))).encode(),
        "need": " ".join(service.needs),
        "quadrant": " ".join(service.quadrants),
        "category": " ".join(service.categories),
        "delivery": " ".join(service.delivery_modes),
        "day": " ".join(service.days),
        "cost": "free" if service.is_free else "",
        "ages": (low, high),
        "venues": venues,
    }
    document["fingerprint"] = fingerprint_of(document)
    return document


def fingerprint_of(document: dict) -> str:
    """A short hash of what the index holds for a service (all but its version stamp)."""
    content = {k: v.decode() if isinstance(v, bytes) else v for k, v in document.items()
               if k not in ("version", "fingerprint")}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _english_labels() -> dict[str, str]:
    """Need, category and delivery labels in English: the index is the same whoever's
    request (in whatever language) wrote it. Slugs do not clash across the three lists."""
    with force_locale("en"):
        return {code: str(label) for vocab in (NEEDS, CATEGORIES, DELIVERY) for code, label in vocab.items()}


def english_need_labels() -> list[str]:
    with force_locale("en"):
        return [str(label) for label in NEEDS.values()]


def words_of_document(text: str) -> list[str]:
    """Words worth suggesting as spellings: letters only, 3 to 30 characters."""
    return [w for w in words_of(text, limit=None) if 3 <= len(w) <= MAX_WORD and w.isalpha()]
