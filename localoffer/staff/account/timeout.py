"""The warning before a staff session times out (WCAG 2.2.1 Timing Adjustable).

Staff are signed out after STAFF_IDLE_MINUTES without using the site. Two minutes before, the
page's script (static/js/timeout-warning.mjs) asks `session_status` how long is really left
(another tab may have been used meanwhile) and, if the end is near, offers "Stay signed in",
which posts to `stay_signed_in`. Without JavaScript there is no warning; a form sent after
the session ended shows what was typed instead of losing it (auth.signed_out_with_text).
"""
from __future__ import annotations

from datetime import datetime, timezone

from flask import current_app, g, jsonify, redirect, request
from flask_babel import ngettext

from ...auth import public, requires, time_left
from ...data.accounts import touch_session
from ...i18n import plural_patterns
from ..auth.routes import safe_next
from . import bp
from .forms import StaySignedInForm


@bp.app_context_processor
def timeout_context():
    return {"timeout_warning": timeout_warning}


def timeout_warning() -> dict | None:
    """What components/timeout_warning.html needs, for a signed-in member of staff."""
    if g.get("user") is None or g.get("staff_session") is None:
        return None
    seconds_left, extendable = time_left(g.staff_session)
    return {
        "seconds_left": seconds_left, "extendable": extendable,
        "warning_seconds": current_app.config["STAFF_TIMEOUT_WARNING_SECONDS"],
        "minutes": plural_patterns(lambda n: ngettext("%(count)s minute", "%(count)s minutes", n, count="{n}")),
        "seconds": plural_patterns(lambda n: ngettext("%(count)s second", "%(count)s seconds", n, count="{n}")),
    }


def _state():
    seconds, extendable = time_left(g.staff_session)
    return jsonify(signed_in=True, seconds_left=seconds, extendable=extendable)


@bp.route("/session")
@public  # answers signed out too: that is how the page learns the session has ended
def session_status():
    if g.get("user") is None:
        return jsonify(signed_in=False, seconds_left=0, extendable=False)
    return _state()


@bp.route("/session/stay-signed-in", methods=["POST"])
@requires("account")
def stay_signed_in():
    form = StaySignedInForm()
    if form.validate_on_submit():
        touch_session(g.staff_session.id, datetime.now(timezone.utc))
    if request.accept_mimetypes.best == "application/json":
        return _state()
    # The button posted without the script: back to the page it was on.
    return redirect(safe_next(request.form.get("next")))
