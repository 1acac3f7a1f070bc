"""Proposed changes to listings (ServiceRevision) and the moderator's lifecycle actions.

A provider's change lives in `proposed` until a council moderator approves it, so the live,
searchable service stays the last approved version. Every function that changes a Service calls
record_version() and audit.record() in the same transaction; callers commit, then send email.
"""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, or_, select

from ..extensions import db
from ..models import Organisation, Service, ServiceRevision, User
from ..models.base import parse_uuid, utcnow
from . import audit
from .versions import (EDITABLE, apply_editable, editable_fields, get_version, latest_number,
                       record_version)

OPEN_STATES = ("draft", "pending")


# Reading ---------------------------------------------------------------------------------

def get_service(service_id) -> Service | None:
    """The full service, whatever its state. populate_existing: a row already in the session from
    a search-results query was loaded with raiseload() options, and staff pages read everything."""
    ident = parse_uuid(service_id)
    return db.session.get(Service, ident, populate_existing=True) if ident else None


def get_revision(revision_id) -> ServiceRevision | None:
    ident = parse_uuid(revision_id)
    return db.session.get(ServiceRevision, ident) if ident else None


def organisation_services(organisation_id: uuid.UUID) -> list[Service]:
    return list(db.session.scalars(select(Service).where(Service.organisation_id == organisation_id)
                                   .order_by(func.lower(Service.name))))


# Providers' revisions and imports' revisions live side by side: a provider's draft is never
# blocked by (or mixed up with) a change a feed proposed, and the reverse.

def latest_revision(service_id: uuid.UUID, imported: bool = False) -> ServiceRevision | None:
    return db.session.scalar(select(ServiceRevision).where(ServiceRevision.service_id == service_id,
                                                           _kind(imported))
                             .order_by(ServiceRevision.created_at.desc()).limit(1))


def open_revision(service_id: uuid.UUID, imported: bool = False) -> ServiceRevision | None:
    """The one draft or pending change a service can have at a time from its provider (or,
    with `imported`, the one pending change from imports)."""
    return db.session.scalar(select(ServiceRevision).where(ServiceRevision.service_id == service_id,
                                                           ServiceRevision.state.in_(OPEN_STATES), _kind(imported))
                             .order_by(ServiceRevision.created_at.desc()).limit(1))


def _kind(imported: bool):
    return ServiceRevision.is_import if imported else ~ServiceRevision.is_import


def latest_revisions(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, ServiceRevision]:
    """The newest provider's revision of each service (for the provider's list)."""
    found: dict[uuid.UUID, ServiceRevision] = {}
    if not service_ids:
        return found
    rows = db.session.scalars(select(ServiceRevision).where(ServiceRevision.service_id.in_(service_ids),
                                                            ~ServiceRevision.is_import)
                              .order_by(ServiceRevision.created_at))
    for revision in rows:
        found[revision.service_id] = revision
    return found


def pending_revisions() -> list[ServiceRevision]:
    """The moderation queue, providers' and imports' changes together: oldest first, so
    nobody waits behind newer requests."""
    return list(db.session.scalars(select(ServiceRevision).where(ServiceRevision.state == "pending")
                                   .order_by(ServiceRevision.submitted_at, ServiceRevision.created_at)))


def search_services(text: str = "", status: str = "", page: int = 1,
                    per_page: int = 50) -> tuple[list[Service], int]:
    """Every listing for moderators, whatever its state: by name (or organisation) and status.
    `status` may also be 'unpublished'."""
    stmt = select(Service).join(Organisation, Service.organisation_id == Organisation.id)
    if text:
        like = f"%{text.lower()}%"
        stmt = stmt.where(or_(func.lower(Service.name).like(like), func.lower(Organisation.name).like(like)))
    if status == "unpublished":
        stmt = stmt.where(Service.is_published.is_(False))
    elif status:
        stmt = stmt.where(Service.status == status)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = db.session.scalars(stmt.order_by(func.lower(Service.name), Service.id)
                              .limit(per_page).offset((max(page, 1) - 1) * per_page))
    return list(rows), total


def changed_keys(revision: ServiceRevision) -> list[str]:
    """Fields the provider changed, measured against the version they started from, so edits a
    moderator made meanwhile to other fields are not undone by approving."""
    if revision.is_new_service:
        return [k for k in EDITABLE if k in revision.proposed]
    base = get_version(revision.service_id, revision.base_version)
    start = {k: base.snapshot.get(k) for k in EDITABLE} if base else editable_fields(revision.service)
    return [k for k in EDITABLE if k in revision.proposed and revision.proposed[k] != start.get(k)]


def diff(revision: ServiceRevision) -> list[tuple[str, object, object]]:
    """(field, live value now, proposed value) for each field the provider changed; for an
    import, each field approving would change (None if its record no longer applies)."""
    if revision.is_import:
        from ..openreferral.proposals import preview

        return preview(revision)
    live = editable_fields(revision.service)
    return [(k, live.get(k), revision.proposed[k]) for k in changed_keys(revision)]


def live_changed_since_base(revision: ServiceRevision) -> bool:
    """Did anything a provider can edit change on the live listing after the provider started?
    Versions made by review dates or status changes alone are not worth a warning. An import's
    comparison is always worked out against the live listing, so it never needs the warning."""
    if revision.is_import:
        return False
    if latest_number(revision.service_id) == revision.base_version:
        return False
    base = get_version(revision.service_id, revision.base_version)
    if base is None:
        return True
    current = editable_fields(revision.service)
    return any(base.snapshot.get(key) != current[key] for key in EDITABLE)


# Providers -------------------------------------------------------------------------------

def start_new_service(organisation: Organisation, user: User, values: dict) -> ServiceRevision:
    """A proposed new service: an unpublished Service (never findable) and a draft revision."""
    service = Service(organisation=organisation, name=values["name"], is_published=False)
    db.session.add(service)
    record_version(service, "New service started by provider", user=user)
    proposed = {**editable_fields(service), **values}
    revision = ServiceRevision(service=service, organisation_id=organisation.id, is_new_service=True,
                               proposed=proposed, base_version=latest_number(service.id), created_by_id=user.id)
    db.session.add(revision)
    return revision


def _starting_point(service: Service) -> tuple[dict, bool]:
    """What a new draft starts from, and whether it is still a proposed new service. After a
    rejection or withdrawal, carry on from what was proposed rather than from scratch."""
    start = editable_fields(service)
    previous = latest_revision(service.id)
    if previous is None or previous.state == "approved":
        return start, False
    # Withdrawn after sending: the provider wanted to change something, so keep their work.
    # A deleted draft (never sent) is dropped.
    if previous.state == "rejected" or previous.submitted_at is not None:
        start.update({k: v for k, v in previous.proposed.items() if k in EDITABLE})
    return start, previous.is_new_service


def proposal_values(service: Service) -> dict:
    """The values a provider sees on their summary page: the open draft or pending change, or
    what a new draft would start from."""
    revision = open_revision(service.id)
    if revision is None:
        return _starting_point(service)[0]
    # Drafts started before a field became editable lack its key: show the live value for it.
    return {**editable_fields(service), **revision.proposed}


def save_draft(service: Service, user: User, values: dict) -> ServiceRevision:
    """Put section answers into the service's draft, starting one if needed. Only EDITABLE keys
    are kept. The live service is not touched."""
    values = {k: v for k, v in values.items() if k in EDITABLE}
    revision = open_revision(service.id)
    if revision is not None and revision.state != "draft":
        raise ValueError("A change is already waiting for approval")
    if revision is None:
        start, is_new = _starting_point(service)
        revision = ServiceRevision(service=service, organisation_id=service.organisation_id,
                                   is_new_service=is_new, proposed=start,
                                   base_version=latest_number(service.id), created_by_id=user.id)
        db.session.add(revision)
    # A new dict, so SQLAlchemy sees the JSON column change.
    revision.proposed = {**revision.proposed, **values}
    return revision


def submit(revision: ServiceRevision) -> None:
    revision.state = "pending"
    revision.submitted_at = utcnow()
    audit.record("revision-submitted", subject_type="service", subject_id=revision.service_id,
                 detail="new service" if revision.is_new_service else "changes")


def withdraw(revision: ServiceRevision) -> None:
    revision.state = "withdrawn"
    revision.decided_at = utcnow()
    audit.record("revision-withdrawn", subject_type="service", subject_id=revision.service_id)


# Moderators ------------------------------------------------------------------------------

def approve(revision: ServiceRevision, moderator: User) -> None:
    """Make the proposal live. An import's record is applied as the import would have (inside
    a savepoint: if it no longer applies, ProposalNotApplied is raised and nothing changes)."""
    service = revision.service
    if revision.is_import:
        from ..openreferral.proposals import apply_approved

        apply_approved(revision)
        note = f"Approved import from {revision.import_run.source} (run {revision.import_run.id})" \
            if revision.import_run else "Approved imported changes"
    else:
        keys = changed_keys(revision)
        apply_editable(service, {k: revision.proposed[k] for k in keys})
        note = "Approved new service" if revision.is_new_service else "Approved provider's changes"
    publishing = revision.is_new_service and not service.is_published
    if publishing:
        service.is_published = True
    revision.state = "approved"
    revision.decided_by_id = moderator.id
    revision.decided_at = utcnow()
    version = record_version(service, note, user=moderator)
    if revision.is_import:
        keys = version.changed_fields if version else []
    audit.record("revision-approved", subject_type="service", subject_id=service.id,
                 detail=", ".join(keys)[:500], user=moderator)
    if publishing:
        audit.record("service-published", subject_type="service", subject_id=service.id, user=moderator)


def reject(revision: ServiceRevision, moderator: User, reason: str) -> None:
    revision.state = "rejected"
    revision.decided_by_id = moderator.id
    revision.decided_at = utcnow()
    revision.decision_reason = reason
    # The reason is staff text about a listing, never families' words, so it may be kept.
    audit.record("revision-rejected", subject_type="service", subject_id=revision.service_id, user=moderator)


def edit_directly(service: Service, moderator: User, values: dict, section: str) -> bool:
    """A moderator's own edit, live at once. False if nothing changed."""
    apply_editable(service, {k: v for k, v in values.items() if k in EDITABLE})
    version = record_version(service, f"Edited by moderator ({section})", user=moderator)
    if version is None:
        return False
    audit.record("service-edited", subject_type="service", subject_id=service.id,
                 detail=", ".join(version.changed_fields)[:500], user=moderator)
    return True


def set_status(service: Service, moderator: User, status: str, alert: str) -> bool:
    before = service.status
    service.status = status
    service.alert = alert
    version = record_version(service, f"Status: {status}", user=moderator)
    if version is None:
        return False
    action = "service-archived" if status == "archived" and before != "archived" else "service-status-changed"
    audit.record(action, subject_type="service", subject_id=service.id, detail=f"{before} -> {status}",
                 user=moderator)
    return True


def set_published(service: Service, moderator: User, published: bool) -> bool:
    if service.is_published == published:
        return False
    service.is_published = published
    record_version(service, "Published" if published else "Unpublished", user=moderator)
    audit.record("service-published" if published else "service-unpublished", subject_type="service",
                 subject_id=service.id, user=moderator)
    return True


def set_visible_dates(service: Service, moderator: User, visible_from: date | None,
                      visible_to: date | None) -> bool:
    service.visible_from, service.visible_to = visible_from, visible_to
    version = record_version(service, "Visible dates changed", user=moderator)
    if version is None:
        return False
    audit.record("service-dates-changed", subject_type="service", subject_id=service.id,
                 detail=f"{visible_from or '-'} to {visible_to or '-'}", user=moderator)
    return True
