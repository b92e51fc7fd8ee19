"""FoldedPattern finds exactly what its case-insensitive pattern finds."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsledger.extract.folded import FoldedPattern, words_alternation

WORDS = ("car bomb", "bombing", "bomb", "killed", "Attack")


def _template(fold: Callable[[str], str]) -> str:
    return rf"(?<![\w-])(?:(?P<w>{words_alternation(WORDS, fold)})(?P<s>s)?)(?![\w-])"


SLOW = re.compile(_template(lambda word: word), re.IGNORECASE)
FAST = FoldedPattern(_template, WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "A CAR BOMB killed three; a second Car  bomb was defused.",
        "Two bombings and an attack: the attacks killed 4.",
        "The bomb-maker was not killed",
        "No match here at all",
        "Café owners said the bomb killed two",  # not ASCII: the slow path
        "",
    ],
)
def test_matches_like_the_case_insensitive_pattern(text: str) -> None:
    expected = [(m.span(), m.groupdict()) for m in SLOW.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in FAST.finditer(text)] == expected
    first = SLOW.search(text, 5, 40)
    found = FAST.search(text, 5, 40)
    assert (found and (found.span(), found.group())) == (first and (first.span(), first.group()))
    assert FAST.pattern == SLOW.pattern


def test_words_outside_ascii_are_searched_the_slow_way() -> None:
    pattern = FoldedPattern(lambda fold: words_alternation(["ſtop"], fold), ["ſtop"])
    assert pattern.search("STOP") is not None  # 'ſ' folds to 's' case-insensitively
