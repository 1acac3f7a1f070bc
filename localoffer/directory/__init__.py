"""Find services: the search page, /services.json and service pages."""
from flask import Blueprint

bp = Blueprint("directory", __name__)

from . import booklet, routes  # noqa: E402,F401
