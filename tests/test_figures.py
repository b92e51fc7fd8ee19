"""Figures end to end on short reports written for these tests (spaCy parse included)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newsledger.model import CheckType, Extraction

RELEASE = (
    "From January through June 2025, the coalition and its partners conducted 120 operations "
    "against ISIS in Iraq and Syria, killing 40 ISIS operatives and detaining 92 others, "
    "U.S. Central Command said.\n"
    "In Iraq, 75 partnered operations resulted in 25 ISIS operatives killed and 50 detained.\n"
    "In Syria, 45 operations killed 15 ISIS operatives and 42 were detained, "
    "according to CENTCOM.\n"
    "The operations resulted in six senior ISIS leaders killed.\n"
    "More than 8,000 ISIS detainees remain in detention facilities in Syria.\n"
)

BOMBING = (
    "A suicide bomber killed at least 12 people and wounded 30 others at a market in Mogadishu on "
    "Saturday, police said.\n"
    "Al-Shabaab claimed responsibility for the attack.\n"
)

DISTRACTOR = (
    "The electoral commission said turnout was 41% and the ruling party won 17 seats "
    "in the 2024 vote.\n"
    "The budget of $3.5 million was approved on March 4, and the 12-year-old "
    "programme was renewed.\n"
)


def _by_number(extraction: Any) -> dict[str, Any]:
    return {f.quantity.number_text: f for f in extraction.figures}


@pytest.fixture(scope="module")
def release(extract_text: Callable[..., Extraction]) -> Extraction:
    return extract_text(RELEASE, published=date(2025, 7, 10))


@pytest.mark.parametrize(
    ("number", "measure", "locations"),
    [
        ("120", "operations", ("Iraq", "Syria")),
        ("40", "killed", ("Iraq", "Syria")),
        ("92", "detained", ("Iraq", "Syria")),
        ("42", "detained", ("Syria",)),
        ("75", "operations", ("Iraq",)),
        ("25", "killed", ("Iraq",)),
        ("50", "detained", ("Iraq",)),
        ("45", "operations", ("Syria",)),
        ("15", "killed", ("Syria",)),
        ("six", "killed", ("Iraq", "Syria")),
        ("More than 8,000", "held", ("Syria",)),
    ],
)
def test_figures_release_measures_and_places(
    release: Extraction, number: str, measure: str, locations: tuple[str, ...]
) -> None:
    figure = _by_number(release)[number]
    assert figure.measure.value == measure
    assert set(figure.locations) == set(locations)
    assert figure.actor == "ISIS"


def test_figures_release_period_carries_to_continuing_sentences(release: Extraction) -> None:
    figures = _by_number(release)
    h1 = (date(2025, 1, 1), date(2025, 6, 30))
    for number in ("120", "40", "75", "25", "15"):
        assert (figures[number].period_start, figures[number].period_end) == h1
    stock = figures["More than 8,000"]
    assert (stock.period_start, stock.period_end) == (None, None)


def test_figures_release_sources(release: Extraction) -> None:
    figures = _by_number(release)
    assert figures["120"].source == "U.S. Central Command"
    assert figures["15"].source == "U.S. Central Command"  # "according to CENTCOM", an alias


def test_figures_release_checks(release: Extraction) -> None:
    figures = {f.id: f.quantity.number_text for f in release.figures}
    sums = {
        (figures[c.total], tuple(sorted(figures[p] for p in c.parts)), c.holds)
        for c in release.checks
        if c.type is CheckType.SUM and c.total
    }
    assert ("120", ("45", "75"), True) in sums
    assert ("40", ("15", "25"), True) in sums
    assert ("92", ("42", "50"), True) in sums
    subsets = {
        (figures[c.whole], figures[c.part])
        for c in release.checks
        if c.type is CheckType.SUBSET and c.whole and c.part
    }
    assert ("40", "six") in subsets


def test_figures_incident(extract_text: Callable[..., Extraction]) -> None:
    extraction = extract_text(BOMBING, published=date(2025, 3, 17))
    figures = _by_number(extraction)
    killed, injured = figures["at least 12"], figures["30"]
    assert (killed.measure.value, killed.quantity.low, killed.quantity.high) == ("killed", 12, None)
    assert injured.measure.value == "injured"
    assert killed.locations == ("Mogadishu",)
    assert killed.period_start == date(2025, 3, 15)  # the Saturday before publication
    assert killed.source is not None and killed.source.lower() == "police"


def test_figures_distractor_gives_nothing(extract_text: Callable[..., Extraction]) -> None:
    assert extract_text(DISTRACTOR).figures == ()


def test_figures_offsets_point_into_the_text(release: Extraction) -> None:
    for figure in release.figures:
        assert RELEASE[figure.start : figure.end] == figure.text
        assert figure.quantity.number_text in figure.text


@pytest.mark.parametrize("text", [
    "Militants kill 9 soldiers in northern Mali\n"
    "Militants killed 9 soldiers in an ambush near Gao on Tuesday, the army said.\n",
    # a headline glued to the dateline when the text lost its line breaks
    "5 soldiers killed in ambush in MaliBAMAKO, Mali, Feb. 5 (Wire) -- Five soldiers were killed "
    "in an ambush near Gao on Tuesday, the army said.\n",
    "Gunmen kill 9 in Zamfara villageGUSAU — Gunmen killed 9 people in a village in Zamfara "
    "state on Tuesday, police said.\n",
])
def test_figures_restatement_is_one_figure(
    extract_text: Callable[..., Extraction], text: str
) -> None:
    extraction = extract_text(text, published=date(2025, 2, 6))
    killed = [f for f in extraction.figures if f.measure.value == "killed"]
    assert len(killed) == 1
    assert killed[0].also_at
    assert killed[0].start > text.index("ed ")  # the body's number, after the headline's verb


@pytest.mark.parametrize(
    ("sentence", "number", "measure"),
    [
        ("The blast claimed the lives of 12 people on Sunday.", "12", "killed"),
        ("The death toll from the bombing rose to 45, an official said.", "45", "killed"),
        ("Gunmen abducted 17 students from a school on Friday.", "17", "kidnapped"),
        ("At least 200 families fled their homes after the clashes.", "At least 200", "displaced"),
        ("Police arrested 11 suspects in connection with the attack.", "11", "detained"),
        ("Warplanes carried out 34 airstrikes on the province last week.", "34", "operations"),
        (
            "Some 1,300 people remain missing after the raid, officials said.",
            "Some 1,300",
            "missing",
        ),
        (
            "A dozen soldiers were wounded when their convoy hit a roadside bomb.",
            "A dozen",
            "injured",
        ),
        (
            "More than 3,000 migrants have returned home since January.",
            "More than 3,000",
            "returned",
        ),
        (
            "Nearly 60,000 people live in the camp, according to the UN.",
            "Nearly 60,000",
            "population",
        ),
        ("The militants fired 15 rockets towards the base.", "15", "other"),
        ("The group claimed 21 attacks in the province in May.", "21", "attacks"),
        ("In Syria, 45 operations killed 15 fighters.", "45", "operations"),
        ("Authorities hold more than 8,000 detainees in the prisons.", "more than 8,000", "held"),
        ("The Treasury imposed sanctions on five people tied to the network.", "five", "other"),
    ],
)
def test_figures_measure_of_single_sentences(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    figures = _by_number(extract_text(sentence))
    assert figures[number].measure.value == measure


@pytest.mark.parametrize(
    "sentence",
    [
        "The 15-year-old boy was released on June 22, 2023 at about 8:30 am.",
        "Turnout was 44% and the party won 17 seats in the 329-seat parliament.",
        "The fund received $262.6 million, up from 2017 levels.",
        "A soldier cleans an 81 mm mortar tube; it was the second attack in three days.",
        "All of the country's 13 regions are affected.",
        "The rebels released two videos of the ambush.",  # things, not people
    ],
)
def test_figures_non_figures_give_nothing(
    extract_text: Callable[..., Extraction], sentence: str
) -> None:
    assert extract_text(sentence).figures == ()


@pytest.mark.parametrize(
    ("sentence", "number", "measure"),
    [
        ("Three aid workers were shot to death near the border.", "Three", "killed"),
        ("Two soldiers were shot dead by gunmen at a checkpoint.", "Two", "killed"),
        ("A man fatally stabbed two shoppers at the market.", "two", "killed"),
        ("Four farmers were found dead in the village.", "Four", "killed"),
        ("Fifteen people were reported killed in the blast.", "Fifteen", "killed"),
        ("The blast left six people dead and twenty others wounded.", "six", "killed"),
        ("The blast left six people dead and twenty others wounded.", "twenty", "injured"),
        ("The ambush left two dead and fifteen injured.", "two", "killed"),
        ("The ambush left two dead and fifteen injured.", "fifteen", "injured"),
        ("The bomb killed two of the governor's guards.", "two", "killed"),
        ("Nine people were killed and over thirty-five injured.", "over thirty-five", "injured"),
        ("Five workers sustained injuries in the explosion.", "Five", "injured"),
        ("Gunmen opened fire on two traffic policemen, killing them.", "two", "killed"),
        ("Insurgents raided the posts, killing a total of fifteen people.", "fifteen", "killed"),
        ("Three foreign service local employees were killed in an ambush.", "Three", "killed"),
        ("2 NGO national staff wounded when vehicle hit by roadside bomb.", "2", "injured"),
        ("1 national staff shot and wounded when returning from a distribution.", "1", "injured"),
        ("Gunmen ambushed the convoy, killing one and wounding three more.", "three", "injured"),
        ("The grenade claimed the life of one and injured ten others.", "one", "killed"),
        ("The soldiers spotted two gunmen and killed one of them.", "one", "killed"),
        # a relative clause tells who they were; the main verb what befell them
        ("Three drivers who were evacuating wounded civilians were killed by a mine.", "Three",
         "killed"),
        ("Two nurses who were rescuing villagers from the flood were wounded by gunmen.", "Two",
         "injured"),
        ("Gunmen killed three men who were returning from a wedding in Zaria.", "three",
         "killed"),
        # a harm participle right after the number is its own, whatever the parse hangs it on
        ("Six people were killed and nineteen other injured by the blast near the depot.",
         "nineteen", "injured"),
        ("One guard was killed and three wounded, all civilians, in the twin blasts.", "three",
         "injured"),
    ],
)
def test_figures_casualty_wordings(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    figures = _by_number(extract_text(sentence))
    assert figures[number].measure.value == measure


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Three men were sentenced to death for the bombing.", "Three"),
        ("Two gunmen stormed the village and killed a farmer.", "Two"),  # the killers
        ("Two gunmen opened fire and fled.", "Two"),
    ],
)
def test_figures_casualty_wordings_that_count_no_victims(
    extract_text: Callable[..., Extraction], sentence: str, number: str
) -> None:
    figure = _by_number(extract_text(sentence)).get(number)
    assert figure is None or figure.measure.value not in ("killed", "injured")


def test_figures_named_victims_make_no_figure(extract_text: Callable[..., Extraction]) -> None:
    # "a policeman was killed" is an implicit toll of the incident only (the gold SCHEMA makes
    # such figures optional): the figure list stays as it was.
    extraction = extract_text("A policeman was killed when gunmen attacked a checkpoint.")
    assert [f for f in extraction.figures if f.measure.value == "killed"] == []


@pytest.mark.parametrize(
    ("sentence", "number", "measure"),
    [
        # counts written in brackets, as some monitors do
        ("Since May, a total of (2,140) people were arrested by the army.", "2,140", "detained"),
        ("By June, (312) are still under detention in the capital.", "312", "held"),
        ("Of the detainees, (87) remain in custody.", "87", "held"),
        ("(64) of them are serving prison sentences.", "64", "held"),
        ("(19) people have been sentenced to death since the coup.", "19", "other"),
        # what befell people, beyond killed, injured, detained and kidnapped
        ("Troops rescued 23 hostages from a rebel camp.", "23", "other"),
        ("Soldiers rescued eight of the hostages after a gun battle.", "eight", "other"),
        ("The gunmen freed about 1,200 inmates when they stormed the jail.", "about 1,200",
         "other"),
        ("About 300 inmates escaped during the assault.", "About 300", "other"),
        ("Eleven of the escaped prisoners were recaptured on Monday.", "Eleven", "detained"),
        ("Forty fighters surrendered to the army with their weapons.", "Forty", "other"),
        ("A court sentenced 14 people to death for the attack.", "14", "other"),
        ("At least 36 women were raped during the raid.", "At least 36", "other"),
        ("More than 120,000 people have been affected by the fighting.", "More than 120,000",
         "other"),
        ("The army said it neutralised 12 terrorists in the forest.", "12", "killed"),
        ("Nearly 9,000 people have been left homeless by the clashes.", "Nearly 9,000",
         "displaced"),
        ("The province is already home to some 45,000 refugees.", "some 45,000", "population"),
        ("The town hosts 8,000 people who fled the fighting last year.", "8,000", "displaced"),
        # one count of victims of either harm is 'other', not the first harm named
        ("Some 2,000 people were killed or injured in the fighting.", "Some 2,000", "other"),
        ("At least 75 civilians were killed, injured or abducted in May.", "At least 75", "other"),
        ("Nearly 40 people killed or wounded by stray bullets were civilians.", "Nearly 40",
         "other"),
        # ... and so is one count that two harm verbs joined by "and" share
        ("Jets kill and wound more than 60 fighters of the militia, a monitor said.",
         "more than 60", "other"),
        ("Shelling killed and injured 45 people in the market on Friday.", "45", "other"),
        ("Gunmen killed 12 and wounded 30 people in the market.", "12", "killed"),
        ("Gunmen killed 12 and wounded 30 people in the market.", "30", "injured"),
        # a "with" phrase closed by its harm, tagged a past tense
        ("Four soldiers were killed with two other soldiers and a translator injured.", "two",
         "injured"),
        # some of those held, harmed: the harm, not the stock of detainees
        ("Three of the detainees were seriously injured by guards.", "Three", "injured"),
        ("Five of the prisoners died in custody last month.", "Five", "killed"),
        ("Two of the detainees remain in custody.", "Two", "held"),
        # "N others" with the harm right after it, in the past tense: theirs, not the verb before
        ("The army admitted losing three soldiers and 14 others wounded.", "14", "injured"),
        ("The army admitted losing three soldiers and 14 others wounded.", "three",
         "killed"),
        ("A total of 2,760 fighters and their families surrendered to troops.", "2,760",
         "other"),
        ("The agency said 14,200 people remained confined to their homes.", "14,200", "other"),
        ("The gunmen took 120 pupils; 28 pupils later escaped.", "28", "other"),
        ("Officials said another 9,500 remain confined to their villages.", "9,500", "other"),
        ("Roughly 700 migrants were left stranded at the border.", "Roughly 700", "other"),
        # troops sent or kept somewhere are armed personnel present
        ("The government said 1,200 soldiers were deployed to the region.", "1,200",
         "fighters"),
        ("Kenya has deployed 400 police officers to the capital.", "400", "fighters"),
        # people counted with the state they are in
        ("The watchdog counted 361 reporters in prison at the end of the year.", "361", "held"),
        ("Some 2,300 people under detention were moved to a new facility.", "Some 2,300",
         "held"),
        # a participle after an amount noun stands for the people counted
        ("Aid groups put the number of displaced at 61,000.", "61,000", "displaced"),
        ("Local officials put the number of dead at 33.", "33", "killed"),
        # a toll alone is a toll of the dead
        ("By Friday the toll had climbed to 58.", "58", "killed"),
        # a time phrase right after the number is no noun it counts
        ("The death toll rose to 64 a few days later.", "64", "killed"),
        ("The toll climbed to 27 several hours after the ambush.", "27", "killed"),
        ("Over 2,000 displacement events were recorded in May.", "Over 2,000", "displaced"),
        ("Police logged 40 abduction cases in the state.", "40", "kidnapped"),
        # a clause about a part ("of whom 30") says nothing of the whole
        ("Police detained 48 people, of whom 30 were later released.", "48", "detained"),
        ("Police detained 48 people, of whom 30 were later released.", "30", "other"),
        # the group the counted are among, and breakdowns by sex
        ("Among those killed were six police officers.", "six", "killed"),
        ("Among the dead are two journalists.", "two", "killed"),
        ("Of those killed, 312 were men and 45 were boys.", "312", "killed"),
        ("Of those killed, 312 were men, 97 women and 45 boys.", "97", "killed"),
        ("Of the 200 inmates who fled, 120 were later arrested.", "120", "detained"),
        # a list spelling out the people counted, or following the first of them
        ("Police said 42 people were freed: 27 students and 15 staff.", "27", "other"),
        ("Troops rescued 31 farmers, six traders and 4 crew members.", "six", "other"),
        ("Troops rescued 31 farmers, six traders and 4 crew members.", "4", "other"),
        ("(48) female and (131) male; (179) people in total were detained in the province.", "48",
         "detained"),
        ("(48) female and (131) male; (179) people in total were detained in the province.",
         "131", "detained"),
        # warrants are no arrests, and hostages held are kidnapped, not detainees
        ("Police issued 17 arrest warrants after the bombing.", "17", "other"),
        ("Arrest warrants have been issued for 15 other suspects.", "15", "other"),
        ("Police detained 5 suspects and issued arrest warrants for 12 more.", "12", "other"),
        ("Police detained 5 suspects and issued arrest warrants for 12 more.", "5", "detained"),
        ("Police issued 9 arrest warrants, but only Ali Musa and Sani Bello have been detained.",
         "9", "other"),
        ("The rebels are believed to be holding 17 hostages.", "17", "kidnapped"),
        ("Twelve hostages were still held by the gang on Friday.", "Twelve", "kidnapped"),
        # people kept in a state the object's predicate names
        ("A gunman kept 11 passengers hostage on a minibus for six hours.", "11", "kidnapped"),
        ("Pirates held 19 crew members hostage off the coast.", "19", "kidnapped"),
        ("The rebels kept 7 miners captive in the forest.", "7", "kidnapped"),
        ("Protests grew after the slaying of nine more demonstrators in three days.", "nine",
         "killed"),
        # limbs lost are injuries; a 'with' phrase closed by a participle
        ("Two off-duty soldiers lost their legs in the blast.", "Two", "injured"),
        ("The blast was severe, with at least three guards losing limbs.", "at least three",
         "injured"),
        ("The army lost 12 soldiers and 4 tanks in the battle.", "12", "killed"),
        ("Five policemen were killed with two other officers and a driver wounded.", "two",
         "injured"),
        # what the doers of an attack underwent after it
        ("Two gunmen stormed the campus and fired at guards before being gunned down.", "Two",
         "killed"),
        ("Three attackers held the hotel for hours before being shot dead by police.", "Three",
         "killed"),
        ("Four suspects fled the scene before being arrested in Kano.", "Four", "detained"),
        # sentences glued by scraping after a number
        ("Gunmen killed 23 soldiers and wounded another 15.Twenty attackers were killed.",
         "15", "injured"),
        ("Gunmen killed 23 soldiers and wounded another 15.Twenty attackers were killed.",
         "Twenty", "killed"),
        # explosions nobody carried out are no attacks (issue 9)
        ("Five rebels died in two accidental explosions at their depot.", "two", "other"),
        # ... and after a lower-case word, before a number (issue 9)
        ("A car bomb went off near the ministry buildings.14 people were killed and 30 hurt.",
         "14", "killed"),
        # ... and before a wiki section heading
        ("Nine attackers were shot dead by the guards.== See also ==", "Nine", "killed"),
        # people named in sanctions
        ("The Treasury on Tuesday targeted 13 officials of the ruling party with visa bans.",
         "13", "other"),
        ("Washington has sanctioned 52 people tied to the regime since 2018.", "52", "other"),
        # bombs set off are attacks; bombs found, and the bombers, are not
        ("The cell was accused of planting close to 40 bombs in the capital.", "close to 40",
         "attacks"),
        ("Militants detonated three car bombs outside the ministry.", "three", "attacks"),
        ("Army engineers defused four bombs found near the bridge.", "four", "other"),
        ("The blasts were set off by two suicide bombers, who detonated their vests in the crowd.",
         "two", "other"),
        ("Troops rescued close to 60 hostages from the forest camp.", "close to 60", "other"),
        # a number that is only what was recorded refers back to its sentence's figure
        ("Police said 40 people were killed in the north, and 25 were reported in the south.",
         "25", "killed"),
        ("The agency counted 1,200 civilian casualties in the east, while 340 were documented"
         " in the south.", "340", "other"),
        # the people an amount noun counts, subject of the verb the number ends, words apart
        ("The number of displaced in the province's southern districts has fallen to about"
         " 60,000.", "about 60,000", "displaced"),
        # "among whom" refers back to the count before it, as "among them" does
        ("The army said 35 terrorists were neutralised, among whom were 4 commanders.", "4",
         "killed"),
        # a number out of a group a participle or adjective names: what befell the group
        ("An official said 25 of the dead were members of a self-defence militia.", "25",
         "killed"),
        ("Nine of the wounded are soldiers, the army said.", "Nine", "injured"),
        # where people freed or escaped ended up ("returned home"), not "returned fire"
        ("A teacher said 25 pupils had escaped and returned home by Friday evening.", "25",
         "returned"),
        ("Troops rescued 12 hostages and returned fire on the kidnappers.", "12", "other"),
        # people taken hostage or prisoner: the state after the object says what befell them
        ("Gunmen took 23 passengers hostage on the highway.", "23", "kidnapped"),
        ("Rebels said they had taken 140 soldiers prisoner in the offensive.", "140", "detained"),
        ("The militia is holding 35 soldiers prisoner in the hills.", "35", "held"),
        ("Rebels had taken 140 soldiers prisoner (including 6 officers).", "6", "detained"),
        # people kept in or sent to medical care are injured, whatever the verb; not those
        # who died there or were arrested outside
        ("Sixty people were detained in hospital after the market bombing.", "Sixty", "injured"),
        ("About 30 others were allowed home after treatment.", "About 30", "injured"),
        ("Twelve passengers were taken to hospital after the blast.", "Twelve", "injured"),
        ("Three of the wounded later died in hospital.", "Three", "killed"),
        ("Some 25 protesters were arrested outside the clinic.", "Some 25", "detained"),
        # bombs set off and blasts are attacks; bombs found stay weapons
        ("Nine bomb blasts, some minutes apart, killed seven people in the city.", "Nine",
         "attacks"),
        ("By nightfall some 21 bombs had gone off across the city.", "some 21", "attacks"),
        ("The rebels detonated at least 20 bombs in the town centre.", "at least 20", "attacks"),
        ("Militants planted 30 bombs along the highway.", "30", "attacks"),
        ("Soldiers found three explosive devices on the road.", "three", "other"),
        # the state people are left in, however the parser hangs it
        ("Rebels stormed a base near the town, killing 15 soldiers and leaving two others "
         "wounded, officials said.", "two", "injured"),
        ("A car bomb in the market killed three people and left 25 hurt, the governor said.",
         "25", "injured"),
        # people included in a count take its measure, even after a dateline
        ("KABUL - At least 14 persons, including seven children, were injured in five grenade "
         "attacks in the district.", "seven", "injured"),
        ("A bomber struck a convoy, killing at least 15 people, including 13 policemen, and "
         "wounding another 25, including 18 policemen and 6 civilians.", "18", "injured"),
        # of two verbs sharing one object, the graver harm; a verb without one gives way
        ("Police arrested and beat nine opposition activists in the capital.", "nine",
         "detained"),
        ("Gunmen abducted and killed five farmers near the border.", "five", "killed"),
        ("Troops detained and tortured 12 men, the rights group said.", "12", "detained"),
        # a second verb with its own subject is its own clause: no object is shared
        ("One driver was killed and four were taken hostages after rebels ambushed the convoy "
         "near the border.", "four", "kidnapped"),
        ("A guard was wounded and three were taken hostages when gunmen stormed the depot.",
         "three", "kidnapped"),
        ("A bomber struck a convoy, killing at least 15 people, including 13 policemen killed "
         "and wounding another 25, including 18 policemen.", "18", "injured"),
        # bullet points run together: a capitalised number word opens a new one, and a toll
        # "confirmed dead" counts the dead, not who confirms
        ("Gunmen storm a college at dawn Students taken hostage Two guards confirmed dead in "
         "the shooting", "Two", "killed"),
        # "IS" before its members is the group, not the verb "is"; insurgents are a
        # stock of fighters like militants
        ("Seven IS militants were killed in the raid on Tuesday.", "Seven", "killed"),
        ("An official said there could be anywhere from 2,000 to 10,000 IS insurgents in the "
         "desert.", "2,000 to 10,000", "fighters"),
        ("Some 3,000 insurgents remain in the hills above the town.", "Some 3,000", "fighters"),
        # the harm the subject of "be" names
        ("The only fatalities were the four suicide bombers, police said.", "four", "killed"),
        ("The wounded were 12 soldiers and a driver.", "12", "injured"),
        # a part of people harmed takes the harm of its whole
        ("A rocket killed 20 people and injured 40. Nine of the injured were children.", "Nine",
         "injured"),
        ("A rocket killed 20 people and injured 40. Three of the dead were aid workers.", "Three",
         "killed"),
        ("Four of the 15 initially killed and 9 of the wounded were soldiers.", "Four", "killed"),
        ("Four of the 15 initially killed and 9 of the wounded were soldiers.", "9", "injured"),
        # (issue 9, figure recall) measures of detention stocks, returnees and escaped prisoners
        # still in detention: a stock, not the arrests of a period
        ("Since the coup, 8,400 people have been arrested. Of those, 5,210 are still detained.",
         "5,210", "held"),
        ("About 260 students remain detained in Mandalay, the group said.", "About 260", "held"),
        ("Nearly 900 activists are currently imprisoned, the rights group said.", "Nearly 900",
         "held"),
        ("Police arrested 14 people on Monday, the spokesman said.", "14", "detained"),
        # people who came back are returnees
        ("Some 640,000 people have returned home this year, among them 75,000 refugees who came "
         "back from Uganda.", "75,000", "returned"),
        ("Some 42,000 refugees fled to Chad last month, UNHCR said.", "Some 42,000", "displaced"),
        # prisoners who flee escape; escapees not yet caught are no fighters at large
        ("Of the 310 inmates who fled the prison, 96 have been recaptured.", "310", "other"),
        ("Of the 310 inmates who fled the prison, 96 have been recaptured.", "96", "detained"),
        ("Police said 57 had been rearrested and about 640 remained at large.", "about 640",
         "other"),
        ("Of the 180 escapees, 71 were recaptured while 109 are still on the run.", "109",
         "other"),
        ("About 150 militants remain at large after the raid, police said.", "About 150",
         "fighters"),
        ("Zacatecas recorded 1,210 homicides last year, official data show.", "1,210", "killed"),
        ("A mob lynched 4 suspected kidnappers in the market on Monday.", "4", "killed"),
        # a harm participle the parser hangs on the number of a partitive
        ("Four of the ISIS members killed during the quarter were senior leaders.", "Four",
         "killed"),
        # attacks counted as times, the attacked place between verb and count
        ("Russian forces shelled Nikopol district 41 times on Sunday.", "41", "attacks"),
        # people forced to do what the next verb says, or forced from their homes
        ("More than 4,000 people have been forced from their homes in Ituri since Monday.",
         "More than 4,000", "displaced"),
        ("Clashes forced 2,300 people to flee their villages near Kidal.", "2,300", "displaced"),
        # a headline's harm verb the parser takes for a plural noun
        ("Blast at market injures 12", "12", "injured"),
        ("Grenade attack at Srinagar market injures 12", "12", "injured"),
        # issue 9: fighters listed after a toll are of the toll
        ("Clashes near Hodeidah killed 31 people: 22 Houthi fighters and 9 soldiers.", "22",
         "killed"),
        ("The army has 900 troops in the district: 600 soldiers and 300 militiamen.", "300",
         "fighters"),
        ("Two were killed and 9 hurt in the blast, bringing the casualties to 11.", "11", "other"),
        ("Rescuers found 7 more bodies, raising the death toll to 45.", "45", "killed"),
        ("The Roj camp holds about 2,600 foreigners, officials said.", "about 2,600",
         "population"),
        ("The central prison holds 3,000 inmates, officials said.", "3,000", "held"),
        ("Of the 40 people killed in the raid on the camp, 22 were women.", "22", "killed"),
        ("Six police officers were killed in the first attack and five in the second.", "five",
         "killed"),
        ("Gao hosts 8,000 of the displaced, the Menaka region 5,000 and Kidal 3,000.", "3,000",
         "displaced"),
        ("Militants abducted 40 people in Borno, 25 in Yobe and 12 in Adamawa.", "25",
         "kidnapped"),
        ("Militants abducted 40 people in Borno, 25 in Yobe and 12 in Adamawa.", "12",
         "kidnapped"),
        ("Of the 20 people abducted, 14 were pupils. The remaining 6 were teachers.", "6",
         "kidnapped"),
        # issue 9, fields on real reports: a harm closing joined nouns, or told after the people
        # a count includes, befell the count
        ("About 30 villagers killed, over 20 women and girls abducted, homes burnt.", "over 20",
         "kidnapped"),
        ("Nine guards and two drivers abducted, the company said.", "Nine", "kidnapped"),
        ("Twelve people were killed and 60 more including 9 pupils wounded in the blast.", "60",
         "injured"),
        # militiamen are fighters, unless what befell them is told
        ("Villagers said a band of 30 militiamen raided the market at dawn.", "30", "fighters"),
        ("Troops killed 12 militiamen in the forest on Monday.", "12", "killed"),
        # a stabbing that tells no death hurt; people a clinic treated were hurt
        ("A man stabbed six people at the station before police shot him.", "six", "injured"),
        ("A man stabbed two guards to death at the gate.", "two", "killed"),
        ("The clinic, which treated 11 of the passengers, said most had cuts.", "11", "injured"),
        # a bracketed breakdown inside the counted phrase: the harm after the noun is the count's
        ("3 UN national (2 drivers, 1 guard) staff killed and 5 NGO international (4 doctors, "
         "1 nurse) staff wounded in the raid on the compound.", "5", "injured"),
        ("3 UN national (2 drivers, 1 guard) staff killed and 5 NGO international (4 doctors, "
         "1 nurse) staff wounded in the raid on the compound.", "3", "killed"),
        # a count before "..., of whom" is the whole: its own words tell its measure
        ("Some 2,400 people crossed into Niger last week, of whom 1,300 were women.", "Some 2,400",
         "displaced"),
    ],
)
def test_figures_measure_of_further_wordings(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    figures = _by_number(extract_text(sentence))
    assert figures[number].measure.value == measure


@pytest.mark.parametrize(("text", "number"), [
    ("Some 40,000 people have fled the district since Monday, the agency said. "
     "Local groups put the figure at more than 55,000.\n", "more than 55,000"),
    # a count going on with what the count before it counted
    ("About 9,000 people fled their villages last week. Most of the displaced, 5,200 people, "
     "reached Dori. Another 2,100 went to Djibo.\n", "5,200"),
    ("About 9,000 people fled their villages last week. Most of the displaced, 5,200 people, "
     "reached Dori. Another 2,100 went to Djibo.\n", "2,100"),
    ("Nearly 1.5 million people are displaced in the country. The north hosts the largest "
     "share, 640,000 people, the agency said.\n", "640,000"),
])
def test_figures_another_count_takes_the_measure_before_it(
    extract_text: Callable[..., Extraction], text: str, number: str
) -> None:
    figures = _by_number(extract_text(text))
    assert figures[number].measure.value == "displaced"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Nine people were killed in the raid, according to two hospital officials.", "two"),
        ("At least 14 people died, three security sources told reporters.", "three"),
        # "of which" refers to its own sentence's noun, here boats, not the people before
        ("Some 5,000 refugees arrived last week. Many came on small boats, 11 of which sank.",
         "11"),
        # a restated number in brackets is one figure
        ("The gunmen killed eight (8) villagers.", "8"),
        # military positions captured are places, no captives
        ("Rebels captured 12 army outposts in the state and killed 30 soldiers.", "12"),
        # a clock time whose point the scrape spaced out ends no sentence and counts nothing
        ("Police arrested 45 people in the 24 hours till 8. 00am on Sunday.", "8"),
        ("Shelling began at 7. 30 pm and killed four people.", "7"),
        # places of worship near which an attack happened are places, not a count
        ("Bombers blew themselves up near two churches in the city, killing at least 14 people.",
         "two"),
        # a numbered video or image is a label
        ("Video 3 shows 12 soldiers were killed at the checkpoint.", "3"),
        ("Image 2 suggests that 14 civilians died in the strike.", "2"),
        # the first of two days of one month is a date too
        ("Raids on 14 and 15 March forced 5,000 villagers to flee.", "14"),
        ("Clashes from 3 to 5 June killed 22 herders.", "3"),
        # nationalities of the dead are no count of their own
        ("At least 29 people (18 different nationalities) were killed in the attack.", "18"),
        # a coder's note on how one toll is filed counts nothing
        ("Fighting on 2 May killed 23 people (fatalities split across five events).", "five"),
        ("Raiders killed 11 herders; casualties are spread across 2 other attacks.", "2"),
        # a number joined by a hyphen to the noun it describes is no count
        ("Unknown attackers ambushed a two-truck convoy, killing four guards.", "two"),
        ("A 17-nation coalition said its jets killed 30 fighters.", "17"),
    ],
)
def test_figures_numbers_that_are_no_figures(
    extract_text: Callable[..., Extraction], text: str, number: str
) -> None:
    figures = _by_number(extract_text(text))
    assert number not in figures
    assert figures  # the sentence's real figure is still read


LIST_REPORT = (
    "People killed in the province since January, by group:\n"
    "Civilians: 140\n"
    "Army and police: 22\n"
    "Opposition fighters: 12\n"
    "\n"
    "Arrests by district:\n"
    "- North: 15\n"
    "- South: 9\n"
    "The shelling of the market killed 30 people, among them:\n"
    "- 12 children\n"
    "- 8 women\n"
    "Abducted: 17\n"
    "\n"
    "Across the year, the toll was:\n"
    "Gulf region: 21\n"
    "Sub-Saharan Africa: 13\n"
)


@pytest.mark.parametrize(
    ("number", "measure", "counted"),
    [
        ("140", "killed", "Civilians"),
        ("22", "killed", "Army and police"),
        ("12", "killed", "Opposition fighters"),  # the heading's measure, not the label's noun
        ("15", "detained", "North"),
        ("9", "detained", "South"),
        ("30", "killed", "people"),
        ("8", "killed", "women"),
        ("17", "kidnapped", "Abducted"),  # a label that names the event itself
        ("21", "killed", "Gulf region"),  # a heading of a toll
        ("13", "killed", "Sub-Saharan Africa"),
    ],
)
def test_figures_list_and_table_lines_count_what_their_heading_names(
    extract_text: Callable[..., Extraction], number: str, measure: str, counted: str
) -> None:
    figures = [f for f in extract_text(LIST_REPORT).figures if f.quantity.number_text == number]
    assert [(f.measure.value, f.counted) for f in figures][:1] == [(measure, counted)]


UNTITLED_LISTS = (
    "Breakdown of the dead in the district\n"
    "Villagers: 41\n"
    "Militia members: 16\n"
    "\n"
    "The convoy attack killed 25 people. Those killed were:\n"
    "- 19 soldiers\n"
    "- 6 drivers\n"
    "\n"
    "Gunmen abducted 40 people from the market.\n"
    "- 28 traders\n"
    "- 12 porters\n"
    "\n"
    "The bombing killed 14 people at the station.\n"
    "Views: 1,204\n"
    "Shares: 63\n"
)


@pytest.mark.parametrize(
    ("number", "measure"),
    [
        ("41", "killed"),  # a run of table lines under a title without a colon
        ("16", "killed"),
        ("19", "killed"),  # under a heading of no measure: the figure before it
        ("6", "killed"),
        ("28", "kidnapped"),  # bullets under a sentence
        ("12", "kidnapped"),
        ("1,204", None),  # "Label: N" lines under a story's sentence may be page furniture
        ("63", None),
    ],
)
def test_figures_list_lines_without_a_colon_heading(
    extract_text: Callable[..., Extraction], number: str, measure: str | None
) -> None:
    figures = _by_number(extract_text(UNTITLED_LISTS))
    assert (figures[number].measure.value if number in figures else None) == measure


OPERATIONS_SUMMARY = (
    "Summary of operations in the north-west last week:\n"
    "Bandits neutralised: 18\n"
    "Hostages rescued: 26\n"
    "Rifles recovered: 31\n"
    "\n"
    "Troops recorded the following successes in the south:\n"
    "- 9 kidnapped travellers rescued\n"
    "- 14 suspects arrested\n"
)


@pytest.mark.parametrize(
    ("number", "measure"),
    [
        ("18", "killed"),
        ("26", "other"),  # what befell the hostages, not operations
        ("31", "other"),
        ("9", "other"),  # not troops ('fighters') of the heading's subject
        ("14", "detained"),
    ],
)
def test_figures_list_lines_under_a_heading_of_no_event_keep_their_own_measure(
    extract_text: Callable[..., Extraction], number: str, measure: str
) -> None:
    assert _by_number(extract_text(OPERATIONS_SUMMARY))[number].measure.value == measure


CHARGES_REPORT = (
    "The police said on Friday that they had arrested 530 suspects in a month-long operation."
    " The suspects were held for:\n"
    "armed robbery - 240\n"
    "kidnapping - 150\n"
    "murder - 90\n"
    "cattle rustling - 50\n"
)


@pytest.mark.parametrize(
    ("number", "measure"),
    [
        ("240", "detained"),
        ("150", "detained"),  # the offence named, not people kidnapped
        ("90", "detained"),  # nor people killed
        ("50", "detained"),
    ],
)
def test_figures_list_lines_under_a_heading_of_charges(
    extract_text: Callable[..., Extraction], number: str, measure: str
) -> None:
    assert _by_number(extract_text(CHARGES_REPORT))[number].measure.value == measure


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("According to the ministry, [47] civilians were killed in the shelling.", "47", "killed"),
        ("The ministry said 12 people died.[3] Officials gave no names.", "12", "killed"),
        ("The ministry said 12 people died[3] in the blast.", "12", "killed"),
        ("Troops recovered 57 AK-47 rifles in the forest.", "57", "other"),
        ("Police seized 1,240 rounds of ammunition.", "1,240", "other"),
        ("The camp's population has swelled to around 73,000.", "around 73,000", "population"),
        (
            "The population has more than doubled in two weeks, totaling more than 70,000.",
            "more than 70,000",
            "population",
        ),
        ("Aid agencies say 1.2 million people are in need of assistance.", "1.2 million",
         "other"),
        ("Nine suspects were charged and 14 others were convicted.", "14", "other"),
        ("Of the 94 reporters killed, 68 were local journalists.", "68", "killed"),
        ("Out of the 120 abducted students, 80 have been freed.", "80", "other"),
        # an "including" list of people takes the measure of people counted a few words back
        ("The ministry sanctioned 14 officers with travel bans and asset freezes, including four"
         " generals.", "four", "other"),
    ],
)
def test_figures_brackets_arms_populations_and_parts(
    extract_text: Callable[..., Extraction], text: str, number: str, measure: str
) -> None:
    figures = _by_number(extract_text(text))
    assert figures[number].measure.value == measure


@pytest.mark.parametrize(
    "text",
    [
        "Most fled south to the capital, whose population is estimated at 3 million.",
        "Nearly 3 in 4 victims were civilians, the report said.",
        "One in every five children in the camp is malnourished.",
        "The ministry said 12 people died.[3]",  # the footnote is no figure
    ],
)
def test_figures_populations_of_towns_proportions_and_footnotes(
    extract_text: Callable[..., Extraction], text: str
) -> None:
    numbers = {f.quantity.number_text for f in extract_text(text).figures}
    assert not numbers & {"3 million", "3", "4", "One", "five"}


@pytest.mark.parametrize(("text", "measure"), [
    ("40,000 Yazidi refugees reach Dohuk camps\n"
     "Nearly 40,000 Yazidis have fled Sinjar for the camps around Dohuk in the past week, "
     "the agency said on Friday.\n", "displaced"),
    # a briefing's list line opening on the counted group, capitalised
    ("Army says troops neutralise 64 terrorists\n"
     "Nigerian troops recorded the following in operations between May 2 and 9:\n"
     "Terrorists neutralised: 64\nSuspects arrested: 120\n", "killed"),
])
def test_figures_headline_restated_in_other_words_is_one_figure(
    extract_text: Callable[..., Extraction], text: str, measure: str
) -> None:
    figures = [f for f in extract_text(text).figures if f.measure.value == measure]
    assert len(figures) == 1
    assert figures[0].also_at


@pytest.mark.parametrize(
    ("sentence", "number", "measure", "counted"),
    [
        # hedges the parser takes for a head of their own
        ("Gunmen killed upward of 200 villagers in the raid.", "upward of 200", "killed",
         "villagers"),
        ("The bombing killed in excess of 100 people.", "in excess of 100", "killed", "people"),
        ("The toll from the massacre was upwards of 300.", "upwards of 300", "killed", None),
        ("Hospital sources said the toll may be as high as 90.", "as high as 90", "killed", None),
        # ranges
        ("Between 30-40 people were abducted from the village.", "Between 30-40", "kidnapped",
         "people"),
        ("Residents said 30 or 40 people were missing.", "30 or 40", "missing", "people"),
        # numbers in words with "dozen"
        ("Nearly two dozen worshippers were abducted.", "Nearly two dozen", "kidnapped",
         "worshippers"),
        ("Some two dozen police officers were wounded.", "Some two dozen", "injured",
         "police officers"),
        ("Some two dozen of the escapees were rearrested.", "Some two dozen", "detained",
         "escapees"),
        # a counted noun after a copula, parts of a group named before
        ("Of the 500 people killed, 312 were men.", "312", "killed", "men"),
        ("Nearly 900 people died. Of these, 612 were civilians.", "612", "killed", "civilians"),
        ("Those killed included 11 members of a vigilante group.", "11", "killed", "members"),
        ("The injured include 40 children, the hospital said.", "40", "injured", "children"),
        # other wordings
        ("Troops killed 18 militants and lost three soldiers.", "three", "killed", "soldiers"),
        ("Police recovered 8 dane guns from the hideout.", "8", "other", "dane guns"),
        ("Troops seized 1,240 rounds of ammo.", "1,240", "other", "rounds"),
        ("67 journalists killed in 2024, the watchdog says", "67", "killed", "journalists"),
    ],
)
def test_figures_hedges_ranges_dozens_and_copulas(
    extract_text: Callable[..., Extraction],
    sentence: str,
    number: str,
    measure: str,
    counted: str | None,
) -> None:
    figure = _by_number(extract_text(sentence))[number]
    assert (figure.measure.value, figure.counted) == (measure, counted)


@pytest.mark.parametrize(
    ("headline", "number", "measure"),
    [
        ("Gunmen Kill 20 Villagers In Zamfara, Abduct 15 Others", "15", "kidnapped"),
        ("Troops Neutralise 187 Terrorists, Rescue 150 Hostages In One Week", "187", "killed"),
        ("Troops Neutralise 187 Terrorists, Rescue 150 Hostages In One Week", "150", "other"),
        ("Over 50 Feared Dead As Militants Attack Village", "Over 50", "killed"),
        ("Bus Attack: 9 Pilgrims Killed, 33 Injured", "33", "injured"),
    ],
)
def test_figures_headlines_in_title_case(
    extract_text: Callable[..., Extraction], headline: str, number: str, measure: str
) -> None:
    assert _by_number(extract_text(headline))[number].measure.value == measure


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("About 30 armed men on motorbikes raided the village, killing 12.", "About 30"),
        ("Two boys aged 8 and 10 were among the dead.", "10"),
        ("The army lost 12 vehicles in the ambush.", "12"),
        ("Six insurgents opened fire on the convoy near the bridge.", "Six"),
    ],
)
def test_figures_attackers_ages_and_things_lost_are_no_tolls(
    extract_text: Callable[..., Extraction], sentence: str, number: str
) -> None:
    figure = _by_number(extract_text(sentence)).get(number)
    assert figure is None or figure.measure.value not in ("killed", "injured")


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Two soldiers each from Chad and Niger were killed in the ambush.", ["Chad", "Niger"]),
        ("The raids killed three militants each in Gwoza, Bama and Dikwa.",
         ["Gwoza", "Bama", "Dikwa"]),
    ],
)
def test_figures_a_count_each_from_listed_places_is_one_figure_per_place(
    extract_text: Callable[..., Extraction], sentence: str, places: list[str]
) -> None:
    figures = extract_text(sentence).figures
    assert [f.locations for f in figures] == [(place,) for place in places]
    assert len({f.quantity.low for f in figures}) == 1


def test_figures_each_without_a_list_of_places_is_one_figure(
    extract_text: Callable[..., Extraction],
) -> None:
    figures = extract_text("Four soldiers each received a medal in Gao after the clash.").figures
    assert len([f for f in figures if f.quantity.number_text == "Four"]) <= 1


@pytest.mark.parametrize(
    ("sentence", "number", "measure"),
    [
        # the items of a list that spells out a count, joined by "and"
        ("At least 50 reporters were killed: 41 Sudanese, 6 Ugandans and 3 Kenyans.", "6",
         "killed"),
        ("At least 50 reporters were killed: 41 Sudanese, 6 Ugandans and 3 Kenyans.", "3",
         "killed"),
        # a trigger after the last of joined nouns tells of them all
        ("The clash left four soldiers and nine rebels dead.", "four", "killed"),
        # "40 are missing": the parser hangs the subject on the auxiliary
        ("Officials say 120 migrants drowned and 40 are missing.", "40", "missing"),
        ("Officials say 120 migrants drowned and 40 are missing.", "120", "killed"),
        # a harm noun counts itself, whatever verb the parser hangs it on
        ("Shelling accounted for many casualties, with 243 deaths and 625 injured.", "243",
         "killed"),
        # carried off, freed, comprised
        ("In the raid, 18 pupils and 2 teachers were taken away by the gunmen.", "18",
         "kidnapped"),
        ("The freed captives comprise 27 pupils, three staff and 12 relatives.", "three", "other"),
        ("Kidnappers released 42 hostages, including 27 pupils, on Saturday.", "27", "other"),
        # an 'including' list belongs to the count right before it, not to an earlier one
        ("The bomber struck a bus, killing 12 people, including 4 guards and 1 driver killed, and "
         "wounding another 30, including 9 students and 5 teachers.", "9", "injured"),
        ("The bomber struck a bus, killing 12 people, including 4 guards and 1 driver killed, and "
         "wounding another 30, including 9 students and 5 teachers.", "4", "killed"),
        ("The ambush left 6 soldiers dead and 14 wounded, including 2 officers.", "2", "injured"),
    ],
)
def test_figures_lists_conjuncts_and_harm_nouns(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    assert _by_number(extract_text(sentence))[number].measure.value == measure


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Reporters killed by country in 2024:\n- Sudan – 41\n- Kenya – 3\n- Mali – 2\n",
         {"41", "3", "2"}),
        ("Arrests by state:\nBorno\t45\nYobe\t12\n", {"45", "12"}),
        # labels in lower case: lines of a table, not one wrapped line
        ("Arrests by offence:\nrobbery - 41\nassault - 17\nfraud - 9\n", {"41", "17", "9"}),
    ],
)
def test_figures_list_lines_with_a_dash_or_tab_after_the_label(
    extract_text: Callable[..., Extraction], text: str, numbers: set[str]
) -> None:
    figures = extract_text(text).figures
    assert {f.quantity.number_text for f in figures} == numbers


@pytest.mark.parametrize(
    ("sentence", "number", "measure"),
    [
        ("Four (4) persons were confirmed dead while 19 others sustained varying degrees of "
         "injuries.", "19", "injured"),
        ("The raid claimed 21 lives, including those of two police officers.", "21", "killed"),
        ("The raid claimed 21 lives, including those of two police officers.", "two", "killed"),
        ("The mission counted 438 kidnapping victims in the period.", "438", "kidnapped"),
        ("At least 300,000 children live in areas held by the gangs.", "At least 300,000",
         "population"),
        ("Two soldiers embraced martyrdom during the exchange of fire.", "Two", "killed"),
        ("The enemy lost 640 soldiers, 12 tanks and 9 guns on Monday.", "640", "killed"),
    ],
)
def test_figures_injury_degrees_lives_victims_of_a_kind(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    assert _by_number(extract_text(sentence))[number].measure.value == measure


def test_figures_equipment_lost_is_no_toll(extract_text: Callable[..., Extraction]) -> None:
    figures = _by_number(extract_text("The enemy lost 640 soldiers, 12 tanks and 9 guns."))
    assert all(figures[n].measure.value != "killed" for n in ("12", "9") if n in figures)


def test_figures_a_wrapped_line_goes_on_in_the_next(
    extract_text: Callable[..., Extraction],
) -> None:
    text = (
        "The army said on Thursday that troops had\n"
        "killed 23 militants in raids across the\n"
        "state, while 6 soldiers were\n"
        "wounded in the fighting.\n"
    )
    figures = _by_number(extract_text(text))
    assert figures["6"].measure.value == "injured"
    assert figures["23"].measure.value == "killed"


@pytest.mark.parametrize(
    ("sentence", "number", "measure"),
    [
        ("Police seized 12 rifles and 9 locally made guns at the border.", "9", "other"),
        ("The number of aid workers killed rose to 61, up from 40 a year earlier.", "61",
         "killed"),
        ("The number of aid workers killed rose to 61, up from 40 a year earlier.", "40",
         "killed"),
    ],
)
def test_figures_adverbs_before_the_noun_and_numbers_of_people_killed(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    assert _by_number(extract_text(sentence))[number].measure.value == measure


@pytest.mark.parametrize(
    ("text", "number", "measure", "locations"),
    [
        # a dated dateline's dash is no range with the count after it
        ("MAIDUGURI, June 12 - 14 soldiers were killed when insurgents attacked a base.", "14",
         "killed", None),
        ("GOMA, Sept 3 - Nine people were wounded by shelling in a camp.", "Nine", "injured",
         None),
        ("ADEN, Yemen, Dec 1 (AFP) - 200 migrants were missing after a boat capsized.", "200",
         "missing", None),
        # items of a group told the sentence before
        ("Bandits raided two hamlets on Sunday, killing 44 people. They included 19 women, "
         "11 children and 3 vigilantes.", "11", "killed", None),
        ("The victims of the raid were mostly herders. They included 23 herders and 6 traders.",
         "6", "killed", None),
        ("The abducted included 61 girls and 4 teachers, the school said.", "61", "kidnapped",
         None),
        # an inline breakdown with its noun elided takes the heading's measure and the label's
        # place
        ("Shelling incidents were logged by district: Kherson 21, Kharkiv 13, Sumy 5.", "13",
         "attacks", ("Kharkiv",)),
        ("New refugee arrivals this month: Chad 2,400, South Sudan 1,650, Uganda 800.", "800",
         "displaced", ("Uganda",)),
        ("The agency counted abductions by region: the Sahel 17, the Lake Chad basin 9.", "9",
         "kidnapped", None),
        # casualties (killed and injured) named before their number are of measure other
        ("Child casualties 1,204, the monitors said in their weekly update.", "1,204", "other",
         None),
        ("Civilian casualties in the quarter stood at 377, according to the mission.", "377",
         "other", None),
        ("Casualties among health workers reached 145 last year, the WHO said.", "145", "other",
         None),
        # a harm verb right after its noun, a thing labelled by what was done to it
        ("Forty-one migrants drowned and 12 others were rescued off the coast.", "Forty-one",
         "killed", None),
        ("Police foiled 6 attacks and defused 3 improvised explosive devices.", "3", "other",
         None),
        ("The raid's results: insurgents killed 21, weapons seized 15, camps burnt 4.", "15",
         "other", None),
        # a bracketed count before its participle; a state told on "were"; armed men in a toll
        ("The group says (2,870) people were killed and (16,402) arrested, of whom (9,115) are "
         "still held.", "16,402", "detained", None),
        ("Nine were reported missing and 211 were behind bars at the end of the year.", "211",
         "held", None),
        ("The ambush killed 9 people: 6 soldiers and 3 gunmen.", "3", "killed", None),
        # "attacked N times" counts attacks
        ("Health facilities were attacked 23 times in May, the WHO said.", "23", "attacks", None),
    ],
)
def test_figures_datelines_included_items_inline_breakdowns(
    extract_text: Callable[..., Extraction],
    text: str,
    number: str,
    measure: str,
    locations: tuple[str, ...] | None,
) -> None:
    figure = _by_number(extract_text(text))[number]
    assert figure.measure.value == measure
    if locations is not None:
        assert tuple(figure.locations) == locations


@pytest.mark.parametrize(
    "text",
    [
        "KYIV, May 30 - 2023 was the deadliest year for civilians, the ministry said.",
        "The score at half time: Ghana 2, Nigeria 1.",
        "These included 40 million dollars in aid, the agency said.",
        "Men aged 18 to 60 were barred from leaving: Section 4, Article 12.",
        "The town was shelled 40 times more often than last year.",
    ],
)
def test_figures_datelines_and_inline_lists_add_no_figures(
    extract_text: Callable[..., Extraction], text: str
) -> None:
    assert not extract_text(text).figures


# "followed by Magway (611) and Mandalay (498)": a bracketed count after a name goes on the
# series of its sentence, and is placed by its name.
@pytest.mark.parametrize(
    ("text", "number", "measure", "locations"),
    [
        ("Sagaing recorded 214 deaths, followed by Magway (97) and Mandalay (63) in the same "
         "period.", "97", "killed", ("Magway",)),
        ("Sagaing recorded 214 deaths, followed by Magway (97) and Mandalay (63) in the same "
         "period.", "214", "killed", ("Sagaing",)),
        ("Kharkiv counted 41 civilians injured, Sumy (17) and Poltava (9) in the week.", "17",
         "injured", ("Sumy",)),
        # the series' first count takes the measure its sentence named before it, and its last
        # count closing the clause is one too
        ("Of those still detained, most are in Taunggyi (2,210), Bago (940) and Pakokku (315).",
         "2,210", "detained", ("Taunggyi",)),
        ("Of those still detained, most are in Taunggyi (2,210), Bago (940) and Pakokku (315).",
         "315", "detained", ("Pakokku",)),
        # places that label a breakdown's counts are the counts', not the whole's (it takes the
        # story's country)
        ("The junta has killed 3,120 people, most of them in Sagaing (1,204) and Magway (518).",
         "3,120", "killed", ("Myanmar",)),
    ],
)
def test_figures_bracketed_series_after_names(
    extract_text: Callable[..., Extraction],
    text: str,
    number: str,
    measure: str,
    locations: tuple[str, ...] | None,
) -> None:
    figure = _by_number(extract_text(text))[number]
    assert figure.measure.value == measure
    if locations is not None:
        assert tuple(figure.locations) == locations


# A count in brackets after a name is that name's share: the name is not what it counts.
@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        ("The junta has killed 3,120 people, most of them in Sagaing (1,204) and Magway (518).",
         "518", "people"),
        ("Of those still detained, most are in Taunggyi (2,210), Bago (940) and Pakokku (315).",
         "940", None),
        ("The dead included soldiers (12), police officers (7) and civilians (30).", "12",
         "soldiers"),
    ],
)
def test_figures_bracketed_count_after_a_name_counts_no_name(
    extract_text: Callable[..., Extraction], text: str, number: str, counted: str | None
) -> None:
    assert _by_number(extract_text(text))[number].counted == counted


# Issue 9 (checks9, real reports): a one-line list of outlets' headlines glued by semicolons is
# read headline by headline, two of them too (checks13); semicolons of prose split nothing.
@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Raid on Mali village kills 9 people;Mali attack kills 5 villagers and 4 soldiers;"
            "Gunmen kill 9 in central Mali",
            [
                "Raid on Mali village kills 9 people;",
                "Mali attack kills 5 villagers and 4 soldiers;",
                "Gunmen kill 9 in central Mali",
            ],
            id="three-glued-headlines",
        ),
        pytest.param(
            "Blast kills 1, wounds 4 in Mogadishu;Mogadishu car bomb kills 1 and wounds 9",
            ["Blast kills 1, wounds 4 in Mogadishu;", "Mogadishu car bomb kills 1 and wounds 9"],
            id="two-glued-headlines",
        ),
        pytest.param(
            "Gunmen killed 9 people; police said 4 of them were soldiers; the army sent troops.",
            ["Gunmen killed 9 people; police said 4 of them were soldiers; the army sent troops."],
            id="semicolons-of-prose",
        ),
        pytest.param(
            "Gunmen kill 9 in Mali;Army sends troops\nA second line follows.",
            ["Gunmen kill 9 in Mali;Army sends troops", "A second line follows."],
            id="a-text-of-several-lines",
        ),
    ],
)
def test_figures_glued_headlines_are_sentences(text: str, sentences: list[str]) -> None:
    from newsledger.extract.words.sentences import split_sentences

    assert [s.text for s in split_sentences(text)] == sentences


# A scraped sentence glued to a clock time's "a.m."/"p.m." starts a sentence of its own; a
# spaced "p.m." followed by lower case, or "p.m." before a spaced capital, is left as it was.
@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "The van left the yard at 4:30 p.m.The depot was wrecked by a blast.",
            ["The van left the yard at 4:30 p.m.", "The depot was wrecked by a blast."],
        ),
        (
            "Shelling began at 6a.m.Residents fled to the hills.",
            ["Shelling began at 6a.m.", "Residents fled to the hills."],
        ),
        ("The curfew starts at 9 p.m.on Friday.", ["The curfew starts at 9 p.m.on Friday."]),
    ],
)
def test_figures_sentence_glued_to_a_clock_time(text: str, sentences: list[str]) -> None:
    from newsledger.extract.words.sentences import split_sentences

    assert [s.text for s in split_sentences(text)] == sentences


# (sentence, number, measure): armed men counted as the ones who carry out an attack are its
# attackers ('other', like 'two suicide bombers'), not a stock of fighters; armed men counted
# present stay fighters (issue 9)
ATTACKERS = [
    ("At least six militants stormed a police academy in the city.", "At least six", "other"),
    ("Four insurgents tried to plant a roadside bomb near the market.", "Four", "other"),
    ("Twenty fighters attacked the checkpoint at dawn.", "Twenty", "other"),
    ("Nine militants raided the village and burned houses.", "Nine", "other"),
    ("About 300 militants remain active in the hills.", "About 300", "fighters"),
    ("Five militants were killed when they attacked an outpost.", "Five", "killed"),
    ("Three militants stormed the gate before being shot dead by guards.", "Three", "killed"),
]


@pytest.mark.parametrize(("sentence", "number", "measure"), ATTACKERS)
def test_figures_armed_men_who_attack_are_attackers(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measure: str
) -> None:
    assert _by_number(extract_text(sentence))[number].measure.value == measure


# (sentence, numbers): a verb is no measure noun for a number after it ("attacked four
# volunteers" counts no attacks); an enumerated "one woman" is one figure, not two (issue 9)
@pytest.mark.parametrize(
    ("sentence", "number", "measures"),
    [
        ("Armed men attacked four aid volunteers on the road to the camp.", "four", []),
        ("One man was shot dead and one woman was injured in the raid.", "one", ["injured"]),
    ],
)
def test_figures_verbs_before_a_count_and_enumerated_ones(
    extract_text: Callable[..., Extraction], sentence: str, number: str, measures: list[str]
) -> None:
    found = [f.measure.value for f in extract_text(sentence).figures
             if f.quantity.number_text == number]
    assert [m for m in found if m == "attacks"] == [] and found[: len(measures)] == measures
    assert len(found) == len(measures)


# two estimates of one toll, an approximate one and a range, stay two figures (issue 9)
def test_figures_an_estimate_and_a_range_are_no_restatement(
    extract_text: Callable[..., Extraction],
) -> None:
    text = ("A bomb destroyed an office block in the old town. About 120 people were killed. "
            "Most sources say 120-140 people were killed.")
    values = sorted((f.quantity.low, f.quantity.high) for f in extract_text(text).figures)
    assert values == [(120, 120), (120, 140)]


# (text, number, measure): the next item of a breakdown told as "N were <role>" counts what the
# one before it counts (issue 9)
@pytest.mark.parametrize(
    ("text", "number", "measures"),
    [
        ("Seven guards were shot dead at the depot. Three of the dead were watchmen, two were "
         "cooks at the canteen near the main gate and two were drivers.", "two",
         ["killed", "killed"]),
        ("Eleven traders were abducted near the market. Six of the abducted were women from the "
         "town of the traders, three were boys from the village by the river and two were elderly "
         "men.", "two", ["kidnapped"]),
    ],
)
def test_figures_items_of_a_were_breakdown_count_what_the_first_counts(
    extract_text: Callable[..., Extraction], text: str, number: str, measures: list[str]
) -> None:
    figures = extract_text(text).figures
    found = [f.measure.value for f in figures if f.quantity.number_text == number]
    assert found == measures


# (text, value, figures): "injured another 38" is more of the same event, "in separate
# incidents, killing five" sums up the events told: restated later, each is one figure; "in a
# separate attack" tells another event (issue 9)
@pytest.mark.parametrize(
    ("text", "value", "figures"),
    [
        ("A car bomb went off at a checkpoint in Mosul on Monday. It killed 14 people and "
         "wounded another 31, police said.\n\nThe blast hit a queue of cars at the gate. "
         "14 people were killed in this attack and 31 wounded, a doctor said.", 31, 1),
        ("Gunmen attacked a bank and a police post in separate incidents in Kano, killing six "
         "guards. A police statement says gunmen raided the bank killing six guards.", 6, 1),
        ("A roadside bomb killed four soldiers in Kunar on Monday.\n\nIn a separate attack in "
         "Kunar, a bomb killed four soldiers, officials said.", 4, 2),
    ],
)
def test_figures_restatements_of_the_same_events(
    extract_text: Callable[..., Extraction], text: str, value: int, figures: int
) -> None:
    assert len([f for f in extract_text(text).figures if f.quantity.low == value]) == figures

# Issue 9 (parts10): a harm closing joined counts ("N X and M Y killed") befalls each of them, a
# bracketed breakdown after the first skipped; the next harm ("and K Z wounded") is its own.
@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("2 aid workers and 1 local driver killed and 1 guard wounded when a bomb exploded.",
         "2", "killed"),
        ("2 aid workers and 1 local driver killed and 1 guard wounded when a bomb exploded.",
         "1 guard", "injured"),
        ("3 medics (2 Somali, 1 Kenyan) and 2 drivers killed and 4 guards wounded in an "
         "ambush near the town.", "3", "killed"),
        ("3 medics (2 Somali, 1 Kenyan) and 2 drivers killed and 4 guards wounded in an "
         "ambush near the town.", "4", "injured"),
        ("Rebels killed 12 soldiers and 3 civilians wounded in the attack.", "12", "killed"),
        ("12 soldiers and 3 civilians were wounded in the attack.", "12", "injured"),
    ],
)
def test_figures_harm_closing_joined_counts(
    extract_text: Callable[..., Extraction], text: str, number: str, measure: str
) -> None:
    figures = {f.quantity.number_text: f for f in extract_text(text).figures}
    found = figures.get(number) or next(f for f in figures.values() if f.text.startswith(number))
    assert found.measure.value == measure


# Issue 9 (parts11): a number the parser hangs on a noun past a clause of its own ("At least 12
# killed in ... : police") counts no phrase; a plain counted phrase stays.
@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        ("At least 12 killed in second market blast in Somalia: police", "At least 12", None),
        ("Police said 12 market traders were killed in Baidoa on Monday.", "12",
         "market traders"),
    ],
)
def test_figures_no_counted_phrase_past_a_clause(
    extract_text: Callable[..., Extraction], text: str, number: str, counted: str | None
) -> None:
    assert _by_number(extract_text(text))[number].counted == counted
