"""The graffiti wall: families' short public comments, moderated before they appear."""
from flask import Blueprint

bp = Blueprint("wall", __name__, url_prefix="/wall")

from . import follow, routes  # noqa: E402,F401
