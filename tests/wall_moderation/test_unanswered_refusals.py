"""Silence is neither agreement nor a veto: a judgement refusal the other organisation has not
answered within the target working days goes to the joint panel as 'disputed'."""
from __future__ import annotations

from datetime import date, timedelta

from localoffer.data import wall_moderation
from localoffer.extensions import db
from localoffer.models import WallDecision

from .conftest import make_post, state


def _propose(post, user):
    wall_moderation.refuse(post, user, seen=state(post), reason="off-topic")
    db.session.commit()


def test_a_refusal_left_unanswered_past_the_target_goes_to_the_joint_panel(app, council):
    post = make_post()
    _propose(post, council)
    three_weeks_on = date.today() + timedelta(days=21)

    assert wall_moderation.dispute_unanswered_refusals(three_weeks_on) == 1
    db.session.commit()

    assert post.status == "disputed"
    last = db.session.query(WallDecision).filter_by(post_id=post.id).order_by(WallDecision.id.desc()).first()
    assert (last.decision, last.party, last.user_id) == ("unanswered", "forum", None)


def test_a_refusal_still_within_the_target_keeps_waiting(app, council):
    post = make_post()
    _propose(post, council)

    assert wall_moderation.dispute_unanswered_refusals(date.today() + timedelta(days=2)) == 0
    assert post.status == "refusal-proposed"


def test_the_daily_job_sends_unanswered_refusals_to_the_panel(app, council):
    from localoffer.models.base import utcnow

    post = make_post()
    _propose(post, council)
    decision = db.session.query(WallDecision).filter_by(post_id=post.id).one()
    decision.created_at = utcnow() - timedelta(days=30)
    db.session.commit()

    output = app.test_cli_runner().invoke(args=["governance", "daily"]).output

    assert "sent to the joint panel: 1" in output
    assert db.session.get(type(post), post.id).status == "disputed"
