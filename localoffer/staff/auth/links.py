"""Signed-out account pages reached from emails: "forgotten password", the single-use reset
link and the invitation link. A reset never signs anyone in, so two-factor sign-in still
applies afterwards (ASVS 6.4.3); an invitation signs in an account that has no second factor yet."""
from __future__ import annotations

import hashlib
from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ... import ratelimit
from ...auth import public
from ...auth.passwords import password_problem
from ...data import audit
from ...data.accounts import (end_all_sessions, find_token, get_user_by_email, issue_token, normalise_email,
                              open_session, set_password, use_token)
from ...extensions import db
from ...models.base import utcnow
from . import bp
from .emails import send_password_changed, send_password_reset
from .forms import AcceptInvitationForm, ForgotPasswordForm, ResetPasswordForm
from .routes import _rotate_session, sign_in_throttle_key


@bp.route("/account/forgot-password", methods=["GET", "POST"])
@public
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        cfg = current_app.config
        window = cfg["PASSWORD_RESET_WINDOW_SECONDS"]
        ip_key = f"reset:ip:{request.remote_addr}"
        if not ratelimit.hit(ip_key, cfg["PASSWORD_RESET_IP_LIMIT"], window):
            form.email.errors = [_("You have asked for too many links. Wait an hour and try again.")]
        else:
            digest = hashlib.sha256(normalise_email(form.email.data).encode()).hexdigest()[:32]
            within_limit = ratelimit.hit(f"reset:account:{digest}", cfg["PASSWORD_RESET_ACCOUNT_LIMIT"], window)
            user = get_user_by_email(form.email.data)
            # Only active accounts that already have a password; everyone sees the same page.
            if within_limit and user and user.is_active and user.password_hash:
                token = issue_token(user, "password-reset", timedelta(minutes=cfg["PASSWORD_RESET_MINUTES"]))
                audit.record("password-reset-requested", subject_type="user", subject_id=user.id, user=user)
                db.session.commit()
                send_password_reset(user, token)
            return redirect(url_for(".forgot_password_sent"))
    return render_template("staff/auth/forgot_password.html", form=form, error_title_prefix=bool(form.errors))


@bp.route("/account/forgot-password/sent")
@public
def forgot_password_sent():
    return render_template("staff/auth/forgot_password_sent.html",
                           minutes=current_app.config["PASSWORD_RESET_MINUTES"])


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str):
    row = find_token(token, "password-reset")
    if row is None or not row.user.is_active:
        return render_template("staff/auth/link_expired.html", kind="reset")
    user = row.user
    form = ResetPasswordForm()
    if form.validate_on_submit():
        problem = password_problem(form.password.data, user.role, user.email)
        if problem:
            form.password.errors = [problem]
        else:
            set_password(user, form.password.data)
            use_token(row)
            end_all_sessions(user)
            audit.record("password-reset", subject_type="user", subject_id=user.id, user=user)
            db.session.commit()
            ratelimit.reset(sign_in_throttle_key(user.email))
            send_password_changed(user)
            _rotate_session(None)
            flash(_("Your password has been changed. Sign in with your new password."), "success")
            return redirect(url_for(".sign_in"))
    return render_template("staff/auth/reset_password.html", form=form, user=user,
                           error_title_prefix=bool(form.errors))


@bp.route("/account/invitation/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str):
    row = find_token(token, "invitation")
    if row is None or not row.user.is_active:
        return render_template("staff/auth/link_expired.html", kind="invitation")
    user = row.user
    form = AcceptInvitationForm(data={"name": user.name} if request.method == "GET" else None)
    if form.validate_on_submit():
        problem = password_problem(form.password.data, user.role, user.email)
        if problem:
            form.password.errors = [problem]
        else:
            user.name = form.name.data
            set_password(user, form.password.data)
            use_token(row)
            end_all_sessions(user)
            staff_session = open_session(user, mfa_passed=not user.has_totp)
            user.last_signed_in_at = utcnow()
            audit.record("invitation-accepted", subject_type="user", subject_id=user.id, user=user)
            db.session.commit()
            _rotate_session(staff_session.id)
            if user.has_totp:
                return redirect(url_for(".code"))
            flash(_("Your account is ready. You are signed in."), "success")
            return redirect(url_for("staff_account.home"))
    return render_template("staff/auth/accept_invitation.html", form=form, user=user,
                           error_title_prefix=bool(form.errors))
