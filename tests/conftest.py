"""Shared fixtures.

The suite runs on SQLite by default. With TEST_DATABASE_URL set (make test does this in CI),
`DB_BACKEND=postgres` runs again, on PostgreSQL (one database per xdist worker), every test
that reaches the database under test (see pytest_collection_modifyitems).

Search behaviour tests (modules marked `search_backends`) run once per search backend:
Whoosh always, and the PostgreSQL backend too when the database is PostgreSQL. A test using
the `engine` fixture (Whoosh's own engine) or marked `whoosh_only` runs on Whoosh alone.
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from hypothesis import settings
from jinja2.bccache import Bucket, BytecodeCache
from sqlalchemy import text

from config import TestConfig
from localoffer import create_app
from localoffer.extensions import db

from .helpers import postgres_url_for_worker

# Hypothesis: each test sets its own small max_examples (the suite must stay within ~3 minutes).
# CI runs HYPOTHESIS_PROFILE=ci: the same examples every run (a failure is reproducible, never
# flaky) and no example database on disk.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates shared by every app the tests create (keyed by source checksum), so a
    fresh app per test does not spend half a second recompiling the GOV.UK macros."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _MemoryBytecodeCache()


def _share_url_builders() -> None:
    """Werkzeug compiles two small URL-building functions for every route of every app (with
    `ast` and `compile`): most of the cost of the fresh app each test makes. A builder depends
    only on the rule's parts and defaults, so the tests share one per rule across apps."""
    from werkzeug.routing.rules import Rule

    compile_builder = Rule._compile_builder
    builders: dict = {}

    def shared(rule: Rule, append_unknown: bool = True):
        key = (tuple(rule._trace), repr(sorted((rule.defaults or {}).items())),
               tuple((name, type(conv)) for name, conv in rule._converters.items()), append_unknown)
        if key not in builders:
            builders[key] = compile_builder(rule, append_unknown)
        return builders[key]

    Rule._compile_builder = shared

    # Parsing a rule's text is the other half: replay what it found (trace, converters,
    # arguments) for a rule text seen before, making fresh converters for this app's map.
    parse_rule = Rule._parse_rule
    parsed: dict = {}

    def replay(rule: Rule, text: str):
        if text not in parsed:
            trace_from, before = len(rule._trace), dict(rule._converters)
            parts = list(parse_rule(rule, text))
            converters = [(name, type(conv), conv) for name, conv in rule._converters.items() if name not in before]
            parsed[text] = (parts, rule._trace[trace_from:], converters)
            return parts
        parts, trace, converters = parsed[text]
        rule._trace.extend(trace)
        for name, kind, original in converters:
            fresh = copy.copy(original)
            fresh.map = rule.map
            rule._converters[name] = fresh
            rule.arguments.add(name)
        return parts

    Rule._parse_rule = replay


_share_url_builders()


def make_test_app(**overrides):
    overrides.setdefault("SEARCH_BACKEND", "whoosh")  # whatever the shell running the tests says
    app = create_app(TestConfig, **overrides)
    app.jinja_env.bytecode_cache = _TEMPLATES
    return app


def on_postgres() -> bool:
    return os.environ.get("DB_BACKEND") == "postgres"


def search_backends() -> list[str]:
    return ["whoosh", "postgres"] if on_postgres() else ["whoosh"]


def pytest_generate_tests(metafunc):
    if "search_backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("search_backends"):
        whoosh_only = "engine" in metafunc.fixturenames or metafunc.definition.get_closest_marker("whoosh_only")
        metafunc.parametrize("search_backend", ["whoosh"] if whoosh_only else search_backends(),
                             indirect=True, scope="module")


# The fixtures through which a test reaches the database under test.
DATABASE_FIXTURES = {"database_url", "second_postgres_url"}


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL pass runs only the tests that reach the database under test, and those
    marked `postgres_only` (skipped on SQLite). The rest (pure functions, and pages read from
    the SQLite demo that read-only tests share) ran, identically, in the SQLite pass."""
    if not on_postgres():
        needs_postgres = pytest.mark.skip(reason="needs PostgreSQL")
        for item in items:
            if item.get_closest_marker("postgres_only"):
                item.add_marker(needs_postgres)
        return
    keep, already_run = [], []
    for item in items:
        uses_database = DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        (keep if uses_database or item.get_closest_marker("postgres_only") else already_run).append(item)
    if already_run:
        config.hook.pytest_deselected(items=already_run)
        items[:] = keep


@pytest.fixture(scope="module")
def search_backend(request) -> str:
    """SEARCH_BACKEND for the apps a test makes (see the module docstring)."""
    return getattr(request, "param", "whoosh")


def _database_url(tmp_path_factory, worker_id: str) -> str:
    if on_postgres():
        return postgres_url_for_worker(os.environ["TEST_DATABASE_URL"], worker_id)
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    return _database_url(tmp_path_factory, worker_id)


def _create_schema() -> None:
    """Every table, from the models (and on PostgreSQL the search backend's tables too)."""
    if db.engine.dialect.name == "postgresql":
        from localoffer.search.postgres.schema import create_search_schema, drop_search_schema

        with db.engine.begin() as connection:
            drop_search_schema(connection)
            db.metadata.drop_all(connection)
            db.metadata.create_all(connection)
            create_search_schema(connection)
    else:
        db.drop_all()
        db.create_all()
    db.engine.dispose()  # leave no idle connections behind on PostgreSQL


@pytest.fixture(scope="session")
def _schema_app(database_url, tmp_path_factory):
    """One app per test session whose only job is to create the schema once."""
    app = make_test_app(SQLALCHEMY_DATABASE_URI=database_url,
                     SEARCH_INDEX_DIR=str(tmp_path_factory.mktemp("schema-index")))
    with app.app_context():
        _create_schema()
    return app


@pytest.fixture(scope="session")
def second_postgres_url(worker_id, tmp_path_factory):
    """A second PostgreSQL database with the schema, for read-only apps built once per module
    (they cannot share the worker's database, whose tables each test empties)."""
    url = postgres_url_for_worker(os.environ["TEST_DATABASE_URL"], f"{worker_id}_second")
    app = make_test_app(SQLALCHEMY_DATABASE_URI=url, SEARCH_INDEX_DIR=str(tmp_path_factory.mktemp("second-index")))
    with app.app_context():
        _create_schema()
    return url


def _empty_all_tables() -> None:
    """Before nearly every test: so one statement, children before parents, and DELETE, not
    TRUNCATE (which makes new files for 41 tables: 140 ms a test on PostgreSQL, against 5 ms)."""
    if db.engine.dialect.name == "postgresql":
        from localoffer.search.postgres.schema import TABLES

        tables = [*reversed(db.metadata.sorted_tables), *TABLES]
        db.session.execute(text("".join(f'DELETE FROM "{t.name}";' for t in tables)
                                # Numbering starts again at 1, as in a new database.
                                + "SELECT setval(c.oid, 1, false) FROM pg_class c JOIN pg_namespace n "
                                  "ON n.oid = c.relnamespace WHERE c.relkind = 'S' "
                                  "AND n.nspname = current_schema()"))
    else:
        db.session.commit()
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.executescript(
                "BEGIN IMMEDIATE;" + "".join(f'DELETE FROM "{t.name}";' for t in reversed(db.metadata.sorted_tables))
                + "COMMIT;")
        finally:
            raw.close()
        return
    db.session.commit()


def fresh_app(database_url, tmp_path, **overrides):
    """An app with empty tables and an empty search index of its own, in its app context
    (a generator for fixtures to yield from)."""
    app = make_test_app(SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(tmp_path / "index"), **overrides)
    with app.app_context():
        _empty_all_tables()
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(_schema_app, database_url, tmp_path, search_backend):
    """A fresh app with empty tables and an empty search index of its own, searching with
    the backend under test (Whoosh, and PostgreSQL too in search_backends modules)."""
    yield from fresh_app(database_url, tmp_path, SEARCH_BACKEND=search_backend)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory):
    """The full demo data set on its own SQLite database and index, built once per session.
    Read-only: tests that change data use `app` instead."""
    base = Path(tmp_path_factory.mktemp("demo"))
    app = make_test_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{base / 'demo.db'}",
                     SEARCH_INDEX_DIR=str(base / "index"))
    with app.app_context():
        db.create_all()
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    return app


@pytest.fixture
def demo_client(demo_app):
    with demo_app.app_context():
        yield demo_app.test_client()


# Staff users and the mail outbox, shared by every area's tests. The moderators have names so
# tests can check that staff names never reach public pages.
@pytest.fixture
def admin(app):
    from .staff.accounts import make_user

    return make_user("admin")


@pytest.fixture
def council(app):
    from .staff.accounts import make_user

    return make_user("council_moderator", name="Casey Council")


@pytest.fixture
def forum(app):
    from .staff.accounts import make_user

    return make_user("forum_moderator", name="Frankie Forum")


@pytest.fixture
def champion(app):
    from .staff.accounts import make_user

    return make_user("champion")


@pytest.fixture
def champion_client(app, champion):
    from .staff.accounts import client_for

    return client_for(app, champion)


@pytest.fixture
def outbox(app):
    from localoffer.mail import outbox as mail_outbox

    sent = mail_outbox()
    sent.clear()
    return sent


def pytest_terminal_summary(terminalreporter):
    """The reliability tests' numbers (requests sent, stored, errors), printed at the end of every
    run, CI included, whatever the outcome (they travel from xdist workers as user properties)."""
    lines = [value for reports in terminalreporter.stats.values() for report in reports
             if getattr(report, "when", None) == "call"
             for name, value in getattr(report, "user_properties", ()) if name == "reliability"]
    if lines:
        terminalreporter.section("reliability numbers")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def voice_demo_files(tmp_path_factory):
    """The whole demo (directory, staff accounts, family voice) in a SQLite file and an index
    folder, built once per session through the CLI. Apps of their own (a served site for the
    browser tests, a pseudo-locale app) open the same files: see `app_on_demo_files`."""
    from types import SimpleNamespace

    base = Path(tmp_path_factory.mktemp("voice-demo"))
    files = SimpleNamespace(base=base, database_url=f"sqlite:///{base / 'demo.db'}", index_dir=str(base / "index"))
    app = app_on_demo_files(files)
    with app.app_context():
        db.create_all()
    runner = app.test_cli_runner()
    for args in (["demo", "load"], ["search", "rebuild"], ["demo", "accounts"], ["demo", "voice"]):
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
    with app.app_context():
        db.engine.dispose()
    files.password = (base / "demo-password").read_text().strip()
    return files


def app_on_demo_files(files, **overrides):
    return make_test_app(SQLALCHEMY_DATABASE_URI=files.database_url, SEARCH_INDEX_DIR=files.index_dir,
                         INSTANCE_FOLDER=str(files.base), **overrides)
