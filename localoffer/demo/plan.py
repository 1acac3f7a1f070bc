"""The demo data set: every provider's offers written out as ServiceSpecs, then spread
across statuses and review dates the way a real directory drifts."""
from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from .content import KINDS
from .content.providers import PROVIDERS
from .specs import ServiceSpec
from .writer import Listing, write_service

SENDIASS_KEY = "essex-sendiass/sendiass/county:essex"

# Shares of the set, as a real directory looks: a few listings closed or hidden, and some
# that nobody has reviewed for over a year.
TEMPORARILY_CLOSED, INACTIVE, ARCHIVED, UNPUBLISHED, WITH_ALERT = 0.03, 0.02, 0.01, 0.02, 0.03
STALE, NEVER_REVIEWED = 0.15, 0.02

CLOSURE_ALERTS = (
    "Temporarily closed until {date} while the building is refurbished.",
    "Sessions are paused while we recruit new volunteers. Please call for updates.",
    "Closed to new referrals until {date} because of staff shortages. Existing families are not affected.",
    "Closed until {date}. We are sorry for any inconvenience.",
)
NOTICE_ALERTS = (
    "Our phone line is very busy at the moment; email is the quickest way to reach us.",
    "From {date} sessions will start 30 minutes later.",
    "Bookings for the next school holidays open on {date}.",
    "We are moving to a new venue from {date}. Details will be posted here.",
)


def demo_listings() -> list[Listing]:
    listings: list[Listing] = []
    seen: set[str] = set()
    for provider in PROVIDERS:
        places_per_kind = Counter(o.kind for o in provider.offers for _ in o.targets())
        for offer in provider.offers:
            for target in offer.targets():
                label = f"/{offer.label}" if offer.label else ""
                key = f"{provider.key}/{offer.kind}{label}/{target.key}"
                if key in seen:
                    raise ValueError(f"two demo listings share the key {key!r}")
                seen.add(key)
                listings.append(Listing(key=key, provider=provider, offer=offer, kind=KINDS[offer.kind],
                                        target=target, several=places_per_kind[offer.kind] > 1))
    return listings


def build_demo_specs(today: date, sendiass_phone: str | None = None,
                     sendiass_url: str | None = None) -> list[ServiceSpec]:
    specs = [write_service(listing, today) for listing in demo_listings()]
    sendiass = next(s for s in specs if s.key == SENDIASS_KEY)
    _use_real_sendiass_contact(sendiass, sendiass_phone, sendiass_url)
    for spec in specs:
        if spec.organisation.id == sendiass.organisation.id:
            spec.organisation = sendiass.organisation
    finish(specs, today)
    return specs


def _use_real_sendiass_contact(spec: ServiceSpec, phone: str | None, url: str | None) -> None:
    """The site shows the configured SENDIASS helpline elsewhere; the listing must agree."""
    if phone:
        spec.phone = phone
    if url:
        spec.url = url
    spec.organisation = replace(spec.organisation, phone=phone or spec.organisation.phone,
                                website=url or spec.organisation.website)


def finish(specs: list[ServiceSpec], today: date) -> None:
    make_descriptions_distinct(specs)
    spread_statuses(specs, today)
    spread_reviews(specs, today)


def make_descriptions_distinct(specs: list[ServiceSpec]) -> None:
    """Two short listings of one kind can come out word for word the same; real providers
    never write identically, so add what makes each one different."""
    seen: set[str] = set()
    for spec in specs:
        extras = [
            f"Based in {spec.venues[0].town}." if spec.venues else "Available across Essex.",
            f"Run by {spec.organisation.name}.",
            spec.summary,
            f"Ref {spec.id.hex[:6].upper()}.",
        ]
        while spec.description in seen and extras:
            spec.description = f"{spec.description} {extras.pop(0)}".strip()
        seen.add(spec.description)


def _fraction(spec: ServiceSpec, salt: str) -> float:
    """A fixed number in [0, 1) for this listing, so its state never depends on the others."""
    digest = hashlib.sha256(f"{salt}:{spec.key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _date_text(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def spread_statuses(specs: list[ServiceSpec], today: date) -> None:
    closed = TEMPORARILY_CLOSED
    inactive = closed + INACTIVE
    archived = inactive + ARCHIVED
    hidden = archived + UNPUBLISHED
    for spec in specs:
        if spec.pinned:
            continue
        share = _fraction(spec, "status")
        rng = random.Random(f"status:{spec.key}")
        when = _date_text(today + timedelta(days=rng.randint(20, 90)))
        if share < closed:
            spec.status = "temporarily-closed"
            spec.alert = rng.choice(CLOSURE_ALERTS).format(date=when)
        elif share < inactive:
            spec.status = "inactive"
        elif share < archived:
            spec.status = "archived"  # taken out by staff, kept with its history
        elif share < hidden:
            spec.is_published = False
        elif share >= 1 - WITH_ALERT:
            spec.alert = rng.choice(NOTICE_ALERTS).format(date=when)


def spread_reviews(specs: list[ServiceSpec], today: date) -> None:
    for spec in specs:
        rng = random.Random(f"review:{spec.key}")
        share = 1.0 if spec.pinned else _fraction(spec, "review")
        if share < NEVER_REVIEWED:
            spec.last_reviewed = None
        elif share < NEVER_REVIEWED + STALE:
            spec.last_reviewed = today - timedelta(days=rng.randint(380, 1100))
        else:
            spec.last_reviewed = today - timedelta(days=rng.randint(0, 330))
