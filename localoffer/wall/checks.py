"""Automatic checks on a wall comment. They only SUGGEST what a moderator should look at
(research §6.5): nothing here publishes, refuses or changes a comment. Rules, not a language
model, so a person always makes the call.

    run_checks("Call me on 07700 900123", others=[])
    -> [{"kind": "phone", "match": "07700 900123"}]
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

KINDS = ("phone", "email", "name", "school", "safeguarding", "profanity", "duplicate")
DUPLICATE_THRESHOLD = 0.8

# UK numbers: 0 or +44 (optionally "(0)") then 9 or 10 more digits, spaces, dashes or brackets
# allowed between digits. Years ("2024") and ages ("0-25") are too short to match.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)(?:[\s\-()]*\d){9,10}(?![\d])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# A capitalised word: the part of a name we can spot without a dictionary.
_CAPITALISED = r"([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"
_NAME_PATTERNS = (
    # "my son Jack", "our daughter, Ruby"
    re.compile(r"\b(?i:my|our|his|her|their)\s+(?i:son|daughter|child|boy|girl|grandson|granddaughter|"
               r"stepson|stepdaughter|brother|sister|husband|wife|partner)\s*,?\s+" + _CAPITALISED),
    # "he is called Theo", "she's named Isla"
    re.compile(r"\b(?i:called|named)\s+" + _CAPITALISED),
    # "Mrs Smith", "Dr. Patel"
    re.compile(r"\b((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"),
)
# A short list of first names often given in England, leaving out names that are also ordinary
# words (Will, May, Hope, Grace, Faith, Mark, Bill...). Matched only when capitalised.
COMMON_FIRST_NAMES = frozenset("""
    Oliver George Harry Noah Jack Leo Arthur Muhammad Mohammed Oscar Charlie Jacob Thomas Henry
    William Freddie Alfie Theo James Joshua Archie Ethan Lucas Isaac Alexander Daniel Samuel Dylan
    Logan Mason Riley Tommy Teddy Reuben Harrison Olivia Amelia Isla Ava Mia Ivy Lily Isabella
    Rosie Sophia Sophie Ella Evie Emily Poppy Ruby Chloe Jessica Ellie Charlotte Millie Freya
    Layla Daisy Sienna Evelyn Phoebe Matilda Harper Aria Maisie Emma Lucy Megan Hannah Amelie
""".split())
_WORD = re.compile(r"\b[A-Z][a-z]+\b")

_SETTING_WORDS = r"(?:School|Academy|Primary|Nursery|College|Pre-?[Ss]chool|Infants|Juniors|Sixth Form)"
_SCHOOL = re.compile(r"((?:\b[A-Z][\w'’.-]*\s+){1,5}" + _SETTING_WORDS + r")\b")
# Words that can come before "School" without naming one ("The Primary School said...").
_GENERIC = frozenset({"The", "A", "An", "My", "Our", "His", "Her", "Their", "This", "That", "Primary",
                      "Secondary", "Special", "Mainstream", "Local", "Independent", "Infant", "Junior",
                      "High", "Every", "Each", "Any", "No", "New", "Free", "Grammar", "Private", "Sixth",
                      "Form", "School", "Academy", "Nursery", "College", "SEN", "SEND"})

# Words that may mean someone is at risk. A hit sends the comment to a moderator's attention
# first; the moderator decides whether the safeguarding team needs it.
_SAFEGUARDING = re.compile(
    r"\b(?:self[- ]?harm\w*|suicid\w*|kill(?:s|ing)?\s+(?:him|her|my|them|it)sel(?:f|ves)|want(?:s|ed)?\s+to\s+die|"
    r"end\s+(?:his|her|my|their)\s+life|abus(?:e|ed|es|ing|er)\b|neglect\w*|"
    r"(?:hit|hits|hitting|hurt|hurts|hurting|beat|beats|beaten|beating|kicked|punched|slapped)\s+"
    r"(?:me|him|her|them|us|my\s+\w+|himself|herself|themselves)|"
    r"unsafe|not\s+safe|(?:scared|afraid|frightened)\s+to\s+go\s+home|raped?|sexually\s+(?:assaulted|touched)|"
    r"groom(?:ed|ing)|cutting\s+(?:him|her|my|them)sel(?:f|ves)|restrained)",
    re.IGNORECASE)

_PROFANITY = re.compile(
    r"\b(?:fuck\w*|f\*+k\w*|shit(?:e|s|ty|ting)?|bullshit|bollocks|bastards?|bitch\w*|wank\w*|twats?|cunts?|"
    r"piss(?:ed|ing)?|dickheads?|pricks?|arse(?:holes?)?|arseholes?|crap(?:py)?|bloody)\b",
    re.IGNORECASE)


def _hints(kind: str, matches: Iterable[str]) -> list[dict]:
    seen: list[str] = []
    for match in matches:
        match = " ".join(match.split())
        if match and match not in seen:
            seen.append(match)
    return [{"kind": kind, "match": match} for match in seen]


def find_names(text: str) -> list[str]:
    found = [m.group(1) for pattern in _NAME_PATTERNS for m in pattern.finditer(text)]
    found += [word for word in _WORD.findall(text) if word in COMMON_FIRST_NAMES]
    return found


def find_schools(text: str) -> list[str]:
    found = []
    for match in _SCHOOL.finditer(text):
        words = match.group(1).split()
        # Drop leading generic words ("The Oaks Academy" -> "Oaks Academy"); nothing left that
        # is not generic ("The Primary School") names no setting.
        while words and words[0] in _GENERIC:
            words.pop(0)
        if any(word not in _GENERIC for word in words):
            found.append(" ".join(words))
    return found


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def similarity(a: str, b: str) -> float:
    """The larger of a character-level ratio and the overlap of their words."""
    first, second = _normalise(a), _normalise(b)
    if not first or not second:
        return 0.0
    words_a, words_b = set(first.split()), set(second.split())
    overlap = len(words_a & words_b) / len(words_a | words_b)
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    ratio = matcher.ratio() if matcher.quick_ratio() >= DUPLICATE_THRESHOLD else 0.0
    return max(overlap, ratio)


def find_duplicates(text: str, others: Iterable[tuple[int, str]]) -> list[dict]:
    hints = []
    for post_id, other in others:
        score = similarity(text, other)
        if score >= DUPLICATE_THRESHOLD:
            # The score, not the other comment's words: hints are copied onto this post.
            hints.append({"kind": "duplicate", "match": f"{round(score * 100)}%", "post_id": post_id})
    return sorted(hints, key=lambda hint: -int(hint["match"].rstrip("%")))[:5]


def run_checks(text: str, others: Iterable[tuple[int, str]] = ()) -> list[dict]:
    """Suggestions for moderators, in a fixed order of kinds."""
    return [
        *_hints("phone", (m.group(0) for m in _PHONE.finditer(text))),
        *_hints("email", _EMAIL.findall(text)),
        *_hints("name", find_names(text)),
        *_hints("school", find_schools(text)),
        *_hints("safeguarding", (m.group(0) for m in _SAFEGUARDING.finditer(text))),
        *_hints("profanity", (m.group(0) for m in _PROFANITY.finditer(text))),
        *find_duplicates(text, others),
    ]
