"""Importing from an http(s) address: paged feeds are followed, failures are clear."""
from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from .helpers import FIXTURES, counts, run_import, service_count

SERVICES = [{"id": str(uuid.UUID(int=n)), "name": f"Service {n}", "status": "active"} for n in range(1, 6)]
PER_PAGE = 2


def _page(number: int) -> dict:
    total_pages = -(-len(SERVICES) // PER_PAGE)
    contents = SERVICES[(number - 1) * PER_PAGE:number * PER_PAGE]
    return {"total_items": len(SERVICES), "total_pages": total_pages, "page_number": number, "size": len(contents),
            "first_page": number == 1, "last_page": number >= total_pages, "empty": not contents,
            "contents": contents}


class _Feed(BaseHTTPRequestHandler):
    requested: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        parts = urlsplit(self.path)
        _Feed.requested.append(self.path)
        if parts.path == "/services":
            page = int(parse_qs(parts.query).get("page", ["1"])[0])
            self._send(200, json.dumps(_page(page)).encode())
        elif parts.path == "/v1":
            self._send(200, (FIXTURES / "v1-feed.json").read_bytes())
        elif parts.path == "/not-json":
            self._send(200, b"<html>Sorry</html>")
        else:
            self._send(404, b"{}")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def feed_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_paged_feed_is_followed_to_its_last_page(runner, feed_url):
    _Feed.requested.clear()
    result = run_import(runner, f"{feed_url}/services?per_page=2")
    assert result.exit_code == 0, result.output
    assert "Read 5 records from 3 page(s)." in result.output
    assert counts(result.output)["Created"] == 5 and service_count() == 5
    assert _Feed.requested == ["/services?per_page=2", "/services?per_page=2&page=2", "/services?per_page=2&page=3"]


def test_a_legacy_feed_can_be_read_from_a_url(runner, feed_url):
    result = run_import(runner, f"{feed_url}/v1")
    assert counts(result.output) == {"Created": 2, "Updated": 0, "Unchanged": 0, "Skipped": 1}


@pytest.mark.parametrize("path, message", [
    ("/missing", "answered with HTTP 404"),
    ("/not-json", "is not valid JSON"),
])
def test_a_url_that_cannot_be_read_fails_clearly(runner, feed_url, path, message):
    result = run_import(runner, f"{feed_url}{path}")
    assert result.exit_code != 0
    assert message in result.output and "Nothing was imported" in result.output


def test_an_unreachable_address_fails_clearly(runner):
    # Port 9 (discard) on localhost is closed on test machines: the connection is refused.
    result = run_import(runner, "http://127.0.0.1:9/services")
    assert result.exit_code != 0 and "could not be reached" in result.output


def test_other_schemes_are_refused(runner):
    result = run_import(runner, "file:///etc/passwd")
    assert result.exit_code != 0 and "Only files and http(s) addresses" in result.output
