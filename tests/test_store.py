"""The DuckDB ledger: filters, idempotent adds, atomic documents, migrations, round trips."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import hand_figure
from newsledger import store
from newsledger.errors import LedgerError
from newsledger.model import (
    Check,
    CheckType,
    Document,
    Extraction,
    Figure,
    Measure,
    Qualifier,
    Quantity,
)
from newsledger.store import MIGRATIONS, Ledger, Migration

CENTCOM_TEXT = (
    "TAMPA - U.S. Central Command said Tuesday that 44 ISIS operatives were killed and 166 "
    "detained in Iraq and Syria in the first half of 2024. In Iraq, 30 were killed."
)
CAMP_TEXT = "The UN said some 73,000 people now live in al-Hol camp in northeast Syria."
UNAMA_TEXT = (
    "UNAMA documented 1,692 civilian deaths and 3,430 injured in Afghanistan between "
    "1 January and 30 June 2018."
)


H1_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 6, 30)}
CENTCOM_FIELDS = {"actor": "ISIS", "source": "U.S. Central Command", **H1_2024}

CENTCOM = Extraction(
    Document(CENTCOM_TEXT, title="CENTCOM: 44 ISIS killed", published=date(2024, 7, 9),
             name="centcom-h1-2024", outlet="CENTCOM"),
    figures=(
        hand_figure("centcom-h1-2024", CENTCOM_TEXT, "f1", "44 ISIS operatives were killed", "44",
                    counted="ISIS operatives", locations=("Iraq", "Syria"), **CENTCOM_FIELDS),
        hand_figure("centcom-h1-2024", CENTCOM_TEXT, "f2", "166 detained", "166",
                    measure="detained", locations=("Iraq", "Syria"), **CENTCOM_FIELDS),
        hand_figure("centcom-h1-2024", CENTCOM_TEXT, "f3", "30 were killed", "30",
                    locations=("Iraq",), **CENTCOM_FIELDS),
    ),
    checks=(Check("centcom-h1-2024", CheckType.SUBSET, True, whole="f1", part="f3",
                  reason="30 <= 44"),),
)

CAMP_DOC = Document(CAMP_TEXT, published=date(2019, 4, 1))  # no given name: keyed by content id
CAMP = Extraction(
    CAMP_DOC,
    figures=(hand_figure(CAMP_DOC.id, CAMP_TEXT, "f1", "some 73,000 people now live in al-Hol camp",
                         "some 73,000", measure="population", locations=("al-Hol camp", "Syria"),
                         period_start=date(2019, 4, 1), period_end=date(2019, 4, 1),
                         source="UN"),),
    checks=(),
)

UNAMA = Extraction(
    Document(UNAMA_TEXT, published=date(2018, 7, 15), name="unama-h1-2018"),
    figures=(
        hand_figure("unama-h1-2018", UNAMA_TEXT, "f1", "1,692 civilian deaths", "1,692",
                    counted="civilian deaths", locations=("Afghanistan",),
                    period_start=date(2018, 1, 1), period_end=date(2018, 6, 30), source="UNAMA"),
        hand_figure("unama-h1-2018", UNAMA_TEXT, "f2", "3,430 injured", "3,430", measure="injured",
                    locations=("Afghanistan",), source="UNAMA"),  # period unknown
    ),
    checks=(
        Check("unama-h1-2018", CheckType.SUM, False, total="f10", parts=("f1", "f2"),
              reason="1,692 + 3,430 != 5,000"),
        Check("unama-h1-2018", CheckType.SUM, False, total="f2", parts=("f1",), reason="x"),
    ),
)


@pytest.fixture
def filled() -> Iterator[Ledger]:
    """An in-memory ledger holding the three hand-built reports above."""
    with Ledger(":memory:") as ledger:
        for extraction in (CENTCOM, CAMP, UNAMA):
            assert ledger.add(extraction)
        yield ledger


def keys(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(row["doc"], row["id"]) for row in rows}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {("centcom-h1-2024", "f1"), ("centcom-h1-2024", "f2"), ("centcom-h1-2024", "f3"),
              (CAMP_DOC.id, "f1"), ("unama-h1-2018", "f1"), ("unama-h1-2018", "f2")}),
        ({"measure": Measure.KILLED},
         {("centcom-h1-2024", "f1"), ("centcom-h1-2024", "f3"), ("unama-h1-2018", "f1")}),
        ({"measure": "detained"}, {("centcom-h1-2024", "f2")}),
        ({"actor": "isis"},
         {("centcom-h1-2024", "f1"), ("centcom-h1-2024", "f2"), ("centcom-h1-2024", "f3")}),
        ({"actor": "taliban"}, set()),
        ({"place": "SYRIA"},
         {("centcom-h1-2024", "f1"), ("centcom-h1-2024", "f2"), (CAMP_DOC.id, "f1")}),
        ({"place": "hol"}, {(CAMP_DOC.id, "f1")}),
        ({"source": "central command", "place": "iraq", "measure": "killed"},
         {("centcom-h1-2024", "f1"), ("centcom-h1-2024", "f3")}),
        ({"source": "un"}, {(CAMP_DOC.id, "f1"), ("unama-h1-2018", "f1"),
                            ("unama-h1-2018", "f2")}),
        # Periods overlapping [since, until]; a figure without a period never matches.
        ({"since": date(2024, 6, 30)},
         {("centcom-h1-2024", "f1"), ("centcom-h1-2024", "f2"), ("centcom-h1-2024", "f3")}),
        ({"since": date(2024, 7, 1)}, set()),
        ({"until": date(2018, 1, 1)}, {("unama-h1-2018", "f1")}),
        ({"since": date(2019, 4, 1), "until": date(2019, 4, 1)}, {(CAMP_DOC.id, "f1")}),
        ({"since": date(2018, 3, 1), "until": date(2019, 12, 31)},
         {(CAMP_DOC.id, "f1"), ("unama-h1-2018", "f1")}),
        ({"document": "unama-h1-2018"}, {("unama-h1-2018", "f1"), ("unama-h1-2018", "f2")}),
        ({"document": CAMP_DOC.id}, {(CAMP_DOC.id, "f1")}),
        ({"document": "no-such-doc"}, set()),
    ],
)
def test_store_figures_filters(
    filled: Ledger, filters: dict[str, Any], expected: set[tuple[str, str]]
) -> None:
    assert keys(filled.figures(**filters)) == expected


def test_store_figures_rows_are_extract_lines_plus_document_metadata(filled: Ledger) -> None:
    (row,) = filled.figures(document="centcom-h1-2024", measure="detained")
    figure = CENTCOM.figures[1]
    assert row == {**figure.to_json(), "published": "2024-07-09",
                   "title": "CENTCOM: 44 ISIS killed"}


def test_store_figures_unknown_measure_is_refused(filled: Ledger) -> None:
    with pytest.raises(ValueError, match="casualties"):
        filled.figures(measure="casualties")


def test_store_checks_failing_first_then_by_document_and_figure(filled: Ledger) -> None:
    rows = filled.checks()
    assert [(row["doc"], row["holds"], row["total"] or row["whole"]) for row in rows] == [
        ("unama-h1-2018", False, "f2"),
        ("unama-h1-2018", False, "f10"),
        ("centcom-h1-2024", True, "f1"),
    ]
    assert rows[1]["parts"] == ["f1", "f2"]
    assert [row["doc"] for row in filled.checks(document="centcom-h1-2024")] == [
        "centcom-h1-2024"]


def test_store_documents_and_count(filled: Ledger) -> None:
    documents = filled.documents()
    assert [(d["name"], d["figures"], d["checks"]) for d in documents] == [
        ("unama-h1-2018", 2, 2), (None, 1, 0), ("centcom-h1-2024", 3, 1)]
    assert documents[1]["id"] == CAMP_DOC.id
    assert "text" not in documents[0]
    assert filled.count() == {"documents": 3, "figures": 6, "checks": 3}


def test_store_add_twice_changes_nothing(filled: Ledger) -> None:
    before = filled.count()
    assert filled.add(CENTCOM) is False
    # The same text with other whitespace and quotes is the same document.
    respaced = Document("  " + CENTCOM_TEXT.replace(" ", "\n", 3), name="other-name")
    assert filled.add(Extraction(respaced, CENTCOM.figures, ())) is False
    assert filled.count() == before


def test_store_failed_add_leaves_nothing_of_the_document() -> None:
    duplicate = UNAMA.figures[0]
    broken = Extraction(UNAMA.document, (*UNAMA.figures, duplicate), UNAMA.checks)
    with Ledger(":memory:") as ledger:
        with pytest.raises(LedgerError, match="unama-h1-2018"):
            ledger.add(broken)
        assert ledger.count() == {"documents": 0, "figures": 0, "checks": 0}
        assert ledger.add(UNAMA)  # the failed attempt left no trace that blocks a retry
        assert ledger.count() == {"documents": 1, "figures": 2, "checks": 2}


def test_store_migrations_recorded_once(tmp_path: Path) -> None:
    path = str(tmp_path / "ledger.duckdb")
    with Ledger(path) as ledger:
        ledger.add(CAMP)
    with Ledger(path) as ledger:
        assert ledger.migrations() == [step.name for step in MIGRATIONS]
        assert ledger.count()["documents"] == 1


def test_store_appended_migration_applies_to_an_existing_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "ledger.duckdb")
    Ledger(path).close()

    def create_later_table(con: store.Connection) -> None:
        con.execute("CREATE TABLE later_table (name VARCHAR PRIMARY KEY)")

    monkeypatch.setattr(store, "MIGRATIONS", [*MIGRATIONS, Migration("create_later_table",
                                                                       create_later_table)])
    for _ in range(2):
        with Ledger(path) as ledger:
            assert ledger.migrations()[-1] == "create_later_table"
            assert len(ledger.migrations()) == len(MIGRATIONS) + 1


def test_store_unopenable_path_names_it(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "ledger.duckdb"
    with pytest.raises(LedgerError, match="missing-folder"):
        Ledger(str(path))


# Round trip: any figure comes back from the ledger exactly as ``Figure.to_json`` wrote it.

optional_text = st.none() | st.text(max_size=20)
optional_day = st.none() | st.dates()
offsets = st.integers(min_value=0, max_value=2**31 - 1)


@st.composite
def figures(draw: st.DrawFn, doc: str, id: str) -> Figure:
    low = draw(st.integers(min_value=0, max_value=10**12))
    quantity = Quantity(
        low=low, high=draw(st.none() | st.integers(min_value=low, max_value=10**13)),
        qualifier=draw(st.sampled_from(Qualifier)), number_text=draw(st.text(max_size=20)),
        start=draw(offsets), end=draw(offsets))
    return Figure(
        doc=doc, id=id, start=draw(offsets), end=draw(offsets), text=draw(st.text(max_size=40)),
        quantity=quantity, measure=draw(st.sampled_from(Measure)), counted=draw(optional_text),
        actor=draw(optional_text),
        locations=tuple(draw(st.lists(st.text(max_size=12), max_size=3))),
        period_start=draw(optional_day), period_end=draw(optional_day),
        time_text=draw(optional_text), source=draw(optional_text),
        also_at=tuple(draw(st.lists(st.tuples(offsets, offsets), max_size=3))),
    )


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    document = Document(text=draw(st.text(min_size=1, max_size=60)), name=draw(optional_text),
                        published=draw(optional_day))
    count = draw(st.integers(min_value=0, max_value=4))
    found = tuple(draw(figures(document.key, f"f{n + 1}")) for n in range(count))
    return Extraction(document, found, ())


@settings(max_examples=60, deadline=None)
@given(extractions())
def test_store_figures_round_trip_unchanged(extraction: Extraction) -> None:
    with Ledger(":memory:") as ledger:
        assert ledger.add(extraction)
        rows = sorted(ledger.figures(), key=lambda row: row["id"])
    published = extraction.document.published
    assert rows == [
        {**figure.to_json(), "published": published and published.isoformat(),
         "title": None}
        for figure in extraction.figures
    ]


# --- hostile input and faults (issue 12) --------------------------------------------------------

def test_store_second_text_under_a_used_id_is_refused_and_the_ledger_stays_whole() -> None:
    other = Extraction(Document(CAMP_TEXT, name="unama-h1-2018", path="feed.jsonl", line=2),
                       CAMP.figures, ())
    with Ledger(":memory:") as ledger:
        assert ledger.add(UNAMA)
        with pytest.raises(store.DuplicateIdError) as raised:
            ledger.add(other)
        assert str(raised.value).startswith("feed.jsonl:2: id 'unama-h1-2018' is already used")
        assert ledger.count()["documents"] == 1
        ledger.reconcile()
        ledger.merge_incidents()
        assert [row["doc"] for row in ledger.figures()] == ["unama-h1-2018"] * 2


def test_store_rebuild_renames_ids_shared_in_an_older_ledger() -> None:
    with Ledger(":memory:") as ledger:
        ledger.add(UNAMA)
        ledger.add(CAMP)
        # As an older newsledger left it: two texts under one id.
        ledger._con.execute("UPDATE documents SET name = 'unama-h1-2018'")
        assert ledger.rebuild()["renamed"] == 1
        names = sorted(row["name"] for row in ledger.documents())
        assert names[0] == "unama-h1-2018" and names[1].startswith("unama-h1-2018~")
        assert ledger.stale() == []


class FullDisk:
    """A connection whose COMMIT fails the way DuckDB's does on a full disk; the rest passes."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            self.con.execute("ROLLBACK")  # DuckDB ends the transaction when its commit fails
            raise store.duckdb.IOException("could not write file: No space left on device")
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def test_store_failed_commit_is_one_error_and_the_ledger_stays_consistent() -> None:
    with Ledger(":memory:") as ledger:
        ledger.add(UNAMA)
        real = ledger._con
        ledger._con = FullDisk(real)  # type: ignore[assignment]
        with pytest.raises(LedgerError, match="No space left on device") as raised:
            ledger.add(CAMP)
        assert "no transaction" not in str(raised.value)
        ledger._con = real
        assert ledger.count()["documents"] == 1
        assert ledger.add(CAMP)  # once there is room again


def test_store_derived_state_is_stale_until_reconciled_and_merged() -> None:
    with Ledger(":memory:") as ledger:
        assert ledger.stale() == []
        ledger.add(UNAMA)  # an ingest killed here never recomputes groups or incidents
        assert ledger.stale() == ["groups, cross-report checks and derived figures",
                                  "merged incidents"]
        ledger.merge_incidents()
        assert ledger.stale() == ["groups, cross-report checks and derived figures"]
        ledger.reconcile()  # merges the incidents again: event figures group by them
        assert ledger.stale() == []


def test_store_read_only_ledger_lists_and_refuses_writes(tmp_path: Path) -> None:
    path = str(tmp_path / "ledger.duckdb")
    with Ledger(path) as ledger:
        ledger.add(UNAMA)
    with Ledger(path, read_only=True) as reader, Ledger(path, read_only=True) as second:
        assert len(reader.figures()) == len(second.figures()) == 2
        with pytest.raises(LedgerError, match="needs the ledger opened for writing"):
            reader.add(CAMP)


@pytest.mark.parametrize("path", ["md:ledger", "motherduck:ledger", "s3://bucket/ledger.duckdb",
                                  "https://example.org/ledger.duckdb"])
def test_store_only_local_ledger_files_are_opened(path: str) -> None:
    with pytest.raises(LedgerError, match="only a local ledger file"):
        Ledger(path)


# --- batched writes (issue 11) ------------------------------------------------------------------

BROKEN_UNAMA = Extraction(UNAMA.document, (*UNAMA.figures, UNAMA.figures[0]), UNAMA.checks)
CAMP_UNDER_UNAMA_ID = Extraction(Document(CAMP_TEXT, name="unama-h1-2018"), CAMP.figures, ())


def table_rows(ledger: Ledger) -> dict[str, list[Any]]:
    """Every stored row but the time of ingest, table by table, sorted."""
    tables = {"documents": "id, name, title, published, url, outlet, path, text",
              "figures": "*", "checks": "*", "incidents": "*"}
    return {table: sorted(map(repr, ledger._con.execute(
        f"SELECT {columns} FROM {table}").fetchall())) for table, columns in tables.items()}


@pytest.mark.parametrize(
    ("stored_before", "batch", "outcomes", "documents"),
    [
        ([], [CENTCOM, CAMP, UNAMA], [True, True, True], 3),
        ([CAMP], [CENTCOM, CAMP, CENTCOM], [True, False, False], 2),  # present; twice in batch
        ([], [CENTCOM, BROKEN_UNAMA, CAMP], [True, LedgerError, True], 2),  # one fails alone
        ([UNAMA], [CENTCOM, CAMP_UNDER_UNAMA_ID], [True, store.DuplicateIdError], 2),
        ([], [UNAMA, CAMP_UNDER_UNAMA_ID, CAMP], [True, store.DuplicateIdError, True], 2),
        ([], [], [], 0),
    ],
)
def test_store_add_all_is_add_one_by_one_in_one_transaction(
    stored_before: list[Extraction], batch: list[Extraction], outcomes: list[object],
    documents: int,
) -> None:
    with Ledger(":memory:") as batched, Ledger(":memory:") as single:
        for ledger in (batched, single):
            for extraction in stored_before:
                ledger.add(extraction)
        got = batched.add_all(batch)
        for extraction in batch:
            with contextlib.suppress(LedgerError, store.DuplicateIdError):
                single.add(extraction)
        assert [o if isinstance(o, bool) else type(o) for o in got] == outcomes
        assert batched.count()["documents"] == documents
        assert table_rows(batched) == table_rows(single)


# A ledger whose groups were stored with their ids (before migration number_groups_on_read)
# back to that form: the ids and the conflict and check reasons that name them, as stored.
_UNMIGRATE = (
    "CREATE TABLE groups_stored AS SELECT * FROM groups",
    "CREATE TABLE checks_stored AS SELECT * FROM checks",
    "ALTER TABLE reconcile_groups ADD COLUMN id VARCHAR",
    "UPDATE reconcile_groups SET id = n.id FROM group_numbers n "
    "WHERE n.sort_key = reconcile_groups.sort_key",
    "DROP VIEW checks", "DROP VIEW groups", "DROP VIEW group_numbers",
    "DROP TABLE group_rows", "DROP TABLE check_rows",
    "ALTER TABLE groups_stored RENAME TO groups", "ALTER TABLE checks_stored RENAME TO checks",
    "DELETE FROM migrations WHERE name = 'number_groups_on_read'",
)


def test_store_group_ids_stored_by_an_older_version_read_the_same(news_ledger_file: str) -> None:
    with Ledger(news_ledger_file) as ledger:
        ledger.reconcile()
        before = (ledger.groups(), ledger.checks(), ledger.conflicts())
        for sql in _UNMIGRATE:
            ledger.query(sql)
        assert ledger.query("SELECT count(*) AS n FROM checks WHERE origin = 'reconcile' "
                            "AND reason LIKE 'g%'")[0]["n"] > 0
    with Ledger(news_ledger_file) as ledger:
        assert ledger.migrations()[-1] == "number_groups_on_read"
        assert (ledger.groups(), ledger.checks(), ledger.conflicts()) == before
        assert ledger.reconcile()["groups"] == len(before[0])  # nothing changed: nothing moves
        assert (ledger.groups(), ledger.checks(), ledger.conflicts()) == before
