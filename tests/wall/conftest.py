"""Fixtures for the graffiti wall: posts in any state, built through the real data layer, and
staff accounts for champion entry."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from localoffer.data import wall as wall_data
from localoffer.extensions import db
from localoffer.models import WallPrompt

from ..staff.accounts import make_user, sign_in  # noqa: F401 (re-exported for tests)


def make_post(text: str = "Finding a speech therapist took a year.", *, status: str = "awaiting-review",
              published_text: str | None = None, quadrant: str | None = None, themes=(),
              email: str | None = None, submitted_at: datetime | None = None,
              published_at: datetime | None = None, **fields):
    """A post and its raw follow token. Published posts get `published_text` (default: the text)."""
    post, token = wall_data.submit_post(text, quadrant=quadrant, email=email)
    post.status = status
    post.themes = list(themes)
    if status == "published":
        post.published_text = published_text if published_text is not None else text
        post.published_at = published_at or datetime.now(timezone.utc)
    if submitted_at is not None:
        post.submitted_at = submitted_at
    for name, value in fields.items():
        setattr(post, name, value)
    db.session.commit()
    return post, token


@pytest.fixture
def post_factory(app):
    return make_post


@pytest.fixture
def prompt(app):
    found = WallPrompt(text="What would make finding help easier?", is_active=True)
    db.session.add(found)
    db.session.commit()
    return found


def days_ago(days: int) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=days)
