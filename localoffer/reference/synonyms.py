"""Words that mean the same thing to a family searching the Local Offer.

The list lives in `send_synonyms.txt` so council staff can add a term without a code change.
Each line is one group of equivalent terms. A line that cannot be read safely (fewer than two
terms, or characters a search term should not contain) is skipped rather than breaking search.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from os import PathLike

# Letters (any language), digits, spaces, and the punctuation real terms use:
# "down's syndrome", "post-16", "a&e".
_TERM = re.compile(r"[^\W_](?:[\w '&+./-]*[^\W_])?")
MAX_TERM_CHARS = 80


def parse_synonym_lines(lines) -> list[tuple[str, ...]]:
    """Groups from the lines of a synonym file: lowercased, whitespace-normalised,
    de-duplicated within the group, in file order."""
    groups: list[tuple[str, ...]] = []
    for line in lines:
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        terms: list[str] = []
        for raw in line.split(","):
            term = " ".join(raw.lower().replace("\u2019", "'").split())
            if term and term not in terms:
                terms.append(term)
        valid = all(len(t) <= MAX_TERM_CHARS and _TERM.fullmatch(t) for t in terms)
        if valid and len(terms) >= 2:
            groups.append(tuple(terms))
    return groups


def load_synonym_groups(path: str | PathLike) -> list[tuple[str, ...]]:
    """Groups from a synonym file on disk (for tests, or a staff-edited copy)."""
    with open(path, encoding="utf-8-sig") as handle:
        return parse_synonym_lines(handle)


@lru_cache(maxsize=1)
def _shipped_groups() -> tuple[tuple[str, ...], ...]:
    text = resources.files(__package__).joinpath("send_synonyms.txt").read_text(encoding="utf-8-sig")
    return tuple(parse_synonym_lines(text.splitlines()))


def synonym_groups() -> list[tuple[str, ...]]:
    """The SEND synonym groups searches use (the shipped ones, read once per process)."""
    return list(_shipped_groups())


def shipped_synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups in send_synonyms.txt as this release ships it, whatever searches use."""
    return _shipped_groups()
