"""Start page, information pages and the health check."""
from __future__ import annotations

import logging

from flask import jsonify, render_template

from .. import search
from ..glossary import terms_by_letter
from ..data.health import database_answers
from ..vocab import NEEDS, QUADRANT_DISTRICTS, QUADRANTS
from . import bp, statement

log = logging.getLogger(__name__)


@bp.route("/")
def start():
    return render_template("pages/start.html", needs=NEEDS, quadrants=QUADRANTS, districts=QUADRANT_DISTRICTS)


@bp.route("/accessibility")
def accessibility():
    return render_template("pages/accessibility.html", prepared=statement.PREPARED,
                           last_reviewed=statement.LAST_REVIEWED, last_tested=statement.LAST_TESTED)


@bp.route("/glossary")
def glossary():
    return render_template("pages/glossary.html", groups=terms_by_letter())


@bp.route("/privacy")
def privacy():
    return render_template("pages/privacy.html")


@bp.route("/contact")
def contact():
    return render_template("pages/contact.html")


def _search_answers() -> bool:
    try:
        return bool(search.check_health())
    except Exception as error:  # noqa: BLE001 - a broken index is "unhealthy", never a 500
        log.warning("Search health check failed: %s", type(error).__name__)
        return False


@bp.route("/healthz")
def healthz():
    checks = {"database": "ok" if database_answers() else "error",
              "search": "ok" if _search_answers() else "error"}
    healthy = all(v == "ok" for v in checks.values())
    body = {"status": "ok"} if healthy else {"status": "error", "checks": checks}
    response = jsonify(body)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
