"""Whole-demo smoke checks: the public pages over the full demo data set and its index."""
from __future__ import annotations

import pytest

from ..helpers import normalize_spaces, page, result_ids

pytestmark = pytest.mark.slow


def test_every_need_on_the_start_page_finds_services(demo_client):
    links = [a["href"] for a in page(demo_client.get("/")).select("#browse-by-need + ul a")]
    assert len(links) == 13
    for href in links:
        assert result_ids(demo_client.get(href)), href


def test_a_typical_search_pages_through_results_with_the_same_total_as_json(demo_client):
    body = demo_client.get("/services.json?need=autism&quadrant=mid&age=8").get_json()
    assert body["total"] > 20
    first = demo_client.get("/services?need=autism&quadrant=mid&age=8")
    assert normalize_spaces(page(first).select_one("#results").text) == f"{body['total']} services"
    assert result_ids(first) == [r["id"] for r in body["results"]]
    second = demo_client.get(page(first).select_one(".govuk-pagination a[rel=next]")["href"])
    assert result_ids(second) and not set(result_ids(second)) & set(result_ids(first))


def test_every_service_on_the_first_pages_opens(demo_client):
    ids = result_ids(demo_client.get("/services")) + result_ids(demo_client.get("/services?page=2"))
    for service_id in ids:
        response = demo_client.get(f"/services/{service_id}")
        assert response.status_code == 200, service_id
        assert page(response).select_one("h2#what-it-is")


def test_nonsense_words_find_nothing_and_the_page_helps(demo_client):
    text = normalize_spaces(page(demo_client.get("/services?q=zzzzqqq")).select_one("main").text)
    assert "0 services" in text and "Essex SENDIASS" in text


def test_the_demo_site_is_healthy(demo_client):
    assert demo_client.get("/healthz").get_json() == {"status": "ok"}
