"""`flask oruk import` reads the standard's example feeds and broken ones, and upserts by id."""
from __future__ import annotations

import uuid

import pytest

from localoffer.extensions import db
from localoffer.models import Service, TaxonomyTerm
from localoffer.openreferral import importer

from .helpers import FIXTURES, counts, run_import, service_count

COUNSELLING = uuid.UUID("ac148810-d857-441c-9679-408f346de14b")


@pytest.mark.parametrize("fixture, expected", [
    ("uk-profile-service-full.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    ("uk-profile-service-list.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    ("hsds3-service-full.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    ("v3-default-service-full.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    ("v3-default-service-list.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    ("v3-warn-service-list.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    # The validator's "test" page repeats one id: the repeats are skipped, not double-counted.
    ("v3-test-service-list-trimmed.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 3}),
    # The "fail" feed: a malformed URL and email are left out, the service still comes in.
    ("v3-fail-service-full.json", {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 0}),
    # Every service on the failing page has no name.
    ("v3-fail-service-list.json", {"Created": 0, "Updated": 0, "Unchanged": 0, "Skipped": 4}),
    ("v1-feed.json", {"Created": 2, "Updated": 0, "Unchanged": 0, "Skipped": 1}),
    ("mixed-quality.json", {"Created": 3, "Updated": 0, "Unchanged": 0, "Skipped": 6}),
])
def test_each_fixture_feed_imports_with_the_right_counts(runner, fixture, expected):
    result = run_import(runner, fixture)
    assert result.exit_code == 0, result.output
    assert counts(result.output) == expected
    assert service_count() == expected["Created"]


def test_skipped_records_are_listed_with_their_reasons(runner):
    output = run_import(runner, "mixed-quality.json").output
    assert "record 2: missing id" in output
    assert "record 3 (id 5e1f7a8c-0000-4000-8000-000000000003): missing name" in output
    assert "record 4: not a JSON object" in output
    assert "record 8 (id 5e1f7a8c-0000-4000-8000-000000000001): the same id appears earlier" in output


def test_wrong_types_and_unsafe_links_are_left_out_not_fatal(runner):
    output = run_import(runner, "mixed-quality.json").output
    service = db.session.get(Service, uuid.UUID("5e1f7a8c-0000-4000-8000-000000000004"))
    assert service.url is None and service.email is None  # "javascript:" never reaches a page
    assert (service.min_age, service.max_age) == (0, 25)
    assert service.schedules == [] and service.contacts == [] and service.locations == []
    assert "the web address is not valid" in output


@pytest.mark.parametrize("fixture, message", [
    ("broken-json.json", "is not valid JSON (line 2"),
    ("no-services.json", "No services found"),
    ("does-not-exist.json", "There is no file called"),
])
def test_an_unreadable_source_fails_clearly_without_a_traceback(runner, fixture, message):
    result = run_import(runner, fixture)
    assert result.exit_code != 0
    assert "Nothing was imported" in result.output and message in result.output
    assert service_count() == 0


def test_running_the_same_feed_again_changes_nothing(runner):
    run_import(runner, "hsds3-service-full.json")
    run_import(runner, "v1-feed.json")
    before = db.session.get(Service, COUNSELLING).updated_at
    db.session.expire_all()
    assert counts(run_import(runner, "hsds3-service-full.json").output) == {
        "Created": 0, "Updated": 0, "Unchanged": 1, "Skipped": 0}
    assert counts(run_import(runner, "v1-feed.json").output) == {
        "Created": 0, "Updated": 0, "Unchanged": 2, "Skipped": 1}
    assert db.session.get(Service, COUNSELLING).updated_at == before
    assert service_count() == 3


def test_a_changed_record_is_updated_in_place(runner, tmp_path):
    run_import(runner, "hsds3-service-full.json")
    changed = tmp_path / "changed.json"
    text = (FIXTURES / "hsds3-service-full.json").read_text()
    changed.write_text(text.replace('"name": "Community Counselling"', '"name": "Community Counselling Plus"'))
    assert counts(run_import(runner, changed).output)["Updated"] == 1
    db.session.expire_all()
    assert db.session.get(Service, COUNSELLING).name == "Community Counselling Plus"
    assert service_count() == 1


def test_a_list_page_without_nested_lists_keeps_the_full_services_details(runner):
    run_import(runner, "hsds3-service-full.json")
    run_import(runner, "uk-profile-service-list.json")
    db.session.expire_all()
    service = db.session.get(Service, COUNSELLING)
    assert service.schedules and service.contacts and service.locations and service.cost_options


def test_dry_run_reports_the_same_counts_and_saves_nothing(runner):
    result = run_import(runner, "v1-feed.json", "--dry-run")
    assert result.exit_code == 0
    assert "Dry run: nothing was saved" in result.output
    assert counts(result.output) == {"Created": 2, "Updated": 0, "Unchanged": 0, "Skipped": 1}
    assert service_count() == 0
    assert db.session.query(TaxonomyTerm).filter_by(taxonomy="imported").count() == 0


def test_a_record_that_fails_half_way_leaves_nothing_behind_and_the_run_goes_on(runner, monkeypatch):
    from localoffer.openreferral import local_offer

    real = local_offer.apply

    def explode_for_one(service, record):
        if record.get("name") == "Sensory Saturday Club":
            raise RuntimeError("boom")  # after contacts, schedules and venues were added
        real(service, record)

    monkeypatch.setattr(local_offer, "apply", explode_for_one)
    result = run_import(runner, "v1-feed.json")
    assert result.exit_code == 0
    assert counts(result.output) == {"Created": 1, "Updated": 0, "Unchanged": 0, "Skipped": 2}
    assert "record 1 (id 1502): could not be saved (RuntimeError)" in result.output
    assert [s.name for s in db.session.query(Service)] == ["Hearing Support Drop-in"]
    from localoffer.models import Contact, Location, Organisation, Schedule
    assert db.session.query(Contact).count() == 0 and db.session.query(Location).count() == 0
    assert db.session.query(Schedule).count() == 1  # only the drop-in's
    assert {o.name for o in db.session.query(Organisation)} == {"Essex Deaf Children's Society"}


def test_legacy_oruk_1_0_services_are_mapped(runner):
    run_import(runner, "v1-feed.json")
    club = db.session.get(Service, importer.m.our_id("1502", scope="service"))
    assert club.needs == ["autism"] and club.categories == ["social-care"]
    assert [t.name for t in club.taxonomy_terms if t.taxonomy == "imported"] == ["Youth Club"]
    assert (club.min_age, club.max_age, club.is_free) == (5, 19, True)
    assert club.days == ["sat"] and club.schedules[0].opens_at.hour == 10
    venue = club.locations[0].location
    assert (venue.postcode, venue.town, venue.quadrant, venue.district) == ("CM1 1AA", "Chelmsford", "mid", "Chelmsford")
    assert club.quadrants == ["mid", "north-east"]  # the venue, and the Colchester service area
    assert (club.contacts[0].phone, club.languages[0].name) == ("01245 000000", "English")
    assert club.eligibility == "Children with additional needs"
    assert club.last_reviewed.isoformat() == "2024-03-01"
    assert club.organisation.name == "Chelmsford Play Trust"
    drop_in = db.session.get(Service, importer.m.our_id(1073, scope="service"))
    assert drop_in.status == "temporarily-closed" and drop_in.needs == ["hi"]
    assert drop_in.max_age == 25


def test_ages_outside_0_to_25_are_limited_and_noted(runner):
    output = run_import(runner, "hsds3-service-full.json").output
    service = db.session.get(Service, COUNSELLING)
    assert (service.min_age, service.max_age) == (12, 25)
    assert "ages 12 to 100 limited to 12 to 25" in output


def test_status_words_are_mapped(runner):
    run_import(runner, "mixed-quality.json")
    defunct = db.session.get(Service, importer.m.our_id("not-a-uuid-77", scope="service"))
    assert defunct.status == "inactive" and not defunct.is_findable


def test_non_uuid_ids_give_the_same_uuid_every_time():
    assert importer.m.our_id("1502", scope="service") == importer.m.our_id(1502, scope="service")
    assert importer.m.our_id(str(COUNSELLING), scope="service") == COUNSELLING


def test_new_services_are_published_by_default(runner):
    run_import(runner, "hsds3-service-full.json")
    assert db.session.get(Service, COUNSELLING).is_published is True


def test_imported_services_are_found_by_search_and_a_dry_run_leaves_no_trace(client, runner):
    from tests.helpers import result_ids

    run_import(runner, "v1-feed.json", "--dry-run")
    assert result_ids(client.get("/services", query_string={"q": "sensory"})) == []
    run_import(runner, "v1-feed.json")
    club_id = str(importer.m.our_id("1502", scope="service"))
    assert result_ids(client.get("/services", query_string={"q": "sensory"})) == [club_id]


def test_an_organisation_record_brings_its_services_under_that_organisation(runner):
    output = run_import(runner, FIXTURES / "examples" / "uk-profile-organization-full.json").output
    assert counts(output)["Created"] == 1
    [service] = db.session.query(Service).all()
    assert service.organisation.name == "Example Organization Inc."
    assert service.contacts and service.schedules


def test_a_service_at_location_record_brings_its_service_at_that_location(runner):
    run_import(runner, FIXTURES / "examples" / "uk-profile-service-at-location-list.json")
    [service] = db.session.query(Service).all()
    assert [sal.location.name for sal in service.locations] == ["MyCity Civic Center"]


def test_records_that_are_not_services_are_skipped_with_a_reason(runner):
    output = run_import(runner, FIXTURES / "examples" / "hsds3-taxonomy-term-list.json").output
    assert "a taxonomy or taxonomy term, not a service" in output
    assert service_count() == 0
