"""Commands that query the ledger: figures, checks, groups, conflicts, incidents, documents."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

import typer
from rich.console import Console

from newsledger.cli_common import (
    CHECK_COLUMNS,
    CHECK_CSV,
    DERIVED_CSV,
    DOCUMENT_COLUMNS,
    DOCUMENT_CSV,
    FIGURE_COLUMNS,
    FIGURE_CSV,
    GROUP_CSV,
    INCIDENT_COLUMNS,
    INCIDENT_CSV,
    DbOption,
    DocumentOption,
    FormatOption,
    app,
    day_option,
    filter_option,
    open_ledger,
    show,
    toll_text,
)
from newsledger.model import Measure, Verdict
from newsledger.output import Format


@app.command(rich_help_panel="Query the ledger")
def figures(
    measure: Annotated[Measure | None, filter_option("Only this measure.")] = None,
    actor: Annotated[str | None, filter_option("The actor contains this text.")] = None,
    place: Annotated[str | None, filter_option(
        "A location lies in this place (gazetteer: --place Iraq finds Mosul) or contains this text."
    )] = None,
    country: Annotated[str | None, filter_option(
        "A location lies in this country (gazetteer).")] = None,
    since: Annotated[datetime | None, day_option("Periods ending on or after this day.")] = None,
    until: Annotated[datetime | None, day_option("Periods starting on or before this day.")] = None,
    source: Annotated[str | None, filter_option("The source contains this text.")] = None,
    document: DocumentOption = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
    derived: Annotated[
        bool, typer.Option("--derived", help="List the derived figures (filters do not apply).")
    ] = False,
) -> None:
    """List figures in the ledger; --since/--until keep periods overlapping those days."""
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        if derived:
            from newsledger.verify.derive import derived_json

            show([derived_json(d) for d in ledger.derived()], fmt, FIGURE_COLUMNS, DERIVED_CSV)
            return
        rows = ledger.figures(
            measure=measure,
            actor=actor,
            place=place,
            country=country,
            since=since and since.date(),
            until=until and until.date(),
            source=source,
            document=document,
        )
        labels = ledger.document_labels()
    show([labelled(row, labels, ("doc",)) for row in rows], fmt, FIGURE_COLUMNS, FIGURE_CSV)


@app.command(rich_help_panel="Query the ledger")
def checks(
    document: DocumentOption = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List checks between figures, failing ones first; documents named by their given id or
    file name (as reports name them), not by their content hash."""
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.checks(document=document)
        labels = ledger.document_labels()
    fields = ("doc", "total", "parts", "whole", "part", "reason")
    show([labelled(row, labels, fields) for row in rows], fmt, CHECK_COLUMNS, CHECK_CSV)


# A content id (16 hex digits) where a check names a document: "87aa3a0b083fa2d4:f4".
_CONTENT_ID = re.compile(r"\b[0-9a-f]{16}\b")


def labelled(
    row: dict[str, Any], labels: dict[str, str], fields: tuple[str, ...]
) -> dict[str, Any]:
    """A listing row with each document's content id in ``fields`` replaced by its label (its
    file name): the ``doc`` column, references to figures of other reports
    ('centcom-h1-2023.txt:f4') and reasons that quote them. The evidence text is never touched."""

    def relabel(value: Any) -> Any:
        if isinstance(value, str):
            return _CONTENT_ID.sub(lambda m: labels.get(m.group(0), m.group(0)), value)
        if isinstance(value, list | tuple):
            return [relabel(item) for item in value]
        if isinstance(value, dict):  # a group's member or an incident's report: only its doc
            return {k: relabel(v) if k in ("doc", "a", "b", "reason") else v
                    for k, v in value.items()}
        return value

    return {name: relabel(value) if name in fields else value for name, value in row.items()}


GROUP_COLUMNS = [
    "id",
    "measure",
    "actor",
    "locations",
    "period_start",
    "period_end",
    "as_of",
    "verdict",
    "best",
    "low",
    "high",
    "figures",
]


@app.command(rich_help_panel="Query the ledger")
def groups(
    verdict: Annotated[Verdict | None, filter_option("Only this verdict.")] = None,
    measure: Annotated[Measure | None, filter_option("Only this measure.")] = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List same-thing groups across reports with their verdict and best/low/high."""
    from newsledger.verify.reconcile import group_json

    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = [group_json(g) for g in ledger.groups(verdict=verdict, measure=measure)]
        labels = ledger.document_labels()
    shown = rows if fmt in (Format.JSON, Format.JSONL) else _flat_groups(rows)
    shown = [labelled(row, labels, ("figures", "conflicts", "reason")) for row in shown]
    show(shown, fmt, GROUP_COLUMNS, GROUP_CSV)


@app.command(rich_help_panel="Query the ledger")
def conflicts(
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List groups whose reports conflict, newest first, with the conflicting pairs."""
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.conflicts()
        labels = ledger.document_labels()
    columns = [*GROUP_COLUMNS, "conflicts"]
    shown = rows if fmt in (Format.JSON, Format.JSONL) else _flat_groups(rows)
    shown = [labelled(row, labels, ("figures", "conflicts", "reason")) for row in shown]
    show(shown, fmt, columns, GROUP_CSV)


def _flat_groups(rows: list[dict[str, Any]]) -> list[dict[str, object]]:
    """Group rows for a table or CSV: figures and conflict pairs as short text."""
    return [
        {
            **row,
            "figures": [f"{f['doc']}:{f['id']} {_interval_text(f)}" for f in row["figures"]],
            "conflicts": [f"{c['a']} vs {c['b']}" for c in row.get("conflicts", [])],
        }
        for row in rows
    ]


def _interval_text(figure: dict[str, Any]) -> str:
    low, high = figure["low"], figure["high"]
    return f"{low}" if low == high else f"{low}-{high if high is not None else ''}"


@app.command(rich_help_panel="Query the ledger")
def incidents(
    country: Annotated[str | None, filter_option(
        "The incident lies in this country (gazetteer: 'DR Congo' finds Democratic Republic "
        "of the Congo).")] = None,
    event_type: Annotated[
        str | None,
        typer.Option(
            "--type", help="The event type or sub-type contains this text.", show_default=False
        ),
    ] = None,
    since: Annotated[datetime | None, day_option("Events on or after this day.")] = None,
    until: Annotated[datetime | None, day_option("Events on or before this day.")] = None,
    document: DocumentOption = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List incidents merged across reports, with each report's tolls."""
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.incidents(
            country=country,
            type=event_type,
            since=since and since.date(),
            until=until and until.date(),
            document=document,
        )
        labels = ledger.document_labels()
    rows = [labelled(row, labels, ("reports", "source")) for row in rows]
    if fmt in (Format.TABLE, Format.CSV):
        rows = [{**row, "reports": [_report_summary(r) for r in row["reports"]]} for row in rows]
    show(rows, fmt, INCIDENT_COLUMNS, INCIDENT_CSV)


def _report_summary(report: dict[str, Any]) -> str:
    """'doc/i1: killed 26+ (f1), injured 90 (f2)' for a table cell."""
    tolls = [
        f"{measure} {toll_text(count)} ({count['figure']})"
        for measure in ("killed", "injured", "kidnapped")
        if (count := report[measure]) is not None
    ]
    return f"{report['doc']}/{report['incident']}: " + (", ".join(tolls) or "no toll")


@app.command(rich_help_panel="Query the ledger")
def documents(db: DbOption = "newsledger.duckdb", fmt: FormatOption = Format.TABLE) -> None:
    """List the documents in the ledger with their numbers of figures and checks."""
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.documents()
    show(rows, fmt, DOCUMENT_COLUMNS, DOCUMENT_CSV)
