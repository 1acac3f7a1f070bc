"""Friendly error pages: every HTTP error gets a GOV.UK-style page, JSON for JSON routes."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from .sqlite import is_busy

TEMPLATES = {404: "errors/404.html", 400: "errors/400.html", 413: "errors/413.html", 429: "errors/429.html"}


def _wants_json() -> bool:
    return request.path.endswith(".json") or request.path.startswith("/api/") or request.path == "/healthz"


def _message(code: int) -> str:
    """What went wrong, in the reader's language, for people reading a JSON error."""
    if code == 404:
        return _("There is nothing at this address.")
    if code == 400:
        return _("Something in the request was not right. Check it and try again.")
    if code == 429:
        return _("There have been too many requests. Wait a few minutes and try again.")
    if code >= 500:
        return _("Sorry, there is a problem with the service. Try again later.")
    return _("This request could not be completed.")


def _json_error(name: str, code: int) -> dict:
    body = {"error": name, "status": code}
    if not request.path.startswith("/api/"):  # the open data API keeps the ORUK error shape
        body["message"] = _message(code)
    return body


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if _wants_json():
            return jsonify(_json_error(error.name, error.code)), error.code
        return render_template(TEMPLATES.get(error.code, "errors/generic.html"), error=error), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        from .extensions import db

        db.session.rollback()
        if is_busy(error):
            # SQLite's write lock stayed busy through every retry (extreme load): "try again",
            # not a crash. Logged without the statement, which can hold what was typed.
            app.logger.error("Database busy at %s", request.endpoint)
            busy = ServiceUnavailable()
            if _wants_json():
                return jsonify({"error": busy.name, "status": 503}), 503, {"Retry-After": "5"}
            return render_template("errors/generic.html", error=busy, message=_(
                "The site is very busy. Nothing you sent has been saved. Wait a few seconds, go back and "
                "send it again.")), 503, {"Retry-After": "5"}
        # Log the type and where only: messages can hold user input (special-category data).
        app.logger.error("Unhandled %s at %s", type(error).__name__, request.endpoint)
        if app.testing and app.config.get("PROPAGATE_TEST_ERRORS", True):
            raise error
        err = InternalServerError()
        if _wants_json():
            return jsonify(_json_error(err.name, 500)), 500
        return render_template("errors/generic.html", error=err,
                               message=_("Sorry, there is a problem with the service. Try again later.")), 500
