"""Scores of one data set: accuracy with counts by error kind, and macro-F1 for event types.

For every label a data set codes, a row is scored when the label is usable:
  killed / injured   the text states the coded number (scoring.states_count); the error kinds are
                     other_figure (a figure states the coded number but another was taken),
                     missed (nothing predicted, or 0), spurious (a count where the data says 0),
                     too_low, too_high;
  country, place     the label is not empty; error kinds: none (nothing predicted), and wrong_<rule>
                     for a wrong place by the rule that chose it (incident, dateline, text);
                     place_in_text counts only rows whose text names the gold place;
                     country_stated and place_stated only rows whose text states a coded
                     killed or injured count (the rows the counts are scored on; issue 4's
                     targets are set on these);
  perpetrator        the label names a group (scoring.perpetrator_scored); error kinds: none, wrong;
  event_type,        the label is not empty; accuracy, and macro-F1 over the gold classes: the mean
  sub_event_type     over every class present in the gold labels of the F1 of that class (a CASE
                     snippet with no ACLED event is gold "none": predicting an ACLED type for it is
                     a false positive of that type, and "none" itself is not averaged);
  sub_event_type_text the same for classify_event over the whole text (pipeline rows only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsledger.evaluate_incidents.datasets import NO_ACLED_EVENT, LabelledRow
from newsledger.evaluate_incidents.scoring import (
    Prediction,
    perpetrator_scored,
    same_country,
    same_perpetrator,
    same_place,
    states_count,
)
from newsledger.extract.places import normalise_place
from newsledger.model import Measure

ACCURACIES = ("killed", "injured", "killed_incident", "injured_incident", "country", "place",
              "place_in_text", "country_stated", "place_stated", "perpetrator", "event_type",
              "sub_event_type", "sub_event_type_text")
# metric -> (the row's label, the prediction's field)
CLASSIFIED = {"event_type": ("event_type", "event_type"),
              "sub_event_type": ("sub_event_type", "sub_event_type"),
              "sub_event_type_text": ("sub_event_type", "text_sub_event_type")}


@dataclass
class Accuracy:
    """Correct out of scored rows, with the wrong ones counted by kind of error."""

    correct: int = 0
    total: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def score(self) -> float:
        """correct / total; 0.0 when no row was scored."""
        return self.correct / self.total if self.total else 0.0

    def add(self, error: str | None) -> None:
        """Count one scored row: ``error`` None when it was right, else its kind."""
        self.total += 1
        if error is None:
            self.correct += 1
        else:
            self.errors[error] += 1

    def to_json(self) -> dict[str, object]:
        """{"score", "correct", "n", "errors"}."""
        return {"score": round(self.score, 4), "correct": self.correct, "n": self.total,
                "errors": dict(self.errors.most_common())}


@dataclass
class DatasetScore:
    """Every score of one data set, and the confusions of its event classification."""

    name: str
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    macro_f1: dict[str, float] = field(default_factory=dict)
    confusions: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)

    def metrics(self) -> dict[str, float]:
        """Flat scores: accuracies of scored labels and ``<label>_macro_f1``."""
        found = {name: a.score for name, a in self.accuracy.items() if a.total}
        found.update({f"{name}_macro_f1": value for name, value in self.macro_f1.items()})
        return found


def count_error(predicted: int | None, gold: int, figures: Sequence[int] = ()) -> str | None:
    """None when equal, else other_figure / missed / spurious / too_low / too_high (None is 0)."""
    value = predicted or 0
    if value == gold:
        return None
    if gold in figures:
        return "other_figure"
    if value == 0:
        return "missed"
    if gold == 0:
        return "spurious"
    return "too_low" if value < gold else "too_high"


def label_error(agrees: bool, predicted: str | None, rule: str | None = None) -> str | None:
    """None when the labels agree, else 'none' (nothing predicted) or 'wrong[_<rule>]'."""
    if agrees:
        return None
    if not predicted:
        return "none"
    return f"wrong_{rule}" if rule else "wrong"


def score_dataset(name: str, rows: Sequence[LabelledRow],
                  predictions: Sequence[Prediction]) -> DatasetScore:
    """Score the predictions for a data set's rows (the same order)."""
    score = DatasetScore(name, {metric: Accuracy() for metric in ACCURACIES})
    for row, prediction in zip(rows, predictions, strict=True):
        score_row(score, row, prediction)
    for metric, (label, field_name) in CLASSIFIED.items():
        pairs = [(getattr(r, label), getattr(p, field_name))
                 for r, p in zip(rows, predictions, strict=True)
                 if getattr(r, label) and _classified(metric, p)]
        if pairs:
            score.macro_f1[metric] = macro_f1(pairs)
            score.confusions[metric] = Counter((g, p or NO_ACLED_EVENT) for g, p in pairs
                                               if g != (p or NO_ACLED_EVENT))
    return score


def score_row(score: DatasetScore, row: LabelledRow, prediction: Prediction) -> None:
    """Add one row's agreements to the data set's tallies."""
    accuracy = score.accuracy
    stated = False
    for metric, measure in (("killed", Measure.KILLED), ("injured", Measure.INJURED)):
        gold = getattr(row, metric)
        if gold is not None and states_count(row.text, gold, measure):
            stated = True
            figures = getattr(prediction, f"{metric}_figures")
            accuracy[metric].add(count_error(getattr(prediction, metric), gold, figures))
            accuracy[f"{metric}_incident"].add(
                count_error(getattr(prediction, f"{metric}_incident"), gold, figures))
    rule = prediction.place_source
    if row.country:
        error = label_error(same_country(prediction.country, row.country), prediction.country,
                            rule)
        accuracy["country"].add(error)
        if stated:
            accuracy["country_stated"].add(error)
    if row.place:
        right = same_place(prediction.place, row.place, prediction.place_admin1)
        error = label_error(right, prediction.place, rule)
        accuracy["place"].add(error)
        if names_place(row.text, row.place):
            accuracy["place_in_text"].add(error)
        if stated:
            accuracy["place_stated"].add(error)
    if perpetrator_scored(row.perpetrator):
        gold = row.perpetrator or ""
        accuracy["perpetrator"].add(label_error(same_perpetrator(prediction.perpetrator, gold),
                                                prediction.perpetrator))
    for metric, (label, field_name) in CLASSIFIED.items():
        gold_type = getattr(row, label)
        if gold_type and _classified(metric, prediction):
            predicted = getattr(prediction, field_name) or NO_ACLED_EVENT
            accuracy[metric].add(None if predicted == gold_type else "wrong")


def _classified(metric: str, prediction: Prediction) -> bool:
    """Whether the prediction has this classification (the whole-text one only from predict)."""
    return metric != "sub_event_type_text" or prediction.text_classified


def names_place(text: str, place: str) -> bool:
    """Whether the text names the place (folded words, so 'Urus-Martan' names 'Urus Martan')."""
    key = normalise_place(place)
    return bool(key) and f" {key} " in f" {normalise_place(text)} "


def macro_f1(pairs: Sequence[tuple[str, str | None]]) -> float:
    """Mean F1 over the gold classes (not 'none'); a None prediction is 'none'."""
    classes = sorted({gold for gold, _ in pairs} - {NO_ACLED_EVENT})
    if not classes:
        return 0.0
    total = 0.0
    for label in classes:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(classes)


__all__ = [
    "ACCURACIES",
    "Accuracy",
    "DatasetScore",
    "count_error",
    "label_error",
    "macro_f1",
    "names_place",
    "score_dataset",
    "score_row",
]
