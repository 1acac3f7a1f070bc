"""The retention schedule (research §6.9; ASVS 5.0 v14.2.4): one test per rule, on both sides of
its line, and the command that applies it."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from localoffer.data.retention import run
from localoffer.extensions import db
from localoffer.models import (AnnualReport, AuditEvent, ProblemReport, RateLimit, SearchLog, StaffSession,
                               SurveyAnswer, SurveyDraft, UserToken, WallContact, WallDecision, WallPost,
                               WallReaction, YouSaidWeDid)
from tests.factories import make_service
from tests.survey.conftest import add_response, make_wave
from tests.wall.conftest import make_post

from ..staff.accounts import make_user

NOW = datetime.now(timezone.utc)


def ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


def _outcomes(**config) -> dict[str, int]:
    from flask import current_app

    current_app.config.update(config)
    return {o.rule: o.count for o in run(NOW)}


def _published_report(start: date, end: date, published: datetime) -> None:
    db.session.add(AnnualReport(period_start=start, period_end=end, title="Annual report", figures={},
                                published_at=published))
    db.session.commit()


def test_refused_and_withdrawn_words_are_erased_after_the_longest_period(app):
    old_refused, _ = make_post("Refused long ago, names a school", status="not-published", decided_at=ago(800),
                               check_hints=[{"kind": "school", "match": "a school"}])
    old_withdrawn, _ = make_post("Withdrawn long ago", status="withdrawn", updated_at=ago(800))
    recent, _ = make_post("Refused last week", status="not-published", decided_at=ago(7))
    waiting, _ = make_post("Still waiting for a moderator", submitted_at=ago(900), updated_at=ago(900))
    referral, _ = make_post("Passed to the safeguarding team", status="safeguarding", decided_at=ago(900))
    assert _outcomes()["wall-text"] == 2
    texts = {p.id: (p.text, p.check_hints) for p in db.session.scalars(select(WallPost))}
    assert texts[old_refused.id] == ("", []) and texts[old_withdrawn.id] == ("", [])
    assert texts[recent.id][0] == "Refused last week"
    assert texts[waiting.id][0] == "Still waiting for a moderator"
    assert texts[referral.id][0] == "Passed to the safeguarding team"
    assert db.session.scalar(select(func.count()).select_from(WallPost)) == 5  # counts stay right


def test_a_published_annual_report_starts_the_one_year_clock(app):
    covered, _ = make_post("Refused, in last year's report", status="not-published", decided_at=ago(500),
                           submitted_at=ago(520))
    period = (ago(600).date(), ago(400).date())
    _published_report(*period, published=ago(200))  # published, but not a year ago yet
    assert _outcomes()["wall-text"] == 0
    db.session.execute(AnnualReport.__table__.update().values(published_at=ago(370)))
    db.session.commit()
    assert _outcomes()["wall-text"] == 1
    assert db.session.get(WallPost, covered.id).text == ""


def test_posts_published_with_redactions_keep_only_the_redacted_words(app):
    post, _ = make_post("My son Sam at Oak School waited a year", status="published",
                        published_text="My son [name] at [school] waited a year", decided_at=ago(800))
    assert _outcomes()["wall-text"] == 1
    db.session.refresh(post)
    assert post.text == post.published_text == "My son [name] at [school] waited a year"


def test_published_posts_become_counts_only_after_three_years(app):
    old, _ = make_post("Published long ago", status="published", published_at=ago(3 * 365 + 1),
                       email="old@example.org")
    kept, _ = make_post("Published last year", status="published", published_at=ago(365))
    db.session.add(WallReaction(post_id=old.id, kind="me-too", browser_hash="h" * 64))
    db.session.commit()
    assert _outcomes()["wall-archive"] == 1
    db.session.refresh(old)
    assert (old.status, old.text, old.published_text) == ("archived", "", None)
    assert db.session.get(WallPost, kept.id).status == "published"
    assert db.session.scalar(select(func.count()).select_from(WallReaction)) == 0
    assert db.session.scalar(select(func.count()).select_from(WallContact)) == 0


def test_contact_addresses_go_a_year_after_the_last_change_unless_a_response_still_uses_them(app):
    quiet, _ = make_post("Quiet", status="published", email="quiet@example.org", updated_at=ago(400))
    in_use, _ = make_post("Evidence", status="published", email="inuse@example.org", updated_at=ago(400))
    make_post("Recent", status="published", email="recent@example.org", updated_at=ago(30))
    record = YouSaidWeDid(reference="YSWD-2026-001")
    record.wall_posts.append(in_use)
    db.session.add(record)
    db.session.commit()
    assert _outcomes()["wall-contacts"] == 1
    assert sorted(db.session.scalars(select(WallContact.email))) == ["inuse@example.org", "recent@example.org"]
    record.closed_at = NOW
    db.session.commit()
    assert _outcomes()["wall-contacts"] == 1 and quiet.id


def _survey_figures(wave, previous=None):
    """Everything published or shown about a wave: results three ways, the export, headline
    figures, "you said, we did" evidence and the response counts."""
    from localoffer.data import survey_results
    from localoffer.data.survey import response_counts_by_channel

    db.session.expire_all()
    return ([survey_results.survey_results(wave, by=by, previous=previous) for by in (None, "quadrant", "channel")],
            list(survey_results.export_rows(wave)), survey_results.headline_figures(wave),
            survey_results.question_summary(wave, "info-1"), response_counts_by_channel([wave.id]))


def test_survey_responses_become_counts_five_years_after_the_wave_closed_and_no_figure_changes(app):
    from localoffer.models import SurveyResponse

    champion = make_user("family_champion")
    old = make_wave("2020", status="closed", published=True, closes_on=ago(5 * 365 + 1).date())
    recent = make_wave("2021", status="closed", published=True, closes_on=ago(5 * 365 - 1).date())
    for wave in (old, recent):
        for n in range(14):
            add_response(wave, {"who": ["parent-carer", "young-person", "other"][n % 3],
                                "quadrant": ["north-east", "mid", "south", "west", "not-sure"][n % 5],
                                "info-1": ["agree", "strongly-agree", "disagree", "neither"][n % 4],
                                "change-1": ["better", "same", "worse"][n % 3],
                                "used": [["school"], ["school", "health"], ["short-breaks"], []][n % 4]},
                         channel="online" if n % 4 else "event", entered_by=None if n % 4 else champion,
                         text="Coded words" if n % 2 else None, themes=["waiting"] if n % 6 == 1 else None)
    before = {"old": _survey_figures(old), "recent": _survey_figures(recent, previous=old)}

    assert _outcomes()["survey-responses"] == 14
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 14  # the recent wave's
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.survey_id == old.id)) == 0
    assert db.session.scalar(select(func.count()).select_from(SurveyAnswer)) == 14 * 5 + 7  # the recent only
    assert {"old": _survey_figures(old), "recent": _survey_figures(recent, previous=old)} == before
    assert _outcomes()["survey-responses"] == 0  # nothing left to count again
    assert _survey_figures(old) == before["old"]


def test_the_survey_response_period_is_a_setting(app):
    wave = make_wave("2025", status="closed", closes_on=ago(40).date())
    add_response(wave, {"who": "parent-carer"})
    assert _outcomes()["survey-responses"] == 0
    assert _outcomes(RETENTION_SURVEY_RESPONSE_DAYS=30)["survey-responses"] == 1


def test_free_text_survey_answers_are_erased_but_their_themes_stay(app):
    old_wave = make_wave("2023", status="closed", closes_on=ago(800).date())
    new_wave = make_wave("2026", status="closed", closes_on=ago(30).date())
    add_response(old_wave, {"who": "parent-carer"}, text="My daughter's name is in here", themes=["waiting"])
    add_response(new_wave, {"who": "parent-carer"}, text="Still being coded")
    assert _outcomes()["survey-text"] == 1
    answers = {a.text: a.themes for a in db.session.scalars(select(SurveyAnswer).where(
        SurveyAnswer.text.is_not(None)))}
    assert answers == {"": ["waiting"], "Still being coded": []}


def test_details_of_closed_problem_reports_go_after_a_year(app):
    service = make_service("Holiday club")
    db.session.add_all([
        ProblemReport(service_id=service.id, reason="cost", details="Old, fixed", status="fixed", updated_at=ago(400)),
        ProblemReport(service_id=service.id, reason="cost", details="Old, still open", status="new",
                      created_at=ago(400)),
        ProblemReport(service_id=service.id, reason="cost", details="Fixed last month", status="fixed",
                      updated_at=ago(30))])
    db.session.commit()
    assert _outcomes()["problem-details"] == 1
    assert sorted(db.session.scalars(select(ProblemReport.details))) == ["", "Fixed last month", "Old, still open"]


def test_searches_staff_sessions_links_and_counters_go_when_their_time_is_up(app):
    user = make_user("council_moderator")
    db.session.add_all([
        SearchLog(query="autism", created_at=ago(800)), SearchLog(query="adhd", created_at=ago(10)),
        StaffSession(id="ended-long-ago", user_id=user.id, created_at=ago(200), last_seen_at=ago(100),
                     ended_at=ago(100)),
        StaffSession(id="in-use", user_id=user.id, created_at=ago(0), last_seen_at=NOW),
        UserToken(token_hash="a" * 64, purpose="password-reset", user_id=user.id, expires_at=ago(100)),
        UserToken(token_hash="b" * 64, purpose="invitation", user_id=user.id, expires_at=NOW + timedelta(days=2)),
        RateLimit(key="wall-post:old", count=3, window_ends_at=ago(1)),
        RateLimit(key="wall-post:now", count=3, window_ends_at=NOW + timedelta(days=1)),
        SurveyDraft(id="d" * 64, survey_id=make_wave().id, answers={}, updated_at=ago(3))])
    db.session.commit()
    outcomes = _outcomes()
    assert (outcomes["search-log"], outcomes["sign-ins"], outcomes["rate-limits"], outcomes["survey-drafts"]) == (
        1, 2, 1, 1)
    assert list(db.session.scalars(select(SearchLog.query))) == ["adhd"]
    assert list(db.session.scalars(select(StaffSession.id))) == ["in-use"]
    assert list(db.session.scalars(select(RateLimit.key))) == ["wall-post:now"]


def test_the_audit_log_and_moderation_decisions_are_kept_six_years(app):
    post, _ = make_post("Any")
    db.session.add_all([AuditEvent(action="sign-in", created_at=ago(6 * 365 + 5)),
                        AuditEvent(action="sign-in", created_at=ago(5 * 365)),
                        WallDecision(post_id=post.id, party="council", decision="publish", created_at=ago(2200)),
                        WallDecision(post_id=post.id, party="forum", decision="publish", created_at=ago(30))])
    db.session.commit()
    assert _outcomes()["audit"] == 2
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == 1


def test_every_period_is_configurable(app):
    make_post("Refused a month ago", status="not-published", decided_at=ago(30))
    assert _outcomes()["wall-text"] == 0
    assert _outcomes(RETENTION_FREE_TEXT_MAX_DAYS=7)["wall-text"] == 1


def test_the_command_prints_a_count_for_every_rule_and_a_dry_run_changes_nothing(app, runner):
    make_post("Refused long ago", status="not-published", decided_at=ago(800))
    dry = runner.invoke(args=["retention", "run", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "wall-text: 1 families' unpublished words on wall posts erased" in dry.output
    assert "Dry run: nothing was changed." in dry.output
    assert db.session.scalar(select(WallPost.text)) == "Refused long ago"
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0, result.output
    rules = [line.split(":")[0] for line in result.output.splitlines()]
    assert rules == ["wall-text", "wall-archive", "wall-contacts", "survey-text", "survey-responses",
                     "problem-details", "search-log", "sign-ins", "audit", "survey-drafts", "rate-limits",
                     "safeguarding"]
    assert db.session.scalar(select(WallPost.text)) == ""
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention-run"))
    assert event.detail.startswith("wall-text 1, ") and event.actor == "retention job"


def test_the_daily_job_applies_the_schedule_too(app, runner):
    make_post("Refused long ago", status="not-published", decided_at=ago(800))
    result = runner.invoke(args=["governance", "daily"])
    assert result.exit_code == 0, result.output
    assert "Retention, wall-text: 1 families' unpublished words on wall posts erased" in result.output
