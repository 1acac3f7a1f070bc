"""`flask search ...`: rebuild, check and sync the search index (CONTRACT §3)."""
from __future__ import annotations

import click
from flask.cli import AppGroup
from flask_babel import gettext as _

from . import current_backend, index_drift, rebuild_index
from .store import IndexBusy

search_cli = AppGroup("search", help="Search index commands.")
SHOW_AT_MOST = 50  # ids listed per kind of difference


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Rebuild the index from the database and swap it in."""
    count, seconds = rebuild_index()
    click.echo(_("Search index rebuilt: %(count)d services indexed in %(seconds).1f seconds.",
                 count=count, seconds=seconds))


@search_cli.command("check")
@click.option("--quiet", is_flag=True, help="Print nothing when clean and only a summary on drift.")
def check_command(quiet: bool) -> None:
    """Compare the index with the database; exit 1 if they differ."""
    drift = index_drift()
    if drift.is_clean:
        if not quiet:
            click.echo(_("The search index matches the database: %(count)d findable services.",
                         count=drift.findable))
        return
    click.echo(_("The search index differs from the database: %(missing)d missing, %(stale)d out of date, "
                 "%(extra)d that should not be there.",
                 missing=len(drift.missing), stale=len(drift.stale), extra=len(drift.extra)), err=quiet)
    if not quiet:
        for label, ids in ((_("Missing from the index (findable in the database):"), drift.missing),
                           (_("Out of date in the index:"), drift.stale),
                           (_("In the index but not findable (hidden, closed or deleted):"), drift.extra)):
            if ids:
                click.echo(label)
                for service_id in ids[:SHOW_AT_MOST]:
                    click.echo(f"  {service_id}")
                if len(ids) > SHOW_AT_MOST:
                    click.echo(_("  ... and %(count)d more", count=len(ids) - SHOW_AT_MOST))
        if drift.pending:
            click.echo(_("%(count)d changes are waiting to be applied: run `flask search sync`.",
                         count=drift.pending))
        click.echo(_("Run `flask search rebuild` to rebuild the index from the database."))
    raise SystemExit(1)


@search_cli.command("sync")
def sync_command() -> None:
    """Apply changes waiting in the outbox (safe to run from cron every few minutes)."""
    try:
        count = current_backend().drain(when_busy="raise")
    except IndexBusy:
        click.echo(_("The search index is busy (a rebuild or another sync is running); try again shortly."),
                   err=True)
        raise SystemExit(1) from None
    click.echo(_("Search index updated: %(count)d services refreshed.", count=count))
