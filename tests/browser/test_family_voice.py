"""The family-voice loop in a real browser, without JavaScript, as CSRF-protected forms in
production: a family posts on the wall; the council publishes it; the Forum writes "you said"
and links the post; the council writes "we will"; both sign; the family's private follow link
then shows the published response."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .conftest import sign_in, sign_out

COMMENT = "Finding a holiday club that copes with my son's sensory needs took us months of phone calls."


def _main(page) -> str:
    return page.locator("main").inner_text()


def test_a_familys_comment_becomes_a_jointly_signed_response_they_can_follow(page_nojs, site):
    page, url = page_nojs, site["url"]

    # A parent writes on the wall and keeps the private link.
    page.goto(f"{url}/wall/new")
    page.fill("textarea[name=text]", COMMENT)
    page.get_by_label("Mid Essex").check()
    page.get_by_label("I agree to this being published on the wall without my name").check()
    page.get_by_role("button", name="Send comment").click()
    follow_path = urlsplit(page.locator("#follow-link").get_attribute("href")).path
    page.goto(f"{url}{follow_path}")
    assert "Waiting to be checked" in _main(page)
    page.goto(f"{url}/wall")
    assert COMMENT not in _main(page)  # nothing appears before a moderator has read it

    # A council moderator publishes it under a theme.
    sign_in(page, site, "council-moderator@example.org")
    page.goto(f"{url}/staff/wall/")
    page.locator("main tr", has_text="took us months").locator("a[href^='/staff/wall/']").first.click()
    post_id = page.url.rstrip("/").rsplit("/", 1)[1]
    page.goto(f"{url}/staff/wall/{post_id}/publish")
    page.get_by_label("Social care and short breaks").check()
    page.get_by_role("button", name="Publish").click()
    sign_out(page)
    page.goto(f"{url}/wall")
    assert page.locator(f"[data-post-id='{post_id}']").inner_text().count("holiday club") == 1

    # The Forum starts a "you said, we did" record from it.
    sign_in(page, site, "forum-moderator@example.org")
    page.goto(f"{url}/staff/you-said-we-did/new")
    page.fill("input[name=title]", "Finding holiday clubs for children with sensory needs")
    page.fill("textarea[name=you_said]", "Families told us it takes months to find a holiday club that can "
                                         "meet sensory needs.")
    page.get_by_role("button", name="Start the record").click()
    reference = re.search(r"YSWD-\d{4}-\d{3}", page.url).group(0)
    page.goto(f"{url}/staff/you-said-we-did/{reference}/evidence/wall-posts")
    page.get_by_role("button", name=re.compile(rf"^Link post {post_id}$")).click()
    sign_out(page)

    # The council says what it will do, and signs.
    sign_in(page, site, "council-moderator@example.org")
    page.goto(f"{url}/staff/you-said-we-did/{reference}/edit/we-will")
    page.fill("textarea[name=we_will]", "Add a holiday club filter for sensory-friendly sessions by Easter.")
    page.fill("input[name=target_day]", "1")
    page.fill("input[name=target_month]", "4")
    page.fill("input[name=target_year]", "2027")
    page.fill("input[name=responsible_service]", "Local Offer team")
    page.get_by_role("button", name="Save as a new version").click()
    page.goto(f"{url}/staff/you-said-we-did/{reference}/sign")
    page.get_by_role("button", name="Sign this version").click()
    sign_out(page)
    page.goto(f"{url}/you-said-we-did/{reference}")
    assert "Page not found" in page.content()  # one signature is not enough

    # The Forum signs the same version: it is published.
    sign_in(page, site, "forum-moderator@example.org")
    page.goto(f"{url}/staff/you-said-we-did/{reference}/sign")
    page.get_by_role("button", name="Sign this version").click()
    sign_out(page)
    page.goto(f"{url}/you-said-we-did/{reference}")
    record = _main(page)
    assert "Add a holiday club filter" in record and "We're looking into it" in record
    assert "holiday club that copes" in record, record  # the linked post, as published

    # The family's private link now shows the response their comment fed into.
    page.goto(f"{url}{follow_path}")
    followed = _main(page)
    assert "Published" in followed and reference in followed and "We're looking into it" in followed
