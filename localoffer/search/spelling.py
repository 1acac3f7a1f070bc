"""'Did you mean': spelling corrections from the words services actually use.

Candidates are found with a deletion index (the "symmetric delete" method): every vocabulary
word is stored under itself and each string made by deleting one of its letters. A typed
word's deletions (up to two letters) are looked up there, which finds words within about two
edits (a swapped, missing, extra or wrong letter) without comparing against the whole
vocabulary. Candidates are then checked with a real edit distance.

The rules protect families from being "corrected" away from what they meant:
- a SEND term (the synonym list or a need's name, like "sight" or "autistic") is never
  corrected;
- a word services use is never replaced, only given a suggestion when a far more common
  word is one letter away ("speach" in one service, "speech" in many);
- a correction never just drops or adds "in", "un", "non" or "dis": "inactive" is not a
  typo for "active";
- results are only shown for a correction without asking when it is close (one edit, or two
  in a long word); a looser guess is only ever offered as "Did you mean".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .text import stem

MIN_WORD = 4  # shorter words have too many near neighbours to guess well
MAX_WORD = 30  # the longest word the vocabulary keeps (documents.words_of_document)
LONG_WORD = 8  # from this length two slips still leave the word recognisable
# Prefixes that turn a word into its opposite.
NEGATIONS = ("in", "im", "il", "ir", "un", "non", "dis")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent swaps), capped at limit."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[len(b)], limit)


class Speller:
    """The vocabulary of one index segment (or of the SEND terms), with its deletion index."""

    def __init__(self, frequencies: dict[str, int], deletions: int = 1):
        """frequencies: word -> number of services using it. deletions: how many letters are
        deleted when indexing each word. One finds most two-slip typos; two also finds two
        wrong letters ("asburgers") or two missing ("austic"), at several times the memory,
        so it is kept for the short list of SEND terms."""
        self.frequencies = frequencies
        self.variants: dict[str, list[str]] = {}
        for word in frequencies:
            if len(word) >= MIN_WORD - 1:
                variants = _deletes(word) | {word}
                if deletions > 1:
                    variants |= {v for d in list(variants) for v in _deletes(d)}
                for variant in variants:
                    self.variants.setdefault(variant, []).append(word)


@lru_cache(maxsize=4)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(s for s in map(stem, words) if s)


@dataclass(frozen=True)
class Correction:
    word: str
    distance: int
    typed: str
    typed_is_used: bool  # services use the typed word itself

    @property
    def close(self) -> bool:
        """Sure enough to show its results without asking first."""
        if self.typed_is_used:
            return False
        return self.distance == 1 or (self.distance == 2 and len(self.typed) >= LONG_WORD)


def _negation_of(a: str, b: str) -> bool:
    """True when one word is the other with a negating prefix ("inactive", "active")."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer == prefix + shorter for prefix in NEGATIONS)


def correct(word: str, spellers: list[Speller], send_terms: frozenset[str] = frozenset()) -> Correction | None:
    """The best-known word close to `word`, or None.

    spellers: the index vocabulary (and the SEND terms, counted as used once each).
    send_terms: words from the synonym list and need names; never corrected, and preferred
    as corrections ("austic" is "autistic" rather than "music")."""
    if not MIN_WORD <= len(word) <= MAX_WORD or not word.isalpha() or word in send_terms:
        return None

    def frequency(w: str) -> int:
        return sum(s.frequencies.get(w, 0) for s in spellers)

    own = frequency(word)
    send_stems = _stems(send_terms)
    # A word services use is only corrected to a far more common word one letter away.
    needed = 1 if own == 0 else max(3, 5 * own)
    max_distance = 1 if own or len(word) <= 5 else 2
    typed_variants = {word} | _deletes(word)
    if max_distance == 2:
        typed_variants |= {v for d in list(typed_variants) for v in _deletes(d)}
    candidates = {c for s in spellers for v in typed_variants for c in s.variants.get(v, ())}
    own_stem = stem(word)
    best: tuple | None = None
    for candidate in candidates:
        if candidate == word or stem(candidate) == own_stem or _negation_of(word, candidate):
            continue
        count = frequency(candidate)
        if count < needed:
            continue
        distance = edit_distance(word, candidate, max_distance + 1)
        if distance > max_distance:
            continue
        is_send_term = stem(candidate) in send_stems  # "classes" counts, as "class" is listed
        if distance == 2 and len(word) < LONG_WORD and not is_send_term:
            continue  # two slips in a short word: only a SEND term is a likely enough guess
        # Closest first, then a same first letter (people rarely mistype the first letter),
        # then SEND terms, then the most used, then alphabetical so the answer is stable.
        rank = (distance, candidate[0] != word[0], not is_send_term, -count, candidate)
        if best is None or rank < best:
            best = rank
    return Correction(best[4], best[0], word, own > 0) if best else None


def correct_words(words: list[str], suspects: set[str], spellers: list[Speller],
                  send_terms: frozenset[str]) -> tuple[str, bool] | None:
    """The words with each suspect replaced by its correction: (text, every change is close),
    or None if nothing changed. Stop words and the like are never corrected."""
    out, changes = [], []
    for word in words:
        correction = correct(word, spellers, send_terms) if word in suspects and stem(word) else None
        out.append(correction.word if correction else word)
        if correction:
            changes.append(correction)
    if not changes:
        return None
    return " ".join(out), all(c.close for c in changes)
