"""Sum and subset checks within one document, on hand-built figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from newsledger.model import CheckType, Extraction, Figure
from newsledger.verify.checks import find_checks, placed_elsewhere

H1 = (date(2024, 1, 1), date(2024, 6, 30))


def _sums(checks):  # type: ignore[no-untyped-def]
    return {(c.total, tuple(sorted(c.parts)), c.holds) for c in checks if c.type is CheckType.SUM}


def test_checks_sum_by_place_holds(make_figure: Callable[..., object]) -> None:
    figures = [
        make_figure("f1", 50, "killed", start=0, locations=("Iraq", "Syria"), period=H1),
        make_figure("f2", 31, "killed", start=100, locations=("Iraq",), period=H1),
        make_figure("f3", 19, "killed", start=200, locations=("Syria",), period=H1),
    ]
    assert _sums(find_checks(figures)) == {("f1", ("f2", "f3"), True)}


def test_checks_sum_by_party_reports_failure(make_figure: Callable[..., object]) -> None:
    figures = [
        make_figure("f1", 35, "killed", start=0, counted="civilians", locations=("Syria",)),
        make_figure(
            "f2",
            26,
            "killed",
            start=50,
            counted="civilians",
            actor="Assad regime forces",
            locations=("Syria",),
        ),
        make_figure(
            "f3",
            10,
            "killed",
            start=90,
            counted="civilians",
            actor="Russian forces",
            locations=("Syria",),
        ),
        make_figure(
            "f4", 1, "killed", start=130, counted="civilians", actor="SDF", locations=("Syria",)
        ),
    ]
    assert _sums(find_checks(figures)) == {("f1", ("f2", "f3", "f4"), False)}


@pytest.mark.parametrize(
    ("total", "parts", "holds"),
    [
        ((700, "approximate"), (466, 220), True),  # "almost 700" = 466 + "at least 220"
        ((44, "exact"), (30, 14), True),
        ((44, "exact"), (30, 15), False),
        ((40, "at_least"), (30, 15), True),
    ],
)
def test_checks_hedged_numbers_are_intervals(
    make_figure: Callable[..., object], total: tuple[int, str], parts: tuple[int, int], holds: bool
) -> None:
    figures = [
        make_figure(
            "f1",
            total[0],
            "killed",
            qualifier=total[1],
            high=None if total[1] == "at_least" else "same",
            locations=("Iraq", "Syria"),
            period=H1,
        ),
        make_figure("f2", parts[0], "killed", start=100, locations=("Syria",), period=H1),
        make_figure("f3", parts[1], "killed", start=200, locations=("Iraq",), period=H1),
    ]
    assert _sums(find_checks(figures)) == {("f1", ("f2", "f3"), holds)}


def test_checks_subgroup_is_subset(make_figure: Callable[..., object]) -> None:
    figures = [
        make_figure("f1", 44, "killed", locations=("Iraq", "Syria"), period=H1),
        make_figure(
            "f2",
            8,
            "killed",
            start=300,
            counted="senior ISIS leaders",
            locations=("Iraq", "Syria"),
            period=H1,
        ),
    ]
    subsets = [
        (c.whole, c.part, c.holds) for c in find_checks(figures) if c.type is CheckType.SUBSET
    ]
    assert subsets == [("f1", "f2", True)]


@pytest.mark.parametrize(
    ("whole", "part", "expected"),
    [
        ("civilians", "children", {("f1", "f2", True)}),
        ("people", "women", {("f1", "f2", True)}),
        ("soldiers", "children", set()),  # children are no part of a toll of soldiers
        ("civilians", "senior commanders", set()),
    ],
)
def test_checks_subgroup_fits_its_whole(
    make_figure: Callable[..., object], whole: str, part: str, expected: set[Any]
) -> None:
    figures = [
        make_figure("f1", 30, "killed", counted=whole, locations=("Mali",), period=H1),
        make_figure("f2", 4, "killed", start=120, counted=part, locations=("Mali",), period=H1),
    ]
    assert _subsets(find_checks(figures)) == expected


def test_checks_exact_breakdown_without_places(make_figure: Callable[..., object]) -> None:
    figures = [
        make_figure("f1", 8, "killed", counted="farmers"),
        make_figure("f2", 3, "killed", start=100, counted="victims"),
        make_figure("f3", 5, "killed", start=200, counted="victims"),
        make_figure("f4", 10, "kidnapped", start=300, counted="victims"),
    ]
    assert _sums(find_checks(figures)) == {("f1", ("f2", "f3"), True)}


def test_checks_unrelated_measures_give_nothing(make_figure: Callable[..., object]) -> None:
    figures = [
        make_figure("f1", 12, "killed", locations=("Iraq", "Syria")),
        make_figure("f2", 7, "detained", start=100, locations=("Iraq",)),
        make_figure("f3", 5, "injured", start=200, locations=("Syria",)),
    ]
    assert find_checks(figures) == []


# --- rules that read the document's words (test sentences in our own words) ------------------


def at(text: str, needle: str, fid: str, value: int, measure: str, **fields: object) -> Figure:
    """A figure whose number is the first occurrence of ``needle`` (starting with the number)."""
    from conftest import build_figure

    start = text.index(needle)
    figure = build_figure(fid, value, measure, start=start, **fields)  # type: ignore[arg-type]
    number = needle.split()[0]
    quantity = replace(figure.quantity, number_text=number, end=start + len(number))
    return replace(figure, quantity=quantity, end=start + len(needle), text=needle)


def _subsets(checks):  # type: ignore[no-untyped-def]
    return {(c.whole, c.part, c.holds) for c in checks if c.type is CheckType.SUBSET}


def _relations(checks):  # type: ignore[no-untyped-def]
    return {(c.type.value, c.whole, c.part) for c in checks if c.type in RELATIONS}


RELATIONS = (CheckType.UPDATE, CheckType.CONFLICT)

T_OF_WHOM = "Police arrested 40 protesters on Friday, 12 of whom were later charged."
T_AMONG = "The fighting drove 3,000 people from their homes and among them, 1,200 are children."
T_SIBLINGS = (
    "Soldiers killed 90 people in the district this year. Of the 90 victims, 50 of them were"
    " shot, while 30 of them died in custody."
)
T_NESTED = (
    "Since the coup a total of 500 people were detained and among them, 320 remain in custody,"
    " 110 of whom have been sentenced."
)
T_OF_THE = "The pirates released 5 of the 12 crew members on Sunday."
T_INCLUDING = "The blast killed 30 people, including 12 children and four police officers."
T_COMBINED = (
    "In the quarter 900 people were killed, injured or kidnapped in the country. Another 150"
    " people were kidnapped during that period."
)
T_INCLUDING_THEN_OTHER = (
    "Shelling killed 20 people, including six children, and wounded 45 in the town on Monday."
)
T_COMBINED_OTHER_PARTY = (
    "Officials said 700 people were killed, injured or abducted in the province over the summer."
    " The army said 9 soldiers and more than 80 militants were killed in the fighting."
)
T_MORE = "A car bomb killed 14 people at the market. Five more people died in hospital later."
T_AMONG_THE_N = (
    "Shelling hit the town on Monday. Among the 40 injured were 9 children and 6 women, doctors"
    " said."
)
T_OF_THE_N = "Of the 97 prisoners who escaped, 64 have been recaptured, the prison service said."
T_TITLE = (
    "Nearly 100 journalists killed in 2023\nThe federation said 94 journalists were killed in"
    " 2023."
)
T_STILL = "Police arrested 310 people in the city last month, and 120 are still in custody."
T_OF_THOSE = "The army detained 95 suspects in the raids. Of those, 40 remain in custody."
T_GROUP_NAMED = (
    "The attack killed 12 people and wounded 30 others. Of the injured, 8 are in a critical"
    " condition."
)
T_LONG_GROUP = (
    "Some 1,600 people were arrested in the region, and 1,400 are still held. Among the still"
    " detained persons, 230 were given prison terms."
)
T_NOT_PARTITIVE = "The army said 50 soldiers were wounded. In one of the worst attacks, 30 died."
T_SIBLINGS_LIST = "Since the invasion shelling has killed 2,853 men, 1,927 women and 226 boys."
T_LATER_SMALLER = (
    "More than 460 gang members were killed in the quarter, the UN said. At least 230 gang"
    " members died in the uprising, the UN said."
)


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        pytest.param(
            T_OF_WHOM,
            [("40 protesters", 40, "detained"), ("12 of whom", 12, "other")],
            {("f1", "f2", True)},
            id="of-whom-whatever-each-counts",
        ),
        pytest.param(
            T_AMONG,
            [("3,000 people", 3000, "displaced"), ("1,200 are", 1200, "displaced")],
            {("f1", "f2", True)},
            id="among-them",
        ),
        pytest.param(
            T_SIBLINGS,
            [
                ("90 people", 90, "killed"),
                ("90 victims", 90, "killed"),
                ("50 of them", 50, "killed"),
                ("30 of them", 30, "killed"),
            ],
            {("f1", "f3", True), ("f1", "f4", True)},
            id="parts-of-one-list-share-the-first-statement-of-the-whole",
        ),
        pytest.param(
            T_NESTED,
            [
                ("500 people", 500, "detained"),
                ("320 remain", 320, "held"),
                ("110 of", 110, "other"),
            ],
            {("f1", "f2", True), ("f2", "f3", True)},
            id="a-part-of-a-part-nests",
        ),
        pytest.param(
            T_OF_THE,
            [("5 of", 5, "returned"), ("12 crew", 12, "kidnapped")],
            {("f2", "f1", True)},
            id="five-of-the-twelve",
        ),
        pytest.param(
            T_INCLUDING,
            [
                ("30 people", 30, "killed"),
                ("12 children", 12, "killed"),
                ("four police", 4, "killed"),
            ],
            {("f1", "f2", True), ("f1", "f3", True)},
            id="including-list",
        ),
        pytest.param(
            T_COMBINED,
            [("900 people", 900, "other"), ("150 people", 150, "kidnapped")],
            {("f1", "f2", True)},
            id="killed-injured-or-kidnapped-holds-the-kidnapped",
        ),
        pytest.param(
            T_INCLUDING_THEN_OTHER,
            [
                ("20 people", 20, "killed", {"counted": "people"}),
                ("six children", 6, "killed", {"counted": "children"}),
                ("45 in", 45, "injured", {"counted": "people"}),
            ],
            {("f1", "f2", True)},
            id="an-including-list-ends-at-another-measure",
        ),
        pytest.param(
            T_COMBINED_OTHER_PARTY,
            [
                ("700 people", 700, "other", {"counted": "people"}),
                ("9 soldiers", 9, "killed", {"counted": "soldiers"}),
                ("80 militants", 80, "killed", {"counted": "militants"}),
            ],
            set(),
            id="parties-killed-are-not-claimed-within-a-combined-toll-of-people",
        ),
        pytest.param(
            T_MORE,
            [
                ("14 people", 14, "killed", {"counted": "people"}),
                ("Five more", 5, "killed", {"counted": "people"}),
            ],
            set(),
            id="five-more-is-an-addition-not-a-part",
        ),
        pytest.param(
            T_AMONG_THE_N,
            [
                ("40 injured", 40, "injured"),
                ("9 children", 9, "injured"),
                ("6 women", 6, "injured"),
            ],
            {("f1", "f2", True), ("f1", "f3", True)},
            id="among-the-forty-injured-were-nine",
        ),
        pytest.param(
            T_OF_THE_N,
            [("97 prisoners", 97, "other"), ("64 have", 64, "detained")],
            {("f1", "f2", True)},
            id="of-the-ninety-seven-sixty-four",
        ),
        pytest.param(
            T_TITLE,
            [
                ("100 journalists", 100, "killed", {"counted": "journalists", "period": H1}),
                ("94 journalists", 94, "killed", {"counted": "journalists", "period": H1}),
            ],
            set(),
            id="a-title-restates-the-body-and-holds-none-of-it",
        ),
        pytest.param(
            T_STILL,
            [("310 people", 310, "detained"), ("120 are", 120, "held")],
            {("f1", "f2", True)},
            id="still-held-are-part-of-those-arrested",
        ),
        pytest.param(
            T_OF_THOSE,
            [("95 suspects", 95, "detained"), ("40 remain", 40, "held")],
            {("f1", "f2", True)},
            id="of-those-comma-is-a-partitive",
        ),
        pytest.param(
            T_GROUP_NAMED,
            [("12 people", 12, "killed"), ("30 others", 30, "injured"), ("8 are", 8, "injured")],
            {("f2", "f3", True)},
            id="of-the-injured-takes-the-injured-as-whole",
        ),
        pytest.param(
            T_LONG_GROUP,
            [
                ("1,600 people", 1600, "detained"),
                ("1,400 are", 1400, "held"),
                ("230 were", 230, "held"),
            ],
            {("f1", "f2", True), ("f2", "f3", True)},
            id="a-partitive-names-its-group-in-a-few-words",
        ),
        pytest.param(
            T_NOT_PARTITIVE,
            [("50 soldiers", 50, "injured"), ("30 died", 30, "killed")],
            set(),
            id="one-of-the-worst-inside-a-sentence-is-no-partitive",
        ),
        pytest.param(
            T_SIBLINGS_LIST,
            [
                ("2,853 men", 2853, "killed", {"counted": "men"}),
                ("1,927 women", 1927, "killed", {"counted": "women"}),
                ("226 boys", 226, "killed", {"counted": "boys"}),
            ],
            set(),
            id="items-of-one-list-are-siblings",
        ),
        pytest.param(
            T_LATER_SMALLER,
            [
                ("460 gang", 461, "killed", {"counted": "gang members", "actor": "gangs",
                                             "source": "UN"}),
                ("230 gang", 230, "killed", {"counted": "gang members", "actor": "gangs",
                                             "source": "UN"}),
            ],
            {("f1", "f2", True)},
            id="a-later-smaller-toll-of-one-party-by-one-source",
        ),
        pytest.param(
            "The blast killed 9 people and wounded 31, the governor said. The army put the toll"
            " at 7. Four of the wounded died later in hospital.",
            [
                ("9 people", 9, "killed", {"counted": "people"}),
                ("31", 31, "injured"),
                ("7.", 7, "killed"),
                ("Four of", 4, "killed"),
            ],
            {("f2", "f4", True)},
            id="of-the-wounded-died-names-the-wounded-not-the-dead",
        ),
        pytest.param(
            "A truck bomb killed 20 people and wounded 45 in the market, the governor said.\n\n"
            "\"Three of the wounded died overnight,\" a nurse said.\n\nThe army blamed the"
            " rebels. Police sealed off the area.\n\nShe said 9 of the injured were still in"
            " intensive care.",
            [
                ("20 people", 20, "killed", {"counted": "people"}),
                ("45 in", 45, "injured", {"counted": "people"}),
                ("Three of", 3, "killed"),
                ("9 of", 9, "injured"),
            ],
            {("f2", "f3", True), ("f2", "f4", True)},
            id="a-later-part-of-the-same-harmed-group-shares-the-first-ones-whole",
        ),
    ],
)
def test_checks_subsets_told_by_the_text(
    text: str, specs: list[tuple[Any, ...]], expected: set[tuple[str, str, bool]]
) -> None:
    figures = [
        at(text, needle, f"f{n}", value, measure, **(rest[0] if rest else {}))
        for n, (needle, value, measure, *rest) in enumerate(specs, start=1)
    ]
    assert _subsets(find_checks(figures, text)) == expected


def test_checks_partitive_needs_the_text(make_figure: Callable[..., object]) -> None:
    figures = [make_figure("f1", 40, "detained"), make_figure("f2", 12, "other", start=50)]
    assert find_checks(figures) == []


MYANMAR = ("Myanmar",)
SAGAING = ("Sagaing Region", "Myanmar")
SQUARE = ("Tayaran Square", "Baghdad")


@pytest.mark.parametrize(
    ("whole_places", "part_places", "expected"),
    [
        (MYANMAR, SAGAING, {("f1", "f2", True)}),  # a region within the country
        (SQUARE, ("Tayaran Square",), set()),  # the same place, its container left out
        (SAGAING, MYANMAR, set()),  # the larger place is no part
        ((), SAGAING, {("f1", "f2", True)}),  # the report's first toll, placed nowhere: its scope
        # or placed in the report's one country: a place the gazetteer cannot locate lies in it
        (("Haiti",), ("Cite Soleil",), {("f1", "f2", True)}),
        (("Haiti",), ("Haiti",), set()),  # the country's own figure is no part of its total
        (("Haiti",), ("Kabul",), set()),  # a known place elsewhere: two countries, no scope
    ],
)
def test_checks_subset_by_place(
    make_figure: Callable[..., Any],
    whole_places: tuple[str, ...],
    part_places: tuple[str, ...],
    expected: set[tuple[str, str, bool]],
) -> None:
    figures = [
        make_figure("f1", 2000, "killed", counted="people", locations=whole_places, period=H1),
        make_figure(
            "f2", 340, "killed", start=300, counted="people", locations=part_places, period=H1
        ),
    ]
    assert _subsets(find_checks(figures, "x" * 400)) == expected


@pytest.mark.parametrize(
    ("measure", "whole_period", "part_period", "expected"),
    [
        ("killed", H1, (date(2024, 3, 1), date(2024, 3, 31)), {("f1", "f2", True)}),
        ("killed", (date(2024, 3, 1), date(2024, 3, 31)), H1, set()),  # a longer period
        ("killed", H1, (None, None), set()),  # an undated flow may be another time
        ("held", H1, (None, None), {("f1", "f2", True)}),  # a stock as of the report
        # a week the part does not state, read a day apart from the briefing's week
        (
            "killed",
            (date(2024, 10, 3), date(2024, 10, 10)),
            (date(2024, 10, 2), date(2024, 10, 8)),
            {("f1", "f2", True)},
        ),
    ],
)
def test_checks_subset_by_place_within_a_period(
    make_figure: Callable[..., Any],
    measure: str,
    whole_period: tuple[date | None, date | None],
    part_period: tuple[date | None, date | None],
    expected: set[tuple[str, str, bool]],
) -> None:
    figures = [
        make_figure("f1", 2000, measure, counted="people", locations=MYANMAR, period=whole_period),
        make_figure(
            "f2", 340, measure, start=300, counted="people", locations=SAGAING, period=part_period
        ),
    ]
    assert _subsets(find_checks(figures, "x" * 400)) == expected


# (whole's start, part's start, expected): a place's count of a longer period holds that place's
# count of a shorter one told after it; told after the part, the longer count is the story's
# background ("Nine were killed on Friday. By the end of the year 496 had died"), no whole
@pytest.mark.parametrize(
    ("whole_start", "part_start", "expected"),
    [
        (0, 300, {("f1", "f2", True)}),
        (300, 0, set()),
    ],
)
def test_checks_subset_of_a_longer_period_in_the_same_place(
    make_figure: Callable[..., Any], whole_start: int, part_start: int, expected: set[Any]
) -> None:
    figures = [
        make_figure(
            "f1", 2000, "killed", start=whole_start, counted="people", locations=MYANMAR,
            period=H1,
        ),
        make_figure(
            "f2", 340, "killed", start=part_start, counted="people", locations=MYANMAR,
            period=(date(2024, 3, 1), date(2024, 3, 31)),
        ),
    ]
    figures.sort(key=lambda f: f.quantity.start)
    assert _subsets(find_checks(figures, "x" * 400)) == expected


T_GENDER = "In the region, 45 female and 210 male; 255 people in total were killed by soldiers."
T_CROSS = (
    "By June 1,200 people were still held and 800 had been released, a total of 2,000 arrests"
    " since the coup."
)
T_SMALL = "A total of 5 attacks hit the town, 2 people were injured and 3 were killed."
T_INCL_SUM = "The raid killed 30 people, including 20 soldiers and 10 civilians."
T_HEDGED_INCL = "At least 30 people died in the raid, including 20 soldiers and 10 civilians."
T_HEDGED_LIST = "At least 42 people were freed: 27 students, three staff and 12 family members."
T_OUT_OF = "Police said 443 inmates were recaptured and 436 are at large, out of 879 who escaped."
T_DEAD_OR_INJURED = (
    "The attack left 42 people dead or injured. Police said nine were killed and 33 injured."
)
T_DEAD_OR_INJURED_APART = (
    "The attack left 42 people dead or injured. Police said nine were killed. On Monday 33 were"
    " injured in another town."
)
T_INCL_SHORT = (
    "Fighting displaced 4,100 people in Ituri and North Kivu, including 2,300 in Ituri and"
    " 1,100 in North Kivu."
)


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        pytest.param(
            T_GENDER,
            [
                ("45 female", 45, "killed"),
                ("210 male", 210, "killed"),
                ("255 people", 255, "killed"),
            ],
            {("f3", ("f1", "f2"), True)},
            id="gender-breakdown-before-a-stated-total",
        ),
        pytest.param(
            T_CROSS,
            [
                ("1,200 people", 1200, "held"),
                ("800 had", 800, "returned"),
                ("2,000 arrests", 2000, "detained"),
            ],
            {("f3", ("f1", "f2"), True)},
            id="still-held-plus-released-makes-the-stated-total",
        ),
        pytest.param(
            T_SMALL,
            [("5 attacks", 5, "attacks"), ("2 people", 2, "injured"), ("3 were", 3, "killed")],
            set(),
            id="small-totals-take-no-parts-of-other-measures",
        ),
        pytest.param(
            T_INCL_SUM,
            [
                ("30 people", 30, "killed"),
                ("20 soldiers", 20, "killed"),
                ("10 civilians", 10, "killed"),
            ],
            {("f1", ("f2", "f3"), True)},
            id="an-including-list-that-adds-up-is-a-sum",
        ),
        pytest.param(
            T_INCL_SHORT,
            [
                ("4,100 people", 4100, "displaced", {"locations": ("Ituri", "North Kivu")}),
                ("2,300 in", 2300, "displaced", {"locations": ("Ituri",)}),
                ("1,100 in", 1100, "displaced", {"locations": ("North Kivu",)}),
            ],
            set(),
            id="an-including-list-short-of-its-total-is-no-failing-sum",
        ),
        pytest.param(
            T_HEDGED_INCL,
            [("30 people", 30, "killed", {"qualifier": "at_least", "high": None}),
             ("20 soldiers", 20, "killed"), ("10 civilians", 10, "killed")],
            {("f1", ("f2", "f3"), True)},
            id="parts-adding-up-to-at-least-30-are-its-breakdown",
        ),
        pytest.param(
            T_HEDGED_INCL,
            [("30 people", 31, "killed", {"qualifier": "more_than", "high": None}),
             ("20 soldiers", 20, "killed"), ("10 civilians", 10, "killed")],
            set(),
            id="parts-adding-up-to-30-are-not-all-of-more-than-30",
        ),
        pytest.param(
            T_HEDGED_LIST,
            [("42 people", 42, "other", {"qualifier": "at_least", "high": None}),
             ("27 students", 27, "other"), ("three staff", 3, "other"),
             ("12 family", 12, "other")],
            {("f1", ("f2", "f3", "f4"), True)},
            id="parts-listed-after-at-least-42",
        ),
        pytest.param(
            T_OUT_OF,
            [("443 inmates", 443, "detained"), ("436 are", 436, "other"),
             ("879 who", 879, "other")],
            {("f3", ("f1", "f2"), True)},
            id="out-of-right-before-a-number-makes-it-the-total",
        ),
        pytest.param(
            T_DEAD_OR_INJURED,
            [("42 people", 42, "other"), ("nine were", 9, "killed"), ("33 injured", 33, "injured")],
            {("f1", ("f2", "f3"), True)},
            id="killed-and-injured-against-people-dead-or-injured",
        ),
        pytest.param(
            T_DEAD_OR_INJURED_APART,
            [("42 people", 42, "other"), ("nine were", 9, "killed"), ("33 were", 33, "injured")],
            set(),
            id="killed-and-injured-told-apart-are-no-parts",
        ),
    ],
)
def test_checks_stated_totals(
    text: str, specs: list[tuple[Any, ...]], expected: set[tuple[str, tuple[str, ...], bool]]
) -> None:
    figures = [
        at(text, needle, f"f{n}", value, measure, counted=None, **(extra[0] if extra else {}))
        for n, (needle, value, measure, *extra) in enumerate(specs, start=1)
    ]
    assert _sums(find_checks(figures, text)) == expected


def test_checks_failing_sum_far_from_its_total_is_not_claimed(
    make_figure: Callable[..., Any],
) -> None:
    # "58 + 39 does not add up to 19": parts told paragraphs later are other days or incidents.
    text = "Clashes killed 19 civilians. " + "Other news followed. " * 6
    near = len(text)
    text += "Army shelling killed 58 civilians. Rebel fire killed 39 civilians."
    figures = [
        make_figure("f1", 19, "killed", start=15, counted="civilians"),
        make_figure("f2", 58, "killed", start=near + 22, counted="civilians", actor="army"),
        make_figure(
            "f3", 39, "killed", start=text.index("39"), counted="civilians", actor="rebels"
        ),
    ]
    assert _sums(find_checks(figures, text)) == set()
    assert _sums(find_checks(figures)) == {("f1", ("f2", "f3"), False)}  # no text: as before


T_ROSE = "The death toll rose from 12 to 19 on Tuesday, officials said."
T_NOT = "Police arrested three suspects, not five as first reported."
T_EARLIER = (
    "At least 38 people were killed in the bombing, officials said.\n"
    "The health ministry earlier said 26 people had been killed, and the interior ministry"
    " earlier said 16 had died."
)
T_RIVAL = (
    "Officially 40 people died in the clashes. Local sources say at least 65 people were killed."
)
T_HEADLINE = "10 farmers killed in raid\nA total of 8 farmers were killed by gunmen on Thursday."
T_OTHER_DAY = (
    "Gunmen killed 7 people in the village.\nEarlier this month, 5 people were killed in another"
    " attack."
)


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        pytest.param(
            T_ROSE,
            [("12 to", 12, "killed"), ("19 on", 19, "killed")],
            {("update", "f1", "f2")},
            id="rose-from-12-to-19",
        ),
        pytest.param(
            T_NOT,
            [("three suspects", 3, "detained"), ("five as", 5, "detained")],
            {("update", "f2", "f1")},
            id="not-five-as-first-reported",
        ),
        pytest.param(
            T_EARLIER,
            [
                ("38 people", 38, "killed", {"source": "officials"}),
                ("26 people", 26, "killed", {"source": "health ministry"}),
                ("16 had", 16, "killed", {"source": "interior ministry"}),
            ],
            {("update", "f2", "f1"), ("update", "f3", "f1"), ("conflict", "f2", "f3")},
            id="earlier-tolls-replaced-and-differing-with-each-other",
        ),
        pytest.param(
            T_RIVAL,
            [("40 people", 40, "killed"), ("65 people", 65, "killed")],
            {("conflict", "f1", "f2")},
            id="officially-40-local-sources-65",
        ),
        pytest.param(
            T_HEADLINE,
            [
                ("10 farmers", 10, "killed", {"counted": "farmers", "period": H1}),
                ("8 farmers", 8, "killed", {"counted": "farmers", "period": H1}),
            ],
            {("conflict", "f2", "f1")},
            id="headline-and-body-differ",
        ),
        pytest.param(
            T_OTHER_DAY,
            [("7 people", 7, "killed"), ("5 people", 5, "killed")],
            set(),
            id="earlier-this-month-is-another-incident",
        ),
        pytest.param(
            "The death toll from Sunday's attack on the market has risen to 58, up from 37"
            " announced on Monday, the ministry said.",
            [("58, up", 58, "killed"), ("37 announced", 37, "killed")],
            {("update", "f2", "f1")},
            id="risen-to-58-up-from-37",
        ),
        pytest.param(
            "The bombing in the capital killed 38 people, officials said. The ministry had"
            " earlier put the toll at 26 people.",
            [("38 people", 38, "killed"), ("26 people", 26, "killed")],
            {("update", "f2", "f1")},
            id="an-earlier-toll-is-no-part-of-the-current-one",
        ),
        pytest.param(
            "At least 21 people were killed in the market blast, a hospital official said on"
            " Sunday, raising the toll. Police had said on Saturday that 15 people died.",
            [("21 people", 21, "killed"), ("15 people", 15, "killed")],
            {("update", "f2", "f1")},
            id="a-value-police-had-said-is-an-earlier-report",
        ),
        pytest.param(
            "The attacks on Monday killed 90 people. At least 310 people were killed in May,"
            " according to a monitor's tally, although government figures said 140 people died.",
            [("90 people", 90, "killed"), ("310 people", 310, "killed"),
             ("140 people", 140, "killed")],
            {("conflict", "f2", "f3")},
            id="a-rival-value-later-in-the-same-sentence",
        ),
        pytest.param(
            "Eight villagers were confirmed dead after gunmen raided the village. However, an"
            " eyewitness said 14 people were killed when the attackers stormed it.",
            [
                ("Eight villagers", 8, "killed", {"counted": "villagers", "actor": "gunmen"}),
                ("14 people", 14, "killed", {"counted": "people", "actor": "attackers"}),
            ],
            {("conflict", "f1", "f2")},
            id="an-eyewitness-and-unnamed-doers-in-other-words",
        ),
        pytest.param(
            "Nine villagers were confirmed dead after suspected Islamists raided the village."
            " However, an eyewitness said 14 people were killed when the Kora Front stormed it.",
            [
                ("Nine villagers", 9, "killed", {"counted": "villagers", "actor": "Islamists"}),
                ("14 people", 14, "killed", {"counted": "people", "actor": "Kora Front"}),
            ],
            {("conflict", "f1", "f2")},
            id="doers-told-by-their-kind-may-be-the-group-named",
        ),
        pytest.param(
            "Shelling killed 17 people in the valley on Friday. Rescuers said the first"
            " reports gave an initial estimate of 25 dead.",
            [("17 people", 17, "killed"), ("25 dead", 25, "killed")],
            {("update", "f2", "f1")},
            id="an-initial-estimate-is-an-earlier-value",
        ),
        pytest.param(
            "At least 60 people died in the raid on the camp (unconfirmed reports speak of some"
            " 200 deaths), aid groups said.",
            [("60 people", 60, "killed"), ("200 deaths", 200, "killed")],
            {("conflict", "f1", "f2")},
            id="unconfirmed-reports-give-a-rival-value",
        ),
    ],
)
def test_checks_two_values_for_one_thing(
    text: str, specs: list[tuple[Any, ...]], expected: set[tuple[str, str, str]]
) -> None:
    figures = [
        at(text, needle, f"f{n}", value, measure, **(rest[0] if rest else {"counted": "people"}))
        for n, (needle, value, measure, *rest) in enumerate(specs, start=1)
    ]
    assert _relations(find_checks(figures, text)) == expected


# what joins two sentences: a space, or nothing in a scraped text ("dead.Of the 130 ...")
SENTENCE_GAPS = [
    pytest.param(" ", id="sentences-apart"),
    pytest.param("", id="sentences-glued-without-a-space"),
]


T_FIRST_GUESS = (
    "A market bombing killed 9 people and wounded 130 on Friday. Rescuers at first gave an"
    " initial estimate of 11 dead.{gap}Of the 130 injured, 77 were children."
)


@pytest.mark.parametrize("gap", SENTENCE_GAPS)
def test_checks_an_earlier_cue_stops_at_a_glued_sentence_end(gap: str) -> None:
    # The cue "initial estimate" marks the 11 as a replaced value, not the 77 of the next
    # sentence, even where a scraped text runs the two together ("dead.Of the 130 ...").
    text = T_FIRST_GUESS.format(gap=gap)
    figures = [
        at(text, "9 people", "f1", 9, "killed", counted="people"),
        at(text, "130 on", "f2", 130, "injured", counted=None),
        at(text, "11 dead", "f3", 11, "killed", counted=None),
        at(text, "77 were", "f4", 77, "injured", counted="children"),
    ]
    checks = find_checks(figures, text)
    assert _subsets(checks) == {("f2", "f4", True)}
    assert _relations(checks) == {("update", "f3", "f1")}


T_EARLIER_THEN_OTHER = (
    "A car bomb killed 40 people in the city on Monday, officials said. The ministry had earlier"
    " put the toll at 26.{gap}A second blast killed 9 people."
)


@pytest.mark.parametrize("gap", SENTENCE_GAPS)
def test_checks_an_earlier_cue_tells_nothing_of_a_glued_next_sentence(gap: str) -> None:
    # "had earlier" makes the 26 an earlier toll; the 9 of the next sentence stays a value of
    # its own, not an earlier report of the 40, however the two sentences are joined.
    text = T_EARLIER_THEN_OTHER.format(gap=gap)
    figures = [
        at(text, "40 people", "f1", 40, "killed", counted="people"),
        at(text, "26.", "f2", 26, "killed", counted=None),
        at(text, "9 people", "f3", 9, "killed", counted="people"),
    ]
    assert _relations(find_checks(figures, text)) == {("update", "f2", "f1")}


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ({"value": 16, "places": ("Tayaran Square",)}, {("conflict", "f1", "f2")}),
        ({"value": 16, "places": ("Karrada",)}, set()),  # another place: another thing
        ({"value": 25, "places": ("Tayaran Square",), "approx": True}, set()),  # "about 25"
    ],
)
def test_checks_two_named_sources_differ(second: dict[str, Any], expected: set[Any]) -> None:
    text = "Doctors said 26 people were killed in the square.\nThe army said 16 people died there."
    first = at(
        text,
        "26 people",
        "f1",
        26,
        "killed",
        counted="people",
        locations=SQUARE,
        period=H1,
        source="doctors",
    )
    qualifier = "approximate" if second.get("approx") else "exact"
    other = at(
        text,
        "16 people",
        "f2",
        second["value"],
        "killed",
        counted="people",
        locations=second["places"],
        period=H1,
        source="the army",
        qualifier=qualifier,
    )
    assert _relations(find_checks([first, other], text)) == expected


def _stated_sums(extraction: Any) -> set[tuple[str, tuple[str, ...], bool]]:
    """The sum checks of an extraction by the numbers as written."""
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    return {
        (text_of[c.total], tuple(sorted(text_of[p] for p in c.parts)), c.holds)
        for c in extraction.checks
        if c.type is CheckType.SUM
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Gunmen killed 80 people in the market town, officials said. The dead included 25"
            " soldiers, 40 civilians and 15 volunteers.",
            {("80", ("15", "25", "40"), True)},
            id="parts-named-in-the-next-sentence",
        ),
        pytest.param(
            "Police said 42 people were freed on Saturday: 27 students, three staff and 12"
            " family members.",
            {("42", ("12", "27", "three"), True)},
            id="a-list-of-people-after-a-colon",
        ),
        pytest.param(
            "Police said 42 people were freed on Saturday: 27 students, three staff and 11"
            " family members.",
            {("42", ("11", "27", "three"), False)},
            id="a-colon-list-that-does-not-add-up",
        ),
        pytest.param(
            "Of the 879 inmates who escaped, 443 have been recaptured, 366 are still at large"
            " and 70 were killed, the prisons service said.",
            {("879", ("366", "443", "70"), True)},
            id="what-became-of-a-large-whole",
        ),
        pytest.param(
            "The convoy attack killed 25 people. Those killed were:\n- 19 soldiers\n- 6 drivers\n",
            {("25", ("19", "6"), True)},
            id="list-lines-under-a-bare-heading",
        ),
        pytest.param(
            "The monitor recorded 1,020 civilians killed and 2,400 injured in the region. Of"
            " those killed, 610 were men, 190 women, 120 girls and 100 boys.",
            {("1,020", ("100", "120", "190", "610"), True)},
            id="parts-in-a-sentence-that-refers-back-past-other-figures",
        ),
        pytest.param(
            "At the station four bus drivers and two soldiers were killed. At the market the"
            " victims were two women and a boy.",
            set(),
            id="siblings-are-no-parts",
        ),
        pytest.param(
            "Police arrested 12 people on Sunday, seven women and five men, in connection with"
            " the raid.",
            {("12", ("five", "seven"), True)},
            id="parts-in-apposition",
        ),
        pytest.param(
            "The monitor recorded 2,150 civilian casualties in the region: 640 killed and 1,510"
            " injured.",
            {("2,150", ("1,510", "640"), True)},
            id="casualties-are-killed-plus-injured-and-nothing-else",
        ),
        pytest.param(
            "The group documented the deaths of 96 civilians in May, including 14 children and"
            " 11 women. Army shelling killed 40 civilians, Russian strikes killed 8, the rebels"
            " killed 3 civilians, and other parties killed 45.",
            {("96", ("3", "40", "45", "8"), True)},
            id="a-sub-group-is-no-total-of-other-parts",
        ),
    ],
)
def test_checks_parts_listed_after_a_total(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == expected


# --- issue 9: which numbers an "including" list holds, and which whole a partitive names -------

T_INCL_ASIDE = (
    "Militants killed 40 civilians in the region last week, including in Gao, where 12 villagers"
    " died."
)
T_INCL_EVENT = (
    "The mission documented 1,634 killings in the quarter, including the April attack in which 40"
    " people were killed."
)
T_INCL_NEW_CLAUSE = (
    "Some 3,000 prisoners remain in the jail, including 400 held without charge, and 120 were"
    " freed on Monday."
)
T_INCL_NEW_VERB = (
    "Police seized 45 weapons, including 12 rifles, and arrested 8 people, including 3 minors."
)
T_INCL_RELATIVE = (
    "Some 4,000 people fled the town, including 2,500 who reached Dori, where 30,000 displaced"
    " people already live."
)
T_INCL_COORDINATED = (
    "Troops recovered 178 weapons and 3,412 rounds of ammunition, including 61 rifles and 28"
    " pistols."
)
T_INCL_COORDINATED_GROUP = "Gunmen killed 7 soldiers and 12 civilians, including 3 children."
T_INCL_PLACES = (
    "The army killed 56 insurgents in March, including 14 in the forest and 9 near the lake."
)
T_NAMED_FAR = (
    "The mission said 1,692 civilians were killed and 3,430 injured in the first half. Suicide"
    " attacks caused 1,413 casualties, including 427 deaths. Armed groups caused 2,798"
    " casualties. Of the civilians killed, 363 were children."
)
T_OF_THEM_NOW = (
    "The country now has 921,471 displaced people, up from 838,548 at the end of January. The"
    " north hosts 456,000 of them."
)
T_AMONG_THOSE_KILLED = (
    "Forces killed 686 militants, 220 in Iraq and 466 in Syria. Among those killed were 8 senior"
    " leaders."
)
T_OF_THE_ARRIVALS = (
    "More than 3,000 people arrived at the camp on Tuesday, bringing its population to 68,000."
    " Some 1,500 of the arrivals were children."
)
T_OF_THE_ATTACKERS = (
    "Gunmen killed 12 villagers on Monday. Five of the attackers were killed by troops."
)
T_HELD_BY_PLACE = (
    "Across the country 19,480 people are held, 6,828 of whom are serving sentences. In the"
    " Magway region, 1,430 are still held."
)
T_PARTY_TOLL = "Other parties killed 127 civilians. In Idlib, 115 civilians were killed."
DAY = (date(2024, 5, 10), date(2024, 5, 10))
JANUARY_END = (date(2024, 1, 31), date(2024, 1, 31))
YEAR = (date(2022, 1, 1), date(2022, 12, 31))


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        pytest.param(
            T_INCL_ASIDE,
            [("40 civilians", 40, "killed", {"counted": "civilians"}),
             ("12 villagers", 12, "killed", {"counted": "villagers"})],
            set(),
            id="including-in-a-place-is-an-aside-not-a-list",
        ),
        pytest.param(
            T_INCL_EVENT,
            [("1,634 killings", 1634, "killed", {"counted": "killings"}),
             ("40 people", 40, "killed", {"counted": "people"})],
            set(),
            id="a-number-inside-an-included-event-is-no-item",
        ),
        pytest.param(
            T_INCL_NEW_CLAUSE,
            [("3,000 prisoners", 3000, "held", {"counted": "prisoners"}),
             ("400 held", 400, "held", {"counted": "prisoners"}),
             ("120 were", 120, "other", {"counted": "prisoners"})],
            {("f1", "f2", True)},
            id="and-120-were-freed-opens-a-clause-of-its-own",
        ),
        pytest.param(
            T_INCL_NEW_VERB,
            [("45 weapons", 45, "other", {"counted": "weapons"}),
             ("12 rifles", 12, "other", {"counted": "rifles"}),
             ("8 people", 8, "detained", {"counted": "people"}),
             ("3 minors", 3, "detained", {"counted": "minors"})],
            {("f1", "f2", True), ("f3", "f4", True)},
            id="and-arrested-8-ends-the-list",
        ),
        pytest.param(
            T_INCL_RELATIVE,
            [("4,000 people", 4000, "displaced", {"counted": "people"}),
             ("2,500 who", 2500, "displaced", {"counted": "people"}),
             ("30,000 displaced", 30000, "displaced", {"counted": "displaced people"})],
            {("f1", "f2", True)},
            id="a-relative-clause-ends-the-list",
        ),
        pytest.param(
            T_INCL_COORDINATED,
            [("178 weapons", 178, "other", {"counted": "weapons"}),
             ("3,412 rounds", 3412, "other", {"counted": "rounds"}),
             ("61 rifles", 61, "other", {"counted": "rifles"}),
             ("28 pistols", 28, "other", {"counted": "pistols"})],
            {("f1", "f3", True), ("f1", "f4", True)},
            id="after-coordinated-counts-the-list-is-the-one-its-items-are-a-kind-of",
        ),
        pytest.param(
            T_INCL_COORDINATED_GROUP,
            [("7 soldiers", 7, "killed", {"counted": "soldiers"}),
             ("12 civilians", 12, "killed", {"counted": "civilians"}),
             ("3 children", 3, "killed", {"counted": "children"})],
            {("f2", "f3", True)},
            id="a-sub-group-of-the-last-coordinated-count-is-its-part",
        ),
        pytest.param(
            T_INCL_PLACES,
            [("56 insurgents", 56, "killed", {"counted": "insurgents"}),
             ("14 in", 14, "killed", {"counted": "insurgents"}),
             ("9 near", 9, "killed", {"counted": "insurgents"})],
            {("f1", "f2", True), ("f1", "f3", True)},
            id="items-split-by-place-after-a-joiner",
        ),
        pytest.param(
            T_NAMED_FAR,
            [("1,692 civilians", 1692, "killed", {"counted": "civilians"}),
             ("3,430 injured", 3430, "injured", {"counted": "civilians"}),
             ("1,413 casualties", 1413, "other", {"counted": "casualties"}),
             ("427 deaths", 427, "killed", {"counted": "deaths"}),
             ("2,798 casualties", 2798, "other", {"counted": "casualties"}),
             ("363 were", 363, "killed", {"counted": "children"})],
            {("f3", "f4", True), ("f1", "f6", True)},
            id="of-the-civilians-killed-seeks-the-toll-of-civilians-a-few-sentences-back",
        ),
        pytest.param(
            T_OF_THEM_NOW,
            [("921,471 displaced", 921471, "displaced", {"counted": "displaced people",
                                                          "period": DAY}),
             ("838,548 at", 838548, "displaced", {"counted": "displaced people",
                                                  "period": JANUARY_END}),
             ("456,000 of", 456000, "displaced", {"counted": None, "period": DAY})],
            {("f1", "f3", True)},
            id="of-them-is-of-the-count-of-its-own-time",
        ),
        pytest.param(
            T_AMONG_THOSE_KILLED,
            [("686 militants", 686, "killed", {"locations": ("Iraq", "Syria"), "period": YEAR}),
             ("220 in", 220, "killed", {"locations": ("Iraq",), "period": YEAR}),
             ("466 in", 466, "killed", {"locations": ("Syria",), "period": YEAR}),
             ("8 senior", 8, "killed", {"counted": "senior leaders", "period": YEAR})],
            {("f1", "f4", True)},
            id="among-those-killed-is-the-whole-toll-not-its-last-part",
        ),
        pytest.param(
            T_OF_THE_ARRIVALS,
            [("3,000 people", 3000, "displaced", {"counted": "people"}),
             ("68,000.", 68000, "population", {"counted": None}),
             ("1,500 of", 1500, "displaced", {"counted": "children"})],
            {("f1", "f3", True)},
            id="of-the-arrivals-names-its-whole",
        ),
        pytest.param(
            T_OF_THE_ATTACKERS,
            [("12 villagers", 12, "killed", {"counted": "villagers"}),
             ("Five of", 5, "killed", {"counted": "attackers"})],
            set(),
            id="of-the-attackers-is-no-part-of-the-villagers",
        ),
        pytest.param(
            T_HELD_BY_PLACE,
            [("19,480 people", 19480, "held", {"counted": "people", "locations": ("Myanmar",),
                                               "period": DAY}),
             ("6,828 of", 6828, "held", {"counted": "people", "locations": ("Myanmar",),
                                         "period": DAY}),
             ("1,430 are", 1430, "held", {"counted": "people", "locations": ("Magway",),
                                          "period": DAY})],
            {("f1", "f2", True), ("f1", "f3", True)},
            id="a-region-held-lies-in-the-country-held-not-in-its-sub-group",
        ),
        pytest.param(
            T_PARTY_TOLL,
            [("127 civilians", 127, "killed", {"counted": "civilians", "locations": ("Syria",),
                                               "actor": "other parties", "period": DAY}),
             ("115 civilians", 115, "killed", {"counted": "civilians", "locations": ("Idlib",),
                                               "period": DAY})],
            set(),
            id="a-place-toll-of-all-parties-is-no-part-of-one-party-toll",
        ),
    ],
)
def test_checks_lists_and_partitive_wholes(
    text: str, specs: list[tuple[Any, ...]], expected: set[tuple[str, str, bool]]
) -> None:
    figures = [
        at(text, needle, f"f{n}", value, measure, **fields)
        for n, (needle, value, measure, fields) in enumerate(specs, start=1)
    ]
    assert _subsets(find_checks(figures, text)) == expected


T_CASUALTIES_APART = (
    "The mission documented 5,122 casualties (1,692 deaths and 3,430 injured). Suicide attacks"
    " caused 1,413 casualties, including 427 deaths."
)


def test_checks_casualty_parts_are_stated_together() -> None:
    # the killed of the next sentence are no part of the first total ("427 + 3,430 does not
    # add up to 5,122"): its own parts, stated with it, add up
    figures = [
        at(T_CASUALTIES_APART, "5,122 casualties", "f1", 5122, "other", counted="casualties"),
        at(T_CASUALTIES_APART, "1,692 deaths", "f2", 1692, "other", counted="deaths"),
        at(T_CASUALTIES_APART, "3,430 injured", "f3", 3430, "injured", counted="people"),
        at(T_CASUALTIES_APART, "1,413 casualties", "f4", 1413, "other", counted="casualties"),
        at(T_CASUALTIES_APART, "427 deaths", "f5", 427, "killed", counted="deaths"),
    ]
    assert _sums(find_checks(figures, T_CASUALTIES_APART)) == {("f1", ("f2", "f3"), True)}


T_REGIONS = (
    "Some 700,000 people are displaced in the two regions. The Centre-Nord hosts 355,000 and the"
    " Sahel 307,000."
)
BURKINA = ("Burkina Faso",)
NORTH, SAHEL = ("Centre-Nord",), ("Sahel",)


@pytest.mark.parametrize(
    ("total", "places", "expected"),
    [
        pytest.param(
            700000, [NORTH + SAHEL, NORTH, SAHEL], {("f1", ("f2", "f3"), False)},
            id="two-regions-side-by-side-are-parts",
        ),
        pytest.param(
            700000, [BURKINA + NORTH, BURKINA, NORTH], set(),
            id="a-place-and-its-container-are-no-two-parts",
        ),
        pytest.param(
            300000, [NORTH + SAHEL, NORTH, SAHEL], set(),
            id="no-part-larger-than-its-total",  # a misread place, not the text's claim
        ),
    ],
)
def test_checks_sum_by_place_of_places_side_by_side(
    total: int, places: list[tuple[str, ...]], expected: set[Any]
) -> None:
    figures = [
        at(T_REGIONS, "700,000 people", "f1", total, "displaced", locations=places[0]),
        at(T_REGIONS, "355,000 and", "f2", 355000, "displaced", locations=places[1]),
        at(T_REGIONS, "307,000.", "f3", 307000, "displaced", locations=places[2]),
    ]
    assert _sums(find_checks(figures, T_REGIONS)) == expected


# --- issue 9: sums and subsets read end to end on short reports written for these tests -------


def _told(extraction: Any) -> tuple[set[Any], set[Any]]:
    """The sums and subsets of an extraction by the numbers as written."""
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    subsets = {
        (text_of[c.whole or ""], text_of[c.part or ""], c.holds)
        for c in extraction.checks
        if c.type is CheckType.SUBSET
    }
    return _stated_sums(extraction), subsets


@pytest.mark.parametrize(
    ("text", "sums", "subsets"),
    [
        pytest.param(
            "KYIV, 10 April 2024 - The mission verified 1,204 civilian casualties in March 2024:"
            " 311 killed and 893 injured.\n\nThe mission said 58 of the civilians killed died in"
            " the Donetsk region, while 39 were killed in Kharkiv region. A further 19 people"
            " were killed on 2 April, after the reporting period.",
            {("1,204", ("311", "893"), True)},
            {("311", "58", True), ("311", "39", True)},
            id="a-further-count-and-a-while-clause-are-no-parts",
        ),
        pytest.param(
            "The command said its forces killed 44 militants and detained 166 in the first half"
            " of 2024. In Iraq, 30 were killed and 74 detained; in Syria, 14 were killed and 92"
            " detained. Among those killed were eight senior leaders.",
            {("44", ("14", "30"), True), ("166", ("74", "92"), True)},
            {("44", "eight", True)},
            id="among-those-killed-climbs-to-the-whole-toll",
        ),
        pytest.param(
            "At least 99 journalists were killed in 2023, the group said on Friday. Of them, 77"
            " were killed in the war in Gaza: 72 Palestinians, three Lebanese and two Israelis."
            " The remaining 22 were killed in other countries, including six in Mexico.",
            {("At least 99", ("22", "77"), True), ("77", ("72", "three", "two"), True)},
            {("22", "six", True)},
            id="a-part-and-the-remaining-make-the-total",
        ),
        pytest.param(
            "Fighting has left 54,000 people confined in the province since January, the UN"
            " said. Among them are 22,000 indigenous people and 17,000 Afro-Colombians.",
            set(),
            {("54,000", "22,000", True), ("54,000", "17,000", True)},
            id="items-listed-after-a-partitive-share-its-whole",
        ),
        pytest.param(
            "Militants killed 23 people in attacks across the province on Monday, officials"
            " said. The victims included 14 passengers pulled from buses.",
            set(),
            {("23", "14", True)},
            id="the-victims-included",
        ),
        pytest.param(
            "Gunmen opened fire on a bus on Sunday, killing nine people and injuring 33 others,"
            " police said. Of the 33 injured, 10 had gunshot wounds, she said.",
            set(),
            {("33", "10", True)},
            id="a-whole-restated-before-its-part",
        ),
        pytest.param(
            "Two car bombs killed 15 soldiers near the base on Monday. Nine bomb blasts, some of"
            " them minutes apart, meanwhile killed seven people in the city.",
            set(),
            set(),
            id="of-them-far-before-a-number-is-no-partitive",
        ),
        pytest.param(
            "A suicide bomber blew himself up at the gate, killing six soldiers. All six of the"
            " soldiers killed were foreigners.",
            set(),
            set(),
            id="all-six-of-them-restates-the-whole",
        ),
        pytest.param(
            "A bomb tore through a pub on Saturday night. Nobody died but 33 people were injured."
            " The blast injured 23 civilians and 10 soldiers, police said.",
            {("33", ("10", "23"), True)},
            set(),
            id="a-list-of-kinds-adds-up-to-a-toll-of-people",
        ),
        pytest.param(
            "KYIV, 13 March 2023 - The office recorded 2,190 civilian casualties: 823 killed and"
            " 1,367 injured. This included:\na total of 823 killed (321 men, 212 women, 19 girls,"
            " 22 boys, as well as 5 children and 244 adults whose sex is unknown).",
            {("2,190", ("1,367", "823"), True),
             ("823", ("19", "212", "22", "244", "321", "5"), True)},
            set(),
            id="a-long-list-after-the-total-restated",
        ),
        pytest.param(
            "The prison service said 443 of the 879 inmates who escaped on Tuesday have been"
            " recaptured, while 436 remain at large.",
            {("879", ("436", "443"), True)},
            set(),
            id="a-part-of-the-whole-and-the-rest",
        ),
        pytest.param(
            "BRUSSELS, 8 December 2023 - The federation said 94 journalists were killed in 2023."
            " Of these, 68 died in the war in Gaza, where 61 Palestinian, 4 Israeli and 3"
            " Lebanese journalists lost their lives.",
            {("68", ("3", "4", "61"), True)},
            {("94", "68", True)},
            id="parts-of-a-sum-take-no-second-whole-by-place",
        ),
        pytest.param(
            "GENEVA, Jan 5 - Nearly 10.7 million people are now displaced in Sudan, the agency"
            " said. That includes 9.1 million displaced inside the country and 1.6 million who"
            " fled abroad.\n\nChad hosts 650,000 of the refugees, Egypt 500,000 and South Sudan"
            " 450,000.",
            {("Nearly 10.7 million", ("1.6 million", "9.1 million"), True),
             ("1.6 million", ("450,000", "500,000", "650,000"), True)},
            set(),
            id="of-the-refugees-is-the-count-of-refugees-not-its-total",
        ),
        pytest.param(
            "In August 2023, the junta killed 93 people. Those killed in August, by group:\n"
            "Civilians: 61\nResistance members: 24\nUnknown: 8\n\nThe junta also arrested 358"
            " people in August 2023, including:\n- 40 students\n- 12 journalists\n",
            {("93", ("24", "61", "8"), True)},
            {("358", "40", True), ("358", "12", True)},
            id="table-lines-and-an-including-list-one-item-a-line",
        ),
        pytest.param(
            "Two suicide bombers struck a market on Monday, killing at least 38 people, officials"
            " said. Police said earlier that 26 people had been killed. Among the dead were four"
            " policemen.",
            set(),
            {("at least 38", "four", True)},
            id="an-earlier-toll-holds-no-part-of-the-current-one",
        ),
        pytest.param(
            "The monitor documented the killing of 35 civilians in the province in February"
            " 2024, among them 8 children and 4 women. Two of the victims died under torture.",
            set(),
            {("35", "8", True), ("35", "4", True), ("35", "Two", True)},
            id="of-the-victims-is-the-toll-not-a-sub-group-of-it",
        ),
        pytest.param(
            "In the northern region, 1,120 people have been killed since February 2021: 980 men"
            " and 140 women. Of them, 310 were killed in air strikes.",
            {("1,120", ("140", "980"), True)},
            {("1,120", "310", True)},
            id="of-them-after-a-breakdown-is-the-total",
        ),
        pytest.param(
            "The monitor documented the killing of 35 civilians in Syria in February 2024."
            " Deir ez-Zor recorded the highest toll with 11 victims, followed by Daraa with"
            " eight and Idlib with six. Russian forces killed 1 civilian in an air strike near"
            " Idlib city.",
            set(),
            {("35", "11", True), ("35", "eight", True), ("35", "six", True),
             ("35", "1", True)},
            id="a-list-whose-items-share-their-places-holds-no-part-by-place",
        ),
        pytest.param(
            "Some 320 journalists were in prison worldwide on 1 December, the committee said."
            " China held 44 of them, Myanmar 43 and Belarus 28.",
            set(),
            {("Some 320", "44", True), ("Some 320", "43", True), ("Some 320", "28", True)},
            id="items-named-before-their-numbers-share-the-partitive-whole",
        ),
        pytest.param(
            "KABUL - The mission documented 5,122 civilian casualties in the country from"
            " January to June 2018. Suicide attacks caused 1,413 civilian casualties, the"
            " mission said. It recorded 1,355 child casualties and 478 women casualties.",
            set(),
            {("5,122", "1,413", True), ("5,122", "1,355", True), ("5,122", "478", True)},
            id="a-sub-group-belongs-to-the-toll-not-to-a-part-stated-between",
        ),
        pytest.param(
            "ABUJA - The prisons service said 879 inmates escaped from the city's jail on 5"
            " July 2022. Of the escaped inmates, 443 have been recaptured while 436 are still"
            " at large as of 8 July 2022.",
            {("879", ("436", "443"), True)},
            set(),
            id="what-became-of-those-counted-is-their-breakdown-now",
        ),
        pytest.param(
            "The office recorded 441 civilian casualties in the country in February 2023: 142"
            " killed and 299 injured. Among the casualties were 38 children.",
            {("441", ("142", "299"), True)},
            {("441", "38", True)},
            id="among-the-casualties-is-the-count-of-casualties",
        ),
        pytest.param(
            "The office recorded 7,199 civilians killed in the country in 2022. In the two"
            " eastern regions, 3,925 civilians were killed: 2,995 on one side of the front line"
            " and 930 on the other. Elsewhere in the country, 3,274 civilians were killed.",
            {("3,925", ("2,995", "930"), True), ("7,199", ("3,274", "3,925"), True)},
            set(),
            id="a-breakdown-is-told-through-its-stated-subtotal",
        ),
        pytest.param(
            "The office recorded 18,955 civilian casualties in the country in 2022: 7,199"
            " killed and 11,756 injured. In the two eastern regions: 9,150 casualties. In the"
            " other regions: 9,805 casualties.",
            {("18,955", ("11,756", "7,199"), True), ("18,955", ("9,150", "9,805"), True)},
            set(),
            id="a-total-broken-down-two-ways",
        ),
        pytest.param(
            "The spokesman said troops recovered 219 assorted weapons, comprising 74 AK47"
            " rifles, 22 fabricated rifles and 15 dane guns, as well as 4,328 rounds of"
            " ammunition.",
            set(),
            {("219", "74", True), ("219", "22", True), ("219", "15", True)},
            id="comprising-lists-parts-and-as-well-as-a-larger-sibling-is-none",
        ),
        pytest.param(
            "Troops neutralised 181 terrorists across Nigeria during the week, the defence"
            " spokesman said. In Borno State, troops neutralised 97 terrorists. In Zamfara"
            " State, troops neutralised 52 terrorists.",
            set(),
            {("181", "97", True), ("181", "52", True)},
            id="an-undated-briefing-places-its-parts-in-its-total",
        ),
        pytest.param(
            "Armed violence killed 1,554 people in Haiti from January to March 2024, the UN"
            " said. In March 2024 alone, 590 people were killed in Haiti.",
            set(),
            {("1,554", "590", True)},
            id="a-month-within-the-quarter",
        ),
        pytest.param(
            "A total of 23,855 people have been arrested since the coup, of whom 19,480 are"
            " still in detention. Of those still detained, 6,828 have been sentenced.",
            set(),
            {("23,855", "19,480", True), ("19,480", "6,828", True)},
            id="of-those-still-detained",
        ),
        pytest.param(
            "Of the 879 inmates who escaped on 5 July 2022, 443 have been recaptured, while"
            " 436 remain at large. As of 8 July 2022, among those still at large are 64"
            " suspected militants.",
            {("879", ("436", "443"), True)},
            {("436", "64", True)},
            id="the-group-words-repeat-what-is-said-of-the-whole",
        ),
        pytest.param(
            "The strikes killed 52 civilians in the city in May 2023, including 14 children and"
            " 9 women. In total, 23 women and children were killed in the city in May 2023.",
            {("23", ("14", "9"), True)},
            {("52", "14", True), ("52", "9", True)},
            id="an-item-of-a-breakdown-elsewhere-is-still-part-of-its-including-whole",
        ),
        pytest.param(
            "The office said 7,199 civilians were killed in the country in 2022. Most deaths"
            " were caused by shelling. The figures are likely higher. The dead included 2,844"
            " men, about 1,894 women, 173 girls, 201 boys, 28 children and 2,059 adults.",
            {("7,199", ("173", "2,059", "2,844", "201", "28", "about 1,894"), True)},
            set(),
            id="a-list-told-sentences-later-that-adds-up-as-stated",
        ),
        pytest.param(
            "The network documented the killing of 161 civilians in Syria in October 2023."
            " Regime forces killed 61 of them, Russian forces 9, and other parties 91.",
            {("161", ("61", "9", "91"), True)},
            set(),
            id="shares-by-party-told-as-a-list-add-up-to-the-toll",
        ),
        pytest.param(
            "The spokesman said troops recovered 178 assorted weapons and 3,412 rounds of"
            " ammunition, including 61 AK-47 rifles.",
            set(),
            {("178", "61", True)},
            id="an-including-list-of-a-kind-belongs-to-the-count-of-that-kind",
        ),
        pytest.param(
            "Gunmen killed 9 passengers in an attack on a bus on Sunday, police said. The bus"
            " fell into a gorge. Rescue work went on through the night. Officials said the toll"
            " could rise. Among the dead were 7 pilgrims and 2 drivers.",
            {("9", ("2", "7"), True)},
            set(),
            id="two-items-of-one-list-told-later-that-add-up",
        ),
        pytest.param(
            "Some 95,000 people live in the region's nine camps. As of 30 June, the population of"
            " Dalia camp stood at 21,400 people in 5,310 households.",
            set(),
            {("Some 95,000", "21,400", True)},
            id="households-are-no-part-of-a-count-of-people",
        ),
        pytest.param(
            "Militants detonated 30 bombs in the province in 2021, attacks that killed at least"
            " 55 people and wounded 140.\n\nSix suspects were arrested, while four remain at"
            " large, the ministry said. Among the victims were 12 policemen.",
            set(),
            {("at least 55", "12", True)},
            id="among-the-victims-a-part-of-the-toll-of-its-own-measure-sentences-back",
        ),
        pytest.param(
            "Gunmen killed 14 herders in the district on Monday. Villagers buried six of the"
            " victims on Tuesday, and eight bodies were taken to the morgue.",
            {("14", ("eight", "six"), True)},
            set(),
            id="of-the-victims-is-no-part-that-needs-a-toll-of-its-own-measure",
        ),
        pytest.param(
            "A drone hit a block of flats, injuring 15 people, among them a 9-year-old boy and"
            " three teenagers, the mayor said.",
            set(),
            {("15", "three", True)},
            id="among-them-after-items-of-one-person-each",
        ),
        pytest.param(
            "The ministry sanctioned 14 officers with travel bans and asset freezes, including"
            " four generals, over the crackdown.",
            set(),
            {("14", "four", True)},
            id="including-the-people-counted-a-few-words-back",
        ),
        pytest.param(
            "The clashes killed 48 people, among them 9 children, and wounded 120, among them"
            " 30 women, the governor said.",
            set(),
            {("48", "9", True), ("120", "30", True)},
            id="an-elided-noun-is-the-toll's-not-that-of-a-part-told-in-between",
        ),
        pytest.param(
            "Another 210 reporters are in jail, the group said, with Iran (40), Egypt (25) and"
            " Russia (19) holding the most.",
            set(),
            {("210", "40", True), ("210", "25", True), ("210", "19", True)},
            id="counts-in-brackets-after-names-are-parts-of-the-count-before-them",
        ),
        pytest.param(
            "The Tigris Rights Network documented the killing of 52 civilians in Iraq in March"
            " 2024, among them 11 children.\n\nBreakdown by perpetrator\n\nAccording to the"
            " network, government forces killed 30 civilians, including 5 children. Turkish forces"
            " killed 4 civilians in a drone strike near Sinjar. Other parties killed 15 civilians.",
            {("52", ("15", "30", "4"), False)},
            {("52", "11", True), ("30", "5", True)},
            id="a-breakdown-heading-makes-the-section-the-total's-parts-however-they-add-up",
        ),
        pytest.param(
            "Insurgents killed dozens of police officers at a base in Ghazni province on Monday,"
            " a senior official said. \"We know that 40 people have died in the blast at the"
            " base,\" said a senior official in the interior ministry.\n\nThe government has"
            " stopped publishing casualty figures in Afghanistan.\n\nThe Taliban claimed the"
            " attack. A spokesman for the group said they had killed 120 people in the assault.",
            set(),
            set(),
            id="two-sources-counts-of-the-same-people-are-rivals-not-a-whole-and-its-part",
        ),
    ],
)
def test_checks_read_on_new_reports(
    extract_text: Callable[..., Any], text: str, sums: set[Any], subsets: set[Any]
) -> None:
    assert _told(extract_text(text)) == (sums, subsets)


def test_checks_a_sources_data_is_that_source_not_a_rival(
    extract_text: Callable[..., Extraction],
) -> None:
    # "the monitor's data" names the monitor that signs the report: the perpetrator's share of
    # its toll is no second source's value for the toll
    extraction = extract_text(
        "The Northern Rights Monitor documented the killing of 35 civilians in Syria in March "
        "2024.\n\nAccording to the monitor's data, army shelling killed 26 civilians."
    )
    assert len(extraction.figures) == 2
    assert [c for c in extraction.checks if c.type is CheckType.CONFLICT] == []


# Issue 9: counts in brackets after names are parts of the count before them, unless a ranking
# cue ("followed by") makes that count the first item (a sibling placed elsewhere), and never of
# a count that is itself in brackets.
RANKED = "Sagaing had the most deaths, 1,382, followed by Magway (611) and Mandalay (498)."
RANKED_BRACKETED = (
    "Sagaing had the most deaths (1,382), followed by Magway (611) and Mandalay (498)."
)
LISTED = "In all 3,790 people were killed in Myanmar, Magway (611) and Mandalay (498) among them."
# the ranking told in the sentence after its total, its first item in brackets too
RANKED_AFTER_TOTAL = (
    "In all 3,790 people were killed in Myanmar last year. Sagaing recorded the most "
    "killings (1,382), followed by Magway (611) and Mandalay (498)."
)


@pytest.mark.parametrize(
    ("text", "whole_places", "expected"),
    [
        (RANKED, ("Sagaing Region", "Myanmar"), set()),
        (RANKED_BRACKETED, ("Sagaing Region", "Myanmar"), set()),
        (LISTED, ("Myanmar",), {("f1", "f2", True), ("f1", "f3", True)}),
        (RANKED_AFTER_TOTAL, ("Myanmar",),
         {("f1", "f2", True), ("f1", "f3", True), ("f1", "f4", True)}),
    ],
)
def test_checks_bracketed_series_after_a_ranking(
    text: str, whole_places: tuple[str, ...], expected: set[tuple[str, str, bool]]
) -> None:
    whole = "3,790" if "3,790" in text else "1,382"
    figures = [
        at(text, whole, "f1", int(whole.replace(",", "")), "killed", locations=whole_places),
        at(text, "611", "f2", 611, "killed", locations=("Magway Region", "Myanmar")),
        at(text, "498", "f3", 498, "killed", locations=("Mandalay Region", "Myanmar")),
    ]
    if whole != "1,382" and "1,382" in text:
        sagaing = ("Sagaing Region", "Myanmar")
        figures.append(at(text, "1,382", "f4", 1382, "killed", locations=sagaing))
    assert _subsets(find_checks(figures, text)) == expected


# Issue 9: a count placed nowhere of its own among parts by place is the rest of the total.
WITH_REST = "The union counted 97 reporters killed: 51 in Sudan, six in Mali and 40 elsewhere."
WITHOUT_REST = "The union counted 97 reporters killed: 51 in Sudan and six in Mali."
MISREAD_REST = "The union counted 97 reporters killed: 51 in Sudan, six in Mali and 12 elsewhere."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WITH_REST, {("f1", ("f2", "f3", "f4"), True)}),
        (WITHOUT_REST, {("f1", ("f2", "f3"), False)}),
        # the list, rest included, is told as the breakdown: it does not add up
        (MISREAD_REST, {("f1", ("f2", "f3", "f4"), False)}),
    ],
)
def test_checks_parts_by_place_with_the_rest(
    text: str, expected: set[tuple[str, tuple[str, ...], bool]]
) -> None:
    places = ("Sudan", "Mali")
    figures = [
        at(text, "97", "f1", 97, "killed", locations=places),
        at(text, "51", "f2", 51, "killed", locations=("Sudan",)),
        at(text, "six", "f3", 6, "killed", locations=("Mali",)),
    ]
    if "elsewhere" in text:
        rest = "40" if "40" in text else "12"
        figures.append(at(text, rest, "f4", int(rest), "killed", locations=places))
    sums = {(c.total, c.parts, c.holds) for c in find_checks(figures, text)
            if c.type is CheckType.SUM}
    assert sums == expected


# Issue 9: a total told after its parts ("..., bringing the total to 116").
@pytest.mark.parametrize(
    ("text", "total", "parts"),
    [
        ("Asia accounted for 31 killings, Africa for 12 and Europe for four, bringing the total "
         "to 47.", "47", ["31", "12", "four"]),
        ("Gunmen killed 9 in Ruhuha and 7 in Mareba on Sunday, raising the total to 16.", "16",
         ["9", "7"]),
        # a table's total line adds up the lines of its block
        ("Abductions by state, April:\nZamfara: 61\nKatsina: 23\nSokoto: 9\nTotal: 93", "93",
         ["61", "23", "9"]),
        ("Detainees by camp\nHol - 310\nRoj - 45\nGrand total - 355", "355", ["310", "45"]),
    ],
)
def test_checks_total_told_after_its_parts(text: str, total: str, parts: list[str]) -> None:
    words = {"four": 4}
    figures = [
        at(text, number, f"f{n}", words.get(number) or int(number), "killed")
        for n, number in enumerate([*parts, total], start=1)
    ]
    sums = [c for c in find_checks(figures, text) if c.type is CheckType.SUM]
    assert [(c.total, c.holds) for c in sums] == [(f"f{len(parts) + 1}", True)]


# Issue 9: the group of a partitive may be the harm's event noun ("nine of the arrests").
@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("Police arrested 52 people this month, 9 of the arrests in Kano.",
         ("detained", "detained")),
        ("Gangs killed 140 people in the quarter, 38 of the killings in Artibonite.",
         ("killed", "killed")),
        ("Gunmen seized 75 people in May, 20 of the abductions on the Abuja road.",
         ("kidnapped", "kidnapped")),
    ],
)
def test_checks_partitive_of_event_nouns(text: str, measures: tuple[str, str]) -> None:
    numbers = [w.strip(",.") for w in text.split() if w.strip(",.").isdigit()]
    figures = [
        at(text, number, f"f{n}", int(number), measure)
        for n, (number, measure) in enumerate(zip(numbers, measures, strict=True), start=1)
    ]
    assert _subsets(find_checks(figures, text)) == {("f1", "f2", True)}


# Issue 9 (checks9): breakdowns as reports give them, read through the whole pipeline.
@pytest.mark.parametrize(
    ("text", "sums", "subsets"),
    [
        pytest.param(
            "The agency said 64 children were killed or maimed in Somalia in the first quarter"
            " of 2024: 20 were killed and 44 were maimed.",
            {("64", ("20", "44"), True)},
            set(),
            id="children-killed-or-maimed-are-the-killed-and-the-maimed",
        ),
        pytest.param(
            "The raid killed 5 soldiers and wounded or abducted 9 villagers, officials said.",
            set(),
            set(),
            id="harms-after-an-and-are-another-figure's",
        ),
        pytest.param(
            "Clashes displaced 9,000 people in Sudan in May, the UN said. In El Fasher, 6,000"
            " people fled their homes. A further 3,000 were displaced in Nyala.",
            {("9,000", ("3,000", "6,000"), True)},
            set(),
            id="an-elided-noun-counts-like-its-sibling-when-each-part-has-its-own-place",
        ),
        pytest.param(
            "Clashes displaced 9,000 people in Sudan in May, the UN said. Some 6,000 people"
            " fled their homes in the first week. A further 3,000 were displaced later.",
            set(),
            {("9,000", "Some 6,000", True)},
            id="an-elided-noun-with-no-place-of-its-own-is-no-part",
        ),
        pytest.param(
            "A car bomb wounded 30 people in Mogadishu on Monday, police said. Six soldiers were"
            " among those hurt.",
            set(),
            {("30", "Six", True)},
            id="a-part-told-before-among-those-hurt",
        ),
        pytest.param(
            "Shelling killed 15 people and wounded 40 in Kharkiv on Friday. Two journalists were"
            " among the dead, the governor said.",
            set(),
            {("15", "Two", True)},
            id="among-the-dead-after-the-part-picks-the-toll-not-the-wounded",
        ),
        pytest.param(
            "Gunmen killed 30 villagers in Zamfara on Monday. Two soldiers were among the troops"
            " sent to the area.",
            set(),
            set(),
            id="among-a-group-that-names-no-harm-is-no-part-of-a-toll",
        ),
        pytest.param(
            "Security incidents in Diyala, 1 to 7 March 2024:\nKilled - 8\nInjured - 19\n"
            "Arrested - 7\nCasualties - 27\n\nThe police gave the figures.",
            {("27", ("19", "8"), True)},
            set(),
            id="a-casualties-line-adds-the-killed-and-injured-lines-of-its-table",
        ),
        pytest.param(
            "Four soldiers were killed and 11 wounded in the ambush near Kidal on Monday,"
            " raising the casualties to 15, the army said.",
            {("15", ("11", "Four"), True)},
            set(),
            id="casualties-brought-to-a-number-after-their-parts",
        ),
        pytest.param(
            "Four soldiers were killed and 11 wounded in the ambush near Kidal on Monday,"
            " bringing the casualties to 40, the army said.",
            set(),
            set(),
            id="a-running-casualty-count-is-no-failing-sum-of-the-day's-parts",
        ),
        pytest.param(
            "The 12 aid workers abducted near Malakal on Monday included 7 South Sudanese,"
            " 3 Kenyans and 2 Ugandans, the agency said.",
            {("12", ("2", "3", "7"), True)},
            set(),
            id="a-count-that-included-a-list-adding-up-is-their-sum",
        ),
        pytest.param(
            "The 40 people killed in the raid on the village included 9 children, officials said.",
            set(),
            {("40", "9", True)},
            id="a-count-that-included-one-group-holds-it",
        ),
        pytest.param(
            "Police arrested 30 suspects in an operation that included 200 officers.",
            set(),
            set(),
            id="an-operation-that-included-officers-holds-no-arrests",
        ),
        pytest.param(
            "Zaatari camp holds 80,000 people, up from 20,000 two years ago, the agency said."
            " Of the residents, 40,000 are children.",
            set(),
            {("80,000", "40,000", True)},
            id="of-the-residents-is-a-part-of-the-camp-population-that-holds-it",
        ),
        pytest.param(
            "Gunmen abducted 74 people in Zamfara in May 2024, compared with 52 in May 2023, the"
            " group said. Of those abducted in May, 19 were children.",
            set(),
            {("74", "19", True)},
            id="a-value-compared-against-holds-no-parts",
        ),
        pytest.param(
            "Of the 40 people killed in the raid on the displacement camp near Goma, 22 were"
            " women, 11 were children and 7 were men, the UN said.",
            {("40", ("11", "22", "7"), True)},
            set(),
            id="parts-of-a-toll-told-at-a-camp-are-no-camp-population",
        ),
        pytest.param(
            "Three policemen and 6 gunmen were killed in a shootout in Jolo on Friday, the army"
            " said. The shootout left 9 people dead.",
            {("9", ("6", "Three"), True)},
            set(),
            id="a-toll-of-people-right-after-its-list-is-its-sum",
        ),
        pytest.param(
            "Three policemen and 6 gunmen were killed in a shootout in Jolo on Friday, the army"
            " said. On Saturday, 9 people were killed in Basilan.",
            set(),
            set(),
            id="a-toll-of-another-day-and-place-after-a-list-is-no-sum",
        ),
        pytest.param(
            "Six police officers were killed in the first attack near Mopti on Friday and five"
            " in the second, bringing to 11 the number of officers killed that day, police said.",
            {("11", ("Six", "five"), True)},
            set(),
            id="a-gapped-clause-and-bringing-to-a-number-make-a-sum",
        ),
        pytest.param(
            "More than 30,000 refugees have arrived in Renk since April, the agency said. About"
            " 900 people arrived on Monday alone.\n\nThe agency said 400 of the new arrivals"
            " were children.",
            set(),
            {("More than 30,000", "400", True)},
            id="a-group-named-again-is-the-whole's-not-a-count-told-alone",
        ),
        pytest.param(
            "Civilian deaths in Yemen\n\nThe group recorded the deaths of 64 civilians in May"
            " 2024, including 12 children.\n\nBreakdown by perpetrator\n\nHouthi forces: 21\n"
            "Saudi-led coalition: 8\nOther parties: 35\n\nThe group published its report on"
            " Monday.",
            {("64", ("21", "35", "8"), True)},
            {("64", "12", True)},
            id="table-lines-under-a-breakdown-title-count-the-toll-above-it",
        ),
        pytest.param(
            "Some 150 inmates escaped from the jail in Maiduguri on Monday night, the prison"
            " service said. By Thursday, 96 of them had been recaptured, while 54 were still at"
            " large.",
            {("Some 150", ("54", "96"), True)},
            set(),
            id="what-became-of-them-days-later-is-the-breakdown-of-those-who-escaped",
        ),
        pytest.param(
            "Some 900,000 people are displaced in Mali, the agency said in May 2024. Mopti hosts"
            " 310,000 of them, the Segou region 150,000 and Timbuktu 90,000.",
            set(),
            {("Some 900,000", "310,000", True), ("Some 900,000", "150,000", True),
             ("Some 900,000", "90,000", True)},
            id="names-and-numbers-after-a-count-go-on-its-series",
        ),
        pytest.param(
            "The agency said 2,400 people had crossed into Niger from Mali since Monday, of whom"
            " 1,300 were children.",
            set(),
            {("2,400", "1,300", True)},
            id="people-who-crossed-into-a-country-and-of-whom",
        ),
        pytest.param(
            "Of the 44 people killed in the ambush, 29 were police officers. The remaining 15"
            " were civilians, officials said.",
            {("44", ("15", "29"), True)},
            set(),
            id="the-remaining-count-counts-what-the-count-before-it-counts",
        ),
        pytest.param(
            "Air strikes and shelling killed 52 people in Idlib province last week. The air strikes"
            " alone killed 31.",
            set(),
            {("52", "31", True)},
            id="a-count-told-alone-is-part-of-the-larger-count-before-it",
        ),
        pytest.param(
            "Gunmen killed 12 people in Kano on Monday. On Tuesday alone, 20 were killed in"
            " Kaduna.",
            set(),
            set(),
            id="a-count-told-alone-of-another-day-is-part-of-nothing-before-it",
        ),
        pytest.param(
            "Some 800,000 people are displaced in Niger. Of them, 450,000 are children. The"
            " Tillaberi region alone hosts 300,000 displaced people.",
            set(),
            {("Some 800,000", "450,000", True), ("Some 800,000", "300,000", True)},
            id="a-count-told-alone-skips-a-part-told-of-the-whole",
        ),
    ],
)
def test_checks_breakdowns_checks9(
    extract_text: Callable[..., Any], text: str, sums: set[Any], subsets: set[Any]
) -> None:
    assert _told(extract_text(text)) == (sums, subsets)


# Issue 9 (checks9, real reports): a wave of attacks, its totals first, then each town's tolls
# in a sentence of their own; the tolls add up to a total only when every one of them is counted.
WAVE = (
    "A wave of bombings across Nigeria killed {killed} people and wounded 60 on Friday, officials"
    " said. In Maiduguri, a suicide bomber killed 14 people at a market and wounded 30 others."
    " A car bomb in {town} killed nine people and left 18 hurt, police said. Gunmen in Zaria"
    " killed eight worshippers and wounded 12 at a mosque."
)


@pytest.mark.parametrize(
    ("text", "sums"),
    [
        pytest.param(
            WAVE.format(killed=31, town="Kano"),
            {("31", ("14", "eight", "nine"), True), ("60", ("12", "18", "30"), True)},
            id="each-measure-of-three-towns-adds-up-to-the-countrys",
        ),
        pytest.param(
            WAVE.format(killed=30, town="Kano"),
            {("60", ("12", "18", "30"), True)},
            id="tolls-that-do-not-add-up-are-no-breakdown",
        ),
        pytest.param(
            WAVE.format(killed=31, town="Niamey"),
            set(),
            id="a-town-of-another-country-breaks-the-run",
        ),
    ],
)
def test_checks_tolls_of_places_add_up_to_the_wave(
    extract_text: Callable[..., Any], text: str, sums: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == sums


# Issue 9 (checks9, real reports): a combined count by one named source and another source's
# counts of the same place are two accounts, not a whole and its parts; one source's are.
ACCOUNTS = (
    "A senior police official said at least 50 people were killed or wounded in the attack in"
    " Gao. {who} said 12 people were killed and 15 were injured when the bomb exploded."
)


@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            ACCOUNTS.format(who="A spokesman for the governor"), set(), id="another-source"
        ),
        pytest.param(
            ACCOUNTS.format(who="The official"),
            {("at least 50", "12", True), ("at least 50", "15", True)},
            id="the-same-source",
        ),
    ],
)
def test_checks_another_sources_count_is_no_part(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (checks9, real reports): in a story that dates nothing, two named sources' counts of
# one place and the same words of time (or none) are one thing told twice.
BLAST = (
    "A car bomb exploded at a checkpoint in Mogadishu. Fourteen people were killed, police"
    " officer Abdi Nur said. {second} people were killed in the blast{when}, hospital director"
    " Ali Hassan said."
)


@pytest.mark.parametrize(
    ("text", "conflicts"),
    [
        pytest.param(
            BLAST.format(second="Twenty-one", when=""),
            {("Fourteen", "Twenty-one")},
            id="two-sources-no-time",
        ),
        pytest.param(BLAST.format(second="Fourteen", when=""), set(), id="two-sources-agree"),
        pytest.param(
            BLAST.format(second="Twenty-one", when=" on Tuesday"), set(), id="another-day-told"
        ),
    ],
)
def test_checks_undated_sources_differ(
    extract_text: Callable[..., Any], text: str, conflicts: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert found == conflicts


# Issue 9 (checks9, real reports): headlines of several outlets on one event, glued into one line
# by semicolons (as event datasets give their sources), each another outlet's report.
@pytest.mark.parametrize(
    ("text", "conflicts"),
    [
        pytest.param(
            "Gunmen kill 9 villagers in northern Mali;Attack on Mali village kills 12 villagers;"
            "Nine villagers dead in Mali raid",
            # the first headline's 9, told again, is one figure, told by the first (figs13)
            {("9", "12")},
            id="two-outlets-differ",
        ),
        pytest.param(
            "Gunmen kill 9 villagers in northern Mali;Attack on Mali village kills 9 villagers;"
            "Nine villagers dead in Mali raid",
            set(),
            id="outlets-agree",
        ),
        pytest.param(
            "Gunmen kill 9 villagers in northern Mali; attack on a Mali village kills 12"
            " villagers, a local official says; Nine villagers dead in Mali raid",
            set(),
            id="semicolons-of-prose-join-no-headlines",
        ),
        pytest.param(
            "Gunmen kill 9 villagers in northern Mali;Troops kill 12 militants in Niger;"
            "Nine villagers dead in Mali raid",
            set(),
            id="another-thing-in-another-country",
        ),
        # Issue 9 (parts10): a headline whose count takes in another place as well ("and in
        # clashes near Timbuktu") counts more than the others; "martyrs" are the dead
        pytest.param(
            "Gunmen kill 9 villagers in Gao, Mali;Attack on Gao village kills 12 villagers;"
            "Twenty villagers killed in raid on Gao and in clashes near Timbuktu",
            {("9", "12")},
            id="a-headline-counting-another-place-too",
        ),
        pytest.param(
            "Syria: Idlib;Air raids on Idlib leave 23 martyrs, including 5 children;"
            "31 martyrs including 8 children in air raids on Idlib",
            {("23", "31"), ("5", "8")},
            id="martyrs-are-the-dead",
        ),
    ],
)
def test_checks_headlines_of_outlets_differ(
    extract_text: Callable[..., Any], text: str, conflicts: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert found == conflicts


# Issue 9 (checks9, real reports): in a glued list of outlets' headlines, a count of one headline
# is no part of another headline's count (two outlets' reports of one event), only of its own.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "Gunmen kill 14 villagers in Mali;Attack on Mali village kills 20 people;"
            "9 of the dead were women, Mali officials say",
            set(),
            id="another-headlines-count",
        ),
        pytest.param(
            "Attack on Mali village kills 20 people, including 9 women;Gunmen kill 14 villagers"
            " in Mali;Mali raid toll rises",
            {("f2", "f3", True)},
            id="the-same-headlines-count",
        ),
    ],
)
def test_checks_no_part_across_headlines(text: str, subsets: set[Any]) -> None:
    fields: dict[str, Any] = {"locations": ("Mali",), "period": H1}
    figures = [
        at(text, "14 villagers", "f1", 14, "killed", counted="villagers", **fields),
        at(text, "20 people", "f2", 20, "killed", counted="people", **fields),
        at(text, "9 ", "f3", 9, "killed", counted="women", **fields),
    ]
    assert _subsets(find_checks(figures, text)) == subsets


# Issue 9 (checks9, real reports): a number that is part of a group named right after it ("11 of
# the injured") is no earlier value of the group's count, even after "initially" in its sentence.
@pytest.mark.parametrize(
    ("last", "relations"),
    [
        pytest.param(
            "Two of the 12 initially killed and 11 of the injured were police officers.",
            set(),
            id="a-part-of-the-injured",
        ),
        pytest.param(
            "Officials had initially said 50 were injured.",
            {("update", "50", "71")},
            id="an-earlier-value",
        ),
    ],
)
def test_checks_part_of_a_named_group_is_no_earlier_value(
    extract_text: Callable[..., Any], last: str, relations: set[Any]
) -> None:
    text = (
        "A bomb killed 13 people and wounded 71 in a cafe in Madrid on Friday. The blast wrecked"
        " the building. Police sealed off the street. Officers searched the houses nearby."
        " Witnesses described panic in the crowd. Reporters gathered outside. " + last
    )
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (c.type.value, text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type in RELATIONS
    }
    assert found == relations


# Issue 9 (checks9, real reports): the doers of an attack, named by the act ("two gunmen were
# killed"), are no part, by place alone, of the toll of the people it killed; its victims are.
@pytest.mark.parametrize(
    ("second", "subsets"),
    [
        pytest.param("two gunmen were killed by soldiers", set(), id="gunmen"),
        pytest.param("two attackers were killed by soldiers", set(), id="attackers"),
        pytest.param("12 villagers were killed", {("30", "12", True)}, id="victims"),
    ],
)
def test_checks_doers_are_no_part_of_the_toll(
    extract_text: Callable[..., Any], second: str, subsets: set[Any]
) -> None:
    text = f"Attacks killed 30 people in Mali on Monday, officials said. In Gao, {second}."
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (checks9, real reports): "Among the casualties, six were killed" is part of the count of
# casualties when the text gives one, else of the toll of the part's own harm.
@pytest.mark.parametrize(
    ("opening", "subsets"),
    [
        pytest.param("", {("Around 40", "six", True)}, id="no-count-of-casualties"),
        pytest.param(
            ", leaving 65 casualties", {("65", "six", True)}, id="a-count-of-casualties"
        ),
    ],
)
def test_checks_among_the_casualties(
    extract_text: Callable[..., Any], opening: str, subsets: set[Any]
) -> None:
    text = (
        f"Gunmen attacked two villages in Jonglei on Sunday{opening}. Around 40 civilians were"
        " killed and 25 wounded. Among the casualties, six aid workers were killed."
    )
    assert _told(extract_text(text))[1] == subsets


# --- issue 9: breakdowns told over several sentences, and lists that only look like one --------


def _sums_at(text: str, extraction: Any) -> list[tuple[int, tuple[str, ...], bool]]:
    """The sum checks of an extraction: where the total's number stands, its parts as written."""
    by_id = {f.id: f for f in extraction.figures}
    return sorted(
        (
            by_id[c.total].quantity.start,
            tuple(sorted(by_id[p].quantity.number_text for p in c.parts)),
            c.holds,
        )
        for c in extraction.checks
        if c.type is CheckType.SUM
    )


@pytest.mark.parametrize(
    ("text", "total", "parts"),
    [
        pytest.param(
            "A bomb in the market killed 20 people on Tuesday. Of the dead, 12 were soldiers."
            " Another 8 were police officers.",
            "20 people",
            ("12", "8"),
            id="another-names-one-more-kind-of-the-dead",
        ),
        pytest.param(
            "The blast killed 30 people on Friday. Among the dead, 14 were children. Another 9"
            " were women. A further 7 were men.",
            "30 people",
            ("14", "7", "9"),
            id="a-further-names-one-more-kind-too",
        ),
        pytest.param(
            "Gunmen killed 20 people on Tuesday. Of the dead, 12 were soldiers. Another 8 were"
            " killed on Wednesday.",
            None,
            (),
            id="another-that-were-killed-later-adds-to-the-count",
        ),
        pytest.param(
            "Gunmen killed 20 people on Tuesday, 12 of them soldiers. Another 8 were police"
            " officers killed in a second raid.",
            None,
            (),
            id="another-kind-killed-elsewhere-adds-to-the-count",
        ),
        pytest.param(
            "The blast killed 30 people on Friday. Among the dead, 14 were children. Another 16"
            " were wounded.",
            None,
            (),
            id="another-of-another-harm-is-no-part",
        ),
        pytest.param(
            "Militiamen abducted 3 aid workers near the river. They stopped a truck and robbed"
            " its 9 passengers before kidnapping 3 of them (2 nurses and 1 driver).",
            "3 aid workers",
            ("1", "2"),
            id="a-total-restated-before-its-parts-is-one-sum-of-the-first",
        ),
        pytest.param(
            "Armed men abducted 4 engineers near the dam on Monday. They stopped 2 cars before"
            " taking 4 of them (3 welders and 1 guard).",
            "4 engineers",
            ("1", "3"),
            id="one-sum-of-the-first-statement-again",
        ),
        pytest.param(
            "Four INGO staff (2 French, 1 Belgian and 1 Dutch) kidnapped when gunmen stormed"
            " the airstrip.",
            "Four",
            ("1", "1", "2"),
            id="the-first-item-of-a-bracketed-list-is-no-sum-of-the-others",
        ),
        pytest.param(
            "Six aid workers (3 Kenyan, 2 Somali and 1 Ugandan) kidnapped near the camp.",
            "Six",
            ("1", "2", "3"),
            id="the-bracketed-list-adds-up-to-the-number-before-it",
        ),
    ],
)
def test_checks_breakdowns_over_sentences_and_brackets(
    extract_text: Callable[..., Any], text: str, total: str | None, parts: tuple[str, ...]
) -> None:
    expected = [] if total is None else [(text.index(total), parts, True)]
    assert _sums_at(text, extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The bombing wounded 25 people, including 14 students, 7 teachers and 6 guards.",
            {("25", ("14", "6", "7"), False)},
            id="an-including-list-of-roles-that-names-more-than-its-total-fails",
        ),
        pytest.param(
            "The attack killed 10 villagers, including 6 men and 7 women, and wounded 30 others.",
            {("10", ("6", "7"), False)},
            id="distinct-sub-groups-that-name-more-than-their-total-fail",
        ),
        pytest.param(
            "The raid killed 30 people, including 12 soldiers and 9 police officers.",
            set(),
            id="an-including-list-may-fall-short-of-its-total",
        ),
        pytest.param(
            "The raid killed 30 people, including 20 children and 15 girls.",
            set(),
            id="girls-may-be-among-the-children",
        ),
        pytest.param(
            "The raid killed 30 people, including 20 civilians and 15 children.",
            set(),
            id="children-may-be-among-the-civilians",
        ),
    ],
)
def test_checks_including_list_that_names_more_than_its_total(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == expected


# Issue 9 (parts10): a count told after "a second blast", "in a separate attack" belongs to
# another incident, no part of a single incident's toll told before it; a toll of several
# incidents ("twin bombs") holds each one's.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "A car bomb killed 40 people in the market on Monday, police said. A second blast"
            " killed 9 people near the mosque an hour later.",
            set(),
            id="a-second-blast",
        ),
        pytest.param(
            "A roadside bomb killed 30 soldiers near the border on Friday, the army said. In a"
            " separate attack, 4 soldiers were killed at a checkpoint.",
            set(),
            id="a-separate-attack",
        ),
        pytest.param(
            "Twin car bombs killed 49 people in the market on Monday, police said. The second"
            " blast killed 9 people near the mosque.",
            {("49", "9", True)},
            id="twin-bombs-hold-each-blasts-toll",
        ),
        pytest.param(
            "A car bomb killed 40 people in the market on Monday, police said. Among the dead"
            " were 9 children.",
            {("40", "9", True)},
            id="no-other-incident-told",
        ),
    ],
)
def test_checks_another_incidents_count_is_no_part(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (parts10): items in brackets after a partitive count ("4 of them (3 traders and 1
# driver)") break that count down; they are no parts of its whole.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "Militiamen abducted 12 villagers near the river on Monday. They freed 5 of them"
            " (4 farmers and 1 herder) a day later.",
            {("12", "5", True)},
            id="bracketed-items-of-a-partitive",
        ),
        pytest.param(
            "Militiamen abducted 12 villagers near the river on Monday. Among them were 4"
            " farmers and 3 herders.",
            {("12", "4", True), ("12", "3", True)},
            id="items-listed-with-a-partitive-share-its-whole",
        ),
    ],
)
def test_checks_bracketed_items_of_a_partitive(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (parts10): a count told per stretch of time ("are killed every day") is a rate, neither
# a whole nor a part of an incident's toll.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "Officials say around 40 soldiers are killed every day in Afghanistan. A car bomb"
            " killed 12 soldiers in Ghazni, officials said.",
            set(),
            id="a-daily-rate-holds-no-toll",
        ),
        pytest.param(
            "Officials say 40 soldiers were killed across Afghanistan on Monday. A car bomb"
            " killed 12 soldiers in Ghazni, officials said.",
            {("40", "12", True)},
            id="a-days-toll-holds-a-towns",
        ),
    ],
)
def test_checks_a_rate_is_no_whole(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (parts10): "all three people died" after its parts restates them as their total.
@pytest.mark.parametrize(
    ("text", "total", "parts"),
    [
        pytest.param(
            "2 aid workers and 1 driver killed and 1 guard wounded when a bomb hit their car"
            " near the town. The car was destroyed and all three people died.",
            "three",
            ("1", "2"),
            id="all-n-after-its-parts",
        ),
        pytest.param(
            "A bomb hit a bus near the town on Monday. All 12 passengers were killed, police"
            " said.",
            None,
            (),
            id="all-n-with-no-parts",
        ),
    ],
)
def test_checks_all_n_restates_the_parts_before(
    extract_text: Callable[..., Any], text: str, total: str | None, parts: tuple[str, ...]
) -> None:
    expected = [] if total is None else [(text.index(total), parts, True)]
    assert _sums_at(text, extract_text(text)) == expected


# Issue 9 (parts10): "with 3 being medics" after a toll counts some of it.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "At least 30 people were killed in the blast, with 4 being nurses from the clinic,"
            " and another 90 were injured.",
            {("At least 30", "4", True)},
            id="with-n-being",
        ),
        pytest.param(
            "At least 30 people were killed in the blast and 4 nurses were injured.",
            set(),
            id="another-harm-is-no-part",
        ),
    ],
)
def test_checks_with_n_being_is_a_part(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (parts10): two sources' tolls of two incidents ("A second blast killed 9") are no rival
# values of one thing.
@pytest.mark.parametrize(
    ("second", "conflicts"),
    [
        pytest.param("A second blast killed 9 people", set(), id="another-incident"),
        pytest.param("The blast killed 9 people", {("40", "9")}, id="the-same-incident"),
    ],
)
def test_checks_another_incidents_toll_is_no_rival_value(
    extract_text: Callable[..., Any], second: str, conflicts: set[Any]
) -> None:
    text = (
        "A car bomb killed 40 people in the market, police said. "
        f"{second} in the market, a hospital official said."
    )
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert found == conflicts


# Issue 9 (parts10): a number after "including" right behind a list item ("two aid workers
# including one Malian") is a part of that item, not another item of the total's breakdown.
@pytest.mark.parametrize(
    ("text", "sums", "subsets"),
    [
        pytest.param(
            "Three people were killed, including two aid workers including one Malian and one"
            " Guinean, and one member of a local NGO.",
            # session 31: "one Guinean", the next item of the inner list, is a figure too, so
            # the inner list is a sum of its item rather than a subset
            {("two", ("one", "one"), True)},
            {("Three", "two", True)},
            id="nested-including",
        ),
        pytest.param(
            "Gunmen killed 3 people on Monday: two aid workers including one Malian, and one"
            " farmer.",
            set(),
            {("two", "one", True)},
            id="nested-including-after-a-colon",
        ),
        pytest.param(
            "Gunmen killed 3 people on Monday: 2 aid workers and 1 farmer.",
            {("3", ("1", "2"), True)},
            set(),
            id="items-of-one-list",
        ),
    ],
)
def test_checks_nested_including_is_a_part_of_its_item(
    extract_text: Callable[..., Any], text: str, sums: set[Any], subsets: set[Any]
) -> None:
    assert _told(extract_text(text)) == (sums, subsets)


# Issue 9 (parts11): "three guards were among the eight wounded": the number right after "among
# the" is the whole of the count before it, even when the whole was first told earlier.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "A car bomb in the market of Tikrit killed four people and wounded nine on Sunday."
            " The mayor said that two guards were killed and five guards were among the nine"
            " wounded.",
            {("nine", "five", True)},
            id="among-the-whole-told-before",
        ),
        pytest.param(
            "Gunmen attacked a bus near Kandahar on Monday. Six pilgrims were among the 14"
            " injured, police said.",
            {("14", "Six", True)},
            id="among-the-whole-told-here",
        ),
        pytest.param(
            "Rebels shelled the town of Bambari on Friday. Two soldiers were among the troops"
            " sent to the town, the army said.",
            set(),
            id="among-a-group-without-its-number",
        ),
    ],
)
def test_checks_part_were_among_the_whole(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (parts11): in a glued list of outlets' headlines, counts of one toll stated differently
# as plain numbers or lower bounds are rival values ("At least 20" against "killing 41"); a
# headline telling one of the incidents the others count together gives a part of the first
# value, no rival.
@pytest.mark.parametrize(
    ("text", "conflicts", "subsets"),
    [
        pytest.param(
            "Twin blasts hit markets in Somalia, killing 41;At least 20 killed in two Somali"
            " market blasts: police;More than 30 dead in two bombings at Somali markets",
            {("41", "At least 20"), ("41", "More than 30"), ("At least 20", "More than 30")},
            set(),
            id="bounds-and-numbers-differ",
        ),
        pytest.param(
            "Suicide bombings in Somalia hit markets, killing 41;Somali police raise death toll"
            " in bombing at Baidoa market to 25 killed;At least 30 dead in two Somali market"
            " blasts",
            {("41", "At least 30")},
            {("41", "25", True)},
            id="one-incidents-toll-is-a-part",
        ),
        pytest.param(
            "Suicide bombings in Somalia hit markets, killing 41;At least 12 killed in second"
            " market blast in Somalia: police;Over 30 dead in two bombings at Somali markets",
            {("41", "Over 30")},
            {("41", "At least 12", True)},
            id="an-ordinal-singles-out-one-incident",
        ),
        pytest.param(
            "Twin blasts hit markets in Somalia, killing 41;At least 41 killed in two Somali"
            " market blasts",
            set(),
            set(),
            id="the-same-number-bounded",
        ),
    ],
)
def test_checks_headline_lists_rivals_and_parts(
    extract_text: Callable[..., Any], text: str, conflicts: set[Any], subsets: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert (found, _told(extraction)[1]) == (conflicts, subsets)


# Issue 9 (parts11): "Three of the victims were critically injured" is part of the toll of the
# part's own harm (a verb to be right after the group tells it); a dotted abbreviation ("the U.S.
# Embassy") ends no sentence, so a group named a few sentences later still finds its whole.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "A mine exploded under a truck in Kunar, injuring 12 soldiers. The patrol was"
            " returning to its base. Four of the victims were badly injured.",
            {("12", "Four", True)},
            id="of-the-victims-were-injured",
        ),
        pytest.param(
            "Gunmen fired on a wedding in Kunar, killing 12 guests. Relatives later buried"
            " four of the victims, and three bodies were taken to the hospital.",
            set(),
            id="of-the-victims-with-no-harm-after",
        ),
        pytest.param(
            "Two car bombs went off in Lima, injuring 14 people. One exploded near the U.S."
            " Embassy. Another went off near the U.K. mission. The army sent troops. Four of"
            " the injured were guards.",
            {("14", "Four", True)},
            id="dotted-abbreviations-end-no-sentence",
        ),
    ],
)
def test_checks_part_of_the_victims_and_abbreviations(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (parts11): a minority of sources ("A few say that 90 ...") or a source saying "only" a
# smaller number gives a rival value of the toll the report states, a conflict.
@pytest.mark.parametrize(
    ("last", "conflicts"),
    [
        pytest.param("A few say that 90 people were killed.", {("About 70", "90")}, id="a-few"),
        pytest.param(
            "The local radio reported that only 40 people were killed.",
            {("About 70", "40")},
            id="reported-that-only",
        ),
        pytest.param("Rescuers said 12 of the dead were children.", set(), id="a-part"),
    ],
)
def test_checks_rival_value_of_a_minority_of_sources(
    extract_text: Callable[..., Any], last: str, conflicts: set[Any]
) -> None:
    text = (
        "A truck bomb exploded outside the central market of Mosul on Tuesday. About 70 people"
        " were killed in the blast. " + last
    )
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert found == conflicts


# Issue 9 (checks13): a toll that counts anybody and a count of one kind of its people in a
# sentence next to it, before or after; not an item of a list, not the attackers, not the toll
# itself told again.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "A bomb wrecked a bar in Lagos on Saturday night, injuring 27 people. Four"
            " firefighters were hurt while fighting the blaze.",
            {("27", "Four", True)},
            id="a-kind-told-after-the-toll",
        ),
        pytest.param(
            "A bomb wrecked a bar in Lagos on Saturday night, injuring 27 people.Four"
            " firefighters were hurt while fighting the blaze.",
            {("27", "Four", True)},
            id="a-kind-told-after-the-toll-glued",
        ),
        pytest.param(
            "Three nurses were killed when gunmen stormed the clinic in Goma on Monday.The army"
            " blamed the militia.At least 18 people died in the raid.",
            {("At least 18", "Three", True)},
            id="the-toll-told-after-the-kind-glued",
        ),
        pytest.param(
            "Militiamen attacked a village near Bunia on Monday, killing at least 40. Six"
            " teachers were killed at the school.",
            {("at least 40", "Six", True)},
            id="a-kind-after-a-toll-without-a-noun",
        ),
        pytest.param(
            "Three nurses were killed when gunmen stormed the clinic in Goma on Monday. The army"
            " blamed the militia. At least 18 people died in the raid.",
            {("At least 18", "Three", True)},
            id="the-toll-told-after-the-kind",
        ),
        pytest.param(
            "Two guards were shot dead at the mine in Tarkwa on Sunday. Police said 7 people died"
            " in the attack in all.",
            {("7", "Two", True)},
            id="the-toll-in-all-after-the-kind",
        ),
        pytest.param(
            "A bomb wrecked a bar in Lagos on Saturday night, injuring 27 people. Four"
            " firefighters and a nurse were hurt while fighting the blaze.",
            set(),
            id="one-item-of-a-list-is-no-part-alone",
        ),
        pytest.param(
            "At least 15 people were killed when gunmen stormed the hotel in Mogadishu on Friday."
            " All 4 gunmen were shot dead by guards.",
            set(),
            id="the-attackers-are-no-part-of-their-victims",
        ),
        pytest.param(
            "Gunmen abducted 3 engineers near Jos on Friday. They stopped a bus and took 3 of"
            " them to the forest.",
            set(),
            id="a-count-told-again-is-no-part-of-itself",
        ),
        pytest.param(
            "A car bomb killed 12 people in the market on Monday. Another 5 soldiers died at a"
            " checkpoint.",
            set(),
            id="another-count-adds-to-the-toll",
        ),
    ],
)
def test_checks_a_kind_of_the_toll_next_to_it(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (checks13): a total told with how many incidents it holds ("in two explosions"), then
# each incident's toll in a sentence of its own, even where scraped text runs sentences together.
KIDAL = (
    "Eight rebels died in two accidental explosions near Kidal on Friday.{gap}A mine they were"
    " laying went off, killing the three on the spot.{gap}{last} died later when their truck"
    " struck another mine."
)


@pytest.mark.parametrize("gap", SENTENCE_GAPS)
@pytest.mark.parametrize(
    ("last", "sums"),
    [
        pytest.param("Five rebels", {("Eight", ("Five", "three"), True)}, id="one-toll-each"),
        pytest.param("Five rebels and two guards", set(), id="two-counts-in-one-toll's-sentence"),
    ],
)
def test_checks_tolls_of_the_incidents_a_total_counts(
    extract_text: Callable[..., Any], gap: str, last: str, sums: set[Any]
) -> None:
    text = KIDAL.format(gap=gap, last=last)
    assert _told(extract_text(text))[0] == sums


# Issue 9 (checks13): "N of the victims ... the other M" splits the toll even when a count of
# another measure stands between the toll and its first part.
@pytest.mark.parametrize(
    ("rest", "sums"),
    [
        pytest.param("five", {("nine", ("Four", "five"), True)}, id="adds-up"),
        pytest.param("three", {("nine", ("Four", "three"), False)}, id="falls-short"),
    ],
)
def test_checks_a_part_and_the_other_after_another_measure(
    extract_text: Callable[..., Any], rest: str, sums: set[Any]
) -> None:
    text = (
        "A grenade blast killed nine people and wounded 40 others at a market in Goma on"
        f" Tuesday, police said. Four of the victims died at the scene and the other {rest}"
        " succumbed to their injuries."
    )
    assert _told(extract_text(text))[0] == sums


# Issue 9 (checks13): two outlets' headlines glued by one semicolon are two reports; a bound
# ("At least 5") beside the bare count ("Five") in another headline is that count told again,
# the bare one each rival value is weighed against.
@pytest.mark.parametrize(
    ("text", "conflicts"),
    [
        pytest.param(
            "Blast kills 1, wounds 4 in Mogadishu;Mogadishu car bomb kills 1 and wounds 9",
            {("4", "9")},
            id="two-headlines",
        ),
        pytest.param(
            "At least 5 soldiers killed in Mali ambush;Five soldiers killed in ambush in Mali:"
            " army;Mali: 7 soldiers killed in ambush",
            {("Five", "7")},
            id="a-bound-beside-its-bare-count",
        ),
    ],
)
def test_checks_rival_headlines_glued(
    extract_text: Callable[..., Any], text: str, conflicts: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert found == conflicts


# Issue 9 (checks14): an "including" list may name people by their roles before the first number;
# a figure kept at a later restatement still holds the list of its first statement; people still
# in the state a count told and "the remaining" captives are part of that count; a count of
# people the text breaks down ("Of this number, ...", "Of the nine guards ...") is a figure.
@pytest.mark.parametrize(
    ("text", "subsets"),
    [
        pytest.param(
            "Gunmen killed five people on a minibus near Kalemie on Sunday (including the driver,"
            " his assistant and two traders).",
            {("five", "two", True)},
            id="word-items-before-the-first-number",
        ),
        pytest.param(
            "Gunmen killed five people near Kalemie on Sunday, including the driver, and 14 were"
            " wounded.",
            set(),
            id="a-clause-after-word-items-is-no-item",
        ),
        pytest.param(
            "Gunmen killed five people near Kalemie on Sunday, including in Muswa, where 3 died.",
            set(),
            id="a-place-after-the-cue-is-no-item",
        ),
        pytest.param(
            "On 3 May 2021, herders clashed with farmers in Tombura. At least 9 people (including"
            " three teachers) were killed and several others wounded. According to the county"
            " commissioner, 20 people were killed. 9 Fatalities split between two events.",
            {("9", "three", True)},
            id="the-list-of-a-first-statement-kept-at-its-restatement",
        ),
        pytest.param(
            "The blast at the market hurt 21 people, and 8 were still in hospital on Monday.",
            {("21", "8", True)},
            id="still-in-hospital-of-the-injured",
        ),
        pytest.param(
            "Rebels abducted 6 engineers near the dam. Two days later they freed one of the"
            " engineers. The remaining 4 engineers were moved to a camp in the hills.",
            {("6", "4", True)},
            id="the-remaining-captives-of-those-abducted",
        ),
        pytest.param(
            "Rebels abducted 6 engineers near the dam and freed the remaining 9 villagers.",
            set(),
            id="the-remaining-of-another-count-in-the-same-sentence-is-no-part",
        ),
        pytest.param(
            "Some 60 pilgrims were riding in the buses. Of this number, 7 were killed,"
            " 12 wounded and about 20 taken away by the gunmen.",
            {("Some 60", "7", True), ("Some 60", "12", True), ("Some 60", "about 20", True)},
            id="a-count-of-people-broken-down-by-harms-in-the-next-sentence",
        ),
        pytest.param(
            "Of the nine guards on duty at the depot five were shot dead.",
            {("nine", "five", True)},
            id="a-sentence-opening-on-the-whole",
        ),
        pytest.param(
            "The court convicted him on all 12 counts he faced. Of those, 4 carried a life term.",
            set(),
            id="counts-of-charges-are-no-figures",
        ),
        pytest.param(
            "Prosecutors said 20 people took part in the plot. Of those, 8 are in custody, while"
            " 15 arrest warrants were issued.",
            {("20", "8", True)},
            id="warrants-listed-beside-a-part-are-no-people",
        ),
    ],
)
def test_checks_including_roles_still_and_remaining(
    extract_text: Callable[..., Any], text: str, subsets: set[Any]
) -> None:
    assert _told(extract_text(text))[1] == subsets


# Issue 9 (checks14): guerrillas and bandits are fighters of an armed group, so outlets'
# headlines counting "bandits" and "militants" killed in one clash give rival values.
@pytest.mark.parametrize(
    ("text", "conflicts"),
    [
        pytest.param(
            "2 militants killed in clash in Sulu;Troops kill 1 bandit in Sulu clash",
            {("2", "1")},
            id="bandits-and-militants",
        ),
        pytest.param(
            "Army kills 4 militants in Ituri;4 guerrillas killed in Ituri clash",
            set(),
            id="the-same-value-told-by-another-word",
        ),
    ],
)
def test_checks_fighters_by_other_words_are_one_thing(
    extract_text: Callable[..., Any], text: str, conflicts: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.CONFLICT
    }
    assert found == conflicts


# Issue 9 (checks14): a bare "initially" gives a number as an earlier report only beside a verb of
# reporting; otherwise it dates the event ("Initially, 15 tourists were kidnapped ...").
@pytest.mark.parametrize(
    ("text", "updates"),
    [
        pytest.param(
            "Gunmen kidnapped 8 tourists on the trail. Initially, 15 tourists were kidnapped by"
            " the gang, but it freed the older ones at once.",
            set(),
            id="initially-dates-the-event",
        ),
        pytest.param(
            "Gunmen kidnapped 8 tourists on the trail. Police initially said 15 tourists were"
            " kidnapped.",
            {("15", "8")},
            id="initially-said",
        ),
        pytest.param(
            "Gunmen kidnapped 8 tourists on the trail. Initially 15 tourists were reported"
            " kidnapped.",
            {("15", "8")},
            id="initially-reported-after-the-number",
        ),
    ],
)
def test_checks_initially_is_an_earlier_report_only_when_reported(
    extract_text: Callable[..., Any], text: str, updates: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    found = {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.UPDATE
    }
    assert found == updates


# Issue 9 (sums15): short incident reports in the style of event datasets' descriptions, read
# through the whole pipeline; breakdowns that sum, and parts of other places, measures and
# incidents that must not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "On 3 March, unidentified gunmen attacked a bus near Kidal, killing 7 people: 4"
            " soldiers and 3 civilians.",
            {("7", ("3", "4"), True)},
            id="colon-list-by-side",
        ),
        pytest.param(
            "Militants ambushed a convoy in Tillaberi on Sunday, killing 11 people. The dead were"
            " eight soldiers and three civilians.",
            {("11", ("eight", "three"), True)},
            id="the-dead-were-a-list-in-the-next-sentence",
        ),
        pytest.param(
            "ADF militants killed 9 civilians in Beni territory on 12 May: 6 in Mavivi and 3 in"
            " Oicha.",
            {("9", ("3", "6"), True)},
            id="towns-of-one-province-may-lie-in-the-total's-place",
        ),
        pytest.param(
            "Clashes in Jonglei killed 20 people on Monday: 12 in Bor and 8 in Twic East.",
            {("20", ("12", "8"), True)},
            id="places-within-the-total's",
        ),
        pytest.param(
            "Al-Shabaab fighters attacked a base near Baidoa; 6 people were killed, including 4"
            " soldiers and 2 attackers.",
            {("6", ("2", "4"), True)},
            id="including-list-that-adds-up",
        ),
        pytest.param(
            "Suspected Fulani militia killed 14 villagers in Bassa on Tuesday: 9 men, 3 women and"
            " 2 children.",
            {("14", ("2", "3", "9"), True)},
            id="by-gender-and-age",
        ),
        pytest.param(
            "A grenade attack on a bar in Bujumbura killed 4 people and wounded 9, for a total of"
            " 13 casualties.",
            {("13", ("4", "9"), True)},
            id="casualties-called-a-total-after-the-killed-and-wounded",
        ),
        pytest.param(
            "Boko Haram fighters killed 3 soldiers and 2 vigilantes in Gwoza on Sunday, a total"
            " of 5 dead.",
            {("5", ("2", "3"), True)},
            id="total-after-its-parts",
        ),
        pytest.param(
            "Rebels attacked a police post in Kaya, killing 12 people on both sides. Two police"
            " officers died and 10 rebels were also killed.",
            {("12", ("10", "Two"), True)},
            id="both-sides-told-in-the-next-sentence",
        ),
        pytest.param(
            "Two car bombs hit Borno on Sunday, killing a total of at least 15 people. In Konduga"
            " a bomb killed 6 villagers, and in Bama another killed 9 people.",
            {("at least 15", ("6", "9"), True)},
            id="hedged-total-called-a-total-then-each-town's-toll",
        ),
        pytest.param(
            "Suicide bombers struck mosques in Quetta on Friday, killing a total of at least 25"
            " worshippers and wounding dozens. One blast killed 11 people and wounded 30, and a"
            " second killed 14 people.",
            {("at least 25", ("11", "14"), True)},
            id="hedged-total-called-a-total-then-two-tolls-of-one-sentence",
        ),
        pytest.param(
            "Suicide bombers struck mosques in Quetta on Friday, killing a total of at least 25"
            " worshippers. In March, one blast killed 11 people and another killed 14 people.",
            set(),
            id="tolls-of-a-sentence-telling-another-time",
        ),
        pytest.param(
            "On 4 May, militants killed 6 soldiers in Menaka. The next day, 2 civilians were"
            " killed in Gao and 4 in Ansongo.",
            set(),
            id="tolls-of-another-province-are-another-incident's",
        ),
        pytest.param(
            "A bomb killed 9 people in Mogadishu on Friday. A week earlier, 5 soldiers and 4"
            " civilians died in an ambush near Afgoye.",
            set(),
            id="an-earlier-ambush-elsewhere-is-no-breakdown",
        ),
        pytest.param(
            "Clashes killed 5 people and injured 5 others in Bor on Friday.",
            set(),
            id="killed-and-injured-without-a-total",
        ),
        pytest.param(
            "Police arrested 10 people after the attack in Kano, which killed 6 soldiers and 4"
            " civilians.",
            set(),
            id="the-killed-add-up-to-no-count-of-arrests",
        ),
        pytest.param(
            "Militants killed 7 people in Diffa and abducted 3 women and 4 children.",
            set(),
            id="the-abducted-add-up-to-no-count-of-the-killed",
        ),
        pytest.param(
            "Gunmen killed 8 people in Zamfara on Monday. Separately, on Wednesday 5 were killed"
            " in Katsina and 3 in Sokoto.",
            set(),
            id="a-separate-day-in-other-states",
        ),
        pytest.param(
            "Gunmen killed a total of at least 12 people in Kano state this week. On Monday 5"
            " were abducted in Wudil and 7 in Gaya.",
            set(),
            id="a-total-of-the-killed-is-no-sum-of-the-abducted",
        ),
        pytest.param(
            "A bomb killed 4 people and wounded 6 in Kandahar, and a total of 10 suspects were"
            " arrested.",
            set(),
            id="a-total-of-arrests-is-no-count-of-casualties",
        ),
    ],
)
def test_checks_sums_in_short_incident_reports(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == expected


def _stated_subsets(extraction: Any) -> set[tuple[str, str]]:
    """The holding subset checks of an extraction as (whole, part) by the numbers as written."""
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    return {
        (text_of[c.whole or ""], text_of[c.part or ""])
        for c in extraction.checks
        if c.type is CheckType.SUBSET and c.holds
    }


# Issue 9 (sums31): a total that counts its incidents in digits ("in 2 attacks") as in words;
# a list that falls short of its total and goes on to a further member by its place ("The
# fourth was defused", "The last was freed later") says itself it is incomplete: its
# items are parts of the total, no failing sum. Without such a word the shortfall is claimed.
@pytest.mark.parametrize(
    ("text", "sums", "subsets"),
    [
        pytest.param(
            "Bandits killed at least 30 people in 2 attacks in Zamfara State on Sunday. In Gusau"
            " they shot 12 traders dead at a market. In Anka, another gang killed 18 villagers.",
            {("at least 30", ("12", "18"), True)},
            set(),
            id="incidents-counted-in-digits",
        ),
        pytest.param(
            "Bandits killed at least 30 people in 12 attacks in Zamfara State on Sunday. In Gusau"
            " they shot 12 traders dead at a market. In Anka, another gang killed 18 villagers.",
            set(),
            {("at least 30", "12"), ("at least 30", "18")},
            id="twelve-incidents-is-no-pair-of-tolls",
        ),
        pytest.param(
            "Police said 4 bombs were planted in Lagos on Tuesday: 2 at a market and 1 at a bus"
            " station. The fourth was defused.",
            set(),
            {("4", "2"), ("4", "1")},
            id="the-fourth-untold-item-makes-the-list-incomplete",
        ),
        pytest.param(
            "Five aid workers were abducted in Gao on Monday: 2 Malians and 1 Nigerien. The"
            " last was released a week later.",
            set(),
            {("Five", "2"), ("Five", "1")},
            id="the-last-untold-item-makes-the-list-incomplete",
        ),
        pytest.param(
            "Police said 4 bombs were planted in Lagos on Tuesday: 2 at a market and 1 at a bus"
            " station. Traders fled the area.",
            {("4", ("1", "2"), False)},
            set(),
            id="a-shortfall-with-no-untold-item-is-claimed",
        ),
        pytest.param(
            "A grenade killed ten people in a village on Tuesday. Three of the victims died at"
            " the scene and the other four died in hospital.",
            {("ten", ("Three", "four"), False)},
            set(),
            id="the-other-four-closes-the-list",
        ),
        pytest.param(
            "Police said 3 bombs exploded in Kano on Friday: 2 in the market and 1 at the bus"
            " station. The third bomb was the largest.",
            {("3", ("1", "2"), True)},
            set(),
            id="an-ordinal-after-a-list-that-adds-up",
        ),
    ],
)
def test_checks_incident_counts_and_incomplete_lists(
    extract_text: Callable[..., Any], text: str, sums: set[Any], subsets: set[Any]
) -> None:
    extraction = extract_text(text)
    assert (_stated_sums(extraction), _stated_subsets(extraction)) == (sums, subsets)


# Issue 9 (sums31): a part larger than its whole is the text's own contradiction only when the
# text states the whole with the part ("12 of the 10 victims"); a whole found by reference that
# is smaller than its part was the wrong whole, and no failure is claimed. A count told as
# additional ("four additional captives") is no part of the count before it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Police said 12 of the 10 victims were children.",
            {("10", "12", False)},
            id="whole-stated-with-the-part",
        ),
        pytest.param(
            "The kidnappers drove off with four more captives, while nine of the captives were"
            " freed.",
            set(),
            id="whole-found-by-reference-is-too-small",
        ),
        pytest.param(
            "The kidnappers drove off with four more captives, while nine of the captives from the"
            " ferry got away.",
            set(),
            id="a-named-group-of-the-partitive-is-another-whole",
        ),
        # "additional" right after the number adds to the count told before: no part of it
        pytest.param(
            "On Friday rebels took over a school in Kidal, holding some 150 pupils captive. They"
            " escaped a police cordon with four additional captives.",
            set(),
            id="additional-after-the-number-adds-to-the-count",
        ),
    ],
)
def test_checks_failing_subset_needs_its_whole_stated(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    extraction = extract_text(text)
    text_of = {f.id: f.quantity.number_text for f in extraction.figures}
    assert {
        (text_of[c.whole or ""], text_of[c.part or ""], c.holds)
        for c in extraction.checks
        if c.type is CheckType.SUBSET
    } == expected


# Issue 9 (sums31): a breakdown found (the killed, by place) carries the breakdown told side by
# side with it (the injured beside each part) for the total's sentence's other measure, when the
# intervals can meet; a shortfall there is no claim (it may be wounded the list does not place).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Three car bombs went off in Syria on Monday, killing a total of at least twelve"
            " people and wounding over sixty. They hit two towns: Homs, where two people died"
            " and five were hurt, and Hama, where ten were killed and over fifty wounded.",
            {
                ("at least twelve", ("ten", "two"), True),
                ("over sixty", ("five", "over fifty"), True),
            },
            id="hedged-wounded-told-beside-the-dead",
        ),
        pytest.param(
            "Two bombs exploded in Kaduna on Friday, killing 12 people and injuring 40. In the"
            " market, 5 people were killed and 20 injured, while at the bus station 7 died and 15"
            " were wounded.",
            {("12", ("5", "7"), True)},
            id="a-shortfall-beside-is-not-claimed",
        ),
        pytest.param(
            "Gunmen killed 9 people and abducted 30 in Zamfara on Monday. In Anka, 4 were killed"
            " and 10 kidnapped; in Gusau, 5 were killed and 20 abducted.",
            {("9", ("4", "5"), True), ("30", ("10", "20"), True)},
            id="killed-and-abducted-side-by-side",
        ),
    ],
)
def test_checks_breakdowns_told_side_by_side(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == expected


# Issue 9 (sums31): an item of a breakdown may open its own list of parts with a dash or a
# bracket ("six nurses--four from Uganda and two from Rwanda--"): those are the item's parts,
# skipped until the list closes, never items of the total nor a sum of an item and its part.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Raiders killed nine aid workers at a clinic near Bunia. Those killed included 3"
            " doctors--two Belgians and a Kenyan-- and six nurses--four from Uganda and two from"
            " Rwanda.",
            {("nine", ("3", "six"), True), ("six", ("four", "two"), True)},
            id="items-with-dashed-lists-of-their-own",
        ),
        pytest.param(
            "Raiders killed nine aid workers at a clinic near Bunia, including 3 doctors--two"
            " Belgians and a Kenyan-- and six nurses.",
            {("nine", ("3", "six"), True)},
            id="including-list-with-a-dashed-list-inside",
        ),
        pytest.param(
            "A bomb killed 9 people in Kabul: 5 soldiers (2 officers) and 4 civilians.",
            {("9", ("4", "5"), True)},
            id="bracketed-list-of-an-item",
        ),
        pytest.param(
            "Raiders killed nine people in Bunia: six nurses and three doctors.",
            {("nine", ("six", "three"), True)},
            id="a-flat-list",
        ),
    ],
)
def test_checks_lists_within_a_breakdown(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == expected


# Issue 9 (sums31): a toll of people, then the groups it was made of told one sentence after
# another (attackers among them), three or more that add up exactly over two sentences or more;
# a count listed under a group ("including 3 Britons") is that group's part, skipped. Another
# day's count or counts that do not add up make no sum.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Gunmen attacked a hotel in Sousse on Friday, and 30 people were killed. Among the"
            " dead were 24 tourists, including 3 Britons. Five police officers were also killed."
            " One attacker was shot dead by police.",
            {("30", ("24", "Five", "One"), True)},
            id="victims-police-and-an-attacker",
        ),
        pytest.param(
            "Eight gunmen stormed a beach resort near Mombasa. 40 people were killed and 30"
            " wounded. Soldiers arrived an hour later. Two attackers were shot dead on the beach"
            " and another six were killed in a car chase. Among the dead were 27 holidaymakers,"
            " including 9 Germans and 4 Italians. Five hotel staff were also killed.",
            {("40", ("27", "Five", "Two", "six"), True)},
            id="attackers-told-first-then-victims",
        ),
        # a group and the counts listed under it ("27 + 9 + 4" = 40) are no flat list
        pytest.param(
            "Eight gunmen stormed a beach resort near Mombasa. 40 people were killed. Among the"
            " dead were 27 holidaymakers, including 9 Germans and 4 Italians.",
            set(),
            id="a-group-and-its-own-list-are-no-list-told-later",
        ),
        pytest.param(
            "A bomb killed 12 people in Kano on Monday. Four soldiers died at the gate. Five"
            " civilians were killed in the market. On Tuesday, 3 more people died in Kaduna.",
            set(),
            id="another-day's-count-is-no-group",
        ),
        pytest.param(
            "A bomb killed 12 people in Kano on Monday. Four soldiers died at the gate. Five"
            " civilians were killed in the market. Two policemen also died.",
            set(),
            id="groups-that-do-not-add-up",
        ),
    ],
)
def test_checks_groups_told_apart(
    extract_text: Callable[..., Any], text: str, expected: set[Any]
) -> None:
    assert _stated_sums(extract_text(text)) == expected


# Issue 9 (sums15): a part placed in another province of the total's country is another
# incident's count; a town the gazetteer does not know, or one of the total's province, may be.
@pytest.mark.parametrize(
    ("part", "total", "expected"),
    [
        pytest.param(("Gao",), ("Menaka",), True, id="two-towns-of-two-regions"),
        pytest.param(("Afgooye",), ("Mogadishu",), True, id="a-town-outside-the-capital"),
        pytest.param(("Gao",), ("Mali",), False, id="a-town-of-the-total's-country"),
        pytest.param(("Taji",), ("Baghdad",), False, id="a-town-of-the-total's-province"),
        pytest.param(("Mavivi",), ("Beni",), False, id="a-place-we-do-not-know"),
        pytest.param(("Gao",), (), False, id="a-total-placed-nowhere"),
        pytest.param(("Kano",), ("Gao",), False, id="another-country-is-likelier-misread"),
    ],
)
def test_checks_part_placed_elsewhere(
    make_figure: Callable[..., Figure], part: tuple[str, ...], total: tuple[str, ...],
    expected: bool,
) -> None:
    assert placed_elsewhere(
        make_figure("f2", 4, "killed", locations=part),
        make_figure("f1", 6, "killed", locations=total),
    ) is expected


# Issue 9 (sums15): a total placed in towns side by side and their country has a part in each
# town, and a part may name a spot within its town besides it (claimed by place even when it
# does not add up: 26 + 22 against 50, which no other rule reads as a sum).
T_TWO_TOWNS = "Bombs killed 50 people in Charikar and Kabul. 26 died in Charikar, 22 in Kabul."


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        pytest.param(
            [("Charikar", "Kabul", "Afghanistan"), ("Charikar",), ("Green Zone", "Kabul")],
            {("f1", ("f2", "f3"), False)},
            id="the-country-and-a-spot-within-a-town-are-no-other-slots",
        ),
        pytest.param(
            [("Charikar", "Kabul"), ("Charikar",), ("Charikar", "Kabul")],
            set(),
            id="a-part-in-both-towns-is-no-one-town's",
        ),
        pytest.param(
            [("Charikar", "Kabul"), ("Charikar",), ("Afghanistan",)],
            set(),
            id="a-part-in-the-country-is-no-town's",
        ),
    ],
)
def test_checks_parts_by_place_slot(places: list[tuple[str, ...]], expected: set[Any]) -> None:
    figures = [
        at(T_TWO_TOWNS, "50 people", "f1", 50, "killed", locations=places[0]),
        at(T_TWO_TOWNS, "26 died", "f2", 26, "killed", locations=places[1]),
        at(T_TWO_TOWNS, "22 in", "f3", 22, "killed", locations=places[2]),
    ]
    assert _sums(find_checks(figures, T_TWO_TOWNS)) == expected
