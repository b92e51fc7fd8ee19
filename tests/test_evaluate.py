"""Scoring against gold files: matching rules, attribute comparisons, metric arithmetic, checks."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.errors import InputError
from newsledger.evaluate import (
    ATTRIBUTES,
    EvalReport,
    GoldDoc,
    GoldFigure,
    Normalisers,
    Tally,
    attribute_agreement,
    evaluate_dir,
    load_gold,
    locations_agree,
    locations_closure,
    match_figures,
    number_agrees,
    parse_gold,
    print_report,
    same_actor,
    same_source,
    score_document,
    source_tokens,
)
from newsledger.model import Check, CheckType, Extraction, Figure, Measure, Qualifier
from newsledger.model import Quantity as Q

# A short report in the style of a provincial wire story, written for these tests.
TEXT = (
    "12 militants killed in Kirkuk raids\n\n"
    "Security forces killed 12 militants and arrested 30 suspects in raids across Kirkuk province "
    "last week, provincial police said. In Hawija, 7 militants were killed; in Dibis, 5 were "
    "killed. A policeman was wounded. More than 400 families have fled the area since March, "
    "according to the UN refugee agency (UNHCR)."
)

# A report whose sum needs an include:false part ("a soldier").
SUM_TEXT = "Two bombings killed 9 people on Monday: 8 civilians and a soldier died, officials said."

PLACES = {
    "Hawija": ("Hawija", "Kirkuk", "Iraq"),
    "Dibis": ("Dibis", "Kirkuk", "Iraq"),
    "Kirkuk": ("Kirkuk", "Iraq"),
}
ACTORS = {"islamic state": "ISIS", "daesh": "ISIS", "u.s. central command": "CENTCOM"}
FAKE = Normalisers(
    actor=lambda name: ACTORS.get(name.casefold(), name),
    place=lambda name: PLACES.get(name, (name,)),
    place_key=lambda name: PLACES.get(name, (name,))[0],
)


def gold_figure(fid: str, evidence: str, low: int, measure: str, **extra: Any) -> dict[str, Any]:
    """One gold figure entry as written in a gold file."""
    entry: dict[str, Any] = {
        "id": fid,
        "evidence": evidence,
        "number_text": str(low),
        "low": low,
        "high": low,
        "qualifier": "exact",
        "measure": measure,
        "counted": None,
        "actor": None,
        "locations": [],
        "period_start": None,
        "period_end": None,
        "time_text": None,
        "source": None,
        "include": True,
    }
    entry.update(extra)
    return entry


def kirkuk_raw() -> dict[str, Any]:
    """A fresh gold file for TEXT (tests mutate it)."""
    police = {
        "source": "provincial police",
        "actor": "Islamic State",
        "period_start": "2023-05-08",
        "period_end": "2023-05-14",
    }
    return {
        "doc_id": "kirkuk-raids",
        "source_url": "https://example.org/kirkuk",
        "published": "2023-05-16",
        "title": "12 militants killed in Kirkuk raids",
        "text": TEXT,
        "figures": [
            gold_figure(
                "f1",
                "killed 12 militants",
                12,
                "killed",
                locations=["Kirkuk"],
                also_at=["12 militants killed"],
                **police,
            ),
            gold_figure(
                "f2", "arrested 30 suspects", 30, "detained", locations=["Kirkuk"], **police
            ),
            gold_figure(
                "f3", "7 militants were killed", 7, "killed", locations=["Hawija"], **police
            ),
            gold_figure("f4", "5 were killed", 5, "killed", locations=["Dibis"], **police),
            gold_figure("f5", "A policeman was wounded", 1, "injured", include=False),
            gold_figure(
                "f6",
                "More than 400 families have fled",
                401,
                "displaced",
                number_text="More than 400",
                high=None,
                qualifier="more_than",
                source="UN refugee agency (UNHCR)",
            ),
        ],
        "checks": [
            {"kind": "sum", "total": "f1", "parts": ["f3", "f4"], "holds": True},
            {"kind": "subset", "whole": "f1", "part": "f3", "holds": True},
            {"kind": "conflict", "a": "f1", "b": "f2"},
        ],
    }


def sum_raw() -> dict[str, Any]:
    """A gold file for SUM_TEXT."""
    return {
        "doc_id": "two-bombings",
        "published": None,
        "title": None,
        "text": SUM_TEXT,
        "figures": [
            gold_figure("f1", "killed 9 people", 9, "killed"),
            gold_figure("f2", "8 civilians", 8, "killed"),
            gold_figure("f3", "a soldier died", 1, "killed", include=False),
        ],
        "checks": [{"kind": "sum", "total": "f1", "parts": ["f2", "f3"], "holds": True}],
    }


KIRKUK = parse_gold(kirkuk_raw(), "kirkuk-raids.json")


def exact(n: int) -> Q:
    return Q(n, n, Qualifier.EXACT, str(n), 0, 0)


def q(low: int, high: int | None, qualifier: Qualifier) -> Q:
    return Q(low, high, qualifier, "", 0, 0)


def predicted(
    passage: str, quantity: Q, measure: Measure, fid: str = "p1", text: str = TEXT, **attrs: Any
) -> Figure:
    """A predicted figure over the first occurrence of ``passage``."""
    start = text.index(passage)
    return Figure(
        doc="doc",
        id=fid,
        start=start,
        end=start + len(passage),
        text=passage,
        quantity=quantity,
        measure=measure,
        **attrs,
    )


def as_prediction(gold: GoldFigure) -> Figure:
    """The gold figure itself, predicted under the id ``p-<gold id>``."""
    return dataclasses.replace(gold.figure, id=f"p-{gold.figure.id}")


def extraction(
    gold: GoldDoc, figures: Iterable[Figure], checks: Iterable[Check] = ()
) -> Extraction:
    return Extraction(gold.document, tuple(figures), tuple(checks))


def perfect(gold: GoldDoc) -> Extraction:
    """Every gold figure and check, predicted."""
    rename = {f.figure.id: f"p-{f.figure.id}" for f in gold.figures}
    checks = [
        dataclasses.replace(
            c,
            total=rename.get(c.total or ""),
            parts=tuple(rename[p] for p in c.parts),
            whole=rename.get(c.whole or ""),
            part=rename.get(c.part or ""),
        )
        for c in gold.checks
    ]
    return extraction(gold, map(as_prediction, gold.figures), checks)


# --- loading gold ---------------------------------------------------------------------------


def test_load_gold_builds_document_figures_and_checks(tmp_path: Path) -> None:
    path = tmp_path / "kirkuk-raids.json"
    path.write_text(json.dumps(kirkuk_raw()), encoding="utf-8")
    gold = load_gold(path)
    assert gold.doc_id == "kirkuk-raids"
    assert gold.document.url == "https://example.org/kirkuk"
    assert str(gold.document.published) == "2023-05-16"
    assert [f.figure.id for f in gold.figures] == ["f1", "f2", "f3", "f4", "f5", "f6"]
    f1 = gold.figures[0]
    assert TEXT[f1.figure.start : f1.figure.end] == "killed 12 militants"
    assert [TEXT[s:e] for s, e in f1.passages] == ["killed 12 militants", "12 militants killed"]
    assert gold.figures[4].include is False
    assert gold.figures[5].figure.quantity == Q(
        401, None, Qualifier.MORE_THAN, "More than 400", *gold.figures[5].passages[0]
    )
    assert [c.type for c in gold.checks] == [CheckType.SUM, CheckType.SUBSET, CheckType.CONFLICT]
    assert (gold.checks[2].whole, gold.checks[2].part) == ("f1", "f2")
    assert gold.checks[0].parts == ("f3", "f4")


def test_load_gold_keeps_every_occurrence_of_a_repeated_evidence() -> None:
    raw = sum_raw()
    raw["text"] = "8 civilians were buried. " + SUM_TEXT
    gold = parse_gold(raw, "x.json")
    assert len(gold.figures[1].passages) == 2


def _set_evidence(raw: dict[str, Any]) -> None:
    raw["figures"][1]["evidence"] = "arrested 31 suspects"


def _set_measure(raw: dict[str, Any]) -> None:
    raw["figures"][0]["measure"] = "dead"


def _set_also_at(raw: dict[str, Any]) -> None:
    raw["figures"][0]["also_at"] = ["twelve militants"]


def _set_check(raw: dict[str, Any]) -> None:
    raw["checks"][0]["parts"] = ["f3", "f9"]


def _set_date(raw: dict[str, Any]) -> None:
    raw["figures"][2]["period_end"] = "May 2023"


def _drop_text(raw: dict[str, Any]) -> None:
    del raw["text"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_set_evidence, "figure f2: evidence 'arrested 31 suspects' is not in the text"),
        (_set_measure, "figure f1: measure 'dead' is not one of killed,"),
        (_set_also_at, "figure f1: also_at passage 'twelve militants' is not in the text"),
        (_set_check, "sum check refers to unknown figure ids ['f9']"),
        (_set_date, "figure f3: period_end 'May 2023' is not a YYYY-MM-DD date"),
        (_drop_text, "the file: missing or empty 'text'"),
    ],
)
def test_load_gold_names_file_and_problem(tmp_path: Path, mutate: Any, message: str) -> None:
    raw = kirkuk_raw()
    mutate(raw)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


def test_load_gold_reports_json_syntax_with_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n"doc_id": "x",\n"text": }\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json:3: not valid JSON"):
        load_gold(path)


# --- matching -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passage", "quantity", "measure", "expected"),
    [
        ("killed 12 militants", exact(12), Measure.KILLED, "f1"),
        ("Security forces killed 12", exact(12), Measure.KILLED, "f1"),  # partial overlap
        ("12 militants killed in Kirkuk", exact(12), Measure.KILLED, "f1"),  # the also_at headline
        ("More than 400 families", q(401, None, Qualifier.MORE_THAN), Measure.DISPLACED, "f6"),
        ("More than 400 families", exact(400), Measure.DISPLACED, "f6"),  # stated
        ("More than 400 families", exact(401), Measure.DISPLACED, "f6"),  # stated + 1
        ("More than 400 families", exact(402), Measure.DISPLACED, None),
        ("A policeman was wounded", exact(1), Measure.INJURED, "f5"),  # include:false still matches
        ("killed 12 militants", exact(12), Measure.INJURED, None),  # wrong measure
        ("killed 12 militants", exact(13), Measure.KILLED, None),  # wrong number
        ("Security forces", exact(12), Measure.KILLED, None),  # no overlap
        ("In Hawija, 7", exact(5), Measure.KILLED, None),  # overlaps f3, number is f4's
    ],
)
def test_match_figures_cases(
    passage: str, quantity: Q, measure: Measure, expected: str | None
) -> None:
    pairs = match_figures([predicted(passage, quantity, measure)], KIRKUK.figures)
    assert [gold.figure.id for _, gold in pairs] == ([expected] if expected else [])


def test_match_figures_is_one_to_one_by_longest_overlap() -> None:
    short = predicted("Security forces killed 12", exact(12), Measure.KILLED, "short")
    full = predicted("killed 12 militants", exact(12), Measure.KILLED, "full")
    pairs = match_figures([short, full], KIRKUK.figures)
    assert [(pred.id, gold.figure.id) for pred, gold in pairs] == [("full", "f1")]


def test_match_figures_lets_a_restatement_match_once() -> None:
    body = predicted("killed 12 militants", exact(12), Measure.KILLED, "body")
    headline = predicted("12 militants", exact(12), Measure.KILLED, "headline")
    result = score_document(KIRKUK, extraction(KIRKUK, [headline, body]), FAKE)
    assert result.tally == Tally(tp=1, fp=1, fn=4)
    assert [pred.id for pred in result.spurious] == ["headline"]


@pytest.mark.parametrize(
    ("pred", "gold", "agrees"),
    [
        (exact(44), exact(44), True),
        (exact(45), exact(44), False),
        (q(2500, 2500, Qualifier.APPROXIMATE), q(2500, 2500, Qualifier.APPROXIMATE), True),
        (exact(26), q(26, None, Qualifier.AT_LEAST), True),
        (q(9001, None, Qualifier.MORE_THAN), q(9001, None, Qualifier.MORE_THAN), True),
        (q(9001, None, Qualifier.MORE_THAN), q(9000, None, Qualifier.MORE_THAN), True),
        (exact(9002), q(9001, None, Qualifier.MORE_THAN), False),
        (exact(44), q(45, None, Qualifier.MORE_THAN), True),  # qualifier judged apart
        (q(0, 99, Qualifier.LESS_THAN), q(0, 99, Qualifier.LESS_THAN), True),
        (exact(99), q(0, 99, Qualifier.LESS_THAN), True),
        (exact(98), q(0, 99, Qualifier.LESS_THAN), False),
        (q(0, 50, Qualifier.AT_MOST), q(0, 50, Qualifier.AT_MOST), True),
        (exact(49), q(0, 50, Qualifier.AT_MOST), False),
        (q(18000, 19000, Qualifier.RANGE), q(18000, 19000, Qualifier.RANGE), True),
        (q(18000, 20000, Qualifier.RANGE), q(18000, 19000, Qualifier.RANGE), False),
        (exact(18000), q(18000, 19000, Qualifier.RANGE), False),
    ],
)
def test_number_agrees_cases(pred: Q, gold: Q, agrees: bool) -> None:
    assert number_agrees(pred, gold) is agrees


# --- attributes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (None, None, True),
        ("Daesh", "ISIS", True),
        ("isis", "ISIS", True),
        ("ISIS", None, False),
        ("ISIS", "al-Shabaab", False),
    ],
)
def test_same_actor_cases(a: str | None, b: str | None, same: bool) -> None:
    assert same_actor(a, b, FAKE.actor) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (["Hawija"], ["Hawija", "Kirkuk"], True),
        ([], [], True),
        (["IRAQ"], ["Iraq"], True),
        (["Kirkuk"], ["Hawija"], False),
        (["Iraq"], [], False),
    ],
)
def test_locations_closure_cases(a: list[str], b: list[str], same: bool) -> None:
    assert (locations_closure(a, FAKE.place) == locations_closure(b, FAKE.place)) is same


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        (["Hawija"], ["Hawija", "Kirkuk", "Iraq"], True),  # containers in gold are optional
        (["Hawija", "Iraq"], ["Hawija"], True),  # a container of a gold place may be named
        (["Kirkuk"], ["Hawija", "Kirkuk"], True),
        (["Iraq"], ["Hawija"], False),  # only a container: no gold place got
        (["Hawija", "Dibis"], ["Hawija"], False),  # a place the gold does not hold
        (["Dibis"], ["Hawija"], False),
        ([], [], True),
        (["Iraq"], [], False),
        ([], ["Iraq"], False),
        (["IRAQ"], ["Iraq"], True),
    ],
)
def test_locations_agree_follows_the_schema(
    predicted: list[str], gold: list[str], right: bool
) -> None:
    assert locations_agree(predicted, gold, FAKE) is right


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("U.S. Central Command", {"us", "central", "command"}),
        ("according to the UN refugee agency (UNHCR)", {"un", "refugee", "agency", "unhcr"}),
        ("the health ministry's spokesman", {"health", "ministrys", "spokesman"}),
        ("the", set()),
    ],
)
def test_source_tokens_cases(name: str, tokens: set[str]) -> None:
    assert source_tokens(name) == tokens


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("provincial police", "police", True),
        ("the police said", "Kirkuk police", True),
        ("UNHCR", "UN refugee agency (UNHCR)", True),
        ("CENTCOM", "U.S. Central Command", True),
        (None, None, True),
        ("police", None, False),
        ("army", "police", False),
        ("the", "the", False),
    ],
)
def test_same_source_cases(a: str | None, b: str | None, same: bool) -> None:
    assert same_source(a, b, FAKE.actor) is same


def test_attribute_agreement_judges_each_attribute() -> None:
    gold = KIRKUK.figures[2].figure  # 7 killed in Hawija, per provincial police
    pred = dataclasses.replace(
        gold,
        quantity=q(7, None, Qualifier.AT_LEAST),
        actor="Daesh",
        locations=("Hawija", "Kirkuk"),
        period_end=None,
        source="police",
    )
    assert attribute_agreement(pred, gold, FAKE) == {
        "qualifier": False,
        "actor": True,
        "locations": True,
        "period": False,
        "source": True,
    }


# --- documents, checks and metrics ----------------------------------------------------------


def test_score_document_perfect_prediction() -> None:
    result = score_document(KIRKUK, perfect(KIRKUK), FAKE)
    assert result.tally == Tally(tp=5, fp=0, fn=0)
    assert result.neutral == 1  # the include:false policeman
    assert result.agreement == dict.fromkeys(ATTRIBUTES, 5)
    assert result.checks[CheckType.SUM].recall == 1.0
    assert result.checks[CheckType.SUBSET].precision == 1.0


def test_score_document_with_no_prediction_scores_zero() -> None:
    result = score_document(KIRKUK, extraction(KIRKUK, []), FAKE)
    assert result.tally == Tally(tp=0, fp=0, fn=5)
    assert (result.tally.precision, result.tally.recall, result.tally.f1) == (0.0, 0.0, 0.0)
    assert result.checks[CheckType.SUM].recall == 0.0


def test_include_false_prediction_is_neither_tp_nor_fp() -> None:
    pred = predicted("A policeman was wounded", exact(1), Measure.INJURED)
    result = score_document(KIRKUK, extraction(KIRKUK, [pred]), FAKE)
    assert result.tally == Tally(tp=0, fp=0, fn=5)
    assert result.neutral == 1


@pytest.mark.parametrize(
    ("total", "parts", "found"),
    [
        ("p-f1", ("p-f3", "p-f4"), True),
        ("p-f1", ("p-f4", "p-f3"), True),  # parts are a set
        ("p-f1", ("p-f3",), False),  # a part missing
        ("p-f1", ("p-f3", "p-f4", "p-f2"), False),  # a part too many
        ("p-f2", ("p-f3", "p-f4"), False),  # wrong total
        ("spurious", ("p-f3", "p-f4"), False),  # total is no matched figure
    ],
)
def test_sum_check_cases(total: str, parts: tuple[str, ...], found: bool) -> None:
    figures = [
        *map(as_prediction, KIRKUK.figures),
        predicted("Security forces", exact(3), Measure.OPERATIONS, "spurious"),
    ]
    checks = [Check("doc", CheckType.SUM, True, total=total, parts=parts)]
    score = score_document(KIRKUK, extraction(KIRKUK, figures, checks), FAKE).checks[CheckType.SUM]
    assert (score.gold, score.found, score.predicted, score.correct) == (1, found, 1, found)


def test_sum_check_found_through_an_include_false_part() -> None:
    gold = parse_gold(sum_raw(), "two-bombings.json")
    result = score_document(gold, perfect(gold), FAKE)
    assert result.tally == Tally(tp=2, fp=0, fn=0)
    assert result.checks[CheckType.SUM].recall == 1.0


def test_subset_check_needs_whole_and_part_matched() -> None:
    figures = list(map(as_prediction, KIRKUK.figures))
    checks = [
        Check("doc", CheckType.SUBSET, True, whole="p-f1", part="p-f3"),
        Check("doc", CheckType.SUBSET, True, whole="p-f1", part="p-f4"),
    ]
    score = score_document(KIRKUK, extraction(KIRKUK, figures, checks), FAKE).checks[
        CheckType.SUBSET
    ]
    assert (score.recall, score.precision) == (1.0, 0.5)


@pytest.mark.parametrize(
    ("kind", "whole", "part", "found"),
    [
        (CheckType.CONFLICT, "p-f1", "p-f2", True),
        (CheckType.CONFLICT, "p-f2", "p-f1", True),  # the pair is unordered
        (CheckType.UPDATE, "p-f2", "p-f1", True),  # an update is a conflict the text resolves
        (CheckType.CONFLICT, "p-f1", "p-f3", False),
        (CheckType.SUBSET, "p-f1", "p-f2", False),
    ],
)
def test_conflict_check_cases(kind: CheckType, whole: str, part: str, found: bool) -> None:
    figures = list(map(as_prediction, KIRKUK.figures))
    checks = [Check("doc", kind, False, whole=whole, part=part)]
    score = score_document(KIRKUK, extraction(KIRKUK, figures, checks), FAKE).checks[
        CheckType.CONFLICT
    ]
    assert (score.gold, score.found, score.correct) == (1, found, found)


def test_score_document_lists_check_errors_for_details() -> None:
    figures = list(map(as_prediction, KIRKUK.figures))
    checks = [Check("doc", CheckType.SUBSET, True, whole="p-f1", part="p-f4", reason="5 of 12")]
    errors = score_document(KIRKUK, extraction(KIRKUK, figures, checks), FAKE).check_errors
    assert [e.split(":")[0] for e in errors] == [
        "missed sum",
        "missed subset",
        "missed conflict",
        "spurious subset",
    ]
    assert errors[0].startswith("missed sum: f1=12 f3=7 f4=5")


@pytest.mark.parametrize(
    ("tally", "precision", "recall", "f1"),
    [
        (Tally(3, 1, 2), 0.75, 0.6, 2 / 3),
        (Tally(), 0.0, 0.0, 0.0),
        (Tally(0, 0, 3), 0.0, 0.0, 0.0),
        (Tally(4, 0, 0), 1.0, 1.0, 1.0),
        (Tally(0, 2, 0), 0.0, 0.0, 0.0),
    ],
)
def test_tally_ratios(tally: Tally, precision: float, recall: float, f1: float) -> None:
    assert (tally.precision, tally.recall) == pytest.approx((precision, recall))
    assert tally.f1 == pytest.approx(f1)


def test_report_micro_averages_over_documents() -> None:
    other = parse_gold(sum_raw(), "two-bombings.json")
    results = (
        score_document(KIRKUK, perfect(KIRKUK), FAKE),
        score_document(other, extraction(other, []), FAKE),
    )
    report = EvalReport("gold", "hash", results)
    assert report.tally == Tally(tp=5, fp=0, fn=2)
    metrics = report.metrics()
    # Micro: 5 of 7 gold figures found; a macro average would give (1.0 + 0.0) / 2.
    assert metrics["recall"] == pytest.approx(5 / 7)
    assert metrics["precision"] == 1.0
    assert metrics["sum_recall"] == 0.5
    assert metrics["actor"] == 1.0


# --- a folder, and the output ---------------------------------------------------------------


def gold_folder(tmp_path: Path) -> Path:
    for raw in (kirkuk_raw(), sum_raw()):
        (tmp_path / f"{raw['doc_id']}.json").write_text(json.dumps(raw), encoding="utf-8")
    return tmp_path


def perfect_extractor(folder: Path) -> Any:
    golds = {gold.doc_id: gold for gold in map(load_gold, folder.glob("*.json"))}
    return lambda document: perfect(golds[document.key])


def test_evaluate_dir_with_a_perfect_extractor_scores_one(tmp_path: Path) -> None:
    folder = gold_folder(tmp_path)
    report = evaluate_dir(folder, perfect_extractor(folder), FAKE)
    assert [r.doc_id for r in report.documents] == ["kirkuk-raids", "two-bombings"]
    assert set(report.metrics().values()) == {1.0}


def test_evaluate_dir_pins_the_gold_set(tmp_path: Path) -> None:
    folder = gold_folder(tmp_path)
    before = evaluate_dir(folder, perfect_extractor(folder), FAKE).gold_sha256
    assert evaluate_dir(folder, perfect_extractor(folder), FAKE).gold_sha256 == before
    raw = sum_raw()
    raw["figures"][0]["measure"] = "injured"
    (folder / "two-bombings.json").write_text(json.dumps(raw), encoding="utf-8")
    assert evaluate_dir(folder, perfect_extractor(folder), FAKE).gold_sha256 != before


def test_evaluate_dir_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no gold .json files"):
        evaluate_dir(tmp_path)


def test_evaluate_dir_runs_the_real_extractor(tmp_path: Path) -> None:
    report = evaluate_dir(gold_folder(tmp_path))
    assert report.tally.tp + report.tally.fn == 7
    assert set(report.metrics()) >= {"f1", "precision", "recall", *ATTRIBUTES, "sum_recall"}


def test_report_json_lists_errors_with_details() -> None:
    result = score_document(
        KIRKUK,
        extraction(KIRKUK, [predicted("Security forces", exact(3), Measure.OPERATIONS, "p9")]),
        FAKE,
    )
    document = EvalReport("gold", "hash", (result,)).to_json(details=True)["documents"]
    assert isinstance(document, list)
    assert [m["id"] for m in document[0]["missed"]] == ["f1", "f2", "f3", "f4", "f6"]
    assert document[0]["spurious"] == [
        {
            "id": "p9",
            "text": "Security forces",
            "number_text": "3",
            "low": 3,
            "high": 3,
            "measure": "operations",
        }
    ]


def test_print_report_ends_with_the_key_summary() -> None:
    other = parse_gold(sum_raw(), "two-bombings.json")
    results = (
        score_document(KIRKUK, perfect(KIRKUK), FAKE),
        score_document(other, extraction(other, []), FAKE),
    )
    out = io.StringIO()
    # Narrow on purpose: the summary lines must not wrap.
    print_report(EvalReport("gold", "hash", results), Console(file=out, width=50), details=True)
    last = out.getvalue().splitlines()[-3:]
    assert last[0] == "F1 0.833 (P 1.000 R 0.714) strict, micro-averaged"
    assert last[1] == (
        "accuracy on 5 matched: qualifier 1.000 actor 1.000 locations 1.000"
        " period 1.000 source 1.000"
    )
    assert last[2].startswith("sum checks: recall 0.500 (1/2) precision 1.000 (1/1)")
    assert "missed" in out.getvalue()  # the error table of --details


def test_eval_command_ends_with_the_key_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(gold_folder(tmp_path)), "--details"])
    assert result.exit_code == 0, result.output
    last = result.stdout.splitlines()[-3:]
    assert [line.split(" ")[0] for line in last] == ["F1", "accuracy", "sum"]


def test_eval_command_prints_one_json_object(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(gold_folder(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["counts"]["documents"] == 2
    assert set(report["metrics"]) >= {"f1", "precision", "recall", *ATTRIBUTES, "sum_recall"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["--format", "csv"], "'csv' is not table or json"), ([], "holds no gold .json files")],
)
def test_eval_command_refuses_bad_input(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path), *arguments])
    assert result.exit_code != 0
    assert message in result.output
