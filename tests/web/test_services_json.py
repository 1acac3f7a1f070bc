"""/services.json: the same search as the page, as JSON for other directories (CONTRACT §5)."""
from __future__ import annotations

import pytest

from localoffer.search.query import FACET_VOCAB

from ..helpers import result_ids

pytestmark = pytest.mark.search_backends


def test_the_shape_of_a_search(family_client, family):
    body = family_client.get("/services.json?need=autism&sort=name").get_json()
    assert set(body) == {"total", "page", "per_page", "pages", "results", "facets", "suggestion",
                         "showing_corrected", "near", "errors"}
    assert (body["total"], body["page"], body["pages"], body["near"], body["errors"]) == (2, 1, 1, None, {})
    swim = body["results"][0]
    assert swim["id"] == family.swim and swim["name"] == "Sensory swimming sessions"
    assert swim["url"] == f"http://localhost/services/{family.swim}"
    assert (swim["min_age"], swim["max_age"], swim["is_free"], swim["status"]) == (4, 16, True, "active")
    assert swim["needs"] == ["autism", "pd"] and swim["quadrants"] == ["north-east"]
    assert swim["delivery"] == ["in-person"] and swim["days"] == ["sat"] and swim["distance_miles"] is None
    assert body["results"][1]["status"] == "temporarily-closed"


def test_results_are_in_the_same_order_as_the_page(family_client):
    for args in ("", "q=parents+support", "quadrant=south&sort=name", "near=Harlow"):
        ids = [r["id"] for r in family_client.get(f"/services.json?{args}").get_json()["results"]]
        assert ids == result_ids(family_client.get(f"/services?{args}")), args


def test_every_facet_value_is_present_with_zeros(family_client):
    facets = family_client.get("/services.json?q=parents").get_json()["facets"]
    assert {k: set(v) for k, v in facets.items()} == {k: set(v) for k, v in FACET_VOCAB.items()}
    assert facets["need"]["adhd"] == 1 and facets["need"]["vi"] == 0 and facets["cost"]["free"] == 0


def test_near_a_place_gives_distances_and_the_place(family_client, family):
    body = family_client.get("/services.json?near=colchester").get_json()
    assert body["near"]["name"] == "Colchester" and body["near"]["kind"] == "town"
    first = body["results"][0]
    assert first["id"] == family.swim and 0 <= first["distance_miles"] < 2


def test_problems_with_the_question_are_reported_not_fatal(family_client):
    response = family_client.get("/services.json?age=200&near=Atlantis&page=zz")
    body = response.get_json()
    assert response.status_code == 200
    assert set(body["errors"]) == {"age", "near"}
    assert body["total"] == 4 and body["page"] == 1


def test_a_spelling_correction_is_said(family_client):
    body = family_client.get("/services.json?q=swiming").get_json()
    assert (body["suggestion"], body["showing_corrected"], body["total"]) == ("swimming", True, 1)
