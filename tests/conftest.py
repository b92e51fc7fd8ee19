"""Fixtures shared by the test modules."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from newsledger.model import Extraction, Figure

# Property tests check results, not speed (speed is measured by `make bench`): hypothesis's
# default 200 ms deadline per example fails them at random on a loaded machine.
settings.register_profile("newsledger", deadline=None)
settings.load_profile("newsledger")


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (UTF-8) or bytes to a file under tmp_path, creating folders; returns its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


def figure_numbered(extraction: Extraction, number: str) -> Figure:
    """The first figure of an extraction whose number is written ``number`` (asserted found)."""
    found = [f for f in extraction.figures if f.quantity.number_text == number]
    assert found, f"no figure {number!r} in {[f.quantity.number_text for f in extraction.figures]}"
    return found[0]


def only_figure_numbered(extraction: Extraction, number: str, *, within: bool = False) -> Figure:
    """The one figure whose number is ``number`` (or holds it, ``within``); asserted unique."""
    found = [
        f
        for f in extraction.figures
        if (number in f.quantity.number_text if within else f.quantity.number_text == number)
    ]
    assert len(found) == 1, [f.quantity.number_text for f in extraction.figures]
    return found[0]


def period_days(period: tuple[str | None, str | None]) -> tuple[date | None, date | None]:
    """A period written as two ISO dates (or None) as dates."""
    start, end = period
    return (date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None)


# A plain function, not only a fixture: test modules import it for module-level data.
def build_figure(
    fid: str,
    value: int,
    measure: str,
    *,
    start: int = 0,
    qualifier: str = "exact",
    high: int | None | str = "same",
    counted: str | None = "operatives",
    actor: str | None = None,
    locations: tuple[str, ...] = (),
    period: tuple[date | None, date | None] = (None, None),
    doc: str = "d",
    **fields: object,
) -> Figure:
    """Build a Figure by hand: build_figure("f1", 44, "killed", locations=("Iraq",), start=0)."""
    from newsledger.model import Figure, Measure, Qualifier, Quantity

    top = value if high == "same" else high
    quantity = Quantity(
        value,
        top if isinstance(top, int) or top is None else value,
        Qualifier(qualifier),
        str(value),
        start,
        start + len(str(value)),
    )
    return Figure(
        doc=doc,
        id=fid,
        start=start,
        end=start + 5,
        text=str(value),
        quantity=quantity,
        measure=Measure(measure),
        counted=counted,
        actor=actor,
        locations=locations,
        period_start=period[0],
        period_end=period[1],
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def make_figure() -> Callable[..., Figure]:
    """``build_figure`` as a fixture: make_figure("f1", 44, "killed", locations=("Iraq",))."""
    return build_figure


@pytest.fixture(scope="session")
def extract_text() -> Callable[..., object]:
    """Run the real pipeline on a text we wrote: extract_text(text, published=date(...))."""
    from newsledger.ingest import read_text_document
    from newsledger.pipeline import extract

    def run(text: str, published: date | None = None) -> object:
        return extract(read_text_document(text, published=published))

    return run


# Three short reports in the style of wire copy (written for these tests), with their figures
# coded by hand: two disagree on ISIS deaths in Iraq in Q2 2024, one has parts that do not sum.
REPORT_TIGRIS = (
    "BAGHDAD, July 3 (Tigris Wire) - Iraqi forces killed 30 ISIS militants and detained 74 "
    "suspects in Anbar between April and June 2024, the Joint Operations Command said.\n"
    "Officials added that more than 9,000 ISIS detainees remain held in camps in Syria."
)
REPORT_MONITOR = (
    "ERBIL, July 20 - A monitoring group said only 21 ISIS militants were killed in Iraq "
    "between April and June 2024, citing <field teams> & hospitals. It disputed the toll."
)
REPORT_OBSERVATORY = (
    "The observatory said 52 people were killed in Deir ez-Zor and Raqqa in May 2024. "
    "It counted 40 in Deir ez-Zor and 17 in Raqqa."
)


# A plain function, not a fixture: test modules import it for module-level data.
def hand_figure(
    doc: str, text: str, fid: str, phrase: str, number: str, **fields: object
) -> Figure:
    """A figure whose evidence is ``phrase`` in ``text`` and whose number is ``number`` in it."""
    from newsledger.extract.numbers.numbers import parse_number
    from newsledger.model import Figure, Measure

    start = text.index(phrase)
    at = start + phrase.index(number)
    parsed = parse_number(number)
    assert parsed is not None, number
    quantity = type(parsed)(parsed.low, parsed.high, parsed.qualifier, number, at, at + len(number))
    measure = Measure(str(fields.pop("measure", "killed")))
    return Figure(doc, fid, start, start + len(phrase), phrase, quantity, measure,
                  **fields)  # type: ignore[arg-type]


@pytest.fixture
def news_extractions() -> tuple[object, ...]:
    """The three hand-coded reports above as extractions, ready for ``Ledger.add``."""
    return build_news_extractions()


def build_news_extractions() -> tuple[object, ...]:
    """The three hand-coded reports above as extractions (plain function: session fixtures)."""
    from newsledger.model import Check, CheckType, Document, Extraction

    q2 = {"period_start": date(2024, 4, 1), "period_end": date(2024, 6, 30)}
    may = {"period_start": date(2024, 5, 1), "period_end": date(2024, 5, 31)}
    t, m, o = REPORT_TIGRIS, REPORT_MONITOR, REPORT_OBSERVATORY
    tigris = Extraction(
        Document(t, title="Iraqi forces kill 30 ISIS militants in Anbar", name="tigris-anbar",
                 published=date(2024, 7, 3), outlet="Tigris Wire",
                 url="https://tigriswire.example/2024/07/03/anbar"),
        (hand_figure("tigris-anbar", t, "f1", "killed 30 ISIS militants", "30", actor="ISIS",
                     counted="ISIS militants", locations=("Iraq",), source="JOC", **q2),
         hand_figure("tigris-anbar", t, "f2", "detained 74 suspects", "74", measure="detained",
                     actor="ISIS", counted="suspects", locations=("Anbar", "Iraq"), **q2),
         hand_figure("tigris-anbar", t, "f3", "more than 9,000 ISIS detainees", "more than 9,000",
                     measure="held", actor="ISIS", counted="ISIS detainees",
                     locations=("Syria",))),
        (),
    )
    monitor = Extraction(
        Document(m, title='Monitor: "only 21" ISIS deaths <disputed> | Q2', name="monitor-q2",
                 published=date(2024, 7, 20), outlet="Erbil Daily"),
        (hand_figure("monitor-q2", m, "f1", "only 21 ISIS militants were killed", "21",
                     actor="ISIS", counted="ISIS militants", locations=("Iraq",),
                     source="A monitoring group", **q2),),
        (),
    )
    observatory = Extraction(
        Document(o, name="observatory-may", published=date(2024, 6, 2)),
        (hand_figure("observatory-may", o, "f1", "52 people were killed", "52",
                     counted="people", locations=("Deir ez-Zor", "Raqqa"), **may),
         hand_figure("observatory-may", o, "f2", "40 in Deir ez-Zor", "40",
                     counted="people", locations=("Deir ez-Zor",), **may),
         hand_figure("observatory-may", o, "f3", "17 in Raqqa", "17",
                     counted="people", locations=("Raqqa",), **may)),
        (Check("observatory-may", CheckType.SUM, False, total="f1", parts=("f2", "f3"),
               reason="Parts by place: 40 + 17 does not add up to 52"),),
    )
    return tigris, monitor, observatory


@pytest.fixture
def news_ledger(news_extractions: tuple[object, ...]) -> object:
    """A Ledger(':memory:') holding the three hand-coded reports above."""
    from newsledger.store import Ledger

    ledger = Ledger(":memory:")
    for extraction in news_extractions:
        ledger.add(extraction)  # type: ignore[arg-type]
    return ledger


@pytest.fixture
def news_ledger_file(news_extractions: tuple[object, ...], tmp_path: Path) -> str:
    """The same three reports in a ledger file, for the command line."""
    from newsledger.store import Ledger

    path = str(tmp_path / "news.duckdb")
    with Ledger(path) as ledger:
        for extraction in news_extractions:
            ledger.add(extraction)  # type: ignore[arg-type]
    return path


REPORT_Q1 = ("TAMPA - Coalition forces killed 18 ISIS operatives in Iraq and Syria from January "
             "through March 2024, U.S. Central Command said.")
REPORT_H1 = ("TAMPA - CENTCOM said 44 ISIS operatives were killed in Iraq and Syria in the first "
             "half of 2024.")


@pytest.fixture
def half_year_ledger() -> object:
    """A reconciled Ledger(':memory:') with a first-quarter and a first-half toll (Q2 derives)."""
    from newsledger.model import Document, Extraction
    from newsledger.store import Ledger

    def report(
        name: str, text: str, phrase: str, number: str, end: date, published: date
    ) -> Extraction:
        figure = hand_figure(name, text, "f1", phrase, number, actor="ISIS",
                             counted="ISIS operatives", locations=("Iraq", "Syria"),
                             source="U.S. Central Command", period_start=date(2024, 1, 1),
                             period_end=end)
        document = Document(text, name=name, published=published)
        return Extraction(document, (figure,), ())

    ledger = Ledger(":memory:")
    ledger.add(report("q1", REPORT_Q1, "killed 18 ISIS operatives", "18", date(2024, 3, 31),
                      date(2024, 4, 5)))
    ledger.add(report("h1", REPORT_H1, "44 ISIS operatives were killed", "44", date(2024, 6, 30),
                      date(2024, 7, 17)))
    ledger.reconcile()
    return ledger


# A report whose every field tries something (issue 12): spreadsheet formulas in the id, title,
# outlet and counted noun, terminal escape sequences (OSC title, clear screen, a C1 CSI) in text.
HOSTILE_TEXT = "=cmd|' /C calc'!A0 Gunmen killed 5 people. \x1b]0;owned\x07\x1b[2J\x9b31m"


@pytest.fixture
def hostile_extraction() -> object:
    """An extraction of the hostile report above, ready for ``Ledger.add``."""
    from newsledger.model import Document, Extraction

    document = Document(HOSTILE_TEXT, title="@SUM(A1:A9)", outlet="+Wire\x1b[31m",
                        name="-hostile")
    figure = hand_figure("-hostile", HOSTILE_TEXT, "f1", "killed 5 people", "5",
                         counted='=HYPERLINK("http://x")')
    return Extraction(document, (figure,), ())


# A page scraped from a hostile site (written for these tests): markup, event handlers and a
# javascript: link in its text, title and URL must reach the reader as text.
HOSTILE_PAGE = (
    "<script>alert('x')</script> Gunmen killed 12 villagers near Kidal on Monday, "
    "officials said. <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">more</a>"
)


@pytest.fixture(scope="session")
def web_ledger_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three hand-coded reports plus a hostile page, reconciled, in a ledger file (once)."""
    from newsledger.model import Document, Extraction
    from newsledger.store import Ledger

    hostile = Extraction(
        Document(HOSTILE_PAGE, title="<script>alert('t')</script>Attack <b onmouseover=x>",
                 name="hostile-page", published=date(2024, 7, 9), outlet="<i>Evil</i> Wire",
                 url="javascript:alert(document.cookie)"),
        (hand_figure("hostile-page", HOSTILE_PAGE, "f1", "killed 12 villagers", "12",
                     counted="villagers", actor="gunmen", locations=("Kidal",),
                     period_start=date(2024, 7, 8), period_end=date(2024, 7, 8)),),
        (),
    )
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Ledger(str(path)) as ledger:
        for extraction in (*build_news_extractions(), hostile):
            ledger.add(extraction)  # type: ignore[arg-type]
        ledger.reconcile()
    return path


@pytest.fixture
def web_ledger_file(web_ledger_template: Path, tmp_path: Path) -> str:
    """A fresh copy of ``web_ledger_template`` for one test to change."""
    import shutil

    path = tmp_path / "web.duckdb"
    shutil.copyfile(web_ledger_template, path)
    return str(path)


WEB_TOKEN = "test-token-0123456789"


@pytest.fixture
def web_client(web_ledger_file: str) -> object:
    """A FastAPI TestClient over ``web_ledger_file``; writes need ``WEB_TOKEN``."""
    from fastapi.testclient import TestClient

    from newsledger.web import Settings, create_app

    app = create_app(Settings(db=web_ledger_file, token=WEB_TOKEN, reviewer="tester"))
    with TestClient(app) as client:
        yield client
    app.state.web.ledger.close()


@pytest.fixture(scope="session")
def demo_ledger_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make demo``'s ledger: examples/ read by the real pipeline in this process, once."""
    from newsledger.errors import InputError
    from newsledger.ingest import read_inputs
    from newsledger.pipeline import extract
    from newsledger.store import Ledger

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    import os

    # Relative, as `make demo` names them: pages show a document's path when it has no title.
    examples = os.path.relpath(Path(__file__).resolve().parent.parent / "examples")
    with Ledger(str(path)) as ledger:
        for document in read_inputs([examples]):
            if not isinstance(document, InputError):
                ledger.add(extract(document))
        ledger.reconcile()
        ledger.merge_incidents()
    return path


@pytest.fixture(scope="session")
def example_extractions() -> tuple[object, ...]:
    """The reports of examples/ extracted by the real pipeline, once per session."""
    from newsledger.bench_corpus import load_examples
    from newsledger.pipeline import extract

    return tuple(extract(document) for document in load_examples())


@pytest.fixture
def demo_ledger_file(demo_ledger_template: Path, tmp_path: Path) -> str:
    """A fresh copy of the demo ledger for one test to change."""
    import shutil

    path = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_ledger_template, path)
    return str(path)


@pytest.fixture
def demo_client(demo_ledger_file: str) -> object:
    """A FastAPI TestClient over a fresh copy of the demo ledger; writes need ``WEB_TOKEN``."""
    from fastapi.testclient import TestClient

    from newsledger.web import Settings, create_app

    app = create_app(Settings(db=demo_ledger_file, token=WEB_TOKEN, reviewer="tester"))
    with TestClient(app) as client:
        yield client
    app.state.web.ledger.close()


@pytest.fixture
def api_schema(web_ledger_file: str) -> object:
    """The API's own OpenAPI schema, loaded by schemathesis from the app over a fresh ledger."""
    import schemathesis

    from newsledger.web import Settings, create_app

    app = create_app(Settings(db=web_ledger_file, token=WEB_TOKEN, reviewer="schemathesis"))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# A WARC record to write: (URI, WARC type, HTTP status or None for a resource, MIME type, body).
WarcRecord = tuple[str, str, str | None, str, bytes]


def build_warc(path: Path, records: list[WarcRecord]) -> Path:
    """Write ``records`` as a WARC archive (gzipped when the name ends in .gz) with warcio."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for uri, kind, status, mime, body in records:
            headers = None
            if status is not None:
                headers = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(body), http_headers=headers,
                warc_content_type=mime if status is None else None,
            )
            writer.write_record(record)
    return path


@pytest.fixture
def write_warc(tmp_path: Path) -> Callable[[str, list[WarcRecord]], Path]:
    """Write a WARC archive under tmp_path: write_warc("crawl.warc.gz", [(uri, ...), ...])."""
    return lambda name, records: build_warc(tmp_path / name, records)


# A small corpus in every input kind spark-extract reads, written for these tests: two wire
# stories, a JSONL feed (with a bad line and a copy of one story under a given id) and a crawl.
CORPUS_KUNDUZ = (
    "KUNDUZ, March 4 (Pamir Wire) - Gunmen killed seven police officers and wounded three others "
    "at a checkpoint in Kunduz province on Sunday, a provincial spokesman said.\n"
)
CORPUS_MALI = (
    "BAMAKO - The defence ministry said 25 soldiers were killed in the first quarter of 2024: "
    "15 in Gao and 10 in Mopti. It said 40 militants were detained over the same months.\n"
)
CORPUS_PAGE = b"""<!doctype html><html><head><title>Raid near Baidoa</title>
<meta property="article:published_time" content="2024-02-11T09:00:00+03:00">
</head><body><article><h1>Raid near Baidoa</h1>
<p>BAIDOA - Somali troops killed 14 al-Shabaab fighters in a raid on a village west of Baidoa on
Saturday, the army said. Two soldiers were wounded in the fighting.</p>
<p>The army said the fighters had attacked a convoy in the area last week.</p>
</article></body></html>
"""


@pytest.fixture(scope="session")
def spark_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small corpus above as a folder: .txt, .jsonl and .warc.gz files."""
    import json

    folder = tmp_path_factory.mktemp("corpus")
    (folder / "kunduz.txt").write_text(CORPUS_KUNDUZ, encoding="utf-8")
    feed = [
        {"id": "mali-q1", "text": CORPUS_MALI, "published": "2024-04-08", "outlet": "Sahel Post"},
        "{not json",
        {"id": "kunduz-copy", "text": CORPUS_KUNDUZ, "published": "2024-03-04"},
    ]
    lines = [item if isinstance(item, str) else json.dumps(item) for item in feed]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_warc(folder / "crawl.warc.gz", [
        ("https://news.example.org/baidoa-raid", "response", "200 OK",
         "text/html; charset=utf-8", CORPUS_PAGE),
        ("https://news.example.org/logo.png", "response", "200 OK", "image/png", b"\x89PNG"),
        ("https://news.example.org/gone", "response", "404 Not Found", "text/html", b"gone"),
    ])
    return folder


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    """A local[2] SparkSession for the session's Spark tests (skipped without Java)."""
    import shutil

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("spark-extract tests need Java 17 or later (no java on PATH, no JAVA_HOME)")
    from newsledger.spark_extract import spark_session

    session = spark_session("local[2]", {"spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes a test starts (each in its own session): any still running at its end (a test
    failed, or hung on a bug) is killed with its group, after at most 600 s."""
    started: list[subprocess.Popen[str]] = []
    hung = threading.Timer(600, _kill_all, (started,))
    hung.daemon = True
    hung.start()
    yield started
    hung.cancel()
    _kill_all(started)


def _kill_all(started: list[subprocess.Popen[str]]) -> None:
    for process in started:
        if process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
