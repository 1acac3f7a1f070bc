"""Moderating the graffiti wall: the council and the Essex Family Forum decide together
(research §6.5). Either organisation may publish, or refuse on clear-cut grounds; a refusal on
judgement grounds needs the other organisation, and a disagreement goes to the joint panel, so
neither side can quietly suppress or block a post. Every decision writes a WallDecision row and
an audit event that names states and reasons only, never what the family wrote."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload

from ...extensions import db
from ...models import User, WallContact, WallDecision, WallPost, WallReaction
from ...models.base import as_utc, utcnow
from ...voice_vocab import (
    CLEAR_CUT_REASONS,
    REFUSAL_REASONS,
    REG56_CATEGORIES,
    THEMES,
    party_of,
)
from .. import audit
from ..wall import is_id
from .prompts import (  # noqa: F401
    PROMPT_MAX_CHARS,
    add_prompt,
    get_prompt,
    list_prompts,
    set_prompt_active,
)
from .text import (  # noqa: F401
    MARKERS,
    RedactionError,
    parse_redactions,
    quotes_post,
    redact,
    working_days_between,
)

QUEUE_LIMIT = 100
NOTE_MAX_CHARS = 500
# The statuses each action may start from. Anything else means someone got there first.
ALLOWED_FROM = {
    "publish": ("awaiting-review",),
    "not-publish": ("awaiting-review", "published", "hidden"),
    "restore": ("hidden",),
    "review-refusal": ("refusal-proposed",),
    "resolve": ("disputed",),
    "safeguarding": ("awaiting-review", "published", "hidden", "refusal-proposed", "disputed", "not-published"),
}


class DecisionRefused(Exception):
    """A decision this moderator may not make now. `kind`: stale (the post is no longer in the
    state they saw), own-entry, same-party, no-party or duplicate-target."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


# Reading -------------------------------------------------------------------------------------

def get_post(post_id: int, *, lock: bool = False) -> WallPost | None:
    """`lock` holds the row until commit (PostgreSQL), so two moderators cannot both decide."""
    if not is_id(post_id):
        return None
    return db.session.get(WallPost, post_id, with_for_update=lock or None)


def state_of(post: WallPost) -> str:
    """What the moderator saw: the status and how many decisions there had been. A decision
    form carries it, so a post decided by someone else meanwhile is never overwritten."""
    decisions = db.session.scalar(select(func.count()).select_from(WallDecision)
                                  .where(WallDecision.post_id == post.id))
    return f"{post.status}:{decisions}"


def target_working_days() -> int:
    return int(current_app.config.get("WALL_TARGET_WORKING_DAYS", 5))


def age_of(post: WallPost, today: date | None = None) -> int:
    return working_days_between(as_utc(post.submitted_at).date(), today or utcnow().date())


@dataclass
class Section:
    total: int
    posts: list[WallPost]


@dataclass
class Queue:
    awaiting: Section
    waiting_for_us: Section   # refusals the other organisation proposed
    waiting_for_them: Section  # refusals our organisation proposed
    disputed: Section
    hidden: Section


def _section(*where) -> Section:
    total = db.session.scalar(select(func.count()).select_from(WallPost).where(*where)) or 0
    posts = db.session.scalars(select(WallPost).where(*where)
                               .order_by(WallPost.submitted_at, WallPost.id).limit(QUEUE_LIMIT))
    return Section(total, list(posts))


def queue_for(user: User) -> Queue:
    """Oldest first. Safeguarding posts never appear: their status is none of these."""
    party = party_of(user.role)
    proposed = WallPost.status == "refusal-proposed"
    return Queue(
        awaiting=_section(WallPost.status == "awaiting-review"),
        waiting_for_us=_section(proposed, WallPost.refusal_proposed_by != party),
        waiting_for_them=_section(proposed, WallPost.refusal_proposed_by == party),
        disputed=_section(WallPost.status == "disputed"),
        hidden=_section(WallPost.status == "hidden"),
    )


def waiting_count(user: User) -> int:
    """Posts waiting for this user's organisation: new ones, the other side's proposed
    refusals, and ones hidden after public flags (for the staff home)."""
    party = party_of(user.role)
    waiting = or_(WallPost.status.in_(("awaiting-review", "hidden")),
                  and_(WallPost.status == "refusal-proposed", WallPost.refusal_proposed_by != party))
    return db.session.scalar(select(func.count()).select_from(WallPost).where(waiting)) or 0


def safeguarding_posts() -> list[WallPost]:
    return list(db.session.scalars(select(WallPost).where(WallPost.status == "safeguarding")
                                   .order_by(WallPost.updated_at.desc(), WallPost.id.desc())))


def history(post: WallPost) -> list[WallDecision]:
    return list(db.session.scalars(select(WallDecision).options(joinedload(WallDecision.user))
                                   .where(WallDecision.post_id == post.id)
                                   .order_by(WallDecision.created_at, WallDecision.id)))


def flag_reasons(post: WallPost) -> dict[str, int]:
    rows = db.session.execute(select(WallReaction.flag_reason, func.count())
                              .where(WallReaction.post_id == post.id, WallReaction.kind == "flag")
                              .group_by(WallReaction.flag_reason))
    return {reason or "other": count for reason, count in rows}


def contact_for(post: WallPost) -> WallContact | None:
    return db.session.scalar(select(WallContact).where(WallContact.post_id == post.id))


def duplicate_target(number: int, post: WallPost) -> WallPost | None:
    """The published post that `post` repeats, or None if `number` is not one."""
    target = db.session.get(WallPost, number) if is_id(number) else None
    if target is None or target.id == post.id or target.status != "published":
        return None
    return target


def record_safeguarding_view(post: WallPost, user: User) -> None:
    audit.record("safeguarding-viewed", subject_type="wall_post", subject_id=post.id,
                 detail="restricted wall post opened", user=user)


# Checks --------------------------------------------------------------------------------------

def why_not(post: WallPost, user: User, action: str, seen: str | None = None) -> str | None:
    """None if `user` may take `action` on `post` now, else a DecisionRefused kind. `seen` is
    the state the form was drawn in (None when only showing the form)."""
    party = party_of(user.role)
    if party is None:
        return "no-party"
    if post.status not in ALLOWED_FROM[action] or (seen is not None and seen != state_of(post)):
        return "stale"
    # A safeguarding concern must always be passable, even on a post the moderator typed in.
    if action != "safeguarding" and post.entered_by_id is not None and post.entered_by_id == user.id:
        return "own-entry"
    if action == "review-refusal" and post.refusal_proposed_by == party:
        return "same-party"
    return None


def actions_for(post: WallPost, user: User) -> list[str]:
    return [action for action in ALLOWED_FROM if why_not(post, user, action) is None]


def _require(post: WallPost, user: User, action: str, seen: str) -> None:
    problem = why_not(post, user, action, seen)
    if problem:
        raise DecisionRefused(problem)


# Deciding ------------------------------------------------------------------------------------

def _record(post: WallPost, user: User, decision: str, before: str, *, reason: str | None = None,
            note: str = "", extra: str = "") -> None:
    now = utcnow()
    post.updated_at = now
    db.session.add(WallDecision(post_id=post.id, user_id=user.id, party=party_of(user.role),
                                decision=decision, reason=reason, note=note[:NOTE_MAX_CHARS], created_at=now))
    detail = f"status {before} -> {post.status}; decision {decision}"
    if reason:
        detail += f"; reason {reason}"
    if extra:
        detail += f"; {extra}"
    audit.record("wall-post-moderated", subject_type="wall_post", subject_id=post.id, detail=detail, user=user)
    db.session.flush()


def _publish(post: WallPost, themes: list[str], reg56_category: str | None,
             redactions: list[tuple[str, str]]) -> str:
    chosen = [t for t in THEMES if t in set(themes or [])]
    if not chosen or len(chosen) != len(set(themes)):
        raise ValueError("choose themes from the list")
    if reg56_category is not None and reg56_category not in REG56_CATEGORIES:
        raise ValueError("unknown reg 56 category")
    now = utcnow()
    post.published_text = redact(post.text, redactions)
    post.themes = chosen
    post.reg56_category = reg56_category
    post.status = "published"
    post.refusal_reason = None
    post.published_at = post.decided_at = now
    return "publish-redacted" if redactions else "publish"


def publish(post: WallPost, user: User, *, seen: str, themes: list[str], reg56_category: str | None = None,
            redactions: list[tuple[str, str]] = (), note: str = "") -> None:
    _require(post, user, "publish", seen)
    before = post.status
    decision = _publish(post, themes, reg56_category, list(redactions))
    _record(post, user, decision, before, note=note, extra=f"{len(redactions)} redactions" if redactions else "")


def _not_published(post: WallPost, reason: str) -> None:
    post.status = "not-published"
    post.refusal_reason = reason
    post.published_text = None
    post.decided_at = utcnow()


def refuse(post: WallPost, user: User, *, seen: str, reason: str, note: str = "",
           duplicate_of: WallPost | None = None) -> None:
    """Not publish, take down a published post, or remove a hidden one. Clear-cut reasons take
    effect at once; judgement reasons wait for the other organisation."""
    _require(post, user, "not-publish", seen)
    if reason not in REFUSAL_REASONS:
        raise ValueError("unknown refusal reason")
    before = post.status
    if reason in CLEAR_CUT_REASONS:
        if reason == "duplicate":
            if duplicate_of is None or duplicate_target(duplicate_of.id, post) is None:
                raise DecisionRefused("duplicate-target")
            post.merged_into_id = duplicate_of.id
            # In SQL, so two merges at once both count.
            duplicate_of.me_too_count = WallPost.me_too_count + 1
        _not_published(post, reason)
        decision = "remove" if before in ("published", "hidden") else "refuse"
    else:
        post.status = "refusal-proposed"
        post.refusal_reason = reason
        post.refusal_proposed_by = party_of(user.role)
        decision = "propose-refusal"
    _record(post, user, decision, before, reason=reason, note=note)


def review_refusal(post: WallPost, user: User, *, seen: str, agree: bool, note: str = "") -> None:
    """The other organisation's answer to a proposed refusal."""
    _require(post, user, "review-refusal", seen)
    before = post.status
    if agree:
        _not_published(post, post.refusal_reason)
    else:
        post.status = "disputed"
    _record(post, user, "agree-refusal" if agree else "disagree-refusal", before,
            reason=post.refusal_reason, note=note)


def resolve_dispute(post: WallPost, user: User, *, seen: str, publish_it: bool, note: str,
                    reason: str | None = None, themes: list[str] = (), reg56_category: str | None = None,
                    redactions: list[tuple[str, str]] = ()) -> None:
    """Record what the joint panel decided; `note` says when it met."""
    _require(post, user, "resolve", seen)
    if not note.strip():
        raise ValueError("the panel note is required")
    before = post.status
    if publish_it:
        _publish(post, list(themes), reg56_category, list(redactions))
        _record(post, user, "resolve-dispute", before, note=note,
                extra=f"{len(redactions)} redactions" if redactions else "")
    else:
        if reason not in REFUSAL_REASONS or reason == "duplicate":
            raise ValueError("choose a refusal reason")
        _not_published(post, reason)
        _record(post, user, "resolve-dispute", before, reason=reason, note=note)


def escalate(post: WallPost, user: User, *, seen: str, note: str = "") -> None:
    """Pass to the safeguarding team: off every public page for good."""
    _require(post, user, "safeguarding", seen)
    before = post.status
    post.status = "safeguarding"
    post.published_text = None
    post.decided_at = utcnow()
    _record(post, user, "safeguarding", before, note=note)


def restore(post: WallPost, user: User, *, seen: str, note: str = "") -> None:
    """Put a post hidden after public flags back on the wall."""
    _require(post, user, "restore", seen)
    before = post.status
    post.status = "published"
    post.flag_count = 0
    _record(post, user, "restore", before, note=note)


def forget_contact_if_refused(post: WallPost) -> str | None:
    """Once a post will never be published its contributor's address has no further use: delete
    it and return it (for the one last email). Kept for published posts (later "you said, we
    did" updates) and safeguarding posts (the safeguarding team may need it)."""
    contact = contact_for(post)
    if contact is None or post.status != "not-published":
        return None
    email = contact.email
    db.session.delete(contact)
    return email


def dispute_unanswered_refusals(today: date | None = None) -> int:
    """A judgement refusal the other organisation has not answered within the target working
    days becomes 'disputed', for the joint panel: silence must not keep a post off the wall
    for ever, nor count as agreement (research §6.5). Run by the daily job."""
    today = today or utcnow().date()
    limit = target_working_days()
    moved = 0
    for post in db.session.scalars(select(WallPost).where(WallPost.status == "refusal-proposed")):
        proposed_at = db.session.scalar(
            select(func.max(WallDecision.created_at))
            .where(WallDecision.post_id == post.id, WallDecision.decision == "propose-refusal"))
        if proposed_at is None or working_days_between(as_utc(proposed_at).date(), today) <= limit:
            continue
        post.status = "disputed"
        post.updated_at = utcnow()
        waiting_for = "forum" if post.refusal_proposed_by == "council" else "council"
        db.session.add(WallDecision(post_id=post.id, user_id=None, party=waiting_for, decision="unanswered",
                                    reason=post.refusal_reason, note=""))
        audit.record("wall-post-moderated", subject_type="wall_post", subject_id=post.id,
                     detail=f"status refusal-proposed -> disputed; not answered in {limit} working days",
                     actor="daily job")
        moved += 1
    return moved
