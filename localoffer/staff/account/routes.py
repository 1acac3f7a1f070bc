"""Staff home, changing your own password, and your signed-in sessions."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ... import ratelimit
from ...auth import mfa_required_for, requires
from ...auth.passwords import password_problem, verify_password
from ...auth.roles import ROLE_LABELS
from ...data import audit
from ...data.accounts import end_all_sessions, live_sessions, set_password
from ...extensions import db
from ..auth.emails import send_password_changed
from . import bp
from .forms import ChangePasswordForm, EndOtherSessionsForm


@bp.route("/")
@requires("account")
def home():
    return render_template("staff/account/home.html", user=g.user, role_label=ROLE_LABELS[g.user.role],
                           mfa_required=mfa_required_for(g.user), counts=_work_waiting(g.user))


def _work_waiting(user) -> dict[str, int]:
    """How much is waiting in each queue the user works on, for the home page."""
    from ...auth.roles import can
    from ...data import reports, reviews, revisions

    counts = {}
    if can(user.role, "listings.moderate"):
        counts["changes"] = len(revisions.pending_revisions())
        counts["overdue"] = len(reviews.review_queue("overdue"))
    if can(user.role, "reports.triage"):
        counts["reports"] = reports.count_by_status().get("new", 0)
    if can(user.role, "wall.moderate"):
        from ...data import wall_moderation

        counts["wall"] = wall_moderation.waiting_count(user)
    return counts


@bp.route("/account/password", methods=["GET", "POST"])
@requires("account")
def change_password():
    user = g.user
    form = ChangePasswordForm()
    if form.validate_on_submit():
        key = f"password-change:{user.id}"
        limit = current_app.config["PASSWORD_CHANGE_LIMIT"]
        if ratelimit.is_limited(key, limit):
            form.current_password.errors = [_("You have entered a wrong password too many times. "
                                              "Wait 15 minutes and try again.")]
        elif not verify_password(user.password_hash, form.current_password.data):
            ratelimit.hit(key, limit, current_app.config["SIGN_IN_WINDOW_SECONDS"])
            form.current_password.errors = [_("Your current password is not right")]
        elif form.new_password.data == form.current_password.data:
            form.new_password.errors = [_("Your new password must be different from your current password")]
        elif problem := password_problem(form.new_password.data, user.role, user.email):
            form.new_password.errors = [problem]
        else:
            set_password(user, form.new_password.data)
            ended = end_all_sessions(user, except_id=g.staff_session.id)
            audit.record("password-changed", subject_type="user", subject_id=user.id,
                         detail=f"{ended} other sessions ended")
            db.session.commit()
            ratelimit.reset(key)
            send_password_changed(user)
            flash(_("Your password has been changed. Any other browsers signed in to your account "
                    "have been signed out."), "success")
            return redirect(url_for(".home"))
    return render_template("staff/account/password.html", form=form, user=user,
                           error_title_prefix=bool(form.errors))


@bp.route("/account/sessions")
@requires("account")
def sessions():
    cfg = current_app.config
    rows = live_sessions(g.user, idle=timedelta(minutes=cfg["STAFF_IDLE_MINUTES"]),
                         longest=timedelta(hours=cfg["STAFF_MAX_HOURS"]))
    return render_template("staff/account/sessions.html", sessions=rows, current_id=g.staff_session.id,
                           form=EndOtherSessionsForm())


@bp.route("/account/sessions/end-others", methods=["POST"])
@requires("account")
def end_other_sessions():
    form = EndOtherSessionsForm()
    if form.validate_on_submit():
        ended = end_all_sessions(g.user, except_id=g.staff_session.id)
        audit.record("sessions-ended", subject_type="user", subject_id=g.user.id,
                     detail=f"own other sessions ({ended})")
        db.session.commit()
        flash(_("You have signed out of all other sessions."), "success")
    return redirect(url_for(".sessions"))


from . import timeout, two_factor  # noqa: E402,F401  (their routes join this blueprint)
