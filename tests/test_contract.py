"""The machine-readable contract of `newsledger extract --format jsonl` (docs/contract.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from newsledger.cli import app

FIGURE_KEYS = {
    "kind",
    "doc",
    "id",
    "start",
    "end",
    "text",
    "number_text",
    "low",
    "high",
    "qualifier",
    "measure",
    "counted",
    "actor",
    "locations",
    "period_start",
    "period_end",
    "time_text",
    "source",
}
SUM_KEYS = {"kind", "doc", "type", "total", "parts", "holds"}
SUBSET_KEYS = {"kind", "doc", "type", "whole", "part", "holds"}

REPORT = (
    "From January to March 2025, 60 operations in Iraq and Syria killed 21 ISIS operatives, "
    "the command said on Friday.\n"
    "In Iraq, 40 operations killed 13 ISIS operatives, including two senior leaders.\n"
    "In Syria, 20 operations killed 8 ISIS operatives.\n"
)


def _lines(tmp_path: Path, write_file: Callable[[str, str], Path]) -> list[dict[str, object]]:
    record = {"id": "q1-release", "text": REPORT, "published": "2025-04-04"}
    path = write_file("in.jsonl", json.dumps(record) + "\n")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_contract_figure_lines_have_the_documented_keys(
    tmp_path: Path, write_file: Callable[[str, str], Path]
) -> None:
    lines = _lines(tmp_path, write_file)
    figures = [line for line in lines if line["kind"] == "figure"]
    assert figures
    for line in figures:
        assert set(line) >= FIGURE_KEYS
        assert line["doc"] == "q1-release"
        start, end = line["start"], line["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert REPORT[start:end] == line["text"]
        assert str(line["number_text"]) in str(line["text"])
    assert len({line["id"] for line in figures}) == len(figures)


def test_contract_check_lines_refer_to_figures(
    tmp_path: Path, write_file: Callable[[str, str], Path]
) -> None:
    lines = _lines(tmp_path, write_file)
    ids = {line["id"] for line in lines if line["kind"] == "figure"}
    checks = [line for line in lines if line["kind"] == "check"]
    assert any(line["type"] == "sum" for line in checks)
    for line in checks:
        keys = SUM_KEYS if line["type"] == "sum" else SUBSET_KEYS
        assert set(line) >= keys
        referred = (
            [line["total"], *line["parts"]]
            if line["type"] == "sum"
            else [line["whole"], line["part"]]
        )
        assert set(referred) <= ids
        assert isinstance(line["holds"], bool)
