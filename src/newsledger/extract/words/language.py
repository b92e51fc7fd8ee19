"""The English pipeline, loaded once per process, and the rule-based sentence splitter on its
tokenizer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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


# A full stop between a number and a capitalised word, or between a lower-case word and a number:
# sentences glued by scraping ("and injured another 15.Twenty insurgents were killed", "are
# located.22 people were killed"), not abbreviations ("No.22", "Sept.1"). spaCy already splits
# "Afghanistan.They".
_GLUED_AFTER_NUMBER = (
    r"(?<=[0-9])\.(?=[A-Z][a-z])"
    r"|(?<=[a-z]{3})(?<!Jan)(?<!Feb)(?<!Mar)(?<!Apr)(?<!Jun)(?<!Jul)(?<!Aug)(?<!Sep)(?<!ept)"
    r"(?<!Oct)(?<!Nov)(?<!Dec)\.(?=[0-9])"
)


_GLUED = re.compile(_GLUED_AFTER_NUMBER)


def split_glued_sentences(nlp: Language) -> Language:
    """Split a token at a full stop that glues a number to the capitalised next sentence."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), _GLUED_AFTER_NUMBER]
    # What compile_infix_regex(infixes) compiles; the loaded pattern is usually all but its end.
    pattern = "|".join(str(piece) for piece in infixes if str(piece).strip())
    loaded = tokenizer.infix_finditer
    if f"{getattr(getattr(loaded, '__self__', None), 'pattern', None)}|{_GLUED_AFTER_NUMBER}" \
            == pattern:
        tokenizer.infix_finditer = GluedInfixes(loaded, pattern).finditer
    else:  # the model's own infixes are not the language's: compile both together
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


class GluedInfixes:
    """The loaded infix pattern's matches, plus a full stop glued to a number where none of them
    is: the very matches of one pattern of both, in that order, without compiling spaCy's infix
    pattern of 15,000 characters a second time (0.1 s at start-up).

    One pattern ``A|B`` matches B at a position exactly when the scan reaches it (no match of A
    covers it) and A matches nothing there but the empty string; B is one character, so after
    it both scans go on alike. ``pattern`` is that one pattern, for spaCy's serialization.
    """

    def __init__(self, infixes: Callable[[str], Iterator[re.Match[str]]], pattern: str) -> None:
        self._infixes = infixes
        self.pattern = pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        found = list(self._infixes(text))
        if "." not in text:
            return iter(found)
        glued = [m for m in _GLUED.finditer(text)
                 if not any(a.start() <= m.start() < a.end() for a in found)]
        if not glued:
            return iter(found)
        return iter(sorted(found + glued, key=lambda m: (m.start(), m.end())))


def keep_titles(nlp: Language) -> Language:
    """Keep abbreviated titles and ranks whole ('Lt.', 'Maj.-Gen.', lexicons/titles.tsv), so that
    their full stop neither ends a sentence nor cuts a name ('said Lt. Col. Jane Doe')."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for (title,) in read_table("titles.tsv", 1):
        tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp
