"""`flask users create`: the only way the first admin comes to exist (no default accounts)."""
from __future__ import annotations

import os

import click
from flask.cli import AppGroup

from ..auth.passwords import password_problem
from ..auth.roles import ROLE_LABELS
from ..data import audit
from ..data.accounts import create_user, find_organisation, get_user_by_email
from ..extensions import db

users_cli = AppGroup("users", help="Staff, provider and family champion accounts.")


@users_cli.command("create")
@click.option("--email", required=True, help="Their email address (used to sign in).")
@click.option("--role", required=True, type=click.Choice(list(ROLE_LABELS)), help="What they may do.")
@click.option("--organisation", default=None, help="Providers: the organisation's name or id.")
@click.option("--name", default="", help="Their name, as shown to other staff.")
def create(email: str, role: str, organisation: str | None, name: str) -> None:
    """Create an account. The password comes from LOCALOFFER_PASSWORD or a prompt."""
    if "@" not in email or len(email) > 255:
        raise click.ClickException("Enter an email address, like name@example.com")
    if get_user_by_email(email):
        raise click.ClickException(f"There is already an account for {email.strip().lower()}")
    org = None
    if role == "provider":
        if not organisation:
            raise click.ClickException("A provider account needs --organisation")
        org = find_organisation(organisation)
        if org is None:
            raise click.ClickException(f"No organisation called {organisation!r}")
    elif organisation:
        raise click.ClickException("Only provider accounts belong to an organisation")
    password = os.environ.get("LOCALOFFER_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    problem = password_problem(password, role, email)
    if problem:
        raise click.ClickException(problem)
    user = create_user(email, role, name=name, password=password, organisation=org)
    db.session.flush()
    audit.record("user-created", subject_type="user", subject_id=user.id, actor="command line",
                 detail=f"role {role}")
    db.session.commit()
    click.echo(f"Created {role} account for {user.email}")
