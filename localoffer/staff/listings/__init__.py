from flask import Blueprint

bp = Blueprint("staff_listings", __name__, url_prefix="/staff/listings")

from . import history, moderation, provider, service  # noqa: E402,F401
