"""Linking a wall post is an edit like any other: it makes a new version, and families (the record
page, the post's follow page) only see it once both organisations have signed that version."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.data import wall, yswd
from localoffer.extensions import db
from localoffer.models import yswd_wall_post

from .conftest import new_record, publish, wall_post


def _public_text(client, record) -> str:
    return " ".join(client.get(f"/you-said-we-did/{record.reference}").get_data(as_text=True).split())


def _table_ids(record) -> list[int]:
    return sorted(db.session.scalars(select(yswd_wall_post.c.post_id)
                                     .where(yswd_wall_post.c.record_id == record.id)))


def test_linking_a_post_to_a_published_record_waits_for_both_signatures(client, forum, council):
    record = new_record(forum, council)
    published = publish(record, forum, council)
    post = wall_post("The bus to college never comes on time")

    linked = yswd.link_wall_post(record, post.id, council, linked=True)
    db.session.commit()
    assert linked.number == published.number + 1 and linked.wall_post_ids == [post.id]
    assert linked.council_signed_at is None and linked.forum_signed_at is None
    assert linked.change_note == f"Linked wall post {post.id}"
    assert published.wall_post_ids == [] and yswd.state(record) == "published-with-draft"
    assert "The bus to college never comes on time" not in _public_text(client, record)

    yswd.sign(record, council, linked.number)
    db.session.commit()
    assert "The bus to college never comes on time" not in _public_text(client, record)
    yswd.sign(record, forum, linked.number)
    db.session.commit()
    assert "The bus to college never comes on time" in _public_text(client, record)


def test_unlinking_a_post_from_a_published_record_waits_for_both_signatures(client, forum, council):
    record = new_record(forum, council)
    post = wall_post("Nobody rang us back about the review")
    yswd.link_wall_post(record, post.id, council, linked=True)
    publish(record, forum, council)
    assert "Nobody rang us back about the review" in _public_text(client, record)

    unlinked = yswd.link_wall_post(record, post.id, forum, linked=False)
    db.session.commit()
    assert unlinked.wall_post_ids == [] and unlinked.change_note == f"Unlinked wall post {post.id}"
    assert "Nobody rang us back about the review" in _public_text(client, record)
    assert _table_ids(record) == [post.id]

    publish(record, forum, council)
    assert "Nobody rang us back about the review" not in _public_text(client, record)
    assert _table_ids(record) == []


def test_linking_twice_makes_no_empty_version(app, forum, council):
    record = new_record(forum, council)
    post = wall_post()
    yswd.link_wall_post(record, post.id, council, linked=True)
    number = yswd.latest(record).number
    assert yswd.link_wall_post(record, post.id, forum, linked=True) is None
    assert yswd.link_wall_post(record, wall_post().id, forum, linked=False) is None
    assert yswd.latest(record).number == number


def test_the_link_table_holds_the_published_versions_posts(app, forum, council):
    record = new_record(forum, council)
    first, second, third = wall_post("One"), wall_post("Two"), wall_post("Three")
    yswd.link_wall_post(record, second.id, council, linked=True)
    yswd.link_wall_post(record, first.id, council, linked=True)
    db.session.commit()
    assert _table_ids(record) == []  # nothing published yet
    published = publish(record, forum, council)
    assert published.wall_post_ids == [second.id, first.id]
    assert _table_ids(record) == sorted(published.wall_post_ids)

    yswd.link_wall_post(record, third.id, council, linked=True)
    yswd.link_wall_post(record, second.id, council, linked=False)
    db.session.commit()
    assert _table_ids(record) == sorted([first.id, second.id])  # a draft changes nothing public
    assert [p.id for p in yswd.linked_posts(yswd.latest(record))] == [first.id, third.id]
    assert [p.id for p in yswd.public_posts(record)] == [second.id, first.id]

    published = publish(record, forum, council)
    assert _table_ids(record) == sorted(published.wall_post_ids) == sorted([first.id, third.id])


def test_the_follow_page_shows_the_record_only_once_the_linking_version_is_published(client, forum, council):
    record = new_record(forum, council, title="Buses to college")
    publish(record, forum, council)
    post, token = wall.submit_post("The college bus is always late")
    post.status, post.published_text = "published", post.text
    db.session.commit()

    def follow_page() -> str:
        response = client.get(f"/wall/follow/{token}")
        assert response.status_code == 200
        return response.get_data(as_text=True)

    assert record.reference not in follow_page()
    linked = yswd.link_wall_post(record, post.id, council, linked=True)
    yswd.sign(record, council, linked.number)
    db.session.commit()
    assert record.reference not in follow_page()
    yswd.sign(record, forum, linked.number)
    db.session.commit()
    assert record.reference in follow_page() and "Buses to college" in follow_page()
