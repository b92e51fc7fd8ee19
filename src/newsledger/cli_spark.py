"""Commands of the scale-out path: spark-extract (inputs -> Parquet) and import (Parquet -> ledger).

pyspark is imported only when ``spark-extract`` runs, so the other commands start without it.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from newsledger.cli_common import DbOption, InputsArgument, app, open_ledger, print_error
from newsledger.cli_ingest import Tally, _merge_incidents, _reconcile, _store_stream
from newsledger.errors import InputError, LedgerError, SparkError


@app.command("spark-extract", rich_help_panel="Read reports")
def spark_extract(
    inputs: InputsArgument,
    out: Annotated[str, typer.Option("--out", "-o", help="Folder for the Parquet tables.")],
    master: Annotated[
        str, typer.Option(help="Spark master: local[N], spark://HOST:PORT, yarn, ...")
    ] = "local[*]",
    partitions: Annotated[
        int | None,
        typer.Option(min=1, help="Partitions to extract in (default: 4 per core).",
                     show_default=False),
    ] = None,
    conf: Annotated[
        list[str] | None,
        typer.Option("--conf", help="Spark setting KEY=VALUE (repeatable).", show_default=False),
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace tables already in --out.")] = False,
) -> None:
    """Extract figures, checks and incidents on Spark into Parquet tables (docs/spark.md)."""
    from newsledger.spark_extract import input_files, spark_session
    from newsledger.spark_extract import spark_extract as run

    errors = Console(stderr=True)
    settings = _settings(conf or [])
    try:
        input_files(inputs)  # standard input fails here, before Spark starts
        session = spark_session(master, settings)
        try:
            summary = run(session, inputs, out, partitions=partitions, overwrite=overwrite)
        finally:
            session.stop()
    except SparkError as error:
        print_error(errors, error)
        raise typer.Exit(1) from error
    for failure in summary.errors:
        print_error(errors, failure)
    Console().print(summary.summary(), markup=False, highlight=False)
    if summary.errors:
        raise typer.Exit(1)


def _settings(pairs: list[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--conf")
        settings[key.strip()] = value
    return settings


@app.command("import", rich_help_panel="Read reports")
def import_extracted(
    folder: Annotated[str, typer.Argument(help="A spark-extract output folder.")],
    db: DbOption = "newsledger.duckdb",
) -> None:
    """Load the Parquet tables of spark-extract into the ledger, then reconcile as ingest does."""
    from newsledger.parquet_import import read_errors, read_extractions

    errors = Console(stderr=True)
    tally = Tally()

    def failed(error: Exception) -> None:
        tally.failed += 1
        print_error(errors, error)

    with open_ledger(db, errors) as ledger:
        try:
            _store_stream(ledger, read_extractions(folder), tally, failed, errors)
            earlier = read_errors(folder)
        except (InputError, LedgerError) as error:
            failed(error)
            raise typer.Exit(1) from error
        reconciled = _reconcile(ledger, failed)
        merged = _merge_incidents(ledger, failed)
    out = Console()
    for line in (tally.summary(), reconciled, merged):
        if line:
            out.print(line, markup=False, highlight=False)
    if earlier:
        out.print(f"{len(earlier)} inputs had failed in spark-extract (listed in "
                  f"{folder}/errors)", markup=False, highlight=False)
    if tally.failed:
        raise typer.Exit(1)
