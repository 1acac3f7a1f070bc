"""Template filters: dates, ages and distances in plain English (and the visitor's language)."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, format_percent, gettext as _, ngettext

from .models.base import as_utc
from .paging import page_links


def long_date(value: date | datetime | None) -> str:
    """'1 July 2026' in English, locale-appropriate elsewhere."""
    if not value:
        return ""
    return format_date(value, "d MMMM y")


def staff_datetime(value: datetime | None) -> str:
    """'22 November 2026, 14:05' in UK time (stored times are UTC)."""
    if not value:
        return ""
    return format_datetime(as_utc(value), "d MMMM y, HH:mm")


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
