"""The words around a place name that say how a text uses it (lexicons/place_cues.tsv).

Roles: locative ('in Kandahar'), nearby ('near Hebron'), origin ('fired from Gaza'), reference
('40 km south of Baghdad'), modifier ('the U.S. embassy'), settlement ('the village of Lausa'),
feature ('Jahangir Road' is a site), state_body ('Turkish police'), organisation ('the Salah
al-Din Brigades', 'the University of Magdalena': the place is part of a name).
place_candidates.py weighs a mention by them; settlements.py finds the settlements the gazetteer
lacks with them.
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.extract.words import read_roles

ROLES = frozenset(
    {
        "locative",
        "nearby",
        "origin",
        "reference",
        "modifier",
        "organisation",
        "settlement",
        "feature",
        "state_body",
    }
)
# How much a mention speaks for its country, by the cue before or after it; 'coded' is a place
# followed by the places it lies in ('Buea subdivision (Fako, Sud-Ouest)'), as notes code them.
WEIGHTS = {
    "coded": 1.75,
    "locative": 1.5,
    "nearby": 1.0,
    "origin": 0.5,
    "reference": 0.5,
    "modifier": 0.25,
    "organisation": 0.25,
}
KIND_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
# Division words after a settlement's name ('Malende subdivision (Meme, Sud-Ouest)').
DIVISIONS = (
    "district|subdivision|county|payam|commune|sector|chiefdom|LGA|area|locality"
    "|neighbou?rhood|suburb|quarter"
)
# Words after a town's name that make it the district around it ('Pulwama district').
DISTRICTS = "district|tehsil|subdivision|county"
# A compass word ('west', 'north-east', 'southern'), as in '40 km west of' or 'northern Baghdad'.
COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?"


@cache
def cue_words(role: str) -> tuple[str, ...]:
    """The words of one role, longest first."""
    return _cues().get(role, ())


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    found = read_roles("place_cues.tsv", ROLES)
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in found.items()}


def cue_alternation(role: str) -> str:
    """A regex alternation of one role's words (spaces match any white space)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in cue_words(role))


def name_suffix() -> str:
    """A regex for the settlement or division word that may follow a name ('Ikata village')."""
    return rf"(?:\s+(?:{cue_alternation('settlement')}|{DIVISIONS}))?"


__all__ = [
    "COMPASS",
    "DISTRICTS",
    "DIVISIONS",
    "KIND_RANK",
    "ROLES",
    "WEIGHTS",
    "cue_alternation",
    "cue_words",
    "name_suffix",
]
