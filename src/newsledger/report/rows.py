"""Table rows of a report: one per thing counted, with best/low/high and the figures behind them.

Rows come from the ledger's groups when it has them (issue 3: same-thing groups with a verdict);
figures in no group are grouped here by measure, actor, places, period and what is counted, with
best = the latest figure, low = the largest low, high = the largest high (open if any is open).
When figures of different reports conflict, low is the smallest low instead, so that [low, high]
spans the disagreement (the rule verify/reconcile.py applies to groups).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from itertools import combinations
from typing import Any

from newsledger.model import (
    DerivedFigure,
    Group,
    GroupMember,
    Measure,
    Qualifier,
    Quantity,
    Verdict,
)
from newsledger.report.records import Callout, Cell, DerivedRow, TableRow
from newsledger.verify.bounds import stated as stated_bounds

FigureRow = dict[str, Any]  # a row of ``Ledger.figures()``
FigureKey = tuple[str, str]  # (document key, figure id)

# How a hedge is shown next to a number in a table cell.
HEDGE_SIGNS = {
    Qualifier.EXACT: "", Qualifier.APPROXIMATE: "~", Qualifier.AT_LEAST: "≥",
    Qualifier.MORE_THAN: ">", Qualifier.AT_MOST: "≤", Qualifier.LESS_THAN: "<",
}

OPEN = "open"  # the text of a high bound that no figure closes ("at least 50")


def anchor(doc: str, figure: str) -> str:
    """The HTML id of a figure's evidence, ``ev-<doc>-<id>``; distinct figures get distinct ids."""
    return f"ev-{_id_part(doc, '-')}-{_id_part(figure, '')}"


def _id_part(text: str, keep: str) -> str:
    # Characters outside the safe set become _XXXX, so the mapping stays one-to-one.
    return "".join(c if c.isascii() and (c.isalnum() or c in "." + keep) else f"_{ord(c):04x}"
                   for c in text)


def quantity(figure: FigureRow) -> Quantity:
    """The figure's stated number as a Quantity (offsets are not needed here)."""
    return Quantity(figure["low"], figure["high"], Qualifier(figure["qualifier"]),
                    figure["number_text"], figure["start"], figure["end"])


def stated(figure: FigureRow) -> str:
    """The stated number with its hedge as a sign: '44', '~700', '>9,000', '2,000–3,000'."""
    q = quantity(figure)
    if q.qualifier is Qualifier.RANGE and q.high is not None:
        return f"{q.low:,}–{q.high:,}"
    return f"{HEDGE_SIGNS[q.qualifier]}{q.value:,}"


def stated_cell(figures: Sequence[FigureRow]) -> Cell:
    """The first figure's stated number, cited to every figure that states the same."""
    first = figures[0]
    same = [f for f in figures if stated(f) == stated(first)]
    anchors = tuple(anchor(f["doc"], f["id"]) for f in same)
    return Cell(quantity(first).value, stated(first), anchors)


def parse_day(value: object) -> date | None:
    """An ISO day from a ledger row (dates come back as text), else None."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None


def period_label(start: date | None, end: date | None, as_of: date | None = None) -> str:
    """A period as a reader says it: '2024-05-09', 'Feb 2024', 'Q1 2024', 'H1 2024', '2024'."""
    if start is None and end is None:
        return f"as of {as_of.isoformat()}" if as_of else "undated"
    if start is None or end is None:
        return f"from {start.isoformat()}" if start else f"until {end.isoformat()}" if end else ""
    if start == end:
        return start.isoformat()
    named = _named_period(start, end)
    return named or f"{start.isoformat()} to {end.isoformat()}"


def _named_period(start: date, end: date) -> str | None:
    """A whole month, quarter, half or year by name; None for any other span."""
    if start.day != 1 or start.year != end.year or _month_end(end) != end:
        return None
    months = end.month - start.month + 1
    if months == 12:
        return str(start.year)
    if months == 6 and start.month in (1, 7):
        return f"H{start.month // 6 + 1} {start.year}"
    if months == 3 and start.month % 3 == 1:
        return f"Q{start.month // 3 + 1} {start.year}"
    return start.strftime("%b %Y") if months == 1 else None


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _period_of(figure: FigureRow) -> tuple[date | None, date | None, date | None]:
    """(start, end, as of): a figure with no period counts as of its publication day."""
    start, end = parse_day(figure["period_start"]), parse_day(figure["period_end"])
    as_of = parse_day(figure["published"]) if start is None and end is None else None
    return start, end, as_of


def _counted_key(counted: str | None) -> str:
    # "of operatives" (a partitive's head) and "operatives" count the same thing.
    return re.sub(r"^of\s+", "", (counted or "").strip().lower())


def _row_key(figure: FigureRow) -> tuple[Any, ...]:
    places = tuple(sorted(name.lower() for name in figure["locations"]))
    return (figure["measure"], (figure["actor"] or "").lower(), places, *_period_of(figure),
            _counted_key(figure["counted"]))


def figure_rows(figures: Iterable[FigureRow]) -> tuple[list[TableRow], list[Callout]]:
    """Rows (and conflict call-outs) for figures that no ledger group covers."""
    buckets: dict[tuple[Any, ...], list[FigureRow]] = {}
    for figure in figures:
        buckets.setdefault(_row_key(figure), []).append(figure)
    rows, conflicts = [], []
    for bucket in buckets.values():
        # Undated figures may be from any time: a difference between them is no conflict.
        pairs = conflicting_pairs(bucket) if any(_period_of(bucket[0])) else []
        rows.append(_bucket_row(bucket, Verdict.CONFLICT if pairs else _verdict(bucket)))
        if pairs:
            conflicts.append(_bucket_conflict(rows[-1], bucket, pairs))
    return rows, conflicts


def _verdict(bucket: Sequence[FigureRow]) -> Verdict:
    return Verdict.SINGLE if len(bucket) == 1 else Verdict.AGREE


def conflicting_pairs(figures: Sequence[FigureRow]) -> list[tuple[FigureRow, FigureRow]]:
    """Pairs of figures from different documents whose intervals do not overlap."""
    pairs = []
    for a, b in combinations(figures, 2):
        (a_low, a_high), (b_low, b_high) = quantity(a).interval(), quantity(b).interval()
        if a["doc"] != b["doc"] and (a_high < b_low or b_high < a_low):
            pairs.append((a, b))
    return pairs


def _latest(figures: Sequence[FigureRow]) -> FigureRow:
    """The most recently published figure; within one document, the last stated."""
    return max(figures, key=lambda f: (f["published"] or "", f["start"]))


def _bucket_row(bucket: Sequence[FigureRow], verdict: Verdict) -> TableRow:
    first = bucket[0]
    start, end, as_of = _period_of(first)
    latest = _latest(bucket)
    return TableRow(
        measure=Measure(first["measure"]), place=place_text(first["locations"]),
        period=period_label(start, end, as_of), period_start=start, period_end=end or as_of,
        actor=first["actor"], counted=_counted_text(bucket),
        best=stated_cell([latest, *(f for f in bucket if f is not latest)]),
        low=_bound_cell(bucket, "low", smallest=verdict is Verdict.CONFLICT),
        high=_bound_cell(bucket, "high"),
        verdict=verdict.value, figures=len(bucket), documents=len({f["doc"] for f in bucket}),
    )


def _bound_cell(bucket: Sequence[FigureRow], bound: str, smallest: bool = False) -> Cell:
    """The largest (or smallest) stated low or high bound ('more than 9,000' states 9,000); a
    high is open when any figure is open."""
    values = [_stated_bound(f, bound) for f in bucket]
    if bound == "low":
        values = [v for v in values if v is not None] or [None]
    if None in values:
        chosen = [f for f in bucket if _stated_bound(f, bound) is None]
        return Cell(None, OPEN if bound == "high" else "—",
                    tuple(anchor(f["doc"], f["id"]) for f in chosen))
    numbers = [v for v in values if v is not None]
    top = min(numbers) if smallest else max(numbers)
    chosen = [f for f in bucket if _stated_bound(f, bound) == top]
    return Cell(top, f"{top:,}", tuple(anchor(f["doc"], f["id"]) for f in chosen))


def place_text(locations: Sequence[str]) -> str:
    """Places joined for a table cell, in one order whatever order the text names them in (as
    the chart's series: 'Syria; Iraq' is 'Iraq; Syria'); '—' when the figure names none."""
    return "; ".join(sorted(dict.fromkeys(locations), key=str.lower)) or "—"


def _counted_text(bucket: Sequence[FigureRow]) -> str | None:
    names = dict.fromkeys(f["counted"] for f in bucket if f["counted"])
    return " / ".join(names) or None


def _bucket_conflict(row: TableRow, bucket: Sequence[FigureRow],
                     pairs: Sequence[tuple[FigureRow, FigureRow]]) -> Callout:
    shown = ", ".join(f"{stated(a)} vs {stated(b)}" for a, b in pairs)
    entries = tuple((document_label(f), stated_cell([f]))
                    for f in sorted(bucket, key=lambda f: (f["published"] or "", f["doc"])))
    return Callout("conflict", row_heading(row), f"Reports disagree: {shown}.", entries)


def row_heading(row: TableRow) -> str:
    """What a row counts, in one line: measure · counted · actor · place · period."""
    parts = [row.measure.value, row.counted, row.actor, row.place, row.period]
    return " · ".join(part for part in parts if part)


def document_label(figure: FigureRow) -> str:
    """Whose figure it is: the report's title (or id), its date, and who the text cites."""
    published = f" ({figure['published']})" if figure["published"] else ""
    source = f", according to {figure['source']}" if figure["source"] else ""
    return f"{figure['title'] or figure['doc']}{published}{source}"


def group_rows(
    groups: Iterable[Group], selected: AbstractSet[FigureKey], figures: dict[FigureKey, FigureRow],
    document_key: Callable[[str], str],
) -> tuple[list[TableRow], list[Callout], set[FigureKey]]:
    """Rows and conflict call-outs of the groups holding a selected figure, and what they cover.

    A kept group is shown whole: its best, low and high may come from members the filters left
    out (an unattributed toll grouped with the ISIS one), so ``figures`` holds every figure.
    """
    rows: list[TableRow] = []
    conflicts: list[Callout] = []
    covered: set[FigureKey] = set()
    for group in groups:
        members = [(m, figures.get((document_key(m.doc), m.id))) for m in group.figures]
        known = [(m, f) for m, f in members if f is not None]
        keys = {(f["doc"], f["id"]) for _, f in known}
        if not keys & selected:
            continue  # a group of figures outside the report's filters
        covered.update(keys)
        rows.append(_group_row(group, known))
        if group.verdict is Verdict.CONFLICT:
            conflicts.append(_group_conflict(group, rows[-1], known))
    return rows, conflicts, covered


Known = Sequence[tuple[GroupMember, FigureRow]]


def _group_row(group: Group, known: Known) -> TableRow:
    figures = [f for _, f in known]
    as_of = group.as_of if group.period_start is None and group.period_end is None else None
    return TableRow(
        measure=group.measure, place=place_text(group.locations),
        period=period_label(group.period_start, group.period_end, as_of),
        period_start=group.period_start, period_end=group.period_end or as_of,
        actor=group.actor, counted=_counted_text(figures),
        best=_group_best(group.best, figures), low=_group_bound(group.low, figures, "low"),
        high=_group_bound(group.high, figures, "high"), verdict=group.verdict.value,
        figures=len(group.figures), documents=len({m.doc for m in group.figures}),
    )


def _group_best(best: int | None, figures: Sequence[FigureRow]) -> Cell:
    """The group's best, cited to the figures that state it (or whose interval holds it)."""
    if best is None:
        return Cell(None, "—")
    stating = [f for f in figures if quantity(f).value == best]
    if stating:
        return stated_cell(sorted(stating, key=lambda f: f["published"] or "", reverse=True))
    return _computed_cell(best, figures)


def _group_bound(value: int | None, figures: Sequence[FigureRow], bound: str) -> Cell:
    if value is None:
        open_ones = [f for f in figures if f[bound] is None] or list(figures)
        return Cell(None, OPEN if bound == "high" else "—",
                    tuple(anchor(f["doc"], f["id"]) for f in open_ones))
    stating = [f for f in figures if _stated_bound(f, bound) == value]
    if stating:
        return Cell(value, f"{value:,}", tuple(anchor(f["doc"], f["id"]) for f in stating))
    return _computed_cell(value, figures)


def _stated_bound(figure: FigureRow, bound: str) -> int | None:
    """The bound a figure states ('more than 9,000' states a low of 9,000: verify/bounds.py)."""
    said = stated_bounds(figure["low"], figure["high"], Qualifier(figure["qualifier"]))
    return said.low if bound == "low" else said.high


def _computed_cell(value: int, figures: Sequence[FigureRow]) -> Cell:
    """A number no figure states (the ledger derived it): cite those whose interval holds it."""
    holding = [f for f in figures if _holds(quantity(f), value)] or list(figures)
    return Cell(value, f"{value:,}*", tuple(anchor(f["doc"], f["id"]) for f in holding))


def _holds(q: Quantity, value: int) -> bool:
    low, high = q.interval()
    return low <= value <= high


def _group_conflict(group: Group, row: TableRow, known: Known) -> Callout:
    entries = tuple((document_label(f), stated_cell([f])) for _, f in known)
    return Callout("conflict", row_heading(row), group.reason or "Reports disagree.", entries)


def derived_rows(
    derived: Iterable[DerivedFigure], selected: AbstractSet[FigureKey],
    figures: dict[FigureKey, FigureRow], document_key: Callable[[str], str],
) -> list[DerivedRow]:
    """Derived figures computed from at least one selected figure, each operand cited."""
    rows = []
    for item in derived:
        keys = [(document_key(doc), fid) for doc, fid in item.derived_from]
        if not set(keys) & selected or any(key not in figures for key in keys):
            continue
        operands = [figures[key] for key in keys]
        f = item.figure
        rows.append(DerivedRow(
            measure=f.measure, place=place_text(f.locations),
            period=period_label(f.period_start, f.period_end), period_start=f.period_start,
            period_end=f.period_end, actor=f.actor, counted=_counted_text(operands),
            value=f.quantity.value, formula=_formula(f.quantity.value, operands), rule=item.rule,
        ))
    return rows


def _formula(value: int, operands: Sequence[FigureRow]) -> tuple[tuple[str, Cell], ...]:
    """'44 − 18' when the first less the others gives the value; else the operands, listed."""
    values = [quantity(f).value for f in operands]
    minus = len(values) > 1 and values[0] - sum(values[1:]) == value
    return tuple(("" if i == 0 else "−" if minus else ",", stated_cell([f]))
                 for i, f in enumerate(operands))


__all__ = [
    "OPEN",
    "anchor",
    "conflicting_pairs",
    "derived_rows",
    "document_label",
    "figure_rows",
    "group_rows",
    "parse_day",
    "period_label",
    "place_text",
    "quantity",
    "row_heading",
    "stated",
    "stated_cell",
]
