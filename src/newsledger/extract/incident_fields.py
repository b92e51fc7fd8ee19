"""The fields of one incident, read off the mentions grouped into it (see incidents.py).

Rules:
  date    the first day, week or month that dates the event in its first mention; else the
          period of its tolls (at most a month long; not for an event marked as another one,
          whose toll may carry the day of the event told before); else a day told in a later
          mention. A weekday without a publication date to resolve it keeps its text, no date.
  place   the most specific place (site, town, district, province, country) named in the first
          mention, else among its tolls' places, else in later mentions. geo_precision: 1 a site or
          town itself; 2 near a town ("northern Baghdad", "near Damboa") or a district; 3 a province
          or a country. geo_reason gives the rule as ``code: words``.
  parties the perpetrator is a named armed group or state force acting in a mention (by X, an X
          attack, X fighters stormed), not one counted as victims, spoken for, or attacked; else the
          party a toll is attributed to; else a group the actor table does not know, named where
          it claims or is blamed ("the Baloch Nationalist Army claimed responsibility"); else
          "Unidentified armed group" when gunmen, bandits or bombers are named. Status:
          "claimed" (X claimed responsibility), "suspected" (suspected, blamed), else "stated".
          The target is a party attacked (an attack on X, victims counted
          as X fighters), else the category of the victims counted (farmers -> Civilians), else of
          the people or place the first mention names (a checkpoint -> Security forces).
  tolls   per measure, the toll figures of the incident's mentions; those in the body win over the
          headline's (a headline often rounds or conflates); among them the largest lower bound,
          the first in the text on a tie. "Three victims" and "five more victims" are parts of
          "eight farmers", so the largest is the whole.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from newsledger.extract.actors import ActorMention, actor_kind, canonical_actor
from newsledger.extract.event_mentions import Mention, cue_pattern
from newsledger.extract.places import Place, lookup_place, read_lexicon
from newsledger.extract.scan import Scan
from newsledger.model import DatePrecision, Figure, IncidentCount, Measure

PARTY_KINDS = frozenset({"armed_group", "state_force"})
UNNAMED = "Unidentified armed group"
_KIND_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
_EVENT_KINDS = frozenset({"day", "week", "month"})
_MAX_EVENT_DAYS = 31
_TARGET_REACH = 60  # characters after a trigger where its object is named

DateReading = tuple[date | None, DatePrecision | None, str | None]


# --- date -------------------------------------------------------------------------------------


def incident_date(group: Sequence[Mention], scans: Sequence[Scan]) -> DateReading:
    """The event's date, its precision and its text (rule in the module docstring)."""
    first, rest = group[0], group[1:]
    for reading in (
        _mention_date(first),
        _toll_date(group, scans),
        *(_mention_date(m) for m in rest),
    ):
        if reading[0] is not None:
            return reading
    for mention in group:
        for time in mention.event_times:
            if time.kind in _EVENT_KINDS:
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


def incident_place(group: Sequence[Mention]) -> PlaceReading:
    """The event's place, geo_precision and geo_reason (rule in the module docstring)."""
    candidates = _place_candidates(group)
    if not candidates:
        return None, None, None
    place, where, near = min(candidates, key=lambda c: _KIND_RANK.get(c[0].kind, 5))
    code, level = _geo_code(place, near)
    return place, level, f"{code}: {place.name} named {where}"


def _place_candidates(group: Sequence[Mention]) -> list[tuple[Place, str, bool]]:
    first = group[0]
    found = [
        (p.place, "in the incident's sentence", _is_near(first.scan, p.start)) for p in first.places
    ]
    for figure in (f for m in group for f in m.counts):
        for name in figure.locations:
            place = lookup_place(name)
            if place is not None:
                found.append((place, "for the incident's toll", _near_in_group(group, place)))
    for mention in group[1:]:
        found += [
            (p.place, "in a later sentence on the incident", _is_near(mention.scan, p.start))
            for p in mention.places
        ]
    return found


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


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates, else None."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


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
    # The classifier is another module's concern (extract/event_types.py); without it, no type.
    try:
        module = importlib.import_module("newsledger.extract.event_types")
    except ImportError:
        return None
    return getattr(module, "classify_event", None)


# --- perpetrator and target -------------------------------------------------------------------


def perpetrator(group: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The perpetrator and its status: 'claimed', 'suspected' or 'stated'."""
    best: tuple[int, str, Scan] | None = None
    for mention in group:
        for actor, score in _acting_parties(mention):
            if best is None or score > best[0]:
                best = (score, actor.canonical, mention.scan)
    if best is None:
        best = _toll_party(group)
    if best is None:
        claimant = _named_claimant(group)
        if claimant is not None:
            return claimant
    if best is None:
        unnamed = any(cue_pattern("unnamed_perpetrator").search(m.text) for m in group)
        return (UNNAMED, "stated") if unnamed else (None, None)
    return best[1], _status(group, best[1])


def _acting_parties(mention: Mention) -> list[tuple[ActorMention, int]]:
    scan = mention.scan
    victims = [(f.start, f.end + len(f.counted or "") + 2) for f in mention.counts]
    found = []
    for actor in scan.actors:
        if not mention.start <= actor.start < mention.end or actor.kind not in PARTY_KINDS:
            continue
        if (
            any(a <= actor.start < b for a, b in victims)
            or _speaks(scan, actor)
            or _attacked(scan, actor)
        ):
            continue
        found.append((actor, _agent_score(scan, actor)))
    return found


def _agent_score(scan: Scan, actor: ActorMention) -> int:
    """3: 'by ISWAP', 'an ISWAP attack', 'al-Shabaab claimed'; 2: 'ISWAP fighters'; 1: named."""
    before = scan.text_between(scan.sentence.start, actor.start)
    after = scan.text_between(actor.end, scan.sentence.end)
    if re.search(r"\bby\s+(?:the\s+)?$", before, re.IGNORECASE):
        return 3
    head = after[:40]
    for role in ("event_noun", "event_verb", "claimed"):
        if re.match(
            rf"\W{{0,3}}(?:[\w'-]+\s+)?(?:{cue_pattern(role).pattern})", head, re.IGNORECASE
        ):
            return 3
    if re.match(rf"\W{{0,3}}(?:{cue_pattern('unnamed_perpetrator').pattern})", head, re.IGNORECASE):
        return 2
    return 1


def _speaks(scan: Scan, actor: ActorMention) -> bool:
    if _claims(scan.sentence.text):
        return False  # "ISWAP said it carried out the attack": the speaker is the claimant
    before = scan.text_between(scan.sentence.start, actor.start)[-30:]
    after = scan.text_between(actor.end, scan.sentence.end)[:25]
    if re.match(
        rf"\W*(?:[\w'-]+\s+){{0,2}}(?:{cue_pattern('statement').pattern})", after, re.IGNORECASE
    ):
        return True
    return bool(
        re.search(rf"(?:{cue_pattern('speaker').pattern})\s+(?:the\s+)?$", before, re.IGNORECASE)
    )


def _attacked(scan: Scan, actor: ActorMention) -> bool:
    before = scan.text_between(scan.sentence.start, actor.start)[-25:]
    return bool(
        re.search(
            rf"(?:{cue_pattern('object').pattern})\s+(?:the\s+|a\s+)?$", before, re.IGNORECASE
        )
    )


# A group the actor table does not know, named where it claims or is blamed for the event.
_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|al|the|and|for|wal))*)"
_CLAIMANT = (
    re.compile(
        _NAME + r"\s+(?:has\s+|have\s+|had\s+)?(?:claimed|(?:is|are|was|were)\s+"
        r"(?:suspected|blamed|believed to be behind))"
    ),
    re.compile(r"\b(?:claimed by|blamed on)\s+(?:the\s+)?(?:[a-z]+\s+group\s+)?" + _NAME),
)


def _named_claimant(group: Sequence[Mention]) -> tuple[str, str] | None:
    for mention in group:
        text = mention.scan.sentence.text
        for pattern in _CLAIMANT:
            for match in pattern.finditer(text):
                name = re.sub(r"^(?:The|A|An)\s+", "", match.group("name"))
                if len(name.split()) >= 2 or (name.isupper() and len(name) >= 2):
                    status = "claimed" if _claims(text) else "suspected"
                    return canonical_actor(name), status
    return None


def _toll_party(group: Sequence[Mention]) -> tuple[int, str, Scan] | None:
    """The party a toll is attributed to ('eight farmers ... by ISWAP'), if not the victims'."""
    for mention in group:
        for figure in mention.counts:
            if (
                figure.actor
                and actor_kind(figure.actor) in PARTY_KINDS
                and figure.actor.casefold() not in (figure.counted or "").casefold()
            ):
                return 2, figure.actor, mention.scan
    return None


def _status(group: Sequence[Mention], actor: str) -> str:
    sentences = {m.scan.sentence.start: m.scan for m in group}.values()
    naming = [s.sentence.text for s in sentences if any(a.canonical == actor for a in s.actors)]
    if any(_claims(text) for text in naming):
        return "claimed"
    if any(cue_pattern("suspected").search(text) for text in naming):
        return "suspected"
    return "stated"


def _claims(text: str) -> bool:
    for match in cue_pattern("claimed").finditer(text):
        if not cue_pattern("negation").search(text[max(0, match.start() - 25) : match.start()]):
            return True
    return False


def target(group: Sequence[Mention]) -> str | None:
    """Who or what was hit: a party attacked, the victims' category, or a place attacked."""
    for mention in group:
        for actor in mention.scan.actors:
            if mention.start <= actor.start < mention.end and _attacked(mention.scan, actor):
                return actor.canonical
    for figure in (f for m in group for f in m.counts):
        category = _victims(figure)
        if category:
            return category
    for mention in group:  # "detonated their belts in a crowd of workers", "9 people at a market"
        ends = [t.end for t in mention.triggers] + [f.end for f in mention.counts]
        for end in sorted(ends):
            category = _named_target(
                mention.scan.text_between(end, min(end + _TARGET_REACH, mention.end))
            )
            if category:
                return category
    return None


def _victims(figure: Figure) -> str | None:
    counted = (figure.counted or "").casefold()
    if (
        figure.actor
        and figure.actor.casefold() in counted
        and actor_kind(figure.actor) in PARTY_KINDS
    ):
        return figure.actor  # "12 ISWAP fighters" killed in an airstrike
    return _named_target(counted)


def _named_target(text: str) -> str | None:
    match = _target_pattern().search(text)
    return _targets()[match.group(0).casefold()] if match else None


@cache
def _targets() -> dict[str, str]:
    return {word.casefold(): category for _, (word, category) in read_lexicon("targets.tsv", 2)}


@cache
def _target_pattern() -> re.Pattern[str]:
    words = sorted(_targets(), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


# --- tolls ------------------------------------------------------------------------------------


def toll(group: Sequence[Mention], measure: Measure) -> IncidentCount | None:
    """The incident's toll of one measure (rule in the module docstring)."""
    stated = [(f, m.headline) for m in group for f in m.counts if f.measure is measure]
    if not stated:
        return None
    body = [f for f, headline in stated if not headline] or [f for f, _ in stated]
    best = max(body, key=lambda f: (f.quantity.low, -f.start))
    q = best.quantity
    return IncidentCount(q.low, q.high, q.qualifier, best.id)


__all__ = [
    "UNNAMED",
    "admin1_of",
    "distance_km",
    "incident_date",
    "incident_place",
    "incident_type",
    "perpetrator",
    "precision",
    "target",
    "toll",
]
