"""The Open Referral UK open data API at /api/oruk (CONTRACT §6): the published directory as
HSDS 3.0 UK profile JSON, open to anyone with no key, CORS on every response."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/oruk")

from . import http, routes  # noqa: E402,F401  (registers the views and response hooks)
