"""Extraction: from a Document to figures and checks (spaCy parse plus our own steps)."""

from newsledger.extract.pipeline import extract, extract_all

__all__ = ["extract", "extract_all"]
