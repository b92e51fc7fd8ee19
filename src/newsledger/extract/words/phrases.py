"""Phrase matching over word tokens: lexicon reading, folding, keys and a case-aware index.

Matching is token based (one dict lookup per candidate n-gram, no big regex). Shared by the
gazetteer (places) and actors.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Generic, TypeVar

from newsledger.errors import LexiconError

T = TypeVar("T")

# --------------------------------------------------------------------------- lexicon files


def read_lexicon(name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Rows of ``lexicons/<name>`` as (line number, fields); skips '#' lines and the header."""
    path = files("newsledger") / "lexicons" / name
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise LexiconError(
                f"lexicons/{name}",
                number,
                f"expected {columns} tab-separated columns, found {len(fields)}",
            )
        if not header_seen:
            header_seen = True  # the first row names the columns
            continue
        yield number, [value.strip() for value in fields]


def read_roles(name: str, roles: frozenset[str]) -> dict[str, list[str]]:
    """Terms of a two-column (term, role) lexicon by role; an unknown role names its line."""
    found: dict[str, list[str]] = {}
    for line, (term, role) in read_lexicon(name, 2):
        if role not in roles:
            raise LexiconError(
                f"lexicons/{name}", line, f"role {role!r} is not one of {', '.join(sorted(roles))}"
            )
        found.setdefault(role, []).append(term)
    return found


# --------------------------------------------------------------------------- tokens and keys

# Abbreviations with dots (U.S.), a possessive 's on its own (so "Syria's" still matches Syria),
# and words with inner apostrophes (Sina'a, N'Djamena).
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|['’]s\b|\w+(?:['’‘ʿʾʻʼ](?!s\b)\w+)*")
_MARKS = str.maketrans("", "", "'’‘ʿʾʻʼ`´.")
_AYN_MARKS = str.maketrans("", "", "’‘ʿʾʻʼ`´")

Token = tuple[int, int, str, str]  # start, end, text as written, folded key


@lru_cache(maxsize=131072)
def fold(token: str) -> str:
    """Lower case, no diacritics, no apostrophes or dots: the form keys are made of."""
    if token.isascii():
        return token.translate(_MARKS).lower()
    decomposed = unicodedata.normalize("NFKD", token)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_MARKS).lower()


@lru_cache(maxsize=65536)
def ascii_name(name: str) -> str:
    """A display name without diacritics or ayn/hamza marks ('Al Ḩasakah' -> 'Al Hasakah')."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_AYN_MARKS)


# Places, actors and sources each tokenise the same sentence: the last texts' tokens are kept.
@lru_cache(maxsize=4096)
def tokenise(text: str) -> tuple[Token, ...]:
    """Word tokens of ``text`` with offsets and folded keys."""
    return tuple(
        (m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN_RE.finditer(text)
    )


def words_of(phrase: str) -> list[str]:
    """The word tokens of a phrase, as written."""
    return _TOKEN_RE.findall(phrase)


def phrase_key(phrase: str) -> str:
    """The lookup key of a phrase: folded tokens joined by one space ('Al-Hol' -> 'al hol')."""
    return " ".join(map(fold, _TOKEN_RE.findall(phrase)))


def spelling_key(name: str) -> str:
    """A key that one name's transliterations share: 'Samarra' and 'Samara', 'Zabul' and
    'Zabol', 'Sderot' and 'Sederot', 'Ashkelon' and 'Ashqelon' (first letter, then consonants,
    doubled ones once, no final 'h': 'Basrah'); '' for names too short to compare this way."""
    key = phrase_key(name).replace("q", "k").replace("ph", "f").removesuffix("h")
    key = key[:1] + re.sub(r"[aeiouy\W_]", "", key[1:])
    key = re.sub(r"(.)\1+", r"\1", key)
    return key if len(key) >= 3 else ""


def joined(text: str, end: int, start: int) -> bool:
    """True when the gap between two tokens keeps them in one name (space, hyphen or nothing;
    a plural's apostrophe: "Kurdistan Workers' Party")."""
    gap = text[end:start]
    return gap in ("", " ", "-") or (len(gap) <= 3 and gap.strip() in ("", "-", "'", "’"))


def case_of(token: str, particles: frozenset[str]) -> str:
    """What case a name token demands in text: 'U' all caps, 'C' capitalised, '-' any."""
    if not token[:1].isupper() or fold(token) in particles:
        return "-"
    return "U" if len(token) >= 2 and token.isupper() else "C"


def _case_ok(demand: str, token: str) -> bool:
    if demand == "-":
        return True
    if demand == "A":
        return token[:1].isupper()  # capitalised or in capitals: one acronym of two writings
    if demand == "U":
        return token.isupper()
    if token.isupper() and (2 <= len(token) <= 3 or "." in token):
        return False  # a short all-caps word is an acronym ("UN", "U.N."), not a name in capitals
    return token[:1].isupper() or token[:1].isdigit()


def _looser(a: str, b: str) -> str:
    # Two spellings share a key ("Al Hol", "al-Hol"): demand only what both demand.
    return "".join(
        x if x == y else ("-" if "-" in (x, y) else "A" if "A" in (x, y) else "C")
        for x, y in zip(a, b, strict=True)
    )


@dataclass(slots=True)
class _Entry(Generic[T]):
    case: str
    values: list[T] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in text: token range ``[first, last)``, offsets and matched values."""

    first: int
    last: int
    start: int
    end: int
    key: str
    values: tuple[T, ...]


# accept(text, tokens, first, last, values) -> the values to keep (empty rejects the match)
Accept = Callable[[str, Sequence[Token], int, int, tuple[T, ...]], tuple[T, ...]]


class PhraseIndex(Generic[T]):
    """Phrases by folded key, matched longest-first over tokens, respecting each phrase's case."""

    def __init__(self, particles: frozenset[str] = frozenset()) -> None:
        self.particles = particles
        self._entries: dict[str, _Entry[T]] = {}
        self._longest: dict[str, int] = {}  # first token -> most tokens of a phrase starting there

    def add(self, phrase: str, value: T) -> str:
        """Index ``value`` under ``phrase``; returns the key (empty if the phrase has no words)."""
        return self.add_words(words_of(phrase), value)

    def add_words(self, words: Sequence[str], value: T, key: str = "", case: str = "") -> str:
        """Index ``value`` under a phrase already split into words (and folded into ``key``);
        ``case`` overrides the case its words demand ('A' per word: capitalised or capitals)."""
        if not words:
            return ""
        key = key or " ".join(map(fold, words))
        case = case or "".join([case_of(w, self.particles) for w in words])
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(case)
        elif entry.case != case:
            entry.case = _looser(entry.case, case)
        if not any(v is value for v in entry.values):
            entry.values.append(value)
        first = key.split(" ", 1)[0]
        self._longest[first] = max(self._longest.get(first, 0), len(words))
        return key

    def get(self, key: str) -> tuple[T, ...]:
        """Values indexed under a key, in the order they were added."""
        entry = self._entry(key)
        return tuple(entry.values) if entry else ()

    def _entry(self, key: str) -> _Entry[T] | None:
        return self._entries.get(key)

    def keys(self) -> Iterable[str]:
        """Every key in the index."""
        return self._entries.keys()

    def entries(self) -> Iterator[tuple[str, str, list[T]]]:
        """Every (key, case demanded, values) in the order added, to store the index."""
        for key, entry in self._entries.items():
            yield key, entry.case, entry.values

    def longest(self) -> dict[str, int]:
        """First token -> most tokens of a phrase starting with it, to store the index."""
        return self._longest

    def find(
        self, text: str, tokens: Sequence[Token] | None = None, accept: Accept[T] | None = None
    ) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, left to right, longest first at each position."""
        tokens = tokenise(text) if tokens is None else tokens
        found: list[PhraseMatch[T]] = []
        longest = self._longest
        i, count = 0, len(tokens)
        while i < count:
            if not longest.get(tokens[i][3]):
                i += 1  # no phrase starts with this word (most words): no call for it
                continue
            match = self._match_at(text, tokens, i, accept)
            if match is not None and match.key.startswith("the ") and i + 1 < count:
                # "the United Nations | Assistance Mission in Afghanistan": the longer name
                # without the article wins over the shorter one with it
                inner = self._match_at(text, tokens, i + 1, accept)
                if inner is not None and inner.last > match.last:
                    match = inner
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last
        return found

    def _match_at(
        self, text: str, tokens: Sequence[Token], i: int, accept: Accept[T] | None
    ) -> PhraseMatch[T] | None:
        longest = self._longest.get(tokens[i][3], 0)
        span = 1 if longest else 0
        while (
            span < longest
            and i + span < len(tokens)
            and joined(text, tokens[i + span - 1][1], tokens[i + span][0])
        ):
            span += 1
        for size in range(span, 0, -1):
            words = tokens[i : i + size]
            key = " ".join([t[3] for t in words]) if size > 1 else words[0][3]
            entry = self._entry(key)
            if entry is None:
                continue
            shouted = size > 1 and all(t[2].isupper() for t in words)  # "SRI LANKA", "NEW YORK"
            if not (
                shouted or all(_case_ok(d, t[2]) for d, t in zip(entry.case, words, strict=True))
            ):
                continue
            values = tuple(entry.values)
            if accept is not None:
                values = accept(text, tokens, i, i + size, values)
            if values:
                return PhraseMatch(i, i + size, tokens[i][0], tokens[i + size - 1][1], key, values)
        return None


# A stored entry: the case its phrase demands and its values in a compact, marshal-able form.
Stored = tuple[str, tuple[int, ...]]


class StoredPhraseIndex(PhraseIndex[T]):
    """A read-only PhraseIndex over stored entries, each decoded on first use (gazetteer_store)."""

    def __init__(
        self,
        particles: frozenset[str],
        stored: dict[str, Stored],
        longest: dict[str, int],
        decode: Callable[[tuple[int, ...]], list[T]],
    ) -> None:
        super().__init__(particles)
        self._stored = stored
        self._longest = longest
        self._decode = decode

    def _entry(self, key: str) -> _Entry[T] | None:
        entry = self._entries.get(key)
        if entry is None:
            stored = self._stored.get(key)
            if stored is None:
                return None
            entry = self._entries[key] = _Entry(stored[0], self._decode(stored[1]))
        return entry

    def keys(self) -> Iterable[str]:
        """Every key in the index."""
        return self._stored.keys()

    def add_words(self, words: Sequence[str], value: T, key: str = "", case: str = "") -> str:
        """Not allowed: a stored index is read-only."""
        raise TypeError("a stored phrase index is read-only")
