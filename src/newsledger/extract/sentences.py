"""Paragraphs and sentences with character offsets into the text as given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: offsets into the document text, and the paragraph (line) it belongs to."""

    start: int
    end: int
    paragraph: int
    text: str


@cache
def _splitter() -> Language:
    # The rule-based sentencizer over spaCy's tokenizer: no statistical model, so it is cheap
    # enough to run over every sentence, while only sentences holding numbers get parsed.
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; a line break always ends one (scraped text is line-based)."""
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_PARAGRAPH.finditer(text)):
        if not line.group().strip():
            continue
        for sent in _splitter()(line.group()).sents:
            chunk = sent.text.strip()
            if not chunk:
                continue
            start = line.start() + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(start, start + len(chunk), paragraph, chunk))
    return sentences
