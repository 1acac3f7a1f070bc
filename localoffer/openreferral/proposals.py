"""Imported services through the moderators' approval queue (ORUK_IMPORT_REQUIRES_APPROVAL).

A record that would create or change a service becomes a pending ServiceRevision in the same
queue as providers' changes, attributed to the import run rather than a person. Families keep
seeing the approved listing meanwhile: the import applies the record only to learn what it
would do, then rolls it back. The revision keeps the record itself, so:

- the moderator's comparison applies it to the live listing in a savepoint that is rolled
  back (preview), and approving applies it for real (apply_approved): what was compared is
  exactly what goes live, even if the listing changed in between;
- a hash of the result (the digest) makes re-running a feed idempotent: the same change
  already waiting is left alone, a different one replaces the waiting record (one pending
  import change per service), a change a moderator rejected is not sent again, and a feed
  that now matches the live listing withdraws its waiting change.

A service new to the directory is saved as an unpublished placeholder (name and organisation
only, never findable) so the revision has something to belong to, as a provider's new
service is.
"""
from __future__ import annotations

import hashlib
import uuid

from flask_babel import gettext as _

from ..data import audit
from ..data.revisions import open_revision, latest_revision
from ..data.versions import compare, latest_number, record_version, snapshot
from ..extensions import db
from ..models import ImportRun, Organisation, Service, ServiceRevision
from ..models.base import as_utc, utcnow
from . import mapping as m
from .importer import SkipRecord, apply_record, fingerprint
from .service_record import organisation_for, organisation_id

HIDDEN_CHANGES = "feed_details"  # the diff row for changes no staff page shows (map positions...)
# Set by staff or the daily job, never by a feed: left out of the digest so they do not make an
# unchanged feed look changed.
_NOT_IN_DIGEST = ("review_due", "review_reminder_sent_at", "review_escalated_at")


class ProposalNotApplied(Exception):
    """The waiting record can no longer be applied (the moderator should reject it)."""


def digest(service: Service) -> str:
    parts = fingerprint(service)
    own = tuple(item for item in parts[0] if item[0] not in _NOT_IN_DIGEST)
    return hashlib.sha256(repr((own, *parts[1:])).encode("utf-8")).hexdigest()


def propose(outcome: str, service_id: uuid.UUID, record: dict, notes: list[str], *, dry_run: bool,
            run: ImportRun | None) -> str:
    """After importer.import_one applied `record` to the session (uncommitted): roll that back
    and send the change for approval instead. Returns the summary's outcome: 'unchanged',
    'already_waiting' or 'sent_for_approval'. Raises SkipRecord for a change already rejected."""
    if outcome == "unchanged":
        db.session.rollback()
        _withdraw_if_matched(service_id, notes, dry_run)
        return "unchanged"
    service = db.session.get(Service, service_id)
    wanted, after = digest(service), snapshot(service)
    db.session.rollback()
    waiting = open_revision(service_id, imported=True)
    if waiting is not None and waiting.import_digest == wanted:
        return "already_waiting"
    last = waiting or latest_revision(service_id, imported=True)
    if last is not None and last.state == "rejected" and last.import_digest == wanted:
        raise SkipRecord(_("a moderator rejected this same change on %(day)s, so it was not sent again",
                           day=as_utc(last.decided_at).date().isoformat()))
    if dry_run:
        return "sent_for_approval"
    if waiting is not None:
        _replace(waiting, record, wanted, after, run)
    else:
        service = db.session.get(Service, service_id) or _placeholder(record, service_id, notes, run)
        is_new = outcome == "created" or _never_approved(service, last)
        _new_revision(service, record, wanted, after, run, is_new)
    db.session.commit()
    return "sent_for_approval"


def _withdraw_if_matched(service_id: uuid.UUID, notes: list[str], dry_run: bool) -> None:
    """The feed now says what the live listing says: a change it proposed earlier is stale."""
    waiting = open_revision(service_id, imported=True)
    if waiting is None or waiting.is_new_service:
        return
    notes.append(_("the imported change waiting for approval was withdrawn: the feed now matches the live listing"))
    if dry_run:
        return
    waiting.state = "withdrawn"
    waiting.decided_at = utcnow()
    waiting.decision_reason = "The feed now matches the live listing."
    audit.record("revision-withdrawn", subject_type="service", subject_id=service_id, actor="import",
                 detail="the feed now matches the live listing")
    db.session.commit()


def _never_approved(service: Service, last: ServiceRevision | None) -> bool:
    """A placeholder from an earlier import whose new service was never approved."""
    return not service.is_published and last is not None and last.is_new_service and last.state != "approved"


def _placeholder(record: dict, service_id: uuid.UUID, notes: list[str], run: ImportRun | None) -> Service:
    """An unpublished service holding only the name and organisation, for the revision to
    belong to. An organisation we already have is left as it is until the approval."""
    data = record.get("organization")
    organisation = db.session.get(Organisation, organisation_id(data)) or organisation_for(data, notes)
    service = Service(id=service_id, name=m.text(record.get("name"), 255), organisation=organisation,
                      is_published=False)
    db.session.add(service)
    record_version(service, _run_note("New service proposed by import", run), actor="import")
    return service


def _run_note(text: str, run: ImportRun | None) -> str:
    return f"{text} from {run.source} (run {run.id})" if run else text


def _new_revision(service: Service, record: dict, wanted: str, after: dict, run: ImportRun | None,
                  is_new: bool) -> None:
    revision = ServiceRevision(service=service, organisation_id=service.organisation_id, is_new_service=is_new,
                               proposed=after, base_version=latest_number(service.id), imported_record=record,
                               import_digest=wanted, import_run_id=run.id if run else None, state="pending",
                               submitted_at=utcnow())
    db.session.add(revision)
    audit.record("revision-submitted", subject_type="service", subject_id=service.id, actor="import",
                 detail=_run_note("new service" if is_new else "changes", run))


def _replace(revision: ServiceRevision, record: dict, wanted: str, after: dict, run: ImportRun | None) -> None:
    """The feed changed again before a moderator decided: the waiting change becomes the new one
    (it keeps its place in the queue)."""
    revision.imported_record, revision.import_digest, revision.proposed = record, wanted, after
    revision.import_run_id = run.id if run else None
    revision.base_version = latest_number(revision.service_id)
    audit.record("revision-submitted", subject_type="service", subject_id=revision.service_id, actor="import",
                 detail=_run_note("changes replaced by a newer import", run))


# Moderators --------------------------------------------------------------------------------

def preview(revision: ServiceRevision) -> list[tuple[str, object, object]] | None:
    """(field, live now, after approval) for every field approving would change, worked out by
    applying the record in a savepoint that is rolled back. None if it no longer applies."""
    service = revision.service
    before, before_print = snapshot(service), fingerprint(service)
    savepoint = db.session.begin_nested()
    try:
        _apply(revision, publish=True)
        after, hidden = snapshot(service), fingerprint(service) != before_print
    except Exception:  # noqa: BLE001 - shown as "cannot be applied", never a 500
        savepoint.rollback()
        return None
    savepoint.rollback()
    changes = compare(before, after)
    if hidden and not changes:
        changes.append((HIDDEN_CHANGES, None, None))
    return changes


def apply_approved(revision: ServiceRevision) -> None:
    """Apply the record for real (the caller records the version and commits)."""
    savepoint = db.session.begin_nested()
    try:
        _apply(revision, publish=False)
    except Exception as error:  # noqa: BLE001
        savepoint.rollback()
        raise ProposalNotApplied(type(error).__name__) from None
    savepoint.commit()


def _apply(revision: ServiceRevision, publish: bool) -> None:
    apply_record(revision.imported_record, revision.service_id, [], publish_new=False)
    if publish and revision.is_new_service:
        revision.service.is_published = True  # approve() publishes (and audits it) for real
    db.session.flush()
