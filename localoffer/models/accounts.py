"""Staff, provider and family-champion accounts. Parents and young people never need one.

A signed-in browser holds only the id of a StaffSession row, so signing out, changing a
password or disabling an account ends sessions on the server (a copied cookie stops working).
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import Timestamps, UuidPk, utcnow
from .directory import Organisation

# CONTRACT §4. Labels and the permission matrix live in localoffer/auth/roles.py.
ROLES = ("champion", "provider", "council_moderator", "forum_moderator", "admin")


class User(UuidPk, Timestamps, db.Model):
    __tablename__ = "user_account"
    email: Mapped[str] = mapped_column(String(255), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(30))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    # None until the invitation is accepted: an account without a password cannot sign in.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The last TOTP time step accepted, so a code cannot be used twice.
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")

    @property
    def has_totp(self) -> bool:
        return self.totp_enabled_at is not None and bool(self.totp_secret)

    @property
    def display_name(self) -> str:
        return self.name or self.email


class StaffSession(db.Model):
    """One signed-in browser. The id is a random 256-bit token kept in the session cookie."""

    __tablename__ = "staff_session"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Password checked but the second factor not yet given: the session opens no staff page.
    mfa_passed: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(lazy="joined")


# What a one-time link is for. Only a SHA-256 of the token is stored.
TOKEN_PURPOSES = ("invitation", "password-reset")


class UserToken(db.Model):
    __tablename__ = "user_token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(lazy="joined")


class RateLimit(db.Model):
    """A fixed-window counter (sign-in attempts, later public forms), shared by every worker.
    With REDIS_URL set, the same counters live in Redis instead."""

    __tablename__ = "rate_limit"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    window_ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
