"""The public side of the graffiti wall: sending a comment, following it with a private link,
"me too", flags, the champion's own entries and the published moderation statistics.

Nothing here commits: the view that calls it does, so a page's work is one transaction.
Moderation decisions live in data/wall_moderation.py."""
from __future__ import annotations

import hashlib
import secrets
import statistics
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import String, cast, func, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..i18n import current_language
from ..models import (User, WallContact, WallDecision, WallPost, WallPrompt, WallReaction, YouSaidWeDid,
                      YouSaidWeDidVersion, yswd_wall_post)
from ..models.base import as_utc, utcnow
from ..voice_vocab import YSWD_FINISHED
from ..wall.checks import run_checks

# Comments a new one is compared with for near-duplicates: recent and still in play.
DUPLICATE_POOL_STATUSES = ("awaiting-review", "published")
DUPLICATE_POOL_SIZE = 500
DUPLICATE_POOL_DAYS = 365
# A comment can be edited (and goes back to moderation) only while it is in one of these.
EDITABLE_STATUSES = ("awaiting-review", "published")
# Once refused or withdrawn there is nothing left to tell the family about by email.
NO_CONTACT_STATUSES = ("withdrawn", "not-published")


# The largest id an INTEGER column holds on PostgreSQL (and that SQLite accepts from Python): an
# address or form number beyond it cannot be a row, so it is "not found" rather than a database error.
MAX_ID = 2**31 - 1


def is_id(value) -> bool:
    return isinstance(value, int) and 0 < value <= MAX_ID


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _duplicate_pool(exclude_id: int | None = None) -> list[tuple[int, str]]:
    since = utcnow() - timedelta(days=DUPLICATE_POOL_DAYS)
    stmt = (select(WallPost.id, WallPost.text)
            .where(WallPost.status.in_(DUPLICATE_POOL_STATUSES), WallPost.submitted_at >= since)
            .order_by(WallPost.submitted_at.desc()).limit(DUPLICATE_POOL_SIZE))
    if exclude_id is not None:
        stmt = stmt.where(WallPost.id != exclude_id)
    return [(row.id, row.text) for row in db.session.execute(stmt)]


def submit_post(text: str, *, quadrant: str | None = None, theme: str | None = None,
                reg56_category: str | None = None, prompt_id: int | None = None, consent: bool = True,
                channel: str = "online", entered_by: User | None = None, group_name: str = "",
                email: str | None = None) -> tuple[WallPost, str]:
    """Add a comment to the moderation queue. Returns the post and its raw follow token, which
    is shown to the family once and never stored (only its SHA-256 is)."""
    text = text.strip()
    token = secrets.token_urlsafe(32)
    post = WallPost(text=text, quadrant=quadrant or None, contributor_theme=theme or None, themes=[],
                    reg56_category=reg56_category or None, prompt_id=prompt_id, consent=consent,
                    channel=channel, entered_by_id=entered_by.id if entered_by else None,
                    group_name=group_name or "", status="awaiting-review",
                    check_hints=run_checks(text, _duplicate_pool()), follow_token_hash=hash_token(token))
    db.session.add(post)
    db.session.flush()
    if email:
        db.session.add(WallContact(post_id=post.id, email=email.strip(), language=current_language()))
    return post, token


# --- Prompts and the public wall -------------------------------------------------------------

def active_prompts() -> list[WallPrompt]:
    return list(db.session.scalars(select(WallPrompt).where(WallPrompt.is_active.is_(True))
                                   .order_by(WallPrompt.created_at.desc(), WallPrompt.id.desc())))


def get_active_prompt(prompt_id) -> WallPrompt | None:
    try:
        prompt_id = int(prompt_id)
    except (TypeError, ValueError):
        return None
    prompt = db.session.get(WallPrompt, prompt_id) if is_id(prompt_id) else None
    return prompt if prompt is not None and prompt.is_active else None


def _published():
    return select(WallPost).where(WallPost.status == "published", WallPost.published_text.is_not(None))


def published_posts(*, quadrant: str | None = None, theme: str | None = None, page: int = 1,
                    per_page: int = 30) -> tuple[list[WallPost], int]:
    """One page of the wall, newest first, and how many posts match in all."""
    stmt = _published()
    if quadrant:
        stmt = stmt.where(WallPost.quadrant == quadrant)
    if theme:
        # Themes are a JSON list of slugs ([a-z-] only, checked by the caller), so a quoted
        # match on the stored text works the same on SQLite and PostgreSQL.
        stmt = stmt.where(cast(WallPost.themes, String).like(f'%"{theme}"%'))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = db.session.scalars(stmt.order_by(WallPost.published_at.desc().nulls_last(), WallPost.id.desc())
                              .limit(per_page).offset((page - 1) * per_page))
    return list(rows), total


def get_published_post(post_id: int) -> WallPost | None:
    if not is_id(post_id):
        return None
    return db.session.scalar(_published().where(WallPost.id == post_id))


# --- Following a comment with its private link -----------------------------------------------

def get_post_by_token(token: str) -> WallPost | None:
    if not token or len(token) > 100:
        return None
    return db.session.scalar(select(WallPost).where(WallPost.follow_token_hash == hash_token(token)))


def can_edit(post: WallPost) -> bool:
    return post.status in EDITABLE_STATUSES


def can_withdraw(post: WallPost) -> bool:
    # A safeguarding referral stays with the safeguarding team: withdrawing must not erase it.
    return post.status not in ("withdrawn", "safeguarding")


def can_have_contact(post: WallPost, records: list | None = None) -> bool:
    """No address is taken once nothing more can happen: a final status, or every response the
    post fed into has closed (the closing step has already deleted addresses, and nothing
    would delete a new one). `records` is records_for_post(post), if the caller has it."""
    if post.status in NO_CONTACT_STATUSES:
        return False
    if records is None:
        records = records_for_post(post)
    return not records or any(record.closed_at is None for record, _version in records)


def edit_text(post: WallPost, text: str) -> None:
    """New words mean a new check: the post leaves the wall until a moderator has read them."""
    if not can_edit(post):
        raise ValueError("This comment can no longer be changed")
    post.text = text.strip()
    post.status = "awaiting-review"
    post.published_text = None
    post.published_at = None
    post.refusal_reason = None
    post.refusal_proposed_by = None
    post.check_hints = run_checks(post.text, _duplicate_pool(exclude_id=post.id))
    post.updated_at = utcnow()


def withdraw(post: WallPost) -> None:
    if not can_withdraw(post):
        raise ValueError("This comment cannot be withdrawn")
    post.status = "withdrawn"
    post.published_text = None
    post.updated_at = utcnow()
    remove_contact(post)


def contact_of(post: WallPost) -> WallContact | None:
    return db.session.scalar(select(WallContact).where(WallContact.post_id == post.id))


def set_contact(post: WallPost, email: str) -> None:
    contact = contact_of(post)
    if contact is None:
        db.session.add(WallContact(post_id=post.id, email=email.strip(), language=current_language()))
    else:
        contact.email = email.strip()
        contact.language = current_language()


def remove_contact(post: WallPost) -> bool:
    contact = contact_of(post)
    if contact is None:
        return False
    db.session.delete(contact)
    return True


def records_for_post(post: WallPost) -> list[tuple[YouSaidWeDid, YouSaidWeDidVersion]]:
    """Published "you said, we did" records this post is evidence for, each with the version
    the public sees. Drafts never show."""
    stmt = (select(YouSaidWeDid, YouSaidWeDidVersion)
            .join(yswd_wall_post, yswd_wall_post.c.record_id == YouSaidWeDid.id)
            .join(YouSaidWeDidVersion, (YouSaidWeDidVersion.record_id == YouSaidWeDid.id)
                  & (YouSaidWeDidVersion.number == YouSaidWeDid.published_number))
            .where(yswd_wall_post.c.post_id == post.id, YouSaidWeDid.published_number.is_not(None))
            .order_by(YouSaidWeDid.reference))
    return [(record, version) for record, version in db.session.execute(stmt)]


def is_overdue(version: YouSaidWeDidVersion, today: date | None = None) -> bool:
    today = today or date.today()
    return bool(version.target_date and version.target_date < today and version.status not in YSWD_FINISHED)


# --- Me too and flags ------------------------------------------------------------------------

def _react(post: WallPost, kind: str, browser_hash: str, flag_reason: str | None = None) -> bool:
    """Add one reaction; False if this browser already made it (the unique key decides, so two
    quick clicks cannot both count)."""
    exists = db.session.scalar(select(WallReaction.id).where(
        WallReaction.post_id == post.id, WallReaction.kind == kind, WallReaction.browser_hash == browser_hash))
    if exists is not None:
        return False
    try:
        with db.session.begin_nested():
            db.session.add(WallReaction(post_id=post.id, kind=kind, browser_hash=browser_hash,
                                        flag_reason=flag_reason))
    except IntegrityError:
        return False
    return True


def add_me_too(post: WallPost, browser_hash: str) -> bool:
    if not _react(post, "me-too", browser_hash):
        return False
    db.session.execute(update(WallPost).where(WallPost.id == post.id)
                       .values(me_too_count=WallPost.me_too_count + 1))
    db.session.refresh(post)
    return True


def flag_post(post: WallPost, browser_hash: str, reason: str, threshold: int) -> str:
    """'flagged', 'hidden' (taken off the wall for moderators to check) or 'already'."""
    if not _react(post, "flag", browser_hash, flag_reason=reason):
        return "already"
    db.session.execute(update(WallPost).where(WallPost.id == post.id)
                       .values(flag_count=WallPost.flag_count + 1))
    db.session.refresh(post)
    if post.status == "published" and (reason == "identifies-someone" or post.flag_count >= threshold):
        post.status = "hidden"
        post.updated_at = utcnow()
        return "hidden"
    return "flagged"


# --- Champions' own entries ------------------------------------------------------------------

def champion_posts(user: User, *, limit: int | None = None) -> list[WallPost]:
    stmt = (select(WallPost).where(WallPost.entered_by_id == user.id)
            .order_by(WallPost.submitted_at.desc(), WallPost.id.desc()))
    return list(db.session.scalars(stmt.limit(limit) if limit else stmt))


def champion_post(user: User, post_id: int) -> WallPost | None:
    if not is_id(post_id):
        return None
    return db.session.scalar(select(WallPost).where(WallPost.id == post_id, WallPost.entered_by_id == user.id))


# --- Published moderation statistics ---------------------------------------------------------

def _month_starts(today: date, months: int) -> list[date]:
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts


def _empty_month(start: date) -> dict:
    return {"month": start, "received": 0, "published": 0, "redacted": 0, "not_published": 0,
            "reasons": {}, "safeguarding": 0, "disputed": 0, "withdrawn": 0, "waiting": 0,
            "hidden": 0, "median_days": None, "_days": []}


def monthly_statistics(today: date | None = None, months: int = 12) -> dict:
    """Counts by the month a comment was received, newest month first, plus totals. Counts
    only: no text and nothing about who wrote what."""
    today = today or utcnow().date()
    starts = _month_starts(today, months)
    rows = {start: _empty_month(start) for start in starts}
    since = datetime.combine(starts[-1], time.min, tzinfo=timezone.utc)
    posts = db.session.execute(
        select(WallPost.id, WallPost.submitted_at, WallPost.status, WallPost.refusal_reason,
               WallPost.decided_at, WallPost.published_at)
        .where(WallPost.submitted_at >= since)).all()
    redacted = set(db.session.scalars(select(WallDecision.post_id).where(
        WallDecision.decision == "publish-redacted", WallDecision.post_id.in_([p.id for p in posts] or [0]))))
    totals = _empty_month(starts[-1])
    for post in posts:
        submitted = as_utc(post.submitted_at)
        row = rows.get(date(submitted.year, submitted.month, 1))
        if row is None:
            continue
        for target in (row, totals):
            _count_post(target, post, post.id in redacted)
            if post.decided_at is not None:
                target["_days"].append((as_utc(post.decided_at) - submitted).total_seconds() / 86400)
    for target in (*rows.values(), totals):
        days = target.pop("_days")
        target["median_days"] = round(statistics.median(days), 1) if days else None
    return {"months": [rows[start] for start in starts], "totals": totals}


def _count_post(target: dict, post, was_redacted: bool) -> None:
    target["received"] += 1
    if post.status == "published":
        target["published"] += 1
        target["redacted"] += 1 if was_redacted else 0
    elif post.status == "not-published":
        target["not_published"] += 1
        reason = post.refusal_reason or "other"
        target["reasons"][reason] = target["reasons"].get(reason, 0) + 1
    elif post.status in ("safeguarding", "disputed", "withdrawn", "hidden"):
        target[post.status] += 1
    else:  # awaiting-review, refusal-proposed
        target["waiting"] += 1
