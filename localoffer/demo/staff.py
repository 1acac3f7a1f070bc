"""Demo accounts and governance examples, so the staff queues are not empty on `make run`:
one account per role, a provider organisation with changes waiting for approval and a
rejected one, listings overdue for review (one already escalated) and problem reports.

Only the demo loader creates accounts, never in production. They share one random password
made on first use and kept in instance/, which `make run` prints.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, select

from ..data import revisions, reviews
from ..data.accounts import create_user, get_user_by_email
from ..data.services import findable_clause
from ..data.versions import record_version
from ..extensions import db
from ..models import Organisation, ProblemReport, Service, User

DEMO_DOMAIN = "example.org"  # reserved for examples: mail can never reach a real person
# Who the demo accounts are. The provider belongs to the organisation with the most services.
DEMO_ACCOUNTS = (
    ("admin", "Alex Admin"),
    ("council_moderator", "Morgan Moderator"),
    ("forum_moderator", "Frankie Forum"),
    ("champion", "Charlie Champion"),
    ("provider", "Pat Provider"),
)
ACTOR = "demo data"


@dataclass
class DemoAccount:
    email: str
    role: str
    created: bool


def demo_password(instance_dir: Path) -> str:
    """One password for all demo accounts, made once per machine (never in the repository)."""
    instance_dir.mkdir(exist_ok=True)
    path = instance_dir / "demo-password"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("demo-" + secrets.token_urlsafe(15))
        os.replace(tmp, path)
    return path.read_text().strip()


def demo_email(role: str) -> str:
    return f"{role.replace('_', '-')}@{DEMO_DOMAIN}"


def _busiest_organisation() -> Organisation | None:
    row = db.session.execute(
        select(Service.organisation_id, func.count()).where(Service.is_published.is_(True))
        .group_by(Service.organisation_id).order_by(func.count().desc(), Service.organisation_id).limit(1)).first()
    return db.session.get(Organisation, row[0]) if row else None


def load_demo_accounts(password: str) -> list[DemoAccount]:
    """Create the demo accounts that are missing (idempotent) and, the first time, the
    governance examples that go with them."""
    organisation = _busiest_organisation()
    accounts = []
    first_time = get_user_by_email(demo_email("admin")) is None
    for role, name in DEMO_ACCOUNTS:
        email = demo_email(role)
        if get_user_by_email(email):
            accounts.append(DemoAccount(email, role, False))
            continue
        if role == "provider" and organisation is None:
            continue
        create_user(email, role, name=name, password=password,
                    organisation=organisation if role == "provider" else None)
        accounts.append(DemoAccount(email, role, True))
    db.session.commit()
    if first_time and organisation is not None:
        _governance_examples(organisation, get_user_by_email(demo_email("provider")),
                             get_user_by_email(demo_email("council_moderator")))
    return accounts


def _governance_examples(organisation: Organisation, provider: User, moderator: User) -> None:
    services = revisions.organisation_services(organisation.id)
    live = [s for s in services if s.is_findable]
    for service in live[:3]:
        record_version(service, "As loaded with the demo data", actor=ACTOR)
    if len(live) >= 3:
        # A change waiting for approval: a clearer summary and a new waiting time.
        edit = revisions.save_draft(live[0], provider, {
            "summary": live[0].summary + " Sessions now also run on Saturday mornings.",
            "waiting_time": "About 2 weeks"})
        revisions.submit(edit)
        edit.created_by_id = provider.id
        # A change that was turned down, with the reason the provider sees.
        rejected = revisions.save_draft(live[1], provider, {"phone": "01234"})
        revisions.submit(rejected)
        revisions.reject(rejected, moderator, "The phone number looks incomplete. Please check it and send it again.")
        # A change the provider is still drafting.
        revisions.save_draft(live[2], provider, {"eligibility": live[2].eligibility + " Siblings are welcome too."})
    # A proposed new service.
    new = revisions.start_new_service(organisation, provider, {
        "name": "Saturday sensory swim", "summary": "Quiet, warm-water swimming for children who find busy pools hard.",
        "description": "Small groups with a lifeguard who knows the children. Parents stay poolside.",
        "needs": ["autism", "pd", "msi"], "min_age": 4, "max_age": 16, "is_free": False,
        "fees_description": "£3 a session", "delivery": ["in-person"]})
    revisions.submit(new)
    _review_examples()
    _problem_examples(live)
    db.session.commit()


def _review_examples() -> None:
    """Give every listing a review date, then make a few overdue: one reminded and ignored for
    5 weeks (so it is escalated on the next daily run), one just reminded."""
    reviews.ensure_review_dates(actor=ACTOR)
    today = date.today()
    now = datetime.now(timezone.utc)
    due = db.session.scalars(select(Service).where(findable_clause())
                             .order_by(Service.review_due, Service.id).limit(6)).all()
    for n, service in enumerate(due):
        service.review_due = today - timedelta(days=10 + 20 * n)
    if len(due) >= 2:
        due[0].review_reminder_sent_at = now - timedelta(days=35)
        due[1].review_reminder_sent_at = now - timedelta(days=3)


def _problem_examples(services: list[Service]) -> None:
    if not services:
        return
    db.session.add_all([
        ProblemReport(service_id=services[0].id, reason="contact-details",
                      details="The phone number rings out and nobody answers."),
        ProblemReport(service_id=services[-1].id, reason="times-or-places",
                      details="The Tuesday group has moved to Thursdays.", status="in-progress"),
    ])
