"""What a family asked for (SearchQuery) and what the engine answers (SearchResults).

This is the contract between the web layer and every search backend: the directory pages,
`/services.json` and the API build a SearchQuery from request args; a backend returns ids in
rank order plus totals and facet counts; the data layer loads the rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from ..vocab import AGE_MAX, AGE_MIN, CATEGORIES, COST, DAYS, DELIVERY, NEEDS, QUADRANTS

MAX_QUERY_CHARS = 200
MAX_PAGE = 500
SORTS = ("relevance", "distance", "name")
# Facet groups, in the order the filter panel shows them.
FACETS = ("need", "quadrant", "cost", "delivery", "day")
FACET_VOCAB = {"need": NEEDS, "quadrant": QUADRANTS, "cost": COST, "delivery": DELIVERY, "day": DAYS}
# Filters that narrow results without a facet in the panel: the type of service. Staff
# insight links use it (and `age_to`, `countywide`) so a figure can be checked in the directory.
FILTER_VOCAB = {**FACET_VOCAB, "category": CATEGORIES}
FILTER_GROUPS = (*FACETS, "category")
# countywide=only: services for all of Essex alone; countywide=exclude: services based in an area.
COUNTYWIDE_CHOICES = ("only", "exclude")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    needs: tuple[str, ...] = ()
    age: int | None = None
    # With `age`: any age from `age` to `age_to` (a service for at least one of them).
    age_to: int | None = None
    quadrants: tuple[str, ...] = ()
    free: bool = False
    delivery: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    near: str = ""
    categories: tuple[str, ...] = ()
    countywide: str = ""  # COUNTYWIDE_CHOICES, or "" for both
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    @classmethod
    def from_args(cls, args, per_page: int = 20) -> tuple[SearchQuery, dict[str, str]]:
        """Parse request args leniently: unknown slugs are dropped, bad numbers reported in
        `errors` (field -> message) and ignored, so a family never sees a broken page."""
        errors: dict[str, str] = {}

        def multi(name: str, vocab: dict) -> tuple[str, ...]:
            values = []
            for raw in args.getlist(name):
                for v in str(raw).split(","):
                    v = v.strip().lower()
                    if v in vocab and v not in values:
                        values.append(v)
            return tuple(values)

        text = " ".join(str(args.get("q", "")).split())[:MAX_QUERY_CHARS]
        age = None
        raw_age = str(args.get("age", "")).strip()
        if raw_age:
            if raw_age.isdigit() and AGE_MIN <= int(raw_age) <= AGE_MAX:
                age = int(raw_age)
            else:
                errors["age"] = str(_l("Enter an age from 0 to 25, in whole years"))
        age_to = None
        raw_age_to = str(args.get("age_to", "")).strip()
        # Lenient: an upper age that is not a number from `age` to 25 is ignored.
        if age is not None and raw_age_to.isdigit() and age < int(raw_age_to) <= AGE_MAX:
            age_to = int(raw_age_to)
        countywide = str(args.get("countywide", "")).strip().lower()
        page = 1
        raw_page = str(args.get("page", "1")).strip()
        if raw_page.isdigit() and int(raw_page) >= 1:
            # Far past the end behaves like any page past the end ("no more results").
            page = min(int(raw_page), MAX_PAGE)
        near = " ".join(str(args.get("near", "")).split())[:60]
        sort = str(args.get("sort", "")).strip().lower()
        if sort not in SORTS:
            sort = "distance" if near else "relevance"
        return cls(
            text=text,
            needs=multi("need", NEEDS),
            age=age,
            age_to=age_to,
            quadrants=multi("quadrant", QUADRANTS),
            free=str(args.get("cost", "")).strip().lower() in COST,
            delivery=multi("delivery", DELIVERY),
            days=multi("day", DAYS),
            near=near,
            categories=multi("category", CATEGORIES),
            countywide=countywide if countywide in COUNTYWIDE_CHOICES else "",
            sort=sort,
            page=page,
            per_page=per_page,
        ), errors

    @property
    def has_filters(self) -> bool:
        return bool(self.needs or self.age is not None or self.quadrants or self.free
                    or self.delivery or self.days or self.near or self.categories or self.countywide)

    @property
    def ages(self) -> range | None:
        """The ages asked for: one, or a range when `age_to` is set."""
        if self.age is None:
            return None
        return range(self.age, max(self.age, self.age_to or self.age) + 1)

    def selected(self, facet: str) -> tuple[str, ...]:
        return {"need": self.needs, "quadrant": self.quadrants, "cost": ("free",) if self.free else (),
                "delivery": self.delivery, "day": self.days, "category": self.categories}[facet]

    def to_args(self, **changes) -> dict[str, object]:
        """URL args for this query (with changes), for links: pagination, remove-filter tags."""
        from dataclasses import replace

        q = replace(self, **changes) if changes else self
        args: dict[str, object] = {}
        if q.text:
            args["q"] = q.text
        for key, values in (("need", q.needs), ("quadrant", q.quadrants), ("delivery", q.delivery), ("day", q.days),
                            ("category", q.categories)):
            if values:
                args[key] = list(values)
        if q.age is not None:
            args["age"] = q.age
            if q.age_to is not None and q.age_to > q.age:
                args["age_to"] = q.age_to
        if q.countywide:
            args["countywide"] = q.countywide
        if q.free:
            args["cost"] = "free"
        if q.near:
            args["near"] = q.near
        if q.sort != ("distance" if q.near else "relevance"):
            args["sort"] = q.sort
        if q.page != 1:
            args["page"] = q.page
        return args


@dataclass
class Place:
    """A town or postcode district from the shipped gazetteer."""

    name: str
    kind: str  # 'town' or 'postcode'
    latitude: float
    longitude: float
    district: str = ""
    quadrant: str = ""


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    ids: list[str]  # service ids (str UUID) on this page, in rank order
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> count
    distances: dict[str, float] = field(default_factory=dict)  # id -> miles, when near is a place
    suggestion: str | None = None  # "did you mean": a corrected spelling of query.text
    # True when the original words found nothing and these are results for `suggestion`.
    showing_corrected: bool = False
    near_place: Place | None = None
    near_unknown: bool = False  # near was given but not found in the gazetteer
    # The state of the index that answered: equal versions give equal answers to equal
    # queries, so what is built from these results may be cached under it (pagecache.py).
    # None when a backend cannot say: nothing built from the results is then cached.
    version: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))
