"""Every first-page search is logged for insight into unmet need, with nothing that could
identify a family: no IP, no session, and `near` only as the place it matched."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import SearchLog

from ..factories import make_service


def _rows() -> list[SearchLog]:
    return db.session.scalars(select(SearchLog).order_by(SearchLog.id)).all()


@pytest.fixture
def some_services(app):
    make_service("Autism swimming", needs=["autism"], quadrants=["mid"], days=["sat"], free=True)
    make_service("Speech group", needs=["slcn"], quadrants=["west"])


def test_a_search_is_logged_with_its_filters_and_result_count(client, some_services):
    client.get("/services?q=swimming&need=autism&need=slcn&quadrant=mid&age=7&cost=free&delivery=in-person&day=sat")
    [row] = _rows()
    assert (row.query, row.needs, row.quadrants, row.age, row.cost, row.delivery, row.days, row.result_count) == (
        "swimming", "autism,slcn", "mid", 7, "free", "in-person", "sat", 1)
    assert row.created_at is not None


def test_the_json_search_is_logged_too(client, some_services):
    client.get("/services.json?need=slcn")
    assert [(r.needs, r.result_count) for r in _rows()] == [("slcn", 1)]


def test_searches_that_find_nothing_are_logged_with_zero(client, some_services):
    client.get("/services?q=hydrotherapy")
    assert [(r.query, r.result_count) for r in _rows()] == [("hydrotherapy", 0)]


def test_only_the_first_page_is_logged(client, some_services):
    client.get("/services?q=group&page=2")
    assert _rows() == []


def test_near_is_stored_only_as_the_matched_place_never_as_typed(client, some_services):
    client.get("/services?near=cm1+1aa")
    client.get("/services?near=42+Acacia+Avenue")
    matched, unknown = _rows()
    assert matched.near == "CM1"
    assert unknown.near == ""
    stored = " ".join(str(value) for r in _rows() for value in vars(r).values())
    assert "1aa" not in stored.lower() and "acacia" not in stored.lower()


def test_nothing_identifying_is_stored():
    assert set(SearchLog.__table__.columns.keys()) == {
        "id", "created_at", "query", "needs", "quadrants", "age", "cost", "delivery", "days", "near", "result_count",
        "is_demo"}


def test_an_invalid_age_is_not_logged_as_an_age(client, some_services):
    client.get("/services?age=abc")
    assert [r.age for r in _rows()] == [None]


def test_a_logging_failure_never_breaks_the_search(client, some_services, monkeypatch):
    def broken_add(row):
        raise RuntimeError("database is read-only")

    monkeypatch.setattr(db.session, "add", broken_add)
    response = client.get("/services?need=autism")
    assert response.status_code == 200
    assert "Autism swimming" in response.get_data(as_text=True)


def test_contact_details_long_numbers_and_full_postcodes_are_never_logged(client, some_services):
    client.get("/services", query_string={
        "q": "my son jack@example.com 07700 900123 CM1 2AB www.example.org autism"})
    [row] = _rows()
    assert row.query == "my son CM1 autism"


def test_searches_are_kept_to_the_hour_only(client, some_services):
    client.get("/services?q=swimming")
    [row] = _rows()
    assert (row.created_at.minute, row.created_at.second, row.created_at.microsecond) == (0, 0, 0)


def test_searches_by_signed_in_staff_are_not_logged(app, some_services, council):
    from ..staff.accounts import client_for

    staff = client_for(app, council)
    staff.get("/services?need=autism&quadrant=west")
    assert _rows() == []
