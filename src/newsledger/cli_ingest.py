"""Commands that read inputs: ingest (into the ledger) and extract (no ledger)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from newsledger.cli_common import (
    CHECK_COLUMNS,
    EXTRACT_INCIDENT_COLUMNS,
    FIGURE_COLUMNS,
    DbOption,
    InputsArgument,
    QuietOption,
    app,
    open_ledger,
    print_error,
    print_warning,
    progress_bar,
    toll_text,
)
from newsledger.errors import InputError, LedgerError
from newsledger.model import Document, Extraction
from newsledger.output import Format, render

if TYPE_CHECKING:
    from newsledger.store import Ledger

# The readers, the pipeline (spaCy) and the ledger (DuckDB) are imported inside the commands:
# `newsledger --help` and the query commands start without them.

Result = TypeVar("Result", Document, Extraction)

# Extractions written to the ledger in one transaction (one Arrow table per table).
_WRITE_BATCH = 64

WorkersOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        show_default=False,
        help="Extraction processes (default: one per core; one for fewer than 32 documents).",
    ),
]


class ExtractFormat(StrEnum):
    """Output formats of ``extract``: its lines mix figures and checks, so no CSV."""

    JSONL = "jsonl"
    JSON = "json"
    TABLE = "table"


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
        return (
            f"{self.added} documents added, {self.present} already present, "
            f"{self.failed} failed; {self.figures} figures, {self.checks} checks"
        )


@app.command(rich_help_panel="Read reports")
def ingest(
    inputs: InputsArgument,
    db: DbOption = "newsledger.duckdb",
    workers: WorkersOption = None,
    quiet: QuietOption = False,
) -> None:
    """Read reports, extract their figures and checks, and add them to the ledger."""
    from newsledger.ingest import read_inputs
    from newsledger.pipeline import default_workers, extract_all

    workers = workers or default_workers()

    errors = Console(stderr=True)
    tally = Tally()
    with open_ledger(db, errors) as ledger, progress_bar(errors, quiet=quiet) as progress:
        task = progress.add_task("ingest", total=None)

        def failed(error: Exception) -> None:
            tally.failed += 1
            print_error(progress.console, error)

        def unusable(error: Exception) -> None:
            failed(error)
            progress.advance(task)

        readable = _skip_errors(read_inputs(inputs), unusable)
        extractions = _skip_errors(extract_all(readable, workers=workers), unusable)
        try:
            _store_stream(ledger, extractions, tally, failed, progress.console,
                          lambda done: progress.advance(task, done))
        except LedgerError as error:  # the file was not had back from its readers in time
            print_error(progress.console, error)
            Console().print(f"stopped: {tally.summary()}; run the ingest again to add the rest",
                            markup=False, highlight=False)
            raise typer.Exit(1) from error
        reconciled = _reconcile(ledger, failed)
        merged = _merge_incidents(ledger, failed)
    Console().print(tally.summary(), markup=False, highlight=False)
    if reconciled:
        Console().print(reconciled, markup=False, highlight=False)
    if merged:
        Console().print(merged, markup=False, highlight=False)
    if tally.failed:
        raise typer.Exit(1)


@app.command(rich_help_panel="Read reports")
def rebuild(db: DbOption = "newsledger.duckdb") -> None:
    """Recompute groups, derived figures and merged incidents (after an interrupted ingest);
    documents sharing an id from an older ledger get distinct ids (ID~CONTENTID)."""
    errors = Console(stderr=True)
    failures: list[Exception] = []
    with open_ledger(db, errors) as ledger:
        try:
            renamed = ledger.rename_duplicate_ids()
        except LedgerError as error:
            print_error(errors, error)
            raise typer.Exit(1) from error
        if renamed:
            print_warning(errors, f"{db}: {renamed} documents shared an id with another and "
                          "were renamed ID~CONTENTID")
        reconciled = _reconcile(ledger, failures.append)
        merged = _merge_incidents(ledger, failures.append)
    for failure in failures:
        print_error(errors, failure)
    for line in (reconciled, merged):
        if line:
            Console().print(line, markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


def _warn(console: Console, extraction: Extraction) -> None:
    """Print what extraction refused in a document (a figure out of range), naming it."""
    document = extraction.document
    where = (document.path or document.key) + (f":{document.line}" if document.line else "")
    for warning in extraction.warnings:
        print_warning(console, f"{where}: {warning}")


def _reconcile(ledger: Ledger, failed: Callable[[Exception], None]) -> str:
    """Regroup every stored figure after an ingest; what came out in one line ('' on failure)."""
    try:
        counts = ledger.reconcile()
    except LedgerError as error:
        failed(error)
        return ""
    return (
        f"reconciled: {counts['groups']} groups, {counts['checks']} cross-report checks, "
        f"{counts['derived']} derived figures"
    )


def _merge_incidents(ledger: Ledger, failed: Callable[[Exception], None]) -> str:
    """Merge every stored incident across reports after an ingest ('' on failure)."""
    try:
        return f"incidents: {ledger.merge_incidents()} merged incidents"
    except LedgerError as error:
        failed(error)
        return ""


@app.command(rich_help_panel="Read reports")
def extract(
    inputs: InputsArgument,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.JSONL,
    with_incidents: Annotated[
        bool, typer.Option("--incidents", help="Also print the incidents each document reports.")
    ] = False,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
) -> None:
    """Print the figures then the checks (then --incidents) of each input, without a ledger."""
    from newsledger.ingest import read_inputs
    from newsledger.pipeline import default_workers, extract_all

    errors = Console(stderr=True)
    failures: list[Exception] = []

    def failed(error: Exception) -> None:
        failures.append(error)
        print_error(errors, error)

    extractions = extract_all(
        _skip_errors(read_inputs(inputs), failed), workers=workers or default_workers()
    )
    out = Console()
    # Progress only when the results go to a file: on a terminal it would mix with them.
    with progress_bar(errors, quiet=quiet or out.is_terminal) as progress:
        task = progress.add_task("extract", total=None)
        done = _counted(_warned(_skip_errors(extractions, failed), progress.console),
                        lambda: progress.advance(task))
        _show_extractions(done, fmt, out, with_incidents)
    if failures:
        raise typer.Exit(1)


def _counted(items: Iterable[Result], tick: Callable[[], None]) -> Iterator[Result]:
    """``items``, calling ``tick`` after each."""
    for item in items:
        yield item
        tick()


def _skip_errors(
    items: Iterable[Result | InputError], failed: Callable[[Exception], None]
) -> Iterator[Result]:
    """The documents or extractions among ``items``; each InputError goes to ``failed``."""
    for item in items:
        if isinstance(item, InputError):
            failed(item)
        else:
            yield item


def _warned(extractions: Iterable[Extraction], console: Console) -> Iterator[Extraction]:
    for extraction in extractions:
        _warn(console, extraction)
        yield extraction


def _store_stream(
    ledger: Ledger,
    extractions: Iterable[Extraction],
    tally: Tally,
    failed: Callable[[Exception], None],
    console: Console,
    stored: Callable[[int], None] = lambda done: None,
) -> None:
    """Warn about and store a stream of extractions, _WRITE_BATCH per transaction; ``stored``
    hears how many each write took in. The ledger file is let go while documents are extracted
    (between writes), so other processes can read what is committed; a LedgerError says the
    file could not be had back in time (what is committed stays)."""
    batch: list[Extraction] = []
    ledger.release()
    for extraction in extractions:
        _warn(console, extraction)
        batch.append(extraction)
        if len(batch) >= _WRITE_BATCH:
            _store(ledger, batch, tally, failed, console)
            stored(len(batch))
            batch = []
    _store(ledger, batch, tally, failed, console)
    stored(len(batch))


def _store(
    ledger: Ledger,
    batch: list[Extraction],
    tally: Tally,
    failed: Callable[[Exception], None],
    console: Console,
) -> None:
    """Add a batch of extractions (one transaction) and count what happened; a document that
    cannot be stored fails alone, one that repeats a stored text under another id is named.
    The file is held for the batch only."""
    if not batch:
        return
    ledger.hold()
    for extraction, outcome in zip(batch, ledger.add_all(batch), strict=True):
        if isinstance(outcome, Exception):  # InputError: an id already used by another text
            failed(outcome)
        elif outcome:
            tally.added += 1
            tally.figures += len(extraction.figures)
            tally.checks += len(extraction.checks)
        else:
            tally.present += 1
            if same := _same_text(ledger, extraction):
                print_warning(console, same)
    ledger.release()


def _same_text(ledger: Ledger, extraction: Extraction) -> str | None:
    """'ID2: same text as ID1' when a document repeats a stored text under another given id
    (its figures are stored once, under the first id)."""
    document = extraction.document
    stored = ledger.stored_name(document.id)
    if not document.name or stored is None or stored == document.name:
        return None
    where = (document.path or document.key) + (f":{document.line}" if document.line else "")
    return f"{where}: {document.name}: same text as {stored}"


def _show_extractions(
    extractions: Iterable[Extraction],
    fmt: ExtractFormat,
    console: Console,
    with_incidents: bool = False,
) -> None:
    """JSON lines stream as each document is done; the list and table formats wait for all."""
    from newsledger.extract.incidents import incident_line

    if fmt is ExtractFormat.JSONL:
        for extraction in extractions:
            render(_extraction_lines(extraction, with_incidents), Format.JSONL, None, console)
        return
    done = list(extractions)
    if fmt is ExtractFormat.JSON:
        lines = [line for e in done for line in _extraction_lines(e, with_incidents)]
        render(lines, Format.JSON, None, console)
        return
    render([f.to_json() for e in done for f in e.figures], Format.TABLE, FIGURE_COLUMNS, console)
    render([c.to_json() for e in done for c in e.checks], Format.TABLE, CHECK_COLUMNS, console)
    if with_incidents:
        render(
            [_incident_cells(incident_line(i)) for e in done for i in e.incidents],
            Format.TABLE,
            EXTRACT_INCIDENT_COLUMNS,
            console,
        )


def _incident_cells(line: dict[str, Any]) -> dict[str, Any]:
    """An incident line for a table: tolls as '12', '10-12' or '26+'."""
    return {**line, **{m: toll_text(line[m]) for m in ("killed", "injured", "kidnapped")}}


def _extraction_lines(
    extraction: Extraction, with_incidents: bool = False
) -> list[dict[str, object]]:
    from newsledger.extract.incidents import incident_line

    lines = [f.to_json() for f in extraction.figures] + [c.to_json() for c in extraction.checks]
    return lines + ([incident_line(i) for i in extraction.incidents] if with_incidents else [])
