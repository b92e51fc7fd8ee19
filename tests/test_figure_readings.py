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
        "Border Clashes: At least 60 Including 9 Children Killed",
        {"At least 60": "killed", "9": "killed"},
        id="kicker-before-a-title-case-headline",
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


# (sentence, number, measure): people added to a count by 'along with' or 'together with'
# share what befell it; other verbs tell no harm of them
ADDED = [
    ("The raid killed 14 soldiers along with 6 civilians near the dam.", "6", "killed"),
    ("Nine guards were wounded together with 2 cooks in the blast.", "2", "injured"),
    ("Police arrested the cell's leader along with 11 of his men.", "11", "detained"),
]


@pytest.mark.parametrize(("sentence", "number", "measure"), STATES + ADDED)
def test_readings_measure_of_the_counted(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    assert _measures(extract_text(sentence, published=PUBLISHED))[number] == [measure]


def test_readings_a_visit_along_with_officials_is_no_figure(
    extract_text: Callable[..., Extraction],
) -> None:
    extraction = extract_text("The governor arrived along with 20 aides.", published=PUBLISHED)
    assert "20" not in _measures(extraction)


# (sentence, number as written, low, high): a range whose top is only a lower bound is open above
OPEN_RANGES = [
    ("Estimates of the dead vary between 70 and over 200.", "between 70 and over 200", 70, None),
    ("Between 12 and at least 30 people were killed.", "Between 12 and at least 30", 12, None),
    ("Between 12 and 30 people were killed.", "Between 12 and 30", 12, 30),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high"), OPEN_RANGES)
def test_readings_ranges_open_above(
    extract_text: Callable[..., Extraction], sentence: str, text: str, low: int, high: int | None
) -> None:
    figures = [f for f in extract_text(sentence, published=PUBLISHED).figures
               if f.quantity.number_text == text]
    assert [(f.quantity.low, f.quantity.high, f.quantity.qualifier.value) for f in figures] == [
        (low, high, "range")
    ]


# sentences whose numbers say how often, where or which, never how many people or acts, or
# count people whose coming is no displacement
NO_COUNTS = [
    "Police said the suspect had visited the depot on three occasions before the raid.",
    "The ministry listed 9 fatalities, split between two events in the county.",
    "A gunman opened fire in 4 places in the old town before fleeing.",
    "Fighters arrived with 5 technicals and took up positions in the market.",
    "UPDATE 3-Bomb blast hits market in northern town",
    "The hearing began an hour before the two suspects arrived at the court.",
]


@pytest.mark.parametrize("text", NO_COUNTS)
def test_readings_numbers_that_count_no_figure(
    extract_text: Callable[..., Extraction], text: str
) -> None:
    numbers = {"three", "two", "4", "5", "3"}  # the counts of the sentences above
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
        "At Least 3 People Dead and 5 Hurt in Market Blast;Market Blast Kills 3, Wounds 5 in North",
        "At Least 3",
        1,
        id="two-glued-headlines-the-first-stays",
    ),
    pytest.param(
        "Gunmen abducted 4 nurses from the clinic in Tura on Monday. They stopped a bus and robbed "
        "its 9 passengers before kidnapping 4 of them.",
        "4",
        1,
        id="as-many-of-them-as-told-just-before",
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


def test_readings_a_part_of_others_told_last_stays_a_figure(
    extract_text: Callable[..., Extraction],
) -> None:
    text = "Gunmen killed 5 villagers and 12 soldiers on Monday. 5 of them were officers."
    fives = [f for f in extract_text(text, published=PUBLISHED).figures
             if f.quantity.number_text == "5"]
    assert len(fives) == 2


def test_readings_people_who_arrive_in_a_camp_are_displaced(
    extract_text: Callable[..., Extraction],
) -> None:
    text = "More than 3,000 women and children arrived in the camp last week."
    assert _measures(extract_text(text, published=PUBLISHED))["More than 3,000"] == ["displaced"]
