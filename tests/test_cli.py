"""The command line: ingest with bad inputs, listing commands and their output formats."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import hand_figure
from newsledger.cli import app
from newsledger.model import Check, CheckType, Document, Extraction
from newsledger.store import Ledger, document_label

runner = CliRunner()

REPORT = (
    "BAGHDAD - Iraqi security forces killed 12 ISIS militants and arrested 7 others in raids "
    "in Anbar and Nineveh last week, the Joint Operations Command said on Sunday. [Photo: AFP]"
)


RAID_FIELDS = {
    "counted": "ISIS militants", "actor": "ISIS", "period_start": date(2024, 3, 3),
    "period_end": date(2024, 3, 9), "time_text": "last week",
    "source": "Joint Operations Command", "also_at": ((0, 7), (20, 27)),
}
RAIDS = Extraction(
    Document(REPORT, title="12 ISIS militants killed in Anbar", published=date(2024, 3, 10),
             name="anbar-raids"),
    figures=(hand_figure("anbar-raids", REPORT, "f1", "killed 12 ISIS militants", "12",
                         locations=("Anbar", "Iraq"), **RAID_FIELDS),
             hand_figure("anbar-raids", REPORT, "f2", "arrested 7 others", "7",
                         measure="detained", locations=("Nineveh",), **RAID_FIELDS)),
    checks=(Check("anbar-raids", CheckType.SUBSET, False, whole="f2", part="f1",
                  reason="12 > 7"),),
)


def make_ledger(tmp_path: Path) -> str:
    """A ledger file holding the hand-built raids report."""
    path = str(tmp_path / "ledger.duckdb")
    with Ledger(path) as ledger:
        ledger.add(RAIDS)
    return path


def ledger_rows(path: str, command: str) -> list[dict[str, Any]]:
    with Ledger(path) as ledger:
        rows: list[dict[str, Any]] = getattr(ledger, command)()
    return rows


def test_cli_ingest_folder_with_a_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"")
    db = str(tmp_path / "ledger.duckdb")

    result = runner.invoke(app, ["ingest", str(folder), "--db", db])

    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(error_lines) == 1
    assert str(folder / "broken.txt") in error_lines[0]
    assert "1 documents added, 0 already present, 1 failed" in result.stdout
    (document,) = ledger_rows(db, "documents")
    assert document["path"] == str(folder / "good.txt")


def test_cli_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")

    first = runner.invoke(app, ["ingest", str(report), "--db", db])
    second = runner.invoke(app, ["ingest", str(report), "--db", db, "--workers", "1"])

    assert (first.exit_code, second.exit_code) == (0, 0)
    assert "1 documents added, 0 already present, 0 failed" in first.stdout
    assert "0 documents added, 1 already present, 0 failed" in second.stdout
    assert len(ledger_rows(db, "documents")) == 1


def test_cli_ingest_names_a_text_repeated_under_another_id(tmp_path: Path) -> None:
    lines = [json.dumps({"id": name, "text": REPORT}) for name in ("r1", "r2")]
    reports = tmp_path / "reports.jsonl"
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")

    result = runner.invoke(app, ["ingest", str(reports), "--db", db])

    assert result.exit_code == 0
    same = [line for line in result.stderr.splitlines() if "same text as" in line]
    assert same == [f"warning: {reports}:2: r2: same text as r1"]
    assert "1 documents added, 1 already present, 0 failed" in result.stdout


def test_cli_ingest_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": REPORT}), "{not json", json.dumps({"id": "b",
             "text": "Two soldiers were wounded in Kirkuk, police said."})]
    reports = tmp_path / "reports.jsonl"
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")

    result = runner.invoke(app, ["ingest", str(reports), "--db", db])

    assert result.exit_code == 1
    assert f"error: {reports}:2: " in result.stderr
    assert sorted(d["name"] for d in ledger_rows(db, "documents")) == ["a", "b"]


@pytest.mark.parametrize("command", ["figures", "checks", "documents"])
def test_cli_json_is_the_ledger_rows(tmp_path: Path, command: str) -> None:
    db = make_ledger(tmp_path)
    result = runner.invoke(app, [command, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == ledger_rows(db, command)


@pytest.mark.parametrize("command", ["figures", "checks", "documents"])
def test_cli_jsonl_is_one_row_a_line(tmp_path: Path, command: str) -> None:
    db = make_ledger(tmp_path)
    result = runner.invoke(app, [command, "--db", db, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == ledger_rows(db, command)


@pytest.mark.parametrize(
    ("command", "column", "first_value"),
    [
        ("figures", "locations", "Anbar; Iraq"),
        ("figures", "also_at", "0-7; 20-27"),
        ("figures", "high", "12"),
        ("checks", "holds", "false"),
        ("checks", "total", ""),
        ("documents", "published", "2024-03-10"),
    ],
)
def test_cli_csv_flattens_cells(tmp_path: Path, command: str, column: str,
                                first_value: str) -> None:
    db = make_ledger(tmp_path)
    result = runner.invoke(app, [command, "--db", db, "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(ledger_rows(db, command))
    assert list(rows[0]) == list(ledger_rows(db, command)[0])
    assert rows[0][column] == first_value


def test_cli_table_shows_compact_columns_and_text_verbatim(tmp_path: Path) -> None:
    db = make_ledger(tmp_path)
    result = runner.invoke(app, ["figures", "--db", db])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header[:4] == ["doc", "id", "number_text", "measure"]
    assert "text" not in header  # the evidence passage is in the other formats
    assert "Anbar; Iraq" in result.stdout


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        ([], ["f1", "f2"]),
        (["--measure", "detained"], ["f2"]),
        (["--place", "anbar"], ["f1"]),
        (["--actor", "isis", "--source", "operations command"], ["f1", "f2"]),
        (["--since", "2024-03-09", "--until", "2024-03-09"], ["f1", "f2"]),
        (["--since", "2024-03-10"], []),
        (["--document", "anbar-raids", "--place", "nineveh"], ["f2"]),
        # Containment in the gazetteer: Nineveh and Anbar lie in Iraq (issue 14).
        (["--place", "Iraq"], ["f1", "f2"]),
        (["--country", "Iraq"], ["f1", "f2"]),
        (["--country", "iraq", "--measure", "detained"], ["f2"]),
        (["--place", "Mosul"], []),
        (["--country", "Syria"], []),
    ],
)
def test_cli_figures_filters(tmp_path: Path, options: list[str], ids: list[str]) -> None:
    db = make_ledger(tmp_path)
    result = runner.invoke(app, ["figures", "--db", db, "-f", "json", *options])
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in json.loads(result.stdout)] == ids


@pytest.mark.parametrize("command", ["figures", "checks", "documents"])
def test_cli_missing_ledger_is_an_error(tmp_path: Path, command: str) -> None:
    db = tmp_path / "nowhere.duckdb"
    result = runner.invoke(app, [command, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {db}: no ledger here")
    assert not db.exists()


def test_cli_extract_prints_json_lines_in_input_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text("Police said 3 people were injured in a blast in Kirkuk.", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    result = runner.invoke(app, ["extract", str(first), str(missing), str(second)])

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {missing}: file not found"]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(line["kind"] in {"figure", "check"} for line in lines)
    ids = [Document(first.read_text()).id, Document(second.read_text()).id]
    assert [line["doc"] for line in lines] == sorted((line["doc"] for line in lines), key=ids.index)


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_cli_extract_other_formats(tmp_path: Path, fmt: str) -> None:
    report = tmp_path / "a.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)
    else:
        assert result.stdout.splitlines()[0].split()[:2] == ["doc", "id"]


@pytest.mark.parametrize(
    ("code", "absent"),
    [
        ("import newsledger.cli", ("spacy", "duckdb", "pyarrow", "trafilatura")),
        ("import newsledger", ("spacy", "duckdb", "newsledger.pipeline")),
    ],
)
def test_cli_start_up_loads_no_heavy_library(code: str, absent: tuple[str, ...]) -> None:
    # A fresh interpreter: this test process has long imported everything.
    import subprocess
    import sys

    probe = f"{code}; import sys; print(' '.join(m for m in {absent!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_package_names_resolve_lazily() -> None:
    import newsledger
    from newsledger.api import extract

    assert newsledger.extract is extract  # the function, though a subpackage has that name
    assert newsledger.Ledger.__name__ == "Ledger"
    with pytest.raises(AttributeError):
        _ = newsledger.no_such_name


# --- hostile input and faults (issue 12) --------------------------------------------------------

def test_cli_internal_error_is_one_line_without_traceback_or_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_ledger(tmp_path)

    def broken(self: Ledger, **filters: object) -> list[dict[str, Any]]:
        secret = "Gunmen killed 12 in a secret report"  # a local that must not be printed
        raise RuntimeError("no such column " + str(len(secret)))

    monkeypatch.setattr(Ledger, "figures", broken)
    result = runner.invoke(app, ["figures", "--db", db])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "error: internal error: RuntimeError: no such column 35 (run with --debug for the "
        "traceback)")
    assert "Traceback" not in result.output and "secret" not in result.output

    debug = runner.invoke(app, ["--debug", "figures", "--db", db])
    assert isinstance(debug.exception, RuntimeError)


def test_cli_ingest_duplicate_id_is_an_error_for_its_line_and_the_ledger_keeps_working(
    tmp_path: Path,
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "same", "text": REPORT}) + "\n" + json.dumps(
        {"id": "same", "text": "A car bomb killed 9 soldiers in Mosul on Tuesday."}) + "\n",
        encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")

    first = runner.invoke(app, ["ingest", str(feed), "--db", db])
    assert first.exit_code == 1
    assert first.stderr.splitlines() == [
        f"error: {feed}:2: id 'same' is already used in the ledger by a document with a "
        f"different text (content id {Document(REPORT).id}); give this document its own id"]
    later = tmp_path / "later.txt"
    later.write_text("Police said 3 people were injured in a blast in Kirkuk.", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(later), "--db", db]).exit_code == 0
    for command in ("incidents", "figures", "groups"):
        listed = runner.invoke(app, [command, "--db", db, "-f", "jsonl"])
        assert (listed.exit_code, listed.stderr) == (0, ""), command


def test_cli_interrupted_ingest_is_noticed_and_rebuild_catches_up(tmp_path: Path) -> None:
    db = make_ledger(tmp_path)  # documents stored, groups and incidents never recomputed
    listed = runner.invoke(app, ["groups", "--db", db])
    assert listed.exit_code == 0
    assert "are out of date" in listed.stderr and "newsledger rebuild" in listed.stderr

    rebuilt = runner.invoke(app, ["rebuild", "--db", db])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "reconciled: 2 groups" in rebuilt.stdout
    assert runner.invoke(app, ["groups", "--db", db]).stderr == ""


def hostile_ledger(tmp_path: Path, extraction: Extraction) -> str:
    path = str(tmp_path / "hostile.duckdb")
    with Ledger(path) as ledger:
        ledger.add(extraction)
        ledger.reconcile()
        ledger.merge_incidents()
    return path


def test_cli_csv_listing_cells_cannot_run_as_formulas(
    tmp_path: Path, hostile_extraction: Extraction
) -> None:
    db = hostile_ledger(tmp_path, hostile_extraction)
    figures_csv = runner.invoke(app, ["figures", "--db", db, "-f", "csv"]).stdout
    documents_csv = runner.invoke(app, ["documents", "--db", db, "-f", "csv"]).stdout
    (figure,) = csv.DictReader(io.StringIO(figures_csv))
    (document,) = csv.DictReader(io.StringIO(documents_csv))
    assert (figure["doc"], figure["counted"]) == ("'-hostile", "'=HYPERLINK(\"http://x\")")
    assert (document["title"], document["outlet"]) == ("'@SUM(A1:A9)", "'+Wire\\x1b[31m")
    assert figure["low"] == "5"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_cli_listings_never_print_control_characters(
    tmp_path: Path, hostile_extraction: Extraction, fmt: str
) -> None:
    db = hostile_ledger(tmp_path, hostile_extraction)
    for command in ("documents", "figures"):
        result = runner.invoke(app, [command, "--db", db, "-f", fmt])
        assert result.exit_code == 0
        assert not any((ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F
                       for c in result.stdout), (command, result.stdout)
    report = runner.invoke(app, ["report", "--db", db, "--format", "md"])
    assert "\x1b" not in report.stdout and "\x9b" not in report.stdout


def test_cli_report_output_is_never_overwritten_nor_written_through_a_link(
    tmp_path: Path, hostile_extraction: Extraction
) -> None:
    db = hostile_ledger(tmp_path, hostile_extraction)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(precious)

    refused = runner.invoke(app, ["report", "--db", db, "-f", "html", "-o", str(link)])
    assert refused.exit_code == 1
    assert "already exists; pass --force to replace it" in refused.stderr
    forced = runner.invoke(app, ["report", "--db", db, "-f", "html", "-o", str(link), "--force"])
    assert forced.exit_code == 0, forced.output
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and "<html" in link.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_cli_only_local_ledgers(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "-", "--db", "md:ledger"], input=REPORT)
    assert result.exit_code == 1
    assert "only a local ledger file is accepted" in result.stderr


@pytest.mark.parametrize("huge", ["999,999,999,999,999,999,999",
                                  "nine hundred ninety-nine quadrillion"])
def test_cli_extract_refuses_a_figure_over_the_range_not_the_document(
    tmp_path: Path, huge: str
) -> None:
    report = tmp_path / "a.txt"
    report.write_text(f"Officials said {huge} people were killed and 7 "
                      "soldiers were wounded in Kirkuk.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report)])
    assert result.exit_code == 0
    assert f"warning: {report}: figure f1 ('{huge}'" in result.stderr
    numbers = [json.loads(line).get("number_text") for line in result.stdout.splitlines()]
    assert "7" in numbers and huge not in numbers and "nine hundred ninety-nine" not in numbers


@pytest.mark.parametrize(("terminal", "quiet", "shown"),
                         [(True, False, True), (True, True, False), (False, False, False)])
def test_cli_progress_shows_only_on_a_terminal_and_not_quiet(
    terminal: bool, quiet: bool, shown: bool
) -> None:
    from rich.console import Console

    from newsledger.cli_common import progress_bar

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=terminal, width=80)
    with progress_bar(console, quiet=quiet) as progress:
        task = progress.add_task("ingest", total=None)
        progress.advance(task, 3)
        progress.refresh()
    assert ("3 inputs processed" in screen.getvalue()) is shown


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_cli_quiet_changes_no_output(tmp_path: Path, command: str) -> None:
    (tmp_path / "raid.txt").write_text(REPORT, encoding="utf-8")
    outputs = []
    for extra in ([], ["--quiet"]):
        db = ["--db", str(tmp_path / f"l{len(extra)}.duckdb")] if command == "ingest" else []
        result = runner.invoke(app, [command, str(tmp_path / "raid.txt"), *db, *extra])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] and outputs[0]


# --- formats of every listing (issue 14) --------------------------------------------------------

LISTINGS = ["figures", "checks", "documents", "groups", "conflicts", "incidents"]


@pytest.mark.parametrize("command", LISTINGS)
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_cli_every_listing_in_every_format(tmp_path: Path, command: str, fmt: str) -> None:
    result = runner.invoke(app, [command, "--db", make_ledger(tmp_path), "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)


@pytest.mark.parametrize("command", [[name] for name in LISTINGS] + [["figures", "--derived"]])
def test_cli_empty_csv_has_the_header_of_a_full_one(
    demo_ledger_file: str, tmp_path: Path, command: list[str]
) -> None:
    empty = str(tmp_path / "empty.duckdb")
    Ledger(empty).close()
    headers, keys = [], []
    for path in (demo_ledger_file, empty):
        result = runner.invoke(app, [*command, "--db", path, "-f", "csv"])
        assert result.exit_code == 0, result.output
        headers.append(result.stdout.splitlines()[0])
        rows = json.loads(runner.invoke(app, [*command, "--db", path, "-f", "json"]).stdout)
        keys.append({key for row in rows for key in row})
    full, none = headers
    assert keys[0] and not keys[1]  # the demo ledger has rows of every listing, the empty none
    assert full == none
    assert keys[0] <= set(full.split(","))  # every key a row has is a column


def test_cli_version() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"newsledger {version('newsledger')}"


@pytest.mark.parametrize(("no_color", "styled"), [("1", False), ("", True)])
def test_table_on_a_terminal_honours_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: str, styled: bool
) -> None:
    from rich.console import Console

    from newsledger.output import render

    monkeypatch.setenv("NO_COLOR", no_color)
    out = io.StringIO()
    render([{"id": "f1"}], "table", None, Console(file=out, force_terminal=True))
    assert ("\x1b" in out.getvalue()) is styled
    assert "f1" in out.getvalue()


@pytest.mark.parametrize("width", [60, 80, 120])
def test_table_fits_the_terminal(tmp_path: Path, width: int) -> None:
    from rich.console import Console

    from newsledger.cli_common import FIGURE_COLUMNS
    from newsledger.output import render

    out = io.StringIO()
    rows = ledger_rows(make_ledger(tmp_path), "figures")
    render(rows, "table", FIGURE_COLUMNS, Console(file=out, force_terminal=True, width=width,
                                                   color_system=None))
    lines = out.getvalue().splitlines()
    assert lines and max(len(line.rstrip()) for line in lines) <= width
    assert "f1" in out.getvalue() and "f2" in out.getvalue()  # no row or column dropped
    assert all(f" {number} " in f" {out.getvalue()} ".replace("\n", " ") for number in ("12", "7"))


@pytest.mark.parametrize(("naturals", "width", "expected"), [
    ([5, 10, 3], 40, [None, None, None]),            # fits: nothing changes
    ([4, 30, 2, 40], 50, [4, 18, 2, 18]),            # narrow columns whole, wide ones share
    ([10, 10, 10], 20, [5, 5, 4]),                   # too narrow for all: every column shrinks
])
def test_column_widths(naturals: list[int], width: int, expected: list[int | None]) -> None:
    from newsledger.output import column_widths

    assert column_widths(naturals, width) == expected


def test_cli_extract_incidents_table_shows_tolls_not_dicts(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Gunmen killed 12 people and wounded 30 in an attack on a market in "
                      "Maiduguri on Monday, police said.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report), "--incidents", "-f", "table"])
    assert result.exit_code == 0, result.output
    assert "{" not in result.stdout and "Maiduguri" in result.stdout


# --- documents named as reports name them, not by their content hash ---------------------------


@pytest.mark.parametrize(("name", "path", "label"), [
    ("anbar-raids", "feed.jsonl", "anbar-raids"),         # a given id wins
    (None, "examples/centcom-h1-2023.txt", "centcom-h1-2023.txt"),
    (None, "C:\\reports\\story.html", "story.html"),        # either slash
    (None, "<stdin>", None),                               # standard input has no file name
    (None, None, None),
])
def test_document_label(name: str | None, path: str | None, label: str | None) -> None:
    assert document_label(name, path) == label


@pytest.mark.parametrize(("paths", "labelled"), [
    (["a/one.txt", "b/two.txt"], ["one.txt", "two.txt"]),
    (["a/same.txt", "b/same.txt"], [None, None]),          # a shared file name names neither
])
def test_ledger_document_labels(paths: list[str], labelled: list[str | None]) -> None:
    with Ledger(":memory:") as ledger:
        for number, path in enumerate(paths):
            ledger.add(Extraction(Document(f"Report {number}: nothing counted.", path=path),
                                  figures=(), checks=()))
        labels = ledger.document_labels()
        keys = [row["id"] for row in sorted(ledger.documents(), key=lambda d: d["path"])]
    assert [labels[key] if labels[key] != key else None for key in keys] == labelled


@pytest.mark.parametrize(("command", "named"), [
    (["checks"], "centcom-h1-2023.txt"),
    (["figures"], "centcom-h1-2023.txt"),
    (["groups"], "centcom-h1-2023.txt"),
    (["conflicts"], "somalia-middle-shabelle-2024"),
    (["incidents"], "mogadishu-bombing-followup.txt"),
])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_cli_listings_name_documents_by_file_not_hash(
    demo_ledger_file: str, command: list[str], named: str, fmt: str
) -> None:
    result = runner.invoke(app, [*command, "--db", demo_ledger_file, "-f", fmt])
    assert result.exit_code == 0, result.output
    assert named in result.stdout
    assert not re.search(r"\b[0-9a-f]{16}\b", result.stdout)


@pytest.mark.parametrize("command", [["checks"], ["figures"]])
def test_cli_document_filter_takes_the_name_shown(
    demo_ledger_file: str, command: list[str]
) -> None:
    again = runner.invoke(app, [*command, "--db", demo_ledger_file, "-f", "json",
                                "--document", "centcom-h1-2023.txt"])
    assert {row["doc"] for row in json.loads(again.stdout)} == {"centcom-h1-2023.txt"}
