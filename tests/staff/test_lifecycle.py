"""Moderators run a listing's lifecycle: status, publishing and seasonal dates. Each change is
versioned and audited, and families never find an archived, unpublished or out-of-season service."""
from __future__ import annotations

from datetime import date, timedelta

from localoffer.extensions import db

from ..helpers import normalize_spaces, page, result_ids
from .accounts import sign_in
from .listings_helpers import actions, own_service, version_count


def _findable(client, service) -> bool:
    on_page = client.get(f"/services/{service.id}").status_code == 200
    in_search = str(service.id) in result_ids(client.get("/services?q=swim"))
    assert on_page == in_search
    return on_page


def test_providers_cannot_use_lifecycle_controls(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    assert client.get(f"/staff/listings/{service.id}").status_code == 403
    assert client.post(f"/staff/listings/{service.id}/status", data={"status": "archived"}).status_code == 403
    assert client.post(f"/staff/listings/{service.id}/unpublish").status_code == 403
    assert client.get("/staff/listings/all").status_code == 403
    db.session.expire_all()
    assert service.status == "active" and service.is_published


def test_archiving_hides_a_service_and_restoring_brings_it_back(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    assert _findable(client, service)
    client.post(f"/staff/listings/{service.id}/status", data={"status": "archived", "alert": ""})
    assert not _findable(client, service)
    assert len(actions("service-archived")) == 1 and version_count(service) == 2
    assert "Archived" in page(client.get(f"/staff/listings/{service.id}")).text
    client.post(f"/staff/listings/{service.id}/restore")
    assert _findable(client, service)
    assert len(actions("service-status-changed")) == 1 and version_count(service) == 3


def test_temporarily_closed_services_show_a_banner_with_the_message(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    client.post(f"/staff/listings/{service.id}/status",
                data={"status": "temporarily-closed", "alert": "The pool is being repaired until June."})
    banner = normalize_spaces(page(client.get(f"/services/{service.id}")).select_one(
        "[aria-labelledby=service-alert-title]").text)
    assert "temporarily closed" in banner and "The pool is being repaired until June." in banner
    assert _findable(client, service)
    [event] = actions("service-status-changed")
    assert event.detail == "active -> temporarily-closed"


def test_a_closed_status_hides_the_service_and_bad_statuses_are_refused(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    response = client.post(f"/staff/listings/{service.id}/status", data={"status": "gone"})
    assert response.status_code == 200 and "Select a status" in response.get_data(as_text=True)
    client.post(f"/staff/listings/{service.id}/status", data={"status": "inactive"})
    assert not _findable(client, service)


def test_unpublishing_and_publishing(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    assert client.get(f"/staff/listings/{service.id}/unpublish").status_code == 405
    client.post(f"/staff/listings/{service.id}/unpublish")
    assert not _findable(client, service)
    client.post(f"/staff/listings/{service.id}/publish")
    assert _findable(client, service)
    assert len(actions("service-unpublished")) == 1 and len(actions("service-published")) == 1
    assert version_count(service) == 3


def test_seasonal_dates_hide_a_service_outside_them(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    start = date.today() + timedelta(days=30)
    response = client.post(f"/staff/listings/{service.id}/dates",
                           data={"from_day": start.day, "from_month": start.month, "from_year": start.year})
    assert response.status_code == 302
    db.session.expire_all()
    assert service.visible_from == start and service.visible_to is None
    assert not _findable(client, service)
    assert "Out of season" in page(client.get(f"/staff/listings/{service.id}")).text
    assert len(actions("service-dates-changed")) == 1 and version_count(service) == 2
    client.post(f"/staff/listings/{service.id}/dates", data={})
    assert _findable(client, service)
    past = date.today() - timedelta(days=1)
    client.post(f"/staff/listings/{service.id}/dates",
                data={"to_day": past.day, "to_month": past.month, "to_year": past.year})
    assert not _findable(client, service)


def test_bad_dates_get_clear_errors(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    response = client.post(f"/staff/listings/{service.id}/dates",
                           data={"from_day": "31", "from_month": "2", "from_year": "2027"})
    soup = page(response)
    assert response.status_code == 200 and soup.title.text.startswith("Error:")
    assert "Enter a real date" in soup.select_one(".govuk-error-summary").text
    response = client.post(f"/staff/listings/{service.id}/dates",
                           data={"from_day": "2", "from_month": "8", "from_year": "2027",
                                 "to_day": "1", "to_month": "8", "to_year": "2027"})
    assert "end date must be the same as or after" in response.get_data(as_text=True)
    assert client.get(f"/staff/listings/{service.id}/dates").status_code == 200
    db.session.expire_all()
    assert service.visible_from is None and version_count(service) == 1


def test_a_moderators_direct_edit_is_live_at_once(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    client.post(f"/staff/listings/{service.id}/change/about",
                data={"name": "Sensory swim club", "summary": "Calm swims on Saturdays.", "description": ""})
    assert "Calm swims on Saturdays." in client.get(f"/services/{service.id}").get_data(as_text=True)
    [event] = actions("service-edited")
    assert event.detail == "summary" and version_count(service) == 2
    # Saving without changing anything records nothing.
    client.post(f"/staff/listings/{service.id}/change/about",
                data={"name": "Sensory swim club", "summary": "Calm swims on Saturdays.", "description": ""})
    assert len(actions("service-edited")) == 1 and version_count(service) == 2


def test_moderators_can_find_any_listing(client, provider, moderator):
    own_service(provider, "Alpha swim")
    own_service(provider, "Beta art", status="archived")
    own_service(provider, "Gamma club", published=False)
    sign_in(client, moderator)

    def names(query=""):
        return [normalize_spaces(a.text) for a in page(client.get(f"/staff/listings/all{query}")).select("tbody a")]

    assert names() == ["Alpha swim", "Beta art", "Gamma club"]
    assert names("?q=ART") == ["Beta art"]
    assert names("?status=archived") == ["Beta art"]
    assert names("?status=unpublished") == ["Gamma club"]
    assert names("?status=nonsense&page=-3") == ["Alpha swim", "Beta art", "Gamma club"]
    assert names("?page=99") == []


def test_the_status_page_shows_the_current_status(client, provider, moderator):
    service = own_service(provider, status="temporarily-closed", alert="Back in May.")
    sign_in(client, moderator)
    soup = page(client.get(f"/staff/listings/{service.id}/status"))
    assert soup.select_one("input[name=status][checked]")["value"] == "temporarily-closed"
    assert soup.select_one("textarea[name=alert]").text.strip() == "Back in May."
    assert client.get("/staff/listings/6f1c1f5e-0000-4000-8000-000000000000").status_code == 404
