"""Without the internet (reg 57) and in Easy Read: the pages exist, say how to get help by
phone, post, libraries, Family Hubs and champions, and are linked from where families look."""
from __future__ import annotations

from ..helpers import normalize_spaces, page

EASY_READ = ["/easy-read/what-is-the-local-offer", "/easy-read/how-to-give-us-your-views",
             "/easy-read/what-happens-to-your-comments"]


def test_every_page_links_to_getting_the_information_without_the_internet(client):
    footer = page(client.get("/privacy")).select_one(".govuk-footer")
    assert footer.select_one("a[href='/get-this-information-another-way']")
    text = normalize_spaces(page(client.get("/get-this-information-another-way")).select_one("main").get_text(" "))
    for words in ("0345 743 0430", "library", "Family Hub", "family champion", "Essex Family Forum",
                  "printed", "large print", "Easy Read", "County Hall"):
        assert words.lower() in text.lower(), words


def test_easy_read_pages_have_one_idea_per_line_and_a_described_picture_for_each_point(client):
    for path in EASY_READ:
        html = page(client.get(path))
        points = html.select(".lo-easy-read__point")
        assert len(points) >= 5, path
        for point in points:
            picture = point.select_one("svg")
            assert picture["role"] == "img" and picture["aria-label"].strip(), path
            lines = [p.get_text(strip=True) for p in point.select(".lo-easy-read__line")]
            assert lines and all(len(line.split()) <= 16 for line in lines), lines
        assert not html.select("img"), "pictures are drawn inline, never downloaded"


def test_easy_read_versions_are_linked_from_the_pages_they_explain(client):
    expected = {"/": EASY_READ[0], "/wall": EASY_READ[1], "/wall/new": EASY_READ[1],
                "/you-said-we-did": EASY_READ[2], "/wall/moderation": EASY_READ[2]}
    for path, easy in expected.items():
        assert page(client.get(path)).select_one(f"main a[href='{easy}']"), (path, easy)
    index = page(client.get("/easy-read"))
    assert {a["href"] for a in index.select("main a")} >= set(EASY_READ)
