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
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from newsledger.extract.figures.clauses import GLUED_DATELINE
from newsledger.extract.figures.context import another_event_pattern, assign_context
from newsledger.extract.figures.context_parties import role_words
from newsledger.extract.figures.lists import inline_breakdown, list_headings, table_label
from newsledger.extract.figures.story_doers import doer_texts
from newsledger.extract.folded import FoldedPattern
from newsledger.extract.numbers import (
    NUMBER_WORDS,
    MeasureReading,
    counts_people,
    group_measure,
    heading_measure,
    parser_stand_in,
    read_measure,
)
from newsledger.extract.parties import find_attributions
from newsledger.extract.places import countries_first, expand_place, normalise_place
from newsledger.extract.reporting import reporting_verbs
from newsledger.extract.scan import (
    Draft,
    Scan,
    date_undated_days,
    dateline_dash_as_parsed,
    document_countries,
    in_noise,
    resolve_document_places,
    scan_sentence,
)
from newsledger.extract.words import split_sentences
from newsledger.lexicons import read_table
from newsledger.model import Document, Figure, Measure, Qualifier, Quantity

Parser = Callable[[list[str]], Iterable[Doc]]
# A sentence without numbers is parsed only when it may name the source of its paragraph's figures.
# A number that restates one before it: "compared with", "put the figure at" (another estimate).
# "Another 3,100 went to Pemba", "Most of the displaced, 6,400 people, arrived in ...", "hosts the
# largest share, 618,000 people": a count going on with what the count before it counted
_SHARE_OF_BEFORE = re.compile(
    r"(?:^|[^\w-])(?:another|a further|an additional)\s+\Z"
    r"|\b(?:most|many|the majority|the bulk|half|the (?:largest|biggest|greatest) share)"
    r"(?:\s+of\s+(?:the\s+|them|those)[\w\s-]{0,20})?,\s+\Z",
    re.I,
)
_COMPARED = FoldedPattern(re.compile(
    r"\b(compared (?:with|to)|up from|down from|rose from|fell from"
    r"|(?:put|puts|putting|placed?|places|placing|estimated?|estimates|estimating)"
    r" (?:the|this|that) (?:figure|number|total|tally|toll|count) at)\s*$",
    re.I,
))
# What happened to people, named on a list line itself ("Killed: 45"): the heading does not
# override it, unlike a label of who ("Opposition fighters: 12") or of nothing ("- 12 children").
_EVENT_MEASURES = frozenset(
    {
        Measure.KILLED,
        Measure.INJURED,
        Measure.DETAINED,
        Measure.KIDNAPPED,
        Measure.MISSING,
        Measure.DISPLACED,
        Measure.RETURNED,
    }
)
_BRACKETS = {("(", ")"), ("[", "]")}
_FOOTNOTE = re.compile(r"(?<=[^\s\[])\[(?:\d{1,3}|[a-z]|citation needed)\]")
_RELATIVE = FoldedPattern(re.compile(r"\bof (?:which|whom)\b", re.IGNORECASE))
_PRONOUN_INCLUDES = re.compile(r"\s*(?:They|These|Those)\s+(?:include|comprise)", re.IGNORECASE)
_ATTRIBUTION_CUE = FoldedPattern(re.compile(
    r"\b(according to|statement|report|estimate"  # the reporting verbs of attribution.tsv
    rf"|{reporting_verbs(present=('say', 'report', 'estimate'))})\b",
    re.IGNORECASE,
))


def scan_document(document: Document) -> list[Scan]:
    """Stages 1 and 2: the sentences outside page furniture, each scanned cheaply."""
    sentences = [
        s for s in split_sentences(document.text) if not in_noise(s.start, s.end, document.noise)
    ]
    scans = [scan_sentence(s, document) for s in sentences]
    resolve_document_places(scans)
    if document.published is None:
        date_undated_days(scans)
    return scans


def find_figures(
    document: Document, parse: Parser, scans: list[Scan] | None = None
) -> list[Figure]:
    """All figures of a document, in text order, with ids f1, f2, ...

    ``scans`` (from ``scan_document``) may be passed in so that later steps can share them.
    """
    # 1. and 2.
    scans = scan_document(document) if scans is None else scans
    with countries_first(*document_countries(scans)):
        return _figures_of(document, parse, scans)


def _figures_of(document: Document, parse: Parser, scans: list[Scan]) -> list[Figure]:
    """Stages 3 to 6 (``find_figures``), with place names read in the document's countries."""
    # 3.
    headings = list_headings(scans)
    _parse_paragraphs(scans, parse, headings)
    # 4.
    drafts = _read_drafts(scans, headings)
    # 5.
    assign_context(drafts, scans, document)
    drafts = _split_each(drafts)
    # 6.
    headlines = _headlines(scans)
    # a list of outlets' headlines (of an event data set) has no body to prefer
    body = any(id(scan) not in headlines for scan in scans)
    merged = _merge_restatements(drafts, headlines, body)
    return [_to_figure(document, i, d) for i, d in enumerate(merged, start=1)]


class ParsePlan(NamedTuple):
    """The texts a document's sentences are parsed from: by stage 3 (``own``, in order), and
    those the story's doers may need (``doers``: sentences without a number nor a parse of
    stage 3 that hold a doer's cue word, parsed only if a figure asks; none in a document
    without numbers, which has no figures)."""

    own: list[str]
    doers: list[str]


def texts_to_parse(scans: list[Scan]) -> ParsePlan:
    """What stage 3 and the story's doers hand the parser for these scans (pipeline.py parses
    the texts of many documents at once)."""
    todo = _to_parse(scans, list_headings(scans))
    if not any(s.quantities for s in scans):
        return ParsePlan([_parse_text(s) for s in todo], [])
    parsed = {id(s) for s in todo}
    return ParsePlan([_parse_text(s) for s in todo],
                     doer_texts([s for s in scans if id(s) not in parsed]))


def _to_parse(scans: list[Scan], headings: dict[int, int]) -> list[Scan]:
    """The sentences with numbers, those of their paragraphs and of the paragraph before them
    that attribute something ('UNHCR said on Friday ...' before a paragraph of quoted figures),
    and the headings of lists."""
    with_numbers = {s.sentence.paragraph for s in scans if s.quantities}
    wanted = with_numbers | {p - 1 for p in with_numbers}
    heads = {id(scans[h]) for h in headings.values()}
    # "The victims were mostly farmers. They included 43 ...": the group the items are of
    heads |= {
        id(scans[i - 1])
        for i, s in enumerate(scans)
        if i and s.quantities and _PRONOUN_INCLUDES.match(s.sentence.text)
    }
    return [
        s
        for s in scans
        if s.quantities
        or (s.sentence.paragraph in wanted and _ATTRIBUTION_CUE.search(s.sentence.text))
        or id(s) in heads
    ]


def _parse_paragraphs(scans: list[Scan], parse: Parser, headings: dict[int, int]) -> None:
    """Parse the sentences with numbers, those of their paragraphs that attribute something, and
    the headings of lists."""
    todo = _to_parse(scans, headings)
    for scan, doc in zip(todo, parse([_parse_text(s) for s in todo]), strict=True):
        scan.parse = doc[:]
        scan.attributions = find_attributions(doc[:])


def _parse_text(scan: Scan) -> str:
    """The sentence as the parser gets it: brackets around a count ("a total of (3,790) people",
    "[47] civilians") and footnote markers ("died.[3]") become spaces, so that the number parses
    as it would unbracketed; ranges and prepositional hedges are shown plainly
    (``parser_stand_in``); offsets stay the same."""
    # a wrapped line goes on
    text = list(dateline_dash_as_parsed(scan.sentence.text.replace("\n", " ")))
    base = scan.sentence.start
    for aside in _BREAKDOWN_ASIDE.finditer(scan.sentence.text):
        # "2 UN international (1 Filipino, 1 Serbian) staff killed": a breakdown told inside the
        # counted phrase hides the noun from its number; the parser reads the phrase without it
        text[aside.start() : aside.end()] = " " * (aside.end() - aside.start())
    for footnote in _FOOTNOTE.finditer(scan.sentence.text):
        # "died.[3]", "died[3] in": a footnote marker glued to a word hides the word's form
        text[footnote.start() : footnote.end()] = " " * (footnote.end() - footnote.start())
    for quantity in scan.quantities:
        before, after = quantity.start - base - 1, quantity.end - base
        if (
            before >= 0
            and after < len(text)
            and (text[before], text[after]) in _BRACKETS
            # "were injured (approximately 108) and 23 were killed": a hedged count in
            # brackets before a break restates the count before it ("soldiers (12), police
            # (7)" are shares of names, read unbracketed)
            and not (
                quantity.qualifier is not Qualifier.EXACT
                and _RESTATED_IN_BRACKETS.match(scan.sentence.text, after + 1)
            )
        ):
            text[before] = text[after] = " "
        # "upward of 200 villagers", "between 30 and 40 people": the parser sees "about 200
        # villagers", "about 40 people", so that the number hangs on its noun
        text[quantity.start - base : after] = list(parser_stand_in(quantity))
    for actor in scan.actors:
        if actor.text == "IS":
            # "Seven IS militants were killed": the parser takes "IS" for the verb "is"; an
            # initialism of the same length parses as the modifier it is
            text[actor.start - base : actor.end - base] = list(_IS_STAND_IN)
    return _headline_case_lowered(scan, "".join(text))


# After a bracketed count, what shows it restates the count before it rather than counting the
# noun after it: "were injured (approximately 108) and 23 were killed" keeps its brackets.
_RESTATED_IN_BRACKETS = re.compile(r"\s*(?:[,;.]|(?:and|or|but)\b|\Z)")

# a bracketed list of counts between a count's words and its noun: "(2 French, 1 Belgian)
# staff", "(6 international, 1 national) staff"; not one after the noun, which a preposition or
# a verb follows ("329 casualties (101 killed and 228 injured) in ...")
_BREAKDOWN_ASIDE = re.compile(
    r"(?<=[A-Za-z] )\(\d[^()]{0,80}?(?:,|\band\b)[^()]{0,80}\)"
    r"(?= (?!(?:in|on|at|from|between|over|during|of|and|or|with|by|since|across|to|for|that"
    r"|who|which|as|after|before|when|while|including|were|was|are|is|have|has|had)\b)[a-z])"
)

_IS_STAND_IN = "ID"
_STAND_IN_WORD = re.compile(rf"\b{_IS_STAND_IN}\b")


def _restored(scan: Scan, words: str | None) -> str | None:
    """Words read off the parse with the Islamic State's "IS" back in place of its stand-in."""
    if words is None or not any(a.text == "IS" for a in scan.actors):
        return words
    return _STAND_IN_WORD.sub("IS", words)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Za-z]+)*\b")
_LONG_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]{3,}\b")
# A headline's kicker: a few capitalised words and a colon before the headline proper.
_KICKER = re.compile(r"\s*[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}:(?= )")
_TITLE_CASE_SHARE = 0.75
_TITLE_CASE_WORDS = 3


def _headline_case_lowered(scan: Scan, text: str) -> str:
    """A line in title case ("Gunmen Kill 20 Villagers In Zamfara, Abduct 15 Others") as the
    parser reads it best: its capitalised words in lower case, except the first and the names of
    places and actors the scan found; offsets stay the same."""
    long_words = _LONG_WORD.findall(text)
    capitalised = [w for w in long_words if w[0].isupper()]
    if len(capitalised) < _TITLE_CASE_WORDS or len(capitalised) < _TITLE_CASE_SHARE * len(
        long_words
    ):
        return text
    base = scan.sentence.start
    names = [(m.start - base, m.end - base) for m in scan.places]
    names += [(m.start - base, m.end - base) for m in scan.actors]
    kicker = _KICKER.match(text)
    if kicker is not None:
        names.append((0, kicker.end()))  # "Iran Protests: ...": a label, kept as a name
    chars = list(text)
    for word in _CAPITALISED.finditer(text):
        if word.start() == len(text) - len(text.lstrip()) or any(
            a < word.end() and word.start() < b for a, b in names
        ):
            continue
        chars[word.start()] = chars[word.start()].lower()
    return "".join(chars)


def _number_token(scan: Scan, quantity: Quantity) -> Token | None:
    assert scan.parse is not None
    start = quantity.start - scan.sentence.start
    end = quantity.end - scan.sentence.start
    span = scan.parse.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # "two dozen": the last number word ("dozen") carries the phrase
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in NUMBER_WORDS]
    if not numeric:
        return span[-1]
    last = numeric[-1]
    # "some two dozen of the escapees": a "dozen" hanging on the number lets it speak
    return last.head if last.head in numeric and last.dep_ in {"quantmod", "compound"} else last


def _read_drafts(scans: list[Scan], headings: dict[int, int]) -> list[Draft]:
    drafts: list[Draft] = []
    measures_of: dict[int, list[Measure]] = {}  # scan index -> the measures of its drafts
    for i, scan in enumerate(scans):
        if scan.parse is None:
            continue
        parts: list[tuple[Quantity, MeasureReading, int]] = []
        first = len(drafts)
        listed = _heading_measure(scans, headings, measures_of, i)
        inline = inline_breakdown(scan)
        for quantity in scan.quantities:
            token = _number_token(scan, quantity)
            if token is None:
                continue
            reading = read_measure(token, scan.parse)
            measure, counted, head = reading.measure, reading.counted, reading.counted_head
            if measure is None and table_label(scan) is not None:
                measure = heading_measure(scan.parse)  # "Abducted: 17"
            # a heading that names no event ("Summary of operations:", "Troops recorded the
            # following:") leaves a line its own measure ("Hostages rescued: 12")
            own_kept = measure is not None and listed is not None and listed not in _EVENT_MEASURES
            if listed is not None and not own_kept and (
                measure not in _EVENT_MEASURES or _reason_heading(scans, headings, i)
            ):
                # "kidnapping - 289" under "The suspects were held for:" names the charge
                # "Civilians: 87" under "Killed by group:"; "- 12 children" under "..., among them:"
                measure, counted = listed, table_label(scan) or counted
                # "Russian forces: 6" under "Breakdown by perpetrator": the label is who did it,
                # the line counts what the count it breaks down counts ("118 civilians")
                counted = _broken_down_counted(scans, headings, drafts, i) or counted
            elif own_kept:
                counted = counted or table_label(scan)
            same_sentence = bool(drafts) and drafts[-1].scan is scan
            before_number = scan.text_between(quantity.start - 40, quantity.start)
            compared = _COMPARED.search(before_number) or _SHARE_OF_BEFORE.search(before_number)
            # "of which", "of whom" refer to a noun of their own sentence; "Most of them" may not
            relative = _RELATIVE.search(scan.sentence.text) is not None
            partitive = reading.partitive and (same_sentence or not relative)
            # "Of the 50 killed, 32 were soldiers. The remaining 18 were civilians": the rest of
            # a count told before counts what it counts
            remainder = _REMAINDER.search(scan.text_between(quantity.start - 20, quantity.start))
            refers_back = partitive or (reading.bare and same_sentence) or compared or remainder
            if measure is None and same_sentence and _bracketed(scan, quantity):
                # "followed by Magway (611) and Mandalay (498)": a count in brackets after a name
                # goes on the series its sentence opened, counting what the one before counts
                measure, (counted, head) = drafts[-1].measure, _bracket_label(token)
            if measure is None and not same_sentence and _opens_bracketed_series(scan, quantity):
                # "Of those still detained, most are in Yangon (5,104), Sagaing (1,382) ...": the
                # series' first count counts what its sentence named before it
                before = scan.parse.doc[scan.parse.start : token.i]
                measure = heading_measure(before, nearest_last=True)
                counted, head = _bracket_label(token)
            if counted is not None and _bracketed(scan, quantity) and _named_before(token, counted):
                counted, head = None, None  # "Magway (702)": the place's share, not what is counted
            if measure is None and same_sentence and _LABELLED_SIBLING.fullmatch(
                scan.text_between(drafts[-1].quantity.end, quantity.start)
            ):
                # "The Sahel hosts 640,000 of them, the Centre-Nord region 590,000 and the Nord
                # region 270,000": a name and a number after a count go on its series, the verb
                # and noun left out
                measure, counted, head = drafts[-1].measure, drafts[-1].counted, None
            if measure is None and same_sentence and _copula_sibling(token, drafts[-1], scan):
                # "two were drivers for the organization and five were aid workers": the next
                # item of a breakdown told as "N were <role>" counts what the one before counts
                measure, counted, head = drafts[-1].measure, None, None
            if measure is None and refers_back and drafts:
                # "three of which", "Most of them - 211 -", "from 10,000 people ... to 75,000",
                # "an increase compared with 87,000 people in January"
                measure = drafts[-1].measure
            if measure is None and inline is not None and quantity.start in inline[1]:
                # "attacks by region: East Africa 21, the Sahel 14": the first item's, else the
                # heading's measure
                items = [d for d in drafts[first:] if d.quantity.start in inline[1]]
                measure = items[0].measure if items else _inline_heading_measure(scan, inline[0])
            if measure is None and reading.included:
                measure = _included_group_measure(scans, i, drafts, first)
            if measure is None and reading.part:
                parts.append((quantity, reading, token.i))
                continue
            if (
                measure is None
                and counts_people(head)
                and _partitive_whole(scans, i, quantity)
            ):
                # "About 109 police were in the convoy. Of this number, nine were killed": a
                # count of people the text then breaks down is a figure, whatever befell them
                measure = Measure.OTHER
            if measure is None:
                continue
            if counted is None and same_sentence:
                # "44 ISIS operatives were killed and 166 detained": the noun is elided; not
                # that of a part told in between ("killed 48 people, among them 9 children, and
                # wounded 120")
                told = _elided_from(drafts, first, scan)
                counted, head = told.counted, told.counted_head
            drafts.append(Draft(quantity, measure, counted, head, scan, token.i))
        if parts and len(drafts) > first:
            drafts[first:] = _with_parts(drafts[first:], parts, scan)
        measures_of[i] = [d.measure for d in drafts[first:]]
    return drafts


# A sentence opening on a partitive that points back at the count before it ("Of this number,
# nine were killed", "Of those, 14 have appeared in court").
_OPENS_ON_PARTITIVE = re.compile(
    r"\s*(?:Of|Among)\s+(?:this number|these|those|them)\b", re.IGNORECASE
)
# A sentence opening on the whole of a partitive: "Of the twelve members ... six were killed".
_OPENS_ON_OF_THE = re.compile(r"\s*(?:Of|Among)\s+the\s+$", re.IGNORECASE)
# How far apart two sentences may stand to be read as one after the other (spaces, a newline).
_NEXT_SENTENCE_GAP = 3


def _partitive_whole(scans: list[Scan], index: int, quantity: Quantity) -> bool:
    """Whether the number is the whole of a partitive: its sentence's last count, with the next
    sentence opening on "Of this number" / "Of those", or the count of its own sentence's
    opening "Of the N ..." that a later number of the sentence takes a part of."""
    scan = scans[index]
    if _OPENS_ON_OF_THE.fullmatch(scan.text_between(scan.sentence.start, quantity.start)):
        return any(q.start > quantity.end for q in scan.quantities)
    if quantity is not scan.quantities[-1] or index + 1 >= len(scans):
        return False
    following = scans[index + 1]
    gap = following.sentence.start - (scan.sentence.start + len(scan.sentence.text))
    return 0 <= gap <= _NEXT_SENTENCE_GAP and _OPENS_ON_PARTITIVE.match(
        following.sentence.text
    ) is not None


# A part's cue right before its number: "among them 9 children", "(including two commanders".
_PART_CUE_BEFORE = re.compile(
    r"\b(?:among (?:them|whom|those|these)|including|of (?:whom|them|which))\W*\Z", re.IGNORECASE
)


def _copula_sibling(number: Token, before: Draft, scan: Scan) -> bool:
    """Whether a bare number is the subject of "were <role>" joined to the same "were <role>"
    of the count before it in its sentence ("two were drivers ... and five were aid workers")."""
    if scan.parse is None or before.token < 0 or number.dep_ != "nsubj":
        return False
    other = scan.parse.doc[before.token]
    verbs = [t.head for t in (number, other)]
    if other.dep_ != "nsubj" or any(v.lemma_ != "be" for v in verbs):
        return False
    if not all(any(c.dep_ == "attr" for c in v.children) for v in verbs):
        return False
    first, second = sorted(verbs, key=lambda v: v.i)
    return second.head == first or first.head == second or (
        second.dep_ == "conj" and second.head == first.head
    )


def _opens_bracketed_series(scan: Scan, quantity: Quantity) -> bool:
    """Whether the count in brackets is followed in its sentence by more counts in brackets, as
    a breakdown by place or party is written ("Yangon (5,104), Sagaing (1,382) and ...")."""
    return _bracketed(scan, quantity) and any(
        other.start > quantity.start and _bracketed(scan, other) for other in scan.quantities
    )


def _bracket_label(number: Token) -> tuple[str | None, str | None]:
    """What a count in brackets counts when a common noun stands before the bracket ("civilians
    (30)"); nothing when a name does ("Sagaing (1,382)" is a place's share, not what is counted)."""
    if number.i < 2 or number.nbor(-1).text not in "([":
        return None, None
    label = number.nbor(-2)
    return (label.text, label.lemma_) if label.pos_ == "NOUN" else (None, None)


def _named_before(number: Token, counted: str) -> bool:
    """Whether what a count in brackets was read to count is the name right before its bracket,
    or a ranking's noun ("recorded the most killings (42)": the killings of what its sentence or
    the one before counts)."""
    if number.i < 2 or number.nbor(-2).text not in counted:
        return False
    label = number.nbor(-2)
    ranked = any(t.lower_ in _RANKING_WORDS for t in label.subtree if t.i < label.i)
    return label.pos_ == "PROPN" or ranked


_RANKING_WORDS = frozenset({"most", "highest", "largest", "greatest", "fewest", "lowest"})


def _bracketed(scan: Scan, quantity: Quantity) -> bool:
    """Whether the count is written in brackets ("Mandalay (498)")."""
    text, base = scan.sentence.text, scan.sentence.start
    before, after = quantity.start - base - 1, quantity.end - base
    return before >= 0 and after < len(text) and (text[before], text[after]) in _BRACKETS


def _elided_from(drafts: list[Draft], first: int, scan: Scan) -> Draft:
    """The figure of the sentence whose counted noun an elided one repeats: the last one that is
    no part told in an aside, else the last one."""
    for draft in reversed(drafts[first:]):
        before = scan.text_between(draft.quantity.start - 30, draft.quantity.start)
        if not _PART_CUE_BEFORE.search(before):
            return draft
    return drafts[-1]


def _inline_heading_measure(scan: Scan, colon: int) -> Measure | None:
    """What the words before an inline breakdown's colon say its items count."""
    assert scan.parse is not None
    end = colon - scan.sentence.start
    heading = [t.i - scan.parse.start for t in scan.parse if t.idx - scan.parse[0].idx < end]
    # the words nearest the colon first: "attacks on aid workers by region", not "mission"
    words = scan.parse[: heading[-1] + 1] if heading else None
    return heading_measure(words, nearest_last=True) if words is not None else None


def _included_group_measure(
    scans: list[Scan], i: int, drafts: list[Draft], first: int
) -> Measure | None:
    """'Gunmen killed 27 villagers. They included 17 women and ...': items of the group the
    sentence before told, of that sentence's last figure, else of what befell the group it names
    ("The victims were mostly farmers."); nothing when that sentence is of another paragraph."""
    if i == 0 or scans[i - 1].sentence.paragraph != scans[i].sentence.paragraph:
        return None
    if len(drafts) > first:
        return drafts[-1].measure  # "They included 43 farmers, 16 traders": the first item's
    before = scans[i - 1]
    if drafts and drafts[-1].scan is before:
        return drafts[-1].measure
    return group_measure(before.parse) if before.parse is not None else None


# A heading whose lines name what people were held or charged for: "The suspects were held for:",
# "arrested on charges of:", "convicted of:"; the labels are offences, no events counted.
_REASON_HEADING = re.compile(r"\b(?:for|over|of|with)[ \t]*:[ \t]*\Z", re.IGNORECASE)


def _reason_heading(scans: list[Scan], headings: dict[int, int], i: int) -> bool:
    heading = headings.get(i)
    return heading is not None and bool(_REASON_HEADING.search(scans[heading].sentence.text))


def _heading_measure(
    scans: list[Scan], headings: dict[int, int], measures_of: dict[int, list[Measure]], i: int
) -> Measure | None:
    """What the heading of list line ``i`` says its lines count: the last figure of the heading
    ("The attack killed 30 people, among them:"), else its words ("Killed in March:"), else the
    last figure of the sentence before it ("... were killed. They were:")."""
    heading = headings.get(i)
    if heading is None:
        return None
    if measures_of.get(heading):
        return measures_of[heading][-1]
    parse = scans[heading].parse
    found = heading_measure(parse) if parse is not None else None
    before = heading - 1
    reason = _REASON_HEADING.search(scans[heading].sentence.text) is not None
    if (found is None or reason) and before >= 0 and (
        scans[before].sentence.paragraph == scans[heading].sentence.paragraph
    ):
        # "A total of 110 people were killed. They were:": the figure before a bare heading
        # ("... arrested 1,044 suspects. The suspects were held for:": the arrests)
        earlier = measures_of.get(before)
        found = earlier[-1] if earlier else found
    if found is None and _breakdown_title(scans[heading].sentence.text):
        # "The network recorded the deaths of 118 civilians ..." / "Breakdown by perpetrator" /
        # "Syrian regime forces: 35": a title that breaks down a count names no measure of its
        # own; its lines count what the last figure of the paragraph above it counts
        above = next(
            (j for j in range(heading - 1, -1, -1) if measures_of.get(j)), None
        )
        if above is not None and scans[heading].sentence.paragraph - scans[
            above
        ].sentence.paragraph <= 2:
            found = measures_of[above][-1]
    return found


def _broken_down_counted(
    scans: list[Scan], headings: dict[int, int], drafts: list[Draft], i: int
) -> str | None:
    """The counted noun of the figure a breakdown title breaks down, for a line under it whose
    label names a party ("by perpetrator", "by party"), else None."""
    heading = headings.get(i)
    if heading is None or not _PARTY_BREAKDOWN.search(scans[heading].sentence.text):
        return None
    if not _breakdown_title(scans[heading].sentence.text):
        return None
    above = [d for d in drafts if d.quantity.end <= scans[heading].sentence.start]
    if not above:
        return None
    # the count broken down is the largest of the paragraph above, not a part of it told last
    # ("118 civilians, including 20 children and 9 women")
    paragraph = above[-1].scan.sentence.paragraph
    return max(
        (d for d in above if d.scan.sentence.paragraph == paragraph),
        key=lambda d: d.quantity.value,
    ).counted


_PARTY_BREAKDOWN = re.compile(r"\bby (?:perpetrator|party|parties|actor|group)\b", re.IGNORECASE)


@cache
def _breakdown_words() -> re.Pattern[str]:
    words = [p for p, k in read_table("check_cues.tsv", 2) if k == "breakdown"]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_REMAINDER = re.compile(r"\b(?:the|their)\s+(?:remaining|other)\s*$", re.IGNORECASE)


# Between two counts of a series: a joiner, then a name (capitalised words, a trailing
# "region" or "province" allowed) standing right before the number.
_LABELLED_SIBLING = re.compile(
    r"(?:\s+of\s+(?:them|those|these|whom|the\s+[a-z]+))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:[ \t-]+[A-Z][\w'’.-]*){0,3}"
    r"(?:[ \t]+(?:region|province|state|district|governorate|department|county))?[ \t]+"
)


def _breakdown_title(text: str) -> bool:
    """A short title line that announces a breakdown ("Breakdown by perpetrator", "Deaths by
    region"; lexicons/check_cues.tsv kind breakdown)."""
    line = text.strip()
    return len(line) <= 60 and not line.endswith(".") and bool(_breakdown_words().search(line))


# "two soldiers each from Chad and Niger", "killing two each in Gwoza and Bama": the number
# counts once per place listed after "each".
_EACH = re.compile(r"[^\d,;:.]{0,40}?\beach[ \t]+(?:from|in|of|at)[ \t]+", re.IGNORECASE)
_LIST_JOINER = re.compile(r"(?:,[ \t]*|,?[ \t]+and[ \t]+)(?:the[ \t]+)?", re.IGNORECASE)
_EACH_REACH = 12  # characters between "each from" and the first place ("the town of")


def _split_each(drafts: list[Draft]) -> list[Draft]:
    """A number followed by "each from/in" and a list of places is one figure per place."""
    out: list[Draft] = []
    for draft in drafts:
        places = _each_places(draft)
        if len(places) < 2:
            out.append(draft)
            continue
        for name in places:
            copy = replace(draft, locations=[name], also_at=list(draft.also_at))
            out.append(copy)
    return out


def _each_places(draft: Draft) -> list[str]:
    """The places listed after "each from" right after the draft's number and noun."""
    scan = draft.scan
    base = scan.sentence.start
    each = _EACH.match(scan.sentence.text, draft.quantity.end - base)
    if each is None:
        return []
    at, names = base + each.end(), list[str]()
    for mention in sorted(scan.places, key=lambda m: m.start):
        if mention.start < at:
            continue
        gap = scan.text_between(at, mention.start)
        joined = _LIST_JOINER.fullmatch(gap) if names else len(gap) <= _EACH_REACH
        if not joined:
            break
        if mention.place.name not in names:
            names.append(mention.place.name)
        at = mention.end
    return names


def _with_parts(
    drafts: list[Draft], parts: list[tuple[Quantity, MeasureReading, int]], scan: Scan
) -> list[Draft]:
    """A breakdown by sex or age ("(55) female and (250) male; (305) people were killed") takes
    the measure of the sentence's next figure, else of its last one."""
    for quantity, reading, token in parts:
        after = [d for d in drafts if d.quantity.start > quantity.start]
        whole = after[0] if after else drafts[-1]
        drafts.append(
            Draft(quantity, whole.measure, reading.counted, reading.counted_head, scan, token)
        )
    return sorted(drafts, key=lambda d: d.quantity.start)


_HEADLINE_CHARS = 160
# A restatement is sought among the last this many kept figures of the same measure and value:
# all of them in any real document; in one with thousands it keeps merging linear (issue 12).
_RESTATEMENT_REACH = 200


def _merge_restatements(
    drafts: list[Draft], headlines: set[int], body: bool = True
) -> list[Draft]:
    """A figure restated (headline and body, quote and narration) is one figure with ``also_at``.

    ``headlines``: ids of the scans that are headlines; a figure that absorbs one joins them.
    ``body``: whether the document has a body, whose sentences win over its headline's; in a
    list of headlines the first stays.
    """
    kept: list[Draft] = []
    # Positions in ``kept`` by measure and value: only those can be restatements of each other.
    alike: dict[tuple[object, int], list[int]] = {}
    # the figure of each measure told last, which "3 of them" may point back at
    last: dict[Measure, Draft] = {}
    for draft in drafts:
        nearest = last.get(draft.measure)
        last[draft.measure] = draft
        positions = alike.setdefault((draft.measure, draft.quantity.value), [])
        candidates = positions[-_RESTATEMENT_REACH:]
        at = next(
            (i for i in candidates if _same_figure(kept[i], draft, headlines, nearest)), None
        )
        if at is None:
            positions.append(len(kept))
            kept.append(draft)
            continue
        twin = kept[at]
        # the body's sentence over a headline glued before its dateline
        later = _richness(draft, body) > _richness(twin, body) or (
            draft.scan is twin.scan and not _definite_back(twin, draft)
        )  # "the fifteen" pointing back yields to the count it points at
        primary, other = (draft, twin) if later else (twin, draft)
        primary.also_at.append((other.quantity.start, other.quantity.end))
        primary.also_at.extend(other.also_at)
        if id(other.scan) in headlines:
            headlines.add(id(primary.scan))
        if primary is draft:
            kept[at] = draft
    return sorted(kept, key=lambda d: d.quantity.start)


def _same_figure(
    a: Draft, b: Draft, headlines: set[int], nearest: Draft | None = None
) -> bool:
    """Whether ``b`` restates ``a`` (``nearest``: the figure of b's measure told just before b)."""
    if a.measure != b.measure or a.quantity.value != b.quantity.value:
        return False
    if (a.quantity.qualifier is Qualifier.RANGE) != (b.quantity.qualifier is Qualifier.RANGE):
        return False  # "About 150 were killed" and "150-200 were killed": two estimates
    glued = a.scan is b.scan and _dateline_between(a, b)
    if a.scan is b.scan and not glued and not _definite_back(a, b):
        return False
    if _repeated_passage(a, b):
        return True  # a scraped page repeats a paragraph: what context adds may differ
    if _of_another_event(a) or _of_another_event(b):
        return False  # "..., killing twelve. The attack comes days after a bomb killed 12."
    headline = glued or id(a.scan) in headlines or id(b.scan) in headlines
    pointer = nearest is not None and nearest.quantity.value == a.quantity.value
    if not (
        _same_kind(a.counted_head, b.counted_head)
        or headline
        or (pointer and _all_of_them(a, b))
        or _the_same_people(a, b)
    ):
        return False  # a headline names its count in few words ("270,000 Rohingya refugees")
    # outlets' headlines of one event name its killers in their own words
    both_headlines = id(a.scan) in headlines and id(b.scan) in headlines
    if a.actor and b.actor and a.actor.casefold() != b.actor.casefold() and not both_headlines:
        return False  # "Terrorists neutralised: 98" opening a line is the headline's terrorists
    if a.period != b.period and None not in (a.period[0], b.period[0]):
        return False
    return not (a.locations and b.locations and not _nested(a.locations, b.locations))


# Heads of counts that point back at people told before ("kidnapping 3 of them").
_BACK_POINTERS = frozenset({"they", "them", "those", "these"})


def _all_of_them(a: Draft, b: Draft) -> bool:
    """'abducted 3 aid workers ... before kidnapping 3 of them': a count of the people told just
    before in the same paragraph, as many as they were, is them again."""
    return b.counted_head in _BACK_POINTERS and (
        a.scan.sentence.paragraph == b.scan.sentence.paragraph
    )


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _definite_back(a: Draft, b: Draft) -> bool:
    """'fifteen tourists were abducted, but after inspecting the fifteen, the captors freed
    seven': a number after 'the' that counts no noun of its own (read off the parse) points back
    at the same count told before it in its sentence."""
    doc = b.scan.parse.doc if b.scan.parse is not None else None
    if doc is None or b.token < 0 or b.token >= len(doc) or a.quantity.start >= b.quantity.start:
        return False
    if not _THE_BEFORE.search(b.scan.text_between(b.quantity.start - 12, b.quantity.start)):
        return False
    return doc[b.token].dep_ != "nummod"


def _the_same_people(a: Draft, b: Draft) -> bool:
    """'3 aid workers were kidnapped ... gunmen kidnapped the three workers': people a later
    sentence counts with 'the', as many and befallen alike, are those told before, whatever
    noun it names them by."""
    return (
        a.scan is not b.scan
        and a.quantity.start < b.quantity.start
        and counts_people(a.counted_head)
        and counts_people(b.counted_head)
        and bool(_THE_BEFORE.search(b.scan.text_between(b.quantity.start - 12, b.quantity.start)))
    )


def _repeated_passage(a: Draft, b: Draft) -> bool:
    """Whether the two numbers stand at the same place of one sentence written twice."""
    return a.scan.sentence.text == b.scan.sentence.text and (
        a.quantity.start - a.scan.sentence.start == b.quantity.start - b.scan.sentence.start
    )


def _of_another_event(draft: Draft) -> bool:
    """Whether the figure's sentence tells another event before it ('days after a car bomb
    killed 12', 'in the wake of an attack that killed 12': `distinct` and `background` cues
    of lexicons/incident_cues.tsv)."""
    sentence = draft.scan.sentence
    before = draft.scan.text_between(sentence.start, draft.quantity.start)
    # "killed 22 and injured another 38": more of the same event, no other one; "in separate
    # incidents ..., killing five": the events the report tells, summed up
    before = _SAME_EVENTS.sub("", before)
    return bool(another_event_pattern().search(before))


_SAME_EVENTS = re.compile(
    r"\b(?:another|a further)\s*$|\b(?:two|three|several|multiple)?\s*separate\s+[a-z]+s\b",
    re.IGNORECASE,
)


def _dateline_between(a: Draft, b: Draft) -> bool:
    """Whether a dateline stands between two numbers of one sentence: the first is a headline's."""
    first, second = sorted((a.quantity, b.quantity), key=lambda q: q.start)
    return bool(GLUED_DATELINE.search(a.scan.text_between(first.end, second.start)))


def _headlines(scans: list[Scan]) -> set[int]:
    """The sentences (by id) that are headlines: a short line of its own without a full stop
    (a title, or one repeated as page furniture, or one of outlets' headlines glued by
    semicolons, which keeps its semicolon)."""
    per_line = Counter(s.sentence.paragraph for s in scans)
    return {
        id(s)
        for s in scans
        if per_line[s.sentence.paragraph] == 1
        and len(s.sentence.text) <= _HEADLINE_CHARS
        and not _headline_end(s.sentence.text).endswith((".", ":", ";"))
    }


def _headline_end(text: str) -> str:
    """A line without the semicolon that glues the next outlet's headline to it."""
    return text[:-1].rstrip() if text.endswith(";") and not text[:-1].endswith(";") else text


def _nested(a: list[str], b: list[str]) -> bool:
    """Same places, or one list inside the other ('Konduga' in 'Borno'; not 'Mosul', 'Baghdad')."""
    inside_b = {key for name in b for key in expand_place(name)}
    inside_a = {key for name in a for key in expand_place(name)}
    return all(normalise_place(n) in inside_b for n in a) or all(
        normalise_place(n) in inside_a for n in b
    )


def _same_kind(a: str | None, b: str | None) -> bool:
    """Counted nouns that can name the same thing: equal, unknown, or both members of a group."""
    return (
        a is None
        or b is None
        or a == b
        or (a in role_words("member") and b in role_words("member"))
        or {a, b} & {"people", "person"} != set()
    )


def _richness(draft: Draft, body: bool) -> int:
    # A headline (the first line) restated in the body yields to the body's fuller sentence.
    fields = sum(x is not None for x in (draft.time, draft.source, draft.actor)) + bool(
        draft.locations
    )
    return fields + 2 * (body and draft.scan.sentence.paragraph > 0)


def _to_figure(document: Document, number: int, draft: Draft) -> Figure:
    q = draft.quantity
    start, end = _evidence_span(draft)
    return Figure(
        doc=document.key,
        id=f"f{number}",
        start=start,
        end=end,
        text=document.text[start:end],
        quantity=q,
        measure=draft.measure,
        counted=_restored(draft.scan, draft.counted),
        actor=_restored(draft.scan, draft.actor),
        locations=tuple(draft.locations),
        period_start=draft.period[0],
        period_end=draft.period[1],
        time_text=draft.time.text if draft.time else None,
        source=draft.source,
        also_at=tuple(sorted(set(draft.also_at))),
    )


_CLOSED_BRACKET = re.compile(r"[)\]]\s*[,;.]")


_ASIDE_ITEM = re.compile(r"[^,;()]*?(?=\s+and\b|[,;()]|\Z)")
_ASIDE_ITEM_REACH = 40


def _inside_aside(scan: Scan, quantity: Quantity) -> bool:
    start, end = quantity.start - scan.sentence.start, quantity.end - scan.sentence.start
    return any(
        a.start() < start and end < a.end()
        for a in _BREAKDOWN_ASIDE.finditer(scan.sentence.text)
    )


def _evidence_span(draft: Draft) -> tuple[int, int]:
    """The number with its counted noun phrase and trigger: 'more than 9,000 ISIS detainees'."""
    scan, q = draft.scan, draft.quantity
    if scan.parse is None:
        return q.start, q.end
    token = _number_token(scan, q)
    if token is None or _CLOSED_BRACKET.match(scan.text_between(q.end, q.end + 3)):
        return q.start, q.end  # "Cauca (42), followed by": the count in brackets stands alone
    if _inside_aside(scan, q):
        # "(1 American, 1 Pakistani) staff": an item of a breakdown aside, whose words the
        # parser never saw (_BREAKDOWN_ASIDE); its evidence is its own words, up to the next item
        item = _ASIDE_ITEM.match(scan.text_between(q.end, q.end + _ASIDE_ITEM_REACH))
        return q.start, q.end + (len(item.group(0)) if item else 0)
    tokens = [token, token.head] if token.head.i > token.i else [token]
    head = token.head
    tokens += [c for c in head.children if c.dep_ in {"acl", "amod"} and c.i > head.i]
    last = max(tokens, key=lambda t: t.i)
    end = scan.sentence.start + last.idx + len(last.text) - scan.parse.start_char
    return q.start, max(q.end, min(end, scan.sentence.end))
