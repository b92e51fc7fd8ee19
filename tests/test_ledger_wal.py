"""Letting go of a ledger between writes (issue 11): ``release`` leaves DuckDB's write-ahead log
for the next opener instead of checkpointing it (a checkpoint writes the last row group of every
table again, which grew with the ledger), ``close`` checkpoints once. What is committed is read
the same either way: by the writer opening again, by a reader, and after ``close`` (a ledger let
go and then closed keeps its log for the next opener, who replays it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.model import Extraction
from newsledger.store import Ledger


def _wal(path: Path) -> Path:
    return Path(f"{path}.wal")


def _keys(path: Path, read_only: bool) -> list[str]:
    with Ledger(str(path), read_only=read_only) as ledger:
        return sorted(row["doc"] for row in ledger.figures())


def test_a_new_ledger_leaves_no_log_behind_its_tables(tmp_path: Path) -> None:
    """Migrations are checkpointed: DuckDB cannot replay a log that creates views."""
    path = tmp_path / "new.duckdb"
    ledger = Ledger(str(path))
    ledger.release()
    assert not _wal(path).exists()
    ledger.close()


@pytest.mark.parametrize("reader", ["writer again", "read-only", "after close"])
def test_released_writes_are_read_back(tmp_path: Path, news_extractions: tuple[Extraction, ...],
                                       reader: str) -> None:
    path = tmp_path / "ledger.duckdb"
    ledger = Ledger(str(path))
    for extraction in news_extractions:
        ledger.hold()
        ledger.add(extraction)
        ledger.release()
    assert _wal(path).exists()  # the log waits for the next opener
    wanted = sorted(f.doc for e in news_extractions for f in e.figures)
    if reader == "writer again":
        ledger.hold()
        assert sorted(row["doc"] for row in ledger.figures()) == wanted
        ledger.close()
    elif reader == "read-only":
        assert _keys(path, read_only=True) == wanted
        ledger.close()
    else:
        ledger.hold()  # as an ingest does to reconcile after its writes
        ledger.close()
        assert not _wal(path).exists()  # close checkpointed it
        assert _keys(path, read_only=True) == wanted
