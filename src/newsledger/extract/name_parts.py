"""Whether a place name found in text is only a piece of a longer name the gazetteer lacks.

'Anti-Balaka' is a militia, not Balaka (Malawi); 'Kari-Dor' and 'Kurgan-Tube' are towns of their
own, not Kari (Nigeria) or Kurgan (Russia); 'Tal al-Banat' is a village, not Thal (Pakistan) and
Banat (India). places.py asks this of generated places only: its own rows are trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

Token = tuple[int, int, str, str]  # start, end, text as written, folded key (as in places.py)


def part_of_longer_name(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    articles: AbstractSet[str],
    preceders: AbstractSet[str],
    known: Callable[[str], bool],
) -> bool:
    """Whether tokens ``[first, last)`` are glued into a longer capitalised name.

    Glued: a hyphen joins them to a capitalised word that is no place itself (or the same word:
    'Mai-Mai'), or an article joined by a hyphen to a capitalised word follows ('Tal al-Banat') or
    leads them after a capitalised word ('Tal al-Banat' for 'Banat'; not 'In al-Bab', as
    ``preceders`` may stand before a place). ``known`` says whether a folded word is a place name
    of its own ('Kabul-Jalalabad road' names two places).
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
    if after is not None and last + 1 < len(tokens) and after[3] in articles:
        word = tokens[last + 1]
        if text[tail[1] : after[0]] == " " and _hyphen(text, after, word) and _capital(word):
            return True  # 'Tal al-Banat': the name goes on
    if before is not None and first >= 2 and before[3] in articles and _hyphen(text, before, head):
        lead = tokens[first - 2]
        return text[lead[1] : before[0]] == " " and _capital(lead) and lead[3] not in preceders
    return False


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


def _capital(token: Token) -> bool:
    return token[2][:1].isupper()


def _compound(neighbour: Token, own: Token, known: Callable[[str], bool]) -> bool:
    return _capital(neighbour) and (neighbour[3] == own[3] or not known(neighbour[3]))


__all__ = ["part_of_longer_name"]
