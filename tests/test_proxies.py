"""Behind a load balancer (docs/deployment.md): the visitor's address comes from the proxy's
X-Forwarded-For only when PROXY_HOPS says a proxy is there, so nobody can pick the address
rate limits count them under by sending the header themselves."""
from __future__ import annotations

from flask import request

from .conftest import make_test_app


def _seen_by(hops: int, headers: dict) -> str:
    app = make_test_app(PROXY_HOPS=hops)

    @app.route("/who-am-i")
    def who_am_i():
        return f"{request.remote_addr} {request.scheme}"

    response = app.test_client().get("/who-am-i", headers=headers, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    return response.get_data(as_text=True)


def test_forwarded_headers_are_ignored_without_a_proxy():
    assert _seen_by(0, {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}) == "10.0.0.2 http"


def test_one_proxy_hop_is_trusted_for_the_address_it_saw():
    # The visitor forged the first address; the proxy appended the one it really saw.
    headers = {"X-Forwarded-For": "198.51.100.1, 203.0.113.9", "X-Forwarded-Proto": "https"}
    assert _seen_by(1, headers) == "203.0.113.9 https"
