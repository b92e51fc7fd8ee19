"""Long documents are read in pieces and put back together as one extraction.

Reading a document costs more than linear time in its length (checks and restatements look at
the figures near each figure, places and incidents at the sentences around them), and one process
reads it all. A document longer than ``PIECE_CHARS`` is cut at paragraph breaks into pieces that
are extracted like documents of their own (by the worker processes when there are several); their
figures, checks and incidents are then joined into one extraction of the whole document: offsets
point into the whole text, ids run f1, f2, ... and i1, i2, ... over the whole document, and every
reference (a check's parts, an incident's toll figure) follows its figure.

What a piece cannot see: figures of another piece are never parts, restatements or rivals of its
own (they are at least tens of thousands of characters apart), and each piece's first line is read
as a lead, as a document's is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsledger.model import Check, Document, Extraction, Figure, Incident, IncidentCount

# A document longer than this is read in pieces of about this many characters; a report is a few
# thousand, so only concatenated feeds and book-length texts are cut.
PIECE_CHARS = 100_000
# Where a piece may end, best first: a blank line, a line break, a sentence end, a space.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)
_REFUSED = re.compile(r"^figure f(\d+) \((.*) at character (\d+)\)", re.DOTALL)


def piece_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Where the pieces of ``text`` start and end: one piece when it is no longer than ``size``;
    else pieces of at most ``size`` characters, each cut after the best break (see _BREAKS) in
    its second half, so that a paragraph is cut only when it is longer than half a piece."""
    size = size or PIECE_CHARS
    bounds = []
    at = 0
    while len(text) - at > size:
        low, high = at + size // 2, at + size
        cut = high
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(text, low, high)]
            if ends:
                cut = ends[-1]
                break
        bounds.append((at, cut))
        at = cut
    bounds.append((at, len(text)))
    return bounds


def split_document(document: Document, size: int | None = None) -> list[tuple[int, Document]]:
    """The pieces of ``document`` with their offsets in its text (itself alone when short); each
    piece keeps the document's metadata and the page furniture (noise) inside it."""
    bounds = piece_bounds(document.text, size)
    if len(bounds) == 1:
        return [(0, document)]
    return [
        (start, replace(document, text=document.text[start:end],
                        noise=_noise_within(document.noise, start, end)))
        for start, end in bounds
    ]


def _noise_within(
    noise: tuple[tuple[int, int], ...], start: int, end: int
) -> tuple[tuple[int, int], ...]:
    return tuple(
        (max(a, start) - start, min(b, end) - start) for a, b in noise if a < end and b > start
    )


def join_extractions(document: Document, pieces: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction of ``document`` from those of its pieces (with their offsets), in order."""
    if len(pieces) == 1 and pieces[0][1].document is document:
        return pieces[0][1]
    joined = Joined(document)
    for offset, extraction in pieces:
        joined.add(offset, extraction)
    return joined.extraction()


class Joined:
    """The extractions of a document's pieces joined as they come, in order: each piece's
    figures are renumbered and shifted when it arrives (not all at the end, after the last
    piece), and the piece's own extraction can be let go."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._key = document.key  # hashes the whole text once, before the first piece
        self._figures: list[Figure] = []
        self._checks: list[Check] = []
        self._incidents: list[Incident] = []
        self._warnings: list[str] = []
        self._figure_base = self._incident_base = 0

    def add(self, offset: int, extraction: Extraction) -> None:
        """Join the next piece's extraction; ``offset``: where the piece starts in the text."""
        document, figure_base = self.document, self._figure_base
        ids = {f.id: f"f{figure_base + _number(f.id)}" for f in extraction.figures}
        self._figures += [_shift_figure(f, document, offset, ids) for f in extraction.figures]
        self._checks += [_renamed_check(c, document, ids) for c in extraction.checks]
        self._incidents += [_shift_incident(i, document, offset, self._incident_base, ids)
                            for i in extraction.incidents]
        self._warnings += [_shift_warning(w, offset, figure_base) for w in extraction.warnings]
        # Ids of refused figures are skipped, as in a document read whole: count them too.
        self._figure_base += max([_number(f.id) for f in extraction.figures]
                                 + [len(extraction.figures) + len(extraction.warnings)])
        self._incident_base += max([_number(i.id) for i in extraction.incidents], default=0)

    def extraction(self) -> Extraction:
        """The whole document's extraction, of the pieces added so far."""
        return Extraction(document=self.document, figures=tuple(self._figures),
                          checks=tuple(self._checks), incidents=tuple(self._incidents),
                          warnings=tuple(self._warnings))


def _number(item_id: str) -> int:
    return int(item_id[1:])


def _shift_figure(figure: Figure, document: Document, offset: int, ids: dict[str, str]) -> Figure:
    q = figure.quantity
    return replace(
        figure,
        doc=document.key,
        id=ids[figure.id],
        start=figure.start + offset,
        end=figure.end + offset,
        quantity=replace(q, start=q.start + offset, end=q.end + offset),
        also_at=tuple((a + offset, b + offset) for a, b in figure.also_at),
    )


def _renamed_check(check: Check, document: Document, ids: dict[str, str]) -> Check:
    def new(figure_id: str | None) -> str | None:
        return ids.get(figure_id, figure_id) if figure_id else figure_id

    return replace(check, doc=document.key, total=new(check.total),
                   parts=tuple(ids.get(p, p) for p in check.parts),
                   whole=new(check.whole), part=new(check.part))


def _shift_incident(
    incident: Incident, document: Document, offset: int, base: int, ids: dict[str, str]
) -> Incident:
    def count(toll: IncidentCount | None) -> IncidentCount | None:
        if toll is None or toll.figure is None:
            return toll
        return replace(toll, figure=ids.get(toll.figure, toll.figure))

    return replace(
        incident,
        doc=document.key,
        id=f"i{base + _number(incident.id)}",
        start=incident.start + offset,
        end=incident.end + offset,
        killed=count(incident.killed),
        injured=count(incident.injured),
        kidnapped=count(incident.kidnapped),
    )


def _shift_warning(warning: str, offset: int, base: int) -> str:
    """A refused figure's warning (pipeline._refused) with its id and offset in the whole text."""
    found = _REFUSED.match(warning)
    if not found:
        return warning
    number, shown, at = found.groups()
    return (f"figure f{base + int(number)} ({shown} at character {int(at) + offset})"
            + warning[found.end():])


__all__ = ["PIECE_CHARS", "Joined", "join_extractions", "piece_bounds", "split_document"]
