"""Shared column helpers."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import DateTime, Uuid
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """An aware datetime. SQLite hands stored times back naive; we only ever store UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def parse_uuid(raw) -> uuid.UUID | None:
    """An id from a URL, form or feed as a UUID, or None if it is not one."""
    if isinstance(raw, uuid.UUID):
        return raw
    try:
        return uuid.UUID(str(raw))
    except (ValueError, AttributeError, TypeError):
        return None


class UuidPk:
    """HSDS ids are UUIDs; we keep them native (uuid on PostgreSQL, 32-char text on SQLite)."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
