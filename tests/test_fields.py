"""Fields of figures (period, actor, places, source) on short reports written for these tests."""

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


# An event dated once ("since the March 3, 2022 takeover") is dated where "since the takeover"
# refers back to it; its period runs to publication.
SINCE_EVENT = [
    (
        "Since the March 3, 2022 takeover, soldiers have killed 412 protesters.\n"
        "Since the takeover, 2,310 people were arrested by the police.\n",
        "2,310",
        ("2022-03-03", "2024-05-20"),
    ),
    (
        "Since the March 3, 2022 takeover, soldiers have killed 412 protesters.\n",
        "412",
        ("2022-03-03", "2024-05-20"),
    ),
    (
        "Monitors counted the dead from May 2022 to April 30, 2024. In that time 96 people "
        "were killed in the province.\n",
        "96",
        ("2022-05-01", "2024-04-30"),
    ),
]


@pytest.mark.parametrize(("text", "number", "period"), SINCE_EVENT)
def test_fields_period_since_a_dated_event(
    extract_text: Callable[..., Extraction], text: str, number: str, period: tuple[str, str]
) -> None:
    figure = _figure(extract_text(text, published=date(2024, 5, 20)), number)
    assert (figure.period_start, figure.period_end) == tuple(map(date.fromisoformat, period))
