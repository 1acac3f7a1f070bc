"""The graffiti wall: short comments from families, moderated by the council and the Forum
together before anything appears (research §6.5; slugs in voice_vocab.py).

A post stores no identity. Its private follow link is a random token of which only a SHA-256
is kept; an optional email address for updates lives in WallContact, apart from the post, and
is deleted when the post's story ends."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .accounts import User
from .base import utcnow

TEXT_MAX_CHARS = 500


class WallPrompt(db.Model):
    """A question staff put on the wall to start people off, e.g. "What would make finding
    help easier?"."""

    __tablename__ = "wall_prompt"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WallPost(db.Model):
    __tablename__ = "wall_post"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What the family wrote, exactly. Only moderators read it until it is published.
    text: Mapped[str] = mapped_column(Text)
    # What the public sees: `text` with identifying words removed and marked, never reworded.
    # None until published.
    published_text: Mapped[str | None] = mapped_column(Text)
    prompt_id: Mapped[int | None] = mapped_column(ForeignKey("wall_prompt.id", ondelete="SET NULL"))
    quadrant: Mapped[str | None] = mapped_column(String(20), index=True)
    # Chosen by the contributor (optional); moderators set `themes` before publishing.
    contributor_theme: Mapped[str | None] = mapped_column(String(30))
    themes: Mapped[list] = mapped_column(JSON, default=list)
    reg56_category: Mapped[str | None] = mapped_column(String(20))
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    # voice_vocab.CHANNELS; champion entries record the champion and the group, never the family.
    channel: Mapped[str] = mapped_column(String(20), default="online", index=True)
    entered_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    group_name: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="awaiting-review", index=True)
    refusal_reason: Mapped[str | None] = mapped_column(String(30))
    # The party that proposed a judgement refusal, waiting for the other to agree.
    refusal_proposed_by: Mapped[str | None] = mapped_column(String(10))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("wall_post.id", ondelete="SET NULL"))
    # Suggestions from the automatic checks (moderation/checks.py): a list of {kind, match}.
    check_hints: Mapped[list] = mapped_column(JSON, default=list)
    me_too_count: Mapped[int] = mapped_column(Integer, default=0)
    flag_count: Mapped[int] = mapped_column(Integer, default=0)
    follow_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    prompt: Mapped[WallPrompt | None] = relationship()
    entered_by: Mapped[User | None] = relationship(foreign_keys=[entered_by_id])
    merged_into: Mapped[WallPost | None] = relationship(remote_side=[id])


class WallDecision(db.Model):
    """Every moderation decision: who, for which organisation, what and why (research §6.5).
    Notes never repeat the family's words."""

    __tablename__ = "wall_decision"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("wall_post.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    party: Mapped[str] = mapped_column(String(10))
    # publish, publish-redacted, refuse, propose-refusal, agree-refusal, disagree-refusal,
    # safeguarding, hide, restore, remove, resolve-dispute
    decision: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)

    user: Mapped[User | None] = relationship()


class WallReaction(db.Model):
    """A "me too" or a flag from one browser. `browser_hash` is a SHA-256 of a random cookie
    value, not an identity; it only stops one browser counting twice."""

    __tablename__ = "wall_reaction"
    __table_args__ = (UniqueConstraint("post_id", "kind", "browser_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("wall_post.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # 'me-too' or 'flag'
    flag_reason: Mapped[str | None] = mapped_column(String(30))
    browser_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WallContact(db.Model):
    """An email address a contributor gave for updates, kept apart from the post and deleted
    when the post is refused, withdrawn, or the "you said, we did" record it fed is closed."""

    __tablename__ = "wall_contact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("wall_post.id", ondelete="CASCADE"), unique=True)
    email: Mapped[str] = mapped_column(String(255))
    # The language they were using the site in: updates about their post are written in it.
    language: Mapped[str] = mapped_column(String(10), default="en", server_default="en")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
