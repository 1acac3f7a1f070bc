"""Numbers no database row could have are "not found", never a server error."""
from __future__ import annotations

TOO_BIG = "99999999999999999999"


def test_a_wave_number_too_big_for_the_database_is_not_found(analyst_client):
    assert analyst_client.get(f"/staff/survey/{TOO_BIG}").status_code == 404
    assert analyst_client.get(f"/staff/survey/{TOO_BIG}/export.csv").status_code == 404


def test_coding_an_answer_number_too_big_is_not_found(analyst_client, wave):
    response = analyst_client.post(f"/staff/survey/{wave.id}/coding",
                                   data={"answer_id": TOO_BIG, "themes": ["health"]})
    assert response.status_code == 404
