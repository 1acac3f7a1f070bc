"""Turn what a family types in the "near" box (a town or a postcode) into a map point.

The data is `essex_places.csv` in this package: Essex towns and larger villages (plus the
neighbouring Southend-on-Sea and Thurrock towns families also type) and every postcode
district that covers Essex. A full postcode resolves to its district's centroid: that is
precise enough to sort services by distance and never needs a network look-up.
"""
from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..search.query import Place

# Nothing a family types as a place is this long; anything longer is not a place.
MAX_PLACE_CHARS = 100
EARTH_RADIUS_MILES = 3958.8

# Outward code (the part before the space): area letters, district digits, optional letter.
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_OUTWARD_ONLY = re.compile(_OUTWARD, re.ASCII)
# Written without a space, the inward code is always exactly three characters (digit, two
# letters), so "CM112AB" is CM11 2AB and "CM11AA" is CM1 1AA.
_FULL_COMPACT = re.compile(rf"({_OUTWARD})([0-9][A-Z]{{2}})", re.ASCII)
# The start of an inward code after a space: "CM1 1", "CM1 1A", "CM1 1AA".
_INWARD_PART = re.compile(r"[0-9](?:[A-Z]{1,2})?", re.ASCII)


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    text = resources.files(__package__).joinpath("essex_places.csv").read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text))
    return tuple({column: (value or "").strip() for column, value in row.items()} for row in rows)


@lru_cache(maxsize=1)
def _places() -> tuple[Place, ...]:
    # Imported here, not at the top: the search package imports this module, and importing
    # it back at load time would make the two packages' import order matter.
    from ..search.query import Place

    return tuple(
        Place(
            name=row["name"],
            kind=row["kind"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            district=row["district"],
            quadrant=row["quadrant"],
        )
        for row in _rows()
    )


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    return {
        row["name"]: tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        for row in _rows()
    }


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], dict[str, Place]]:
    """(town key -> place, outward code -> place). Town keys include every alias."""
    towns: dict[str, Place] = {}
    postcodes: dict[str, Place] = {}
    aliases = _aliases()
    for place in _places():
        if place.kind == "postcode":
            postcodes[place.name.upper()] = place
            continue
        for spelling in (place.name, *aliases.get(place.name, ())):
            towns.setdefault(place_key(spelling), place)
    return towns, postcodes


def place_key(text: str) -> str:
    """How a town name is compared: case, accents, punctuation, hyphens and spacing ignored,
    and "Saint" treated as "St", so "St. Osyth", "ST OSYTH" and "saint osyth" all match."""
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " and ")
    # Apostrophes join ("D'Arcy" -> "darcy"); every other non-alphanumeric separates words.
    text = re.sub(r"['\u2019`]", "", text)
    words = re.sub(r"[^0-9a-z]+", " ", text, flags=re.ASCII).split()
    return " ".join("st" if w == "saint" else w for w in words)


def _outward_code(text: str) -> str | None:
    """The outward code of a full or partial postcode, or None if the text is not one."""
    words = re.sub(r"[^0-9A-Z]+", " ", text.upper(), flags=re.ASCII).split()
    if len(words) == 1:
        full = _FULL_COMPACT.fullmatch(words[0])
        if full:
            return full.group(1)
        return words[0] if _OUTWARD_ONLY.fullmatch(words[0]) else None
    # Where the family typed a space (or hyphen), it marks the split: "CM1 1AA", "CM11 2",
    # and "CM1 12AB" is not a postcode at all.
    if len(words) == 2 and _OUTWARD_ONLY.fullmatch(words[0]) and _INWARD_PART.fullmatch(words[1]):
        return words[0]
    return None


def _clean(text: str) -> str | None:
    """Text fit to look up, or None. Invisible formatting characters that come with
    copy and paste (zero-width spaces, direction marks) are dropped; control characters
    such as NUL never appear in a real place name, so the text is refused."""
    text = unicodedata.normalize("NFKC", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        if category.startswith("C") and not ch.isspace():
            return None
        kept.append(ch)
    return "".join(kept)


def lookup_place(text: str) -> Place | None:
    """The gazetteer entry for a town, alias, postcode or outward code; None if unknown.

    Never raises: the text comes straight from a search box."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_PLACE_CHARS:
        return None
    text = _clean(text)
    if text is None:
        return None
    towns, postcodes = _index()
    outward = _outward_code(text)
    if outward is not None:
        found = postcodes.get(outward)
        return replace(found) if found else None
    key = place_key(text)
    found = towns.get(key)
    if found is None and key.endswith(" essex"):
        # "Witham, Essex" is how some people write an address.
        found = towns.get(key.removesuffix(" essex"))
    # A copy, so a caller changing it cannot corrupt the shared gazetteer.
    return replace(found) if found else None


def all_places(kind: str | None = None) -> list[Place]:
    """Every place in file order, or only towns / only postcode districts."""
    return [replace(p) for p in _places() if kind is None or p.kind == kind]


def place_aliases(name: str) -> tuple[str, ...]:
    """Other spellings of a town, as listed in the gazetteer (empty if none)."""
    return _aliases().get(name, ())


def distance_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in miles: plenty accurate across one county."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))
