"""The index follows the database (the source of truth) through the outbox."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from localoffer.extensions import db
from localoffer.models import Contact, CostOption, IndexOutbox, LocalOfferAnswer, Location, TaxonomyTerm
from localoffer.search import deferred_sync, drain_outbox, index_drift
from localoffer.search import sync as search_sync
from tests.factories import make_organisation, make_service

from .conftest import found, search

pytestmark = pytest.mark.search_backends


def outbox_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(IndexOutbox))


def test_a_new_service_is_findable_as_soon_as_it_is_saved(app):
    service = make_service("Sunflower Sensory Room")
    assert found("sunflower") == {str(service.id)}
    assert outbox_rows() == 0  # drained after the commit


def test_changes_replace_the_old_entry(app):
    service = make_service("Sunflower Sensory Room")
    service.name = "Bluebell Sensory Room"
    db.session.commit()
    assert found("sunflower") == set()
    assert found("bluebell") == {str(service.id)}
    assert search().total == 1


def test_a_deleted_service_leaves_the_index(app):
    service = make_service("Sunflower Sensory Room")
    db.session.delete(service)
    db.session.commit()
    assert found("sunflower") == set()
    assert index_drift().is_clean


@pytest.mark.parametrize("hide", [
    {"is_published": False}, {"status": "inactive"},
])
def test_hiding_a_service_removes_it_and_showing_it_again_brings_it_back(app, hide):
    service = make_service("Sunflower Sensory Room")
    shown = {key: getattr(service, key) for key in hide}
    for key, value in hide.items():
        setattr(service, key, value)
    db.session.commit()
    assert found("sunflower") == set()
    for key, value in shown.items():
        setattr(service, key, value)
    db.session.commit()
    assert found("sunflower") == {str(service.id)}


def test_a_temporarily_closed_service_stays_findable(app):
    service = make_service("Sunflower Sensory Room")
    service.status = "temporarily-closed"
    db.session.commit()
    assert found("sunflower") == {str(service.id)}


def test_a_rolled_back_change_leaves_no_trace(app):
    kept = make_service("Sunflower Sensory Room")
    make_service("Bluebell Club", commit=False)
    kept.name = "Changed Name"
    db.session.flush()  # rows and outbox entries reach the database inside the transaction...
    db.session.rollback()  # ...and leave with it
    assert found("bluebell") == set()
    assert found("changed") == set()
    assert found("sunflower") == {str(kept.id)}
    assert outbox_rows() == 0
    assert index_drift().is_clean


def test_a_change_to_any_part_of_a_listing_updates_its_entry(app):
    organisation = make_organisation("Riverside Trust")
    service = make_service("Plain Name", organisation=organisation, needs=["autism"], quadrants=["mid"],
                           days=["mon"], town="Chelmsford", latitude=51.7356, longitude=0.4685)

    service.local_offer_answers.append(LocalOfferAnswer(question="staff", answer="Makaton trained staff"))
    db.session.commit()
    assert found("makaton") == {str(service.id)}

    organisation.name = "Meadow Trust"
    db.session.commit()
    assert found("meadow") == {str(service.id)}
    assert found("riverside") == set()

    service.areas[0].quadrant = "south"
    db.session.commit()
    # the venue is still in mid; the area moved to south
    assert found(quadrants=("south",)) == {str(service.id)}

    service.schedules[0].byday = "SA"
    db.session.commit()
    assert found(days=("sat",)) == {str(service.id)}
    assert found(days=("mon",)) == set()

    adhd = db.session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.taxonomy == "need",
                                                         TaxonomyTerm.code == "adhd"))
    service.taxonomy_terms.append(adhd)
    db.session.commit()
    assert found(needs=("adhd",)) == {str(service.id)}


def test_moving_a_venue_changes_distances(app):
    service = make_service("Play Barn", town="Chelmsford", latitude=51.7356, longitude=0.4685)
    assert search(near="Chelmsford", sort="distance").distances[str(service.id)] < 1
    location = db.session.scalar(select(Location))
    location.latitude, location.longitude = 51.8892, 0.9042  # moved to Colchester
    db.session.commit()
    assert search(near="Chelmsford", sort="distance").distances[str(service.id)] > 20


def test_removing_child_rows_updates_the_entry(app):
    service = make_service("Play Barn", days=["mon"], town="Chelmsford", latitude=51.7356, longitude=0.4685)
    service.schedules.clear()
    service.locations.clear()
    db.session.commit()
    assert found(days=("mon",)) == set()
    assert search(near="Chelmsford", sort="distance").distances == {}


def test_contacts_and_costs_are_tracked_too(app):
    service = make_service("Play Barn")
    service.contacts.append(Contact(name="Ana"))
    db.session.flush()
    assert outbox_rows() == 1  # queued inside the same transaction
    assert search_sync.pending_changes() == 0  # which nobody else sees until it commits
    db.session.commit()
    assert outbox_rows() == 0
    service.cost_options.append(CostOption(option="Session", amount=5))
    db.session.flush()
    assert outbox_rows() == 1
    db.session.commit()


def test_when_the_index_is_busy_the_save_succeeds_and_the_change_waits(app, engine):
    engine.writer_timeout = 0.05
    with engine.store.write_lock(timeout=1):  # another process is writing
        service = make_service("Sunflower Sensory Room")  # no error for the person saving
    assert outbox_rows() == 1
    assert found("sunflower") == set()
    assert drain_outbox() == 1
    assert found("sunflower") == {str(service.id)}
    assert outbox_rows() == 0


def test_a_change_left_waiting_goes_in_with_the_next_save(app, engine):
    engine.writer_timeout = 0.05
    with engine.store.write_lock(timeout=1):
        waiting = make_service("Sunflower Sensory Room")
    later = make_service("Bluebell Club")
    assert found() == {str(waiting.id), str(later.id)}
    assert outbox_rows() == 0


def test_a_failed_index_write_keeps_the_change_queued(app, monkeypatch):
    def broken(service):
        raise OSError("disk full")

    monkeypatch.setattr(search_sync, "service_document", broken)
    monkeypatch.setattr("localoffer.search.postgres.entries.service_document", broken)
    service = make_service("Sunflower Sensory Room")
    assert outbox_rows() == 1
    monkeypatch.undo()
    drain_outbox()
    assert found("sunflower") == {str(service.id)}


def test_a_bulk_load_is_drained_in_batches_with_one_commit_each(app, engine, monkeypatch):
    monkeypatch.setattr(search_sync, "BATCH", 5)
    search()  # open the index
    generation = engine.store.open(engine.store.current_name()).latest_generation()
    for n in range(12):
        make_service(f"Bulk {n}", commit=False)
    db.session.commit()
    assert engine.store.open(engine.store.current_name()).latest_generation() == generation + 3
    assert search().total == 12


def test_deferred_sync_drains_once_at_the_end(app):
    with deferred_sync():
        for n in range(3):
            make_service(f"Deferred {n}")
        assert outbox_rows() == 3
        assert search().total == 0
    assert outbox_rows() == 0
    assert search().total == 3


def test_each_worker_sees_the_others_changes(app, engine):
    from localoffer.search.engine import SearchEngine

    other_worker = SearchEngine(str(engine.store.root), writer_timeout=1)
    make_service("First Service")
    assert other_worker.search(query()).total == 1
    make_service("Second Service")  # written by "this" worker
    assert other_worker.search(query()).total == 2
    other_worker.forget()


def query(**fields):
    from localoffer.search.query import SearchQuery

    return SearchQuery(**fields)


def test_review_dates_and_other_unsearched_fields_still_keep_the_version_current(app):
    service = make_service("Play Barn")
    service.last_reviewed = date(2020, 1, 1)
    db.session.commit()
    assert index_drift().is_clean


@pytest.mark.whoosh_only
def test_a_savepoint_released_inside_a_save_waits_for_the_save_itself(app, monkeypatch):
    """Only the commit of the whole save updates the index: a drain when a savepoint is
    released would wait for the write lock the save itself holds (SQLite) and find nothing
    committed yet."""
    service = make_service("Sunflower Sensory Room")
    drains = []
    real_drain = search_sync.drain
    monkeypatch.setattr(search_sync, "drain", lambda *args, **kw: drains.append(1) or real_drain(*args, **kw))
    savepoint = db.session.begin_nested()
    service.name = "Bluebell Sensory Room"
    db.session.flush()
    savepoint.commit()
    assert drains == []
    db.session.commit()
    assert drains == [1]
    assert found("bluebell") == {str(service.id)}
