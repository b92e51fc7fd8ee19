"""Fuzzing: hostile variants of news text through extraction; nothing may raise, every span fits.

Run as ``python -m newsledger.fuzz --inputs 100000 [--workers 2] [--seed N]`` (minutes to hours;
outside ``make test``, whose ``tests/test_fuzz.py`` runs a bounded hypothesis version).

Each input is a paragraph of the example reports (``examples/``) changed by a few of the
``MUTATIONS``: huge, negative-looking and spelled-out numbers, extreme dates and relative time
words, control characters and terminal escapes, stray brackets and quotes, very long words and
lines, text cut at random. A failure is printed with its seed and input number, so it can be
replayed with ``--seed S --first N --inputs 1``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from newsledger.bench_corpus import EXAMPLES, load_examples, paragraphs
from newsledger.model import Document, Extraction

HOSTILE_WORDS = (
    "999,999,999,999,999,999,999", "nine hundred ninety-nine quadrillion", "-5", "+7", "0",
    "1e308", "12,34,567", "1,000,000,000,000,000,000,000,000", "٣٤", "½", "100%",
    "next year", "last decade", "in the year 9999", "on 31 December 9999", "in 0001",
    "5,000 years ago", "yesterday", "between 1 and 2 and 3", "at least at most", "\x1b[2J",
    "\x1b]0;title\x07", "\x9b31m", "\u202e", "\ufeff", "\u2028", "\x00", "\r", "\t", "=cmd|'",
    "@SUM(1)", "[[[[", ")))", "\"'\"'", "killed killed killed", "of which", "in Iraq and Syria",
)


def _insert(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + " " + rng.choice(HOSTILE_WORDS) + " " + text[at:]


def _cut(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


def _long_word(text: str, rng: random.Random) -> str:
    return text + " " + rng.choice("x9-.") * rng.randrange(1000, 20000)


def _repeat(text: str, rng: random.Random) -> str:
    return " ".join([text] * rng.randrange(2, 12))


def _join_lines(text: str, rng: random.Random) -> str:
    return text.replace("\n", rng.choice(["", " ", "\r", "\r\n\r\n", "\u2029"]))


def _swap_digits(text: str, rng: random.Random) -> str:
    return "".join(rng.choice("0123456789") if c.isdigit() and rng.random() < 0.5 else c
                   for c in text)


MUTATIONS: tuple[Callable[[str, random.Random], str], ...] = (
    _insert, _insert, _insert, _cut, _long_word, _repeat, _join_lines, _swap_digits,
)
PUBLISHED = (None, date(1000, 1, 1), date(8999, 12, 31), date(2024, 2, 29), date(2023, 1, 1))


def fuzzed_inputs(pool: Sequence[str], seed: int, first: int, count: int) -> Iterator[Document]:
    """Inputs ``first`` .. ``first + count - 1`` of the stream for ``seed`` (each replayable)."""
    for number in range(first, first + count):
        rng = random.Random(f"{seed}:{number}")
        text = rng.choice(pool)
        for mutation in rng.sample(MUTATIONS, rng.randrange(1, 4)):
            text = mutation(text, rng)
        if text.strip():
            yield Document(text=text, published=rng.choice(PUBLISHED), name=f"fuzz-{number}")


def problems(extraction: Extraction) -> list[str]:
    """What is wrong with an extraction: spans outside the text or not its evidence."""
    text = extraction.document.text
    found = []
    for figure in extraction.figures:
        spans = [(figure.start, figure.end), (figure.quantity.start, figure.quantity.end),
                 *figure.also_at]
        if any(not 0 <= start <= end <= len(text) for start, end in spans):
            found.append(f"{figure.id}: a span is outside the text")
        elif text[figure.start : figure.end] != figure.text:
            found.append(f"{figure.id}: its text is not the text at its span")
    for incident in extraction.incidents:
        if not 0 <= incident.start <= incident.end <= len(text):
            found.append(f"{incident.id}: its span is outside the text")
    return found


def _check(document: Document) -> str | None:
    from newsledger.pipeline import extract

    try:
        wrong = problems(extract(document))
    except Exception as error:  # the point of fuzzing: report, never stop
        return f"{document.name}: {type(error).__name__}: {error}"
    return f"{document.name}: {'; '.join(wrong)}" if wrong else None


def main(argv: Sequence[str] | None = None) -> None:
    """Run the fuzzer and print every failure; exit 1 if there was one."""
    parser = argparse.ArgumentParser(prog="python -m newsledger.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--first", type=int, default=0, help="number of the first input")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from newsledger.pipeline import load_tables

    load_tables()
    pool = [p for document in load_examples(EXAMPLES) for p in paragraphs(document.text)]
    inputs = fuzzed_inputs(pool, args.seed, args.first, args.inputs)
    started, done, failures = time.perf_counter(), 0, 0
    context = multiprocessing.get_context("fork")
    with context.Pool(args.workers) as pool_of_workers:
        for failure in pool_of_workers.imap_unordered(_check, inputs, chunksize=16):
            done += 1
            if failure:
                failures += 1
                print(f"FAIL {failure}", flush=True)
            if done % 5000 == 0:
                print(f"{done:,} inputs, {failures} failures, "
                      f"{time.perf_counter() - started:.0f} s", flush=True)
    print(f"{done:,} inputs (seed {args.seed}), {failures} failures, "
          f"{time.perf_counter() - started:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
