"""The accessibility statement (PSBAR 2018 reg 8, the GOV.UK model form) says how the site was
tested, what does not yet meet WCAG 2.2 AA, how to get another format and how to complain, and
is kept under review: its text is pinned to its review date, as GOV.UK Notify does."""
from __future__ import annotations

from datetime import date
from hashlib import sha256
from pathlib import Path

from localoffer.pages import statement

from ..helpers import normalize_spaces, page

TEMPLATE = Path(__file__).resolve().parents[2] / "localoffer" / "templates" / "pages" / "accessibility.html"
# The statement's text as it was on each review date. Changing the statement means reviewing
# it: set LAST_REVIEWED in localoffer/pages/statement.py to the day, and add that day here with
# the new text's sha256 (the failure message gives it).
REVIEWED = {
    date(2026, 12, 6): "a3ec3f8b40df3c614a3109fb48d71ed2dbe0c7ac6c3f8c0fbb8f91db1fa27153",
}


def test_the_statement_cannot_change_without_a_new_review_date():
    digest = sha256(TEMPLATE.read_bytes()).hexdigest()
    assert REVIEWED.get(statement.LAST_REVIEWED) == digest, (
        f"The accessibility statement changed but its review date did not. Review it, set LAST_REVIEWED "
        f"in localoffer/pages/statement.py to today and add {{date: '{digest}'}} to REVIEWED in this test.")


def test_the_dates_are_in_order():
    assert statement.PREPARED <= statement.LAST_REVIEWED <= date.today()
    assert statement.LAST_TESTED <= date.today()


def test_the_statement_has_the_model_sections_and_says_how_to_get_help(client):
    html = page(client.get("/accessibility"))
    ids = {el["id"] for el in html.select("main [id]")}
    assert {"how-accessible", "other-formats", "reporting", "enforcement", "phone-or-visit", "technical",
            "compliance", "non-accessible", "improving", "testing", "preparation"} <= ids
    text = normalize_spaces(html.select_one("main").get_text(" "))
    assert "prepared on 22 November 2026" in text and "last reviewed on 6 December 2026" in text
    assert "last tested on 6 December 2026" in text
    for words in ("large print", "Easy Read", "another language", "0345 743 0430", "County Hall",
                  "Equality and Human Rights Commission", "1280 pixels", "320 pixels", "axe",
                  "only the keyboard", "JavaScript switched off", "2.2.1", "partially compliant"):
        assert words in text, words
    links = {a["href"] for a in html.select("main a")}
    assert {"https://www.equalityadvisoryservice.com/", "/get-this-information-another-way", "/easy-read",
            "/booklet", "/wall/new"} <= links
