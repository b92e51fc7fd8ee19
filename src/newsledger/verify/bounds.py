"""Low, high and best over several reports of one quantity, from what the reports state.

UCDP's reading: low is the lowest credible report, high the highest, best a choice between them.
Bounds come only from stated numbers and stated bounds, never from the slack used to judge
whether hedged numbers agree: "around 180" states 180 (no high of 189), "more than 500" states a
lower bound of 500, "at least 38" states 38 and no upper bound, "at most 12" an upper bound of
12 and no lower one. The best is always kept inside [low, high].
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsledger.model import Qualifier

_OPEN_ABOVE = (Qualifier.AT_LEAST, Qualifier.MORE_THAN)
_OPEN_BELOW = (Qualifier.AT_MOST, Qualifier.LESS_THAN)


@dataclass(frozen=True, slots=True)
class Stated:
    """What one report states: a lower bound, an upper bound (None: not stated) and whether
    it leaves the value open above ('at least 38')."""

    low: int | None
    high: int | None
    open_above: bool


def stated(low: int, high: int | None, qualifier: Qualifier) -> Stated:
    """The bounds a number states (``low``/``high`` as stored: 'more than 500' is 501..)."""
    if qualifier is Qualifier.MORE_THAN:
        return Stated(low - 1, None, True)
    if qualifier in _OPEN_ABOVE or high is None:
        return Stated(low, None, True)
    if qualifier is Qualifier.LESS_THAN:
        return Stated(None, high + 1, False)
    if qualifier in _OPEN_BELOW:
        return Stated(None, high, False)
    if qualifier is Qualifier.APPROXIMATE:
        return Stated(low, low, False)
    return Stated(low, high, False)


def low_high(reports: Iterable[Stated]) -> tuple[int | None, int | None]:
    """Low: the lowest stated lower bound; high: the highest stated upper bound, None (open)
    when no report states one or an open-ended report states more than every upper bound."""
    reports = list(reports)
    lows = [r.low for r in reports if r.low is not None]
    highs = [r.high for r in reports if r.high is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    open_lows = [r.low for r in reports if r.open_above and r.low is not None]
    if high is not None and open_lows and max(open_lows) > high:
        high = None
    return low, high


def within(value: int, low: int | None, high: int | None) -> int:
    """``value`` moved into [low, high] (a bound that is None does not bind)."""
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value


__all__ = ["Stated", "low_high", "stated", "within"]
