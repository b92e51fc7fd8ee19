"""Two processes on one ledger (issue 12): DuckDB lets one process write a file or many read it.
An ingest lets go of the file between its batches, so a read command run meanwhile reads what is
committed; a command finding the file held waits for it, saying so and for how long, or says who
holds it. Every test waits on lines the processes print, never on a guess at time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from newsledger.cli_common import READ_WAIT, WRITE_WAIT, ledger_wait

NEWSLEDGER = str(Path(sys.executable).with_name("newsledger"))

# Written by us in the style of a wire story; one document each, more than one batch of 64.
STORIES = [
    f"MOSUL, April {day % 28 + 1} - A roadside bomb killed {day + 3} soldiers and wounded "
    f"{day + 1} others on a road south of the city, officers said. Dispatch {day}."
    for day in range(80)
]

# The ingest command, which after its first committed batch (the file let go) says so on standard
# error and waits for a line on standard input before it goes on: the test reads the ledger then.
PAUSING_INGEST = """
import sys
from newsledger.store import Ledger
add_all, release = Ledger.add_all, Ledger.release
added = 0
def counting(self, extractions):
    global added
    outcomes = add_all(self, extractions)
    added += sum(outcome is True for outcome in outcomes)
    return outcomes
def pausing(self):
    held = self._connection is not None
    release(self)
    if held and added:
        print(f"released after {added}", file=sys.stderr, flush=True)
        if not getattr(pausing, "done", False):
            pausing.done = True
            sys.stdin.readline()
Ledger.add_all, Ledger.release = counting, pausing
from newsledger.cli import app
sys.argv[0] = "newsledger"
app()
"""

# A process holding the ledger (read-only or for writing) until a line comes on standard input.
HOLDER = """
import sys
from newsledger.store import Ledger
with Ledger(sys.argv[1], read_only=sys.argv[2] == "read"):
    print("holding", flush=True)
    sys.stdin.readline()
"""


def _start(started: list[subprocess.Popen[str]], command: list[str],
           env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``command`` started in its own process group (``processes`` kills what is left of it)."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True,
                               env={**os.environ, **(env or {})})
    started.append(process)
    return process


def _line_with(stream: IO[str] | None, words: str) -> str:
    """The first line of ``stream`` holding ``words``, or '' at its end."""
    assert stream is not None
    return next((line for line in stream if words in line), "")


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=600,
                          env={**os.environ, **env})


def test_read_during_an_ingest_sees_its_committed_batches(tmp_path: Path, processes: list) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"d{n}", "text": story})
                              for n, story in enumerate(STORIES)), encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")
    ingest = _start(processes, [sys.executable, "-c", PAUSING_INGEST, "ingest", str(feed), "--db",
                              db, "--workers", "1", "--quiet"])
    told = _line_with(ingest.stderr, "released after")
    assert told == "released after 64\n", ingest.stderr and ingest.stderr.read()

    # The ingest runs on (its process holds the rest of the feed) and the file is free: read now.
    read = _run([NEWSLEDGER, "documents", "--db", db, "--format", "jsonl"],
                {"NEWSLEDGER_WAIT": "0"})
    assert read.returncode == 0, read.stderr
    assert len(read.stdout.splitlines()) == 64
    assert "an ingest is adding documents" in read.stderr  # groups come at its end
    assert ingest.poll() is None

    assert ingest.stdin is not None
    ingest.stdin.write("go on\n")
    ingest.stdin.close()
    assert ingest.wait() == 0
    done = _run([NEWSLEDGER, "documents", "--db", db, "--format", "jsonl"], {})
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(STORIES)
    assert done.stderr == ""


HELD = [
    # holder, command, what the command prints once it has the file
    ("write", ["documents", "--format", "jsonl"], "being written by process"),
    ("read", ["ingest", "-"], "open in process"),
]


@pytest.mark.parametrize(("holder", "command", "why"), HELD)
def test_a_held_ledger_is_waited_for_saying_so(
    news_ledger_file: str, processes: list, holder: str, command: list[str], why: str
) -> None:
    held = _start(processes, [sys.executable, "-c", HOLDER, news_ledger_file, holder])
    assert _line_with(held.stdout, "holding")
    waiting = _start(processes, [NEWSLEDGER, *command, "--db", news_ledger_file],
                     {"NEWSLEDGER_WAIT": "600"})
    assert waiting.stdin is not None
    waiting.stdin.write("KIRKUK - Gunmen killed 4 people at a market on Friday, police said.")
    waiting.stdin.close()
    told = _line_with(waiting.stderr, "waiting up to 600 s")
    assert f"{why} {held.pid}" in told, told
    assert held.stdin is not None
    held.stdin.close()  # the holder lets go; the waiting command goes on
    assert held.wait() == 0
    out = waiting.stdout.read() if waiting.stdout else ""
    assert waiting.wait() == 0, waiting.stderr and waiting.stderr.read()
    assert out


@pytest.mark.parametrize(("holder", "command", "why"), HELD)
def test_a_held_ledger_says_who_holds_it_and_how_long(
    news_ledger_file: str, processes: list, holder: str, command: list[str], why: str
) -> None:
    held = _start(processes, [sys.executable, "-c", HOLDER, news_ledger_file, holder])
    assert _line_with(held.stdout, "holding")
    refused = _run([NEWSLEDGER, *command, "--db", news_ledger_file], {"NEWSLEDGER_WAIT": "0"})
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"error: {news_ledger_file}: the ledger is in use by "
                                     f"process {held.pid} ("), refused.stderr
    assert "NEWSLEDGER_WAIT=SECONDS" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert held.stdin is not None
    held.stdin.close()
    assert held.wait() == 0


WAITS = [
    ("", True, READ_WAIT),
    ("", False, WRITE_WAIT),
    ("5", True, 5.0),
    ("0", False, 0.0),
    ("2.5", False, 2.5),
    ("soon", True, READ_WAIT),
    ("-1", True, READ_WAIT),
    ("inf", False, WRITE_WAIT),
    ("nan", True, READ_WAIT),
]


@pytest.mark.parametrize(("given", "read_only", "seconds"), WAITS)
def test_wait_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, given: str,
                                         read_only: bool, seconds: float) -> None:
    monkeypatch.setenv("NEWSLEDGER_WAIT", given)
    assert ledger_wait(read_only) == seconds
