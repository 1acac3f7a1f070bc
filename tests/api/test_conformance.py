"""The whole demo feed, checked the way the Open Referral UK validator checks a feed: the root
fields, the first, a middle and the last page of each list, and 10 random ids of each kind,
every body validated against the UK-profile schemas. Plus the OpenAPI document."""
from __future__ import annotations

import json
import random

import pytest
from openapi_spec_validator import validate

from localoffer.api.routes import openapi_document

from .build_openapi import render
from .conftest import API, assert_page, assert_valid, schema_errors

LISTS = [
    ("/services", "service_list.json", "/services/{}", "service.json"),
    ("/service_at_locations", "service_at_location_list.json", "/service_at_locations/{}", "service_at_location.json"),
    ("/organizations", "organization_list.json", "/organizations/{}", "organization.json"),
    ("/taxonomies", "taxonomy.json", "/taxonomies/{}", "taxonomy.json"),
    ("/taxonomy_terms", "taxonomy_term.json", "/taxonomy_terms/{}", "taxonomy_term.json"),
]


def get_json(client, path: str) -> dict:
    response = client.get(API + path)
    assert response.status_code == 200, (path, response.get_data(as_text=True)[:200])
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()


def test_root_has_the_fields_the_validator_needs(demo_client):
    about = get_json(demo_client, "/")
    assert_valid(about, "api_details.json")
    assert about["version"] == "3.0"
    assert about["openapi_url"].endswith("/api/oruk/openapi.json")


@pytest.mark.parametrize("list_path, item_schema, detail_path, detail_schema", LISTS,
                         ids=[row[0] for row in LISTS])
def test_first_middle_and_last_pages_and_ten_random_records_validate(
        demo_client, list_path, item_schema, detail_path, detail_schema):
    first = get_json(demo_client, f"{list_path}?page=1")
    assert_page(first, item_schema)
    assert first["contents"], "an empty feed gets the validator's EMPTY_FEED warning"
    assert first["first_page"] and first["page_number"] == 1
    last_number = first["total_pages"]
    ids = [item["id"] for item in first["contents"]]
    for number in sorted({(last_number + 1) // 2, last_number} - {1}):
        page = get_json(demo_client, f"{list_path}?page={number}")
        assert_page(page, item_schema)
        assert page["page_number"] == number and page["contents"]
        assert page["last_page"] == (number == last_number)
        ids += [item["id"] for item in page["contents"]]
    for record_id in random.Random(5).sample(ids, min(10, len(ids))):
        record = get_json(demo_client, detail_path.format(record_id))
        assert_valid(record, detail_schema)
        assert record["id"] == record_id


def test_every_published_service_validates_in_full(demo_client):
    """Not just a sample: every service in the demo data, serialised as /services/{id} does."""
    from localoffer.data.oruk import service_full
    from localoffer.data.services import iter_findable_services

    checked = 0
    for service in iter_findable_services():
        assert_valid(service_full(service), "service.json")
        checked += 1
    assert checked == get_json(demo_client, "/services")["total_items"] > 100


def test_the_demo_feed_uses_the_local_offer_extras(demo_client):
    """The demo data has answers, areas, venues and timetables: they all come through."""
    page = get_json(demo_client, "/services?per_page=100")
    services = [get_json(demo_client, f"/services/{item['id']}") for item in page["contents"]]
    taxonomies = {a["taxonomy_term"]["taxonomy"] for s in services for a in s.get("attributes", [])}
    assert {"Essex Local Offer: special educational needs", "Essex Local Offer: areas of Essex",
            "Essex Local Offer: how to get the service", "Essex Local Offer: Local Offer information"} <= taxonomies
    assert any(s.get("service_at_locations") for s in services)
    assert any(s.get("schedules") for s in services)
    assert any(s.get("cost_options") for s in services)
    assert all(s.get("assured_date") for s in services)


def test_openapi_document_passes_a_strict_openapi_3_validator(demo_client):
    spec = get_json(demo_client, "/openapi.json")
    validate(spec)
    assert spec["openapi"].startswith("3.0.")


def test_openapi_document_is_built_from_the_schemas_we_test_against():
    assert json.loads(render()) == openapi_document(), "run: .venv/bin/python -m tests.api.build_openapi"


def test_openapi_describes_exactly_the_endpoints_we_serve(demo_app):
    spec = openapi_document()
    served = {rule.rule.removeprefix(API).replace("<service_id>", "{id}").replace("<sal_id>", "{id}")
              .replace("<org_id>", "{id}").replace("<taxonomy_id>", "{id}").replace("<term_id>", "{id}") or "/"
              for rule in demo_app.url_map.iter_rules() if rule.endpoint.startswith("api.")}
    assert set(spec["paths"]) == served - {"/docs"}


def test_openapi_schemas_accept_our_responses(demo_client):
    """The response schemas in our OpenAPI document agree with what we serve."""
    from jsonschema import Draft4Validator

    spec = openapi_document()
    schemas = spec["components"]["schemas"]
    service = get_json(demo_client, "/services?per_page=1")["contents"][0]
    full = get_json(demo_client, f"/services/{service['id']}")
    resolver_doc = {"components": {"schemas": schemas}}
    for name, data in (("Service", full), ("ServiceListItem", service)):
        schema = {**schemas[name], "components": resolver_doc["components"]}
        errors = list(Draft4Validator(schema).iter_errors(data))
        assert not errors, [e.message for e in errors[:5]]
    assert not schema_errors(full, "service.json")


def _validator_fixture(name: str):
    from tests.openreferral.helpers import FIXTURES

    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture, schema, expected", [
    # The validator's passing mock feed passes our checks...
    ("v3-default-service-full.json", "service.json", set()),
    ("examples/v3-default-api-details.json", "api_details.json", set()),
    # ...and its failing and warning mocks fail them, on the fields the validator reports.
    ("v3-fail-service-full.json", "service.json", {"url", "email"}),
    ("examples/v3-fail-api-details.json", "api_details.json", {"", "openapi_url"}),
    ("examples/v3-warn-taxonomy-term.json", "taxonomy_term.json", {"", "term_uri"}),
])
def test_our_checks_give_the_validators_verdict_on_its_own_mock_feeds(fixture, schema, expected):
    """A control for the conformance tests above: the same schema and format checks find the
    errors the ORUK validator finds in its own fail and warn mocks (a missing `profile` or
    `description` is reported at the root of the document, '')."""
    errors = schema_errors(_validator_fixture(fixture), schema)
    assert {error.split(":", 1)[0] for error in errors} == expected, errors
