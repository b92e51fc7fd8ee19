"""The gazetteer's cache file: what it stores reads back as built, and it is built only once."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

import pytest

from newsledger.extract.places import Place, gazetteer_store
from newsledger.extract.places.gazetteer_build import Gazetteer, _Words, load
from newsledger.extract.places.gazetteer_store import cache_path, cached_gazetteer, freeze, thaw


def small_gazetteer() -> Gazetteer:
    """A hand-made gazetteer of three places, built as load() builds."""
    words = _Words(frozenset({"al"}), frozenset({"district"}), frozenset({"north"}),
                   frozenset({"in"}), frozenset({"said"}))
    g = Gazetteer(words, frozenset({"hope"}))
    mosul = Place("Mosul", "city", "Iraq", "Nineveh", 36.34, 43.13)
    g.add(mosul, ["Mosul", "Al Mawsil"])
    g.add(Place("Nineveh", "admin1", "Iraq"), ["Nineveh"], generated=True)
    g.small_towns = {"bartella": (Place("Bartella", "city", "Iraq", "Nineveh", 36.35, 43.38),)}
    g.countries = {"IQ": "Iraq"}
    g.vouched = frozenset({mosul})
    return g


def test_the_full_gazetteer_reads_back_as_built() -> None:
    built = load()
    thawed = thaw(marshal.loads(marshal.dumps(freeze(built))))
    for index in ("lookup", "small_towns", "spellings"):
        stored, made = getattr(thawed, index), getattr(built, index)
        assert len(stored) == len(made)
        assert all(tuple(stored[key]) == tuple(places) for key, places in made.items()), index
    keys = list(built.text.keys())
    assert all(thawed.text.get(key) == built.text.get(key) for key in keys)
    assert thawed.text.longest() == built.text.longest()
    assert thawed.vouched == built.vouched
    assert (thawed.countries, thawed.capitals, thawed.demonyms, thawed.country_places) == (
        built.countries, built.capitals, built.demonyms, built.country_places)
    assert (thawed.words, thawed.stopwords) == (built.words, built.stopwords)


def test_a_place_reached_twice_is_one_place_again() -> None:
    g = thaw(freeze(small_gazetteer()))
    assert g.lookup["mosul"][0] is g.lookup["al mawsil"][0] is g.text.get("mosul")[0]
    assert g.vouched == {g.lookup["mosul"][0]}


BUILDS: list[int] = []  # one entry per build of small_gazetteer() by the cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and a builder that counts its builds in ``BUILDS``."""
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path / "cache"))
    BUILDS.clear()

    def build() -> Gazetteer:
        BUILDS.append(1)
        return small_gazetteer()

    monkeypatch.setattr(gazetteer_store, "load", build)
    return tmp_path / "cache"


def test_the_first_run_builds_and_stores_later_runs_read(cache_dir: Path) -> None:
    first = cached_gazetteer()
    second = cached_gazetteer()
    assert BUILDS == [1]
    assert cache_path().parent == cache_dir and cache_path().exists()
    assert first.lookup["mosul"] == second.lookup["mosul"]


def test_a_damaged_cache_file_is_built_again(cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_path().write_bytes(b"not marshal data")
    assert cached_gazetteer().lookup["nineveh"][0].kind == "admin1"
    assert BUILDS == [1]
    assert cached_gazetteer().countries == {"IQ": "Iraq"}
    assert BUILDS == [1]


def test_an_unwritable_cache_folder_builds_in_memory(cache_dir: Path) -> None:
    cache_dir.write_text("a file where the folder should be")
    assert cached_gazetteer().small_towns["bartella"][0].name == "Bartella"
    assert cached_gazetteer().lookup["mosul"][0].name == "Mosul"
    assert BUILDS == [1, 1]


@pytest.mark.parametrize(("ages", "kept"), [
    ([], []),
    ([100], [0]),
    ([100, 200, 300], [0, 1, 2]),
    ([100, 200, 300, 400], [0, 1, 2]),  # the oldest goes: four files in all
    ([500, 100, 300, 200, 400], [1, 2, 3]),
])
def test_storing_keeps_the_most_recently_used_cache_files(
        cache_dir: Path, ages: list[int], kept: list[int]) -> None:
    cache_dir.mkdir()
    others = [cache_dir / f"gazetteer-{i:04d}.marshal" for i in range(len(ages))]
    for other, age in zip(others, ages, strict=True):
        other.write_bytes(b"")
        os.utime(other, (time.time() - age, time.time() - age))
    cached_gazetteer()
    assert cache_path().exists()
    assert [i for i, other in enumerate(others) if other.exists()] == kept


def test_two_builds_sharing_the_folder_build_once_each(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):
        for key in ("install-a", "install-b"):
            monkeypatch.setattr(gazetteer_store, "build_key", lambda key=key: key)
            cached_gazetteer()
    assert BUILDS == [1, 1]


def test_reading_a_cache_file_marks_it_used(cache_dir: Path) -> None:
    cached_gazetteer()
    os.utime(cache_path(), (1000, 1000))
    cached_gazetteer()
    assert cache_path().stat().st_mtime > 1000
