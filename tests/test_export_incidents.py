"""Incident exports in ACLED's and UCDP GED's columns (names, types and code values)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from newsledger.export import ExportFormat, export_ledger
from newsledger.export_incidents import (
    ACLED_SCHEMA,
    UCDP_SCHEMA,
    actor_code,
    disorder_type,
    period,
    priogrid_gid,
    target_code,
    violence_type,
)
from newsledger.store import Ledger

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reports.md"
# The type words docs/reports.md uses for the Arrow types of the columns.
DOC_TYPES = {"text": pa.string(), "integer": pa.int64(), "date": pa.date32(),
             "decimal": pa.float64()}


def documented_columns(heading: str) -> dict[str, pa.DataType]:
    """Column name -> type from the table under ``heading`` in docs/reports.md."""
    section = DOCS.read_text("utf-8").split(heading, 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| (`\w+`(?:, `\w+`)*) \| (\w+) \|", section, flags=re.MULTILINE)
    return {name.strip("`"): DOC_TYPES[kind] for names, kind in rows for name in names.split(", ")}


@pytest.mark.parametrize(("heading", "schema"), [
    ("### ACLED-style incidents", ACLED_SCHEMA),
    ("### UCDP-GED-style incidents", UCDP_SCHEMA),
])
def test_docs_table_every_exported_column_with_its_type(
    heading: str, schema: pa.Schema
) -> None:
    assert documented_columns(heading) == dict(zip(schema.names, schema.types, strict=True))


@pytest.mark.parametrize(("name", "heading"), [
    ("incidents_acled", "### ACLED-style incidents"),
    ("incidents_ucdp", "### UCDP-GED-style incidents"),
])
def test_demo_incident_csv_loads_with_the_documented_columns_and_types(
    demo_ledger_file: str, tmp_path: Path, name: str, heading: str
) -> None:
    with Ledger(demo_ledger_file, read_only=True) as ledger:
        export_ledger(ledger, tmp_path, ExportFormat.CSV)
        merged = len(ledger.incidents())
    columns = documented_columns(heading)
    table = pa_csv.read_csv(tmp_path / f"{name}.csv",
                            convert_options=pa_csv.ConvertOptions(column_types=columns))
    assert table.schema.names == list(columns)
    assert dict(zip(table.schema.names, table.schema.types, strict=True)) == columns
    assert 0 < table.num_rows <= merged


def test_demo_ucdp_deaths_add_up_to_best(demo_ledger_file: str, tmp_path: Path) -> None:
    with Ledger(demo_ledger_file, read_only=True) as ledger:
        export_ledger(ledger, tmp_path, ExportFormat.PARQUET)
    rows = pq.read_table(tmp_path / "incidents_ucdp.parquet").to_pylist()
    assert rows
    for row in rows:
        parts = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
        assert sum(row[part] for part in parts) == row["best"] > 0
    # Headlines come from the documents' titles; the demo's .txt reports have none.
    assert any(row["source_headline"] for row in rows)
    assert all(row["source_headline"] is None or row["source_headline"].strip() for row in rows)


def test_demo_acled_codes_are_the_codebook_values(demo_ledger_file: str) -> None:
    from newsledger.export_incidents import acled_incidents_table

    with Ledger(demo_ledger_file, read_only=True) as ledger:
        rows = acled_incidents_table(ledger).to_pylist()
    assert rows
    for row in rows:
        assert row["time_precision"] in (1, 2, 3, None)
        assert row["geo_precision"] in (1, 2, 3, None)
        assert row["inter2"] in range(9)
        assert row["fatalities"] >= 0
        assert row["event_id_cnty"].startswith(row["iso3"] or "XXX")
        if row["interaction"] is not None:
            assert {row["interaction"] // 10, row["interaction"] % 10} <= set(range(9))


@pytest.mark.parametrize(("event_type", "sub_event_type", "expected"), [
    ("Battles", "Armed clash", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Riots", "Mob violence", "Political violence"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Strategic developments", "Looting/property destruction", "Strategic developments"),
    (None, None, None),
])
def test_disorder_type_of_event_types(
    event_type: str | None, sub_event_type: str | None, expected: str | None
) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


@pytest.mark.parametrize(("actor", "target", "inter1", "inter2", "violence"), [
    ("ISIS", "Civilians", 2, 7, 3),           # one-sided
    ("ISIS", "Military forces", 2, 1, 1),     # state-based
    ("Boko Haram", "ISWAP", 2, 2, 2),         # non-state
    ("ISIS", None, 2, 0, None),               # no second side
    (None, "Civilians", None, 7, 3),          # unknown perpetrator of an attack on civilians
])
def test_actor_codes_and_type_of_violence(
    actor: str | None, target: str | None, inter1: int | None, inter2: int,
    violence: int | None,
) -> None:
    assert (actor_code(actor), target_code(target)) == (inter1, inter2)
    assert violence_type(inter1, inter2) == violence


@pytest.mark.parametrize(("day", "precision", "expected"), [
    (date(2024, 2, 1), "month", (date(2024, 2, 1), date(2024, 2, 29))),
    (date(2023, 11, 20), "week", (date(2023, 11, 20), date(2023, 11, 26))),
    (date(2023, 11, 25), "day", (date(2023, 11, 25), date(2023, 11, 25))),
    (date(2022, 1, 1), "year", (date(2022, 1, 1), date(2022, 12, 31))),
    (None, "day", (None, None)),
])
def test_period_of_a_date_precision(
    day: date | None, precision: str, expected: tuple[date | None, date | None]
) -> None:
    assert period(day, precision) == expected


@pytest.mark.parametrize(("lat", "lon", "expected"), [
    (-89.9, -179.9, 1),                # the first cell, in the south-west corner
    (-89.9, 179.9, 720),               # the end of the first row
    (-89.4, -179.9, 721),              # the second row
    (89.9, 179.9, 360 * 720),          # the last cell
    (None, 10.0, None),
])
def test_priogrid_cells(lat: float | None, lon: float | None, expected: int | None) -> None:
    assert priogrid_gid(lat, lon) == expected
