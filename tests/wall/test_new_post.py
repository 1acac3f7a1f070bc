"""Sending a comment to the wall: the contract's POST, validation that keeps what was typed, the
hidden honeypot, the per-client limit and the private link shown once."""
from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import WallContact, WallPost

from ..helpers import normalize_spaces, page

TEXT = "The Local Offer website does not say which clubs have quiet rooms."


def _posts() -> list[WallPost]:
    return list(db.session.scalars(select(WallPost).order_by(WallPost.id)))


def test_the_contract_post_creates_a_post_awaiting_review_that_is_not_on_the_wall(client):
    response = client.post("/wall/new", data={"text": TEXT, "quadrant": "mid", "consent": "yes",
                                              "csrf_token": "ignored-in-tests"})
    assert response.status_code == 302
    [post] = _posts()
    assert (post.text, post.quadrant, post.status, post.consent, post.channel) == (
        TEXT, "mid", "awaiting-review", True, "online")
    assert post.published_text is None and post.entered_by_id is None
    assert page(client.get("/wall")).select("[data-post-id]") == []


def test_the_form_warns_against_identifying_details_and_signposts_help(client):
    soup = page(client.get("/wall/new"))
    assert normalize_spaces(soup.h1.text) == "Add your comment to the wall"
    assert soup.title.text.startswith("Add your comment to the wall")
    body = normalize_spaces(soup.select_one("main").text)
    assert "Do not include names, schools" in body
    assert "Essex SENDIASS" in body and "complaints" in body and "caseworker" in body
    assert "If a child is in danger, call 999." in body
    assert soup.select_one(".govuk-character-count")["data-maxlength"] == "500"
    assert soup.select_one("input[name=consent]")["value"] == "yes"
    assert [i["value"] for i in soup.select("input[name=quadrant]")] == ["north-east", "mid", "south", "west", ""]


def test_everything_optional_is_saved_with_the_comment(client, prompt):
    client.post("/wall/new", data={"text": f"  {TEXT}  ", "quadrant": "", "theme": "information",
                                   "reg56_category": "accessibility", "prompt": str(prompt.id),
                                   "email": "parent@example.org", "consent": "yes"})
    [post] = _posts()
    assert (post.text, post.quadrant, post.contributor_theme, post.reg56_category, post.prompt_id) == (
        TEXT, None, "information", "accessibility", prompt.id)
    contact = db.session.scalar(select(WallContact))
    assert (contact.post_id, contact.email) == (post.id, "parent@example.org")


def test_the_prompt_from_the_link_is_shown_and_carried_in_the_form(client, prompt):
    soup = page(client.get(f"/wall/new?prompt={prompt.id}"))
    assert prompt.text in soup.select_one("main").text
    assert soup.select_one("input[name=prompt]")["value"] == str(prompt.id)


@pytest.mark.parametrize("raw", ["999", "abc", ""])
def test_an_unknown_or_inactive_prompt_is_ignored(client, prompt, raw):
    prompt.is_active = False
    db.session.commit()
    assert client.get(f"/wall/new?prompt={raw or prompt.id}").status_code == 200
    client.post("/wall/new", data={"text": TEXT, "prompt": raw or str(prompt.id), "consent": "yes"})
    [post] = _posts()
    assert post.prompt_id is None


def test_automatic_check_hints_are_stored_for_moderators(client):
    client.post("/wall/new", data={"text": "My son Alfie at Oakwood Primary. Call 07700 900123", "consent": "yes"})
    [post] = _posts()
    assert {hint["kind"] for hint in post.check_hints} == {"name", "school", "phone"}
    assert post.status == "awaiting-review"  # checks suggest; they never decide


def _error_links(soup) -> list[tuple[str, str]]:
    return [(normalize_spaces(a.text), a["href"]) for a in soup.select(".govuk-error-summary a")]


@pytest.mark.parametrize("data, error, href", [
    ({"text": "   ", "consent": "yes"}, "Enter your comment", "#text"),
    ({"text": "a" * 501, "consent": "yes"}, "Your comment must be 500 characters or fewer", "#text"),
    ({"text": TEXT, "quadrant": "essex-north", "consent": "yes"}, "Select a part of Essex from the list", "#quadrant"),
    ({"text": TEXT, "theme": "weather", "consent": "yes"}, "Select a topic from the list", "#theme"),
    ({"text": TEXT, "reg56_category": "x", "consent": "yes"}, "Select what your comment is about from the list",
     "#reg56_category"),
    ({"text": TEXT, "email": "not-an-email", "consent": "yes"},
     "Enter an email address in the correct format, like name@example.com", "#email"),
    ({"text": TEXT}, "Tick the box to agree to your comment being published without your name", "#consent"),
    ({"text": TEXT, "consent": "no"}, "Tick the box to agree to your comment being published without your name",
     "#consent"),
])
def test_invalid_answers_are_refused_with_an_error_summary_and_what_was_typed_is_kept(client, data, error, href):
    response = client.post("/wall/new", data=data)
    soup = page(response)
    assert response.status_code == 200
    assert soup.title.text.startswith("Error: Add your comment to the wall")
    assert (error, href) in _error_links(soup)
    assert soup.select_one(href), "the error links to a field on the page"
    assert soup.select_one("textarea#text").text == data["text"].strip()
    assert _posts() == []


def test_every_answer_is_kept_when_the_form_comes_back_with_an_error(client):
    soup = page(client.post("/wall/new", data={"text": TEXT, "quadrant": "west", "theme": "travel",
                                               "reg56_category": "content", "email": "p@example.org"}))
    assert soup.select_one("textarea#text").text == TEXT
    assert soup.select_one("input[name=quadrant][value=west]").has_attr("checked")
    assert soup.select_one("select#theme option[value=travel]").has_attr("selected")
    assert soup.select_one("input[name=reg56_category][value=content]").has_attr("checked")
    assert soup.select_one("input#email")["value"] == "p@example.org"


def test_the_honeypot_is_hidden_from_everyone_and_filling_it_saves_nothing(client):
    honeypot = page(client.get("/wall/new")).select_one("input[name=website]")
    wrapper = honeypot.find_parent("div")
    assert wrapper.has_attr("hidden") and wrapper["aria-hidden"] == "true"
    assert honeypot["tabindex"] == "-1"

    response = client.post("/wall/new", data={"text": TEXT, "consent": "yes", "website": "http://spam.example"})
    assert response.status_code == 302
    soup = page(client.get(response.headers["Location"]))
    assert "Comment sent" in soup.h1.text
    assert not soup.select("#follow-link")
    assert _posts() == []


def test_too_many_comments_from_one_client_get_a_kind_page_that_keeps_the_comment(app, client):
    app.config["WALL_POST_LIMIT_PER_HOUR"] = 2
    for _ in range(2):
        assert client.post("/wall/new", data={"text": TEXT, "consent": "yes"}).status_code == 302
    response = client.post("/wall/new", data={"text": "One more thing about ramps.", "consent": "yes"})
    assert response.status_code == 429
    soup = page(response)
    assert "You have done this a lot in a short time" in soup.select_one("main").text
    assert soup.select_one("textarea#text").text == "One more thing about ramps."
    assert len(_posts()) == 2


def test_the_private_link_is_shown_once_and_only_its_hash_is_stored(client):
    response = client.post("/wall/new", data={"text": TEXT, "consent": "yes"})
    assert response.headers["Location"] == "/wall/new/sent"
    sent = client.get("/wall/new/sent")
    assert sent.headers["Cache-Control"] == "no-store"
    soup = page(sent)
    url = soup.select_one("#follow-link")["href"]
    token = re.fullmatch(r"http://localhost/wall/follow/([A-Za-z0-9_-]{40,})", url).group(1)
    assert "Copy this link or bookmark it now" in soup.select_one("main").text
    [post] = _posts()
    assert post.follow_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in (post.follow_token_hash, post.text)

    again = page(client.get("/wall/new/sent"))
    assert not again.select("#follow-link")
    assert client.get(f"/wall/follow/{token}").status_code == 200
