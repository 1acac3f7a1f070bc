"""The staff timeout warning in a real browser (WCAG 2.2.1): two minutes before the 30-minute
idle sign-out a dialog offers to stay signed in, by keyboard; when the time has run out the
page says so and keeps what was typed, which is sent after signing in again in another tab.
The browser's clock is moved on (Playwright's clock) and the server's session aged to match."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from localoffer.extensions import db
from localoffer.models import User

from tests.staff.accounts import age_sessions

from .conftest import run_axe, sign_in
from .test_keyboard_journeys import FOCUS

PROVIDER = "provider@example.org"


def _age(site, email, idle):
    with site["app"].app_context():
        age_sessions(db.session.query(User).filter_by(email=email).one(), idle=idle)


def _open_about_form(page, site):
    page.goto(f"{site['url']}/staff/listings/")
    page.locator("main tr:not(:has-text('Waiting')):not(:has-text('Draft')):not(:has-text('not approved'))"
                 " a[href$='/edit']").first.click()
    page.locator("a[href$='/edit/about']").first.click()


@pytest.fixture
def staff_page(browser, site):
    """A provider signed in on a small phone's width, in a browser whose clock the test moves."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.clock.install()
    sign_in(page, site, PROVIDER)
    page.wait_for_load_state("networkidle")  # the page's timers are set once its scripts have run
    yield page
    context.close()


def test_staff_are_warned_two_minutes_before_and_can_stay_signed_in_by_keyboard(staff_page, site, axe_source):
    page = staff_page
    dialog = page.locator("dialog[data-lo-timeout]")
    page.clock.fast_forward("20:00")
    assert not dialog.is_visible()  # the server still has 30 minutes: nothing yet

    _age(site, PROVIDER, timedelta(minutes=28, seconds=30))
    page.clock.fast_forward("08:30")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "timeout-warning-title"
    assert re.search(r"sign you out in (2 minutes|1 minute|\d+ seconds) if you do nothing", dialog.inner_text())
    assert run_axe(page, axe_source) == []

    page.keyboard.press("Tab")
    focus = page.evaluate(FOCUS, "button")
    assert focus["ok"] and "Stay signed in" in focus["what"], focus
    with page.expect_response(re.compile(r"/staff/session/stay-signed-in$")):
        page.keyboard.press("Enter")
    dialog.wait_for(state="hidden")
    state = page.evaluate("fetch('/staff/session').then(r => r.json())")
    assert state["signed_in"] and state["seconds_left"] >= 29 * 60


def test_escape_also_means_stay_signed_in(staff_page, site):
    page = staff_page
    _age(site, PROVIDER, timedelta(minutes=28, seconds=30))
    page.clock.fast_forward("28:00")
    page.locator("dialog[data-lo-timeout]").wait_for(state="visible")
    with page.expect_response(re.compile(r"/staff/session/stay-signed-in$")):
        page.keyboard.press("Escape")
    assert page.evaluate("fetch('/staff/session').then(r => r.json())")["seconds_left"] >= 29 * 60


def test_when_time_runs_out_what_was_typed_stays_and_is_sent_after_signing_in_again(staff_page, site):
    page = staff_page
    _open_about_form(page, site)
    words = "Typed just before lunch: open on Saturdays from January."
    page.fill("textarea[name=summary]", words)
    page.wait_for_load_state("networkidle")

    _age(site, PROVIDER, timedelta(minutes=31))
    page.clock.fast_forward("28:00")
    signed_out = page.get_by_role("heading", name="You have been signed out")
    signed_out.wait_for()
    assert page.input_value("textarea[name=summary]") == words

    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Sign in again (opens in new tab)").click()
    tab = new_tab.value
    tab.fill("input[name=email]", PROVIDER)
    tab.fill("input[name=password]", site["password"])
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(re.compile(r"/staff/"))
    tab.close()

    page.get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Save and continue").click()
    # Either saved, or shown again with the words kept (the form's token belonged to the old session).
    if page.locator("textarea[name=summary]").count():
        assert page.input_value("textarea[name=summary]") == words
    else:
        assert words in page.locator("main").inner_text()


@pytest.mark.parametrize("javascript", [False, True], ids=["without JavaScript", "with JavaScript"])
def test_a_form_sent_after_the_time_ran_out_shows_what_was_typed(browser, site, axe_source, javascript):
    """Without JavaScript there is no warning; with it, the warning may have been missed (the
    computer was asleep). Either way the words come back on a page that passes axe."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    sign_in(page, site, PROVIDER)
    _open_about_form(page, site)
    words = "Written just before lunch, sent after it."
    page.fill("textarea[name=summary]", words)
    _age(site, PROVIDER, timedelta(minutes=31))
    page.get_by_role("button", name="Save and continue").click()
    assert page.get_by_role("heading", name="You have been signed out").is_visible()
    assert words in page.locator("main").inner_text()
    if javascript:  # axe runs in the page
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 800})
            assert run_axe(page, axe_source) == [], width
    context.close()
