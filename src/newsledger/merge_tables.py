"""What the last merge of incidents saw, so that the next one merges only what changed since.

Reports of different countries never merge (``verify/incidents.merge_incidents``): the merged
incidents of one country depend only on that country's reports and on the name index of rule 5,
which counts every document. Two tables (migration ``create_merge_index`` in store.py) keep:

  merge_documents  each document with incidents at the last merge: a digest of its reports (its
                   incidents' rows, key, publication date and outlet) and its day in the name index
  document_names   each such document's names (``document_names``), computed once: a document's
                   text never changes, and reading them is the costly part of a merge

A merge then finds the documents whose digest changed (``changed_documents``, in SQL), and merges
again only the countries their reports were or are in, plus any country where one of their names
is, for one of its reports, distinctive before and not after (or the other way round): only there
can rule 5 decide differently (``reindexed_countries``). The reports of those countries are
merged with the name index of the whole ledger, and their merged incidents replace the old ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

import pyarrow as pa

from newsledger.incident_tables import report_from_row
from newsledger.verify.incidents import IncidentReport, NameIndex, document_names

INDEX_DDL = (
    "CREATE TABLE merge_documents (doc_id VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, "
    "day DATE)",
    "CREATE TABLE document_names (doc_id VARCHAR PRIMARY KEY, names VARCHAR[] NOT NULL)",
)

NAMES_SCHEMA = pa.schema([("doc_id", pa.string()), ("names", pa.list_(pa.string()))])

# Each document with incidents now: the digest of its reports and its day in the name index
# (that of its last report, as ``NameIndex(reports)`` keeps it). ``{key}``: a document's key.
_NOW = """
    CREATE OR REPLACE TEMP TABLE merge_now AS
    SELECT i.doc_id,
        md5(concat_ws('|', any_value({key}), any_value(d.published), any_value(d.outlet),
                      string_agg(to_json(i), chr(10) ORDER BY i.start, i.id))) AS fingerprint,
        last(coalesce(i.date, d.published) ORDER BY i.start, i.id) AS day
    FROM incidents i JOIN documents d ON d.id = i.doc_id GROUP BY i.doc_id"""

_NAMES = "(SELECT doc_id, unnest(names) AS name FROM document_names)"


def changed_documents(con: Any, doc_key: str) -> tuple[set[str], set[str]]:
    """Content ids of the documents whose reports changed since the last merge (came, went or
    differ), and of those among them whose place in the name index changed. Leaves the current
    state in the temporary table ``merge_now`` for ``save_state``."""
    con.execute(_NOW.replace("{key}", doc_key))
    rows = con.execute(
        "SELECT coalesce(n.doc_id, o.doc_id), n.doc_id IS NULL OR o.doc_id IS NULL "
        "OR n.day IS DISTINCT FROM o.day FROM merge_now n FULL JOIN merge_documents o "
        "ON n.doc_id = o.doc_id WHERE n.fingerprint IS DISTINCT FROM o.fingerprint").fetchall()
    return {doc for doc, _ in rows}, {doc for doc, moved in rows if moved}


def name_documents(con: Any) -> None:
    """Read the names of every document with incidents that has none stored yet."""
    rows = con.execute(
        "SELECT n.doc_id, d.text FROM merge_now n JOIN documents d ON d.id = n.doc_id "
        "WHERE n.doc_id NOT IN (SELECT doc_id FROM document_names)").fetchall()
    if not rows:
        return
    table = pa.Table.from_pylist(
        [{"doc_id": doc, "names": sorted(document_names(text))} for doc, text in rows],
        schema=NAMES_SCHEMA)
    con.register("named", table)
    try:
        con.execute("INSERT INTO document_names SELECT * FROM named")
    finally:
        con.unregister("named")


def touched_countries(con: Any, docs: Collection[str]) -> set[str | None]:
    """Countries the documents' reports were in at the last merge or are in now."""
    rows = con.execute(
        "SELECT m.country FROM merged_incident_reports r JOIN merged_incidents m "
        "ON m.id = r.merged_id WHERE r.doc_id IN (SELECT unnest(?)) "
        "UNION SELECT country FROM incidents WHERE doc_id IN (SELECT unnest(?))",
        [sorted(docs), sorted(docs)]).fetchall()
    return {country for (country,) in rows}


def _index(rows: Iterable[tuple[str, str, date | None]]) -> NameIndex:
    days: dict[str, dict[str, date | None]] = defaultdict(dict)
    for name, doc, day in rows:
        days[name][doc] = day
    return NameIndex.of_days(days)


def reindexed_countries(con: Any, docs: Collection[str]) -> set[str | None]:
    """Countries with a report for which a name of ``docs`` (documents whose place in the name
    index changed) is distinctive before and not now, or now and not before."""
    if not docs:
        return set()
    con.execute("CREATE OR REPLACE TEMP TABLE changed_names AS SELECT DISTINCT name "
                f"FROM {_NAMES} WHERE doc_id IN (SELECT unnest(?))", [sorted(docs)])
    entries = ("SELECT n.name, s.doc_id, s.day FROM {state} s JOIN " + _NAMES + " n "
               "ON n.doc_id = s.doc_id WHERE n.name IN (SELECT name FROM changed_names)")
    before = _index(con.execute(entries.format(state="merge_documents")).fetchall())
    now = _index(con.execute(entries.format(state="merge_now")).fetchall())
    reports = con.execute(
        "SELECT DISTINCT i.country, coalesce(i.date, d.published), n.name FROM incidents i "
        f"JOIN documents d ON d.id = i.doc_id JOIN {_NAMES} n ON n.doc_id = i.doc_id "
        "WHERE n.name IN (SELECT name FROM changed_names)").fetchall()
    con.execute("DROP TABLE changed_names")
    return {country for country, day, name in reports
            if before.distinctive(name, day) != now.distinctive(name, day)}


def _in_countries(column: str, countries: Collection[str | None] | None) -> tuple[str, list[Any]]:
    if countries is None:
        return "TRUE", []
    named = sorted(c for c in countries if c is not None)
    unknown = " OR " + column + " IS NULL" if None in countries else ""
    return f"({column} IN (SELECT unnest(?::VARCHAR[])){unknown})", [named]


def stored_reports(
    con: Any, doc_key: str, countries: Collection[str | None] | None = None
) -> tuple[list[IncidentReport], dict[str, str], NameIndex]:
    """The stored incidents of ``countries`` (all when None) with their documents' metadata
    and names, document keys -> content ids, and the name index of the whole ledger over the
    names those documents use."""
    where, params = _in_countries("i.country", countries)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE merging AS SELECT {doc_key} AS doc, d.id AS content_id, "
        "d.published, d.outlet, substr(d.text, i.start + 1, i.\"end\" - i.start) AS evidence, "
        "i.* FROM incidents i JOIN documents d ON d.id = i.doc_id "
        f"WHERE {where}", params)
    cursor = con.execute("SELECT m.*, n.names FROM merging m JOIN document_names n "
                         "ON n.doc_id = m.content_id ORDER BY m.doc, m.start, m.id")
    columns = [column[0] for column in cursor.description or ()]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    reports = [replace(report_from_row(row), names=frozenset(row["names"])) for row in rows]
    index = _index(con.execute(
        f"SELECT n.name, s.doc_id, s.day FROM merge_now s JOIN {_NAMES} n ON n.doc_id = s.doc_id "
        f"WHERE n.name IN (SELECT name FROM {_NAMES} WHERE doc_id IN "
        "(SELECT content_id FROM merging))").fetchall())
    con.execute("DROP TABLE merging")
    return reports, {r["doc"]: r["content_id"] for r in rows}, index


def drop_merged(con: Any, countries: Collection[str | None] | None) -> None:
    """Delete the merged incidents of ``countries`` (all when None) and their report links."""
    where, params = _in_countries("country", countries)
    con.execute("CREATE OR REPLACE TEMP TABLE dropped_merged AS SELECT id FROM merged_incidents "
                f"WHERE {where}", params)
    con.execute("DELETE FROM merged_incident_reports WHERE merged_id IN "
                "(SELECT id FROM dropped_merged)")
    con.execute("DELETE FROM merged_incidents WHERE id IN (SELECT id FROM dropped_merged)")
    con.execute("DROP TABLE dropped_merged")


def save_state(con: Any, docs: Collection[str] | None) -> None:
    """Record the current digests of ``docs`` (all when None) as those of the last merge."""
    if docs is None:
        con.execute("DELETE FROM merge_documents")
        con.execute("INSERT INTO merge_documents SELECT * FROM merge_now")
    else:
        con.execute("DELETE FROM merge_documents WHERE doc_id IN (SELECT unnest(?))",
                    [sorted(docs)])
        con.execute("INSERT INTO merge_documents SELECT * FROM merge_now "
                    "WHERE doc_id IN (SELECT unnest(?))", [sorted(docs)])
    con.execute("DROP TABLE merge_now")


__all__ = ["INDEX_DDL", "changed_documents", "drop_merged", "name_documents",
           "reindexed_countries", "save_state", "stored_reports", "touched_countries"]
