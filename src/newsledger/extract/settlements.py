"""Settlements the gazetteer lacks but the text marks as places, as incident place candidates.

  contained  a name followed by the place it lies in: 'Ikata village (Fako, Sud-Ouest)',
             'Rutanga (Uvira Territory)' (a bracket, as incident notes code places); 'in Aburoc,
             Upper Nile'; 'Sadiyah, 100 miles northeast of Baghdad'. The settlement is read in
             each country the container may lie in, the container's own reading first.
  named_of   'the village of Lausa', 'the town of Hit', and a name before a division word
             after 'in', 'at' or 'near' ('in Greshk district'): in the incident's country.
  spelled    'in Birgunj': a place of the incident's country the gazetteer spells otherwise
             (Birganj; the same phrases.spelling_key), not an English word.
A name is no settlement when the gazetteer or the actor table knows it, when it is a nationality,
an acronym ('SPLA-IO (...)'), a plain word, or a site ('Jahangir Road'); a trailing division word
('Ghowrian District') makes it a district. Village names before a town in the same sentence
('Sherpao village in Peshawar') are left out: RAND and ACLED code the town when the village is not
on their map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.extract.english_words import english_words
from newsledger.extract.phrases import spelling_key
from newsledger.extract.place_context import Candidate
from newsledger.extract.place_cues import (
    DIVISIONS,
    KIND_RANK,
    WEIGHTS,
    cue_alternation,
    cue_words,
    name_suffix,
)
from newsledger.extract.places import (
    Place,
    PlaceMention,
    demonym_country,
    find_places,
    gazetteer,
    lookup_place,
    phrase_key,
)
from newsledger.extract.scan import Scan

_NAME_WORD = r"(?:(?:al|el|ad|ar|as|at|az|an|ash|ed|es|ez)-)?[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|al|el|de|del|la))*"
_LEADING = frozenset({"in", "at", "near", "on", "the", "from", "around", "outside"})


@dataclass(frozen=True, slots=True)
class _Name:
    start: int  # absolute offset
    text: str
    kind: str  # city, or admin2 for 'Ghowrian District'


def contained_places(scan: Scan, start: int, end: int, where: str, tier: int) -> list[Candidate]:
    """Unlisted settlements of ``[start, end)`` told with the place they lie in."""
    found = []
    for number, pattern in enumerate(_contained_patterns()):
        for match in pattern.finditer(scan.sentence.text):
            name = _settlement_name(scan, match, start, end)
            inside = find_places(match.group("inside"))
            if number > 0:  # the place must open the words after the name
                inside = [m for m in inside if m.start == 0]
            if name is None or not inside:
                continue
            container = min(inside, key=lambda m: KIND_RANK.get(m.place.kind, 5))
            readings = _in_each_country(name, container)
            weight = WEIGHTS["coded"] if number == 0 else WEIGHTS["locative"]
            found.append(Candidate(readings[0], where, False, readings, weight, (tier, name.start)))
    return found


def settlements_of(
    scan: Scan, start: int, end: int, country: str, where: str, tier: int
) -> list[Candidate]:
    """'the village of Lausa': an unlisted settlement, taken to lie in the incident's country."""
    found = []
    matches = [*_named_of_pattern().finditer(scan.sentence.text)]
    matches += _named_before_pattern().finditer(scan.sentence.text)
    for match in matches:
        name = _settlement_name(scan, match, start, end)
        if name is not None:
            place = Place(name.text, name.kind, country)
            weight = WEIGHTS["locative"]
            found.append(Candidate(place, where, False, (place,), weight, (tier, name.start)))
    return found


@cache
def _contained_patterns() -> tuple[re.Pattern[str], ...]:
    """Unlisted names followed by the place they lie in: the 'inside' group holds that place."""
    suffix = name_suffix()
    locative = r"\b(?:in|at|near|outside)\s+"  # not 'at the Italian Embassy': a site
    return (
        re.compile(rf"(?P<name>{_NAME}){suffix},?\s+\((?P<inside>[^()]{{2,80}})\)"),
        re.compile(rf"{locative}(?P<name>{_NAME}){suffix},\s+(?P<inside>[A-Z][^,.;:()]{{1,60}})"),
        re.compile(
            rf"(?P<name>{_NAME}),\s+(?:about\s+|some\s+|around\s+)?\d+\s*"
            r"(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?of\s+(?P<inside>[A-Z][^,.;:()]{1,60})"
        ),
    )


def spelled_places(
    scan: Scan, start: int, end: int, country: str, where: str, tier: int
) -> list[Candidate]:
    """'in Birgunj' (Birganj), 'in Vornezh' (Voronezh): a name the gazetteer has under another
    spelling (the same spelling_key), read only in the incident's country."""
    found = []
    for match in _placed_pattern().finditer(scan.sentence.text):
        name = _settlement_name(scan, match, start, end)
        if name is None or phrase_key(name.text) in english_words():
            continue
        spelled = gazetteer().spellings.get(spelling_key(name.text), ())
        places = tuple(p for p in spelled if p.country == country)
        if places:
            weight = WEIGHTS["locative"]
            found.append(Candidate(places[0], where, False, places, weight, (tier, name.start)))
    return found


@cache
def _placed_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:in|at|near|outside|(?:town|village|city)\s+of)\s+(?P<name>{_NAME})(?!\s+[A-Z])"
    )


@cache
def _named_before_pattern() -> re.Pattern[str]:
    # 'in Greshk district', "in Afghanistan's restive Zherai District". Not 'X village' or 'X
    # area': RAND codes most of those by the town or province named with them.
    words = "district|subdivision|county|payam|commune|chiefdom|LGA"
    return re.compile(
        rf"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[A-Z][\w'’-]*'s\s+)?(?:[a-z]+\s+)?"
        rf"(?P<name>{_NAME}\s+(?i:{words}))\b"
    )


@cache
def _named_of_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:the\s+)?(?:{cue_alternation('settlement')})\s+of\s+(?P<name>{_NAME})")


def _settlement_name(scan: Scan, match: re.Match[str], start: int, end: int) -> _Name | None:
    """The settlement a pattern names, if it is no known place, actor, site or plain word."""
    a, b = match.span("name")
    words = match.group("name").split()
    while words and words[0].lower() in _LEADING:  # sentence-initial 'In Kusisa (...)'
        a += len(words.pop(0)) + 1
    kind = "city"
    while len(words) > 1 and re.fullmatch(DIVISIONS, words[-1], re.IGNORECASE):
        words.pop()  # 'Ghowrian District' is a district
        kind = "admin2"
    name = " ".join(words)
    base = scan.sentence.start
    taken = [(p.start, p.end) for p in scan.places] + [(x.start, x.end) for x in scan.actors]
    if (
        not name
        or not start <= base + a < end
        or any(base + a < y and x < base + b for x, y in taken)
        or name.isupper()  # an acronym: 'SPLA-IO (Sudan ...)'
        or words[-1].lower() in cue_words("feature")  # 'Jahangir Road': a site
        or demonym_country(name) is not None
        or phrase_key(name) in gazetteer().stopwords
        or lookup_place(name) is not None
    ):
        return None
    return _Name(base + a, name, kind)


def _in_each_country(name: _Name, container: PlaceMention) -> tuple[Place, ...]:
    """The settlement read in each country the container may lie in, its own reading first."""
    readings = (container.place, *gazetteer().candidates(container.text))
    places: dict[str, Place] = {}
    for reading in readings:
        place = Place(name.text, name.kind, reading.country, _admin1(reading))
        places.setdefault(reading.country, place)
    return tuple(places.values())


def _admin1(place: Place) -> str | None:
    if place.kind == "admin1":
        return place.name
    return None if place.kind == "country" else place.admin1


__all__ = ["contained_places", "settlements_of", "spelled_places"]
