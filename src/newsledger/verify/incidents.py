"""Merge reports of one incident from several documents into one incident (issue 4).

Two reports (incidents of different documents) tell of one event when all of these hold:

1. time: both dates known and at most 1 day apart (a week or month counts as its whole span;
   a night attack is dated to either day); else their reference days (the date, else the
   publication date) at most 1 day apart: a report that states no date of its own tells the
   news of its day, and an undated report of a killing in the same town two or three days
   later is as often another killing there (two food-convoy drivers shot in one town two days
   apart, both told without a date);
2. place: the same place by name (after normalising: "al-Tayyaran square" is "Tayaran Square");
   or, in one country, the report placed strictly more finely names the other's place (a report
   at "Teryath village" that names "Reasi" district, where the other places it; a report placed
   at one town that names another town, as background, is not placed more finely);
   or, both located to a town or finer (geo_precision 1-2), a site within 15 km of the town it
   lies in, or a place within 30 km of the district (admin2) named by the other; province- and
   country-level reports merge only with the same province or country, and a report placed at
   its country only and not dated by its text merges with none;
3. type: equal, one unknown, or both political violence (battles, explosions/remote violence,
   violence against civilians): outlets code one bombing as an explosion or as an attack;
   of other types (protests, strategic developments) the same sub-event type where both are
   known (an arrest and a looting are two events);
   but when either report tells its event as one of several of that day ("This was one of two
   attacks on the minister that day"), the same type and sub-event type where both are known;
   a report that numbers its event in a series ("the first of three suicide bombings", "the
   fourth of four bombs") tells one of several too, and two that each number theirs and share
   no number are two of its events (``series_positions``);
4. perpetrator: not two different named parties;
5. a shared distinctive name (when the reports' names are known, as in a ledger): both
   documents name something (a capitalised word they never write in lower case: "Tayaran",
   "Seytenga", "Shuwarin") that the ledger's documents name mostly around that time - at least
   twice as many documents dated within ``NEAR_DAYS`` of the event as further away. A city in
   the news every week ("Baghdad", "Kabul") is no such name: two bombings in Baghdad on one day
   stay two incidents unless both reports name the same square, market or village. When the
   only such name is the incident's own place ("Seytenga", or a spelling the gazetteer reads as
   it or its province: "Qandahar" of "Kandahar"), the reports must be of one day.
   Month and weekday names are no names, nor are those of an earlier event a report recalls
   as the cause ("in the wake of an attack on the Askariya shrine in Samarra") or of whoever
   claims the attack ("A group calling itself X claimed responsibility"): many events share them.

Reports are taken oldest first and each joins the first merged incident whose every report it
fits and that has no report from its document; else it opens one. A report with neither a date
nor a publication date is placed last and only by place: it joins the one incident at the same
named place of a compatible type (of several, the one of the same type), and stays alone when
none or several fit.

Each source's tolls stay on its report. Per measure, the merged toll follows the figure groups'
rule (verify/bounds.py): low is the lowest bound a report states, high the highest (None when
none is bounded, or an open-ended report states more); best is the number of the latest report
(publication date) from the most specific one (finest place, then finest date), exact numbers
winning ties, kept inside [low, high]. The verdict is agree when the reports' intervals meet.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from newsledger.extract.folded import folded_words
from newsledger.extract.incidents import UNNAMED, cue_pattern
from newsledger.extract.incidents.event_mentions import cue_words
from newsledger.extract.places import (
    Place,
    countries_first,
    distance_km,
    lookup_place,
    normalise_place,
)
from newsledger.extract.time import WORDS
from newsledger.model import (
    DatePrecision,
    Figure,
    Incident,
    IncidentCount,
    Qualifier,
    Quantity,
)
from newsledger.noise import merge_spans
from newsledger.verify.bounds import low_high, within
from newsledger.verify.bounds import stated as said
from newsledger.verify.cues import has_cue, sentence_of

SAME_DAY_SLACK = 1  # days between two reports' event dates (a night attack spans two)
SAME_REPORT_DAYS = 1  # days between an undated report's publication day and the other's day
SITE_IN_TOWN_KM = 15.0
IN_DISTRICT_KM = 30.0
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
MEASURES = ("killed", "injured", "kidnapped")
_SPAN_DAYS = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 6,
    DatePrecision.MONTH: 30,
    DatePrecision.YEAR: 364,
}
_PRECISION_RANK = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3,
}
_STATUS_RANK = {"claimed": 0, "stated": 1, "suspected": 2}
EVENT_MAX_DAYS = 7  # a flow over a longer period is a periodic total, not one event's toll
NEAR_DAYS = 7  # a name in the news for an event is named around its day
# A capitalised word (with hyphens and apostrophes) and whether a sentence or line opens there.
_NAME = re.compile(r"(?:^|(?<=\s|\(|\"|'|-))(?:[a-z]{2,3}-)?[A-Z][\w'’-]+")
_OPENING = re.compile(r"(?:^|[.!?\n][\"'”’)]*)\s*$")
_CALENDAR = frozenset(
    word.rstrip(".")
    for kind in ("weekday", "month", "month_abbr")
    for word in WORDS[kind]
)
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-")
# Where a claimant's clause starts: "In Paris, a group calling itself X claimed ..." -> "a group".
_CLAIM_CLAUSE = re.compile(r"[,;:(]\s*")
# A claimant named after its verb ("The attack was claimed by the Mujahideen Council, an alliance
# of ..."; "blamed on X"): its names run to the sentence's end.
_CLAIMED_BY = re.compile(r"\b(?:claimed\s+by|blamed\s+on|attributed\s+to)\b", re.IGNORECASE)
_COUNTS = r"(?:two|three|four|five|six|several|a\s+series\s+of|\d+)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|last|latest)"
# "one of two attacks on him on this day", "the second attack on the building that day":
# an ordinal or "one of N" and the day's reference, in one sentence.
_SEVERAL_THAT_DAY = re.compile(
    rf"\b(?:one\s+of\s+(?:the\s+)?{_COUNTS}|(?:the|a)\s+{_ORDINAL})\b[^.;!?]{{0,80}}?"
    r"\b(?:(?:on\s+)?(?:that|this|the\s+same)\s+day|earlier\s+(?:that|the\s+same)\s+day)\b",
    re.IGNORECASE,
)


_ORDINAL_NUMBERS = {
    word: n for n, word in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth"), 1)}
_COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")


# Words that end the counted phrase: "2 of 6 passengers in the attack" counts people, not events.
_LINKS = r"(?:in|on|at|of|for|by|with|from|the|a|an|and|or|to|near|during|as|after|before)"


@cache
def _series_pattern() -> re.Pattern[str]:
    """'the first of a series of three suicide bombings', 'fourth of five bombs', '(2nd of 6
    attacks)', '6 of 8 coordinated bombing attacks': a number in a series of events, the count
    and (within three words) an event noun after it."""
    ordinal = "|".join(_ORDINAL_NUMBERS)
    count = "|".join(_COUNT_WORDS)
    nouns = folded_words(cue_words("event_noun"), r"[\s-]+")
    return re.compile(
        rf"(?<![\w-])(?:(?P<word>{ordinal})|(?P<digits>\d{{1,2}})(?:st|nd|rd|th)?)\s+of\s+"
        rf"(?:the\s+)?(?:(?:a|an)\s+(?:series|string|wave|spate|set)\s+of\s+)?"
        rf"(?P<count>{count}|\d{{1,2}})\s+(?:(?!{_LINKS}\b)[\w'’-]+\s+){{0,3}}?"
        rf"(?:{nouns})(?:e?s)?(?![\w-])",
        re.IGNORECASE)


def series_positions(text: str) -> frozenset[int]:
    """The numbers a report gives its events in a series ('the second of three blasts' -> 2;
    'the first of a series of three suicide bombings' -> 1): two reports that each number their
    event and share no number tell two events of the series (rule 3)."""
    found = set()
    for match in _series_pattern().finditer(text):
        word, count = match.group("word"), match.group("count").lower()
        position = _ORDINAL_NUMBERS[word.lower()] if word else int(match.group("digits"))
        total = _COUNT_WORDS.index(count) + 2 if count in _COUNT_WORDS else int(count)
        if 1 <= position <= total:
            found.add(position)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class IncidentReport:
    """One document's incident with what merging needs from its document."""

    incident: Incident
    published: date | None = None
    outlet: str | None = None
    evidence: str = ""  # the incident's main sentence
    names: frozenset[str] | None = None  # document_names of its document; None: not known
    several: bool = False  # its document tells several events of that day (several_that_day)
    series: frozenset[int] = frozenset()  # its document's numbers in a series (series_positions)

    @property
    def key(self) -> str:
        """``doc/id``: unique in a ledger."""
        return f"{self.incident.doc}/{self.incident.id}"

    @property
    def reference_day(self) -> date | None:
        """The event's date, else the publication date."""
        return self.incident.date or self.published


@dataclass(frozen=True, slots=True)
class MergedCount:
    """A merged toll: best, low and high over the reports' counts of one measure."""

    best: int
    low: int | None  # None: no report states a lower bound ("at most 12")
    high: int | None
    verdict: str  # single | agree | update | conflict


@dataclass(frozen=True, slots=True)
class MergedIncident:
    """One event told by one or more reports, with each report's tolls kept."""

    id: str
    incident: Incident  # where, when, what and who (see _representative); no tolls
    killed: MergedCount | None
    injured: MergedCount | None
    kidnapped: MergedCount | None
    reports: tuple[IncidentReport, ...]
    reason: str


def document_names(text: str) -> frozenset[str]:
    """The names a report uses: capitalised words inside sentences that the report never writes
    in lower case, lower-cased, without an Arabic article or possessive ('al-Tayyaran' ->
    'tayyaran'). Not the names of an earlier event recalled as the cause ('in the wake of an
    attack on the Askariya shrine in Samarra', to the sentence's end: `background` cues), nor
    those of who claims an attack ('A group calling itself X claimed responsibility', from the
    clause's start): a cause or a claimant is shared by many events."""
    lower = set(re.findall(r"\b[a-z][\w'’-]*", text))
    lower |= _CALENDAR  # "Nov", "Monday": every report of the month names them
    skipped = merge_spans(_recalled_and_claimants(text))
    skipped_starts = [start for start, _ in skipped]
    found = set()
    for match in _NAME.finditer(text):
        if _OPENING.search(text, max(0, match.start() - 4), match.start()):
            continue  # the first word of a sentence is capitalised whatever it is
        # bisect, not a scan of every span: a long document has thousands of each
        at = bisect_right(skipped_starts, match.start()) - 1
        if at >= 0 and match.start() < skipped[at][1]:
            continue
        word = match.group(0).lower().replace("’", "'").removesuffix("'s").strip("'-")
        word = _ARTICLE.sub("", word)
        if len(word) >= 3 and word not in lower:
            found.add(word)
    return frozenset(found)


def _recalled_and_claimants(text: str) -> list[tuple[int, int]]:
    """Spans of the text whose names are no names of the report's own event: from a background
    cue to its sentence's end, from a clause's start to a claim of responsibility, and from a
    passive claim or blame ("claimed by", "blamed on") to its sentence's end."""
    spans = []
    for match in cue_pattern("background").finditer(text):
        spans.append((match.start(), sentence_of(text, match.start())[1]))
    for match in cue_pattern("claimed").finditer(text):
        start, _ = sentence_of(text, match.start())
        breaks = [m.end() for m in _CLAIM_CLAUSE.finditer(text, start, match.start())]
        spans.append((max([start, *breaks]), match.start()))
    for match in _CLAIMED_BY.finditer(text):
        spans.append((match.end(), sentence_of(text, match.start())[1]))
    return spans


def several_that_day(text: str) -> bool:
    """Whether the report tells its event as one of several of that day ('This was one of two
    attacks on the minister that day', 'the second blast in the town on the same day')."""
    return bool(_SEVERAL_THAT_DAY.search(text))


class NameIndex:
    """For each name, the reference days of the documents that name it (rule 5)."""

    def __init__(self, reports: Iterable[IncidentReport] = ()) -> None:
        days: dict[str, dict[str, date | None]] = defaultdict(dict)
        for report in reports:
            for name in report.names or ():
                days[name][report.incident.doc] = report.reference_day
        self._index(days)

    @classmethod
    def of_days(cls, days: Mapping[str, Mapping[str, date | None]]) -> NameIndex:
        """The index given, for each name, the documents naming it and their reference days
        (a document's day is that of its last report, as ``NameIndex(reports)`` keeps it)."""
        index = cls()
        index._index(days)
        return index

    def _index(self, days: Mapping[str, Mapping[str, date | None]]) -> None:
        self._documents = {name: len(by_doc) for name, by_doc in days.items()}
        # Sorted, so that the documents near a day are counted by bisection, not by a scan of
        # every document that names a city in the news every week.
        self._days = {name: sorted(d for d in by_doc.values() if d is not None)
                      for name, by_doc in days.items()}

    def distinctive(self, name: str, day: date | None) -> bool:
        """Named by at least twice as many documents near ``day`` as further from it."""
        if day is None:
            return self._documents.get(name, 0) <= 2
        days = self._days.get(name, [])
        reach = timedelta(days=NEAR_DAYS)
        near = bisect_right(days, day + reach) - bisect_left(days, day - reach)
        far = len(days) - near
        return far * 2 <= near


def share_distinctive_name(a: IncidentReport, b: IncidentReport, index: NameIndex) -> bool:
    """Rule 5: both documents name something distinctive that is not their country or province;
    when that is only the incident's own place, the reports must also be of one day."""
    if a.names is None or b.names is None:
        return True  # names not known (reports built by hand): rules 1-4 decide
    regions = {
        word
        for incident in (a.incident, b.incident)
        for value in (incident.country, incident.admin1)
        if value
        for word in document_names(f"x {value}") | {normalise_place(value)}
    }
    places = {
        word
        for incident in (a.incident, b.incident)
        if incident.place
        for word in document_names(f"x {incident.place}")
    }
    day = a.reference_day or b.reference_day
    shared = {n for n in (a.names & b.names) - regions if index.distinctive(n, day)}
    # A spelling the gazetteer reads as the incident's place or province ("Qandahar" of a report
    # placed at "Kandahar", "Baglung district" at "Baglun") is that place, not a name of its own.
    places |= {n for n in shared if _names_incident_place(n, a.incident, b.incident)}
    if shared - places:
        return True
    return bool(shared) and _one_day(a, b)


def _names_incident_place(name: str, *incidents: Incident) -> bool:
    """Whether the gazetteer reads a name, in the incidents' countries, as the place or
    province of one of them ("Faizabad" of a report on Afghanistan is its Fayzabad, though
    read alone the name is a town in India)."""
    with countries_first(sorted({i.country for i in incidents if i.country})):
        found = lookup_place(name)
    if found is None:
        return False
    key = normalise_place(found.name)
    return any(
        normalise_place(value) == key
        for incident in incidents
        for value in (incident.place, incident.admin1)
        if value and incident.country == found.country
    )


def _one_day(a: IncidentReport, b: IncidentReport) -> bool:
    """Both dated to one day (event dates when both are known, else reference days), or one
    report undated."""
    if a.incident.date and b.incident.date:
        return _span_gap(a.incident, b.incident) == 0
    if a.reference_day is None or b.reference_day is None:
        return True
    return a.reference_day == b.reference_day


def figure_incidents(
    merged: Sequence[MergedIncident],
    figures: Sequence[Figure],
    text_of: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """``doc:id`` of each figure an incident tells -> the id of its merged incident.

    A figure tells an incident when it is one of its tolls or lies in its main sentence; any
    other killed, injured or kidnapped figure whose stated period, if any, is at most
    ``EVENT_MAX_DAYS`` long tells the incident told last before it (the first, when it comes
    before them all): a report of one event counts its dead in several sentences. Except a
    figure of a measure whose toll that incident states and that lies wholly below it ("In total,
    173 people were killed ... The first blast, at Vile Parle, killed one"): it counts a part of
    the incident (one site's dead, one group's), not the incident, and tells none, so it never
    meets another report's part of another site as a rival; unless a source of its own gives it
    or its sentence calls it an earlier count ("an initial count of 50", read from the document
    text ``text_of`` gives): that is an earlier count of the whole.
    """
    return told_incidents(
        [(report.incident, group.id) for group in merged for report in group.reports], figures,
        text_of)


def told_incidents(
    incidents: Iterable[tuple[Incident, str]],
    figures: Sequence[Figure],
    text_of: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """``figure_incidents`` given the documents' incidents with the merged incident of each;
    only the incidents of the figures' documents matter."""
    told: dict[str, str] = {}
    per_doc: dict[str, list[tuple[Incident, str]]] = defaultdict(list)
    for incident, merged_id in incidents:
        per_doc[incident.doc].append((incident, merged_id))
        for count in (incident.killed, incident.injured, incident.kidnapped):
            if count is not None and count.figure:
                told[f"{incident.doc}:{count.figure}"] = merged_id
    # Each document's incidents indexed once: a long document has thousands of incidents and
    # a hundred thousand figures, and a scan of all its incidents per figure was quadratic.
    spans = {doc: _IncidentSpans(listed) for doc, listed in per_doc.items()}
    for figure in figures:
        key = f"{figure.doc}:{figure.id}"
        found = spans.get(figure.doc)
        if key in told or found is None:
            continue
        inside = found.first_holding(figure.start)
        if inside is not None:
            told[key] = inside
        elif _event_flow(figure):
            incident, merged_id = found.told_before(figure.start)
            if not _below_toll(figure, incident) or _earlier_count(figure, text_of):
                told[key] = merged_id
    return told


class _IncidentSpans:
    """One document's incidents (with their merged ids, in the order given), by start."""

    def __init__(self, incidents: list[tuple[Incident, str]]) -> None:
        # Stable: incidents starting together keep the order given.
        self._ordered = sorted(enumerate(incidents), key=lambda item: item[1][0].start)
        self._starts = [incident.start for _, (incident, _) in self._ordered]
        self._longest = max(incident.end - incident.start for incident, _ in incidents)

    def first_holding(self, at: int) -> str | None:
        """The merged id of the first incident (in the order given) whose span holds ``at``."""
        holding = []
        # Only an incident starting less than the longest span before ``at`` can hold it.
        for n in range(bisect_right(self._starts, at) - 1, -1, -1):
            rank, (incident, merged_id) = self._ordered[n]
            if incident.start + self._longest <= at:
                break
            if at < incident.end:
                holding.append((rank, merged_id))
        return min(holding)[1] if holding else None

    def told_before(self, start: int) -> tuple[Incident, str]:
        """The incident a later sentence continues: the last told before it, else the first (a
        headline or lead before the main sentence tells the report's first incident)."""
        at = bisect_right(self._starts, start)
        return self._ordered[at - 1 if at else 0][1]


def _earlier_count(figure: Figure, text_of: Callable[[str], str] | None) -> bool:
    """Whether the figure's sentence calls it an earlier count (check_cues.tsv 'earlier')."""
    if text_of is None:
        return False
    text = text_of(figure.doc)
    start, end = sentence_of(text, figure.start)
    return has_cue(text[start:end], "earlier")


def _below_toll(figure: Figure, incident: Incident) -> bool:
    """Whether the incident states a toll of the figure's measure that the figure lies wholly
    below (its highest value under the toll's lowest): a part of the incident's victims."""
    if figure.source is not None:
        return False  # "the health ministry said 26": an earlier count of the whole, not a part
    toll = getattr(incident, figure.measure.value, None)
    high = figure.quantity.high
    return isinstance(toll, IncidentCount) and high is not None and high < toll.low


def _event_flow(figure: Figure) -> bool:
    if figure.measure.value not in MEASURES:
        return False  # counts of attacks or arrests sum up a period; stocks are no event
    if figure.period_start and figure.period_end:
        return (figure.period_end - figure.period_start).days <= EVENT_MAX_DAYS
    return True


def merge_incidents(
    reports: Iterable[IncidentReport], index: NameIndex | None = None
) -> list[MergedIncident]:
    """Merged incidents, oldest first; every report lands in exactly one.

    Reports of different countries never merge: the reports of some countries merge as they
    do among all reports, given the ``index`` of all reports (rule 5 counts every document)."""
    reports = list(reports)
    index = NameIndex(reports) if index is None else index
    dated = sorted((r for r in reports if r.reference_day is not None), key=_order)
    undated = sorted((r for r in reports if r.reference_day is None), key=_order)
    groups: list[list[IncidentReport]] = []
    # Rules 1 and 2 need one country and one time, so a report is compared only with the
    # incidents of its country that every report of can still be of its time (``_OpenIncident``):
    # the same first fit as a scan of every incident, in time that does not grow with the ledger.
    of_country: dict[str | None, list[list[IncidentReport]]] = defaultdict(list)
    still_open: dict[str | None, list[_OpenIncident]] = defaultdict(list)
    for report in dated:
        day, country = report.reference_day, report.incident.country
        assert day is not None
        still_open[country] = candidates = [o for o in still_open[country] if o.until >= day]
        home = next((o for o in candidates if _joins(report, o.reports, index)), None)
        if home is None:
            groups.append([report])
            of_country[country].append(groups[-1])
            candidates.append(_OpenIncident(groups[-1], _reach(report)))
        else:
            home.reports.append(report)
            home.until = min(home.until, _reach(report))
    for report in undated:
        fitting = [g for g in of_country[report.incident.country] if _joins(report, g, index)]
        if len(fitting) > 1:  # of several, the one incident of the same type
            fitting = [g for g in fitting if all(r.incident.type == report.incident.type
                                                 for r in g)]
        if len(fitting) == 1:
            fitting[0].append(report)
        else:
            groups.append([report])
            of_country[report.incident.country].append(groups[-1])
    merged = [_merged(g) for g in groups]
    return sorted(merged, key=lambda m: (m.incident.date or date.max, m.id))


def time_segments(
    reports: Sequence[IncidentReport],
) -> list[tuple[date | None, date | None, list[IncidentReport]]]:
    """Reports of one country cut where none so far reaches the next one's day (``reach``):
    ``merge_incidents`` never joins reports across such a cut. Each segment with its first day
    and its latest reach; with an undated report the country is one segment (None, None)."""
    if any(r.reference_day is None for r in reports):
        return [(None, None, list(reports))]
    cut: list[tuple[date | None, date | None, list[IncidentReport]]] = []
    members: list[IncidentReport] = []
    last = date.min
    for report in sorted(reports, key=_order):
        day = report.reference_day
        assert day is not None
        if members and last < day:
            cut.append((members[0].reference_day, last, members))
            members, last = [], date.min
        members.append(report)
        last = max(last, reach(report))
    if members:
        cut.append((members[0].reference_day, last, members))
    return cut


def reach(report: IncidentReport) -> date:
    """The last reference day of a later report that can join this report's incident (an
    incident a report opens stays open until then at the latest)."""
    return _reach(report)


@dataclass(slots=True)
class _OpenIncident:
    """A merged incident being formed, and the last reference day a report can join it on."""

    reports: list[IncidentReport]
    until: date


def _reach(report: IncidentReport) -> date:
    """The last reference day of a later report that can be of this report's time (rule 1)."""
    assert report.reference_day is not None
    if report.incident.date is None:
        return report.reference_day + timedelta(days=SAME_REPORT_DAYS)
    span = _SPAN_DAYS.get(report.incident.date_precision or DatePrecision.DAY, 0)
    return report.reference_day + timedelta(days=max(SAME_REPORT_DAYS, span + SAME_DAY_SLACK))


def _order(report: IncidentReport) -> tuple[date, str, int]:
    return report.reference_day or date.max, report.incident.doc, report.incident.start


def _joins(report: IncidentReport, group: Sequence[IncidentReport], index: NameIndex) -> bool:
    return all(
        other.incident.doc != report.incident.doc
        and same_incident(report, other)
        and share_distinctive_name(report, other, index)
        for other in group
    )


def same_incident(a: IncidentReport, b: IncidentReport) -> bool:
    """Whether two reports tell of one event (rules 1-4 of the module docstring)."""
    undated = a.reference_day is None or b.reference_day is None
    return (
        not (_vague(a.incident) or _vague(b.incident))
        and _same_time(a, b)
        and (
            _same_place(a.incident, b.incident, strict=undated)
            or _name_each_others_place(a, b)
        )
        and compatible_types(a.incident.type, b.incident.type)
        and (_violent(a.incident) or same_kind(a.incident, b.incident))
        and (not (a.several or b.several or a.series or b.series)
             or same_kind(a.incident, b.incident))
        and not (a.series and b.series and not a.series & b.series)
        and (not _undated_days_apart(a, b) or same_kind(a.incident, b.incident))
        and compatible_parties(a.incident.perpetrator, b.incident.perpetrator)
    )


def _undated_days_apart(a: IncidentReport, b: IncidentReport) -> bool:
    """Neither report dates its event and they were published on different days: each tells
    the news of its own day and only nearness in time joins them, so a shooting one day and a
    roadside bomb the next at the same place are two events, not one coded two ways."""
    return (a.incident.date is None and b.incident.date is None and a.published is not None
            and b.published is not None and a.published != b.published)


def _violent(incident: Incident) -> bool:
    """Political violence or of unknown type: outlets code one bombing as an explosion or as an
    attack, but no event is both an arrest and a looting (two strategic developments of other
    sub-event types are two events)."""
    return incident.type is None or incident.type in VIOLENT_TYPES


def same_kind(a: Incident, b: Incident) -> bool:
    """The same event type and sub-event type, where both are known: of several events of one
    day at one place ('one of two attacks on the minister that day'), a shooting and a bombing
    are two."""
    return all(
        x is None or y is None or x == y for x, y in ((a.type, b.type), (a.sub_type, b.sub_type))
    )


def _vague(incident: Incident) -> bool:
    """Placed at its country and dated by nothing but its publication ('A total of 10 imams were
    killed over two days' in a story on attacks across Iraq): no more than a country's news of a
    few days, which many events share."""
    place = incident.place
    return incident.date is None and (
        place is None or normalise_place(place) == normalise_place(incident.country or ""))


def _name_each_others_place(a: IncidentReport, b: IncidentReport) -> bool:
    """One country, and the report placed more finely names the other's place ("near Teryath
    village" in a report that names Reasi district, where the other report places it)."""
    if a.names is None or b.names is None or a.incident.country != b.incident.country:
        return False
    finer, coarser = sorted((a, b), key=lambda r: r.incident.geo_precision or 9)
    if (finer.incident.geo_precision or 9) >= (coarser.incident.geo_precision or 9):
        return False  # two towns (Samarra, Baghdad): a report naming the other town is no finer
    return _names_place(finer.names or frozenset(), coarser.incident.place)


def _names_place(names: frozenset[str], place: str | None) -> bool:
    words = document_names(f"x {place}") if place else frozenset()
    return bool(words) and words <= names


def compatible_parties(a: str | None, b: str | None) -> bool:
    """Not two different named perpetrators ('Unidentified armed group' names none)."""
    named = {p for p in (a, b) if p and p != UNNAMED}
    return len(named) < 2


def _same_time(a: IncidentReport, b: IncidentReport) -> bool:
    if a.incident.date and b.incident.date:
        return _span_gap(a.incident, b.incident) <= SAME_DAY_SLACK
    if a.reference_day and b.reference_day:
        return abs((a.reference_day - b.reference_day).days) <= SAME_REPORT_DAYS
    return True  # undated: the place alone decides, strictly


def _span_gap(a: Incident, b: Incident) -> int:
    """Days between two incidents' date spans (0 when they overlap)."""
    assert a.date is not None and b.date is not None
    a_end = a.date + timedelta(days=_SPAN_DAYS.get(a.date_precision or DatePrecision.DAY, 0))
    b_end = b.date + timedelta(days=_SPAN_DAYS.get(b.date_precision or DatePrecision.DAY, 0))
    return max(0, (b.date - a_end).days, (a.date - b_end).days)


def _same_place(a: Incident, b: Incident, *, strict: bool) -> bool:
    if a.place is None or b.place is None or a.country != b.country:
        return False
    if normalise_place(a.place) == normalise_place(b.place):
        return True
    if strict or (a.geo_precision or 3) > 2 or (b.geo_precision or 3) > 2:
        return False
    pa, pb = lookup_place(a.place), lookup_place(b.place)
    if pa is None or pb is None:
        return False
    return (
        _site_in_town(pa, pb)
        or _site_in_town(pb, pa)
        or _in_district(pa, pb)
        or _in_district(pb, pa)
    )


def _site_in_town(site: Place, town: Place) -> bool:
    distance = distance_km(site, town)
    return (
        site.kind == "site"
        and town.kind == "city"
        and distance is not None
        and distance <= SITE_IN_TOWN_KM
    )


def _in_district(place: Place, district: Place) -> bool:
    distance = distance_km(place, district)
    return (
        district.kind == "admin2"
        and place.kind in ("site", "city", "admin2")
        and distance is not None
        and distance <= IN_DISTRICT_KM
    )


def compatible_types(a: str | None, b: str | None) -> bool:
    """Equal, one unknown, or both political violence."""
    return a is None or b is None or a == b or (a in VIOLENT_TYPES and b in VIOLENT_TYPES)


# --- the merged record ------------------------------------------------------------------------


def _merged(group: Sequence[IncidentReport]) -> MergedIncident:
    return MergedIncident(
        id=merged_id(group),
        incident=_representative(group),
        killed=merge_counts(group, "killed"),
        injured=merge_counts(group, "injured"),
        kidnapped=merge_counts(group, "kidnapped"),
        reports=tuple(group),
        reason=_reason(group),
    )


def _representative(group: Sequence[IncidentReport]) -> Incident:
    """The most specific report's incident with the group's best date, type and party; no tolls."""
    lead = min(group, key=_specificity)
    when = min(group, key=lambda r: (_date_rank(r.incident), _specificity(r))).incident
    party = _perpetrator(group)
    return replace(
        lead.incident,
        date=when.date,
        date_precision=when.date_precision,
        date_text=when.date_text,
        type=_first(group, lead, "type"),
        sub_type=_first(group, lead, "sub_type"),
        perpetrator=party.perpetrator if party else None,
        perpetrator_status=party.perpetrator_status if party else None,
        target=_first(group, lead, "target"),
        killed=None,
        injured=None,
        kidnapped=None,
    )


def merged_id(group: Sequence[IncidentReport]) -> str:
    """A stable id from the reports' keys, so recomputing changes nothing."""
    keys = "\n".join(sorted(r.key for r in group))
    return "m" + hashlib.sha256(keys.encode("utf-8")).hexdigest()[:12]


def _specificity(report: IncidentReport) -> tuple[int, int, int, str]:
    """Finest place, then finest date, then latest publication."""
    incident = report.incident
    published = report.published.toordinal() if report.published else 0
    return incident.geo_precision or 9, _date_rank(incident), -published, report.key


def _date_rank(incident: Incident) -> int:
    if incident.date is None or incident.date_precision is None:
        return 9
    return _PRECISION_RANK[incident.date_precision]


def _first(group: Sequence[IncidentReport], lead: IncidentReport, name: str) -> str | None:
    for report in (lead, *group):
        value = getattr(report.incident, name)
        if value is not None:
            return str(value)
    return None


def _perpetrator(group: Sequence[IncidentReport]) -> Incident | None:
    """A named party before an unnamed one; claimed before stated before suspected."""
    named = [r.incident for r in group if r.incident.perpetrator]
    return min(
        named,
        default=None,
        key=lambda i: (i.perpetrator == UNNAMED, _STATUS_RANK.get(i.perpetrator_status or "", 3)),
    )


def merge_counts(group: Sequence[IncidentReport], measure: str) -> MergedCount | None:
    """Best, low and high of one measure over the reports that state it; a report published
    before another that states at least as much was updated by it and leaves the bounds."""
    stated = [(r, c) for r in group if (c := getattr(r.incident, measure)) is not None]
    if not stated:
        return None
    current = [(r, c) for r, c in stated if not _updated(r, c, stated)]
    intervals = [_interval(c) for _, c in current]
    agree = all(
        lo <= other_hi and other_lo <= hi
        for lo, hi in intervals
        for other_lo, other_hi in intervals
    )
    low, high = low_high(said(c.low, c.high, c.qualifier) for _, c in current)
    _, best_count = max(current, key=lambda rc: _best_key(*rc))
    best_said = said(best_count.low, best_count.high, best_count.qualifier)
    best = within(best_said.low if best_said.low is not None else best_count.low, low, high)
    if agree:  # "at least 26" and "at least 38" that agree establish 38
        floors = [c.low for _, c in current if c.high is None]
        best = within(max([best, *floors]), low, high)
    if len(stated) == 1:
        verdict = "single"
    elif not agree:
        verdict = "conflict"
    else:
        verdict = "update" if len(current) < len(stated) else "agree"
    return MergedCount(best, low, high, verdict)


def _updated(
    report: IncidentReport,
    count: IncidentCount,
    stated: Sequence[tuple[IncidentReport, IncidentCount]],
) -> bool:
    """A later report states a higher toll ("rose to", "at least 38" after 26)."""
    return any(
        other.published and report.published and other.published > report.published
        and other_count.low > count.low
        for other, other_count in stated
    )


def _interval(count: IncidentCount) -> tuple[int, float]:
    return Quantity(count.low, count.high, count.qualifier, "", 0, 0).interval()


def _best_key(report: IncidentReport, count: IncidentCount) -> tuple[int, int, int, bool]:
    published = report.published.toordinal() if report.published else 0
    geo, when, _, _ = _specificity(report)
    return published, -geo, -when, count.qualifier is Qualifier.EXACT


def _reason(group: Sequence[IncidentReport]) -> str:
    if len(group) == 1:
        return "single report"
    places = sorted({r.incident.place or "?" for r in group})
    days = sorted({r.incident.date.isoformat() if r.incident.date else "unknown" for r in group})
    undated = any(r.reference_day is None for r in group)
    why = f"{len(group)} reports; place {' / '.join(places)}; dates {', '.join(days)}"
    return why + ("; an undated report joined the only incident at its place" if undated else "")


__all__ = [
    "IncidentReport",
    "MergedCount",
    "MergedIncident",
    "NameIndex",
    "compatible_parties",
    "compatible_types",
    "document_names",
    "figure_incidents",
    "merge_counts",
    "merge_incidents",
    "merged_id",
    "reach",
    "same_incident",
    "same_kind",
    "series_positions",
    "several_that_day",
    "share_distinctive_name",
    "time_segments",
    "told_incidents",
]
