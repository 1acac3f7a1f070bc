"""Reading the API's query parameters strictly: anything we cannot read is a 400 that says
which parameter is wrong, never a guess and never a 500."""
from __future__ import annotations

import uuid
from datetime import datetime

from werkzeug.datastructures import MultiDict

from ..data.oruk import METRES_PER_MILE, Near, ServiceFilters, parse_day
from ..models.base import as_utc
from ..reference.gazetteer import lookup_place

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_SEARCH_CHARS = 200
# A postcode with no proximity covers its part of Essex; proximity is in metres, as HSDS says.
MAX_PROXIMITY_METRES = 100 * METRES_PER_MILE


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def _one(args: MultiDict, name: str) -> str | None:
    value = args.get(name)
    if value is None:
        return None
    return value.strip()


def _whole_number(raw: str) -> int | None:
    # ASCII digits only ("²".isdigit() is true), and short enough to convert safely.
    if raw.isascii() and raw.isdigit() and len(raw) <= 12:
        return int(raw)
    return None


def _int(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    raw = _one(args, name)
    if raw is None or raw == "":
        return default
    value = _whole_number(raw)
    if value is None or not low <= value <= high:
        raise BadParameter(name, f"must be a whole number from {low} to {high}")
    return value


def page_args(args: MultiDict) -> tuple[int, int]:
    """(page, per_page). per_page above the maximum is cut to the maximum (the page's `size`
    says how many came back); zero, negative or non-numbers are a 400."""
    page = _int(args, "page", 1, 1, MAX_PAGE)
    raw = _one(args, "per_page") or ""
    if raw.isascii() and raw.isdigit() and (len(raw) > 12 or int(raw) > MAX_PER_PAGE):
        return page, MAX_PER_PAGE
    return page, _int(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)


def parse_uuid(value: str | None, name: str = "id") -> uuid.UUID:
    try:
        return uuid.UUID(str(value or "").strip())
    except ValueError:
        raise BadParameter(name, "must be a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2") from None


def _optional_uuid(args: MultiDict, name: str) -> uuid.UUID | None:
    raw = _one(args, name)
    return parse_uuid(raw, name) if raw else None


def _age(args: MultiDict, name: str) -> float | None:
    raw = _one(args, name)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadParameter(name, "must be a number of years") from None
    if not 0 <= value <= 150:
        raise BadParameter(name, "must be a number of years from 0 to 150")
    return value


def _datetime(args: MultiDict, name: str) -> datetime | None:
    raw = _one(args, name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace(" ", "+"))  # a "+" in a URL arrives as a space
    except ValueError:
        raise BadParameter(name, "must be an ISO 8601 date or date-time, like 2025-01-31T09:00:00Z") from None
    return as_utc(value)  # a time without an offset is taken as UTC


def _near(args: MultiDict) -> Near | None:
    postcode = _one(args, "postcode")
    raw_proximity = _one(args, "proximity")
    if not postcode:
        if raw_proximity:
            raise BadParameter("proximity", "needs a postcode")
        return None
    place = lookup_place(postcode)
    if place is None or place.kind != "postcode":
        raise BadParameter("postcode", "is not a postcode we know: use a postcode in or near Essex")
    metres = None
    if raw_proximity:
        try:
            metres = float(raw_proximity)
        except ValueError:
            raise BadParameter("proximity", "must be a distance in metres") from None
        if not 0 <= metres <= MAX_PROXIMITY_METRES:
            raise BadParameter("proximity", f"must be a distance in metres from 0 to {int(MAX_PROXIMITY_METRES)}")
    return Near(place.latitude, place.longitude, place.quadrant, metres)


def search_text(args: MultiDict) -> str:
    return " ".join((args.get("search") or "").split())[:MAX_SEARCH_CHARS]


def service_filters(args: MultiDict) -> ServiceFilters:
    """Everything but `search`, which the view runs through the search engine."""
    raw_day = _one(args, "day")
    byday = None
    if raw_day:
        byday = parse_day(raw_day)
        if byday is None:
            raise BadParameter("day", "must be a day of the week: MO, TU, WE, TH, FR, SA or SU")
    filters = ServiceFilters(
        term_id=_optional_uuid(args, "taxonomy_term_id"),
        taxonomy_id=_optional_uuid(args, "taxonomy_id"),
        organisation_id=_optional_uuid(args, "organization_id"),
        minimum_age=_age(args, "minimum_age"),
        maximum_age=_age(args, "maximum_age"),
        byday=byday,
        modified_after=_datetime(args, "modified_after"),
        near=_near(args),
    )
    return filters
