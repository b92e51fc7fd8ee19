"""The cheap scan of every sentence, and the mutable record of a figure being assembled."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Span

from newsledger.extract.numbers import find_quantities
from newsledger.extract.parties import ActorMention, Attribution, find_actors
from newsledger.extract.places import PlaceMention, find_places, resolve_in_document
from newsledger.extract.places.places import named_countries, placed_countries
from newsledger.extract.time import TimeMention, find_times
from newsledger.extract.time.time_words import MONTH_NUMBER, WORDS
from newsledger.extract.words import Sentence
from newsledger.model import Document, Measure, Qualifier, Quantity

# "GENEVA/KINSHASA (Reuters) - ": a story filed from two cities
_DATELINE = re.compile(r"^\s*([A-Z][\w .,'’/-]{1,40}?)\s*(?:\([^)]{1,40}\))?\s*[—–;-]{1,2}\s")
# "NIAMEY, Niger, March 4 (Reuters) - 27 people ...": the dash after a dated dateline, masked
# for the number and time scans so that the day and the first count are not read as one range
# ("4 - 27") and so lost, nor as a range of days ("March 4 - 27"). Also glued to a headline.
_DATED_DATELINE = re.compile(
    r"(?:^|(?<=[a-z.!?\"”’]))\s*[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*,"
    r"(?:\s+[A-Z][\w.'’]*,?){0,4}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?P<dash>--|[-—–])(?=\s)"
)
_MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
# "including a child" in a list of victims: one person, kept so that breakdowns add up.
_ENUMERATED_ONE = re.compile(
    r"\b(?:including|among them|and)\s+(an?|one)\s+(child|woman|man|girl|boy|civilian)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Scan:
    """What the cheap scan found in one sentence (offsets absolute), plus its parse once parsed."""

    sentence: Sentence
    quantities: list[Quantity]
    times: list[TimeMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    parse: Span | None = None
    attributions: list[Attribution] = field(default_factory=list)

    def text_between(self, start: int, end: int) -> str:
        """The sentence text between two absolute offsets."""
        base = self.sentence.start
        return self.sentence.text[max(0, start - base) : max(0, end - base)]


@dataclass(slots=True)
class Draft:
    """A figure being assembled."""

    quantity: Quantity
    measure: Measure
    counted: str | None
    counted_head: str | None
    scan: Scan
    token: int = -1  # index of the number's last token in the sentence's parse
    actor: str | None = None
    locations: list[str] = field(default_factory=list)
    own_places: bool = False
    time: TimeMention | None = None
    period: tuple[date | None, date | None] = (None, None)
    source: str | None = None
    also_at: list[tuple[int, int]] = field(default_factory=list)


def in_noise(start: int, end: int, noise: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies inside one of the noise spans."""
    return any(a <= start and end <= b for a, b in noise)


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of the spans."""
    return any(start < b and a < end for a, b in spans)


def scan_sentence(sentence: Sentence, document: Document) -> Scan:
    """Numbers, time expressions, places and actors of one sentence (no parse)."""
    offset = sentence.start
    text = _mask_dateline_dash(sentence.text)
    quantities = [_shift_quantity(q, offset) for q in find_quantities(text)]
    # an enumerated "one" the number finder read already ("and one woman was injured") is one
    quantities += [
        q
        for q in (_shift_quantity(q, offset) for q in _enumerated_ones(sentence.text))
        if not overlaps(q.start, q.end, [(f.start, f.end) for f in quantities])
    ]
    quantities = sorted(
        (q for q in quantities if not overlaps(q.start, q.end, document.noise)),
        key=lambda q: q.start,
    )
    times = [_shift_time(t, offset) for t in find_times(text, document.published)]
    actors = [_shift_actor(a, offset) for a in find_actors(sentence.text)]
    found = [_shift_place(p, offset) for p in find_places(sentence.text)]
    places = _places_not_actors(sentence.text, _without_dateline(sentence, found), actors, offset)
    return Scan(sentence, quantities, times, places, actors)


def resolve_document_places(scans: Sequence[Scan]) -> None:
    """Read each sentence's ambiguous places in the countries the whole document names."""
    resolved = resolve_in_document([(s.sentence.text, s.places) for s in scans])
    for scan, places in zip(scans, resolved, strict=True):
        scan.places = places


def document_countries(scans: Sequence[Scan]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The countries a document names (by name, by places only there, by demonyms), most
    named first, and those its places lie in: where ``countries_first`` reads its ambiguous
    place names."""
    mentions = [m for s in scans for m in s.places]
    named = named_countries(mentions, [s.sentence.text for s in scans])
    return tuple(country for country, _ in named.most_common()), placed_countries(mentions)


def _mask_dateline_dash(text: str, mask: str = ";") -> str:
    """The text with a dated dateline's one-character dash replaced by ``mask`` (a "--" by two
    semicolons, or kept when the mask is a dash); offsets kept."""
    if not (("-" in text or "—" in text or "–" in text) and _MONTH_DAY.search(text)):
        return text  # what every dated dateline holds (searched first: it is quicker)
    for match in _DATED_DATELINE.finditer(text):
        start, end = match.span("dash")
        if end - start == 1 or mask == ";":
            text = text[:start] + mask * (end - start) + text[end:]
    return text


def dateline_dash_as_parsed(text: str) -> str:
    """'June 12 - 14 soldiers' as the parser reads it best: 'June 12 — 14 soldiers', so that the
    count hangs on its noun and not on the dateline's day."""
    return _mask_dateline_dash(text, "—")


def dateline_places(sentence: Sentence) -> list[PlaceMention]:
    """The places of a sentence's dateline ('MOSCOW (Reuters) - ...'): where it was filed."""
    match = _DATELINE.match(sentence.text)
    if match is None:
        return []
    filed = match.group(1)
    return find_places(filed.title() if filed.isupper() else filed)  # "ABUJA": Abuja


def _without_dateline(sentence: Sentence, places: list[PlaceMention]) -> list[PlaceMention]:
    """'TAMPA, Fla. - ...', 'KANO (Reuters) - ...': where it was filed, not what it reports."""
    match = _DATELINE.match(sentence.text)
    if match is None:
        return places
    end = sentence.start + match.end(1)
    return [p for p in places if p.start >= end]


def _places_not_actors(
    text: str, places: list[PlaceMention], actors: list[ActorMention], offset: int
) -> list[PlaceMention]:
    """Drop places inside actor names and countries acting as parties ('the regime and Russia')."""
    spans = [(a.start, a.end) for a in actors]
    kept = []
    for place in places:
        if overlaps(place.start, place.end, spans):
            continue
        before = text[max(0, place.start - offset - 6) : place.start - offset]
        if (
            place.place.kind == "country"
            and before.endswith(" and ")
            and any(0 <= place.start - a.end <= 6 for a in actors)
        ):
            continue
        kept.append(place)
    return kept


def _enumerated_ones(text: str) -> list[Quantity]:
    return [
        Quantity(1, 1, Qualifier.EXACT, m.group(1), m.start(1), m.end(1))
        for m in _ENUMERATED_ONE.finditer(text)
    ]


def _shift_quantity(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.low, q.high, q.qualifier, q.number_text, q.start + offset, q.end + offset)


def date_undated_days(scans: Sequence[Scan]) -> None:
    """In a report without a publication date, a day told without its year ("On 3 August") takes
    the year of the full date told last before it ("abducted on 2 August 2018"); relative times
    ("on Tuesday", "last week") stay unresolved."""
    reference: date | None = None
    for scan in scans:
        for i, mention in enumerate(scan.times):
            if mention.period_start is not None:
                if mention.kind == "day" and mention.period_start == mention.period_end:
                    reference = mention.period_start
                continue
            if reference is None or not _DAY_OF_MONTH.search(mention.text):
                continue
            if _RELATIVE_DAY.search(mention.text):
                continue
            # the latest such day up to two months after the last full date: "30 November"
            # after "2 December 2021" is 2021's, "5 January" after "28 December 2021" 2022's
            found = find_times(mention.text, reference + timedelta(days=60))
            if len(found) == 1 and found[0].period_start is not None:
                again = found[0]
                scan.times[i] = TimeMention(
                    mention.start, mention.end, mention.text,
                    again.period_start, again.period_end, again.kind,
                )


_MONTH_NAMES = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
# a day of a named month ("3 August", "August 3rd"), no weekday or relative word
_DAY_OF_MONTH = re.compile(
    rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b"
    rf"|\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
)
_RELATIVE_DAY = re.compile(
    rf"(?i:\b(?:{'|'.join(WORDS['weekday'])}|last|next|this|ago|yesterday|today|tomorrow)\b)"
)


def _shift_time(t: TimeMention, offset: int) -> TimeMention:
    return TimeMention(
        t.start + offset, t.end + offset, t.text, t.period_start, t.period_end, t.kind
    )


def _shift_place(p: PlaceMention, offset: int) -> PlaceMention:
    return PlaceMention(p.start + offset, p.end + offset, p.text, p.place)


def _shift_actor(a: ActorMention, offset: int) -> ActorMention:
    return ActorMention(a.start + offset, a.end + offset, a.text, a.canonical, a.kind)
