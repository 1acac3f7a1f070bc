"""Council moderators check proposed changes field by field and approve or reject them. Until
approval the live, searchable listing stays the last approved version."""
from __future__ import annotations

from localoffer.extensions import db
from localoffer.models import Service

from ..helpers import normalize_spaces, page, result_ids
from .accounts import make_user, sign_in
from .listings_helpers import ABOUT, actions, own_service, propose_summary, revisions_of, version_count


def _pending(client, provider, summary="Now with a lifeguard trained in autism.", **service_args):
    service = own_service(provider, **service_args)
    sign_in(client, provider)
    propose_summary(client, service, summary)
    client.post("/staff/sign-out")
    [revision] = revisions_of(service)
    return service, revision


def test_providers_and_champions_cannot_moderate(client, provider):
    service, revision = _pending(client, provider)
    for user in (provider, make_user("champion"), make_user("forum_moderator")):
        sign_in(client, user)
        assert client.get("/staff/listings/queue").status_code == 403
        assert client.get(f"/staff/listings/revisions/{revision.id}").status_code == 403
        assert client.post(f"/staff/listings/revisions/{revision.id}/approve").status_code == 403
        client.post("/staff/sign-out")
    assert client.get("/staff/listings/queue").status_code == 302


def test_the_queue_lists_pending_changes_oldest_first(client, provider, moderator):
    first, _ = _pending(client, provider)
    other = make_user("provider")
    second, _ = _pending(client, other, name="Art club")
    sign_in(client, other)
    client.post("/staff/listings/new", data={**ABOUT, "name": "Draft only club"})  # a draft: not in the queue
    client.post("/staff/sign-out")
    sign_in(client, moderator)
    soup = page(client.get("/staff/listings/queue"))
    rows = [[normalize_spaces(td.text) for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert [row[1:4] for row in rows] == [["Sensory swim club", provider.organisation.name, "Changes"],
                                          ["Art club", other.organisation.name, "Changes"]]


def test_the_revision_page_shows_before_and_after_with_labels(client, provider, moderator):
    service, revision = _pending(client, provider)
    sign_in(client, moderator)
    soup = page(client.get(f"/staff/listings/revisions/{revision.id}"))
    [row] = soup.select("table.lo-diff tbody tr")
    assert normalize_spaces(row.th.text) == "Summary"
    assert normalize_spaces(row.select_one("del").text) == "Before: Quiet swims."
    assert normalize_spaces(row.select_one("ins").text) == "After: Now with a lifeguard trained in autism."
    headings = [normalize_spaces(th.text) for th in soup.select("table.lo-diff thead th")]
    assert headings == ["Field", "Live now (before)", "Proposed (after)"]
    assert "has changed since the provider started" not in soup.text


def test_families_see_the_approved_version_until_approval(client, provider, moderator, outbox):
    service, revision = _pending(client, provider, summary="Now with a lifeguard trained in autism.")
    public = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "Quiet swims." in public and "lifeguard" not in public
    assert result_ids(client.get("/services?q=lifeguard")) == []

    sign_in(client, moderator)
    response = client.post(f"/staff/listings/revisions/{revision.id}/approve")
    assert response.status_code == 302
    db.session.expire_all()
    assert revision.state == "approved" and revision.decided_by_id == moderator.id
    assert version_count(service) == 2
    public = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "lifeguard" in public
    assert result_ids(client.get("/services?q=lifeguard")) == [str(service.id)]
    [event] = actions("revision-approved")
    assert event.user_id == moderator.id and "summary" in event.detail
    [mail] = outbox
    assert mail.to == provider.email and "live" in mail.subject
    assert f"/staff/listings/{service.id}/edit" in mail.body


def test_approval_is_recorded_in_history_with_a_note(client, provider, moderator):
    service, revision = _pending(client, provider)
    sign_in(client, moderator)
    client.post(f"/staff/listings/revisions/{revision.id}/approve")
    text = normalize_spaces(page(client.get(f"/staff/listings/{service.id}/history")).text)
    assert "Approved provider's changes" in text and moderator.email in text


def test_rejecting_needs_a_reason_which_the_provider_is_sent(client, provider, moderator, outbox):
    service, revision = _pending(client, provider)
    sign_in(client, moderator)
    response = client.post(f"/staff/listings/revisions/{revision.id}/reject", data={"reason": "  "})
    assert response.status_code == 200 and page(response).title.text.startswith("Error:")
    assert "Enter why you are rejecting" in response.get_data(as_text=True)
    client.post(f"/staff/listings/revisions/{revision.id}/reject", data={"reason": "Say which pool, please."})
    db.session.expire_all()
    assert revision.state == "rejected" and revision.decision_reason == "Say which pool, please."
    assert db.session.get(Service, service.id).summary == "Quiet swims."
    assert len(actions("revision-rejected")) == 1
    [mail] = outbox
    assert mail.to == provider.email and "Say which pool, please." in mail.body
    client.post("/staff/sign-out")
    sign_in(client, provider)
    text = normalize_spaces(page(client.get("/staff/listings/")).text)
    assert "Changes rejected" in text and "Say which pool, please." in text


def test_a_decided_change_cannot_be_decided_again(client, provider, moderator, outbox):
    service, revision = _pending(client, provider)
    sign_in(client, moderator)
    client.post(f"/staff/listings/revisions/{revision.id}/approve")
    client.post(f"/staff/listings/revisions/{revision.id}/reject", data={"reason": "Too late"})
    client.post(f"/staff/listings/revisions/{revision.id}/approve")
    db.session.expire_all()
    assert revision.state == "approved" and len(outbox) == 1 and version_count(service) == 2
    assert client.get(f"/staff/listings/revisions/{revision.id}/approve").status_code == 405


def test_bulk_approval(client, provider, moderator, outbox):
    first, one = _pending(client, provider)
    second, two = _pending(client, make_user("provider"), name="Art club")
    sign_in(client, moderator)
    response = client.post("/staff/listings/queue/approve", data={"revision": [str(one.id), str(two.id), "junk"]})
    assert response.status_code == 302
    db.session.expire_all()
    assert one.state == two.state == "approved" and len(outbox) == 2
    assert len(actions("revision-approved")) == 2
    assert "Select at least one" in client.post("/staff/listings/queue/approve",
                                                follow_redirects=True).get_data(as_text=True)


def test_approving_a_new_service_publishes_it(client, provider, moderator):
    sign_in(client, provider)
    client.post("/staff/listings/new", data={**ABOUT, "name": "Holiday sensory club", "summary": "Fun."})
    service = db.session.query(Service).filter_by(name="Holiday sensory club").one()
    client.post(f"/staff/listings/{service.id}/edit/where", data={"areas": ["countywide"]})
    client.post(f"/staff/listings/{service.id}/submit")
    client.post("/staff/sign-out")
    [revision] = revisions_of(service)
    sign_in(client, moderator)
    assert "New service" in page(client.get("/staff/listings/queue")).text
    client.post(f"/staff/listings/revisions/{revision.id}/approve")
    db.session.expire_all()
    assert service.is_published and service.is_countywide and service.summary == "Fun."
    assert client.get(f"/services/{service.id}").status_code == 200
    assert len(actions("service-published")) == 1


def test_no_warning_when_only_the_review_date_changed_meanwhile(client, provider, moderator):
    from localoffer.data.reviews import mark_reviewed

    service, revision = _pending(client, provider)
    mark_reviewed(service, actor="test")
    db.session.commit()
    sign_in(client, moderator)
    text = normalize_spaces(page(client.get(f"/staff/listings/revisions/{revision.id}")).text)
    assert "has changed since the provider started" not in text


def test_a_warning_when_the_live_listing_changed_meanwhile_and_other_edits_survive(client, provider, moderator):
    service, revision = _pending(client, provider)
    sign_in(client, moderator)
    client.post(f"/staff/listings/{service.id}/change/contact", data={"phone": "01245 000000"})
    text = normalize_spaces(page(client.get(f"/staff/listings/revisions/{revision.id}")).text)
    assert "has changed since the provider started" in text
    client.post(f"/staff/listings/revisions/{revision.id}/approve")
    db.session.expire_all()
    # Approving applies only what the provider changed: the moderator's phone number stays.
    assert service.phone == "01245 000000" and service.summary.startswith("Now with a lifeguard")


def test_unknown_revisions_are_not_found(client, moderator):
    sign_in(client, moderator)
    assert client.get("/staff/listings/revisions/6f1c1f5e-0000-4000-8000-000000000000").status_code == 404
    assert client.get("/staff/listings/revisions/nope").status_code == 404


def test_a_failed_email_never_undoes_an_approval_and_the_moderator_is_told(client, provider, moderator, monkeypatch):
    import smtplib

    from localoffer import mail

    def broken(*_args, **_kwargs):
        raise smtplib.SMTPServerDisconnected("connection lost")

    service, revision = _pending(client, provider)
    monkeypatch.setattr(mail, "send_mail", broken)
    sign_in(client, moderator)
    page_after = client.post(f"/staff/listings/revisions/{revision.id}/approve", follow_redirects=True)
    assert page_after.status_code == 200
    assert "could not email" in page_after.get_data(as_text=True)
    db.session.refresh(revision)
    assert revision.state == "approved"
