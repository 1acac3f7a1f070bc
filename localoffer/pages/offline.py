"""How to get the Local Offer without the internet (SEND Regulations 2014 reg 57): by phone, in
libraries and Family Hubs, through family champions and the Essex Family Forum, or on paper."""
from __future__ import annotations

from flask import render_template

from . import bp


@bp.route("/get-this-information-another-way")
def offline():
    return render_template("pages/offline.html")
