"""Migrations build the schema the models describe, on SQLite and on PostgreSQL (where they
also build the PostgreSQL search backend's tables)."""
from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from config import TestConfig
from localoffer import create_app
from localoffer.extensions import db
from localoffer.search.postgres.schema import metadata as search_metadata

from .helpers import postgres_url_for_worker



@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path, worker_id):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'migrated.db'}"
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL is not set")
    url = postgres_url_for_worker(os.environ["TEST_DATABASE_URL"], f"migrations_{worker_id}")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def test_upgrade_builds_exactly_the_models_schema_and_downgrade_removes_it(empty_database_url, tmp_path):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=empty_database_url, SEARCH_INDEX_DIR=str(tmp_path / "ix"))
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            # On PostgreSQL the search backend's own tables are made by the migrations too.
            expected = [db.metadata, search_metadata] if conn.dialect.name == "postgresql" else db.metadata
            diffs = compare_metadata(MigrationContext.configure(conn), expected)
        assert diffs == [], f"models and migrations differ: {diffs}"
        upgrade()  # running again is a no-op
        downgrade(revision="base")
        tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        db.engine.dispose()
