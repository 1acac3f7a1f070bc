"""`flask oruk export`: the published directory as a spreadsheet and as ORUK JSON."""
from __future__ import annotations

import csv
import io
import json

from tests.factories import make_service


def _export(runner, tmp_path, kind: str):
    path = tmp_path / f"directory.{kind}"
    result = runner.invoke(args=["oruk", "export", "--format", kind, str(path)])
    assert result.exit_code == 0, result.output
    return path, result.output


def _directory():
    shown = make_service("Talk Together", needs=("slcn", "autism"), quadrants=("mid", "south"), days=("mon",),
                         free=True, town="Chelmsford", postcode="CM1 1AA")
    formula = make_service("=HYPERLINK(\"http://evil.example\")", description="@SUM(1)")
    make_service("Hidden draft", published=False)
    make_service("Closed for good", status="inactive")
    return shown, formula


def test_csv_has_one_row_per_findable_service_with_joined_slugs(runner, tmp_path):
    shown, _ = _directory()
    path, output = _export(runner, tmp_path, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert "Exported 2 services" in output
    assert len(rows) == 2
    row = next(r for r in rows if r["id"] == str(shown.id))
    assert (row["needs"], row["quadrants"], row["days"], row["is_free"]) == ("autism;slcn", "mid;south", "mon", "yes")
    assert (row["towns"], row["postcodes"]) == ("Chelmsford", "CM1 1AA")


def test_csv_cells_never_run_as_spreadsheet_formulas(runner, tmp_path):
    _, formula = _directory()
    path, _ = _export(runner, tmp_path, "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["id"] == str(formula.id))
    assert row["name"].startswith("'=") and row["description"] == "'@SUM(1)"


def test_json_is_a_data_package_of_full_services_as_the_api_serves_them(runner, client, tmp_path):
    from tests.api.conftest import assert_valid

    shown, _ = _directory()
    path, output = _export(runner, tmp_path, "json")
    package = json.loads(path.read_text(encoding="utf-8"))
    assert package["profile"] == "data-package" and package["name"] == "essex-send-local-offer"
    assert package["oruk"]["version"] == "3.0" and package["created"].endswith("Z")
    assert package["licenses"][0]["name"] == "OGL-UK-3.0"
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == ["services", "taxonomies", "taxonomy_terms"]
    services = resources["services"]["data"]
    # HSDS's service_package.json is an array of service.json items: each is checked in full.
    assert len(services) == 2 and "Exported 2 services" in output
    for item in services:
        assert_valid(item, "service.json")
    by_id = {s["id"]: s for s in services}
    assert by_id[str(shown.id)] == client.get(f"/api/oruk/services/{shown.id}").get_json()
    assert resources["taxonomies"]["data"] == client.get("/api/oruk/taxonomies?per_page=100").get_json()["contents"]
    for term in resources["taxonomy_terms"]["data"]:
        assert_valid(term, "taxonomy_term.json")


def test_an_empty_directory_exports_an_empty_package(runner, tmp_path):
    path, _ = _export(runner, tmp_path, "json")
    package = json.loads(path.read_text())
    assert package["resources"][0]["data"] == []


def test_each_export_is_in_the_audit_log(runner, tmp_path):
    from localoffer.data import audit

    _directory()
    _export(runner, tmp_path, "csv")
    [event] = audit.events(action="export")
    assert (event.actor, event.subject_type) == ("command line", "directory")
    assert event.detail == "directory CSV (2 services) to directory.csv"


def test_an_unwritable_output_fails_clearly(runner, tmp_path):
    result = runner.invoke(args=["oruk", "export", "--format", "csv", str(tmp_path / "missing" / "out.csv")])
    assert result.exit_code != 0 and "could not be written" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
