from flask import Blueprint

bp = Blueprint("staff_audit", __name__, url_prefix="/staff/audit")

from . import routes  # noqa: E402,F401
