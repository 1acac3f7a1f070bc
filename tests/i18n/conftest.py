"""An app whose catalogue is the pseudo-locale (every message between ⟦ and ⟧), so a test can
tell translated text from English at a glance."""
from __future__ import annotations

import pytest

from localoffer.extensions import db

from ..conftest import fresh_app, make_test_app
from .catalogue import PSEUDO_LOCALE, write_pseudo_catalogue


@pytest.fixture(scope="session")
def pseudo_folder(tmp_path_factory):
    return write_pseudo_catalogue(tmp_path_factory.mktemp("pseudo-translations"))


@pytest.fixture
def pseudo_app(_schema_app, database_url, tmp_path, pseudo_folder):
    """Like `app` (empty tables, its own index), with the pseudo-locale on offer."""
    yield from fresh_app(database_url, tmp_path, BABEL_TRANSLATION_DIRECTORIES=str(pseudo_folder),
                         LANGUAGES=("en", PSEUDO_LOCALE))


@pytest.fixture
def pseudo_client(_schema_app, database_url, tmp_path, pseudo_folder):
    """A client on an app with the pseudo-locale, with no app context held open between
    requests (Flask-Babel keeps the chosen locale on the app context, as it is per request in
    production), so switching language mid-visit behaves as it does for a visitor."""
    app = make_test_app(SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(tmp_path / "index"),
                        BABEL_TRANSLATION_DIRECTORIES=str(pseudo_folder), LANGUAGES=("en", PSEUDO_LOCALE))
    yield app.test_client()
    with app.app_context():
        db.engine.dispose()
