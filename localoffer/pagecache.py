"""Rendered search pages, kept so a repeated search costs a lookup instead of a render.

Rendering the search page (20 result cards, five filter groups of GOV.UK checkboxes) costs
far more than the search itself. Families repeat the same searches (the same need and area
ticked, the same words), so each worker keeps recent pages in a small LRU.

Safety: a cached page must never show what the database no longer allows (a service hidden
a moment ago) and never show one visitor anything personal to another. So:

- The key holds everything the page is made from: the search index version the results came
  from (`SearchResults.version`; a backend that cannot give one is never cached), the changes
  committed but not yet in the index (the outbox: a save that the index lags behind changes
  the key, and the page is rendered afresh, re-reading the rows from the database), today's
  date (seasonal listings come and go at midnight), the language, the site address and the
  query string exactly as sent (so everything the page echoes back, like a mistyped age or
  the links to other languages, is the same for every request under one key).
- Per-request parts are placeholders in the stored page, filled in for each response: the
  CSRF token (the visitor's own) and the CSP nonce (new every response).
- Pages personal to a visitor are never cached or served from the cache: a signed-in member
  of staff, a message waiting to be shown (flash), or a results page listing a service that
  is on the visitor's shortlist (its button says "Remove").
- Entries also expire after PAGE_CACHE_SECONDS, as a last guard against changes made behind
  the application's back (SQL typed into the database by hand).

The cache lives in each worker process: two workers never disagree because their keys hold
the index version, and a change seen by either changes both their keys. Nothing here needs
sharing between processes or nodes.
"""
from __future__ import annotations

import hashlib
import hmac
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from flask import Flask, Response, current_app, g, request, session
from flask_babel import get_locale

EXTENSION = "localoffer.pagecache"
_RENDERING = "localoffer.pagecache.rendering"  # request.environ: render with placeholders
MAX_QUERY_STRING = 1000  # longer query strings (never made by the site itself) are not cached


@dataclass(frozen=True)
class CachedPage:
    body: bytes  # UTF-8: half the memory of a str holding any non-ASCII character
    mimetype: str
    stored_at: float


class PageCache:
    def __init__(self, size: int, seconds: float):
        self.size = size
        self.seconds = seconds
        self._pages: OrderedDict[tuple, CachedPage] = OrderedDict()

    def get(self, key: tuple) -> CachedPage | None:
        page = self._pages.get(key)
        if page is None:
            return None
        if time.monotonic() - page.stored_at > self.seconds:
            del self._pages[key]
            return None
        self._pages.move_to_end(key)
        return page

    def put(self, key: tuple, body: str, mimetype: str) -> CachedPage:
        page = CachedPage(body.encode(), mimetype, time.monotonic())
        if self.size > 0:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return page

    def clear(self) -> None:
        self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)


def _placeholder(app: Flask, what: str) -> str:
    """A marker no visitor can guess (so none can type it into a page), the same in every
    process that shares the secret key."""
    digest = hmac.new(str(app.secret_key).encode(), f"page-cache:{what}".encode(), hashlib.sha256).hexdigest()
    return f"lo{what}{digest[:24]}"


def init_app(app: Flask) -> None:
    """Call after CSRF and security are set up: wraps their template globals so a page being
    cached gets placeholders instead of this request's token and nonce."""
    # Pages of about 20 KB: 512 of them are about 10 MB per worker.
    app.config.setdefault("PAGE_CACHE_SIZE", 512)
    app.config.setdefault("PAGE_CACHE_SECONDS", 300)
    app.extensions[EXTENSION] = PageCache(int(app.config["PAGE_CACHE_SIZE"]),
                                          float(app.config["PAGE_CACHE_SECONDS"]))
    real_csrf = app.jinja_env.globals["csrf_token"]
    real_nonce = app.jinja_env.globals["csp_nonce"]
    csrf_mark, nonce_mark = _placeholder(app, "csrf"), _placeholder(app, "nonce")

    def csrf_token() -> str:
        return csrf_mark if request.environ.get(_RENDERING) else real_csrf()

    def csp_nonce() -> str:
        return nonce_mark if request.environ.get(_RENDERING) else real_nonce()

    app.jinja_env.globals.update(csrf_token=csrf_token, csp_nonce=csp_nonce)
    # Flask-WTF also puts csrf_token in every template's context; this processor runs after it.
    app.context_processor(lambda: {"csrf_token": csrf_token})
    app.extensions[EXTENSION + ".marks"] = (csrf_mark.encode(), real_csrf, nonce_mark.encode(), real_nonce)


def cache() -> PageCache:
    return current_app.extensions[EXTENSION]


def page_key(kind: str, version: str | None, personal: bool = False) -> tuple | None:
    """The key this request's page is cached under, or None if it must not be cached
    (`personal`: the caller knows the page differs for this visitor)."""
    if version is None or personal or current_app.extensions[EXTENSION].size <= 0:
        return None
    if len(request.query_string) > MAX_QUERY_STRING or _is_personal():
        return None
    from .search.sync import pending_marker

    return (kind, version, pending_marker(), date.today().isoformat(), str(get_locale() or ""),
            request.scheme, request.host, request.script_root, request.path, request.query_string)


def _is_personal() -> bool:
    return bool(g.get("staff_session") or g.get("user") or session.get("_flashes"))


def cached_response(key: tuple | None) -> Response | None:
    if key is None:
        return None
    page = cache().get(key)
    return _respond(page) if page is not None else None


def store_response(key: tuple, render, mimetype: str) -> Response:
    """Render the page with placeholders (`render()` returns the body), keep it, and answer
    this request from it."""
    request.environ[_RENDERING] = True
    try:
        body = render()
    finally:
        request.environ.pop(_RENDERING, None)
    return _respond(cache().put(key, body, mimetype))


def _respond(page: CachedPage) -> Response:
    body = page.body
    if page.mimetype == "text/html":
        csrf_mark, real_csrf, nonce_mark, real_nonce = current_app.extensions[EXTENSION + ".marks"]
        if csrf_mark in body:
            body = body.replace(csrf_mark, real_csrf().encode())
        body = body.replace(nonce_mark, real_nonce().encode())
    return Response(body, mimetype=page.mimetype)
