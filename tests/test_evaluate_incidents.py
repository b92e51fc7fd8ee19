"""Tests for the incident evaluation (evaluate_incidents/): scorers on hand-written rows; a gate.

The gate at the end runs only where ``../shared/data`` sits beside the repository: it scores a
small fixed sample (200 rows each of RAND, ACLED and CASE 2021) and checks the minimums pinned in
tests/incidents_baseline.json. Minimums may only be raised (see the file's _comment).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluate_incidents import IncidentsReport, evaluate_incidents
from newsledger.evaluate_incidents.datasets import (
    DATASETS,
    NO_ACLED_EVENT,
    LabelledRow,
    read_dataset,
    sample_rows,
)
from newsledger.evaluate_incidents.merges import same_coding
from newsledger.evaluate_incidents.scoring import (
    Prediction,
    actor_key,
    name_variants,
    perpetrator_scored,
    same_country,
    same_perpetrator,
    same_place,
    stated_numbers,
    states_count,
    text_place,
)
from newsledger.evaluate_incidents.tally import count_error, macro_f1, names_place, score_dataset
from newsledger.model import Measure

WriteFile = Callable[[str, str | bytes], Path]

# --- what a text states -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "measure", "stated"), [
    ("Gunmen killed 3 and wounded 5 in the market.", 3, Measure.KILLED, True),
    ("Gunmen killed 3 and wounded 5 in the market.", 5, Measure.INJURED, True),
    ("A bomb killed twenty-one people at the station.", 21, Measure.KILLED, True),
    ("One policeman died of his wounds.", 1, Measure.KILLED, True),
    ("A policeman died of his wounds.", 1, Measure.KILLED, False),  # "a" is no stated number
    ("Dozens were hurt in the blast.", 30, Measure.INJURED, False),
    ("No one was injured when the device went off.", 0, Measure.INJURED, True),
    ("No one was injured when the device went off.", 0, Measure.KILLED, True),
    ("There were no casualties.", 0, Measure.KILLED, True),
    ("There were no casualties.", 0, Measure.INJURED, True),
    ("No one was killed, but two guards were wounded.", 0, Measure.KILLED, True),
    ("The blast caused no injuries.", 0, Measure.INJURED, True),
    ("The blast caused no injuries.", 0, Measure.KILLED, False),  # says nothing of deaths
    ("A bomb damaged the door of the office.", 0, Measure.KILLED, False),
])
def test_incidents_states_count(text: str, value: int, measure: Measure, stated: bool) -> None:
    assert states_count(text, value, measure) is stated


def test_incidents_stated_numbers_reads_digits_and_words() -> None:
    assert {2, 19, 1} <= stated_numbers("killing two people and wounding 19, one of them a child")


# --- agreement --------------------------------------------------------------------------------


@pytest.mark.parametrize(("predicted", "gold", "error"), [
    (3, 3, None),
    (None, 0, None),  # nothing reported reads as the data sets' 0
    (None, 2, "missed"),
    (0, 2, "missed"),
    (4, 0, "spurious"),
    (2, 5, "too_low"),
    (9, 5, "too_high"),
])
def test_incidents_count_error_kinds(predicted: int | None, gold: int, error: str | None) -> None:
    assert count_error(predicted, gold) == error


def test_incidents_count_error_other_figure_when_a_figure_had_the_number() -> None:
    assert count_error(12, 2, figures=(12, 2)) == "other_figure"


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("Iraq", "Iraq", True),
    ("South Korea", "Korea, South", True),  # inverted data-set name
    ("Palestine", "West Bank/Gaza", True),  # either part
    ("United Kingdom", "Northern Ireland", True),  # a region named by the data set
    ("Germany", "Federal Republic of Germany", True),
    ("Côte d'Ivoire", "Ivory Coast", True),  # accents and aliases
    ("Syria", "Iraq", False),
    (None, "Iraq", False),
])
def test_incidents_same_country(predicted: str | None, gold: str, same: bool) -> None:
    assert same_country(predicted, gold) is same


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("Urus-Martan", "Urus Martan", True),  # hyphen and case
    ("Mosul", "MOSUL", True),
    ("Baghdad", "Baghdad", True),
    ("Iraq", "Baghdad", False),  # a country is not the city
    ("Kirkuk", "Baghdad", False),
    (None, "Baghdad", False),
    # transliterations of one name
    ("Samarra", "Samara", True),
    ("Zabul", "Zabol", True),
    ("Sderot", "Sederot", True),
    ("Basra", "Basrah", True),
    ("Gaza", "Giza", False),  # too short to compare by consonants
    ("Tikrit", "Takhar", False),
])
def test_incidents_same_place(predicted: str | None, gold: str, same: bool) -> None:
    assert same_place(predicted, gold) is same


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("Hamas", "Hamas (Islamic Resistance Movement)", True),
    ("JNIM", "JNIM: Group for Support of Islam and Muslims", True),
    ("ISIS", "Islamic State of Iraq and the Levant (ISIL)", True),
    ("ISWAP", "Islamic State (West Africa) - Lake Chad Faction", True),
    ("ISIS", "Islamic State (West Africa) - Lake Chad Faction", False),  # an affiliate is not IS
    ("al-Shabaab", "Al Shabaab", True),
    ("Taliban", "Al Shabaab", False),
    (None, "Taliban", False),
])
def test_incidents_same_perpetrator(predicted: str | None, gold: str, same: bool) -> None:
    assert same_perpetrator(predicted, gold) is same


@pytest.mark.parametrize(("gold", "scored"), [
    ("Taliban", True),
    ("Unknown", False),
    ("Other", False),
    ("Unidentified Armed Group (Mali)", False),
    ("Rioters (Kenya)", False),
    ("", False),
    (None, False),
])
def test_incidents_perpetrator_scored(gold: str | None, scored: bool) -> None:
    assert perpetrator_scored(gold) is scored


def test_incidents_name_variants_split_parts() -> None:
    assert name_variants("FRY (Kosovo)")[:4] == ["FRY (Kosovo)", "FRY Kosovo", "FRY", "Kosovo"]
    assert actor_key("Unknown group of nobody") == "unknown group of nobody"


def test_incidents_text_place_prefers_the_dateline_country() -> None:
    place, rule = text_place("FRANCE.  A bomb went off outside the Boston bank in Lyon.")
    assert rule == "dateline" and place is not None and place.country == "France"


def test_incidents_text_place_a_name_opening_the_text_is_no_dateline() -> None:
    place, rule = text_place("Palestine Islamic Jihad fired two rockets at a town in Israel.")
    assert rule == "text" and place is not None


def test_incidents_rand_reader_repairs_mac_roman_quotes(write_file: WriteFile) -> None:
    csv_text = ("row_id,date,city,country,perpetrator,weapon,injuries,fatalities,description\n"
                "1,2005-05-01,Baghdad,Iraq,Unknown,Firearms,0,1,"
                "\"Gunmen shot a guard on BaghdadÕs airport road.\"\n")
    path = write_file("data/rand_rdwti/rand_rdwti_1968_2009.csv", csv_text)
    rows = read_dataset(DATASETS[0], path.parents[1])
    assert rows[0].text == "Gunmen shot a guard on Baghdad\u2019s airport road."


def test_incidents_names_place_folds_hyphens_and_case() -> None:
    assert names_place("A bomb exploded in Urus-Martan on Friday.", "Urus Martan")
    assert not names_place("A bomb exploded in Grozny.", "Urus Martan")


def test_incidents_macro_f1_averages_gold_classes_only() -> None:
    pairs = [("Attack", "Attack"), ("Attack", "Arrests"), ("Arrests", "Arrests"),
             (NO_ACLED_EVENT, "Attack"), (NO_ACLED_EVENT, None)]
    # Attack: tp 1, fp 1, fn 1 -> 0.5; Arrests: tp 1, fp 1, fn 0 -> 2/3; "none" is not averaged
    assert macro_f1(pairs) == pytest.approx((0.5 + 2 / 3) / 2)
    assert macro_f1([]) == 0.0


# --- one data set's scores --------------------------------------------------------------------


def test_incidents_score_dataset_counts_only_stated_rows_and_named_perpetrators() -> None:
    rows = [
        LabelledRow("t", "1", "Gunmen killed 3 people in Kirkuk.", killed=3, country="Iraq",
                    place="Kirkuk", perpetrator="Unknown"),
        LabelledRow("t", "2", "A policeman was killed in Mosul.", killed=1, country="Iraq",
                    place="Mosul", perpetrator="Islamic State of Iraq"),
        LabelledRow("t", "3", "Two soldiers were killed in an ambush.", killed=2, country="Iraq",
                    event_type="Battles", sub_event_type="Armed clash"),
    ]
    predictions = [
        Prediction(killed=3, country="Iraq", place="Kirkuk", place_source="text"),
        Prediction(killed=None, country="Syria", place="Raqqa", perpetrator="ISIS",
                   place_source="incident"),
        Prediction(killed=1, killed_figures=(1, 2), country=None, event_type="Battles",
                   sub_event_type="Armed clash"),
    ]
    score = score_dataset("t", rows, predictions)
    killed = score.accuracy["killed"]
    assert (killed.correct, killed.total) == (1, 2)  # row 2 says "a policeman": not scored
    assert dict(killed.errors) == {"other_figure": 1}
    assert dict(score.accuracy["country"].errors) == {"wrong_incident": 1, "none": 1}
    assert score.accuracy["place"].total == 2 and score.accuracy["place_in_text"].total == 2
    # country and place again on the rows that state their count (rows 1 and 3)
    assert (score.accuracy["country_stated"].correct, score.accuracy["country_stated"].total) == (
        1, 2)
    assert score.accuracy["place_stated"].total == 1
    assert (score.accuracy["perpetrator"].correct, score.accuracy["perpetrator"].total) == (1, 1)
    assert score.metrics()["sub_event_type"] == 1.0
    assert score.metrics()["sub_event_type_macro_f1"] == 1.0
    assert "injured" not in score.metrics()  # no row codes injuries


# --- reading data sets ------------------------------------------------------------------------


RAND_CSV = (
    "row_id,date,city,country,perpetrator,weapon,injuries,fatalities,description\n"
    "1,2006-03-02,Kirkuk,Iraq,Unknown,Firearms,0,2,Gunmen shot and killed two guards in Kirkuk.\n"
    "2,2006-03-04,Mosul,Iraq,Unknown,Explosives,4,0,\"A bomb exploded in Mosul, wounding four.\"\n"
    "3,2006-03-05,Tikrit,Iraq,Unknown,Unknown,0,0,\n"
)
CASE_CSV = (
    "id,event_snippet,subtype\n"
    "1,Police fired tear gas at students protesting in the capital.,PROTEST_WITH_INTER\n"
    "2,A cyclone flattened coastal villages on Monday.,NATURAL_DISASTER\n"
)


def test_incidents_read_dataset_skips_rows_without_text(write_file: WriteFile) -> None:
    path = write_file("data/rand_rdwti/rand_rdwti_1968_2009.csv", RAND_CSV)
    rand = next(d for d in DATASETS if d.name == "rand")
    rows = read_dataset(rand, path.parents[1])
    assert [(r.row_id, r.killed, r.injured, r.place) for r in rows] == [
        ("1", 2, 0, "Kirkuk"), ("2", 0, 4, "Mosul")]
    assert rows[0].published is not None and rows[0].published.isoformat() == "2006-03-02"


def test_incidents_read_dataset_names_a_missing_column(write_file: WriteFile) -> None:
    path = write_file("data/rand_rdwti/rand_rdwti_1968_2009.csv", "row_id,date\n1,2006-01-01\n")
    rand = next(d for d in DATASETS if d.name == "rand")
    with pytest.raises(Exception, match="has no column 'description'"):
        read_dataset(rand, path.parents[1])


def test_incidents_sample_rows_is_fixed_by_the_seed_and_keeps_file_order() -> None:
    rows = [LabelledRow("t", str(n), f"text {n}") for n in range(50)]
    first, again = sample_rows(rows, 10, seed=3), sample_rows(rows, 10, seed=3)
    assert first == again and len(first) == 10
    assert [int(r.row_id) for r in first] == sorted(int(r.row_id) for r in first)
    assert sample_rows(rows, 0, seed=3) == rows


def test_incidents_evaluate_skips_missing_data_sets(write_file: WriteFile) -> None:
    path = write_file("data/case2021_task2/case2021_task2_test_with_labels.csv", CASE_CSV)
    report = evaluate_incidents(path.parents[1], workers=1, only=("case2021", "rand"))
    by_name = {r.dataset.name: r for r in report.results}
    assert by_name["rand"].skipped is not None and "not found" in by_name["rand"].skipped
    assert report.summary()["case2021.sub_event_type"] == 1.0  # tear gas; a cyclone is no event
    assert json.loads(json.dumps(report.to_json()))["datasets"]["rand"]["skipped"]


def test_incidents_evaluate_runs_the_pipeline_on_text_rows(write_file: WriteFile) -> None:
    path = write_file("data/rand_rdwti/rand_rdwti_1968_2009.csv", RAND_CSV)
    report = evaluate_incidents(path.parents[1], workers=1, only=("rand",))
    metrics = report.summary()
    assert metrics["rand.killed"] == 1.0 and metrics["rand.injured"] == 1.0
    assert metrics["rand.country"] == 1.0


def test_incidents_cli_skips_cleanly_without_a_data_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-incidents", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 0
    assert "no data folder here; eval-incidents skipped" in result.output


def test_incidents_cli_rejects_an_unknown_data_set(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-incidents", "--data", str(tmp_path),
                                      "--dataset", "gtd"])
    assert result.exit_code != 0


# --- the gate ---------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "data"
BASELINE_PATH = Path(__file__).with_name("incidents_baseline.json")
BASELINE = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
GATED = tuple(key for key in BASELINE["minimums"])


@pytest.fixture(scope="module")
def gate_report() -> IncidentsReport:
    """The gate sample's scores, computed once for all gate tests."""
    if not DATA_DIR.is_dir():
        pytest.skip("../shared/data not found: incident evaluation gate skipped")
    sample = BASELINE["sample"]
    return evaluate_incidents(DATA_DIR, sample=sample["rows"], seed=sample["seed"], workers=1,
                              only=sample["datasets"])


def test_incidents_baseline_pins_minimums_between_zero_and_one() -> None:
    assert GATED and all(0.0 <= BASELINE["minimums"][k] <= 1.0 for k in GATED)
    assert set(BASELINE["data_sha256"]) == {d.path for d in DATASETS
                                            if d.name in BASELINE["sample"]["datasets"]}


@pytest.mark.parametrize("path", sorted(BASELINE["data_sha256"]))
def test_incidents_gate_data_is_the_pinned_one(path: str) -> None:
    if not DATA_DIR.is_dir():
        pytest.skip("../shared/data not found: incident evaluation gate skipped")
    digest = hashlib.sha256((DATA_DIR / path).read_bytes()).hexdigest()
    assert digest == BASELINE["data_sha256"][path], (
        f"{DATA_DIR / path} changed: run `newsledger eval-incidents`, check the scores, and re-pin "
        f"its sha256 and the minimums in {BASELINE_PATH.name}")


@pytest.mark.parametrize("metric", GATED)
def test_incidents_gate_metric_at_least_pinned_minimum(gate_report: IncidentsReport,
                                                       metric: str) -> None:
    score, minimum = gate_report.summary().get(metric, 0.0), BASELINE["minimums"][metric]
    assert score >= minimum, (
        f"{metric} fell to {score:.3f}, below the pinned minimum {minimum:.3f} in "
        f"{BASELINE_PATH.name}; see the errors by kind in `newsledger eval-incidents`")


_MARKET_BOMB = ("A car bomb tore through the Sadriya market in Baghdad on Monday, killing 12 "
                "people and wounding 30, police said.")
_MARKET_BOMB_RETOLD = ("Twelve people were killed and 30 wounded on Monday when a car bomb "
                       "exploded in Baghdad's Sadriya market.")


@pytest.mark.parametrize(
    ("texts", "repeated"),
    [
        # one description under two row ids, each with a line of its own (one per site)
        ((_MARKET_BOMB + " The first site was a fruit stall.",
          _MARKET_BOMB + " The second site was a bakery."), True),
        ((_MARKET_BOMB, _MARKET_BOMB_RETOLD), False),  # one event, told in other words
    ],
    ids=["same sentence twice", "other wording"],
)
def test_merges_count_restated_sentences_apart(texts: tuple[str, str], repeated: bool) -> None:
    from datetime import date

    from newsledger.evaluate_incidents.merges import count_merges
    from newsledger.model import Document

    documents = [Document(text=t, published=date(2007, 4, 2), name=f"row-{n}")
                 for n, t in enumerate(texts)]
    report = count_merges(documents, workers=1)
    assert report.multi_document_groups >= 1, report
    assert (report.repeated_groups == report.multi_document_groups) is repeated, report
    assert (report.repeated_incidents == report.multi_document_incidents) is repeated, report


_DAY = date(2008, 9, 24)


@pytest.mark.parametrize(
    ("codings", "same"),
    [
        ({"a": (_DAY, "Iraq", "Mosul"), "b": (_DAY, "Iraq", "Mosul")}, True),
        ({"a": (_DAY, "Iraq", None), "b": (_DAY, "Iraq", None)}, True),
        ({"a": (_DAY, "Iraq", "Mosul"), "b": (date(2008, 9, 25), "Iraq", "Mosul")}, False),
        ({"a": (_DAY, "Iraq", "Mosul"), "b": (_DAY, "Iraq", "Tikrit")}, False),
        ({"a": (_DAY, "Iraq", "Mosul "), "b": (_DAY, "iraq", "Mosul")}, True),
        ({"a": (None, "Iraq", "Mosul"), "b": (None, "Iraq", "Mosul")}, False),
        ({"a": (_DAY, "Iraq", "Mosul")}, False),
    ],
    ids=["one day one city", "one day one country", "another day", "another city",
         "spacing and case", "undated", "a row not coded"],
)
def test_merges_rows_rand_codes_alike_are_one_event(
    codings: dict[str, tuple[object, ...]], same: bool
) -> None:
    assert same_coding(["a", "b"], codings) is same
