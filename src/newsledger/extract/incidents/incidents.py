"""Incidents: the violent events one document reports (issue 4), each with its own tolls.

Stages, in order (marked ``# n.`` in ``incidents_from_scans``):
  1. cut every sentence into event mentions: triggers ("a car bomb", "the attack", "abducted")
     with the killed, injured and kidnapped figures beside them (event_mentions.py);
  2. drop aggregate and background mentions (rules below);
  3. walk the rest in text order: a mention joins the latest incident it fits (same day, places
     that contain or neighbour each other: the places its own words name, and a place abroad
     parts no definite "the attack" from the event) unless the text marks it as another event;
     one that fits none opens a new incident if it is an anchor, else it is dropped;
  4. fill each incident's fields: date, place, type, parties, tolls (incident_fields.py,
     incident_parties.py, incident_tolls.py).

Anchor: a mention that reports one specific event, so that it may open an incident:
  - a killed/injured/kidnapped figure that is not aggregate, told as one event (a singular event
    noun - "a car bomb", "the attack", "an ambush" -, a day or week in the mention, a toll period
    of at most seven days, or an event verb - "stormed", "killed" - in a sentence that no month
    or longer period dates), with a date or a place;
  - or, without a toll, a singular event noun or an event verb with a day or week that dates
    it, or a singular event noun with a month; or, undated, either with a place in a sentence
    that does not compare ("an attack on the prison ... the biggest since 2019" in a photo
    caption is background, not a report), in a document that states no period totals;
  - or, before any other incident, one event told in the body's first two sentences, even
    undated and unplaced (a report's lead is its news: "Gunmen shot and killed two
    policemen."), unless the lead states period totals; the lead's earlier mentions join it;
  - never a mention of several events ("killed 12 militants in raids in Anbar last week").
Aggregate, never an incident: a toll over a period longer than a month ("44 killed in the first
half of 2024"), or longer than a week unless one event is named (not by its victims: "the killing
of 35 civilians in February" is a month's count) or the toll is all the document tells (a lone
month-dated toll, "Two aid workers were killed by gunmen in Awerial in November.", is one event
of month precision, as ACLED codes it); a toll of a week's span told without one event
("killed 27 terrorists over the past week", "in the week to Friday", a weekly briefing); a
sentence that counts attacks or operations ("313 operations", "4 deadly attacks"); a sentence
dated only by a quarter, half, year or range; an arrest count dated only by a week, told without
one event ("arrested 210 Palestinians in the West Bank last week"). Background (joins nothing):
plural events without a determiner ("almost daily bombings and armed attacks since 2014").
In a report whose lead states period totals (a weekly briefing, a monitor's month), a toll opens
an incident only if its own words date it by day or week or name one event ("On 12 July, soldiers
killed ...", "repelled an attack on their base in Monguno"): a toll dated by the briefing's day
or placed only by the states it spans ("killed 17 terrorists in Borno and Yobe states") is a
share of the totals.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from newsledger.extract.incident_places import Dateline
from newsledger.extract.incidents.event_mentions import (
    DAY_KINDS,
    Mention,
    cue_pattern,
    find_mentions,
    is_headline,
)
from newsledger.extract.incidents.incident_fields import (
    DocumentPlaces,
    admin1_of,
    incident_date,
    incident_place,
    incident_type,
)
from newsledger.extract.incidents.incident_parties import perpetrator, target
from newsledger.extract.incidents.incident_tolls import (
    fate_of_one,
    fate_of_them,
    implicit_victims,
    toll,
)
from newsledger.extract.numbers import noun_measure
from newsledger.extract.places import Place, countries_first, distance_km, lookup_place
from newsledger.extract.scan import (
    Scan,
    document_countries,
    in_noise,
    resolve_document_places,
    scan_sentence,
)
from newsledger.extract.words import split_sentences
from newsledger.model import Document, Figure, Incident, IncidentCount, Measure, Qualifier

_COUNTED_EVENTS = (Measure.ATTACKS, Measure.OPERATIONS)
_FEW_EVENTS = 4  # two to four devices or attacks told with one toll are one coordinated attack
_COARSE_KINDS = frozenset({"quarter", "half", "year", "range"})
_LONG_KINDS = _COARSE_KINDS | {"month"}
_WEEK_DAYS = 7
_MONTH_DAYS = 31
_LEAD_SENTENCES = 2
_SAME_AREA_KM = 50.0  # two towns this close may be one event told from either
_VICTIM_NOUNS = frozenset({"killing"})
# A week's tally, not one day of it: "over the past week", "in the week to Friday", "weekly",
# "during a week of offensive operations".
_WEEK_SPAN = re.compile(
    r"\b(?:weekly|(?:over|during|in|throughout)\s+the\s+(?:past|last|previous)\s+"
    r"(?:week|seven\s+days)|(?:in\s+)?the\s+week\s+(?:to|ending|up\s+to)"
    r"|(?:during|in|over|after)\s+(?:a|one)\s+week\s+of)\b",
    re.IGNORECASE,
)


def find_incidents(document: Document, figures: Sequence[Figure]) -> list[Incident]:
    """The incidents of a document, given its figures; ids i1, i2, ... in text order."""
    sentences = [
        s for s in split_sentences(document.text) if not in_noise(s.start, s.end, document.noise)
    ]
    scans = [scan_sentence(s, document) for s in sentences]
    resolve_document_places(scans)
    return incidents_from_scans(document, figures, scans)


def incidents_from_scans(
    document: Document, figures: Sequence[Figure], scans: Sequence[Scan]
) -> list[Incident]:
    """The incidents told by already scanned sentences (the pure core of ``find_incidents``);
    place names are read in the countries the document names."""
    with countries_first(*document_countries(scans)):
        return _incidents_from_scans(document, figures, scans)


def _incidents_from_scans(
    document: Document, figures: Sequence[Figure], scans: Sequence[Scan]
) -> list[Incident]:
    # 1. Each sentence is given only its own figures, so reading incidents stays linear in length.
    own = _figures_by_sentence(scans, figures)
    mentions = [m for scan in scans for m in _mentions(scan, own[id(scan)], document)]
    if len(mentions) == 1 and _month_toll(mentions[0]):
        mentions[0].lone = True
    # 2.
    kept = [m for m in mentions if not _aggregate(m, own[id(m.scan)], document.published)]
    kept_ids = {id(m) for m in kept}
    # A report of period totals tells of events only with a toll or a date: its undated
    # mentions ("all victims in these provinces were killed by ...") sum up the period. Only a
    # dropped mention with figures is a total: one without ("the arrest of its leader in 1998")
    # recalls background.
    totals = [m for m in mentions if id(m) not in kept_ids and m.counts]
    periodic = bool(totals)
    places = DocumentPlaces(scans)
    lead = _lead_sentences(scans, document, places.dateline)
    # A lead that states totals ("44 killed in the first half of 2024") makes a periodic report;
    # totals told later ("... and twenty other attacks since November") do not unmake its news.
    news_lead = not any(m.scan.sentence.start in lead for m in totals)
    for mention in kept:
        mention.counts = _tolls(mention, document.published)
    # 3.
    groups = _group(kept, periodic, lead if news_lead else frozenset(), briefing=not news_lead)
    # 4.
    return [
        _build(document, number, g.mentions, scans, places)
        for number, g in enumerate(groups, 1)
    ]


def _mentions(scan: Scan, figures: Sequence[Figure], document: Document) -> list[Mention]:
    """The sentence's event mentions; a sentence with none that tells a victim already named
    dying ('The victim later died of his wounds.', 'The aid worker was later found dead.',
    'Their bodies were found.') or a person dying ('A guard died of his wounds.') is a mention
    too, which only joins an incident told around it (its toll when none is stated)."""
    found = find_mentions(scan, figures, document)
    if found:
        return found
    text = scan.sentence.text
    # "Days later their bodies were found", "The victims later died of their wounds"
    fate = fate_of_them(text) or fate_of_one(text)
    if any(t.kind in _LONG_KINDS for t in scan.times):
        return found  # "His father died in 2015": a death of another time
    # "It was later reported that Daud died of his wounds": a victim told before, dying
    dying = bool(cue_pattern("added_dead").search(text))
    if not fate and not dying and not implicit_victims(text, Measure.KILLED):
        return found
    sentence = scan.sentence
    return [Mention(scan, sentence.start, sentence.end, headline=is_headline(scan, document),
                    later_death=True)]



# --- 2. aggregate and background ------------------------------------------------------------


def _figures_by_sentence(
    scans: Sequence[Scan], figures: Sequence[Figure]
) -> dict[int, list[Figure]]:
    """The figures starting in each scanned sentence (by the scan's id), found by bisection."""
    ordered = sorted(figures, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    return {
        id(scan): ordered[bisect_left(starts, scan.sentence.start) :
                          bisect_left(starts, scan.sentence.end)]
        for scan in scans
    }


def _month_toll(mention: Mention) -> bool:
    """A toll dated by one month and nothing coarser, told as one event: not 'in raids', not a
    killing named by its victims nor a monitor's count ('recorded the killing of 52 civilians in
    January')."""
    kinds = {t.kind for t in mention.event_times}
    victims_named = any(t.text.casefold() in _VICTIM_NOUNS for t in mention.triggers)
    counted = bool(cue_pattern("tally").search(mention.text))
    # "during October", "throughout March": the month as a span of many days, not an event's date
    span = any(
        _MONTH_SPAN.search(mention.scan.text_between(max(0, t.start - 14), t.end))
        for t in mention.event_times
    )
    return (
        bool(mention.counts)
        and kinds == {"month"}
        and not mention.several
        and not victims_named
        and not counted
        and not span
    )


_MONTH_SPAN = re.compile(r"\b(?:during|throughout|over|across|through|since|for)\b", re.IGNORECASE)


def _aggregate(mention: Mention, figures: Sequence[Figure], published: date | None = None) -> bool:
    sentence = mention.scan.sentence
    if any(
        f.measure in _COUNTED_EVENTS
        and f.quantity.low > 1
        and sentence.start <= f.start < sentence.end
        and _counts_events(f)
        and not _ONE_OF.search(mention.scan.text_between(f.start - 30, f.start))
        and not _ONE_OF_SERIES.search(mention.scan.text_between(f.start - 60, f.start))
        and not _few_with_toll(f, mention, figures)
        and not _in_series_label(f, mention.scan)
        for f in figures
    ):
        return True
    kinds = {t.kind for t in mention.event_times}
    if kinds & _COARSE_KINDS and not kinds & DAY_KINDS:
        return True
    if mention.counts and not mention.singular and _WEEK_SPAN.search(sentence.text):
        return True  # "troops killed 27 terrorists over the past week": a briefing's tally
    if not mention.counts and not mention.singular and kinds == {"week"} and any(
        _week_of_arrests(f) for f in figures
    ):
        return True  # "arrested 210 people in the West Bank last week": a prisoners' tally
    return bool(mention.counts) and not _tolls(mention, published)


def _in_series_label(figure: Figure, scan: Scan) -> bool:
    """Whether a count lies in a label of a series' part ('(Two of two attacks) A bomb ...')."""
    base = scan.sentence.start
    return any(m.start() + base <= figure.start < m.end() + base
               for m in _SERIES_LABEL.finditer(scan.sentence.text))


def _few_with_toll(count: Figure, mention: Mention, figures: Sequence[Figure]) -> bool:
    """Whether a count of two to four attacks is told with its toll at one place ("Two
    explosions in Villavicencio left two people dead", "killed in two bomb attacks on the
    festival"): one coordinated attack, as RAND and ACLED code it, not a tally of attacks."""
    sentence = mention.scan.sentence
    return (
        count.quantity.low <= _FEW_EVENTS
        and count.quantity.qualifier is Qualifier.EXACT
        and mention.one_place
        and any(f.measure in (Measure.KILLED, Measure.INJURED)
                and sentence.start <= f.start < sentence.end for f in figures)
    )


def _week_of_arrests(figure: Figure) -> bool:
    """An arrest count dated by a week or longer and no day: many arrests, not one raid's."""
    start, end = figure.period_start, figure.period_end
    return (
        figure.measure is Measure.DETAINED
        and figure.quantity.low > 1
        and start is not None
        and end is not None
        and (end - start).days + 1 >= _WEEK_DAYS
    )


# "This was one of three attacks on police that day", "the first of two blasts": the event told
# is one of them, the sentence counts no period's attacks.
_ONE_OF = re.compile(
    r"\b(?:one|first|second|third|fourth|last|latest)\s+of\s+(?:the\s+)?\Z"
    # a label of a series' part: "(Two of two attacks)", "(Three of four bombings)"
    r"|\(\s*(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+\Z", re.IGNORECASE
)
_SERIES_LABEL = re.compile(r"\(\s*[\w-]+\s+of\s+(?:the\s+)?[\w-]+\s+[\w\s-]{0,25}?\)")
# "The second bomb attack, in a series of four on this day": one of them
_ONE_OF_SERIES = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last|latest)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+,?\s+"
    r"(?:in\s+|of\s+)?a\s+(?:series|string|wave|spate)\s+of\s+\Z",
    re.IGNORECASE,
)


def _counts_events(figure: Figure) -> bool:
    """Whether a count of attacks or operations counts events by its noun ('313 operations',
    '4 deadly attacks'), not the targets of one ('attacked two humanitarian boats')."""
    words = (figure.counted or "").split()
    return not words or noun_measure(words[-1]) in _COUNTED_EVENTS


def _tolls(mention: Mention, published: date | None = None) -> list[Figure]:
    """The mention's figures that count one event's victims, not a period's, nor a set the
    event's victims are one of ('He was one of three police officers killed in the city that
    day')."""
    return [
        f for f in mention.counts
        if _event_period(f, mention, published)
        and not _ONE_OF.search(mention.scan.text_between(max(0, f.start - 30), f.start))
    ]


def _event_period(figure: Figure, mention: Mention, published: date | None = None) -> bool:
    # A month counts only when the mention names one event and dates it itself ("in June, a car
    # bomb ..."): a monitor's month carried to its later sentences ("the killing of 5 civilians")
    # is the report's period, not an event's.
    if figure.period_start is None or figure.period_end is None:
        return True
    # A span up to the report's day carried from another sentence ("escaped death for the second
    # time in twelve days", "detained since September") dates no toll its own words leave undated.
    if (figure.time_text is None and not mention.event_times and published is not None
            and figure.period_end == published and figure.period_start < published):
        return True
    days = (figure.period_end - figure.period_start).days + 1
    if mention.lone and days <= _MONTH_DAYS:
        return True  # a report that tells nothing but this month's toll tells one event
    own_month = any(t.kind == "month" for t in mention.event_times)
    # "documented the killing of 35 civilians in February" counts a month's victims: a killing
    # named by its victims is no one event a month could date.
    one_event = any(
        t.noun and t.determined and not t.plural and t.text.casefold() not in _VICTIM_NOUNS
        for t in mention.triggers
    )
    return days <= _WEEK_DAYS or (days <= _MONTH_DAYS and one_event and own_month)


def _anchor(mention: Mention, periodic: bool = False, briefing: bool = False) -> bool:
    if mention.several:
        return False
    if mention.lone:
        return True
    kinds = {t.kind for t in mention.event_times}
    by_day = bool(kinds & DAY_KINDS)
    # An event verb makes one event only when no month or longer dates the sentence ("in
    # January, forces killed 25 operatives" is a month's tally).
    specific = by_day or mention.singular or (mention.verb and not kinds & _LONG_KINDS)
    if mention.counts:
        if briefing:
            # A report whose lead states period totals (a weekly briefing, a monitor's month)
            # tells one event only by its own day or by naming it ("On 12 July, soldiers ...",
            # "repelled an attack on their base in Monguno"): a toll dated by the briefing's day
            # or placed by states only ("troops killed 17 terrorists in Borno and Yobe states")
            # is a share of its totals.
            return (by_day or mention.singular) and bool(kinds or mention.places)
        specific = specific or any(_short_period(f) for f in mention.counts)
        located = bool(
            kinds or mention.places or any(f.locations or f.period_start for f in mention.counts)
        )
        return specific and located
    if by_day or "month" in kinds:
        return mention.singular or (by_day and mention.verb)
    # Undated, a named event in a named place is a report ("Extremists bombed the embassy in
    # Canberra."), unless the sentence only compares ("the biggest attack since 2019").
    undated_ok = not periodic and not kinds and not _compares(mention)
    return specific and bool(mention.places) and undated_ok


def _compares(mention: Mention) -> bool:
    return bool(cue_pattern("comparison").search(mention.text))


def _short_period(figure: Figure) -> bool:
    start, end = figure.period_start, figure.period_end
    return start is not None and end is not None and (end - start).days < _WEEK_DAYS


def _refers(mention: Mention) -> bool:
    """Whether a mention that opens nothing still tells of an event told before."""
    if mention.counts or mention.later_death or _names_victims(mention):
        return True  # "One fell on the street, killing a police officer."
    told = mention.definite or mention.verb or mention.singular or mention.blames
    return told and not _compares(mention)


# --- 3. grouping ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    day: date | None = None
    place: Place | None = None

    def add(self, mention: Mention) -> None:
        found = _place(mention)
        # 'Three people were killed', whose figures carry another place, or 'killed in the
        # attack, which coincided with a visit to India': the event's, placed by the others
        mention.aside = bool(found and self.place and not _related(found, self.place))
        self.mentions.append(mention)
        self.day = self.day or _day(mention)
        if mention.aside:
            return
        if found is not None and (self.place is None or _finer(found, self.place)):
            self.place = found


def _group(
    mentions: Sequence[Mention], periodic: bool, lead: frozenset[int], briefing: bool = False
) -> list[_Group]:
    groups: list[_Group] = []
    opening: list[Mention] = []  # the lead's mentions before the first incident opens
    previous: Mention | None = None
    for mention in mentions:
        # "The attack coincides with another attack on the embassy in Kenya": another event
        # told, without a toll, only beside the one already told is no incident of the report
        aside = previous is not None and previous.scan is mention.scan and previous.definite
        previous = mention
        if groups and aside and mention.distinct and not mention.counts:
            continue
        home = None if mention.distinct else _fitting(groups, mention)
        if home is not None and (_refers(mention) or _anchor(mention, periodic, briefing)):
            home.add(mention)
        elif groups and (mention.later_death or _refers_back(mention)):
            # placed elsewhere by the gazetteer, or dated by the day the bodies were found, but
            # the same event: opens nothing; its victims ("Both drivers were killed in the
            # attack near Balad", "Their bodies were found in Cundinamarca on 19 June") are
            # the latest incident's
            if mention.later_death or _names_victims(mention):
                groups[-1].add(mention)
        elif _anchor(mention, periodic, briefing) or (not groups and _leads(mention, lead)):
            groups.append(_Group())
            for told in [*opening, mention] if len(groups) == 1 else [mention]:
                groups[-1].add(told)
        elif not groups and mention.scan.sentence.start in lead:
            opening.append(mention)
    return groups


def _lead_sentences(
    scans: Sequence[Scan], document: Document, heading: Dateline | None
) -> frozenset[int]:
    """Starts of the body's first two sentences (no headline, no heading line like 'FRANCE.')."""
    body = [
        s.sentence.start
        for s in scans
        if not is_headline(s, document) and _has_words(s)
    ]
    if heading is not None and heading.heading and body and body[0] == scans[0].sentence.start:
        body = body[1:]
    return frozenset(body[:_LEAD_SENTENCES])


def _has_words(scan: Scan) -> bool:
    return any(c.islower() for c in scan.sentence.text)


def _leads(mention: Mention, lead: frozenset[int]) -> bool:
    """A report's opening sentence is its news: one event told there needs no date or place
    ('Gunmen shot and killed two policemen.')."""
    told = mention.verb or mention.singular or bool(mention.counts) or _names_victims(mention)
    return (
        mention.scan.sentence.start in lead
        and told
        and not mention.several
        and not mention.headline
        and not _compares(mention)
    )


def _fitting(groups: Sequence[_Group], mention: Mention) -> _Group | None:
    """The latest incident the mention fits: no other day, no place far from it. Only the
    places its own words name count (its figures' places carried from other sentences part it
    from no story: 'Three people were killed and a manager wounded.'), and a place abroad does
    not part 'the attack' from the event told before ('killed in the attack, which coincided
    with the president's visit to India': a visit, an embassy, a nationality), nor from the
    victims told before ('Journalists from Puerto Rico were among the injured')."""
    day = _day(mention)
    place = min((p.place for p in mention.places), key=_rank, default=None)
    for group in reversed(groups):
        if day and group.day and abs((day - group.day).days) > 1:
            continue
        abroad = bool(place and group.place and place.country != group.place.country)
        told = mention.definite or bool(_VICTIMS_TOLD.search(mention.text))
        if place and group.place and not _related(place, group.place) and not (told and abroad):
            continue
        return group
    return None


# The victims of the event told before: "Journalists from X were among the injured".
_VICTIMS_TOLD = re.compile(
    r"\bamong\s+the\s+(?:dead|killed|injured|wounded|victims|casualties|hostages)\b"
    # "UNITA killed one of the hostages before sending a delegate to Stockholm"
    r"|\b(?:one|two|three|some|several|all|most)\s+of\s+the\s+(?:victims|hostages|captives)\b",
    re.IGNORECASE,
)


def _names_victims(mention: Mention) -> bool:
    """Whether the mention names victims without a number ('killing a police officer', 'Both
    drivers were killed')."""
    return any(implicit_victims(mention.text, m) for m in (Measure.KILLED, Measure.INJURED))


def _refers_back(mention: Mention) -> bool:
    """A definite event noun with no toll and nothing marking another event ("The incident took
    place near Teryath village"): it tells the event already told, never a new one."""
    return mention.definite and not mention.several and not mention.counts and not mention.distinct


def _day(mention: Mention) -> date | None:
    for time in mention.event_times:
        if time.kind == "day" and time.period_start:
            return time.period_start
    periods = [(f.period_start, f.period_end) for f in mention.counts]
    return next((s for s, e in periods if s and s == e), None)


def _place(mention: Mention) -> Place | None:
    places = [p.place for p in mention.places]
    places += [p for f in mention.counts for n in f.locations if (p := lookup_place(n))]
    return min(places, key=_rank, default=None)


def _rank(place: Place) -> int:
    return (
        ("site", "city", "admin2", "admin1", "country").index(place.kind)
        if place.kind in ("site", "city", "admin2", "admin1", "country")
        else 5
    )


def _finer(a: Place, b: Place) -> bool:
    return _rank(a) < _rank(b)


def _related(a: Place, b: Place) -> bool:
    """One place inside the other, or two places near enough to be told of one event."""
    if a.country != b.country:
        return False
    names = {a.name, b.name}
    if a.name == b.name or a.kind == "country" or b.kind == "country":
        return True
    if admin1_of(a) in names or admin1_of(b) in names:
        return True
    distance = distance_km(a, b)
    return distance is not None and distance <= _SAME_AREA_KM


# --- 4. the record ----------------------------------------------------------------------------


def _build(
    document: Document,
    number: int,
    group: Sequence[Mention],
    scans: Sequence[Scan],
    places: DocumentPlaces,
) -> Incident:
    # The main sentence: the first anchor in the body with a toll (a headline rounds and
    # abridges; a photo caption repeats the event without its toll).
    anchors = [m for m in group if _anchor(m)] or list(group)
    body = [m for m in anchors if not m.headline] or anchors
    anchor = next((m for m in body if m.counts), body[0])
    ordered = [anchor, *(m for m in group if m is not anchor)]
    day, day_precision, day_text = incident_date(ordered, scans, document.published)
    place, geo_precision, geo_reason = incident_place(
        [m for m in ordered if not m.aside] or ordered, places)
    event_type, sub_type = incident_type(ordered)
    party, status = perpetrator(ordered, scans)
    sentence = anchor.scan.sentence
    return Incident(
        doc=document.key,
        id=f"i{number}",
        start=sentence.start,
        end=sentence.end,
        date=day,
        date_precision=day_precision,
        date_text=day_text,
        country=place.country if place else None,
        admin1=admin1_of(place) if place else None,
        place=place.name if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=geo_precision,
        geo_reason=geo_reason,
        type=event_type,
        sub_type=sub_type,
        perpetrator=party,
        perpetrator_status=status,
        target=target(ordered),
        killed=toll(ordered, Measure.KILLED, document.text),
        injured=toll(ordered, Measure.INJURED),
        kidnapped=toll(ordered, Measure.KIDNAPPED),
    )


def incident_line(incident: Incident) -> dict[str, object]:
    """The incident line of ``extract --incidents --format jsonl`` (docs/contract.md)."""
    return {
        "kind": "incident",
        "doc": incident.doc,
        "id": incident.id,
        "start": incident.start,
        "end": incident.end,
        "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision.value if incident.date_precision else None,
        "date_text": incident.date_text,
        "country": incident.country,
        "admin1": incident.admin1,
        "place": incident.place,
        "lat": incident.lat,
        "lon": incident.lon,
        "geo_precision": incident.geo_precision,
        "geo_reason": incident.geo_reason,
        "type": incident.type,
        "sub_type": incident.sub_type,
        "perpetrator": incident.perpetrator,
        "perpetrator_status": incident.perpetrator_status,
        "target": incident.target,
        "killed": count_line(incident.killed),
        "injured": count_line(incident.injured),
        "kidnapped": count_line(incident.kidnapped),
    }


def count_line(count: IncidentCount | None) -> dict[str, object] | None:
    """One toll as ``{"low", "high", "qualifier", "figure"}``, or None when not reported."""
    if count is None:
        return None
    return {
        "low": count.low,
        "high": count.high,
        "qualifier": count.qualifier.value,
        "figure": count.figure,
    }


__all__ = ["count_line", "find_incidents", "incident_line", "incidents_from_scans"]
