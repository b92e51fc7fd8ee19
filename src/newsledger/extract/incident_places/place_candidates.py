"""Place candidates: each place named around an incident, with its readings and weight.

incident_fields.py gathers an incident's place candidates (its sentences' places, its tolls'
places, settlements.py's unlisted settlements, capitals.py's described capitals); this module
makes a candidate of each mention, and place_context.py weighs them and picks one:
  readings   every gazetteer reading of a name ('San Jose': the United States, Costa Rica, the
             Philippines). A name right before a coarser place that contains it ('Tripoli,
             Lebanon', 'Rivera (Huila Department)', 'Golbahar in Parwan Province') takes its
             reading there, the container itself read inside its own ('Babila (Mambasa, Ituri)');
             with none there, the container stands in (a place name must look up to the place it
             names). A town's name before 'district' is the district ('in Pulwama district').
  quarters   a quarter named with its town is coded as the town, as incident data sets do ('the
             Agia Paraskevi suburb of Athens', 'Kadhimiya, Baghdad', 'the Al-Khalis area of
             northern Ba'qubah'; not a list of towns); a province named as a district's container
             is the province ('the Charbolak District of Balkh Province'), not the town of that
             name.
  weight     how much a mention speaks for its country (place_cues.py): after 'in' or 'at' 1.5,
             before a bracket of the places it lies in 1.75 (not a country glossing a foreign
             name: 'Mecca (Saudi Arabia)'), after 'near' or 'toward' 1, after 'from', 'to' or '40
             km south of' 0.5, before 'embassy', '-based', 'company', 'River' 0.25 ('the U.S.
             embassy'), inside an organisation's name 0.25 ('the Salah al-Din Brigades', 'the Turin
             Hotel'); a container right after a place as much as the place; else 1. Mentions in
             later sentences count three quarters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from newsledger.extract.folded import FoldedPattern
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
from newsledger.extract.places import PROVINCE_WORDS, Place, PlaceMention, distance_km, gazetteer
from newsledger.extract.scan import Scan
from newsledger.extract.words import phrase_key

_LATER_WEIGHT = 0.75


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
def _before_pattern() -> FoldedPattern:
    # The nearest cue before a name, with an article and one lower-case word between
    # ('in downtown Beirut', 'from the northern Gaza Strip').
    roles = ("locative", "nearby", "origin", "reference")
    cues = "|".join(f"(?P<{role}>{cue_alternation(role)})" for role in roles)
    return FoldedPattern(re.compile(
        rf"(?<![\w-])(?:{cues})\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+)?$", re.IGNORECASE
    ))


@cache
def _modifier_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:-|\s+)(?:{cue_alternation('modifier')})\b", re.IGNORECASE)


# --- candidates -------------------------------------------------------------------------------


def mention_candidate(
    scan: Scan, mention: PlaceMention, where: str, near: bool, tier: int
) -> Candidate:
    """A candidate from a place named in a sentence, with its readings and weight."""
    readings = _read_inside(scan, mention)
    if _after_district(scan, mention):  # 'X District of Balkh Province': the province
        readings = tuple(sorted(readings, key=lambda p: p.kind != "admin1"))
    town = None
    if readings == readings_of(mention) and readings[0].kind in ("city", "site"):
        town = _town_of_quarter(scan, mention)
        if town is not None:
            readings = (town, *readings)
    after = scan.text_between(mention.end, scan.sentence.end)
    district = re.search(rf"\s(?:{DISTRICTS})$", mention.text, re.I) or re.match(
        rf"\s+(?:{DISTRICTS})\b", after, re.I
    )
    if town is None and readings[0].kind == "city" and district:
        readings = (replace(readings[0], kind="admin2"), *readings)  # 'in Pulwama district'
    weight = mention_weight(scan, mention) * (_LATER_WEIGHT if tier == 2 else 1.0)
    return Candidate(readings[0], where, near, readings, weight, (tier, mention.start))


def readings_of(mention: PlaceMention) -> tuple[Place, ...]:
    """Every gazetteer reading of a mention's name, the one find_places chose first."""
    readings = gazetteer().candidates(mention.text)
    return (mention.place, *(p for p in readings if p != mention.place))


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
    """The readings of a coarser place right after a mention: 'X, Y', 'X (Y', 'X in Y'; read
    inside its own container ('Babila area (Mambasa, Ituri)': the Mambasa of Ituri's country)."""
    return next((_read_inside(scan, found) for found in _containing(scan, mention)), ())


def _read_inside(scan: Scan, mention: PlaceMention) -> tuple[Place, ...]:
    """A mention's readings, those in the country of the place it is told to lie in first."""
    readings = readings_of(mention)
    containers = _containers(scan, mention)
    if containers and not any(p.country == containers[0].country for p in readings[:1]):
        return _inside(readings, containers)
    return readings


def _containing(scan: Scan, mention: PlaceMention) -> tuple[PlaceMention, ...]:
    """The coarser place named right after a mention as the one it lies in, if any."""
    after = [p for p in scan.places if p.start >= mention.end]
    if not after:
        return ()
    following = min(after, key=lambda p: p.start)
    gap = scan.text_between(mention.end, following.start)
    coarser = KIND_RANK.get(following.place.kind, 5) > KIND_RANK.get(mention.place.kind, 5)
    return (following,) if coarser and _within_pattern().match(gap) else ()


def _after_district(scan: Scan, mention: PlaceMention) -> bool:
    """Whether the name is a province told as the place a district lies in ('the Charbolak
    District of Balkh Province'): the province, not the town of that name. A bare name ('the
    Rangae district of Narathiwat') is left as it is: incident data code the town there."""
    before = scan.text_between(scan.sentence.start, mention.start)[-30:]
    last = mention.text.rsplit(maxsplit=1)[-1].lower()
    return last in PROVINCE_WORDS and bool(_district_before().search(before))




@cache
def _district_before() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{DISTRICTS})\s*(?:,|\bof|\bin)\s+(?:the\s+)?$", re.IGNORECASE
    )


def _town_of_quarter(scan: Scan, mention: PlaceMention) -> Place | None:
    """The town a quarter lies in, as incident data code it: 'the Dora district of Baghdad',
    'the Agia Paraskevi suburb of Athens', 'Kadhimiya, Baghdad' - not the next town of a list
    ('in Baghdad, Mosul and Kirkuk'), which lies farther than a quarter can."""
    after = [p for p in scan.places if p.start >= mention.end]
    if not after:
        return None
    following = min(after, key=lambda p: p.start)
    if following.place.kind != "city" or re.search(rf"\s(?:{DIVISIONS})$", following.text, re.I):
        return None
    gap = scan.text_between(mention.end, following.start)
    if _quarter_pattern().match(gap):  # 'the Dora district of Baghdad'
        return following.place
    if gap.strip() != ",":
        return None
    distance = distance_km(mention.place, following.place)
    listed = mention.place.country == following.place.country and (
        distance is None or distance > _QUARTER_KM
    )
    return None if listed else following.place


_QUARTER_KM = 25.0  # a quarter or suburb lies this close to its town's centre


@cache
def _quarter_pattern() -> re.Pattern[str]:
    return re.compile(rf"^\s+(?:{DIVISIONS})\s+of\s+(?:the\s+)?{_REGION}$", re.IGNORECASE)


@cache
def _within_pattern() -> re.Pattern[str]:
    # 'Raman district in southern Thailand'
    return re.compile(
        rf"^{name_suffix()}(?:\s*,\s*|\s*\(\s*|\s+(?:in|of)\s+(?:the\s+)?{_REGION})$",
        re.IGNORECASE,
    )


# A part of a place told before its name ('southern Thailand', 'northern Ba'qubah')
_REGION = rf"(?:(?:{COMPASS}|central)\s+)?"


def name_candidate(
    name: str, place: Place, where: str, near: bool, order: tuple[int, int]
) -> Candidate:
    """A candidate from a place name a figure carries (its location) and its gazetteer entry."""
    readings = tuple(gazetteer().lookup.get(phrase_key(name), ()))
    return Candidate(place, where, near, readings if place in readings else (place,), 1.0, order)


def mention_weight(scan: Scan, mention: PlaceMention) -> float:
    """How much a mention speaks for its country (module docstring); a container told right
    after a place ('pilgrims to Mecca (Saudi Arabia)') speaks as much as the place it holds."""
    contained = contained_by(scan, mention)
    if contained is not None:
        return mention_weight(scan, contained)
    after = scan.text_between(mention.end, scan.sentence.end)[:25]
    before = scan.text_between(scan.sentence.start, mention.start)[-45:]
    if _in_organisation(before, after):
        return WEIGHTS["organisation"]
    if mention.place.kind in ("country", "admin1") and _modifier_pattern().match(after):
        return WEIGHTS["modifier"]
    if mention.place.kind in ("city", "site") and re.match(r"^-(?:based|owned)\b", after):
        return WEIGHTS["modifier"]
    if _coded(scan, mention):
        return WEIGHTS["coded"]  # 'Buea subdivision (Fako, Sud-Ouest)': the place a note codes
    found = _before_pattern().search(before)
    if found is None:
        return 1.0
    return next(WEIGHTS[role] for role, cue in found.groupdict().items() if cue)


def contained_by(scan: Scan, mention: PlaceMention) -> PlaceMention | None:
    """The finer place a mention is told as the container of: 'Mecca' in 'Mecca (Saudi Arabia'."""
    before = [p for p in scan.places if p.end <= mention.start]
    if not before:
        return None
    previous = max(before, key=lambda p: p.end)
    return previous if mention in _containing(scan, previous) else None


def _in_organisation(before: str, after: str) -> bool:
    """Whether the place is part of an organisation's name ('Front of Assam', 'Athens Bank')."""
    heads, tails = _organisation_words()
    return bool(tails.match(after) or heads.search(before))


@cache
def _organisation_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = cue_words("organisation")
    leading = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words if w.endswith(" of"))
    trailing = "|".join(re.escape(w) for w in words if not w.endswith(" of"))
    return (
        re.compile(rf"\b(?:{leading})\s+(?:the\s+)?$"),
        re.compile(rf"^(?:-|\s+)(?:{trailing})\b"),
    )


def _coded(scan: Scan, mention: PlaceMention) -> bool:
    """Whether the place comes before a bracket of the divisions it lies in, as incident notes
    code a place ('Buea subdivision (Fako, Sud-Ouest)'); a country alone in the bracket glosses
    a foreign name ('pilgrims to Mecca (Saudi Arabia)')."""
    if not _coded_pattern().match(scan.text_between(mention.end, scan.sentence.end)):
        return False
    return not any(p.place.kind == "country" for p in _containing(scan, mention))


@cache
def _coded_pattern() -> re.Pattern[str]:
    return re.compile(rf"^{name_suffix()},?\s+\(")


__all__ = [
    "Candidate",
    "contained_by",
    "mention_candidate",
    "mention_weight",
    "name_candidate",
    "readings_of",
]
