"""`flask demo accounts`: demo staff accounts and non-empty queues for `make run`, never in production."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import ProblemReport, ServiceRevision, User
from tests.factories import make_organisation, make_service

from .accounts import sign_in


def _some_services():
    organisation = make_organisation("Busy Provider")
    for n in range(4):
        make_service(f"Busy service {n}", organisation=organisation, needs=("autism",))
    make_service("Someone else's service")
    return organisation


def test_demo_accounts_need_the_demo_data_first(app, runner):
    result = runner.invoke(args=["demo", "accounts"])
    assert result.exit_code != 0 and "demo load" in result.output


def test_demo_accounts_give_one_account_per_role_and_print_how_to_sign_in(app, runner, tmp_path):
    app.config["INSTANCE_FOLDER"] = str(tmp_path)
    organisation = _some_services()
    result = runner.invoke(args=["demo", "accounts"])
    assert result.exit_code == 0, result.output
    password = (tmp_path / "demo-password").read_text().strip()
    assert password in result.output
    users = db.session.scalars(select(User)).all()
    assert sorted(u.role for u in users) == sorted(
        ["admin", "council_moderator", "forum_moderator", "champion", "provider"])
    provider = next(u for u in users if u.role == "provider")
    assert provider.organisation_id == organisation.id
    for user in users:
        assert user.email in result.output
        assert sign_in(app.test_client(), user, password).status_code == 302


def test_the_queues_are_not_empty_after_loading_demo_accounts(app, runner, tmp_path):
    app.config["INSTANCE_FOLDER"] = str(tmp_path)
    _some_services()
    assert runner.invoke(args=["demo", "accounts"]).exit_code == 0
    states = sorted(r.state for r in db.session.scalars(select(ServiceRevision)))
    assert states.count("pending") == 2 and "rejected" in states and "draft" in states
    assert db.session.scalars(select(ProblemReport)).all()


def test_running_it_again_creates_nothing_new(app, runner, tmp_path):
    app.config["INSTANCE_FOLDER"] = str(tmp_path)
    _some_services()
    runner.invoke(args=["demo", "accounts"])
    revisions = db.session.scalar(select(db.func.count()).select_from(ServiceRevision))
    result = runner.invoke(args=["demo", "accounts"])
    assert result.exit_code == 0
    assert db.session.scalar(select(db.func.count()).select_from(User)) == 5
    assert db.session.scalar(select(db.func.count()).select_from(ServiceRevision)) == revisions


def test_demo_accounts_are_refused_in_production(app, runner, tmp_path):
    app.config.update(INSTANCE_FOLDER=str(tmp_path), ENV_NAME="production")
    _some_services()
    result = runner.invoke(args=["demo", "accounts"])
    assert result.exit_code != 0 and "production" in result.output
    assert db.session.scalars(select(User)).all() == []


def test_the_demo_review_queue_has_an_ignored_reminder_for_the_daily_job_to_escalate(app, runner, tmp_path):
    app.config["INSTANCE_FOLDER"] = str(tmp_path)
    _some_services()
    make_service("Archived club", status="archived")
    assert runner.invoke(args=["demo", "accounts"]).exit_code == 0
    result = runner.invoke(args=["governance", "daily"])
    assert "Listings escalated: 1" in result.output
