"""Errors keep their message and fields across processes (worker pools pickle them)."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date

import pytest

from newsledger.errors import InputError, LexiconError, NewsledgerError, OutputError
from newsledger.model import Document, Extraction


@pytest.mark.parametrize(
    "error",
    [
        InputError("feed.jsonl", "line is not JSON", line=3),
        InputError("empty.txt", "the file is empty"),
        LexiconError("places.tsv", 12, "expected 7 fields"),
        OutputError("out/report.html", "permission denied"),
    ],
)
def test_errors_round_trip_through_pickle(error: NewsledgerError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_errors_extraction_failure_in_a_worker_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsledger import pipeline
    from newsledger.ingest import read_text_document

    def broken(document: Document, *args: object) -> object:
        if document.path == "b.txt":
            raise RuntimeError("boom")
        return found(document, *args)

    found = pipeline.find_figures
    monkeypatch.setattr(pipeline, "find_figures", broken)
    # Enough documents for the worker processes to start (a shorter stream runs in-process).
    paths = ["a.txt", "b.txt"] + [f"{n}.txt" for n in range(2, 40)]
    documents = [read_text_document(f"Gunmen killed {n + 5} people.", path=path)
                 for n, path in enumerate(paths)]
    results = list(pipeline.extract_all(documents, workers=2))
    assert [type(r).__name__ for r in results[:3]] == ["Extraction", "InputError", "Extraction"]
    assert len(results) == len(documents)
    assert "b.txt" in str(results[1]) and "boom" in str(results[1])
    assert all(isinstance(r, Extraction) for r in results[2:])


# --- hostile documents (issue 12) ---------------------------------------------------------------

def test_errors_extraction_failure_names_the_jsonl_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsledger import pipeline
    from newsledger.ingest import read_text_document

    def broken(document: object) -> object:
        raise ValueError("year 0 is out of range")

    monkeypatch.setattr(pipeline, "extract", broken)
    document = read_text_document("Gunmen killed 5 people.", path="feed.jsonl", line=7)
    error = pipeline.safe_extract(document)
    assert isinstance(error, InputError)
    assert str(error) == "feed.jsonl:7: extraction failed: ValueError: year 0 is out of range"


@pytest.mark.parametrize(
    ("published", "text"),
    [
        (date(9999, 12, 31), "Gunmen killed 5 people in Kabul next year."),
        (date(9999, 12, 31), "Gunmen killed 5 people in Kabul next week."),
        (date(1, 1, 1), "Gunmen killed 5 people in Kabul last year."),
        (date(1, 1, 3), "Gunmen killed 5 people in Kabul last week, police said on Monday."),
    ],
)
def test_errors_time_words_at_the_ends_of_the_calendar_give_no_period(
    extract_text: Callable[..., Extraction], published: date, text: str
) -> None:
    extraction = extract_text(text, published=published)
    assert [figure.quantity.number_text for figure in extraction.figures] == ["5"]


def test_errors_a_line_longer_than_spacy_allows_is_read_in_pieces(
    extract_text: Callable[..., Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.extract.words import sentences
    from newsledger.pipeline import load_model

    # The same as a line over 1,000,000 characters against spaCy's default, at a small scale.
    monkeypatch.setattr(sentences, "PIECE_CHARS", 600)
    monkeypatch.setattr(sentences.sentence_splitter(), "max_length", 1000)
    monkeypatch.setattr(load_model(), "max_length", 1000)
    clause = "gunmen killed {} villagers in Kunduz, officials said, and "
    line = "".join(clause.format(n) for n in range(2, 80)) + "the army said nothing."
    extraction = extract_text(line)
    numbers = [figure.quantity.number_text for figure in extraction.figures]
    assert len(numbers) > 60 and numbers[:3] == ["2", "3", "4"]
    assert all(line[f.start:f.end] == f.text for f in extraction.figures)
