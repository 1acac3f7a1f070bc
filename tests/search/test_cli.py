"""`flask search rebuild | check | sync`, health and configuration."""
from __future__ import annotations

import os
import shutil

import pytest
from sqlalchemy import delete, insert, update

from config import TestConfig
from localoffer import create_app
from localoffer.extensions import db
from localoffer.models import IndexOutbox, Service
from localoffer.search import check_health, rebuild_index
from tests.factories import make_service

from .conftest import found, search

pytestmark = pytest.mark.search_backends


def test_rebuild_indexes_every_findable_service_and_says_how_many(app, runner):
    shown = [make_service(f"Shown {n}") for n in range(3)]
    make_service("Hidden", published=False)
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "3 services indexed" in result.output
    assert "seconds" in result.output
    assert found() == {str(s.id) for s in shown}


def test_rebuild_swaps_in_a_new_index_in_one_step(app, engine):
    make_service("Before")
    search()
    first = engine.store.current_name()
    rebuild_index()
    second = engine.store.current_name()
    assert second != first
    assert os.path.islink(engine.store.link)
    assert search().total == 1  # readers move to the new index on their next search
    rebuild_index()
    third = engine.store.current_name()
    folders = sorted(p.name for p in engine.store.root.iterdir() if p.name.startswith("ix-"))
    assert folders == sorted([second, third])  # the one before is kept for readers mid-search; older go


def test_rebuild_applies_changes_saved_while_it_was_building(app, engine, monkeypatch):
    from localoffer.search import build

    early = make_service("Early")
    real_ids = build.findable_ids

    def a_change_arrives_mid_build():
        ids = real_ids()
        # another worker saves while the rebuild holds the lock: its drain gives up...
        engine.writer_timeout = 0.05
        make_service("Late arrival")
        return ids

    monkeypatch.setattr(build, "findable_ids", a_change_arrives_mid_build)
    rebuild_index()
    assert {str(early.id)} < found()  # ...and the rebuild applies it before finishing
    assert found("late") != set()


def test_check_passes_when_index_and_database_agree(app, runner):
    make_service("Agreeing")
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    assert "matches the database: 1 findable services" in result.output


def test_check_is_silent_when_quiet_and_clean(app, runner):
    make_service("Agreeing")
    result = runner.invoke(args=["search", "check", "--quiet"])
    assert (result.exit_code, result.output) == (0, "")


def test_check_fails_and_lists_each_kind_of_drift(app, runner, engine):
    stale = make_service("Stale")
    gone = make_service("Gone")
    make_service("Fine")
    # Changes that bypass the ORM (so no outbox row): the index can't know about them.
    db.session.execute(update(Service).where(Service.id == stale.id).values(name="Renamed"))
    db.session.execute(delete(Service).where(Service.id == gone.id))
    db.session.commit()
    engine.writer_timeout = 0.05
    with engine.store.write_lock(timeout=1):
        missing = make_service("Missing")  # saved while the index was busy: still queued
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert "1 missing, 1 out of date, 1 that should not be there" in result.output
    lines = result.output.splitlines()
    assert lines[lines.index("Missing from the index (findable in the database):") + 1].strip() == str(missing.id)
    assert lines[lines.index("Out of date in the index:") + 1].strip() == str(stale.id)
    assert lines[lines.index("In the index but not findable (hidden, closed or deleted):") + 1].strip() == \
        str(gone.id)
    assert "1 changes are waiting to be applied" in result.output

    quiet = runner.invoke(args=["search", "check", "--quiet"])
    assert quiet.exit_code == 1
    assert str(missing.id) not in quiet.output

    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0


def test_check_lists_changes_made_behind_the_apps_back(app, runner):
    stale = make_service("Stale")
    gone = make_service("Gone")
    back = make_service("Back", published=False)
    fine = make_service("Fine")
    # Changes that bypass the ORM (so no outbox row): the index can't know about them.
    db.session.execute(update(Service).where(Service.id == stale.id).values(name="Renamed"))
    db.session.execute(delete(Service).where(Service.id == gone.id))
    db.session.execute(update(Service).where(Service.id == back.id).values(is_published=True))
    db.session.execute(insert(IndexOutbox).values(service_id=fine.id))  # a change still waiting
    db.session.commit()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert "1 missing, 1 out of date, 1 that should not be there" in result.output
    for heading, service in (("Missing from the index (findable in the database):", back),
                             ("Out of date in the index:", stale),
                             ("In the index but not findable (hidden, closed or deleted):", gone)):
        lines = result.output.splitlines()
        assert lines[lines.index(heading) + 1].strip() == str(service.id)
    assert "1 changes are waiting to be applied" in result.output
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert found("renamed") == {str(stale.id)} and found("back") == {str(back.id)}


def test_check_reports_a_missing_index_as_drift(app, runner, engine):
    service = make_service("Somewhere")
    engine.forget()
    shutil.rmtree(engine.store.root)
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert str(service.id) in result.output


def test_check_with_an_empty_database_and_no_index_is_clean(app, runner):
    assert runner.invoke(args=["search", "check"]).exit_code == 0


def test_sync_applies_waiting_changes(app, runner, engine):
    engine.writer_timeout = 0.05
    with engine.store.write_lock(timeout=1):
        service = make_service("Waiting")
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert "1 services refreshed" in result.output
    assert found("waiting") == {str(service.id)}


def test_sync_says_so_when_the_index_is_busy(app, runner, engine):
    engine.writer_timeout = 0.05
    with engine.store.write_lock(timeout=1):
        make_service("Waiting")
        result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 1
    assert "busy" in result.output


def test_health_is_good_when_the_index_answers(app):
    assert check_health() is True


def test_health_is_bad_when_the_index_is_damaged(app, engine):
    make_service("Anything")
    search()
    engine.forget()
    index_folder = engine.store.path(engine.store.current_name())
    for entry in index_folder.iterdir():  # someone tidied up the wrong folder
        entry.unlink()
    assert check_health() is False


def test_the_index_folder_is_only_created_when_first_needed(_schema_app, database_url, tmp_path):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(tmp_path / "later"),
                     SEARCH_BACKEND="whoosh")
    assert not (tmp_path / "later").exists()
    with app.app_context():
        assert check_health() is True
    assert (tmp_path / "later" / "current").is_symlink()


def test_an_unknown_search_backend_stops_the_app_starting(tmp_path):
    with pytest.raises(RuntimeError, match="SEARCH_BACKEND"):
        create_app(TestConfig, SEARCH_BACKEND="elasticsearch", SEARCH_INDEX_DIR=str(tmp_path))


@pytest.mark.parametrize("change", [
    "UPDATE location SET latitude = 51.8892, longitude = 0.9042",
    "UPDATE schedule SET byday = 'SA'",
    "UPDATE service_area SET quadrant = 'south'",
    "UPDATE local_offer_answer SET answer = 'Sign language at every session'",
])
def test_check_notices_a_change_to_any_part_of_a_listing_made_behind_its_back(app, runner, change):
    from sqlalchemy import text

    from localoffer.models import LocalOfferAnswer

    service = make_service("Play Barn", days=["mon"], quadrants=["mid"], town="Chelmsford",
                           latitude=51.7356, longitude=0.4685)
    service.local_offer_answers.append(LocalOfferAnswer(question="staff", answer="Makaton trained staff"))
    db.session.commit()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    db.session.execute(text(change))  # bypasses the ORM, so the index is not told
    db.session.commit()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert "0 missing, 1 out of date, 0 that should not be there" in result.output
    assert str(service.id) in result.output
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0


def test_check_notices_a_need_removed_behind_the_listings_back(app, runner):
    from sqlalchemy import text

    make_service("Play Barn", needs=["autism"])
    db.session.execute(text("DELETE FROM service_taxonomy_term"))
    db.session.commit()
    assert runner.invoke(args=["search", "check"]).exit_code == 1
