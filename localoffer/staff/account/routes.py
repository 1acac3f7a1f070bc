from __future__ import annotations

from flask import g, render_template

from ...auth import requires
from . import bp


@bp.route("/")
@requires("account")
def home():
    return render_template("staff/account/home.html", user=g.user)
