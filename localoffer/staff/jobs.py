"""`flask governance daily`: the once-a-day housekeeping job (run it from cron).

1. give every listing a review-due date;
2. remind providers whose listings fall due (once per due date);
3. escalate reminders ignored for REVIEW_ESCALATE_AFTER_DAYS to council moderators;
4. refresh the search entries of seasonal listings whose visible-from/to window opens or closes;
5. apply the retention schedule (data/retention.py), which also deletes expired rate-limit
   rows and unfinished survey answers.
Running it twice in a day does nothing more the second time (bar re-refreshing seasonal
entries, which is harmless), so a retry after a failure is always safe.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import click
from flask import current_app
from flask.cli import AppGroup

from .. import search
from ..data import reviews
from ..extensions import db
from .reviews.reminders import send_escalation, send_reminder

ACTOR = "daily job"

governance_cli = AppGroup("governance", help="Listing freshness and other daily housekeeping.")


@dataclass
class DailyResult:
    dated: int = 0
    reminded: int = 0
    not_reachable: int = 0
    failed: int = 0
    escalated: int = 0
    moderators: int = 0
    seasonal: int = 0
    reindexed: int = 0
    pruned: int = 0
    survey_drafts: int = 0
    disputed: int = 0
    retention: dict = field(default_factory=dict)


def run_daily() -> DailyResult:
    result = DailyResult()
    result.dated = reviews.ensure_review_dates(actor=ACTOR)
    db.session.commit()

    # One commit per listing: an email that has gone out is recorded at once, so a failure
    # half-way never means a second reminder tomorrow for the ones already sent.
    for service in reviews.services_to_remind():
        try:
            sent = send_reminder(service, actor=ACTOR)
        except Exception as error:  # one bad address or a mail hiccup must not stop the rest
            db.session.rollback()
            current_app.logger.warning("Review reminder for %s not sent (%s)", service.id, type(error).__name__)
            result.failed += 1
            continue
        if sent:
            result.reminded += 1
            db.session.commit()
        else:
            result.not_reachable += 1

    to_escalate = reviews.services_to_escalate()
    if to_escalate:
        moderators = reviews.council_moderator_emails()
        result.moderators = len(moderators)
        if not moderators:
            current_app.logger.warning("Review escalation: no active council moderators to tell")
        # Sent before it is recorded, as with reminders: a crash in between means the
        # council hears twice, never not at all.
        send_escalation(to_escalate, moderators)
        for service in to_escalate:
            reviews.record_escalation(service, len(moderators), actor=ACTOR)
        db.session.commit()
        result.escalated = len(to_escalate)

    result.seasonal = reviews.queue_season_changes()
    db.session.commit()
    result.reindexed = search.drain_outbox()
    from ..data import retention
    from ..data.wall_moderation import dispute_unanswered_refusals

    result.disputed = dispute_unanswered_refusals()
    db.session.commit()
    # The retention schedule (flask retention run), with its counts in the daily report.
    result.retention = {o.rule: o for o in retention.run()}
    result.pruned = result.retention["rate-limits"].count
    result.survey_drafts = result.retention["survey-drafts"].count
    return result


@governance_cli.command("daily")
def daily() -> None:
    """Review dates, reminders, escalations, seasonal search refresh, rate-limit pruning,
    deleting unfinished survey answers, disputing wall refusals left unanswered."""
    r = run_daily()
    click.echo(f"Review dates set: {r.dated}")
    click.echo(f"Reminders sent: {r.reminded}")
    if r.not_reachable:
        click.echo(f"Listings not reminded (organisation has no users or email address): {r.not_reachable}")
    click.echo(f"Listings escalated: {r.escalated} (council moderators emailed: {r.moderators if r.escalated else 0})")
    click.echo(f"Seasonal listings refreshed in search: {r.seasonal}")
    click.echo(f"Search entries updated: {r.reindexed}")
    click.echo(f"Expired rate-limit rows deleted: {r.pruned}")
    click.echo(f"Unfinished survey answers deleted: {r.survey_drafts}")
    click.echo(f"Wall refusals not answered in time, sent to the joint panel: {r.disputed}")
    for outcome in r.retention.values():
        if outcome.rule not in ("rate-limits", "survey-drafts"):
            click.echo(f"Retention, {outcome.rule}: {outcome.count} {outcome.what}")
    if r.failed:
        # A non-zero exit makes cron report it; the failed ones are retried tomorrow.
        raise click.ClickException(f"Reminders that could not be sent: {r.failed} (see the log)")
