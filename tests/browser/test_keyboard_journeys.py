"""The main journeys with only a keyboard (Tab, Enter, Space and typing), once with JavaScript
and once without: search, filter, open a service and add it to the shortlist; post on the wall;
answer the survey. At every step the focused element must show the GOV.UK focus style (the
yellow #ffdd00, computed on document.activeElement, or on the label of a radio or checkbox)
and must not be hidden off screen or under anything else (WCAG 2.4.7, 2.4.11)."""
from __future__ import annotations

import re

import pytest

FOCUS = """(wanted) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return {ok: false, why: 'nothing has focus'};
    const yellow = 'rgb(255, 221, 0)';
    const shows = s => s.outlineStyle !== 'none' && s.outlineColor === yellow && parseFloat(s.outlineWidth) >= 2
        || s.backgroundColor === yellow || s.boxShadow.includes(yellow) || s.borderColor === yellow;
    let box = el, styled = shows(getComputedStyle(el));
    if (el.matches('.govuk-radios__input, .govuk-checkboxes__input')) {
        box = el.parentElement.querySelector('label');  // the input is see-through; its label draws the box
        styled = styled || shows(getComputedStyle(box, '::before'));
    }
    const r = box.getBoundingClientRect();
    const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const uncovered = !!hit && (el.contains(hit) || hit.contains(el) || box.contains(hit));
    const name = (el.getAttribute('aria-label') || el.textContent || el.value || el.name || '').trim().slice(0, 50);
    return {ok: styled && inView && uncovered, styled, inView, uncovered, what: el.tagName + ' ' + name,
            arrived: !!wanted && el.matches(wanted)};
}"""


class Keyboard:
    """Moves through a page with the keyboard only, checking the focus at every step."""

    def __init__(self, page, url):
        self.page, self.url, self.steps = page, url, 0

    def tab_to(self, selector: str, limit: int = 120) -> None:
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            self.steps += 1
            focus = self.page.evaluate(FOCUS, selector)
            assert focus["ok"], f"on {self.page.url}, focus is not visible: {focus}"
            if focus["arrived"]:
                return
        raise AssertionError(f"{selector} not reached with Tab on {self.page.url}")

    def press(self, key: str, *, navigates: bool = True) -> None:
        if navigates:
            with self.page.expect_navigation():
                self.page.keyboard.press(key)
        else:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)


def _find_open_and_shortlist(keys: Keyboard) -> None:
    page = keys.page
    page.goto(f"{keys.url}/")
    keys.tab_to(".govuk-skip-link")
    keys.tab_to("input[name=q]")
    keys.type("autism")
    keys.press("Enter")
    assert "/services?" in page.url and page.locator("[data-service-id]").count() > 0
    # Filter: tick Mid Essex with Space, then apply the filters with Enter.
    keys.tab_to("input[name=quadrant][value=mid]")
    keys.press("Space", navigates=False)
    assert page.locator("input[name=quadrant][value=mid]").is_checked()
    keys.tab_to("form#filters button")
    keys.press("Enter")
    assert "quadrant=mid" in page.url
    keys.tab_to("[data-service-id] h3 a")
    name = page.evaluate("document.activeElement.textContent.trim()")
    keys.press("Enter")
    assert page.locator("h1").inner_text().strip() == name
    keys.tab_to("main form[action='/shortlist/add'] button")
    keys.press("Enter")
    assert "on your shortlist" in page.locator("main").inner_text()
    keys.tab_to("main a[href='/shortlist']")
    keys.press("Enter")
    assert name in page.locator("main").inner_text()


def _post_on_the_wall(keys: Keyboard) -> None:
    page = keys.page
    page.goto(f"{keys.url}/wall")
    keys.tab_to("main a[href='/wall/new']")
    keys.press("Enter")
    keys.tab_to("textarea[name=text]")
    keys.type("A quiet room at the swimming pool would help us a lot.")
    keys.tab_to("input[name=quadrant]")
    keys.press("Space", navigates=False)
    keys.tab_to("input[name=consent]")
    keys.press("Space", navigates=False)
    keys.tab_to("main form button")
    keys.press("Enter")
    assert "Comment sent" in page.locator("main").inner_text() and page.locator("#follow-link").count()


def _answer_the_survey(keys: Keyboard) -> None:
    page = keys.page
    page.goto(f"{keys.url}/survey")
    keys.tab_to("main a[href^='/survey/q/']")
    keys.press("Enter")
    while "/survey/q/" in page.url:
        if page.locator("main textarea").count():
            keys.tab_to("main textarea")
            keys.type("More short breaks in the holidays.")
        else:
            keys.tab_to("main input[type=radio], main input[type=checkbox]")
            keys.press("Space", navigates=False)
        keys.tab_to("main form button")
        keys.press("Enter")
    assert "/survey/check" in page.url
    keys.tab_to("main form button")
    keys.press("Enter")
    assert "/survey/done" in page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_journeys_work_with_a_keyboard_alone_and_focus_always_shows(browser, site, javascript):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    keys = Keyboard(context.new_page(), site["url"])
    _find_open_and_shortlist(keys)
    _post_on_the_wall(keys)
    _answer_the_survey(keys)
    context.close()
    assert keys.steps > 50  # it really walked the pages
