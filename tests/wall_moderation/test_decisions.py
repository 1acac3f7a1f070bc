"""Publishing, refusing, the two-key rule, disputes, flags and safeguarding."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent, WallDecision

from .conftest import make_post, state


def _decisions(post) -> list[WallDecision]:
    return list(db.session.scalars(select(WallDecision).where(WallDecision.post_id == post.id)
                                   .order_by(WallDecision.id)))


def _post(client, post, action, **data):
    return client.post(f"/staff/wall/{post.id}/{action}", data={"state": state(post), **data})


def test_either_organisation_can_publish_alone_with_themes(forum, signed_in):
    post = make_post(contributor_theme="health")
    client = signed_in(forum)
    form = client.get(f"/staff/wall/{post.id}/publish").get_data(as_text=True)
    assert 'value="health" checked' in form  # the contributor's theme is ticked

    response = _post(client, post, "publish", themes=["health", "ehc-plans"],
                     reg56_category="content")

    assert response.status_code == 302
    db.session.refresh(post)
    assert post.status == "published" and post.published_text == post.text
    assert post.themes == ["ehc-plans", "health"] and post.reg56_category == "content"
    assert post.published_at is not None and post.decided_at is not None
    [decision] = _decisions(post)
    assert (decision.decision, decision.party, decision.user_id) == ("publish", "forum", forum.id)


def test_publishing_needs_a_theme(council, signed_in):
    post = make_post()
    response = _post(signed_in(council), post, "publish", reg56_category="content")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<title>Error:" in page and "Select at least one theme" in page
    db.session.refresh(post)
    assert post.status == "awaiting-review"


def test_redaction_only_replaces_the_listed_words_with_markers(council, signed_in):
    text = "Oakwood Primary told us to wait. Mrs Patel at Oakwood Primary was kind."
    post = make_post(text)
    response = _post(signed_in(council), post, "publish", themes="education", marker="school",
                     redactions="Oakwood Primary\nMrs Patel [name]",
                     # A view never takes published text from the form, whatever is posted.
                     published_text="Rewritten by staff")

    assert response.status_code == 302
    db.session.refresh(post)
    assert post.text == text
    assert post.published_text == "[school] told us to wait. [name] at [school] was kind."
    assert post.reg56_category is None
    assert _decisions(post)[0].decision == "publish-redacted"


def test_a_phrase_that_is_not_in_the_post_is_refused_clearly(council, signed_in):
    post = make_post("The school bus is late every day.")
    response = _post(signed_in(council), post, "publish", themes="travel", marker="removed",
                     redactions="the school bus")  # wrong case: not word for word
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "is not in the post. Copy the words exactly as they are written" in page
    db.session.refresh(post)
    assert post.status == "awaiting-review" and post.published_text is None


def test_clear_cut_refusals_take_effect_at_once(council, signed_in):
    post = make_post("Buy cheap followers now")
    response = _post(signed_in(council), post, "not-publish", reason="spam", note="Advert")
    assert response.status_code == 302
    db.session.refresh(post)
    assert post.status == "not-published" and post.refusal_reason == "spam" and post.decided_at
    [decision] = _decisions(post)
    assert (decision.decision, decision.reason, decision.note) == ("refuse", "spam", "Advert")


def test_a_duplicate_is_merged_into_the_post_on_the_wall(forum, signed_in):
    original = make_post("More short breaks please", status="published", me_too_count=2)
    repeat = make_post("We need more short breaks", check_hints=[
        {"kind": "duplicate", "match": "short breaks", "post_id": original.id}])
    client = signed_in(forum)
    form = client.get(f"/staff/wall/{repeat.id}/not-publish").get_data(as_text=True)
    assert f'value="{original.id}"' in form  # the check's suggestion is filled in

    assert _post(client, repeat, "not-publish", reason="duplicate", duplicate_of=str(repeat.id)).status_code == 200
    response = _post(client, repeat, "not-publish", reason="duplicate", duplicate_of=str(original.id))

    assert response.status_code == 302
    db.session.refresh(repeat)
    db.session.refresh(original)
    assert repeat.status == "not-published" and repeat.merged_into_id == original.id
    assert original.me_too_count == 3


def test_a_duplicate_must_name_a_post_on_the_wall(council, signed_in):
    waiting = make_post("Not yet published")
    post = make_post()
    page = _post(signed_in(council), post, "not-publish", reason="duplicate",
                 duplicate_of=str(waiting.id)).get_data(as_text=True)
    assert "Enter the number of a post that is on the wall" in page
    db.session.refresh(post)
    assert post.status == "awaiting-review"


def test_a_refusal_on_judgement_needs_the_other_organisation(council, forum, admin, signed_in):
    post = make_post()
    council_client = signed_in(council)
    _post(council_client, post, "not-publish", reason="off-topic")
    db.session.refresh(post)
    assert post.status == "refusal-proposed" and post.refusal_proposed_by == "council"

    # Nobody from the proposing organisation (an admin acts for the council) can agree.
    for client in (council_client, signed_in(admin)):
        assert client.get(f"/staff/wall/{post.id}/refusal").status_code == 403
        response = _post(client, post, "refusal", answer="agree")
        assert response.status_code == 403
        assert "The other organisation must answer this" in response.get_data(as_text=True)
    db.session.refresh(post)
    assert post.status == "refusal-proposed"

    assert _post(signed_in(forum), post, "refusal", answer="agree").status_code == 302
    db.session.refresh(post)
    assert post.status == "not-published" and post.refusal_reason == "off-topic"
    assert [(d.decision, d.party) for d in _decisions(post)] == [("propose-refusal", "council"),
                                                                 ("agree-refusal", "forum")]


def test_disagreement_makes_a_dispute_that_the_joint_panel_resolves(council, forum, signed_in):
    post = make_post()
    _post(signed_in(forum), post, "not-publish", reason="vexatious")
    council_client = signed_in(council)
    _post(council_client, post, "refusal", answer="disagree", note="It is fair criticism")
    db.session.refresh(post)
    assert post.status == "disputed"

    missing_note = _post(council_client, post, "resolve", outcome="publish", themes="listening")
    assert "Enter when the panel met and what it said" in missing_note.get_data(as_text=True)
    no_theme = _post(council_client, post, "resolve", outcome="publish", note="Panel met 3 March")
    assert "Select at least one theme" in no_theme.get_data(as_text=True)

    response = _post(council_client, post, "resolve", outcome="publish", themes="listening",
                     note="Joint panel met on 3 March and agreed to publish")
    assert response.status_code == 302
    db.session.refresh(post)
    assert post.status == "published" and post.themes == ["listening"]
    assert _decisions(post)[-1].decision == "resolve-dispute"


def test_the_joint_panel_can_decide_not_to_publish(council, signed_in):
    post = make_post(status="disputed", refusal_reason="abusive")
    client = signed_in(council)
    assert "Select why it will not be published" in _post(
        client, post, "resolve", outcome="not-publish", note="Panel 4 May").get_data(as_text=True)
    _post(client, post, "resolve", outcome="not-publish", reason="abusive", note="Panel 4 May")
    db.session.refresh(post)
    assert post.status == "not-published" and post.refusal_reason == "abusive"


def test_a_decision_on_a_post_someone_else_already_decided_is_not_saved(council, forum, signed_in):
    post = make_post()
    seen = state(post)
    _post(signed_in(forum), post, "publish", themes="travel")

    response = signed_in(council).post(f"/staff/wall/{post.id}/not-publish", data={"state": seen, "reason": "spam"})

    assert response.status_code == 409
    assert "This post was already dealt with" in response.get_data(as_text=True)
    db.session.refresh(post)
    assert post.status == "published" and len(_decisions(post)) == 1


def test_a_stale_form_for_a_post_still_in_the_same_status_is_refused_too(council, forum, signed_in):
    post = make_post(status="hidden", flag_count=3)
    seen = state(post)
    _post(signed_in(forum), post, "restore")
    post.status = "hidden"  # hidden again by new flags
    db.session.commit()
    response = signed_in(council).post(f"/staff/wall/{post.id}/restore", data={"state": seen})
    assert response.status_code == 409


def test_a_moderator_cannot_decide_on_a_post_they_entered(council, signed_in):
    post = make_post(entered_by_id=council.id)
    client = signed_in(council)
    response = _post(client, post, "publish", themes="travel")
    assert response.status_code == 403 and "You cannot decide on a post you entered" in response.get_data(as_text=True)
    assert _post(client, post, "not-publish", reason="spam").status_code == 403
    db.session.refresh(post)
    assert post.status == "awaiting-review"


def test_hidden_posts_can_be_restored_with_flags_cleared(forum, signed_in):
    post = make_post(status="hidden", flag_count=4)
    assert _post(signed_in(forum), post, "restore").status_code == 302
    db.session.refresh(post)
    assert post.status == "published" and post.flag_count == 0
    assert _decisions(post)[0].decision == "restore"


def test_hidden_posts_can_be_removed_under_the_same_rules(council, forum, signed_in):
    identifying = make_post(status="hidden", flag_count=1)
    judged = make_post(status="hidden", flag_count=3)
    _post(signed_in(council), identifying, "not-publish", reason="identifies-someone")
    _post(signed_in(council), judged, "not-publish", reason="abusive")
    db.session.refresh(identifying)
    db.session.refresh(judged)
    assert identifying.status == "not-published" and _decisions(identifying)[0].decision == "remove"
    assert judged.status == "refusal-proposed" and judged.refusal_proposed_by == "council"


def test_a_published_post_can_be_taken_down(council, signed_in):
    post = make_post(status="published")
    client = signed_in(council)
    assert "Take this post off the wall" in client.get(f"/staff/wall/{post.id}/not-publish").get_data(as_text=True)
    _post(client, post, "not-publish", reason="identifies-someone")
    db.session.refresh(post)
    assert post.status == "not-published" and post.published_text is None


def test_forum_moderators_can_escalate_to_safeguarding_but_not_open_it_afterwards(forum, council, signed_in):
    post = make_post("Something worrying", status="published")
    client = signed_in(forum)
    response = _post(client, post, "safeguarding", note="Possible risk to a child")
    assert response.status_code == 302
    db.session.refresh(post)
    assert post.status == "safeguarding" and post.published_text is None
    assert client.get(response.headers["Location"]).status_code == 404
    assert "Passed to the safeguarding team" in signed_in(council).get(f"/staff/wall/{post.id}").get_data(as_text=True)


def test_decisions_and_audit_rows_never_hold_the_post_text(council, forum, signed_in):
    text = "My daughter at Riverside Academy waited two years for an assessment"
    post = make_post(text)
    _post(signed_in(council), post, "publish", themes="ehc-plans", redactions="Riverside Academy", marker="school")
    other = make_post(text + " again")
    _post(signed_in(forum), other, "not-publish", reason="individual-case", note="About one child")

    rows = [f"{d.decision} {d.reason} {d.note}" for d in db.session.scalars(select(WallDecision))]
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "wall-post-moderated")).all()
    assert len(rows) == 2 and len(events) == 2
    for words in ("Riverside", "daughter", "assessment"):
        assert all(words not in row for row in rows)
        assert all(words not in event.detail for event in events)
    assert "status awaiting-review -> published; decision publish-redacted; 1 redactions" in events[0].detail


def test_a_note_that_copies_the_familys_words_is_refused(council, signed_in):
    post = make_post("The new travel policy has left my son without a bus")
    page = _post(signed_in(council), post, "not-publish", reason="spam",
                 note="They said the new travel policy has left them stuck").get_data(as_text=True)
    assert "The note repeats the family" in page and "<title>Error:" in page
