"""A person, or a pair of brothers, the story names as the doer of its attack.

'Dzhokhar Tsarnaev, one of the two brothers suspected of the bombing', 'Timothy Ray, who set off
the truck bomb', 'suspected bomber Ali Musa', 'the Tsarnaev brothers': the actor list holds groups
only, so the victims of such an attack had no doer. Only a name told in the doer's role counts:
officials, victims, spokesmen and witnesses are named in other roles and never match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsledger.extract.scan import Scan
from newsledger.lexicons import read_table

# a person's name: two or three capitalised words ("Dzhokhar Tsarnaev", "Timothy James Ray")
_PERSON = r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}"
_ATTACK = r"(?:bombings?|attacks?|shootings?|massacre|blasts?|explosions?|stabbings?)"

# "suspected bomber Ali Musa", "bombing suspect Ali Musa", "the gunman, Ali Musa,"
_ROLE_THEN_NAME = re.compile(
    rf"\b(?:(?:suspected|alleged|accused|convicted)\s+(?:bomber|gunman|attacker|shooter)"
    rf"|{_ATTACK}\s+suspect|(?:the|a)\s+(?:bomber|gunman|attacker|shooter))"
    rf",?\s+(?P<name>{_PERSON})\b"
)
# "Ali Musa, one of two men suspected of the bombing", "Ali Musa, who set off the truck bomb",
# "Ali Musa, accused of carrying out the attack": the role told right after the name
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_PERSON}),\s+(?:[^,.;]{{0,60}}?\s)?"
    r"(?:(?:who|which)\s+(?:\w+\s+)?(?:set\s+off|detonated|planted|carried\s+out|opened\s+fire)"
    r"|(?:suspected|accused|convicted|charged)\s+(?:of|with)\s+(?:carrying\s+out\s+|plotting\s+)?"
    rf"(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?{_ATTACK})\b"
)
# "the Tsarnaev brothers", told in a sentence about the attack
_SURNAME_BROTHERS = re.compile(r"\b(?P<surname>[A-Z][a-z][\w'’-]+)\s+brothers\b")
# "two brothers ..., Ali and Omar Musa, carried the bombs", "Omar and his brother, Ali Musa"
_TWO_BROTHERS = re.compile(
    r"\bbrothers\b[^.;]{0,80}?,\s+[A-Z][a-z]+\s+and\s+[A-Z][a-z]+\s+(?P<surname>[A-Z][a-z][\w'’-]+)"
    r"|\b[A-Z][a-z]+\s+and\s+his\s+brother,?\s+[A-Z][a-z]+\s+(?P<surname2>[A-Z][a-z][\w'’-]+)"
)
# "bombs detonated by the Musas": a family named by its surname as the doers
_BY_FAMILY = re.compile(r"\bby\s+the\s+(?P<surname>[A-Z][a-z][\w'’-]+?)s\b")
_ABOUT_ATTACK = re.compile(
    rf"\b(?:{_ATTACK}|bombs?|bombers?|set\s+off|detonat\w*|gunm[ae]n|suspects?)\b", re.IGNORECASE
)
# "Ann Lee, a lawyer for the man accused of the bombing": someone named for another role
_OTHER_ROLE = re.compile(
    r"\b(?:spokes\w*|lawyers?|attorneys?|friends?|mother|father|wife|husband|sister|uncle"
    r"|judge|officials?|prosecutors?|police|officers?|victims?|witness\w*|survivors?|relatives?"
    r"|neighbou?rs?|defen[cs]e)\b",
    re.IGNORECASE,
)


@cache
def _not_a_first_name() -> frozenset[str]:
    """Titles and sentence openers that come before a name without being part of it."""
    return frozenset(word for (word,) in read_table("person_name_stops.tsv", 1))


def person_doer(scans: Sequence[Scan]) -> str | None:
    """The person (or 'X brothers') the story names as its attack's doer, else None."""
    for scan in scans:
        text = scan.sentence.text
        brothers = _brothers(text)
        if brothers is not None:
            return brothers
    family = _family(scans)
    if family is not None:
        return family
    for scan in scans:
        text = scan.sentence.text
        for pattern in (_ROLE_THEN_NAME, _NAME_THEN_ROLE):
            for found in pattern.finditer(text):
                if _OTHER_ROLE.search(found.group()):
                    continue
                name = _person(found["name"])
                if name is not None:
                    return name
    return None


def _brothers(text: str) -> str | None:
    """'the Musa brothers', 'brothers ..., Ali and Omar Musa,': a pair of doers told by surname."""
    two = _TWO_BROTHERS.search(text)
    if two is not None and _ABOUT_ATTACK.search(text):
        return f"{two['surname'] or two['surname2']} brothers"
    named = _SURNAME_BROTHERS.search(text)
    if (
        named is not None
        and _ABOUT_ATTACK.search(text)
        and named["surname"] not in _not_a_first_name()
    ):
        return f"{named['surname']} brothers"
    return None


def _family(scans: Sequence[Scan]) -> str | None:
    """'bombs detonated by the Musas', in a story that names a Musa and says 'brothers': the
    Musa brothers."""
    story = " ".join(scan.sentence.text for scan in scans)
    if not re.search(r"\bbrothers\b", story):
        return None
    for scan in scans:
        text = scan.sentence.text
        for found in _BY_FAMILY.finditer(text):
            surname = found["surname"]
            if _ABOUT_ATTACK.search(text) and re.search(rf"\b[A-Z][a-z]+\s+{surname}\b", story):
                return f"{surname} brothers"
    return None


def _person(name: str) -> str | None:
    """The name without words that cannot open one, when two words are left."""
    words = name.split()
    while words and words[0] in _not_a_first_name():
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None
