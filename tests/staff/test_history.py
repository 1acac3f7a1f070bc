"""Every version of a listing, newest first, and any two compared field by field. Moderators see
any listing's history; providers only their own organisation's."""
from __future__ import annotations

from ..helpers import normalize_spaces, page
from .accounts import make_user, sign_in
from .listings_helpers import own_service


def _edited(client, provider, moderator):
    service = own_service(provider)
    sign_in(client, moderator)
    client.post(f"/staff/listings/{service.id}/change/about",
                data={"name": "Sensory swim club", "summary": "Calm swims.", "description": ""})
    client.post(f"/staff/listings/{service.id}/change/contact", data={"phone": "01245 000000"})
    return service


def test_history_lists_every_version_newest_first(client, provider, moderator):
    service = _edited(client, provider, moderator)
    soup = page(client.get(f"/staff/listings/{service.id}/history"))
    rows = [[normalize_spaces(c.text) for c in tr.select("th, td")] for tr in soup.select("tbody tr")]
    assert [row[0] for row in rows] == ["3", "2", "1"]
    assert rows[0][2] == moderator.email and rows[0][3] == "Edited by moderator (contact)"
    assert rows[0][4].startswith("Phone number")
    assert rows[1][4].startswith("Summary")
    assert rows[2][2] == "demo data" and rows[2][4] == "First version"


def test_two_versions_compared_side_by_side(client, provider, moderator):
    service = _edited(client, provider, moderator)
    soup = page(client.get(f"/staff/listings/{service.id}/history/compare?from=1&to=3"))
    rows = {normalize_spaces(tr.th.text): (normalize_spaces(tr.select_one("del").text),
                                           normalize_spaces(tr.select_one("ins").text))
            for tr in soup.select("table.lo-diff tbody tr")}
    assert rows == {"Summary": ("Before: Quiet swims.", "After: Calm swims."),
                    "Phone number": ("Before: Not given", "After: 01245 000000")}
    # Either order works; unknown versions are not found.
    assert client.get(f"/staff/listings/{service.id}/history/compare?from=3&to=1").status_code == 200
    assert client.get(f"/staff/listings/{service.id}/history/compare?from=1&to=9").status_code == 404
    assert client.get(f"/staff/listings/{service.id}/history/compare?from=x").status_code == 404


def test_providers_see_their_own_history_only(client, provider, moderator):
    service = _edited(client, provider, moderator)
    client.post("/staff/sign-out")
    sign_in(client, provider)
    assert client.get(f"/staff/listings/{service.id}/history").status_code == 200
    assert client.get(f"/staff/listings/{service.id}/history/compare?from=1&to=2").status_code == 200
    client.post("/staff/sign-out")
    sign_in(client, make_user("provider"))
    assert client.get(f"/staff/listings/{service.id}/history").status_code == 404
    assert client.get(f"/staff/listings/{service.id}/history/compare?from=1&to=2").status_code == 404


def test_other_roles_cannot_see_history(client, provider):
    service = own_service(provider)
    assert client.get(f"/staff/listings/{service.id}/history").status_code == 302
    for role in ("champion", "forum_moderator"):
        sign_in(client, make_user(role))
        assert client.get(f"/staff/listings/{service.id}/history").status_code == 403
        client.post("/staff/sign-out")
