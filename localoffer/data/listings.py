"""What a search result shows about each service, read with plain column queries.

A results page shows 20 services. Loading them as ORM objects with every relationship the
card needs (terms, areas, venues, schedules) took most of a search request; four column
queries over the 20 ids take a fraction of that and build no ORM objects at all. The rules
(which quadrants a service serves, which days a schedule runs) are the model's own helpers.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Location, Organisation, Schedule, Service, ServiceArea, ServiceAtLocation, TaxonomyTerm
from ..models.directory import is_findable, quadrants_served, schedule_days, service_taxonomy_term
from .services import parse_ids

# Taxonomies a result shows (accessibility features are only on the service page).
LISTED_TAXONOMIES = ("need", "category", "delivery")


@dataclass
class ServiceListing:
    """One search result: the fields the result card and /services.json show."""

    id: uuid.UUID
    name: str
    summary: str
    organisation_name: str | None
    min_age: int | None
    max_age: int | None
    is_free: bool
    status: str
    is_countywide: bool
    terms: dict[str, list[str]] = field(default_factory=dict)  # taxonomy -> sorted codes
    quadrants: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)

    @property
    def needs(self) -> list[str]:
        return self.terms.get("need", [])

    @property
    def categories(self) -> list[str]:
        return self.terms.get("category", [])

    @property
    def delivery_modes(self) -> list[str]:
        return self.terms.get("delivery", [])


def listings_by_ids(ids: Iterable[str | uuid.UUID]) -> list[ServiceListing]:
    """Findable services in the order given, as result listings. Ids that are not findable
    (any more) are dropped, so a service hidden since the index was written never shows."""
    wanted = parse_ids(ids)
    if not wanted:
        return []
    session = db.session
    # Findability is checked on the rows read by id: with the rule in the WHERE clause SQLite
    # may walk the is_published index (most of the table) instead of the 20 primary keys.
    rows = session.execute(
        select(Service.id, Service.name, Service.summary, Organisation.name.label("organisation_name"),
               Service.min_age, Service.max_age, Service.is_free, Service.status, Service.is_countywide,
               Service.is_published, Service.visible_from, Service.visible_to)
        .outerjoin(Organisation, Organisation.id == Service.organisation_id)
        .where(Service.id.in_(wanted)))
    today = date.today()
    found = {row.id: ServiceListing(*row[:9]) for row in rows
             if is_findable(row.is_published, row.status, row.visible_from, row.visible_to, today)}
    if not found:
        return []
    keys = list(found)

    stt = service_taxonomy_term
    for service_id, taxonomy, code in session.execute(
            select(stt.c.service_id, TaxonomyTerm.taxonomy, TaxonomyTerm.code)
            .join(TaxonomyTerm, TaxonomyTerm.id == stt.c.taxonomy_term_id)
            .where(stt.c.service_id.in_(keys), TaxonomyTerm.taxonomy.in_(LISTED_TAXONOMIES))):
        found[service_id].terms.setdefault(taxonomy, []).append(code)

    quadrants: dict[uuid.UUID, list[str | None]] = {key: [] for key in keys}
    local = [key for key in keys if not found[key].is_countywide]
    if local:
        areas = select(ServiceArea.service_id, ServiceArea.quadrant).where(ServiceArea.service_id.in_(local))
        venues = (select(ServiceAtLocation.service_id, Location.quadrant)
                  .join(Location, Location.id == ServiceAtLocation.location_id)
                  .where(ServiceAtLocation.service_id.in_(local)))
        for service_id, quadrant in session.execute(areas.union_all(venues)):
            quadrants[service_id].append(quadrant)

    days: dict[uuid.UUID, set[str]] = {key: set() for key in keys}
    for service_id, freq, byday, dtstart in session.execute(
            select(Schedule.service_id, Schedule.freq, Schedule.byday, Schedule.dtstart)
            .where(Schedule.service_id.in_(keys))):
        days[service_id].update(schedule_days(freq, byday, dtstart))

    for key, listing in found.items():
        for codes in listing.terms.values():
            codes.sort()
        listing.quadrants = quadrants_served(listing.is_countywide, quadrants[key])
        listing.days = sorted(days[key])
    return [found[i] for i in wanted if i in found]
