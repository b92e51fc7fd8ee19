"""Time phrases and the periods they resolve to (rules in newsledger.extract.time.periods)."""

from __future__ import annotations

import importlib
from datetime import date, datetime

import pytest

from conftest import only_figure_numbered
from newsledger.errors import LexiconError
from newsledger.extract.time import TimeMention, find_times, time_words
from newsledger.extract.time.periods import resolve_time
from newsledger.extract.time.time_resolvers import KINDS

periods = importlib.import_module("newsledger.extract.time.periods")

D = date.fromisoformat

# (phrase, published, period_start, period_end, kind); the phrase is also the whole mention.
ABSOLUTE = [
    ("from January to June 2024", "2024-01-01", "2024-06-30", "range"),
    ("in the first half of 2024", "2024-01-01", "2024-06-30", "half"),
    ("the second half of 2023", "2023-07-01", "2023-12-31", "half"),
    ("in 2019", "2019-01-01", "2019-12-31", "year"),
    ("in the whole of 2025", "2025-01-01", "2025-12-31", "year"),
    ("for all of March 2024", "2024-03-01", "2024-03-31", "month"),
    ("in 2019 alone", "2019-01-01", "2019-12-31", "year"),
    ("in the year 2015", "2015-01-01", "2015-12-31", "year"),
    ("in June 2020", "2020-06-01", "2020-06-30", "month"),
    ("during October 2023", "2023-10-01", "2023-10-31", "month"),
    ("during February 2024", "2024-02-01", "2024-02-29", "month"),
    ("on Thursday, June 22, 2023", "2023-06-22", "2023-06-22", "day"),
    ("on Jan. 29, 2022", "2022-01-29", "2022-01-29", "day"),
    ("on Sept. 3, 2021", "2021-09-03", "2021-09-03", "day"),
    ("22 June 2023", "2023-06-22", "2023-06-22", "day"),
    ("on 2023-06-22", "2023-06-22", "2023-06-22", "day"),
    ("January-March 2024", "2024-01-01", "2024-03-31", "range"),
    ("from January through March 2024", "2024-01-01", "2024-03-31", "range"),
    ("from November to February 2024", "2023-11-01", "2024-02-29", "range"),
    ("from November 2023 to February 2024", "2023-11-01", "2024-02-29", "range"),
    ("in the first quarter of 2020", "2020-01-01", "2020-03-31", "quarter"),
    ("the fourth quarter of 2022", "2022-10-01", "2022-12-31", "quarter"),
    ("in the first six months of 2017", "2017-01-01", "2017-06-30", "half"),
    ("the first ten months of 2023", "2023-01-01", "2023-10-31", "range"),
    ("the last three months of 2023", "2023-10-01", "2023-12-31", "quarter"),
    ("H1 2024", "2024-01-01", "2024-06-30", "half"),
    ("Q1 2024", "2024-01-01", "2024-03-31", "quarter"),
    ("Q3 of 2021", "2021-07-01", "2021-09-30", "quarter"),
    ("in 2023-24", "2023-01-01", "2024-12-31", "range"),
    ("between 2019 and 2021", "2019-01-01", "2021-12-31", "range"),
    ("from 2015 to 2017", "2015-01-01", "2017-12-31", "range"),
    ("in the 1990s", "1990-01-01", "1999-12-31", "range"),
    ("in late 2023", "2023-09-01", "2023-12-31", "year"),
    ("in early 2021", "2021-01-01", "2021-04-30", "year"),
    ("mid-2022", "2022-05-01", "2022-08-31", "year"),
    ("at the end of 2014", "2014-09-01", "2014-12-31", "year"),
    # ... but a count reached "by the end of" a year or month is that whole year's or month's
    ("by the end of 2014", "2014-01-01", "2014-12-31", "year"),
    ("By the end of 1988", "1988-01-01", "1988-12-31", "year"),
    ("by the end of March 2023", "2023-03-01", "2023-03-31", "month"),
    ("in mid-April 2022", "2022-04-11", "2022-04-20", "month"),
    ("in late February 2023", "2023-02-21", "2023-02-28", "month"),
    ("June 1-15, 2024", "2024-06-01", "2024-06-15", "range"),
    ("from 3 to 10 March 2023", "2023-03-03", "2023-03-10", "range"),
    ("from March 28 to April 2, 2022", "2022-03-28", "2022-04-02", "range"),
    ("from May 2021 to June 3, 2023", "2021-05-01", "2023-06-03", "range"),
    ("between October 2022 and January 9, 2024", "2022-10-01", "2024-01-09", "range"),
    ("before 2020", None, "2019-12-31", "range"),
    ("until March 2024", None, "2024-03-31", "range"),
    ("after June 2023", "2023-07-01", None, "range"),
    # days of one month: its weeks counted from its first or last day, its halves
    ("in the first week of August 2023", "2023-08-01", "2023-08-07", "range"),
    ("in the last two weeks of December 2023", "2023-12-18", "2023-12-31", "range"),
    ("during the second half of May 2022", "2022-05-16", "2022-05-31", "range"),
]


@pytest.mark.parametrize("published", [None, "2024-04-05"])
@pytest.mark.parametrize(("phrase", "start", "end", "kind"), ABSOLUTE)
def test_periods_absolute_phrases_resolve_with_or_without_publication(
        phrase: str, start: str | None, end: str | None, kind: str, published: str | None) -> None:
    mentions = find_times(phrase, D(published) if published else None)
    assert [m.text for m in mentions] == [phrase]
    got = mentions[0]
    assert (got.period_start, got.period_end, got.kind) == (
        D(start) if start else None, D(end) if end else None, kind)


RELATIVE = [
    # weekdays: the most recent one on or before publication (2024-07-10 is a Wednesday)
    ("on Wednesday", "2024-07-10", "2024-07-10", "2024-07-10", "day"),
    ("on Monday", "2024-07-10", "2024-07-08", "2024-07-08", "day"),
    # a 'since' day without its year is one before publication, even a few weeks later in the year
    ("since April 15", "2024-03-15", "2023-04-15", "2024-03-15", "range"),
    ("since March 1", "2024-03-15", "2024-03-01", "2024-03-15", "range"),
    ("Wednesday", "2024-07-12", "2024-07-10", "2024-07-10", "day"),
    ("on Thursday", "2023-06-23", "2023-06-22", "2023-06-22", "day"),
    ("Wednesday night", "2024-07-11", "2024-07-10", "2024-07-10", "day"),
    ("last Wednesday", "2024-07-10", "2024-07-03", "2024-07-03", "day"),
    ("next Monday", "2024-07-10", "2024-07-15", "2024-07-15", "day"),
    # the weekend: the latest Saturday and Sunday begun by publication (2024-07-13 a Saturday)
    ("over the weekend", "2024-07-10", "2024-07-06", "2024-07-07", "range"),
    ("at the weekend", "2024-07-13", "2024-07-13", "2024-07-13", "range"),
    ("last weekend", "2024-07-14", "2024-07-06", "2024-07-07", "range"),
    # two days joined by "and": one range
    ("on Monday and Tuesday", "2024-07-10", "2024-07-08", "2024-07-09", "range"),
    # months without a year: the most recent one not after the publication month
    ("in April", "2024-04-05", "2024-04-01", "2024-04-30", "month"),
    ("in January", "2023-02-14", "2023-01-01", "2023-01-31", "month"),
    ("in October", "2023-02-14", "2022-10-01", "2022-10-31", "month"),
    ("In June", "2024-07-03", "2024-06-01", "2024-06-30", "month"),
    ("in June alone", "2020-07-01", "2020-06-01", "2020-06-30", "month"),
    ("since January", "2024-04-05", "2024-01-01", "2024-04-05", "range"),
    ("in mid-April", "2024-05-02", "2024-04-11", "2024-04-20", "month"),
    ("last December", "2019-04-01", "2018-12-01", "2018-12-31", "month"),
    ("last December", "2019-12-20", "2018-12-01", "2018-12-31", "month"),
    ("from January through March", "2024-04-05", "2024-01-01", "2024-03-31", "range"),
    ("between March and May", "2024-06-10", "2024-03-01", "2024-05-31", "range"),
    ("in the January-June period", "2018-07-15", "2018-01-01", "2018-06-30", "range"),
    ("on June 22", "2023-06-23", "2023-06-22", "2023-06-22", "day"),
    ("on December 28", "2024-01-03", "2023-12-28", "2023-12-28", "day"),
    # calendar weeks, months and years around publication
    ("last month", "2024-04-05", "2024-03-01", "2024-03-31", "month"),
    ("last month", "2024-01-20", "2023-12-01", "2023-12-31", "month"),
    ("earlier this month", "2024-04-18", "2024-04-01", "2024-04-18", "month"),
    # a count "this year" (week, month) runs to the day it is told, whatever its tense (issue 9)
    ("this year", "2022-05-01", "2022-01-01", "2022-05-01", "year"),
    ("this year", "2026-12-29", "2026-01-01", "2026-12-29", "year"),
    ("this month", "2024-04-18", "2024-04-01", "2024-04-18", "month"),
    ("since the start of the month", "2024-04-18", "2024-04-01", "2024-04-18", "range"),
    # "the whole of", "all of": the whole period, as without the words
    ("for all of October", "2024-11-20", "2024-10-01", "2024-10-31", "month"),
    ("last year", "2022-05-01", "2021-01-01", "2021-12-31", "year"),
    ("throughout the year", "2022-12-30", "2022-01-01", "2022-12-31", "year"),
    ("so far this year", "2024-04-05", "2024-01-01", "2024-04-05", "year"),
    ("later this year", "2024-04-05", "2024-04-05", "2024-12-31", "year"),
    ("late last year", "2024-03-01", "2023-09-01", "2023-12-31", "year"),
    ("this week", "2024-07-10", "2024-07-08", "2024-07-10", "week"),
    ("last week", "2024-07-10", "2024-07-01", "2024-07-07", "week"),
    ("in the first half of this year", "2018-07-15", "2018-01-01", "2018-06-30", "half"),
    ("the second quarter of last year", "2024-02-01", "2023-04-01", "2023-06-30", "quarter"),
    ("the first quarter", "2024-02-10", "2024-01-01", "2024-03-31", "quarter"),
    ("the fourth quarter", "2024-02-10", "2023-10-01", "2023-12-31", "quarter"),
    ("the last quarter", "2024-05-10", "2024-01-01", "2024-03-31", "quarter"),
    ("Q4", "2024-04-05", "2023-10-01", "2023-12-31", "quarter"),
    ("the first six months", "2019-08-01", "2019-01-01", "2019-06-30", "half"),
    # rolling periods ending on publication
    ("over the past year", "2022-12-30", "2022-01-01", "2022-12-31", "year"),
    ("over the past year", "2023-06-15", "2022-06-15", "2023-06-15", "year"),
    ("Throughout the past month", "2023-11-05", "2023-10-01", "2023-10-31", "month"),
    ("the past month", "2023-11-20", "2023-10-20", "2023-11-20", "month"),
    ("the past week", "2024-04-05", "2024-03-29", "2024-04-05", "week"),
    ("over the past two weeks", "2017-09-08", "2017-08-25", "2017-09-08", "range"),
    ("in the last 10 days", "2017-09-09", "2017-08-30", "2017-09-09", "range"),
    ("in the past 24 hours", "2024-07-10", "2024-07-09", "2024-07-10", "range"),
    ("over the last 12 months", "2024-07-10", "2023-07-10", "2024-07-10", "range"),
    ("in the past three days", "2024-07-10", "2024-07-07", "2024-07-10", "range"),
    ("three days ago", "2024-07-10", "2024-07-07", "2024-07-07", "day"),
    ("two months ago", "2024-07-10", "2024-05-01", "2024-05-31", "month"),
    ("a year ago", "2024-07-10", "2023-01-01", "2023-12-31", "year"),
    # the publication day and its neighbours
    ("today", "2024-03-02", "2024-03-02", "2024-03-02", "now"),
    ("now", "2024-03-02", "2024-03-02", "2024-03-02", "now"),
    ("currently", "2024-03-02", "2024-03-02", "2024-03-02", "now"),
    ("yesterday", "2024-03-01", "2024-02-29", "2024-02-29", "day"),
    # a night's attack told the next morning: the publication day
    ("overnight", "2024-05-18", "2024-05-18", "2024-05-18", "day"),
    ("since 2014", "2024-04-05", "2014-01-01", "2024-04-05", "range"),
    ("until now", "2024-07-10", None, "2024-07-10", "range"),
    ("in the first week of this month", "2024-07-10", "2024-07-01", "2024-07-07", "range"),
    ("in the last week of June", "2024-07-10", "2024-06-24", "2024-06-30", "range"),
    ("in the third week of last month", "2024-07-10", "2024-06-15", "2024-06-21", "range"),
    # issue 9: a span ending on a weekday, and a weekday of a named week (2024-07-10: Wednesday)
    ("in the week to Sunday", "2024-07-10", "2024-07-01", "2024-07-07", "range"),
    ("in the week ending Friday", "2024-07-10", "2024-06-29", "2024-07-05", "range"),
    ("the three days to Monday", "2024-07-10", "2024-07-06", "2024-07-08", "range"),
    ("on Wednesday last week", "2024-07-10", "2024-07-03", "2024-07-03", "day"),
    ("on Friday last week", "2024-07-10", "2024-07-05", "2024-07-05", "day"),
    ("Monday of this week", "2024-07-10", "2024-07-08", "2024-07-08", "day"),
]


@pytest.mark.parametrize(("phrase", "published", "start", "end", "kind"), RELATIVE)
def test_periods_relative_phrases_resolve_against_publication(
        phrase: str, published: str, start: str | None, end: str | None, kind: str) -> None:
    mentions = find_times(phrase, D(published))
    assert [m.text for m in mentions] == [phrase]
    got = mentions[0]
    assert (got.period_start, got.period_end, got.kind) == (
        D(start) if start else None, D(end) if end else None, kind)


@pytest.mark.parametrize(("phrase", "_published", "_start", "_end", "kind"), RELATIVE)
def test_periods_relative_phrases_stay_open_without_publication(
        phrase: str, _published: str, _start: str, _end: str, kind: str) -> None:
    mentions = find_times(phrase, None)
    assert [m.text for m in mentions] == [phrase]
    assert mentions[0].kind == kind
    assert mentions[0].period_end is None
    if phrase == "since 2014":  # the start of a 'since' period is known without publication
        assert mentions[0].period_start == date(2014, 1, 1)
    else:
        assert mentions[0].period_start is None


@pytest.mark.parametrize("phrase", [
    "recently", "soon", "earlier", "in recent weeks", "one day after", "hours later",
    "in the past few days", "the following day", "the previous year",
])
@pytest.mark.parametrize("published", [None, date(2024, 4, 5)])
def test_periods_vague_phrases_are_relative_without_dates(
        phrase: str, published: date | None) -> None:
    mentions = find_times(phrase, published)
    assert [(m.text, m.kind, m.period_start, m.period_end) for m in mentions] == [
        (phrase, "relative", None, None)]


@pytest.mark.parametrize("text", [
    "It was the second such attack in three days.",
    "Officials marked the tenth anniversary of the campaign.",
    "A 25-year-old man, aged 25, was among the dead.",
    "He was sentenced to 10 years and held for three days.",
    "Protesters march to the ministry and may return.",
    "May God protect them, the imam said.",
    "March to the border, the commander ordered.",
    "Operation June freed 30 hostages.",
    "Fighters of April Storm claimed the attack.",
    "The 2019 attack killed 2,019 people.",
    "A soldier cleans an 81 mm mortar tube. 1 of 2",
    "The Sunday Times and USA Today carried the figure.",
    "Numbers rose by 2000 and then to over 2000.",
    "Leaders of the March 14 Alliance met the 25 January Revolution youth.",
    "A weekend curfew was imposed.",
    "The march toll road may close.",
    "Most were killed in the first half of the month.",
])
def test_periods_non_times_are_not_matched(text: str) -> None:
    assert find_times(text, date(2024, 4, 5)) == []


# A scraped timeline's heading date glued to the words around it is still a day; a month glued
# to a word without its day and year is not read as one.
@pytest.mark.parametrize(("text", "found"), [
    ("Lawyers for the defenceMarch 3, 2019At about noon, a bomb went off.",
     [("March 3, 2019", date(2019, 3, 3), date(2019, 3, 3))]),
    ("The convoy left the depotJune 21, 2020", [("June 21, 2020", date(2020, 6, 21),
                                                 date(2020, 6, 21))]),
    ("The townMay 15 at noon", []),
])
def test_periods_date_glued_to_a_word(text: str, found: list[tuple[str, date, date]]) -> None:
    assert [(m.text, m.period_start, m.period_end) for m in find_times(text, None)] == found


REPORT = (
    "U.S. Central Command said on Wednesday that from January to June 2024 its partners killed 44 "
    "operatives. In Iraq, 30 were killed in the first half of 2024, up from 20 last year. "
    "At the peak there were 70,000 people in the camps in 2019; about 43,000 remain today, "
    "and recently more arrived."
)


def test_periods_offsets_point_at_the_phrases_in_reading_order() -> None:
    mentions = find_times(REPORT, date(2024, 7, 10))
    assert [m.text for m in mentions] == [
        "on Wednesday", "from January to June 2024", "in the first half of 2024", "last year",
        "in 2019", "today", "recently"]
    assert all(REPORT[m.start:m.end] == m.text for m in mentions)
    assert all(m.kind in KINDS for m in mentions)


def test_periods_overlapping_phrases_keep_the_longest() -> None:
    text = "Attacks rose from November 2023 to February 2024, on Thursday, June 22, 2023 too."
    mentions = find_times(text, None)
    assert [m.text for m in mentions] == [
        "from November 2023 to February 2024", "on Thursday, June 22, 2023"]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_periods_phrases_far_apart_in_a_long_text_are_all_found() -> None:
    filler = "The ministry gave no further details about the convoy or its escort. " * 40
    text = f"In June {filler}throughout the past month {filler}on Jan. 29, 2022"
    mentions = find_times(text, date(2022, 2, 3))
    assert [m.text for m in mentions] == [
        "In June", "throughout the past month", "on Jan. 29, 2022"]
    assert [m.period_start for m in mentions] == [
        date(2021, 6, 1), date(2022, 1, 1), date(2022, 1, 29)]


def test_periods_scraped_double_comma_still_reads_the_year() -> None:
    assert resolve_time("on Jan. 29,, 2022", None) == (date(2022, 1, 29), date(2022, 1, 29))


def test_periods_accept_a_datetime_as_publication() -> None:
    assert resolve_time("yesterday", datetime(2024, 3, 1, 18, 30)) == (
        date(2024, 2, 29), date(2024, 2, 29))


def test_resolve_time_takes_the_longest_phrase() -> None:
    assert resolve_time("On Wednesday CENTCOM said that in the first half of 2024", None) == (
        date(2024, 1, 1), date(2024, 6, 30))


def test_resolve_time_without_a_phrase_is_unknown() -> None:
    assert resolve_time("44 operatives were killed", date(2024, 4, 5)) == (None, None)


def test_time_mention_is_a_frozen_record() -> None:
    mention = find_times("in 2019", None)[0]
    assert mention == TimeMention(0, 7, "in 2019", date(2019, 1, 1), date(2019, 12, 31), "year")
    with pytest.raises(AttributeError):
        mention.kind = "day"  # type: ignore[misc]


@pytest.mark.parametrize(("row", "message"), [
    (("fortnight", "unit", "14"), "unknown class 'unit'"),
    (("june", "month", "six"), "needs a whole number"),
])
def test_periods_lexicon_rows_are_checked(
        monkeypatch: pytest.MonkeyPatch, row: tuple[str, str, str], message: str) -> None:
    monkeypatch.setattr(time_words, "read_table", lambda name, columns: (row,))
    with pytest.raises(LexiconError, match=message):
        time_words.load_words()


# --- the period of a figure (rules in newsledger.extract.figures.context) -------------------------

FRIDAY = date(2024, 3, 15)  # publication day of the stories below (a Friday)

# (story we wrote, published, number of the figure, period_start, period_end)
FIGURE_PERIODS = [
    # the year stated in the sentence wins over the day the statement was made
    ("The mission said on Thursday that 61 peacekeepers were killed in 2023.",
     FRIDAY, "61", "2023-01-01", "2023-12-31"),
    ("Sixty-one peacekeepers were killed in 2023, according to a report released on Monday.",
     FRIDAY, "Sixty-one", "2023-01-01", "2023-12-31"),
    # the day in the sentence wins over the dateline's
    ("MOGADISHU, March 14 - Militants killed 12 soldiers at a base in Lower Shabelle on Tuesday.",
     FRIDAY, "12", "2024-03-12", "2024-03-12"),
    ("HERAT, Afghanistan, March 14 (Reuters) - Nine guards were killed on Monday, police said.",
     FRIDAY, "Nine", "2024-03-11", "2024-03-11"),
    # a month compared with does not lend the figure its period
    ("The monitor recorded 45 attacks on schools in February, compared with January.",
     FRIDAY, "45", "2024-02-01", "2024-02-29"),
    ("Forty attacks were recorded in February, up from 31 in January.",
     FRIDAY, "31", "2024-01-01", "2024-01-31"),
    # an incident's toll without a time phrase takes the incident's day, told before or after
    ("Gunmen stormed a village in Zamfara state on Wednesday night.\n\n"
     "Residents said 23 people were killed.", FRIDAY, "23", "2024-03-13", "2024-03-13"),
    ("Twelve people died in the blast.\n\nThe bomb went off at a market on Sunday morning.",
     FRIDAY, "Twelve", "2024-03-10", "2024-03-10"),
    # history told in passing frames nothing after it
    ("Gunmen killed 14 traders in Katsina on Sunday.\n\n"
     "In 2019 a similar raid there left 30 dead.\n\nA local official later said 6 were wounded.",
     FRIDAY, "6", "2024-03-10", "2024-03-10"),
    ("On 3 May 2021 a bomb exploded at a hotel in Mogadishu, killing 4 people.\n\n"
     "In January 2021 the group agreed to a truce with the government.\n\n"
     "The blast also wounded 19 guests.", None, "19", "2021-05-03", "2021-05-03"),
    # ... also when a wiki section heading is glued into a scraped line
    ("On 3 May 2021 a bomb exploded at a hotel in Mogadishu, killing 4 people.==Background==In "
     "January 2021 the group agreed to a truce with the government.==Attack==The blast also "
     "wounded 19 guests.", None, "19", "2021-05-03", "2021-05-03"),
    # without a publication date: stated dates kept, relative ones unresolved
    ("Rebels killed 15 people on June 3, 2022, officials said.", None, "15", "2022-06-03",
     "2022-06-03"),
    ("In 2022, rebels killed 40 soldiers.\n\nOn Friday, rebels killed 15 villagers.", None, "15",
     None, None),
    ("Insurgents killed 20 farmers in June.", None, "20", None, None),
    # a time phrase before the reporting verb dates the telling, not the figure told after it
    ("On Monday the ministry said 40 people had been killed in 2023.", FRIDAY, "40",
     "2023-01-01", "2023-12-31"),
    ("Last week, police said 12 people were arrested on Friday.", FRIDAY, "12", "2024-03-15",
     "2024-03-15"),
    ("Last year the president said 9,000 soldiers had been killed since 2019.", None, "9,000",
     "2019-01-01", None),
    # ... whichever reporting verb of lexicons/attribution.tsv tells it
    ("On Monday the ministry confirmed 40 people had been killed in 2023.", FRIDAY, "40",
     "2023-01-01", "2023-12-31"),
    ("Last week the army disclosed 40 soldiers had been killed in 2023.", FRIDAY, "40",
     "2023-01-01", "2023-12-31"),
    # a rolling period runs back from the day of the statement, whatever verb tells it
    ("Nearly 9,000 people have fled over the past two weeks, the agency confirmed on Thursday.",
     FRIDAY, "Nearly 9,000", "2024-02-29", "2024-03-14"),
    ("About 5,000 people have fled over the past two weeks, the agency added on Thursday.",
     FRIDAY, "About 5,000", "2024-02-29", "2024-03-14"),
    # the day of an estimate is no day of the killings it counts
    ("Gunmen killed 12 villagers in Zamfara, police estimated on Thursday.", FRIDAY, "12", None,
     None),
    # ... and stays the figure's when the sentence names no other time
    ("On Monday, police said 12 people were killed in the attack.", FRIDAY, "12", "2024-03-11",
     "2024-03-11"),
    # an aside on a person's death is no period of the counts after it
    ("The president, who took office in 2019, spoke to reporters.\n\nAbout 60 people have died "
     "in weeks of protests.", FRIDAY, "About 60", None, None),
    ("The junta has arrested 2,600 people since the May 2022 coup.", FRIDAY, "2,600",
     "2022-05-01", "2024-03-15"),
    # the day of the attack the arrests are over is not the arrests' day
    ("On Thursday police arrested 9 people, five women and four men, over Tuesday's bombing.",
     FRIDAY, "four", "2024-03-14", "2024-03-14"),
    # an undated report: a day without its year takes the year of the full date told before it
    ("Nine guards were abducted on 2 August 2018. On 3 August, four of them were freed.", None,
     "four", "2018-08-03", "2018-08-03"),
    ("On 2 December 2021, clashes on 30 November and 2 December killed 23 herders.", None, "23",
     "2021-11-30", "2021-12-02"),
    ("Gunmen killed 5 people on 28 December 2021. On 5 January, 3 more bodies were found.", None,
     "3", "2022-01-05", "2022-01-05"),
    # ... but a weekday stays unresolved
    ("Nine guards were abducted on 2 August 2018.\n\nOn Tuesday, police arrested 4 suspects.",
     None, "4", None, None),
    # a running total told after undated figures frames nothing after it
    ("Gunmen killed 9 guards on Monday.\n\nThe president said 9,000 soldiers had been killed "
     "since 2019.\n\nA bomb later killed 4 policemen.", None, "4", None, None),
]


@pytest.mark.parametrize(("text", "published", "number", "start", "end"), FIGURE_PERIODS)
def test_figure_period_from_its_sentence_or_its_incident(
    extract_text, text: str, published: date | None, number: str, start: str | None,
    end: str | None,
) -> None:
    figure = only_figure_numbered(extract_text(text, published=published), number)
    expected = (D(start) if start else None, D(end) if end else None)
    assert (figure.period_start, figure.period_end) == expected


# "since the <date> <event>": the day of the event opens a period running to publication
EVENT_DAYS = [
    ("Since the March 3, 2022 takeover, 900 people", "Since the March 3, 2022", "2022-03-03"),
    ("since the June 9, 2019 elections, 40 were", "since the June 9, 2019", "2019-06-09"),
    ("in the October 12, 2020 raid, 14 were", "in the October 12, 2020", "2020-10-12"),
    # the month of an event named after 'since the'
    ("since the February 2021 coup, 26,000 were", "since the February 2021", "2021-02-01"),
    ("Since the October 2023 attacks, 300 were", "Since the October 2023", "2023-10-01"),
]


@pytest.mark.parametrize(("text", "phrase", "start"), EVENT_DAYS)
def test_periods_a_dated_event_names_its_day(text: str, phrase: str, start: str) -> None:
    mentions = find_times(text, D("2024-04-05"))
    assert [m.text for m in mentions] == [phrase]
    assert mentions[0].period_start == D(start)
    expected_end = D("2024-04-05") if phrase.lower().startswith("since") else D(start)
    assert mentions[0].period_end == expected_end


# Rules are searched only in windows holding what each match consumes (a digit, one of some
# words): the same phrases as searching every rule everywhere, whatever the case or script.
GATED_TEXTS = [
    "Fighting since the February 1, 2021 coup killed 40 people in the past two weeks.",
    "FROM JANUARY TO JUNE 2024, 300 PEOPLE DIED; LAST WEEKEND 12 MORE.",
    "In Q3 2023 and in the first half of the year, 2,019 were displaced.",
    "Three days later, on Monday night, the toll rose; a year ago it was 12.",
    "The week under review saw 9 attacks, the 12 months to March 2024 saw 80.",
    "Up to the moment, so far this year, shortly before dawn, not long ago.",
    "Over the wee\u212aend 5 people were killed; in the ſame day and the paſt week.",
    "Le 3 mars, à Goma, 14 civils tués – ‘recently’ and “in recent weeks”.",
    "between 1 and 3 June, 4-6 June 2022 and June 1-3, 2022",
    "No time here at all, only 45 people and the Kelvin sign \u212a.",
]


@pytest.mark.parametrize("text", GATED_TEXTS)
@pytest.mark.parametrize("published", [None, date(2024, 3, 5)])
def test_periods_rules_searched_only_where_they_can_match_find_the_same_phrases(
    text: str, published: date | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated = find_times(text, published)
    monkeypatch.setattr(periods._Window, "holds", lambda self, needs: True)
    assert find_times(text, published) == gated
