"""The newsledger command line: thin wrappers, each ending in one library call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsledger.errors import InputError, LedgerError
from newsledger.ingest import read_inputs
from newsledger.model import Document, Extraction, Measure
from newsledger.output import Format, render
from newsledger.pipeline import extract_all
from newsledger.store import Ledger

Result = TypeVar("Result", Document, Extraction)

app = typer.Typer(
    name="newsledger",
    help="Read conflict reporting into a ledger of checked figures, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)

# Shared options, defined once.
DbOption = Annotated[
    str, typer.Option("--db", envvar="NEWSLEDGER_DB", help="The DuckDB ledger file.")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Files or folders (txt, html, jsonl, json); - for stdin.")
]
DocumentOption = Annotated[str | None, typer.Option(
    help="Only this document (its content id or given id).", show_default=False)]


def _filter(help: str) -> typer.models.OptionInfo:
    """An optional filter: no default value worth showing in --help."""
    return typer.Option(help=help, show_default=False)


def _day(help: str) -> typer.models.OptionInfo:
    """An optional day filter written YYYY-MM-DD."""
    return typer.Option(help=help, formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", show_default=False)


# Compact column choices for the table format; the other formats carry every key.
FIGURE_COLUMNS = ["doc", "id", "number_text", "measure", "counted", "actor", "locations",
                  "period_start", "period_end", "source"]
CHECK_COLUMNS = ["doc", "type", "holds", "total", "parts", "whole", "part", "reason"]
DOCUMENT_COLUMNS = ["id", "name", "published", "outlet", "title", "path", "figures", "checks"]


class ExtractFormat(StrEnum):
    """Output formats of ``extract``: its lines mix figures and checks, so no CSV."""

    JSONL = "jsonl"
    JSON = "json"
    TABLE = "table"


@app.callback()
def main() -> None:
    """Read conflict reporting into a ledger of checked figures, with evidence."""


@dataclass
class Tally:
    """What an ingest run did, for its summary line."""

    added: int = 0
    present: int = 0
    failed: int = 0
    figures: int = 0
    checks: int = 0

    def summary(self) -> str:
        """One line: documents added / already present / failed, figures, checks."""
        return (f"{self.added} documents added, {self.present} already present, "
                f"{self.failed} failed; {self.figures} figures, {self.checks} checks")


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = "newsledger.duckdb",
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
) -> None:
    """Read reports, extract their figures and checks, and add them to the ledger."""
    errors = Console(stderr=True)
    tally = Tally()
    with _open_ledger(db, errors) as ledger, _progress(errors) as progress:
        task = progress.add_task("ingest", total=None)

        def failed(error: Exception) -> None:
            tally.failed += 1
            _print_error(progress.console, error)

        def unusable(error: Exception) -> None:
            failed(error)
            progress.advance(task)

        readable = _skip_errors(read_inputs(inputs), unusable)
        for extraction in _skip_errors(extract_all(readable, workers=workers), unusable):
            _store(ledger, extraction, tally, failed)
            progress.advance(task)
    Console().print(tally.summary(), markup=False, highlight=False)
    if tally.failed:
        raise typer.Exit(1)


@app.command()
def figures(
    measure: Annotated[Measure | None, _filter("Only this measure.")] = None,
    actor: Annotated[str | None, _filter("The actor contains this text.")] = None,
    place: Annotated[str | None, _filter("A location contains this text.")] = None,
    since: Annotated[datetime | None, _day("Periods ending on or after this day.")] = None,
    until: Annotated[datetime | None, _day("Periods starting on or before this day.")] = None,
    source: Annotated[str | None, _filter("The source contains this text.")] = None,
    document: DocumentOption = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List figures in the ledger; --since/--until keep periods overlapping those days."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.figures(
            measure=measure, actor=actor, place=place, since=since and since.date(),
            until=until and until.date(), source=source, document=document,
        )
    _show(rows, fmt, FIGURE_COLUMNS)


@app.command()
def checks(
    document: DocumentOption = None, db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List checks between figures, failing ones first."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.checks(document=document)
    _show(rows, fmt, CHECK_COLUMNS)


@app.command()
def documents(db: DbOption = "newsledger.duckdb", fmt: FormatOption = Format.TABLE) -> None:
    """List the documents in the ledger with their numbers of figures and checks."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.documents()
    _show(rows, fmt, DOCUMENT_COLUMNS)


@app.command()
def extract(
    inputs: InputsArgument,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.JSONL,
) -> None:
    """Print the figures then the checks of each input document, without a ledger."""
    errors = Console(stderr=True)
    failures: list[Exception] = []

    def failed(error: Exception) -> None:
        failures.append(error)
        _print_error(errors, error)

    extractions = extract_all(_skip_errors(read_inputs(inputs), failed))
    _show_extractions(_skip_errors(extractions, failed), fmt, Console())
    if failures:
        raise typer.Exit(1)


def _skip_errors(
    items: Iterable[Result | InputError], failed: Callable[[Exception], None]
) -> Iterator[Result]:
    """The documents or extractions among ``items``; each InputError goes to ``failed``."""
    for item in items:
        if isinstance(item, InputError):
            failed(item)
        else:
            yield item


def _store(
    ledger: Ledger, extraction: Extraction, tally: Tally, failed: Callable[[Exception], None]
) -> None:
    """Add one extraction and count what happened; a storage error fails only this document."""
    try:
        added = ledger.add(extraction)
    except LedgerError as error:
        failed(error)
        return
    if added:
        tally.added += 1
        tally.figures += len(extraction.figures)
        tally.checks += len(extraction.checks)
    else:
        tally.present += 1


def _show_extractions(
    extractions: Iterable[Extraction], fmt: ExtractFormat, console: Console
) -> None:
    """JSON lines stream as each document is done; the list and table formats wait for all."""
    if fmt is ExtractFormat.JSONL:
        for extraction in extractions:
            render(_extraction_lines(extraction), Format.JSONL, None, console)
        return
    done = list(extractions)
    if fmt is ExtractFormat.JSON:
        render([line for e in done for line in _extraction_lines(e)], Format.JSON, None, console)
        return
    render([f.to_json() for e in done for f in e.figures], Format.TABLE, FIGURE_COLUMNS, console)
    render([c.to_json() for e in done for c in e.checks], Format.TABLE, CHECK_COLUMNS, console)


def _extraction_lines(extraction: Extraction) -> list[dict[str, object]]:
    return [f.to_json() for f in extraction.figures] + [c.to_json() for c in extraction.checks]


def _show(rows: list[dict[str, object]], fmt: Format, table_columns: list[str]) -> None:
    render(rows, fmt, table_columns if fmt is Format.TABLE else None, Console())


def _open_ledger(db: str, errors: Console, *, must_exist: bool = False) -> Ledger:
    """Open the ledger, or print why not and exit 1; ``must_exist`` for read-only commands."""
    if must_exist and db != ":memory:" and not Path(db).exists():
        _print_error(errors, f"{db}: no ledger here; run 'newsledger ingest' first")
        raise typer.Exit(1)
    try:
        return Ledger(db)
    except LedgerError as error:
        _print_error(errors, error)
        raise typer.Exit(1) from error


@contextmanager
def _progress(console: Console) -> Iterator[Progress]:
    """A live count of inputs processed, shown only when ``console`` is a terminal."""
    progress = Progress(SpinnerColumn(), TextColumn("{task.completed} inputs processed"),
                        TimeElapsedColumn(), console=console, transient=True)
    if not console.is_terminal:
        # Not started: a redirected stderr gets the error lines and nothing else.
        yield progress
        return
    with progress:
        yield progress


def _print_error(console: Console, error: Exception | str) -> None:
    console.print(f"error: {error}", markup=False, highlight=False, soft_wrap=True)


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold .json files (corpus format).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    details: Annotated[bool, typer.Option(
        "--details", help="Also list missed gold figures and spurious predictions.")] = False,
) -> None:
    """Score extraction against gold files: strict F1, attribute accuracy, check recall."""
    # Imported here: only this command needs the scorer.
    import json

    from newsledger.evaluate import evaluate_dir, print_report

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} is not table or json", param_hint="--format")
    try:
        report = evaluate_dir(gold_dir)
    except InputError as error:
        _print_error(Console(stderr=True), error)
        raise typer.Exit(1) from error
    if fmt == "json":
        Console().out(json.dumps(report.to_json(details), indent=2), highlight=False)
    else:
        print_report(report, Console(), details)
