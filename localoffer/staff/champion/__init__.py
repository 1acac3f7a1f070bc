"""Family champions entering comments for families who are not online; each sees only their own."""
from flask import Blueprint

bp = Blueprint("staff_champion", __name__, url_prefix="/staff/champion")

from . import routes  # noqa: E402,F401
