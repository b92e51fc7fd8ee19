"""``spark-extract``: the extraction of ``pipeline.extract`` run on Spark, written as Parquet.

The job, in three stages (docs/spark.md):
    1. the driver lists the input files (folders expanded as ``ingest`` does) and numbers them;
    2. executors read their files with the shared readers (``ingest.read_inputs``: text, HTML,
       JSONL, gold JSON, WARC) and the documents are spread over ``partitions``;
    3. each partition is extracted by ``pipeline.extract_all`` in one Python worker, which loads
       the spaCy model and the tables once (they are cached per process, and pyspark reuses its
       Python workers across tasks), then turns each extraction into rows of the five tables of
       ``extraction_tables``; the rows are cached so extraction runs once for all five writes.

Executors need newsledger and its dependencies installed (the model is a Python package) and the
input paths readable at the same place as on the driver (local mode, or a shared filesystem).
The output folder may be any path Spark can write (``file:``, ``hdfs:``, ``s3a:``).
"""

from __future__ import annotations

import os
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urlparse

from newsledger.errors import InputError, SparkError
from newsledger.extraction_tables import SCHEMAS, TABLES, Row, error_row, extraction_rows
from newsledger.ingest import STDIN, folder_listing, read_inputs
from newsledger.model import Document
from newsledger.pipeline import extract_all, load_tables

# Local mode talks to itself only: no web UI, the driver bound to the loopback address.
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
}
# Every executor's Python workers fork from a daemon that has loaded the model and tables.
DAEMON_CONF = {"spark.python.daemon.module": "newsledger.spark_daemon"}
Tagged = tuple[str, Row]
Item = tuple[int, int, Document | Row]  # file_no, doc_no, a document or an error row


@dataclass
class SparkSummary:
    """What a run wrote: rows per table, and the inputs that failed."""

    counts: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        """One line: documents, figures, checks, incidents written, inputs failed."""
        c = self.counts
        return (f"{c['documents']} documents, {c['figures']} figures, {c['checks']} checks, "
                f"{c['incidents']} incidents written; {len(self.errors)} failed")


def spark_session(master: str = "local[*]", conf: dict[str, str] | None = None) -> Any:
    """A SparkSession on ``master``; in local mode its Python workers run this interpreter."""
    from pyspark.sql import SparkSession  # imported here: pyspark is only needed for this job

    local = master.startswith("local")
    if local:
        # pyspark starts its Python workers with PYSPARK_PYTHON (default: python3 on PATH);
        # in local mode they must be this interpreter, the one newsledger is installed in.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        # The JVM would otherwise look up the machine's network address to bind to.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    settings = {**DAEMON_CONF, **(LOCAL_CONF if local else {}), **(conf or {})}
    builder = SparkSession.builder.master(master).appName("newsledger spark-extract")
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # pyspark raises plain runtime errors when the JVM cannot start
        raise SparkError(f"Spark could not start on {master}: {_first_line(error)} (Spark needs "
                         "Java 17 or later on PATH or in JAVA_HOME)") from error
    session.sparkContext.setLogLevel("ERROR")
    return session


def input_files(inputs: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """The files of ``inputs`` in the order ``ingest`` reads them, folders expanded, and an error
    for each sub-folder that cannot be listed."""
    files: list[str] = []
    errors: list[InputError] = []
    for path in inputs:
        if path == STDIN:
            raise SparkError("spark-extract cannot read standard input: save it to a file")
        if os.path.isdir(path):
            listed, unreadable = folder_listing(path)
            files.extend(listed)
            errors.extend(unreadable)
        else:
            files.append(path)
    return files, errors


def spark_extract(
    session: Any,
    inputs: Sequence[str],
    out: str,
    *,
    partitions: int | None = None,
    overwrite: bool = False,
) -> SparkSummary:
    """Extract every document of ``inputs`` on ``session`` into Parquet tables under ``out``."""
    files, unlisted = input_files(inputs)
    if not overwrite:
        _refuse_existing(out)
    context = session.sparkContext
    slices = max(1, min(len(files), context.defaultParallelism * 4))
    documents = context.parallelize(list(enumerate(files)), slices).flatMap(_read_file)
    # A JSONL or WARC file holds many documents: spread them over every core, not one per file.
    spread = documents.repartition(partitions or context.defaultParallelism * 4)
    rows = spread.mapPartitions(_extract_partition).persist(_storage_level())
    try:
        for table in TABLES:
            _write(session, rows, table, f"{out.rstrip('/')}/{table}", overwrite)
        counts = Counter(rows.map(_table_of).countByValue())
        errors = sorted(rows.filter(partial(_in_table, "errors")).map(_row_of).collect(),
                        key=lambda row: (row["file_no"], row["line"] or 0))
    finally:
        rows.unpersist()
    failed = [InputError(e["path"], e["message"], e["line"]) for e in errors]
    return SparkSummary(counts, unlisted + failed)


def _refuse_existing(out: str) -> None:
    """Fail before any work when a local ``out`` already holds tables (Spark checks URIs)."""
    if urlparse(out).scheme:
        return
    taken = [table for table in TABLES if os.path.exists(os.path.join(out, table))]
    if taken:
        raise SparkError(f"{out} already holds the {', '.join(taken)} tables; pass --overwrite "
                         "to replace them")


def _write(session: Any, rows: Any, table: str, path: str, overwrite: bool) -> None:
    frame = session.createDataFrame(
        rows.filter(partial(_in_table, table)).map(_row_of), SCHEMAS[table]
    )
    try:
        frame.write.mode("overwrite" if overwrite else "errorifexists").parquet(path)
    except Exception as error:  # AnalysisException (exists), Py4JJavaError (cannot write)
        if "already exists" in str(error) or "PATH_ALREADY_EXISTS" in str(error):
            raise SparkError(f"{path} already exists; pass --overwrite to replace it") from error
        raise SparkError(f"{path}: writing the {table} table failed: "
                         f"{_first_line(error)}") from error


def _read_file(numbered: tuple[int, str]) -> Iterator[Item]:
    """The documents of one input file (on an executor), each with its place in the run."""
    file_no, path = numbered
    for doc_no, item in enumerate(read_inputs([path])):
        if isinstance(item, InputError):
            yield file_no, doc_no, error_row(file_no, item.path, item.line, item.message)
        else:
            yield file_no, doc_no, item


def _extract_partition(items: Iterable[Item]) -> Iterator[Tagged]:
    """Rows of every document of one partition; read errors are passed on as error rows."""
    places: deque[tuple[int, int]] = deque()
    failures: list[Row] = []

    def documents() -> Iterator[Document]:
        loaded = False
        for file_no, doc_no, item in items:
            if isinstance(item, Document):
                if not loaded:  # a no-op after the worker's first partition: cached per process
                    load_tables()
                    loaded = True
                places.append((file_no, doc_no))
                yield item
            else:
                failures.append(item)

    for result in extract_all(documents(), workers=1):  # Spark runs one worker per core
        file_no, doc_no = places.popleft()
        if isinstance(result, InputError):
            yield "errors", error_row(file_no, result.path, result.line, result.message)
        else:
            yield from extraction_rows(result, file_no, doc_no)
    yield from (("errors", failure) for failure in failures)


def _in_table(table: str, tagged: Tagged) -> bool:
    return tagged[0] == table


def _table_of(tagged: Tagged) -> str:
    return tagged[0]


def _row_of(tagged: Tagged) -> Row:
    return tagged[1]


def _storage_level() -> Any:
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def _first_line(error: BaseException) -> str:
    return (str(error) or type(error).__name__).strip().splitlines()[0]


__all__ = ["LOCAL_CONF", "SparkSummary", "input_files", "spark_extract", "spark_session"]
