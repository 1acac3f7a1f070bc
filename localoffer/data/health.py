"""Is the database answering? Used by /healthz."""
from __future__ import annotations

from sqlalchemy import text

from ..extensions import db


def database_answers() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not healthy", never a 500
        db.session.rollback()
        return False
    finally:
        # Health checks must not hold a connection open between probes.
        db.session.remove()
