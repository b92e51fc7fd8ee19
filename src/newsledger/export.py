"""Export the ledger as CSV or Parquet, with ACLED and UCDP GED column names where concepts match.

One file per table: ``figures``, ``checks``, ``documents``, ``groups`` and the merged incidents
twice, in ACLED's columns (``incidents_acled``) and in UCDP GED's (``incidents_ucdp``, see
export_incidents.py). A figure's stated number gives UCDP's ``best``/``low``/``high`` (and ACLED's
``fatalities`` for killed), its period UCDP's ``date_start``/``date_end`` (and ACLED's
``event_date`` when it is one day), its actor UCDP's ``side_a``, its places ACLED's ``location``,
``country``, ``admin1``, ``latitude``, ``longitude``. The mapping is tabled in docs/reports.md.

Existing files are not replaced unless ``force`` (see outfiles.py). In CSV, a text cell starting
with = + - @, a tab or a carriage return gets a leading apostrophe (OWASP CSV-injection guidance),
so that a spreadsheet shows it instead of running it; Parquet keeps every value as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from newsledger.errors import OutputError
from newsledger.export_incidents import acled_incidents_table, as_day, ucdp_incidents_table
from newsledger.extract.places import Place, lookup_place, place_closure
from newsledger.model import Group, Measure, Qualifier, Quantity
from newsledger.outfiles import refuse_existing, write_new
from newsledger.store import Ledger


class ExportFormat(StrEnum):
    """File formats of ``newsledger export``."""

    CSV = "csv"
    PARQUET = "parquet"


TEXT, INT, DAY, REAL, FLAG = pa.string(), pa.int64(), pa.date32(), pa.float64(), pa.bool_()
TEXTS = pa.list_(pa.string())

WHERE_COLUMNS = [("location", TEXT), ("country", TEXT), ("admin1", TEXT),
                 ("latitude", REAL), ("longitude", REAL)]

FIGURE_SCHEMA = pa.schema([
    ("doc", TEXT), ("id", TEXT), ("event_date", DAY), ("year", INT), ("date_start", DAY),
    ("date_end", DAY), ("time_text", TEXT), ("measure", TEXT), ("counted", TEXT),
    ("number_text", TEXT), ("qualifier", TEXT), ("best", INT), ("low", INT), ("high", INT),
    ("fatalities", INT), ("side_a", TEXT), *WHERE_COLUMNS, ("source", TEXT),
    ("source_office", TEXT), ("source_date", DAY), ("source_headline", TEXT), ("url", TEXT),
    ("notes", TEXT), ("start", INT), ("end", INT), ("also_at", TEXT),
])

CHECK_SCHEMA = pa.schema([
    ("doc", TEXT), ("type", TEXT), ("holds", FLAG), ("total", TEXT), ("parts", TEXTS),
    ("whole", TEXT), ("part", TEXT), ("reason", TEXT),
])

DOCUMENT_SCHEMA = pa.schema([
    ("doc", TEXT), ("id", TEXT), ("name", TEXT), ("title", TEXT), ("published", DAY),
    ("url", TEXT), ("outlet", TEXT), ("path", TEXT), ("ingested_at", pa.timestamp("us")),
    ("figures", INT), ("checks", INT), ("text", TEXT),
])

GROUP_SCHEMA = pa.schema([
    ("id", TEXT), ("measure", TEXT), ("side_a", TEXT), *WHERE_COLUMNS, ("date_start", DAY),
    ("date_end", DAY), ("as_of", DAY), ("verdict", TEXT), ("best", INT), ("low", INT),
    ("high", INT), ("fatalities", INT), ("number_of_sources", INT), ("reason", TEXT),
    ("figures", TEXTS),
])


def export_ledger(
    ledger: Ledger, directory: Path, fmt: ExportFormat = ExportFormat.CSV, *, force: bool = False
) -> list[Path]:
    """Write every table of the ledger into ``directory``; returns the files written. Existing
    files are an error (before anything is written) unless ``force``."""
    tables = {"figures": figures_table(ledger), "checks": checks_table(ledger),
              "documents": documents_table(ledger)}
    groups = getattr(ledger, "groups", None)
    if callable(groups):  # the ledger groups same-thing figures (issue 3)
        tables["groups"] = groups_table(groups())
    if callable(getattr(ledger, "incidents", None)):  # the ledger merges incidents (issue 4)
        tables["incidents_acled"] = acled_incidents_table(ledger)
        tables["incidents_ucdp"] = ucdp_incidents_table(ledger)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(directory), f"cannot create the folder: {error.strerror}") from error
    paths = {name: directory / f"{name}.{fmt.value}" for name in tables}
    refuse_existing(paths.values(), force)
    return [write_table(table, paths[name], fmt, force=force) for name, table in tables.items()]


def write_table(table: pa.Table, path: Path, fmt: ExportFormat, *, force: bool = False) -> Path:
    """One table as Parquet, or as CSV with list cells joined by '; ' and text cells made
    spreadsheet-safe."""

    def write(target: Path) -> None:
        if fmt is ExportFormat.PARQUET:
            pq.write_table(table, target)
        else:
            pa_csv.write_csv(spreadsheet_safe(flatten_lists(table)), target)

    try:
        return write_new(path, write, force=force)
    except pa.ArrowException as error:
        raise OutputError(str(path), f"cannot write the {fmt.value} file: {error}") from error


# A cell a spreadsheet would run as a formula (see output.spreadsheet_safe).
_FORMULA_START = r"^([=+\-@\t\r])"


def spreadsheet_safe(table: pa.Table) -> pa.Table:
    """Every text cell that starts like a formula gets a leading apostrophe (OWASP)."""
    for index, field in enumerate(table.schema):
        if pa.types.is_string(field.type):
            safe = pc.replace_substring_regex(table.column(index), _FORMULA_START, r"'\1")
            table = table.set_column(index, field.name, safe)
    return table


def flatten_lists(table: pa.Table) -> pa.Table:
    """List columns as '; '-joined text: CSV has no lists (as ``output.cell_text`` does)."""
    for index, field in enumerate(table.schema):
        if pa.types.is_list(field.type):
            cells = table.column(index).to_pylist()
            joined = ["; ".join(items) if items else None for items in cells]
            table = table.set_column(index, field.name, pa.array(joined, TEXT))
    return table


def figures_table(ledger: Ledger) -> pa.Table:
    """Every figure with its document's outlet, date and headline, in ACLED/UCDP columns."""
    documents = _documents_by_key(ledger)
    rows = [_figure_row(figure, documents.get(figure["doc"], {})) for figure in ledger.figures()]
    return pa.Table.from_pylist(rows, schema=FIGURE_SCHEMA)


def _figure_row(figure: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    start, end = as_day(figure["period_start"]), as_day(figure["period_end"])
    best = _stated_value(figure)
    return {
        "doc": figure["doc"], "id": figure["id"],
        "event_date": start if start is not None and start == end else None,
        "year": end.year if end and (start is None or start.year == end.year) else None,
        "date_start": start, "date_end": end, "time_text": figure["time_text"],
        "measure": figure["measure"], "counted": figure["counted"],
        "number_text": figure["number_text"], "qualifier": figure["qualifier"],
        "best": best, "low": figure["low"], "high": figure["high"],
        "fatalities": best if figure["measure"] == Measure.KILLED.value else None,
        "side_a": figure["actor"], **where(tuple(figure["locations"])),
        "source": figure["source"], "source_office": document.get("outlet"),
        "source_date": as_day(figure["published"]), "source_headline": figure["title"],
        "url": document.get("url"), "notes": figure["text"], "start": figure["start"],
        "end": figure["end"],
        "also_at": "; ".join(f"{a}-{b}" for a, b in figure["also_at"]) or None,
    }


def _stated_value(figure: dict[str, Any]) -> int:
    """The number as stated: 9,000 for 'more than 9,000', the lower end of a range."""
    quantity = Quantity(figure["low"], figure["high"], Qualifier(figure["qualifier"]),
                        figure["number_text"], figure["start"], figure["end"])
    return quantity.value


def checks_table(ledger: Ledger) -> pa.Table:
    """Every check with its verdict and reason."""
    rows = [{name: check[name] for name in CHECK_SCHEMA.names} for check in ledger.checks()]
    return pa.Table.from_pylist(rows, schema=CHECK_SCHEMA)


def documents_table(ledger: Ledger) -> pa.Table:
    """Every document's metadata and text (offsets in the other tables point into it)."""
    rows = []
    for document in ledger.documents():
        key = document["name"] or document["id"]
        rows.append({**document, "doc": key, "published": as_day(document["published"]),
                     "ingested_at": datetime.fromisoformat(document["ingested_at"]),
                     "text": ledger.document_text(key)})
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def groups_table(groups: Iterable[Group]) -> pa.Table:
    """Same-thing groups with UCDP's best/low/high and number_of_sources."""
    rows = [{
        "id": g.id, "measure": g.measure.value, "side_a": g.actor, **where(tuple(g.locations)),
        "date_start": g.period_start, "date_end": g.period_end, "as_of": g.as_of,
        "verdict": g.verdict.value, "best": g.best, "low": g.low, "high": g.high,
        "fatalities": g.best if g.measure is Measure.KILLED else None,
        "number_of_sources": len({m.doc for m in g.figures}), "reason": g.reason,
        "figures": [f"{m.doc}:{m.id}" for m in g.figures],
    } for g in groups]
    return pa.Table.from_pylist(rows, schema=GROUP_SCHEMA)


# Most specific first: a point is given for the most specific place when the others contain it.
KIND_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}


@lru_cache(maxsize=4096)
def where(locations: tuple[str, ...], lookup: Callable[[str], Place | None] = lookup_place,
          ) -> dict[str, Any]:
    """ACLED's location, country, admin1, latitude, longitude for a figure's places."""
    places = [place for place in map(lookup, locations) if place is not None]
    point = _nested_point(places)
    return {
        "location": "; ".join(locations) or None,
        "country": _joined(place.country for place in places),
        "admin1": _joined(_admin1(place) for place in places),
        "latitude": point[0] if point else None, "longitude": point[1] if point else None,
    }


def _nested_point(places: Sequence[Place]) -> tuple[float, float] | None:
    """The most specific place's coordinates, if every other place contains it."""
    if not places:
        return None
    inner = min(places, key=lambda p: KIND_RANK.get(p.kind, len(KIND_RANK)))
    around = place_closure(inner)
    if any(not place_closure(place) <= around for place in places):
        return None
    return (inner.lat, inner.lon) if inner.lat is not None and inner.lon is not None else None


def _admin1(place: Place) -> str | None:
    return place.name if place.kind == "admin1" else place.admin1


def _joined(names: Iterable[str | None]) -> str | None:
    return "; ".join(dict.fromkeys(name for name in names if name)) or None


def _documents_by_key(ledger: Ledger) -> dict[str, dict[str, Any]]:
    return {document["name"] or document["id"]: document for document in ledger.documents()}


__all__ = [
    "CHECK_SCHEMA",
    "DOCUMENT_SCHEMA",
    "FIGURE_SCHEMA",
    "GROUP_SCHEMA",
    "ExportFormat",
    "checks_table",
    "documents_table",
    "export_ledger",
    "figures_table",
    "flatten_lists",
    "groups_table",
    "spreadsheet_safe",
    "where",
    "write_table",
]
