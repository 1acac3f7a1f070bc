"""Search keeps answering whatever state Whoosh's segments are in, and nothing from inside
Whoosh (an exception, its name) ever reaches a family."""
from __future__ import annotations

import pytest

from localoffer.extensions import db
from localoffer.search import SearchUnavailable, index_drift
from localoffer.search import searching as search_searching
from localoffer.search import snapshot as search_snapshot
from tests.factories import make_service

from .conftest import search

WHOOSH_WORDS = ("whoosh", "CompressedBytesColumn", "AttributeError", "Traceback", "_default")


def hide_and_show_again(service, times: int) -> None:
    """Separate saves, each its own index commit (as editors toggling a listing make)."""
    for _ in range(times):
        service.is_published = False
        db.session.commit()
        service.is_published = True
        db.session.commit()


@pytest.fixture
def toggled(app, engine):
    autism = make_service("Autism Family Hub", description="Groups for autistic children.")
    search()  # a worker already has the index open while the edits happen
    hide_and_show_again(autism, 5)
    # Whoosh has merged the emptied segments into one that holds no documents at all
    reader = engine.snapshot().searcher.reader()
    assert any(r.doc_count_all() == 0 for r, _ in reader.leaf_readers())
    return autism


def test_after_many_hide_and_show_saves_a_misspelling_is_still_corrected(toggled):
    results = search("autsim")
    assert (results.suggestion, results.showing_corrected) == ("autism", True)
    assert results.ids == [str(toggled.id)]


def test_after_many_hide_and_show_saves_an_exact_name_is_still_found(toggled):
    assert search("Autism Family Hub").ids == [str(toggled.id)]
    assert search("autism", needs=("adhd",)).total == 0  # a narrow filter (runs the spelling step)
    assert index_drift().is_clean


def test_the_search_page_answers_after_many_hide_and_show_saves(toggled, client):
    for typed in ("autsim", "Autism Family Hub", "autistic"):
        response = client.get("/services", query_string={"q": typed})
        assert response.status_code == 200
        assert not any(word in response.get_data(as_text=True) for word in WHOOSH_WORDS)


def test_a_failure_while_spelling_means_no_suggestion_not_an_error(app, monkeypatch):
    service = make_service("Autism Family Hub")

    def broken(*args):
        raise AttributeError("'CompressedBytesColumn' object has no attribute '_default'")

    monkeypatch.setattr(search_snapshot.SegmentData, "spelling", broken)
    results = search("autsim")
    assert (results.total, results.suggestion, results.showing_corrected) == (0, None, False)
    assert search("autism").ids == [str(service.id)]


def test_a_failure_inside_the_index_is_retried_on_a_fresh_searcher(app, engine, monkeypatch):
    service = make_service("Autism Family Hub")
    real_execute = search_searching.execute
    calls = []

    def fails_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise KeyError("segment")
        return real_execute(*args)

    monkeypatch.setattr("localoffer.search.engine.execute", fails_once)
    assert search("autism").ids == [str(service.id)]
    assert len(calls) == 2


def test_a_search_the_index_cannot_answer_is_a_try_later_page_without_internals(app, client, monkeypatch):
    make_service("Autism Family Hub")

    def always_fails(*args):
        raise AttributeError("'CompressedBytesColumn' object has no attribute '_default'")

    monkeypatch.setattr("localoffer.search.engine.execute", always_fails)
    with pytest.raises(SearchUnavailable) as raised:
        search("autism")
    assert not any(word in str(raised.value) for word in WHOOSH_WORDS)
    for url in ("/services", "/services.json"):
        response = client.get(url, query_string={"q": "autism"})
        assert response.status_code == 503
        assert not any(word in response.get_data(as_text=True) for word in WHOOSH_WORDS)
