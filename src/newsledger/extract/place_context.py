"""How much each place named around an incident speaks for where it happened.

incident_fields.py gathers an incident's place candidates (its sentences' places, its tolls'
places, settlements.py's unlisted settlements); this module weighs them and picks one:
  readings   every gazetteer reading of a name ('San Jose': the United States, Costa Rica, the
             Philippines); an ambiguous name takes its reading in a country the document points
             to (the dateline, an unambiguous place, a hint), the dateline's first. A name right
             before a coarser place that contains it ('Tripoli, Lebanon', 'Rivera (Huila
             Department)', 'Golbahar in Parwan Province') takes its reading there; with none
             there, the container stands in (a place name must look up to the place it names).
  quarters   a quarter named with its town is coded as the town, as incident data sets do ('the
             Agia Paraskevi suburb of Athens', 'Kadhimiya, Baghdad'; not a list of towns); a
             province named as a district's container is the province ('the Charbolak District of
             Balkh Province'), not the town of that name.
  weight     how much a mention speaks for its country (place_cues.py): after 'in' or 'at' 1.5,
             before a bracket of the places it lies in 1.75, after 'near' 1, after 'from', 'to' or
             '40 km south of' 0.5, before 'embassy', '-based', 'company' 0.25 ('the U.S. embassy'),
             inside an organisation's name 0.25 ('the Salah al-Din Brigades'); else 1. Mentions
             in later sentences count three quarters.
  hints      weak signs of a country that name no place of the event, 0.5 each: where an armed
             group fights (lexicons/actor_countries.tsv: 'ELN' -> Colombia), a country in its name
             ('Revolutionary Armed Forces of Colombia'), a nationality before a state organ
             ('Turkish police'); and 0.25 for each place with one reading the document names.
  country    a heading's country (datelines.py); else the country with the most weight among the
             candidates, a wire dateline (1) and the hints; on a tie, the finest candidate's.
  place      the finest candidate in that country (site < town < district < province < country),
             among equals the incident's own sentence first, then the more weighty, then the first
             named. A heading opens a one-incident description: its other sentences' places count
             too. Without a candidate in the country: the heading's place, a wire dateline's when
             nothing else is named; an incident that names no place takes the country the whole
             document names most and its finest place there ('Attacks on police are frequent in
             Iraq'); in a document that names no place, the country the hints point to, else the
             one its nationality words point to ('the home of an Iraqi judge').
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from newsledger.errors import LexiconError
from newsledger.extract.actors import ActorMention, actor_kind
from newsledger.extract.datelines import Dateline
from newsledger.extract.gazetteer import PROVINCE_WORDS
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
    distance_km,
    find_places,
    gazetteer,
    lookup_place,
    phrase_key,
    read_lexicon,
)
from newsledger.extract.scan import Scan

_LATER_WEIGHT = 0.75
_HINT_WEIGHT = 0.5
_DOCUMENT_WEIGHT = 0.25
_WIRE_WEIGHT = 1.0
_PARTIES = frozenset({"armed_group", "state_force"})


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
def _before_pattern() -> re.Pattern[str]:
    # The nearest cue before a name, with an article and one lower-case word between
    # ('in downtown Beirut', 'from the northern Gaza Strip').
    roles = ("locative", "nearby", "origin", "reference")
    cues = "|".join(f"(?P<{role}>{cue_alternation(role)})" for role in roles)
    return re.compile(
        rf"(?<![\w-])(?:{cues})\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+)?$", re.IGNORECASE
    )


@cache
def _modifier_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:-|\s+)(?:{cue_alternation('modifier')})\b", re.IGNORECASE)


@cache
def _state_body_pattern() -> re.Pattern[str]:
    return re.compile(rf"^\s+(?:{cue_alternation('state_body')})\b")


# --- candidates -------------------------------------------------------------------------------


def mention_candidate(
    scan: Scan, mention: PlaceMention, where: str, near: bool, tier: int
) -> Candidate:
    """A candidate from a place named in a sentence, with its readings and weight."""
    readings = _read_inside(scan, mention)
    if _after_district(scan, mention):  # 'X District of Balkh Province': the province
        readings = tuple(sorted(readings, key=lambda p: p.kind != "admin1"))
    town = None
    if readings == _readings(mention) and readings[0].kind in ("city", "site"):
        town = _town_of_quarter(scan, mention)
        if town is not None:
            readings = (town, *readings)
    after = scan.text_between(mention.end, scan.sentence.end)
    district = re.search(rf"\s{_DISTRICT}$", mention.text, re.I) or re.match(
        rf"\s+{_DISTRICT}\b", after, re.I
    )
    if town is None and readings[0].kind == "city" and district:
        readings = (replace(readings[0], kind="admin2"), *readings)  # 'in Pulwama district'
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
    """The readings of a coarser place right after a mention: 'X, Y', 'X (Y', 'X in Y'; read
    inside its own container ('Babila area (Mambasa, Ituri)': the Mambasa of Ituri's country)."""
    return next((_read_inside(scan, found) for found in _containing(scan, mention)), ())


def _read_inside(scan: Scan, mention: PlaceMention) -> tuple[Place, ...]:
    """A mention's readings, those in the country of the place it is told to lie in first."""
    readings = _readings(mention)
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


# The word after a town's name that makes it the district ('Pulwama district').
_DISTRICT = "(?:district|tehsil|subdivision|county)"


@cache
def _district_before() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:district|county|subdivision|tehsil)\s*(?:,|\bof|\bin)\s+(?:the\s+)?$", re.IGNORECASE
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
_REGION = r"(?:(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|central)\s+)?"


def name_candidate(
    name: str, place: Place, where: str, near: bool, order: tuple[int, int]
) -> Candidate:
    """A candidate from a place name a figure carries (its location) and its gazetteer entry."""
    readings = tuple(gazetteer().lookup.get(phrase_key(name), ()))
    return Candidate(place, where, near, readings if place in readings else (place,), 1.0, order)


def mention_weight(scan: Scan, mention: PlaceMention) -> float:
    """How much a mention speaks for its country (module docstring); a container told right
    after a place ('pilgrims to Mecca (Saudi Arabia)') speaks as much as the place it holds."""
    contained = _contained_by(scan, mention)
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


def _contained_by(scan: Scan, mention: PlaceMention) -> PlaceMention | None:
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


# --- hints ------------------------------------------------------------------------------------


def country_hints(scans: Sequence[Scan], places: bool = True) -> dict[str, float]:
    """Weak signs of the document's country, weighted (module docstring); ``places`` False
    leaves out the places the document names, keeping the parties' and state organs' hints."""
    hints: dict[str, float] = {}
    for scan in scans:
        for found in scan.places if places else ():
            if _contained_by(scan, found) is not None:
                continue  # 'Mecca (Saudi Arabia)' names one place, not two
            countries = {p.country for p in _readings(found)}
            if len(countries) == 1:  # 'Rivera' (Uruguay? Colombia?) points nowhere
                _vote(hints, found.place.country, _DOCUMENT_WEIGHT)
        for actor in scan.actors:
            for country in _party_countries(actor):
                _vote(hints, country, _HINT_WEIGHT)
        for country in _state_demonyms(scan):
            _vote(hints, country, _HINT_WEIGHT)
    return hints


def _party_countries(actor: ActorMention) -> list[str]:
    """'Revolutionary Armed Forces of Colombia' -> Colombia; 'ELN' -> Colombia (where it fights)."""
    if actor.kind not in _PARTIES:
        return []
    home = _actor_countries().get(actor.canonical)
    return [home] if home else [found.place.country for found in find_places(actor.text)]


@cache
def _actor_countries() -> dict[str, str]:
    found = {}
    for line, (actor, country) in read_lexicon("actor_countries.tsv", 2):
        place = lookup_place(country)
        if actor_kind(actor) is None or place is None or place.kind != "country":
            raise LexiconError(
                "lexicons/actor_countries.tsv",
                line,
                f"{actor!r} is no actor of actors.tsv or {country!r} no country of the gazetteer",
            )
        found[actor] = place.country
    return found


def _nationalities(scans: Sequence[Scan]) -> dict[str, float]:
    """Countries of every nationality word ('an Iraqi minister', 'Basque police'), weighted 1."""
    votes: dict[str, float] = {}
    for scan in scans:
        for _, country in _demonyms(scan.sentence.text):
            _vote(votes, country, 1.0)
    return votes


def _state_demonyms(scan: Scan) -> list[str]:
    """Countries of nationalities before a state organ: 'Turkish authorities' -> Turkey."""
    text = scan.sentence.text
    return [c for end, c in _demonyms(text) if _state_body_pattern().match(text[end:])]


def _demonyms(text: str) -> list[tuple[int, str]]:
    """(end offset, country) of each nationality word in a text."""
    found = ((m.end(), demonym_country(m.group())) for m in _CAPITALISED.finditer(text))
    return [(end, country) for end, country in found if country]


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


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


def fallback_place(
    candidates: Sequence[Candidate],
    dateline: Dateline | None,
    scans: Sequence[Scan],
    named_places: Sequence[Candidate],
    country: str | None = None,
) -> Candidate | None:
    """Without a place in the incident's country: a heading's place, or - with no candidate at
    all - a wire dateline's, else the finest place the document names elsewhere in the country
    it names most ('Attacks on police are frequent in Iraq'); in a document that names no
    place, the country its parties and state organs point to ('ELN rebels kidnapped the mayor'
    is in Colombia), else the one its nationality words point to most ('the home of a Basque
    police officer')."""
    if dateline is not None and (dateline.heading or not candidates):
        return Candidate(dateline.place, "named in the dateline", False)
    named = most_specific(named_places, country) if country else None
    if not candidates and named is not None:  # the finest place the document names there
        return named
    if candidates or any(scan.places for scan in scans):
        return None
    hints = country_hints(scans, places=False) or _nationalities(scans)
    country = max(hints, key=lambda c: hints[c], default=None)
    place = lookup_place(country) if country else None
    if place is None:
        return None
    return Candidate(place, "inferred from the parties and state organs named", False)


def document_places(scans: Sequence[Scan]) -> list[Candidate]:
    """Every place the document names, as candidates that speak for their country only."""
    return [
        mention_candidate(scan, found, "named elsewhere in the document", False, _DESCRIPTION_TIER)
        for scan in scans
        for found in scan.places
    ]


def described_places(scans: Sequence[Scan], dateline: Dateline) -> list[Candidate]:
    """Every place a document names in its dateline's country, but the dateline's own, as
    candidates after the incident's own."""
    return [
        mention_candidate(scan, found, _IN_DESCRIPTION, False, _DESCRIPTION_TIER)
        for scan in scans
        for found in scan.places
        if found.place.country == dateline.place.country and found.place != dateline.place
    ]


_IN_DESCRIPTION = "named in the description"
_DESCRIPTION_TIER = 3


def most_specific(candidates: Sequence[Candidate], country: str | None) -> Candidate | None:
    """The finest candidate in the country (site < town < district < province < country)."""
    inside = [c for c in candidates if country is None or c.place.country == country]
    return min(inside, key=_specificity, default=None)


def _specificity(candidate: Candidate) -> tuple[int, int, float, int]:
    # Among places of one kind in one sentence, the one the event is placed in ('abducted from
    # his home in Cucuta') before one named otherwise ('the mayor of Puerto Santander').
    tier, offset = candidate.order
    return KIND_RANK.get(candidate.place.kind, 5), tier, -candidate.weight, offset


__all__ = [
    "Candidate",
    "choose_country",
    "country_hints",
    "described_places",
    "document_places",
    "fallback_place",
    "mention_candidate",
    "mention_weight",
    "most_specific",
    "name_candidate",
    "resolve_readings",
]
