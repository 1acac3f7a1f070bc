""""You said, we did": published responses to families' comments, and the annual comments report."""
from flask import Blueprint

bp = Blueprint("yswd", __name__, url_prefix="/you-said-we-did")

from . import routes  # noqa: E402,F401
