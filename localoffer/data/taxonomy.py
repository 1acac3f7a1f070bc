"""Taxonomy terms for our vocabularies (needs, categories, delivery modes, accessibility)."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import TaxonomyTerm
from ..vocab import ACCESSIBILITY, CATEGORIES, DELIVERY, NEEDS

VOCABULARIES = {"need": NEEDS, "category": CATEGORIES, "delivery": DELIVERY, "accessibility": ACCESSIBILITY}


def ensure_vocabulary() -> dict[tuple[str, str], TaxonomyTerm]:
    """Create any missing taxonomy terms (idempotent) and return them keyed by (taxonomy, code).
    Names are stored in English; pages show the translated label from vocab."""
    existing = {(t.taxonomy, t.code): t for t in db.session.scalars(select(TaxonomyTerm))}
    for taxonomy, vocab in VOCABULARIES.items():
        for code, label in vocab.items():
            if (taxonomy, code) not in existing:
                term = TaxonomyTerm(taxonomy=taxonomy, code=code, name=str(label))
                db.session.add(term)
                existing[(taxonomy, code)] = term
    db.session.flush()
    return existing


def terms_for(codes_by_taxonomy: dict[str, list[str]]) -> list[TaxonomyTerm]:
    """The term rows for {'need': ['autism'], 'category': [...]}; unknown codes raise KeyError."""
    terms = ensure_vocabulary()
    return [terms[(taxonomy, code)] for taxonomy, codes in codes_by_taxonomy.items() for code in codes]
