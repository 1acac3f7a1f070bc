"""One service's page: every section a family needs, warnings that keep them safe, and a 404
(never a 500) for anything that is not a findable service."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from localoffer.extensions import db
from localoffer.models import Contact, CostOption, Language, LocalOfferAnswer, Schedule

from ..factories import make_service
from ..helpers import normalize_spaces, page


def _text(soup) -> str:
    return normalize_spaces(soup.select_one("main").get_text(" "))


def _section(soup, section_id: str) -> str:
    """The text from one h2 up to the next h2."""
    heading = soup.select_one(f"h2#{section_id}")
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" "))
    return normalize_spaces(" ".join(parts))


@pytest.fixture
def club(app):
    service = make_service(
        "Saturday Sensory Swim", summary="Quiet swimming sessions for autistic children.",
        description="Small groups in a warm pool.\n\nParents stay poolside.",
        needs=["autism", "pd"], delivery=["in-person"], accessibility=["changing-places", "quiet-space"],
        quadrants=["north-east"], town="Colchester", postcode="CO1 1AA", min_age=4, max_age=16,
        eligibility="Children who find busy pools hard.", access_route="self-referral",
        how_to_access="Book a place by phone.", waiting_time="About 2 weeks", free=False,
        fees_description="Carers go free.", phone="01206 000 000", email="swim@example.org",
        url="https://swim.example.org", commit=False)
    service.schedules.append(Schedule(freq="WEEKLY", byday="SA", opens_at=time(9), closes_at=time(10, 30),
                                      term="term-time"))
    service.schedules.append(Schedule(freq=None, dtstart=date(2099, 4, 4), opens_at=time(14), closes_at=time(16)))
    service.schedules.append(Schedule(freq=None, dtstart=date.today() - timedelta(days=3), opens_at=time(14)))
    service.cost_options.append(CostOption(amount=4.5, amount_description="per session"))
    service.contacts.append(Contact(name="Sam Jones", title="Swim lead", phone="07700 900123"))
    service.languages.append(Language(name="Polish", code="pl"))
    service.local_offer_answers.append(LocalOfferAnswer(question="staff", answer="All staff have autism training."))
    service.local_offer_answers.append(LocalOfferAnswer(question="outcomes", answer="   "))
    db.session.commit()
    return service


def test_the_page_has_every_section_a_family_needs(client, club):
    soup = page(client.get(f"/services/{club.id}"))
    assert soup.title.text.startswith("Saturday Sensory Swim – ")
    assert normalize_spaces(soup.h1.text) == "Saturday Sensory Swim"
    assert [normalize_spaces(h.text) for h in soup.select("main h2")] == [
        "What it is", "Who it is for", "How to get it", "Cost", "When and where", "Contact",
        "Accessibility and languages", "How this service supports children and young people with SEND",
        "Who runs this service"]
    assert [p.text for p in soup.select("h2#what-it-is ~ p")][:2] == [
        "Small groups in a warm pool.", "Parents stay poolside."]
    who = _section(soup, "who-it-is-for")
    assert "4 to 16 years" in who and "Autism" in who and "Physical disability" in who
    assert "Children who find busy pools hard." in who
    how = _section(soup, "how-to-get-it")
    assert "You can refer yourself" in how and "Book a place by phone." in how and "About 2 weeks" in how
    cost = _section(soup, "cost")
    assert "£4.50 per session" in cost and "Carers go free." in cost


def test_when_and_where_lists_the_venue_weekly_sessions_and_only_future_dates(client, club):
    soup = page(client.get(f"/services/{club.id}"))
    where = _section(soup, "when-and-where")
    assert "Colchester venue" in where and "CO1 1AA" in where
    assert "Saturday, 9am to 10:30am (term time only)" in where
    assert "Saturday 4 April 2099, 2pm to 4pm" in where
    past = date.today() - timedelta(days=3)
    assert str(past.year) not in where.replace("2099", "")


def test_contact_details_are_links_and_accessibility_and_languages_are_listed(client, club):
    soup = page(client.get(f"/services/{club.id}"))
    hrefs = [a["href"] for a in soup.select("main a")]
    assert "tel:01206000000" in hrefs and "tel:07700900123" in hrefs
    assert "mailto:swim@example.org" in hrefs and "https://swim.example.org" in hrefs
    assert "Sam Jones, Swim lead" in _section(soup, "contact")
    access = _section(soup, "accessibility")
    assert "Changing Places toilet" in access and "Quiet space" in access and "Polish" in access


def test_only_answered_local_offer_questions_are_shown(client, club):
    soup = page(client.get(f"/services/{club.id}"))
    assert [h.text for h in soup.select("h2#send-support ~ h3")] == ["What training and experience do staff have?"]
    assert "All staff have autism training." in _section(soup, "send-support")


def test_a_recent_review_date_is_shown_without_a_warning(client, club):
    soup = page(client.get(f"/services/{club.id}"))
    assert soup.select_one("#last-reviewed").text == f"Last reviewed {date.today().day} " \
        f"{date.today():%B %Y}"
    assert soup.select_one(".govuk-warning-text") is None


@pytest.mark.parametrize("reviewed", [None, date.today() - timedelta(days=400)])
def test_an_old_or_missing_review_warns_the_information_may_be_out_of_date(client, reviewed):
    service = make_service("Old listing", commit=False)
    service.last_reviewed = reviewed
    db.session.commit()
    warning = page(client.get(f"/services/{service.id}")).select_one(".govuk-warning-text")
    assert "This information may be out of date" in warning.text


def test_a_temporarily_closed_service_has_a_banner_and_its_alert(client):
    service = make_service("Paused club", status="temporarily-closed", alert="Back in September.")
    banner = page(client.get(f"/services/{service.id}")).select_one(".govuk-notification-banner")
    assert "Temporarily closed" in banner.text and "Back in September." in banner.text


def test_provider_links_that_are_not_web_addresses_are_never_linked(client):
    service = make_service("Odd data", url="javascript:alert(1)")
    html = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "javascript:" not in html


def test_provider_text_is_escaped(client):
    service = make_service("<script>alert('x')</script> club", description="<b>bold</b>")
    html = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "<script>alert('x')</script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("path", [
    "/services/6f1c1b7e-9a51-4a53-9b1e-2b1c53a3c0de", "/services/not-a-uuid", "/services/%27%3B--", "/services/" + "9" * 300,
])
def test_unknown_or_malformed_ids_are_a_friendly_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert page(response).h1.text == "Page not found"


@pytest.mark.parametrize("state", [{"published": False}, {"status": "inactive"}])
def test_unpublished_and_closed_services_are_not_shown(client, state):
    service = make_service("Hidden", **state)
    assert client.get(f"/services/{service.id}").status_code == 404
    assert client.get(f"/services/{service.id}/report-a-problem").status_code == 404


def test_a_free_service_says_it_is_free_once_but_keeps_real_cost_details(client):
    service = make_service("Free drop-in", free=True, fees_description="Free.", commit=False)
    service.cost_options.append(CostOption(option="Free", amount_description="no charge"))
    service.cost_options.append(CostOption(option="Optional trip", amount=5, amount_description="per child"))
    db.session.commit()
    cost = _section(page(client.get(f"/services/{service.id}")), "cost")
    assert cost.lower().count("free") == 1, cost
    assert "Optional trip: £5.00 per child" in cost
