"""Subset checks within one document: a figure for part of what another figure counts.

Rules the text tells, in order (the first that gives a part its whole wins; each is a function
below):
  1. partitive: a number the text attaches to the figure just stated ("(6,828) of whom", "seven
     of them", "among them, 19,480", "Most of them - 211 -", "Of those, 120", "Among the still
     detained persons, (230)") lies within it, whatever either counts; words naming the group
     ("Of the injured, 10") pick a whole of that measure; parts of one list ("112 of them ...,
     while 99 of them") share their whole, and a whole restated ("Of the 305 victims") is the
     figure first stated; a group named far back ("Of the civilians killed, 363") is sought a
     few sentences back, as the whole toll rather than a part of its sum (unless the group names
     that part's people: "Among the militants killed, 44"), and "N of them" is of the count of
     its own time; told a sentence after a breakdown, it is of the breakdown's total, not of its
     last item ("6,210 from one town and 3,636 from another. Women made up 5,320 of them");
  2. "5 of the 12 crew": the number after "of the" is the whole; and "Among the 40 injured were
     9 children", "Of the 97 who escaped, 64 ...": the number the sentence opens on is;
  3. including: the numbers of an "including" list lie within the figure before the list (its
     items only: right after the cue or a joiner, never in a clause of their own; worded items
     may come first, "including the driver, his assistant and two traders"); a figure kept at a
     later restatement holds the list of its first statement;
  4. still held: people "still in detention" are part of those just said to be arrested, people
     "still in hospital" of the injured; "the remaining 2" captives (not a toll's "remaining two",
     siblings of a part) are part of the count of their measure a sentence or two before;
  5. combined measures: a figure of people "killed, injured or kidnapped" holds the later figures
     of one of those measures over the same period and places.
Rules of the figures' fields:
  6. by place: a figure for a place inside another figure's places (or inside the report's first
     toll of the measure, placed nowhere or in the report's one country), same measure, a
     period within the whole's and compatible counted heads (305 killed in one region within
     3,790 in the country; a longer period's count in the same places only when told before the
     part; never a count told as added to another, "Another 27 were killed in occupied areas").
     A part may have this whole besides a told one of another measure;
  7. sub-groups ("senior leaders" within "operatives", "children" within "civilians"), stated in
     another sentence than the whole (items of one list are siblings), and a later, smaller count
     of the body's first toll by the same source and party, unless the text adds it to the toll
     ("five more people died", "another 3"); and a count of one kind of people ("four
     firefighters") a sentence or two before or after the document's first toll of its measure
     and period that counts anybody ("27 people"), unless it is one item of a list or the
     attackers. A count told again (same measure and number) is no part of itself.
Rules 5-7 relate no two named sources' counts of the same places (two accounts, unless the part is
a sub-group), no attack's doers to its victims' toll (rule 6), and no two headlines of a glued list
of outlets' headlines (any rule).
No rule relates, untied by the text, a toll to a later count whose sentence names another
incident ("A second blast killed 9"), unless the toll's sentence counts several ("twin bombs").
A part larger than its whole is a failing check only when the text ties them (rules 1-3 in one
sentence); otherwise no whole is chosen rather than claiming a failure the text does not make.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from newsledger.extract.parties import actor_kind
from newsledger.extract.places import (
    expand_place,
    lookup_place,
    normalise_place,
    place_context,
)
from newsledger.lexicons import read_table
from newsledger.memo import per_text
from newsledger.model import STOCK_MEASURES, Check, CheckType, Figure, Measure
from newsledger.verify.cues import (
    counts_incidents,
    cue_reach,
    find_cue,
    has_cue,
    headline_index,
    is_addition,
    is_baseline,
    is_rate,
    opens_sentence,
    other_incident_between,
    partitive,
    partitive_cue,
    same_clause,
    sentence_index,
    sentence_of,
    sentence_text,
    stretch_index,
    whole_follows,
    words_after,
    words_before,
)
from newsledger.verify.sameness import HEADLINE_MAX_CHARS, head_of, heads_match, other_sources

Pair = tuple[Figure, Figure]  # (whole, part)


@dataclass(frozen=True)
class Window:
    """A document's figures in text order, and those near each one (so that checks take time
    linear in a document's length)."""

    figures: Sequence[Figure]
    near: int
    totals: dict[str, str]  # a sum's part -> its total (ids), from the sum checks

    def roots(self, candidates: Sequence[Figure], limit: int) -> list[Figure]:
        """Each candidate replaced by the total of the sum it is a part of, and that one by its
        own total, as long as the total counts the same measure and is stated before ``limit``
        ("Among those killed were 8 senior leaders": the 44 killed, not "14 in Syria", a part
        of those 44)."""
        by_id = {f.id: f for f in self.figures}
        found: list[Figure] = []
        for figure in candidates:
            climbed = {figure.id}
            while (total := by_id.get(self.totals.get(figure.id, ""))) is not None:
                if (
                    total.quantity.start >= limit
                    or total.id in climbed
                    or total.measure is not figure.measure
                ):
                    break  # "1,204 casualties" holds the 311 killed, but counts no more killed
                climbed.add(total.id)
                figure = total
            if figure not in found:
                found.append(figure)
        return sorted(found, key=lambda f: f.quantity.start)

    def before(self, index: int) -> Sequence[Figure]:
        """The figures before the one at ``index``, at most ``near`` of them."""
        return self.figures[max(0, index - self.near) : index]

    def after(self, index: int) -> Sequence[Figure]:
        """The figures after the one at ``index``, at most ``near`` of them."""
        return self.figures[index + 1 : index + 1 + self.near]

    def around(self, index: int) -> Sequence[Figure]:
        """The figures near the one at ``index``, itself included."""
        return self.figures[max(0, index - self.near) : index + 1 + self.near]


# Words of sub-groups of a population ("children", "boys", "women", "senior", "leaders"), and their
# classes ("child", "woman", "leader"): the subgroup kind of lexicons/count_heads.tsv.
SUBGROUPS = frozenset(
    word for row in read_table("count_heads.tsv", 3) if row[2] == "subgroup" for word in row[:2]
)

_HARM_WORDS = r"(?:killed|dead|injured|wounded|maimed|hurt|kidnapped|abducted)"
# "86 children were killed or maimed": the counted noun phrase (up to three words, none a harm
# word nor "and"/"or": "6 officers and kidnapped or hurt 12" joins no harms of the 6) may stand
# between the number and the harms.
_COMBINED = re.compile(
    rf"^\W*(?:(?!(?:{_HARM_WORDS}|and|or)\b)[a-z][a-z'-]*\s+){{0,3}}?(?:were\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:reported\s+)?"
    rf"({_HARM_WORDS}"
    r"(?:\s*,\s*|\s+or\s+|\s+and\s+|\s*,\s*or\s+|\s*,\s*and\s+)"
    rf"{_HARM_WORDS}"
    r"(?:(?:\s*,\s*or\s+|\s*,\s*and\s+|\s+or\s+|\s+and\s+)"
    r"(?:killed|injured|wounded|maimed|hurt|kidnapped|abducted))?)\b",
    re.IGNORECASE,
)
_MEASURE_WORDS = {
    "killed": Measure.KILLED,
    "dead": Measure.KILLED,
    "injured": Measure.INJURED,
    "wounded": Measure.INJURED,
    "maimed": Measure.INJURED,
    "hurt": Measure.INJURED,
    "kidnapped": Measure.KIDNAPPED,
    "abducted": Measure.KIDNAPPED,
}


def subset_checks(
    figures: Sequence[Figure], text: str, taken: Iterable[Pair] = (), near: int = 150
) -> list[Check]:
    """Subset checks among one document's figures; ``taken`` pairs already related by a sum;
    a whole is sought among the ``near`` figures before and after a part."""
    taken = list(taken)
    if text:  # "86 ..., compared with 61 last year. Of those abducted, 30 ...": not of the 61
        figures = [f for f in figures if not is_baseline(text, f)]
    seen = {(w.id, p.id) for w, p in taken}
    totals = {p.id: w.id for w, p in taken}
    checks = []
    for whole, part, tied in _pairs(figures, text, near, totals):
        if (whole.id, part.id) in seen or whole is part:
            continue
        if _other_headlines(text, whole, part):
            continue  # two outlets' reports of one event: no part of each other
        if totals.get(whole.id) is not None and totals.get(whole.id) == totals.get(part.id):
            continue  # two parts of one sum ("30 in Iraq", "14 in Syria") are siblings
        if not tied and (
            _rival_values(whole, part)
            or another_incident(text, whole, part)
            or (bool(text) and (is_rate(text, whole) or is_rate(text, part)))
        ):
            continue
        if _restated_value(whole, part):
            continue
        holds = part.quantity.interval()[0] <= whole.quantity.interval()[1]
        if holds or (tied and _whole_stated_with(text, whole, part)):
            seen.add((whole.id, part.id))
            checks.append(_subset(whole, part, holds))
    return checks


Found = Iterable[tuple[Figure, Figure, bool]]


def _whole_stated_with(text: str, whole: Figure, part: Figure) -> bool:
    """Whether the text states the whole's number with the part's ("12 of the 10 victims"): only
    then is a part larger than its whole the text's own contradiction. A whole found by
    reference ("nine of the captives" after "four more captives") that is smaller than
    its part was the wrong one to find, and no failure is claimed (issue 9, sums31)."""
    return bool(text) and whole_follows(text, part, whole)


def _restated_value(whole: Figure, part: Figure) -> bool:
    """Whether the part restates the whole (same measure, same number as stated: "abducted 3
    aid workers ... kidnapping 3 of them"): told again, the count is no part of itself."""
    return part.measure is whole.measure and part.quantity.interval() == whole.quantity.interval()


def _pairs(figures: Sequence[Figure], text: str, near: int, totals: dict[str, str]) -> Found:
    """(whole, part, tied by the text in one sentence) for every rule, in rule order. A part
    gets one whole from the rules the text tells and may get one more by place, unless its told
    whole counts what it counts (then the place whole is the told whole's: "(305) killed in
    Magway" within the country's toll, not also "(112) of them")."""
    window = Window(sorted(figures, key=lambda f: f.quantity.start), near, totals)
    told: dict[str, Figure] = {}
    for rule in _TOLD_RULES:
        for whole, part, tied in rule(window, text):
            if rule is _combined and _two_accounts(whole, part):
                continue
            if part.id not in told:
                told[part.id] = whole
                yield whole, part, tied
    # A part of a sum has its whole in the sum's total: a whole found by fields alone would
    # be the total's own whole ("4 Israeli journalists", one of the 68 killed in Gaza, is no
    # separate part of the year's 94).
    placed: set[str] = set(window.totals)
    for whole, part, tied in _by_place(window, text, told):
        first = told.get(part.id)
        if _two_accounts(whole, part):
            continue
        if part.id not in placed and (first is None or first.measure is not part.measure):
            placed.add(part.id)
            yield whole, part, tied
    for whole, part, tied in _by_subgroup(window, text):
        if part.id not in told and part.id not in placed and not _two_accounts(whole, part):
            told[part.id] = whole
            yield whole, part, tied
    for whole, part, tied in _whole_told_after(window, text):
        if part.id not in told and part.id not in placed and not _two_accounts(whole, part):
            told[part.id] = whole
            yield whole, part, tied


def _other_headlines(text: str, whole: Figure, part: Figure) -> bool:
    """Whether the two lie in different headlines of a glued list of outlets' headlines."""
    return bool(text) and headline_index(text, whole.quantity.start) != headline_index(
        text, part.quantity.start
    )


def another_incident(text: str, earlier: Figure, later: Figure) -> bool:
    """Whether the later figure's sentence tells of another incident than the earlier figure's
    ("A car bomb killed 40 ... A second blast killed 9"): no part, no rival value of it, unless
    the earlier one's own sentence counts several ("twin blasts killed 49": each blast's toll is
    part of it)."""
    if not text:
        return False
    start = max(earlier.quantity.end, sentence_of(text, later.quantity.start)[0])
    return other_incident_between(text, start, later.quantity.start) and not counts_incidents(
        sentence_text(text, earlier)
    )


def _two_accounts(whole: Figure, part: Figure) -> bool:
    """Two named sources' counts of the same places related by their fields alone: the smaller
    is another account ("at least 50 killed or wounded" in the province, an official said; "12
    killed" there, said the governor's spokesman), not a part of the larger, unless it counts a
    sub-group ("six children") or a place within the larger's ("187 in Jonglei")."""
    return (
        other_sources(whole.source, part.source)
        and {normalise_place(n) for n in leaves(part.locations)}
        == {normalise_place(n) for n in leaves(whole.locations)}
        and not is_subgroup(part, whole)
    )


# --------------------------------------------------------------------------- 1-3. told by the text


def _partitive(window: Window, text: str) -> Found:
    if not text:
        return
    figures = window.figures
    found = {f.id: partitive(text, f) for f in figures}
    cues = {key: value[0] if value else None for key, value in found.items()}
    # "Five of the wounded died ... 11 of the injured remain in intensive care": a later part of
    # a group naming the same harm belongs to the whole found for the first, however far back
    named_wholes: dict[frozenset[Measure], Figure] = {}
    # whether each figure is told alone: asked of up to ``near`` figures before every part
    alone: dict[str, bool] = {}
    part_of: dict[str, Figure] = {}  # each part found so far -> its whole

    def told_alone(figure: Figure) -> bool:
        if figure.id not in alone:
            alone[figure.id] = _told_alone(text, figure)
        return alone[figure.id]

    for i, part in enumerate(figures):
        cue = cues[part.id]
        if cue is None:
            continue
        where = sentence_index(text, part.quantity.start)
        # Parts of one list carry the same cue and share the whole; a different cue nests.
        # an earlier toll the text replaces ("Police said earlier that 26 had been killed")
        # holds no part of the current one
        before = [f for f in window.before(i) if not _replaced(text, f)]
        earlier = [
            f
            for f in before
            if where - _last_sentence_before(text, f, part.quantity.start) <= 1
            and cues[f.id] != cue
        ]
        # "Among the injured, 10": the whole is a figure of the injured, the nearest one in the
        # paragraph when none is in the sentences at hand ("Of the civilians killed, 363 ...").
        group = _group_words(found[part.id])
        named = _named_measures(group)
        if (
            not named
            and (cue.startswith("among") or (cue == "of the" and _harm_follows(text, part)))
            and has_cue(group, "victims_any")
        ):
            # "Among the victims were 23 soldiers" (killed): the toll, not the wounded ("seven
            # of the victims" may be a part of a sum: "buried seven of the victims, and five
            # bodies were recovered"), unless a verb to be tells their harm right after the group
            # ("Three of the victims were critically injured": of the toll of the injured)
            named = {part.measure} if part.measure in _HARM_MEASURES else set()
        # "Among the casualties, six were killed" where no count of the casualties is at hand:
        # the whole is the toll of the part's own harm ("around 40 killed")
        if (
            named == {Measure.OTHER}
            and part.measure in _HARM_MEASURES
            and not any(f.measure is Measure.OTHER for f in before)
        ):
            named = {part.measure}
        headed: list[Figure] = []  # wholes whose counted head the group's words name
        if named:
            # "More than 45,000 refugees have arrived ... About 1,200 arrived in the past 24
            # hours alone. 600 of the new arrivals ...": a group named again is the whole's, not
            # that of a count told as a part of it ("alone")
            near = [f for f in earlier if f.measure in named and not told_alone(f)]
            far = _nearest_named(part, [f for f in before if not told_alone(f)], named, group, text)
            # "Of the civilians killed": a toll of civilians rather than "427 deaths" nearer,
            # even a few sentences back; "Among those killed": the whole toll rather than its
            # last part by place
            headed = [f for f in near if _names_head(group, f)] or [
                f for f in far if _names_head(group, f)
            ]
            earlier = (
                headed
                or near
                or far
                or [w for w in [named_wholes.get(frozenset(named))] if w is not None]
            )
            # "Among the militants killed, 44": the part of the toll that counts militants, no
            # climbing from it to the toll it is a part of (issue 9, checks32)
            if _PARTICIPLES & set(group.split()) and not headed:
                earlier = window.roots(earlier, part.quantity.start)
        elif cue == "of the":
            # "1,500 of the arrivals": a group the words name, else one counted by that noun
            earlier = [f for f in earlier if head_of(f.counted).name == head_of(group).name]
        # "Among those still at large are 64": the figure whose own words the group repeats
        # ("436 remain at large"), not "443 have been recaptured" nor their total
        earlier = [f for f in earlier if _echoes(group, f, text)] or earlier
        # "Two of the victims", "Of them, 310": the whole counts a kind the part belongs to, not
        # a sub-group just told ("4 women", "980 men" of the toll before them)
        earlier = [f for f in earlier if _kind_holds(f, part, group)] or earlier
        # "456,000 of them" (now), not of the "838,548 at the end of January" before it
        earlier = [f for f in earlier if _ends_together(f, part)] or earlier
        # a group in words may be an item's ("Chad hosts 650,000 of the refugees", "among those
        # still at large"): only a bare pronoun climbs
        if not named and not group:
            earlier = _whole_of_a_breakdown(earlier, part, window, text, part_of)
        whole = _first_holding(part, earlier[::-1])
        if whole is not None and named:
            named_wholes.setdefault(frozenset(named), whole)
        if whole is not None:
            tied = _last_sentence_before(text, whole, part.quantity.start) == where
            whole = _restated(whole, window.before(i))
            part_of.setdefault(part.id, whole)
            yield whole, part, tied
            for item in _listed_with(part, window.after(i), text, cues, whole):
                if item.quantity.interval()[0] > whole.quantity.interval()[1]:
                    break
                part_of.setdefault(item.id, whole)
                yield whole, item, tied


def _whole_of_a_breakdown(
    candidates: list[Figure],
    part: Figure,
    window: Window,
    text: str,
    part_of: dict[str, Figure],
) -> list[Figure]:
    """A partitive told in a later sentence than its nearest candidate whole refers to the
    group the text was telling of, not to the last item of its breakdown: "9,846 displaced,
    6,210 from one town and 3,636 from another. Women made up 5,320 of them" (the 9,846, the
    sum's total); "4,530 of the prisoners were in Yangon and 3,870 in Mandalay. At least 142 of
    those held ..." (the whole of those parts, not the last of them; nor a whole of fewer places
    than the part's). A lone part is the group told of: "12 of the dead were children. Four of
    them ..." are of the 12. Only for a bare pronoun ("of them", "of whom"), no group's words."""
    if not candidates or not text:
        return candidates
    nearest = candidates[-1]
    if sentence_index(text, nearest.quantity.start) == sentence_index(text, part.quantity.start):
        return candidates  # "of whom", "including" in the whole's own sentence: as told
    climbed = window.roots(candidates, part.quantity.start)
    siblings = Counter(whole.id for whole in part_of.values())
    found: list[Figure] = []
    for figure in climbed:
        whole = part_of.get(figure.id)
        if whole is not None and whole.measure is figure.measure and siblings[whole.id] > 1:
            figure = whole
        if figure not in found:
            found.append(figure)
    # "Mandalay region for 3,870. At least 142 of those held" (in the country): a whole holds
    # the part's places
    found = [f for f in found if _within(leaves(part.locations), leaves(f.locations))] or found
    return sorted(found, key=lambda f: f.quantity.start)


# "Three of the victims were (critically injured)": the group's words, then a verb to be.
_HARM_AFTER_GROUP = re.compile(
    r"\s+of the\s+(?:[A-Za-z][\w-]*\s+){1,3}?(?:were|was|are|is|have been|had been)\s",
    re.IGNORECASE,
)


def _harm_follows(text: str, part: Figure) -> bool:
    """Whether a verb to be follows the partitive's group, telling what befell the part."""
    return _HARM_AFTER_GROUP.match(words_after(text, part, 60)) is not None


_ALONE = re.compile(r"^[^.;:]{0,60}?\balone\b", re.IGNORECASE)
# "In Gaza alone, 300", "The shelling alone killed 25": "alone" and at most a verb before
_ALONE_BEFORE = re.compile(r"\balone\s*,?(?:\s+[a-z]+)?\s*$", re.IGNORECASE)


def _told_alone(text: str, figure: Figure) -> bool:
    """Whether the figure's clause marks it as a part of a larger count ("1,200 arrived in the
    past 24 hours alone", "in Gaza alone, 300", "the shelling alone killed 25")."""
    return bool(
        _ALONE.match(words_after(text, figure, 60))
        or _ALONE_BEFORE.search(words_before(text, figure, 30)) is not None
    )


def _rival_values(whole: Figure, part: Figure) -> bool:
    """Two named sources' counts of one thing ("126 people were killed, an official said ...
    the spokesman said they killed 190 people"): the same measure and head word, the smaller no
    narrower a group, given by another source, is a rival value, not a part."""
    if whole.measure is not part.measure or not (whole.source and part.source):
        return False
    a, b = head_of(whole.counted), head_of(part.counted)
    if not a.name or a.name != b.name or a.subgroups != b.subgroups:
        return False
    return other_sources(whole.source, part.source)


def _rival(text: str, figure: Figure) -> bool:
    """Whether the text gives the figure as another source's value ("local sources put the
    toll at 65")."""
    return _cue_before(text, figure.quantity.start, "rival")


def _replaced(text: str, figure: Figure) -> bool:
    """Whether the text gives the figure as an earlier value ("said earlier that 26 ...")."""
    return _cue_before(text, figure.quantity.start, "earlier")


@per_text()
def _cues_before(text: str) -> dict[tuple[str, int], bool]:
    """(cue kind, position) -> whether the sentence holds a cue of that kind before the
    position, filled as asked: a part is compared with up to ``near`` figures before it, and
    each is asked again for every part."""
    return {}


def _cue_before(text: str, position: int, kind: str) -> bool:
    known = _cues_before(text)
    found = known.get((kind, position))
    if found is None:
        start = cue_reach(text, position)  # not past a glued sentence end
        found = known[kind, position] = find_cue(text[start:position], kind) is not None
    return found


def _listed_with(
    part: Figure,
    later: Sequence[Figure],
    text: str,
    cues: dict[str, str | None],
    whole: Figure | None = None,
) -> Iterable[Figure]:
    """The numbers listed right after a partitive's part, in its clause, that carry no cue of
    their own: "Among them are 22,000 indigenous people and 17,000 Afro-Colombians" (not the
    items after a colon or inside brackets, which break down the part: "Of them, 77 died in
    Gaza: 72 ...", "3 of them (2 agents and 1 driver)"). Of a whole of no measure, the items may
    tell other harms ("109 police were in the convoy. Of this number, nine were killed, 10
    wounded")."""
    any_harm = whole is not None and whole.measure is Measure.OTHER
    end = sentence_of(text, part.quantity.start)[1]
    previous = part
    for item in later:
        between = text[part.quantity.end : item.quantity.start]
        if (
            item.quantity.start >= end
            or between.count("(") > between.count(")")
            or cues[item.id] is not None
            or not same_clause(text, part.quantity.end, item.quantity.start)
            or not list_item(text, previous.quantity.end, item, True, labelled=True)
            or (item.measure is not part.measure and not any_harm)
            or _other_things(part, item)
        ):
            return
        yield item
        previous = item


def _other_things(part: Figure, item: Figure) -> bool:
    """A count of no measure naming a thing of its own after a part that names none ("Of those,
    14 have appeared in court, while 27 arrest warrants have been issued": the warrants are no
    people of the whole; "Among them are 22,000 indigenous people and 17,000 Afro-Colombians"
    are)."""
    return item.measure is Measure.OTHER and not part.counted and bool(item.counted)


# Group words that name people by what befell them ("those killed", "the civilians killed"):
# the whole is everyone it befell, so a part of a breakdown climbs to its total; a group named
# by a noun ("the refugees", "the arrivals") is the nearest figure of that kind.
_PARTICIPLES = frozenset(
    ["killed", "dead", "died", "slain", "injured", "wounded", "arrested", "detained",
     "abducted", "kidnapped", "displaced"]
)


# How far back a partitive naming its group ("Of the civilians killed, 363 ...") seeks its whole.
_NAMED_SENTENCES = 4
_NAMED_FAR_SENTENCES = 12


def _nearest_named(
    part: Figure, before: Sequence[Figure], named: set[Measure], group: str, text: str
) -> list[Figure]:
    """The nearest earlier figure of a measure the group words name, a few sentences back at
    most; one counting the group's noun first, sought farther back (a report's toll of
    civilians, paragraphs before "Of the civilians killed, 174 were women")."""
    found: list[Figure] = []
    where = sentence_index(text, part.quantity.start)
    for whole in reversed(before):
        back = where - sentence_index(text, whole.quantity.start)
        if back > _NAMED_FAR_SENTENCES:
            break
        if whole.measure in named:
            if _names_head(group, whole):
                return [whole]
            if back <= _NAMED_SENTENCES:
                found = found or [whole]
    return found


def _names_head(group: str, whole: Figure) -> bool:
    """Whether the group words name what the whole counts ("the civilians killed": civilians)."""
    named = {h.name for h in map(head_of, group.split()) if not h.generic}
    head = head_of(whole.counted)
    if not head.generic:
        return head.name in named
    # "the civilians killed" names "civilian casualties" (a generic head after its kind)
    return any(head_of(word).name in named for word in (whole.counted or "").split()[:-1])


# Words of a partitive's group that name no one in particular ("those still at large").
_GROUP_FILLER = frozenset(
    ["those", "these", "them", "still", "were", "have", "been", "people", "persons", "being"]
)


def _echoes(group: str, whole: Figure, text: str) -> bool:
    """Whether the group words repeat a word said of the whole right after its number, in its
    clause ("those still at large" and "436 remain at large")."""
    words = {w for w in group.split() if len(w) > 3 and w not in _GROUP_FILLER}
    if not words:
        return False
    said = re.split(r"[,;:.]|\d", text[whole.quantity.end : whole.quantity.end + 40], maxsplit=1)
    return bool(words & set(re.findall(r"[a-z]+", said[0].lower())))


def _kind_holds(whole: Figure, part: Figure, group: str) -> bool:
    """Whether every sub-group the whole names ("women", "children", "men") is one the part or
    the partitive's group words name too: victims are no kind of women, "the women" are."""
    named = subgroup_words(part) | head_of(group).subgroups
    return subgroup_words(whole) <= named


def _ends_together(whole: Figure, part: Figure) -> bool:
    """Whether two figures end at one time (or either does not say when)."""
    ends = (whole.period_end, part.period_end)
    return None in ends or ends[0] == ends[1]


def _group_words(found: tuple[str, str] | None) -> str:
    return found[1] if found else ""


_GROUP_MEASURES = {
    Measure.KILLED: (Measure.KILLED,),
    Measure.INJURED: (Measure.INJURED,),
    Measure.DETAINED: (Measure.DETAINED, Measure.HELD),
    Measure.KIDNAPPED: (Measure.KIDNAPPED,),
    Measure.DISPLACED: (Measure.DISPLACED,),
    Measure.POPULATION: (Measure.POPULATION,),
    Measure.OTHER: (Measure.OTHER,),  # "of the casualties": killed and injured together
}


def _named_measures(group: str) -> set[Measure]:
    """The measures a partitive's group words name ("the still detained persons": detained or
    held), from the group_* cues of lexicons/check_cues.tsv."""
    return {
        measure
        for kind, measures in _GROUP_MEASURES.items()
        if has_cue(group, f"group_{kind.value}")
        for measure in measures
    }


# What befalls the victims a victims_any word names ("among the victims").
_HARM_MEASURES = frozenset({Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED})


def _first_holding(part: Figure, candidates: Sequence[Figure]) -> Figure | None:
    """The nearest candidate the part fits in, else the nearest one (a failure to report)."""
    low = part.quantity.interval()[0]
    for whole in candidates:
        if low <= whole.quantity.interval()[1]:
            return whole
    return candidates[0] if candidates else None


def _restated(whole: Figure, figures: Sequence[Figure]) -> Figure:
    """'Of the (305) victims, ...': a whole that repeats an earlier figure's number is that one."""
    for earlier in figures:
        if earlier.quantity.start >= whole.quantity.start:
            break
        same_number = earlier.quantity.low == whole.quantity.low
        if (
            same_number
            and earlier.quantity.high == whole.quantity.high
            and earlier.measure
            in (
                whole.measure,
                Measure.OTHER,
            )
        ):
            return earlier
        if same_number and whole.measure is Measure.OTHER:
            return earlier
    return whole


def _whole_next(window: Window, text: str) -> Found:
    if not text:
        return
    for part, whole in itertools.pairwise(window.figures):
        if whole_follows(text, part, whole):
            yield whole, part, True


def _told_alone_part(window: Window, text: str) -> Found:
    """'The strikes killed 33 people in Gaza. In Khan Younis alone, 14 were killed': a count told
    "alone" is a part of the nearest larger count of its measure just before it (its sentence
    or the one before), of a period that holds its own."""
    if not text:
        return
    for i, part in enumerate(window.figures):
        if not _told_alone(text, part):
            continue
        where = sentence_index(text, part.quantity.start)
        for whole in reversed(window.before(i)):
            if where - sentence_index(text, whole.quantity.start) > 1:
                break
            if whole.measure is not part.measure:
                continue
            if not subgroup_words(whole) <= subgroup_words(part) or partitive_cue(text, whole):
                continue  # "Of them, 1,100,000 are children. The region alone hosts 520,000"
            if part.quantity.interval()[0] <= whole.quantity.interval()[1] and _period_within(
                part, whole
            ):
                yield whole, part, False
            break


def _whole_named_first(window: Window, text: str) -> Found:
    """'Among the 11,662 injured were 339 boys and 248 girls', 'Of the 97 prisoners who
    escaped, 64 have been recaptured': the number right after the cue is the whole, and the
    numbers after it in its clause are parts (those that fit: the order tells no failure).
    The whole may be a figure stated before and restated here ("killing nine and injuring 33.
    ... Of the 33 injured, 10 had gunshot wounds")."""
    if not text:
        return
    figures = window.figures
    starts = [f.quantity.start for f in figures]
    for whole in figures:
        for start, end in _mentions(whole):
            begin = max(sentence_of(text, start)[0], start - 14)
            before = text[begin:start]
            cue = find_cue(before, "whole_before")
            if (
                cue is None
                or before[cue.end() :].strip(" (")
                or not opens_sentence(text, begin + cue.start())
            ):
                continue
            stop = sentence_of(text, start)[1]
            for part in figures[bisect_right(starts, start) :]:
                if part.quantity.start >= stop or not same_clause(
                    text, end, part.quantity.start
                ):
                    break
                if part is not whole and (
                    part.quantity.interval()[0] <= whole.quantity.interval()[1]
                ):
                    yield whole, part, True


def _mentions(figure: Figure) -> list[tuple[int, int]]:
    """Where the figure's number is stated: first, then where it is restated (``also_at``)."""
    return [(figure.quantity.start, figure.quantity.end), *figure.also_at]


def _last_sentence_before(text: str, figure: Figure, position: int) -> int:
    """The sentence of the figure's last statement before ``position`` (a restatement nearer
    than its first statement: "43 peacekeepers killed" in the title, "Forty-three
    peacekeepers were killed ..., 28 of them" in the body)."""
    told = [start for start, _ in _mentions(figure) if start < position]
    return sentence_index(text, max(told) if told else figure.quantity.start)


def _including(window: Window, text: str) -> Found:
    if not text:
        return
    for i, last in enumerate(window.figures):
        previous = window.before(i)[-1:]
        coordinated = _coordinated(previous, last, text)
        for part in _including_any_mention(last, window, i, text):
            # "178 weapons and 3,412 rounds, including 61 rifles": the list is the weapons'
            whole = previous[0] if coordinated and _kind_of(part, previous[0]) else last
            # "killed 30, including 12 children, and injured 40": the list ends at another measure
            if not (_measures_fit(whole, part, text) and fits_whole(part, whole)):
                break
            if coordinated and whole is last and not _same_kind(part, whole):
                break  # "178 weapons and 3,412 shells, including 61 mortars": whose list?
            if part.quantity.interval()[0] > whole.quantity.interval()[1] and not _same_kind(
                part, whole
            ):
                break  # "219 weapons, comprising 74 rifles ..., as well as 4,328 rounds": a sibling
            yield whole, part, True


def _including_any_mention(whole: Figure, window: Window, index: int, text: str) -> list[Figure]:
    """The items of an "including" list after the figure's first statement or, when none
    follows it, after a restatement ("At least 15 people (including two students) were killed.
    ... 15 fatalities": the figure kept is the later, richer statement). Word items may come
    before the first number ("including the driver, his assistant and two passengers")."""
    parts = including_parts(whole, window.after(index), text, worded=True)
    if parts or not whole.also_at:
        return parts
    for start, end in whole.also_at:
        if start >= whole.quantity.start:
            continue  # a later restatement's list is found from the figures after it
        told = replace(whole, quantity=replace(whole.quantity, start=start, end=end))
        later = [f for f in window.figures if f.quantity.start >= end and f is not whole]
        parts = including_parts(told, later[: window.near], text, worded=True)
        if parts:
            return parts
    return []


def _kind_of(part: Figure, whole: Figure) -> bool:
    """Whether the part counts a kind of what the whole counts ("rifles" of "weapons"), by the
    last words of their counted phrases (lexicons/kinds.tsv)."""
    kinds = _kinds()
    words = (part.counted or "").lower().split()
    whole_words = set((whole.counted or "").lower().split())
    return any(
        kinds.get(" ".join(words[-n:]), "") in whole_words for n in (2, 1) if len(words) >= n
    )


@cache
def _kinds() -> dict[str, str]:
    return {part: whole for part, whole in read_table("kinds.tsv", 2)}


def _coordinated(previous: Sequence[Figure], whole: Figure, text: str) -> bool:
    """Whether the whole is the last of coordinated counts ("178 weapons and 3,412 rounds of
    ammunition, including ..."): then an including list may belong to either."""
    if not previous:
        return False
    before = previous[0]
    if sentence_index(text, before.quantity.start) != sentence_index(text, whole.quantity.start):
        return False
    return list_item(text, before.quantity.end, whole, True)


def _same_kind(part: Figure, whole: Figure) -> bool:
    """The part counts the whole's kind of thing, or a sub-group of it ("3 children" of "12
    civilians"), or one side says only "people"."""
    a, b = head_of(part.counted), head_of(whole.counted)
    return a.name == b.name or a.generic or b.generic or is_subgroup(part, whole)


def _measures_fit(whole: Figure, part: Figure, text: str) -> bool:
    """The part counts what the whole counts, or one measure of a combined whole, or the text
    does not say ('other' on either side)."""
    if Measure.OTHER in (whole.measure, part.measure) or whole.measure == part.measure:
        return True
    return part.measure in combined_measures(text, whole)


def including_parts(
    whole: Figure, later: Sequence[Figure], text: str, worded: bool = False
) -> list[Figure]:
    """The figures of an "including ..." list right after ``whole`` (``later``: the figures
    after it in text order): those after the cue in its clause. With ``worded``, items without
    a number may come first ("including the driver and two passengers": a subset, never a
    sum's parts, since the worded items are left out of them)."""
    if not text:
        return []
    start, end = sentence_of(text, whole.quantity.start)
    nxt = later[0].quantity.start if later else end
    cue = find_cue(text[whole.quantity.end : min(end, nxt)], "including")
    if cue is None:
        return []
    opened = whole.quantity.end + cue.end()
    if re.fullmatch(r"\s*:\s*", text[opened:end]):
        return _lines_after(opened, later, text)  # "including:" and a list one item a line
    parts: list[Figure] = []
    for part in later:
        if part.quantity.start >= end or not same_clause(text, opened, part.quantity.start):
            break
        if partitive_cue(text, part) in ("of whom", "of which", "of them"):
            break  # "(6,828) of whom": a part of the part, not of this whole
        if not list_item(
            text, parts[-1].quantity.end if parts else opened, part, bool(parts)
        ) and not (worded and not parts and list_item(text, opened, part, True)):
            break
        parts.append(part)
    return parts


def _lines_after(opened: int, later: Sequence[Figure], text: str) -> list[Figure]:
    """The items of a list set out one a line after "including:" ("- 40 students", "Civilians:
    61"), to the first blank line: each opens its line."""
    stop = text.find("\n\n", opened)
    stop = len(text) if stop < 0 else stop
    parts: list[Figure] = []
    for part in later:
        if part.quantity.start >= stop:
            break
        line = text[text.rfind("\n", 0, part.quantity.start) + 1 : part.quantity.start]
        if not _LINE_OPENING.fullmatch(line):
            break
        parts.append(part)
    return parts


# What may stand before an item's number on its line: a bullet, a label and its colon.
_LINE_OPENING = re.compile(r"\s*(?:[-•*·▪–—]\s*)?(?:[^\W\d][^:\d\n]{0,60}:\s*)?")


# An item's own words before a list joiner: "14 [in the Sambisa forest] and 9" (a few words).
_ITEM_WORDS = 6
# A hedge before a list item's number ("..., about 1,894 women").
_HEDGE = re.compile(
    r"(?<=[\s,(])(?:about|around|some|nearly|almost|roughly|approximately|at least|more than"
    r"|over|an estimated|up to)\s+$",
    re.IGNORECASE,
)
# A list item's name before its number: a few capitalised words ("South Sudan 410,000").
_LABEL = re.compile(r"(?<=[\s,])(?:[A-Z][\w'’.-]*\s+){1,3}$")
_JOINED = re.compile(r"(?:,|\band|\bor|\bplus|\bas well as|\balong with)\s*\(?\s*$", re.IGNORECASE)


def list_item(
    text: str, after: int, part: Figure, joined: bool, labelled: bool = False
) -> bool:
    """Whether the part's number is an item of the list: the first right after the cue
    ("including 5 children", not "including in Gao, where 12 died" nor "including the 2 April
    attack in which 40 were killed"), a later one right after a joiner that follows the previous
    item's few words ("12 children and four police officers", "14 in the forest and 9 near the
    lake"), and not the subject of a clause of its own ("..., and 120 were freed"). With
    ``labelled``, an item may be named before its number ("Chad hosts 570,000 of them, South
    Sudan 410,000 and Egypt 450,000")."""
    gap = text[after : part.quantity.start]
    if not joined:
        return not gap.strip(" \t(:–—-")
    gap = _HEDGE.sub("", gap)  # "2,844 men, about 1,894 women"
    if labelled:
        gap = _LABEL.sub("", gap)
    joiner = _JOINED.search(gap)
    if joiner is None:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", gap[: joiner.start()])
    if len(words) > _ITEM_WORDS or any(has_cue(w, "list_break") for w in words):
        return False
    first = re.match(r"\s*([A-Za-z]+)", words_after(text, part, 12))
    return first is None or not has_cue(first.group(1), "own_clause")


def _still_held(window: Window, text: str) -> Found:
    """'(1,603) people were arrested ... and (1,430) are still in detainment', '13 people were
    hurt ... 11 are still in hospital', 'abducted 3 ... The remaining 2': people still held (or
    still in the state the whole tells) and the rest are part of those the text just counted
    (same sentence or the next one)."""
    if not text:
        return
    for i, part in enumerate(window.figures):
        if part.id in window.totals:
            continue  # "Of them, 77 died in Gaza. The remaining 22": a sum's part already
        still = _still(text, part)
        # "Five died at the scene. The remaining two in hospital": the rest of a toll are the
        # siblings of its parts; of people held or abducted, what is left after some went free
        rest = part.measure not in _TOLLS and _the_rest(text, part)
        if not (still or rest):
            continue
        where = sentence_index(text, part.quantity.start)
        for whole in reversed(window.before(i)):
            back = where - sentence_index(text, whole.quantity.start)
            if back > (_REST_REACH if rest else 1):
                break
            if not _still_whole(whole, part, still) or (rest and not still and back == 0):
                continue  # "Five died at the scene and the remaining two ...": siblings
            if (
                not part.locations
                or not whole.locations
                or _within(leaves(part.locations), whole.locations)
            ) and _rest_of(whole, part, text):
                yield whole, part, sentence_index(text, whole.quantity.start) == where
            break


def _still_whole(whole: Figure, part: Figure, still: bool) -> bool:
    """Whether the whole counts what the part says is left: those detained for people still
    held, else the part's own measure (people still in hospital of the injured)."""
    if part.measure is Measure.HELD:
        return still and whole.measure is Measure.DETAINED
    return whole.measure is part.measure and part.measure is not Measure.OTHER


def _rest_of(whole: Figure, part: Figure, text: str) -> bool:
    """The whole is a count of its own, not a part told before ("Three of the victims died at
    the scene and the other four ...": the four are not of the three), nor a rest itself, and no
    smaller than the part."""
    return (
        partitive(text, whole) is None
        and not _the_rest(text, whole)
        and part.quantity.interval()[0] <= whole.quantity.interval()[1]
        and not _restated_value(whole, part)
    )


# How many sentences back "the remaining 2" may point at the count they are left of ("abducted
# 3 ... Hours later the group released one ... The remaining 2 were taken").
_REST_REACH = 2
_TOLLS = frozenset({Measure.KILLED, Measure.INJURED})
# "the other four" names siblings of a part just told as often as what is left of a whole.
_REST = re.compile(r"\b(?:remaining|rest)\b", re.IGNORECASE)


def _the_rest(text: str, figure: Figure) -> bool:
    """Whether the figure is what is left of a count ("the remaining 2", "the rest, 12")."""
    before = words_before(text, figure, 20)
    cue = find_cue(before, "remainder")
    return (
        cue is not None
        and not before[cue.end() :].strip(" ,(")
        and _REST.search(cue.group(0)) is not None
    )


def _still(text: str, figure: Figure) -> bool:
    """'(1,430) are still in detainment', '40 remain in custody', 'still held 40'."""
    after = find_cue(words_after(text, figure, 20), "still")
    before = find_cue(words_before(text, figure, 12), "still")
    return (after is not None and after.start() <= 8) or before is not None


# --------------------------------------------------------------------------- 4-6. told by fields


def _combined(window: Window, text: str) -> Found:
    if not text:
        return
    for i, whole in enumerate(window.figures):
        named = combined_measures(text, whole)
        if not named:
            continue
        for part in window.after(i):
            same_time = (part.period_start, part.period_end) == (
                whole.period_start,
                whole.period_end,
            )
            if (
                part.quantity.start > whole.quantity.start
                and same_time
                and _same_stated_time(whole, part)
                and _within(part.locations, whole.locations)
                and _same_people(whole, part)
                and (part.measure in named or set(combined_measures(text, part)) < set(named))
            ):
                yield whole, part, False


def _same_stated_time(whole: Figure, part: Figure) -> bool:
    """Where neither period is known, the part states no other time than the whole ("Last
    week, a car bomb killed at least five" is no part of today's "50 killed or wounded")."""
    if whole.period_end is not None or part.time_text is None:
        return True
    return (part.time_text or "").lower() == (whole.time_text or "").lower()


def _same_people(whole: Figure, part: Figure) -> bool:
    """Whether the part counts the people the whole counts ('people' and 'people'), not a kind
    of party the whole may leave out ('gang members' or 'police officers' beside a toll of
    people killed, injured or kidnapped)."""
    part_head, whole_head = head_of(part.counted), head_of(whole.counted)
    return part_head.name == whole_head.name or (part_head.generic and whole_head.generic)


def combined_measures(text: str, figure: Figure) -> tuple[Measure, ...]:
    """The measures a figure of "people killed, injured or kidnapped" counts together, or ()."""
    after = text[figure.quantity.end : sentence_of(text, figure.quantity.start)[1]]
    found = _COMBINED.search(after[:80])
    if found is None:
        return ()
    words = re.findall(r"[a-z]+", found.group(1).lower())
    return tuple(dict.fromkeys(_MEASURE_WORDS[w] for w in words if w in _MEASURE_WORDS))


def _by_place(window: Window, text: str, told: dict[str, Figure]) -> Found:
    """The smallest whole by place, but never a told part of another whole at hand: the
    region's "1,430 still held" lie within the country's "19,480 held", not within the
    "6,828 of whom are serving sentences" (a sub-group of those held, not a place's total)."""
    figures = window.figures
    # _place_whole's cheapest tests (measure, a larger value), on plain lists: a long document's
    # window is 301 figures, tested for each placed figure
    measures = [f.measure for f in figures]
    values = [f.quantity.value for f in figures]
    for i, part in enumerate(figures):
        if not part.locations:
            continue  # no whole by place (``_place_whole``), asked of ``near`` figures
        near = window.around(i)
        low, measure, value = max(0, i - window.near), part.measure, values[i]
        wholes = [
            w for j, w in enumerate(near, low)
            if measures[j] == measure and value < values[j]
            and _place_whole(w, part, figures, text)
        ]
        wholes = [w for w in wholes if not any(told.get(w.id) is o for o in wholes)]
        wholes = [w for w in wholes if not _places_of_a_list(w, near, text)]
        # "Another 27 were killed in occupied areas": a count added to one told before counts
        # what that one left out, no wider place's whole (issue 9, checks32)
        wholes = [w for w in wholes if not (text and is_addition(text, w))]
        # a report states a place's total before its parts: a later, larger count of a wider
        # place is more often a sibling ("In other regions of the country: 9,805") than a whole
        wholes = [w for w in wholes if w.quantity.start < part.quantity.start] or wholes
        if wholes:
            yield min(wholes, key=lambda w: w.quantity.value), part, False


def _places_of_a_list(whole: Figure, near: Sequence[Figure], text: str) -> bool:
    """Whether the whole's several places are those of a list it is one item of ("11 victims
    in Deir ez-Zor, followed by Daraa with eight and Idlib with six": each item read with all
    three places): another number of its measure in its sentence has the same places, so the
    places do not say which item holds a part."""
    if len(leaves(whole.locations)) < 2:
        return False
    where = sentence_index(text, whole.quantity.start) if text else None
    return any(
        other is not whole
        and other.measure is whole.measure
        and set(other.locations) == set(whole.locations)
        and other.quantity.value != whole.quantity.value
        and (where is None or sentence_index(text, other.quantity.start) == where)
        for other in near
    )


def _place_whole(whole: Figure, part: Figure, figures: Sequence[Figure], text: str) -> bool:
    """Same measure, counted head and party; the part's places strictly inside the whole's (or
    the whole is the report's first figure of its measure, placed nowhere: its whole scope) and
    its period within the whole's (a stock stated without one: as of the report)."""
    # asked of every figure of the measure near each placed figure: cheap tests first
    return (
        whole is not part
        and whole.measure == part.measure
        and bool(part.locations)
        and part.quantity.value < whole.quantity.value
        and _period_within(part, whole)
        and (
            _places_inside(part, whole)
            or _in_scope(part, whole, figures, text)
            # a longer period's count told after the part is the story's background ("... nine
            # were killed. By the end of 1972, 496 had died"), not a whole it was counted in
            or (
                _sub_period(part, whole)
                and _within(part.locations, whole.locations)
                and whole.quantity.start < part.quantity.start
            )
        )
        and _parties_fit(whole.actor, part.actor)
        and (whole.actor is None or part.actor is not None)
        and heads_match(head_of(whole.counted), head_of(part.counted))
        and not _doers_in_a_toll(whole, part)
    )


def _doers_in_a_toll(whole: Figure, part: Figure) -> bool:
    """Whether the part counts an attack's doers ("two gunmen were shot dead") and the whole
    does not: the toll of the people an attack killed leaves its attackers out."""
    return has_cue(part.counted or "", "act_doer") and not has_cue(whole.counted or "", "act_doer")


def _parties_fit(a: str | None, b: str | None) -> bool:
    """One party, one unstated, or two words for a force the actor table does not name ("the
    military" and "the junta" of one report); two named groups (ISIS, al-Qaeda) never."""
    return a is None or b is None or a == b or (actor_kind(a) is None and actor_kind(b) is None)


def _places_inside(part: Figure, whole: Figure) -> bool:
    return (
        bool(whole.locations)
        and _within(leaves(part.locations), leaves(whole.locations))
        and not _within(leaves(whole.locations), leaves(part.locations))
    )


def _in_scope(part: Figure, whole: Figure, figures: Sequence[Figure], text: str) -> bool:
    """Whether the whole is the report's total over its scope and the part lies in that scope:
    the report's first figure of its measure ("a total of (3,790) people have been killed"
    before the regions' tolls), placed nowhere or in the one country of the report's figures,
    and the part's places in that country or unknown to the gazetteer ("12 killed in Cite
    Soleil" of a report on Haiti, where the gazetteer does not know Cite Soleil)."""
    title = _title_end(text)
    first = next((f for f in figures if f.measure == whole.measure and f.start >= title), None)
    if first is not whole:
        return False
    if not whole.locations:
        return True
    country = _report_country(figures)
    if country is None or [normalise_place(n) for n in leaves(whole.locations)] != [country]:
        return False
    return all(
        normalise_place(name) != country
        and (country in expand_place(name) or lookup_place(name) is None)
        for name in leaves(part.locations)
    )


def _report_country(figures: Sequence[Figure]) -> str | None:
    """The one country the gazetteer puts every located figure of the report in, else None."""
    countries = {
        place.country
        for figure in figures
        for name in figure.locations
        if (place := lookup_place(name)) is not None
    }
    return normalise_place(countries.pop()) if len(countries) == 1 else None


def _title_end(text: str) -> int:
    """Where a title line ends (a short first line not ending like a sentence), else 0: the
    body's first toll, not the headline's round one, is the report's total."""
    end = text.find("\n")
    if not 0 < end <= HEADLINE_MAX_CHARS or text[:end].rstrip().endswith((".", '"', "”")):
        return 0
    return end


def _sub_period(part: Figure, whole: Figure) -> bool:
    """The part's period strictly inside the whole's ("in March alone" of the quarter's toll)."""
    if None in (part.period_start, part.period_end, whole.period_start, whole.period_end):
        return False
    return _period_within(part, whole) and (part.period_start, part.period_end) != (
        whole.period_start,
        whole.period_end,
    )


def _period_within(part: Figure, whole: Figure) -> bool:
    """The part's stated period inside the whole's (a sub-period, "on 7 October" within "in
    2023"); stocks stated without a period count as of the report, and so do counts of a
    report that dates neither (a weekly briefing's "97 in Borno" of its "181 nationwide"),
    unless the part states a time of its own; a period the part does not state need only
    overlap the whole's."""
    stock = part.measure in STOCK_MEASURES
    if part.period_start is None or part.period_end is None:
        undated = whole.period_end is None and part.period_end is None
        return (stock and (whole.period_end is not None or undated)) or (
            undated and part.time_text is None
        )
    if whole.period_start is None or whole.period_end is None:
        return False
    if part.time_text is None:
        # a period the part does not state is read from around it: one overlapping the
        # whole's, and no longer, is the whole's time ("in the past week" read a day apart)
        return (
            part.period_start <= whole.period_end
            and whole.period_start <= part.period_end
            and part.period_end - part.period_start <= whole.period_end - whole.period_start
        )
    return whole.period_start <= part.period_start and part.period_end <= whole.period_end


def leaves(names: Sequence[str]) -> list[str]:
    """The most specific of the places: 'Baghdad' is dropped beside 'Tayaran Square, Baghdad'."""
    return list(_leaves(tuple(names)))


def _leaves(names: tuple[str, ...]) -> tuple[str, ...]:
    """The places of a list that contain none of the others."""
    return _leaves_in(names, place_context())


# Asked once per pair of figures for the same few place lists: the answers are kept (per
# document context, as expand_place reads it).
@lru_cache(maxsize=4096)
def _leaves_in(names: tuple[str, ...], context: object) -> tuple[str, ...]:
    return tuple(
        name
        for name in names
        if not any(o != name and normalise_place(name) in expand_place(o) for o in names)
    )


def _within(inner: Sequence[str], outer: Sequence[str]) -> bool:
    """Every place of ``inner`` lies in one of ``outer`` ('Idlib' in 'Syria'); none = anywhere."""
    if not outer:
        return True
    keys = {normalise_place(name) for name in outer}
    return all(expand_place(name) & keys for name in inner)


def _by_subgroup(window: Window, text: str) -> Found:
    title = _title_end(text)
    # Each figure's sentence, found once: a part compares it with up to ``near`` figures.
    sentences = [sentence_index(text, f.quantity.start) for f in window.figures]
    # "the ministry had earlier put the toll at 26": a value, neither a part nor a whole (asked
    # once a figure: each is a candidate whole of up to ``near`` parts)
    values = [bool(text) and (_replaced(text, f) or _rival(text, f)) for f in window.figures]
    found: dict[str, str] = {}  # part -> whole, of the pairs this rule gave
    for i, part in enumerate(window.figures):
        if values[i]:
            continue
        # Items of one list ("2,853 men, 1,927 women", "476 in May, 376 in June") are siblings:
        # a sub-group's whole is stated in another sentence. A title's round toll ("Almost 100
        # killed") restates the body's (94), it holds none of it.
        apart = [
            w
            for j, w in enumerate(window.before(i), start=max(0, i - window.near))
            if w.start >= title and (not text or sentences[j] != sentences[i]) and not values[j]
        ]
        whole = _whole_of(part, apart, found)
        if whole is None and text and not _one_of_a_list(part, window.around(i), text):
            # sentences run together without a space are two here ("injured.Two soldiers")
            earlier = [
                w
                for j, w in enumerate(window.before(i), start=max(0, i - window.near))
                if w.start >= title and not values[j]
            ]
            whole = _kind_in_first_toll(part, earlier, text)
        # "Five more people died" adds to the toll; "a total of 8" is a total: neither is a part.
        if whole is not None and not (
            text and (is_addition(text, part) or _said_total(text, part))
        ):
            found[part.id] = whole.id
            yield whole, part, False


# How many sentences apart a toll counting anybody and a count of one kind of its people may
# stand when nothing but their fields ties them.
_KIND_SENTENCES = 2


def _kind_in_first_toll(part: Figure, earlier: Sequence[Figure], text: str) -> Figure | None:
    """'33 people were injured. Two off-duty soldiers lost their legs': a count of one kind of
    people, told a sentence or two after the document's first toll of its measure and period
    that counts anybody, is one of that toll (same party and source, places within its)."""
    head = head_of(part.counted)
    # counts of no measure are of anything ("27 arrest warrants" after "34 people involved")
    if not part.counted or head.generic or head.unit or part.measure is Measure.OTHER:
        return None
    toll = next((w for w in earlier if _comparable(w, part)), None)
    if toll is None or not _holds_kind(toll, part) or another_incident(text, toll, part):
        return None
    gap = stretch_index(text, part.quantity.start) - stretch_index(text, toll.quantity.start)
    return toll if 0 < gap <= _KIND_SENTENCES else None


def _holds_kind(toll: Figure, part: Figure) -> bool:
    """Whether a toll counting anybody may hold a smaller count of one kind of people: same
    measure and period, party and source, the part's places among the toll's."""
    whole_head = head_of(toll.counted)
    return (
        whole_head.generic
        and not whole_head.unit
        and not subgroup_words(toll)
        and part.quantity.interval()[1] < toll.quantity.interval()[0]
        and _comparable(toll, part)
        and set(part.locations) <= set(toll.locations)
        and _same_party(toll.actor, part.actor)
        and not other_sources(toll.source, part.source)
        and fits_whole(part, toll)
        and not _doers_in_a_toll(toll, part)
    )


def _same_party(a: str | None, b: str | None) -> bool:
    """One party however capitalised ("Militiamen", "militiamen"), or one unstated."""
    return a is None or b is None or a.casefold() == b.casefold()


def _figure_start(figure: Figure) -> int:
    return figure.quantity.start


def _one_of_a_list(part: Figure, figures: Sequence[Figure], text: str) -> bool:
    """Whether the part is one item of a list of its measure ("four drivers and two soldiers were
    killed", "two policemen and a pedestrian"): the list breaks the toll down, a sum's matter,
    and one item alone is no part the text tells."""
    start, end = sentence_of(text, part.quantity.start)
    if _IMPLICIT_ITEM.match(text, part.quantity.end, end) is not None:
        return True
    # ``figures`` are in text order (a window of them): the sentence's are found by bisection
    first = bisect_left(figures, start, key=_figure_start)
    last = bisect_left(figures, end, lo=first, key=_figure_start)
    siblings = [
        f for f in figures[first:last] if f is not part and f.measure is part.measure
    ]
    return any(
        list_item(text, a.quantity.end, b, True)
        for a, b in itertools.pairwise(sorted([part, *siblings], key=lambda f: f.quantity.start))
        if part in (a, b)
    )


# Another item after a number's noun phrase, counted by its article or a number (which the
# reading may have left out): "two policemen and a pedestrian", "85 soldiers along with 50
# civilians".
_IMPLICIT_ITEM = re.compile(
    r"(?:\s+[a-z][\w'’-]*){1,3}?\s*(?:,|\band\b|\balong with\b|\bas well as\b)\s+"
    r"(?:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]|\d)",
    re.IGNORECASE,
)


def _whole_told_after(window: Window, text: str) -> Found:
    """'Two aid workers were killed in the attack. [...] At least 21 people died': a toll counting
    anybody, told a sentence or two after the document's first count of its measure and period,
    a count of one kind of people, holds that count (the breakdown of that count, told between
    them, goes with it)."""
    if not text:
        return
    figures = window.figures
    for i, part in enumerate(figures):
        head = head_of(part.counted)
        if not part.counted or head.generic or head.unit:
            continue
        if any(_comparable(f, part) for f in window.before(i)):
            continue  # not the first count of its measure and period
        if _one_of_a_list(part, window.around(i), text):
            continue
        where = stretch_index(text, part.quantity.start)
        for whole in window.after(i):
            gap = stretch_index(text, whole.quantity.start) - where
            if gap > _KIND_SENTENCES:
                break
            if not _comparable(whole, part) or window.totals.get(whole.id) == part.id:
                continue
            if (
                gap > 0
                and whole.counted
                and _holds_kind(whole, part)
                and not is_addition(text, whole)
                and not another_incident(text, part, whole)
            ):
                yield whole, part, False
            break


def _said_total(text: str, figure: Figure) -> bool:
    return find_cue(words_before(text, figure, 16), "total") is not None


def _comparable(a: Figure, b: Figure) -> bool:
    # asked of every figure before each sub-group count: the cheapest test first
    return (
        a.measure == b.measure
        and a is not b
        and a.period_start == b.period_start
        and a.period_end == b.period_end
    )


def _whole_of(
    part: Figure, figures: Sequence[Figure], wholes: dict[str, str]
) -> Figure | None:
    """The figure a sub-group count belongs to: an earlier figure of the same measure and
    period; of candidates one of which holds another (``wholes``: part -> whole), the one that
    holds: "1,355 child casualties" belong to the report's 5,122, not to the 1,413 of suicide
    attacks stated between them, itself a part of the 5,122."""
    candidates = [
        w
        for w in figures
        if _comparable(w, part)
        and w.start < part.start
        and w.quantity.low >= part.quantity.low
        and set(part.locations) <= set(w.locations)
        and (w.actor is None or w.actor == part.actor)
        and fits_whole(part, w)
        and (is_subgroup(part, w) or _within_headline(part, w, figures))
    ]
    if not candidates:
        return None
    # the nearest total with the same party, else the nearest one
    chosen = [w for w in candidates if w.actor == part.actor] or candidates
    ids = {w.id for w in chosen}
    chosen = [w for w in chosen if wholes.get(w.id) not in ids] or chosen
    return max(chosen, key=lambda w: w.start)


def is_subgroup(part: Figure, whole: Figure) -> bool:
    """'senior leaders' within 'operatives', 'children' within 'civilians' (not within 'women',
    and 'women' not within 'men')."""
    part_groups, whole_groups = subgroup_words(part), subgroup_words(whole)
    return bool(part_groups - whole_groups) and whole_groups <= part_groups


def fits_whole(part: Figure, whole: Figure) -> bool:
    """Whether the part's sub-group can be counted within the whole: 'children' within
    'civilians' or 'people', never within 'soldiers' (lexicons/subgroup_wholes.tsv)."""
    part_head, whole_head = head_of(part.counted), head_of(whole.counted)
    extra = part_head.subgroups - whole_head.subgroups
    barred = _barred_wholes()
    return not any(whole_head.name in barred.get(group, ()) for group in extra)


@cache
def _barred_wholes() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group, whole in read_table("subgroup_wholes.tsv", 2):
        table.setdefault(group, set()).add(whole)
    return {group: frozenset(wholes) for group, wholes in table.items()}


def subgroup_words(figure: Figure) -> frozenset[str]:
    """The sub-groups the counted noun phrase names, as classes of lexicons/count_heads.tsv
    ('senior leaders' -> leader, 'boys' -> child, 'women' -> woman)."""
    return head_of(figure.counted).subgroups


def _within_headline(part: Figure, whole: Figure, figures: Sequence[Figure]) -> bool:
    """A later, smaller count of the same thing, place and period by the same source as the
    document's first such total ('161 civilians killed in October' ... 'the attacks killed 73
    civilians'; 'more than 460 gang members' killed ... 'at least 230 suspected gang members
    have died' in an uprising) lies within it. Another source's smaller toll is a rival figure,
    not a part; so is a toll of another party."""
    if part.actor != whole.actor or counted_head(part) != counted_head(whole):
        return False
    if part.source != whole.source:
        return False
    first = next(
        f
        for f in figures
        if f is whole
        or (
            _comparable(f, whole)
            and counted_head(f) == counted_head(whole)
            and f.actor == whole.actor
        )
    )
    return (
        first is whole
        and part.quantity.value < whole.quantity.value
        and part.locations == whole.locations
    )


_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person"}


def counted_head(figure: Figure) -> str:
    """The counted noun, singular: 'ISIS operatives' -> 'operative', 'children' -> 'child'."""
    words = (figure.counted or "").lower().split()
    if not words:
        return ""
    word = words[-1]
    return _IRREGULAR.get(
        word, word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    )


# Names each with its count in brackets after a count in one sentence: "393 journalists are in
# prison, with China (80), Myanmar (54) and Turkey (41) holding the most".
_NAMED_IN_BRACKETS = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}[ \t]+\(\Z")
_CLOSING = re.compile(r"[ \t]*\)")
_CLOSING_CLAUSE = re.compile(r"\)\s*(?:[,;.]|and\b|followed\b)")


def _bracketed_series(window: Window, text: str) -> Found:
    """Counts in brackets after names, two or more in a sentence, are parts of the sentence's
    count of their measure told before them."""
    if not text:
        return
    items = [
        f for f in window.figures
        if (
            _NAMED_IN_BRACKETS.search(text[max(0, f.quantity.start - 40) : f.quantity.start])
            and _CLOSING.match(text, f.quantity.end)
        )
        # "Cauca recorded the most killings (42), followed by ...": a bracket closing its clause
        or (
            text[f.quantity.start - 1 : f.quantity.start] == "("
            and _CLOSING_CLAUSE.match(text, f.quantity.end)
        )
    ]
    for part in items:
        where = sentence_index(text, part.quantity.start)
        siblings = [f for f in items if sentence_index(text, f.quantity.start) == where]
        if len(siblings) < 2:
            continue
        wholes = _series_wholes(window, text, siblings, items, where) or _series_wholes(
            window, text, siblings, items, where - 1
        )
        if not wholes or not fits_whole(part, wholes[-1]):
            continue
        between = text[wholes[-1].quantity.end : siblings[0].quantity.start]
        places = leaves(part.locations), leaves(wholes[-1].locations)
        if has_cue(between, "ranking") and not _within(*places):
            continue  # "Sagaing had 1,382 deaths, followed by Magway (611)": a sibling ranked first
        yield wholes[-1], part, True


def _series_wholes(
    window: Window, text: str, siblings: Sequence[Figure], items: Sequence[Figure], where: int
) -> list[Figure]:
    """Counts of the series' measure told before it in sentence ``where`` (its own, or the one
    before in its paragraph: "A total of 181 ... were killed in 2023. Cauca recorded the most
    killings (42), followed by ...")."""
    first = siblings[0]
    return [
        f for f in window.figures
        if f.quantity.start < first.quantity.start
        and sentence_index(text, f.quantity.start) == where
        and "\n\n" not in text[f.quantity.end : first.quantity.start]
        and f.measure is first.measure
        and f not in items
        # "recorded the most killings (42), followed by Valle del Cauca (22)": a count in
        # brackets is the ranking's first item, not its total
        and text[f.quantity.start - 1 : f.quantity.start] not in {"(", "["}
    ]


_TOLD_RULES = (
    _partitive, _whole_next, _whole_named_first, _including, _still_held, _combined,
    _bracketed_series, _told_alone_part,
)


def subset_check(whole: Figure, part: Figure) -> Check:
    """The check that the part lies within the whole (holds when its low end fits)."""
    return _subset(whole, part, part.quantity.interval()[0] <= whole.quantity.interval()[1])


def _subset(whole: Figure, part: Figure, holds: bool) -> Check:
    counted = f"{part.quantity.number_text} {part.counted or ''}".strip()
    of = f"{whole.quantity.number_text} {whole.counted or ''}".strip()
    verb = "is part of" if holds else "is more than its whole,"
    return Check(
        doc=part.doc,
        type=CheckType.SUBSET,
        holds=holds,
        whole=whole.id,
        part=part.id,
        reason=f"{counted} {verb} {of}",
    )


__all__ = [
    "SUBGROUPS",
    "combined_measures",
    "counted_head",
    "fits_whole",
    "including_parts",
    "is_subgroup",
    "leaves",
    "list_item",
    "subset_check",
    "subset_checks",
]
