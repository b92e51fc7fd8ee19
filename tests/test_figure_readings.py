"""Figures of reports the rules were not first written on (issue 9): headline lists, states
people are left in, words that count no conflict figure, restatements across outlets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsledger.model import Extraction

PUBLISHED = date(2025, 3, 10)


def _measures(extraction: Extraction) -> dict[str, list[str]]:
    """Measures of the figures by their number as written."""
    found: dict[str, list[str]] = {}
    for figure in extraction.figures:
        found.setdefault(figure.quantity.number_text, []).append(figure.measure.value)
    return found


# (text, {number: measure}): counts of headlines listed with a comma and no 'and', and two
# headlines joined by a slash, each take the verb that tells what befell them
HEADLINE_COUNTS = [
    pytest.param(
        "Clashes in the north: 14 soldiers, 22 rebels killed in two days",
        {"14": "killed", "22": "killed"},
        id="comma-list-before-participle",
    ),
    pytest.param(
        "Six guards, 9 villagers, 3 police wounded in market blast",
        {"Six": "injured", "9": "injured", "3": "injured"},
        id="three-listed-counts",
    ),
    pytest.param(
        "Protest crackdown: at least 120 people killed/35 sentenced to prison",
        {"at least 120": "killed", "35": "other"},
        id="slash-between-headlines",
    ),
    pytest.param(
        "Riots go on: 40 Injured/At Least 12 People Killed in the capital",
        {"40": "injured", "At Least 12": "killed"},
        id="slash-before-a-hedged-count",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINE_COUNTS)
def test_readings_headline_counts(
    extract_text: Callable[..., Extraction], text: str, expected: dict[str, str]
) -> None:
    found = _measures(extract_text(text, published=PUBLISHED))
    assert {number: found.get(number) for number in expected} == {
        number: [measure] for number, measure in expected.items()
    }


# (sentence, number, measure): a state said of the counted people wins over what a modifier or
# the sentence before says of them
STATES = [
    ("Four nurses and 2 drivers were held hostage after the convoy was stopped.", "Four",
     "kidnapped"),
    ("Two journalists were kept captive in the hills for a month.", "Two", "kidnapped"),
    ("Three aid workers held hostage in northern town", "Three", "kidnapped"),
    ("Rebels raided the camp overnight. Some 900 displaced people remain missing.", "Some 900",
     "missing"),
    ("Gunmen seized a bus near the border. Another 5 passengers were able to escape.", "5",
     "other"),
    ("The troops held 30 suspects at the base for questioning.", "30", "held"),
]


@pytest.mark.parametrize(("sentence", "number", "measure"), STATES)
def test_readings_states_people_are_left_in(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    assert _measures(extract_text(sentence, published=PUBLISHED))[number] == [measure]


# sentences whose numbers say how often, where or which, never how many people or acts
NO_COUNTS = [
    "Police said the suspect had visited the depot on three occasions before the raid.",
    "The ministry listed 9 fatalities, split between two events in the county.",
    "A gunman opened fire in 4 places in the old town before fleeing.",
    "Fighters arrived with 5 technicals and took up positions in the market.",
    "UPDATE 3-Bomb blast hits market in northern town",
]


@pytest.mark.parametrize("text", NO_COUNTS)
def test_readings_numbers_that_count_no_figure(
    extract_text: Callable[..., Extraction], text: str
) -> None:
    numbers = {"three", "two", "4", "5", "3"}
    found = _measures(extract_text(text, published=PUBLISHED))
    assert not numbers & set(found)


# (text, number, figures): one toll told by several outlets' glued headlines, or one passage a
# scraped page repeats, is one figure
RESTATED = [
    pytest.param(
        "Troops kill 14 rebels in hill raid: army;Army says 14 insurgents killed in hills;"
        "Fourteen fighters dead as soldiers storm hideout - officials",
        "14",
        1,
        id="outlets-name-the-dead-in-their-own-words",
    ),
    pytest.param(
        "38 were killed on Monday, including 20 soldiers and 18 rebels.;"
        "38 were killed on Monday, including 20 soldiers and 18 rebels.",
        "38",
        1,
        id="a-passage-written-twice",
    ),
]


@pytest.mark.parametrize(("text", "number", "figures"), RESTATED)
def test_readings_restatements_are_one_figure(
    extract_text: Callable[..., Extraction], text: str, number: str, figures: int
) -> None:
    extraction = extract_text(text, published=PUBLISHED)
    same = [f for f in extraction.figures if f.quantity.number_text == number]
    assert len(same) == figures
    assert same[0].also_at
