"""The date, place and type of one incident, read off the mentions grouped into it (incidents.py).

Its parties are read in incident_parties.py, its tolls in incident_tolls.py.

Rules:
  date    the first day, week or month that dates the event in its first mention; else the
          period of its tolls (at most a month long; not for an event marked as another one,
          whose toll may carry the day of the event told before); else a day told in a later
          mention. A weekday without a publication date to resolve it keeps its text, no date.
          A day after the publication (and its next day) is no event's date: a later release
          or trial the story tells.
  place   the candidates are the places named in the first mention (with the settlements the
          gazetteer lacks but the text marks: settlements.py), its tolls' places and later
          mentions' places; place_context.py re-reads ambiguous names in the country the document
          points to (a dateline, unambiguous places, the parties' countries), chooses the country
          with the most weight, and takes the most specific candidate in it (site, town,
          district, province, country), the first mention's first. A heading line ('FRANCE.')
          names the country and lets the description's other sentences name the place.
          geo_precision: 1 a site or town itself; 2 near a town ("northern Baghdad", "near
          Damboa") or a district; 3 a province or a country. geo_reason gives the rule as
          ``code: words``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from datetime import date
from functools import cache, cached_property
from typing import Any

from newsledger.extract.incident_places import (
    Candidate,
    Dateline,
    capital_places,
    choose_country,
    contained_places,
    country_hints,
    described_places,
    document_places,
    embassy_capital,
    fallback_place,
    find_dateline,
    mention_candidate,
    most_specific,
    name_candidate,
    resolve_readings,
    settlements_of,
    unread_places,
)
from newsledger.extract.incidents.event_mentions import Mention, cue_pattern
from newsledger.extract.places import Place, lookup_place
from newsledger.extract.scan import Scan
from newsledger.extract.time.calendar_math import latest_event_day
from newsledger.model import DatePrecision

_EVENT_KINDS = frozenset({"day", "week", "month"})
_MAX_EVENT_DAYS = 31

DateReading = tuple[date | None, DatePrecision | None, str | None]


# --- date -------------------------------------------------------------------------------------


def incident_date(
    group: Sequence[Mention], scans: Sequence[Scan], published: date | None = None
) -> DateReading:
    """The event's date, its precision and its text (rule in the module docstring); never a
    day after the report's publication (a later release told in the story: 'The hostages were
    freed on 22 July 1994' in a report of 1993)."""
    first, rest = group[0], group[1:]
    latest = latest_event_day(published)
    for reading in (
        _mention_date(first),
        _toll_date(group, scans),
        *(_mention_date(m) for m in rest),
    ):
        if reading[0] is not None and reading[0] <= latest:
            return reading
    for mention in group:
        for time in mention.event_times:
            if time.kind in _EVENT_KINDS and time.period_start is None:
                return None, None, time.text  # "on Monday" with no publication date
    return None, None, None


def _mention_date(mention: Mention) -> DateReading:
    for time in mention.event_times:
        if time.kind in _EVENT_KINDS and time.period_start and time.period_end:
            return time.period_start, precision(time.period_start, time.period_end), time.text
    return None, None, None


def _toll_date(group: Sequence[Mention], scans: Sequence[Scan]) -> DateReading:
    # Another event ("a day after a bomb attack in Maiduguri") must not take the day the context
    # rules carried to its toll from the event told before it; its own day is in its mention.
    if group[0].distinct:
        return None, None, None
    for figure in (f for m in group for f in m.counts):
        start, end = figure.period_start, figure.period_end
        if start and end and (end - start).days < _MAX_EVENT_DAYS:
            return start, precision(start, end), figure.time_text or _time_text(scans, start, end)
    return None, None, None


def _time_text(scans: Sequence[Scan], start: date, end: date) -> str | None:
    """The phrase that states a day the context rules gave a toll ('on Thursday')."""
    for scan in scans:
        for time in scan.times:
            if (time.period_start, time.period_end) == (start, end):
                return time.text
    return None


def precision(start: date, end: date) -> DatePrecision:
    """Day for one day, week for up to seven, else month."""
    days = (end - start).days
    if days == 0:
        return DatePrecision.DAY
    return DatePrecision.WEEK if days < 7 else DatePrecision.MONTH


# --- place ------------------------------------------------------------------------------------


PlaceReading = tuple[Place | None, int | None, str | None]


class DocumentPlaces:
    """What a document says about places for every incident in it, each part read once."""

    def __init__(self, scans: Sequence[Scan]) -> None:
        self.scans = scans

    @cached_property
    def dateline(self) -> Dateline | None:
        """The document's dateline or heading line."""
        return find_dateline(self.scans)

    @cached_property
    def hints(self) -> dict[str, float]:
        """Weak signs of the document's country (place_context.country_hints)."""
        return country_hints(self.scans)

    @cached_property
    def named(self) -> list[Candidate]:
        """Every place the document names, as candidates that speak for their country only."""
        return document_places(self.scans)


def incident_place(group: Sequence[Mention], document: DocumentPlaces) -> PlaceReading:
    """The event's place, geo_precision and geo_reason (rule in the module docstring)."""
    chosen = _chosen_place(group, document)
    if chosen is None:
        return None, None, None
    code, level = _geo_code(chosen.place, chosen.near)
    return chosen.place, level, f"{code}: {chosen.place.name} {chosen.where}"


def _chosen_place(group: Sequence[Mention], document: DocumentPlaces) -> Candidate | None:
    # The stages of place_context's docstring: readings, country, then the finest place in it.
    dateline, hints, scans = document.dateline, document.hints, document.scans
    candidates = _place_candidates(group, scans)
    for m, where, tier in _told(group):
        candidates += contained_places(m.scan, m.start, m.end, where, tier)
        candidates += capital_places(m.scan, m.start, m.end, where, tier)  # 'the Iraqi capital'
    candidates = resolve_readings(candidates, dateline, hints)
    country = choose_country(candidates, dateline, hints)
    if country is None:  # the incident names no place: the country the document names most
        country = choose_country(document.named, None, {})
    if country is not None:
        for m, where, tier in _told(group):
            for unlisted in (unread_places, settlements_of):  # a known reading first
                candidates += unlisted(m.scan, m.start, m.end, country, where, tier)
            candidates += capital_places(m.scan, m.start, m.end, where, tier, country)
    if dateline is not None and dateline.heading:
        # A heading opens a one-incident description: any of its sentences may name the place.
        candidates += described_places(scans, dateline)
    chosen = most_specific(candidates, country) or fallback_place(
        candidates, dateline, scans, document.named, country
    )
    if chosen is not None and chosen.place.kind == "country":
        return _finer_than_country(chosen.place.country, group, document) or chosen
    return chosen


def _finer_than_country(
    country: str, group: Sequence[Mention], document: DocumentPlaces
) -> Candidate | None:
    """For an incident placed only in a country: the capital if it happened at an embassy,
    else the finest place the document names in that country."""
    heading = document.dateline is not None and document.dateline.heading  # one incident
    texts = [s.sentence.text for s in document.scans] if heading else [m.text for m in group]
    named = most_specific(document.named, country)
    finer = named if named is not None and named.place.kind != "country" else None
    return embassy_capital(texts, country) or finer


_IN_FIRST = "named in the incident's sentence"


def _told(group: Sequence[Mention]) -> list[tuple[Mention, str, int]]:
    """Each mention with how its places are described and their tier: 0 for the first mention
    (the main sentence, and the one that tells the event first when the toll comes after it),
    and for one that says where the event took place ('The attack occurred in Hibhib'), else 2."""
    body = [m for m in group if not m.headline] or list(group)
    first = min(body, key=lambda m: m.start)
    return [(m, *_how_told(i == 0 or m is first, m)) for i, m in enumerate(group)]


def _how_told(main: bool, mention: Mention) -> tuple[str, int]:
    if main:
        return _IN_FIRST, 0
    if _location_statement().search(mention.text):
        return _WHERE_TOLD, 0
    return _LATER, 2


@cache
def _location_statement() -> re.Pattern[str]:
    # 'occurred in', 'took place early on Monday at', not 'occurred when the school was closed'
    located = cue_pattern("located").pattern
    return re.compile(rf"{located}\s+(?:[\w'-]+\s+){{0,3}}?(?:in|at|near|outside)\b", re.I)


def _place_candidates(group: Sequence[Mention], scans: Sequence[Scan]) -> list[Candidate]:
    told = _told(group)
    first = group[0]
    found = [
        mention_candidate(first.scan, p, _IN_FIRST, _is_near(first.scan, p.start), 0)
        for p in first.places
    ]
    # A toll's location is a name; the place the document named by it ('Samsun Province') comes
    # before what the name alone looks up to (the town of Samsun).
    named = {p.place.name: p.place for scan in scans for p in scan.places}
    for figure in (f for m in group for f in m.counts):
        for name in figure.locations:
            place = named.get(name) or lookup_place(name)
            if place is not None and place not in {c.place for c in found}:  # one vote a place
                near = _near_in_group(group, place)
                found.append(name_candidate(name, place, _FOR_TOLL, near, (1, figure.start)))
    for mention, where, tier in told[1:]:
        found += [
            mention_candidate(mention.scan, p, where, _is_near(mention.scan, p.start), tier)
            for p in mention.places
        ]
    return found


_FOR_TOLL = "named for the incident's toll"

_LATER = "named in a later sentence on the incident"

_WHERE_TOLD = "named where the text says the incident took place"


def _is_near(scan: Scan, position: int) -> bool:
    before = scan.text_between(scan.sentence.start, position)[-20:]
    return bool(
        re.search(rf"(?:{cue_pattern('near').pattern})\W*(?:the\s+)?$", before, re.IGNORECASE)
    )


def _near_in_group(group: Sequence[Mention], place: Place) -> bool:
    mentions = [(m.scan, p) for m in group for p in m.places if p.place == place]
    return bool(mentions) and all(_is_near(scan, p.start) for scan, p in mentions)


def _geo_code(place: Place, near: bool) -> tuple[str, int]:
    if place.kind in ("site", "city"):
        if near:
            return "near_town", 2
        return ("site_named", 1) if place.kind == "site" else ("town_named", 1)
    if place.kind == "admin2":
        return "district_named", 2
    return ("province_only", 3) if place.kind == "admin1" else ("country_only", 3)


def admin1_of(place: Place) -> str | None:
    """The first-level division a place lies in (itself for a province)."""
    if place.kind == "admin1":
        return place.name
    return None if place.kind == "country" else place.admin1


# --- type -------------------------------------------------------------------------------------


def incident_type(group: Sequence[Mention]) -> tuple[str | None, str | None]:
    """ACLED event type and sub-type from the event classifier, over the incident's sentences."""
    classify = _classifier()
    if classify is None:
        return None, None
    # All sentences at once, in text order: the classifier's priorities then pick the most
    # specific event told ("abducted ... later killed" is an attack), which a first-sentence-first
    # reading misses (ACLED notes: 384 of 437 incidents right, against 371).
    sentences = sorted({m.scan.sentence.start: m.scan.sentence.text for m in group}.items())
    found = classify(" ".join(text for _, text in sentences))
    return (found.event_type, found.sub_event_type) if found is not None else (None, None)


@cache
def _classifier() -> Any:
    # The classifier is another module's concern (incidents/event_types.py); without it, no type.
    try:
        module = importlib.import_module("newsledger.extract.incidents.event_types")
    except ImportError:
        return None
    return getattr(module, "classify_event", None)


__all__ = [
    "DocumentPlaces",
    "admin1_of",
    "incident_date",
    "incident_place",
    "incident_type",
    "precision",
]
