"""Search: the seam between the directory pages and the search engine.

SEARCH_BACKEND chooses the engine (backend.py): `whoosh`, an embedded index on one machine,
or `postgres`, full-text search in the shared database for several web nodes.

Public API (the pages, /services.json and /healthz use these):
    init_app(app)                   configure from SEARCH_BACKEND (and SEARCH_INDEX_DIR)
    search_services(SearchQuery)    -> SearchResults (ids in rank order, total, facets, ...)
    check_health()                  -> True when the index opens and answers a search
For the CLI, tests and bulk loaders:
    rebuild_index(), index_drift(), drain_outbox(), deferred_sync()
"""
from __future__ import annotations

from contextlib import AbstractContextManager

from flask import Flask, current_app

from .backend import EXTENSION, SearchBackend, WhooshBackend
from .engine import SearchUnavailable
from .query import SearchQuery, SearchResults
from .sync import Drift

__all__ = ["Drift", "SearchQuery", "SearchResults", "SearchUnavailable", "check_health", "deferred_sync",
           "drain_outbox", "index_drift", "init_app", "rebuild_index", "search_services"]


def _postgres(app: Flask) -> SearchBackend:
    from .postgres import PostgresBackend

    return PostgresBackend.for_app(app)


BACKENDS = {"whoosh": WhooshBackend.for_app, "postgres": _postgres}


def init_app(app: Flask) -> None:
    backend = str(app.config.get("SEARCH_BACKEND") or "whoosh").strip().lower()
    if backend not in BACKENDS:
        raise RuntimeError(f"SEARCH_BACKEND={backend!r} is not available; supported: {', '.join(BACKENDS)}")
    app.extensions[EXTENSION] = BACKENDS[backend](app)


def current_backend() -> SearchBackend:
    """The search backend of the current app."""
    return current_app.extensions[EXTENSION]


def search_services(query: SearchQuery) -> SearchResults:
    """Findable services matching the query: one page of ids in rank order, the exact total,
    facet counts, and any spelling suggestion or distances. Never raises on what a family
    typed; raises SearchUnavailable only if the index itself cannot be opened."""
    return current_backend().search(query)


def check_health() -> bool:
    return current_backend().healthy()


def rebuild_index() -> tuple[int, float]:
    """Reindex every findable service from the database: (count, seconds)."""
    return current_backend().rebuild()


def drain_outbox() -> int:
    """Apply queued changes now; the number of services refreshed (0 if the index is busy)."""
    return current_backend().drain()


def index_drift() -> Drift:
    """How the index differs from the database: every findable service's entry is worked
    out afresh and compared with what the index holds, by content fingerprint."""
    return current_backend().drift()


def deferred_sync() -> AbstractContextManager:
    """`with deferred_sync():` around a bulk load: one drain at the end, in batches."""
    return current_backend().deferred_sync()
