"""Providers propose changes to their own organisation's listings; nothing they do changes the
live listing, and they can never reach another organisation's services or moderator fields."""
from __future__ import annotations

from localoffer.extensions import db
from localoffer.models import Organisation, Service

from ..helpers import normalize_spaces, page
from .accounts import make_user, sign_in
from .listings_helpers import ABOUT, actions, own_service, propose_summary, revisions_of, version_count


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/staff/listings/")
    assert response.status_code == 302
    assert "/staff/sign-in" in response.headers["Location"]


def test_moderators_do_not_have_a_provider_list(client, moderator):
    sign_in(client, moderator)
    assert client.get("/staff/listings/").status_code == 403


def test_a_provider_sees_only_their_organisations_services(client, provider):
    own_service(provider, "Our swim club")
    own_service(make_user("provider"), "Someone else's club")
    sign_in(client, provider)
    text = normalize_spaces(page(client.get("/staff/listings/")).text)
    assert "Our swim club" in text and "Live" in text
    assert "Someone else's club" not in text
    assert "Add a new service" in text


def test_a_provider_without_an_organisation_gets_a_kind_message(client):
    loner = make_user("provider")
    loner.organisation_id = None
    db.session.commit()
    sign_in(client, loner)
    response = client.get("/staff/listings/")
    assert response.status_code == 200
    assert "not linked to an organisation" in response.get_data(as_text=True)
    assert client.get("/staff/listings/new").status_code == 404


def test_other_organisations_services_are_not_found(client, provider):
    theirs = own_service(make_user("provider"), "Their club")
    sign_in(client, provider)
    assert client.get(f"/staff/listings/{theirs.id}/edit").status_code == 404
    assert client.get(f"/staff/listings/{theirs.id}/edit/about").status_code == 404
    assert client.post(f"/staff/listings/{theirs.id}/edit/about", data=ABOUT).status_code == 404
    assert client.post(f"/staff/listings/{theirs.id}/submit").status_code == 404
    assert client.post(f"/staff/listings/{theirs.id}/withdraw").status_code == 404
    assert client.get("/staff/listings/not-a-uuid/edit").status_code == 404
    assert revisions_of(theirs) == []


def test_the_summary_page_has_a_change_link_for_every_section(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    soup = page(client.get(f"/staff/listings/{service.id}/edit"))
    links = {a["href"] for a in soup.select(".govuk-summary-list__actions a")}
    for section in ("about", "who", "where", "how", "contact", "cost", "access"):
        assert f"/staff/listings/{service.id}/edit/{section}" in links
        assert client.get(f"/staff/listings/{service.id}/edit/{section}").status_code == 200
    assert client.get(f"/staff/listings/{service.id}/edit/status").status_code == 404


def test_saving_a_section_makes_a_draft_and_leaves_the_live_listing_alone(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    propose_summary(client, service, "Brand new summary.", send=False)
    db.session.expire_all()
    assert service.summary == "Quiet swims."
    assert version_count(service) == 1
    [draft] = revisions_of(service)
    assert draft.state == "draft" and draft.proposed["summary"] == "Brand new summary."
    assert draft.base_version == 1
    assert "Brand new summary." in client.get(f"/staff/listings/{service.id}/edit").get_data(as_text=True)
    assert actions("revision-submitted") == []


def test_sending_for_approval_makes_the_change_pending_and_audits_it(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    propose_summary(client, service, "Brand new summary.")
    [revision] = revisions_of(service)
    assert revision.state == "pending" and revision.submitted_at is not None
    [event] = actions("revision-submitted")
    assert event.subject_id == str(service.id) and event.user_id == provider.id
    assert "Waiting for approval" in client.get("/staff/listings/").get_data(as_text=True)
    # While it waits, sections are locked until the provider withdraws it.
    response = client.post(f"/staff/listings/{service.id}/edit/about", data={**ABOUT, "summary": "Other"})
    assert response.status_code == 302
    db.session.expire_all()
    assert revision.proposed["summary"] == "Brand new summary."


def test_state_changes_need_a_post(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    assert client.get(f"/staff/listings/{service.id}/submit").status_code == 405
    assert client.get(f"/staff/listings/{service.id}/withdraw").status_code == 405


def test_posting_moderator_fields_changes_nothing(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    sneaky = {"status": "archived", "is_published": "0", "visible_to": "2000-01-01", "last_reviewed": "2000-01-01",
              "review_due": "2000-01-01", "organisation_id": "x", "state": "approved", "alert": "Closed"}
    for section in ("about", "who", "cost"):
        client.post(f"/staff/listings/{service.id}/edit/{section}",
                    data={**ABOUT, "min_age": "0", "max_age": "25", "is_free": "yes", **sneaky})
    client.post(f"/staff/listings/{service.id}/submit", data=sneaky)
    db.session.expire_all()
    fresh = db.session.get(Service, service.id)
    assert (fresh.status, fresh.is_published, fresh.visible_to, fresh.alert) == ("active", True, None, "")
    [revision] = revisions_of(service)
    assert revision.state == "pending"
    assert not {"status", "is_published", "visible_to", "alert", "review_due"} & set(revision.proposed)


def test_bad_answers_get_clear_errors(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    response = client.post(f"/staff/listings/{service.id}/edit/contact",
                           data={"url": "javascript:alert(1)", "email": "nope", "phone": "call me"})
    soup = page(response)
    assert response.status_code == 200 and soup.title.text.startswith("Error:")
    summary = normalize_spaces(soup.select_one(".govuk-error-summary").text)
    assert "starting with https://" in summary and "correct format" in summary and "phone number" in summary
    response = client.post(f"/staff/listings/{service.id}/edit/who", data={"min_age": "12", "max_age": "5"})
    assert "oldest age must be the same as or more" in response.get_data(as_text=True)
    response = client.post(f"/staff/listings/{service.id}/edit/who", data={"min_age": "ten", "max_age": "99"})
    assert "whole number" in response.get_data(as_text=True)
    response = client.post(f"/staff/listings/{service.id}/edit/where", data={"areas": ["countywide", "mid"]})
    assert "not both" in response.get_data(as_text=True)
    assert revisions_of(service) == []


def test_every_section_saves_its_answers(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    posts = {
        "who": {"needs": ["adhd", "autism"], "min_age": "5", "max_age": "11", "eligibility": "Essex families"},
        "where": {"areas": ["mid", "south"]},
        "how": {"delivery": ["online"]},
        "contact": {"url": "https://swim.example.org", "email": "swim@example.org", "phone": "01234 567890"},
        "cost": {"is_free": "no", "fees_description": "£3 a session"},
        "access": {"access_route": "referral", "how_to_access": "Ask your GP", "waiting_time": "6 weeks"},
    }
    for section, data in posts.items():
        assert client.post(f"/staff/listings/{service.id}/edit/{section}", data=data).status_code == 302, section
    [draft] = revisions_of(service)
    assert draft.proposed["needs"] == ["adhd", "autism"] and draft.proposed["quadrants"] == ["mid", "south"]
    assert draft.proposed["is_countywide"] is False and draft.proposed["delivery"] == ["online"]
    assert draft.proposed["url"] == "https://swim.example.org" and draft.proposed["is_free"] is False
    assert draft.proposed["access_route"] == "referral" and draft.proposed["min_age"] == 5
    text = normalize_spaces(page(client.get(f"/staff/listings/{service.id}/edit")).text)
    assert "Mid Essex" in text and "A referral is needed" in text and "Online" in text


def test_a_provider_can_withdraw_a_pending_change(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    propose_summary(client, service, "Brand new summary.")
    assert client.post(f"/staff/listings/{service.id}/withdraw").status_code == 302
    [revision] = revisions_of(service)
    assert revision.state == "withdrawn"
    assert len(actions("revision-withdrawn")) == 1
    # Their work is kept for the next draft.
    assert "Brand new summary." in client.get(f"/staff/listings/{service.id}/edit").get_data(as_text=True)


def test_a_new_service_is_proposed_unpublished_and_never_findable(client, provider):
    sign_in(client, provider)
    response = client.post("/staff/listings/new", data={**ABOUT, "name": "Holiday sensory club"})
    assert response.status_code == 302
    service = db.session.query(Service).filter_by(name="Holiday sensory club").one()
    assert service.is_published is False and service.organisation_id == provider.organisation_id
    assert client.post(f"/staff/listings/{service.id}/submit").status_code == 302
    [revision] = revisions_of(service)
    assert revision.is_new_service and revision.state == "pending"
    assert client.get(f"/services/{service.id}").status_code == 404
    assert "Not published" in client.get("/staff/listings/").get_data(as_text=True)
    assert db.session.query(Organisation).count() == 1


def test_the_summary_page_explains_where_the_change_is(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, provider)
    edit_url = f"/staff/listings/{service.id}/edit"
    assert "as families see it" in client.get(edit_url).get_data(as_text=True)
    assert client.get("/staff/listings/new").status_code == 200
    propose_summary(client, service, "Draft words.", send=False)
    text = client.get(edit_url).get_data(as_text=True)
    assert "draft changes" in text and "Send for approval" in text
    client.post(f"/staff/listings/{service.id}/submit")
    text = client.get(edit_url).get_data(as_text=True)
    assert "waiting for a moderator" in text and "Withdraw changes" in text and "Send for approval" not in text
    client.post("/staff/sign-out")
    sign_in(client, moderator)
    [revision] = revisions_of(service)
    client.post(f"/staff/listings/revisions/{revision.id}/reject", data={"reason": "Add the pool's name."})
    client.post("/staff/sign-out")
    sign_in(client, provider)
    text = client.get(edit_url).get_data(as_text=True)
    assert "did not approve" in text and "Add the pool&#39;s name." in text and "Draft words." in text
    # Changing it again starts a new draft from the rejected proposal.
    propose_summary(client, service, "Draft words, at Colchester pool.", send=False)
    latest = revisions_of(service)[-1]
    assert latest.state == "draft" and latest.proposed["summary"] == "Draft words, at Colchester pool."


def test_deleting_a_draft_drops_it(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    propose_summary(client, service, "Second thoughts.", send=False)
    client.post(f"/staff/listings/{service.id}/withdraw")
    assert "Second thoughts." not in client.get(f"/staff/listings/{service.id}/edit").get_data(as_text=True)
