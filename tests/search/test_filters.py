"""Filters and facet counts (CONTRACT §5): OR within a group, AND across groups; a quadrant
includes countywide services; each group's counts apply every OTHER group's filters."""
from __future__ import annotations

import itertools
import random
from types import SimpleNamespace

import pytest

from localoffer.search.query import FACET_VOCAB, SearchQuery
from localoffer.vocab import COUNTYWIDE
from tests.factories import make_service

from .conftest import search

pytestmark = pytest.mark.search_backends


@pytest.fixture(scope="module")
def catalogue(module_app):
    """A small directory built once for this module (read-only tests)."""
    s = SimpleNamespace(
        toddlers=make_service("Little Stars", needs=["autism"], quadrants=["mid"], free=True,
                              delivery=["in-person"], days=["mon"], min_age=0, max_age=5),
        juniors=make_service("Junior Focus", needs=["adhd"], quadrants=["south"],
                             delivery=["online"], days=["tue"], min_age=5, max_age=11),
        teens=make_service("Teen Space", needs=["autism", "adhd"], quadrants=["west"], free=True,
                           delivery=["home-visit"], days=["mon", "sat"], min_age=11, max_age=18),
        county=make_service("County Talk Line", needs=["slcn"], countywide=True, free=True,
                            delivery=["telephone"], min_age=16, max_age=25),
        colchester=make_service("Colchester Club", needs=["pd"], quadrants=["north-east"],
                                delivery=["in-person", "online"], days=["fri"], min_age=8, max_age=25),
        hidden=make_service("Hidden Draft", needs=["autism"], quadrants=["mid"], free=True, published=False),
        closed=make_service("Closed Club", needs=["autism"], quadrants=["mid"], free=True, status="inactive"),
    )
    s.findable = [s.toddlers, s.juniors, s.teens, s.county, s.colchester]
    return s


def names(results_ids, catalogue) -> set[str]:
    by_id = {str(x.id): x.name for x in vars(catalogue).values() if hasattr(x, "id")}
    return {by_id[i] for i in results_ids}


def test_no_filters_finds_every_findable_service_and_nothing_hidden(catalogue):
    results = search()
    assert names(results.ids, catalogue) == {"Little Stars", "Junior Focus", "Teen Space", "County Talk Line",
                                             "Colchester Club"}
    assert results.total == 5


@pytest.mark.parametrize("filters, expected", [
    ({"needs": ("autism",)}, {"Little Stars", "Teen Space"}),
    ({"needs": ("autism", "adhd")}, {"Little Stars", "Junior Focus", "Teen Space"}),
    ({"needs": ("msi",)}, set()),
    ({"quadrants": ("mid",)}, {"Little Stars", "County Talk Line"}),
    ({"quadrants": ("mid", "south")}, {"Little Stars", "Junior Focus", "County Talk Line"}),
    ({"quadrants": ("north-east",)}, {"Colchester Club", "County Talk Line"}),
    ({"free": True}, {"Little Stars", "Teen Space", "County Talk Line"}),
    ({"delivery": ("online",)}, {"Junior Focus", "Colchester Club"}),
    ({"delivery": ("online", "telephone")}, {"Junior Focus", "Colchester Club", "County Talk Line"}),
    ({"days": ("mon",)}, {"Little Stars", "Teen Space"}),
    ({"days": ("mon", "tue")}, {"Little Stars", "Junior Focus", "Teen Space"}),
    ({"days": ("sun",)}, set()),
])
def test_each_filter_alone_is_or_within_the_group(catalogue, filters, expected):
    assert names(search(**filters).ids, catalogue) == expected


@pytest.mark.parametrize("filters, expected", [
    ({"needs": ("autism",), "quadrants": ("mid",)}, {"Little Stars"}),
    ({"needs": ("autism", "adhd"), "free": True}, {"Little Stars", "Teen Space"}),
    ({"needs": ("autism", "adhd"), "quadrants": ("south", "west"), "days": ("mon",)}, {"Teen Space"}),
    ({"quadrants": ("west",), "free": True}, {"Teen Space", "County Talk Line"}),
    ({"delivery": ("online",), "age": 10}, {"Junior Focus", "Colchester Club"}),
    ({"needs": ("slcn",), "quadrants": ("south",)}, {"County Talk Line"}),
    ({"needs": ("autism",), "delivery": ("telephone",)}, set()),
])
def test_filters_combine_with_and_across_groups(catalogue, filters, expected):
    assert names(search(**filters).ids, catalogue) == expected


@pytest.mark.parametrize("age, expected", [
    (0, {"Little Stars"}),
    (5, {"Little Stars", "Junior Focus"}),  # both ends of a range count
    (6, {"Junior Focus"}),
    (8, {"Junior Focus", "Colchester Club"}),
    (11, {"Junior Focus", "Teen Space", "Colchester Club"}),
    (16, {"Teen Space", "County Talk Line", "Colchester Club"}),
    (18, {"Teen Space", "County Talk Line", "Colchester Club"}),
    (19, {"County Talk Line", "Colchester Club"}),
    (25, {"County Talk Line", "Colchester Club"}),
])
def test_age_is_inside_the_services_age_range_inclusive(catalogue, age, expected):
    assert names(search(age=age).ids, catalogue) == expected


def test_a_countywide_service_is_counted_in_every_quadrant(catalogue):
    quadrant_counts = search().facets["quadrant"]
    assert quadrant_counts == {"north-east": 2, "mid": 2, "south": 2, "west": 2}


def test_facets_count_each_value_with_the_other_groups_filters_applied(catalogue):
    results = search(needs=("autism",), quadrants=("mid",))
    # need counts ignore the need filter but apply the quadrant one: mid has Little Stars and
    # the countywide line
    assert results.facets["need"]["autism"] == 1
    assert results.facets["need"]["slcn"] == 1
    assert results.facets["need"]["adhd"] == 0
    # quadrant counts apply the need filter only: autism is in mid (Little Stars) and west (Teen Space)
    assert results.facets["quadrant"] == {"north-east": 0, "mid": 1, "south": 0, "west": 1}
    # other groups get both filters: only Little Stars
    assert results.facets["cost"] == {"free": 1}
    assert results.facets["day"]["mon"] == 1
    assert results.total == 1


def test_facets_cover_every_value_of_every_group(catalogue):
    results = search("nothing matches this")
    assert set(results.facets) == set(FACET_VOCAB)
    for group, vocab in FACET_VOCAB.items():
        assert set(results.facets[group]) == set(vocab)
        assert not any(results.facets[group].values())


def test_facets_and_filters_agree_with_the_database_for_many_combinations(catalogue):
    """Every result set and every facet count, checked against the services themselves."""
    services = catalogue.findable
    rng = random.Random(7)
    groups = {"needs": ["autism", "adhd", "slcn", "pd"], "quadrants": ["north-east", "mid", "south", "west"],
              "delivery": ["in-person", "online", "telephone", "home-visit"], "days": ["mon", "tue", "sat", "fri"]}

    def matches(service, q: SearchQuery, leave_out: str | None = None) -> bool:
        quadrants = service.quadrants
        checks = {
            "need": not q.needs or set(q.needs) & set(service.needs),
            "quadrant": not q.quadrants or COUNTYWIDE in quadrants or set(q.quadrants) & set(quadrants),
            "cost": not q.free or service.is_free,
            "delivery": not q.delivery or set(q.delivery) & set(service.delivery_modes),
            "day": not q.days or set(q.days) & set(service.days),
        }
        in_age = q.age is None or service.min_age <= q.age <= service.max_age
        return in_age and all(ok for group, ok in checks.items() if group != leave_out)

    for _ in range(60):
        fields = {key: tuple(rng.sample(values, rng.choice([0, 0, 1, 2]))) for key, values in groups.items()}
        fields["free"] = rng.random() < 0.3
        fields["age"] = rng.choice([None, None, 0, 5, 12, 20, 25])
        q = SearchQuery(per_page=50, **fields)
        results = search(**fields)
        assert set(results.ids) == {str(s.id) for s in services if matches(s, q)}, q
        assert results.total == len(results.ids)
        for group, vocab in FACET_VOCAB.items():
            for value in vocab:
                expected = sum(1 for s in services if matches(s, q, leave_out=group) and has_value(s, group, value))
                assert results.facets[group][value] == expected, (q, group, value)


def has_value(service, group: str, value: str) -> bool:
    return {
        "need": lambda: value in service.needs,
        "quadrant": lambda: value in service.quadrants or COUNTYWIDE in service.quadrants,
        "cost": lambda: service.is_free,
        "delivery": lambda: value in service.delivery_modes,
        "day": lambda: value in service.days,
    }[group]()


def test_pages_split_the_results_and_the_total_stays_exact(catalogue):
    everyone = search(sort="name").ids
    pages = [search(sort="name", page=p, per_page=2) for p in (1, 2, 3)]
    assert [len(p.ids) for p in pages] == [2, 2, 1]
    assert [i for p in pages for i in p.ids] == everyone
    assert all(p.total == 5 for p in pages)
    assert pages[0].pages == 3


def test_a_page_past_the_end_is_empty_not_an_error(catalogue):
    results = search(page=40, per_page=2)
    assert results.ids == []
    assert results.total == 5


def test_name_sort_is_alphabetical(catalogue):
    listed = names_in_order(search(sort="name").ids, catalogue)
    assert listed == sorted(listed, key=str.lower)


def test_without_words_relevance_falls_back_to_name_order(catalogue):
    assert search().ids == search(sort="name").ids


def names_in_order(result_ids, catalogue) -> list[str]:
    by_id = {str(x.id): x.name for x in vars(catalogue).values() if hasattr(x, "id")}
    return [by_id[i] for i in result_ids]


def test_every_combination_of_groups_can_be_empty_without_error(catalogue):
    for needs, quadrants in itertools.product([(), ("msi",)], [(), ("west",)]):
        results = search(needs=needs, quadrants=quadrants, free=True, days=("sun",))
        assert results.ids == [] and results.total == 0
