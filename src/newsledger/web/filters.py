"""Query parameters shared by pages and API: the CLI's filters, declared once."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Query

from newsledger.model import Measure, Verdict

Text = Annotated[str | None, Query(max_length=200)]
PAGE_SIZE = 100


@dataclass(frozen=True)
class FigureQuery:
    """``newsledger figures``' filters."""

    measure: Measure | None = None
    actor: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None
    document: str | None = None
    country: str | None = None

    def kwargs(self) -> dict[str, Any]:
        """As keyword arguments of ``Ledger.figures``, empty text dropped."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def figure_query(
    measure: Measure | None = None,
    actor: Text = None,
    place: Text = None,
    since: Annotated[date | None, Query(description="Periods ending on or after this day.")] = None,
    until: Annotated[
        date | None, Query(description="Periods starting on or before this day.")] = None,
    source: Text = None,
    document: Text = None,
    country: Text = None,
) -> FigureQuery:
    """The figure filters from the query string (empty fields mean no filter)."""
    return FigureQuery(measure, actor or None, place or None, since, until, source or None,
                       document or None, country or None)


@dataclass(frozen=True)
class GroupQuery:
    """``newsledger groups``' filters."""

    verdict: Verdict | None = None
    measure: Measure | None = None


def group_query(verdict: Verdict | None = None, measure: Measure | None = None) -> GroupQuery:
    """The group filters from the query string."""
    return GroupQuery(verdict, measure)


@dataclass(frozen=True)
class IncidentQuery:
    """``newsledger incidents``' filters."""

    country: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    document: str | None = None

    def kwargs(self) -> dict[str, Any]:
        """As keyword arguments of ``Ledger.incidents``."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def incident_query(
    country: Text = None,
    type: Annotated[str | None, Query(
        max_length=200, description="Event type or sub-type contains this text.")] = None,
    since: date | None = None,
    until: date | None = None,
    document: Text = None,
) -> IncidentQuery:
    """The incident filters from the query string."""
    return IncidentQuery(country or None, type or None, since, until, document or None)


Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, 100 rows a page.")]

__all__ = ["PAGE_SIZE", "FigureQuery", "GroupQuery", "IncidentQuery", "Page", "figure_query",
           "group_query", "incident_query"]
