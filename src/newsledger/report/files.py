"""Write a report to a file; a Markdown report's chart goes next to it as an SVG file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from newsledger.outfiles import refuse_existing, write_text
from newsledger.report.html import report_html
from newsledger.report.markdown import report_markdown
from newsledger.report.records import Report


class ReportFormat(StrEnum):
    """File formats of ``newsledger report``."""

    MD = "md"
    HTML = "html"


def chart_path(path: Path, report: Report) -> Path | None:
    """Where a Markdown report's chart goes: ``NAME-MEASURE.svg`` beside ``NAME.md``."""
    if report.chart is None:
        return None
    return path.with_name(f"{path.stem}-{report.chart.measure.value}.svg")


def save_report(
    report: Report, path: Path, fmt: ReportFormat, *, force: bool = False
) -> list[Path]:
    """Write the report (and a Markdown report's chart); returns the files written. An existing
    file is an error (before anything is written) unless ``force``; links are never followed."""
    if fmt is ReportFormat.HTML:
        return [write_text(path, report_html(report), force=force)]
    written = []
    chart = chart_path(path, report)
    refuse_existing([path] if chart is None else [path, chart], force)
    if chart is not None and report.chart is not None:
        written.append(write_text(chart, report.chart.svg + "\n", force=force))
    markdown = report_markdown(report, chart.name if chart else None)
    written.append(write_text(path, markdown, force=force))
    return written


def render_text(report: Report, fmt: ReportFormat) -> str:
    """The report as text for standard output (Markdown without a chart file)."""
    return report_html(report) if fmt is ReportFormat.HTML else report_markdown(report)


__all__ = ["ReportFormat", "chart_path", "render_text", "save_report"]
