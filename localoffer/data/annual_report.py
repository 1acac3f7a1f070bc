"""The reg 56 annual comments report (research §6.8): figures computed from live data and frozen
when staff prepare the report, so both organisations sign exactly what will be published.

Every count from 1 to SUPPRESSION_THRESHOLD - 1 is frozen as SUPPRESSED ("fewer than 5"), so the
published report can never single out a small group of families (reg 56(3))."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import AnnualReport, Survey, SurveyResponse, User, WallPost, YouSaidWeDid
from ..models.base import as_utc, utcnow
from ..voice_vocab import ASSISTED_CHANNELS, SUPPRESSION_THRESHOLD, party_of
from . import audit
from .wall import is_id
from .yswd import YswdError, is_overdue, published_version

SUPPRESSED = "<5"
MAX_PERIOD_DAYS = 731  # two years, allowing for a leap day
NOT_GIVEN = "not-given"
SIGNING_ROLES = ("council_moderator", "forum_moderator")


def suppress(count: int) -> int | str:
    return SUPPRESSED if 0 < count < SUPPRESSION_THRESHOLD else count


def _suppressed(counts: Counter) -> dict:
    return {key: suppress(n) for key, n in sorted(counts.items())}


def check_period(start: date, end: date) -> None:
    if start >= end:
        raise YswdError(_l("The start date must be before the end date"))
    if (end - start).days > MAX_PERIOD_DAYS:
        raise YswdError(_l("The period can be at most 2 years"))


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (datetime.combine(start, time.min, timezone.utc),
            datetime.combine(end + timedelta(days=1), time.min, timezone.utc))


def compute_figures(start: date, end: date) -> dict:
    """Everything the report counts for the period, already suppressed and ready to freeze."""
    since, until = _bounds(start, end)
    posts = list(db.session.scalars(select(WallPost).where(WallPost.submitted_at >= since,
                                                          WallPost.submitted_at < until)))
    refused = Counter(p.refusal_reason or NOT_GIVEN for p in posts if p.status == "not-published")
    records = list(db.session.scalars(
        select(YouSaidWeDid).where(YouSaidWeDid.first_published_at.is_not(None), YouSaidWeDid.first_published_at < until)
        .order_by(YouSaidWeDid.reference)))
    active = [(r, published_version(r)) for r in records
              if r.closed_at is None or as_utc(r.closed_at) >= since]
    champion_families = sum(int(report.get("families") or 0) for _r, v in active for report in v.champion_reports or [])
    assisted_posts = sum(1 for p in posts if p.channel in ASSISTED_CHANNELS)
    assisted_responses = len(list(db.session.scalars(select(SurveyResponse.id).where(
        SurveyResponse.channel.in_(ASSISTED_CHANNELS), SurveyResponse.submitted_on >= start,
        SurveyResponse.submitted_on <= end))))
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "wall": {
            "total": suppress(len(posts)),
            "by_channel": _suppressed(Counter(p.channel for p in posts)),
            "by_quadrant": _suppressed(Counter(p.quadrant or NOT_GIVEN for p in posts)),
            "by_category": _suppressed(Counter(p.reg56_category or NOT_GIVEN for p in posts)),
        },
        "not_published": {
            "by_reason": _suppressed(refused),
            "safeguarding": suppress(sum(1 for p in posts if p.status == "safeguarding")),
            "withdrawn": suppress(sum(1 for p in posts if p.status == "withdrawn")),
        },
        "records": [{"reference": r.reference, "title": v.title, "status": v.status,
                     "overdue": is_overdue(v, end), "without_forum": v.published_without_forum,
                     "forum_view": v.forum_view} for r, v in active],
        "surveys": _survey_headlines(start, end),
        "reach": {
            "wall_posts": suppress(assisted_posts),
            "survey_responses": suppress(assisted_responses),
            "champion_reports": suppress(champion_families),
            "total": suppress(assisted_posts + assisted_responses + champion_families),
        },
    }


def _survey_headlines(start: date, end: date) -> list[dict]:
    """Headline figures of waves with published results that ran during the period. The survey
    results module suppresses small numbers itself (n is None then)."""
    from . import survey_results

    surveys = db.session.scalars(select(Survey).where(Survey.results_published.is_(True)).order_by(Survey.id))
    headlines = []
    for survey in surveys:
        opened, closed = survey.opens_on or survey.closes_on, survey.closes_on or survey.opens_on
        if opened and closed and (closed < start or opened > end):
            continue
        figures = [{key: item.get(key) for key in ("code", "label", "n", "positive_percent", "suppressed")}
                   for item in survey_results.headline_figures(survey)]
        headlines.append({"survey_id": survey.id, "title": survey.title, "series": survey.series,
                          "wave": survey.wave, "figures": figures})
    return headlines


# Reports ---------------------------------------------------------------------------------------

def get_report(report_id: int) -> AnnualReport | None:
    return db.session.get(AnnualReport, report_id) if is_id(report_id) else None


def all_reports() -> list[AnnualReport]:
    return list(db.session.scalars(select(AnnualReport).order_by(AnnualReport.period_end.desc(),
                                                                 AnnualReport.id.desc())))


def published_reports() -> list[AnnualReport]:
    return list(db.session.scalars(select(AnnualReport).where(AnnualReport.published_at.is_not(None))
                                   .order_by(AnnualReport.period_end.desc(), AnnualReport.id.desc())))


def _clear_signatures(report: AnnualReport) -> None:
    report.council_signed_by_id = report.council_signed_at = None
    report.forum_signed_by_id = report.forum_signed_at = None


def _editable(report: AnnualReport, user: User) -> None:
    if party_of(user.role) is None:
        raise YswdError(_l("Only the council or the Forum can change the report"))
    if report.published_at is not None:
        raise YswdError(_l("A published report cannot be changed. Prepare a new one instead."))


def prepare(user: User, start: date, end: date, title: str) -> AnnualReport:
    """A new report for the period with its figures frozen now."""
    if party_of(user.role) is None:
        raise YswdError(_l("Only the council or the Forum can prepare the report"))
    check_period(start, end)
    report = AnnualReport(period_start=start, period_end=end, title=title, figures=compute_figures(start, end),
                          prepared_at=utcnow())
    db.session.add(report)
    db.session.flush()
    audit.record("annual-report-prepared", subject_type="annual-report", subject_id=str(report.id),
                 detail=f"{start.isoformat()} to {end.isoformat()}", user=user)
    return report


def prepare_again(report: AnnualReport, user: User) -> None:
    """Recount from live data; both organisations must then sign again."""
    _editable(report, user)
    report.figures = compute_figures(report.period_start, report.period_end)
    report.prepared_at = utcnow()
    _clear_signatures(report)
    audit.record("annual-report-prepared", subject_type="annual-report", subject_id=str(report.id),
                 detail="figures counted again; signatures cleared", user=user)


def update_text(report: AnnualReport, user: User, *, title: str, joint_statement: str, involvement: str) -> bool:
    """Change the words; returns False if nothing changed. Any change clears both signatures."""
    _editable(report, user)
    if (report.title, report.joint_statement, report.involvement) == (title, joint_statement, involvement):
        return False
    report.title, report.joint_statement, report.involvement = title, joint_statement, involvement
    _clear_signatures(report)
    audit.record("annual-report-prepared", subject_type="annual-report", subject_id=str(report.id),
                 detail="words changed; signatures cleared", user=user)
    return True


def fingerprint(report: AnnualReport) -> str:
    """A digest of everything a signatory reads, carried by the sign form."""
    content = json.dumps([report.title, report.joint_statement, report.involvement, report.figures,
                          report.period_start.isoformat(), report.period_end.isoformat()], sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()


def sign(report: AnnualReport, user: User, read: str) -> None:
    """Sign for the signer's organisation; published once both have signed. `read` is the
    fingerprint of what the signer read: if the report changed since, they must read it again."""
    if user.role not in SIGNING_ROLES:
        raise YswdError(_l("Only a council or Forum signatory can sign"))
    if report.published_at is not None:
        raise YswdError(_l("This report is already published"))
    if read != fingerprint(report):
        raise YswdError(_l("The report was changed; read it again before signing"))
    if not report.joint_statement.strip() or not report.involvement.strip():
        raise YswdError(_l("Write the joint statement and how families were involved before signing"))
    party = party_of(user.role)
    if getattr(report, f"{party}_signed_at") is not None:
        raise YswdError(_l("Your organisation has already signed this report"))
    setattr(report, f"{party}_signed_by_id", user.id)
    setattr(report, f"{party}_signed_at", utcnow())
    audit.record("annual-report-signed", subject_type="annual-report", subject_id=str(report.id),
                 detail=f"for {party}", user=user)
    if report.council_signed_at and report.forum_signed_at:
        report.published_at = utcnow()
        audit.record("annual-report-published", subject_type="annual-report", subject_id=str(report.id), user=user)
    db.session.flush()
