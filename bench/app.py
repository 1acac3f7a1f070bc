"""The site as `make run` serves it, plus one trivial route: the framework ceiling.

    gunicorn bench.app:app

`/bench/ceiling` answers with a search page rendered once when the worker starts: the same
bytes a search answer sends, through the same Flask app, hooks and headers, with no search,
database or template work. Whatever the search page costs beyond it is the application's.
"""
from __future__ import annotations

from flask import Response

from wsgi import app

_PAGE: list[bytes] = []


@app.route("/bench/ceiling")
def ceiling():
    return Response(_PAGE[0], mimetype="text/html")


_PAGE.append(app.test_client().get("/services").get_data())  # after the route: Flask allows no routes later
