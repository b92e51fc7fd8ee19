"""Actors of longer news reports (issue 9, actors32): each row is one phrasing, in our own words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import only_figure_numbered
from newsledger.extract.parties import find_actors
from newsledger.model import Extraction

MONTHLY = (
    "KYIV, 9 April 2026 - At least 90 civilians were killed and 400 injured in Ukraine in March, "
    "the monitors said on Thursday.\n"
    "The toll was lower than in February, when heavy bombing hit the east.\n"
    "Children made up 12 of the dead, the monitors said.\n"
    "According to the monitors, the great majority of the casualties were caused by Russian "
    "armed forces.\n"
    "Since February 2022, the monitors have verified 13,000 civilians killed in the war.\n"
)

PRISONERS = (
    "BAKU, 9 April 2026 - Azerbaijani authorities were holding 870 political prisoners at the end "
    "of March, a rights group said on Thursday. During the month, 41 were released after serving "
    "their terms. It counted 3 deaths in custody since 2024.\n"
)

ACTORS = [
    # a report's doer told sentences after its month's tolls: every toll of that month, not
    # the running total since the war began
    (MONTHLY, "90", "Russian forces"),
    (MONTHLY, "400", "Russian forces"),
    (MONTHLY, "12", "Russian forces"),
    (MONTHLY, "13,000", None),
    # a state force's own dead are the other side's victims, never the force named by its kind
    ("Al-Shabaab fighters ambushed a convoy near Afgoye on Sunday. The army said 14 soldiers "
     "had been killed and that troops had repelled the attack.", "14", "al-Shabaab"),
    ("The army said 9 auxiliaries were killed in the ambush on Sunday, and that troops had "
     "pushed back the attackers.", "9", None),
    # operations against a group the actor list does not know: that group, as written
    ("Police carried out 14 raids against Black Mamba in the valley since June.", "14",
     "Black Mamba"),
    # ... but not a place they were carried out against
    ("Troops carried out 9 operations targeting Kidal last month.", "9", None),
    # the blame told in the next sentence, for the toll of a weekend and the wounded of it
    ("At least 20 people were killed over the weekend when armed men stormed the village of "
     "Toka. The attack was blamed on al-Shabaab. Eleven people were wounded, officials "
     "said.", "20", "al-Shabaab"),
    ("At least 20 people were killed over the weekend when armed men stormed the village of "
     "Toka. The attack was blamed on al-Shabaab. Eleven people were wounded, officials "
     "said.", "Eleven", "al-Shabaab"),
    # members of a kind of doers are doers
    ("Gang members killed 23 residents of the Bel Air district on Tuesday.", "23",
     "Gang members"),
    ("Militia members abducted 12 farmers near the river on Monday.", "12", "Militia members"),
    # a report on political prisoners: those held, freed or dead in custody are the state's
    (PRISONERS, "870", "Azerbaijani authorities"),
    (PRISONERS, "41", "Azerbaijani authorities"),
    (PRISONERS, "3", "Azerbaijani authorities"),
    # ... and without political prisoners, people detained are no state's by that rule
    ("Azerbaijani authorities said 12 smugglers were detained at the border on Monday.", "12",
     None),
    # who is blamed follows "blamed ... on"; those before it only blame
    ("Nine villagers were killed on Sunday. Residents and al-Shabaab blamed the killing on "
     "ISIS.", "Nine", "ISIS"),
    ("Nine villagers were killed on Sunday. Al-Shabaab was blamed for the killing.", "Nine",
     "al-Shabaab"),
    # a quarter's tolls with no doer of their own take the doer of the quarter's first toll
    ("Gang violence killed 800 people in the capital between April and June, the UN said. A "
     "further 300 people were injured and 150 kidnapped over the period.", "300", "gangs"),
    ("Gang violence killed 800 people in the capital between April and June, the UN said. A "
     "further 300 people were injured and 150 kidnapped over the period.", "150", "gangs"),
]


@pytest.mark.parametrize(("text", "number", "actor"), ACTORS)
def test_actor_of_news_phrasings(
    extract_text: Callable[..., Extraction], text: str, number: str, actor: str | None
) -> None:
    extraction = extract_text(text, published=date(2026, 4, 9))
    assert only_figure_numbered(extraction, number, within=True).actor == actor


@pytest.mark.parametrize(("text", "canonical"), [
    ("Fighters of the Viv Ansanm coalition attacked the port.", "Viv Ansanm"),
    ("The Gran Grif gang controls the road to Saint-Marc.", "Gran Grif"),
    ("The Arakan Army (AA) took the town.", "Arakan Army"),
    ("The TNLA said its positions were shelled.", "Ta'ang National Liberation Army"),
    ("The AA said its fighters had taken the base.", "Arakan Army"),
    ("Troops killed more than 70 AA insurgents.", "Arakan Army"),
])
def test_haiti_and_myanmar_groups_are_known(text: str, canonical: str) -> None:
    assert [m.canonical for m in find_actors(text)] == [canonical]


@pytest.mark.parametrize("text", [
    "The AA guns on the ship fired at the drones.",
    "The anti-aircraft (AA) battery was hit.",
])
def test_aa_is_no_group_out_of_context(text: str) -> None:
    assert find_actors(text) == []
