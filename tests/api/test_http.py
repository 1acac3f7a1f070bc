"""The API's HTTP behaviour: CORS everywhere, caching with conditional GET, clear JSON errors
and never a 500, whatever the query."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localoffer.extensions import db

from ..factories import make_service
from .conftest import API

ENDPOINTS = ["/", "/services", "/service_at_locations", "/organizations", "/taxonomies", "/taxonomy_terms",
             "/openapi.json"]


@pytest.mark.parametrize("method, path, status", [
    ("get", "/services", 200),
    ("get", "/services?page=0", 400),
    ("get", "/services/3f7b145d-84af-42d7-8fae-eaca714b02b2", 404),
    ("get", "/no-such-endpoint", 404),
    ("post", "/services", 405),
    ("options", "/services", 200),
    ("get", "/docs", 200),
])
def test_every_response_allows_any_origin(client, method, path, status):
    response = getattr(client, method)(API + path, headers={"Origin": "https://family-hub.example.org"})
    assert response.status_code == status
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_conditional_get_headers(client):
    response = client.options(f"{API}/services", headers={
        "Origin": "https://family-hub.example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match"})
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response.headers["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_responses_carry_an_etag_and_answer_304_when_unchanged(client, path):
    make_service("Parent group")
    first = client.get(API + path)
    assert first.status_code == 200 and first.headers["ETag"]
    again = client.get(API + path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["Access-Control-Allow-Origin"] == "*"


def test_a_changed_service_gets_a_new_etag_and_last_modified(client):
    service = make_service("Parent group")
    url = f"{API}/services/{service.id}"
    first = client.get(url)
    assert first.last_modified is not None
    assert client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304

    service.name = "Parent support group"
    service.updated_at = datetime.now(timezone.utc) + timedelta(seconds=2)
    db.session.commit()
    changed = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.get_json()["name"] == "Parent support group"
    assert changed.headers["ETag"] != first.headers["ETag"]
    assert client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 200
    listing = client.get(f"{API}/services", headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert listing.status_code == 200


@pytest.mark.parametrize("query, parameter", [
    ("page=two", "page"),
    ("page=-1", "page"),
    ("per_page=0", "per_page"),
    ("per_page=ten", "per_page"),
    ("taxonomy_term_id=autism", "taxonomy_term_id"),
    ("taxonomy_id=123", "taxonomy_id"),
    ("organization_id=x", "organization_id"),
    ("minimum_age=old", "minimum_age"),
    ("maximum_age=-3", "maximum_age"),
    ("day=Funday", "day"),
    ("modified_after=last week", "modified_after"),
    ("postcode=SW1A 1AA", "postcode"),
    ("postcode=CM1&proximity=near", "proximity"),
    ("proximity=500", "proximity"),
])
def test_bad_parameters_are_a_400_naming_the_parameter(client, query, parameter):
    for path in ("/services", "/service_at_locations"):
        response = client.get(f"{API}{path}?{query}")
        assert response.status_code == 400
        body = response.get_json()
        assert body["status"] == 400 and body["error"].startswith(parameter + " ")


@pytest.mark.parametrize("path", ["/services/not-a-uuid", "/organizations/1", "/taxonomy_terms/x",
                                  "/taxonomies/x", "/service_at_locations/x"])
def test_a_malformed_id_is_a_400_and_an_unknown_one_a_404(client, path):
    assert client.get(API + path).status_code == 400
    unknown = API + path.rsplit("/", 1)[0] + "/3f7b145d-84af-42d7-8fae-eaca714b02b2"
    response = client.get(unknown)
    assert response.status_code == 404 and response.get_json()["status"] == 404


def test_per_page_above_the_maximum_is_cut_to_the_maximum(client):
    for n in range(3):
        make_service(f"Service {n}")
    data = client.get(f"{API}/services?per_page=100000").get_json()
    assert data["size"] == 3 and data["total_pages"] == 1
    for _ in range(100):
        make_service(commit=False)
    db.session.commit()
    data = client.get(f"{API}/services?per_page=101").get_json()
    assert (data["size"], data["total_items"], data["total_pages"]) == (100, 103, 2)
    assert client.get(f"{API}/services?per_page={'9' * 5000}").get_json()["size"] == 100


@pytest.mark.parametrize("query", ["page=²", "page=" + "1" * 5000, "minimum_age=nan", "proximity=inf&postcode=CM1",
                                   "modified_after=2020-13-45", "search=%00", "postcode=" + "C" * 500])
def test_tricky_values_are_a_400_or_ignored_never_a_500(client, query):
    assert client.get(f"{API}/services?{query}").status_code in (200, 400)


PARAMETERS = ["page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "organization_id", "minimum_age",
              "maximum_age", "day", "modified_after", "postcode", "proximity"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=40), max_size=4),
       path=st.sampled_from(["/services", "/service_at_locations", "/organizations", "/taxonomy_terms"]))
def test_no_query_ever_causes_a_server_error(client, query, path):
    response = client.get(API + path, query_string=query)
    assert response.status_code in (200, 400)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.get_json()["status" if response.status_code == 400 else "total_items"] is not None


def test_search_being_unavailable_is_a_503_not_a_500(client, monkeypatch):
    from localoffer.api import routes
    from localoffer.search import SearchUnavailable

    def broken(_query):
        raise SearchUnavailable("index missing")

    monkeypatch.setattr(routes, "search_services", broken)
    response = client.get(f"{API}/services?search=autism")
    assert response.status_code == 503
    assert response.get_json()["status"] == 503
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"{API}/services").status_code == 200  # without search it still works


def test_developer_documentation_page(client):
    from ..helpers import page

    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = page(response)
    assert html.h1.get_text(strip=True) == "Open data API"
    text = html.get_text(" ")
    for documented in ("/services/{id}", "/taxonomy_terms", "taxonomy_term_id", "modified_after", "proximity",
                       "If-None-Match", "Local Offer information", "ShareAlike"):
        assert documented in text
    assert html.find("a", href="/api/oruk/openapi.json")


@pytest.mark.parametrize("change", ["contact", "timetable", "need", "language"])
def test_changing_only_a_part_of_a_service_moves_its_last_modified(client, change):
    """Conditional GET and modified_after must see a change to a contact, a timetable or a
    classification, not only to the service's own columns."""
    from localoffer.data.taxonomy import terms_for
    from localoffer.models import Contact, Language

    service = make_service("Parent group", days=("mon",))
    long_ago = datetime(2024, 1, 1, tzinfo=timezone.utc)
    service.updated_at = service.organisation.updated_at = long_ago
    for sal in service.locations:
        sal.location.updated_at = long_ago
    db.session.commit()
    url = f"{API}/services/{service.id}"
    first = client.get(url)
    assert first.headers["Last-Modified"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    if change == "contact":
        service.contacts.append(Contact(name="Sam", phone="01245 000000"))
    elif change == "timetable":
        service.schedules[0].description = "Mondays in term time"
    elif change == "need":
        service.taxonomy_terms = service.taxonomy_terms + terms_for({"need": ["adhd"]})
    else:
        service.languages.append(Language(name="Polish", code="pl"))
    db.session.commit()
    assert client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 200
    assert service.updated_at.year > 2024
    listed = client.get(f"{API}/services?modified_after=2025-01-01").get_json()["contents"]
    assert [s["id"] for s in listed] == [str(service.id)]


def test_the_base_url_answers_with_or_without_its_slash(client):
    for path in (API, API + "/"):
        response = client.get(path)
        assert response.status_code == 200 and response.get_json()["version"] == "3.0"
        assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_an_unexpected_failure_is_a_json_500_that_still_allows_any_origin(app, client, monkeypatch):
    from localoffer.api import routes

    def broken(*_args):
        raise RuntimeError("database went away")

    app.config["PROPAGATE_TEST_ERRORS"] = False
    monkeypatch.setattr(routes.oruk, "services_page", broken)
    response = client.get(f"{API}/services")
    assert response.status_code == 500
    assert response.get_json() == {"error": "Internal Server Error", "status": 500}
    assert response.headers["Access-Control-Allow-Origin"] == "*"
