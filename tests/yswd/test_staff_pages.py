"""Staff pages: who may open what, one part per page, signing and the deadlock page."""
from __future__ import annotations

from datetime import timedelta

import pytest

from localoffer.data import yswd
from localoffer.extensions import db

from ..helpers import page
from ..staff.accounts import make_user
from .conftest import client_for, new_record, publish, wall_post

BASE = "/staff/you-said-we-did"


@pytest.mark.parametrize("role", ["provider", "champion"])
def test_providers_and_champions_cannot_use_any_yswd_page(app, role, forum, council):
    record = new_record(forum, council)
    client = client_for(app, make_user(role))
    for url in (f"{BASE}/", f"{BASE}/new", f"{BASE}/{record.reference}", f"{BASE}/{record.reference}/sign",
                f"{BASE}/{record.reference}/edit/about", f"{BASE}/annual-reports"):
        assert client.get(url).status_code == 403, url


def test_the_forum_cannot_open_the_councils_parts_and_the_council_cannot_open_the_forums(
        app, forum_client, council_client, forum, council):
    record = new_record(forum, council)
    for part in ("we-will", "status"):
        assert forum_client.get(f"{BASE}/{record.reference}/edit/{part}").status_code == 403
        assert council_client.get(f"{BASE}/{record.reference}/edit/{part}").status_code == 200
    assert forum_client.get(f"{BASE}/{record.reference}/progress").status_code == 403
    assert forum_client.post(f"{BASE}/{record.reference}/publish-alone", data={"number": "2"}).status_code == 403
    for part in ("you-said", "forum-view"):
        assert council_client.get(f"{BASE}/{record.reference}/edit/{part}").status_code == 403
        assert forum_client.get(f"{BASE}/{record.reference}/edit/{part}").status_code == 200
    response = council_client.post(f"{BASE}/{record.reference}/edit/you-said", data={"you_said": "Changed"})
    assert response.status_code == 403
    assert yswd.latest(record).you_said == "Families wait too long for therapy"
    assert council_client.get(f"{BASE}/{record.reference}/edit/nonsense").status_code == 404
    assert council_client.get(f"{BASE}/YSWD-1900-001").status_code == 404


def test_starting_a_record_as_the_council_asks_only_for_a_title(app, council_client):
    html = page(council_client.get(f"{BASE}/new"))
    assert html.find(id="you_said") is None
    response = council_client.post(f"{BASE}/new", data={"title": "Short breaks", "you_said": "Sneaked in"})
    assert response.status_code == 302
    record = yswd.all_records()[0]
    assert yswd.latest(record).title == "Short breaks" and yswd.latest(record).you_said == ""


def test_the_forum_starts_a_record_with_what_families_said(app, forum_client):
    response = forum_client.post(f"{BASE}/new", data={"title": "Short breaks", "you_said": "Not enough places"})
    record = yswd.all_records()[0]
    assert response.headers["Location"].endswith(f"{BASE}/{record.reference}")
    assert yswd.latest(record).you_said == "Not enough places"
    page_html = page(forum_client.get(response.headers["Location"]))
    assert page_html.title.get_text().startswith(page_html.h1.get_text(strip=True))


def test_an_empty_title_shows_an_error_summary(app, forum_client):
    response = forum_client.post(f"{BASE}/new", data={"title": " "})
    html = page(response)
    assert html.title.get_text().startswith("Error:")
    assert "Enter a title" in html.select_one(".govuk-error-summary").get_text()


def test_saving_a_part_makes_a_new_version_without_signatures(app, council_client, forum, council):
    record = new_record(forum, council)
    yswd.sign(record, forum, yswd.latest(record).number)
    db.session.commit()
    response = council_client.post(f"{BASE}/{record.reference}/edit/we-will", data={
        "we_will": "Hire three therapists", "responsible_service": "Children's therapies", "target_day": "1",
        "target_month": "9", "target_year": "2030", "change_note": "More staff"})
    assert response.status_code == 302
    db.session.expire_all()
    latest = yswd.latest(record)
    assert latest.we_will == "Hire three therapists" and latest.target_date.isoformat() == "2030-09-01"
    assert latest.change_note == "More staff" and latest.forum_signed_at is None


def test_a_bad_target_date_is_an_error_not_a_crash(app, council_client, forum, council):
    record = new_record(forum, council)
    response = council_client.post(f"{BASE}/{record.reference}/edit/we-will", data={
        "we_will": "X", "responsible_service": "Team", "target_day": "31", "target_month": "2", "target_year": "2030"})
    assert response.status_code == 200 and "Enter a real date" in response.get_data(as_text=True)


def test_cant_do_without_a_reason_is_refused_on_the_page(app, council_client, forum, council):
    record = new_record(forum, council)
    response = council_client.post(f"{BASE}/{record.reference}/edit/status", data={"status": "cant-do"})
    assert response.status_code == 200 and "Say why we can" in response.get_data(as_text=True)


def test_progress_entries_are_added_by_the_council(app, council_client, forum, council):
    record = new_record(forum, council)
    response = council_client.post(f"{BASE}/{record.reference}/progress", data={
        "progress_day": "3", "progress_month": "2", "progress_year": "2026", "text": "Recruited one therapist",
        "link": "https://example.org/news", "percent": "50"})
    assert response.status_code == 302
    db.session.expire_all()
    assert yswd.latest(record).progress == [{"date": "2026-02-03", "text": "Recruited one therapist",
                                             "link": "https://example.org/news", "percent": 50}]
    response = council_client.post(f"{BASE}/{record.reference}/progress", data={
        "progress_day": "3", "progress_month": "2", "progress_year": "2026", "text": "x", "percent": "150"})
    assert "Enter a number from 0 to 100" in response.get_data(as_text=True)


def test_signing_an_older_version_on_the_page_asks_to_read_the_newer_one(app, forum_client, forum, council):
    record = new_record(forum, council)
    old = yswd.latest(record).number
    yswd.edit(record, council, {"we_will": "Changed while the Forum was reading"})
    db.session.commit()
    response = forum_client.post(f"{BASE}/{record.reference}/sign", data={"number": str(old)})
    assert response.status_code == 200
    assert "A newer version was saved; read it before signing" in response.get_data(as_text=True)
    db.session.expire_all()
    assert all(v.forum_signed_at is None for v in record.versions)


def test_both_signing_on_their_pages_publishes(app, forum_client, council_client, forum, council):
    record = new_record(forum, council)
    number = str(yswd.latest(record).number)
    assert council_client.get(f"{BASE}/{record.reference}/sign").status_code == 200
    assert council_client.post(f"{BASE}/{record.reference}/sign", data={"number": number}).status_code == 302
    assert forum_client.post(f"{BASE}/{record.reference}/sign", data={"number": number}).status_code == 302
    db.session.expire_all()
    assert record.published_number == int(number)
    assert app.test_client().get(f"/you-said-we-did/{record.reference}").status_code == 200


def test_admins_edit_for_the_council_but_cannot_sign(app, forum, council):
    record = new_record(forum, council)
    client = client_for(app, make_user("admin"))
    assert client.get(f"{BASE}/{record.reference}/edit/status").status_code == 200
    assert client.get(f"{BASE}/{record.reference}/sign").status_code == 403


def test_the_publish_alone_page_refuses_before_the_deadline_and_works_after(app, council_client, forum, council):
    record = new_record(forum, council)
    current = yswd.sign(record, council, yswd.latest(record).number)
    db.session.commit()
    url = f"{BASE}/{record.reference}/publish-alone"
    response = council_client.post(url, data={"number": str(current.number)})
    assert response.status_code == 200 and "The Forum has until" in response.get_data(as_text=True)
    current.council_signed_at = current.council_signed_at - timedelta(days=28)
    db.session.commit()
    assert council_client.post(url, data={"number": str(current.number)}).status_code == 302
    db.session.expire_all()
    assert record.published_number == current.number and yswd.latest(record).published_without_forum


def test_wall_posts_are_chosen_from_published_posts_only(app, council_client, forum, council):
    record = new_record(forum, council)
    shown = wall_post("Buses to college are unreliable")
    hidden = wall_post("Not yet checked words", status="awaiting-review")
    html = council_client.get(f"{BASE}/{record.reference}/evidence/wall-posts?q=buses").get_data(as_text=True)
    assert "Buses to college are unreliable" in html and "Not yet checked" not in html
    url = f"{BASE}/{record.reference}/evidence/wall-posts"
    assert council_client.post(url, data={"post_id": str(shown.id), "action": "link"}).status_code == 302
    council_client.post(url, data={"post_id": str(hidden.id), "action": "link"})
    assert council_client.post(url, data={"post_id": "abc", "action": "link"}).status_code == 400
    db.session.expire_all()
    assert yswd.latest(record).wall_post_ids == [shown.id]
    assert "Unlink" in council_client.get(f"{url}?q=buses").get_data(as_text=True)
    council_client.post(url, data={"post_id": str(shown.id), "action": "unlink"})
    db.session.expire_all()
    assert yswd.latest(record).wall_post_ids == [] and record.wall_posts == []


def test_champion_reports_are_added_and_removed_as_new_versions(app, forum_client, forum, council):
    record = new_record(forum, council)
    before = yswd.latest(record).number
    response = forum_client.post(f"{BASE}/{record.reference}/evidence/champion-report", data={
        "group": "Chelmsford parents", "channel": "group", "families": "12", "quadrant": "mid",
        "summary": "Waiting times"})
    assert response.status_code == 302
    db.session.expire_all()
    assert yswd.latest(record).number == before + 1
    assert yswd.latest(record).champion_reports[0]["families"] == 12
    response = forum_client.post(f"{BASE}/{record.reference}/evidence/champion-report", data={
        "group": "X", "channel": "online", "families": "0", "summary": "Y"})
    assert response.status_code == 200
    forum_client.post(f"{BASE}/{record.reference}/evidence/champion-report/0/remove")
    db.session.expire_all()
    assert yswd.latest(record).champion_reports == []
    assert forum_client.post(f"{BASE}/{record.reference}/evidence/champion-report/5/remove").status_code == 404


def test_the_staff_list_shows_where_each_record_is(app, council_client, forum, council):
    draft = new_record(forum, council, title="Still a draft")
    waiting = new_record(forum, council, title="Waiting")
    yswd.sign(waiting, council, yswd.latest(waiting).number)
    shown = new_record(forum, council, title="Public")
    publish(shown, forum, council)
    yswd.edit(shown, forum, {"forum_view": "agreed"})
    db.session.commit()
    text = " ".join(page(council_client.get(f"{BASE}/")).get_text(" ").split())
    assert "Still a draft Draft" in text and "Waiting for the Forum to sign" in text
    assert "Published, with a newer draft (version 2 is public)" in text
    html = council_client.get(f"{BASE}/{shown.reference}").get_data(as_text=True)
    assert "Changed since the published version 2" in html
    assert council_client.get(f"{BASE}/{draft.reference}/versions/1").status_code == 200
