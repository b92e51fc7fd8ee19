"""The newsledger command line: thin wrappers, each ending in one library call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsledger.errors import InputError, LedgerError
from newsledger.extract.incidents import incident_line
from newsledger.ingest import read_inputs
from newsledger.model import Document, Extraction, Measure, Verdict
from newsledger.output import Format, render
from newsledger.pipeline import extract_all
from newsledger.store import Ledger
from newsledger.verify.derive import derived_json
from newsledger.verify.reconcile import group_json

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
INCIDENT_COLUMNS = ["id", "event_date", "country", "admin1", "location", "geo_precision",
                    "event_type", "sub_event_type", "actor1", "actor2", "fatalities", "injuries",
                    "kidnapped", "reports"]
EXTRACT_INCIDENT_COLUMNS = ["doc", "id", "date", "country", "place", "type", "sub_type",
                            "perpetrator", "target", "killed", "injured", "kidnapped"]
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
        reconciled = _reconcile(ledger, failed)
        merged = _merge_incidents(ledger, failed)
    Console().print(tally.summary(), markup=False, highlight=False)
    if reconciled:
        Console().print(reconciled, markup=False, highlight=False)
    if merged:
        Console().print(merged, markup=False, highlight=False)
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
    derived: Annotated[bool, typer.Option(
        "--derived", help="List the derived figures (filters do not apply).")] = False,
) -> None:
    """List figures in the ledger; --since/--until keep periods overlapping those days."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        if derived:
            _show([derived_json(d) for d in ledger.derived()], fmt, FIGURE_COLUMNS)
            return
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


class ConflictFormat(StrEnum):
    """Output formats of ``conflicts``."""

    TABLE = "table"
    JSON = "json"


GROUP_COLUMNS = ["id", "measure", "actor", "locations", "period_start", "period_end", "as_of",
                 "verdict", "best", "low", "high", "figures"]


@app.command()
def groups(
    verdict: Annotated[Verdict | None, _filter("Only this verdict.")] = None,
    measure: Annotated[Measure | None, _filter("Only this measure.")] = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List same-thing groups across reports with their verdict and best/low/high."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = [group_json(g) for g in ledger.groups(verdict=verdict, measure=measure)]
    _show(rows if fmt in (Format.JSON, Format.JSONL) else _flat_groups(rows), fmt, GROUP_COLUMNS)


@app.command()
def conflicts(
    db: DbOption = "newsledger.duckdb",
    fmt: Annotated[ConflictFormat, typer.Option("--format", "-f")] = ConflictFormat.TABLE,
) -> None:
    """List groups whose reports conflict, newest first, with the conflicting pairs."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.conflicts()
    if fmt is ConflictFormat.JSON:
        _show(rows, Format.JSON, [])
        return
    _show(_flat_groups(rows), Format.TABLE, [*GROUP_COLUMNS, "conflicts"])


def _flat_groups(rows: list[dict[str, Any]]) -> list[dict[str, object]]:
    """Group rows for a table or CSV: figures and conflict pairs as short text."""
    return [{
        **row,
        "figures": [f"{f['doc']}:{f['id']} {_interval_text(f)}" for f in row["figures"]],
        "conflicts": [f"{c['a']} vs {c['b']}" for c in row.get("conflicts", [])],
    } for row in rows]


def _interval_text(figure: dict[str, Any]) -> str:
    low, high = figure["low"], figure["high"]
    return f"{low}" if low == high else f"{low}-{high if high is not None else ''}"


def _reconcile(ledger: Ledger, failed: Callable[[Exception], None]) -> str:
    """Regroup every stored figure after an ingest; what came out in one line ('' on failure)."""
    try:
        counts = ledger.reconcile()
    except LedgerError as error:
        failed(error)
        return ""
    return (f"reconciled: {counts['groups']} groups, {counts['checks']} cross-report checks, "
            f"{counts['derived']} derived figures")


def _merge_incidents(ledger: Ledger, failed: Callable[[Exception], None]) -> str:
    """Merge every stored incident across reports after an ingest ('' on failure)."""
    try:
        return f"incidents: {ledger.merge_incidents()} merged incidents"
    except LedgerError as error:
        failed(error)
        return ""


@app.command()
def incidents(
    country: Annotated[str | None, _filter("Only this country.")] = None,
    event_type: Annotated[str | None, typer.Option(
        "--type", help="The event type or sub-type contains this text.",
        show_default=False)] = None,
    since: Annotated[datetime | None, _day("Events on or after this day.")] = None,
    until: Annotated[datetime | None, _day("Events on or before this day.")] = None,
    document: DocumentOption = None,
    db: DbOption = "newsledger.duckdb",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List incidents merged across reports, with each report's tolls."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.incidents(country=country, type=event_type, since=since and since.date(),
                                until=until and until.date(), document=document)
    if fmt in (Format.TABLE, Format.CSV):
        rows = [{**row, "reports": [_report_summary(r) for r in row["reports"]]} for row in rows]
    _show(rows, fmt, INCIDENT_COLUMNS)


def _report_summary(report: dict[str, Any]) -> str:
    """'doc/i1: killed 26+ (f1), injured 90 (f2)' for a table cell."""
    tolls = [f"{measure} {_toll_text(count)} ({count['figure']})" for measure in
             ("killed", "injured", "kidnapped") if (count := report[measure]) is not None]
    return f"{report['doc']}/{report['incident']}: " + (", ".join(tolls) or "no toll")


def _toll_text(count: dict[str, Any]) -> str:
    low, high = count["low"], count["high"]
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


@app.command()
def documents(db: DbOption = "newsledger.duckdb", fmt: FormatOption = Format.TABLE) -> None:
    """List the documents in the ledger with their numbers of figures and checks."""
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        rows = ledger.documents()
    _show(rows, fmt, DOCUMENT_COLUMNS)


@app.command()
def report(
    since: Annotated[datetime | None, _day("Periods ending on or after this day.")] = None,
    until: Annotated[datetime | None, _day("Periods starting on or before this day.")] = None,
    actor: Annotated[str | None, _filter("The actor contains this text.")] = None,
    place: Annotated[str | None, _filter("A location contains this text.")] = None,
    measure: Annotated[Measure | None, _filter("Only this measure.")] = None,
    title: Annotated[str | None, _filter("The report's title (default: from the filters).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", show_default=False, help=(
        "Write to this file (default: standard output); with md, the chart is written "
        "beside it as NAME-MEASURE.svg."))] = None,
    db: DbOption = "newsledger.duckdb",
) -> None:
    """Write a report: figures with best/low/high, every number cited, conflicts, a chart."""
    # Imported here: matplotlib is only needed by this command.
    from newsledger.errors import OutputError
    from newsledger.report import ReportFilters, render_report
    from newsledger.report.files import ReportFormat, render_text, save_report

    if fmt not in ("md", "html"):
        raise typer.BadParameter(f"{fmt!r} is not md or html", param_hint="--format")
    filters = ReportFilters(since=since and since.date(), until=until and until.date(),
                            actor=actor, place=place, measure=measure, title=title)
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        built = render_report(ledger, filters)
    if output is None:
        Console().out(render_text(built, ReportFormat(fmt)), highlight=False, end="")
        return
    try:
        written = save_report(built, output, ReportFormat(fmt))
    except OutputError as error:
        _print_error(Console(stderr=True), error)
        raise typer.Exit(1) from error
    Console(stderr=True).print("wrote " + ", ".join(map(str, written)), markup=False,
                               highlight=False, soft_wrap=True)


@app.command("export")
def export_command(
    db: DbOption = "newsledger.duckdb",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or parquet.")] = "csv",
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into.")] = Path(
        "export"),
) -> None:
    """Write figures, checks, groups and documents as CSV or Parquet (ACLED/UCDP column names)."""
    from newsledger.errors import OutputError
    from newsledger.export import ExportFormat, export_ledger

    if fmt not in ("csv", "parquet"):
        raise typer.BadParameter(f"{fmt!r} is not csv or parquet", param_hint="--format")
    with _open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        try:
            written = export_ledger(ledger, output, ExportFormat(fmt))
        except OutputError as error:
            _print_error(Console(stderr=True), error)
            raise typer.Exit(1) from error
    for path in written:
        Console().print(str(path), markup=False, highlight=False, soft_wrap=True)


@app.command()
def extract(
    inputs: InputsArgument,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.JSONL,
    with_incidents: Annotated[bool, typer.Option(
        "--incidents", help="Also print the incidents each document reports.")] = False,
) -> None:
    """Print the figures then the checks (then --incidents) of each input, without a ledger."""
    errors = Console(stderr=True)
    failures: list[Exception] = []

    def failed(error: Exception) -> None:
        failures.append(error)
        _print_error(errors, error)

    extractions = extract_all(_skip_errors(read_inputs(inputs), failed))
    _show_extractions(_skip_errors(extractions, failed), fmt, Console(), with_incidents)
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
    extractions: Iterable[Extraction], fmt: ExtractFormat, console: Console,
    with_incidents: bool = False,
) -> None:
    """JSON lines stream as each document is done; the list and table formats wait for all."""
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
        render([incident_line(i) for e in done for i in e.incidents], Format.TABLE,
               EXTRACT_INCIDENT_COLUMNS, console)


def _extraction_lines(
    extraction: Extraction, with_incidents: bool = False
) -> list[dict[str, object]]:
    lines = [f.to_json() for f in extraction.figures] + [c.to_json() for c in extraction.checks]
    return lines + ([incident_line(i) for i in extraction.incidents] if with_incidents else [])


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


@app.command("eval-incidents")
def eval_incidents_command(
    data: Annotated[Path, typer.Option(
        "--data", help="Folder of labelled data sets (RAND, AWSD, ACLED, Wikipedia, CASE 2021).")
    ] = Path("../shared/data"),
    sample: Annotated[int, typer.Option(
        min=0, help="Rows per data set, drawn with --seed; 0 scores every row.")] = 2000,
    seed: Annotated[int, typer.Option(help="Seed of the row sample.")] = 2024,
    dataset: Annotated[list[str] | None, typer.Option(
        "--dataset", help="Only this data set (repeatable): rand, awsd, acled, awsd_africa, "
        "wiki, case2021.", show_default=False)] = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 2,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Score incidents (counts, places, perpetrators, ACLED event types) against labelled data."""
    # Imported here: only this command needs the scorer.
    import json

    from newsledger.evaluate_incidents import DATASET_NAMES, evaluate_incidents, print_report

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} is not table or json", param_hint="--format")
    unknown = sorted(set(dataset or ()) - set(DATASET_NAMES))
    if unknown:
        raise typer.BadParameter(f"{', '.join(unknown)}: not one of {', '.join(DATASET_NAMES)}",
                                 param_hint="--dataset")
    if not data.is_dir():
        Console(stderr=True).print(
            f"{data}: no data folder here; eval-incidents skipped (the labelled data sets are "
            "not shipped: put them in ../shared/data or pass --data)", markup=False,
            highlight=False, soft_wrap=True)
        return
    report = evaluate_incidents(data, sample=sample, seed=seed, workers=workers, only=dataset)
    if fmt == "json":
        Console().out(json.dumps(report.to_json(), indent=2), highlight=False)
    else:
        print_report(report, Console())
