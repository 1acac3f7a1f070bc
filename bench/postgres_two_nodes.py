"""Two web nodes, one PostgreSQL: do they answer exactly as one process does?

    DATABASE_URL=postgresql://... .venv/bin/python bench/postgres_two_nodes.py [--ports 5071 5072]

Needs a migrated PostgreSQL database with services (`flask db upgrade`, `flask demo load
[--synthetic N]`). Brings the search entries up to date (`search check || search rebuild`),
starts two gunicorn servers (one sync worker each) with SEARCH_BACKEND=postgres on two ports,
then:
1. sends the fixed query set (bench/queries.py) to `/services.json` on both nodes and runs the
   same searches in this process (the "one process" answer); compares total, result ids in
   order, every facet count, spelling suggestion and distances;
2. signs in as a council moderator on node A, renames a listing through the staff pages
   (`/staff/listings/<id>/change/about`), and times how long until node B's search finds the
   new name (and no longer the old one); then puts the name back the same way.
Prints the figures, writes bench/results/postgres-two-nodes.json, stops both servers. Prints
numbers; never fails a test run (exit 1 only if the nodes disagree).
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.queries import query_set  # noqa: E402

FLASK = [str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi"]
MODERATOR = "bench.moderator@example.org"
COMPARED = ("total", "page", "pages", "facets", "suggestion", "showing_corrected", "near")


def environment(database_url: str) -> dict[str, str]:
    return dict(os.environ, DATABASE_URL=database_url, SEARCH_BACKEND="postgres", LOCALOFFER_ENV="development")


def start_node(port: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "--workers", "1", "--bind",
                             f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_healthy(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"node on port {port} did not become healthy")


def get_json(port: int, path: str, params) -> dict:
    url = f"http://127.0.0.1:{port}{path}?{urllib.parse.urlencode(params, doseq=True)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def essentials(body: dict) -> dict:
    """What must be identical: everything but the presentation of each result."""
    out = {key: body[key] for key in COMPARED}
    out["ids"] = [r["id"] for r in body["results"]]
    out["distances"] = [r["distance_miles"] for r in body["results"]]
    return out


def in_process(database_url: str, queries: list[dict]) -> list[dict]:
    """The same searches through the app's test client in this one process."""
    os.environ.update(environment(database_url))
    from wsgi import app

    client = app.test_client()
    return [essentials(client.get("/services.json", query_string=q).get_json()) for q in queries]


class Browser:
    """A staff member's browser: cookies, and forms filled in from the page (with their token)."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def page(self, path: str) -> BeautifulSoup:
        with self.opener.open(self.base + path, timeout=30) as response:
            return BeautifulSoup(response.read(), "html.parser")

    def submit(self, path: str, form_selector: str, **changes) -> str:
        form = self.page(path).select_one(form_selector)
        fields = {i["name"]: i.get("value", "") for i in form.select("input[name]")
                  if i.get("type") not in ("checkbox", "radio") or i.has_attr("checked")}
        fields.update({t["name"]: t.text for t in form.select("textarea[name]")})
        fields.update(changes)
        request = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(fields).encode())
        with self.opener.open(request, timeout=30) as response:
            return response.geturl()


def staff_rename(browser: Browser, service_id: str, name: str) -> None:
    browser.submit(f"/staff/listings/{service_id}/change/about", "main form", name=name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--ports", type=int, nargs=2, default=[5071, 5072])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    if not args.database_url.startswith("postgresql"):
        raise SystemExit("Set DATABASE_URL (or --database-url) to a PostgreSQL database")
    env = environment(args.database_url)
    if subprocess.run([*FLASK, "search", "check", "--quiet"], cwd=ROOT, env=env).returncode:
        subprocess.run([*FLASK, "search", "rebuild"], cwd=ROOT, env=env, check=True)
    password = secrets.token_urlsafe(24)
    subprocess.run([*FLASK, "users", "create", "--email", MODERATOR, "--role", "council_moderator", "--name",
                    "Bench Moderator"], cwd=ROOT, env=dict(env, LOCALOFFER_PASSWORD=password),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", RESET_PASSWORD, MODERATOR], cwd=ROOT,
                   env=dict(env, LOCALOFFER_PASSWORD=password), check=True)

    queries = query_set(args.queries)
    reference = in_process(args.database_url, queries)
    nodes = [start_node(port, env) for port in args.ports]
    report: dict = {"queries": len(queries), "ports": args.ports}
    try:
        for port in args.ports:
            wait_until_healthy(port)
        answers = {port: [essentials(get_json(port, "/services.json", q)) for q in queries] for port in args.ports}
        a, b = args.ports
        report["identical_a_b"] = sum(x == y for x, y in zip(answers[a], answers[b]))
        report["identical_to_one_process"] = sum(x == y == z for x, y, z in zip(answers[a], answers[b], reference))
        report["differences"] = [{"query": q, "a": x, "b": y, "one_process": z}
                                 for q, x, y, z in zip(queries, answers[a], answers[b], reference)
                                 if not x == y == z][:5]

        # A staff edit through node A, seen through node B.
        browser = Browser(a)
        browser.submit("/staff/sign-in", "main form", email=MODERATOR, password=password)
        target = get_json(b, "/services.json", {"q": "autism"})["results"][0]
        word = "Kingfisher" + secrets.token_hex(3)
        started = time.perf_counter()
        staff_rename(browser, target["id"], f"{word} {target['name']}")
        saved = time.perf_counter()
        polls = 0
        while True:
            polls += 1
            found = [r["id"] for r in get_json(b, "/services.json", {"q": word})["results"]]
            if found == [target["id"]] or time.perf_counter() - saved > 10:
                break
        visible = time.perf_counter()
        staff_rename(browser, target["id"], target["name"])
        restored = not get_json(b, "/services.json", {"q": word})["total"]
        report["staff_edit"] = {"save_ms": round((saved - started) * 1000, 1),
                                "visible_on_other_node_after_ms": round((visible - saved) * 1000, 1),
                                "searches_until_visible": polls, "found_on_other_node": found == [target["id"]],
                                "gone_again_after_restoring_the_name": restored}
    finally:
        for node in nodes:
            node.terminate()
        for node in nodes:
            node.wait(timeout=30)

    print(f"two nodes (ports {a}, {b}) against one PostgreSQL, {len(queries)} queries to /services.json:")
    print(f"  node A = node B:                   {report['identical_a_b']}/{len(queries)}")
    print(f"  both = one process (in-process):   {report['identical_to_one_process']}/{len(queries)}"
          "  (total, ids in order, every facet, suggestion, distances)")
    edit = report["staff_edit"]
    print(f"  staff rename on node A: saved in {edit['save_ms']} ms; found on node B "
          f"{edit['visible_on_other_node_after_ms']} ms later (search number {edit['searches_until_visible']}): "
          f"{edit['found_on_other_node']}; gone again after renaming back: {edit['gone_again_after_restoring_the_name']}")
    out_file = ROOT / "bench" / "results" / "postgres-two-nodes.json"
    out_file.write_text(json.dumps(report, indent=2, default=str))
    print(f"written {out_file.relative_to(ROOT)}")
    if report["identical_to_one_process"] != len(queries) or not edit["found_on_other_node"]:
        raise SystemExit(1)


# The bench moderator's password is new on every run (never stored in the repository).
RESET_PASSWORD = """
import os, sys
from wsgi import app
from localoffer.data.accounts import get_user_by_email, set_password
from localoffer.extensions import db
with app.app_context():
    set_password(get_user_by_email(sys.argv[1]), os.environ["LOCALOFFER_PASSWORD"])
    db.session.commit()
"""


if __name__ == "__main__":
    main()
