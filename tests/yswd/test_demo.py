"""The demo records load through the data layer in every state, once."""
from __future__ import annotations

from localoffer.data import annual_report, yswd
from localoffer.demo.staff import demo_email
from localoffer.demo.yswd import load_demo_yswd
from localoffer.extensions import db

from ..staff.accounts import make_user
from .conftest import survey_with_results, wall_post


def test_the_demo_makes_records_in_every_state_and_a_published_report(app, client):
    for role in ("council_moderator", "forum_moderator"):
        make_user(role, email=demo_email(role))
    wall_post("Therapy waits are long", themes=("health",), email="someone@example.org")
    survey_with_results()
    load_demo_yswd()
    db.session.commit()
    records = yswd.all_records()
    assert len(records) == 8
    states = {yswd.state(r) for r in records}
    assert states == {"published", "waiting-forum", "published-with-draft"}
    published = [yswd.published_version(r) for r in records if r.published_number]
    assert {v.status for v in published} >= {"working-on-it", "done", "cant-do", "passed-to-partner"}
    assert any(v.published_without_forum for v in published)
    assert any(yswd.is_overdue(v) for v in published)
    assert any(r.closed_at for r in records)
    assert any(r.wall_posts for r in records) and any(v.survey_evidence for v in published)
    for record in records:  # the link table always matches the published version
        shown = yswd.published_version(record)
        assert sorted(p.id for p in record.wall_posts) == sorted(shown.wall_post_ids if shown else [])
    assert [r.published_at is not None for r in annual_report.all_reports()] == [True]
    for record in records:
        expected = 200 if record.published_number else 404
        assert client.get(f"/you-said-we-did/{record.reference}").status_code == expected
    load_demo_yswd()  # a second run adds nothing
    assert len(yswd.all_records()) == 8
