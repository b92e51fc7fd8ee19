"""Derived figures (rest of a period) and checks of sub-periods against totals."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import build_figure
from newsledger.model import (
    CheckType,
    DerivedFigure,
    Document,
    Extraction,
    Figure,
    Measure,
    Qualifier,
)
from newsledger.store import Ledger
from newsledger.verify.derive import (
    Derivation,
    derive,
    derive_thing,
    derive_totals,
    derived_json,
    rest_quantity,
)
from newsledger.verify.reconcile import reconcile

H1 = (date(2024, 1, 1), date(2024, 6, 30))
Q1 = (date(2024, 1, 1), date(2024, 3, 31))
Q2 = (date(2024, 4, 1), date(2024, 6, 30))
JAN, FEB, MAR = ((date(2024, m, 1), date(2024, m, d)) for m, d in ((1, 31), (2, 29), (3, 31)))


def period_figure(
    doc: str, value: int, period: tuple[date, date], *, qualifier: str = "exact",
    measure: Measure = Measure.KILLED, counted: str = "ISIS operatives",
) -> Figure:
    """A CENTCOM-style periodic figure: ISIS operatives in Iraq and Syria over ``period``."""
    return build_figure(
        "f1", value, measure, doc=doc, qualifier=qualifier,
        high=None if qualifier == "at_least" else "same", counted=counted, actor="ISIS",
        locations=("Iraq", "Syria"), period=period, source="CENTCOM",
    )


def derive_from(*figures: Figure) -> Derivation:
    """Reconcile hand-built figures (one document each, no dates) and derive from the groups."""
    documents = {f.doc: Document(f"report {f.doc}", name=f.doc) for f in figures}
    return derive(reconcile(list(figures), documents))


def test_derive_second_quarter_from_half_year_and_first_quarter() -> None:
    result = derive_from(period_figure("h1", 44, H1), period_figure("q1", 18, Q1))
    (derived,) = result.figures
    figure = derived.figure
    assert (figure.doc, figure.id, figure.quantity.low, figure.quantity.high) == (
        "derived", "d1", 26, 26)
    assert figure.quantity.qualifier is Qualifier.EXACT
    assert (figure.period_start, figure.period_end) == Q2
    assert derived.derived_from == (("h1", "f1"), ("q1", "f1"))
    assert "44" in derived.rule and "18" in derived.rule and derived.rule.endswith("= 26")
    assert [(c.type, c.holds) for c in result.checks] == [
        (CheckType.SUBSET, True), (CheckType.DERIVED, True)]


@pytest.mark.parametrize(
    ("total", "part", "expected"),
    [
        (("exact", 196), ("exact", 94), (102, 102, "exact", "102")),
        (("at_least", 44), ("exact", 18), (26, None, "at_least", "at least 26")),
        (("exact", 44), ("at_least", 18), (0, 26, "at_most", "at most 26")),
        (("approximate", 100), ("exact", 40), (55, 65, "range", "55 to 65")),
    ],
)
def test_derive_widens_hedged_inputs_honestly(
    total: tuple[str, int], part: tuple[str, int], expected: tuple[object, ...]
) -> None:
    result = derive_from(period_figure("h1", total[1], H1, qualifier=total[0]),
                         period_figure("q1", part[1], Q1, qualifier=part[0]))
    q = result.figures[0].figure.quantity
    assert (q.low, q.high, q.qualifier.value, q.number_text) == expected


def test_derive_flags_a_part_larger_than_its_total() -> None:
    result = derive_from(period_figure("h1", 100, H1), period_figure("q1", 120, Q1))
    assert result.figures == ()
    assert [(c.type, c.holds) for c in result.checks] == [
        (CheckType.SUBSET, False), (CheckType.DERIVED, False)]
    assert "impossible" in result.checks[1].reason and "-20" in result.checks[1].reason


@pytest.mark.parametrize(
    ("months", "total", "holds"),
    [((10, 5, 3), 18, True), ((10, 5, 3), 17, False), ((10, 5, 3), 19, False)],
)
def test_derive_months_must_add_up_to_the_quarter(
    months: tuple[int, int, int], total: int, holds: bool
) -> None:
    figures = [period_figure(f"m{n}", value, period)
               for n, (value, period) in enumerate(zip(months, (JAN, FEB, MAR), strict=True))]
    result = derive_from(period_figure("q1", total, Q1), *figures)
    (check,) = [c for c in result.checks if c.type is CheckType.SUM]
    assert (check.total, check.parts, check.holds) == ("q1:f1", ("m0:f1", "m1:f1", "m2:f1"), holds)


def test_derive_partial_months_are_at_most_the_total() -> None:
    result = derive_from(period_figure("q1", 12, Q1), period_figure("m0", 10, JAN),
                         period_figure("m1", 5, FEB))
    (check,) = [c for c in result.checks if c.type is CheckType.SUM]
    assert check.holds is False and "are at most" in check.reason


@pytest.mark.parametrize(
    "figures",
    [
        pytest.param([period_figure("h1", 44, H1), period_figure("q1", 18, Q1),
                      period_figure("q2", 26, Q2)], id="rest-already-stated"),
        pytest.param([period_figure("h1", 44, H1, measure=Measure.HELD),
                      period_figure("q1", 18, Q1, measure=Measure.HELD)], id="stocks"),
        pytest.param([period_figure("h1", 44, H1),
                      period_figure("q1", 18, Q1, counted="senior ISIS leaders")],
                     id="different-counted-noun"),
    ],
)
def test_derive_nothing(figures: list[Figure]) -> None:
    assert derive_from(*figures).figures == ()


def test_derive_rest_quantity_exact_needs_exact_inputs() -> None:
    assert rest_quantity(5, 5, exact=True).qualifier is Qualifier.EXACT
    assert rest_quantity(5, 5, exact=False).qualifier is Qualifier.RANGE


def test_derived_line_adds_lineage_and_rule_to_the_figure_line() -> None:
    (derived,) = derive_from(period_figure("h1", 44, H1), period_figure("q1", 18, Q1)).figures
    line = derived_json(derived)
    assert {k: line[k] for k in ("kind", "doc", "id", "low", "high", "qualifier")} == {
        "kind": "figure", "doc": "derived", "id": "d1", "low": 26, "high": 26,
        "qualifier": "exact"}
    assert line["derived_from"] == [{"doc": "h1", "id": "f1"}, {"doc": "q1", "id": "f1"}]
    assert line["rule"] == derived.rule


def test_ledger_stores_derived_figures() -> None:
    with Ledger(":memory:") as ledger:
        for figure in (period_figure("h1", 44, H1), period_figure("q1", 18, Q1)):
            ledger.add(Extraction(Document(f"report {figure.doc}", name=figure.doc),
                                  (figure,), ()))
        assert ledger.reconcile()["derived"] == 1
        (stored,) = ledger.derived()
    assert isinstance(stored, DerivedFigure)
    assert stored.derived_from == (("h1", "f1"), ("q1", "f1"))
    assert (stored.figure.quantity.low, stored.figure.period_start) == (26, Q2[0])



@pytest.mark.parametrize("totals", [("h1",), ("q1",), ("h1", "q1", "jan"), ("h1", "feb")])
def test_each_total_derives_what_it_gives_in_the_whole_thing(totals: tuple[str, ...]) -> None:
    """``derive_totals`` (derivation again for some totals only) gives per total, in the
    thing's order, what ``derive_thing`` gives for the whole thing, numbered from d1."""
    bests = [period_figure("feb", 6, FEB), period_figure("h1", 44, H1),
             period_figure("q1", 18, Q1), period_figure("jan", 5, JAN)]
    whole = derive_thing(bests)

    def what(derivation: Derivation) -> tuple[list[object], list[object]]:
        return ([(d.figure.quantity, d.derived_from) for d in derivation.figures],
                [(c.type, c.holds, c.whole or c.total, c.part, c.parts) for c in derivation.checks])

    every = derive_totals(bests, {f"{b.doc}:f1" for b in bests})
    assert [key for key, _ in every] == ["jan:f1", "q1:f1", "h1:f1", "feb:f1"]
    joined = Derivation(tuple(f for _, d in every for f in d.figures),
                        tuple(c for _, d in every for c in d.checks))
    assert what(joined) == what(whole) and whole.figures
    some = derive_totals(bests, {f"{name}:f1" for name in totals})
    assert [(key, what(d)) for key, d in some] == [
        (key, what(d)) for key, d in every if key.split(":")[0] in totals]
