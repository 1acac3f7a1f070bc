"""The visitor's shortlist, kept in the signed session cookie: a list of service ids, no account
and nothing on the server. Ids are checked against the database whenever the list is shown."""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from flask import current_app, session

KEY = "shortlist"


def clean_ids(raw: Iterable[str]) -> list[str]:
    """Valid UUIDs only, in canonical form, without repeats, in the order given."""
    found: list[str] = []
    for value in raw:
        try:
            canonical = str(uuid.UUID(str(value).strip()))
        except ValueError:
            continue
        if canonical not in found:
            found.append(canonical)
    return found


def capacity() -> int:
    return int(current_app.config.get("SHORTLIST_MAX", 50))


def saved_ids() -> list[str]:
    stored = session.get(KEY, [])
    return clean_ids(stored if isinstance(stored, list) else [])[:capacity()]


def _save(ids: list[str]) -> None:
    session[KEY] = ids[:capacity()]
    # Families come back to a shortlist days later, often after closing the browser.
    session.permanent = True


def add(service_id: str) -> str:
    """'added', 'already' or 'full'."""
    ids = saved_ids()
    if service_id in ids:
        return "already"
    if len(ids) >= capacity():
        return "full"
    _save([*ids, service_id])
    return "added"


def remove(service_id: str) -> bool:
    ids = saved_ids()
    if service_id not in ids:
        return False
    _save([i for i in ids if i != service_id])
    return True


def add_many(service_ids: list[str]) -> tuple[int, int]:
    """Add a shared list to this visitor's own. Returns (added, left out because the list is full)."""
    ids = saved_ids()
    new = [i for i in service_ids if i not in ids]
    room = max(0, capacity() - len(ids))
    _save([*ids, *new[:room]])
    return min(len(new), room), max(0, len(new) - room)


def keep_only(service_ids: list[str]) -> None:
    """Drop services that are no longer listed, keeping the order."""
    _save([i for i in saved_ids() if i in set(service_ids)])
