"""The public "you said, we did" pages show published versions only."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from localoffer.data import yswd
from localoffer.extensions import db

from ..helpers import page
from .conftest import new_record, publish, wall_post


def test_the_list_and_record_pages_exist_and_show_a_published_record(client, forum, council):
    record = new_record(forum, council)
    publish(record, forum, council)
    response = client.get("/you-said-we-did")
    assert response.status_code == 200
    assert "Therapy waiting times" in response.get_data(as_text=True)
    response = client.get(f"/you-said-we-did/{record.reference}")
    assert response.status_code == 200
    html = page(response)
    assert html.h1.get_text(strip=True) == "Therapy waiting times"
    assert html.title.get_text().startswith("Therapy waiting times")
    text = html.get_text(" ")
    assert "Families wait too long for therapy" in text and "Recruit two more speech therapists" in text
    assert "Therapies team" in text


def test_a_draft_record_is_not_public(client, forum, council):
    record = new_record(forum, council)
    assert client.get(f"/you-said-we-did/{record.reference}").status_code == 404
    assert "Therapy waiting times" not in client.get("/you-said-we-did").get_data(as_text=True)
    assert client.get("/you-said-we-did/YSWD-1999-001").status_code == 404


def test_an_unsigned_newer_version_is_never_shown(client, forum, council):
    record = new_record(forum, council)
    publish(record, forum, council)
    yswd.edit(record, council, {"we_will": "A secret draft response"})
    yswd.sign(record, council, yswd.latest(record).number)  # signed by one side only
    db.session.commit()
    for url in (f"/you-said-we-did/{record.reference}", "/you-said-we-did",
                f"/you-said-we-did/{record.reference}/history"):
        assert "A secret draft response" not in client.get(url).get_data(as_text=True)


def test_history_lists_only_published_versions(client, forum, council):
    record = new_record(forum, council)
    first = publish(record, forum, council)
    yswd.edit(record, council, {"status": "done"}, "Finished the work")
    second = publish(record, forum, council)
    draft = yswd.edit(record, forum, {"forum_view": "agreed"}, "Draft view")
    db.session.commit()
    html = client.get(f"/you-said-we-did/{record.reference}/history").get_data(as_text=True)
    assert "Finished the work" in html and "Draft view" not in html
    base = f"/you-said-we-did/{record.reference}/history/"
    assert client.get(base + str(first.number)).status_code == 200
    assert client.get(base + str(second.number)).status_code == 200
    assert client.get(base + str(draft.number)).status_code == 404
    assert client.get(base + "1").status_code == 404  # version 1 was never published
    assert client.get(base + "999").status_code == 404


def test_history_of_an_unpublished_record_is_not_found(client, forum, council):
    record = new_record(forum, council)
    assert client.get(f"/you-said-we-did/{record.reference}/history").status_code == 404


def test_evidence_shows_published_wall_posts_only_and_a_post_taken_down_disappears(client, forum, council):
    record = new_record(forum, council)
    kept = wall_post("Speech therapy came far too late", quadrant="south")
    removed = wall_post("We waited two years for help", quadrant="mid", channel="group")
    yswd.link_wall_post(record, kept.id, council, linked=True)
    yswd.link_wall_post(record, removed.id, council, linked=True)
    yswd.edit(record, council, {"champion_reports": [{"group": "Parents group", "channel": "event", "families": 7,
                                                      "quadrant": "west", "summary": "Long waits"}]})
    publish(record, forum, council)
    text = " ".join(page(client.get(f"/you-said-we-did/{record.reference}")).get_text(" ").split())
    assert "We waited two years for help" in text and "Heard from 9 families across 3 parts of Essex" in text
    removed.status, removed.published_text = "hidden", None
    db.session.commit()
    text = " ".join(page(client.get(f"/you-said-we-did/{record.reference}")).get_text(" ").split())
    assert "We waited two years for help" not in text
    assert "Speech therapy came far too late" in text and "Heard from 8 families across 2 parts of Essex" in text


def test_signatures_show_organisation_role_and_date_but_no_names(client, forum, council):
    record = new_record(forum, council)
    publish(record, forum, council)
    html = client.get(f"/you-said-we-did/{record.reference}").get_data(as_text=True)
    assert "Essex County Council: signed by a council moderator on" in html
    assert "Essex Family Forum: signed by a family forum moderator on" in html
    for person in (forum, council):
        assert person.email not in html and person.display_name not in html


def test_a_response_published_without_the_forum_says_so(client, forum, council):
    record = new_record(forum, council)
    current = yswd.sign(record, council, yswd.latest(record).number)
    current.council_signed_at = current.council_signed_at - timedelta(days=30)
    yswd.publish_alone(record, council, current.number)
    db.session.commit()
    html = client.get(f"/you-said-we-did/{record.reference}").get_data(as_text=True)
    assert "The Essex Family Forum has not agreed this response" in html
    assert "Published without the Forum's agreement" in page(client.get("/you-said-we-did")).get_text()


def test_an_overdue_record_is_marked_on_the_list_and_the_page(client, forum, council):
    record = new_record(forum, council, target=date.today() - timedelta(days=3))
    publish(record, forum, council)
    assert "Overdue" in client.get("/you-said-we-did").get_data(as_text=True)
    assert "Overdue" in client.get(f"/you-said-we-did/{record.reference}").get_data(as_text=True)


def test_the_list_filters_by_status_theme_and_quadrant_and_ignores_unknown_values(client, forum, council):
    one = new_record(forum, council, title="About therapy")
    yswd.edit(one, forum, {"themes": ["health"], "quadrants": ["mid"]})
    publish(one, forum, council)
    two = new_record(forum, council, title="About transport", status="looking-into-it")
    yswd.edit(two, forum, {"themes": ["travel"], "quadrants": ["west"]})
    publish(two, forum, council)

    def titles(query):
        response = client.get("/you-said-we-did" + query)
        assert response.status_code == 200
        return {h.get_text(strip=True) for h in page(response).select(".lo-result h3")}

    assert titles("") == {"About therapy", "About transport"}
    assert titles("?status=looking-into-it") == {"About transport"}
    assert titles("?theme=health") == {"About therapy"}
    assert titles("?quadrant=west") == {"About transport"}
    assert titles("?status=nonsense&theme=<script>&quadrant=") == {"About therapy", "About transport"}


def test_families_words_and_staff_text_are_escaped(client, forum, council):
    record = new_record(forum, council, title="<script>alert('t')</script>", you_said="<img src=x onerror=alert(1)>",
                        we_will="<b>bold</b>")
    post = wall_post("<script>alert('post')</script>")
    yswd.link_wall_post(record, post.id, council, linked=True)
    yswd.edit(record, council, {"progress": [{"date": "2026-01-05", "text": "<i>x</i>",
                                              "link": "https://example.org/\"><script>", "percent": 10}]})
    publish(record, forum, council)
    for url in (f"/you-said-we-did/{record.reference}", "/you-said-we-did"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.get(f"/you-said-we-did/{record.reference}").get_data(as_text=True)


def test_survey_evidence_uses_published_results_with_suppression(client, forum, council):
    pytest.importorskip("localoffer.data.survey_results")
    from .conftest import survey_with_results

    record = new_record(forum, council)
    survey = survey_with_results(answers=("agree",) * 6)
    yswd.add_survey_evidence(record, council, survey.id, "listened-1")
    small = survey_with_results(answers=("agree",) * 2, wave="2027")
    yswd.add_survey_evidence(record, council, small.id, "listened-1")
    publish(record, forum, council)
    text = " ".join(page(client.get(f"/you-said-we-did/{record.reference}")).get_text(" ").split())
    assert "100% of 6 people who answered" in text
    assert "fewer than 5 people answered" in text
    survey.results_published = False
    db.session.commit()
    text = " ".join(page(client.get(f"/you-said-we-did/{record.reference}")).get_text(" ").split())
    assert "of 6 people" not in text


def test_survey_evidence_only_from_surveys_with_published_results(app, forum, council):
    from .conftest import survey_with_results

    record = new_record(forum, council)
    survey = survey_with_results(published=False)
    with pytest.raises(yswd.YswdError):
        yswd.add_survey_evidence(record, council, survey.id, "listened-1")
    survey.results_published = True
    with pytest.raises(yswd.YswdError):
        yswd.add_survey_evidence(record, council, survey.id, "no-such-code")
    assert yswd.add_survey_evidence(record, council, survey.id, "listened-1").survey_evidence == [
        {"survey_id": survey.id, "code": "listened-1"}]
