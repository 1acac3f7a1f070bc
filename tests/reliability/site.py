"""The real site for reliability tests: `make run`'s gunicorn command (gunicorn.conf.py, 2+ sync
workers) on SQLite + Whoosh in a temporary instance folder, and a small cookie-keeping HTTP
client (standard library only) to drive it from many threads."""
from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from localoffer.extensions import db
from tests.conftest import make_test_app

ROOT = Path(__file__).resolve().parents[2]
STAFF_PASSWORD = "storm tests passphrase long enough"
_CSRF = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
_VALUE = re.compile(r'value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Site:
    root: Path
    port: int = field(default_factory=free_port)
    workers: int = 2
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    _log_file: object = None

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.root / 'localoffer.db'}"

    @property
    def index_dir(self) -> str:
        return str(self.root / "search_index")

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL"))}
        env.update({
            "LOCALOFFER_ENV": "development", "LOCALOFFER_INSTANCE_DIR": str(self.root),
            "DATABASE_URL": self.database_url, "SEARCH_INDEX_DIR": self.index_dir,
            "SECRET_KEY": "reliability-tests-secret-key-0123456789", "MAIL_FOLDER": str(self.root / "mail"),
            "PORT": str(self.port), "WORKERS": str(self.workers),
            # Limits are tested elsewhere; here hundreds of posts come from one address on purpose.
            "RATE_LIMIT_FACTOR": "10000",
        })
        return env

    def app(self):
        """An app on the same database and index, for seeding and checking from the test."""
        return make_test_app(SQLALCHEMY_DATABASE_URI=self.database_url, SEARCH_INDEX_DIR=self.index_dir)

    def start(self, timeout: float = 60) -> None:
        self.log_path = self.root / f"gunicorn-{int(time.time() * 1000)}.log"
        self._log_file = open(self.log_path, "wb")  # noqa: SIM115 - closed in _ended()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "wsgi:app"],
            cwd=ROOT, env=self.env(), stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log()}")
            try:
                if Browser(self).get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the site did not start in {timeout} s: {self.log()}")

    def worker_pids(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True)
        return [int(p) for p in out.stdout.split()]

    def kill_all(self) -> None:
        """SIGKILL the master and every worker at once (a power cut, as far as the app can tell)."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        self._ended()

    def _ended(self) -> None:
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill_all()
        self._ended()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def flask(self, *args: str) -> subprocess.CompletedProcess:
        """`flask --app wsgi ...` against this site's database and index (as cron would run it)."""
        return subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=ROOT, env=self.env(),
                              capture_output=True, text=True, timeout=120)


class Browser:
    """One visitor: keeps cookies, fetches CSRF tokens, never follows redirects."""

    def __init__(self, site: Site):
        self.site = site
        self.cookies: dict[str, str] = {}
        self.csrf: str | None = None  # one token per session, valid for every form: fetched once

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.site.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), text
        finally:
            conn.close()

    def get(self, path: str):
        return self.request("GET", path)

    def token(self, path: str) -> str:
        status, _headers, text = self.get(path)
        found = _CSRF.search(text)
        value = _VALUE.search(found.group(0)) if found else None
        if status != 200 or not value:
            raise RuntimeError(f"no form at {path} (HTTP {status})")
        return value.group(1)

    def post(self, path: str, data: dict, token_from: str | None = None):
        if self.csrf is None:
            self.csrf = self.token(token_from or path)
        return self.request("POST", path, {**data, "csrf_token": self.csrf})

    def sign_in(self, email: str, password: str = STAFF_PASSWORD) -> None:
        status, headers, _ = self.post("/staff/sign-in", {"email": email, "password": password})
        if status != 302:
            raise RuntimeError(f"sign-in failed: HTTP {status}")
        # Signing in starts a new session: take its token now, before any concurrent use.
        self.csrf = self.token("/staff/")


def seed(site: Site, services: int = 10) -> dict:
    """Schema, an index, a council moderator, some services and an open one-question survey."""
    from datetime import date

    from localoffer.data.taxonomy import ensure_vocabulary
    from localoffer.models import Survey, SurveyQuestion
    from localoffer.search import rebuild_index
    from tests.factories import make_service
    from tests.staff.accounts import make_user

    app = site.app()
    with app.app_context():
        db.create_all()
        ensure_vocabulary()
        moderator = make_user("council_moderator", email="moderator@storm.test", password=STAFF_PASSWORD)
        ids = [str(make_service(f"Storm service {n}", description="before the storm").id) for n in range(services)]
        survey = Survey(series="family-impact", wave="storm", title="Storm survey", status="open",
                        opens_on=date(2020, 1, 1))
        survey.questions.append(SurveyQuestion(code="one-thing", kind="text", position=1, required=True,
                                               text="What one thing would make the biggest difference?"))
        db.session.add(survey)
        db.session.commit()
        rebuild_index()
        result = {"services": ids, "moderator": moderator.email}
        db.session.remove()
        db.engine.dispose()
    return result
