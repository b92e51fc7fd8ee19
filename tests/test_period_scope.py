"""Periods and places of figures (issue 9): ranges split by a clause, spans counted back to a day,
'since' clauses, times before the report's own, and the places of an undated incident toll.

Every sentence here was written for these tests in the style of news reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import figure_numbered, period_days
from newsledger.extract.time import find_times
from newsledger.model import Extraction

# (text, published, number, (period_start, period_end))
PERIODS = [
    # an explicit range whose two ends a clause separates
    (
        "From 3 March 2021, when the offensive opened, to 14 May 2022, observers recorded 6,410 "
        "civilian deaths in the province.\n",
        "2022-06-01",
        "6,410",
        ("2021-03-03", "2022-05-14"),
    ),
    (
        "From January 5, the day the curfew began, until April 30, police detained 812 people.\n",
        "2023-05-10",
        "812",
        ("2023-01-05", "2023-04-30"),
    ),
    (
        "Between 2 June and 9 August 2020, medics treated 344 wounded fighters.\n",
        "2020-09-01",
        "344",
        ("2020-06-02", "2020-08-09"),
    ),
    # N units counted back from the day or month they end on
    (
        "Relief groups said 9,300 people were displaced in the six months to June 30.\n",
        "2022-07-19",
        "9,300",
        ("2022-01-01", "2022-06-30"),
    ),
    (
        "Officers arrested 2,045 suspects in the year to March, the interior ministry said.\n",
        "2021-05-04",
        "2,045",
        ("2020-04-01", "2021-03-31"),
    ),
    (
        "In the 12 months to the end of September 2019, gunmen abducted 731 people in the state.\n",
        "2019-11-02",
        "731",
        ("2018-10-01", "2019-09-30"),
    ),
    (
        "The district counted 58 attacks in the four weeks to May 12.\n",
        "2024-05-20",
        "58",
        ("2024-04-15", "2024-05-12"),
    ),
    # a 'since' clause whose verb dates its start runs to publication
    (
        "More than 7,200 families have fled since fighting erupted on April 9, the agency said.\n",
        "2023-05-02",
        "More than 7,200",
        ("2023-04-09", "2023-05-02"),
    ),
    (
        "Since the siege began in October 2022, at least 415 people have died in the town.\n",
        "2023-02-14",
        "at least 415",
        ("2022-10-01", "2023-02-14"),
    ),
    (
        "Some 2.4 million people have fled since clashes broke out between the two militias "
        "on June 3, the agency said.\n",
        "2023-09-01",
        "Some 2.4 million",
        ("2023-06-03", "2023-09-01"),
    ),
    # a count as of a day since another day runs from the one to the other
    (
        "As of May 2, 2024, a total of 5,120 people had been killed since the army seized power "
        "on March 9, 2022, the monitoring group said.\n",
        "2024-05-03",
        "5,120",
        ("2022-03-09", "2024-05-02"),
    ),
    # a count since long before the report's period frames nothing after it
    (
        "Gunmen killed 14 people in the district on Tuesday. The region has lost 3,000 lives "
        "since an insurgency began there in 2012.\n"
        "Police said 9 people were wounded.\n",
        "2024-05-09",
        "9",
        ("2024-05-07", "2024-05-07"),
    ),
    # "during the quarter" is the report's quarter, not a period it compares with
    (
        "Armed groups killed 905 people between July and September, up from 610 in the first "
        "six months of the year. Since January, 1,515 people have died.\n"
        "In the capital alone, 370 people were killed during the quarter.\n",
        "2023-10-15",
        "370",
        ("2023-07-01", "2023-09-30"),
    ),
    # "during the year" is the year the report counts, not the year it is published in
    (
        "A press freedom group said 64 reporters were killed in 2023. Sudan was the deadliest "
        "country, with 11 reporters killed during the year.\n",
        "2024-01-20",
        "11",
        ("2023-01-01", "2023-12-31"),
    ),
    (
        "Rights monitors recorded 2,310 abductions in 2022, their annual report said. Most of the "
        "victims were farmers, and 140 were killed in captivity throughout the year.\n",
        "2023-02-02",
        "140",
        ("2022-01-01", "2022-12-31"),
    ),
    # with no year told before, it stays the publication year
    (
        "Troops killed 31 insurgents in the province during the year, the army said in a "
        "statement.\n",
        "2023-06-15",
        "31",
        ("2023-01-01", "2023-12-31"),
    ),
    # a toll "as of" the last day of a report's running count is that count's, not one day's
    (
        "From 1 March 2022 to 30 April 2024, the mission recorded 8,112 civilians killed.\n\n"
        "As of 30 April 2024, at least 402 children had been killed, the mission said.\n",
        "2024-05-12",
        "at least 402",
        ("2022-03-01", "2024-04-30"),
    ),
    (
        "From 1 March 2022 to 30 April 2024, the mission recorded 8,112 civilians killed.\n\n"
        "As of 30 April 2024, 3,950 people were held in detention, the mission said.\n",
        "2024-05-12",
        "3,950",
        ("2024-04-30", "2024-04-30"),
    ),
    # 'since the attack' counts from the day of the attack the story told
    (
        "Armed men raided the market in the town on Tuesday. Since the attack, 1,900 residents "
        "have left their homes.\n",
        "2024-03-08",
        "1,900",
        ("2024-03-05", "2024-03-08"),
    ),
    # 'since the start of the war' when the story dated the war
    (
        "The war began on 12 January 2023 and spread to the coast within weeks.\n"
        "Since the start of the war, 260 aid workers have been detained.\n",
        "2023-11-20",
        "260",
        ("2023-01-12", "2023-11-20"),
    ),
    # a time in a clause on the counted noun is the figure's when that clause says its measure,
    # and not when the figure counts what the main verb says
    (
        "Police said on Friday that 23 miners kidnapped at the quarry on Tuesday remain in "
        "captivity.\n",
        "2022-09-10",
        "23",
        ("2022-09-06", "2022-09-06"),
    ),
    (
        "The 17 traders abducted on Monday were freed on Thursday, the governor's office said.\n",
        "2022-09-10",
        "17",
        ("2022-09-08", "2022-09-08"),
    ),
    (
        "Bandits on Saturday released the 8 farmers they took on Tuesday.\n",
        "2022-09-12",
        "8",
        ("2022-09-10", "2022-09-10"),
    ),
    # a toll updated later is the toll of the attack's day
    (
        "The toll from Friday's bombing climbed to 44 on Sunday, hospital officials said.\n",
        "2022-09-12",
        "44",
        ("2022-09-09", "2022-09-09"),
    ),
    # "released on <day>" of people freed is no statement date
    (
        "Forty hostages were released on Monday after talks with elders.\n",
        "2022-09-14",
        "Forty",
        ("2022-09-12", "2022-09-12"),
    ),
    # issue 9, fields on real reports: the day a later sentence gives to the captives' release
    # is not the toll's; the raid's day told before is
    (
        "On 3 March 2022, gunmen ambushed a truck near the river. Two drivers were killed and "
        "five passengers abducted. The passengers were freed on 9 March.\n",
        "2022-03-20",
        "Two",
        ("2022-03-03", "2022-03-03"),
    ),
    (
        "On 3 March 2022, gunmen ambushed a truck near the river. Five passengers were "
        "abducted. They were released on 9 March after elders intervened.\n",
        "2022-03-20",
        "Five",
        ("2022-03-03", "2022-03-03"),
    ),
    # arrests told without a day of their own are of the incident's day told before
    (
        "On 4 June 2022, students marched to the governor's office in the town. Police "
        "arrested 14 protesters during the march.\n",
        "2022-06-20",
        "14",
        ("2022-06-04", "2022-06-04"),
    ),
    # a time before the report's own keeps the figure out of the report's period
    (
        "In March, 4,800 people fled to the border towns. The towns already sheltered 12,500 "
        "people who had fled in previous months.\n",
        "2023-04-03",
        "12,500",
        (None, None),
    ),
    (
        "The two camps, home to some 21,000 refugees before this influx, are now overflowing.\n",
        "2023-04-03",
        "some 21,000",
        (None, None),
    ),
    # (text, published, number, period): the day of a dateline closed by a colon or by the agency
    # alone (the Indian and Pakistani press) is when the story was filed; a day in the story is its
    # figures' (a diary's "Tuesday, March 5:" still dates its entry)
    (
        "ISLAMABAD, July 11: A suicide bomber struck a police post in Bannu district on Monday. "
        "Police said 6 policemen were martyred and 4 others injured in the blast.\n",
        "2023-07-11",
        "6",
        ("2023-07-10", "2023-07-10"),
    ),
    (
        "Srinagar, July 11: Three soldiers were killed in a gunfight with militants in Kupwara "
        "district on Sunday, officials said.\n",
        "2023-07-11",
        "Three",
        ("2023-07-09", "2023-07-09"),
    ),
    (
        "New Delhi, May 12 (PTI) Four jawans were injured in an IED blast in Bijapur district on "
        "Thursday, police said.\n",
        "2023-05-12",
        "Four",
        ("2023-05-11", "2023-05-11"),
    ),
    (
        "Peshawar, May 12 (Dawn): Two policemen were shot dead in Dera Ismail Khan on Wednesday "
        "night.\n",
        "2023-05-12",
        "Two",
        ("2023-05-10", "2023-05-10"),
    ),
    (
        "Tuesday, March 5: Gunmen killed 8 people at a checkpoint in Kirkuk.\n",
        "2024-03-08",
        "8",
        ("2024-03-05", "2024-03-05"),
    ),
    # a report's period told with a count of a kind not read still frames the counts after it
    (
        "Observers said 1,180 civilians were subjected to violence between April and June 2024.\n"
        "Of them, 212 were killed and 75 were abducted.\n",
        "2024-07-20",
        "212",
        ("2024-04-01", "2024-06-30"),
    ),
    (
        "Monitors said 930 civilians were subjected to violence in Ituri province in January "
        "2025.\n"
        "In Djugu territory, militiamen killed 41 villagers.\n",
        "2025-02-14",
        "41",
        ("2025-01-01", "2025-01-31"),
    ),
    # the dead and wounded 'during the attack' are of the incident's day, not of a later count's
    (
        "Gunmen stormed the jail in Maiduguri on Friday night and freed 240 inmates.\n"
        "By Sunday, 95 of them had been recaptured.\n"
        "Three guards were killed and five wounded during the raid.\n",
        "2024-06-03",
        "Three",
        ("2024-05-31", "2024-05-31"),
    ),
    # ... and so do a few days told inside a briefing's week
    (
        "Troops neutralised 51 terrorists within the week under review, the army said.\n"
        "In the North East, 88 insurgents surrendered between June 3 and 5.\n"
        "In the North West, troops neutralised 17 bandits in Zamfara.\n",
        "2024-06-07",
        "17",
        ("2024-05-31", "2024-06-07"),
    ),
    # a count told in the present perfect 'this year' runs up to the report's day
    (
        "Analysts said the militants have carried out 41 bombings in the capital this year.\n",
        "2024-08-03",
        "41",
        ("2024-01-01", "2024-08-03"),
    ),
    # ... and so does one told in the simple past: the rest of the year has not happened yet
    (
        "Rebels killed 41 soldiers in the east this year, the analysts said.\n",
        "2024-08-03",
        "41",
        ("2024-01-01", "2024-08-03"),
    ),
    # a running total told in passing ('bringing the total ... to') frames nothing after it
    (
        "In May, 3,150 people fled their homes, bringing the total displaced between January and "
        "May to 19,400.\n"
        "In Marib governorate, shelling killed 12 civilians.\n",
        "2024-06-12",
        "12",
        ("2024-05-01", "2024-05-31"),
    ),
    # an incident's day told inside a report's longer period frames its own paragraph only
    (
        "The mission recorded 480 civilian casualties between January and March 2024.\n"
        "In Kunduz, a suicide bombing on 9 February killed 17 worshippers; 6 of them were "
        "children.\n"
        "The mission also documented 38 arbitrary arrests of journalists.\n",
        "2024-04-25",
        "38",
        ("2024-01-01", "2024-03-31"),
    ),
    (
        "The mission recorded 480 civilian casualties between January and March 2024.\n"
        "In Kunduz, a suicide bombing on 9 February killed 17 worshippers; 6 of them were "
        "children.\n"
        "The mission also documented 38 arbitrary arrests of journalists.\n",
        "2024-04-25",
        "6",
        ("2024-02-09", "2024-02-09"),
    ),
    # a toll told of an event its date names ('in the March 3, 2019, bombing') is of that day,
    # not of the verdict's month that opens the sentence
    (
        "In June, after a long trial, the man was found guilty of killing 4 people and injuring "
        "60 in the March 3, 2019, bombing at the fair.\n",
        "2021-07-01",
        "4",
        ("2019-03-03", "2019-03-03"),
    ),
    (
        "Last week a jury convicted her of wounding 9 guards in the May 2017 raid on the depot.\n",
        "2020-02-10",
        "9",
        ("2017-05-01", "2017-05-31"),
    ),
    # a date naming an attack in a time phrase counted from it ('three days after May 2, 2018,
    # bombing') frames no period; the tolls told without a time are of the attack's day
    (
        "A court jailed a friend of the bomber on Monday. Prosecutors said two days after May 2, "
        "2018, bombing, the friend hid a laptop. Two bombs exploded at the fair, killing 6 "
        "people.\n",
        "2019-07-10",
        "6",
        ("2018-05-02", "2018-05-02"),
    ),
    # ... but a date of another thing after the toll does not
    (
        "In June, gunmen killed 5 farmers near the river, a year after the 2019 floods.\n",
        "2021-07-01",
        "5",
        ("2021-06-01", "2021-06-30"),
    ),
]


@pytest.mark.parametrize(("text", "published", "number", "period"), PERIODS)
def test_period_of_figure(
    extract_text: Callable[..., Extraction],
    text: str,
    published: str,
    number: str,
    period: tuple[str | None, str | None],
) -> None:
    figure = figure_numbered(extract_text(text, published=date.fromisoformat(published)), number)
    assert (figure.period_start, figure.period_end) == period_days(period)


# (text, number, (start, end)) in reports without a publication date: a month named without its
# year is the month the report stated with its year, else unknown
UNDATED_PERIODS = [
    (
        "Protection monitoring update, May 2023\n"
        "In May, 61 civilians were killed in Ituri province.\n",
        "61",
        ("2023-05-01", "2023-05-31"),
    ),
    (
        "The agency said 3,400 people were displaced in February 2024.\n"
        "In March, another 2,100 fled.\n",
        "2,100",
        (None, None),
    ),
    # a statement's day told in the present ('Reuters reports on 14 May 2004 that') dates the
    # telling of a later development, not the undated incident before it
    (
        "A bomb ripped through a cafe in Kolda on this day. Four people were killed in the "
        "explosion. Reuters reports on 14 May 2004 that a local man is the main suspect.\n",
        "Four",
        (None, None),
    ),
    (
        "Gunmen stormed a clinic in Kolda. They abducted 3 nurses. The ministry confirms on 2 "
        "June 2011 that talks with the kidnappers have begun.\n",
        "3",
        (None, None),
    ),
]


@pytest.mark.parametrize(("text", "number", "period"), UNDATED_PERIODS)
def test_period_of_figure_in_undated_report(
    extract_text: Callable[..., Extraction],
    text: str,
    number: str,
    period: tuple[str | None, str | None],
) -> None:
    figure = figure_numbered(extract_text(text), number)
    assert (figure.period_start, figure.period_end) == period_days(period)


# (text, published, phrase found, (start, end)); None published leaves relative ends unknown
PHRASES = [
    ("in the six months to June 30", None, "in the six months to June 30", (None, None)),
    ("over the year to 31 March 2024", None, "over the year to 31 March 2024",
     ("2023-04-01", "2024-03-31")),
    ("since clashes broke out on 2 May 2021", None, "since clashes broke out on 2 May 2021",
     ("2021-05-02", None)),
    ("from 1 May 2020, the day of the vote, to 3 June 2020", None,
     "from 1 May 2020, the day of the vote, to 3 June 2020", ("2020-05-01", "2020-06-03")),
    # two dates of one sentence, not a range: no 'from' before the first
    ("on 1 May 2020 and on 3 June 2020", None, "on 1 May 2020", ("2020-05-01", "2020-05-01")),
    ("prior to the latest offensive", "2024-01-01", "prior to the latest offensive", (None, None)),
    # briefings count "the week under review": the week before the briefing
    ("Troops neutralised 41 insurgents within the week under review.", "2023-08-18",
     "within the week under review", ("2023-08-11", "2023-08-18")),
    ("during the week under review, 60 suspects were arrested", "2023-08-18",
     "during the week under review", ("2023-08-11", "2023-08-18")),
    ("In the month under review, 12 attacks were recorded", "2023-08-05",
     "In the month under review", ("2023-07-01", "2023-07-31")),
]


@pytest.mark.parametrize(("text", "published", "phrase", "period"), PHRASES)
def test_time_phrases_of_issue_9(
    text: str, published: str | None, phrase: str, period: tuple[str | None, str | None]
) -> None:
    pub = date.fromisoformat(published) if published else None
    mention = find_times(text, pub)[0]
    assert mention.text == phrase
    assert (mention.period_start, mention.period_end) == period_days(period)


# (text, number, places): a toll told without any time in an undated story takes the incident's
# place, not the country the story is about
PLACES = [
    (
        "Twin blasts hit the Shorja market in central Baghdad, Iraq, killing 31 people.\n"
        "Shorja market is the oldest in the Iraqi capital.\n"
        "Earlier, the civil defence said 19 people had been killed. Iraqi officials blamed "
        "Islamic State. Iraq has seen fewer attacks since 2019, and Iraqi police patrol the "
        "city.\n",
        "19",
        "Baghdad",
    ),
]


# (text, number, place): a place inside a country's possessive is the figure's ("Nigeria's Kaduna
# state"); what else happens on an incident's day takes the incident's places, not the country's
INCIDENT_PLACES = [
    (
        "Gunmen on Monday abducted 61 worshippers from a church in a village in Niger's Tillaberi "
        "region, officials said.\n",
        "61",
        "Tillaberi",
    ),
    (
        "SOKOTO, Nigeria - Bandits on Sunday abducted 43 villagers on a farm in Nigeria's Zamfara "
        "state, police said.\n"
        "A police spokesman said 11 of the villagers later escaped. Nigeria has seen a wave of "
        "such kidnappings, and Nigerian troops patrol the roads.\n",
        "11",
        "Zamfara",
    ),
]


# ... and the scene told in the sentence before a story's first toll, when it counts nothing
INCIDENT_PLACES += [
    (
        "Jihadists overran a military camp in Mali's Segou region on Wednesday.\n"
        "The army said 21 soldiers were killed in the assault.\n",
        "21",
        "Segou Region",
    ),
]


# (text, number, place): countries along whose borders a scene lies are no places of its toll
BORDER_PLACES = [
    (
        "The raid took place in the Tillaberi region, near the borders with Mali and Burkina "
        "Faso, leaving 26 villagers dead.\n",
        "26",
        "Burkina Faso",
    ),
]


@pytest.mark.parametrize(("text", "number", "place"), BORDER_PLACES)
def test_bordering_countries_are_no_places(
    extract_text: Callable[..., Extraction], text: str, number: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 3, 20)), number)
    assert figure.locations
    assert place not in figure.locations


@pytest.mark.parametrize(("text", "number", "place"), INCIDENT_PLACES)
def test_places_of_incident_figures(
    extract_text: Callable[..., Extraction], text: str, number: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 3, 20)), number)
    assert place in figure.locations


# (text, number, places): the party that attacks is no place of the figure; "inside" places
PARTY_AND_INSIDE = [
    (
        "Monthly update on the war in Ukraine\n"
        "From 24 February 2022, the start of the full-scale invasion by the Russian Federation, to "
        "30 April 2023, the mission recorded 8,791 civilians killed in Ukraine and Ukrainian "
        "towns.\n",
        "8,791",
        ("Ukraine",),
    ),
    (
        "About 640,000 people are displaced inside Mali and 190,000 have fled to Niger and "
        "Mauritania, the agency said.\n",
        "About 640,000",
        ("Mali",),
    ),
    # a country whose war (offensive, invasion) is fought in a place is a party there
    (
        "Russia's war in Ukraine accounted for 14 of the deaths, the group said.\n",
        "14",
        ("Ukraine",),
    ),
    (
        "Ethiopia's offensive against rebels in Tigray displaced 62,000 people, the agency said.\n",
        "62,000",
        ("Tigray",),
    ),
    # the country occupying or holding a territory is a party there, not the place
    (
        "Since March, the monitors recorded 1,340 civilian casualties in Ukraine.\n"
        "In areas occupied by the Russian Federation, 410 civilian casualties were recorded.\n",
        "410",
        ("Ukraine",),
    ),
    # the country whose air force speaks, or that launched what is counted, is a party
    (
        "Poland's air force said it tracked 31 missiles launched by Russia over Lviv region.\n",
        "31",
        ("Lviv",),
    ),
    # a country's ministry speaking is no place of the figure
    (
        "France's foreign ministry said 4 French engineers were among 19 people abducted in "
        "Niger.\n",
        "4",
        ("Niger",),
    ),
    (
        "Britain's Ministry of Defence said 950 Russian soldiers were killed in Ukraine in June.\n",
        "950",
        ("Ukraine",),
    ),
    # 'Gaza' alone is the Gaza Strip
    (
        "Strikes in Gaza killed 37 aid workers, the alliance said.\n",
        "37",
        ("Gaza Strip",),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), PARTY_AND_INSIDE)
def test_places_not_parties(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2023, 5, 20)), number)
    assert figure.locations == places


# (text, number): a count over the world has no place, not the place of the sentences before it
WORLDWIDE = [
    (
        "At least 41 aid workers were killed in Sudan this year. Another 12 died in Yemen.\n"
        "The group said 280 aid workers had been killed worldwide in 2023.\n",
        "280",
    ),
    (
        "In Somalia, 9 journalists were detained in June.\n"
        "Globally, 530 journalists were detained in the year, the group said.\n",
        "530",
    ),
    # a story counting over the world: the place of one part frames no later paragraph
    (
        "Some 212 medical workers were killed around the world in 2023, the alliance said.\n"
        "Of them, 96 were killed in Ukraine.\n"
        "Another 57 health workers were abducted during the year.\n",
        "57",
    ),
]


@pytest.mark.parametrize(("text", "number"), WORLDWIDE)
def test_worldwide_count_has_no_place(
    extract_text: Callable[..., Extraction], text: str, number: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 1, 20)), number)
    assert figure.locations == ()


@pytest.mark.parametrize(("text", "number", "place"), PLACES)
def test_places_of_undated_incident_toll(
    extract_text: Callable[..., Extraction], text: str, number: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=None), number)
    assert place in figure.locations


GLUED = (
    "4 soldiers killed in blasts in MaliMOPTI, Mali, Feb. 5 (Wire) -- Four soldiers were killed in "
    "two explosions in Mali's Mopti region on Tuesday, the army said.\n"
)

# (text, number, places): each clause of a sentence keeps its own places; a clause without any
# takes those of the clause it hangs in (issue 9, clause scope)
CLAUSE_PLACES = [
    ("A roadside bomb in Kirkuk killed 6 people, and a suicide attack in Samarra killed 9.\n",
     "6", ("Kirkuk",)),
    ("A roadside bomb in Kirkuk killed 6 people, and a suicide attack in Samarra killed 9.\n",
     "9", ("Samarra",)),
    ("Two car bombs in Mosul killed 14 people, while a shooting in Tikrit killed 3.\n",
     "14", ("Mosul",)),
    ("Two car bombs in Mosul killed 14 people, while a shooting in Tikrit killed 3.\n",
     "3", ("Tikrit",)),
    ("Explosions in Kirkuk killed 8 people and wounded 20, while a car bomb in Baqubah wounded "
     "11.\n", "20", ("Kirkuk",)),
    ("In Borno, 20 people were killed, while in Yobe 5 died.\n", "20", ("Borno",)),
    # a part counted in territory without a name takes no place from the other part's clause
    ("Civilian casualties in Ukraine\n"
     "Of the 2,300 civilian deaths recorded in Ukraine, 1,850 were in territory controlled by the "
     "Government and 450 in territory occupied by the Russian Federation, the mission said.\n",
     "1,850", ("Ukraine",)),
    # a participle, a relative clause and a 'when' clause stay in the scene of their head
    ("Gunmen stormed a village in Kaduna on Monday, killing 14 people.\n", "14", ("Kaduna",)),
    ("A bombing in Aleppo that killed 17 people drew wide condemnation.\n", "17", ("Aleppo",)),
    ("Police said 12 people were killed and 5 were wounded when a car bomb exploded in Kirkuk.\n",
     "5", ("Kirkuk",)),
    # a figure whose sentence names no place takes those named since the previous figure; a
    # country's embassy is no place of it
    ("The first bomb hit a market in Kirkuk, killing 9 people. The second bomb went off near the "
     "US embassy in Baghdad. In this blast 14 people were killed.\n", "14", ("Baghdad",)),
    ("The second bomb went off near the US embassy in Kabul. In this blast 14 people were "
     "killed.\n", "14", ("Kabul",)),
    # a total without an upper bound takes no parts' places from figures further on
    ("Gunmen killed at least 30 villagers in raids on Monday, officials said. Two of the wounded "
     "died later in hospital. Elsewhere, bandits killed 20 people in Kano and 15 in Kaduna.\n",
     "at least 30", ("Nigeria",)),
    # a headline glued to the dateline is a clause apart: its places do not cut the body's
    (GLUED, "Four", ("Mali", "Mopti Region")),
]


@pytest.mark.parametrize(("text", "number", "places"), CLAUSE_PLACES)
def test_places_of_a_figure_come_from_its_clause(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 10)), number)
    assert figure.locations == places


# (text, number, period): each clause keeps its own time phrase; 'N days after' places a clause
# against the day of the other (published Wednesday 2024-04-10)
CLAUSE_PERIODS = [
    ("Soldiers killed 23 militants in Borno on Friday, and 7 soldiers died in an ambush in Yobe "
     "on Saturday.\n", "7", ("2024-04-06", "2024-04-06")),
    ("Soldiers killed 23 militants in Borno on Friday, and 7 soldiers died in an ambush in Yobe "
     "on Saturday.\n", "23", ("2024-04-05", "2024-04-05")),
    ("The army said 40 fighters were killed in March, while 12 soldiers died in April.\n",
     "12", ("2024-04-01", "2024-04-30")),
    ("Gunmen killed 5 farmers in Zamfara on Tuesday, a day after bandits abducted 30 villagers "
     "in Katsina.\n", "30", ("2024-04-08", "2024-04-08")),
    ("Gunmen killed 5 farmers in Zamfara on Tuesday, a day after bandits abducted 30 villagers "
     "in Katsina.\n", "5", ("2024-04-09", "2024-04-09")),
    ("Bandits abducted 30 villagers in Katsina, a day after gunmen killed 5 farmers in Zamfara "
     "on Tuesday.\n", "30", ("2024-04-10", "2024-04-10")),
    ("The blast on Sunday came two days after 14 soldiers were killed in an ambush.\n",
     "14", ("2024-04-05", "2024-04-05")),
    # ... or against the day the story told last when its sentence names none
    ("Gunmen killed 12 people in a village in Kaduna on Sunday. The attack came a day after "
     "bandits abducted 30 villagers in Katsina.\n", "30", ("2024-04-06", "2024-04-06")),
    # a date naming an event ('the March 2020 prison break') is no period for what follows
    ("Gunmen attacked a market in Kirkuk on 4 May 2021. The group, blamed for the March 2020 "
     "prison break, denied it. Police said the gunmen wounded 14 shoppers.\n",
     "14", ("2021-05-04", "2021-05-04")),
    # the day of a dateline glued to the headline is not the body's
    (GLUED, "Four", ("2024-04-09", "2024-04-09")),
    # a 'when' clause on a 'since' phrase is of that time, not of the range it opens
    ("Monday's toll was the highest since May 10, 2010, when 110 people were killed.\n",
     "110", ("2010-05-10", "2010-05-10")),
    ("The toll is the worst since 2014, when militants killed 300 people in the town.\n",
     "300", ("2014-01-01", "2014-12-31")),
    # ... history told so frames no other figure of the story
    ("Bombings across the country killed 60 people. The toll was the highest since May 10, "
     "2010, when 110 people were killed.\n", "60", (None, None)),
    # ... and a 'when' aside on the date of a 'since' phrase compares nothing
    ("Since March 3, when the offensive began, 412 civilians have been killed.\n",
     "412", ("2024-03-03", "2024-04-10")),
    # a comparison's month is not the figure's
    ("A total of 412 civilians were killed in March, compared with February's 380.\n",
     "412", ("2024-03-01", "2024-03-31")),
    # the time of a 'where' or 'which' aside is the aside's, not the figure's
    ("Monitors counted 90 deaths in March. In Idlib, where a truce has held since May 2020, "
     "11 civilians were killed by shelling.\n", "11", ("2024-03-01", "2024-03-31")),
    ("The agency recorded 230 abductions in March. In Kasai, which saw fighting in 2017, 19 "
     "people were abducted.\n", "19", ("2024-03-01", "2024-03-31")),
]


@pytest.mark.parametrize(("text", "number", "period"), CLAUSE_PERIODS)
def test_period_of_a_figure_comes_from_its_clause(
    extract_text: Callable[..., Extraction],
    text: str,
    number: str,
    period: tuple[str | None, str | None],
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 10)), number)
    assert (figure.period_start, figure.period_end) == period_days(period)


# (text, number, places): a paragraph opened by "In <region>, ..." scopes that paragraph only;
# the figures of a one-country report after it are the country's again
PARAGRAPH_SCOPE = [
    (
        "Between 1 and 30 April 2024, the monitoring mission recorded 1,204 civilian "
        "casualties: 301 killed and 903 injured.\n\n"
        "In Odesa region, 17 civilians were killed and 52 injured, most of them in Odesa city.\n\n"
        "As of 30 April, at least 410 children had been killed, the mission said.\n",
        "at least 410",
        ("Ukraine",),
    ),
    (
        "The mission documented 930 killings across Haiti between April and June.\n\n"
        "In the Centre department, gangs killed 44 people, mostly in Mirebalais.\n\n"
        "Another 212 people were kidnapped during the quarter, the mission said.\n",
        "212",
        ("Haiti",),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), PARAGRAPH_SCOPE)
def test_paragraph_scope_ends_with_paragraph(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2023, 7, 10)), number)
    assert figure.locations == places


# (text, number, places): a place told in a "which includes ..." aside on a division is a part of
# it, not the figure's place; a division named by a common word ("Ouest", "Centre") is a place
# when its division word follows
ASIDES_AND_DIVISIONS = [
    (
        "The mission documented 930 killings across the country between April and June.\n\n"
        "In the Artibonite department, which includes the city of Gonaives, gangs killed 89 "
        "people during the quarter.\n",
        "89",
        ("Artibonite",),
    ),
    (
        "Fighting in Sagaing Region, which includes Monywa, killed 48 civilians in May, the group "
        "said.\n",
        "48",
        ("Sagaing",),
    ),
    (
        "Gang violence killed 1,120 people in Haiti in the first quarter.\n\n"
        "In the Ouest department, 903 people were killed over the same period.\n",
        "903",
        ("Ouest",),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), ASIDES_AND_DIVISIONS)
def test_aside_places_and_named_divisions(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 7, 10)), number)
    assert figure.locations == places


# (text, number, places): "followed by Somalia with six": a ranking's items, each number its
# country's, and the first item's number keeps its own country only
RANKED_ITEMS = [
    (
        "Syria was the deadliest country for reporters last year, with 14 killed, followed by "
        "Somalia with six and Yemen with five, the group said.\n",
        "six",
        ("Somalia",),
    ),
    (
        "Syria was the deadliest country for reporters last year, with 14 killed, followed by "
        "Somalia with six and Yemen with five, the group said.\n",
        "14",
        ("Syria",),
    ),
    (
        "Attacks killed 61 civilians across the country in March, the UN mission said, "
        "most of them in Kandahar with 23, followed by Helmand with 17.\n",
        "17",
        ("Helmand",),
    ),


    # bracketed tolls after their region
    (
        "In June, the mission recorded 380 civilian casualties in the country. Most deaths were "
        "in Kharkiv region (36 killed), Odesa region (14 killed) and Sumy region (9 killed).\n",
        "14",
        ("Odesa",),
    ),
    (
        "In June, the mission recorded 380 civilian casualties in the country. Most deaths were "
        "in Kharkiv region (36 killed), Odesa region (14 killed) and Sumy region (9 killed).\n",
        "9",
        ("Sumy",),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), RANKED_ITEMS)
def test_ranked_items_take_their_place(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 1, 10)), number)
    assert figure.locations == places


# (text, number, place that must not come out): a village the generated gazetteer knows only
# abroad ('Soro' in India) in a story whose places all lie in one other country
STRAY_TOWNS = [
    (
        "Soldiers executed about 90 villagers in Soro, a village in Yatenga province in northern "
        "Burkina Faso, residents said.\n",
        "about 90",
        "Soro",
    ),
    (
        "OUAGADOUGOU (Reuters) - About 60 people were killed in attacks on the villages of Soro "
        "and Komsilga last month, a prosecutor in Burkina Faso said.\n",
        "About 60",
        "Soro",
    ),
]


@pytest.mark.parametrize(("text", "number", "stray"), STRAY_TOWNS)
def test_stray_towns_abroad_are_no_places(
    extract_text: Callable[..., Extraction], text: str, number: str, stray: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 25)), number)
    assert figure.locations
    assert stray not in figure.locations


# (text, number, place): a town the story gives no other sign of is kept when it is a country's
# capital, or lies in the country of the story's dateline
TOWNS_KEPT = [
    (
        "NAIROBI (Reuters) - A car bomb killed 9 people in Mogadishu on Sunday, Kenyan officials "
        "said.\n",
        "9",
        "Mogadishu",
    ),
    (
        "A suicide bomber killed 14 people in Kabul, Pakistani officials said.\n",
        "14",
        "Kabul",
    ),
    (
        "MOSCOW (Reuters) - Ukrainian drones killed 3 people in Belgorod region on Sunday, the "
        "governor said.\n",
        "3",
        "Belgorod",
    ),
]


@pytest.mark.parametrize(("text", "number", "place"), TOWNS_KEPT)
def test_capitals_and_towns_of_the_dateline_country_are_kept(
    extract_text: Callable[..., Extraction], text: str, number: str, place: str
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 25)), number)
    assert place in figure.locations


# (text, number, places): refugees counted "from Sudan ... into Chad" are of both countries
FROM_INTO = [
    (
        "UNHCR said more than 410,000 refugees from South Sudan had crossed into Uganda by the "
        "end of March.\n",
        "more than 410,000",
        ("South Sudan", "Uganda"),
    ),
    (
        "Nearly 95,000 people have fled from Burkina Faso to neighbouring Ghana since January, "
        "the agency said.\n",
        "Nearly 95,000",
        ("Burkina Faso", "Ghana"),
    ),
    # ... also when they fled a war 'in' a place into another
    (
        "Some 38,000 people have fled clashes in Tigray into Sudan since November, the agency "
        "said.\n",
        "Some 38,000",
        ("Tigray", "Sudan"),
    ),
]


@pytest.mark.parametrize(("text", "number", "places"), FROM_INTO)
def test_displaced_from_and_into(
    extract_text: Callable[..., Extraction], text: str, number: str, places: tuple[str, ...]
) -> None:
    figure = figure_numbered(extract_text(text, published=date(2024, 4, 20)), number)
    assert figure.locations == places
