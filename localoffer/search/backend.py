"""What every search backend provides, and the Whoosh backend in those terms.

The public functions in search/__init__.py call the app's backend through this protocol;
SEARCH_BACKEND chooses which (CONTRACT §2): `whoosh`, the embedded index on one machine, or
`postgres` (search/postgres/), the shared database behind several web nodes.
"""
from __future__ import annotations

import os
from contextlib import AbstractContextManager
from typing import Protocol

from flask import Flask

from . import sync
from .engine import RESULT_CACHE, SearchEngine
from .query import SearchQuery, SearchResults
from .sync import Drift

EXTENSION = "localoffer.search.backend"
# How long a save waits for another process's index write before leaving the change queued.
DEFAULT_WRITER_TIMEOUT = 2.0


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults:
        """One page of ids in rank order, the exact total, facet counts, spelling and
        distances. Raises SearchUnavailable only when the index cannot answer at all."""

    def healthy(self) -> bool:
        """The index answers (for /healthz)."""

    def rebuild(self) -> tuple[int, float]:
        """Reindex every findable service from the database: (services indexed, seconds)."""

    def drain(self, when_busy: str = "wait-for-next") -> int:
        """Apply changes waiting in the outbox; the number of services refreshed. With
        when_busy="raise", raises store.IndexBusy if the index cannot be written now."""

    def drift(self) -> Drift:
        """How the index differs from the database (`flask search check`)."""

    def deferred_sync(self) -> AbstractContextManager:
        """Around a bulk load: apply its changes once, at the end."""


class WhooshBackend:
    """The embedded Whoosh index in SEARCH_INDEX_DIR, shared by the workers of one machine."""

    name = "whoosh"

    def __init__(self, engine: SearchEngine):
        self.engine = engine

    @classmethod
    def for_app(cls, app: Flask) -> WhooshBackend:
        index_dir = app.config.get("SEARCH_INDEX_DIR")
        if not index_dir:
            raise RuntimeError("SEARCH_INDEX_DIR must name a folder for the search index")
        timeout = float(app.config.get("SEARCH_WRITER_TIMEOUT", DEFAULT_WRITER_TIMEOUT))
        # Nothing is created on disk yet: the index folder appears on first use.
        results = int(app.config.get("SEARCH_RESULT_CACHE", RESULT_CACHE))  # 0: benchmarks of new searches
        engine = SearchEngine(os.path.abspath(index_dir), writer_timeout=timeout, result_cache=results)
        app.extensions[sync.EXTENSION] = engine
        sync.register_session_hooks()
        return cls(engine)

    def search(self, query: SearchQuery) -> SearchResults:
        return self.engine.search(query)

    def healthy(self) -> bool:
        return self.engine.healthy()

    def rebuild(self) -> tuple[int, float]:
        return sync.rebuild(self.engine.store, self.engine.writer_timeout)

    def drain(self, when_busy: str = "wait-for-next") -> int:
        return sync.drain(self.engine.store, self.engine.writer_timeout, when_busy=when_busy)

    def drift(self) -> Drift:
        """Every findable service's entry is worked out afresh and compared with what the
        index holds, by content fingerprint."""
        return sync.drift(self.engine.snapshot().fingerprints)

    def deferred_sync(self) -> AbstractContextManager:
        return sync.deferred_sync()
