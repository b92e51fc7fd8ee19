"""A document judged again from its figures as a reviewer left them (issue 13).

At ingest a document's checks (sums, subsets, conflicts within it) and its incidents (with
their tolls) are read from the figures the extractor found. When a reviewer corrects or rejects
one of them, those readings are out of date: ``rejudge`` reads them again from the reviewed
figures, by the same rules as ``pipeline.extract``, without parsing (neither step needs spaCy's
parse: checks use the figures and the text's cues, incidents the cheap scan of each sentence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.extract.figures import scan_document
from newsledger.extract.incidents import incidents_from_scans
from newsledger.model import Check, Document, Figure, Incident
from newsledger.verify.checks import find_checks


@dataclass(frozen=True, slots=True)
class Rejudged:
    """What one document says again: its checks and its incidents."""

    checks: tuple[Check, ...]
    incidents: tuple[Incident, ...]


def rejudge(document: Document, figures: Sequence[Figure]) -> Rejudged:
    """The checks among ``figures`` (a document's figures, rejected ones left out) and the
    incidents the document tells with them."""
    ordered = sorted(figures, key=lambda f: (f.start, f.id))
    incidents = incidents_from_scans(document, ordered, scan_document(document))
    return Rejudged(tuple(find_checks(ordered, document.text)), tuple(incidents))


__all__ = ["Rejudged", "rejudge"]
