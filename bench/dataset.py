"""The data a benchmark runs on: the demo set plus N synthetic services, and its index.

Kept in bench/data/<backend>-<N>/ (git-ignored) and reused by later runs; `--fresh` starts
again. With `--database-url` the services go into that database (PostgreSQL for the
PostgreSQL backend); otherwise into a SQLite file in the data folder, as `make run` does.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from config import DevelopmentConfig

from .system import CLOCK_TICKS, cpu_jiffies, wait_for_quiet

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
SECRET_KEY = "benchmark-secret-key-not-for-production-use-0123456789"  # 32+ characters


def sqlalchemy_url(url: str) -> str:
    """The same rule as config.py: plain postgresql:// goes through psycopg 3."""
    return "postgresql+psycopg://" + url[len("postgresql://"):] if url.startswith("postgresql://") else url


@dataclass
class Dataset:
    folder: Path
    backend: str
    synthetic: int
    database_url: str
    index_dir: Path
    timings: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    def app(self, **overrides):
        """An app on this data, configured like `make run` (development settings)."""
        from localoffer import create_app

        settings = dict(SQLALCHEMY_DATABASE_URI=sqlalchemy_url(self.database_url), SEARCH_INDEX_DIR=str(self.index_dir),
                        SEARCH_BACKEND=self.backend, SECRET_KEY=SECRET_KEY)
        settings.update(overrides)
        return create_app(DevelopmentConfig, **settings)

    def environment(self, **extra) -> dict[str, str]:
        """Environment for a gunicorn server on this data."""
        env = dict(os.environ, DATABASE_URL=self.database_url, SEARCH_INDEX_DIR=str(self.index_dir),
                   SEARCH_BACKEND=self.backend, SECRET_KEY=SECRET_KEY, LOCALOFFER_ENV="development")
        env.update({k: str(v) for k, v in extra.items()})
        return env


def prepare(synthetic: int, backend: str, database_url: str | None, fresh: bool, log) -> Dataset:
    label = f"{backend}-{synthetic}"
    if database_url:
        label += "-" + hashlib.sha256(database_url.encode()).hexdigest()[:8]
    folder = DATA / label
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    url = database_url or f"sqlite:///{folder / 'localoffer.db'}"
    data = Dataset(folder, backend, synthetic, url, folder / "index")
    meta_file = folder / "meta.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    app = data.app()
    with app.app_context():
        from flask_migrate import upgrade

        from localoffer.data.services import count_services

        upgrade()
        if meta.get("synthetic") == synthetic and count_services() >= meta.get("services", 0) > 0:
            log(f"reusing the data in {folder.relative_to(ROOT)} ({meta['services']:,} services; --fresh to rebuild)")
            data.timings["load_s"] = meta.get("load_s")
            data.timings["load_reused"] = True
        else:
            log(f"loading the demo data plus {synthetic:,} synthetic services ...")
            started = time.perf_counter()
            result = app.test_cli_runner().invoke(args=["demo", "load", "--synthetic", str(synthetic)])
            if result.exit_code != 0:
                raise SystemExit(f"demo load failed:\n{result.output}")
            data.timings["load_s"] = round(time.perf_counter() - started, 1)
            data.timings["load_reused"] = False
            meta = {"synthetic": synthetic, "services": count_services(), "load_s": data.timings["load_s"]}
            meta_file.write_text(json.dumps(meta, indent=2))
        data.counts["services"] = count_services()
        data.counts["findable"] = _findable()
    return data


def _findable() -> int:
    from sqlalchemy import func, select

    from localoffer.data.services import findable_clause
    from localoffer.extensions import db
    from localoffer.models import Service

    return db.session.scalar(select(func.count()).select_from(Service).where(findable_clause())) or 0


def _index_bytes(data: Dataset) -> int:
    """The index's size: Whoosh's folder, or the PostgreSQL backend's search tables with their
    indexes (in the app context)."""
    from sqlalchemy import text

    from localoffer.extensions import db

    if data.backend == "postgres":
        return db.session.scalar(text("SELECT pg_total_relation_size('search_document') "
                                      "+ pg_total_relation_size('search_word')")) or 0
    live = data.index_dir / "current"
    return sum(f.stat().st_size for f in live.resolve().rglob("*") if f.is_file()) if live.exists() else 0


def rebuild(data: Dataset, log, quiet_wait: float = 120) -> dict:
    """Time `flask search rebuild` (what a council runs after a bulk import or an upgrade)."""
    log("rebuilding the search index ...")
    app = data.app()
    with app.app_context():
        from localoffer.search import rebuild_index
        from localoffer.workers import available_cores

        quiet = wait_for_quiet(max_wait=quiet_wait)
        busy0, total0 = cpu_jiffies()
        started_cpu = os.times()
        count, seconds = rebuild_index()
        ended_cpu = os.times()
        busy1, total1 = cpu_jiffies()
        size = _index_bytes(data)
    cpu = (ended_cpu.user - started_cpu.user + ended_cpu.system - started_cpu.system
           + ended_cpu.children_user - started_cpu.children_user
           + ended_cpu.children_system - started_cpu.children_system)
    other = max(0.0, (busy1 - busy0) - cpu * CLOCK_TICKS) / max(1, total1 - total0)
    log(f"  {count:,} services in {seconds:.1f} s (other processes {other:.0%} of the CPU, "
        f"load average {quiet['load_average'][0]})")
    return {"services": count, "seconds": round(seconds, 1), "cores": available_cores(),
            "cpu_seconds": round(cpu, 1), "index_mb": round(size / 2**20, 1),
            "cpu_share_other": round(other, 3), "quiet_before": quiet}
