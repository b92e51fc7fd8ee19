"""newsledger: read conflict reporting into a ledger of checked figures, with evidence.

The library behind the command line::

    from newsledger import Ledger, extract, read_inputs

    with Ledger("ledger.duckdb") as ledger:
        for item in read_inputs(["reports/"]):
            ...
"""

from newsledger.errors import InputError, LedgerError, NewsledgerError
from newsledger.ingest import read_inputs, read_text_document
from newsledger.model import (
    Check,
    Document,
    Extraction,
    Figure,
    Group,
    Incident,
    Measure,
    Qualifier,
    Quantity,
)
from newsledger.pipeline import extract, extract_all
from newsledger.store import Ledger

__version__ = "0.1.0"

__all__ = [
    "Check",
    "Document",
    "Extraction",
    "Figure",
    "Group",
    "Incident",
    "InputError",
    "Ledger",
    "LedgerError",
    "Measure",
    "NewsledgerError",
    "Qualifier",
    "Quantity",
    "extract",
    "extract_all",
    "read_inputs",
    "read_text_document",
]
