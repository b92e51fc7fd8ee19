"""Data files of word lists, aliases and gazetteer additions, and one reader for them.

Every file is tab-separated UTF-8; lines starting with '#' are the header saying where the
entries came from and their known gaps; blank lines are ignored.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from newsledger.errors import LexiconError


@cache
def read_table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of the lexicon file ``name``, each padded to ``columns`` fields."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) > columns:
            raise LexiconError(
                name, number, f"expected {columns} tab-separated fields, got {len(fields)}"
            )
        rows.append(tuple(field.strip() for field in fields) + ("",) * (columns - len(fields)))
    return tuple(rows)
