"""What the last reconcile saw, so that the next one regroups only what changed since.

Groups are formed within buckets (``verify/reconcile.bucket_key``: measure and merged incident,
else measure and countries), and a group depends only on the figures of its bucket and on their
documents. Two tables (migration ``create_reconcile_index`` in store.py) keep:

  reconcile_figures  each figure's bucket and its document's fingerprint at the last reconcile
  reconcile_groups   each group's bucket, its place in the order of all groups, its best figure
                     and whether that takes part in derivation (``verify/derive.derives``)

A document's fingerprint (``document_fingerprints``, in SQL over every document, the reviewers'
pair marks added in Python) covers its key, all its figures as reviewed, its incidents with the
merged incident of each, its own checks and the pair marks on its figures: everything its
figures' buckets and readings depend on. Only the documents whose fingerprint changed are read
(``Ledger._reconcile``): every bucket such a document has a figure in (before or after) is
regrouped, with the figures of the documents that have a figure in one of those buckets, found
through ``reconcile_figures`` in SQL; nothing else is loaded. Groups
are then numbered again over the whole ledger (g1, g2, ... in ``order``), in SQL: the ids in the
groups, their conflict pairs and the reasons of their checks are renamed, nothing else is read.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from newsledger.incident_tables import report_from_row
from newsledger.model import Figure
from newsledger.verify.derive import derives, thing_key
from newsledger.verify.incidents import told_incidents
from newsledger.verify.reconcile import Grouped, Reconciled, bucket_key

# Checks that ``verify/reconcile.relation_checks`` writes; their reason starts with the group id.
RELATION_TYPES = ("agree", "update", "conflict")

INDEX_DDL = (
    "CREATE TABLE reconcile_figures (doc VARCHAR NOT NULL, id VARCHAR NOT NULL, "
    "bucket VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL)",
    "CREATE TABLE reconcile_groups (id VARCHAR NOT NULL, bucket VARCHAR NOT NULL, "
    "sort_key VARCHAR NOT NULL, best_doc VARCHAR, best_id VARCHAR, derives BOOLEAN NOT NULL)",
)

# Migration ``create_derive_index``: what each group's best counts (``verify/derive.thing_key``,
# when it derives), each derived figure's thing and number within it, and how many numbers each
# thing used (an impossible rest uses one too), so that derivation reruns only the things of
# regrouped groups and numbers every derived figure as the whole derivation does.
DERIVE_INDEX_DDL = (
    "ALTER TABLE reconcile_groups ADD COLUMN thing VARCHAR",
    "CREATE TABLE reconcile_derived (id VARCHAR NOT NULL, thing VARCHAR NOT NULL, "
    "local INTEGER NOT NULL)",
    "CREATE TABLE reconcile_derivations (thing VARCHAR PRIMARY KEY, ids INTEGER NOT NULL)",
    # Groups formed before have no thing: the next reconcile regroups everything.
    "DELETE FROM reconcile_figures",
)

FIGURE_STATE_SCHEMA = pa.schema([("doc", pa.string()), ("id", pa.string()),
                                 ("bucket", pa.string()), ("fingerprint", pa.string())])
GROUP_INDEX_SCHEMA = pa.schema([
    ("id", pa.string()), ("bucket", pa.string()), ("sort_key", pa.string()),
    ("best_doc", pa.string()), ("best_id", pa.string()), ("derives", pa.bool_()),
    ("thing", pa.string()),
])
DERIVED_INDEX_SCHEMA = pa.schema([("id", pa.string()), ("thing", pa.string()),
                                  ("local", pa.int32())])
DERIVATIONS_SCHEMA = pa.schema([("thing", pa.string()), ("ids", pa.int32())])

State = dict[tuple[str, str], tuple[str, str]]  # (doc, id) -> (bucket, fingerprint)


def figure_state(
    figures: Sequence[Figure], told: Mapping[str, str], fingerprints: Mapping[str, str]
) -> State:
    """Each figure's bucket and its document's fingerprint (``document_fingerprints``)."""
    return {(figure.doc, figure.id): (bucket_key(figure, told.get(f"{figure.doc}:{figure.id}")),
                                      fingerprints[figure.doc])
            for figure in figures}


def document_fingerprints(
    con: Any, doc_key: str, reviewed: str, not_rejected: str,
    marks: Iterable[tuple[str, frozenset[str]]],
) -> dict[str, str]:
    """Each document's fingerprint (see the module docstring), by its key; ``reviewed`` is the
    SQL of the reviewed figures and ``not_rejected`` the condition that keeps them, ``marks``
    the reviewers' pairs with their kind ('same', 'different'). Only documents with figures."""
    rows = con.execute(f"""
        WITH f AS (
            SELECT doc_id, md5(string_agg(to_json(x), chr(10) ORDER BY x.id)) AS digest
            FROM (SELECT f.* EXCLUDE (review, reviewed_by, reviewed_at) FROM {reviewed} f
                  WHERE {not_rejected}) x GROUP BY doc_id),
        i AS (
            SELECT i.doc_id, md5(string_agg(concat_ws('|', i.id, i.start, i."end",
                i.killed_figure, i.injured_figure, i.kidnapped_figure, r.merged_id, m.date),
                chr(10) ORDER BY i.id)) AS digest
            FROM incidents i LEFT JOIN merged_incident_reports r
                ON r.doc_id = i.doc_id AND r.incident_id = i.id
            LEFT JOIN merged_incidents m ON m.id = r.merged_id GROUP BY i.doc_id),
        c AS (
            SELECT doc_id, md5(string_agg(to_json(c), chr(10) ORDER BY to_json(c)))
                AS digest
            FROM (SELECT doc_id, type, holds, total, parts, whole, part, reason FROM checks
                  WHERE origin = 'document') c GROUP BY doc_id)
        SELECT {doc_key}, md5(concat_ws('|', {doc_key}, f.digest, coalesce(i.digest, '-'),
            coalesce(c.digest, '-')))
        FROM f JOIN documents d ON d.id = f.doc_id LEFT JOIN i ON i.doc_id = f.doc_id
        LEFT JOIN c ON c.doc_id = f.doc_id""").fetchall()
    marked: dict[str, list[str]] = defaultdict(list)
    for kind, pair in marks:
        for key in pair:
            marked[key.rsplit(":", 1)[0]].append(repr((kind, sorted(pair))))
    fingerprints = {}
    for doc, digest in rows:
        if doc in marked:
            text = "\n".join([digest, *sorted(marked[doc])])
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        fingerprints[doc] = digest
    return fingerprints


def stored_fingerprints(con: Any) -> dict[str, str]:
    """Each document's fingerprint at the last reconcile (empty before the first one)."""
    rows = con.execute("SELECT doc, any_value(fingerprint) FROM reconcile_figures "
                       "GROUP BY doc").fetchall()
    return dict(rows)


def stored_buckets(con: Any, docs: Collection[str]) -> set[str]:
    """The buckets the documents had figures in at the last reconcile."""
    rows = con.execute("SELECT DISTINCT bucket FROM reconcile_figures "
                       "WHERE doc IN (SELECT unnest(?))", [sorted(docs)]).fetchall()
    return {bucket for (bucket,) in rows}


def documents_in(con: Any, buckets: Collection[str]) -> set[str]:
    """The documents with a figure in one of the buckets at the last reconcile."""
    rows = con.execute("SELECT DISTINCT doc FROM reconcile_figures "
                       "WHERE bucket IN (SELECT unnest(?))", [sorted(buckets)]).fetchall()
    return {doc for (doc,) in rows}


def told(con: Any, doc_key: str, docs: Collection[str] | None,
         figures: Sequence[Figure]) -> dict[str, str]:
    """The merged incident each of the figures tells (``verify/incidents.figure_incidents``),
    from the incidents of their documents (``docs``, by key; all when None)."""
    where, params = ("TRUE", []) if docs is None else (
        f"{doc_key} IN (SELECT unnest(?))", [sorted(docs)])
    cursor = con.execute(
        f"SELECT {doc_key} AS doc, NULL AS published, NULL AS outlet, '' AS evidence, i.*, "
        "r.merged_id FROM incidents i JOIN documents d ON d.id = i.doc_id "
        "JOIN merged_incident_reports r ON r.doc_id = i.doc_id AND r.incident_id = i.id "
        f"JOIN merged_incidents m ON m.id = r.merged_id WHERE {where} "
        "ORDER BY m.date NULLS LAST, m.id", params)
    columns = [column[0] for column in cursor.description or ()]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return told_incidents([(report_from_row(row).incident, row["merged_id"]) for row in rows],
                          figures)


def forget(con: Any, docs: Collection[str] | None) -> None:
    """Delete the saved state of the documents (all when None)."""
    if docs is None:
        con.execute("DELETE FROM reconcile_figures")
    else:
        con.execute("DELETE FROM reconcile_figures WHERE doc IN (SELECT unnest(?))",
                    [sorted(docs)])


def state_table(state: State) -> pa.Table:
    """The state as rows of ``reconcile_figures``."""
    rows = [{"doc": doc, "id": fid, "bucket": bucket, "fingerprint": fingerprint}
            for (doc, fid), (bucket, fingerprint) in state.items()]
    return pa.Table.from_pylist(rows, schema=FIGURE_STATE_SCHEMA)


def group_index_table(items: Sequence[tuple[Grouped, Reconciled]]) -> pa.Table:
    """Rows of ``reconcile_groups`` for newly formed groups."""
    rows = []
    for grouped, item in items:
        deriving = item.best is not None and derives(item.best, item.group.verdict)
        rows.append({
            "id": item.group.id, "bucket": grouped.bucket, "sort_key": grouped.order,
            "best_doc": item.best.doc if item.best else None,
            "best_id": item.best.id if item.best else None,
            "derives": deriving,
            "thing": thing_key(item.best) if item.best is not None and deriving else None,
        })
    return pa.Table.from_pylist(rows, schema=GROUP_INDEX_SCHEMA)


def derivations_of(con: Any, buckets: Collection[str] | None) -> tuple[set[str], set[str]]:
    """The things of the groups of these buckets (all when None) and their best figures'
    ``doc:id`` keys, read before the groups are dropped."""
    where, params = ("TRUE", []) if buckets is None else (
        "bucket IN (SELECT unnest(?))", [sorted(buckets)])
    rows = con.execute("SELECT thing, best_doc || ':' || best_id FROM reconcile_groups "
                       f"WHERE thing IS NOT NULL AND {where}", params).fetchall()
    return {thing for thing, _ in rows}, {key for _, key in rows}


def drop_derivations(con: Any, things: Collection[str] | None, bests: Collection[str]) -> None:
    """Delete the derived figures and derivation checks of these things (all when None);
    ``bests``: the keys of the best figures they were derived from (their checks' totals)."""
    if things is None:
        for table in ("derived_figures", "reconcile_derived", "reconcile_derivations"):
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM checks WHERE origin = 'reconcile' AND type NOT IN "
                    f"{RELATION_TYPES}")
        return
    con.execute("DELETE FROM derived_figures WHERE id IN (SELECT id FROM reconcile_derived "
                "WHERE thing IN (SELECT unnest(?)))", [sorted(things)])
    con.execute("DELETE FROM checks WHERE origin = 'reconcile' AND type NOT IN "
                f"{RELATION_TYPES} AND coalesce(whole, total) IN (SELECT unnest(?))",
                [sorted(bests)])
    for table in ("reconcile_derived", "reconcile_derivations"):
        con.execute(f"DELETE FROM {table} WHERE thing IN (SELECT unnest(?))", [sorted(things)])


def derivation_tables(
    derived: Sequence[tuple[str, str, int]], used: Mapping[str, int]
) -> tuple[pa.Table, pa.Table]:
    """Rows of ``reconcile_derived`` (id, thing, number within it) and of
    ``reconcile_derivations`` (thing -> numbers used)."""
    return (pa.Table.from_pylist([{"id": i, "thing": t, "local": n} for i, t, n in derived],
                                 schema=DERIVED_INDEX_SCHEMA),
            pa.Table.from_pylist([{"thing": t, "ids": n} for t, n in used.items() if n],
                                 schema=DERIVATIONS_SCHEMA))


def renumber_derived(con: Any) -> None:
    """Number every derived figure as the whole derivation does: d1, d2, ... over the things in
    the order of their keys, each from where the one before stopped; the figures' ids and their
    checks' reasons ('derived:d5: ...') are renamed."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE renamed_derived AS WITH o AS (SELECT thing, "
        "coalesce(sum(ids) OVER (ORDER BY thing ROWS BETWEEN UNBOUNDED PRECEDING AND "
        "1 PRECEDING), 0) AS offset FROM reconcile_derivations) "
        "SELECT r.id AS old, 'd' || (o.offset + r.local) AS new FROM reconcile_derived r "
        "JOIN o ON o.thing = r.thing WHERE r.id <> 'd' || (o.offset + r.local)")
    con.execute("UPDATE derived_figures SET id = r.new FROM renamed_derived r "
                "WHERE derived_figures.id = r.old")
    con.execute("UPDATE reconcile_derived SET id = r.new FROM renamed_derived r "
                "WHERE reconcile_derived.id = r.old")
    con.execute("UPDATE checks SET reason = 'derived:' || r.new || ':' || "
                "substr(checks.reason, length('derived:' || r.old || ':') + 1) "
                "FROM renamed_derived r WHERE checks.origin = 'reconcile' "
                "AND checks.type = 'derived' AND starts_with(checks.reason, "
                "'derived:' || r.old || ':')")
    con.execute("DROP TABLE renamed_derived")


def drop_groups(con: Any, buckets: Collection[str] | None) -> None:
    """Delete the groups of these buckets (all when None) with their index rows and checks."""
    if buckets is None:
        for table in ("groups", "reconcile_groups"):
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM checks WHERE origin = 'reconcile' AND type IN "
                    f"{RELATION_TYPES}")
        return
    con.execute("CREATE OR REPLACE TEMP TABLE dropped AS SELECT id FROM reconcile_groups "
                "WHERE bucket IN (SELECT unnest(?))", [sorted(buckets)])
    con.execute("DELETE FROM groups WHERE id IN (SELECT id FROM dropped)")
    con.execute("DELETE FROM checks WHERE origin = 'reconcile' AND type IN "
                f"{RELATION_TYPES} AND split_part(reason, ':', 1) IN (SELECT id FROM dropped)")
    con.execute("DELETE FROM reconcile_groups WHERE id IN (SELECT id FROM dropped)")
    con.execute("DROP TABLE dropped")


def renumber(con: Any) -> None:
    """Give every group its id by its place in the order of all groups (g1, g2, ...): the
    groups' ids, their conflict pairs' reasons and their checks' reasons are renamed."""
    rows = con.execute("SELECT id, sort_key FROM reconcile_groups").fetchall()
    rows.sort(key=lambda row: row[1])
    moves = [(old, f"g{n}") for n, (old, _) in enumerate(rows, start=1) if old != f"g{n}"]
    if not moves:
        return
    mapping = pa.table({"old": [old for old, _ in moves], "new": [new for _, new in moves]})
    con.register("renamed", mapping)
    try:
        # The id is the key of ``groups``: moved rows are taken out and put back renamed.
        con.execute(
            "CREATE OR REPLACE TEMP TABLE moved AS "
            "SELECT r.new AS id, g.* EXCLUDE (id, conflicts), "
            "replace(g.conflicts, '\"reason\": \"' || r.old || ': ', "
            "'\"reason\": \"' || r.new || ': ') AS conflicts "
            "FROM groups g JOIN renamed r ON g.id = r.old")
        con.execute("DELETE FROM groups WHERE id IN (SELECT old FROM renamed)")
        con.execute("INSERT INTO groups BY NAME SELECT * FROM moved")
        con.execute("DROP TABLE moved")
        con.execute("UPDATE reconcile_groups SET id = r.new FROM renamed r "
                    "WHERE reconcile_groups.id = r.old")
        con.execute(
            "UPDATE checks SET reason = r.new || substr(checks.reason, length(r.old) + 1) "
            "FROM renamed r WHERE checks.origin = 'reconcile' AND checks.type IN "
            f"{RELATION_TYPES} AND split_part(checks.reason, ':', 1) = r.old")
    finally:
        con.unregister("renamed")


__all__ = ["DERIVE_INDEX_DDL", "INDEX_DDL", "RELATION_TYPES", "State", "derivation_tables",
           "derivations_of", "document_fingerprints", "documents_in", "drop_derivations",
           "drop_groups", "figure_state", "forget", "group_index_table", "renumber",
           "renumber_derived", "state_table", "stored_buckets", "stored_fingerprints", "told"]
