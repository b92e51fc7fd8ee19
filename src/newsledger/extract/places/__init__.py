"""Place names: the offline gazetteer, lookup and expansion of places, place mentions in text."""

from newsledger.extract.places.gazetteer_build import (
    DIVISION_WORDS,
    PROVINCE_WORDS,
    Place,
    normalise_place,
)
from newsledger.extract.places.places import (
    PlaceMention,
    countries_first,
    demonym_country,
    distance_km,
    expand_place,
    find_places,
    gazetteer,
    lookup_place,
    place_closure,
    place_context,
    place_in_text,
    place_key,
    resolve_in_document,
)

__all__ = [
    "DIVISION_WORDS",
    "PROVINCE_WORDS",
    "Place",
    "PlaceMention",
    "countries_first",
    "demonym_country",
    "distance_km",
    "expand_place",
    "find_places",
    "gazetteer",
    "lookup_place",
    "normalise_place",
    "place_closure",
    "place_context",
    "place_in_text",
    "place_key",
    "resolve_in_document",
]
