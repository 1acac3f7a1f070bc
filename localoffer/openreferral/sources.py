"""Reading a feed: a JSON file or an http(s) URL, one service, a list, or paged responses.

Only the standard library is used. A URL is read with a timeout and a size cap, and a paged
feed is followed page by page up to MAX_PAGES, so a broken or hostile feed cannot hang the
import or fill the memory.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import gettext as _

TIMEOUT_SECONDS = 30
MAX_BYTES = 50 * 1024 * 1024  # per page read from a URL
# A file is one the operator chose, and may be a whole directory: our own data package of
# 5,000 services is about 75 MB (parsing it takes about 370 MB of memory).
MAX_FILE_BYTES = 250 * 1024 * 1024
MAX_PAGES = 500
USER_AGENT = "EssexLocalOffer-ORUK-import/1.0"


class SourceError(Exception):
    """The source could not be read at all; the message is for the person running the import."""


@dataclass
class Feed:
    records: list = field(default_factory=list)
    pages: int = 1
    notes: list[str] = field(default_factory=list)


def read_feed(source: str) -> Feed:
    if source.lower().startswith(("http://", "https://")):
        return _read_url(source)
    if "://" in source:
        raise SourceError(_("Only files and http(s) addresses can be imported."))
    return Feed(records=records_in(_parse(_read_file(source), source)))


def _read_file(source: str) -> bytes:
    path = Path(source)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SourceError(_("The file is larger than %(mb)d MB.", mb=MAX_FILE_BYTES // (1024 * 1024)))
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(_("There is no file called %(name)s.", name=source)) from None
    except IsADirectoryError:
        raise SourceError(_("%(name)s is a folder, not a file.", name=source)) from None
    except OSError as error:
        raise SourceError(_("The file could not be read (%(reason)s).", reason=error.strerror or error)) from None


def _parse(data: bytes, where: str):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SourceError(_("%(where)s is not UTF-8 text.", where=where)) from None
    except json.JSONDecodeError as error:
        raise SourceError(_("%(where)s is not valid JSON (line %(line)d, column %(column)d).",
                            where=where, line=error.lineno, column=error.colno)) from None
    except RecursionError:
        raise SourceError(_("%(where)s is nested too deeply to read.", where=where)) from None


def records_in(data) -> list:
    """The service records in a parsed document: a list, a page ('contents', or 1.0's
    'content'), a data package (ours: `oruk export --format json`), or a single service object."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("resources"), list):
            return _package_services(data["resources"])
        for key in ("contents", "content"):
            if isinstance(data.get(key), list):
                return data[key]
        if "id" in data or "name" in data:
            return [data]
        if "openapi_url" in data:
            raise SourceError(_("This is the root ('/') of an Open Referral API, which lists no services: "
                                "import its /services address instead."))
    raise SourceError(_("No services found: expected a service, a list of services or a page "
                        "with 'contents'."))


def _package_services(resources: list) -> list:
    """The inline `services` resource of a data package. Packages that point at other files
    (such as the tabular CSV form of HSDS) are refused with what to do instead."""
    resources = [r for r in resources if isinstance(r, dict)]
    for resource in resources:
        if resource.get("name") == "services":
            if isinstance(resource.get("data"), list):
                return resource["data"]
            if str(resource.get("path", "")).lower().endswith(".csv") or resource.get("format") == "csv":
                break
            raise SourceError(_("This data package keeps its services in another file (%(path)s): import that "
                                "file instead.", path=str(resource.get("path", ""))[:200]))
    if any(str(r.get("path", "")).lower().endswith(".csv") or r.get("format") == "csv" for r in resources):
        raise SourceError(_("This is a tabular (CSV) data package. Only JSON can be imported: a service, a "
                            "list of services, a page of an ORUK API, or our JSON data package."))
    raise SourceError(_("No services found: this data package has no 'services' resource."))


def _fetch(url: str):
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        error.close()  # it holds the open response; leaving it to the collector leaks the socket
        raise SourceError(_("%(url)s answered with HTTP %(code)d.", url=url, code=error.code)) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise SourceError(_("%(url)s could not be reached (%(reason)s).", url=url, reason=reason)) from None
    if len(data) > MAX_BYTES:
        raise SourceError(_("%(url)s sent more than %(mb)d MB.", url=url, mb=MAX_BYTES // (1024 * 1024)))
    return _parse(data, url)


def _page_url(url: str, page: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    query.append(("page", str(page)))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _more_pages(data, page: int) -> bool:
    """Whether a paged response says there is a page after `page` (3.0 or 1.0 field names)."""
    if not isinstance(data, dict):
        return False
    last = data.get("last_page", data.get("last"))
    if last is True:
        return False
    total = data.get("total_pages", data.get("totalPages"))
    if isinstance(total, int) and not isinstance(total, bool):
        return page < total
    return last is False


def _read_url(url: str) -> Feed:
    data = _fetch(url)
    feed = Feed(records=list(records_in(data)))
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    page = int(query["page"]) if query.get("page", "").isdigit() else 1
    while _more_pages(data, page) and data.get("contents", data.get("content")):
        if feed.pages >= MAX_PAGES:
            feed.notes.append(_("Stopped after %(pages)d pages; the rest of the feed was not read.",
                                pages=MAX_PAGES))
            break
        page += 1
        try:
            data = _fetch(_page_url(url, page))
            feed.records.extend(records_in(data))
        except SourceError as error:
            # The pages read so far are still worth importing; say where it stopped.
            feed.notes.append(_("Page %(page)d could not be read: %(reason)s", page=page, reason=error))
            break
        feed.pages += 1
    return feed
