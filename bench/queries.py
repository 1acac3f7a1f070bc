"""A fixed, realistic query set: what Essex parents type and tick, with filters and facets.
Deterministic (seeded) so numbers compare between versions."""
from __future__ import annotations

import random

WORDS = [
    "autism", "asd", "speech therapy", "salt", "short breaks", "respite", "holiday club", "swimming",
    "dyslexia", "adhd", "mental health", "camhs", "sensory", "deaf", "wheelchair", "football",
    "ehcp", "sendiass", "transport", "parent support", "youth club", "college", "supported internship",
    "occupational therapy", "physio", "play scheme", "after school", "epilepsy", "downs syndrome",
    "anxiety", "tribunal", "mediation", "portage", "nursery", "music", "drama", "trampoline",
    "autsim", "speach therapy", "dyslexa",  # typos families make
]
NEEDS = ["autism", "adhd", "slcn", "semh", "mld", "sld", "pmld", "spld", "vi", "hi", "msi", "pd", "medical"]
QUADRANTS = ["north-east", "mid", "south", "west"]
DELIVERY = ["in-person", "online", "telephone", "home-visit"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TOWNS = ["Chelmsford", "Colchester", "Basildon", "Harlow", "Braintree", "CM1", "SS14", "CO4", "Clacton-on-Sea"]


def query_set(n: int = 300, seed: int = 2019) -> list[dict[str, object]]:
    rng = random.Random(seed)
    queries = []
    for _ in range(n):
        q: dict[str, object] = {}
        if rng.random() < 0.75:
            q["q"] = rng.choice(WORDS)
        if rng.random() < 0.5:
            q["need"] = rng.sample(NEEDS, rng.choice([1, 1, 2]))
        if rng.random() < 0.5:
            q["quadrant"] = rng.sample(QUADRANTS, rng.choice([1, 1, 2]))
        if rng.random() < 0.4:
            q["age"] = rng.randint(0, 25)
        if rng.random() < 0.15:
            q["cost"] = "free"
        if rng.random() < 0.15:
            q["delivery"] = [rng.choice(DELIVERY)]
        if rng.random() < 0.1:
            q["day"] = [rng.choice(DAYS)]
        if rng.random() < 0.1:
            q["near"] = rng.choice(TOWNS)
        if rng.random() < 0.1:
            q["page"] = 2
        queries.append(q)
    return queries
