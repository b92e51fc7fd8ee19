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
    death_side,
    disorder_type,
    incident_codes,
    period,
    priogrid_gid,
    split_deaths,
    target_code,
    ucdp_row,
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
    ("Unidentified armed group", "Civilians", 3, 7, 3),  # ACLED files these as political militias
    ("Civilian Joint Task Force", "Boko Haram", 3, 2, 2),  # a pro-government militia
    ("CJTF", "Civilians", 3, 7, 3),           # by an alias
    ("Fulani Ethnic Militia", "Civilians", 4, 7, 3),     # an identity militia
    ("Dinka Ethnic Militia", "Murle Ethnic Militia", 4, 4, 2),  # by the words of the name
    ("a local militia", "Police forces", 3, 1, 1),
    ("Wagner", "Civilians", 8, 7, 3),         # a military contractor: external/other forces
    ("Nigerian Army", "ISWAP", 1, 2, 1),      # state forces
    ("Protesters", "Police forces", 6, 1, None),  # a crowd is no organised side for UCDP
    ("Rioters", "Civilians", 5, 7, None),
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


@pytest.mark.parametrize(("actor", "target", "event_type", "sub_event_type", "codes"), [
    (None, None, "Riots", "Violent demonstration", (5, 0)),     # the crowd of a riot: rioters
    (None, None, "Protests", "Peaceful protest", (6, 0)),
    (None, None, "Protests", "Excessive force against protesters", (1, 6)),
    ("ISWAP", "Civilians", "Riots", "Mob violence", (2, 7)),    # a named actor keeps its type
    (None, None, "Battles", "Armed clash", (None, 0)),          # no default for armed clashes
])
def test_inter_codes_of_unnamed_actors_by_event_type(
    actor: str | None, target: str | None, event_type: str, sub_event_type: str,
    codes: tuple[int | None, int],
) -> None:
    incident = {"actor1": actor, "actor2": target, "event_type": event_type,
                "sub_event_type": sub_event_type}
    assert incident_codes(incident) == codes


@pytest.mark.parametrize(("counted", "parties", "side"), [
    ("soldiers", ("ISIS", "Military forces"), "state"),
    ("police officers", (), "state"),
    ("ISIS militants", ("ISIS", "Military forces"), "ISIS"),   # a party named: its dead
    ("al-Shabaab fighters", ("al-Shabaab",), "al-Shabaab"),
    ("attackers", ("al-Shabaab",), "armed"),
    ("villagers", (), "civilians"),
    ("people", (), None),                                      # says nothing
    ("soldiers and civilians", (), None),                      # two sides in one phrase
    (None, (), None),
])
def test_death_side_of_a_counted_phrase(
    counted: str | None, parties: tuple[str, ...], side: str | None
) -> None:
    assert death_side(counted, parties) == side


ARMY, GROUP = ("Military forces", 1), ("al-Shabaab", 2)


@pytest.mark.parametrize(("best", "parts", "side_a", "side_b", "one_sided", "deaths"), [
    # state-based: the army's dead on side a, the group's on side b
    (17, [(12, "soldiers"), (5, "attackers")], ARMY, GROUP, False, (12, 5, 0, 0)),
    (17, [(12, "soldiers"), (5, "al-Shabaab fighters")], ARMY, GROUP, False, (12, 5, 0, 0)),
    # a part no phrase places, and dead no part accounts for, are unknown
    (20, [(12, "soldiers"), (3, "people")], ARMY, GROUP, False, (12, 0, 0, 8)),
    (9, [(9, None)], ARMY, GROUP, False, (0, 0, 0, 9)),
    # civilians are civilians whoever the sides are
    (10, [(7, "soldiers"), (3, "civilians")], ARMY, GROUP, False, (7, 0, 3, 0)),
    # one-sided: dead no phrase places are the civilians the event was against
    (23, [(23, "people")], GROUP, ("Civilians", 7), True, (0, 0, 23, 0)),
    (23, [(20, "villagers"), (3, "militants")], GROUP, ("Civilians", 7), True, (3, 0, 20, 0)),
    # 'armed' names no side when both are armed groups
    (6, [(6, "fighters")], ("Boko Haram", 2), ("ISWAP", 2), False, (0, 0, 0, 6)),
    # parts never add up to more than best
    (5, [(12, "soldiers")], ARMY, GROUP, False, (0, 0, 0, 5)),
])
def test_split_deaths_by_side(
    best: int, parts: list[tuple[int, str | None]], side_a: tuple[str, int],
    side_b: tuple[str, int], one_sided: bool, deaths: tuple[int, int, int, int],
) -> None:
    split = split_deaths(best, parts, side_a, side_b, one_sided=one_sided)
    assert tuple(split.values()) == deaths
    assert sum(split.values()) == best


def _incident(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "m00000000000a", "event_date": "2024-06-01", "date_precision": "day",
        "country": "Somalia", "admin1": None, "location": None, "latitude": None,
        "longitude": None, "geo_precision": None, "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "al-Shabaab", "actor2": "Military forces",
        "fatalities": 17, "fatalities_low": 17, "fatalities_high": 17,
        "reports": [{"doc": "wire", "incident": "i1", "outlet": None, "published": None,
                     "url": None, "title": None,
                     "killed": {"low": 17, "high": 17, "qualifier": "exact", "figure": "f2"}}],
    }
    return {**base, **fields}


WIRE_FIGURES = [  # 'An army spokesman said 12 soldiers and five attackers were killed.'
    {"id": "f1", "low": 3, "counted": "vehicles", "start": 10},
    {"id": "f2", "low": 12, "counted": "soldiers", "start": 40},
    {"id": "f3", "low": 5, "counted": "attackers", "start": 55},
]


@pytest.mark.parametrize(("incident", "expected"), [
    # the toll summed from two figures: the army (side a, the government's side) and the group
    (_incident(), ("Military forces", "al-Shabaab", 12, 5, 0, 0)),
    # a toll of one figure naming soldiers
    (_incident(fatalities=12, fatalities_low=12, fatalities_high=12, reports=[
        {**_incident()["reports"][0],  # type: ignore[index]
         "killed": {"low": 12, "high": 12, "qualifier": "exact", "figure": "f2"}}]),
     ("Military forces", "al-Shabaab", 12, 0, 0, 0)),
    # a figure the document does not hold: every death unknown
    (_incident(reports=[{**_incident()["reports"][0],  # type: ignore[index]
                         "killed": {"low": 17, "high": 17, "qualifier": "exact",
                                    "figure": "f9"}}]),
     ("Military forces", "al-Shabaab", 0, 0, 0, 17)),
])
def test_ucdp_row_deaths_from_the_toll_figures(
    incident: dict[str, object], expected: tuple[object, ...]
) -> None:
    row = ucdp_row(incident, lambda doc: WIRE_FIGURES if doc == "wire" else [])
    assert (row["side_a"], row["side_b"], row["deaths_a"], row["deaths_b"],
            row["deaths_civilians"], row["deaths_unknown"]) == expected
    assert row["type_of_violence"] == 1
