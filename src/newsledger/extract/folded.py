"""Case-insensitive regular expressions searched several times faster in (mostly) ASCII text.

Python's ``re`` compares a case-insensitive pattern's letters through a case mapping and cannot
skip an alternative on its first letter, so an alternation of many words (cues, triggers, units)
tries each word in full at every position. ``FoldedPattern`` wraps such a pattern with a twin: the
same pattern with its letters lower-cased, matched case-sensitively in the lower-cased text. In an
ASCII text both match at the same positions the same way (lower-casing keeps every offset, and the
twin's letters, classes and escapes accept exactly the lower-cased characters the original accepts
in any case); each match the twin finds is taken again with the original pattern at its start, so
that callers get the very match the original gives (groups read in the original text). The same
holds in a text whose other characters have no case (curly quotes and apostrophes, dashes: each
matches as itself in either pattern and keeps its offset), common in news. Other texts are
searched with the original pattern.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

_ESCAPE_OR_UPPER = re.compile(r"\\.|\(\?P|[A-Z]", re.DOTALL)  # escapes and (?P<name> are kept
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


class FoldedPattern:
    """A case-insensitive compiled pattern, searched through its lower-cased twin.

    ``FoldedPattern.lazy`` takes the pattern's source instead: nothing is compiled until a search
    needs it, and in ASCII text the original is compiled only once the twin finds a match (many
    lexicon patterns are never searched in a run, or never match).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {pattern.pattern[:60]!r}")
        self._compiled: re.Pattern[str] | None = pattern
        self._flags = pattern.flags
        self._fast: re.Pattern[str] | None = None  # compiled on first use: many are never used
        self._fast_known = False
        self.pattern = pattern.pattern

        self._bad: Callable[[re.error], Exception] | None = None

    @classmethod
    def lazy(cls, source: str, flags: int = re.IGNORECASE,
             bad: Callable[[re.error], Exception] | None = None) -> FoldedPattern:
        """A pattern over ``source`` compiled only when first needed; a bad one raises then,
        ``bad(error)`` when given (to name the lexicon line), else the ``re.error``."""
        if not flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {source[:60]!r}")
        made = cls.__new__(cls)
        made._compiled, made._flags, made._bad = None, flags, bad
        made._fast, made._fast_known = None, False
        made.pattern = source
        return made

    @property
    def _slow(self) -> re.Pattern[str]:
        if self._compiled is None:
            try:
                self._compiled = re.compile(self.pattern, self._flags)
            except re.error as error:
                if self._bad is None:
                    raise
                raise self._bad(error) from None
        return self._compiled

    def folded(self) -> re.Pattern[str] | None:
        """The lower-cased twin, or None when the pattern has none (see ``_unfoldable``)."""
        if not self._fast_known:
            try:
                self._fast = _twin(self.pattern, self._flags)
            except re.error:
                self._slow  # noqa: B018 -- a bad pattern raises its own error, not its twin's
                raise
            self._fast_known = True
        return self._fast

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match in ``text[pos:endpos]``, as ``re.Pattern.search`` gives it."""
        lowered = _ascii_lowered(text)
        fast = None if lowered is None else self.folded()
        if fast is None or lowered is None:
            return self._slow.search(text, pos, endpos)
        found = fast.search(lowered, pos, endpos)
        return None if found is None else self._retaken(text, found, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The match at ``pos``, as ``re.Pattern.match`` gives it."""
        lowered = _ascii_lowered(text)
        fast = None if lowered is None else self.folded()
        if fast is None or lowered is None:
            return self._slow.match(text, pos, endpos)
        found = fast.match(lowered, pos, endpos)
        return None if found is None else self._retaken(text, found, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """The matches in ``text[pos:endpos]``, as ``re.Pattern.finditer`` gives them."""
        lowered = _ascii_lowered(text)
        fast = None if lowered is None else self.folded()
        if fast is None or lowered is None:
            yield from self._slow.finditer(text, pos, endpos)
            return
        for found in fast.finditer(lowered, pos, endpos):
            yield self._retaken(text, found, endpos)

    def spans(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[tuple[int, int]]:
        """The (start, end) of each match ``finditer`` gives, for callers that read no groups:
        the twin's own, not taken again, so the original need not even be compiled."""
        lowered = _ascii_lowered(text)
        fast = None if lowered is None else self.folded()
        if fast is None or lowered is None:
            return (match.span() for match in self._slow.finditer(text, pos, endpos))
        return (match.span() for match in fast.finditer(lowered, pos, endpos))

    def _retaken(self, text: str, found: re.Match[str], endpos: int) -> re.Match[str]:
        match = self._slow.match(text, found.start(), endpos)
        assert match is not None and match.end() == found.end(), self.pattern
        return match


# The last text searched, and its lower-cased form (None when it has cased non-ASCII letters): the
# same text is searched with many patterns in a row (event-type rules, cues), each of which
# lower-cased it again.
_LAST: list[str | None] = ["", ""]


def _ascii_lowered(text: str) -> str | None:
    """``text`` lower-cased when it is ASCII but for characters without case (curly quotes,
    dashes: see ``_caseless``), else None; kept for the next call on the same text."""
    if text is not _LAST[0]:
        foldable = text.isascii() or all(map(_caseless, set(text).difference(_ASCII)))
        _LAST[0], _LAST[1] = text, text.lower() if foldable else None
    return _LAST[1]


_ASCII = frozenset(map(chr, range(128)))


@lru_cache(maxsize=4096)
def _caseless(char: str) -> bool:
    """Whether ``char`` has no case (no other form in upper or lower case) and is no letter or
    mark: a case-insensitive pattern matches it exactly where its twin matches it in the
    lower-cased text, and lower-casing leaves it (so every offset) alone. Every character ``re``
    also matches across cases ('ſ' and 's', the Kelvin sign and 'k', 'ı' and 'i') is a letter."""
    return char.lower() == char == char.upper() and not unicodedata.category(char).startswith(
        ("L", "M"))


def _twin(source: str, flags: int) -> re.Pattern[str] | None:
    """The pattern with its letters lower-cased (escapes kept), case-sensitive; None when that
    could match differently (see ``_unfoldable``)."""
    if _unfoldable(source):
        return None
    folded = _ESCAPE_OR_UPPER.sub(lambda m: m.group() if len(m.group()) > 1 else
                                  m.group().lower(), source)
    return re.compile(folded, flags & ~re.IGNORECASE)


# What lower-casing a pattern's source could change the meaning of: a part made case-sensitive
# again, a character given by its code, a range ending in a capital or in a non-ASCII character.
_UNFOLDABLE = re.compile(
    r"\(\?[a-zA-Z]*-[a-zA-Z]*i|\\[xuUN0]"  # (?-i:...), \x41
    r"|[^A-Z]-[A-Z]|[A-Z]-[^A-Z\]]|-[^\x00-\x7f]|[^\x00-\x7f]-(?!\])"  # [A-z], [a-é]
)


def _unfoldable(source: str) -> bool:
    """Whether lower-casing ``source`` could change what it matches in ASCII text, or a
    character of it matches an ASCII letter only when case is ignored ('ſ' and 's', the Kelvin
    sign and 'k')."""
    return _UNFOLDABLE.search(source) is not None or any(
        re.fullmatch(re.escape(char), letter, re.IGNORECASE) is not None
        for char in set(source) if not char.isascii()
        for letter in _ASCII_LETTERS
    )


def folded_words(words: Iterable[str], space: str = r"\s+") -> str:
    """``words`` (already in the order to try them) as one alternation, each escaped, a space in
    a phrase standing for ``space``."""
    return "|".join(re.escape(word).replace(r"\ ", space) for word in words)


__all__ = ["FoldedPattern", "folded_words"]
