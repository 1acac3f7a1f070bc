"""Problems families report with a listing, and staff triage of them."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import ProblemReport, User
from ..models.base import parse_uuid, utcnow
from ..models.reports import PROBLEM_STATUSES
from . import audit

REPORTS_PER_PAGE = 50


def save_problem_report(service_id: uuid.UUID, reason: str, details: str) -> ProblemReport:
    report = ProblemReport(service_id=service_id, reason=reason, details=details.strip(), status="new")
    db.session.add(report)
    db.session.commit()
    return report


def count_by_status() -> dict[str, int]:
    counts = dict.fromkeys(PROBLEM_STATUSES, 0)
    rows = db.session.execute(select(ProblemReport.status, func.count()).group_by(ProblemReport.status))
    for status, number in rows:
        counts[status] = number
    return counts


def list_reports(status: str | None = None, *, page: int = 1,
                 per_page: int = REPORTS_PER_PAGE) -> list[ProblemReport]:
    """Newest first; any service state (reports on archived listings still show)."""
    stmt = (select(ProblemReport).options(joinedload(ProblemReport.service))
            .order_by(ProblemReport.created_at.desc(), ProblemReport.id))
    if status:
        stmt = stmt.where(ProblemReport.status == status)
    return list(db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)))


def get_report(report_id: str) -> ProblemReport | None:
    parsed = parse_uuid(report_id)
    return db.session.get(ProblemReport, parsed) if parsed else None


def other_reports(report: ProblemReport) -> list[ProblemReport]:
    return list(db.session.scalars(
        select(ProblemReport).where(ProblemReport.service_id == report.service_id, ProblemReport.id != report.id)
        .order_by(ProblemReport.created_at.desc())))


def handler_of(report: ProblemReport) -> User | None:
    return db.session.get(User, report.handled_by_id) if report.handled_by_id else None


def update_report(report: ProblemReport, status: str, staff_note: str, user: User) -> None:
    """Move a report on. The audit row names the statuses only: the family's words and the
    staff note stay out of the log."""
    if status not in PROBLEM_STATUSES:
        raise ValueError(f"Unknown problem report status {status!r}")
    before = report.status
    report.status = status
    report.staff_note = staff_note
    report.handled_by_id = user.id
    report.updated_at = utcnow()
    audit.record("problem-report-updated", subject_type="problem_report", subject_id=report.id,
                 detail=f"status {before} -> {status}" if before != status else f"status {status}; note updated",
                 user=user)
