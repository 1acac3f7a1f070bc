"""The moderation queue and the post page: what moderators see, and who may see it."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent, WallContact
from tests.staff.accounts import make_user

from .conftest import make_post


def test_the_queue_lists_posts_waiting_oldest_first_with_their_age_against_the_target(council, signed_in):
    make_post("Newer comment about buses", days_ago=1)
    make_post("Older comment about respite", days_ago=14)
    page = signed_in(council).get("/staff/wall/").get_data(as_text=True)

    assert "Waiting to be checked (2)" in page
    assert page.index("Older comment about respite") < page.index("Newer comment about buses")
    assert "Over target" in page  # 14 calendar days is at least 10 working days
    assert page.count("Over target") == 1


def test_refusals_are_listed_by_which_organisation_must_act(council, forum, signed_in):
    make_post("Proposed by the forum", status="refusal-proposed", refusal_proposed_by="forum",
              refusal_reason="off-topic")
    make_post("Proposed by the council", status="refusal-proposed", refusal_proposed_by="council",
              refusal_reason="vexatious")
    make_post("A disputed one", status="disputed", refusal_reason="vexatious")
    make_post("A hidden one", status="hidden", flag_count=3)

    page = signed_in(council).get("/staff/wall/").get_data(as_text=True)
    for_us = page.index("Waiting for your organisation to agree not to publish (1)")
    by_us = page.index("Your organisation proposed not publishing: waiting for the other organisation (1)")
    assert for_us < page.index("Proposed by the forum") < by_us < page.index("Proposed by the council")
    assert "Disputed: for the joint panel (1)" in page and "A disputed one" in page
    assert "Hidden after flags from the public (1)" in page and "A hidden one" in page

    forum_page = signed_in(forum).get("/staff/wall/").get_data(as_text=True)
    assert forum_page.index("Waiting for your organisation") < forum_page.index("Proposed by the council") \
        < forum_page.index("Your organisation proposed") < forum_page.index("Proposed by the forum")


def test_safeguarding_posts_never_appear_in_the_queue(council, signed_in):
    make_post("Something worrying", status="safeguarding")
    page = signed_in(council).get("/staff/wall/").get_data(as_text=True)
    assert "Something worrying" not in page


def test_the_post_page_shows_the_text_suggestions_and_details(council, champion, signed_in):
    post = make_post("Call me on 01245 123456 about the group", channel="group", group_name="Tuesday parents group",
                     entered_by_id=champion.id, quadrant="mid", contributor_theme="travel", reg56_category="content",
                     me_too_count=4, check_hints=[{"kind": "phone", "match": "01245 123456"}])
    page = signed_in(council).get(f"/staff/wall/{post.id}").get_data(as_text=True)

    assert "Call me on 01245 123456 about the group" in page
    assert "Possible phone number: 01245 123456" in page
    assert "Mid Essex" in page and "Travel" in page and "At a family group" in page
    assert "Tuesday parents group" in page and champion.display_name in page
    assert "What help there is, how good it is, or what is missing" in page
    assert f"/staff/wall/{post.id}/publish" in page and f"/staff/wall/{post.id}/not-publish" in page


def test_family_words_are_escaped_on_every_staff_page(council, signed_in):
    nasty = '<script>alert("x")</script> too long'
    post = make_post(nasty, check_hints=[{"kind": "name", "match": "<img src=x onerror=alert(1)>"}])
    client = signed_in(council)
    for url in ("/staff/wall/", f"/staff/wall/{post.id}", f"/staff/wall/{post.id}/publish",
                f"/staff/wall/{post.id}/not-publish"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<img src=x" not in page, url
        assert "&lt;script&gt;" in page, url


def test_unknown_posts_are_not_found(council, signed_in):
    client = signed_in(council)
    assert client.get("/staff/wall/999").status_code == 404
    assert client.get("/staff/wall/abc").status_code == 404
    assert client.get("/staff/wall/999/publish").status_code == 404


def test_champions_and_providers_cannot_moderate(app, champion, signed_in):
    post = make_post()
    for user in (champion, make_user("provider")):
        client = signed_in(user)
        for url in ("/staff/wall/", f"/staff/wall/{post.id}", f"/staff/wall/{post.id}/publish",
                    "/staff/wall/prompts", "/staff/wall/safeguarding"):
            assert client.get(url).status_code == 403, (user.role, url)
        assert client.post(f"/staff/wall/{post.id}/publish", data={"themes": "travel"}).status_code == 403
    db.session.refresh(post)
    assert post.status == "awaiting-review"


def test_withdrawn_posts_are_read_only(council, signed_in):
    post = make_post(status="withdrawn")
    client = signed_in(council)
    page = client.get(f"/staff/wall/{post.id}").get_data(as_text=True)
    assert "has withdrawn it" in page and f"/staff/wall/{post.id}/publish" not in page
    assert client.get(f"/staff/wall/{post.id}/publish").status_code == 409


def test_safeguarding_posts_are_only_for_safeguarding_view_and_every_opening_is_audited(council, forum, admin,
                                                                                          signed_in):
    post = make_post("A worrying disclosure", status="safeguarding", email="parent@example.com")

    forum_client = signed_in(forum)
    assert forum_client.get("/staff/wall/safeguarding").status_code == 403
    assert forum_client.get(f"/staff/wall/{post.id}").status_code == 404
    assert forum_client.get(f"/staff/wall/{post.id}/not-publish").status_code == 404

    client = signed_in(council)
    listing = client.get("/staff/wall/safeguarding").get_data(as_text=True)
    assert f"/staff/wall/{post.id}" in listing and "A worrying disclosure" not in listing
    page = client.get(f"/staff/wall/{post.id}").get_data(as_text=True)
    assert "A worrying disclosure" in page and "parent@example.com" in page and "Restricted" in page
    signed_in(admin).get(f"/staff/wall/{post.id}")

    views = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "safeguarding-viewed")).all()
    assert {v.user_id for v in views} == {council.id, admin.id}
    assert all(v.subject_id == str(post.id) and "worrying" not in v.detail for v in views)
    # The contact details are shown only on the restricted page, and kept.
    assert db.session.scalar(select(WallContact).where(WallContact.post_id == post.id)) is not None


def test_contact_details_are_not_shown_for_ordinary_posts(council, signed_in):
    post = make_post(email="someone@example.com")
    assert "someone@example.com" not in signed_in(council).get(f"/staff/wall/{post.id}").get_data(as_text=True)
