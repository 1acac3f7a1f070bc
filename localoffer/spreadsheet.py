"""CSV files people open in a spreadsheet: every cell that a spreadsheet would run as a formula
is defused, and rows stream out one at a time so a long file never sits in memory. Every CSV
download and export (audit log, survey results, the directory) goes through here."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from flask import Response, stream_with_context

# A cell starting with one of these runs as a formula in Excel or LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # tells Excel the file is UTF-8


def safe_cell(value: object) -> str:
    """The cell as text, with a leading apostrophe if it would otherwise run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(header: Iterable[object], rows: Iterable[Iterable[object]], *, bom: bool = False) -> Iterator[str]:
    """The CSV text, the header first and then a row at a time, every cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if bom:
        yield BOM
    writer.writerow([safe_cell(cell) for cell in header])
    yield _take(buffer)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        yield _take(buffer)


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate(0)
    return text


def download(chunks: Iterable[str], filename: str, mimetype: str = "text/csv") -> Response:
    """A file download streamed as it is written (the request context stays open for it)."""
    safe_name = "".join(c for c in filename if c.isalnum() or c in "-_.") or "download"
    return Response(stream_with_context(chunks), mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{safe_name}"'})
