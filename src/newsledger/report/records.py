"""The parts of a report: filters, cited cells, table rows, call-outs and the report itself.

A report is built once (``render_report``) and then written as Markdown or HTML
(``report_markdown``, ``report_html``); both writers import and read only these records, so the
two formats always say the same thing. This module imports no writer: the dependency points one way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsledger.model import Measure


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """Which figures a report covers; every filter is optional."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    place: str | None = None  # a location lies in this place (gazetteer) or names it
    measure: Measure | None = None
    title: str | None = None
    country: str | None = None  # a location lies in this country (gazetteer)

    def described(self) -> list[tuple[str, str]]:
        """The filters that are set, as (name, value) pairs for the report header."""
        pairs = [("since", self.since), ("until", self.until), ("actor", self.actor),
                 ("place", self.place), ("country", self.country), ("measure", self.measure)]
        return [(name, str(value)) for name, value in pairs if value is not None]


@dataclass(frozen=True, slots=True)
class Citation:
    """One footnote: the passage a number came from, with where and when it was published."""

    number: int
    anchor: str  # HTML id of the evidence entry: "ev-<doc>-<figure id>"
    doc: str
    figure: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    path: str | None
    source: str | None  # who the text attributes the figure to
    start: int  # the figure's evidence span [start, end) in the document text
    end: int
    before: str  # the sentence around the span, split at the stated number
    number_text: str
    after: str

    @property
    def name(self) -> str:
        """What to call the document: its title, else its given id, else its file."""
        return self.title or self.doc or self.path or "untitled document"


@dataclass(frozen=True, slots=True)
class Cell:
    """A number with the anchors of the passages that state it; ``value`` None means open-ended."""

    value: int | None
    text: str
    citations: tuple[str, ...] = ()  # Citation anchors, in the order they are cited


@dataclass(frozen=True, slots=True)
class TableRow:
    """One thing counted: a measure for a place, a period, an actor; best, low and high."""

    measure: Measure
    place: str
    period: str
    period_start: date | None
    period_end: date | None
    actor: str | None
    counted: str | None
    best: Cell
    low: Cell
    high: Cell
    verdict: str
    figures: int
    documents: int


@dataclass(frozen=True, slots=True)
class DerivedRow:
    """A figure the ledger computed from stated ones (Q2 = H1 - Q1), with its cited operands."""

    measure: Measure
    place: str
    period: str
    period_start: date | None
    period_end: date | None
    actor: str | None
    counted: str | None
    value: int
    formula: tuple[tuple[str, Cell], ...]  # (operator before it: "", "−", "+"; stated number)
    rule: str


@dataclass(frozen=True, slots=True)
class Callout:
    """A conflict or a failed check: what is wrong, and each number involved with its passage."""

    kind: str  # "conflict" or "failed check"
    heading: str
    reason: str
    entries: tuple[tuple[str, Cell], ...]  # (label, cited number)


@dataclass(frozen=True, slots=True)
class Chart:
    """A measure over time as an SVG document (one series per place)."""

    measure: Measure
    svg: str
    points: int


@dataclass(frozen=True, slots=True)
class Report:
    """A period report: tables by measure, call-outs, a chart, and every passage cited."""

    title: str
    filters: ReportFilters
    counts: dict[str, int]
    tables: tuple[tuple[Measure, tuple[TableRow, ...]], ...]
    conflicts: tuple[Callout, ...]
    failed_checks: tuple[Callout, ...]
    citations: tuple[Citation, ...]
    chart: Chart | None = None
    notes: tuple[str, ...] = field(default=())
    derived: tuple[DerivedRow, ...] = ()

    def citations_by_anchor(self) -> dict[str, Citation]:
        """Each footnote under the anchor that cells cite it by."""
        return {citation.anchor: citation for citation in self.citations}


__all__ = [
    "Callout", "Cell", "Chart", "Citation", "DerivedRow", "Report", "ReportFilters", "TableRow",
]
