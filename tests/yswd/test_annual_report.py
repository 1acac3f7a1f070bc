"""The reg 56 annual comments report: frozen, suppressed figures and joint sign-off."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from localoffer.data import annual_report, yswd
from localoffer.data.annual_report import SUPPRESSED
from localoffer.extensions import db
from localoffer.models import AuditEvent, SurveyResponse

from ..helpers import page
from ..staff.accounts import make_user
from .conftest import client_for, new_record, publish, survey_with_results, wall_post

START, END = date(2025, 4, 1), date(2026, 3, 31)
IN_PERIOD = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)


def _small_data_set():
    for _ in range(6):
        wall_post(quadrant="mid", channel="online", reg56_category="content", submitted_at=IN_PERIOD)
    for _ in range(2):
        wall_post(quadrant="south", channel="group", reg56_category="accessibility", submitted_at=IN_PERIOD)
    for _ in range(5):
        wall_post(status="not-published", refusal_reason="individual-case", quadrant="west", submitted_at=IN_PERIOD)
    wall_post(status="safeguarding", quadrant=None, submitted_at=IN_PERIOD)
    wall_post(status="withdrawn", quadrant=None, submitted_at=IN_PERIOD)
    wall_post(quadrant="mid", submitted_at=datetime(2024, 1, 1, tzinfo=timezone.utc))  # before the period
    survey = survey_with_results(published=False, answers=())
    for _ in range(5):
        db.session.add(SurveyResponse(survey_id=survey.id, channel="phone", submitted_on=date(2025, 7, 1)))
    db.session.commit()


def test_figures_count_the_period_and_suppress_counts_under_five(app):
    _small_data_set()
    figures = annual_report.compute_figures(START, END)
    assert figures["wall"]["total"] == 15
    assert figures["wall"]["by_channel"] == {"group": SUPPRESSED, "online": 13}
    assert figures["wall"]["by_quadrant"]["mid"] == 6 and figures["wall"]["by_quadrant"]["south"] == SUPPRESSED
    assert figures["wall"]["by_category"]["content"] == 6
    assert figures["wall"]["by_category"]["accessibility"] == SUPPRESSED
    assert figures["not_published"] == {"by_reason": {"individual-case": 5}, "safeguarding": SUPPRESSED,
                                        "withdrawn": SUPPRESSED}
    assert figures["wall"]["by_quadrant"]["not-given"] == SUPPRESSED
    assert figures["reach"] == {"wall_posts": SUPPRESSED, "survey_responses": 5, "champion_reports": 0, "total": 7}


def test_records_active_in_the_period_are_listed_with_their_status(app, forum, council):
    record = new_record(forum, council, title="Active one")
    publish(record, forum, council)
    new_record(forum, council, title="Never published")
    today = date.today()
    figures = annual_report.compute_figures(today - timedelta(days=30), today)
    assert [(r["reference"], r["title"], r["status"]) for r in figures["records"]] == [
        (record.reference, "Active one", "working-on-it")]
    assert annual_report.compute_figures(today - timedelta(days=400), today - timedelta(days=40))["records"] == []


def test_the_period_must_run_forwards_and_be_at_most_two_years(app, council):
    with pytest.raises(yswd.YswdError):
        annual_report.prepare(council, END, START, "Backwards")
    with pytest.raises(yswd.YswdError):
        annual_report.prepare(council, date(2020, 1, 1), date(2023, 1, 1), "Too long")


def _ready_report(council):
    report = annual_report.prepare(council, START, END, "What you told us 2025 to 2026")
    annual_report.update_text(report, council, title=report.title, joint_statement="We listened.",
                              involvement="Families co-wrote the survey.")
    db.session.commit()
    return report


def test_the_report_is_published_only_when_both_have_signed(app, forum, council):
    report = _ready_report(council)
    annual_report.sign(report, council, annual_report.fingerprint(report))
    assert report.published_at is None
    with pytest.raises(yswd.YswdError):
        annual_report.sign(report, make_user("council_moderator"), annual_report.fingerprint(report))
    annual_report.sign(report, forum, annual_report.fingerprint(report))
    assert report.published_at is not None
    actions = {e.action for e in db.session.query(AuditEvent)}
    assert {"annual-report-prepared", "annual-report-signed", "annual-report-published"} <= actions


def test_any_change_clears_both_signatures(app, forum, council):
    report = _ready_report(council)
    annual_report.sign(report, council, annual_report.fingerprint(report))
    annual_report.update_text(report, forum, title=report.title, joint_statement="We listened and acted.",
                              involvement=report.involvement)
    assert report.council_signed_at is None
    annual_report.sign(report, forum, annual_report.fingerprint(report))
    annual_report.prepare_again(report, council)
    assert report.forum_signed_at is None and report.published_at is None


def test_signing_what_was_read_before_a_change_is_refused(app, forum, council):
    report = _ready_report(council)
    read = annual_report.fingerprint(report)
    annual_report.update_text(report, council, title="New title", joint_statement=report.joint_statement,
                              involvement=report.involvement)
    with pytest.raises(yswd.YswdError, match="changed"):
        annual_report.sign(report, forum, read)


def test_a_report_needs_its_words_before_signing_and_cannot_change_once_published(app, forum, council):
    report = annual_report.prepare(council, START, END, "Empty")
    with pytest.raises(yswd.YswdError):
        annual_report.sign(report, council, annual_report.fingerprint(report))
    report = _ready_report(council)
    annual_report.sign(report, council, annual_report.fingerprint(report))
    annual_report.sign(report, forum, annual_report.fingerprint(report))
    with pytest.raises(yswd.YswdError):
        annual_report.prepare_again(report, council)


def test_the_public_lists_and_shows_only_published_reports(client, forum, council):
    _small_data_set()
    draft = _ready_report(council)
    published = _ready_report(council)
    published.title = "The published one"
    annual_report.sign(published, council, annual_report.fingerprint(published))
    annual_report.sign(published, forum, annual_report.fingerprint(published))
    db.session.commit()
    listing = client.get("/you-said-we-did/annual-report").get_data(as_text=True)
    assert "The published one" in listing and f"/annual-report/{draft.id}\"" not in listing
    assert client.get(f"/you-said-we-did/annual-report/{draft.id}").status_code == 404
    assert client.get("/you-said-we-did/annual-report/99999").status_code == 404
    html = page(client.get(f"/you-said-we-did/annual-report/{published.id}"))
    assert html.title.get_text().startswith("The published one")
    text = " ".join(html.get_text(" ").split())
    assert "fewer than 5" in text and "We listened." in text and "Families co-wrote the survey." in text
    assert council.email not in text and council.display_name not in text
    assert html.select(".lo-no-print")  # the print view drops navigation and buttons


def test_staff_prepare_word_and_sign_a_report_through_the_pages(app, forum, council):
    council_client, forum_client = client_for(app, council), client_for(app, forum)
    response = council_client.post("/staff/you-said-we-did/annual-reports/new", data={
        "title": "Our report", "start_day": "1", "start_month": "4", "start_year": "2025",
        "end_day": "31", "end_month": "3", "end_year": "2026"})
    assert response.status_code == 302
    report = annual_report.all_reports()[0]
    bad = council_client.post("/staff/you-said-we-did/annual-reports/new", data={
        "title": "Backwards", "start_day": "1", "start_month": "4", "start_year": "2026",
        "end_day": "31", "end_month": "3", "end_year": "2025"})
    assert "The start date must be before the end date" in bad.get_data(as_text=True)
    council_client.post(f"/staff/you-said-we-did/annual-reports/{report.id}/statement", data={
        "title": "Our report", "joint_statement": "Together", "involvement": "Co-produced"})
    db.session.expire_all()
    read = annual_report.fingerprint(report)
    council_client.post(f"/staff/you-said-we-did/annual-reports/{report.id}/sign", data={"read": read})
    forum_client.post(f"/staff/you-said-we-did/annual-reports/{report.id}/sign", data={"read": read})
    db.session.expire_all()
    assert report.published_at is not None
    assert client_for(app, make_user("admin")).post(
        f"/staff/you-said-we-did/annual-reports/{report.id}/sign", data={"read": read}).status_code == 403
    assert client_for(app, make_user("champion")).get("/staff/you-said-we-did/annual-reports").status_code == 403


def test_survey_headlines_come_only_from_waves_with_published_results(app):
    survey_with_results(answers=("agree",) * 6, wave="2026")
    survey_with_results(published=False, wave="2027")
    today = date.today()
    surveys = annual_report.compute_figures(today - timedelta(days=365), today)["surveys"]
    assert [s["wave"] for s in surveys] == ["2026"]
    assert surveys[0]["figures"][0]["code"] == "listened-1" and surveys[0]["figures"][0]["n"] == 6
    assert annual_report.compute_figures(date(2020, 1, 1), date(2020, 12, 31))["surveys"] == []
