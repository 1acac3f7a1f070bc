"""Test helpers: HTML parsing and database plumbing."""
from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from bs4 import BeautifulSoup


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html5lib")


def normalize_spaces(value: str) -> str:
    return " ".join(value.split())


def result_ids(response) -> list[str]:
    """Service ids of the search results on a page, in rank order (CONTRACT §5)."""
    return [el["data-service-id"] for el in page(response).select("[data-service-id]")]


def postgres_url_for_worker(base_url: str, worker_id: str) -> str:
    """Give each xdist worker its own database (created on first use) so runs don't collide."""
    import psycopg

    parts = urlsplit(base_url.replace("postgresql+psycopg://", "postgresql://"))
    base_db = parts.path.lstrip("/") or "test"
    name = re.sub(r"[^a-z0-9_]", "_", f"{base_db}_lo_{worker_id}".lower())
    admin_url = urlunsplit(parts._replace(path=f"/{base_db}"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(scheme="postgresql+psycopg", path=f"/{name}"))
