"""Validating API responses against the Open Referral UK schemas copied into tests/api/schemas
(see ATTRIBUTION.md there). Nothing here reads outside the project."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "schemas"
API = "/api/oruk"

# jsonschema checks `uri` only with an optional package; this is the same rule the ORUK
# validator applies: an absolute URI with a scheme and, for web addresses, a host.
FORMATS = FormatChecker()


@FORMATS.checks("uri", raises=ValueError)
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and (parts.scheme not in ("http", "https") or bool(parts.netloc)) and " " not in value


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    # The modular taxonomy schema refers to "taxonomy_term.json" by relative path.
    registry = Registry().with_resource("taxonomy_term.json",
                                        Resource.from_contents(_schema("taxonomy_term.json"), DRAFT202012))
    return Draft202012Validator(_schema(name), registry=registry, format_checker=FORMATS)


def schema_errors(data: object, name: str) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(data)]


def assert_valid(data: object, name: str) -> None:
    errors = schema_errors(data, name)
    assert not errors, f"{name}: " + "; ".join(errors[:10])


PAGE_FIELDS = {"total_items": int, "total_pages": int, "page_number": int, "size": int,
               "first_page": bool, "last_page": bool, "empty": bool, "contents": list}


def assert_page(data: dict, item_schema: str) -> None:
    """An HSDS 3 page: every page field with the right type, then every item against its schema."""
    for name, kind in PAGE_FIELDS.items():
        assert isinstance(data.get(name), kind), f"page field {name!r} missing or not {kind.__name__}"
    assert data["size"] == len(data["contents"])
    assert data["empty"] == (not data["contents"])
    for item in data["contents"]:
        assert_valid(item, item_schema)
