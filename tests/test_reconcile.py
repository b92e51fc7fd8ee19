"""Reconciling figures across reports: groups, verdicts, best/low/high, the ledger, the CLI."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import build_news_extractions
from newsledger.cli import app
from newsledger.model import (
    Check,
    CheckType,
    DatePrecision,
    Document,
    Extraction,
    Figure,
    Incident,
    IncidentCount,
    Measure,
    Qualifier,
    Quantity,
    Verdict,
)
from newsledger.review_tables import Action, Review
from newsledger.store import Ledger
from newsledger.verify.reconcile import Reconciled, group_json, reconcile

runner = CliRunner()
DAY = date(2024, 5, 7)


@dataclass(frozen=True)
class Spec:
    """One hand-written figure: where its evidence is, its number, and any field overrides."""

    doc: str
    evidence: str
    value: int
    qualifier: str = "exact"
    fields: dict[str, Any] = field(default_factory=dict)


def build(
    reports: dict[str, tuple[date | None, str]], specs: list[Spec]
) -> tuple[list[Figure], dict[str, Document]]:
    """Documents from (published, text) and figures located by their evidence in the text."""
    documents = {
        name: Document(text, published=published, name=name, url=f"https://www.{name}.example/a")
        for name, (published, text) in reports.items()
    }
    counters: dict[str, int] = {}
    figures = []
    for spec in specs:
        counters[spec.doc] = counters.get(spec.doc, 0) + 1
        figures.append(_figure(spec, documents[spec.doc], f"f{counters[spec.doc]}"))
    return figures, documents


def _figure(spec: Spec, document: Document, fid: str) -> Figure:
    start = document.text.index(spec.evidence)
    low, high = _bounds(spec.value, spec.qualifier)
    quantity = Quantity(low, high, Qualifier(spec.qualifier), str(spec.value), start, start + 2)
    defaults: dict[str, Any] = {
        "measure": Measure.KILLED, "counted": "people", "actor": None,
        "locations": ("Baghdad",), "period_start": DAY, "period_end": DAY, "source": None,
    }
    values = {**defaults, **spec.fields}
    return Figure(doc=document.key, id=fid, start=start, end=start + len(spec.evidence),
                  text=spec.evidence, quantity=quantity, **values)


def one_event(figures: list[Figure]) -> dict[str, str]:
    """Every figure told as a toll of one merged incident (the cases are reports of one event)."""
    return {f"{f.doc}:{f.id}": "e1" for f in figures}


def _bounds(value: int, qualifier: str) -> tuple[int, int | None]:
    if qualifier in ("at_least", "more_than"):
        return value + (qualifier == "more_than"), None
    return value, value


def verdicts(result: list[Reconciled]) -> list[tuple[str, int | None, int | None, int | None]]:
    """(verdict, best, low, high) per group, in group order."""
    return [(r.group.verdict.value, r.group.best, r.group.low, r.group.high) for r in result]


UNDATED = {"period_start": None, "period_end": None}
H1 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 6, 30), "actor": "ISIS",
      "counted": "ISIS operatives", "locations": ("Iraq",)}

CASES = [
    pytest.param(
        {"a": (DAY, "CENTCOM said it killed at least 220 operatives in Iraq."),
         "b": (DAY, "In Iraq, 220 operatives were killed.")},
        [Spec("a", "at least 220 operatives", 220, "at_least", H1),
         Spec("b", "220 operatives", 220, "exact", H1)],
        [("agree", 220, 220, 220)], id="at-least-220-agrees-with-220"),
    pytest.param(
        {"a": (DAY, "CENTCOM said 44 ISIS operatives were killed."),
         "b": (DAY, "At least 44 ISIS operatives were killed, officials said.")},
        [Spec("a", "44 ISIS operatives", 44, "exact", H1),
         Spec("b", "At least 44 ISIS operatives", 44, "at_least", H1)],
        [("agree", 44, 44, 44)], id="44-agrees-with-at-least-44"),
    pytest.param(
        {"a": (DAY, "Forces killed almost 700 operatives."),
         "b": (DAY, "Forces killed 686 operatives.")},
        [Spec("a", "almost 700 operatives", 700, "approximate", H1),
         Spec("b", "686 operatives", 686, "exact", H1)],
        [("agree", 686, 686, 700)], id="almost-700-agrees-with-686-within-5-percent"),
    pytest.param(
        {"a": (DAY, "At least 27 people were killed in the attack, police said."),
         "b": (DAY, "The attack killed 43 people, the governor said.")},
        [Spec("a", "At least 27 people", 27, "at_least", {"source": "police"}),
         Spec("b", "43 people", 43, "exact", {"source": "the governor"})],
        [("agree", 43, 27, 43)], id="at-least-27-and-43-keep-27-as-low"),
    pytest.param(
        {"a": (DAY, "More than 500 people were killed in the attack.")},
        [Spec("a", "More than 500 people", 500, "more_than")],
        [("single", 500, 500, None)], id="more-than-500-states-a-lower-bound-of-500"),
    pytest.param(
        {"a": (DAY, "Around 180 people were killed in the attack.")},
        [Spec("a", "Around 180 people", 180, "approximate")],
        [("single", 180, 180, 180)], id="around-180-invents-no-high"),
    pytest.param(
        {"a": (DAY, "Gunmen killed 10 farmers in Mafa, police said."),
         "b": (DAY, "Eight farmers were killed in Mafa, a witness said.")},
        [Spec("a", "10 farmers", 10, fields={"locations": ("Mafa",), "source": "police"}),
         Spec("b", "Eight farmers", 8, fields={"locations": ("Mafa",), "source": "a witness"})],
        [("conflict", 10, 8, 10)], id="10-vs-8-killed-is-a-conflict-spanning-both"),
    pytest.param(
        {"a": (DAY, "The health ministry said 26 people died. The interior ministry said 16.")},
        [Spec("a", "26 people", 26, fields={"source": "health ministry"}),
         Spec("a", "16", 16, fields={"source": "interior ministry"})],
        [("conflict", 26, 16, 26)], id="two-ministries-in-one-report-conflict"),
    pytest.param(
        {"a": (DAY, "A bombing killed 26 people in Baghdad."),
         "b": (date(2024, 5, 8), "At least 38 people were killed in the Baghdad bombing.")},
        [Spec("a", "26 people", 26), Spec("b", "At least 38 people", 38, "at_least")],
        [("update", 38, 38, None)], id="later-report-raises-the-toll"),
    pytest.param(
        {"a": (None, "At least 38 people have been killed in Baghdad, officials say.\n"
                     "The death toll has grown since earlier reports, which said 26 had died.")},
        [Spec("a", "At least 38 people", 38, "at_least", UNDATED),
         Spec("a", "26 had died", 26, fields=UNDATED)],
        [("update", 38, 38, None)], id="earlier-reports-in-one-text-are-replaced"),
    pytest.param(
        {"a": (DAY, "A bombing killed 20 people in Baghdad, police said."),
         "b": (date(2024, 5, 8), "The bombing killed 12 people in Baghdad, the army said.")},
        [Spec("a", "20 people", 20, fields={"source": "police"}),
         Spec("b", "12 people", 12, fields={"source": "the army"})],
        [("conflict", 12, 12, 20)], id="later-lower-value-from-another-source-conflicts"),
    pytest.param(
        {"a": (DAY, "Police said 9 pilgrims died in Reasi. An official earlier said at least"
                    " 11 pilgrims died."),
         "b": (date(2024, 5, 8), "Eight pilgrims were killed in Reasi, the army said.")},
        [Spec("a", "9 pilgrims", 9, fields={"source": "police"}),
         Spec("a", "11 pilgrims", 11, "at_least", {"source": "an official"}),
         Spec("b", "Eight pilgrims", 8, fields={"source": "the army"})],
        [("conflict", 8, 8, 9)], id="a-value-its-report-calls-earlier-is-replaced"),
    pytest.param(
        {"a": (None, "A car bomb killed 14 people at a market in Baghdad."),
         "b": (None, "At least 19 people died in the Baghdad market bombing.")},
        [Spec("a", "14 people", 14, fields=UNDATED),
         Spec("b", "At least 19 people", 19, "at_least", UNDATED)],
        [("conflict", 14, 14, None)], id="undated-reports-of-one-bombing-group"),
    pytest.param(
        {"a": (None, "A car bomb killed 14 people at a market in Baghdad, police said."),
         "b": (None, "At least 19 people died in the Baghdad market bombing, raising the toll."
                     "\nPolice had said that 14 people were killed.")},
        [Spec("a", "14 people", 14, fields={**UNDATED, "source": "police"}),
         Spec("b", "At least 19 people", 19, "at_least", {**UNDATED, "source": "doctors"}),
         Spec("b", "14 people were", 14, fields={**UNDATED, "source": "police"})],
        [("update", 19, 19, None)], id="a-report-that-restates-what-police-had-said-is-later"),
    pytest.param(
        {"a": (DAY, "A bombing killed 9 people in Baghdad.")},
        [Spec("a", "9 people", 9)],
        [("single", 9, 9, 9)], id="single"),
    # A wire story reprinted word for word is one report, not a confirmation (counted once).
    pytest.param(
        {"wire": (DAY, "A car bomb killed 14 people at a market in Baghdad, police said."),
         "reprint": (date(2024, 5, 8),
                     "A car bomb killed 14 people at a market in Baghdad, police said.")},
        [Spec("wire", "14 people", 14, fields={"source": "police"}),
         Spec("reprint", "14 people", 14, fields={"source": "police"})],
        [("single", 14, 14, 14)], id="a-reprint-word-for-word-is-one-report"),
    pytest.param(
        {"wire": (DAY, "A car bomb killed 14 people  at a market in Baghdad, police said."),
         "reprint": (DAY, "a car bomb killed 14 people at a market in  BAGHDAD, police said.")},
        [Spec("wire", "14 people", 14, fields={"source": "police"}),
         Spec("reprint", "14 people", 14, fields={"source": "police"})],
        [("single", 14, 14, 14)], id="a-copy-in-other-case-and-spacing-is-one-report"),
    pytest.param(
        {"wire": (DAY, "A car bomb killed 14 people at a market in Baghdad, police said."),
         "daily": (DAY, "A car bomb killed 14 people at a Baghdad market, police said.")},
        [Spec("wire", "14 people", 14, fields={"source": "police"}),
         Spec("daily", "14 people", 14, fields={"source": "police"})],
        [("agree", 14, 14, 14)], id="one-sentence-in-other-words-is-a-second-report"),
    pytest.param(
        {"wire": (DAY, "A car bomb killed 14 people at a market in Baghdad, police said."),
         "reprint": (DAY, "A car bomb killed 14 people at a market in Baghdad, police said."),
         "daily": (DAY, "The market bombing in Baghdad killed 14 people, a doctor said.")},
        [Spec("wire", "14 people", 14, fields={"source": "police"}),
         Spec("reprint", "14 people", 14, fields={"source": "police"}),
         Spec("daily", "14 people", 14, fields={"source": "a doctor"})],
        [("agree", 14, 14, 14)], id="a-copy-beside-a-second-report-agrees-once"),
    # A reprint a day later is not the newest report: its date does not choose the best.
    pytest.param(
        {"wire": (DAY, "A car bomb killed 14 people at a market in Baghdad, police said."),
         "daily": (DAY, "The car bomb at the Baghdad market killed 20 people, the army said."),
         "reprint": (date(2024, 5, 8),
                     "A car bomb killed 14 people at a market in Baghdad, police said.")},
        [Spec("wire", "14 people", 14, fields={"source": "police"}),
         Spec("daily", "20 people", 20, fields={"source": "the army"}),
         Spec("reprint", "14 people", 14, fields={"source": "police"})],
        [("conflict", 20, 14, 20)], id="a-later-reprint-does-not-make-its-value-the-latest"),
]


@pytest.mark.parametrize(("reports", "specs", "expected"), CASES)
def test_reconcile_verdict_and_best_low_high(
    reports: dict[str, tuple[date | None, str]], specs: list[Spec], expected: list[tuple[Any, ...]]
) -> None:
    figures, documents = build(reports, specs)
    assert verdicts(reconcile(figures, documents, incidents=one_event(figures))) == expected


SEPARATE = [
    pytest.param(
        {"a": (DAY, "CENTCOM killed 30 operatives in Iraq and 44 in Iraq and Syria.")},
        [Spec("a", "30 operatives", 30, fields={**H1}),
         Spec("a", "44 in", 44, fields={**H1, "locations": ("Iraq", "Syria")})],
        id="iraq-is-not-iraq-and-syria"),
    pytest.param(
        {"a": (date(2019, 4, 1), "The camp now holds more than 74,000 people."),
         "b": (date(2024, 7, 1), "More than 43,000 people are still in the camp.")},
        [Spec("a", "more than 74,000 people", 74000, "more_than",
              {**UNDATED, "measure": Measure.POPULATION, "locations": ("Al Hol camp",)}),
         Spec("b", "More than 43,000 people", 43000, "more_than",
              {**UNDATED, "measure": Measure.POPULATION, "locations": ("Al Hol camp",)})],
        id="a-stock-at-two-times-is-two-groups"),
    pytest.param(
        {"a": (DAY, "A bomb killed 5 people in Baghdad."),
         "b": (date(2024, 5, 12), "A bomb killed 7 people in Baghdad.")},
        [Spec("a", "5 people", 5, fields=UNDATED), Spec("b", "7 people", 7, fields=UNDATED)],
        id="incidents-reported-five-days-apart"),
    pytest.param(
        {"a": (DAY, "Civilians killed: 161 civilians, among them 34 children.")},
        [Spec("a", "161 civilians", 161, fields={"counted": "civilians"}),
         Spec("a", "34 children", 34, fields={"counted": "children"})],
        id="children-are-a-subgroup-of-civilians"),
    pytest.param(
        {"a": (None, "About 2,000 people arrived recently, the UN said.\n"
                     "The UN expects 15,000 people to arrive soon.")},
        [Spec("a", "2,000 people", 2000, fields={**UNDATED, "source": "UN",
                                                   "time_text": "recently"}),
         Spec("a", "15,000 people", 15000, fields={**UNDATED, "source": "UN",
                                                    "time_text": "soon"})],
        id="one-voice-two-numbers-in-one-report"),
    pytest.param(
        {"a": (None, "The camp held about 10,000 people last December."),
         "b": (None, "The camp now holds 74,000 people.")},
        [Spec("a", "10,000 people", 10000, "approximate",
              {**UNDATED, "measure": Measure.POPULATION, "time_text": "last December"}),
         Spec("b", "74,000 people", 74000, "exact",
              {**UNDATED, "measure": Measure.POPULATION, "time_text": "now"})],
        id="now-is-not-last-december"),
    pytest.param(
        {"a": (DAY, "A bomb killed 5 people in Baghdad."),
         "b": (DAY, "A bomb killed 7 people in Baghdad.")},
        [Spec("a", "5 people", 5, fields=UNDATED), Spec("b", "7 people", 7, fields=UNDATED)],
        id="same-day-same-city-but-no-incident-told"),
    pytest.param(
        {"a": (DAY, "The camp holds 10,000 people."),
         "b": (DAY, "The town holds 10,000 people.")},
        [Spec("a", "10,000 people", 10000, "exact",
              {**UNDATED, "measure": Measure.POPULATION, "locations": ()}),
         Spec("b", "10,000 people", 10000, "exact",
              {**UNDATED, "measure": Measure.POPULATION, "locations": ()})],
        id="no-place-matches-no-place"),
]


@pytest.mark.parametrize(("reports", "specs"), SEPARATE)
def test_reconcile_keeps_different_things_apart(
    reports: dict[str, tuple[date | None, str]], specs: list[Spec]
) -> None:
    figures, documents = build(reports, specs)
    assert [r.group.verdict for r in reconcile(figures, documents)] == [Verdict.SINGLE] * 2


def test_reconcile_two_incidents_on_one_day_stay_apart() -> None:
    figures, documents = build(
        {"a": (DAY, "A car bomb killed 5 people in Karrada, Baghdad."),
         "b": (DAY, "A car bomb killed 5 people in Sadr City, Baghdad.")},
        [Spec("a", "5 people", 5, fields=UNDATED), Spec("b", "5 people", 5, fields=UNDATED)])
    incidents = {"a:f1": "e1", "b:f1": "e2"}
    assert len(reconcile(figures, documents, incidents=incidents)) == 2
    assert len(reconcile(figures, documents, incidents=one_event(figures))) == 1


def test_reconcile_parts_of_a_sum_are_not_restatements() -> None:
    figures, documents = build(
        {"a": (DAY, "Eight farmers were killed, NAN said. Grema said three victims were buried. "
                    "Goni said five more victims were found.")},
        [Spec("a", "Eight farmers", 8, fields={"source": "NAN"}),
         Spec("a", "three victims", 3, fields={"source": "Grema"}),
         Spec("a", "five more victims", 5, fields={"source": "Goni"})],
    )
    sums = [Check("a", CheckType.SUM, True, total="f1", parts=("f2", "f3"))]
    assert len(reconcile(figures, documents, sums)) == 3
    assert len(reconcile(figures, documents)) == 1  # without the check they look like restatements


def test_reconcile_those_who_moved_between_counts_state_no_toll() -> None:
    text = ("At least 19 people were killed and 52 injured, an official said. Five of the wounded "
            "died overnight in hospital, a doctor said.")
    figures, documents = build({"a": (DAY, text)}, [
        Spec("a", "At least 19 people", 19, fields={"source": "official"}),
        Spec("a", "52", 52, fields={"source": "official", "measure": Measure.INJURED}),
        Spec("a", "Five of the wounded", 5, fields={"source": "doctor"}),
    ])
    moved = [Check("a", CheckType.SUBSET, True, whole="f2", part="f3")]  # killed, part of injured
    assert sorted(len(r.group.figures) for r in reconcile(figures, documents, moved)) == [1, 1, 1]
    assert sorted(len(r.group.figures) for r in reconcile(figures, documents)) == [1, 2]


def test_reconcile_a_bare_part_of_a_toll_joins_no_group() -> None:
    injured = {"measure": Measure.INJURED, "counted": None, "locations": ("Mogadishu",)}
    figures, documents = build({
        "a": (DAY, "A car bomb wounded 40 people in Mogadishu, police said."),
        "b": (DAY, "The number of people wounded in the Mogadishu blast has risen to 52, "
                   "doctors said. Eleven of the injured remain in intensive care."),
    }, [
        Spec("a", "40 people", 40, fields={**injured, "counted": "people", "source": "police"}),
        Spec("b", "52", 52, fields={**injured, "counted": "people", "source": "doctors"}),
        Spec("b", "Eleven of the injured", 11, fields={**injured, "source": "doctors"}),
    ])
    part = [Check("b", CheckType.SUBSET, True, whole="f1", part="f2")]
    incidents = one_event(figures)
    sizes = sorted(len(r.group.figures) for r in reconcile(figures, documents, part, incidents))
    assert sizes == [1, 2]  # 40 and 52 are one toll; 11 is only a part of it


def test_reconcile_headline_and_body_of_one_voice_conflict() -> None:
    text = "10 farmers killed in Borno\nA total of 8 farmers were killed in Mafa, Borno."
    figures, documents = build({"a": (None, text)}, [
        Spec("a", "10 farmers", 10, fields={"locations": ("Borno",), "source": "Makama"}),
        Spec("a", "8 farmers", 8, fields={"locations": ("Mafa", "Borno"), "source": "Makama"}),
    ])
    told = [Check("a", CheckType.CONFLICT, False, whole="f2", part="f1")]  # verify/relations.py
    (result,) = reconcile(figures, documents, told)
    assert result.group.verdict is Verdict.CONFLICT
    assert [(c.type, c.whole, c.part) for c in result.checks] == [
        (CheckType.CONFLICT, "a:f1", "a:f2")]
    assert len(reconcile(figures, documents)) == 2  # the report itself relates them, or nothing


@pytest.mark.parametrize(
    ("published", "text", "first", "second"),
    [
        pytest.param(None, "Four rebels died in the clash. A bombing there killed 20 people.",
                     ("Four rebels", 4, "the army"), ("20 people", 20, "the police"),
                     id="undated-values-of-two-sources"),
        pytest.param(DAY, "300 had been recaptured, the paper said. About 90 more were caught,"
                     " a guard said.", ("300 had", 300, "the paper"), ("90 more", 90, "a guard"),
                     id="90-more-adds-to-300"),
        pytest.param(DAY, "Deaths fell to 177, according to them. The UN said 338 died.",
                     ("177,", 177, "them"), ("338 died", 338, "UN"),
                     id="a-pronoun-names-no-source"),
    ],
)
def test_reconcile_values_one_report_does_not_relate_stay_apart(
    published: date | None, text: str, first: tuple[str, int, str], second: tuple[str, int, str]
) -> None:
    when = {} if published else UNDATED
    figures, documents = build({"a": (published, text)}, [
        Spec("a", evidence, value, fields={**when, "source": source})
        for evidence, value, source in (first, second)
    ])
    assert [r.group.verdict for r in reconcile(figures, documents)] == [Verdict.SINGLE] * 2


def test_reconcile_reads_pieces_of_a_long_document_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsledger import long_documents

    filler = "Shops reopened on the main street and schools resumed classes on Tuesday. " * 10
    text = (f"Gunmen killed 12 people in Baghdad, police said. {filler}\n\n"
            "The attack that killed 12 people in Baghdad was condemned by the governor.")
    figures, documents = build({"a": (DAY, text)}, [
        Spec("a", "Gunmen killed 12 people", 12), Spec("a", "that killed 12 people", 12)])
    assert len(reconcile(figures, documents)) == 1  # one report restating its toll
    # In a document read in pieces (extraction relates no figures of two pieces), two restated
    # tolls pieces apart are two reports' and stay apart, as any two of one long feed.
    monkeypatch.setattr(long_documents, "PIECE_CHARS", 500)
    assert len(long_documents.piece_bounds(text)) == 2
    assert [r.group.verdict for r in reconcile(figures, documents)] == [Verdict.SINGLE] * 2


def test_reconcile_repeat_of_a_replaced_value_is_replaced_too() -> None:
    figures, documents = build(
        {"a": (DAY, "The army said 16 people died in Baghdad."),
         "b": (None, "At least 38 people were killed in Baghdad.\n"
                     "The toll has grown since earlier reports, which said 16 had died.")},
        [Spec("a", "16 people", 16, fields={"source": "army"}),
         Spec("b", "At least 38 people", 38, "at_least", UNDATED),
         Spec("b", "16 had died", 16, fields=UNDATED)],
    )
    (result,) = reconcile(figures, documents, incidents=one_event(figures))
    kinds = {(c.whole, c.part): c.type for c in result.checks}
    assert kinds == {("a:f1", "b:f1"): CheckType.UPDATE, ("a:f1", "b:f2"): CheckType.AGREE,
                     ("b:f2", "b:f1"): CheckType.UPDATE}
    assert (result.group.verdict, result.group.best, result.group.low) == (Verdict.UPDATE, 38, 38)


def test_reconcile_group_line_has_the_contract_keys() -> None:
    figures, documents = build({"a": (DAY, "A bombing killed 9 people in Baghdad.")},
                               [Spec("a", "9 people", 9, fields={"source": "police"})])
    line = group_json(reconcile(figures, documents)[0].group)
    assert list(line)[:14] == ["kind", "id", "measure", "actor", "locations", "period_start",
                               "period_end", "as_of", "verdict", "best", "low", "high", "reason",
                               "figures"]
    assert line["figures"] == [{"doc": "a", "id": "f1", "low": 9, "high": 9, "qualifier": "exact",
                                "source": "police", "published": "2024-05-07",
                                "outlet": "a.example", "text": "9 people", "copy_of": None}]


def test_reconcile_group_names_the_copy_and_what_it_copies() -> None:
    sentence = "Gunmen killed 7 villagers in Mafa on Monday, residents said."
    figures, documents = build(
        {"wire": (DAY, sentence),
         "reprint": (date(2024, 5, 8), "Seven killed in Borno.\n\n" + sentence)},
        [Spec(doc, "7 villagers", 7, fields={"locations": ("Mafa",)})
         for doc in ("wire", "reprint")])
    (result,) = reconcile(figures, documents, incidents=one_event(figures))
    line = group_json(result.group)
    assert [f["copy_of"] for f in line["figures"]] == [None, "wire:f1"]
    assert "reprint:f1 copy of wire" in result.group.reason
    assert "from 1 report(s)" in result.group.reason
    assert result.checks == ()


# --------------------------------------------------------------------------- ledger and CLI


def _extraction(reports: dict[str, tuple[date | None, str]], specs: list[Spec]) -> list[Extraction]:
    figures, documents = build(reports, specs)
    return [Extraction(d, tuple(f for f in figures if f.doc == key), (), (_incident(d, figures),))
            for key, d in documents.items()]


def _incident(document: Document, figures: list[Figure]) -> Incident:
    """The one incident a test report tells: its whole text, its first figure as the toll."""
    first = next(f for f in figures if f.doc == document.key)
    toll = IncidentCount(first.quantity.low, first.quantity.high, first.quantity.qualifier,
                         first.id)
    return Incident(doc=document.key, id="i1", start=0, end=len(document.text), date=DAY,
                    date_precision=DatePrecision.DAY, date_text="on Tuesday", country="Iraq",
                    admin1=None,
                    place=first.locations[0], lat=None, lon=None, geo_precision=1,
                    geo_reason=None, type=None, sub_type=None, perpetrator=None,
                    perpetrator_status=None, target=None, killed=toll)


def test_ledger_reconcile_is_idempotent_and_round_trips_groups() -> None:
    extractions = _extraction(
        {"a": (DAY, "Gunmen killed 10 farmers in Mafa."),
         "b": (DAY, "Eight farmers died in Mafa.")},
        [Spec("a", "10 farmers", 10, fields={"locations": ("Mafa",)}),
         Spec("b", "Eight farmers", 8, fields={"locations": ("Mafa",)})],
    )
    with Ledger(":memory:") as ledger:
        for extraction in extractions:
            ledger.add(extraction)
        first = ledger.reconcile()
        second = ledger.reconcile()
        assert first == second == {"groups": 1, "checks": 1, "derived": 0}
        assert ledger.count()["checks"] == 1
        (group,) = ledger.groups()
        figures = [f for e in extractions for f in e.figures]
        assert group == reconcile(figures, {e.document.key: e.document for e in extractions},
                                  incidents=one_event(figures))[0].group
        assert ledger.groups(verdict="agree") == []
        (conflict,) = ledger.conflicts()
        assert conflict["conflicts"][0]["a"] == "a:f1"
        assert [c["type"] for c in ledger.checks()] == ["conflict"]


SADR_CITY = [
    {"id": "wire-sadr-city", "published": "2024-05-07", "url": "https://www.wire.example/a",
     "text": "BAGHDAD - A car bomb killed 14 people at a market in Sadr City in Baghdad on "
             "Tuesday, police said."},
    {"id": "daily-sadr-city", "published": "2024-05-08", "url": "https://daily.example/b",
     "text": "At least 19 people were killed when a car bomb exploded at a market in Sadr City "
             "in Baghdad on Tuesday, hospital officials said."},
]


def test_cli_groups_jsonl_after_ingest(tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    reports.write_text("\n".join(json.dumps(r) for r in SADR_CITY) + "\n", encoding="utf-8")
    db = str(tmp_path / "ledger.duckdb")
    ingested = runner.invoke(app, ["ingest", str(reports), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert "reconciled: 1 groups" in ingested.stdout

    result = runner.invoke(app, ["groups", "--db", db, "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    (line,) = [json.loads(text) for text in result.stdout.splitlines()]
    assert (line["kind"], line["measure"], line["verdict"]) == ("group", "killed", "update")
    assert (line["best"], line["low"], line["high"]) == (19, 19, None)
    assert [(f["doc"], f["low"], f["high"], f["qualifier"], f["published"])
            for f in line["figures"]] == [
        ("wire-sadr-city", 14, 14, "exact", "2024-05-07"),
        ("daily-sadr-city", 19, None, "at_least", "2024-05-08")]
    assert [f["outlet"] for f in line["figures"]] == ["wire.example", "daily.example"]


@pytest.mark.parametrize(("options", "count"), [
    ([], 1), (["--verdict", "update"], 1), (["--verdict", "conflict"], 0),
    (["--measure", "injured"], 0),
])
def test_cli_groups_filters(tmp_path: Path, options: list[str], count: int) -> None:
    db = str(tmp_path / "ledger.duckdb")
    with Ledger(db) as ledger:
        for extraction in _extraction(
            {"a": (DAY, "A bombing killed 26 people in Baghdad."),
             "b": (date(2024, 5, 8), "At least 38 people were killed in the Baghdad bombing.")},
            [Spec("a", "26 people", 26), Spec("b", "At least 38 people", 38, "at_least")],
        ):
            ledger.add(extraction)
        ledger.reconcile()
    result = runner.invoke(app, ["groups", "--db", db, "-f", "json", *options])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == count


# --------------------------------------------------------------------------- incremental


def _derived_state(ledger: Ledger) -> dict[str, object]:
    """Everything reconcile writes, comparable across ledgers."""
    checks = ledger.query("SELECT doc_id, type, holds, total, parts, whole, part, reason, origin "
                          "FROM checks")
    return {
        "groups": ledger.query("SELECT * FROM groups ORDER BY id"),
        "checks": sorted(json.dumps(c, sort_keys=True) for c in checks),
        "derived": ledger.query("SELECT * FROM derived_figures ORDER BY id"),
        "incidents": ledger.query("SELECT * FROM merged_incidents ORDER BY id"),
        "reports": ledger.query("SELECT * FROM merged_incident_reports "
                                "ORDER BY doc_id, incident_id"),
    }


def _copies(example_extractions: tuple[object, ...], count: int) -> list[Extraction]:
    """``count`` documents made of the examples (dates a week later per round), shuffled, plus
    the hand-coded reports (periods that derive figures, a failing sum)."""
    from newsledger.bench_web import copy_of

    templates = [e for e in example_extractions if isinstance(e, Extraction)]
    copies = [copy_of(templates[n % len(templates)], n, len(templates)) for n in range(count)]
    copies += [e for e in build_news_extractions() if isinstance(e, Extraction)]
    random.Random(11).shuffle(copies)
    return copies


@pytest.mark.parametrize("batches", [2, 5])
def test_reconciling_after_each_batch_gives_the_ledger_of_one_full_run(
    example_extractions: tuple[object, ...], batches: int
) -> None:
    documents = _copies(example_extractions, 90)
    with Ledger(":memory:") as whole:
        whole.add_all(documents)
        expected = whole.reconcile(full=True)
        wanted = _derived_state(whole)
    with Ledger(":memory:") as ledger:
        size = -(-len(documents) // batches)
        for first in range(0, len(documents), size):
            ledger.add_all(documents[first : first + size])
            counts = ledger.reconcile()
        assert counts == expected
        assert _derived_state(ledger) == wanted
        assert expected["groups"] > 100 and expected["derived"] > 0


_D = date(2024, 3, 1)


@pytest.mark.parametrize(("reaches", "marks"), [
    ([("k", _D, date(2024, 3, 9)), ("k", date(2024, 3, 5), date(2024, 3, 20))],
     [("k", False, _D, date(2024, 3, 20))]),  # overlapping stretches join
    ([("k", _D, date(2024, 3, 3)), ("k", date(2024, 3, 10), None)],
     [("k", False, _D, date(2024, 3, 3)), ("k", False, date(2024, 3, 10), None)]),  # a gap
    ([("k", _D, None), ("k", date(2024, 5, 1), date(2024, 5, 2))],
     [("k", False, _D, None)]),  # an open end reaches every later stretch
    ([("k", _D, _D), ("k", None, None), ("j", _D, _D)],
     [("k", True, None, None), ("j", False, _D, _D)]),  # undated: the whole bucket
], ids=["overlap", "gap", "open-ended", "undated"])
def test_new_figures_reach_stored_ones_through_one_mark_per_stretch(
    reaches: list[tuple[str, date | None, date | None]],
    marks: list[tuple[str, bool, date | None, date | None]],
) -> None:
    from newsledger.reconcile_tables import merged_reaches

    assert merged_reaches(reaches) == marks


def test_a_ledger_saved_before_incident_fingerprints_reconciles_as_a_full_run(
    example_extractions: tuple[object, ...]
) -> None:
    """Figures saved with no fingerprint of their incidents (a ledger of an older version):
    the next reconcile reads their documents whole, gives a full run's ledger and fills the
    fingerprints in, so the one after reads only new documents."""
    documents = _copies(example_extractions, 48)
    with Ledger(":memory:") as whole:
        whole.add_all(documents)
        whole.reconcile(full=True)
        wanted = _derived_state(whole)
    with Ledger(":memory:") as ledger:
        ledger.add_all(documents[:30])
        ledger.reconcile()
        ledger.query("UPDATE reconcile_figures SET incidents = NULL")
        ledger.add_all(documents[30:])
        ledger.reconcile()
        assert _derived_state(ledger) == wanted
        assert ledger.query("SELECT count(*) AS n FROM reconcile_figures "
                            "WHERE incidents IS NULL") == [{"n": 0}]


@pytest.mark.parametrize(("order", "batches"), [
    ("dated", 6),  # each batch after the ledger: segments restart from their open groups
    ("dated", 13),
    ("reversed", 4),  # each batch before the ledger: whole segments
    ("shuffled", 7),
])
def test_resuming_segments_from_their_open_groups_gives_the_ledger_of_one_full_run(
    example_extractions: tuple[object, ...], order: str, batches: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsledger import reconcile_tables

    documents = _copies(example_extractions, 96)
    documents.sort(key=lambda e: (e.document.published or date.min, e.document.key))
    if order == "reversed":
        documents.reverse()
    elif order == "shuffled":
        random.Random(batches).shuffle(documents)
    with Ledger(":memory:") as whole:
        whole.add_all(documents)
        expected = whole.reconcile(full=True)
        wanted = _derived_state(whole)
    resumed: list[int] = []
    points = reconcile_tables.resume_points

    def counted(*args: Any) -> Any:
        found = points(*args)
        resumed.append(len(found))
        return found

    monkeypatch.setattr(reconcile_tables, "resume_points", counted)
    size = -(-len(documents) // batches)
    with Ledger(":memory:") as ledger:
        for first in range(0, len(documents), size):
            ledger.add_all(documents[first : first + size])
            counts = ledger.reconcile()
        assert counts == expected
        assert _derived_state(ledger) == wanted
    if order == "dated":
        assert sum(resumed) > 0


def test_a_review_reconciles_to_the_ledger_of_a_full_run(
    example_extractions: tuple[object, ...]
) -> None:
    documents = _copies(example_extractions, 40)
    with Ledger(":memory:") as ledger:
        ledger.add_all(documents)
        ledger.reconcile()
        (row,) = ledger.query("SELECT d.name AS doc, f.id FROM figures f JOIN documents d "
                              "ON d.id = f.doc_id WHERE d.name = 'tigris-anbar' AND f.id = 'f1'")
        ledger.review(Review(Action.CORRECT, row["doc"], row["id"], "tester",
                             changes={"low": 31, "high": 31}))
        after_review = _derived_state(ledger)
        ledger.reconcile(full=True)
        assert _derived_state(ledger) == after_review
        corrected = ("SELECT id FROM groups WHERE contains(members, "
                     "'\"tigris-anbar\", \"id\": \"f1\", \"low\": 31, \"high\": 31')")
        assert len(ledger.query(corrected)) == 1


def _figure_of(ledger: Ledger, name: str, measure: str) -> tuple[str, str]:
    (row,) = ledger.query("SELECT d.name AS doc, f.id FROM figures f JOIN documents d ON "
                          "d.id = f.doc_id WHERE d.name = ? AND f.measure = ? "
                          "ORDER BY f.start LIMIT 1", [name, measure])
    return row["doc"], row["id"]


def test_ingests_and_reviews_one_after_another_give_the_ledger_of_a_full_rebuild(
    example_extractions: tuple[object, ...]
) -> None:
    """Each step reconciles only what it touched; after each, the ledger equals a full
    rebuild of itself, and after the ingests that of one full run over all documents."""
    documents = _copies(example_extractions, 72)
    with Ledger(":memory:") as whole:
        whole.add_all(documents)
        whole.reconcile(full=True)
        wanted = _derived_state(whole)
    with Ledger(":memory:") as ledger:
        for first in range(0, len(documents), 24):
            ledger.add_all(documents[first : first + 24])
            ledger.reconcile()
            ledger.merge_incidents()
        assert _derived_state(ledger) == wanted
        some = [f"somalia-middle-shabelle-2024-{n}" for n in (10, 22)]
        first_doc, first_id = _figure_of(ledger, some[0], "killed")
        second_doc, second_id = _figure_of(ledger, some[1], "killed")
        steps = [
            Review(Action.CORRECT, first_doc, first_id, "tester",
                   changes={"low": 31, "high": 31, "locations": ["Kenya"]}),
            Review(Action.REJECT, second_doc, second_id, "tester"),
            Review(Action.SAME, first_doc, first_id, "tester", other_doc=second_doc,
                   other_figure=second_id),
            Review(Action.CONFIRM, second_doc, second_id, "tester"),
            Review(Action.NOT_SAME, first_doc, first_id, "tester", other_doc=second_doc,
                   other_figure=second_id),
        ]
        for review in steps:
            ledger.review(review)
            after = _derived_state(ledger)
            ledger.reconcile(full=True)
            assert _derived_state(ledger) == after, review.action


@pytest.mark.parametrize(
    ("sentence", "recency"),
    [
        ("An earlier toll put the dead at 12.", -1),
        ("The toll has risen to 30, officials said.", 1),  # a 'later' cue
        ("It had earlier said 12, and the toll has now risen to 30.", -1),  # earlier first
        ("The toll now stands at 30.", 1),
        ("Nowhere was safe; 30 died.", 0),  # 'now' inside a word is no cue
        ("THE TOLL HAS RISEN TO 30.", 1),  # case does not matter
        ("The toll was revised to 30.", 0),  # a phrase not in the list
        ("Thirty died there.", 0),
    ],
    ids=["earlier", "later", "both", "now", "inside a word", "upper case", "other phrase", "none"],
)
def test_reconcile_recency_cues_of_a_sentence(sentence: str, recency: int) -> None:
    import importlib

    sameness = importlib.import_module("newsledger.verify.sameness")
    assert sameness._recency(sentence) == recency


@pytest.mark.parametrize(
    ("time_text", "source", "expected"),
    [
        ("so far", "witnesses", ("present", 1)),
        ("recently", "the governor of Kirkuk", ("unknown", 2)),
        ("on Monday", "sources", ("stated", 1)),
        (None, None, ("unknown", 0)),
    ],
    ids=["present, generic", "vague, named", "stated, generic", "none"],
)
def test_reconcile_time_class_and_source_rank(
    time_text: str | None, source: str | None, expected: tuple[str, int]
) -> None:
    import importlib

    sameness = importlib.import_module("newsledger.verify.sameness")
    assert (sameness.time_class(time_text), sameness.source_rank(source)) == expected
