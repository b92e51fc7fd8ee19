"""``newsledger export --reviewed``: reviewed documents as gold files (corpus/SCHEMA.md format).

A document is written when a reviewer acted on any of its figures. Its figures are the ledger's
as reviewed: rejected ones left out, corrections applied, each with ``review`` (confirmed,
corrected, or null for a figure nobody looked at) as an extra key. Its sum and subset checks
are kept when every figure they name is. ``newsledger eval DIR`` scores extraction against them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsledger.errors import OutputError
from newsledger.outfiles import refuse_existing, write_text
from newsledger.store import DOC_KEY, Ledger


def reviewed_gold(ledger: Ledger) -> list[dict[str, Any]]:
    """One gold-format object per reviewed document, in document key order."""
    documents = ledger.query(
        f"SELECT d.id, {DOC_KEY} AS doc, d.title, d.published, d.url, d.text FROM documents d "
        "WHERE d.id IN (SELECT doc_id FROM reviews UNION SELECT other_doc_id FROM reviews) "
        "ORDER BY doc")
    return [_gold(ledger, document) for document in documents]


def _gold(ledger: Ledger, document: dict[str, Any]) -> dict[str, Any]:
    status = {row["id"]: row["review"] or None for row in ledger.query(
        "SELECT f.id, f.review FROM " + _reviewed() + " f WHERE f.doc_id = ?", [document["id"]])}
    text = document["text"]
    figures = [{
        "id": f["id"], "evidence": f["text"], "number_text": f["number_text"], "low": f["low"],
        "high": f["high"], "qualifier": f["qualifier"], "measure": f["measure"],
        "counted": f["counted"], "actor": f["actor"], "locations": list(f["locations"]),
        "period_start": f["period_start"], "period_end": f["period_end"],
        "time_text": f["time_text"], "source": f["source"], "include": True,
        "also_at": [text[a:b] for a, b in f["also_at"]], "review": status.get(f["id"]),
    } for f in ledger.figures(document=document["id"])]
    kept = {figure["id"] for figure in figures}
    return {
        "doc_id": document["doc"], "source_url": document["url"],
        "published": document["published"], "title": document["title"], "text": text,
        "figures": figures, "checks": _checks(ledger, document["id"], kept),
        "category": "reviewed",
    }


def _checks(ledger: Ledger, doc_id: str, kept: set[str]) -> list[dict[str, Any]]:
    checks = []
    for check in ledger.checks(document=doc_id):
        if check["type"] == "sum" and {check["total"], *check["parts"]} <= kept:
            checks.append({"kind": "sum", "total": check["total"], "parts": check["parts"],
                           "holds": check["holds"], "note": check["reason"]})
        elif check["type"] == "subset" and {check["whole"], check["part"]} <= kept:
            checks.append({"kind": "subset", "whole": check["whole"], "part": check["part"],
                           "holds": check["holds"], "note": check["reason"]})
    return checks


def _reviewed() -> str:
    from newsledger.review_tables import REVIEWED_FIGURES

    return REVIEWED_FIGURES


def write_reviewed(ledger: Ledger, directory: Path, *, force: bool = False) -> list[Path]:
    """Write ``<doc_id>.json`` per reviewed document into ``directory``; returns the files.
    Existing files are an error (before anything is written) unless ``force``."""
    golds = reviewed_gold(ledger)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(directory), f"cannot create the folder: {error.strerror}") from error
    paths = [directory / f"{_file_name(gold['doc_id'])}.json" for gold in golds]
    refuse_existing(paths, force)
    return [write_text(path, json.dumps(gold, ensure_ascii=False, indent=1), force=force)
            for path, gold in zip(paths, golds, strict=True)]


def _file_name(doc_id: str) -> str:
    # Given ids come from input files: keep them to safe characters for a file name.
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id).lstrip(".") or "doc"


__all__ = ["reviewed_gold", "write_reviewed"]
