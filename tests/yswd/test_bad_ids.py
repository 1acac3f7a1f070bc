"""Numbers no database row could have are "not found" (or a kind message), never a server error."""
from __future__ import annotations

from .conftest import new_record

TOO_BIG = "99999999999999999999"


def test_an_annual_report_number_too_big_for_the_database_is_not_found(client, council_client):
    assert client.get(f"/you-said-we-did/annual-report/{TOO_BIG}").status_code == 404
    assert council_client.get(f"/staff/you-said-we-did/annual-reports/{TOO_BIG}").status_code == 404


def test_linking_a_wall_post_number_too_big_says_it_was_not_found(council_client, council, forum):
    record = new_record(forum, council)
    response = council_client.post(f"/staff/you-said-we-did/{record.reference}/evidence/wall-posts",
                                   data={"post_id": TOO_BIG, "action": "link"}, follow_redirects=True)
    assert response.status_code == 200
    assert "That wall post was not found" in response.get_data(as_text=True)
