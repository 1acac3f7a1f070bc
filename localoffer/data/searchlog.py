"""Recording searches for insight into unmet need (which needs, ages and areas families look for,
and which searches find nothing).

Privacy by design: no IP address, no session id, no time finer than the row's timestamp, and
`near` only as the gazetteer place it matched, never what the family typed."""
from __future__ import annotations

import logging
import re
from datetime import datetime, timezone

from sqlalchemy import insert

from ..models import SearchLog
from ..search.query import SearchQuery, SearchResults
from ..sqlite import apart

log = logging.getLogger(__name__)
# A plain INSERT, built once: one row per search, so the ORM's unit of work would only add cost.
_INSERT = insert(SearchLog.__table__)


# Things families sometimes type that identify someone: emails, web addresses, phone numbers
# and other long numbers, and full postcodes (the district alone is kept: it is not personal).
_EMAIL = re.compile(r"\S+@\S+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_FULL_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
_LONG_NUMBER = re.compile(r"(?:\+?\d[\d\s().-]{4,}\d)")


def scrub_query(text: str) -> str:
    """The search words without contact details, long numbers or full postcodes."""
    text = _EMAIL.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _FULL_POSTCODE.sub(lambda m: m.group(1), text)
    text = _LONG_NUMBER.sub(" ", text)
    return " ".join(text.split())[:200]


def _this_hour() -> datetime:
    """Searches are kept to the hour: enough for trends, too coarse to single anyone out."""
    return datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)


def record_search(query: SearchQuery, results: SearchResults) -> None:
    """Store one search. A failure here must never break the search itself, so it is swallowed
    (and logged by type only: the message could hold what the family typed)."""
    place = results.near_place
    row = dict(
        created_at=_this_hour(),
        query=scrub_query(query.text),
        needs=",".join(query.needs),
        quadrants=",".join(query.quadrants),
        age=query.age,
        cost="free" if query.free else "",
        delivery=",".join(query.delivery),
        days=",".join(query.days),
        near=place.name[:60] if place else "",
        result_count=results.total,
    )
    try:
        # Apart from the page's transaction: a GET reads on a snapshot that cannot take a write.
        apart(lambda connection: _insert(connection, row))
    except Exception as error:  # noqa: BLE001 - logging must not take the search down
        log.warning("Could not record a search: %s", type(error).__name__)


def _insert(connection, row: dict) -> None:
    if connection.dialect.name == "postgresql":
        # A search's row need not wait for the disk: after a crash the last few rows of the
        # search log could be missing, which changes no figure that matters, and every
        # family's search is spared the wait (the database stays consistent either way).
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
    connection.execute(_INSERT, [row])
