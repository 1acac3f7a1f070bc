"""Keeping the index in step with the database, which is the source of truth.

1. Every flush that inserts, changes or deletes a service or anything shown in its search
   entry adds an IndexOutbox row for that service IN THE SAME TRANSACTION. A rollback takes
   the rows with it; a commit can never happen without them.
2. After the commit, the outbox is drained: under the index writer lock, each service is
   re-read from the database and its index entry replaced (or removed if it is no longer
   findable), then the drained rows are deleted. If the lock is busy or anything fails, the
   rows stay for the next drain (the next change, `flask search sync`, or a rebuild):
   nothing is lost and the person saving never sees an error.
3. `rebuild` writes a complete fresh index and swaps it in; `drift` compares index and
   database for `flask search check`.
"""
from __future__ import annotations

import itertools
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from flask import current_app, g, has_app_context
from sqlalchemy import delete, event, func, insert, inspect, select
from sqlalchemy.orm import Session, lazyload

from ..extensions import db
from ..models import (Contact, CostOption, IndexOutbox, Language, LocalOfferAnswer, Location, Organisation,
                      Schedule, Service, ServiceArea, ServiceAtLocation)
from ..models.base import utcnow
from .build import COMPOUND, build_index, documents, findable_ids
from .documents import service_document
from .store import IndexBusy, IndexStore

log = logging.getLogger(__name__)

EXTENSION = "localoffer.search"
# Rows carrying a service_id: a change to any of them changes that service's entry.
CHILDREN = (ServiceArea, ServiceAtLocation, Contact, Schedule, CostOption, Language, LocalOfferAnswer)
BATCH = 500  # services per index commit when draining a bulk load
MAX_ROUNDS = 50  # batches per drain at most, so a constant stream of saves cannot hold the lock forever
# The index never reads these, so loading a service for it skips their queries.
NOT_INDEXED = (lazyload(Service.contacts), lazyload(Service.cost_options), lazyload(Service.languages))
REBUILD_LOCK_TIMEOUT = 120.0  # a rebuild waits for a running sync (seconds at most)

_DELETED = "localoffer.search.deleted"  # session.info: services touched by deletes in this flush
_PENDING = "localoffer.search.pending"  # session.info: this transaction wrote outbox rows
_PAUSED = "localoffer_search_paused"  # flask.g: a bulk load will drain once at the end


# -- 1. recording changes ------------------------------------------------------------------

def register_session_hooks() -> None:
    """Listen on db.session (once per process, whichever app asks first)."""
    for name, hook in (("before_flush", _before_flush), ("after_flush", _after_flush),
                       ("after_commit", _after_commit), ("after_rollback", _after_rollback)):
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)


def _before_flush(session, flush_context, instances) -> None:
    # Deleted rows must be read now: after the flush their service_id can no longer be loaded.
    ids = session.info.setdefault(_DELETED, set())
    ids |= _services_touched(session, session.deleted)


def _after_flush(session, flush_context) -> None:
    # New rows only know their service_id (and new services their id) once flushed.
    touched = [o for o in itertools.chain(session.new, session.dirty)
               if o in session.new or session.is_modified(o)]
    ids = _services_touched(session, touched) | session.info.pop(_DELETED, set())
    ids.discard(None)
    record_changes(session, ids)


def record_changes(session, service_ids) -> None:
    """Queue index updates for services written without the ORM's flush (bulk inserts), in
    the session's transaction, exactly as the flush hooks do for everything else."""
    ids = sorted(set(service_ids))
    if ids:
        now = utcnow()
        session.connection().execute(insert(IndexOutbox.__table__),
                                     [{"service_id": i, "created_at": now} for i in ids])
        session.info[_PENDING] = True


def _services_touched(session, objects) -> set:
    ids: set = set()
    locations, organisations = set(), set()
    for obj in objects:
        if isinstance(obj, Service):
            ids.add(obj.id)
        elif isinstance(obj, CHILDREN):
            history = inspect(obj).attrs.service_id.history
            ids.add(obj.service_id)
            ids.update(history.deleted or ())  # moved from another service
        elif isinstance(obj, Location) and obj.id is not None and obj not in session.new:
            locations.add(obj.id)
        elif isinstance(obj, Organisation) and obj.id is not None and obj not in session.new:
            if obj in session.deleted or inspect(obj).attrs.name.history.has_changes():
                organisations.add(obj.id)
    if locations:
        ids.update(session.connection().scalars(
            select(ServiceAtLocation.service_id).where(ServiceAtLocation.location_id.in_(locations))))
    if organisations:
        ids.update(session.connection().scalars(
            select(Service.id).where(Service.organisation_id.in_(organisations))))
    return ids


def _after_rollback(session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_DELETED, None)


def _after_commit(session) -> None:
    if session.in_nested_transaction():
        # A savepoint was released inside a larger transaction: nothing is committed yet, and
        # a drain now would wait for the write lock this very session holds (SQLite).
        return
    if not session.info.pop(_PENDING, False):
        return
    if not has_app_context() or g.get(_PAUSED):
        return  # the rows wait in the outbox for the next drain
    engine = current_app.extensions.get(EXTENSION)
    if engine is None:
        return
    try:
        drain(engine.store, engine.writer_timeout)
    except Exception as error:  # the save succeeded; the outbox keeps the change for later
        log.warning("Search index sync failed (%s); changes stay queued", type(error).__name__)


@contextmanager
def deferred_sync():
    """For bulk loads: don't sync after every commit, drain once at the end (in batches)."""
    already = g.get(_PAUSED, False)
    setattr(g, _PAUSED, True)
    try:
        yield
    finally:
        setattr(g, _PAUSED, already)
    if not already:
        from . import current_backend, drain_outbox

        if current_backend().name != "whoosh":
            drain_outbox()  # PostgreSQL: entries are written in batches by the drain itself
            return
        engine = current_app.extensions[EXTENSION]
        # Updating entries one by one costs about what writing them afresh does, so once the
        # backlog is as big as half the index, a rebuild (on every core) is the quicker way.
        if pending_changes() > max(BATCH, _indexed_count(engine.store) // 2):
            rebuild(engine.store, engine.writer_timeout)
        else:
            drain(engine.store, engine.writer_timeout)


def _indexed_count(store: IndexStore) -> int:
    name = store.current_name()
    if name is None or not store.path(name).is_dir():
        return 0
    return store.open(name).doc_count()


# -- 2. draining ---------------------------------------------------------------------------

def pending_changes() -> int:
    with Session(db.engine) as s:
        return s.scalar(select(func.count()).select_from(IndexOutbox)) or 0


def pending_marker() -> tuple[int, int]:
    """(how many, highest id) of the changes committed but not yet in the index. Anything
    cached from search results keys on it too: while the index lags behind a save, the key
    differs, so the page is built afresh from the database."""
    count, highest = db.session.execute(_PENDING_MARKER).one()
    return int(count or 0), int(highest or 0)


_PENDING_MARKER = select(func.count(), func.max(IndexOutbox.id))  # built once: asked on every search page


def drain(store: IndexStore, timeout: float, when_busy: str = "wait-for-next") -> int:
    """Apply the outbox to the index; the number of service entries refreshed. If another
    process holds the writer lock for `timeout` seconds the rows stay queued and this returns
    0 (or raises IndexBusy with when_busy="raise")."""
    with Session(db.engine) as s:
        if s.scalar(select(IndexOutbox.id).limit(1)) is None:
            return 0
    try:
        with store.write_lock(timeout):
            return _apply_outbox(store, timeout)
    except IndexBusy:
        if when_busy == "raise":
            raise
        log.info("Search index busy; changes stay queued for the next sync")
        return 0


def _apply_outbox(store: IndexStore, timeout: float) -> int:
    """Drain in batches, one index commit per batch. Call only holding the writer lock."""
    name = _live_index_name(store)
    refreshed = rounds = 0
    while True:
        with Session(db.engine) as s:
            rows = s.execute(select(IndexOutbox.id, IndexOutbox.service_id)
                             .order_by(IndexOutbox.id).limit(BATCH)).all()
            if not rows:
                break
            # Read after taking the lock, so two drains can never write an older version last.
            wanted = list(dict.fromkeys(r.service_id for r in rows))
            services = {sv.id: sv for sv in s.scalars(
                select(Service).where(Service.id.in_(wanted)).options(*NOT_INDEXED))}
            entries = [(str(i), service_document(services[i]) if i in services and services[i].is_findable
                        else None) for i in wanted]
        index = store.open(name)
        # An index written by an older release may lack a newer field: keep it in step with
        # what it has (`search check` reports it as out of date until the next rebuild).
        known = set(index.schema.names())
        # an error cancels, keeping the rows
        with index.writer(timeout=timeout, compound=COMPOUND) as writer:
            for service_id, document in entries:
                if document is None:
                    writer.delete_by_term("id", service_id)
                else:
                    writer.update_document(**{k: v for k, v in document.items() if k in known})
        with Session(db.engine) as s:
            s.execute(delete(IndexOutbox).where(IndexOutbox.id.in_([r.id for r in rows])))
            s.commit()
        refreshed += len(entries)
        # Not "if len(rows) < BATCH: break": another worker may have committed while we wrote,
        # and its own drain may have given up waiting for our lock. Look again before letting go.
        rounds += 1
        if rounds >= MAX_ROUNDS:
            break
    return refreshed


def _live_index_name(store: IndexStore) -> str:
    name = store.current_name()
    if name is None or not store.path(name).is_dir():
        name, _ix = store.new_index()
        store.make_live(name)
    return name


# -- 3. rebuild and drift ------------------------------------------------------------------

def rebuild(store: IndexStore, timeout: float, processes: int | None = None) -> tuple[int, float]:
    """Index every findable service into a new directory (on every core: build.py) and make
    it live in one step. Returns (services indexed, seconds taken)."""
    started = time.perf_counter()
    with store.write_lock(REBUILD_LOCK_TIMEOUT):
        # Changes already committed are read by the build below: their outbox rows are done
        # once it is live. (Ids, not "up to the highest id": a transaction that took a lower
        # id may commit later, after the build has read its service.)
        covered = _outbox_ids()
        name, _ix = store.new_index()
        try:
            count = build_index(store, name, processes)
            store.make_live(name)
        except BaseException:
            store.discard(name)
            raise
        _delete_outbox_rows(covered)
        # Changes saved while we were building waited in the outbox: apply them now.
        _apply_outbox(store, timeout)
    return count, time.perf_counter() - started


def _outbox_ids() -> list[int]:
    with Session(db.engine) as s:
        return list(s.scalars(select(IndexOutbox.id)))


def _delete_outbox_rows(ids: list[int]) -> None:
    with Session(db.engine) as s:
        for start in range(0, len(ids), 1000):
            s.execute(delete(IndexOutbox).where(IndexOutbox.id.in_(ids[start:start + 1000])))
        s.commit()


@dataclass
class Drift:
    """Differences between the index and the database (findable services only)."""

    missing: list[str] = field(default_factory=list)  # findable, not in the index
    stale: list[str] = field(default_factory=list)  # in the index, but not as the database has it now
    extra: list[str] = field(default_factory=list)  # in the index, not findable (or gone)
    pending: int = 0  # outbox rows not yet applied
    indexed: int = 0
    findable: int = 0

    @property
    def is_clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def drift(index_fingerprints: dict[str, str]) -> Drift:
    """Compare what the index holds with what it would hold if written now: any change the
    outbox missed (a venue moved by hand, a schedule edited in SQL) shows as out of date."""
    with Session(db.engine) as session:
        database = {document["id"]: document["fingerprint"] for document in documents(session, findable_ids())}
    return Drift(
        missing=sorted(database.keys() - index_fingerprints.keys()),
        stale=sorted(i for i in database.keys() & index_fingerprints.keys()
                     if database[i] != index_fingerprints[i]),
        extra=sorted(index_fingerprints.keys() - database.keys()),
        pending=pending_changes(),
        indexed=len(index_fingerprints),
        findable=len(database),
    )
