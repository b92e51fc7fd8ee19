"""Place filters by gazetteer containment: a location lies in its province and its country."""

from __future__ import annotations

import pytest

from newsledger.place_filter import lies_in_country, lies_within


@pytest.mark.parametrize(("location", "query", "expected"), [
    ("Mosul", "Iraq", True),                 # a city lies in its country
    ("Mosul", "Nineveh", True),              # ... and in its province
    ("Mosul", "Mosul", True),
    ("Mosul", "Syria", False),
    ("Aleppo", "Iraq", False),
    ("Baquba", "Baqubah", True),             # another spelling of one place
    ("northern Iraq", "Iraq", True),         # text match still holds
    ("Hajin village", "hajin", True),
    ("Iraq", "Mosul", False),                # a country does not lie in its city
    ("Atlantis", "Iraq", False),             # unknown place, no text match
])
def test_lies_within(location: str, query: str, expected: bool) -> None:
    assert lies_within(location, query) is expected


@pytest.mark.parametrize(("location", "country", "expected"), [
    ("Mosul", "Iraq", True),
    ("Anbar", "Iraq", True),
    ("Mosul", "iraq", True),
    ("Aleppo", "Iraq", False),
    ("Aleppo", "Syria", True),
    ("Unknown Town, Iraq", "Iraq", True),    # unknown place: its text names the country
    ("Atlantis", "Iraq", False),
])
def test_lies_in_country(location: str, country: str, expected: bool) -> None:
    assert lies_in_country(location, country) is expected
