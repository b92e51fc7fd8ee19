"""Commands that publish: report (Markdown or HTML) and export (CSV or Parquet)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsledger.cli_common import DbOption, app, day_option, filter_option, open_ledger, print_error
from newsledger.model import Measure
from newsledger.output import printable

ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace files that exist (a link is replaced, not followed)."),
]


@app.command(rich_help_panel="Publish")
def report(
    since: Annotated[datetime | None, day_option("Periods ending on or after this day.")] = None,
    until: Annotated[datetime | None, day_option("Periods starting on or before this day.")] = None,
    actor: Annotated[str | None, filter_option("The actor contains this text.")] = None,
    place: Annotated[str | None, filter_option(
        "A location lies in this place (gazetteer) or contains this text.")] = None,
    country: Annotated[str | None, filter_option(
        "A location lies in this country (gazetteer).")] = None,
    measure: Annotated[Measure | None, filter_option("Only this measure.")] = None,
    title: Annotated[
        str | None, filter_option("The report's title (default: from the filters).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            show_default=False,
            help=(
                "Write to this file (default: standard output); with md, the chart is written "
                "beside it as NAME-MEASURE.svg."
            ),
        ),
    ] = None,
    db: DbOption = "newsledger.duckdb",
    force: ForceOption = False,
) -> None:
    """Write a report: figures with best/low/high, every number cited, conflicts, a chart."""
    # Imported here: matplotlib is only needed by this command.
    from newsledger.errors import OutputError
    from newsledger.report import ReportFilters, render_report
    from newsledger.report.files import ReportFormat, render_text, save_report

    if fmt not in ("md", "html"):
        raise typer.BadParameter(f"{fmt!r} is not md or html", param_hint="--format")
    filters = ReportFilters(
        since=since and since.date(),
        until=until and until.date(),
        actor=actor,
        place=place,
        country=country,
        measure=measure,
        title=title,
    )
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        built = render_report(ledger, filters)
    if output is None:
        # Control characters a document holds never reach the terminal raw.
        Console().out(printable(render_text(built, ReportFormat(fmt))), highlight=False, end="")
        return
    try:
        written = save_report(built, output, ReportFormat(fmt), force=force)
    except OutputError as error:
        print_error(Console(stderr=True), error)
        raise typer.Exit(1) from error
    Console(stderr=True).print(
        "wrote " + ", ".join(map(str, written)), markup=False, highlight=False, soft_wrap=True
    )


@app.command("export", rich_help_panel="Publish")
def export_command(
    db: DbOption = "newsledger.duckdb",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or parquet.")] = "csv",
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into.")] = Path(
        "export"
    ),
    force: ForceOption = False,
    reviewed: Annotated[
        bool,
        typer.Option("--reviewed", help="Write the reviewed documents as gold .json files."),
    ] = False,
) -> None:
    """Write figures, checks, groups and documents as CSV or Parquet (ACLED/UCDP column names)."""
    from newsledger.errors import OutputError
    from newsledger.export import ExportFormat, export_ledger
    from newsledger.export_reviewed import write_reviewed

    if reviewed:
        with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
            try:
                written = write_reviewed(ledger, output, force=force)
            except OutputError as error:
                print_error(Console(stderr=True), error)
                raise typer.Exit(1) from error
        for path in written:
            Console().print(str(path), markup=False, highlight=False, soft_wrap=True)
        return
    if fmt not in ("csv", "parquet"):
        raise typer.BadParameter(f"{fmt!r} is not csv or parquet", param_hint="--format")
    with open_ledger(db, Console(stderr=True), must_exist=True) as ledger:
        try:
            written = export_ledger(ledger, output, ExportFormat(fmt), force=force)
        except OutputError as error:
            print_error(Console(stderr=True), error)
            raise typer.Exit(1) from error
    for path in written:
        Console().print(str(path), markup=False, highlight=False, soft_wrap=True)
