"""The directory as the insight pages count it: one light row per listing (no ORM objects),
read with four plain queries and kept for the rest of the request, so the overview and the
quadrant summary, which use coverage and access together, read the directory once."""
from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from flask import g, has_request_context
from sqlalchemy import case, select

from ..extensions import db
from ..models import Location, Service, ServiceArea, ServiceAtLocation, TaxonomyTerm, service_taxonomy_term
from .reviews import NOT_REVIEWED_STATUSES, next_due
from .services import findable_clause


@dataclass(frozen=True)
class Listing:
    id: uuid.UUID
    needs: frozenset[str]
    categories: frozenset[str]
    quadrants: frozenset[str]  # where it is based; empty for a countywide service
    countywide: bool
    low: int
    high: int
    findable: bool  # what families can find today (published, open or temporarily closed, in season)
    temporarily_closed: bool
    route: str
    waiting_weeks: int | None
    overdue: bool  # its yearly check is past due

    def serves(self, quadrant: str) -> bool:
        """Available to a family in the quadrant: based there, or countywide."""
        return self.countywide or quadrant in self.quadrants


def directory_listings(today: date) -> list[Listing]:
    """Every listing still reviewed (all but archived ones), as the review queue counts them."""
    key = f"insight_listings_{today.isoformat()}"
    if has_request_context() and key in g:
        return g.get(key)
    found = _read(today)
    if has_request_context():
        setattr(g, key, found)
    return found


def _read(today: date) -> list[Listing]:
    findable = case((findable_clause(today), True), else_=False)
    rows = db.session.execute(
        select(Service.id, Service.min_age, Service.max_age, Service.is_countywide, Service.status,
               Service.access_route, Service.waiting_weeks, Service.review_due, Service.last_reviewed,
               findable.label("findable"))
        .where(Service.status.not_in(NOT_REVIEWED_STATUSES))).all()
    terms: dict[uuid.UUID, dict[str, set[str]]] = defaultdict(lambda: {"need": set(), "category": set()})
    for service_id, taxonomy, code in db.session.execute(
            select(service_taxonomy_term.c.service_id, TaxonomyTerm.taxonomy, TaxonomyTerm.code)
            .join(TaxonomyTerm, TaxonomyTerm.id == service_taxonomy_term.c.taxonomy_term_id)
            .where(TaxonomyTerm.taxonomy.in_(("need", "category")))):
        terms[service_id][taxonomy].add(code)
    places: dict[uuid.UUID, set[str]] = defaultdict(set)
    for service_id, quadrant in db.session.execute(select(ServiceArea.service_id, ServiceArea.quadrant)):
        places[service_id].add(quadrant)
    for service_id, quadrant in db.session.execute(
            select(ServiceAtLocation.service_id, Location.quadrant)
            .join(Location, Location.id == ServiceAtLocation.location_id)):
        places[service_id].add(quadrant)
    listings = []
    for row in rows:
        due = row.review_due or next_due(row.last_reviewed)
        listings.append(Listing(
            row.id, frozenset(terms[row.id]["need"]), frozenset(terms[row.id]["category"]),
            frozenset() if row.is_countywide else frozenset(q for q in places[row.id] if q),
            bool(row.is_countywide), row.min_age, row.max_age, bool(row.findable),
            row.status == "temporarily-closed", row.access_route, row.waiting_weeks, due < today))
    return listings
