"""Every moderation page: a title that starts with its heading, no repeated ids, labelled fields."""
from __future__ import annotations

from collections import Counter

from tests.helpers import normalize_spaces, page

from .conftest import make_post, state


def _check(response, url):
    assert response.status_code == 200, url
    soup = page(response)
    h1 = normalize_spaces(soup.find("h1").get_text())
    assert normalize_spaces(soup.title.get_text()).removeprefix("Error: ").startswith(h1), url
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == [], url
    for field in soup.select("input:not([type=hidden]):not([type=submit]), textarea"):
        assert soup.find("label", attrs={"for": field["id"]}), (url, field.get("name"))


def test_moderation_pages_are_well_formed(council, forum, signed_in):
    awaiting = make_post(check_hints=[{"kind": "school", "match": "Oakwood Primary"}])
    proposed = make_post(status="refusal-proposed", refusal_proposed_by="forum", refusal_reason="off-topic")
    disputed = make_post(status="disputed", refusal_reason="vexatious")
    hidden = make_post(status="hidden", flag_count=3)
    restricted = make_post(status="safeguarding")
    client = signed_in(council)
    urls = ["/staff/wall/", "/staff/wall/prompts", "/staff/wall/safeguarding",
            f"/staff/wall/{awaiting.id}", f"/staff/wall/{awaiting.id}/publish",
            f"/staff/wall/{awaiting.id}/not-publish", f"/staff/wall/{awaiting.id}/safeguarding",
            f"/staff/wall/{proposed.id}/refusal", f"/staff/wall/{disputed.id}/resolve",
            f"/staff/wall/{hidden.id}/restore", f"/staff/wall/{restricted.id}"]
    for url in urls:
        _check(client.get(url), url)
    # With errors showing, too.
    _check(client.post(f"/staff/wall/{disputed.id}/resolve", data={"state": state(disputed)}), "resolve with errors")
    _check(client.post("/staff/wall/prompts", data={"text": ""}), "prompt with errors")
