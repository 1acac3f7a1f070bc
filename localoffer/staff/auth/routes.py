from __future__ import annotations

import hashlib

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ... import ratelimit
from ...auth import SESSION_KEY, mfa_required_for, public
from ...auth.passwords import verify_password
from ...auth.totp import verify_code
from ...data import audit
from ...data.accounts import end_session, get_user_by_email, normalise_email, open_session
from ...extensions import db
from ...models.base import utcnow
from . import bp
from .forms import CodeForm, SignInForm, SignOutForm

# Keys the visitor keeps across sign-in and sign-out (everything else is dropped, so the
# cookie's value changes: ASVS 7.2.4).
_KEEP = ("shortlist", "lang")


def safe_next(target: str | None) -> str:
    """Only a path on this site (ASVS 3.7.2): no scheme, no host, no protocol-relative URL.
    Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so any of
    those could turn a path into another site's address: refuse them."""
    if (target and target.startswith("/") and not target.startswith("//")
            and "\\" not in target and not any(ord(ch) < 32 or ord(ch) == 127 for ch in target)):
        return target
    return url_for("staff_account.home")


def sign_in_throttle_key(email: str) -> str:
    # A digest, so the rate-limit table and Redis never hold email addresses.
    digest = hashlib.sha256(normalise_email(email).encode()).hexdigest()[:32]
    return f"sign-in:account:{digest}"


def _throttle_keys(email: str) -> list[tuple[str, int, int]]:
    """(key, limit, window seconds): per account, per address, and a short burst limit per
    address that stops a script guessing many accounts in a minute (an office behind one
    address never fails 20 times in a minute)."""
    cfg = current_app.config
    window = cfg["SIGN_IN_WINDOW_SECONDS"]
    return [(sign_in_throttle_key(email), cfg["SIGN_IN_ACCOUNT_LIMIT"], window),
            (f"sign-in:ip:{request.remote_addr}", cfg["SIGN_IN_IP_LIMIT"], window),
            (f"sign-in:ip-burst:{request.remote_addr}", cfg["SIGN_IN_IP_BURST_LIMIT"], 60)]


def _rotate_session(sid: str | None) -> None:
    kept = {key: session[key] for key in _KEEP if key in session}
    session.clear()
    session.update(kept)
    if sid:
        session[SESSION_KEY] = sid
    session.permanent = True


@bp.route("/staff/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if g.get("user"):
        return redirect(safe_next(request.args.get("next")))
    form = SignInForm()
    error = None
    throttled = False
    if form.validate_on_submit():
        keys = _throttle_keys(form.email.data)
        if any(ratelimit.is_limited(key, limit) for key, limit, _window in keys):
            error = _("You have tried to sign in too many times. Wait 15 minutes and try again, "
                      "or reset your password.")
            throttled = True
        else:
            user = get_user_by_email(form.email.data)
            ok = verify_password(user.password_hash if user else None, form.password.data)
            if ok and user.is_active:
                staff_session = open_session(user, mfa_passed=not user.has_totp)
                user.last_signed_in_at = utcnow()
                if not user.has_totp:
                    audit.record("sign-in", subject_type="user", subject_id=user.id, user=user)
                db.session.commit()
                ratelimit.reset(keys[0][0])
                _rotate_session(staff_session.id)
                if user.has_totp:
                    return redirect(url_for(".code", next=request.args.get("next")))
                if mfa_required_for(user):
                    return redirect(url_for("staff_account.two_factor_setup"))
                return redirect(safe_next(request.args.get("next")))
            for key, limit, window in keys:
                ratelimit.hit(key, limit, window)
            # The same words for an unknown email, a wrong password or a disabled account.
            error = _("Enter a correct email address and password")
            if user:
                audit.record("sign-in-failed", subject_type="user", subject_id=user.id, user=user)
                db.session.commit()
    if error:
        form.email.errors = list(form.email.errors) + [error]
    # 429 tells scripts (and monitoring) that the throttle answered; people see the message.
    return render_template("staff/auth/sign_in.html", form=form, error=error,
                           expired=g.get("session_expired", False),
                           error_title_prefix=bool(form.errors or error)), 429 if throttled else 200


@bp.route("/staff/sign-in/code", methods=["GET", "POST"])
@public
def code():
    user = g.get("pending_user")
    if user is None:
        return redirect(url_for(".sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        key = f"sign-in:code:{user.id}"
        limit = current_app.config["SIGN_IN_ACCOUNT_LIMIT"]
        if ratelimit.is_limited(key, limit):
            form.code.errors = [_("You have entered too many wrong codes. Wait 15 minutes and try again.")]
        elif verify_code(user, form.code.data):
            # A new session id once fully signed in (ASVS 7.2.4): the half-signed-in id ends.
            end_session(g.staff_session)
            staff_session = open_session(user, mfa_passed=True)
            audit.record("sign-in", subject_type="user", subject_id=user.id, user=user, detail="with two-factor code")
            db.session.commit()
            ratelimit.reset(key)
            _rotate_session(staff_session.id)
            return redirect(safe_next(request.args.get("next")))
        else:
            ratelimit.hit(key, limit, current_app.config["SIGN_IN_WINDOW_SECONDS"])
            form.code.errors = [_("The code is not right or has run out. Enter the code the app shows now")]
    return render_template("staff/auth/code.html", form=form,
                           error_title_prefix=bool(form.errors))


@bp.route("/staff/sign-out", methods=["GET", "POST"])
@public
def sign_out():
    staff_session = g.get("staff_session")
    if staff_session is None:
        return redirect(url_for(".sign_in"))
    form = SignOutForm()
    if request.method == "GET":
        return render_template("staff/auth/sign_out.html", form=form)
    if form.validate_on_submit():
        end_session(staff_session)
        audit.record("sign-out", subject_type="user", subject_id=staff_session.user_id, user=staff_session.user)
        db.session.commit()
        _rotate_session(None)
        flash(_("You have signed out"), "success")
        response = redirect(url_for(".sign_in"))
        # Clear anything cached for the staff pages (the cookie itself is re-issued).
        response.headers["Clear-Site-Data"] = '"cache", "storage"'
        return response
    return redirect(url_for("staff_account.home"))
