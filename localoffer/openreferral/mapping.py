"""Reading values out of Open Referral UK records, whatever version or quality the feed is.

Feeds from other councils vary a lot: ids that are not UUIDs, ages of 100, times written
"9am", URLs without a scheme. Every helper here returns a clean value or None and never
raises, so one odd field never loses the rest of a record.
"""
from __future__ import annotations

import re
import uuid
from datetime import date, time

from ..vocab import (ACCESSIBILITY, BYDAY_TO_DAY, CATEGORIES, DELIVERY, NEEDS, QUADRANT_DISTRICTS,
                     QUADRANTS)

# Ids that are not UUIDs become stable UUIDs in this namespace, so importing the same feed
# twice gives the same ids (and so updates rather than duplicates).
ID_NAMESPACE = uuid.UUID("6c0f7c8e-2f6a-5b7e-9d55-0a1f3c0e4b21")
MAX_SOURCE_ID_CHARS = 200

# ORUK / HSDS status -> ours (vocab.STATUSES).
STATUS_MAP = {
    "active": "active",
    "temporarily closed": "temporarily-closed",
    "temporarily-closed": "temporarily-closed",
    "inactive": "inactive",
    "defunct": "inactive",
}

# The keys only the legacy ORUK 1.0 shape uses.
V1_KEYS = ("service_taxonomys", "regular_schedules", "eligibilitys", "holiday_schedules", "fundings",
           "reviews")


def text(value, limit: int | None = None) -> str:
    """A trimmed string (numbers allowed), '' for anything else; cut to `limit` characters."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return ""
    value = value.strip()
    return value[:limit] if limit else value


def items(value) -> list[dict]:
    """The objects in a list field; anything that is not a list of objects gives []."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def source_id(value) -> str | None:
    """A record id as text, or None when it is missing or not a plain value."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip() and len(value.strip()) <= MAX_SOURCE_ID_CHARS:
        return value.strip()
    return None


def our_id(value, *, scope: str = "") -> uuid.UUID | None:
    """The source's UUID unchanged; any other id as a deterministic uuid5 (per `scope`)."""
    sid = source_id(value)
    if sid is None:
        return None
    try:
        return uuid.UUID(sid)
    except ValueError:
        return uuid.uuid5(ID_NAMESPACE, f"{scope}:{sid}")


def child_id(parent: uuid.UUID, kind: str, value, position: int) -> uuid.UUID:
    """Id for a nested record: its own UUID if it has one, else stable from parent + position."""
    found = our_id(value, scope=f"{parent}:{kind}") if source_id(value) else None
    return found or uuid.uuid5(ID_NAMESPACE, f"{parent}:{kind}:{position}")


def whole_number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value == value and abs(value) < 10**6 else None  # NaN check
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,6}(\.\d+)?\s*", value):
        return int(float(value))
    return None


def money(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and value == value and 0 <= value < 10**7:
        return float(value)
    if isinstance(value, str):
        cleaned = value.strip().lstrip("£").replace(",", "")
        if re.fullmatch(r"\d{1,7}(\.\d{1,2})?", cleaned):
            return float(cleaned)
    return None


def coordinate(value, limit: float) -> float | None:
    """A latitude (limit 90) or longitude (limit 180); out-of-range values are dropped."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    return float(value) if -limit <= value <= limit else None


def a_date(value) -> date | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def a_time(value) -> time | None:
    """'10:00', '10:00:00', '10:00:00Z' or '10:00+01:00' -> 10:00 (feeds mean local time)."""
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?", value)
    if not match:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def web_address(value, limit: int = 500) -> str | None:
    """http(s) addresses only: anything else could be a script link on our pages."""
    value = text(value)
    if not value or len(value) > limit or any(c.isspace() for c in value):
        return None
    if re.match(r"(?i)https?://[^/\s]+\.[^/\s]+", value):
        return value
    return None


def email_address(value, limit: int = 255) -> str | None:
    value = text(value)
    if value and len(value) <= limit and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return value
    return None


def phone_number(value, limit: int = 50) -> str | None:
    value = text(value)
    return value if value and len(value) <= limit and re.search(r"\d", value) else None


def byday(value) -> str:
    """'MO,WE' kept in week order; unknown codes (and BYDAY prefixes like '1MO') dropped."""
    codes = {c.strip().upper()[-2:] for c in text(value).split(",")}
    return ",".join(c for c in BYDAY_TO_DAY if c in codes)


def status(value) -> str | None:
    return STATUS_MAP.get(text(value).lower())


def is_free_wording(value) -> bool:
    return bool(re.search(r"\bfree\b", text(value), re.IGNORECASE)) and not re.search(
        r"\b(not free|charge|£\s*[1-9])", text(value), re.IGNORECASE)


# -- ORUK 1.0 -------------------------------------------------------------------------------

def is_v1(record: dict) -> bool:
    return any(key in record for key in V1_KEYS) or any(
        "physical_addresses" in (sal.get("location") or {}) for sal in items(record.get("service_at_locations")))


def from_v1(record: dict) -> dict:
    """The legacy ORUK 1.0 service reshaped as ORUK 3.0, so one mapping reads both."""
    out = dict(record)
    eligibility = items(record.get("eligibilitys"))
    mins = [n for n in (whole_number(e.get("minimum_age")) for e in eligibility) if n is not None]
    maxes = [n for n in (whole_number(e.get("maximum_age")) for e in eligibility) if n is not None]
    if "minimum_age" not in out and mins:
        out["minimum_age"] = min(mins)
    if "maximum_age" not in out and maxes:
        out["maximum_age"] = max(maxes)
    wording = [text(e.get("eligibility")) for e in eligibility if text(e.get("eligibility"))]
    if wording and not out.get("eligibility_description"):
        out["eligibility_description"] = "\n".join(wording)
    if "regular_schedules" in record or "schedules" in record:
        schedules = items(record.get("schedules")) + items(record.get("regular_schedules"))
        for sal in items(record.get("service_at_locations")):
            schedules += items(sal.get("regular_schedules"))
        out["schedules"] = schedules
    if "service_taxonomys" in record or "attributes" in record:
        out["attributes"] = items(record.get("attributes")) + [
            {"id": st.get("id"), "taxonomy_term": _v1_term(st.get("taxonomy"))}
            for st in items(record.get("service_taxonomys")) if isinstance(st.get("taxonomy"), dict)]
    if "languages" in record:
        out["languages"] = [{"id": lang.get("id"), "name": lang.get("language") or lang.get("name"),
                             "code": lang.get("code")} for lang in items(record.get("languages"))]
    if "service_areas" in record:
        out["service_areas"] = [dict(area, name=area.get("name") or area.get("service_area"))
                                for area in items(record.get("service_areas"))]
    if "service_at_locations" in record:
        out["service_at_locations"] = [_v1_service_at_location(sal)
                                       for sal in items(record.get("service_at_locations"))]
    return out


def _v1_term(taxonomy: dict) -> dict:
    return {"id": taxonomy.get("id"), "name": taxonomy.get("name"),
            "taxonomy": taxonomy.get("vocabulary"), "code": taxonomy.get("id")}


def _v1_service_at_location(sal: dict) -> dict:
    location = dict(sal.get("location") or {})
    if "physical_addresses" in location:
        location["addresses"] = [dict(a, address_type="physical") for a in items(location["physical_addresses"])]
    if "accessibility_for_disabilities" in location:
        location["accessibility"] = [{"id": a.get("id"), "description": a.get("accessibility")}
                                     for a in items(location["accessibility_for_disabilities"])]
    return dict(sal, location=location)


# -- taxonomies -----------------------------------------------------------------------------

VOCABULARIES = {"need": NEEDS, "category": CATEGORIES, "delivery": DELIVERY, "accessibility": ACCESSIBILITY}
# Words in a feed's taxonomy name that say which of our vocabularies a term belongs to.
TAXONOMY_HINTS = {"need": ("need", "send"), "category": ("categor",), "delivery": ("deliver",),
                  "accessibility": ("accessib",)}

# Names other directories use for our terms, beyond our own labels (compared normalised).
SYNONYMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("need", "autism"): ("autism", "autistic spectrum disorder", "autism spectrum disorder",
                         "autistic spectrum condition", "autism spectrum condition", "asd", "asc",
                         "autism and asd"),
    ("need", "adhd"): ("adhd", "add", "attention deficit hyperactivity disorder", "attention deficit disorder"),
    ("need", "slcn"): ("slcn", "speech language and communication needs", "speech language and communication",
                       "speech and language", "speech and language difficulties", "communication difficulties"),
    ("need", "semh"): ("semh", "social emotional and mental health", "social emotional and mental health needs",
                       "social emotional and mental health difficulties"),
    ("need", "mld"): ("mld", "moderate learning difficulties", "moderate learning difficulty"),
    ("need", "sld"): ("sld", "severe learning difficulties", "severe learning difficulty"),
    ("need", "pmld"): ("pmld", "profound and multiple learning difficulties",
                       "profound and multiple learning difficulty"),
    ("need", "spld"): ("spld", "specific learning difficulties", "specific learning difficulty", "dyslexia",
                       "dyspraxia", "dyscalculia"),
    ("need", "vi"): ("vi", "visual impairment", "vision impairment", "sight impairment", "visually impaired"),
    ("need", "hi"): ("hi", "hearing impairment", "deaf", "deafness", "hearing loss"),
    ("need", "msi"): ("msi", "multi sensory impairment", "multisensory impairment", "deafblind"),
    ("need", "pd"): ("pd", "physical disability", "physical disabilities"),
    ("need", "medical"): ("medical needs", "medical conditions", "medical or health conditions"),
    ("category", "education"): ("education", "education and early years", "early years"),
    ("category", "health"): ("health", "health and therapies", "therapies"),
    ("category", "mental-health"): ("mental health", "mental health and wellbeing", "emotional wellbeing"),
    ("category", "social-care"): ("social care", "short breaks", "social care and short breaks"),
    ("category", "leisure"): ("leisure", "leisure activities", "clubs and activities", "holiday activities"),
    ("category", "adulthood"): ("preparing for adulthood", "post 16"),
    ("category", "travel"): ("travel and transport", "transport"),
    ("category", "advice"): ("information advice and support", "information and advice", "advice and support"),
    ("category", "disagreements"): ("complaints and disagreement resolution", "disagreement resolution"),
}


def normalise_name(value) -> str:
    value = text(value).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", value).split())


def _by_name() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for taxonomy, vocab in VOCABULARIES.items():
        for code, label in vocab.items():
            found.setdefault(normalise_name(str(label)), (taxonomy, code))
    for key, names in SYNONYMS.items():
        for name in names:
            found.setdefault(normalise_name(name), key)
    return found


def match_term(term: dict) -> tuple[str, str] | None:
    """(our taxonomy, our code) for a feed's taxonomy term when the match is clear, else None.

    Clear means: the feed names one of our vocabularies and uses its slug as the code (our own
    feed, or one copying it), or the term's name is one of our labels or a known synonym."""
    detail = term.get("taxonomy_detail")
    taxonomy = normalise_name(term.get("taxonomy") or (detail.get("name") if isinstance(detail, dict) else ""))
    code = text(term.get("code")) or text(term.get("term"))
    for ours, hints in TAXONOMY_HINTS.items():
        if any(h in taxonomy for h in hints) and code in VOCABULARIES[ours]:
            return ours, code
    return _by_name().get(normalise_name(term.get("name")))


def quadrant_for_area(name) -> tuple[str | None, str | None]:
    """(quadrant, district) for an area named as a quadrant ('North East Essex', 'mid') or an
    Essex district ('Tendring'); (None, None) otherwise."""
    key = normalise_name(name)
    if not key:
        return None, None
    for slug, label in QUADRANTS.items():
        if key in (normalise_name(slug), normalise_name(str(label))):
            return slug, None
    for slug, districts in QUADRANT_DISTRICTS.items():
        for district in districts:
            if key == normalise_name(district):
                return slug, district
    return None, None


def is_countywide_area(name) -> bool:
    return normalise_name(name) in ("essex", "countywide", "county wide", "all of essex", "whole of essex")
