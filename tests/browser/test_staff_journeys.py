"""The governance loop in a real browser, without JavaScript: a provider proposes a change, a
council moderator approves it, families see it; and axe finds no WCAG 2.2 A/AA violations on
the staff pages. Runs on its own copy of the demo data (these journeys change it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_axe, serve_demo_site, sign_in, sign_out


@pytest.fixture(scope="module")
def staff_site(tmp_path_factory):
    from tests.openreferral.helpers import FIXTURES

    base = Path(tmp_path_factory.mktemp("staff-demo"))
    with serve_demo_site(base, [["demo", "load"], ["search", "rebuild"], ["demo", "accounts"]]) as site:
        # A new service from a feed, waiting in the queue beside the providers' changes.
        site["app"].config["ORUK_IMPORT_REQUIRES_APPROVAL"] = True
        result = site["app"].test_cli_runner().invoke(args=["oruk", "import", str(FIXTURES / "hsds3-service-full.json")])
        assert "Sent for approval: 1" in result.output, result.output
        yield site


def test_a_provider_change_goes_live_only_after_a_moderator_approves_it(page_nojs, staff_site):
    page = page_nojs
    sign_in(page, staff_site, "provider@example.org")
    page.goto(f"{staff_site['url']}/staff/listings/")
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
    page.goto(f"{staff_site['url']}/services/{service_id}")
    assert new_summary not in page.locator("main").inner_text()
    page.goto(f"{staff_site['url']}/staff/")
    sign_out(page)

    sign_in(page, staff_site, "council-moderator@example.org")
    page.goto(f"{staff_site['url']}/staff/listings/queue")
    hrefs = [a.get_attribute("href") for a in page.locator("main a[href*='/revisions/']").all()]
    for href in hrefs:
        page.goto(f"{staff_site['url']}{href}")
        if service_id in page.content():
            break
    main = page.locator("main").inner_text()
    assert new_summary in main and "Before" in page.content()
    page.get_by_role("button", name="Approve changes").click()
    assert "approved" in page.locator("main").inner_text().lower()

    page.goto(f"{staff_site['url']}/services/{service_id}")
    assert new_summary in page.locator("main").inner_text()
    page.goto(f"{staff_site['url']}/staff/listings/{service_id}/history")
    assert "Approved" in page.locator("main").inner_text()


def test_a_wrong_password_shows_an_error_summary_and_keeps_the_email(page_nojs, staff_site):
    page = page_nojs
    page.goto(f"{staff_site['url']}/staff/sign-in")
    page.fill("input[name=email]", "admin@example.org")
    page.fill("input[name=password]", "not the password at all")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert page.input_value("input[name=email]") == "admin@example.org"


STAFF_PAGES = {
    "admin@example.org": ["/staff/", "/staff/users/", "/staff/users/invite", "/staff/audit/",
                          "/staff/account/password", "/staff/account/two-factor"],
    "council-moderator@example.org": ["/staff/listings/queue", "/staff/listings/all", "/staff/reviews/",
                                      "/staff/reports/", "/staff/open-data/"],
    "provider@example.org": ["/staff/listings/", "/staff/listings/new"],
}


@pytest.mark.parametrize("width", [1280, 320])
def test_staff_pages_have_no_axe_violations(browser, staff_site, axe_source, width):
    problems = {}
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{staff_site['url']}/staff/sign-in")
    found = run_axe(page, axe_source)
    if found:
        problems["/staff/sign-in"] = found
    for email, paths in STAFF_PAGES.items():
        sign_in(page, staff_site, email)
        visited = list(paths)
        # One page deeper where there is one: a revision, a listing and its history, a report.
        for pattern in ("/staff/listings/revisions/", "/staff/reports/", "/edit"):
            link = page.locator(f"main a[href*='{pattern}']")
            page.goto(f"{staff_site['url']}{paths[0]}")
            if link.count():
                visited.append(link.first.get_attribute("href"))
        if email.startswith("council"):  # the comparison of a new service from an import
            imported = page.locator("main a[href*='/staff/listings/revisions/']", has_text="Community Counselling")
            visited.append(imported.first.get_attribute("href"))
        for path in visited:
            page.goto(f"{staff_site['url']}{path}")
            found = run_axe(page, axe_source)
            if found:
                problems[path] = found
        sign_out(page)
    context.close()
    assert problems == {}
