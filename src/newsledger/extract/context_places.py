"""Places of a figure: stated after its number, else in its sentence, else from context.

The rules are listed in ``context.py``'s docstring (the "places" entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsledger.extract.places import Place, lookup_place
from newsledger.extract.scan import Draft, Scan

_LOCAL_PLACE = re.compile(
    r"^[^.;]{0,60}?\b(?:in|across|at|from|near|throughout|of)\s+(?:the\s+)?$", re.IGNORECASE
)
_JOINED_PLACE = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+|in\s+)?", re.IGNORECASE)
_THE_CAMP = re.compile(r"\bthe camps?\b", re.IGNORECASE)
_DIRECTION = re.compile(
    r"\b(north|south|east|west|northern|southern|eastern|western|outskirts of)\W*$", re.IGNORECASE
)


# A total's parts are sought among this many figures after it: far more than any breakdown, and
# a bound that keeps place assignment linear in a document's length (issue 12).
_PARTS_REACH = 150


def assign_places(drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int]) -> None:
    """Fill the places of every draft (index: position of each scan, by id)."""
    for draft in drafts:
        draft.locations = _sentence_places(draft)
        draft.own_places = bool(draft.locations)
    for position, draft in enumerate(drafts):
        if not draft.own_places:
            later = drafts[position + 1 : position + 1 + _PARTS_REACH]
            draft.locations = _places_from_parts(draft, later)
    sites = _sites(scans)
    frame: list[str] = []
    previous: Draft | None = None
    for draft in drafts:
        if draft.own_places:
            frame = _refined_frame(frame, draft.locations)
        elif not draft.locations:
            same_paragraph = (
                previous is not None
                and previous.scan.sentence.paragraph == draft.scan.sentence.paragraph
            )
            draft.locations = (
                (previous.locations if same_paragraph and previous else [])
                or frame
                or _latest_places_before(scans, index[id(draft.scan)])
            )
        draft.locations = _refine_with_sites(draft, scans, index[id(draft.scan)], sites)
        previous = draft


def _sentence_places(draft: Draft) -> list[str]:
    scan = draft.scan
    own = _places_after(draft, draft.quantity.start, draft.quantity.end)
    if own:
        return own
    claimed = {
        name
        for q in scan.quantities
        if q is not draft.quantity
        for name in _places_after(draft, q.start, q.end)
    }
    rest = [m.place.name for m in scan.places if m.place.name not in claimed]
    return _unique(rest or [m.place.name for m in scan.places])


def _places_after(draft: Draft, start: int, end: int) -> list[str]:
    """Places introduced by a preposition between this number and the next one."""
    scan = draft.scan
    limit = min((q.start for q in scan.quantities if q.start > start), default=scan.sentence.end)
    local: list[str] = []
    previous_end = end
    for mention in scan.places:
        if not end <= mention.start < limit:
            continue
        gap = scan.text_between(previous_end, mention.start)
        if _LOCAL_PLACE.match(gap) if not local else _JOINED_PLACE.fullmatch(gap):
            local.append(mention.place.name)
            previous_end = mention.end
    return _unique(local)


def _places_from_parts(total: Draft, later: Sequence[Draft]) -> list[str]:
    """'43 operations ... 33 in Iraq ... 10 in Syria': the parts' places are the total's."""
    parts = [
        d
        for d in later
        if d.measure == total.measure
        and d.own_places
        and len(d.locations) == 1
        and d.period == total.period
    ]
    low, high = total.quantity.interval()
    for size in (2, 3, 4):
        for i in range(len(parts) - size + 1):
            run = parts[i : i + size]
            places = {d.locations[0] for d in run}
            run_low = sum(d.quantity.interval()[0] for d in run)
            run_high = sum(d.quantity.interval()[1] for d in run)
            if len(places) == size and run_low <= high and low <= run_high:
                return _unique(d.locations[0] for d in run)
    return []


def _refined_frame(frame: list[str], places: list[str]) -> list[str]:
    """The document's frame: its first stated places, narrowed to a district named inside them."""
    if not frame:
        return list(places)
    frame_keys = {name.casefold() for name in frame}
    inside = all(name.casefold() in frame_keys or _containers(name) & frame_keys for name in places)
    broad = all(
        (p := lookup_place(name)) is not None and p.kind in {"country", "admin1", "admin2"}
        for name in places
    )
    return _unique([*places, *frame]) if inside and broad else frame


def _containers(name: str) -> set[str]:
    place = lookup_place(name)
    if place is None:
        return set()
    return {n.casefold() for n in (place.admin1, place.country) if n}


def _latest_places_before(scans: Sequence[Scan], position: int) -> list[str]:
    for back in range(position, -1, -1):  # no slice: it would copy the scans for every figure
        if scans[back].places:
            return _unique(m.place.name for m in scans[back].places)
    return []


def _sites(scans: Sequence[Scan]) -> dict[str, Place]:
    """Every site (camp, prison, ...) the document names, by name."""
    return {m.place.name: m.place for s in scans for m in s.places if m.place.kind == "site"}


def _refine_with_sites(
    draft: Draft, scans: Sequence[Scan], position: int, sites: dict[str, Place]
) -> list[str]:
    """A city refined to the one site in it the story names; 'the camp' is the camp named last."""
    if _THE_CAMP.search(draft.scan.sentence.text) and not any(
        "camp" in n.casefold() for n in draft.locations
    ):
        camps = _last_camps(scans[: position + 1])
        if camps:
            return camps if not draft.own_places else _unique([*draft.locations, *camps])
    names = list(draft.locations)
    for name in draft.locations:
        place = lookup_place(name)
        if place is None or place.kind not in {"city", "admin2"} or _directional(draft, name):
            continue
        inside = [site for site in sites if _site_in_city(site, place.name)]
        if len(inside) == 1:
            names = _unique([inside[0], *names])
    return names


def _last_camps(scans: Sequence[Scan]) -> list[str]:
    for scan in reversed(scans):
        camps = [
            m.place.name
            for m in scan.places
            if m.place.kind == "site" and "camp" in m.place.name.casefold()
        ]
        if camps:
            return _unique(camps)
    return []


def _directional(draft: Draft, name: str) -> bool:
    """'northern Baghdad' is a part of the city, not the site the story is about."""
    scan = draft.scan
    return any(
        m.place.name == name and _DIRECTION.search(scan.text_between(m.start - 20, m.start))
        for m in scan.places
    )


def _site_in_city(site: str, city: str) -> bool:
    place = lookup_place(site)
    return place is not None and (
        place.admin1 == city
        or city.casefold() in site.casefold()
        or (place.lat is not None and _near(site, city))
    )


def _near(site: str, city: str) -> bool:
    a, b = lookup_place(site), lookup_place(city)
    if not a or not b or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return abs(a.lat - b.lat) < 0.3 and abs(a.lon - b.lon) < 0.3


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
