"""Wall moderation by the council and the Forum together: queue, decisions, safeguarding, prompts."""
from flask import Blueprint

bp = Blueprint("staff_wall", __name__, url_prefix="/staff/wall")

from . import routes  # noqa: E402,F401
