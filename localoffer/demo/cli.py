"""`flask --app wsgi demo load [--if-empty] [--synthetic N]` (CONTRACT §3)."""
from __future__ import annotations

import os
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from ..data.services import refresh_statistics
from ..extensions import db
from ..search import deferred_sync
from .loader import LoadCounts, has_services, load_demo, load_synthetic
from .staff import demo_password, load_demo_accounts

demo_cli = AppGroup("demo", help="Demo data.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing if the directory already has any service.")
@click.option("--synthetic", type=click.IntRange(min=0), default=0, metavar="N",
              help="Also generate N extra services for load tests.")
def load_command(if_empty: bool, synthetic: int) -> None:
    """Load the Essex demo data set. Safe to run again: nothing is duplicated or overwritten."""
    if if_empty and has_services(db.session):
        click.echo(_("The directory already has services, so the demo data was not loaded."))
        return
    # The search index catches up once, at the end, rather than after every batch.
    with deferred_sync():
        counts = load_demo(db.session, sendiass_phone=current_app.config.get("SENDIASS_PHONE"),
                           sendiass_url=current_app.config.get("SENDIASS_URL"))
        click.echo(_("Demo data set:"))
        _report(counts)
        if synthetic:
            click.echo(_("Synthetic services (%(count)d asked for):", count=synthetic))
            _report(load_synthetic(db.session, synthetic))
    refresh_statistics()
    # After the index has caught up: each demo search's result count comes from the real search.
    from .searches import load_demo_searches

    click.echo(_("Made-up demo searches for the insight pages: %(count)d added", count=load_demo_searches(db.session)))


@demo_cli.command("accounts")
def accounts_command() -> None:
    """Create the demo staff accounts (and example queues) and print how to sign in.
    Refused in production: real accounts come from `flask users create` and invitations."""
    if current_app.config.get("ENV_NAME") == "production" or os.environ.get("LOCALOFFER_ENV") == "production":
        raise click.ClickException(_("Demo accounts are never created in production."))
    if not has_services(db.session):
        raise click.ClickException(_("Load the demo data first: flask demo load"))
    password = demo_password(Path(current_app.config["INSTANCE_FOLDER"]))
    accounts = load_demo_accounts(password)
    click.echo(_("Demo staff accounts (sign in at /staff/sign-in), password: %(password)s", password=password))
    for account in accounts:
        click.echo(f"  {account.role:<18} {account.email}")


@demo_cli.command("voice")
def voice_command() -> None:
    """Load demo family voice (wall, survey waves, "you said, we did") if there is none yet."""
    if current_app.config.get("ENV_NAME") == "production" or os.environ.get("LOCALOFFER_ENV") == "production":
        raise click.ClickException(_("Demo family voice is never loaded in production."))
    from ..data.accounts import get_user_by_email
    from .staff import demo_email
    from .voice import load_demo_voice

    if get_user_by_email(demo_email("council_moderator")) is None:
        raise click.ClickException(_("Create the demo accounts first: flask demo accounts"))
    counts = load_demo_voice()
    click.echo(_("Family voice: %(posts)d wall posts, %(surveys)d survey waves, %(records)d "
                 "\"you said, we did\" records", posts=counts.wall_posts, surveys=counts.surveys,
                 records=counts.records))


def _report(counts: LoadCounts) -> None:
    for label, created, kept in (
        (_("Organisations"), counts.organisations_created, counts.organisations_kept),
        (_("Services"), counts.services_created, counts.services_kept),
        (_("Locations"), counts.locations_created, counts.locations_kept),
    ):
        click.echo("  " + _("%(label)s: %(created)d created, %(kept)d kept", label=label, created=created, kept=kept))
