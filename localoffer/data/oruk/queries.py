"""Reading what the API serves: only findable services, and the organisations and venues of
findable services. Filters that SQL can do run in SQL; the rest (days, areas, distances and
our generated terms) run over the services SQL found."""
from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import exists, func, select

from ...extensions import db
from ...models import Location, Organisation, Service, ServiceAtLocation, TaxonomyTerm
from ...models.base import as_utc
from ...models.directory import service_taxonomy_term
from ...reference.gazetteer import distance_miles
from ...vocab import BYDAY_TO_DAY, COUNTYWIDE
from ..services import findable_clause, findable_services_by_ids, get_findable_service
from .taxonomies import DB_TAXONOMIES, GENERATED_TERMS, find_taxonomy, find_term
from .serialise import service_terms

METRES_PER_MILE = 1609.344


@dataclass
class Near:
    latitude: float
    longitude: float
    quadrant: str
    metres: float | None  # None: anywhere in the postcode's area of Essex


@dataclass
class ServiceFilters:
    """The /services and /service_at_locations query, already checked by the view."""

    matching_ids: list[str] | None = None  # from the search engine, when `search` was given
    term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    byday: str | None = None  # 'MO'...'SU'
    modified_after: datetime | None = None
    near: Near | None = None
    organisation_id: uuid.UUID | None = None


@dataclass
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @classmethod
    def of(cls, everything: list, page: int, per_page: int) -> "Page":
        """One page of a list held in memory (the vocabularies are small)."""
        start = (page - 1) * per_page
        return cls(everything[start:start + per_page], len(everything), page, per_page)

    def json(self, serialise) -> dict:
        total_pages = max(1, math.ceil(self.total / self.per_page))
        contents = [serialise(item) for item in self.items]
        return {"total_items": self.total, "total_pages": total_pages, "page_number": self.page,
                "size": len(contents), "first_page": self.page == 1, "last_page": self.page >= total_pages,
                "empty": not contents, "contents": contents}


def _sql_filtered_ids(filters: ServiceFilters) -> list[uuid.UUID]:
    stmt = select(Service.id).where(findable_clause()).order_by(func.lower(Service.name), Service.id)
    if filters.matching_ids is not None:
        stmt = stmt.where(Service.id.in_([uuid.UUID(i) for i in filters.matching_ids]))
    # Ages: the service's age range overlaps the range asked for.
    if filters.minimum_age is not None:
        stmt = stmt.where(Service.max_age >= filters.minimum_age)
    if filters.maximum_age is not None:
        stmt = stmt.where(Service.min_age <= filters.maximum_age)
    if filters.modified_after is not None:
        when = filters.modified_after.astimezone(timezone.utc)
        if db.engine.dialect.name == "sqlite":
            when = when.replace(tzinfo=None)  # SQLite keeps naive UTC
        stmt = stmt.where(Service.updated_at >= when)
    if filters.organisation_id is not None:
        stmt = stmt.where(Service.organisation_id == filters.organisation_id)
    term = find_term(filters.term_id) if filters.term_id else None
    if filters.term_id and term is None:
        return []
    if term is not None and term.taxonomy in DB_TAXONOMIES:
        stmt = stmt.where(exists().where(service_taxonomy_term.c.service_id == Service.id,
                                         service_taxonomy_term.c.taxonomy_term_id == uuid.UUID(term.id)))
    taxonomy = find_taxonomy(filters.taxonomy_id) if filters.taxonomy_id else None
    if filters.taxonomy_id and taxonomy is None:
        return []
    if taxonomy is not None and taxonomy.key in DB_TAXONOMIES:
        stmt = stmt.where(exists().where(service_taxonomy_term.c.service_id == Service.id,
                                         service_taxonomy_term.c.taxonomy_term_id == TaxonomyTerm.id,
                                         TaxonomyTerm.taxonomy == taxonomy.key))
    return list(db.session.scalars(stmt))


def _needs_python_filter(filters: ServiceFilters) -> bool:
    term = find_term(filters.term_id) if filters.term_id else None
    taxonomy = find_taxonomy(filters.taxonomy_id) if filters.taxonomy_id else None
    return bool(filters.byday or filters.near or (term and term.taxonomy not in DB_TAXONOMIES)
                or (taxonomy and taxonomy.key not in DB_TAXONOMIES))


def _carries(service: Service, term_id: str | None, taxonomy_key: str | None) -> bool:
    terms = [t for t, _, _ in service_terms(service)]
    terms += [GENERATED_TERMS[("schedule-term", s.term)] for s in service.schedules
              if ("schedule-term", s.term) in GENERATED_TERMS]
    return any((term_id is None or t.id == term_id) and (taxonomy_key is None or t.taxonomy == taxonomy_key)
               for t in terms)


def _within(location: Location, near: Near) -> bool:
    if near.metres is None:
        return location.quadrant == near.quadrant
    if location.latitude is None or location.longitude is None:
        return False
    miles = distance_miles(near.latitude, near.longitude, location.latitude, location.longitude)
    return miles * METRES_PER_MILE <= near.metres


def _service_passes(service: Service, filters: ServiceFilters) -> bool:
    if filters.byday and BYDAY_TO_DAY[filters.byday] not in service.days:
        return False
    term = find_term(filters.term_id) if filters.term_id else None
    if term is not None and term.taxonomy not in DB_TAXONOMIES and not _carries(service, term.id, None):
        return False
    taxonomy = find_taxonomy(filters.taxonomy_id) if filters.taxonomy_id else None
    if taxonomy is not None and taxonomy.key not in DB_TAXONOMIES and not _carries(service, None, taxonomy.key):
        return False
    if filters.near is not None:
        if filters.near.metres is None:
            # Postcode without proximity: services whose area covers that part of Essex.
            served = service.quadrants
            return COUNTYWIDE in served or filters.near.quadrant in served
        return any(_within(sal.location, filters.near) for sal in service.locations)
    return True


def matching_service_ids(filters: ServiceFilters) -> list[uuid.UUID]:
    """Ids of findable services matching every filter, in name order."""
    ids = _sql_filtered_ids(filters)
    if not _needs_python_filter(filters):
        return ids
    return [s.id for s in findable_services_by_ids(ids) if _service_passes(s, filters)]


def services_page(filters: ServiceFilters, page: int, per_page: int) -> Page:
    ids = matching_service_ids(filters)
    start = (page - 1) * per_page
    return Page(findable_services_by_ids(ids[start:start + per_page]), len(ids), page, per_page)


def service_at_locations_page(filters: ServiceFilters, page: int, per_page: int) -> Page:
    ids = matching_service_ids(filters)
    found: list[ServiceAtLocation] = []
    if ids:
        stmt = (select(ServiceAtLocation).join(Location).join(Service)
                .where(ServiceAtLocation.service_id.in_(ids))
                .order_by(func.lower(Service.name), func.lower(Location.name), ServiceAtLocation.id))
        found = [sal for sal in db.session.scalars(stmt)
                 if filters.near is None or filters.near.metres is None or _within(sal.location, filters.near)]
    start = (page - 1) * per_page
    return Page(found[start:start + per_page], len(found), page, per_page)


def findable_service(service_id: uuid.UUID) -> Service | None:
    return get_findable_service(str(service_id))


def findable_service_at_location(sal_id: uuid.UUID) -> ServiceAtLocation | None:
    return db.session.scalar(select(ServiceAtLocation).join(Service).where(
        ServiceAtLocation.id == sal_id, findable_clause()))


def _organisations_with_findable_services():
    return select(Organisation).where(exists().where(Service.organisation_id == Organisation.id, findable_clause()))


def organisations_page(page: int, per_page: int) -> Page:
    stmt = _organisations_with_findable_services()
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = db.session.scalars(stmt.order_by(func.lower(Organisation.name), Organisation.id)
                              .offset((page - 1) * per_page).limit(per_page)).all()
    return Page(list(rows), total, page, per_page)


def findable_organisation(org_id: uuid.UUID) -> Organisation | None:
    return db.session.scalar(_organisations_with_findable_services().where(Organisation.id == org_id))


def findable_service_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Service).where(findable_clause())) or 0


def directory_last_modified() -> datetime | None:
    """When anything findable last changed: for Last-Modified on lists."""
    latest = [db.session.scalar(select(func.max(Service.updated_at)).where(findable_clause())),
              db.session.scalar(select(func.max(Organisation.updated_at))),
              db.session.scalar(select(func.max(Location.updated_at)))]
    latest = [as_utc(d) for d in latest if d is not None]
    return max(latest) if latest else None


def service_last_modified(service: Service) -> datetime | None:
    stamps = [service.updated_at, service.organisation.updated_at]
    stamps += [sal.location.updated_at for sal in service.locations]
    stamps = [as_utc(d) for d in stamps if d is not None]
    return max(stamps) if stamps else None


def parse_day(value: str) -> str | None:
    """'MO' or 'mon' (any case) to the iCalendar code; None if it is not a day."""
    value = value.strip()
    if value.upper() in BYDAY_TO_DAY:
        return value.upper()
    from ...vocab import DAY_TO_BYDAY

    return DAY_TO_BYDAY.get(value.lower())
