"""Places of a figure: stated after its number, else in its sentence, else from context.

The rules are listed in ``context.py``'s docstring (the "places" entry).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from spacy.tokens import Token

from newsledger.extract.figures.clauses import (
    Clauses,
    clause_at,
    clauses_of,
    other_counts,
    token_at,
)
from newsledger.extract.folded import FoldedPattern
from newsledger.extract.places import (
    DIVISION_WORDS,
    Place,
    PlaceMention,
    demonym_country,
    gazetteer,
    lookup_place,
    place_in_text,
)
from newsledger.extract.reporting import SPEAKING, reporting_verbs
from newsledger.extract.scan import Draft, Scan, dateline_places
from newsledger.extract.time import WORDS
from newsledger.extract.words import english_words
from newsledger.lexicons import read_table
from newsledger.model import Measure, Quantity

_LOCAL_PLACE = re.compile(
    r"^[^.;]{0,60}?\b(?:in|inside|within|into|across|at|from|near|throughout|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "620,000 refugees from Sudan had crossed into Chad": people displaced from one place to another
# are counted in both, as in "fled Myanmar's Rakhine state for Bangladesh"
_FROM_PLACE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_ONWARD = re.compile(
    r"\s+(?:(?:had|have|has)\s+)?(?:(?:crossed|fled|moved|arrived|gone)\s+)?(?:into|to|for|in)\s+"
    r"(?:neighbou?ring\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_OF_THEM = re.compile(
    r"\s*(?:of|among)\s+(?:them|these|those|the\s+(?:dead|victims|casualties))\s*,",
    re.IGNORECASE,
)
_OF_THE_COUNTED = re.compile(
    r"\s+of\s+(?:them|those|these|the\s+(?:injured|wounded|dead|victims|hostages|abducted"
    r"|kidnapped|casualties|killed|escapees|inmates|pupils|students))\b",
    re.IGNORECASE,
)
# "fled fighting in Upper Nile state into Sudan": where they fled from and where to
_INTO = re.compile(
    r"\s+(?:(?:and\s+)?(?:crossed|fled|moved)\s+)?into\s+(?:neighbou?ring\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_JOINED_PLACE = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+|in\s+)?", re.IGNORECASE)
# "in Nigeria's Kaduna state", "Burkina Faso's Centre-Nord region": a place inside a country
_POSSESSIVE_JOIN = re.compile(r"['’]s\s+(?:(?:north|south|east|west|central)\w*\s+)?", re.I)
_BASED = re.compile(r"^-based\b", re.IGNORECASE)
_TITLE_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|President|Gen\.?|General|Col\.?|Colonel|Lt\.?|Maj\.?"
    r"|Major|Capt\.?|Captain|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Minister|Governor|Commander|Sheikh"
    r"|Imam|Senator|Prime Minister|King|Queen|Prince|Emir)\s+(?:[A-Z][\w'’-]+\s+){0,2}$"
)
_PARTY_AFTER = FoldedPattern(re.compile(
    r"^(?:['’]s\s+(?:armed|military|full-scale|invasion|forces|troops|army|attack|offensive"
    r"|defen[cs]e force)"
    r"|\s+(?:launched|invaded|attacked|began its|started its|shelled|bombed)\b)",
    re.IGNORECASE,
))
# people named by where they come from, not where they are counted (displaced people excepted:
# "refugees from South Sudan" take the country they fled)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:peacekeepers|troops|soldiers|nationals|citizens|workers|journalists|officers"
    r"|personnel|pilgrims|tourists|sailors|crew members|engineers)\s+from\s+(?:the\s+)?$"
    # "a citizen of Kyrgyzstan pleaded not guilty", "a native of Chechnya"
    r"|\b(?:citizens?|nationals?|natives?|residents?\s+of\s+the\s+republic)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a Kyrgyzstan national", "two Mali citizens": a person's country, named before the noun
_ORIGIN_AFTER = re.compile(r"^\s+(?:nationals?|citizens?|natives?)\b", re.IGNORECASE)
_PARTY_BEFORE = FoldedPattern(re.compile(
    r"\b(?:(?:forces|troops|army|military) of|(?:attack|invasion|aggression|offensive|occupation"
    r"|shelling|strikes?|(?:temporarily\s+)?(?:occupied|controlled|held|seized|annexed)"
    r"|(?:launched|fired|deployed|sent)) by)"
    r" (?:the\s+)?$",
    re.IGNORECASE,
))
# "the Popular Front for the Liberation of Palestine", "the Democratic Forces for the Liberation
# of Rwanda": the country an armed group's name sets out to free, no place of the figure
_LIBERATION_OF = re.compile(r"\bLiberation\s+of\s+(?:the\s+)?$")
# "Madina hospital", "the Oxford Street bus station": a facility or a street named after a town
# "the attack took place at Hotel Farah": a hotel named after a town
_FACILITY_BEFORE = re.compile(r"\bHotel\s+$")
_FACILITY_AFTER = re.compile(
    r"^\s+(?:(?:hospital|clinic|medical cent(?:er|re)|street|road|avenue|boulevard)\b|st\b)",
    re.IGNORECASE,
)
_PARTS_ASIDE = re.compile(r",\s+with\b", re.IGNORECASE)
_INCLUDES = re.compile(r"\b(?:including|among them|of whom|of them)\s+$", re.IGNORECASE)
# "Srinagar: ...", "New Delhi, June 10: ...": the dateline of the Indian and Pakistani press
# ("KABUL (Pajhwok):", "Peshawar, May 12 (Dawn):", "New Delhi, May 12 (PTI) Four ...")
_COLON_DATELINE = re.compile(
    r"^(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"(?:(?:\([^)]{1,40}\))?\s*:\s|\([^)]{1,40}\)\s+(?=[A-Z]))"
)
_TREATED_IN = re.compile(
    r"\b(?:hospitals?|clinics?)\s+(?:in|at)\s+(?:the\s+)?"
    r"(?:(?:provincial|regional|state|district)\s+capital,?\s+)?$",
    re.IGNORECASE,
)
# a town's name as a speaker is a person's ('Santos told reporters', 'according to Santos');
# "officials in Kabul said" is a seat, "killed in Kabul, said" a place (the comma)
_SPEAKS_AFTER = re.compile(rf"^\s+(?:{reporting_verbs(SPEAKING)})\b")
# "as Bamako blames 'terrorists'", "Kyiv denied the claim": a town (a capital) standing for its
# government as the one who blames or denies, not where anything happened
_BLAMES_AFTER = re.compile(
    r"^\s+(?:blame[sd]?|accuse[sd]?|denie[sd]|denys?|condemn(?:s|ed)?|reject(?:s|ed)?)\b"
)
# "the Lake Chad area", "Lake Kivu": a lake named after a place (a country, a province) is not it
_LAKE_BEFORE = re.compile(r"\bLake\s+$")
# "residing in Maidan Wardak province said": a town, in its preposition's phrase
_IN_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|of)\s+(?:the\s+)?$", re.IGNORECASE)
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
# where a statement was made, not what it counts: "at a news conference in Abuja", "told
# reporters in Geneva", "speaking in Washington", "a statement issued in Kabul"
_STATEMENT_BEFORE = re.compile(
    r"\b(?:(?:(?:news|press) )?(?:conference|briefing)|told (?:reporters|journalists|the press)"
    r"|(?:told|address(?:ed|ing)) the (?:[\w-]+ ){0,2}?[\w-]+"
    r"|speaking(?: to \w+)?|addressing (?:reporters|journalists|the press|the media)"
    r"|statement(?: issued| released)?) (?:in|at|from) (?:the )?$",
    re.IGNORECASE,
)
# a place inside the name of a military unit: "Western Mindanao Command", "Kano State Police
# Command", "the 7th Division"
_UNIT_AFTER = re.compile(
    r"^(?:\s+(?:State|Police|Area|Joint|Air|Naval|Military))*\s+(?:Command|Division|Brigade"
    r"|Battalion|Regiment|Task Force)\b"
)
_TWO_NAME_WORDS_AFTER = re.compile(r"^\s([A-Z][a-z][\w'’-]*)\s([A-Z][a-z][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’]*)\s$")
_WORD_AFTER = re.compile(r"^\s([A-Z][\w'’]*)")
_SECTION_OPENER = re.compile(
    r"^\s*(?:In|Across|Throughout|Inside|Within)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+)?$"
)
_HEADING_REST = re.compile(r"\s*[:.]?\s*")
_THE_CAMP = FoldedPattern(re.compile(r"\bthe camps?\b", re.IGNORECASE))
_DIRECTION = re.compile(
    r"\b(north|south|east|west|northern|southern|eastern|western|outskirts of)\W*$", re.IGNORECASE
)


# "The attack occurred in Uruzgan province": a sentence naming the scene of what was told before
_SCENE = re.compile(
    r"\b(?:attack|bombing|blast|explosion|ambush|raid|incident|shooting|assault|clash(?:es)?)\s+"
    r"(?:occurred|took\s+place|happened|was\s+carried\s+out)\s+(?:in|at|near|on)\b",
    re.IGNORECASE,
)
# "were killed in the capital", "across the capital city"; not "in the capital of X", "the
# provincial capital", "the capital, Kabul", "the capital region"
_CAPITAL_PHRASE = (
    r"\b(?:in|inside|across|around|throughout|near|outside|(?:the\s+)?outskirts\s+of)"
    r"\s+(?:the\s+(?:country['’]s\s+|nation['’]s\s+|(?P<demonym>(?-i:[A-Z][a-z]+))\s+)?"
    r"|(?P<owner>(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))['’]s\s+)capital(?:\s+city)?\b"
    r"(?!\s*,?\s+(?:city\s+)?(?-i:[A-Z])|\s+of\b|\s+(?:complex|region|territory|district|area)\b|-)"
)
_BARE_CAPITAL = re.compile(rf"^[^.;]{{0,60}}?{_CAPITAL_PHRASE}", re.IGNORECASE)
_CAPITAL_BEFORE = re.compile(_CAPITAL_PHRASE, re.IGNORECASE)
_SCENE_REACH = 2  # sentences after the figure's
# ", some 160 km south of ": a bearing from a landmark
# "in Kaya, a town on the border with Uganda": a neighbour named to find the place by
# "the group opposed Fatah in its policy over Israel", "relations with Russia": a country or
# town as the subject of a policy or of talks, not where anything happened
_TOPIC_OF = re.compile(
    r"\b(?:policy|policies|stance|position|talks|relations|ties|dispute|negotiations|cooperation)"
    r"\s+(?:over|on|toward|towards|with|regarding|about)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "escaped from the Koutoukale high-security prison near Niamey": a facility named by its own
# (capitalised) name and found by a town near it; the town is a landmark, not the scene
_NAMED_FACILITY_NEAR = re.compile(
    r"\b(?!(?:The|A|An|Its|Their|This|That)\b)[A-Z][\w'’-]+\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:prison|jail|camp|base|barracks|refinery|mine)\s+near\s+(?:the\s+)?"
    r"(?:(?:town|city|village)\s+of\s+)?$"
)
_BORDER_WITH = re.compile(
    r"\b(?:on|near|along|close\s+to|at)\s+the\s+borders?\s+(?:with|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|and)\s+)*$"
    r"|\bbordering\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BEARING = re.compile(
    r",\s+(?:(?:just|about|some|approximately|around|roughly)\s+)?"
    # "two hours north of Goma": a distance told as the time it takes
    r"(?:(?:[\w-]+\s+){1,3}(?:km|kilometres|kilometers|miles|hours?)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "South Sudanese", "Central African", "Sri Lankan": a demonym of two words, its second one
# read alone another country's ("Sudanese")
_NAME_WORD = re.compile(r"\b[A-Z][a-z]+\b")
# the counted noun phrase after a number, up to its verb or a clause break
_COUNTED_PHRASE = re.compile(
    r"[^.;:,()]{0,60}?(?=\s+(?:were|was|are|is|have|has|had|remain|died|killed|wounded|injured)\b)"
)
_THE_COUNTRYS = re.compile(r"\bthe\s+(?:country|nation)['’]s\b", re.IGNORECASE)
_COUNTRY_MAJORITY = 0.6
_INCIDENT_MEASURES = frozenset(
    {Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED, Measure.MISSING, Measure.ATTACKS}
)
# what else happens on an incident's day: escapes, rescues, arrests of its suspects
_INCIDENT_DAY_MEASURES = _INCIDENT_MEASURES | {Measure.OTHER, Measure.DETAINED}



@cache
def _worldwide() -> FoldedPattern:
    """A figure counted over the world ('99 journalists were killed around the world')."""
    return _scope_phrases("worldwide")


@cache
def _nationwide() -> FoldedPattern:
    """A figure counted over the whole country the report is about ('killed countrywide')."""
    return _scope_phrases("nationwide")


def _scope_phrases(scope: str) -> FoldedPattern:
    phrases = [p for p, kind in read_table("scope_words.tsv", 2) if kind == scope]
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return FoldedPattern(re.compile(rf"\b(?:{words})\b", re.IGNORECASE))


_COMPASS = r"(?:North|South|East|West|Central)(?:[- ]?(?:East|West|Central))?(?:ern)?"
_REGION_WORD = re.compile(r"\s+(?:Region|Zone)$", re.IGNORECASE)
_COMPASS_NAME = re.compile(rf"{_COMPASS}(?:\s+(?:zone|region|geopolitical zone))?")
# "North East:", "NORTH CENTRAL" alone on a line: a briefing's section on that region
_COMPASS_HEADING = re.compile(
    rf"\s*(?:the\s+)?({_COMPASS}(?:\s+(?:zone|region))?)\s*[:.]?\s*", re.IGNORECASE
)
_COMPASS_REGION = re.compile(
    rf"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+the\s+({_COMPASS}(?:\s+(?:zone|region|geopolitical"
    r" zone))?)\s*,"
)

# A total's parts are sought among this many figures after it: far more than any breakdown, and
# a bound that keeps place assignment linear in a document's length (issue 12).
_PARTS_REACH = 150
# ... and open-ended parts within this many sentences of it
_OPEN_PARTS_REACH = 3


def assign_places(drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int]) -> None:
    """Fill the places of every draft (index: position of each scan, by id)."""
    token = _SURNAMES.set(_document_surnames(scans))
    strays = _STRAYS.set(_document_strays(scans))
    kept = _KEPT.set({})
    try:
        _assign_places(drafts, scans, index)
    finally:
        _KEPT.reset(kept)
        _STRAYS.reset(strays)
        _SURNAMES.reset(token)


# Towns of the generated gazetteer in a country the document gives no other sign of ('Soro' read
# as India's in a story on Burkina Faso villages): set by assign_places for the document at hand.
_STRAYS: ContextVar[frozenset[str]] = ContextVar("_STRAYS", default=frozenset())


def _document_strays(scans: Sequence[Scan]) -> frozenset[str]:
    """Names of towns only the generated gazetteer knows, in a country that no country, division,
    town of our own rows or demonym of the document names, when its places name some country."""
    vouched = gazetteer().vouched
    capitals = frozenset(gazetteer().capitals.values())  # 'Mogadishu' is no stray anywhere
    supported: set[str] = set()
    demonyms: set[str] = set()
    towns: list[Place] = []
    for scan in scans:
        for mention in _kept(scan):
            place = mention.place
            if _told_as_town(scan, mention):
                supported.add(place.country)  # "near the town of Kismayo": a town, said so
            elif place.kind == "city" and place not in vouched and place not in capitals:
                towns.append(place)
            else:
                supported.add(place.country)
        demonyms.update(_demonym_countries(scan.sentence.text))
    if not supported:
        # "attacked Chakama town (Kilifi), abducting an Italian volunteer": a demonym names a
        # people (a victim's nationality), not a place: no town strays against it alone
        return frozenset()
    supported |= demonyms
    # "MOSCOW (Reuters) - Ukrainian drones hit Belgorod region": the dateline's country is one
    # the story gives a sign of too (it rescues towns, it makes none stray)
    supported.update(m.place.country for scan in scans for m in dateline_places(scan.sentence))
    return frozenset(t.name for t in towns if t.country not in supported)


def _demonym_countries(text: str) -> list[str]:
    """The countries of the demonyms a text uses, each time it uses one ('Nigerian troops'); a
    demonym of two words is read whole ('South Sudanese' is South Sudan's, not Sudan's)."""
    words = list(_NAME_WORD.finditer(text))
    found: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        if at + 1 < len(words) and text[word.end() : words[at + 1].start()] == " ":
            whole = demonym_country(f"{word.group()} {words[at + 1].group()}")
            if whole is not None:
                found.append(whole)
                at += 2
                continue
        if len(word.group()) >= 4 and (country := demonym_country(word.group())) is not None:
            found.append(country)
        at += 1
    return found


# "the town of Kismayo", "the city of Bab": a name the story itself calls a settlement
_TOWN_OF = re.compile(r"\b(?:town|city|village|locality|settlement)\s+of\s+$", re.IGNORECASE)


def _told_as_town(scan: Scan, mention: PlaceMention) -> bool:
    """Whether the story calls a place a town, city or village right before its name."""
    return bool(_TOWN_OF.search(scan.text_between(mention.start - 20, mention.start)))


def _assign_places(drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int]) -> None:
    country = _document_country(scans)
    for draft in drafts:
        draft.locations = (
            _sentence_places(draft)
            or _capital_of(draft, country)
            or _the_city(draft, scans, index[id(draft.scan)])
        )
        draft.own_places = bool(draft.locations)
    for position, draft in enumerate(drafts):
        if not draft.own_places:
            later = drafts[position + 1 : position + 1 + _PARTS_REACH]
            draft.locations = _places_from_parts(draft, later, index)
    sites = _sites(scans)
    if country:
        _tie_regions_to(country, drafts)
    frame: list[str] = []
    # "In Syria, ..." opens a paragraph's scope; a heading naming a place alone opens a section
    section: tuple[list[str], int | None] = ([], None)
    previous: Draft | None = None
    position = 0
    world = False  # the story counts over the world: its countries are the parts' only
    for number, draft in enumerate(drafts):
        while position <= index[id(draft.scan)]:
            section = _section_places(scans[position]) or section
            position += 1
        paragraph = draft.scan.sentence.paragraph
        scope = section[0] if section[1] in (None, paragraph) else []
        if draft.own_places:
            opened = section[1] == paragraph
            if not (opened and country):
                # "In Kharkiv region, 38 were killed" in a report on one country: the paragraph's
                # scope, which ends with it, does not frame the figures after it
                frame = _refined_frame(frame, draft.locations)
        elif not draft.locations and _worldwide().search(draft.scan.sentence.text):
            # "320 journalists were in prison worldwide": no one place
            world = world or previous is None
        elif not draft.locations:
            same_paragraph = previous is not None and (
                previous.scan.sentence.paragraph == draft.scan.sentence.paragraph
                # "... 72 killed in Kashmir. / Of them, 21 were foreigners": a part of the count
                # before it, in a paragraph of its own
                or bool(_OF_THEM.match(draft.scan.sentence.text))
                # "Inspector ... said two of the injured were in a serious condition"
                or bool(_OF_THE_COUNTED.match(
                    draft.scan.text_between(draft.quantity.end, draft.scan.sentence.end)
                ))
            )
            whole = None if world else among_those(drafts, number)
            own_nationwide = country is not None and _nationwide_own(draft)
            if own_nationwide and country:
                # "Across the country, 14 children were among those killed": the country's, not
                # the toll's before it
                draft.locations = [country]
            elif world:
                # "A record 281 aid workers were killed around the world ... 178 in Gaza. / In
                # addition, 98 were kidnapped": a part's place does not frame the next paragraph
                draft.locations = previous.locations if same_paragraph and previous else []
            elif whole is not None and whole.locations:
                # "Three UN peacekeepers were among those killed": the places of that toll
                draft.locations = list(whole.locations)
            else:
                text = draft.scan.sentence.text
                nationwide = country is not None and bool(_nationwide().search(text))
                told = _told_since(scans, index, previous, draft)
                draft.locations = (
                    ([country] if nationwide and country else [])
                    or _own_forces_country(draft, country)
                    or told
                    or (_where_it_happened(scans, index, draft) if _incident_count(draft) else [])
                    or (
                        _scene_before(scans, index, previous, draft)
                        if _incident_count(draft)
                        else []
                    )
                    # not a breakdown item's own label ("followed by Centre-Nord with 553,000")
                    or (previous.locations if same_paragraph and previous
                        and not _labelled_item(previous) and not _mostly_placed(previous) else [])
                    or scope
                    or (
                        frame
                        if _incident_count(draft)
                        or _countries(frame) > 1
                        or _sites_only(frame)
                        # "Gunmen abducted 287 pupils in Kuriga on Thursday ... The remaining 262
                        # are still held": a story of one incident is at its scene throughout
                        or _after_the_incident(draft, drafts[0])
                        else []
                    )
                    # a speaker's seat when nothing else places the figure
                    or _seats(draft.scan)
                    or ([country] if country else [])
                    or frame
                    # not from the sentence itself when its places label its other counts only
                    or _latest_places_before(scans, index[id(draft.scan)] - _only_labels(draft))
                    or _event_named_by_place(scans)
                )
                if draft.locations and _unknown_local_place(draft):
                    # "Four militants were killed in neighboring Shah Wali Kot district": a place
                    # the gazetteer lacks, inside what the story placed its figures in before
                    draft.locations = _containers_of(draft.locations)
        draft.locations = _refine_with_sites(draft, scans, index[id(draft.scan)], sites)
        previous = draft


def _event_named_by_place(scans: Sequence[Scan]) -> list[str]:
    """The place a story names its attack by anywhere ('the Casablanca incidents', 'the
    Birmingham pub bombings'), for a figure nothing else places: the nouns of attacks of
    lexicons/measures.tsv, after the place and at most one word."""
    for scan in scans:
        text, base = scan.sentence.text, scan.sentence.start
        for mention in _kept(scan):
            if _event_after_place().match(text, mention.end - base):
                return [mention.place.name]
    return []


@cache
def _event_after_place() -> re.Pattern[str]:
    """' incidents', ' pub bombings': an attack's noun right after a place (one word between)."""
    nouns = sorted(
        re.escape(term)
        for term, kind, measure in read_table("measures.tsv", 3)
        if measure == "attacks" and kind == "noun"
    )
    return re.compile(rf"\s+(?:[a-z]+\s+)?(?:{'|'.join(nouns)})s?\b")


def _own_forces_country(draft: Draft, country: str | None) -> list[str]:
    """'28,000 Afghan police officers and soldiers have been killed', '35 members of the
    country's security forces are killed every day': people of the report's country counted as
    such, over that country (not the town or party a sentence before named)."""
    if country is None:
        return []
    scan = draft.scan
    counted = _COUNTED_PHRASE.match(scan.text_between(draft.quantity.end, scan.sentence.end))
    if counted is None:
        return []
    phrase = counted.group()
    if _THE_COUNTRYS.search(phrase):
        return [country]
    if _incident_count(draft):
        return []  # "12 Afghan soldiers were killed" in the attack told before: its town's
    if country in _demonym_countries(phrase):
        return [country]
    return []


def _capital_of(draft: Draft, country: str | None) -> list[str]:
    """'164 people were killed in the capital': the capital of the country the report is about,
    said after the number in its clause ('in the Somali capital', 'in Mali's capital': of the
    country named; not 'the capital of Kunar province', 'the provincial capital', nor 'the
    capital, Kabul', whose name is read as a place)."""
    scan = draft.scan
    limit = min(
        (q.start for q in scan.quantities if q.start > draft.quantity.start),
        default=scan.sentence.end,
    )
    found = _BARE_CAPITAL.match(scan.text_between(draft.quantity.end, limit))
    if found is None:
        # "stormed a hotel in the Somali capital on Friday, killing 12": told before the number
        found = _CAPITAL_BEFORE.search(
            scan.text_between(scan.sentence.start, draft.quantity.start)
        )
    if found is None:
        return []
    if found["demonym"] or found["owner"]:
        # "in the Somali capital", "in Nigeria's capital": the country the words name
        owner = lookup_place(found["owner"]) if found["owner"] else None
        named = demonym_country(found["demonym"]) if found["demonym"] else None
        country = named or (owner.name if owner is not None and owner.kind == "country" else None)
    capital = gazetteer().capitals.get(country) if country else None
    return [capital.name] if capital is not None else []


# "detonated 20 bombs across the city", "shopping in the city centre": the city named last; not
# "the city of Aleppo" (named), "the city's mayor" (a speaker)
_THE_CITY = re.compile(
    r"\b(?:in|inside|across|around|throughout|near|outside|at)\s+the\s+(?:city|town)"
    r"(?:\s+(?:centre|center))?\b(?!\s+of\b|['’]s|-)",
    re.IGNORECASE,
)
_CITY_REACH = 5  # sentences before the figure's searched for the city "the city" refers to


def _the_city(draft: Draft, scans: Sequence[Scan], position: int) -> list[str]:
    """'The group's Belfast brigade detonated 20 bombs across the city': a figure told in "the
    city" or "the town" of its clause is in the last city named before that phrase, in its
    sentence or the few before it; a city named inside a group's or an event's name counts."""
    scan = draft.scan
    limit = min(
        (q.start for q in scan.quantities if q.start > draft.quantity.start),
        default=scan.sentence.end,
    )
    found = _THE_CITY.search(scan.text_between(draft.quantity.end, limit)) or _THE_CITY.search(
        scan.text_between(scan.sentence.start, draft.quantity.start)
    )
    if found is None:
        return []
    strays, surnames = _STRAYS.get(), _SURNAMES.get()
    for back in range(position, max(-1, position - _CITY_REACH - 1), -1):
        before = scans[back]
        cities = [
            m.place.name
            for m in before.places
            if m.place.kind == "city"
            and m.place.name not in strays
            and m.place.name not in surnames
            and not _named_after(before, m)
            and (back < position or m.start < draft.quantity.start)
        ]
        if cities:
            return [cities[-1]]
    return []


def _named_after(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a town's name names a street, hotel or hospital ('Oxford St', 'Hotel Farah')."""
    before = scan.text_between(max(scan.sentence.start, mention.start - 20), mention.start)
    after = scan.text_between(mention.end, min(scan.sentence.end, mention.end + 30))
    return bool(_FACILITY_AFTER.match(after) or _FACILITY_BEFORE.search(before))


def _unknown_local_place(draft: Draft) -> bool:
    """Whether the figure's clause names a division or settlement the gazetteer does not know
    ('in neighboring Shah Wali Kot district', 'in the village of Kan Ni'), after its number."""
    scan = draft.scan
    limit = min(
        (q.start for q in scan.quantities if q.start > draft.quantity.start),
        default=scan.sentence.end,
    )
    # after the number in its clause, else before it ("In a separate operation in Tank
    # district, 3 more were killed": a town named like an English word the scan leaves unread)
    for start, end in ((draft.quantity.end, limit), (scan.sentence.start, draft.quantity.start)):
        for found in _unknown_local_pattern().finditer(scan.text_between(start, end)):
            group = "name" if found.group("name") else "named"
            at = start + found.start(group)
            known = any(m.start <= at < m.end for m in scan.places)
            if not known and demonym_country(found.group(group)) is None:
                return True
    return False


@cache
def _unknown_local_pattern() -> re.Pattern[str]:
    """'in [neighbouring] <Name> district|province|village ...', 'in the village of <Name>':
    division words of the gazetteer, settlement words of lexicons/place_cues.tsv."""
    settlements = [w for w, role in read_table("place_cues.tsv", 2) if role == "settlement"]
    words = "|".join(sorted({*DIVISION_WORDS, *settlements}, key=len, reverse=True))
    name = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
    prep = r"\b(?:in|at|near|from|on)\s+(?:the\s+)?"
    return re.compile(
        rf"{prep}(?:(?:neighbou?ring|nearby|adjacent|remote|restive)\s+)?(?P<name>{name})\s+"
        rf"(?i:{words})\b|{prep}(?i:{words})\s+of\s+(?P<named>{name})"
    )


def _containers_of(names: Sequence[str]) -> list[str]:
    """The province and country of each town, district or site (a province or country stays)."""
    out: list[str] = []
    for name in names:
        place = lookup_place(name)
        if place is None or place.kind in {"country", "admin1"}:
            out.append(name)
            continue
        out.extend(n for n in (place.admin1, place.country) if n)
    return _unique(out)


def _told_since(
    scans: Sequence[Scan], index: dict[int, int], previous: Draft | None, draft: Draft
) -> list[str]:
    """The places of the latest sentence that names any after the previous figure's sentence (or
    the story's start) and before this one's, in its paragraph ('The second bombing hit Kabul. In
    this incident 22 were killed')."""
    first = 0 if previous is None else index[id(previous.scan)] + 1
    last = index[id(draft.scan)]
    for position in range(last - 1, first - 1, -1):
        scan = scans[position]
        if scan.sentence.paragraph != draft.scan.sentence.paragraph:
            return []
        if scan.places and (kept := _scenes(scan)):
            return _unique(m.place.name for m in kept)
    return []


def _scenes(scan: Scan) -> list[PlaceMention]:
    """The places a sentence names (``_kept``) but those it names as the subject of a policy or
    of talks ('its policy over Israel'): a later figure does not inherit them."""
    text, base = scan.sentence.text, scan.sentence.start
    return [
        m
        for m in _kept(scan)
        if not _TOPIC_OF.search(text[max(0, m.start - base - 40) : m.start - base])
    ]


def _scene_before(
    scans: Sequence[Scan], index: dict[int, int], previous: Draft | None, draft: Draft
) -> list[str]:
    """The places of the sentence right before a story's first toll, in the paragraph before it,
    when that sentence counts nothing ('Militants stormed an army post in Mopti region on
    Thursday. / The army said 16 soldiers were killed.')."""
    position = index[id(draft.scan)] - 1
    if position < 0 or previous is not None:
        return []  # after the story's first count, the places it framed
    scan = scans[position]
    if scan.quantities or scan.sentence.paragraph != draft.scan.sentence.paragraph - 1:
        return []
    return _unique(m.place.name for m in _kept(scan))


def _where_it_happened(
    scans: Sequence[Scan], index: dict[int, int], draft: Draft
) -> list[str]:
    """The places a sentence right after the figure's gives as the scene of what it tells ('left
    five insurgents dead. The attack occurred in Uruzgan province.'), in its paragraph."""
    position = index[id(draft.scan)]
    for scan in scans[position + 1 : position + 1 + _SCENE_REACH]:
        if scan.sentence.paragraph != draft.scan.sentence.paragraph:
            return []
        if scan.quantities:
            return []  # another count: the scene is its own
        scene = _SCENE.search(scan.sentence.text)
        if scene and _other_event(scan.sentence.text[: scene.start()], draft):
            return []
        if scene and (kept := _kept(scan)):
            return _unique(m.place.name for m in kept)
    return []


def _other_event(before: str, draft: Draft) -> bool:
    """Whether a scene's event is named by an ordinal or as another event ('The second bombing
    occurred in Kabul', 'a separate car bomb attack took place in ...': the scene of another
    event of the story than the one counted before, 'The first attack ... killed 26'), unless the
    figure's own sentence names its event so too."""
    own = {w.casefold() for w in re.findall(r"[\w-]+", draft.scan.sentence.text)}
    for word in re.findall(r"[\w-]+", before)[-3:]:
        cue = word.casefold()
        if cue != "first" and cue in _other_event_words() and cue not in own:
            return True
    return False


@cache
def _other_event_words() -> frozenset[str]:
    """Ordinals ('second', 'third') and the one-word cues of lexicons/incident_cues.tsv that make
    an event another one ('another', 'separate')."""
    distinct = {t for t, role in read_table("incident_cues.tsv", 2) if role == "distinct"}
    return frozenset(set(WORDS["ordinal"]) | {t for t in distinct if " " not in t})


def _compass_region(name: str) -> bool:
    """Whether a place's name is only a compass region ('North-West', 'the North East zone')."""
    bare = _REGION_WORD.sub("", name).replace("-", " ").strip()
    return bool(_COMPASS_NAME.fullmatch(bare))


def _tie_regions_to(country: str, drafts: Sequence[Draft]) -> None:
    """'In the North East, ...' of a report on Nigeria is Nigeria's North East, not a district of
    that name elsewhere the gazetteer knows (Botswana has one)."""
    for draft in drafts:
        draft.locations = [_tied(name, country) for name in draft.locations]


def _tied(name: str, country: str) -> str:
    """A compass region as the document's country's ('North-West Region' of Cameroon, read in
    a report on Nigeria, is Nigeria's North West)."""
    if _COMPASS_NAME.fullmatch(name):
        return f"{name}, {country}"
    bare = _REGION_WORD.sub("", name).replace("-", " ")
    if bare != name and _COMPASS_NAME.fullmatch(bare):
        place = lookup_place(name)
        if place is not None and place.country != country:
            return f"{bare}, {country}"
    return name


_AMONG_THOSE = re.compile(
    r"\bamong\s+(?:those|the|the\s+people)\s+(?P<what>killed|dead|victims|wounded|injured|"
    r"abducted|kidnapped|detained|arrested)\b",
    re.IGNORECASE,
)
_AMONG_MEASURES = {
    "killed": Measure.KILLED, "dead": Measure.KILLED, "victims": None,
    "wounded": Measure.INJURED, "injured": Measure.INJURED, "abducted": Measure.KIDNAPPED,
    "kidnapped": Measure.KIDNAPPED, "detained": Measure.DETAINED, "arrested": Measure.DETAINED,
}


def among_those(drafts: Sequence[Draft], position: int) -> Draft | None:
    """The count the figure at ``position`` is said to be part of, right after its number
    ('Three UN peacekeepers were among those killed'): the latest figure before it of that
    measure, else None."""
    draft = drafts[position]
    after = draft.scan.text_between(draft.quantity.end, draft.scan.sentence.end)
    found = _AMONG_THOSE.search(after[:80])
    if found is None:
        return None
    measure = _AMONG_MEASURES[found["what"].lower()] or draft.measure
    earlier = (drafts[k] for k in range(position - 1, -1, -1))
    return next((d for d in earlier if d.measure == measure), None)


def _after_the_incident(draft: Draft, first: Draft) -> bool:
    """Whether a story opens on one incident's toll and the figure is counted on its day or
    after it (not background from before: 'the last such attack, in 2017, killed eight')."""
    day, start = first.period[0], draft.period[0]
    return (
        _incident_count(first) and day is not None and start is not None and start >= day
    )


_MOSTLY = re.compile(
    r"\b(?:mostly|mainly|largely|chiefly|primarily|most\s+of\s+them|the\s+majority)\b",
    re.IGNORECASE,
)


def _mostly_placed(draft: Draft) -> bool:
    """Whether a figure's places are where most of it happened ('kidnapped 438 people, mostly
    in Port-au-Prince and the Artibonite'): they frame no other figure."""
    scan = draft.scan
    firsts = [m for m in _kept(scan) if m.start >= draft.quantity.end and draft.locations
              and m.place.name == draft.locations[0]]
    if not firsts:
        return False
    return bool(_MOSTLY.search(scan.text_between(draft.quantity.end, firsts[0].start)))


def _sites_only(names: Sequence[str]) -> bool:
    """Whether a frame is of sites only ('Al Hol camp'): a story on a camp, whose counts without
    a place of their own are the camp's, not the country's."""
    places = [lookup_place(name) for name in names]
    return bool(places) and all(p is not None and p.kind == "site" for p in places)


def _countries(names: Sequence[str]) -> int:
    """How many countries a list of places spans ('Iraq', 'Syria': a report on both)."""
    return len({p.country for name in names if (p := lookup_place(name)) is not None})


def _incident_count(draft: Draft) -> bool:
    """A toll of one day: an incident's, whose place the story's first places tell (a report
    over a period has the country it is about as its frame)."""
    start, end = draft.period
    if start is not None and start == end and draft.measure in _INCIDENT_DAY_MEASURES:
        return True  # "25 of the children later escaped" on the day of the abduction
    return draft.measure in _INCIDENT_MEASURES and (
        # one day, or a night across two ("overnight from Saturday to Sunday")
        (start is not None and end is not None and (end - start).days <= 1)
        or (draft.time is not None and draft.time.kind == "day")
        # no period at all: a toll told without a time phrase in a story with no dates to
        # carry ("the health ministry said 26 people had been killed"), the incident's toll
        or (
            start is None
            and end is None
            and (draft.time is None or draft.time.kind == "relative")
        )
    )


def _document_country(scans: Sequence[Scan]) -> str | None:
    """The one country a report is about: the country of most places it names and of the
    demonyms it uses ('Nigerian troops', 'Afghanistan's war'), when one has a clear majority."""
    counts: Counter[str] = Counter()
    demonyms: Counter[str] = Counter()
    named = compass = 0
    for scan in scans:
        # where speakers sit and the wounded are taken speak for the country too
        for mention in [*_kept(scan), *_seat_mentions(scan)]:
            if _going_to(scan, mention):
                continue  # "a plane destined to Nairobi" says nothing of where the story is
            counts[mention.place.country] += 1
            named += 1
            compass += _compass_region(mention.text)
        for country in _demonym_countries(scan.sentence.text):
            counts[country] += 1
            demonyms[country] += 1
    if not named:  # demonyms alone name a party ('Turkish jets'), not where the report is
        return (
            _mission_country(scans)
            or _dateline_country(scans, counts)
            or _fight_country(scans)
        )
    places = counts - demonyms
    if len(places) == 1 and compass < named:
        # "1 INGO international (French) staff killed ... in Ruyigi province": every place the
        # story names lies in one country; its demonyms name people (victims' nationalities)
        return next(iter(places))
    if compass == named and len(demonyms) == 1:
        # "Nigerian troops ... in the North-West": a compass region names no country by itself
        return next(iter(demonyms))
    country, count = counts.most_common(1)[0]
    return country if count >= _COUNTRY_MAJORITY * sum(counts.values()) else None


_THE_COUNTRY = re.compile(r"\b(?:the|this)\s+country(?:['’]s)?\b|\bnationwide\b", re.IGNORECASE)


def _dateline_country(scans: Sequence[Scan], demonyms: Counter[str]) -> str | None:
    """'YANGON - The junta released 3,015 prisoners ... across the country': a story that names
    no place but its dateline, and speaks of 'the country', is about the dateline's country
    (unless its demonyms point elsewhere)."""
    filed = {m.place.country for scan in scans for m in dateline_places(scan.sentence)}
    if len(filed) != 1 or not any(_THE_COUNTRY.search(s.sentence.text) for s in scans):
        return None
    country = next(iter(filed))
    return country if set(demonyms) <= {country} else None


# "the UN Assistance Mission in Afghanistan", "the Integrated Office in Haiti": a body named for
# the one country it works in
_MISSION_IN = re.compile(
    r"\b(?:Mission|Office|Operation|Envoy|Representative)\s+(?:in|for|to)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)


# "Philippine clash leaves 18 soldiers dead", "the Afghan war": a fight named by the country it is
# fought in (a strike or raid may be a foreign force's, abroad: "Turkish air strikes")
_FIGHT_OF_COUNTRY = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:clash(?:es)?|fighting|battles?|violence|unrest|insurgency"
    r"|(?:civil\s+)?war)\b"
)


def _fight_country(scans: Sequence[Scan]) -> str | None:
    """The country of a report that names no place but a fight by its country's demonym, when
    all such fights are of one country."""
    found = {
        country
        for scan in scans
        for match in _FIGHT_OF_COUNTRY.finditer(scan.sentence.text)
        if (country := demonym_country(match.group(1))) is not None
    }
    return found.pop() if len(found) == 1 else None


def _mission_country(scans: Sequence[Scan]) -> str | None:
    """The country of a report that names no place but a mission named for one country (a UN
    mission's report on its country, filed under a dateline)."""
    found = {
        place.country
        for scan in scans
        for match in _MISSION_IN.finditer(scan.sentence.text)
        if (place := place_in_text(match.group(1))) is not None and place.kind == "country"
    }
    return found.pop() if len(found) == 1 else None


def _section_places(scan: Scan) -> tuple[list[str], int | None] | None:
    """The places a sentence opens with as the scope of its paragraph ('In Iraq, 66 operations
    ...', 'Across northern Syria, ...'), or that a heading line names alone ('Syria:', paragraph
    None: until the next heading), or a region by its compass points ('NORTH EAST:')."""
    if not scan.places:
        heading = _COMPASS_HEADING.fullmatch(scan.sentence.text)
        return ([heading.group(1).title()], None) if heading else None
    text, base = scan.sentence.text, scan.sentence.start
    kept = _kept(scan)
    if not kept:
        return None
    first = kept[0]
    opener = _SECTION_OPENER.match(text[: first.start - base])
    if opener is None and text[: first.start - base].strip():
        return None
    names, end = [first.place.name], first.end - base
    for mention in kept[1:]:
        if not _JOINED_PLACE.fullmatch(text[end : mention.start - base]):
            break
        names.append(mention.place.name)
        end = mention.end - base
    rest = text[end:]
    if opener is None and _HEADING_REST.fullmatch(rest) is not None:
        return _unique(names), None
    if opener and rest.lstrip().startswith(","):
        return _unique(names), scan.sentence.paragraph
    return None


# The kept places of each sentence while assign_places reads a document (its surnames and strays
# fixed), by the scan's id with the scan itself (kept alive, so no id is reused): each figure asked
# for its sentence's, and its neighbours', several times.
_KEPT: ContextVar[dict[int, tuple[Scan, list[PlaceMention]]] | None] = ContextVar(
    "_KEPT", default=None)


def _kept(scan: Scan) -> list[PlaceMention]:
    """The places a sentence names as places: not part of a person's name ('spokesman Abdifatah
    Aden', 'Ashraf Ghani', 'Abba Yusuf'), of a hospital's ('Madina hospital'), nor where a
    speaker is based ('the London-based monitor')."""
    memo = _KEPT.get()
    if memo is None:
        return _kept_now(scan)
    found = memo.get(id(scan))
    if found is None or found[0] is not scan:
        found = memo[id(scan)] = (scan, _kept_now(scan))
    return list(found[1])


def _kept_now(scan: Scan) -> list[PlaceMention]:
    text, base = scan.sentence.text, scan.sentence.start
    surnames, strays = _SURNAMES.get(), _STRAYS.get()
    kept = [
        m
        for m in scan.places
        if m.place.name not in strays
        and not (
            _name_part(text, m.start - base, m.end - base, m.place.kind)
            # "a Kabul Wrestling club": the club's town, though a capitalised word follows
            and not (
                _next_to_name_word(text, m.start - base, m.end - base)
                and _opens_a_common_noun(scan, m)
            )
            # "seized a hospital at Lamitan": the hospital attacked, not where the hurt were taken
            and not _struck_facility(scan, m)
        )
        and not (
            m.place.name in surnames
            and not _IN_PLACE_BEFORE.search(text[max(0, m.start - base - 10) : m.start - base])
        )
        and not _origin(scan, m)
        and not _party_owner(scan, m)
    ]
    # "the town of Diwaniyah, south of Baghdad": a landmark to find the place by, after it;
    # "in Kaya, a town on the border with Uganda": the neighbour, even when the town itself is
    # one the gazetteer lacks ("killed near the border with Uganda" is no more in Uganda, nor is
    # "at the Nkomo mission, forty miles east of Harare" in Harare)
    return [
        m
        for m in kept
        if not _BORDER_WITH.search(text[max(0, m.start - base - 40) : m.start - base])
        and not _BEARING.search(text[max(0, m.start - base - 40) : m.start - base])
        and not _NAMED_FACILITY_NEAR.search(text[max(0, m.start - base - 60) : m.start - base])
    ]


def _origin(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a country is named as where people or a group come from, in a phrase that hangs on
    a noun in the parse rather than on the verb telling what happened ('7 from Austria were
    injured', 'the Murle of South Sudan raided ...'): no scene of the sentence's counts. People
    told as fleeing from a country ('2,000 people from Sudan crossed into Chad') count there.
    A 'from' phrase says so of any place ('one from England', 'the hostages from Palawan')."""
    token = token_at(scan, mention.start, mention.end)
    while token is not None and token.dep_ == "conj":
        token = token.head  # "from Austria and Italy"
    if token is None or token.dep_ != "pobj":
        return False
    owner = token.head.head
    if token.head.lower_ == "from":
        return (
            owner.pos_ not in {"VERB", "AUX"}
            and not _displacement_told(token)
            # "30 pupils from Kankara were abducted": a town people were taken from is the scene
            and not (mention.place.kind != "country" and _taking_told(token))
        )
    # "the Murle of South Sudan", not "the Gambella region of Ethiopia", "parts of Syria"
    return (
        mention.place.kind == "country"
        and token.head.lower_ == "of"
        and owner.pos_ == "PROPN"
        and owner.lower_ not in _place_words()
        and not any(m.start <= owner.idx + scan.sentence.start < m.end for m in scan.places)
    )


def _party_owner(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a country is told, in an 'of' phrase, as owning a noun that makes it a party when
    written as its possessive ('the government of Libya' as 'Libya's government', from
    lexicons/place_party_cues.tsv): who acts or speaks, not where anything happened. Read off
    the text, as sentences without a number are not parsed."""
    if mention.place.kind != "country":
        return False
    text, base = scan.sentence.text, scan.sentence.start
    return bool(_party_of().search(text[max(0, mention.start - base - 40) : mention.start - base]))


@cache
def _party_of() -> re.Pattern[str]:
    """'the government of ', 'the navy of the ': one-word nouns that make a country a party."""
    nouns = sorted(
        re.escape(cue)
        for cue, form in read_table("place_party_cues.tsv", 2)
        if form == "possessive" and " " not in cue and "-" not in cue
    )
    return re.compile(rf"\b(?:{'|'.join(nouns)})\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _displacement_told(token: Token) -> bool:
    """Whether the sentence of a token tells of flight or return (lexicons/measures.tsv)."""
    return _told_in_sentence(token, _displacement_words())


def _taking_told(token: Token) -> bool:
    """Whether the sentence of a token tells, by a verb or phrase, of people abducted
    (lexicons/measures.tsv: 'abducted', 'taken captive'; not the noun 'hostages')."""
    return _told_in_sentence(token, _measure_words(frozenset({"kidnapped"}), frozenset({"verb"})))


def _told_in_sentence(token: Token, found: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    words, phrases = found
    sentence = token.sent
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence) or any(
        phrase in sentence.text.lower() for phrase in phrases
    )


def _displacement_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Verbs and nouns that count displaced or returned people ('flee', 'refugee'), and phrases
    ('crossed into'), from lexicons/measures.tsv."""
    return _measure_words(frozenset({"displaced", "returned"}), frozenset({"verb", "noun"}))


@cache
def _measure_words(
    measures: frozenset[str], kinds: frozenset[str]
) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words of the given kinds and phrases that count one of the measures, from
    lexicons/measures.tsv."""
    rows = [
        (term, kind)
        for term, kind, measure in read_table("measures.tsv", 3)
        if measure in measures
    ]
    words = frozenset(term for term, kind in rows if kind in kinds)
    return words, tuple(term for term, kind in rows if kind == "phrase")


# Towns a document names as the surname of a person it names in full ("President Juan Manuel
# Santos" ... "talks began under Santos"): set by assign_places for the document at hand.
_SURNAMES: ContextVar[frozenset[str]] = ContextVar("_SURNAMES", default=frozenset())


def _document_surnames(scans: Sequence[Scan]) -> frozenset[str]:
    """Towns the document also writes as the last word of a person's name: after a given name
    that is no place or place word ('Juan Manuel Santos'), with no capitalised word after."""
    written: dict[str, set[str]] = {}  # each way a town is written, and its names
    for scan in scans:
        base = scan.sentence.start
        for m in scan.places:
            if m.place.kind != "country":
                form = scan.sentence.text[m.start - base : m.end - base]
                written.setdefault(form, set()).add(m.place.name)
    if not written:
        return frozenset()
    text = "\n".join(scan.sentence.text for scan in scans)
    stretches = _name_stretches(text, "".join(written))
    ends = [end for _, end in stretches]
    found: set[str] = set()
    for form, names in written.items():
        # most towns follow no capitalised word anywhere ('in Kaduna'): their pattern is not
        # even compiled (a compilation costs more than the searches of a short document)
        within = [(start, end) for start, end in _stretches_with(text, form, stretches, ends)
                  if _after_capitalised(text, form, start, end)]
        if not within:
            continue
        person = _surname_pattern(form)
        # not a sentence's first word ('Gunmen Kaduna ...' is no given name)
        hits = (
            h
            for start, end in within
            for h in person.finditer(text, start, end)
            if h.start() > 0 and text[h.start() - 1] != "\n"
        )
        if any(_given_names(hit.group(1), hit.group(2)) for hit in hits):
            found |= names
    return frozenset(found)


@lru_cache(maxsize=4096)
def _surname_pattern(form: str) -> re.Pattern[str]:
    """A town written as the last word of a name (kept: towns recur from document to document)."""
    return re.compile(
        rf"\b(?:([A-Z][a-z][\w'’-]*)\s+)?([A-Z][a-z][\w'’-]*)\s+{re.escape(form)}\b"
        r"(?!\s+[A-Z])"
    )


_NOT_IN_WORDS = re.compile(r"[^\w\s'’\-]")
_CAPITAL_PAIR = re.compile(r"[A-Z][a-z]")


def _after_capitalised(text: str, form: str, start: int, end: int) -> bool:
    """Whether ``form`` occurs in ``text[start:end]`` after white space that ends a run of word
    characters holding a capital and a small letter: what every match of ``_surname_pattern``
    in that stretch holds (its surname is such a run's end), so a stretch without it has none."""
    at = text.find(form, start, end)
    while at >= 0:
        words_end = at
        while words_end > start and text[words_end - 1].isspace():
            words_end -= 1
        words_start = words_end
        while words_start > start and _in_word(text[words_start - 1]):
            words_start -= 1
        if words_end < at and _CAPITAL_PAIR.search(text, words_start, words_end):
            return True
        at = text.find(form, at + 1, end)
    return False


def _in_word(char: str) -> bool:
    """Whether ``char`` is one of ``[\\w'’-]`` (\\w: what ``str.isalnum`` accepts, and '_')."""
    return char.isalnum() or char in "_'’-"


def _name_stretches(text: str, form_characters: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` between characters no name before a town can hold: a match of
    the surname pattern is words, spaces and the town's own characters, so it lies in one
    stretch, and searching only the stretches holding the town finds the same matches as
    searching the whole text (issue 12: that search, once per town, grew with the text's square
    in a long document)."""
    held = set(form_characters)
    starts = [0, *(m.end() for m in _NOT_IN_WORDS.finditer(text) if m.group() not in held)]
    return list(zip(starts, [start - 1 for start in starts[1:]] + [len(text)], strict=True))


def _stretches_with(
    text: str, form: str, stretches: Sequence[tuple[int, int]], ends: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """The stretches that hold ``form``, in order, each once (``ends``: where each ends)."""
    at = text.find(form)
    while at >= 0:
        index = bisect_left(ends, at + len(form))
        yield stretches[index]
        at = text.find(form, stretches[index][1] + 1)


def _given_names(first: str | None, second: str) -> bool:
    """Whether the words before a surname are a person's given names ('Abba', 'Juan Manuel':
    a second given name may be a town's name too, after a first that is none)."""
    words = english_words()
    if second.lower() in words or (first is not None and first.lower() in words):
        return False  # a headline in title case ('Suicide Attack Baghdad')
    return _is_name_word(second, True) or (
        first is not None and _is_name_word(first, True) and second.lower() not in _place_words()
    )


def _seat_mentions(scan: Scan) -> list[PlaceMention]:
    """The places a sentence names as a speaker's seat or where people were taken."""
    text, base = scan.sentence.text, scan.sentence.start
    return [m for m in scan.places if _speaker_seat(text, m.start - base, m.end - base)]


def _seats(scan: Scan) -> list[str]:
    """The places a sentence names as where a speaker sits ('an official in Kabul said'); not
    where the wounded were taken ('About 15 wounded were taken to hospital in Dori')."""
    text, base = scan.sentence.text, scan.sentence.start
    return _unique(
        m.place.name
        for m in _seat_mentions(scan)
        if not _carried_to().search(text[: m.start - base])
        and not _carried_to("destination").search(text[: m.start - base])
    )


def _speaker_seat(text: str, start: int, end: int) -> bool:
    """Whether a place is the seat of who tells the figure, not where it was counted: 'killed,
    an official in Kabul said', 'according to the ministry in Baghdad' (lexicons/
    place_speaker_cues.tsv)."""
    before, after = text[max(0, start - 60) : start], text[end : end + 30]
    if _TREATED_IN.search(before):
        return True  # "are being treated at a hospital in Kaya": where the wounded were taken
    if not text[:start].strip() and _COLON_DATELINE.match(after):
        return True  # "Srinagar: Nine people were killed ... in Reasi": where it was filed
    if _carried_to().search(before) or _carried_to("destination").search(before):
        return True  # "bodies were transported to Kabul": where the dead were taken
    if _OPENING_PREPOSITION.fullmatch(text[:start]) and _speaker_opened().match(text[end:]):
        return True  # "In Bangkok, a spokesman for the group said 8 were killed"
    seat_before, report_before, report_after = _speaker_cues()
    return bool(
        seat_before.search(before) and (report_after.match(after) or report_before.search(before))
    )


_OPENING_PREPOSITION = re.compile(r"\s*(?:In|From|At)\s+(?:the\s+)?")


@cache
def _speaker_opened() -> re.Pattern[str]:
    """', a spokesman for the group said', ', officials told reporters': a speaker and a reporting
    word right after a place that opens its sentence (lexicons/place_speaker_cues.tsv)."""
    rows = read_table("place_speaker_cues.tsv", 2)
    speaker = "|".join(re.escape(w) for w, role in rows if role == "speaker")
    reporting = "|".join(re.escape(w) for w, role in rows if role == "reporting")
    return re.compile(
        rf"^,\s+(?:[\w'’.-]+\s+){{0,4}}?(?:{speaker})\b[^.;:\d]{{0,80}}?\b(?:{reporting})\b",
        re.IGNORECASE,
    )


def _going_to(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a place is where people were going ('the plane destined to Nairobi')."""
    before = scan.text_between(max(scan.sentence.start, mention.start - 60), mention.start)
    return bool(_carried_to("destination").search(before))


@cache
def _carried_to(role: str = "carried") -> re.Pattern[str]:
    """A verb of carrying people and 'to' right before a place ('were rushed to ', 'transported
    to hospitals in '), from lexicons/place_speaker_cues.tsv; with role 'destination', a word of
    going ('destined to ', 'heading to ')."""
    rows = read_table("place_speaker_cues.tsv", 2)
    verbs = [re.escape(word) for word, kind in rows if kind == role]
    return re.compile(
        rf"\b(?:{'|'.join(verbs)})\s+(?:[\w'’-]+\s+){{0,2}}?to\s+(?:an?\s+|the\s+)?"
        r"(?:(?:[\w'’-]+\s+){0,3}?(?:in|at)\s+(?:the\s+)?)?$",
        re.IGNORECASE,
    )


@cache
def _speaker_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A speaker noun right before a place ('officials in '), a reporting word before that
    speaker ('according to the ministry in '), and one right after the place (' said')."""
    roles: dict[str, list[str]] = {
        "speaker": [], "reporting": [], "carried": [], "destination": [], "office": []
    }
    for word, role in read_table("place_speaker_cues.tsv", 2):
        roles[role].append(r"\s+".join(re.escape(w) for w in word.split()))
    speaker = "|".join(sorted(roles["speaker"], key=len, reverse=True))
    reporting = "|".join(sorted(roles["reporting"], key=len, reverse=True))
    # "officials in Maidan Wardak and Kabul declined to comment": both towns are seats
    # "the main hospital in provincial capital Baquba said": the town named by its rank
    office = "|".join(sorted(roles["office"], key=len, reverse=True))
    # "according to the governor of Warrap state": the seat of an office held over a place
    seat = (
        rf"\b(?:(?:{speaker})\s+(?:in|at|from|based\s+in)|(?:{office})\s+of)\s+(?:the\s+)?"
        r"(?:(?:provincial|regional|state|district|national)\s+capital,?\s+)?"
        r"(?:(?:[A-Z][\w'’-]*\s+){1,3}(?:and|or)\s+)?$"
    )
    # "a senior official in the defence ministry in Kabul": a speaker inside another's seat
    within = rf"(?:(?:{speaker})\s+(?:in|at|of|with|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?)?"
    # ", who asked not to be named, said", ", speaking on condition of anonymity"
    aside = r"(?:,\s+(?:who|speaking|on\s+condition)\b[^.;:]{0,80}?,)?"
    joined = r"(?:\s+(?:and|or)\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)?"
    # "the Information Minister of Yei River State, told": the rest of a longer name
    rest = r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}"
    return (
        re.compile(seat, re.IGNORECASE),
        # not 'said its office in Gao was attacked': the speaker's own premises, a scene
        re.compile(
            rf"\b(?:{reporting})\s+(?!(?:its|their|his|her|our)\b)(?:[\w'’-]+\s+){{0,5}}?"
            rf"{within}{seat}",
            re.IGNORECASE,
        ),
        re.compile(
            rf"^{rest}{joined}(?:{aside},?\s+(?:{reporting})\b"
            r"|,\s+(?:speaking|who\s+(?:asked|spoke|declined|requested))\b)",
            re.IGNORECASE,
        ),
    )


# Asked for the same sentence's places once per figure near it: the answers are kept.
@lru_cache(maxsize=4096)
def _name_part(text: str, start: int, end: int, kind: str) -> bool:
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    if _speaker_seat(text, start, end):
        return True  # "an official in Kabul said": where the speaker sits
    if _BASED.match(after) or _TITLE_BEFORE.search(before):
        return True
    if _STATEMENT_BEFORE.search(before) or _UNIT_AFTER.match(after):
        return True
    if _LIBERATION_OF.search(before) or _LAKE_BEFORE.search(before):
        return True
    if _PARTY_AFTER.match(after) or _PARTY_BEFORE.search(before) or _party_cue().match(after):
        return True  # "since the Russian Federation launched its attack": a party, not a place
    if kind == "country" and (_ORIGIN_BEFORE.search(before) or _ORIGIN_AFTER.match(after)):
        return True  # "three peacekeepers from South Africa": where they come from
    if kind == "country":
        # "the Sudan Doctors Union", "the Afghanistan Independent Human Rights Commission": a
        # country opening an organisation's name of two more capitalised words
        named = _TWO_NAME_WORDS_AFTER.match(after)
        return bool(named and _is_name_word(named.group(1), True) and named.group(2) != "State")
    if _FACILITY_AFTER.match(after) or _FACILITY_BEFORE.search(before):
        return True
    if _BLAMES_AFTER.match(after) and not _IN_PLACE_BEFORE.search(before):
        return True
    if (_SPEAKS_AFTER.match(after) and not _IN_PLACE_BEFORE.search(before)) or (
        _ACCORDING_BEFORE.search(before)
    ):
        return True  # "according to Santos", "Santos told reporters": a person, not the town
    return _next_to_name_word(text, start, end)


@cache
def _next_to_name_word(text: str, start: int, end: int) -> bool:
    """Whether a place stands next to a capitalised word that is no place or name word of its
    own ('Abdifatah Aden', 'Abba Yusuf'): part of a person's or a longer name."""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    previous = _WORD_BEFORE.search(before)
    following = _WORD_AFTER.match(after)
    return bool(
        (previous and _is_name_word(previous.group(1), start - len(previous.group(0)) > 0))
        or (following and _is_name_word(following.group(1), True))
    )


def _struck_facility(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a place follows a hospital or clinic that is, in the parse, the object of the
    sentence's verb or its passive subject ('the gunmen seized a hospital at Lamitan', 'a clinic
    in Beni was shelled'): the scene, not where the wounded were treated ('were treated at a
    hospital in Kaya', 'taken to a clinic in Beni', where the facility hangs on a preposition)."""
    text, base = scan.sentence.text, scan.sentence.start
    if not _TREATED_IN.search(text[max(0, mention.start - base - 60) : mention.start - base]):
        return False
    token = token_at(scan, mention.start, mention.end)
    if token is None or token.dep_ != "pobj":
        return False
    # the facility right before the place's preposition, wherever the parse hangs the phrase
    # ("seized a hospital at Lamitan" may hang "at Lamitan" on the verb)
    facility = next(
        (t for t in reversed(token.doc[max(0, token.i - 6) : token.i])
         if t.lemma_.lower() in {"hospital", "clinic"}),
        None,
    )
    return facility is not None and facility.dep_ in {"dobj", "nsubjpass"}


def _opens_a_common_noun(scan: Scan, mention: PlaceMention) -> bool:
    """Whether a place opens a noun phrase headed, in the parse, by a lower-case common noun that
    its capitalised words modify ('a Kabul Wrestling club', 'the Mombasa Fish market'): the
    place of that venue, not part of a person's name."""
    token = token_at(scan, mention.start, mention.end)
    if token is None or token.dep_ != "compound":
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Kabul" -> "Wrestling" -> "club"
    between = token.doc[token.i + 1 : head.i]
    return (
        head.pos_ == "NOUN"
        and head.text.islower()
        and token.i < head.i <= token.i + 4
        and all(
            t.dep_ in {"compound", "amod"} and token.i < t.head.i <= head.i for t in between
        )
    )


@cache
def _party_cue() -> re.Pattern[str]:
    """Words after a country that make it a party or a speaker ("US air strikes", "Russia's
    state-run news agency"), from lexicons/place_party_cues.tsv."""
    forms: dict[str, list[str]] = {"possessive": [], "modifier": []}
    for cue, form in read_table("place_party_cues.tsv", 2):
        forms[form].append(r"\s+".join(re.escape(w) for w in cue.split()))
    possessive = "|".join(sorted(forms["possessive"], key=len, reverse=True))
    modifier = "|".join(sorted(forms["modifier"], key=len, reverse=True))
    # "U.S. and Honduran targets", "US and British troops": a second country or demonym between
    joined = r"(?:\s+(?:and|or)\s+(?-i:[A-Z])[\w.'’-]*)?"
    return re.compile(
        rf"^(?:['’]s\s+(?:{possessive})|{joined}(?:\s+|(?=-))(?:{modifier}))(?![\w-])",
        re.IGNORECASE,
    )


def _is_name_word(word: str, inside: bool) -> bool:
    """A capitalised word next to a place, inside the sentence, that is no place or name word
    of its own ('Abdifatah' Aden, Abba 'Yusuf'): a person's name."""
    word = re.sub(r"['’]s$", "", word)  # "Nigeria's Kaduna state": a country's, no person's
    return (
        inside
        and word[:1].isupper()
        and word.lower() not in _place_words()
        and lookup_place(word) is None
        and demonym_country(word) is None
    )


@cache
def _place_words() -> frozenset[str]:
    """Words that may stand next to a place inside its name or phrase ('Kano State', 'In Kano')."""
    words = {w for w, _ in read_table("place_name_words.tsv", 2)}
    return frozenset(words | {w.lower() for w in WORDS["month"]} | set(WORDS["weekday"]))


def _sentence_places(draft: Draft) -> list[str]:
    """Places the figure's sentence gives it: those right after its number, else those of its
    clause and the clauses it hangs in, else the sentence's places no other figure claims."""
    scan = draft.scan
    own = (
        _respective_place(draft)
        or _places_after(draft, draft.quantity.start, draft.quantity.end)
        or _label_place(draft)
    )
    if own:
        return own
    if not _kept(scan):
        # "In the North East, troops neutralised 52": a region named by its compass points
        before = scan.text_between(scan.sentence.start, draft.quantity.start)
        region = _COMPASS_REGION.search(before)
        if region:
            return [region.group(1)]
    others = [q for q in scan.quantities if q is not draft.quantity]
    claimed = _labels_of_others(draft) | {
        name for q in others for name in _places_after(draft, q.start, q.end)
    }
    if _nationwide().search(scan.sentence.text) and all(
        m.place.name in claimed for m in _kept(scan)
    ):
        return []  # "340 were killed nationwide, including 40 in Mopti": the country's
    if _nationwide_own(draft):
        # "In Kassala, the agency registered 310 arrivals, out of 2,400 across the country": the
        # scope told in the figure's own stretch of the sentence names no town of it
        return _unique(m.place.name for m in _kept(scan) if m.place.kind == "country")
    scope = _Scope.of(draft)
    if _only_labels(draft):
        found = []
    elif scope is not None:
        found = scope.places(claimed)
    else:
        rest = [m.place.name for m in _kept(scan) if m.place.name not in claimed]
        found = _unique(rest or [m.place.name for m in _kept(scan)])
    aside = _aside_places(scan)
    if any(name not in aside for name in found):
        found = [name for name in found if name not in aside]
    parts = _parts_places(draft)
    if found and all(name in parts for name in found):
        return []
    # "in eastern Burkina Faso forced 58,000 from their homes, with many of them sheltering in
    # Fada N'Gourma": the whole keeps its own places, not those told of some of its parts
    found = [name for name in found if name not in parts] or found
    return found or _demonym_divisions(scan)


_RESPECTIVELY = re.compile(r"[^.;\d]{0,40}?\brespectively\b", re.IGNORECASE)
_COUNT_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*")


def _respective_place(draft: Draft) -> list[str]:
    """'Shelling in Donetsk and Kharkiv killed 14 and 9 civilians respectively': a run of counts
    followed by 'respectively' takes the places listed before it, in their order."""
    scan = draft.scan
    counts = sorted(scan.quantities, key=lambda q: q.start)
    at = next((i for i, q in enumerate(counts) if q is draft.quantity), None)
    if at is None:
        return []

    def joined(i: int) -> bool:
        return bool(_COUNT_JOIN.fullmatch(scan.text_between(counts[i - 1].end, counts[i].start)))

    first, last = at, at
    while first > 0 and joined(first):
        first -= 1
    while last + 1 < len(counts) and joined(last + 1):
        last += 1
    rest = scan.text_between(counts[last].end, scan.sentence.end)
    if first == last or not _RESPECTIVELY.match(rest):
        return []
    listed = [m for m in _kept(scan) if m.end <= counts[first].start]
    names = _joined_before(scan, listed) if listed else []
    return [names[at - first]] if len(names) == last - first + 1 else []


def _own_stretch(draft: Draft) -> tuple[int, int]:
    """The figure's stretch of its sentence: from the number before it to the number after it."""
    scan = draft.scan
    start = max((q.end for q in scan.quantities if q.end <= draft.quantity.start),
                default=scan.sentence.start)
    end = min((q.start for q in scan.quantities if q.start >= draft.quantity.end),
              default=scan.sentence.end)
    return start, end


def _nationwide_own(draft: Draft) -> bool:
    """Whether 'across the country' (a nationwide phrase) is told in the figure's own stretch."""
    start, end = _own_stretch(draft)
    return bool(_nationwide().search(draft.scan.text_between(start, end)))


def _demonym_divisions(scan: Scan) -> list[str]:
    """'strikes on several Yemeni provinces', 'killed in Afghan west province': divisions or
    settlements named only by their country's demonym are in that country (a sentence without
    places of its own; before a dateline's city or a place told earlier)."""
    countries = {
        country
        for found in _DEMONYM_DIVISION.finditer(scan.sentence.text)
        # "a South Sudanese town": the demonym of two words, else its last one
        if (country := demonym_country(found.group(1))
            or demonym_country(found.group(1).split()[-1])) is not None
    }
    return sorted(countries) if len(countries) == 1 else []


_DEMONYM_DIVISION = re.compile(
    r"\b((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)\s+"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western"
    r"|north-?eastern|north-?western|south-?eastern|south-?western|border|rural|remote|coastal)\s+)?"
    r"(?:provinces?|regions?|districts?|governorates?|states?|counties|county|departments?"
    r"|cities|city|towns?|villages?)\b"
)


# "In the Ouest department, which includes Port-au-Prince, 2,092 were killed": a place told as a
# part of the place before it describes that place; the figure is the whole one's
_ASIDE_BEFORE = re.compile(
    r",\s*(?:which|that)\s+(?:includes?|contains?|encompass(?:es)?|covers?)\s+"
    r"(?:the\s+(?:capital|city|town)(?:\s+of)?\s*,?\s*)?$",
    re.IGNORECASE,
)


def _labels_of_others(draft: Draft) -> set[str]:
    """Places that label the sentence's other counts ("Sagaing (1,630)", "Kherson 19")."""
    return {
        name
        for q in draft.scan.quantities
        if q is not draft.quantity
        for name in _label_place(draft, q)
    }


def _only_labels(draft: Draft) -> bool:
    """Whether every place of the figure's sentence labels another count of it: "4,512 were
    killed, most of them in Sagaing (1,630) and Magway (702)" names no place of the whole."""
    kept = _kept(draft.scan)
    labels = _labels_of_others(draft)
    return bool(kept) and all(m.place.name in labels for m in kept)


def _aside_places(scan: Scan) -> set[str]:
    """Places a sentence names only inside a 'which includes ...' aside on a place before them."""
    kept = _kept(scan)
    found: set[str] = set()
    for before, mention in pairwise(kept):
        gap = scan.text_between(before.end, mention.start)
        if len(gap) < 60 and _ASIDE_BEFORE.search(gap):
            found.add(mention.place.name)
    return found


def _parts_places(draft: Draft) -> set[str]:
    """Places told after the number for its parts only: a trailing ", with ..." ('393 were in
    prison around the world, with China and Myanmar holding the most') or the places of a count
    it includes ('1.4 million crossed into neighbouring countries, including 540,000 into
    Chad'). A figure whose only places these are takes its places from its story."""
    scan = draft.scan
    base, text = scan.sentence.start, scan.sentence.text
    after = draft.quantity.end - base
    found: set[str] = set()
    aside = _PARTS_ASIDE.search(text, after)
    if aside is not None:
        found |= {m.place.name for m in _kept(scan) if m.start - base >= aside.start()}
    for q in scan.quantities:
        if q.start > draft.quantity.end and (
            _INCLUDES.search(text[after : q.start - base])
            # "14 were killed in the province, nine of them in Kunduz": the part's place
            or _OF_THEM_AFTER.match(text, q.end - base)
        ):
            found |= set(_places_after(draft, q.start, q.end))
    return found


_OF_THEM_AFTER = re.compile(r"\s+(?:of|among)\s+(?:them|whom|those)\b", re.IGNORECASE)


_ITEM_END = re.compile(r"\s*(?:[,;.)]|and\b|$)")


_LABEL_GAP = re.compile(r"\s+(?:with\s+)?")


def _labelled_item(draft: Draft) -> bool:
    """Whether a figure's places are only the label of its item in a breakdown."""
    labels = _label_place(draft)
    return bool(labels) and set(draft.locations) <= set(labels)


def _label_place(draft: Draft, quantity: Quantity | None = None) -> list[str]:
    """'by district: Kherson 19, Kharkiv 11': an item of a breakdown labelled by its place, the
    number right after the name (or after 'with': 'followed by Mexico with nine') and closing
    the item."""
    scan = draft.scan
    q = quantity or draft.quantity
    end = q.end - scan.sentence.start
    bracketed = _BRACKET_ITEM_END.match(scan.sentence.text, end)
    if not bracketed and not _ITEM_END.match(scan.sentence.text, end):
        return []
    gap_pattern = _BRACKET_GAP if bracketed else _LABEL_GAP
    kept = _kept(scan)
    for at, mention in enumerate(kept):
        gap = scan.text_between(mention.end, q.start)
        if mention.end <= q.start and gap and gap_pattern.fullmatch(gap):
            return _joined_before(scan, kept[: at + 1])
    return []


def _joined_before(scan: Scan, mentions: Sequence[PlaceMention]) -> list[str]:
    """The last place and those joined to it by 'and' or commas ('followed by Kharkiv and Sumy
    with 22': both label the 22)."""
    names = [mentions[-1].place.name]
    for before, after in pairwise(reversed(mentions)):
        if not _JOINED_PLACE.fullmatch(scan.text_between(after.end, before.start)):
            break
        names.insert(0, after.place.name)
    return _unique(names)


# "Donetsk region (48 killed), Kherson region (21 killed)": the number in brackets after its place
_BRACKET_GAP = re.compile(r"(?:\s+(?:region|province|oblast|state|department|district))?\s*\(",
                          re.IGNORECASE)
_BRACKET_ITEM_END = re.compile(r"[^\d()]{0,25}\)")


def _places_after(draft: Draft, start: int, end: int) -> list[str]:
    """Places introduced by a preposition between this number and the next one, in its clause."""
    scan = draft.scan
    limit = min((q.start for q in scan.quantities if q.start > start), default=scan.sentence.end)
    scope = _Scope.of(draft, start, end)
    local: list[str] = []
    previous_end = end
    from_place = False
    labels = {name for q in scan.quantities if q.start > start for name in _label_place(draft, q)}
    for mention in _kept(scan):
        if not end <= mention.start < limit:
            continue
        if mention.place.name in labels:
            break  # "killed 4,512, most of them in Sagaing (1,630)": it labels the next count
        if scope is not None and not scope.reaches(mention):
            continue  # "killed 6, and a bomb in Samarra killed 9": Samarra is the 9's
        gap = scan.text_between(previous_end, mention.start)
        joined = bool(local) and bool(
            _JOINED_PLACE.fullmatch(gap)
            or _POSSESSIVE_JOIN.fullmatch(gap)
            or (draft.measure == Measure.DISPLACED and from_place and _ONWARD.fullmatch(gap))
            or (draft.measure == Measure.DISPLACED and _INTO.fullmatch(gap))
        )
        from_place = not local and bool(_FROM_PLACE.search(gap))
        if joined or (not local and _LOCAL_PLACE.match(gap)):
            local.append(mention.place.name)
            previous_end = mention.end
    return _unique(local)


@dataclass(frozen=True, slots=True)
class _Scope:
    """A number's clause in its parsed sentence, and the clauses of the sentence's other numbers."""

    scan: Scan
    clauses: Clauses
    clause: int
    verb: Token  # the verb the number hangs on (the number itself when it has none)
    busy: frozenset[int]  # clauses holding another number

    @classmethod
    def of(cls, draft: Draft, start: int = -1, end: int = -1) -> _Scope | None:
        """The scope of the number at start..end (default: the draft's), None without a parse."""
        scan = draft.scan
        clauses = clauses_of(scan)
        if clauses is None:
            return None
        if start < 0:
            start, end = draft.quantity.start, draft.quantity.end
        number = token_at(scan, start, end)
        if number is None:
            return None
        clause = clauses.of_token[number.i]
        busy = other_counts(scan, clauses, start) - {clause}
        return cls(scan, clauses, clause, _governor(number), busy)

    def _of(self, mention: PlaceMention) -> int:
        return clause_at(self.scan, self.clauses, mention.start, mention.end)

    def reaches(self, mention: PlaceMention) -> bool:
        """Whether a place is said in the number's clause, or in a clause inside it that counts
        nothing of its own ('killed 12 when a bomb went off in Kirkuk')."""
        clause = self._of(mention)
        return clause == self.clause or (
            self.clauses.inside(clause, self.clause) and clause not in self.busy
        )

    def places(self, claimed: set[str]) -> list[str]:
        """The places of the number's clause, else of the clauses it hangs in, innermost first;
        a place in the subject of its verb ('two car bombs in Mosul killed 14') even when another
        number claims it. Else those of clauses counting nothing; else, unless the number's verb
        has a place without a name ('were in government-held territory'), all of the sentence's."""
        kept = _kept(self.scan)
        for clause in self.clauses.chain(self.clause):
            names = [
                m.place.name
                for m in kept
                if self._of(m) == clause and (m.place.name not in claimed or self._subject(m))
            ]
            if names:
                return _unique(names)
            if clause == self.clause and _unnamed_area(self.verb):
                return []
        free = [
            m.place.name
            for m in kept
            if m.place.name not in claimed and self._of(m) not in self.busy
        ]
        if free:
            return _unique(free)
        if _unnamed_area(self.verb):
            return []
        # all places taken: those of the clauses the number hangs in, not of a clause beside it
        # that counts its own ("left 20 wounded, while a car bomb in Tarmiyah hurt six")
        chain = set(self.clauses.chain(self.clause))
        told = [m.place.name for m in kept if self._of(m) in chain]
        return _unique(told or [m.place.name for m in kept])

    def _subject(self, mention: PlaceMention) -> bool:
        """Whether a place is said inside the subject of the number's verb."""
        token = token_at(self.scan, mention.start, mention.end)
        while token is not None and token.head.i != token.i:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head == self.verb:
                return True
            token = token.head
        return False


def _governor(number: Token) -> Token:
    """The verb a number hangs on ('1,850 were in ...' -> were); the number itself when it stands
    for a clause whose verb is left out ('and 450 in territory ...')."""
    token = number
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        if token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
            return token
        token = token.head
    return token


def _unnamed_area(verb: Token) -> bool:
    """Whether a verb (or a number standing for one) has a place without a name ('were in
    government-held territory', '450 in areas held by the rebels')."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in {"in", "inside", "within"}
        and any(obj.dep_ == "pobj" and obj.lower_ in _area_nouns() for obj in prep.children)
        for prep in verb.children
    )


@cache
def _area_nouns() -> frozenset[str]:
    """Nouns for a stretch of land ('territory', 'areas'), from lexicons/scope_words.tsv."""
    return frozenset(p for p, kind in read_table("scope_words.tsv", 2) if kind == "area")


def _places_from_parts(
    total: Draft, later: Sequence[Draft], index: dict[int, int]
) -> list[str]:
    """'43 operations ... 33 in Iraq ... 10 in Syria': the parts' places are the total's. Parts
    without an upper bound ('more than 100', 'at least five') fit any total: they are its parts
    only when told right after it, not tolls of other attacks told further on."""
    low, high = total.quantity.interval()
    for run in _part_runs(total, later):
        places = {d.locations[0] for d in run}
        run_low = sum(d.quantity.interval()[0] for d in run)
        run_high = sum(d.quantity.interval()[1] for d in run)
        near = index[id(run[-1].scan)] - index[id(total.scan)] <= _OPEN_PARTS_REACH
        if run_high == float("inf") and not near:
            continue
        if len({d.time.text.casefold() for d in run if d.time is not None}) > 1:
            continue  # "five killed last week in Kabul ... eight on Sunday in Logar": two events
        if len(places) == len(run) and run_low <= high and low <= run_high:
            return _unique(d.locations[0] for d in run)
    return []


def _part_runs(total: Draft, later: Sequence[Draft]) -> Iterator[list[Draft]]:
    """Runs of two to four later figures that may be a total's parts, each of its measure and
    period with one place of its own. A total without an upper bound ('at least 15') fits any
    larger sum: only the figures of its measure right after it may be its parts."""
    same = [d for d in later if d.measure == total.measure]
    if total.quantity.interval()[1] == float("inf"):
        for size in (2, 3, 4):
            run = same[:size]
            if len(run) == size and all(_may_be_part(total, d) for d in run):
                yield run
        return
    parts = [d for d in same if _may_be_part(total, d)]
    for size in (2, 3, 4):
        for i in range(len(parts) - size + 1):
            yield parts[i : i + size]


def _may_be_part(total: Draft, draft: Draft) -> bool:
    return draft.own_places and len(draft.locations) == 1 and draft.period == total.period


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
        if scans[back].places and (kept := _kept(scans[back])):
            return _unique(m.place.name for m in kept)
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
