"""Search latency of /services.json over the fixed query set (single client, in process).

    .venv/bin/python bench/search_latency.py [--services 5000] [--queries 300] [--html]

Builds a throwaway SQLite database with the demo data plus `--synthetic N` services, builds
the search index, warms up once, then times every query once and prints p50/p95/p99 in ms.
Results are also written to bench/results/search-latency-<N>.json for comparing versions.
Prints numbers only; never fails on speed.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.queries import query_set  # noqa: E402
from config import TestConfig  # noqa: E402
from localoffer import create_app  # noqa: E402
from localoffer.extensions import db  # noqa: E402


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=5000, help="synthetic services on top of the demo set")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--html", action="store_true", help="also time the /services HTML page")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lo-bench-"))
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{work / 'bench.db'}",
                     SEARCH_INDEX_DIR=str(work / "index"), TESTING=False)
    with app.app_context():
        db.create_all()
    cli = app.test_cli_runner()
    t0 = time.perf_counter()
    out = cli.invoke(args=["demo", "load", "--synthetic", str(args.services)])
    load_s = time.perf_counter() - t0
    assert out.exit_code == 0, out.output
    t0 = time.perf_counter()
    out = cli.invoke(args=["search", "rebuild"])
    build_s = time.perf_counter() - t0
    assert out.exit_code == 0, out.output

    with app.app_context():
        from localoffer.data.services import count_services

        total_services = count_services()
    client = app.test_client()
    queries = query_set(args.queries)
    report = {"services": total_services, "queries": len(queries), "load_seconds": round(load_s, 1),
              "index_build_seconds": round(build_s, 1)}
    for label, path in [("json", "/services.json")] + ([("html", "/services")] if args.html else []):
        for q in queries:  # warm-up pass
            client.get(path, query_string=q)
        timings = []
        for q in queries:
            t0 = time.perf_counter()
            response = client.get(path, query_string=q)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (q, response.status_code)
        report[label] = {"p50_ms": round(percentile(timings, 50), 1), "p95_ms": round(percentile(timings, 95), 1),
                         "p99_ms": round(percentile(timings, 99), 1), "mean_ms": round(statistics.mean(timings), 1)}

    print(f"services: {report['services']}  load: {report['load_seconds']} s  index build: {report['index_build_seconds']} s")
    for label in ("json", "html"):
        if label in report:
            r = report[label]
            print(f"{label:5} p50 {r['p50_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms   p99 {r['p99_ms']:7.1f} ms"
                  f"   ({report['queries']} queries, single client, in process)")
    out_file = ROOT / "bench" / "results" / f"search-latency-{args.services}.json"
    out_file.write_text(json.dumps(report, indent=2))
    print(f"written {out_file.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
