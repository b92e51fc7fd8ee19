"""What the last reconcile saw, so that the next one regroups only what changed since.

Groups are formed within buckets (``verify/reconcile.bucket_key``: measure and merged incident,
else measure and countries), and a group depends only on the figures of its bucket and on their
documents. Two tables (migration ``create_reconcile_index`` in store.py) keep:

  reconcile_figures  each figure's bucket, segment and group (``grp``: the group's sort key)
                     and its document's fingerprint at the last reconcile
  reconcile_groups   each group's bucket and segment, its place in the order of all groups, its
                     first and last day, its best figure with its period and whether that takes
                     part in derivation (``verify/derive.derives``)

A touched segment that starts before the day of its bucket's new figures restarts from the
groups open at that day (``resume_points``, ``verify/reconcile.Resume``); derivation reruns for
the totals whose period holds a span of a dropped or new group's best (``totals_to_derive``).

A document's fingerprint (``document_fingerprints``, in SQL over every document, the reviewers'
pair marks added in Python) covers its key, all its figures as reviewed, its incidents with the
merged incident of each, its own checks and the pair marks on its figures: everything its
figures' buckets and readings depend on. Only the documents whose fingerprint changed are read
(``Ledger._reconcile``): every bucket such a document has a figure in (before or after) is
regrouped, with the figures of the documents that have a figure in one of those buckets, found
through ``reconcile_figures`` in SQL; nothing else is loaded. Groups are stored without their
id (``group_rows``, keyed by ``sort_key``; relation checks in ``check_rows`` name their group by
it in ``grp``, their reason stored without the id): the views ``groups`` and ``checks`` number
every group when read (g1, g2, ... in the order of ``sort_key``, as a full run gives them), so a
new group in the middle of the order renames nothing on disk (migration ``number_groups_on_read``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from newsledger.incident_tables import report_from_row
from newsledger.model import Figure
from newsledger.verify.derive import derives, thing_key
from newsledger.verify.incidents import told_incidents
from newsledger.verify.reconcile import _SEP, Grouped, Reconciled, Resume, Segment, bucket_key
from newsledger.verify.sameness import SAME_INCIDENT_DAYS, Placed, Reading

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

# Migration ``unkey_groups``: ``groups`` without its primary key, so that renumbering renames
# ids in place (DuckDB deletes and inserts a row whose key changes, members and all).
UNKEY_GROUPS_DDL = (
    """CREATE TABLE groups_unkeyed (
        id VARCHAR NOT NULL, measure VARCHAR NOT NULL, actor VARCHAR,
        locations VARCHAR[] NOT NULL, period_start DATE, period_end DATE, as_of DATE,
        verdict VARCHAR NOT NULL, best BIGINT, low BIGINT, high BIGINT, reason VARCHAR NOT NULL,
        members VARCHAR NOT NULL, conflicts VARCHAR NOT NULL, latest DATE
    )""",
    "INSERT INTO groups_unkeyed SELECT * FROM groups",
    "DROP TABLE groups",
    "ALTER TABLE groups_unkeyed RENAME TO groups",
)

# Migration ``create_segment_index``: each figure's segment of its bucket (verify/reconcile.
# Segment), with the segment's first day and latest end (NULL: open-ended; both NULL: the whole
# bucket), and each group's segment, so that a change regroups only the segments it reaches.
SEGMENT_INDEX_DDL = (
    "ALTER TABLE reconcile_figures ADD COLUMN segment VARCHAR",
    "ALTER TABLE reconcile_figures ADD COLUMN first_day DATE",
    "ALTER TABLE reconcile_figures ADD COLUMN last_day DATE",
    "ALTER TABLE reconcile_groups ADD COLUMN segment VARCHAR",
    # Figures and groups seen before have no segment: the next reconcile regroups everything.
    "DELETE FROM reconcile_figures",
)

# Migration ``create_checkpoints``: each figure's group (its ``sort_key``, which renumbering
# leaves alone) and each group's first day and latest end (NULL: open-ended or undated), so that
# a segment's grouping restarts from the groups open at the day of the new figures
# (``resume_points``) instead of from its first day.
CHECKPOINT_DDL = (
    "ALTER TABLE reconcile_figures ADD COLUMN grp VARCHAR",
    "ALTER TABLE reconcile_groups ADD COLUMN first_day DATE",
    "ALTER TABLE reconcile_groups ADD COLUMN last_day DATE",
    # The best figure's period, and derived figures numbered per total (not per thing), so
    # derivation reruns only for the totals whose period holds a regrouped group's.
    "ALTER TABLE reconcile_groups ADD COLUMN best_start DATE",
    "ALTER TABLE reconcile_groups ADD COLUMN best_end DATE",
    "ALTER TABLE reconcile_derived ADD COLUMN total VARCHAR",
    "DROP TABLE reconcile_derivations",
    "CREATE TABLE reconcile_derivations (thing VARCHAR NOT NULL, total VARCHAR PRIMARY KEY, "
    "total_order VARCHAR NOT NULL, ids INTEGER NOT NULL)",
    # Figures and groups seen before have no group: the next reconcile regroups everything.
    "DELETE FROM reconcile_figures",
)

# Migration ``create_incident_fingerprints``: each figure's document's incidents' fingerprint
# (``document_fingerprints``), so that only the documents whose incidents merged differently,
# not all, are read whole. Figures seen before have none (NULL): the next reconcile reads their
# documents whole once and fills it in (``fill_incident_fingerprints``).
INCIDENT_FINGERPRINT_DDL = ("ALTER TABLE reconcile_figures ADD COLUMN incidents VARCHAR",)

# Migration ``number_groups_on_read``: group ids computed when read, not stored. Renumbering
# renamed every group after a new one (new figures sort in the middle of the order: per measure,
# then by day) in ``groups``, ``reconcile_groups`` and the relation checks' reasons, and DuckDB's
# checkpoint then wrote those columns again in every row group: a cost that grew with the ledger.
# ``group_rows`` is ``groups`` with its ``sort_key`` for its id and conflict reasons without the
# id (": 52 (...) vs 40 (...): ..."); ``check_rows`` is ``checks`` with ``grp``, the sort key of a
# relation check's group, whose reason is stored without the id. The views give both as before.
GROUP_NUMBER = "'g' || row_number() OVER (ORDER BY sort_key)"
NUMBER_GROUPS_DDL = (
    "CREATE TABLE group_rows AS SELECT coalesce(r.sort_key, '~' || lpad(substr(g.id, 2), 12, "
    "'0')) AS sort_key, g.* EXCLUDE (id, conflicts), regexp_replace(g.conflicts, "
    "'\"reason\": \"g[0-9]+: ', '\"reason\": \": ', 'g') AS conflicts "
    "FROM groups g LEFT JOIN reconcile_groups r ON r.id = g.id",
    "DROP TABLE groups",
    "ALTER TABLE checks RENAME TO check_rows",
    "ALTER TABLE check_rows ADD COLUMN grp VARCHAR",
    "UPDATE check_rows SET grp = r.sort_key, reason = substr(check_rows.reason, "
    "length(r.id) + 1) FROM reconcile_groups r WHERE check_rows.origin = 'reconcile' "
    f"AND check_rows.type IN {RELATION_TYPES} AND split_part(check_rows.reason, ':', 1) = r.id",
    "ALTER TABLE reconcile_groups DROP COLUMN id",
    f"CREATE VIEW group_numbers AS SELECT sort_key, {GROUP_NUMBER} AS id FROM group_rows",
    # Numbered over the sort keys alone, then joined: a filter on the other columns reads
    # only the rows it keeps (a window over the whole rows sorted the members too).
    """CREATE VIEW groups AS SELECT n.id, g.measure, g.actor, g.locations, g.period_start,
        g.period_end, g.as_of, g.verdict, g.best, g.low, g.high, g.reason, g.members,
        replace(g.conflicts, '"reason": ": ', '"reason": "' || n.id || ': ') AS conflicts,
        g.latest FROM group_rows g JOIN group_numbers n ON n.sort_key = g.sort_key""",
    """CREATE VIEW checks AS SELECT c.doc_id, c.type, c.holds, c.total, c.parts, c.whole,
        c.part, CASE WHEN c.grp IS NULL THEN c.reason ELSE n.id || c.reason END AS reason,
        c.origin FROM check_rows c LEFT JOIN group_numbers n ON n.sort_key = c.grp""",
)

FIGURE_STATE_SCHEMA = pa.schema([("doc", pa.string()), ("id", pa.string()),
                                 ("bucket", pa.string()), ("fingerprint", pa.string()),
                                 ("segment", pa.string()), ("first_day", pa.date32()),
                                 ("last_day", pa.date32()), ("grp", pa.string()),
                                 ("incidents", pa.string())])
MARK_SCHEMA = pa.schema([("bucket", pa.string()), ("undated", pa.bool_()),
                         ("since", pa.date32()), ("until", pa.date32())])
GROUP_INDEX_SCHEMA = pa.schema([
    ("bucket", pa.string()), ("sort_key", pa.string()),
    ("best_doc", pa.string()), ("best_id", pa.string()), ("derives", pa.bool_()),
    ("thing", pa.string()), ("segment", pa.string()), ("first_day", pa.date32()),
    ("last_day", pa.date32()), ("best_start", pa.date32()), ("best_end", pa.date32()),
])
DERIVED_INDEX_SCHEMA = pa.schema([("id", pa.string()), ("thing", pa.string()),
                                  ("total", pa.string()), ("local", pa.int32())])
DERIVATIONS_SCHEMA = pa.schema([("thing", pa.string()), ("total", pa.string()),
                                ("total_order", pa.string()), ("ids", pa.int32())])
SPAN_SCHEMA = pa.schema([("thing", pa.string()), ("since", pa.date32()),
                         ("until", pa.date32())])

# A list bound as one parameter costs DuckDB's client about 0.1 ms an element (1.2 s for 10,000
# keys); joined into one text and split in SQL it costs nothing. ``IN (SELECT unnest(split(?,
# ?)))`` takes the two values this gives: the joined text and a separator that
# none of the items holds. No item is empty (keys, segments, things), so an empty list's one ''
# matches nothing.
def listed(items: Iterable[str]) -> tuple[str, str]:
    """``items`` as one text and its separator, for ``string_split(?, ?)``."""
    values = sorted(items)
    separator = next(chr(c) for c in range(31, 0, -1) if not any(chr(c) in v for v in values))
    return separator.join(values), separator


@contextmanager
def registered(con: Any, name: str, table: pa.Table) -> Iterator[None]:
    """``table`` visible to SQL as ``name`` for the length of the block."""
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def state_table(grouped: Iterable[Grouped], fingerprints: Mapping[str, Fingerprint]
                ) -> pa.Table:
    """Rows of ``reconcile_figures`` for the members of newly formed groups."""
    rows = [{"doc": m.figure.doc, "id": m.figure.id, "bucket": g.bucket,
             "fingerprint": fingerprints[m.figure.doc][0],
             "incidents": fingerprints[m.figure.doc][1], "segment": g.segment.key,
             "first_day": g.segment.start, "last_day": g.segment.end, "grp": g.order}
            for g in grouped for m in g.members]
    return pa.Table.from_pylist(rows, schema=FIGURE_STATE_SCHEMA)


# Each document's incidents with the merged incident each is in (``{where}``: a condition on
# ``i.doc_id``): the one part of a fingerprint that changes while the document stays as it was
# (a merge moved one of its incidents), so it is compared for every document; the rest only
# changes with a new document, a review or a document judged again.
_INCIDENTS = """
    SELECT i.doc_id, md5(string_agg(concat_ws('|', i.id, i.start, i."end",
        i.killed_figure, i.injured_figure, i.kidnapped_figure, r.merged_id, m.date),
        chr(10) ORDER BY i.id)) AS digest
    FROM incidents i LEFT JOIN merged_incident_reports r
        ON r.doc_id = i.doc_id AND r.incident_id = i.id
    LEFT JOIN merged_incidents m ON m.id = r.merged_id WHERE {where} GROUP BY i.doc_id"""

# Documents a reviewer touched (a figure reviewed, a pair marked) and those of ``?, ?``.
_REVIEWED_DOCUMENTS = ("SELECT doc_id FROM figure_reviews UNION SELECT doc_a FROM figure_pairs "
                       "UNION SELECT doc_b FROM figure_pairs UNION SELECT unnest(split(?, ?))")

Fingerprint = tuple[str, str]  # (the whole document's, its incidents')


def document_fingerprints(
    con: Any, doc_key: str, reviewed: str, not_rejected: str,
    marks: Iterable[tuple[str, frozenset[str]]],
    before: Mapping[str, tuple[str, str | None]] | None = None,
    rejudged: Collection[str] = (),
) -> dict[str, Fingerprint]:
    """Each document's fingerprint (see the module docstring) and that of its incidents, by its
    key; ``reviewed`` is the SQL of the reviewed figures and ``not_rejected`` the condition
    that keeps them, ``marks`` the reviewers' pairs with their kind ('same', 'different').
    Only documents with figures.

    With ``before`` (the fingerprints of the last reconcile), only the documents that can have
    changed are read whole: new ones, those whose incidents' fingerprint changed, those a
    reviewer touched and those judged again (``rejudged``, content ids); the others keep their
    fingerprint. Reading every document's figures grew with the ledger."""
    incidents = dict(con.execute(
        f"WITH i AS ({_INCIDENTS.format(where='TRUE')}) SELECT {doc_key}, "
        "coalesce(i.digest, '-') FROM documents d LEFT JOIN i ON i.doc_id = d.id "
        "WHERE d.id IN (SELECT doc_id FROM figures)").fetchall())
    marked: dict[str, list[str]] = defaultdict(list)
    for kind, pair in marks:
        for key in pair:
            marked[key.rsplit(":", 1)[0]].append(repr((kind, sorted(pair))))
    kept: dict[str, Fingerprint] = {}
    where, params = "TRUE", []
    if before is not None:
        touched = {key for (key,) in con.execute(
            f"SELECT {doc_key} FROM documents d WHERE d.id IN ({_REVIEWED_DOCUMENTS})",
            [*listed(rejudged)]).fetchall()}
        suspects = touched | marked.keys() | {
            key for key, digest in incidents.items()
            if key not in before or before[key][1] != digest}
        kept = {key: (before[key][0], digest) for key, digest in incidents.items()
                if key not in suspects}
        where, params = f"{doc_key} IN (SELECT unnest(split(?, ?)))", [*listed(suspects)]
    rows = con.execute(f"""
        WITH wanted AS (SELECT d.id FROM documents d WHERE {where}),
        f AS (
            SELECT doc_id, md5(string_agg(to_json(x), chr(10) ORDER BY x.id)) AS digest
            FROM (SELECT f.* EXCLUDE (review, reviewed_by, reviewed_at) FROM {reviewed} f
                  WHERE {not_rejected} AND f.doc_id IN (SELECT id FROM wanted)) x
            GROUP BY doc_id),
        i AS ({_INCIDENTS.format(where="i.doc_id IN (SELECT id FROM wanted)")}),
        c AS (
            SELECT doc_id, md5(string_agg(to_json(c), chr(10) ORDER BY to_json(c)))
                AS digest
            FROM (SELECT doc_id, type, holds, total, parts, whole, part, reason FROM check_rows
                  WHERE origin = 'document' AND doc_id IN (SELECT id FROM wanted)) c
            GROUP BY doc_id)
        SELECT {doc_key}, md5(concat_ws('|', {doc_key}, f.digest, coalesce(i.digest, '-'),
            coalesce(c.digest, '-')))
        FROM f JOIN documents d ON d.id = f.doc_id LEFT JOIN i ON i.doc_id = f.doc_id
        LEFT JOIN c ON c.doc_id = f.doc_id""", params).fetchall()
    fingerprints = dict(kept)
    for doc, digest in rows:
        if doc in marked:
            text = "\n".join([digest, *sorted(marked[doc])])
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        fingerprints[doc] = (digest, incidents[doc])
    return fingerprints


def changed_documents(before: Mapping[str, tuple[str, str | None]],
                      now: Mapping[str, Fingerprint]) -> set[str]:
    """The documents that came, went or whose fingerprint differs (the whole document's: that
    of its incidents is part of it, and a ledger of an older version has none)."""
    return {doc for doc in before.keys() | now.keys()
            if doc not in before or doc not in now or before[doc][0] != now[doc][0]}


def fill_incident_fingerprints(con: Any, before: Mapping[str, tuple[str, str | None]],
                               now: Mapping[str, Fingerprint]) -> None:
    """Give the figures saved before incidents had a fingerprint (a ledger of an older
    version) that of their document now: it was read whole this time and is as it was."""
    missing = [{"doc": doc, "incidents": now[doc][1]} for doc, (whole, incidents) in
               before.items() if incidents is None and doc in now and now[doc][0] == whole]
    if not missing:
        return
    table = pa.Table.from_pylist(missing, schema=pa.schema([("doc", pa.string()),
                                                            ("incidents", pa.string())]))
    with registered(con, "incident_fingerprints", table):
        con.execute("UPDATE reconcile_figures SET incidents = n.incidents "
                    "FROM incident_fingerprints n WHERE reconcile_figures.doc = n.doc "
                    "AND reconcile_figures.incidents IS NULL")


def stored_fingerprints(con: Any) -> dict[str, tuple[str, str | None]]:
    """Each document's fingerprints at the last reconcile (empty before the first one)."""
    rows = con.execute("SELECT doc, any_value(fingerprint), any_value(incidents) "
                       "FROM reconcile_figures GROUP BY doc").fetchall()
    return {doc: (whole, incidents) for doc, whole, incidents in rows}


def touched_segments(con: Any, docs: Collection[str], readings: Iterable[Placed]) -> set[str]:
    """The segments to regroup when these documents changed (``readings``: their figures now):
    the segments they had a figure in, and those of the same bucket their figures now fall in
    or come within ``SAME_INCIDENT_DAYS`` of (every segment of the bucket for an undated one)."""
    near = timedelta(days=SAME_INCIDENT_DAYS)
    reaches = [(bucket_key(r.figure, r.incident), r.window.start - near if r.window else None,
                r.window.end + near if r.window and r.window.end else None) for r in readings]
    marks = pa.Table.from_pylist([{"bucket": b, "undated": u, "since": s, "until": e}
                                  for b, u, s, e in merged_reaches(reaches)], schema=MARK_SCHEMA)
    with registered(con, "marks", marks):
        rows = con.execute(
            "SELECT segment FROM reconcile_figures WHERE doc IN (SELECT unnest(split(?, ?))) UNION "
            "SELECT f.segment FROM reconcile_figures f JOIN marks m ON f.bucket = m.bucket "
            "WHERE m.undated OR f.first_day IS NULL OR ((m.until IS NULL OR f.first_day <= "
            "m.until) AND (f.last_day IS NULL OR f.last_day >= m.since))",
            [*listed(docs)]).fetchall()
    return {segment for (segment,) in rows}


def merged_reaches(
    reaches: Iterable[tuple[str, date | None, date | None]],
) -> list[tuple[str, bool, date | None, date | None]]:
    """The stretches of time (bucket, since, until; since None: undated, until None: open)
    as few marks (bucket, undated, since, until) that reach the same stored figures: one for a
    bucket with an undated figure (it reaches them all), else the union of its overlapping
    stretches. One mark per figure made the join with ``reconcile_figures`` grow as new
    figures times stored figures of their bucket."""
    per_bucket: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    undated: set[str] = set()
    for bucket, since, until in reaches:
        if since is None:
            undated.add(bucket)
        else:
            per_bucket[bucket].append((since, until))
    marks: list[tuple[str, bool, date | None, date | None]] = [
        (bucket, True, None, None) for bucket in sorted(undated)]
    for bucket, stretches in sorted(per_bucket.items()):
        if bucket not in undated:
            marks += [(bucket, False, since, until) for since, until in _union(stretches)]
    return marks


def _union(stretches: Iterable[tuple[date, date | None]]) -> list[tuple[date, date | None]]:
    """Overlapping stretches (until None: open-ended) joined into one."""
    joined: list[tuple[date, date | None]] = []
    for since, until in sorted(stretches, key=lambda s: s[0]):
        if joined and (joined[-1][1] is None or since <= joined[-1][1]):
            last = joined[-1][1]
            joined[-1] = (joined[-1][0], None if last is None or until is None
                          else max(last, until))
        else:
            joined.append((since, until))
    return joined


def figures_in(con: Any, segments: Collection[str], groups: Collection[str] = ()) -> set[str]:
    """``doc:id`` of the figures of these segments and groups (by ``sort_key``) at the last
    reconcile."""
    rows = con.execute("SELECT doc || ':' || id FROM reconcile_figures "
                       "WHERE segment IN (SELECT unnest(split(?, ?))) "
                       "OR grp IN (SELECT unnest(split(?, ?)))",
                       [*listed(segments), *listed(groups)]).fetchall()
    return {key for (key,) in rows}


def told(con: Any, doc_key: str, docs: Collection[str] | None, figures: Sequence[Figure],
         text_of: Callable[[str], str] | None = None) -> dict[str, str]:
    """The merged incident each of the figures tells (``verify/incidents.figure_incidents``),
    from the incidents of their documents (``docs``, by key; all when None); ``text_of`` gives
    a document's text by key."""
    where, params = ("TRUE", []) if docs is None else (
        f"{doc_key} IN (SELECT unnest(split(?, ?)))", [*listed(docs)])
    cursor = con.execute(
        f"SELECT {doc_key} AS doc, NULL AS published, NULL AS outlet, '' AS evidence, i.*, "
        "r.merged_id FROM incidents i JOIN documents d ON d.id = i.doc_id "
        "JOIN merged_incident_reports r ON r.doc_id = i.doc_id AND r.incident_id = i.id "
        f"JOIN merged_incidents m ON m.id = r.merged_id WHERE {where} "
        "ORDER BY m.date NULLS LAST, m.id", params)
    columns = [column[0] for column in cursor.description or ()]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return told_incidents([(report_from_row(row).incident, row["merged_id"]) for row in rows],
                          figures, text_of)


def forget(con: Any, docs: Collection[str] | None, segments: Collection[str] = (),
           groups: Collection[str] = ()) -> None:
    """Delete the saved state of the documents, of the segments and of the groups (by
    ``sort_key``; all when ``docs`` is None)."""
    if docs is None:
        con.execute("DELETE FROM reconcile_figures")
    else:
        con.execute("DELETE FROM reconcile_figures WHERE doc IN (SELECT unnest(split(?, ?))) "
                    "OR segment IN (SELECT unnest(split(?, ?))) "
                    "OR grp IN (SELECT unnest(split(?, ?)))",
                    [*listed(docs), *listed(segments), *listed(groups)])


def extend_segments(con: Any, grouped: Iterable[Grouped], resumes: Mapping[str, Resume]) -> None:
    """Give every figure of a resumed segment the segment's end now (its groups that stayed
    keep their rows)."""
    ends = {g.segment.key: g.segment.end for g in grouped
            if g.bucket in resumes and g.segment.key == resumes[g.bucket].segment.key}
    if not ends:
        return
    table = pa.Table.from_pylist([{"segment": k, "last_day": e} for k, e in ends.items()],
                                 schema=pa.schema([("segment", pa.string()),
                                                   ("last_day", pa.date32())]))
    with registered(con, "segment_ends", table):
        con.execute("UPDATE reconcile_figures SET last_day = e.last_day FROM segment_ends e "
                    "WHERE reconcile_figures.segment = e.segment")


def group_index_table(items: Sequence[tuple[Grouped, Reconciled]]) -> pa.Table:
    """Rows of ``reconcile_groups`` for newly formed groups."""
    rows = []
    for grouped, item in items:
        deriving = item.best is not None and derives(item.best, item.group.verdict)
        rows.append({
            "bucket": grouped.bucket, "sort_key": grouped.order,
            "best_doc": item.best.doc if item.best else None,
            "best_id": item.best.id if item.best else None,
            "derives": deriving,
            "thing": thing_key(item.best) if item.best is not None and deriving else None,
            "segment": grouped.segment.key,
            "first_day": min((m.window.start for m in grouped.members if m.window), default=None),
            "last_day": _reach(grouped.members),
            "best_start": item.best.period_start if item.best else None,
            "best_end": item.best.period_end if item.best else None,
        })
    return pa.Table.from_pylist(rows, schema=GROUP_INDEX_SCHEMA)


def _reach(members: Sequence[Reading]) -> Any:
    """The latest end of a group's figures; None: open-ended or undated."""
    ends = [m.window.end if m.window else None for m in members]
    return None if None in ends else max(e for e in ends if e is not None)


def _dropped(segments: Collection[str] | None, groups: Collection[str]) -> tuple[str, list[Any]]:
    """The condition on ``reconcile_groups`` of the groups of these segments (all when None)
    and of these groups (by ``sort_key``), with its parameters."""
    if segments is None:
        return "TRUE", []
    return ("(segment IN (SELECT unnest(split(?, ?))) OR sort_key IN "
            "(SELECT unnest(split(?, ?))))", [*listed(segments), *listed(groups)])


def resume_points(
    con: Any, changed: Collection[str], readings: Iterable[Placed], touched: Collection[str]
) -> dict[str, Resume]:
    """Checkpoints (``verify/reconcile.Resume``) for the touched segments that can restart
    from the day of the changed documents' first figure in their bucket: a dated segment
    that starts before that day and holds no figure of a changed document. Its groups open
    at that day (latest end within ``SAME_INCIDENT_DAYS`` of it, or open-ended) are reloaded;
    the others stay. At most one segment of a bucket starts before that day and reaches it
    (segments that start before it and end earlier end before one another's start)."""
    first: dict[str, date | None] = {}
    for r in readings:
        bucket = bucket_key(r.figure, r.incident)
        day = r.window.start if r.window else None
        if bucket not in first:
            first[bucket] = day
        elif day is None or first[bucket] is None:
            first[bucket] = None
        else:
            first[bucket] = min(day, first[bucket])  # type: ignore[type-var]
    days = pa.Table.from_pylist([{"bucket": b, "day": d} for b, d in first.items() if d],
                                schema=pa.schema([("bucket", pa.string()), ("day", pa.date32())]))
    near = timedelta(days=SAME_INCIDENT_DAYS)
    with registered(con, "resume_days", days):
        rows = con.execute(
            "WITH s AS (SELECT f.segment, f.bucket, any_value(f.first_day) AS first_day, "
            "any_value(f.last_day) AS last_day, bool_or(f.doc IN (SELECT unnest(split(?, ?)))) "
            "AS changed FROM reconcile_figures f WHERE f.segment IN "
            "(SELECT unnest(split(?, ?))) GROUP BY ALL) "
            "SELECT s.segment, s.bucket, s.first_day, s.last_day, d.day, g.sort_key, "
            "g.first_day < d.day AS before, g.last_day IS NULL OR g.last_day >= d.day - ? "
            "AS open FROM s JOIN resume_days d ON d.bucket = s.bucket "
            "JOIN reconcile_groups g ON g.segment = s.segment "
            "WHERE NOT s.changed AND s.first_day < d.day",
            [*listed(changed), *listed(touched), near]).fetchall()
    per_segment: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        per_segment[row[0]].append(row)
    found: dict[str, tuple[str, Resume] | None] = {}
    for segment, group_rows in per_segment.items():
        _, bucket, start, end, day, *_ = group_rows[0]
        open_keys = sorted(key for *_, key, before, is_open in group_rows if is_open)
        if bucket in found or not any(before for *_, before, is_open in group_rows if is_open):
            found[bucket] = None  # two candidates, or nothing open: the whole segment
            continue
        found[bucket] = (segment, Resume(Segment(segment, start, end), day,
                                         tuple((0, frozenset([k])) for k in open_keys),
                                         sum(1 for row in group_rows if row[6])))
    return {bucket: item[1] for bucket, item in found.items() if item is not None}


def resumed_members(con: Any, resumes: Mapping[str, Resume]) -> dict[str, Resume]:
    """The checkpoints with the members of their open groups (read by the groups' keys, which
    ``resume_points`` leaves in place of the members) and each group's number in its segment,
    in the order the groups were opened."""
    keys = [next(iter(k)) for r in resumes.values() for _, k in r.open]
    rows = con.execute("SELECT grp, doc || ':' || id FROM reconcile_figures "
                       "WHERE grp IN (SELECT unnest(split(?, ?)))", [*listed(keys)]).fetchall()
    members: dict[str, set[str]] = defaultdict(set)
    for group, key in rows:
        members[group].add(key)
    found = {}
    for bucket, resume in resumes.items():
        groups = sorted(((int(k.rsplit(_SEP, 1)[1]), frozenset(members[k]))
                         for _, keys in resume.open for k in keys), key=lambda g: g[0])
        found[bucket] = replace(resume, open=tuple(groups))
    return found


def derivations_of(con: Any, segments: Collection[str] | None,
                   groups: Collection[str] = ()) -> tuple[list[tuple[str, Any, Any]], set[str]]:
    """The things and best figures' periods (thing, start, end) of the deriving groups of these
    segments (all when None) and of these groups (by ``sort_key``), and their best figures'
    ``doc:id`` keys, read before the groups are dropped."""
    where, params = _dropped(segments, groups)
    rows = con.execute("SELECT thing, best_start, best_end, best_doc || ':' || best_id "
                       f"FROM reconcile_groups WHERE thing IS NOT NULL AND {where}",
                       params).fetchall()
    return [(t, s, e) for t, s, e, _ in rows], {key for *_, key in rows}


def totals_to_derive(con: Any, spans: Iterable[tuple[str, Any, Any]]) -> tuple[set[str], str]:
    """The deriving groups' best figures (``doc:id``) whose period holds one of these spans
    (thing, start, end): the totals to derive again; and the SQL condition on
    ``reconcile_groups g`` of the groups whose best starts within one of those totals' periods,
    the periods they need (``verify/derive.derive_totals``), over the temp table ``totals``."""
    table = pa.Table.from_pylist([{"thing": t, "since": s, "until": e} for t, s, e in spans],
                                 schema=SPAN_SCHEMA)
    with registered(con, "spans", table):
        con.execute(
            "CREATE OR REPLACE TEMP TABLE totals AS SELECT DISTINCT g.thing, g.best_start, "
            "g.best_end, g.best_doc || ':' || g.best_id AS total FROM reconcile_groups g "
            "JOIN spans c ON g.thing = c.thing AND g.best_start <= c.since "
            "AND g.best_end >= c.until WHERE g.derives")
    rows = con.execute("SELECT total FROM totals").fetchall()
    return {total for (total,) in rows}, (
        "EXISTS (SELECT 1 FROM totals t WHERE t.thing = x.thing AND x.best_start "
        "BETWEEN t.best_start AND t.best_end)")


def drop_derivations(con: Any, totals: Collection[str] | None) -> None:
    """Delete the derived figures and derivation checks of these totals (``doc:id`` of a best
    figure; all when None)."""
    if totals is None:
        for table in ("derived_figures", "reconcile_derived", "reconcile_derivations"):
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM check_rows WHERE origin = 'reconcile' AND type NOT IN "
                    f"{RELATION_TYPES}")
        return
    con.execute("DELETE FROM derived_figures WHERE id IN (SELECT id FROM reconcile_derived "
                "WHERE total IN (SELECT unnest(split(?, ?))))", [*listed(totals)])
    con.execute("DELETE FROM check_rows WHERE origin = 'reconcile' AND type NOT IN "
                f"{RELATION_TYPES} AND coalesce(whole, total) IN (SELECT unnest(split(?, ?)))",
                [*listed(totals)])
    for table in ("reconcile_derived", "reconcile_derivations"):
        con.execute(f"DELETE FROM {table} WHERE total IN (SELECT unnest(split(?, ?)))",
                    [*listed(totals)])


def derivation_tables(
    derived: Sequence[tuple[str, str, str, int]], used: Sequence[tuple[str, str, str, int]]
) -> tuple[pa.Table, pa.Table]:
    """Rows of ``reconcile_derived`` (id, thing, total, number within the total) and of
    ``reconcile_derivations`` (thing, total, its place in the thing's order, numbers used)."""
    return (pa.Table.from_pylist([{"id": i, "thing": t, "total": k, "local": n}
                                  for i, t, k, n in derived], schema=DERIVED_INDEX_SCHEMA),
            pa.Table.from_pylist([{"thing": t, "total": k, "total_order": o, "ids": n}
                                  for t, k, o, n in used if n], schema=DERIVATIONS_SCHEMA))


def renumber_derived(con: Any) -> None:
    """Number every derived figure as the whole derivation does: d1, d2, ... over the things in
    the order of their keys and each thing's totals in its order, each from where the one
    before stopped; the figures' ids and their checks' reasons ('derived:d5: ...') are
    renamed."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE renamed_derived AS WITH o AS (SELECT total, "
        "coalesce(sum(ids) OVER (ORDER BY thing, total_order ROWS BETWEEN UNBOUNDED PRECEDING "
        "AND 1 PRECEDING), 0) AS offset FROM reconcile_derivations) "
        "SELECT r.id AS old, 'd' || (o.offset + r.local) AS new FROM reconcile_derived r "
        "JOIN o ON o.total = r.total WHERE r.id <> 'd' || (o.offset + r.local)")
    con.execute("UPDATE derived_figures SET id = r.new FROM renamed_derived r "
                "WHERE derived_figures.id = r.old")
    con.execute("UPDATE reconcile_derived SET id = r.new FROM renamed_derived r "
                "WHERE reconcile_derived.id = r.old")
    con.execute("UPDATE check_rows SET reason = 'derived:' || r.new || ':' || "
                "substr(check_rows.reason, length('derived:' || r.old || ':') + 1) "
                "FROM renamed_derived r WHERE check_rows.origin = 'reconcile' "
                "AND check_rows.type = 'derived' AND starts_with(check_rows.reason, 'derived:') "
                # an equality on the id, not a prefix test, lets the join hash (a prefix test
                # compared every check with every renamed figure: hours on a 19 MB document)
                "AND split_part(check_rows.reason, ':', 2) = r.old")
    con.execute("DROP TABLE renamed_derived")


def drop_groups(con: Any, segments: Collection[str] | None, groups: Collection[str] = ()) -> None:
    """Delete the groups of these segments (all when None) and these groups (by ``sort_key``)
    with their index rows and checks."""
    if segments is None:
        for table in ("group_rows", "reconcile_groups"):
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM check_rows WHERE origin = 'reconcile' AND type IN "
                    f"{RELATION_TYPES}")
        return
    where, params = _dropped(segments, groups)
    con.execute("CREATE OR REPLACE TEMP TABLE dropped AS SELECT sort_key FROM reconcile_groups "
                f"WHERE {where}", params)
    con.execute("DELETE FROM group_rows WHERE sort_key IN (SELECT sort_key FROM dropped)")
    con.execute("DELETE FROM check_rows WHERE origin = 'reconcile' AND type IN "
                f"{RELATION_TYPES} AND grp IN (SELECT sort_key FROM dropped)")
    con.execute("DELETE FROM reconcile_groups WHERE sort_key IN (SELECT sort_key FROM dropped)")
    con.execute("DROP TABLE dropped")


__all__ = [
    "CHECKPOINT_DDL",
    "DERIVE_INDEX_DDL",
    "INCIDENT_FINGERPRINT_DDL",
    "INDEX_DDL",
    "NUMBER_GROUPS_DDL",
    "RELATION_TYPES",
    "SEGMENT_INDEX_DDL",
    "UNKEY_GROUPS_DDL",
    "Fingerprint",
    "changed_documents",
    "derivation_tables",
    "derivations_of",
    "document_fingerprints",
    "drop_derivations",
    "drop_groups",
    "extend_segments",
    "figures_in",
    "fill_incident_fingerprints",
    "forget",
    "group_index_table",
    "listed",
    "merged_reaches",
    "registered",
    "renumber_derived",
    "resume_points",
    "resumed_members",
    "state_table",
    "stored_fingerprints",
    "told",
    "totals_to_derive",
    "touched_segments",
]
