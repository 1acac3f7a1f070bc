"""Finding the services in a feed's records, whatever the feed publishes.

An ORUK feed's records are usually services, but people also point the importer at the other
endpoints: `/organizations/{id}` carries its services in `services`, `/service_at_locations`
items carry one `service` and its `location`, and taxonomies or taxonomy terms carry no
service at all. Each record becomes zero or more service entries, each with a label for the
summary; a record that holds no service becomes an entry with the reason it is skipped.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flask_babel import gettext as _

from . import mapping as m

# Keys only a service has (3.0 and 1.0): a record with any of them is read as a service.
SERVICE_KEYS = frozenset({
    "status", "service_at_locations", "minimum_age", "maximum_age", "organization", "schedules", "fees",
    "fees_description", "cost_options", "eligibility_description", "service_areas", "application_process",
    "wait_time", "languages", "assured_date", "accreditations", "organization_id", *m.V1_KEYS})
ORGANISATION_KEYS = frozenset({"services", "website", "logo", "organization_identifiers", "legal_status",
                               "tax_status", "year_incorporated", "parent_organization_id"})
# Locations also carry schedules and languages, so these are looked for before a service's keys.
LOCATION_KEYS = frozenset({"addresses", "latitude", "longitude", "location_type", "transportation",
                           "external_identifier"})
TAXONOMY_KEYS = frozenset({"taxonomy_terms", "term_uri", "taxonomy", "taxonomy_id", "parent_id", "term",
                           "vocabulary", "version"})


@dataclass
class Entry:
    label: str
    record: object
    problem: str | None = None  # why this record cannot be imported, when it holds no service


def label(position: int, raw, within: int | None = None) -> str:
    sid = m.source_id(raw.get("id")) if isinstance(raw, dict) else None
    if within is not None:
        if sid:
            return _("record %(n)d, service %(m)d (id %(id)s)", n=position, m=within, id=sid)
        return _("record %(n)d, service %(m)d", n=position, m=within)
    if sid:
        return _("record %(n)d (id %(id)s)", n=position, id=sid)
    return _("record %(n)d", n=position)


def kind_of(raw) -> str:
    if not isinstance(raw, dict):
        return "service"  # reported as "not a JSON object" by the importer
    if isinstance(raw.get("service"), dict):
        return "service_at_location"
    keys = raw.keys()
    if keys & LOCATION_KEYS:
        return "location"
    if keys & SERVICE_KEYS:
        return "service"
    if keys & ORGANISATION_KEYS:
        return "organisation"
    if keys & TAXONOMY_KEYS:
        return "taxonomy"
    return "service"


def service_entries(records: list) -> Iterator[Entry]:
    for position, raw in enumerate(records, start=1):
        kind = kind_of(raw)
        if kind == "service":
            yield Entry(label(position, raw), raw)
        elif kind == "service_at_location":
            yield Entry(label(position, raw["service"]), _service_from_sal(raw))
        elif kind == "organisation":
            yield from _organisation_services(position, raw)
        elif kind == "location":
            yield Entry(label(position, raw), raw, _("a location, not a service"))
        else:
            yield Entry(label(position, raw), raw, _("a taxonomy or taxonomy term, not a service"))


def _service_from_sal(raw: dict) -> dict:
    """The nested service, at the location the record names (unless it lists its own)."""
    service = dict(raw["service"])
    if "service_at_locations" not in service and isinstance(raw.get("location"), dict):
        service["service_at_locations"] = [{"id": raw.get("id"), "location": raw["location"]}]
    return service


def _organisation_services(position: int, raw: dict) -> Iterator[Entry]:
    services = m.items(raw.get("services"))
    if not services:
        yield Entry(label(position, raw), raw, _("an organisation record that lists no services"))
        return
    organisation = {k: v for k, v in raw.items() if k != "services"}
    for within, service in enumerate(services, start=1):
        if not isinstance(service.get("organization"), dict):
            service = {**service, "organization": organisation}
        yield Entry(label(position, service, within), service)
