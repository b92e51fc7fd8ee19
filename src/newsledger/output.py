"""Rows (lists of dicts) printed as a table, CSV, a JSON list or JSON lines.

Nothing a document says can act on the reader's tools: control characters (terminal escape
sequences among them) are shown as ``\\x1b`` in tables, CSV and messages and as ``\\u001b`` in
JSON, and a CSV cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading apostrophe, as OWASP's CSV-injection guidance
advises (https://owasp.org/www-community/attacks/CSV_Injection).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


class Format(StrEnum):
    """Output formats shared by every listing command."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


def render(
    rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None, console: Console
) -> None:
    """Print ``rows`` in ``fmt``; ``columns`` picks and orders the keys (default: all of them)."""
    fmt = Format(fmt)
    names = list(columns) if columns is not None else column_names(rows)
    if columns is None and fmt in (Format.JSON, Format.JSONL):
        picked = [
            dict(row) for row in rows
        ]  # each line keeps its own keys (figure and check lines differ)
    else:
        picked = [{name: row.get(name) for name in names} for row in rows]
    if fmt is Format.TABLE:
        width = console.width if console.is_terminal else None
        print_table(rich_table(picked, names, width), console)
    elif fmt is Format.CSV:
        console.out(printable(csv_text(picked, names)), end="", highlight=False)
    elif fmt is Format.JSON:
        text = json.dumps(picked, ensure_ascii=False, indent=2, default=str)
        console.out(_escape_c1(text), highlight=False)
    else:
        for row in picked:
            console.out(json_line(row), highlight=False)


def column_names(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Every key of the rows, in first-seen order."""
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


def json_line(row: dict[str, Any]) -> str:
    """One row as a single line of JSON (control characters escaped, so it is safe to print)."""
    return _escape_c1(json.dumps(row, ensure_ascii=False, default=str))


# C0 controls but tab and newline, DEL and the C1 controls (U+009B is a terminal's CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile("[\x7f-\x9f]")  # json.dumps escapes C0 itself, not these
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN``: escape sequences never reach a
    terminal raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _escape_c1(text: str) -> str:
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: one starting with = + - @, a tab or
    a carriage return gets a leading apostrophe (OWASP CSV injection guidance)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


GAP = 2  # Rich's padding around a column (one on each side), counted for every column


def rich_table(rows: Sequence[dict[str, Any]], names: Sequence[str],
               width: int | None = None) -> Table:
    """A compact Rich table (no borders); with ``width`` it fits in that many columns."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    cells = [[Text(printable(cell_text(row[name]))) for name in names] for row in rows]
    naturals = [max([len(name), *(cell_width(row[i]) for row in cells)])
                for i, name in enumerate(names)]
    widths = column_widths(naturals, width) if width else [None] * len(names)
    for name, fitted in zip(names, widths, strict=True):
        # Every width given when the table is too wide: Rich's own squeeze drops columns.
        table.add_column(name, width=fitted, no_wrap=fitted is None, overflow="fold")
    for row in cells:
        # Text cells: brackets in report text must not be read as Rich markup.
        table.add_row(*row)
    return table


def column_widths(naturals: Sequence[int], width: int) -> list[int | None]:
    """Widths that fit ``width`` columns: none needed when the table fits; else the narrowest
    columns keep their natural width and the wider ones share the rest equally, wrapping
    between words (a cap found by water-filling, so ids and days stay whole first)."""
    available = max(len(naturals), width - GAP * len(naturals))
    if sum(naturals) <= available:
        return [None] * len(naturals)
    cap, kept, capped = 1, 0, len(naturals)
    for index, natural in enumerate(sorted(naturals)):
        left = len(naturals) - index  # columns not kept whole below this one
        if kept + natural * left > available:
            cap, capped = max(1, (available - kept) // left), left
            break
        kept += natural
    spare = available - kept - cap * capped  # share the rounding among the capped columns
    widths: list[int | None] = []
    for natural in naturals:
        if natural <= cap:
            widths.append(natural)
        else:
            widths.append(cap + (1 if spare > 0 else 0))
            spare -= 1
    return widths


def cell_width(cell: Text) -> int:
    """The widest line of a cell, in terminal columns."""
    return max((len(line) for line in cell.plain.splitlines()), default=0)


# Wider than any sensible row; only used to measure a table's natural width.
UNBOUNDED_WIDTH = 100_000


def print_table(table: Table, console: Console) -> None:
    """Print at the terminal's width, or, when piped, as wide as the rows need."""
    if console.is_terminal:
        styled = console if not no_color() else Console(file=console.file, width=console.width,
                                                        color_system=None)
        styled.print(table)
        return
    # Rich would fold every row at 80 columns when piped, which helps no reader of a file.
    unbounded = console.options.update_width(UNBOUNDED_WIDTH)
    width = max(console.width, Measurement.get(console, unbounded, table).maximum)
    Console(file=console.file, width=width, color_system=None).print(table)


def no_color() -> bool:
    """Whether the user asked for no colour or style (NO_COLOR set and not empty, no-color.org):
    Rich then drops colours but keeps bold, so plain output needs no colour system at all."""
    return bool(os.environ.get("NO_COLOR"))


def csv_text(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> str:
    """Rows as CSV with a header line; text cells are made spreadsheet-safe (numbers are not:
    -5 stays a number)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_safe(name) for name in names])
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in names])
    return buffer.getvalue()


def _csv_cell(value: Any) -> str:
    if isinstance(value, int | float):
        return cell_text(value)
    return spreadsheet_safe(cell_text(value))


def cell_text(value: Any) -> str:
    """A value as one flat cell: lists joined with '; ', spans as 'start-end', None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_item_text(item) for item in value)
    return str(value)


def _item_text(item: Any) -> str:
    # The only nested lists are evidence spans ([start, end]) in ``also_at``.
    if isinstance(item, list | tuple):
        return "-".join(str(part) for part in item)
    return cell_text(item)


__all__ = [
    "Format",
    "cell_text",
    "column_names",
    "column_widths",
    "csv_text",
    "json_line",
    "no_color",
    "print_table",
    "printable",
    "render",
    "rich_table",
    "spreadsheet_safe",
]
