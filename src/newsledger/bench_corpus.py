"""The benchmark's synthetic corpus: example reports varied into a deterministic stream.

Stages (bench.py times and reports the runs over this stream):
    1. read the example reports (``examples/``) with the ingest readers
    2. generate documents from their paragraphs, deterministically for a seed, as a stream
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from newsledger.errors import InputError
from newsledger.ingest import read_inputs
from newsledger.model import Document

SEED = 20240718
# The repository's examples folder (the package is installed editable from src/).
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MIN_WORDS, MAX_WORDS = 300, 1500  # the length of a typical news story or press release
SWAP_SHARE = 0.3  # chance that a paragraph trades places with the next one
FIRST_DAY, DAYS = date(2023, 1, 1), 730  # publication dates fall in 2023-2024

# Interchangeable names for the synthetic corpus, one group a line. These vary the text only;
# they are not extraction heuristics, so they live here rather than under lexicons/.
_PLACES = """
Iraq|Syria|Nigeria|Somalia|Burkina Faso|Mali|Niger|Cameroon|Chad|Mozambique
Mogadishu|Maiduguri|Baghdad|Mosul|Ouagadougou|Kaya|Kismayo|Raqqa|Hasakah|Konduga|Kongoussi
Bourzanga|Baidoa|Djibo|Diffa|Idlib|Hajin|Abuja|Adan Yabaal|Monguno|Gao|Timbuktu|Kirkuk
Deir ez-Zor|Anbar|Nineveh|Diyala|Daraa|Aleppo|Middle Shabelle|Lower Shabelle|Hiiraan
Borno State|Yobe State|Adamawa State|Bam province|Soum province|Seno province
Al Hol|Roj|Bakassi|Dalori|Muna
"""
PLACE_GROUPS = tuple(tuple(line.split("|")) for line in _PLACES.strip().splitlines())
# Spelled out rather than taken from ``calendar``, whose names follow the locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "one" is left alone: it is a pronoun as often as a number ("one analyst said").
NUMBER_WORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
OUTLETS = ("Meridian Wire", "Horn Observer", "Sahel Daily", "Lake Chad Observer")

_YEAR = r"(?:19[89]\d|20[0-3]\d)"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# Years, clock times and percentages keep their numbers (years shift per document instead);
# days of the month are matched as dates so that they are kept too.
_NUMBER = re.compile(
    rf"(?P<date>\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b)"
    rf"|\b(?!{_YEAR}\b)(?:\d{{1,3}}(?:,\d{{3}})+|\d+)\b(?!\.\d|\s?(?:[ap]\.m\.|%|per ?cent))"
)
_YEARS = re.compile(rf"\b{_YEAR}\b")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


# 1. examples


def load_examples(folder: Path = EXAMPLES) -> list[Document]:
    """The example reports in ``folder``, in a fixed order; an unreadable one is an error."""
    documents: list[Document] = []
    for item in read_inputs([str(folder)]):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    if not documents:
        raise InputError(str(folder), "no example reports found (.txt, .html, .jsonl)")
    return sorted(documents, key=lambda doc: (doc.path or "", doc.key))


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of ``text``: headline, paragraphs, captions, ad lines."""
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


# 2. generation


def generate_documents(
    examples: Sequence[Document], count: int, seed: int = SEED
) -> Iterator[Document]:
    """Yield ``count`` synthetic reports built from the examples, the same ones for one seed."""
    pool = [paragraphs(example.text) for example in examples]
    pool = [paras for paras in pool if paras]
    if not pool:
        raise ValueError("the examples have no text to build documents from")
    rng = random.Random(seed)
    for index in range(count):
        yield synthetic_document(pool, rng, index)


def synthetic_document(pool: Sequence[Sequence[str]], rng: random.Random, index: int) -> Document:
    """One report: an example's paragraphs reordered, lengthened from others, then varied."""
    base = rng.randrange(len(pool))
    body = assemble(pool, base, rng.randint(MIN_WORDS, MAX_WORDS), rng)
    text = vary_text("\n\n".join(body), rng)
    title = text.split("\n", 1)[0][:120]
    return Document(
        text=text,
        title=title,
        published=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
        url=f"https://bench.example/{index:06d}",
        outlet=rng.choice(OUTLETS),
        name=f"bench-{index:06d}",
    )


def assemble(
    pool: Sequence[Sequence[str]], base: int, target: int, rng: random.Random
) -> list[str]:
    """The base example's paragraphs, lightly reordered, then runs of others' up to ``target``."""
    body = reorder(pool[base], rng)
    words = sum(count_words(para) for para in body)
    others = [i for i in range(len(pool)) if i != base]
    while words < target and others:
        # A run of consecutive paragraphs reads like a second story in a digest page.
        paras = pool[others.pop(rng.randrange(len(others)))]
        first = rng.randrange(len(paras))
        for para in paras[first : first + rng.randint(2, 6)]:
            if words >= target or words + count_words(para) > MAX_WORDS:
                break
            body.append(para)
            words += count_words(para)
    return body


def reorder(paras: Sequence[str], rng: random.Random) -> list[str]:
    """The headline first, then the paragraphs with some neighbours swapped."""
    body = list(paras)
    for i in range(1, len(body) - 1):
        if rng.random() < SWAP_SHARE:
            body[i], body[i + 1] = body[i + 1], body[i]
    return body


def vary_text(text: str, rng: random.Random) -> str:
    """Change the numbers, places, months, weekdays and years of ``text``."""
    text = _NUMBER.sub(
        lambda match: _clamp_day(match.group())
        if match.group("date")
        else vary_number(match.group(), rng),
        text,
    )
    text = _substitute(text, _word_mapping(NUMBER_WORDS, rng, keep_order=False), ignore_case=True)
    for group in PLACE_GROUPS:
        text = _substitute(text, _word_mapping(group, rng, keep_order=False))
    text = _substitute(text, _word_mapping(MONTHS, rng, keep_order=True))
    text = _substitute(text, _word_mapping(WEEKDAYS, rng, keep_order=True))
    shift = rng.randint(-3, 1)  # one shift per document keeps its years consistent
    return _YEARS.sub(lambda match: str(int(match.group()) + shift), text)


def vary_number(number_text: str, rng: random.Random) -> str:
    """A number of the same order as ``number_text``, written the same way."""
    value = int(number_text.replace(",", ""))
    if value == 0:
        return number_text
    new = max(1, round(value * rng.uniform(0.5, 2.0)))
    if new == value:
        new += 1
    return f"{new:,}" if "," in number_text or new >= 1000 else str(new)


def _clamp_day(date_text: str) -> str:
    # Months are rotated afterwards, so a day past the 28th could become "February 31".
    return re.sub(r"\d+", lambda match: str(min(int(match.group()), 28)), date_text)


def _word_mapping(words: Sequence[str], rng: random.Random, keep_order: bool) -> dict[str, str]:
    """A permutation of ``words``: a rotation (calendars stay in order) or a shuffle."""
    if keep_order:
        step = rng.randrange(len(words))
        return {word: words[(i + step) % len(words)] for i, word in enumerate(words)}
    shuffled = rng.sample(list(words), len(words))
    return dict(zip(words, shuffled, strict=True))


def _substitute(text: str, mapping: dict[str, str], ignore_case: bool = False) -> str:
    """Replace whole words of ``mapping`` in one pass, so swaps do not chain."""
    names = sorted(mapping, key=len, reverse=True)  # "Burkina Faso" before a shorter name
    pattern = re.compile(
        r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE if ignore_case else 0
    )

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        new = mapping[found.lower()] if ignore_case else mapping[found]
        # Number words take the case of the word they replace ("Eleven" -> "Three").
        return new[:1].upper() + new[1:] if found[0].isupper() else new

    return pattern.sub(replace, text)


def count_words(text: str) -> int:
    """Whitespace-separated words, the unit of the words/s figures."""
    return len(text.split())
