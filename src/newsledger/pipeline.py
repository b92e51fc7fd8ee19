"""From documents to extractions: figures (extract) plus the checks between them (verify).

spaCy's English pipeline is loaded once per process. Only paragraphs that hold a number are
parsed; named-entity recognition is not used (places and actors come from our own tables).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsledger.errors import InputError
from newsledger.extract.actors import actor_table
from newsledger.extract.english_words import MODEL
from newsledger.extract.event_types import event_rules
from newsledger.extract.figures import find_figures, scan_document
from newsledger.extract.incidents import incidents_from_scans
from newsledger.extract.places import gazetteer
from newsledger.model import Document, Extraction
from newsledger.verify.checks import find_checks

_BATCH = 64  # documents handed to the worker pool at a time; bounds memory on long streams


@cache
def load_model() -> Language:
    """The English pipeline without NER (unused), loaded once per process."""
    return spacy.load(MODEL, exclude=["ner"])


def load_tables() -> None:
    """Load the model, gazetteer, actor table and event rules once in this process; called before
    worker processes fork, they share them instead of building their own."""
    load_model()
    gazetteer()
    actor_table()
    event_rules()


def _parse(texts: list[str]) -> Iterator[Doc]:
    return load_model().pipe(texts, batch_size=256)


def extract(document: Document) -> Extraction:
    """Figures of one document, the checks between them, and the incidents it reports."""
    scans = scan_document(document)  # shared by figures and incidents
    figures = find_figures(document, _parse, scans)
    return Extraction(
        document=document,
        figures=tuple(figures),
        checks=tuple(find_checks(figures)),
        incidents=tuple(incidents_from_scans(document, figures, scans)),
    )


def safe_extract(document: Document) -> Extraction | InputError:
    """``extract``, turning an unexpected failure into an error that names the document."""
    try:
        return extract(document)
    except Exception as error:  # one bad document must never stop a batch
        where = document.path or document.key
        return InputError(where, f"extraction failed: {type(error).__name__}: {error}")


def extract_all(
    documents: Iterable[Document], workers: int = 1
) -> Iterator[Extraction | InputError]:
    """Extract a stream of documents in order; ``workers`` > 1 uses that many processes."""
    if workers <= 1:
        for document in documents:
            yield safe_extract(document)
        return
    fork = os.name == "posix"
    if fork:
        load_tables()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(workers, initializer=load_tables) as pool:
        iterator = iter(documents)
        while batch := list(islice(iterator, _BATCH)):
            yield from pool.imap(safe_extract, batch, chunksize=4)
