"""Rate limits shared by every worker: in the database, or in Redis when REDIS_URL is set.
The Redis variant runs only when TEST_REDIS_URL points at a Redis server."""
from __future__ import annotations

import os
import uuid
from datetime import timedelta

import pytest

from localoffer import ratelimit
from localoffer.extensions import db
from localoffer.models import RateLimit
from localoffer.models.base import utcnow

REDIS_URL = os.environ.get("TEST_REDIS_URL")


@pytest.fixture(params=["database", "redis"])
def backend(request, app):
    if request.param == "redis":
        if not REDIS_URL:
            pytest.skip("set TEST_REDIS_URL to test the Redis rate limits")
        app.config["REDIS_URL"] = REDIS_URL
        app.config["RATE_LIMIT_PREFIX"] = f"localoffer-test:{uuid.uuid4().hex}:"
        yield "redis"
        client = ratelimit._redis()
        for key in client.scan_iter(app.config["RATE_LIMIT_PREFIX"] + "*"):
            client.delete(key)
        client.close()
    else:
        app.config["REDIS_URL"] = None
        yield "database"


def test_hits_count_up_to_the_limit(backend):
    assert ratelimit.count("k") == 0
    assert ratelimit.hit("k", limit=2, window=60) is True
    assert ratelimit.hit("k", limit=2, window=60) is True
    assert not ratelimit.is_limited("k", 3)
    assert ratelimit.hit("k", limit=2, window=60) is False
    assert ratelimit.count("k") == 3
    assert ratelimit.is_limited("k", 3)


def test_keys_are_counted_separately(backend):
    ratelimit.hit("a", limit=1, window=60)
    assert ratelimit.count("b") == 0


def test_reset_clears_a_key(backend):
    ratelimit.hit("k", limit=1, window=60)
    ratelimit.reset("k")
    assert ratelimit.count("k") == 0
    assert ratelimit.hit("k", limit=1, window=60) is True


def test_a_hit_counts_even_if_the_callers_work_rolls_back(backend, app):
    ratelimit.hit("k", limit=5, window=60)
    db.session.rollback()
    assert ratelimit.count("k") == 1


def test_the_window_expires(backend):
    ratelimit.hit("k", limit=1, window=60)
    if backend == "redis":
        ttl = ratelimit._redis().ttl(ratelimit._prefixed("k"))
        assert 0 < ttl <= 60
        # A second hit does not push the end of the window back.
        ratelimit.hit("k", limit=1, window=600)
        assert ratelimit._redis().ttl(ratelimit._prefixed("k")) <= 60
        return
    row = db.session.get(RateLimit, "k")
    row.window_ends_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert ratelimit.count("k") == 0
    assert ratelimit.hit("k", limit=1, window=60) is True
    assert ratelimit.count("k") == 1


def test_prune_deletes_only_finished_windows(app):
    app.config["REDIS_URL"] = None
    ratelimit.hit("old", limit=1, window=60)
    ratelimit.hit("new", limit=1, window=60)
    db.session.get(RateLimit, "old").window_ends_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert ratelimit.prune() == 1
    assert ratelimit.count("new") == 1


def test_sign_in_throttle_uses_the_configured_backend(backend, app, client):
    from .accounts import make_user

    app.config["SIGN_IN_ACCOUNT_LIMIT"] = 2
    user = make_user("provider")
    for _ in range(2):
        client.post("/staff/sign-in", data={"email": user.email, "password": "wrong wrong wrong"})
    page = client.post("/staff/sign-in", data={"email": user.email, "password": "wrong wrong wrong"})
    assert "too many times" in page.get_data(as_text=True)
    # Neither store holds the email address itself.
    if backend == "database":
        assert all(user.email not in row.key for row in db.session.query(RateLimit))
    else:
        assert not list(ratelimit._redis().scan_iter(f"*{user.email}*"))
