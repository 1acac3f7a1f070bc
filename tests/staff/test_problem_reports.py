"""Triage of "report a problem" items: list with status filter, one page per report, updates."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent, ProblemReport
from localoffer.models.base import utcnow
from tests.factories import make_service

from .accounts import sign_in


def _report(service, reason="contact-details", details="", status="new", days_ago=0) -> ProblemReport:
    report = ProblemReport(service_id=service.id, reason=reason, details=details, status=status,
                           created_at=utcnow() - timedelta(days=days_ago))
    db.session.add(report)
    db.session.commit()
    return report


def test_reports_need_sign_in(client):
    response = client.get("/staff/reports/")
    assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"]


def test_providers_cannot_triage_reports(client, provider):
    service = make_service("Their service", organisation=provider.organisation)
    report = _report(service)
    sign_in(client, provider)
    assert client.get("/staff/reports/").status_code == 403
    assert client.get(f"/staff/reports/{report.id}").status_code == 403
    assert client.post(f"/staff/reports/{report.id}", data={"status": "dismissed"}).status_code == 403
    db.session.refresh(report)
    assert report.status == "new"


def test_a_family_report_reaches_the_staff_list(client, moderator):
    service = make_service("Music therapy")
    client.post(f"/services/{service.id}/report-a-problem", data={"reason": "closed", "details": ""})
    sign_in(client, moderator)

    page = client.get("/staff/reports/").get_data(as_text=True)

    assert "Music therapy" in page and "The service has closed" in page and "New (1)" in page


def test_list_is_newest_first_with_counts_and_a_status_filter(client, moderator):
    service = make_service("Swimming")
    _report(service, reason="cost", days_ago=5)
    _report(make_service("Drama club"), reason="closed", days_ago=1)
    _report(make_service("Fixed one"), status="fixed", days_ago=2)
    sign_in(client, moderator)

    page = client.get("/staff/reports/").get_data(as_text=True)
    assert page.index("Drama club") < page.index("Fixed one") < page.index("Swimming")
    assert "New (2)" in page and "Fixed (1)" in page and "In hand (0)" in page and "No change needed (0)" in page

    fixed = client.get("/staff/reports/?status=fixed").get_data(as_text=True)
    assert "Fixed one" in fixed and "Swimming" not in fixed
    # An unknown status shows everything rather than an error.
    assert "Swimming" in client.get("/staff/reports/?status=bogus").get_data(as_text=True)
    assert client.get("/staff/reports/?page=abc").status_code == 200


def test_report_page_shows_details_escaped_and_links_to_the_listing(client, moderator):
    service = make_service("Youth club")
    report = _report(service, reason="something-else", details="<script>alert(1)</script> opening times")
    older = _report(service, reason="cost", days_ago=3)
    _report(make_service("Unrelated"), reason="cost")
    sign_in(client, moderator)

    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)

    assert "&lt;script&gt;alert(1)&lt;/script&gt; opening times" in page
    assert "<script>alert(1)" not in page
    assert f"/staff/listings/{service.id}" in page and f"/staff/listings/{service.id}/history" in page
    assert f"/staff/reports/{older.id}" in page  # other reports on the same listing
    assert "Unrelated" not in page


def test_updating_a_report_records_who_when_and_audits_without_the_families_words(client, moderator):
    report = _report(make_service("Youth club"), details="My son was turned away")
    sign_in(client, moderator)

    response = client.post(f"/staff/reports/{report.id}",
                           data={"status": "fixed", "staff_note": "Provider updated the phone number"})

    assert response.status_code == 302
    db.session.refresh(report)
    assert report.status == "fixed" and report.staff_note == "Provider updated the phone number"
    assert report.handled_by_id == moderator.id and report.updated_at is not None
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "problem-report-updated")).all()
    assert event.subject_id == str(report.id) and event.user_id == moderator.id
    assert "turned away" not in event.detail and "phone number" not in event.detail
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Report updated: Fixed" in page and moderator.display_name in page


def test_a_status_must_be_chosen_from_the_list(client, moderator):
    report = _report(make_service("Youth club"))
    sign_in(client, moderator)

    response = client.post(f"/staff/reports/{report.id}", data={"status": "deleted", "staff_note": ""})

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<title>Error:" in page and "Select a status" in page
    db.session.refresh(report)
    assert report.status == "new"


def test_a_very_long_note_is_refused_kindly(client, moderator):
    report = _report(make_service("Youth club"))
    sign_in(client, moderator)
    response = client.post(f"/staff/reports/{report.id}", data={"status": "in-progress", "staff_note": "x" * 2001})
    assert response.status_code == 200
    assert "The note must be 2000 characters or fewer" in response.get_data(as_text=True)


def test_unknown_reports_are_not_found(client, moderator):
    sign_in(client, moderator)
    assert client.get("/staff/reports/not-a-uuid").status_code == 404
    assert client.get("/staff/reports/00000000-0000-0000-0000-000000000000").status_code == 404


def test_reports_on_archived_listings_still_show(client, moderator):
    service = make_service("Closed nursery")
    report = _report(service, reason="closed")
    service.status = "archived"
    db.session.commit()
    sign_in(client, moderator)

    assert "Closed nursery" in client.get("/staff/reports/").get_data(as_text=True)
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "Closed nursery" in page and "Archived" in page
