"""Which figures are found and what they count, on phrasing the rules were not written on
(issue 9, session 30; the periods of its cases are in test_period_reports.py).

Every sentence here was written for these tests in the style of news reports and incident notes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import figure_numbered
from newsledger.model import Extraction

# (text, number, measure): what the number counts, read off the verb it hangs on
MEASURES = [
    # people a camp or area hosts, or who were settled or live somewhere, are its population
    ("Militiamen raided a camp hosting around 9,000 Christians near the river.", "around 9,000",
     "population"),
    ("The school now shelters 1,200 people from the flooded villages.", "1,200", "population"),
    ("About 14,000 IDPs from two districts were settled in the valley last year.",
     "About 14,000", "population"),
    ("Some 3,000 families live in the camp outside the town.", "Some 3,000", "population"),
    # ... but those a region hosts whom the noun calls displaced stay displaced, and people
    # who came are no residents
    ("The northern province hosts 75,000 displaced people, the agency said.", "75,000",
     "displaced"),
    ("Some 3,000 families fled to the camp outside the town.", "Some 3,000", "displaced"),
    # people a force held, told in the simple past, were taken in that day; those it holds or
    # is holding are a stock
    ("On Friday, police in Lyon held nine people after searching their flats.", "nine",
     "detained"),
    ("The militia still holds 30 people in the old barracks.", "30", "held"),
    ("Authorities are holding 200 people at the stadium.", "200", "held"),
    ("Soldiers held 25 suspects at the barracks for questioning.", "25", "held"),
]


@pytest.mark.parametrize(("text", "number", "measure"), MEASURES)
def test_measure_of_found_figure(
    extract_text: Callable[..., Extraction], text: str, number: str, measure: str
) -> None:
    assert figure_numbered(extract_text(text), number).measure.value == measure


# (text, numbers of the figures found in order): a count restated in its own sentence
RESTATED = [
    # "the twelve" with no noun of its own points back at the twelve told before it
    ("Gunmen abducted twelve villagers, but after questioning the twelve, they freed five.",
     ["twelve", "five"]),
    ("Initially, fifteen hikers were abducted by armed men; after inspecting the fifteen, the "
     "captors released seven.", ["fifteen", "seven"]),
    # ... a number with a noun of its own is another count
    ("Gunmen killed 12 soldiers, and the 12 policemen in the convoy were wounded.",
     ["12", "12"]),
]


@pytest.mark.parametrize(("text", "numbers"), RESTATED)
def test_count_restated_in_its_sentence(
    extract_text: Callable[..., Extraction], text: str, numbers: list[str]
) -> None:
    found = [f.quantity.number_text for f in extract_text(text).figures]
    assert found == numbers


# (text, numbers of the figures found in order): a bare "one" opening its sentence as the subject
# of a casualty verb, however long the subject
FOUND_ONES = [
    ("A grenade went off at the market. One man selling bread near the bus stop was killed.",
     ["One"]),
    ("Shells hit the port. One elderly fisherman mending nets on the pier had been wounded.",
     ["One"]),
    # ... not a "one" of a time phrase, nor one whose clause breaks before the verb
    ("One day after the vote, the army said a soldier was killed.", []),
    ("One of the reasons, officials said, was that nobody was killed.", []),
]


@pytest.mark.parametrize(("text", "numbers"), FOUND_ONES)
def test_one_opening_its_sentence(
    extract_text: Callable[..., Extraction], text: str, numbers: list[str]
) -> None:
    assert [f.quantity.number_text for f in extract_text(text).figures] == numbers


# (text, numbers of the figures found): counts of no conflict events or people are no figures
NOT_FIGURES = [
    ("The mountain republic is home to more than 30 languages and many peoples.", []),
    ("Villagers there speak four dialects, and 40,000 people live in the valley.", ["40,000"]),
]


@pytest.mark.parametrize(("text", "numbers"), NOT_FIGURES)
def test_counts_that_are_no_figures(
    extract_text: Callable[..., Extraction], text: str, numbers: list[str]
) -> None:
    assert [f.quantity.number_text for f in extract_text(text).figures] == numbers


# (text, number as written, qualifier): a plus sign after the digits is "or more"
PLUS_SIGNS = [
    ("10+ dead in Mopti as minister visits", "10+", "at_least"),
    ("At least 100+ people were killed in the raid.", "At least 100+", "at_least"),
    # ... a sign inside a formula or a phone number is none
    ("The 5+2 talks resumed; 12 soldiers were killed at the border.", "12", "exact"),
    ("Call +44 20 7946 0958 to report it; 3 people were killed.", "3", "exact"),
]


@pytest.mark.parametrize(("text", "number", "qualifier"), PLUS_SIGNS)
def test_plus_sign_after_a_number(
    extract_text: Callable[..., Extraction], text: str, number: str, qualifier: str
) -> None:
    assert figure_numbered(extract_text(text), number).quantity.qualifier.value == qualifier
