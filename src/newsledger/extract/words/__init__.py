"""Text basics all stages share: tokens and phrase lookup, English words, sentences with offsets."""

from newsledger.extract.words.english import MODEL, english_words
from newsledger.extract.words.language import keep_titles, load_model
from newsledger.extract.words.phrases import (
    PhraseIndex,
    PhraseMatch,
    StoredPhraseIndex,
    Token,
    ascii_name,
    fold,
    joined,
    phrase_key,
    read_lexicon,
    read_roles,
    spelling_key,
    tokenise,
    words_of,
)
from newsledger.extract.words.sentences import Sentence, split_sentences

__all__ = [
    "MODEL",
    "PhraseIndex",
    "PhraseMatch",
    "Sentence",
    "StoredPhraseIndex",
    "Token",
    "ascii_name",
    "english_words",
    "fold",
    "joined",
    "keep_titles",
    "load_model",
    "phrase_key",
    "read_lexicon",
    "read_roles",
    "spelling_key",
    "split_sentences",
    "tokenise",
    "words_of",
]
