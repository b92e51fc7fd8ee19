"""The FastAPI application: one ledger, a lock around it, pages, API, reviews, error handling.

DuckDB allows one writer per file, so the app holds one ``Ledger`` and serialises requests on it
with a lock (a local review tool serves one person; pages answer in milliseconds).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsledger.errors import LedgerError, NewsledgerError
from newsledger.review_tables import ReviewError, UnknownFigureError
from newsledger.web import api, pages, review
from newsledger.web.state import HERE, Settings, Web

log = logging.getLogger("newsledger.web")

# Pages load nothing from elsewhere and run no inline script: a story's text that slipped past
# escaping still could not run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def load_tables() -> None:
    """Load what the map (country points) and re-judging a corrected document (gazetteer,
    actors, event rules) read, once per process; ``serve`` runs it beside the server so that
    neither the first map nor the first correction waits for it."""
    from newsledger.extract.incidents import event_rules
    from newsledger.extract.parties import actor_table
    from newsledger.web.incident_map import gazetteer_countries

    gazetteer_countries()
    actor_table()
    event_rules()


def create_app(settings: Settings) -> FastAPI:
    """The web application over ``settings.db``; the ledger stays open while the app lives."""
    from newsledger import __version__

    app = FastAPI(
        title="newsledger",
        version=__version__,
        description="Figures read from conflict reporting, with their evidence, groups, "
                    "incidents and reviews. Reads need nothing; writes need the token.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; offline only
        openapi_url="/openapi.json",
    )
    web = Web(settings)
    app.state.web = web
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(api.router)
    _add_error_handlers(app, web)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def wants_html(request: Request) -> bool:
    """Pages get an error page; the API and scripts get JSON."""
    if request.url.path.startswith(("/api/", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _add_error_handlers(app: FastAPI, web: Web) -> None:
    def answer(request: Request, status: int, message: str,
               headers: Mapping[str, str] | None = None, detail: Any = None) -> Response:
        if wants_html(request):
            response: Response = web.page(request, "error.html",
                                          {"status": status, "message": message}, status)
        else:
            # ``detail`` as FastAPI documents it (text, or the validation errors); ``message``
            # always one line a person can read.
            body = {"detail": message if detail is None else detail, "message": message}
            response = JSONResponse(jsonable_encoder(body), status_code=status)
        for name, value in (headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return answer(request, error.status_code, str(error.detail), error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return answer(request, 422, validation_message(error), detail=error.errors())

    def refused(request: Request, error: ReviewError) -> Response:
        return answer(request, 404 if isinstance(error, UnknownFigureError) else 400, str(error))

    @app.exception_handler(ReviewError)
    async def bad_review(request: Request, error: ReviewError) -> Response:
        return refused(request, error)

    @app.exception_handler(NewsledgerError)
    async def ledger_error(request: Request, error: NewsledgerError) -> Response:
        if isinstance(error, LedgerError) and isinstance(error.__cause__, ReviewError):
            return refused(request, error.__cause__)
        log.exception("ledger error on %s", request.url.path)
        return answer(request, 500, f"the ledger could not do that: {error}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)  # the trace stays in the log
        return answer(request, 500, f"internal error ({type(error).__name__}); see the server log")


def validation_message(error: RequestValidationError) -> str:
    """'since: Input should be a valid date; ...' from FastAPI's validation errors."""
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


__all__ = ["Settings", "create_app", "load_tables", "validation_message", "wants_html"]
