"""Figures: each count read from a document with its measure, period, places, actor and source."""

from newsledger.extract.figures.figures import (
    ParsePlan,
    Parser,
    find_figures,
    scan_document,
    texts_to_parse,
)

__all__ = [
    "ParsePlan",
    "Parser",
    "find_figures",
    "scan_document",
    "texts_to_parse",
]
