"""Demo search log: about 1,500 made-up searches over the last twelve months, so the insight
pages (unmet searches) have something to show. Every row is marked `is_demo` and the insight
pages say how many of their searches are made up.

The searches are patterns of what families look for, some aimed at real gaps in the demo
directory (speech therapy for young adults, short breaks for under-fives, hydrotherapy). Each
pattern is run through the real search once, so every logged result count is what the
directory really answers: a reader can repeat any of them. A few rare searches (a child's name,
a school) are there on purpose to show that rare words never appear on the insight pages.
Loading again adds nothing once any demo search exists."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..models import SearchLog
from ..search import SearchUnavailable, search_services
from ..search.query import SearchQuery
from ..data.searchlog import scrub_query

MONTHS = 12
FIRST_MONTH, LAST_MONTH = 80, 180  # searches a month: the site gets busier over the year
SEED = "essex-local-offer-demo-searches"


@dataclass(frozen=True)
class Pattern:
    weight: float
    text: str = ""
    needs: tuple[str, ...] = ()
    quadrants: tuple[str, ...] = ()
    age: int | None = None
    near: str = ""
    free: bool = False


P = Pattern
PATTERNS = (
    # Everyday searches that find plenty.
    P(10, "autism"), P(6, needs=("autism",), quadrants=("mid",), age=8), P(5, "holiday club", age=9),
    P(5, "speech therapy", age=4), P(4, needs=("adhd",), age=12), P(4, "parent support group"),
    P(4, "sendiass"), P(3, needs=("slcn",), quadrants=("south",), age=5), P(3, "swimming", free=True),
    P(3, "ehcp"), P(3, "dyslexia", age=10), P(3, needs=("semh",), quadrants=("west",), age=14),
    P(3, near="Chelmsford", needs=("autism",)), P(2, near="Basildon", age=7), P(2, "portage", age=2),
    P(2, needs=("pd",), quadrants=("north-east",), age=11), P(2, "youth club", needs=("autism",), age=15),
    # Searches aimed at gaps: the demo directory answers them with little or nothing.
    P(4, "music therapy"), P(3, "occupational therapy", age=20), P(3, "forest school", needs=("autism",), age=5),
    P(3, "holiday club", needs=("medical",), age=3), P(3, "supported internship", quadrants=("north-east",)),
    P(3, "befriending", age=21), P(2, "tourette"), P(2, "tic", needs=("adhd",)), P(2, "dance class", needs=("pd",)),
    P(2, "drama", needs=("hi",)), P(2, "swimming", free=True), P(2, "horse riding", needs=("pmld",)),
    P(2, "after school club", needs=("pmld",), age=9), P(2, "trampoline park quiet session"),
    P(2, "overnight respite", age=17, quadrants=("south",)), P(2, "sign language club", needs=("hi",)),
    P(1.5, "eating disorder", age=16, quadrants=("mid",)), P(1.5, "short breaks", needs=("pmld",), age=20),
    P(1.5, "sleep clinic"), P(1.5, "wheelchair football"), P(1, "saturday club", quadrants=("south",), age=3),
    # Searches near a place (the log keeps the town it matched, which gives the part of Essex).
    P(2, "social group", needs=("autism",), age=20, near="Clacton"), P(1, "college transport", age=19, near="Harlow"),
    # Rare searches: words used once or twice never reach the insight pages.
    P(0.1, "riding lessons for oliver"), P(0.1, "oakwood primary sensory"), P(0.1, "st lukes school harwich"),
)


def _month_starts(today: date) -> list[date]:
    index = today.year * 12 + today.month - 1 - (MONTHS - 1)
    return [date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(MONTHS)]


def _hours(rng: random.Random, month: date, today: date, count: int) -> list[datetime]:
    """`count` search times in the month (to the hour, like real log rows), never in the future."""
    end = min(date(month.year + month.month // 12, month.month % 12 + 1, 1), today + timedelta(days=1))
    hours = max(1, int((end - month).total_seconds() // 3600))
    start = datetime(month.year, month.month, 1, tzinfo=timezone.utc)
    now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    return [min(start + timedelta(hours=rng.randrange(hours)), now) for _ in range(count)]


def _result_count(pattern: Pattern) -> tuple[int, str]:
    """What the directory answers today, and the place `near` matched (as the log keeps it)."""
    results = search_services(SearchQuery(text=pattern.text, needs=pattern.needs, quadrants=pattern.quadrants,
                                          age=pattern.age, near=pattern.near, free=pattern.free, per_page=1))
    return results.total, results.near_place.name[:60] if results.near_place else ""


def load_demo_searches(session: Session, today: date | None = None) -> int:
    """Add the demo searches unless there are some already. Returns how many were added (0 also
    when the search index cannot be opened: the counts must come from the real search)."""
    if session.scalar(select(SearchLog.id).where(SearchLog.is_demo.is_(True)).limit(1)) is not None:
        return 0
    today = today or date.today()
    try:
        answers = {pattern: _result_count(pattern) for pattern in PATTERNS}
    except SearchUnavailable:
        return 0
    rng = random.Random(SEED)
    weights = [p.weight for p in PATTERNS]
    rows = []
    months = _month_starts(today)
    for i, month in enumerate(months):
        count = round(FIRST_MONTH + (LAST_MONTH - FIRST_MONTH) * i / (len(months) - 1))
        if month.year == today.year and month.month == today.month:
            count = max(1, count * today.day // 30)  # this month so far
        for when, pattern in zip(_hours(rng, month, today, count), rng.choices(PATTERNS, weights, k=count)):
            total, near = answers[pattern]
            rows.append({"created_at": when, "query": scrub_query(pattern.text), "needs": ",".join(pattern.needs),
                         "quadrants": ",".join(pattern.quadrants), "age": pattern.age,
                         "cost": "free" if pattern.free else "", "delivery": "", "days": "", "near": near,
                         "result_count": total, "is_demo": True})
    session.execute(insert(SearchLog), rows)
    session.commit()
    return len(rows)
