"""Reading services for pages, the shortlist and the search index."""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy import select, text

from ..extensions import db
from ..models import Service
from ..models.base import parse_uuid
from ..vocab import FINDABLE_STATUSES


def parse_ids(ids: Iterable[str | uuid.UUID]) -> list[uuid.UUID]:
    return [parsed for parsed in map(parse_uuid, ids) if parsed is not None]


def listed_clause():
    """Published, and open or temporarily closed: findable whenever it is in season."""
    return Service.is_published.is_(True) & Service.status.in_(FINDABLE_STATUSES)


def findable_clause(today: date | None = None):
    """Published, open or temporarily closed, and inside its visible-from/to dates."""
    today = today or date.today()
    return (listed_clause()
            & (Service.visible_from.is_(None) | (Service.visible_from <= today))
            & (Service.visible_to.is_(None) | (Service.visible_to >= today)))


def get_findable_service(service_id: str) -> Service | None:
    """A service a family may see, or None (unknown id, unpublished or closed for good)."""
    ids = parse_ids([service_id])
    if not ids:
        return None
    return db.session.scalar(select(Service).where(Service.id == ids[0], findable_clause()))


def findable_services_by_ids(ids: Iterable[str | uuid.UUID], options=()) -> list[Service]:
    """Findable services in the order given; ids that are not findable (any more) are dropped.
    Search results go through here, so a service hidden since the index was written never shows."""
    wanted = parse_ids(ids)
    if not wanted:
        return []
    stmt = select(Service).where(Service.id.in_(wanted), findable_clause()).options(*options)
    rows = {s.id: s for s in db.session.scalars(stmt)}
    return [rows[i] for i in wanted if i in rows]


def iter_findable_services(batch: int = 500, options=()) -> Iterator[Service]:
    """Every findable service, in batches (index builds, checks and exports)."""
    yield from _iter_services(findable_clause(), batch, options)


def iter_listed_services(batch: int = 500, options=()) -> Iterator[Service]:
    """Every listed service, in season or not (the PostgreSQL search checks seasons itself)."""
    yield from _iter_services(listed_clause(), batch, options)


def _iter_services(clause, batch: int, options) -> Iterator[Service]:
    stmt = (select(Service).where(clause).order_by(Service.id).options(*options)
            .execution_options(yield_per=batch))
    yield from db.session.scalars(stmt)


def count_services() -> int:
    return db.session.scalar(select(db.func.count()).select_from(Service)) or 0


def refresh_statistics() -> None:
    """After a bulk load on PostgreSQL: fresh planner statistics for every table. Until
    autovacuum catches up, the planner thinks the tables are as small as they were, and reads
    whole tables to find the 20 listings of a results page (9 ms instead of 0.3 ms a query)."""
    if db.engine.dialect.name == "postgresql":
        db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()
