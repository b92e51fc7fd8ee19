"""End-to-end: Debian's Chromium driven by Playwright through the review pages (issue 13).

The server runs in a thread on 127.0.0.1 over a copy of the demo ledger; the browser opens a
document, sees its figures highlighted, corrects one and sees its group and the report change,
rejects one, reloads and finds it still rejected. Skips, saying why, where no browser can run
(`.ci/run` installs chromium with apt-get first). NEWSLEDGER_SCREENSHOT=PATH also saves the
document page's screenshot there (the README's picture: docs/img/document-page.png).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("NEWSLEDGER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "e2e-token-0123456789"
FOLLOWUP = "mogadishu-bombing-followup.txt"  # examples/: two tolls that disagree


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium under Playwright, or a skip that says why not."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (what .ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as error:  # a browser that cannot start here: say why
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {error}")
        yield chromium
        chromium.close()


@pytest.fixture
def server(demo_ledger_file: str) -> Iterator[tuple[str, Any]]:
    """The app on a free 127.0.0.1 port in a thread; yields its base URL and the app."""
    import uvicorn

    from newsledger.web import Settings, create_app

    app = create_app(Settings(db=demo_ledger_file, token=TOKEN, reviewer="e2e"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", app
    running.should_exit = True
    thread.join(10)
    app.state.web.ledger.close()


def followup_id(app: Any) -> str:
    ledger = app.state.web.ledger
    return next(d["id"] for d in ledger.documents() if (d["path"] or "").endswith(FOLLOWUP))


def report_text(page: Any, base: str) -> str:
    page.goto(f"{base}/report")
    return str(page.inner_text("body"))


def report_figures(page: Any, base: str) -> int:
    """The number of figures the report's header counts."""
    page.goto(f"{base}/report")
    found = re.search(r"(\d+)\s*figures", page.inner_text("ul.counts"))
    assert found
    return int(found.group(1))


def test_e2e_review_a_document_in_the_browser(browser: Any, server: tuple[str, Any]) -> None:
    base, app = server
    doc = followup_id(app)
    figures = app.state.web.ledger.figures(document=doc)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    report_before = report_text(page, base)
    counted_before = report_figures(page, base)

    # Open the document: every figure's number is highlighted in the text.
    page.goto(f"{base}/login?token={TOKEN}")
    page.goto(f"{base}/documents/{doc}")
    marks = page.locator("article.doc-text mark.fig:not(.again)")
    assert marks.count() == len(figures)
    assert marks.first.is_visible()

    # The police toll the report gives as an earlier one is replaced: its card shows the update.
    first, second = [f for f in figures if f["measure"] == "killed"][:2]
    card = page.locator(f"#fig-{second['id']}")
    assert "update, best 19" in card.inner_text()

    # Clicking the number selects its card.
    page.locator(f"mark.fig[data-fig='{second['id']}']").first.click()
    assert "selected" in (card.get_attribute("class") or "")
    if shot := os.environ.get("NEWSLEDGER_SCREENSHOT"):
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=shot)

    # Correct the second toll to the first's value and qualifier.
    card.locator("details.correct summary").click()
    card.locator(f"#{second['id']}-low").fill(str(first["low"]))
    card.locator(f"#{second['id']}-high").fill("" if first["high"] is None else str(first["high"]))
    card.locator(f"#{second['id']}-qualifier").select_option(first["qualifier"])
    card.locator("button.save").click()
    page.wait_for_load_state()
    card = page.locator(f"#fig-{second['id']}")
    assert card.locator(".status").text_content() == "corrected"

    # The group and the report change with it (groups are renumbered: follow the new link).
    page.locator(f"#fig-{second['id']} dd a[href^='/groups/']").first.click()
    page.wait_for_load_state()
    member = page.locator(".member", has_text=f"{second['doc']}:{second['id']}")
    assert member.locator(".value").inner_text().startswith(str(first["low"]))
    report_after = report_text(page, base)
    assert report_after != report_before

    # Reject another figure; after a reload it is still rejected and struck through.
    other = next(f for f in figures if f["id"] not in (first["id"], second["id"]))
    page.goto(f"{base}/documents/{doc}")
    page.locator(f"#fig-{other['id']} button.reject").click()
    page.wait_for_load_state()
    page.reload()
    assert page.locator(f"#fig-{other['id']} .status").text_content() == "rejected"
    assert page.locator(f"mark.fig.st-rejected[data-fig='{other['id']}']").count() >= 1
    listed = {f["id"] for f in app.state.web.ledger.figures(document=doc)}
    assert other["id"] not in listed
    assert report_figures(page, base) == counted_before - 1
    context.close()


def test_e2e_hostile_markup_does_not_run(browser: Any, server: tuple[str, Any]) -> None:
    base, _ = server
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/documents?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)</script>" in page.input_value("input[name=q]")
    assert dialogs == []
    page.close()
