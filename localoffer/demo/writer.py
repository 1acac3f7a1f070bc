"""Write one listing: a kind of service, offered by a provider somewhere, becomes a full
ServiceSpec with varied wording, completeness and classifications.

Every choice comes from a random generator seeded with the listing's key, so a listing reads
the same every time it is generated, whatever else is in the data set.
"""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date

from ..vocab import NEEDS, QUADRANT_DISTRICTS, QUADRANTS
from . import places
from .kind import ALL_NEEDS, Kind
from .provider import Offer, Provider, Target
from .schedules import DAY_NAMES, build_schedules, describe, format_time, timing_in_name
from .specs import (DEMO_NAMESPACE, ContactSpec, CostSpec, OrganisationSpec, ServiceSpec, VenueSpec,
                    demo_id)
from .wording import (LENGTH_WEIGHTS, LENGTHS, description, eligibility, fill, how_to_access, listing_name,
                      local_offer_answers, summary, waiting)

COMMUNITY_LANGUAGES = (("Polish", "pl"), ("Romanian", "ro"), ("Urdu", "ur"), ("Bengali", "bn"),
                       ("Lithuanian", "lt"), ("Portuguese", "pt"), ("Turkish", "tr"), ("Arabic", "ar"),
                       ("Punjabi", "pa"), ("Bulgarian", "bg"))
BSL = ("British Sign Language", "bfi")
FIRST_NAMES = ("Sarah", "James", "Priya", "Tomasz", "Aisha", "Joanne", "Kelly", "Darren", "Mohammed",
               "Oluwaseun", "Agnieszka", "Claire", "Gemma", "Ryan", "Nadia", "Lee", "Helen", "Marcus",
               "Sophie", "Andreea", "Imran", "Rachel", "Paul", "Fatima", "Becky", "Craig", "Emma", "Tunde")
LAST_NAMES = ("Smith", "Patel", "Kowalski", "Begum", "Jones", "Okafor", "Taylor", "Khan", "Brown", "Wright",
              "Ionescu", "Hughes", "Ahmed", "Clarke", "Walker", "Nowak", "Green", "Hussain", "Evans", "Mensah")
# Contact "titles" that are really teams: shown as the contact's name.
TEAM_WORDS = ("Team", "Helpline", "Point of Access", "Bookings", "Operations")
FREE_WORDING = ("Free.", "Free of charge.", "There is no charge for this service.", "")


@dataclass(frozen=True)
class Listing:
    """One listing to write: a kind offered by a provider at one target."""

    key: str
    provider: Provider
    offer: Offer
    kind: Kind
    target: Target
    # The provider has this kind in several places, so the name should say which.
    several: bool = False
    namespace: uuid.UUID = DEMO_NAMESPACE


def organisation_spec(provider: Provider, namespace: uuid.UUID = DEMO_NAMESPACE) -> OrganisationSpec:
    rng = random.Random(f"organisation:{provider.key}")
    domain = f"{provider.slug}.example.org.uk"
    return OrganisationSpec(
        id=demo_id("organisation", provider.key, namespace),
        name=provider.name,
        description=provider.about,
        website=f"https://www.{domain}" if provider.has_website else None,
        email=f"info@{domain}",
        phone=places.mobile_number(rng) if provider.voice == "parent" and not provider.has_website
        else places.phone_number(rng, provider.town),
    )


def write_service(listing: Listing, today: date) -> ServiceSpec:
    rng = random.Random(f"service:{listing.key}")
    kind, offer, provider, target = listing.kind, listing.offer, listing.provider, listing.target
    organisation = organisation_spec(provider, listing.namespace)
    domain = f"{provider.slug}.example.org.uk"

    venues = _venues(listing, rng)
    town = venues[0].town if venues else _home_town(listing)
    # Statutory services and hand-written flagships state their ages exactly.
    exact = kind.fixed_ages or offer.description is not None
    min_age, max_age = offer.ages or (kind.ages if exact else _ages(kind, rng))
    length = rng.choices(LENGTHS, LENGTH_WEIGHTS)[0]
    sparse = length == "sparse"

    phone = (places.mobile_number(rng) if provider.voice == "parent" and rng.random() < 0.6
             else places.phone_number(rng, town))
    ctx = {
        "town": town, "district": places.town(town).district, "area": _area_name(listing, town),
        "org": provider.name, "org_short": provider.short_name, "ages": f"{min_age} to {max_age}",
        "min_age": min_age, "max_age": max_age, "venue": venues[0].name if venues else "",
        "address": venues[0].address_1 if venues else "", "postcode": venues[0].postcode if venues else "",
        "phone": phone, "price": "",
    }
    # The name comes first: it may promise a day or a time ("Friday Night Club") that the
    # timetable then keeps.
    name = offer.name or listing_name(kind, provider, rng, ctx, target)
    if listing.several and target.scope == "town" and town not in name and not offer.name:
        name = f"{name} ({town})" if " – " in name else f"{name} – {town}"
    timing = timing_in_name(name)
    schedules = build_schedules(kind, rng, today, venues[0].id if venues else None, timing)
    # The least complete listings often leave times out; not when the name gives the day, and
    # never a holiday club's dates, which are the whole point of its listing.
    if sparse and not timing.day and kind.schedule != "holiday-dates" and rng.random() < 0.5:
        schedules = []
    ctx.update(when=describe(schedules), **_day_and_time(schedules))
    costs, is_free, fees = _costs(kind, rng, ctx)
    ctx["price"] = _money(costs[0].amount) if costs and costs[0].amount else ""

    access = offer.access or _pick_access(kind, rng)
    needs = sorted(offer.needs, key=list(NEEDS).index) if offer.needs else _needs(kind, rng)
    languages = _languages(kind, provider, rng, sparse)
    delivery = _delivery(kind, offer, rng, bool(venues), target)

    spec = ServiceSpec(
        id=demo_id("service", listing.key, listing.namespace),
        key=listing.key,
        organisation=organisation,
        name=name,
        summary=offer.summary or summary(kind, provider, rng, ctx, target, sparse),
        description=offer.description or description(kind, provider, rng, ctx, length),
        url=_url(provider, kind, rng, sparse),
        email=_email(domain, kind, access, rng, sparse),
        phone=phone if rng.random() < (0.6 if sparse else 0.9) else None,
        min_age=min_age, max_age=max_age,
        eligibility=eligibility(kind, rng, ctx, needs, access, sparse),
        access_route=access,
        how_to_access=how_to_access(kind, access, rng, sparse),
        is_free=is_free, fees_description=fees,
        is_countywide=target.countywide,
        needs=needs,
        categories=list(kind.categories),
        delivery=delivery,
        accessibility=_accessibility(kind, venues, languages, rng, sparse),
        areas=_areas(listing, town, rng),
        venues=venues,
        contacts=_contacts(kind, domain, town, rng, sparse),
        schedules=schedules,
        costs=costs,
        languages=languages,
        answers=local_offer_answers(kind, rng, ctx, sparse),
        pinned=offer.pinned,
        waiting_time="", waiting_weeks=None,
    )
    spec.waiting_time, spec.waiting_weeks = waiting(kind, access, rng)
    return spec


def _day_and_time(schedules) -> dict[str, str]:
    """{day} and {time} for the wording: the first weekly session's, or '' when there is none."""
    weekly = next((s for s in schedules if s.freq == "WEEKLY" and s.byday), None)
    if weekly is None:
        return {"day": "", "time": ""}
    return {"day": DAY_NAMES[weekly.byday.split(",")[0]],
            "time": format_time(weekly.opens_at) if weekly.opens_at else ""}


# --- where -------------------------------------------------------------------------

def _home_town(listing: Listing) -> str:
    if listing.target.scope == "town":
        return listing.target.place
    if listing.target.scope == "quadrant":
        return places.TOWNS_BY_DISTRICT[QUADRANT_DISTRICTS[listing.target.place][0]][0]
    return listing.provider.town


def _area_name(listing: Listing, town: str) -> str:
    if listing.target.scope == "quadrant":
        return str(QUADRANTS[listing.target.place])
    if listing.target.scope == "county":
        return "Essex"
    return places.town(town).district


def _venues(listing: Listing, rng: random.Random) -> list[VenueSpec]:
    kind, offer, target = listing.kind, listing.offer, listing.target
    venue_type = "school" if offer.venue_name else kind.venue
    if venue_type is None:
        return []
    own = offer.venue_name or listing.provider.short_name
    prefix = "synthetic:" if listing.namespace != DEMO_NAMESPACE else ""
    if target.scope == "town":
        return [places.venue(target.place, venue_type, own, prefix)]
    if target.scope == "quadrant":
        main = [places.TOWNS_BY_DISTRICT[d][0] for d in QUADRANT_DISTRICTS[target.place]]
        chosen = sorted(rng.sample(main, rng.randint(1, len(main))), key=main.index)
        return [places.venue(t, venue_type, own, prefix) for t in chosen]
    if venue_type == "office":
        return [places.venue(listing.provider.town, "office", own, prefix)]
    return []


def _areas(listing: Listing, town: str, rng: random.Random) -> list[tuple[str, str | None]]:
    target = listing.target
    if target.countywide:
        return []
    if target.scope == "quadrant":
        return [(target.place, None)]
    place = places.town(town)
    areas = [(place.quadrant, place.district)]
    neighbours = [d for d in QUADRANT_DISTRICTS[place.quadrant] if d != place.district]
    if neighbours and rng.random() < 0.2:
        areas.append((place.quadrant, rng.choice(neighbours)))
    return areas


# --- who for -----------------------------------------------------------------------

def _ages(kind: Kind, rng: random.Random) -> tuple[int, int]:
    """The kind's usual ages, or a provider's own narrower take on them."""
    low, high = kind.ages
    if rng.random() < 0.6:
        return low, high
    new_low = min(high, low + rng.choice((0, 0, 1, 2)))
    new_high = max(new_low, high - rng.choice((0, 1, 2, 3)))
    return (new_low, new_high) if new_high - new_low >= 2 else (low, high)


def _needs(kind: Kind, rng: random.Random) -> list[str]:
    if rng.random() < kind.all_needs_chance:
        return list(NEEDS)
    low, high = kind.need_count
    count = min(len(kind.needs), rng.randint(low, high))
    if kind.needs == ALL_NEEDS:
        chosen = rng.sample(kind.needs, count)
    else:
        # A kind's first need is what it is for (audiology is always for hearing).
        chosen = [kind.needs[0], *rng.sample(kind.needs[1:], count - 1)]
    return sorted(chosen, key=list(NEEDS).index)


def _pick_access(kind: Kind, rng: random.Random) -> str:
    weights = [3] + [1] * (len(kind.access) - 1)
    return rng.choices(kind.access, weights)[0]


# --- what it's like -----------------------------------------------------------------

def _delivery(kind, offer, rng, has_venue, target) -> list[str]:
    modes = list(offer.delivery or kind.delivery)
    modes += [m for m in kind.extra_delivery if m not in modes and rng.random() < 0.4]
    if not has_venue and target.scope == "county" and modes == ["in-person"]:
        modes.append("online")
    return modes


def _accessibility(kind, venues, languages, rng, sparse) -> list[str]:
    found = {f for v in venues for f in v.features}
    found |= {f for f in kind.service_features if rng.random() < 0.65}
    if BSL in languages:
        found.add("bsl")
    if sparse:
        found = {f for f in found if rng.random() < 0.5}
    return sorted(found)


def _languages(kind, provider, rng, sparse) -> list[tuple[str, str]]:
    found = [("English", "en")]
    chance = 0.35 if provider.voice in ("nhs", "council") else 0.12
    if not sparse and rng.random() < chance:
        found += rng.sample(COMMUNITY_LANGUAGES, rng.randint(1, 3))
    if "bsl" in kind.service_features or rng.random() < 0.06:
        found.append(BSL)
    return found


def _costs(kind, rng, ctx) -> tuple[list[CostSpec], bool, str]:
    priced = [CostSpec(option, _amount(rng, low, high), unit) for option, low, high, unit in kind.prices]
    if kind.cost == "free":
        extra = [c for c in priced if rng.random() < 0.7]  # for example paid places at a free club
        options = ([CostSpec("Free", None, "no charge")] if rng.random() < 0.6 else []) + extra
        wording = rng.choice(FREE_WORDING)
        if extra and kind.fees:
            wording = fill(rng.choice(kind.fees), {**ctx, "price": _money(extra[0].amount)})
        return options, True, wording
    fees = fill(rng.choice(kind.fees), {**ctx, "price": _money(priced[0].amount)}) if kind.fees and priced else ""
    if kind.cost == "mixed":
        priced = [CostSpec("Free for some families", 0.0, "ask us whether you qualify")] + priced
    return priced, False, fees


def _amount(rng: random.Random, low: float, high: float) -> float:
    value = rng.uniform(low, high)
    if value >= 100:
        return float(round(value / 10) * 10)
    return round(value * 2) / 2


def _money(amount: float | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"


def _url(provider, kind, rng, sparse) -> str | None:
    if not provider.has_website or rng.random() < (0.4 if sparse else 0.1):
        return None
    base = f"https://www.{provider.slug}.example.org.uk"
    return rng.choice((base, f"{base}/{kind.key}", f"{base}/services/{kind.key}"))


def _email(domain, kind, access, rng, sparse) -> str | None:
    if rng.random() < (0.5 if sparse else 0.25):
        return None
    options = [f"info@{domain}", f"hello@{domain}", f"{kind.key.split('-')[0]}@{domain}"]
    if access == "referral":
        options.append(f"referrals@{domain}")
    return rng.choice(options)


def _contacts(kind, domain, town, rng, sparse) -> list[ContactSpec]:
    count = 0 if sparse else rng.choices((0, 1, 2), (40, 45, 15))[0]
    found = []
    for _ in range(count):
        title = rng.choice(kind.contact_titles)
        if any(word in title for word in TEAM_WORDS):
            found.append(ContactSpec(name=title, title="", email=f"info@{domain}",
                                     phone=places.phone_number(rng, town)))
            continue
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        found.append(ContactSpec(
            name=f"{first} {last}", title=title,
            email=f"{first}.{last}@{domain}".lower() if rng.random() < 0.7 else None,
            phone=places.phone_number(rng, town) if rng.random() < 0.5 else None,
        ))
    return found
