"""Every wall and champion page: the title starts with the h1, no id is used twice, and every
label and aria-describedby points at something on the page."""
from __future__ import annotations

from collections import Counter

from ..helpers import normalize_spaces, page
from .conftest import make_post


def _check(response) -> None:
    assert response.status_code == 200, response.request.path
    soup = page(response)
    h1 = normalize_spaces(soup.h1.text) if soup.h1 else normalize_spaces(soup.select_one("legend h1").text)
    assert normalize_spaces(soup.title.text).removeprefix("Error: ").startswith(h1), (soup.title.text, h1)
    ids = Counter(el["id"] for el in soup.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == [], response.request.path
    for el in soup.select("[aria-describedby]"):
        for target in el["aria-describedby"].split():
            assert target in ids, (response.request.path, target)
    for label in soup.select("label[for]"):
        assert label["for"] in ids, (response.request.path, label["for"])


def test_public_wall_pages_are_well_formed(client, prompt):
    published, token = make_post("Short breaks helped us.", status="published", quadrant="mid", themes=["health"])
    make_post("Another published one.", status="published")
    _, refused = make_post("About my child.", status="not-published", refusal_reason="individual-case")
    for url in ("/wall", "/wall?quadrant=mid", "/wall/new", f"/wall/new?prompt={prompt.id}", "/wall/new/sent",
                f"/wall/{published.id}", f"/wall/{published.id}/flag", "/wall/moderation",
                f"/wall/follow/{token}", f"/wall/follow/{token}/edit", f"/wall/follow/{token}/withdraw",
                f"/wall/follow/{token}/email", f"/wall/follow/{refused}"):
        _check(client.get(url))
    _check(client.post("/wall/new", data={"text": "", "quadrant": "x", "email": "bad"}))
    _check(client.post(f"/wall/{published.id}/flag", data={}))


def test_champion_pages_are_well_formed(champion_client):
    champion_client.post("/staff/champion/wall/new", data={
        "text": "Words", "channel": "phone", "group_name": "Phone line", "consent": "yes"})
    for url in ("/staff/champion/", "/staff/champion/wall/", "/staff/champion/wall/new"):
        _check(champion_client.get(url))
    entry = page(champion_client.get("/staff/champion/wall/")).select_one("#entries a")["href"]
    _check(champion_client.get(entry))
    _check(champion_client.post("/staff/champion/wall/new", data={}))
