"""The "due for review" queue: listings overdue or due soon, with one-click actions."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_babel import gettext as _

from ...auth import requires
from ...data import reviews
from ...extensions import db
from ...filters import long_date
from . import bp
from .forms import MarkReviewedForm, SendReminderForm
from .reminders import send_reminder


def _filter() -> str:
    value = request.args.get("show", "all")
    return value if value in reviews.QUEUE_FILTERS else "all"


@bp.route("/")
@requires("listings.moderate")
def due():
    show = _filter()
    return render_template("staff/reviews/due.html", show=show, entries=reviews.review_queue(show),
                           mark_form=MarkReviewedForm(), remind_form=SendReminderForm(),
                           days_ahead=reviews.QUEUE_DAYS_AHEAD)


def _service_or_404(service_id: str):
    service = reviews.get_service(service_id)
    if service is None or service.status in reviews.NOT_REVIEWED_STATUSES:
        abort(404)
    return service


def _back():
    show = request.form.get("show", "all")
    return redirect(url_for(".due", show=show if show in reviews.QUEUE_FILTERS and show != "all" else None))


@bp.route("/<service_id>/reviewed", methods=["POST"])
@requires("listings.moderate")
def mark_reviewed(service_id: str):
    service = _service_or_404(service_id)
    if MarkReviewedForm().validate_on_submit():
        reviews.mark_reviewed(service, g.user)
        db.session.commit()
        flash(_("%(name)s is marked as reviewed. The next review is due %(due)s.",
                name=service.name, due=long_date(service.review_due)), "success")
    return _back()


@bp.route("/<service_id>/remind", methods=["POST"])
@requires("listings.moderate")
def remind(service_id: str):
    service = _service_or_404(service_id)
    if SendReminderForm().validate_on_submit():
        reviews.ensure_due(service)  # the link in the email names the due date it is for
        sent = send_reminder(service, user=g.user)
        db.session.commit()
        if sent:
            flash(ngettext("Reminder sent to %(num)d person at %(organisation)s.",
                           "Reminder sent to %(num)d people at %(organisation)s.", sent,
                           organisation=service.organisation.name), "success")
        else:
            flash(_("No reminder sent: %(organisation)s has no provider accounts and no email address.",
                    organisation=service.organisation.name), "important")
    return _back()
