"""Offline gazetteer: find place names in text and resolve them to canonical places.

The gazetteer is built once, on first use, and kept in a cache file (gazetteer_build.py builds it,
gazetteer_store.py stores and reads it; phrases.py matches it).
``find_places`` stays well under a millisecond for a 1,000-character text once the gazetteer is
loaded.
"""

from __future__ import annotations

import gc
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from newsledger.extract.places.gazetteer_build import (
    ARTICLES,
    DIVISION_WORDS,
    Gazetteer,
    Place,
    normalise_place,
)
from newsledger.extract.places.gazetteer_store import cached_gazetteer
from newsledger.extract.words import (
    PhraseIndex,
    PhraseMatch,
    Token,
    joined,
    phrase_key,
    read_lexicon,
    tokenise,
)

# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text at ``[start, end)``."""

    start: int
    end: int
    text: str
    place: Place


# --------------------------------------------------------------------------- public interface


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read from its cache file (built there on first use) and shared."""
    # Building or reading makes a few million objects and no reference cycles: the cycle
    # collector would only rescan them (it doubles the build time). Frozen afterwards, later
    # collections skip them, and forked workers share their pages instead of copying them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        built = cached_gazetteer()
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return built


def find_places(text: str) -> list[PlaceMention]:
    """Places named in ``text``: non-overlapping, longest first, ambiguities resolved."""
    return list(_places_in(gazetteer(), text))


# A sentence is read for places again by later stages (incident places, settlements): the last
# texts' answers are kept (per gazetteer, so that a test's own gazetteer is read afresh).
@lru_cache(maxsize=4096)
def _places_in(g: Gazetteer, text: str) -> tuple[PlaceMention, ...]:
    tokens = tokenise(text)
    found = []
    for match in g.text.find(text, tokens, g.accept):
        start, end, candidates = _widen(g, text, tokens, match)
        found.append((PlaceMention(start, end, text[start:end], candidates[0]), candidates))
    found += _divisions_named(g, text, found)
    towns = _small_towns(g, text, tokens, {m.start for m, _ in found})
    # A place inside a small town's name is no place of its own ('Luz' of 'Saint-Jean-de-Luz').
    found = [(m, c) for m, c in found if not any(t.start < m.start < t.end for t, _ in towns)]
    found = sorted(found + towns, key=lambda pair: pair[0].start)
    found = _quarters_read_in_their_town(text, found)
    found = _quarters_named_after_their_town(text, found)
    if any(len(candidates) > 1 for _, candidates in found):
        # "Lebanese officials" says which Tripoli, though it names no place
        hinted = {g.demonyms[t[3]] for t in tokens if t[3] in g.demonyms}
        return tuple(_resolve(found, hinted))
    return tuple(mention for mention, _ in found)


Found = list[tuple[PlaceMention, tuple[Place, ...]]]

# "the Ouest department", "Centre region": a first-level division whose name alone is a common
# word (place_stopwords.tsv keeps it out of text) is a place when its division word follows;
# so is one named by its people ("Kachin State": demonyms are kept out of text too)
_DIVISION_NAMED = re.compile(
    r"\b([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\s+(?:department|region|province|State)\b"
)


def _divisions_named(g: Gazetteer, text: str, found: Found) -> Found:
    named: Found = []
    for match in _DIVISION_NAMED.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m, _ in found):
            continue
        key = phrase_key(match.group(1))
        if key not in g.stopwords:
            continue
        divisions = tuple(p for p in g.lookup.get(key, ()) if p.kind == "admin1")
        if divisions:
            start, end = match.start(), match.end()
            named.append((PlaceMention(start, end, text[start:end], divisions[0]), divisions))
    return named


def _quarters_read_in_their_town(text: str, found: Found) -> Found:
    """'Jahangirabad, Karachi': a name right before a town, with no reading in any country the
    town may lie in, is a quarter of that town (its homonym abroad is not meant); the town stands
    in. 'Tucson, Arizona' is no quarter: both may lie in the United States."""
    read = list(found)
    for i, ((mention, candidates), (town, readings)) in enumerate(pairwise(found)):
        if (
            town.place.kind == "city"
            and text[mention.end : town.start].strip() == ","
            and not {p.country for p in candidates} & {p.country for p in readings}
        ):
            read[i] = (replace(mention, place=town.place), (town.place,))
    return read


# 'the Baghdad neighbourhoods of Husseiniyah and Yarmouk': the gap between a town and a name
# its quarter words introduce (other quarters of the list between). 'the Dora district of
# Baghdad' names the quarter first: a singular 'district of' or 'area of' is read no such way.
_QUARTERS_OF = re.compile(
    r"\s+(?:neighbou?rhoods?|suburbs?|quarters?|districts|areas)\s+of\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+|,?\s+and\s+))*"
)


def _quarters_named_after_their_town(text: str, found: Found) -> Found:
    """'the Baghdad neighbourhoods of Husseiniyah and Yarmouk': a name that the town's quarter
    words introduce, with no reading in any country the town may lie in, is a quarter of that
    town (Yarmouk camp lies in Syria); the town stands in. The town is one of our own rows: in
    'Gure suburb of Juba' the quarter comes first (a Gure lies in Turkey)."""
    read = list(found)
    vouched = gazetteer().vouched
    for town, readings in found:
        if town.place.kind != "city" or town.place not in vouched:  # 'Gure suburb of Juba'
            continue
        for i, (mention, candidates) in enumerate(found):
            if (
                mention.start > town.end
                and _QUARTERS_OF.fullmatch(text[town.end : mention.start])
                and not {p.country for p in candidates} & {p.country for p in readings}
            ):
                read[i] = (replace(mention, place=town.place), (town.place,))
    return read


_SMALL_TOWN_WORDS = 5  # longest small-town name read, in words ('San Vicente del Caguan')


def _small_towns(
    g: Gazetteer, text: str, tokens: Sequence[Token], taken: AbstractSet[int]
) -> Found:
    """Small towns where the text places something: 'in Sagone', 'the Ustaritz district'."""
    found: Found = []
    i = 0
    while i < len(tokens):
        # a name starts with a capital ('_capitalised_run' is 0 elsewhere): most words are passed
        size, places = (
            _small_town_at(g, text, tokens, i)
            if tokens[i][2][:1].isupper() and tokens[i][0] not in taken
            else (0, ())
        )
        if size:
            start, end = tokens[i][0], tokens[i + size - 1][1]
            found.append((PlaceMention(start, end, text[start:end], places[0]), places))
        i += max(size, 1)
    return found


def _small_town_at(
    g: Gazetteer, text: str, tokens: Sequence[Token], i: int
) -> tuple[int, tuple[Place, ...]]:
    """How many words of a small town's name start at token i, and its places ((0, ()): none).

    The name is the whole run of capitalised words there (particles inside: 'Lastra a Signa');
    a shorter name only before a designator ('Ustaritz district'), so that 'Gonzalo Quiroga' is
    no town.
    """
    run = _capitalised_run(g, text, tokens, i)
    for last in range(i + run, i, -1):
        if last < i + run and tokens[last][3] not in g.words.designators:
            continue
        places = g.small_towns.get(" ".join(t[3] for t in tokens[i:last]), ())
        if places and g.placed(tokens, i, last) and g.accept(text, tokens, i, last, places):
            return last - i, places
    return 0, ()


def _capitalised_run(g: Gazetteer, text: str, tokens: Sequence[Token], i: int) -> int:
    """The number of tokens from i that make one capitalised name (particles inside it)."""
    size = 0
    while i + size < len(tokens) and size < _SMALL_TOWN_WORDS:
        token = tokens[i + size]
        if size and not joined(text, tokens[i + size - 1][1], token[0]):
            break
        if not token[2][:1].isupper() and (size == 0 or token[3] not in g.words.particles):
            break
        size += 1
    while size and not tokens[i + size - 1][2][:1].isupper():  # no particle at the end
        size -= 1
    return size


def _widen(
    g: Gazetteer, text: str, tokens: Sequence[Token], match: PhraseMatch[Place]
) -> tuple[int, int, tuple[Place, ...]]:
    """Take in an article before ('al-' + 'Baghuz') and a designator after ('Al Roj' + 'camps')."""
    start, end, candidates = match.start, match.end, match.values
    if candidates[0].kind == "country":
        return start, end, candidates
    if match.first > 0:
        before = tokens[match.first - 1]
        gap = text[before[1] : start]
        if before[3] in ARTICLES and (gap == "-" or (gap == " " and before[2] in ("Al", "El"))):
            start = before[0]
    if match.last < len(tokens):
        after = tokens[match.last]
        if after[3] in g.words.designators and text[end : after[0]] == " ":
            end = after[1]
            if after[3] in DIVISION_WORDS:  # "Tillaberi region": the region, not the town
                divisions = [p for p in candidates if p.kind in ("admin1", "admin2")]
                candidates = tuple(divisions + [p for p in candidates if p not in divisions])
    return start, end, candidates


def _resolve(
    found: list[tuple[PlaceMention, tuple[Place, ...]]], hinted: AbstractSet[str] = frozenset()
) -> list[PlaceMention]:
    # A country, or a mention whose candidates all lie in one country, names that country; an
    # ambiguous one (Tripoli) then takes its best-ranked candidate in a country so named, if any.
    named = {
        cands[0].country
        for _, cands in found
        if cands
        and (cands[0].kind == "country" or all(p.country == cands[0].country for p in cands))
    } | hinted
    resolved = []
    for mention, cands in found:
        if (
            len(cands) > 1
            and named
            and mention.place.country not in named
            and mention.place.kind != "country"
        ):  # "Lebanon" stays the country
            better = next((p for p in cands if p.country in named), None)
            if better is not None:
                mention = replace(mention, place=better)
        resolved.append(mention)
    return resolved


def resolve_ambiguous(mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Re-pick ambiguous mentions in a country that other mentions name (find_places does this)."""
    g = gazetteer()
    return _resolve([(m, g.candidates(m.text) or (m.place,)) for m in mentions])


def _lookup_keys(name: str, directions: frozenset[str]) -> Iterator[str]:
    yield phrase_key(name)
    key = normalise_place(name)
    yield key
    tokens = key.split()
    while len(tokens) > 1 and tokens[0] in directions:  # "northern Baghdad", "north-east Nigeria"
        tokens = tokens[1:]
        yield " ".join(tokens)
    yield key[3:] if key.startswith("al ") else "al " + key
    if "," in name:  # "Washington, D.C.", "Mafa, Borno State"
        yield from _lookup_keys(name.split(",", 1)[0], directions)


# The countries of the document being read, most named first, and those its places lie in
# (``countries_first``).
_CONTEXT: ContextVar[tuple[tuple[str, ...], frozenset[str]]] = ContextVar(
    "place_countries", default=((), frozenset())
)


@contextmanager
def countries_first(
    countries: Sequence[str], placed: AbstractSet[str] = frozenset()
) -> Iterator[None]:
    """Within the block, ``lookup_place`` reads an ambiguous name in these countries (the ones
    the document names, most named first) when its usual reading lies in none of them: 'Kasai'
    in a report on Congo is the Congolese province, not the Japanese town. ``placed``: the
    countries the document's places lie in (see ``in_countries``)."""
    token = _CONTEXT.set((tuple(countries), frozenset(placed)))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def lookup_place(name: str) -> Place | None:
    """The place a name or alias stands for (case, accents and hyphens ignored), or None; in
    the countries of ``countries_first`` when it may lie there."""
    countries, placed = _CONTEXT.get()
    return _lookup_in(name, countries, placed)


@lru_cache(maxsize=65536)
def _lookup_in(name: str, countries: tuple[str, ...], placed: frozenset[str]) -> Place | None:
    g = gazetteer()
    keys = list(_lookup_keys(name, g.words.directions))
    readings: list[Place] = []
    for index in (g.lookup, g.small_towns):
        bucket = next((hit for key in keys if (hit := index.get(key))), None)
        if bucket:
            readings.extend(p for p in bucket if p not in readings)
            if not countries:
                break  # no context: the first index that knows the name, as ever
    return in_countries(readings, countries, placed) if readings else None


def place_in_text(name: str) -> Place | None:
    """``lookup_place``, but None for a word that is never a place in text though a town
    bears it ('Police' in Poland, 'Metro' in Indonesia: place_stopwords.tsv); our own rows
    ('Delta State' of Nigeria for 'Delta') stay places."""
    place = lookup_place(name)
    g = gazetteer()
    if place is None or place in g.vouched or normalise_place(name) not in g.stopwords:
        return place
    return None


def in_countries(
    readings: Sequence[Place], countries: Sequence[str], placed: AbstractSet[str] = frozenset()
) -> Place:
    """The reading of an ambiguous name in the document's countries (most named first): the
    first one stays when it is a country or lies in one of them, or none lies in any. A place
    of our own rows moves only to a country the document's places lie in (``placed``:
    'Sud-Ouest' beside 'Fako' is Cameroon's), not to one it names as a party ('Damascus' of a
    story naming the US all along stays Syria's)."""
    first = readings[0]
    if first.kind == "country" or first.country in countries or len(readings) == 1:
        return first
    if first in gazetteer().vouched:
        countries = [c for c in countries if c in placed]
    for country in countries:
        inside = next((p for p in readings if p.country == country), None)
        if inside is not None:
            return inside
    return first


def named_countries(
    mentions: Iterable[PlaceMention], text: str | Sequence[str] = ""
) -> Counter[str]:
    """How often a text names each country: by a country's name, by a place that lies only in
    it, or by a demonym ('Lebanese officials'). A document may be given as its sentences: their
    words are those of the sentences joined by spaces (no word spans a space), and each
    sentence's are tokenised once for all its readers."""
    g = gazetteer()
    named: Counter[str] = Counter()
    for mention in mentions:
        if mention.place.kind == "country" or _in_one_country(g, mention.text):
            named[mention.place.country] += 1
    demonyms = g.demonyms
    for part in (text,) if isinstance(text, str) else text:
        named.update(demonyms[t[3]] for t in tokenise(part) if t[3] in demonyms)
    return named


def placed_countries(mentions: Iterable[PlaceMention]) -> frozenset[str]:
    """The countries a text's places lie in: those of its places that lie in one country only
    (not its country names, which may name a party: 'US strikes')."""
    g = gazetteer()
    return frozenset(
        m.place.country
        for m in mentions
        if m.place.kind != "country" and _in_one_country(g, m.text)
    )


# A document's place names are asked about again for each of its sentences and figures.
@lru_cache(maxsize=16384)
def _in_one_country(g: Gazetteer, mention_text: str) -> bool:
    """Whether every reading of a mention's text lies in one country (so does a text with no
    reading: its mention's own place is the one reading)."""
    return len({p.country for p in g.candidates(mention_text)}) <= 1


def resolve_in_document(
    sentences: Sequence[tuple[str, Sequence[PlaceMention]]],
) -> list[list[PlaceMention]]:
    """Each sentence's mentions, an ambiguous one read in the document's countries when its
    sentence names none of its readings' countries ('Gedo' of a report on Somalia is the Somali
    region, not the Ethiopian town); the sentence's own countries keep their say."""
    mentions = [m for _, found in sentences for m in found]
    named = named_countries(mentions, [text for text, _ in sentences])
    ranked = [country for country, _ in named.most_common()]
    placed = placed_countries(mentions)
    resolved = []
    for text, found in sentences:
        own = set(named_countries(found, text)) if found else set()
        here = [_in_document(m, own, ranked, placed) for m in found]
        resolved.append([m for m in here if not _foreign_name_part(m, text, mentions)])
    return resolved


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")


def _foreign_name_part(
    mention: PlaceMention, text: str, mentions: Sequence[PlaceMention]
) -> bool:
    """'Ungwar Bardi' of a story on Kaduna: another language's name of a town abroad ('Ungwar',
    Uzhhorod) read as the first word of an unknown local name is no place, when the rest of the
    document places its figures in other countries and never names the town's."""
    place = mention.place
    if place.kind == "country" or normalise_place(mention.text) == normalise_place(place.name):
        return False
    local = text.find(mention.text)
    goes_on = _NAME_GOES_ON.match(text, local + len(mention.text)) if local >= 0 else None
    if goes_on is None or find_places(text[goes_on.start():].split(maxsplit=1)[0]):
        return False  # "Ungwar Bardi" goes on; "Kiev Oblast", "Kano State" are places
    others = [m for m in mentions if m.place.country != place.country]
    return bool(others) and not any(m.place.country == place.country for m in mentions
                                    if m is not mention)


def _in_document(
    mention: PlaceMention, own: AbstractSet[str], ranked: Sequence[str], placed: AbstractSet[str]
) -> PlaceMention:
    readings = gazetteer().candidates(mention.text)
    if len(readings) < 2 or mention.place.country in own or mention.place not in readings:
        return mention
    first = [mention.place, *(p for p in readings if p != mention.place)]
    return replace(mention, place=in_countries(first, ranked, placed))


def place_closure(place: Place) -> frozenset[str]:
    """Normalised names of a place and of what contains it (its admin1 and country)."""
    keys = {normalise_place(place.name), normalise_place(place.country)}
    if place.admin1:
        keys.add(normalise_place(place.admin1))
    return frozenset(keys)


def expand_place(name: str) -> frozenset[str]:
    """Normalised keys of a place and everything containing it; unknown -> {normalised name}."""
    return _expand_in(name, *place_context())


def place_context() -> tuple[tuple[str, ...], frozenset[str]]:
    """The countries ``countries_first`` set for the document being read (a key for caches of
    answers that depend on them, so that no document's reading leaks into another's)."""
    return _CONTEXT.get()


@lru_cache(maxsize=65536)  # as _lookup_in, which it reads: keyed by the document's countries too
def _expand_in(name: str, countries: tuple[str, ...], placed: frozenset[str]) -> frozenset[str]:
    place = _lookup_in(name, countries, placed)
    return place_closure(place) if place else frozenset({normalise_place(name)})


def place_key(name: str) -> str:
    """The normalised name of the place a name stands for ('Baquba' -> 'baqubah'); unknown ->
    the normalised name itself."""
    place = lookup_place(name)
    return normalise_place(place.name if place else name)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates, else None."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def demonym_country(word: str) -> str | None:
    """The country a demonym points to ('Iraqi' -> 'Iraq', 'Syrians' -> 'Syria'), or None."""
    demonyms = gazetteer().demonyms
    key = phrase_key(word)
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


__all__ = [
    "Gazetteer",
    "PhraseIndex",
    "Place",
    "PlaceMention",
    "Token",
    "countries_first",
    "demonym_country",
    "distance_km",
    "expand_place",
    "find_places",
    "gazetteer",
    "in_countries",
    "lookup_place",
    "named_countries",
    "normalise_place",
    "phrase_key",
    "place_closure",
    "place_in_text",
    "place_key",
    "placed_countries",
    "read_lexicon",
    "resolve_ambiguous",
    "resolve_in_document",
    "tokenise",
]
