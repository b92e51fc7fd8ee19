"""Fuzzing and faults (issue 12): hostile text never raises, spans stay inside their text, bad
bytes are one error each, and an ingest killed with SIGKILL leaves a ledger that resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import IO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.fuzz import HOSTILE_WORDS, problems
from newsledger.ingest import decode_text, read_inputs
from newsledger.model import Document, Extraction

# Words of a wire story (our own), mixed with the fuzzer's hostile words and any characters.
STORY_WORDS = ("Gunmen", "killed", "12", "people", "and", "wounded", "three", "in", "Kirkuk",
               "on", "Monday", ",", ".", "police", "said", "at least", "more than", "2,500",
               "soldiers", "of whom", "civilians", "last week", "\n", "\n\n", "ISIS", "claimed")
texts = st.lists(
    st.sampled_from(STORY_WORDS + HOSTILE_WORDS) | st.text(max_size=6), min_size=1, max_size=60
).map(" ".join)
published = st.none() | st.dates(min_value=date(1000, 1, 1), max_value=date(8999, 12, 31))

BOUNDED = settings(max_examples=40, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])


# Inputs the long fuzzing run (`python -m newsledger.fuzz`) failed on, rewritten in our words.
FOUND_BY_FUZZING = [
    # an attribution with nothing but a sign in it ("According to  +7 the ...")
    ("According to  +7 the monitor's count, gunmen killed 12 villagers in Kidal.", None),
    # a 'since' phrase weighed against a report period near the calendar's end (OverflowError)
    ("Gunmen killed 12 villagers in Kidal since 2022, officials said. The army has staged raids "
     "since 2020 and detained 40 suspects.", date(8999, 12, 31)),
]


@pytest.mark.parametrize(("text", "published"), FOUND_BY_FUZZING)
def test_fuzz_found_inputs_now_extract(
    extract_text: Callable[..., Extraction], text: str, published: date | None
) -> None:
    extraction = extract_text(text, published=published)
    assert extraction.figures and problems(extraction) == []


@BOUNDED
@given(text=texts, day=published)
def test_fuzz_extract_never_raises_and_spans_fit(
    extract_text: Callable[..., Extraction], text: str, day: date | None
) -> None:
    extraction = extract_text(text, published=day)
    assert problems(extraction) == []


@BOUNDED
@given(data=st.binary(max_size=300))
def test_fuzz_bytes_are_text_or_one_error(data: bytes) -> None:
    result = decode_text(data, "fuzz.txt")
    assert isinstance(result, str | InputError)


@BOUNDED
@given(line=st.text(max_size=80) | st.sampled_from(['{"text": ' + "[" * 3000,
                                                     '{"id": 1e999, "text": "x"}']))
def test_fuzz_jsonl_line_is_a_document_or_one_error(tmp_path_factory: pytest.TempPathFactory,
                                                    line: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "feed.jsonl"
    path.write_bytes(line.replace("\n", " ").encode("utf-8", errors="surrogatepass"))
    results = list(read_inputs([str(path)]))
    assert all(isinstance(result, Document | InputError) for result in results)


STORIES = [
    f"KIRKUK, March {day} - Gunmen killed {day + 2} people and wounded {day} others in an attack "
    f"on a checkpoint in Hawija district on Monday, police said. Report number {day}."
    for day in range(1, 301)
]


# The ingest command, telling on standard error each time a batch of documents is committed:
# the test kills it on that line, not after a guess at time or file size.
TELLING_INGEST = """
import sys
from newsledger.store import Ledger
add_all = Ledger.add_all
def telling(self, extractions):
    outcomes = add_all(self, extractions)
    print(f"committed {len(outcomes)}", file=sys.stderr, flush=True)
    return outcomes
Ledger.add_all = telling
from newsledger.cli import app
sys.argv[0] = "newsledger"
app()
"""


def test_fuzz_ingest_killed_mid_run_resumes_to_a_whole_ledger(tmp_path: Path) -> None:
    from newsledger.store import Ledger

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"s{n}", "text": text})
                              for n, text in enumerate(STORIES)), encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")
    arguments = ["ingest", str(feed), "--db", db]
    # Its own process group: SIGKILL reaches the extraction workers too, as a killed job's would.
    started = subprocess.Popen([sys.executable, "-c", TELLING_INGEST, *arguments],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    assert started.stderr is not None
    # Only against a hang (a bug): the kill below waits on what the ingest says, not on time.
    hung = threading.Timer(600, os.killpg, (started.pid, signal.SIGKILL))
    hung.start()
    told = _first_commit(started.stderr)
    if told:  # one batch or more is committed, the next may be half-way: kill it there
        with suppress(ProcessLookupError):  # it may have finished in between
            os.killpg(started.pid, signal.SIGKILL)
    code = started.wait()
    hung.cancel()
    started.stderr.close()
    assert told, f"the ingest stopped (exit {code}) before committing anything"
    assert code in (0, -signal.SIGKILL), f"the ingest failed on its own (exit {code})"

    with Ledger(db, read_only=True) as ledger:  # the WAL replays: whole documents only
        stored = {row["name"]: row["figures"] for row in ledger.documents()}
        assert all(count > 0 for count in stored.values())
        assert 0 < len(stored) <= len(STORIES)
    resumed = subprocess.run([str(Path(sys.executable).with_name("newsledger")), *arguments],
                             capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(STORIES) - len(stored)} documents added, {len(stored)} already present" in (
        resumed.stdout)
    with Ledger(db, read_only=True) as ledger:
        assert ledger.stale() == []
        assert len(ledger.documents()) == len(STORIES)


def _first_commit(stream: IO[str]) -> bool:
    """Read ``stream`` to its first 'committed' line (True), or to its end (False: the ingest
    finished, or failed, before telling)."""
    return any(line.startswith("committed") for line in stream)
