"""Benchmark case: one long document, to show extraction time grows linearly with its length.

Issue 12 found extraction quadratic in a document's length (50/100/200/400 KB took 1.3/3.8/12.6/
43.8 s): pairwise loops over all figures in checks, restatement merging, place and incident
reading. ``make bench`` times one news-like document of each size in ``LONG_SIZES_KB`` (synthetic
reports from ``examples/`` run together) and prints the time per KB of the longest over the
shortest: about 1 when time is linear.
"""

from __future__ import annotations

import time
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


def main(argv: list[str] | None = None) -> None:
    """``python -m newsledger.bench_long [KB ...]``: time one document of each size in this
    process (the model is loaded once, before the first timing)."""
    import sys

    from newsledger.bench_corpus import EXAMPLES, SEED

    sizes = [int(arg) for arg in (sys.argv[1:] if argv is None else argv)] or list(LONG_SIZES_KB)
    seconds_by_kb = {}
    for kb in sizes:
        seconds, words, figures = time_long_document(kb, EXAMPLES, SEED)
        seconds_by_kb[kb] = seconds
        print(f"{kb} KB: {seconds:.1f} s, {words:,} words, {figures:,} figures", flush=True)
    print(f"time per KB, longest / shortest: x{growth(seconds_by_kb):.2f}")


if __name__ == "__main__":
    main()


__all__ = ["LINEAR_SLACK", "LONG_SIZES_KB", "growth", "long_text", "time_long_document"]
