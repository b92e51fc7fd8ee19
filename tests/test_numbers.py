"""Stated numbers: parse_number, find_quantities, word_to_int (sentences written for the tests)."""

from __future__ import annotations

from importlib import resources
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger import lexicons
from newsledger.errors import LexiconError
from newsledger.extract.numbers import find_quantities, numbers, word_to_int
from newsledger.extract.numbers.numbers import NUMBER_WORDS, parse_number
from newsledger.lexicons import read_table
from newsledger.model import Qualifier

EXACT, APPROX, MORE = Qualifier.EXACT, Qualifier.APPROXIMATE, Qualifier.MORE_THAN
AT_LEAST, AT_MOST, LESS = Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.LESS_THAN
RANGE = Qualifier.RANGE

PARSE_CASES = [
    # plain digits
    ("44", 44, 44, EXACT),
    ("7", 7, 7, EXACT),
    ("0", 0, 0, EXACT),
    ("1,692", 1692, 1692, EXACT),
    ("70,000", 70000, 70000, EXACT),
    ("9,629,601", 9629601, 9629601, EXACT),
    ("1 million", 1_000_000, 1_000_000, EXACT),
    ("1.2 million", 1_200_000, 1_200_000, EXACT),
    ("2.5 million", 2_500_000, 2_500_000, EXACT),
    ("1.27 billion", 1_270_000_000, 1_270_000_000, EXACT),
    ("3 thousand", 3000, 3000, EXACT),
    # number words
    ("eight", 8, 8, EXACT),
    ("Ten", 10, 10, EXACT),
    ("eleven", 11, 11, EXACT),
    ("nineteen", 19, 19, EXACT),
    ("Thirty-three", 33, 33, EXACT),
    ("twenty one", 21, 21, EXACT),
    ("ninety-nine", 99, 99, EXACT),
    ("one hundred and twenty", 120, 120, EXACT),
    ("a hundred", 100, 100, EXACT),
    ("A hundred and fifty", 150, 150, EXACT),
    ("a thousand", 1000, 1000, EXACT),
    ("fifteen hundred", 1500, 1500, EXACT),
    ("twenty-five hundred", 2500, 2500, EXACT),
    ("two thousand five hundred", 2500, 2500, EXACT),
    ("two million", 2_000_000, 2_000_000, EXACT),
    ("one million two hundred thousand", 1_200_000, 1_200_000, EXACT),
    ("half a million", 500_000, 500_000, EXACT),
    ("one", 1, 1, EXACT),
    ("zero", 0, 0, EXACT),
    # dozens are approximate when plain
    ("a dozen", 12, 12, APPROX),
    ("two dozen", 24, 24, APPROX),
    ("half a dozen", 6, 6, APPROX),
    ("nearly a dozen", 12, 12, APPROX),
    ("at least a dozen", 12, None, AT_LEAST),
    # approximate hedges
    ("nearly 1 million", 1_000_000, 1_000_000, APPROX),
    ("almost 700", 700, 700, APPROX),
    ("about 10,000", 10000, 10000, APPROX),
    ("around 30", 30, 30, APPROX),
    ("approximately 2,500", 2500, 2500, APPROX),
    ("some 2,500", 2500, 2500, APPROX),
    ("roughly 400", 400, 400, APPROX),
    ("an estimated 2,500", 2500, 2500, APPROX),
    ("estimated 1,800", 1800, 1800, APPROX),
    ("close to 90", 90, 90, APPROX),
    ("40 or so", 40, 40, APPROX),
    # open bounds
    ("more than 9,000", 9001, None, MORE),
    ("More than 43,000", 43001, None, MORE),
    ("over 10,000", 10001, None, MORE),
    ("just over 200", 201, None, MORE),
    ("in excess of 5,000", 5001, None, MORE),
    ("upwards of 300", 301, None, MORE),
    ("more than 1.5 million", 1_500_001, None, MORE),
    ("At least 26", 26, None, AT_LEAST),
    ("at least one", 1, None, AT_LEAST),
    ("a minimum of 12", 12, None, AT_LEAST),
    ("no fewer than 15", 15, None, AT_LEAST),
    ("10 or more", 10, None, AT_LEAST),
    ("100-plus", 100, None, AT_LEAST),
    ("as many as 40", 0, 40, AT_MOST),
    ("up to 50", 0, 50, AT_MOST),
    ("at most 20", 0, 20, AT_MOST),
    ("no more than 6", 0, 6, AT_MOST),
    ("fewer than 10", 0, 9, LESS),
    ("less than 100", 0, 99, LESS),
    ("under 50", 0, 49, LESS),
    ("below 1,000", 0, 999, LESS),
    # ranges
    ("between 10 and 15", 10, 15, RANGE),
    ("between ten and fifteen", 10, 15, RANGE),
    ("18,000 to 19,000", 18000, 19000, RANGE),
    ("10-15", 10, 15, RANGE),
    ("40 – 50", 40, 50, RANGE),
    ("two to three thousand", 2, 3000, RANGE),
    # scales above a billion read whole, never as their first words (issue 12)
    ("nine hundred ninety-nine quadrillion", 999 * 10**15, 999 * 10**15, EXACT),
    ("two trillion", 2 * 10**12, 2 * 10**12, EXACT),
    ("1.5 trillion", 15 * 10**11, 15 * 10**11, EXACT),
]


@pytest.mark.parametrize(("phrase", "low", "high", "qualifier"), PARSE_CASES)
def test_parse_number_reads_value_and_hedge(
    phrase: str, low: int, high: int | None, qualifier: Qualifier
) -> None:
    quantity = parse_number(phrase)
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)
    assert (quantity.number_text, quantity.start, quantity.end) == (phrase, 0, len(phrase))


def test_parse_number_gives_the_offsets_inside_longer_text() -> None:
    quantity = parse_number("officials said more than 9,000 detainees")
    assert quantity is not None
    assert (quantity.number_text, quantity.start, quantity.end) == ("more than 9,000", 15, 30)


@pytest.mark.parametrize(
    "phrase", ["dozens", "hundreds of", "thousands", "tens of thousands", "several", "a few", "1.5",
               "a policeman", "", "no numbers here"],
)
def test_parse_number_returns_none_without_a_stated_number(phrase: str) -> None:
    assert parse_number(phrase) is None


def test_parse_number_keeps_a_score_as_its_first_number() -> None:
    quantity = parse_number("3-1")
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.number_text) == (3, 3, "3")


@pytest.mark.parametrize(
    ("word", "value"),
    [("eight", 8), ("Thirty-three", 33), ("twenty one", 21), ("a dozen", 12), ("hundred", None),
     ("one hundred and five", 105), ("seventy", 70), ("two three", None), ("8", None),
     ("tenth", None), ("", None), ("dozens", None)],
)
def test_word_to_int(word: str, value: int | None) -> None:
    assert word_to_int(word) == value


KEEP_CASES = [
    ("CENTCOM said 44 ISIS operatives were killed.", [("44", 44, 44, EXACT)]),
    ("The group claimed 153 attacks in the first half of the year.", [("153", 153, 153, EXACT)]),
    ("Troops killed eight senior militant leaders.", [("eight", 8, 8, EXACT)]),
    ("Gunmen abducted ten other villagers near the market.", [("ten", 10, 10, EXACT)]),
    ("Ten more people were abducted on the road to the town.", [("Ten", 10, 10, EXACT)]),
    ("Police said two were killed in the blast.", [("two", 2, 2, EXACT)]),
    ("An estimated 3,100 fighters are at large.", [("An estimated 3,100", 3100, 3100, APPROX)]),
    ("At least 31 people were killed at the checkpoint.", [("At least 31", 31, None, AT_LEAST)]),
    ("Over 12,000 detainees remain in the prisons.", [("Over 12,000", 12001, None, MORE)]),
    ("Some 2,400 children live in the annex of the camp.", [("Some 2,400", 2400, 2400, APPROX)]),
    ("The war displaced nearly 1 million people.", [("nearly 1 million", 10**6, 10**6, APPROX)]),
    ("A dozen people were wounded by shrapnel.", [("A dozen", 12, 12, APPROX)]),
    # dozens written in digits are approximate as "two dozen" is
    ("Police said 2 dozen others were wounded in the blast.", [("2 dozen", 24, 24, APPROX)]),
    ("At least 3 dozen villagers fled the raid.", [("At least 3 dozen", 36, None, AT_LEAST)]),
    ("The raid left between 10 and 15 civilians dead.", [("between 10 and 15", 10, 15, RANGE)]),
    ("Officials counted 26 dead and 90 wounded.", [("26", 26, 26, EXACT), ("90", 90, 90, EXACT)]),
    ("Most of the dead – 211 – were children.", [("211", 211, 211, EXACT)]),
    ("The other 10 operations took place in the north.", [("10", 10, 10, EXACT)]),
    ("Thirty-three of the operations were in the desert.", [("Thirty-three", 33, 33, EXACT)]),
    ("At least one soldier was wounded.", [("At least one", 1, None, AT_LEAST)]),
    ("A 300-strong force entered the valley.", [("300", 300, 300, EXACT)]),
    ("Between 40-60 fighters surrendered.", [("Between 40-60", 40, 60, RANGE)]),
    ("Militants killed 10 to 15 herders.", [("10 to 15", 10, 15, RANGE)]),
    # "between ... to" is a range as "between ... and" is
    ("Raiders killed between 7 to 11 villagers.", [("between 7 to 11", 7, 11, RANGE)]),
    # a day of May after a preposition or before a year is a date; "may" alone is a verb
    ("A wounded guard died on 14 May while in hospital.", []),
    ("On 9 May 2022, 6 herders were shot.", [("6", 6, 6, EXACT)]),
    ("Officials fear 10 may have drowned.", [("10", 10, 10, EXACT)]),
    ("As many as 40 people may have died.", [("As many as 40", 0, 40, AT_MOST)]),
    ("Rescuers fear 12 may still be trapped.", [("12", 12, 12, EXACT)]),
    ("Twelve (12) farmers were buried on Sunday.", [("Twelve", 12, 12, EXACT)]),
    ("The 1,500 displaced families need shelter.", [("1,500", 1500, 1500, EXACT)]),
    ("One hundred and twenty prisoners escaped.", [("One hundred and twenty", 120, 120, EXACT)]),
    ("Fewer than 20 militants remain in the town.", [("Fewer than 20", 0, 19, LESS)]),
    ("Up to 50 gunmen stormed the base.", [("Up to 50", 0, 50, AT_MOST)]),
    ("The army said 1.2 million people had fled.", [("1.2 million", 1_200_000, 1_200_000, EXACT)]),
    ("Half a million people have fled the region.", [("Half a million", 500_000, 500_000, EXACT)]),
    ("In 2019, 10 people were killed in the district.", [("10", 10, 10, EXACT)]),
    ("On Tuesday 7 soldiers died.", [("7", 7, 7, EXACT)]),
    ("Killed: 12. Injured: 34.", [("12", 12, 12, EXACT), ("34", 34, 34, EXACT)]),
    ("The convoy of 40 trucks was stopped.", [("40", 40, 40, EXACT)]),
    ("The toll rose from 87 to 112 overnight.", [("87", 87, 87, EXACT), ("112", 112, 112, EXACT)]),
    # counts a monitor writes in brackets
    ("Since May, a total of (2,140) people were arrested.", [("2,140", 2140, 2140, EXACT)]),
    ("(64) of them remain in custody.", [("64", 64, 64, EXACT)]),
    ("By 30 June 2024, (48) female and (131) male detainees were held.",
     [("48", 48, 48, EXACT), ("131", 131, 131, EXACT)]),
]


@pytest.mark.parametrize(("text", "expected"), KEEP_CASES)
def test_find_quantities_keeps_counts(
    text: str, expected: list[tuple[str, int, int | None, Qualifier]]
) -> None:
    found = [(q.number_text, q.low, q.high, q.qualifier) for q in find_quantities(text)]
    assert found == expected


DROP_CASES = [
    # dates and years
    "The report was issued on March 14, 2024.",
    "The camp was set up in 2017.",
    "Posted 11/04/23 7:15 PM ET",
    "The attack on Feb. 3,, 2021 was claimed later.",
    "Release Number 20231109 - 02",
    "The raid of 12 March was the first.",
    "Fighting between 2014 and 2017 destroyed the city.",
    "The 2014-2017 war displaced the town.",
    "The budget for FY 2025 was cut.",
    "in the 1990s",
    # times
    "The blast happened at about 2 pm.",
    "Bodies were found at 6:45 am on Friday.",
    "Prayers were held at 11:00 am.",
    # ages
    "A 14-year-old boy was released.",
    "A 17 year old girl escaped.",
    "The victim, aged 32, was a teacher.",
    "Most victims were under the age of five.",
    "Aid went to children under five.",
    "Amina Bello, 45, was among the victims.",
    # calibres and measures
    "Soldiers fired a 120 mm mortar.",
    "The gunmen carried AK-47 rifles and an M16.",
    "Artillery fired 155mm shells at the ridge.",
    "The village lies 7 km from the border.",
    "The convoy was 12 kilometres long.",
    "Police seized 3 tons of fertiliser.",
    # money
    "The fund asked for $312.4 million.",
    "The ransom was 5,000 euros.",
    "Each family received 20,000 naira.",
    "nearly $2.1 billion for training",
    # percentages
    "Turnout was 41%.",
    "Women are 55 percent of the residents.",
    "Women are 55 per cent of the residents.",
    "an increase of more than 800 per cent",
    # ordinals
    "It was the fifth anniversary of the attack.",
    "It was the 3rd raid and the 21st arrest.",
    # durations
    "It was the second such attack in four days.",
    "He was held for two weeks.",
    "The siege lasted 10 years.",
    "Talks took six months.",
    "The rebels agreed to a three-day truce.",
    # seats and votes
    "The party won 23 seats.",
    "The 275-seat chamber met.",
    "There were 512,344 spoilt votes.",
    "The bloc gained three more seats.",
    "8,100,000 people out of 20,400,000 eligible voters cast ballots.",
    # gallery markers, phone numbers, counters
    "3 of 7 | Residents inspect the damage.",
    "Call +234 802 555 0199 for help.",
    "Show new comments (0)",
    "Replies (14)",
    "as the report says [12] and [13]",
    # identifiers and names
    "See pic.twitter.com/abc1XyZ2 for the video.",
    "https://example.org/news/2024/55123",
    "The council passed Resolution 2231.",
    "Article 5 was invoked.",
    "F-16 jets and an MQ-9 drone flew over.",
    "Covid-19 slowed the talks.",
    "G7 ministers met.",
    "The UN Security Council adopted resolution 2417.",
    "Brigade 19 moved north.",
    "The 9 Brigade moved north.",
    "Route 1 was closed.",
    "He lives at No. 5.",
    # scores and lists
    "The home side won 3-1.",
    "1. Iraq",
    # bare "one", "a", "an" and vague amounts
    "One of the victims was a nurse.",
    "No one was hurt.",
    "They blamed one another.",
    "At one point the road was closed.",
    "He was elected for a second term.",
    "A policeman was shot.",
    "Dozens of people fled.",
    "Hundreds of families returned.",
    "Tens of thousands were displaced.",
    "Several houses burned.",
    "A few hundred protesters gathered.",
    "Two-thirds of the camp are children.",
    # an age set off by commas after a name, also with "now", "then" or "aged" before it
    "The gunman, Karim Osei, now 31, is held in a federal jail.",
    "Her brother, Samir Dahan, then 17, was detained at the border.",
    "The driver, Lucas Mbeki, aged 45, survived the blast.",
]


@pytest.mark.parametrize("text", DROP_CASES)
def test_find_quantities_drops_non_counts(text: str) -> None:
    assert [q.number_text for q in find_quantities(text)] == []


OFFSET_CASES = [
    (
        "Forces killed 30 operatives in Iraq and 14 in Syria, and detained more than 90.",
        [("30", 14, 16), ("14", 40, 42), ("more than 90", 66, 78)],
    ),
    (
        "Since January 2024, some 2,500 fighters and at least 9,000 detainees remain; "
        "a 15-year-old was freed.",
        [("some 2,500", 20, 30), ("at least 9,000", 44, 58)],
    ),
    (
        "At 8:30 am on June 2, 2023, gunmen killed eight farmers and abducted ten others.",
        [("eight", 42, 47), ("ten", 69, 72)],
    ),
    (
        "Turnout was 44%, and the party won 17 seats; police said 26 people died and 90 were hurt.",
        [("26", 57, 59), ("90", 76, 78)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFSET_CASES)
def test_find_quantities_gives_exact_offsets(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    found = find_quantities(text)
    assert [(q.number_text, q.start, q.end) for q in found] == expected
    assert all(text[q.start:q.end] == q.number_text for q in found)


def _before_hedges() -> list[tuple[str, Qualifier]]:
    rows = read_table("hedges.tsv", 3)
    return [(phrase, Qualifier(q)) for phrase, q, position in rows
            if position == "before" and q != Qualifier.RANGE]


@pytest.mark.parametrize(("hedge", "qualifier"), _before_hedges())
def test_every_hedge_in_the_lexicon_sets_its_qualifier(hedge: str, qualifier: Qualifier) -> None:
    found = find_quantities(f"Officials said {hedge} 40 fighters were killed.")
    assert [(q.number_text, q.qualifier) for q in found] == [(f"{hedge} 40", qualifier)]


def test_malformed_hedge_row_names_the_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = list(read_table("hedges.tsv", 3))
    rows[1] = ("roughly", "approx", "before")
    monkeypatch.setattr(numbers, "read_table", lambda name, columns: tuple(rows))
    text = (resources.files(lexicons) / "hedges.tsv").read_text(encoding="utf-8")
    line = [n for n, row in enumerate(text.splitlines(), 1) if row and not row.startswith("#")][1]
    with pytest.raises(LexiconError, match=rf"hedges\.tsv:{line}: 'roughly': qualifier must"):
        numbers._load_hedges()


def test_number_words_map_words_to_values() -> None:
    assert (NUMBER_WORDS["eight"], NUMBER_WORDS["ninety"], NUMBER_WORDS["dozen"]) == (8, 90, 12)


_FRAGMENTS = [
    "44", "9,000", "1.5", "2024", "12/30/22", "8:30", "more than", "at least", "about", "between",
    "and", "to", "-", "–", "of", "out of", "or", "a", "dozen", "one", "two", "Thirty-three",
    "hundred", "million", "thousand", "people", "killed", "years", "percent", "%", "$", "(", ")",
    "aged", "June", "Article", "seats", "km", ",", ".", " ", "\n", "AK-47", "15-year-old", "3-1",
    "+234", "no one", "Amina", "under", "up to", "fewer than", "some", "an estimated", "or more",
]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map(" ".join))
def test_found_quantities_are_consistent(text: str) -> None:
    found = find_quantities(text)
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.number_text
        assert quantity.high is None or quantity.low <= quantity.high
        assert quantity.low >= 0
    assert all(a.end <= b.start for a, b in pairwise(found))


@given(st.text(max_size=60))
def test_parse_number_is_consistent_on_any_text(text: str) -> None:
    quantity = parse_number(text)
    if quantity is not None:
        assert text[quantity.start:quantity.end] == quantity.number_text
        assert quantity.high is None or quantity.low <= quantity.high


@pytest.mark.parametrize(("text", "values"), [
    ("One person was killed and two were injured.", [1, 2]),
    ("Gunmen opened fire, killing one and wounding three.", [1, 3]),
    ("One policeman was shot in the leg.", [1]),
    ("No one was injured in the blast.", []),  # "no one" is nobody
    ("One of the guards was wounded.", [1]),  # "one of" as the subject of a casualty word
    ("Troops killed one of the gunmen.", [1]),
    ("The body of one was found the next day.", [1]),
    ("He was one of the founders of the group.", []),  # "one of" is else no count
    ("At one point the convoy stopped.", []),
    # a part listed after its whole
    ("Fighting killed 23 people, including one aid worker.", [23, 1]),
    ("Police held 300 protesters, including one reporter.", [300, 1]),
])
def test_find_quantities_keeps_a_bare_one_next_to_a_casualty_word(
    text: str, values: list[int]
) -> None:
    assert [q.low for q in find_quantities(text)] == values


@pytest.mark.parametrize(("text", "low", "high", "qualifier"), [
    ("Two died overnight, bringing the death toll up to 73.", 73, 73, Qualifier.EXACT),
    ("The toll rose up to 50 on Monday.", 50, 50, Qualifier.EXACT),
    ("The blast wounded up to 200 people.", 0, 200, Qualifier.AT_MOST),
])
def test_find_quantities_reads_up_to_after_a_change_as_the_new_total(
    text: str, low: int, high: int, qualifier: Qualifier
) -> None:
    quantity = find_quantities(text)[-1]
    assert (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(("text", "expected"), [
    # hedges that bound from above or below, written with a preposition
    ("The toll could be as high as 90, a nurse said.", [("as high as 90", 0, 90, AT_MOST)]),
    ("Upward of 200 villagers were killed.", [("Upward of 200", 201, None, MORE)]),
    ("Fighting displaced well in excess of 5,000 people.",
     [("well in excess of 5,000", 5001, None, MORE)]),
    ("Police held a little over 300 protesters.", [("a little over 300", 301, None, MORE)]),
    # ranges written with "or" and after "ranged from"
    ("Residents said 30 or 40 people were missing.", [("30 or 40", 30, 40, RANGE)]),
    ("Two or three gunmen opened fire.", [("Two or three", 2, 3, RANGE)]),
    ("Estimates of the dead ranged from 25 to 32.", [("25 to 32", 25, 32, RANGE)]),
    ("The toll rose from 25 to 32.", [("25", 25, 25, EXACT), ("32", 32, 32, EXACT)]),
    ("Some 30-40 fighters were killed.", [("Some 30-40", 30, 40, RANGE)]),
    # "N of M" before a noun is a part of a whole, not a gallery marker
    ("Kidnappers freed 30 of 287 abducted pupils.",
     [("30", 30, 30, EXACT), ("287", 287, 287, EXACT)]),
])
def test_find_quantities_reads_prepositional_hedges_and_ranges(
    text: str, expected: list[tuple[str, int, int | None, Qualifier]]
) -> None:
    found = [(q.number_text, q.low, q.high, q.qualifier) for q in find_quantities(text)]
    assert found == expected


@pytest.mark.parametrize(("text", "numbers_left"), [
    ("Two boys aged 8 and 10 were among the dead.", ["Two"]),  # one label, two ages
    ("The victims, aged 19, 23 and 40, were buried.", []),
    ("Militants killed 3 people in 2019 and 12 in 2020.", ["3", "12"]),
])
def test_find_quantities_a_label_covers_the_numbers_listed_after_it(
    text: str, numbers_left: list[str]
) -> None:
    assert [q.number_text for q in find_quantities(text)] == numbers_left


@pytest.mark.parametrize(("text", "shown"), [
    ("upward of 200", "    about 200"),
    ("in excess of 100", "       about 100"),
    ("as high as 90", "     about 90"),
    ("between 30 and 40", "         about 40"),
    ("30-40", "   40"),
    ("at least 12", "at least 12"),  # a hedge the parser reads well stays
    ("44", "44"),
])
def test_parser_stand_in_keeps_the_length_and_shows_a_plain_number(text: str, shown: str) -> None:
    quantity = find_quantities(text)[0]
    assert numbers.parser_stand_in(quantity) == shown
    assert len(numbers.parser_stand_in(quantity)) == len(text)
