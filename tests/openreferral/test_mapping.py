"""How feed values are read: taxonomy terms, times, ids and places."""
from __future__ import annotations

import pytest

from localoffer.openreferral import mapping as m


@pytest.mark.parametrize("name, expected", [
    ("Autism", ("need", "autism")),
    ("Autistic Spectrum Disorder", ("need", "autism")),
    ("ASD", ("need", "autism")),
    ("Hearing Impairment", ("need", "hi")),
    ("Visual impairment", ("need", "vi")),
    ("Speech, Language & Communication Needs", ("need", "slcn")),
    ("Dyslexia", ("need", "spld")),
    ("Short Breaks", ("category", "social-care")),
    ("Education and early years", ("category", "education")),
    ("Youth Club", None),
    ("Counselling", None),
    ("", None),
])
def test_terms_match_our_needs_and_categories_only_when_clear(name, expected):
    assert m.match_term({"name": name}) == expected


def test_a_feed_using_our_slugs_in_a_named_vocabulary_matches_by_code():
    assert m.match_term({"name": "Anything", "code": "pmld", "taxonomy": "SEND needs"}) == ("need", "pmld")
    assert m.match_term({"name": "Anything", "code": "pmld", "taxonomy": "Colours"}) is None


@pytest.mark.parametrize("value, expected", [
    ("10:00", "10:00:00"), ("09:30:15", "09:30:15"), ("18:00:00Z", "18:00:00"), ("25:00", None), ("9am", None),
    (None, None), (900, None),
])
def test_times(value, expected):
    found = m.a_time(value)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize("value, expected", [
    ("MO,WE", "MO,WE"), ("we, mo", "MO,WE"), ("1MO,XX", "MO"), ("", ""), (None, ""),
])
def test_byday(value, expected):
    assert m.byday(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("https://example.org/a", "https://example.org/a"), ("http://example.org", "http://example.org"),
    ("example/counselling", None), ("javascript:alert(1)", None), ("https://exa mple.org", None), (5, None),
])
def test_web_addresses_must_be_http(value, expected):
    assert m.web_address(value) == expected


@pytest.mark.parametrize("name, expected", [
    ("North East Essex", ("north-east", None)), ("mid", ("mid", None)), ("Tendring", ("north-east", "Tendring")),
    ("Epping Forest", ("west", "Epping Forest")), ("MyCity", (None, None)), (None, (None, None)),
])
def test_areas_named_as_quadrants_or_districts(name, expected):
    assert m.quadrant_for_area(name) == expected


@pytest.mark.parametrize("value, expected", [
    ("active", "active"), ("temporarily closed", "temporarily-closed"), ("defunct", "inactive"),
    ("inactive", "inactive"), ("Active", "active"), ("open", None), (None, None),
])
def test_statuses(value, expected):
    assert m.status(value) == expected
