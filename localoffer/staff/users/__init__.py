from flask import Blueprint

bp = Blueprint("staff_users", __name__, url_prefix="/staff/users")

from . import routes  # noqa: E402,F401
