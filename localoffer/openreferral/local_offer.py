"""Reading back what our own feed publishes beyond the UK profile (see localoffer/data/oruk.py).

Our API publishes needs, categories, delivery modes and accessibility as taxonomy terms, and
the Local Offer details ORUK has no field for (access route, summary, eligibility, how to
get it, waiting time, the Local Offer answers, term time on timetables, venue quadrants) as
attributes whose term comes from one of our own taxonomies, with the text in `value`. Our
taxonomies are recognised by their fixed ids, so a feed from elsewhere is never misread.
Nothing here changes a service whose record carries none of them.
"""
from __future__ import annotations

import uuid

from ..data.oruk import DB_TAXONOMIES, SERVICE_DETAIL_FIELDS, TAXONOMIES, free_cost_option_id
from ..models import LocalOfferAnswer, Service
from ..vocab import ACCESS_ROUTES, LOCAL_OFFER_QUESTIONS, QUADRANTS, TERMS
from . import mapping as m

_TAXONOMY_BY_ID = {t.id: key for key, t in TAXONOMIES.items()}


def our_taxonomy(term: dict) -> str | None:
    """The key of our taxonomy ('need', 'local-offer'...) a published term belongs to, or None."""
    return _TAXONOMY_BY_ID.get(m.text(term.get("taxonomy_id")))


def is_generated_term(term: dict) -> bool:
    """One of our terms that is not a classification row (quadrant, access route, Local Offer
    detail, schedule term): read by this module, never stored as a taxonomy term."""
    key = our_taxonomy(term)
    return key is not None and key not in DB_TAXONOMIES


def our_terms(attributes) -> list[tuple[str, str, dict]]:
    """(taxonomy key, code, attribute) for every attribute carrying one of our terms."""
    found = []
    for attribute in m.items(attributes):
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict) and (key := our_taxonomy(term)):
            found.append((key, m.text(term.get("code")), attribute))
    return found


def is_ours(record: dict) -> bool:
    return bool(our_terms(record.get("attributes")))


def schedule_term(schedule: dict) -> str:
    for key, code, _ in our_terms(schedule.get("attributes")):
        if key == "schedule-term" and code in TERMS:
            return code
    return "all-year"


def location_quadrant(location: dict) -> str | None:
    for key, code, _ in our_terms(location.get("attributes")):
        if key == "quadrant" and code in QUADRANTS:
            return code
    return None


def is_free_marker(cost: dict, service_id: uuid.UUID) -> bool:
    return m.text(cost.get("id")) == free_cost_option_id(service_id)


def says_free(record: dict) -> bool:
    """Our feed's "free" flag: the cost taxonomy's 'free' term on the service."""
    return any(key == "cost" and code == "free" for key, code, _ in our_terms(record.get("attributes")))


def apply(service: Service, record: dict) -> None:
    """Set the Local Offer details our feed carries. In our own feed a detail that is left
    out is empty (the API leaves out empty values), so it is cleared here too."""
    terms = our_terms(record.get("attributes"))
    if not terms:
        return
    details = {code: m.text(attr.get("value")) for key, code, attr in terms if key == "local-offer"}
    routes = [code for key, code, _ in terms if key == "access-route" and code in ACCESS_ROUTES]
    service.access_route = routes[0] if routes else "self-referral"
    for code, column in SERVICE_DETAIL_FIELDS.items():
        if column == "waiting_weeks":
            service.waiting_weeks = m.whole_number(details.get(code))
        else:
            limit = 255 if column == "waiting_time" else 500 if column == "summary" else None
            value = details.get(code, "")
            setattr(service, column, value[:limit] if limit else value)
    _answers(service, [(code, attr) for key, code, attr in terms
                       if key == "local-offer" and code in LOCAL_OFFER_QUESTIONS and m.text(attr.get("value"))])


def _answers(service: Service, answers: list[tuple[str, dict]]) -> None:
    """The answers in the order the feed gives them (ours publishes them in page order)."""
    existing = {a.id: a for a in service.local_offer_answers}
    rows = []
    for position, (question, attribute) in enumerate(answers):
        answer_id = m.our_id(attribute.get("id"), scope=f"{service.id}:answer")
        row = existing.get(answer_id)
        if row is None:
            row = LocalOfferAnswer(id=_free_answer_id(answer_id, service.id, position))
        row.question, row.answer, row.position = question, m.text(attribute.get("value")), position
        rows.append(row)
    service.local_offer_answers[:] = rows


def _free_answer_id(answer_id: uuid.UUID | None, service_id: uuid.UUID, position: int) -> uuid.UUID:
    from ..extensions import db

    if answer_id is not None:
        row = db.session.get(LocalOfferAnswer, answer_id)
        if row is None or row.service_id == service_id:
            return answer_id
    return m.child_id(service_id, "answer", None, position)
