"""The incidents map: an SVG drawn on the server from coordinates the ledger already holds.

Nothing is fetched: no tile server, no script. Each place where incidents happened is one circle
at its gazetteer coordinates (the ``lat``/``lon`` merged incidents carry), sized by how many
incidents it holds and shaded by how precisely they are placed; a grid of meridians and parallels
and the names of countries at the gazetteer's point for each country give the bearings. The
projection is equirectangular, its east-west scale taken at the middle latitude of the view so
that a region does not look stretched, and the view fits the places shown and their countries'
points.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

WIDTH = 960
MIN_HEIGHT, MAX_HEIGHT = 320, 640
MARGIN = 0.15  # of the places' extent, on each side
MIN_SPAN = 6.0  # degrees: one place alone is shown with its surroundings
GRID_STEPS = (1, 2, 5, 10, 15, 30, 45)
MAX_LABELS = 80  # country names of other countries drawn when the view holds fewer than this
MAX_NAMED_SPOTS = 40  # places named beside their circle when the map holds no more than this
LABEL_GAP = (70, 14)  # pixels: a country name this close to one already drawn is left out
CHAR_WIDTH = 6.2  # pixels: the mean width of a letter of a country name (11-12 px sans-serif)


@dataclass(frozen=True, slots=True)
class Spot:
    """One place on the map with the incidents there."""

    x: float
    y: float
    r: float
    place: str
    country: str | None
    incidents: int
    killed: int
    first: str | None
    last: str | None
    precision: int  # the best geo_precision among them: 1 the place itself ... 3 a region

    @property
    def title(self) -> str:
        """The circle's hover text."""
        where = ", ".join(dict.fromkeys(p for p in (self.place, self.country) if p))
        days = " to ".join(dict.fromkeys(d for d in (self.first, self.last) if d)) or "undated"
        count = f"{self.incidents} incident{'s' if self.incidents != 1 else ''}"
        return f"{where}: {count}, {self.killed} killed, {days}"


@dataclass(frozen=True, slots=True)
class Label:
    """A country's name at its point; ``own`` when incidents on the map lie in it."""

    x: float
    y: float
    text: str
    own: bool


@dataclass(frozen=True, slots=True)
class GridLine:
    """A meridian (``vertical``) or parallel at ``at`` pixels, named by its degrees."""

    at: float
    vertical: bool
    text: str


@dataclass(frozen=True, slots=True)
class IncidentMap:
    """Everything the template draws."""

    width: int
    height: int
    spots: tuple[Spot, ...]
    labels: tuple[Label, ...]
    grid: tuple[GridLine, ...]
    unplaced: int  # incidents matching the filters that have no coordinates
    named: bool  # few places: each is named beside its circle
    bounds: tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True, slots=True)
class _View:
    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    def x(self, lon: float) -> float:
        return (lon - self.west) / (self.east - self.west) * self.width

    def y(self, lat: float) -> float:
        return (self.north - lat) / (self.north - self.south) * self.height

    def holds(self, lat: float, lon: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def draw_map(places: Sequence[Mapping[str, Any]], unplaced: int,
             countries: Iterable[tuple[str, float, float]]) -> IncidentMap:
    """The map of ``places`` (rows with lat, lon, place, country, incidents, killed, first,
    last, precision), with the names of ``countries`` (name, lat, lon) that fall in view."""
    countries = tuple(countries)
    own = {str(p["country"]).lower() for p in places if p["country"]}
    # The view holds the places and the points of their countries, whose names are drawn.
    view = _fit([(float(p["lat"]), float(p["lon"])) for p in places]
                + [(lat, lon) for name, lat, lon in countries if name.lower() in own])
    spots = tuple(sorted(
        (Spot(round(view.x(float(p["lon"])), 1), round(view.y(float(p["lat"])), 1),
              _radius(int(p["incidents"])), str(p["place"] or p["country"] or "somewhere"),
              p["country"], int(p["incidents"]), int(p["killed"] or 0), p["first"], p["last"],
              int(p["precision"] or 3)) for p in places),
        key=lambda s: -s.r))  # big circles first, so small ones stay on top to hover
    return IncidentMap(view.width, view.height, spots, _labels(view, countries, own),
                       _grid(view), unplaced, len(spots) <= MAX_NAMED_SPOTS,
                       (view.west, view.south, view.east, view.north))


def _fit(points: Sequence[tuple[float, float]]) -> _View:
    """The smallest view around the points (the world when there are none) with a margin, its
    height from the middle latitude's east-west scale."""
    if not points:
        return _View(-180.0, -60.0, 180.0, 80.0, WIDTH, MAX_HEIGHT)
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    south, north = _padded(min(lats), max(lats), 80.0)
    west, east = _padded(min(lons), max(lons), 180.0)
    middle = math.cos(math.radians((south + north) / 2))
    height = WIDTH * (north - south) / ((east - west) * max(middle, 0.2))
    if height > MAX_HEIGHT:  # too tall: widen the longitudes
        extra = (height / MAX_HEIGHT - 1) * (east - west) / 2
        west, east = _clamped(west - extra, east + extra, 180.0)
        height = MAX_HEIGHT
    elif height < MIN_HEIGHT:  # too flat: widen the latitudes
        extra = (MIN_HEIGHT / max(height, 1.0) - 1) * (north - south) / 2
        south, north = _clamped(south - extra, north + extra, 80.0)
        height = MIN_HEIGHT
    return _View(west, south, east, north, WIDTH, round(height))


def _padded(low: float, high: float, limit: float) -> tuple[float, float]:
    span = max(high - low, MIN_SPAN)
    middle = (low + high) / 2
    half = span * (0.5 + MARGIN)
    return _clamped(middle - half, middle + half, limit)


def _clamped(low: float, high: float, limit: float) -> tuple[float, float]:
    return max(low, -limit), min(high, limit)


def _radius(incidents: int) -> float:
    return round(min(4.0 + 2.5 * math.sqrt(incidents - 1), 22.0), 1)


def _grid(view: _View) -> tuple[GridLine, ...]:
    span = max(view.east - view.west, view.north - view.south)
    step = next((s for s in GRID_STEPS if span / s <= 10), GRID_STEPS[-1])
    lines = [GridLine(round(view.x(lon), 1), True, _degrees(lon, "E", "W"))
             for lon in _multiples(view.west, view.east, step)]
    lines += [GridLine(round(view.y(lat), 1), False, _degrees(lat, "N", "S"))
              for lat in _multiples(view.south, view.north, step)]
    return tuple(lines)


def _multiples(low: float, high: float, step: int) -> list[int]:
    return list(range(math.ceil(low / step) * step, math.floor(high / step) * step + 1, step))


def _degrees(value: int, positive: str, negative: str) -> str:
    if value == 0:
        return "0°"
    return f"{abs(value)}°{positive if value > 0 else negative}"


def _labels(view: _View, countries: Iterable[tuple[str, float, float]],
            own: set[str]) -> tuple[Label, ...]:
    """Names of the countries in view: those with incidents always, the others when there are
    not too many and they do not crowd a name already drawn."""
    inside = [(name, lat, lon) for name, lat, lon in countries if view.holds(lat, lon)]
    inside.sort(key=lambda c: (c[0].lower() not in own, c[0]))
    drawn: list[Label] = []
    for name, lat, lon in inside:
        mine = name.lower() in own
        if not mine and len(inside) > MAX_LABELS:
            continue
        # Kept inside the frame: a name at the edge would be cut (text is centred on x).
        half = len(name) * CHAR_WIDTH / 2
        x = min(max(view.x(lon), half + 2), view.width - half - 2)
        y = min(max(view.y(lat), 12.0), view.height - 14.0)
        label = Label(round(x, 1), round(y, 1), name, mine)
        if mine or not any(abs(label.x - d.x) < LABEL_GAP[0] and abs(label.y - d.y) < LABEL_GAP[1]
                           for d in drawn):
            drawn.append(label)
    return tuple(drawn)


@cache
def gazetteer_countries() -> tuple[tuple[str, float, float], ...]:
    """Every country the gazetteer knows, at its point: (name, lat, lon)."""
    from newsledger.extract.places import gazetteer

    return tuple((p.name, p.lat, p.lon) for p in gazetteer().country_places.values()
                 if p.lat is not None and p.lon is not None)


__all__ = ["GridLine", "IncidentMap", "Label", "Spot", "draw_map", "gazetteer_countries"]
