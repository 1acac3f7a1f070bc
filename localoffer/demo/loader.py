"""Write demo specs to the database, idempotently and in batches.

Ids are fixed (uuid5), so a record that already exists is kept as it is: loading twice
creates nothing, and a listing a member of staff has since edited is never overwritten.
The search index follows committed changes by itself, so this module only writes and commits.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..data.taxonomy import ensure_vocabulary
from ..models import (Contact, CostOption, Language, LocalOfferAnswer, Location, Organisation, Schedule,
                      Service, ServiceArea, ServiceAtLocation, service_taxonomy_term)
from ..search.sync import record_changes
from .plan import build_demo_specs
from .specs import OrganisationSpec, ServiceSpec, VenueSpec, demo_id
from .synthetic import generate_synthetic

BATCH_SIZE = 500  # services per commit


@dataclass
class LoadCounts:
    organisations_created: int = 0
    organisations_kept: int = 0
    services_created: int = 0
    services_kept: int = 0
    locations_created: int = 0
    locations_kept: int = 0


def load_demo(session: Session, today: date | None = None, sendiass_phone: str | None = None,
              sendiass_url: str | None = None, batch_size: int = BATCH_SIZE) -> LoadCounts:
    specs = build_demo_specs(today or date.today(), sendiass_phone, sendiass_url)
    return load_specs(session, specs, batch_size)


def load_synthetic(session: Session, count: int, today: date | None = None,
                   batch_size: int = BATCH_SIZE) -> LoadCounts:
    return load_specs(session, generate_synthetic(count, today or date.today()), batch_size)


def has_services(session: Session) -> bool:
    return session.scalar(select(Service.id).limit(1)) is not None


def load_specs(session: Session, specs: Sequence[ServiceSpec], batch_size: int = BATCH_SIZE) -> LoadCounts:
    """Add the specs whose ids are not in the database yet, committing every `batch_size`.

    Services and their many child rows are inserted in bulk (50,000 services in about a
    minute), with an index outbox row for each new service in the same transaction, as the
    flush hooks would write for a service saved through the ORM. The session is emptied
    after each commit."""
    counts = LoadCounts()
    known_orgs: set = set()
    known_venues: set = set()
    for start in range(0, len(specs), batch_size):
        batch = specs[start:start + batch_size]
        existing = _existing_ids(session, Service, [s.id for s in batch])
        new = [s for s in batch if s.id not in existing]
        counts.services_kept += len(batch) - len(new)
        counts.services_created += len(new)

        orgs = _unique((s.organisation for s in batch), known_orgs)
        created = _add_missing(session, Organisation, orgs, _organisation_row)
        counts.organisations_created += created
        counts.organisations_kept += len(orgs) - created

        venues = _unique((v for s in batch for v in s.venues), known_venues)
        created = _add_missing(session, Location, venues, _location_row)
        counts.locations_created += created
        counts.locations_kept += len(venues) - created

        term_ids = {key: term.id for key, term in ensure_vocabulary().items()}
        if new:
            _insert(session, Service, [_service_row(spec) for spec in new])
            for model, rows in _child_rows(new, term_ids).items():
                _insert(session, model, rows)
            # Bulk inserts bypass the flush hooks, so queue the index updates here.
            record_changes(session, [spec.id for spec in new])
        session.commit()
        # Forget the committed rows: a session holding thousands of them slows every flush.
        session.expunge_all()
    return counts


def _existing_ids(session: Session, model, ids: list) -> set:
    return set(session.scalars(select(model.id).where(model.id.in_(ids)))) if ids else set()


def _unique(items: Iterable, known: set) -> list:
    """Items not met in an earlier batch, once each."""
    found = []
    for item in items:
        if item.id not in known:
            known.add(item.id)
            found.append(item)
    return found


def _insert(session: Session, model, rows: list[dict]) -> None:
    """One multi-row INSERT. NULLs are written out, so every row has the same columns and
    the whole list goes to the database in one batch."""
    if rows:
        session.execute(insert(model).execution_options(render_nulls=True), rows)


def _add_missing(session: Session, model, specs: list, make_row) -> int:
    existing = _existing_ids(session, model, [s.id for s in specs])
    missing = [s for s in specs if s.id not in existing]
    _insert(session, model, [make_row(s) for s in missing])
    return len(missing)


def _organisation_row(spec: OrganisationSpec) -> dict:
    return dict(id=spec.id, name=spec.name, description=spec.description, website=spec.website,
                        email=spec.email, phone=spec.phone)


def _location_row(spec: VenueSpec) -> dict:
    return dict(id=spec.id, name=spec.name, address_1=spec.address_1, town=spec.town, postcode=spec.postcode,
                    district=spec.district, quadrant=spec.quadrant, latitude=spec.latitude,
                    longitude=spec.longitude, accessibility_notes=spec.accessibility_notes)


def _service_row(spec: ServiceSpec) -> dict:
    return dict(
        id=spec.id, organisation_id=spec.organisation.id, name=spec.name, summary=spec.summary,
        description=spec.description, url=spec.url, email=spec.email, phone=spec.phone,
        min_age=spec.min_age, max_age=spec.max_age, eligibility=spec.eligibility,
        access_route=spec.access_route, how_to_access=spec.how_to_access,
        waiting_time=spec.waiting_time, waiting_weeks=spec.waiting_weeks,
        is_free=spec.is_free, fees_description=spec.fees_description,
        status=spec.status, is_published=spec.is_published, is_countywide=spec.is_countywide,
        alert=spec.alert, last_reviewed=spec.last_reviewed,
    )


def _child_rows(specs: Iterable[ServiceSpec], term_ids: dict) -> dict:
    """Rows for everything hanging off each service, with stable ids of their own."""
    rows: dict = {model: [] for model in (ServiceArea, ServiceAtLocation, Contact, Schedule, CostOption,
                                          Language, LocalOfferAnswer)}
    terms: list[dict] = []
    for spec in specs:
        def child(model, i: int, **values) -> None:
            rows[model].append({"id": demo_id(model.__tablename__, f"{spec.id}:{i}"), "service_id": spec.id,
                                **values})

        for i, (quadrant, district) in enumerate(spec.areas):
            child(ServiceArea, i, quadrant=quadrant, district=district, description="")
        for i, venue in enumerate(spec.venues):
            child(ServiceAtLocation, i, location_id=venue.id)
        for i, c in enumerate(spec.contacts):
            child(Contact, i, name=c.name, title=c.title, email=c.email, phone=c.phone)
        for i, s in enumerate(spec.schedules):
            child(Schedule, i, location_id=s.venue_id, freq=s.freq, byday=s.byday, dtstart=s.dtstart,
                  opens_at=s.opens_at, closes_at=s.closes_at, term=s.term, valid_from=s.valid_from,
                  valid_to=s.valid_to, description=s.description)
        for i, c in enumerate(spec.costs):
            child(CostOption, i, option=c.option, amount=c.amount, amount_description=c.amount_description)
        for i, (name, code) in enumerate(spec.languages):
            child(Language, i, name=name, code=code)
        for i, (question, answer) in enumerate(spec.answers):
            child(LocalOfferAnswer, i, question=question, answer=answer, position=i)
        codes = {"need": spec.needs, "category": spec.categories, "delivery": spec.delivery,
                 "accessibility": spec.accessibility}
        terms += [{"service_id": spec.id, "taxonomy_term_id": term_ids[(taxonomy, code)]}
                  for taxonomy, values in codes.items() for code in values]
    rows[service_taxonomy_term] = terms
    return rows
