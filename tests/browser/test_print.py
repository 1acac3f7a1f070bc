"""On paper (reg 57): service pages, the shortlist, search results and the booklet print as
content only, with web addresses written out and each service kept on one page."""
from __future__ import annotations

HIDDEN = """sels => sels.map(s => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none').length)"""
CHROME = [".govuk-service-navigation", ".govuk-footer", ".lo-language-switcher", ".govuk-phase-banner",
          ".lo-filter-panel", "main .govuk-button", "main form", ".govuk-back-link", ".govuk-pagination"]


def test_pages_print_without_navigation_filters_or_buttons(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(f"{site['url']}/services?need=autism&quadrant=mid&age=8")
    assert page.locator("[data-service-id]").count() > 1
    assert page.evaluate(HIDDEN, CHROME) == [0] * len(CHROME)
    assert page.locator(".lo-result").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"

    service = page.locator("[data-service-id] h3 a").first.get_attribute("href")
    page.goto(f"{site['url']}{service}")
    assert page.evaluate(HIDDEN, CHROME) == [0] * len(CHROME)
    website = page.locator("#contact ~ p a[href^='http']")
    if website.count():  # the provider's website is written out after the link
        after = website.first.evaluate("e => getComputedStyle(e, '::after').content")
        assert website.first.get_attribute("href") in after

    page.goto(f"{site['url']}/booklet/print?need=autism&age=8&quadrant=mid")
    assert page.evaluate(HIDDEN, CHROME) == [0] * len(CHROME)
    cover = page.locator(".lo-booklet__cover").evaluate("e => getComputedStyle(e).breakAfter")
    entries = page.locator(".lo-shortlist-entry")
    assert cover == "page" and entries.count() > 1
    assert entries.first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    # A web address shown as the link's own text is not written out twice.
    url_link = page.locator(".lo-shortlist-entry a.lo-url").first
    assert url_link.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal", '""')
    context.close()
