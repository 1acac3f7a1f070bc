"""Signing in and out: /staff/sign-in (CONTRACT §7), the two-factor code step, and the
signed-out account pages (forgotten password, invitations) under /account."""
from flask import Blueprint

bp = Blueprint("staff_auth", __name__)

from . import links, routes  # noqa: E402,F401
