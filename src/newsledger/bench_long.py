"""Benchmark case: one long document, to show extraction time grows linearly with its length.

Issue 12 found extraction quadratic in a document's length (50/100/200/400 KB took 1.3/3.8/12.6/
43.8 s): pairwise loops over all figures in checks, restatement merging, place and incident
reading. ``make bench`` times one news-like document of each size in ``LONG_SIZES_KB`` (synthetic
reports from ``examples/`` run together) and prints the time per KB of the longest over the
shortest: about 1 when time is linear.

``python -m newsledger.bench_long --ingest-mb 19`` writes one file of that many MB of such news and
times ``newsledger ingest`` on it (a fresh ledger, in a child process), with its peak memory: the
proportional set size (PSS) of the ingest and its worker processes summed (pages the workers
share with the main process are counted once), beside their summed resident sizes (which count
shared pages once per process) and the largest single process, and the CPU time (user, system) of
the ingest and its workers alone.

Resident sizes are sampled every 0.2 s from ``/proc/PID/statm`` (cheap); PSS every 2 s from
``smaps_rollup``, which walks a process's page tables: about 25 ms of system CPU per read of a
1.3 GB process, charged to this process. Sampled every 0.2 s, as before, that cost as much as a
fifth of a core on this machine's two and showed as 99 s of system CPU on the 19 MB file.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsledger.bench_corpus import count_words, generate_documents, load_examples

LONG_SIZES_KB = (50, 100, 200, 400)
# Time per KB of the longest document over the shortest above this counts as super-linear.
LINEAR_SLACK = 1.5


def long_text(kb: int, examples: Path, seed: int) -> str:
    """About ``kb`` KB of synthetic news, whole reports separated by blank lines, cut at a space."""
    parts: list[str] = []
    size = 0
    for document in generate_documents(load_examples(examples), 1_000_000, seed):
        parts.append(document.text)
        size += len(document.text) + 2
        if size >= kb * 1024:
            break
    text = "\n\n".join(parts)[: kb * 1024]
    return text[: text.rfind(" ")] if " " in text else text


def time_long_document(kb: int, examples: Path, seed: int) -> tuple[float, int, int]:
    """Seconds to extract one ``kb`` KB document (model already loaded), its words, its figures."""
    from newsledger.ingest import read_text_document
    from newsledger.pipeline import extract, load_tables

    load_tables()
    document = read_text_document(long_text(kb, examples, seed), published=date(2024, 7, 1))
    start = time.perf_counter()
    extraction = extract(document)
    seconds = time.perf_counter() - start
    return seconds, count_words(document.text), len(extraction.figures)


def growth(seconds_by_kb: dict[int, float]) -> float:
    """Time per KB of the longest document over that of the shortest (1.0 = linear)."""
    shortest, longest = min(seconds_by_kb), max(seconds_by_kb)
    if not seconds_by_kb[shortest]:
        return 1.0
    return (seconds_by_kb[longest] / longest) / (seconds_by_kb[shortest] / shortest)


@dataclass(frozen=True)
class IngestRun:
    """One timed ``newsledger ingest`` of a long file."""

    megabytes: float
    words: int
    seconds: float
    peak_pss_mb: float
    peak_rss_mb: float
    largest_mb: float
    summary: str
    returncode: int
    user_seconds: float = 0.0  # CPU of the ingest and its workers (not of this sampler)
    system_seconds: float = 0.0

    def line(self) -> str:
        """The result in one line, as README and CHANGELOG quote it."""
        return (f"{self.megabytes:.1f} MB file, {self.words:,} words: ingest {self.seconds:.1f} s, "
                f"peak memory {self.peak_pss_mb:,.0f} MB (PSS of all its processes; RSS summed "
                f"{self.peak_rss_mb:,.0f} MB, largest process {self.largest_mb:,.0f} MB); exit "
                f"{self.returncode}; CPU {self.user_seconds:.1f} s user + "
                f"{self.system_seconds:.1f} s system: {self.summary}")


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


# Seconds between samples of the resident sizes (statm) and of the PSS (smaps_rollup, costly).
RSS_EVERY = 0.2
PSS_EVERY = 2.0
_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def _pss_mb(pids: list[int]) -> float:
    """Summed PSS of ``pids``, in MB (from smaps_rollup)."""
    pss = 0.0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        values = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:]
                  if line.split()[-1] == "kB"}
        pss += values.get("Pss", 0) / 1024
    return pss


def _rss_mb(pids: list[int]) -> tuple[float, float]:
    """Summed RSS and the largest RSS of ``pids``, in MB (from statm)."""
    sizes = []
    for pid in pids:
        try:
            sizes.append(int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE_MB)
        except (OSError, IndexError, ValueError):
            continue
    return sum(sizes), max(sizes, default=0.0)


def _watch(child: subprocess.Popen[str]) -> tuple[float, float, float]:
    """Peak summed PSS, summed RSS and largest RSS of ``child``'s tree until it exits."""
    pss = rss = largest = 0.0
    last_pss = -PSS_EVERY
    while child.poll() is None:
        pids = _tree(child.pid)
        now_rss, now_largest = _rss_mb(pids)
        rss, largest = max(rss, now_rss), max(largest, now_largest)
        if time.monotonic() - last_pss >= PSS_EVERY:
            pss, last_pss = max(pss, _pss_mb(pids)), time.monotonic()
        time.sleep(RSS_EVERY)
    return pss, rss, largest


def time_ingest(megabytes: float, examples: Path, seed: int, workers: int | None) -> IngestRun:
    """Write ``megabytes`` of synthetic news to one text file and time its ingest into a fresh
    ledger (a child process), sampling the memory of its process tree."""
    text = long_text(int(megabytes * 1024), examples, seed)
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as folder:
        path = Path(folder) / "long.txt"
        path.write_text(text, encoding="utf-8")
        command = [str(Path(sys.executable).with_name("newsledger")), "ingest", str(path),
                   "--db", str(Path(folder) / "ledger.duckdb"), "--quiet"]
        if workers:
            command += ["--workers", str(workers)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True)
        peak = _watch(child)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the ingest and its workers
        output = child.stdout.read() if child.stdout else ""
    lines = [line for line in output.splitlines() if line.strip()]
    # the ingest's own error lines first: a failed run says why, not only its counts
    errors = [line for line in lines if line.startswith("error:")][:3]
    return IngestRun(len(text.encode("utf-8")) / 2**20, count_words(text), seconds, *peak,
                     summary=" | ".join([*errors, *lines[-3:]]), returncode=child.returncode,
                     user_seconds=after.ru_utime - before.ru_utime,
                     system_seconds=after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> None:
    """``python -m newsledger.bench_long [KB ...]``: time one document of each size in this
    process (the model is loaded once, before the first timing); ``--ingest-mb MB [--workers N]``
    times the ingest of one file of that size instead."""
    import argparse

    from newsledger.bench_corpus import EXAMPLES, SEED

    parser = argparse.ArgumentParser(prog="python -m newsledger.bench_long")
    parser.add_argument("sizes", nargs="*", type=int, help="document sizes in KB")
    parser.add_argument("--ingest-mb", type=float, help="time `newsledger ingest` of one file "
                        "of this many MB (peak memory of all its processes)")
    parser.add_argument("--workers", type=int, help="--workers for that ingest")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.ingest_mb:
        print(time_ingest(args.ingest_mb, EXAMPLES, SEED, args.workers).line(), flush=True)
        return
    sizes = args.sizes or list(LONG_SIZES_KB)
    seconds_by_kb = {}
    for kb in sizes:
        seconds, words, figures = time_long_document(kb, EXAMPLES, SEED)
        seconds_by_kb[kb] = seconds
        print(f"{kb} KB: {seconds:.1f} s, {words:,} words, {figures:,} figures", flush=True)
    print(f"time per KB, longest / shortest: x{growth(seconds_by_kb):.2f}")


if __name__ == "__main__":
    main()


__all__ = ["LINEAR_SLACK", "LONG_SIZES_KB", "IngestRun", "growth", "long_text", "time_ingest",
           "time_long_document"]
