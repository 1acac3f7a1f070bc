"""Who is signed in, and whether they may see a page.

The session cookie holds only `staff_sid`, the id of a StaffSession row. Every request checks
that row on the server: ended (signed out, password changed, account disabled), idle for more
than STAFF_IDLE_MINUTES or older than STAFF_MAX_HOURS means signed out.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import wraps

from flask import Flask, abort, current_app, g, redirect, render_template, request, session, url_for

from ..extensions import db
from ..models.base import as_utc
from .passwords import min_length
from .roles import PERMISSIONS, ROLE_LABELS, STAFF_ROLES, can

SESSION_KEY = "staff_sid"
# Asking how long is left (timeout-warning.mjs) and the browser fetching files do not count as
# using the site.
NOT_USE = ("staff_account.session_status", "static")


def _load_user() -> None:
    g.user = None
    g.staff_session = None
    sid = session.get(SESSION_KEY)
    if not sid:
        return
    from ..data.accounts import get_session

    staff_session = get_session(sid)
    now = datetime.now(timezone.utc)
    if (staff_session is None or staff_session.ended_at is not None or not staff_session.user.is_active
            or now > min(session_ends(staff_session))):
        session.pop(SESSION_KEY, None)
        g.session_expired = staff_session is not None
        return
    g.staff_session = staff_session
    g.user = staff_session.user if staff_session.mfa_passed else None
    g.pending_user = None if staff_session.mfa_passed else staff_session.user
    # Sliding idle timeout, written at most once a minute so browsing stays read-only. Written
    # apart from the page's own transaction: a GET reads on a snapshot that cannot take a write.
    if now - as_utc(staff_session.last_seen_at) > timedelta(seconds=60) and request.endpoint not in NOT_USE:
        from ..data.accounts import touch_session

        touch_session(staff_session.id, now)


def session_ends(staff_session) -> tuple[datetime, datetime]:
    """When this session ends if unused (STAFF_IDLE_MINUTES after its last use), and when it
    ends whatever happens (STAFF_MAX_HOURS after signing in)."""
    cfg = current_app.config
    return (as_utc(staff_session.last_seen_at) + timedelta(minutes=cfg["STAFF_IDLE_MINUTES"]),
            as_utc(staff_session.created_at) + timedelta(hours=cfg["STAFF_MAX_HOURS"]))


def time_left(staff_session) -> tuple[int, bool]:
    """Seconds until this session ends if nothing else happens, and whether using the site
    would move that time on (False when the 12-hour limit is the nearer end)."""
    idle_end, hard_end = session_ends(staff_session)
    seconds = (min(idle_end, hard_end) - datetime.now(timezone.utc)).total_seconds()
    return max(0, int(seconds)), idle_end < hard_end


def mfa_required_for(user) -> bool:
    return bool(current_app.config["STAFF_MFA_REQUIRED"]) and user.role in STAFF_ROLES


def requires(permission: str, *, enrolling: bool = False):
    """Only signed-in users whose role has `permission` may use the view: anonymous visitors
    are sent to sign in (and back afterwards), others get 403. Staff who must use two-factor
    sign-in but have not set it up are sent to set it up, except on views marked
    `enrolling=True` (the setup page itself, so there is no redirect loop). The meta-test in
    tests/staff/test_permissions.py finds every staff view through `view.permission`."""
    if permission not in PERMISSIONS:
        raise ValueError(f"Unknown permission {permission!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = g.get("user")
            if user is None:
                return signed_out_with_text() or redirect(
                    url_for("staff_auth.sign_in", next=request.full_path.rstrip("?")))
            if not enrolling and mfa_required_for(user) and not user.has_totp:
                return redirect(url_for("staff_account.two_factor_setup"))
            if not can(user.role, permission):
                current_app.logger.warning("Forbidden: %s (role %s) at %s", user.id, user.role, request.endpoint)
                abort(403)
            return view(*args, **kwargs)

        wrapped.permission = permission
        return wrapped

    return decorator


# Posted fields that are not words someone typed: tokens, where to go next, passwords, buttons.
_NOT_TYPED = ("csrf_token", "next", "submit", "website", "action", "decision")


_CODE = re.compile(r"[a-z0-9_\-]*")  # a choice's value (approve, council_moderator, an id)


def _typed_text() -> list[str]:
    return [value.strip() for name, value in request.form.items(multi=True)
            if name not in _NOT_TYPED and "password" not in name and not _CODE.fullmatch(value.strip())]


def signed_out_with_text():
    """For a staff form sent after the session ended (no warning without JavaScript, or the
    warning was missed): a page showing what was typed, so it can be copied after signing in
    again, instead of a redirect that throws it away. None when nothing was typed."""
    view = current_app.view_functions.get(request.endpoint or "")
    if request.method != "POST" or g.get("user") is not None or not getattr(view, "permission", None):
        return None
    typed = _typed_text()
    if not typed:
        return None
    page = render_template("staff/auth/signed_out_kept.html", typed=typed,
                           sign_in_url=url_for("staff_auth.sign_in", next=request.full_path.rstrip("?")))
    return page, 401


def public(view):
    """Marks a view under /staff or /account that must work signed out (sign-in, reset)."""
    view.permission = None
    return view


def init_app(app: Flask) -> None:
    # First, before the CSRF check: a refused form is shown again to whoever is signed in.
    app.before_request_funcs.setdefault(None, []).insert(0, _load_user)

    @app.context_processor
    def staff_context():
        user = g.get("user")
        return {"current_user": user, "user_can": lambda p: can(user.role if user else None, p),
                "role_labels": ROLE_LABELS, "password_min_length": min_length}

    @app.after_request
    def no_store_for_staff(response):
        # Staff pages show other people's data: never cache them (ASVS 14.3.2).
        if request.path.startswith(("/staff", "/account")) or g.get("user"):
            response.headers["Cache-Control"] = "no-store, no-cache, private, must-revalidate"
        return response
