"""Settlements the gazetteer lacks but the text marks as places, as incident place candidates.

  contained  a name followed by the place it lies in: 'Ikata village (Fako, Sud-Ouest)',
             'Rutanga (Uvira Territory)' (a bracket, as incident notes code places); 'in Aburoc,
             Upper Nile'; 'Sadiyah, 100 miles northeast of Baghdad', 'Baaj west of Mosul',
             'Dour, near Tikrit'. A known place of that name in the container's country is
             taken as it is; else the settlement is read in each country the container may lie
             in, the container's own reading first.
  named_of   'the village of Lausa', 'the town of Hit', a name before a division word after
             'in', 'at' or 'near' ('in Greshk district'), and a bare name after them ('in
             Lug-habar'; not a day, an English word, a province, or a quarter told with its
             town): in the incident's country.
  unread     'in Hit', 'in Birgunj': a name after 'in', 'at' or 'near' that find_places left
             unread but that names a place of the incident's country - a town named like an
             English word, or one the gazetteer spells otherwise (Birganj; the same
             phrases.spelling_key).
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

from newsledger.extract.incident_places.place_candidates import Candidate
from newsledger.extract.incident_places.place_cues import (
    COMPASS,
    DISTRICTS,
    DIVISIONS,
    KIND_RANK,
    WEIGHTS,
    cue_alternation,
    cue_words,
    name_suffix,
)
from newsledger.extract.places import (
    PROVINCE_WORDS,
    Place,
    PlaceMention,
    demonym_country,
    find_places,
    gazetteer,
    lookup_place,
)
from newsledger.extract.scan import Scan
from newsledger.extract.time import WORDS
from newsledger.extract.words import english_words, phrase_key, spelling_key

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
            inside = find_places(match.group("inside"))
            if number > 0:  # the place must open the words after the name
                inside = [m for m in inside if m.start == 0]
            if not inside:
                continue
            container = _container_readings(inside)
            # 'Kahira (Masisi, Nord-Kivu)' is not Cairo (an alternate name of it), as the
            # bracket places it in Congo
            abroad = frozenset(p.start for p in scan.places if _abroad(p, container))
            name = _unread_name(scan, match, start, end, abroad)
            if name is None:
                continue
            # a name the gazetteer knows only abroad, or as a word, is a settlement where the
            # text puts it ('in Dour, near Tikrit': not Dour, Belgium)
            before = scan.text_between(scan.sentence.start, name.start)
            placed = re.search(r"\b(?:in|at)\s+$", before)
            readings = _known_inside(name, container) or (
                _in_each_country(name, container, inside=number < 2)
                if placed or not _stopword(name)
                else ()
            )
            if not readings:
                continue
            weight = WEIGHTS["coded"] if number == 0 else WEIGHTS["locative"]
            found.append(Candidate(readings[0], where, False, readings, weight, (tier, name.start)))
    return found


def settlements_of(
    scan: Scan, start: int, end: int, country: str, where: str, tier: int
) -> list[Candidate]:
    """'the village of Lausa': an unlisted settlement, taken to lie in the incident's country;
    after a settlement or division word, also a name the gazetteer knows only abroad."""
    found = []
    text = scan.sentence.text
    named = [
        *_named_of_pattern().finditer(text),
        *_named_before_pattern().finditer(text),
        *_village_of_district_pattern().finditer(text),
    ]
    bare = [m for m in _placed_pattern().finditer(text) if _bare_settlement(scan, m)]
    for match in named + bare:
        if match in named:  # 'the village of Slatina': a homonym abroad is not meant
            name = _unread_name(scan, match, start, end)
            if name is not None and (_stopword(name) or _known_in(name, country)):
                name = None
        else:
            name = _settlement_name(scan, match, start, end)
        if name is not None:
            place = Place(name.text, name.kind, country, _province_after(scan, match, country))
            weight = WEIGHTS["locative"]
            found.append(Candidate(place, where, False, (place,), weight, (tier, name.start)))
    return found


def _province_after(scan: Scan, match: re.Match[str], country: str) -> str | None:
    """The province a settlement is told to lie in: 'the Greshk District of Helmand Province'."""
    end = scan.sentence.start + match.end()
    after = [p for p in scan.places if p.start >= end]
    if not after:
        return None
    following = min(after, key=lambda p: p.start)
    told = _in_province().match(scan.text_between(end, following.start))
    province = following.place
    inside = told and province.kind == "admin1" and province.country == country
    return province.name if inside else None


@cache
def _in_province() -> re.Pattern[str]:
    return re.compile(rf"^{name_suffix()}\s*(?:,|\bof\b|\bin\b)\s*(?:the\s+)?$", re.IGNORECASE)


# '(about) 80 km', 'sixty miles' before a compass word (place_cues.COMPASS)
_DISTANCE = (
    r"(?:(?:about|some|around|roughly|approximately)\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s*"
    r"(?:km|kilometers|kilometres|miles)\s+"
)


@cache
def _contained_patterns() -> tuple[re.Pattern[str], ...]:
    """Unlisted names followed by the place they lie in or by: the 'inside' group holds it."""
    suffix = name_suffix()
    locative = r"\b(?:in|at|near|outside)\s+"  # not 'at the Italian Embassy': a site
    return (
        re.compile(rf"(?P<name>{_NAME}){suffix},?\s+\((?P<inside>[^()]{{2,80}})\)"),
        re.compile(
            rf"{locative}(?P<name>{_NAME}){suffix},\s+(?:in\s+)?(?P<inside>[A-Z][^,.;:()]{{1,60}})"
        ),
        re.compile(
            rf"(?P<name>{_NAME}),?\s+(?:which\s+is\s+(?:located\s+)?)?(?:{_DISTANCE})?"
            rf"(?:{COMPASS}\s+of|near|outside)\s+(?P<inside>[A-Z][^,.;:()]{{1,60}})"
        ),
    )


def unread_places(
    scan: Scan, start: int, end: int, country: str, where: str, tier: int
) -> list[Candidate]:
    """Places of the incident's country the text names after 'in', 'at', 'near' but find_places
    left unread: a town named like an English word ('in Hit'), a small town out of place
    context, or a name the gazetteer spells otherwise ('in Birgunj' for Birganj, by
    spelling_key; never for an English word)."""
    found = []
    g = gazetteer()
    for match in _placed_pattern().finditer(scan.sentence.text):
        name = _unread_name(scan, match, start, end)
        if name is None:
            continue
        key = phrase_key(name.text)
        readings = [*g.lookup.get(key, ()), *g.small_towns.get(key, ())]
        if key not in english_words():
            readings += g.spellings.get(spelling_key(key), ())
        places = tuple(dict.fromkeys(p for p in readings if p.country == country))
        if places:
            weight = WEIGHTS["locative"]
            found.append(Candidate(places[0], where, False, places, weight, (tier, name.start)))
    return found


def _bare_settlement(scan: Scan, match: re.Match[str]) -> bool:
    """Whether 'in X' names a settlement of its own: not a day or month ("in Saturday's blast"),
    an English word ('in Parliament'), a nationality ('in French Basque country'), an
    abbreviation ('St.'), a province ('in Salahuldeen Province'), or a quarter or village told
    with the town it lies in ('at Jamalatta in downtown Srinagar', 'Sherpao village in
    Peshawar': incident data code the town; but 'Manoo village in Doda district' is Manoo)."""
    name, after = match.group("name"), scan.sentence.text[match.end() :]
    words = name.split()
    first = re.sub(r"['’]s$", "", words[0]).lower()
    if (
        len(name) < 3
        or first in WORDS["weekday"]
        or first in WORDS["month"]  # "in Saturday's blast"
        or phrase_key(name) in english_words()
        or demonym_country(words[0]) is not None
        or (after.startswith(".") and len(words[-1]) <= 3)
        or words[-1].lower() in PROVINCE_WORDS
    ):
        return False
    told = _told_with_town().match(after)
    base = scan.sentence.start + match.end()
    return not (told and any(p.start == base + told.end() and _town(scan, p) for p in scan.places))


def _town(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a mention names a town, not a district or province ('Doda district')."""
    after = scan.text_between(mention.end, scan.sentence.end)
    division = re.match(rf"\s+(?:{DIVISIONS}|province|state)\b", after, re.IGNORECASE)
    named_division = re.search(rf"\s(?:{DIVISIONS})$", mention.text, re.IGNORECASE)
    return mention.place.kind in ("city", "site") and not division and not named_division


@cache
def _told_with_town() -> re.Pattern[str]:
    # 'X in downtown Srinagar', 'X village in Peshawar', 'X area, in Basra', 'X of Baghdad',
    # 'X neighborhood, north of Najaf' (but a bare 'Baaj west of Mosul' is Baaj); a site told
    # with its town: 'X station in Mosul', 'X, a private bank in Biguglia'
    sites = "|".join(re.escape(w) for w in cue_words("feature"))
    kind = rf"\s+(?:{cue_alternation('settlement')}|{DIVISIONS}|gardens|area|{sites})"
    settlement = cue_alternation("settlement")
    apposition = rf",\s+(?:a|an|the)(?!\s+(?:{settlement})\b)(?:\s+[\w'-]+){{1,5}}?\s+in"
    return re.compile(
        rf"(?:(?:{kind})?,?\s+(?:in|of)|{apposition}|{kind},?\s+(?:just\s+)?{COMPASS}\s+of)\s+"
        r"(?:the\s+)?(?:(?:downtown|central|northern|southern|eastern|western|old)\s+)?",
        re.IGNORECASE,
    )


@cache
def _placed_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:in|at|near|outside|(?:town|village|city)\s+of)\s+(?P<name>{_NAME})(?!\s+[A-Z])"
    )


@cache
def _named_before_pattern() -> re.Pattern[str]:
    # 'in Greshk district', "in Afghanistan's restive Zherai District", 'throughout Jhapa
    # district', ', Takbai district'. Not 'X village' or 'X area': RAND codes most of those by
    # the town or province named with them.
    words = "district|subdivision|county|payam|commune|chiefdom|LGA"
    before = r"(?:\b(?:in|at|near|outside|throughout|across)|,)\s+(?:the\s+)?"
    return re.compile(
        rf"{before}(?:[A-Z][\w'’-]*'s\s+)?(?:[a-z]+\s+)?(?P<name>{_NAME}\s+(?i:{words}))\b"
    )


@cache
def _village_of_district_pattern() -> re.Pattern[str]:
    # 'in the Kutidurgapur village of Jhenidah district', 'at Chandusa village in Baramulla
    # district': a village told with its district (not its town) is coded as the village
    before = r"\b(?:in|at|near|outside)\s+(?:the\s+)?"
    district = rf"{_NAME}\s+(?i:{DISTRICTS})"
    return re.compile(
        rf"{before}(?P<name>{_NAME})\s+village\s+(?:of|in)\s+(?:the\s+)?{district}\b"
    )


@cache
def _named_of_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:the\s+)?(?:{cue_alternation('settlement')})\s+of\s+(?P<name>{_NAME})")


def _settlement_name(scan: Scan, match: re.Match[str], start: int, end: int) -> _Name | None:
    """The settlement a pattern names, if it is no known place, actor, site or plain word."""
    name = _unread_name(scan, match, start, end)
    return name if name is not None and _unlisted(name) else None


def _unlisted(name: _Name) -> bool:
    return not _stopword(name) and lookup_place(name.text) is None


def _stopword(name: _Name) -> bool:
    return phrase_key(name.text) in gazetteer().stopwords


def _known_in(name: _Name, country: str) -> bool:
    """Whether the gazetteer knows a place of that name in the country (find_places reads it)."""
    return any(p.country == country for p in gazetteer().candidates(name.text))


def _container_readings(inside: list[PlaceMention]) -> tuple[Place, ...]:
    """Every reading of the finest place a name is told to lie in, those in the coarsest's
    country only ('(Mambasa, Ituri)': not Kenya's Mombasa; with none there, Ituri itself)."""
    ranked = sorted(inside, key=lambda m: KIND_RANK.get(m.place.kind, 5))
    finest, coarsest = ranked[0], ranked[-1]
    readings = (finest.place, *gazetteer().candidates(finest.text))
    if finest is coarsest:
        return readings
    return tuple(p for p in readings if p.country == coarsest.place.country) or (coarsest.place,)


def _known_inside(name: _Name, container: tuple[Place, ...]) -> tuple[Place, ...]:
    """Known places of the name (or of 'al' and the name) that lie in a country the container may
    lie in: 'Baaj west of Mosul' is the small town Al Baaj, Iraq."""
    g = gazetteer()
    countries = {p.country for p in container}
    key = phrase_key(name.text)
    known = [
        p
        for index in (g.lookup, g.small_towns)
        for k in (key, f"al {key}")
        for p in index.get(k, ())
    ]
    return tuple(p for p in known if p.country in countries and p.kind in ("city", "site"))


def _abroad(mention: PlaceMention, container: tuple[Place, ...]) -> bool:
    """Whether no reading of a mention lies in a country its container may lie in."""
    countries = {p.country for p in container}
    readings = (mention.place, *gazetteer().candidates(mention.text))
    return all(p.country not in countries for p in readings)


def _unread_name(
    scan: Scan, match: re.Match[str], start: int, end: int, abroad: frozenset[int] = frozenset()
) -> _Name | None:
    """The name a pattern names if the text read no place (but one of ``abroad``, the offsets
    of places misread abroad) or actor there, and it is no acronym, site or nationality."""
    a, b = match.span("name")
    words = match.group("name").split()
    while words and words[0].lower() in _LEADING:  # sentence-initial 'In Kusisa (...)'
        a += len(words.pop(0)) + 1
    kind = "city"
    while len(words) > 1 and re.fullmatch(DIVISIONS, words[-1], re.IGNORECASE):
        words.pop()  # 'Ghowrian District' is a district
        kind = "admin2"
    if len(words) > 1 and words[-1].lower() in ("village", "town"):
        words.pop()  # 'Yaaq Biri Weyne Village' is the village Yaaq Biri Weyne
    name = " ".join(words)
    base = scan.sentence.start
    places = [(p.start, p.end) for p in scan.places if p.start not in abroad]
    taken = places + [(x.start, x.end) for x in scan.actors]
    if (
        not name
        or not start <= base + a < end
        or any(base + a < y and x < base + b for x, y in taken)
        or name.isupper()  # an acronym: 'SPLA-IO (Sudan ...)'
        or words[-1].lower() in cue_words("feature")  # 'Jahangir Road': a site
        or demonym_country(name) is not None
    ):
        return None
    return _Name(base + a, name, kind)


def _in_each_country(
    name: _Name, container: tuple[Place, ...], inside: bool = True
) -> tuple[Place, ...]:
    """The settlement read in each country the container may lie in, its own reading first;
    in its province when it lies ``inside`` the container (not 'Garma, west of Baghdad': that
    is Anbar)."""
    places: dict[str, Place] = {}
    for reading in container:
        place = Place(name.text, name.kind, reading.country, _admin1(reading) if inside else None)
        places.setdefault(reading.country, place)
    return tuple(places.values())


def _admin1(place: Place) -> str | None:
    if place.kind == "admin1":
        return place.name
    return None if place.kind == "country" else place.admin1


__all__ = ["contained_places", "settlements_of", "unread_places"]
