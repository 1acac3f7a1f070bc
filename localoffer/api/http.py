"""HTTP plumbing for the open data API: CORS on every response (errors and preflights
too), JSON errors, and ETag / Last-Modified with conditional GET."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

from flask import Response, current_app, jsonify, request

from . import bp
from .params import BadParameter

PREFIX = "/api/oruk"


def json_response(data: dict, last_modified: datetime | None = None) -> Response:
    """A JSON body with a strong ETag (a hash of the body) and Last-Modified; answers 304
    when the client's If-None-Match / If-Modified-Since show it already has this version."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    response = current_app.response_class(body, mimetype="application/json")
    response.set_etag(hashlib.sha256(body.encode("utf-8")).hexdigest()[:40])
    if last_modified is not None:
        response.last_modified = last_modified
    # Caches may keep it but must check back each time: a conditional GET is cheap.
    response.headers["Cache-Control"] = "public, no-cache"
    return response.make_conditional(request)


def error_response(message: str, status: int) -> Response:
    response = jsonify({"error": message, "status": status})
    response.status_code = status
    return response


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return error_response(f"{error.name} {error.message}", 400)


@bp.after_app_request
def allow_any_origin(response: Response) -> Response:
    # after_app_request, not after_request: unknown URLs and 405s under the API get it too.
    if request.path == PREFIX or request.path.startswith(PREFIX + "/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
        response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
