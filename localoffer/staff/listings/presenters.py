"""Plain-English labels and values for listing fields, shared by the summary, diff and history
pages. Snapshot values are stored as slugs and raw values; staff read labels."""
from __future__ import annotations

from flask_babel import gettext as _, lazy_gettext as _l

from ...openreferral.proposals import HIDDEN_CHANGES
from ...vocab import (ACCESS_ROUTES, ACCESSIBILITY, CATEGORIES, DELIVERY, LOCAL_OFFER_QUESTIONS, NEEDS,
                      QUADRANTS, STATUSES)

LABELS = {
    "name": _l("Name"), "organisation": _l("Organisation"), "summary": _l("Summary"),
    "description": _l("Description"), "status": _l("Status"), "is_published": _l("Published"),
    "alert": _l("Message for families"), "needs": _l("Needs supported"), "categories": _l("Categories"),
    "min_age": _l("Youngest age"), "max_age": _l("Oldest age"), "eligibility": _l("Who can use it"),
    "quadrants": _l("Areas of Essex"), "is_countywide": _l("All of Essex"),
    "delivery": _l("How it is provided"), "access_route": _l("How families get it"),
    "how_to_access": _l("How to get it"), "waiting_time": _l("Waiting time"),
    "waiting_weeks": _l("Usual wait in weeks"), "is_free": _l("Free"),
    "fees_description": _l("Costs"), "cost_options": _l("Cost options"), "url": _l("Website"),
    "email": _l("Email address"), "phone": _l("Phone number"), "contacts": _l("Contacts"),
    "venues": _l("Venues"), "times": _l("Opening times"), "languages": _l("Languages"),
    "accessibility": _l("Accessibility"), "local_offer_answers": _l("How it supports SEND"),
    "visible_from": _l("Visible from"), "visible_to": _l("Visible until"),
    "last_reviewed": _l("Last reviewed"), "review_due": _l("Review due"),
}
_VOCABS = {"needs": NEEDS, "quadrants": QUADRANTS, "delivery": DELIVERY, "categories": CATEGORIES,
           "accessibility": ACCESSIBILITY, "access_route": ACCESS_ROUTES, "status": STATUSES}


def label(key: str) -> str:
    return str(LABELS.get(key, key))


def show(key: str, value) -> str:
    """A stored value as staff read it: labels for slugs, Yes/No, 'Not given' for blanks."""
    vocab = _VOCABS.get(key)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict):
        if key == "local_offer_answers":
            return "\n\n".join(f"{LOCAL_OFFER_QUESTIONS.get(q, q)}\n{a}" for q, a in _in_order(value)) or _("Not given")
        return "\n".join(f"{k}: {v}" for k, v in value.items()) or _("Not given")
    if isinstance(value, list):
        shown = [str(vocab.get(v, v)) if vocab else str(v) for v in value]
        return "\n".join(shown) if shown else _("None")
    if value is None or value == "":
        return _("Not given")
    if vocab:
        return str(vocab.get(value, value))
    return str(value)


def _in_order(answers: dict) -> list[tuple[str, str]]:
    """Answers in the order the questions are asked (JSON columns need not keep key order)."""
    order = list(LOCAL_OFFER_QUESTIONS)
    return sorted(answers.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))


def _answer_rows(before, after) -> list[dict]:
    """One diff row per Local Offer question whose answer changed, labelled with the question."""
    before, after = before or {}, after or {}
    questions = [q for q in LOCAL_OFFER_QUESTIONS if before.get(q) != after.get(q)]
    questions += [q for q in {**before, **after} if q not in LOCAL_OFFER_QUESTIONS and before.get(q) != after.get(q)]
    return [{"key": "local_offer_answers", "label": str(LOCAL_OFFER_QUESTIONS.get(q, q)),
             "before": before.get(q) or _("Not given"), "after": after.get(q) or _("Not given")} for q in questions]


def rows(changes) -> list[dict]:
    """[(key, before, after)] as rows for the diff table."""
    found = []
    for key, before, after in changes:
        if key == HIDDEN_CHANGES:
            found.append({"key": key, "label": _("Other details from the feed"), "before": _("As now"),
                          "after": _("Changed: details staff pages do not show, such as map positions, "
                                     "language codes or the feed's own categories")})
        elif key == "local_offer_answers" and isinstance(before or {}, dict) and isinstance(after or {}, dict):
            found.extend(_answer_rows(before, after))
        else:
            found.append({"key": key, "label": label(key), "before": show(key, before), "after": show(key, after)})
    return found


def summary_rows(values: dict, keys) -> list[dict]:
    found = []
    for key in keys:
        if key == "local_offer_answers":
            # Check-answers pattern: one row per question, so each answer reads on its own.
            answers = values.get(key) or {}
            found.extend({"key": key, "label": str(question), "value": answers.get(slug) or _("Not given")}
                         for slug, question in LOCAL_OFFER_QUESTIONS.items())
        else:
            found.append({"key": key, "label": label(key), "value": show(key, values.get(key))})
    return found


def revision_state(revision) -> dict | None:
    """{'text', 'colour'} for a GOV.UK tag; the text carries the meaning, colour only adds to it."""
    if revision is None or revision.state in ("approved", "withdrawn"):
        return None
    return {
        "draft": {"text": _("Draft changes, not sent"), "colour": "grey"},
        "pending": {"text": _("Waiting for approval"), "colour": "blue"},
        "rejected": {"text": _("Changes rejected"), "colour": "red"},
    }[revision.state]


def live_state(service) -> dict:
    if not service.is_published:
        return {"text": _("Not published"), "colour": "grey"}
    if service.status == "archived":
        return {"text": _("Archived"), "colour": "grey"}
    if not service.is_findable:
        if service.status in ("active", "temporarily-closed"):
            return {"text": _("Out of season"), "colour": "yellow"}
        return {"text": str(STATUSES.get(service.status, service.status)), "colour": "grey"}
    if service.status == "temporarily-closed":
        return {"text": _("Live, temporarily closed"), "colour": "yellow"}
    return {"text": _("Live"), "colour": "green"}
