"""Users, their sessions and one-time links."""
from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from ..auth.passwords import hash_password
from ..extensions import db
from ..models import Organisation, StaffSession, User, UserToken
from ..models.base import as_utc, parse_uuid, utcnow
from ..sqlite import apart


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user(user_id: str | uuid.UUID) -> User | None:
    parsed = parse_uuid(user_id)
    return db.session.get(User, parsed) if parsed else None


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def list_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.role, User.email)))


def create_user(email: str, role: str, *, name: str = "", password: str | None = None,
                organisation: Organisation | None = None) -> User:
    user = User(email=normalise_email(email), role=role, name=name, organisation=organisation,
                password_hash=hash_password(password) if password else None,
                password_changed_at=utcnow() if password else None)
    db.session.add(user)
    return user


def set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()


def find_organisation(name_or_id: str) -> Organisation | None:
    found = get_organisation(name_or_id)
    if found:
        return found
    return db.session.scalar(select(Organisation).where(db.func.lower(Organisation.name) == name_or_id.strip().lower()))


# --- sessions -----------------------------------------------------------------------------

def open_session(user: User, *, mfa_passed: bool) -> StaffSession:
    staff_session = StaffSession(id=secrets.token_urlsafe(32), user=user, mfa_passed=mfa_passed)
    db.session.add(staff_session)
    return staff_session


def get_session(session_id: str) -> StaffSession | None:
    if not isinstance(session_id, str) or len(session_id) > 64:
        return None
    return db.session.get(StaffSession, session_id)


def end_session(staff_session: StaffSession) -> None:
    staff_session.ended_at = utcnow()


def touch_session(session_id: str, when) -> None:
    """Record that a staff session was used (for the idle timeout), committed at once and apart
    from the page's own transaction."""
    apart(lambda connection: connection.execute(
        update(StaffSession).where(StaffSession.id == session_id).values(last_seen_at=when)))
    loaded = db.session.identity_map.get(db.session.identity_key(StaffSession, session_id))
    if loaded is not None:
        set_committed_value(loaded, "last_seen_at", when)  # in step, without marking it changed


def end_all_sessions(user: User, *, except_id: str | None = None) -> int:
    stmt = update(StaffSession).where(StaffSession.user_id == user.id, StaffSession.ended_at.is_(None))
    if except_id:
        stmt = stmt.where(StaffSession.id != except_id)
    return db.session.execute(stmt.values(ended_at=utcnow())).rowcount or 0


def active_sessions(user: User) -> list[StaffSession]:
    return list(db.session.scalars(select(StaffSession).where(
        StaffSession.user_id == user.id, StaffSession.ended_at.is_(None)).order_by(StaffSession.created_at.desc())))


# --- one-time links -------------------------------------------------------------------------

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(user: User, purpose: str, lifetime: timedelta) -> str:
    """A new single-use link token; earlier unused tokens for the same purpose stop working."""
    db.session.execute(update(UserToken).where(UserToken.user_id == user.id, UserToken.purpose == purpose,
                                               UserToken.used_at.is_(None)).values(used_at=utcnow()))
    token = secrets.token_urlsafe(32)
    db.session.add(UserToken(token_hash=_digest(token), purpose=purpose, user=user,
                             expires_at=utcnow() + lifetime))
    return token


def find_token(token: str, purpose: str) -> UserToken | None:
    """The token if it exists, is for this purpose, unused and unexpired; otherwise None."""
    if not isinstance(token, str) or len(token) > 100:
        return None
    row = db.session.scalar(select(UserToken).where(UserToken.token_hash == _digest(token),
                                                    UserToken.purpose == purpose))
    if row is None or row.used_at is not None:
        return None
    if as_utc(row.expires_at) <= utcnow():
        return None
    return row


def use_token(row: UserToken) -> None:
    row.used_at = utcnow()


# --- administration -------------------------------------------------------------------------

def organisations() -> list[Organisation]:
    """Every organisation in the directory, for choosing a provider's organisation."""
    return list(db.session.scalars(select(Organisation).order_by(db.func.lower(Organisation.name))))


def get_organisation(organisation_id: str | uuid.UUID | None) -> Organisation | None:
    parsed = parse_uuid(organisation_id)
    return db.session.get(Organisation, parsed) if parsed else None


def live_sessions(user: User, *, idle: timedelta, longest: timedelta) -> list[StaffSession]:
    """Signed-in browsers that still work: not ended, used recently and not too old."""
    now = utcnow()
    return list(db.session.scalars(select(StaffSession).where(
        StaffSession.user_id == user.id, StaffSession.ended_at.is_(None), StaffSession.mfa_passed.is_(True),
        StaffSession.last_seen_at > now - idle, StaffSession.created_at > now - longest,
    ).order_by(StaffSession.last_seen_at.desc())))


def reset_two_factor(user: User) -> None:
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None


def enable_two_factor(user: User, secret: str) -> None:
    user.totp_secret = secret
    user.totp_enabled_at = utcnow()
