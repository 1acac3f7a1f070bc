"""Every survey page: the title starts with the h1, no id is used twice, charts are styled by
class (the CSP forbids inline styles)."""
from __future__ import annotations

from collections import Counter

from localoffer.demo.survey import load_demo_survey
from localoffer.extensions import db

from ..helpers import page
from .conftest import make_user, sign_in


def check(response, url):
    assert response.status_code == 200, url
    soup = page(response)
    h1 = " ".join(soup.find("h1").get_text().split())
    title = " ".join(soup.title.get_text().split()).removeprefix("Error: ")
    assert title.startswith(h1), (url, title, h1)
    ids = Counter(el["id"] for el in soup.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == [], url
    assert not soup.select("[style]"), url


def test_public_and_staff_survey_pages_are_well_formed(app, client):
    load_demo_survey()
    db.session.commit()
    for url in ("/survey", "/survey/q/who", "/survey/q/info-1", "/survey/q/services", "/survey/q/one-thing",
                "/survey/results", "/survey/results?wave=2"):
        check(client.get(url), url)
    check(client.post("/survey/q/who", data={}), "who error")
    client.post("/survey/q/who", data={"answer": "parent-carer"})
    check(client.get("/survey/check"), "/survey/check")
    client.post("/survey/check")
    check(client.get("/survey/done"), "/survey/done")
    analyst = app.test_client()
    sign_in(analyst, make_user("forum_moderator"))
    for url in ("/staff/survey/", "/staff/survey/1", "/staff/survey/2?by=channel", "/staff/survey/1/coding",
                "/staff/survey/1/next-wave"):
        check(analyst.get(url), url)
    champion = app.test_client()
    sign_in(champion, make_user("champion"))
    for url in ("/staff/survey/enter", "/staff/survey/mine"):
        check(champion.get(url), url)
    champion.post("/staff/survey/enter", data={"channel": "paper", "group_name": "Group", "consent": "y"})
    check(champion.get("/staff/survey/enter/answers"), "/staff/survey/enter/answers")
