"""Incidents: one record per reported event, no periodic totals, reports merged across outlets."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import build_figure
from newsledger.cli import app
from newsledger.extract.incident_places import find_dateline
from newsledger.extract.incidents import incident_line
from newsledger.extract.scan import scan_sentence
from newsledger.extract.words import split_sentences
from newsledger.model import DatePrecision, Document, Incident, IncidentCount, Qualifier
from newsledger.pipeline import extract
from newsledger.store import Ledger
from newsledger.verify.incidents import (
    IncidentReport,
    NameIndex,
    document_names,
    figure_incidents,
    merge_counts,
    merge_incidents,
    same_incident,
    series_positions,
    several_that_day,
    told_incidents,
)

runner = CliRunner()

MOGADISHU = (
    "MOGADISHU, Somalia - A car bomb exploded near a busy checkpoint in Mogadishu on Saturday, "
    "killing at least 11 people and wounding 20 others, police said. No group has claimed "
    "responsibility, but police suspect al-Shabaab, which often carries out such attacks in the "
    "capital."
)
MOGADISHU_LATER = (
    "At least 15 people were killed in Saturday's car bomb attack near a checkpoint in Mogadishu, "
    "officials said on Monday. Al-Shabaab claimed responsibility for the attack in a statement."
)
BAIDOA = (
    "A suicide bomber killed nine people at a market in Baidoa on Saturday, a local official said."
)
ZAMFARA = (
    "Gunmen abducted 30 villagers in Maru Local Government Area of Zamfara State on Sunday night, "
    "police said on Monday. The kidnappers stormed the village on motorcycles."
)
AIRSTRIKE = (
    "A Nigerian Air Force airstrike killed 12 ISWAP fighters near Damboa in Borno State on "
    "Tuesday, the military said."
)
TWO_ATTACKS = (
    "Gunmen killed five farmers in Maru, Zamfara State, on Sunday, police said.\n"
    "The attack came a day after a bomb attack in Maiduguri killed three traders."
)
PERIODIC = {
    "half-year release": (
        "U.S. Central Command said on Tuesday that 44 ISIS operatives were killed and 166 detained "
        "in Iraq and Syria in the first half of 2024. Coalition forces conducted 196 operations "
        "against the group.",
        date(2024, 7, 9),
    ),
    "monthly monitor": (
        "The Syrian Network for Human Rights said 161 civilians were killed in Syria during "
        "October 2023. Regime forces were responsible for the killing of 61 civilians, and the "
        "report documented four massacres.",
        date(2023, 11, 1),
    ),
    "week of raids": (
        "Iraqi security forces killed 12 ISIS militants and arrested 7 others in raids in Anbar "
        "last week, the Joint Operations Command said on Sunday.",
        date(2024, 3, 10),
    ),
    "monitor's month of killings": (
        "The Tigris Rights Observatory recorded the killing of 52 civilians in Iraq in January "
        "2024, among them 11 children.",
        date(2024, 2, 6),
    ),
    "weekly briefing": (
        "The defence spokesman said at his weekly briefing on Thursday that soldiers killed 31 "
        "insurgents and freed 18 hostages across the northeast over the past week.",
        date(2024, 4, 12),
    ),
    "briefing shared out by states": (
        "ABUJA - Troops neutralised 38 terrorists, arrested 55 suspects and rescued 21 kidnapped "
        "victims across the country in the past week, the Defence Headquarters said. The defence "
        "spokesman told reporters in Abuja on Thursday that the troops also recovered 47 weapons. "
        "In the North East, troops of Operation Hadin Kai killed 16 terrorists and arrested 12 "
        "logistics suppliers in Borno and Yobe states. In the North West, troops neutralised 11 "
        "bandits and rescued 9 hostages in Zamfara, Katsina and Sokoto states.",
        date(2024, 6, 14),
    ),
    "week of operations": (
        "OUAGADOUGOU - The army said its forces killed about 110 terrorists during a week of "
        "offensive operations in the Centre-Nord and Boucle du Mouhoun regions. The general staff "
        "said in a statement on Thursday that six soldiers were killed during the operations and "
        "12 others wounded.",
        date(2023, 5, 12),
    ),
    "prisoners' week": (
        "RAMALLAH - Israeli forces arrested 190 Palestinians in the occupied West Bank last week, "
        "including 15 children, prisoners' groups said on Monday. Since the start of the year, "
        "2,100 people have been arrested in the territory, the groups said.",
        date(2024, 4, 8),
    ),
    "week to Friday": (
        "In the week to Friday, troops neutralised 14 bandits and arrested 20 suspects in "
        "Katsina and Zamfara, the army said.",
        date(2024, 4, 13),
    ),
    "denied toll": (
        "No one was killed or injured in Kano on Monday, police said.",
        date(2024, 3, 5),
    ),
    "background caption": (
        "An attack on the prison in Hassakeh was the biggest operation by the group since the fall "
        "of its caliphate in 2019.",
        date(2022, 12, 30),
    ),
}


def _incidents(text: str, published: date | None, name: str = "doc") -> list[Incident]:
    return list(extract(Document(text, published=published, name=name)).incidents)


def _count(count: IncidentCount | None) -> tuple[int, int | None, str] | None:
    return None if count is None else (count.low, count.high, count.qualifier.value)


# --- one document -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            MOGADISHU,
            date(2024, 3, 10),
            {
                "date": date(2024, 3, 9),
                "date_precision": DatePrecision.DAY,
                "country": "Somalia",
                "place": "Mogadishu",
                "geo_precision": 1,
                "perpetrator": "al-Shabaab",
                "perpetrator_status": "suspected",
                "killed": (11, None, "at_least"),
                "injured": (20, 20, "exact"),
                "kidnapped": None,
            },
        ),
        (
            MOGADISHU_LATER,
            date(2024, 3, 11),
            {
                "date": date(2024, 3, 9),
                "place": "Mogadishu",
                "perpetrator": "al-Shabaab",
                "perpetrator_status": "claimed",
                "killed": (15, None, "at_least"),
            },
        ),
        (
            ZAMFARA,
            date(2024, 5, 13),
            {
                "date": date(2024, 5, 12),
                "country": "Nigeria",
                "admin1": "Zamfara",
                "place": "Maru",
                "geo_precision": 2,
                "perpetrator": "Unidentified armed group",
                "target": "Civilians",
                "killed": None,
                "kidnapped": (30, 30, "exact"),
            },
        ),
        (
            AIRSTRIKE,
            date(2024, 2, 1),
            {
                "date": date(2024, 1, 30),
                "admin1": "Borno",
                "place": "Damboa",
                "perpetrator": "Nigerian Army",
                "perpetrator_status": "stated",
                "target": "ISWAP",
                "killed": (12, 12, "exact"),
            },
        ),
        (
            BAIDOA,
            date(2024, 3, 10),
            {"place": "Baidoa", "target": "Civilians", "killed": (9, 9, "exact")},
        ),
        (
            "In June, a car bomb killed 11 people in Mogadishu, police said.",
            date(2024, 7, 10),
            {
                "date": date(2024, 6, 1),
                "date_precision": DatePrecision.MONTH,
                "killed": (11, 11, "exact"),
            },
        ),
        (
            "A bomb exploded in a market in Lahore on Friday, killing three people. A spokesman "
            "for the Baloch Nationalist Army claimed responsibility for the attack.",
            date(2024, 3, 2),
            {
                "place": "Lahore",
                "perpetrator": "Baloch Nationalist Army",
                "perpetrator_status": "claimed",
            },
        ),
        (
            "Croatian extremists bombed the Yugoslav embassy in Canberra.",
            None,
            {"place": "Canberra", "date": None, "geo_precision": 1, "killed": None},
        ),
    ],
    ids=[
        "car bomb",
        "car bomb, next day",
        "kidnapping",
        "airstrike",
        "suicide bomber",
        "a month and one event",
        "group not in the actor table",
        "undated, no toll",
    ],
)
def test_incidents_one_report(text: str, published: date | None, expected: dict[str, Any]) -> None:
    (incident,) = _incidents(text, published)
    for name, value in expected.items():
        got = getattr(incident, name)
        assert (_count(got) if name in ("killed", "injured", "kidnapped") else got) == value, name


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        # a heading line names the country: San Jose is Costa Rica's, not California's
        ("COSTA RICA.  A bomb damaged the Honduran embassy in San Jose on Monday.  No one was "
         "hurt.", "Costa Rica", "San Jose"),
        # ... and a foreign company's country is no place of the event
        ("CHILE.  A bomb exploded on Friday outside the offices of a U.S. company.  Nobody was "
         "hurt.", "Chile", "Chile"),
        # a wire dateline stands in when the story names no other place
        ("BAGHDAD (Reuters) - A roadside bomb killed two soldiers on Sunday, police said.",
         "Iraq", "Baghdad"),
        # a settlement the gazetteer lacks, coded with the places it lies in
        ("On 4 March 2021, armed men abducted two aid workers in Bekondo village (Meme, "
         "Sud-Ouest).", "Cameroon", "Bekondo"),
        ("Gunmen shot dead a shopkeeper on Monday in the village of Ghulamabad in Budgam "
         "district.", "India", "Ghulamabad"),
        ("A car bomb exploded on Saturday in Tal al-Banat, 40 miles west of Mosul, killing nine "
         "people.", "Iraq", "Tal al-Banat"),
        # an ambiguous name read inside the division after it
        ("Gunmen killed a councillor on Monday in Rivera (Huila Department).", "Colombia",
         "Rivera"),
        # a homonym abroad (Golbahar, Iran) gives way to the province that contains the village
        ("A suicide bomber killed four policemen on Monday in Golbahar in Parwan Province.",
         "Afghanistan", "Parwan"),
        # where an armed group fights settles an ambiguous name
        ("Shining Path guerrillas killed two soldiers in Santa Rosa on Sunday.", "Peru",
         "Santa Rosa"),
        ("The New People's Army killed two soldiers in San Jose on Sunday.", "Philippines",
         "San Jose"),
        # a word of an actor's name is no place (Balaka, Malawi)
        ("Anti-Balaka fighters attacked a convoy on Monday near Bangassou, killing three people.",
         "Central African Republic", "Bangassou"),
        ("Militants shot dead two civilians in Kashmir on Friday.", "India", "Jammu and Kashmir"),
        # no place named: the state organ's nationality
        ("Turkish police defused a bomb on Monday. No one was hurt.", "Turkey", "Turkey"),
        # ... or, with no state organ, the nationality words
        ("A bomb went off at the home of an Iraqi judge. No one was hurt.", "Iraq", "Iraq"),
        # a small town (under 15,000 people) where the text puts the event
        ("A pipe bomb exploded outside a bank in Ustaritz. No one was hurt.", "France",
         "Ustaritz"),
        # a quarter of a town is coded as the town
        ("A bomb exploded on Friday in the Agia Paraskevi suburb of Athens.", "Greece",
         "Athens"),
        ("A car bomb killed two people in the Dora district of Baghdad on Monday.", "Iraq",
         "Baghdad"),
        # a regional word, or a state force of one country, when no place is named
        ("A bomb damaged the car of a Corsican official. No one was hurt.", "France", "France"),
        ("Gunmen fired at an Ertzaintza patrol car. No one was hurt.", "Spain", "Spain"),
        # a district the gazetteer lacks, in the country named
        ("A roadside bomb killed two soldiers in Afghanistan's Zherai District on Monday.",
         "Afghanistan", "Zherai"),
        # a town the gazetteer spells otherwise (Voronezh), in the country the text points to
        ("A bomb exploded at a bus stop in Vornezh on Monday. Russian police said nobody was "
         "hurt.", "Russia", "Voronezh"),
        # a village placed by the town it lies near, and a town named like an English word
        ("Gunmen fired on a checkpoint in Baaj west of Mosul on Monday, killing two soldiers.",
         "Iraq", "Al Baaj"),
        ("A suicide bomber killed seven people in Hit on Monday. Such attacks are frequent in "
         "Iraq.", "Iraq", "Hit"),
        # a village the gazetteer lacks, after 'in', in the country the text points to ...
        ("Militants shot dead two policemen in Lug-habar on Monday. Al-Shabaab claimed the "
         "attack.", "Somalia", "Lug-habar"),
        # ... but not a quarter told with its town
        ("A car bomb killed two people at Jamalatta in downtown Srinagar on Monday.", "India",
         "Srinagar"),
        # the incident names no place: the finest place the document names elsewhere
        ("A roadside bomb wounded three policemen. Attacks on police are frequent in Kirkuk.",
         "Iraq", "Kirkuk"),
        # a place in an armed group's name is not where the event was
        ("The Salah al-Din Brigades fired two mortars at Sderot on Sunday.", "Israel", "Sderot"),
        # a sentence that says where the attack occurred outweighs a reference point before it
        ("A suicide bomber struck a police station north of Baghdad on Monday. Four policemen "
         "were killed. The attack occurred in Hibhib, in Diyala province.", "Iraq", "Hibhib"),
        # a destination glossed with its country is not where the event was
        ("Gunmen fired on a bus carrying pilgrims to Mecca (Saudi Arabia) near Baqubah on "
         "Monday, killing two people.", "Iraq", "Baqubah"),
        # a place fired at is where the event was, not the place fired from
        ("Militants fired two rockets from the Gaza Strip toward Ashqelon on Monday. No one was "
         "hurt.", "Israel", "Ashkelon"),
        # a capital told by the country's nationality word, or bare in the country the text names
        ("A bomb exploded outside a bank in the Estonian capital on Monday. No one was hurt.",
         "Estonia", "Tallinn"),
        ("Maoist rebels set off a bomb on a bus in the capital on Monday, wounding three people. "
         "Nepal has seen such attacks for years.", "Nepal", "Kathmandu"),
        ("A car bomb killed four people on Monday in the capital of Iraq.", "Iraq", "Baghdad"),
        ("A bomb exploded on Monday in Nepal's capital, wounding three people.", "Nepal",
         "Kathmandu"),
        # ... but not a province's capital, nor one whose nationality word names no country
        ("Gunmen killed two soldiers on Monday near the provincial capital. Such attacks are "
         "frequent in Afghanistan.", "Afghanistan", "Afghanistan"),
        ("A roadside bomb killed two soldiers on Monday near the capital of Konar Province.",
         "Afghanistan", "Kunar"),
        ("A bomb exploded on Monday in the Kurdish capital, killing two people. Such attacks are "
         "rare in Iraq.", "Iraq", "Iraq"),
        # an embassy in a heading-country report lies in the capital
        ("LIBYA.  Protesters set fire to the British Embassy on Monday.  No one was hurt.",
         "Libya", "Tripoli"),
        # a town in a compound before a facility, and a hotel named after another town
        ("A Miami travel agency was bombed on Monday. No one was hurt.", "United States",
         "Miami"),
        ("A businessman was shot dead on Monday at the Turin Hotel in Rome.", "Italy", "Rome"),
        # a name the gazetteer knows only abroad, told with a town near it
        ("Gunmen attacked a police station in Dour, near Tikrit, on Monday, killing one "
         "policeman.", "Iraq", "Dour"),
        # a village told with its district is the village
        ("Five villagers were killed on Monday in the Kutidurgapur village of Jhenaidah "
         "district.", "Bangladesh", "Kutidurgapur"),
        # a site told with its town is coded as the town
        ("Gunmen attacked a patrol on Monday near Ibn Sina petrol station in Mosul, wounding "
         "three policemen.", "Iraq", "Mosul"),
        ("A parcel bomb went off on Monday at Halcyon Freight, a shipping firm in Wokingham, "
         "injuring two people.", "United Kingdom", "Wokingham"),
        # a quarter of a town told with a compass word is the town
        ("A bomb exploded on Monday in the Al-Khalis area of northern Baqubah, killing one "
         "person.", "Iraq", "Baqubah"),
        # the English name of a world city, and the first part of a city's name
        ("Gunmen shot dead two pilgrims on Monday in Mecca.", "Saudi Arabia", "Makkah"),
        ("A bomb damaged a U.S. army car on Monday in Frankfurt. Nobody was hurt.", "Germany",
         "Frankfurt am Main"),
    ],
    ids=[
        "heading resolves an ambiguous town",
        "heading, foreign company",
        "wire dateline",
        "bracketed village",
        "village of",
        "distance from a town",
        "town in its department",
        "homonym abroad",
        "Shining Path in Peru",
        "NPA in the Philippines",
        "Anti-Balaka",
        "Kashmir",
        "nationality of the police",
        "nationality words",
        "small town",
        "quarter of a town",
        "district of a town",
        "regional word",
        "state force of one country",
        "unlisted district",
        "another spelling",
        "village west of a town",
        "town named like a word",
        "unlisted village",
        "quarter told with its town",
        "place named elsewhere",
        "place in a group's name",
        "location statement",
        "destination glossed with its country",
        "aimed at",
        "capital by nationality",
        "bare capital in the country named",
        "capital of a country",
        "country's capital",
        "provincial capital",
        "capital of a province",
        "Kurdish capital",
        "embassy in a heading country",
        "town before a facility",
        "hotel named after a town",
        "name known abroad told with its town",
        "village told with its district",
        "site with its town",
        "site in apposition with its town",
        "quarter with a compass word",
        "English name of a world city",
        "first part of a city's name",
    ],
)
def test_incidents_place_and_country(text: str, country: str, place: str) -> None:
    incident = _incidents(text, date(2021, 3, 10))[0]
    assert (incident.country, incident.place) == (country, place)


def test_incidents_geo_reason_says_how_the_place_was_found() -> None:
    heading = _incidents("CHILE.  A bomb exploded outside a bank on Friday.", date(2021, 3, 10))
    inferred = _incidents("Turkish police defused a bomb on Monday.", date(2021, 3, 10))
    assert heading[0].geo_reason == "country_only: Chile named in the dateline"
    assert inferred[0].geo_reason == (
        "country_only: Turkey inferred from the parties and state organs named"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FRANCE.  A bomb exploded.", ("France", "France", True)),
        ("BOSNIA/HERCEGOVINA.  A bomb exploded.",
         ("Bosnia and Herzegovina", "Bosnia and Herzegovina", True)),
        ("FEDERAL REPUBLIC OF GERMANY.  A bomb exploded.", ("Germany", "Germany", True)),
        ("KABUL, Afghanistan (Reuters) - A bomb exploded.", ("Kabul", "Afghanistan", False)),
        ("TRIPOLI, Lebanon - A bomb exploded.", ("Tripoli", "Lebanon", False)),
        ("Gunmen - some in uniform - attacked a bank.", None),
        ("A BOMB EXPLODED.", None),
    ],
)
def test_find_dateline(text: str, expected: tuple[str, str, bool] | None) -> None:
    document = Document(text)
    found = find_dateline([scan_sentence(s, document) for s in split_sentences(text)])
    got = (found.place.name, found.place.country, found.heading) if found else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Gunmen shot and killed two policemen.  Attacks on police are frequent.",
         "Unidentified armed group"),
        ("Presumed JNIM militants stopped two trucks.  The drivers were seized by the militants.",
         "JNIM"),
        ("COLOMBIA.  The ELN blew up a pipeline.", "ELN"),
        ("SPAIN.  A car bomb damaged a bank in Bilbao.  Police said ETA was responsible.", "ETA"),
    ],
    ids=["undated, unplaced", "the lead's earlier sentence joins", "after a heading",
         "held responsible in another sentence"],
)
def test_incidents_a_reports_lead_is_an_incident(text: str, perpetrator: str) -> None:
    incidents = _incidents(text, None)
    assert len(incidents) == 1 and incidents[0].perpetrator == perpetrator


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Chadian soldiers beat back an assault by militants on their camp near Bol on Thursday, "
         "killing 17 of the attackers, the army said.", "Unidentified armed group"),
        ("Nigerien troops on Friday repulsed a Boko Haram raid on Diffa, killing 9 fighters.",
         "Boko Haram"),
        ("Gunmen killed 14 villagers near Kaya on Sunday, a local official said. Four of the dead "
         "were members of the Volunteers for the Defence of the Homeland (VDP).",
         "Unidentified armed group"),
        ("Gunmen killed 14 villagers near Kaya on Sunday, a local official said. No group has "
         "claimed the attack, but the area is a stronghold of the Group for the Support of Islam "
         "and Muslims (JNIM).", "Unidentified armed group"),
        ("Gunmen killed 14 villagers near Kaya on Sunday. Police suspect JNIM carried out the "
         "attack.", "JNIM"),
    ],
    ids=["troops fought back", "named attacker, troops fought back", "members among the dead",
         "named beside the event", "blamed in another sentence"],
)
def test_incidents_perpetrator_is_who_attacked(text: str, perpetrator: str) -> None:
    incidents = _incidents(text, date(2024, 5, 20))
    assert incidents and incidents[0].perpetrator == perpetrator


def test_incidents_lead_rule_not_for_general_statements() -> None:
    assert _incidents("Attacks on police are frequent in the north.  Officials met.", None) == []


@pytest.mark.parametrize(("text", "published"), list(PERIODIC.values()), ids=list(PERIODIC))
def test_incidents_periodic_reports_have_none(text: str, published: date) -> None:
    assert _incidents(text, published) == []


@pytest.mark.parametrize(
    ("text", "place", "killed"),
    [
        ("Troops neutralised 40 terrorists and rescued 22 kidnapped victims across the country in "
         "the past week, the Defence Headquarters said on Thursday. On Tuesday, troops repelled an "
         "attack on their base in Monguno, killing 13 terrorists.", "Monguno", 13),
        ("Soldiers killed 212 civilians in Myanmar during June, a rights group said in its monthly "
         "report. On 14 June, soldiers shot dead 9 villagers in Monywa, the report said.",
         "Monywa", 9),
        ("Police arrested 12 suspects in a raid on a hideout in Kano last week, a police "
         "spokesman said.", "Kano", None),
    ],
    ids=["named attack in a weekly briefing", "dated killing in a monthly report",
         "one raid's arrests in a week"],
)
def test_incidents_one_event_inside_a_periodic_report(
    text: str, place: str, killed: int | None
) -> None:
    (incident,) = _incidents(text, date(2024, 7, 5))
    expected = None if killed is None else (killed, killed, "exact")
    assert incident.place == place and _count(incident.killed) == expected


def test_incidents_tolls_link_their_figures() -> None:
    extraction = extract(Document(MOGADISHU, published=date(2024, 3, 10), name="mog"))
    (incident,) = extraction.incidents
    figures = {f.id: f for f in extraction.figures}
    assert incident.killed is not None and incident.injured is not None
    assert figures[incident.killed.figure or ""].text.startswith("at least 11")
    assert figures[incident.injured.figure or ""].quantity.low == 20
    assert MOGADISHU[incident.start : incident.end].startswith("MOGADISHU")


def test_incidents_another_attack_is_another_incident() -> None:
    first, second = _incidents(TWO_ATTACKS, date(2024, 5, 13))
    assert (first.place, _count(first.killed)) == ("Maru", (5, 5, "exact"))
    assert (second.place, _count(second.killed)) == ("Maiduguri", (3, 3, "exact"))
    assert second.date is None  # "a day after": the text does not say which day


def test_incidents_body_toll_wins_over_headline() -> None:
    text = (
        "10 farmers killed in ISWAP attack in Borno\n"
        "ISWAP fighters killed 8 farmers in Mafa, Borno State, on Thursday, June 22, 2023."
    )
    (incident,) = _incidents(text, date(2023, 6, 23))
    assert _count(incident.killed) == (8, 8, "exact")
    assert incident.date == date(2023, 6, 22)


@pytest.mark.skipif(
    importlib.util.find_spec("newsledger.extract.incidents.event_types") is None,
    reason="the event classifier is not there",
)
def test_incidents_take_the_event_type_from_the_classifier() -> None:
    (incident,) = _incidents(MOGADISHU, date(2024, 3, 10))
    assert incident.type is not None


def test_incidents_line_keys_are_the_contract() -> None:
    (incident,) = _incidents(MOGADISHU, date(2024, 3, 10), name="mog")
    line = incident_line(incident)
    assert {
        "kind",
        "doc",
        "id",
        "date",
        "date_precision",
        "country",
        "admin1",
        "place",
        "lat",
        "lon",
        "type",
        "sub_type",
        "perpetrator",
        "target",
        "killed",
        "injured",
        "kidnapped",
    } <= set(line)
    assert line["kind"] == "incident" and line["doc"] == "mog" and line["date"] == "2024-03-09"
    assert line["killed"] == {
        "low": 11,
        "high": None,
        "qualifier": "at_least",
        "figure": incident.killed.figure if incident.killed else None,
    }
    assert line["kidnapped"] is None
    json.dumps(line)  # plain JSON types only


# --- merging ----------------------------------------------------------------------------------


def _incident(doc: str, **fields: Any) -> Incident:
    base = Incident(
        doc=doc,
        id="i1",
        start=0,
        end=10,
        date=date(2024, 3, 9),
        date_precision=DatePrecision.DAY,
        date_text="on Saturday",
        country="Somalia",
        admin1="Banadir",
        place="Mogadishu",
        lat=2.04,
        lon=45.34,
        geo_precision=1,
        geo_reason="town_named",
        type="Explosions/Remote violence",
        sub_type=None,
        perpetrator=None,
        perpetrator_status=None,
        target=None,
        killed=IncidentCount(11, None, Qualifier.AT_LEAST, "f1"),
    )
    return replace(base, **fields)


def _report(doc: str, published: date | None = date(2024, 3, 10), **fields: Any) -> IncidentReport:
    return IncidentReport(_incident(doc, **fields), published, None, "")


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ({"date": date(2024, 3, 10)}, True),
        ({"date": date(2024, 3, 14)}, False),
        ({"date": None, "date_precision": None}, True),  # published the day after: within a day
        ({"date": None, "date_precision": None, "published": date(2024, 3, 11)}, False),
        ({"date": None, "date_precision": None, "published": None}, True),  # undated, same town
        (
            {
                "date": None,
                "date_precision": None,
                "published": None,
                "place": "Baidoa",
                "lat": 3.11,
                "lon": 43.65,
            },
            False,
        ),
        ({"place": "Baidoa", "admin1": "Bay", "lat": 3.11, "lon": 43.65}, False),  # other city
        ({"place": "Hodan", "geo_precision": 2, "lat": 2.03, "lon": 45.31}, False),  # unknown
        ({"type": "Protests"}, False),
        ({"type": "Violence against civilians"}, True),
        ({"country": "Kenya"}, False),
    ],
    ids=[
        "next day",
        "five days later",
        "undated, published next day",
        "undated, published two days after the other's day",
        "undated, same town",
        "undated, other town",
        "same day, other city",
        "unknown district",
        "protest",
        "attack vs bombing",
        "other country",
    ],
)
def test_incidents_same_incident(other: dict[str, Any], same: bool) -> None:
    published = other.pop("published", date(2024, 3, 10))
    assert same_incident(_report("a"), _report("b", published, **other)) is same


def _merge_by_scanning_all(reports: list[IncidentReport]) -> list[list[str]]:
    """The merge rule written plainly: every report tried against every incident so far."""
    from newsledger.verify.incidents import _joins, _order

    index = NameIndex(reports)
    groups: list[list[IncidentReport]] = []
    for report in sorted((r for r in reports if r.reference_day), key=_order):
        home = next((g for g in groups if _joins(report, g, index)), None)
        groups.append([report]) if home is None else home.append(report)
    for report in sorted((r for r in reports if not r.reference_day), key=_order):
        fits = [g for g in groups if _joins(report, g, index)]
        if len(fits) > 1:
            fits = [g for g in fits if all(r.incident.type == report.incident.type for r in g)]
        groups.append([report]) if len(fits) != 1 else fits[0].append(report)
    return sorted(sorted(r.key for r in g) for g in groups)


def _varied_reports(count: int) -> list[IncidentReport]:
    """Reports of two towns in two countries over a month: dates of every precision, undated."""
    towns = [{}, {"place": "Baidoa", "admin1": "Bay", "lat": 3.11, "lon": 43.65},
             {"country": "Kenya", "admin1": "Nairobi", "place": "Nairobi", "lat": -1.29,
              "lon": 36.82}]
    precisions = [DatePrecision.DAY, DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH]
    reports = []
    for n in range(count):
        day = date(2024, 3, 1) + timedelta(days=n * 7 % 45)
        fields: dict[str, Any] = {**towns[n % 3], "id": f"i{n % 2}"}
        if n % 5 == 4:
            fields.update(date=None, date_precision=None)
        else:
            fields.update(date=day, date_precision=precisions[n % 4])
        published = None if n % 11 == 10 else day + timedelta(days=n % 4)
        reports.append(_report(f"d{n // 2}", published, **fields))
    return reports


def test_incidents_merge_is_the_plain_scan() -> None:
    # merge_incidents compares a report only with the open incidents of its country; the
    # incidents it forms must be those of trying every incident in turn.
    reports = _varied_reports(240)
    merged = merge_incidents(reports)
    assert sorted(sorted(r.key for r in m.reports) for m in merged) == (
        _merge_by_scanning_all(reports))
    assert any(len(m.reports) > 2 for m in merged)


def test_incidents_merge_two_outlets_keep_both_tolls() -> None:
    early = _report("a")
    later = _report(
        "b",
        date(2024, 3, 11),
        killed=IncidentCount(15, None, Qualifier.AT_LEAST, "f2"),
        perpetrator="al-Shabaab",
        perpetrator_status="claimed",
    )
    other_city = _report("c", place="Baidoa", admin1="Bay", lat=3.11, lon=43.65)
    merged = merge_incidents([later, other_city, early])
    assert len(merged) == 2
    mogadishu = next(m for m in merged if m.incident.place == "Mogadishu")
    assert {r.incident.doc for r in mogadishu.reports} == {"a", "b"}
    assert mogadishu.killed is not None
    assert (mogadishu.killed.best, mogadishu.killed.low, mogadishu.killed.high) == (15, 15, None)
    party = (mogadishu.incident.perpetrator, mogadishu.incident.perpetrator_status)
    assert party == ("al-Shabaab", "claimed")
    assert merge_incidents([early, later, other_city])[0].id in {m.id for m in merged}


def test_incidents_two_named_perpetrators_are_two_events() -> None:
    a = _report("a", perpetrator="al-Shabaab", perpetrator_status="claimed")
    b = _report("b", perpetrator="ISIS", perpetrator_status="stated")
    unnamed = _report("c", perpetrator="Unidentified armed group", perpetrator_status="stated")
    assert not same_incident(a, b)
    assert same_incident(a, unnamed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two bombers struck central Baghdad's al-Tayaran square.", {"baghdad", "tayaran"}),
        ("Gunmen killed eight farmers in Shuwarin. Police said so.", {"shuwarin"}),
        ("The Square was empty; the square was closed.", set()),  # written in lower case too
    ],
    ids=["article and possessive", "first words of sentences", "a word written in lower case"],
)
def test_incidents_document_names(text: str, expected: set[str]) -> None:
    assert document_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen burned a church in Jalingo. The attack came in the wake of a raid on the Dorowa "
         "market in Wukari.", {"jalingo"}),
        ("A police post in Kolda was shelled in retaliation for the arrest of Omar Kandji.",
         {"kolda"}),
        ("The attack comes following a bomb attack on the Nakuri shrine. Police closed Dalam "
         "road.", {"dalam"}),
        ("A bomb hit a bank in Lyon. A group calling itself Red Dawn Cell claimed responsibility "
         "in a letter to Le Progres.", {"lyon", "progres"}),
        ("In Lyon, the Red Dawn Cell claimed the attack.", {"lyon"}),
        ("A car bomb hit a patrol in Mosul. The attack was claimed by the Shura Front, an "
         "alliance of the Tawhid Brigades and the Ansar Army. Police sealed Nabi Yunis.",
         {"mosul", "nabi", "yunis"}),
        ("Two guards died when a mine hit a convoy near Gao. The attack was blamed on Katiba "
         "Macina.", {"gao"}),
        ("A grenade hit a cafe in Ganja. The Dark Hand, responsible for a bombing at the "
         "Tazapir mosque in May, denied it.", {"ganja", "dark", "hand"}),
    ],
    ids=["in the wake of", "in retaliation for", "comes following a bomb attack",
         "a claimant is no name", "a claimant after a place of its clause",
         "a claimant after 'claimed by' is no name", "blamed on", "a party's record"],
)
def test_incidents_document_names_leave_out_causes_and_claimants(
    text: str, expected: set[str]
) -> None:
    assert document_names(text) == expected


@pytest.mark.parametrize(
    ("text", "several"),
    [
        ("Gunmen fired at the governor's convoy in Kano. It was one of two attacks on him that "
         "day.", True),
        ("A second bomb went off near the bus park in Jos later that day.", True),
        ("This was the third blast at the market on the same day, police said.", True),
        ("It was one of three attacks on the town this month.", False),
        ("A bomb went off near the bus park in Jos. On that day, 4 people were hurt.", False),
    ],
    ids=["one of two that day", "a second later that day", "the third on the same day",
         "one of three this month", "no second event"],
)
def test_incidents_several_that_day(text: str, several: bool) -> None:
    assert several_that_day(text) is several


_SHOOTING = {"type": "Violence against civilians", "sub_type": "Attack"}
_BOMBING = {"type": "Explosions/Remote violence", "sub_type": "Remote explosive/landmine/IED"}


@pytest.mark.parametrize(
    ("first", "second", "several", "same"),
    [
        (_SHOOTING, _BOMBING, False, True),  # outlets code one attack either way
        (_SHOOTING, _BOMBING, True, False),  # one of two attacks that day: a shooting, a bombing
        (_BOMBING, _BOMBING, True, True),
        (_BOMBING, {"type": None, "sub_type": None}, True, True),  # unknown: rules 1-4 decide
    ],
    ids=["codes differ", "several that day, codes differ", "several that day, same codes",
         "several that day, one uncoded"],
)
def test_incidents_several_events_of_a_day_need_one_kind(
    first: dict[str, Any], second: dict[str, Any], several: bool, same: bool
) -> None:
    a = replace(_report("a", **first), several=several)
    b = _report("b", **second)
    assert same_incident(a, b) is same


_UNDATED = {"date": None, "date_precision": None}


@pytest.mark.parametrize(
    ("first", "second", "published", "same"),
    [
        (_SHOOTING, _BOMBING, date(2024, 3, 10), True),  # one day's news, coded two ways
        (_SHOOTING, _BOMBING, date(2024, 3, 11), False),  # the next day's news, another means
        (_BOMBING, _BOMBING, date(2024, 3, 11), True),
        (_SHOOTING, {"type": None, "sub_type": None}, date(2024, 3, 11), True),
        ({**_SHOOTING, "date": date(2024, 3, 10)}, _BOMBING, date(2024, 3, 11), True),  # dated
    ],
    ids=["same day, codes differ", "next day, codes differ", "next day, same codes",
         "next day, one uncoded", "one report dates its event"],
)
def test_incidents_undated_reports_of_two_days_need_one_kind(
    first: dict[str, Any], second: dict[str, Any], published: date, same: bool
) -> None:
    a = _report("a", date(2024, 3, 10), **{**_UNDATED, **first})
    b = _report("b", published, **{**_UNDATED, **second})
    assert same_incident(a, b) is same


_ARREST = {"type": "Strategic developments", "sub_type": "Arrests"}
_LOOTING = {"type": "Strategic developments", "sub_type": "Looting/property destruction"}


@pytest.mark.parametrize(
    ("first", "second", "series", "same"),
    [
        (_ARREST, _LOOTING, frozenset(), False),  # no event is an arrest and a looting
        (_ARREST, _ARREST, frozenset(), True),
        (_ARREST, {"type": "Strategic developments", "sub_type": None}, frozenset(), True),
        (_SHOOTING, _BOMBING, frozenset({1}), False),  # "the first of two attacks": one of several
        (_BOMBING, _BOMBING, frozenset({1}), True),
    ],
    ids=["arrest and looting", "two arrests", "one sub-type unknown",
         "numbered in a series, codes differ", "numbered in a series, same codes"],
)
def test_incidents_kinds_that_tell_events_apart(
    first: dict[str, Any], second: dict[str, Any], series: frozenset[int], same: bool
) -> None:
    a = replace(_report("a", **first), series=series)
    assert same_incident(a, _report("b", **second)) is same


@pytest.mark.parametrize(
    ("fields", "same"),
    [
        ({"place": "Somalia", "admin1": None, "geo_precision": 3, "date": None,
          "date_precision": None}, False),  # the country and the publication day alone
        ({"place": "Somalia", "admin1": None, "geo_precision": 3}, True),  # its own day
        ({"date": None, "date_precision": None}, True),  # its town
    ],
    ids=["country, undated", "country, dated", "town, undated"],
)
def test_incidents_a_report_of_a_country_and_no_day_joins_none(
    fields: dict[str, Any], same: bool
) -> None:
    assert same_incident(_report("a", **fields), _report("b", **fields)) is same


def _named(doc: str, published: date | None, names: set[str]) -> IncidentReport:
    incident = _incident(doc, date=None, date_precision=None, place="Baghdad", country="Iraq",
                         admin1="Baghdad", lat=33.34, lon=44.4)
    return IncidentReport(incident, published, None, "", frozenset(names))


@pytest.mark.parametrize(
    ("names", "merged"),
    [
        ({"baghdad", "karrada"}, {"baghdad", "sadr"}),  # only the city, named all year long
        ({"baghdad", "tayaran"}, {"baghdad", "tayaran"}),  # and the same square
    ],
    ids=["same city, nothing else shared", "same square named in both"],
)
def test_incidents_same_city_same_day_needs_a_distinctive_name(
    names: set[str], merged: set[str]
) -> None:
    day = date(2024, 3, 10)
    background = [_named(f"old{n}", date(2023, 1 + n, 1), {"baghdad"}) for n in range(6)]
    reports = [_named("a", day, names), _named("b", day, merged), *background]
    together = any(len(m.reports) == 2 for m in merge_incidents(reports))
    assert together is (names == merged)


@pytest.mark.parametrize(
    ("offsets", "distinctive"),
    [
        ([0, 7, -7, 30], True),  # three within a week either side (the edges count), one far
        ([0, 8, -8, 30], False),  # one near, three far
        ([0, 1, 60, 90], False),  # two near, two far: not twice as many near
        ([0, None, None], True),  # undated documents count neither way
    ],
    ids=["week edges are near", "just outside the week", "as many near as far", "undated"],
)
def test_incidents_name_index_counts_documents_near_the_day(
    offsets: list[int | None], distinctive: bool
) -> None:
    day = date(2024, 3, 10)
    reports = [_named(f"d{n}", day + timedelta(days=o) if o is not None else None, {"kamari"})
               for n, o in enumerate(offsets)]
    assert NameIndex(reports).distinctive("kamari", day) is distinctive
    assert NameIndex(reports).distinctive("kamari", None) is (len(offsets) <= 2)


def _placed(doc: str, published: date, names: set[str], **fields: Any) -> IncidentReport:
    incident = _incident(doc, date=None, date_precision=None, **fields)
    return IncidentReport(incident, published, None, "", frozenset(names))


_SAMARRA = {"place": "Samarra", "admin1": "Salahuddin", "country": "Iraq", "lat": 34.2,
            "lon": 43.87, "geo_precision": 1}
_BAGHDAD = {"place": "Baghdad", "admin1": "Baghdad", "country": "Iraq", "lat": 33.34,
            "lon": 44.4, "geo_precision": 1}
_FAYZABAD = {"place": "Fayzabad", "admin1": "Badakhshan", "country": "Afghanistan",
             "lat": 37.12, "lon": 70.58, "geo_precision": 1}
_KANDAHAR = {"place": "Kandahar", "admin1": "Kandahar", "country": "Afghanistan",
             "lat": 31.61, "lon": 65.71, "geo_precision": 1}


@pytest.mark.parametrize(
    ("first", "second", "days_apart", "together"),
    [
        # A Baghdad bombing whose report recalls the shrine attack in Samarra is no report of
        # a Samarra event: neither town is placed more finely than the other.
        ((_BAGHDAD, {"samarra", "askari"}), (_SAMARRA, {"samarra", "askari"}), 0, False),
        # A report at a district names the town the other report places it at: finer wins.
        (({**_SAMARRA, "place": "Samarra District", "geo_precision": 2}, {"dulab"}),
         (_SAMARRA, {"samarra", "dulab"}), 0, True),
        # 'Qandahar' in both reports is the incident's own town spelled another way: two
        # blasts at Kandahar two days apart stay two.
        ((_KANDAHAR, {"qandahar"}), (_KANDAHAR, {"qandahar"}), 2, False),
        ((_KANDAHAR, {"qandahar"}), (_KANDAHAR, {"qandahar"}), 0, True),
        # 'Faizabad' read alone is a town in India; in reports on Afghanistan it is Fayzabad,
        # the incident's own town: two rocket attacks there a day apart stay two.
        ((_FAYZABAD, {"faizabad"}), (_FAYZABAD, {"faizabad"}), 1, False),
        ((_FAYZABAD, {"faizabad"}), (_FAYZABAD, {"faizabad"}), 0, True),
    ],
    ids=["two towns, one names the other", "district names the town", "town spelled otherwise, "
         "two days apart", "town spelled otherwise, one day",
         "town spelled as another country's town, next day",
         "town spelled as another country's town, one day"],
)
def test_incidents_place_names_do_not_join_other_events(
    first: tuple[dict[str, Any], set[str]], second: tuple[dict[str, Any], set[str]],
    days_apart: int, together: bool,
) -> None:
    day = date(2006, 3, 1)
    a = _placed("a", day, first[1], **first[0])
    b = _placed("b", day + timedelta(days=days_apart), second[1], **second[0])
    merged = merge_incidents([a, b])
    assert (len(merged) == 1) is together, [m.reason for m in merged]


_LATER_SENTENCES = ("Officials put the toll at 173. The first blast, at a taxi stand, killed 1. "
                    "An initial count of 59 was given at noon.")


@pytest.mark.parametrize(
    ("value", "high", "source", "start", "tells"),
    [
        (1, "same", None, 72, False),  # one blast's dead after the day's total of 173: a part
        (173, "same", None, 60, True),  # the toll told again
        (180, "same", None, 60, True),  # more than the toll: a later count, still the incident's
        (100, None, None, 60, True),  # "more than 100": not wholly below the toll
        (26, "same", "health ministry", 60, True),  # a source's own, earlier count of the whole
        (59, "same", None, 95, True),  # "an initial count of 59": an earlier count
    ],
    ids=["one site's dead", "the toll again", "a higher count", "open-ended",
         "another source's count", "initial count"],
)
def test_incidents_figures_below_the_toll_tell_no_incident(
    value: int, high: int | None | str, source: str | None, start: int, tells: bool
) -> None:
    toll = build_figure("f1", 173, "killed", start=26, counted="people", doc="a")
    later = build_figure("f2", value, "killed", start=start, high=high, counted="people",
                         doc="a", source=source)
    report = IncidentReport(_incident("a", start=0, end=37, killed=IncidentCount(
        173, 173, Qualifier.EXACT, "f1")), date(2008, 11, 27))
    told = figure_incidents(merge_incidents([report]), [toll, later], lambda _: _LATER_SENTENCES)
    assert "a:f1" in told
    assert ("a:f2" in told) is tells


# Incidents of one document as (start, end, merged id), in the order they are given; none of
# their tolls names a figure, so each figure is placed by where it stands.
_SPANS = [(100, 140, "m1"), (10, 60, "m2"), (30, 200, "m3"), (300, 320, "m4")]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (120, "m1"),  # inside m1 and m3: the first given wins, not the first by start
        (40, "m2"),  # inside m2 and m3
        (150, "m3"),  # inside the long m3 only, which starts far before
        (250, "m1"),  # inside none: the last to start before it (m3 starts earlier)
        (5, "m2"),  # before all of them: the first by start
        (330, "m4"),  # after all of them
        (300, "m4"),  # at an incident's first character
        (320, "m4"),  # at its end: outside, but it is still the last told before
    ],
    ids=["first given of two", "earlier of two", "long span", "between", "before all",
         "after all", "at a start", "at an end"],
)
def test_incidents_a_figure_tells_the_incident_around_or_before_it(
    start: int, expected: str
) -> None:
    incidents = [(_incident("a", id=f"i{n}", start=a, end=b, killed=None), merged)
                 for n, (a, b, merged) in enumerate(_SPANS, start=1)]
    figure = build_figure("f9", 3, "killed", start=start, counted="people", doc="a")
    assert told_incidents(incidents, [figure]) == {"a:f9": expected}


def test_incidents_never_merge_two_of_one_document() -> None:
    second = replace(_report("a"), incident=_incident("a", id="i2"))
    assert len(merge_incidents([_report("a"), second])) == 2


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([(26, None, "at_least"), (38, None, "at_least")], (38, 38, None, "update")),
        ([(27, None, "at_least"), (27, 27, "exact"), (43, 43, "exact")], (43, 43, 43, "update")),
        ([(43, 43, "exact"), (27, None, "at_least")], (27, 27, 43, "agree")),
        ([(90, 90, "exact"), (105, 105, "exact")], (105, 105, 105, "update")),
        ([(8, 8, "exact"), (8, 8, "exact")], (8, 8, 8, "agree")),
        ([(10, 10, "exact")], (10, 10, 10, "single")),
    ],
    ids=["rising lower bounds", "later 43 updates at least 27 and 27", "later lower bound agrees",
         "later higher exact toll", "same toll", "one report"],
)
def test_incidents_merged_tolls(
    counts: list[tuple[int, int | None, str]], expected: tuple[int, int, int | None, str]
) -> None:
    reports = [
        _report(
            f"d{n}",
            date(2024, 3, 10 + n),
            killed=IncidentCount(low, high, Qualifier(qualifier), "f1"),
        )
        for n, (low, high, qualifier) in enumerate(counts)
    ]
    merged = merge_counts(reports, "killed")
    assert merged is not None
    assert (merged.best, merged.low, merged.high, merged.verdict) == expected


def test_incidents_two_outlets_merge_end_to_end() -> None:
    reports = []
    for name, text, published in [
        ("wire", MOGADISHU, date(2024, 3, 10)),
        ("local", MOGADISHU_LATER, date(2024, 3, 11)),
        ("baidoa", BAIDOA, date(2024, 3, 10)),
    ]:
        for incident in _incidents(text, published, name):
            reports.append(IncidentReport(incident, published))
    merged = merge_incidents(reports)
    assert sorted(sorted(r.incident.doc for r in m.reports) for m in merged) == [
        ["baidoa"],
        ["local", "wire"],
    ]


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("Three people died in the first of a series of three suicide bombings in Osh.", {1}),
        ("The fourth of four bombs went off near the port gate.", {4}),
        ("This is the second of the two blasts that hit the bus depot.", {2}),
        ("(3rd of 5 attacks) Rebels planted bombs along the road.", {3}),
        ("It was the first of two attacks; the second of two attacks came at dusk.", {1, 2}),
        ("One of three bombs failed to go off.", set()),  # one of them: no number
        ("Gunmen killed 2 of 6 passengers in the attack.", set()),  # people, not events
        ("The first of its kind, the clinic opened in May.", set()),
    ],
    ids=["first of a series", "fourth of four", "second of the two", "numbered in brackets",
         "two numbers", "one of three", "people counted", "no count"],
)
def test_incidents_series_positions(text: str, positions: set[int]) -> None:
    assert series_positions(text) == positions


def _merged_texts(reports: list[tuple[str, date, str]]) -> list[list[str]]:
    """The documents of each merged incident of the reports (name, published, text), merged as
    a ledger does: with their documents' names, several events of a day and series numbers."""
    found = [
        IncidentReport(incident, published, None, "", document_names(text),
                       several_that_day(text), series_positions(text))
        for name, published, text in reports
        for incident in _incidents(text, published, name)
    ]
    return sorted(sorted(r.incident.doc for r in m.reports) for m in merge_incidents(found))


_OSH_DAY = date(2011, 5, 3)


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Two people were killed in the first of three bombings near the Jayma bazaar in Osh "
         "on Tuesday.",
         "Four guards died in the second of three bombings near the Jayma bazaar in Osh on "
         "Tuesday.", False),
        ("Two people were killed in the first of three bombings near the Jayma bazaar in Osh "
         "on Tuesday.",
         "The first of three bombings near the Jayma bazaar in Osh killed two people on "
         "Tuesday, police said.", True),
        ("Two people were killed in the first of three bombings near the Jayma bazaar in Osh "
         "on Tuesday.",
         "Two people were killed in a bombing near the Jayma bazaar in Osh on Tuesday.", True),
    ],
    ids=["two numbers of one series", "one number", "one report numbers nothing"],
)
def test_incidents_numbered_events_of_a_series_stay_apart(
    first: str, second: str, merged: bool
) -> None:
    groups = _merged_texts([("a", _OSH_DAY, first), ("b", _OSH_DAY, second)])
    assert (["a", "b"] in groups) is merged, groups


@pytest.mark.parametrize(
    ("days_apart", "merged"),
    [(0, True), (1, True), (2, False), (3, False)],
    ids=["same day", "next day", "two days later", "three days later"],
)
def test_incidents_undated_reports_merge_within_a_day(days_apart: int, merged: bool) -> None:
    # Neither report dates its killing: each tells the news of its publication day, and the
    # second, days later, is as likely another killing of a driver of the same programme.
    first = ("A driver carrying grain for the Karsu Relief Mission was shot dead in Kunduz. "
             "His truck was found by the road.")
    second = ("A driver carrying grain for the Karsu Relief Mission was killed in Kunduz. "
              "Nothing was taken from his truck.")
    groups = _merged_texts([("a", _OSH_DAY, first),
                            ("b", _OSH_DAY + timedelta(days=days_apart), second)])
    assert (["a", "b"] in groups) is merged, groups


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Gunmen kidnapped two engineers near Kalat. They were freed on 3 May 2011 after talks "
         "with tribal elders.", None),
        ("Gunmen kidnapped two engineers near Kalat on Monday. They were freed on 3 May 2011 "
         "after talks with tribal elders.", date(2010, 4, 5)),
        ("Two engineers were kidnapped near Kalat. The abduction took place on Monday.",
         date(2010, 4, 5)),
        ("A blast hit a power station in Ganja on Friday. Two people died. The Dark Hand, "
         "responsible for a bombing at a mosque in Ganja on Monday, was later convicted.",
         date(2010, 4, 9)),
    ],
    ids=["a later release dates nothing", "the event's own day", "a day told after the toll",
         "a day of the party's record"],
)
def test_incidents_no_event_is_dated_after_its_report(text: str, day: date | None) -> None:
    # the first incident holds the toll (the mosque bombing recalled is an incident of its own)
    incident = _incidents(text, date(2010, 4, 10))[0]
    assert incident.date == day
    assert incident.killed or incident.kidnapped


# --- ledger and command line ------------------------------------------------------------------


def test_incidents_ledger_merges_and_filters() -> None:
    with Ledger(":memory:") as ledger:
        for name, text, published in [
            ("wire", MOGADISHU, date(2024, 3, 10)),
            ("local", MOGADISHU_LATER, date(2024, 3, 11)),
            ("zamfara", ZAMFARA, date(2024, 5, 13)),
        ]:
            ledger.add(
                extract(
                    Document(
                        text, published=published, name=name, url=f"https://{name}.example/story"
                    )
                )
            )
        assert ledger.merge_incidents() == 2
        assert ledger.merge_incidents() == 2  # idempotent
        rows = ledger.incidents(country="Somalia")
        assert [r["location"] for r in ledger.incidents(since=date(2024, 5, 1))] == ["Maru"]
    (row,) = rows
    assert (row["event_date"], row["time_precision"], row["fatalities"]) == ("2024-03-09", 1, 15)
    assert [r["doc"] for r in row["reports"]] == ["wire", "local"]
    assert [r["killed"]["low"] for r in row["reports"]] == [11, 15]
    assert row["source"] == "wire.example; local.example"
    assert row["notes"] and "car bomb" in row["notes"]


def test_incidents_cli_lists_merged_incidents(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text, published in [
        ("wire", MOGADISHU, "2024-03-10"),
        ("local", MOGADISHU_LATER, "2024-03-11"),
    ]:
        record = {"id": name, "text": text, "published": published}
        (folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["incidents", "--db", db, "--country", "Somalia", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(row) for row in result.output.splitlines()]
    assert {r["doc"] for r in line["reports"]} == {"wire", "local"}
    table = runner.invoke(app, ["incidents", "--db", db])
    assert "wire/i1: killed 11+" in table.output


def test_incidents_extract_prints_incident_lines(tmp_path: Path) -> None:
    path = tmp_path / "story.jsonl"
    path.write_text(
        json.dumps({"id": "zam", "text": ZAMFARA, "published": "2024-05-13"}) + "\n",
        encoding="utf-8",
    )
    with_flag = runner.invoke(app, ["extract", str(path), "--incidents", "--format", "jsonl"])
    without = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    kinds = [json.loads(line)["kind"] for line in with_flag.output.splitlines()]
    assert kinds[-1] == "incident" and kinds.count("incident") == 1
    assert "incident" not in [json.loads(line)["kind"] for line in without.output.splitlines()]


# --- tolls: sums of coordinated victims, implicit ones, the main sentence first -----------------


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A roadside bomb exploded near a police patrol in Baqubah on Monday, killing three "
         "policemen and one civilian.", 4, None),
        ("Two soldiers and a civilian were killed when a bomb exploded in Kabul on Monday.", 3,
         None),
        ("A bomb hit a bus in Kabul on Monday, killing the driver and two passengers.", 3, None),
        ("Two villagers were killed as well as a policeman in an attack in Grozny on Monday.", 3,
         None),
        ("Two tourists, a Swiss and a Dutch national were killed in an attack in Kabul on "
         "Monday.", 4, None),
        ("A car bomb killed five people, including two soldiers, in Baghdad on Monday.", 5, None),
        ("A suicide bomber killed five people, two soldiers and three civilians, in Baghdad on "
         "Monday.", 5, None),
        ("A bomb exploded in a market in Basra on Monday, killing two students and wounding 32, "
         "four seriously.", 2, 32),
        ("Security forces in Kabul killed one attacker on Monday and one police officer was "
         "injured.", 1, 1),
        ("A policeman was killed when gunmen attacked a checkpoint in Kandahar on Monday.", 1,
         None),
        ("A parcel bomb killed a British engineer and his wife in Lusaka on Monday.", 2, None),
        ("Gunmen shot dead Ahmed Karimi, a teacher, in Kandahar on Monday.", 1, None),
        ("A British diplomat and his driver were killed in Kabul on Monday when a bomb exploded.",
         2, None),
        ("Gunmen attacked the mayor's convoy in Baghdad on Monday. The mayor was killed and one "
         "of his guards was wounded.", 1, 1),
        ("A bomb exploded at a market in Baghdad on Monday, killing 12 people. More than 90 "
         "people were killed in attacks across the country that day.", 12, None),
        ("A bomb exploded at a police post in Kunduz on Monday, but no one was hurt. The "
         "Taliban claimed seven police were killed.", 0, 0),
        ("Police in Cali on Monday blamed rebels for the murder of two judges.", 2, None),
        ("Four farmers were decapitated by gunmen in Doda district on Monday.", 4, None),
        ("A bomb went off at a bank in Bogota on Monday, fatally injuring the guard.", 1, None),
        ("Gunmen opened fire at a wedding in Kaduna on Monday and six guests were killed. Two "
         "children were among the dead, police said.", 6, None),
        ("A car bomb exploded at a bus stop in Kirkuk on Monday. Among those killed were four "
         "students, police said.", 4, None),
    ],
    ids=[
        "three and one",
        "two and a civilian",
        "the driver and two",
        "as well as a policeman",
        "list of nationals",
        "including is no sum",
        "total with its parts",
        "a detail after a comma is no sum",
        "another verb ends the list",
        "a policeman",
        "and his wife",
        "a name",
        "two named, were killed",
        "the mayor",
        "a later total",
        "a claim after a denial",
        "the murder of two",
        "decapitated",
        "fatally injuring",
        "a part after the toll",
        "only a part",
    ],
)
def test_incidents_tolls_from_wordings(text: str, killed: int, injured: int | None) -> None:
    incident = _incidents(text, date(2024, 3, 12))[0]
    assert incident.killed is not None and incident.killed.low == killed
    assert (incident.injured.low if incident.injured else None) == injured


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Gunmen killed 5 people in a village near Kaduna last week, police said on Monday.",
         DatePrecision.WEEK),
        ("In February, a car bomb killed 9 people at a market in Kirkuk.", DatePrecision.MONTH),
    ],
    ids=["last week", "one event in a month"],
)
def test_incidents_one_event_dated_by_week_or_month(text: str, precision: DatePrecision) -> None:
    (incident,) = _incidents(text, date(2024, 3, 8))
    assert incident.date_precision is precision


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Twin blasts ripped through a bus station in Jos, killing 14 people and wounding 30.", 14),
        ("Three car bombs went off minutes apart outside a mosque in Hilla, killing 22 "
         "worshippers.", 22),
        ("Two attacks in Kabul and Kandahar killed 12 people.", None),
        ("Soldiers killed 9 insurgents in raids near Kunduz.", None),
    ],
    ids=["twin blasts", "three car bombs", "two attacks apart", "raids"],
)
def test_incidents_a_few_devices_with_their_toll_are_one_attack(
    text: str, killed: int | None
) -> None:
    incidents = _incidents(text, date(2024, 3, 12))
    assert [i.killed.low if i.killed else None for i in incidents] == (
        [] if killed is None else [killed]
    )


def test_incidents_a_part_of_the_dead_is_a_lower_bound() -> None:
    text = "Gunmen raided a village near Gao on Monday. Three women were among the dead."
    incident = _incidents(text, date(2024, 3, 12))[0]
    assert incident.killed is not None
    assert (incident.killed.low, incident.killed.high) == (3, None)
    assert incident.killed.qualifier is Qualifier.AT_LEAST


def test_incidents_implicit_toll_links_no_figure() -> None:
    extraction = extract(
        Document("A policeman was killed when gunmen attacked a checkpoint in Kandahar on Monday.",
                 published=date(2024, 3, 12))
    )
    (incident,) = extraction.incidents
    assert incident.killed == IncidentCount(1, 1, Qualifier.EXACT, None)
    assert [f for f in extraction.figures if f.measure.value == "killed"] == []


def test_incidents_sum_links_its_first_figure() -> None:
    extraction = extract(
        Document("Two soldiers and a civilian were killed when a bomb exploded in Kabul on Monday.",
                 published=date(2024, 3, 12))
    )
    (incident,) = extraction.incidents
    first = min((f for f in extraction.figures if f.measure.value == "killed"),
                key=lambda f: f.start)
    assert incident.killed == IncidentCount(3, 3, Qualifier.EXACT, first.id)


# --- property and weapons events anchor incidents (incident_cues.tsv) -------------------------


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        ("Armed men seized an aid agency vehicle near Baidoa on Monday.", "Somalia", "Baidoa"),
        ("Gunmen looted a health centre in Kano on Tuesday.", "Nigeria", "Kano"),
        ("Two trucks belonging to a road contractor were set on fire in Kano on Sunday.",
         "Nigeria", "Kano"),
        ("Police defused an explosive device planted outside a mosque in Mogadishu on Friday.",
         "Somalia", "Mogadishu"),
        ("A grenade exploded at a market in Kano on Wednesday, injuring three traders.",
         "Nigeria", "Kano"),
        ("Bandits hijacked a bus near Kaduna and robbed its passengers on Saturday.",
         "Nigeria", "Kaduna"),
        ("Militants fired mortars at the airport in Mogadishu on Thursday.", "Somalia",
         "Mogadishu"),
    ],
    ids=["seized", "looted", "set on fire", "defused", "exploded", "hijacked", "fired"],
)
def test_incidents_property_and_weapons_events_anchor(text: str, country: str, place: str) -> None:
    found = _incidents(text, date(2024, 3, 10))
    assert [(i.country, i.place) for i in found] == [(country, place)]


@pytest.mark.parametrize(
    "text",
    [
        "Militants looted 34 health facilities and seized 120 vehicles across Mali in 2023, the UN "
        "said.",
        "In the first quarter of 2024, armed groups burned 15 schools and destroyed 40 homes in "
        "Zamfara, the monitor reported.",
        "During October 2023, 85 civilians were injured and 12 aid vehicles were hijacked in "
        "Borno, the monitor said.",
        "No vehicles were seized or damaged in Kano on Monday, police said.",
    ],
    ids=["year of looting", "quarter of arson", "monitor month", "denied seizure"],
)
def test_incidents_property_and_weapons_totals_have_none(text: str) -> None:
    assert _incidents(text, date(2024, 3, 10)) == []


@pytest.mark.parametrize(
    ("text", "killed", "precision"),
    [
        # a report that tells nothing but one month's toll: one event of month precision
        ("Three health workers were killed by gunmen near Kajo Keji in October.", 3,
         DatePrecision.MONTH),
        ("At least 2 teachers killed in March in Upper Nile.", 2, DatePrecision.MONTH),
        # strikes or attacks of one day at one place, told with their toll: one event
        ("On 4 May 2023, jets carried out airstrikes on a market near Tessit, killing 9 people.",
         9, DatePrecision.DAY),
        ("On 2 June 2022, gunmen killed four guards in attacks on two depots in Beni.", 4,
         DatePrecision.DAY),
        # the targets of one attack are no count of attacks
        ("On 8 July 2021, raiders attacked two fishing boats near Terekeka, killing six.", 6,
         DatePrecision.DAY),
        # "one of three attacks that day" tells the event among others, no period's count
        ("Gunmen shot dead a policeman in Mosul on Monday. This was one of three attacks on "
         "police in the city that day.", 1, DatePrecision.DAY),
        # a victim already told who died later gives the toll
        ("On 9 April 2022, gunmen shot and wounded a nurse in Yei. The victim later died of her "
         "wounds.", 1, DatePrecision.DAY),
        # victims told before, told dead: the kidnapped or injured toll is the killed one
        ("On 3 May 2021, gunmen abducted four farmers near Gwoza. Their bodies were found two "
         "days later.", 4, DatePrecision.DAY),
        ("On 3 May 2021, militants kidnapped 12 traders near Dikwa. Days later the bodies of "
         "the traders were recovered from a river.", 12, DatePrecision.DAY),
        ("On 3 May 2021, five herders were kidnapped and killed by bandits in Zurmi.", 5,
         DatePrecision.DAY),
        ("On 3 May 2021, gunmen shot and wounded two guards at a bank in Goma. Both guards "
         "later died of their wounds.", 2, DatePrecision.DAY),
        ("On 3 May 2021, armed men abducted a chief near Bunia. His body was found on a "
         "farm.", 1, DatePrecision.DAY),
        # "killed another" after a victim of another measure: one more person
        ("On 3 May 2021, the blast in Gao wounded one soldier and killed another.", 1,
         DatePrecision.DAY),
        # "killed both of ...": the kidnapped victims told before
        ("On 3 May 2021, rebels abducted two traders near Beni. The next day the rebels killed "
         "both of the traders.", 2, DatePrecision.DAY),
        # one person dying, told without an event word, and "one" before a victim
        ("On 3 May 2021, a Kenyan engineer died of wounds suffered at a hotel in Mandera. Two "
         "of his colleagues were also injured.", 1, DatePrecision.DAY),
        ("On 3 May 2021, a bomb went off near a polling station in Gao, killing one voter and "
         "wounding four others.", 1, DatePrecision.DAY),
        # a set the victim is one of is no toll of the event
        ("On 3 May 2021, a soldier was shot dead in Gao. He was one of four soldiers killed in "
         "the region that day in separate attacks.", 1, DatePrecision.DAY),
    ],
    ids=["month, one sentence", "month, at least", "airstrikes one day one place",
         "attacks one day one town", "two boats attacked", "one of three attacks",
         "victim died later", "their bodies were found", "the bodies of the traders",
         "kidnapped and killed", "both later died", "his body was found", "killed another",
         "killed both", "a person died, no event word", "one voter", "one of four killed"],
)
def test_incidents_single_events_with_their_toll(
    text: str, killed: int, precision: DatePrecision
) -> None:
    found = _incidents(text, date(2023, 12, 20))
    assert len(found) == 1, found
    assert found[0].killed is not None and found[0].killed.low == killed
    assert found[0].date_precision is precision


@pytest.mark.parametrize(
    "text",
    [
        "Militants stormed a church in Kano and beat the pastor. The raid came just one day "
        "after three car bombs went off in Kano, killing 40 people.",
        "Gunmen set fire to a school in Maiduguri. It happened two days after twin blasts at a "
        "market there killed 25 people.",
    ],
    ids=["one day after three car bombs", "two days after twin blasts"],
)
def test_incidents_an_earlier_events_toll_is_not_the_events(text: str) -> None:
    found = _incidents(text, date(2023, 12, 20))
    assert found and found[0].killed is None, found


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a sentence that names no place continues the story whatever its figures carry
        ("GHANA.  Gunmen attacked a joint US/Ghanaian gold mine. They then opened fire on the "
         "managers. Three people were killed and a Dutch engineer was hurt.", 3),
        # a place abroad in a sentence on "the attack" is a visit, not the event's place
        ("Rebels bombed the French consulate in Kano. Four policemen died in the attack, "
         "which came as the governor was visiting Ghana.", 4),
        # a figure of another event with the same value is not the event's restated
        ("A bomb in a bar in Gao killed nine people. The blast came two days after a car bomb "
         "at a checkpoint in Gao killed 9 people.", 9),
        # the victims told before are of the event whatever place they come from
        ("Rebels shelled a market in Goma. Traders from Rwanda were among the wounded. Ten "
         "people were wounded and two were killed.", 2),
    ],
    ids=["no place of its own", "a visit abroad", "same value, another event",
         "among the wounded, from abroad"],
)
def test_incidents_toll_sentences_join_the_event_told_before(text: str, killed: int) -> None:
    found = _incidents(text, date(2023, 12, 20))
    assert found and found[0].killed is not None and found[0].killed.low == killed, found


@pytest.mark.parametrize(
    ("text", "incidents"),
    [
        # a month's toll among other sentences, or counted by a monitor, stays a tally
        ("The observatory documented 14 civilians killed in Upper Nile in October.", 0),
        ("Throughout October, 30 people were killed in Upper Nile, officials said.", 0),
        ("Militants carried out 14 attacks on police in Mosul in March, killing 20 officers.", 0),
        # strikes of one day across two towns: several events
        ("On 4 May 2023, jets carried out airstrikes on Tessit and Menaka, killing 9 people.", 0),
        # a death of another time is no toll of the incident
        ("Gunmen shot a trader in Kano on Monday. His brother died in 2015.", 1),
    ],
    ids=["monitor's month", "month as a span", "a month's attacks", "strikes in two towns",
         "earlier death"],
)
def test_incidents_tallies_and_other_deaths_stay_apart(text: str, incidents: int) -> None:
    found = _incidents(text, date(2023, 12, 20))
    assert len(found) == incidents, found
    assert all(i.killed is None for i in found)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # victims named without a number: titles before a name, names after a title, lists
        ("In Herat, a gunman assassinated former Minister Ahmad Karimi outside his office.", 1),
        ("Gunmen fired on a car near Hilla, killing a local cleric Ahmed Saleh and his driver.", 2),
        ("Gunmen killed Kirkuk traffic officer Hassan Ali Jabbar and his son near his home.", 2),
        ("Gunmen fired on a car in Najaf, killing Shia scholar Bashir al-Hakim and his driver.", 2),
        ("A masked man opened fire in a shop in Hilla, killing the tailor, his apprentice, and a "
         "customer.", 3),
        ("A gunman opened fire in a shop in Hilla, killing the tailor, a respected elder.", 1),
        ("Gunmen killed a police commissioner outside his home in Mosul.", 1),
        # 'both', 'himself and', 'claimed the life of', 'killing them'
        ("Two police officers were attacked by gunmen in Baghdad. Both officers were killed.", 2),
        ("Gunmen chased the candidate's car through Herat. Both Karimi and his bodyguard were "
         "killed, while a third guard was wounded.", 2),
        ("Police tried to stop two men in Kandahar, and one of them detonated his explosives, "
         "killing himself and his companion.", 2),
        ("A suicide car bomber blew himself up at a checkpoint in Hit, killing himself and three "
         "policemen.", 4),
        ("Gunmen ambushed a convoy in Udaim. The attack claimed the life of one of the guards.", 1),
        ("Five police commandos were ambushed by gunmen in Tikrit. The gunmen fired on their car, "
         "killing them and wounding their driver.", 5),
        ("Twelve Shia men were seized by gunmen in Baghdad. Their bodies were found in a ditch "
         "several days later.", 12),
        ("Gunmen locked nine people inside a house in Latifiya.  The gunmen then killed them.", 9),
        # a later sentence of the report that raises the toll
        ("Bombers set off four car bombs outside police stations in Basra, killing 40 people. "
         "Three of the wounded died overnight, bringing the death toll to 43.", 43),
        # a report that ends without a full stop is no headline
        ("Two people were killed when a bomb left on the road near the village of Ouled Ksar "
         "exploded", 2),
    ],
    ids=["former Minister Name", "a cleric Name and his driver", "town title Name and his son",
         "scholar al-Name", "a list of three", "an apposition is one", "commissioner",
         "both officers", "both Name and his bodyguard", "himself and his companion",
         "himself and three", "claimed the life of", "killing them", "seized, bodies found",
         "counted in a sentence with no event", "bringing the toll",
         "no full stop"],
)
def test_incidents_tolls_of_victims_told_without_a_total(text: str, killed: int) -> None:
    found = _incidents(text, date(2007, 6, 12))
    assert found and found[0].killed is not None and found[0].killed.low == killed, found


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Insurgents set off at least five car bombs in attacks on checkpoints in Ramadi, killing "
         "twelve policemen.", 12),
        ("In a series of bomb blasts at cinemas in Sylhet, twenty people were killed.", 20),
        ("Eight bombs exploded in Iran on one day, killing at least eleven people.", 11),
        # spread over a region, or over two towns: several events
        ("Militants set off seven bombs across southern Thailand, killing four people.", None),
        ("Six car bombs exploded in Kirkuk and Tikrit, killing 30 people.", None),
    ],
    ids=["five car bombs in one town", "a series of blasts", "one country, one day", "across",
         "two towns"],
)
def test_incidents_many_devices_at_one_place_are_one_attack(text: str, killed: int | None) -> None:
    found = _incidents(text, date(2007, 6, 12))
    assert [i.killed.low if i.killed else None for i in found] == ([] if killed is None
                                                                     else [killed])


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a year that dates only background (no figures) makes no periodic report
        ("PERU.  A car bomb exploded outside the police headquarters in Arequipa.  The group "
         "said the bombing avenged the arrest of its leader in 1992.", None),
        # one attack of a series told with its own toll
        ("The second bomb attack, in a series of four on this day, took place at a bus stop in "
         "Quetta, killing two people and injuring nine others.", 2),
        # another attack told only beside the report's own is no incident of the report
        ("A suicide car bomb exploded outside the French Embassy in Lome.  The attack coincides "
         "with another suicide attack on the French Embassy in Ghana.  The blast killed at least "
         "nine people.", 9),
        # the raids a killing avenges are its cause, not several events of its toll
        ("KENYA.  Gunmen killed three herders near Mandera in revenge for recent cattle raids.",
         3),
        ("Militants shot dead two teachers in Garissa, apparently in retaliation for army "
         "raids on their camps.", 2),
    ],
    ids=["background year", "one of a series", "another attack beside it",
         "in revenge for raids", "in retaliation for raids"],
)
def test_incidents_background_keeps_the_reports_own_event(text: str, killed: int | None) -> None:
    found = _incidents(text, date(2007, 6, 12))
    assert found and (found[0].killed.low if found[0].killed else None) == killed, found


# --- incremental merging: the name index counted in SQL ---------------------------------------


def _name_entries(rng: Any, docs: range, start: date) -> list[tuple[str, str, date | None]]:
    """(document, name, day) rows: two of a few names per document, its day within five weeks
    (or none)."""
    days = {n: None if rng.random() < 0.1 else start + timedelta(rng.randrange(35)) for n in docs}
    return [(f"d{n}", name, days[n])
            for n in docs for name in rng.sample(["kamari", "tigris", "bakool", "wadi"], 2)]


@pytest.mark.parametrize("seed", range(6))
def test_reindexed_segments_in_sql_are_those_the_name_index_flips(seed: int) -> None:
    """``merge_tables.reindexed_segments`` judges in SQL what ``NameIndex.distinctive`` judges
    in Python: the segments of the stored reports one of whose names is distinctive before new
    documents came and not after, or the other way round."""
    import random

    import duckdb

    from newsledger.merge_tables import reindexed_segments

    rng = random.Random(seed)
    before = _name_entries(rng, range(12), date(2024, 1, 1))
    now = before + _name_entries(rng, range(12, 12 + rng.randrange(1, 12)), date(2024, 1, 20))
    con = duckdb.connect()
    con.execute("CREATE TABLE document_names (doc_id VARCHAR, names VARCHAR[])")
    con.execute("CREATE TABLE merge_documents (doc_id VARCHAR, day DATE)")
    con.execute("CREATE TABLE merge_now (doc_id VARCHAR, day DATE)")
    con.execute("CREATE TABLE documents (id VARCHAR, published DATE)")
    con.execute("CREATE TABLE incidents (doc_id VARCHAR, id VARCHAR, date DATE)")
    con.execute("CREATE TABLE merge_reports (doc_id VARCHAR, incident_id VARCHAR, "
                "segment VARCHAR)")
    days = {doc: day for doc, _, day in now}
    for doc, day in days.items():
        names = sorted({n for d, n, _ in now if d == doc})
        con.execute("INSERT INTO document_names VALUES (?, ?)", [doc, names])
        con.execute("INSERT INTO merge_now VALUES (?, ?)", [doc, day])
        con.execute("INSERT INTO documents VALUES (?, ?)", [doc, day])
        con.execute("INSERT INTO incidents VALUES (?, 'i1', NULL)", [doc])
        if int(doc[1:]) < 12:
            con.execute("INSERT INTO merge_documents VALUES (?, ?)", [doc, day])
            con.execute("INSERT INTO merge_reports VALUES (?, 'i1', ?)", [doc, f"s{doc}"])
    new = {doc for doc in days if int(doc[1:]) >= 12}

    def index(rows: list[tuple[str, str, date | None]]) -> NameIndex:
        by_name: dict[str, dict[str, date | None]] = {}
        for doc, name, day in rows:
            by_name.setdefault(name, {})[doc] = day
        return NameIndex.of_days(by_name)

    old, current = index(before), index(now)
    wanted = {f"s{doc}" for doc, name, day in before
              if old.distinctive(name, day) != current.distinctive(name, day)}
    assert reindexed_segments(con, new) == wanted


# Issue 10: incident tolls from the incident records alone (RAND killed, no figure fallback).
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a sentence naming victims without a number joins the event told before it
        ("Rockets were fired at the governor's compound in Kandahar. One struck the gate, killing "
         "a guard.", 1),
        ("Gunmen stopped two lorry drivers on the road from Kirkuk to Tikrit. Both lorry drivers "
         "were killed in the attack near Tikrit.", 2),
        # the victims' fate told on another day, in another place
        ("Three engineers were abducted by gunmen in Herat. The bodies of the engineers were found "
         "on 4 May 2006 in Farah Province.", 3),
        # the fate of victims told before: found dead, heads found, kidnapped ... and later shot,
        # died in hospital; one of their bodies is one
        ("Gunmen seized four teachers near Kunduz. They were later found dead beside a canal.", 4),
        ("Five pilgrims were abducted from a bus near Samarra. Their severed heads were found a "
         "week later.", 5),
        ("Three farmers were abducted from their fields by armed men and later shot dead.", 3),
        ("A mine struck a car in Yala. The three men were hurt and taken to a clinic, where they "
         "died.", 3),
        ("Six drivers were kidnapped in Baiji. One of the drivers' bodies was found on the next "
         "day.", 1),
        # dead added by later sentences: wounded who died, "also killed", "others died later";
        # not the dead counted already, nor a named person when nobody was told wounded
        ("A bomb hit the convoy of Mayor Karim Daud in Hilla, killing two of his guards and "
         "wounding Daud and a driver. It was later reported that Daud died of his wounds.", 3),
        ("Two farmers were killed when a mine exploded near Gardez. A third farmer was also "
         "killed.", 3),
        ("Three pilgrims were killed in the blast in Kufa and two others died later of their "
         "injuries.", 5),
        ("A car bomb killed twenty people in Hilla. Most of those killed were shoppers, and four "
         "policemen were also killed.", 20),
        ("Four soldiers died in an ambush near Kirkuk. Private Ali Salem was killed at once and "
         "Sergeant Omar Hadi died of his wounds later.", 4),
        # a span up to the report's day, carried from another sentence, dates no toll
        ("A bomb went off outside the courthouse in Split. The group has threatened the city "
         "since March. One guard was killed and six were hurt.", 1),
        ("The governor survived an attack for the second time in nine days, when a car bomb "
         "exploded beside his convoy in Kandahar, killing eleven people.", 11),
        # two to four devices or attacks told with their toll at one place: one attack; a
        # series' label counts no attacks
        ("Two blasts near the bus station in Kirkuk left four people dead and ten hurt.", 4),
        ("Six people were killed and 40 wounded in three bomb attacks on a wedding in Hilla.", 6),
        ("(Two of three attacks) A bomb exploded in a market in Yala, killing three people.", 3),
        # attackers who blew themselves up and killed nobody else are the toll (RAND's count)
        ("A suicide bomber blew himself up beside the town hall in Batman. No one else was "
         "hurt.", 1),
        ("A bomber drove his truck into a depot in Baiji, killing himself and setting the depot "
         "alight.", 1),
        ("Three men building a bomb in a flat in Izmir blew themselves up by mistake.", 3),
        ("A suicide bomber blew himself up at a checkpoint in Hit, killing four policemen.", 4),
        # persons counted and told dead in words no figure reads
        ("On 3 May 2006 two farmers, Ali Hamid and Omar Saleh, were shot dead by gunmen near "
         "Baquba.", 2),
        ("Gunmen stormed a checkpoint in Jowhar. The raid resulted in six soldiers dead.", 6),
        ("A rebel group claimed the fatal stabbing of three settlers near Hebron.", 3),
        ("A mine exploded on a road in Diyala. The blast caused the martyrdom of four people.", 4),
        # the attackers' own dead are the toll only when no victim is told killed
        ("Gunmen ambushed two judges outside Tikrit. One judge was killed. Three of the "
         "attackers were killed by a passing patrol.", 1),
        ("Militants raided a farm near Jenin. One of the attackers was killed and a farmer was "
         "shot and killed.", 1),
        ("Gunmen attacked a checkpoint near Hit. Guards fired back, and two of the gunmen were "
         "killed.", 2),
        # persons of a named body listed with others; the whole the dead were taken from
        ("A bomb killed three members of the Badr Brigade and two Sunni clerics near Baiji.", 5),
        ("Gunmen stopped a minibus near Cucuta and shot dead nine of the twelve passengers.", 9),
        # a number the words around it tell hurt, or a size, is no killed toll
        ("A car bomb exploded in Hilla, killing more than forty people and injuring at least 210 "
         "others.", 41),
        ("Four people were killed outright, including the driver, and another thirty-two were "
         "wounded.", 4),
        ("Gunmen boarded a forty-two-foot yacht off Cartagena and killed two of its crew.", 2),
        # a couple is two; a name with a particle; the persons a lexicon word names
        ("An elderly couple was killed in an attack on their farm near Nablus.", 2),
        ("Gunmen killed a married couple outside their shop in Mosul.", 2),
        ("Gunmen assassinated Khalid Mahmud al-Janabi outside his home in Hilla.", 1),
        ("A grenade went off in a car in Lima, killing the handler of the device.", 1),
        # a sentence telling some of the victims told before, placed abroad, is the same event
        ("Rebels abducted four Danish engineers near Huambo. The rebels killed one of the "
         "hostages before sending an envoy to Copenhagen.", 1),
        # "along with"
        ("A judge was shot and killed in Basra along with his driver and another guard.", 3),
        ("The mayor of Tikrit was killed, along with his son.", 2),
    ],
    ids=["killing a guard", "both drivers elsewhere", "bodies found another day",
         "found dead", "severed heads", "abducted from ... and later shot", "where they died",
         "one of the bodies", "wounded named person died", "also killed", "others died later",
         "also killed among those killed", "died of wounds without wounded", "since a month",
         "in nine days", "two blasts", "three bomb attacks", "series label", "bomber alone",
         "killing himself and setting", "blew themselves up", "bomber not counted",
         "names between", "resulted in ... dead", "fatal stabbing of", "martyrdom of",
         "attackers' dead apart", "one of the attackers", "only attackers died",
         "members of a named body and", "nine of the twelve",
         "injuring at least", "another were wounded", "a size", "couple was killed",
         "killed a couple", "name with al-", "handler",
         "one of the hostages abroad", "along with two",
         "along with after a comma"],
)
def test_incidents_issue10_tolls(text: str, killed: int) -> None:
    found = _incidents(text, date(2006, 4, 20))
    assert found and found[0].killed is not None and found[0].killed.low == killed, found
