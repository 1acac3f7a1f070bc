"""The words of the demo data set: kinds of service and how providers describe them."""
from __future__ import annotations

from ..kind import Kind
from . import adulthood, advice, care_travel, education, health, leisure, wellbeing


def _by_key(*modules) -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for module in modules:
        for kind in module.KINDS:
            if kind.key in kinds:
                raise ValueError(f"duplicate kind {kind.key!r}")
            kinds[kind.key] = kind
    return kinds


KINDS: dict[str, Kind] = _by_key(education, health, wellbeing, care_travel, leisure, adulthood, advice)
