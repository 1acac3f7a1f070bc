"""Security headers on every response, with a per-request CSP nonce for our one inline script
(GOV.UK Frontend's js-enabled line), `no-store` on every page with personal data, and the real
client address behind a proxy. The full set is pinned by tests/security/test_headers.py."""
from __future__ import annotations

import secrets
from urllib.parse import quote

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix


def csp_nonce() -> str:
    # Kept on the request itself (not `g`, which lives as long as the app context).
    return request.environ.setdefault("localoffer.csp_nonce", secrets.token_urlsafe(18))


# Pages whose address holds a secret (a one-time or private link).
_PRIVATE_LINK_PATHS = ("/listing-check/", "/wall/follow/", "/wall/new/sent", "/account/reset/", "/account/invitation/")
# Pages showing what a visitor typed, saved or was sent privately: never stored by a browser
# or proxy (ASVS 14.3.2). Staff pages are covered in auth/__init__.py.
PRIVATE_BLUEPRINTS = frozenset({"shortlist", "listing_check"})
PRIVATE_ENDPOINTS = frozenset({"survey.question", "survey.check", "survey.done", "wall.new", "wall.sent", "wall.follow", "wall.edit", "wall.withdraw", "wall.email",
                               "wall.remove_email", "wall.flag", "directory.report_problem"})
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                      "microphone=(), payment=(), usb=()")


def is_private_page() -> bool:
    return (request.method != "GET" or request.blueprint in PRIVATE_BLUEPRINTS
            or request.endpoint in PRIVATE_ENDPOINTS)


class AsciiQueryString:
    """Bytes beyond ASCII sent raw in a query string (browsers percent-encode them; scripts may
    not) are percent-encoded before Werkzeug reads them: it would fail to decode them as UTF-8.
    Decoding then replaces what is not UTF-8, as for any other bad input."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        query = environ.get("QUERY_STRING", "")
        if not query.isascii():
            environ["QUERY_STRING"] = quote(query.encode("latin-1", "replace"), safe="%&=+;/:?@,!$'()*~-._")
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.wsgi_app = AsciiQueryString(app.wsgi_app)
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops:
        # The client address (rate limits) and https (secure cookies, CSRF) as the proxy saw them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

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
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        # Private links (review reminders, a wall post's follow link) must not leak their token
        # to any other site: same-origin sends no Referer off the site. Never no-referrer: over
        # HTTPS Flask-WTF refuses a form posted without a same-site Referer (WTF_CSRF_SSL_STRICT),
        # so the forms on those pages could never be sent.
        response.headers["Referrer-Policy"] = ("same-origin" if request.path.startswith(_PRIVATE_LINK_PATHS)
                                               else "strict-origin-when-cross-origin")
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        if app.config.get("STRICT_TRANSPORT_SECURITY"):
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if is_private_page() and "no-store" not in response.headers.get("Cache-Control", ""):
            response.headers["Cache-Control"] = "no-store"
        return response
