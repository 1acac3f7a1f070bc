"""`search rebuild` on every core: the same index content as one process, and bulk loads that
rebuild rather than update thousands of entries one by one."""
from __future__ import annotations

from localoffer.extensions import db
from localoffer.search import deferred_sync, index_drift, search_services, sync
from localoffer.search.query import SearchQuery
from tests.factories import make_service

from .conftest import search

QUERIES = [SearchQuery(text=""), SearchQuery(text="club"), SearchQuery(text="swimming autism"),
           SearchQuery(needs=("autism",)), SearchQuery(text="club", quadrants=("south",), sort="name"),
           SearchQuery(text="swiming")]


def _some_services() -> None:
    for n, (need, quadrant) in enumerate([("autism", "south"), ("adhd", "mid"), ("autism", "west"),
                                          ("hi", "north-east"), ("vi", "south"), ("autism", "mid")] * 2):
        make_service(f"{'Swimming' if n % 3 else 'Drama'} club {n}", description=f"A club for {need} {n}",
                     needs=(need,), quadrants=(quadrant,), days=("sat",) if n % 2 else (), free=n % 4 == 0,
                     commit=False)
    db.session.commit()


def _answers() -> list[tuple]:
    return [(r.total, r.ids, r.facets, r.suggestion) for r in map(search_services, QUERIES)]


def test_a_parallel_rebuild_holds_exactly_what_a_serial_one_does(app, engine):
    _some_services()
    assert sync.rebuild(engine.store, 1.0, processes=1)[0] == 12
    serial_fingerprints, serial_answers = engine.snapshot().fingerprints, _answers()
    assert len(engine.snapshot().parts) == 1

    assert sync.rebuild(engine.store, 1.0, processes=2)[0] == 12
    snap = engine.snapshot()
    assert len(snap.parts) == 2  # one segment written by each process
    assert snap.fingerprints == serial_fingerprints
    assert _answers() == serial_answers
    assert index_drift().is_clean


def test_entries_read_by_columns_equal_those_read_through_the_orm(app):
    from datetime import date

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from localoffer.data.listings import indexed_services
    from localoffer.models import LocalOfferAnswer, Schedule, Service
    from localoffer.search.documents import service_document
    from localoffer.search.sync import NOT_INDEXED

    _some_services()
    venue = make_service("Town hall club", town="Chelmsford", quadrants=("mid",), latitude=51.73, longitude=0.47,
                         days=("mon", "wed"), commit=False)
    venue.local_offer_answers = [LocalOfferAnswer(question="support", answer="Quiet room", position=1),
                                 LocalOfferAnswer(question="access", answer="Step-free", position=0)]
    venue.schedules.append(Schedule(freq=None, dtstart=date(2026, 12, 12)))
    make_service("Online advice line", countywide=True, delivery=("online", "telephone"), min_age=16, max_age=25,
                 commit=False)
    db.session.commit()
    ids = list(db.session.scalars(select(Service.id).order_by(Service.id)))
    with Session(db.engine) as session:
        by_orm = [service_document(s) for s in session.scalars(
            select(Service).where(Service.id.in_(ids)).order_by(Service.id).options(*NOT_INDEXED))]
        by_columns = [service_document(s) for s in indexed_services(session, ids)]
    assert by_columns == by_orm


def test_a_bulk_load_is_indexed_by_one_rebuild(app, engine, monkeypatch):
    make_service("Already here")
    before = engine.store.current_name()
    monkeypatch.setattr(sync, "BATCH", 2)  # "bulk" from three changes on, for the test
    with deferred_sync():
        for n in range(3):
            make_service(f"Loaded {n}")
    assert engine.store.current_name() != before  # a fresh index, not three updates
    assert sync.pending_changes() == 0
    assert search("loaded").total == 3
    assert index_drift().is_clean


def test_a_small_batch_is_applied_as_updates(app, engine):
    make_service("Already here")
    before = engine.store.current_name()
    with deferred_sync():
        make_service("One more")
    assert engine.store.current_name() == before
    assert search().total == 2
