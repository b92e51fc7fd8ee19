"""The ``serve`` command: the local web application for reading and reviewing the ledger."""

from __future__ import annotations

import threading
from typing import Annotated

import typer
from rich.console import Console

from newsledger.cli_common import DbOption, app, open_ledger


@app.command(rich_help_panel="Review")
def serve(
    db: DbOption = "newsledger.duckdb",
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option(envvar="NEWSLEDGER_TOKEN", show_default=False,
                     help="Write token (default: a new one, printed at start)."),
    ] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Refuse every write.")] = False,
    reviewer: Annotated[
        str, typer.Option(help="Name recorded with reviews by default.")] = "reviewer",
) -> None:
    """Serve the ledger as web pages and a JSON API on 127.0.0.1 (writes need the token)."""
    import uvicorn

    from newsledger.web import Settings, create_app
    from newsledger.web.app import load_tables
    from newsledger.web.security import new_token

    open_ledger(db, Console(stderr=True), must_exist=True).close()
    settings = Settings(db=db, token=token or new_token(), read_only=read_only,
                        reviewer=reviewer)
    web_app = create_app(settings)
    base = f"http://127.0.0.1:{port}"
    out = Console(stderr=True)
    out.print(f"newsledger: serving {db} at {base}/documents", markup=False, highlight=False)
    if read_only:
        out.print("read-only: reviews are refused", markup=False, highlight=False)
    else:
        out.print(f"to review, open {base}/login?token={settings.token}", markup=False,
                  highlight=False)
        out.print(f"API writes: Authorization: Bearer {settings.token}", markup=False,
                  highlight=False)
    # The map and the first correction need the gazetteer and rule tables: loaded meanwhile.
    threading.Thread(target=load_tables, name="newsledger-tables", daemon=True).start()
    # Bound to the loopback address only: the ledger is not published on the network.
    uvicorn.run(web_app, host="127.0.0.1", port=port, log_level="warning")
