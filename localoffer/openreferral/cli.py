"""`flask --app wsgi oruk import SOURCE [--dry-run]` and `oruk export` (CONTRACT §3)."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from ..data import audit
from ..data.services import refresh_statistics
from ..extensions import db
from ..models import ImportRun
from ..models.base import utcnow
from ..search import deferred_sync
from .exporter import FORMATS, DirectoryExport
from .importer import Summary, import_records
from .sources import SourceError, read_feed

oruk_cli = AppGroup("oruk", help="Open Referral UK: import services from feeds, export the directory.")


@oruk_cli.command("import")
@click.argument("source")
@click.option("--dry-run", is_flag=True, help="Check the feed and report what would change, saving nothing.")
def import_command(source: str, dry_run: bool) -> None:
    """Import services from an Open Referral UK feed: a JSON file, our zipped ORUK data
    package, or an http(s) URL.

    SOURCE may hold one service, a list of services, a paged `{"contents": [...]}` response
    (a paged URL is followed page by page), or organisations or service-at-locations carrying
    services, in ORUK 3.0 or the older ORUK 1.0 shape. Importing is an upsert by id, so
    running the same feed again changes nothing. With ORUK_IMPORT_REQUIRES_APPROVAL set, new
    services and changes wait in the moderators' queue (/staff/listings/queue) instead of
    going live. Every run is written to the audit log."""
    try:
        feed = read_feed(source)
    except SourceError as error:
        raise click.ClickException(_("Nothing was imported: %(reason)s", reason=error)) from None
    for note in feed.notes:
        click.echo(note)
    requires_approval = bool(current_app.config.get("ORUK_IMPORT_REQUIRES_APPROVAL"))
    label = _source_label(source)
    run = None
    if not dry_run:
        run = ImportRun(source=label, actor="command line", requires_approval=requires_approval)
        db.session.add(run)
        db.session.commit()
    # The search index catches up once at the end (a dry run leaves nothing to catch up).
    with deferred_sync():
        summary = import_records(feed.records, dry_run=dry_run, requires_approval=requires_approval,
                                 source=label, run=run)
    if run is not None:
        run.finished_at = utcnow()
        run.created, run.updated, run.unchanged = summary.created, summary.updated, summary.unchanged
        run.sent_for_approval, run.skipped = summary.sent_for_approval, len(summary.skipped)
        audit.record("import", subject_type="feed", subject_id=str(run.id), actor="command line",
                     detail=f"{label}: {summary.created} created, {summary.updated} updated, "
                            f"{summary.sent_for_approval} sent for approval, {len(summary.skipped)} skipped")
        db.session.commit()
        refresh_statistics()
    _report(summary, len(feed.records), feed.pages)


def _source_label(source: str) -> str:
    """A file's name or a URL without its query string (which could carry a key)."""
    if source.startswith(("http://", "https://")):
        return source.split("?", 1)[0][:200]
    return Path(source).name[:200]


def _report(summary: Summary, records: int, pages: int) -> None:
    if summary.dry_run:
        click.echo(_("Dry run: nothing was saved. This is what the import would do."))
    click.echo(_("Read %(records)d records from %(pages)d page(s).", records=records, pages=pages))
    click.echo(_("Created: %(n)d", n=summary.created))
    click.echo(_("Updated: %(n)d", n=summary.updated))
    if summary.requires_approval:
        click.echo(_("Sent for approval: %(n)d", n=summary.sent_for_approval))
    click.echo(_("Unchanged: %(n)d", n=summary.unchanged))
    if summary.already_waiting:
        click.echo("  " + _("of which already waiting for approval: %(n)d", n=summary.already_waiting))
    click.echo(_("Skipped: %(n)d", n=len(summary.skipped)))
    for label, reason in summary.skipped:
        click.echo("  - " + _("%(record)s: %(reason)s", record=label, reason=reason))
    if summary.notes:
        click.echo(_("Notes:"))
        for label, note in summary.notes:
            click.echo("  - " + _("%(record)s: %(note)s", record=label, note=note))
    if summary.requires_approval and summary.sent_for_approval and not summary.dry_run:
        click.echo(_("New services and changes wait for a moderator at /staff/listings/queue "
                     "(ORUK_IMPORT_REQUIRES_APPROVAL is on). Families see no change until then."))


@oruk_cli.command("export")
@click.option("--format", "kind", type=click.Choice(FORMATS), required=True,
              help="csv: one row per service, lists joined with ';' (UTF-8 with a BOM for Excel). "
                   "json: the ORUK JSON data package, one datapackage.json file whose resources hold every "
                   "service in full (as /api/oruk/services/<id> serves it) and our taxonomies; "
                   "`oruk import` reads it back. The staff download (/staff/open-data/) is the same file.")
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
def export_command(kind: str, output: str) -> None:
    """Export every published, findable service to OUTPUT."""
    export = DirectoryExport(kind)
    try:
        with open(output, "w", encoding="utf-8", newline="") as out:
            for chunk in export.chunks():
                out.write(chunk)
    except OSError as error:
        raise click.ClickException(_("The export could not be written (%(reason)s).",
                                     reason=error.strerror or error)) from None
    audit.record("export", subject_type="directory", actor="command line",
                 detail=f"directory {export.label} ({export.count} services) to {Path(output).name[:100]}")
    db.session.commit()
    click.echo(_("Exported %(count)d services to %(output)s.", count=export.count, output=output))
