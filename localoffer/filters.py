"""Template filters: dates, ages and distances in plain English (and the visitor's language)."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from babel.dates import format_skeleton
from flask_babel import (format_date, format_datetime, format_decimal, format_percent, format_time, get_locale,
                         gettext as _, ngettext)

from .i18n import current_language

from .models.base import as_utc
from .paging import page_links


def _english() -> bool:
    return current_language() == "en"


def long_date(value: date | datetime | None) -> str:
    """'1 July 2026' (the GOV.UK style) in English; the language's own long date elsewhere
    ('1 lipca 2026', '1 iulie 2026')."""
    if not value:
        return ""
    return format_date(value, "d MMMM y" if _english() else "long")


def long_day_date(value: date) -> str:
    """'Saturday 4 April 2026' in English; the language's full date elsewhere."""
    return format_date(value, "EEEE d MMMM y" if _english() else "full")


def month_year(value: date | None) -> str:
    """'July 2026', in the language's own words and order."""
    if not value:
        return ""
    if _english():
        return format_date(value, "MMMM y")
    return format_skeleton("yMMMM", value, locale=get_locale())


def staff_datetime(value: datetime | None) -> str:
    """'22 November 2026, 14:05' in UK time (stored times are UTC), the date written as the
    language writes it."""
    if not value:
        return ""
    if _english():
        return format_datetime(as_utc(value), "d MMMM y, HH:mm")
    return f"{format_date(as_utc(value), 'long')}, {format_time(as_utc(value), 'HH:mm')}"


def age_range(min_age: int, max_age: int) -> str:
    if min_age <= 0 and max_age >= 25:
        return _("All ages, 0 to 25")
    if min_age == max_age:
        return ngettext("%(num)d year old", "%(num)d years old", min_age)
    return _("%(min)d to %(max)d years", min=min_age, max=max_age)


def miles(value: float | None) -> str:
    if value is None:
        return ""
    if value < 0.1:
        return _("less than 0.1 miles away")
    return _("%(distance)s miles away", distance=format_decimal(round(value, 1), format="#,##0.0"))


def number(value: int | float | None) -> str:
    """1,234 in English, 1234 in Polish, 1.234 in Romanian."""
    return "" if value is None else format_decimal(value)


def percent(value: int | float | None) -> str:
    """A whole-number percentage (45 -> '45%', or '45 %' where the language writes it so)."""
    return "" if value is None else format_percent(value / 100)


def init_app(app: Flask) -> None:
    app.add_template_filter(long_date)
    app.add_template_filter(staff_datetime)
    app.add_template_filter(age_range)
    app.add_template_filter(miles)
    app.add_template_filter(number)
    app.add_template_filter(percent)
    app.jinja_env.globals["page_links"] = page_links
