"""Family voice by area: published wall comments by theme, part of Essex and quarter, and the
Family Impact Survey's headline questions by part of Essex, wave by wave.

Only published wall comments are counted, and every count goes through the survey's disclosure
control (survey/suppression.py): 1 to 4 shows as "fewer than 5", and a second cell is hidden
wherever a hidden one could be worked out from a total. Suppression is worked out on the whole
table (every part of Essex) before a filter narrows what is shown, so two views of the same
table can never be subtracted from each other. Survey figures are survey_results' own, already
suppressed the same way."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Survey, WallPost
from ..survey.suppression import protect, suppressed_text
from ..voice_vocab import PUBLIC_WALL_STATUSES, THEMES, survey_title
from ..vocab import QUADRANTS
from . import survey_results
from .insight import Cell, Column, InsightFilters, Row, Section, Table, chart, months_between
from .survey_archive import surveys_with_answers

NOT_GIVEN = "none"
ALL = "all"


@dataclass(frozen=True)
class Post:
    quadrant: str
    themes: tuple[str, ...]
    quarter: str  # "2026-Q3"


def _quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _quarter_label(key: str) -> str:
    year, quarter = key.split("-Q")
    return _("%(months)s %(year)s", months={"1": _("Jan to Mar"), "2": _("Apr to Jun"), "3": _("Jul to Sep"),
                                            "4": _("Oct to Dec")}[quarter], year=year)


def published_posts(filters: InsightFilters, today: date) -> list[Post]:
    since = filters.since(today)
    stmt = select(WallPost.quadrant, WallPost.themes, WallPost.submitted_at).where(
        WallPost.status.in_(PUBLIC_WALL_STATUSES))
    if since is not None:
        stmt = stmt.where(WallPost.submitted_at >= datetime.combine(since, time.min, timezone.utc))
    return [Post(row.quadrant if row.quadrant in QUADRANTS else NOT_GIVEN,
                 tuple(t for t in (row.themes or []) if t in THEMES), _quarter(row.submitted_at.date()))
            for row in db.session.execute(stmt)]


def protected_grid(counts: dict[tuple[str, str], int], rows: list[str], columns: list[str],
                   total_row: str, total_column: str, fixed: dict | None = None) -> set[tuple[str, str]]:
    """Cells to hide in a grid of counts whose member columns add up to `total_column` in every
    row, and whose member rows add up to `total_row` in a column when they really do (a comment
    can have several themes, so theme rows usually add up to more than the comments). `fixed`
    cells keep the hidden or shown state another table already gave them."""
    members = [c for c in columns if c != total_column]
    themes = [r for r in rows if r != total_row]
    lines = [([(r, c) for c in members], (r, total_column)) for r in rows]
    for c in columns:
        if sum(counts[(r, c)] for r in themes) == counts[(total_row, c)]:
            lines.append(([(r, c) for r in themes], (total_row, c)))
    return protect(counts, lines, fixed)


def _grid_table(key: str, caption: str, posts: list[Post], column_of, columns: list[tuple[str, str]],
                shown: list[str], total_label: str, fixed_totals: dict[str, bool] | None = None
                ) -> tuple[Table, set[tuple[str, str]]]:
    """Themes down, `columns` across (plus a total), counted and suppressed on the whole grid;
    only the `shown` columns (and the total) appear. Returns the table and the hidden cells."""
    keys = [k for k, _label in columns] + [ALL]
    rows = list(THEMES) + [ALL]
    counts = {(r, c): 0 for r in rows for c in keys}
    for post in posts:
        column = column_of(post)
        for r in (*post.themes, ALL):
            counts[(r, column)] += 1
            counts[(r, ALL)] += 1
    fixed = {(r, ALL): h for r, h in fixed_totals.items()} if fixed_totals is not None else None
    hidden = protected_grid(counts, rows, keys, ALL, ALL, fixed)
    labels = dict(columns) | {ALL: total_label}
    visible = [k for k in keys if k in shown or k == ALL]

    def cell(r: str, c: str) -> Cell:
        n = counts[(r, c)]
        return Cell(suppressed_text(n), None) if (r, c) in hidden else Cell(str(n), n)

    table_rows = [Row(r, str(THEMES[r]) if r != ALL else _("All published comments"),
                      [cell(r, c) for c in visible])
                  for r in rows if r == ALL or counts[(r, ALL)]]
    return Table(key, caption, "", [Column(c, labels[c]) for c in visible], table_rows, row_heading=_("Theme")), hidden


def _wall_tables(filters: InsightFilters, today: date) -> list[Table]:
    posts = published_posts(filters, today)
    areas = [(q, str(label)) for q, label in QUADRANTS.items()] + [(NOT_GIVEN, _("Not given"))]
    by_area, hidden = _grid_table("wall-themes-by-area", _("Published wall comments by theme and part of Essex"),
                                  posts, lambda p: p.quadrant, areas,
                                  [filters.quadrant] if filters.quadrant else [k for k, _l in areas], _("All of Essex"))
    first = filters.since(today) or min((date(int(p.quarter[:4]), 3 * int(p.quarter[-1]) - 2, 1) for p in posts),
                                        default=today)
    quarters = sorted({_quarter(m) for m in months_between(first, today)})
    local = [p for p in posts if not filters.quadrant or p.quadrant == filters.quadrant]
    where = str(QUADRANTS[filters.quadrant]) if filters.quadrant else _("all of Essex")
    # Its totals are the by-area table's column for the same place: they must be hidden there
    # and here alike, or one table would give away what the other hid.
    column = filters.quadrant or ALL
    over_time, _hidden = _grid_table(
        "wall-themes-by-quarter", _("Published wall comments by theme and quarter, %(where)s", where=where), local,
        lambda p: p.quarter, [(q, _quarter_label(q)) for q in quarters], quarters, _("Whole period"),
        fixed_totals={r: (r, column) in hidden for r in [*THEMES, ALL]})
    total = by_area.rows[-1].cells[-1]
    by_area.summary = _("%(num)s comments were published in the period.", num=total.text)
    shown = [r for r in by_area.rows[:-1] if r.cells[-1].value is not None]
    if shown:
        top = max(shown, key=lambda r: r.cells[-1].value)
        by_area.summary += " " + _("The theme raised most: %(theme)s (%(num)d).", theme=top.label, num=top.cells[-1].value)
    row = over_time.rows[-1]
    over_time.summary = _("Comments published each quarter, %(where)s, by theme.", where=where)
    over_time.chart = chart([(c.label, cell.value, cell.text) for c, cell in zip(over_time.columns[:-1], row.cells)])
    return [by_area, over_time]


# -- the survey --------------------------------------------------------------------------------

def _waves() -> list[Survey]:
    """Waves with answers, oldest first, so each table reads left to right through time."""
    return list(db.session.scalars(select(Survey).where(Survey.id.in_(surveys_with_answers()))
                                   .order_by(Survey.series, Survey.created_at, Survey.id)))


def _survey_cell(question, row) -> Cell:
    if row.n == 0:
        return Cell(_("No answers"), None)
    if row.n_suppressed:
        return Cell(suppressed_text(row.n), None, detail=_("answered"))
    positive, hidden = survey_results.positive_share(question, row)
    if hidden or positive is None:
        return Cell(_("Not shown: small numbers"), None, detail=_("%(num)d answered", num=row.n))
    return Cell(f"{positive}%", positive, detail=_("%(num)d answered", num=row.n))


def _survey_tables(filters: InsightFilters) -> list[Table]:
    waves = _waves()
    groups = survey_results.group_labels("quadrant")
    wanted = [filters.quadrant] if filters.quadrant else list(groups)
    by_code: dict[str, dict[int, tuple]] = defaultdict(dict)
    for wave in waves:
        for result in survey_results.survey_results(wave, by="quadrant"):
            if result.question.kind in survey_results.HEADLINE_KINDS:
                by_code[result.question.code][wave.id] = result
    tables = []
    for code, results in by_code.items():
        latest = results[max(results, key=lambda wid: [w.id for w in waves].index(wid))]
        columns = [Column(str(w.id), survey_title(w) + ("" if w.status == "closed" else " " + _("(still open)")))
                   for w in waves if w.id in results]
        rows = []
        for key in [*wanted, ALL]:
            cells = []
            for wave in (w for w in waves if w.id in results):
                result = results[wave.id]
                row = result.overall if key == ALL else next(g for g in result.groups if g.key == key)
                cells.append(_survey_cell(result.question, row))
            rows.append(Row(key, groups[key] if key != ALL else _("All answers"), cells))
        word = _("said better") if latest.question.kind == "better-same-worse" else _("agreed")
        summary = _("The share who %(word)s, by part of Essex and wave. Latest, all of Essex: %(figure)s.",
                    word=word, figure=rows[-1].cells[-1].text)
        tables.append(Table(f"survey-{code}", latest.label, summary, columns, rows, row_heading=_("Part of Essex"),
                            chart=chart([(r.label, r.cells[-1].value, r.cells[-1].text) for r in rows[:-1]])))
    return tables


def voice_section(filters: InsightFilters, today: date | None = None) -> Section:
    today = today or date.today()
    notes = [_("Only published wall comments are counted. To protect families' privacy any number from 1 to 4 "
               "is shown as ‘fewer than 5’, and some other numbers are ‘not shown’ so that a small number cannot "
               "be worked out from the totals."),
             _("Survey figures are the share of people answering who agreed (or said better), leaving out "
               "‘does not apply’, for every wave with answers; the period filter does not apply to them.")]
    return Section("voice", _("Family voice by area"), filters, _wall_tables(filters, today) + _survey_tables(filters),
                   notes)
