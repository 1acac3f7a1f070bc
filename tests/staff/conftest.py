"""Fixtures for the staff area: users of each role and a way to sign them in."""
from __future__ import annotations

import pytest

from .accounts import make_user, sign_in  # noqa: F401 (re-exported for tests)


@pytest.fixture
def moderator(app):
    return make_user("council_moderator")


@pytest.fixture
def provider(app):
    return make_user("provider")


@pytest.fixture
def admin_client(app, admin):
    """A test client signed in as `admin`."""
    client = app.test_client()
    sign_in(client, admin)
    return client
