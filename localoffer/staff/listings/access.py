"""Object-level checks shared by the listings views."""
from __future__ import annotations

from flask import abort, current_app, g, url_for

from ...auth.roles import can
from ...data.revisions import get_service
from ...models import Service


def own_service_or_404(service_id) -> Service:
    """A provider may only touch services of their own organisation: anything else is 'not
    found', so ids of other organisations' drafts are not confirmed to exist."""
    service = get_service(service_id)
    user = g.user
    if service is None or user.organisation_id is None or service.organisation_id != user.organisation_id:
        abort(404)
    return service


def service_or_404(service_id) -> Service:
    service = get_service(service_id)
    if service is None:
        abort(404)
    return service


def is_moderator() -> bool:
    return can(g.user.role, "listings.moderate")


def viewable_service_or_404(service_id) -> Service:
    """Moderators see any listing's history; providers only their organisation's."""
    if is_moderator():
        return service_or_404(service_id)
    if can(g.user.role, "listings.propose"):
        return own_service_or_404(service_id)
    abort(403)


def staff_link(endpoint: str, **values) -> str:
    """An absolute link for an email."""
    return current_app.config["PUBLIC_BASE_URL"] + url_for(endpoint, **values)
