"""The pipeline's tokenizer: a full stop glued to a number splits, the infixes compiled once."""

from __future__ import annotations

import pytest
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from newsledger.extract.words.language import _GLUED_AFTER_NUMBER, GluedInfixes, load_model


@pytest.mark.parametrize("text", [
    "15.Twenty", "injured another 15.Twenty", "in 2023.The", "3..Ab", "x.Ab", "1.AB", "1.Ab.Cd",
    "2-3.Ab", "9.Ab-Cd", "1.2.Ab", "U.S.-led", "well-known", "10:30.Police", "", ".", "5.",
    "a/b.Cd", "7.Ab,Cd", "Mosul.They", "hello...World", "12.Ab12.Cd",
])
def test_the_glued_full_stop_matches_like_one_pattern_of_both(text: str) -> None:
    tokenizer = load_model().tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = tokenizer.infix_finditer
    assert isinstance(infixes.__self__, GluedInfixes)
    one = compile_infix_regex([*(load_model().Defaults.infixes or ()), _GLUED_AFTER_NUMBER])
    assert infixes.__self__.pattern == one.pattern
    assert [m.span() for m in infixes(text)] == [m.span() for m in one.finditer(text)]


@pytest.mark.parametrize(("text", "tokens"), [
    ("and injured another 15.Twenty insurgents", ["another", "15", ".", "Twenty"]),
    ("Police said 3.5 people", ["3.5"]),
])
def test_the_tokenizer_splits_a_glued_full_stop(text: str, tokens: list[str]) -> None:
    words = [t.text for t in load_model().tokenizer(text)]
    assert any(words[i:i + len(tokens)] == tokens for i in range(len(words)))
