"""Browser tests: Playwright driving Debian Chromium (never a downloaded browser) against the
demo site served from a thread in this process. Skipped when /usr/bin/chromium is missing,
unless REQUIRE_BROWSER=1 (CI), where a missing browser is a failure."""
from __future__ import annotations

import gc
import os
import re
import threading
from contextlib import contextmanager
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


@pytest.fixture(scope="session")
def live_server(demo_app):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, demo_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    gc.collect()  # collect dropped file handles here, under the browser tests' warning filter


@pytest.fixture
def page_js(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


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


def run_axe(page, axe_source: str) -> list[dict]:
    """WCAG 2.0-2.2 A and AA violations on the page (target-size included via wcag22aa)."""
    page.evaluate(axe_source)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")
    return result


@contextmanager
def serve_demo_site(base: Path, commands: list[list[str]]):
    """A demo site of its own, for journeys that change data: a fresh SQLite database in `base`,
    the CLI `commands` run in order, served from a thread with CSRF switched on as in production.
    Yields the URL, the demo staff password and the app."""
    from werkzeug.serving import make_server

    from localoffer.extensions import db
    from tests.conftest import make_test_app

    app = make_test_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{base / 'demo.db'}",
                        SEARCH_INDEX_DIR=str(base / "index"), INSTANCE_FOLDER=str(base),
                        WTF_CSRF_ENABLED=True)
    with app.app_context():
        db.create_all()
    runner = app.test_cli_runner()
    for args in commands:
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
    password = (base / "demo-password").read_text().strip()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield {"url": f"http://127.0.0.1:{server.server_port}", "password": password, "app": app}
    finally:
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
