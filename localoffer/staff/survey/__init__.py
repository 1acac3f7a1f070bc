"""Survey waves, results by quadrant and channel, exports, coding of free text, champion entry."""
from flask import Blueprint

bp = Blueprint("staff_survey", __name__, url_prefix="/staff/survey")

from . import entry, routes  # noqa: E402,F401
