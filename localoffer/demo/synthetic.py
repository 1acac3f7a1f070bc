"""Extra generated services for load tests (`demo load --synthetic N`).

They are written by the same writer as the demo set, by invented providers, with ids in
their own namespace: the Nth synthetic service is always the same one, so asking for more
later adds only the difference.
"""
from __future__ import annotations

import random
from datetime import date
from functools import lru_cache

from ..workers import available_cores, fork_map, split
from . import places
from .content import KINDS
from .plan import finish
from .provider import Offer, Provider, Target
from .specs import SYNTHETIC_NAMESPACE, ServiceSpec
from .writer import Listing, write_service

# Kinds only the council or the NHS provide, or that a county has just one of (its SENDIASS,
# its parent carer forum): invented voluntary and independent providers don't offer them.
NOT_FOR_SYNTHETIC = {
    "sendiass", "parent-carer-forum", "council-complaints", "mediation", "disagreement-resolution",
    "home-to-school-travel", "post16-travel", "crisis-line", "nhs-complaints", "pfa-transition", "direct-payments",
    "family-link", "ehc-needs-assessment", "cwd-social-work", "camhs-wellbeing", "mhst-schools", "portage",
    "early-years-inclusion", "educational-psychology", "specialist-teachers-sensory", "medical-education",
    "salt", "occupational-therapy", "physiotherapy", "neurodevelopmental-assessment", "audiology",
    "wheelchair-service", "continence", "community-nursing", "ld-health-transition", "family-hub-send",
}
PLACE_WORDS = ("Blackwater", "Chelmer", "Colne", "Crouch", "Stour", "Roding", "Dengie", "Hylands", "Danbury",
               "Hainault", "Mersea", "Stort", "Pant", "Brain", "Ter", "Cam", "Lea", "Estuary", "Naze", "Rodings")
# (what the provider calls itself, how it writes, the sectors of kinds it offers)
PROVIDER_TYPES = (
    ("Family Support", "charity", {"advice", "community", "care"}),
    ("Inclusive Sports", "club", {"community"}),
    ("Parent Carers Network", "parent", {"advice", "community"}),
    ("Therapy Practice", "business", {"clinical", "education"}),
    ("Youth Project", "charity", {"community", "care"}),
    ("Short Breaks", "charity", {"care", "community"}),
    ("Holiday Club", "leisure", {"community"}),
    ("Community Trust", "charity", {"community", "care", "advice"}),
    ("Learning Centre", "college", {"education"}),
    ("Wellbeing Hub", "charity", {"clinical", "community", "advice"}),
)
PROVIDER_COUNT = 60
PARALLEL_FROM = 2000  # services; fewer are quicker to write than to start a second process
COUNTYWIDE_SHARE = 0.15


@lru_cache(maxsize=1)
def synthetic_providers() -> tuple[tuple[Provider, frozenset[str]], ...]:
    """Invented providers, each with the sectors it works in."""
    rng = random.Random("synthetic-providers")
    combos = [(p, t) for p in PLACE_WORDS for t in PROVIDER_TYPES]
    towns = places.all_towns()
    found = []
    for place, (noun, voice, sectors) in rng.sample(combos, PROVIDER_COUNT):
        name = f"{place} {noun}"
        provider = Provider(key=f"synthetic-{name.lower().replace(' ', '-')}", name=name, voice=voice,
                            town=rng.choice(towns), about=f"{name} works with families of children and "
                            f"young people with SEND.", has_website=rng.random() < 0.8)
        found.append((provider, frozenset(sectors)))
    return tuple(found)


def synthetic_listing(number: int) -> Listing:
    rng = random.Random(f"synthetic:{number}")
    kind = KINDS[rng.choice(sorted(k for k in KINDS if k not in NOT_FOR_SYNTHETIC))]
    provider = rng.choice([p for p, sectors in synthetic_providers() if kind.sector in sectors])
    if rng.random() < COUNTYWIDE_SHARE:
        target = Target("town", provider.town, True) if kind.venue else Target("county", "essex", True)
    else:
        target = Target("town", rng.choice(places.all_towns()), False)
    return Listing(key=f"synthetic/{number}", provider=provider, offer=Offer(kind=kind.key), kind=kind,
                   target=target, several=True, namespace=SYNTHETIC_NAMESPACE)


def _write_range(task: tuple[range, date]) -> list[ServiceSpec]:
    numbers, today = task
    return [write_service(synthetic_listing(n), today) for n in numbers]


def generate_synthetic(count: int, today: date) -> list[ServiceSpec]:
    """The first `count` synthetic services. Each is written from its own number alone, so
    large counts are written on every core; `finish` then sees them all, in order."""
    synthetic_providers()  # once, before any fork, so every process shares it
    processes = available_cores() if count >= PARALLEL_FROM else 1
    parts = split(range(count), processes)
    specs = [spec for part in fork_map(_write_range, [(p, today) for p in parts], processes) for spec in part]
    finish(specs, today)
    return specs
