"""Where demo services happen: real Essex towns from the gazetteer, with invented venues.

Town names, coordinates, districts and quadrants all come from `localoffer.reference`;
venues, street numbers and the inward half of each postcode are invented but plausible.
"""
from __future__ import annotations

import math
import random
from functools import lru_cache

from ..reference import all_places, lookup_place
from ..search.query import Place
from ..vocab import QUADRANT_DISTRICTS
from .specs import VenueSpec, demo_id

# The towns demo services are held in, by Essex County Council district. The first town in
# each district is its main town and gets most services.
TOWNS_BY_DISTRICT: dict[str, tuple[str, ...]] = {
    "Colchester": ("Colchester", "Stanway", "Wivenhoe", "Tiptree", "West Mersea", "Highwoods"),
    "Tendring": ("Clacton-on-Sea", "Harwich", "Frinton-on-Sea", "Walton-on-the-Naze", "Brightlingsea",
                 "Manningtree", "Jaywick", "Dovercourt"),
    "Braintree": ("Braintree", "Witham", "Halstead", "Coggeshall", "Great Notley", "Silver End"),
    "Chelmsford": ("Chelmsford", "South Woodham Ferrers", "Great Baddow", "Springfield", "Broomfield",
                   "Writtle"),
    "Maldon": ("Maldon", "Heybridge", "Burnham-on-Crouch", "Tollesbury", "Southminster"),
    "Basildon": ("Basildon", "Billericay", "Wickford", "Pitsea", "Laindon"),
    "Brentwood": ("Brentwood", "Shenfield", "Ingatestone", "Hutton"),
    "Castle Point": ("Canvey Island", "Benfleet", "Thundersley", "Hadleigh"),
    "Rochford": ("Rayleigh", "Rochford", "Hockley", "Hullbridge", "Great Wakering"),
    "Epping Forest": ("Loughton", "Epping", "Waltham Abbey", "Ongar", "Buckhurst Hill", "Chigwell"),
    "Harlow": ("Harlow", "Old Harlow", "Church Langley", "Great Parndon"),
    "Uttlesford": ("Saffron Walden", "Great Dunmow", "Stansted Mountfitchet", "Thaxted", "Takeley"),
}

# Dialling codes by district, with the towns that differ from their district's usual code.
DIALLING_CODES = {
    "Colchester": "01206", "Tendring": "01255", "Braintree": "01376", "Chelmsford": "01245",
    "Maldon": "01621", "Basildon": "01268", "Brentwood": "01277", "Castle Point": "01268",
    "Rochford": "01702", "Epping Forest": "01992", "Harlow": "01279", "Uttlesford": "01799",
}
TOWN_DIALLING_CODES = {
    "Halstead": "01787", "Great Dunmow": "01371", "Thaxted": "01371", "Takeley": "01279",
    "Stansted Mountfitchet": "01279", "Tiptree": "01621", "Billericay": "01277",
    "Rayleigh": "01268", "Hullbridge": "01702", "Ongar": "01277",
    "Manningtree": "01206", "Brightlingsea": "01206", "Wivenhoe": "01206",
}

# Where the nearest district centroid is not the town's real postcode district.
TOWN_POSTCODES = {
    "Braintree": "CM7", "Coggeshall": "CO6", "Brightlingsea": "CO7", "South Woodham Ferrers": "CM3",
    "Tollesbury": "CM9",
}

STREETS = (
    "High Street", "Station Road", "Church Lane", "London Road", "Mill Lane", "Queen's Road",
    "Victoria Road", "The Avenue", "Park Road", "Chapel Street", "Crown Street", "Manor Road",
    "King's Road", "Brook Street", "North Street", "West Street", "Market Place", "School Lane",
    "Springfield Road", "Hall Road", "Broadway", "Newland Street", "Coronation Avenue",
    "Priory Road", "Windmill Close", "Orchard Way", "Meadow Drive", "Clarence Road",
)
SAINTS = ("Mary", "Peter", "John", "Michael", "Andrew", "Margaret", "Luke", "Botolph", "Paul", "Nicholas")
# Letters never used in the inward half of a UK postcode.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Venue types: (name template, whether the building is usually a modern accessible one).
VENUE_TYPES: dict[str, tuple[tuple[str, ...], bool]] = {
    "library": (("{town} Library",), True),
    "leisure": (("{town} Leisure Centre", "{town} Sports Centre", "{town} Swimming Pool"), True),
    "hub": (("{town} Family Hub", "{town} Children and Family Centre"), True),
    "community": (("{town} Community Centre", "{town} Village Hall", "{town} Community Hub"), False),
    "church": (("St {saint}'s Church Hall", "{town} Methodist Church Hall", "{town} United Reformed Church"), False),
    "clinic": (("{town} Health Centre", "{town} Children's Clinic", "{town} Community Hospital"), True),
    "youth": (("{town} Youth Centre", "The Hangout Youth Centre, {town}"), False),
    "office": (("{org_short}, {town}",), True),
    "school": (("{org_short}",), True),
    "college": (("{org_short}, {town} campus",), True),
    "outdoor": (("{town} Country Park", "{town} Recreation Ground"), False),
    "stables": (("Brook Farm Stables, near {town}", "Hill Farm Riding Centre, near {town}"), False),
    "waterside": (("{town} Sailing Club", "{town} Quay Boathouse"), False),
    # A registered children's home used only for short breaks: a house, not a hall.
    "short-breaks-home": (("{org_short} House, {town}", "The Willows Short Breaks Home, {town}",
                           "Oak Lodge Short Breaks House, {town}"), True),
}

ACCESS_NOTES = {
    "step-free": ("Step-free entrance from the car park.", "Level access through the main doors.",
                  "Ramp to the side entrance; the front has two steps."),
    "accessible-toilet": ("Accessible toilet on the ground floor.", "Accessible toilet just off the main hall."),
    "changing-places": ("Changing Places toilet with a ceiling hoist and adult-sized changing bench.",),
    "hearing-loop": ("Hearing loop at reception.", "Induction loop in the main room."),
    "parking": ("Blue Badge bays right outside the entrance.", "Free parking, with disabled bays near the door."),
    "quiet-space": ("A quiet room is available if anyone needs a break.",),
}


@lru_cache(maxsize=1)
def ecc_postcodes() -> tuple[Place, ...]:
    districts = {d for ds in QUADRANT_DISTRICTS.values() for d in ds}
    return tuple(p for p in all_places("postcode") if p.district in districts)


@lru_cache(maxsize=None)
def town(name: str) -> Place:
    """The gazetteer entry for one of our towns; a missing town is a bug in this module."""
    place = lookup_place(name)
    if place is None or place.kind != "town":
        raise LookupError(f"{name!r} is not in the gazetteer")
    return place


@lru_cache(maxsize=None)
def outward_code(town_name: str) -> str:
    """The town's postcode district: the Essex one nearest its centre, unless we know better."""
    if town_name in TOWN_POSTCODES:
        return TOWN_POSTCODES[town_name]
    here = town(town_name)

    def distance(p: Place) -> float:
        return math.hypot(p.latitude - here.latitude, (p.longitude - here.longitude) * 0.62)

    return min(ecc_postcodes(), key=distance).name


def all_towns() -> list[str]:
    return [t for towns in TOWNS_BY_DISTRICT.values() for t in towns]


def main_towns() -> list[str]:
    return [towns[0] for towns in TOWNS_BY_DISTRICT.values()]


def towns_in_quadrant(quadrant: str) -> list[str]:
    return [t for d in QUADRANT_DISTRICTS[quadrant] for t in TOWNS_BY_DISTRICT[d]]


def dialling_code(town_name: str) -> str:
    return TOWN_DIALLING_CODES.get(town_name) or DIALLING_CODES[town(town_name).district]


def phone_number(rng: random.Random, town_name: str) -> str:
    """A phone number in the town's dialling code. The local part starts with 0, which is
    never issued in the UK, so no real household or business can be rung by mistake."""
    return f"{dialling_code(town_name)} 0{rng.randint(10000, 99999)}"


def mobile_number(rng: random.Random) -> str:
    """Ofcom's range reserved for drama: never a real mobile."""
    return f"07700 900{rng.randint(0, 999):03d}"


def venue(town_name: str, venue_type: str, org_short: str = "", namespace_key: str = "") -> VenueSpec:
    """A venue of a type in a town. The same (town, type, name) is the same venue, so
    several services can share a library or a family hub."""
    place = town(town_name)
    templates, modern = VENUE_TYPES[venue_type]
    seed = random.Random(f"venue-name:{town_name}:{venue_type}:{org_short}")
    if town_name in main_towns():
        templates = tuple(t for t in templates if "Village" not in t)
    name = seed.choice(templates).format(town=town_name, org_short=org_short, saint=seed.choice(SAINTS))
    key = f"{namespace_key}{town_name}:{name}"
    rng = random.Random(f"venue:{key}")
    number = rng.randint(1, 180)
    street = rng.choice(STREETS)
    address = f"{number} {street}" if rng.random() < 0.75 else street
    postcode = (f"{outward_code(town_name)} {rng.randint(1, 9)}"
                f"{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}")
    features = _venue_features(rng, modern)
    notes = " ".join(rng.choice(ACCESS_NOTES[f]) for f in features if f in ACCESS_NOTES)
    return VenueSpec(
        id=demo_id("location", key),
        name=name, address_1=address, town=town_name, postcode=postcode,
        district=place.district, quadrant=place.quadrant,
        # A little jitter so venues in one town do not sit on one map pin.
        latitude=round(place.latitude + rng.uniform(-0.008, 0.008), 5),
        longitude=round(place.longitude + rng.uniform(-0.012, 0.012), 5),
        accessibility_notes=notes, features=features,
    )


def _venue_features(rng: random.Random, modern: bool) -> tuple[str, ...]:
    # (chance in a modern public building, chance in an older hall)
    chances = {"step-free": (0.9, 0.5), "accessible-toilet": (0.85, 0.45), "parking": (0.7, 0.4),
               "hearing-loop": (0.45, 0.15)}
    found = [f for f, (new, old) in chances.items() if rng.random() < (new if modern else old)]
    if modern and rng.random() < 0.25:
        found.append("changing-places")
    if rng.random() < 0.3:
        found.append("quiet-space")
    return tuple(found)
