"""The taxonomies the API publishes: our stored vocabularies (needs, categories, delivery
modes, accessibility, whose terms are TaxonomyTerm rows) and the ones made from vocab.py
(areas of Essex, cost, access routes, when in the year, Local Offer information), whose term
ids are uuid5 values in NAMESPACE, so they never change."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from flask_babel import force_locale
from sqlalchemy import select

from ...extensions import db
from ...models import TaxonomyTerm
from ...vocab import ACCESS_ROUTES, COST, COUNTYWIDE, LOCAL_OFFER_QUESTIONS, QUADRANTS, TERMS

# Every id we derive (taxonomies, quadrant terms, addresses...) is a uuid5 in this namespace,
# so it is a real RFC 4122 UUID and never changes between runs. Never change this value.
NAMESPACE = uuid.UUID("ff422f98-0d72-4452-a3a7-fad07d365328")


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))



@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return stable_id("taxonomy", self.key)


@dataclass(frozen=True)
class Term:
    id: str
    taxonomy: str  # a Taxonomy key
    code: str
    name: str
    description: str


TAXONOMIES: dict[str, Taxonomy] = {t.key: t for t in (
    Taxonomy("need", "Essex Local Offer: special educational needs",
             "The areas of special educational need or disability a service supports."),
    Taxonomy("category", "Essex Local Offer: service categories",
             "What kind of support a service gives."),
    Taxonomy("quadrant", "Essex Local Offer: areas of Essex",
             "The four areas (quadrants) Essex County Council groups its districts into, or all of Essex."),
    Taxonomy("delivery", "Essex Local Offer: how the service is delivered",
             "In person, online, by telephone or through home visits."),
    Taxonomy("accessibility", "Essex Local Offer: accessibility features",
             "Accessibility features of a service and its venues."),
    Taxonomy("cost", "Essex Local Offer: cost",
             "Services that are free to use."),
    Taxonomy("access-route", "Essex Local Offer: how to get the service",
             "Whether families can refer themselves or need a referral, an EHC plan or a diagnosis."),
    Taxonomy("schedule-term", "Essex Local Offer: when in the year",
             "Whether a timetable runs all year, in term time only or in school holidays only."),
    Taxonomy("local-offer", "Essex Local Offer: Local Offer information",
             "Details every Local Offer publishes about a service. The attribute's value holds the text."),
)}

# Local Offer details that are columns on Service, published as attributes with a value.
SERVICE_DETAILS: dict[str, tuple[str, str]] = {
    "summary": ("Summary", "A short summary of the service."),
    "eligibility": ("Who can use it", "Who the service is for."),
    "how-to-access": ("How to get it", "How to start using the service."),
    "waiting-time": ("Waiting time", "How long families usually wait, in words."),
    "waiting-weeks": ("Waiting time in weeks", "How many weeks families usually wait, as a whole number."),
}
SERVICE_DETAIL_FIELDS = {"summary": "summary", "eligibility": "eligibility", "how-to-access": "how_to_access",
                         "waiting-time": "waiting_time", "waiting-weeks": "waiting_weeks"}


def _generated_terms() -> list[Term]:
    """Terms that are not TaxonomyTerm rows (quadrants, access routes, schedule terms, Local
    Offer details): English names, whatever language a request asks for."""
    with force_locale("en"):
        quadrants = {**{k: str(v) for k, v in QUADRANTS.items()}, COUNTYWIDE: "All of Essex"}
        groups = {
            "quadrant": {k: (v, v) for k, v in quadrants.items()},
            "cost": {k: (str(v), "The service is free to use.") for k, v in COST.items()},
            "access-route": {k: (str(v), str(v)) for k, v in ACCESS_ROUTES.items()},
            "schedule-term": {k: (str(v), str(v)) for k, v in TERMS.items()},
            "local-offer": {**SERVICE_DETAILS, **{k: (str(v), f"The provider's answer to: {v}")
                                                  for k, v in LOCAL_OFFER_QUESTIONS.items()}},
        }
    return [Term(stable_id("term", taxonomy, code), taxonomy, code, name, description)
            for taxonomy, terms in groups.items() for code, (name, description) in terms.items()]


GENERATED_TERMS: dict[tuple[str, str], Term] = {(t.taxonomy, t.code): t for t in _generated_terms()}
DB_TAXONOMIES = ("need", "category", "delivery", "accessibility")


def term_from_row(row: TaxonomyTerm) -> Term:
    return Term(str(row.id), row.taxonomy, row.code, row.name, row.description or row.name)


def all_terms(taxonomy_key: str | None = None) -> list[Term]:
    """Every published term, in taxonomy order then name order."""
    rows = db.session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.taxonomy.in_(DB_TAXONOMIES))).all()
    terms = [term_from_row(r) for r in rows] + list(GENERATED_TERMS.values())
    order = list(TAXONOMIES)
    terms = [t for t in terms if t.taxonomy in TAXONOMIES and (taxonomy_key is None or t.taxonomy == taxonomy_key)]
    return sorted(terms, key=lambda t: (order.index(t.taxonomy), t.name.lower(), t.id))


def find_term(term_id: uuid.UUID) -> Term | None:
    for term in GENERATED_TERMS.values():
        if term.id == str(term_id):
            return term
    row = db.session.get(TaxonomyTerm, term_id)
    return term_from_row(row) if row is not None and row.taxonomy in TAXONOMIES else None


def find_taxonomy(taxonomy_id: uuid.UUID) -> Taxonomy | None:
    return next((t for t in TAXONOMIES.values() if t.id == str(taxonomy_id)), None)


def taxonomy_json(taxonomy: Taxonomy) -> dict:
    return {"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description}


def term_json(term: Term) -> dict:
    return {"id": term.id, "name": term.name, "description": term.description, "code": term.code,
            "taxonomy": TAXONOMIES[term.taxonomy].name, "taxonomy_id": TAXONOMIES[term.taxonomy].id}


