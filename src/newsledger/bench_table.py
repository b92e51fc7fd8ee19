"""``make bench``: one table of what a user waits for, against spaCy's full pipeline.

Run as ``python -m newsledger.bench_table [--workers N] [--ledger-docs 10000]``. Every run is a
fresh process (its peak memory is its own); model and table loading are counted on both sides.

1. start-up: ``newsledger extract`` of one short document, against loading ``en_core_web_sm``
   alone (``python -c 'import spacy; spacy.load(...)'``); median of three, after one warm-up run
   (the gazetteer cache is built once per installation).
2. throughput: our pipeline (``extract_all``) against the full spaCy pipeline (``nlp.pipe``, NER
   included) on the same texts with the same number of processes, loading included:
   * a news-like corpus: documents generated from ``examples/`` (bench_corpus.py);
   * short descriptions: incident descriptions of RAND's data set when ``--data`` holds it
     (``rand_rdwti``, never shipped), else the paragraphs of the generated documents.
3. ingest: storing, reconciling and merging the incidents of 1,000 already extracted documents
   into an empty ledger and into one of ``--ledger-docs`` documents (built from copies of the
   examples' extractions without extracting again, ``bench_web.copy_of``); extraction costs the
   same in both and is left out.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsledger.bench import SPACY_MODEL, call_in_child, peak_memory_mb
from newsledger.bench_corpus import EXAMPLES, SEED, generate_documents, load_examples, paragraphs

NEWS_DOCS = 400
SHORT_DOCS = 2000
INGEST_DOCS = 1000
LEDGER_DOCS = 10_000
STARTUP_RUNS = 3
SHORT_MAX_WORDS = 120


@dataclass(frozen=True, slots=True)
class Spec:
    """One run in its own process."""

    kind: str  # ours | spacy | ingest
    corpus: str  # news | short | ledger
    docs: int
    workers: int
    data: str
    ledger_docs: int = 0
    templates: str = ""  # a pickle of the examples' extractions (ingest runs)


@dataclass(slots=True)
class Result:
    """Wall seconds (loading included) and peak memory in MB of one run."""

    seconds: float
    docs: int
    peak_mb: float
    workers_mb: float
    detail: str = ""


# --------------------------------------------------------------------------- corpora


def news_texts(docs: int) -> list[str]:
    """Generated news-like documents from the bundled examples."""
    examples = load_examples(EXAMPLES)
    return [d.text for d in generate_documents(examples, docs, SEED)]


def short_texts(docs: int, data: Path) -> tuple[list[str], str]:
    """Short incident descriptions and where they came from."""
    from newsledger.evaluate_incidents.datasets import DATASETS, read_dataset, sample_rows

    rand = next(d for d in DATASETS if d.name.startswith("rand"))
    if (data / rand.path).is_file():
        rows = sample_rows(read_dataset(rand, data), docs, SEED)
        return [row.text for row in rows], f"RAND descriptions ({data / rand.path})"
    pieces: list[str] = []
    for text in news_texts(max(1, docs // 8)):
        pieces.extend(p for p in paragraphs(text) if len(p.split()) <= SHORT_MAX_WORDS)
    return pieces[:docs], "paragraphs of the generated documents (no RAND data found)"


def _texts(spec: Spec) -> list[str]:
    if spec.corpus == "news":
        return news_texts(spec.docs)
    return short_texts(spec.docs, Path(spec.data))[0]


# --------------------------------------------------------------------------- runs


def run_ours(spec: Spec) -> Result:
    """Our pipeline over the texts, imports and tables loaded inside the timing."""
    from newsledger.model import Document

    texts = _texts(spec)
    start = time.perf_counter()
    from newsledger.pipeline import extract_all

    documents = (Document(text, name=f"t{n}") for n, text in enumerate(texts))
    figures = sum(len(getattr(e, "figures", ())) for e in extract_all(documents,
                                                                      workers=spec.workers))
    return Result(time.perf_counter() - start, len(texts), 0, 0, f"{figures:,} figures")


def run_spacy(spec: Spec) -> Result:
    """spaCy's full pipeline (NER included) over the same texts, loading inside the timing."""
    texts = _texts(spec)
    start = time.perf_counter()
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32,
                                                       n_process=spec.workers))
    return Result(time.perf_counter() - start, len(texts), 0, 0, f"{entities:,} entities")


def run_ingest(spec: Spec) -> Result:
    """Store, reconcile and merge ``spec.docs`` extracted documents into a ledger that holds
    ``spec.ledger_docs`` already; only the new documents are timed."""
    from newsledger.bench_web import copy_of
    from newsledger.extract.places import lookup_place
    from newsledger.store import Ledger

    templates = pickle.loads(Path(spec.templates).read_bytes())
    lookup_place("Iraq")  # the gazetteer loaded before the timing, as in a ledger in use
    with tempfile.TemporaryDirectory() as folder, Ledger(f"{folder}/bench.duckdb") as ledger:
        existing = [copy_of(templates[n % len(templates)], n, len(templates))
                    for n in range(spec.ledger_docs)]
        for first in range(0, len(existing), 256):
            ledger.add_all(existing[first : first + 256])
        ledger.reconcile()
        del existing
        new = [copy_of(templates[n % len(templates)], n, len(templates))
               for n in range(spec.ledger_docs, spec.ledger_docs + spec.docs)]
        start = time.perf_counter()
        for first in range(0, len(new), 64):
            ledger.add_all(new[first : first + 64])
        stored = time.perf_counter()
        ledger.reconcile()
        reconciled = time.perf_counter()
        ledger.merge_incidents()
        done = time.perf_counter()
    detail = (f"store {stored - start:.1f} s, reconcile {reconciled - stored:.1f} s, "
              f"merge {done - reconciled:.1f} s")
    return Result(done - start, spec.docs, 0, 0, detail)


RUNNERS: dict[str, Callable[[Spec], Result]] = {
    "ours": run_ours, "spacy": run_spacy, "ingest": run_ingest,
}


def in_child(spec: Spec) -> Result:
    """Run ``spec`` in a fresh process (ru_maxrss is a lifetime peak)."""
    return Result(**call_in_child(_measured, spec, spec.kind))


def _measured(spec: Spec) -> dict[str, Any]:
    result = RUNNERS[spec.kind](spec)
    result.peak_mb, result.workers_mb = peak_memory_mb()
    return asdict(result)


def startup(command: Sequence[str], runs: int = STARTUP_RUNS) -> float:
    """Median wall seconds of a command, after one warm-up run."""
    times = []
    for n in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        if n:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


# --------------------------------------------------------------------------- the table


def measure(args: argparse.Namespace) -> list[tuple[str, str, str, str]]:
    """Rows of the table: (what, ours, spaCy or reference, ratio)."""
    rows: list[tuple[str, str, str, str]] = []
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        one = Path(folder) / "one.txt"
        one.write_text("Gunmen killed 12 villagers in Kidal on Tuesday, officials said.\n",
                       encoding="utf-8")
        ours = startup([str(bin_dir / "newsledger"), "extract", str(one), "--quiet"])
    spacy_load = startup([sys.executable, "-c", f"import spacy; spacy.load({SPACY_MODEL!r})"])
    rows.append(("start-up: extract one document / load spaCy alone", f"{ours:.2f} s",
                 f"{spacy_load:.2f} s", f"{ours / spacy_load:.2f}"))
    short_source = short_texts(1, args.data)[1]
    for corpus, docs, label in (("news", args.news_docs, "news-like documents"),
                                ("short", args.short_docs, "short descriptions")):
        mine = in_child(Spec("ours", corpus, docs, args.workers, str(args.data)))
        theirs = in_child(Spec("spacy", corpus, docs, args.workers, str(args.data)))
        rows.append((f"{mine.docs:,} {label}, {args.workers} processes: ours / spaCy full",
                     f"{mine.seconds:.1f} s", f"{theirs.seconds:.1f} s",
                     f"{mine.seconds / theirs.seconds:.2f}"))
        rows.append((f"  peak memory (main + largest worker), {label}",
                     f"{mine.peak_mb:.0f} + {mine.workers_mb:.0f} MB",
                     f"{theirs.peak_mb:.0f} + {theirs.workers_mb:.0f} MB", ""))
    with tempfile.TemporaryDirectory() as folder:
        from newsledger.pipeline import extract

        templates = Path(folder) / "templates.pickle"
        templates.write_bytes(pickle.dumps([extract(d) for d in load_examples(EXAMPLES)]))
        empty, large = (in_child(Spec("ingest", "ledger", args.ingest_docs, 1, str(args.data),
                                      size, str(templates)))
                        for size in (0, args.ledger_docs))
    rows.append((f"ingest {args.ingest_docs:,} extracted documents: into {args.ledger_docs:,} "
                 "/ into an empty ledger", f"{large.seconds:.1f} s", f"{empty.seconds:.1f} s",
                 f"{large.seconds / empty.seconds:.2f}"))
    rows.append(("  per document", f"{1000 * large.seconds / large.docs:.1f} ms",
                 f"{1000 * empty.seconds / empty.docs:.1f} ms", ""))
    rows.append(("  where the time goes", large.detail, empty.detail, ""))
    rows.append(("  peak memory", f"{large.peak_mb:.0f} MB", f"{empty.peak_mb:.0f} MB", ""))
    rows.append(("short descriptions from", short_source, "", ""))
    return rows


def print_table(rows: Sequence[tuple[str, str, str, str]], workers: int) -> None:
    """The rows as a Markdown table (it pastes into README and CHANGELOG as it is)."""
    print(f"newsledger bench ({workers} processes, {os.cpu_count()} cores)\n")
    print("| measure | newsledger | spaCy / reference | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options of the table."""
    parser = argparse.ArgumentParser(prog="python -m newsledger.bench_table", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes on both sides (default: one per core)")
    parser.add_argument("--news-docs", type=int, default=NEWS_DOCS)
    parser.add_argument("--short-docs", type=int, default=SHORT_DOCS)
    parser.add_argument("--ingest-docs", type=int, default=INGEST_DOCS)
    parser.add_argument("--ledger-docs", type=int, default=LEDGER_DOCS,
                        help="documents already in the large ledger")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"),
                        help="labelled data sets (RAND descriptions), when present")
    args = parser.parse_args(argv)
    if min(args.workers, args.news_docs, args.short_docs, args.ingest_docs) < 1:
        parser.error("--workers and the document counts must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print the table."""
    args = parse_args(argv)
    started = time.perf_counter()
    # A cache of its own (built by the warm-up run): other checkouts of another version sharing
    # the user's cache would replace the gazetteer between runs and time its building instead.
    with tempfile.TemporaryDirectory() as cache:
        os.environ["NEWSLEDGER_CACHE_DIR"] = cache
        try:
            rows = measure(args)
        except (RuntimeError, subprocess.CalledProcessError) as error:
            sys.exit(f"bench: {error}")
    print_table(rows, args.workers)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
