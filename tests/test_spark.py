"""spark-extract (local mode) against the local path: same figures, checks, incidents, ledger."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.errors import SparkError
from newsledger.extract.incidents import incident_line
from newsledger.extraction_tables import TABLES, extraction_from_rows, extraction_rows
from newsledger.ingest import read_inputs
from newsledger.model import Document, Extraction
from newsledger.parquet_import import read_extractions
from newsledger.pipeline import extract_all
from newsledger.store import Ledger

runner = CliRunner()
POSITION = ["doc_id", "file_no", "doc_no"]


def contract_lines(extractions: Iterable[Extraction]) -> list[str]:
    """Every figure, check and incident line of ``extract --incidents``, sorted, as JSON text."""
    lines = []
    for extraction in extractions:
        objects = [f.to_json() for f in extraction.figures]
        objects += [c.to_json() for c in extraction.checks]
        objects += [incident_line(i) for i in extraction.incidents]
        lines += [json.dumps(line, sort_keys=True, ensure_ascii=False) for line in objects]
    return sorted(lines)


def local_extractions(corpus: Path) -> list[Extraction]:
    """The local path: the shared readers, then ``pipeline.extract_all``, errors left out."""
    documents = [d for d in read_inputs([str(corpus)]) if isinstance(d, Document)]
    return [e for e in extract_all(documents) if isinstance(e, Extraction)]


@pytest.fixture(scope="module")
def spark_run(spark: Any, spark_corpus: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Path, Any]:
    """spark-extract run once over the corpus in local[2]: its output folder and summary."""
    from newsledger.spark_extract import spark_extract

    out = tmp_path_factory.mktemp("spark") / "out"
    return out, spark_extract(spark, [str(spark_corpus)], str(out), partitions=2)


def test_spark_extract_gives_the_lines_of_extract(spark_run: tuple[Path, Any],
                                                  spark_corpus: Path) -> None:
    out, _summary = spark_run
    local = contract_lines(local_extractions(spark_corpus))
    assert any('"kind": "figure"' in line for line in local)
    assert any('"kind": "check"' in line for line in local)
    assert any('"kind": "incident"' in line for line in local)
    assert contract_lines(read_extractions(str(out))) == local


def test_figures_table_columns_are_the_figure_line_keys(spark_run: tuple[Path, Any],
                                                        spark_corpus: Path) -> None:
    out, _summary = spark_run
    table = pq.read_table(out / "figures")
    figures = [f for e in local_extractions(spark_corpus) for f in e.figures]
    assert table.column_names == POSITION + list(figures[0].to_json())
    stored = {(row["doc"], row["id"]): row for row in table.to_pylist()}
    for figure in figures:
        row = stored[(figure.doc, figure.id)]
        for key, value in figure.to_json().items():
            found = row[key].isoformat() if isinstance(row[key], date) else row[key]
            assert found == value, (figure.doc, figure.id, key)


def test_spark_extract_reports_bad_inputs_and_counts(spark_run: tuple[Path, Any]) -> None:
    out, summary = spark_run
    assert [(e.path.endswith("feed.jsonl"), e.line) for e in summary.errors] == [(True, 2)]
    assert "not valid JSON" in summary.errors[0].message
    # The crawl's image and 404 page are skipped, not errors: a story, 2 feed lines, a page.
    assert summary.counts["documents"] == 4
    assert pq.read_table(out / "documents").num_rows == 4
    assert sorted(path.name for path in out.iterdir()) == sorted(TABLES)


def test_import_builds_the_ledger_ingest_builds(spark_run: tuple[Path, Any],
                                                spark_corpus: Path, tmp_path: Path) -> None:
    out, _summary = spark_run
    ingested, imported = str(tmp_path / "ingest.duckdb"), str(tmp_path / "import.duckdb")
    first = runner.invoke(app, ["ingest", str(spark_corpus), "--db", ingested])
    second = runner.invoke(app, ["import", str(out), "--db", imported])
    assert first.exit_code == 1  # the bad feed line
    assert second.exit_code == 0, second.output
    assert "3 documents added, 1 already present" in second.output
    with Ledger(ingested) as a, Ledger(imported) as b:
        assert a.count() == b.count()
        assert a.figures() == b.figures()
        assert a.checks() == b.checks()
        assert a.groups() == b.groups()
        assert a.incidents() == b.incidents()


def test_ingest_points_an_extract_folder_to_import(spark_run: tuple[Path, Any],
                                                   tmp_path: Path) -> None:
    out, _summary = spark_run
    result = runner.invoke(app, ["ingest", str(out), "--db", str(tmp_path / "l.duckdb")])
    assert result.exit_code == 1
    assert "load it with 'newsledger import'" in result.output


def test_spark_extract_refuses_an_existing_output(spark: Any, spark_run: tuple[Path, Any],
                                                  spark_corpus: Path) -> None:
    from newsledger.spark_extract import spark_extract

    out, _summary = spark_run
    with pytest.raises(SparkError, match="already holds"):
        spark_extract(spark, [str(spark_corpus)], str(out))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-", "--out", "x"], "cannot read standard input"),
        (["a.txt", "--out", "x", "--conf", "no-equals-sign"], "expected KEY=VALUE"),
    ],
)
def test_spark_extract_rejects_bad_arguments_before_starting(
    arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, ["spark-extract", *arguments])
    assert result.exit_code != 0
    assert message in result.output


def test_import_names_a_folder_that_is_not_an_extract(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(tmp_path), "--db", str(tmp_path / "l.duckdb")])
    assert result.exit_code == 1
    assert "not a spark-extract output folder" in result.output


def test_rows_give_back_the_extraction(news_extractions: tuple[Extraction, ...],
                                       extract_text: Any) -> None:
    """The table rows of an extraction rebuild it (what import stores), without Spark."""
    from conftest import CORPUS_KUNDUZ

    real = extract_text(CORPUS_KUNDUZ, published=date(2024, 3, 4))
    assert real.incidents
    for extraction in (*news_extractions, real):
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for table, row in extraction_rows(extraction, 3, 1):
            tables[table].append(row)
        assert all(row["file_no"] == 3 and row["doc_no"] == 1 for row in tables["figures"])
        (document,) = tables["documents"]
        rebuilt = extraction_from_rows(document, tables["figures"], tables["checks"],
                                       tables["incidents"])
        assert rebuilt.document == extraction.document
        assert contract_lines([rebuilt]) == contract_lines([extraction])
