"""Paragraphs and sentences with character offsets into the text as given."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from newsledger.extract.words.language import sentence_splitter

# A wiki section heading glued into a scraped line ("were killed.==Background==In February ...")
# is a paragraph of its own: it ends the section before and opens the next.
_HEADING = r"={2,}[ \t]*[A-Za-z][^=\n]{0,80}={2,}"
_PARAGRAPH = re.compile(rf"{_HEADING}|(?:(?!{_HEADING})[^\n])+")
# spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, error E088) and its memory
# grows with the text, so a longer line is cut into pieces of at most this many characters, each
# ending after a sentence end or a space where one is near. No real sentence is this long.
PIECE_CHARS = 50_000
_PIECE_END = re.compile(r"[.!?][\"')\]]*\s+|\s+")
_OPENING_LEFT_BEHIND = re.compile(r"(?<=\s)[(\[]\s*$")
# "till 6. 00am yesterday": a clock time whose point the scrape spaced out ends no sentence.
_HOUR_END = re.compile(r"(?<![\d.])\d{1,2}\.\Z")
_MINUTES_START = re.compile(r"\s*\d\d[ \t]*[ap]\.?m\b", re.IGNORECASE)
# Bullet points scraped without their full stops ("... students taken hostage Two guards confirmed
# dead in ..."): a capitalised number word between lower-case words starts a new sentence.
_RUN_ON_COUNT = re.compile(
    r"(?<=[a-z]) (?=(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen"
    r"|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty"
    r"|Seventy|Eighty|Ninety|Hundreds|Dozens|Scores)(?:-[a-z]+)? [a-z])"
)

# A scraped sentence glued to a clock time's abbreviation ("at 4:30 p.m.The truck left"): the
# splitter reads "p.m." as an abbreviation that ends nothing.
_GLUED_AFTER_CLOCK = re.compile(r"(?:(?<=\d[ \t][ap]\.m\.)|(?<=\d[ap]\.m\.))(?=[A-Z][a-z])")
_RUN_ON = re.compile(f"{_RUN_ON_COUNT.pattern}|{_GLUED_AFTER_CLOCK.pattern}")
# Two headlines joined by a slash ("458 People Killed/11 Sentenced to Death"): a count after a
# slash that follows a word opens a sentence of its own.
_SLASHED_COUNT = re.compile(
    r"(?<=[A-Za-z])/(?=(?:(?:at least|more than|over|nearly|about|around) )?\d)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: offsets into the document text, and the paragraph (line) it belongs to."""

    start: int
    end: int
    paragraph: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; a line break ends one (scraped text is line-based) unless the
    line is wrapped: it stops without a sentence end and the next one goes on in lower case
    ("... said on Thursday\nthat 6 soldiers were\nwounded")."""
    sentences: list[Sentence] = []
    for paragraph, (line_start, line_text) in enumerate(_lines(text)):
        if not line_text.strip():
            continue
        for offset, piece in _pieces(line_text, line_start):
            for begin, end in _bounds(piece):
                sent = piece[begin:end]
                chunk = sent.strip()
                if not chunk:
                    continue
                start = offset + begin + (len(sent) - len(sent.lstrip()))
                sentences.append(Sentence(start, start + len(chunk), paragraph, chunk))
    return sentences


_WRAPPED_END = re.compile(r"[^.!?:;\s]\s*\Z")
_GOES_ON = re.compile(r"[ \t]*[a-z]")
# A table line: a label, a colon or spaced dash (or tab), a count ("kidnapping - 289"); two in a
# row are lines of a table, never one wrapped line, whatever case the labels are in.
_TABLE_LINE = re.compile(
    r"[ \t]*(?:[-•*·▪–—][ \t]*)?[^\W\d][^:\d\t\n]{0,60}?(?:[ \t]*:|[ \t]+[-–—]|\t)[ \t]*"
    r"\d[\d,]*[ \t]*\Z"
)


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` (offset, text), a wrapped line joined to the line it goes on in."""
    lines: list[tuple[int, str]] = []
    for match in _PARAGRAPH.finditer(text):
        if lines and _wrapped(text, lines[-1], match):
            start, _ = lines[-1]
            lines[-1] = (start, text[start : match.end()])
        else:
            lines.append((match.start(), match.group()))
    return _headlines(lines)


# Headlines of several outlets glued into one line by semicolons with no space after them
# ("Army kills 22 militants;Troops kill 21 extremists;..."), as event datasets list an event's
# sources: at least this many such joints in a text of one line (or one joint that ends a
# sentence or opens a headline, below).
_GLUED_JOINT = re.compile(r";(?=\S)")
_GLUED_HEADLINES = 2
_SENTENCE_END_GLUED = re.compile(r"[.!?][\"'”’)]*;(?=\S)")
_HEADLINE_GLUED = re.compile(r"[A-Za-z]\)?;(?=[A-Z0-9\"“])")


def glued_headlines(text: str) -> tuple[int, ...]:
    """Where each headline after the first starts, when ``text`` is one line of headlines glued
    by semicolons; () for any other text."""
    if "\n" in text.strip():
        return ()
    joints = tuple(m.end() for m in _GLUED_JOINT.finditer(text))
    if len(joints) == 1 and (
        _SENTENCE_END_GLUED.search(text) or _HEADLINE_GLUED.search(text)
    ):
        # two outlets' sentences, the first ending with its full stop ("...";"..."), or two
        # headlines, the second opening with a capital or a count ("...Blast;Deadly ...")
        return joints
    return joints if len(joints) >= _GLUED_HEADLINES else ()


def _headlines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A text of one line that is a glued list of headlines, each headline a line of its own
    (so that no sentence, and no figure, runs from one outlet's headline into the next)."""
    filled = [line for line in lines if line[1].strip()]
    if len(filled) != 1:
        return lines
    start, body = filled[0]
    joints = glued_headlines(body)
    if not joints:
        return lines
    bounds = [0, *joints, len(body)]
    return [(start + a, body[a:b]) for a, b in itertools.pairwise(bounds)]


def _wrapped(text: str, line: tuple[int, str], following: re.Match[str]) -> bool:
    """Whether ``line`` is wrapped into ``following``: one line break between, no sentence end
    before it, a lower-case word after it."""
    start, body = line
    between = text[start + len(body) : following.start()]
    last_line = body.rsplit("\n", 1)[-1]
    return (
        between == "\n"
        and _WRAPPED_END.search(body) is not None
        and _GOES_ON.match(following.group()) is not None
        and not (_TABLE_LINE.match(last_line) and _TABLE_LINE.match(following.group().rstrip()))
    )


def _pieces(line: str, offset: int) -> list[tuple[int, str]]:
    """``line`` in pieces of at most PIECE_CHARS characters with their offsets, cut after the last
    sentence end (else space) of each piece's second half; one piece when the line is short."""
    size = PIECE_CHARS
    pieces = []
    at = 0
    while len(line) - at > size:
        window = line[at + size // 2 : at + size]
        ends = [m.end() for m in _PIECE_END.finditer(window) if not m.group()[0].isspace()]
        spaces = [m.end() for m in _PIECE_END.finditer(window)]
        cut = at + size // 2 + (ends or spaces or [len(window)])[-1]
        pieces.append((offset + at, line[at:cut]))
        at = cut
    pieces.append((offset + at, line[at:]))
    return pieces


def _bounds(line: str) -> list[tuple[int, int]]:
    """Sentence spans of one line; an opening bracket left at a sentence's end ("2023. (122)
    people ...") goes to the sentence it opens."""
    bounds = _split_run_on_counts(line, _join_spaced_clock_times(
        line, [(s.start_char, s.end_char) for s in sentence_splitter()(line).sents]
    ))
    for i in range(len(bounds) - 1):
        (begin, end), (_, next_end) = bounds[i], bounds[i + 1]
        opened = _OPENING_LEFT_BEHIND.search(line, begin, end)
        if opened is not None:
            bounds[i], bounds[i + 1] = (begin, opened.start()), (opened.start(), next_end)
    return bounds


def _join_spaced_clock_times(line: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a split inside a spaced-out clock time ("6. | 00am") undone."""
    joined: list[tuple[int, int]] = []
    for begin, end in bounds:
        if joined:
            last_begin, last_end = joined[-1]
            if _HOUR_END.search(line[last_begin:last_end].rstrip()) and _MINUTES_START.match(
                line, last_end
            ):
                joined[-1] = (last_begin, end)
                continue
        joined.append((begin, end))
    return joined


def _split_run_on_counts(line: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a run-on bullet point cut where a capitalised number word opens it,
    a sentence glued to a clock time's 'p.m.' ("around 4:30 p.m.The building was hit") cut after
    it, and slashed headlines cut at the slash."""
    split: list[tuple[int, int]] = []
    for begin, end in bounds:
        cuts = [
            *_RUN_ON.finditer(line, begin, end),
            *_SLASHED_COUNT.finditer(line, begin, end),
        ]
        for match in sorted(cuts, key=lambda m: m.start()):
            split.append((begin, match.start()))
            begin = match.end()
        split.append((begin, end))
    return split
