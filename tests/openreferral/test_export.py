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


def test_json_is_one_oruk_page_of_full_services_as_the_api_serves_them(runner, client, tmp_path):
    shown, _ = _directory()
    path, _ = _export(runner, tmp_path, "json")
    page = json.loads(path.read_text(encoding="utf-8"))
    assert (page["total_items"], page["total_pages"], page["first_page"], page["last_page"]) == (2, 1, True, True)
    by_id = {s["id"]: s for s in page["contents"]}
    assert by_id[str(shown.id)] == client.get(f"/api/oruk/services/{shown.id}").get_json()


def test_an_empty_directory_exports_an_empty_page(runner, tmp_path):
    path, _ = _export(runner, tmp_path, "json")
    assert json.loads(path.read_text())["contents"] == []


def test_an_unwritable_output_fails_clearly(runner, tmp_path):
    result = runner.invoke(args=["oruk", "export", "--format", "csv", str(tmp_path / "missing" / "out.csv")])
    assert result.exit_code != 0 and "could not be written" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
