"""User text is never rendered as markup, and is still shown (ASVS 5.0 v1.2.1, v1.2.2, v1.2.3,
v1.3.7, v3.2.2): an XSS corpus pushed through every place families, providers and staff write,
checked on every page that shows it, public and staff (the moderation screens first: moderators
read raw words with the most privileges)."""
from __future__ import annotations

import itertools
import json

import pytest
from bs4 import BeautifulSoup

from localoffer.data import wall as wall_data
from localoffer.extensions import db
from localoffer.models import ProblemReport, WallPrompt
from tests.factories import make_organisation, make_service
from tests.survey.conftest import add_response, make_wave
from tests.yswd.conftest import new_record, publish

from ..helpers import normalize_spaces
from ..staff.accounts import client_for, make_user

_ids = itertools.count(1)


def corpus() -> list[str]:
    """Each payload carries a unique marker, so a hit says which one got through."""
    payloads = [
        "<script>alert('{m}')</script>",
        "<img src=x onerror=alert('{m}')>",
        "\"><svg onload=alert('{m}')>",
        "<a href=\"javascript:alert('{m}')\">click {m}</a>",
        "javascript:alert('{m}')",
        "[more info](javascript:alert('{m}'))",
        "{{{{7*7}}}}-{m}",
        "{{% print(7*7) %}}-{m} ${{7*7}}",
        "' onmouseover='alert(\"{m}\")' x='",
        "<iframe src=//evil.example/{m}></iframe><style>*{{display:none}}</style>",
        "line {m}\r\nSet-Cookie: injected={m}",
        "\u202egnp.exe {m} zero\u200bwidth\ufeff \U0001F469\u200D\U0001F467",
    ]
    return [p.format(m=f"xss{next(_ids)}x") for p in payloads]


def assert_safe(html: str, payloads: list[str], where: str, shown: bool = True) -> None:
    """Nothing a payload carried became markup, and (if `shown`) every payload is on the page as text."""
    soup = BeautifulSoup(html, "html5lib")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            assert not name.lower().startswith("on"), f"{where}: event handler {name} on <{element.name}>"
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")), where
        if element.name in ("script", "iframe", "style", "svg", "object", "embed"):
            assert "xss" not in str(element), f"{where}: a payload made a <{element.name}>"
        if element.name == "script" and not element.get("src"):
            assert element.get("nonce"), f"{where}: an inline script without the nonce"
    text = normalize_spaces(soup.get_text(" "))
    assert "49-xss" not in text, f"{where}: a template expression was evaluated"
    if shown:
        for payload in payloads:
            assert normalize_spaces(payload) in text, f"{where}: {payload!r} is not shown as text"


def _get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def test_wall_posts_and_prompts_on_the_wall_the_follow_page_and_every_moderation_screen(app, client):
    council = client_for(app, make_user("council_moderator"))
    payloads = corpus()
    posts = []
    for chunk in (payloads[:6], payloads[6:]):
        text = " ".join(chunk)
        post, token = wall_data.submit_post(text, email="family@example.org")
        posts.append((post, token, chunk))
    prompt = WallPrompt(text=payloads[0][:200])
    db.session.add(prompt)
    db.session.commit()
    assert_safe(_get(client, f"/wall/new?prompt={prompt.id}"), payloads[:1], "wall prompt")
    for post, token, chunk in posts:
        assert_safe(_get(council, f"/staff/wall/{post.id}"), chunk, "staff wall post")
        assert_safe(_get(client, f"/wall/follow/{token}"), chunk, "follow page")
    assert_safe(_get(council, "/staff/wall/"), [], "moderation queue", shown=False)
    for post, _token, _chunk in posts:
        post.status, post.published_text = "published", post.text
        post.published_at = post.submitted_at
    db.session.commit()
    wall = _get(client, "/wall")
    assert_safe(wall, payloads, "public wall")
    for post, _token, chunk in posts:
        assert_safe(_get(client, f"/wall/{post.id}"), chunk, "one post")


def test_survey_free_text_on_the_check_page_and_the_coding_screen(app, client):
    survey = make_wave()
    analyst = client_for(app, make_user("forum_moderator"))
    payloads = corpus()
    for payload in payloads:
        add_response(survey, {"who": "parent-carer"}, text=payload)
    client.post("/survey/q/who", data={"answer": "parent-carer"})
    client.post("/survey/q/one-thing", data={"answer": " ".join(payloads[:6])})
    assert_safe(_get(client, "/survey/check"), payloads[:6], "check your answers")
    coding = analyst.get(f"/staff/survey/{survey.id}/coding")
    assert coding.status_code == 200
    assert_safe(coding.get_data(as_text=True), [], "coding screen", shown=False)
    assert "xss" in coding.get_data(as_text=True)  # an answer to code is shown


def test_problem_report_details_in_the_staff_triage_screens(app):
    service = make_service("Holiday club")
    council = client_for(app, make_user("council_moderator"))
    payloads = corpus()
    report = ProblemReport(service_id=service.id, reason="something-else", details=" ".join(payloads))
    db.session.add(report)
    db.session.commit()
    assert_safe(_get(council, f"/staff/reports/{report.id}"), payloads, "problem report")
    assert_safe(_get(council, "/staff/reports/"), [], "report list", shown=False)


def test_provider_and_service_names_and_descriptions_everywhere_they_show(app, client):
    payloads = corpus()
    organisation = make_organisation(payloads[1][:200])
    service = make_service(payloads[0][:255], summary=payloads[2], description=" ".join(payloads) + " swimming",
                           organisation=organisation, town="Chelmsford")
    council = client_for(app, make_user("council_moderator"))
    page_payloads = [payloads[0][:255], payloads[2]] + payloads
    assert_safe(_get(client, f"/services/{service.id}"), page_payloads, "service page")
    assert_safe(_get(client, "/services?q=swimming"), [payloads[0][:255], payloads[2]], "search results")
    assert_safe(_get(client, f"/services/{service.id}/report-a-problem"), [payloads[0][:255]], "report form")
    client.post("/shortlist/add", data={"service_id": str(service.id)})
    assert_safe(_get(client, "/shortlist"), [payloads[0][:255]], "shortlist")
    assert_safe(_get(council, f"/staff/listings/{service.id}"), [payloads[0][:255]], "staff listing")
    assert_safe(_get(council, "/staff/listings/all"), [], "all listings", shown=False)
    for path in ("/services.json?q=swimming", f"/api/oruk/services/{service.id}"):
        response = client.get(path)
        assert response.mimetype == "application/json"
        body = response.get_data(as_text=True)
        assert payloads[0][:255] in json.dumps(json.loads(body), ensure_ascii=False)  # the text, as data


def test_staff_names_in_user_admin_audit_and_moderation_decisions(app):
    payloads = corpus()
    moderator = make_user("council_moderator", name=payloads[0][:100])
    council = client_for(app, moderator)
    admin = client_for(app, make_user("admin"))
    post, _ = wall_data.submit_post("A comment")
    db.session.commit()
    council.post(f"/staff/wall/{post.id}/publish", data={"themes": ["other"], "reg56_category": "content-gaps",
                                                         "marker": "removed", "state": ""})
    assert_safe(_get(admin, "/staff/users/"), [payloads[0][:100]], "user list")
    assert_safe(_get(admin, f"/staff/users/{moderator.id}"), [payloads[0][:100]], "user page")
    assert_safe(_get(admin, "/staff/audit/"), [], "audit log", shown=False)
    assert_safe(_get(council, f"/staff/wall/{post.id}"), [], "decision history", shown=False)


def test_you_said_we_did_records_on_public_and_staff_pages(app, client):
    payloads = corpus()
    forum, council = make_user("forum_moderator"), make_user("council_moderator")
    record = new_record(forum, council, title=payloads[0][:200], you_said=" ".join(payloads[:6]),
                        we_will=" ".join(payloads[6:]))
    publish(record, forum, council)
    assert_safe(_get(client, f"/you-said-we-did/{record.reference}"), [payloads[0][:200]] + payloads,
                "public record")
    assert_safe(_get(client, "/you-said-we-did"), [payloads[0][:200]], "public list")
    assert_safe(_get(client, f"/you-said-we-did/{record.reference}/history"), [], "history", shown=False)
    staff = client_for(app, forum)
    assert_safe(_get(staff, f"/staff/you-said-we-did/{record.reference}"), [payloads[0][:200]], "staff record")


@pytest.mark.parametrize("payload", corpus())
def test_what_was_searched_for_is_echoed_as_text_only(client, payload):
    html = _get(client, "/services?" + __import__("urllib.parse").parse.urlencode({"q": payload, "near": payload}))
    assert_safe(html, [], "search echo", shown=False)
    soup = BeautifulSoup(html, "html5lib")
    assert soup.select_one("input[name=q]")["value"] == normalize_spaces(payload)[:200]
    data = client.get("/services.json", query_string={"q": payload})
    assert data.mimetype == "application/json" and "<" not in data.headers["Content-Type"]
