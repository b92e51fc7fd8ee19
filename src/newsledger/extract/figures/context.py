"""Give each figure its period, places, actor and source: from its sentence, else from context.

Rules (each a function below; the gold case that motivated it is in its comment):
  period  the nearest time expression in the sentence, in the figure's clause before another
          figure's (clause_times.py; "a day after" counts from the other clause's day), that is
          not a comparison ("compared with the first six months of 2017", "up from 31 in
          January"), nor a date naming another thing than an attack when another time phrase
          is told ("on June 7 ... ahead of the June 9 vote"), the date of the statement ("said
          in a release on Thursday") or the dateline's
          ("KABUL, March 14 (Reuters) - ... on Monday");
          a weekday, month or year that cannot be placed (no publication date) leaves the period
          unknown; else, for flows, the report's period carried from earlier figures, where a
          period that ends before the document's first one is history told in passing and is not
          carried ("the last such attack, in 2017, killed eight"); else, for incident counts, a
          day named in the next sentences ("... on Thursday at about 1 pm") or the ones before
          ("Gunmen stormed a village on Wednesday night. ... 23 people were killed"), however far
          back in the toll's own paragraph. Stocks get a
          period only from their own sentence (their as-of date is the publication date). What is
          still so ("1,430 are still in detainment", "12 are still missing", "still holding 30
          hostages") is counted as of publication, unless its sentence dates it ("as of May 3").
          Also: a time phrase of a comparison's number ("up from 30 in November") or after a
          superlative ("the highest since June 2023") is not the figure's; a count "in the same
          period last year", "a year earlier", "during the previous quarter", "the previous
          week" takes the report's period shifted back; "three days later" counts from the day
          told last; a count "in one week" takes the stated range of that length; an incident's
          toll prefers the day told before it over a later sentence's that counts figures of its
          own; a toll told of an event its date names later in the clause ("found guilty of
          killing 4 people in the March 3, 2019, bombing") is of that day, not of the sentence's
          opening time phrase; an undated rolling period is not carried across units. In a
          story whose figures state no time of their own, the tolls are of the one attack it
          dates by name ("the April 15 attack", "three days after April 15, 2013, bombing"),
          not of a time told in a background sentence.
  places  places introduced right after the number ("466 operatives in Syria"; "in the capital":
          the capital of the report's country), else the places of
          its clause and of the clauses it hangs in, else the sentence's places no other clause
          with a figure claims (clauses.py: "a bomb in Kirkuk killed 6, and a shooting in Samarra
          killed 9"); else places implied by parts that add up to this figure; else those of the
          latest sentence naming any since the previous figure, in its paragraph, also the first
          figure of a new paragraph ("The second bomb hit Kabul. In this blast 14 died"); else
          a scene told right after an incident's toll ("The attack occurred in Uruzgan"), not
          one of another event ("The second bombing occurred in Kabul"); else the previous
          figure's in the same paragraph; else the scope of the last section opened by a place
          ("In Iraq, ..."; a heading naming a place alone); else the document's frame (the first
          stated places, refined to a district); else the latest places named before; what is
          inherited so by a figure counted in a district or village the gazetteer lacks ("in
          neighboring Shah Wali Kot district") is cut to its province and country. A story that
          names no place but a fight by its country's demonym ("Philippine clash leaves 18
          soldiers dead") is in that country. A town the story calls one ("near the town of
          Kismayo") is never taken for a stray of another country's gazetteer. Where people
          were going ("a plane destined to Nairobi") is no scene, nor a sign of the country.
          No place is a person's name or part of one ("spokesman Abdifatah Aden", "Abba Yusuf"), a
          hospital's ("Madina hospital"), a speaker's seat ("the London-based monitor"), inside
          an actor's name ("U.S. Central Command") or a country acting as a party ("since the
          Russian Federation launched its attack"). A city is refined to the
          one site inside it the story names ("al-Tayyaran square" ... "Baghdad"); "the camp" means
          the camp named last.
  actor   an actor inside the counted phrase ("44 ISIS operatives"); an agent ("by ISWAP", "at the
          hands of other parties", "an ISWAP attack"); for members of a group and operations against
          one, the party named in the sentence ("members of the Arakan Army") or the document's
          main armed group, else the kind of group counted ("460 gang members" -> gangs), but
          members of a body no list knows, harmed by doers their clause tells that are no state's
          force, are those doers' victims ("members of the harbour guard killed by gunmen"); for
          violent acts, the party named before the number, a kind of party as agent ("by army
          drones" -> army), the subject of the verb or of the verb it continues, without dateline
          or hedges ("KANO - Suspected jihadists stormed ..., killing 14" -> jihadists; "its
          fighters" -> the group meant; "the attackers", "the assailants" -> the story's armed
          group), a kind of group as modifier ("a militant attack"); a
          toll still without one takes that of another toll of the same day, else the group the
          story says claimed (its own claim, the group told right before it, over what others said
          first), confirmed or is blamed for the attack, or whose members are charged
          with it (a group the list lacks, claiming by its full name, as written). Also: doers told
          by their kind anywhere in the toll's clause ("killed in the early hours of June 2 by
          unknown assailants"), the group attacking in a "when" clause ("... when the Taliban
          attacked a checkpoint"), a toll "also" harmed takes the doer of the one just before,
          doers "from" a group are that group's ("suicide bombers from the Islamic State"),
          parts "of the fatalities" share the toll's doer, a toll right after a fight between a
          force and a group is the group's, strikes "carried out by Russian warplanes" are of the
          side flying them. A toll of a fight told between two armed groups, neither a state's
          force ("a battle between Murle militiamen and Lou Nuer militia"), takes neither side
          (one between a force and a group is the group's). Victims still without one take the
          person the story names as the attack's doer, or "X brothers" (person_doers.py); last,
          victims and attacks take the story's one perpetrator read off the parse, whatever its
          words: subject of an attack, agent of its passive, claiming, charged, convicted,
          pleading, on trial or blamed, in the figure's clause, sentence, paragraph before it,
          then the story; several different: none (story_doers.py); so do arrests of people told
          as doers ("four suspects", "people linked to the attack"), never the arresting force.
          A kind of group told with a generic head is the kind ("rebel forces" -> rebels).
  source  the attribution of the sentence ("CENTCOM said", "according to X", "the ministry's
          spokesman said"; a country owning the speaker is left out: "Ukraine's Interior
          Ministry"); "the report"/"he" means the last named source, "the ministry" the last named
          ministry (else itself), "the monitor" the last named organisation; a reporting
          organisation as subject; the attribution of another sentence of the paragraph (not of
          one that counts nothing and tells who did the attack: "Thai officials have said the
          blast was carried out by a gang"); officials doing what is counted ("authorities
          recovered 88 bodies"); else the document's source
          ("Source: X" line, or the organisation it cites most, at least twice).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Token

from newsledger.extract.figures.clause_times import (
    clause_penalty,
    offset_day,
    offset_days,
    when_day,
)
from newsledger.extract.figures.clauses import GLUED_DATELINE, token_at
from newsledger.extract.figures.context_parties import (
    assign_actors,
    assign_sources,
    plain_kinds,
)
from newsledger.extract.figures.context_places import among_those, assign_places
from newsledger.extract.figures.story_doers import assign_story_doers
from newsledger.extract.folded import FoldedPattern
from newsledger.extract.numbers import count_word, counted_noun, verb_measure
from newsledger.extract.reporting import TELLING, TELLING_PRESENT, reporting_verbs
from newsledger.extract.scan import Draft, Scan
from newsledger.extract.time import WORDS, TimeMention, find_times
from newsledger.extract.time.calendar_math import (
    add_months,
    latest_event_day,
    month_end,
    units_before,
)
from newsledger.extract.time.time_words import alternation
from newsledger.extract.words import read_lexicon
from newsledger.model import STOCK_MEASURES, Document, Measure

VIOLENT = frozenset(
    {Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED, Measure.MISSING, Measure.ATTACKS}
)
_COMPARISON = FoldedPattern(re.compile(
    r"\b(since|compared|(?<!more )(?<!less )(?<!fewer )than|decrease|increase|same period|started"
    r"|began|(?:up|down) from"
    r"|(?:rose|fell|jumped|dropped) from|versus)\b",
    re.IGNORECASE,
))
# "said on Thursday", "disclosed this on Thursday", "in a report on Monday" (not "Monthly report:
# In March, ...", where a colon opens the report's own sentence)
_STATEMENT_DATE = FoldedPattern(re.compile(
    rf"\b(?:(?:{reporting_verbs(TELLING, TELLING_PRESENT)}|(?:a|the|its|press|news) release"
    r"|(?:report|statement"
    r"|data|figures|findings|study|survey|update|document) released|issued|statement"
    r"|report|update|briefing|conference)(?:\s+(?:this|that|it))?)[\s,]*$"
    r"|\b(?:published|updated|posted|first\s+published|date)\s*(?:on\s*)?:\s*$",
    re.IGNORECASE,
))
# "said in a statement in Abuja on Thursday", "told reporters in Port-au-Prince on Monday": the
# date of a statement made somewhere
_STATEMENT_PLACE_DATE = re.compile(
    r"\b(?i:said|says|told\s+(?:reporters|journalists|the\s+press|the\s+media)|statement"
    r"|(?:told|address(?:ed|ing))\s+the(?:\s+[\w-]+){1,3}?|speaking(?:\s+to\s+[\w-]+)?"
    r"|addressing\s+(?:reporters|journalists|the\s+press|the\s+media)"
    r"|announced|briefing|conference|reported|stated)\s+(?i:in|from|at)\s+"
    r"[A-Z][\w'’-]+(?:[\s-]+[A-Z][\w'’-]+){0,2}[\s,]*$"
)


def _statement_date(scan: Scan, mention: TimeMention) -> bool:
    """Whether a time phrase dates a statement ('said on Thursday', 'said in a statement in
    Abuja on Thursday'), not what it counts."""
    return bool(
        _STATEMENT_DATE.search(scan.text_between(mention.start - 30, mention.start))
        or _STATEMENT_PLACE_DATE.search(scan.text_between(mention.start - 60, mention.start))
        or _dates_statement_in_parse(scan, mention)
    )


# nouns of a statement whose time is the telling's, not the count's
_STATEMENT_NOUNS = frozenset(
    {"statement", "briefing", "conference", "release", "interview", "broadcast", "communique"}
)
_PHRASE_LINKS = frozenset({"prep", "pobj", "npadvmod", "acl", "advmod", "compound"})


def _dates_statement_in_parse(scan: Scan, mention: TimeMention) -> bool:
    """'In a statement read on state television on Monday night, the government put the toll at
    38', 'the mayor told Sahel Info on Tuesday': a time phrase that hangs, in the dependency
    parse, on a statement (through a participle such as 'read' or 'issued') or on a verb of
    telling dates the telling."""
    token = phrase = token_at(scan, mention.start, mention.end)
    for _ in range(6):
        if token is None or phrase is None or token.dep_ not in _PHRASE_LINKS:
            return False
        token = token.head
        if token.i > phrase.i:
            # "killed in a clash on Wednesday, the military said": a phrase before the verb of
            # telling is as often the count's, whatever the parse hung it on
            return False
        if _counts_compared(token):
            # "the group said on Wednesday, up from 187 in October": the phrase hangs on the
            # preposition of a compared count, so it dates that count, not the telling
            return False
        if token.pos_ == "NOUN":
            return token.lemma_.lower() in _STATEMENT_NOUNS
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "acl":
            # "the mayor told Sahel Info on Tuesday": the day of a verb of telling
            return token.lemma_.lower() in TELLING
    return False


def _counts_compared(token: Token) -> bool:
    """Whether a token is a preposition whose object is a number ('from 187', 'with 4,120')."""
    return token.dep_ == "prep" and any(
        child.dep_ == "pobj" and child.like_num for child in token.children
    )


# A reporting verb between a time phrase and the number after it: the phrase dates the telling
# ("Last year Ghani said 28,000 had been killed since 2015")
_TOLD_BETWEEN = re.compile(
    rf"\b(?:{reporting_verbs(TELLING)})\b",
    re.IGNORECASE,
)
_TOLD_PENALTY = 10**4
# "the highest monthly toll since June 2023", "for the first time since 2019": a 'since' that
# compares, not the figure's period
# "up from 30 in November", "compared with 276 in February": a time phrase that belongs to the
# number of a comparison (the figure before that number is not of that time)
_COMPARED_BEFORE = re.compile(
    r"\b(?:(?:up|down|rose|fell|increased|decreased|jumped|dropped)\s+from|compared\s+(?:with|to)"
    r"|against|(?<!more\s)(?<!less\s)(?<!fewer\s)than|versus)\s+(?:\w+\s+){0,3}?\d[\d,.]*\b"
    r"[^,;.\d]{0,30}$",
    re.IGNORECASE,
)
_WHEN_NEXT = re.compile(r",?\s+when\b", re.IGNORECASE)
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:highest|lowest|deadliest|bloodiest|worst|largest|biggest|greatest|most|fewest|first"
    r"\s+time|first\s+such)\b[^.;,\d]{0,40}$",
    re.IGNORECASE,
)
_INCIDENT_LOOKAHEAD = 3  # sentences after an incident count that may state its day
_MONTH_OR_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|\d{4})\b"
)
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][\w .,'’-]{1,40}?,?\s*")
# after the day: a dash ("KABUL, Jan 3 (Reuters) -"), a colon ("Srinagar, July 11:", "Peshawar,
# May 12 (Dawn):", the Indian and Pakistani press) or an agency alone ("New Delhi, May 12 (PTI)")
_DATELINE_AFTER = re.compile(
    r"\s*(?:,?\s*\d{4})?\s*(?:(?:\([^)]{1,40}\))?\s*(?:[—–-]{1,2}|:)\s|\([^)]{1,40}\)\s+(?=[A-Z]))"
)
_EVENT_AFTER = re.compile(r"\s+([a-z][a-z-]{2,})\b")
_SINCE_THE = re.compile(
    r"\b[Ss]ince the (?:(?:start|beginning|outbreak|onset) of (?:the )?)?([a-z][a-z-]{2,})\b"
)
_NOUN_ONSET_BEFORE = re.compile(
    rf"\b(?i:the)\s+([a-z][a-z-]{{2,}})\s+(?:{alternation(list(WORDS['onset']), cased=False)})\s+$"
)
_ONSET_NOUN = re.compile(
    rf"(?i:since)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?([a-z][a-z-]{{2,}})\s+"
    rf"(?:{alternation(list(WORDS['onset']), cased=False)})\b"
)
_CLAUSE_BREAK = re.compile(r"[,;:]")
_WHEN_ASIDE = re.compile(r"^,\s*when\b[^,;.]*,", re.IGNORECASE)
_PERIOD_KINDS = frozenset({"half", "quarter", "month", "year", "range"})
_STILL_AFTER = FoldedPattern(re.compile(
    r"[^,;.]{0,30}?\b(?:still|(?:are|were|is) yet to be)\b", re.IGNORECASE
))
_STILL_BEFORE = re.compile(
    r"\bstill\b[^,;.\d]{0,20}$|\b(?:among|of)\s+(?:the|those)\s+still\b[^;.\d]{0,30}$",
    re.IGNORECASE,
)  # "still held 30", "Among the still detained persons, 230 ..."
_AS_OF_KINDS = frozenset({"now", "day"})
_AS_OF = re.compile(r"(?i)as\s+(?:of|at)\b")
_AT_END = re.compile(r"(?i)(?:by|at|as\s+of|as\s+at)\s+(?:the\s+)?end\s+of\b")


def assign_context(drafts: Sequence[Draft], scans: Sequence[Scan], document: Document) -> None:
    """Fill period, places, actor and source of every draft, in document order."""
    index = {id(scan): i for i, scan in enumerate(scans)}
    _date_named_events(scans, document.published)
    _assign_periods(drafts, scans, index, document.published)
    assign_places(drafts, scans, index)
    assign_actors(drafts, scans)
    assign_story_doers(drafts, scans)  # the last resort for victims and attacks
    plain_kinds(drafts)
    assign_sources(drafts, scans, index, document)


def _date_named_events(scans: Sequence[Scan], published: date | None) -> None:
    """'Since the February 1, 2021 coup ... Since the coup, 23,855 people were arrested': an
    event dated once is dated wherever 'since the <event>' refers back to it ('since the start of
    the war' too, and 'since the war began on 7 October 2023' dates the war). 'Since the attack'
    with an attack not dated that way counts from the last day the story named before it (the
    day of the incident it tells)."""
    dated: dict[str, TimeMention] = {}
    last_day: TimeMention | None = None
    for scan in scans:
        for mention in list(scan.times):
            after = _EVENT_AFTER.match(scan.text_between(mention.end, scan.sentence.end))
            if mention.text.lower().startswith("since the") and after:
                dated[after.group(1).lower()] = mention
            onset = _ONSET_NOUN.match(mention.text)
            if onset and mention.kind == "range":
                dated[onset.group(1).lower()] = mention
            began = _NOUN_ONSET_BEFORE.search(scan.text_between(scan.sentence.start, mention.start))
            if began and mention.period_start is not None and mention.kind != "range":
                dated.setdefault(began.group(1).lower(), mention)  # "The war began on 12 May"
        for found in _SINCE_THE.finditer(scan.sentence.text):
            noun = found.group(1).lower()
            start = scan.sentence.start + found.start()
            day = _day_before(scan, start) or last_day
            event = dated.get(noun)
            if event is None and noun in WORDS["incident"] and day is not None:
                event = day
            if event is None or any(m.start <= start < m.end for m in scan.times):
                continue
            scan.times.append(
                TimeMention(
                    start,
                    scan.sentence.start + found.end(),
                    found.group(),
                    event.period_start,
                    published if published and event.period_start else None,
                    "range",
                )
            )
            scan.times.sort(key=lambda m: m.start)
        for mention in scan.times:
            said = _statement_date(scan, mention)
            if _incident_day_mention(mention) and not said and not _in_dateline(scan, mention):
                last_day = mention


def _incident_day_mention(mention: TimeMention) -> bool:
    return (
        mention.kind == "day"
        and mention.period_start is not None
        and mention.period_start == mention.period_end
    )


def _day_before(scan: Scan, position: int) -> TimeMention | None:
    """The last day named in a sentence before a position ('Gunmen stormed the town on Tuesday
    ... since the attack')."""
    days = [m for m in scan.times if m.end <= position and _incident_day_mention(m)]
    return days[-1] if days else None


def _assign_periods(
    drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int], published: date | None
) -> None:
    carried: tuple[date | None, date | None] = (None, None)
    main: tuple[date | None, date | None] | None = None  # the report's or the incident's period
    seen: list[tuple[date | None, date | None]] = []  # periods stated so far, in order
    counted = {id(d.scan) for d in drafts}  # sentences that count figures of their own
    position = 0
    day_paragraph: int | None = None  # paragraph of days told inside the report's longer period
    for figures_before, draft in enumerate(drafts):
        if day_paragraph is not None and draft.scan.sentence.paragraph != day_paragraph:
            # "In Herat, a bombing on 12 May killed 14. / The update also documented 54 arrests":
            # an incident's day told inside a quarterly report's period frames its paragraph only
            if main is not None and carried != main:
                carried = main
            day_paragraph = None
        # A report's period stated in a sentence without figures still frames what follows
        # ("... killed in the first half of this year ... The UN said the number - 1,692 - ...").
        while position < index[id(draft.scan)]:
            stated = _stated_period(scans[position], main, id(scans[position]) in counted)
            if stated is not None and not _before(stated, main):
                # background before the incident ("In February 1975 a truce was agreed") frames
                # nothing after it
                carried, main = stated, main or stated
                seen.append(stated)
            position += 1
        draft.time = _nearest_time(draft)
        resolved = draft.time is not None and draft.time.period_start is not None
        if draft.time is not None and resolved:
            draft.period = _so_far(draft, draft.time, published)
            if _BARE_UNIT.fullmatch(draft.time.text.strip()) and (
                named := _named_unit_period(draft, seen, main)
            ) is not None:
                # "13 were killed during the year" after "... in 2023": the year the report told,
                # not the year it was published in
                draft.period = named
        if (
            resolved
            and draft.measure not in STOCK_MEASURES
            and draft.time is not None
            and _AS_OF.match(draft.time.text)
            and main is not None
            and main[0] is not None
            and main[1] is not None
            and draft.period[0] == draft.period[1] == main[1]
            and main[0] < main[1]
        ):
            # "As of 31 March, 587 children had been killed" in a report counting from 24 February
            # 2022 to 31 March: a running total over the report's period, not one day's toll
            draft.period = main
        told = carried[0] if carried[0] is not None and carried[0] == carried[1] else None
        previous = drafts[figures_before - 1] if figures_before else None
        if (shifted := offset_day(draft, _not_event_days(draft.scan), told)) is not None:
            draft.period, resolved = shifted, True  # "a day after police said 70 were active"
        elif (after := _after_dated_event(draft)) is not None:
            draft.period, resolved = after, True  # "which came two weeks after a raid on 5 May"
        elif (
            later := _days_later(draft.time, _stock_day(draft, told, published, previous))
        ) is not None:
            draft.period, resolved = later, True  # "Three days later, 42 hostages were freed"
        elif (apart := _after_told_event(draft, told, drafts, figures_before)) is not None:
            draft.period, resolved = apart, True  # "A week after the strike, 40 were detained"
        elif (then := when_day(draft, published)) is not None:
            # "the highest since May 10, 2010, when 110 died": history that frames nothing after
            draft.period = then
            continue
        if _still(draft) and (draft.time is None or draft.time.kind not in _AS_OF_KINDS):
            # "1,430 are still in detainment", "12 are still missing": counted as of the report
            draft.period = (published, published)
            continue
        at_end = draft.time is not None and resolved and _AT_END.match(draft.time.text)
        if at_end and draft.time is not None and (
            draft.measure in STOCK_MEASURES or _AS_OF.match(draft.time.text)
        ):
            # "114 million were displaced by the end of September": the stock on its last day;
            # "as of the end of September" dates any count to that day
            draft.period = (draft.period[1], draft.period[1])
            continue
        if not resolved and (whole := among_those(drafts, figures_before)) is not None:
            # "Three peacekeepers were among those killed": the period of the toll they are in
            draft.period = whole.period
            continue
        if not resolved and _told_month(draft.time, carried):
            # "UN monthly update, March 2024 / In March, 90 civilians were killed" with no
            # publication date: the month the report stated, with its year
            draft.period, resolved = carried, True
        if draft.measure in STOCK_MEASURES or _names_other_time(draft.time, resolved):
            continue
        compared = _compared_to(draft, carried, resolved, previous)
        if (earlier := _earlier_same_period(draft, compared, resolved)) is not None:
            # "1,200 were abducted in Q1, compared with 890 in the same period last year"
            draft.period = earlier
            continue
        if resolved and draft.period not in seen:
            seen.append(draft.period)
        if resolved:
            # "The last such attack, in 2017, killed eight": history told in passing frames
            # nothing after it.
            if (
                not _before(draft.period, main)
                and not _background_since(draft, main)
                and not _since_after_undated(draft, main, figures_before)
                and not _RUNNING_TOTAL.search(
                    draft.scan.text_between(draft.scan.sentence.start, draft.quantity.start)
                )
            ):
                carried, main = draft.period, main or draft.period
                day_paragraph = (
                    draft.scan.sentence.paragraph if _day_inside(draft.period, main) else None
                )
        elif (lasting := _lasting_period(draft, scans, carried, published)) is not None:
            # "43 terrorists were neutralised in one week ... operations between May 18 and 25"
            draft.period = carried = lasting
            main = main or lasting
        elif (named := _named_unit_period(draft, seen, main)) is not None:
            draft.period = named  # "180 were killed during the quarter": the report's quarter
        elif (
            draft.measure in VIOLENT
            and main is not None
            and main[0] is not None
            and main[0] == main[1]
            and carried != main
            and _during_event_pattern().search(draft.scan.sentence.text)
        ):
            # "Two officers were killed during the attack" after a count of the next day: the
            # incident's own day
            draft.period = carried = main
        elif carried != (None, None) and not _unit_misfit(draft.time, carried):
            if not _after_the_day(draft, carried):
                draft.period = carried
        elif draft.measure in _INCIDENT_FLOWS or _casualty_count(draft):
            # arrests in an incident ("10 people were arrested during the protest") are of its day
            draft.period = _incident_day(scans, index[id(draft.scan)], counted, published)
            carried = draft.period
            main = main or (draft.period if draft.period[0] else None)
    _backfill_incident_day(drafts, published)
    _day_of_the_named_attack(drafts, scans)


def _day_of_the_named_attack(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'... questioned the parents of the two suspects before the April 15 attack. ... The
    brothers set off two bombs, killing three people': in a story whose figures state no time of
    their own, the tolls are of the one attack it dates by name ('the April 15 attack', 'the April
    15, 2013, bombing'), not of a time told in a sentence of background ('a visit last year')."""
    if any(d.time is not None for d in drafts):
        return
    days = {
        day
        for scan in scans
        for m in scan.times
        if (day := _day_named(m)) is not None
        and _ATTACK_NAMED.match(scan.text_between(m.end, m.end + 24))
    }
    if len(days) != 1:
        return
    day = days.pop()
    for draft in drafts:
        if draft.measure in VIOLENT:
            draft.period = day


_RELATIVE_TO = re.compile(r"(?i)(?:after|before|since)\s+")


def _day_named(mention: TimeMention) -> tuple[date | None, date | None] | None:
    """The day a time phrase names: its own, or the day it counts from ('three days after April
    15, 2013, bombing': the bombing's day, whatever the phrase's period)."""
    if _incident_day_mention(mention):
        return mention.period_start, mention.period_end
    relative = _RELATIVE_TO.match(mention.text)
    if relative is None:
        return None
    named = find_times(mention.text[relative.end() :], None)
    if len(named) == 1 and _incident_day_mention(named[0]):
        return named[0].period_start, named[0].period_end
    return None


# "the April 15 attack", "the April 15, 2013, bombing": an attack named by its day
_ATTACK_NAMED = re.compile(
    r"^,?\s*(?:[a-z]+\s+)?(?:attacks?|bombings?|blasts?|explosions?|massacre|raid|ambush|shooting"
    r"|assault)\b"
)


# counts of what befell people in an incident, which take the incident's day when told without one
_INCIDENT_FLOWS = VIOLENT | {Measure.DETAINED}


# "... were displaced, bringing the total displaced between January and June to 26,700": a
# running total told in passing frames nothing after it
_RUNNING_TOTAL = re.compile(
    r"\b(?:bringing|raising|taking|pushing|lifting)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:overall\s+|cumulative\s+)?(?:total|tally|toll|number|count)\b[^.;]*$",
    re.IGNORECASE,
)


def _day_inside(
    day: tuple[date | None, date | None], period: tuple[date | None, date | None] | None
) -> bool:
    """Whether ``day`` (one day, or a few days) lies inside a longer ``period``."""
    if period is None or day[0] is None or day[1] is None:
        return False
    start, end = period
    return (
        start is not None
        and end is not None
        and start <= day[0] <= day[1] <= end
        and (day[0], day[1]) != (start, end)
    )


# "890 in the same period last year", "1,900 a year earlier", "31 the previous month": a count
# of the period before the one just told, right after its number (no other number between)
_EARLIER_AFTER = re.compile(
    r"[^.;,\d]{0,30}?\b(?:(?:in|during|over|for)\s+the\s+same\s+(?P<same>period|months?|weeks?"
    r"|quarter|half|half-year|time|days?)(?:\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior)"
    r"\s+year|\s+a\s+year\s+(?:earlier|ago|before)|\s+of\s+(?P<year>(?:19|20)\d\d))"
    r"|(?:a|one)\s+(?P<unit>year|month|week)\s+(?:earlier|ago|before)"
    r"|the\s+(?:previous|prior|preceding)\s+(?P<prev>year|month|week)"
    r"|the\s+(?P<before>year|month|week)\s+before)\b",
    re.IGNORECASE,
)


# "During the previous quarter, 1,660 people were killed": the period before the report's own
_PREVIOUS_UNIT = re.compile(
    r"\b(?:(?:during|in|over|for|within)\s+)?the\s+(?:previous|preceding|prior)\s+"
    r"(?:(?P<n>two|three|four|six|nine|twelve|\d{1,2})\s+(?P<units>weeks|months)"
    r"|(?P<unit>quarter|half|half-year|reporting\s+period|period|week|month|year))\b",
    re.IGNORECASE,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12}
# "Compared with the previous week, when 85 were killed": the count told of that week
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
_PREVIOUS_DAYS = {
    "week": (6, 8),
    "month": (27, 31),
    "quarter": (88, 92),
    "half": (180, 184),
    "half-year": (180, 184),
    "year": (364, 366),
}
_COMPARED_WITH = re.compile(
    r"\b(?:increase|decrease|rise|drop|fall|up|down|compared\s+(?:with|to)|than|versus|against"
    r"|on|from)\s+$",
    re.IGNORECASE,
)
_PREVIOUS_TIME = re.compile(
    r"(?i)^(?:(?:during|in|over|for|within)\s+)?the\s+(?:previous|preceding|prior)\s+"
    r"(?:week|month|year|(?:two|three|four|six|nine|twelve|\d{1,2})\s+(?:weeks|months))$"
)


def _previous_period(
    draft: Draft, told: tuple[date, date]
) -> tuple[date | None, date | None] | None:
    """The quarter (half, reporting period) before the one told, for a count 'during the previous
    quarter' of the figure's own sentence, else None."""
    text = draft.scan.sentence.text
    found = _PREVIOUS_UNIT.search(text)
    if found is None or (
        _COMPARED_WITH.search(text, 0, found.start()) and not _WHEN_AFTER.match(text, found.end())
    ):
        return None  # "an increase compared with the previous quarter" dates nothing
    start, end = told
    if found["n"]:
        # "up from 1,063 in the previous three months" after a quarter's count: the quarter before
        count = _COUNT_WORDS.get(found["n"].lower()) or int(found["n"])
        per = 7 if found["units"].lower() == "weeks" else 30
        if abs((end - start).days + 1 - count * per) > count * 2:
            return None
    unit = (found["unit"] or "").lower()
    if unit in _PREVIOUS_DAYS:
        low, high = _PREVIOUS_DAYS[unit]
        if not low <= (end - start).days <= high:
            return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        return _shifted_period(start, end, -months)
    length = end - start + timedelta(days=1)
    return start - length, end - length


def _earlier_same_period(
    draft: Draft, told: tuple[date | None, date | None], resolved: bool
) -> tuple[date | None, date | None] | None:
    """The period a year (a month, a week) before the one told last, for a count said to be of
    it ('compared with 890 in the same period last year', 'up from 1,900 a year earlier'), or
    the period before it ('during the previous quarter'), else None."""
    start, end = told
    if start is None or end is None:
        return None
    # "The previous week, 18 were killed": the week before the report's, not before publication
    undated = not resolved and (draft.time is None or _vague(draft.time))
    anaphoric = draft.time is not None and bool(_PREVIOUS_TIME.match(draft.time.text.strip()))
    if (undated or anaphoric) and (previous := _previous_period(draft, (start, end))) is not None:
        return previous
    scan, q = draft.scan, draft.quantity
    found = _EARLIER_AFTER.match(scan.text_between(q.end, q.end + 80))
    if found is None:
        return None
    if found["year"]:
        years = start.year - int(found["year"])
        if years <= 0 or start.year != end.year:
            return None
        return _shifted_period(start, end, -12 * years)
    unit = (found["unit"] or found["prev"] or found["before"] or "year").lower()
    if unit == "week":
        return start - timedelta(weeks=1), end - timedelta(weeks=1)
    months = 12 if unit == "year" else 1
    if unit == "month" and (end - start).days > 31:
        return None  # "the previous month" after a quarter's count: not this quarter shifted
    return _shifted_period(start, end, -months)


def _compared_to(
    draft: Draft,
    carried: tuple[date | None, date | None],
    resolved: bool,
    before: Draft | None = None,
) -> tuple[date | None, date | None]:
    """The period a comparison after the figure refers to: its sentence's own period told before
    the number ('3,400 in the first half of 2026, against 2,900 in the same period of 2025'),
    else that of the count its sentence told before it (``before``: 'abducted 1,035 between
    January and October, up from 780 in the same period of 2025', which a report's longer
    period carried from before does not frame), else the period carried from before."""
    mention = draft.time
    if (
        resolved
        and mention is not None
        and draft.scan.sentence.start <= mention.start
        and mention.end <= draft.quantity.start
        and not _PREVIOUS_TIME.match(mention.text.strip())
    ):
        return draft.period
    if (
        before is not None
        and before.scan is draft.scan
        and before.period[0] is not None
        and before.period[1] is not None
    ):
        return before.period
    return carried


def _shifted_period(start: date, end: date, months: int) -> tuple[date, date]:
    """A period moved by whole months, a month's last day staying a month's last day."""
    moved_end = add_months(end, months)
    if (end + timedelta(days=1)).day == 1:
        moved_end = month_end(moved_end.year, moved_end.month)
    return add_months(start, months), moved_end


_OFFSET_PHRASE = re.compile(
    r"(?P<n>\d{1,2}|an?|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>days?|weeks?)\s+(?P<way>after|before)",
    re.IGNORECASE,
)
_EVENT_REACH = 60  # characters from "two weeks after" to the day of the event it names


def _after_dated_event(draft: Draft) -> tuple[date, date] | None:
    """'Eight were killed in the attack, which came two weeks after a bombing on 5 March': the
    figure's own time is an offset from the day of the event that follows it (no other number
    between), when the clauses do not tell them apart."""
    mention, scan, q = draft.time, draft.scan, draft.quantity
    if mention is None or mention.start < q.end:
        return None
    found = _OFFSET_PHRASE.fullmatch(mention.text.strip())
    if found is None:
        return None
    days = [
        m
        for m in scan.times
        if mention.end <= m.start <= mention.end + _EVENT_REACH
        and _incident_day_mention(m)
        and not re.search(r"\d", scan.text_between(mention.end, m.start))
    ]
    if not days:
        return None
    count = count_word(found["n"])
    if count is None:
        return None
    offset = count * (7 if found["unit"].lower().startswith("week") else 1)
    event = days[0].period_start
    assert event is not None
    day = event + timedelta(days=offset if found["way"].lower() == "after" else -offset)
    return day, day


_LATER = re.compile(
    r"(?P<n>\d{1,2}|an?|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?P<way>later|earlier)",
    re.IGNORECASE,
)


_NEXT_DAY = re.compile(
    r"(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+after",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(
    r"the\s+(?:previous|preceding)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+before",
    re.IGNORECASE,
)


def _stock_day(
    draft: Draft, told: date | None, published: date | None, before: Draft | None
) -> date | None:
    """For a stock, the day of the stock its sentence told before it ('held 1,112 at the end of
    November, down from 1,140 a month earlier'), else the publication day it is counted on
    ('about 60 remain active, down from 85 a year earlier'); for others the day told last."""
    if draft.measure not in STOCK_MEASURES:
        return told
    if before is not None and before.scan is draft.scan and before.period[0] == before.period[1]:
        return before.period[0] or told or published
    return told or published


def _days_later(mention: TimeMention | None, told: date | None) -> tuple[date, date] | None:
    """'Three days later', 'a week earlier': the day so far from the day the story told last
    (which needs no publication date: 'On 14 February 2021 ... Three days later')."""
    if mention is None or told is None:
        return None
    text = mention.text.strip()
    if _NEXT_DAY.fullmatch(text) or _DAY_BEFORE.fullmatch(text):
        day = told + timedelta(days=1 if _NEXT_DAY.fullmatch(text) else -1)
        return day, day  # "Another 5 were killed the next day", "the previous night"
    found = _LATER.fullmatch(text)
    if found is None:
        return None
    count = count_word(found["n"])
    if count is None:
        return None
    way = 1 if found["way"].lower() == "later" else -1
    unit = found["unit"].lower().rstrip("s")
    if unit in ("month", "year"):
        # "1,112 held at the end of November, down from 1,140 a month earlier": the end of
        # October; a month's last day stays a month's last day
        months = way * count * (12 if unit == "year" else 1)
        day = add_months(told, months)
        if told == month_end(told.year, told.month):
            day = month_end(day.year, day.month)
        return day, day
    days = count * (7 if unit == "week" else 1)
    day = told + timedelta(days=way * days)
    return day, day


def _after_told_event(
    draft: Draft, told: date | None, drafts: Sequence[Draft], position: int
) -> tuple[date, date] | None:
    """'A week after the monastery strike, soldiers detained 40': N days after the day the story
    told last (``told``, else the last one-day count before ``position``, in whatever
    paragraph). A count inside the phrase's own noun ('The attack came a week after a strike
    that killed 11') is of the earlier event: N days before the day told (the sentence's
    subject's). Read off the parse: the number hangs under 'after' or not."""
    mention, scan = draft.time, draft.scan
    if mention is None or draft.token < 0 or scan.parse is None:
        return None
    offset = offset_days(mention)
    if offset is None:
        return None
    days = (d.period[0] for d in reversed(drafts[:position]) if d.period[0] == d.period[1])
    told = told or next((day for day in days if day is not None), None)
    if told is None:
        return None
    doc = scan.parse.doc
    span = doc.char_span(
        mention.start - scan.sentence.start, mention.end - scan.sentence.start, "expand"
    )
    if span is None or draft.token >= len(doc):
        return None
    linker = span[-1]  # "after" / "before"
    if not any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in linker.children):
        return None  # "a day after police said ...": a clause, placed by offset_day
    inside = linker in doc[draft.token].ancestors
    day = told + timedelta(days=-offset if inside else offset)
    return day, day


_DURATION = re.compile(
    r"\b(?:in|within|over|during)\s+(?:(?:almost|nearly|about|around|just|barely|under|less\s+than"
    r"|more\s+than|over|the\s+space\s+of)\s+)?(?P<n>\d{1,2}|an?|[a-z]+)\s+"
    r"(?P<unit>days?|weeks?|months?)\b(?!\s+(?:ago|later|earlier|before|after|to|of)\b)",
    re.IGNORECASE,
)
_DURATION_DAYS = {"day": 1, "week": 7, "month": 30}


def _lasting_period(
    draft: Draft,
    scans: Sequence[Scan],
    carried: tuple[date | None, date | None],
    published: date | None,
) -> tuple[date, date] | None:
    """A count 'in one week' or 'in almost two weeks' (a duration, no time phrase) takes the dated
    range of about that length the report states nearest to it ('... operations between May 18
    and May 25'), else the span of that length up to publication (as 'in the past week' does),
    unless the period carried already lasts about that long."""
    found = _DURATION.search(draft.scan.sentence.text)
    if found is None:
        return None
    count = count_word(found["n"])
    if count is None or count < 1:
        return None
    days = count * _DURATION_DAYS[found["unit"].lower().rstrip("s")]

    def fits(start: date | None, end: date | None) -> bool:
        return start is not None and end is not None and 0.6 * days <= (end - start).days + 1 <= (
            1.4 * days
        )

    if fits(*carried):
        return None
    here = draft.scan.sentence.start
    ranges = [
        m
        for scan in scans
        for m in scan.times
        if m.kind != "day" and fits(m.period_start, m.period_end)
    ]
    if not ranges:
        if published is None:
            return None
        return units_before(published, count, found["unit"].lower().rstrip("s")), published
    nearest = min(ranges, key=lambda m: abs(m.start - here))
    assert nearest.period_start is not None and nearest.period_end is not None
    return nearest.period_start, nearest.period_end


_THIS_UNIT = re.compile(r"(?i)^(?:in\s+|during\s+)?this\s+(?:week|month|year)$")
# "the group has carried out more than 30 attacks in the capital this year": up to now
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:been|already)\s+)?[a-z]+(?:ed|en|wn|t)\b", re.I)
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far|up\s+to\s+now)\b", re.IGNORECASE)


def _so_far(
    draft: Draft, mention: TimeMention, published: date | None
) -> tuple[date | None, date | None]:
    """'This year, 300 people have died so far': this year up to publication, not all of it."""
    start, end = mention.period_start, mention.period_end
    if (
        published is not None
        and start is not None
        and end is not None
        and start <= published < end
        and _THIS_UNIT.match(mention.text.strip())
        and (
            _SO_FAR.search(draft.scan.sentence.text)
            or _PERFECT.search(draft.scan.text_between(draft.scan.sentence.start, mention.start))
        )
    ):
        return start, published
    return start, end


def _still(draft: Draft) -> bool:
    """Whether the figure's clause counts what is still so ('are still held', 'are yet to be
    found', 'still holding 30 hostages'); 'remain in detention' alone is not dated."""
    scan, q = draft.scan, draft.quantity
    return bool(
        _STILL_AFTER.match(scan.text_between(q.end, q.end + 40))
        or _STILL_BEFORE.search(scan.text_between(q.start - 45, q.start))
    )


def _before(
    period: tuple[date | None, date | None], main: tuple[date | None, date | None] | None
) -> bool:
    """Whether a period ends before the document's main period starts (history, not the news)."""
    return main is not None and None not in (period[1], main[0]) and period[1] < main[0]  # type: ignore[operator]


_UNIT_REFERENCE = re.compile(
    r"\b(?:during|in|over|for|throughout|within|across) the (?:same |reporting |review )?"
    r"(quarter|period|month|week|year|half)\b",
    re.IGNORECASE,
)
# "during the year", "throughout the year": the unit the report named before, when it did
_BARE_UNIT = re.compile(r"(?i)(?:during|in|over|throughout|across)\s+the\s+year")
_UNIT_DAYS = {"week": (6, 8), "month": (27, 31), "quarter": (88, 92), "half": (180, 184),
              "year": (364, 366)}


def _named_unit_period(
    draft: Draft,
    seen: Sequence[tuple[date | None, date | None]],
    main: tuple[date | None, date | None] | None,
) -> tuple[date | None, date | None] | None:
    """'180 people were killed during the quarter': the report's first period if it is a quarter
    (a month, a week, ...), else the last such period stated; 'during the (reporting) period' is
    the report's first period."""
    found = _UNIT_REFERENCE.search(draft.scan.sentence.text)
    if found is None:
        return None
    unit = found.group(1).lower()
    if unit == "period":
        return main
    low, high = _UNIT_DAYS[unit]
    for start, end in [*([main] if main else []), *reversed(seen)]:
        if start is not None and end is not None and low <= (end - start).days <= high:
            return start, end
    return None


def _background_since(
    draft: Draft, main: tuple[date | None, date | None] | None
) -> bool:
    """'... has seen 500 deaths since the insurgency began in 2015': a count since long before the
    report's own period is background and frames nothing after it."""
    return draft.time is not None and _since_long_before(draft.time, main)


def _since_after_undated(
    draft: Draft, main: tuple[date | None, date | None] | None, figures_before: int
) -> bool:
    """'... Last year Ghani said 28,000 had been killed since 2015.' told after figures whose
    days could not be placed (no publication date): a running total told in passing, that frames
    nothing after it, as it would not once the story's own day is known."""
    return (
        main is None
        and figures_before > 0
        and draft.time is not None
        and draft.time.text.lower().startswith("since")
        and draft.period[1] is None
    )


_LONG_BEFORE = timedelta(days=31)


def _since_long_before(
    mention: TimeMention, main: tuple[date | None, date | None] | None
) -> bool:
    """Whether a 'since' phrase starts long before the report's own period: more than a month,
    and more than that period lasts ('since the insurgency began in 1989' in a story of one
    attack; not 'since the attacks began on February 29' in a report on March 8-20)."""
    start = mention.period_start
    if not mention.text.lower().startswith("since") or start is None or main is None:
        return False
    first, last = main
    if first is None:
        return False
    span = (last - first) if last is not None else timedelta(0)
    return first - start > max(_LONG_BEFORE, span)  # (first - gap overflows near year 1)


def _told_month(
    mention: TimeMention | None, carried: tuple[date | None, date | None]
) -> bool:
    """Whether a month named without its year ('In March') is the month the report stated
    before with its year ('March 2024'): read as of that month's end, it is that month."""
    start, end = carried
    if mention is None or start is None or end is None or mention.period_start is not None:
        return False
    if not _MONTH_NAME.search(mention.text) or start.day != 1 or (end - start).days > 30:
        return False
    again = find_times(mention.text, end)
    return len(again) == 1 and (again[0].period_start, again[0].period_end) == (start, end)


_MONTH_NAME = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
)


def _names_other_time(mention: TimeMention | None, resolved: bool) -> bool:
    """'In June' or 'on Friday' with no publication date to place it: the figure's own time,
    unknown, not the report's period carried from before (unlike 'throughout the past month' or
    'earlier', which refer to it)."""
    return (
        mention is not None
        and not resolved
        and (mention.kind in ("day", "elsewhen") or bool(_MONTH_OR_YEAR.search(mention.text)))
    )


_RANGE_UNIT = re.compile(r"(?i)\b(week|month|quarter|half|year)\b")
_OPENING_SINCE = re.compile(r"(?i)^since\b")


def _unit_misfit(mention: TimeMention | None, carried: tuple[date | None, date | None]) -> bool:
    """'Nine deaths over the last week' with no publication date to place the week: the report's
    period carried from before is the week's only if it lasts a week (a briefing's stated week),
    not the two years some earlier sentence named."""
    if mention is None or mention.period_start is not None:
        return False
    kind = mention.kind
    if kind == "range":
        # "in the week to Sunday", "since the start of the year", "the four days ending Friday":
        # a span of its own, the report's stated one only if it is one such unit long
        unit = _RANGE_UNIT.search(mention.text)
        if unit is None or _OPENING_SINCE.match(mention.text):
            return True
        kind = unit.group(1).lower()
    if kind not in _UNIT_DAYS:
        return False
    start, end = carried
    if start is None or end is None:
        # "since 24 February 2022" with no publication date to end it is no week's length
        return start is not None
    low, high = _UNIT_DAYS[kind]
    return not low <= (end - start).days <= high


def _stated_period(
    scan: Scan, main: tuple[date | None, date | None] | None, counts: bool = False
) -> tuple[date | None, date | None] | None:
    """The period a sentence without figures states for those after it; not a comparison's, nor
    one naming an event ('the December 1975 siege'), nor background since long before the
    report's own period ('roiled by violence since the start of an insurgency in 1989'). A
    sentence whose numbers count nothing read ('1,012 civilians were subjected to violence
    between July and September', a count of a kind not known) frames what follows as well."""
    if counts:
        return None
    for mention in scan.times:
        before = scan.text_between(scan.sentence.start, mention.start)
        background = _since_long_before(mention, main)
        if (
            mention.kind in _PERIOD_KINDS
            and mention.period_start
            and not background
            and not _COMPARISON.search(before)
            and not _attributive(scan, mention)
            # "three days after April 15, 2013, bombing": a date naming an event, not a period
            and not _EVENT_NOUN_AFTER.match(scan.text_between(mention.end, mention.end + 40))
            and not _RELATIVE_ASIDE.search(before)
        ):
            return mention.period_start, mention.period_end
    return None


# "Hugo Chávez, who died in 2013, ...", "the war, which began in 2011, ...": an aside on someone
# or something named, not the period of what the story counts next
_RELATIVE_ASIDE = re.compile(r"[,—–]\s*(?:who|which)\b[^,;:—–.]*$", re.IGNORECASE)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+[A-Za-z][\w'’-]*\b(?<!\bof)(?<!\bto)(?<!\band)")


def _attributive(scan: Scan, mention: TimeMention) -> bool:
    """Whether a time phrase names an event, between a determiner and its noun ('due to the
    December 1975 siege', 'the 2019 elections'): the event's date, not the report's period."""
    before = scan.text_between(mention.start - 12, mention.start)
    after = scan.text_between(mention.end, mention.end + 30)
    return bool(_DETERMINER_BEFORE.search(before) and _WORD_AFTER.match(after))


# "at least 50 people were killed or wounded", "40 casualties": the toll of an incident too
_CASUALTIES_AFTER = re.compile(
    r"^[^.;\d]{0,40}?\b(?:casualties|(?:killed|dead|died)\s+(?:or|and)\s+(?:wounded|injured|hurt))\b",
    re.IGNORECASE,
)


def _casualty_count(draft: Draft) -> bool:
    """A count of the killed and wounded together ('50 people were killed or wounded')."""
    after = draft.scan.text_between(draft.quantity.end, draft.scan.sentence.end)
    return draft.measure is Measure.OTHER and bool(_CASUALTIES_AFTER.match(after))


def _after_the_day(draft: Draft, carried: tuple[date | None, date | None]) -> bool:
    """Arrests, warrants or rescues said to follow the incident ('Police issued 17 arrest
    warrants following the bombing', 'soon claimed two arrests') fall on an unknown day after the
    incident's: they do not take it."""
    start, end = carried
    if draft.measure in VIOLENT or start is None or start != end:
        return False
    return bool(_after_event_pattern().search(draft.scan.sentence.text))


@cache
def _after_event_pattern() -> re.Pattern[str]:
    nouns = alternation(list(WORDS["incident"]), cased=False)
    return re.compile(
        rf"\b(?:following|after|since|in\s+the\s+wake\s+of)\s+(?:the|this|that)\s+"
        rf"(?:[\w-]+\s+)?(?:{nouns})\b|\b(?:soon|subsequently|afterwards|since\s+then)\b",
        re.IGNORECASE,
    )


@cache
def _during_event_pattern() -> re.Pattern[str]:
    nouns = alternation(list(WORDS["incident"]), cased=False)
    return re.compile(
        rf"\b(?:during|in)\s+the\s+(?:[\w-]+\s+)?(?:{nouns})\b(?!\s+(?:on|of|in)\b)",
        re.IGNORECASE,
    )


def _backfill_incident_day(drafts: Sequence[Draft], published: date | None = None) -> None:
    """A headline toll before the story names the day takes the day of the later counts, not
    one after the report's publication (a later release: 'were freed on 22 July 1994')."""
    latest = latest_event_day(published)
    days = [
        d.period
        for d in drafts
        if d.measure in VIOLENT
        and d.period[0]
        and d.period[0] == d.period[1]
        and d.period[0] <= latest
        and (d.time is None or d.time.kind != "range")  # not history 'since X, when ...'
    ]
    if not days:
        return
    for draft in drafts:
        # a count that names a time of its own the report cannot place ("in August", "Overnight"
        # in an undated report) keeps it unknown rather than take another count's day
        if draft.measure in VIOLENT and draft.period == (None, None) and draft.time is None:
            draft.period = days[0]


def _nearest_time(draft: Draft) -> TimeMention | None:
    """The time phrase nearest the number that is not a comparison, the date of the statement
    or the date of the dateline ('NAIROBI, March 14 (Reuters) - ... on Tuesday')."""
    scan, q = draft.scan, draft.quantity
    best: TimeMention | None = None
    best_distance = 10**9
    datelined = [m for m in scan.times if _in_dateline(scan, m)]
    for mention in scan.times:
        between = scan.text_between(min(q.end, mention.end), max(q.start, mention.start))
        before = scan.text_between(mention.start - 30, mention.start)
        # "Since March 3, when the offensive began, 412 ...": an aside on the date compares nothing
        if _COMPARISON.search(_WHEN_ASIDE.sub(",", between)) or _statement_date(scan, mention):
            continue
        if _compared_time(scan, mention, q.start, q.end):
            continue  # "carried out 44 attacks, up from 30 in November, and killed 96": not 96's
        if (
            mention.text.lower().startswith("since")
            and _SUPERLATIVE_BEFORE.search(before)
            and not _WHEN_NEXT.match(scan.text_between(mention.end, mention.end + 8))
        ):
            continue  # ("the highest since May 10, 2010, when 110 died" is May 10's: when_day)
        if mention in datelined and len(datelined) < len(scan.times):
            continue
        if _in_other_aside(scan, mention, q.start, q.end):
            continue  # "In Tigray, where a truce has held since 2022, six were killed"
        if _other_relative_time(draft, mention):
            continue  # "14 were killed, many in a strike on 17 October that killed six"
        distance = len(between) + clause_penalty(draft, mention)
        if mention.end <= q.start and _TOLD_BETWEEN.search(between):
            # "On Monday the ministry said 40 people were killed in 2023": the day of telling
            # yields to a time phrase of the figure's own side
            distance += _TOLD_PENALTY
        if (
            _attributive(scan, mention)
            and not _EVENT_NOUN_AFTER.match(scan.text_between(mention.end, mention.end + 40))
            and not _names_own_noun(draft, mention)
        ):
            # "arrested 28 people on August 13, in advance of the August 15 by-elections": a
            # date naming another thing than an attack dates that thing, not the figure
            distance += _TOLD_PENALTY
        if draft.measure not in VIOLENT and _EVENT_DAY_AFTER.match(
            scan.text_between(mention.end, mention.end + 40)
        ):
            # "On Sunday police arrested five men over Friday's bombing": the bombing's day
            distance += _TOLD_PENALTY
        clause = _counted_clause_measure(draft, mention)
        if clause is not None:
            if clause != draft.measure:
                # "The 12 people abducted on Sunday were freed on Wednesday": the freeing's day
                continue
            distance = -1  # "12 passengers kidnapped on Sunday remain in captivity"
        if draft.measure in VIOLENT and (
            _event_day_of_toll(scan, mention) or _dated_event_after(scan, mention, q.end)
        ):
            distance = -1
        if _vague(mention) and any(
            not _vague(m) and m.period_start and not _CLAUSE_BREAK.search(
                scan.text_between(min(q.end, m.end), max(q.start, m.start))
            )
            for m in scan.times
        ):
            # "two days after 11 officers were killed in an ambush on June 9": a phrase placed
            # only relative to another event yields to a dated one of the figure's clause
            distance += 10**6
        if distance < best_distance:
            best, best_distance = mention, distance
    return best


def _other_relative_time(draft: Draft, mention: TimeMention) -> bool:
    """Whether a time phrase dates another thing than the figure, read off the parse: it hangs
    on a noun, not holding the figure, whose relative clause counts its own ('14 were killed
    over the month, many in a strike on 17 October that killed six': the six's day, not the
    14's)."""
    scan = draft.scan
    token = token_at(scan, mention.start, mention.end)
    if token is None or draft.token < 0 or draft.token >= len(token.doc):
        return False
    number = token.doc[draft.token]
    holders = {number, *number.ancestors}
    for _ in range(4):
        head = token.head
        if head is token or token.dep_ not in _PHRASE_LINKS | {"pobj"}:
            return False
        if head.pos_ in ("NOUN", "PROPN") and head not in holders and any(
            child.dep_ == "relcl" and any(t.like_num for t in child.subtree)
            for child in head.children
        ):
            return True
        token = head
    return False



# ", where a truce has held since", ", which began in": a relative aside set off by commas
_ASIDE_OPENING = re.compile(r"[,—–]\s*(?:where|which|whose)\b[^,;:—–.()]*$", re.IGNORECASE)
_ASIDE_CLOSING = re.compile(r"^[^,;:—–.()]*[,—–]")


def _names_own_noun(draft: Draft, mention: TimeMention) -> bool:
    """Whether the noun a date modifies holds the figure's number ('The March toll of 412
    deaths'): the date is the figure's own, read off the parse."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return True  # unparsed: keep the date as a candidate, as before
    doc = scan.parse.doc
    base = scan.sentence.start
    span = doc.char_span(mention.start - base, mention.end - base, alignment_mode="expand")
    if span is None or span.end >= len(doc) or draft.token >= len(doc):
        return True
    noun = doc[span.end]  # the word right after the date
    return noun in doc[draft.token].ancestors


def _in_other_aside(scan: Scan, mention: TimeMention, start: int, end: int) -> bool:
    """Whether a time phrase is said in a 'where' or 'which' aside between commas that does not
    hold the figure (``start``..``end``): 'In Tigray, where a truce has held since November 2022,
    six civilians were killed' - the truce's time, not the six's."""
    opening = _ASIDE_OPENING.search(scan.text_between(scan.sentence.start, mention.start))
    closing = _ASIDE_CLOSING.match(scan.text_between(mention.end, scan.sentence.end))
    if opening is None or closing is None:
        return False
    aside_start = scan.sentence.start + opening.start()
    aside_end = mention.end + closing.end()
    return end <= aside_start or start >= aside_end


def _compared_time(scan: Scan, mention: TimeMention, start: int, end: int) -> bool:
    """Whether a time phrase belongs to the number of a comparison right before it ('up from 30
    in November') and the figure (``start``..``end``) is another number."""
    window = mention.start - 60
    found = _COMPARED_BEFORE.search(scan.text_between(window, mention.start))
    if found is None:
        return False
    opened = max(window, scan.sentence.start) + found.start()
    return end <= opened or start >= mention.start


def _not_event_days(scan: Scan) -> list[TimeMention]:
    """Time phrases of a sentence that date no event: the statement's and the dateline's."""
    return [
        m
        for m in scan.times
        if _statement_date(scan, m) or _in_dateline(scan, m)
    ]


_TOLL_UPDATE = re.compile(r"\b(?:toll|rose|risen|climbed|increased|jumped)\b", re.IGNORECASE)
_EVENT_DAY_AFTER = re.compile(
    rf"['’]s\s+(?:[a-z-]+\s+)?(?:{alternation(list(WORDS['incident']), cased=False)})\b"
)


def _event_day_of_toll(scan: Scan, mention: TimeMention) -> bool:
    """'The death toll from Sunday's attack rose to 31 on Wednesday': a toll is the attack's,
    of its day (or week: 'last week's bombing'), not of the day it was updated."""
    return (
        mention.kind in ("day", "week")
        and bool(_TOLL_UPDATE.search(scan.sentence.text))
        and bool(_EVENT_DAY_AFTER.match(scan.text_between(mention.end, mention.end + 40)))
    )


_THE_BEFORE = re.compile(r"\b(?:in|from|during|of|by)\s+the\s+$", re.IGNORECASE)
_EVENT_NOUN_AFTER = re.compile(
    rf"^,?\s+(?:[\w-]+\s+)?(?:{alternation(list(WORDS['incident']), cased=False)})\b"
)


def _dated_event_after(scan: Scan, mention: TimeMention, end: int) -> bool:
    """'found guilty of killing 4 people and injuring 60 in the March 3, 2019, bombing': a toll
    told of an event its date names, after it in the same clause, is of that day, not of the
    verdict's or the report's time phrase that opens the sentence."""
    if mention.start < end or mention.period_start is None:
        return False
    between = scan.text_between(end, mention.start)
    return (
        len(between) <= 120
        and not _CLAUSE_BREAK.search(between)
        and bool(_THE_BEFORE.search(between))
        and bool(_EVENT_NOUN_AFTER.match(scan.text_between(mention.end, mention.end + 40)))
    )


_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_NO_MEASURE = "none"  # a clause whose verb names no measure ('they seized on Sunday' is one)


def _counted_clause_measure(draft: Draft, mention: TimeMention) -> Measure | str | None:
    """The measure of the relative or participial clause on the counted noun that holds a time
    phrase ('the 12 people who were abducted on Sunday' -> kidnapped), or None."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return None
    doc = scan.parse.doc
    base = scan.sentence.start
    span = doc.char_span(mention.start - base, mention.end - base, alignment_mode="expand")
    if span is None or len(span) == 0 or draft.token >= len(doc):
        return None
    noun = counted_noun(doc[draft.token])
    token = span.root
    while token.head.i != token.i:
        if token.dep_ in _CLAUSE_DEPS and token.head == noun and token.i > noun.i:
            return verb_measure(token) or _NO_MEASURE
        token = token.head
    return None


def _vague(mention: TimeMention) -> bool:
    return mention.kind == "relative" and (mention.period_start, mention.period_end) == (None, None)


def _in_dateline(scan: Scan, mention: TimeMention) -> bool:
    """'KABUL, Jan 3 (Reuters) -': the day the story was filed, not the day of its figures (also
    in a dateline glued to the headline before it)."""
    before = scan.text_between(scan.sentence.start, mention.start)
    after = scan.text_between(mention.end, scan.sentence.end)
    if (
        _DATELINE_BEFORE.fullmatch(before)
        and _DATELINE_AFTER.match(after)
        and not _weekday_or_month(before)  # "Tuesday, March 5: ..." dates a diary's entry
    ):
        return True
    at = mention.start - scan.sentence.start
    return any(g.start() <= at < g.end() for g in GLUED_DATELINE.finditer(scan.sentence.text))


def _weekday_or_month(text: str) -> bool:
    """Whether a text is one weekday's or month's name ('Tuesday, ')."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    return len(words) == 1 and (words[0] in WORDS["weekday"] or words[0] in WORDS["month"])


def _incident_day(
    scans: Sequence[Scan], position: int, counted: set[int], published: date | None = None
) -> tuple[date | None, date | None]:
    """An incident's day told just after its toll (same or next paragraph), else just before it
    ('Gunmen stormed a village on Wednesday night. ... Residents said 23 people were killed'); a
    day told after it in a sentence counting figures of its own is theirs, and only taken when
    none is told before ('23 were killed. Police arrested 9 suspects on Sunday': not Sunday)."""
    paragraph = scans[position].sentence.paragraph
    after = [
        s
        for s in scans[position : position + 1 + _INCIDENT_LOOKAHEAD]
        if s.sentence.paragraph <= paragraph + 1
    ]
    # before: the last sentences, and further back those of the toll's own paragraph ("On 15
    # November, fighters attacked a camp. ... (three sentences of the fight) ... At least 112
    # people were killed"): one paragraph tells one incident
    before = [
        s
        for i, s in reversed(list(enumerate(scans[:position])))
        if (position - i <= _INCIDENT_LOOKAHEAD and s.sentence.paragraph >= paragraph - 1)
        or s.sentence.paragraph == paragraph
    ]
    own, later = after[:1], after[1:]
    free = [s for s in later if id(s) not in counted]
    taken = [s for s in later if id(s) in counted]
    for scan in own + free + before + taken:
        for mention in scan.times:
            said = bool(
                _statement_date(scan, mention)
                or _in_dateline(scan, mention)  # "PORT-AU-PRINCE, March 3 (Reuters) -"
            )
            if (
                mention.kind == "day"
                and mention.period_start is not None
                and not said
                and not _day_of_another_event(scan, mention, published)
                and not (scan not in own and _day_of_release(scan, mention))
            ):
                return mention.period_start, mention.period_end
    return None, None


# "The aid workers were released on 5 February": the day captives went free, told after the
# raid that took them
_RELEASED_ON = re.compile(
    r"\b(?:released|freed|set\s+free|rescued|let\s+go)\b[^.;]{0,30}$", re.IGNORECASE
)


def _day_of_release(scan: Scan, mention: TimeMention) -> bool:
    """A day another sentence gives to the release of captives ('The two were released on 3
    October'): not the day of the toll, which was told with the raid."""
    return bool(_RELEASED_ON.search(scan.text_between(scan.sentence.start, mention.start)))


def _day_of_another_event(scan: Scan, mention: TimeMention, published: date | None) -> bool:
    """A day no toll told around it happened on: after the report's publication (a later
    release or trial: 'The hostages were released on 22 July 1994' in a report of 1993), or of
    another event its sentence tells before it ('A similar attack on 3 May killed two',
    'days after a bombing on Monday': `distinct` and `background` cues)."""
    assert mention.period_start is not None
    if published is not None and (mention.period_start - published).days > 1:
        return True
    before = scan.text_between(scan.sentence.start, mention.start)
    return bool(another_event_pattern().search(before))


# Cues that also introduce an earlier count of the same event ('Earlier, police said 12 died').
_ALSO_RESTATING = frozenset({"earlier", "previous"})


@cache
def another_event_pattern() -> re.Pattern[str]:
    """The `distinct` and `background` cues of lexicons/incident_cues.tsv ('another attack',
    'days after a car bomb', 'in the wake of'): what follows them tells another event."""
    cues = sorted(
        (term for _, (term, role) in read_lexicon("incident_cues.tsv", 2)
         if role in {"distinct", "background"} and term not in _ALSO_RESTATING),
        key=len, reverse=True,
    )
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"(?<![\w'-])(?:{words})(?![\w-])", re.IGNORECASE)
