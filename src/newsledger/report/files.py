"""Write a report to a file; a Markdown report's chart goes next to it as an SVG file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from newsledger.errors import OutputError
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


def save_report(report: Report, path: Path, fmt: ReportFormat) -> list[Path]:
    """Write the report (and a Markdown report's chart); returns the files written."""
    if fmt is ReportFormat.HTML:
        return [_write(path, report.to_html())]
    written = []
    chart = chart_path(path, report)
    if chart is not None and report.chart is not None:
        written.append(_write(chart, report.chart.svg + "\n"))
    written.append(_write(path, report.to_markdown(chart.name if chart else None)))
    return written


def render_text(report: Report, fmt: ReportFormat) -> str:
    """The report as text for standard output (Markdown without a chart file)."""
    return report.to_html() if fmt is ReportFormat.HTML else report.to_markdown()


def _write(path: Path, text: str) -> Path:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(str(path), f"cannot write the report: {error.strerror}") from error
    return path


__all__ = ["ReportFormat", "chart_path", "render_text", "save_report"]
