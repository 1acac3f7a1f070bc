"""How soon an edit can be found: from the start of the commit that saves it to the first
answer from the running gunicorn server (another process) that finds it.

A member of staff renames a service (adding a word no other service uses) and saves; the
benchmark then asks /services.json for that word every few milliseconds until the service is
there. The commit includes the index update that follows every save (the outbox drain), so
the figure is what a moderator would see: saved, then searchable after X ms. Each edit is
undone afterwards.
"""
from __future__ import annotations

import json
import random
import string
import time
import urllib.request

from .latency import summary

POLL_SECONDS = 0.005
GIVE_UP_SECONDS = 30.0


def _total(url: str, word: str) -> int:
    with urllib.request.urlopen(f"{url}/services.json?q={word}", timeout=10) as response:
        return json.loads(response.read())["total"]


def _wait_for(url: str, word: str, total: int) -> bool:
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        if _total(url, word) == total:
            return True
        time.sleep(POLL_SECONDS)
    return False


def measure(data, url: str, edits: int, log) -> dict:
    from sqlalchemy import select

    from localoffer.data.services import findable_clause
    from localoffer.extensions import db
    from localoffer.models import Service

    log(f"edit to searchable: {edits} edits saved here, searched for on the server ...")
    rng = random.Random()
    commit_ms, visible_ms, missed = [], [], 0
    app = data.app()
    with app.app_context():
        ids = list(db.session.scalars(select(Service.id).where(findable_clause()).order_by(Service.id).limit(edits)))
        for service_id in ids:
            service = db.session.get(Service, service_id)
            original = service.name
            word = "zq" + "".join(rng.choices(string.ascii_lowercase, k=10))
            service.name = f"{original} {word}"
            started = time.perf_counter()
            db.session.commit()
            commit_ms.append((time.perf_counter() - started) * 1000)
            if _wait_for(url, word, 1):
                visible_ms.append((time.perf_counter() - started) * 1000)
            else:
                missed += 1
            service = db.session.get(Service, service_id)
            service.name = original
            db.session.commit()
            _wait_for(url, word, 0)
    out = {"edits": len(ids), "not_found_within_30_s": missed, "commit": summary(commit_ms)}
    if visible_ms:
        out["searchable"] = summary(visible_ms)
    return out
