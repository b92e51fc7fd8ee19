"""Exports: CSV and Parquet files with ACLED and UCDP GED column names where the concepts match."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.errors import OutputError
from newsledger.export import ExportFormat, export_ledger, figures_table, where
from newsledger.model import Extraction
from newsledger.store import Ledger

runner = CliRunner()

ACLED_COLUMNS = ["event_date", "year", "country", "admin1", "location", "latitude", "longitude",
                 "source", "notes", "fatalities"]
UCDP_COLUMNS = ["best", "low", "high", "date_start", "date_end", "side_a", "source_office",
                "source_date", "source_headline"]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def figure_line(rows: list[dict[str, str]], doc: str, fid: str) -> dict[str, str]:
    (row,) = [r for r in rows if (r["doc"], r["id"]) == (doc, fid)]
    return row


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_writes_one_file_per_table(
    news_ledger: Ledger, tmp_path: Path, fmt: ExportFormat
) -> None:
    news_ledger.reconcile()
    written = export_ledger(news_ledger, tmp_path / "out", fmt)
    assert sorted(p.name for p in written) == sorted(
        f"{name}.{fmt.value}" for name in ("figures", "checks", "documents", "groups",
                                           "incidents_acled", "incidents_ucdp"))
    assert all(p.stat().st_size > 0 for p in written)  # a header at least, when empty


@pytest.mark.parametrize("column", ACLED_COLUMNS + UCDP_COLUMNS)
def test_export_csv_figures_have_acled_and_ucdp_columns(
    news_ledger: Ledger, tmp_path: Path, column: str
) -> None:
    export_ledger(news_ledger, tmp_path, ExportFormat.CSV)
    header = (tmp_path / "figures.csv").read_text("utf-8").splitlines()[0]
    assert f'"{column}"' in header.split(",")


def test_export_groups_have_ucdp_estimates(news_ledger: Ledger, tmp_path: Path) -> None:
    news_ledger.reconcile()
    export_ledger(news_ledger, tmp_path, ExportFormat.CSV)
    groups = read_csv(tmp_path / "groups.csv")
    (iraq,) = [g for g in groups if g["location"] == "Iraq" and g["verdict"] == "conflict"]
    assert (iraq["best"], iraq["low"], iraq["high"], iraq["number_of_sources"]) == (
        "21", "21", "30", "2")
    assert iraq["side_a"] == "ISIS" and iraq["fatalities"] == "21"
    assert sorted(iraq["figures"].split("; ")) == ["monitor-q2:f1", "tigris-anbar:f1"]


@pytest.mark.parametrize(
    ("doc", "fid", "expected"),
    [
        ("tigris-anbar", "f1", {"best": "30", "low": "30", "high": "30", "fatalities": "30",
                                "date_start": "2024-04-01", "date_end": "2024-06-30",
                                "event_date": "", "year": "2024", "side_a": "ISIS",
                                "source": "JOC", "source_office": "Tigris Wire",
                                "notes": "killed 30 ISIS militants", "country": "Iraq"}),
        # A stock: no fatalities, an open high, the stated 9,000 as best.
        ("tigris-anbar", "f3", {"best": "9000", "low": "9001", "high": "", "fatalities": "",
                                "qualifier": "more_than", "source_date": "2024-07-03"}),
        ("observatory-may", "f2", {"location": "Deir ez-Zor", "country": "Syria",
                                   "event_date": "", "year": "2024"}),
    ],
)
def test_export_figure_values(
    news_ledger: Ledger, tmp_path: Path, doc: str, fid: str, expected: dict[str, str]
) -> None:
    export_ledger(news_ledger, tmp_path, ExportFormat.CSV)
    row = figure_line(read_csv(tmp_path / "figures.csv"), doc, fid)
    assert {key: row[key] for key in expected} == expected


def test_export_parquet_round_trips_through_pyarrow(news_ledger: Ledger, tmp_path: Path) -> None:
    export_ledger(news_ledger, tmp_path, ExportFormat.PARQUET)
    table = pq.read_table(tmp_path / "figures.parquet")
    assert table.equals(figures_table(news_ledger))
    first = figure_line(table.to_pylist(), "tigris-anbar", "f1")  # type: ignore[arg-type]
    assert first["date_start"] == date(2024, 4, 1) and first["best"] == 30
    checks = pq.read_table(tmp_path / "checks.parquet").to_pylist()
    assert checks[0]["parts"] == ["f2", "f3"]


def test_export_documents_keep_their_text(news_ledger: Ledger, tmp_path: Path) -> None:
    export_ledger(news_ledger, tmp_path, ExportFormat.PARQUET)
    documents = {d["doc"]: d for d in pq.read_table(tmp_path / "documents.parquet").to_pylist()}
    text = documents["tigris-anbar"]["text"]
    figure = figure_line(read_csv_from(news_ledger, tmp_path), "tigris-anbar", "f1")
    assert text[int(figure["start"]):int(figure["end"])] == figure["notes"]


def read_csv_from(ledger: Ledger, tmp_path: Path) -> list[dict[str, str]]:
    export_ledger(ledger, tmp_path / "csv", ExportFormat.CSV)
    return read_csv(tmp_path / "csv" / "figures.csv")


@pytest.mark.parametrize(
    ("locations", "country", "admin1", "point"),
    [
        (("Iraq",), "Iraq", None, True),
        (("Iraq", "Syria"), "Iraq; Syria", None, False),  # two countries: no single point
        (("Al Hol camp", "Syria"), "Syria", "Hasakah", True),  # the camp lies in Syria
        (("Nowhere-in-particular",), None, None, False),
    ],
)
def test_export_where_columns(
    locations: tuple[str, ...], country: str | None, admin1: str | None, point: bool
) -> None:
    columns = where(locations)
    assert (columns["country"], columns["admin1"]) == (country, admin1)
    assert (columns["latitude"] is not None) == point
    assert columns["location"] == "; ".join(locations)


def test_export_into_an_unwritable_place_names_it(news_ledger: Ledger, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=str(blocker / "out")):
        export_ledger(news_ledger, blocker / "out", ExportFormat.CSV)


def test_cli_export_lists_the_files(news_ledger_file: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--db", news_ledger_file, "-f", "parquet",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out / "figures.parquet") in result.stdout.splitlines()
    assert pq.read_table(out / "figures.parquet").num_rows == 7


# --- unsafe output (issue 12) -------------------------------------------------------------------

def hostile_ledger(extraction: Extraction) -> Ledger:
    ledger = Ledger(":memory:")
    ledger.add(extraction)
    ledger.reconcile()
    return ledger


def test_export_csv_cells_cannot_run_as_formulas_parquet_keeps_values(
    tmp_path: Path, hostile_extraction: Extraction
) -> None:
    ledger = hostile_ledger(hostile_extraction)
    export_ledger(ledger, tmp_path / "csv", ExportFormat.CSV)
    export_ledger(ledger, tmp_path / "parquet", ExportFormat.PARQUET)
    (figure,) = read_csv(tmp_path / "csv" / "figures.csv")
    (document,) = read_csv(tmp_path / "csv" / "documents.csv")
    assert (figure["doc"], figure["counted"]) == ("'-hostile", "'=HYPERLINK(\"http://x\")")
    assert (document["title"], document["text"][:4]) == ("'@SUM(A1:A9)", "'=cm")
    assert figure["best"] == "5"
    parquet = pq.read_table(tmp_path / "parquet" / "documents.parquet").to_pylist()
    assert parquet[0]["title"] == "@SUM(A1:A9)"


def test_export_refuses_to_overwrite_unless_forced(
    tmp_path: Path, hostile_extraction: Extraction
) -> None:
    ledger = hostile_ledger(hostile_extraction)
    export_ledger(ledger, tmp_path, ExportFormat.CSV)
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("keep me", encoding="utf-8")
    (tmp_path / "checks.csv").unlink()
    (tmp_path / "checks.csv").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="already exists; pass --force"):
        export_ledger(ledger, tmp_path, ExportFormat.CSV)
    export_ledger(ledger, tmp_path, ExportFormat.CSV, force=True)
    assert elsewhere.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "checks.csv").is_symlink()


def test_export_command_says_what_exists(tmp_path: Path, hostile_extraction: Extraction) -> None:
    db = str(tmp_path / "ledger.duckdb")
    with Ledger(db) as ledger:
        ledger.add(hostile_extraction)
    out = tmp_path / "out"
    assert runner.invoke(app, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    again = runner.invoke(app, ["export", "--db", db, "-o", str(out)])
    assert again.exit_code == 1
    assert f"error: {out / 'figures.csv'}: already exists" in again.stderr
    assert runner.invoke(app, ["export", "--db", db, "-o", str(out), "--force"]).exit_code == 0

