"""The fields of one incident, read off the mentions grouped into it (see incidents.py).

Rules:
  date    the first day, week or month that dates the event in its first mention; else the
          period of its tolls (at most a month long; not for an event marked as another one,
          whose toll may carry the day of the event told before); else a day told in a later
          mention. A weekday without a publication date to resolve it keeps its text, no date.
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
  parties the perpetrator is a named armed group or state force acting in a mention (by X, an X
          attack, X fighters stormed), not one counted as victims, spoken for, or attacked; else the
          party a toll is attributed to; else a group the actor table does not know, named where
          it claims or is blamed ("the Baloch Nationalist Army claimed responsibility"); else
          "Unidentified armed group" when gunmen, bandits or bombers are named. Status:
          "claimed" (X claimed responsibility), "suspected" (suspected, blamed), else "stated".
          The target is a party attacked (an attack on X, victims counted
          as X fighters), else the category of the victims counted (farmers -> Civilians), else of
          the people or place the first mention names (a checkpoint -> Security forces).
  tolls   per measure, first from the incident's main mention: its toll figures, and the sums of
          figures it coordinates ("two soldiers and a civilian" = 3, "the driver and two
          passengers" = 3; not "five people, including two soldiers", nor a total listed with its
          parts); the largest, the first in the text on a tie. Else the persons it names without
          a number ("a policeman was killed", "killing the driver and his wife": implicit tolls,
          never figures; words in measures.tsv). Else 0 when a mention up to the main one says
          nobody was hurt and the main one only tells a claim. Else the largest toll of the other
          body mentions, then of the headline (a headline often rounds or conflates), then the
          implicit ones of the other mentions. The main mention comes first because later
          sentences often tell other scopes: a day's or a campaign's total, a claim, another
          report's count.
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
from newsledger.extract.datelines import find_dateline
from newsledger.extract.event_mentions import Mention, cue_pattern
from newsledger.extract.measures import victim_words
from newsledger.extract.place_context import (
    Candidate,
    choose_country,
    country_hints,
    described_places,
    fallback_place,
    mention_candidate,
    most_specific,
    name_candidate,
    resolve_readings,
)
from newsledger.extract.places import Place, lookup_place, read_lexicon
from newsledger.extract.scan import Scan
from newsledger.extract.settlements import contained_places, settlements_of
from newsledger.model import DatePrecision, Figure, IncidentCount, Measure, Qualifier

PARTY_KINDS = frozenset({"armed_group", "state_force"})
UNNAMED = "Unidentified armed group"
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


def incident_place(group: Sequence[Mention], scans: Sequence[Scan] = ()) -> PlaceReading:
    """The event's place, geo_precision and geo_reason (rule in the module docstring)."""
    chosen = _chosen_place(group, scans)
    if chosen is None:
        return None, None, None
    code, level = _geo_code(chosen.place, chosen.near)
    return chosen.place, level, f"{code}: {chosen.place.name} {chosen.where}"


def _chosen_place(group: Sequence[Mention], scans: Sequence[Scan]) -> Candidate | None:
    # The stages of place_context's docstring: readings, country, then the finest place in it.
    dateline, hints = find_dateline(scans), country_hints(scans)
    first = group[0]
    candidates = _place_candidates(group)
    candidates += contained_places(first.scan, first.start, first.end, _IN_FIRST, 0)
    candidates = resolve_readings(candidates, dateline, hints)
    country = choose_country(candidates, dateline, hints)
    if country is not None:
        candidates += settlements_of(first.scan, first.start, first.end, country, _IN_FIRST, 0)
    if dateline is not None and dateline.heading:
        # A heading opens a one-incident description: any of its sentences may name the place.
        candidates += described_places(scans, dateline)
    return most_specific(candidates, country) or fallback_place(candidates, dateline, scans)


_IN_FIRST = "named in the incident's sentence"


def _place_candidates(group: Sequence[Mention]) -> list[Candidate]:
    first = group[0]
    found = [
        mention_candidate(first.scan, p, _IN_FIRST, _is_near(first.scan, p.start), 0)
        for p in first.places
    ]
    for figure in (f for m in group for f in m.counts):
        for name in figure.locations:
            place = lookup_place(name)
            if place is not None:
                near = _near_in_group(group, place)
                found.append(name_candidate(name, place, _FOR_TOLL, near, (1, figure.start)))
    for mention in group[1:]:
        found += [
            mention_candidate(mention.scan, p, _LATER, _is_near(mention.scan, p.start), 2)
            for p in mention.places
        ]
    return found


_FOR_TOLL = "named for the incident's toll"
_LATER = "named in a later sentence on the incident"


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
    main, rest = group[0], group[1:]
    body = [m for m in rest if not m.headline]
    headlines = [m for m in rest if m.headline]
    if main.headline:
        headlines = [main, *headlines]
    else:
        body = [main, *body]
    stated = _largest(_stated_tolls(main, measure)) if not main.headline else None
    stated = stated or _implicit_toll(main, measure)
    denied = any(_denied(m, measure) for m in body if m.start <= main.start)
    if denied and (stated is None or _CLAIMED_TOLL.search(main.text)):
        return IncidentCount(0, 0, Qualifier.EXACT, None)  # "no one was hurt"; a claim says more
    stated = stated or _largest([c for m in body for c in _stated_tolls(m, measure)])
    stated = stated or _largest([c for m in headlines for c in _stated_tolls(m, measure)])
    return stated or next(filter(None, (_implicit_toll(m, measure) for m in rest)), None)


def _denied(mention: Mention, measure: Measure) -> bool:
    """Whether the mention says nobody suffered the measure ('no one was hurt', 'no casualties')."""
    pattern = _DENIALS.get(measure)
    return bool(pattern and pattern.search(mention.text))


# A toll told as someone's claim ("the Taliban claimed seven police killed"), not a claim of
# responsibility.
_CLAIMED_TOLL = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:responsibility|credit)\b)", re.IGNORECASE
)
_NOBODY = r"\bno(?:\s+one|body|-one|\s+people|\s+persons?)\s+(?:\w+\s+){0,3}?"
_DENIALS = {
    Measure.KILLED: re.compile(
        _NOBODY + r"(?:killed|died|dead|hurt|harmed|injured|wounded)\b"
        r"|\bno\s+(?:casualties|fatalities|deaths|loss\s+of\s+life)\b|\bwithout\s+casualties\b",
        re.IGNORECASE,
    ),
    Measure.INJURED: re.compile(
        _NOBODY + r"(?:hurt|harmed|injured|wounded)\b"
        r"|\bno\s+(?:casualties|injuries)\b|\bwithout\s+(?:casualties|injuries)\b",
        re.IGNORECASE,
    ),
}


def _largest(counts: Sequence[tuple[IncidentCount, int]]) -> IncidentCount | None:
    """The count with the largest lower bound, the first in the text on a tie."""
    if not counts:
        return None
    return max(counts, key=lambda c: (c[0].low, -c[1]))[0]


def _stated_tolls(mention: Mention, measure: Measure) -> list[tuple[IncidentCount, int]]:
    """Each toll figure of the mention, and the sum of coordinated ones ('two soldiers and a
    civilian'), with where each starts."""
    figures = sorted((f for f in mention.counts if f.measure is measure), key=lambda f: f.start)
    found = [(_count_of([f]), f.start) for f in figures]
    chain: list[Figure] = []
    joined = False  # whether a link of the chain is an "and" (a list, not an apposition)
    for figure in figures:
        link = _link(mention, chain[-1], figure, measure) if chain else None
        if link is not None:
            chain.append(figure)
            joined = joined or link
            continue
        found += _chain_sum(mention, chain, joined, measure)
        chain, joined = [figure], False
    found += _chain_sum(mention, chain, joined, measure)
    return found


def _link(mention: Mention, first: Figure, second: Figure, measure: Measure) -> bool | None:
    """How two figures are coordinated: True by 'and', False by a comma, None when they are not
    ('five people, including two soldiers'; 'killed one guard and one officer was injured')."""
    scan = mention.scan
    if _PART_OF.search(scan.text_between(first.quantity.end, second.quantity.start)):
        return None
    gap = _COORDINATED.fullmatch(scan.text_between(first.end, second.start))
    if gap is None:
        return None
    if not _same_verb_after(scan.text_between(second.end, second.end + 40), measure):
        return None
    return bool(re.search(r"\band\b|\bas well as\b", gap.group("link"), re.IGNORECASE))


def _chain_sum(
    mention: Mention, chain: Sequence[Figure], joined: bool, measure: Measure
) -> list[tuple[IncidentCount, int]]:
    """The sum of coordinated figures, with one for each person named beside them ('the driver
    and two passengers', 'three guards and a police inspector'); none when the first is the
    total of the others."""
    if not chain:
        return []
    scan = mention.scan
    before = _named_person_before(scan.text_between(mention.start, chain[0].start))
    limit = min((f.start for f in mention.counts if f.start > chain[-1].start), default=mention.end)
    after, after_joined = _named_persons_after(scan.text_between(chain[-1].end, limit), measure)
    lows = [f.quantity.low for f in chain]
    parts = len(chain) + before + after
    if parts < 2 or not (joined or before or after_joined):
        return []
    if len(chain) > 2 and lows[0] == sum(lows[1:]):
        return []
    return [(_count_of(chain, before + after), chain[0].start)]


def _count_of(figures: Sequence[Figure], extra: int = 0) -> IncidentCount:
    """One figure's count, or the sum of several (exact only when every part is)."""
    first = figures[0]
    if len(figures) == 1 and not extra:
        q = first.quantity
        return IncidentCount(q.low, q.high, q.qualifier, first.id)
    low = sum(f.quantity.low for f in figures) + extra
    highs = [f.quantity.high for f in figures]
    high = None if None in highs else sum(h or 0 for h in highs) + extra
    if all(f.quantity.qualifier is Qualifier.EXACT for f in figures):
        qualifier = Qualifier.EXACT
    else:
        qualifier = Qualifier.AT_LEAST if high is None else Qualifier.APPROXIMATE
    return IncidentCount(low, high, qualifier, first.id)


# Between coordinated figures: "three police and one civilian", "two soldiers, a policeman and",
# "2 staff (a doctor, a driver) and 1 guard", "two staff injured and one guard".
_COORDINATED = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:(?:were|was)\s+)?(?:[a-z]+ed\s*)?"
    r"(?P<link>,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\b(?:including|among|of\s+(?:whom|which|them))\b", re.IGNORECASE)
_AUXILIARIES = frozenset(
    {"was", "were", "has", "have", "had", "been", "also", "later", "reportedly", "allegedly",
     "seriously", "critically", "slightly", "badly", "severely", "lightly", "gravely"}
)
_ADVERBS = r"(?:also|later|reportedly|allegedly|instantly|seriously|critically|slightly|badly|" \
    r"severely|lightly|gravely)"
_NEGATED_SUBJECT = re.compile(r"\b(?:no|none|nobody|no-one|neither|nor|not)\b", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Today|Yesterday)\b"
)


def _implicit_toll(mention: Mention, measure: Measure) -> IncidentCount | None:
    """One person per victim named without a number ('a policeman was killed', 'killing the
    driver and his wife'; words in measures.tsv). Never a figure: only the incident's toll."""
    text = mention.text
    found = 0
    for pattern in _victim_patterns(measure):
        for match in pattern.finditer(text):
            if _NEGATED_SUBJECT.search(" ".join(text[: match.start()].split()[-4:])):
                continue  # "no one was hurt", "neither guard was injured"
            found = max(found, _persons_in(match))
    return IncidentCount(found, found, Qualifier.EXACT, None) if found else None


def _persons_in(match: re.Match[str]) -> int:
    """How many persons a victim match names: one, plus one per 'and his wife'."""
    return 1 + len(re.findall(r"\band\b", match.group("others") or ""))


def _named_person_before(text: str) -> int:
    """'killing the driver and ' right before a figure: one person more in the sum."""
    return 1 if _person_before_pattern().search(text) else 0


def _named_persons_after(text: str, measure: Measure) -> tuple[int, bool]:
    """Persons listed right after a figure (', a Swiss and a Dutch national'), and whether the
    last of them is joined by 'and'; none when they are told of by another verb ('and one
    officer was injured')."""
    count, joined, position = 0, False, 0
    verb = re.match(rf"\s+(?:was|were|had\s+been|have\s+been)\s+(?:{_ADVERBS}\s+)?(\w+)", text)
    if verb and verb.group(1).lower() in victim_words().verbs.get(measure, ()):
        position = verb.end()  # "two villagers were killed as well as a policeman"
    while (match := _person_after_pattern().match(text, position)) is not None:
        count, position = count + 1, match.end()
        joined = bool(re.search(r"\b(?:and|as well as)\b", match.group("link"), re.I))
    if not _same_verb_after(text[position:], measure):
        return 0, False
    if count and re.match(r"\s*,", text[position:]):
        return 0, False  # "two people, a guard and a driver, were killed": an apposition
    return count, joined


def _same_verb_after(text: str, measure: Measure) -> bool:
    """Whether the verb right after a listed victim, if it is a victim verb, is one of the
    measure ('... and 1 national wounded' lists another measure's victims)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[:50])[:5]]
    verb = next((w for w in words if w not in _AUXILIARIES), None)
    if verb is None:
        return True
    measures = {m for m, forms in victim_words().verbs.items() if verb in forms}
    return not measures or measure in measures


@cache
def _victim_patterns(measure: Measure) -> tuple[re.Pattern[str], ...]:
    # Case matters only for names: the word lists match in any case ("(?i:...)").
    words = victim_words()
    if measure not in words.verbs:
        return ()  # no implicit tolls of this measure (kidnapped, detained)
    verbs = rf"(?i:{_words_pattern(words.verbs[measure])})"
    died = _words_pattern(words.died.get(measure, ()))
    one = _one_person()
    others = rf"(?P<others>(?:,?\s+(?i:and)\s+{one})*)"
    name = r"(?:[A-Z][\w'’.-]+,?\s+){0,5}[A-Z][\w'’-]*[a-rt-z]"  # not a plural ("Iraqis")
    name_end = r"(?=\s*(?:[,.;:(]|$|\s(?:and|in|on|at|as|while|when|near|after|outside|inside)\b))"
    adverb = rf"(?:(?i:{_ADVERBS})\s+)?"
    found = [
        # "killed a British engineer and his wife", "killing the driver", "shot dead Ahmed Ali"
        rf"\b{verbs}\s+(?:{one}{others}|(?!{_NOT_A_NAME.pattern}){name}{name_end})",
        # "a policeman was killed", "Hassan was shot dead", "the driver has been killed"
        rf"\b(?i:was|has\s+been|had\s+been)\s+{adverb}{verbs}\b(?P<others>)",
        # "a British diplomat and his driver were killed"
        rf"\b{one}(?P<others>(?:,?\s+(?i:and)\s+{one})+)\s+(?i:were)\s+{adverb}{verbs}\b",
    ]
    if died:  # "the driver died of his wounds", "his wife later died"
        found.append(rf"\b{one}(?P<others>)\s+{adverb}(?i:{died})\b")
    return tuple(re.compile(p) for p in found)


@cache
def _person_after_pattern() -> re.Pattern[str]:
    # One listed person per match; the caller matches each where the one before ended.
    # a person noun, or a capitalised word ending the phrase ("a Swiss and a Dutch national")
    end = r"(?=\s*(?:[,.;:()]|$)|\s+(?i:and|as|were|was|who|in|on|at|near|when|while)\b)"
    person = rf"(?:(?i:{_persons()})|[A-Z][\w'’-]+{end})"
    return re.compile(
        rf"(?P<link>,\s*(?i:and)\s+|,\s*|\s+(?i:and|as\s+well\s+as)\s+)(?i:an?|one)\s+"
        rf"(?:[\w'’-]+\s+){{0,3}}?{person}\b(?!['’-])"
    )


@cache
def _person_before_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b{_one_person()}\s+(?i:and)\s+$")


@cache
def _one_person() -> str:
    """A singular person with its determiner: 'a settler', 'the Turkish owner', 'his wife', 'an
    employee of the Ministry of Works'."""
    determiner = r"(?:(?i:an?|the|his|her|their|its)|[A-Z][\w'’-]*['’]s)"
    of_name = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)?"
    return rf"{determiner}\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{_persons()})\b(?!['’-]){of_name}"


@cache
def _persons() -> str:
    return _words_pattern(sorted(victim_words().persons))


def _words_pattern(words: Sequence[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


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
