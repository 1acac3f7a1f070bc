"""Listing governance: every version of every service, proposed changes awaiting approval,
and the append-only audit log of staff actions."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .accounts import User
from .base import UuidPk, utcnow
from .directory import Organisation, Service


class ServiceVersion(db.Model):
    """A snapshot of a service as it was after one saved change (see data/versions.py)."""

    __tablename__ = "service_version"
    __table_args__ = (UniqueConstraint("service_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict] = mapped_column(JSON)
    changed_fields: Mapped[list] = mapped_column(JSON, default=list)
    # Who made it: a user, or a named process ("demo data", "import from <feed>") when None.
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(255), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# draft: the provider is still editing; pending: sent for approval; then one of the last three.
REVISION_STATES = ("draft", "pending", "approved", "rejected", "withdrawn")


class ImportRun(db.Model):
    """One run of `flask oruk import` (dry runs are not kept): where from, who, and the counts.
    Proposals an import sends for approval name their run."""

    __tablename__ = "import_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A file's name or a URL without its query string (which could carry a key).
    source: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(255), default="command line")
    requires_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    sent_for_approval: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)


class ServiceRevision(UuidPk, db.Model):
    """A proposed change to a service (or a proposed new service). The live service is not
    touched until a council moderator approves, so families keep seeing the approved version.

    A provider's revision carries their editable fields in `proposed`. An import's revision
    (`import_run_id` set, no `created_by`) carries the feed's record itself, which approval
    applies as the import would have; `proposed` then holds a snapshot of the result."""

    __tablename__ = "service_revision"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    is_new_service: Mapped[bool] = mapped_column(Boolean, default=False)
    # The editable fields as proposed, in the shape of data/versions.editable_fields().
    proposed: Mapped[dict] = mapped_column(JSON)
    # The live version number the provider started from, to spot edits made meanwhile.
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    # Proposals from `flask oruk import` (see openreferral/proposals.py).
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_run.id", ondelete="SET NULL"), index=True)
    imported_record: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    # A hash of everything the record would change, so an unchanged feed is not proposed twice.
    import_digest: Mapped[str | None] = mapped_column(String(64))

    service: Mapped[Service] = relationship()
    organisation: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    import_run: Mapped[ImportRun | None] = relationship()

    @hybrid_property
    def is_import(self) -> bool:
        return self.import_digest is not None

    @is_import.inplace.expression
    @classmethod
    def _is_import(cls):
        return cls.import_digest.is_not(None)


class AuditEvent(db.Model):
    """Append-only record of staff actions. Nothing in the code updates a row; only the retention
    job deletes rows older than six years. Details never hold families' words or
    special-category data."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    # Kept as text too, so the log still says who after an account is removed.
    actor: Mapped[str] = mapped_column(String(255), default="")
    action: Mapped[str] = mapped_column(String(50), index=True)
    subject_type: Mapped[str] = mapped_column(String(30), default="")
    subject_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(String(500), default="")
