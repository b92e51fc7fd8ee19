"""From documents to extractions: figures (extract) plus the checks between them (verify).

spaCy's English pipeline is loaded once per process. Only paragraphs that hold a number are
parsed; named-entity recognition is not used (places and actors come from our own tables).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain, islice

from spacy.tokens import Doc

from newsledger.errors import InputError
from newsledger.extract.figures import (
    ParsePlan,
    Parser,
    find_figures,
    scan_document,
    texts_to_parse,
)
from newsledger.extract.figures.story_doers import doers_parsed
from newsledger.extract.incidents import event_rules, incidents_from_scans
from newsledger.extract.parties import actor_table
from newsledger.extract.places import gazetteer
from newsledger.extract.scan import Scan
from newsledger.extract.words import load_model
from newsledger.long_documents import Joined, join_extractions, split_document
from newsledger.model import Document, Extraction, Figure, Incident, IncidentCount
from newsledger.verify.checks import find_checks

# Documents extracted together: spaCy parses the sentences of all of them as one stream (its
# batches fill), and a worker process gets them as one task.
_BATCH = 32
# ... or fewer, when their texts reach this many characters (the pieces of a long document go
# two to a batch, so the workers share them).
_BATCH_CHARS = 200_000
# The largest count a figure may state: far above anything counted in conflict reporting (the
# world's population is under 10**10) and far below int64, so sums of many figures cannot overflow
# the ledger's BIGINT columns. A figure stating more is refused (with a warning), not its document.
MAX_COUNT = 10**15


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
    """Figures of one document, the checks between them, and the incidents it reports (a long
    document is read in pieces, see long_documents)."""
    pieces = split_document(document)
    return join_extractions(document, [(offset, _extract_whole(piece)) for offset, piece in pieces])


def _extract_whole(document: Document) -> Extraction:
    scans = scan_document(document)  # shared by figures and incidents
    return _extract(document, scans, _parse)


def _extract(document: Document, scans: list[Scan], parse: Parser) -> Extraction:
    found = find_figures(document, parse, scans)
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
        return _failure(document, error)


def _failure(document: Document, error: Exception) -> InputError:
    where = document.path or document.key
    # The error's class and message only: its traceback's locals would spill the text.
    return InputError(where, f"extraction failed: {type(error).__name__}: "
                      f"{_short(str(error))}", document.line)


def _short(message: str) -> str:
    return message if len(message) <= 300 else message[:297] + "..."


def extract_batch(documents: Sequence[Document]) -> list[Extraction | InputError]:
    """``safe_extract`` of each document, with the sentences of all of them parsed together."""
    try:
        return _extract_together(documents)
    except Exception:  # the shared parse failed: one document at a time, to name the one
        return [safe_extract(document) for document in documents]


def _extract_together(documents: Sequence[Document]) -> list[Extraction | InputError]:
    scanned: list[tuple[list[Scan], ParsePlan] | InputError] = []
    for document in documents:
        try:
            scans = scan_document(document)
            scanned.append((scans, texts_to_parse(scans)))
        except Exception as error:
            scanned.append(_failure(document, error))
    plans = [item[1] for item in scanned if not isinstance(item, InputError)]
    # every document's sentences in one stream: stage 3's, then those the story's doers may need
    own = [text for plan in plans for text in plan.own]
    doers = [text for plan in plans for text in plan.doers]
    parsed = list(_parse(own + doers))
    own_docs, doers_docs = iter(parsed[: len(own)]), parsed[len(own) :]
    results: list[Extraction | InputError] = []
    with doers_parsed(doers, doers_docs):
        for document, item in zip(documents, scanned, strict=True):
            if isinstance(item, InputError):
                results.append(item)
                continue
            scans, plan = item
            docs = list(islice(own_docs, len(plan.own)))  # this document's share, in its order
            try:
                results.append(_extract(document, scans, _parsed(docs)))
            except Exception as error:
                results.append(_failure(document, error))
    return results


def _parsed(docs: list[Doc]) -> Parser:
    """A parser that hands back ``docs``, parsed beforehand from the texts it will be given."""

    def parse(texts: list[str]) -> list[Doc]:
        # the same scans give the same texts (texts_to_parse): their count is checked, not each
        # text again (rebuilding every parsed sentence's text cost 0.5% of the news corpus)
        assert len(docs) == len(texts)
        return docs

    return parse


def default_workers() -> int:
    """Extraction processes by default: one per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_all(
    documents: Iterable[Document], workers: int = 1
) -> Iterator[Extraction | InputError]:
    """Extract a stream of documents in order, in batches; ``workers`` > 1 uses that many
    processes (not for a stream shorter than one batch: starting them would cost more). A long
    document goes through as its pieces, which are joined again (its first error fails it)."""
    plans: deque[tuple[Document, list[int]]] = deque()

    def pieces() -> Iterator[Document]:
        for document in documents:
            split = split_document(document)
            plans.append((document, [offset for offset, _ in split]))
            yield from (piece for _, piece in split)

    results = _extract_stream(pieces(), workers)
    for first in results:
        document, offsets = plans.popleft()
        if len(offsets) == 1:
            yield first
            continue
        # Each piece is joined as it comes back, while the workers read the next ones: after
        # the last piece only its own share is left to do, and no piece is held till then.
        joined = Joined(document)
        failed: InputError | None = None
        for offset, result in zip(offsets, chain([first], islice(results, len(offsets) - 1)),
                                  strict=True):
            if isinstance(result, InputError):
                failed = failed or result
            elif failed is None:
                joined.add(offset, result)
        yield failed or joined.extraction()


def _batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """``documents`` in lists of _BATCH, or fewer holding _BATCH_CHARS characters or more."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        batch.append(document)
        size += len(document.text)
        if len(batch) >= _BATCH or size >= _BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _extract_stream(
    documents: Iterable[Document], workers: int
) -> Iterator[Extraction | InputError]:
    batches = _batches(documents)
    first = next(batches, [])
    if workers <= 1 or (len(first) < _BATCH and sum(len(d.text) for d in first) < _BATCH_CHARS):
        for batch in chain([first], batches):
            yield from extract_batch(batch)
        return
    fork = os.name == "posix"
    if fork:
        load_tables()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(workers, initializer=load_tables) as pool:
        # At most two batches per worker in flight: memory stays bounded on long streams.
        pending: deque[multiprocessing.pool.AsyncResult[list[Extraction | InputError]]] = deque()
        for batch in chain([first], batches):
            pending.append(pool.apply_async(extract_batch, (batch,)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
