"""The JSON API under /api: documents, figures, groups, conflicts, incidents, reviews.

The same filters as the command line; lists are paged (100 a page) and say how many match.
The framework generates the OpenAPI schema at /openapi.json.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel

from newsledger.web import queries
from newsledger.web.filters import (
    PAGE_SIZE,
    FigureQuery,
    GroupQuery,
    IncidentQuery,
    Page,
    Text,
    figure_query,
    group_query,
    incident_query,
)
from newsledger.web.review import ReviewIn, apply
from newsledger.web.state import WebDep


class Problem(BaseModel):
    """A refused request: ``message`` says why, in one line."""

    detail: str
    message: str


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers an operation documents."""
    return {code: {"model": Problem} for code in codes}


router = APIRouter(prefix="/api", tags=["api"])

Json = dict[str, Any]


@router.get("/documents")
def list_documents(web: WebDep, q: Text = None, outlet: Text = None, since: date | None = None,
                   until: date | None = None, page: Page = 1) -> Json:
    """Documents (metadata and counts), searched by text, outlet and publication days."""
    filters = queries.DocumentFilters(q or None, outlet or None, since, until, PAGE_SIZE,
                                      (page - 1) * PAGE_SIZE)
    with web.reading() as ledger:
        rows, total = queries.search_documents(ledger, filters)
    return {"total": total, "page": page, "documents": rows}


@router.get("/documents/{document}", responses=problems(404))
def get_document(web: WebDep, document: str) -> Json:
    """One document with its text, its figures as reviewed (status in ``review``) and checks."""
    with web.reading() as ledger:
        found = queries.find_document(ledger, document)
        if found is None:
            raise HTTPException(404, f"no document {document!r} in the ledger")
        figures = queries.document_figures(ledger, found["id"])
        checks = ledger.checks(document=found["id"])
    return {**found, "figures": figures, "checks": checks}


@router.get("/figures")
def list_figures(web: WebDep, query: Annotated[FigureQuery, Depends(figure_query)],
                 page: Page = 1) -> Json:
    """Figures as ``newsledger figures`` lists them (corrections applied, rejected left out)."""
    with web.reading() as ledger:
        rows, total = queries.figures_page(ledger, query, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return {"total": total, "page": page, "figures": rows}


@router.get("/groups")
def list_groups(web: WebDep, query: Annotated[GroupQuery, Depends(group_query)],
                page: Page = 1) -> Json:
    """Same-thing groups as ``newsledger groups --format jsonl`` lines."""
    with web.reading() as ledger:
        rows, total = queries.groups_page(ledger, query, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return {"total": total, "page": page, "groups": rows}


@router.get("/groups/{group_id}", responses=problems(404))
def get_group(web: WebDep, group_id: str) -> Json:
    """One group with its members, their passages and documents."""
    with web.reading() as ledger:
        group = queries.group_detail(ledger, group_id)
    if group is None:
        raise HTTPException(404, f"no group {group_id!r}")
    return group


@router.get("/conflicts")
def list_conflicts(web: WebDep, page: Page = 1) -> Json:
    """``newsledger conflicts --format json``, newest first, 100 a page."""
    with web.reading() as ledger:
        rows, total = queries.conflict_lines(ledger, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return {"total": total, "page": page, "conflicts": rows}


@router.get("/incidents")
def list_incidents(web: WebDep, query: Annotated[IncidentQuery, Depends(incident_query)],
                   page: Page = 1) -> Json:
    """Incidents merged across reports, as ``newsledger incidents --format json``."""
    with web.reading() as ledger:
        rows, total = queries.incidents_page(ledger, query, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return {"total": total, "page": page, "incidents": rows}


@router.get("/reviews")
def list_reviews(web: WebDep, document: Text = None) -> Json:
    """The review audit trail, newest first: what, before, after, when, by whom."""
    with web.reading() as ledger:
        rows = ledger.reviews(document or None)
    return {"total": len(rows), "reviews": rows}


@router.post("/figures/{document}/{figure}/review", responses=problems(400, 401, 403, 404))
def review_figure(web: WebDep, document: str, figure: str, body: ReviewIn,
                  authorization: Annotated[str | None, Header()] = None) -> Json:
    """Confirm, correct, reject a figure, or mark it the same (or not) as ``other``.

    Needs ``Authorization: Bearer TOKEN``: 401 without it, 403 when wrong or read-only.
    """
    web.guard.check_bearer(authorization)
    changes = body.changes.given() if body.changes else {}
    return apply(web, document, figure, body.action, body.reviewer, changes, body.other,
                 body.note)


__all__ = ["router"]
