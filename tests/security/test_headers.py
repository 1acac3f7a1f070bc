"""The full set of security headers and cookie flags, pinned: any change must be deliberate
(ASVS 5.0 v3.3.1, v3.3.2, v3.3.4, v3.4.1, v3.4.3-3.4.6, v14.3.2)."""
from __future__ import annotations

import re

import pytest

from config import ProductionConfig
from localoffer import create_app
from localoffer.extensions import db
from tests.survey.conftest import make_wave
from tests.wall.conftest import make_post

from ..staff.accounts import client_for, make_user

NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]{20,})'")


def expected_headers(nonce: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": (
            "default-src 'self'; "
            f"script-src 'self' 'nonce-{nonce}'; "
            "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                               "microphone=(), payment=(), usb=()"),
    }


def _security_headers(response) -> dict[str, str]:
    nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
    return nonce, {name: response.headers.get(name) for name in expected_headers(nonce)}


def test_v3_4_every_page_carries_the_full_pinned_header_set(client):
    for path in ("/", "/services?q=autism", "/wall", "/no-such-page", "/services.json", "/api/oruk/services"):
        response = client.get(path)
        nonce, headers = _security_headers(response)
        assert headers == expected_headers(nonce), path
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in response.headers  # only in production


def test_v3_4_3_the_nonce_is_new_for_every_response_and_on_every_inline_script(client):
    first, second = client.get("/"), client.get("/")
    nonces = [NONCE.search(r.headers["Content-Security-Policy"]).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]
    html = second.get_data(as_text=True)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline and all(f'nonce="{nonces[1]}"' in attrs for attrs in inline)


@pytest.mark.parametrize("path", ["/", "/services?q=autism", "/wall", "/you-said-we-did", "/survey/results"])
def test_v14_3_2_public_pages_without_personal_data_may_be_cached(client, path):
    assert "no-store" not in client.get(path).headers.get("Cache-Control", "")


def test_v14_3_2_every_page_with_personal_data_is_never_stored(app, client):
    make_wave()
    post, token = make_post()
    from tests.factories import make_service

    service = make_service("Swimming club")
    private = ["/shortlist", "/survey/q/who", "/survey/check", "/wall/new", f"/wall/follow/{token}",
               f"/wall/follow/{token}/edit", f"/wall/follow/{token}/email", f"/wall/follow/{token}/withdraw",
               f"/services/{service.id}/report-a-problem", "/staff/sign-in", "/account/forgot-password"]
    for path in private:
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert "no-store" in response.headers["Cache-Control"], path
    # Every answer to a form post too (a redirect carrying a flash message, an error page).
    response = client.post("/wall/new", data={"text": "x" * 600, "consent": "yes"})
    assert "no-store" in response.headers["Cache-Control"]
    staff = client_for(app, make_user("council_moderator"))
    assert staff.get("/staff/").headers["Cache-Control"] == "no-store, no-cache, private, must-revalidate"
    # Private links never leak to other sites through the Referer header.
    assert client.get(f"/wall/follow/{token}").headers["Referrer-Policy"] == "same-origin"


def test_v3_3_development_cookies_are_httponly_and_lax(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    client.get("/staff/sign-in")  # the CSRF token starts a session
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"


@pytest.fixture
def production_client(app, database_url, tmp_path):
    """The real ProductionConfig, over HTTPS, on the test database."""
    app = create_app(ProductionConfig, TESTING=True, SECRET_KEY="p" * 40, SQLALCHEMY_DATABASE_URI=database_url,
                     SEARCH_INDEX_DIR=str(tmp_path / "index"), MAIL_BACKEND="memory")
    with app.app_context():
        yield app.test_client()
        db.session.remove()
        db.engine.dispose()


def test_v3_3_1_and_v3_4_1_production_uses_hsts_and_a_secure_host_only_cookie(production_client):
    response = production_client.get("/staff/sign-in", base_url="https://localoffer.example")
    nonce, headers = _security_headers(response)
    assert headers == expected_headers(nonce)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    [set_cookie] = response.headers.getlist("Set-Cookie")
    assert set_cookie.startswith("__Host-session=")
    attributes = {part.strip().split("=")[0].lower() for part in set_cookie.split(";")[1:]}
    assert {"secure", "httponly", "path", "samesite"} <= attributes and "domain" not in attributes
    assert "SameSite=Lax" in set_cookie and "Path=/" in set_cookie


def test_v15_3_4_behind_a_proxy_the_client_address_comes_from_the_trusted_hop(app, database_url, tmp_path):
    from flask import request

    app = create_app(ProductionConfig, TESTING=True, SECRET_KEY="p" * 40, SQLALCHEMY_DATABASE_URI=database_url,
                     SEARCH_INDEX_DIR=str(tmp_path / "index"), MAIL_BACKEND="memory", PROXY_HOPS=1)
    seen = {}
    app.add_url_rule("/test-address", "test_address",
                     lambda: seen.update(addr=request.remote_addr, https=request.is_secure) or "ok")
    # The client's own forged value comes first; the one proxy appends the real address.
    app.test_client().get("/test-address", headers={"X-Forwarded-For": "6.6.6.6, 203.0.113.9",
                                                    "X-Forwarded-Proto": "https"})
    assert seen == {"addr": "203.0.113.9", "https": True}


def test_v3_5_1_private_link_pages_keep_their_secret_on_site_and_their_forms_work_over_https(app, production_client):
    """Their Referrer-Policy is same-origin, never no-referrer: over HTTPS Flask-WTF refuses a post
    without a same-site Referer, so the follow link's forms could never be sent."""
    _post, token = make_post("My comment")
    base = "https://localoffer.example"
    path = f"/wall/follow/{token}/edit"
    page = production_client.get(path, base_url=base)
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in page.get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    data = {"text": "My changed comment", "csrf_token": csrf}
    assert production_client.post(path, base_url=base, data=data).status_code == 400  # no Referer at all
    sent = production_client.post(path, base_url=base, data=data, headers={"Referer": base + path})
    assert sent.status_code == 302
