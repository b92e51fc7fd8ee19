"""What every command shares: the Typer app, options defined once, and output helpers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text
from typer.core import TyperGroup

from newsledger.errors import LedgerError
from newsledger.output import Format, printable, render

if TYPE_CHECKING:
    from newsledger.store import Ledger

_DEBUG = "newsledger.debug"


class CommandGroup(TyperGroup):
    """The command group: an unexpected error is one 'error:' line and exit code 2, with its
    traceback only under --debug (and never with local variables, which hold document text)."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; turn an unexpected exception into a one-line message."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            if ctx.meta.get(_DEBUG):
                raise
            message = printable(str(error).strip().split("\n")[0][:300])
            print_error(Console(stderr=True), f"internal error: {type(error).__name__}: "
                        f"{message} (run with --debug for the traceback)")
            raise typer.Exit(2) from None


app = typer.Typer(
    name="newsledger",
    help="Read conflict reporting into a ledger of checked figures, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    cls=CommandGroup,
    pretty_exceptions_show_locals=False,
)

# Shared options, defined once.
DbOption = Annotated[
    str, typer.Option("--db", envvar="NEWSLEDGER_DB", help="The DuckDB ledger file.")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Files or folders (txt, html, jsonl, json, warc); - for stdin.")
]
DocumentOption = Annotated[
    str | None,
    typer.Option(help="Only this document (its content id or given id).", show_default=False),
]


def filter_option(help: str) -> typer.models.OptionInfo:
    """An optional filter: no default value worth showing in --help."""
    return typer.Option(help=help, show_default=False)


def day_option(help: str) -> typer.models.OptionInfo:
    """An optional day filter written YYYY-MM-DD."""
    return typer.Option(help=help, formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", show_default=False)


# Compact column choices for the table format; the other formats carry every key.
FIGURE_COLUMNS = [
    "doc",
    "id",
    "number_text",
    "measure",
    "counted",
    "actor",
    "locations",
    "period_start",
    "period_end",
    "source",
]
CHECK_COLUMNS = ["doc", "type", "holds", "total", "parts", "whole", "part", "reason"]
INCIDENT_COLUMNS = [
    "id",
    "event_date",
    "country",
    "admin1",
    "location",
    "geo_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "fatalities",
    "injuries",
    "kidnapped",
    "reports",
]
EXTRACT_INCIDENT_COLUMNS = [
    "doc",
    "id",
    "date",
    "country",
    "place",
    "type",
    "sub_type",
    "perpetrator",
    "target",
    "killed",
    "injured",
    "kidnapped",
]
DOCUMENT_COLUMNS = ["id", "name", "published", "outlet", "title", "path", "figures", "checks"]

# Every column of a listing, in order, for CSV: an empty CSV has the same header as a full one
# (tests/test_cli.py compares the two for every listing).
_FIGURE_FIELDS = ["kind", "doc", "id", "start", "end", "text", "number_text", "low", "high",
                  "qualifier", "measure", "counted", "actor", "locations", "period_start",
                  "period_end", "time_text", "source", "also_at"]
FIGURE_CSV = [*_FIGURE_FIELDS, "published", "title"]
DERIVED_CSV = [*_FIGURE_FIELDS, "derived_from", "rule"]
CHECK_CSV = ["kind", "doc", "type", "holds", "total", "parts", "whole", "part", "reason"]
GROUP_CSV = ["kind", "id", "measure", "actor", "locations", "period_start", "period_end", "as_of",
             "verdict", "best", "low", "high", "reason", "figures", "conflicts"]
INCIDENT_CSV = ["id", "event_date", "time_precision", "date_precision", "date_text", "country",
                "admin1", "location", "latitude", "longitude", "geo_precision", "geo_reason",
                "event_type", "sub_event_type", "actor1", "actor1_status", "actor2",
                "fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low",
                "injuries_high", "kidnapped", "kidnapped_low", "kidnapped_high", "reason",
                "reports", "source", "notes"]
DOCUMENT_CSV = ["id", "name", "title", "published", "url", "outlet", "path", "ingested_at",
                "figures", "checks"]


def _version(shown: bool) -> None:
    """--version: the installed package's version, then exit."""
    if shown:
        Console().out(f"newsledger {package_version('newsledger')}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    debug: Annotated[
        bool,
        typer.Option("--debug", envvar="NEWSLEDGER_DEBUG",
                     help="Show the traceback of an internal error."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """Read conflict reporting into a ledger of checked figures, with evidence."""
    ctx.meta[_DEBUG] = debug


def show(
    rows: list[dict[str, object]], fmt: Format, table_columns: list[str], csv_columns: list[str]
) -> None:
    """Print rows; the table format shows only ``table_columns``; a CSV has ``csv_columns``,
    every column of the listing, whether rows match or not (a script reading an empty one still
    finds the columns a full one has); JSON and JSON Lines carry each row's keys."""
    columns = {Format.TABLE: table_columns, Format.CSV: csv_columns}.get(fmt)
    render(rows, fmt, columns, Console())



def toll_text(count: dict[str, Any] | None) -> str:
    """A toll for a table cell: '12', '10-12', or '26+' when open-ended; '' when none."""
    if count is None:
        return ""
    low, high = count["low"], count["high"]
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


def open_ledger(db: str, errors: Console, *, must_exist: bool = False) -> Ledger:
    """Open the ledger, or print why not and exit 1; ``must_exist`` for the read commands, which
    open it read-only and warn when its groups or merged incidents are out of date. A ledger
    another process holds (an ingest writing a batch) is waited for, saying so, up to
    $NEWSLEDGER_WAIT seconds (READ_WAIT for a read command, WRITE_WAIT for a writing one)."""
    if must_exist and db != ":memory:" and not Path(db).exists():
        print_error(errors, f"{db}: no ledger here; run 'newsledger ingest' first")
        raise typer.Exit(1)
    try:
        ledger = _open(db, read_only=must_exist, errors=errors)
    except LedgerError as error:
        print_error(errors, error)
        raise typer.Exit(1) from error
    if must_exist and (stale := ledger.stale()):
        print_warning(errors, f"{db}: {' and '.join(stale)} are out of date (an ingest is adding "
                      "documents, or stopped before recomputing them: then run 'newsledger "
                      "rebuild')")
    return ledger


# Seconds a command waits for a ledger another process holds. A reader waits for an ingest's
# batch to be written, or its regrouping at the end; an ingest waits for readers to finish (it
# would lose the documents it has extracted and not yet stored, hence longer).
READ_WAIT = 60.0
WRITE_WAIT = 600.0


def ledger_wait(read_only: bool) -> float:
    """How long to wait for a held ledger: $NEWSLEDGER_WAIT seconds, else the default."""
    from newsledger.store import WAIT_VARIABLE

    given = os.environ.get(WAIT_VARIABLE, "").strip()
    try:
        seconds = float(given) if given else -1.0
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        return READ_WAIT if read_only else WRITE_WAIT
    return seconds


def _open(db: str, *, read_only: bool, errors: Console) -> Ledger:
    # Imported here: DuckDB loads only for commands that use it.
    from newsledger.store import Ledger, OutdatedLedgerError

    def waiting(message: str) -> None:
        print_warning(errors, message)

    try:
        return Ledger(db, read_only=read_only, wait=ledger_wait(read_only), waiting=waiting)
    except OutdatedLedgerError:
        return Ledger(db, wait=ledger_wait(False), waiting=waiting)  # upgraded once, in place


QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress display (errors are still printed).")
]


class _Rate(ProgressColumn):
    """Documents per second so far."""

    def render(self, task: Task) -> Text:
        """The rate, once there is one."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f}/s" if speed else "")


@contextmanager
def progress_bar(console: Console, *, quiet: bool = False) -> Iterator[Progress]:
    """A live count of inputs done, their rate and the time elapsed, on ``console`` (standard
    error) only when it is a terminal and the run is not ``quiet``."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} inputs processed"),
        _Rate(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    if quiet or not console.is_terminal:
        # Not started: a redirected stderr gets the error lines and nothing else.
        yield progress
        return
    with progress:
        yield progress


def print_error(console: Console, error: Exception | str) -> None:
    """One line on the error console: error: <what went wrong> (control characters shown)."""
    console.print(printable(f"error: {error}"), markup=False, highlight=False, soft_wrap=True)


def print_warning(console: Console, warning: str) -> None:
    """One line on the error console: warning: <what was refused or is out of date>."""
    console.print(printable(f"warning: {warning}"), markup=False, highlight=False, soft_wrap=True)
