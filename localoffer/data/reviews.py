"""Freshness: when each listing is next due for a check, who was reminded, and what was escalated.

A listing is due for review REVIEW_INTERVAL_DAYS (12 months) after its last review. The daily
job (localoffer/staff/jobs.py) reminds providers REVIEW_REMINDER_DAYS_BEFORE the due date and
passes reminders ignored for REVIEW_ESCALATE_AFTER_DAYS to council moderators. Functions here
never commit: the caller commits the change together with its version and audit rows.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload

from ..extensions import db
from ..models import IndexOutbox, Organisation, Service, User
from ..models.base import parse_uuid, utcnow
from . import audit
from .versions import record_version

QUEUE_DAYS_AHEAD = 30  # the staff queue shows listings due within this many days
QUEUE_FILTERS = ("all", "overdue", "escalated")
# Seasonal listings whose window opened or closed this many days back are re-indexed, so a
# day or two without the daily job still puts them right.
SEASON_CATCH_UP_DAYS = 7
# Listings in these states are never reminded about nor shown in the queue.
NOT_REVIEWED_STATUSES = ("archived",)


def _interval() -> timedelta:
    return timedelta(days=int(current_app.config["REVIEW_INTERVAL_DAYS"]))


def next_due(reviewed_on: date | None) -> date:
    return (reviewed_on or date.today()) + _interval()


def effective_due(service: Service) -> date:
    """The stored due date, or the one the daily job will fill in."""
    return service.review_due or next_due(service.last_reviewed)


def _light(stmt):
    # Queue and job read only a few columns: skip the service's many child collections.
    return stmt.options(lazyload("*"), joinedload(Service.organisation))


def get_service(service_id: str | uuid.UUID) -> Service | None:
    parsed = parse_uuid(service_id)
    return db.session.get(Service, parsed) if parsed else None


def mark_reviewed(service: Service, user: User | None = None, *, actor: str | None = None,
                  today: date | None = None) -> None:
    """Record that the listing was checked and is accurate: due again in 12 months."""
    today = today or date.today()
    service.last_reviewed = today
    service.review_due = next_due(today)
    service.review_reminder_sent_at = None
    service.review_escalated_at = None
    record_version(service, "Checked and still accurate", user=user, actor=actor)
    audit.record("service-reviewed", subject_type="service", subject_id=service.id,
                 detail=f"next review due {service.review_due.isoformat()}", user=user, actor=actor)


def ensure_due(service: Service, *, actor: str | None = None) -> None:
    """Give one listing its due date now if the daily job has not yet."""
    if service.review_due is None:
        service.review_due = effective_due(service)
        record_version(service, "Review date set", actor=actor)


def ensure_review_dates(actor: str = "daily job") -> int:
    """Give every listing without a due date one (12 months after its last review, or a year
    from today if it was never reviewed). Returns how many were filled."""
    filled = 0
    stmt = _light(select(Service).where(Service.review_due.is_(None),
                                        Service.status.not_in(NOT_REVIEWED_STATUSES)))
    for service in db.session.scalars(stmt).unique().all():
        service.review_due = next_due(service.last_reviewed)
        record_version(service, "Review date set", actor=actor)
        filled += 1
    return filled


# -- the staff queue ---------------------------------------------------------------------

@dataclass(frozen=True)
class QueueEntry:
    service: Service
    due: date

    @property
    def is_overdue(self) -> bool:
        return self.due < date.today()


def review_queue(filter_by: str = "all", today: date | None = None) -> list[QueueEntry]:
    """Listings overdue or due within QUEUE_DAYS_AHEAD, the longest overdue first."""
    today = today or date.today()
    horizon = today + timedelta(days=QUEUE_DAYS_AHEAD)
    # Listings the daily job has not dated yet count from their last review (plain date maths,
    # so it works the same on SQLite and PostgreSQL).
    # (Never reviewed: due a year from the day the job dates it, so not in the queue yet.)
    undated = Service.review_due.is_(None) & (Service.last_reviewed <= horizon - _interval())
    stmt = _light(select(Service).where(Service.status.not_in(NOT_REVIEWED_STATUSES),
                                        (Service.review_due <= horizon) | undated))
    if filter_by == "overdue":
        stmt = stmt.where((Service.review_due < today) | undated)
    elif filter_by == "escalated":
        stmt = stmt.where(Service.review_escalated_at.is_not(None))
    entries = [QueueEntry(s, effective_due(s)) for s in db.session.scalars(stmt).unique()]
    if filter_by == "overdue":
        entries = [e for e in entries if e.due < today]
    return sorted(entries, key=lambda e: (e.due, e.service.name.lower()))


# -- reminders and escalation ------------------------------------------------------------

def reminder_recipients(organisation: Organisation) -> list[str]:
    """The organisation's active provider users, or its own email address if it has none."""
    emails = list(db.session.scalars(
        select(User.email).where(User.organisation_id == organisation.id, User.role == "provider",
                                 User.is_active.is_(True)).order_by(User.email)))
    if not emails and organisation.email:
        emails = [organisation.email]
    return emails


def services_to_remind(today: date | None = None) -> list[Service]:
    """Due within REVIEW_REMINDER_DAYS_BEFORE (or overdue) and not yet reminded for this due date
    (marking a listing reviewed clears the reminder, so each due date gets one reminder)."""
    today = today or date.today()
    cutoff = today + timedelta(days=int(current_app.config["REVIEW_REMINDER_DAYS_BEFORE"]))
    stmt = _light(select(Service).where(Service.status.not_in(NOT_REVIEWED_STATUSES),
                                        Service.review_due <= cutoff,
                                        Service.review_reminder_sent_at.is_(None))
                  .order_by(Service.review_due, Service.name))
    return list(db.session.scalars(stmt).unique())


def record_reminder(service: Service, recipients: int, *, user: User | None = None,
                    actor: str | None = None, now: datetime | None = None) -> None:
    service.review_reminder_sent_at = now or utcnow()
    audit.record("review-reminder-sent", subject_type="service", subject_id=service.id,
                 detail=f"for review due {service.review_due.isoformat() if service.review_due else '-'}; "
                        f"{recipients} recipient(s)", user=user, actor=actor)


def services_to_escalate(now: datetime | None = None) -> list[Service]:
    """Reminded REVIEW_ESCALATE_AFTER_DAYS ago or more, still not reviewed, not yet escalated."""
    now = now or utcnow()
    cutoff = now - timedelta(days=int(current_app.config["REVIEW_ESCALATE_AFTER_DAYS"]))
    stmt = _light(select(Service).where(Service.status.not_in(NOT_REVIEWED_STATUSES),
                                        Service.review_reminder_sent_at.is_not(None),
                                        Service.review_reminder_sent_at <= cutoff,
                                        Service.review_escalated_at.is_(None))
                  .order_by(Service.review_due, Service.name))
    return list(db.session.scalars(stmt).unique())


def record_escalation(service: Service, moderators: int, *, actor: str = "daily job",
                      now: datetime | None = None) -> None:
    service.review_escalated_at = now or utcnow()
    audit.record("review-escalated", subject_type="service", subject_id=service.id,
                 detail=f"reminder ignored; {moderators} council moderator(s) told", actor=actor)


def council_moderator_emails() -> list[str]:
    return list(db.session.scalars(select(User.email).where(User.role == "council_moderator",
                                                            User.is_active.is_(True)).order_by(User.email)))


# -- seasonal listings -------------------------------------------------------------------

def queue_season_changes(today: date | None = None) -> int:
    """Queue a search refresh for listings whose visible-from date has come or whose
    visible-to date has passed (recently), so they appear or disappear on the right day.
    Nothing about the service changes, so the outbox row is written here directly; the
    caller drains it after committing. Re-queueing is harmless (a refresh is idempotent)."""
    today = today or date.today()
    since = today - timedelta(days=SEASON_CATCH_UP_DAYS)
    ids = list(db.session.scalars(select(Service.id).where(
        Service.visible_from.between(since, today)
        | Service.visible_to.between(since - timedelta(days=1), today - timedelta(days=1)))))
    now = utcnow()
    for service_id in ids:
        db.session.add(IndexOutbox(service_id=service_id, created_at=now))
    return len(ids)
