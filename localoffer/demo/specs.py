"""Plain descriptions of demo records, built without touching the database.

The generator produces these; `loader` turns them into model rows. Keeping the two apart
means the text and the spread of filters can be checked (and reused for load tests) cheaply.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, time

# Fixed namespaces: the same demo record always gets the same id, so loading is idempotent.
DEMO_NAMESPACE = uuid.UUID("6f1d2c1e-5b1a-4c55-9a53-3e8f0d1b7a01")
SYNTHETIC_NAMESPACE = uuid.UUID("0b8e8f3a-94c2-4a0e-8d7e-52c4d6a9e1f2")


def demo_id(kind: str, key: str, namespace: uuid.UUID = DEMO_NAMESPACE) -> uuid.UUID:
    return uuid.uuid5(namespace, f"{kind}:{key}")


@dataclass(frozen=True)
class OrganisationSpec:
    id: uuid.UUID
    name: str
    description: str
    website: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class VenueSpec:
    id: uuid.UUID
    name: str
    address_1: str
    town: str
    postcode: str
    district: str
    quadrant: str
    latitude: float
    longitude: float
    accessibility_notes: str = ""
    # Accessibility slugs the building itself offers (vocab.ACCESSIBILITY).
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContactSpec:
    name: str
    title: str
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class ScheduleSpec:
    """A weekly pattern (freq 'WEEKLY', byday 'MO,WE') or one dated session (dtstart)."""

    freq: str | None
    byday: str = ""
    dtstart: date | None = None
    opens_at: time | None = None
    closes_at: time | None = None
    term: str = "all-year"
    valid_from: date | None = None
    valid_to: date | None = None
    description: str = ""
    venue_id: uuid.UUID | None = None


@dataclass(frozen=True)
class CostSpec:
    option: str
    amount: float | None
    amount_description: str


@dataclass
class ServiceSpec:
    id: uuid.UUID
    key: str
    organisation: OrganisationSpec
    name: str
    summary: str
    description: str
    url: str | None
    email: str | None
    phone: str | None
    min_age: int
    max_age: int
    eligibility: str
    access_route: str
    how_to_access: str
    waiting_time: str
    waiting_weeks: int | None
    is_free: bool
    fees_description: str
    is_countywide: bool
    needs: list[str]
    categories: list[str]
    delivery: list[str]
    accessibility: list[str]
    # (quadrant, district or None) pairs; empty for countywide services.
    areas: list[tuple[str, str | None]]
    venues: list[VenueSpec]
    contacts: list[ContactSpec] = field(default_factory=list)
    schedules: list[ScheduleSpec] = field(default_factory=list)
    costs: list[CostSpec] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)  # (name, code)
    answers: list[tuple[str, str]] = field(default_factory=list)  # (question slug, answer)
    status: str = "active"
    is_published: bool = True
    alert: str = ""
    last_reviewed: date | None = None
    # Must-have listings keep their open status when statuses are spread across the set.
    pinned: bool = False
