"""CSV downloads that are safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in FORMULA_STARTS else value


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """The rows as CSV text, every cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(str(cell)) for cell in row])
    return buffer.getvalue()
