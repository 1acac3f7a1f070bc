"""The signed-in user's own pages: staff home, password and two-factor sign-in."""
from flask import Blueprint

bp = Blueprint("staff_account", __name__, url_prefix="/staff")

from . import routes  # noqa: E402,F401
