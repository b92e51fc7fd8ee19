"""Periods of figures in kinds of reports the rules were not written on (issue 9): incident tolls
without a time phrase, months used as modifiers, documents without a publication date, weekly,
quarterly and annual counts, comparisons with an earlier period.

Every sentence here was written for these tests in the style of news reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import figure_numbered, period_days
from newsledger.model import Extraction

# (text, published or None, number, (period_start, period_end))
PERIODS = [
    # an incident's toll without a time phrase takes the incident's day, not the day of what
    # a later sentence counts (arrests the next day)
    (
        "Gunmen stormed a village in Kaduna state on Saturday night, residents said.\n\n"
        "Twenty-three people were killed and 14 others were wounded. Police said 9 suspects were "
        "arrested on Sunday.\n",
        "2024-03-11",
        "Twenty-three",
        ("2024-03-09", "2024-03-09"),
    ),
    (
        "Gunmen attacked a bus near the shrine on Sunday evening. Nine pilgrims were killed and "
        "33 injured. On Tuesday, police detained 2 suspects.\n",
        "2024-06-11",
        "33",
        ("2024-06-09", "2024-06-09"),
    ),
    (
        "Gunmen attacked a bus near the shrine on Sunday evening. Nine pilgrims were killed and "
        "33 injured. On Tuesday, police detained 2 suspects.\n",
        "2024-06-11",
        "2",
        ("2024-06-11", "2024-06-11"),
    ),
    # a month used as a modifier is a time phrase, "March" and "May" too
    (
        "The March toll of 412 civilian deaths was the highest this year, the mission said.\n",
        "2024-04-10",
        "412",
        ("2024-03-01", "2024-03-31"),
    ),
    (
        "The March toll of 412 civilian deaths was the highest this year, the mission said. It "
        "recorded 88 abductions in the same month.\n",
        "2024-04-10",
        "88",
        ("2024-03-01", "2024-03-31"),
    ),
    (
        "Its May report put the number of displaced at 6,300.\n",
        "2024-06-20",
        "6,300",
        ("2024-05-01", "2024-05-31"),
    ),
    # no publication date: a rolling period stays unknown rather than take a period some earlier
    # sentence named
    (
        "The outbreak in 2005-2006 was contained. Doctors said nine deaths over the last week in "
        "the province were unexplained.\n",
        None,
        "nine",
        (None, None),
    ),
    (  # nor an open-ended one ("since ..." with nothing to end it)
        "Since the war began on 24 February 2022, 612 children have been killed. In the past "
        "week alone, five children were killed in Sumy region.\n",
        None,
        "five",
        (None, None),
    ),
    # a count of the same period a year (a month) before the one just told
    (
        "In the first quarter of 2024, 1,200 people were abducted in the region, compared with "
        "890 in the same period last year.\n",
        "2024-04-20",
        "890",
        ("2023-01-01", "2023-03-31"),
    ),
    (
        "The agency said 4,500 refugees returned home in 2022, up from 1,900 a year earlier.\n",
        "2023-01-10",
        "1,900",
        ("2021-01-01", "2021-12-31"),
    ),
    (
        "Militias killed 64 civilians in August, against 41 the previous month.\n",
        "2023-09-04",
        "41",
        ("2023-07-01", "2023-07-31"),
    ),
    # "N days later" counts from the day told before, with or without a publication date
    (
        "On 14 February 2021, armed men abducted 27 students from a school. Three days later, "
        "42 hostages were freed by soldiers.\n",
        None,
        "42",
        ("2021-02-17", "2021-02-17"),
    ),
    # a cumulative count since the start of a war dated in passing runs to publication
    (
        "Since the start of the war in February 2022, at least 10,700 civilians have been killed, "
        "the mission said.\n",
        "2024-03-05",
        "at least 10,700",
        ("2022-02-01", "2024-03-05"),
    ),
    # ... but in a sentence without figures it is background, not the incident's period
    (
        "Gunmen killed 12 pilgrims near the shrine on Sunday, police said.\n\nThe region has been "
        "hit by violence since the start of an insurgency in 1989.\n\n\"They fired at the bus,\" a "
        "witness said, adding that 40 people were injured.\n",
        "2024-06-10",
        "40",
        ("2024-06-09", "2024-06-09"),
    ),
    # a 'since' after a superlative compares; it is not the figure's period
    (
        "The mission verified that 174 civilians were killed and 690 injured in June, the highest "
        "monthly toll since June 2023.\n",
        "2024-07-10",
        "174",
        ("2024-06-01", "2024-06-30"),
    ),
    # a colon after "report" opens the report's sentence, not a statement date
    (
        "Monthly report: In March, the monitor documented 52 attacks on health facilities.\n",
        "2023-04-22",
        "52",
        ("2023-03-01", "2023-03-31"),
    ),
    # "disclosed this on Thursday" dates the statement; a count "in one week" takes the week the
    # briefing states
    (
        "The defence headquarters says troops neutralised 43 terrorists and arrested 107 others in "
        "one week. The spokesman disclosed this on Thursday while giving an update on operations "
        "between May 18 and May 25.\n",
        "2023-05-26",
        "107",
        ("2023-05-18", "2023-05-25"),
    ),
    (
        "More than 21,000 people have fled the city in almost two weeks, the agency said.\n\n"
        "Most of those who fled between June 3 and 15 went south.\n",
        "2024-06-18",
        "More than 21,000",
        ("2024-06-03", "2024-06-15"),
    ),
    # "over the weekend": the Saturday and Sunday before publication
    (
        "Armed gangs stormed the central prison over the weekend, freeing more than 3,700 "
        "inmates, officials said.\n",
        "2024-03-04",
        "more than 3,700",
        ("2024-03-02", "2024-03-03"),
    ),
    # a stock "by the end of" a month is counted on its last day
    (
        "Some 9,300 detainees were held in the camps by the end of June, the agency said.\n",
        "2023-07-20",
        "Some 9,300",
        ("2023-06-30", "2023-06-30"),
    ),
    # a part of those still held is counted as of publication too
    (
        "Police said 1,120 people were arrested and 640 are still in detention. Among the still "
        "detained persons, 215 were given prison sentences.\n",
        "2023-07-13",
        "215",
        ("2023-07-13", "2023-07-13"),
    ),
    # a time phrase of a comparison's number is not the period of the figure after it
    (
        "In December, the militants carried out 44 attacks, up from 30 in November, and killed "
        "96 people.\n",
        "2024-01-02",
        "96",
        ("2023-12-01", "2023-12-31"),
    ),
    (
        "In December, the militants carried out 44 attacks, up from 30 in November, and killed "
        "96 people.\n",
        "2024-01-02",
        "30",
        ("2023-11-01", "2023-11-30"),
    ),
    # a year opening the sentence after "Over", or modifying a toll
    (
        "Over 2023, the monitor documented 1,300 attacks on civilians, compared with 980 the "
        "year before.\n",
        "2023-12-20",
        "980",
        ("2022-01-01", "2022-12-31"),
    ),
    (
        "The 2023 toll of 1,100 deaths was the lowest in a decade.\n",
        "2024-04-30",
        "1,100",
        ("2023-01-01", "2023-12-31"),
    ),
    # two days joined by "and" are one range
    (
        "Security forces killed 17 militants in raids on Wednesday and Thursday, the army said.\n",
        "2024-01-12",
        "17",
        ("2024-01-10", "2024-01-11"),
    ),
    # "during the previous quarter": the quarter before the report's
    (
        "Between 1 April and 30 June, the mission documented 1,200 killings by gangs. During the "
        "previous quarter, 1,660 people were killed.\n",
        "2024-07-05",
        "1,660",
        ("2024-01-01", "2024-03-31"),
    ),
    # page furniture ("Published: 26 Aug 2024") and the dateline date no incident's day
    (
        "Gunmen kill 40 in village attack\n\nPublished: 26 Aug 2024 10:15\n\nGunmen killed 40 "
        "people in an attack on the village on Saturday, officials said. More than 150 people "
        "were wounded, a local source said.\n",
        "2024-08-26",
        "More than 150",
        ("2024-08-24", "2024-08-24"),
    ),
    (
        "PORT-AU-PRINCE, March 3 (Reuters) - Armed gangs stormed the main prison on Saturday "
        "night, officials said on Sunday. At least 12 people were killed during the breakout.\n\n"
        "Only 98 prisoners remained in the prison on Sunday, a journalist said.\n",
        "2024-03-04",
        "At least 12",
        ("2024-03-02", "2024-03-02"),
    ),
    # "more than" is no comparison: the "since" before it dates the figures after it
    (
        "The country has been battling an insurgency since 2015 that has killed more than 20,000 "
        "people and displaced over two million.\n",
        "2024-08-26",
        "over two million",
        ("2015-01-01", "2024-08-26"),
    ),
    # a toll updated later is of its attack's week when the story names only the week
    (
        "The death toll from last week's bombing rose to 41 on Monday, officials said.\n",
        "2024-04-02",
        "41",
        ("2024-03-25", "2024-03-31"),
    ),
    # no publication date: the incident's day stays unknown, stated years are kept
    (
        "Gunmen killed 12 villagers on Sunday. Police said 5 others were wounded. In 2019, a "
        "similar attack killed 30 people.\n",
        None,
        "5",
        (None, None),
    ),
    (
        "Gunmen killed 12 villagers on Sunday. Police said 5 others were wounded. In 2019, a "
        "similar attack killed 30 people.\n",
        None,
        "30",
        ("2019-01-01", "2019-12-31"),
    ),
    # "the previous week (month, year)" is the one before the report's, not before publication
    (
        "The military said troops killed 23 terrorists last week. The previous week, 18 "
        "terrorists were killed.\n",
        "2024-09-02",
        "18",
        ("2024-08-19", "2024-08-25"),
    ),
    (
        "In March, 61 people were killed in the province. The previous month, 40 people were "
        "killed.\n",
        "2024-04-02",
        "40",
        ("2024-02-01", "2024-02-29"),
    ),
    # ... but a comparison with the previous quarter dates nothing
    (
        "In the third quarter, the mission recorded 1,223 people killed. Some 1,100 were "
        "injured, an increase compared with the previous quarter.\n",
        "2024-10-15",
        "Some 1,100",
        ("2024-07-01", "2024-09-30"),
    ),
    # "in one week" with no stated range: the week up to publication; "said this on Thursday"
    # dates the statement, not the figures
    (
        "ABUJA - The Defence Headquarters says troops neutralised 156 terrorists in one week.\n\n"
        "The spokesman said this on Thursday in Abuja while briefing reporters.\n",
        "2024-06-14",
        "156",
        ("2024-06-07", "2024-06-14"),
    ),
    # "this year ... so far": up to publication
    (
        "This year, 300 people have died in such attacks so far, the monitor said.\n",
        "2024-04-30",
        "300",
        ("2024-01-01", "2024-04-30"),
    ),
    # the figure's own time is an offset from a dated event named after it
    (
        "Eight people were killed in the attack, which came two weeks after a bombing on 5 "
        "March.\n",
        "2024-03-21",
        "Eight",
        ("2024-03-19", "2024-03-19"),
    ),
    # issue 9 (session 30): dates that name another thing; incidents told over a long paragraph
    # a date between a determiner and its noun names that thing ("the June 9 vote"), not the
    # day of the figure when the sentence dates its event elsewhere
    (
        "On June 7, 2021, soldiers detained 14 activists and 3 reporters ahead of the June 9 "
        "vote in the eastern town of Mbale.",
        None,
        "3",
        ("2021-06-07", "2021-06-07"),
    ),
    (
        "Police arrested 40 people on Monday before the Thursday rally in the capital.",
        "2023-05-12",
        "40",
        ("2023-05-08", "2023-05-08"),
    ),
    # ... but a date naming the attack itself still dates its toll
    (
        "On Friday a court convicted a man of killing 6 people in the March 3, 2019, bombing.",
        "2022-01-10",
        "6",
        ("2019-03-03", "2019-03-03"),
    ),
    # one paragraph tells one incident: its day, told at the start, dates a toll told four
    # sentences later
    (
        "On 4 March 2019, armed herders attacked farmers near the village of Kodo. The herders "
        "burned the granaries and drove off the cattle. The farmers fought back with bows. "
        "Soldiers arrived in the evening but the herders had already left. At least 27 people "
        "were killed in the raid.",
        None,
        "At least 27",
        ("2019-03-04", "2019-03-04"),
    ),
    # issue 9: a count compared with the period before the one told ("the previous three
    # months", "the previous week, when ..."), or with the same period of an earlier year
    (
        "Fighting killed 640 people between April and June, up from 512 in the previous three "
        "months, the mission said.",
        "2025-07-20",
        "512",
        ("2025-01-01", "2025-03-31"),
    ),
    (
        "Troops arrested 75 suspects in the week to Sunday. Compared with the previous week, "
        "when the army reported 60 arrests, the number rose.",
        "2025-03-12",
        "60",
        ("2025-02-24", "2025-03-02"),
    ),
    (
        "Floods displaced 8,100 people in the first half of 2025, against about 5,000 in the same "
        "period of 2024, the agency said.",
        "2025-09-01",
        "about 5,000",
        ("2024-01-01", "2024-06-30"),
    ),
    # ... a time phrase hanging in the parse on a statement or on a verb of telling dates the
    # telling, not the count, nor the day "since the attack" counts from
    (
        "Gunmen attacked the village of Kono on Saturday. In a statement read on state radio on "
        "Monday night, the government put the toll at 38 dead.",
        "2025-06-17",
        "38",
        ("2025-06-14", "2025-06-14"),
    ),
    (
        "The toll from Saturday's raid on the village has risen to 45, the mayor told a local "
        "radio station on Tuesday. He said 900 residents had fled since the attack.",
        "2025-06-17",
        "900",
        ("2025-06-14", "2025-06-17"),
    ),
    # ... but one before the verb of telling stays the count's, wherever the parse hangs it
    (
        "Three soldiers and five militants were killed in a clash in the hills of Sulu, on "
        "Wednesday, the army said.",
        "2025-04-24",
        "Three",
        ("2025-04-23", "2025-04-23"),
    ),
    # ... a count dated "as of the end of" a month is of its last day, whatever it counts
    (
        "As of the end of March, 41,000 people were sheltering in schools, the agency said.",
        "2025-04-10",
        "41,000",
        ("2025-03-31", "2025-03-31"),
    ),
    # a compared count's own time phrase after a reporting clause dates that count, not the
    # telling (periods32, issue 9)
    (
        "Militias abducted 96 people in March, the monitor said on Thursday, up from 71 in "
        "February.",
        "2025-04-04",
        "71",
        ("2025-02-01", "2025-02-28"),
    ),
    (
        "Some 2,300 civilians were killed this year, the agency said in a report released on "
        "Monday, compared with 1,850 in the whole of 2024.",
        "2025-10-20",
        "1,850",
        ("2024-01-01", "2024-12-31"),
    ),
    (
        "Police arrested 48 suspects in July, against 30 in all of June, officials said.",
        "2025-08-05",
        "30",
        ("2025-06-01", "2025-06-30"),
    ),
    # a count told in the simple past "this year" runs to the day of the report
    (
        "Troops killed 57 insurgents in the north this year, the defence minister said.",
        "2025-12-19",
        "57",
        ("2025-01-01", "2025-12-19"),
    ),
    # "N days/weeks after" an event the story told before: N days after its day...
    (
        "Rebels shelled the camp on 3 May 2025, killing 12 people.\n\n"
        "Two weeks after the shelling, troops arrested 19 suspects in the nearby town.",
        "2025-06-02",
        "19",
        ("2025-05-17", "2025-05-17"),
    ),
    # ... and a count inside that event's noun is of the earlier day
    (
        "Drones hit a fuel depot in the port overnight, injuring five workers.\n"
        "The strike came three days after a raid on a rail yard that killed 8 people.",
        "2025-03-14",
        "8",
        ("2025-03-11", "2025-03-11"),
    ),
    # "the same period" of another year is the period of the count its sentence told before it,
    # not a longer one a sentence before told ("this year")
    (
        "Gunmen killed 12 people in a village over the weekend, police said on Monday.\n"
        "At least 2,100 people have been killed in the region this year, the mission said.\n"
        "Armed groups abducted 640 people between January and August, up from 410 in the same "
        "period of 2024, it said.",
        "2025-10-06",
        "410",
        ("2024-01-01", "2024-08-31"),
    ),
    # a day on a noun whose relative clause counts its own ("a strike on 9 March that killed
    # four") is that count's, not the day of a monthly count told before it
    (
        "In March, the mission documented 63 civilian deaths in the province.\n"
        "In the capital alone, 22 civilians were killed and 40 injured, many of them in a "
        "bombing of a bus station on 9 March that killed four people.",
        "2025-04-08",
        "22",
        ("2025-03-01", "2025-03-31"),
    ),
    (
        "In March, the mission documented 63 civilian deaths in the province.\n"
        "In the capital alone, 22 civilians were killed and 40 injured, many of them in a "
        "bombing of a bus station on 9 March that killed four people.",
        "2025-04-08",
        "four",
        ("2025-03-09", "2025-03-09"),
    ),
    # a stock compared with "a month (year) earlier": the stock its sentence told before it,
    # moved back; a month's last day stays a month's last day
    (
        "The authorities held 2,040 detainees at the end of June, the monitor said on Friday, "
        "up from 1,985 a month earlier.",
        "2025-07-04",
        "1,985",
        ("2025-05-31", "2025-05-31"),
    ),
    # ... and a stock told without a day of its own is of the publication day
    (
        "Officials said some 300 fighters were still active in the hills, down from 450 a year "
        "earlier.",
        "2025-11-12",
        "450",
        ("2024-11-12", "2024-11-12"),
    ),
    # without a publication date, a count with a time phrase of its own the report cannot place
    # ("in June", "Overnight", "in the week to Friday") keeps no period, not another count's day
    (
        "On 2 July 2025, gunmen attacked a market in the district, killing 14 traders.\n"
        "In June, 33 security incidents were recorded in the district.",
        None,
        "33",
        (None, None),
    ),
    (
        "On 2 July 2025, gunmen attacked a market in the district, killing 14 traders.\n"
        "Overnight, two guards were killed at a checkpoint on the main road.",
        None,
        "two",
        (None, None),
    ),
    (
        "Between 1 and 20 July 2025, 52,000 people were displaced in the province.\n"
        "In the week to Friday alone, 9,800 people arrived in the camps around the town.",
        None,
        "9,800",
        (None, None),
    ),
    (
        "On 2 July 2025, gunmen attacked a market in the district, killing 14 traders.\n"
        "Since the start of the month, 5,400 people have fled to the district capital.",
        None,
        "5,400",
        (None, None),
    ),
    # ... but a week told without a date still takes the report's stated week
    (
        "Weekly update, 7-13 July 2025\n"
        "Over the past week, 640 people were displaced by floods and fighting in the district.",
        None,
        "640",
        ("2025-07-07", "2025-07-13"),
    ),
    # ... not one of the paragraph before, told further back
    (
        "On 4 March 2019, armed herders attacked farmers near the village of Kodo. The herders "
        "burned the granaries. The farmers fought back. Soldiers arrived in the evening.\n\n"
        "Aid groups later described the region. The drought has lasted years. Markets are empty. "
        "Eleven people were killed in a separate dispute over water.",
        None,
        "Eleven",
        (None, None),
    ),
]


@pytest.mark.parametrize(("text", "published", "number", "period"), PERIODS)
def test_period_of_figure_in_report(
    extract_text: Callable[..., Extraction],
    text: str,
    published: str | None,
    number: str,
    period: tuple[str | None, str | None],
) -> None:
    pub = date.fromisoformat(published) if published else None
    figure = figure_numbered(extract_text(text, published=pub), number)
    assert (figure.period_start, figure.period_end) == period_days(period)
