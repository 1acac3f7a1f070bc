"""Fixed-window rate limits shared by every worker and node: in Redis when REDIS_URL is set,
otherwise in the database (never in process memory, which each gunicorn worker has its own of).

    hit("sign-in:ip:1.2.3.4", limit=50, window=900)  -> True while the caller may go on
    allow("wall-post")        -> one public write from this connection (config PUBLIC_RATE_LIMITS)
    @limited("shortlist")     -> the same for a view with nothing typed: a kind 429 page when over
"""
from __future__ import annotations

import functools
import hashlib
from datetime import timedelta

from flask import abort, current_app, request
from sqlalchemy import select

from .extensions import db
from .models import RateLimit
from .models.base import as_utc, utcnow
from .sqlite import apart, read_apart


def _redis():
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("ratelimit_redis")
    if client is None:
        import redis

        client = current_app.extensions["ratelimit_redis"] = redis.Redis.from_url(url, socket_timeout=2)
    return client


def _prefixed(key: str) -> str:
    return current_app.config.get("RATE_LIMIT_PREFIX", "localoffer:rl:") + key


def count(key: str) -> int:
    """Hits in the current window."""
    client = _redis()
    if client is not None:
        value = client.get(_prefixed(key))
        return int(value or 0)
    with read_apart() as connection:
        row = connection.execute(select(RateLimit.count, RateLimit.window_ends_at)
                                 .where(RateLimit.key == key)).first()
    if row is None or as_utc(row.window_ends_at) <= utcnow():
        return 0
    return row.count


def _scaled(limit: int) -> int:
    """RATE_LIMIT_FACTOR scales every limit (a load test or a security probe sets it high)."""
    return max(1, int(limit * float(current_app.config.get("RATE_LIMIT_FACTOR", 1))))


def is_limited(key: str, limit: int) -> bool:
    return count(key) >= _scaled(limit)


def hit(key: str, limit: int, window: int) -> bool:
    """Count one attempt; True if it is within the limit. The database path uses its own short
    transaction (sqlite.apart), so an attempt counts even when the caller's work rolls back."""
    limit = _scaled(limit)
    client = _redis()
    if client is not None:
        name = _prefixed(key)
        with client.pipeline() as pipe:
            pipe.incr(name)
            pipe.expire(name, window, nx=True)
            value, _ = pipe.execute()
        return int(value) <= limit
    return _hit_database(key, window) <= limit


def reset(key: str) -> None:
    client = _redis()
    if client is not None:
        client.delete(_prefixed(key))
        return
    apart(lambda connection: connection.execute(RateLimit.__table__.delete().where(RateLimit.key == key)))


def _hit_database(key: str, window: int) -> int:
    now = utcnow()
    ends = now + timedelta(seconds=window)
    table = RateLimit.__table__
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # One atomic statement: a new key starts at 1; an expired window restarts; else count + 1.
    stmt = insert(table).values(key=key, count=1, window_ends_at=ends)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "count": db.case((table.c.window_ends_at <= now, 1), else_=table.c.count + 1),
            "window_ends_at": db.case((table.c.window_ends_at <= now, ends), else_=table.c.window_ends_at),
        },
    )

    def count_one(connection) -> int:
        connection.execute(stmt)
        return int(connection.scalar(select(table.c.count).where(table.c.key == key)) or 0)

    return apart(count_one)


def prune() -> int:
    """Delete expired windows (run by the daily job)."""
    with db.engine.begin() as connection:
        result = connection.execute(RateLimit.__table__.delete().where(RateLimit.window_ends_at <= utcnow()))
    return result.rowcount or 0


def client_key(name: str) -> str:
    """`name` for this connection: a hash of the address (behind PROXY_HOPS proxies, the client's),
    so the counters never hold an IP address."""
    return f"{name}:" + hashlib.sha256((request.remote_addr or "unknown").encode()).hexdigest()


def _within(name: str) -> bool:
    limit, window = current_app.config["PUBLIC_RATE_LIMITS"][name]
    if isinstance(limit, str):
        limit = current_app.config[limit]
    if hit(client_key(name), limit, window):
        return True
    # Monitoring sees that the limit answered (ASVS 16.3.3): which limit and where, nothing more.
    current_app.logger.warning("Rate limit reached: %s at %s", name, request.endpoint)
    return False


def allow(name: str) -> bool:
    """Count one public write from this connection. False when it is over the limit: the view
    shows its form again with what was typed and the refusal notice, with status 429."""
    if _within(name):
        return True
    from .refusals import notice

    notice("rate-limited")
    return False


def limited(name: str):
    """For POST views with nothing typed to keep (buttons): a kind 429 page when over."""
    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if not _within(name):
                abort(429)
            return view(*args, **kwargs)
        return wrapped
    return decorator


__all__ = ["allow", "client_key", "count", "hit", "is_limited", "limited", "prune", "reset"]
