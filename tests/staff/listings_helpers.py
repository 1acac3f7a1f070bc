"""Helpers for the listings tests: a provider's service, section posts and audit look-ups."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.data.versions import record_version, versions_of
from localoffer.extensions import db
from localoffer.models import AuditEvent, ServiceRevision

from ..factories import make_service

ABOUT = {"name": "Sensory swim club", "summary": "Quiet swims.", "description": "Small groups."}


def own_service(provider, name: str = "Sensory swim club", **extra):
    """A live service of the provider's organisation, with its first version recorded (as the
    demo loader and imports do)."""
    service = make_service(name, summary="Quiet swims.", organisation=provider.organisation,
                           quadrants=["north-east"], needs=["autism"], **extra)
    record_version(service, "demo data", actor="demo data")
    db.session.commit()
    return service


def actions(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def revisions_of(service) -> list[ServiceRevision]:
    return list(db.session.scalars(select(ServiceRevision).where(ServiceRevision.service_id == service.id)
                                   .order_by(ServiceRevision.created_at)))


def version_count(service) -> int:
    return len(versions_of(service.id))


def propose_summary(client, service, summary: str, send: bool = True):
    """Change the About section as a (signed-in) provider, and send it for approval."""
    response = client.post(f"/staff/listings/{service.id}/edit/about",
                           data={"name": service.name, "summary": summary,
                                 "description": service.description})
    assert response.status_code == 302, response.get_data(as_text=True)
    if send:
        assert client.post(f"/staff/listings/{service.id}/submit").status_code == 302
    return response


def propose_section(client, service, section: str, data: dict, send: bool = True):
    """Post one section as a (signed-in) provider, expecting it to be saved, and send it."""
    response = client.post(f"/staff/listings/{service.id}/edit/{section}", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    if send:
        assert client.post(f"/staff/listings/{service.id}/submit").status_code == 302
    return response


def approve_open_revision(client, service) -> None:
    """Approve the service's newest revision as a (signed-in) moderator."""
    revision = revisions_of(service)[-1]
    assert client.post(f"/staff/listings/revisions/{revision.id}/approve").status_code == 302
    db.session.expire_all()
