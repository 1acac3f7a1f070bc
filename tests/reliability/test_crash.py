"""Crash safety (README "Crash safety"): SIGKILL a worker, then the whole server, in the middle
of writes; after a restart every write the site acknowledged (2xx/3xx) is still there, and the
search index either passes `flask search check` or is repaired by `flask search rebuild`."""
from __future__ import annotations

import http.client
import os
import signal
import threading
import time

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import ServiceVersion, WallPost

from .site import Browser, Site, seed
from .test_storm import _markers, _staff_edit, _wall_post

pytestmark = pytest.mark.reliability

WALL_WRITERS = 6
EDIT_WRITERS = 2


def test_killing_a_worker_then_the_whole_server_loses_no_acknowledged_write(tmp_path, record_property):
    site = Site(tmp_path)
    seeded = seed(site, services=4)
    site.start()
    acknowledged = {"wall": set(), "edit": set()}
    sent = {"wall": 0, "edit": 0}
    refused = []
    lock, stop = threading.Lock(), threading.Event()

    def keep_writing(kind: str, first: int):
        browser = None
        for n in range(first, first + 100_000):
            if stop.is_set():
                return
            try:
                if browser is None:
                    browser = Browser(site)
                    if kind == "edit":
                        browser.sign_in(seeded["moderator"])
                if kind == "wall":
                    status = _wall_post(browser, n)
                else:
                    status = _staff_edit(browser, seeded["services"][first % 4], n)
            # Refused, or cut off mid-request or mid-response (IncompleteRead is an HTTPException,
            # not an OSError): never acknowledged.
            except (OSError, RuntimeError, http.client.HTTPException):
                status = None
                browser = None
                time.sleep(0.05)
            with lock:
                sent[kind] += 1
                if status is not None and 200 <= status < 400:
                    acknowledged[kind].add(n)
                elif status is not None:
                    refused.append((kind, status))

    threads = ([threading.Thread(target=keep_writing, args=("wall", i * 1_000_000)) for i in range(WALL_WRITERS)]
               + [threading.Thread(target=keep_writing, args=("edit", (WALL_WRITERS + i) * 1_000_000))
                  for i in range(EDIT_WRITERS)])
    for thread in threads:
        thread.start()
    def progress(wall: int, edits: int, timeout: float = 30) -> None:
        """Wait (bounded) until this many more writes of each kind have been acknowledged."""
        with lock:
            target = (len(acknowledged["wall"]) + wall, len(acknowledged["edit"]) + edits)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with lock:
                if (len(acknowledged["wall"]), len(acknowledged["edit"])) >= target:
                    return
            time.sleep(0.05)

    try:
        progress(20, 5)
        victim = site.worker_pids()[0]
        os.kill(victim, signal.SIGKILL)  # one worker dies mid-request; the master starts another
        progress(20, 5)
        site.kill_all()  # then everything at once, writes still in flight
        time.sleep(0.2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
        if site.process.poll() is None:
            site.kill_all()

    site.start()  # restart on the same files, as an operator would
    try:
        assert Browser(site).get("/services?q=storm")[0] == 200
    finally:
        site.stop()
    app = site.app()
    with app.app_context():
        stored_wall = _markers(select(WallPost.text), "wallmark")
        stored_edits = _markers(select(ServiceVersion.snapshot), "editmark")
        db.session.remove()
        db.engine.dispose()
    check = site.flask("search", "check")
    repaired = None
    if check.returncode != 0:
        repaired = site.flask("search", "rebuild")
        check = site.flask("search", "check")

    lost = (acknowledged["wall"] - stored_wall) | (acknowledged["edit"] - stored_edits)
    record_property("reliability", (
        f"crash: sent {sent['wall']} wall posts and {sent['edit']} staff edits while killing worker {victim} "
        f"and then the whole server; acknowledged {len(acknowledged['wall'])} + {len(acknowledged['edit'])}; "
        f"stored {len(stored_wall)} + {len(stored_edits)}; lost {len(lost)}; errors (refused with a status) "
        f"{len(refused)}; index after restart: {'clean' if repaired is None else 'repaired by search rebuild'}"))

    assert acknowledged["wall"] and acknowledged["edit"], "the storm never got going"
    assert not lost, sorted(lost)[:10]
    assert not [status for _kind, status in refused if status >= 500], refused[:10]
    assert repaired is None or repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert check.returncode == 0, check.stdout + check.stderr
