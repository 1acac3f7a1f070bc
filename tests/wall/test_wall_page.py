"""The public wall shows published comments only, as published (never the original words),
newest first, filterable and paged, with prompts and the moderation explanation."""
from __future__ import annotations

import pytest

from localoffer.extensions import db

from ..helpers import normalize_spaces, page
from .conftest import days_ago, make_post

UNPUBLISHED = ("awaiting-review", "refusal-proposed", "not-published", "disputed", "safeguarding",
               "hidden", "withdrawn")


def _ids(response) -> list[int]:
    return [int(el["data-post-id"]) for el in page(response).select("[data-post-id]")]


def test_only_published_posts_appear_and_only_their_published_text(client):
    published, _ = make_post("My son Alfie waits for speech therapy at Oakwood Primary.", status="published",
                             published_text="My son [name] waits for speech therapy at [school].", quadrant="south",
                             themes=["health", "education"])
    hidden_ids = [make_post(f"Secret words {status}", status=status)[0].id for status in UNPUBLISHED]
    response = client.get("/wall")
    assert _ids(response) == [published.id]
    html = response.get_data(as_text=True)
    assert "My son [name] waits for speech therapy at [school]." in html
    assert "Alfie" not in html and "Oakwood" not in html and "Secret words" not in html
    item = page(response).select_one(f"[data-post-id='{published.id}']")
    assert item.name == "li" and item["id"] == f"post-{published.id}"
    text = normalize_spaces(item.text)
    assert "South Essex" in text and "Health and therapies" in text
    assert "Support in early years, school or college" in text
    assert "0 people said ‘me too’" in text
    for post_id in hidden_ids:
        assert client.get(f"/wall/{post_id}").status_code == 404


def test_the_wall_explains_moderation_and_links_to_the_policy_and_you_said_we_did(client):
    soup = page(client.get("/wall"))
    assert soup.title.text.startswith(normalize_spaces(soup.h1.text))
    body = normalize_spaces(soup.select_one("main").text)
    assert ("Every comment is checked by the council and the Essex Family Forum before it appears, "
            "usually within 5 working days.") in body
    hrefs = [a["href"] for a in soup.select("main a")]
    assert "/wall/moderation" in hrefs and "/you-said-we-did" in hrefs and "/wall/new" in hrefs


def test_active_prompts_are_shown_with_a_link_to_answer_them(client, prompt):
    soup = page(client.get("/wall"))
    assert prompt.text in soup.select_one("main").text
    link = soup.find("a", string=lambda s: s and "Add your comment" in s)
    assert link["href"] == f"/wall/new?prompt={prompt.id}"


def test_newest_published_first_and_paged_by_30(client):
    posts = [make_post(f"Comment number {n}", status="published", published_at=days_ago(40 - n))[0]
             for n in range(32)]
    first = _ids(client.get("/wall"))
    assert first == [p.id for p in reversed(posts)][:30]
    assert _ids(client.get("/wall?page=2")) == [posts[1].id, posts[0].id]
    assert _ids(client.get("/wall?page=99")) == [posts[1].id, posts[0].id]  # past the end: the last page
    assert _ids(client.get("/wall?page=abc")) == first


def test_filters_by_quadrant_and_theme_and_ignores_unknown_values(client):
    mid, _ = make_post("About mid", status="published", quadrant="mid", themes=["travel"])
    west, _ = make_post("About west", status="published", quadrant="west", themes=["health", "travel-extra"])
    both = {mid.id, west.id}
    assert _ids(client.get("/wall?quadrant=mid")) == [mid.id]
    assert _ids(client.get("/wall?theme=travel")) == [mid.id]
    assert _ids(client.get("/wall?theme=health&quadrant=west")) == [west.id]
    assert _ids(client.get("/wall?theme=health&quadrant=mid")) == []
    assert set(_ids(client.get("/wall?quadrant=narnia&theme=%25"))) == both
    soup = page(client.get("/wall?quadrant=mid"))
    assert soup.select_one("#filter-quadrant option[value=mid]").has_attr("selected")


def test_user_text_is_escaped_on_the_wall(client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    post, _ = make_post(attack, status="published")
    html = client.get("/wall").get_data(as_text=True)
    assert attack not in html
    assert "&lt;script&gt;alert(" in html
    assert not page(client.get(f"/wall/{post.id}")).select("main img, main script")


def test_a_published_post_has_its_own_page(client):
    post, _ = make_post("Short breaks made a real difference.", status="published")
    soup = page(client.get(f"/wall/{post.id}"))
    assert [int(el["data-post-id"]) for el in soup.select("[data-post-id]")] == [post.id]
    assert client.get("/wall/999999").status_code == 404


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_a_post_leaves_the_wall_when_it_is_no_longer_published(client, status):
    post, _ = make_post("Was on the wall", status="published")
    assert _ids(client.get("/wall")) == [post.id]
    post.status = status
    db.session.commit()
    assert _ids(client.get("/wall")) == []
