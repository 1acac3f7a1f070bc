"""`flask governance daily`: review dates, reminders, escalation, seasonal search refresh and
rate-limit pruning, safe to run twice."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from flask import g
from sqlalchemy import delete, select

from localoffer import search
from localoffer.extensions import db
from localoffer.models import AuditEvent, IndexOutbox, RateLimit, Service
from localoffer.models.base import utcnow
from localoffer.search.query import SearchQuery
from localoffer.search.sync import _PAUSED
from tests.factories import make_organisation, make_service

from .accounts import make_user

TODAY = date.today()


def _daily(runner):
    result = runner.invoke(args=["governance", "daily"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()  # the job ran in its own session
    return result.output


def _listing(name: str, *, due: date | None, org=None, reminded_days_ago: int | None = None, **extra) -> Service:
    if org is None:
        org = make_organisation(f"{name} Ltd")
        make_user("provider", organisation=org, email=f"{name.lower().replace(' ', '.')}@example.org")
    service = make_service(name, organisation=org, commit=False, **extra)
    service.review_due = due
    if reminded_days_ago is not None:
        service.review_reminder_sent_at = utcnow() - timedelta(days=reminded_days_ago)
    db.session.commit()
    return service


def _actions(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_job_dates_listings_without_a_review_date(runner):
    service = make_service("Undated", commit=False)
    service.last_reviewed = date(2026, 2, 1)
    db.session.commit()

    output = _daily(runner)

    assert "Review dates set: 1" in output
    assert db.session.get(Service, service.id).review_due == date(2027, 2, 1)


def test_reminders_go_two_weeks_ahead_and_only_once_per_due_date(runner, outbox):
    due_soon = _listing("Due soon", due=TODAY + timedelta(days=10))
    overdue = _listing("Overdue", due=TODAY - timedelta(days=3))
    later = _listing("Due later", due=TODAY + timedelta(days=30))

    output = _daily(runner)

    assert "Reminders sent: 2" in output
    assert sorted(m.to for m in outbox) == ["due.soon@example.org", "overdue@example.org"]
    assert all("/listing-check/" in m.body for m in outbox)
    assert db.session.get(Service, due_soon.id).review_reminder_sent_at is not None
    assert db.session.get(Service, overdue.id).review_reminder_sent_at is not None
    assert db.session.get(Service, later.id).review_reminder_sent_at is None
    assert len(_actions("review-reminder-sent")) == 2
    assert {e.actor for e in _actions("review-reminder-sent")} == {"daily job"}

    outbox.clear()
    assert "Reminders sent: 0" in _daily(runner)  # the next day's run sends nothing new
    assert outbox == []


def test_archived_listings_are_never_reminded(runner, outbox):
    _listing("Closed for good", due=TODAY - timedelta(days=1), status="archived")
    _daily(runner)
    assert outbox == []


def test_listings_nobody_can_be_emailed_about_are_counted_not_marked(runner, outbox):
    service = _listing("Orphan", due=TODAY, org=make_organisation("No contacts"))
    output = _daily(runner)
    assert "Listings not reminded (organisation has no users or email address): 1" in output
    assert db.session.get(Service, service.id).review_reminder_sent_at is None


def test_ignored_reminders_are_escalated_to_council_moderators_once(runner, outbox):
    ignored = _listing("Ignored", due=TODAY - timedelta(days=14), reminded_days_ago=29)
    recent = _listing("Recently reminded", due=TODAY + timedelta(days=5), reminded_days_ago=10)
    first = make_user("council_moderator", email="mod1@essex.example")
    make_user("council_moderator", email="mod2@essex.example")
    make_user("council_moderator", email="gone@essex.example", active=False)
    make_user("admin", email="admin@essex.example")

    output = _daily(runner)

    assert "Listings escalated: 1 (council moderators emailed: 2)" in output
    assert sorted(m.to for m in outbox) == [first.email, "mod2@essex.example"]
    assert "Ignored" in outbox[0].body and "Recently reminded" not in outbox[0].body
    assert f"/staff/listings/{ignored.id}" in outbox[0].body
    assert db.session.get(Service, ignored.id).review_escalated_at is not None
    assert db.session.get(Service, recent.id).review_escalated_at is None
    [event] = _actions("review-escalated")
    assert event.subject_id == str(ignored.id)

    outbox.clear()
    assert "Listings escalated: 0" in _daily(runner)
    assert outbox == []


def test_escalated_listings_show_in_the_queue(runner, client, moderator, outbox):
    from .accounts import sign_in

    _listing("Ignored", due=TODAY - timedelta(days=14), reminded_days_ago=30)
    _daily(runner)
    sign_in(client, moderator)
    page = client.get("/staff/reviews/?show=escalated").get_data(as_text=True)
    assert "Ignored" in page and "Yes," in page


def _found(text: str) -> bool:
    return bool(search.search_services(SearchQuery(text=text)).ids)


def test_seasonal_listing_appears_in_search_on_its_first_day(app, runner):
    # As if saved before today: the index was written while the listing was out of season.
    setattr(g, _PAUSED, True)
    service = make_service("Summer trampolining", visible_from=TODAY, visible_to=TODAY + timedelta(days=40))
    db.session.execute(delete(IndexOutbox))
    db.session.commit()
    setattr(g, _PAUSED, False)
    assert not _found("trampolining")

    output = _daily(runner)

    assert "Seasonal listings refreshed in search: 1" in output
    assert _found("trampolining")
    assert db.session.get(Service, service.id).is_findable


def test_seasonal_listing_leaves_search_the_day_after_it_ends(app, runner):
    service = make_service("Easter art club")
    assert _found("Easter art club")
    # Its last day was yesterday; the index still has it from when it was in season.
    setattr(g, _PAUSED, True)
    service.visible_to = TODAY - timedelta(days=1)
    db.session.commit()
    db.session.execute(delete(IndexOutbox))
    db.session.commit()
    setattr(g, _PAUSED, False)
    assert _found("Easter art club")

    _daily(runner)

    assert not _found("Easter art club")


def test_expired_rate_limit_rows_are_pruned(runner):
    now = datetime.now(timezone.utc)
    db.session.add_all([RateLimit(key="old", count=3, window_ends_at=now - timedelta(minutes=1)),
                        RateLimit(key="current", count=1, window_ends_at=now + timedelta(minutes=10))])
    db.session.commit()

    output = _daily(runner)

    assert "Expired rate-limit rows deleted: 1" in output
    assert [r.key for r in db.session.scalars(select(RateLimit))] == ["current"]


def test_running_twice_changes_nothing_the_second_time(runner, outbox):
    _listing("Due soon", due=TODAY + timedelta(days=3))
    _listing("Ignored", due=TODAY - timedelta(days=20), reminded_days_ago=40)
    make_user("council_moderator")
    _daily(runner)
    events = db.session.scalar(select(db.func.count()).select_from(AuditEvent))
    outbox.clear()

    output = _daily(runner)

    assert outbox == []
    assert db.session.scalar(select(db.func.count()).select_from(AuditEvent)) == events
    assert "Reminders sent: 0" in output and "Listings escalated: 0" in output


def test_a_failed_email_does_not_stop_the_other_reminders(runner, outbox, monkeypatch):
    from localoffer.staff.reviews import reminders

    _listing("Bad address", due=TODAY)
    good = _listing("Good address", due=TODAY)
    real_send = reminders.send_mail

    def flaky(to, subject, body):
        if to.startswith("bad."):
            raise OSError("mail server said no")
        real_send(to, subject, body)

    monkeypatch.setattr(reminders, "send_mail", flaky)

    result = runner.invoke(args=["governance", "daily"])

    assert result.exit_code == 1 and "Reminders that could not be sent: 1" in result.output
    db.session.expire_all()
    assert [m.to for m in outbox] == ["good.address@example.org"]
    assert db.session.get(Service, good.id).review_reminder_sent_at is not None


def test_survey_answers_left_unfinished_for_two_days_are_deleted(runner):
    from localoffer.models import Survey, SurveyDraft

    survey = Survey(series="family-impact", wave="2026", title="Family Impact Survey 2026", status="open")
    db.session.add(survey)
    db.session.flush()
    db.session.add_all([SurveyDraft(id="a" * 64, survey_id=survey.id, answers={"who": "parent-carer"},
                                    updated_at=utcnow() - timedelta(days=3)),
                        SurveyDraft(id="b" * 64, survey_id=survey.id, answers={}, updated_at=utcnow())])
    db.session.commit()

    output = _daily(runner)

    assert "Unfinished survey answers deleted: 1" in output
    assert [d.id for d in db.session.scalars(select(SurveyDraft))] == ["b" * 64]
