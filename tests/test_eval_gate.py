"""The evaluation gates: scores on five gold sets must not fall below their pinned minimums.

- the shared dev set, ``../shared/corpus/dev``: runs only where it sits beside the repository
  (developers' machines and CI); minimums and hash pinned in tests/eval_baseline.json;
- our own written reports (tests/gold/README.md), always: ``tests/gold/fields`` (every field of
  wire stories, briefings and updates; tests/gold_fields_baseline.json) and ``tests/gold/checks``
  (breakdowns, sums and subsets; tests/gold_checks_baseline.json) and ``tests/gold/places``
  (places and periods of periodic, incident and displacement reports;
  tests/gold_places_baseline.json) and ``tests/gold/news`` (periods and sources of longer news
  reports of the hidden set's kinds, issue 9; tests/gold_news_baseline.json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsledger.evaluate import EvalReport, evaluate_dir

HERE = Path(__file__).resolve().parent
GATES = {  # name: (gold folder, pinned minimums)
    "dev": (HERE.parent.parent / "shared" / "corpus" / "dev", HERE / "eval_baseline.json"),
    "fields": (HERE / "gold" / "fields", HERE / "gold_fields_baseline.json"),
    "checks": (HERE / "gold" / "checks", HERE / "gold_checks_baseline.json"),
    "places": (HERE / "gold" / "places", HERE / "gold_places_baseline.json"),
    "news": (HERE / "gold" / "news", HERE / "gold_news_baseline.json"),
}
GATED = (
    "f1",
    "precision",
    "recall",
    "qualifier",
    "actor",
    "locations",
    "period",
    "source",
    "sum_recall",
    "subset_recall",
)


def _baseline(gate: str) -> dict[str, Any]:
    baseline: dict[str, Any] = json.loads(GATES[gate][1].read_text(encoding="utf-8"))
    return baseline


@pytest.fixture(scope="module", params=sorted(GATES))
def gate(request: pytest.FixtureRequest) -> tuple[str, EvalReport]:
    """A gold set's name and its evaluation, computed once for all gate tests."""
    name: str = request.param
    gold_dir = GATES[name][0]
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not found: evaluation gate '{name}' skipped")
    return name, evaluate_dir(gold_dir)


@pytest.mark.parametrize("name", sorted(GATES))
def test_eval_baseline_pins_every_gated_metric(name: str) -> None:
    baseline = _baseline(name)
    minimums = {key: value for key, value in baseline.items() if not key.startswith(("_", "gold"))}
    assert set(minimums) == set(GATED)
    assert all(isinstance(value, float) and 0.0 <= value <= 1.0 for value in minimums.values())
    assert len(baseline["gold_sha256"]) == 64


def test_eval_gold_set_is_the_pinned_one(gate: tuple[str, EvalReport]) -> None:
    name, report = gate
    gold_dir, baseline_path = GATES[name]
    pinned = _baseline(name)["gold_sha256"]
    assert report.gold_sha256 == pinned, (
        f"the gold files in {gold_dir} changed (sha256 {report.gold_sha256}, pinned {pinned}): "
        f"run `newsledger eval {gold_dir}`, check the scores, and re-pin gold_sha256 and the "
        f"minimums in {baseline_path.name}"
    )


@pytest.mark.parametrize("metric", GATED)
def test_eval_metric_at_least_pinned_minimum(gate: tuple[str, EvalReport], metric: str) -> None:
    name, report = gate
    gold_dir, baseline_path = GATES[name]
    score, minimum = report.metrics()[metric], _baseline(name)[metric]
    assert score >= minimum, (
        f"{metric} fell to {score:.3f}, below the pinned minimum {minimum:.3f} in "
        f"{baseline_path.name}; find the regression with `newsledger eval {gold_dir} --details`"
    )
