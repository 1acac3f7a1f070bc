"""What only the PostgreSQL search backend does: entries written inside the saving
transaction, so every web node sharing the database sees an edit the moment it commits;
seasons checked when searching; health, failures, drift and concurrent writers.

The search behaviour itself (words, synonyms, filters, facets, spelling, ranking, paging) is
tested on both backends by the modules marked `search_backends`."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from localoffer.extensions import db
from localoffer.models import IndexOutbox, Service
from localoffer.search import SearchUnavailable, check_health, drain_outbox, index_drift
from localoffer.search.postgres import writer
from localoffer.search.postgres.schema import search_document, search_word
from tests.conftest import make_test_app
from tests.factories import make_service

from .conftest import found, search
from .test_workers import two_workers_save_during_a_rebuild

pytestmark = pytest.mark.postgres_only


@pytest.fixture
def search_backend():
    return "postgres"


@pytest.fixture
def other_node(app, database_url, tmp_path):
    """A second web node: its own app and connections, the same database, no index of its own."""
    node = make_test_app(SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(tmp_path / "unused"),
                         SEARCH_BACKEND="postgres")
    yield node
    with node.app_context():
        db.engine.dispose()


def on(node, text_: str = "", **filters):
    with node.app_context():
        return search(text_, **filters)


def outbox_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(IndexOutbox))


def test_an_edit_is_found_on_every_node_the_moment_it_commits(app, other_node):
    service = make_service("Sunflower Sensory Room", commit=False)
    db.session.flush()
    assert on(other_node, "sunflower").total == 0  # not committed: nobody else sees it
    db.session.commit()
    assert on(other_node, "sunflower").ids == [str(service.id)]
    assert outbox_rows() == 0  # applied inside the transaction: nothing left to drain
    service.name = "Bluebell Sensory Room"
    db.session.commit()
    assert on(other_node, "sunflower").total == 0 and on(other_node, "bluebell").total == 1
    assert on(other_node, "sensory").facets == search("sensory").facets


def test_a_seasonal_listing_appears_and_goes_on_its_dates_with_no_reindex(app, monkeypatch):
    today = date.today()
    summer = make_service("Summer Splash", visible_from=today + timedelta(days=1),
                          visible_to=today + timedelta(days=30))
    assert found("splash") == set() and search().total == 0
    monkeypatch.setattr("localoffer.search.postgres.today", lambda: today + timedelta(days=1))
    assert found("splash") == {str(summer.id)}
    monkeypatch.setattr("localoffer.search.postgres.today", lambda: today + timedelta(days=31))
    assert found("splash") == set()
    assert index_drift().is_clean


def test_a_save_touching_very_many_services_is_applied_straight_after_its_commit(app, monkeypatch):
    monkeypatch.setattr(writer, "IN_TRANSACTION_MAX", 2)
    for n in range(3):
        make_service(f"Bulk {n}", commit=False)
    db.session.commit()
    assert search("bulk").total == 3
    assert outbox_rows() == 0


def test_a_failure_is_retried_then_a_try_later_page_without_internals(app, client, monkeypatch):
    make_service("Autism Family Hub")
    calls = []

    def broken(*args):
        calls.append(1)
        raise RuntimeError('relation "search_document" does not exist')

    monkeypatch.setattr("localoffer.search.postgres.execute", broken)
    with pytest.raises(SearchUnavailable):
        search("autism")
    assert len(calls) == 2
    for url in ("/services", "/services.json"):
        response = client.get(url, query_string={"q": "autism"})
        assert response.status_code == 503
        assert "search_document" not in response.get_data(as_text=True)


def test_health_needs_the_search_tables(app, client):
    assert check_health() is True
    db.session.execute(text("ALTER TABLE search_word RENAME TO search_word_gone"))
    db.session.commit()
    try:
        assert check_health() is False
        assert client.get("/healthz").status_code == 503
    finally:
        db.session.execute(text("ALTER TABLE search_word_gone RENAME TO search_word"))
        db.session.commit()
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_check_finds_entries_changed_behind_its_back_and_rebuild_repairs_them(app, runner):
    kept, emptied, tampered = (make_service(f"Play {n}", description="music") for n in range(3))
    db.session.execute(search_document.delete().where(search_document.c.service_id == emptied.id))
    db.session.execute(search_document.update().where(search_document.c.service_id == tampered.id)
                       .values(fingerprint="x"))
    db.session.execute(search_word.update().values(services=99))
    db.session.commit()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert "1 missing, 1 out of date, 0 that should not be there" in result.output
    result = runner.invoke(args=["search", "rebuild"])
    assert "3 services indexed" in result.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert db.session.scalar(select(search_word.c.services).where(search_word.c.word == "music")) == 3
    assert found("music") == {str(s.id) for s in (kept, emptied, tampered)}


def test_word_counts_follow_every_change(app):
    first = make_service("Drumming Club", description="drums")
    second = make_service("Rhythm Club", description="drums")
    first.description = "guitars"
    db.session.commit()
    db.session.delete(second)
    db.session.commit()
    counts = dict(db.session.execute(select(search_word.c.word, search_word.c.services)).all())
    assert (counts.get("drums"), counts.get("guitars"), counts.get("club")) == (0, 1, 1)


def test_workers_saving_while_a_rebuild_runs_lose_nothing(app, database_url, tmp_path):
    two_workers_save_during_a_rebuild(database_url, str(tmp_path / "unused"), backend="postgres")
    assert drain_outbox() == 0  # nothing was left waiting
    assert index_drift().is_clean
    assert search("another worker").total == 16 == db.session.scalar(select(func.count()).select_from(Service))


def test_the_postgres_backend_needs_a_postgresql_database(tmp_path):
    with pytest.raises(RuntimeError, match="PostgreSQL"):
        make_test_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'x.db'}", SEARCH_BACKEND="postgres")


def test_a_repeated_search_is_kept_until_an_entry_changes_on_any_node(app, other_node, monkeypatch):
    import localoffer.search.postgres as backend

    searches = []
    real = backend.execute
    monkeypatch.setattr(backend, "execute", lambda *args: searches.append(1) or real(*args))
    service = make_service("Sunflower Sensory Room")
    first = on(other_node, "sunflower")
    first.ids.append("changed by the caller")  # a caller's change never reaches the kept answer
    again = on(other_node, "sunflower")
    assert again.ids == [str(service.id)] and again.version == first.version and len(searches) == 1

    service.name = "Bluebell Sensory Room"  # saved through this node
    db.session.commit()
    renamed = on(other_node, "sunflower")
    assert renamed.total == 0 and renamed.version != first.version and len(searches) == 2
    assert on(other_node, "bluebell").ids == [str(service.id)]


def test_saving_what_search_does_not_show_keeps_the_answers(app):
    service = make_service("Sunflower Sensory Room")
    before = search("sunflower").version
    service.name = "Sunflower Sensory Room"  # no change to the entry
    db.session.commit()
    assert search("sunflower").version == before


def test_a_rebuild_that_removes_entries_changes_the_version(app):
    from localoffer.search import rebuild_index

    service = make_service("Sunflower Sensory Room")
    before = search("sunflower").version
    db.session.execute(text("UPDATE service SET is_published = false WHERE id = :id"), {"id": service.id})
    db.session.commit()  # behind the app's back: no outbox row, the entry stays
    rebuild_index()
    after = search("sunflower")
    assert after.total == 0 and after.version != before


def test_a_rebuild_counts_every_word_once(app, runner):
    make_service("Drumming Club", description="drums and more drums")
    make_service("Rhythm Club", description="drums")
    db.session.execute(text("UPDATE search_word SET services = 99 WHERE word = 'drums'"))
    db.session.commit()
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    assert db.session.scalar(select(search_word.c.services).where(search_word.c.word == "drums")) == 2


def test_a_search_log_row_does_not_wait_for_the_disk(app, client):
    from sqlalchemy import event

    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement.split()[0:4])

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert client.get("/services.json?q=music").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    inserts = [i for i, words in enumerate(seen) if words[:3] == ["INSERT", "INTO", "search_log"]]
    assert inserts and seen[inserts[0] - 1] == ["SET", "LOCAL", "synchronous_commit", "TO"]


def test_a_rebuild_repairs_words_changed_by_hand_and_leaves_correct_entries_alone(app, runner):
    right, wrong = make_service("Play Kept", description="music"), make_service("Play Changed", description="music")
    db.session.execute(search_document.update().where(search_document.c.service_id == wrong.id)
                       .values(document=text("CAST('drums' AS tsvector)")))  # the fingerprint says all is well
    db.session.commit()
    assert found("music") == {str(right.id)}

    def row_version(service) -> str:  # a row's physical place: changes whenever it is rewritten
        return db.session.scalar(select(text("ctid::text")).select_from(search_document)
                                 .where(search_document.c.service_id == service.id))

    before = row_version(right), row_version(wrong)
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    db.session.commit()
    assert found("music") == {str(right.id), str(wrong.id)}
    assert row_version(right) == before[0]  # no dead copy left of an entry that was right
    assert row_version(wrong) != before[1]
