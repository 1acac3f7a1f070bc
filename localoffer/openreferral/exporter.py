"""Exports of the published directory: a CSV spreadsheet and an ORUK JSON data package.

Only findable services (published, open or temporarily closed) are exported: the same data
the public site and the API show, nothing internal. Both are written a service at a time
(`DirectoryExport.chunks()`), so the command line and the staff download stream the same
text without holding the directory in memory.

The ORUK JSON data package is one JSON file: a Frictionless Data Package descriptor
(datapackage.json, profile "data-package") whose resources carry their data inline:
- `services`: every service in full, exactly as /api/oruk/services/{id} serves it, which is
  an HSDS 3.0 UK profile service package (schema/compiled/service_package.json: an array of
  services);
- `taxonomies` and `taxonomy_terms`: our published vocabularies, as /api/oruk serves them.
`flask oruk import` reads it back (the round trip test proves nothing is lost).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timezone

from flask import current_app
from sqlalchemy.orm import lazyload

from ..data import oruk
from ..data.services import iter_findable_services
from ..models import Service
from ..spreadsheet import csv_lines

CSV_COLUMNS = (
    "id", "name", "organisation", "status", "summary", "description", "url", "email", "phone",
    "min_age", "max_age", "needs", "categories", "delivery", "accessibility", "quadrants", "days",
    "is_free", "fees", "access_route", "how_to_access", "eligibility", "waiting_time", "towns",
    "postcodes", "last_reviewed", "last_modified",
)
FORMATS = ("csv", "json")
# The spreadsheet has no column for these: not loading them makes it about a third quicker.
_NOT_IN_CSV = (lazyload(Service.contacts), lazyload(Service.cost_options), lazyload(Service.languages),
               lazyload(Service.local_offer_answers))
PACKAGE_NAME = "essex-send-local-offer"
SCHEMA_BASE = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/"


def _joined(values) -> str:
    return ";".join(values)


def csv_row(service: Service) -> dict[str, str]:
    venues = [sal.location for sal in service.locations]
    return {
        "id": str(service.id), "name": service.name, "organisation": service.organisation.name,
        "status": service.status, "summary": service.summary, "description": service.description,
        "url": service.url or "", "email": service.email or "", "phone": service.phone or "",
        "min_age": str(service.min_age), "max_age": str(service.max_age),
        "needs": _joined(service.needs), "categories": _joined(service.categories),
        "delivery": _joined(service.delivery_modes), "accessibility": _joined(service.accessibility),
        "quadrants": _joined(service.quadrants), "days": _joined(service.days),
        "is_free": "yes" if service.is_free else "no", "fees": service.fees_description,
        "access_route": service.access_route, "how_to_access": service.how_to_access,
        "eligibility": service.eligibility, "waiting_time": service.waiting_time,
        "towns": _joined(sorted({v.town for v in venues if v.town})),
        "postcodes": _joined(sorted({v.postcode for v in venues if v.postcode})),
        "last_reviewed": service.last_reviewed.isoformat() if service.last_reviewed else "",
        "last_modified": service.updated_at.isoformat() if service.updated_at else "",
    }


class DirectoryExport:
    """One export of the directory. Iterate `chunks()` once; `count` is then the number of services."""

    def __init__(self, kind: str):
        if kind not in FORMATS:
            raise ValueError(kind)
        self.kind = kind
        self.count = 0

    @property
    def label(self) -> str:
        """For the audit log (English, like every audit detail)."""
        return "CSV" if self.kind == "csv" else "JSON data package"

    @property
    def mimetype(self) -> str:
        return "text/csv" if self.kind == "csv" else "application/json"

    def filename(self, day: date | None = None) -> str:
        stamp = (day or date.today()).strftime("%Y%m%d")
        return f"{PACKAGE_NAME}-{stamp}.csv" if self.kind == "csv" else f"{PACKAGE_NAME}-{stamp}.datapackage.json"

    def chunks(self) -> Iterator[str]:
        return self._csv() if self.kind == "csv" else self._package()

    def _services(self, options=()) -> Iterator[Service]:
        for service in iter_findable_services(options=options):
            self.count += 1
            yield service

    def _csv(self) -> Iterator[str]:
        # A BOM, so Excel reads the text as UTF-8.
        rows = ([row[c] for c in CSV_COLUMNS] for row in map(csv_row, self._services(_NOT_IN_CSV)))
        return csv_lines(CSV_COLUMNS, rows, bom=True)

    def _package(self) -> Iterator[str]:
        base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
        descriptor = package_descriptor(base, datetime.now(timezone.utc))
        resources = descriptor.pop("resources")
        head = json.dumps(descriptor, ensure_ascii=False, indent=1)
        yield head[:-2] + ',\n "resources": [\n'
        data = {"services": (oruk.service_full(s) for s in self._services()),
                "taxonomies": (oruk.taxonomy_json(t) for t in oruk.TAXONOMIES.values()),
                "taxonomy_terms": (oruk.term_json(t) for t in oruk.all_terms())}
        for position, resource in enumerate(resources):
            text = json.dumps(resource, ensure_ascii=False)
            yield ("  " if position == 0 else ",\n  ") + text[:-1] + ', "data": ['
            for n, item in enumerate(data[resource["name"]]):
                yield ("\n   " if n == 0 else ",\n   ") + json.dumps(item, ensure_ascii=False)
            yield "\n  ]}"
        yield "\n ]\n}\n"


def package_descriptor(base: str, created: datetime) -> dict:
    """The data package descriptor; each resource's `data` is written after it."""
    def resource(name: str, title: str, description: str, schema: str) -> dict:
        return {"name": name, "profile": "data-resource", "title": title, "description": description,
                "format": "json", "mediatype": "application/json", "encoding": "utf-8",
                "oruk_schema": SCHEMA_BASE + schema}

    return {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": "Essex SEND Local Offer: directory of services",
        "description": ("Every published service in the Essex SEND Local Offer, in the Open Referral UK shape "
                        "(HSDS 3.0 UK profile) that its open data API serves."),
        "homepage": base + "/",
        "created": created.isoformat().replace("+00:00", "Z"),
        "sources": [{"title": "Essex SEND Local Offer open data API (Open Referral UK)", "path": base + "/api/oruk/"}],
        # As the site's footer says of the directory information.
        "licenses": [{"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
                      "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}],
        "oruk": {"version": oruk.ORUK_VERSION, "profile": oruk.PROFILE_URL},
        "resources": [
            resource("services", "Services", "Every published service in full, as /api/oruk/services/{id} "
                     "serves it: an HSDS 3.0 UK profile service package (an array of services).",
                     "compiled/service_package.json"),
            resource("taxonomies", "Taxonomies", "The vocabularies services are described with, as "
                     "/api/oruk/taxonomies serves them.", "taxonomy.json"),
            resource("taxonomy_terms", "Taxonomy terms", "Every term of those vocabularies, as "
                     "/api/oruk/taxonomy_terms serves them.", "taxonomy_term.json"),
        ],
    }
