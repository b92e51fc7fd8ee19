"""newsledger: read conflict reporting into a ledger of checked figures, with evidence.

The library behind the command line (README, "Use from Python")::

    from newsledger import Ledger, extract_text

    result = extract_text("Gunmen killed 12 people in Maiduguri on Monday.", published="2024-01-08")
    with Ledger("ledger.duckdb") as ledger:
        ledger.add(result)
        killed = ledger.table("figures", measure="killed")  # a pyarrow.Table
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

# One BLAS thread per process (extract/words/matrix_ops.py): extraction runs a process per core.
# Set before numpy is first imported, which reads it then; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if TYPE_CHECKING:
    from newsledger.api import extract, extract_text
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
    from newsledger.pipeline import extract_all
    from newsledger.store import Ledger

# Where each public name lives. They are imported on first use, so that the command line's
# start-up (and ``--help``) loads neither spaCy nor DuckDB unless a command needs them.
_HOMES = {
    **dict.fromkeys(("InputError", "LedgerError", "NewsledgerError"), "errors"),
    **dict.fromkeys(("read_inputs", "read_text_document"), "ingest"),
    **dict.fromkeys(
        ("Check", "Document", "Extraction", "Figure", "Group", "Incident", "Measure",
         "Qualifier", "Quantity"),
        "model",
    ),
    "extract_all": "pipeline",
    "extract_text": "api",
    "Ledger": "store",
}


def __getattr__(name: str) -> Any:
    """The public name ``name``, imported from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
    return getattr(import_module(f"newsledger.{home}"), name)


class _Package(ModuleType):
    """This package, whose name ``extract`` is the function, not the subpackage of that name."""

    @property
    def extract(self) -> Callable[..., Any]:
        """``newsledger.api.extract``: figures, checks and incidents of a Document or a str."""
        return import_module("newsledger.api").extract

    @extract.setter
    def extract(self, subpackage: ModuleType) -> None:
        # The import system records the subpackage newsledger.extract here; it stays reachable
        # through sys.modules, as before, when the function shadowed it.
        pass


sys.modules[__name__].__class__ = _Package


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
    "extract_text",
    "read_inputs",
    "read_text_document",
]
