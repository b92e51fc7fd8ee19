"""The evaluation gate: scores on the shared dev gold set must not fall below the pinned minimums.

Runs only where ``../shared/corpus/dev`` sits beside the repository (developers' machines and CI);
the minimums and the hash of the gold set are pinned in tests/eval_baseline.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.evaluate import EvalReport, evaluate_dir

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO.parent / "shared" / "corpus" / "dev"
BASELINE_PATH = Path(__file__).with_name("eval_baseline.json")
BASELINE = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
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


@pytest.fixture(scope="module")
def dev_report() -> EvalReport:
    """The evaluation of the dev gold set, computed once for all gate tests."""
    if not GOLD_DIR.is_dir():
        pytest.skip("../shared/corpus/dev not found: evaluation gate skipped")
    return evaluate_dir(GOLD_DIR)


def test_eval_baseline_pins_every_gated_metric() -> None:
    minimums = {key: value for key, value in BASELINE.items() if not key.startswith(("_", "gold"))}
    assert set(minimums) == set(GATED)
    assert all(isinstance(value, float) and 0.0 <= value <= 1.0 for value in minimums.values())
    assert len(BASELINE["gold_sha256"]) == 64


def test_eval_gold_set_is_the_pinned_one(dev_report: EvalReport) -> None:
    assert dev_report.gold_sha256 == BASELINE["gold_sha256"], (
        f"the gold files in {GOLD_DIR} changed (sha256 {dev_report.gold_sha256}, pinned "
        f"{BASELINE['gold_sha256']}): run `newsledger eval {GOLD_DIR}`, check the scores, and "
        f"re-pin gold_sha256 and the minimums in {BASELINE_PATH.name}"
    )


@pytest.mark.parametrize("metric", GATED)
def test_eval_metric_at_least_pinned_minimum(dev_report: EvalReport, metric: str) -> None:
    score, minimum = dev_report.metrics()[metric], BASELINE[metric]
    assert score >= minimum, (
        f"{metric} fell to {score:.3f}, below the pinned minimum {minimum:.3f} in "
        f"{BASELINE_PATH.name}; find the regression with `newsledger eval {GOLD_DIR} --details`"
    )
