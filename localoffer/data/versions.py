"""Every version of every service: a snapshot after each saved change, with who, when and
which fields changed. Snapshots are plain JSON in the words staff read on the history page,
so old versions stay readable even after the vocabularies or models change.

Every path that changes a service (staff edits, approvals, lifecycle, reviews, imports, the
demo loader) calls record_version() in the same transaction as the change.
"""
from __future__ import annotations

import uuid
from datetime import date

from flask import g, has_request_context
from sqlalchemy import select

from ..extensions import db
from ..models import Language, LocalOfferAnswer, Service, ServiceArea, ServiceVersion, User
from ..vocab import LOCAL_OFFER_QUESTIONS

# Snapshot keys in the order the history page shows them.
FIELDS = (
    "name", "organisation", "summary", "description", "status", "is_published", "alert",
    "needs", "categories", "min_age", "max_age", "eligibility", "quadrants", "is_countywide",
    "delivery", "access_route", "how_to_access", "waiting_time", "waiting_weeks", "is_free", "fees_description",
    "cost_options", "url", "email", "phone", "contacts", "venues", "times", "languages",
    "accessibility", "local_offer_answers", "visible_from", "visible_to", "last_reviewed", "review_due",
)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def snapshot(service: Service) -> dict:
    """The service as plain JSON-able values, one entry per FIELDS key."""
    return {
        "name": service.name,
        "organisation": service.organisation.name if service.organisation else "",
        "summary": service.summary or "",
        "description": service.description or "",
        "status": service.status,
        "is_published": bool(service.is_published),
        "alert": service.alert or "",
        "needs": service.needs,
        "categories": service.categories,
        "min_age": service.min_age,
        "max_age": service.max_age,
        "eligibility": service.eligibility or "",
        "quadrants": sorted({a.quadrant for a in service.areas if a.quadrant}),
        "is_countywide": bool(service.is_countywide),
        "delivery": service.delivery_modes,
        "access_route": service.access_route,
        "how_to_access": service.how_to_access or "",
        "waiting_time": service.waiting_time or "",
        "waiting_weeks": service.waiting_weeks,
        "is_free": bool(service.is_free),
        "fees_description": service.fees_description or "",
        "cost_options": [f"{c.option}: {c.amount if c.amount is not None else ''} {c.amount_description}".strip()
                         for c in service.cost_options],
        "url": service.url or "",
        "email": service.email or "",
        "phone": service.phone or "",
        "contacts": sorted(" ".join(filter(None, (c.name, c.title, c.email, c.phone))) for c in service.contacts),
        "venues": sorted(", ".join(filter(None, (sal.location.name, sal.location.address_1, sal.location.town,
                                                 sal.location.postcode))) for sal in service.locations),
        "times": sorted(" ".join(filter(None, (s.freq or "once", s.byday, _day(s.dtstart),
                                               s.opens_at.strftime("%H:%M") if s.opens_at else "",
                                               s.closes_at.strftime("%H:%M") if s.closes_at else "",
                                               s.term, s.description))) for s in service.schedules),
        "languages": sorted(lang.name for lang in service.languages),
        "accessibility": service.accessibility,
        "local_offer_answers": {a.question: a.answer for a in service.local_offer_answers
                                if a.question in LOCAL_OFFER_QUESTIONS},
        "visible_from": _day(service.visible_from),
        "visible_to": _day(service.visible_to),
        "last_reviewed": _day(service.last_reviewed),
        "review_due": _day(service.review_due),
    }


def changed_fields(before: dict | None, after: dict) -> list[str]:
    if before is None:
        return []
    return [key for key in FIELDS if before.get(key) != after.get(key)]


def latest_version(service_id: uuid.UUID) -> ServiceVersion | None:
    return db.session.scalar(select(ServiceVersion).where(ServiceVersion.service_id == service_id)
                             .order_by(ServiceVersion.number.desc()).limit(1))


def record_version(service: Service, note: str = "", *, user: User | None = None,
                   actor: str | None = None) -> ServiceVersion | None:
    """Add a version if the service differs from its last recorded one (None if it does not).
    `user` defaults to whoever is signed in; `actor` names a process ("demo data", an import)."""
    if user is None and has_request_context():
        user = g.get("user")
    db.session.flush()  # ids and relationships in place before reading them
    after = snapshot(service)
    last = latest_version(service.id)
    if last is not None and last.snapshot == after:
        return None
    version = ServiceVersion(service_id=service.id, number=(last.number + 1) if last else 1,
                             snapshot=after, changed_fields=changed_fields(last.snapshot if last else None, after),
                             user_id=user.id if user else None,
                             actor=user.email if user else (actor or "system"), note=note[:500])
    db.session.add(version)
    return version


def versions_of(service_id: uuid.UUID) -> list[ServiceVersion]:
    return list(db.session.scalars(select(ServiceVersion).where(ServiceVersion.service_id == service_id)
                                   .order_by(ServiceVersion.number.desc())))


def get_version(service_id: uuid.UUID, number: int) -> ServiceVersion | None:
    return db.session.scalar(select(ServiceVersion).where(ServiceVersion.service_id == service_id,
                                                          ServiceVersion.number == number))


# The fields a provider may propose changing (keys of snapshot(), so a proposal compares
# directly with any recorded version). Status, publishing, dates and review fields are not here:
# only moderators change those, through their own forms.
EDITABLE = (
    "name", "summary", "description", "needs", "min_age", "max_age", "eligibility",
    "is_countywide", "quadrants", "delivery", "url", "email", "phone", "is_free",
    "fees_description", "access_route", "how_to_access", "waiting_time", "waiting_weeks", "categories",
    "accessibility", "languages", "local_offer_answers",
)


def editable_fields(service: Service) -> dict:
    """The editable part of the service, in the shape ServiceRevision.proposed uses."""
    full = snapshot(service)
    return {key: full[key] for key in EDITABLE}


def apply_editable(service: Service, values: dict) -> None:
    """Write proposed values onto the live service. Unknown keys are ignored, so nothing outside
    EDITABLE (status, publishing, review dates) can ever arrive through a proposal."""
    from .taxonomy import terms_for

    simple = ("name", "summary", "description", "min_age", "max_age", "eligibility", "is_countywide",
              "is_free", "fees_description", "access_route", "how_to_access", "waiting_time", "waiting_weeks")
    for key in simple:
        if key in values:
            setattr(service, key, values[key])
    for key in ("url", "email", "phone"):
        if key in values:
            setattr(service, key, values[key] or None)
    replaced = {"need": values.get("needs"), "delivery": values.get("delivery"),
                "category": values.get("categories"), "accessibility": values.get("accessibility")}
    replaced = {taxonomy: codes for taxonomy, codes in replaced.items() if codes is not None}
    if replaced:
        kept = [t for t in service.taxonomy_terms if t.taxonomy not in replaced]
        service.taxonomy_terms = kept + terms_for({k: list(v) for k, v in replaced.items()})
    if "quadrants" in values:
        wanted = set(values["quadrants"])
        # Keep existing rows (and their districts) for quadrants still served.
        service.areas = [a for a in service.areas if a.quadrant in wanted]
        have = {a.quadrant for a in service.areas}
        service.areas.extend(ServiceArea(quadrant=q) for q in sorted(wanted - have))
    if "languages" in values:
        _replace_languages(service, values["languages"])
    if "local_offer_answers" in values:
        _replace_answers(service, values["local_offer_answers"])


def _replace_languages(service: Service, names: list[str]) -> None:
    # Keep rows still wanted, so any language code an import set survives an edit.
    wanted = list(dict.fromkeys(names))
    service.languages = [lang for lang in service.languages if lang.name in wanted]
    have = {lang.name for lang in service.languages}
    service.languages.extend(Language(name=name) for name in wanted if name not in have)


def _replace_answers(service: Service, answers: dict[str, str]) -> None:
    """One row per answered standard question, in the questions' order. Rows for questions we
    no longer ask (imported data) are kept: the form cannot show them, so it cannot clear them."""
    existing = {a.question: a for a in service.local_offer_answers}
    kept = [a for a in service.local_offer_answers if a.question not in LOCAL_OFFER_QUESTIONS]
    rows = []
    for position, question in enumerate(LOCAL_OFFER_QUESTIONS):
        answer = answers.get(question)
        if not answer:
            continue
        row = existing.get(question) or LocalOfferAnswer(question=question)
        row.answer, row.position = answer, position
        rows.append(row)
    service.local_offer_answers = kept + rows


def latest_number(service_id: uuid.UUID) -> int:
    last = latest_version(service_id)
    return last.number if last else 0


def compare(older: dict, newer: dict, keys=FIELDS) -> list[tuple[str, object, object]]:
    """(field, before, after) for each field that differs between two snapshots."""
    return [(key, older.get(key), newer.get(key)) for key in keys if older.get(key) != newer.get(key)]
