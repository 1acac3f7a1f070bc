"""Settings and small guarantees from the ASVS checklist (SECURITY.md) that need no journey."""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import config
from localoffer.applog import OneLineUtcFormatter, RequestIdFilter

from ..staff.accounts import client_for, make_user

ROOT = Path(__file__).resolve().parents[2]


def test_v13_4_2_the_debugger_is_never_on():
    for cls in (config.DevelopmentConfig, config.ProductionConfig, config.Config):
        assert not getattr(cls, "DEBUG", False), cls.__name__


def test_csrf_tokens_last_as_long_as_the_session_so_a_long_survey_is_never_lost():
    assert config.Config.WTF_CSRF_TIME_LIMIT is None
    assert config.Config.MAX_CONTENT_LENGTH == 256 * 1024


def test_v13_4_1_only_the_static_folder_is_served(client):
    for path in ("/.git/config", "/config.py", "/instance/secret_key", "/static/../config.py",
                 "/static/%2e%2e/config.py", "/localoffer/__init__.py"):
        assert client.get(path).status_code == 404, path


def test_v4_1_1_pages_say_their_character_set(client):
    assert client.get("/").headers["Content-Type"] == "text/html; charset=utf-8"
    assert client.get("/services.json").headers["Content-Type"] == "application/json"


def test_v14_3_1_signing_out_clears_the_browsers_copy(app):
    staff = client_for(app, make_user("council_moderator"))
    response = staff.post("/staff/sign-out")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'


def test_v15_3_7_views_read_posted_fields_from_the_form_only():
    """request.values mixes the query string into the form (parameter pollution)."""
    uses = [str(p.relative_to(ROOT)) for p in (ROOT / "localoffer").rglob("*.py")
            if "request.values" in p.read_text(encoding="utf-8")]
    assert uses == []


def test_v3_2_2_our_scripts_never_write_markup_or_keep_data():
    scripts = [p for p in (ROOT / "localoffer").rglob("*.*js") if "govuk" not in p.parts]
    assert scripts
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|localStorage|"
                             r"sessionStorage|eval\(", source), script


def _line(message: str, *args) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(OneLineUtcFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("localoffer.test-config")
    logger.addHandler(handler)
    try:
        logger.warning(message, *args)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_v16_2_1_log_lines_carry_utc_time_and_a_request_id(app):
    with app.test_request_context("/wall/new", method="POST"):
        first, second = _line("one"), _line("two")
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ WARNING \[[0-9a-f]{12}\] localoffer.test-config: one\n$", first)
    assert first.split()[2] == second.split()[2]  # the same request
    assert _line("outside").split()[2] == "[-]"


def test_v16_4_1_a_line_break_cannot_forge_a_log_line(app):
    line = _line("Rate limit reached: %s", "x\r\n2026-01-01T00:00:00Z ERROR forged")
    assert line.count("\n") == 1 and "\\r\\n2026-01-01" in line
