"""Whether a place name found in text is only a piece of a person's name or of a longer name.

'General Saad Maan' and 'Maan said' name a person, not Ma'an (Jordan); 'Anti-Balaka' is a militia,
not Balaka (Malawi); 'Kari-Dor' and 'Kurgan-Tube' are towns of their own, not Kari (Nigeria) or
Kurgan (Russia); 'Tal al-Banat' is a village, not Thal (Pakistan) and Banat (India); 'Khair Khana
District' is not Khair (India). places.py asks this of generated places only: its own rows are
trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import Protocol

Token = tuple[int, int, str, str]  # start, end, text as written, folded key (as in places.py)

# Nouns after 'X-Y' that make it a route between two places, not one name ('the Torit-Kapoeta
# road', 'the Kalemie-Kabwela axis').
_ROUTES = frozenset(
    {
        "road",
        "axis",
        "highway",
        "route",
        "pipeline",
        "railway",
        "railroad",
        "train",
        "line",
        "junction",
        "corridor",
        "border",
        "motorway",
        "expressway",
        "flight",
        "bus",
        "convoy",
    }
)


# Division words that end a district's or province's name ('Khair Khana District').
_DIVISIONS = frozenset(
    {"district", "province", "region", "county", "prefecture", "governorate", "department"}
)


class Words(Protocol):
    """The word lists of lexicons/place_context_words.tsv these rules read."""

    @property
    def particles(self) -> AbstractSet[str]: ...
    @property
    def designators(self) -> AbstractSet[str]: ...
    @property
    def preceders(self) -> AbstractSet[str]: ...
    @property
    def reporting(self) -> AbstractSet[str]: ...


def looks_personal(text: str, tokens: Sequence[Token], i: int, words: Words) -> bool:
    """Whether the one-word name at ``i`` reads as a person's: 'General Saad Maan', 'Maan said'.

    A capitalised word right before that may not stand before a place, or a reporting verb right
    after.
    """
    if i > 0:
        prev = tokens[i - 1]
        if (
            text[prev[1] : tokens[i][0]] == " "
            and prev[2][:1].isupper()
            and prev[3] not in words.preceders
            and prev[3] not in words.particles
        ):
            return True
    if i + 1 < len(tokens):
        after = tokens[i + 1]
        return text[tokens[i][1] : after[0]] == " " and after[3] in words.reporting
    return False


def part_of_longer_name(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    articles: AbstractSet[str],
    words: Words,
    known: Callable[[str], bool],
) -> bool:
    """Whether tokens ``[first, last)`` are glued into a longer capitalised name.

    Glued: a hyphen joins them to a capitalised word that is no place itself (or the same word:
    'Mai-Mai'), unless a route noun follows ('the Torit-Kapoeta road'); an article joined by a
    hyphen to a capitalised word follows ('Tal al-Banat') or leads them after a capitalised word
    that may not stand before a place ('Tal al-Banat' for 'Banat'; not 'In al-Bab'); or a
    capitalised word follows, and then a division word ('Khair Khana District').
    ``known`` says whether a folded word is a place name of its own ('Kabul-Jalalabad road').
    """
    head, tail = tokens[first], tokens[last - 1]
    after = tokens[last] if last < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    if after is not None and _hyphen(text, tail, after) and _compound(after, tail, known):
        return not _route(tokens, last + 1)
    if (
        before is not None
        and _hyphen(text, before, head)
        and before[3] not in articles
        and _compound(before, head, known)
    ):
        return not _route(tokens, last)
    if after is not None and last + 1 < len(tokens) and _spaced(text, tail, after):
        word = tokens[last + 1]
        if after[3] in articles and _hyphen(text, after, word) and _capital(word):
            return True  # 'Tal al-Banat': the name goes on
        if (
            _capital(after)
            and not after[2].isupper()  # 'Juba IDP camp'
            and after[3] not in words.designators  # 'Jalalabad City District'
            and _spaced(text, after, word)
            and _capital(word)
            and word[3] in _DIVISIONS
        ):
            return True  # 'Khair Khana District'
    if before is not None and first >= 2 and before[3] in articles and _hyphen(text, before, head):
        lead = tokens[first - 2]
        return _spaced(text, lead, before) and _capital(lead) and lead[3] not in words.preceders
    return False


def _route(tokens: Sequence[Token], i: int) -> bool:
    """A route noun at ``i``, or after one lower-case word there ('gas pipeline')."""
    for word in tokens[i : i + 2]:
        if word[2][:1].isupper():
            return False
        if word[3] in _ROUTES:
            return True
    return False


def _hyphen(text: str, left: Token, right: Token) -> bool:
    return text[left[1] : right[0]] == "-"


def _spaced(text: str, left: Token, right: Token) -> bool:
    return text[left[1] : right[0]] == " "


def _capital(token: Token) -> bool:
    return token[2][:1].isupper()


def _compound(neighbour: Token, own: Token, known: Callable[[str], bool]) -> bool:
    return _capital(neighbour) and (neighbour[3] == own[3] or not known(neighbour[3]))


__all__ = ["Words", "looks_personal", "part_of_longer_name"]
