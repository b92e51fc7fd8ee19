"""Reporting verbs as written, from the lemmas of lexicons/attribution.tsv
(newsledger.extract.reporting)."""

from __future__ import annotations

import re

import pytest

from newsledger.extract.reporting import (
    SPEAKING,
    TELLING,
    past_forms,
    reporting_lemmas,
    reporting_verbs,
    third_person,
)

# (lemma, past forms, present third person)
FORMS = [
    ("say", ("said",), "says"),
    ("tell", ("told",), "tells"),
    ("put", ("put",), "puts"),
    ("show", ("showed", "shown"), "shows"),
    ("report", ("reported",), "reports"),
    ("announce", ("announced",), "announces"),
    ("tally", ("tallied",), "tallies"),
    ("publish", ("published",), "publishes"),
    ("add", ("added",), "adds"),
]


@pytest.mark.parametrize(("lemma", "past", "present"), FORMS)
def test_reporting_verb_forms(lemma: str, past: tuple[str, ...], present: str) -> None:
    assert past_forms(lemma) == past
    assert third_person(lemma) == present


@pytest.mark.parametrize("subset", [SPEAKING, TELLING])
def test_reporting_subsets_are_lexicon_verbs(subset: tuple[str, ...]) -> None:
    assert set(subset) <= reporting_lemmas()


# (lemmas, present, text, matches): a whole-word match of the alternation
MATCHES = [
    (None, ("say",), "the ministry said", True),
    (None, ("say",), "the ministry says", True),
    (None, ("say",), "the monitor documented", True),
    (None, ("say",), "the agency's reports", False),  # a noun unless asked for
    (None, ("say", "report"), "the agency's reports", True),
    (SPEAKING, ("say",), "Santos insisted", True),
    (SPEAKING, ("say",), "Gaza recorded", False),  # a town may record deaths
    (TELLING, ("say",), "the ministry confirmed on Friday", True),
    (TELLING, ("say",), "deaths recorded on Friday", False),  # the day counted, not told
    (TELLING, ("say",), "the United States", False),
]


@pytest.mark.parametrize(("lemmas", "present", "text", "matches"), MATCHES)
def test_reporting_verbs_alternation(
    lemmas: tuple[str, ...] | None, present: tuple[str, ...], text: str, matches: bool
) -> None:
    pattern = re.compile(rf"\b(?:{reporting_verbs(lemmas, present)})\b")
    assert bool(pattern.search(text)) is matches


def test_reporting_verbs_refuses_a_verb_not_in_the_lexicon() -> None:
    with pytest.raises(ValueError, match="quote"):
        reporting_verbs(("say", "quote"))
