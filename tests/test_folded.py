"""FoldedPattern finds exactly what its case-insensitive pattern finds."""

from __future__ import annotations

import re

import pytest

from newsledger.extract.folded import FoldedPattern, _caseless, folded_words

WORDS = ("car bomb", "bombing", "bomb", "killed", "Attack")
SLOW = re.compile(rf"(?<![\w-])(?:(?P<w>{folded_words(WORDS)})(?P<s>s)?)(?![a-z])", re.IGNORECASE)
FAST = FoldedPattern(SLOW)


@pytest.mark.parametrize(
    "text",
    [
        "A CAR BOMB killed three; a second Car  bomb was defused.",
        "Two bombings and an attack: the attacks killed 4.",
        "The bomb-maker was not killed",
        "No match here at all",
        "Café owners said the bomb killed two",  # not ASCII: the slow path
        "The ‘car bomb’ KILLED two — a “bombing”, they said…",  # caseless: the twin
        "",
    ],
)
def test_matches_like_the_case_insensitive_pattern(text: str) -> None:
    expected = [(m.span(), m.groupdict()) for m in SLOW.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in FAST.finditer(text)] == expected
    assert list(FAST.spans(text)) == [span for span, _ in expected]
    assert list(FoldedPattern.lazy(SLOW.pattern).spans(text, 5, 40)) == [
        m.span() for m in SLOW.finditer(text, 5, 40)]
    for pos in (0, 5, 12):
        for slow, fast in ((SLOW.search, FAST.search), (SLOW.match, FAST.match)):
            first, found = slow(text, pos, 40), fast(text, pos, 40)
            assert (found and (found.span(), found.group())) == (
                first and (first.span(), first.group()))


@pytest.mark.parametrize(
    ("pattern", "folded"),
    [
        (r"\bKilled\s+[A-Z]\w+\b", True),
        (r"(?-i:March)\s+\d+", False),  # case matters again inside
        (r"[A-z]+", False),  # a range through punctuation
        (r"\x41ttack", False),  # a letter given by its code
        (r"ſtop", False),  # folds to 's' only when case is ignored
        (r"[\w'’-]+ said", True),
    ],
)
def test_only_patterns_that_fold_the_same_get_a_twin(pattern: str, folded: bool) -> None:
    wrapped = FoldedPattern(re.compile(pattern, re.IGNORECASE))
    assert (wrapped.folded() is not None) == folded
    for text in ("KILLED Ahmed today", "STOP", "march 3", "[Attack] said", "Attack said"):
        slow = re.compile(pattern, re.IGNORECASE).search(text)
        fast = wrapped.search(text)
        assert (fast and fast.span()) == (slow and slow.span())


def test_a_case_sensitive_pattern_is_refused() -> None:
    with pytest.raises(ValueError):
        FoldedPattern(re.compile("bomb"))


@pytest.mark.parametrize(
    "text", ["A CAR BOMB killed three", "Café owners said the bomb killed two", ""])
def test_a_lazy_pattern_matches_like_the_compiled_one(text: str) -> None:
    lazy = FoldedPattern.lazy(SLOW.pattern, re.IGNORECASE)
    assert [(m.span(), m.groupdict()) for m in lazy.finditer(text)] == [
        (m.span(), m.groupdict()) for m in FAST.finditer(text)]


@pytest.mark.parametrize("text", ["ascii", "não ascii"])
def test_a_bad_lazy_pattern_raises_its_own_error_when_searched(text: str) -> None:
    lazy = FoldedPattern.lazy("(?P<A>x)(unclosed", re.IGNORECASE, lambda e: ValueError(f"bad: {e}"))
    with pytest.raises(ValueError, match="bad: missing \\), unterminated subpattern"):
        lazy.search(text)
    with pytest.raises(ValueError):
        FoldedPattern.lazy("bomb", 0)


# (character, whether the twin may search a text holding it): characters without case only; every
# one re matches across cases ('ſ' and 's', the Kelvin sign and 'k', 'ı' and 'i') is refused
@pytest.mark.parametrize(
    ("char", "caseless"),
    [("’", True), ("“", True), ("—", True), ("…", True), ("\u00a0", True), ("€", True),
     ("é", False), ("É", False), ("ſ", False), ("\u212a", False), ("ı", False), ("İ", False),
     ("Ⓐ", False), ("ß", False), ("\u0345", False)],
)
def test_only_characters_without_case_are_searched_through_the_twin(
    char: str, caseless: bool) -> None:
    assert _caseless(char) is caseless
    text = f"A car{char}bomb KILLED {char}Stop"
    assert [(m.span(), m.groupdict()) for m in FAST.finditer(text)] == [
        (m.span(), m.groupdict()) for m in SLOW.finditer(text)]
