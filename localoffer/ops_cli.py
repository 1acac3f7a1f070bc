"""Operations commands: `flask retention run` and `flask backup PATH` (README "Data protection"
and "Backups and restore")."""
from __future__ import annotations

import click
from flask.cli import AppGroup, with_appcontext

from .data import audit
from .data.backup import BackupNotPossible, backup_sqlite
from .extensions import db
from .sqlite import writing

retention_cli = AppGroup("retention", help="Delete or erase personal data whose retention period is over.")


@retention_cli.command("run")
@click.option("--dry-run", is_flag=True, help="Count what would go, change nothing.")
def run_retention(dry_run: bool) -> None:
    """Apply the retention schedule and print what was deleted or erased, rule by rule."""
    from .data.retention import run

    with writing():  # each rule reads and writes while the site runs: take the lock up front
        outcomes = run(dry_run=dry_run)
        if not dry_run:
            audit.record("retention-run", actor="retention job",
                         detail=", ".join(f"{o.rule} {o.count}" for o in outcomes)[:500])
            db.session.commit()
    for outcome in outcomes:
        click.echo(f"{outcome.rule}: {outcome.count} {outcome.what}")
    if dry_run:
        click.echo("Dry run: nothing was changed.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@with_appcontext
def backup(path: str) -> None:
    """Copy the SQLite database to PATH while the site keeps running (PostgreSQL: use pg_dump)."""
    try:
        result = backup_sqlite(path)
    except BackupNotPossible as error:
        raise click.ClickException(str(error)) from None
    counts = ", ".join(f"{table} {n}" for table, n in result.rows.items())
    click.echo(f"Backed up to {result.path} ({result.size:,} bytes, integrity ok): {counts}")
