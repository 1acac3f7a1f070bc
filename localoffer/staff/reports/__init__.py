from flask import Blueprint

bp = Blueprint("staff_reports", __name__, url_prefix="/staff/reports")

from . import routes  # noqa: E402,F401
