"""Counts in short incident notes that name who did the harm or how far away it was, not whom it
befell (issue 9, session 30): "shot and killed by two soldiers", "two blocks away".

Every sentence here was written for these tests in the style of incident notes and wire copy.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import figure_numbered
from newsledger.model import Extraction

# (text, number of the doers) - the by-phrase of a passive names who did it: no harm figure
PASSIVE_DOERS = [
    ("A relief worker was shot and killed by two policemen outside the clinic.", "two"),
    ("A nurse was seized by four men and a boy as she left the market.", "four"),
    ("Two farmers were killed by a mine laid by five rebels last year.", "five"),
    # "by" parsed as a plain preposition of the passive verb
    ("The captives were freed by 12 commandos in a dawn raid.", "12"),
]

# (text, number, measure) - the victims in the same sentences keep their measure; a doer's noun
# keeps its own ("four gunmen" are armed men whatever the verb)
VICTIMS_AND_OWN_NOUNS = [
    (
        "One driver was abducted and beaten by three armed men on the road to the camp.",
        "One",
        "kidnapped",
    ),
    ("Two farmers were killed by a mine laid by five rebels last year.", "Two", "killed"),
    ("Six pupils were abducted by four gunmen near the school.", "Six", "kidnapped"),
    ("Six pupils were abducted by four gunmen near the school.", "four", "other"),
    # men the text calls armed are armed men too (session 31)
    ("One driver was abducted and beaten by three armed men on the road to the camp.", "three",
     "other"),
    ("Five police were killed by gunmen and 2 by a roadside bomb.", "2", "killed"),
    ("The camp was attacked by 40 militants before dawn.", "40", "fighters"),
]

# (text, number) - a count that measures a distance or a lapse of time ("two blocks away")
HOW_FAR = [
    ("The second device went off just two blocks away from the first bombing.", "two"),
    ("A second bomb was found 4 streets away but did not go off.", "4"),
    ("The two shootings happened a few doors apart, three hours apart.", "three"),
]

# (text, number, measure) - the toll told in the same sentence is still read
TOLLS_BESIDE_DISTANCES = [
    ("Two days later, gunmen killed 4 soldiers two blocks away.", "4", "killed"),
    ("Two hours later another bomb killed six people at the market.", "six", "killed"),
]


def _numbers(extraction: Extraction) -> list[str]:
    return [f.quantity.number_text for f in extraction.figures]


@pytest.mark.parametrize(("text", "number"), PASSIVE_DOERS)
def test_passive_doers_are_no_harm_figure(
    extract_text: Callable[..., Extraction], text: str, number: str
) -> None:
    assert number not in _numbers(extract_text(text))


@pytest.mark.parametrize(
    ("text", "number", "measure"), VICTIMS_AND_OWN_NOUNS + TOLLS_BESIDE_DISTANCES
)
def test_victims_and_own_nouns_keep_their_measure(
    extract_text: Callable[..., Extraction], text: str, number: str, measure: str
) -> None:
    assert figure_numbered(extract_text(text), number).measure.value == measure


@pytest.mark.parametrize(("text", "number"), HOW_FAR)
def test_distances_and_lapses_are_no_figures(
    extract_text: Callable[..., Extraction], text: str, number: str
) -> None:
    assert number not in _numbers(extract_text(text))


# (text, number, measure) - a victim count told in the words of short incident notes: a "One"
# opening its sentence behind a quote mark or bracket, people taken into hospital
NOTE_WORDING = [
    ("'One local aid worker was abducted near his home in the district town.'", "One", "kidnapped"),
    ('"One nurse was shot dead at the gate," the agency said.', "One", "killed"),
    ("(One guard employed by the charity was wounded in the crossfire.)", "One", "injured"),
    ("Six other people were hospitalised after the grenade attack.", "Six", "injured"),
    ("Police said 14 were hospitalized with burns after the blast.", "14", "injured"),
]


@pytest.mark.parametrize(("text", "number", "measure"), NOTE_WORDING)
def test_victims_in_incident_note_wording(
    extract_text: Callable[..., Extraction], text: str, number: str, measure: str
) -> None:
    assert figure_numbered(extract_text(text), number).measure.value == measure


# (text, number, measure) - an act of harm told as a noun names its one victim
ONE_AFTER_HARM_NOUN = [
    ("The militia claimed the abduction of one relief worker near the river.", "one", "kidnapped"),
    ("Students marched against the killing of one classmate by the police.", "one", "killed"),
    ("Officers announced the arrest of one suspect after the raid.", "one", "detained"),
]


@pytest.mark.parametrize(("text", "number", "measure"), ONE_AFTER_HARM_NOUN)
def test_one_after_a_harm_noun(
    extract_text: Callable[..., Extraction], text: str, number: str, measure: str
) -> None:
    assert figure_numbered(extract_text(text), number).measure.value == measure
