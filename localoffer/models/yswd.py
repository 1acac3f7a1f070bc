""""You said, we did" records and the annual comments report (research §6.6, §6.8).

Every edit of a record makes a new YouSaidWeDidVersion; publishing a version needs a council
signatory and a Forum signatory to sign that same version. The public only ever sees the latest
published version and the published history. The "you said" text belongs to the Forum."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .accounts import User
from .base import utcnow
from .wall import WallPost

# The wall posts linked in the record's PUBLISHED version (a copy of that version's
# wall_post_ids, replaced whenever a version is published). The follow page of a post and the
# update emails find records through it, so they only ever follow what families can see.
yswd_wall_post = Table(
    "yswd_wall_post", db.metadata,
    Column("record_id", ForeignKey("you_said_we_did.id", ondelete="CASCADE"), primary_key=True),
    Column("post_id", ForeignKey("wall_post.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class YouSaidWeDid(db.Model):
    __tablename__ = "you_said_we_did"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # YSWD-2026-014: year and a number within the year.
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # The number of the version families see; None until one is published.
    published_number: Mapped[int | None] = mapped_column(Integer)
    first_published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    # Set when a published version reaches a finished status; contact emails are deleted then.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    versions: Mapped[list[YouSaidWeDidVersion]] = relationship(
        back_populates="record", order_by="YouSaidWeDidVersion.number", cascade="all, delete-orphan")
    wall_posts: Mapped[list[WallPost]] = relationship(secondary=yswd_wall_post, order_by=WallPost.id)


class YouSaidWeDidVersion(db.Model):
    __tablename__ = "you_said_we_did_version"
    __table_args__ = (UniqueConstraint("record_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("you_said_we_did.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    # Owned by the Forum: only a Forum moderator changes it.
    you_said: Mapped[str] = mapped_column(Text, default="")
    # Owned by the council (the responsible service).
    we_will: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="looking-into-it")  # voice_vocab.YSWD_STATUSES
    # Required for "can't do" (why) and "passed to a partner" (who, and what happens next).
    status_reason: Mapped[str] = mapped_column(Text, default="")
    # A team or role, never a person's name.
    responsible_service: Mapped[str] = mapped_column(String(200), default="")
    themes: Mapped[list] = mapped_column(JSON, default=list)
    quadrants: Mapped[list] = mapped_column(JSON, default=list)
    reg56_category: Mapped[str | None] = mapped_column(String(20))
    # "We did": [{"date": "2026-05-01", "text": ..., "link": ..., "percent": 40}, ...], oldest first.
    progress: Mapped[list] = mapped_column(JSON, default=list)
    # Survey evidence: [{"survey_id": 1, "code": "listened-1"}, ...] shown from published results.
    survey_evidence: Mapped[list] = mapped_column(JSON, default=list)
    # Champion and group reports: [{"group": ..., "channel": ..., "families": n, "summary": ...}].
    champion_reports: Mapped[list] = mapped_column(JSON, default=list)
    # Ids of published wall posts that are evidence, in the order they were linked.
    wall_post_ids: Mapped[list] = mapped_column(JSON, default=list)
    # The Forum's own view, always shown beside the council's status. Owned by the Forum.
    forum_view: Mapped[str | None] = mapped_column(String(20))
    forum_view_comment: Mapped[str] = mapped_column(Text, default="")
    change_note: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    council_signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    council_signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    forum_signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    forum_signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Published by the council alone after the Forum did not sign within 28 days; shown publicly.
    published_without_forum: Mapped[bool] = mapped_column(Boolean, default=False)

    record: Mapped[YouSaidWeDid] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    council_signed_by: Mapped[User | None] = relationship(foreign_keys=[council_signed_by_id])
    forum_signed_by: Mapped[User | None] = relationship(foreign_keys=[forum_signed_by_id])


class AnnualReport(db.Model):
    """The reg 56 annual comments report for a period. `figures` is frozen when staff prepare it
    so both organisations sign exactly what will be published; any change clears both signatures."""

    __tablename__ = "annual_report"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    joint_statement: Mapped[str] = mapped_column(Text, default="")
    involvement: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[dict] = mapped_column(JSON, default=dict)
    prepared_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    council_signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    council_signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    forum_signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    forum_signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    council_signed_by: Mapped[User | None] = relationship(foreign_keys=[council_signed_by_id])
    forum_signed_by: Mapped[User | None] = relationship(foreign_keys=[forum_signed_by_id])
