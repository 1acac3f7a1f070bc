"""Keeping search_document in step with the directory, in the transaction that changes it.

Changes are found exactly as for Whoosh: every flush that touches a service (or anything shown
in its entry) writes an `index_outbox` row in its transaction (search/sync.py). Here, just
before that transaction commits, the rows are applied too: each touched service is re-read
and its entry rewritten (or removed), and the outbox rows are deleted. So an edit is
searchable on every web node the moment it commits, and a rollback takes the entry with it.

Two transactions touching the same service take turns (an advisory lock per service, taken in
one order so they can never deadlock), and each reads the service only once it holds the
lock, so the entry written last is always made from the latest committed data. If applying
fails, the save still commits and its outbox rows wait for `flask search sync`, the next save
or a rebuild, exactly as when Whoosh's index is busy.
"""
from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Iterable

from flask import current_app, g, has_app_context
from sqlalchemy import bindparam, delete, event, or_, select, text
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer, Text

from ...data.listings import indexed_services
from ...extensions import db
from ...models import IndexOutbox
from .. import sync
from ..backend import EXTENSION as BACKEND
from .entries import entry_row
from .schema import search_document

log = logging.getLogger(__name__)

BATCH = 500  # services per transaction when draining or rebuilding
# A transaction touching more services than this (a bulk import not wrapped in
# deferred_sync) leaves them to a drain straight after its commit, in batches, rather than
# holding thousands of locks.
IN_TRANSACTION_MAX = 1000
LOCK_SPACE = 0x10CA1  # first key of our advisory locks: (LOCK_SPACE, service hash)
_LEFT_FOR_AFTER_COMMIT = "localoffer.search.postgres.after_commit"


def register_session_hooks() -> None:
    sync.register_session_hooks()  # the outbox rows
    for name, hook in (("before_commit", _before_commit), ("after_commit", _after_commit),
                       ("after_rollback", _after_rollback)):
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)


def _active() -> bool:
    """This app searches with PostgreSQL and no bulk load has paused syncing."""
    if not has_app_context() or g.get(sync._PAUSED):
        return False
    backend = current_app.extensions.get(BACKEND)
    return getattr(backend, "name", None) == "postgres"


def _before_commit(session) -> None:
    if not _active():
        return
    session.flush()  # the last flush writes the last outbox rows
    if not session.info.get(sync._PENDING):
        return  # this transaction changed nothing search shows
    connection = session.connection()
    try:
        with connection.begin_nested():  # a failure here must not undo the save itself
            if apply_outbox(connection, limit=IN_TRANSACTION_MAX) is None:
                session.info[_LEFT_FOR_AFTER_COMMIT] = True
    except Exception as error:  # noqa: BLE001 - the save goes ahead; the outbox keeps the change
        log.warning("Search entries not updated (%s); changes stay queued", type(error).__name__)


def _after_commit(session) -> None:
    if session.info.pop(_LEFT_FOR_AFTER_COMMIT, False) and _active():
        try:
            drain()
        except Exception as error:  # noqa: BLE001 - the outbox keeps them for the next drain
            log.warning("Search sync failed (%s); changes stay queued", type(error).__name__)


def _after_rollback(session) -> None:
    session.info.pop(_LEFT_FOR_AFTER_COMMIT, None)


# -- applying changes ----------------------------------------------------------------------

def apply_outbox(connection, limit: int | None = None, batch: int | None = None) -> int | None:
    """Apply waiting outbox rows in this transaction (the first `batch` of them, or all):
    the number of services refreshed, or None, applying nothing, if they are more than
    `limit`. Rows another transaction is applying right now are skipped, not waited for."""
    rows = connection.execute(select(IndexOutbox.id, IndexOutbox.service_id).order_by(IndexOutbox.id)
                              .limit(batch).with_for_update(skip_locked=True)).all()
    wanted = list(dict.fromkeys(row.service_id for row in rows))
    if not wanted:
        return 0
    if limit is not None and len(wanted) > limit:
        return None
    refresh(connection, wanted)
    connection.execute(delete(IndexOutbox).where(IndexOutbox.id.in_([row.id for row in rows])))
    return len(wanted)


def lock(connection, service_ids: Iterable[uuid.UUID]) -> None:
    """Wait for any other transaction writing these services' entries, then hold them until
    this transaction ends. Always taken in ascending order, so two writers cannot deadlock."""
    keys = sorted({int.from_bytes(i.bytes[:4], "big", signed=True) for i in service_ids})
    connection.execute(text("SELECT pg_advisory_xact_lock(:space, k) FROM unnest(:keys) AS k")
                       .bindparams(bindparam("keys", type_=ARRAY(Integer))), {"space": LOCK_SPACE, "keys": keys})


def refresh(connection, service_ids: list[uuid.UUID], force: bool = False, count: bool = True) -> int:
    """Rewrite these services' entries from the database, in this transaction: listed ones
    written (skipping any whose fingerprint shows nothing changed, unless `force`), the rest
    removed, and their words counted (unless not `count`: a rebuild counts every word once
    at the end, and counting batch by batch would only make its workers wait for each other's
    locks on common words). Returns the number of listed services."""
    lock(connection, service_ids)
    columns = [search_document.c.service_id, search_document.c.fingerprint]
    if count:  # the typed words, to uncount the ones an entry no longer has
        columns.append(search_document.c.words)
    stored = {row.service_id: row for row in connection.execute(
        select(*columns).where(search_document.c.service_id.in_(service_ids)))}
    # A separate session on the same connection: it reads this transaction's own changes.
    # Plain column reads (as Whoosh's rebuild), not ORM objects: a third of the time otherwise.
    with Session(bind=connection, join_transaction_mode="rollback_only") as reader:
        listed = indexed_services(reader, list(service_ids), in_season_only=False)
        rows = [entry_row(s) for s in listed]
    rows = [r for r in rows if force or r["service_id"] not in stored
            or stored[r["service_id"]].fingerprint != r["fingerprint"]]
    gone = set(stored) - {s.id for s in listed}
    if gone:
        connection.execute(delete(search_document).where(search_document.c.service_id.in_(gone)))
    if rows:
        write(connection, rows)
    if count:
        count_changes(connection, rows, gone, stored)
    if rows or gone:
        bump_version(connection)
    return len(listed)


def count_changes(connection, rows: list[dict], gone: set, stored: dict) -> None:
    uses: Counter[str] = Counter()
    for row in rows:
        uses.update(row["words"])
    for service_id in gone | {row["service_id"] for row in rows}:
        if service_id in stored:
            uses.subtract(stored[service_id].words)
    count_words(connection, uses)


def bump_version(connection) -> None:
    """A new version of the entries, in the transaction that changes them: every node's kept
    answers stop being used the moment it commits. Taken last, just before the commit, so
    the row lock is held only briefly and after every other lock (no deadlock)."""
    connection.execute(text("UPDATE search_state SET version = version + 1"))


def write(connection, rows: list[dict]) -> None:
    """Insert or replace these entries. An entry already exactly as it should be is left
    alone: a rebuild compares every entry in full (so it still repairs one changed by hand)
    but rewrites only those that differ, leaving no dead copy of the rest in the table and
    its indexes (a full rewrite doubled them, and made every search after it slower)."""
    statement = insert(search_document).values(
        {column: bindparam(column, type_=search_document.c[column].type) for column in rows[0]})
    replace = {c.name: statement.excluded[c.name] for c in search_document.columns if c.name != "service_id"}
    differs = or_(*(search_document.c[name].is_distinct_from(value) for name, value in replace.items()))
    connection.execute(statement.on_conflict_do_update(index_elements=["service_id"], set_=replace, where=differs),
                       rows)


def count_words(connection, change: Counter[str]) -> None:
    """Add to how many services use each word. One statement, in word order, so two writers
    counting the same words take their row locks in the same order and cannot deadlock."""
    words = sorted(word for word, n in change.items() if n)
    if words:
        connection.execute(text(
            "INSERT INTO search_word (word, services) SELECT * FROM unnest(:words, :changes) ORDER BY 1 "
            "ON CONFLICT (word) DO UPDATE SET services = greatest(0, search_word.services + excluded.services)"
        ).bindparams(bindparam("words", type_=ARRAY(Text)), bindparam("changes", type_=ARRAY(Integer))),
            {"words": words, "changes": [change[w] for w in words]})


def drain() -> int:
    """Apply every waiting outbox row, a batch per transaction (`flask search sync`, bulk
    loads, the daily job). Returns the number of services refreshed."""
    refreshed = 0
    while True:
        with db.engine.begin() as connection:
            done = apply_outbox(connection, batch=BATCH)
        refreshed += done
        if not done:
            return refreshed

