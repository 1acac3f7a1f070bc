"""The `?page=` number of a list page, read the same way everywhere."""
from __future__ import annotations

from flask import request

# No list is this long; the cap keeps a made-up page number from becoming an offset the
# database cannot hold (an OverflowError on SQLite, an out-of-range error on PostgreSQL).
MAX_PAGE = 10_000


def page_number() -> int:
    """1 for anything that is not a whole number, otherwise between 1 and MAX_PAGE."""
    try:
        return max(1, min(int(request.args.get("page", "1")), MAX_PAGE))
    except ValueError:
        return 1
