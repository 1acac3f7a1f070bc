"""Providers (organisations) and what they offer, where.

An Offer of one kind expands to one listing per town, per quadrant, or one for the county:
- towns: a local listing with a venue in each town;
- quadrants: one listing covering a whole quadrant (venues in its main towns if the kind has them);
- countywide with no towns: one listing for all of Essex;
- countywide with towns: a listing based in each town that takes families from across Essex.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Offer:
    kind: str
    towns: tuple[str, ...] = ()
    quadrants: tuple[str, ...] = ()
    countywide: bool = False
    # Hand-written text for flagship listings; otherwise the writer composes it.
    name: str | None = None
    summary: str | None = None
    description: str | None = None
    venue_name: str | None = None
    ages: tuple[int, int] | None = None
    needs: tuple[str, ...] | None = None
    access: str | None = None
    delivery: tuple[str, ...] | None = None
    # Must-have listings stay open and published whatever the status spread does.
    pinned: bool = False
    # Distinguishes two offers of the same kind by one provider (part of the stable id).
    label: str = ""

    def targets(self) -> list[Target]:
        found = [Target("town", t, self.countywide) for t in self.towns]
        found += [Target("quadrant", q, False) for q in self.quadrants]
        if self.countywide and not self.towns:
            found.append(Target("county", "essex", True))
        if not found:
            raise ValueError(f"offer of {self.kind!r} says nowhere")
        return found


@dataclass(frozen=True)
class Target:
    scope: str  # town, quadrant or county
    place: str
    countywide: bool

    @property
    def key(self) -> str:
        return f"{self.scope}:{self.place}"


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    voice: str  # a content.voices key
    town: str  # where it is based: its phone code and head office
    about: str
    offers: tuple[Offer, ...] = field(default_factory=tuple)
    short: str = ""
    has_website: bool = True

    @property
    def short_name(self) -> str:
        return self.short or self.name

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.short_name.lower()).strip("-")


def provider(key: str, name: str, voice: str, town: str, about: str, *offers: Offer, short: str = "",
             has_website: bool = True) -> Provider:
    return Provider(key=key, name=name, voice=voice, town=town, about=about, offers=offers, short=short,
                    has_website=has_website)


def offer(kind: str, *towns: str, quadrants: tuple[str, ...] = (), countywide: bool = False, **extra) -> Offer:
    return Offer(kind=kind, towns=towns, quadrants=quadrants, countywide=countywide, **extra)


ALL_QUADRANTS = ("north-east", "mid", "south", "west")
