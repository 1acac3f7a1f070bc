"""A small directory, search log, wall and survey built once per module, small enough that
every insight figure can be worked out by hand in the tests."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from localoffer.extensions import db
from localoffer.models import SearchLog, WallPost
from tests.factories import make_service
from tests.search.conftest import module_app  # noqa: F401 (a fixture)
from tests.survey.conftest import add_response, make_wave

TODAY = date(2026, 6, 15)
LONG_AGO = date.today() - timedelta(days=800)


@pytest.fixture(scope="module")
def directory(module_app):  # noqa: F811
    """Autism services in Mid Essex, a hearing service in West Essex, a countywide social-care
    service, and listings families cannot find (unpublished, closed, archived)."""
    s = SimpleNamespace(
        little=make_service("Little Steps", needs=["autism"], categories=["health"], quadrants=["mid"],
                            min_age=0, max_age=4, waiting_weeks=4),
        bridge=make_service("Bridge Club", needs=["autism"], categories=["health", "leisure"], quadrants=["mid"],
                            min_age=3, max_age=12, waiting_weeks=10, access_route="referral"),
        county=make_service("County Short Breaks", needs=["autism"], categories=["social-care"], countywide=True,
                            min_age=16, max_age=25, access_route="ehcp"),
        hearing=make_service("West Hearing", needs=["hi"], categories=["health"], quadrants=["west"],
                             min_age=5, max_age=10, waiting_weeks=3, access_route="diagnosis"),
        paused=make_service("Paused Club", needs=["autism"], categories=["leisure"], quadrants=["mid"],
                            min_age=5, max_age=10, status="temporarily-closed"),
        draft=make_service("Draft Therapy", needs=["autism"], categories=["health"], quadrants=["mid"],
                           published=False),
        closed=make_service("Closed Club", needs=["autism"], categories=["leisure"], quadrants=["mid"],
                            status="inactive"),
        archived=make_service("Old Club", needs=["autism"], categories=["leisure"], quadrants=["mid"],
                              status="archived"),
    )
    for service in (s.little, s.closed, s.archived):  # not checked for over two years
        service.last_reviewed = LONG_AGO
    db.session.commit()
    return s


def log_search(when: datetime, *, query: str = "", needs: str = "", quadrants: str = "", age: int | None = None,
               near: str = "", results: int = 0, demo: bool = False) -> None:
    db.session.add(SearchLog(created_at=when, query=query, needs=needs, quadrants=quadrants, age=age, near=near,
                             result_count=results, is_demo=demo))


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def search_log(module_app):  # noqa: F811
    may, june = date(2026, 5, 10), date(2026, 6, 2)
    for hour in (9, 10):  # autism, Mid, age 3: two found nothing, one found 2, three found plenty
        log_search(at(may, hour), needs="autism", quadrants="mid", age=3, results=0)
    log_search(at(june, 9), needs="autism", quadrants="mid", age=3, results=2)
    for hour in (9, 10, 11):
        log_search(at(june, hour), needs="autism", quadrants="mid", age=3, results=10)
    log_search(at(june, 12), needs="hi", quadrants="west", age=20, results=1)
    log_search(at(june, 13), query="holiday club", near="Colchester", results=0)  # North East, by the place
    for day in range(1, 6):  # five different searches for the same words: shown
        log_search(at(date(2026, 4, day)), query="Hydrotherapy pool", results=0)
    for _ in range(3):  # the same search three times in one hour: one distinct search
        log_search(at(date(2026, 4, 1)), query="hydrotherapy pool", results=0)
    for day in range(1, 5):  # four searches with a name: never shown
        log_search(at(date(2026, 3, day)), query="riding for oliver", results=0)
    log_search(at(date(2025, 1, 5)), needs="autism", results=0)  # before the last 12 months
    log_search(at(june, 15), needs="pd", results=0, demo=True)
    db.session.commit()


def post(quadrant: str | None, themes: list[str], *, status: str = "published", day: date = date(2026, 5, 1)):
    when = at(day)
    db.session.add(WallPost(text="A comment", published_text="A comment", quadrant=quadrant, themes=themes,
                            status=status, consent=True, submitted_at=when, updated_at=when,
                            published_at=when if status == "published" else None))


@pytest.fixture(scope="module")
def wall(module_app):  # noqa: F811
    for _ in range(6):
        post("mid", ["health"])
    for _ in range(2):
        post("west", ["health"])
    for _ in range(5):
        post("mid", ["social-care"], day=date(2026, 2, 1))
    for _ in range(3):
        post("mid", ["health"], status="awaiting-review")  # not published: never counted
    db.session.commit()


@pytest.fixture(scope="module")
def survey(module_app):  # noqa: F811
    """A closed wave: 16 answers from Mid Essex (10 agree), 5 from South Essex and 3 from West."""
    wave = make_wave("2025", status="closed")
    for i in range(16):
        add_response(wave, {"who": "parent-carer", "quadrant": "mid", "info-1": "agree" if i < 10 else "disagree"})
    for quadrant, count in (("south", 5), ("west", 3)):
        for _ in range(count):
            add_response(wave, {"who": "parent-carer", "quadrant": quadrant, "info-1": "agree"})
    return wave
