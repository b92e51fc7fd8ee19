"""A report as Markdown: tables with footnotes, call-outs, a linked chart, the evidence.

Every piece of report text is escaped twice over: HTML-escaped (Markdown passes raw HTML
through) and with Markdown's own markup characters backslashed, so a headline holding
``|`` or ``*`` cannot break a table or start emphasis.
"""

from __future__ import annotations

import html
import re

from newsledger.report.records import Callout, Cell, Citation, Report, TableRow

_MARKUP = re.compile(r"([\\`*_\[\]|#~])")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"]+$")

TABLE_HEAD = ("Place", "Period", "Actor", "Counted", "Best", "Low", "High", "Verdict", "Figures")


def md(text: object) -> str:
    """Text safe inside Markdown (and the HTML it becomes), on one line."""
    flat = re.sub(r"\s+", " ", str(text))
    return _MARKUP.sub(r"\\\1", html.escape(flat, quote=False))


def report_markdown(report: Report, chart_href: str | None = None) -> str:
    """The whole report as one Markdown document."""
    numbers = {citation.anchor: citation.number for citation in report.citations}
    parts = [_header(report), _tables(report, numbers), _derived(report, numbers),
             _chart(report, chart_href),
             _callouts("Conflicts", report.conflicts, "No conflicting figures.", numbers),
             _callouts("Failed checks", report.failed_checks, "Every check holds.", numbers),
             _evidence(report)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _header(report: Report) -> str:
    filters = " · ".join(f"{name} {md(value)}" for name, value in report.filters.described())
    counts = ", ".join(f"{count} {md(name)}" for name, count in report.counts.items())
    lines = [f"# {md(report.title)}", "", f"**Filters:** {filters or 'none'}  ",
             f"**Counts:** {counts}"]
    lines += [f"\n> {md(note)}" for note in report.notes]
    return "\n".join(lines)


def _tables(report: Report, numbers: dict[str, int]) -> str:
    if not report.tables:
        return "## Figures\n\nNo figures match these filters."
    blocks = ["## Figures by measure, place and period",
              "Best, low and high as UCDP GED uses them; each number cites the passage that "
              "states it. `open`: no figure bounds it from above; `*`: computed, not stated."]
    for measure, rows in report.tables:
        blocks.append(f"### {md(measure.value)}\n\n" + _table(rows, numbers))
    return "\n\n".join(blocks)


def _table(rows: tuple[TableRow, ...], numbers: dict[str, int]) -> str:
    lines = ["| " + " | ".join(TABLE_HEAD) + " |", "|" + "---|" * 4 + "---:|" * 3 + "---|---:|"]
    for row in rows:
        cells = [md(row.place), md(row.period), md(row.actor or "—"), md(row.counted or "—"),
                 cell(row.best, numbers), cell(row.low, numbers), cell(row.high, numbers),
                 md(row.verdict),
                 str(row.figures)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cell(value: Cell, numbers: dict[str, int]) -> str:
    """A number followed by its footnote references ``[^n]``."""
    return md(value.text) + "".join(f"[^{numbers[anchor]}]" for anchor in value.citations)


DERIVED_NOTE = ("Computed by the ledger from stated figures (the rest of a period: a half year "
                "less its first quarter); the value is not stated anywhere, each operand is.")


def _derived(report: Report, numbers: dict[str, int]) -> str:
    if not report.derived:
        return ""
    lines = ["| Measure | Place | Period | Actor | Value | From |", "|---|---|---|---|---:|---|"]
    for row in report.derived:
        formula = " ".join(f"{op} {cell(value, numbers)}".strip() for op, value in row.formula)
        cells = [md(row.measure.value), md(row.place), md(row.period), md(row.actor or "—"),
                 f"{row.value:,}", formula.replace(" ,", ",")]
        lines.append("| " + " | ".join(cells) + " |")
    return f"## Derived figures\n\n{DERIVED_NOTE}\n\n" + "\n".join(lines)


def _chart(report: Report, chart_href: str | None) -> str:
    if report.chart is None:
        return ""
    title = f"## {md(report.chart.measure.value.capitalize())} over time"
    if chart_href is None:
        return f"{title}\n\nThe chart is in the HTML report (`--format html`)."
    return f"{title}\n\n![{md(report.chart.measure.value)} by period]({chart_href})"


def _callouts(
    heading: str, callouts: tuple[Callout, ...], none: str, numbers: dict[str, int]
) -> str:
    if not callouts:
        return f"## {heading}\n\n{none}"
    items = []
    for callout in callouts:
        entries = "\n".join(f"  - {md(label)}: {cell(value, numbers)}"
                             for label, value in callout.entries)
        items.append(f"- **{md(callout.heading)}**: {md(callout.reason)}\n{entries}")
    return f"## {heading}\n\n" + "\n".join(items)


def _evidence(report: Report) -> str:
    if not report.citations:
        return ""
    return "## Evidence\n\n" + "\n\n".join(_footnote(c) for c in report.citations)


def _footnote(citation: Citation) -> str:
    meta = [f"*{md(citation.name)}*"]
    meta += [md(citation.outlet)] if citation.outlet else []
    if citation.url:
        meta.append(f"<{citation.url}>" if _SAFE_URL.match(citation.url) else md(citation.url))
    meta.append(f"published {md(citation.published)}" if citation.published
                 else "publication date unknown")
    if citation.source:
        meta.append(f"according to {md(citation.source)}")
    quote = f"{md(citation.before)}**{md(citation.number_text)}**{md(citation.after)}"
    where = (f"document {md(citation.doc)}, figure {md(citation.figure)}, "
             f"characters {citation.start}–{citation.end}")
    return f"[^{citation.number}]: {', '.join(meta)}. “{quote}” ({where})"


__all__ = ["DERIVED_NOTE", "TABLE_HEAD", "cell", "md", "report_markdown"]
