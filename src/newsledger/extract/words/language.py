"""The English pipeline, loaded once per process, and the rule-based sentence splitter on its
tokenizer."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from newsledger.extract.words.attributes import faster_attributes
from newsledger.extract.words.english import MODEL
from newsledger.extract.words.matrix_ops import numpy_products
from newsledger.lexicons import read_table


@cache
def load_model() -> Language:
    """The English pipeline without NER (unused), loaded once per process; its attribute ruler
    and lemmatizer run as one faster component of the same output (words/attributes.py), its
    matrix products through numpy (words/matrix_ops.py)."""
    model = spacy.load(MODEL, exclude=["ner"])
    return numpy_products(faster_attributes(keep_titles(split_glued_sentences(model))))


@cache
def sentence_splitter() -> Language:
    """spaCy's rule-based sentencizer on the pipeline's own tokenizer: no statistical model, so
    it is cheap enough to run over every sentence, while only sentences holding numbers get
    parsed. Sharing the tokenizer saves building a second one (a tenth of a second at start-up)."""
    model = load_model()
    # Handing the tokenizer in also spares building a default one only to replace it (its
    # prefix, suffix and infix patterns and exceptions: 0.1 s).
    nlp = Language(vocab=model.vocab, create_tokenizer=lambda _: model.tokenizer)
    nlp.add_pipe("sentencizer")
    return nlp


# A full stop between a number and a capitalised word: sentences glued by scraping ("and injured
# another 15.Twenty insurgents were killed"). spaCy already splits "Afghanistan.They".
_GLUED_AFTER_NUMBER = r"(?<=[0-9])\.(?=[A-Z][a-z])"


def split_glued_sentences(nlp: Language) -> Language:
    """Split a token at a full stop that glues a number to the capitalised next sentence."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), _GLUED_AFTER_NUMBER]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def keep_titles(nlp: Language) -> Language:
    """Keep abbreviated titles and ranks whole ('Lt.', 'Maj.-Gen.', lexicons/titles.tsv), so that
    their full stop neither ends a sentence nor cuts a name ('said Lt. Col. Jane Doe')."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for (title,) in read_table("titles.tsv", 1):
        tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp
