"""Places of a whole against its parts within a sentence (issue 9, session 31): a count told
across a country beside a part in one town, a part told as "N of them in X", places listed in
the order of their counts ("respectively"), a breakdown item labelled by two places, and
divisions named by a people's name and their division word ("Kachin State"), and names that
are no scene: a lake named after a country, a capital standing for its government, a town near
a named prison or camp.

Every text here was written for these tests in the style of news reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import figure_numbered
from newsledger.model import Extraction

# (text, number, places): a count told "across the country" (or "nationwide") is the country's,
# not the place of a part beside it in its sentence nor of the count before it
COUNTRY_WHOLES = [
    ("Police in Nigeria detained 420 suspects across the country last month, 96 of them in Kano.",
     "420", ("Nigeria",)),
    ("Police in Nigeria detained 420 suspects across the country last month, 96 of them in Kano.",
     "96", ("Kano",)),
    ("Fighting in Sudan displaced many families in May. In Kassala, the agency registered 310 new "
     "arrivals, out of 2,400 across the country.", "2,400", ("Sudan",)),
    ("Fighting in Sudan displaced many families in May. In Kassala, the agency registered 310 new "
     "arrivals, out of 2,400 across the country.", "310", ("Kassala",)),
    ("The war in Mali went on in May. A bomb in Gao killed 9 people on Monday, the mission said.\n"
     "Across the country, 14 children were among those killed in May, the mission said.",
     "14", ("Mali",)),
    ("Soldiers in Somalia arrested 75 people across the country in June, 30 of them in Kismayo.",
     "75", ("Somalia",)),
]


@pytest.mark.parametrize(("text", "number", "places"), COUNTRY_WHOLES)
def test_a_count_across_the_country_is_the_countrys(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2026, 6, 30)), number)
    assert figure.locations == places


# (text, number, absent, present): a part told after its whole as "N of them in X" or
# "followed by X and Y with N" is X's (and Y's), not the whole's
PART_PLACES = [
    ("Fourteen police officers were killed in the province during the year, nine of them in "
     "Kunduz city.", "Fourteen", "Kunduz", None),
    ("Kherson saw the most strikes, with 40 civilians killed, followed by Kharkiv and Sumy "
     "with 22.", "40", "Kharkiv", "Kherson"),
    ("Kherson saw the most strikes, with 40 civilians killed, followed by Kharkiv and Sumy "
     "with 22.", "22", "Kherson", "Sumy"),
    ("Clashes in northern Ethiopia forced some 40,000 people from their homes in May, with many "
     "of them sheltering in Mekelle.", "some 40,000", "Mekelle", "Ethiopia"),
]


@pytest.mark.parametrize(("text", "number", "absent", "present"), PART_PLACES)
def test_a_parts_place_is_not_the_wholes(
    extract_text: Callable[..., Extraction], text: str, number: str, absent: str,
    present: str | None,
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2026, 6, 30)), number)
    assert absent not in figure.locations
    if present is not None:
        assert present in figure.locations


# (text, number, places): "killed 14 and 9 respectively": the places in the order of the counts
RESPECTIVELY = [
    ("Shelling in Donetsk and Kharkiv killed 14 and 9 civilians respectively.", "14",
     ("Donetsk",)),
    ("Shelling in Donetsk and Kharkiv killed 14 and 9 civilians respectively.", "9",
     ("Kharkiv",)),
    ("Air strikes on Idlib, Aleppo and Hama killed 31, 12 and 5 people respectively, the "
     "monitor said.", "12", ("Aleppo",)),
]


@pytest.mark.parametrize(("text", "number", "places"), RESPECTIVELY)
def test_places_respectively_follow_their_counts(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2026, 6, 30)), number)
    assert figure.locations[: len(places)] == places


# (text, number, place): a division named by its people's name and "State" ("Kachin") is a place
PEOPLES_DIVISIONS = [
    ("In Kachin State, 64 civilians died in air strikes.", "64", "Kachin"),
    ("Fighting in Karen State killed 12 villagers on Monday.", "12", "Kayin"),
    ("Fighting in Mon State killed 7 villagers on Monday.", "7", "Mon"),
]


@pytest.mark.parametrize(("text", "number", "place"), PEOPLES_DIVISIONS)
def test_a_peoples_state_is_a_place(
    extract_text: Callable[..., Extraction], text: str, number: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2026, 6, 30)), number)
    assert figure.locations[:1] == (place,)


# (text, number, absent): a lake named after a country ("the Lake Chad area") and a capital that
# blames or denies (its government) are no places of a figure
NOT_SCENES = [
    ("Troops killed 85 insurgents in the Lake Chad area last week, the army said.", "85", "Chad"),
    ("Fishermen said 12 people drowned on Lake Kivu when their boat capsized on Monday.", "12",
     "Kivu"),
    ("Mali: village toll rises to 45 as Bamako blames jihadists\n\nMOPTI, Mali - The toll from "
     "Saturday's attack on a village in central Mali has risen to 45, the mayor said.\n"
     "A news agency had earlier reported at least 41 dead.", "at least 41", "Bamako"),
    ("Kyiv denied the claim. Russian shelling killed 6 people in the region on Monday.", "6",
     "Kyiv"),
    # a facility told by its own name and found by a town near it: the town is a landmark
    ("BAMAKO, May 3 - At least 17 detainees escaped from the Kenieroba central prison near "
     "Bamako on Saturday, Mali's justice ministry said.", "At least 17", "Bamako"),
]


@pytest.mark.parametrize(("text", "number", "absent"), NOT_SCENES)
def test_a_lake_or_a_government_is_no_scene(
    extract_text: Callable[..., Extraction], text: str, number: str, absent: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2026, 6, 30)), number)
    assert absent not in figure.locations
