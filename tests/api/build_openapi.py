"""Build localoffer/api/openapi.json from the UK-profile schemas copied into tests/api/schemas.

    .venv/bin/python -m tests.api.build_openapi          # rewrite the file
The test suite checks the committed file is exactly what this builds, so the OpenAPI document
cannot drift from the schemas the responses are validated against.

The schemas become OpenAPI 3.0 Schema Objects: keys OpenAPI 3.0 does not allow (`name`,
`constraints`, `core`, `example`, `datapackage_type`...) are left out, and the HSDS 3.0 fields
we add to the UK profile (see localoffer/data/oruk.py) are described too.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE / "schemas"
TARGET = HERE.parent.parent / "localoffer" / "api" / "openapi.json"

SCHEMA_KEYS = {"type", "format", "description", "title", "enum", "properties", "items", "required",
               "minimum", "maximum"}


def load(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def clean(schema: dict) -> dict:
    out = {}
    for key, value in schema.items():
        if key not in SCHEMA_KEYS:
            continue
        if key == "properties":
            value = {name: clean(prop) for name, prop in value.items()}
        elif key == "items":
            value = clean(value)
        elif key in ("required", "enum") and not value:
            continue
        out[key] = value
    return out


def string(description: str, fmt: str | None = None) -> dict:
    return {"type": "string", "description": description, **({"format": fmt} if fmt else {})}


PHONES = {"type": "array", "description": "Telephone numbers (an HSDS 3.0 field the UK profile leaves out).",
          "items": {"type": "object", "required": ["id", "number"], "properties": {
              "id": string("The identifier of the phone number.", "uuid"),
              "number": string("The telephone number, as written in the directory.")}}}


def add_extras(schema: dict) -> dict:
    """Describe the HSDS 3.0 fields we serve in addition to the UK profile's."""
    props = schema.get("properties", {})
    if {"taxonomy_term_id", "link_type"} <= props.keys():  # an attribute
        props["link_entity"] = string("The kind of record the attribute belongs to: service, location, "
                                      "schedule or service_area.")
        props["value"] = string("The text this attribute carries, for our Local Offer information terms.")
    if {"term_uri", "parent_id"} <= props.keys():  # a taxonomy term
        props["code"] = string("The term's short code (the slug our website uses in its filters).")
    if {"website", "logo"} <= props.keys():  # an organization
        props["phones"] = copy.deepcopy(PHONES)
    for prop in props.values():
        if prop.get("type") == "object":
            add_extras(prop)
        elif prop.get("type") == "array" and isinstance(prop.get("items"), dict):
            add_extras(prop["items"])
    return schema


def service_full() -> dict:
    schema = add_extras(clean(load("service.json")))
    props = schema["properties"]
    props["phones"] = copy.deepcopy(PHONES)
    contact = props["contacts"]["items"]["properties"]
    contact["email"] = string("The contact's email address (an HSDS 3.0 field).", "email")
    contact["phones"] = copy.deepcopy(PHONES)
    language = props["languages"]["items"]["properties"]
    language["name"] = string("The language's name, in English (an HSDS 3.0 field).")
    language["code"] = string("The ISO 639 language code (an HSDS 3.0 field).")
    schedule = props["schedules"]["items"]["properties"]
    schedule["attributes"] = copy.deepcopy(props["attributes"])
    schedule["attributes"]["description"] = "When in the year the timetable runs (all year, term time or holidays)."
    area = props["service_areas"]["items"]["properties"]
    area["attributes"] = copy.deepcopy(props["attributes"])
    area["attributes"]["description"] = "The area of Essex this service area is in."
    return schema


def service_at_location() -> dict:
    schema = add_extras(clean(load("service_at_location.json")))
    schema["properties"]["service"] = {"$ref": "#/components/schemas/ServiceListItem"}
    return schema


def organization_full() -> dict:
    schema = add_extras(clean(load("organization.json")))
    schema["properties"]["services"] = {"type": "array", "description": "Its published services.",
                                        "items": {"$ref": "#/components/schemas/ServiceListItem"}}
    return schema


def taxonomy() -> dict:
    schema = clean(load("taxonomy.json"))
    schema["properties"].pop("taxonomy_terms", None)  # we serve terms at /taxonomy_terms
    return schema


def taxonomy_term() -> dict:
    return add_extras(clean(load("taxonomy_term.json")))


PAGE = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer", "description": "How many items match, on all pages."},
        "total_pages": {"type": "integer", "description": "How many pages there are (at least 1)."},
        "page_number": {"type": "integer", "description": "The number of this page, from 1."},
        "size": {"type": "integer", "description": "How many items are on this page."},
        "first_page": {"type": "boolean", "description": "True on the first page."},
        "last_page": {"type": "boolean", "description": "True on the last page (or past it)."},
        "empty": {"type": "boolean", "description": "True when this page has no items."},
    },
}


def page_of(component: str) -> dict:
    return {"allOf": [{"$ref": "#/components/schemas/Page"}, {"type": "object", "properties": {
        "contents": {"type": "array", "items": {"$ref": f"#/components/schemas/{component}"}}}}]}


def parameter(name: str, description: str, schema: dict, where: str = "query") -> dict:
    return {"name": name, "in": where, "required": where == "path", "description": description, "schema": schema}


PARAMETERS = {
    "id": parameter("id", "The record's id (a UUID).", {"type": "string", "format": "uuid"}, "path"),
    "page": parameter("page", "Which page, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
    "per_page": parameter("per_page", "Items per page. Asking for more than 100 gives 100.",
                          {"type": "integer", "minimum": 1, "default": 50}),
    "search": parameter("search", "Words to look for, with the same SEND synonyms as the website's search "
                        "(for example 'ASD' finds autism services). Misspellings are not corrected.",
                        {"type": "string", "maxLength": 200}),
    "taxonomy_term_id": parameter("taxonomy_term_id", "Only services with this taxonomy term.",
                                  {"type": "string", "format": "uuid"}),
    "taxonomy_id": parameter("taxonomy_id", "Only services with any term from this taxonomy.",
                             {"type": "string", "format": "uuid"}),
    "organization_id": parameter("organization_id", "Only services this organization provides.",
                                 {"type": "string", "format": "uuid"}),
    "minimum_age": parameter("minimum_age", "Only services for people of this age or older: the service's "
                             "age range reaches at least this age.", {"type": "number", "minimum": 0}),
    "maximum_age": parameter("maximum_age", "Only services for people of this age or younger: the service's "
                             "age range starts at or below this age.", {"type": "number", "minimum": 0}),
    "day": parameter("day", "Only services with a session on this day of the week: MO, TU, WE, TH, FR, SA or SU.",
                     {"type": "string", "enum": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]}),
    "modified_after": parameter("modified_after", "Only services changed on or after this ISO 8601 date-time.",
                                {"type": "string", "format": "date-time"}),
    "postcode": parameter("postcode", "A postcode or postcode district in or near Essex. Without `proximity`: "
                          "services that cover that part of Essex. With it: services with a venue that close.",
                          {"type": "string"}),
    "proximity": parameter("proximity", "With `postcode`: the greatest distance, in metres, from the postcode "
                           "district's centre to a venue.", {"type": "number", "minimum": 0}),
    "taxonomy_filter": parameter("taxonomy_id", "Only terms from this taxonomy.", {"type": "string", "format": "uuid"}),
}

SERVICE_FILTERS = ["search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
                   "minimum_age", "maximum_age", "day", "modified_after", "postcode", "proximity"]

HEADERS = {
    "ETag": {"description": "The version of this response; send it back in If-None-Match.",
             "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the data in this response last changed (not on taxonomies).",
                      "schema": {"type": "string"}},
    "Access-Control-Allow-Origin": {"description": "Always `*`: any website may use the API.",
                                    "schema": {"type": "string"}},
}


NOT_MODIFIED = {"description": "Not modified: you already have this version (If-None-Match or If-Modified-Since)."}


def operation(summary: str, schema_ref: str | dict, params: list[str], tag: str, lookup: bool = False,
              searches: bool = False) -> dict:
    schema = {"$ref": f"#/components/schemas/{schema_ref}"} if isinstance(schema_ref, str) else schema_ref
    responses = {
        "200": {"description": "OK", "headers": HEADERS, "content": {"application/json": {"schema": schema}}},
        "304": NOT_MODIFIED,
        "400": {"$ref": "#/components/responses/BadRequest"},
    }
    if lookup:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    if searches:
        responses["503"] = {"$ref": "#/components/responses/Unavailable"}
    op_id = "get" + "".join(w.capitalize() for w in summary.replace(",", "").split()[:6])
    return {"get": {"summary": summary, "operationId": op_id, "tags": [tag],
                    "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in params],
                    "responses": responses}}


def error_response(description: str) -> dict:
    schema = {"$ref": "#/components/schemas/Error"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def build() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Essex Local Offer open data API (Open Referral UK)",
            "version": "HSDS-UK-3.0",
            "description": "The Essex SEND Local Offer directory as Open Referral UK (HSDS 3.0 UK profile) data. "
                           "No key or registration is needed. Schemas derived from \"Human Services Data "
                           "Specification UK: an Open Referral UK resource (https://openreferraluk.org/)\", "
                           "CC BY-SA 4.0.",
            "license": {"name": "CC BY-SA 4.0 (this description and its schemas)",
                        "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
        },
        "servers": [{"url": "/api/oruk"}],
        "paths": {
            "/": {"get": {"summary": "About this API", "operationId": "getApiDetails", "tags": ["About"],
                          "responses": {"200": {"description": "The HSDS version, profile and this document's URL.",
                                                "headers": HEADERS,
                                                "content": {"application/json": {"schema": {
                                                    "$ref": "#/components/schemas/ApiDetails"}}}},
                                        "304": NOT_MODIFIED}}},
            "/openapi.json": {"get": {"summary": "This OpenAPI document", "operationId": "getOpenApi",
                                      "tags": ["About"], "responses": {"200": {
                                          "description": "This document.", "headers": HEADERS,
                                          "content": {"application/json": {"schema": {"type": "object"}}}},
                                          "304": NOT_MODIFIED}}},
            "/services": operation("List services", page_of("ServiceListItem"), SERVICE_FILTERS, "Services",
                                   searches=True),
            "/services/{id}": operation("Get a service, fully nested", "Service", ["id"], "Services", lookup=True),
            "/service_at_locations": operation("List services at their venues", page_of("ServiceAtLocation"),
                                               SERVICE_FILTERS, "Services", searches=True),
            "/service_at_locations/{id}": operation("Get a service at a venue", "ServiceAtLocation", ["id"],
                                                    "Services", lookup=True),
            "/organizations": operation("List organizations", page_of("OrganizationListItem"),
                                        ["page", "per_page"], "Organizations"),
            "/organizations/{id}": operation("Get an organization with its services", "Organization", ["id"],
                                             "Organizations", lookup=True),
            "/taxonomies": operation("List taxonomies", page_of("Taxonomy"), ["page", "per_page"], "Taxonomies"),
            "/taxonomies/{id}": operation("Get a taxonomy", "Taxonomy", ["id"], "Taxonomies", lookup=True),
            "/taxonomy_terms": operation("List taxonomy terms", page_of("TaxonomyTerm"),
                                         ["page", "per_page", "taxonomy_filter"], "Taxonomies"),
            "/taxonomy_terms/{id}": operation("Get a taxonomy term", "TaxonomyTerm", ["id"], "Taxonomies",
                                              lookup=True),
        },
        "components": {
            "parameters": PARAMETERS,
            "responses": {
                "BadRequest": error_response("A parameter could not be read; `error` says which and why."),
                "NotFound": error_response("There is no published record with that id."),
                "Unavailable": error_response("Search is not available just now; try again or leave out `search`."),
            },
            "schemas": {
                "ApiDetails": clean(load("api_details.json")),
                "Page": PAGE,
                "Error": {"type": "object", "required": ["error", "status"], "properties": {
                    "error": string("What went wrong, in plain English."),
                    "status": {"type": "integer", "description": "The HTTP status code."}}},
                "Service": service_full(),
                "ServiceListItem": add_extras(clean(load("service_list.json"))),
                "ServiceAtLocation": service_at_location(),
                "Organization": organization_full(),
                "OrganizationListItem": add_extras(clean(load("organization_list.json"))),
                "Taxonomy": taxonomy(),
                "TaxonomyTerm": taxonomy_term(),
            },
        },
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"Wrote {TARGET}\n")
