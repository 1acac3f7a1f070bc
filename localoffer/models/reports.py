"""Problems families report with a listing ("Report a problem with this page").

We ask only what is wrong, never who is asking: no name, email or IP address is stored."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UuidPk, utcnow
from .directory import Service

# What can be wrong with a listing (the radio options on the form). Labels live in the form.
PROBLEM_REASONS = ("contact-details", "closed", "times-or-places", "cost", "something-else")
# A report is 'new' until staff look at it; they move it on to 'in-progress', 'fixed' or 'dismissed'.
PROBLEM_STATUSES = ("new", "in-progress", "fixed", "dismissed")


class ProblemReport(UuidPk, db.Model):
    __tablename__ = "problem_report"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(30))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    # Staff triage: who last moved it on, when, and a note (never shown to the public).
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    staff_note: Mapped[str] = mapped_column(Text, default="")

    service: Mapped[Service] = relationship()
