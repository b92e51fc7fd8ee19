"""What newsledger predicts for a labelled row, and whether it agrees with the label.

Predictions (``predict``), from the pipeline's Extraction of the row's text:
  - the incident is the document's first incident (``Extraction.incidents[0]``), when there is one;
  - killed / injured: the incident's toll (its low bound); without an incident or toll, the killed
    (injured) figure with the largest lower bound, the first on a tie; none -> None, read as 0;
    killed_incident / injured_incident: the incident's toll alone (no incident, no toll -> 0)
    because the data sets code "no deaths reported" as 0;
  - country / place: the incident's; else, among the places named in the text (find_places) and
    in the figures' locations, the most specific one (the first on a tie) - inside the
    dateline's country when the text opens with one (datelines.py: "FRANCE.  A bomb exploded
    ...", "KABUL - Gunmen ..."), else in the country most of those places lie in;
  - perpetrator: the incident's, with "Unidentified armed group" (gunmen, militants, bombers) read
    as not named; without an incident, the first armed group or state force named in the text;
  - event and sub-event type: the incident's; else ``classify_event`` over the whole text; the
    whole text's sub-event type is also kept on its own (``text_sub_event_type``), to compare.

Agreement (the metric's definition; changing it changes every score):
  - counts: exact equality, scored only on rows whose text states the coded number
    (``states_count``);
  - country: the gold name and the prediction are each mapped to a country through the
    gazetteer (lookup_place; "West Bank/Gaza" and "FRY (Kosovo)" are tried part by part); equal
    after folding case and accents, or the prediction names the gold region ("Chechnya");
  - place: the predicted place is the gold place, or lies inside it (its admin1 is the gold name),
    compared by gazetteer entry, by folded name, or by spelling_key (one place's
    transliterations: 'Samarra' and 'Samara');
  - perpetrator: the prediction's canonical actor equals the canonical actor of the gold name or of
    one of its parts ("Hamas (Islamic Resistance Movement)", "JNIM: Group for Support of Islam and
    Muslims"); gold "Unknown", "Other", "Unidentified ..." and crowds ("Rioters (X)") are not
    scored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsledger.extract.incident_places import read_dateline
from newsledger.extract.incidents import classify_event
from newsledger.extract.numbers import find_quantities, word_to_int
from newsledger.extract.parties import actor_kind, canonical_actor, find_actors
from newsledger.extract.places import (
    Place,
    find_places,
    lookup_place,
    normalise_place,
    place_closure,
)
from newsledger.extract.words import spelling_key, split_sentences
from newsledger.model import Extraction, Figure, Incident, IncidentCount, Measure

UNNAMED_PERPETRATORS = frozenset({"unidentified armed group", "unknown", "unidentified"})
_PLACE_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
_PARTIES = ("armed_group", "state_force")
# Gold perpetrators that name no group: not scored.
_UNSTATED_PERPETRATOR = re.compile(
    r"^(?:unknown|other|none|unidentified|unspecified|rioters|protesters|civilians)\b|unidentified",
    re.IGNORECASE)
# How a text says that nobody was killed / hurt; the data sets code that as 0.
_NOBODY = r"\bno(?:\s+one|body|\s+people|\s+persons?)\b[^.;]{0,30}?\b"
_ZERO = {
    Measure.KILLED: re.compile(
        _NOBODY + r"(?:killed|died|dead|hurt|harmed|injured|wounded)"
        r"|\bno\s+(?:casualt|fatalit|deaths?\b|loss\s+of\s+life|one\s+(?:was|were)\s+hurt)"
        r"|\bwithout\s+(?:casualt|loss\s+of\s+life)|\bunharmed\b|\bunhurt\b", re.IGNORECASE),
    Measure.INJURED: re.compile(
        _NOBODY + r"(?:hurt|harmed|injured|wounded)"
        r"|\bno\s+(?:casualt|injur|one\s+(?:was|were)\s+hurt)"
        r"|\bwithout\s+(?:casualt|injur)|\bunharmed\b|\bunhurt\b", re.IGNORECASE),
}


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the pipeline says about one row (None: it says nothing)."""

    killed: int | None = None
    injured: int | None = None
    killed_incident: int | None = None  # the first incident's toll alone, no figure fallback
    injured_incident: int | None = None
    killed_figures: tuple[int, ...] = ()  # every killed figure's low bound, for error analysis
    injured_figures: tuple[int, ...] = ()
    country: str | None = None
    place: str | None = None
    place_admin1: str | None = None  # the province the place lies in, when known
    perpetrator: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    text_sub_event_type: str | None = None  # classify_event over the whole text
    text_classified: bool = False  # whether text_sub_event_type was computed
    from_incident: bool = False
    place_source: str | None = None  # incident | dateline | text: which rule gave the place


# --- predictions ------------------------------------------------------------------------------


def predict(extraction: Extraction) -> Prediction:
    """The row-level prediction from one extraction (rules in the module docstring)."""
    incidents: Sequence[Incident] = getattr(extraction, "incidents", ())
    incident = incidents[0] if incidents else None
    figures = extraction.figures
    text = extraction.document.text
    place, source = _incident_place(incident), "incident"
    if place is None:
        place, source = text_place(text, figures)
    event = classify_event(text)
    return Prediction(
        killed=_count(incident.killed if incident else None, figures, Measure.KILLED),
        injured=_count(incident.injured if incident else None, figures, Measure.INJURED),
        killed_incident=incident.killed.low if incident and incident.killed else None,
        injured_incident=incident.injured.low if incident and incident.injured else None,
        killed_figures=_lows(figures, Measure.KILLED),
        injured_figures=_lows(figures, Measure.INJURED),
        # The incident's own country field: a place name looked up again can land abroad
        # ("San Jose" under a COSTA RICA dateline).
        country=(incident.country if incident and incident.country else None)
        or (place.country if place else None),
        place=place.name if place else None,
        place_admin1=place.admin1 if place else None,
        perpetrator=_perpetrator(incident, text),
        event_type=incident.type if incident and incident.sub_type else
        (event.event_type if event else None),
        sub_event_type=incident.sub_type if incident and incident.sub_type else
        (event.sub_event_type if event else None),
        text_sub_event_type=event.sub_event_type if event else None,
        text_classified=True,
        from_incident=incident is not None,
        place_source=source if place else None,
    )


def text_place(text: str, figures: Sequence[Figure] = ()) -> tuple[Place | None, str]:
    """The most specific place of a text and its figures, in the dateline's country if the text
    opens with one, else in the country most of its places lie in (the first on a tie)."""
    mentions = find_places(text)
    places = [m.place for m in mentions] + _figure_places(figures)
    if not places:
        return None, "text"
    sentences = split_sentences(text)
    dateline = read_dateline(sentences[0].text) if sentences else None
    if dateline is not None:  # "FRANCE.  A bomb ...", "KABUL - Gunmen ..."
        country, rule = dateline.place.country, "dateline"
        places.append(dateline.place)
    else:
        votes = Counter(p.country for p in places)
        country, rule = max(votes, key=lambda c: votes[c]), "text"  # max keeps the first on a tie
    return most_specific(p for p in places if p.country == country), rule


def _lows(figures: Sequence[Figure], measure: Measure) -> tuple[int, ...]:
    return tuple(f.quantity.low for f in figures if f.measure is measure)


def largest_count(figures: Iterable[Figure], measure: Measure) -> int | None:
    """The largest lower bound among the figures of one measure (None: no such figure)."""
    lows = [f.quantity.low for f in figures if f.measure is measure]
    return max(lows) if lows else None


def _count(toll: IncidentCount | None, figures: Sequence[Figure], measure: Measure) -> int | None:
    return toll.low if toll is not None else largest_count(figures, measure)


def _incident_place(incident: Incident | None) -> Place | None:
    if incident is None or not incident.place:
        return None
    found = lookup_place(incident.place)
    if found is not None:
        return found
    return Place(incident.place, "site", incident.country or "", incident.admin1)


def _figure_places(figures: Sequence[Figure]) -> list[Place]:
    return [p for f in figures for name in f.locations if (p := lookup_place(name))]


def most_specific(places: Iterable[Place]) -> Place | None:
    """The finest place (site < city < district < province < country), the first on a tie."""
    return min(places, key=lambda p: _PLACE_RANK.get(p.kind, 5), default=None)


def _perpetrator(incident: Incident | None, text: str) -> str | None:
    if incident is not None:
        named = incident.perpetrator
        return None if named is None or named.lower() in UNNAMED_PERPETRATORS else named
    return next((m.canonical for m in find_actors(text) if m.kind in _PARTIES), None)


# --- what a text states -----------------------------------------------------------------------


def stated_numbers(text: str) -> set[int]:
    """Every whole number the text states, in digits or words ('3', 'three', 'twenty-one')."""
    found = {q.low for q in find_quantities(text)}
    found |= {q.high for q in find_quantities(text) if q.high is not None}
    for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", text):
        value = word_to_int(word)
        if value is not None:
            found.add(value)
    return found


def states_count(text: str, value: int, measure: Measure) -> bool:
    """Whether the text states the coded count: the number itself, or for 0 'no one was hurt'."""
    if value == 0:
        zero = _ZERO.get(measure)
        return bool(zero and zero.search(text))
    return value in stated_numbers(text)


# --- agreement --------------------------------------------------------------------------------


def name_variants(name: str) -> list[str]:
    """A data set's name and its parts: 'West Bank/Gaza' -> West Bank, Gaza; 'A (B)' -> A, B;
    'X Village' -> X.

    An inverted name is also tried the right way round ('Korea, South' -> 'South Korea').
    """
    variants = [name, re.sub(r"[()]", " ", name)]  # "Islamic State (West Africa)"
    inside = re.findall(r"\(([^)]*)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name).strip()
    variants += [outside, *inside]
    for part in list(variants):
        variants += [p for p in re.split(r"[/:;]| - ", part) if p.strip()]
    variants += [re.sub(r"\s+[Vv]illage$", "", v) for v in variants]  # 'Kutidurgapur Village'
    for part in list(variants):
        head, comma, tail = part.partition(",")
        if comma and tail.strip() and " " not in head.strip():
            variants.append(f"{tail.strip()} {head.strip()}")
    return [v for v in dict.fromkeys(" ".join(v.split()) for v in variants) if v]


def country_keys(name: str) -> set[str]:
    """Folded names a country label stands for: itself, its parts, and their gazetteer countries."""
    keys = set()
    for variant in name_variants(name):
        keys.add(normalise_place(variant))
        place = lookup_place(variant)
        if place is not None:
            keys.add(normalise_place(place.country))
    keys.discard("")
    return keys


def same_country(predicted: str | None, gold: str) -> bool:
    """Whether the predicted country is the gold one (names mapped through the gazetteer)."""
    if not predicted:
        return False
    return bool(country_keys(predicted) & country_keys(gold))


def same_place(predicted: str | None, gold: str, admin1: str | None = None) -> bool:
    """Whether the predicted place is the gold place or lies inside it (by the gazetteer, or by
    ``admin1``, the province the pipeline placed it in: 'Greshk District' of Helmand)."""
    if not predicted:
        return False
    if admin1 and same_place(admin1, gold):
        return True
    gold_place, place = lookup_place(gold), lookup_place(predicted)
    if gold_place is not None and place is not None and gold_place == place:
        return True
    gold_keys = {normalise_place(v) for v in name_variants(gold)}
    if gold_place is not None:
        gold_keys.add(normalise_place(gold_place.name))
    own = {normalise_place(predicted)}
    if place is not None:
        own |= place_closure(place) - {normalise_place(place.country)}
    return bool(own & gold_keys) or bool(
        {spelling_key(k) for k in own} & {spelling_key(k) for k in gold_keys} - {""})


def perpetrator_scored(gold: str | None) -> bool:
    """Whether a gold perpetrator names a group (Unknown, Other, Unidentified... are not scored)."""
    return bool(gold and gold.strip()) and not _UNSTATED_PERPETRATOR.search(gold or "")


def actor_key(name: str) -> str:
    """The folded canonical actor of a name: of its first variant our actor table knows, else
    of the name itself ('Hamas (Islamic Resistance Movement)' -> 'hamas')."""
    known = next((v for v in name_variants(name) if actor_kind(v) is not None), name)
    return canonical_actor(known).casefold()


def same_perpetrator(predicted: str | None, gold: str) -> bool:
    """Whether the predicted perpetrator is the gold actor, through our actor table."""
    return bool(predicted) and actor_key(predicted or "") == actor_key(gold)


__all__ = [
    "Prediction",
    "actor_key",
    "country_keys",
    "largest_count",
    "most_specific",
    "name_variants",
    "perpetrator_scored",
    "predict",
    "same_country",
    "same_perpetrator",
    "same_place",
    "stated_numbers",
    "states_count",
]
