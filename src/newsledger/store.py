"""The ledger: documents, figures and checks in one DuckDB file.

Tables are created by migrations: ordered functions registered with ``@migration`` and recorded
in the ``migrations`` table, so opening a ledger twice applies each one once. A later table
(groups, incidents) is added by appending one more decorated function below the others.

Derived state (groups, cross-report checks, derived figures, merged incidents) is recomputed from
the documents after each ingest; ``ledger_state`` records whether it is current, so an ingest that
was interrupted before that step is noticed (``stale()``) and ``rebuild()`` catches up.
A given document id (JSONL ``id``, gold ``doc_id``) names one text only: a second, different text
under an id already stored is refused (DuplicateIdError), never stored beside it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import partial
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from newsledger import incident_tables as tables
from newsledger import merge_tables as merge_index
from newsledger import place_filter
from newsledger import reconcile_tables as regroup
from newsledger import review_tables as reviews
from newsledger.errors import InputError, LedgerError
from newsledger.group_rows import day, figure_from_row, group_from_row, group_table
from newsledger.model import (
    Check,
    CheckType,
    DerivedFigure,
    Document,
    Extraction,
    Figure,
    Group,
    Measure,
    Verdict,
)
from newsledger.noise import find_noise
from newsledger.verify.derive import derive_totals, total_order
from newsledger.verify.incidents import merge_incidents
from newsledger.verify.reconcile import Resume, group_figures, group_json, reconciled
from newsledger.verify.rejudge import Rejudged, rejudge
from newsledger.verify.sameness import place_figures

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True, slots=True)
class Migration:
    """One named schema change; ``apply`` runs inside a transaction."""

    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: list[Migration] = []


def migration(apply: Callable[[Connection], None]) -> Callable[[Connection], None]:
    """Register a schema change under its function name; they run in registration order."""
    MIGRATIONS.append(Migration(apply.__name__, apply))
    return apply


@migration
def create_documents(con: Connection) -> None:
    """Documents keyed by content id, with their text so evidence offsets stay checkable."""
    con.execute("""
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY, name VARCHAR, title VARCHAR, published DATE, url VARCHAR,
            outlet VARCHAR, path VARCHAR, text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL
        )""")


@migration
def create_figures(con: Connection) -> None:
    """One row per reported figure; ``also_at`` holds restatement spans as JSON text."""
    con.execute("""
        CREATE TABLE figures (
            doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, text VARCHAR NOT NULL, number_text VARCHAR NOT NULL,
            low BIGINT NOT NULL, high BIGINT, qualifier VARCHAR NOT NULL, measure VARCHAR NOT NULL,
            counted VARCHAR, actor VARCHAR, locations VARCHAR[] NOT NULL, period_start DATE,
            period_end DATE, time_text VARCHAR, source VARCHAR, also_at VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, id)
        )""")


@migration
def create_checks(con: Connection) -> None:
    """Relations between figures of one document and their verdicts."""
    con.execute("""
        CREATE TABLE checks (
            doc_id VARCHAR NOT NULL, type VARCHAR NOT NULL, holds BOOLEAN NOT NULL,
            total VARCHAR, parts VARCHAR[] NOT NULL, whole VARCHAR, part VARCHAR,
            reason VARCHAR NOT NULL
        )""")


@migration
def create_groups(con: Connection) -> None:
    """Same-thing groups and derived figures (issue 3); checks record who wrote them."""
    con.execute("""
        CREATE TABLE groups (
            id VARCHAR PRIMARY KEY, measure VARCHAR NOT NULL, actor VARCHAR,
            locations VARCHAR[] NOT NULL, period_start DATE, period_end DATE, as_of DATE,
            verdict VARCHAR NOT NULL, best BIGINT, low BIGINT, high BIGINT, reason VARCHAR NOT NULL,
            members VARCHAR NOT NULL, conflicts VARCHAR NOT NULL, latest DATE
        )""")
    con.execute("CREATE TABLE derived_figures AS SELECT * FROM figures LIMIT 0")
    con.execute("ALTER TABLE derived_figures ADD COLUMN derived_from VARCHAR")
    con.execute("ALTER TABLE derived_figures ADD COLUMN rule VARCHAR")
    # Ledger.reconcile replaces its own checks on every run and keeps the documents' checks.
    con.execute("ALTER TABLE checks ADD COLUMN origin VARCHAR DEFAULT 'document'")


@migration
def create_incidents(con: Connection) -> None:
    """Incidents of each document (issue 4), tolls flattened; see incident_tables.py."""
    con.execute(tables.INCIDENTS_DDL)


@migration
def create_merged_incidents(con: Connection) -> None:
    """Incidents merged across documents and which document incidents each holds."""
    con.execute(tables.MERGED_DDL)
    con.execute(tables.REPORTS_DDL)


@migration
def create_ledger_state(con: Connection) -> None:
    """Whether groups and merged incidents are current; unknown (stale) in an older ledger."""
    con.execute("CREATE TABLE ledger_state (key VARCHAR PRIMARY KEY, current BOOLEAN NOT NULL)")
    (documents,) = con.execute("SELECT count(*) FROM documents").fetchone() or (0,)
    con.executemany("INSERT INTO ledger_state VALUES (?, ?)",
                    [[key, documents == 0] for key in DERIVED_STATE])


# What ``ledger_state`` tracks, and what each covers, for the warning of a stale ledger.
DERIVED_STATE = {"groups": "groups, cross-report checks and derived figures",
                 "incidents": "merged incidents"}

# duckdb.connect would read "md:NAME", "s3://..." or "http://..." as remote databases and
# download an extension to reach them; a ledger is a local file, and nothing is downloaded.
_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
_OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_LOCK_HOLDER = re.compile(r"PID (\d+)")
# How often a ledger held by another process is tried again, and the variable setting how long
# the commands wait for it (seconds).
_POLL = 0.25
WAIT_VARIABLE = "NEWSLEDGER_WAIT"


class OutdatedLedgerError(LedgerError):
    """A ledger opened read-only lacks tables of this version; opening it for writing adds them."""


class DuplicateIdError(InputError):
    """A document's given id is already used by a different text in the ledger."""


@migration
def create_reviews(con: Connection) -> None:
    """Reviewers' confirmations, corrections, rejections and pairs (issue 13); review_tables.py."""
    reviews.create_tables(con)


@migration
def create_reconcile_index(con: Connection) -> None:
    """What the last reconcile saw, so the next regroups only what changed (issue 11);
    reconcile_tables.py. Empty in an older ledger: its next reconcile regroups everything."""
    for ddl in regroup.INDEX_DDL:
        con.execute(ddl)


@migration
def create_merge_index(con: Connection) -> None:
    """What the last merge of incidents saw, so the next merges only what changed (issue 11);
    merge_tables.py. Empty in an older ledger: its next merge merges everything."""
    for ddl in merge_index.INDEX_DDL:
        con.execute(ddl)


@migration
def create_derive_index(con: Connection) -> None:
    """What each group derives with, so derivation reruns only for regrouped groups (issue 11);
    reconcile_tables.py. The next reconcile regroups everything once."""
    for ddl in regroup.DERIVE_INDEX_DDL:
        con.execute(ddl)


@migration
def create_segment_index(con: Connection) -> None:
    """Each figure's segment of its bucket, so a change regroups only the stretch of time it
    reaches (issue 11); reconcile_tables.py. The next reconcile regroups everything once."""
    for ddl in regroup.SEGMENT_INDEX_DDL:
        con.execute(ddl)


@migration
def unkey_groups(con: Connection) -> None:
    """``groups`` without a primary key, so renumbering renames ids in place; reconcile_tables.py
    (issue 13: a rejection that removes a group shifts every later id)."""
    for ddl in regroup.UNKEY_GROUPS_DDL:
        con.execute(ddl)


@migration
def create_merge_segments(con: Connection) -> None:
    """Each report's segment of its country's time, so a change merges only the stretch of
    time it reaches (issue 11); merge_tables.py. The next merge merges everything once."""
    for ddl in merge_index.SEGMENTS_DDL:
        con.execute(ddl)


@migration
def rename_documents(con: Connection) -> None:
    """Documents' names without a recalled cause or a claimant, and whether a document tells
    several events of one day (issue 10); merge_tables.py. Every document is named again and
    the next merge merges everything once."""
    for ddl in merge_index.RENAME_DDL:
        con.execute(ddl)


@migration
def create_checkpoints(con: Connection) -> None:
    """Each figure's group and each group's first and last day, so a segment regroups only from
    the groups open at the day of the new figures (issue 11); reconcile_tables.py. The next
    reconcile regroups everything once."""
    for ddl in regroup.CHECKPOINT_DDL:
        con.execute(ddl)


@migration
def create_incident_fingerprints(con: Connection) -> None:
    """Each document's incidents' fingerprint, so a reconcile reads whole only the documents
    that can have changed, not every one (issue 11); reconcile_tables.py. The next reconcile
    reads every document whole once, as before."""
    for ddl in regroup.INCIDENT_FINGERPRINT_DDL:
        con.execute(ddl)


@migration
def number_series(con: Connection) -> None:
    """Documents' numbers in a series of events ('the second of three blasts'), and undated
    reports that merge only within a day (issue 10); merge_tables.py. Every document is named
    again and the next merge merges everything once."""
    for ddl in merge_index.SERIES_DDL:
        con.execute(ddl)


@migration
def number_groups_on_read(con: Connection) -> None:
    """Group ids (g1, g2, ...) computed when ``groups`` and ``checks`` are read, not stored, so
    a new group renames none on disk (issue 11); reconcile_tables.py. Ids and listings stay as
    they were."""
    for ddl in regroup.NUMBER_GROUPS_DDL:
        con.execute(ddl)


# Explicit Arrow schemas: an all-null column would otherwise be typed "null" and fail the insert.
FIGURE_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("id", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("text", pa.string()), ("number_text", pa.string()), ("low", pa.int64()),
    ("high", pa.int64()), ("qualifier", pa.string()), ("measure", pa.string()),
    ("counted", pa.string()), ("actor", pa.string()), ("locations", pa.list_(pa.string())),
    ("period_start", pa.date32()), ("period_end", pa.date32()), ("time_text", pa.string()),
    ("source", pa.string()), ("also_at", pa.string()),
])

CHECK_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("type", pa.string()), ("holds", pa.bool_()),
    ("total", pa.string()), ("parts", pa.list_(pa.string())), ("whole", pa.string()),
    ("part", pa.string()), ("reason", pa.string()),
])

# A document's output id, by the rule of ``Document.key``: its given name, else its content id.
DOC_KEY = "coalesce(nullif(d.name, ''), d.id)"

FIGURE_COLUMNS = f"""
    'figure' AS kind, {DOC_KEY} AS doc, f.id, f.start, f."end", f.text, f.number_text, f.low,
    f.high, f.qualifier, f.measure, f.counted, f.actor, f.locations, f.period_start, f.period_end,
    f.time_text, f.source, f.also_at, d.published, d.title
"""

CHECK_COLUMNS = f"""
    'check' AS kind, {DOC_KEY} AS doc, c.type, c.holds, c.total, c.parts, c.whole, c.part, c.reason
"""

DOCUMENT_COLUMNS = """
    d.id, d.name, d.title, d.published, d.url, d.outlet, d.path, d.ingested_at,
    (SELECT count(*) FROM figures f WHERE f.doc_id = d.id) AS figures,
    (SELECT count(*) FROM check_rows c WHERE c.doc_id = d.id) AS checks
"""


class Ledger:
    """A DuckDB ledger of documents, their figures and checks; ``":memory:"`` for tests.

    ``read_only`` opens the file without a write lock (a 0444 file or a read-only mount), so any
    number of readers can list it; it never changes the file.

    DuckDB lets one process write a file, or any number read it, never both at once. A file
    held by another process is waited for, up to ``wait`` seconds (``waiting`` hears once why),
    and a writer can ``release()`` the file between its transactions: readers then read it as
    last committed, and the writer's next use opens it again.
    """

    def __init__(
        self, path: str = "newsledger.duckdb", *, read_only: bool = False, wait: float = 0.0,
        waiting: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only and path != ":memory:"
        self.wait = wait
        self._waiting = waiting
        self._connection: Connection | None = None
        self._closed = False
        if _REMOTE.match(path) and not re.match(r"^[A-Za-z]:[\\/]", path):
            raise LedgerError(f"{path}: only a local ledger file is accepted (no 'md:', 's3://' "
                              "or other remote databases)")
        self._connect()
        try:
            self._migrate()
        except LedgerError:
            # Closed, so that opening the file again (for writing, to upgrade it) is not refused
            # as "a different configuration" of a connection this process still holds.
            self.close()
            raise

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def _con(self) -> Connection:
        """The open connection; after ``release()``, the file opened again (waiting for it)."""
        if self._connection is None:
            if self._closed:
                raise LedgerError(f"{self.path}: the ledger is closed")
            self._connect()
        assert self._connection is not None
        return self._connection

    @_con.setter
    def _con(self, connection: Connection) -> None:  # tests put a failing connection in
        self._connection = connection

    def _connect(self) -> None:
        self._connection = _connect(self.path, self.read_only, self.wait, self._waiting)
        # DuckDB's own progress bar would print over the CLI's output on a slow query.
        self._connection.execute("SET enable_progress_bar = false")
        if not self.read_only:
            # Letting go of the file (``release``, between an ingest's writes) leaves the
            # write-ahead log for the next opener instead of checkpointing it: a checkpoint
            # writes the last row group of every table appended to again (up to 122,880 rows:
            # all the documents' texts below that), so one per write grew with the ledger.
            # ``close`` checkpoints once; DuckDB still does when the log passes its threshold.
            self._connection.execute("PRAGMA disable_checkpoint_on_shutdown")
        place_filter.register(self._connection)

    def release(self) -> None:
        """Let go of the file until the next use (which opens it again, waiting up to ``wait``
        seconds for readers to finish): other processes can read what is committed meanwhile.
        The write-ahead log stays for the next opener (``close`` checkpoints it). Nothing to do
        in memory."""
        if self.path != ":memory:" and self._connection is not None:
            self._connection.close()
            self._connection = None

    def hold(self) -> None:
        """Open the file again after ``release()``, waiting for it as ``__init__`` does; a
        LedgerError says why not."""
        self._con  # noqa: B018 - opens it

    def close(self) -> None:
        """Close the connection; the file keeps everything committed (checkpointed when the
        connection is open: the write-ahead log written into the file; after ``release`` the
        log waits for the next opener)."""
        self._closed = True
        if self._connection is not None:
            if not self.read_only and self.path != ":memory:":
                with suppress(duckdb.Error):  # a failed checkpoint leaves the log, still safe
                    self._connection.execute("CHECKPOINT")
            self._connection.close()
            self._connection = None

    def _migrate(self) -> None:
        if self.read_only:
            self._check_schema()
            return
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)"
        )
        applied = {name for (name,) in self._con.execute("SELECT name FROM migrations").fetchall()}
        pending = [step for step in MIGRATIONS if step.name not in applied]
        for step in pending:
            self._in_transaction(f"applying migration {step.name}", partial(self._apply, step))
        if pending and self.path != ":memory:":
            # DuckDB cannot replay a write-ahead log that creates views (it binds them before the
            # database is attached), and the log now outlives the connection (``release``).
            self._con.execute("CHECKPOINT")

    def _check_schema(self) -> None:
        """A read-only ledger cannot be upgraded: say so instead of failing on a missing table."""
        try:
            rows = self._con.execute("SELECT name FROM migrations").fetchall()
        except duckdb.Error as error:
            raise LedgerError(f"{self.path}: not a newsledger ledger") from error
        missing = [step.name for step in MIGRATIONS if step.name not in {n for (n,) in rows}]
        if missing:
            raise OutdatedLedgerError(f"{self.path}: the ledger was written by an older "
                                      "newsledger; run 'newsledger rebuild' once to upgrade it")

    def _apply(self, step: Migration) -> None:
        step.apply(self._con)
        self._con.execute("INSERT INTO migrations VALUES (?, ?)", [step.name, _now()])

    def _in_transaction(self, what: str, work: Callable[[], Any]) -> Any:
        """Run ``work`` as one transaction; on any error roll back and raise a LedgerError (an
        InputError raised by ``work`` is the input's fault and is raised as it is)."""
        if self.read_only:
            raise LedgerError(f"{self.path}: {what} needs the ledger opened for writing")
        self._con.execute("BEGIN TRANSACTION")
        try:
            result = work()
            self._con.execute("COMMIT")
        except InputError:
            self._rollback()
            raise
        except Exception as error:
            self._rollback()
            raise LedgerError(f"{self.path}: {what} failed: {_first_line(error)}") from error
        except BaseException:  # Ctrl-C mid-document: still leave nothing half-written
            self._rollback()
            raise
        return result

    def _rollback(self) -> None:
        # A COMMIT that failed (disk full) has already ended the transaction and undone it:
        # a second error here would only hide the first.
        with suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def migrations(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        rows = self._con.execute("SELECT name FROM migrations ORDER BY rowid").fetchall()
        return [name for (name,) in rows]

    def add(self, extraction: Extraction) -> bool:
        """Store one document with its figures and checks; False if it was already present."""
        document = extraction.document
        what = f"adding document {document.key}" + (f" ({document.path})" if document.path else "")
        return bool(self._in_transaction(what, partial(self._insert, extraction)))

    def _insert(self, extraction: Extraction) -> bool:
        document = extraction.document
        present = self._con.execute("SELECT 1 FROM documents WHERE id = ?", [document.id])
        if present.fetchone():
            return False
        self._refuse_duplicate_id(document)
        self._con.execute("UPDATE ledger_state SET current = false")
        self._con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document.id, document.name, document.title, document.published, document.url,
             document.outlet, document.path, document.text, _now()],
        )
        self._insert_batch("figures", _figure_table(document.id, extraction.figures))
        self._insert_batch("check_rows", _check_table(document.id, extraction.checks))
        self._insert_batch("incidents", tables.incident_table(document.id, extraction.incidents))
        return True

    def add_all(self, extractions: Sequence[Extraction]) -> list[bool | InputError | LedgerError]:
        """Store many documents in one transaction with one Arrow table per table; for each, as
        ``add`` says it: True if added, False if already present, or the error refusing it.

        When any document of the batch fails (or might: a given id already in use), the batch is
        rolled back and stored one document per transaction instead, so a failure costs only its
        own document and nothing is ever half stored.
        """
        if not extractions:
            return []
        try:
            added = self._in_transaction(
                f"adding {len(extractions)} documents", partial(self._insert_all, extractions)
            )
            return list(added)
        except (InputError, LedgerError, _OneByOne):
            pass
        outcomes: list[bool | InputError | LedgerError] = []
        for extraction in extractions:
            try:
                outcomes.append(self.add(extraction))
            except (InputError, LedgerError) as error:
                outcomes.append(error)
        return outcomes

    def _insert_all(self, extractions: Sequence[Extraction]) -> list[bool]:
        stored = self._con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
            [[e.document.id for e in extractions]],
        ).fetchall()
        present = {doc_id for (doc_id,) in stored}
        added: list[bool] = []
        for extraction in extractions:
            added.append(extraction.document.id not in present)
            present.add(extraction.document.id)  # the same text twice in one batch: once
        new = [e for e, first in zip(extractions, added, strict=True) if first]
        if not new:
            return added
        if self._ids_in_question([e.document for e in new]):
            raise _OneByOne()
        self._con.execute("UPDATE ledger_state SET current = false")
        now = _now()
        self._insert_batch("documents", _document_table([e.document for e in new], now))
        for table, rows in (
            ("figures", [_figure_table(e.document.id, e.figures) for e in new]),
            ("check_rows", [_check_table(e.document.id, e.checks) for e in new]),
            ("incidents", [tables.incident_table(e.document.id, e.incidents) for e in new]),
        ):
            self._insert_batch(table, pa.concat_tables(rows))
        return added

    def _ids_in_question(self, documents: Sequence[Document]) -> bool:
        """Whether a given id of ``documents`` is used twice among them or is in the ledger
        already: ``add`` then decides, one document at a time, which one it refuses."""
        names = [d.name for d in documents if d.name]
        if not names:
            return False
        nameless = {d.id for d in documents if not d.name}
        if len(set(names)) < len(names) or nameless.intersection(names):
            return True
        used = self._con.execute(
            "SELECT 1 FROM documents WHERE name IN (SELECT unnest(?)) "
            "OR (id IN (SELECT unnest(?)) AND name IS NULL) LIMIT 1",
            [names, names],
        ).fetchone()
        return used is not None

    def _refuse_duplicate_id(self, document: Document) -> None:
        """A given id already naming another text: refused, so ids stay unique in the ledger."""
        if not document.name:
            return
        other = self._con.execute(
            "SELECT id FROM documents WHERE name = ? OR (id = ? AND name IS NULL) LIMIT 1",
            [document.name, document.name],
        ).fetchone()
        if other:
            raise DuplicateIdError(
                document.path or self.path,
                f"id {document.name!r} is already used in the ledger by a document with a "
                f"different text (content id {other[0]}); give this document its own id",
                document.line,
            )

    def stale(self) -> list[str]:
        """What derived state is out of date (an ingest stopped before recomputing it)."""
        rows = self._con.execute("SELECT key FROM ledger_state WHERE NOT current").fetchall()
        return [DERIVED_STATE[key] for (key,) in rows if key in DERIVED_STATE]

    def _mark_current(self, key: str) -> None:
        self._con.execute("UPDATE ledger_state SET current = true WHERE key = ?", [key])

    def rebuild(self) -> dict[str, int]:
        """Give duplicate ids of an older ledger distinct names, then recompute groups,
        cross-report checks, derived figures and merged incidents; returns what came out."""
        renamed = self.rename_duplicate_ids()
        counts = self.reconcile(full=True)
        return {**counts, "incidents": self.merge_incidents(), "renamed": renamed}

    def rename_duplicate_ids(self) -> int:
        """Repair a ledger stored before ids were checked; returns how many were renamed."""
        return int(self._in_transaction("renaming duplicate ids", self._rename_duplicates))

    def _rename_duplicates(self) -> int:
        """Documents sharing a given id (stored before ids were checked): all but the earliest
        become ``ID~CONTENTID`` so that every document key is unique again."""
        rows = self._con.execute(
            "SELECT id, name FROM (SELECT id, name, row_number() OVER (PARTITION BY name "
            "ORDER BY ingested_at, id) AS n FROM documents WHERE name IS NOT NULL) WHERE n > 1"
        ).fetchall()
        for content, name in rows:
            self._con.execute("UPDATE documents SET name = ? WHERE id = ?",
                              [f"{name}~{content}", content])
        return len(rows)

    def _insert_batch(self, table: str, rows: pa.Table) -> None:
        # Bulk insert through Arrow: row-at-a-time inserts are orders of magnitude slower in DuckDB.
        if rows.num_rows == 0:
            return
        columns = ", ".join(f'"{name}"' for name in rows.column_names)
        self._con.register("batch", rows)
        try:
            self._con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM batch")
        finally:
            self._con.unregister("batch")

    def figures(
        self,
        *,
        measure: Measure | str | None = None,
        actor: str | None = None,
        place: str | None = None,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        document: str | None = None,
        country: str | None = None,
    ) -> list[dict[str, Any]]:
        """Figures matching all given filters, as ``extract`` figure lines plus published, title;
        ``place`` and ``country`` keep figures with a location that lies in them (gazetteer)."""
        where, params = _figure_filters(measure, actor, place, since, until, source, document,
                                        country)
        # Reviews win: corrected fields replace the extracted ones, rejected figures are left out.
        sql = (f"SELECT {FIGURE_COLUMNS} FROM {reviews.REVIEWED_FIGURES} f "
               f"JOIN documents d ON d.id = f.doc_id "
               f"WHERE {where} AND {reviews.NOT_REJECTED} "
               "ORDER BY d.published NULLS LAST, doc, f.start, f.id")
        rows = self._rows(sql, params)
        for row in rows:
            row["also_at"] = json.loads(row["also_at"])
        return rows

    def checks(self, *, document: str | None = None) -> list[dict[str, Any]]:
        """Checks of every (or one) document, failing ones first, then by document and figure id."""
        where, params = ("TRUE", []) if document is None else _document_filter(document)
        # Ordering by length first puts "f2" before "f10".
        sql = (f"SELECT {CHECK_COLUMNS} FROM checks c JOIN documents d ON d.id = c.doc_id "
               f"WHERE {where} ORDER BY c.holds, doc, length(coalesce(c.total, c.whole)), "
               "coalesce(c.total, c.whole), c.type, c.part, c.reason")
        return self._rows(sql, params)

    def documents(self) -> list[dict[str, Any]]:
        """Every document's metadata (not its text) with its number of figures and checks."""
        return self._rows(f"SELECT {DOCUMENT_COLUMNS} FROM documents d "
                          f"ORDER BY d.published NULLS LAST, {DOC_KEY}", [])

    def stored_name(self, content_id: str) -> str | None:
        """The given id (else the content id) of the stored document with this content id."""
        row = self._con.execute(
            "SELECT coalesce(name, id) FROM documents WHERE id = ?", [content_id]
        ).fetchone()
        return None if row is None else str(row[0])

    def document_labels(self) -> dict[str, str]:
        """What listings call each document, under its key (``doc``): its given id, else its
        file's name when no other document has that name, else its content id."""
        rows = self._rows(f"SELECT {DOC_KEY} AS key, d.name, d.path FROM documents d", [])
        wanted = {row["key"]: document_label(row["name"], row["path"]) or row["key"]
                  for row in rows}
        taken: dict[str, int] = {}
        for label in [*wanted.values(), *wanted]:
            taken[label] = taken.get(label, 0) + 1
        # A file name shared by two documents, or equal to another one's id, names neither.
        return {key: label if label == key or taken[label] == 1 else key
                for key, label in wanted.items()}

    def document_text(self, document: str) -> str | None:
        """The stored text of one document (its content id or given id), None if it is absent."""
        row = self._con.execute(
            "SELECT text FROM documents d WHERE d.id = ? OR d.name = ? ORDER BY d.id LIMIT 1",
            [document, document],
        ).fetchone()
        return None if row is None else str(row[0])

    def count(self) -> dict[str, int]:
        """Number of documents, figures and checks in the ledger."""
        counts = {}
        for name, table in (("documents", "documents"), ("figures", "figures"),
                            ("checks", "check_rows")):
            (counts[name],) = self._con.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,)
        return counts

    def reconcile(self, *, full: bool = False) -> dict[str, int]:
        """Bring groups, cross-report checks and derived figures up to date with the stored
        figures (and merged incidents, which it recomputes first).

        Only the buckets whose figures changed since the last reconcile are regrouped (new
        documents, reviews, incidents that merged differently: ``reconcile_tables.py``), then
        every group is numbered again; the result is the one ``full=True`` gives, which
        regroups every figure (``newsledger rebuild``). Review actions call this too.
        """
        return dict(self._in_transaction("reconciling figures across reports",
                                         partial(self._reconcile, full)))

    def _reconcile(self, full: bool = False, rejudged: Collection[str] = ()) -> dict[str, int]:
        """``rejudged``: content ids of documents whose own checks were just judged again."""
        self._merge_incidents(full)
        same, different = reviews.pair_marks(self._con, DOC_KEY)
        marks = [("same", pair) for pair in same] + [("different", p) for p in different]
        before = {} if full else regroup.stored_fingerprints(self._con)
        now = regroup.document_fingerprints(self._con, DOC_KEY, reviews.REVIEWED_FIGURES,
                                            reviews.NOT_REJECTED, marks, before or None,
                                            rejudged)
        # A ledger reconciled before the index existed (or never) is regrouped whole once.
        changed = None if not before else regroup.changed_documents(before, now)
        regroup.fill_incident_fingerprints(self._con, before, now)
        if changed is not None and not changed:
            return self._reconcile_counts(None)
        figures = self._stored_figures(changed)
        told = regroup.told(self._con, DOC_KEY, changed, figures, self._document_text)
        documents = self._stored_documents({f.doc for f in figures})
        touched = only = None
        resumes: dict[str, Resume] = {}
        reopened: set[str] = set()
        if changed is not None:
            # Every segment a changed document has a figure in, before or after, is regrouped,
            # with all figures of the documents that have a figure in one of them; a segment
            # that starts before a bucket's new figures, from the groups open at their day.
            readings = place_figures(figures, documents, told)
            touched = regroup.touched_segments(self._con, changed, readings)
            resumes = regroup.resume_points(self._con, changed, readings, touched)
            reopened = {next(iter(keys)) for r in resumes.values() for _, keys in r.open}
            touched -= {r.segment.key for r in resumes.values()}
            resumes = regroup.resumed_members(self._con, resumes)
            only = regroup.figures_in(self._con, touched, reopened)
            only.update(f"{f.doc}:{f.id}" for f in figures)
            others = {key.rsplit(":", 1)[0] for key in only} - changed
            more = self._stored_figures(others)
            told.update(regroup.told(self._con, DOC_KEY, others, more, self._document_text))
            documents.update(self._stored_documents(others))
            figures = sorted([*figures, *more], key=lambda f: (f.doc, f.start, f.id))
        grouped = group_figures(figures, documents, self._stored_checks(set(documents)), told,
                                same=same, different=different, only=only, resume=resumes)
        grouped.sort(key=lambda g: g.order)
        # No id yet: the views number the groups when read (migration number_groups_on_read).
        items = [(g, reconciled("", g.members)) for g in grouped]
        spans, bests = regroup.derivations_of(self._con, touched, reopened)
        regroup.drop_groups(self._con, touched, reopened)
        self._insert_batch("group_rows", group_table((g.order, item) for g, item in items))
        index = regroup.group_index_table(items)
        self._insert_batch("reconcile_groups", index)
        spans += [(t, s, e) for t, s, e in zip(*(index.column(c).to_pylist() for c in
                  ("thing", "best_start", "best_end")), strict=True) if t]
        content_ids = self._content_ids()
        relation_checks = [(c, g.order) for g, item in items for c in item.checks]
        self._insert_batch("check_rows", _reconcile_check_table(relation_checks, content_ids))
        self._derive(content_ids, None if touched is None else spans, bests)
        regroup.forget(self._con, changed, touched or (), reopened)
        self._insert_batch("reconcile_figures", regroup.state_table(grouped, now))
        regroup.extend_segments(self._con, grouped, resumes)
        return self._reconcile_counts(content_ids)

    def _reconcile_counts(self, content_ids: dict[str, str] | None) -> dict[str, int]:
        self._mark_current("groups")
        ((groups, checks, derived),) = self._con.execute(
            "SELECT (SELECT count(*) FROM group_rows), "
            "(SELECT count(*) FROM check_rows WHERE origin = 'reconcile'), "
            "(SELECT count(*) FROM derived_figures)").fetchall()
        return {"groups": groups, "checks": checks, "derived": derived}

    def _derive(self, content_ids: dict[str, str], spans: list[tuple[str, Any, Any]] | None,
                bests: set[str]) -> None:
        """Derived figures and sub-period checks, again for the totals (the best figures of
        deriving groups) whose period holds one of ``spans`` (thing, start and end of the best
        figure of a group just dropped or formed; all when None; few groups take part at all:
        flows over a stated period); ``bests``: the keys of the best figures of groups just
        dropped (totals perhaps no more)."""
        if spans is not None and not spans and not bests:
            return
        where, totals = "TRUE", None
        params: list[Any] = []
        if spans is not None:
            totals, where = regroup.totals_to_derive(self._con, spans)
        rows = self._rows(
            f"SELECT {DOC_KEY} AS doc, f.*, x.thing AS thing FROM {reviews.REVIEWED_FIGURES} f "
            "JOIN documents d ON d.id = f.doc_id JOIN reconcile_groups x "
            f"ON x.best_doc = {DOC_KEY} AND x.best_id = f.id WHERE x.derives AND {where} "
            "ORDER BY x.thing", params)
        regroup.drop_derivations(self._con, None if totals is None else totals | bests)
        per_thing: dict[str, list[Figure]] = {}
        for row in rows:
            per_thing.setdefault(row["thing"], []).append(figure_from_row(row))
        figures: list[DerivedFigure] = []
        checks: list[Check] = []
        numbered: list[tuple[str, str, str, int]] = []
        used: list[tuple[str, str, str, int]] = []
        serial = 0
        for thing, members in per_thing.items():
            wanted = {f"{f.doc}:{f.id}" for f in members} if totals is None else totals
            by_key = {f"{f.doc}:{f.id}": f for f in members}
            for total, derivation in derive_totals(members, wanted):
                # Numbered within the total now (d1 ...), renamed to unique ids until renumbered.
                count = sum(c.type is CheckType.DERIVED for c in derivation.checks)
                used.append((thing, total, total_order(by_key[total]), count))
                renamed = {f"d{n}": f"n{serial + n}" for n in range(1, count + 1)}
                serial += count
                for item in derivation.figures:
                    new_id = renamed[item.figure.id]
                    numbered.append((new_id, thing, total, int(item.figure.id[1:])))
                    figures.append(replace(item, figure=replace(item.figure, id=new_id)))
                checks += [_renamed_check(check, renamed) for check in derivation.checks]
        self._insert_batch("derived_figures", _derived_table(figures))
        self._insert_batch("check_rows", _reconcile_check_table(
            [(check, None) for check in checks], content_ids))
        index, derivations = regroup.derivation_tables(numbered, used)
        self._insert_batch("reconcile_derived", index)
        self._insert_batch("reconcile_derivations", derivations)
        if totals is not None:
            self._con.execute("DROP TABLE totals")
        regroup.renumber_derived(self._con)

    def _content_ids(self) -> dict[str, str]:
        rows = self._con.execute(f"SELECT {DOC_KEY}, d.id FROM documents d").fetchall()
        return dict(rows)

    def _document_text(self, key: str) -> str:
        """The text of one stored document by its key ('' when there is none)."""
        row = self._con.execute(f"SELECT text FROM documents d WHERE {DOC_KEY} = ? LIMIT 1",
                                [key]).fetchone()
        return str(row[0]) if row else ""

    def _stored_documents(self, keys: set[str] | None = None) -> dict[str, Document]:
        """Documents by key (``Document.key``): all, or those of ``keys``."""
        where, params = ("TRUE", []) if keys is None else (
            f"{DOC_KEY} IN (SELECT unnest(split(?, ?)))", [*regroup.listed(keys)])
        rows = self._rows("SELECT name, title, published, url, outlet, path, text "
                          f"FROM documents d WHERE {where}", params)
        documents = [Document(**{**row, "published": day(row["published"])}) for row in rows]
        return {document.key: document for document in documents}

    def _stored_figures(self, keys: set[str] | None = None) -> list[Figure]:
        """Figures as reviewed, rejected ones left out: all, or of the documents of ``keys``."""
        where, params = ("TRUE", []) if keys is None else (
            f"{DOC_KEY} IN (SELECT unnest(split(?, ?)))", [*regroup.listed(keys)])
        rows = self._rows(f"SELECT {DOC_KEY} AS doc, f.* FROM {reviews.REVIEWED_FIGURES} f "
                          f"JOIN documents d ON d.id = f.doc_id WHERE {reviews.NOT_REJECTED} "
                          f"AND {where} ORDER BY doc, f.start, f.id", params)
        return [figure_from_row(row) for row in rows]

    def _stored_checks(self, keys: set[str]) -> list[Check]:
        """The documents' own checks (not reconcile's) of the documents of ``keys``."""
        rows = self._rows(f"SELECT {CHECK_COLUMNS} FROM check_rows c JOIN documents d "
                          f"ON d.id = c.doc_id WHERE c.origin = 'document' AND {DOC_KEY} IN "
                          "(SELECT unnest(split(?, ?)))", [*regroup.listed(keys)])
        return [Check(doc=r["doc"], type=CheckType(r["type"]), holds=r["holds"],
                      total=r["total"], parts=tuple(r["parts"]), whole=r["whole"],
                      part=r["part"], reason=r["reason"]) for r in rows]

    def groups(
        self, *, verdict: Verdict | str | None = None, measure: Measure | str | None = None
    ) -> list[Group]:
        """Same-thing groups as of the last ``reconcile``, optionally of one verdict or measure."""
        conditions, params = ["TRUE"], []
        if verdict is not None:
            conditions.append("verdict = ?")
            params.append(Verdict(verdict).value)
        if measure is not None:
            conditions.append("measure = ?")
            params.append(Measure(measure).value)
        rows = self._rows(f"SELECT * FROM groups WHERE {' AND '.join(conditions)} "
                          "ORDER BY length(id), id", params)
        return [group_from_row(row) for row in rows]

    def conflicts(self) -> list[dict[str, Any]]:
        """Group lines of groups with conflicting figures plus their pairs, newest first."""
        rows = self._rows("SELECT * FROM groups WHERE conflicts <> '[]' "
                          "ORDER BY latest DESC NULLS LAST, length(id), id", [])
        return [{**group_json(group_from_row(row)), "conflicts": json.loads(row["conflicts"])}
                for row in rows]

    def derived(self) -> list[DerivedFigure]:
        """Figures derived from others (rest of a period), with lineage and rule."""
        rows = self._rows("SELECT 'derived' AS doc, * FROM derived_figures "
                          "ORDER BY length(id), id", [])
        return [DerivedFigure(figure_from_row(row),
                              tuple((d["doc"], d["id"]) for d in json.loads(row["derived_from"])),
                              row["rule"]) for row in rows]

    def merge_incidents(self, *, full: bool = False) -> int:
        """Bring the merged incidents up to date with every document's incidents; returns how
        many there are. Only the countries whose reports changed are merged again (see
        merge_tables.py); ``full=True`` merges every report, with the same result."""
        return int(self._in_transaction("merging incidents across reports",
                                        partial(self._merge_incidents, full)))

    def _merge_incidents(self, full: bool = False) -> int:
        changed, reindexed = merge_index.changed_documents(self._con, DOC_KEY)
        merge_index.name_documents(self._con)  # before the name index is compared
        full = full or not self._con.execute("SELECT 1 FROM merge_documents LIMIT 1").fetchall()
        segments: set[str] | None = None
        if not full:
            segments = merge_index.touched_segments(self._con, DOC_KEY, changed)
            segments |= merge_index.reindexed_segments(self._con, reindexed)
        if full or segments or changed:
            reports, content_ids, index = merge_index.stored_reports(self._con, DOC_KEY,
                                                                     segments, changed)
            incidents, links = tables.merged_tables(merge_incidents(reports, index), content_ids)
            merge_index.drop_merged(self._con, segments)
            self._insert_batch("merged_incidents", incidents)
            self._insert_batch("merged_incident_reports", links)
            merge_index.save_segments(self._con, reports, content_ids, segments, changed)
        merge_index.save_state(self._con, None if full else changed)
        self._mark_current("incidents")
        ((count,),) = self._con.execute("SELECT count(*) FROM merged_incidents").fetchall()
        return int(count)

    def incidents(
        self,
        *,
        country: str | None = None,
        type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        document: str | None = None,
    ) -> list[dict[str, Any]]:
        """Merged incidents with ACLED-style columns, each with its ``reports``; oldest first."""
        if tables.incidents_stale(self._con) and not self.read_only:
            self.merge_incidents()
        where, params = tables.incident_filters(country, type, since, until, document)
        rows = self._rows(f"SELECT {tables.EXPORT} FROM merged_incidents m WHERE {where} "
                          "ORDER BY m.date NULLS LAST, m.id", params)
        reports = self._rows(tables.report_query(DOC_KEY), [[row["id"] for row in rows]])
        return tables.with_reports(rows, reports)

    def review(self, review: reviews.Review) -> dict[str, Any]:
        """Record a reviewer's action in the audit trail and judge again what it touches, in one
        transaction: a review that changes a figure re-judges its document's checks and
        incidents, and any review but a plain confirmation the groups across reports."""
        return dict(self._in_transaction(f"recording a review of {review.doc}:{review.figure}",
                                         partial(self._review, review)))

    def _review(self, review: reviews.Review) -> dict[str, Any]:
        entry = reviews.record(self._con, review, _now())
        if reviews.changes_figure(entry):
            self._rejudge([entry["doc_id"]])
        elif entry["other_doc_id"] is not None:  # a pair: only what lies across reports
            self._rejudge([entry["doc_id"], entry["other_doc_id"]], documents=False)
        return entry

    def rejudge(self, documents: Sequence[str]) -> dict[str, int]:
        """Judge the given documents (content or given ids) again from their figures as
        reviewed: their checks and incidents, then what lies across reports."""
        return dict(self._in_transaction("judging documents again", partial(
            self._rejudge, [self._content_id(document) for document in documents])))

    def _content_id(self, document: str) -> str:
        row = self._con.execute("SELECT id FROM documents d WHERE d.id = ? OR d.name = ? "
                                "ORDER BY d.id LIMIT 1", [document, document]).fetchone()
        if row is None:
            raise InputError(self.path, f"no document {document!r} in the ledger")
        return str(row[0])

    def _rejudge(self, doc_ids: Sequence[str], *, documents: bool = True) -> dict[str, int]:
        """The one step every review that changes something goes through: the documents'
        own checks and incidents read again from their reviewed figures (``documents``), then
        groups, cross-report checks, derived figures and merged incidents brought up to date."""
        counts = {"checks": 0, "incidents": 0}
        for doc_id in dict.fromkeys(doc_ids) if documents else ():
            judged = self._rejudge_document(doc_id)
            counts["checks"] += len(judged.checks)
            counts["incidents"] += len(judged.incidents)
        # Only the buckets these documents have figures in (before or after) are regrouped.
        reconciled = self._reconcile(rejudged=doc_ids if documents else ())
        return {**counts, **{f"reconciled_{k}": v for k, v in reconciled.items()}}

    def _rejudge_document(self, doc_id: str) -> Rejudged:
        """One document's checks and incidents replaced by those its reviewed figures give."""
        row = self._rows(f"SELECT {DOC_KEY} AS doc, d.* FROM documents d WHERE d.id = ?",
                         [doc_id])[0]
        document = Document(text=row["text"], name=row["name"], title=row["title"],
                            published=day(row["published"]), url=row["url"],
                            outlet=row["outlet"], path=row["path"],
                            noise=find_noise(row["text"]))
        judged = rejudge(document, self._reviewed_figures(doc_id, row["doc"]))
        self._con.execute("DELETE FROM check_rows WHERE doc_id = ? AND origin = 'document'",
                          [doc_id])
        self._con.execute("DELETE FROM incidents WHERE doc_id = ?", [doc_id])
        self._insert_batch("check_rows", _check_table(doc_id, judged.checks))
        self._insert_batch("incidents", tables.incident_table(doc_id, judged.incidents))
        self._con.execute("UPDATE ledger_state SET current = false")
        return judged

    def _reviewed_figures(self, doc_id: str, key: str) -> list[Figure]:
        """A document's figures as reviewed, rejected ones left out, each number at its place
        in the text (as the extractor had it), not at its evidence's."""
        rows = self._rows(
            f"SELECT ? AS doc, f.*, {reviews.NUMBER_START} AS number_start, "
            f"{reviews.NUMBER_END} AS number_end FROM {reviews.REVIEWED_FIGURES} f "
            f"WHERE f.doc_id = ? AND {reviews.NOT_REJECTED} ORDER BY f.start, f.id",
            [key, doc_id])
        figures = []
        for row in rows:
            figure = figure_from_row(row)
            number = replace(figure.quantity, start=row["number_start"], end=row["number_end"])
            figures.append(replace(figure, quantity=number))
        return figures

    def reviews(self, document: str | None = None) -> list[dict[str, Any]]:
        """The review audit trail, newest first; of one document (content or given id)."""
        doc_id = None
        if document is not None:
            row = self._con.execute("SELECT id FROM documents d WHERE d.id = ? OR d.name = ? "
                                    "ORDER BY d.id LIMIT 1", [document, document]).fetchone()
            doc_id = row[0] if row else document
        return reviews.history(self._con, doc_id)

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of one read-only SQL query (for views such as the web app), dates as ISO text."""
        return self._rows(sql, params or [])

    def table(self, name: str, **filters: Any) -> pa.Table:
        """A listing as an Arrow table: ``figures``, ``checks``, ``documents``, ``groups``,
        ``conflicts`` or ``incidents``, with that listing's keyword filters."""
        listings: dict[str, Callable[..., list[Any]]] = {
            "figures": self.figures, "checks": self.checks, "documents": self.documents,
            "groups": self.groups, "conflicts": self.conflicts, "incidents": self.incidents,
        }
        if name not in listings:
            raise ValueError(f"no listing {name!r}: choose one of {', '.join(listings)}")
        rows = listings[name](**filters)
        return pa.Table.from_pylist(
            [group_json(row) if isinstance(row, Group) else row for row in rows]
        )

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self._con.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, map(_plain, row), strict=True)) for row in cursor.fetchall()]


def _figure_filters(
    measure: Measure | str | None, actor: str | None, place: str | None, since: date | None,
    until: date | None, source: str | None, document: str | None, country: str | None = None,
) -> tuple[str, list[Any]]:
    """SQL conditions and parameters for the ``Ledger.figures`` filters."""
    conditions: list[str] = []
    params: list[Any] = []
    if measure is not None:
        conditions.append("f.measure = ?")
        params.append(Measure(measure).value)
    for column, needle in (("f.actor", actor), ("f.source", source)):
        if needle is not None:
            conditions.append(f"contains(lower({column}), lower(?))")
            params.append(needle)
    # Containment in the gazetteer (Mosul's figures lie in Iraq), see place_filter.py.
    for function, needle in ((place_filter.WITHIN_SQL, place),
                             (place_filter.IN_COUNTRY_SQL, country)):
        if needle is not None:
            conditions.append(f"{function}(f.locations, ?)")
            params.append(needle)
    # A period known at one end only counts as an instant there; unknown periods never match.
    if since is not None:
        conditions.append("coalesce(f.period_end, f.period_start) >= ?")
        params.append(since)
    if until is not None:
        conditions.append("coalesce(f.period_start, f.period_end) <= ?")
        params.append(until)
    if document is not None:
        condition, document_params = _document_filter(document)
        conditions.append(condition)
        params.extend(document_params)
    return " AND ".join(conditions) or "TRUE", params


def _document_filter(document: str) -> tuple[str, list[Any]]:
    """A document by its content id, its given id or (without one) its file's name."""
    return ("(d.id = ? OR d.name = ? OR (coalesce(d.name, '') = '' "
            "AND parse_filename(d.path) = ?))", [document, document, document])


def document_label(name: str | None, path: str | None) -> str | None:
    """What to call a document other than by its content hash (which tells a reader nothing):
    its given id, else its file's name; None without either (text from standard input)."""
    if name:
        return name
    if path and not path.startswith("<"):
        return re.split(r"[\\/]", path)[-1] or None
    return None


class _OneByOne(Exception):
    """A batch whose documents must be stored one at a time (``Ledger.add_all``)."""


DOCUMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("name", pa.string()), ("title", pa.string()),
    ("published", pa.date32()), ("url", pa.string()), ("outlet", pa.string()),
    ("path", pa.string()), ("text", pa.string()), ("ingested_at", pa.timestamp("us")),
])


def _document_table(documents: Iterable[Document], now: datetime) -> pa.Table:
    """Documents as an Arrow table in the ``documents`` column order."""
    rows = [{
        "id": d.id, "name": d.name, "title": d.title, "published": d.published, "url": d.url,
        "outlet": d.outlet, "path": d.path, "text": d.text, "ingested_at": now,
    } for d in documents]
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def _figure_table(doc_id: str, figures: Iterable[Figure]) -> pa.Table:
    """The figures of one document as an Arrow table in the ``figures`` column order."""
    rows = [{
        "doc_id": doc_id, "id": f.id, "start": f.start, "end": f.end, "text": f.text,
        "number_text": f.quantity.number_text, "low": f.quantity.low, "high": f.quantity.high,
        "qualifier": f.quantity.qualifier.value, "measure": f.measure.value, "counted": f.counted,
        "actor": f.actor, "locations": list(f.locations), "period_start": f.period_start,
        "period_end": f.period_end, "time_text": f.time_text, "source": f.source,
        "also_at": json.dumps([list(span) for span in f.also_at]),
    } for f in figures]
    return pa.Table.from_pylist(rows, schema=FIGURE_SCHEMA)


def _check_table(doc_id: str, checks: Iterable[Check]) -> pa.Table:
    """The checks of one document as an Arrow table in the ``checks`` column order."""
    rows = [{
        "doc_id": doc_id, "type": c.type.value, "holds": c.holds, "total": c.total,
        "parts": list(c.parts), "whole": c.whole, "part": c.part, "reason": c.reason,
    } for c in checks]
    return pa.Table.from_pylist(rows, schema=CHECK_SCHEMA)


def _renamed_check(check: Check, renamed: dict[str, str]) -> Check:
    """A derived check ('derived:d2: ...') naming its figure by its id in ``renamed``."""
    prefix, _, rest = check.reason.partition(":")
    fid, colon, rule = rest.partition(":")
    if check.type is not CheckType.DERIVED or prefix != "derived" or fid not in renamed:
        return check
    return replace(check, reason=f"{prefix}:{renamed[fid]}{colon}{rule}")


def _derived_table(derived: Iterable[DerivedFigure]) -> pa.Table:
    """Derived figures as figure rows (document 'derived') plus lineage and rule."""
    items = list(derived)
    table = _figure_table("derived", [d.figure for d in items])
    lineage = [json.dumps([{"doc": doc, "id": fid} for doc, fid in d.derived_from])
               for d in items]
    table = table.append_column("derived_from", pa.array(lineage, pa.string()))
    return table.append_column("rule", pa.array([d.rule for d in items], pa.string()))


def _reconcile_check_table(checks: Iterable[tuple[Check, str | None]],
                           content_ids: dict[str, str]) -> pa.Table:
    """Cross-report checks, each stored with its document's content id, marked 'reconcile',
    with the sort key of its group (``grp``; None: a derivation's check)."""
    by_doc: dict[str, list[tuple[Check, str | None]]] = {}
    for check, group in checks:
        by_doc.setdefault(content_ids[check.doc], []).append((check, group))
    parts = [_check_table(doc_id, [c for c, _ in doc_checks]) for doc_id, doc_checks
             in by_doc.items()]
    if not parts:
        return pa.Table.from_pylist([], schema=CHECK_SCHEMA)
    table = pa.concat_tables(parts)
    groups = [group for doc_checks in by_doc.values() for _, group in doc_checks]
    table = table.append_column("grp", pa.array(groups, pa.string()))
    return table.append_column("origin", pa.array(["reconcile"] * table.num_rows, pa.string()))


def _connect(
    path: str, read_only: bool, wait: float, waiting: Callable[[str], None] | None
) -> Connection:
    """A connection to ``path``; while another process holds the file (an ingest writing, or
    readers when this one writes), try again every _POLL seconds for up to ``wait`` seconds,
    telling ``waiting`` once. DuckDB has no blocking open, hence the polling."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=dict(_OFFLINE))
        except duckdb.Error as error:
            message = _first_line(error)
            if "lock" not in message.lower():
                raise LedgerError(f"cannot open the ledger {path}: {message}") from error
            holder = _LOCK_HOLDER.search(message)
            who = f"process {holder.group(1)}" if holder else "another process"
            if time.monotonic() >= deadline:
                raise LedgerError(_locked(path, who, read_only, wait)) from error
            if waiting and not told:
                told = True
                doing = "being written by" if read_only else "open in"
                waiting(f"{path}: the ledger is {doing} {who}; waiting up to {wait:.0f} s for "
                        f"it to let go ({WAIT_VARIABLE} sets how long)")
            time.sleep(_POLL)


def _locked(path: str, who: str, read_only: bool, wait: float) -> str:
    """Why the ledger cannot be opened: another process holds it, and for how long it may."""
    waited = f" after waiting {wait:.0f} s" if wait else ""
    how_long = ("an ingest lets go of it between batches of documents and holds it while it "
                "regroups at the end; 'serve' without --read-only holds it while it runs"
                if read_only else
                "readers hold it while they read; 'serve' holds it while it runs")
    return (f"{path}: the ledger is in use by {who}{waited} ({how_long}); try again then, or "
            f"set {WAIT_VARIABLE}=SECONDS to wait longer")


def _first_line(error: BaseException) -> str:
    return str(error).strip().split("\n")[0]


def _plain(value: Any) -> Any:
    """Dates and times as ISO text, so rows serialise like ``Figure.to_json``."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _now() -> datetime:
    # Naive UTC: DuckDB's TIMESTAMP WITH TIME ZONE would need pytz to read back in Python.
    return datetime.now(UTC).replace(tzinfo=None)


__all__ = ["MIGRATIONS", "WAIT_VARIABLE", "DuplicateIdError", "Ledger", "Migration",
           "OutdatedLedgerError", "document_label", "migration"]
