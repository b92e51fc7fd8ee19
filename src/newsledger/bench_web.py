"""``make bench-web``: how fast the review pages answer on a ledger of 5,000 documents.

The ledger is built from the example reports: each is extracted once by the real pipeline, then
stored again and again as a new document (its text with a copy number appended, so offsets stay
valid and ids differ, published a day later each time), reconciled and its incidents merged.
Every page and API call is then requested through the framework's test client (no network) and
timed: median and 95th percentile over ``--repeat`` requests. The target is under 200 ms.

Then ``--reviews`` reviews are posted through the API to a copy of the ledger opened for writing
(the ledger itself stays as built, to be reused): a correction, a rejection and a confirmation
that brings the figure back, each answering only once its document's checks and incidents are
judged again and the groups across reports are brought up to date.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from newsledger.model import Extraction

TARGET_MS = 200.0


def build_ledger(path: Path, documents: int) -> dict[str, float]:
    """Fill ``path`` with ``documents`` copies of the examples' extractions; timings in s."""
    from newsledger.bench_corpus import load_examples
    from newsledger.pipeline import extract
    from newsledger.store import Ledger

    started = time.perf_counter()
    templates = [extract(document) for document in load_examples()]
    extracted = time.perf_counter()
    with Ledger(str(path)) as ledger:
        for n in range(documents):
            ledger.add(copy_of(templates[n % len(templates)], n, len(templates)))
        stored = time.perf_counter()
        ledger.reconcile()
        ledger.merge_incidents()
    done = time.perf_counter()
    return {"extract_s": extracted - started, "store_s": stored - extracted,
            "reconcile_s": done - stored}


def copy_of(template: Extraction, n: int, templates: int = 12) -> Extraction:
    """The template as the n-th document: a distinct text and id, and its dates a week later
    for each round of copies, so that copies are new events rather than one huge group."""
    document = template.document
    text = f"{document.text}\n\n(copy {n})"
    name = f"{document.name}-{n}" if document.name else None
    shift = timedelta(days=7 * (n // templates))
    published = (document.published or date(2023, 1, 1)) + shift
    copy = replace(document, text=text, name=name, published=published)
    key = copy.key
    figures = tuple(replace(f, doc=key, period_start=f.period_start and f.period_start + shift,
                            period_end=f.period_end and f.period_end + shift)
                    for f in template.figures)
    checks = tuple(replace(c, doc=key) for c in template.checks)
    incidents = tuple(replace(i, doc=key, date=i.date and i.date + shift)
                      for i in template.incidents)
    return Extraction(copy, figures, checks, incidents)


def time_pages(path: Path, repeat: int) -> list[dict[str, object]]:
    """Median and 95th percentile time of every page over the ledger at ``path``."""
    from fastapi.testclient import TestClient

    from newsledger.web import Settings, create_app

    app = create_app(Settings(db=str(path), token="bench", read_only=True))
    ledger = app.state.web.ledger
    some = ledger.query("SELECT d.id FROM documents d JOIN figures f ON f.doc_id = d.id "
                        "GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1")[0]["id"]
    group = ledger.query("SELECT id FROM groups WHERE verdict = 'conflict' LIMIT 1")
    pages = [
        "/documents", "/documents?q=al-Shabaab", "/documents?outlet=Sahel&since=2024-01-01",
        f"/documents/{some}", "/figures", "/figures?measure=killed&place=Somalia",
        "/figures.csv?measure=killed&place=Mogadishu", "/groups", "/groups?verdict=conflict",
        *([f"/groups/{group[0]['id']}"] if group else []), "/conflicts", "/incidents",
        "/incidents?country=Nigeria", "/incidents/map", "/incidents/map?country=Somalia",
        "/reviews", "/api/documents?q=ISIS",
        f"/api/documents/{some}", "/api/figures?actor=ISIS", "/api/groups", "/api/incidents",
    ]
    rows = []
    with TestClient(app) as client:
        for url in pages:
            client.get(url)  # warm: first use of a query plan
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rows.append({"page": url, "median_ms": statistics.median(times), "p95_ms": p95,
                         "bytes": len(response.content)})
    ledger.close()
    return rows


# The reviews timed, in turn: each figure is corrected, rejected, then confirmed (brought back).
REVIEWS: tuple[tuple[str, dict[str, object]], ...] = (
    ("correct", {"changes": {"source": "bench reviewer"}}), ("reject", {}), ("confirm", {}))


def time_reviews(path: Path, count: int) -> list[dict[str, object]]:
    """How long each of ``count`` reviews takes through the API, on a copy of the ledger."""
    from fastapi.testclient import TestClient

    from newsledger.web import Settings, create_app

    rows: list[dict[str, object]] = []
    if count <= 0:
        return rows
    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        copy = Path(folder) / "reviewed.duckdb"
        shutil.copyfile(path, copy)
        app = create_app(Settings(db=str(copy), token="bench"))
        ledger = app.state.web.ledger
        figures = ledger.query(
            "SELECT coalesce(nullif(d.name, ''), d.id) AS doc, f.id FROM figures f JOIN "
            "documents d ON d.id = f.doc_id WHERE f.measure = 'killed' ORDER BY d.id, f.id "
            "LIMIT ?", [-(-count // len(REVIEWS))])
        headers = {"Authorization": "Bearer bench"}
        with TestClient(app) as client:
            for n in range(count):
                figure = figures[(n // len(REVIEWS)) % len(figures)]
                action, extra = REVIEWS[n % len(REVIEWS)]
                url = f"/api/figures/{figure['doc']}/{figure['id']}/review"
                started = time.perf_counter()
                response = client.post(url, headers=headers, json={"action": action, **extra})
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, (url, response.text)
                rows.append({"review": f"{action} {figure['doc']}:{figure['id']}",
                             "ms": elapsed})
        ledger.close()
    return rows


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options of the web benchmark."""
    parser = argparse.ArgumentParser(prog="python -m newsledger.bench_web", description=__doc__)
    parser.add_argument("--docs", type=int, default=5000, help="documents in the ledger")
    parser.add_argument("--repeat", type=int, default=20, help="requests per page")
    parser.add_argument("--reviews", type=int, default=3,
                        help="reviews to time on a copy of the ledger (0: none)")
    parser.add_argument("--db", type=Path, default=Path("bench-web.duckdb"),
                        help="the ledger file; built when missing, reused when present")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Build (or reuse) the ledger, time every page, print a table."""
    args = parse_args(argv)
    if not args.db.exists():
        built = build_ledger(args.db, args.docs)
        print("built {db}: extract {extract_s:.1f} s, store {store_s:.1f} s, reconcile and "
              "merge {reconcile_s:.1f} s".format(db=args.db, **built))
    rows = time_pages(args.db, args.repeat)
    print(f"{'page':<48} {'median ms':>10} {'p95 ms':>8} {'bytes':>9}")
    for row in rows:
        flag = "" if float(row["p95_ms"]) < TARGET_MS else "  over target"  # type: ignore[arg-type]
        print(f"{row['page']!s:<48} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
              f"{row['bytes']:>9}{flag}")
    for row in time_reviews(args.db, args.reviews):
        print(f"review: {row['review']!s:<41} {row['ms']:>10.1f}")


if __name__ == "__main__":
    main()
