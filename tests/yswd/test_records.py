"""The rules of a "you said, we did" record: versions, ownership, signing, deadlock, closing the loop."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from localoffer.data import yswd
from localoffer.extensions import db
from localoffer.models import AuditEvent, WallContact
from localoffer.models.base import utcnow

from ..staff.accounts import make_user
from .conftest import new_record, publish, wall_post


def test_references_count_up_within_the_year(app, forum, council):
    first = yswd.start_record(forum, "One", "Said one")
    second = yswd.start_record(council, "Two")
    year = utcnow().year
    assert (first.reference, second.reference) == (f"YSWD-{year}-001", f"YSWD-{year}-002")


def test_the_council_cannot_write_you_said_when_starting_a_record(app, council):
    with pytest.raises(yswd.YswdError):
        yswd.start_record(council, "Title", "Families said")


def test_the_council_cannot_change_what_families_said_or_the_forums_view(app, forum, council):
    record = new_record(forum, council)
    for change in ({"you_said": "Reworded"}, {"forum_view": "agreed"}, {"forum_view_comment": "x"}):
        with pytest.raises(yswd.YswdError, match="Forum"):
            yswd.edit(record, council, change)
    assert yswd.latest(record).you_said == "Families wait too long for therapy"


def test_the_forum_cannot_change_the_councils_response(app, forum, council):
    record = new_record(forum, council)
    for change in ({"we_will": "Nothing"}, {"status": "done"}, {"target_date": date.today()},
                   {"responsible_service": "Someone"}, {"progress": [{"date": "2026-01-01", "text": "x"}]}):
        with pytest.raises(yswd.YswdError, match="council"):
            yswd.edit(record, forum, change)


def test_either_organisation_may_change_themes_places_and_evidence(app, forum, council, admin):
    record = new_record(forum, council)
    assert yswd.edit(record, forum, {"themes": ["health"]}).themes == ["health"]
    assert yswd.edit(record, council, {"quadrants": ["mid"]}).quadrants == ["mid"]
    assert yswd.edit(record, admin, {"reg56_category": "content"}).reg56_category == "content"


def test_every_edit_makes_a_new_version_and_leaves_the_old_one_untouched(app, forum, council):
    record = new_record(forum, council)
    before = yswd.latest(record)
    new = yswd.edit(record, forum, {"you_said": "Families wait over a year"}, "Clearer wording")
    assert new.number == before.number + 1 and new.change_note == "Clearer wording"
    assert before.you_said == "Families wait too long for therapy"
    assert new.we_will == before.we_will  # copied from the latest version
    assert yswd.edit(record, forum, {"you_said": "Families wait over a year"}) is None  # nothing changed


def test_an_edit_after_a_signature_supersedes_the_signed_version(app, forum, council):
    record = new_record(forum, council)
    signed = yswd.sign(record, council, yswd.latest(record).number)
    new = yswd.edit(record, forum, {"forum_view": "partly-agreed"})
    assert signed.council_signed_at is not None
    assert new.council_signed_at is None and new.forum_signed_at is None
    with pytest.raises(yswd.YswdError, match="newer version"):
        yswd.sign(record, forum, signed.number)
    assert record.published_number is None


def test_publishing_needs_both_signatures_on_the_same_version(app, forum, council):
    record = new_record(forum, council)
    number = yswd.latest(record).number
    yswd.sign(record, council, number)
    assert record.published_number is None and yswd.state(record) == "waiting-forum"
    yswd.sign(record, forum, number)
    assert record.published_number == number and record.first_published_at is not None
    assert yswd.latest(record).published_at is not None
    actions = {e.action for e in db.session.query(AuditEvent)}
    assert {"yswd-created", "yswd-edited", "yswd-signed", "yswd-published"} <= actions


def test_nobody_signs_twice_or_for_the_other_organisation(app, forum, council, admin):
    record = new_record(forum, council)
    number = yswd.latest(record).number
    yswd.sign(record, forum, number)
    with pytest.raises(yswd.YswdError, match="already signed"):
        yswd.sign(record, make_user("forum_moderator"), number)
    with pytest.raises(yswd.YswdError):
        yswd.sign(record, admin, number)  # admins do not sign
    assert yswd.latest(record).council_signed_at is None


def test_a_record_cannot_be_signed_until_the_forum_writes_what_families_said(app, forum, council):
    record = yswd.start_record(council, "Started by the council")
    with pytest.raises(yswd.YswdError, match="what families said"):
        yswd.sign(record, council, 1)
    yswd.edit(record, forum, {"you_said": "Now written"})
    assert yswd.sign(record, council, 2).council_signed_at is not None


def test_cant_do_needs_a_reason_and_passing_to_a_partner_needs_who_and_what_next(app, forum, council):
    record = new_record(forum, council)
    with pytest.raises(yswd.YswdError, match="why"):
        yswd.edit(record, council, {"status": "cant-do", "status_reason": " "})
    with pytest.raises(yswd.YswdError, match="partner"):
        yswd.edit(record, council, {"status": "passed-to-partner"})
    assert yswd.edit(record, council, {"status": "passed-to-partner",
                                       "status_reason": "NHS Mid and South Essex ICB will reply by June"})


def test_progress_percent_and_links_are_checked(app, forum, council):
    record = new_record(forum, council)
    with pytest.raises(yswd.YswdError):
        yswd.edit(record, council, {"progress": [{"date": "2026-01-01", "text": "x", "percent": 120}]})
    with pytest.raises(yswd.YswdError):
        yswd.edit(record, council, {"progress": [{"date": "2026-01-01", "text": "x", "link": "javascript:alert(1)"}]})


def _council_signed_days_ago(record, council, days):
    current = yswd.sign(record, council, yswd.latest(record).number)
    current.council_signed_at = utcnow() - timedelta(days=days)
    db.session.commit()
    return current


def test_the_council_cannot_publish_alone_before_the_forum_has_had_28_days(app, forum, council):
    record = new_record(forum, council)
    current = _council_signed_days_ago(record, council, 27)
    with pytest.raises(yswd.YswdError, match="has until"):
        yswd.publish_alone(record, council, current.number)
    assert record.published_number is None


def test_the_council_may_publish_alone_after_28_days_and_it_is_marked(app, forum, council):
    record = new_record(forum, council)
    current = _council_signed_days_ago(record, council, 29)
    with pytest.raises(yswd.YswdError):
        yswd.publish_alone(record, forum, current.number)
    yswd.publish_alone(record, council, current.number)
    assert record.published_number == current.number and current.published_without_forum


def test_the_deadlock_period_comes_from_config(app, forum, council):
    app.config["YSWD_FORUM_SIGN_DAYS"] = 5
    record = new_record(forum, council)
    current = _council_signed_days_ago(record, council, 6)
    yswd.publish_alone(record, council, current.number)
    assert current.published_without_forum


def test_publishing_alone_needs_the_council_signature_first(app, forum, council):
    record = new_record(forum, council)
    with pytest.raises(yswd.YswdError, match="sign this version first"):
        yswd.publish_alone(record, council, yswd.latest(record).number)


def test_overdue_is_worked_out_not_stored(app, forum, council):
    record = new_record(forum, council, target=date.today() - timedelta(days=1))
    current = yswd.latest(record)
    assert yswd.is_overdue(current)
    assert not yswd.is_overdue(current, today=date.today() - timedelta(days=5))
    done = yswd.edit(record, council, {"status": "done"})
    assert not yswd.is_overdue(done)


def test_only_published_wall_posts_can_be_linked_as_evidence(app, forum, council):
    record = new_record(forum, council)
    waiting = wall_post(status="awaiting-review")
    with pytest.raises(yswd.YswdError):
        yswd.link_wall_post(record, waiting.id, council, linked=True)
    post = wall_post()
    before = yswd.latest(record).number
    linked = yswd.link_wall_post(record, post.id, forum, linked=True)
    assert linked.number == before + 1 and linked.wall_post_ids == [post.id]
    assert record.wall_posts == []  # the link table follows the published version only
    assert db.session.query(AuditEvent).filter_by(action="yswd-evidence-changed").count() == 1


def test_contacts_are_emailed_when_the_public_status_changes_and_deleted_when_it_closes(app, forum, council, outbox):
    record = new_record(forum, council)
    post = wall_post(text="Private words of the family", email="parent@example.org")
    yswd.link_wall_post(record, post.id, council, linked=True)
    publish(record, forum, council)
    assert [m.to for m in outbox] == ["parent@example.org"]
    assert record.reference in outbox[0].body and "We're working on it" in outbox[0].body
    assert f"/you-said-we-did/{record.reference}" in outbox[0].body
    assert "Private words" not in outbox[0].body

    yswd.edit(record, forum, {"forum_view": "agreed"})  # same status: nobody is emailed
    publish(record, forum, council)
    assert len(outbox) == 1

    yswd.edit(record, council, {"status": "done"})
    publish(record, forum, council)
    assert len(outbox) == 2 and "Done" in outbox[1].body
    assert record.closed_at is not None
    assert db.session.query(WallContact).count() == 0
