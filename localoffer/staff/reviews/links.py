"""Signed one-click "still accurate" links for review reminders.

The token carries the service id and the due date the reminder was for, signed with the app's
SECRET_KEY (itsdangerous). Nothing is stored: once the listing is reviewed its due date moves on,
so the same link can never confirm the next review (the token is "used").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app, has_request_context, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SALT = "localoffer.listing-check"
MAX_AGE_DAYS = 42  # reminder two weeks ahead + four weeks until escalation


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def make_token(service_id, review_due: date) -> str:
    return _serializer().dumps({"s": str(service_id), "d": review_due.isoformat()})


@dataclass(frozen=True)
class LinkCheck:
    problem: str | None  # None, "expired" or "invalid"
    service_id: str = ""
    review_due: date | None = None


def read_token(token: str) -> LinkCheck:
    try:
        data = _serializer().loads(token, max_age=MAX_AGE_DAYS * 24 * 3600)
    except SignatureExpired:
        return LinkCheck("expired")
    except BadSignature:
        return LinkCheck("invalid")
    try:
        return LinkCheck(None, str(data["s"]), date.fromisoformat(data["d"]))
    except (KeyError, TypeError, ValueError):
        return LinkCheck("invalid")


def public_url(endpoint: str, **values) -> str:
    """An absolute link for an email, from PUBLIC_BASE_URL (emails are often sent by the daily
    job, outside any request, where url_for cannot know the site's address)."""
    if has_request_context():
        path = url_for(endpoint, **values)
    else:
        path = current_app.url_map.bind("localhost").build(endpoint, values)
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
