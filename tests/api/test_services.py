"""What /services and friends publish, and how the filters choose services. Small data sets
made with tests/factories.make_service on the per-test `app`."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from localoffer.data.oruk import GENERATED_TERMS, TAXONOMIES
from localoffer.extensions import db
from localoffer.models import Contact, CostOption, Language, LocalOfferAnswer, TaxonomyTerm

from ..factories import make_service
from .conftest import API, assert_page, assert_valid


def listed(client, query: str = "", path: str = "/services") -> list[str]:
    response = client.get(f"{API}{path}?per_page=100{'&' + query if query else ''}")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert_page(response.get_json(), "service_list.json" if path == "/services" else "service_at_location_list.json")
    contents = response.get_json()["contents"]
    return [item["name"] if path == "/services" else item["service"]["name"] for item in contents]


def term_id(taxonomy: str, code: str) -> str:
    if (taxonomy, code) in GENERATED_TERMS:
        return GENERATED_TERMS[(taxonomy, code)].id
    return str(db.session.scalar(db.select(TaxonomyTerm.id).filter_by(taxonomy=taxonomy, code=code)))


# --- Only findable data, nothing internal ---------------------------------------------------

def test_only_published_open_or_temporarily_closed_services_are_served(client):
    make_service("Open club")
    paused = make_service("Paused club", status="temporarily-closed")
    hidden = make_service("Draft club", published=False, town="Witham")
    closed = make_service("Closed club", status="inactive")

    assert listed(client) == ["Open club", "Paused club"]
    assert client.get(f"{API}/services/{paused.id}").get_json()["status"] == "temporarily closed"
    for service in (hidden, closed):
        response = client.get(f"{API}/services/{service.id}")
        assert response.status_code == 404
        assert response.get_json() == {"error": "There is no published service with that id", "status": 404}
    assert client.get(f"{API}/service_at_locations/{hidden.locations[0].id}").status_code == 404
    assert client.get(f"{API}/organizations/{hidden.organisation_id}").status_code == 404
    organisations = {o["id"] for o in client.get(f"{API}/organizations").get_json()["contents"]}
    assert str(paused.organisation_id) in organisations
    assert len(organisations) == 2  # the open and the paused club's; not the draft's or the closed one's
    assert listed(client, path="/service_at_locations") == []


def test_an_organisation_lists_only_its_findable_services(client):
    shown = make_service("Shown service")
    make_service("Hidden sibling", published=False, organisation=shown.organisation)
    data = client.get(f"{API}/organizations/{shown.organisation_id}").get_json()
    assert_valid(data, "organization.json")
    assert [s["name"] for s in data["services"]] == ["Shown service"]


def test_nothing_internal_is_published(client):
    service = make_service("Parent support", description="Meet other parents.")
    body = client.get(f"{API}/services/{service.id}").get_data(as_text=True)
    for internal in ("is_published", "is_countywide", "waiting_weeks", "created_at", "updated_at"):
        assert internal not in body


# --- The full service: every Local Offer detail comes through --------------------------------

def test_a_full_service_keeps_every_local_offer_detail(client):
    service = make_service(
        "Sensory swimming", description="Quiet swims.", summary="Quiet swims for autistic children.",
        needs=["autism"], categories=["leisure"], accessibility=["quiet-space"], quadrants=["north-east"],
        town="Colchester", postcode="CO1 1AA", latitude=51.889, longitude=0.901, min_age=4, max_age=16,
        free=True, days=["sat"], url="www.swim.example.org", email="swim@example.org", phone="01206 000000",
        eligibility="Children with a sensory need.", access_route="referral", how_to_access="Ask your GP.",
        waiting_time="About a month", waiting_weeks=4, fees_description="Free for the child; carers £2.",
        alert="No sessions in August.", commit=False)
    service.last_reviewed = date(2025, 3, 1)
    service.contacts.append(Contact(name="Pool desk", title="Coordinator", email="desk@example.org",
                                    phone="01206 111111"))
    service.cost_options.append(CostOption(option="Carer", amount=2.0, amount_description="per session"))
    service.languages.append(Language(name="Polish", code="pl"))
    service.local_offer_answers.append(LocalOfferAnswer(question="staff", answer="All staff are trained."))
    service.schedules[0].term = "term-time"
    service.schedules[0].opens_at, service.schedules[0].closes_at = time(10), time(11, 30)
    db.session.commit()

    data = client.get(f"{API}/services/{service.id}").get_json()
    assert_valid(data, "service.json")
    assert data["url"] == "https://www.swim.example.org"
    assert data["fees"] == "Free for the child; carers £2."
    assert data["assured_date"] == "2025-03-01"
    assert (data["minimum_age"], data["maximum_age"]) == (4, 16)
    assert data["alert"] == "No sessions in August."
    assert data["phones"][0]["number"] == "01206 000000"
    assert data["contacts"][0]["email"] == "desk@example.org"
    assert data["languages"][0] == {"id": data["languages"][0]["id"], "name": "Polish", "code": "pl"}
    # A free service whose own options do not say free gets a 0 option as well as the Free term.
    assert [(c.get("option"), c.get("amount")) for c in data["cost_options"]] == [("Free", 0), ("Carer", 2.0)]
    schedule = data["schedules"][0]
    assert (schedule["freq"], schedule["byday"]) == ("WEEKLY", "SA")
    assert (schedule["opens_at"], schedule["closes_at"]) == ("10:00", "11:30")
    assert schedule["notes"] == "Term time only"
    area = data["service_areas"][0]
    assert area["name"] == "North East Essex"
    assert area["attributes"][0]["taxonomy_term"]["code"] == "north-east"
    location = data["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "CO1 1AA" and location["addresses"][0]["city"] == "Colchester"
    attributes = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]): a.get("value")
                  for a in data["attributes"]}
    assert attributes == {
        (TAXONOMIES["need"].name, "autism"): None,
        (TAXONOMIES["category"].name, "leisure"): None,
        (TAXONOMIES["delivery"].name, "in-person"): None,
        (TAXONOMIES["accessibility"].name, "quiet-space"): None,
        (TAXONOMIES["quadrant"].name, "north-east"): None,
        (TAXONOMIES["cost"].name, "free"): None,
        (TAXONOMIES["access-route"].name, "referral"): None,
        (TAXONOMIES["local-offer"].name, "summary"): "Quiet swims for autistic children.",
        (TAXONOMIES["local-offer"].name, "eligibility"): "Children with a sensory need.",
        (TAXONOMIES["local-offer"].name, "how-to-access"): "Ask your GP.",
        (TAXONOMIES["local-offer"].name, "waiting-time"): "About a month",
        (TAXONOMIES["local-offer"].name, "waiting-weeks"): "4",
        (TAXONOMIES["local-offer"].name, "staff"): "All staff are trained.",
    }


def test_every_attribute_term_can_be_looked_up(client):
    service = make_service(needs=["adhd"], countywide=True)
    data = client.get(f"{API}/services/{service.id}").get_json()
    for attribute in data["attributes"]:
        term = client.get(f"{API}/taxonomy_terms/{attribute['taxonomy_term_id']}")
        assert term.status_code == 200
        assert_valid(term.get_json(), "taxonomy_term.json")
        assert client.get(f"{API}/taxonomies/{term.get_json()['taxonomy_id']}").status_code == 200


def test_bad_web_addresses_and_emails_are_left_out_rather_than_served_invalid(client):
    service = make_service(url="not a url", email="nobody-at-example")
    data = client.get(f"{API}/services/{service.id}").get_json()
    assert "url" not in data and "email" not in data
    assert_valid(data, "service.json")


def test_taxonomy_terms_filter_by_taxonomy(client):
    make_service(needs=["autism"])
    response = client.get(f"{API}/taxonomy_terms?per_page=100&taxonomy_id={TAXONOMIES['quadrant'].id}")
    assert_page(response.get_json(), "taxonomy_term.json")
    assert {t["code"] for t in response.get_json()["contents"]} == {"north-east", "mid", "south", "west", "countywide"}
    unknown = client.get(f"{API}/taxonomy_terms?taxonomy_id=5c4d79d7-cc55-470e-9f1f-8cad074e4892").get_json()
    assert unknown["total_items"] == 0 and unknown["empty"]


# --- Filters --------------------------------------------------------------------------------

@pytest.fixture
def directory(app):
    make_service("Autism parent group", description="Support for parents of autistic children.",
                 needs=["autism"], quadrants=["mid"], town="Chelmsford", latitude=51.736, longitude=0.469,
                 min_age=0, max_age=5, days=["mon"])
    make_service("Sensory swimming", description="Quiet swims.", needs=["pd"], quadrants=["north-east"],
                 town="Colchester", latitude=51.889, longitude=0.901, min_age=4, max_age=16, days=["sat"],
                 access_route="referral")
    make_service("Countywide helpline", description="Phone advice.", needs=["adhd"], countywide=True,
                 delivery=["telephone"], min_age=16, max_age=25)


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("query, expected", [
    ("", ["Autism parent group", "Countywide helpline", "Sensory swimming"]),
    ("search=asd", ["Autism parent group"]),  # a synonym, as on the website
    ("search=swimming", ["Sensory swimming"]),
    ("search=zebra", []),
    ("minimum_age=17", ["Countywide helpline"]),
    ("maximum_age=3", ["Autism parent group"]),
    ("minimum_age=4&maximum_age=5", ["Autism parent group", "Sensory swimming"]),
    ("day=SA", ["Sensory swimming"]),
    ("day=mon", ["Autism parent group"]),
    ("postcode=CM1", ["Autism parent group", "Countywide helpline"]),  # covers mid Essex
    ("postcode=CM1 1AA&proximity=5000", ["Autism parent group"]),
    ("postcode=CM1&proximity=100", []),
    ("postcode=CO1&proximity=10000&search=swimming", ["Sensory swimming"]),
])
def test_service_filters(client, query, expected):
    assert listed(client, query) == expected


@pytest.mark.usefixtures("directory")
def test_taxonomy_filters_cover_stored_and_published_vocabularies(client):
    assert listed(client, f"taxonomy_term_id={term_id('need', 'autism')}") == ["Autism parent group"]
    assert listed(client, f"taxonomy_term_id={term_id('quadrant', 'countywide')}") == ["Countywide helpline"]
    assert listed(client, f"taxonomy_term_id={term_id('access-route', 'referral')}") == ["Sensory swimming"]
    by_phone = f"taxonomy_id={TAXONOMIES['delivery'].id}&taxonomy_term_id={term_id('delivery', 'telephone')}"
    assert listed(client, by_phone) == ["Countywide helpline"]
    assert listed(client, f"taxonomy_id={TAXONOMIES['need'].id}") == [
        "Autism parent group", "Countywide helpline", "Sensory swimming"]
    assert listed(client, "taxonomy_term_id=5c4d79d7-cc55-470e-9f1f-8cad074e4892") == []


def test_modified_after_and_organisation_filters(client):
    old = make_service("Old listing")
    new = make_service("New listing")
    old.updated_at = datetime(2024, 1, 1, tzinfo=timezone.utc)
    db.session.commit()
    since = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert listed(client, f"modified_after={since}") == ["New listing"]
    assert listed(client, "modified_after=2023-12-31") == ["New listing", "Old listing"]
    assert listed(client, f"organization_id={new.organisation_id}") == ["New listing"]


@pytest.mark.usefixtures("directory")
def test_service_at_locations_take_the_same_filters(client):
    assert listed(client, path="/service_at_locations") == ["Autism parent group", "Sensory swimming"]
    assert listed(client, "postcode=CO1&proximity=3000", path="/service_at_locations") == ["Sensory swimming"]
    assert listed(client, "needs=x&day=MO", path="/service_at_locations") == ["Autism parent group"]


def test_pages_split_the_list_and_count_it(client):
    for n in range(5):
        make_service(f"Service {n}")
    second = client.get(f"{API}/services?per_page=2&page=2").get_json()
    assert [s["name"] for s in second["contents"]] == ["Service 2", "Service 3"]
    assert (second["total_items"], second["total_pages"], second["size"]) == (5, 3, 2)
    assert not second["first_page"] and not second["last_page"]
    past_the_end = client.get(f"{API}/services?per_page=2&page=9").get_json()
    assert past_the_end["empty"] and past_the_end["last_page"] and past_the_end["contents"] == []
