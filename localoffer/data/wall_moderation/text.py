"""The words side of moderation: removing identifying words without rewording, spotting a
staff note that copies a family's words, and counting working days."""
from __future__ import annotations

import re
from datetime import date, timedelta

# What replaces a removed word or phrase on the public wall. Stored in the published text.
MARKERS = {"name": "[name]", "school": "[school]", "place": "[place]", "contact": "[contact details]",
           "removed": "[removed]"}


class RedactionError(ValueError):
    """A phrase to remove that is not, word for word, in the post."""

    def __init__(self, phrase: str):
        super().__init__("phrase not in the post")
        self.phrase = phrase


def working_days_between(start: date, end: date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (bank holidays count)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    extra = sum(1 for n in range(1, rest + 1) if (start + timedelta(days=weeks * 7 + n)).weekday() < 5)
    return weeks * 5 + extra


def quotes_post(note: str, text: str, words: int = 5) -> bool:
    """Whether a staff note repeats a run of `words` words from the post (notes are kept for
    years in the decision history and must not carry the family's words)."""
    post_words = re.findall(r"\w+", text.lower())
    size = min(words, len(post_words))
    if size < 3:
        return False
    note_words = " " + " ".join(re.findall(r"\w+", note.lower())) + " "
    return any(" " + " ".join(post_words[i:i + size]) + " " in note_words
               for i in range(len(post_words) - size + 1))


def parse_redactions(lines: str, default_marker: str) -> list[tuple[str, str]]:
    """One phrase a line. A line may end with its own marker, e.g. "Oakwood Primary [school]"."""
    by_label = {label: key for key, label in MARKERS.items()}
    result = []
    for raw in (lines or "").splitlines():
        line, marker = raw.strip(), default_marker
        for label, key in by_label.items():
            if line.endswith(label) and line[:-len(label)].strip():
                line, marker = line[:-len(label)].strip(), key
                break
        if line:
            result.append((line, marker))
    return result


def redact(text: str, redactions: list[tuple[str, str]]) -> str:
    """`text` with every occurrence of each phrase replaced by its marker and nothing else
    changed: moderators may remove words, never reword (research §6.5)."""
    spans = []
    for phrase, marker in redactions:
        if marker not in MARKERS:
            raise ValueError("unknown marker")
        if not phrase or phrase not in text:
            raise RedactionError(phrase)
        start = text.find(phrase)
        while start != -1:
            spans.append([start, start + len(phrase), MARKERS[marker]])
            start = text.find(phrase, start + len(phrase))
    merged: list[list] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and span[0] < merged[-1][1]:  # overlapping phrases become one marker
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    out, pos = [], 0
    for start, end, label in merged:
        out += [text[pos:start], label]
        pos = end
    return "".join(out + [text[pos:]])
