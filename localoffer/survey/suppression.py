"""Disclosure control for survey results, as pure functions: a count above 0 and under
SUPPRESSION_THRESHOLD is shown as "fewer than 5" with no percentage, and so that it cannot be worked
out by subtraction, no line of cells adding up to a shown total (a row adding to its n, a breakdown
column adding to the overall count) is left with exactly one hidden cell: the next smallest cell is
hidden too, or failing that the total. Overall figures are protected on their own first and then
kept fixed, so a breakdown can never reveal what the overall table hid."""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from flask_babel import gettext as _

from ..models.survey import SurveyQuestion
from ..voice_vocab import NOT_APPLICABLE, SUPPRESSION_THRESHOLD


def percent(count: int, base: int) -> int:
    """Whole-number percentage, halves rounded up (so 12.5% shows as 13%)."""
    return (200 * count + base) // (2 * base)


def protect(counts: dict[Hashable, int], lines: list[tuple[list[Hashable], Hashable | None]],
            fixed: dict[Hashable, bool] | None = None) -> set[Hashable]:
    """The keys to hide. `lines` are (members, total) where the members add up to the total
    (total None: members that add up to nothing shown). `fixed` keys keep the hidden or shown
    state they were given (totals already published elsewhere).

    A complementary cell that still ends up alone in a line (its column is otherwise zeros, so it
    equals a shown total) protects nothing; it is marked as unusable and the choice made again."""
    fixed = fixed or {}
    small = {k for k, v in counts.items() if k not in fixed and 0 < v < SUPPRESSION_THRESHOLD}
    unusable: set[Hashable] = set()
    while True:
        hidden = _complement(counts, lines, fixed, small | {k for k, h in fixed.items() if h}, unusable)
        exposed = {k for members, total in lines if total is not None
                   for k in [*members, total] if k in hidden and sum(m in hidden for m in [*members, total]) == 1}
        retry = exposed - small - set(fixed) - unusable
        if not retry:
            return hidden
        unusable |= retry


def _complement(counts, lines, fixed, hidden: set, unusable: set) -> set:
    hidden = set(hidden)
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            if total is None or sum(k in hidden for k in [*members, total]) != 1:
                continue
            free = [k for k in members if k not in hidden and k not in fixed and k not in unusable and counts[k] > 0]
            if free:
                hidden.add(min(free, key=lambda k: (counts[k], members.index(k))))
            elif total not in hidden and total not in fixed and total not in unusable:
                hidden.add(total)
            else:
                continue  # nothing left to hide without changing a fixed figure
            changed = True
    return hidden


@dataclass
class Cell:
    key: str
    label: str
    count: int
    excluded: bool = False  # "does not apply": shown, but left out of percentages
    suppressed: bool = False
    percent: int | None = None

    @property
    def shown_count(self) -> int | None:
        return None if self.suppressed else self.count

    @property
    def count_text(self) -> str:
        return suppressed_text(self.count) if self.suppressed else str(self.count)

    @property
    def percent_text(self) -> str:
        return f"{self.percent}%" if self.percent is not None else ""


def suppressed_text(count: int) -> str:
    # Small numbers say so; bigger ones hidden only to protect a small one say "not shown".
    return _("fewer than %(n)d", n=SUPPRESSION_THRESHOLD) if 0 < count < SUPPRESSION_THRESHOLD else _("not shown")


@dataclass
class Row:
    key: str | None  # the breakdown group; None for everyone
    label: str
    n: int
    cells: list[Cell]
    n_suppressed: bool = False

    @property
    def shown_n(self) -> int | None:
        return None if self.n_suppressed else self.n

    @property
    def n_text(self) -> str:
        return suppressed_text(self.n) if self.n_suppressed else str(self.n)

    def cell(self, key: str) -> Cell | None:
        return next((c for c in self.cells if c.key == key), None)


def _additive(question: SurveyQuestion | None) -> bool:
    # Checkbox answers add up to more than n, so a row total gives nothing away by subtraction.
    # (Themes are treated as adding up: most coded answers have one theme.)
    return question is not None and question.kind not in ("multiple",)


def _make_row(key, label, counts: dict[str, int], base: int, labels: dict[str, str], hidden: set,
              group_key) -> Row:
    cells = [Cell(k, str(labels.get(k, k)), counts[k], excluded=(k == NOT_APPLICABLE),
                  suppressed=("cell", group_key, k) in hidden) for k in counts]
    row = Row(key, label, base, cells, n_suppressed=("n", group_key) in hidden)
    if not row.n_suppressed and base > 0:
        for c in cells:
            if not c.excluded and not c.suppressed:
                c.percent = percent(c.count, base)
    return row


def build_rows(question: SurveyQuestion | None, counts: dict[str, int], base: int, labels: dict[str, str],
               groups: dict[str, tuple[str, dict[str, int], int]] | None = None) -> tuple[Row, list[Row]]:
    """The overall row and (optionally) one row per breakdown group, suppressed together.
    `groups` maps a group key to (label, counts, base)."""
    additive = _additive(question)
    members = [k for k in counts if k != NOT_APPLICABLE]
    flat = {("cell", None, k): v for k, v in counts.items()} | {("n", None): base}
    lines = [([("cell", None, k) for k in members], ("n", None) if additive else None)]
    overall_hidden = protect(flat, lines)
    overall = _make_row(None, _("All answers"), counts, base, labels, overall_hidden, None)
    if not groups:
        return overall, []
    fixed = {k: k in overall_hidden for k in flat}
    allc = dict(flat)
    lines = []
    for g, (_label, gcounts, gbase) in groups.items():
        allc.update({("cell", g, k): v for k, v in gcounts.items()})
        allc[("n", g)] = gbase
        lines.append(([("cell", g, k) for k in members], ("n", g) if additive else None))
    for k in counts:  # each option's groups add up to its overall count
        lines.append(([("cell", g, k) for g in groups], ("cell", None, k)))
    lines.append(([("n", g) for g in groups], ("n", None)))
    hidden = protect(allc, lines, fixed)
    rows = [_make_row(g, label, gcounts, gbase, labels, hidden, g) for g, (label, gcounts, gbase) in groups.items()]
    return overall, rows
