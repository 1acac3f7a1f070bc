"""Insight for commissioners: coverage gaps, unmet searches, family voice by area and access,
with CSV and JSON exports of exactly what each page shows and a printable page per quadrant."""
from flask import Blueprint

bp = Blueprint("staff_insight", __name__, url_prefix="/staff/insight")

from . import routes  # noqa: E402,F401
