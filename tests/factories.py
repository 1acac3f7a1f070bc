"""Build services for tests with only the fields a test cares about."""
from __future__ import annotations

import itertools
from datetime import date

from localoffer.data.taxonomy import terms_for
from localoffer.extensions import db
from localoffer.models import (Location, Organisation, Schedule, Service, ServiceArea,
                               ServiceAtLocation)

_counter = itertools.count(1)


def make_organisation(name: str = "Test Provider") -> Organisation:
    org = Organisation(name=name, description="")
    db.session.add(org)
    return org


def make_service(name: str | None = None, *, description: str = "", summary: str = "",
                 needs=(), categories=(), delivery=("in-person",), accessibility=(),
                 quadrants=(), countywide: bool = False, town: str | None = None,
                 postcode: str = "", latitude: float | None = None, longitude: float | None = None,
                 min_age: int = 0, max_age: int = 25, free: bool = False, days=(),
                 status: str = "active", published: bool = True, organisation: Organisation | None = None,
                 commit: bool = True, **extra) -> Service:
    """A service with the given classifications. `days` are our slugs ('mon'); `town` adds a
    venue in that town (with `latitude`/`longitude` if given) in the first quadrant."""
    n = next(_counter)
    # Look the terms up before the Service exists: the query autoflushes, and a half-built
    # service hanging off a pending organisation makes SQLAlchemy warn.
    terms = terms_for({"need": list(needs), "category": list(categories),
                       "delivery": list(delivery), "accessibility": list(accessibility)})
    service = Service(
        name=name or f"Test service {n}", description=description, summary=summary,
        organisation=organisation or make_organisation(f"Provider {n}"),
        min_age=min_age, max_age=max_age, is_free=free, status=status, is_published=published,
        is_countywide=countywide, last_reviewed=date.today(), **extra)
    service.taxonomy_terms = terms
    for q in quadrants:
        service.areas.append(ServiceArea(quadrant=q))
    if town:
        loc = Location(name=f"{town} venue", town=town, postcode=postcode,
                       quadrant=quadrants[0] if quadrants else None, latitude=latitude, longitude=longitude)
        service.locations.append(ServiceAtLocation(location=loc))
    if days:
        from localoffer.vocab import DAY_TO_BYDAY

        service.schedules.append(Schedule(freq="WEEKLY", byday=",".join(DAY_TO_BYDAY[d] for d in days)))
    db.session.add(service)
    if commit:
        db.session.commit()
    return service
