"""Importing Open Referral UK services into the directory: an idempotent upsert by id.

Each record is applied and then committed (or, in a dry run, rolled back) on its own, so one
bad record never stops the run and never leaves half a service behind. A record that would
change nothing is rolled back too and counted as unchanged, so re-running a feed touches
nothing (not even `updated_at`, which the API publishes as last_modified).

With approval required (ORUK_IMPORT_REQUIRES_APPROVAL), a record that would create or change
a service is applied only to find out what it would do, rolled back, and sent to the
moderators' queue instead (proposals.py); approving it applies the same record.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import inspect

from ..data.versions import record_version
from ..extensions import db
from ..models import ImportRun, Service
from . import mapping as m
from . import service_record
from .records import service_entries


class SkipRecord(Exception):
    """This record cannot be imported; the message says why, in plain English."""


@dataclass
class Summary:
    dry_run: bool = False
    requires_approval: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    sent_for_approval: int = 0
    already_waiting: int = 0  # counted in unchanged too: the same change is waiting for approval
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    service_ids: list[uuid.UUID] = field(default_factory=list)


def import_records(records: list, *, dry_run: bool = False, requires_approval: bool = False,
                   source: str = "", run: ImportRun | None = None) -> Summary:
    from . import proposals

    summary = Summary(dry_run=dry_run, requires_approval=requires_approval)
    seen: set[uuid.UUID] = set()
    for entry in service_entries(records):
        notes: list[str] = []
        try:
            if entry.problem:
                raise SkipRecord(entry.problem)
            outcome, service_id, record = import_one(entry.record, seen, notes, publish_new=not requires_approval)
            if requires_approval:
                outcome = proposals.propose(outcome, service_id, record, notes, dry_run=dry_run, run=run)
            elif outcome == "unchanged" or dry_run:
                db.session.rollback()
            else:
                # Imports are kept in each service's history like any other change.
                record_version(db.session.get(Service, service_id), _version_note(source, run), actor="import")
                db.session.commit()
        except SkipRecord as skip:
            db.session.rollback()
            summary.skipped.append((entry.label, str(skip)))
            continue
        except Exception as error:  # noqa: BLE001 - one bad record must never stop the run
            db.session.rollback()
            # The type only: the message could quote the record's free text.
            summary.skipped.append((entry.label, _("could not be saved (%(error)s)", error=type(error).__name__)))
            continue
        seen.add(service_id)
        summary.service_ids.append(service_id)
        if outcome == "already_waiting":
            summary.already_waiting += 1
            outcome = "unchanged"
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        summary.notes.extend((entry.label, note) for note in notes)
    return summary


def _version_note(source: str, run: ImportRun | None) -> str:
    if run is not None:
        return _("Imported from %(source)s (import run %(run)d)", source=source, run=run.id)
    return _("Imported from %(source)s", source=source) if source else _("Imported from an Open Referral feed")


def import_one(raw, seen: set, notes: list[str], publish_new: bool = True) -> tuple[str, uuid.UUID, dict]:
    """Apply one record to the session (not committed): ('created' | 'updated' | 'unchanged',
    the service's id, the record in the 3.0 shape)."""
    if not isinstance(raw, dict):
        raise SkipRecord(_("not a JSON object"))
    record = m.from_v1(raw) if m.is_v1(raw) else raw
    service_id = checked_id(record)
    if service_id in seen:
        raise SkipRecord(_("the same id appears earlier in this feed"))
    service = db.session.get(Service, service_id)
    before = fingerprint(service) if service else None
    service = apply_record(record, service_id, notes, publish_new=publish_new)
    if before is None:
        return "created", service_id, record
    return ("unchanged" if fingerprint(service) == before else "updated"), service_id, record


def checked_id(record: dict) -> uuid.UUID:
    """The service's id in our directory; SkipRecord if the record lacks an id or a usable name."""
    if m.source_id(record.get("id")) is None:
        raise SkipRecord(_("missing id (or the id is not text or a number)"))
    name = m.text(record.get("name"))
    if not name:
        raise SkipRecord(_("missing name"))
    if len(name) > 255:
        raise SkipRecord(_("name longer than 255 characters"))
    return m.our_id(record["id"], scope="service")


def apply_record(record: dict, service_id: uuid.UUID, notes: list[str], publish_new: bool = True) -> Service:
    """Make the service say what a (3.0-shaped) record says, creating it if it is new, and flush."""
    service = db.session.get(Service, service_id)
    with db.session.no_autoflush:
        organisation = service_record.organisation_for(record.get("organization"), notes)
        if service is None:
            service = Service(id=service_id, is_published=publish_new)
            db.session.add(service)
        service.organisation = organisation
        service_record.apply_service(service, record, notes)
    db.session.flush()
    return service


# -- change detection -----------------------------------------------------------------------

_NOT_COMPARED = {"created_at", "updated_at"}


def _columns(obj) -> tuple:
    return tuple((a.key, getattr(obj, a.key)) for a in inspect(type(obj)).column_attrs
                 if a.key not in _NOT_COMPARED)


def fingerprint(service: Service) -> tuple:
    """Everything the import can change about a service, comparable before and after."""
    def rows(collection):
        return tuple(sorted(repr(_columns(r)) for r in collection))

    return (
        _columns(service), _columns(service.organisation),
        tuple(sorted((t.taxonomy, t.code, t.name, t.description) for t in service.taxonomy_terms)),
        rows(service.areas), rows(service.contacts), rows(service.schedules), rows(service.cost_options),
        rows(service.languages), rows(service.local_offer_answers),
        tuple(sorted(repr((_columns(sal), _columns(sal.location))) for sal in service.locations)),
    )
