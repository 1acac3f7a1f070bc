"""The governance loop in a real browser, without JavaScript: a provider proposes a change, a
council moderator approves it, families see it."""
from __future__ import annotations

from .conftest import sign_in, sign_out


def test_a_provider_change_goes_live_only_after_a_moderator_approves_it(page_nojs, site):
    page = page_nojs
    sign_in(page, site, "provider@example.org")
    page.goto(f"{site['url']}/staff/listings/")
    # Pick a listing with nothing in progress, open its summary and change the About section.
    row = page.locator("main tr:not(:has-text('Waiting')):not(:has-text('Draft')):not(:has-text('not approved'))"
                       " a[href$='/edit']").first
    row.click()
    service_url = page.url.rsplit("/edit", 1)[0]
    service_id = service_url.rsplit("/", 1)[1]
    page.locator("a[href$='/edit/about']").first.click()
    new_summary = "Now also on Saturday mornings in the school holidays."
    page.fill("textarea[name=summary]", new_summary)
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Send for approval").click()
    assert "Waiting for approval" in page.locator("main").inner_text()

    # Families still see the approved listing.
    page.goto(f"{site['url']}/services/{service_id}")
    assert new_summary not in page.locator("main").inner_text()
    page.goto(f"{site['url']}/staff/")
    sign_out(page)

    sign_in(page, site, "council-moderator@example.org")
    page.goto(f"{site['url']}/staff/listings/queue")
    hrefs = [a.get_attribute("href") for a in page.locator("main a[href*='/revisions/']").all()]
    for href in hrefs:
        page.goto(f"{site['url']}{href}")
        if service_id in page.content():
            break
    main = page.locator("main").inner_text()
    assert new_summary in main and "Before" in page.content()
    page.get_by_role("button", name="Approve changes").click()
    assert "approved" in page.locator("main").inner_text().lower()

    page.goto(f"{site['url']}/services/{service_id}")
    assert new_summary in page.locator("main").inner_text()
    page.goto(f"{site['url']}/staff/listings/{service_id}/history")
    assert "Approved" in page.locator("main").inner_text()


def test_a_wrong_password_shows_an_error_summary_and_keeps_the_email(page_nojs, site):
    page = page_nojs
    page.goto(f"{site['url']}/staff/sign-in")
    page.fill("input[name=email]", "admin@example.org")
    page.fill("input[name=password]", "not the password at all")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert page.input_value("input[name=email]") == "admin@example.org"
