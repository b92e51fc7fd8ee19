"""Checks within one document: parts that should add up to a total, parts within a whole.

Rules, tried for every figure as a candidate total (each written as a function below):
  * by place: figures of the same measure and period, each for one place inside the total's places,
    together covering them (Iraq 30 + Syria 14 = 44 killed in Iraq and Syria);
  * by party: figures of the same measure, counted noun and period, each with a different actor,
    stated after a total with no actor (61 by regime forces + 9 by Russian forces + ... = 161);
  * casualties: killed + injured against a stated total of casualties;
  * exact breakdown: consecutive later figures of the same measure that add up exactly
    (8 killed = 3 buried here + 5 recovered there); only reported when they do add up.
A stated breakdown that does not add up (26 + 10 + 1 against 35) is reported with ``holds=False``.
Hedged numbers are intervals (``Quantity.interval``): a sum holds when the intervals can meet.
Subsets: a figure for a sub-group (leaders, children, "three of which") must not exceed its whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsledger.extract.places import expand_place, normalise_place
from newsledger.model import Check, CheckType, Figure, Measure

_SUBGROUPS = {
    "leader",
    "leaders",
    "commander",
    "commanders",
    "child",
    "children",
    "woman",
    "women",
    "girl",
    "girls",
    "boy",
    "boys",
    "minor",
    "minors",
    "official",
    "officials",
    "senior",
}
_MAX_PARTS = 5
# A total's parts and a part's whole are sought among the figures of its measure and period
# (``_comparable``) up to this many of them before and after it. Every story and report is far
# inside this; only documents with thousands of such figures are cut, so that checking takes time
# linear in a document's length instead of quadratic (issue 12).
_NEAR = 150



@dataclass(frozen=True, slots=True)
class Kinds:
    """The figures by measure and period (what ``_comparable`` compares), in text order, and
    where each figure stands in its list."""

    lists: dict[tuple[object, ...], list[Figure]]
    index: dict[int, int]  # id(figure) -> position in its list

    def of(self, figure: Figure) -> list[Figure]:
        """All figures of ``figure``'s measure and period."""
        return self.lists[_kind(figure)]


def find_checks(figures: Sequence[Figure]) -> list[Check]:
    """All sum and subset checks among the figures of one document."""
    checks: list[Check] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    kinds = _kinds(figures)
    for index, total in enumerate(figures):
        near = _near(total, kinds)
        around = figures[max(0, index - _NEAR) : index + _NEAR + 1]
        for rule in (_parts_by_place, _parts_by_party, _casualty_parts, _exact_breakdown):
            parts = rule(total, around if rule is _casualty_parts else near)
            key = (total.id, tuple(sorted(p.id for p in parts)))
            if len(parts) >= 2 and key not in seen:
                seen.add(key)
                checks.append(_sum_check(total, parts, rule.__doc__ or ""))
                break
    checks.extend(_subset_checks(figures, checks, kinds))
    return checks


def _kind(figure: Figure) -> tuple[object, ...]:
    return (figure.measure, figure.period_start, figure.period_end)


def _kinds(figures: Sequence[Figure]) -> Kinds:
    lists: dict[tuple[object, ...], list[Figure]] = {}
    index: dict[int, int] = {}
    for figure in figures:
        same = lists.setdefault(_kind(figure), [])
        index[id(figure)] = len(same)
        same.append(figure)
    return Kinds(lists, index)


def _near(figure: Figure, kinds: Kinds) -> list[Figure]:
    """The figures of ``figure``'s measure and period within _NEAR of it."""
    at = kinds.index[id(figure)]
    return kinds.of(figure)[max(0, at - _NEAR) : at + _NEAR + 1]


def sum_holds(total: Figure, parts: Sequence[Figure]) -> bool:
    """Whether the parts' intervals can add up to the total's interval."""
    low = sum(p.quantity.interval()[0] for p in parts)
    high = sum(p.quantity.interval()[1] for p in parts)
    t_low, t_high = total.quantity.interval()
    return low <= t_high and t_low <= high


def _sum_check(total: Figure, parts: Sequence[Figure], rule: str) -> Check:
    values = " + ".join(p.quantity.number_text for p in parts)
    holds = sum_holds(total, parts)
    verdict = "adds up" if holds else "does not add up"
    return Check(
        doc=total.doc,
        type=CheckType.SUM,
        holds=holds,
        total=total.id,
        parts=tuple(p.id for p in parts),
        reason=f"{rule.strip().rstrip('.')}: {values} {verdict} to {total.quantity.number_text}",
    )


def _comparable(total: Figure, part: Figure) -> bool:
    same_period = part.period_start == total.period_start and part.period_end == total.period_end
    return part is not total and part.measure == total.measure and same_period


_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person"}
_PRONOUNS = {"which", "them", "whom", "those", "these"}


def _head(figure: Figure) -> str:
    """The counted noun, singular: 'ISIS operatives' -> 'operative', 'children' -> 'child'."""
    words = (figure.counted or "").lower().split()
    if not words:
        return ""
    word = words[-1]
    return _IRREGULAR.get(
        word, word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    )


def _parts_by_place(total: Figure, figures: Sequence[Figure]) -> list[Figure]:
    """Parts by place"""
    if len(total.locations) < 2 or _head(total) in _SUBGROUPS:
        return []
    wanted = set(total.locations)
    chosen: dict[str, Figure] = {}
    for part in figures:
        if (
            _comparable(total, part)
            and len(part.locations) == 1
            and part.locations[0] in wanted
            and part.locations[0] not in chosen
            and not _is_subgroup(part, total)
        ):
            chosen[part.locations[0]] = part
    return list(chosen.values()) if set(chosen) == wanted else []


def _within(inner: Sequence[str], outer: Sequence[str]) -> bool:
    """Every place of ``inner`` lies in one of ``outer`` ('Idlib' in 'Syria'); none = anywhere."""
    if not outer:
        return not inner
    keys = {normalise_place(name) for name in outer}
    return all(expand_place(name) & keys for name in inner)


def _parts_by_party(total: Figure, figures: Sequence[Figure]) -> list[Figure]:
    """Parts by party"""
    if total.actor is not None:
        return []
    parts: dict[str, Figure] = {}
    for part in figures:
        if (
            _comparable(total, part)
            and part.start > total.start
            and part.actor
            and _head(part) == _head(total)
            and part.actor not in parts
            and _within(part.locations, total.locations)
        ):
            parts[part.actor] = part
    return list(parts.values()) if len(parts) >= 2 else []


def _casualty_parts(total: Figure, figures: Sequence[Figure]) -> list[Figure]:
    """Killed and injured against casualties"""
    if "casualt" not in (total.counted or "").lower():
        return []
    parts = []
    for measure in (Measure.KILLED, Measure.INJURED):
        found = [
            f
            for f in figures
            if f.measure == measure
            and f.period_start == total.period_start
            and f.period_end == total.period_end
            and set(f.locations) == set(total.locations)
        ]
        if found:
            parts.append(found[0])
    return parts if len(parts) == 2 else []


def _exact_breakdown(total: Figure, figures: Sequence[Figure]) -> list[Figure]:
    """Breakdown that adds up exactly"""
    later = [
        f
        for f in figures
        if _comparable(total, f)
        and f.start > total.start
        and f.quantity.qualifier.value == "exact"
        and f.quantity.low < total.quantity.low
    ]
    if total.quantity.qualifier.value != "exact":
        return []
    for size in range(2, min(_MAX_PARTS, len(later)) + 1):
        for run in _consecutive(later, size):
            alike = len({_head(p) for p in run}) == 1 and not _subgroup_words(run[0])
            if alike and sum(p.quantity.low for p in run) == total.quantity.low:
                return list(run)
    return []


def _consecutive(items: Sequence[Figure], size: int) -> Iterator[Sequence[Figure]]:
    for i in range(len(items) - size + 1):
        yield items[i : i + size]


def _is_subgroup(part: Figure, whole: Figure) -> bool:
    """'senior leaders' within 'operatives', 'children' within 'civilians' (not 'women')."""
    part_words, whole_words = _subgroup_words(part), _subgroup_words(whole)
    return bool(part_words - whole_words) and whole_words <= part_words


def _subgroup_words(figure: Figure) -> set[str]:
    return set((figure.counted or "").lower().split()) & _SUBGROUPS


def _subset_checks(figures: Sequence[Figure], sums: Sequence[Check], kinds: Kinds) -> list[Check]:
    in_sums = {(c.total, p) for c in sums for p in c.parts}
    checks = []
    for part in figures:
        whole = _whole_of(part, _near(part, kinds), kinds.of(part))
        if whole is None or (whole.id, part.id) in in_sums:
            continue
        holds = part.quantity.interval()[0] <= whole.quantity.interval()[1]
        checks.append(
            Check(
                doc=part.doc,
                type=CheckType.SUBSET,
                holds=holds,
                whole=whole.id,
                part=part.id,
                reason=f"{part.quantity.number_text} {part.counted or ''} is part of "
                f"{whole.quantity.number_text} {whole.counted or ''}".replace("  ", " "),
            )
        )
    return checks


def _whole_of(part: Figure, near: Sequence[Figure], kind: Sequence[Figure]) -> Figure | None:
    """The figure a sub-group count belongs to: an earlier figure of the same measure and period
    (``near``: those close to it; ``kind``: all of them, in text order)."""
    candidates = [
        w
        for w in near
        if _comparable(w, part)
        and w.start < part.start
        and w.quantity.low >= part.quantity.low
        and set(part.locations) <= set(w.locations)
        and (_is_subgroup(part, w) or _partitive(part, w) or _within_headline(part, w, kind))
    ]
    if not candidates:
        return None
    # the nearest total with the same party, else the nearest one
    same_party = [w for w in candidates if w.actor == part.actor]
    pool = same_party or candidates
    return max(pool, key=lambda w: w.start)


def _partitive(part: Figure, whole: Figure) -> bool:
    """'three of which', 'Most of them - 211 -': a count right after the figure it is part of."""
    return (part.counted is None or _head(part) in _PRONOUNS) and part.start - whole.end < 120


def _within_headline(part: Figure, whole: Figure, figures: Sequence[Figure]) -> bool:
    """A later, smaller count of the same thing, place and period by the same source as the
    document's first such total ('161 civilians killed in October' ... 'the attacks killed 73
    civilians') lies within it. Another source's smaller toll is a rival figure, not a part."""
    if part.actor is not None or whole.actor is not None or _head(part) != _head(whole):
        return False
    if part.source != whole.source:
        return False
    first = next(f for f in figures if _comparable(f, whole) or f is whole)
    return (
        first is whole
        and part.quantity.value < whole.quantity.value
        and part.locations == whole.locations
    )
