"""Figures: every stated count with its measure, actor, places, period, source and evidence.

Stages, in order (marked ``# n.`` in ``find_figures``):
  1. split the text into sentences; drop sentences that are page furniture (captions, ads);
  2. scan every sentence cheaply for numbers, time expressions, places and actors;
  3. parse (spaCy) only the paragraphs that hold a number;
  4. read each number's measure and counted noun off the parse (``measures.read_measure``);
  5. give each figure its period, places, actor and source from its sentence, else from context
     (a report's period and places carry to the sentences that continue it; a source named in the
     paragraph covers its other sentences; "the report said" refers to the last named source);
  6. merge restatements (headline + body) into one figure with ``also_at``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsledger.extract.actors import ActorMention, canonical_actor, find_actors
from newsledger.extract.attribution import Attribution, find_attribution
from newsledger.extract.measures import read_measure
from newsledger.extract.numbers import find_quantities
from newsledger.extract.periods import TimeMention, find_times
from newsledger.extract.places import PlaceMention, find_places
from newsledger.extract.sentences import Sentence, split_sentences
from newsledger.model import STOCK_MEASURES, Document, Figure, Measure, Quantity

Parser = Callable[[list[str]], Iterable[Doc]]

# Actor kinds that are parties to violence (the actor of a figure); agencies and media are sources.
_PARTY_KINDS = ("armed_group", "state_force")
_SOURCE_KINDS = {"agency", "government", "coalition", "ngo", "media"}
# Counted nouns whose group is usually named once and then implied ("220 operatives killed").
_MEMBER_NOUNS = {"operative", "fighter", "militant", "insurgent", "terrorist", "jihadist", "member",
                 "leader", "commander", "operation", "mission", "raid", "strike", "victim", "other"}
# A time expression after these words is a comparison, not the figure's period.
_COMPARISON = re.compile(r"(compared (?:with|to)|decrease|increase|than|same period|up from|down from)\W*\w*\W*$",
                         re.IGNORECASE)
_LOCAL_PLACE = re.compile(r"^[^.;]{0,60}?\b(?:in|across|at|from|near|throughout|of)\s+(?:the\s+)?$", re.IGNORECASE)
_JOINED_PLACE = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+|in\s+)?", re.IGNORECASE)
_ENUMERATED_ONE = re.compile(r"\b(?:including|among them|and)\s+(an?|one)\s+(child|woman|man|girl|boy|civilian)\b",
                             re.IGNORECASE)


@dataclass(slots=True)
class _Scan:
    """What the cheap scan found in one sentence (offsets absolute)."""

    sentence: Sentence
    quantities: list[Quantity]
    times: list[TimeMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    parse: Span | None = None
    attribution: Attribution | None = None


@dataclass(slots=True)
class _Draft:
    """A figure being assembled."""

    quantity: Quantity
    measure: Measure
    counted: str | None
    counted_head: str | None
    scan: _Scan
    actor: str | None = None
    locations: list[str] = field(default_factory=list)
    time: TimeMention | None = None
    period: tuple[date | None, date | None] = (None, None)
    source: str | None = None
    also_at: list[tuple[int, int]] = field(default_factory=list)


def find_figures(document: Document, parse: Parser) -> list[Figure]:
    """All figures of a document, in text order, with ids f1, f2, ..."""
    # 1.
    sentences = [s for s in split_sentences(document.text) if not _in_noise(s.start, s.end, document.noise)]
    # 2.
    scans = [_scan(s, document) for s in sentences]
    # 3.
    _parse_paragraphs(scans, parse)
    # 4.
    drafts = _read_drafts(scans)
    # 5.
    _assign_context(drafts, scans, document)
    # 6.
    merged = _merge_restatements(drafts)
    return [_to_figure(document, i, d) for i, d in enumerate(merged, start=1)]


def _in_noise(start: int, end: int, noise: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in noise)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _scan(sentence: Sentence, document: Document) -> _Scan:
    offset = sentence.start
    quantities = [_shift_quantity(q, offset) for q in find_quantities(sentence.text)]
    quantities += [_shift_quantity(q, offset) for q in _enumerated_ones(sentence.text)]
    quantities = sorted((q for q in quantities if not _overlaps(q.start, q.end, document.noise)),
                        key=lambda q: q.start)
    times = [_shift_time(t, offset) for t in find_times(sentence.text, document.published)]
    places = [_shift_place(p, offset) for p in find_places(sentence.text)]
    actors = [_shift_actor(a, offset) for a in find_actors(sentence.text)]
    actor_spans = [(a.start, a.end) for a in actors]
    places = [p for p in places if not _overlaps(p.start, p.end, actor_spans)]
    return _Scan(sentence, quantities, times, places, actors)


def _enumerated_ones(text: str) -> list[Quantity]:
    """'including a child' in a list of victims: one person, kept so that breakdowns add up."""
    from newsledger.model import Qualifier

    return [Quantity(1, 1, Qualifier.EXACT, m.group(1), m.start(1), m.end(1)) for m in _ENUMERATED_ONE.finditer(text)]


def _shift_quantity(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.low, q.high, q.qualifier, q.number_text, q.start + offset, q.end + offset)


def _shift_time(t: TimeMention, offset: int) -> TimeMention:
    return TimeMention(t.start + offset, t.end + offset, t.text, t.period_start, t.period_end, t.kind)


def _shift_place(p: PlaceMention, offset: int) -> PlaceMention:
    return PlaceMention(p.start + offset, p.end + offset, p.text, p.place)


def _shift_actor(a: ActorMention, offset: int) -> ActorMention:
    return ActorMention(a.start + offset, a.end + offset, a.text, a.canonical, a.kind)


def _parse_paragraphs(scans: list[_Scan], parse: Parser) -> None:
    wanted = {s.sentence.paragraph for s in scans if s.quantities}
    todo = [s for s in scans if s.sentence.paragraph in wanted]
    for scan, doc in zip(todo, parse([s.sentence.text for s in todo]), strict=True):
        scan.parse = doc[:]
        scan.attribution = find_attribution(doc[:])


def _number_token(scan: _Scan, quantity: Quantity) -> Token | None:
    assert scan.parse is not None
    start = quantity.start - scan.sentence.start
    end = quantity.end - scan.sentence.start
    span = scan.parse.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else span[-1]


def _read_drafts(scans: list[_Scan]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for scan in scans:
        if scan.parse is None:
            continue
        for quantity in scan.quantities:
            token = _number_token(scan, quantity)
            if token is None:
                continue
            reading = read_measure(token, scan.parse)
            measure = reading.measure
            if measure is None and reading.partitive and drafts:
                measure = drafts[-1].measure  # "three of which", "Most of them - 211 -"
            if measure is None:
                continue
            counted, head = reading.counted, reading.counted_head
            if counted is None and drafts and drafts[-1].scan is scan:
                # "44 ISIS operatives were killed and 166 detained": the noun is elided
                counted, head = drafts[-1].counted, drafts[-1].counted_head
            drafts.append(_Draft(quantity, measure, counted, head, scan))
    return drafts


def _assign_context(drafts: list[_Draft], scans: list[_Scan], document: Document) -> None:
    dominant = _dominant_party(scans)
    carried_period: tuple[date | None, date | None] = (None, None)
    carried_places: list[str] = []
    last_source: str | None = None
    sources_by_paragraph = _paragraph_sources(scans)
    for draft in drafts:
        scan = draft.scan
        # period: the sentence's own time expression, else the report's period carried forward (flows)
        draft.time = _nearest_time(draft, scan)
        if draft.time is not None:
            draft.period = (draft.time.period_start, draft.time.period_end)
            if draft.measure not in STOCK_MEASURES:
                carried_period = draft.period
        elif draft.measure not in STOCK_MEASURES:
            draft.period = carried_period
        # places
        draft.locations = _local_places(draft, scan) or carried_places
        carried_places = draft.locations
        # actor
        draft.actor = _actor_for(draft, scan, dominant)
        # source
        draft.source, last_source = _source_for(scan, sources_by_paragraph, last_source)


def _nearest_time(draft: _Draft, scan: _Scan) -> TimeMention | None:
    text = scan.sentence.text
    best: TimeMention | None = None
    best_distance = 10**9
    for mention in scan.times:
        before = text[: mention.start - scan.sentence.start]
        if _COMPARISON.search(before[-40:]) or mention.kind == "relative" and mention.period_start is None:
            continue
        distance = min(abs(mention.start - draft.quantity.end), abs(draft.quantity.start - mention.end))
        if distance < best_distance:
            best, best_distance = mention, distance
    return best


def _local_places(draft: _Draft, scan: _Scan) -> list[str]:
    """Places stated right after the figure ('466 operatives in Syria'), else the sentence's other places."""
    own = _places_after(draft.quantity, scan)
    if own:
        return own
    claimed = {name for q in scan.quantities if q is not draft.quantity for name in _places_after(q, scan)}
    rest = [m.place.name for m in scan.places if m.place.name not in claimed]
    return _unique(rest or [m.place.name for m in scan.places])


def _places_after(quantity: Quantity, scan: _Scan) -> list[str]:
    """Places introduced by a preposition between this number and the next one."""
    limit = min((q.start for q in scan.quantities if q.start > quantity.start), default=scan.sentence.end)
    local: list[str] = []
    previous_end = quantity.end
    for mention in scan.places:
        if not quantity.end <= mention.start < limit:
            continue
        gap = scan.sentence.text[previous_end - scan.sentence.start : mention.start - scan.sentence.start]
        if (_LOCAL_PLACE.match(gap) if not local else _JOINED_PLACE.fullmatch(gap)):
            local.append(mention.place.name)
            previous_end = mention.end
    return _unique(local)


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _dominant_party(scans: list[_Scan]) -> str | None:
    counts = Counter(a.canonical for s in scans for a in s.actors if a.kind == "armed_group")
    return counts.most_common(1)[0][0] if counts else None


def _actor_for(draft: _Draft, scan: _Scan, dominant: str | None) -> str | None:
    parties = [a for a in scan.actors if a.kind in _PARTY_KINDS]
    if parties:
        for kind in _PARTY_KINDS:
            of_kind = [a for a in parties if a.kind == kind]
            if of_kind:
                return min(of_kind, key=lambda a: abs(a.start - draft.quantity.start)).canonical
    agent = _agent_phrase(draft, scan)
    if agent:
        return agent
    if draft.counted_head in _MEMBER_NOUNS:
        return dominant
    return None


def _agent_phrase(draft: _Draft, scan: _Scan) -> str | None:
    """'at the hands of other parties': a perpetrator not in the actor table."""
    match = re.search(r"\bat the hands of ((?:\w+\s){0,3}?\w+)\b", scan.sentence.text)
    return match.group(1) if match else None


def _paragraph_sources(scans: list[_Scan]) -> dict[int, str]:
    found: dict[int, str] = {}
    for scan in scans:
        if scan.attribution and not scan.attribution.generic:
            found.setdefault(scan.sentence.paragraph, _source_name(scan.attribution.text))
    return found


def _source_name(text: str) -> str:
    mentions = find_actors(text)
    if mentions and mentions[0].kind in _SOURCE_KINDS | {"state_force", "armed_group"}:
        return mentions[0].canonical
    return canonical_actor(text)


def _source_for(scan: _Scan, by_paragraph: dict[int, str], last: str | None) -> tuple[str | None, str | None]:
    attribution = scan.attribution
    if attribution is not None and not attribution.generic:
        name = _source_name(attribution.text)
        return name, name
    if attribution is not None and attribution.generic and last:
        return last, last
    subject = _subject_source(scan)
    if subject:
        return subject, subject
    in_paragraph = by_paragraph.get(scan.sentence.paragraph)
    return in_paragraph, in_paragraph or last


def _subject_source(scan: _Scan) -> str | None:
    """A reporting organisation as the subject ('U.S. Central Command ... conducted 94 missions')."""
    if scan.parse is None:
        return None
    root = scan.parse.root
    for child in root.children:
        if child.dep_ != "nsubj":
            continue
        start = scan.sentence.start + child.left_edge.idx - scan.parse.start_char
        end = scan.sentence.start + child.idx + len(child.text) - scan.parse.start_char
        for mention in scan.actors:
            if start <= mention.start and mention.end <= end + 1 and mention.kind in _SOURCE_KINDS:
                return mention.canonical
    return None


def _merge_restatements(drafts: list[_Draft]) -> list[_Draft]:
    """A figure restated (headline and body, quote and narration) is one figure with ``also_at``."""
    kept: list[_Draft] = []
    for draft in drafts:
        twin = next((k for k in kept if _same_figure(k, draft)), None)
        if twin is None:
            kept.append(draft)
            continue
        primary, other = (draft, twin) if _richness(draft) > _richness(twin) else (twin, draft)
        primary.also_at.append((other.quantity.start, other.quantity.end))
        primary.also_at.extend(other.also_at)
        if primary is draft:
            kept[kept.index(twin)] = draft
    return sorted(kept, key=lambda d: d.quantity.start)


def _same_figure(a: _Draft, b: _Draft) -> bool:
    if a.measure != b.measure or a.quantity.value != b.quantity.value:
        return False
    if a.counted_head and b.counted_head and a.counted_head != b.counted_head and "other" not in (
        a.counted_head, b.counted_head,
    ):
        return False
    if a.actor and b.actor and a.actor != b.actor:
        return False
    return not (a.locations and b.locations and not set(a.locations) & set(b.locations))


def _richness(draft: _Draft) -> int:
    return sum(x is not None for x in (draft.time, draft.source, draft.actor)) + bool(draft.locations)


def _to_figure(document: Document, number: int, draft: _Draft) -> Figure:
    q = draft.quantity
    start, end = _evidence_span(draft)
    return Figure(
        doc=document.key, id=f"f{number}", start=start, end=end, text=document.text[start:end],
        quantity=q, measure=draft.measure, counted=draft.counted, actor=draft.actor,
        locations=tuple(draft.locations), period_start=draft.period[0], period_end=draft.period[1],
        time_text=draft.time.text if draft.time else None, source=draft.source,
        also_at=tuple(sorted(set(draft.also_at))),
    )


def _evidence_span(draft: _Draft) -> tuple[int, int]:
    """The number with its counted noun phrase and trigger: 'more than 9,000 ISIS detainees'."""
    scan, q = draft.scan, draft.quantity
    if scan.parse is None:
        return q.start, q.end
    token = _number_token(scan, q)
    if token is None:
        return q.start, q.end
    tokens = [token, token.head] if token.head.i > token.i else [token]
    head = token.head
    tokens += [c for c in head.children if c.dep_ in {"acl", "amod"} and c.i > head.i]
    last = max(tokens, key=lambda t: t.i)
    end = scan.sentence.start + last.idx + len(last.text) - scan.parse.start_char
    return q.start, max(q.end, min(end, scan.sentence.end))
