"""Services read with plain column queries, for search results and for the search index.

A results page shows 20 services. Loading them as ORM objects with every relationship the
card needs (terms, areas, venues, schedules) took most of a search request; a few column
queries over the 20 ids take a fraction of that and build no ORM objects at all. Rebuilding
the index reads every findable service the same way. The rules (which quadrants a service
serves, which days a schedule runs, where its venues are) are the model's own helpers, so
the results are those of the model's properties.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..extensions import db
from ..models import (LocalOfferAnswer, Location, Organisation, Schedule, Service, ServiceArea, ServiceAtLocation,
                      TaxonomyTerm)
from ..models.directory import is_findable, quadrants_served, schedule_days, service_taxonomy_term, venue_points
from .services import parse_ids

# Taxonomies a result or an index entry uses (accessibility features are only on the service page).
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


@dataclass
class IndexedService(ServiceListing):
    """Everything a service's search index entry is made from (search/documents.py)."""

    description: str = ""
    updated_at: datetime | None = None
    answer_texts: list[str] = field(default_factory=list)
    venue_points: list[tuple[float, float]] = field(default_factory=list)
    visible_from: date | None = None
    visible_to: date | None = None


_LISTING_COLUMNS = (Service.id, Service.name, Service.summary, Organisation.name.label("organisation_name"),
                    Service.min_age, Service.max_age, Service.is_free, Service.status, Service.is_countywide)
_SEASON_COLUMNS = (Service.visible_from, Service.visible_to)
_CHECK_COLUMNS = (Service.is_published, *_SEASON_COLUMNS)


def listings_by_ids(ids: Iterable[str | uuid.UUID]) -> list[ServiceListing]:
    """Findable services in the order given, as result listings. Ids that are not findable
    (any more) are dropped, so a service hidden since the index was written never shows."""
    wanted = parse_ids(ids)
    found = _read(db.session, ServiceListing, wanted, ())
    return [found[i] for i in wanted if i in found]


def indexed_services(session: Session, ids: list[uuid.UUID], in_season_only: bool = True) -> list[IndexedService]:
    """Findable services among `ids` (in that order), with what their index entries need.
    With `in_season_only` false, also those only out of season (the PostgreSQL backend keeps
    their entries and checks the season when searching)."""
    found = _read(session, IndexedService, ids, (Service.description, Service.updated_at, *_SEASON_COLUMNS),
                  in_season_only)
    if found:
        keys = list(found)
        for service_id, answer in session.execute(
                select(LocalOfferAnswer.service_id, LocalOfferAnswer.answer)
                .where(LocalOfferAnswer.service_id.in_(keys))
                .order_by(LocalOfferAnswer.position)):  # as Service.local_offer_answers
            found[service_id].answer_texts.append(answer)
    return [found[i] for i in ids if i in found]


def _read(session: Session, kind: type[ServiceListing], wanted: list[uuid.UUID], extra: tuple,
          in_season_only: bool = True) -> dict:
    if not wanted:
        return {}
    # Findability is checked on the rows read by id: with the rule in the WHERE clause SQLite
    # may walk the is_published index (most of the table) instead of the primary keys.
    checks = [c for c in _CHECK_COLUMNS if not any(c is e for e in extra)]
    rows = session.execute(select(*_LISTING_COLUMNS, *extra, *checks)
                           .outerjoin(Organisation, Organisation.id == Service.organisation_id)
                           .where(Service.id.in_(wanted)))
    today, names = date.today(), [c.key for c in (*_LISTING_COLUMNS, *extra)]
    found = {row.id: kind(**{name: row._mapping[name] for name in names}) for row in rows
             if is_findable(row.is_published, row.status, *((row.visible_from, row.visible_to) if in_season_only
                                                             else (None, None)), today)}
    if not found:
        return found
    keys = list(found)

    stt = service_taxonomy_term
    for service_id, taxonomy, code in session.execute(
            select(stt.c.service_id, TaxonomyTerm.taxonomy, TaxonomyTerm.code)
            .join(TaxonomyTerm, TaxonomyTerm.id == stt.c.taxonomy_term_id)
            .where(stt.c.service_id.in_(keys), TaxonomyTerm.taxonomy.in_(LISTED_TAXONOMIES))):
        found[service_id].terms.setdefault(taxonomy, []).append(code)

    quadrants: dict[uuid.UUID, list[str | None]] = {key: [] for key in keys}
    points: dict[uuid.UUID, list] = {key: [] for key in keys}
    for service_id, quadrant in session.execute(
            select(ServiceArea.service_id, ServiceArea.quadrant).where(ServiceArea.service_id.in_(keys))):
        quadrants[service_id].append(quadrant)
    for service_id, quadrant, latitude, longitude in session.execute(
            select(ServiceAtLocation.service_id, Location.quadrant, Location.latitude, Location.longitude)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(ServiceAtLocation.service_id.in_(keys))):
        quadrants[service_id].append(quadrant)
        points[service_id].append((latitude, longitude))

    days: dict[uuid.UUID, set[str]] = {key: set() for key in keys}
    for service_id, freq, byday, dtstart in session.execute(
            select(Schedule.service_id, Schedule.freq, Schedule.byday, Schedule.dtstart)
            .where(Schedule.service_id.in_(keys))):
        days[service_id].update(schedule_days(freq, byday, dtstart))

    for key, service in found.items():
        for codes in service.terms.values():
            codes.sort()
        service.quadrants = quadrants_served(service.is_countywide, quadrants[key])
        service.days = sorted(days[key])
        if isinstance(service, IndexedService):
            service.venue_points = venue_points(points[key])
    return found
