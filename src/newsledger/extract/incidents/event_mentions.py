"""Event mentions: the parts of sentences that tell of one violent event, with their tolls.

A mention is a stretch of one sentence with its event triggers ("a car bomb", "the attack",
"abducted") and the killed, injured and kidnapped figures inside it. A sentence is one mention,
cut only before a trigger that the text marks as another event ("one day after a bomb attack",
"another attack"); a stretch without a trigger goes with the stretch after it.

The words live in ``lexicons/incident_cues.tsv``; what counts as one specific event (and so may
become an incident) is decided in incidents.py from what a mention holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from newsledger.extract.folded import FoldedPattern, folded_words
from newsledger.extract.places import PlaceMention
from newsledger.extract.scan import Scan
from newsledger.extract.time import TimeMention
from newsledger.extract.words import read_roles
from newsledger.model import Document, Figure, Measure

ROLES = frozenset(
    {
        "event_noun",
        "event_verb",
        "added_dead",
        "distinct",
        "claimed",
        "suspected",
        "negation",
        "unnamed_perpetrator",
        "statement",
        "object",
        "near",
        "comparison",
        "speaker",
        "located",
        "responded",
        "tally",
        "background",
        "update",
    }
)
TOLL_MEASURES = (Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED)
DAY_KINDS = frozenset({"day", "week"})
_TOWN_KINDS = frozenset({"site", "city", "admin2"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_HEADLINE_END = re.compile(r"[.!?\"”'’:]\s*$")


@cache
def cue_words(role: str) -> tuple[str, ...]:
    """Phrases of one role in incident_cues.tsv, longest first."""
    return tuple(sorted(_cues().get(role, ()), key=len, reverse=True))


@cache
def _cues() -> dict[str, list[str]]:
    return read_roles("incident_cues.tsv", ROLES)


@cache
def cue_pattern(role: str) -> FoldedPattern:
    """A case-insensitive regex matching any phrase of a role as whole words."""
    words = folded_words(cue_words(role))
    return FoldedPattern(re.compile(rf"(?<![\w'-])(?:{words})(?![\w-])", re.IGNORECASE))


@cache
def _trigger_pattern() -> FoldedPattern:
    nouns = folded_words(cue_words("event_noun"), r"[\s-]+")
    verbs = folded_words(cue_words("event_verb"))
    either = rf"(?P<noun>{nouns})(?P<plural>e?s)?|(?P<verb>{verbs})"
    return FoldedPattern(re.compile(rf"(?<![\w-])(?:{either})(?![\w-])", re.IGNORECASE))


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event noun or verb in a sentence (absolute offsets) and how the text determines it."""

    start: int
    end: int
    text: str
    noun: bool
    plural: bool
    determined: bool  # has a determiner: "a car bomb", "the attack" (not "women attack")
    definite: bool  # "the attack", "Monday's attack"
    distinct: bool  # "another attack", "one day after a bomb attack"
    cut: int  # where the mention it opens starts (before its distinct cue)
    few: bool = False  # a plural counted two to four: "two car bombs", "twin blasts"
    many: bool = False  # devices counted by any number or told as a series: "six car bombs"


@dataclass(slots=True)
class Mention:
    """A stretch ``[start, end)`` of one sentence: its triggers and violent figures."""

    scan: Scan
    start: int
    end: int
    triggers: list[Trigger] = field(default_factory=list)
    counts: list[Figure] = field(default_factory=list)
    headline: bool = False
    lone: bool = False  # the document's only mention (incidents.py: a lone month-dated toll)
    later_death: bool = False  # no trigger, only a victim told before dying ('The victim died')
    aside: bool = False  # joined the event told before, though its places lie elsewhere

    @property
    def text(self) -> str:
        """The mention's text."""
        return self.scan.text_between(self.start, self.end)

    @property
    def distinct(self) -> bool:
        """Whether the text marks this as a different event from the one before."""
        return any(t.distinct for t in self.triggers)

    @property
    def singular(self) -> bool:
        """Whether it names one event with a noun ('a car bomb', 'the attack')."""
        return any(t.noun and t.determined and not t.plural for t in self.triggers)

    @property
    def several(self) -> bool:
        """Whether it tells of several events ('in raids', 'attacks across the north')."""
        # A few devices told with their toll ("two car bombs exploded in quick succession,
        # killing 36") are one coordinated attack, as ACLED and RAND code them; so are more
        # devices counted at one town with one toll ("at least six car bombs in attacks on police
        # in Mosul, killing nine", "a series of bomb blasts at cinemas in Sylhet"), whatever
        # other plural nouns tell of them.
        if self.counts and any(t.few or (t.many and self.one_place) for t in self.triggers):
            return False
        return not self.singular and not self.one_day_one_place and any(
            t.noun and t.plural and not t.definite for t in self.triggers
        )

    @property
    def one_place(self) -> bool:
        """Whether it names no more than one town and one province (or country)."""
        towns = {p.place.name for p in self.places if p.place.kind in _TOWN_KINDS}
        regions = {p.place.name for p in self.places if p.place.kind not in _TOWN_KINDS}
        return len(towns) <= 1 and len(regions) <= 1 and not _SPREAD.search(self.text)

    @property
    def one_day_one_place(self) -> bool:
        """Whether it tells one toll of one day at no more than one town and one province:
        ACLED's unit of one event, however many strikes or attacks it took ("On 3 March, jets
        carried out airstrikes near Kidal, killing 10 fighters"); never strikes told across
        two towns or provinces."""
        if not self.counts:
            return False
        days = {t.period_start for t in self.event_times if t.kind == "day" and t.period_start}
        towns = {p.place.name for p in self.places if p.place.kind in _TOWN_KINDS}
        regions = {p.place.name for p in self.places if p.place.kind not in _TOWN_KINDS}
        return len(days) == 1 and len(towns) <= 1 and len(regions) <= 1

    @property
    def verb(self) -> bool:
        """Whether an event verb tells it ('stormed', 'abducted')."""
        return any(not t.noun for t in self.triggers)

    @property
    def definite(self) -> bool:
        """Whether it refers back to an event already told ('the attack')."""
        return any(t.definite for t in self.triggers)

    @property
    def blames(self) -> bool:
        """Whether it says who claimed or is suspected of an event ('police suspect al-Shabaab')."""
        return _blames(self.scan, self.start, self.end)

    @property
    def places(self) -> list[PlaceMention]:
        """Places named in the mention."""
        return [p for p in self.scan.places if self.start <= p.start < self.end]

    @property
    def event_times(self) -> list[TimeMention]:
        """Time phrases that date the event: not the statement's day, not a point of comparison."""
        return [
            t
            for t in self.scan.times
            if self.start <= t.start < self.end and not _dates_other_thing(self.scan, t)
        ]


def find_mentions(scan: Scan, figures: Sequence[Figure], document: Document) -> list[Mention]:
    """The event mentions of one sentence; none when it has neither a trigger nor a toll."""
    triggers = find_triggers(scan)
    counts = [
        f
        for f in figures
        if f.measure in TOLL_MEASURES and scan.sentence.start <= f.start < scan.sentence.end
    ]
    if not triggers and not counts and not _blames(scan):
        return []
    headline = is_headline(scan, document)
    mentions = [
        Mention(scan, start, end, headline=headline) for start, end in _segments(scan, triggers)
    ]
    for trigger in triggers:
        _containing(mentions, trigger.start).triggers.append(trigger)
    for figure in counts:
        _containing(mentions, figure.start).counts.append(figure)
    return mentions


def find_triggers(scan: Scan) -> list[Trigger]:
    """Event nouns and verbs of a sentence; adjacent ones ('bomb attack') become one."""
    text, base = scan.sentence.text, scan.sentence.start
    found: list[Trigger] = []
    for match in _trigger_pattern().finditer(text):
        start, end = match.start(), match.end()
        if match.group("verb") and _negated(text[:start]):
            continue  # "no U.S. forces were injured or killed"
        if (
            found
            and found[-1].noun
            and match.group("noun")
            and re.fullmatch(r"[\s-]*", text[found[-1].end - base : start])
        ):
            start = found.pop().start - base  # "bomb attack", "suicide car bomb"
        found.append(
            _trigger(text, base, start, end, bool(match.group("noun")), bool(match.group("plural")))
        )
    return found


def _trigger(text: str, base: int, start: int, end: int, noun: bool, plural: bool) -> Trigger:
    before = text[:start]
    cue = _distinct_cue(before) if noun else None
    determiner = _determiner(before) if noun else None
    return Trigger(
        base + start,
        base + end,
        text[start:end],
        noun,
        plural,
        determiner is not None,
        determiner in _DEFINITE,
        cue is not None,
        base + (cue if cue is not None else start),
        noun and plural and bool(_FEW.search(before) and _DEVICE.search(text[start:end])),
        noun and plural and bool(_MANY.search(before) and _DEVICE.search(text[start:end])),
    )


_FEW = re.compile(r"\b(?:two|three|four|twin|2|3|4)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_MANY = re.compile(
    r"(?:\b(?:five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
    r"|\ba\s+(?:series|string|wave|spate|volley|barrage)\s+of)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Devices spread over a region or country are no attack on one town ("bombs across the south").
_SPREAD = re.compile(r"\b(?:across|throughout|around\s+the\s+country|nationwide)\b",
                     re.IGNORECASE)
# Devices set off together make one attack; "two attacks", "three raids" may be apart.
_DEVICE = re.compile(r"bomb|blast|explosi|grenade|rocket|mortar|shell|IED|mine", re.IGNORECASE)


def _negated(before: str) -> bool:
    """A negation among the six words before a verb, in its clause ('no one was killed')."""
    clause = re.split(r"[,;:.!?]", before)[-1]
    words = " ".join(clause.split()[-6:])
    return bool(cue_pattern("negation").search(words) or re.search(r"n['’]t\b", words))


def _determiner(before: str) -> str | None:
    """The determiner of a noun: the nearest of the four words before it ('the twin suicide')."""
    words = _WORD.findall(before)[-4:]
    for word in reversed(words):
        lower = word.lower()
        if lower in _DEFINITE or lower in _INDEFINITE:
            return lower
        if lower.endswith(("'s", "’s")):
            return "the"  # "Monday's attack", "the group's raid"
        if not word[0].isalnum():
            return None
    return None


def _distinct_cue(before: str) -> int | None:
    """Where a cue marking another event starts, if one stands within three words before: a
    `distinct` cue ("another attack") or a `background` one ("in revenge for recent raids":
    the cause the report recalls, not a second event of its toll)."""
    tail = before[-60:]
    offset = len(before) - len(tail)
    for role in ("distinct", "background"):
        for match in cue_pattern(role).finditer(tail):
            between = tail[match.end() :]
            if re.fullmatch(r"(?:\s+[\w'’-]+){0,3}\s*", between) and not re.search(
                r"\b(?:the|this|that)\b", between, re.IGNORECASE
            ):
                return offset + match.start()
    return None


def _segments(scan: Scan, triggers: Sequence[Trigger]) -> list[tuple[int, int]]:
    cuts = [t.cut for t in triggers if t.distinct and t.cut > scan.sentence.start]
    bounds = [scan.sentence.start, *cuts, scan.sentence.end]
    segments = list(pairwise(bounds))
    # A stretch without a trigger ("Eight people died in another attack") belongs to the next.
    merged: list[tuple[int, int]] = []
    for start, end in segments:
        if merged and not any(merged[-1][0] <= t.start < merged[-1][1] for t in triggers):
            start = merged.pop()[0]
        merged.append((start, end))
    return merged


def _blames(scan: Scan, start: int = 0, end: int | None = None) -> bool:
    """A named party and a claim or suspicion in the same stretch of a sentence."""
    end = scan.sentence.end if end is None else end
    text = scan.text_between(max(start, scan.sentence.start), end)
    parties = [
        a
        for a in scan.actors
        if a.kind in ("armed_group", "state_force") and start <= a.start < end
    ]
    return bool(parties) and any(
        cue_pattern(role).search(text) for role in ("claimed", "suspected")
    )


def _containing(mentions: list[Mention], position: int) -> Mention:
    return next((m for m in mentions if m.start <= position < m.end), mentions[-1])


def _dates_other_thing(scan: Scan, time: TimeMention) -> bool:
    """'said in a release on Thursday' dates the statement; 'since 2019' is a comparison."""
    before = scan.text_between(scan.sentence.start, time.start)
    near = before[-30:]
    if re.search(
        rf"(?:{cue_pattern('statement').pattern})\W*(?:\w+\W+){{0,3}}$", near, re.IGNORECASE
    ):
        return True
    return bool(cue_pattern("comparison").search(before[-60:]))


def is_headline(scan: Scan, document: Document) -> bool:
    """The title line: the document's title, or a first line without closing punctuation that
    some text follows (a report that ends without a full stop is no headline)."""
    text = scan.sentence.text.strip()
    if document.title and text == document.title.strip():
        return True
    if not document.text[scan.sentence.end :].strip():
        return False
    return scan.sentence.paragraph == 0 and not _HEADLINE_END.search(text) and len(text) < 160


__all__ = ["Mention", "Trigger", "cue_pattern", "cue_words", "find_mentions", "find_triggers"]
