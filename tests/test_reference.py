"""The shipped reference data: the Essex gazetteer and the SEND synonym list.

Pure Python, no app: these protect what families type into the "near" and search boxes.
"""
from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localoffer.reference.gazetteer import all_places, distance_miles, lookup_place, place_aliases
from localoffer.reference.synonyms import load_synonym_groups, synonym_groups
from localoffer.vocab import QUADRANT_DISTRICTS, QUADRANTS

NEIGHBOURING_AUTHORITIES = ("Southend-on-Sea", "Thurrock")
ESSEX_DISTRICTS = {d for districts in QUADRANT_DISTRICTS.values() for d in districts}


# --- Towns --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "typed, name, district, quadrant",
    [
        ("Chelmsford", "Chelmsford", "Chelmsford", "mid"),
        ("colchester", "Colchester", "Colchester", "north-east"),
        ("BASILDON", "Basildon", "Basildon", "south"),
        ("Harlow", "Harlow", "Harlow", "west"),
        ("Clacton-on-Sea", "Clacton-on-Sea", "Tendring", "north-east"),
        ("Great Dunmow", "Great Dunmow", "Uttlesford", "west"),
        ("Canvey Island", "Canvey Island", "Castle Point", "south"),
        ("Grays", "Grays", "Thurrock", "south"),
        ("Stanford-le-Hope", "Stanford-le-Hope", "Thurrock", "south"),
    ],
)
def test_a_town_resolves_to_its_district_and_quadrant(typed, name, district, quadrant):
    place = lookup_place(typed)
    assert place is not None
    assert (place.name, place.kind, place.district, place.quadrant) == (name, "town", district, quadrant)


@pytest.mark.parametrize(
    "typed, name",
    [
        ("Southend", "Southend-on-Sea"),
        ("Walden", "Saffron Walden"),
        ("Frinton", "Frinton-on-Sea"),
        ("Walton", "Walton-on-the-Naze"),
        ("Leigh", "Leigh-on-Sea"),
        ("Canvey", "Canvey Island"),
        ("Dunmow", "Great Dunmow"),
        ("Chipping Ongar", "Ongar"),
    ],
)
def test_common_short_names_resolve_to_the_town(typed, name):
    assert lookup_place(typed).name == name


@pytest.mark.parametrize(
    "typed",
    ["saffron-walden", "Saffron  Walden", "  saffron walden  ", "SAFFRON WALDEN", "Saffron Walden, Essex"],
)
def test_spacing_hyphens_case_and_county_do_not_matter(typed):
    assert lookup_place(typed).name == "Saffron Walden"


@pytest.mark.parametrize("typed", ["St Osyth", "ST OSYTH", "St. Osyth", "st.osyth", "Saint Osyth"])
def test_saint_can_be_written_any_way(typed):
    assert lookup_place(typed).name == "St Osyth"


def test_apostrophes_are_optional():
    assert lookup_place("Tolleshunt Darcy").name == "Tolleshunt D'Arcy"
    assert lookup_place("tolleshunt d\u2019arcy").name == "Tolleshunt D'Arcy"


def test_every_town_name_and_alias_finds_that_town_and_no_other():
    for place in all_places("town"):
        for spelling in (place.name, *place_aliases(place.name)):
            assert lookup_place(spelling).name == place.name, spelling


# --- Postcodes ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "typed, district_code",
    [
        ("CM1", "CM1"),
        ("cm1", "CM1"),
        ("cm1 1aa", "CM1"),
        ("CM11AA", "CM1"),
        ("CM1 1", "CM1"),
        ("CM1 1A", "CM1"),
        ("  cm1   1aa ", "CM1"),
        ("CM11", "CM11"),
        ("CM11 2AB", "CM11"),
        ("cm112ab", "CM11"),
        ("CM11 2", "CM11"),
        ("CM77 7AA", "CM77"),
        ("CO15 1AB", "CO15"),
        ("SS0 7AA", "SS0"),
        ("SS17 0AA", "SS17"),
        ("RM17 6AA", "RM17"),
        ("IG10 1AA", "IG10"),
        ("EN9 1AA", "EN9"),
        ("CB10 1AA", "CB10"),
    ],
)
def test_a_full_or_partial_postcode_resolves_to_its_district(typed, district_code):
    place = lookup_place(typed)
    assert place is not None
    assert (place.kind, place.name) == ("postcode", district_code)


def test_invisible_characters_from_copy_and_paste_are_ignored():
    assert lookup_place("CM1\u200b 1AA").name == "CM1"
    assert lookup_place("\u202eBraintree\ufeff").name == "Braintree"
    assert lookup_place("Saffron\u00a0Walden").name == "Saffron Walden"


def test_cm11_is_not_mistaken_for_cm1():
    assert lookup_place("CM11 2AB").district == "Basildon"
    assert lookup_place("CM1 12AB") is None  # not a real postcode shape
    assert lookup_place("CM1 2AB").district == "Chelmsford"


def test_every_postcode_district_covering_essex_is_known():
    expected = (
        [f"CM{n}" for n in (*range(0, 10), *range(11, 21), 22, 23, 24, 77)]
        + [f"CO{n}" for n in range(1, 17)]
        + [f"SS{n}" for n in (*range(0, 10), *range(11, 18))]
        + [f"RM{n}" for n in range(14, 21)]
        + ["IG7", "IG9", "IG10", "EN9", "CB10", "CB11"]
    )
    known = {p.name for p in all_places("postcode")}
    assert sorted(set(expected) - known) == []


@pytest.mark.parametrize(
    "code, town",
    [("CM1", "Chelmsford"), ("CO1", "Colchester"), ("CO15", "Clacton-on-Sea"), ("SS1", "Southend-on-Sea"),
     ("CB10", "Saffron Walden"), ("CM20", "Harlow"), ("SS14", "Basildon"), ("CM9", "Maldon"),
     ("RM17", "Grays"), ("EN9", "Waltham Abbey"), ("CO12", "Harwich"), ("SS6", "Rayleigh")],
)
def test_a_postcode_district_centre_is_near_its_main_town(code, town):
    postcode, place = lookup_place(code), lookup_place(town)
    assert postcode.district == place.district
    assert distance_miles(postcode.latitude, postcode.longitude, place.latitude, place.longitude) < 3


# --- Unknown and hostile input ------------------------------------------------------------

@pytest.mark.parametrize(
    "typed",
    ["", "   ", "Narnia", "London", "SW1A 1AA", "E1 6AN", "CM", "CM1 1AAA", "123", "essex",
     "x" * 10_000, "Chelmsford" * 20, "\x00", "CM1\x00\x00", "Harlow\x00", "\x1b[31mCM1", "🏠", "Ελλάδα",
     "<script>alert(1)</script>", "'; DROP TABLE place; --", "%00", "\ud800"],
)
def test_unknown_or_hostile_text_finds_nothing(typed):
    assert lookup_place(typed) is None


@pytest.mark.parametrize("value", [None, 42, b"CM1", ["CM1"]])
def test_non_text_finds_nothing(value):
    assert lookup_place(value) is None


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_place_or_nothing_never_an_error(typed):
    place = lookup_place(typed)
    assert place is None or place.kind in ("town", "postcode")


def test_changing_a_result_does_not_change_the_gazetteer():
    lookup_place("Witham").latitude = 0.0
    all_places()[0].name = "Changed"
    assert lookup_place("Witham").latitude == pytest.approx(51.80, abs=0.05)
    assert all_places()[0].name != "Changed"


# --- The data itself ----------------------------------------------------------------------

def test_there_are_enough_essex_towns():
    essex_towns = [p for p in all_places("town") if p.district in ESSEX_DISTRICTS]
    assert len(essex_towns) >= 90


def test_every_quadrant_and_district_has_towns_and_postcodes():
    for kind in ("town", "postcode"):
        places = all_places(kind)
        assert {p.quadrant for p in places} == set(QUADRANTS), kind
        assert ESSEX_DISTRICTS <= {p.district for p in places}, kind


def test_every_place_is_in_the_quadrant_of_its_district():
    quadrant_of = {d: q for q, districts in QUADRANT_DISTRICTS.items() for d in districts}
    quadrant_of.update({d: "south" for d in NEIGHBOURING_AUTHORITIES})
    for place in all_places():
        assert place.quadrant == quadrant_of.get(place.district), place


def test_every_place_is_inside_essex():
    for place in all_places():
        assert 51.45 <= place.latitude <= 52.1, place
        assert -0.05 <= place.longitude <= 1.35, place


def test_towns_and_postcode_districts_agree_on_where_each_district_is():
    """Catches a mistyped coordinate or district: every town is near a postcode district
    of the same council, and every postcode district is near one of that council's towns."""
    towns, postcodes = all_places("town"), all_places("postcode")

    def nearest(place, others):
        return min(distance_miles(place.latitude, place.longitude, o.latitude, o.longitude)
                   for o in others if o.district == place.district)

    for town in towns:
        assert nearest(town, postcodes) < 8, town
    for postcode in postcodes:
        assert nearest(postcode, towns) < 8, postcode


def test_place_names_are_unique():
    names = [p.name for p in all_places()]
    assert len(names) == len(set(names))


def test_all_places_can_be_filtered_by_kind():
    towns, postcodes = all_places("town"), all_places("postcode")
    assert {p.kind for p in towns} == {"town"} and {p.kind for p in postcodes} == {"postcode"}
    assert len(all_places()) == len(towns) + len(postcodes)
    assert all_places("village") == []


# --- Distances ----------------------------------------------------------------------------

def _between(a: str, b: str) -> float:
    first, second = lookup_place(a), lookup_place(b)
    return distance_miles(first.latitude, first.longitude, second.latitude, second.longitude)


def test_chelmsford_to_colchester_is_about_22_miles():
    assert 20 <= _between("Chelmsford", "Colchester") <= 24


def test_distances_are_symmetric_and_zero_to_itself():
    assert _between("Harlow", "Harwich") == pytest.approx(_between("Harwich", "Harlow"))
    assert _between("Maldon", "Maldon") == 0


def test_the_county_is_about_60_miles_across():
    assert 50 <= _between("Waltham Abbey", "Harwich") <= 65
    assert 4 <= _between("Basildon", "Billericay") <= 6


# --- SEND synonyms ------------------------------------------------------------------------

REQUIRED_GROUPS = [
    ("asd", "asc", "autism", "autistic", "autistic spectrum"),
    ("salt", "speech therapy", "speech and language therapy", "speech and language"),
    ("respite", "short breaks"),
    ("deaf", "hearing impairment", "hearing loss", "hard of hearing"),
    ("add", "adhd", "attention deficit"),
    ("ehcp", "ehc plan", "education health and care plan"),
    ("senco", "special educational needs coordinator"),
    ("ot", "occupational therapy"),
    ("physio", "physiotherapy"),
    ("camhs", "child and adolescent mental health", "emotional wellbeing"),
    ("semh", "social emotional mental health"),
    ("slcn", "speech language and communication needs"),
    ("blind", "visually impaired", "vision impairment", "sight loss"),
    ("pmld", "profound and multiple learning difficulties"),
    ("sld", "severe learning difficulties"),
    ("mld", "moderate learning difficulties"),
    ("dyslexia", "spld", "specific learning difficulty"),
    ("dyspraxia", "dcd"),
    ("wheelchair", "physical disability"),
    ("sendiass", "information advice and support"),
    ("pfa", "preparing for adulthood", "post 16"),
    ("holiday club", "holiday activities", "play scheme"),
    ("after school club", "breakfast club"),
    ("youth club", "youth group"),
    ("parent carer forum", "parent forum"),
    ("sensory processing", "sensory needs"),
    ("downs syndrome", "down syndrome"),
    ("cerebral palsy", "cp"),
    ("epilepsy", "seizures"),
    ("makaton", "signing", "signalong"),
    ("bsl", "british sign language", "sign language"),
    ("tribunal", "appeal", "mediation"),
    ("transport", "travel assistance", "travel training"),
    ("personal budget", "direct payments"),
]


def test_the_shipped_synonym_list_has_enough_groups():
    groups = synonym_groups()
    assert len(groups) >= 70
    assert all(len(group) >= 2 for group in groups)


@pytest.mark.parametrize("required", REQUIRED_GROUPS, ids=lambda g: g[0])
def test_everyday_send_terms_are_grouped_together(required):
    assert any(set(required) <= set(group) for group in synonym_groups()), required


def test_shipped_terms_are_tidy_and_each_in_one_group_only():
    seen: dict[str, tuple[str, ...]] = {}
    for group in synonym_groups():
        for term in group:
            assert term == " ".join(term.lower().split())
            assert term not in seen, f"{term!r} is in two groups"
            seen[term] = group


def test_no_line_of_the_shipped_list_is_silently_ignored():
    text = resources.files("localoffer.reference").joinpath("send_synonyms.txt").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert len(synonym_groups()) == len(lines)


def test_staff_edits_are_read_leniently(tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text(
        "\ufeff# a note for staff\n"
        "\n"
        "  SALT ,  Speech   Therapy, salt  \n"
        "lonely\n"
        ", ,\n"
        "respite, <script>alert(1)</script>\n"
        "   # an indented note\n"
        "down's syndrome, downs syndrome, post-16 ,\n",
        encoding="utf-8",
    )
    assert load_synonym_groups(path) == [
        ("salt", "speech therapy"),
        ("down's syndrome", "downs syndrome", "post-16"),
    ]


def test_an_empty_file_gives_no_groups(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert load_synonym_groups(path) == []


def test_callers_cannot_change_the_shipped_list():
    synonym_groups().clear()
    assert len(synonym_groups()) >= 70
