"""The pipeline with numpy's matrix products parses as spaCy's own (sentences written for the
tests)."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from thinc.api import NumpyOps

from newsledger.extract.words import MODEL
from newsledger.extract.words.matrix_ops import InferenceOps, numpy_products

SENTENCES = [
    "Gunmen killed 12 villagers in Kidal on Tuesday, officials said.",
    "At least 1,200 civilians were displaced by the fighting in the north, the agency said.",
    "Between 30 and 40 people, including two children, died when the bus hit a mine.",
    "The ministry put the toll at 57, up from 41 reported on Monday.",
    "ABOUT 300 PEOPLE FLED THE TOWN AFTER THE RAID, THE UNHCR SAID.",
    "Of the 84 detainees released, 12 were women and 9 were minors.",
    "Police said the attackers, who arrived on motorcycles, also abducted 15 students.",
    "In the first half of 2023, the mission recorded 1,634 civilian casualties (532 killed).",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@cache
def pipelines() -> tuple[Language, Language]:
    """spaCy's pipeline as it ships and with numpy's products, loaded once."""
    return spacy.load(MODEL, exclude=["ner"]), numpy_products(spacy.load(MODEL, exclude=["ner"]))


def test_no_layer_uses_blis() -> None:
    _, ours = pipelines()
    models: list[Any] = [getattr(component, "model", None) for _, component in ours.pipeline]
    layers = [layer for model in models if hasattr(model, "walk") for layer in model.walk()]
    assert layers
    assert not any(isinstance(layer.ops, NumpyOps) and layer.ops.use_blis for layer in layers)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_parse(text: str) -> None:
    spacy_own, ours = pipelines()
    expected, got = spacy_own(text), ours(text)
    assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()


def test_same_parse_in_one_batch() -> None:
    spacy_own, ours = pipelines()
    for expected, got in zip(spacy_own.pipe(SENTENCES), ours.pipe(SENTENCES), strict=True):
        assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()


@pytest.mark.parametrize("shape", [(6, 96, 3), (4, 5, 2), (3, 2, 1), (0, 96, 3)])
def test_maxout_keeps_the_maxima_of_thinc(shape: tuple[int, int, int]) -> None:
    pieces = numpy.random.default_rng(7).standard_normal(shape).astype("float32")
    best, _ = InferenceOps().maxout(pieces)
    expected, _ = NumpyOps(use_blis=False).maxout(pieces)
    assert best.dtype == expected.dtype and numpy.array_equal(best, expected)


def test_inference_ops_do_not_train() -> None:
    with pytest.raises(NotImplementedError):
        InferenceOps().backprop_maxout(numpy.zeros((2, 2), "float32"), None, 3)
