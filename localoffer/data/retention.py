"""The retention schedule (research anchors-feedback-statutory §6.9, to agree with the DPO).
`flask retention run` and the daily job apply it; every period is configurable (README).

| data | kept |
|---|---|
| families' own words that were never published, or were published with redactions (wall text, survey free text) | until the annual report covering them has been published for RETENTION_FREE_TEXT_DAYS (a year), and never more than RETENTION_FREE_TEXT_MAX_DAYS after the story ended |
| details in "report a problem" | RETENTION_PROBLEM_REPORT_DAYS after the report was closed |
| email addresses for updates | deleted when the story ends (data/wall.py); at most RETENTION_CONTACT_DAYS after the post last changed unless an open "you said, we did" record still uses the post |
| published wall posts | RETENTION_PUBLISHED_POST_DAYS (3 years), then archived as counts only |
| unfinished survey answers | SURVEY_DRAFT_MAX_DAYS |
| search log | RETENTION_SEARCH_LOG_DAYS |
| ended staff sessions, used or expired sign-in links | RETENTION_STAFF_SESSION_DAYS |
| rate-limit counters | until their window ends |
| audit log and moderation decisions | RETENTION_AUDIT_DAYS (6 years) |
| safeguarding referrals | not touched: the council's safeguarding schedule applies |
| survey responses (anonymous choices) | RETENTION_SURVEY_RESPONSE_DAYS (5 years) after the wave closed, then kept as counts only (data/survey_archive.py), so every published figure stays the same |
| published survey results and "you said, we did" records | kept: public record |

Erasing keeps the row, so every count (moderation statistics, annual reports) stays right.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, delete, exists, func, or_, select, update

from .. import ratelimit
from ..extensions import db
from ..models import (AnnualReport, AuditEvent, ProblemReport, SearchLog, StaffSession, Survey, SurveyAnswer,
                      UserToken, WallContact, WallDecision, WallPost, WallReaction, YouSaidWeDid, yswd_wall_post)
from ..models.base import utcnow
from .survey import delete_old_drafts
from .survey_archive import tally_responses

FINISHED_WALL_STATUSES = ("not-published", "withdrawn")
CLOSED_REPORT_STATUSES = ("fixed", "dismissed")


def days(key: str) -> int:
    return int(current_app.config[key])


@dataclass
class Outcome:
    rule: str
    count: int
    what: str


def _published_report_covers(day_column, cutoff: datetime):
    """SQL: an annual report whose period includes the day was published before `cutoff`."""
    return exists().where(AnnualReport.published_at.is_not(None), AnnualReport.published_at <= cutoff,
                          AnnualReport.period_start <= day_column, AnnualReport.period_end >= day_column)


def erase_wall_text(now: datetime) -> int:
    """Families' unpublished words: refused or withdrawn posts lose their text; posts published
    with redactions keep only the redacted version. Check hints (which quote the text) go too."""
    report_cutoff = now - timedelta(days=days("RETENTION_FREE_TEXT_DAYS"))
    backstop = now - timedelta(days=days("RETENTION_FREE_TEXT_MAX_DAYS"))
    ended = func.coalesce(WallPost.decided_at, WallPost.updated_at)
    due = or_(ended <= backstop, _published_report_covers(func.date(WallPost.submitted_at), report_cutoff))
    erased = db.session.execute(
        update(WallPost).where(WallPost.status.in_(FINISHED_WALL_STATUSES), WallPost.text != "", due)
        .values(text="", check_hints=[]).execution_options(synchronize_session=False)).rowcount or 0
    erased += db.session.execute(
        update(WallPost).where(WallPost.status == "published", WallPost.published_text.is_not(None),
                               WallPost.text != WallPost.published_text, due)
        .values(text=WallPost.published_text, check_hints=[]).execution_options(synchronize_session=False)
    ).rowcount or 0
    return erased


def archive_published_posts(now: datetime) -> int:
    """Published posts older than the public-record period become counts only."""
    cutoff = now - timedelta(days=days("RETENTION_PUBLISHED_POST_DAYS"))
    ids = list(db.session.scalars(select(WallPost.id).where(WallPost.status == "published",
                                                            WallPost.published_at <= cutoff)))
    if ids:
        db.session.execute(delete(WallReaction).where(WallReaction.post_id.in_(ids)))
        db.session.execute(delete(WallContact).where(WallContact.post_id.in_(ids)))
        db.session.execute(update(WallPost).where(WallPost.id.in_(ids)).values(
            status="archived", text="", published_text=None, check_hints=[], updated_at=now)
            .execution_options(synchronize_session=False))
    return len(ids)


def erase_survey_text(now: datetime) -> int:
    """Free-text survey answers (never public; their coded themes stay)."""
    report_cutoff = now - timedelta(days=days("RETENTION_FREE_TEXT_DAYS"))
    backstop = (now - timedelta(days=days("RETENTION_FREE_TEXT_MAX_DAYS"))).date()
    from ..models import SurveyResponse

    closed_waves = select(Survey.id).where(Survey.closes_on.is_not(None), or_(
        Survey.closes_on <= backstop, _published_report_covers(Survey.closes_on, report_cutoff)))
    responses = select(SurveyResponse.id).where(SurveyResponse.survey_id.in_(closed_waves))
    return db.session.execute(
        update(SurveyAnswer).where(SurveyAnswer.response_id.in_(responses), SurveyAnswer.text.is_not(None),
                                   SurveyAnswer.text != "")
        .values(text="").execution_options(synchronize_session=False)).rowcount or 0


def tally_old_survey_responses(now: datetime) -> int:
    """Waves closed more than the period ago: responses replaced by counts (survey_archive.py)."""
    return tally_responses(closed_before=(now - timedelta(days=days("RETENTION_SURVEY_RESPONSE_DAYS"))).date())


def erase_problem_details(now: datetime) -> int:
    cutoff = now - timedelta(days=days("RETENTION_PROBLEM_REPORT_DAYS"))
    return db.session.execute(
        update(ProblemReport).where(ProblemReport.status.in_(CLOSED_REPORT_STATUSES), ProblemReport.details != "",
                                    func.coalesce(ProblemReport.updated_at, ProblemReport.created_at) <= cutoff)
        .values(details="").execution_options(synchronize_session=False)).rowcount or 0


def delete_stale_contacts(now: datetime) -> int:
    cutoff = now - timedelta(days=days("RETENTION_CONTACT_DAYS"))
    open_record = exists().where(yswd_wall_post.c.post_id == WallContact.post_id,
                                 yswd_wall_post.c.record_id == YouSaidWeDid.id, YouSaidWeDid.closed_at.is_(None))
    quiet = select(WallPost.id).where(WallPost.updated_at <= cutoff)
    return db.session.execute(delete(WallContact).where(WallContact.post_id.in_(quiet), ~open_record)
                              .execution_options(synchronize_session=False)).rowcount or 0


def delete_old_searches(now: datetime) -> int:
    cutoff = now - timedelta(days=days("RETENTION_SEARCH_LOG_DAYS"))
    return db.session.execute(delete(SearchLog).where(SearchLog.created_at <= cutoff)).rowcount or 0


def delete_old_sign_ins(now: datetime) -> int:
    cutoff = now - timedelta(days=days("RETENTION_STAFF_SESSION_DAYS"))
    longest = timedelta(hours=int(current_app.config.get("STAFF_MAX_HOURS", 12)))
    sessions = db.session.execute(delete(StaffSession).where(
        StaffSession.last_seen_at <= cutoff,
        or_(StaffSession.ended_at.is_not(None), StaffSession.created_at <= now - longest))).rowcount or 0
    tokens = db.session.execute(delete(UserToken).where(
        or_(UserToken.expires_at <= cutoff, and_(UserToken.used_at.is_not(None), UserToken.used_at <= cutoff)))
    ).rowcount or 0
    return sessions + tokens


def delete_old_audit(now: datetime) -> int:
    cutoff = now - timedelta(days=days("RETENTION_AUDIT_DAYS"))
    events = db.session.execute(delete(AuditEvent).where(AuditEvent.created_at <= cutoff)).rowcount or 0
    decisions = db.session.execute(delete(WallDecision).where(WallDecision.created_at <= cutoff)).rowcount or 0
    return events + decisions


def kept_for_safeguarding() -> int:
    return db.session.scalar(select(func.count()).select_from(WallPost).where(WallPost.status == "safeguarding")) or 0


RULES = (
    ("wall-text", erase_wall_text, "families' unpublished words on wall posts erased"),
    ("wall-archive", archive_published_posts, "published wall posts archived as counts only"),
    ("wall-contacts", delete_stale_contacts, "email addresses for updates deleted"),
    ("survey-text", erase_survey_text, "free-text survey answers erased"),
    ("survey-responses", tally_old_survey_responses, "survey responses replaced by counts"),
    ("problem-details", erase_problem_details, "details of closed problem reports erased"),
    ("search-log", delete_old_searches, "logged searches deleted"),
    ("sign-ins", delete_old_sign_ins, "old staff sessions and sign-in links deleted"),
    ("audit", delete_old_audit, "audit and moderation records older than the audit period deleted"),
)


def run(now: datetime | None = None, *, dry_run: bool = False) -> list[Outcome]:
    """Apply every rule in one transaction per rule; with dry_run, count only (rolled back)."""
    now = now or utcnow()
    outcomes = []
    for name, rule, what in RULES:
        outcomes.append(Outcome(name, rule(now), what))
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    if dry_run:
        outcomes.append(Outcome("survey-drafts", 0, "unfinished survey answers deleted (not counted in a dry run)"))
        outcomes.append(Outcome("rate-limits", 0, "expired rate-limit counters deleted (not counted in a dry run)"))
    else:
        outcomes.append(Outcome("survey-drafts", delete_old_drafts(), "unfinished survey answers deleted"))
        db.session.commit()
        outcomes.append(Outcome("rate-limits", ratelimit.prune(), "expired rate-limit counters deleted"))
    outcomes.append(Outcome("safeguarding", kept_for_safeguarding(),
                            "safeguarding referrals kept (the council's safeguarding schedule applies)"))
    return outcomes


__all__ = ["Outcome", "RULES", "run"]
