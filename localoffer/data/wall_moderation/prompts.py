"""Prompts staff put on the wall to start families off."""
from __future__ import annotations

from sqlalchemy import select

from ...extensions import db
from ...models import User, WallPrompt
from .. import audit

PROMPT_MAX_CHARS = 200


def list_prompts() -> list[WallPrompt]:
    return list(db.session.scalars(select(WallPrompt).order_by(WallPrompt.is_active.desc(),
                                                               WallPrompt.created_at.desc(), WallPrompt.id)))


def get_prompt(prompt_id: int) -> WallPrompt | None:
    from ..wall import is_id

    return db.session.get(WallPrompt, prompt_id) if is_id(prompt_id) else None


def add_prompt(text: str, user: User | None, *, active: bool = True) -> WallPrompt:
    text = text.strip()
    if not text or len(text) > PROMPT_MAX_CHARS:
        raise ValueError("a prompt is 1 to 200 characters")
    prompt = WallPrompt(text=text, is_active=active)
    db.session.add(prompt)
    db.session.flush()
    audit.record("wall-prompt-changed", subject_type="wall_prompt", subject_id=prompt.id,
                 detail="added" + ("" if active else " (off)"), user=user)
    return prompt


def set_prompt_active(prompt: WallPrompt, active: bool, user: User) -> None:
    if prompt.is_active == active:
        return
    prompt.is_active = active
    audit.record("wall-prompt-changed", subject_type="wall_prompt", subject_id=prompt.id,
                 detail="turned on" if active else "turned off", user=user)
