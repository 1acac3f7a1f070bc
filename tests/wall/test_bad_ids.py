"""Numbers in addresses and forms that no database row could have are "not found", never an error."""
from __future__ import annotations

TOO_BIG = "99999999999999999999"


def test_a_post_number_too_big_for_the_database_is_not_found(client, app):
    assert client.get(f"/wall/{TOO_BIG}").status_code == 404
    assert client.get(f"/wall/{TOO_BIG}/flag").status_code == 404
    assert client.post(f"/wall/{TOO_BIG}/me-too").status_code == 404


def test_a_prompt_number_too_big_for_the_database_is_ignored(client, app):
    assert client.get(f"/wall/new?prompt={TOO_BIG}").status_code == 200


def test_a_champion_entry_number_too_big_is_not_found(champion_client):
    assert champion_client.get(f"/staff/champion/wall/{TOO_BIG}").status_code == 404
