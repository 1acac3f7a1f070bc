"""Our directory in the HSDS 3.0 UK profile shape. See the package docstring for where each
Local Offer detail goes. Optional fields with no value are left out, as ORUK asks."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import urlsplit

from flask_babel import force_locale

from ...models import Location, Organisation, Service, ServiceAtLocation
from ...models.base import as_utc
from ...vocab import BYDAY_TO_DAY, COUNTYWIDE, QUADRANTS, TERMS
from .taxonomies import (DB_TAXONOMIES, GENERATED_TERMS, SERVICE_DETAIL_FIELDS, Term, stable_id, term_from_row,
                         term_json)

ORUK_STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "inactive": "inactive"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_url(value: str | None) -> str | None:
    """An absolute http(s) URL, adding https:// to a bare web address; None if it is not one."""
    value = (value or "").strip()
    if not value:
        return None
    if "://" not in value:
        value = "https://" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        return None
    return value


def clean_email(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if _EMAIL.match(value) else None


def timestamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    return as_utc(value).astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _drop_empty(data: dict) -> dict:
    """ORUK asks publishers to leave out optional fields with no value rather than send null or ""."""
    return {k: v for k, v in data.items() if v is not None and v != "" and v != []}


def _phones(owner_id: object, number: str | None) -> list[dict]:
    number = (number or "").strip()
    return [{"id": stable_id("phone", owner_id), "number": number}] if number else []


def organization_json(org: Organisation) -> dict:
    data = _drop_empty({"id": str(org.id), "name": org.name, "website": clean_url(org.website),
                        "email": clean_email(org.email), "phones": _phones(org.id, org.phone)})
    data["description"] = org.description or ""  # required by the UK profile, even when blank
    return data


def _attribute(link_id: object, link_type: str, term: Term, value: str | None = None,
               attribute_id: str | None = None) -> dict:
    return _drop_empty({
        "id": attribute_id or stable_id("attribute", link_id, term.id),
        "link_id": str(link_id), "link_type": link_type, "link_entity": link_type,
        "taxonomy_term_id": term.id, "taxonomy_term": term_json(term), "value": value,
    })


def service_terms(service: Service) -> list[tuple[Term, str | None, str | None]]:
    """Every term a service carries, with the attribute's value and fixed id where it has one."""
    found: list[tuple[Term, str | None, str | None]] = []
    for row in sorted(service.taxonomy_terms, key=lambda t: (DB_TAXONOMIES.index(t.taxonomy)
                                                             if t.taxonomy in DB_TAXONOMIES else 99, t.code)):
        if row.taxonomy in DB_TAXONOMIES:
            found.append((term_from_row(row), None, None))
    for quadrant in service.quadrants:
        if ("quadrant", quadrant) in GENERATED_TERMS:
            found.append((GENERATED_TERMS[("quadrant", quadrant)], None, None))
    if service.is_free:
        found.append((GENERATED_TERMS[("cost", "free")], None, None))
    if ("access-route", service.access_route) in GENERATED_TERMS:
        found.append((GENERATED_TERMS[("access-route", service.access_route)], None, None))
    for code, column in SERVICE_DETAIL_FIELDS.items():
        value = getattr(service, column)
        if value not in (None, ""):
            found.append((GENERATED_TERMS[("local-offer", code)], str(value), None))
    for answer in service.local_offer_answers:
        term = GENERATED_TERMS.get(("local-offer", answer.question))
        if term is not None and answer.answer:
            found.append((term, answer.answer, str(answer.id)))
    return found


def service_basic(service: Service) -> dict:
    """A service as one item of a /services page (UK profile service_list.json)."""
    data = _drop_empty({
        "id": str(service.id),
        "organization_id": str(service.organisation_id),
        "name": service.name,
        "description": service.description or service.summary,
        "url": clean_url(service.url),
        "email": clean_email(service.email),
        "status": ORUK_STATUS.get(service.status, "inactive"),
        "fees": service.fees_description,
        "minimum_age": service.min_age,
        "maximum_age": service.max_age,
        "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else None,
        "alert": service.alert,
        "last_modified": timestamp(service.updated_at),
    })
    data["organization"] = organization_json(service.organisation)
    return data


def service_full(service: Service) -> dict:
    """The fully nested service, as /services/{id} serves it (UK profile service.json)."""
    data = service_basic(service)
    sal_by_location = {sal.location_id: sal for sal in service.locations}
    data.update(_drop_empty({
        "phones": _phones(service.id, service.phone),
        "schedules": [_schedule_json(s, sal_by_location.get(s.location_id)) for s in service.schedules],
        "service_areas": _service_areas(service),
        "service_at_locations": [_drop_empty({"id": str(sal.id), "service_id": str(service.id),
                                              "location_id": str(sal.location_id),
                                              "location": location_json(sal.location)})
                                 for sal in sorted(service.locations, key=lambda x: x.location.name)],
        "languages": [_drop_empty({"id": str(lang.id), "name": lang.name, "code": lang.code})
                      for lang in service.languages],
        "cost_options": _cost_options(service),
        "contacts": [_drop_empty({"id": str(c.id), "service_id": str(service.id), "name": c.name, "title": c.title,
                                  "email": clean_email(c.email), "phones": _phones(c.id, c.phone)})
                     for c in service.contacts],
        "attributes": [_attribute(service.id, "service", term, value, attribute_id)
                       for term, value, attribute_id in service_terms(service)],
    }))
    return data


def _schedule_json(schedule, sal: ServiceAtLocation | None) -> dict:
    term = GENERATED_TERMS.get(("schedule-term", schedule.term))
    with force_locale("en"):
        notes = str(TERMS[schedule.term]) if schedule.term in TERMS and schedule.term != "all-year" else None
    weekly = schedule.freq == "WEEKLY"
    return _drop_empty({
        "id": str(schedule.id),
        "service_id": str(schedule.service_id),
        "service_at_location_id": str(sal.id) if sal is not None else None,
        "freq": schedule.freq if schedule.freq in ("WEEKLY", "MONTHLY") else None,
        "interval": 1 if weekly else None,
        "byday": ",".join(d for d in schedule.byday.split(",") if d in BYDAY_TO_DAY) if weekly else None,
        "dtstart": schedule.dtstart.isoformat() if schedule.dtstart else None,
        "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
        "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
        "opens_at": schedule.opens_at.strftime("%H:%M") if schedule.opens_at else None,
        "closes_at": schedule.closes_at.strftime("%H:%M") if schedule.closes_at else None,
        "description": schedule.description,
        "notes": notes,
        "attributes": [_attribute(schedule.id, "schedule", term)] if term is not None else [],
    })


def _service_areas(service: Service) -> list[dict]:
    with force_locale("en"):
        areas = []
        if service.is_countywide:
            areas.append({"id": stable_id("service_area", service.id, COUNTYWIDE), "name": "Essex",
                          "service_area": "All of Essex"})
        for area in service.areas:
            # The quadrant goes in an attribute as well, so a district-only name loses nothing.
            quadrant = GENERATED_TERMS.get(("quadrant", area.quadrant))
            areas.append(_drop_empty({
                "id": str(area.id), "service_id": str(service.id),
                "name": area.district or str(QUADRANTS.get(area.quadrant, area.quadrant)),
                "service_area": area.description,
                "attributes": [_attribute(area.id, "service_area", quadrant)] if quadrant else [],
            }))
    return areas


def _cost_options(service: Service) -> list[dict]:
    options = []
    says_free = any(c.amount == 0 or c.option.strip().lower() == "free" for c in service.cost_options)
    if service.is_free and not says_free:
        # The "free" flag is also the "cost: Free" attribute; this option tells readers who only
        # look at cost options. Its fixed id lets importers tell it from the provider's own options.
        options.append({"id": free_cost_option_id(service.id), "service_id": str(service.id),
                        "option": "Free", "amount": 0})
    for cost in service.cost_options:
        options.append(_drop_empty({"id": str(cost.id), "service_id": str(service.id), "option": cost.option,
                                    "amount": cost.amount, "amount_description": cost.amount_description}))
    return options


def free_cost_option_id(service_id: object) -> str:
    return stable_id("cost_option", service_id, "free")


def location_json(location: Location) -> dict:
    address = None
    if location.address_1 or location.town or location.postcode:
        address = {"id": stable_id("address", location.id), "location_id": str(location.id),
                   "address_1": location.address_1, "city": location.town, "state_province": "Essex",
                   "postal_code": location.postcode, "country": "GB", "address_type": "physical"}
        if location.district:
            address["region"] = location.district
    quadrant = GENERATED_TERMS.get(("quadrant", location.quadrant or ""))
    return _drop_empty({
        "id": str(location.id),
        "location_type": "physical",
        "name": location.name,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "addresses": [address] if address else [],
        "accessibility": ([{"id": stable_id("accessibility", location.id), "location_id": str(location.id),
                            "description": location.accessibility_notes}]
                          if location.accessibility_notes else []),
        "attributes": [_attribute(location.id, "location", quadrant)] if quadrant else [],
    })


def service_at_location_json(sal: ServiceAtLocation) -> dict:
    return {"id": str(sal.id), "service_id": str(sal.service_id), "location_id": str(sal.location_id),
            "service": service_basic(sal.service), "location": location_json(sal.location)}


def organization_full(org: Organisation) -> dict:
    data = organization_json(org)
    data["services"] = [service_basic(s) for s in sorted(org.services, key=lambda s: (s.name.lower(), str(s.id)))
                        if s.is_findable]
    return data


# --- Reading: filters, pages and single records -------------------------------------------
