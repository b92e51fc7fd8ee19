"""Capitals: an embassy named puts a country-only incident in the country's capital.

Capitals described in the text ('the Estonian capital', 'the capital of Konar Province') are
tested through the incidents pipeline in test_incidents.py (test_incidents_place_and_country).
"""

from __future__ import annotations

import pytest

from newsledger.extract.incident_places import embassy_capital


@pytest.mark.parametrize(
    ("texts", "country", "capital"),
    [
        # the embassy's own country is not where it lies
        (["Rioters stormed the French Embassy."], "Kenya", "Nairobi"),
        (["A bomb went off outside a bank."], "Kenya", None),
        (["Rioters stormed the embassies of two countries."], "Peru", "Lima"),
    ],
    ids=["embassy of another country", "no embassy", "embassies"],
)
def test_embassy_capital(texts: list[str], country: str, capital: str | None) -> None:
    found = embassy_capital(texts, country)
    assert (found.place.name if found is not None else None) == capital
