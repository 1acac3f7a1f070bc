"""Exports of the published directory: a CSV spreadsheet and an ORUK JSON data package.

Only findable services (published, open or temporarily closed) are exported: the same
data the public site and the API show, nothing internal.
"""
from __future__ import annotations

import csv
import json
from typing import IO

from ..data.services import iter_findable_services
from ..models import Service

CSV_COLUMNS = (
    "id", "name", "organisation", "status", "summary", "description", "url", "email", "phone",
    "min_age", "max_age", "needs", "categories", "delivery", "accessibility", "quadrants", "days",
    "is_free", "fees", "access_route", "how_to_access", "eligibility", "waiting_time", "towns",
    "postcodes", "last_reviewed", "last_modified",
)


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


def _safe_cell(value: str) -> str:
    # A cell starting with = + - @ runs as a formula in Excel: quote it (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_csv(out: IO[str]) -> int:
    """One row per findable service; `out` should be opened with encoding 'utf-8-sig' (a BOM,
    so Excel reads the text as UTF-8) and newline=''."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for service in iter_findable_services():
        writer.writerow({k: _safe_cell(v) for k, v in csv_row(service).items()})
        count += 1
    return count


def write_json(out: IO[str]) -> int:
    """A single-page ORUK `/services` response holding every findable service in full, as our
    API serves `/api/oruk/services/<id>`: `oruk import` (ours or another council's) reads it."""
    from ..data.oruk import service_full

    contents = [service_full(service) for service in iter_findable_services()]
    total = len(contents)
    json.dump({"total_items": total, "total_pages": 1, "page_number": 1, "size": total, "first_page": True,
               "last_page": True, "empty": total == 0, "contents": contents}, out, ensure_ascii=False, indent=1)
    return total
