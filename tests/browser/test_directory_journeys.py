"""The search page on a phone and on a wide screen: filters fold behind a button on a phone so
results come first, and are simply there on a wide screen or without JavaScript. (Axe on every
page is in test_every_page_axe.py; keyboard-only journeys in test_keyboard_journeys.py.)"""
from __future__ import annotations

import re


def test_on_a_phone_filters_fold_behind_a_button_so_results_come_first(browser, site):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(f"{site['url']}/services?q=autism&need=autism")
    form = page.locator("form#filters")
    button = page.locator("button[aria-controls=filters]")
    assert not form.is_visible() and button.is_visible()
    assert button.inner_text() == "Show filters (1 selected)"
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert form.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert button.inner_text() == "Hide filters (1 selected)"
    # An error in a filter keeps the form open so the error summary link works.
    page.goto(f"{site['url']}/services?age=ten")
    assert page.locator("form#filters").is_visible()
    context.close()


def test_on_a_wide_screen_or_without_javascript_the_filters_are_simply_there(browser, site, page_nojs):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site['url']}/services?q=autism")
    assert page.locator("form#filters").is_visible()
    assert page.get_by_role("button", name=re.compile("Show filters")).count() == 0 or \
        not page.get_by_role("button", name=re.compile("Show filters")).is_visible()
    context.close()
    page_nojs.set_viewport_size({"width": 320, "height": 700})
    page_nojs.goto(f"{site['url']}/services?q=autism")
    assert page_nojs.locator("form#filters").is_visible()
