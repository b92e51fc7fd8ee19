"""Checks within one document: parts that should add up to a total, parts within a whole, and
two values for one thing (``verify/relations.py``).

Sum rules, tried for every figure as a candidate total (each written as a function below):
  * by place: figures of the same measure and period, each for one place inside the total's places,
    together covering them (Iraq 30 + Syria 14 = 44 killed in Iraq and Syria);
  * by party: figures of the same measure, counted noun and period, each with a different actor,
    stated after a total with no actor (61 by regime forces + 9 by Russian forces + ... = 161);
  * casualties: killed + injured against a stated total of casualties;
  * exact breakdown: consecutive later figures of the same measure that add up exactly
    (8 killed = 3 buried here + 5 recovered there); only reported when they do add up;
  * including: an "including" list whose numbers add up exactly to the figure before it, or
    (failing) exceed it: kinds of the total's measure, none within another;
  * a list told later: a later sentence whose counts of the total's measure add up to it exactly
    (two items of one list, or three); two counts of one sentence telling no time of its own
    will do for a total the text calls one, even hedged ("a total of at least ten");
  * stated total: a number the text calls a total ("a total of", "in total", "makes a total of")
    and two to four exact figures of its paragraph that add up to it exactly ("55 female and 250
    male; 305 people in total"), whatever they count when the total is 100 or more and no other
    set of them adds up;
  * tolls of places within: after a total placed in a country or region, every later figure of
    its measure and period placed inside it, three or more, adding up exactly (a day of attacks
    across a country, then each town's toll in a sentence of its own);
  * tolls of counted incidents: a total told with how many incidents it holds ("killed in two
    explosions"), then as many counts of its measure and period, each the only one of a later
    sentence of its own (sentences run together without a space count as two), that can add up.
In a glued list of outlets' headlines no sum takes parts from another headline than its total's;
no sum takes a part placed in another province of the total's country (``placed_elsewhere``).
A breakdown is told once: of a total stated twice before its parts, the first statement; the
first number of a bracketed list is no total of the numbers after it in the brackets.
A stated breakdown that does not add up (26 + 10 + 1 against 35) is reported with ``holds=False``,
but only when its parts lie near the total (``NEAR_SENTENCES``): parts told far apart are more
likely other days or incidents than a sum the text claims.
Hedged numbers are intervals (``Quantity.interval``): a sum holds when the intervals can meet.
Parts, wholes and rival values are sought among the ``NEAR`` figures on either side of a figure,
so that checking takes time linear in a document's length.
Subsets are ``verify/subsets.py``; conflicts and updates ``verify/relations.py``.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations

from newsledger.extract.places import (
    Place,
    expand_place,
    lookup_place,
    normalise_place,
    place_key,
)
from newsledger.lexicons import read_table
from newsledger.model import STOCK_MEASURES, Check, CheckType, Figure, Measure, Qualifier
from newsledger.verify.cues import (
    find_cue,
    has_cue,
    headline_index,
    incidents_counted,
    is_addition,
    partitive_cue,
    sentence_index,
    sentence_of,
    stretch_index,
    stretch_text,
    whole_follows,
    words_after,
    words_before,
)
from newsledger.verify.relations import relation_checks
from newsledger.verify.sameness import head_of, heads_match
from newsledger.verify.subsets import (
    SUBGROUPS,
    combined_measures,
    counted_head,
    including_parts,
    is_subgroup,
    leaves,
    list_item,
    subgroup_words,
    subset_check,
    subset_checks,
)

_MAX_PARTS = 5
# A list stated right after its total may be longer: "8,231 killed (3,214 men, 2,126 women, 191
# girls, 224 boys, as well as 32 children and 2,444 adults whose sex is unknown)".
_MAX_LISTED = 8
# A total's parts, a part's whole and a value's rival are sought among this many figures before
# and after it. Every story and report is far inside this; only documents with thousands of
# figures are cut, so that checking takes time linear in a document's length (issue 12).
NEAR = 150
# A failing sum's parts lie within this many sentences after its total.
NEAR_SENTENCES = 3
# Below this, parts of other measures add up to a stated total too easily by chance.
_CROSS_MEASURE_TOTAL = 100
_TOTAL_WINDOW = 8  # figures on either side of a stated total tried as its parts


def find_checks(figures: Sequence[Figure], text: str = "") -> list[Check]:
    """All checks among the figures of one document (``text``: the document's text, for cues)."""
    checks: list[Check] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    incomplete: list[tuple[Figure, Figure]] = []  # items of a list known to be incomplete
    figures = sorted(figures, key=lambda f: f.quantity.start)
    for index, total in enumerate(figures):
        around = figures[max(0, index - NEAR) : index + NEAR + 1]
        # A total may have a second breakdown of other parts that adds up ("18,955 casualties:
        # 7,199 killed and 11,756 injured", and by territory "9,150 + 9,805"); never a failing one.
        used: set[str] = set()
        for rule in _SUM_RULES:
            parts = rule(total, around, text)
            if len(parts) >= 2 and text and _short_of_an_untold_item(total, parts, text):
                incomplete.extend((total, p) for p in parts)
                continue
            key = (total.id, tuple(sorted(p.id for p in parts)))
            if (
                len(parts) >= 2
                and key not in seen
                and _claimable(total, parts, text)
                and _one_headline(total, parts, text)
                and not _first_of_bracketed_list(total, parts, text)
                and not any(placed_elsewhere(p, total) for p in parts)
                and (not used or (used.isdisjoint(key[1]) and sum_holds(total, parts)))
            ):
                seen.add(key)
                used.update(key[1])
                checks.append(_sum_check(total, parts, rule.__doc__ or ""))
    by_id = {f.id: f for f in figures}
    checks = _once_per_breakdown(_without_nested_parts(_through_subtotals(checks, figures)), by_id)
    checks.extend(_parallel_breakdowns(checks, figures, text))
    in_sums = [(by_id[c.total or ""], by_id[p]) for c in checks for p in c.parts]
    subsets = subset_checks(figures, text, in_sums, NEAR)
    told = {(c.whole, c.part) for c in subsets} | {(w.id, p.id) for w, p in in_sums}
    for whole, part in dict.fromkeys(incomplete):
        if (whole.id, part.id) not in told and all(c.part != part.id for c in subsets):
            subsets.append(subset_check(whole, part))
    checks.extend(subsets)
    checks.extend(relation_checks(figures, text, checks, NEAR))
    return checks


def _parallel_breakdowns(
    checks: Sequence[Check], figures: Sequence[Figure], text: str
) -> list[Check]:
    """The breakdowns told side by side with a breakdown found: "killing at least 12 and wounding
    over 60. In Homs two died and five were hurt, in Hama ten were killed and over fifty
    wounded" - with 12 = 2 + 10, the wounded of the total's sentence are the wounded told beside
    each part, 60 = 5 + 50. Claimed only when the intervals can meet: a shortfall may be
    wounded the list does not place."""
    if not text:
        return []
    by_id = {f.id: f for f in figures}
    found: list[Check] = []
    taken = {c.total for c in checks} | {p for c in checks for p in c.parts}
    for check in checks:
        if not (check.holds and check.total and len(check.parts) >= 2):
            continue
        total = by_id[check.total]
        parts = sorted((by_id[p] for p in check.parts), key=lambda f: f.quantity.start)
        for other in _beside(total, figures, text):
            twins = _twins(parts, other, figures, text)
            if not twins or taken & {other.id, *(t.id for t in twins)}:
                continue
            if sum_holds(other, twins):
                taken.update({other.id, *(t.id for t in twins)})
                found.append(_sum_check(other, twins, "Told beside another breakdown"))
    return found


def _beside(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """The one figure of each other measure in the total's sentence (none when two share one)."""
    where = sentence_index(text, total.quantity.start)
    same = [
        f for f in figures
        if f is not total
        and f.measure is not total.measure
        and f.measure is not Measure.OTHER
        and sentence_index(text, f.quantity.start) == where
    ]
    return [f for f in same if sum(g.measure is f.measure for g in same) == 1]


def _twins(
    parts: Sequence[Figure], other: Figure, figures: Sequence[Figure], text: str
) -> list[Figure]:
    """For each part, the one figure of the other's measure told in the part's sentence right
    after it (before the next part), or else each right before it (after the part before);
    [] unless every part has exactly one, told the same way."""
    ends = [p.quantity.start for p in parts[1:]] + [len(text)]
    after = [(p.quantity.end, end) for p, end in zip(parts, ends, strict=True)]
    starts = [0] + [p.quantity.end for p in parts[:-1]]
    before = [(start, p.quantity.start) for p, start in zip(parts, starts, strict=True)]
    for spans in (after, before):
        twins = [
            _twin(part, span, other, figures, text)
            for part, span in zip(parts, spans, strict=True)
        ]
        if all(twins):
            return [t for t in twins if t is not None]
    return []


def _twin(
    part: Figure, span: tuple[int, int], other: Figure, figures: Sequence[Figure], text: str
) -> Figure | None:
    """The one figure of the other's measure and period within ``span`` in the part's sentence,
    told after the other."""
    where = sentence_index(text, part.quantity.start)
    near = [
        f for f in figures
        if f.measure is other.measure
        and span[0] <= f.quantity.start < span[1]
        and f.quantity.start > other.quantity.end
        and sentence_index(text, f.quantity.start) == where
        and f.period_start == other.period_start
    ]
    return near[0] if len(near) == 1 else None


def placed_elsewhere(part: Figure, total: Figure) -> bool:
    """Whether the part is placed in another province of the total's country ("6 soldiers
    killed in Menaka. The next day, 2 civilians were killed in Gao and 4 in Ansongo": another
    incident's toll, no breakdown of the first). Only places the gazetteer knows with their
    province count: a town we do not know, or one of the same province, may lie inside the
    total's ("9 civilians in Beni territory: 6 in Mavivi and 3 in Oicha"), and a name read as
    a place in another country is likelier misread than a sum's part abroad."""
    if not part.locations or not total.locations:
        return False
    return all(
        _other_province(a, b) for a in part.locations for b in total.locations
    )


def _other_province(a: str, b: str) -> bool:
    """Whether two places lie in two known provinces of one country, neither within the other."""
    first, second = lookup_place(a), lookup_place(b)
    if first is None or second is None or first.country != second.country:
        return False
    provinces = [_province(first), _province(second)]
    return (
        None not in provinces
        and provinces[0] != provinces[1]
        and place_key(b) not in expand_place(a)
        and place_key(a) not in expand_place(b)
    )


def _province(place: Place) -> str | None:
    return place.name if place.kind == "admin1" else place.admin1


def _one_headline(total: Figure, parts: Sequence[Figure], text: str) -> bool:
    """Parts in the total's headline, when the text is a glued list of outlets' headlines (two
    outlets' counts of one event add up to nothing)."""
    where = headline_index(text, total.quantity.start)
    return all(headline_index(text, p.quantity.start) == where for p in parts)


def _through_subtotals(checks: list[Check], figures: Sequence[Figure]) -> list[Check]:
    """A breakdown some of whose parts make up a subtotal the text states is told through that
    subtotal: with 3,925 = 2,995 + 930 (one territory's two sides), the 7,199 killed are
    3,925 + 3,274, not 2,995 + 930 + 3,274 (the same sum, read one level too deep)."""
    by_id = {f.id: f for f in figures}
    subtotals = [
        (c.total, frozenset(c.parts)) for c in checks if c.holds and c.total and len(c.parts) >= 2
    ]
    regrouped: list[Check] = []
    for check in checks:
        parts = set(check.parts)
        for subtotal, inner in subtotals:
            if (
                subtotal != check.total
                and subtotal not in parts
                and inner < parts
                and by_id[subtotal].measure is by_id[check.total or ""].measure
            ):
                parts = (parts - inner) | {subtotal}
        if parts != set(check.parts):
            ordered = sorted((by_id[p] for p in parts), key=lambda f: f.quantity.start)
            check = _sum_check(by_id[check.total or ""], ordered, _rule_of(check))
        if check not in regrouped:
            regrouped.append(check)
    return regrouped


def _rule_of(check: Check) -> str:
    """The rule a sum check's reason names ("Breakdown that adds up exactly: ...")."""
    return check.reason.split(":", 1)[0]


def _without_nested_parts(checks: list[Check]) -> list[Check]:
    """Sums none of whose parts is a part of another of them: "77 in the Gaza war" and "72
    Palestinians" (one of the 77) are no two parts of one total."""
    within = {(c.total, p) for c in checks for p in c.parts}
    return [
        c for c in checks if not any((a, b) in within for a in c.parts for b in c.parts)
    ]


def _once_per_breakdown(checks: list[Check], by_id: Mapping[str, Figure]) -> list[Check]:
    """One sum per breakdown: when the text states a total twice before its parts ("abducted 3
    workers ... seizing 3 of them (2 guards and 1 cook)"), both statements add up the same
    parts, and the sum is told once, of the first statement (the later one restates it)."""
    kept: list[Check] = []
    for check in checks:
        total = by_id[check.total or ""]
        if not any(
            set(other.parts) == set(check.parts)
            and (first := by_id[other.total or ""]).measure is total.measure
            and first.quantity.interval() == total.quantity.interval()
            for other in kept
        ):
            kept.append(check)
    return kept


def _claimable(total: Figure, parts: Sequence[Figure], text: str) -> bool:
    """A sum that holds is always worth stating; a failing one only when its parts are near and
    not merely examples of the total ("4,100 displaced, including 2,300 in Ituri": an including
    list need not name every part, so falling short of the total is no failure)."""
    if sum_holds(total, parts) or not text:
        return True
    first = min(p.quantity.start for p in parts)
    between = text[total.quantity.end : first] if total.quantity.end <= first else ""
    if _breakdown_heading(between):
        return True  # "35 civilians ...\n\nBreakdown by perpetrator\n\n": the section's parts
    if has_cue(between, "including"):
        return _overshoots(total, parts)
    where = sentence_index(text, total.quantity.start)
    return all(0 <= sentence_index(text, p.quantity.start) - where <= NEAR_SENTENCES for p in parts)


def _short_of_an_untold_item(total: Figure, parts: Sequence[Figure], text: str) -> bool:
    """Whether the parts fall short of the total and the text goes on to a further member by its
    place in the list ("4 bombs were planted: 2 at a market and 1 at a bus station. The fourth
    was defused"): the list says itself it is incomplete, so its shortfall is no failure."""
    if sum(p.quantity.interval()[1] for p in parts) >= total.quantity.interval()[0]:
        return False
    last = max(parts, key=lambda p: p.quantity.end)
    end = sentence_of(text, max(last.quantity.end - 1, 0))[1]
    following = sentence_of(text, min(end, len(text) - 1))[1] if end < len(text) else end
    return has_cue(text[last.quantity.end : following], "untold_item")


def _breakdown_heading(between: str) -> bool:
    """Whether a heading line that announces a breakdown ("Breakdown by perpetrator", "Deaths by
    region") stands between a total and its parts: the section below it breaks the total down."""
    return any(
        len(line) <= _HEADING_CHARS
        and not line.rstrip().endswith((".", "!", "?", ":", ","))
        and has_cue(line, "breakdown")
        for line in between.split("\n")[1:-1]
    )


_HEADING_CHARS = 60


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


def _starting_after(figures: Sequence[Figure], start: int) -> list[Figure]:
    """The figures that start after ``start``: a rule's ``figures`` are in text order (a slice of
    the sorted figures, ``find_checks``), so they are a tail of them, found by bisection rather
    than by testing all 301 of a long document's window, for each rule of each figure."""
    return list(figures[bisect_right(figures, start, key=_start):])


def _start(figure: Figure) -> int:
    return figure.quantity.start


def _comparable(total: Figure, part: Figure) -> bool:
    # asked of every pair of figures near each other, by several rules: the cheapest test first
    return (
        part.measure == total.measure
        and part is not total
        and part.period_start == total.period_start
        and part.period_end == total.period_end
    )


_PRONOUNS = {"which", "them", "whom", "those", "these"}


def _parts_by_place(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Parts by place"""
    # several places side by side, not a place and its container ('Centre-Nord', 'Burkina Faso')
    if len(leaves(total.locations)) < 2 or counted_head(total) in SUBGROUPS:
        return []
    # the places side by side, without the country they lie in ('Charikar', 'Kabul',
    # 'Afghanistan' is told by Charikar and Kabul)
    wanted = set(leaves(total.locations))
    chosen: dict[str, Figure] = {}
    for part in figures:
        if not _comparable(total, part):
            continue  # the cheapest test first: asked of each of a long document's 301 figures
        slot = _slot(part, wanted)
        if (
            slot is not None
            and slot not in chosen
            and _smaller(part, total)
            and not is_subgroup(part, total)
        ):
            chosen[slot] = part
    if set(chosen) != wanted:
        return []
    parts = list(chosen.values())
    if sum_holds(total, parts) or not text:
        return parts
    # "122 killed: 68 in Gaza, five in Lebanon, six in Pakistan and 43 elsewhere": a count of
    # the parts' sentences placed nowhere of its own is the rest, a part too; the places named
    # are not the whole breakdown when it does not make the sum
    sentences = {sentence_index(text, p.quantity.start) for p in parts}
    rest = [
        f for f in figures
        if f not in parts
        and f is not total
        and _comparable(total, f)
        and f.quantity.start > total.quantity.start
        and sentence_index(text, f.quantity.start) in sentences
    ]
    if rest and sum_holds(total, [*parts, *rest]):
        return sorted([*parts, *rest], key=lambda f: f.quantity.start)
    return [] if rest else parts


def _slot(part: Figure, wanted: set[str]) -> str | None:
    """The one of the total's places side by side that the part is placed in: named itself or
    by a place within it, beside places that lie in no other of them ("22 were killed in Kabul,
    near the Green Zone" is Kabul's part of "48 in Charikar and Kabul"); None when the part
    names none of them, or more than one."""
    slots = {
        w for name in part.locations for w in wanted
        if name == w or normalise_place(w) in expand_place(name)
    }
    return slots.pop() if len(slots) == 1 else None


def _smaller(part: Figure, total: Figure) -> bool:
    """A part found by its place alone is no larger than the total: one larger is likelier a
    misread place than a sum the text claims ("838,548 + 355,000 does not add up to
    307,000" of a region's count read as the country's)."""
    return part.quantity.interval()[0] <= total.quantity.interval()[1]


def _within(inner: Sequence[str], outer: Sequence[str]) -> bool:
    """Every place of ``inner`` lies in one of ``outer`` ('Idlib' in 'Syria'); none = anywhere."""
    if not outer:
        return not inner
    keys = {normalise_place(name) for name in outer}
    return all(expand_place(name) & keys for name in inner)


def _parts_by_party(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Parts by party"""
    if total.actor is not None:
        return []
    parts: dict[str, Figure] = {}
    for part in figures:
        if (
            _comparable(total, part)
            and part.start > total.start
            and part.actor
            and counted_head(part) == counted_head(total)
            and part.actor not in parts
            and _within(part.locations, total.locations)
        ):
            parts[part.actor] = part
    chosen = list(parts.values())
    if len(chosen) < 2:
        return []
    if not sum_holds(total, chosen) and _party_left_out(total, chosen, figures, text):
        return []  # "... and other parties killed 73": a party we cannot name is no missing part
    return chosen


def _party_left_out(
    total: Figure, parts: Sequence[Figure], figures: Sequence[Figure], text: str
) -> bool:
    """Whether a figure like the parts, in their sentences, was left out of them (its party not
    named or not told apart): then the parts found are not the whole breakdown. A figure that
    counts another kind ("26 civilians, including 6 children") is a part of a part, not one."""
    if not text:
        return False
    sentences = {sentence_index(text, p.quantity.start) for p in parts}
    # a table's lines are sentences of their own: its block ("Russian forces: 6", "Other
    # parties: 73", up to a blank line) is the parts' company
    blocks = [_block_of(text, p) for p in parts if _on_labelled_line(text, p)]
    return any(
        f not in parts
        and _comparable(total, f)
        and counted_head(f) == counted_head(total)
        and f.start > total.start
        and (
            sentence_index(text, f.quantity.start) in sentences
            or any(start <= f.quantity.start < end for start, end in blocks)
        )
        for f in figures
    )


def _block_of(text: str, figure: Figure) -> tuple[int, int]:
    """The lines around the figure's, up to blank lines."""
    start = text.rfind("\n\n", 0, figure.quantity.start)
    end = text.find("\n\n", figure.quantity.end)
    return (0 if start < 0 else start, len(text) if end < 0 else end)


def _casualty_parts(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Killed and injured against casualties"""
    # a count of casualties is 'other': the killed and the injured are its parts, never totals;
    # so is a count of people "killed or injured", "dead or wounded"
    # a table's line "Total casualties: 42" among lines "Killed: 12", "Injured: 30"
    block = _casualty_block(text, total) if text else None
    # "..., bringing the day's casualties to 30": the total is told after its parts
    # as is one the text calls a total after them ("killed 4 and wounded 9, for a total of 13
    # casualties", "... 13 casualties in all")
    brought = bool(text) and (
        _CASUALTIES_TO.search(words_before(text, total, 40)) is not None
        or _says_total(text, total)
    )
    if total.measure is not Measure.OTHER or not (
        "casualt" in (total.counted or "").lower()
        or block is not None
        or brought
        or (text and set(combined_measures(text, total)) == {Measure.KILLED, Measure.INJURED})
    ):
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
            and (
                not text
                or (
                    block[0] <= f.quantity.start < block[1] and _on_labelled_line(text, f)
                    if block is not None
                    else f.quantity.start > total.quantity.start
                    or (brought and _same_sentence(text, f, total))
                )
            )
        ]
        if found and (block is None or len(found) == 1):
            parts.append(found[0])
    if len(parts) != 2:
        return []
    # "5,122 casualties (1,692 deaths and 3,430 injured)", or "40 casualties. 12 were killed
    # and 28 wounded": the two parts are stated together, in the total's sentence or the next
    if brought and parts[-1].quantity.start < total.quantity.start:
        # parts told before their total in its sentence: only a sum that holds is claimed
        return parts if sum_holds(total, parts) and _same_sentence(text, parts[0], total) else []
    if text and block is None:
        where = sentence_index(text, total.quantity.start)
        at = {sentence_index(text, p.quantity.start) for p in parts}
        if len(at) != 1 or not 0 <= at.pop() - where <= 1:
            return []
    # "an NDS official said at least 50 were killed or wounded. A governor's spokesman said 12
    # were killed and 12 injured": two sources' counts disagree, they make no sum
    if total.source and any(p.source and p.source != total.source for p in parts):
        return []
    return parts


_CASUALTIES_TO = re.compile(r"\bcasualt(?:y|ies)\s+(?:to|at)\s*$", re.IGNORECASE)


def _same_sentence(text: str, a: Figure, b: Figure) -> bool:
    return sentence_index(text, a.quantity.start) == sentence_index(text, b.quantity.start)


def _casualty_block(text: str, total: Figure) -> tuple[int, int] | None:
    """The lines around a table line labelled as casualties ("Total casualties: 42",
    "Casualties - 42"), up to blank lines, or None when the total is no such line."""
    if not _on_labelled_line(text, total):
        return None
    line_start = text.rfind("\n", 0, total.quantity.start) + 1
    if "casualt" not in text[line_start : total.quantity.start].lower():
        return None
    start = text.rfind("\n\n", 0, total.quantity.start)
    end = text.find("\n\n", total.quantity.end)
    return (0 if start < 0 else start, len(text) if end < 0 else end)


def _on_labelled_line(text: str, figure: Figure) -> bool:
    """Whether the figure's number ends a table line's label ("Killed: 12", "- Injured - 30"):
    a few words before a colon or dash at the line's start, the number last on its line."""
    line_start = text.rfind("\n", 0, figure.quantity.start) + 1
    line_end = text.find("\n", figure.quantity.end)
    label = text[line_start : figure.quantity.start].strip()
    rest = text[figure.quantity.end : len(text) if line_end < 0 else line_end].strip()
    return (
        bool(label)
        and label[-1] in ":-–—"
        and len(label.split()) <= 5
        and not rest.strip(".")
    )


def _exact_breakdown(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Breakdown that adds up exactly"""
    if total.quantity.qualifier.value != "exact":
        return []
    # _comparable(total, f) written out: asked of every figure near every exact total
    measure, start, end = total.measure, total.period_start, total.period_end
    later = [
        f
        for f in figures
        if f.measure == measure
        and f is not total
        and f.period_start == start
        and f.period_end == end
        and f.start > total.start
        and f.quantity.qualifier.value == "exact"
        and f.quantity.low < total.quantity.low
    ]
    for size in range(2, min(_MAX_PARTS, len(later)) + 1):
        for run in _consecutive(later, size):
            heads = {counted_head(p) for p in run}
            alike = len(heads) == 1 and not subgroup_words(run[0])
            # a part with no counted noun of its own counts what the others count when each
            # part names its own place inside the total's ("displaced 18,500 people in Somalia
            # ... In Hiraan, 11,000 people fled. A further 7,500 were displaced in Lower Shabelle")
            alike = alike or (
                len(heads - {""}) == 1
                and not any(subgroup_words(p) for p in run)
                and _places_apart(total, run)
            )
            # "33 people were injured ... injuring 23 civilians and 10 off-duty soldiers"
            alike = alike or (head_of(total.counted).generic and _one_list(run, text))
            # "13 women" is no sum of "9" and "4" civilians: a sub-group total needs its own parts
            if subgroup_words(total) and counted_head(run[0]) != counted_head(total):
                alike = False
            if alike and any(_included_in(a, b, text) for a, b in itertools.pairwise(run)):
                alike = False
            if alike and sum(p.quantity.low for p in run) == total.quantity.low:
                return list(run)
    return []


def _included_in(item: Figure, following: Figure, text: str) -> bool:
    """Whether "including" stands between an item and the next number ("two aid workers
    including one Malian"), or the item's words open a list of their own with a dash, colon or
    bracket ("six nurses--four from Uganda and two from Rwanda"): the next is a part of the
    item, not another item of its list."""
    between = text[item.quantity.end : following.quantity.start]
    return has_cue(between, "including") or _SUBLIST_OPENING.fullmatch(between) is not None


def _closable(between: str) -> bool:
    """Whether an item's own list opens with a dash or bracket, which a second dash or the
    closing bracket ends (a colon or "including" runs to the end of the sentence)."""
    return _SUBLIST_OPENING.fullmatch(between) is not None and between.rstrip()[-1:] != ":"


def _sublist_closed(between: str) -> bool:
    """Whether the words from an item to a later number close the item's own list of parts:
    the second dash of a pair, or the bracket's closing one."""
    if "(" in between:
        return ")" in between[between.index("(") :]
    return between.count("--") >= 2 or between.count("\u2014") >= 2 or between.count(" \u2013") >= 2


# An item's own words, then a dash, colon or bracket that opens its own list of parts.
_SUBLIST_OPENING = re.compile(r"[^,;.\d()\n]{0,40}?(?:-{2}|\u2014|\s\u2013|:|\()\s*")


def _first_of_bracketed_list(total: Figure, run: Sequence[Figure], text: str) -> bool:
    """Whether the total opens a bracketed list that holds the parts too: in "six guards (2
    Kenyan, 2 Somali and 2 Ugandan)" the first item is a sibling of the others, not their sum."""
    if not text or not text[: total.quantity.start].rstrip().endswith("("):
        return False
    closing = text.find(")", total.quantity.end)
    # "(158) people": a bracketed number alone is no list
    return closing >= 0 and all(
        total.quantity.end < p.quantity.start and p.quantity.end <= closing for p in run
    )


def _places_apart(total: Figure, run: Sequence[Figure]) -> bool:
    """Whether each part names one place of its own, another than every other part's and the
    total's, inside the total's places."""
    places = [p.locations for p in run]
    return (
        bool(total.locations)
        and all(len(where) == 1 for where in places)
        and len({where[0] for where in places}) == len(run)
        and not any(where[0] in total.locations for where in places)
        and all(_within(where, total.locations) for where in places)
    )


def _one_list(run: Sequence[Figure], text: str) -> bool:
    """Whether the figures are the items of one list in one sentence ("23 civilians and 10
    soldiers", "eight women, a girl and four men")."""
    if not text:
        return False
    where = {sentence_index(text, p.quantity.start) for p in run}
    return len(where) == 1 and all(
        list_item(text, a.quantity.end, b, True) for a, b in itertools.pairwise(run)
    )


def _consecutive(items: Sequence[Figure], size: int) -> Iterator[Sequence[Figure]]:
    for i in range(len(items) - size + 1):
        yield items[i : i + size]


def _including_sum(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Including list that adds up"""
    later = _starting_after(figures, total.quantity.start)
    parts = including_parts(total, later, text)
    return parts if len(parts) >= 2 and _exactly(total, parts) else []


def _including_overshoot(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Including list that names more than its total"""
    later = _starting_after(figures, total.quantity.start)
    parts = including_parts(total, later, text)
    return parts if len(parts) >= 2 and _overshoots(total, parts) else []


def _overshoots(total: Figure, parts: Sequence[Figure]) -> bool:
    """Whether an including list of exact, disjoint kinds of the total's measure names more than
    the total holds ("25 wounded, including 18 police, 2 soldiers and 6 civilians"): examples
    may fall short of their total, never exceed it, so the sum is told as failing."""
    return (
        total.quantity.high is not None
        and all(_exact(p) and p.measure is total.measure for p in parts)
        and _disjoint_kinds(parts)
        and sum(p.quantity.low for p in parts) > total.quantity.interval()[1]
    )


def _disjoint_kinds(parts: Sequence[Figure]) -> bool:
    """Whether the parts count kinds no one can be two of: each its own counted head, and either
    all roles ("policemen", "soldiers", "civilians") or all distinct sub-groups ("women", "men");
    "civilians" and "children", or "children" and "girls", may count the same people."""
    if not all(p.counted for p in parts):
        return False
    heads = [head_of(p.counted).name for p in parts]
    groups = [subgroup_words(p) for p in parts]
    if len(set(heads)) < len(heads):
        return False
    if not any(groups):
        return True
    return all(groups) and all(a.isdisjoint(b) for a, b in combinations(groups, 2))


def _listed_parts(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Parts listed after the total"""
    # "at least 42 people were freed: 27 students, ..." lists the parts of its stated number
    if not text or total.quantity.qualifier not in _STATED_LOW:
        return []
    # the list may follow a restatement of the total ("recorded 8,231 killed ... This
    # included: a total of 8,231 killed (3,214 men, ...)")
    for start, end in [(total.quantity.start, total.quantity.end), *total.also_at]:
        if start < total.quantity.start:
            continue
        run = _listed_after(total, figures, text, start, end)
        if run:
            return run
    later = _starting_after(figures, total.quantity.start)
    return _colon_list(total, later, text)


def _listed_after(
    total: Figure, figures: Sequence[Figure], text: str, start: int, end: int
) -> list[Figure]:
    later = _starting_after(figures, start)
    where = sentence_index(text, start)
    starts = [0]
    # "8,006 killed and 13,287 injured. Of those killed, 3,212 were men, ...": the list may
    # open in the next sentence, past other figures of the total's own
    following = next(
        (i for i, f in enumerate(later) if sentence_index(text, f.quantity.start) > where), 0
    )
    if following and _refers_back(text, later[following]):
        starts.append(following)
    for first in starts:
        run = _run_adding_up(total, later[first : first + _MAX_LISTED + 1], text, where, end)
        same = all(p.measure == total.measure for p in run)
        if run and (same or not first) and _list_counts_total(total, run):
            return run
    return []


# A sentence that opens by referring to people counted before: "Of those killed, ...",
# "Among them", "The dead were ...", "They included ...".
_BACK_REFERENCE = re.compile(
    r"^\W*(?:(?:of|among|out of) (?:those|them|these|the)\b|the (?:dead|victims|killed|injured"
    r"|wounded|casualties)\b|they\b|those\b)",
    re.IGNORECASE,
)


def _refers_back(text: str, part: Figure) -> bool:
    start, _ = sentence_of(text, part.quantity.start)
    if _BACK_REFERENCE.search(text[start : part.quantity.start]) is not None:
        return True
    # "By Friday, 131 of them had been recaptured": a pronoun partitive right after the number
    after = words_after(text, part, 12)
    return _OF_PRONOUN.match(after) is not None


_OF_PRONOUN = re.compile(r"\s+(?:of|among)\s+(?:them|those|these)\b", re.IGNORECASE)


def _run_adding_up(
    total: Figure, later: Sequence[Figure], text: str, where: int, opened: int
) -> list[Figure]:
    """The first figures of ``later`` that add up exactly to the total, if they follow one
    another: the list opens in the total's sentence or the next two ("They were:"), its items
    are a sentence (a list line) apart at most."""
    run: list[Figure] = []
    nested_in: Figure | None = None  # the item whose own list of parts is being told
    for part in later:
        if nested_in is not None:
            if not _sublist_closed(text[nested_in.quantity.end : part.quantity.start]):
                continue  # "six nurses--four from Uganda and two from Rwanda--": the six's
            nested_in = None
        at = sentence_index(text, part.quantity.start)
        last = sentence_index(text, run[-1].quantity.start) if run else where
        if at - last > (1 if run else 2) or not _as_stated(part):
            break
        # "By Friday, 131 of them had been recaptured, while 109 were still at large": an item
        # of the sentence that refers back shares its first item's time
        shares = bool(run) and at == last and (part.period_start, part.period_end) == (
            run[-1].period_start,
            run[-1].period_end,
        )
        if not (shares or _same_time(total, part, text)):
            break
        if is_addition(text, part) and not _next_category(text, run, part):
            break  # "A further 19 were killed on 2 April" adds to the count, it is no part
        between = text[opened : part.quantity.start]
        if not run and at == where and not _LIST_OPENS.search(between):
            break  # "four workers and two soldiers were killed": a sibling, not a part
        if not run and at == where and _CONTRAST.search(between):
            break  # "58 died in Donetsk, while 39 were killed in Kharkiv": a sibling too
        if run and _included_in(run[-1], part, text):
            if _closable(text[run[-1].quantity.end : part.quantity.start]):
                nested_in = run[-1]
                continue
            break
        run.append(part)
        added = sum(p.quantity.value for p in run)
        if added > total.quantity.low:
            break
        if added == total.quantity.low and len(run) >= 2:
            return run
    return []


def _next_category(text: str, run: Sequence[Figure], part: Figure) -> bool:
    """Whether "another N were <category>" goes on a breakdown that a sentence referring back
    opened ("Of the dead, 12 were soldiers. Another 8 were police officers."): it names one more
    kind of those counted, another than the items before it, not a further count of them."""
    if not run or not _refers_back(text, run[0]) or not part.counted:
        return False
    rest = words_after(text, part, 80)
    after = _COPULA.match(rest)
    if after is None or not rest[after.end() :].startswith(part.counted):
        return False
    # "Another 8 were police officers killed in a second raid" tells of more than a kind
    told = rest[after.end() + len(part.counted) :].strip(" .;")
    return not told and counted_head(part) not in {counted_head(p) for p in run}


# "were" or "was", then an article at most, before the category the number counts.
_COPULA = re.compile(r"\s+(?:were|was)\s+(?:(?:a|an|the)\s+)?", re.IGNORECASE)


def _same_time(total: Figure, part: Figure, text: str) -> bool:
    """Whether the part's stated period is the total's (or either states none), or the part
    tells what became of those the total counted, since: a stock, or a count in a sentence
    that refers back to them ("879 escaped on Tuesday. Of the escaped inmates, 443 have been
    recaptured, while 436 are still at large")."""
    if part.period_end is None or total.period_end is None:
        return True
    later = part.period_start is not None and part.period_start >= total.period_end
    if later and (part.measure in STOCK_MEASURES or _refers_back(text, part)):
        return True
    return (part.period_start, part.period_end) == (total.period_start, total.period_end)


# A clause of contrast between a total and the next number: what follows is a sibling count.
_CONTRAST = re.compile(r"\b(?:while|whereas|but)\b", re.IGNORECASE)

# What opens a list of parts within the total's sentence: "12 people, seven women and five
# men", "42 people were freed: 27 students, ...", "11 militants (nine of them ...)".
_LIST_OPENS = re.compile(r"[,:;(\[–—]|\s-\s")


def _list_counts_total(total: Figure, run: Sequence[Figure]) -> bool:
    """Parts of the total's measure, or of several measures when the total is large enough that
    an exact sum by chance is unlikely ("Of the 879 who escaped, 443 were recaptured, ...") and
    the parts count what the total counts (or name no noun)."""
    same = all(p.measure == total.measure for p in run)
    if same:
        return True
    # "arrested 119 suspects ... also rescued 48 hostages and recovered 71 weapons": counts of
    # other things that add up by chance (issue 9, checks32)
    head = head_of(total.counted)
    return total.quantity.low >= _CROSS_MEASURE_TOTAL and all(
        p.counted is None or total.counted is None or heads_match(head_of(p.counted), head)
        for p in run
    )


def _colon_list(total: Figure, later: Sequence[Figure], text: str) -> list[Figure]:
    """A breakdown after a colon right behind the total, to the end of its sentence: "42 people
    were freed: 27 students, three staff and 11 family members" is claimed even when it does
    not add up."""
    start, end = sentence_of(text, total.quantity.start)
    colon = text.find(":", total.quantity.end, end)
    if not _exact(total) or colon < 0 or re.search(r"\d|[;]", text[total.quantity.end : colon]):
        return []
    parts = [f for f in later if colon < f.quantity.start < end]
    # "two aid workers including one Malian": the one is a part of the two, not an item
    parts = [p for i, p in enumerate(parts) if not (i and _included_in(parts[i - 1], p, text))]
    if len(parts) < 2 or not all(_exact(p) and p.measure == total.measure for p in parts):
        return []
    return parts


def _remainder_parts(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """A part and the rest"""
    # "99 journalists were killed. Of them, 77 died in Gaza ... The remaining 22 ...": the first
    # part told after the total and "the remaining" figure of its measure make up the total
    if not text:
        return []
    later = _starting_after(figures, total.quantity.start)
    where = sentence_index(text, total.quantity.start)
    for i, rest in enumerate(later):
        if sentence_index(text, rest.quantity.start) - where > NEAR_SENTENCES:
            break
        before = words_before(text, rest, 20)
        cue = find_cue(before, "remainder")
        if i == 0 or cue is None or before[cue.end() :].strip(" ,("):
            continue
        # the part is the first count of the rest's measure after the total ("killed ten and
        # wounded 48. Three of the victims died at the scene and the other four ...": not the 48)
        part = next((f for f in later[:i] if f.measure is rest.measure), later[0])
        opening = sentence_of(text, part.quantity.start)[0]
        first = not any(opening <= f.quantity.start < part.quantity.start for f in figures)
        told = partitive_cue(text, part) is not None or (first and _refers_back(text, part))
        if (
            told
            and part.measure is rest.measure
            and total.measure in (rest.measure, Measure.OTHER)
            and sentence_index(text, part.quantity.start) - where <= 1
            and part.quantity.interval()[0] <= total.quantity.interval()[1]
            and rest.quantity.interval()[0] <= total.quantity.interval()[1]
        ):
            return [part, rest]
        return []
    return []


def _list_told_later(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """A list told later that adds up"""
    # "94 journalists were killed in 2023. [...] Those killed were 41 men, 27 women, ...":
    # the list may come paragraphs after its total, but then only a sentence whose figures of
    # the measure add up to it exactly as stated: three or more, or two items of one list ("7
    # pilgrims and 2 drivers"), which by chance hardly ever happens
    # A total the text calls one may be hedged ("killing a total of at least ten people. [...]
    # Tehran, where one person was killed, and Ahvaz, where nine died"): its stated number is
    # what the parts add up to, and two of them in a sentence are enough
    if not text:
        return []
    called = _as_stated(total) and _says_total(text, total)
    if not (called or _exact(total)):
        return []
    where = sentence_index(text, total.quantity.start)
    sentences: dict[int, list[Figure]] = {}
    for figure in figures:
        if figure.quantity.start <= total.quantity.end:
            continue
        at = sentence_index(text, figure.quantity.start)
        if at - where > _LATER_SENTENCES:
            break  # the figures are in text order (find_checks): the rest lie further on
        if at > where:
            sentences.setdefault(at, []).append(figure)
    for at in sorted(sentences):
        # the total may be restated before its list ("This included: 7,199 killed (2,844 men,")
        items = [
            f
            for f in sentences[at]
            if f.measure is total.measure and f.quantity.value != total.quantity.value
        ]
        if any(_included_in(a, b, text) for a, b in itertools.pairwise(items)):
            continue  # "27 holidaymakers, including 9 Germans and 4 Italians": no flat list
        listed = all(
            list_item(text, a.quantity.end, b, True) for a, b in itertools.pairwise(items)
        )
        # leaning on the word "total" alone, the parts' sentence tells no time of its own ("In
        # March, one blast killed 11 and another 14" is no breakdown of Friday's 25)
        untimed = all(p.time_text in (None, total.time_text) for p in items)
        enough = len(items) >= (2 if listed else 3) and _exact(total)
        if (
            (enough or (called and untimed and len(items) >= 2))
            and all(_as_stated(p) and _same_time(total, p, text) for p in items)
            and sum(p.quantity.value for p in items) == total.quantity.value
            and sum_holds(total, items)
        ):
            return items
    return []


# How many sentences after its total a list told later may stand.
_LATER_SENTENCES = 10


def _list_told_before(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """A list told just before that adds up"""
    # "Five soldiers and 7 militants were killed in the clash. The clash left 12 people dead.":
    # a count of people right after a sentence whose figures of the measure, items of one
    # list, add up to it exactly as stated, for the same time and places
    if not text or not _exact(total) or not head_of(total.counted).generic:
        return []
    where = sentence_index(text, total.quantity.start)
    items = [
        f
        for f in figures
        if f.quantity.end <= total.quantity.start
        and f.measure is total.measure
        and sentence_index(text, f.quantity.start) == where - 1
    ]
    if (
        len(items) >= 2
        and all(list_item(text, a.quantity.end, b, True) for a, b in itertools.pairwise(items))
        and all(_exact(p) and _same_time(total, p, text) for p in items)
        and all(_within(p.locations, total.locations) for p in items)
        and len({counted_head(p) for p in items}) == len(items)
        and sum(p.quantity.value for p in items) == total.quantity.value
    ):
        return items
    return []


def _tolls_of_places_within(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Tolls of the places within the total's, told one by one"""
    # "Attacks across the country killed 40 people. [...] In the capital, a car bomb killed 12
    # [...] A blast in the north killed nine [...]": a wave's total, then each incident's toll
    # in sentences of its own, each placed inside the total's place. Only a run of every such
    # later figure, three or more, adding up exactly as stated
    if not text or not total.locations or not _as_stated(total):
        return []
    own = {normalise_place(name) for name in total.locations}
    run: list[Figure] = []
    added = 0
    for part in _starting_after(figures, total.quantity.end):
        if (
            not _comparable(total, part)
            or not part.locations
            or {normalise_place(name) for name in part.locations} <= own
            or not _within(part.locations, total.locations)
        ):
            continue
        if not _as_stated(part) or is_subgroup(part, total) or is_addition(text, part):
            return []
        run.append(part)
        added += part.quantity.value
        if added > total.quantity.value:
            return []
        if added == total.quantity.value:
            break
    if added == total.quantity.value and len(run) >= _TOLLS:
        return run
    return []


# Incident tolls that make up a total told before them: at least this many, so that an exact
# sum by chance is unlikely.
_TOLLS = 3


def _tolls_of_counted_incidents(
    total: Figure, figures: Sequence[Figure], text: str
) -> list[Figure]:
    """Tolls of the incidents the total counts"""
    # "Two bombings killed over 40 people in Kabul and Charikar. The first [...] killed over 24.
    # [...] In the second, 18 died": a total told with how many incidents it holds, then as many
    # counts of its measure and period, each the only one of its own later sentence, that can
    # add up to it (hedges as intervals)
    if not text:
        return []
    wanted = incidents_counted(stretch_text(text, total.quantity.start))
    if wanted < 2 or total.quantity.qualifier is Qualifier.RANGE:
        return []
    where = stretch_index(text, total.quantity.start)
    run: list[Figure] = []
    told: set[int] = set()
    for part in _starting_after(figures, total.quantity.end - 1):
        at = stretch_index(text, part.quantity.start)
        if at - where > _INCIDENT_SENTENCES or (len(run) == wanted and at not in told):
            break
        if not _comparable(total, part):
            continue
        if at == where or at in told or not _incident_toll(total, part, text):
            return []  # a count in the total's own sentence, or two in one: told otherwise
        run.append(part)
        told.add(at)
    if len(run) == wanted and sum_holds(total, run):
        return run
    return []


def _incident_toll(total: Figure, part: Figure, text: str) -> bool:
    """Whether a later count may be one incident's toll of the total: as stated, neither a
    sub-group of it nor added to it, counting what it counts, inside its places."""
    return (
        part.quantity.qualifier is not Qualifier.RANGE
        and part.quantity.interval()[1] <= total.quantity.interval()[1]
        and not is_subgroup(part, total)
        and not is_addition(text, part)
        and heads_match(head_of(total.counted), head_of(part.counted))
        and _within(part.locations, total.locations)
    )


# How many sentences after a total counting its incidents their tolls may stand.
_INCIDENT_SENTENCES = 6


def _stated_total(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Stated total"""
    if not text or not _exact(total):
        return []
    # "443 of the 879 inmates who escaped were recaptured, while 436 remain at large"
    before = [f for f in figures if f.quantity.end <= total.quantity.start]
    named = bool(before) and whole_follows(text, before[-1], total)
    if not named and not _says_total(text, total):
        return []
    near = _paragraph_neighbours(total, figures, text)
    same = [f for f in near if f.measure == total.measure]
    found = _unique_sum(total, same)
    if found or total.quantity.low < _CROSS_MEASURE_TOTAL:
        return found
    return _unique_sum(total, near)


def _says_total(text: str, total: Figure) -> bool:
    cue = find_cue(words_before(text, total, 16), "total")
    if cue is not None or find_cue(words_after(text, total, 30), "total") is not None:
        return True
    if _total_line(text, total):
        return True
    # "443 were recaptured and 436 are still at large, out of 879 who fled"
    before = words_before(text, total, 16)
    right = find_cue(before, "total_right_before")
    return right is not None and not before[right.end() :].strip(" (")


def _total_line(text: str, total: Figure) -> bool:
    """A table's line labelled as its total ("Total: 1,447", "Grand total - 96"; the labels are
    lexicons/check_cues.tsv kind total_label)."""
    opening = text[text.rfind("\n", 0, total.quantity.start) + 1 : total.quantity.start].strip()
    if not opening or opening[-1] not in ":-–—":
        return False
    label = opening[:-1].strip().lower()
    return any(p == label for p, k in read_table("check_cues.tsv", 2) if k == "total_label")


def _paragraph_neighbours(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Exact, smaller figures of the total's paragraph, nearest first in text order."""
    # a table's total line adds up the lines of its block, up to a blank line
    gap = "\n\n" if _total_line(text, total) else "\n"
    start = text.rfind(gap, 0, total.quantity.start) + len(gap)
    start = 0 if start < len(gap) else start
    end = text.find(gap, total.quantity.end)
    end = len(text) if end < 0 else end
    ordered = sorted(figures, key=lambda f: f.quantity.start)
    i = ordered.index(total)
    window = ordered[max(0, i - _TOTAL_WINDOW) : i] + ordered[i + 1 : i + 1 + _TOTAL_WINDOW]
    return [
        f
        for f in window
        if start <= f.quantity.start < end and _exact(f) and f.quantity.low < total.quantity.low
    ]


def _unique_sum(total: Figure, candidates: Sequence[Figure]) -> list[Figure]:
    """The one set of two to four candidates adding up exactly to the total, else none."""
    found = [
        list(combo)
        for size in range(2, 5)
        for combo in combinations(candidates, size)
        if _exactly(total, combo)
    ]
    return found[0] if len(found) == 1 else []


def _exactly(total: Figure, parts: Sequence[Figure]) -> bool:
    return all(map(_exact, parts)) and sum(p.quantity.low for p in parts) == total.quantity.low


# Qualifiers whose lower bound is the number as written.
_STATED_LOW = frozenset({Qualifier.EXACT, Qualifier.APPROXIMATE, Qualifier.AT_LEAST})


def _as_stated(figure: Figure) -> bool:
    """A number a list may add up as written: exact, or hedged as one bound or an estimate
    ("at least 28 children", "about 300 adults" among a breakdown's items)."""
    return figure.quantity.qualifier is not Qualifier.RANGE and (
        figure.quantity.qualifier in _STATED_LOW or figure.quantity.qualifier is Qualifier.MORE_THAN
    )


def _exact(figure: Figure) -> bool:
    return figure.quantity.qualifier is Qualifier.EXACT


def _groups_told_apart(total: Figure, figures: Sequence[Figure], text: str) -> list[Figure]:
    """Groups of the dead told one sentence after another"""
    # "40 people were killed. Two attackers were shot dead and another six were killed in a
    # chase. Among the dead were 27 holidaymakers, including 9 Germans. Five hotel staff were
    # also killed": a toll of people, then every later count of its measure and period in its
    # paragraph, over two sentences or more, three counts or more, that add up exactly - the
    # groups it was made of, attackers among them. A count listed under an item ("including 6
    # Germans") is the item's part and skipped; none may be a sub-group of the total.
    if not text or not _exact(total) or not head_of(total.counted).generic:
        return []
    where = sentence_index(text, total.quantity.start)
    end = text.find("\n", total.quantity.end)
    end = len(text) if end < 0 else end
    run: list[Figure] = []
    nested_at = -1  # the sentence of an item's "including" list, whose counts are the item's
    added = 0
    for part in _starting_after(figures, total.quantity.end - 1):
        at = sentence_index(text, part.quantity.start)
        last = sentence_index(text, run[-1].quantity.start) if run else where
        if part.quantity.start > end or at - last > _APART_SENTENCES:
            break
        if part.measure is not total.measure:
            continue
        if at == nested_at:
            continue
        if run and at == sentence_index(text, run[-1].quantity.start) and _included_in(
            run[-1], part, text
        ):
            nested_at = at
            continue
        if (
            not _comparable(total, part)
            or not _exact(part)
            or at == where
            or is_subgroup(part, total)
            or (not run and is_addition(text, part))
            or (part.time_text is not None and part.time_text != total.time_text)
            or (bool(part.locations) and not _within(part.locations, total.locations))
        ):
            return []  # another day's or place's count (a day no publication date resolves)
        run.append(part)
        added += part.quantity.low
        if added >= total.quantity.low:
            break
    told_in = {sentence_index(text, p.quantity.start) for p in run}
    if added == total.quantity.low and len(run) >= _APART_PARTS and len(told_in) >= 2:
        return run
    return []


# Groups told apart lie within this many sentences of the one before (the total for the first);
# three at least, so that an exact sum by chance is unlikely.
_APART_SENTENCES = 4
_APART_PARTS = 3


_SUM_RULES = (
    _remainder_parts,
    _parts_by_place,
    _parts_by_party,
    _casualty_parts,
    _exact_breakdown,
    _including_sum,
    _including_overshoot,
    _listed_parts,
    _stated_total,
    _list_told_later,
    _list_told_before,
    _tolls_of_places_within,
    _tolls_of_counted_incidents,
    _groups_told_apart,
)
