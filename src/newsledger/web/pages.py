"""Server-rendered pages: documents, a document with its figures in place, figures (and CSV),
groups, conflicts, incidents, the review trail, and logging in with the token."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsledger.cli_common import FIGURE_COLUMNS as CSV_COLUMNS
from newsledger.model import Measure
from newsledger.output import csv_text
from newsledger.review_tables import CORRECTABLE
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
from newsledger.web.highlight import pieces
from newsledger.web.incident_map import draw_map, gazetteer_countries
from newsledger.web.security import COOKIE
from newsledger.web.state import Web, WebDep

router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> RedirectResponse:
    """The documents list is the front page."""
    return RedirectResponse("/documents", status_code=303)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request, web: WebDep, q: Text = None, outlet: Text = None,
    since: date | None = None, until: date | None = None, page: Page = 1,
) -> HTMLResponse:
    """Documents, newest first, searched by text, outlet and publication days."""
    filters = queries.DocumentFilters(q or None, outlet or None, since, until, PAGE_SIZE,
                                      (page - 1) * PAGE_SIZE)
    with web.reading() as ledger:
        rows, total = queries.search_documents(ledger, filters)
        outlets = queries.outlets(ledger)
    return web.page(request, "documents.html", {
        "rows": rows, "total": total, "page": page, "pages": _pages(total), "outlets": outlets,
        "q": q or "", "outlet": outlet or "", "since": since, "until": until})


@router.get("/documents/{document}", response_class=HTMLResponse)
def document_page(request: Request, web: WebDep, document: str) -> HTMLResponse:
    """One document's text with every figure's number highlighted, and each figure's card."""
    with web.reading() as ledger:
        found = queries.find_document(ledger, document)
        if found is None:
            raise HTTPException(404, f"no document {document!r} in the ledger")
        figures = queries.document_figures(ledger, found["id"])
        checks = queries.figure_checks(ledger.checks(document=found["id"]), found["doc"])
        groups = queries.figure_groups(ledger, found["doc"])
        history = ledger.reviews(found["id"])
    return web.page(request, "document.html", {
        "doc": found, "figures": figures, "pieces": pieces(found["text"], figures),
        "checks": checks, "groups": groups, "history": history, "fields": CORRECTABLE,
        "tips": {f["id"]: tooltip(f) for f in figures},
        "measures": _enum_values("Measure"), "qualifiers": _enum_values("Qualifier")})


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request, web: WebDep, query: Annotated[FigureQuery, Depends(figure_query)],
    page: Page = 1,
) -> HTMLResponse:
    """Figures with the CLI's filters, as reviewed; a link downloads them as CSV."""
    with web.reading() as ledger:
        rows, total = queries.figures_page(ledger, query, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return web.page(request, "figures.html", {
        "rows": rows, "total": total, "page": page, "pages": _pages(total), "query": query,
        "measures": _enum_values("Measure"), "csv_query": request.url.query})


@router.get("/figures.csv")
def figures_csv(web: WebDep, query: Annotated[FigureQuery, Depends(figure_query)]) -> Response:
    """``newsledger figures --format csv`` with the same filters, as a download."""
    with web.reading() as ledger:
        rows = ledger.figures(**query.kwargs())
    names = [*CSV_COLUMNS, *(n for n in (rows[0] if rows else {}) if n not in CSV_COLUMNS)]
    return Response(csv_text(rows, names), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="figures.csv"'})


@router.get("/groups", response_class=HTMLResponse)
def groups_page(
    request: Request, web: WebDep, query: Annotated[GroupQuery, Depends(group_query)],
    page: Page = 1,
) -> HTMLResponse:
    """Same-thing groups with verdict and best/low/high."""
    with web.reading() as ledger:
        rows, total = queries.groups_page(ledger, query, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return web.page(request, "groups.html", {
        "rows": rows, "total": total, "page": page, "pages": _pages(total), "query": query,
        "measures": _enum_values("Measure"), "verdicts": _enum_values("Verdict"),
        "title": "Groups"})


@router.get("/groups/{group_id}", response_class=HTMLResponse)
def group_page(request: Request, web: WebDep, group_id: str) -> HTMLResponse:
    """One group: members side by side with each source's passage, verdict and reason."""
    with web.reading() as ledger:
        group = queries.group_detail(ledger, group_id)
    if group is None:
        raise HTTPException(404, f"no group {group_id!r} (groups are renumbered on each ingest)")
    return web.page(request, "group.html", {"group": group})


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, web: WebDep) -> HTMLResponse:
    """Groups whose reports conflict, newest first, members side by side."""
    with web.reading() as ledger:
        groups, total = queries.conflicts_page(ledger, PAGE_SIZE // 2)
    return web.page(request, "conflicts.html", {"groups": groups, "total": total})


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    request: Request, web: WebDep, query: Annotated[IncidentQuery, Depends(incident_query)],
    page: Page = 1,
) -> HTMLResponse:
    """Incidents merged across reports, with date, precision, place and tolls."""
    with web.reading() as ledger:
        rows, total = queries.incidents_page(ledger, query, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return web.page(request, "incidents.html", {
        "rows": rows, "total": total, "page": page, "pages": _pages(total), "query": query,
        "map_query": urlencode(query.kwargs())})


@router.get("/incidents/map", response_class=HTMLResponse)
def incidents_map_page(
    request: Request, web: WebDep, query: Annotated[IncidentQuery, Depends(incident_query)],
) -> HTMLResponse:
    """The incidents the filters find on a map drawn from the ledger's own coordinates."""
    with web.reading() as ledger:
        places, unplaced = queries.incident_places(ledger, query)
    drawn = draw_map(places, unplaced, gazetteer_countries())
    return web.page(request, "incident_map.html", {
        "map": drawn, "query": query, "total": sum(s.incidents for s in drawn.spots) + unplaced,
        "list_query": request.url.query})


# The report is one self-contained page with inline styles and an inline SVG chart, and no script.
REPORT_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                 "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


@router.get("/report", response_class=HTMLResponse)
def report_page(
    web: WebDep, since: date | None = None, until: date | None = None, actor: Text = None,
    place: Text = None, measure: Measure | None = None, country: Text = None,
) -> HTMLResponse:
    """``newsledger report --format html`` with the same filters, reviews applied."""
    from newsledger.report import ReportFilters, render_report, report_html

    filters = ReportFilters(since=since, until=until, actor=actor or None, place=place or None,
                            measure=measure, country=country or None)
    with web.reading() as ledger:
        html = report_html(render_report(ledger, filters))
    return HTMLResponse(html, headers={"Content-Security-Policy": REPORT_POLICY})


@router.get("/reviews", response_class=HTMLResponse)
def reviews_page(request: Request, web: WebDep) -> HTMLResponse:
    """The audit trail: every review, newest first."""
    with web.reading() as ledger:
        rows = ledger.reviews()
    return web.page(request, "reviews.html", {"rows": rows[:500], "total": len(rows)})


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request, web: WebDep, token: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """With ``?token=``: remember the write token in a cookie; else a form to paste it."""
    if token is None:
        return web.page(request, "login.html", {})
    return _login(web, token)


@router.post("/login")
def login_form(web: WebDep, token: Annotated[str, Form(max_length=200)]) -> Response:
    """The pasted token, checked and remembered in a cookie."""
    return _login(web, token)


def _login(web: Web, token: str) -> Response:
    if not web.guard.valid(token):
        raise HTTPException(403, "that is not this server's token")
    response = RedirectResponse("/documents", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
def logout() -> Response:
    """Forget the token."""
    response = RedirectResponse("/documents", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def tooltip(figure: dict[str, Any]) -> str:
    """What a figure is, in one line for the number's hover text."""
    period = " to ".join(dict.fromkeys(d for d in (figure["period_start"], figure["period_end"])
                                       if d)) or "no period"
    parts = [f"{figure['id']}: {figure['measure']}", figure["counted"] or "",
             f"actor {figure['actor'] or '-'}", "places " + ("; ".join(figure["locations"]) or "-"),
             period, f"source {figure['source'] or '-'}"]
    if figure.get("review"):
        parts.append(figure["review"])
    return " · ".join(part for part in parts if part)


def _pages(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def _enum_values(name: str) -> list[str]:
    from newsledger import model

    kind: Any = getattr(model, name)
    return [member.value for member in kind]


__all__ = ["router"]
