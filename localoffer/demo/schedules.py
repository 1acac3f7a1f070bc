"""Opening times for demo listings, and how a family would read them ("on Tuesdays from
4pm to 5:30pm in term time").

A listing's name can promise a time ("Friday Night Club", "monthly coffee morning"); the
timetable always keeps that promise, because a family reading one and then the other
would not know which to believe."""
from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from .holidays import upcoming_holidays
from .kind import Kind
from .specs import ScheduleSpec

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
             "SA": "Saturday", "SU": "Sunday"}
ORDER = tuple(DAY_NAMES)
OFFICE_HOURS = (("09:00", "17:00"), ("08:30", "16:30"), ("09:00", "16:00"), ("08:45", "17:15"))
MAX_SESSIONS_PER_HOLIDAY = 8

# Times used when a name promises a part of the day the kind's usual times don't cover.
PART_TIMES = {
    "evening": (("18:00", "20:00"), ("18:30", "20:30"), ("19:00", "21:00")),
    "after-school": (("15:30", "17:00"), ("16:00", "17:30"), ("15:45", "17:15")),
    "morning": (("09:30", "11:30"), ("10:00", "12:00")),
}
# Overnight stays: (nights, arrival time, how the house describes them).
OVERNIGHT_PATTERNS = (
    ("FR", "17:00", "Overnight stays from Friday 5pm to Saturday 10am."),
    ("SA", "16:00", "Overnight stays from Saturday 4pm to Sunday 11am."),
    ("FR,SA", "17:00", "Friday or Saturday overnight: arrive from 5pm, home by 10am the next morning."),
    ("TU,TH", "15:30", "Midweek overnight stays: we collect from school at 3:30pm and take your child to "
     "school the next morning."),
)
OVERNIGHT_NOTES = ("Each child usually stays one to four nights a month.",
                   "Stays are booked a term ahead; most children come two nights a month.", "")


@dataclass(frozen=True)
class NameTiming:
    """What a listing's name promises about its timetable."""

    day: str | None = None  # 'FR' for "Friday Friends"
    part: str | None = None  # a PART_TIMES key
    monthly: bool = False


_DAY_WORDS = {name.lower(): code for code, name in DAY_NAMES.items()}
_PART_WORDS = (
    ("evening", r"\bevenings?\b|\bnight club\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) night\b"
                r"|\btwilight\b"),
    ("after-school", r"\bafter[- ]school\b"),
    ("morning", r"\bmornings?\b"),
)


def timing_in_name(name: str) -> NameTiming:
    """The day and part of the day a name promises, if any."""
    lower = name.lower()
    day = next((code for word, code in _DAY_WORDS.items() if re.search(rf"\b{word}s?\b", lower)), None)
    part = next((part for part, pattern in _PART_WORDS if re.search(pattern, lower)), None)
    return NameTiming(day, part, bool(re.search(r"\bmonthly\b", lower)))


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _times_for(kind: Kind, part: str | None) -> tuple[tuple[str, str], ...]:
    """The kind's usual times that fit the part of the day the name promises."""
    if part is None:
        return kind.times
    fits = {
        "evening": lambda opens: opens >= "17:00",
        "after-school": lambda opens: "15:00" <= opens <= "16:30",
        "morning": lambda opens: opens < "11:00",
    }[part]
    return tuple(t for t in kind.times if fits(t[0])) or PART_TIMES[part]


def build_schedules(kind: Kind, rng: random.Random, today: date, venue_id: uuid.UUID | None,
                    timing: NameTiming = NameTiming()) -> list[ScheduleSpec]:
    found = _build(kind, rng, today, venue_id, timing)
    if timing.monthly and found and found[0].freq == "WEEKLY":
        day = DAY_NAMES[found[0].byday.split(",")[0]]
        note = rng.choice((f"Monthly, on the first {day} of the month.", f"Once a month – usually the first {day}.",
                           f"Monthly (first {day} of the month, except August)."))
        found = [replace(found[0], description=note)]
    return found


def _build(kind: Kind, rng: random.Random, today: date, venue_id: uuid.UUID | None,
           timing: NameTiming) -> list[ScheduleSpec]:
    style = kind.schedule
    times = _times_for(kind, timing.part)
    # A day in the name is the only day the listing runs.
    days = (timing.day,) if timing.day else kind.days
    opens, closes = (_time(t) for t in rng.choice(times))

    def weekly(byday: str, term: str, **extra) -> ScheduleSpec:
        return ScheduleSpec(freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes, term=term,
                            venue_id=venue_id, **extra)

    if style == "none":
        return []
    if style == "overnight":
        return [_overnight(rng, venue_id, timing.day)]
    if style in ("office", "appointments"):
        opens, closes = (_time(t) for t in rng.choice(OFFICE_HOURS))
        note = "By appointment only." if style == "appointments" else ""
        if rng.random() < 0.25:
            # A shorter Friday, as many offices keep.
            return [weekly("MO,TU,WE,TH", "all-year", description=note),
                    ScheduleSpec(freq="WEEKLY", byday="FR", opens_at=opens, closes_at=time(16, 0), term="all-year",
                                 venue_id=venue_id, description=note)]
        return [weekly(",".join(WEEKDAYS), "all-year", description=note)]
    if style == "weekly":
        chosen = days if len(days) >= 5 else _pick_days(rng, days, rng.randint(1, 3))
        return [weekly(",".join(chosen), "all-year")]
    if style == "weekly-term":
        found = [weekly(",".join(_pick_days(rng, days, 1)), "term-time",
                        description=rng.choice(("", "", "No sessions in half term.", "Term time only.")))]
        if rng.random() < 0.3:
            second = _pick_days(rng, days, 1)
            if second[0] != found[0].byday:
                opens, closes = (_time(t) for t in rng.choice(times))
                found.append(weekly(second[0], "term-time"))
        return found
    if style == "weekend":
        if set(days) == set(WEEKDAYS):
            days = ("SA", "SU")  # the kind kept the default weekdays: weekend means the weekend
        day = _pick_days(rng, days, 1)
        term = rng.choice(("all-year", "all-year", "term-time"))
        return [weekly(",".join(day), term)]
    if style == "evening":
        return [weekly(",".join(_pick_days(rng, days, 1)), rng.choice(("all-year", "term-time")))]
    if style == "course":
        return [_course(rng, days, today, opens, closes, venue_id)]
    if style == "holiday-dates":
        return _holiday_sessions(rng, today, opens, closes, venue_id, timing.day)
    raise ValueError(style)


def _overnight(rng: random.Random, venue_id: uuid.UUID | None, day: str | None) -> ScheduleSpec:
    """Overnight stays at a short breaks home: they start on one day and end the next,
    so the closing time is left out and the pattern is spelt out in words."""
    patterns = [p for p in OVERNIGHT_PATTERNS if day is None or day in p[0].split(",")] or OVERNIGHT_PATTERNS
    byday, arrive, words = rng.choice(patterns)
    note = " ".join(t for t in (words, rng.choice(OVERNIGHT_NOTES)) if t)
    return ScheduleSpec(freq="WEEKLY", byday=byday, opens_at=_time(arrive), closes_at=None, term="all-year",
                        description=note, venue_id=venue_id)


def _pick_days(rng: random.Random, days: tuple[str, ...], count: int) -> list[str]:
    chosen = rng.sample(days, min(count, len(days)))
    return sorted(chosen, key=ORDER.index)


def _course(rng, days, today, opens, closes, venue_id) -> ScheduleSpec:
    byday = _pick_days(rng, days, 1)[0]
    start = today + timedelta(days=rng.randint(10, 50))
    start += timedelta(days=(ORDER.index(byday) - start.weekday()) % 7)
    weeks = rng.choice((6, 6, 8, 10))
    return ScheduleSpec(freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes, term="term-time",
                        valid_from=start, valid_to=start + timedelta(weeks=weeks - 1),
                        description=f"{weeks}-week course. Booking essential.", venue_id=venue_id)


def _holiday_sessions(rng, today, opens, closes, venue_id, day: str | None = None) -> list[ScheduleSpec]:
    """Dated sessions in the next two school holidays, on the club's usual weekdays."""
    club_days = set(rng.choice(((0, 1, 2, 3), (0, 2, 4), (1, 2, 3), (0, 1, 2, 3, 4))))
    if day in WEEKDAYS:
        club_days = {ORDER.index(day)}
    found = []
    for holiday in upcoming_holidays(today, 2):
        days = [d for d in holiday.weekdays() if d.weekday() in club_days][:MAX_SESSIONS_PER_HOLIDAY]
        found += [ScheduleSpec(freq=None, dtstart=d, opens_at=opens, closes_at=closes, term="holidays",
                               description=f"{holiday.name.capitalize()} session", venue_id=venue_id)
                  for d in days]
    return found


def format_time(value: time) -> str:
    if value == time(12, 0):
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def _days_phrase(byday: str) -> str:
    days = [d for d in byday.split(",") if d in DAY_NAMES]
    if days == list(WEEKDAYS):
        return "Monday to Friday"
    if days == list(ORDER):
        return "every day"
    if days == ["SA", "SU"]:
        return "at weekends"
    names = [f"{DAY_NAMES[d]}s" for d in days]
    if len(names) == 1:
        return f"on {names[0]}"
    return "on " + ", ".join(names[:-1]) + f" and {names[-1]}"


def describe(schedules: list[ScheduleSpec]) -> str:
    """The first schedule in words, or '' when there is nothing to say (an overnight stay's
    own description says it better than any sentence built around it)."""
    if not schedules or (schedules[0].opens_at and not schedules[0].closes_at):
        return ""
    first = schedules[0]
    if first.freq is None and first.dtstart:
        last = max(s.dtstart for s in schedules if s.dtstart)
        return f"on selected days from {_date(first.dtstart)} to {_date(last)}"
    if first.opens_at == time(0, 0) and first.closes_at == time(23, 59):
        return "24 hours a day, every day"
    phrase = _days_phrase(first.byday)
    if first.opens_at and first.closes_at:
        phrase += f" from {format_time(first.opens_at)} to {format_time(first.closes_at)}"
    if first.valid_from:
        phrase += f", starting {_date(first.valid_from)}"
    elif first.term == "term-time":
        phrase += " in term time"
    return phrase


def _date(value: date) -> str:
    return f"{value.day} {value:%B}"
