"""A kind of service (a portage service, an inclusive swim session...) and how providers
describe it. Each demo listing is one kind, offered by one provider in one place.

Text fields are lists of alternatives; the writer picks some and fills these placeholders:
{town} {district} {area} {org} {org_short} {ages} {min_age} {max_age} {venue} {day} {time}.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..vocab import NEEDS

ALL_NEEDS: tuple[str, ...] = tuple(NEEDS)

# How a kind is usually timetabled (the writer turns these into Schedule rows).
SCHEDULE_STYLES = (
    "weekly-term",     # one or two sessions a week in term time
    "weekly",          # all year round
    "weekend",         # Saturday or Sunday sessions
    "evening",         # a weekday evening
    "office",          # Monday to Friday office hours
    "appointments",    # office hours, by appointment
    "course",          # a short course with start and end dates
    "holiday-dates",   # dated sessions in the coming school holidays
    "overnight",       # overnight stays, arriving one day and leaving the next
    "none",            # no timetable (for example, a written guide)
)


@dataclass(frozen=True)
class Kind:
    key: str
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    ages: tuple[int, int]
    names: tuple[str, ...]
    summaries: tuple[str, ...]
    openings: tuple[str, ...]
    details: tuple[str, ...]
    # Generic wording family for Local Offer answers: clinical, education, community, care, advice.
    sector: str = "community"
    need_count: tuple[int, int] = (1, 4)
    all_needs_chance: float = 0.0
    access: tuple[str, ...] = ("self-referral",)
    how: tuple[str, ...] = ()
    eligibility: tuple[str, ...] = ()
    delivery: tuple[str, ...] = ("in-person",)
    extra_delivery: tuple[str, ...] = ()
    cost: str = "free"  # free, charged, or mixed (free for some families)
    # (option, lowest, highest, what the amount is for)
    prices: tuple[tuple[str, float, float, str], ...] = ()
    fees: tuple[str, ...] = ()
    venue: str | None = "community"  # a places.VENUE_TYPES key; None for phone, online or home visits
    schedule: str = "weekly-term"
    times: tuple[tuple[str, str], ...] = (("10:00", "12:00"),)
    days: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR")
    waiting: tuple[int, int] | None = None
    service_features: tuple[str, ...] = ()
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    contact_titles: tuple[str, ...] = ("Service coordinator",)
    # Ages set by law or policy (SENDIASS is 0 to 25): never narrowed by a provider.
    fixed_ages: bool = False

    def __post_init__(self) -> None:
        if self.schedule not in SCHEDULE_STYLES:
            raise ValueError(f"{self.key}: unknown schedule style {self.schedule!r}")
