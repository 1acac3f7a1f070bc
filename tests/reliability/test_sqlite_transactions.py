"""Write transactions on SQLite take the lock up front, so a second worker never meets
"database is locked" (research anchors-reliability §4.1); PostgreSQL is left alone."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import select

from localoffer import ratelimit
from localoffer.extensions import db
from localoffer.models import WallPost
from localoffer.sqlite import apart, writing

pytestmark = pytest.mark.usefixtures("app")


def _sqlite_file(app) -> str:
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        pytest.skip("SQLite only")
    return url.database


def _hold_write_lock(path: str, seconds: float, started: threading.Event) -> None:
    """Another worker: holds the write lock for a while, then commits a wall post."""
    other = sqlite3.connect(path, isolation_level=None, timeout=10)
    other.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    other.execute("INSERT INTO wall_post (text, themes, consent, channel, group_name, status, check_hints, "
                  "me_too_count, flag_count, submitted_at, updated_at) VALUES ('from the other worker', '[]', 1, "
                  "'online', '', 'awaiting-review', '[]', 0, 0, '2026-01-01', '2026-01-01')")
    other.execute("COMMIT")
    other.close()


def test_the_hazard_plain_sqlite3_fails_at_once_when_a_read_snapshot_goes_stale(app, tmp_path):
    """Why the recipe exists: Python's default DEFERRED transaction, a read, another worker's
    commit, then our write: refused immediately even with a 5 s busy timeout."""
    path = str(tmp_path / "hazard.db")
    setup = sqlite3.connect(path, isolation_level=None)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE t (n INTEGER)")
    setup.close()
    ours, theirs = sqlite3.connect(path, timeout=5), sqlite3.connect(path, timeout=5)
    ours.execute("BEGIN")
    ours.execute("SELECT count(*) FROM t").fetchone()
    theirs.execute("INSERT INTO t VALUES (1)")
    theirs.commit()
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        ours.execute("INSERT INTO t VALUES (2)")
    assert time.monotonic() - started < 1  # the busy timeout never came into play
    ours.close()
    theirs.close()


def test_a_post_takes_the_write_lock_before_its_first_read(app):
    path = _sqlite_file(app)
    with app.test_request_context("/wall/new", method="POST"):
        db.session.scalar(select(WallPost.id).limit(1))  # a read is enough to hold the lock
        probe = sqlite3.connect(path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            probe.execute("BEGIN IMMEDIATE")
        db.session.commit()
        probe.execute("BEGIN IMMEDIATE")  # free again once committed
        probe.execute("ROLLBACK")
        probe.close()


def test_a_get_reads_without_holding_any_lock_or_snapshot(app):
    path = _sqlite_file(app)
    with app.test_request_context("/wall"):
        assert db.session.scalar(select(WallPost.id).limit(1)) is None
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # nobody holds it
        other.execute("INSERT INTO wall_post (text, themes, consent, channel, group_name, status, check_hints, "
                      "me_too_count, flag_count, submitted_at, updated_at) VALUES ('x', '[]', 1, 'online', '', "
                      "'awaiting-review', '[]', 0, 0, '2026-01-01', '2026-01-01')")
        other.execute("COMMIT")
        other.close()
        # The next read sees the other worker's commit, and a write now cannot meet a stale snapshot.
        assert db.session.scalar(select(WallPost.text)) == "x"
        db.session.add(WallPost(text="ours", themes=[], check_hints=[]))
        db.session.commit()
    assert db.session.scalar(select(db.func.count()).select_from(WallPost)) == 2


def test_a_form_post_waits_for_another_workers_write_and_both_land(app, client):
    """The reproduced case from the research, through the real view and Flask-SQLAlchemy: our
    POST reads, another worker holds the lock and commits, our write then succeeds."""
    path = _sqlite_file(app)
    started = threading.Event()
    other = threading.Thread(target=_hold_write_lock, args=(path, 0.5, started))
    other.start()
    started.wait(5)
    t0 = time.monotonic()
    response = client.post("/wall/new", data={"text": "The swimming session was brilliant", "consent": "yes"})
    waited = time.monotonic() - t0
    other.join()
    assert response.status_code == 302
    assert waited >= 0.3  # it queued for the lock instead of failing
    assert sorted(db.session.scalars(select(WallPost.text))) == [
        "The swimming session was brilliant", "from the other worker"]


def test_writing_makes_command_line_work_take_the_lock_up_front(app):
    path = _sqlite_file(app)
    with writing():
        db.session.scalar(select(WallPost.id).limit(1))
        probe = sqlite3.connect(path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            probe.execute("BEGIN IMMEDIATE")
        db.session.rollback()
        probe.close()


def test_a_counter_written_apart_never_waits_on_the_lock_this_request_holds(app):
    """Rate-limit counters are written in their own transaction; inside a POST that already
    holds the write lock this must not deadlock (it would wait 15 s and fail)."""
    _sqlite_file(app)
    with app.test_request_context("/wall/new", method="POST"):
        db.session.scalar(select(WallPost.id).limit(1))
        t0 = time.monotonic()
        assert ratelimit.hit("test:apart", limit=5, window=60)
        assert time.monotonic() - t0 < 1
        assert ratelimit.count("test:apart") == 1


def test_with_unsaved_work_the_apart_write_joins_it(app):
    _sqlite_file(app)
    with app.test_request_context("/wall/new", method="POST"):
        db.session.add(WallPost(text="half done", themes=[], check_hints=[]))
        db.session.flush()
        assert ratelimit.hit("test:joined", limit=5, window=60)
        db.session.rollback()  # the caller gave up: the counter went with it, nothing half-saved
    assert ratelimit.count("test:joined") == 0
    assert db.session.scalar(select(db.func.count()).select_from(WallPost)) == 0


def test_postgresql_is_untouched(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    with app.test_request_context("/wall/new", method="POST"):
        db.session.scalar(select(WallPost.id).limit(1))
        assert apart(lambda connection: connection.exec_driver_sql("SELECT 1").scalar()) == 1
        db.session.add(WallPost(text="on postgres", themes=[], check_hints=[]))
        db.session.commit()
    assert db.session.scalar(select(WallPost.text)) == "on postgres"
