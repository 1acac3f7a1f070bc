"""Drafting, signing and publishing "you said, we did" records and the annual report."""
from flask import Blueprint

bp = Blueprint("staff_yswd", __name__, url_prefix="/staff/you-said-we-did")

from . import annual, evidence, parts, routes  # noqa: E402,F401
