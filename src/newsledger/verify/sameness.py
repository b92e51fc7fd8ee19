"""Whether two figures report the same thing: the grouping rules of docs/reconcile.md.

A ``Reading`` is a figure with what the rules need from its document: the publication date (or a
date inferred from the periods the report states), the recency cues of its sentence, the class of
its time expression and counted head, and the closure of its places. ``same_thing`` applies:

1. the same measure;
2. compatible actors: equal, or (across documents only) one of them unstated or both kinds of
   party the actor table does not name ("militants", "terrorists");
3. compatible counted heads (``lexicons/count_heads.tsv``): "26 people" and "16 deaths" count the
   same, "34 children" and "161 civilians" do not;
4. within one document: not linked by a sum or subset check (a part is not a restatement; a subset
   link is ignored when the report marks one figure as an earlier report), and not in the same
   sentence unless two different named sources give them; in one piece of a long document (one
   over ``long_documents.PIECE_CHARS``, which extraction reads in pieces that never see each other);
5. the same time (``same_time``): equal periods for flows, overlapping as-of for stocks, or
   publication dates within ``SAME_INCIDENT_DAYS`` for incidents whose period is unknown;
6. places: equal closures (a place plus what contains it), or, when both periods are stated, one
   figure naming a coarser place of the other's single most specific place ("Borno" for "Mafa,
   Borno"); "Iraq" and "Iraq, Syria" are different things (two most specific places);
7. when the time is unknown (no period, no publication date): equal actors, equal closures, and
   time expressions that do not contradict ("now" against "last December");
8. across documents, a figure with no place is no figure of any place: it matches none;
9. across documents, event figures (flows with no stated period longer than a week) are the same
   thing only when both tell one merged incident (``verify/incidents.py``: date within its
   precision, the same place, a compatible type and party, a shared distinctive name) and their
   places overlap; a figure that tells no incident has no time to match by, so it matches none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from urllib.parse import urlparse

from newsledger.extract.parties import actor_kind
from newsledger.extract.places import expand_place, normalise_place
from newsledger.lexicons import read_table
from newsledger.long_documents import piece_bounds
from newsledger.memo import per_text
from newsledger.model import STOCK_MEASURES, Check, CheckType, Document, Figure, Qualifier
from newsledger.verify.cues import is_addition_at

# Reports of one incident appear within a few days of it (wire stories, next-day follow-ups).
SAME_INCIDENT_DAYS = 3
# A flow over a longer period is a periodic total, never one incident's toll.
INCIDENT_MAX_DAYS = 7

# A title line is short; a longer first line without a title is a lead paragraph.
HEADLINE_MAX_CHARS = 150

_PRONOUNS = frozenset({"he", "she", "it", "they", "them", "him", "her", "we", "us"})

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


@dataclass(frozen=True, slots=True)
class Window:
    """When a figure holds: a stated period, a publication day, or an inferred lower bound."""

    start: date
    end: date | None  # None: open-ended (the report is from this day or later)
    kind: str  # period | published | inferred


@dataclass(frozen=True, slots=True)
class Head:
    """The counted noun as a class ('operatives' -> combatant) and its subgroup words."""

    name: str  # "" when nothing is counted by name
    generic: bool
    subgroups: frozenset[str]
    unit: bool = False  # counts groups of people (households, families), not people


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure with what the grouping rules need from its document."""

    figure: Figure
    published: date | None
    outlet: str | None
    window: Window | None
    recency: int  # -1: an earlier report, +1: a newer value, 0: no cue
    sentence: tuple[int, int]
    time_class: str  # present | stated | unknown
    head: Head
    closure: frozenset[str]
    leaves: tuple[frozenset[str], ...]  # closures of the most specific places
    source_rank: int  # 0 none, 1 generic ("officials"), 2 named
    headline: bool  # stated in the report's title line
    addition: bool = False  # the text adds it to an earlier count ("about 100 more")
    incident: str | None = None  # the merged incident the figure tells, if any
    later_than: frozenset[str] = frozenset()  # documents this one is known to come after
    part: int = 0  # the piece of a long document it lies in (long_documents.piece_bounds)
    words: str = ""  # its sentence in lower case, one space between words (copies: reconcile)

    @property
    def key(self) -> str:
        """The figure as ``doc:id``, the form cross-document checks use."""
        return f"{self.figure.doc}:{self.figure.id}"

    @property
    def is_stock(self) -> bool:
        """Stocks (held, population, fighters) are counted at an instant."""
        return self.figure.measure in STOCK_MEASURES


@dataclass(frozen=True, slots=True)
class Links:
    """Pairs of figures (``doc:id``) that a document's own checks relate as part and whole."""

    sums: frozenset[frozenset[str]]
    subsets: frozenset[frozenset[str]]
    # Pairs a reviewer marked as the same thing / not the same thing (issue 13): they win.
    same: frozenset[frozenset[str]] = frozenset()
    different: frozenset[frozenset[str]] = frozenset()
    # Pairs a document's own update or conflict checks relate: two values the report itself
    # gives for one thing (an earlier toll, a rival source's count, the headline's value).
    told: frozenset[frozenset[str]] = frozenset()
    # Parts that state no toll of their own: people who moved from one count to another ("Five of
    # the wounded died"), or a bare part of a toll ("11 of the injured") (moved_parts).
    moved: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- readings


def read_figures(
    figures: Sequence[Figure],
    documents: Mapping[str, Document],
    incidents: Mapping[str, str] | None = None,
    only: Container[str] | None = None,
) -> list[Reading]:
    """A Reading for every figure; ``documents`` maps ``Figure.doc`` to its document,
    ``incidents`` a figure's ``doc:id`` to the merged incident it tells. With ``only``, the
    figures whose ``doc:id`` is not in it and that tell no incident are left out (the others
    tell what other reports of their incident are later than: ``reconcile._order_documents``);
    every figure of a document still dates it."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_doc[figure.doc].append(figure)
    told = incidents or {}
    readings: list[Reading] = []
    for doc, members in by_doc.items():
        document = documents.get(doc) or Document(text="", name=doc)
        doc_window = _document_window(document, members)
        starts = [start for start, _ in piece_bounds(document.text)]
        readings.extend(
            _reading(f, document, doc_window, told.get(f"{f.doc}:{f.id}"),
                     bisect_right(starts, f.start) - 1)
            for f in members
            if only is None or f"{f.doc}:{f.id}" in only or f"{f.doc}:{f.id}" in told
        )
    return readings


@dataclass(frozen=True, slots=True)
class Placed:
    """What decides where a figure groups, without the rest of its reading: its bucket's parts
    (figure, incident) and its time (``Reading.window``)."""

    figure: Figure
    incident: str | None
    window: Window | None


def place_figures(
    figures: Sequence[Figure], documents: Mapping[str, Document],
    incidents: Mapping[str, str] | None = None,
) -> list[Placed]:
    """``read_figures`` cut to what ``Placed`` holds (no text is read)."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_doc[figure.doc].append(figure)
    told = incidents or {}
    placed = []
    for doc, members in by_doc.items():
        document = documents.get(doc) or Document(text="", name=doc)
        doc_window = _document_window(document, members)
        placed += [Placed(f, told.get(f"{f.doc}:{f.id}"), _window(f, doc_window))
                   for f in members]
    return placed


def _reading(
    figure: Figure, document: Document, doc_window: Window | None, incident: str | None,
    part: int = 0,
) -> Reading:
    sentence = sentence_span(document.text, figure.start, figure.end)
    closures = [expand_place(name) for name in figure.locations]
    return Reading(
        figure=figure,
        published=document.published,
        outlet=outlet_of(document),
        window=_window(figure, doc_window),
        recency=_recency(document.text[sentence[0] : sentence[1]]),
        sentence=sentence,
        time_class=time_class(figure.time_text),
        head=head_of(figure.counted),
        closure=frozenset().union(*closures),
        leaves=_leaves(figure.locations, closures),
        source_rank=source_rank(figure.source),
        headline=in_headline(document, figure),
        addition=_added(document.text, figure),
        incident=incident,
        part=max(part, 0),
        words=plain_words(document.text[sentence[0] : sentence[1]]),
    )


def plain_words(text: str) -> str:
    """The text in lower case with one space between words: what "word for word" compares."""
    return " ".join(text.lower().split())


def _added(text: str, figure: Figure) -> bool:
    """Whether the text adds the figure to an earlier count ("about 100 more"). A ledger keeps
    no offsets of the number itself, only of its evidence: the number is sought there."""
    if not text:
        return False
    number = figure.quantity.number_text
    at = text.find(number, figure.start, max(figure.end, figure.start + len(number)))
    if at >= 0:
        return is_addition_at(text, at, at + len(number))
    return is_addition_at(text, figure.quantity.start, figure.quantity.end)


def _document_window(document: Document, figures: Sequence[Figure]) -> Window | None:
    """The publication day; else the latest period it reports (a report is no older than that)."""
    if document.published:
        return Window(document.published, document.published, "published")
    ends = [f.period_end for f in figures if f.period_end]
    return Window(max(ends), None, "inferred") if ends else None


def _window(figure: Figure, doc_window: Window | None) -> Window | None:
    if figure.period_start and figure.period_end:
        return Window(figure.period_start, figure.period_end, "period")
    if figure.measure in STOCK_MEASURES:
        return doc_window  # a stock with no date is counted as of its report
    # A flow's publication day dates an incident; an inferred bound dates nothing.
    return doc_window if doc_window and doc_window.kind == "published" else None


def in_headline(document: Document, figure: Figure) -> bool:
    """The figure is in the first line and that line is the title (or reads like one)."""
    first = _first_line(document.text)
    if figure.end > len(first):
        return False
    line = first.strip()
    if document.title:
        return line == document.title.strip()
    return len(line) <= HEADLINE_MAX_CHARS and not line.endswith((".", "!", "?"))


# Asked once per figure: split() would copy the rest of a long text each time (quadratic).
@per_text()
def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def outlet_of(document: Document) -> str | None:
    """The outlet as given, else the domain of the document's URL without 'www.'."""
    if document.outlet:
        return document.outlet
    host = urlparse(document.url).hostname if document.url else None
    return host.removeprefix("www.") if host else None


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: from the previous sentence end to the next one."""
    if not text:
        return start, end
    ends = _sentence_end_ends(text)
    before = bisect_right(ends, start)
    after = _SENTENCE_END.search(text, end)
    return (ends[before - 1] if before else 0), (after.start() + 1 if after else len(text))


# Asked once per figure: the sentence ends of a text are found once, not again from its start for
# each figure (which made reconciling a long document quadratic in its length). A few texts kept.
@per_text()
def _sentence_end_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _leaves(names: Sequence[str], closures: Sequence[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Closures of the places no other listed place lies inside ('Mafa' of 'Mafa, Borno')."""
    keys = [normalise_place(name) for name in names]
    return tuple(
        closure
        for i, closure in enumerate(closures)
        if not any(keys[i] in other and j != i for j, other in enumerate(closures))
    )


# --------------------------------------------------------------------------- word lists


@cache
def _phrases(kind: str) -> frozenset[str]:
    return frozenset(phrase for phrase, k in read_table("reconcile_cues.tsv", 2) if k == kind)


@cache
def _cues(kind: str) -> re.Pattern[str]:
    # One pattern of all the phrases, searched once: a sentence searched once per phrase made
    # these cues a sixth of reconciling a long document. Whether it matches is all that is read.
    phrases = "|".join(re.escape(phrase) for phrase in sorted(_phrases(kind)))
    return re.compile(rf"\b(?:{phrases})\b" if phrases else "(?!)")  # (?!): no phrase, no cue


@cache
def _heads() -> dict[str, tuple[str, str]]:
    return {word: (name, kind) for word, name, kind in read_table("count_heads.tsv", 3)}


def _has_cue(text: str, kind: str) -> bool:
    return _cues(kind).search(text.lower()) is not None


@lru_cache(maxsize=4096)
def _recency(sentence: str) -> int:
    """-1 when the sentence reports earlier figures, +1 when it gives a newer value, else 0."""
    if _has_cue(sentence, "earlier"):
        return -1
    return 1 if _has_cue(sentence, "later") else 0


def time_class(time_text: str | None) -> str:
    """'present' (now, today), 'unknown' (none, or vague: 'recently'), else 'stated'."""
    if not time_text:
        return "unknown"
    if _has_cue(time_text, "present"):
        return "present"
    return "unknown" if time_text.lower().strip() in _phrases("vague_time") else "stated"


def source_rank(source: str | None) -> int:
    """How specific an attribution is: 0 none, 1 generic ('Iraqi officials'), 2 named."""
    if not source:
        return 0
    return 1 if _has_cue(source, "generic_source") else 2


@lru_cache(maxsize=4096)  # asked for both figures of every pair compared
def head_of(counted: str | None) -> Head:
    """The class of the counted noun's last word, and the subgroup words of the phrase."""
    words = re.findall(r"[a-z]+", (counted or "").lower())
    subgroups = frozenset(_lookup(w)[0] for w in words if _lookup(w)[1] == "subgroup")
    if not words:
        return Head("", True, subgroups)
    name, kind = _lookup(words[-1])
    return Head(name, kind == "generic", subgroups, kind == "unit")


def _lookup(word: str) -> tuple[str, str]:
    heads = _heads()
    if word in heads:
        return heads[word]
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return heads.get(singular, (singular, "word"))


# --------------------------------------------------------------------------- the rules


def part_links(checks: Iterable[Check]) -> Links:
    """Part-whole pairs from the documents' own checks (total-part, part-part, whole-part), and
    the pairs of values their update and conflict checks relate."""
    sums: set[frozenset[str]] = set()
    subsets: set[frozenset[str]] = set()
    told: set[frozenset[str]] = set()
    for check in checks:
        ids = [f"{check.doc}:{i}" for i in (check.total, *check.parts) if i]
        pair = frozenset((f"{check.doc}:{check.whole}", f"{check.doc}:{check.part}"))
        if check.type is CheckType.SUM:
            sums.update(frozenset((a, b)) for a in ids for b in ids if a != b)
        elif check.type is CheckType.SUBSET and check.whole and check.part:
            subsets.add(pair)
        elif check.type in (CheckType.UPDATE, CheckType.CONFLICT) and check.whole and check.part:
            told.add(pair)
    return Links(frozenset(sums), frozenset(subsets), told=frozenset(told))


def moved_parts(checks: Iterable[Check], figures: Iterable[Figure]) -> frozenset[str]:
    """``doc:id`` of the parts of subset checks that state no toll of their own: a whole of
    another measure ("Five of the wounded died overnight": killed, a part of the wounded), or
    no counted noun at all ("11 of the injured remained in intensive care": a part, no toll)."""
    by_key = {f"{f.doc}:{f.id}": f for f in figures}
    moved: set[str] = set()
    for check in checks:
        if check.type is not CheckType.SUBSET or not check.whole or not check.part:
            continue
        part = by_key.get(f"{check.doc}:{check.part}")
        whole = by_key.get(f"{check.doc}:{check.whole}")
        if part is None or whole is None:
            continue
        if whole.measure is not part.measure or not (part.counted or "").strip():
            moved.add(f"{check.doc}:{check.part}")
    return frozenset(moved)


def same_thing(a: Reading, b: Reading, links: Links) -> bool:
    """Whether two figures report the same quantity (rules 1-7 of the module docstring)."""
    fa, fb = a.figure, b.figure
    if links.same or links.different:
        pair = frozenset((a.key, b.key))
        if pair in links.different:
            return False
        if pair in links.same and fa.measure == fb.measure:
            return True
    if a.key in links.moved or b.key in links.moved:
        return False
    if fa.measure != fb.measure or not heads_match(a.head, b.head):
        return False
    same_doc = fa.doc == fb.doc
    if same_doc and a.part != b.part:
        return False  # two pieces of a long document are read apart, as by extraction
    if not _actors_match(fa.actor, fb.actor, same_doc):
        return False
    if same_doc and not _distinct_statements(a, b, links):
        return False
    if not same_doc:
        if not a.closure and not b.closure and (a.incident is None or a.incident != b.incident):
            return False  # no place on either side: no place to match by
        if is_event(a) or is_event(b):
            return a.incident is not None and a.incident == b.incident and places_overlap(a, b)
        if not a.closure or not b.closure:
            return False
    when = same_time(a, b)
    if when is False:
        return False
    if when is None and (_times_contradict(a, b) or fa.actor != fb.actor):
        return False  # with no time to go by, everything else must match, the actor too
    stated = when is True and _both_periods(a, b)
    return places_match(a, b, loose=stated)


def is_event(reading: Reading) -> bool:
    """A flow with no stated period longer than a week: a toll of one event, not a total."""
    if reading.is_stock:
        return False
    return reading.window is None or not _is_long_period(reading.window)


def places_overlap(a: Reading, b: Reading) -> bool:
    """Two figures of one incident: no place on a side, or one's most specific place lies in
    the other's closure (not two different villages of it)."""
    if not a.closure or not b.closure or a.closure == b.closure:
        return True
    inside = any(leaf <= b.closure for leaf in a.leaves)
    return inside or any(leaf <= a.closure for leaf in b.leaves)


def heads_match(a: Head, b: Head) -> bool:
    """Same subgroup words, and the same head class or a generic head on one side."""
    if a.subgroups != b.subgroups:
        return False
    if a.unit or b.unit:  # 11,120 households are no count of people, however generic
        return a.name == b.name
    return a.name == b.name or a.generic or b.generic


def _actors_match(a: str | None, b: str | None, same_doc: bool) -> bool:
    # In one report an unstated actor is the total over parties, not the same party.
    if same_doc:
        return a == b
    # Two outlets may call one unnamed doer differently ("militants", "terrorists"): kinds of
    # party the actor table does not name never tell two events apart.
    unnamed = a is not None and b is not None and actor_kind(a) is None and actor_kind(b) is None
    return a is None or b is None or a == b or unnamed


def _distinct_statements(a: Reading, b: Reading, links: Links) -> bool:
    """Two figures of one report can be two statements of one quantity (not parts, not a list)."""
    if a.figure.id == b.figure.id:
        return False
    pair = frozenset((a.key, b.key))
    if pair in links.sums:
        return False
    if pair in links.subsets and a.recency == b.recency:
        return False
    if a.sentence == b.sentence:
        return other_sources(a.figure.source, b.figure.source)
    # Different values in one report are one thing where the report says so (its own update or
    # conflict checks, a recency cue that dates one of them) or where two named sources give them
    # for one known time. Otherwise they are different things the extractor could not tell apart
    # (recent and expected arrivals; a clash's 4 dead and an earlier bombing's 20, neither dated;
    # "about 100 more" recaptured after 300).
    if agree(a, b) or a.recency != b.recency or pair in links.told:
        return True
    # Two named sources' values at one known time, neither added to an earlier count.
    named = other_sources(a.figure.source, b.figure.source)
    return named and same_time(a, b) is True and not (a.addition or b.addition)


def other_sources(a: str | None, b: str | None) -> bool:
    """Two named sources that are not one ('Laerke' is 'Jens Laerke'); a pronoun ("according to
    them") names no source."""
    if not a or not b or a.lower() in _PRONOUNS or b.lower() in _PRONOUNS:
        return False
    words_a, words_b = _source_words(a), _source_words(b)
    return not (words_a <= words_b or words_b <= words_a)


# Checks compare each figure's source with those of the figures near it: a document names few
# sources, so their words are found once.
@lru_cache(maxsize=1024)
def _source_words(source: str) -> frozenset[str]:
    """The words naming a source, less those naming what carries its count ("the monitor's data"
    is the monitor; lexicons/attribution.tsv 'carrier') and a possessive's "s"."""
    words = frozenset(re.findall(r"\w+", source.lower()))
    return (words - _carrier_words()) or words


@cache
def _carrier_words() -> frozenset[str]:
    carriers = {row[0] for row in read_table("attribution.tsv", 2) if row[1] == "carrier"}
    return frozenset({"s"} | carriers | {word + "s" for word in carriers})


def agree(a: Reading, b: Reading) -> bool:
    """Whether the two figures' values can be one (``values_meet``)."""
    return values_meet(a.figure, b.figure)


# How far a round, hedged number may lie from a count it rounds: "almost 100" for 94.
APPROXIMATE_SLACK = 0.1


def values_meet(a: Figure, b: Figure) -> bool:
    """Whether the values can be one: intervals that meet, a hedged number ("almost 100",
    "about 2,500") within ``APPROXIMATE_SLACK`` of its value either way."""
    (a_low, a_high), (b_low, b_high) = _slack(a), _slack(b)
    return a_low <= b_high and b_low <= a_high


def _slack(figure: Figure) -> tuple[float, float]:
    if figure.quantity.qualifier is Qualifier.APPROXIMATE:
        value = figure.quantity.low
        return value * (1 - APPROXIMATE_SLACK), value * (1 + APPROXIMATE_SLACK)
    return figure.quantity.interval()


def same_time(a: Reading, b: Reading) -> bool | None:
    """True or False when the windows decide it; None when the time of either is unknown."""
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        return None
    if a.is_stock:
        return _same_as_of(wa, wb)
    if wa.kind == wb.kind == "period":
        return (wa.start, wa.end) == (wb.start, wb.end)
    if _is_long_period(wa) or _is_long_period(wb):
        return False
    return _gap_days(wa, wb) <= SAME_INCIDENT_DAYS


def _same_as_of(wa: Window, wb: Window) -> bool | None:
    gap = _gap_days(wa, wb)
    if "inferred" in (wa.kind, wb.kind):
        # An inferred date is a lower bound: it can show two times differ, never that they match.
        return False if gap > SAME_INCIDENT_DAYS else None
    if wa.kind == wb.kind == "period":
        return gap == 0
    return gap <= SAME_INCIDENT_DAYS


def _is_long_period(window: Window) -> bool:
    if window.kind != "period" or window.end is None:
        return False
    return (window.end - window.start) > timedelta(days=INCIDENT_MAX_DAYS)


def _gap_days(wa: Window, wb: Window) -> int:
    """Days between two windows (0 when they overlap); an open end reaches every later day."""
    after = (wb.start - wa.end).days if wa.end else 0
    before = (wa.start - wb.end).days if wb.end else 0
    return max(after, before, 0)


def _both_periods(a: Reading, b: Reading) -> bool:
    return bool(a.window and b.window and a.window.kind == b.window.kind == "period")


def _times_contradict(a: Reading, b: Reading) -> bool:
    """'now' against a stated time ('last December') cannot be one quantity."""
    return {a.time_class, b.time_class} == {"present", "stated"}


def places_match(a: Reading, b: Reading, *, loose: bool) -> bool:
    """Equal closures; with ``loose``, also a coarser naming of the other's single place."""
    if a.closure == b.closure:
        return True
    if not loose or not a.closure or not b.closure:
        return False
    return _coarser(a, b) or _coarser(b, a)


def _coarser(coarse: Reading, fine: Reading) -> bool:
    return len(fine.leaves) == 1 and coarse.closure < fine.leaves[0]


__all__ = [
    "INCIDENT_MAX_DAYS",
    "SAME_INCIDENT_DAYS",
    "Head",
    "Links",
    "Placed",
    "Reading",
    "Window",
    "agree",
    "head_of",
    "heads_match",
    "in_headline",
    "is_event",
    "moved_parts",
    "other_sources",
    "outlet_of",
    "part_links",
    "place_figures",
    "places_match",
    "places_overlap",
    "plain_words",
    "read_figures",
    "same_thing",
    "same_time",
    "sentence_span",
    "source_rank",
    "time_class",
    "values_meet",
]
