"""Browser tests: Playwright driving Debian Chromium (never a downloaded browser) against the
demo site served from a thread in this process. Skipped when /usr/bin/chromium is missing,
unless REQUIRE_BROWSER=1 (CI), where a missing browser is a failure."""
from __future__ import annotations

import gc
import os
import re
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Chromium cancels some static-file requests (the favicon) mid-response; the test
            # server's thread then drops the open file, and the garbage collector warns later,
            # inside whichever test is running. That is the development server, not the app.
            item.add_marker(pytest.mark.filterwarnings("ignore::ResourceWarning"))
            item.add_marker(pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
        pytest.skip("Debian chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def page_nojs(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (it is a dev dependency in package.json)")
    return AXE.read_text()


# GOV.UK Frontend's radios script sets aria-expanded on a radio with a conditional reveal, which
# axe reports as aria-allowed-attr (research anchors-reliability §2.3). Only that exact case is
# let through: a .govuk-radios__input whose one disallowed attribute is aria-expanded.
AXE_RUN = """async () => {
    const r = await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values:
        ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}});
    const govukRadio = (v, n) => v.id === 'aria-allowed-attr' && n.target.length === 1
        && document.querySelector(n.target[0])?.matches('.govuk-radios__input[aria-expanded]')
        && [...n.any, ...n.all, ...n.none].every(c => (c.data || []).every(d => String(d).startsWith('aria-expanded')));
    return r.violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.filter(n => !govukRadio(v, n)).map(n => n.target.join(' '))}))
        .filter(v => v.nodes.length)
        .map(v => ({...v, nodes: v.nodes.slice(0, 5)}));
}"""


def run_axe(page, axe_source: str) -> list[dict]:
    """WCAG 2.0-2.2 A and AA violations on the page (target-size included via wcag22aa). A
    context that checks many pages adds axe once with `context.add_init_script(axe_source)`:
    sending half a megabyte of script for every page costs a quarter of the time."""
    if page.evaluate("typeof axe === 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(AXE_RUN)


@pytest.fixture(scope="session")
def site(voice_demo_files):
    """The whole demo (directory, staff, family voice) served with CSRF on, as in production,
    shared by every browser test in the session: the journeys add to it, nothing relies on
    it being untouched."""
    from werkzeug.serving import make_server

    from tests.conftest import app_on_demo_files

    # Static files cached by the browser for the run: no revalidation requests on every page.
    app = app_on_demo_files(voice_demo_files, WTF_CSRF_ENABLED=True, SEND_FILE_MAX_AGE_DEFAULT=3600)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{server.server_port}", "password": voice_demo_files.password, "app": app}
    server.shutdown()
    gc.collect()  # as in live_server


def sign_in(page, site, email):
    page.goto(f"{site['url']}/staff/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", site["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/staff/"))


def sign_out(page):
    page.get_by_role("button", name="Sign out").first.click()
    page.wait_for_url(re.compile(r"/staff/sign-in"))
