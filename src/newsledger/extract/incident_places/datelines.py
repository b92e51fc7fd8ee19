"""The place a document opens with: a heading line of capitals or a wire dateline.

A first line of capitals naming a place ('FRANCE.', 'BOSNIA/HERCEGOVINA.') heads an incident
description and names the incident's country: in RAND's descriptions it agrees with the coded
country 98 times in 100. A wire dateline ('KABUL, Afghanistan (Reuters) -', 'BAGHDAD -') names
where a story was filed, most often in the country of the events it tells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.extract.places import Place, gazetteer, lookup_place
from newsledger.extract.scan import Scan
from newsledger.extract.words import phrase_key

# 'KABUL, Afghanistan (Reuters) -', 'BAGHDAD -', 'Kano, Nigeria (AP) —'
_WIRE = re.compile(
    r"^\s*(?P<city>[A-Z][\w'’. -]{1,30}?)(?:,\s*(?P<region>[A-Z][\w'’. -]{1,30}?))?\s*"
    r"(?P<agency>\([^)]{1,40}\))?\s*[—–-]{1,2}\s"
)
_HEADING_WORDS = 6


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a document opens with, and whether it heads the text on a line of its own."""

    place: Place
    heading: bool  # 'FRANCE.' names the incident's country; 'KABUL, Afghanistan -' a filing city


def find_dateline(scans: Sequence[Scan]) -> Dateline | None:
    """The document's dateline: a heading line of capitals, or a wire dateline before a dash."""
    return read_dateline(scans[0].sentence.text) if scans else None


def read_dateline(first_sentence: str) -> Dateline | None:
    """The dateline a document's first sentence opens with, if any."""
    text = first_sentence.strip()
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
    """A place line in capitals: 'FRANCE.', 'BOSNIA/HERCEGOVINA.', 'FEDERAL REPUBLIC OF GERMANY.'

    A word the gazetteer never reads in text is a page's section, not a place: 'POLICE' (a town
    in Poland), 'METRO' (one in Indonesia)."""
    line = text.rstrip(". ")
    if (
        not line
        or any(c.islower() or c.isdigit() for c in line)
        or len(line.split()) > _HEADING_WORDS
    ):
        return None
    for part in (line, *re.split(r"\s*(?:[/,()]|\s-\s)\s*", line)):
        readable = part.strip() and gazetteer().candidates(part)
        place = lookup_place(part) if readable else None
        if place is not None:
            return place
    return None


def _wire_place(city: str, region: str | None) -> Place | None:
    """The dateline city's reading in the region or country named after it, if any."""
    readings = tuple(gazetteer().lookup.get(phrase_key(city), ()))
    within = lookup_place(region) if region else None
    if within is not None:
        inside = [p for p in readings if p.country == within.country or p.admin1 == within.name]
        return inside[0] if inside else within
    return readings[0] if readings else None


__all__ = ["Dateline", "find_dateline", "read_dateline"]
