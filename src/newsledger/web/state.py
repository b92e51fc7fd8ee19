"""What every route shares: how the server was started and the ledger behind its lock.

The routers (``pages``, ``review``, ``api``) and the application (``app``) import from here, so the
modules of the web package import one way: state <- routers <- app.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsledger.store import Ledger, OutdatedLedgerError
from newsledger.web.security import Guard, new_token

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Settings:
    """How ``newsledger serve`` was started."""

    db: str
    token: str = field(default_factory=new_token)
    read_only: bool = False
    reviewer: str = "reviewer"


class Web:
    """What every route needs: the ledger behind its lock, the guard, the templates."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ledger = open_for(settings.db, settings.read_only)
        self.guard = Guard(settings.token, settings.read_only)
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.autoescape = True  # every text from a document is escaped
        self.templates.env.filters["pageset"] = page_query
        self.templates.env.filters["web_url"] = web_url
        self._lock = threading.RLock()

    @contextmanager
    def reading(self) -> Iterator[Ledger]:
        """The ledger, for the length of one request's work."""
        with self._lock:
            yield self.ledger

    def page(self, request: Request, name: str, context: dict[str, Any],
             status: int = 200) -> HTMLResponse:
        """A rendered page with what every page shows (write access, CSRF token)."""
        csrf = self.guard.csrf_for(request)
        base = {"csrf": csrf, "can_write": csrf is not None and not self.settings.read_only,
                "read_only": self.settings.read_only, "reviewer": self.settings.reviewer}
        return self.templates.TemplateResponse(request, name, {**base, **context},
                                               status_code=status)


def open_for(db: str, read_only: bool) -> Ledger:
    """The ledger; read-only in ``--read-only`` mode (other processes may then read it too)."""
    if not read_only:
        return Ledger(db)
    try:
        return Ledger(db, read_only=True)
    except OutdatedLedgerError:
        Ledger(db).close()  # upgraded once, in place
        return Ledger(db, read_only=True)


def page_query(params: Any, page: int) -> str:
    """The current query string with another page number."""
    return urlencode({**dict(params), "page": page})


def web_url(url: str | None) -> str | None:
    """A document's URL when it is safe to link (http or https), else None: shown as text."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def web_of(request: Request) -> Web:
    """The application's shared state."""
    web: Web = request.app.state.web
    return web


WebDep = Annotated[Web, Depends(web_of)]
