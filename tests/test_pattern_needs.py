"""What every match of a pattern must hold (newsledger.extract.pattern_needs), and the time
phrases found the same with and without skipping windows that cannot hold a rule's match."""

from __future__ import annotations

import importlib
import re
from datetime import date

import pytest

from newsledger.extract.pattern_needs import needs_digit

periods = importlib.import_module("newsledger.extract.time.periods")

# (pattern, flags, whether every match holds a decimal digit)
NEEDS_DIGIT = [
    (r"\d", 0, True),
    (r"(?:19|20)\d\d", 0, True),
    (r"[0-9]+ killed", 0, True),
    (r"[1-4]", 0, True),
    (r"Q(?P<n>[1-4])\b", 0, True),
    (r"(?:on\s+)?\d{1,2}\s+June", re.IGNORECASE, True),
    (r"June\s+(?:1|2|3\d)", 0, True),
    (r"(?>\d+)", 0, True),
    (r"[0-9a]", 0, False),  # a letter too
    (r"[^0-9]", 0, False),  # a negated class
    (r"\w", 0, False),
    (r"\d*", 0, False),  # may repeat none
    (r"\d?", 0, False),
    (r"(?:\d|one)", 0, False),  # a branch without a digit
    (r"(?=\d)", 0, False),  # lookahead: outside the match, proven of nothing
    (r"(?<=\d)x", 0, False),
    (r"(\d)?x\1", 0, False),
    (r"last week", re.IGNORECASE, False),
]


@pytest.mark.parametrize(("pattern", "flags", "expected"), NEEDS_DIGIT)
def test_needs_digit(pattern: str, flags: int, expected: bool) -> None:
    assert needs_digit(re.compile(pattern, flags)) is expected


# Texts we wrote, with and without digits in the windows of time words.
TEXTS = [
    "Fighting since last week killed 12 people on Monday, the ministry said on 3 June 2024.",
    "The agency said on Thursday that the toll rose in the first quarter, after clashes in May.",
    "From January to June 2024, 300 were displaced; in Q1 2023 and H2 '22 fewer, and in 2019.",
    "Two weeks ago, and again yesterday, gunmen attacked a village; in the past 24 hours, 7 died.",
    "between 12 and 14 March, on 2024-03-15 and from March 20 to April 2, 2024, over the weekend",
    "Only a count here: 42 of them, and none of the words that anchor a time phrase.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_time_phrases_same_without_skipping(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = date(2024, 7, 1)
    skipped = periods.find_times(text, published)
    monkeypatch.setattr(periods, "_NEEDS_DIGIT", tuple(False for _ in periods._RULES))
    assert periods.find_times(text, published) == skipped
    assert bool(skipped) is (text != TEXTS[-1])


def test_date_rules_need_a_digit() -> None:
    """The rules for days, years and quarters are the ones skipped in windows without a digit."""
    assert sum(periods._NEEDS_DIGIT) >= 8
