"""The demo survey: two waves of one series with the same codes, loaded once."""
from __future__ import annotations

from sqlalchemy import func, select

from localoffer.data import survey as survey_data, survey_results
from localoffer.demo.staff import demo_email
from localoffer.demo.survey import load_demo_survey
from localoffer.extensions import db
from localoffer.models import Survey, SurveyResponse

from .conftest import make_user


def test_the_demo_survey_loads_once_with_two_comparable_waves(app, client):
    champion = make_user("champion", email=demo_email("champion"))
    load_demo_survey()
    db.session.commit()
    load_demo_survey()
    db.session.commit()
    last, current = db.session.scalars(select(Survey).order_by(Survey.id)).all()
    assert (last.wave, last.status, last.results_published) == ("2025", "closed", True)
    assert (current.wave, current.status, current.results_published) == ("2026", "open", False)
    assert [q.code for q in last.questions] == [q.code for q in current.questions]
    assert len(last.questions) == 12
    counts = survey_data.response_counts_by_channel([last.id, current.id])
    assert sum(counts[last.id].values()) == 150 and sum(counts[current.id].values()) == 40
    assert counts[last.id]["online"] > 100 and len(counts[last.id]) > 2
    entered = db.session.scalar(select(func.count()).select_from(SurveyResponse)
                                .where(SurveyResponse.entered_by_id == champion.id))
    assert entered == sum(v for k, v in counts[last.id].items() if k != "online") + \
        sum(v for k, v in counts[current.id].items() if k != "online")
    assert survey_data.open_survey(__import__("datetime").date.today()) == current
    # The years differ, and some breakdown cell is small enough to be hidden.
    now = {f["code"]: f["positive_percent"] for f in survey_results.headline_figures(current)}
    before = {f["code"]: f["positive_percent"] for f in survey_results.headline_figures(last)}
    assert now != before
    results = survey_results.survey_results(current, by="quadrant", previous=last)
    assert any(c.count_text == "fewer than 5" for r in results for row in r.groups for c in row.cells)
    assert any(r.previous_positive is not None for r in results)
    coded, total = survey_data.coding_progress(last)
    assert 0 < coded <= total
    assert client.get("/survey").status_code == 200 and "Family Impact Survey 2026" in client.get("/survey").text
