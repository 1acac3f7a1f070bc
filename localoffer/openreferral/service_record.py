"""Applying one Open Referral UK service record (3.0 shape) to a Service: its own fields, its
organisation and every nested list (contacts, languages, timetables, areas, venues, costs,
taxonomy terms). Nested rows keep their ids between runs, so re-importing updates in place.
A field or list the record leaves out entirely is kept as it is."""
from __future__ import annotations

import uuid

from flask_babel import gettext as _
from sqlalchemy import select

from ..data.taxonomy import ensure_vocabulary
from ..extensions import db
from ..models import (Contact, CostOption, Language, Location, Organisation, Schedule, Service, ServiceArea,
                      ServiceAtLocation, TaxonomyTerm)
from ..reference.gazetteer import lookup_place
from ..vocab import AGE_MAX, AGE_MIN
from . import local_offer
from . import mapping as m

IMPORTED_TAXONOMY = "imported"  # feed terms that match none of ours, kept so nothing is lost
UNNAMED_ORGANISATION = "Organisation not named in the feed"


def organisation_id(data) -> uuid.UUID:
    data = data if isinstance(data, dict) else {}
    org_id = m.our_id(data.get("id"), scope="organisation")
    if org_id is None:
        # No id: organisations with the same name are one provider.
        org_id = uuid.uuid5(m.ID_NAMESPACE, f"organisation-name:{m.normalise_name(m.text(data.get('name'), 255))}")
    return org_id


def organisation_for(data, notes: list[str]) -> Organisation:
    """The record's organisation, created or updated from what the feed says about it."""
    org_id = organisation_id(data)
    data = data if isinstance(data, dict) else {}
    name = m.text(data.get("name"), 255)
    organisation = db.session.get(Organisation, org_id)
    if organisation is None:
        organisation = Organisation(id=org_id)
        db.session.add(organisation)
    if not name:
        notes.append(_("the feed names no organisation"))
        name = organisation.name or UNNAMED_ORGANISATION
    organisation.name = name
    organisation.description = m.text(data.get("description"))
    organisation.website = m.web_address(data.get("website") or data.get("url"))
    organisation.email = m.email_address(data.get("email"))
    organisation.phone = _first_phone(data)
    return organisation


def _first_phone(data: dict) -> str | None:
    for phone in m.items(data.get("phones")):
        number = m.phone_number(phone.get("number"))
        if number:
            return number
    return None


def apply_service(service: Service, record: dict, notes: list[str]) -> None:
    """Set what the record carries. A field or list the record leaves out entirely is kept as
    it is: a `/services` list page carries no nested lists, and must not wipe them."""
    def given(*keys: str) -> bool:
        return any(key in record for key in keys)

    service.name = m.text(record.get("name"))
    if given("summary", "short_description"):
        service.summary = m.text(record.get("summary") or record.get("short_description"), 500)
    if given("description"):
        service.description = m.text(record.get("description"))
    if given("url"):
        service.url = _checked(m.web_address, record.get("url"), _("web address"), notes)
    if given("email"):
        service.email = _checked(m.email_address, record.get("email"), _("email address"), notes)
    if given("phones"):
        service.phone = _first_phone(record)
    service.status = m.status(record.get("status")) or "active"
    if m.status(record.get("status")) is None:
        notes.append(_("status missing or unknown, so it was imported as open"))
    if given("minimum_age", "maximum_age") or service.min_age is None:
        service.min_age, service.max_age = _ages(record, notes)
    if given("eligibility_description"):
        service.eligibility = m.text(record.get("eligibility_description"))
    if given("application_process"):
        service.how_to_access = m.text(record.get("application_process"))
    if given("wait_time"):
        service.waiting_time = m.text(record.get("wait_time"), 255)
    if given("fees_description", "fees"):
        service.fees_description = m.text(record.get("fees_description") or record.get("fees"))
    if given("alert"):
        service.alert = m.text(record.get("alert"))
    if given("assured_date"):
        service.last_reviewed = m.a_date(record.get("assured_date"))
    if given("cost_options"):
        _sync(service.cost_options, CostOption, service.id, "cost", _cost_options(record, service.id))
    if given("cost_options", "fees_description", "fees") or local_offer.is_ours(record):
        service.is_free = _is_free(service, record)
    if given("contacts"):
        _sync(service.contacts, Contact, service.id, "contact", _contacts(record))
    if given("languages"):
        _sync(service.languages, Language, service.id, "language", _languages(record))
    if given("service_at_locations"):
        _service_at_locations(service, record)
    if given("schedules"):
        _sync(service.schedules, Schedule, service.id, "schedule", _schedules(record, service))
    if given("service_areas"):
        service.is_countywide, areas = _areas(record, notes)
        _sync(service.areas, ServiceArea, service.id, "area", areas)
    if given("attributes"):
        service.taxonomy_terms = _terms(record)
    # Our own feed's Local Offer details (access route, answers...) come back last, so they
    # win over the generic fields above.
    local_offer.apply(service, record)


def _checked(parse, value, what: str, notes: list[str]):
    found = parse(value)
    if found is None and m.text(value):
        notes.append(_("the %(what)s is not valid, so it was left out", what=what))
    return found


def _ages(record: dict, notes: list[str]) -> tuple[int, int]:
    low = m.whole_number(record.get("minimum_age"))
    high = m.whole_number(record.get("maximum_age"))
    low = AGE_MIN if low is None else low
    high = AGE_MAX if high is None else high
    if low > high:
        low, high = high, low
        notes.append(_("minimum and maximum age were the wrong way round"))
    clamped = (min(max(low, AGE_MIN), AGE_MAX), min(max(high, AGE_MIN), AGE_MAX))
    if clamped != (low, high):
        notes.append(_("ages %(low)d to %(high)d limited to %(min)d to %(max)d", low=low, high=high,
                       min=clamped[0], max=clamped[1]))
    return clamped


def _sync(collection: list, cls, service_id: uuid.UUID, kind: str, wanted: list[dict]) -> None:
    """Make `collection` hold exactly `wanted` (dicts of column values with a source 'id'),
    updating rows with the same id in place so nothing is deleted and re-inserted."""
    existing = {row.id: row for row in collection}
    rows, ids = [], set()
    for position, values in enumerate(wanted):
        row_id = _child_id(cls, service_id, kind, values.pop("id", None), position)
        if row_id in ids:
            continue  # the feed repeats a nested record: keep the first
        ids.add(row_id)
        row = existing.get(row_id) or cls(id=row_id)
        for key, value in values.items():
            setattr(row, key, value)
        rows.append(row)
    collection[:] = rows


def _child_id(cls, service_id: uuid.UUID, kind: str, source, position: int) -> uuid.UUID:
    """The nested record's own UUID when it is one and not another service's row (feeds
    reuse ids); otherwise an id derived from the service, so it is stable between runs."""
    own = m.our_id(source, scope=f"{service_id}:{kind}")
    if own is not None and m.source_id(source) == str(own):
        row = db.session.get(cls, own)
        if row is None or row.service_id in (service_id, None):
            return own
    return m.child_id(service_id, kind, f"{m.source_id(source)}:{position}" if source else None, position)


def _cost_options(record: dict, service_id: uuid.UUID) -> list[dict]:
    # Our own feed marks a free service with a fixed 'Free' option: that is the flag, not a row.
    return [{"id": c.get("id"), "option": m.text(c.get("option"), 255), "amount": m.money(c.get("amount")),
             "amount_description": m.text(c.get("amount_description"), 255)}
            for c in m.items(record.get("cost_options")) if not local_offer.is_free_marker(c, service_id)]


def _is_free(service: Service, record: dict) -> bool:
    if local_offer.is_ours(record):
        return local_offer.says_free(record)
    if service.cost_options:
        return all((c.amount in (None, 0)) and (c.amount == 0 or m.is_free_wording(c.option)
                                                 or m.is_free_wording(c.amount_description))
                   for c in service.cost_options)
    return m.is_free_wording(service.fees_description)


def _contacts(record: dict) -> list[dict]:
    found = []
    for c in m.items(record.get("contacts")):
        values = {"id": c.get("id"), "name": m.text(c.get("name"), 255), "title": m.text(c.get("title"), 255),
                  "email": m.email_address(c.get("email")), "phone": _first_phone(c)}
        if any(v for k, v in values.items() if k != "id"):
            found.append(values)
    return found


def _languages(record: dict) -> list[dict]:
    found = []
    for lang in m.items(record.get("languages")):
        name, code = m.text(lang.get("name"), 100), m.text(lang.get("code"), 10)
        if name or code:
            found.append({"id": lang.get("id"), "name": name or code, "code": code})
    return found


def _schedules(record: dict, service: Service) -> list[dict]:
    # A timetable may belong to one venue (through its service-at-location id).
    venue_of = {}
    for position, sal in enumerate(m.items(record.get("service_at_locations"))):
        location = sal.get("location") if isinstance(sal.get("location"), dict) else {}
        venue_of[m.source_id(sal.get("id"))] = m.our_id(location.get("id"), scope="location")
    ours = {sal.location_id for sal in service.locations}
    found = []
    for s in m.items(record.get("schedules")):
        location_id = venue_of.get(m.source_id(s.get("service_at_location_id")))
        weekly = m.text(s.get("freq")).upper() == "WEEKLY"
        values = {"id": s.get("id"), "freq": "WEEKLY" if weekly else None,
                  "byday": m.byday(s.get("byday")) if weekly else "", "dtstart": m.a_date(s.get("dtstart")),
                  "opens_at": m.a_time(s.get("opens_at")), "closes_at": m.a_time(s.get("closes_at")),
                  "valid_from": m.a_date(s.get("valid_from")), "valid_to": m.a_date(s.get("valid_to")),
                  "description": m.text(s.get("description")), "term": local_offer.schedule_term(s),
                  "location_id": location_id if location_id in ours else None}
        if values["byday"] or values["dtstart"] or values["opens_at"] or values["description"]:
            found.append(values)
    return found


def _areas(record: dict, notes: list[str]) -> tuple[bool, list[dict]]:
    countywide, found = False, []
    for area in m.items(record.get("service_areas")):
        name = m.text(area.get("name")) or m.text(area.get("service_area"))
        # Our feed writes the description as `service_area` when there is one.
        described = m.text(area.get("service_area")) if m.text(area.get("service_area")) != name else ""
        description = m.text(area.get("description")) or described
        quadrant, district = m.quadrant_for_area(name)
        if m.is_countywide_area(name):
            countywide = True
        elif quadrant:
            found.append({"id": area.get("id"), "quadrant": quadrant, "district": district,
                          "description": description})
        elif (place := lookup_place(name)) and place.quadrant:
            found.append({"id": area.get("id"), "quadrant": place.quadrant, "district": place.district or None,
                          "description": description})
        elif name:
            notes.append(_("a service area outside Essex's districts was left out"))
    return countywide, found


def _service_at_locations(service: Service, record: dict) -> None:
    existing = {sal.location_id: sal for sal in service.locations}
    rows = []
    for position, sal in enumerate(m.items(record.get("service_at_locations"))):
        data = sal.get("location") if isinstance(sal.get("location"), dict) else None
        if data is None:
            continue
        location = _location(data, service.id, position, local_offer.is_ours(record))
        if location is None or location.id in {r.location_id for r in rows}:
            continue
        row = existing.get(location.id)
        if row is None:
            row = ServiceAtLocation(id=_child_id(ServiceAtLocation, service.id, "sal", sal.get("id"), position))
        row.location = location
        row.location_id = location.id
        rows.append(row)
    service.locations[:] = rows


def _location(data: dict, service_id: uuid.UUID, position: int, ours: bool) -> Location | None:
    addresses = m.items(data.get("addresses"))
    address = next((a for a in addresses if m.text(a.get("address_type")).lower() == "physical"),
                   addresses[0] if addresses else {})
    name = m.text(data.get("name"), 255) or m.text(address.get("address_1"), 255)
    if not name:
        return None
    location_id = m.our_id(data.get("id"), scope="location") or m.child_id(service_id, "location", None, position)
    location = db.session.get(Location, location_id)
    if location is None:
        location = Location(id=location_id)
        db.session.add(location)
    location.name = name
    location.address_1 = m.text(address.get("address_1"), 255)
    location.town = m.text(address.get("city"), 100)
    postcode = m.text(address.get("postal_code")).upper()
    location.postcode = postcode if len(postcode) <= 10 else ""
    location.latitude = m.coordinate(data.get("latitude"), 90)
    location.longitude = m.coordinate(data.get("longitude"), 180)
    if ours:
        # Our own feed says which quadrant and district a venue is in (or that it is unknown).
        location.quadrant = local_offer.location_quadrant(data)
        location.district = m.quadrant_for_area(address.get("region"))[1]
    else:
        place = lookup_place(location.postcode) or lookup_place(location.town)
        location.quadrant = place.quadrant or None if place else None
        location.district = place.district or None if place else None
    location.accessibility_notes = "\n".join(
        m.text(a.get("description")) for a in m.items(data.get("accessibility")) if m.text(a.get("description")))
    return location


def _terms(record: dict) -> list[TaxonomyTerm]:
    ours = ensure_vocabulary()
    found: dict[uuid.UUID | tuple, TaxonomyTerm] = {}
    for attribute in m.items(record.get("attributes")):
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict):
            continue
        if local_offer.is_generated_term(term):
            continue  # read by local_offer.apply, not a classification
        key, code = local_offer.our_taxonomy(term), m.text(term.get("code"))
        match = (key, code) if (key, code) in ours else m.match_term(term)
        row = ours[match] if match else _imported_term(term)
        if row is not None:
            found[(row.taxonomy, row.code)] = row
    return list(found.values())


def _imported_term(term: dict) -> TaxonomyTerm | None:
    name = m.text(term.get("name"), 255)
    if not name:
        return None
    sid = m.source_id(term.get("id")) or m.normalise_name(name)
    code = sid if len(sid) <= 60 else uuid.uuid5(m.ID_NAMESPACE, sid).hex
    row = db.session.scalar(select(TaxonomyTerm).filter_by(taxonomy=IMPORTED_TAXONOMY, code=code))
    if row is None:
        row = TaxonomyTerm(taxonomy=IMPORTED_TAXONOMY, code=code, name=name)
        db.session.add(row)
    row.name = name
    row.description = m.text(term.get("description"))
    return row
