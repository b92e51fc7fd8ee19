"""The incidents map (issue 13): drawn on the server from the ledger's coordinates, offline."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.web.incident_map import WIDTH, draw_map


def place(lat: float, lon: float, name: str, country: str, incidents: int = 1,
          killed: int | None = 3, precision: int | None = 1) -> dict[str, Any]:
    return {"lat": lat, "lon": lon, "place": name, "country": country, "incidents": incidents,
            "killed": killed, "first": "2024-05-09", "last": "2024-05-09",
            "precision": precision}


COUNTRIES = [("Somalia", 5.2, 46.2), ("Kenya", 0.5, 37.9), ("Nigeria", 9.1, 8.7),
             ("Peru", -9.2, -75.0)]
MOGADISHU = place(2.04, 45.34, "Mogadishu", "Somalia", incidents=3, killed=40)
KISMAYO = place(-0.36, 42.55, "Kismayo", "Somalia")
MAIDUGURI = place(11.85, 13.16, "Maiduguri", "Nigeria", precision=None)


@pytest.mark.parametrize(("places", "countries_in_view", "own"), [
    # One place: the view is its surroundings and its country's point, named in bold.
    ([MOGADISHU], {"Somalia"}, {"Somalia"}),
    ([MOGADISHU, KISMAYO], {"Somalia"}, {"Somalia"}),
    ([KISMAYO, place(-1.29, 36.82, "Nairobi", "Kenya")], {"Somalia", "Kenya"},
     {"Somalia", "Kenya"}),
    # Two regions: the view spans both; Peru stays out of it.
    ([MOGADISHU, MAIDUGURI], {"Somalia", "Kenya", "Nigeria"}, {"Somalia", "Nigeria"}),
    # Nothing placed: the world, every country named, none in bold.
    ([], {"Somalia", "Kenya", "Nigeria", "Peru"}, set()),
])
def test_draw_map_fits_the_places_and_names_the_countries_in_view(
    places: list[dict[str, Any]], countries_in_view: set[str], own: set[str]
) -> None:
    drawn = draw_map(places, 0, COUNTRIES)
    assert drawn.width == WIDTH and 320 <= drawn.height <= 640
    assert len(drawn.spots) == len(places)
    for spot in drawn.spots:  # every circle lies inside the frame
        assert 0 <= spot.x <= drawn.width and 0 <= spot.y <= drawn.height
    assert {label.text for label in drawn.labels} == countries_in_view
    assert {label.text for label in drawn.labels if label.own} == own
    assert drawn.grid and all(g.text.endswith(("N", "S", "E", "W", "0°")) for g in drawn.grid)


def test_draw_map_puts_north_up_east_right_and_sizes_by_incidents() -> None:
    drawn = draw_map([MOGADISHU, KISMAYO, MAIDUGURI], 2, COUNTRIES)
    spots = {s.place: s for s in drawn.spots}
    assert spots["Maiduguri"].x < spots["Kismayo"].x < spots["Mogadishu"].x  # west to east
    assert spots["Maiduguri"].y < spots["Mogadishu"].y < spots["Kismayo"].y  # north to south
    assert spots["Mogadishu"].r > spots["Kismayo"].r == spots["Maiduguri"].r
    assert drawn.spots[0].place == "Mogadishu"  # the big circle drawn first, under the others
    assert spots["Maiduguri"].precision == 3  # unknown precision shown as the coarsest
    assert spots["Mogadishu"].title == "Mogadishu, Somalia: 3 incidents, 40 killed, 2024-05-09"
    assert drawn.unplaced == 2 and drawn.named  # few places: each named beside its circle


def test_web_incident_map_draws_the_demo_incidents_offline(demo_client: Any) -> None:
    page = demo_client.get("/incidents/map").text
    svg = page[page.index("<svg"):page.index("</svg>")]
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert "Mogadishu, Somalia: 1 incident, 14 killed, 2024-05-09" in titles
    assert len(titles) == svg.count("<circle") >= 5
    assert re.search(r'<text class="country own"[^>]*>Somalia</text>', svg)
    assert re.search(r'<text class="spot-name"[^>]*>Mogadishu</text>', svg)
    # Nothing from elsewhere: no tile, image, script or style is loaded.
    assert re.findall(r"https?://[^\"' ]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "<image" not in svg and "<script" not in svg
    assert "incidents at" in page and 'href="/incidents"' in page


def test_web_incident_map_takes_the_incident_filters(demo_client: Any) -> None:
    page = demo_client.get("/incidents/map?country=Somalia").text
    titles = re.findall(r"<title>([^<]*)</title>", page)[1:]  # the page's own title first
    assert titles and all("Somalia" in title for title in titles)
    listed = demo_client.get("/incidents?country=Somalia").text
    assert 'href="/incidents/map?country=Somalia"' in listed
    assert demo_client.get("/incidents/map?since=not-a-day").status_code == 422
