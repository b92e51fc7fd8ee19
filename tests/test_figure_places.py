"""Places and periods of figures whose sentence names none (issue 9): what carries into a new
paragraph or section, what a sentence about another event does not give, which places are only
where someone spoke.

Every text here was written for these tests in the style of news reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import figure_numbered
from newsledger.model import Extraction

# (text, number, places): a figure without a place of its own takes the places told before it in
# its paragraph, also in a paragraph or section the story opens after its first figures
CARRIED = [
    (
        "Gunmen attacked a market in Kaduna state on Monday, killing 12 people.==The attack=="
        "Militants planted a bomb at a bus station in Zaria. It exploded at 8 am, injuring 23 "
        "passengers and 4 policemen.\n",
        "23",
        ("Zaria",),
    ),
    (
        "A bomb exploded at a bus station in Quetta, Balochistan, on Monday, killing 9 people.\n\n"
        "Background\n\n"
        "Separatists planted a second device at a market in Turbat. It went off an hour later, "
        "wounding 14 shoppers.\n",
        "14",
        ("Turbat",),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), CARRIED)
def test_places_told_in_the_paragraph_carry_to_its_figures(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 10)), number)
    assert figure.locations == places


# (text, number, place): the scene a next sentence gives to another event of the story ('The
# second bombing occurred in Peshawar') is no scene of the toll before it
OTHER_EVENT_SCENES = [
    (
        "On Monday two bombings killed 30 people in Mardan and Peshawar, Pakistan. The first "
        "attack occurred at a rally which killed 11 and wounded 20. The second bombing occurred "
        "in Peshawar near the governor's house.\n",
        "11",
        "Peshawar",
    ),
    (
        "Two blasts killed 25 people in Herat and Kandahar on Sunday. The first blast, at a "
        "mosque, killed 15 worshippers. A separate car bomb attack took place in Kandahar an "
        "hour later.\n",
        "15",
        "Kandahar",
    ),
]


@pytest.mark.parametrize(("text", "number", "place"), OTHER_EVENT_SCENES)
def test_scene_of_another_event_is_not_the_figures(
    extract_text: Callable[..., Extraction], text: str, number: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 10)), number)
    assert figure.locations != (place,)
    assert figure.locations
