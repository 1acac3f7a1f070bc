"""No personal data or free text in logs (ASVS 5.0 v16.2.5, UK GDPR): a marker typed into every
box of a journey, and into the failure paths that log, never reaches a log record. The access
log keeps no query strings and masks private links."""
from __future__ import annotations

import logging
from types import SimpleNamespace

from localoffer.access_log import PrivateAccessLogger, mask_path
from tests.factories import make_service
from tests.survey.conftest import make_wave

from ..staff.accounts import client_for, make_user

MARKER = "zqxjmarker"


def test_v16_2_5_a_journey_with_personal_words_leaves_none_of_them_in_the_logs(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    service = make_service("Holiday club")
    make_wave()
    moderator = make_user("council_moderator")
    app.config["PROPAGATE_TEST_ERRORS"] = False

    client.get(f"/services?q={MARKER}+autism&near={MARKER}")
    client.get(f"/services.json?q={MARKER}")
    client.post("/wall/new", data={"text": f"My son {MARKER} waits", "consent": "yes", "email": f"{MARKER}@x.org"})
    client.post("/wall/new", data={"text": MARKER, "consent": "yes", "website": MARKER})  # honeypot
    client.post("/survey/q/one-thing", data={"answer": f"Please {MARKER}"})
    client.post(f"/services/{service.id}/report-a-problem", data={"reason": "cost", "details": MARKER})
    client.post("/staff/sign-in", data={"email": f"{MARKER}@example.org", "password": MARKER})
    client.post("/staff/sign-in", data={"email": moderator.email, "password": MARKER})
    client.post("/account/forgot-password", data={"email": f"{MARKER}@example.org"})
    staff = client_for(app, moderator)
    staff.get("/staff/wall/")
    staff.get(f"/staff/listings/all?q={MARKER}")
    client.get(f"/wall/follow/{MARKER}")
    # Failure paths that log: a refused CSRF token, a rate limit, a page that is not there.
    app.config["WTF_CSRF_ENABLED"] = True
    client.post("/wall/new", data={"text": MARKER, "consent": "yes"})
    app.config["WTF_CSRF_ENABLED"] = False
    app.config["WALL_POST_LIMIT_PER_HOUR"] = 0
    client.post("/wall/new", data={"text": MARKER, "consent": "yes"})
    client.get(f"/{MARKER}")

    assert any("Rate limit reached" in r.getMessage() for r in caplog.records)  # the logging ran
    assert any("CSRF check failed" in r.getMessage() for r in caplog.records)
    leaks = [r for r in caplog.records if MARKER in r.getMessage() or MARKER in str(r.args)
             or MARKER in (r.exc_text or "")]
    assert leaks == []


def test_the_access_log_masks_private_links_and_drops_query_strings():
    assert mask_path("/wall/follow/abcDEF123_-/edit") == "/wall/follow/…/edit"
    assert mask_path("/listing-check/eyJzIjoi.abc") == "/listing-check/…"
    assert mask_path("/account/reset/tok") == "/account/reset/…"
    assert mask_path("/account/invitation/tok") == "/account/invitation/…"
    assert mask_path("/services/123") == "/services/123"

    logger = PrivateAccessLogger(SimpleNamespace(
        errorlog="-", loglevel="info", accesslog=None, syslog=False, logconfig=None, logconfig_dict={},
        logconfig_json=None, capture_output=False, user=0, group=0, umask=0, disable_redirect_access_to_syslog=False,
        access_log_format="", syslog_addr=None, syslog_prefix=None, syslog_facility="user", errorlog_level=None))
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": f"/wall/follow/secret?q={MARKER}", "SERVER_PROTOCOL": "HTTP/1.1",
               "PATH_INFO": "/wall/follow/secret", "QUERY_STRING": f"q={MARKER}",
               "HTTP_REFERER": f"http://x/services?q={MARKER}", "REMOTE_ADDR": "127.0.0.1"}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[])
    from datetime import timedelta

    atoms = logger.atoms(response, request, environ, timedelta(seconds=0.1))
    assert MARKER not in repr(atoms) and "secret" not in repr(atoms)
    assert atoms["U"] == "/wall/follow/…"
