from flask import Blueprint

bp = Blueprint("staff_listings", __name__, url_prefix="/staff/listings")

from . import routes  # noqa: E402,F401
