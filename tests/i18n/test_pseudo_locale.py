"""No interface text escapes translation.

At test time every extracted message is 'translated' into a pseudo-locale as itself between
⟦ and ⟧; the demo site is rendered in that language and any visible text outside the markers
fails the test, unless it is data: what providers wrote in their listings, names, what families
and staff wrote, numbers and dates. This is how we know that a Polish or Romanian family sees
no English interface text once the catalogues are complete. Every page the crawler reaches is
checked, public and staff, with forms sent with mistakes."""
from __future__ import annotations

import json
import os
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from babel.dates import get_date_format, get_day_names, get_month_names
from bs4 import BeautifulSoup
from sqlalchemy import JSON, String, Text, select

from localoffer.extensions import db
from localoffer.vocab import QUADRANT_DISTRICTS

from ..conftest import app_on_demo_files
from ..site_pages import NOT_FOUND, PUBLIC_SEEDS, ROLES, Crawl, public_scope, role_email, staff_scope
from .catalogue import PSEUDO_LOCALE, write_pseudo_catalogue
from .unmarked import unmarked_text

COMMENT = "More quiet sessions at the swimming pool, please."
# It renders its own SQLite copy of the demo: the PostgreSQL run of the suite adds nothing to it.
pytestmark = pytest.mark.skipif(os.environ.get("DB_BACKEND") == "postgres", reason="already run on SQLite")

# Columns holding interface text our code wrote (shown translated), so never data.
NOT_DATA = {("survey", "title"), ("survey", "introduction"), ("survey_question", "text"),
            ("survey_question", "hint"), ("survey_question", "options"), ("survey_question", "chart_label")}


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _data_corpus(app) -> str:
    """Every piece of text in the database that is data, and the place names and contact
    details from configuration, one per line."""
    values: list[str] = []
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))
                   and (table.name, c.name) not in NOT_DATA]
        if columns:
            for row in db.session.execute(select(*columns)):
                values.extend(s for v in row for s in _strings(v))
    values += [d for districts in QUADRANT_DISTRICTS.values() for d in districts]
    values += [v for v in app.config.values() if isinstance(v, str)]
    # What the tests type: search words and places in the seeds, and the comment they post.
    values += [v for seed in PUBLIC_SEEDS for k, v in parse_qsl(urlsplit(seed).query) if k in ("q", "near")]
    values.append(COMMENT)
    return "\n".join(" ".join(v.split()) for v in values if v)


def _date_words(locale: str) -> set[str]:
    """Words a date can contain in the locale (from CLDR, not our catalogue): month and day
    names, and the literal words in its date patterns (Esperanto writes 'la 1-a de ...')."""
    words = {w for names in (get_month_names("wide", "format", locale), get_month_names("wide", "stand-alone", locale),
                             get_day_names("wide", "format", locale)) for w in names.values()}
    for width in ("short", "medium", "long", "full"):
        literals = re.findall(r"'([^']+)'", get_date_format(width, locale).pattern)
        words.update(w for literal in literals for w in re.split(r"[\s\-]+", literal) if w)
    return words


class PseudoSite:
    """A client on the demo data in the pseudo-locale, collecting untranslated text by page."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()
        self.corpus = _data_corpus(app)
        self.date_words = _date_words(PSEUDO_LOCALE)
        self.problems: dict[str, list[str]] = {}

    def is_data(self, text: str) -> bool:
        text = text.strip(" .,:;–-…()")
        if not text:
            return True
        if all(w in self.date_words or not re.search(r"[^\W\d_]", w) for w in re.split(r"[\s,.\-']+", text) if w):
            return True  # a date in the locale's own words (from CLDR, not our catalogue)
        # Data with numbers formatted in the language around it ("£39,00 per term").
        words = " ".join(w for w in text.split() if re.search(r"[^\W\d_]", w))
        return text in self.corpus or (words != text and words in self.corpus)

    def request(self, path: str, *, method: str = "get", data=None, status=(200,)):
        separator = "&" if "?" in path else "?"
        response = getattr(self.client, method)(f"{path}{separator}lang={PSEUDO_LOCALE}", data=data)
        assert response.status_code in status, (method, path, response.status_code)
        if response.status_code < 300 or response.status_code >= 400:
            self.check(f"{method.upper()} {path}", response)
        return response

    def check(self, name: str, response) -> None:
        if not response.content_type.startswith("text/html"):
            return
        html = response.get_data(as_text=True)
        assert f'<html lang="{PSEUDO_LOCALE}"' in html, name
        found = unmarked_text(html, self.is_data)
        if found:  # the crawl itself writes data (audit rows for downloads): read it again
            with self.app.app_context():
                self.corpus = _data_corpus(self.app)
                db.session.remove()
            found = unmarked_text(html, self.is_data)
        if found:
            self.problems[name] = found

    def visit(self, path: str) -> list[str] | None:
        """For the crawler: check a page and return its links (None if it was not a page)."""
        response = self.request(path, status=(200, 302, 303))
        if response.status_code != 200 or not response.content_type.startswith("text/html"):
            return None
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        return [a["href"] for a in soup.select("a[href]")]

    def sign_in(self, role: str) -> None:
        self.client.post("/staff/sign-in", data={"email": role_email(role), "password": self.app.demo_password})

    def sign_out(self) -> None:
        self.client.post("/staff/sign-out")


@pytest.fixture(scope="module")
def site(voice_demo_files, tmp_path_factory):
    folder = write_pseudo_catalogue(tmp_path_factory.mktemp("pseudo-translations"))
    app = app_on_demo_files(voice_demo_files, BABEL_TRANSLATION_DIRECTORIES=str(folder),
                            LANGUAGES=("en", "pl", "ro", PSEUDO_LOCALE))
    app.demo_password = voice_demo_files.password
    with app.app_context():
        site = PseudoSite(app)
        db.session.remove()
    # Requests run outside that app context: each gets its own, as in production.
    yield site
    with app.app_context():
        db.engine.dispose()


def _answer_the_survey(site: PseudoSite) -> None:
    """Every question page in turn, answering with the first choice, then check and send."""
    page = site.request("/survey")
    path = urlsplit(BeautifulSoup(page.get_data(as_text=True), "html.parser")
                    .select_one("main a[href^='/survey/q/']")["href"]).path
    while path.startswith("/survey/q/"):
        site.request(path, method="post", data={}, status=(200, 302))  # no answer: an error, if required
        form = BeautifulSoup(site.request(path).get_data(as_text=True), "html.parser").select_one("main form")
        choice = form.select_one("input[type=radio], input[type=checkbox]")
        response = site.request(path, method="post", data={"answer": choice["value"] if choice else "Short breaks."},
                                status=(302,))
        path = urlsplit(response.headers["Location"]).path
    site.request(path)
    done = site.request(path, method="post", data={}, status=(302,))
    site.request(urlsplit(done.headers["Location"]).path)


def _public_actions(site: PseudoSite, crawl: Crawl) -> None:
    services = [url for key, url in crawl.seen.items() if key == "directory.service"]
    service = services[0]
    site.request(NOT_FOUND, status=(404,))
    site.request("/shortlist/add", method="post", data={}, status=(400,))
    site.request("/shortlist/add", method="post", data={"service_id": service.rsplit("/", 1)[1]}, status=(302,))
    site.request("/shortlist")
    site.request(f"{service}/report-a-problem", method="post", data={})
    site.request("/wall/new", method="post", data={"text": ""})
    sent = site.request("/wall/new", method="post", status=(302,),
                        data={"text": COMMENT, "consent": "yes"})
    follow = BeautifulSoup(site.request(urlsplit(sent.headers["Location"]).path).get_data(as_text=True),
                           "html.parser").select_one("#follow-link")["href"]
    crawl.run([urlsplit(follow).path], in_scope=lambda path: path.startswith("/wall/follow/"))
    site.request("/staff/sign-in", method="post", data={"email": "nobody@example.org", "password": "wrong"})
    _answer_the_survey(site)


def test_every_page_is_in_the_visitors_language(site):
    crawl = Crawl(site.app, site.visit)
    crawl.run(PUBLIC_SEEDS, in_scope=public_scope)
    _public_actions(site, crawl)
    for role in ROLES:
        site.sign_in(role)
        crawl.run(["/staff/"], in_scope=staff_scope, role=role)
        site.sign_out()
    assert len(crawl.seen) > 60, json.dumps(crawl.seen, indent=1)
    assert site.problems == {}, json.dumps(site.problems, indent=1, ensure_ascii=False)
