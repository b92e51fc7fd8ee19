"""Reconcile figures across reports: same-thing groups, their verdicts, and best/low/high.

The stages, in order (docs/reconcile.md has the rules in full):

1. Read every figure with its document's metadata (``sameness.read_figures``) and the part-whole
   links of the documents' own checks.
2. Group, one bucket per measure and countries. Dated figures first, oldest first: each joins the
   group whose every member it is the same thing as (``sameness.same_thing``), preferring the
   group with the same counted noun and places; else it starts a group. Then figures whose time is
   unknown (no period, no publication date): each joins the only group it fits, or, of several, the
   only one whose values agree with it; otherwise it stays alone (a guess would invent conflicts).
3. Copies (``copies``): a member whose sentence repeats an earlier member's of another report
   word for word, with the same number, is that report reprinted: it counts once (no relation,
   no report of its own, no say in the best). Relate every other pair of a group: ``agree``
   (intervals meet: "at least 220" and "220", "almost 700"
   and 686), ``update`` (a later report, by publication date or by the report's own words "earlier
   reports", "has risen to", gives a value that replaces the earlier one; a later *lower* value
   from another source is a conflict), else ``conflict``. A figure that repeats a value a later
   report replaced is replaced too (two outlets quoting the same early toll).
4. Verdict: ``single`` for one figure; ``conflict`` when two current (not replaced) figures
   conflict; ``update`` when a later report replaced a value; else ``agree``.
5. Best, low and high over the current figures:
   * low: when they agree, the largest lower bound (the true value is at least every credible
     bound); when they conflict, the smallest lower bound, the largest bound every current report
     allows, so that [low, high] spans the disagreement;
   * high: the highest finite upper bound; None when no current report is bounded, or an
     open-ended report's lower bound exceeds every stated upper bound;
   * best: the number as stated by the latest current figure (a report that replaced others is
     the latest, then the later publication date, then the document's own recency cues), from the
     most specific source (named > generic "officials" > none), tie: the exact one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from heapq import heappop, heappush

from newsledger.extract.places import lookup_place, normalise_place
from newsledger.model import (
    STOCK_MEASURES,
    Check,
    CheckType,
    Document,
    Figure,
    Group,
    GroupMember,
    Qualifier,
    Verdict,
)
from newsledger.verify.bounds import low_high, stated, within
from newsledger.verify.sameness import (
    SAME_INCIDENT_DAYS,
    Links,
    Reading,
    agree,
    moved_parts,
    part_links,
    read_figures,
    same_thing,
)


@dataclass(frozen=True, slots=True)
class Reconciled:
    """One group with its member figures, its best figure and the checks between its members."""

    group: Group
    figures: tuple[Figure, ...]
    best: Figure | None
    checks: tuple[Check, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """How two members relate; for an update ``first`` is the earlier, ``second`` the later."""

    kind: CheckType
    first: Reading
    second: Reading
    why: str


def reconcile(
    figures: Sequence[Figure],
    documents: Mapping[str, Document],
    checks: Iterable[Check] = (),
    incidents: Mapping[str, str] | None = None,
    *,
    same: Iterable[frozenset[str]] = (),
    different: Iterable[frozenset[str]] = (),
) -> list[Reconciled]:
    """Groups of figures that report the same thing, with verdicts, best/low/high and checks.

    ``incidents`` maps a figure (``doc:id``) to the merged incident it tells, if any; ``same``
    and ``different`` are ``doc:id`` pairs a reviewer marked; they override the rules.
    """
    grouped = group_figures(figures, documents, checks, incidents, same=same, different=different)
    grouped.sort(key=lambda g: g.order)
    return [reconciled(f"g{n}", g.members) for n, g in enumerate(grouped, start=1)]


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a bucket's time that groups on its own: figures are taken oldest first and
    join only groups with a figure within ``SAME_INCIDENT_DAYS`` of them, so where no figure so
    far reaches that close to the next one's start, the groups before never change the groups
    after. ``start`` is its first figure's, ``end`` the latest end of its figures (None: one
    is open-ended); a bucket with an undated figure is one segment (start None): an undated
    figure joins the one group of the whole bucket it fits."""

    key: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Grouped:
    """The members of one group before it is numbered: its bucket and segment and its place in
    the order of all groups (``order`` sorts as the ledger numbers groups: g1, g2, ...)."""

    bucket: str
    order: str
    members: list[Reading]
    segment: Segment


@dataclass(frozen=True, slots=True)
class Resume:
    """A checkpoint: where the grouping of one stored segment restarts. Figures are taken
    oldest first, so the groups the figures before ``day`` formed are what they were; of those,
    only the groups still open at ``day`` (their latest end within ``SAME_INCIDENT_DAYS`` of
    it: ``open``, each its number in the segment and its members' ``doc:id``) can take a figure
    from ``day`` on; the others stay as they are. ``opened``: how many groups the segment
    opened before ``day`` (the number of the next one)."""

    segment: Segment
    day: date
    open: tuple[tuple[int, frozenset[str]], ...]
    opened: int


def group_figures(
    figures: Sequence[Figure],
    documents: Mapping[str, Document],
    checks: Iterable[Check] = (),
    incidents: Mapping[str, str] | None = None,
    *,
    same: Iterable[frozenset[str]] = (),
    different: Iterable[frozenset[str]] = (),
    only: Container[str] | None = None,
    resume: Mapping[str, Resume] | None = None,
) -> list[Grouped]:
    """The groups of the figures (``doc:id`` in ``only``, when given), bucket by bucket
    (``bucket_key``) and segment by segment (``segments``); a bucket in ``resume`` restarts its
    stored segment from the checkpoint: ``only`` then holds the members of its open groups and
    the figures from its day on, and only those groups and the later ones are returned.

    A group depends only on the figures of its segment and on their documents: regrouping some
    segments needs every figure of the documents with a figure in them, and nothing else.
    """
    checks = list(checks)
    links = replace(part_links(checks), same=frozenset(same), different=frozenset(different),
                    moved=moved_parts(checks, figures))
    by_bucket: dict[str, list[Reading]] = defaultdict(list)
    for reading in _order_documents(read_figures(figures, documents, incidents or {}, only)):
        if only is None or reading.key in only:
            by_bucket[bucket_key(reading.figure, reading.incident)].append(reading)
    found = []
    for key in sorted(by_bucket):
        start = (resume or {}).get(key)
        numbers, seeded, rest = (_seeded(start, by_bucket[key]) if start
                                 else ([], [], by_bucket[key]))
        for segment, readings in segments(key, rest, start, seeded):
            first = start is not None and segment.key == start.segment.key
            opened = start.opened if first and start else 0
            known = numbers if first else []
            for n, members in enumerate(_group_bucket(readings, links, seeded if first else [])):
                number = known[n] if n < len(known) else opened + n - len(known)
                found.append(Grouped(key, group_order(members, key, number), members, segment))
    return found


def _seeded(
    start: Resume, readings: Sequence[Reading]
) -> tuple[list[int], list[list[Reading]], list[Reading]]:
    """The open groups opened before the checkpoint's day, in the order they were opened: their
    numbers and their members before that day; and the other readings (all from that day on)."""
    by_key = {r.key: r for r in readings}
    numbers, seeded = [], []
    for number, keys in start.open:
        before = sorted((by_key[k] for k in keys if _starts_before(by_key[k], start.day)),
                        key=_reading_order)
        if before:
            numbers.append(number)
            seeded.append(before)
    taken = {r.key for group in seeded for r in group}
    rest = [r for r in readings if r.key not in taken]
    assert not any(_starts_before(r, start.day) for r in rest), "resumed after a figure"
    return numbers, seeded, rest


def _starts_before(reading: Reading, day: date) -> bool:
    return reading.window is None or reading.window.start < day


def segments(
    bucket: str, readings: Sequence[Reading], start: Resume | None = None,
    seeded: Sequence[Sequence[Reading]] = (),
) -> list[tuple[Segment, list[Reading]]]:
    """The bucket's readings cut into segments (``Segment``), oldest first; with a checkpoint
    (``start``), the first goes on from the members its open groups had before its day
    (``seeded``, not returned: ``_group_bucket`` takes them as they were)."""
    if any(not r.window for r in readings) and start is None:
        return [(Segment(bucket, None, None), list(readings))]
    cut: list[tuple[Segment, list[Reading]]] = []
    members: list[Reading] = []
    reach: date | None = None  # the latest end so far; None: open-ended
    resumed = start is not None
    if start is not None:
        ends = [r.window.end if r.window else None for group in seeded for r in group]
        reach = None if None in ends else max((e for e in ends if e), default=start.day)
    for reading in sorted(readings, key=_reading_order):
        assert reading.window is not None
        horizon = reading.window.start - timedelta(days=SAME_INCIDENT_DAYS)
        if (members or resumed) and reach is not None and reach < horizon:
            cut.append((_cut(bucket, members, reach, start if resumed else None), members))
            members, resumed = [], False
        reach = reading.window.end if not (members or resumed) else (
            None if reach is None or reading.window.end is None
            else max(reach, reading.window.end))
        members.append(reading)
    if members or resumed:
        cut.append((_cut(bucket, members, reach, start if resumed else None), members))
    return cut


def _cut(bucket: str, members: Sequence[Reading], reach: date | None,
         start: Resume | None) -> Segment:
    if start is not None:
        return replace(start.segment, end=reach)
    return _segment(bucket, members, reach)


def _segment(bucket: str, members: Sequence[Reading], reach: date | None) -> Segment:
    start = members[0].window.start if members[0].window else None
    return Segment(f"{bucket}{_SEGMENT}{start}", start, reach)


# --------------------------------------------------------------------------- 2. grouping

# Below every character of a name, so that joined names sort as the tuple of them.
_SEP = "\x01"
_SEGMENT = "\x02"  # between a bucket and the first day of one of its segments


def bucket_key(figure: Figure, incident: str | None) -> str:
    """Measure and incident, else measure and countries: figures that can be one thing share
    both (this bounds the work). As text that sorts like the tuple (measure, *names)."""
    if incident is not None:
        names: Iterable[str] = ("incident", incident)
    else:
        countries = set()
        for name in figure.locations:
            place = lookup_place(name)
            countries.add(normalise_place(place.country) if place else normalise_place(name))
        names = sorted(countries)
    return figure.measure.value + "".join(f"{_SEP}{name}" for name in names)


def group_order(members: Sequence[Reading], bucket: str, index: int) -> str:
    """A group's place among all groups: its measure, then its first member's time, document
    and offset; ties by bucket and order within it. As text that sorts the same way."""
    first = min(members, key=_reading_order)
    start, doc, offset = _reading_order(first)
    return _SEP.join((first.figure.measure.value, start.isoformat(), doc, f"{offset:010d}",
                      bucket, f"{index:08d}"))


def _group_bucket(readings: Sequence[Reading], links: Links,
                  seeded: Sequence[Sequence[Reading]] = ()) -> list[list[Reading]]:
    """Groups in the order they were opened; ``seeded``: the groups open at a checkpoint, with
    their members so far (every reading comes after them)."""
    groups: list[list[Reading]] = [list(group) for group in seeded]
    marked = {key for pair in links.same for key in pair}  # a reviewer's marks join any piece
    active = _Pool(groups)  # groups a dated figure can still join
    for reading in sorted((r for r in readings if r.window), key=_reading_order):
        # Same time needs windows within SAME_INCIDENT_DAYS; figures come oldest first, so a
        # group that ended before that horizon can never fit again (this keeps grouping linear).
        if reading.window:
            active.drop_before(reading.window.start - timedelta(days=SAME_INCIDENT_DAYS))
        fits = _fitting(reading, active.candidates(reading, reading.key in marked), groups, links)
        target = max(fits, key=lambda n: _affinity(reading, groups[n]), default=None)
        _place(reading, target, groups, active)
    every = _Pool(groups)
    for reading in sorted((r for r in readings if not r.window), key=_reading_order):
        fits = _fitting(reading, every.candidates(reading, reading.key in marked), groups, links)
        _place(reading, _only_fit(reading, fits, groups), groups, every)
    return groups


class _Pool:
    """Groups (by their number in opening order) that a figure may join, indexed by document
    piece: ``same_thing`` never puts two pieces of one long document in one group, so a figure's
    candidates are the groups of its own piece and those holding nothing of its document. In one
    long document this keeps grouping linear; among many documents it changes nothing."""

    def __init__(self, groups: Sequence[list[Reading]] = ()) -> None:
        self._docs: dict[int, dict[str, set[int]]] = {}  # group -> its documents -> pieces
        self._of_doc: dict[str, dict[int, set[int]]] = {}  # document -> piece -> groups
        self._reach: dict[int, date] = {}  # the latest window end of a group's figures
        self._ends: list[tuple[date, int]] = []  # (reach, group), a heap; stale entries skipped
        for number, group in enumerate(groups):
            for reading in group:
                self.joined(number, reading)

    def joined(self, number: int, reading: Reading) -> None:
        """``reading`` is now in group ``number`` (a new group, or one it joined)."""
        doc, part = reading.figure.doc, reading.part
        self._docs.setdefault(number, {}).setdefault(doc, set()).add(part)
        self._of_doc.setdefault(doc, {}).setdefault(part, set()).add(number)
        if reading.window:
            end = reading.window.end or date.max
            if end > self._reach.get(number, date.min):
                self._reach[number] = end
                heappush(self._ends, (end, number))

    def drop_before(self, horizon: date) -> None:
        """Forget the groups whose every window ends before ``horizon``."""
        while self._ends and self._ends[0][0] < horizon:
            _, number = heappop(self._ends)
            if number in self._docs and self._reach[number] < horizon:
                for doc, parts in self._docs.pop(number).items():
                    for part in parts:
                        self._of_doc[doc][part].discard(number)
                        if not self._of_doc[doc][part]:
                            del self._of_doc[doc][part]
                    if not self._of_doc[doc]:
                        del self._of_doc[doc]
                del self._reach[number]

    def candidates(self, reading: Reading, every: bool = False) -> list[int]:
        """The groups ``reading`` may join, in opening order (``every``: all of them)."""
        if every:
            return sorted(self._docs)
        doc = reading.figure.doc
        found = set(self._of_doc.get(doc, {}).get(reading.part, ()))
        for other, pieces in self._of_doc.items():
            if other != doc:
                for numbers in pieces.values():
                    found.update(n for n in numbers if doc not in self._docs[n])
        return sorted(found)


def _fitting(
    reading: Reading, candidates: Iterable[int], groups: list[list[Reading]], links: Links
) -> list[int]:
    return [n for n in candidates
            if all(same_thing(reading, member, links) for member in groups[n])]


def _place(
    reading: Reading, target: int | None, groups: list[list[Reading]], *pools: _Pool
) -> None:
    """Add the reading to group ``target``, or open a group with it; the pools hear of it."""
    if target is None:
        groups.append([])
        target = len(groups) - 1
    groups[target].append(reading)
    for pool in pools:
        pool.joined(target, reading)


def _affinity(reading: Reading, group: list[Reading]) -> tuple[int, int, int, int]:
    """Prefer the group that agrees in value, then the same counted noun, the same places, size."""
    return (
        all(agree(reading, m) for m in group),
        sum(m.head.name == reading.head.name for m in group),
        sum(m.closure == reading.closure for m in group),
        len(group),
    )


def _only_fit(reading: Reading, fits: list[int], groups: list[list[Reading]]) -> int | None:
    """An undated figure joins the one group it fits, or the one of several it agrees with, or
    the one of several whose every figure it agrees with or updates."""
    if len(fits) == 1:
        return fits[0]
    agreeing = [n for n in fits if all(agree(reading, m) for m in groups[n])]
    if len(agreeing) == 1:
        return agreeing[0]
    # Else the one it follows without conflict (a later report's 79 after an earlier 50).
    following = [n for n in fits
                 if all(relate(reading, m).kind is not CheckType.CONFLICT for m in groups[n])]
    return following[0] if len(following) == 1 else None


def _reading_order(reading: Reading) -> tuple[date, str, int]:
    return (
        reading.window.start if reading.window else date.min,
        reading.figure.doc,
        reading.figure.start,
    )


# --------------------------------------------------------------------------- 3. relations


def relate(a: Reading, b: Reading) -> Relation:
    """Agree, update (earlier first) or conflict, with the reason in words. A later report that
    states more than an earlier one updates it even when the two could agree ("at least 38"
    after "26"), and so does a report's own current value its earlier one, up or down."""
    order = _later(a, b)
    if order is not None:
        old, new = order[0].figure, order[1].figure
        corrected = old.doc == new.doc and old.quantity.value != new.quantity.value
        if corrected or new.quantity.value > old.quantity.value:
            return Relation(CheckType.UPDATE, order[0], order[1], order[2])
    if agree(a, b):
        return Relation(CheckType.AGREE, a, b, "the values agree")
    if order is None:
        return Relation(CheckType.CONFLICT, a, b, "different values for the same thing and time")
    earlier, newer, why = order
    rose = newer.figure.quantity.interval()[0] >= earlier.figure.quantity.interval()[0]
    # A report that marks its own figure as an earlier one ("a state official earlier said at
    # least 10") corrects it, up or down; and that earlier value is no current claim another,
    # later report's value could contradict.
    corrected = earlier.figure.doc == newer.figure.doc or earlier.recency < 0
    if rose or corrected or (newer.figure.source and newer.figure.source == earlier.figure.source):
        return Relation(CheckType.UPDATE, earlier, newer, why)
    return Relation(CheckType.CONFLICT, a, b, f"{why}, but lower and from another source")


def _later(a: Reading, b: Reading) -> tuple[Reading, Reading, str] | None:
    """(earlier, later, why) when the reports tell which came later, else None."""
    if a.figure.doc == b.figure.doc and a.recency != b.recency:
        earlier, newer = (a, b) if a.recency < b.recency else (b, a)
        return earlier, newer, "the report gives the earlier value as an earlier report"
    if a.published and b.published and a.published != b.published:
        earlier, newer = (a, b) if a.published < b.published else (b, a)
        return earlier, newer, f"published {newer.published} after {earlier.published}"
    for earlier, newer in ((a, b), (b, a)):
        if earlier.figure.doc in newer.later_than:
            return earlier, newer, (f"{newer.figure.doc} gives a value of {earlier.figure.doc} "
                                    "as an earlier report")
    return None


def _order_documents(readings: list[Reading]) -> list[Reading]:
    """Readings with ``later_than`` set: a report that gives as an earlier report ("earlier
    reports said 26") the value another report of the same incident states as current is the
    later of the two, even when it carries no publication date."""
    current: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for r in readings:
        if r.incident is not None and r.recency >= 0:
            current[(r.incident, r.figure.measure.value, r.figure.quantity.value)].add(
                r.figure.doc)
    later: dict[str, set[str]] = defaultdict(set)
    for r in readings:
        if r.incident is not None and r.recency < 0:
            key = (r.incident, r.figure.measure.value, r.figure.quantity.value)
            later[r.figure.doc] |= current.get(key, set()) - {r.figure.doc}
    return [replace(r, later_than=frozenset(later[r.figure.doc])) if later.get(r.figure.doc)
            else r for r in readings]


def relations(members: Sequence[Reading]) -> list[Relation]:
    """Every pair of a group related, then repeats of replaced values marked as replaced too."""
    found = [relate(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    replaced = {r.first.key: r.second for r in found if r.kind is CheckType.UPDATE}
    return [_propagate(r, found, replaced) for r in found]


def _propagate(rel: Relation, found: list[Relation], replaced: dict[str, Reading]) -> Relation:
    """A conflict with a later value becomes an update when it repeats a value that one replaced."""
    if rel.kind is not CheckType.CONFLICT:
        return rel
    for old, newer in ((rel.first, rel.second), (rel.second, rel.first)):
        order = _later(old, newer)
        if order is not None and order[1] is old:
            continue  # the reports say this one is the later: it replaces nothing of the other
        twins = [_other(r, newer) for r in found if _replaced_by(r, newer)]
        twins = [twin for twin in twins if agree(twin, old)]
        if twins:
            why = f"repeats the value of {twins[0].key}, which a later report replaced"
            return Relation(CheckType.UPDATE, old, newer, why)
    return rel


def _replaced_by(rel: Relation, newer: Reading) -> bool:
    return rel.kind is CheckType.UPDATE and rel.second is newer


def _other(rel: Relation, reading: Reading) -> Reading:
    return rel.second if rel.first is reading else rel.first


def relation_checks(group_id: str, found: Sequence[Relation]) -> list[Check]:
    """Each relation as a check between ``doc:id`` figures, stored with the later document."""
    return [
        Check(
            doc=rel.second.figure.doc,
            type=rel.kind,
            holds=rel.kind is not CheckType.CONFLICT,
            whole=rel.first.key,
            part=rel.second.key,
            reason=f"{group_id}: {_value(rel.first)} vs {_value(rel.second)}: {rel.why}",
        )
        for rel in found
    ]


def _value(reading: Reading) -> str:
    source = f", {reading.figure.source}" if reading.figure.source else ""
    return f"{reading.figure.quantity.number_text} ({reading.key}{source})"


# --------------------------------------------------------------------------- 4-5. verdict, best


def reconciled(group_id: str, members: list[Reading]) -> Reconciled:
    """One group's verdict, best/low/high and the checks between its members, as ``group_id``."""
    members = sorted(members, key=_member_order)
    copied = copies(members)
    # A copy is no second report: it confirms, updates and contradicts nothing on its own.
    reports = [m for m in members if m.key not in copied]
    found = relations(reports)
    replaced = {r.first.key for r in found if r.kind is CheckType.UPDATE}
    current = [m for m in reports if m.key not in replaced]
    verdict = _verdict(reports, found, replaced)
    best = max(current, key=lambda m: _best_key(m, found))
    low, high = bounds(current, verdict is Verdict.CONFLICT)
    value = _best_value(best, current, verdict, low, high)
    group = Group(
        id=group_id,
        measure=best.figure.measure,
        actor=next((m.figure.actor for m in [best, *members] if m.figure.actor), None),
        locations=max([best, *members], key=lambda m: len(m.closure)).figure.locations,
        period_start=_period(best, members)[0],
        period_end=_period(best, members)[1],
        as_of=_as_of(best, members),
        verdict=verdict,
        best=value,
        low=low,
        high=high,
        reason=_reason(verdict, members, replaced, best, (value, low, high),
                       _why_best(best, current, found), copied),
        figures=tuple(_member(m, copied.get(m.key)) for m in members),
    )
    checks = relation_checks(group_id, found)
    return Reconciled(group, tuple(m.figure for m in members), best.figure, tuple(checks))


def copies(members: Sequence[Reading]) -> dict[str, Reading]:
    """The members that repeat word for word the sentence of an earlier member of another
    report, with the same number (a wire story reprinted, a report quoting another's sentence),
    each with the member it copies: fact-checkers count such a copy once, not as a second
    report. ``members`` in member order (the earliest publication first: the original)."""
    first: dict[tuple[object, ...], Reading] = {}
    found = {}
    for member in members:
        if not member.words:
            continue  # no text to compare (a figure without its document)
        q = member.figure.quantity
        original = first.setdefault(
            (member.words, member.figure.text, q.low, q.high, q.qualifier), member)
        if original.figure.doc != member.figure.doc:
            found[member.key] = original
    return found


def _member_order(reading: Reading) -> tuple[bool, date, str, int]:
    published = reading.published or date.max
    return reading.published is None, published, reading.figure.doc, reading.figure.start


def _verdict(members: Sequence[Reading], found: Sequence[Relation], replaced: set[str]) -> Verdict:
    if len(members) == 1:
        return Verdict.SINGLE
    live = [r for r in found if r.first.key not in replaced and r.second.key not in replaced]
    if any(r.kind is CheckType.CONFLICT for r in live):
        return Verdict.CONFLICT
    return Verdict.UPDATE if replaced else Verdict.AGREE


def _best_key(reading: Reading, found: Sequence[Relation]) -> tuple[bool, date, int, int, bool]:
    replaces = any(r.kind is CheckType.UPDATE and r.second is reading for r in found)
    exact = reading.figure.quantity.qualifier is Qualifier.EXACT
    return (replaces, reading.published or date.min, reading.recency, reading.source_rank, exact)


def bounds(current: Sequence[Reading], conflicting: bool = False) -> tuple[int | None, int | None]:
    """(low, high) over the current figures: the lowest stated lower bound and the highest stated
    upper bound (``verify/bounds.py``); ``conflicting`` is kept for callers and changes nothing."""
    if not current:
        return None, None
    return low_high(stated(m.figure.quantity.low, m.figure.quantity.high,
                           m.figure.quantity.qualifier) for m in current)


def _period(best: Reading, members: Sequence[Reading]) -> tuple[date | None, date | None]:
    for member in (best, *members):
        if member.window and member.window.kind == "period":
            return member.figure.period_start, member.figure.period_end
    return None, None


def _as_of(best: Reading, members: Sequence[Reading]) -> date | None:
    """A stock's time: the stated period's end, else a member's publication date."""
    if best.figure.measure not in STOCK_MEASURES:
        return None
    stated = _period(best, members)[1]
    return stated or next((m.published for m in (best, *members) if m.published), None)


def _member(reading: Reading, original: Reading | None = None) -> GroupMember:
    f = reading.figure
    return GroupMember(
        doc=f.doc,
        id=f.id,
        low=f.quantity.low,
        high=f.quantity.high,
        qualifier=f.quantity.qualifier,
        source=f.source,
        published=reading.published,
        outlet=reading.outlet,
        text=f.text,
        copy_of=original.key if original else None,
    )


def _best_value(
    best: Reading, current: Sequence[Reading], verdict: Verdict, low: int | None, high: int | None
) -> int:
    """The best figure's stated number inside [low, high]; when the current figures agree, at
    least what every one of them allows ("at least 26" and "at least 38" establish 38)."""
    value = within(best.figure.quantity.value, low, high)
    if verdict is Verdict.CONFLICT:
        return value
    floors = [m.figure.quantity.value for m in current if m.figure.quantity.high is None]
    return within(max([value, *floors]), low, high)


def _why_best(best: Reading, current: Sequence[Reading], found: Sequence[Relation]) -> str:
    """Which step of the best rule chose this figure, in words."""
    others = [m for m in current if m is not best]
    if not others:
        return "the only current figure"
    if any(r.kind is CheckType.UPDATE and r.second is best for r in found):
        return "it replaced an earlier figure"
    if best.published and all(m.published and m.published < best.published for m in others):
        return f"the latest report (published {best.published})"
    if all(m.recency < best.recency for m in others):
        return "its report gives it as the newer value"
    if all(m.source_rank < best.source_rank for m in others):
        return f"the most specific source ({best.figure.source})"
    if best.figure.quantity.qualifier is Qualifier.EXACT:
        return "reports of one date and source rank: the exact figure"
    return "reports of one date and source rank: the first in report order"


def _reason(
    verdict: Verdict,
    members: Sequence[Reading],
    replaced: set[str],
    best: Reading,
    chosen: tuple[int, int | None, int | None],
    why: str,
    copied: Mapping[str, Reading] | None = None,
) -> str:
    value, low, high = chosen
    copied = copied or {}
    reports = len({m.figure.doc for m in members if m.key not in copied})
    parts = [f"{verdict.value}: {len(members)} figure(s) from {reports} report(s)"]
    if copied:
        parts.append(", ".join(f"{key} copy of {original.figure.doc} (the same sentence word for "
                               "word: counted once)" for key, original in copied.items()))
    if replaced:
        parts.append(f"{len(replaced)} replaced by a later report")
    when = f", published {best.published}" if best.published else ""
    source = best.figure.source or "no named source"
    stated_value = best.figure.quantity.value
    moved = "" if value == stated_value else (
        f" ({stated_value} as stated, moved to what the current figures allow)")
    parts.append(f"best {value}{moved} is {best.key} ('{best.figure.text}', {source}{when}): {why}")
    parts.append(f"low {low}: the lowest bound a current figure states" if low is not None
                 else "low none: no current figure states a lower bound")
    parts.append(f"high {high}: the highest bound a current figure states" if high is not None
                 else "high open: a current figure states no upper bound above the others")
    return "; ".join(parts)


# --------------------------------------------------------------------------- output shapes


def group_json(group: Group) -> dict[str, object]:
    """The group line of ``newsledger groups --format jsonl`` (see docs/contract.md)."""
    return {
        "kind": "group",
        "id": group.id,
        "measure": group.measure.value,
        "actor": group.actor,
        "locations": list(group.locations),
        "period_start": _iso(group.period_start),
        "period_end": _iso(group.period_end),
        "as_of": _iso(group.as_of),
        "verdict": group.verdict.value,
        "best": group.best,
        "low": group.low,
        "high": group.high,
        "reason": group.reason,
        "figures": [member_json(m) for m in group.figures],
    }


def member_json(member: GroupMember) -> dict[str, object]:
    """One figure of a group line: the contract's keys, then outlet and evidence text."""
    return {
        "doc": member.doc,
        "id": member.id,
        "low": member.low,
        "high": member.high,
        "qualifier": member.qualifier.value,
        "source": member.source,
        "published": _iso(member.published),
        "outlet": member.outlet,
        "text": member.text,
        "copy_of": member.copy_of,
    }


def conflict_pairs(checks: Iterable[Check]) -> list[dict[str, str]]:
    """The conflict checks of a group as ``{"a", "b", "reason"}`` (figures as ``doc:id``)."""
    return [
        {"a": c.whole or "", "b": c.part or "", "reason": c.reason}
        for c in checks
        if c.type is CheckType.CONFLICT
    ]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


__all__ = [
    "Grouped",
    "Reconciled",
    "Relation",
    "Resume",
    "bounds",
    "bucket_key",
    "conflict_pairs",
    "copies",
    "group_figures",
    "group_json",
    "group_order",
    "member_json",
    "reconcile",
    "reconciled",
    "relate",
    "relations",
]
