"""From documents to extractions: figures (extract) plus the checks between them (verify).

spaCy's English pipeline is loaded once per process. Only paragraphs that hold a number are
parsed; named-entity recognition is not used (places and actors come from our own tables).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
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
from newsledger.model import Document, Extraction, Figure, Incident, IncidentCount
from newsledger.verify.checks import find_checks

_BATCH = 64  # documents handed to the worker pool at a time; bounds memory on long streams
# The largest count a figure may state: far above anything counted in conflict reporting (the
# world's population is under 10**10) and far below int64, so sums of many figures cannot overflow
# the ledger's BIGINT columns. A figure stating more is refused (with a warning), not its document.
MAX_COUNT = 10**15


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
    found = find_figures(document, _parse, scans)
    figures = [figure for figure in found if _in_range(figure)]
    incidents = [_counts_in_range(i) for i in incidents_from_scans(document, figures, scans)]
    return Extraction(
        document=document,
        figures=tuple(figures),
        checks=tuple(find_checks(figures, document.text)),
        incidents=tuple(incidents),
        warnings=tuple(_refused(figure) for figure in found if not _in_range(figure)),
    )


def _in_range(figure: Figure) -> bool:
    return all(0 <= bound <= MAX_COUNT for bound in (figure.quantity.low, figure.quantity.high)
               if bound is not None)


def _refused(figure: Figure) -> str:
    number = figure.quantity.number_text
    shown = number if len(number) <= 40 else number[:37] + "..."
    return (f"figure {figure.id} ({shown!r} at character {figure.quantity.start}) is larger than "
            f"{MAX_COUNT:,} and was not kept")


def _counts_in_range(incident: Incident) -> Incident:
    """The incident without a toll beyond MAX_COUNT (its figure was refused)."""
    def kept(count: IncidentCount | None) -> IncidentCount | None:
        if count is None or max(count.low, count.high or 0) <= MAX_COUNT:
            return count
        return None

    return replace(incident, killed=kept(incident.killed), injured=kept(incident.injured),
                   kidnapped=kept(incident.kidnapped))


def safe_extract(document: Document) -> Extraction | InputError:
    """``extract``, turning an unexpected failure into an error that names the document."""
    try:
        return extract(document)
    except Exception as error:  # one bad document must never stop a batch
        where = document.path or document.key
        # The error's class and message only: its traceback's locals would spill the text.
        return InputError(where, f"extraction failed: {type(error).__name__}: "
                          f"{_short(str(error))}", document.line)


def _short(message: str) -> str:
    return message if len(message) <= 300 else message[:297] + "..."


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
