"""Derived figures and sub-period checks: what a period's total and its parts imply.

Works on reconciled groups (one value per same-thing group: its best figure), flows only (a stock
is not a sum over time), groups in conflict left out (a disputed total derives nothing). Two groups
count the same thing when measure, actor, places (closures) and counted noun match.

1. Sub-period checks: for a total over a period, the groups whose periods lie strictly inside it,
   without overlaps (earliest first, longer first), must not exceed it: one part gives a ``subset``
   check (part <= total), several a ``sum`` check (sum of parts <= total; equal when they cover the
   whole period). Hedged numbers are intervals, as in the in-document checks.
2. Derived rest: when the part shares the total's first or last day, the rest of the period is
   total - part (first half - first quarter = second quarter), unless a report states it already.
   The interval is [total.low - part.high, total.high - part.low]: exact - exact = exact; an
   open-ended total gives "at least"; an open-ended part gives "at most"; other hedges a range.
   A rest whose upper bound is below zero is impossible: no figure, a failing ``derived`` check.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count

from newsledger.extract.places import expand_place
from newsledger.model import (
    STOCK_MEASURES,
    Check,
    CheckType,
    DerivedFigure,
    Figure,
    Qualifier,
    Quantity,
    Verdict,
)
from newsledger.verify.reconcile import Reconciled
from newsledger.verify.sameness import head_of

DERIVED_DOC = "derived"
INF = float("inf")


@dataclass(frozen=True, slots=True)
class Period:
    """A total or part: the group's best figure over its stated period."""

    figure: Figure
    start: date
    end: date

    @property
    def key(self) -> str:
        """The figure as ``doc:id``."""
        return f"{self.figure.doc}:{self.figure.id}"

    def inside(self, other: Period) -> bool:
        """Strictly within ``other``'s period."""
        span, whole = (self.start, self.end), (other.start, other.end)
        return other.start <= self.start and self.end <= other.end and span != whole


@dataclass(frozen=True, slots=True)
class Derivation:
    """Derived figures with their lineage, and the checks of sub-periods against totals."""

    figures: tuple[DerivedFigure, ...]
    checks: tuple[Check, ...]


def derive(groups: Sequence[Reconciled]) -> Derivation:
    """Derived rest-of-period figures and sub-period checks over reconciled groups."""
    return derive_from(item.best for item in groups
                       if item.best is not None and item.group.verdict is not Verdict.CONFLICT)


def derive_from(bests: Iterable[Figure]) -> Derivation:
    """``derive`` given only the best figures of the groups not in conflict (in any order)."""
    return _derive(_same_things(bests))


def derive_thing(bests: Iterable[Figure]) -> Derivation:
    """``derive_from`` given the best figures of one thing (equal ``thing_key``): the part of
    the whole derivation that thing gives, its derived figures numbered from d1. The whole
    numbers them on over the things in the order of their keys."""
    periods = [Period(b, b.period_start, b.period_end) for b in bests
               if b.period_start and b.period_end]
    return _derive([sorted(periods, key=lambda p: (p.start, p.end, p.key))])


def derive_totals(bests: Iterable[Figure], totals: Container[str]) -> list[tuple[str, Derivation]]:
    """The part of ``derive_thing(bests)`` each total of ``totals`` (``doc:id``) gives, in the
    order the whole takes them, each numbered from d1: what a total gives depends only on the
    periods that start within its own, so ``bests`` need hold only those."""
    periods = sorted((Period(b, b.period_start, b.period_end) for b in bests
                      if b.period_start and b.period_end), key=lambda p: (p.start, p.end, p.key))
    found = []
    for total in periods:
        if total.key in totals:
            figures, checks = _total(total, periods, count(1))
            found.append((total.key, Derivation(tuple(figures), tuple(checks))))
    return found


def total_order(figure: Figure) -> str:
    """A total's place in the order the derivation takes a thing's totals, as text."""
    return "\x01".join((str(figure.period_start), str(figure.period_end),
                        f"{figure.doc}:{figure.id}"))


def thing_key(best: Figure) -> str:
    """What the group of this best figure counts, as text: groups derive only with groups of
    the same key, and the whole derivation takes the keys in their order."""
    return repr(_thing(best))


def _derive(things: Iterable[list[Period]]) -> Derivation:
    figures: list[DerivedFigure] = []
    checks: list[Check] = []
    ids = count(1)
    for periods in things:
        for total in periods:
            more, also = _total(total, periods, ids)
            figures += more
            checks += also
    return Derivation(tuple(figures), tuple(checks))


def _total(total: Period, periods: Sequence[Period],
           ids: Iterator[int]) -> tuple[list[DerivedFigure], list[Check]]:
    """What one total gives: its sub-period check and the rests of its period."""
    figures: list[DerivedFigure] = []
    checks: list[Check] = []
    parts = _parts(total, periods)
    if parts:
        checks.append(subperiod_check(total, parts))
    for part in parts:
        if _rest_span(total, part) and not _stated(total, part, periods):
            found, check = derive_rest(total, part, f"d{next(ids)}")
            figures.extend([found] if found else [])
            checks.append(check)
    return figures, checks


def _same_things(bests: Iterable[Figure]) -> list[list[Period]]:
    """Flow groups with a stated period (given their best figures), bucketed by what they count."""
    buckets: dict[tuple[object, ...], list[Period]] = defaultdict(list)
    for best in bests:
        if best.measure in STOCK_MEASURES or not (best.period_start and best.period_end):
            continue
        buckets[_thing(best)].append(Period(best, best.period_start, best.period_end))
    return [
        sorted(b, key=lambda p: (p.start, p.end, p.key))
        for _, b in sorted(buckets.items(), key=lambda kv: repr(kv[0]))
    ]


def derives(best: Figure | None, verdict: Verdict) -> bool:
    """Whether a group with this best figure and verdict takes part in derivation at all."""
    return (best is not None and verdict is not Verdict.CONFLICT
            and best.measure not in STOCK_MEASURES
            and best.period_start is not None and best.period_end is not None)


def _thing(figure: Figure) -> tuple[object, ...]:
    head = head_of(figure.counted)
    closure = frozenset().union(*(expand_place(name) for name in figure.locations))
    # A generic head ("people") counts the same as any head, so it does not split buckets.
    name = "" if head.generic else head.name
    return figure.measure.value, figure.actor, tuple(sorted(closure)), name, tuple(head.subgroups)


def _parts(total: Period, periods: Sequence[Period]) -> list[Period]:
    """Non-overlapping periods inside the total: earliest first, the longer of two at one start.

    ``periods`` are sorted by start (``_same_things``): only those starting within the total's
    period are looked at, so a bucket of many weeks costs no scan of every week per total."""
    first = bisect_left(periods, total.start, key=_start)
    last = bisect_right(periods, total.end, key=_start)
    inside = [p for p in periods[first:last] if p.inside(total)]
    inside.sort(key=lambda p: (p.start, -p.end.toordinal()))
    chosen: list[Period] = []
    for part in inside:
        if not chosen or part.start > chosen[-1].end:
            chosen.append(part)
    return chosen


def _rest_span(total: Period, part: Period) -> tuple[date, date] | None:
    """The rest of the total's period when the part shares its first or last day."""
    if part.start == total.start and part.end < total.end:
        return part.end + timedelta(days=1), total.end
    if part.end == total.end and part.start > total.start:
        return total.start, part.start - timedelta(days=1)
    return None


def _start(period: Period) -> date:
    return period.start


def _stated(total: Period, part: Period, periods: Sequence[Period]) -> bool:
    span = _rest_span(total, part)
    if span is None:
        return False
    first = bisect_left(periods, span[0], key=_start)
    last = bisect_right(periods, span[0], key=_start)
    return any(p.end == span[1] for p in periods[first:last])


# --------------------------------------------------------------------------- checks


def subperiod_check(total: Period, parts: Sequence[Period]) -> Check:
    """Parts over sub-periods against the total: never more; equal when they cover the period."""
    low = sum(p.figure.quantity.interval()[0] for p in parts)
    high = sum(p.figure.quantity.interval()[1] for p in parts)
    t_low, t_high = total.figure.quantity.interval()
    covers = _covers(total, parts)
    holds = low <= t_high and (not covers or t_low <= high)
    values = " + ".join(_value(p) for p in parts)
    relation = "add up to" if covers else "are at most"
    verdict = "holds" if holds else "does not hold"
    reason = f"sub-periods {values} {relation} {_value(total)}: {verdict}"
    if len(parts) == 1:
        return Check(
            total.figure.doc,
            CheckType.SUBSET,
            holds,
            whole=total.key,
            part=parts[0].key,
            reason=reason,
        )
    return Check(
        total.figure.doc,
        CheckType.SUM,
        holds,
        total=total.key,
        parts=tuple(p.key for p in parts),
        reason=reason,
    )


def _covers(total: Period, parts: Sequence[Period]) -> bool:
    days = sum((p.end - p.start).days + 1 for p in parts)
    return days == (total.end - total.start).days + 1


def _value(period: Period) -> str:
    return f"{period.figure.quantity.number_text} ({period.key}, {period.start}..{period.end})"


# --------------------------------------------------------------------------- derived figures


def derive_rest(total: Period, part: Period, fid: str) -> tuple[DerivedFigure | None, Check]:
    """Total minus part over the rest of the period; None and a failing check when impossible."""
    span = _rest_span(total, part)
    assert span is not None  # callers pass only parts that share a boundary
    t_low, t_high = total.figure.quantity.interval()
    p_low, p_high = part.figure.quantity.interval()
    low, high = t_low - p_high, t_high - p_low
    arithmetic = f"{_value(total)} - {_value(part)}"
    if high < 0:
        reason = f"impossible: {arithmetic} is negative ({int(high)}); the part exceeds the total"
        return None, _derived_check(total, part, False, reason)
    quantity = rest_quantity(int(max(low, 0)) if low != -INF else 0, high, _both_exact(total, part))
    rule = f"{span[0]}..{span[1]} = {arithmetic} = {quantity.number_text}"
    figure = _rest_figure(total, part, fid, quantity, span)
    check = _derived_check(total, part, True, f"{DERIVED_DOC}:{fid}: {rule}")
    return DerivedFigure(
        figure, ((total.figure.doc, total.figure.id), (part.figure.doc, part.figure.id)), rule
    ), check


def rest_quantity(low: int, high: float, exact: bool) -> Quantity:
    """The rest as a Quantity: exact, at least (open top), at most (no floor) or a range."""
    if exact:
        return Quantity(low, low, Qualifier.EXACT, str(low), 0, 0)
    if high == INF:
        return Quantity(low, None, Qualifier.AT_LEAST, f"at least {low}", 0, 0)
    top = int(high)
    if low == 0:
        return Quantity(0, top, Qualifier.AT_MOST, f"at most {top}", 0, 0)
    if low == top:
        return Quantity(low, top, Qualifier.RANGE, f"{low}", 0, 0)
    return Quantity(low, top, Qualifier.RANGE, f"{low} to {top}", 0, 0)


def _both_exact(total: Period, part: Period) -> bool:
    return all(p.figure.quantity.qualifier is Qualifier.EXACT for p in (total, part))


def _rest_figure(
    total: Period, part: Period, fid: str, quantity: Quantity, span: tuple[date, date]
) -> Figure:
    t = total.figure
    sources = dict.fromkeys(s for s in (t.source, part.figure.source) if s)
    return Figure(
        doc=DERIVED_DOC,
        id=fid,
        start=0,
        end=0,
        text="",
        quantity=quantity,
        measure=t.measure,
        counted=t.counted,
        actor=t.actor,
        locations=t.locations,
        period_start=span[0],
        period_end=span[1],
        time_text=f"{span[0]} to {span[1]}",
        source="; ".join(sources) or None,
    )


def _derived_check(total: Period, part: Period, holds: bool, reason: str) -> Check:
    return Check(
        total.figure.doc, CheckType.DERIVED, holds, whole=total.key, part=part.key, reason=reason
    )


def derived_json(derived: DerivedFigure) -> dict[str, object]:
    """The line of ``figures --derived --format jsonl``: a figure line plus lineage and rule."""
    line = derived.figure.to_json()
    line["derived_from"] = [{"doc": doc, "id": fid} for doc, fid in derived.derived_from]
    line["rule"] = derived.rule
    return line


__all__ = [
    "DERIVED_DOC",
    "Derivation",
    "Period",
    "derive",
    "derive_from",
    "derive_rest",
    "derive_thing",
    "derive_totals",
    "derived_json",
    "derives",
    "rest_quantity",
    "subperiod_check",
    "thing_key",
    "total_order",
]
