"""What the pages and the API read from the ledger beyond ``Ledger``'s own listings.

Every query is parameterised; the figures read here go through ``REVIEWED_FIGURES``, so a page
shows what ``newsledger figures`` shows, plus each figure's review status (rejected included).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsledger import incident_tables as tables
from newsledger.group_rows import group_from_row
from newsledger.review_tables import NOT_REJECTED, NUMBER_END, NUMBER_START, REVIEWED_FIGURES
from newsledger.store import DOC_KEY, FIGURE_COLUMNS, Ledger
from newsledger.store import _figure_filters as figure_filters  # the CLI's filters, as SQL
from newsledger.verify.reconcile import group_json
from newsledger.web.filters import FigureQuery, GroupQuery, IncidentQuery


@dataclass(frozen=True, slots=True)
class DocumentFilters:
    """The documents list's search: text, outlet, publication days; one page of results."""

    q: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 50
    offset: int = 0


def search_documents(ledger: Ledger, filters: DocumentFilters) -> tuple[list[dict[str, Any]], int]:
    """One page of matching documents (metadata and counts, no text) and how many match."""
    conditions: list[str] = ["TRUE"]
    params: list[Any] = []
    if filters.q:
        conditions.append("(contains(lower(d.text), lower(?)) OR contains(lower(coalesce("
                          "d.title, '')), lower(?)) OR d.id = ? OR d.name = ?)")
        params += [filters.q, filters.q, filters.q, filters.q]
    if filters.outlet:
        conditions.append("contains(lower(coalesce(d.outlet, '')), lower(?))")
        params.append(filters.outlet)
    if filters.since:
        conditions.append("d.published >= ?")
        params.append(filters.since)
    if filters.until:
        conditions.append("d.published <= ?")
        params.append(filters.until)
    where = " AND ".join(conditions)
    rows = ledger.query(
        f"""WITH page AS (
              SELECT d.id, d.name, {DOC_KEY} AS doc, d.title, d.published, d.url, d.outlet,
                     d.path, count(*) OVER () AS total_rows FROM documents d WHERE {where}
              ORDER BY d.published DESC NULLS LAST, doc LIMIT ? OFFSET ?)
            SELECT page.*,
              (SELECT count(*) FROM figures f WHERE f.doc_id = page.id) AS figures,
              (SELECT count(*) FROM check_rows c WHERE c.doc_id = page.id) AS checks,
              (SELECT count(*) FROM reviews r WHERE r.doc_id = page.id) AS reviews
            FROM page ORDER BY page.published DESC NULLS LAST, page.doc""",
        [*params, filters.limit, filters.offset])
    return _counted(ledger, rows, f"FROM documents d WHERE {where}", params)


def _counted(ledger: Ledger, rows: list[dict[str, Any]], source: str,
             params: list[Any]) -> tuple[list[dict[str, Any]], int]:
    """Rows without their ``total_rows`` column, and that total: the count the page query
    carries, or a count of its own for a page past the end."""
    if rows:
        total = int(rows[0]["total_rows"])
        for row in rows:
            del row["total_rows"]
        return rows, total
    return rows, int(ledger.query(f"SELECT count(*) AS n {source}", params)[0]["n"])


def _page(ledger: Ledger, select: str, source: str, order: str, params: list[Any], limit: int,
          offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of ``SELECT select source`` in ``order`` (on the selected names) and how many
    rows match. The matches are found once (the place filters call Python for each row) and
    counted apart from the page: a window count over a wide page query made DuckDB sort every
    match, texts included (/figures on 5,000 documents: 180 ms of CPU, now 36 ms)."""
    rows = ledger.query(
        f"WITH hits AS MATERIALIZED (SELECT {select} {source}) SELECT *, "
        f"(SELECT count(*) FROM hits) AS total_rows FROM hits {order} LIMIT ? OFFSET ?",
        [*params, limit, offset])
    return _counted(ledger, rows, source, params)


def find_document(ledger: Ledger, document: str) -> dict[str, Any] | None:
    """One document with its text, by content id or given id."""
    rows = ledger.query(f"SELECT d.*, {DOC_KEY} AS doc FROM documents d "
                        "WHERE d.id = ? OR d.name = ? ORDER BY d.id LIMIT 1", [document, document])
    return rows[0] if rows else None


def document_figures(ledger: Ledger, doc_id: str) -> list[dict[str, Any]]:
    """A document's figures as reviewed (rejected ones too), with the span of each number."""
    rows = ledger.query(
        f"SELECT f.*, {NUMBER_START} AS number_start, {NUMBER_END} AS number_end "
        f"FROM {REVIEWED_FIGURES} f WHERE f.doc_id = ? ORDER BY f.start, length(f.id), f.id",
        [doc_id])
    for row in rows:
        row["also_at"] = json.loads(row["also_at"])
    return rows


def figure_groups(ledger: Ledger, doc_key: str) -> dict[str, list[dict[str, Any]]]:
    """The groups holding each figure of one document, by figure id."""
    needle = json.dumps({"doc": doc_key})[:-1] + ', "id": '
    rows = ledger.query("SELECT id, verdict, best, low, high, members FROM groups "
                        "WHERE contains(members, ?) ORDER BY length(id), id", [needle])
    by_figure: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        members = json.loads(row.pop("members"))
        row["size"] = len(members)
        for member in members:
            if member["doc"] == doc_key:
                by_figure.setdefault(member["id"], []).append(row)
    return by_figure


def figure_checks(checks: list[dict[str, Any]], doc_key: str) -> dict[str, list[dict[str, Any]]]:
    """The checks each figure of one document takes part in, by figure id."""
    by_figure: dict[str, list[dict[str, Any]]] = {}
    for check in checks:
        refs = [check.get("total"), *(check.get("parts") or []), check.get("whole"),
                check.get("part")]
        for ref in refs:
            if not ref:
                continue
            doc, _, figure = ref.rpartition(":")
            if doc in ("", doc_key):
                by_figure.setdefault(figure, []).append(check)
    return by_figure


def group_detail(ledger: Ledger, group_id: str) -> dict[str, Any] | None:
    """One group with its members, each with its document's title and its passage."""
    rows = ledger.query("SELECT * FROM groups WHERE id = ?", [group_id])
    return _with_members(ledger, rows)[0] if rows else None


def figures_page(ledger: Ledger, query: FigureQuery, limit: int,
                 offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of ``newsledger figures`` (same filters, same order) and how many match."""
    where, params = figure_filters(query.measure, query.actor, query.place, query.since,
                                   query.until, query.source, query.document, query.country)
    source = (f"FROM {REVIEWED_FIGURES} f JOIN documents d ON d.id = f.doc_id "
              f"WHERE {where} AND {NOT_REJECTED}")
    rows, total = _page(ledger, f"{FIGURE_COLUMNS}, d.id AS doc_id, f.review", source,
                        "ORDER BY published NULLS LAST, doc, start, id", params, limit, offset)
    for row in rows:
        row["also_at"] = json.loads(row["also_at"])
    return rows, total


def groups_page(ledger: Ledger, query: GroupQuery, limit: int,
                offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of ``newsledger groups`` as group lines, and how many match."""
    conditions, params = ["TRUE"], []
    if query.verdict is not None:
        conditions.append("verdict = ?")
        params.append(query.verdict.value)
    if query.measure is not None:
        conditions.append("measure = ?")
        params.append(query.measure.value)
    where = " AND ".join(conditions)
    total = ledger.query(f"SELECT count(*) AS n FROM groups WHERE {where}", params)[0]["n"]
    rows = ledger.query(f"SELECT * FROM groups WHERE {where} ORDER BY length(id), id "
                        "LIMIT ? OFFSET ?", [*params, limit, offset])
    return [group_json(group_from_row(row)) for row in rows], int(total)


def incidents_page(ledger: Ledger, query: IncidentQuery, limit: int,
                   offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of ``Ledger.incidents`` (same filters, order and columns) and how many match."""
    where, params = tables.incident_filters(query.country, query.type, query.since, query.until,
                                            query.document)
    source = f"FROM merged_incidents m WHERE {where}"
    rows, total = _page(ledger, tables.EXPORT, source, "ORDER BY event_date NULLS LAST, id",
                        params, limit, offset)
    reports = ledger.query(tables.report_query(DOC_KEY), [[row["id"] for row in rows]])
    return tables.with_reports(rows, reports), total


def incident_places(ledger: Ledger, query: IncidentQuery) -> tuple[list[dict[str, Any]], int]:
    """The places of the incidents ``query`` finds, one row per point (lat, lon, place, country,
    incidents, killed, first and last day, best precision), and how many have no coordinates."""
    where, params = tables.incident_filters(query.country, query.type, query.since, query.until,
                                            query.document)
    rows = ledger.query(
        "SELECT m.lat, m.lon, any_value(m.place) AS place, any_value(m.country) AS country, "
        "count(*) AS incidents, sum(m.killed_best) AS killed, min(m.date) AS first, "
        "max(m.date) AS last, min(m.geo_precision) AS precision "
        f"FROM merged_incidents m WHERE {where} AND m.lat IS NOT NULL AND m.lon IS NOT NULL "
        "GROUP BY m.lat, m.lon ORDER BY m.lat, m.lon", params)
    unplaced = ledger.query(f"SELECT count(*) AS n FROM merged_incidents m WHERE {where} "
                            "AND (m.lat IS NULL OR m.lon IS NULL)", params)[0]["n"]
    return rows, int(unplaced)


CONFLICTS = "FROM groups WHERE conflicts <> '[]'"
CONFLICT_ORDER = "ORDER BY latest DESC NULLS LAST, length(id), id"  # as Ledger.conflicts


def conflicts_page(ledger: Ledger, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The newest ``limit`` conflicting groups as ``group_detail`` gives them, and how many."""
    total = ledger.query(f"SELECT count(*) AS n {CONFLICTS}")[0]["n"]
    rows = ledger.query(f"SELECT * {CONFLICTS} {CONFLICT_ORDER} LIMIT ?", [limit])
    return _with_members(ledger, rows), int(total)


def conflict_lines(ledger: Ledger, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of ``newsledger conflicts --format json`` and how many groups conflict."""
    total = ledger.query(f"SELECT count(*) AS n {CONFLICTS}")[0]["n"]
    rows = ledger.query(f"SELECT * {CONFLICTS} {CONFLICT_ORDER} LIMIT ? OFFSET ?",
                        [limit, offset])
    return [{**group_json(group_from_row(row)), "conflicts": json.loads(row["conflicts"])}
            for row in rows], int(total)


def _with_members(ledger: Ledger, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups with their members parsed and each member's document id, title and URL."""
    for group in rows:
        group["figures"] = json.loads(group.pop("members"))
        group["conflicts"] = json.loads(group["conflicts"])
    keys = sorted({m["doc"] for group in rows for m in group["figures"]})
    found = ledger.query(f"SELECT {DOC_KEY} AS doc, d.id AS doc_id, d.title, d.url "
                         f"FROM documents d WHERE list_contains(?, {DOC_KEY})", [keys])
    by_key = {row.pop("doc"): row for row in found}
    for group in rows:
        for member in group["figures"]:
            member.update(by_key.get(member["doc"], {"doc_id": None, "title": None,
                                                     "url": None}))
    return rows


def outlets(ledger: Ledger) -> list[str]:
    """Every outlet named in the ledger, for the search form."""
    rows = ledger.query("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL "
                        "ORDER BY outlet")
    return [row["outlet"] for row in rows]


__all__ = ["DocumentFilters", "conflict_lines", "conflicts_page", "document_figures",
           "figure_checks", "figure_groups", "figures_page", "find_document", "group_detail",
           "groups_page", "incident_places", "incidents_page", "outlets", "search_documents"]
