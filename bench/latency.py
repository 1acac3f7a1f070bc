"""Latency of /services.json and the /services page, one client, in process.

The fixed query set (bench/queries.py) goes through the Flask test client: one untimed pass
to warm up, then one timed pass, for each of:

- "repeat": the app as it runs (a search seen before is answered from the page cache);
- "new search": page cache and search-result cache off, so every request searches, counts
  every facet, reads its 20 rows and renders, as for a search nobody has made since the
  index last changed (the per-segment word caches stay warm, as they do in a running worker).

The untimed warm-up pass of the "new search" app is also reported, as "first searches": a
worker that has just started (or an index just rebuilt) works out each word's matches and
scores, and the spelling vocabulary, on first use.
"""
from __future__ import annotations

import statistics
import time

from .queries import query_set

PATHS = {"json": "/services.json", "html": "/services"}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(timings_ms: list[float]) -> dict:
    return {"p50_ms": round(percentile(timings_ms, 50), 2), "p95_ms": round(percentile(timings_ms, 95), 2),
            "p99_ms": round(percentile(timings_ms, 99), 2), "mean_ms": round(statistics.mean(timings_ms), 2),
            "max_ms": round(max(timings_ms), 2), "requests": len(timings_ms)}


def _time(client, path: str, queries: list[dict]) -> list[float]:
    timings = []
    for q in queries:
        started = time.perf_counter()
        response = client.get(path, query_string=q)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} for {q}")
    return timings


def measure(data, queries: int, log) -> dict:
    wanted = query_set(queries)
    out: dict = {"queries": len(wanted)}
    for mode, overrides in (("repeat", {}), ("new_search", {"PAGE_CACHE_SIZE": 0, "SEARCH_RESULT_CACHE": 0})):
        app = data.app(**overrides)
        client = app.test_client()
        for kind, path in PATHS.items():
            log(f"latency: {path} ({mode.replace('_', ' ')}) ...")
            first = _time(client, path, wanted)  # warm-up pass
            if mode == "new_search" and kind == "json":
                out["json_first_searches"] = summary(first)
            out[f"{kind}_{mode}"] = summary(_time(client, path, wanted))
    return out
