"""Two values for one thing within one document: updates and conflicts the text tells.

A report often gives a figure and, beside it, another value for the same thing: an earlier toll
("the health ministry earlier said 26 had been killed"), a rise ("the toll rose from 12 to 19"), a
correction ("three suspects, not five as first reported") or another source's count ("unofficial
sources put the figure at more than 300,000"). Each becomes a check of the document:
  * ``update`` (``holds`` true), ``whole`` the earlier value and ``part`` the one that replaced it;
  * ``conflict`` (``holds`` false), ``whole`` the figure the report states, ``part`` the rival one;
    two earlier values from different sources in one sentence conflict with each other too.
Only a cue of ``lexicons/check_cues.tsv`` (kinds ``earlier``, ``rival``, ``rise``) relates two
figures, never two different numbers alone: a report tells of many incidents and days. A bare
"initially" is such a cue only beside a verb of reporting ("Police initially said 15"); alone it
dates the event ("Initially, fifteen tourists were abducted"). The
partner of an earlier or rival value is the first figure of the document with the same measure,
a compatible counted head (``sameness.heads_match``), places one within the other and the same
period (an earlier value may carry a wrongly read period), not linked to it by a sum or subset.
Without a cue, two figures conflict only when they are plainly one thing told twice:
  * the headline's exact number and the body's first exact number of the same thing ("10 farmers
    killed" over "A total of 8 farmers were killed");
  * two named sources giving the same measure of the same counted people, at the same most
    specific places and the same stated period (or, where neither is dated, the same words of
    time or none), whose values cannot meet even with 10% slack for hedged numbers ("26 dead",
    the health chief said; "16 deaths", said the army spokesman), neither of them a part of a
    group just told ("55 of them") nor a count pointed back at ("those nine were militants"),
    and not the doers' and a state force's tolls ("gangs killed 1,217"; "police operations
    killed 412");
  * in a glued list of outlets' headlines ("Army kills 22 militants;Troops kill 21 militants;..."),
    two headlines' values of one thing (measure, counted head, doers, places one within the
    other) that cannot meet or are stated differently as plain numbers or lower bounds ("killing
    63", "At least 30 killed"), each value counted at its first statement; a headline telling one
    of the incidents another headline counts together ("in second mosque attack" after "two
    mosque attacks") gives a part of the first value told of them all (a subset), no rival.
A number that is part of a group named right after it ("11 of the injured") is no value of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from functools import cache

from newsledger.extract.places import expand_place, find_places, normalise_place
from newsledger.extract.reporting import reporting_verbs
from newsledger.lexicons import read_table
from newsledger.model import Check, CheckType, Figure, Qualifier
from newsledger.verify.cues import (
    cue_reach,
    find_cue,
    headline_index,
    headline_joints,
    one_of_the_incidents,
    other_incident_between,
    partitive,
    sentence_of,
    words_after,
)
from newsledger.verify.sameness import (
    APPROXIMATE_SLACK,
    HEADLINE_MAX_CHARS,
    head_of,
    heads_match,
    other_sources,
    values_meet,
)
from newsledger.verify.subsets import another_incident, combined_measures, leaves

# How far after a number "as first reported" may stand ("five, as first reported").
_AFTER_CHARS = 30


def relation_checks(
    figures: Sequence[Figure], text: str, checks: Iterable[Check] = (), near: int = 150
) -> list[Check]:
    """Update and conflict checks among one document's figures (see the module docstring);
    a value's partner is sought among the ``near`` figures before and after it."""
    if not text:
        return []
    ordered = sorted(figures, key=lambda f: f.quantity.start)
    linked = _linked(checks)
    found: dict[frozenset[str], Check] = {}
    told = [*_rises(ordered, text), *_told_values(ordered, text, linked, near)]
    told += [*_headline_values(ordered[:near], text), *_rival_sources(ordered, text, near)]
    told += _headline_list_values(ordered, text)
    for check in told:
        key = frozenset((check.whole or "", check.part or ""))
        if key not in found and key not in linked:
            found[key] = check
    return list(found.values())


def _linked(checks: Iterable[Check]) -> set[frozenset[str]]:
    """Pairs of figures a sum or subset already relates: parts are not rival values."""
    pairs: set[frozenset[str]] = set()
    for check in checks:
        ids = [i for i in (check.total, *check.parts, check.whole, check.part) if i]
        pairs.update(frozenset((a, b)) for a in ids for b in ids if a != b)
    return pairs


def _rises(figures: Sequence[Figure], text: str) -> Iterable[Check]:
    """'the toll rose from 12 to 19': the number right after the cue is the earlier value."""
    for old, new in itertools.pairwise(figures):
        start, end = sentence_of(text, old.quantity.start)
        if not start <= new.quantity.start < end:
            continue
        cue = find_cue(text[start : old.quantity.start], "rise")
        between = text[old.quantity.end : new.quantity.start]
        if (
            cue is not None
            and not text[start + cue.end() : old.quantity.start].strip(" (")
            and (re.fullmatch(r"\W*(?:[a-z]+\s+){0,2}to\W*", between, re.IGNORECASE))
        ):
            yield _update(old, new, "the text says the value rose")
        elif _rose_to(text, first=old, then=new, start=start):
            yield _update(new, old, "the text says the value rose")  # "to 58, up from 37"


def _rose_to(text: str, *, first: Figure, then: Figure, start: int) -> bool:
    """'the toll has risen to 58, up from 37': the new value (``first``) after "to", the earlier
    one (``then``) right after a rise cue ("up from") a few words on."""
    gap = text[first.quantity.end : then.quantity.start]
    cue = find_cue(gap, "rise")
    return (
        cue is not None
        and not gap[cue.end() :].strip(" (")
        # a few words, or a reporting clause ("to 19, the army said on Monday, up from 12")
        and re.fullmatch(r"[\s,;(–—-]*(?:[a-z]+,?\s+){0,6}", gap[: cue.start()], re.I) is not None
        and re.search(r"\b(?:to|at)\s*$", text[start : first.quantity.start]) is not None
    )


def _told_values(
    ordered: Sequence[Figure], text: str, linked: set[frozenset[str]], near: int
) -> Iterable[Check]:
    kinds = {f.id: _kind(text, f) for f in ordered}
    for i, figure in enumerate(ordered):
        kind = kinds[figure.id]
        if kind is None:
            continue
        figures = ordered[max(0, i - near) : i + near + 1]
        if kind == "corrected":
            partner = _corrected_partner(figure, figures, text)
            if partner is not None:
                yield _update(figure, partner, "the text gives this as the first report")
            continue
        partner = _main_figure(figure, figures, text, kinds, linked)
        if partner is not None and kind == "earlier":
            yield _update(figure, partner, "the text gives this as an earlier report")
        elif partner is not None:
            yield _conflict(partner, figure, "another source gives a different value")
        if kind == "earlier":
            yield from _earlier_rivals(figure, figures, text, kinds)


def _kind(text: str, figure: Figure) -> str | None:
    """'corrected', 'earlier' or 'rival' from the cues before (or right after) its number."""
    if find_cue(words_after(text, figure, _AFTER_CHARS), "earlier") is not None:
        return "corrected"  # "not five as first reported"
    # from its sentence's start, not past a sentence glued on without a space
    before = text[cue_reach(text, figure.quantity.start) : figure.quantity.start]
    if re.search(r"\bto\s*$", before):
        return None  # "rose to 19 from an earlier 12": the new value
    if _of_a_group(text, figure):
        return None  # "Two of the 12 initially killed and 11 of the injured": a part, no value
    if _earlier_report(before, words_after(text, figure, _AFTER_CHARS)):
        return "earlier"
    if find_cue(before, "rival") is not None:
        return "rival"
    return None


def _earlier_report(before: str, after: str) -> bool:
    """Whether the words before a number give it as an earlier report ("had earlier said 26",
    "the initial toll"). A bare "initially" tells that only beside a verb of reporting
    ("Officials initially said 50", "Initially 12 were reported dead"); otherwise it dates the
    event ("Initially, fifteen tourists were abducted ..., the captors released seven")."""
    found = find_cue(before, "earlier")
    while found is not None and found.group().lower() in _BARE_EARLIER:
        reporting = _reporting_pattern()
        if reporting.search(before[found.end() :]) or reporting.search(after):
            return True
        before = before[found.end() :]
        found = find_cue(before, "earlier")
    return found is not None


# Cues of an earlier value that may as well date the event itself.
_BARE_EARLIER = frozenset({"initially"})


@cache
def _reporting_pattern() -> re.Pattern[str]:
    # "released" and "showed" tell of captives and pictures as often as of reports
    verbs = [v for v in reporting_verbs().split("|") if v not in {"released", "showed", "shown"}]
    return re.compile(rf"\b(?:{'|'.join(verbs)})\b", re.IGNORECASE)



def _a_value_of_its_own(text: str, figure: Figure) -> bool:
    """Whether a number gives a count of its own, not a part of a group just told ("55 of
    them") nor a count told before, pointed back at ("those nine were militants")."""
    before = text[max(0, figure.quantity.start - 8) : figure.quantity.start]
    return not _of_a_group(text, figure) and _POINTED_BACK.search(before) is None


_POINTED_BACK = re.compile(r"\b(?:those|these)\s+$", re.IGNORECASE)


def _of_a_group(text: str, figure: Figure) -> bool:
    """Whether the number is a part of a group the text names right after it ("11 of the
    injured", "two of them")."""
    found = partitive(text, figure)
    return found is not None and found[0] in ("of the", "of them", "of whom")


def _corrected_partner(figure: Figure, figures: Sequence[Figure], text: str) -> Figure | None:
    """The value stated just before 'not five as first reported' in the same sentence."""
    start = sentence_of(text, figure.quantity.start)[0]
    before = [
        f
        for f in figures
        if start <= f.quantity.start < figure.quantity.start and f.measure == figure.measure
    ]
    return before[-1] if before else None


def _main_figure(
    figure: Figure,
    figures: Sequence[Figure],
    text: str,
    kinds: dict[str, str | None],
    linked: set[frozenset[str]],
) -> Figure | None:
    """The first figure the report states plainly (no cue) of the same thing, else None."""
    sentence = sentence_of(text, figure.quantity.start)
    # "282 were killed, by an AFP tally, although government figures said 131 died": a value of
    # the same sentence with the rival's cue told between the two comes first
    told_before = [
        main for main in figures
        if sentence[0] <= main.quantity.start
        and main.quantity.end <= figure.quantity.start
        and find_cue(text[main.quantity.end : figure.quantity.start], "rival") is not None
    ]
    for main in [*reversed(told_before), *figures]:
        if (
            kinds[main.id] is None
            and (not sentence[0] <= main.quantity.start < sentence[1] or main in told_before)
            and frozenset((main.id, figure.id)) not in linked
            and _same_thing(main, figure, loose_period=kinds[figure.id] == "earlier")
        ):
            return main if main.quantity.value != figure.quantity.value else None
    return None


def _earlier_rivals(
    figure: Figure, figures: Sequence[Figure], text: str, kinds: dict[str, str | None]
) -> Iterable[Check]:
    """Two earlier values from different sources in one sentence ("26, said one ministry, and
    16, said the other") conflict with each other."""
    sentence = sentence_of(text, figure.quantity.start)
    for other in figures:
        if (
            other.quantity.start > figure.quantity.start
            and other.quantity.start < sentence[1]
            and kinds[other.id] == "earlier"
            and other.quantity.value != figure.quantity.value
            and other_sources(figure.source, other.source)
            and _same_thing(figure, other, loose_period=False)
        ):
            yield _conflict(figure, other, "two earlier reports give different values")


def _headline_values(figures: Sequence[Figure], text: str) -> Iterable[Check]:
    """The headline's number against the body's first statement of the same thing."""
    line_end = text.find("\n")
    # A title is a short first line that does not end like a sentence.
    if not 0 < line_end <= HEADLINE_MAX_CHARS or text[:line_end].rstrip().endswith((".", '"', "”")):
        return
    for head in (f for f in figures if f.quantity.start < line_end and _exact(f)):
        body = [f for f in figures if f.quantity.start > line_end and _told_twice(head, f, text)]
        if body and _exact(body[0]) and body[0].quantity.value != head.quantity.value:
            yield _conflict(body[0], head, "the headline gives another value")


def _rival_sources(figures: Sequence[Figure], text: str, near: int) -> Iterable[Check]:
    """Two named sources' different values for one thing, in different sentences."""
    # Each figure's sentence, found once: a figure is compared with up to ``near`` before it.
    sentences = [sentence_of(text, f.quantity.start) for f in figures]
    own = [bool(f.source) and _a_value_of_its_own(text, f) for f in figures]
    for i, later in enumerate(figures):
        if not own[i]:
            continue  # asked first below: no pair of it can pass (most figures name no source)
        for j in range(max(0, i - near), i):
            first = figures[j]
            if (
                own[j]
                and first.measure == later.measure  # asked again below; cheaper first
                and other_sources(first.source, later.source)
                and sentences[j] != sentences[i]
                and _told_twice(first, later, text, undated=True)
                and not values_meet(first, later)
                # "A car bomb killed 40 ... A second blast killed 9": two incidents' tolls
                and not another_incident(text, first, later)
            ):
                yield _conflict(first, later, "two sources give different values")
                break


def _headline_list_values(figures: Sequence[Figure], text: str) -> list[Check]:
    """A list of headlines on one event (a single line, joined by glued semicolons): each is
    another outlet's report, so their values for one thing that cannot meet conflict."""
    if not headline_joints(text):
        return []
    found: list[Check] = []
    told: list[tuple[int, Figure]] = []  # each value's first statement, with its headline
    # "At least six soldiers killed;Six soldiers killed": the bound is the bare count told again
    bare = {(f.measure, f.quantity.value) for f in figures if _exact(f)}
    for later in figures:
        if not _exact(later) and (later.measure, later.quantity.value) in bare:
            continue
        where = headline_index(text, later.quantity.start)
        same = [(at, first) for at, first in told if _one_event_thing(first, later)]
        if any(_same_value(first, later) for _, first in same):
            continue  # the value told again by another outlet
        # "Bombings hit mosques, killing 63;...;toll of the bombing at the Ghor mosque rises to
        # 33": one incident's toll, a part of the first value told of them all, no rival value
        whole = next((f for at, f in same if _one_of_the_incidents(text, at, where)), None)
        if whole is not None:
            found.append(_part(whole, later))
            continue
        found.extend(
            _conflict(first, later, "two headlines give different values")
            for at, first in same
            if at != where
            and _rival_values(first, later)
            and _headlines_place_alike(text, at, where)
            and not _one_of_the_incidents(text, where, at)
        )
        told.append((where, later))
    return found


def _rival_values(first: Figure, later: Figure) -> bool:
    """Two outlets' values of one thing are rivals when they cannot meet, or when both are
    bounds or plain numbers stated differently ("At least 30 killed" against "Over 40 dead" or
    "killing 63") by more than a hedge's slack: each outlet gives its own count, not a bound of
    the other's."""
    a, b = first.quantity.value, later.quantity.value
    return not values_meet(first, later) or (
        first.quantity.qualifier in _STATED
        and later.quantity.qualifier in _STATED
        # "At least 21" beside "23": within the slack of a hedge, the same count told again
        and abs(a - b) > APPROXIMATE_SLACK * max(a, b)
    )


# Qualifiers of a count as an outlet states it: a plain number or a lower bound.
_STATED = frozenset({Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.MORE_THAN})


def _one_of_the_incidents(text: str, several: int, one: int) -> bool:
    """Whether headline ``one`` singles out one of the incidents headline ``several`` counts
    together: by an ordinal ("in second mosque attack") or at a place within all the other
    names ("bombing at a mosque in Ghor" under "bombings in Afghanistan"); "the bombing" of the
    same places as "two massacres" is the same event told otherwise."""
    if not one_of_the_incidents(text, several, one):
        return False
    inner, outer = _headline_places(text, one), _headline_places(text, several)
    narrower = bool(inner) and bool(outer) and _within(inner, outer) and not _within(outer, inner)
    return narrower or other_incident_between(text, *_headline_span(text, one))


def _headline_span(text: str, index: int) -> tuple[int, int]:
    joints = (0, *headline_joints(text), len(text))
    return joints[index], joints[index + 1]


def _headlines_place_alike(text: str, one: int, other: int) -> bool:
    """Whether no place one headline names lies outside every place the other names ("... in
    Bab, Aleppo, and clashes near Deir al-Zour airport" counts more than "... in Bab, Aleppo");
    a headline that names no place restricts nothing."""
    named = [_headline_places(text, index) for index in (one, other)]
    if not all(named):
        return True
    return all(
        _within([name], named[1 - i]) or any(_within([there], [name]) for there in named[1 - i])
        for i, places in enumerate(named)
        for name in places
    )


def _headline_places(text: str, index: int) -> list[str]:
    """The most specific places named in the ``index``-th headline of a glued list ("Gao, Mali":
    Gao)."""
    joints = (0, *headline_joints(text), len(text))
    return leaves([m.place.name for m in find_places(text[joints[index] : joints[index + 1]])])


def _one_event_thing(a: Figure, b: Figure) -> bool:
    """Same measure, counted heads and doers, places one within the other; periods alike."""
    return (
        a.measure == b.measure
        and heads_match(head_of(a.counted), head_of(b.counted))
        and (a.actor is None or b.actor is None or a.actor == b.actor or _unnamed_doers(a, b))
        and (_within(a.locations, b.locations) or _within(b.locations, a.locations))
        and (a.period_end is None or b.period_end is None or _same_period(a, b))
    )


def _same_value(a: Figure, b: Figure) -> bool:
    return a.quantity.interval() == b.quantity.interval()


def _told_twice(a: Figure, b: Figure, text: str, *, undated: bool = False) -> bool:
    """Plainly one thing: same measure, counted head, most specific places and stated period
    (``undated``: or, where neither period is known, the same time expression or none at all);
    neither a combined count ("killed or injured") nor marked by a cue."""
    return (
        a is not b
        and a.measure == b.measure
        and head_of(a.counted).name == head_of(b.counted).name
        and (a.actor is None or b.actor is None or a.actor == b.actor or _unnamed_doers(a, b))
        and _same_places(a.locations, b.locations)
        and (_same_period(a, b) or (undated and _same_undated_time(a, b)))
        and not combined_measures(text, a)
        and not combined_measures(text, b)
        and _kind(text, a) is None
        and _kind(text, b) is None
    )


def _same_period(a: Figure, b: Figure) -> bool:
    return a.period_end is not None and (a.period_start, a.period_end) == (
        b.period_start,
        b.period_end,
    )


def _same_undated_time(a: Figure, b: Figure) -> bool:
    """Neither period known, and the same words of time or none ("126 killed", an official
    said; "12 killed", said the governor's spokesman, of one undated story's attack)."""
    return (
        a.period_end is None
        and b.period_end is None
        and (a.time_text or "").lower() == (b.time_text or "").lower()
    )


def _same_places(a: Sequence[str], b: Sequence[str]) -> bool:
    return {normalise_place(n) for n in leaves(a)} == {normalise_place(n) for n in leaves(b)}


def _exact(figure: Figure) -> bool:
    return figure.quantity.qualifier is Qualifier.EXACT


def _same_thing(a: Figure, b: Figure, *, loose_period: bool) -> bool:
    """Same measure, compatible counted heads and places, and the same period."""
    same_period = (a.period_start, a.period_end) == (b.period_start, b.period_end)
    no_period = a.period_end is None or b.period_end is None
    return (
        a is not b
        and a.measure == b.measure
        and heads_match(head_of(a.counted), head_of(b.counted))
        and (a.actor is None or b.actor is None or a.actor == b.actor or _unnamed_doers(a, b))
        and (_within(a.locations, b.locations) or _within(b.locations, a.locations))
        and (same_period or no_period or loose_period)
    )


@cache
def _doer_words() -> frozenset[str]:
    """Words that name doers without naming a group ('gunmen', 'attackers'; roles.tsv attacker)."""
    return frozenset(w.lower() for w, kind in read_table("roles.tsv", 2) if kind == "attacker")


def _unnamed_doers(a: Figure, b: Figure) -> bool:
    """'suspected gunmen' and 'the attackers', 'suspected Islamists' and 'ADF' of one story: doers
    told by their kind (a roles.tsv attacker, a noun of '-ists') may be the others, in other
    words; a state's force ("police", "the army"; roles.tsv arrester) is never the doers'
    other name."""
    if any(actor is not None and _state_force(actor) for actor in (a.actor, b.actor)):
        return False  # "gangs killed 1,217"; "police operations killed 412": two doers
    return any(actor is not None and _kind_of_doers(actor) for actor in (a.actor, b.actor))


def _state_force(actor: str) -> bool:
    """A state's force named by its kind ("police", "the army"; roles.tsv arrester)."""
    return actor.lower().split()[-1] in _arrester_words()


@cache
def _arrester_words() -> frozenset[str]:
    return frozenset(w.lower() for w, kind in read_table("roles.tsv", 2) if kind == "arrester")


def _kind_of_doers(actor: str) -> bool:
    word = actor.lower().split()[-1]
    return word in _doer_words() or word.endswith("ists")


def _within(inner: Sequence[str], outer: Sequence[str]) -> bool:
    if not inner or not outer:
        return True
    keys = {normalise_place(name) for name in outer}
    return all(expand_place(name) & keys for name in inner)


def _update(earlier: Figure, newer: Figure, why: str) -> Check:
    return Check(
        doc=newer.doc,
        type=CheckType.UPDATE,
        holds=True,
        whole=earlier.id,
        part=newer.id,
        reason=f"{earlier.quantity.number_text} replaced by {newer.quantity.number_text}: {why}",
    )


def _part(whole: Figure, part: Figure) -> Check:
    holds = part.quantity.interval()[0] <= whole.quantity.interval()[1]
    return Check(
        doc=part.doc,
        type=CheckType.SUBSET,
        holds=holds,
        whole=whole.id,
        part=part.id,
        reason=f"{part.quantity.number_text} is one incident's toll within "
        f"{whole.quantity.number_text}, the headlines' count of them all",
    )


def _conflict(main: Figure, rival: Figure, why: str) -> Check:
    return Check(
        doc=main.doc,
        type=CheckType.CONFLICT,
        holds=False,
        whole=main.id,
        part=rival.id,
        reason=f"{main.quantity.number_text} vs {rival.quantity.number_text}: {why}",
    )


__all__ = ["relation_checks"]
