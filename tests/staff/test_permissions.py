"""Every staff URL is guarded: a walk over the whole URL map proves that anonymous visitors are
sent to sign in and signed-in users without the permission get 403, on every method (CONTRACT §7).
New staff routes are covered automatically."""
from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from werkzeug.routing import Rule

from localoffer.auth.roles import PERMISSIONS, ROLE_LABELS

from .accounts import make_user, sign_in

README = Path(__file__).resolve().parents[2] / "README.md"
GUARDED_PREFIXES = ("/staff", "/account")


def _staff_rules(app) -> list[Rule]:
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(GUARDED_PREFIXES)]


def _example_url(rule: Rule) -> str:
    """The rule with made-up values: ids that exist nowhere, which is fine, because the
    permission check has to answer before any object is looked up."""
    values = {}
    for name in rule.arguments:
        converter = rule._converters[name].__class__.__name__
        values[name] = 1 if converter == "IntegerConverter" else (
            str(uuid.uuid4()) if name.endswith("id") else "made-up-token")
    url = rule.rule
    for name, value in values.items():
        url = re.sub(r"<(?:[^:<>]+:)?" + name + r">", str(value), url)
    return url


def _methods(rule: Rule) -> list[str]:
    return sorted(m for m in rule.methods if m not in ("HEAD", "OPTIONS"))


def test_every_staff_view_declares_a_permission_or_is_marked_public(app):
    undeclared = [rule.endpoint for rule in _staff_rules(app)
                  if not hasattr(app.view_functions[rule.endpoint], "permission")]
    assert undeclared == []


def test_the_walk_covers_the_staff_area(app):
    endpoints = {rule.endpoint.split(".")[0] for rule in _staff_rules(app)}
    assert {"staff_auth", "staff_account", "staff_listings", "staff_reviews", "staff_reports",
            "staff_users", "staff_audit"} <= endpoints


def _guarded(app):
    for rule in _staff_rules(app):
        permission = getattr(app.view_functions[rule.endpoint], "permission", None)
        if permission is not None:
            yield rule, permission


def test_anonymous_visitors_are_sent_to_sign_in_from_every_staff_url(app, client):
    checked = 0
    for rule, _permission in _guarded(app):
        url = _example_url(rule)
        for method in _methods(rule):
            response = client.open(url, method=method)
            assert response.status_code == 302, (method, url, response.status_code)
            assert response.headers["Location"].startswith("/staff/sign-in"), (method, url)
            checked += 1
    assert checked > 20


def test_the_public_staff_urls_still_send_anonymous_visitors_to_sign_in(app, client):
    for rule in _staff_rules(app):
        if getattr(app.view_functions[rule.endpoint], "permission", "x") is not None:
            continue
        if not rule.rule.startswith("/staff") or rule.rule == "/staff/sign-in":
            continue
        if rule.endpoint == "staff_account.session_status":
            continue  # tells the timeout warning the session has ended (test_timeout_warning.py)
        response = client.get(_example_url(rule))
        assert response.status_code == 302 and response.headers["Location"].startswith("/staff/sign-in"), rule.rule


@pytest.mark.parametrize("role", list(ROLE_LABELS))
def test_signed_in_users_without_the_permission_get_403_everywhere(app, role):
    user = make_user(role)
    client = app.test_client()
    assert sign_in(client, user).status_code == 302
    refused = 0
    for rule, permission in _guarded(app):
        if role in PERMISSIONS[permission]:
            continue
        url = _example_url(rule)
        for method in _methods(rule):
            response = client.open(url, method=method)
            assert response.status_code == 403, (role, method, url, response.status_code)
            refused += 1
    if role != "admin":
        assert refused > 0


def test_refusals_are_logged_without_personal_details(app, caplog):
    user = make_user("provider")
    client = app.test_client()
    sign_in(client, user)
    with caplog.at_level("WARNING"):
        assert client.get("/staff/audit/").status_code == 403
    assert "Forbidden" in caplog.text and user.email not in caplog.text


def _readme_matrix() -> dict[str, set[str]]:
    """The permission table in the README: | `permission` | ... | ✓ | ... |"""
    text = README.read_text()
    section = text.split("### Who can do what", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip().strip("`") for cell in lines[0].strip("|").split("|")]
    roles = header[2:]
    matrix = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        matrix[cells[0].strip("`")] = {role for role, mark in zip(roles, cells[2:]) if mark == "✓"}
    return matrix


def test_the_readme_permission_matrix_matches_the_code():
    assert _readme_matrix() == {name: set(roles) for name, roles in PERMISSIONS.items()}
