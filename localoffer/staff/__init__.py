"""The staff area: one blueprint per job. Every view is wrapped in auth.requires(permission)
or marked auth.public; tests/staff/test_permissions.py walks the URL map to prove it."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from .account import bp as account_bp
    from .audit import bp as audit_bp
    from .auth import bp as auth_bp
    from .listings import bp as listings_bp
    from .opendata import bp as opendata_bp
    from .reports import bp as reports_bp
    from .reviews import bp as reviews_bp
    from .reviews.public import bp as listing_check_bp
    from .users import bp as users_bp
    from .champion import bp as champion_bp
    from .survey import bp as survey_bp
    from .wall import bp as wall_bp
    from .yswd import bp as yswd_bp
    from .insight import bp as insight_bp

    for bp in (auth_bp, account_bp, listings_bp, reviews_bp, reports_bp, users_bp, audit_bp, listing_check_bp,
               wall_bp, champion_bp, survey_bp, yswd_bp, opendata_bp,
               insight_bp):
        app.register_blueprint(bp)
