"""The library's front door: extract figures from a string, read a ledger as Arrow tables.

Thin, forgiving wrappers over ``pipeline.extract`` for people calling newsledger from Python:
text is a plain string and dates may be given as ``date``, ``datetime`` or ISO strings. Ledger
listings as Arrow tables are ``Ledger.table(name, **filters)`` in ``store.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from newsledger.ingest import read_text_document
from newsledger.model import Document, Extraction
from newsledger.pipeline import extract as extract_document

DateLike = date | datetime | str | None


def as_date(value: DateLike, what: str = "date") -> date | None:
    """A ``date`` from a date, a datetime or an ISO string ('2024-01-08', '2024-01-08T10:00')."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            expected = "expected YYYY-MM-DD or an ISO datetime"
            raise ValueError(f"bad {what} {value!r}: {expected}") from None
    raise TypeError(f"bad {what} {value!r}: expected a date, a datetime or an ISO string")


def extract_text(
    text: str,
    *,
    published: DateLike = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    name: str | None = None,
) -> Extraction:
    """Figures, checks and incidents of one report given as a string."""
    if not isinstance(text, str):
        raise TypeError(f"extract_text reads a str, not {type(text).__name__}")
    document = read_text_document(
        text, published=as_date(published, "published date"), url=url, title=title,
        outlet=outlet, name=name,
    )
    return extract_document(document)


def extract(document: Document | str, **meta: Any) -> Extraction:
    """``extract_text`` for a string, the pipeline's ``extract`` for a ``Document``."""
    if isinstance(document, str):
        return extract_text(document, **meta)
    if meta:
        raise TypeError("metadata is given with a str; a Document carries its own")
    return extract_document(document)
