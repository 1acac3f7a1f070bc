"""The directory, shaped after Open Referral UK / HSDS 3.0 with Local Offer specifics.

Repeatable classifications (needs, categories, delivery modes, accessibility features) are
taxonomy terms, as HSDS does it, so the open data API can publish them as taxonomies.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import (Boolean, CheckConstraint, Column, Date, DateTime, ForeignKey, Integer,
                        String, Table, Text, Time, UniqueConstraint, Uuid, event, inspect)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..extensions import db
from ..vocab import BYDAY_TO_DAY, COUNTYWIDE, FINDABLE_STATUSES
from .base import Timestamps, UuidPk, utcnow

service_taxonomy_term = Table(
    "service_taxonomy_term",
    db.metadata,
    Column("service_id", Uuid, ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
    Column("taxonomy_term_id", Uuid, ForeignKey("taxonomy_term.id", ondelete="CASCADE"), primary_key=True),
)


def in_season(visible_from: date | None, visible_to: date | None, today: date | None = None) -> bool:
    today = today or date.today()
    return (visible_from is None or visible_from <= today) and (visible_to is None or today <= visible_to)


def is_findable(is_published: bool, status: str, visible_from: date | None, visible_to: date | None,
                today: date | None = None) -> bool:
    """Published, open or temporarily closed, and in season: what families may see (the same
    rule as data.services.findable_clause, for rows already read)."""
    return bool(is_published) and status in FINDABLE_STATUSES and in_season(visible_from, visible_to, today)


def quadrants_served(is_countywide: bool, quadrants) -> list[str]:
    """A service's quadrants from those of its areas and venues (None for unknown)."""
    if is_countywide:
        return [COUNTYWIDE]
    return sorted({q for q in quadrants if q})


def venue_points(points) -> list[tuple[float, float]]:
    return sorted({(lat, lon) for lat, lon in points if lat is not None and lon is not None})


def schedule_days(freq: str | None, byday: str, dtstart: date | None) -> list[str]:
    """The day slugs one schedule row runs on: a weekly pattern's days, or a dated session's."""
    if freq == "WEEKLY":
        return [BYDAY_TO_DAY[d] for d in (byday or "").split(",") if d in BYDAY_TO_DAY]
    if dtstart:
        return [list(BYDAY_TO_DAY.values())[dtstart.weekday()]]
    return []


class Organisation(UuidPk, Timestamps, db.Model):
    __tablename__ = "organisation"
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(50))

    services: Mapped[list[Service]] = relationship(back_populates="organisation")


class TaxonomyTerm(UuidPk, db.Model):
    """One term in one of our vocabularies: taxonomy is 'need', 'category', 'delivery' or
    'accessibility'; code is the public slug (CONTRACT §4)."""

    __tablename__ = "taxonomy_term"
    __table_args__ = (UniqueConstraint("taxonomy", "code"),)
    taxonomy: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")


class Service(UuidPk, Timestamps, db.Model):
    __tablename__ = "service"
    __table_args__ = (
        CheckConstraint("min_age >= 0 AND max_age <= 25 AND min_age <= max_age", name="age_range"),
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    summary: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(50))
    min_age: Mapped[int] = mapped_column(Integer, default=0)
    max_age: Mapped[int] = mapped_column(Integer, default=25)
    eligibility: Mapped[str] = mapped_column(Text, default="")
    # How to get it: self-referral / referral / ehcp / diagnosis (vocab.ACCESS_ROUTES).
    access_route: Mapped[str] = mapped_column(String(20), default="self-referral")
    how_to_access: Mapped[str] = mapped_column(Text, default="")
    waiting_time: Mapped[str] = mapped_column(String(255), default="")
    waiting_weeks: Mapped[int | None] = mapped_column(Integer)
    is_free: Mapped[bool] = mapped_column(Boolean, default=False)
    fees_description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    is_published: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    # Serves every quadrant; a quadrant filter always includes it.
    is_countywide: Mapped[bool] = mapped_column(Boolean, default=False)
    alert: Mapped[str] = mapped_column(Text, default="")
    last_reviewed: Mapped[date | None] = mapped_column(Date)
    # Lifecycle: seasonal activities are findable only between these dates (either may be empty).
    visible_from: Mapped[date | None] = mapped_column(Date)
    visible_to: Mapped[date | None] = mapped_column(Date)
    # Freshness: when the listing should next be checked (12 months after each review), when the
    # provider was reminded, and when an ignored reminder was passed to council moderators.
    review_due: Mapped[date | None] = mapped_column(Date, index=True)
    review_reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_escalated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation] = relationship(back_populates="services", lazy="joined")
    taxonomy_terms: Mapped[list[TaxonomyTerm]] = relationship(secondary=service_taxonomy_term, lazy="selectin")
    areas: Mapped[list[ServiceArea]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    locations: Mapped[list[ServiceAtLocation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", back_populates="service")
    contacts: Mapped[list[Contact]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    schedules: Mapped[list[Schedule]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    cost_options: Mapped[list[CostOption]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    languages: Mapped[list[Language]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    local_offer_answers: Mapped[list[LocalOfferAnswer]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="LocalOfferAnswer.position")

    @property
    def is_findable(self) -> bool:
        return is_findable(self.is_published, self.status, self.visible_from, self.visible_to)

    def is_in_season(self, today: date | None = None) -> bool:
        """Inside its visible-from/to dates (a service with neither is always in season)."""
        return in_season(self.visible_from, self.visible_to, today)

    def terms(self, taxonomy: str) -> list[str]:
        return sorted(t.code for t in self.taxonomy_terms if t.taxonomy == taxonomy)

    @property
    def needs(self) -> list[str]:
        return self.terms("need")

    @property
    def categories(self) -> list[str]:
        return self.terms("category")

    @property
    def delivery_modes(self) -> list[str]:
        return self.terms("delivery")

    @property
    def accessibility(self) -> list[str]:
        return self.terms("accessibility")

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation else ""

    @property
    def answer_texts(self) -> list[str]:
        return [a.answer for a in self.local_offer_answers]

    @property
    def venue_points(self) -> list[tuple[float, float]]:
        """(latitude, longitude) of each venue that has them, for distances from a place."""
        return venue_points((sal.location.latitude, sal.location.longitude)
                            for sal in self.locations if sal.location is not None)

    @property
    def quadrants(self) -> list[str]:
        """Quadrants served: from service areas, plus those of its venues."""
        return quadrants_served(self.is_countywide, [a.quadrant for a in self.areas]
                                + [sal.location.quadrant for sal in self.locations])

    @property
    def days(self) -> list[str]:
        found: set[str] = set()
        for s in self.schedules:
            found |= set(s.days)
        return sorted(found)


class ServiceArea(UuidPk, db.Model):
    """Where a service is available: a quadrant, optionally narrowed to a district."""

    __tablename__ = "service_area"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    quadrant: Mapped[str] = mapped_column(String(20))
    district: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")


class Location(UuidPk, Timestamps, db.Model):
    __tablename__ = "location"
    name: Mapped[str] = mapped_column(String(255))
    address_1: Mapped[str] = mapped_column(String(255), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    district: Mapped[str | None] = mapped_column(String(100))
    quadrant: Mapped[str | None] = mapped_column(String(20))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    accessibility_notes: Mapped[str] = mapped_column(Text, default="")


class ServiceAtLocation(UuidPk, db.Model):
    __tablename__ = "service_at_location"
    __table_args__ = (UniqueConstraint("service_id", "location_id"),)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"), index=True)
    service: Mapped[Service] = relationship(back_populates="locations")
    location: Mapped[Location] = relationship(lazy="joined")


class Contact(UuidPk, db.Model):
    __tablename__ = "contact"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    title: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(50))


class Schedule(UuidPk, db.Model):
    """Either a weekly pattern (freq WEEKLY, byday 'MO,WE') limited to term time or holidays,
    or a single dated session (freq None, dtstart) for activities and holiday clubs."""

    __tablename__ = "schedule"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("location.id"))
    freq: Mapped[str | None] = mapped_column(String(10))  # 'WEEKLY' or None for a single date
    byday: Mapped[str] = mapped_column(String(30), default="")
    dtstart: Mapped[date | None] = mapped_column(Date)
    opens_at: Mapped[time | None] = mapped_column(Time)
    closes_at: Mapped[time | None] = mapped_column(Time)
    term: Mapped[str] = mapped_column(String(20), default="all-year")  # vocab.TERMS
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")

    @property
    def days(self) -> list[str]:
        return schedule_days(self.freq, self.byday, self.dtstart)


class CostOption(UuidPk, db.Model):
    __tablename__ = "cost_option"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    option: Mapped[str] = mapped_column(String(255), default="")
    amount: Mapped[float | None]
    amount_description: Mapped[str] = mapped_column(String(255), default="")


class Language(UuidPk, db.Model):
    __tablename__ = "language"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(10), default="")


class LocalOfferAnswer(UuidPk, db.Model):
    """An answer to one of the standard Local Offer questions (vocab.LOCAL_OFFER_QUESTIONS)."""

    __tablename__ = "local_offer_answer"
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(String(30))
    answer: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SearchLog(db.Model):
    """One search, for insight on unmet needs. No IP, no session, no free text beyond the
    query words; `near` is stored only as the matched town or postcode district."""

    __tablename__ = "search_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    query: Mapped[str] = mapped_column(String(200), default="")
    needs: Mapped[str] = mapped_column(String(200), default="")
    quadrants: Mapped[str] = mapped_column(String(100), default="")
    age: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[str] = mapped_column(String(20), default="")
    delivery: Mapped[str] = mapped_column(String(100), default="")
    days: Mapped[str] = mapped_column(String(50), default="")
    near: Mapped[str] = mapped_column(String(60), default="")
    result_count: Mapped[int] = mapped_column(Integer, default=0)
    # Made up by `flask demo load` so the insight pages have something to show; never real.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class IndexOutbox(db.Model):
    """Services whose search entry must be refreshed, written in the same transaction as the
    change so no committed change can be missed by the index (drained after commit)."""

    __tablename__ = "index_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# -- last modified ---------------------------------------------------------------------------
# A service's updated_at is its published last_modified (the API's Last-Modified header and
# its modified_after filter). It must move when anything published as part of the service
# changes: its contacts, timetables, venues, costs, languages, answers and areas, and its
# taxonomy terms, not only its own columns (which alone fire `onupdate`).

_SERVICE_PARTS = (ServiceArea, ServiceAtLocation, Contact, Schedule, CostOption, Language, LocalOfferAnswer)


@event.listens_for(Session, "before_flush")
def _touch_changed_services(session: Session, _context, _instances) -> None:
    touched: set[uuid.UUID] = set()
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, _SERVICE_PARTS) and obj.service_id is not None:
            touched.add(obj.service_id)
    services = [obj for obj in session.dirty if isinstance(obj, Service) and session.is_modified(obj)]
    with session.no_autoflush:
        services += [s for i in touched if (s := session.get(Service, i)) is not None]
    now = utcnow()
    for service in services:
        # An updated_at someone set on purpose (tests, data loads) is kept.
        if service not in session.deleted and not inspect(service).attrs.updated_at.history.has_changes():
            service.updated_at = now
