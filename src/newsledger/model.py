"""Record types of newsledger: documents, figures, checks and incidents.

This module imports nothing else from the package; every other layer imports it.
Character offsets are always ``[start, end)`` into ``Document.text`` exactly as given.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache


class Measure(StrEnum):
    """What a figure counts (the fixed list of the gold schema)."""

    KILLED = "killed"
    INJURED = "injured"
    DETAINED = "detained"
    KIDNAPPED = "kidnapped"
    MISSING = "missing"
    ATTACKS = "attacks"
    OPERATIONS = "operations"
    HELD = "held"
    POPULATION = "population"
    DISPLACED = "displaced"
    RETURNED = "returned"
    FIGHTERS = "fighters"
    OTHER = "other"


# Stocks are counted at an instant ("more than 9,000 detainees"); the rest are flows over a period.
STOCK_MEASURES = frozenset({Measure.HELD, Measure.POPULATION, Measure.FIGHTERS})


class Qualifier(StrEnum):
    """How the stated number bounds the true value."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class CheckType(StrEnum):
    """Kinds of relation between figures."""

    SUM = "sum"
    SUBSET = "subset"
    AGREE = "agree"
    CONFLICT = "conflict"
    UPDATE = "update"
    DERIVED = "derived"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated number as an interval; ``high is None`` means open-ended."""

    low: int
    high: int | None
    qualifier: Qualifier
    number_text: str
    start: int
    end: int

    @property
    def value(self) -> int:
        """The number as stated (the lower bound for ranges and 'at least')."""
        if self.qualifier is Qualifier.MORE_THAN:
            return self.low - 1
        if self.qualifier is Qualifier.LESS_THAN and self.high is not None:
            return self.high + 1
        if self.qualifier is Qualifier.AT_MOST and self.high is not None:
            return self.high
        return self.low

    def interval(self) -> tuple[int, float]:
        """Bounds for arithmetic; hedged numbers are judged as intervals."""
        high: float = float("inf") if self.high is None else self.high
        if self.qualifier is Qualifier.APPROXIMATE:
            # "almost 700", "about 2,500": allow 5% either way (at least 1).
            slack = max(1, round(self.low * 0.05))
            return max(0, self.low - slack), self.low + slack
        if self.qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
            return 0, high
        return self.low, high


@dataclass(frozen=True, slots=True)
class Document:
    """The plain text of one report plus its metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    name: str | None = None  # id given by the input (JSONL ``id``, gold ``doc_id``)
    path: str | None = None  # where it was read from, for error messages
    noise: tuple[tuple[int, int], ...] = ()  # spans of scraped page furniture (captions, ads)
    line: int | None = None  # line of the JSONL file it came from, for error messages

    @property
    def id(self) -> str:
        """Content id: a hash of the normalised text, so re-ingesting changes nothing."""
        return content_id(self.text)

    @property
    def key(self) -> str:
        """The id used in output: the given id if any, else the content id."""
        return self.name or self.id


def normalise_text(text: str) -> str:
    """NFC, unified quotes and dashes, collapsed whitespace: the text the content id hashes."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


# Document.id is asked for once per figure and incident: without the cache every ask normalises
# the whole text again, which made extraction quadratic in document length. A few texts are kept
# (a hit on the same string object costs nothing); more would hold large documents in memory.
@lru_cache(maxsize=4)
def content_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported quantity with what it counts, where, when, per whom, and its evidence."""

    doc: str
    id: str
    start: int
    end: int
    text: str
    quantity: Quantity
    measure: Measure
    counted: str | None = None
    actor: str | None = None
    locations: tuple[str, ...] = ()
    period_start: date | None = None
    period_end: date | None = None
    time_text: str | None = None
    source: str | None = None
    also_at: tuple[tuple[int, int], ...] = ()  # restatements of the same figure in the document

    def to_json(self) -> dict[str, object]:
        """The figure line of the ``extract --format jsonl`` contract (see docs/contract.md)."""
        q = self.quantity
        return {
            "kind": "figure",
            "doc": self.doc,
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "number_text": q.number_text,
            "low": q.low,
            "high": q.high,
            "qualifier": q.qualifier.value,
            "measure": self.measure.value,
            "counted": self.counted,
            "actor": self.actor,
            "locations": list(self.locations),
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "time_text": self.time_text,
            "source": self.source,
            "also_at": [list(span) for span in self.also_at],
        }


@dataclass(frozen=True, slots=True)
class Check:
    """A relation between figures and its verdict (sum, subset, or a cross-report verdict)."""

    doc: str
    type: CheckType
    holds: bool
    total: str | None = None  # sum: the total's figure id
    parts: tuple[str, ...] = ()  # sum: the parts' figure ids
    whole: str | None = None  # subset
    part: str | None = None  # subset
    reason: str = ""

    def to_json(self) -> dict[str, object]:
        """The check line of the ``extract --format jsonl`` contract."""
        line: dict[str, object] = {"kind": "check", "doc": self.doc, "type": self.type.value}
        if self.type is CheckType.SUM:
            line.update(total=self.total, parts=list(self.parts))
        else:
            line.update(whole=self.whole, part=self.part)
        line.update(holds=self.holds, reason=self.reason)
        return line


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    figures: tuple[Figure, ...]
    checks: tuple[Check, ...]
    incidents: tuple[Incident, ...] = ()
    warnings: tuple[str, ...] = ()  # what was refused (a figure out of range), for the user


class Verdict(StrEnum):
    """How the figures of one same-thing group relate (issue 3)."""

    AGREE = "agree"
    CONFLICT = "conflict"
    UPDATE = "update"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class GroupMember:
    """One figure of a group, with what a reader needs to weigh it."""

    doc: str
    id: str
    low: int
    high: int | None
    qualifier: Qualifier
    source: str | None
    published: date | None
    outlet: str | None = None
    text: str = ""
    copy_of: str | None = None  # the figure (doc:id) whose sentence this one repeats word for word


@dataclass(frozen=True, slots=True)
class Group:
    """Figures from one or more documents that report the same thing, a verdict, best/low/high."""

    id: str
    measure: Measure
    actor: str | None
    locations: tuple[str, ...]
    period_start: date | None
    period_end: date | None
    as_of: date | None
    verdict: Verdict
    best: int | None
    low: int | None
    high: int | None
    reason: str
    figures: tuple[GroupMember, ...]


@dataclass(frozen=True, slots=True)
class DerivedFigure:
    """A figure computed from others (second quarter = first half - first quarter), with lineage."""

    figure: Figure
    derived_from: tuple[tuple[str, str], ...]  # (doc, figure id) pairs
    rule: str


class DatePrecision(StrEnum):
    """How precisely an incident's date is known (as ACLED's time_precision)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class IncidentCount:
    """Killed, injured or kidnapped in an incident, linked to the figure that states it."""

    low: int
    high: int | None
    qualifier: Qualifier
    figure: str | None  # id of the figure line in the same document


@dataclass(frozen=True, slots=True)
class Incident:
    """One event (a bombing, an ambush, a raid) coded as ACLED or GTD code incidents (issue 4)."""

    doc: str
    id: str
    start: int  # evidence span of the incident's main sentence
    end: int
    date: date | None
    date_precision: DatePrecision | None
    date_text: str | None
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    geo_precision: (
        int | None
    )  # 1 = the place itself, 2 = near it / a district, 3 = province or country
    geo_reason: str | None
    type: str | None  # ACLED event_type
    sub_type: str | None  # ACLED sub_event_type
    perpetrator: str | None
    perpetrator_status: str | None  # "stated" | "suspected" | "claimed"
    target: str | None
    killed: IncidentCount | None = None
    injured: IncidentCount | None = None
    kidnapped: IncidentCount | None = None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


__all__ = [
    "STOCK_MEASURES",
    "Check",
    "CheckType",
    "DatePrecision",
    "DerivedFigure",
    "Document",
    "Extraction",
    "Figure",
    "Group",
    "GroupMember",
    "Incident",
    "IncidentCount",
    "Measure",
    "Qualifier",
    "Quantity",
    "Verdict",
    "content_id",
    "normalise_text",
]
