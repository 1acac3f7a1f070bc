"""No 500s, whatever is typed or sent (ASVS 5.0 v16.5.3, v1.2.4, v15.2.2): property-based tests
over every public query parameter and form field, search syntax included, and proof that the
syntax never reaches hidden fields or unpublished, archived or closed services. Budgets are small
(see the "ci" profile in tests/conftest.py) so the whole suite stays within its time."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from localoffer.data import revisions
from localoffer.extensions import db
from tests.factories import make_service
from tests.survey.conftest import make_wave
from tests.wall.conftest import make_post

from ..helpers import result_ids

SECRET = "zanzibarquux"
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Search syntax of every engine people might try, and what Whoosh's own parser would honour.
SYNTAX = st.sampled_from([
    "AND", "OR", "NOT", "and", "+", "-", "!", "&&", "||", '"', "'", "(", ")", "[", "]", "{", "}", "*", "?", "~",
    "~2", "^10", ":", "\\", "/", "/.*/", "[a TO z]", "{a TO", "status:", "status:draft", "status:archived",
    "published:false", "is_published:0", "id:*", "name:*", "description:", "email:*", "review_due:*",
    "organisation:*", f"status:{SECRET}", f"name:{SECRET}*", f"{SECRET}*", f"*{SECRET[3:]}", f'"{SECRET}"',
    f"{SECRET[:-1]}?", f"{SECRET}~", "%", "_", "%_%", "' OR '1'='1", "--", ";", "\x00", "\u202e", "\ufeff",
    "a" * 300, "autism " * 60, "x OR " * 50,
])
TEXT = st.text(max_size=40)  # any unicode, NUL and control characters included
QUERY = st.lists(st.one_of(SYNTAX, TEXT, st.just(SECRET)), max_size=8).map(" ".join)


@pytest.fixture
def hidden(app):
    """A public service, and the secret word only where families must never find it."""
    public = make_service("Kestrelwing play", description="Open to everyone")
    make_wave()
    hidden_ids = {str(s.id) for s in (
        make_service(f"{SECRET} draft", description=SECRET, published=False),
        make_service(f"{SECRET} archived", description=SECRET, status="archived"),
        make_service(f"{SECRET} closed", description=SECRET, status="inactive"),
    )}
    # A provider's change waiting for approval: not live, so not searchable.
    from tests.staff.accounts import make_user

    provider = make_user("provider", organisation=public.organisation)
    revisions.submit(revisions.save_draft(public, provider, {"description": SECRET, "summary": SECRET}))
    db.session.commit()
    app.config["RATE_LIMIT_FACTOR"] = 10_000
    return str(public.id), hidden_ids


def _found(client, text: str) -> set[str]:
    html = client.get("/services", query_string={"q": text})
    assert html.status_code < 500, text
    data = client.get("/services.json", query_string={"q": text})
    assert data.status_code < 500, text
    api = client.get("/api/oruk/services", query_string={"search": text})
    assert api.status_code in (200, 400), text
    found = set(result_ids(html)) | {r["id"] for r in data.get_json()["results"]}
    return found | {s["id"] for s in (api.get_json().get("contents") or [])}


def test_the_control_case_search_does_find_what_is_published(client, hidden):
    public_id, _ = hidden
    assert _found(client, "Kestrelwing") == {public_id}
    assert _found(client, '"kestrelwing play"') == {public_id}


@FUZZ
@given(text=QUERY)
def test_search_syntax_never_errors_and_never_reaches_hidden_data(client, hidden, text):
    _public_id, hidden_ids = hidden
    assert not (_found(client, text) & hidden_ids)


PAGES = {
    "/services": ["q", "need", "age", "quadrant", "cost", "delivery", "day", "near", "page", "sort", "lang"],
    "/services.json": ["q", "need", "age", "quadrant", "cost", "delivery", "day", "near", "page", "sort"],
    "/": ["lang"],
    "/wall": ["quadrant", "theme", "page", "lang"],
    "/wall/new": ["prompt", "lang"],
    "/wall/moderation": ["lang"],
    "/survey": ["lang"],
    "/survey/results": ["wave", "lang"],
    "/survey/q/one-thing": ["change"],
    "/you-said-we-did": ["status", "theme", "quadrant", "page", "lang"],
    "/you-said-we-did/annual-report": ["lang"],
    "/shortlist": ["ids", "lang"],
    "/api/oruk/services": ["page", "per_page", "search", "taxonomy_term_id", "minimum_age", "day", "postcode",
                           "proximity", "modified_after"],
    "/api/oruk/taxonomy_terms": ["page", "per_page", "taxonomy_id"],
}
VALUES = st.one_of(TEXT, SYNTAX, st.integers().map(str),
                   st.sampled_from(["-1", "0", "1e400", "NaN", "inf", "9" * 40, "autism", "mid", "pl", "ro", "xx",
                                    "../../etc/passwd", "%00", "<script>", "{{7*7}}"]))


@FUZZ
@given(page=st.sampled_from(sorted(PAGES)), data=st.data())
def test_no_public_query_parameter_ever_causes_a_server_error(client, hidden, page, data):
    params = data.draw(st.lists(st.tuples(st.sampled_from(PAGES[page]), VALUES), max_size=5))
    response = client.get(page, query_string=params)
    assert response.status_code < 500, (page, params)


@FUZZ
@given(raw=st.binary(max_size=30), page=st.sampled_from(["/services", "/services.json", "/wall", "/shortlist",
                                                         "/api/oruk/services"]))
def test_bytes_that_are_not_utf8_in_the_query_string_are_not_an_error(client, hidden, raw, page):
    encoded = client.get(page, query_string=f"q={quote(raw)}&search={quote(raw)}&ids={quote(raw)}")
    assert encoded.status_code < 500
    # Raw, not percent-encoded, as a careless client or a probe might send them.
    literal = client.get(page, environ_overrides={"QUERY_STRING": (b"q=" + raw).decode("latin-1")})
    assert literal.status_code < 500


FORMS = {
    "/wall/new": ["text", "quadrant", "theme", "reg56_category", "email", "consent", "prompt", "website"],
    "/survey/q/one-thing": ["answer", "website"],
    "/survey/q/who": ["answer"],
    "/staff/sign-in": ["email", "password"],
    "/account/forgot-password": ["email"],
    "/shortlist/add": ["service_id", "next"],
    "/shortlist/save": ["ids"],
}


@FUZZ
@given(form=st.sampled_from(sorted(FORMS) + ["report", "follow-edit", "flag"]), data=st.data())
def test_no_form_field_ever_causes_a_server_error(client, hidden, form, data):
    public_id, _ = hidden
    paths = {"report": (f"/services/{public_id}/report-a-problem", ["reason", "details", "website"])}
    if form in ("follow-edit", "flag"):
        post, token = make_post("A comment", status="published")
        paths["follow-edit"] = (f"/wall/follow/{token}/edit", ["text", "website"])
        paths["flag"] = (f"/wall/{post.id}/flag", ["reason"])
    path, fields = paths.get(form, (form, FORMS.get(form, [])))
    values = data.draw(st.lists(st.tuples(st.sampled_from(fields), VALUES), max_size=6))
    assert client.post(path, data=MultiDict(values)).status_code < 500, (path, values)


@FUZZ
@given(raw=st.binary(max_size=60), path=st.sampled_from(["/wall/new", "/survey/q/one-thing", "/staff/sign-in"]))
def test_bodies_that_are_not_utf8_are_not_an_error(client, hidden, raw, path):
    response = client.post(path, data=b"text=" + raw + b"&answer=" + raw + b"&email=" + raw,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500
