"""Hundreds of simultaneous wall posts, survey answers and staff edits against the real site
(`make run`'s gunicorn, 2 workers, SQLite + Whoosh): every accepted request is stored, none
fails, the logs never say "database is locked", and `flask search check` is clean after."""
from __future__ import annotations

import itertools
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from localoffer.extensions import db
from localoffer.models import ServiceVersion, SurveyAnswer, WallPost

from .site import Browser, Site, seed

pytestmark = pytest.mark.reliability

WALL_POSTS = 120
SURVEY_ANSWERS = 50
STAFF_EDITS = 40
CLIENTS = 24


def _wall_post(browser: Browser, n: int) -> int:
    status, _, _ = browser.post("/wall/new", {"text": f"Storm comment number {n}, marker wallmark{n}x",
                                              "consent": "yes", "quadrant": "mid"})
    return status


def _survey_answer(browser: Browser, n: int) -> int:
    status, _, _ = browser.post("/survey/q/one-thing", {"answer": f"Storm answer surveymark{n}x"})
    if status != 302:
        return status
    status, _, _ = browser.post("/survey/check", {})
    return status


def _staff_edit(browser: Browser, service_id: str, n: int) -> int:
    status, _, _ = browser.post(f"/staff/listings/{service_id}/change/about", {
        "name": f"Storm service edited {n}", "summary": f"Summary editmark{n}x",
        "description": f"Edited in the storm editmark{n}x"})
    return status


def test_a_storm_of_writes_from_many_clients_loses_nothing(tmp_path, record_property):
    site = Site(tmp_path)
    seeded = seed(site)
    site.start()
    try:
        staff = [Browser(site) for _ in range(4)]
        for browser in staff:
            browser.sign_in(seeded["moderator"])
        services = itertools.cycle(seeded["services"])
        jobs = ([("wall", n, lambda b, n=n: _wall_post(b, n)) for n in range(WALL_POSTS)]
                + [("survey", n, lambda b, n=n: _survey_answer(b, n)) for n in range(SURVEY_ANSWERS)]
                + [("edit", n, lambda b, n=n, s=next(services): _staff_edit(staff[n % len(staff)], s, n))
                   for n in range(STAFF_EDITS)])
        jobs.sort(key=lambda job: job[1])  # interleave the three kinds
        # Each client is one visitor sending its share one after another, all clients at once.
        shares = [jobs[i::CLIENTS] for i in range(CLIENTS)]
        started = time.monotonic()
        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = [r for share in pool.map(lambda share: _run_client(site, share), shares) for r in share]
        elapsed = time.monotonic() - started
    finally:
        site.stop()

    accepted = {kind: {n for k, n, status in statuses if k == kind and status == 302}
                for kind in ("wall", "survey", "edit")}
    errors = [(k, n, status) for k, n, status in statuses if status != 302]
    app = site.app()
    with app.app_context():
        stored_wall = _markers(select(WallPost.text), "wallmark")
        stored_survey = _markers(select(SurveyAnswer.text), "surveymark")
        stored_edits = _markers(select(ServiceVersion.snapshot), "editmark")
        versions = db.session.scalar(select(func.count()).select_from(ServiceVersion))
        db.session.remove()
        db.engine.dispose()
    check = site.flask("search", "check")
    log = site.log()

    sent = len(jobs)
    stored = len(stored_wall) + len(stored_survey) + len(stored_edits)
    summary = (f"storm: sent {sent} write requests ({WALL_POSTS} wall posts, {SURVEY_ANSWERS} survey answers, "
               f"{STAFF_EDITS} staff edits) from {CLIENTS} clients to {site.workers} gunicorn workers in "
               f"{elapsed:.1f} s; stored {stored}; errors {len(errors)}; "
               f"5xx {sum(1 for *_, s in errors if isinstance(s, int) and s >= 500)}; "
               f"'database is locked' in logs {log.count('database is locked')}; search check exit {check.returncode}")
    record_property("reliability", summary)  # printed at the end of the run (tests/conftest.py)

    assert not errors, errors[:10]
    assert stored_wall == accepted["wall"]
    assert stored_survey == accepted["survey"]
    assert stored_edits == accepted["edit"], "an acknowledged staff edit has no version"
    assert versions >= STAFF_EDITS
    assert "database is locked" not in log and "Traceback" not in log, log[-3000:]
    assert check.returncode == 0, check.stdout + check.stderr


def _run_client(site: Site, share: list) -> list:
    browser = Browser(site)
    results = []
    for kind, n, job in share:
        try:
            results.append((kind, n, job(browser)))
        except Exception as error:  # noqa: BLE001 - counted as an error, with its type
            results.append((kind, n, type(error).__name__))
    return results


def _markers(stmt, prefix: str) -> set[int]:
    import re

    found = set()
    for value in db.session.scalars(stmt):
        found.update(int(m) for m in re.findall(prefix + r"(\d+)x", str(value)))
    return found
