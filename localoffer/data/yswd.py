""""You said, we did" records: versions, who owns which part, signing and publishing (research §6.6).

Nothing is edited in place: every change copies the latest version into a new one with no
signatures. A version is published when a council signatory and a Forum signatory have both
signed it, or by the council alone once the Forum has not signed for YSWD_FORUM_SIGN_DAYS."""
from __future__ import annotations

import copy
from collections import Counter
from datetime import date, datetime, timedelta

from flask import current_app, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from ..extensions import db
from ..filters import long_date
from ..mail import in_language, send_mail_safely
from ..models import Survey, User, WallContact, WallPost, YouSaidWeDid, YouSaidWeDidVersion
from ..models.base import as_utc, utcnow
from ..voice_vocab import YSWD_FINISHED, YSWD_STATUSES, party_of
from . import audit
from .wall import is_id

# Who may change which part of a version (research §6.6): the Forum owns what families said and
# its own view; the council owns its response; either may file the record and add evidence.
FORUM_FIELDS = ("you_said", "forum_view", "forum_view_comment")
COUNCIL_FIELDS = ("we_will", "target_date", "responsible_service", "status", "status_reason", "progress")
SHARED_FIELDS = ("title", "themes", "quadrants", "reg56_category", "survey_evidence", "champion_reports",
                 "wall_post_ids")
VERSION_FIELDS = FORUM_FIELDS + COUNCIL_FIELDS + SHARED_FIELDS
# Statuses that must say why (can't do) or who has it and what happens next (partner).
REASON_NEEDED = ("cant-do", "passed-to-partner")
SIGNING_ROLES = ("council_moderator", "forum_moderator")
WALL_POSTS_PER_PAGE = 20


class YswdError(Exception):
    """A rule stopped the change. The message is plain English for the person who tried."""


def may_change(role: str | None, field: str) -> bool:
    party = party_of(role)
    return party is not None and (field in SHARED_FIELDS or (party == "forum" and field in FORUM_FIELDS)
                                  or (party == "council" and field in COUNCIL_FIELDS))


# Reading ---------------------------------------------------------------------------------------

def get_record(reference: str) -> YouSaidWeDid | None:
    return db.session.scalar(select(YouSaidWeDid).where(YouSaidWeDid.reference == reference))


def all_records() -> list[YouSaidWeDid]:
    return list(db.session.scalars(select(YouSaidWeDid).order_by(YouSaidWeDid.created_at.desc(),
                                                                 YouSaidWeDid.id.desc())))


def latest(record: YouSaidWeDid) -> YouSaidWeDidVersion:
    return record.versions[-1]


def version(record: YouSaidWeDid, number: int) -> YouSaidWeDidVersion | None:
    return next((v for v in record.versions if v.number == number), None)


def published_version(record: YouSaidWeDid) -> YouSaidWeDidVersion | None:
    return None if record.published_number is None else version(record, record.published_number)


def published_history(record: YouSaidWeDid) -> list[YouSaidWeDidVersion]:
    """Every version that was ever published, newest first: the public history."""
    return [v for v in reversed(record.versions) if v.published_at is not None]


def is_overdue(ver: YouSaidWeDidVersion, today: date | None = None) -> bool:
    """Never stored: the target date has passed and the work is not finished."""
    return bool(ver.target_date and ver.target_date < (today or date.today()) and ver.status not in YSWD_FINISHED)


def state(record: YouSaidWeDid) -> str:
    """Where a record is for staff: draft, waiting-council, waiting-forum, published or
    published-with-draft (a newer version not yet published)."""
    newest = latest(record)
    if record.published_number is not None:
        return "published" if newest.number == record.published_number else "published-with-draft"
    if newest.council_signed_at and not newest.forum_signed_at:
        return "waiting-forum"
    if newest.forum_signed_at and not newest.council_signed_at:
        return "waiting-council"
    return "draft"


def published_records(status: str | None = None, theme: str | None = None,
                      quadrant: str | None = None) -> list[tuple[YouSaidWeDid, YouSaidWeDidVersion]]:
    """Published records and the version families see, newest first, optionally filtered.
    Themes and quadrants are JSON lists, so they are filtered here rather than in SQL."""
    # Each record with its published version in one query (not one query per record).
    rows = db.session.execute(
        select(YouSaidWeDid, YouSaidWeDidVersion)
        .join(YouSaidWeDidVersion, (YouSaidWeDidVersion.record_id == YouSaidWeDid.id)
              & (YouSaidWeDidVersion.number == YouSaidWeDid.published_number))
        .order_by(YouSaidWeDid.first_published_at.desc(), YouSaidWeDid.id.desc())).all()
    return [(r, v) for r, v in rows
            if (status is None or v.status == status)
            and (theme is None or theme in (v.themes or []))
            and (quadrant is None or quadrant in (v.quadrants or []))]


def get_published(reference: str) -> tuple[YouSaidWeDid, YouSaidWeDidVersion] | None:
    record = get_record(reference)
    found = published_version(record) if record else None
    return (record, found) if found else None


# Evidence --------------------------------------------------------------------------------------

def linked_posts(ver: YouSaidWeDidVersion | None) -> list[WallPost]:
    """The wall posts a version links, in the order they were linked (a post since deleted is
    left out). Staff pages use the latest version; public pages the published one."""
    ids = [i for i in (ver.wall_post_ids or []) if is_id(i)] if ver is not None else []
    if not ids:
        return []
    found = {p.id: p for p in db.session.scalars(select(WallPost).where(WallPost.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def shown_posts(ver: YouSaidWeDidVersion | None) -> list[WallPost]:
    """Linked posts still on the wall: a post taken down later stops being shown as evidence."""
    return [p for p in linked_posts(ver) if p.status == "published"]


def public_posts(record: YouSaidWeDid) -> list[WallPost]:
    """The evidence families see: posts linked in the published version and still on the wall."""
    return shown_posts(published_version(record))


def survey_figures(ver: YouSaidWeDidVersion) -> list[dict]:
    """Survey evidence as published results (question_summary applies suppression); evidence from
    a survey whose results are not published is left out."""
    from . import survey_results

    figures = []
    for item in ver.survey_evidence or []:
        survey = db.session.get(Survey, item.get("survey_id"))
        if survey is None or not survey.results_published:
            continue
        summary = survey_results.question_summary(survey, item.get("code", ""))
        if summary is not None:
            figures.append(summary)
    return figures


def reach(record: YouSaidWeDid, ver: YouSaidWeDidVersion) -> dict:
    """Who we heard from: published wall posts (one family each) plus champion report families."""
    by_quadrant: Counter = Counter()
    by_channel: Counter = Counter()
    for post in shown_posts(ver):
        by_channel[post.channel] += 1
        if post.quadrant:
            by_quadrant[post.quadrant] += 1
    for report in ver.champion_reports or []:
        families = int(report.get("families") or 0)
        by_channel[report.get("channel") or "group"] += families
        if report.get("quadrant"):
            by_quadrant[report["quadrant"]] += families
    return {"families": sum(by_channel.values()), "by_quadrant": dict(by_quadrant),
            "by_channel": dict(by_channel), "parts": len([q for q, n in by_quadrant.items() if n])}


def published_wall_posts(search: str = "", page: int = 1) -> tuple[list[WallPost], int]:
    """Published wall posts staff can link as evidence, newest first, searched by their words."""
    stmt = select(WallPost).where(WallPost.status == "published")
    if search:
        stmt = stmt.where(func.lower(WallPost.published_text).contains(search.lower(), autoescape=True))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    items = db.session.scalars(stmt.order_by(WallPost.published_at.desc(), WallPost.id.desc())
                               .limit(WALL_POSTS_PER_PAGE).offset((max(page, 1) - 1) * WALL_POSTS_PER_PAGE))
    return list(items), total


def link_wall_post(record: YouSaidWeDid, post_id: int, user: User, *,
                   linked: bool) -> YouSaidWeDidVersion | None:
    """Link or unlink a published wall post. Like every edit this makes a new unsigned version,
    so families only see the change once both organisations sign it. Returns None when the post
    was already linked (or already not linked)."""
    post = db.session.get(WallPost, post_id) if is_id(post_id) else None
    if post is None:
        raise YswdError(_l("That wall post was not found"))
    if post.status != "published":
        raise YswdError(_l("Only published wall posts can be evidence"))
    ids = list(latest(record).wall_post_ids or [])
    if linked == (post.id in ids):
        return None
    if linked:
        ids.append(post.id)
        note = _l("Linked wall post %(id)d", id=post.id)
    else:
        ids.remove(post.id)
        note = _l("Unlinked wall post %(id)d", id=post.id)
    new = edit(record, user, {"wall_post_ids": ids}, str(note))
    audit.record("yswd-evidence-changed", subject_type="yswd", subject_id=record.reference,
                 detail=f"version {new.number}: wall post {post.id} {'linked' if linked else 'unlinked'}", user=user)
    return new


def surveys_with_results() -> list[Survey]:
    return list(db.session.scalars(select(Survey).where(Survey.results_published.is_(True))
                                   .order_by(Survey.series, Survey.wave)))


def add_survey_evidence(record: YouSaidWeDid, user: User, survey_id: int, code: str) -> YouSaidWeDidVersion:
    survey = db.session.get(Survey, survey_id)
    if survey is None or not survey.results_published:
        raise YswdError(_l("Choose a survey whose results are published"))
    if code not in {q.code for q in survey.questions}:
        raise YswdError(_l("Choose a question from that survey"))
    items = list(latest(record).survey_evidence or [])
    if {"survey_id": survey.id, "code": code} in items:
        raise YswdError(_l("That question is already evidence for this record"))
    return edit(record, user, {"survey_evidence": items + [{"survey_id": survey.id, "code": code}]},
                str(_l("Survey evidence added")))


def remove_list_item(record: YouSaidWeDid, user: User, field: str, index: int) -> YouSaidWeDidVersion:
    """Remove one survey item, champion report or progress entry (a new version)."""
    items = list(getattr(latest(record), field) or [])
    if field not in ("survey_evidence", "champion_reports", "progress") or not 0 <= index < len(items):
        raise YswdError(_l("That item was not found"))
    del items[index]
    return edit(record, user, {field: items}, str(_l("An item was removed")))


# Changing --------------------------------------------------------------------------------------

def next_reference(year: int) -> str:
    prefix = f"YSWD-{year}-"
    taken = db.session.scalars(select(YouSaidWeDid.reference).where(YouSaidWeDid.reference.like(prefix + "%")))
    numbers = [int(ref[len(prefix):]) for ref in taken if ref[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def start_record(user: User, title: str, you_said: str = "") -> YouSaidWeDid:
    """Either organisation starts a record; only the Forum may write "you said"."""
    party = party_of(user.role)
    if party is None:
        raise YswdError(_l("Only the council or the Forum can start a record"))
    if you_said and party != "forum":
        raise YswdError(_l("Only the Essex Family Forum can write what families said"))
    record = YouSaidWeDid(reference=next_reference(utcnow().year), created_by_id=user.id)
    record.versions.append(YouSaidWeDidVersion(
        number=1, title=title, you_said=you_said, themes=[], quadrants=[], progress=[], survey_evidence=[],
        champion_reports=[], wall_post_ids=[], change_note=str(_l("Record started")), created_by_id=user.id))
    db.session.add(record)
    db.session.flush()
    audit.record("yswd-created", subject_type="yswd", subject_id=record.reference, detail=f"by {party}", user=user)
    return record


def _check_status(values: dict) -> None:
    if values["status"] not in YSWD_STATUSES:
        raise YswdError(_l("Choose a status"))
    if values["status"] == "cant-do" and not (values["status_reason"] or "").strip():
        raise YswdError(_l("Say why we can't do this"))
    if values["status"] == "passed-to-partner" and not (values["status_reason"] or "").strip():
        raise YswdError(_l("Say which partner has it and what happens next"))
    for entry in values["progress"] or []:
        percent = entry.get("percent")
        if percent is not None and not 0 <= int(percent) <= 100:
            raise YswdError(_l("Progress must be between 0 and 100 per cent"))
        if entry.get("link") and not str(entry["link"]).startswith(("https://", "http://")):
            raise YswdError(_l("Enter a web address starting with https://"))


def edit(record: YouSaidWeDid, user: User, changes: dict, change_note: str = "") -> YouSaidWeDidVersion | None:
    """Save a change as a new version copied from the latest, with no signatures. Returns None
    when nothing actually changed (no empty versions)."""
    for field in changes:
        if field not in VERSION_FIELDS:
            raise ValueError(f"Not a version field: {field}")
        if not may_change(user.role, field):
            owner = _l("the Essex Family Forum") if field in FORUM_FIELDS else _l("the council")
            raise YswdError(_l("Only %(owner)s can change this part", owner=owner))
    current = latest(record)
    values = {field: copy.deepcopy(getattr(current, field)) for field in VERSION_FIELDS}
    changed = sorted(field for field, value in changes.items() if values[field] != value)
    if not changed:
        return None
    values.update({field: changes[field] for field in changed})
    _check_status(values)
    new = YouSaidWeDidVersion(number=current.number + 1, created_by_id=user.id,
                              change_note=(change_note or "").strip()[:500] or ", ".join(changed), **values)
    record.versions.append(new)
    db.session.flush()
    audit.record("yswd-edited", subject_type="yswd", subject_id=record.reference,
                 detail=f"version {new.number}: {', '.join(changed)}", user=user)
    return new


# Signing and publishing ------------------------------------------------------------------------

def _signable(record: YouSaidWeDid, user: User, number: int) -> YouSaidWeDidVersion:
    if user.role not in SIGNING_ROLES:
        raise YswdError(_l("Only a council or Forum signatory can sign"))
    current = latest(record)
    if number < current.number:
        raise YswdError(_l("A newer version was saved; read it before signing"))
    if number != current.number:
        raise YswdError(_l("That version was not found"))
    if current.published_at is not None:
        raise YswdError(_l("This version is already published"))
    if not (current.you_said or "").strip():
        raise YswdError(_l("The Forum must write what families said before this can be signed"))
    return current


def sign(record: YouSaidWeDid, user: User, number: int) -> YouSaidWeDidVersion:
    """Sign version `number` for the signer's own organisation; publish when both have signed."""
    current = _signable(record, user, number)
    party = party_of(user.role)
    if getattr(current, f"{party}_signed_at") is not None:
        raise YswdError(_l("Your organisation has already signed this version"))
    setattr(current, f"{party}_signed_by_id", user.id)
    setattr(current, f"{party}_signed_at", utcnow())
    audit.record("yswd-signed", subject_type="yswd", subject_id=record.reference,
                 detail=f"version {current.number} for {party}", user=user)
    if current.council_signed_at and current.forum_signed_at:
        _publish(record, current, user)
    db.session.flush()
    return current


def forum_deadline(ver: YouSaidWeDidVersion) -> datetime | None:
    """When the council may publish alone, counted from the council's signature."""
    if ver.council_signed_at is None:
        return None
    return as_utc(ver.council_signed_at) + timedelta(days=current_app.config.get("YSWD_FORUM_SIGN_DAYS", 28))


def publish_alone(record: YouSaidWeDid, user: User, number: int) -> YouSaidWeDidVersion:
    """The deadlock rule: the council publishes a version it signed that the Forum has not
    signed within the time allowed; the page then says the Forum has not agreed."""
    if user.role != "council_moderator":
        raise YswdError(_l("Only a council signatory can do this"))
    current = _signable(record, user, number)
    deadline = forum_deadline(current)
    if deadline is None:
        raise YswdError(_l("The council must sign this version first"))
    if utcnow() < deadline:
        raise YswdError(_l("The Forum has until %(date)s to sign", date=long_date(deadline.date())))
    current.published_without_forum = True
    _publish(record, current, user)
    db.session.flush()
    return current


def _public_link(reference: str) -> str:
    if has_request_context():
        path = url_for("yswd.record", reference=reference)
    else:
        path = current_app.url_map.bind("localhost").build("yswd.record", {"reference": reference})
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


def _publish(record: YouSaidWeDid, ver: YouSaidWeDidVersion, user: User) -> None:
    previous = published_version(record)
    now = utcnow()
    ver.published_at = now
    record.published_number = ver.number
    record.first_published_at = record.first_published_at or now
    audit.record("yswd-published", subject_type="yswd", subject_id=record.reference,
                 detail=f"version {ver.number}" + (" without the Forum" if ver.published_without_forum else ""),
                 user=user)
    # The link table now means "the posts in this published version": the follow page and
    # the emails below read it.
    record.wall_posts = linked_posts(ver)
    post_ids = [p.id for p in record.wall_posts]
    contacts = list(db.session.scalars(select(WallContact).where(WallContact.post_id.in_(post_ids)))) if post_ids else []
    if previous is None or previous.status != ver.status:
        for contact in contacts:
            with in_language(contact.language):
                status = str(YSWD_STATUSES[ver.status])
                send_mail_safely(contact.email, str(_l("Update on %(reference)s", reference=record.reference)),
                                 str(_l("You left a comment on the Essex Local Offer wall. The council and the "
                                        "Essex Family Forum have published an update about it.\n\n"
                                        "%(reference)s: %(title)s\nStatus: %(status)s\n\nRead it here: %(link)s",
                                        reference=record.reference, title=ver.title, status=status,
                                        link=_public_link(record.reference))))
    if ver.status in YSWD_FINISHED:
        # The story has ended: the addresses kept for updates go (research §6.9).
        record.closed_at = now
        if post_ids:
            db.session.execute(delete(WallContact).where(WallContact.post_id.in_(post_ids)))
    else:
        record.closed_at = None
