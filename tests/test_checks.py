"""Sum and subset checks within one document, on hand-built figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsledger.model import CheckType
from newsledger.verify.checks import find_checks

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
