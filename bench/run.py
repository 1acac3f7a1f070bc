"""The whole benchmark in one command (`make bench`; see bench/README.md).

    .venv/bin/python -m bench.run [--services 5000] [--backend whoosh|postgres]
                                  [--database-url postgresql://...] [--fresh] [--quick]

Prints every figure next to its target and writes bench/results/bench-<backend>-<N>.json
(for comparing versions) and .md (the table for the README). Never fails on speed: the exit
status is 0 whatever the figures, non-zero only if the benchmark itself could not run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import dataset, freshness, latency, report, throughput  # noqa: E402
from bench.system import load_average  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def environment() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = ""
    from localoffer.workers import available_cores

    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpus": available_cores(),
            "cpu_model": model, "python": platform.python_version(), "commit": commit or "unknown",
            "load_start": [round(v, 2) for v in load_average()]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Local Offer benchmarks (issue 7)")
    parser.add_argument("--services", type=int, default=5000, help="synthetic services on top of the demo set")
    parser.add_argument("--backend", default=os.environ.get("SEARCH_BACKEND", "whoosh"),
                        help="search backend to measure (SEARCH_BACKEND)")
    parser.add_argument("--database-url", default=None,
                        help="database to load and serve from (default: a SQLite file in bench/data/)")
    parser.add_argument("--queries", type=int, default=300, help="size of the fixed query set")
    parser.add_argument("--duration", type=float, default=10, help="seconds per load-test run")
    parser.add_argument("--warmup", type=float, default=5,
                        help="seconds per warm-up run; warm-up repeats until throughput stops rising")
    parser.add_argument("--edits", type=int, default=10, help="edits timed from commit to searchable")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "5070")))
    parser.add_argument("--quiet-wait", type=float, default=120,
                        help="longest wait (s) for an idle CPU before each load-test run")
    parser.add_argument("--fresh", action="store_true", help="load the data again even if bench/data has it")
    parser.add_argument("--quick", action="store_true", help="skip the load test with the page cache off")
    parser.add_argument("--no-load-test", action="store_true", help="skip gunicorn and wrk")
    args = parser.parse_args(argv)

    result: dict = {"backend": args.backend, "synthetic": args.services, "environment": environment()}
    log(f"benchmark: {args.backend} backend, demo set + {args.services:,} synthetic services, "
        f"load average {result['environment']['load_start'][0]}")
    data = dataset.prepare(args.services, args.backend, args.database_url, args.fresh, log)
    result.update(services=data.counts["services"], findable=data.counts["findable"],
                  load_s=data.timings.get("load_s"), load_reused=data.timings.get("load_reused"))
    result["rebuild"] = dataset.rebuild(data, log, args.quiet_wait)
    result["latency"] = latency.measure(data, args.queries, log)
    if not args.no_load_test:
        result["throughput"] = throughput.measure(
            data, args.queries, args.duration, args.warmup, args.port, log, with_uncached=not args.quick,
            quiet_wait=args.quiet_wait, while_running=lambda url: freshness.measure(data, url, args.edits, log))
    result["environment"]["load_end"] = [round(v, 2) for v in load_average()]

    table = report.rows(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = RESULTS / f"bench-{args.backend}-{args.services}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, default=str))
    stem.with_suffix(".md").write_text(report.markdown(table, result))
    print()
    print(report.console(table))
    print()
    log(f"written {stem.with_suffix('.json').relative_to(ROOT)} and {stem.with_suffix('.md').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
