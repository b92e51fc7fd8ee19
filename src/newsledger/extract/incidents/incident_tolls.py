"""The killed, injured and kidnapped tolls of one incident, read off its mentions (incidents.py).

Rule:
  tolls   per measure, first from the incident's main mention: its toll figures, and the sums of
          figures it coordinates ("two soldiers and a civilian" = 3, "the driver and two
          passengers" = 3; not "five people, including two soldiers", nor a total listed with its
          parts); the largest, the first in the text on a tie. Else the persons it names without
          a number ("a policeman was killed", "killing the driver and his wife": implicit tolls,
          never figures; words in measures.tsv). Else 0 when a mention up to the main one says
          nobody was hurt and the main one only tells a claim. Else the largest toll of the other
          body mentions, then of the headline (a headline often rounds or conflates), then the
          implicit ones of the other mentions; for killed, then victims told before and told dead
          ("Their bodies were found", "kidnapped and killed", "both later died": the kidnapped,
          else the injured toll; "His body was found": one); last, at least the largest part of
          the victims a body mention counts ("three women were among the dead"), which is never
          the toll when any whole is told. The main mention comes first because later
          sentences often tell other scopes: a day's or a campaign's total, a claim, another
          report's count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from newsledger.extract.folded import FoldedPattern, folded_words
from newsledger.extract.incidents.event_mentions import Mention, cue_pattern, cue_words
from newsledger.extract.numbers import find_quantities, victim_words
from newsledger.model import Figure, IncidentCount, Measure, Qualifier

# --- tolls ------------------------------------------------------------------------------------


def toll(group: Sequence[Mention], measure: Measure, text: str = "") -> IncidentCount | None:
    """The incident's toll of one measure (rule in the module docstring); ``text``, the
    document's, lets 'killing them' find the persons a sentence before the incident counted.
    The attackers' own dead ('Four of the assailants were killed by a patrol') are the toll only
    when no other victim is told killed."""
    if measure is Measure.KILLED and any(_attackers_dead(f) for m in group for f in m.counts):
        others = [replace(m, counts=[f for f in m.counts if not _attackers_dead(f)])
                  for m in group]
        found = _toll(others, measure, text)
        if found is not None and found.low > 0:
            return found
    return _toll(group, measure, text)


def _attackers_dead(figure: Figure) -> bool:
    """Whether a killed figure counts some of the attackers ('One of the assailants was
    killed')."""
    if figure.measure is not Measure.KILLED:
        return False
    found = _OF_THE_ATTACKERS.match(figure.text)
    return bool(found and found.group(1).casefold() in cue_words("unnamed_perpetrator"))


_OF_THE_ATTACKERS = re.compile(r"^[\w-]+\s+of\s+the\s+([\w\s]+?)\s+(?:was|were|had|have)\b",
                               re.IGNORECASE)


def _toll(group: Sequence[Mention], measure: Measure, text: str = "") -> IncidentCount | None:
    main, rest = group[0], group[1:]
    body = [m for m in rest if not m.headline]
    headlines = [m for m in rest if m.headline]
    if main.headline:
        headlines = [main, *headlines]
    else:
        body = [main, *body]
    stated = _largest(_stated_tolls(main, measure)) if not main.headline else None
    stated = stated or _implicit_toll(main, measure)
    # "Five of the injured died overnight, bringing the death toll to 73": a later sentence
    # that raises the main one's toll gives it
    raised = _largest([c for m in body if m.start > main.start and cue_pattern("update").search(
        m.text) for c in _stated_tolls(m, measure)])
    if raised is not None and (stated is None or raised.low > stated.low):
        stated = raised
    elif stated is not None and measure is Measure.KILLED:
        stated = _with_added_dead(stated, main, body)
    denied = any(_denied(m, measure) for m in body if m.start <= main.start)
    if denied and (stated is None or _CLAIMED_TOLL.search(main.text)):
        # "no one was hurt"; a claim says more; a bomber who blew himself up is the toll
        selves = _attackers_died(group) if measure is Measure.KILLED else None
        return selves or IncidentCount(0, 0, Qualifier.EXACT, None)
    stated = stated or _largest([c for m in body for c in _stated_tolls(m, measure)])
    stated = stated or _largest([c for m in headlines for c in _stated_tolls(m, measure)])
    stated = stated or next(filter(None, (_implicit_toll(m, measure) for m in rest)), None)
    if stated is None and measure is Measure.KILLED:
        stated = _victims_died(group, text) or _counted_dead(group)
    # Then a part of the victims ("three women were among the dead"): the toll is at least it.
    stated = stated or _largest([c for m in body for c in _stated_tolls(m, measure, parts=True)])
    if stated is None and measure is Measure.KILLED:
        # Last, the attackers who blew themselves up and killed nobody else: RAND counts them.
        stated = _attackers_died(group)
    return stated


# After persons counted: "Four voters who had just left the polls were killed", "two leaders,
# Jorge Mora and Jorge Ayala, were assassinated", "nine policemen dead".
_DEAD_AFTER = re.compile(
    r"^(?:[^.;]{0,90}?\s(?:were|have\s+been|had\s+been)\s+(?:(?:later|also|then|all)\s+)?"
    r"(?:killed|assassinated|murdered|executed|beheaded|slain|shot\s+dead|shot\s+to\s+death|"
    r"stabbed\s+to\s+death|found\s+dead)\b|\s+dead\b)",
    re.IGNORECASE,
)
# Before persons counted: "the fatal stabbing of two soldiers", "caused the martyrdom of two
# people", "resulted in the deaths of three guards".
_DEAD_BEFORE = re.compile(
    r"\b(?:fatal\s+(?:stabbing|shooting|beating)|martyrdom|deaths?|killing|murder|"
    r"assassination)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _counted_dead(group: Sequence[Mention]) -> IncidentCount | None:
    """Persons counted and told dead in words the figures do not read (a relative clause or
    names between the count and 'were killed', 'the fatal stabbing of two soldiers'): the
    largest such count; None when there is none."""
    found: int | None = None
    for mention in group:
        text = mention.scan.sentence.text
        if _NEGATED_SUBJECT.search(text) and _denied(mention, Measure.KILLED):
            continue
        for quantity in find_quantities(text):
            if quantity.qualifier is not Qualifier.EXACT or quantity.low < 1:
                continue
            persons = _plural_persons().match(text, quantity.end)
            if persons is None:
                continue
            if (_DEAD_AFTER.match(text[persons.end():])
                    or _DEAD_BEFORE.search(text[: quantity.start])):
                found = max(found or 0, quantity.low)
    return IncidentCount(found, found, Qualifier.EXACT, None) if found else None


# "blew himself up", "killing himself", "blew themselves up"
_SELF_DEATH = re.compile(
    r"\b(?:blew|blowing|blown)\s+(?P<one>him|her)self\s+up\b"
    r"|\b(?:killed|killing)\s+(?P<one2>him|her)self\b(?!\s+and\s+(?:an?|one|the|his|her|\d|"
    r"two|three|four|five|six|seven|eight|nine|ten)\b)"
    r"|\b(?:blew|blowing|blown)\s+themselves\s+up\b|\b(?:killed|killing)\s+themselves\b",
    re.IGNORECASE,
)


def _attackers_died(group: Sequence[Mention]) -> IncidentCount | None:
    """The attackers told dead by their own device ('a suicide bomber blew himself up': one; 'two
    men assembling a bomb blew themselves up': the persons counted before); None when none is."""
    for mention in group:
        text = mention.scan.sentence.text
        found = _SELF_DEATH.search(text)
        if found is None:
            continue
        if found.group("one") or found.group("one2"):
            return IncidentCount(1, 1, Qualifier.EXACT, None)
        counted = _persons_counted(text[: found.start()])
        if counted:
            return IncidentCount(counted, counted, Qualifier.EXACT, None)
    return None


def _with_added_dead(stated: IncidentCount, main: Mention,
                     body: Sequence[Mention]) -> IncidentCount:
    """The main mention's killed toll with the dead that later sentences add ('A second guard
    was also killed', 'Two of the wounded later died', 'the minister died of his wounds'; cues
    ``added_dead``), and those its own clause adds after it ('Two women were killed and two
    others died later of their injuries')."""
    added = sum(_added_dead(m, main) for m in body if m.start > main.start and not m.headline)
    added += _others_died(main)
    if not added:
        return stated
    high = stated.high + added if stated.high is not None else None
    return IncidentCount(stated.low + added, high, stated.qualifier, stated.figure)


def _added_dead(mention: Mention, main: Mention) -> int:
    """How many dead a later sentence adds to the toll told before (0: none)."""
    text = mention.text
    cue = cue_pattern("added_dead").search(text)
    sentence = mention.scan.sentence.text
    if cue is None or cue_pattern("update").search(sentence) or _AMONG_DEAD.search(sentence):
        return 0
    # "later died", "succumbed to his wounds": of the wounded the main sentence told; without
    # them ("Three policemen died ... Zhdanov succumbed to his wounds") one of its dead
    wounded = any(f.measure is Measure.INJURED for f in main.counts) or implicit_victims(
        main.text, Measure.INJURED)
    if "also" not in cue.group().casefold() and not wounded:
        return 0
    stated = _largest(_stated_tolls(mention, Measure.KILLED))
    if stated is not None:
        return stated.low
    implicit = implicit_victims(text, Measure.KILLED)
    if implicit:
        return implicit
    # "It was later reported that Ugaily died of wounds": a person named before the cue, whom
    # the main sentence told (wounded); another named person may be one of its toll
    named = _NAMED_DIED.search(text[: cue.start()])
    return 1 if named and named.group().split()[-1] in main.text else 0


# "one of the dead", "among those killed": the dead counted already
_AMONG_DEAD = re.compile(r"\b(?:of|among)\s+(?:the|those)\s+(?:dead|killed|victims)\b",
                         re.IGNORECASE)
_NAMED_DIED = re.compile(
    r"\b(?!(?:He|She|They|It|The|This|That|One|Both|All|Later|Police)\b)[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)*\s+$")
# "... and two others died later", "and three more were also killed"
_OTHERS_DIED = re.compile(r"^\s+(?:others|other\s+[\w'’-]+|more)\b", re.IGNORECASE)


def _others_died(mention: Mention) -> int:
    """The dead a clause of the main mention adds after its first toll with 'others' or 'more'
    and an ``added_dead`` cue ('Two women were killed and two others died later')."""
    figures = sorted((f for f in mention.counts if f.measure is Measure.KILLED),
                     key=lambda f: f.start)
    scan = mention.scan
    for first, second in pairwise(figures):
        between = scan.text_between(first.quantity.end, second.quantity.start)
        after = scan.text_between(second.quantity.end, min(second.quantity.end + 60, mention.end))
        if (re.search(r"\band\b", between) and _OTHERS_DIED.search(after)
                and cue_pattern("added_dead").search(after)):
            return second.quantity.low
    return 0


def _victims_died(group: Sequence[Mention], text: str = "") -> IncidentCount | None:
    """The victims told before, told dead: 'Three policemen were kidnapped ... Their bodies were
    found' (the kidnapped toll), 'injured two officers ... The officers died of their wounds' (the
    injured toll), 'His body was found' (one). None when no mention tells of it."""
    texts = [m.text for m in group]
    fated = next((i for i, text in enumerate(texts) if fate_of_them(text)), None)
    if fated is not None:
        for measure in (Measure.KIDNAPPED, Measure.INJURED):
            found = toll(group, measure)
            if found is not None and found.low > 0:
                return IncidentCount(found.low, found.high, found.qualifier, None)
        # "Fourteen men were seized by gunmen. Their bodies were found": the persons counted
        counted = _persons_counted(_told_before(group, fated, text, end=False))
        if counted:
            return IncidentCount(counted, counted, Qualifier.EXACT, None)
    if any(fate_of_one(text) for text in texts):
        return IncidentCount(1, 1, Qualifier.EXACT, None)
    # "Five police commandos were ambushed ... killing them": the persons the story counted
    told = next((i for i, text in enumerate(texts) if _KILLED_THEM.search(text)), None)
    if told is not None:
        counted = _persons_counted(_told_before(group, told, text, end=True))
        if counted:
            return IncidentCount(counted, counted, Qualifier.EXACT, None)
    return None


_BEFORE_CHARS = 300  # how far before the incident's first mention its victims may be counted


def _told_before(group: Sequence[Mention], index: int, text: str, end: bool) -> str:
    """The text that tells the victims of ``group[index]``: the document's, from a little before
    the incident's first mention, up to that mention (through it when ``end``); without the
    document's text, the group's mentions up to it."""
    mention = group[index]
    if not text:
        return " ".join(m.text for m in group[: index + 1 if end else index])
    first = min(m.start for m in group)
    return text[max(0, first - _BEFORE_CHARS) : mention.end if end else mention.start]


# "killing them", "killed both of them": victims told before as a group, by a pronoun
_KILLED_THEM = re.compile(
    r"\b(?:killed|killing|executed|executing|murdered|murdering|shot\s+dead|shooting\s+dead)\s+"
    r"(?:them|all\s+of\s+them|both\s+of\s+them)\b(?!\s+(?:to)\b)",
    re.IGNORECASE,
)


def _persons_counted(text: str) -> int | None:
    """The last count of persons told before 'killing them' ('Five police commandos', 'the
    three engineers'); None when the text counts none before it."""
    end = _KILLED_THEM.search(text)
    before = text[: end.start()] if end else text
    found = None
    for quantity in find_quantities(before):
        if quantity.qualifier is Qualifier.EXACT and _plural_persons().match(before, quantity.end):
            found = quantity.low
    return found


@cache
def _plural_persons() -> re.Pattern[str]:
    plural = rf"(?:{_persons()})(?:s|es)"
    return re.compile(
        rf"(?:\s+[\w'’-]+){{0,2}}?\s+(?:{plural}|(?:police|people|men|women|children|"
        rf"policemen|servicemen|gunmen|fishermen|tribesmen))\b",
        re.IGNORECASE,
    )


def fate_of_one(text: str) -> bool:
    """Whether a text tells one victim told before found dead ('His body was found')."""
    return bool(_FATE_OF_ONE.search(text))


def fate_of_them(text: str) -> bool:
    """Whether a text tells victims told before dead, as a group ('Their bodies were found',
    'the bodies of the men were found', 'The gunmen then killed them', 'The two officers later
    died of their wounds')."""
    if _ONE_OF_BODIES.search(text):
        return False  # "One of the policemen's bodies was found": one of them
    return bool(_FATE_OF_THEM.search(text)
                or (_BODIES.search(text) and _BODIES_FOUND.search(text)))


# "their bodies", "the men's bodies", "the bodies of the (two) men", "their severed heads"
_BODIES = FoldedPattern(re.compile(
    r"\b(?:their|the\s+[\w-]+['’]s?)\s+(?:(?:severed|decapitated|mutilated|charred|burned|"
    r"bullet-riddled)\s+)?(?:bodies|heads|corpses|remains)\b"
    r"|\bthe\s+bodies\s+of\s+(?:the|all|both|these|those)\b",
    re.IGNORECASE,
))
_BODIES_FOUND = re.compile(r"\b(?:found|discovered|recovered|dumped|left|leaving)\b", re.IGNORECASE)
_FATE_OF_THEM = FoldedPattern(re.compile(
    # "killed them", "executed all of them", "shot them dead"
    r"\b(?:killed|executed|murdered|beheaded|shot\s+dead|shot\s+and\s+killed)\s+"
    r"(?:them|all\s+of\s+them|both\s+of\s+them|both|all)\b(?!\s+(?:to)\b)"
    r"|\bshot\s+them\s+dead\b"
    # "were kidnapped and murdered", "abducted from their homes and later executed"
    r"|\b(?:kidnapped|abducted)\b[^.;]{0,60}?\band\s+(?:(?:later|then|subsequently)\s+)?"
    r"(?:killed|murdered|executed|beheaded|shot\s+dead)\b"
    # "They were later found dead", "taken to a hospital, where they died"
    r"|\bthey\s+were\s+(?:(?:later|subsequently|eventually|then|all|both)\s+)*found\s+"
    r"(?:shot\s+|beheaded\s+|murdered\s+)?dead\b"
    r"|\b(?:where|after\s+which)\s+they\s+(?:(?:later|all|both|subsequently)\s+)*died\b"
    # "The police officers later died", "both died of their injuries", "all three died"
    r"|\b(?:the|these|those|both|all)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:[a-z]+s|[a-z]*men|people|children|both|three|four|five)\s+"
    r"(?:(?:later|also|subsequently|eventually|all|of\s+them)\s+)*(?:died|succumbed)\b",
    re.IGNORECASE,
))
# "His body was found", "her body was later discovered", "One of the guards' bodies was found"
_FATE_OF_ONE = FoldedPattern(re.compile(
    r"(?:\b(?:his|her)\s+(?:[\w-]+\s+)?body|\bone\s+of\s+(?:the\s+[\w-]+['’]s?|their)\s+"
    r"bodies)\s+(?:was|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:found|discovered|recovered|dumped)\b",
    re.IGNORECASE,
))
_ONE_OF_BODIES = re.compile(r"\bone\s+of\s+(?:the\s+[\w-]+['’]s?|their)\s+bodies\b",
                            re.IGNORECASE)


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


def _stated_tolls(
    mention: Mention, measure: Measure, parts: bool = False
) -> list[tuple[IncidentCount, int]]:
    """Each toll figure of the mention, and the sum of coordinated ones ('two soldiers and a
    civilian'), with where each starts; never a figure told as a part of the victims ('three
    women were among the dead'), unless ``parts``: then only those, each as 'at least'."""
    figures = sorted((f for f in mention.counts if f.measure is measure), key=lambda f: f.start)
    if parts:
        return [
            (IncidentCount(f.quantity.low, None, Qualifier.AT_LEAST, f.id), f.start)
            for f in figures
            if _part_of_victims(mention, f)
        ]
    figures = [f for f in figures if not _part_of_victims(mention, f)
               and not (measure is Measure.KILLED and _told_hurt(mention, f))]
    # "killed fifteen of the seventeen passengers": the whole the dead were taken from
    figures = [f for f in figures if not any(
        _WHOLE_AFTER.fullmatch(mention.scan.text_between(g.quantity.end, f.quantity.start))
        for g in figures if g.quantity.end <= f.quantity.start)]
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


def _told_hurt(mention: Mention, figure: Figure) -> bool:
    """Whether a figure read as killed is told hurt by the words around its number ('injuring at
    least 320 others', 'another forty-nine were wounded'), or is a size ('a 54-foot boat')."""
    scan, quantity = mention.scan, figure.quantity
    before = scan.text_between(max(scan.sentence.start, quantity.start - 40), quantity.start)
    after = scan.text_between(quantity.end, min(scan.sentence.end, quantity.end + 40))
    return bool(_HURT_BEFORE.search(before) or _HURT_AFTER.match(after) or _SIZE.match(after))


# "a fifty-four-foot sloop", "a 500-pound bomb": a size, no persons
_SIZE = re.compile(r"-(?:foot|feet|meter|metre|mile|ton|tonne|pound|lb|kilo|kilogram|kg|storey|"
                   r"story|inch|yard|millimet(?:er|re)|mm|litre|liter|gallon)\b", re.IGNORECASE)


_HURT_BEFORE = re.compile(
    r"\b(?:injuring|wounding|hurting|injured|wounded)\s+(?:(?:at\s+least|about|some|over|more\s+"
    r"than|nearly|around|another|up\s+to)\s+)*$", re.IGNORECASE)
_HURT_AFTER = re.compile(
    r"\s+(?:(?:others?|more|people|persons)\s+)?(?:were|was)\s+(?:(?:also|seriously|slightly|"
    r"badly|critically)\s+)?(?:wounded|injured|hurt)\b", re.IGNORECASE)


_WHOLE_AFTER = re.compile(r"\s+of\s+(?:the|their|its|all)\s+", re.IGNORECASE)
# "three women were among the dead", "among those killed were two children", "Among the
# victims: four police officers"
_VICTIMS = (
    r"(?:the\s+(?:dead|killed|victims|casualties|wounded|injured|abducted|kidnapped|hostages)"
    r"|those\s+(?:killed|wounded|injured|abducted|kidnapped|who\s+died|hurt))"
)
_AMONG_AFTER = re.compile(
    rf"^[^.;,]{{0,25}}?\b(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+{_VICTIMS}\b",
    re.IGNORECASE,
)
_AMONG_BEFORE = re.compile(
    rf"\bamong\s+{_VICTIMS}\s*(?:(?:were|was|are|is)\b|:)?\s*(?:also\s+)?$", re.IGNORECASE
)


def _part_of_victims(mention: Mention, figure: Figure) -> bool:
    """Whether a figure counts some of an event's victims, not all of them."""
    scan = mention.scan
    start, end = figure.quantity.start, figure.quantity.end
    after = scan.text_between(end, min(end + 80, scan.sentence.end))
    before = scan.text_between(max(scan.sentence.start, start - 50), start)
    return bool(_AMONG_AFTER.search(after) or _AMONG_BEFORE.search(before))


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
    r"\s*(?:\([^()]*\)\s*)?"
    # "two members of the Wolf Brigade and two clerics": a named body the persons belong to
    r"(?:(?:of|from)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,4}\s*)?"
    r"(?:(?:were|was)\s+)?(?:[a-z]+ed\s*)?"
    r"(?P<link>,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\b(?:including|among|of\s+(?:whom|which|them))\b", re.IGNORECASE)
_AUXILIARIES = frozenset(
    {
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "also",
        "later",
        "reportedly",
        "allegedly",
        "seriously",
        "critically",
        "slightly",
        "badly",
        "severely",
        "lightly",
        "gravely",
    }
)
_ADVERBS = (
    r"(?:also|later|reportedly|allegedly|instantly|seriously|critically|slightly|badly|"
    r"severely|lightly|gravely)"
)
_NEGATED_SUBJECT = re.compile(r"\b(?:no|none|nobody|no-one|neither|nor|not)\b", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Today|Yesterday)\b"
)


def _implicit_toll(mention: Mention, measure: Measure) -> IncidentCount | None:
    """One person per victim named without a number ('a policeman was killed', 'killing the
    driver and his wife'; words in measures.tsv). Never a figure: only the incident's toll."""
    found = implicit_victims(mention.text, measure)
    return IncidentCount(found, found, Qualifier.EXACT, None) if found else None


def implicit_victims(text: str, measure: Measure) -> int:
    """How many persons a text names as victims of the measure without a number (0: none)."""
    found = 0
    if not _may_name_victims(text, measure):
        return found
    for pattern in _victim_patterns(measure):
        for match in pattern.finditer(text):
            if _NEGATED_SUBJECT.search(" ".join(text[: match.start()].split()[-4:])):
                continue  # "no one was hurt", "neither guard was injured"
            if measure is not Measure.KILLED and _FATALLY.search(text[: match.start()]):
                continue  # "fatally injuring the guard" killed him

            # "a Jewish couple was killed": two
            couple = 1 if _COUPLE_BEFORE.search(text[: match.start()]) else 0
            found = max(found, _persons_in(match) + couple)
    return found


_FATALLY = re.compile(r"\bfatally\s+$", re.IGNORECASE)


def _persons_in(match: re.Match[str]) -> int:
    """How many persons a victim match names: one, plus one per 'and his wife' or listed ', his
    apprentice'; two for 'both'."""
    if match.groupdict().get("both"):
        return 2
    couple = 1 if _COUPLE.search(match.group()) else 0  # "a Jewish couple was killed": two
    return 1 + couple + len(_LIST_LINK.findall(match.group("others") or ""))


_COUPLE = re.compile(r"\bcouple\b", re.IGNORECASE)
_COUPLE_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?couple\s+$", re.IGNORECASE)


# The links of a list of persons: ", and ", ", ", " and " (a person phrase holds none of them).
_LIST_LINK = re.compile(r",\s*(?i:and)\s+|,\s*|\s+(?i:and)\s+|\s+(?i:along|together)\s+with\s+")


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


def _may_name_victims(text: str, measure: Measure) -> bool:
    """Whether ``text`` holds a word that every victim pattern of the measure needs (its victim
    verb, its 'died' word, or 'life' / 'death'): most sentences hold none, and this one search
    spares them the patterns' searches."""
    needed = _needed_words(measure)
    return needed is not None and needed.search(text) is not None


@cache
def _needed_words(measure: Measure) -> FoldedPattern | None:
    """What each of ``_victim_patterns(measure)`` matches somewhere in any text it matches."""
    words = victim_words()
    if measure not in words.verbs:
        return None
    needed = [*words.verbs[measure], *words.died.get(measure, ()), "life", "death"]
    ordered = sorted(needed, key=len, reverse=True)
    return FoldedPattern(re.compile(folded_words(ordered), re.IGNORECASE))


@cache
def _victim_patterns(measure: Measure) -> tuple[re.Pattern[str], ...]:
    # Case matters only for names: the word lists match in any case ("(?i:...)").
    words = victim_words()
    if measure not in words.verbs:
        return ()  # no implicit tolls of this measure (kidnapped, detained)
    verbs = rf"(?i:{_words_pattern(words.verbs[measure])})"
    died = _words_pattern(words.died.get(measure, ()))
    one = _one_person()
    # "and his wife", ", his apprentice, and a customer" (a list ends on "and")
    others = rf"(?P<others>(?:(?:,\s*{one})*,?\s+(?i:and)\s+{one})*)"
    # not a plural ("Iraqis"); "Ahmad Sha'lan al-Darraji": a particle before the last name
    name = (r"(?:[A-Z][\w'’.-]+,?\s+){0,5}(?:(?:al|el|ad|ar|as|bin|ibn|de|da|del|van|von)"
            r"[\s-]+)?[A-Z][\w'’-]*[a-rt-z]")
    name_end = r"(?=\s*(?:[,.;:(]|$|\s(?:and|in|on|at|as|while|when|near|after|outside|inside)\b))"
    adverb = rf"(?:(?i:{_ADVERBS})\s+)?"
    # "former Premier Salah Bitar", "Kirkuk traffic officer Hassan Jabbar", "suspected
    # informer, Yasin al-Masri": a title without a determiner, then the person's name
    titled = (rf"(?:[\w'’-]+\s+){{0,3}}?(?i:{_persons()}),?\s+(?!{_NOT_A_NAME.pattern})"
              rf"{_NAME}{name_end}")
    found = [
        # "killed a British engineer and his wife", "killing the driver", "shot dead Ahmed Ali
        # and his driver", "killing himself and his companion"
        rf"\b{verbs}\s+(?:{one}|(?!{_NOT_A_NAME.pattern}){name}{name_end}|{titled}"
        rf"|(?i:him|her)self(?=\s+(?i:and)\s)){others}",
        # "Both officers were killed", "Both Karimi and his bodyguard were killed"
        rf"\b(?P<both>(?i:both))\s+(?:(?i:of\s+the|the|these|those)\s+)?"
        rf"(?:(?!(?i:and|or)\b)[\w'’-]+\s+){{0,3}}?(?:[a-z][\w'’-]*s|{_NAME}\s+(?i:and)\s+{one}"
        rf"|(?i:men|women|children|police|policemen|people))\s+(?i:were)\s+{adverb}{verbs}\b"
        rf"(?P<others>)",
        # "claimed the life of one of his guards", "resulted in the death of the driver"
        rf"\b(?i:(?:claimed|cost)\s+the\s+life\s+of|(?:resulted\s+in|led\s+to|caused)\s+"
        rf"the\s+death\s+of)\s+(?:{one}|(?i:one\s+of)\b|{_NAME}{name_end})(?P<others>)",
        # "injured one police officer and killed another"
        rf"\b{verbs}\s+another(?=\s*(?:[,.;:]|$))(?P<others>)",
        # "a policeman was killed", "Hassan was shot dead", "the driver has been killed", "was
        # shot along with his driver and another guard"
        rf"\b(?i:was|has\s+been|had\s+been)\s+{adverb}{verbs}\b"
        rf"(?P<others>(?:[^.;]{{0,25}}?\s+(?i:along|together)\s+with\s+{one}"
        rf"(?:(?:,\s*{one})*,?\s+(?i:and)\s+{one})?)?)",
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
    # "killing the driver and two passengers", "killing himself and three policemen"
    return re.compile(rf"\b(?:{_one_person()}|(?i:him|her)self)\s+(?i:and)\s+$")


@cache
def _one_person() -> str:
    """A singular person with its determiner: 'a settler', 'the Turkish owner', 'his wife', 'an
    employee of the Ministry of Works', 'one Iraqi voter'."""
    determiner = r"(?:(?i:an?|one|another|the|his|her|their|its)|[A-Z][\w'’-]*['’]s)"
    of_name = r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*"
    # "a local cleric Ahmed Saleh": the person's name right after the noun
    named = rf"\s+(?!{_NOT_A_NAME.pattern}){_NAME}(?=\s+(?i:and)\s|\s*,)"
    return (rf"{determiner}\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{_persons()})\b(?!['’-])"
            rf"(?:{of_name}|{named})?")


# A person's name: capitalised words, with Arabic and European particles ('Bashir al-Jazaari',
# 'Abu Omar', 'Maria de la Cruz').
_NAME = (r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|ad|ar|as|bin|ibn|abu|de|da|del|della|la|le|van|von|der)"
         r"[\s-]+)*[A-Z][\w'’.-]*){0,4}")


@cache
def _persons() -> str:
    return _words_pattern(sorted(victim_words().persons))


def _words_pattern(words: Sequence[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


__all__ = ["fate_of_one", "fate_of_them", "implicit_victims", "toll"]
