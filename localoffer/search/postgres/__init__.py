"""The PostgreSQL search backend (SEARCH_BACKEND=postgres): search in the shared database, so
any number of web nodes answer the same with no index of their own.

    schema.py     the search_document and search_word tables (created by a migration)
    entries.py    a service as a row: Whoosh's analyser, stored as a tsvector
    writer.py     rows kept in step inside the transaction that changes a service
    sql.py        the SQL of a search: matching, facet counts, one page in order
    searching.py  the search itself, with the Whoosh backend's rules
"""
from __future__ import annotations

import copy
import logging
import multiprocessing
import os
import threading
import time
from dataclasses import replace
from datetime import date

from flask import Flask, current_app
from sqlalchemy import create_engine, delete, exists, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from ...data.services import findable_clause, iter_listed_services, listed_clause
from ...extensions import db
from ...models import Service
from .. import sync
from ..engine import RESULT_CACHE, SearchUnavailable
from ..query import SearchQuery, SearchResults
from ..snapshot import LRU
from ..sync import Drift
from ..text import Synonyms
from . import writer
from .entries import service_fingerprint
from .schema import search_document, search_word
from .searching import SIMILARITY, execute

log = logging.getLogger(__name__)

# Searches read through their own small pool of connections, each set up once for them:
# a tsvector match is priced far below its real cost, so for a common word the planner would
# read every row rather than the GIN index (three times slower), and without words the
# covering index beats the table too; JIT and parallel workers only add start-up time to
# queries this short. Autocommit: a search is one statement (a few more when it checks
# spelling), and needs no BEGIN.
READER_SETTINGS = ("-c enable_seqscan=off -c jit=off -c max_parallel_workers_per_gather=0 -c work_mem=32MB "
                   f"-c pg_trgm.similarity_threshold={SIMILARITY}")
_readers: dict[tuple[int, str], Engine] = {}
_readers_lock = threading.Lock()


def reader_engine(url) -> Engine:
    """The search pool for this database (one per process, shared by every app on it; a
    forked worker makes its own rather than share its parent's connections)."""
    key = (os.getpid(), url.render_as_string(hide_password=False))
    with _readers_lock:
        engine = _readers.get(key)
        if engine is None:
            engine = _readers[key] = create_engine(
                url, isolation_level="AUTOCOMMIT", pool_size=2, max_overflow=8, pool_recycle=3600,
                connect_args={"options": READER_SETTINGS})
        return engine


def today() -> date:
    """The day seasonal listings are checked against (data/services.findable_clause's)."""
    return date.today()


class PostgresBackend:
    name = "postgres"

    def __init__(self, rebuild_workers: int = 1, result_cache: int = RESULT_CACHE, keep_seconds: int = 300):
        self._lock = threading.Lock()
        self._synonyms: Synonyms | None = None
        self._synonyms_version = 0
        self.rebuild_workers = rebuild_workers
        # Answers kept by this process, keyed by the entries' version (search_state): an edit
        # committed on any node changes the version, so a kept answer is never out of date.
        # They also go after `keep_seconds`, in case entries are changed by hand in SQL.
        self._results = LRU(result_cache)
        self.keep_seconds = max(1, keep_seconds)

    @classmethod
    def for_app(cls, app: Flask) -> PostgresBackend:
        url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
        if url.get_backend_name() != "postgresql":
            raise RuntimeError("SEARCH_BACKEND=postgres needs DATABASE_URL to be a PostgreSQL database")
        writer.register_session_hooks()
        return cls(int(app.config.get("SEARCH_REBUILD_WORKERS") or min(4, os.cpu_count() or 1)),
                   result_cache=int(app.config.get("SEARCH_RESULT_CACHE", RESULT_CACHE)),
                   keep_seconds=int(app.config.get("PAGE_CACHE_SECONDS", 300)))

    def synonyms(self) -> Synonyms:
        """The SEND synonym list, compiled again only when it changes (no reindex needed)."""
        from ...reference.synonyms import synonym_groups

        groups = synonym_groups()
        with self._lock:
            if self._synonyms is None or self._synonyms.groups != groups:
                self._synonyms = Synonyms(groups)
                self._synonyms_version += 1
            return self._synonyms

    def search(self, query: SearchQuery) -> SearchResults:
        """A failure is retried once on a fresh connection, then reported as SearchUnavailable
        ("try again later", not a 500). Only the error's type is logged: the query may hold
        special-category data."""
        from ...reference.gazetteer import lookup_place

        place = lookup_place(query.near) if query.near else None
        synonyms = self.synonyms()
        for attempt in (1, 2):
            try:
                with reader_engine(db.engine.url).connect() as connection:
                    return self._answer(connection, query, synonyms, place)
            except Exception as error:  # noqa: BLE001 - see above
                log.warning("Search failed (%s, attempt %d)", type(error).__name__, attempt)
        raise SearchUnavailable("The search index could not answer") from None

    def _answer(self, connection, query: SearchQuery, synonyms: Synonyms, place) -> SearchResults:
        """The kept answer while the entries, synonyms and day are unchanged, else a search.
        The version is read before searching: a change committed in between can only make the
        answer kept under the old version newer than that version, never older."""
        day = today()
        entries = connection.execute(text("SELECT version FROM search_state WHERE id = 1")).scalar()
        if entries is None:  # no state row (emptied by hand): answer without keeping anything
            return execute(connection, query, synonyms, place, day)
        version = f"pg:{entries}:{self._synonyms_version}:{day.isoformat()}:{int(time.time() // self.keep_seconds)}"
        with self._lock:
            kept = self._results.recall((version, query))
        if kept is None:
            kept = execute(connection, query, synonyms, place, day)
            with self._lock:
                self._results.remember((version, query), kept)
        # Callers may change what they get; the kept answer must not change with them.
        return replace(kept, ids=list(kept.ids), facets={k: dict(v) for k, v in kept.facets.items()},
                       distances=dict(kept.distances), near_place=copy.copy(kept.near_place), version=version)

    def healthy(self) -> bool:
        """The search tables answer a query, and pg_trgm is installed."""
        try:
            with reader_engine(db.engine.url).connect() as connection:
                connection.execute(text("SELECT similarity('a', 'b'), "
                                        "(SELECT count(*) FROM (SELECT 1 FROM search_document LIMIT 1) AS one), "
                                        "(SELECT count(*) FROM (SELECT 1 FROM search_word LIMIT 1) AS one)"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False

    def drain(self, when_busy: str = "wait-for-next") -> int:
        """Apply outbox rows left waiting (never busy: rows being applied are skipped)."""
        return writer.drain()

    def deferred_sync(self):
        return sync.deferred_sync()

    def rebuild(self) -> tuple[int, float]:
        """Rewrite every listed service's entry, a batch per transaction, then remove entries
        that should not be there. Searches and saves carry on throughout: every entry is
        whole at every moment, old or new. Returns (services indexed, seconds taken)."""
        started = time.perf_counter()
        with Session(db.engine) as session:
            ids = session.scalars(select(Service.id).where(listed_clause()).order_by(Service.id)).all()
        batches = [ids[start:start + writer.BATCH] for start in range(0, len(ids), writer.BATCH)]
        workers = min(self.rebuild_workers, len(batches) // 4)
        if workers > 1:
            count = _in_processes(batches, workers)
        else:
            count = sum(map(_rebuild_batch, batches))
        with db.engine.begin() as connection:
            listed = exists().where(Service.id == search_document.c.service_id, listed_clause())
            if connection.execute(delete(search_document).where(~listed)).rowcount:
                writer.bump_version(connection)
            # Count every word again (repairing any count changed by hand), dropping unused ones.
            connection.execute(delete(search_word))
            connection.execute(text("INSERT INTO search_word (word, services) SELECT word, count(*) "
                                    "FROM search_document, unnest(words) AS word GROUP BY word"))
        writer.drain()  # changes that could not be applied earlier
        # Fresh statistics for the planner, and a visibility map so searches without words
        # read the covering index alone. (VACUUM cannot run inside a transaction.)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM (ANALYZE) search_document, search_word"))
        return count, time.perf_counter() - started

    def drift(self) -> Drift:
        """Compare each entry's fingerprint with one worked out afresh from the database."""
        database = {str(service.id): service_fingerprint(service)
                    for service in iter_listed_services(options=sync.NOT_INDEXED)}
        with db.engine.connect() as connection:
            stored = {str(i): f for i, f in connection.execute(
                select(search_document.c.service_id, search_document.c.fingerprint))}
            findable = connection.scalar(select(func.count()).select_from(Service).where(findable_clause()))
        return Drift(
            missing=sorted(database.keys() - stored.keys()),
            stale=sorted(i for i in database.keys() & stored.keys() if database[i] != stored[i]),
            extra=sorted(stored.keys() - database.keys()),
            pending=sync.pending_changes(),
            indexed=len(stored),
            findable=findable or 0,
        )


def _rebuild_batch(ids) -> int:
    with db.engine.begin() as connection:
        return writer.refresh(connection, ids, force=True, count=False)  # rebuild() counts words once


def _in_processes(batches: list, workers: int) -> int:
    """Rewrite the batches in `workers` forked processes, each with its own connections: the
    work is mostly Python (loading services, analysing their words), so one core each."""
    db.engine.dispose()  # no open connection may be shared with the children
    app = current_app._get_current_object()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start_child, initargs=(app,)) as pool:
        return sum(pool.imap_unordered(_rebuild_batch, batches))


def _start_child(app: Flask) -> None:
    app.app_context().push()  # for the life of the child process
    db.engine.dispose(close=False)  # the parent's pool is the parent's
