"""Freshness: review-due dates, marking a listing reviewed, and the staff "due for review" queue."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from localoffer.data import reviews
from localoffer.data.versions import record_version, versions_of
from localoffer.extensions import db
from localoffer.models import AuditEvent
from localoffer.models.base import utcnow
from tests.factories import make_organisation, make_service

from .accounts import make_user, sign_in

TODAY = date.today()


def _service(name: str, *, due: date | None = None, last_reviewed: date | None = TODAY, **extra):
    service = make_service(name, commit=False, **extra)
    service.last_reviewed = last_reviewed
    service.review_due = due
    record_version(service, "Created", actor="test")
    db.session.commit()
    return service


def _audit(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# -- data layer ---------------------------------------------------------------------------

def test_marking_reviewed_sets_the_next_due_date_a_year_on_and_clears_reminders(app, moderator):
    service = _service("Sensory play", due=TODAY - timedelta(days=3), last_reviewed=TODAY - timedelta(days=368))
    service.review_reminder_sent_at = utcnow() - timedelta(days=40)
    service.review_escalated_at = utcnow() - timedelta(days=5)
    db.session.commit()

    reviews.mark_reviewed(service, moderator)
    db.session.commit()

    assert service.last_reviewed == TODAY
    assert service.review_due == TODAY + timedelta(days=365)
    assert service.review_reminder_sent_at is None and service.review_escalated_at is None
    latest = versions_of(service.id)[0]
    assert latest.user_id == moderator.id and "review_due" in latest.changed_fields
    [event] = _audit("service-reviewed")
    assert event.subject_id == str(service.id) and event.user_id == moderator.id


def test_marking_reviewed_by_a_process_names_the_actor(app):
    service = _service("Holiday club", due=TODAY)
    reviews.mark_reviewed(service, actor="provider via reminder link")
    db.session.commit()
    assert _audit("service-reviewed")[0].actor == "provider via reminder link"
    assert versions_of(service.id)[0].actor == "provider via reminder link"


def test_review_dates_are_filled_from_the_last_review_or_today(app):
    reviewed = _service("Reviewed in spring", last_reviewed=date(2026, 3, 1))
    never = _service("Never reviewed", last_reviewed=None)
    dated = _service("Already dated", due=date(2027, 1, 1))
    archived = _service("Closed for good", status="archived")

    assert reviews.ensure_review_dates() == 2
    db.session.commit()

    assert reviewed.review_due == date(2027, 3, 1)
    assert never.review_due == TODAY + timedelta(days=365)
    assert dated.review_due == date(2027, 1, 1)
    assert archived.review_due is None
    assert versions_of(reviewed.id)[0].actor == "daily job"
    assert reviews.ensure_review_dates() == 0  # nothing left to do the second time


# -- the queue ----------------------------------------------------------------------------

def test_queue_needs_sign_in(client):
    response = client.get("/staff/reviews/")
    assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"]


def test_providers_cannot_see_the_queue(client, provider):
    sign_in(client, provider)
    assert client.get("/staff/reviews/").status_code == 403


def test_queue_lists_overdue_and_due_soon_oldest_first(client, moderator):
    _service("Due in a fortnight", due=TODAY + timedelta(days=14))
    _service("Overdue by a month", due=TODAY - timedelta(days=30))
    _service("Due next year", due=TODAY + timedelta(days=200))
    _service("Archived and overdue", due=TODAY - timedelta(days=60), status="archived")
    _service("Not dated yet, last reviewed long ago", last_reviewed=TODAY - timedelta(days=400))
    sign_in(client, moderator)

    page = client.get("/staff/reviews/").get_data(as_text=True)

    assert "Due next year" not in page and "Archived and overdue" not in page
    order = [page.index(n) for n in ("Not dated yet, last reviewed long ago", "Overdue by a month",
                                     "Due in a fortnight")]
    assert order == sorted(order)
    assert "/staff/listings/" in page  # each row links to the moderator's service page


def test_queue_filters_overdue_and_escalated(client, moderator):
    _service("Due soon", due=TODAY + timedelta(days=5))
    _service("Late listing", due=TODAY - timedelta(days=1))
    escalated = _service("Escalated one", due=TODAY - timedelta(days=20))
    escalated.review_reminder_sent_at = utcnow() - timedelta(days=35)
    escalated.review_escalated_at = utcnow()
    db.session.commit()
    sign_in(client, moderator)

    overdue = client.get("/staff/reviews/?show=overdue").get_data(as_text=True)
    assert "Late listing" in overdue and "Escalated one" in overdue and "Due soon" not in overdue
    only_escalated = client.get("/staff/reviews/?show=escalated").get_data(as_text=True)
    assert "Escalated one" in only_escalated and "Late listing" not in only_escalated
    assert "Due soon" not in only_escalated
    # A made-up filter falls back to everything rather than failing.
    assert "Due soon" in client.get("/staff/reviews/?show=nonsense").get_data(as_text=True)


def test_moderator_marks_a_listing_reviewed_from_the_queue(client, moderator):
    service = _service("Speech group", due=TODAY - timedelta(days=2))
    sign_in(client, moderator)

    response = client.post(f"/staff/reviews/{service.id}/reviewed", data={"show": "overdue"})

    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/reviews/?show=overdue")
    db.session.refresh(service)
    assert service.review_due == TODAY + timedelta(days=365)
    assert _audit("service-reviewed")[0].user_id == moderator.id
    page = client.get("/staff/reviews/").get_data(as_text=True)
    assert "Speech group is marked as reviewed" in page  # the confirmation, once
    assert "Speech group" not in client.get("/staff/reviews/").get_data(as_text=True)


def test_queue_actions_only_accept_post(client, moderator):
    service = _service("Speech group", due=TODAY)
    sign_in(client, moderator)
    assert client.get(f"/staff/reviews/{service.id}/reviewed").status_code == 405
    assert client.get(f"/staff/reviews/{service.id}/remind").status_code == 405


def test_queue_actions_for_unknown_or_archived_listings_are_not_found(client, moderator):
    archived = _service("Gone", due=TODAY, status="archived")
    sign_in(client, moderator)
    assert client.post("/staff/reviews/not-a-uuid/reviewed").status_code == 404
    assert client.post(f"/staff/reviews/{archived.id}/remind").status_code == 404


def test_providers_cannot_use_queue_actions(client, provider):
    service = _service("Their own service", due=TODAY, organisation=provider.organisation)
    sign_in(client, provider)
    assert client.post(f"/staff/reviews/{service.id}/reviewed").status_code == 403
    db.session.refresh(service)
    assert service.review_due == TODAY


def test_send_reminder_now_emails_the_organisations_provider_users(client, moderator, outbox):
    org = make_organisation("Little Stars")
    one = make_user("provider", organisation=org, email="one@littlestars.example")
    make_user("provider", organisation=org, email="two@littlestars.example")
    make_user("provider", organisation=org, email="gone@littlestars.example", active=False)
    make_user("provider", email="other@elsewhere.example")  # another organisation
    service = _service("Stay and play", due=TODAY + timedelta(days=20), organisation=org)
    sign_in(client, moderator)

    response = client.post(f"/staff/reviews/{service.id}/remind", follow_redirects=True)

    assert "Reminder sent to 2 people at Little Stars" in response.get_data(as_text=True)
    assert sorted(m.to for m in outbox) == [one.email, "two@littlestars.example"]
    assert "Stay and play" in outbox[0].subject
    assert "http://localhost/listing-check/" in outbox[0].body
    db.session.refresh(service)
    assert service.review_reminder_sent_at is not None
    [event] = _audit("review-reminder-sent")
    assert event.user_id == moderator.id and "2 recipient" in event.detail


def test_reminder_goes_to_the_organisation_email_when_it_has_no_users(client, moderator, outbox):
    org = make_organisation("Quiet Club")
    org.email = "hello@quietclub.example"
    service = _service("Quiet swim", due=TODAY, organisation=org)
    sign_in(client, moderator)

    client.post(f"/staff/reviews/{service.id}/remind")

    assert [m.to for m in outbox] == ["hello@quietclub.example"]


def test_no_reminder_when_nobody_can_be_emailed(client, moderator, outbox):
    service = _service("Nobody home", due=TODAY)
    sign_in(client, moderator)

    page = client.post(f"/staff/reviews/{service.id}/remind", follow_redirects=True).get_data(as_text=True)

    assert "has no provider accounts and no email address" in page
    assert outbox == []
    db.session.refresh(service)
    assert service.review_reminder_sent_at is None
