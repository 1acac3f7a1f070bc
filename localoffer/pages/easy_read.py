"""Easy Read versions of the pages families need most: what the Local Offer is, how to give us
your views, and what happens to your comments."""
from __future__ import annotations

from flask import render_template

from . import bp


@bp.route("/easy-read")
def easy_read():
    return render_template("pages/easy_read/index.html")


@bp.route("/easy-read/what-is-the-local-offer")
def easy_read_local_offer():
    return render_template("pages/easy_read/local_offer.html")


@bp.route("/easy-read/how-to-give-us-your-views")
def easy_read_views():
    return render_template("pages/easy_read/your_views.html")


@bp.route("/easy-read/what-happens-to-your-comments")
def easy_read_comments():
    return render_template("pages/easy_read/your_comments.html")
