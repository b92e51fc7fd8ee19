"""What the last merge of incidents saw, so that the next one merges only what changed since.

Reports of different countries never merge (``verify/incidents.merge_incidents``): the merged
incidents of one country depend only on that country's reports and on the name index of rule 5,
which counts every document. Two tables (migration ``create_merge_index`` in store.py) keep:

  merge_documents  each document with incidents at the last merge: a digest of its reports (its
                   incidents' rows, key, publication date and outlet) and its day in the name index
  document_names   each such document's names (``document_names``), whether it tells several
                   events of one day (``several_that_day``) and the numbers it gives its events
                   in a series (``series_positions``), computed once: a document's text never
                   changes, and reading them is the costly part of a merge

A third, ``merge_reports``, keeps each report's segment of its country's time: reports are
taken oldest first and join only incidents still open, so where no report so far reaches the
next one's day (``verify/incidents.time_segments``) the country falls into independent stretches
(one, when it has an undated report).

A merge then finds the documents whose digest changed (``changed_documents``, in SQL), and merges
again only the segments their reports were or now fall in (``touched_segments``), plus any
segment with a report for which one of their names is distinctive before and not after (or the
other way round): only there can rule 5 decide differently (``reindexed_segments``). The reports
of those segments are merged with the name index of the whole ledger, and their merged incidents
replace the old ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import pyarrow as pa

from newsledger.incident_tables import report_from_row
from newsledger.reconcile_tables import listed, registered
from newsledger.verify.incidents import (
    NEAR_DAYS,
    IncidentReport,
    NameIndex,
    document_names,
    reach,
    series_positions,
    several_that_day,
    time_segments,
)

INDEX_DDL = (
    "CREATE TABLE merge_documents (doc_id VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, "
    "day DATE)",
    "CREATE TABLE document_names (doc_id VARCHAR PRIMARY KEY, names VARCHAR[] NOT NULL)",
)

# Migration ``rename_documents``: names no longer count a recalled cause or a claimant, and a
# document tells whether it has several events of one day; every document is named again and
# the next merge merges everything once.
RENAME_DDL = (
    "ALTER TABLE document_names ADD COLUMN several BOOLEAN DEFAULT false",
    "DELETE FROM document_names",
    "DELETE FROM merge_documents",
)

# Migration ``number_series``: a document's numbers in a series of events ("the second of three
# blasts"), and undated reports that merge only within a day; every document is named again
# and the next merge merges everything once.
SERIES_DDL = (
    "ALTER TABLE document_names ADD COLUMN series INTEGER[] DEFAULT []",
    "DELETE FROM document_names",
    "DELETE FROM merge_documents",
)

# Migration ``create_merge_segments``: each report's segment of its country's time
# (``verify/incidents.time_segments``), with the segment's first day and latest reach (both NULL:
# the whole country, which has an undated report). The next merge merges everything once.
SEGMENTS_DDL = (
    "CREATE TABLE merge_reports (doc_id VARCHAR NOT NULL, incident_id VARCHAR NOT NULL, "
    "segment VARCHAR NOT NULL, country VARCHAR, first_day DATE, last_day DATE)",
    "DELETE FROM merge_documents",
)
SEGMENT_SCHEMA = pa.schema([("doc_id", pa.string()), ("incident_id", pa.string()),
                            ("segment", pa.string()), ("country", pa.string()),
                            ("first_day", pa.date32()), ("last_day", pa.date32())])
MARK_SCHEMA = pa.schema([("country", pa.string()), ("undated", pa.bool_()),
                         ("day", pa.date32()), ("reach", pa.date32())])

NAMES_SCHEMA = pa.schema([("doc_id", pa.string()), ("names", pa.list_(pa.string())),
                          ("several", pa.bool_()), ("series", pa.list_(pa.int32()))])

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
    cursor = con.execute(
        "SELECT n.doc_id, d.text FROM merge_now n JOIN documents d ON d.id = n.doc_id "
        "WHERE n.doc_id NOT IN (SELECT doc_id FROM document_names)")
    named: list[dict[str, Any]] = []
    # A few texts at a time: a batch of long documents read at once took gigabytes.
    while batch := cursor.fetchmany(16):
        named.extend({"doc_id": doc, "names": sorted(document_names(text)),
                      "several": several_that_day(text),
                      "series": sorted(series_positions(text))} for doc, text in batch)
    if not named:
        return
    table = pa.Table.from_pylist(named, schema=NAMES_SCHEMA)
    with registered(con, "named", table):
        con.execute("INSERT INTO document_names (doc_id, names, several, series) "
                    "SELECT doc_id, names, several, series FROM named")


def touched_segments(con: Any, doc_key: str, docs: Collection[str]) -> set[str]:
    """Segments the documents' reports were in at the last merge, and those of the same
    country their reports now fall in or reach (every one of the country for an undated one)."""
    reports, _ = _reports(con, doc_key, "i.doc_id IN (SELECT unnest(split(?, ?)))", [*listed(docs)])
    marks = pa.Table.from_pylist([{
        "country": r.incident.country, "undated": r.reference_day is None,
        "day": r.reference_day, "reach": reach(r) if r.reference_day else None,
    } for r in reports], schema=MARK_SCHEMA)
    with registered(con, "marks", marks):
        rows = con.execute(
            "SELECT segment FROM merge_reports WHERE doc_id IN (SELECT unnest(split(?, ?))) UNION "
            "SELECT s.segment FROM merge_reports s JOIN marks m "
            "ON s.country IS NOT DISTINCT FROM m.country WHERE m.undated OR s.first_day IS NULL "
            "OR (s.first_day <= m.reach AND s.last_day >= m.day)", [*listed(docs)]).fetchall()
    return {segment for (segment,) in rows}


def _index(rows: Iterable[tuple[str, str, date | None]]) -> NameIndex:
    days: dict[str, dict[str, date | None]] = defaultdict(dict)
    for name, doc, day in rows:
        days[name][doc] = day
    return NameIndex.of_days(days)


def reindexed_segments(con: Any, docs: Collection[str]) -> set[str]:
    """Segments with a report for which a name of ``docs`` (documents whose place in the name
    index changed) is distinctive before and not now, or now and not before
    (``verify/incidents.NameIndex.distinctive``, counted in SQL: a name in the news every week
    has as many reports as the ledger has weeks, too many to judge one by one in Python)."""
    if not docs:
        return set()
    con.execute("CREATE OR REPLACE TEMP TABLE changed_names AS SELECT DISTINCT name "
                f"FROM {_NAMES} WHERE doc_id IN (SELECT unnest(split(?, ?)))", [*listed(docs)])
    con.execute(_NAMED_REPORTS)
    rows = con.execute(_FLIPPED.replace("{near}", str(NEAR_DAYS))).fetchall()
    con.execute("DROP TABLE named_reports")
    con.execute("DROP TABLE changed_names")
    return {segment for (segment,) in rows}


# The stored reports naming a changed name: their segment, day and that name.
_NAMED_REPORTS = (
    "CREATE OR REPLACE TEMP TABLE named_reports AS SELECT DISTINCT s.segment, "
    "coalesce(i.date, d.published) AS day, n.name FROM incidents i "
    f"JOIN documents d ON d.id = i.doc_id JOIN {_NAMES} n ON n.doc_id = i.doc_id "
    "JOIN merge_reports s ON s.doc_id = i.doc_id AND s.incident_id = i.id "
    "WHERE n.name IN (SELECT name FROM changed_names)")

# ``NameIndex.distinctive`` of each (name, day) of ``named_reports`` in the name index before
# (``merge_documents``) and now (``merge_now``): the documents naming it within {near} days of
# the day (a window over the name's days, the reports' days put in with no weight), those with
# a day, and all (an undated report: at most two documents name it). The segments where the
# two differ.
_FLIPPED = f"""
    WITH entries AS (
        SELECT n.name, s.day, 1 AS before, 0 AS now FROM merge_documents s JOIN {_NAMES} n
            ON n.doc_id = s.doc_id WHERE n.name IN (SELECT name FROM changed_names)
        UNION ALL
        SELECT n.name, s.day, 0, 1 FROM merge_now s JOIN {_NAMES} n
            ON n.doc_id = s.doc_id WHERE n.name IN (SELECT name FROM changed_names)),
    totals AS (
        SELECT name, sum(before) AS docs_before, sum(now) AS docs_now,
            sum(before) FILTER (WHERE day IS NOT NULL) AS dated_before,
            sum(now) FILTER (WHERE day IS NOT NULL) AS dated_now
        FROM entries GROUP BY name),
    points AS (SELECT DISTINCT name, day FROM named_reports WHERE day IS NOT NULL),
    counted AS (
        SELECT name, day, point,
            sum(before) OVER near AS near_before, sum(now) OVER near AS near_now
        FROM (SELECT name, day, before, now, false AS point FROM entries WHERE day IS NOT NULL
              UNION ALL SELECT name, day, 0, 0, true FROM points)
        WINDOW near AS (PARTITION BY name ORDER BY day RANGE BETWEEN
            INTERVAL {{near}} DAY PRECEDING AND INTERVAL {{near}} DAY FOLLOWING)),
    judged AS (
        SELECT c.name, c.day,
            (coalesce(t.dated_before, 0) - c.near_before) * 2 <= c.near_before AS before,
            (coalesce(t.dated_now, 0) - c.near_now) * 2 <= c.near_now AS now
        FROM counted c LEFT JOIN totals t ON t.name = c.name WHERE c.point
        UNION ALL
        SELECT DISTINCT r.name, NULL, coalesce(t.docs_before, 0) <= 2,
            coalesce(t.docs_now, 0) <= 2
        FROM named_reports r LEFT JOIN totals t ON t.name = r.name WHERE r.day IS NULL)
    SELECT DISTINCT r.segment FROM named_reports r JOIN judged j ON j.name = r.name
        AND j.day IS NOT DISTINCT FROM r.day WHERE j.before <> j.now"""


def _reports(
    con: Any, doc_key: str, where: str, params: list[Any], names: bool = False
) -> tuple[list[IncidentReport], dict[str, str]]:
    cursor = con.execute(
        f"SELECT {doc_key} AS doc, d.id AS content_id, d.published, d.outlet, "
        "substr(d.text, i.start + 1, i.\"end\" - i.start) AS evidence, i.*"
        + (", n.names, n.several, n.series" if names else "")
        + " FROM incidents i JOIN documents d ON d.id = i.doc_id"
        + (" JOIN document_names n ON n.doc_id = i.doc_id" if names else "")
        + f" WHERE {where} ORDER BY doc, i.start, i.id", params)
    columns = [column[0] for column in cursor.description or ()]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    reports = [replace(report_from_row(row), names=frozenset(row["names"]),
                       several=bool(row["several"]),
                       series=frozenset(row["series"] or ())) if names
               else report_from_row(row) for row in rows]
    return reports, {r["doc"]: r["content_id"] for r in rows}


def _of_segments(segments: Collection[str] | None, docs: Collection[str]) -> tuple[str, list[Any]]:
    """SQL over ``incidents i``: the reports of the segments or documents (all: None)."""
    if segments is None:
        return "TRUE", []
    return ("(i.doc_id IN (SELECT unnest(split(?, ?))) OR (i.doc_id, i.id) IN (SELECT (doc_id, "
            "incident_id) FROM merge_reports WHERE segment IN (SELECT unnest(split(?, ?)))))",
            [*listed(docs), *listed(segments)])


def stored_reports(
    con: Any, doc_key: str, segments: Collection[str] | None, docs: Collection[str] = ()
) -> tuple[list[IncidentReport], dict[str, str], NameIndex]:
    """The stored incidents of the segments and documents (all when None) with their
    documents' metadata and names, document keys -> content ids, and the name index of the
    whole ledger over the names those documents use."""
    where, params = _of_segments(segments, docs)
    reports, content_ids = _reports(con, doc_key, where, params, names=True)
    loaded = sorted(set(content_ids.values()))
    index = _index(con.execute(
        f"SELECT n.name, s.doc_id, s.day FROM merge_now s JOIN {_NAMES} n ON n.doc_id = s.doc_id "
        f"WHERE n.name IN (SELECT name FROM {_NAMES} WHERE doc_id IN (SELECT unnest(split(?, ?))))",
        [*listed(loaded)]).fetchall())
    return reports, content_ids, index


def drop_merged(con: Any, segments: Collection[str] | None) -> None:
    """Delete the merged incidents of the segments (all when None) and their report links."""
    if segments is None:
        con.execute("DELETE FROM merged_incident_reports")
        con.execute("DELETE FROM merged_incidents")
        return
    con.execute("CREATE OR REPLACE TEMP TABLE dropped_merged AS SELECT DISTINCT r.merged_id "
                "AS id FROM merged_incident_reports r JOIN merge_reports s ON s.doc_id = "
                "r.doc_id AND s.incident_id = r.incident_id WHERE s.segment IN "
                "(SELECT unnest(split(?, ?)))", [*listed(segments)])
    con.execute("DELETE FROM merged_incident_reports WHERE merged_id IN "
                "(SELECT id FROM dropped_merged)")
    con.execute("DELETE FROM merged_incidents WHERE id IN (SELECT id FROM dropped_merged)")
    con.execute("DROP TABLE dropped_merged")


def save_segments(con: Any, reports: Sequence[IncidentReport], content_ids: Mapping[str, str],
                  segments: Collection[str] | None, docs: Collection[str]) -> None:
    """Record the segments of the reports just merged (those of ``segments`` and ``docs``,
    all when None) in place of the old ones."""
    if segments is None:
        con.execute("DELETE FROM merge_reports")
    else:
        con.execute("DELETE FROM merge_reports WHERE doc_id IN (SELECT unnest(split(?, ?))) "
                    "OR segment IN (SELECT unnest(split(?, ?)))",
                    [*listed(docs), *listed(segments)])
    by_country: dict[str | None, list[IncidentReport]] = defaultdict(list)
    for report in reports:
        by_country[report.incident.country].append(report)
    rows = [{"doc_id": content_ids[r.incident.doc], "incident_id": r.incident.id,
             "segment": f"{country!r}\x02{first or '*'}", "country": country,
             "first_day": first, "last_day": last}
            for country, members in by_country.items()
            for first, last, cut in time_segments(members) for r in cut]
    with registered(con, "segmented", pa.Table.from_pylist(rows, schema=SEGMENT_SCHEMA)):
        con.execute("INSERT INTO merge_reports SELECT * FROM segmented")


def save_state(con: Any, docs: Collection[str] | None) -> None:
    """Record the current digests of ``docs`` (all when None) as those of the last merge."""
    if docs is None:
        con.execute("DELETE FROM merge_documents")
        con.execute("INSERT INTO merge_documents SELECT * FROM merge_now")
    else:
        con.execute("DELETE FROM merge_documents WHERE doc_id IN (SELECT unnest(split(?, ?)))",
                    [*listed(docs)])
        con.execute("INSERT INTO merge_documents SELECT * FROM merge_now "
                    "WHERE doc_id IN (SELECT unnest(split(?, ?)))", [*listed(docs)])
    con.execute("DROP TABLE merge_now")


__all__ = ["INDEX_DDL", "SEGMENTS_DDL", "changed_documents", "drop_merged", "name_documents",
           "reindexed_segments", "save_segments", "save_state", "stored_reports",
           "touched_segments"]
