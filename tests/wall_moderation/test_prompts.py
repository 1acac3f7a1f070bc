"""Prompts that start families off on the wall."""
from __future__ import annotations

from sqlalchemy import select

from localoffer.extensions import db
from localoffer.models import AuditEvent, WallPrompt


def test_moderators_add_and_switch_prompts_with_an_audit_trail(forum, signed_in):
    client = signed_in(forum)
    assert client.post("/staff/wall/prompts", data={"text": "What would make finding help easier?"}).status_code == 302
    prompt = db.session.scalar(select(WallPrompt))
    assert prompt.is_active and prompt.text == "What would make finding help easier?"

    assert client.post(f"/staff/wall/prompts/{prompt.id}", data={"switch": "off"}).status_code == 302
    db.session.refresh(prompt)
    assert not prompt.is_active
    page = client.get("/staff/wall/prompts").get_data(as_text=True)
    assert "What would make finding help easier?" in page and "Turn on" in page

    details = [e.detail for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "wall-prompt-changed").order_by(AuditEvent.created_at))]
    assert details == ["added", "turned off"]


def test_a_prompt_is_at_most_200_characters(council, signed_in):
    response = signed_in(council).post("/staff/wall/prompts", data={"text": "x" * 201})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "The prompt must be 200 characters or fewer" in page
    assert "<title>Error:" in page
    assert db.session.scalar(select(WallPrompt)) is None


def test_switching_an_unknown_prompt_or_to_nonsense_is_a_kind_error(council, signed_in):
    client = signed_in(council)
    assert client.post("/staff/wall/prompts/99", data={"switch": "off"}).status_code == 404
    prompt = WallPrompt(text="A prompt")
    db.session.add(prompt)
    db.session.commit()
    assert client.post(f"/staff/wall/prompts/{prompt.id}", data={"switch": "sideways"}).status_code == 400
