"""A feed exported from our API re-imports into an empty database with nothing lost."""
from __future__ import annotations

import json
from datetime import date, time

import pytest

from localoffer.extensions import db
from localoffer.models import (Contact, CostOption, Language, LocalOfferAnswer, Location, Schedule, Service,
                               ServiceArea, ServiceAtLocation)
from tests.conftest import make_test_app
from tests.factories import make_organisation, make_service

from .helpers import counts


def _rich_services() -> list[Service]:
    org = make_organisation("Essex Family Support")
    org.website, org.email, org.phone, org.description = (
        "https://family.example.org", "hello@family.example.org", "01245 111222", "A county charity.")
    speech = make_service(
        "Talk Together", description="Speech and language groups.", summary="Small groups for talkers.",
        needs=("slcn", "autism"), categories=("health",), delivery=("in-person", "online"),
        accessibility=("step-free", "hearing-loop"), quadrants=("mid",), town="Chelmsford", postcode="CM1 1AA",
        latitude=51.7356, longitude=0.4685, min_age=2, max_age=11, days=("mon", "wed"), organisation=org,
        url="https://talk.example.org", email="talk@example.org", phone="01245 333444",
        access_route="referral", how_to_access="Ask your health visitor.", eligibility="Children aged 2 to 11.",
        waiting_time="About six weeks", waiting_weeks=6, fees_description="£5 a session, bursaries available",
        alert="No groups in August.", status="temporarily-closed", commit=False)
    venue = speech.locations[0].location
    venue.address_1, venue.district, venue.accessibility_notes = "1 High Street", "Chelmsford", "Ramp at the side door."
    speech.areas[0].district, speech.areas[0].description = "Chelmsford", "Chelmsford city and villages"
    speech.schedules[0].opens_at, speech.schedules[0].closes_at = time(9, 30), time(11, 0)
    speech.schedules[0].term = "term-time"
    speech.schedules[0].description = "Monday and Wednesday mornings"
    speech.schedules.append(Schedule(freq=None, dtstart=date(2026, 8, 3), opens_at=time(13, 0),
                                     closes_at=time(15, 0), term="holidays", location_id=venue.id,
                                     valid_from=date(2026, 7, 20), valid_to=date(2026, 9, 1)))
    speech.contacts.append(Contact(name="Sam Patel", title="Lead therapist", email="sam@example.org",
                                   phone="01245 555666"))
    speech.cost_options.append(CostOption(option="Per session", amount=5.0, amount_description="per child"))
    speech.languages += [Language(name="English", code="en"), Language(name="Polish", code="pl")]
    speech.local_offer_answers += [
        LocalOfferAnswer(question="identify", answer="We watch and listen in the first session.", position=0),
        LocalOfferAnswer(question="staff", answer="All staff are trained in Makaton.", position=1),
        LocalOfferAnswer(question="contact", answer="Speak to the lead therapist.", position=2)]

    club = make_service(
        "Saturday Sensory Club", description="Play for children with sensory needs.", needs=("msi", "pmld"),
        categories=("leisure", "social-care"), countywide=True, free=True, days=("sat",), min_age=0, max_age=25,
        organisation=org, access_route="self-referral", commit=False)
    club.cost_options.append(CostOption(option="Trips", amount=0, amount_description="Free, with a booking"))

    advice = make_service("West Essex SEND Advice", description="Advice for families.", categories=("advice",),
                          quadrants=("west", "south"), town="Harlow", postcode="CM20 1AA", access_route="ehcp",
                          delivery=("telephone",), commit=False)
    db.session.commit()
    return [speech, club, advice]


def _describe(service: Service) -> dict:
    """Everything a family or the API could see about a service, comparable across databases
    (our own classification terms compared by slug, since each database numbers them itself)."""
    def rows(collection, *columns):
        return sorted((tuple(str(getattr(r, c)) for c in columns) for r in collection))

    location_cols = ("id", "name", "address_1", "town", "postcode", "district", "quadrant", "latitude", "longitude",
                     "accessibility_notes")
    return {
        "service": {c: getattr(service, c) for c in (
            "id", "name", "summary", "description", "url", "email", "phone", "min_age", "max_age", "eligibility",
            "access_route", "how_to_access", "waiting_time", "waiting_weeks", "is_free", "fees_description",
            "status", "is_published", "is_countywide", "alert", "last_reviewed", "organisation_id")},
        "organisation": {c: getattr(service.organisation, c) for c in ("id", "name", "description", "website",
                                                                         "email", "phone")},
        "terms": sorted((t.taxonomy, t.code) for t in service.taxonomy_terms),
        "needs": service.needs, "categories": service.categories, "quadrants": service.quadrants,
        "days": service.days,
        "areas": rows(service.areas, "id", "quadrant", "district", "description"),
        "locations": sorted((str(sal.id),) + tuple(str(getattr(sal.location, c)) for c in location_cols)
                            for sal in service.locations),
        "schedules": rows(service.schedules, "id", "freq", "byday", "dtstart", "opens_at", "closes_at", "term",
                          "valid_from", "valid_to", "description", "location_id"),
        "contacts": rows(service.contacts, "id", "name", "title", "email", "phone"),
        "costs": rows(service.cost_options, "id", "option", "amount", "amount_description"),
        "languages": rows(service.languages, "id", "name", "code"),
        "answers": [(str(a.id), a.question, a.answer) for a in service.local_offer_answers],
    }


def _feed_from_api(client, services, tmp_path):
    feed = []
    for service in services:
        response = client.get(f"/api/oruk/services/{service.id}")
        assert response.status_code == 200
        feed.append(response.get_json())
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    return path


def _feed_from_export(runner, tmp_path):
    """The ORUK JSON data package the staff page and `oruk export --format json` write."""
    path = tmp_path / "directory.datapackage.json"
    assert runner.invoke(args=["oruk", "export", "--format", "json", str(path)]).exit_code == 0
    return path


def _approve_everything() -> None:
    from localoffer.data import revisions
    from tests.staff.accounts import make_user

    moderator = make_user("council_moderator")
    pending = revisions.pending_revisions()
    assert len(pending) == 3 and all(r.is_import and r.is_new_service for r in pending)
    for revision in pending:
        revisions.approve(revision, moderator)
    db.session.commit()
    db.session.expire_all()


@pytest.mark.parametrize("source", ["api", "export", "export-approved"])
def test_our_feed_re_imports_into_an_empty_database_with_nothing_lost(app, client, runner, tmp_path, source):
    """Through the API, through the data package, and through the approval queue (approving
    an imported change applies exactly what a direct import would)."""
    services = _rich_services()
    expected = {str(s.id): _describe(s) for s in services}
    feed_file = _feed_from_api(client, services, tmp_path) if source == "api" else _feed_from_export(runner, tmp_path)

    approval = source == "export-approved"
    second = make_test_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'second.db'}",
                           SEARCH_INDEX_DIR=str(tmp_path / "second-index"), ORUK_IMPORT_REQUIRES_APPROVAL=approval)
    with second.app_context():
        db.create_all()
        result = second.test_cli_runner().invoke(args=["oruk", "import", str(feed_file)])
        if approval:
            assert counts(result.output)["Sent for approval"] == 3, result.output
            _approve_everything()
        else:
            assert counts(result.output) == {"Created": 3, "Updated": 0, "Unchanged": 0, "Skipped": 0}, result.output
        imported = {str(s.id): _describe(s) for s in db.session.scalars(db.select(Service))}
        assert db.session.query(ServiceAtLocation).count() == 2 and db.session.query(Location).count() == 2
        assert db.session.query(ServiceArea).count() == 3
        # Importing our own feed never invents terms: everything maps back onto our vocabularies.
        assert all(t.taxonomy != "imported" for s in db.session.scalars(db.select(Service)) for t in s.taxonomy_terms)
        again = second.test_cli_runner().invoke(args=["oruk", "import", str(feed_file)])
        assert counts(again.output)["Unchanged"] == 3
        db.session.remove()
        db.engine.dispose()
    for service_id, described in expected.items():
        for part, value in described.items():
            assert (part, imported[service_id][part]) == (part, value)
