"""The passage behind a figure: the sentence around its evidence span, split at the number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.extract.words import split_sentences

# A sentence longer than this (a scraped page with no full stops) is cut around the span.
MAX_PASSAGE = 480


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence split in three: the text before the stated number, the number, the rest."""

    before: str
    number: str
    after: str
    number_start: int  # offsets of the number in the document text
    number_end: int


def passage(text: str, start: int, end: int, number_text: str) -> Passage:
    """The sentence(s) holding ``text[start:end]``, with ``number_text`` marked inside the span."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    number_start, number_end = find_number(text, start, end, number_text)
    first, last = sentence_bounds(text, start, end)
    shown_first, shown_last = _clip(first, last, number_start, number_end)
    return Passage(
        before=("…" if shown_first > first else "") + _flat(text[shown_first:number_start]),
        number=_flat(text[number_start:number_end]),
        after=_trim_open_quote(_flat(text[number_end:shown_last]))
        + ("…" if shown_last < last else ""),
        number_start=number_start,
        number_end=number_end,
    )


def find_number(text: str, start: int, end: int, number_text: str) -> tuple[int, int]:
    """Where ``number_text`` stands in the span (case ignored); the whole span if it is absent."""
    span = text[start:end]
    at = span.find(number_text)
    if at < 0:
        at = span.lower().find(number_text.lower())
    if at < 0 or not number_text:
        return start, end
    return start + at, start + at + len(number_text)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentences that overlap ``[start, end)``, within the span's line(s)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    overlapping = [s for s in split_sentences(line)
                   if s.start + line_start < end and s.end + line_start > start]
    if not overlapping:
        return line_start, line_end
    first = min(start, overlapping[0].start + line_start)
    last = max(end, overlapping[-1].end + line_start)
    return first, last


def _clip(first: int, last: int, number_start: int, number_end: int) -> tuple[int, int]:
    """Keep at most MAX_PASSAGE characters, centred on the number."""
    if last - first <= MAX_PASSAGE:
        return first, last
    half = (MAX_PASSAGE - (number_end - number_start)) // 2
    first = max(first, number_start - half)
    return first, min(last, number_end + half)


def _trim_open_quote(text: str) -> str:
    # The sentencizer leaves the next sentence's opening quote on this one: '... said. “'
    return _OPEN_QUOTE_AT_END.sub("", text)


_OPEN_QUOTE_AT_END = re.compile(r"\s+[“‘\"']+$")


def _flat(text: str) -> str:
    """Whitespace runs (line breaks of scraped text) as single spaces."""
    return re.sub(r"\s+", " ", text)


__all__ = ["MAX_PASSAGE", "Passage", "find_number", "passage", "sentence_bounds"]
