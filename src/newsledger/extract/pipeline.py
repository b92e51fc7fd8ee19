"""The extraction pipeline. (Stub: being written; the interface is fixed.)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsledger.model import Document, Extraction


def extract(document: Document) -> Extraction:
    """Extract the figures of one document and the checks between them."""
    return Extraction(document=document, figures=(), checks=())


def extract_all(documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]:
    """Extract many documents in order, streaming; ``workers`` > 1 uses that many processes."""
    for document in documents:
        yield extract(document)
