"""Command line: `flask --app wsgi <group> <command>` (CONTRACT §3)."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from .demo.cli import demo_cli
    from .openreferral.cli import oruk_cli
    from .ops_cli import backup, retention_cli
    from .search.cli import search_cli
    from .staff.cli import users_cli
    from .staff.jobs import governance_cli

    app.cli.add_command(demo_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(oruk_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(governance_cli)
    app.cli.add_command(retention_cli)
    app.cli.add_command(backup)
