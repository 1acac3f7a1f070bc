"""Refusing a form kindly: the page comes back with what was typed, and nothing is saved.

A CSRF failure (the page was open very long, cookies were cleared, or another site posted the
form) never shows a bare "400 Bad Request". The page's own view runs again with the posted
values but without the token, so its form cannot validate and is shown again, filled in, with
a fresh token and a notice at the top (base.html). While it runs, every database write is
refused (`WriteRefused`), whatever the form: if the view tried to save anything, the visitor
gets the plain "nothing was saved" page instead. Rate limits use the same notice from inside
the view (`notice("rate-limited")`).
"""
from __future__ import annotations

import logging
from contextvars import ContextVar

from flask import Flask, current_app, g, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.datastructures import ImmutableMultiDict

from .sqlite import is_write_statement

log = logging.getLogger(__name__)

_refusing: ContextVar[bool] = ContextVar("localoffer_refusing_writes", default=False)


class WriteRefused(RuntimeError):
    """A view tried to write while its (refused) form was only being shown again."""


@event.listens_for(Engine, "before_cursor_execute")
def _no_writes_while_refusing(_conn, _cursor, statement, _parameters, _context, _many) -> None:
    if _refusing.get() and is_write_statement(statement):
        raise WriteRefused("write attempted while showing a refused form again")


def notice(kind: str) -> None:
    """Show the refusal notice (components/refusal.html) on the page being rendered."""
    g.refusal = kind


def refusal_kind() -> str | None:
    return g.get("refusal")


def _show_form_again():
    """The page's own response with the posted values, or None if that is not possible."""
    rule = request.url_rule
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or rule is None or request.method != "POST" or "GET" not in (rule.methods or ()):
        return None
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    posted = request.form.copy()
    posted.poplist(field)
    request.form = ImmutableMultiDict(posted)  # without a token the form cannot validate
    notice("csrf")
    token = _refusing.set(True)
    try:
        response = current_app.make_response(view(**(request.view_args or {})))
    except WriteRefused:
        from .extensions import db

        db.session.rollback()
        log.error("A view tried to save while its refused form was shown again: %s", request.endpoint)
        return None
    finally:
        _refusing.reset(token)
    if response.status_code != 200:
        return None  # e.g. sent to sign in, or the thing can no longer be changed
    response.status_code = 400
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_refused(_error: CSRFError):
        # Logged for monitoring (ASVS 16.3.3): where, never what was typed.
        app.logger.warning("CSRF check failed at %s", request.endpoint)
        from .auth import signed_out_with_text

        # Signed out meanwhile: the token went with the session, but what was typed is shown.
        kept = signed_out_with_text()
        if kept is not None:
            return kept
        response = _show_form_again() if not request.path.startswith("/api/") else None
        if response is not None:
            return response
        return render_template("errors/csrf.html", back=_same_site_referrer()), 400

    @app.context_processor
    def refusal_context():
        return {"refusal_kind": refusal_kind, "refusal_title": _refusal_title}


def _refusal_title(kind: str) -> str:
    if kind == "rate-limited":
        return _("You have done this a lot in a short time")
    return _("Your page timed out, so nothing has been sent yet")


def _same_site_referrer() -> str | None:
    """Where the form was, if it was on this site: for the "Go back" link."""
    referrer = request.referrer or ""
    host = request.host_url
    return referrer if referrer.startswith(host) and len(referrer) < 2000 else None
