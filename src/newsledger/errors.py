"""Errors newsledger raises, as one tree.

    NewsledgerError
    ├── InputError      a file or line that cannot be read as a document (names the file and line)
    ├── LexiconError    a data file under lexicons/ that is malformed (names the file and line)
    ├── LedgerError     the ledger file cannot be opened or written
    ├── OutputError     a report or export file cannot be written (names the file)
    └── SparkError      a spark-extract job cannot start, read its inputs or write its tables
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""


class InputError(NewsledgerError):
    """One input (a file, or a line of a JSONL file) could not be read as a document."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # Rebuilt from its own fields when it crosses a process boundary (worker -> main).
        return (InputError, (self.path, self.message, self.line))


class LexiconError(NewsledgerError):
    """A lexicon data file has a malformed row."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")

    def __reduce__(self) -> tuple[type[LexiconError], tuple[str, int, str]]:
        return (LexiconError, (self.path, self.line, self.message))


class LedgerError(NewsledgerError):
    """The ledger could not be opened or written."""


class OutputError(NewsledgerError):
    """A report or export file could not be written."""

    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message
        super().__init__(f"{path}: {message}")

    def __reduce__(self) -> tuple[type[OutputError], tuple[str, str]]:
        return (OutputError, (self.path, self.message))


class SparkError(NewsledgerError):
    """A ``spark-extract`` job could not start, or could not write its Parquet tables."""
