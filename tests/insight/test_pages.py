"""The insight pages: who may see them, filters read leniently, and CSV and JSON downloads that
hold exactly the figures (and flags) each page shows."""
from __future__ import annotations

import csv
import io

import pytest
from bs4 import NavigableString
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent
from tests.helpers import normalize_spaces, page
from tests.staff.accounts import client_for, make_user

PAGES = ["/staff/insight/", "/staff/insight/coverage?band=16-18&category=health", "/staff/insight/searches",
         "/staff/insight/voice?quadrant=mid", "/staff/insight/access?quadrant=west",
         "/staff/insight/quadrants/mid"]


@pytest.fixture(scope="module")
def staff(module_app, directory, search_log, wall, survey):
    return client_for(module_app, make_user("forum_moderator"))


def _figure(td) -> str:
    first = td.contents[0]
    if isinstance(first, NavigableString):
        return normalize_spaces(str(first))
    return normalize_spaces(str(first.contents[0])) if first.name == "a" else normalize_spaces(first.text)


def page_tables(response) -> dict[str, list[tuple]]:
    """Each table on the page: (row label, [(figure, flag words)...]) as a reader sees them."""
    found = {}
    for section in page(response).select("main section[id]"):
        rows = []
        for tr in section.select("tbody tr"):
            cells = [(_figure(td), normalize_spaces(td.select_one(".govuk-tag").text) if td.select_one(".govuk-tag")
                      else "") for td in tr.select("td")]
            rows.append((normalize_spaces(tr.select_one("th").text), cells))
        found[section["id"]] = rows
    return found


def json_tables(data: dict) -> dict[str, list[tuple]]:
    flags = {"none": "None", "thin": "Thin", "not-expected": "Not expected at this age", None: ""}
    return {t["key"]: [(r["label"], [(c["shown"], flags[c["flag"]]) for c in r["cells"]]) for r in t["rows"]]
            for t in data["tables"]}


def csv_tables(text: str, data: dict) -> dict[str, list[tuple]]:
    captions = {t["caption"]: t["key"] for t in data["tables"]}
    found: dict[str, list] = {t["key"]: [] for t in data["tables"]}
    for line in list(csv.DictReader(io.StringIO(text))):
        rows = found.setdefault(captions[line["table"]], [])
        if not rows or rows[-1][0] != line["row"] or len(rows[-1][1]) == len(
                next(t for t in data["tables"] if t["caption"] == line["table"])["columns"]):
            rows.append((line["row"], []))
        rows[-1][1].append((line["shown"], line["flag"]))
    return found


def _export(url: str, fmt: str) -> str:
    path, _, query = url.partition("?")
    if path.endswith("/insight/"):
        path += "overview"
    return f"{path}.{fmt}" + (f"?{query}" if query else "")


@pytest.mark.parametrize("url", PAGES)
def test_the_downloads_hold_exactly_what_the_page_shows(staff, url):
    response = staff.get(url)
    assert response.status_code == 200
    shown = page_tables(response)
    data = staff.get(_export(url, "json")).get_json()
    text = staff.get(_export(url, "csv")).get_data(as_text=True)
    assert shown == json_tables(data)
    assert csv_tables(text, data) == json_tables(data)
    assert sum(len(rows) for rows in shown.values()) > 0


def test_the_coverage_page_flags_cells_in_words(staff):
    tables = page_tables(staff.get("/staff/insight/coverage?band=16-18"))
    autism = dict(tables["need-16-18"])["Autism"]
    assert autism[1] == ("1", "Thin") and autism[0] == ("0", "None")  # NE with countywide; NE based there


def test_exports_are_audited_and_named(staff, module_app):
    response = staff.get("/staff/insight/searches.csv")
    assert response.mimetype == "text/csv" and "local-offer-insight-searches-" in response.headers["Content-Disposition"]
    actions = db.session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")).all()
    assert any("insight searches CSV" in detail for detail in actions)


def test_bad_filters_fall_back_to_the_defaults(staff):
    response = staff.get("/staff/insight/searches?quadrant=atlantis&band=99&months=7&category=<b>")
    assert response.status_code == 200
    form = page(response)
    assert form.select_one("select[name=months] option[selected]")["value"] == "12"
    assert form.select_one("select[name=quadrant] option[selected]")["value"] == ""


@pytest.mark.parametrize("url", ["/staff/insight/nowhere", "/staff/insight/coverage.xlsx",
                                 "/staff/insight/quadrants/atlantis", "/staff/insight/quadrants/mid.xml"])
def test_unknown_addresses_are_not_found(staff, url):
    assert staff.get(url).status_code == 404


def test_each_page_uses_only_its_own_filters(staff):
    data = staff.get("/staff/insight/access.json?band=0-4&months=3&quadrant=west").get_json()
    assert data["filters"] == {"quadrant": "west", "band": "", "category": "", "months": 12}


@pytest.mark.parametrize("role, status", [("council_moderator", 200), ("forum_moderator", 200), ("admin", 200),
                                          ("provider", 403), ("champion", 403)])
def test_who_may_see_insight(module_app, directory, role, status):
    client = client_for(module_app, make_user(role))
    assert client.get("/staff/insight/access").status_code == status
