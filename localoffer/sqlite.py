"""SQLite under several gunicorn workers: write transactions take the lock up front.

Python's sqlite3 normally opens a DEFERRED transaction: reads run on a snapshot, and the
first write tries to upgrade it. If another worker committed since that snapshot, SQLite
refuses at once ("database is locked", SQLITE_BUSY_SNAPSHOT) and busy_timeout never helps
(research anchors-reliability §4.1, reproduced there). So, after SQLAlchemy's pysqlite
recipe, the driver's own transaction handling is off and we send BEGIN ourselves:

- a request that may write (POST, PUT, PATCH, DELETE), and any work inside `writing()`,
  starts with BEGIN IMMEDIATE: it waits for the write lock first (busy_timeout, then a
  bounded retry), so what it reads stays true until it commits;
- anything else reads without a transaction (each SELECT sees the latest commit, and no
  snapshot is held that could go stale); its first write statement starts BEGIN IMMEDIATE,
  and the rest of that unit of work is one transaction as usual;
- `apart(work)` runs a small write that must land whatever the caller's transaction does
  (rate-limit counters, a staff session's last-seen time) without waiting for a lock this
  very thread holds.

WAL lets readers run beside the one writer. Nothing here runs for PostgreSQL.
"""
from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from flask import Flask, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import Pool

T = TypeVar("T")

BEGIN_OPTION = "localoffer_sqlite_begin"  # execution option: "IMMEDIATE", or "LAZY" for reads
BUSY_TIMEOUT_MS = 5000  # how long SQLite itself waits for the lock each time
BEGIN_ATTEMPTS = 3  # BEGIN IMMEDIATE tries (so at most ~15 s, inside gunicorn's 30 s timeout)
# Statements that only read; anything else (INSERT, UPDATE, DELETE, DDL, SAVEPOINT) writes.
_READ = re.compile(r"\s*(SELECT|PRAGMA|EXPLAIN|WITH)\b", re.IGNORECASE)
_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_writing: ContextVar[bool] = ContextVar("localoffer_sqlite_writing", default=False)
_held = threading.local()  # ids of this thread's connections inside BEGIN IMMEDIATE
_WROTE = "localoffer.sqlite.wrote"  # session.info: this transaction has flushed a write


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__ == "sqlite3"


@event.listens_for(Engine, "connect")
def _configure(dbapi_connection, _record) -> None:
    """Every new connection, in this order: wait for locks (journal_mode=WAL itself can be
    BUSY), WAL so readers run beside the one writer, NORMAL sync (durable when a process dies;
    see README "Crash safety"), foreign keys (off by default, per connection)."""
    if not _is_sqlite(dbapi_connection):
        return
    dbapi_connection.isolation_level = None  # we send BEGIN ourselves (see _begin)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def is_write_statement(statement: str) -> bool:
    return not _READ.match(statement)


def wants_write() -> bool:
    return _writing.get() or (has_request_context() and request.method in _WRITE_METHODS)


def is_busy(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error)).lower()
    return "database is locked" in text or "database is busy" in text


def _begin_immediate(raw) -> None:
    for attempt in range(1, BEGIN_ATTEMPTS + 1):
        try:
            raw.execute("BEGIN IMMEDIATE")
            break
        except Exception as error:  # sqlite3.OperationalError: busy_timeout ran out
            if not is_busy(error) or attempt == BEGIN_ATTEMPTS:
                raise
            time.sleep(random.uniform(0.05, 0.25))  # noqa: S311 - jitter, not security
    _holding().add(id(raw))


@event.listens_for(Engine, "begin")
def _begin(conn: Connection) -> None:
    raw = conn.connection.driver_connection
    if not _is_sqlite(raw):
        return
    mode = conn.get_execution_options().get(BEGIN_OPTION)
    if mode == "IMMEDIATE" or (mode is None and wants_write()):
        _begin_immediate(raw)
    # otherwise: no transaction until the first write statement (below)


@event.listens_for(Engine, "before_cursor_execute")
def _before_write(conn: Connection, _cursor, statement, _parameters, _context, _many) -> None:
    raw = conn.connection.driver_connection
    if _is_sqlite(raw) and not raw.in_transaction and conn.in_transaction() and is_write_statement(statement):
        _begin_immediate(raw)


def _holding() -> set:
    if not hasattr(_held, "ids"):
        _held.ids = set()
    return _held.ids


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _end(conn: Connection) -> None:
    if conn.closed or conn.invalidated:
        return
    _holding().discard(id(conn.connection.driver_connection))


@event.listens_for(Pool, "checkin")
def _returned(dbapi_connection, _record) -> None:
    if dbapi_connection is not None:
        _holding().discard(id(dbapi_connection))


@contextmanager
def writing() -> Iterator[None]:
    """Transactions begun inside take the write lock up front (for command-line jobs that read
    and then write while the site is running)."""
    token = _writing.set(True)
    try:
        yield
    finally:
        _writing.reset(token)


# -- writes apart from the caller's transaction ---------------------------------------------

def _session():
    """This app context's Session (not the scoped_session proxy, which lacks some methods)."""
    from .extensions import db

    return db.session()


def _session_holds_write_lock(session) -> bool:
    if not session.in_transaction() or session.get_bind().dialect.name != "sqlite":
        return False
    return bool(_holding()) or bool(session.info.get(_WROTE))


def apart(work: Callable[[Connection], T]) -> T:
    """Run `work(connection)` in its own short write transaction, committed at once.

    On SQLite a second connection cannot write while this thread's session holds the write
    lock (it would wait on itself). Then, if the session has nothing unsaved, its transaction
    is ended first; if it has, the write joins it and is committed with the caller's work."""
    session = _session()
    engine = session.get_bind()
    if _session_holds_write_lock(session):
        if session.new or session.dirty or session.deleted or session.info.get(_WROTE):
            return work(session.connection())
        session.commit()
    with engine.connect() as connection:
        connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        with connection.begin():
            return work(connection)


@contextmanager
def read_apart() -> Iterator[Connection]:
    """A connection for a quick read outside the session's transaction. It never takes the
    write lock, so it cannot wait on one this thread holds."""
    with _session().get_bind().connect() as connection:
        connection.execution_options(**{BEGIN_OPTION: "LAZY"})
        yield connection


def _track_writes(session, _flush_context) -> None:
    session.info[_WROTE] = True


def _forget_writes(session, *_args) -> None:
    session.info.pop(_WROTE, None)


def _release(_error=None) -> None:
    """In production the session ends with the request anyway; in tests the app context (and
    so the session) outlives it, and must not keep holding the write lock."""
    session = _session()
    if _session_holds_write_lock(session):
        session.rollback()


def init_app(app: Flask) -> None:
    from .extensions import db

    for name, hook in (("after_flush", _track_writes), ("after_commit", _forget_writes),
                       ("after_rollback", _forget_writes)):
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)
    app.teardown_request(_release)
