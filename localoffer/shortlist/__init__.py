"""The visitor's shortlist: no account, kept in the session, shareable as a link."""
from flask import Blueprint

bp = Blueprint("shortlist", __name__)

from . import routes  # noqa: E402,F401
