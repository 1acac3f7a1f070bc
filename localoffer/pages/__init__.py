"""Start page, information pages and the health check."""
from flask import Blueprint

bp = Blueprint("pages", __name__)

from ..glossary import link_terms  # noqa: E402

bp.add_app_template_filter(link_terms, "glossary_links")

from . import easy_read, offline, routes  # noqa: E402,F401
