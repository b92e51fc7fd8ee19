"""Case-insensitive searches for lists of words (cues, triggers), made several times faster.

Python's ``re`` can skip ahead to the letters a match may start with only when the pattern is
case-sensitive: a case-insensitive alternation of many words tries every word at every position of
the text. A ``FoldedPattern`` keeps that pattern and a twin built from the same words lower-cased,
matched case-sensitively in the lower-cased text. For an ASCII text (and ASCII words) both match
at the same positions with the same words, since lower-casing keeps every offset; each match the
twin finds is taken again with the case-insensitive pattern at that position, so that callers get
the very match the case-insensitive pattern gives (groups read in the original text). A text with
other characters, or words with other characters, are searched with the case-insensitive pattern.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator

# Builds a pattern's source from its words passed through a function (as written or folded).
Template = Callable[[Callable[[str], str]], str]


def _as_written(word: str) -> str:
    return word


def _folded(word: str) -> str:
    return word.lower()


class FoldedPattern:
    """A case-insensitive pattern over words, searched through its lower-cased twin."""

    def __init__(self, template: Template, words: Iterable[str], flags: int = 0) -> None:
        self._slow = re.compile(template(_as_written), flags | re.IGNORECASE)
        # Unicode case folding has pairs that lower-casing misses ('ſ' and 's'): ASCII words only.
        ascii_words = all(word.isascii() for word in words)
        self._fast = re.compile(template(_folded), flags) if ascii_words else None
        self.pattern = self._slow.pattern

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match in ``text[pos:endpos]``, as ``re.Pattern.search`` gives it."""
        if self._fast is None or not text.isascii():
            return self._slow.search(text, pos, endpos)
        found = self._fast.search(text.lower(), pos, endpos)
        return None if found is None else self._slow.match(text, found.start(), endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """The matches in ``text[pos:endpos]``, as ``re.Pattern.finditer`` gives them."""
        if self._fast is None or not text.isascii():
            yield from self._slow.finditer(text, pos, endpos)
            return
        for found in self._fast.finditer(text.lower(), pos, endpos):
            match = self._slow.match(text, found.start(), endpos)
            assert match is not None and match.end() == found.end()
            yield match


def words_alternation(words: Iterable[str], fold: Callable[[str], str], space: str = r"\s+") -> str:
    """``words`` (already in the order to try them) as one alternation, each passed through
    ``fold`` and escaped, a space in a phrase standing for ``space``."""
    return "|".join(re.escape(fold(word)).replace(r"\ ", space) for word in words)


__all__ = ["FoldedPattern", "Template", "words_alternation"]
