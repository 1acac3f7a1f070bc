"""Security headers on every response, with a per-request CSP nonce for our one inline script
(GOV.UK Frontend's js-enabled line). The full set is pinned by tests/test_security_headers.py."""
from __future__ import annotations

import secrets

from flask import Flask, request


def csp_nonce() -> str:
    # Kept on the request itself (not `g`, which lives as long as the app context).
    return request.environ.setdefault("localoffer.csp_nonce", secrets.token_urlsafe(18))


_PRIVATE_LINK_PATHS = ("/listing-check/", "/wall/follow/", "/wall/new/sent")


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce

    @app.after_request
    def set_headers(response):
        nonce = csp_nonce()
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; "
            f"script-src 'self' 'nonce-{nonce}'; "
            "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        # Private links (review reminders, a wall post's follow link) must not leak their token
        # to any linked site.
        response.headers["Referrer-Policy"] = ("no-referrer" if request.path.startswith(_PRIVATE_LINK_PATHS)
                                               else "strict-origin-when-cross-origin")
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        if app.config.get("SESSION_COOKIE_SECURE") and not app.debug and not app.testing:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if request.blueprint == "shortlist":
            # The shortlist is personal to the visitor: never cache it anywhere.
            response.headers["Cache-Control"] = "no-store"
        return response
