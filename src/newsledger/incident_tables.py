"""How incidents lie in the ledger: the tables, their Arrow schemas and their rows.

Three tables (created by the migrations ``create_incidents`` and ``create_merged_incidents`` in
store.py):
  incidents                one row per incident of one document, tolls flattened (killed_low, ...)
  merged_incidents         one row per merged incident (verify/incidents.py), best/low/high tolls
  merged_incident_reports  which document incidents each merged incident holds

``Ledger.incidents()`` reads merged incidents with ACLED/UCDP-style column names (``EXPORT``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlparse

import pyarrow as pa

from newsledger.model import DatePrecision, Incident, IncidentCount, Qualifier
from newsledger.place_filter import IN_COUNTRY_SQL
from newsledger.verify.incidents import (
    MEASURES,
    IncidentReport,
    MergedCount,
    MergedIncident,
)

_PLACE_COLUMNS = """
    date DATE, date_precision VARCHAR, date_text VARCHAR, country VARCHAR, admin1 VARCHAR,
    place VARCHAR, lat DOUBLE, lon DOUBLE, geo_precision INTEGER, geo_reason VARCHAR,
    type VARCHAR, sub_type VARCHAR, perpetrator VARCHAR, perpetrator_status VARCHAR,
    target VARCHAR"""

INCIDENTS_DDL = f"""
    CREATE TABLE incidents (
        doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, {_PLACE_COLUMNS},
        killed_low BIGINT, killed_high BIGINT, killed_qualifier VARCHAR, killed_figure VARCHAR,
        injured_low BIGINT, injured_high BIGINT, injured_qualifier VARCHAR, injured_figure VARCHAR,
        kidnapped_low BIGINT, kidnapped_high BIGINT, kidnapped_qualifier VARCHAR,
        kidnapped_figure VARCHAR,
        PRIMARY KEY (doc_id, id)
    )"""

MERGED_DDL = f"""
    CREATE TABLE merged_incidents (
        id VARCHAR PRIMARY KEY, {_PLACE_COLUMNS},
        killed_best BIGINT, killed_low BIGINT, killed_high BIGINT, killed_verdict VARCHAR,
        injured_best BIGINT, injured_low BIGINT, injured_high BIGINT, injured_verdict VARCHAR,
        kidnapped_best BIGINT, kidnapped_low BIGINT, kidnapped_high BIGINT,
        kidnapped_verdict VARCHAR, reason VARCHAR NOT NULL
    )"""

REPORTS_DDL = """
    CREATE TABLE merged_incident_reports (
        merged_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, incident_id VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, incident_id)
    )"""

_PLACE_FIELDS = [
    ("date", pa.date32()),
    ("date_precision", pa.string()),
    ("date_text", pa.string()),
    ("country", pa.string()),
    ("admin1", pa.string()),
    ("place", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("geo_precision", pa.int32()),
    ("geo_reason", pa.string()),
    ("type", pa.string()),
    ("sub_type", pa.string()),
    ("perpetrator", pa.string()),
    ("perpetrator_status", pa.string()),
    ("target", pa.string()),
]
# Explicit schemas: an all-null column would otherwise be typed "null" and fail the insert.
INCIDENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("id", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        *_PLACE_FIELDS,
        *[
            (f"{m}_{part}", kind)
            for m in MEASURES
            for part, kind in (
                ("low", pa.int64()),
                ("high", pa.int64()),
                ("qualifier", pa.string()),
                ("figure", pa.string()),
            )
        ],
    ]
)
MERGED_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        *_PLACE_FIELDS,
        *[
            (f"{m}_{part}", kind)
            for m in MEASURES
            for part, kind in (
                ("best", pa.int64()),
                ("low", pa.int64()),
                ("high", pa.int64()),
                ("verdict", pa.string()),
            )
        ],
        ("reason", pa.string()),
    ]
)
REPORTS_SCHEMA = pa.schema(
    [
        ("merged_id", pa.string()),
        ("doc_id", pa.string()),
        ("incident_id", pa.string()),
    ]
)

# ACLED's time_precision: 1 the day, 2 the week, 3 the month.
_TIME_PRECISION = (
    "CASE m.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3 END"
)

EXPORT = f"""
    m.id, m.date AS event_date, {_TIME_PRECISION} AS time_precision, m.date_precision,
    m.date_text, m.country, m.admin1, m.place AS location, m.lat AS latitude,
    m.lon AS longitude, m.geo_precision, m.geo_reason, m.type AS event_type,
    m.sub_type AS sub_event_type, m.perpetrator AS actor1, m.perpetrator_status AS actor1_status,
    m.target AS actor2, m.killed_best AS fatalities, m.killed_low AS fatalities_low,
    m.killed_high AS fatalities_high, m.injured_best AS injuries, m.injured_low AS injuries_low,
    m.injured_high AS injuries_high, m.kidnapped_best AS kidnapped,
    m.kidnapped_low AS kidnapped_low, m.kidnapped_high AS kidnapped_high, m.reason
"""


def report_query(doc_key: str) -> str:
    """Rows of the reports of the merged incidents whose ids are the one parameter."""
    return f"""
        SELECT r.merged_id, {doc_key} AS doc, i.id AS incident, d.published, d.outlet, d.url,
            d.title,
            substr(d.text, i.start + 1, i."end" - i.start) AS evidence, i.*
        FROM merged_incident_reports r
        JOIN incidents i ON i.doc_id = r.doc_id AND i.id = r.incident_id
        JOIN documents d ON d.id = r.doc_id
        WHERE list_contains(?, r.merged_id)
        ORDER BY d.published NULLS LAST, doc, i.start"""


def with_reports(
    rows: list[dict[str, Any]], reports: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Merged incident rows plus ``reports``, ``source`` (outlets) and ``notes`` (evidence)."""
    by_merged: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        by_merged.setdefault(report["merged_id"], []).append(report_line(report))
    for row in rows:
        row["reports"] = by_merged.get(row["id"], [])
        row["source"] = "; ".join(dict.fromkeys(_source(r) for r in row["reports"]))
        row["notes"] = row["reports"][0]["evidence"] if row["reports"] else None
    return rows


def _source(report: dict[str, Any]) -> str:
    """The outlet, else the site of its address ('indianexpress.com'), else the document id."""
    host = urlparse(report["url"] or "").netloc.removeprefix("www.")
    return str(report["outlet"] or host or report["doc"])


def incidents_stale(con: Any) -> bool:
    """Whether incidents were added since the last merge (each merge links every incident)."""
    found = con.execute(
        "SELECT (SELECT count(*) FROM incidents) <> (SELECT count(*) FROM merged_incident_reports)"
    ).fetchone()
    return bool(found and found[0])


def incident_table(doc_id: str, incidents: Iterable[Incident]) -> pa.Table:
    """One document's incidents as an Arrow table in the ``incidents`` column order."""
    rows = []
    for incident in incidents:
        row: dict[str, Any] = {
            "doc_id": doc_id,
            "id": incident.id,
            "start": incident.start,
            "end": incident.end,
            **_place_values(incident),
        }
        for measure in MEASURES:
            row.update(_count_values(measure, getattr(incident, measure)))
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=INCIDENT_SCHEMA)


def _place_values(record: Incident) -> dict[str, Any]:
    values = {name: getattr(record, name) for name, _ in _PLACE_FIELDS}
    precision = record.date_precision
    values["date_precision"] = precision.value if precision else None
    return values


def _count_values(measure: str, count: IncidentCount | None) -> dict[str, Any]:
    if count is None:
        return {f"{measure}_{part}": None for part in ("low", "high", "qualifier", "figure")}
    return {
        f"{measure}_low": count.low,
        f"{measure}_high": count.high,
        f"{measure}_qualifier": count.qualifier.value,
        f"{measure}_figure": count.figure,
    }


def merged_tables(
    merged: Sequence[MergedIncident], doc_ids: dict[str, str]
) -> tuple[pa.Table, pa.Table]:
    """Merged incidents and their report links; ``doc_ids`` maps document keys to content ids."""
    rows, links = [], []
    for record in merged:
        row: dict[str, Any] = {
            "id": record.id,
            **_place_values(record.incident),
            "reason": record.reason,
        }
        for measure in MEASURES:
            row.update(_merged_count_values(measure, getattr(record, measure)))
        rows.append(row)
        links += [
            {
                "merged_id": record.id,
                "doc_id": doc_ids[r.incident.doc],
                "incident_id": r.incident.id,
            }
            for r in record.reports
        ]
    return (
        pa.Table.from_pylist(rows, schema=MERGED_SCHEMA),
        pa.Table.from_pylist(links, schema=REPORTS_SCHEMA),
    )


def _merged_count_values(measure: str, count: MergedCount | None) -> dict[str, Any]:
    parts = ("best", "low", "high", "verdict")
    if count is None:
        return {f"{measure}_{part}": None for part in parts}
    return {f"{measure}_{part}": getattr(count, part) for part in parts}


def report_from_row(row: dict[str, Any]) -> IncidentReport:
    """An incident with its document's metadata, from a row of ``incidents`` joined to documents."""
    incident = Incident(
        doc=row["doc"],
        id=row["id"],
        start=row["start"],
        end=row["end"],
        date=row["date"],
        date_precision=DatePrecision(row["date_precision"]) if row["date_precision"] else None,
        date_text=row["date_text"],
        country=row["country"],
        admin1=row["admin1"],
        place=row["place"],
        lat=row["lat"],
        lon=row["lon"],
        geo_precision=row["geo_precision"],
        geo_reason=row["geo_reason"],
        type=row["type"],
        sub_type=row["sub_type"],
        perpetrator=row["perpetrator"],
        perpetrator_status=row["perpetrator_status"],
        target=row["target"],
        killed=_count(row, "killed"),
        injured=_count(row, "injured"),
        kidnapped=_count(row, "kidnapped"),
    )
    return IncidentReport(incident, row["published"], row["outlet"], row["evidence"] or "")


def _count(row: dict[str, Any], measure: str) -> IncidentCount | None:
    if row[f"{measure}_low"] is None:
        return None
    return IncidentCount(
        row[f"{measure}_low"],
        row[f"{measure}_high"],
        Qualifier(row[f"{measure}_qualifier"]),
        row[f"{measure}_figure"],
    )


def report_line(row: dict[str, Any]) -> dict[str, Any]:
    """One report of a merged incident as output: its document, tolls and evidence."""
    keys = ("doc", "incident", "published", "outlet", "url", "title", "evidence")
    line = {key: row[key] for key in keys}
    for measure in MEASURES:
        count = _count(row, measure)
        line[measure] = (
            None
            if count is None
            else {
                "low": count.low,
                "high": count.high,
                "qualifier": count.qualifier.value,
                "figure": count.figure,
            }
        )
    return line


def incident_filters(
    country: str | None,
    event_type: str | None,
    since: date | None,
    until: date | None,
    document: str | None,
) -> tuple[str, list[Any]]:
    """SQL conditions over ``merged_incidents m`` for ``Ledger.incidents``."""
    conditions: list[str] = []
    params: list[Any] = []
    if country is not None:  # by the gazetteer: "Iraqi Kurdistan" or "Mosul" stand for Iraq
        conditions.append(
            f"{IN_COUNTRY_SQL}([coalesce(m.country, m.admin1, m.place)], ?)"
        )
        params.append(country)
    if event_type is not None:  # "explosions" finds "Explosions/Remote violence"
        conditions.append(
            "(contains(lower(m.type), lower(?)) OR contains(lower(m.sub_type), lower(?)))"
        )
        params += [event_type, event_type]
    if since is not None:
        conditions.append("m.date >= ?")
        params.append(since)
    if until is not None:
        conditions.append("m.date <= ?")
        params.append(until)
    if document is not None:  # its content id or given id
        conditions.append(
            "m.id IN (SELECT r.merged_id FROM merged_incident_reports r JOIN "
            "documents d ON d.id = r.doc_id WHERE d.id = ? OR d.name = ?)"
        )
        params += [document, document]
    return " AND ".join(conditions) or "TRUE", params


__all__ = [
    "EXPORT",
    "INCIDENTS_DDL",
    "MERGED_DDL",
    "REPORTS_DDL",
    "incident_filters",
    "incident_table",
    "incidents_stale",
    "merged_tables",
    "report_from_row",
    "report_line",
    "report_query",
    "with_reports",
]
