"""Long documents (issue 12): read in pieces cut at paragraph breaks, joined into one extraction
whose offsets, ids and references are those of the whole text. A small piece size stands in for
the real one, so a few reports make a "long" document."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import pytest

from newsledger import long_documents
from newsledger.long_documents import piece_bounds
from newsledger.model import Document, Extraction

TOWNS = ("Kirkuk", "Mosul", "Tikrit", "Ramadi", "Baqubah", "Samarra", "Fallujah", "Balad")


def _story(n: int, town: str) -> str:
    """Report ``n``: every number in it tells which report it is (n+10 dead, n+3 children, ...)."""
    return (
        f"{town.upper()}, June {n + 1} - Gunmen killed {n + 10} people in an attack on a market "
        f"in {town} on Tuesday, police said. Among the dead were {n + 3} children and {n + 2} "
        f"women. A further {n + 20} people were wounded, a hospital official said."
    )


STORIES = [_story(n, town) for n, town in enumerate(TOWNS)]
FEED = "\n\n".join(STORIES)
# Where each report starts in FEED.
STARTS = [m.start() for m in re.finditer(r"^[A-Z]{3,}, June", FEED, re.MULTILINE)]
# A value beyond the ledger's range in the last report: refused, with a warning that must name
# its place in the whole text.
HUGE = "Officials said 999,999,999,999,999,999,999 people were displaced."
FEED_WITH_HUGE = FEED + " " + HUGE


def _story_of(position: int) -> int:
    return max(i for i, start in enumerate(STARTS) if start <= position)


@pytest.mark.parametrize(
    ("text", "size", "cuts"),
    [
        ("short text", 100, []),
        # A blank line in the second half of the window wins over a later line break or space.
        ("a" * 60 + "\n\n" + "b" * 20 + "\nc c " + "d" * 40, 100, [62]),
        # No blank line: the last line break in the second half.
        ("a" * 60 + "\n" + "b" * 60, 100, [61]),
        # No line break: the last sentence end, then the last space.
        ("a" * 55 + ". " + "b b " + "c" * 60, 100, [57]),
        ("a" * 55 + " " + "b" * 60, 100, [56]),
        # Nothing to cut at: a hard cut at the piece size.
        ("x" * 250, 100, [100, 200]),
    ],
)
def test_long_pieces_are_cut_at_the_best_break_of_their_second_half(
    text: str, size: int, cuts: list[int]
) -> None:
    bounds = piece_bounds(text, size)
    assert [end for _, end in bounds[:-1]] == cuts
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in pairwise(bounds))
    assert all(0 < end - start <= size for start, end in bounds)


@pytest.fixture(scope="module")
def split_extraction() -> tuple[Document, Extraction]:
    """FEED_WITH_HUGE extracted in pieces of at most 500 characters (two reports or fewer)."""
    from newsledger.ingest import read_text_document
    from newsledger.pipeline import extract

    document = read_text_document(FEED_WITH_HUGE, published=date(2024, 6, 30))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(long_documents, "PIECE_CHARS", 500)
        assert len(piece_bounds(document.text)) > 3
        return document, extract(document)


def test_long_document_figures_point_into_the_whole_text(
    split_extraction: tuple[Document, Extraction],
) -> None:
    document, extraction = split_extraction
    text = document.text
    values_by_story: dict[int, set[int]] = {}
    for figure in extraction.figures:
        assert figure.doc == document.key
        assert text[figure.start : figure.end] == figure.text
        q = figure.quantity
        assert text[q.start : q.end] == q.number_text
        assert all(text[a:b].strip() for a, b in figure.also_at)
        values_by_story.setdefault(_story_of(q.start), set()).add(q.low)
    # Each report's numbers were found at its own place, in every piece.
    for n in range(len(TOWNS)):
        assert {n + 3, n + 2, n + 20} <= values_by_story[n], n
    ids = [figure.id for figure in extraction.figures]
    assert len(set(ids)) == len(ids)
    numbers = [int(i[1:]) for i in ids]
    assert numbers == sorted(numbers)
    assert [f.quantity.start for f in extraction.figures] == sorted(
        f.quantity.start for f in extraction.figures
    )


def test_long_document_checks_and_incidents_are_those_of_its_pieces_read_alone(
    split_extraction: tuple[Document, Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.long_documents import split_document
    from newsledger.pipeline import extract

    document, extraction = split_extraction
    monkeypatch.setattr(long_documents, "PIECE_CHARS", 500)
    pieces = split_document(document)
    monkeypatch.setattr(long_documents, "PIECE_CHARS", 100_000)
    alone = [(offset, extract(piece)) for offset, piece in pieces]

    def at(figures: dict[str, int], figure_id: str | None) -> int | None:
        return figures[figure_id] if figure_id else None

    def described(e: Extraction, offset: int) -> tuple[list[tuple[object, ...]], ...]:
        starts = {f.id: f.quantity.start + offset for f in e.figures}
        return (
            [(starts[f.id], f.quantity.low, f.measure, f.text) for f in e.figures],
            [(c.type, c.holds, at(starts, c.total), tuple(starts[p] for p in c.parts),
              at(starts, c.whole), at(starts, c.part), c.reason) for c in e.checks],
            [(i.start + offset, i.end + offset, i.place, i.killed and i.killed.low,
              i.killed and at(starts, i.killed.figure)) for i in e.incidents],
        )

    joined = described(extraction, 0)
    for part, kind in enumerate(("figures", "checks", "incidents")):
        expected = [line for offset, e in alone for line in described(e, offset)[part]]
        assert joined[part] == expected, kind
    assert extraction.checks and extraction.incidents
    assert all(c.doc == i.doc == document.key
               for c in extraction.checks for i in extraction.incidents)
    assert len({i.id for i in extraction.incidents}) == len(extraction.incidents)


def test_long_document_refused_figure_is_named_by_its_place_in_the_whole_text(
    split_extraction: tuple[Document, Extraction],
) -> None:
    _, extraction = split_extraction
    (warning,) = extraction.warnings
    at = FEED_WITH_HUGE.index("999,999")
    assert f"at character {at})" in warning
    refused = re.match(r"figure (f\d+) ", warning)
    assert refused and refused.group(1) not in {f.id for f in extraction.figures}


def test_long_document_through_the_stream_is_the_same_as_alone(
    split_extraction: tuple[Document, Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.ingest import read_text_document
    from newsledger.pipeline import extract_all

    document, alone = split_extraction
    monkeypatch.setattr(long_documents, "PIECE_CHARS", 500)
    short = read_text_document(STORIES[0], published=date(2024, 6, 30))
    streamed = list(extract_all([short, document, short], workers=1))
    assert [e.document for e in streamed if isinstance(e, Extraction)] == [short, document, short]
    assert streamed[1] == alone


@pytest.mark.parametrize("failing", [0, 3, len(STORIES) - 1],
                         ids=["first piece", "a middle piece", "last piece"])
def test_long_document_with_a_failed_piece_fails_alone_in_the_stream(
    failing: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger import pipeline
    from newsledger.errors import InputError
    from newsledger.ingest import read_text_document

    scan = pipeline.scan_document

    def broken(document: Document) -> object:
        if STORIES[failing] in document.text:
            raise ValueError("a rule broke")
        return scan(document)

    monkeypatch.setattr(long_documents, "PIECE_CHARS", 500)
    monkeypatch.setattr(pipeline, "scan_document", broken)
    document = read_text_document(FEED, path="feed.txt", published=date(2024, 6, 30))
    short = read_text_document(STORIES[failing], path="short.txt")
    after = read_text_document(STORIES[failing].replace("Gunmen", "Militants"), path="after.txt")
    streamed = list(pipeline.extract_all([document, short, after], workers=1))
    assert [type(e) for e in streamed] == [InputError, InputError, Extraction]
    assert "feed.txt" in str(streamed[0]) and "a rule broke" in str(streamed[0])
    assert streamed[2].figures
