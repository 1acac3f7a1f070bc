"""'Report a problem with this page': one question, optional details, no personal data, saved
for the Local Offer team, and a confirmation."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import ProblemReport

from ..factories import make_service
from ..helpers import normalize_spaces, page


@pytest.fixture
def service(app):
    return make_service("Holiday Club")


def _reports():
    return db.session.scalars(select(ProblemReport)).all()


def test_the_service_page_links_to_the_report_form(client, service):
    link = page(client.get(f"/services/{service.id}")).find("a", string="Report a problem with this page")
    assert link["href"] == f"/services/{service.id}/report-a-problem"


def test_the_form_asks_one_question_and_warns_against_personal_details(client, service):
    soup = page(client.get(f"/services/{service.id}/report-a-problem"))
    assert normalize_spaces(soup.select_one("h1").text) == "What is wrong with this page?"
    assert normalize_spaces(soup.select_one(".govuk-caption-l").text) == "Holiday Club"
    assert soup.title.text.startswith("What is wrong with this page? – Holiday Club")
    assert [normalize_spaces(label.text) for label in soup.select(".govuk-radios__label")] == [
        "The contact details are wrong", "The service has closed", "The times or places are wrong",
        "The cost is wrong", "Something else"]
    assert "Do not include your name" in soup.select_one("#details-hint").text
    assert soup.select_one("textarea#details")
    assert soup.select_one(".govuk-character-count")["data-maxlength"] == "1200"
    assert not soup.select("input[type=email], input[name*=name], input[type=tel]")


def test_choosing_nothing_shows_an_error_and_keeps_what_was_typed(client, service):
    response = client.post(f"/services/{service.id}/report-a-problem", data={"details": "The phone rings out"})
    soup = page(response)
    assert response.status_code == 200
    assert soup.title.text.startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary")
    assert [(a.text, a["href"]) for a in summary.select("a")] == [("Select what is wrong with this page", "#reason")]
    assert soup.select_one("#reason")  # the link target exists
    assert "Select what is wrong with this page" in soup.select_one("#reason-error").text
    assert soup.select_one("textarea#details").text == "The phone rings out"
    assert _reports() == []


def test_details_longer_than_1200_characters_are_refused_but_kept(client, service):
    long_text = "a" * 1201
    soup = page(client.post(f"/services/{service.id}/report-a-problem", data={"reason": "cost", "details": long_text}))
    assert "Details must be 1200 characters or fewer" in soup.select_one(".govuk-error-summary").text
    assert soup.select_one("input[value=cost]").has_attr("checked")
    assert soup.select_one("textarea#details").text == long_text
    assert _reports() == []


def test_an_unknown_reason_is_refused_with_the_same_message(client, service):
    soup = page(client.post(f"/services/{service.id}/report-a-problem", data={"reason": "hacked"}))
    assert "Select what is wrong with this page" in soup.select_one(".govuk-error-summary").text


def test_a_report_is_saved_as_new_and_the_family_sees_a_confirmation(client, service):
    response = client.post(f"/services/{service.id}/report-a-problem",
                           data={"reason": "times-or-places", "details": "  Now on Tuesdays  "})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/services/{service.id}/report-a-problem/sent"
    [report] = _reports()
    assert (report.service_id, report.reason, report.details, report.status) == (
        service.id, "times-or-places", "Now on Tuesdays", "new")
    assert report.created_at is not None

    soup = page(client.get(response.headers["Location"]))
    assert normalize_spaces(soup.select_one(".govuk-panel__title").text) == "Thank you for reporting a problem"


def test_details_are_optional(client, service):
    client.post(f"/services/{service.id}/report-a-problem", data={"reason": "closed"})
    assert [(r.reason, r.details) for r in _reports()] == [("closed", "")]


def test_the_form_needs_its_security_token(app, client, service):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post(f"/services/{service.id}/report-a-problem", data={"reason": "cost"})
    assert response.status_code == 400
    assert _reports() == []
