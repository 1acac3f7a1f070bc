"""The one-click "still accurate" page providers reach from a review reminder, signed out.

GET only shows the listing and a button; the POST (with CSRF) records the review, because mail
scanners open every link in an email and must never confirm a listing by doing so.
"""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from ... import ratelimit
from ...auth import public
from ...data import reviews
from ...extensions import db
from .forms import ConfirmListingForm
from .links import read_token

bp = Blueprint("listing_check", __name__, url_prefix="/listing-check")

ACTOR = "provider via reminder link"


@bp.after_request
def keep_the_token_private(response):
    # The token is in the URL: keep it out of caches (the pages' <meta name="referrer"> keeps
    # it out of Referer headers; the app-wide Referrer-Policy header is set after this runs).
    response.headers["Cache-Control"] = "no-store"
    return response


def _check(token: str):
    """(service, problem): problem is None, 'expired', 'invalid' or 'done'."""
    link = read_token(token)
    if link.problem:
        return None, link.problem
    service = reviews.get_service(link.service_id)
    if service is None or service.status in reviews.NOT_REVIEWED_STATUSES:
        return None, "invalid"
    if service.review_due != link.review_due:
        return service, "done"  # reviewed since the reminder (by this link or by staff)
    return service, None


@bp.route("/<token>", methods=["GET", "POST"])
@public
def check(token: str):
    service, problem = _check(token)
    if problem:
        page = render_template("listing_check/problem.html", problem=problem, service=service)
        return page, (404 if problem == "invalid" else 200)
    form = ConfirmListingForm()
    if form.validate_on_submit():
        if not ratelimit.allow("listing-check"):
            return render_template("listing_check/check.html", service=service, form=form), 429
        reviews.mark_reviewed(service, actor=ACTOR)
        db.session.commit()
        return redirect(url_for(".check", token=token))  # shows the "done" page
    return render_template("listing_check/check.html", service=service, form=form)
