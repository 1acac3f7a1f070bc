"""Cached search pages: repeated searches skip the render, yet a cached page never shows a
service that is hidden now (whichever process hid it, however far the index lags), never
shows one visitor's token, nonce or shortlist to another, and never holds a flash message."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from flask import g

from localoffer.extensions import db
from localoffer.models import Service
from localoffer.pagecache import cache

from ..factories import make_service

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def engine(app):
    return app.extensions["localoffer.search"]


def _nonce(response) -> str:
    return re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)


def _listed(response) -> list[str]:
    return re.findall(r'data-service-id="([^"]+)"', response.get_data(as_text=True))


def test_a_repeated_search_comes_from_the_cache_with_its_own_nonce_and_token(app, client):
    make_service("Riverside swimming club", needs=["autism"])
    first = client.get("/services?q=swimming")
    assert len(cache()) == 1
    second = client.get("/services?q=swimming")
    assert len(cache()) == 1  # answered from the cache, not rendered and stored again
    for response in (first, second):
        body = response.get_data(as_text=True)
        assert f'nonce="{_nonce(response)}"' in body  # the nonce this response's CSP allows
        assert "lononce" not in body and "locsrf" not in body  # no placeholder left behind
    assert _nonce(first) != _nonce(second)
    assert _listed(first) == _listed(second)


def test_every_visitor_gets_their_own_csrf_token_in_a_cached_page(app):
    service = make_service("Riverside swimming club")
    app.config["WTF_CSRF_ENABLED"] = True
    visitors, tokens = [app.test_client(), app.test_client()], []
    for visitor in visitors:  # the second page comes from the cache
        body = visitor.get("/services?q=swimming").get_data(as_text=True)
        tokens.append(re.search(r'name="csrf_token" value="([^"]+)"', body).group(1))
        # Flask-WTF keeps the token in `g`; these tests share one app context (so one `g`)
        # across requests, where a real server gives every request its own.
        g.pop("csrf_token", None)
    assert len(cache()) == 1 and tokens[0] != tokens[1]
    form = {"service_id": str(service.id), "next": "/services?q=swimming"}
    assert visitors[1].post("/shortlist/add", data={**form, "csrf_token": tokens[0]}).status_code == 400
    assert visitors[1].post("/shortlist/add", data={**form, "csrf_token": tokens[1]}).status_code == 302


def test_a_service_hidden_while_the_index_lags_is_not_shown(app, client, engine):
    kept = make_service("Riverside swimming club")
    hidden = make_service("Riverside swimming lessons")
    assert set(_listed(client.get("/services?q=riverside"))) == {str(kept.id), str(hidden.id)}
    # Another process is writing the index, so the save's own index update has to wait.
    with engine.store.write_lock(1.0):
        engine.writer_timeout = 0.05
        db.session.get(Service, hidden.id).is_published = False
        db.session.commit()
        assert _listed(client.get("/services?q=riverside")) == [str(kept.id)]
        assert str(hidden.id) not in client.get("/services.json?q=riverside").get_data(as_text=True)


EDIT_IN_ANOTHER_PROCESS = """
import sys
from config import TestConfig
from localoffer import create_app
from localoffer.extensions import db
from localoffer.models import Service

database, index = sys.argv[1:3]
app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database, SEARCH_INDEX_DIR=index)
with app.app_context():
    named = lambda name: db.session.scalars(db.select(Service).where(Service.name == name)).one()
    named("Riverside drama club").status = "inactive"
    named("Riverside swimming club").name = "Riverside swimming and kayak club"
    db.session.commit()  # and its own index update, in this process
"""


def test_an_edit_in_another_process_reaches_every_cached_page_at_once(app, client, engine, database_url):
    make_service("Riverside swimming club")
    make_service("Riverside drama club")
    before = client.get("/services?q=riverside")
    json_before = client.get("/services.json?q=riverside").get_json()
    assert len(_listed(before)) == 2 and json_before["total"] == 2
    done = subprocess.run([sys.executable, "-c", EDIT_IN_ANOTHER_PROCESS, database_url, str(engine.store.root)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    db.session.expire_all()
    # No sync step: the other process's save reached the index, and this one's next request sees it.
    assert len(_listed(client.get("/services?q=riverside"))) == 1
    assert client.get("/services.json?q=riverside").get_json()["total"] == 1
    assert client.get("/services.json?q=kayak").get_json()["total"] == 1


def test_a_page_listing_a_shortlisted_service_is_the_visitors_own(app, client):
    saved = make_service("Riverside swimming club")
    stranger = app.test_client()
    assert "Add to shortlist" in stranger.get("/services?q=riverside").get_data(as_text=True)
    response = client.post("/shortlist/add", data={"service_id": str(saved.id), "next": "/services?q=riverside"},
                           follow_redirects=True)
    body = response.get_data(as_text=True)
    assert "is on your shortlist" in body  # the flash message, never cached
    assert "Remove from shortlist" in body
    assert "Remove from shortlist" in client.get("/services?q=riverside").get_data(as_text=True)
    assert "Remove from shortlist" not in stranger.get("/services?q=riverside").get_data(as_text=True)


def test_the_json_search_is_cached_too(app, client):
    make_service("Riverside swimming club")
    first = client.get("/services.json?q=riverside")
    second = client.get("/services.json?q=riverside")
    assert first.get_data() == second.get_data()
    assert first.mimetype == second.mimetype == "application/json"
    assert len(cache()) == 1


def test_the_cache_can_be_turned_off(app, client):
    app.extensions["localoffer.pagecache"].size = 0
    make_service("Riverside swimming club")
    client.get("/services?q=riverside")
    assert len(cache()) == 0
