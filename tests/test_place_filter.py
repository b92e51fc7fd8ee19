"""Place filters by gazetteer containment: a location lies in its province and its country."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.place_filter import lies_in_country, lies_within
from newsledger.report import ReportFilters, render_report
from newsledger.store import Ledger

runner = CliRunner()


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


# --- incidents and reports on the demo ledger ------------------------------------------------


@pytest.mark.parametrize(("query", "country"), [
    ("Somalia", "Somalia"),
    ("somalia", "Somalia"),                  # any case
    ("Federal Republic of Somalia", "Somalia"),  # the country's full name
    ("Nigeria", "Nigeria"),
    ("Niger", None),                         # not a prefix of Nigeria: no incident lies there
    ("Burkina Faso", "Burkina Faso"),       # (the demo's Syrian monthly report is no incident)
])
def test_incidents_country_by_the_gazetteer(
    demo_ledger_file: str, query: str, country: str | None
) -> None:
    with Ledger(demo_ledger_file, read_only=True) as ledger:
        every = ledger.incidents()
        found = ledger.incidents(country=query)
    expected = [row["id"] for row in every if row["country"] == country]
    assert [row["id"] for row in found] == expected
    assert bool(expected) is (country is not None)


@pytest.mark.parametrize(("country", "rows"), [
    ("Iraq", True),
    ("iraq", True),
    ("Burkina Faso", True),
    ("Niger", False),
])
def test_report_country_keeps_figures_that_lie_in_it(
    demo_ledger_file: str, country: str, rows: bool
) -> None:
    with Ledger(demo_ledger_file, read_only=True) as ledger:
        report = render_report(ledger, ReportFilters(country=country))
        kept = ledger.figures(country=country)
    cited = {(c.doc, c.figure) for c in report.citations}
    assert cited <= {(f["doc"], f["id"]) for f in kept}
    assert bool(report.tables) is rows
    assert ("country", country) in report.filters.described()
    for _, table in report.tables:
        assert all(any(lies_in_country(place, country) for place in row.place.split("; "))
                   for row in table)


def test_cli_report_and_incidents_take_country(demo_ledger_file: str) -> None:
    report = runner.invoke(app, ["report", "--db", demo_ledger_file, "--country", "Iraq"])
    assert report.exit_code == 0, report.output
    assert report.stdout.startswith("# Reported figures: in Iraq")
    listing = runner.invoke(app, ["incidents", "--db", demo_ledger_file, "--country",
                                  "Somalia", "-f", "json"])
    assert listing.exit_code == 0, listing.output
    assert {row["country"] for row in json.loads(listing.stdout)} == {"Somalia"}
