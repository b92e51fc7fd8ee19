"""A ``spark-extract`` output folder read back as Extractions, in input order, for ``import``.

DuckDB reads the Parquet tables natively. Each table is streamed sorted by ``(file_no, doc_no)``
on its own cursor, and the four streams are walked side by side, so one document's rows are
gathered without holding the whole output in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import duckdb

from newsledger.errors import InputError
from newsledger.extraction_tables import Row, extraction_from_rows
from newsledger.model import Extraction

# Within a document: figures and incidents by their number (f2 before f10), checks as written.
_ORDER = {
    "documents": "file_no, doc_no",
    "figures": "file_no, doc_no, length(id), id",
    "checks": "file_no, doc_no, n",
    "incidents": "file_no, doc_no, length(id), id",
    "errors": "file_no, line",
}
_BATCH = 2048
Key = tuple[int, int]


def is_extract_folder(path: str) -> bool:
    """Whether ``path`` looks like a ``spark-extract`` output folder (it has a documents table)."""
    return os.path.isdir(os.path.join(path, "documents"))


def read_extractions(folder: str) -> Iterator[Extraction]:
    """Every document of the folder with its figures, checks and incidents, in input order."""
    if not is_extract_folder(folder):
        raise InputError(folder, "not a spark-extract output folder (no documents/ table in it)")
    con = duckdb.connect()
    try:
        parts = {table: _grouped(con, folder, table)
                 for table in ("figures", "checks", "incidents")}
        ahead: dict[str, tuple[Key, list[Row]] | None] = {
            table: next(groups, None) for table, groups in parts.items()
        }
        for document in _rows(con, folder, "documents"):
            key = (document["file_no"], document["doc_no"])
            found: dict[str, list[Row]] = {}
            for table, groups in parts.items():
                # Rows of a document that was not written (none should exist) are passed over.
                while (group := ahead[table]) is not None and group[0] < key:
                    ahead[table] = next(groups, None)
                found[table] = group[1] if group is not None and group[0] == key else []
            yield extraction_from_rows(document, found["figures"], found["checks"],
                                       found["incidents"])
    finally:
        con.close()


def read_errors(folder: str) -> list[InputError]:
    """The inputs the run could not read or extract, as it reported them."""
    con = duckdb.connect()
    try:
        return [InputError(r["path"], r["message"], r["line"])
                for r in _rows(con, folder, "errors")]
    finally:
        con.close()


def _grouped(con: duckdb.DuckDBPyConnection, folder: str, table: str
             ) -> Iterator[tuple[Key, list[Row]]]:
    rows = _rows(con, folder, table)
    for key, group in groupby(rows, key=lambda row: (row["file_no"], row["doc_no"])):
        yield key, list(group)


def _rows(con: duckdb.DuckDBPyConnection, folder: str, table: str) -> Iterator[Row]:
    """The rows of one table sorted for the walk, streamed on a cursor of its own."""
    files = os.path.join(folder, table, "*.parquet")
    if not _has_parquet(os.path.join(folder, table)):
        return  # a table with no rows may be written as a folder without part files
    cursor = con.cursor()
    source = files.replace("'", "''")
    cursor.execute(f"SELECT * FROM read_parquet('{source}') ORDER BY {_ORDER[table]}")
    names = [column[0] for column in cursor.description or ()]
    while batch := cursor.fetchmany(_BATCH):
        yield from (_row(names, values) for values in batch)
    cursor.close()


def _row(names: list[str], values: tuple[Any, ...]) -> Row:
    return dict(zip(names, values, strict=True))


def _has_parquet(folder: str) -> bool:
    return os.path.isdir(folder) and any(name.endswith(".parquet") for name in os.listdir(folder))


__all__ = ["is_extract_folder", "read_errors", "read_extractions"]
