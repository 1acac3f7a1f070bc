"""Every page of the demo site, for the tests that must see them all: axe in a real browser at
two widths (tests/browser/test_every_page_axe.py) and the pseudo-locale check that no interface
text escapes translation (tests/i18n/test_pseudo_locale.py).

Pages are found by crawling: from the seeds, follow every link on the page, public pages as a
visitor and staff pages signed in as each demo role, and visit one URL for each kind of page
(its endpoint, plus the view argument that picks a different form where there is one). Pages
that only appear after doing something (posting a comment, an emailed link, a form sent with
mistakes) are reached by the tests doing it. `missing_pages` then names any page a test never
reached, so a new page cannot quietly go unchecked."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

# Endpoints that are not pages for people, with the reason.
NOT_PAGES = {
    "static": "files",
    "survey.static": "files",
    "pages.healthz": "JSON for monitoring",
    "directory.search_json": "JSON (the search page is checked)",
    "staff_audit.export": "CSV download",
    "staff_survey.export": "CSV download",
    "staff_opendata.directory_csv": "CSV download",
    "staff_opendata.directory_package": "JSON download",
    "staff_insight.export": "CSV or JSON download (tests/insight compare it with the page)",
    "staff_insight.quadrant_export": "CSV or JSON download (tests/insight compare it with the page)",
    "staff_account.session_status": "JSON for the timeout warning (tests/browser/test_timeout_warning.py)",
    "staff_auth.sign_out": "signs out; the tests sign out through the button on every staff page",
}
NOT_PAGES_PREFIXES = ("api.",)  # the open data API answers JSON, except its documentation page
PAGES_UNDER_NOT_PAGES_PREFIXES = {"api.docs"}

# View arguments that pick a different page (a different form), so each value is checked.
VARIANT_ARGS = ("part", "section", "action", "kind", "name")

PUBLIC_SEEDS = [
    "/", "/services", "/services?q=autism&need=autism&quadrant=mid&age=8", "/services?q=zzzzqqq",
    "/services?age=ten&near=Nowhere-at-all", "/services?near=Chelmsford&sort=distance",
    "/shortlist", "/wall", "/wall/moderation", "/survey", "/survey/results", "/you-said-we-did",
    "/you-said-we-did/annual-report", "/accessibility", "/privacy", "/contact", "/api/oruk/docs",
    "/staff/sign-in", "/account/forgot-password", "/booklet/print?need=autism&age=8&quadrant=mid",
    "/booklet/print?need=nonsense&age=40",
]
# Errors families may meet: a page that does not exist (404), and nonsense in a form (400).
NOT_FOUND = "/services/00000000-0000-0000-0000-000000000000"

# Signed in as each demo role in turn (provider first: its listing pages differ from a
# moderator's), crawling from the staff home.
ROLES = ("provider", "champion", "forum-moderator", "council-moderator", "admin")
PER_ROLE = {"staff_account.home"}  # pages checked once for every role (they differ by role)


def role_email(role: str) -> str:
    return f"{role}@example.org"


def is_page_endpoint(endpoint: str) -> bool:
    if endpoint in NOT_PAGES:
        return False
    return endpoint in PAGES_UNDER_NOT_PAGES_PREFIXES or not endpoint.startswith(NOT_PAGES_PREFIXES)


def all_pages(app) -> set[str]:
    """Every endpoint that answers GET with a page for people."""
    return {rule.endpoint for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and is_page_endpoint(rule.endpoint)}


def page_key(app, url: str) -> str | None:
    """Which kind of page a link goes to (None: not one of our pages)."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and not parts.netloc.startswith("127.0.0.1")
                                                     and parts.netloc != "localhost"):
        return None
    try:
        endpoint, args = app.url_map.bind("localhost").match(parts.path, method="GET")
    except (NotFound, MethodNotAllowed, RequestRedirect):
        return None
    if not is_page_endpoint(endpoint):
        return None
    variant = "&".join(f"{k}={args[k]}" for k in VARIANT_ARGS if k in args)
    return f"{endpoint}?{variant}" if variant else endpoint


def endpoint_of(key: str) -> str:
    return key.split("?", 1)[0]


class Crawl:
    """Visit one URL for each kind of page reachable from the seeds.

    `visit(url)` loads a page and returns the links on it, or None when the URL did not give a
    page (a redirect: another URL for the same kind of page is tried later)."""

    def __init__(self, app, visit: Callable[[str], list[str] | None]):
        self.app = app
        self.visit = visit
        self.seen: dict[str, str] = {}  # page key -> URL checked
        self._tried: set[tuple[str, str]] = set()

    def run(self, seeds: Iterable[str], *, in_scope: Callable[[str], bool], role: str = "") -> None:
        queue = list(seeds)
        while queue:
            url = queue.pop(0)
            path = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
            key = page_key(self.app, path)
            if key is None or (role, path) in self._tried:
                continue
            seeded = url in seeds
            per_role_key = f"{key}@{role}" if endpoint_of(key) in PER_ROLE else key
            if per_role_key in self.seen and not seeded:
                continue
            self._tried.add((role, path))
            links = self.visit(path)
            if links is None:
                continue
            self.seen.setdefault(per_role_key, path)
            queue.extend(link for link in links if in_scope(urlsplit(link).path))

    def endpoints(self) -> set[str]:
        return {endpoint_of(key.split("@", 1)[0]) for key in self.seen}


def public_scope(path: str) -> bool:
    return not path.startswith(("/staff", "/account", "/listing-check", "/api/oruk/", "/wall/follow/"))


def staff_scope(path: str) -> bool:
    return path.startswith("/staff/")


def missing_pages(app, reached: set[str]) -> list[str]:
    return sorted(all_pages(app) - reached)


def post_waiting_for_review(app) -> int:
    """A wall post a moderator can still decide on."""
    from sqlalchemy import select

    from localoffer.extensions import db
    from localoffer.models import WallPost

    with app.app_context():
        post = db.session.scalars(select(WallPost.id).where(WallPost.status == "awaiting-review",
                                                            WallPost.entered_by_id.is_(None)).limit(1)).first()
        db.session.remove()
    return post


def state_pages(app, role: str) -> list[str]:
    """Pages a role only has links to for records in a particular state (a disputed post,
    another user, a listing with no change waiting...), found in the demo data."""
    from sqlalchemy import select

    from localoffer.data import revisions
    from localoffer.extensions import db
    from localoffer.models import AnnualReport, Service, User, WallPost, YouSaidWeDid

    def first(stmt):
        return db.session.scalars(stmt.limit(1)).first()

    pages: list[str] = []
    with app.app_context():
        if role == "council-moderator":
            waiting = first(select(WallPost.id).where(WallPost.status == "awaiting-review", WallPost.entered_by_id.is_(None)))
            pages.append(f"/staff/wall/{waiting}/publish")
            for status, action in (("disputed", "resolve"), ("hidden", "restore")):
                post = first(select(WallPost.id).where(WallPost.status == status))
                if post:
                    pages.append(f"/staff/wall/{post}/{action}")
            post = first(select(WallPost.id).where(WallPost.status == "refusal-proposed",
                                                   WallPost.refusal_proposed_by == "forum"))
            if post:
                pages.append(f"/staff/wall/{post}/refusal")
            reference = first(select(YouSaidWeDid.reference).order_by(YouSaidWeDid.id))
            pages += [f"/staff/you-said-we-did/{reference}/progress", f"/staff/you-said-we-did/{reference}/publish-alone"]
            report = first(select(AnnualReport.id).order_by(AnnualReport.id))
            pages.append(f"/staff/you-said-we-did/annual-reports/{report}/statement")
        elif role == "forum-moderator":
            post = first(select(WallPost.id).where(WallPost.status == "refusal-proposed",
                                                   WallPost.refusal_proposed_by == "council"))
            if post:
                pages.append(f"/staff/wall/{post}/refusal")
        elif role == "admin":
            other = first(select(User.id).where(User.role == "champion"))
            pages += [f"/staff/users/{other}/role", f"/staff/users/{other}/confirm/disable"]
        elif role == "provider":
            organisation = first(select(User.organisation_id).where(User.email == role_email("provider")))
            for service in db.session.scalars(select(Service).where(Service.organisation_id == organisation)):
                if revisions.open_revision(service.id) is None:
                    pages.append(f"/staff/listings/{service.id}/edit/about")
                    break
        db.session.remove()
    return pages
