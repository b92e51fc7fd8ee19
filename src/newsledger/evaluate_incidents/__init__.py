"""Scoring incident extraction against labelled incident data sets (``newsledger eval-incidents``).

The data sets live under ``../shared/data`` (see its README); none of them ships with newsledger.
Modules, in the order a run uses them:
  datasets.py  read each data set's CSV into labelled rows, and sample them with a fixed seed;
  scoring.py   the row-level prediction from the pipeline, and when it agrees with a label;
  tally.py     accuracies with error kinds, and macro-F1 of event types, per data set;
  report.py    the run over the whole data folder, and its tables and JSON.
"""

from newsledger.evaluate_incidents.datasets import DATASET_NAMES, DATASETS, LabelledRow
from newsledger.evaluate_incidents.report import (
    DEFAULT_SAMPLE,
    DEFAULT_SEED,
    IncidentsReport,
    evaluate_incidents,
    print_report,
)
from newsledger.evaluate_incidents.scoring import Prediction, predict
from newsledger.evaluate_incidents.tally import DatasetScore, score_dataset

__all__ = [
    "DATASETS",
    "DATASET_NAMES",
    "DEFAULT_SAMPLE",
    "DEFAULT_SEED",
    "DatasetScore",
    "IncidentsReport",
    "LabelledRow",
    "Prediction",
    "evaluate_incidents",
    "predict",
    "print_report",
    "score_dataset",
]
