"""The public list of responses costs the same number of database queries however many there are."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from localoffer.extensions import db

from .conftest import new_record, publish


@contextmanager
def counted_selects():
    seen: list[str] = []

    def _count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)


def test_the_public_list_does_not_query_once_per_record(client, forum, council):
    publish(new_record(forum, council, title="First"), forum, council)
    db.session.expire_all()
    with counted_selects() as one:
        assert client.get("/you-said-we-did").status_code == 200
    for title in ("Second", "Third", "Fourth"):
        publish(new_record(forum, council, title=title), forum, council)
    db.session.expire_all()
    with counted_selects() as four:
        page = client.get("/you-said-we-did").get_data(as_text=True)
    assert all(title in page for title in ("First", "Second", "Third", "Fourth"))
    assert len(four) == len(one)
