"""Where an incident happened, read from the whole document around its place mentions.

incident_fields.py gathers an incident's place candidates; this module weighs them:
  dateline   a first line of capitals naming a place ('FRANCE.', 'BOSNIA/HERCEGOVINA.') heads an
             incident description and names the incident's country (in RAND descriptions it agrees
             with the coded country 98 times in 100); a wire dateline ('KABUL, Afghanistan
             (Reuters) -', 'BAGHDAD -') names where a story was filed, most often in that country.
  readings   every gazetteer reading of a name ('San Jose': the United States, Costa Rica, the
             Philippines); an ambiguous name takes its reading in a country the document points
             to (a heading, a wire dateline, an unambiguous place, a hint), the heading's first.
  weight     how much a mention speaks for its country: after 'in', 'at', 'near' 1.5; after 'from'
             or 'to' 0.5 (where the event came from or went); before 'embassy', '-based', 'company'
             0.25 ('the U.S. embassy', 'a Chicago-based firm' qualify something else); else 1.
             Mentions in later sentences count three quarters.
  hints      weak signs of a country that name no place of the event: a country inside an actor's
             name ('Revolutionary Armed Forces of Colombia') and a nationality before a state organ
             ('Turkish police'): 0.5 each.
  country    a heading's country; else the country with the most weight among the candidates, the
             wire dateline (1) and the hints; on a tie, the country of the most specific candidate.
  unlisted   a settlement the gazetteer lacks but the text marks as one: 'Ikata village (Fako,
             Sud-Ouest)', 'Gaskinde (Pobe-Mengao, Soum)' - in the country of the places in
             brackets -, or 'the village of Lausa' - in the incident's country.
The words live in lexicons/place_cues.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from newsledger.errors import LexiconError
from newsledger.extract.places import (
    Place,
    PlaceMention,
    demonym_country,
    find_places,
    gazetteer,
    lookup_place,
    phrase_key,
    read_lexicon,
)
from newsledger.extract.scan import Scan

ROLES = frozenset(
    {"locative", "nearby", "origin", "reference", "modifier", "settlement", "feature", "state_body"}
)
_WEIGHTS = {
    "coded": 1.75,
    "locative": 1.5,
    "nearby": 1.0,
    "origin": 0.5,
    "reference": 0.5,
    "modifier": 0.25,
}
_LATER_WEIGHT = 0.75
_HINT_WEIGHT = 0.5
_DOCUMENT_WEIGHT = 0.25
_WIRE_WEIGHT = 1.0
_KIND_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
_PARTIES = frozenset({"armed_group", "state_force"})

# 'KABUL, Afghanistan (Reuters) -', 'BAGHDAD -', 'Kano, Nigeria (AP) —'
_WIRE = re.compile(
    r"^\s*(?P<city>[A-Z][\w'’. -]{1,30}?)(?:,\s*(?P<region>[A-Z][\w'’. -]{1,30}?))?\s*"
    r"(?P<agency>\([^)]{1,40}\))?\s*[—–-]{1,2}\s"
)
_NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|al|el|de|del|la))*"
# Division words between a settlement's name and its bracket ('Malende subdivision (Meme, ...)').
_DIVISIONS = "district|subdivision|county|payam|commune|sector|chiefdom|LGA|area|locality"


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a document opens with, and whether it heads the text on a line of its own."""

    place: Place
    heading: bool  # 'FRANCE.' names the incident's country; 'KABUL, Afghanistan -' a filing city


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that may be the incident's: how and where the text names it."""

    place: Place
    where: str  # 'in the incident's sentence', ...
    near: bool  # 'near Damboa'
    readings: tuple[Place, ...] = ()  # every gazetteer reading of the name, ``place`` first
    weight: float = 1.0
    order: tuple[int, int] = (0, 0)  # (tier: 0 first mention, 1 tolls, 2 later; offset)


# --- words ------------------------------------------------------------------------------------


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for line, (word, role) in read_lexicon("place_cues.tsv", 2):
        if role not in ROLES:
            raise LexiconError(
                "lexicons/place_cues.tsv",
                line,
                f"role {role!r} is not one of {', '.join(sorted(ROLES))}",
            )
        found.setdefault(role, []).append(word)
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in found.items()}


def _alternation(role: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _cues().get(role, ()))


@cache
def _before_pattern() -> re.Pattern[str]:
    # The nearest cue before a name, with an article and one lower-case word between
    # ('in downtown Beirut', 'from the northern Gaza Strip').
    roles = ("locative", "nearby", "origin", "reference")
    cues = "|".join(f"(?P<{role}>{_alternation(role)})" for role in roles)
    return re.compile(
        rf"(?<![\w-])(?:{cues})\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+)?$", re.IGNORECASE
    )


@cache
def _modifier_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:-|\s+)(?:{_alternation('modifier')})\b", re.IGNORECASE)


@cache
def _state_body_pattern() -> re.Pattern[str]:
    return re.compile(rf"^\s+(?:{_alternation('state_body')})\b")


@cache
def _contained_patterns() -> tuple[re.Pattern[str], ...]:
    """Unlisted names followed by the place they lie in: the 'inside' group holds that place."""
    after_name = _after_name()
    locative = r"\b(?:in|at|near|outside)\s+"  # not 'at the Italian Embassy': a site
    return (
        # 'Ikata village (Fako, Sud-Ouest)', 'Rutanga (Uvira Territory)'
        re.compile(rf"(?P<name>{_NAME}){after_name},?\s+\((?P<inside>[^()]{{2,80}})\)"),
        # 'in Aburoc, Upper Nile', 'near Bijbiara, Anantnag' ('Sherpao village in Peshawar' is
        # left to the town: RAND and ACLED code the town when the village is not on their map)
        re.compile(
            rf"{locative}(?P<name>{_NAME}){after_name},\s+(?P<inside>[A-Z][^,.;:()]{{1,60}})"
        ),
        # 'Sadiyah, 100 miles northeast of Baghdad': a town told by its distance from another
        re.compile(
            rf"(?P<name>{_NAME}),\s+(?:about\s+|some\s+|around\s+)?\d+\s*"
            r"(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?of\s+(?P<inside>[A-Z][^,.;:()]{1,60})"
        ),
    )


@cache
def _named_of_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:the\s+)?(?:{_alternation('settlement')})\s+of\s+(?P<name>{_NAME})")


# --- dateline ---------------------------------------------------------------------------------


def find_dateline(scans: Sequence[Scan]) -> Dateline | None:
    """The document's dateline: a heading line of capitals, or a wire dateline before a dash."""
    if not scans:
        return None
    text = scans[0].sentence.text.strip()
    heading = _heading_place(text)
    if heading is not None:
        return Dateline(heading, True)
    match = _WIRE.match(text)
    if match is None:
        return None
    city = match.group("city").strip()
    if not (city.isupper() or match.group("agency")):
        return None  # 'Gunmen - armed with ...' is no dateline; a dateline city is in capitals
    place = _wire_place(city, match.group("region"))
    return Dateline(place, False) if place is not None else None


def _heading_place(text: str) -> Place | None:
    """A place line in capitals: 'FRANCE.', 'BOSNIA/HERCEGOVINA.', 'FEDERAL REPUBLIC OF GERMANY.'"""
    line = text.rstrip(". ")
    if not line or any(c.islower() or c.isdigit() for c in line) or len(line.split()) > 6:
        return None
    for part in (line, *re.split(r"\s*(?:[/,()]|\s-\s)\s*", line)):
        place = lookup_place(part) if part.strip() else None
        if place is not None:
            return place
    return None


def _wire_place(city: str, region: str | None) -> Place | None:
    readings = tuple(gazetteer().lookup.get(phrase_key(city), ()))
    within = lookup_place(region) if region else None
    if within is not None:
        inside = [p for p in readings if p.country == within.country or p.admin1 == within.name]
        return inside[0] if inside else within
    return readings[0] if readings else None


# --- candidates -------------------------------------------------------------------------------


def mention_candidate(
    scan: Scan, mention: PlaceMention, where: str, near: bool, tier: int
) -> Candidate:
    """A candidate from a place named in a sentence, with its readings and weight."""
    readings = _readings(mention)
    containers = _containers(scan, mention)
    if containers and not any(p.country == containers[0].country for p in readings[:1]):
        readings = _inside(readings, containers)
    weight = mention_weight(scan, mention) * (_LATER_WEIGHT if tier == 2 else 1.0)
    return Candidate(readings[0], where, near, readings, weight, (tier, mention.start))


def _readings(mention: PlaceMention) -> tuple[Place, ...]:
    readings = gazetteer().candidates(mention.text) or (mention.place,)
    return readings if mention.place in readings else (mention.place, *readings)


def _inside(readings: tuple[Place, ...], containers: tuple[Place, ...]) -> tuple[Place, ...]:
    """'Tripoli, Lebanon', 'Rivera (Huila Department)': the readings in a container's country.

    'Golbahar in Parwan Province' names a village the gazetteer lacks (its Golbahar is in Iran):
    the containers stand in, as a place name must look up to the place it stands for
    (verify/incidents.py merges incidents by place name).
    """
    for container in containers:
        inside = [p for p in readings if p.country == container.country]
        if inside:
            return (inside[0], *readings)
    return containers


def _containers(scan: Scan, mention: PlaceMention) -> tuple[Place, ...]:
    """The readings of a coarser place right after a mention: 'X, Y', 'X (Y', 'X in Y'."""
    after = [p for p in scan.places if p.start >= mention.end]
    if not after:
        return ()
    following = min(after, key=lambda p: p.start)
    gap = scan.text_between(mention.end, following.start)
    coarser = _KIND_RANK.get(following.place.kind, 5) > _KIND_RANK.get(mention.place.kind, 5)
    return _readings(following) if coarser and _within_pattern().match(gap) else ()


@cache
def _within_pattern() -> re.Pattern[str]:
    words = f"{_alternation('settlement')}|{_DIVISIONS}"
    return re.compile(
        rf"^(?:\s+(?:{words}))?(?:\s*,\s*|\s*\(\s*|\s+(?:in|of)\s+(?:the\s+)?)$",
        re.IGNORECASE,
    )


def name_candidate(
    name: str, place: Place, where: str, near: bool, order: tuple[int, int]
) -> Candidate:
    """A candidate from a place name a figure carries (its location) and its gazetteer entry."""
    readings = tuple(gazetteer().lookup.get(phrase_key(name), ()))
    return Candidate(place, where, near, readings if place in readings else (place,), 1.0, order)


def mention_weight(scan: Scan, mention: PlaceMention) -> float:
    """How much a mention speaks for its country (module docstring)."""
    after = scan.text_between(mention.end, scan.sentence.end)[:25]
    if mention.place.kind in ("country", "admin1") and _modifier_pattern().match(after):
        return _WEIGHTS["modifier"]
    if mention.place.kind in ("city", "site") and re.match(r"^-(?:based|owned)\b", after):
        return _WEIGHTS["modifier"]
    if _coded_pattern().match(after):
        return _WEIGHTS["coded"]  # 'Buea subdivision (Fako, Sud-Ouest)': the place a note codes
    before = scan.text_between(scan.sentence.start, mention.start)[-45:]
    found = _before_pattern().search(before)
    if found is None:
        return 1.0
    return next(_WEIGHTS[role] for role, cue in found.groupdict().items() if cue)


@cache
def _coded_pattern() -> re.Pattern[str]:
    return re.compile(rf"^{_after_name()},?\s+\(")


def _after_name() -> str:
    return rf"(?:\s+(?:{_alternation('settlement')}|{_DIVISIONS}))?"


# --- hints ------------------------------------------------------------------------------------


def country_hints(scans: Sequence[Scan]) -> dict[str, float]:
    """Weak signs of the document's country, weighted (module docstring)."""
    hints: dict[str, float] = {}
    for scan in scans:
        for found in scan.places:
            _vote(hints, found.place.country, _DOCUMENT_WEIGHT)
        for actor in scan.actors:
            if actor.kind in _PARTIES:
                for found in find_places(actor.text):
                    _vote(hints, found.place.country, _HINT_WEIGHT)
        for country in _state_demonyms(scan):
            _vote(hints, country, _HINT_WEIGHT)
    return hints


def _state_demonyms(scan: Scan) -> list[str]:
    """Countries of nationalities before a state organ: 'Turkish authorities' -> Turkey."""
    text = scan.sentence.text
    found = []
    for match in re.finditer(r"\b[A-Z][a-z]+(?:s)?\b", text):
        country = demonym_country(match.group())
        if country and _state_body_pattern().match(text[match.end() :]):
            found.append(country)
    return found


# --- unlisted settlements ---------------------------------------------------------------------


def contained_places(scan: Scan, start: int, end: int, where: str, tier: int) -> list[Candidate]:
    """Unlisted settlements told with the place they lie in (module docstring)."""
    text = scan.sentence.text
    found = []
    for number, pattern in enumerate(_contained_patterns()):
        for match in pattern.finditer(text):
            name = _settlement_name(scan, match, start, end)
            inside = find_places(match.group("inside"))
            if number > 0:  # the place must open the words after the name
                inside = [m for m in inside if m.start == 0]
            if name is None or not inside:
                continue
            container = min(inside, key=lambda m: _KIND_RANK.get(m.place.kind, 5))
            readings = _in_each_country(name, container)
            weight = _WEIGHTS["coded"] if number == 0 else _WEIGHTS["locative"]
            found.append(Candidate(readings[0], where, False, readings, weight, (tier, name.start)))
    return found


def settlements_of(
    scan: Scan, start: int, end: int, country: str, where: str, tier: int
) -> list[Candidate]:
    """'the village of Lausa': an unlisted settlement, taken to lie in the incident's country."""
    found = []
    for match in _named_of_pattern().finditer(scan.sentence.text):
        name = _settlement_name(scan, match, start, end)
        if name is not None:
            place = Place(name.text, name.kind, country)
            weight = _WEIGHTS["locative"]
            found.append(Candidate(place, where, False, (place,), weight, (tier, name.start)))
    return found


@dataclass(frozen=True, slots=True)
class _Name:
    start: int  # absolute offset
    text: str
    kind: str  # city, or admin2 for 'Ghowrian District'


def _settlement_name(scan: Scan, match: re.Match[str], start: int, end: int) -> _Name | None:
    """The settlement a pattern names, if it is no known place, actor, site or plain word."""
    a, b = match.span("name")
    words = match.group("name").split()
    while words and words[0].lower() in _LEADING:  # sentence-initial 'In Kusisa (...)'
        a += len(words.pop(0)) + 1
    kind = "city"
    while len(words) > 1 and re.fullmatch(_DIVISIONS, words[-1], re.IGNORECASE):
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
        or words[-1].lower() in _cues().get("feature", ())  # 'Jahangir Road': a site
        or demonym_country(name) is not None
        or phrase_key(name) in gazetteer().stopwords
        or lookup_place(name) is not None
    ):
        return None
    return _Name(base + a, name, kind)


_LEADING = frozenset({"in", "at", "near", "on", "the", "from", "around", "outside"})


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


# --- the choice -------------------------------------------------------------------------------


def choose_country(
    candidates: Sequence[Candidate], dateline: Dateline | None, hints: dict[str, float]
) -> str | None:
    """The incident's country (module docstring); None when nothing points to one."""
    if dateline is not None and dateline.heading:
        return dateline.place.country
    votes: dict[str, float] = {}
    for candidate in candidates:
        _vote(votes, candidate.place.country, candidate.weight)
    if dateline is not None:
        _vote(votes, dateline.place.country, _WIRE_WEIGHT)
    for country, weight in hints.items():
        _vote(votes, country, weight)
    if not votes:
        return None
    finest = min(candidates, key=_specificity, default=None)
    return max(
        votes,
        key=lambda c: (round(votes[c], 6), finest is not None and finest.place.country == c),
    )


def _vote(votes: dict[str, float], country: str, weight: float) -> None:
    votes[country] = votes.get(country, 0.0) + weight


def resolve_readings(
    candidates: Sequence[Candidate], dateline: Dateline | None, hints: dict[str, float]
) -> list[Candidate]:
    """Ambiguous names re-read in a country the document points to (the heading's first)."""
    pointed = _pointed_countries(candidates, dateline, hints)
    resolved = []
    for candidate in candidates:
        if pointed and candidate.place.country != pointed[0] and len(candidate.readings) > 1:
            better = next(
                (p for country in pointed for p in candidate.readings if p.country == country),
                None,
            )
            if better is not None and (
                better.country == pointed[0] or candidate.place.country not in pointed
            ):
                candidate = replace(candidate, place=better)
        resolved.append(candidate)
    return resolved


def _pointed_countries(
    candidates: Sequence[Candidate], dateline: Dateline | None, hints: dict[str, float]
) -> list[str]:
    pointed = [dateline.place.country] if dateline is not None else []
    for candidate in candidates:
        if len({p.country for p in candidate.readings}) == 1 and candidate.weight >= 1.0:
            pointed.append(candidate.place.country)
    pointed += sorted(hints, key=lambda c: -hints[c])
    return list(dict.fromkeys(pointed))


def described_places(scans: Sequence[Scan], country: str) -> list[Candidate]:
    """Every place a document names in a country, as candidates after the incident's own."""
    return [
        mention_candidate(scan, found, _IN_DESCRIPTION, False, _DESCRIPTION_TIER)
        for scan in scans
        for found in scan.places
        if found.place.country == country
    ]


_IN_DESCRIPTION = "in the description"
_DESCRIPTION_TIER = 3


def most_specific(candidates: Sequence[Candidate], country: str | None) -> Candidate | None:
    """The finest candidate in the country (site < town < district < province < country)."""
    inside = [c for c in candidates if country is None or c.place.country == country]
    return min(inside, key=_specificity, default=None)


def _specificity(candidate: Candidate) -> tuple[int, int, float, int]:
    # Among places of one kind in one sentence, the one the event is placed in ('abducted from
    # his home in Cucuta') before one named otherwise ('the mayor of Puerto Santander').
    tier, offset = candidate.order
    return _KIND_RANK.get(candidate.place.kind, 5), tier, -candidate.weight, offset


__all__ = [
    "Candidate",
    "Dateline",
    "choose_country",
    "contained_places",
    "country_hints",
    "described_places",
    "find_dateline",
    "mention_candidate",
    "mention_weight",
    "most_specific",
    "name_candidate",
    "resolve_readings",
    "settlements_of",
]
