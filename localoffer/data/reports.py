"""Problems families report with a listing."""
from __future__ import annotations

import uuid

from ..extensions import db
from ..models import ProblemReport


def save_problem_report(service_id: uuid.UUID, reason: str, details: str) -> ProblemReport:
    report = ProblemReport(service_id=service_id, reason=reason, details=details.strip(), status="new")
    db.session.add(report)
    db.session.commit()
    return report
