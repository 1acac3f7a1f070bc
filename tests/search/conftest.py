"""Helpers for the search tests: run a search by keyword arguments, compare by service."""
from __future__ import annotations

import pytest

from localoffer.extensions import db
from localoffer.search import search_services
from localoffer.search.query import SearchQuery, SearchResults


def search(text: str = "", **filters) -> SearchResults:
    """search("autism", needs=("autism",), per_page=50): filters as SearchQuery fields."""
    filters.setdefault("per_page", 50)
    return search_services(SearchQuery(text=text, **filters))


def found(text: str = "", **filters) -> set[str]:
    return set(search(text, **filters).ids)


def ids(*services) -> list[str]:
    return [str(s.id) for s in services]


@pytest.fixture
def engine(app):
    return app.extensions["localoffer.search"]


@pytest.fixture(scope="module")
def module_app(_schema_app, database_url, tmp_path_factory, search_backend):
    """Like `app`, but shared by one test module that builds its data once and only reads."""
    from tests.conftest import _empty_all_tables, make_test_app

    app = make_test_app(SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(tmp_path_factory.mktemp("index")),
                        SEARCH_BACKEND=search_backend)
    with app.app_context():
        _empty_all_tables()
        yield app
        db.session.remove()
        db.engine.dispose()
