"""Fixtures for the public pages: a shared template cache, and a small varied directory for the
search page tests in which every filter has something to include and something to leave out."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from localoffer import search
from localoffer.extensions import db

from ..conftest import _empty_all_tables, make_test_app
from ..factories import make_service


def _make_family_services() -> SimpleNamespace:
    """Five services that differ in every way the filters care about (one is unpublished)."""
    with search.deferred_sync():  # one index write for the lot
        made = dict(
            swim=make_service("Sensory swimming sessions", summary="Quiet swims for autistic children.",
                              needs=["autism", "pd"], quadrants=["north-east"], town="Colchester",
                              latitude=51.889, longitude=0.901, min_age=4, max_age=16, free=True, days=["sat"]),
            speech=make_service("Speech and language drop-in", summary="Advice on talking and listening.",
                                needs=["slcn"], countywide=True, delivery=["online", "telephone"],
                                min_age=0, max_age=5, free=True, days=["tue"]),
            adhd=make_service("ADHD parent support group", summary="Meet other parents.",
                              needs=["adhd"], quadrants=["west"], town="Harlow", latitude=51.768, longitude=0.095,
                              min_age=0, max_age=25, days=["wed"]),
            teen=make_service("Teen wellbeing hub", summary="Drop in and talk.", needs=["semh", "autism"],
                              quadrants=["south"], town="Basildon", latitude=51.576, longitude=0.488,
                              min_age=13, max_age=19, days=["fri", "sat"], status="temporarily-closed"),
            hidden=make_service("Unpublished autism club", needs=["autism"], quadrants=["mid"], published=False),
        )
    return SimpleNamespace(**{key: str(service.id) for key, service in made.items()})


@pytest.fixture(scope="module")
def family_app(tmp_path_factory, search_backend, request):
    """A read-only app holding the family services, built once per test module: the search page
    tests only read, so they share it instead of rebuilding the index for every test. (The
    PostgreSQL search backend needs a PostgreSQL database: the worker's second one.)"""
    base = tmp_path_factory.mktemp("family")
    postgres = search_backend == "postgres"
    url = request.getfixturevalue("second_postgres_url") if postgres else f"sqlite:///{base / 'family.db'}"
    app = make_test_app(SQLALCHEMY_DATABASE_URI=url, SEARCH_INDEX_DIR=str(base / "index"),
                        SEARCH_BACKEND=search_backend)
    with app.app_context():
        if postgres:
            _empty_all_tables()
        else:
            db.create_all()
        app.family = _make_family_services()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()  # leave no connections open for the garbage collector


@pytest.fixture
def family(family_app) -> SimpleNamespace:
    """The family services' ids (str), by nickname: swim, speech, adhd, teen, hidden."""
    return family_app.family


@pytest.fixture
def family_client(family_app):
    with family_app.app_context():
        yield family_app.test_client()
