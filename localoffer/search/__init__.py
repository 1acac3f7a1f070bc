"""Search: the seam between the directory pages and the search engine (Whoosh for now).

Public API (the pages, /services.json and /healthz use these):
    init_app(app)                   configure from SEARCH_BACKEND and SEARCH_INDEX_DIR
    search_services(SearchQuery)    -> SearchResults (ids in rank order, total, facets, ...)
    check_health()                  -> True when the index opens and answers a search
For the CLI, tests and bulk loaders:
    rebuild_index(), index_drift(), drain_outbox(), deferred_sync()
"""
from __future__ import annotations

import os
from contextlib import AbstractContextManager

from flask import Flask, current_app

from . import sync
from .engine import RESULT_CACHE, SearchEngine, SearchUnavailable
from .query import SearchQuery, SearchResults
from .sync import Drift

__all__ = ["Drift", "SearchQuery", "SearchResults", "SearchUnavailable", "check_health", "deferred_sync",
           "drain_outbox", "index_drift", "init_app", "rebuild_index", "search_services"]

BACKENDS = ("whoosh",)
# How long a save waits for another process's index write before leaving the change queued.
DEFAULT_WRITER_TIMEOUT = 2.0


def init_app(app: Flask) -> None:
    backend = str(app.config.get("SEARCH_BACKEND") or "whoosh").strip().lower()
    if backend not in BACKENDS:
        raise RuntimeError(f"SEARCH_BACKEND={backend!r} is not available; supported: {', '.join(BACKENDS)}")
    index_dir = app.config.get("SEARCH_INDEX_DIR")
    if not index_dir:
        raise RuntimeError("SEARCH_INDEX_DIR must name a folder for the search index")
    timeout = float(app.config.get("SEARCH_WRITER_TIMEOUT", DEFAULT_WRITER_TIMEOUT))
    # Nothing is created on disk yet: the index folder appears on first use.
    results = int(app.config.get("SEARCH_RESULT_CACHE", RESULT_CACHE))  # 0: benchmarks of new searches
    app.extensions[sync.EXTENSION] = SearchEngine(os.path.abspath(index_dir), writer_timeout=timeout,
                                                  result_cache=results)
    sync.register_session_hooks()


def _engine() -> SearchEngine:
    return current_app.extensions[sync.EXTENSION]


def search_services(query: SearchQuery) -> SearchResults:
    """Findable services matching the query: one page of ids in rank order, the exact total,
    facet counts, and any spelling suggestion or distances. Never raises on what a family
    typed; raises SearchUnavailable only if the index itself cannot be opened."""
    return _engine().search(query)


def check_health() -> bool:
    return _engine().healthy()


def rebuild_index() -> tuple[int, float]:
    """Reindex every findable service into a fresh index and swap it in: (count, seconds)."""
    engine = _engine()
    return sync.rebuild(engine.store, engine.writer_timeout)


def drain_outbox() -> int:
    """Apply queued changes now; the number of services refreshed (0 if the index is busy)."""
    engine = _engine()
    return sync.drain(engine.store, engine.writer_timeout)


def index_drift() -> Drift:
    """How the index differs from the database: every findable service's entry is worked
    out afresh and compared with what the index holds, by content fingerprint."""
    return sync.drift(_engine().snapshot().fingerprints)


def deferred_sync() -> AbstractContextManager:
    """`with deferred_sync():` around a bulk load: one drain at the end, in batches."""
    return sync.deferred_sync()
