"""What the last reconcile saw, so that the next one regroups only what changed since.

Groups are formed within buckets (``verify/reconcile.bucket_key``: measure and merged incident,
else measure and countries), and a group depends only on the figures of its bucket and on their
documents. Two tables (migration ``create_reconcile_index`` in store.py) keep:

  reconcile_figures  each figure's bucket and its document's fingerprint at the last reconcile
  reconcile_groups   each group's bucket, its place in the order of all groups, its best figure
                     and whether that takes part in derivation (``verify/derive.derives``)

A document's fingerprint covers all its figures as reviewed, the merged incident each tells, its
own checks and the reviewers' pair marks on them: when any of these changes, every bucket the
document has a figure in (before or after) is regrouped, and so is every bucket a figure joined
or left. Groups
are then numbered again over the whole ledger (g1, g2, ... in ``order``), in SQL: the ids in the
groups, their conflict pairs and the reasons of their checks are renamed, nothing else is read.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from newsledger.model import Figure
from newsledger.verify.derive import derives
from newsledger.verify.reconcile import Grouped, Reconciled, bucket_key

# Checks that ``verify/reconcile.relation_checks`` writes; their reason starts with the group id.
RELATION_TYPES = ("agree", "update", "conflict")

INDEX_DDL = (
    "CREATE TABLE reconcile_figures (doc VARCHAR NOT NULL, id VARCHAR NOT NULL, "
    "bucket VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL)",
    "CREATE TABLE reconcile_groups (id VARCHAR NOT NULL, bucket VARCHAR NOT NULL, "
    "sort_key VARCHAR NOT NULL, best_doc VARCHAR, best_id VARCHAR, derives BOOLEAN NOT NULL)",
)

FIGURE_STATE_SCHEMA = pa.schema([("doc", pa.string()), ("id", pa.string()),
                                 ("bucket", pa.string()), ("fingerprint", pa.string())])
GROUP_INDEX_SCHEMA = pa.schema([
    ("id", pa.string()), ("bucket", pa.string()), ("sort_key", pa.string()),
    ("best_doc", pa.string()), ("best_id", pa.string()), ("derives", pa.bool_()),
])

State = dict[tuple[str, str], tuple[str, str]]  # (doc, id) -> (bucket, fingerprint)


def figure_state(
    figures: Sequence[Figure], told: Mapping[str, str],
    marks: Iterable[tuple[str, frozenset[str]]], checks: Mapping[str, str],
) -> State:
    """Each figure's bucket and its document's fingerprint (see the module docstring);
    ``marks`` are the reviewers' pairs with their kind ('same', 'different'), ``checks`` a
    digest of each document's own checks (their part-whole links keep figures apart)."""
    marked: dict[str, list[str]] = defaultdict(list)
    for kind, pair in marks:
        for key in pair:
            marked[key.rsplit(":", 1)[0]].append(repr((kind, sorted(pair))))
    per_doc: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        per_doc[figure.doc].append(figure)
    state: State = {}
    for doc, members in per_doc.items():
        digest = hashlib.sha256()
        for figure in sorted(members, key=lambda f: f.id):
            digest.update(repr((figure, told.get(f"{doc}:{figure.id}"))).encode("utf-8"))
        for mark in sorted(marked.get(doc, ())):
            digest.update(mark.encode("utf-8"))
        digest.update(checks.get(doc, "").encode("utf-8"))
        fingerprint = digest.hexdigest()[:24]
        for figure in members:
            bucket = bucket_key(figure, told.get(f"{doc}:{figure.id}"))
            state[(doc, figure.id)] = (bucket, fingerprint)
    return state


def check_digests(con: Any, doc_key: str) -> dict[str, str]:
    """A digest of each document's own checks (``doc_key``: the SQL of a document's key)."""
    rows = con.execute(
        f"SELECT {doc_key}, md5(string_agg(concat_ws('|', c.type, c.holds, c.total, "
        "array_to_string(c.parts, ','), c.whole, c.part, c.reason), '\n' ORDER BY "
        "c.type, c.total, c.whole, c.part, c.reason)) FROM checks c JOIN documents d "
        "ON d.id = c.doc_id WHERE c.origin = 'document' GROUP BY ALL").fetchall()
    return dict(rows)


def stored_state(con: Any) -> State:
    """The state the last reconcile saved (empty before the first one that saved any)."""
    rows = con.execute("SELECT doc, id, bucket, fingerprint FROM reconcile_figures").fetchall()
    return {(doc, fid): (bucket, fingerprint) for doc, fid, bucket, fingerprint in rows}


def changed_buckets(before: State, now: State) -> set[str]:
    """Buckets with a figure that came, went, moved or whose document changed."""
    touched: set[str] = set()
    for key in before.keys() | now.keys():
        old, new = before.get(key), now.get(key)
        if old != new:
            touched.update(entry[0] for entry in (old, new) if entry is not None)
    return touched


def state_table(state: State) -> pa.Table:
    """The state as rows of ``reconcile_figures``."""
    rows = [{"doc": doc, "id": fid, "bucket": bucket, "fingerprint": fingerprint}
            for (doc, fid), (bucket, fingerprint) in state.items()]
    return pa.Table.from_pylist(rows, schema=FIGURE_STATE_SCHEMA)


def group_index_table(items: Sequence[tuple[Grouped, Reconciled]]) -> pa.Table:
    """Rows of ``reconcile_groups`` for newly formed groups."""
    rows = [{
        "id": item.group.id, "bucket": grouped.bucket, "sort_key": grouped.order,
        "best_doc": item.best.doc if item.best else None,
        "best_id": item.best.id if item.best else None,
        "derives": derives(item.best, item.group.verdict),
    } for grouped, item in items]
    return pa.Table.from_pylist(rows, schema=GROUP_INDEX_SCHEMA)


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


__all__ = ["INDEX_DDL", "RELATION_TYPES", "State", "changed_buckets", "check_digests",
           "drop_groups", "figure_state", "group_index_table", "renumber", "state_table",
           "stored_state"]
