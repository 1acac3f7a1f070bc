"""The one-click "still accurate" link in review reminders: public, POST-only changes, and kind
pages for links that are used, tampered with or expired."""
from __future__ import annotations

import re
import time
from datetime import date, timedelta

from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent
from localoffer.staff.reviews import links
from localoffer.staff.reviews.reminders import send_reminder
from tests.factories import make_organisation, make_service

from .accounts import make_user

TODAY = date.today()


def _reminded_service(outbox, name="Sensory garden"):
    org = make_organisation("Garden Trust")
    make_user("provider", organisation=org, email="staff@gardentrust.example")
    service = make_service(name, organisation=org, commit=False, summary="A calm garden for all ages")
    service.review_due = TODAY + timedelta(days=14)
    db.session.commit()
    send_reminder(service, actor="test")
    db.session.commit()
    [mail] = outbox
    path = re.search(r"http://localhost(/listing-check/\S+)", mail.body).group(1)
    return service, path


def test_reminder_link_shows_the_listing_and_one_button_without_signing_in(client, outbox):
    service, path = _reminded_service(outbox)

    response = client.get(path)

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Sensory garden" in page and "A calm garden for all ages" in page
    assert page.count('type="submit"') == 1 and "Yes, this listing is still accurate" in page
    assert "/staff/sign-in?next=" in page  # to propose changes instead
    db.session.refresh(service)
    assert service.last_reviewed == TODAY and service.review_due == TODAY + timedelta(days=14)


def test_opening_the_link_never_records_a_review(client, outbox):
    # Mail scanners fetch every link in an email: a GET must change nothing.
    service, path = _reminded_service(outbox)
    client.get(path)
    client.get(path)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "service-reviewed")) is None


def test_pressing_the_button_records_the_review_for_the_provider(client, outbox):
    service, path = _reminded_service(outbox)

    response = client.post(path, follow_redirects=True)

    page = response.get_data(as_text=True)
    assert "Thank you, this listing has been checked" in page
    db.session.refresh(service)
    assert service.last_reviewed == TODAY
    assert service.review_due == TODAY + timedelta(days=365)
    assert service.review_reminder_sent_at is None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "service-reviewed"))
    assert event.actor == "provider via reminder link" and event.user_id is None


def test_a_used_link_says_so_kindly_and_changes_nothing(client, outbox):
    service, path = _reminded_service(outbox)
    client.post(path)
    db.session.refresh(service)
    due_after_first = service.review_due

    again = client.post(path, follow_redirects=True)

    assert again.status_code == 200
    assert "has been checked" in again.get_data(as_text=True)
    db.session.refresh(service)
    assert service.review_due == due_after_first
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "service-reviewed")).all()
    assert len(events) == 1


def test_a_link_from_before_a_staff_review_no_longer_confirms(client, outbox):
    from localoffer.data.reviews import mark_reviewed

    service, path = _reminded_service(outbox)
    mark_reviewed(service, actor="test")
    db.session.commit()

    page = client.get(path).get_data(as_text=True)

    assert "has been checked" in page and "Yes, this listing is still accurate" not in page


def test_a_tampered_link_does_not_work(client, outbox):
    _service, path = _reminded_service(outbox)
    response = client.get(path[:-3] + ("abc" if not path.endswith("abc") else "xyz"))
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "This link does not work" in page and "0345 743 0430" in page
    assert client.post("/listing-check/not-a-real-token").status_code == 404


def test_an_expired_link_says_so_with_contact_details(client, outbox):
    service = make_service("Old reminder", commit=False)
    service.review_due = TODAY
    db.session.commit()

    class SevenWeeksAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 49 * 24 * 3600

    old = URLSafeTimedSerializer(client.application.config["SECRET_KEY"], salt=links.SALT, signer=SevenWeeksAgo)
    token = old.dumps({"s": str(service.id), "d": TODAY.isoformat()})

    response = client.post(f"/listing-check/{token}")

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This link has expired" in page and "0345 743 0430" in page
    db.session.refresh(service)
    assert service.review_due == TODAY


def test_a_link_for_an_archived_listing_does_not_work(client, outbox):
    service, path = _reminded_service(outbox)
    service.status = "archived"
    db.session.commit()
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_the_button_needs_the_forms_csrf_token(app, client, outbox):
    service, path = _reminded_service(outbox)
    app.config["WTF_CSRF_ENABLED"] = True

    assert client.post(path).status_code == 400

    db.session.refresh(service)
    assert service.review_due == TODAY + timedelta(days=14)
    page = client.get(path).get_data(as_text=True)
    assert 'name="csrf_token"' in page


def test_the_link_page_is_not_cached_and_sends_no_referrer(client, outbox):
    _service, path = _reminded_service(outbox)
    response = client.get(path)
    assert response.headers["Cache-Control"] == "no-store"
    assert '<meta name="referrer" content="same-origin">' in response.get_data(as_text=True)
