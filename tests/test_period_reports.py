"""Periods of figures in kinds of reports the rules were not written on (issue 9): incident tolls
without a time phrase, months used as modifiers, documents without a publication date, weekly,
quarterly and annual counts, comparisons with an earlier period.

Every sentence here was written for these tests in the style of news reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newsledger.model import Extraction


def _figure(extraction: Any, number: str) -> Any:
    found = [f for f in extraction.figures if f.quantity.number_text == number]
    assert found, f"no figure {number!r} in {[f.quantity.number_text for f in extraction.figures]}"
    return found[0]


def _days(period: tuple[str | None, str | None]) -> tuple[date | None, date | None]:
    return tuple(date.fromisoformat(d) if d else None for d in period)  # type: ignore[return-value]


# (text, published or None, number, (period_start, period_end))
PERIODS = [
    # an incident's toll without a time phrase takes the incident's day, not the day of what
    # a later sentence counts (arrests the next day)
    (
        "Gunmen stormed a village in Kaduna state on Saturday night, residents said.\n\n"
        "Twenty-three people were killed and 14 others were wounded. Police said 9 suspects were "
        "arrested on Sunday.\n",
        "2024-03-11",
        "Twenty-three",
        ("2024-03-09", "2024-03-09"),
    ),
    (
        "Gunmen attacked a bus near the shrine on Sunday evening. Nine pilgrims were killed and "
        "33 injured. On Tuesday, police detained 2 suspects.\n",
        "2024-06-11",
        "33",
        ("2024-06-09", "2024-06-09"),
    ),
    (
        "Gunmen attacked a bus near the shrine on Sunday evening. Nine pilgrims were killed and "
        "33 injured. On Tuesday, police detained 2 suspects.\n",
        "2024-06-11",
        "2",
        ("2024-06-11", "2024-06-11"),
    ),
    # a month used as a modifier is a time phrase, "March" and "May" too
    (
        "The March toll of 412 civilian deaths was the highest this year, the mission said.\n",
        "2024-04-10",
        "412",
        ("2024-03-01", "2024-03-31"),
    ),
    (
        "The March toll of 412 civilian deaths was the highest this year, the mission said. It "
        "recorded 88 abductions in the same month.\n",
        "2024-04-10",
        "88",
        ("2024-03-01", "2024-03-31"),
    ),
    (
        "Its May report put the number of displaced at 6,300.\n",
        "2024-06-20",
        "6,300",
        ("2024-05-01", "2024-05-31"),
    ),
    # no publication date: a rolling period stays unknown rather than take a period some earlier
    # sentence named
    (
        "The outbreak in 2005-2006 was contained. Doctors said nine deaths over the last week in "
        "the province were unexplained.\n",
        None,
        "nine",
        (None, None),
    ),
]


@pytest.mark.parametrize(("text", "published", "number", "period"), PERIODS)
def test_period_of_figure_in_report(
    extract_text: Callable[..., Extraction],
    text: str,
    published: str | None,
    number: str,
    period: tuple[str | None, str | None],
) -> None:
    pub = date.fromisoformat(published) if published else None
    figure = _figure(extract_text(text, published=pub), number)
    assert (figure.period_start, figure.period_end) == _days(period)
