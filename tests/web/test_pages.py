"""The start page, the information pages and /healthz."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from localoffer import search
from localoffer.pages import routes as pages_routes
from localoffer.vocab import NEEDS, QUADRANTS

from ..helpers import normalize_spaces, page


def _headings(soup, level="h2") -> list[str]:
    return [normalize_spaces(h.text) for h in soup.select(f"main {level}")]


def test_the_start_page_explains_the_local_offer_and_offers_a_search(client):
    soup = page(client.get("/"))
    assert normalize_spaces(soup.h1.text) == "Find support for children and young people with SEND"
    assert soup.title.text == "Find support for children and young people with SEND – Essex Local Offer"
    assert "aged 0 to 25 with special educational needs and disabilities" in soup.select_one(".govuk-body-l").text
    search_form = soup.select_one("main form[role=search]")
    assert search_form["action"] == "/services" and search_form["method"] == "get"
    assert {i["name"] for i in search_form.select("input")} == {"q", "near"}
    assert _headings(soup) == ["Browse by need", "Browse by age", "Browse by area", "Have your say",
                               "If you cannot use this website"]


def test_the_start_page_browses_by_need_and_area_with_readable_labels(client):
    soup = page(client.get("/"))
    needs = {a.text: parse_qs(urlsplit(a["href"]).query) for a in soup.select("#browse-by-need + ul a")}
    assert needs == {str(label): {"need": [slug]} for slug, label in NEEDS.items()}
    areas = {a.text: a["href"] for a in soup.select("#browse-by-area + p + ul a")}
    assert areas == {str(label): f"/services?quadrant={slug}" for slug, label in QUADRANTS.items()}
    assert "Chelmsford" in soup.select_one("#browse-by-area ~ ul").text


def test_the_start_page_browses_by_age_with_a_small_form(client):
    form = page(client.get("/")).select_one("#browse-by-age + form")
    assert form["action"] == "/services" and form["method"] == "get"
    assert form.select_one("input[name=age]")["inputmode"] == "numeric"


def test_the_start_page_has_your_say_and_help_without_the_internet(app, client):
    soup = page(client.get("/"))
    have_your_say = soup.select_one("#have-your-say")
    assert have_your_say is not None
    assert soup.select_one("#have-your-say ~ p a[href='/contact']")
    assert app.config["LOCAL_OFFER_PHONE"] in soup.select_one("#help ~ p").text


def test_the_accessibility_statement_is_honest_and_complete(client):
    soup = page(client.get("/accessibility"))
    assert normalize_spaces(soup.h1.text) == "Accessibility statement for the Essex Local Offer"
    text = normalize_spaces(soup.select_one("main").text)
    for expected in ("WCAG) version 2.2 AA", "partially compliant", "axe", "keyboard", "JavaScript switched off",
                     "Equality and Human Rights Commission", "Equality Advisory and Support Service",
                     "not yet been audited", "This statement was prepared on"):
        assert expected in text, expected
    assert "How accessible this website is" in _headings(soup)
    assert "Enforcement procedure" in _headings(soup)


def test_the_privacy_notice_says_what_is_and_is_not_collected(client):
    text = normalize_spaces(page(client.get("/privacy")).select_one("main").text)
    for expected in ("the words you type in the search box", "We do not record your IP address",
                     "kept in a cookie on your device", "We do not use analytics, advertising or tracking cookies",
                     "We do not ask for your name or contact details", "Information Commissioner"):
        assert expected in text, expected


def test_the_contact_page_lists_the_council_sendiass_and_the_family_forum(app, client):
    soup = page(client.get("/contact"))
    assert _headings(soup)[:3] == ["The Local Offer team at Essex County Council", "Essex SENDIASS",
                                   "Essex Family Forum"]
    hrefs = [a["href"] for a in soup.select("main a")]
    assert app.config["SENDIASS_URL"] in hrefs and app.config["FAMILY_FORUM_URL"] in hrefs
    for phone in (app.config["LOCAL_OFFER_PHONE"], app.config["SENDIASS_PHONE"]):
        assert "tel:" + phone.replace(" ", "") in hrefs


@pytest.mark.parametrize("path", ["/", "/accessibility", "/privacy", "/contact"])
def test_information_pages_link_to_each_other_in_the_footer(client, path):
    footer = [a["href"] for a in page(client.get(path)).select("footer a")]
    assert {"/accessibility", "/privacy", "/contact"} <= set(footer)


def test_healthz_is_ok_when_the_database_and_index_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_fails_with_503_when_the_index_does_not_answer(client, monkeypatch):
    monkeypatch.setattr(search, "check_health", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "checks": {"database": "ok", "search": "error"}}


def test_healthz_fails_with_503_not_500_when_a_check_raises(client, monkeypatch):
    def broken():
        raise OSError("index folder missing")

    monkeypatch.setattr(search, "check_health", broken)
    monkeypatch.setattr(pages_routes, "database_answers", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"] == {"database": "error", "search": "error"}


def test_the_database_check_really_runs_a_query(app, client, monkeypatch):
    from localoffer.extensions import db

    def no_database(*args, **kwargs):
        raise ConnectionError("database gone")

    monkeypatch.setattr(db.session, "execute", no_database)
    assert client.get("/healthz").status_code == 503
