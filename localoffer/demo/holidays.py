"""Approximate English school holidays, so demo holiday clubs always have sessions coming up.

Essex publishes exact term dates each year; for demo data the usual pattern is enough:
half terms in the weeks of the February, May and October breaks, two weeks at Easter,
summer from late July to the end of August and a fortnight at Christmas.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Holiday:
    name: str
    start: date
    end: date

    def weekdays(self, from_day: date | None = None) -> list[date]:
        """Weekdays in the holiday that are not bank holidays, from `from_day` on."""
        day = max(self.start, from_day or self.start)
        found = []
        while day <= self.end:
            if day.weekday() < 5 and day not in _bank_holidays(day.year):
                found.append(day)
            day += timedelta(days=1)
        return found


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return day - timedelta(days=day.weekday())


def _bank_holidays(year: int) -> set[date]:
    easter = easter_sunday(year)
    return {
        date(year, 1, 1), easter - timedelta(days=2), easter + timedelta(days=1),
        _monday_on_or_after(date(year, 5, 1)), _last_monday(year, 5), _last_monday(year, 8),
        date(year, 12, 25), date(year, 12, 26),
    }


def school_holidays(year: int) -> list[Holiday]:
    easter = easter_sunday(year)
    feb = _monday_on_or_after(date(year, 2, 12))
    may = _last_monday(year, 5)
    october = _last_monday(year, 10)
    summer = _monday_on_or_after(date(year, 7, 21))
    return [
        Holiday("February half term", feb, feb + timedelta(days=4)),
        Holiday("Easter holidays", easter - timedelta(days=6), easter + timedelta(days=8)),
        Holiday("May half term", may, may + timedelta(days=4)),
        Holiday("summer holidays", summer, date(year, 8, 31)),
        Holiday("October half term", october, october + timedelta(days=4)),
        Holiday("Christmas holidays", date(year, 12, 22), date(year + 1, 1, 2)),
    ]


def upcoming_holidays(today: date, count: int = 2) -> list[Holiday]:
    """The next `count` holidays that still have a weekday session ahead (the current one
    included), trimmed to start no earlier than tomorrow."""
    tomorrow = today + timedelta(days=1)
    found = []
    for year in (today.year, today.year + 1):
        for holiday in school_holidays(year):
            days = holiday.weekdays(tomorrow)
            if days:
                found.append(Holiday(holiday.name, days[0], holiday.end))
    found.sort(key=lambda h: h.start)
    return found[:count]
