"""A printable booklet for one need, age and part of Essex (reg 57: the Local Offer on paper)."""
from __future__ import annotations

from datetime import date

from localoffer.filters import long_date

from ..helpers import normalize_spaces, page


def test_the_booklet_form_asks_for_need_age_and_area_with_gov_uk_errors(family_client):
    html = page(family_client.get("/booklet"))
    form = html.select_one("main form")
    assert form["method"] == "get" and form["action"] == "/booklet/print"
    assert html.select("input[name=need][type=radio]") and html.select("input[name=quadrant][type=radio]")
    errors = page(family_client.get("/booklet/print?need=nonsense&age=40"))
    assert errors.title.get_text().startswith("Error:")
    summary = [a.get_text(strip=True) for a in errors.select(".govuk-error-summary a")]
    assert summary == ["Select the need", "Age must be a whole number from 0 to 25", "Select the part of Essex"]
    assert errors.select_one("input[name=age]")["value"] == "40"  # nothing typed is lost


def test_the_booklet_has_a_cover_contents_and_each_services_contact_details(family_client, family, app):
    html = page(family_client.get("/booklet/print?need=autism&age=8&quadrant=north-east"))
    main = html.select_one("main")
    text = normalize_spaces(main.get_text(" "))
    with app.test_request_context():
        made = long_date(date.today())
    assert f"Made on {made}" in text and "0345 743 0430" in text  # the date it was made, who to call
    entries = main.select("[data-service-id]")
    assert [e["data-service-id"] for e in entries] == [family.swim]  # autism, aged 8, in North East Essex
    contents = [a["href"] for a in main.select(".lo-booklet__contents a")]
    assert contents == [f"#service-{family.swim}"] and main.select_one(f"#service-{family.swim}")
    swim = normalize_spaces(entries[0].get_text(" "))
    assert "Sensory swimming sessions" in swim and "Ages" in swim and "Free" in swim and "Contact" in swim


def test_a_booklet_with_no_services_says_whom_to_call(family_client):
    text = normalize_spaces(page(family_client.get("/booklet/print?need=msi&age=25&quadrant=mid")).get_text(" "))
    assert "No services match" in text and "0345 743 0430" in text
