"""The faster attribute ruler and lemmatizer give exactly spaCy's annotations (sentences written
for the tests)."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language

from newsledger.extract.words import MODEL, keep_titles
from newsledger.extract.words.attributes import NAME, faster_attributes

SENTENCES = [
    "Gunmen killed 12 villagers in Kidal on Tuesday, officials said.",
    "I told them we're gon na rebuild the school, y'all know it.",
    "Let 's go, he said; c'm on, it got ta be done by Friday.",
    "Doin' nothin' about 'em 'll cost ol' lives, somethin' 'nuff said.",
    "  Two   soldiers were   wounded\tand one was missing .",
    "ABOUT 300 PEOPLE FLED THE TOWN AFTER THE RAID, THE UNHCR SAID.",
    "It was you who saw it; they saw me and I saw you.",
    "Between 30 and 40 people, including a child, died in the blasts in Mosul and Raqqa.",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@cache
def pipelines() -> tuple[Language, Language]:
    """spaCy's pipeline as it ships and ours, loaded once."""
    spacy_own = keep_titles(spacy.load(MODEL, exclude=["ner"]))
    ours = faster_attributes(keep_titles(spacy.load(MODEL, exclude=["ner"])))
    return spacy_own, ours


def test_replaces_both_components() -> None:
    spacy_own, ours = pipelines()
    assert spacy_own.pipe_names[-2:] == ["attribute_ruler", "lemmatizer"]
    assert ours.pipe_names == [*spacy_own.pipe_names[:-2], NAME]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations(text: str) -> None:
    spacy_own, ours = pipelines()
    expected, got = spacy_own(text), ours(text)
    assert [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in got] == [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in expected
    ]
    assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()
