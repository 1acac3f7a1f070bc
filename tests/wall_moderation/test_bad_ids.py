"""Numbers no database row could have are "not found" (or a form error), never a server error."""
from __future__ import annotations

from .conftest import make_post, state

TOO_BIG = "99999999999999999999"


def test_a_post_number_too_big_for_the_database_is_not_found(signed_in, council):
    client = signed_in(council)
    assert client.get(f"/staff/wall/{TOO_BIG}").status_code == 404
    assert client.get(f"/staff/wall/{TOO_BIG}/publish").status_code == 404
    assert client.post(f"/staff/wall/prompts/{TOO_BIG}", data={"switch": "off"}).status_code == 404


def test_a_duplicate_of_a_number_too_big_is_a_form_error(signed_in, council):
    post = make_post()
    response = signed_in(council).post(f"/staff/wall/{post.id}/not-publish", data={
        "state": state(post), "reason": "duplicate", "duplicate_of": TOO_BIG})
    assert response.status_code == 200
    assert "Error:" in response.get_data(as_text=True)
