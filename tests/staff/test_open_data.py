"""Moderators download the whole published directory from the staff area: the same files the
command line writes, streamed, audited, with spreadsheet formulas defused."""
from __future__ import annotations

import csv
import io
import json

import pytest

from localoffer.data import audit

from ..factories import make_service
from ..helpers import page
from .accounts import client_for, make_user


def _directory():
    make_service("Talk Together", needs=("slcn",), quadrants=("mid",), town="Chelmsford", postcode="CM1 1AA")
    make_service("=cmd|' /C calc'!A0", description="+44 1245")
    make_service("Hidden draft", published=False)


@pytest.mark.parametrize("role", ["council_moderator", "forum_moderator", "admin"])
def test_the_staff_home_links_to_the_download_page_for_the_right_roles(app, role):
    client = client_for(app, make_user(role))
    home = page(client.get("/staff/"))
    assert home.find("a", href="/staff/open-data/")
    download = page(client.get("/staff/open-data/"))
    assert download.h1.get_text(strip=True) == "Download the directory"
    assert download.find("a", href="/staff/open-data/directory.csv")
    assert download.find("a", href="/staff/open-data/directory.datapackage.json")


@pytest.mark.parametrize("role", ["provider", "champion"])
def test_providers_and_champions_cannot_download(app, role):
    client = client_for(app, make_user(role))
    assert not page(client.get("/staff/")).find("a", href="/staff/open-data/")
    assert client.get("/staff/open-data/directory.csv").status_code == 403


def test_the_csv_download_is_the_command_line_export_streamed_and_audited(app, runner, tmp_path):
    _directory()
    moderator = make_user("council_moderator")
    response = client_for(app, moderator).get("/staff/open-data/directory.csv")
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "text/csv"
    assert 'attachment; filename="essex-send-local-offer-' in response.headers["Content-Disposition"]
    body = response.get_data()
    runner.invoke(args=["oruk", "export", "--format", "csv", str(tmp_path / "cli.csv")])
    assert body == (tmp_path / "cli.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert sorted(r["name"] for r in rows) == ["'=cmd|' /C calc'!A0", "Talk Together"]
    assert next(r for r in rows if r["name"].startswith("'"))["description"] == "'+44 1245"
    downloads = [e for e in audit.events(action="export") if e.actor == moderator.email]
    assert [e.detail for e in downloads] == ["directory CSV (2 services) downloaded"]


def test_the_data_package_download_matches_the_command_line(app, runner, tmp_path):
    _directory()
    response = client_for(app, make_user("forum_moderator")).get("/staff/open-data/directory.datapackage.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].endswith('.datapackage.json"')
    downloaded = json.loads(response.get_data(as_text=True))
    runner.invoke(args=["oruk", "export", "--format", "json", str(tmp_path / "cli.json")])
    written = json.loads((tmp_path / "cli.json").read_text())
    downloaded.pop("created"), written.pop("created")
    assert downloaded == written
    assert len(downloaded["resources"][0]["data"]) == 2
    assert [e.detail for e in audit.events(action="export")][-1] == "directory JSON data package (2 services) downloaded"
