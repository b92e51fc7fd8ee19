"""Fields of figures (period, actor, places, source) on short reports written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import figure_numbered, period_days
from newsledger.model import Extraction

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
    figure = figure_numbered(extract_text(text, published=date(2024, 5, 20)), number)
    assert (figure.period_start, figure.period_end) == tuple(map(date.fromisoformat, period))


# (text, published, number, (period_start, period_end)): the figure's own time, as reports state it.
PERIODS = [
    # a rolling period counts back from the day the statement was made
    (
        "About 6,100 people have fled the district over the past two weeks, the agency said on "
        "Friday.\n",
        "2021-05-16",
        "About 6,100",
        ("2021-04-30", "2021-05-14"),
    ),
    (
        "Rescuers have pulled 41 bodies from the river in the last 10 days.\n",
        "2021-05-16",
        "41",
        ("2021-05-06", "2021-05-16"),
    ),
    # what is still so is counted as of the report
    (
        "Gunmen seized 57 travellers on the highway in March. Police said 19 of them were still "
        "missing.\n",
        "2022-04-12",
        "19",
        ("2022-04-12", "2022-04-12"),
    ),
    (
        "Of the 300 people detained since January, 112 are still in custody, the group said.\n",
        "2022-04-12",
        "112",
        ("2022-04-12", "2022-04-12"),
    ),
    # a phrase dated only relative to another event yields to the figure's own day
    (
        "Raiders killed 25 herders near the border on May 3. The raid came two days after 8 "
        "rangers were killed in an ambush on May 1.\n",
        "2023-05-05",
        "8",
        ("2023-05-01", "2023-05-01"),
    ),
    # the year stated in the sentence, not the dateline's day
    (
        "NAIROBI, Jan 9 (Wire) - At least 34 aid workers were killed in the region in 2023, the "
        "coordinating body said on Monday.\n",
        "2024-01-09",
        "At least 34",
        ("2023-01-01", "2023-12-31"),
    ),
]


@pytest.mark.parametrize(("text", "published", "number", "period"), PERIODS)
def test_fields_period(
    extract_text: Callable[..., Extraction],
    text: str,
    published: str | None,
    number: str,
    period: tuple[str | None, str | None],
) -> None:
    figure = figure_numbered(
        extract_text(text, published=date.fromisoformat(published) if published else None), number
    )
    assert (figure.period_start, figure.period_end) == period_days(period)


# (text, number, source): who the sentence attributes the figure to
SOURCES = [
    # a dateline is no speaker; "the federation" refers back to the one named before
    (
        "The International Federation of Journalists publishes its count each December.\n"
        "BRUSSELS, Dec 10 - The federation said 77 journalists were killed this year.\n",
        "77",
        "International Federation of Journalists",
    ),
]


@pytest.mark.parametrize(("text", "number", "source"), SOURCES)
def test_fields_source(
    extract_text: Callable[..., Extraction], text: str, number: str, source: str | None
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2023, 12, 12)), number)
    assert figure.source == source


# (text, number, actor): the party the figure is about (SCHEMA: "Actor, by what is counted")
ACTORS = [
    # the people counted are never their own killers
    (
        "At least 14 soldiers died when their convoy hit a mine near the border.\n",
        "At least 14",
        None,
    ),
]


@pytest.mark.parametrize(("text", "number", "actor"), ACTORS)
def test_fields_actor(
    extract_text: Callable[..., Extraction], text: str, number: str, actor: str | None
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2023, 12, 12)), number)
    assert figure.actor == actor


# (text, number, places): where a figure applies (SCHEMA: a report on one country gives its figures
# that country unless the sentence names another place; where a statement was made is no place)
PLACES = [
    (
        "The Defence Headquarters says troops neutralised 160 terrorists across the country in "
        "the past week, in Kaduna, Zamfara and Borno.\n"
        "The spokesman disclosed this at a news conference in Abuja on Thursday. He said troops "
        "also rescued 95 kidnapped hostages during the period.\n",
        "95",
        ("Nigeria",),
    ),
    (
        "Daily briefing on political prisoners\n"
        "Since the takeover, a total of 4,100 people were arrested.\n"
        "In Sagaing Region, 610 people were killed by soldiers.\n",
        "4,100",
        ("Myanmar",),
    ),
    (
        "Three soldiers were wounded in a clash in Patikul, the spokesman of the Western Mindanao "
        "Command said.\n",
        "Three",
        ("Patikul",),
    ),
    (
        "Nigerian troops arrested 80 suspects in Kano, Kaduna and Borno over the past week.\n"
        "In the North East, troops neutralised 41 terrorists, the army said.\n",
        "41",
        ("North East, Nigeria",),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), PLACES)
def test_fields_places(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2023, 12, 12)), number)
    assert figure.locations == places


# A country named as the one striking or reporting ("US air strikes", "Russia's state-run news
# agency") is a party or a speaker, not a place of the figure.
COUNTRY_AS_PARTY = [
    (
        "Four French soldiers were wounded near the town of Gao in Mali, France's state-run "
        "news agency reported.\n",
        "Four",
        "France",
        "Gao",
    ),
    (
        "The province of Helmand has come under heavy US bombardment, and at least 40 civilians "
        "were killed there in 2021.\n",
        "at least 40",
        "United States",
        "Helmand",
    ),
    (
        "Turkish air strikes on villages near Qamishli in Syria killed 12 people, a monitor "
        "said; Turkey's defence ministry denied the toll.\n",
        "12",
        "Turkey",
        "Qamishli",
    ),
]


@pytest.mark.parametrize(("text", "number", "party", "place"), COUNTRY_AS_PARTY)
def test_fields_places_country_as_party(
    extract_text: Callable[..., Extraction], text: str, number: str, party: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2023, 12, 12)), number)
    assert party not in figure.locations
    assert place in figure.locations
