"""The published moderation policy and monthly statistics: counts only, from the data."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from localoffer.extensions import db
from localoffer.models import WallDecision

from ..helpers import normalize_spaces, page
from .conftest import make_post


def _month_start(months_back: int) -> datetime:
    now = datetime.now(timezone.utc)
    year, month = now.year, now.month - months_back
    while month < 1:
        year, month = year - 1, month + 12
    return datetime(year, month, 1, 1, 0, tzinfo=timezone.utc)


def _post(status, start, decided_after=None, **fields):
    post, _ = make_post(f"Private words {status}", status=status, submitted_at=start,
                        decided_at=start + timedelta(days=decided_after) if decided_after is not None else None,
                        **fields)
    return post


def _build():
    this, last = _month_start(0), _month_start(1)
    redacted = _post("published", this, 2)
    db.session.add(WallDecision(post_id=redacted.id, party="council", decision="publish-redacted"))
    _post("published", this, 4)
    _post("not-published", this, 10, refusal_reason="identifies-someone")
    _post("not-published", this, 6, refusal_reason="individual-case")
    _post("safeguarding", this, 1)
    _post("disputed", this)
    _post("withdrawn", this)
    _post("awaiting-review", this)
    _post("published", last, 3)
    _post("not-published", last, refusal_reason="spam")
    _post("published", _month_start(14), 1)  # older than 12 months: left out
    db.session.commit()
    return this, last


def _figures(soup, month: str) -> dict[str, str]:
    row = soup.select_one(f"#monthly-figures tr[data-month='{month}']")
    return {cell["data-figure"]: cell.text.strip() for cell in row.select("[data-figure]")}


def test_monthly_figures_count_outcomes_by_month_received(client):
    this, last = _build()
    response = client.get("/wall/moderation")
    soup = page(response)
    assert len(soup.select("#monthly-figures tbody tr")) == 13  # 12 months and the total
    assert _figures(soup, this.strftime("%Y-%m")) == {
        "received": "8", "published": "2", "redacted": "1", "not-published": "2", "safeguarding": "1",
        "disputed": "1", "withdrawn": "1", "waiting": "1", "median-days": "4"}
    assert _figures(soup, last.strftime("%Y-%m"))["received"] == "2"
    assert _figures(soup, last.strftime("%Y-%m"))["median-days"] == "3"
    total = _figures(soup, "total")
    assert (total["received"], total["published"], total["not-published"], total["median-days"]) == (
        "10", "3", "3", "3.5")
    reasons = {row["data-reason"]: row.select_one("td").text for row in soup.select("#reasons tr[data-reason]")}
    assert reasons == {"identifies-someone": "1", "individual-case": "1", "vexatious": "0", "abusive": "0",
                       "spam": "1", "off-topic": "0", "duplicate": "0"}
    assert "Private words" not in response.get_data(as_text=True)


def test_months_with_nothing_show_zero_and_no_median(client):
    soup = page(client.get("/wall/moderation"))
    figures = _figures(soup, "total")
    assert figures["received"] == "0" and figures["median-days"] == "None yet"


def test_the_policy_explains_reasons_two_organisations_safeguarding_and_redaction(client):
    soup = page(client.get("/wall/moderation"))
    assert soup.title.text.startswith(normalize_spaces(soup.h1.text))
    text = normalize_spaces(soup.select_one("main").text)
    for phrase in ("It could identify someone", "It is vexatious", "Two organisations decide together",
                   "Any other reason needs the other organisation to agree", "safeguarding team",
                   "We never change anyone's other words", "After 3 reports"):
        assert phrase in text
