"""Commands that score the extraction: eval (figures) and eval-incidents (incidents)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsledger.cli_common import app, print_error
from newsledger.errors import InputError


@app.command("eval", rich_help_panel="Evaluate")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold .json files (corpus format).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help="Also list missed gold figures, spurious predictions and wrong fields of matches.",
        ),
    ] = False,
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
        print_error(Console(stderr=True), error)
        raise typer.Exit(1) from error
    if fmt == "json":
        Console().out(json.dumps(report.to_json(details), indent=2), highlight=False)
    else:
        print_report(report, Console(), details)


@app.command("eval-incidents", rich_help_panel="Evaluate")
def eval_incidents_command(
    data: Annotated[
        Path,
        typer.Option(
            "--data", help="Folder of labelled data sets (RAND, AWSD, ACLED, Wikipedia, CASE 2021)."
        ),
    ] = Path("../shared/data"),
    sample: Annotated[
        int, typer.Option(min=0, help="Rows per data set, drawn with --seed; 0 scores every row.")
    ] = 2000,
    seed: Annotated[int, typer.Option(help="Seed of the row sample.")] = 2024,
    dataset: Annotated[
        list[str] | None,
        typer.Option(
            "--dataset",
            help="Only this data set (repeatable): rand, awsd, acled, awsd_africa, wiki, case2021.",
            show_default=False,
        ),
    ] = None,
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
        raise typer.BadParameter(
            f"{', '.join(unknown)}: not one of {', '.join(DATASET_NAMES)}", param_hint="--dataset"
        )
    if not data.is_dir():
        Console(stderr=True).print(
            f"{data}: no data folder here; eval-incidents skipped (the labelled data sets are "
            "not shipped: put them in ../shared/data or pass --data)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    report = evaluate_incidents(data, sample=sample, seed=seed, workers=workers, only=dataset)
    if fmt == "json":
        Console().out(json.dumps(report.to_json(), indent=2), highlight=False)
    else:
        print_report(report, Console())
