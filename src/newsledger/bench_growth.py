"""How ingest cost grows with the ledger (issue 11): ledgers of N generated documents built once,
then 1,000 more ingested into a copy of each.

    python -m newsledger.bench_growth build 4000 --dir ledgers      # ledgers/ledger-4000.duckdb
    python -m newsledger.bench_growth extend 4000 --to 16000 --dir ledgers
    python -m newsledger.bench_growth measure 16000 --dir ledgers   # 0: into an empty ledger

Documents are copies of the examples' extractions (``bench_web.copy_of``: dates a week later
per round of copies), so extraction is left out and the same N gives the same ledger. ``build``
stores N documents and reconciles once (a full run: it holds the ledger in Python); ``extend``
goes from one ledger to a larger one 4,000 documents an ingest (incremental, which gives the
ledger of a full run). ``measure`` prints wall and CPU seconds (user + sys of the process, the
steadier measure on shared cores) of storing, reconciling, merging and closing (the closing
checkpoint), and the peak memory (resident, and proportional: PSS, sampled); it lets go of the
file after every write as ``newsledger ingest`` does (``--held`` keeps it open throughout, as
the measurements before branch scale13 did). ``--sql`` also prints every statement that took
over 0.1 s.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import shutil
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsledger.model import Extraction

STEP = 4000  # documents an ingest when extending a ledger
BATCH = 64  # documents a write when measuring, as bench_table does


def templates(folder: Path) -> list[Extraction]:
    """The examples' extractions, extracted once and kept in ``folder``."""
    path = folder / "templates.pickle"
    if not path.exists():
        from newsledger.bench_corpus import EXAMPLES, load_examples
        from newsledger.pipeline import extract

        path.write_bytes(pickle.dumps([extract(d) for d in load_examples(EXAMPLES)]))
    found: list[Extraction] = pickle.loads(path.read_bytes())
    return found


def copies(folder: Path, first: int, count: int) -> list[Extraction]:
    """Documents ``first`` to ``first + count - 1`` of the generated series."""
    from newsledger.bench_web import copy_of

    made = templates(folder)
    return [copy_of(made[n % len(made)], n, len(made)) for n in range(first, first + count)]


def clock() -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + sys, every thread) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PeakPss:
    """The largest proportional set size of this process, sampled in a thread (Linux only)."""

    def __init__(self, every: float = 0.1) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(every,), daemon=True)

    def _sample(self, every: float) -> None:
        while not self._stop.is_set():
            try:
                text = Path("/proc/self/smaps_rollup").read_text()
            except OSError:
                return
            for line in text.splitlines():
                if line.startswith("Pss:"):
                    self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            self._stop.wait(every)

    def __enter__(self) -> PeakPss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def ledger_path(folder: Path, size: int) -> Path:
    return folder / f"ledger-{size}.duckdb"


def build(folder: Path, size: int) -> str:
    """A ledger of ``size`` documents, stored and reconciled once."""
    from newsledger.store import Ledger

    path = ledger_path(folder, size)
    path.unlink(missing_ok=True)
    start = clock()
    with Ledger(str(path)) as ledger:
        for first in range(0, size, 1000):
            batch = copies(folder, first, min(1000, size - first))
            for at in range(0, len(batch), 256):
                ledger.add_all(batch[at : at + 256])
        ledger.reconcile()
        ledger.merge_incidents()
    return f"built {path}{_spent(start)}"


def extend(folder: Path, size: int, to: int) -> str:
    """The ledger of ``to`` documents from a copy of that of ``size``, ``STEP`` an ingest."""
    from newsledger.store import Ledger

    path = ledger_path(folder, to)
    shutil.copy(ledger_path(folder, size), path)
    start = clock()
    with Ledger(str(path)) as ledger:
        for first in range(size, to, STEP):
            batch = copies(folder, first, min(STEP, to - first))
            for at in range(0, len(batch), 256):
                ledger.add_all(batch[at : at + 256])
            ledger.reconcile()
            ledger.merge_incidents()
            print(f"  {first + len(batch):,} documents", flush=True)
    return f"extended to {path}{_spent(start)}"


def _spent(start: tuple[float, float]) -> str:
    wall, cpu = clock()
    return f" in {wall - start[0]:.1f} s wall, {cpu - start[1]:.1f} s CPU, peak {peak_mb():.0f} MB"


class LoggedConnection:
    """A DuckDB connection that prints the statements that take over 0.1 s."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, *args: Any) -> Any:
        start = clock()
        result = self._connection.execute(sql, *args)
        wall, cpu = clock()
        if wall - start[0] > 0.1:
            print(f"SQL {wall - start[0]:6.2f} s {cpu - start[1]:6.2f} CPU  "
                  f"{' '.join(sql.split())[:200]}", file=sys.stderr)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


def measure(folder: Path, size: int, docs: int = 1000, sql: bool = False,
            held: bool = False) -> str:
    """Store, reconcile and merge ``docs`` more documents into a copy of the ledger of
    ``size`` (0: an empty one), then close it; the copy is removed after. Unless ``held``,
    the file is let go after every write, as ``newsledger ingest`` does between batches."""
    from newsledger.extract.places import lookup_place
    from newsledger.store import Ledger

    lookup_place("Iraq")  # the gazetteer loaded before the timing, as in a ledger in use
    work = folder / f"work-{os.getpid()}.duckdb"
    work.unlink(missing_ok=True)
    if size:
        shutil.copy(ledger_path(folder, size), work)
    new = copies(folder, size, docs)
    try:
        with PeakPss() as pss:
            ledger = Ledger(str(work))
            if sql:
                ledger._con = LoggedConnection(ledger._con)  # type: ignore[assignment]
            start = clock()
            for at in range(0, len(new), BATCH):
                ledger.add_all(new[at : at + BATCH])
                if not held and not sql:
                    ledger.release()
            stored = clock()
            ledger.reconcile()
            reconciled = clock()
            ledger.merge_incidents()
            merged = clock()
            ledger.close()
            done = clock()
    finally:
        work.unlink(missing_ok=True)
        Path(f"{work}.wal").unlink(missing_ok=True)
    steps = zip(("store", "reconcile", "merge", "close"), (start, stored, reconciled, merged),
                (stored, reconciled, merged, done), strict=True)
    split = ", ".join(f"{name} {b[0] - a[0]:.1f}/{b[1] - a[1]:.1f}" for name, a, b in steps)
    return (f"{docs:,} documents into {size:,}: {done[0] - start[0]:.1f} s wall / "
            f"{done[1] - start[1]:.1f} s CPU ({split} wall/CPU s); peak {peak_mb():.0f} MB "
            f"RSS, {pss.peak_kb / 1024:.0f} MB PSS")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m newsledger.bench_growth",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["build", "extend", "measure"])
    parser.add_argument("size", type=int, help="documents in the ledger (0: empty)")
    parser.add_argument("--to", type=int, help="extend: documents in the new ledger")
    parser.add_argument("--docs", type=int, default=1000, help="measure: documents ingested")
    parser.add_argument("--dir", type=Path, default=Path("bench-ledgers"))
    parser.add_argument("--sql", action="store_true",
                        help="measure: print slow statements (the file is held throughout)")
    parser.add_argument("--held", action="store_true",
                        help="measure: keep the file open between writes")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.what == "build":
        print(build(args.dir, args.size))
    elif args.what == "extend":
        if args.to is None or args.to <= args.size:
            parser.error("extend needs --to larger than the size")
        print(extend(args.dir, args.size, args.to))
    else:
        print(measure(args.dir, args.size, args.docs, args.sql, args.held))


if __name__ == "__main__":
    main()
