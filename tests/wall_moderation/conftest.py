"""Fixtures for wall moderation: a moderator from each organisation, posts made directly (the
public wall has its own tests) and a client signed in as anyone."""
from __future__ import annotations

from datetime import timedelta

import pytest

from localoffer.extensions import db
from localoffer.models import WallContact, WallPost
from localoffer.models.base import utcnow
from tests.staff.accounts import client_for, make_user, sign_in  # noqa: F401 (re-exported for tests)


@pytest.fixture
def signed_in(app):
    """signed_in(user) -> a test client signed in as `user`."""
    return lambda user: client_for(app, user)


def make_post(text="The waiting list for speech therapy is far too long.", *, status="awaiting-review",
              days_ago=0, email=None, **fields) -> WallPost:
    post = WallPost(text=text, status=status, consent=True, channel=fields.pop("channel", "online"),
                    submitted_at=utcnow() - timedelta(days=days_ago), check_hints=fields.pop("check_hints", []),
                    themes=fields.pop("themes", []), **fields)
    if status == "published":
        post.published_text = post.published_text or text
        post.published_at = utcnow()
    db.session.add(post)
    db.session.flush()
    if email:
        db.session.add(WallContact(post_id=post.id, email=email))
    db.session.commit()
    return post


def state(post) -> str:
    from localoffer.data.wall_moderation import state_of

    return state_of(post)
