"""Where an incident happened: datelines, place candidates and their weight, capitals, towns."""

from newsledger.extract.incident_places.capitals import capital_places, embassy_capital
from newsledger.extract.incident_places.datelines import Dateline, find_dateline, read_dateline
from newsledger.extract.incident_places.place_candidates import (
    Candidate,
    mention_candidate,
    name_candidate,
)
from newsledger.extract.incident_places.place_context import (
    choose_country,
    country_hints,
    described_places,
    document_places,
    fallback_place,
    most_specific,
    resolve_readings,
)
from newsledger.extract.incident_places.settlements import (
    contained_places,
    settlements_of,
    unread_places,
)

__all__ = [
    "Candidate",
    "Dateline",
    "capital_places",
    "choose_country",
    "contained_places",
    "country_hints",
    "described_places",
    "document_places",
    "embassy_capital",
    "fallback_place",
    "find_dateline",
    "mention_candidate",
    "most_specific",
    "name_candidate",
    "read_dateline",
    "resolve_readings",
    "settlements_of",
    "unread_places",
]
