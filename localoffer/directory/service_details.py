"""View data for one service's page (and the shortlist): plain-English times, dates, costs,
places and contact details built from the ORUK-shaped records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import format_decimal, format_time, get_locale, gettext as _

from ..filters import long_day_date
from ..models import Location, Schedule, Service
from ..vocab import (ACCESS_ROUTES, ACCESSIBILITY, BYDAY_TO_DAY, DAYS, DELIVERY, LOCAL_OFFER_QUESTIONS,
                     NEEDS, TERMS)


def paragraphs(text: str) -> list[str]:
    """Provider text split on blank lines, so it can be shown as separate paragraphs (escaped)."""
    return [" ".join(p.split()) for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def clock(value: time) -> str:
    """'10am', '4:30pm' (GOV.UK style) in English; the locale's own style elsewhere."""
    if str(get_locale() or "en") != "en":
        return format_time(value, "HH:mm")
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.hour == 12 and value.minute == 0:
        return _("midday")
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def time_span(opens: time | None, closes: time | None) -> str:
    if opens and closes and opens == time(0, 0) and closes >= time(23, 59):
        return _("24 hours")
    if opens and closes:
        return _("%(opens)s to %(closes)s", opens=clock(opens), closes=clock(closes))
    if opens:
        return _("from %(opens)s", opens=clock(opens))
    return ""


def list_in_words(items: list[str]) -> str:
    """'Monday, Wednesday and Friday'."""
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s", first=", ".join(items[:-1]), last=items[-1])


@dataclass
class Venue:
    id: str
    name: str
    address: list[str]
    notes: str


def venue(location: Location) -> Venue:
    lines = [line for line in (location.address_1, location.town, location.postcode) if line]
    return Venue(str(location.id), location.name, lines, location.accessibility_notes)


@dataclass
class When:
    text: str  # 'Monday and Wednesday, 4pm to 6pm' or 'Saturday 4 April 2026, 10am to midday'
    term: str = ""  # 'Term time only' (weekly sessions only)
    place: str = ""
    notes: str = ""


def _weekly(schedule: Schedule) -> str:
    days = [str(DAYS[BYDAY_TO_DAY[d]]) for d in schedule.byday.split(",") if d in BYDAY_TO_DAY]
    text = list_in_words(days) or _("Every week")
    span = time_span(schedule.opens_at, schedule.closes_at)
    return f"{text}, {span}" if span else text


def schedule_lines(service: Service, today: date | None = None) -> tuple[list[When], list[When]]:
    """(weekly sessions, upcoming single dates). Past dates and ended patterns are left out:
    a family should only see sessions they can still go to."""
    today = today or date.today()
    places = {sal.location.id: sal.location.name for sal in service.locations}
    weekly, dated = [], []
    for s in service.schedules:
        if s.valid_to and s.valid_to < today:
            continue
        place = places.get(s.location_id, "") if s.location_id else ""
        if s.freq == "WEEKLY":
            term = str(TERMS[s.term]) if s.term in TERMS and s.term != "all-year" else ""
            weekly.append(When(_weekly(s), term, place, s.description))
        elif s.dtstart and s.dtstart >= today:
            span = time_span(s.opens_at, s.closes_at)
            text = long_day_date(s.dtstart) + (f", {span}" if span else "")
            dated.append((s.dtstart, When(text, "", place, s.description)))
    return weekly, [w for _d, w in sorted(dated, key=lambda pair: pair[0])]


def money(amount: float) -> str:
    return "£" + format_decimal(amount, format="#,##0.00")


def _price(amount: float | None, description: str) -> str:
    """'£23.50 per day', 'Free (ask us whether you qualify)', or just the description."""
    if amount is None:
        return description
    if amount == 0:
        return _("Free (%(detail)s)", detail=description) if description else _("Free")
    return f"{money(amount)} {description}".strip()


_JUST_FREE = {"free", "free of charge", "no charge", "free: no charge", "there is no charge"}


def _says_only_free(text: str | None) -> bool:
    return " ".join((text or "").lower().strip(" .").split()) in _JUST_FREE


def cost_lines(service: Service) -> list[str]:
    """One line per cost option: 'Paid place: £23.50 per day'. For a free service, options
    that only repeat "free" are left out: the page already says so once."""
    lines = []
    for option in service.cost_options:
        if service.is_free and not option.amount and _says_only_free(
                f"{option.option}: {option.amount_description}".strip(": ")):
            continue
        price = _price(option.amount, option.amount_description)
        if option.option and price:
            lines.append(f"{option.option}: {price}")
        elif option.option or price:
            lines.append(option.option or price)
    return lines


@dataclass
class ContactLine:
    label: str
    phone: str | None = None
    email: str | None = None


def contact_lines(service: Service) -> list[ContactLine]:
    lines = []
    if service.phone or service.email:
        lines.append(ContactLine("", service.phone, service.email))
    for c in service.contacts:
        if c.phone or c.email:
            label = ", ".join(p for p in (c.name, c.title) if p)
            lines.append(ContactLine(label, c.phone, c.email))
    return lines


def tel_href(phone: str) -> str:
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


@dataclass
class ServicePage:
    service: Service
    description: list[str]
    needs: list[str]
    access_route: str
    weekly: list[When]
    dated: list[When]
    venues: list[Venue]
    costs: list[str]
    fees: list[str]
    contacts: list[ContactLine]
    accessibility: list[str]
    languages: list[str]
    answers: list[tuple[str, list[str]]]
    is_stale: bool
    temporarily_closed: bool


def review_is_stale(last_reviewed: date | None, today: date | None = None) -> bool:
    if last_reviewed is None:
        return True
    days = current_app.config.get("REVIEW_WARNING_DAYS", 365)
    return ((today or date.today()) - last_reviewed) > timedelta(days=days)


def service_page(service: Service) -> ServicePage:
    weekly, dated = schedule_lines(service)
    answers_by_question = {a.question: a.answer for a in service.local_offer_answers if a.answer.strip()}
    return ServicePage(
        service=service,
        description=paragraphs(service.description) or paragraphs(service.summary),
        needs=[str(label) for slug, label in NEEDS.items() if slug in service.needs],
        access_route=str(ACCESS_ROUTES.get(service.access_route, "")),
        weekly=weekly, dated=dated,
        venues=[venue(sal.location) for sal in service.locations],
        costs=cost_lines(service),
        fees=[] if service.is_free and _says_only_free(service.fees_description) else paragraphs(service.fees_description),
        contacts=contact_lines(service),
        accessibility=[str(label) for slug, label in ACCESSIBILITY.items() if slug in service.accessibility],
        languages=sorted(lang.name for lang in service.languages if lang.name),
        answers=[(str(label), paragraphs(answers_by_question[key]))
                 for key, label in LOCAL_OFFER_QUESTIONS.items() if key in answers_by_question],
        is_stale=review_is_stale(service.last_reviewed),
        temporarily_closed=service.status == "temporarily-closed",
    )


def web_link(url: str | None) -> str | None:
    """Only http(s) links: provider data must never produce a javascript: or data: link."""
    url = (url or "").strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def delivery_label(slug: str) -> str:
    return str(DELIVERY.get(slug, slug))


TEMPLATE_FILTERS = {"paragraphs": paragraphs, "tel_href": tel_href, "web_link": web_link,
                    "delivery_label": delivery_label}
