"""Demo family voice: wall posts in every moderation state, two survey waves with results, and
"you said, we did" records at different stages. Loaded by `flask demo voice` after the demo
accounts exist, because moderation decisions and signatures need people to make them."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..models import Survey, WallPost, YouSaidWeDid


@dataclass
class VoiceCounts:
    wall_posts: int
    surveys: int
    records: int


def has_voice_data() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(WallPost)))


def load_demo_voice() -> VoiceCounts:
    """Idempotent: each part loads only if its table is empty."""
    from .survey import load_demo_survey
    from .wall import load_demo_wall
    from .yswd import load_demo_yswd

    load_demo_wall()
    load_demo_survey()
    load_demo_yswd()
    db.session.commit()
    count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
    return VoiceCounts(count(WallPost), count(Survey), count(YouSaidWeDid))
