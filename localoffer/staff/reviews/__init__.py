from flask import Blueprint

bp = Blueprint("staff_reviews", __name__, url_prefix="/staff/reviews")

from . import routes  # noqa: E402,F401
