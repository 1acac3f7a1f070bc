"""A family finding a service in a real browser: by keyboard with JavaScript, and with
JavaScript switched off; axe finds no WCAG 2.2 A/AA violations on the directory pages."""
from __future__ import annotations

import re

import pytest

from .conftest import run_axe

DIRECTORY_PAGES = ["/", "/services", "/services?q=autism&need=autism&quadrant=mid&age=8",
                   "/services?q=zzzzqqq", "/shortlist", "/accessibility"]


def _first_service_path(page, base):
    page.goto(f"{base}/services?need=autism")
    return page.locator("[data-service-id] a").first.get_attribute("href")


def test_search_filter_open_and_shortlist_without_javascript(page_nojs, live_server):
    page = page_nojs
    page.goto(f"{live_server}/")
    page.fill("input[name=q]", "autism")
    page.locator("main form button, main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/services\?"))
    before = len(page.locator("[data-service-id]").all())
    assert before > 0

    page.check("input[name=quadrant][value=south]")
    page.locator("form:has(input[name=quadrant]) button").first.click()
    page.wait_for_url(re.compile(r"quadrant=south"))
    assert page.locator("[data-service-id]").count() > 0

    page.locator("[data-service-id] a").first.click()
    heading = page.locator("h1").inner_text()
    page.get_by_role("button", name=re.compile("Add to shortlist", re.I)).click()
    page.goto(f"{live_server}/shortlist")
    assert heading in page.locator("main").inner_text()


def test_keyboard_only_search_with_visible_focus(page_js, live_server):
    page = page_js
    page.goto(f"{live_server}/")
    page.keyboard.press("Tab")  # skip link first
    focused = page.evaluate("document.activeElement.textContent")
    assert "Skip to main content" in focused
    page.focus("input[name=q]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + "
                            "getComputedStyle(document.activeElement).boxShadow")
    assert outline.split()[0] != "none" or "rgb" in outline, "the search box shows no focus indicator"
    page.keyboard.type("speech therapy")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/services\?"))
    assert page.locator("[data-service-id]").count() > 0


@pytest.mark.parametrize("width", [1280, 320])
def test_directory_pages_have_no_axe_violations(browser, live_server, axe_source, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    paths = DIRECTORY_PAGES + [_first_service_path(page, live_server)]
    failures = {}
    for path in paths:
        page.goto(f"{live_server}{path}")
        violations = run_axe(page, axe_source)
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


def test_no_horizontal_scroll_at_320px(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    for path in ["/", "/services?q=autism"]:
        page.goto(f"{live_server}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320px by {overflow}px"
    context.close()


def test_on_a_phone_filters_fold_behind_a_button_so_results_come_first(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(f"{live_server}/services?q=autism&need=autism")
    form = page.locator("form#filters")
    button = page.locator("button[aria-controls=filters]")
    assert not form.is_visible() and button.is_visible()
    assert button.inner_text() == "Show filters (1 selected)"
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert form.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert button.inner_text() == "Hide filters (1 selected)"
    # An error in a filter keeps the form open so the error summary link works.
    page.goto(f"{live_server}/services?age=ten")
    assert page.locator("form#filters").is_visible()
    context.close()


def test_on_a_wide_screen_or_without_javascript_the_filters_are_simply_there(browser, live_server, page_nojs):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server}/services?q=autism")
    assert page.locator("form#filters").is_visible()
    assert page.get_by_role("button", name=re.compile("Show filters")).count() == 0 or \
        not page.get_by_role("button", name=re.compile("Show filters")).is_visible()
    context.close()
    page_nojs.set_viewport_size({"width": 320, "height": 700})
    page_nojs.goto(f"{live_server}/services?q=autism")
    assert page_nojs.locator("form#filters").is_visible()
