"""Every page: title starts with the h1, ids are unique, and nothing escapes unescaped."""
from __future__ import annotations

from collections import Counter

from localoffer.data import annual_report, yswd
from localoffer.extensions import db

from ..helpers import page
from .conftest import client_for, new_record, publish, survey_with_results, wall_post


def _check(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = page(response)
    h1 = " ".join(html.h1.get_text(" ").split())
    assert " ".join(html.title.get_text().split()).startswith(h1), (url, h1)
    ids = Counter(el["id"] for el in html.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == [], url


def test_public_and_staff_pages_are_well_formed(app, forum, council):
    record = new_record(forum, council, title="Title with <em>tags</em>")
    survey_with_results()
    post = wall_post()
    yswd.link_wall_post(record, post.id, council, linked=True)
    yswd.edit(record, council, {"progress": [{"date": "2026-01-01", "text": "Did a thing", "link": "", "percent": 5}],
                                "champion_reports": [{"group": "G", "channel": "phone", "families": 5,
                                                      "summary": "S"}]})
    published = publish(record, forum, council)
    report = annual_report.prepare(council, published.published_at.date().replace(day=1), published.published_at.date(),
                                   "Report")
    annual_report.update_text(report, council, title="Report", joint_statement="J", involvement="I")
    annual_report.sign(report, council, annual_report.fingerprint(report))
    annual_report.sign(report, forum, annual_report.fingerprint(report))
    db.session.commit()
    public = app.test_client()
    ref = record.reference
    for url in ("/you-said-we-did", f"/you-said-we-did/{ref}", f"/you-said-we-did/{ref}/history",
                f"/you-said-we-did/{ref}/history/{published.number}", "/you-said-we-did/annual-report",
                f"/you-said-we-did/annual-report/{report.id}"):
        _check(public, url)
    base = "/staff/you-said-we-did"
    council_client, forum_client = client_for(app, council), client_for(app, forum)
    for url in (f"{base}/", f"{base}/new", f"{base}/{ref}", f"{base}/{ref}/versions/1", f"{base}/{ref}/edit/about",
                f"{base}/{ref}/edit/we-will", f"{base}/{ref}/edit/status", f"{base}/{ref}/progress",
                f"{base}/{ref}/evidence", f"{base}/{ref}/evidence/wall-posts", f"{base}/{ref}/evidence/survey",
                f"{base}/{ref}/evidence/champion-report", f"{base}/{ref}/sign", f"{base}/{ref}/publish-alone",
                f"{base}/annual-reports", f"{base}/annual-reports/new", f"{base}/annual-reports/{report.id}",
                f"{base}/annual-reports/{report.id}/statement"):
        _check(council_client, url)
    for url in (f"{base}/{ref}/edit/you-said", f"{base}/{ref}/edit/forum-view", f"{base}/new"):
        _check(forum_client, url)
    assert "<em>tags</em>" not in public.get(f"/you-said-we-did/{ref}").get_data(as_text=True)
