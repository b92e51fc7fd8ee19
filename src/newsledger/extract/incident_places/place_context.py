"""How much each place candidate speaks for where an incident happened, and the choice.

place_candidates.py makes a candidate of each place named around an incident (with its readings
and weight); this module adds the document's hints and picks the country and the place:
  readings   an ambiguous name takes its reading in a country the document points to (the
             dateline, an unambiguous place, a hint), the dateline's first.
  hints      weak signs of a country that name no place of the event, 0.5 each: where an armed
             group fights (lexicons/actor_countries.tsv: 'ELN' -> Colombia), a country in its name
             ('Revolutionary Armed Forces of Colombia'), a nationality before a state organ
             ('Turkish police'); and 0.25 for each place with one reading the document names (a
             container told right after a place casts no vote of its own).
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
from dataclasses import replace
from functools import cache

from newsledger.errors import LexiconError
from newsledger.extract.incident_places.datelines import Dateline
from newsledger.extract.incident_places.place_candidates import (
    Candidate,
    contained_by,
    mention_candidate,
    readings_of,
)
from newsledger.extract.incident_places.place_cues import KIND_RANK, cue_alternation
from newsledger.extract.parties import ActorMention, actor_kind
from newsledger.extract.places import demonym_country, find_places, gazetteer, lookup_place
from newsledger.extract.scan import Scan
from newsledger.extract.words import read_lexicon

_HINT_WEIGHT = 0.5
_DOCUMENT_WEIGHT = 0.25
_WIRE_WEIGHT = 1.0
_PARTIES = frozenset({"armed_group", "state_force"})


@cache
def _state_body_pattern() -> re.Pattern[str]:
    return re.compile(rf"^\s+(?:{cue_alternation('state_body')})\b")


# --- hints ------------------------------------------------------------------------------------


def country_hints(scans: Sequence[Scan], places: bool = True) -> dict[str, float]:
    """Weak signs of the document's country, weighted (module docstring); ``places`` False
    leaves out the places the document names, keeping the parties' and state organs' hints."""
    hints: dict[str, float] = {}
    for scan in scans:
        for found in scan.places if places else ():
            if contained_by(scan, found) is not None:
                continue  # 'Mecca (Saudi Arabia)' names one place, not two
            countries = {p.country for p in readings_of(found)}
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
    placed = _pointed_countries(candidates, dateline, {})
    resolved = []
    for candidate in candidates:
        if pointed and candidate.place.country != pointed[0] and len(candidate.readings) > 1:
            # one of our own rows moves only to a country a place points to: 'near Damascus'
            # of 'US strikes' stays Syria's, 'Sud-Ouest' beside 'Fako' is Cameroon's
            towards = placed if candidate.place in gazetteer().vouched else pointed
            better = next(
                (p for country in towards for p in candidate.readings if p.country == country),
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
    "choose_country",
    "country_hints",
    "described_places",
    "document_places",
    "fallback_place",
    "most_specific",
    "resolve_readings",
]
