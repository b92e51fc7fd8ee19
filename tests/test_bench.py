"""Tests of the benchmark's document generator (no timings: those vary by machine)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest

from newsledger.bench import (
    EXAMPLES,
    MAX_WORDS,
    MIN_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PLACE_GROUPS,
    WEEKDAYS,
    count_words,
    generate_documents,
    load_examples,
    paragraphs,
    vary_number,
    vary_text,
)
from newsledger.model import Document

# Short reports written for these tests, each in paragraphs like the examples folder.
REPORTS = (
    Document(
        name="raid",
        text="Troops kill 12 militants in Diyala raid\n\n"
        "BAGHDAD - Iraqi troops killed 12 militants and detained 30 in a raid in Diyala province "
        "on Tuesday, the army said.\n\n"
        "Advertisement\n\n"
        "Three soldiers were wounded in the operation, which began on March 31, 2023.\n\n"
        "The army said it had carried out 1,250 raids against ISIS cells in Iraq since January.",
    ),
    Document(
        name="camp",
        text="Camp population passes 40,000\n\n"
        "More than 40,000 people now live in Al Hol camp in Syria, aid agencies said.\n\n"
        "Some 12,000 people were newly displaced in March, and 94 per cent of the camp's "
        "residents are women and children.\n\n"
        "Two convoys took 1,150 Iraqis home from the camp in 2024.",
    ),
    Document(
        name="ambush",
        text="Gunmen kill 31 villagers in Burkina Faso\n\n"
        "OUAGADOUGOU - Gunmen killed at least 31 villagers and abducted about 20 in Bam province "
        "on Saturday at 5 p.m., residents said.\n\n"
        "More than 1,500 residents fled to Kongoussi after the attack in Burkina Faso.\n\n"
        "The group has carried out seven attacks in the province since May.",
    ),
)


def numbers_in(text: str) -> list[str]:
    """The digit strings of ``text``, commas included."""
    return re.findall(r"\d[\d,]*\d|\d", text)


def test_bench_generate_documents_is_a_lazy_stream() -> None:
    stream = generate_documents(REPORTS, 10**9)
    assert isinstance(stream, Iterator)
    assert len(list(islice(stream, 3))) == 3


@pytest.mark.parametrize("count", [0, 1, 7, 60])
def test_bench_generate_documents_yields_the_requested_count(count: int) -> None:
    documents = list(generate_documents(REPORTS, count))
    assert len(documents) == count
    assert len({document.key for document in documents}) == count


def test_bench_generate_documents_is_deterministic_for_a_seed() -> None:
    first = list(generate_documents(REPORTS, 25, seed=7))
    again = list(generate_documents(REPORTS, 25, seed=7))
    other = list(generate_documents(REPORTS, 25, seed=8))
    assert first == again
    assert [d.text for d in first] != [d.text for d in other]


def test_bench_generated_texts_differ() -> None:
    texts = [document.text for document in generate_documents(REPORTS, 50)]
    assert len(set(texts)) == 50


def test_bench_generated_numbers_are_varied() -> None:
    source = {number for report in REPORTS for number in numbers_in(report.text)}
    generated = [numbers_in(d.text) for d in generate_documents(REPORTS, 20)]
    new = {number for numbers in generated for number in numbers} - source
    assert len(new) > 20
    assert all(set(numbers) - source for numbers in generated)


def test_bench_generated_documents_have_metadata() -> None:
    for document in generate_documents(REPORTS, 20):
        assert document.published is not None
        assert 2023 <= document.published.year <= 2024
        assert document.title and document.title == document.text.split("\n", 1)[0]
        assert document.url and document.outlet


def test_bench_paragraphs_come_from_the_examples() -> None:
    shapes = {_shape(para) for report in REPORTS for para in paragraphs(report.text)}
    for document in generate_documents(REPORTS, 20):
        assert all(_shape(para) in shapes for para in paragraphs(document.text))


_VARIED = sorted(
    (*(n for g in PLACE_GROUPS for n in g), *MONTHS, *WEEKDAYS, *NUMBER_WORDS),
    key=len,
    reverse=True,
)
_VARIED_WORD = re.compile(r"\b(?:" + "|".join(map(re.escape, _VARIED)) + r")\b", re.IGNORECASE)


def _shape(paragraph: str) -> str:
    """A paragraph with what the generator varies (numbers, names) blanked out."""
    return re.sub(r"\d+(?:,\d{3})*", "#", _VARIED_WORD.sub("*", paragraph))


@pytest.mark.parametrize("number_text", ["12", "30", "999", "1,250", "40,000", "7"])
def test_bench_vary_number_keeps_the_order_and_the_writing(number_text: str) -> None:
    rng = random.Random(3)
    value = int(number_text.replace(",", ""))
    for _ in range(50):
        varied = vary_number(number_text, rng)
        new = int(varied.replace(",", ""))
        assert new != value
        assert value // 2 <= new <= 2 * value + 1
        assert ("," in varied) == (new >= 1000)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("94 per cent of residents", "94 per cent"),
        ("turnout was 41% this year", "41%"),
        ("at about 5 p.m. on Tuesday", "5 p.m."),
    ],
)
def test_bench_vary_text_keeps_percentages_and_clock_times(text: str, kept: str) -> None:
    assert kept in vary_text(text, random.Random(1))


@pytest.mark.parametrize("seed", range(20))
def test_bench_vary_text_keeps_dates_valid_and_years_consistent(seed: int) -> None:
    text = "between January 1 and March 31, 2023, and on 30 June 2023"
    varied = vary_text(text, random.Random(seed))
    days = [int(day) for day in re.findall(r"\b\d{1,2}\b", varied)]
    assert all(1 <= day <= 28 for day in days)
    years = set(re.findall(r"\b20\d\d\b", varied))
    assert len(years) == 1 and 2020 <= int(years.pop()) <= 2024


@pytest.mark.parametrize("seed", range(10))
def test_bench_vary_text_swaps_a_place_the_same_way_throughout(seed: int) -> None:
    text = "Troops in Iraq. Iraqi officials said Iraq had no comment."
    varied = vary_text(text, random.Random(seed))
    match = re.match(r"Troops in (.+?)\. Iraqi officials said (.+?) had", varied)
    assert match and match.group(1) == match.group(2)
    assert "Iraqi officials" in varied


def test_bench_example_folder_gives_documents_of_news_length() -> None:
    examples = load_examples(EXAMPLES)
    assert len(examples) >= 10
    lengths = [count_words(d.text) for d in generate_documents(examples, 200)]
    assert all(MIN_WORDS <= length <= MAX_WORDS for length in lengths)


@pytest.mark.parametrize("kb", [1, 5])
def test_bench_long_document_is_news_of_the_size_asked(kb: int) -> None:
    from newsledger.bench_long import long_text

    text = long_text(kb, EXAMPLES, seed=7)
    assert kb * 1024 - 40 < len(text) <= kb * 1024
    assert text == long_text(kb, EXAMPLES, seed=7)  # the same for one seed
    assert re.search(r"\d", text)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [({50: 1.0, 400: 8.0}, 1.0), ({50: 1.0, 400: 32.0}, 4.0), ({50: 2.0, 100: 2.0}, 0.5)],
)
def test_bench_long_growth_is_time_per_kb_longest_over_shortest(
    seconds: dict[int, float], expected: float
) -> None:
    from newsledger.bench_long import growth

    assert growth(seconds) == pytest.approx(expected)


# --------------------------------------------------------------------------- make bench table


def test_bench_table_short_texts_fall_back_to_bundled_paragraphs(tmp_path: Path) -> None:
    from newsledger.bench_table import SHORT_MAX_WORDS, short_texts

    texts, source = short_texts(30, tmp_path)  # no data sets here
    assert "no RAND data" in source
    assert 0 < len(texts) <= 30
    assert all(0 < len(text.split()) <= SHORT_MAX_WORDS for text in texts)


def test_bench_table_ingest_run_times_the_new_documents_only() -> None:
    import pickle
    import tempfile

    from newsledger.bench_table import Spec, run_ingest
    from newsledger.model import Document, Extraction

    template = Extraction(Document("Gunmen killed 5 people in Kidal.", name="k"), (), ())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.pickle"
        path.write_bytes(pickle.dumps([template]))
        result = run_ingest(Spec("ingest", "ledger", 3, 1, folder, 4, str(path)))
    assert result.docs == 3
    assert result.detail.startswith("store ")


@pytest.mark.parametrize(("argv", "message"), [
    (["--workers", "0"], "at least 1"),
    (["--news-docs", "0"], "at least 1"),
])
def test_bench_table_refuses_empty_runs(argv: list[str], message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from newsledger.bench_table import parse_args

    with pytest.raises(SystemExit):
        parse_args(argv)
    assert message in capsys.readouterr().err


def test_bench_table_prints_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    from newsledger.bench_table import print_table

    print_table([("start-up", "1.00 s", "0.80 s", "1.25")], 2)
    lines = capsys.readouterr().out.splitlines()
    assert "| measure | newsledger | spaCy / reference | ratio |" in lines
    assert "| start-up | 1.00 s | 0.80 s | 1.25 |" in lines


def test_a_failing_child_run_is_raised_naming_the_run() -> None:
    from newsledger.bench import EXAMPLES, RunSpec, run_in_child

    with pytest.raises(RuntimeError, match="the nosuch run failed: KeyError"):
        run_in_child(RunSpec("nosuch", 1, 1, 7, str(EXAMPLES)))


def test_bench_long_memory_samples_read_this_process() -> None:
    import os

    from newsledger.bench_long import _pss_mb, _rss_mb

    summed, largest = _rss_mb([os.getpid(), 2**22 + 1])  # a pid that does not exist is skipped
    assert summed == largest > 10
    assert 0 < _pss_mb([os.getpid()]) <= summed * 1.1
