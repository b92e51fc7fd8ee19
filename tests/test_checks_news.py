"""Checks of longer news reports (issue 9, checks32): which whole a partitive told a sentence
later refers to, which values are no rival counts, and a rise told around a reporting clause.
Sentences of our own, invented facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newsledger.model import CheckType


def _told(extraction: Any) -> set[tuple[str, str, str]]:
    """(type, whole or earlier, part or later) of the subset, conflict and update checks, by
    the numbers as written; sums as (sum, total, parts joined by '+')."""
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = set()
    for check in extraction.checks:
        if check.type is CheckType.SUM:
            parts = "+".join(text_of[p] for p in check.parts)
            found.add(("sum", text_of[check.total or ""], parts))
        else:
            found.add((check.type.value, text_of[check.whole or ""], text_of[check.part or ""]))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Floods and fighting drove 5,400 people from their homes in Kasai last week, 3,100"
            " from Tshikapa and 2,300 from Kamonia, the agency said. Women and girls made up"
            " 2,900 of them.",
            {("sum", "5,400", "3,100+2,300"), ("subset", "5,400", "2,900")},
            id="of-them-after-a-breakdown-is-of-its-total",
        ),
        pytest.param(
            "Soldiers killed 40 people in Ituri last month, 25 in Djugu and 15 in Irumu. Of"
            " them, 18 were women.",
            {("sum", "40", "25+15"), ("subset", "40", "18")},
            id="of-them-opening-the-next-sentence",
        ),
        pytest.param(
            "Gunmen killed 30 people in Kasai on Monday. 12 of the dead were children. Four of"
            " them were girls.",
            {("subset", "30", "12"), ("subset", "12", "Four")},
            id="a-lone-part-is-the-group-told-of",
        ),
        pytest.param(
            "Rebels abducted 60 villagers near Beni, 35 of them women, on Sunday.",
            {("subset", "60", "35")},
            id="of-them-in-the-whole-s-own-sentence",
        ),
    ],
)
def test_checks_partitive_after_a_breakdown(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _told(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Gang violence killed at least 900 people in Haiti between July and September, the"
            " UN office said. Police operations against gangs killed 300 people over the same"
            " three months, according to the national police.",
            set(),
            id="the-police-s-toll-is-no-rival-of-the-gangs",
        ),
        pytest.param(
            "About 80 militants are still active in the region, 55 of them foreigners, police"
            " chief Rakesh Mehta said. A rights group said troops killed nine civilians this"
            " year. The army said those nine were militants.",
            {("subset", "About 80", "55")},
            id="a-part-and-a-count-pointed-back-at-are-no-rivals",
        ),
        pytest.param(
            "The death toll from an ambush on a convoy near Djibo on Friday has risen to 19, the"
            " army said on Monday, up from 12 in its first statement on Saturday.",
            {("update", "12", "19")},
            id="risen-to-then-reporting-clause-then-up-from",
        ),
        pytest.param(
            "The number of people killed in the floods in Kano rose to 58 on Tuesday, up from 37"
            " a day earlier.",
            {("update", "37", "58")},
            id="risen-to-then-up-from",
        ),
        pytest.param(
            "Gunmen killed 19 people in Kano on Friday, police said. On Saturday, up from the"
            " valley, 12 more were killed.",
            set(),
            id="up-from-a-place-is-no-rise",
        ),
    ],
)
def test_checks_rival_values_and_rises(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _told(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Troops arrested 130 suspects across the north-west in the week. They also freed"
            " 55 kidnapped hostages and recovered 75 assorted weapons.",
            set(),
            id="other-things-that-add-up-by-chance",
        ),
        pytest.param(
            "Of the 300 inmates who escaped on Sunday, 180 were recaptured and 120 remain at"
            " large, the prisons service said.",
            {("sum", "300", "180+120")},
            id="escaped-recaptured-and-at-large",
        ),
    ],
)
def test_checks_parts_of_other_measures_count_the_total_s_people(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert {c for c in _told(extract_text(text)) if c[0] == "sum"} == expected


def test_checks_a_count_added_to_another_is_no_place_s_whole(
    extract_text: Callable[..., Any],
) -> None:
    text = (
        "The mission verified 150 civilians killed in government-held parts of Ukraine in"
        " November. Another 30 people were killed in occupied parts of Ukraine. A missile strike"
        " on a market in Kharkiv on 18 November killed 20 civilians."
    )
    extraction = extract_text(text, published=date(2026, 12, 5))
    assert {c for c in _told(extraction) if c[0] == "subset"} == {("subset", "150", "20")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A total of 118 people were killed in the region this year, police said. Of the"
            " dead, 71 were militants, 29 were members of the security forces and 18 were"
            " civilians. Among the militants killed, 44 were foreign nationals.",
            {("sum", "118", "71+29+18"), ("subset", "71", "44")},
            id="members-of-the-dead-by-kind-and-a-group-naming-one-kind",
        ),
        pytest.param(
            "Of the 158 people killed, 97 were men, 44 were women and 17 were children.",
            {("sum", "158", "97+44+17")},
            id="of-the-whole-by-sex-and-age",
        ),
        pytest.param(
            "About 80 militants remain active in the region. Of them, 55 are foreigners.",
            {("subset", "About 80", "55")},
            id="fighters-stay-fighters",
        ),
    ],
)
def test_checks_group_opening_its_sentence(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _told(extract_text(text, published=date(2026, 12, 30))) == expected


def test_measure_of_a_kind_in_the_opening_group(extract_text: Callable[..., Any]) -> None:
    text = "Of the dead, 71 were militants and 18 were civilians, the police chief said."
    measures = {f.quantity.number_text: f.measure.value for f in extract_text(text).figures}
    assert measures == {"71": "killed", "18": "killed"}
