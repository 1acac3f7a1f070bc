"""`flask backup` and the documented restore (README "Backups and restore"): backup, a new
instance from the copy, the same data, a rebuilt index."""
from __future__ import annotations

import sqlite3
import stat

import pytest

from localoffer.extensions import db
from localoffer.search import index_drift, rebuild_index
from tests.conftest import make_test_app
from tests.factories import make_service
from tests.survey.conftest import add_response, make_wave
from tests.wall.conftest import make_post

from ..search.conftest import search
from ..staff.accounts import make_user


def _rows(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}  # noqa: S608


def _instance(tmp_path, name: str):
    return make_test_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / name / 'localoffer.db'}",
                         SEARCH_INDEX_DIR=str(tmp_path / name / "search_index"))


def test_backup_and_restore_give_a_new_instance_the_same_data_and_a_working_search(tmp_path):
    (tmp_path / "live").mkdir()
    live = _instance(tmp_path, "live")
    with live.app_context():
        assert live.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
        make_service("Sensory swimming", description="Quiet sessions in Chelmsford")
        make_post("The sensory swim is brilliant", status="published")
        add_response(make_wave(), {"who": "parent-carer"}, text="More sessions please")
        make_user("admin")
        rebuild_index()
        # A writer is part-way through a transaction: the backup holds only what was committed.
        writer = sqlite3.connect(tmp_path / "live" / "localoffer.db", isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE service SET name = 'not committed'")
        result = live.test_cli_runner().invoke(args=["backup", str(tmp_path / "backups" / "2026-12-06.db")])
        writer.execute("ROLLBACK")
        writer.close()
        assert result.exit_code == 0, result.output
        assert "integrity ok" in result.output and "service 1, wall_post 1, survey_response 1" in result.output
        db.session.remove()
        db.engine.dispose()
    backup = tmp_path / "backups" / "2026-12-06.db"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # it holds personal data
    assert not backup.with_name(backup.name + "-wal").exists()  # one self-contained file

    # Restore, as the README says: copy the file into a new instance, upgrade, rebuild the index.
    (tmp_path / "restored").mkdir()
    (tmp_path / "restored" / "localoffer.db").write_bytes(backup.read_bytes())
    restored = _instance(tmp_path, "restored")
    with restored.app_context():
        runner = restored.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
        assert search("swimming").total == 1
        assert index_drift().is_clean
        db.session.remove()
        db.engine.dispose()
    assert _rows(tmp_path / "restored" / "localoffer.db") == _rows(tmp_path / "live" / "localoffer.db")


def test_backup_refuses_to_overwrite_and_explains_postgresql(tmp_path):
    app = make_test_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'a.db'}", SEARCH_INDEX_DIR=str(tmp_path))
    (tmp_path / "exists.db").write_text("keep me")
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "exists.db")])
    assert result.exit_code == 1 and "already exists" in result.output
    assert (tmp_path / "exists.db").read_text() == "keep me"
    postgres = make_test_app(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:1/none",
                             SEARCH_INDEX_DIR=str(tmp_path))
    result = postgres.test_cli_runner().invoke(args=["backup", str(tmp_path / "pg.db")])
    assert result.exit_code == 1 and "pg_dump" in result.output


@pytest.fixture(autouse=True)
def _sqlite_only():
    import os

    if os.environ.get("DB_BACKEND") == "postgres":
        pytest.skip("the SQLite backup (PostgreSQL uses pg_dump)")
