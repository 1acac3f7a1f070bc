from flask import Blueprint

bp = Blueprint("staff_opendata", __name__, url_prefix="/staff/open-data")

from . import routes  # noqa: E402,F401
