"""Extractions as rows of five tables, and back: the Parquet layout of ``spark-extract``.

    documents  one row per document read: its metadata, text, and what extraction refused in it
    figures    the figure lines of ``extract --format jsonl`` (docs/contract.md), one column a key
    checks     the check lines (a subset check has null ``total`` and ``parts``)
    incidents  the incident lines; ``killed``, ``injured``, ``kidnapped`` are structs
    errors     inputs that could not be read or extracted: ``path``, ``line``, ``message``

Every row also carries where its document came from: ``doc_id`` (the content id the ledger keys
documents by), ``file_no`` (the input file's place in the run's sorted list of files) and
``doc_no`` (the document's place in its file). ``(file_no, doc_no)`` is unique per document read,
even when two inputs hold the same text or the same given id; sorting by it restores input order.
``checks`` also has ``n``, the check's place among its document's checks.

Column types are written once, as Spark DDL (``SCHEMAS``); Parquet keeps them, so DuckDB and
pyarrow read the same types: dates as DATE, ``also_at`` and ``noise`` as lists of ``[start, end]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from newsledger.extract.incidents import incident_line
from newsledger.model import (
    Check,
    CheckType,
    DatePrecision,
    Document,
    Extraction,
    Figure,
    Incident,
    IncidentCount,
    Measure,
    Qualifier,
    Quantity,
)

TABLES = ("documents", "figures", "checks", "incidents", "errors")
_WHERE = "`doc_id` STRING, `file_no` INT, `doc_no` INT"
_COUNT = "STRUCT<`low`: BIGINT, `high`: BIGINT, `qualifier`: STRING, `figure`: STRING>"
SCHEMAS = {
    "documents": f"{_WHERE}, `doc` STRING, `name` STRING, `title` STRING, `published` DATE, "
    "`url` STRING, `outlet` STRING, `path` STRING, `line` INT, `text` STRING, "
    "`noise` ARRAY<ARRAY<INT>>, `warnings` ARRAY<STRING>",
    "figures": f"{_WHERE}, `kind` STRING, `doc` STRING, `id` STRING, `start` INT, `end` INT, "
    "`text` STRING, `number_text` STRING, `low` BIGINT, `high` BIGINT, `qualifier` STRING, "
    "`measure` STRING, `counted` STRING, `actor` STRING, `locations` ARRAY<STRING>, "
    "`period_start` DATE, `period_end` DATE, `time_text` STRING, `source` STRING, "
    "`also_at` ARRAY<ARRAY<INT>>",
    "checks": f"{_WHERE}, `n` INT, `kind` STRING, `doc` STRING, `type` STRING, `total` STRING, "
    "`parts` ARRAY<STRING>, `whole` STRING, `part` STRING, `holds` BOOLEAN, `reason` STRING",
    "incidents": f"{_WHERE}, `kind` STRING, `doc` STRING, `id` STRING, `start` INT, `end` INT, "
    "`date` DATE, `date_precision` STRING, `date_text` STRING, `country` STRING, "
    "`admin1` STRING, `place` STRING, `lat` DOUBLE, `lon` DOUBLE, `geo_precision` INT, "
    "`geo_reason` STRING, `type` STRING, `sub_type` STRING, `perpetrator` STRING, "
    "`perpetrator_status` STRING, `target` STRING, "
    f"`killed` {_COUNT}, `injured` {_COUNT}, `kidnapped` {_COUNT}",
    "errors": "`file_no` INT, `path` STRING, `line` INT, `message` STRING",
}
_DATES = frozenset({"published", "period_start", "period_end", "date"})
_COUNTS = ("killed", "injured", "kidnapped")

Row = dict[str, Any]


def extraction_rows(extraction: Extraction, file_no: int, doc_no: int) -> Iterator[tuple[str, Row]]:
    """``(table, row)`` for one document and everything extracted from it."""
    document = extraction.document
    where = {"doc_id": document.id, "file_no": file_no, "doc_no": doc_no}
    yield "documents", {**where, **document_row(document), "warnings": list(extraction.warnings)}
    for figure in extraction.figures:
        yield "figures", {**where, **_typed(figure.to_json())}
    for n, check in enumerate(extraction.checks):
        blank = {"total": None, "parts": None, "whole": None, "part": None}  # the other kind's
        yield "checks", {**where, "n": n, **blank, **check.to_json()}
    for incident in extraction.incidents:
        yield "incidents", {**where, **_typed(incident_line(incident))}


def error_row(file_no: int, path: str, line: int | None, message: str) -> Row:
    """A row of the ``errors`` table."""
    return {"file_no": file_no, "path": path, "line": line, "message": message}


def document_row(document: Document) -> Row:
    """A document's metadata, text and noise spans (``doc`` is its output id)."""
    return {
        "doc": document.key, "name": document.name, "title": document.title,
        "published": document.published, "url": document.url, "outlet": document.outlet,
        "path": document.path, "line": document.line, "text": document.text,
        "noise": [list(span) for span in document.noise],
    }


def _typed(line: Row) -> Row:
    """A contract line with its ISO dates as dates, as the DATE columns hold them."""
    return {key: _day(value) if key in _DATES else value for key, value in line.items()}


def _day(value: str | date | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def extraction_from_rows(
    document: Row, figures: list[Row], checks: list[Row], incidents: list[Row]
) -> Extraction:
    """The Extraction the rows of one document were made from (what the ledger stores of it)."""
    return Extraction(
        document=document_from_row(document),
        figures=tuple(figure_from_row(row) for row in figures),
        checks=tuple(check_from_row(row) for row in checks),
        incidents=tuple(incident_from_row(row) for row in incidents),
        warnings=tuple(document["warnings"] or ()),
    )


def document_from_row(row: Row) -> Document:
    """A ``documents`` row back as a Document."""
    return Document(
        text=row["text"], title=row["title"], published=_day(row["published"]), url=row["url"],
        outlet=row["outlet"], name=row["name"], path=row["path"], line=row["line"],
        noise=tuple((a, b) for a, b in row["noise"] or ()),
    )


def figure_from_row(row: Row) -> Figure:
    """A ``figures`` row back as a Figure (its number's own offsets are the evidence's, as in
    the ledger, which does not keep them)."""
    quantity = Quantity(row["low"], row["high"], Qualifier(row["qualifier"]), row["number_text"],
                        row["start"], row["end"])
    return Figure(
        doc=row["doc"], id=row["id"], start=row["start"], end=row["end"], text=row["text"],
        quantity=quantity, measure=Measure(row["measure"]), counted=row["counted"],
        actor=row["actor"], locations=tuple(row["locations"] or ()),
        period_start=_day(row["period_start"]), period_end=_day(row["period_end"]),
        time_text=row["time_text"], source=row["source"],
        also_at=tuple((a, b) for a, b in row["also_at"] or ()),
    )


def check_from_row(row: Row) -> Check:
    """A ``checks`` row back as a Check."""
    return Check(
        doc=row["doc"], type=CheckType(row["type"]), holds=row["holds"], total=row["total"],
        parts=tuple(row["parts"] or ()), whole=row["whole"], part=row["part"],
        reason=row["reason"],
    )


def incident_from_row(row: Row) -> Incident:
    """An ``incidents`` row back as an Incident."""
    precision = row["date_precision"]
    return Incident(
        doc=row["doc"], id=row["id"], start=row["start"], end=row["end"], date=_day(row["date"]),
        date_precision=DatePrecision(precision) if precision else None,
        date_text=row["date_text"], country=row["country"], admin1=row["admin1"],
        place=row["place"], lat=row["lat"], lon=row["lon"], geo_precision=row["geo_precision"],
        geo_reason=row["geo_reason"], type=row["type"], sub_type=row["sub_type"],
        perpetrator=row["perpetrator"], perpetrator_status=row["perpetrator_status"],
        target=row["target"],
        **{measure: _count(row[measure]) for measure in _COUNTS},
    )


def _count(value: Row | None) -> IncidentCount | None:
    if value is None:
        return None
    return IncidentCount(value["low"], value["high"], Qualifier(value["qualifier"]),
                         value["figure"])


__all__ = [
    "SCHEMAS",
    "TABLES",
    "check_from_row",
    "document_from_row",
    "document_row",
    "error_row",
    "extraction_from_rows",
    "extraction_rows",
    "figure_from_row",
    "incident_from_row",
]
