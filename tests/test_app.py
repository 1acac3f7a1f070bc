"""The app factory, configuration and the headers every response carries."""
from __future__ import annotations

import re

import pytest

import config


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    # The one inline script (GOV.UK's js-enabled line) carries this request's nonce.
    html = response.get_data(as_text=True)
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts and all(f'nonce="{nonce}"' in attrs for attrs in inline_scripts)


def test_each_response_gets_a_fresh_nonce(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second


def test_shortlist_is_never_cached(client):
    assert client.get("/shortlist").headers["Cache-Control"] == "no-store"


def test_production_refuses_to_start_without_a_strong_secret(monkeypatch):
    monkeypatch.setenv("LOCALOFFER_ENV", "production")
    monkeypatch.setattr(config.ProductionConfig, "SECRET_KEY", None)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        config.config_for_environment()


def test_plain_postgresql_urls_use_psycopg3(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@127.0.0.1/db")
    assert config._database_url() == "postgresql+psycopg://u@127.0.0.1/db"


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_html_lang_follows_the_interface_language(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en"' in html


def test_the_page_has_council_branding_not_gov_uk(client):
    html = client.get("/").get_data(as_text=True)
    assert "govuk-generic-header" in html
    assert "govuk-header__logotype" not in html and "Crown copyright" not in html
