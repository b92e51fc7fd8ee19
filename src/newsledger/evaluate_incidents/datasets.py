"""The labelled incident data sets under ``../shared/data``: one reader per data set, one row type.

Each reader turns a CSV row into a ``LabelledRow``: the text newsledger reads and the labels it is
scored against. A label the data set does not have is None; the data sets' own spellings are kept
(scoring.py maps them through our gazetteer and actor table). Rows without text are skipped.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsledger.errors import InputError


@dataclass(frozen=True, slots=True)
class LabelledRow:
    """One incident of a data set: its text and the labels coded for it (None: not coded)."""

    dataset: str
    row_id: str
    text: str
    published: date | None = None
    killed: int | None = None
    injured: int | None = None
    country: str | None = None
    place: str | None = None
    perpetrator: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None


Reader = Callable[[str, dict[str, str]], LabelledRow | None]


@dataclass(frozen=True, slots=True)
class Dataset:
    """Where a data set lives under the data folder, how to read a row, what is scored."""

    name: str
    path: str  # relative to the data folder
    read: Reader
    pipeline: bool = True  # False: only the event classifier is scored (no counts, no places)
    note: str = ""


# CASE 2021 task 2 codes for ACLED sub-event types; its five non-ACLED labels (ORG_CRIME,
# NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) are no ACLED event, so they read as None.
CASE_LABELS = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon", "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "PROTEST_WITH_INTER": "Protest with intervention", "PEACE_PROTEST": "Peaceful protest",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use", "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
NO_ACLED_EVENT = "none"  # the label of a CASE snippet that reports no ACLED event


def _int(value: str | None) -> int | None:
    """A whole number written as '3' or '3.0'; None when empty or not a number."""
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _text(value: str | None) -> str:
    return (value or "").strip()


# RAND's descriptions carry Mac Roman quotes and dashes decoded as Latin-1 ("BaghdadÕs", "ÒGodÓ");
# 600 of 40,129 rows. Read back as the punctuation they were, so "Baghdad's" is a place again.
_MAC_ROMAN_PUNCTUATION = str.maketrans(
    {"Õ": "\u2019", "Ô": "\u2018", "Ò": "\u201c", "Ó": "\u201d", "Ð": "\u2013", "Ñ": "\u2014"})


def _read_rand(name: str, row: dict[str, str]) -> LabelledRow | None:
    text = _text(row["description"]).translate(_MAC_ROMAN_PUNCTUATION)
    return LabelledRow(
        name, row["row_id"], text, _day(row["date"]),
        killed=_int(row["fatalities"]), injured=_int(row["injuries"]),
        country=row["country"] or None, place=row["city"] or None,
        perpetrator=row["perpetrator"] or None)


def _read_awsd(name: str, row: dict[str, str]) -> LabelledRow | None:
    year, month, day = (_int(row[key]) for key in ("Year", "Month", "Day"))
    published = date(year, month, day) if year and month and day else None
    return LabelledRow(
        name, row["Incident ID"], _text(row["Details"]), published,
        killed=_int(row["Total killed"]), injured=_int(row["Total wounded"]),
        country=row["Country"] or None, place=row["City"] or None)


def _read_acled(name: str, row: dict[str, str]) -> LabelledRow | None:
    return LabelledRow(
        name, row["event_id_cnty"], _text(row["notes"]), _day(row["event_date"]),
        killed=_int(row["fatalities"]), country=row["country"] or None,
        place=row["location"] or None, perpetrator=row["actor1"] or None,
        event_type=row["event_type"] or None, sub_event_type=row["sub_event_type"] or None)


def _read_awsd_africa(name: str, row: dict[str, str]) -> LabelledRow | None:
    return LabelledRow(
        name, row["data_id"], _text(row["notes"]), _day(row["event_date"]),
        killed=_int(row["fatalities"]), country=row["country"] or None,
        perpetrator=row["actor1"] or None)


def _read_wiki(name: str, row: dict[str, str]) -> LabelledRow | None:
    # Only the year is coded: no publication day to resolve "on Monday" against.
    return LabelledRow(
        name, row["row_id"], _text(row["Description"]), None,
        killed=_int(row["Dead"]), injured=_int(row["Injured"]),
        country=row["Country"] or None, perpetrator=row["Perpetrator"] or None)


def _read_case(name: str, row: dict[str, str]) -> LabelledRow | None:
    label = row["subtype"].strip()
    return LabelledRow(name, row["id"], _text(row["event_snippet"]),
                       sub_event_type=CASE_LABELS.get(label, NO_ACLED_EVENT))


DATASETS: tuple[Dataset, ...] = (
    Dataset("rand", "rand_rdwti/rand_rdwti_1968_2009.csv", _read_rand,
            note="RAND RDWTI 1968-2009 descriptions"),
    Dataset("awsd", "awsd_2016/awsd_security_incidents_1997_2016.csv", _read_awsd,
            note="AWSD 1997-2016 details; counts are aid workers only"),
    Dataset("acled", "osac_africa_acled_awsd/acled_africa_humanitarian_subset.csv", _read_acled,
            note="ACLED notes, Africa 2016-2022 (humanitarian subset)"),
    Dataset("awsd_africa", "osac_africa_acled_awsd/awsd_africa_2016_2022_subset.csv",
            _read_awsd_africa, note="AWSD notes, Africa 2016-2022; counts are aid workers only"),
    Dataset("wiki", "wiki_terror_incidents/wiki_terror_incidents_2016_2022.csv", _read_wiki,
            note="Wikipedia terrorist incident list 2016-2022"),
    Dataset("case2021", "case2021_task2/case2021_task2_test_with_labels.csv", _read_case,
            pipeline=False, note="CASE 2021 task 2 snippets: sub-event type only"),
)
DATASET_NAMES = tuple(dataset.name for dataset in DATASETS)


def read_dataset(dataset: Dataset, data_dir: Path) -> list[LabelledRow]:
    """Every row of a data set that has text; InputError names the file and what is wrong."""
    path = data_dir / dataset.path
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(str(path), f"cannot be read as CSV: {error}") from error
    found = []
    for line, row in enumerate(rows, start=2):
        try:
            labelled = dataset.read(dataset.name, row)
        except KeyError as error:
            raise InputError(str(path), f"has no column {error}", line=line) from error
        if labelled is not None and labelled.text:
            found.append(labelled)
    return found


def sample_rows(rows: list[LabelledRow], size: int, seed: int) -> list[LabelledRow]:
    """At most ``size`` rows drawn with a fixed seed, kept in file order (all when size <= 0)."""
    if size <= 0 or len(rows) <= size:
        return list(rows)
    chosen = set(random.Random(seed).sample(range(len(rows)), size))
    return [row for index, row in enumerate(rows) if index in chosen]


__all__ = [
    "CASE_LABELS",
    "DATASETS",
    "DATASET_NAMES",
    "NO_ACLED_EVENT",
    "Dataset",
    "LabelledRow",
    "read_dataset",
    "sample_rows",
]
