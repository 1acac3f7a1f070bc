"""The search engine one worker process keeps for one index directory.

It holds a single Snapshot (searcher plus caches) and, before each search, checks whether
another process has changed the index: one readlink and one directory listing. Only when the
index has changed does it reopen (and rebuild its caches). Recent answers are kept in a small
LRU keyed by (index generation, synonym list, query), so a repeated search costs nothing.

Whoosh searchers are not documented as thread-safe, so searches in one process take turns
(under the GIL they would anyway).
"""
from __future__ import annotations

import copy
import logging
import os
import threading
import weakref
from dataclasses import replace

from whoosh.query import Every

from .query import Place, SearchQuery, SearchResults
from .searching import execute
from .snapshot import LRU, Snapshot
from .store import IndexStore
from .text import Synonyms

RESULT_CACHE = 1024  # answers kept per process (a few KB each)

log = logging.getLogger(__name__)


class SearchUnavailable(RuntimeError):
    """The index could not be opened (it is reported by /healthz; `flask search rebuild` fixes it)."""


class SearchEngine:
    def __init__(self, root: str, writer_timeout: float, result_cache: int = RESULT_CACHE):
        self.store = IndexStore(root)
        self.writer_timeout = writer_timeout
        self.result_cache = result_cache
        self._lock = threading.RLock()
        # The open snapshot, in a list the finalizer below can close without keeping the
        # engine alive: its segment files stay open while it is in use, and an app that is
        # dropped (tests make hundreds) closes them rather than leaving them to the GC.
        self._open: list[Snapshot | None] = [None]
        weakref.finalize(self, _close_quietly, self._open)
        self._index = None
        self._index_name: str | None = None
        self._results = LRU(self.result_cache)
        self._synonyms: Synonyms | None = None
        self._synonyms_version = 0
        self._segments: dict = {}  # segment id -> SegmentData, kept while the segment is live
        self._pid = os.getpid()

    @property
    def _snapshot(self) -> Snapshot | None:
        return self._open[0]

    @_snapshot.setter
    def _snapshot(self, snapshot: Snapshot | None) -> None:
        self._open[0] = snapshot

    # -- reading -----------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The index as it is now, reopened only if another writer has changed it."""
        with self._lock:
            if self._pid != os.getpid():
                # Forked (gunicorn --preload) after opening the index: the open files are
                # shared with the parent, so start afresh without closing the parent's.
                self._snapshot, self._index, self._index_name, self._pid = None, None, None, os.getpid()
                self._segments, self._results = {}, LRU(self.result_cache)
            name = self.store.ensure(self.writer_timeout)
            if name != self._index_name:
                self._index, self._index_name = self.store.open(name), name
            key = (name, self._index.latest_generation())
            if self._snapshot is None or self._snapshot.key != key:
                old = self._snapshot
                # A fresh searcher, not old.searcher.refresh(): whoosh-reloaded 2.7.5's
                # refresh re-adds segments a merge has removed (and fails on an empty
                # index). Our per-segment caches carry over by segment id anyway.
                self._snapshot = Snapshot(key, self._index.searcher(), self._segments)
                if old is not None:
                    old.close()
                for segment_id in set(self._segments) - self._snapshot.segment_ids:
                    del self._segments[segment_id]  # merged away or replaced by a rebuild
                self._results.clear()
            return self._snapshot

    def synonyms(self) -> Synonyms:
        from ..reference.synonyms import synonym_groups

        groups = synonym_groups()
        if self._synonyms is None or self._synonyms.groups != groups:
            self._synonyms = Synonyms(groups)
            self._synonyms_version += 1
        return self._synonyms

    def search(self, query: SearchQuery) -> SearchResults:
        """Never lets an error from inside Whoosh out: a failure is retried once on a freshly
        opened index, then reported as SearchUnavailable (a "try again later" page, not a
        500). Only the error's type is logged: the query may hold special-category data."""
        with self._lock:
            for attempt in (1, 2):
                try:
                    return self._search(query)
                except Exception as error:  # noqa: BLE001 - see above
                    log.warning("Search failed (%s, attempt %d)", type(error).__name__, attempt)
                    self.forget()  # whatever the searcher cached may be what broke
            raise SearchUnavailable("The search index could not answer") from None

    def _search(self, query: SearchQuery) -> SearchResults:
        snap = self.snapshot()
        synonyms = self.synonyms()
        key = (snap.key, self._synonyms_version, query)
        cached = self._results.recall(key)
        if cached is None:
            cached = self._results.remember(key, execute(snap, query, synonyms, _place(query)))
        # Callers may change what they get; the cache must not change with them.
        return replace(cached, ids=list(cached.ids), facets={k: dict(v) for k, v in cached.facets.items()},
                       distances=dict(cached.distances), near_place=copy.copy(cached.near_place),
                       version=f"{snap.key[0]}:{snap.key[1]}:{self._synonyms_version}")

    def healthy(self) -> bool:
        with self._lock:
            try:
                snap = self.snapshot()
                snap.searcher.search(Every(), limit=1)
                return True
            except Exception:
                return False

    def forget(self) -> None:
        """Drop the open searcher (tests and shutdown); the next search reopens."""
        with self._lock:
            if self._snapshot is not None:
                try:
                    self._snapshot.close()
                except Exception as error:  # noqa: BLE001 - a broken searcher is being dropped anyway
                    log.warning("Closing the search index failed (%s)", type(error).__name__)
            self._snapshot, self._index, self._index_name = None, None, None
            self._segments.clear()
            self._results.clear()


def _close_quietly(held: list) -> None:
    snapshot, held[0] = held[0], None
    if snapshot is not None:
        try:
            snapshot.close()
        except Exception:  # noqa: BLE001 - closing files of an engine nobody uses any more
            pass


def _place(query: SearchQuery) -> Place | None:
    if not query.near:
        return None
    from ..reference.gazetteer import lookup_place

    return lookup_place(query.near)
