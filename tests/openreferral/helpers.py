"""Helpers for the Open Referral UK import and export tests."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from localoffer.extensions import db
from localoffer.models import Service

FIXTURES = Path(__file__).parent / "fixtures"


def run_import(runner, source: str | Path, *options: str):
    """`flask oruk import` on a fixture name, a path or a URL; asserts it never crashed."""
    if isinstance(source, str) and not source.startswith("http") and "/" not in source:
        source = FIXTURES / source
    result = runner.invoke(args=["oruk", "import", str(source), *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def counts(output: str) -> dict[str, int]:
    """{'Created': 1, 'Updated': 0, 'Unchanged': 0, 'Skipped': 2} from the summary (and
    'Sent for approval' when approval is required)."""
    found = {}
    for line in output.splitlines():
        label, _, number = line.partition(": ")
        if label in ("Created", "Updated", "Sent for approval", "Unchanged", "Skipped"):
            found[label] = int(number)
    return found


def service_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Service))
