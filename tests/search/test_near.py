""""Near" a town or postcode: it sorts by distance to the nearest venue, it never excludes."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from localoffer.extensions import db
from localoffer.models import Location, ServiceAtLocation
from tests.factories import make_service

from .conftest import search

pytestmark = pytest.mark.search_backends

CHELMSFORD = (51.7356, 0.4685)
WITHAM = (51.8003, 0.6403)
COLCHESTER = (51.8892, 0.9042)
HARLOW = (51.7727, 0.1023)


@pytest.fixture(scope="module")
def venues(module_app):
    s = SimpleNamespace(
        chelmsford=make_service("Chelmsford Play", description="play", quadrants=["mid"], town="Chelmsford",
                                latitude=CHELMSFORD[0], longitude=CHELMSFORD[1]),
        colchester=make_service("Colchester Play", description="play", quadrants=["north-east"], town="Colchester",
                                latitude=COLCHESTER[0], longitude=COLCHESTER[1]),
        harlow=make_service("Harlow Play", description="play", quadrants=["west"], town="Harlow",
                            latitude=HARLOW[0], longitude=HARLOW[1]),
        online=make_service("Online Play", description="play", delivery=["online"]),
        county=make_service("All Essex Play", description="play", countywide=True),
        two_sites=make_service("Two Sites Play", description="play", quadrants=["north-east"], town="Colchester",
                               latitude=COLCHESTER[0], longitude=COLCHESTER[1]),
    )
    # a second venue in Witham: its distance is to the NEARER venue
    witham = Location(name="Witham venue", town="Witham", quadrant="mid", latitude=WITHAM[0], longitude=WITHAM[1])
    s.two_sites.locations.append(ServiceAtLocation(location=witham))
    db.session.commit()
    return s


def test_near_a_town_sorts_venues_nearest_first_and_services_without_a_venue_after(venues):
    results = search("play", near="Chelmsford", sort="distance")
    assert results.near_place is not None and results.near_place.name == "Chelmsford"
    assert results.near_unknown is False
    # Chelmsford itself, then Witham (about 9 miles), Harlow (17), Colchester (23)
    assert results.ids[:4] == [str(s.id) for s in (venues.chelmsford, venues.two_sites, venues.harlow,
                                                   venues.colchester)]
    assert set(results.ids[4:]) == {str(venues.online.id), str(venues.county.id)}
    assert results.total == 6  # near sorts; it never removes anyone


def test_distances_are_miles_to_the_nearest_venue(venues):
    results = search("play", near="Chelmsford", sort="distance")
    assert results.distances[str(venues.chelmsford.id)] == pytest.approx(0, abs=0.1)
    to_witham = results.distances[str(venues.two_sites.id)]
    to_colchester = results.distances[str(venues.colchester.id)]
    assert 7 < to_witham < 11  # Witham is about 9 miles away, Colchester about 23
    assert 20 < to_colchester < 26
    assert str(venues.online.id) not in results.distances  # no venue, no distance


def test_services_without_a_venue_follow_by_name_when_there_are_no_words(venues):
    results = search(near="Chelmsford", sort="distance")
    assert results.ids[4:] == [str(venues.county.id), str(venues.online.id)]  # "All Essex..." before "Online..."


def test_a_postcode_works_like_a_town(venues):
    results = search("play", near="CM1 1AA", sort="distance")
    assert results.near_place is not None
    assert results.ids[0] == str(venues.chelmsford.id)


def test_near_with_another_sort_keeps_that_order_and_still_gives_distances(venues):
    results = search("play", near="Harlow", sort="name")
    assert results.ids == search("play", sort="name").ids
    assert results.distances[str(venues.harlow.id)] == pytest.approx(0, abs=0.1)


def test_an_unknown_place_is_reported_and_the_search_still_runs(venues):
    results = search("play", near="Atlantis", sort="distance")
    assert results.near_unknown is True
    assert results.near_place is None
    assert results.total == 6
    assert results.distances == {}


def test_filters_still_apply_when_sorting_by_distance(venues):
    results = search("play", near="Colchester", sort="distance", quadrants=("north-east",))
    # the countywide service is in every quadrant, so it stays, after the venues
    assert results.ids == [str(venues.colchester.id), str(venues.two_sites.id), str(venues.county.id)]


def test_distance_sort_pages_through_venues_then_the_rest(venues):
    everyone = search("play", near="Chelmsford", sort="distance").ids
    pages = [search("play", near="Chelmsford", sort="distance", page=p, per_page=4).ids for p in (1, 2)]
    assert pages[0] + pages[1] == everyone
