"""The importer meets every example and validator fixture of the standard (copied into
fixtures/, see ATTRIBUTION.md there): each is read without a traceback, with the counts a
person would expect. Dry runs, so every file meets an empty directory, in one app."""
from __future__ import annotations

import re

from .helpers import FIXTURES, counts, run_import

# file: (services it would create, records skipped), or the error for a file that holds no feed.
EXPECTED = {
    "broken-json.json": "is not valid JSON",
    "no-services.json": "No services found",
    "hsds3-service-full.json": (1, 0), "uk-profile-service-full.json": (1, 0), "uk-profile-service-list.json": (1, 0),
    "v3-default-service-full.json": (1, 0), "v3-default-service-list.json": (1, 0), "v3-warn-service-list.json": (1, 0),
    "v3-fail-service-full.json": (1, 0), "v3-fail-service-list.json": (0, 4), "v3-test-service-list-trimmed.json": (1, 3),
    "v1-feed.json": (2, 1), "mixed-quality.json": (3, 6),
    "examples/hsds3-base.json": "root ('/') of an Open Referral API",
    "examples/v3-default-api-details.json": "root ('/') of an Open Referral API",
    "examples/v3-fail-api-details.json": "root ('/') of an Open Referral API",
    "examples/hsds3-tabular.json": "No services found",
    "examples/tabular-datapackage.json": "tabular (CSV) data package",
    "examples/v1-validator-V1-ValidateResponse.json": "No services found",
    "examples/v3-default-dashboard-service-details-response.json": "No services found",
    "examples/hsds3-location.json": (0, 1),
    # Organisations bring the services they list; a list of organisations without services brings none.
    "examples/hsds3-organization-full.json": (1, 0), "examples/uk-profile-organization-full.json": (1, 0),
    "examples/hsds3-organization-list.json": (0, 1), "examples/uk-profile-organization-list.json": (0, 1),
    "examples/v3-default-organization-list.json": (0, 10),
    # A service-at-location brings its service, at that location.
    "examples/hsds3-service-at-location-full.json": (1, 0), "examples/hsds3-service-at-location-list.json": (1, 0),
    "examples/uk-profile-service-at-location-full.json": (1, 0),
    "examples/uk-profile-service-at-location-list.json": (1, 0),
    "examples/v3-default-service-at-location-list.json": (1, 0),
    "examples/v3-warn-service-at-location-full.json": (1, 0),
    "examples/hsds3-service-list.json": (1, 0), "examples/v3-test-service-list-data-trimmed.json": (1, 3),
    # Taxonomies and terms are not services.
    "examples/hsds3-taxonomy.json": (0, 1), "examples/hsds3-taxonomy-list.json": (0, 1),
    "examples/hsds3-taxonomy-term.json": (0, 1), "examples/hsds3-taxonomy-term-list.json": (0, 1),
    "examples/uk-profile-taxonomy.json": (0, 1), "examples/uk-profile-taxonomy-term.json": (0, 1),
    "examples/uk-profile-taxonomy-term-list.json": (0, 1), "examples/v3-default-taxonomy-list.json": (0, 1),
    "examples/v3-default-taxonomy-term-list.json": (0, 1), "examples/v3-fail-taxonomy-term-list.json": (0, 1),
    "examples/v3-warn-taxonomy-term.json": (0, 1), "examples/v3-warn-taxonomy-term-list.json": (0, 1),
}


def test_every_fixture_is_listed_with_its_expected_outcome():
    on_disk = {str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*.json")}
    assert on_disk == set(EXPECTED)
    attribution = (FIXTURES / "ATTRIBUTION.md").read_text()
    copies = set(re.findall(r"`((?:examples/)?[\w.-]+\.json)`", attribution))
    assert on_disk <= copies, "every fixture names its source in ATTRIBUTION.md"


def test_every_example_and_fixture_feed_imports_without_a_traceback(runner):
    wrong = []
    for name, expected in EXPECTED.items():
        result = run_import(runner, FIXTURES / name, "--dry-run")  # asserts: no exception, no traceback
        if isinstance(expected, str):
            outcome = expected if result.exit_code == 1 and expected in result.output else result.output[-200:]
        else:
            found = counts(result.output)
            outcome = (found.get("Created"), found.get("Skipped")) if result.exit_code == 0 else result.output[-200:]
        if outcome != expected:
            wrong.append((name, outcome))
    assert wrong == []
