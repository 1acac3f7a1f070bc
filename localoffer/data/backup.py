"""Online backups of the embedded SQLite database (README "Backups and restore").

SQLite's backup API copies a consistent snapshot while the site keeps running; copying the
file would not (the newest commits may still be in the -wal file). The copy is written next
to its destination and renamed into place, checked with `PRAGMA integrity_check`, switched to
a single self-contained file (no -wal), and readable by its owner only: it holds personal data.
PostgreSQL is backed up with pg_dump instead (see README)."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from ..extensions import db

COUNTED = ("service", "wall_post", "survey_response", "you_said_we_did", "user_account", "audit_event")


class BackupNotPossible(RuntimeError):
    pass


@dataclass
class BackupResult:
    path: Path
    size: int
    rows: dict[str, int]


def backup_sqlite(destination: str | Path) -> BackupResult:
    url = make_url(str(db.engine.url))
    if url.get_backend_name() != "sqlite":
        raise BackupNotPossible("This database is PostgreSQL: back it up with pg_dump (see the README).")
    if not url.database or url.database == ":memory:":
        raise BackupNotPossible("An in-memory database cannot be backed up.")
    target = Path(destination).resolve()
    if target.exists():
        raise BackupNotPossible(f"{target} already exists: choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    source = sqlite3.connect(url.database)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)  # one consistent snapshot, even while workers write
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        problem = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if problem != "ok":
            raise BackupNotPossible(f"The copy failed its integrity check: {problem}")
        rows = {table: copy.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - fixed names
                for table in COUNTED}
    except BaseException:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    copy.close()
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    return BackupResult(target, target.stat().st_size, rows)
