"""Providers propose categories, accessibility, languages and their Local Offer answers through
the same sections as everything else: nothing is live until a moderator approves it, and bad
input gets a kind message, never an error page."""
from __future__ import annotations

from localoffer.extensions import db
from localoffer.vocab import LOCAL_OFFER_QUESTIONS

from ..helpers import normalize_spaces, page, result_ids
from .accounts import sign_in
from .listings_helpers import (approve_open_revision, own_service, propose_section, revisions_of,
                               version_count)

ANSWERS = {f"answer_{q}": "" for q in LOCAL_OFFER_QUESTIONS}


def _public(client, service) -> str:
    return normalize_spaces(page(client.get(f"/services/{service.id}")).get_text(" "))


def _approve(client, moderator, service) -> None:
    client.post("/staff/sign-out")
    sign_in(client, moderator)
    approve_open_revision(client, service)


def test_the_new_sections_have_change_links_and_forms(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    soup = page(client.get(f"/staff/listings/{service.id}/edit"))
    links = {a["href"] for a in soup.select(".govuk-summary-list__actions a")}
    for section in ("categories", "languages", "send"):
        assert f"/staff/listings/{service.id}/edit/{section}" in links
        assert client.get(f"/staff/listings/{service.id}/edit/{section}").status_code == 200
    text = normalize_spaces(soup.text)
    assert "Categories and accessibility" in text and "How it supports SEND" in text
    assert str(LOCAL_OFFER_QUESTIONS["staff"]) in text


def test_categories_and_accessibility_wait_for_approval(client, provider, moderator):
    service = own_service(provider, delivery=["online"])
    sign_in(client, provider)
    propose_section(client, service, "categories",
                    {"categories": ["travel", "leisure"], "accessibility": ["hearing-loop"]})
    db.session.expire_all()
    assert service.categories == [] and service.accessibility == []
    assert "Hearing loop" not in _public(client, service)
    assert result_ids(client.get("/services?q=transport")) == []

    _approve(client, moderator, service)
    assert service.categories == ["leisure", "travel"] and service.accessibility == ["hearing-loop"]
    # Replacing categories and accessibility keeps the needs and delivery the service had.
    assert service.needs == ["autism"] and service.delivery_modes == ["online"]
    assert "Hearing loop" in _public(client, service)
    assert result_ids(client.get("/services?q=transport")) == [str(service.id)]
    assert version_count(service) == 2


def test_languages_wait_for_approval_and_are_tidied(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, provider)
    propose_section(client, service, "languages", {"languages": "Polish, Urdu\n\n  polish \nBritish Sign Language"})
    [draft] = revisions_of(service)
    assert draft.proposed["languages"] == ["British Sign Language", "Polish", "Urdu"]
    db.session.expire_all()
    assert service.languages == []
    assert "Urdu" not in _public(client, service)

    _approve(client, moderator, service)
    assert sorted(lang.name for lang in service.languages) == ["British Sign Language", "Polish", "Urdu"]
    assert "Languages spoken: British Sign Language, Polish, Urdu" in _public(client, service)


def test_local_offer_answers_wait_for_approval(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, provider)
    propose_section(client, service, "send", {**ANSWERS, "answer_staff": "Every coach has autism training.",
                                              "answer_contact": "Ask for Sam, our SEND lead."})
    db.session.expire_all()
    assert service.local_offer_answers == []
    assert "autism training" not in _public(client, service)

    client.post("/staff/sign-out")
    sign_in(client, moderator)
    revision = revisions_of(service)[-1]
    diff = normalize_spaces(page(client.get(f"/staff/listings/revisions/{revision.id}")).text)
    assert str(LOCAL_OFFER_QUESTIONS["staff"]) in diff and "Every coach has autism training." in diff
    approve_open_revision(client, service)
    assert [(a.question, a.position) for a in service.local_offer_answers] == [("staff", 2), ("contact", 6)]
    public = _public(client, service)
    assert str(LOCAL_OFFER_QUESTIONS["staff"]) in public and "Every coach has autism training." in public
    assert "Ask for Sam, our SEND lead." in public


def test_clearing_an_answer_removes_it_once_approved(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, provider)
    propose_section(client, service, "send", {**ANSWERS, "answer_staff": "Trained staff."})
    _approve(client, moderator, service)
    client.post("/staff/sign-out")
    sign_in(client, provider)
    propose_section(client, service, "send", ANSWERS)
    _approve(client, moderator, service)
    assert service.local_offer_answers == []
    assert version_count(service) == 3


def test_an_unknown_category_gets_a_kind_error(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    response = client.post(f"/staff/listings/{service.id}/edit/categories",
                           data={"categories": ["made-up"], "accessibility": ["lift-to-the-moon"]})
    assert response.status_code == 200
    soup = page(response)
    assert soup.title.text.startswith("Error:")
    summary = normalize_spaces(soup.select_one(".govuk-error-summary").text)
    assert "Select categories from the list" in summary
    assert "Select accessibility features from the list" in summary
    assert revisions_of(service) == []


def test_a_too_long_answer_gets_a_kind_error(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    response = client.post(f"/staff/listings/{service.id}/edit/send", data={**ANSWERS, "answer_staff": "a" * 2001})
    assert response.status_code == 200
    assert "Each answer must be 2000 characters or fewer" in page(response).select_one(".govuk-error-summary").text
    assert revisions_of(service) == []


def test_too_many_or_too_long_languages_get_a_kind_error(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    url = f"/staff/listings/{service.id}/edit/languages"
    many = "\n".join(f"Language {n}" for n in range(21))
    assert "Enter 20 languages or fewer" in client.post(url, data={"languages": many}).get_data(as_text=True)
    long = client.post(url, data={"languages": "x" * 101}).get_data(as_text=True)
    assert "Each language must be 100 characters or fewer" in long
    assert revisions_of(service) == []


def test_a_moderator_can_change_the_new_sections_directly(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    assert client.get(f"/staff/listings/{service.id}/change/send").status_code == 200
    response = client.post(f"/staff/listings/{service.id}/change/languages", data={"languages": "Welsh"})
    assert response.status_code == 302
    db.session.expire_all()
    assert [lang.name for lang in service.languages] == ["Welsh"]
    assert version_count(service) == 2
    history = normalize_spaces(page(client.get(f"/staff/listings/{service.id}/history")).text)
    assert "Edited by moderator (languages)" in history
    compared = page(client.get(f"/staff/listings/{service.id}/history/compare?from=1&to=2"))
    [row] = [normalize_spaces(tr.text) for tr in compared.select("table.lo-diff tbody tr")]
    assert row == "Languages Before: None After: Welsh"


def test_the_usual_wait_in_weeks_waits_for_approval_and_zero_counts(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, provider)
    propose_section(client, service, "access", {"access_route": "referral", "how_to_access": "Ask your GP",
                                                "waiting_time": "About six weeks", "waiting_weeks": "6"})
    db.session.expire_all()
    assert service.waiting_weeks is None
    _approve(client, moderator, service)
    assert service.waiting_weeks == 6 and service.waiting_time == "About six weeks"
    # A moderator records that there is no wait any more: 0 is kept, not taken for "not given".
    assert client.post(f"/staff/listings/{service.id}/change/access",
                       data={"access_route": "referral", "waiting_weeks": "0"}).status_code == 302
    db.session.expire_all()
    assert service.waiting_weeks == 0


def test_a_wait_that_is_not_a_number_of_weeks_gets_a_kind_error(client, provider):
    service = own_service(provider)
    sign_in(client, provider)
    for value, message in (("six", "Enter the wait as a whole number of weeks, like 6"),
                           ("200", "Enter a wait from 0 to 104 weeks")):
        response = client.post(f"/staff/listings/{service.id}/edit/access",
                               data={"access_route": "referral", "waiting_weeks": value})
        assert response.status_code == 200 and message in normalize_spaces(page(response).text)
