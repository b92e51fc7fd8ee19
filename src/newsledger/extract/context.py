"""Give each figure its period, places, actor and source: from its sentence, else from context.

Rules (each a function below; the gold case that motivated it is in its comment):
  period  the nearest time expression in the sentence that is not a comparison ("compared with the
          first six months of 2017") or the date of the statement ("said in a release on Thursday");
          else, for flows, the report's period carried from earlier figures; else, for incident
          counts, a day named in the next sentences ("... on Thursday at about 1 pm"). Stocks get
          a period only from their own sentence (their as-of date is the publication date).
  places  places introduced right after the number ("466 operatives in Syria"), else the sentence's
          places; else places implied by parts that add up to this figure; else the previous
          figure's in the same paragraph; else the document's frame (the first stated places,
          refined to a district); else the latest places named before. A city is refined to the
          one site inside it the story names ("al-Tayyaran square" ... "Baghdad"); "the camp" means
          the camp named last.
  actor   an actor inside the counted phrase ("44 ISIS operatives"); an agent ("by ISWAP", "at the
          hands of other parties", "an ISWAP attack"); for members of a group and operations against
          one, the party named in the sentence or the document's main armed group; for violent acts,
          the party named before the number.
  source  the attribution of the sentence ("CENTCOM said", "according to X"); "the report"/"he"
          means the last named source; a reporting organisation as subject; the attribution of
          another sentence of the paragraph; else the document's source ("Source: X" line, or the
          organisation it cites most, at least twice).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from newsledger.extract.actors import ActorMention, canonical_actor, find_actors
from newsledger.extract.attribution import Attribution, attribution_for
from newsledger.extract.measures import counted_noun
from newsledger.extract.periods import TimeMention
from newsledger.extract.places import lookup_place
from newsledger.extract.scan import Draft, Scan
from newsledger.model import STOCK_MEASURES, Document, Measure

_PARTY_KINDS = ("armed_group", "state_force")
_SOURCE_KINDS = frozenset({"agency", "government", "coalition", "ngo", "media"})
_VIOLENT = frozenset(
    {Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED, Measure.MISSING, Measure.ATTACKS}
)
# Counted nouns whose group is usually named once and then implied ("220 operatives killed").
MEMBER_NOUNS = frozenset(
    {
        "operative",
        "fighter",
        "militant",
        "insurgent",
        "terrorist",
        "jihadist",
        "member",
        "leader",
        "commander",
        "operation",
        "mission",
        "raid",
        "strike",
        "victim",
        "other",
    }
)
_COMPARISON = re.compile(
    r"\b(since|compared|than|decrease|increase|same period|started|began)\b", re.IGNORECASE
)
_STATEMENT_DATE = re.compile(
    r"\b(said|says|reported|release|statement|announced|told|report|update)\W*$", re.IGNORECASE
)
_LOCAL_PLACE = re.compile(
    r"^[^.;]{0,60}?\b(?:in|across|at|from|near|throughout|of)\s+(?:the\s+)?$", re.IGNORECASE
)
_JOINED_PLACE = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+|in\s+)?", re.IGNORECASE)
_AGENT_ANAPHORA = re.compile(
    r"\bby (?:the )?(insurgents|militants|terrorists|jihadists|gunmen|attackers|group)\b",
    re.IGNORECASE,
)
_HANDS_OF = re.compile(r"\b(?:at the hands of|attributed to) (?:the )?([^,.;]+)", re.IGNORECASE)
_ACTOR_AS_MODIFIER = re.compile(
    r"^\W*(attacks?|bombings?|ambush(?:es)?|raids?|assaults?|insurgents|militants|"
    r"fighters|gunmen|terrorists)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*By[;:]?\s+([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3})\s*$", re.MULTILINE)
_AGAINST = re.compile(
    r"\b(?:against|targeting|on)\s+((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
)
# Subjects of a killing that name a perpetrator without a known name ("other parties", "gunmen").
_PERPETRATOR_NOUNS = frozenset(
    {
        "party",
        "gunman",
        "militant",
        "insurgent",
        "attacker",
        "assailant",
        "fighter",
        "bandit",
        "jihadist",
        "terrorist",
        "force",
        "group",
        "militia",
    }
)
_OF_THE_ATTACK = re.compile(
    r"\bof the (attack|assault|bombing|raid|ambush|massacre)\b", re.IGNORECASE
)
_ENUMERATION = re.compile(r"(including|among them|\band)\s*$", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
_SOURCE_LINE = re.compile(r"^\s*Source:\s*(.+?)\s*$", re.MULTILINE)
_THE_CAMP = re.compile(r"\bthe camps?\b", re.IGNORECASE)
_INCIDENT_LOOKAHEAD = 3
_PERIOD_KINDS = frozenset({"half", "quarter", "month", "year", "range"})
_DIRECTION = re.compile(
    r"\b(north|south|east|west|northern|southern|eastern|western|outskirts of)\W*$", re.IGNORECASE
)  # sentences after an incident count that may state its day


def assign_context(drafts: Sequence[Draft], scans: Sequence[Scan], document: Document) -> None:
    """Fill period, places, actor and source of every draft, in document order."""
    index = {id(scan): i for i, scan in enumerate(scans)}
    _assign_periods(drafts, scans, index)
    _assign_places(drafts, scans, index)
    dominant = _dominant_party(scans)
    for draft in drafts:
        draft.actor = _actor_for(draft, dominant)
    _assign_sources(drafts, scans, index, document)


# --- period ---------------------------------------------------------------------------------


def _assign_periods(drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int]) -> None:
    carried: tuple[date | None, date | None] = (None, None)
    position = 0
    for draft in drafts:
        # A report's period stated in a sentence without figures still frames what follows
        # ("... killed in the first half of this year ... The UN said the number - 1,692 - ...").
        while position < index[id(draft.scan)]:
            carried = _stated_period(scans[position]) or carried
            position += 1
        draft.time = _nearest_time(draft)
        resolved = draft.time is not None and draft.time.period_start is not None
        if draft.time is not None and resolved:
            draft.period = (draft.time.period_start, draft.time.period_end)
        if draft.measure in STOCK_MEASURES:
            continue
        if resolved:
            carried = draft.period
        elif carried != (None, None):
            draft.period = carried
        elif draft.measure in _VIOLENT:
            draft.period = _day_stated_after(scans, index[id(draft.scan)])
            carried = draft.period
    _backfill_incident_day(drafts)


def _stated_period(scan: Scan) -> tuple[date | None, date | None] | None:
    if scan.quantities:
        return None
    for mention in scan.times:
        before = scan.text_between(scan.sentence.start, mention.start)
        if (
            mention.kind in _PERIOD_KINDS
            and mention.period_start
            and not _COMPARISON.search(before)
        ):
            return mention.period_start, mention.period_end
    return None


def _backfill_incident_day(drafts: Sequence[Draft]) -> None:
    """A headline toll before the story names the day takes the day of the later counts."""
    days = [
        d.period
        for d in drafts
        if d.measure in _VIOLENT and d.period[0] and d.period[0] == d.period[1]
    ]
    if not days:
        return
    for draft in drafts:
        if draft.measure in _VIOLENT and draft.period == (None, None):
            draft.period = days[0]


def _nearest_time(draft: Draft) -> TimeMention | None:
    scan, q = draft.scan, draft.quantity
    best: TimeMention | None = None
    best_distance = 10**9
    for mention in scan.times:
        between = scan.text_between(min(q.end, mention.end), max(q.start, mention.start))
        before = scan.text_between(mention.start - 30, mention.start)
        if _COMPARISON.search(between) or _STATEMENT_DATE.search(before):
            continue
        distance = len(between)
        if distance < best_distance:
            best, best_distance = mention, distance
    return best


def _day_stated_after(scans: Sequence[Scan], position: int) -> tuple[date | None, date | None]:
    """An incident's day told just after its toll, in the same or the next paragraph."""
    paragraph = scans[position].sentence.paragraph
    for scan in scans[position : position + 1 + _INCIDENT_LOOKAHEAD]:
        if scan.sentence.paragraph > paragraph + 1:
            break
        for mention in scan.times:
            if mention.kind == "day" and mention.period_start is not None:
                return mention.period_start, mention.period_end
    return None, None


# --- places ---------------------------------------------------------------------------------


def _assign_places(drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int]) -> None:
    for draft in drafts:
        draft.locations = _sentence_places(draft)
        draft.own_places = bool(draft.locations)
    for position, draft in enumerate(drafts):
        if not draft.own_places:
            draft.locations = _places_from_parts(draft, drafts[position + 1 :])
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
        draft.locations = _refine_with_sites(draft, scans, index[id(draft.scan)])
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
    for scan in reversed(scans[: position + 1]):
        if scan.places:
            return _unique(m.place.name for m in scan.places)
    return []


def _refine_with_sites(draft: Draft, scans: Sequence[Scan], position: int) -> list[str]:
    """A city refined to the one site in it the story names; 'the camp' is the camp named last."""
    if _THE_CAMP.search(draft.scan.sentence.text) and not any(
        "camp" in n.casefold() for n in draft.locations
    ):
        camps = _last_camps(scans[: position + 1])
        if camps:
            return camps if not draft.own_places else _unique([*draft.locations, *camps])
    names = list(draft.locations)
    sites = {m.place.name: m.place for s in scans for m in s.places if m.place.kind == "site"}
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


# --- actor ----------------------------------------------------------------------------------


def _dominant_party(scans: Sequence[Scan]) -> str | None:
    counts = Counter(a.canonical for s in scans for a in s.actors if a.kind == "armed_group")
    return counts.most_common(1)[0][0] if counts else None


def _actor_for(draft: Draft, dominant: str | None) -> str | None:
    scan, q = draft.scan, draft.quantity
    parties = [
        a
        for a in scan.actors
        if a.kind == "armed_group"
        or (a.kind in _PARTY_KINDS and not _in_attribution(a, _attribution_of(draft), scan))
    ]
    counted_end = q.end + len(draft.counted or "") + 2
    inside = [a for a in parties if q.start <= a.start < counted_end]
    if inside:
        return inside[0].canonical
    agent = _agent(draft, parties, dominant)
    if agent:
        return agent
    if draft.measure is Measure.OPERATIONS:
        # operations are counted against a group: "against X", else the story's main armed group
        target = _AGAINST.search(scan.text_between(q.end, scan.sentence.end))
        named = find_actors(target.group(1)) if target else []
        return named[0].canonical if named else dominant or _preferred(parties, q.start)
    if draft.counted_head == "victim" and _OF_THE_ATTACK.search(scan.sentence.text):
        return dominant  # "three victims of the attack": the attack the story is about
    if draft.counted_head in MEMBER_NOUNS:
        # members of a group: the armed group named, never the state force that fought them
        groups = [a for a in parties if a.kind == "armed_group"]
        return _preferred(groups, q.start) or dominant
    if draft.measure in _VIOLENT:
        before = [a for a in parties if a.end <= q.start]
        return _preferred(before, q.start) or _subject_perpetrator(draft)
    return None


def _subject_perpetrator(draft: Draft) -> str | None:
    """'Other parties, including gunmen, killed 10 civilians': the verb's subject is the doer."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return None
    noun = counted_noun(scan.parse.doc[draft.token])
    if noun.dep_ != "dobj":
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
    text = " ".join(t.text for t in words)
    named = find_actors(text)
    if named:
        return named[0].canonical if named[0].kind not in _SOURCE_KINDS else None
    return text if subject.lemma_.lower() in _PERPETRATOR_NOUNS else None


def _agent(draft: Draft, parties: Sequence[ActorMention], dominant: str | None) -> str | None:
    """The perpetrator stated after the number, before the next one ('... killed by ISWAP')."""
    scan, q = draft.scan, draft.quantity
    # An enumeration ("86 civilians, including 6 children and 31 women, lost their lives at the
    # hands of ...") shares its agent: only a number starting a new clause ends the window.
    limit = min(
        (
            x.start
            for x in scan.quantities
            if x.start > q.start
            and not _ENUMERATION.search(scan.text_between(x.start - 14, x.start))
        ),
        default=scan.sentence.end,
    )
    for actor in parties:
        before = scan.text_between(scan.sentence.start, actor.start).rstrip()
        after = scan.text_between(actor.end, scan.sentence.end)
        if _ACTOR_AS_MODIFIER.match(after):
            return actor.canonical
        if q.end <= actor.start < limit and (before.endswith(" by") or before.endswith(" by the")):
            return actor.canonical
    window = scan.text_between(q.end, limit)
    if _AGENT_ANAPHORA.search(window) and dominant:
        return dominant
    hands = _HANDS_OF.search(window)
    if hands:
        named = find_actors(hands.group(1))
        if len(named) == 1 and " and " not in hands.group(1):
            return named[0].canonical
        return hands.group(1).strip()
    return None


def _preferred(parties: Sequence[ActorMention], position: int) -> str | None:
    for kind in _PARTY_KINDS:
        of_kind = [a for a in parties if a.kind == kind]
        if of_kind:
            return min(of_kind, key=lambda a: abs(a.start - position)).canonical
    return None


def _in_attribution(actor: ActorMention, attribution: Attribution | None, scan: Scan) -> bool:
    """Whether the actor is the speaker or in the speaker's title ('spokesman for the Command')."""
    if attribution is None:
        return False
    start = scan.sentence.start + attribution.start
    end = start + len(attribution.text)
    if start <= actor.start < end:
        return True
    if attribution.anchor < 0:  # "according to X, Y killed ...": the comma ends the attribution
        return False
    between = scan.text_between(end, actor.start)
    return between.lstrip().startswith(",") and len(between) < 60 and " that " not in between


# --- source ---------------------------------------------------------------------------------


def _assign_sources(
    drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int], document: Document
) -> None:
    named = _named_sources(scans)
    by_paragraph: dict[int, str] = {}
    for position, name in named.items():
        by_paragraph.setdefault(scans[position].sentence.paragraph, name)
    fallback = _document_source(document, scans, list(named.values()))
    for draft in drafts:
        position = index[id(draft.scan)]
        attribution = _attribution_of(draft)
        if attribution is not None and not attribution.generic:
            draft.source = source_name(attribution.text)
        elif attribution is not None:
            earlier = [name for p, name in named.items() if p <= position]
            draft.source = earlier[-1] if earlier else fallback
        else:
            draft.source = (
                _subject_source(draft.scan)
                or by_paragraph.get(draft.scan.sentence.paragraph)
                or fallback
            )


def _attribution_of(draft: Draft) -> Attribution | None:
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return scan.attributions[0] if scan.attributions else None
    return attribution_for(scan.attributions, scan.parse.doc[draft.token])


def _named_sources(scans: Sequence[Scan]) -> dict[int, str]:
    named = {}
    for i, scan in enumerate(scans):
        specific = [a for a in scan.attributions if not a.generic]
        if specific:
            named[i] = source_name(specific[-1].text)
    return named


def source_name(text: str) -> str:
    """A source as written, or the canonical name of the organisation it names."""
    mentions = find_actors(text)
    if mentions:
        return mentions[0].canonical
    return canonical_actor(text)


def _document_source(document: Document, scans: Sequence[Scan], named: list[str]) -> str | None:
    """Whom a story's unattributed figures come from: a 'Source:' line, the source it names most,
    the organisation it mentions most (twice or more), or its byline."""
    line = _SOURCE_LINE.search(document.text)
    if line:
        return source_name(line.group(1))
    counts = Counter(a.canonical for s in scans for a in s.actors if a.kind in _SOURCE_KINDS)
    if counts and counts.most_common(1)[0][1] >= 2:
        return counts.most_common(1)[0][0]
    proper = [name for name in named if len(_CAPITALISED.findall(name)) >= 2]
    if proper:
        return Counter(proper).most_common(1)[0][0]
    byline = _BYLINE.search(document.text[:300])
    return byline.group(1).strip() if byline else None


def _subject_source(scan: Scan) -> str | None:
    """A reporting organisation as subject ('U.S. Central Command ... conducted 94 missions')."""
    if scan.parse is None:
        return None
    for token in scan.parse:
        if token.dep_ != "nsubj" or token.head.dep_ != "ROOT":
            continue
        start = scan.sentence.start + token.left_edge.idx - scan.parse.start_char
        end = (
            scan.sentence.start
            + token.right_edge.idx
            + len(token.right_edge.text)
            - scan.parse.start_char
        )
        for mention in scan.actors:
            if start <= mention.start and mention.end <= end and mention.kind in _SOURCE_KINDS:
                return mention.canonical
    return None
