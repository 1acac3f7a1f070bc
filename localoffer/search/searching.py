"""Answering one SearchQuery from one Snapshot: match, filter, count, rank, page.

Matching works on cached sets (see snapshot.py): the text gives a set of services, each
filter group gives a set (OR within the group), and the answer is their intersection (AND
across groups). Ranking reads cached per-word scores and orders only as many services as
the page asked for needs.
"""
from __future__ import annotations

import heapq
import logging
import math
from dataclasses import dataclass, field

from ..vocab import AGE_MAX, AGE_MIN
from .documents import english_need_labels
from .bitsets import Membership, members
from .query import FACET_VOCAB, FACETS, FILTER_GROUPS, Place, SearchQuery, SearchResults
from .snapshot import Snapshot
from .spelling import Speller, correct_words
from .text import Synonyms, Unit, clean_text, parse_units, words_of

# "Finds little": at most this many results, so a spelling suggestion is worth offering
# if the corrected words find at least SUGGEST_FACTOR times as many (and at least SUGGEST_MIN).
LITTLE = 2
SUGGEST_FACTOR = 3
SUGGEST_MIN = 4

log = logging.getLogger(__name__)


@dataclass
class Filters:
    """Each ticked group as one set (None when nothing in the group is ticked)."""

    groups: dict[str, int | None]
    age: int | None
    countywide: tuple[int, bool] | None = None  # (countywide services, keep them?) when asked

    @classmethod
    def of(cls, query: SearchQuery, snap: Snapshot) -> Filters:
        groups: dict[str, int | None] = {}
        for group in FILTER_GROUPS:
            chosen = [v for v in query.selected(group) if v in snap.groups[group]]
            bits = None
            if query.selected(group):
                bits = 0
                for value in chosen:
                    bits |= snap.groups[group][value]
            groups[group] = bits
        age = None
        if query.ages is not None:
            age = 0
            for one in query.ages:  # a range: services for any of its ages
                if AGE_MIN <= one <= AGE_MAX:
                    age |= snap.ages[one]
        countywide = (snap.countywide, query.countywide == "only") if query.countywide else None
        return cls(groups, age, countywide)

    def apply(self, bits: int, leave_out: str | None = None) -> int:
        if self.age is not None:
            bits &= self.age
        if self.countywide is not None:
            countywide, keep = self.countywide
            bits &= countywide if keep else ~countywide
        for group, chosen in self.groups.items():
            if chosen is not None and group != leave_out:
                bits &= chosen
        return bits


@dataclass
class Match:
    text: str
    units: list[Unit]
    text_bits: int
    final: int
    total: int = field(init=False)

    def __post_init__(self):
        self.total = self.final.bit_count()


def match(snap: Snapshot, text: str, filters: Filters, synonyms: Synonyms) -> Match:
    units = parse_units(text, synonyms)
    bits = snap.all
    for unit in units:
        bits &= snap.unit_bits(unit)
        if not bits:
            break
    return Match(text, units, bits, filters.apply(bits))


def execute(snap: Snapshot, query: SearchQuery, synonyms: Synonyms, place: Place | None) -> SearchResults:
    filters = Filters.of(query, snap)
    found = match(snap, clean_text(query.text), filters, synonyms)
    found, suggestion, showing_corrected = spell_checked(
        found, lambda: corrected_text(snap, found, synonyms), lambda text: match(snap, text, filters, synonyms))

    per_page = max(1, query.per_page)
    start = (max(1, query.page) - 1) * per_page
    docnums = ranked(snap, query, found, place, start + per_page)[start:start + per_page] if start < found.total else []
    ids = [snap.ids[d] for d in docnums]
    distances = {}
    if place is not None:
        miles = snap.distances(place)
        distances = {snap.ids[d]: round(miles[d], 1) for d in docnums if not math.isnan(miles[d])}
    return SearchResults(
        query=query,
        total=found.total,
        ids=ids,
        facets=facet_counts(snap, found.text_bits, filters),
        distances=distances,
        suggestion=suggestion,
        showing_corrected=showing_corrected,
        near_place=place,
        near_unknown=bool(query.near) and place is None,
    )


def spell_checked(found, corrected, match_text) -> tuple[object, str | None, bool]:
    """The spelling step every backend shares: (what to show, "did you mean", whether it is
    showing results for the correction). `found` has .units and .total; corrected() gives the
    Corrected text or None; match_text(text) matches that text with the same filters."""
    if not found.units or found.total > LITTLE:
        return found, None, False
    try:
        correction = corrected()
    except Exception as error:  # noqa: BLE001 - spelling is a nicety: never fail a search for it
        log.warning("Spelling suggestion skipped (%s)", type(error).__name__)
        return found, None, False
    if correction is None:
        return found, None, False
    better = match_text(correction.text)
    if found.total == 0 and better.total > 0 and correction.close:
        return better, correction.text, True
    if found.total == 0 and better.total > 0:
        return found, correction.text, False  # a looser guess: ask, don't assume
    if better.total >= max(SUGGEST_MIN, SUGGEST_FACTOR * found.total):
        return found, correction.text, False
    return found, None, False


def facet_counts(snap: Snapshot, text_bits: int, filters: Filters) -> dict[str, dict[str, int]]:
    """For each group: how many services each value would give with the words and every
    OTHER group's ticks applied (ticking a box in a group widens that group, so the group's
    own ticks must not narrow its counts)."""
    counts = {}
    for group in FACETS:
        base = filters.apply(text_bits, leave_out=group)
        counts[group] = {value: (base & snap.groups[group][value]).bit_count() for value in FACET_VOCAB[group]}
    return counts


def ranked(snap: Snapshot, query: SearchQuery, found: Match, place: Place | None, needed: int) -> list[int]:
    """The first `needed` services in the order asked for."""
    if query.sort == "distance" and place is not None:
        miles = snap.distances(place)
        near = members(found.final & snap.with_venue)
        if len(near) >= needed:
            return heapq.nsmallest(needed, near, key=lambda d: (miles[d], snap.name_rank[d]))
        near.sort(key=lambda d: (miles[d], snap.name_rank[d]))
        # Online and countywide services with no venue come after every venue, by relevance.
        return near + by_relevance(snap, found, found.final & ~snap.with_venue, needed - len(near))
    if query.sort == "name":
        return by_name(snap, found.final, needed)
    return by_relevance(snap, found, found.final, needed)


def by_name(snap: Snapshot, bits: int, needed: int) -> list[int]:
    if needed <= 0 or not bits:
        return []
    if bits == snap.all:
        return snap.name_order[:needed]
    inside = Membership(bits)
    out = []
    for d in snap.name_order:
        if d in inside:
            out.append(d)
            if len(out) >= needed:
                break
    return out


def by_relevance(snap: Snapshot, found: Match, bits: int, needed: int) -> list[int]:
    """Exact name first, then services with every word in their name, then the rest; by score
    within each. With no words, relevance is name order."""
    if needed <= 0 or not bits:
        return []
    if not found.units:
        return by_name(snap, bits, needed)
    exact = snap.exact_name(found.text) & bits
    in_name = bits & ~exact
    for unit in found.units:
        in_name &= snap.name_bits(unit)
    rest = bits & ~exact & ~in_name
    out = by_name(snap, exact, needed)
    for tier in (in_name, rest):
        if len(out) >= needed:
            break
        out += scored(snap, found.units, tier, needed - len(out))
    return out


def scored(snap: Snapshot, units: list[Unit], bits: int, limit: int) -> list[int]:
    """The best `limit` services in `bits` by text score (sum over the units), ties by name.
    Scores come from per-segment caches, so this is a few lookups per candidate."""
    if limit <= 0 or not bits:
        return []
    arrays = [snap.unit(u)[1] for u in units]
    rank = snap.name_rank
    if len(arrays) == 1:
        only = arrays[0]

        def key(d: int) -> tuple[float, int]:
            return only[d], -rank[d]
    else:
        def key(d: int) -> tuple[float, int]:
            return sum(a[d] for a in arrays), -rank[d]
    candidates = members(bits)
    if limit >= len(candidates):
        return sorted(candidates, key=key, reverse=True)
    return heapq.nlargest(limit, candidates, key=key)


@dataclass(frozen=True)
class Corrected:
    text: str
    close: bool  # every change is close enough to show its results without asking


def corrected_text(snap: Snapshot, found: Match, synonyms: Synonyms) -> Corrected | None:
    """The query with misspelt words replaced by the closest words services use, or None.
    Words that are part of a synonym phrase, or that find services on their own, are kept."""
    terms = send_terms(synonyms)
    spellers = snap.spellers() + [send_speller(synonyms)]
    suspects = {u.words[0] for u in found.units if not u.is_synonym and snap.unit_bits(u).bit_count() <= LITTLE}
    if not suspects:
        return None
    corrected = correct_words(words_of(found.text), suspects, spellers, terms)
    return Corrected(*corrected) if corrected else None


def send_terms(synonyms: Synonyms) -> frozenset[str]:
    """Words of the synonym list and of the need names (in English, like the index): SEND
    terms a family means as typed, and the likeliest thing a misspelling was meant to be."""
    terms = getattr(synonyms, "send_terms", None)
    if terms is None:
        need_words = {w for label in english_need_labels() for w in words_of(label) if len(w) >= 3 and w.isalpha()}
        terms = synonyms.send_terms = frozenset(synonyms.words | need_words)
    return terms


def send_speller(synonyms: Synonyms) -> Speller:
    """SEND terms count as known words (used by one service each), so a misspelt "aspergers"
    is corrected even if no description uses the word."""
    speller = getattr(synonyms, "speller", None)
    if speller is None:
        speller = synonyms.speller = Speller(dict.fromkeys(send_terms(synonyms), 1), deletions=2)
    return speller
