"""A document's text cut into pieces, each either plain or a figure's number, for highlighting.

The template escapes every piece; nothing here builds HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the document text; ``figure`` is the id of the figure whose number it is."""

    text: str
    figure: str | None = None
    status: str = ""  # the figure's review status ('' unreviewed)
    restatement: bool = False  # another passage stating the same figure (``also_at``)


def pieces(text: str, figures: Iterable[dict[str, Any]]) -> list[Piece]:
    """The text cut at every figure's number (and restatement); overlapping marks are dropped."""
    marks: list[tuple[int, int, dict[str, Any], bool]] = []
    for figure in figures:
        marks.append((figure["number_start"], figure["number_end"], figure, False))
        marks += [(a, b, figure, True) for a, b in figure["also_at"]]
    marks.sort(key=lambda mark: (mark[0], mark[3], -mark[1]))
    out: list[Piece] = []
    at = 0
    for start, end, figure, again in marks:
        if start < at or end <= start or end > len(text):
            continue  # overlaps a mark already placed, or lies outside the text
        if start > at:
            out.append(Piece(text[at:start]))
        out.append(Piece(text[start:end], figure["id"], figure.get("review") or "", again))
        at = end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


__all__ = ["Piece", "pieces"]
