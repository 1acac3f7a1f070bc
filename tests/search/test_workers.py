"""Several worker processes share one index folder: saves never fail on the index lock, no
change is lost, and every process sees the others' changes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from localoffer.data.taxonomy import ensure_vocabulary
from localoffer.extensions import db
from localoffer.search import drain_outbox, index_drift, rebuild_index

from .conftest import search

ROOT = Path(__file__).resolve().parents[2]
WORKER = """
import sys
from config import TestConfig
from localoffer import create_app
from tests.factories import make_service

database, index, label, count, backend = sys.argv[1:6]
app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database, SEARCH_INDEX_DIR=index, SEARCH_BACKEND=backend)
with app.app_context():
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go", so the saves overlap the parent's rebuild
    for n in range(int(count)):
        make_service(f"{label} {n}", description="written by another worker")
print("done")
"""


def start_worker(database_url: str, index_dir: str, label: str, count: int,
                 backend: str = "whoosh") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WORKER, database_url, index_dir, label, str(count), backend],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def two_workers_save_during_a_rebuild(database_url: str, index_dir: str, backend: str = "whoosh") -> None:
    """Two other processes save 8 services each while this one rebuilds the index."""
    # The shared need and category terms exist before the workers start (as in production),
    # so they race only over the index, not over creating the same terms.
    ensure_vocabulary()
    db.session.commit()
    workers = [start_worker(database_url, index_dir, label, 8, backend) for label in ("Alpha", "Beta")]
    # Each worker blocks after "ready", so nothing else sits in the pipe's read buffer, where
    # communicate() (which reads the raw pipe) would never see it.
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    rebuild_index()  # a third writer, working while they save
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert out.strip() == "done"
        assert "Traceback" not in err and "LockError" not in err


def test_two_workers_saving_while_a_rebuild_runs_lose_nothing(app, engine, database_url):
    assert search().total == 0  # this process has the (empty) index open
    two_workers_save_during_a_rebuild(database_url, str(engine.store.root))
    drain_outbox()  # whatever a busy moment left queued
    assert index_drift().is_clean
    # this process notices the other processes' commits without being told
    assert search("another worker").total == 16


def test_a_worker_forked_after_searching_opens_its_own_searcher(app, engine, monkeypatch):
    from tests.factories import make_service

    make_service("Anything")
    parent = engine.snapshot()
    monkeypatch.setattr("localoffer.search.engine.os.getpid", lambda: -1)  # now "in the child"
    child = engine.snapshot()
    assert child is not parent
    assert not parent.searcher.reader().is_closed  # the parent's files are left alone
    assert search().total == 1
    parent.close()
