"""Errors keep their message and fields across processes (worker pools pickle them)."""

from __future__ import annotations

import pickle

import pytest

from newsledger.errors import InputError, LexiconError, NewsledgerError, OutputError


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

    def broken(document: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract", broken)
    documents = [read_text_document("Gunmen killed 5 people.", path="a.txt")]
    results = list(pipeline.extract_all(documents, workers=2))
    assert len(results) == 1
    assert isinstance(results[0], InputError)
    assert "a.txt" in str(results[0]) and "boom" in str(results[0])
