"""Every public page and every staff page of the demo, checked with axe (WCAG 2.0-2.2 A and AA,
target size included) in Chromium at 1280 and at 320 pixels wide: zero violations.

The pages are found by crawling (tests/site_pages.py): public pages as a visitor, staff pages
signed in as each demo role; pages that only appear after doing something are reached by doing
it (forms sent with mistakes, a comment posted, the survey answered, emailed links followed).
The test then names any page it never reached. Each page is loaded once and checked at
1280 pixels, then the window is narrowed to 320 (as a phone, or zooming to 400 %, would lay it
out) and checked again: a second load of every page would only repeat the same server work."""
from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest

from localoffer.mail import outbox

from ..site_pages import (NOT_FOUND, PUBLIC_SEEDS, ROLES, Crawl, endpoint_of, missing_pages, page_key,
                          post_waiting_for_review, public_scope, role_email, staff_scope, state_pages)
from .conftest import run_axe, sign_in, sign_out

LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# After a resize: two frames, so media-query listeners (the filter panel, GOV.UK's navigation) have run.
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
WIDTHS = (1280, 320)
HEIGHT = 900


class Checker:
    """Runs axe on each page the browser lands on and remembers what it reached."""

    def __init__(self, page, site, axe_source):
        self.page, self.site, self.axe = page, site, axe_source
        self.app = site["app"]
        self.problems: dict[str, object] = {}
        self.reached: set[str] = set()
        self.checked, self.axe_seconds = 0, 0.0

    def here(self, name: str | None = None) -> None:
        """Check the page the browser is on now."""
        path = urlsplit(self.page.url).path
        name = name or path
        if self.page.title().startswith("Internal Server Error"):
            self.problems[name] = "server error"
            return
        for width in WIDTHS:
            if width != WIDTHS[0]:
                self.page.set_viewport_size({"width": width, "height": HEIGHT})
                self.page.evaluate(SETTLED)
            started = time.perf_counter()
            found = run_axe(self.page, self.axe)
            self.axe_seconds += time.perf_counter() - started
            self.checked += 1
            if found:
                self.problems[f"{name} ({width}px)"] = found
            if width == 320 and public_scope(path):
                sideways = self.page.evaluate(SIDEWAYS)
                if sideways > 0:
                    self.problems[f"{name} (320px)"] = f"scrolls sideways by {sideways}px"
        self.page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        key = page_key(self.app, path)
        if key:
            self.reached.add(endpoint_of(key))

    def visit(self, path: str) -> list[str] | None:
        """For the crawler: open a page, check it, and return its links (None after a redirect)."""
        self.page.goto(self.site["url"] + path)
        if urlsplit(self.page.url).path != urlsplit(path).path:
            return None
        self.here(path)
        return self.page.evaluate(LINKS)

    def open(self, path: str) -> None:
        self.page.goto(self.site["url"] + path)

    def send_empty(self, path: str, button: str | None = None) -> None:
        """Open a form and send it without filling it in: the page with its error messages."""
        self.open(path)
        form = self.page.locator("main form[method=post], main form[method=POST]").filter(
            has=self.page.locator("input:not([type=hidden]), textarea, select")).first
        target = form.get_by_role("button", name=button) if button else form.locator("button[type=submit], button:not([type])").last
        with self.page.expect_navigation():
            target.click()
        assert self.page.locator(".govuk-error-summary").count(), f"{path}: sending it empty showed no errors"
        self.here(f"{path} (with errors)")


def _services(crawl: Crawl) -> str:
    return next(url for key, url in crawl.seen.items() if key == "directory.service")


def _public_actions(check: Checker, crawl: Crawl) -> None:
    page = check.page
    check.open(NOT_FOUND)
    check.here("404")
    # A form posted without its CSRF token: the 400 page.
    check.open("/contact")
    with page.expect_navigation():
        page.evaluate("""() => { const f = document.createElement('form'); f.method = 'post';
            f.action = '/shortlist/add'; document.body.append(f); f.submit(); }""")
    check.here("400")
    # A service on the shortlist, and forms sent with mistakes.
    service = _services(crawl)
    check.open(service)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Add to shortlist")).first.click()
    check.visit("/shortlist")
    check.send_empty(f"{service}/report-a-problem")
    page.locator("input[name=reason]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send report").click()
    check.here()
    check.send_empty("/wall/new")
    check.send_empty("/account/forgot-password")
    check.open("/staff/sign-in")
    page.fill("input[name=email]", "nobody@example.org")
    page.fill("input[name=password]", "not a password of anybody")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    check.here("/staff/sign-in (wrong password)")
    # A comment posted: the confirmation, then the private follow pages.
    check.open("/wall/new")
    page.fill("textarea[name=text]", "Quiet sessions at the library would help my daughter.")
    page.locator("input[name=consent]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send comment").click()
    check.here()
    follow = urlsplit(page.locator("#follow-link").get_attribute("href")).path
    crawl.run([follow], in_scope=lambda path: path.startswith("/wall/follow/"))
    _survey(check)
    check.open("/account/forgot-password")
    page.fill("input[name=email]", role_email("provider"))
    with page.expect_navigation():
        page.locator("main form button").first.click()
    check.here()
    check.open(_emailed_link(check, "/account/reset/"))
    check.here()


def _survey(check: Checker) -> None:
    """The survey's pages, once for each kind of question, with an error, then check and send."""
    page = check.page
    check.open("/survey")
    with page.expect_navigation():
        page.locator("main a[href^='/survey/q/']").first.click()
    check.send_empty(urlsplit(page.url).path)
    kinds_seen: set[str] = set()
    while "/survey/q/" in page.url:
        kind = page.evaluate("""() => document.querySelector('main textarea') ? 'text'
            : document.querySelector('main input[type=checkbox]') ? 'checkboxes'
            : document.querySelectorAll('main input[type=radio]').length + ' radios'""")
        if kind not in kinds_seen:
            kinds_seen.add(kind)
            check.here(f"{urlsplit(page.url).path} ({kind})")
        if kind == "text":
            page.fill("main textarea", "More short breaks in the holidays.")
        else:
            page.locator("main input[type=radio], main input[type=checkbox]").first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
    check.here()
    with page.expect_navigation():
        page.get_by_role("button", name="Send your answers").click()
    check.here()


def _emailed_link(check: Checker, prefix: str) -> str:
    with check.app.app_context():
        body = outbox()[-1].body
    return urlsplit(re.search(r"https?://\S+" + re.escape(prefix) + r"\S+", body).group(0)).path


def _staff_actions(check: Checker, role: str, crawl: Crawl) -> None:
    page = check.page
    if role == "provider":
        check.send_empty("/staff/listings/new")
    elif role == "champion":
        check.send_empty("/staff/champion/wall/new")
        check.send_empty("/staff/survey/enter")
        _enter_survey_answers(check)
    elif role == "forum-moderator":
        check.send_empty("/staff/you-said-we-did/new")
    elif role == "council-moderator":
        check.send_empty(f"/staff/wall/{post_waiting_for_review(check.app)}/not-publish")
        check.open("/staff/reviews/")
        with page.expect_navigation():
            page.locator("main form[action$='/remind'] button").first.click()
        check.open(_emailed_link(check, "/listing-check/"))
        check.here()
    elif role == "admin":
        check.send_empty("/staff/users/invite")
        check.send_empty("/staff/account/password")
        check.open("/staff/users/invite")
        page.fill("input[name=email]", "new.person@example.org")
        page.fill("input[name=name]", "New Person")
        page.locator("input[name=role][value=champion]").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Send invitation").click()
        invitation = _emailed_link(check, "/account/invitation/")
        sign_out(page)
        check.open(invitation)
        check.here()
        _two_factor_code_page(check)


def _enter_survey_answers(check: Checker) -> None:
    """A champion entering a family's survey answers: first how they heard from the family."""
    page = check.page
    check.open("/staff/survey/enter")
    form = page.locator("main form").first
    for name in page.evaluate("() => [...new Set([...document.querySelectorAll('main input[type=radio]')].map(i => i.name))]"):
        form.locator(f"input[name='{name}']").first.check()
    for box in form.locator("input[type=checkbox]").all():
        box.check()
    for field in form.locator("input[type=text]").all():
        field.fill("Harlow family group")
    with page.expect_navigation():
        form.locator("button").last.click()
    check.here()


def _two_factor_code_page(check: Checker) -> None:
    """A moderator with two-factor sign-in on, between their password and their code."""
    from ..staff.accounts import PASSWORD, enrol_totp, make_user

    email = "two-factor@example.org"
    with check.app.app_context():
        enrol_totp(make_user("council_moderator", email=email))
    check.open("/staff/sign-in")
    check.page.fill("input[name=email]", email)
    check.page.fill("input[name=password]", PASSWORD)
    check.page.get_by_role("button", name="Sign in").click()
    check.page.wait_for_url(re.compile(r"/staff/sign-in/code"))
    check.here()


def test_every_page_has_no_axe_violations_at_1280_and_320_pixels(browser, site, axe_source):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
    context.set_default_timeout(10_000)
    context.add_init_script(axe_source)
    page = context.new_page()
    check = Checker(page, site, axe_source)
    crawl = Crawl(site["app"], check.visit)
    crawl.run(PUBLIC_SEEDS, in_scope=public_scope)
    _public_actions(check, crawl)
    for role in ROLES:
        sign_in(page, site, role_email(role))
        crawl.run(["/staff/", *state_pages(site["app"], role)], in_scope=staff_scope, role=role)
        _staff_actions(check, role, crawl)
        if role != "admin":  # the admin's actions end signed out
            check.open("/staff/")
            sign_out(page)
    context.close()
    print(f"axe: {check.checked} checks ({len(WIDTHS)} widths a page), {check.axe_seconds:.1f}s in axe")
    assert check.problems == {}
    missing = missing_pages(site["app"], check.reached)
    assert missing == [], f"pages no test reached (see tests/site_pages.py): {missing}"
