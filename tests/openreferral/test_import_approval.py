"""With ORUK_IMPORT_REQUIRES_APPROVAL on, imported services go through the moderators' queue
like providers' changes: nothing reaches families until a moderator approves, and re-running
a feed never piles up duplicate proposals."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from localoffer.data.versions import versions_of
from localoffer.extensions import db
from localoffer.models import AuditEvent, ImportRun, Service, ServiceRevision

from ..helpers import normalize_spaces, page, result_ids
from ..staff.accounts import client_for, make_user
from .helpers import FIXTURES, counts, run_import

COUNSELLING = uuid.UUID("ac148810-d857-441c-9679-408f346de14b")
API = f"/api/oruk/services/{COUNSELLING}"


@pytest.fixture
def approval(app):
    app.config["ORUK_IMPORT_REQUIRES_APPROVAL"] = True
    return app


@pytest.fixture
def moderator_client(app):
    return client_for(app, make_user("council_moderator"))


def _feed(tmp_path, name="Community Counselling", file="feed.json"):
    path = tmp_path / file
    text = (FIXTURES / "hsds3-service-full.json").read_text()
    path.write_text(text.replace('"name": "Community Counselling"', f'"name": "{name}"'))
    return path


def _revisions(state=None) -> list[ServiceRevision]:
    stmt = select(ServiceRevision).order_by(ServiceRevision.created_at)
    if state:
        stmt = stmt.where(ServiceRevision.state == state)
    db.session.expire_all()
    return list(db.session.scalars(stmt))


def _diff(client, revision) -> dict[str, tuple[str, str]]:
    soup = page(client.get(f"/staff/listings/revisions/{revision.id}"))
    return {normalize_spaces(tr.th.text): (normalize_spaces(tr.select_one("del").text).removeprefix("Before: "),
                                           normalize_spaces(tr.select_one("ins").text).removeprefix("After: "))
            for tr in soup.select("table.lo-diff tbody tr")}


def test_a_new_service_waits_unseen_until_a_moderator_approves_it(approval, runner, client, moderator_client):
    result = run_import(runner, "hsds3-service-full.json")
    assert counts(result.output) == {"Created": 0, "Updated": 0, "Sent for approval": 1, "Unchanged": 0,
                                     "Skipped": 0}
    assert "wait for a moderator" in result.output
    placeholder = db.session.get(Service, COUNSELLING)
    assert placeholder.is_published is False and placeholder.contacts == [] and placeholder.locations == []
    assert client.get(API).status_code == 404
    assert result_ids(client.get("/services", query_string={"q": "counselling"})) == []

    [revision] = _revisions("pending")
    assert revision.is_import and revision.is_new_service and revision.created_by_id is None
    run = db.session.scalars(select(ImportRun)).one()
    assert (run.source, run.sent_for_approval, run.requires_approval) == ("hsds3-service-full.json", 1, True)
    queue = page(moderator_client.get("/staff/listings/queue"))
    [row] = [[normalize_spaces(td.text) for td in tr.select("td")] for tr in queue.select("tbody tr")]
    assert row[1:5] == ["Community Counselling", "Example Organization Inc.", "New service", f"Import (run {run.id})"]
    soup = page(moderator_client.get(f"/staff/listings/revisions/{revision.id}"))
    assert f"Proposed by an import from hsds3-service-full.json (import run {run.id}" in normalize_spaces(soup.text)
    rows = _diff(moderator_client, revision)
    assert rows["Published"] == ("No", "Yes")
    assert "MyCity Civic Center" in rows["Venues"][1] and "Ann Persona" in rows["Contacts"][1]

    assert moderator_client.post(f"/staff/listings/revisions/{revision.id}/approve").status_code == 302
    db.session.expire_all()
    live = client.get(API).get_json()
    assert live["name"] == "Community Counselling" and live["contacts"] and live["service_at_locations"]
    assert result_ids(client.get("/services", query_string={"q": "counselling"})) == [str(COUNSELLING)]
    notes = [(v.note, v.user_id is not None) for v in versions_of(COUNSELLING)]
    assert notes[0] == (f"Approved import from hsds3-service-full.json (run {run.id})", True)
    assert notes[-1] == (f"New service proposed by import from hsds3-service-full.json (run {run.id})", False)
    assert [e.actor for e in db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "revision-submitted"))] == ["import"]


def test_a_change_to_a_live_service_waits_and_families_keep_the_approved_listing(
        app, runner, client, moderator_client, tmp_path):
    run_import(runner, "hsds3-service-full.json")  # approval off: live at once
    app.config["ORUK_IMPORT_REQUIRES_APPROVAL"] = True
    result = run_import(runner, _feed(tmp_path, "Community Counselling Plus"))
    assert counts(result.output)["Sent for approval"] == 1
    assert client.get(API).get_json()["name"] == "Community Counselling"
    [revision] = _revisions("pending")
    assert not revision.is_new_service
    assert _diff(moderator_client, revision) == {"Name": ("Community Counselling", "Community Counselling Plus")}
    moderator_client.post(f"/staff/listings/revisions/{revision.id}/approve")
    assert client.get(API).get_json()["name"] == "Community Counselling Plus"
    # The feed now matches the listing: nothing new to approve.
    assert counts(run_import(runner, _feed(tmp_path, "Community Counselling Plus")).output)["Unchanged"] == 1
    assert _revisions("pending") == []


def test_running_the_same_feed_again_does_not_duplicate_the_proposal(approval, runner, moderator_client, tmp_path):
    run_import(runner, "hsds3-service-full.json")
    again = run_import(runner, "hsds3-service-full.json").output
    assert counts(again) == {"Created": 0, "Updated": 0, "Sent for approval": 0, "Unchanged": 1, "Skipped": 0}
    assert "already waiting for approval: 1" in again
    # A changed feed replaces the waiting record: still one proposal, now with the new name.
    assert counts(run_import(runner, _feed(tmp_path, "Counselling for families")).output)["Sent for approval"] == 1
    [revision] = _revisions()
    assert revision.state == "pending" and revision.import_run_id == 3
    assert _diff(moderator_client, revision)["Name"] == ("Community Counselling", "Counselling for families")
    assert db.session.scalar(select(db.func.count()).select_from(Service)) == 1


def test_a_rejected_change_is_not_sent_again_but_a_different_one_is(approval, runner, moderator_client, outbox,
                                                                     tmp_path):
    run_import(runner, "hsds3-service-full.json")
    [revision] = _revisions()
    form = page(moderator_client.get(f"/staff/listings/revisions/{revision.id}/reject"))
    assert "Later imports will not propose this same change again" in form.text
    response = moderator_client.post(f"/staff/listings/revisions/{revision.id}/reject",
                                     data={"reason": "Not an Essex service."}, follow_redirects=True)
    assert "Later imports will not propose them again" in response.get_data(as_text=True)
    assert outbox == []  # nobody to email
    output = run_import(runner, "hsds3-service-full.json").output
    assert counts(output)["Skipped"] == 1 and "a moderator rejected this same change on" in output
    assert len(_revisions()) == 1
    assert counts(run_import(runner, _feed(tmp_path, "Counselling (Essex)")).output)["Sent for approval"] == 1
    newest = _revisions("pending")[0]
    assert newest.is_new_service  # still never approved, so approving publishes it


def test_a_feed_that_goes_back_to_the_live_listing_withdraws_its_waiting_change(app, runner, tmp_path):
    run_import(runner, "hsds3-service-full.json")
    app.config["ORUK_IMPORT_REQUIRES_APPROVAL"] = True
    run_import(runner, _feed(tmp_path, "Renamed"))
    output = run_import(runner, "hsds3-service-full.json").output
    assert counts(output)["Unchanged"] == 1
    assert "was withdrawn: the feed now matches the live listing" in output
    assert [r.state for r in _revisions()] == ["withdrawn"]


def test_a_dry_run_counts_what_would_be_sent_and_sends_nothing(approval, runner):
    output = run_import(runner, "v1-feed.json", "--dry-run").output
    assert counts(output) == {"Created": 0, "Updated": 0, "Sent for approval": 2, "Unchanged": 0, "Skipped": 1}
    assert _revisions() == [] and db.session.scalars(select(Service)).all() == []
    assert db.session.scalars(select(ImportRun)).all() == []


def test_imported_and_provider_changes_are_approved_together(approval, runner, app, moderator_client):
    from ..staff.listings_helpers import own_service, propose_summary

    provider = make_user("provider")
    service = own_service(provider)
    propose_summary(client_for(app, provider), service, "Now on Saturdays too.")
    run_import(runner, "v1-feed.json")
    pending = _revisions("pending")
    assert len(pending) == 3
    response = moderator_client.post("/staff/listings/queue/approve", data={"revision": [str(r.id) for r in pending]},
                                     follow_redirects=True)
    assert "3 changes approved" in response.get_data(as_text=True)
    db.session.expire_all()
    assert all(s.is_published for s in db.session.scalars(select(Service)))
    assert service.summary == "Now on Saturdays too."


def test_a_record_that_no_longer_applies_is_reported_and_left_waiting(approval, runner, moderator_client,
                                                                       monkeypatch):
    from localoffer.openreferral import service_record

    run_import(runner, "hsds3-service-full.json")
    [revision] = _revisions()

    def broken(*args, **kwargs):
        raise ValueError("the record no longer fits")

    monkeypatch.setattr(service_record, "apply_service", broken)
    soup = page(moderator_client.get(f"/staff/listings/revisions/{revision.id}"))
    assert "can no longer be applied" in soup.text and not soup.select("table.lo-diff")
    response = moderator_client.post(f"/staff/listings/revisions/{revision.id}/approve", follow_redirects=True)
    assert response.status_code == 200 and "can no longer be applied" in response.get_data(as_text=True)
    [revision] = _revisions()
    assert revision.state == "pending" and db.session.get(Service, COUNSELLING).is_published is False


def test_a_providers_draft_and_an_imported_change_never_mix(approval, app, runner, tmp_path):
    """A provider whose listing a feed also describes keeps their own draft; the import's
    change waits beside it and the provider never sees it."""
    from ..staff.listings_helpers import propose_summary

    run_import(runner, "hsds3-service-full.json")
    service = db.session.get(Service, COUNSELLING)
    provider = make_user("provider", organisation=service.organisation)
    provider_client = client_for(app, provider)
    propose_summary(provider_client, service, "Our own words.", send=False)
    run_import(runner, _feed(tmp_path, "Counselling for families"))
    kinds = sorted((r.is_import, r.state) for r in _revisions())
    assert kinds == [(False, "draft"), (True, "pending")]
    edit = page(provider_client.get(f"/staff/listings/{service.id}/edit"))
    assert "Our own words." in edit.text and "Counselling for families" not in edit.text
    assert provider_client.post(f"/staff/listings/{service.id}/submit").status_code == 302
    assert sorted(r.state for r in _revisions()) == ["pending", "pending"]


def test_a_record_that_fails_while_being_proposed_leaves_nothing_behind(approval, runner, monkeypatch):
    from localoffer.openreferral import proposals

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")  # after the placeholder service was added

    monkeypatch.setattr(proposals, "_new_revision", explode)
    result = run_import(runner, "v1-feed.json")
    assert result.exit_code == 0
    assert counts(result.output) == {"Created": 0, "Updated": 0, "Sent for approval": 0, "Unchanged": 0,
                                     "Skipped": 3}
    assert "could not be saved (RuntimeError)" in result.output
    assert db.session.scalars(select(Service)).all() == [] and _revisions() == []
