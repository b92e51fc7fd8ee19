"""The English pipeline, loaded once per process, and the rule-based sentence splitter on its
tokenizer."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from newsledger.extract.words.attributes import faster_attributes
from newsledger.extract.words.english import MODEL
from newsledger.extract.words.matrix_ops import numpy_products
from newsledger.lexicons import read_table


@cache
def load_model() -> Language:
    """The English pipeline without NER (unused), loaded once per process; its attribute ruler
    and lemmatizer run as one faster component of the same output (words/attributes.py), its
    matrix products through numpy (words/matrix_ops.py)."""
    return numpy_products(faster_attributes(keep_titles(spacy.load(MODEL, exclude=["ner"]))))


@cache
def sentence_splitter() -> Language:
    """spaCy's rule-based sentencizer on the pipeline's own tokenizer: no statistical model, so
    it is cheap enough to run over every sentence, while only sentences holding numbers get
    parsed. Sharing the tokenizer saves building a second one (a tenth of a second at start-up)."""
    model = load_model()
    nlp = Language(vocab=model.vocab)
    nlp.tokenizer = model.tokenizer
    nlp.add_pipe("sentencizer")
    return nlp


def keep_titles(nlp: Language) -> Language:
    """Keep abbreviated titles and ranks whole ('Lt.', 'Maj.-Gen.', lexicons/titles.tsv), so that
    their full stop neither ends a sentence nor cuts a name ('said Lt. Col. Jane Doe')."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for (title,) in read_table("titles.tsv", 1):
        tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp
