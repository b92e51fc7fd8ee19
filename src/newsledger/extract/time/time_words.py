"""The time-word lexicon (lexicons/time_words.tsv) read by ``newsledger.extract.time.periods``.

``WORDS`` is the lexicon as {class: {word: value}} (month and weekday names, ordinals, number
words, "now" and day words, vague words, name blockers); ``alternation`` turns words into a regex.
"""

from __future__ import annotations

import re
from importlib import resources

from newsledger.errors import LexiconError
from newsledger.lexicons import read_table

_LEXICON = "time_words.tsv"
_VALUELESS = frozenset({"vague", "block_before", "block_after", "onset", "incident", "elsewhen"})
_CLASSES = _VALUELESS | {"month", "month_abbr", "weekday", "ordinal", "number", "now", "day"}


def _line_of(word: str) -> int:
    """The line of the lexicon that holds ``word`` (only called to report an error)."""
    text = resources.files("newsledger.lexicons").joinpath(_LEXICON).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("\t")[0].strip() == word:
            return number
    return 0


def load_words() -> dict[str, dict[str, int]]:
    """The lexicon as {class: {word: value}}, checked row by row."""
    words: dict[str, dict[str, int]] = {name: {} for name in _CLASSES}
    for word, kind, value in read_table(_LEXICON, 3):
        if kind not in _CLASSES:
            raise LexiconError(
                _LEXICON,
                _line_of(word),
                f"unknown class {kind!r}; expected one of {sorted(_CLASSES)}",
            )
        if kind not in _VALUELESS and not re.fullmatch(r"-?\d+", value):
            raise LexiconError(
                _LEXICON,
                _line_of(word),
                f"class {kind!r} needs a whole number as value, got {value!r}",
            )
        words[kind][word] = int(value) if value else 0
    return words


WORDS = load_words()
MONTH_NUMBER = {**WORDS["month"], **WORDS["month_abbr"]}


def alternation(words: list[str], cased: bool) -> str:
    """A regex alternation of words, longest first; cased words match as Title or UPPER case."""
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        variants = [word.capitalize(), word.upper()] if cased else [word]
        forms.extend(r"\s+".join(map(re.escape, variant.split())) for variant in variants)
    return "|".join(forms)
