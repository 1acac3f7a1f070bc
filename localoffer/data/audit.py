"""The audit log of staff actions: written here only, never updated; deleted only by the
retention job after six years (data/retention.py)."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime

from flask import g, has_request_context
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, User

# Action names shown on the audit page (labels in staff/audit templates).
ACTIONS = (
    "sign-in", "sign-in-failed", "sign-out", "two-factor-enabled", "two-factor-reset",
    "password-changed", "password-reset-requested", "password-reset",
    "user-created", "user-invited", "invitation-accepted", "role-changed", "user-disabled",
    "user-enabled", "sessions-ended",
    "revision-submitted", "revision-withdrawn", "revision-approved", "revision-rejected", "service-edited",
    "service-published", "service-unpublished", "service-status-changed", "service-archived",
    "service-dates-changed",
    "service-reviewed", "review-reminder-sent", "review-escalated",
    "problem-report-updated", "export", "import", "retention-run",
    # Family voice. Details name states and reasons only, never what a family wrote.
    "wall-post-entered", "wall-post-moderated", "wall-prompt-changed", "safeguarding-viewed",
    "survey-wave-created", "survey-status-changed", "survey-results-published", "survey-response-entered",
    "survey-answer-coded",
    "yswd-created", "yswd-edited", "yswd-evidence-changed", "yswd-signed", "yswd-published",
    "annual-report-prepared", "annual-report-signed", "annual-report-published",
)


def record(action: str, *, subject_type: str = "", subject_id: str | uuid.UUID = "",
           detail: str = "", user: User | None = None, actor: str | None = None) -> AuditEvent:
    """Add an audit row to the current transaction (it commits with the action it records).
    `user` defaults to whoever is signed in; `actor` names a process when nobody is."""
    if user is None and has_request_context():
        user = g.get("user")
    event = AuditEvent(action=action, subject_type=subject_type, subject_id=str(subject_id or ""),
                       detail=detail[:500], user_id=user.id if user else None,
                       actor=user.email if user else (actor or "system"))
    db.session.add(event)
    return event


def _select(*, action: str | None = None, user_id: uuid.UUID | None = None,
            since: datetime | None = None, until: datetime | None = None):
    stmt = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if user_id:
        stmt = stmt.where(AuditEvent.user_id == user_id)
    if since:
        stmt = stmt.where(AuditEvent.created_at >= since)
    if until:
        stmt = stmt.where(AuditEvent.created_at < until)
    return stmt


def events(*, limit: int | None = None, offset: int = 0, **filters):
    stmt = _select(**filters)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return db.session.scalars(stmt)


def iter_events(**filters) -> Iterator[AuditEvent]:
    """Every matching event, newest first, fetched 500 at a time (CSV export of a long log)."""
    yield from db.session.scalars(_select(**filters).execution_options(yield_per=500))


def count_events(*, action: str | None = None, user_id: uuid.UUID | None = None) -> int:
    stmt = select(db.func.count()).select_from(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if user_id:
        stmt = stmt.where(AuditEvent.user_id == user_id)
    return db.session.scalar(stmt) or 0
