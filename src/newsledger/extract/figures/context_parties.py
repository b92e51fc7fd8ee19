"""Actor and source of a figure: the party whose members or acts are counted, and who says so.

The rules are listed in ``context.py``'s docstring (the "actor" and "source" entries).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from itertools import pairwise

from spacy.tokens import Token

from newsledger.extract.figures.person_doers import person_doer
from newsledger.extract.folded import FoldedPattern
from newsledger.extract.numbers import counted_noun, noun_measure
from newsledger.extract.parties import (
    ActorMention,
    Attribution,
    actor_kind,
    attribution_for,
    canonical_actor,
    find_actors,
    from_head,
    is_dateline_dash,
    named_source,
    un_bodies,
)
from newsledger.extract.reporting import reporting_lemmas, reporting_verbs
from newsledger.extract.scan import Draft, Scan
from newsledger.lexicons import read_table
from newsledger.model import Document, Measure

_PARTY_KINDS = ("armed_group", "state_force")
# measures no ruling force is the party of (SCHEMA: displacement and camps take none)
_NOT_A_RULERS = frozenset(
    {Measure.DISPLACED, Measure.RETURNED, Measure.POPULATION, Measure.FIGHTERS, Measure.OPERATIONS}
)
# a ruling force as the doer: "killed by the junta", "the regime's forces", "junta troops arrested"
_RULER_ACTS = FoldedPattern(re.compile(
    r"\bby (?:the )?(\w+)\b|\b(\w+)(?:['’]s)? (?:forces|troops|soldiers|authorities)\b",
    re.IGNORECASE,
))
# kinds of armed groups named as parties ("gangs", "rebels"): a report on them has no ruler
_KIND_WORD = FoldedPattern(re.compile(
    r"\b(gangs?|rebels?|militants?|insurgents?|jihadists?|militias?|bandits?|terrorists?)\b",
    re.IGNORECASE,
))
_SOURCE_KINDS = frozenset({"agency", "government", "coalition", "ngo", "media"})
_VIOLENT = frozenset(
    {Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED, Measure.MISSING, Measure.ATTACKS}
)
_AGENT_ANAPHORA = re.compile(
    r"\bby (?:the )?(?:suspected |unidentified |armed )?"
    r"(insurgents|militants|terrorists|jihadists|gunmen|attackers|assailants|group)\b",
    re.IGNORECASE,
)
# "killed by bandits", "by army drones": a kind of party named as the agent, kept as written
_AGENT_KIND = re.compile(
    r"\bby (?:the )?(?:suspected |unidentified |unknown |armed |military (?=junta))?"
    r"(bandits|rebels|gangs|gang members|snipers|soldiers|troops|security forces|police|army"
    r"|military|junta|regime)\b",
    re.IGNORECASE,
)
_BESIDE = 70  # characters either side of a person's name where the body they speak for is told
_CLAUSE_REACH = 150  # characters after a toll, before the next number, where its doers are told
_AGENT_REACH = 60  # characters after a toll where its agent is told ("were killed by army drones")
_MEMBERS_OF = re.compile(
    r"^\W*(?:\w+\W+){0,2}?members? of (?:the )?([A-Z][\w'’-]*(?: (?:of (?:the )?)?[A-Z][\w'’-]*)*)"
)
# "the attackers, suspected to be Boko Haram fighters, fled": who the doers are believed to be
_SUSPECTED_TO_BE = (
    r"(?:suspected|believed|thought|presumed) to (?:be|have been|belong to)"
    r"|suspicion (?:fell|falls|has fallen) on"
    # "the Houthis in Sanaa are suspected", "... is widely suspected": the group before the cue
    r"|(?:is|are|was|were) (?:widely |strongly )?suspected(?= *[.;]| *$)"
)
_CHARGED_WITH = (
    r"(?:charged|indicted|accused)\s+(?:(?:them|him|her|[a-z]+\s+suspects?)\s+)?with\s+"
    r"(?:(?:perpetrating|carrying\s+out|staging|committing|planning|plotting)\b"
    r"|(?:the|this|that)\s+(?:attack|bombing|blast|massacre|killings?)\b)"
)
_CLAIM = re.compile(
    rf"\b(?:claimed|blamed|responsible for|took credit|carried out by"
    # "the group was behind", "an Al-Shabab group would be behind the kidnapping"
    rf"|(?:was|were|is|are|(?:would|may|might|could|must)\s+(?:have\s+been|be))\s+behind"
    rf"|(?:accepted|admitted|assumed|acknowledged|confirmed) responsibility|perpetrated by"
    # "arrested nine members of the PKK and charged them with perpetrating this attack": the
    # suspects charged with the attack are its doers
    rf"|{_CHARGED_WITH}"
    rf"|{_SUSPECTED_TO_BE})\b",
    re.IGNORECASE,
)
# "Baloch separatists claimed responsibility": a kind of group as the claimant, before its verb
_KIND_CLAIMS = re.compile(
    r"(?P<who>(?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+(?:have\s+|has\s+|later\s+)?"
    r"(?:claimed|took|have\s+taken)\s+(?:responsibility|credit)\b",
    re.IGNORECASE,
)
_CLAIMED_WHAT = re.compile(r"responsibility|credit", re.IGNORECASE)


def _may_claim(text: str) -> bool:
    """Whether ``text`` can hold a match of _KIND_CLAIMS, which starts at any word: not without
    'responsibility' or 'credit' in any case (an ASCII text is tested lower-cased)."""
    if text.isascii():
        lowered = text.lower()
        return "responsibility" in lowered or "credit" in lowered
    return _CLAIMED_WHAT.search(text) is not None


_NEGATED = re.compile(r"\b(?:no|not|none|nobody|yet to|has not|have not)\b[^.,;]{0,25}$", re.I)
_HANDS_OF = re.compile(r"\b(?:at the hands of|attributed to) (?:the )?([^,.;]+)", re.IGNORECASE)
_ACTOR_AS_MODIFIER = re.compile(
    r"^\W*(attacks?|bombings?|ambush(?:es)?|raids?|assaults?|insurgents|militants|"
    r"fighters|gunmen|terrorists)\b",
    re.IGNORECASE,
)
_AGAINST = re.compile(
    r"\b(?:against|targeting|on)\s+((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
)
_OF_THE_ATTACK = re.compile(
    r"\bof the (attack|assault|bombing|raid|ambush|massacre)\b", re.IGNORECASE
)
_HEDGES = frozenset({"suspected", "alleged", "presumed", "unidentified", "unknown", "the"})
_GROUP_ACT = re.compile(
    r"\b(militant|jihadist|rebel|gang|insurgent|terrorist|bandit|separatist|extremist|islamist)s?"
    r"(?:-(?:related|linked|led))?\s+(?:attacks?|ambush(?:es)?|raids?|assaults?|bombings?|violence|shootings?|gunfire)\b",
    re.IGNORECASE,
)
_FORCE_ACT = re.compile(
    r"\b(military|army|junta|police)\s+(?:crackdowns?|shelling|air\s?strikes|raids?|operations?)\b",
    re.IGNORECASE,
)
# "Israeli strikes", "Russian missile strikes": a nation's arms named as the doer, its forces
_NATION_ACT = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:(?:air|missile|drone|artillery|rocket)\s+)?"
    r"(?:strikes|airstrikes|shelling|bombardments?|bombing|air\s+raids|attacks?|fire)\b"
)
_FORCE_WORDS = ("forces", "military", "army", "troops")
# verbs of harm done to people, told after a count of them
_VICTIM_VERB = re.compile(
    r"\b(?:killed|injured|wounded|raped|abducted|kidnapped|tortured|maimed|assaulted|executed)\b",
    re.IGNORECASE,
)
_DOER_KIND = re.compile(
    r"\b(gunmen|gangs|militants|insurgents|jihadists|bandits|rebels|terrorists|kidnappers"
    r"|attackers|assailants|pirates|militiamen)\b",
    re.IGNORECASE,
)
_OWN_TROOPS = frozenset({"troop", "troops", "soldier", "soldiers", "personnel", "servicemen"})
_FOUGHT_WITH = re.compile(
    r"\b(?:clash(?:es)?|fighting|firefight|gunfight|gun battle|encounter|battle|exchange of fire)"
    # "fighting between M23 rebels and Congolese forces": the armed group of the two sides
    r"\s+(?:with|between)\s+(?:the\s+|a\s+|an\s+)?(?:suspected\s+|armed\s+)?",
    re.IGNORECASE,
)
# "in the fighting", "during the clash": a fight the story told before
_THE_FIGHT = re.compile(
    r"\b(?:in|during|after) (?:the|that|this|a|an)(?: [\w-]+)? (?:fighting|clash(?:es)?|gunfight"
    r"|firefight|encounter|battle|exchange of fire|gun battle)\b",
    re.IGNORECASE,
)
_CLASHED_WITH = re.compile(
    r"\b(?:(?:clashed|fought|battled|exchanged fire|engaged)\s+with|engaged|encountered|fought"
    r"|battled"
    r"|(?:were|was) (?:ambushed|attacked) by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "the Hamas-run health ministry": a group that runs a body is no party to what the body counts
_RULES_OVER = re.compile(r"^-(?:run|controlled|administered|governed)\b", re.IGNORECASE)
# "Most of the casualties were caused by Russian armed forces": the doer of the tolls told before
_MOST_CAUSED = re.compile(
    r"\b(?:most|(?:the\s+)?(?:(?:great|vast|overwhelming)\s+)?majority|all|the bulk"
    r"|\d+ per ?cent)\s+of\s+(?:the\s+|these\s+|those\s+)?"
    r"(?:civilian\s+)?(?:casualties|deaths|killings|victims|them)\b[^.;]{0,60}?"
    r"\b(?:caused by|by|attributed to|at the hands of)\s+$",
    re.IGNORECASE,
)
_NEXT_CLAUSE = re.compile(r"[;:]|,\s*(?:and|while|but|whereas)\b")
_ENUMERATION = re.compile(r"(including|among them|\band)\s*$", re.IGNORECASE)
# "killed in 2 attacks by ISWAP": the count of the events the toll came in keeps the agent after it
_EVENTS_OF_TOLL = re.compile(r"\b(?:in|during)\s*$", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
_ACRONYM = re.compile(r"[A-Z]{3,6}")  # an organisation's initials ("AAPP", "OCHA")
# Words that only refer back to a source named before ('it said', 'the report said').
_REFERRING_ONLY = frozenset(
    {"it", "he", "she", "they", "him", "her", "them"}
    | {"report", "statement", "release", "update", "review", "document", "bulletin", "data"}
    | {"figures"}
)
# a capitalised name holding a word ("International Federation of Journalists (IFJ)")
_NAME_WITH = (
    r"(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|on|in|the|and)\s+)*)*{}"
    r"(?:\s+(?:(?:of|for|on|in|the|and)\s+)*[A-Z][\w'’.-]*)*(?:\s+\([A-Z]{{2,8}}\))?"
)
_SEAT = re.compile(r"^(?:the\s+)?[\w .'’-]{2,30}?-based\s+", re.IGNORECASE)
_RUN_BY = re.compile(r"^-(?:run|led|backed|controlled|affiliated|allied)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_UN_PREFIX = r"(?:UN|U\.N\.|United Nations)"
# a part of the UN told by common nouns ("UN monitors", "U.N. mission", "UN human rights mission")
_UN_PART = re.compile(r"^['’]?s?\s+[a-z]")
_UN_GENERIC = re.compile(rf"{_UN_PREFIX}(?:['’]s)?(?:\s+[a-z][\w-]*)+")
# a UN body by its own name ("UN Integrated Office in Haiti (BINUH)")
_UN_NAMED = re.compile(rf"{_UN_PREFIX}\s+(?:[a-z]+\s+)*[A-Z]")
# (any reporting verb of the lexicon; and 'quoted', no lexicon verb since the one quoted is the
# source, while an agency that quotes still tells the story: "Xinhua quoted officials as saying")
_AGENCY_TELLS = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\)|\))?(?:\s+news)?(?:\s+agency)?\s+(?:has\s+)?"
    rf"(?:{reporting_verbs(present=('say', 'report'))}|quoted)\b",
    re.IGNORECASE,
)
# an agency's word before a common noun is its tally or its staff, not its report
_AGENCY_NOUN = re.compile(r"^\s+(?!news\b|agency\b)[a-z]")
# an editor's note on another account of the story ("Note, Reuters reported that ...")
_NOTE = re.compile(r"^\W*note\b", re.IGNORECASE)
_NOTE_BEFORE = re.compile(r"(?:^|[.!?])\s*note\s*[:,-]\s*(?:the\s+)?$", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\baccording to (?:the |a |an )?(?:report (?:by|from) )?$", re.I)
_SOURCE_LINE = re.compile(r"^\s*Source:\s*(.+?)\s*$", re.MULTILINE)
_BYLINE = re.compile(r"^\s*By[;:]?\s+([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3})\s*$", re.MULTILINE)


@cache
def role_words(kind: str, table: str = "roles.tsv") -> frozenset[str]:
    """Lemmas of one kind in a two-column lexicon (roles.tsv: 'member' or 'perpetrator')."""
    return frozenset(term for term, k in read_table(table, 2) if k == kind)


def assign_actors(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """Fill the actor of every draft."""
    dominant = _dominant_party(scans)
    for draft in drafts:
        draft.actor = _actor_for(draft, dominant)
    _attackers_told_before(drafts, scans)
    _the_same_count(drafts, scans)
    _victims_of_that_attack(drafts, scans)
    _also_harmed(drafts, scans)
    claim = _claim(scans)
    blamed = claim[1] if claim else _kind_blamed(scans)
    _share_perpetrators(drafts, scans, blamed)
    _claimant_over_kind(drafts, scans, claim)
    force = _only_force(scans)
    for draft in drafts:
        if (
            force
            and draft.actor is None
            and draft.measure is Measure.FIGHTERS
            and draft.counted_head in _OWN_TROOPS
        ):
            draft.actor = force  # "sending another 3,500 troops": the one force of the story
    previous = {id(b): a for a, b in pairwise(scans)}
    for draft in drafts:
        if draft.actor is None and id(draft.scan) in previous and _they_did_it(draft):
            draft.actor = _doer_told(previous[id(draft.scan)].sentence.text)
    _parts_of_those(drafts)
    _side_fought_before(drafts, scans)
    _side_fought_beside(drafts)
    _most_caused_by(drafts, scans)
    _community_victims(drafts, scans)
    _striker_victims(drafts, scans)
    ruler = _briefing_ruler(scans)
    for draft in drafts:
        if ruler and draft.actor is None and draft.measure not in _NOT_A_RULERS:
            draft.actor = ruler
    _report_period_doer(drafts)
    _political_prisoners_holder(drafts, scans)
    _person_victims(drafts, scans)


def _person_victims(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Ali Musa, who set off the truck bomb, ... The blast killed 12 people': victims with no
    doer take the person the story names as its attack's doer (person_doers.py)."""
    victims = [d for d in drafts if d.actor is None and d.measure in _HARMED]
    doer = person_doer(scans) if victims else None
    for draft in victims:
        draft.actor = doer


# "Gunmen stormed a village on Saturday night.", "KANO - Suspected jihadists on Sunday attacked":
# a sentence opening on the doers of an attack (roles.tsv: attacker, attack_verb)
# how news hedges the doers of an attack ("suspected gunmen", "presumed JNIM militants")
_DOER_HEDGE = r"(?:suspected|presumed|alleged|armed|heavily\s+armed|unidentified|unknown)"
# a capitalised name of up to five words ("ISWAP", "Boko Haram", "Mayi-Mayi Mbulu armed men")
_GROUP_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}"


@cache
def _attack_opening(named_group: bool = False) -> re.Pattern[str]:
    doers = "|".join(sorted(map(re.escape, role_words("attacker")), key=len, reverse=True))
    verbs = "|".join(
        sorted((r"\s+".join(map(re.escape, v.split())) for v in role_words("attack_verb")),
               key=len, reverse=True)
    )
    return re.compile(
        r"^(?:[A-Z][A-Z .,'’()-]{2,40}?\s[-–—]{1,2}\s+)?"
        # "On Sunday evening, terrorists opened fire", "Police said gunmen stormed"
        r"(?:(?i:(?:late\s+|early\s+|shortly\s+)?(?:on|in|at|after|before))(?:\s+[\w'’-]+){1,4},\s+)?"
        rf"(?:(?:[\w'’-]+\s+){{1,3}}?(?i:{reporting_verbs(present=('say',))}|say)\s+(?:that\s+)?)?"
        # "a group of five suspected dahalo militia attacked": the doers counted as a group
        r"(?i:(?:a|an)\s+(?:group|band|gang)\s+of\s+(?:[\w-]+\s+)?)?"
        rf"(?i:{_DOER_HEDGE}\s+)?"
        # their people or place in capitals ("Murle youth"), or one word in lower case
        # ("dahalo militia", a name some writers keep in lower case)
        rf"(?P<name>(?:[A-Z][\w'’-]*\s+){{0,3}}?|(?!(?:{'|'.join(sorted(_NOT_A_NAME))})\s)"
        r"[a-z][\w'’-]+\s+)"
        rf"(?i:{_DOER_HEDGE}\s+)?"
        # "On 10 April 2021, ISWAP attacked": a named group as the doers, with no kind word
        # "Unidentified forces fired rockets": forces no one names are doers by their kind
        rf"(?P<kind>(?i:{doers}|(?<=unidentified\s)forces|(?<=unknown\s)forces)"
        rf"{'|' + _GROUP_NAME if named_group else ''})"
        # "Gangs led by Jimmy Cherizier stormed", "gunmen loyal to a warlord attacked"
        r"(?:\s+(?i:led\s+by|loyal\s+to|linked\s+to|allied\s+to)(?:\s+[\w'’.,-]+){1,6}?)?"
        # "militants in cars and on motorcycles attacked", "gunmen on motorbikes stormed"
        r"(?:\s+(?i:in|on|aboard|riding)(?:\s+[\w'’,-]+){1,5}?)?"
        r"(?:\s+(?i:on|late\s+on|early\s+on)\s+\w+(?:\s+(?:night|morning|evening))?)?"
        rf"\s+(?i:have\s+|had\s+)?(?i:{verbs})\b"
    )


_TOLD_BEFORE = 2  # sentences before a toll that may tell its attackers


def _attackers_told_before(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Gunmen stormed a village on Saturday night. ... Twenty-three people were killed': victims
    of the attack a sentence just before told (same or previous paragraph), told without a time
    of their own, take its doers."""
    members = role_words("member") - {"other"}
    position = {id(scan): i for i, scan in enumerate(scans)}
    for draft in drafts:
        if (
            draft.actor is not None
            or not (draft.measure in _VIOLENT or _violent_other(draft))
            or draft.measure is Measure.ATTACKS
            or draft.counted_head in members
            or draft.time is not None
        ):
            continue  # a toll with its own time ("Last year, 240 died") is of another event
        here = position[id(draft.scan)]
        for scan in reversed(scans[max(0, here - _TOLD_BEFORE) : here]):
            if scan.sentence.paragraph < draft.scan.sentence.paragraph - 1:
                break
            opening = _attack_opening().match(scan.sentence.text.strip())
            if opening is None:
                group = _group_opening(scan.sentence.text.strip())
                if group is not None:
                    draft.actor = group
                    break
                means = _group_means(scan)
                if means is None:
                    continue
                draft.actor = means
                break
            named = [a for a in find_actors(opening.group()) if a.kind == "armed_group"]
            draft.actor = named[0].canonical if named else _doers_named(opening)
            break


def _group_opening(text: str) -> str | None:
    """The armed group a sentence opens on as the doer of an attack with no kind word after its
    name ('On 10 April 2021, ISWAP attacked an army base'); None when the name is no known group."""
    opening = _attack_opening(named_group=True).match(text)
    if opening is None:
        return None
    named = [a for a in find_actors(opening["kind"]) if a.kind == "armed_group"]
    return named[0].canonical if named else None


# capitalised words before the doers that are no part of their name ("The gunmen", "Some raiders")
_NOT_A_NAME = frozenset({"the", "a", "an", "some", "several", "many", "dozens", "hundreds", "two",
                         "three", "four", "five", "armed", "suspected", "unknown", "unidentified"})


def _doers_named(opening: re.Match[str]) -> str:
    """The doers as told: their kind, with the name of their people or place before it ("Murle
    youth", "Fulani herders"); the kind alone when none is told ("gunmen")."""
    words = [w for w in opening["name"].split() if w.lower() not in _NOT_A_NAME]
    return " ".join([*words, opening["kind"].lower()])


# "an ISWAP car bomb", "a Taliban attack", "the IRA's bombing": a group named as the maker of an
# attack or of its weapon (roles.tsv: means), up to two lower-case words between
@cache
def _means_after_group() -> re.Pattern[str]:
    means = "|".join(
        sorted((r"\s+".join(map(re.escape, m.split())) for m in role_words("means")),
               key=len, reverse=True)
    )
    return re.compile(rf"^(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{means})\b")


def _group_means(scan: Scan) -> str | None:
    """The armed group a sentence names as the maker of an attack or its weapon ('On Friday an
    ISWAP car bomb exploded at the market'), never one named only as another's parent."""
    for actor in scan.actors:
        if (
            actor.kind == "armed_group"
            and not _parent_only(scan, actor)
            and _means_after_group().match(scan.text_between(actor.end, actor.end + 40))
            and not _NEGATED.search(scan.text_between(actor.start - 30, actor.start))
        ):
            return actor.canonical
    return None


# "... were killed in the attack", "died in the same bombing": a toll of the attack told before
_IN_THAT_ATTACK = re.compile(
    r"^[^.;]{0,80}?\b(?:in|during|from|by)\s+the\s+(?:same\s+)?(?:attack|bombing|raid|assault"
    r"|ambush|blast|explosion|shooting)\b",
    re.IGNORECASE,
)


def _victims_of_that_attack(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Two engineers were killed in an attack by al-Qaeda-linked militants. Over 50 people were
    killed in the attack': a toll of "the attack" with no doer of its own, told within two
    sentences (same or previous paragraph) after a toll whose doer is known, is that doer's."""
    position = {id(scan): i for i, scan in enumerate(scans)}
    for draft in _doerless_tolls(drafts, _IN_THAT_ATTACK):
        if draft.time is not None:
            continue
        here = position[id(draft.scan)]
        told = [
            d for d in _tolls_with_doers_before(draft, drafts, position)
            if d.measure in _HARMED and d.quantity.start < draft.quantity.start
        ]
        if told:
            draft.actor = told[-1].actor
        else:
            # "Armed men attacked the prison on Tuesday night. ... Two guards were killed
            # during the attack": the doers of the attack the story opened with
            draft.actor = _doers_of_opening(scans[:here])


def _doers_of_opening(scans: Sequence[Scan]) -> str | None:
    """The doers of the latest sentence among ``scans`` that opens on an attack ('Armed men
    attacked the prison', 'On Monday, ISWAP attacked the base')."""
    for scan in reversed(scans):
        text = scan.sentence.text.strip()
        opening = _attack_opening().match(text)
        if opening is not None:
            named = [a for a in find_actors(opening.group()) if a.kind == "armed_group"]
            return named[0].canonical if named else _doers_named(opening)
        group = _group_opening(text)
        if group is not None:
            return group
    return None


# "Four other team members were also abducted": more victims of the harm just told
_ALSO_HARMED = re.compile(r"^[^.;]{0,60}?\b(?:were|was|have been|had been)\s+also\b", re.I)


def _also_harmed(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Two aid workers were abducted by gunmen. Four other team members were also abducted': a
    toll told as also harmed, with no doer of its own, takes the doer of the toll of the same
    measure told within two sentences before (same or previous paragraph)."""
    position = {id(scan): i for i, scan in enumerate(scans)}
    for draft in _doerless_tolls(drafts, _ALSO_HARMED):
        told = [
            d for d in _tolls_with_doers_before(draft, drafts, position)
            if d.measure is draft.measure
        ]
        if told:
            draft.actor = told[-1].actor


def _doerless_tolls(drafts: Sequence[Draft], cue: re.Pattern[str]) -> Iterator[Draft]:
    """The tolls of harm with no doer of their own whose words after the number match ``cue``
    (checked as each is reached, so a doer given to an earlier one counts)."""
    for draft in drafts:
        if draft.actor is None and draft.measure in _HARMED and cue.match(
            draft.scan.text_between(draft.quantity.end, draft.scan.sentence.end)
        ):
            yield draft


def _tolls_with_doers_before(
    draft: Draft, drafts: Sequence[Draft], position: dict[int, int]
) -> list[Draft]:
    """The drafts with a doer told in the _TOLD_BEFORE sentences before ``draft``'s, in the same
    or the previous paragraph (``position``: each scan's index in the story)."""
    here = position[id(draft.scan)]
    return [
        d for d in drafts
        if d.actor is not None
        and 0 < here - position[id(d.scan)] <= _TOLD_BEFORE
        and d.scan.sentence.paragraph >= draft.scan.sentence.paragraph - 1
    ]


# "killing the three on the spot", "all five were wounded": a number told as the people counted
# just before, no noun of its own
_THE_COUNT = re.compile(r"\b(?:the|all|those|these)\s+$", re.IGNORECASE)


def _the_same_count(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Three militants tried to plant a bomb ... killing the three on the spot': a number told
    with no noun after 'the' is the same people as the count of that number told just before
    (same or previous paragraph), and takes its actor."""
    position = {id(scan): i for i, scan in enumerate(scans)}
    for draft in drafts:
        q = draft.quantity
        if (
            draft.actor is not None
            or draft.counted is not None
            or not _THE_COUNT.search(draft.scan.text_between(q.start - 8, q.start))
        ):
            continue
        here = position[id(draft.scan)]
        earlier = [
            d
            for d in drafts
            if d is not draft
            and d.actor is not None
            and d.counted is not None
            and here - _TOLD_BEFORE <= position[id(d.scan)] <= here
            and d.quantity.start < q.start
            and (d.quantity.low, d.quantity.high) == (q.low, q.high)
            and d.scan.sentence.paragraph >= draft.scan.sentence.paragraph - 1
        ]
        if earlier:
            draft.actor = earlier[-1].actor


def _side_fought_before(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Troops clashed with Abu Sayyaf militants on Sunday. Five soldiers were killed in the
    fighting': victims of a fight told just before (same or previous paragraph) take the armed
    group it was fought with; a state force's people ('Five soldiers were killed') need no word
    of the fight."""
    position = {id(scan): i for i, scan in enumerate(scans)}
    for draft in drafts:
        if draft.actor is not None or draft.measure not in _HARMED:
            continue
        told = _THE_FIGHT.search(draft.scan.sentence.text) or (
            # "Last year, 40 soldiers died": a toll with a time of its own is another event's
            draft.counted_head in role_words("personnel") and draft.time is None
        )
        # "Troops clashed with ISWAP fighters at Dikwa. At least six civilians were killed":
        # any toll told right after the fight, with no time of its own, is of that fight
        if told and draft.measure in {Measure.KILLED, Measure.INJURED}:
            reach = _TOLD_BEFORE
        else:
            reach = 1 if draft.time is None else 0
        here = position[id(draft.scan)]
        for scan in reversed(scans[max(0, here - reach) : here]):
            if scan.sentence.paragraph < draft.scan.sentence.paragraph - 1:
                break
            cue = _FOUGHT_WITH.search(scan.sentence.text) or _CLASHED_WITH.search(
                scan.sentence.text
            )
            if cue is None:
                continue
            start = scan.sentence.start + cue.end()
            after = [a for a in scan.actors if a.start >= start and a.kind == "armed_group"]
            if after:
                draft.actor = min(after, key=lambda a: a.start).canonical
            elif kind := _DOER_KIND.search(scan.text_between(start, start + 40)):
                draft.actor = kind.group(1).lower()  # "engaged the militants in a firefight"
            break


_A_FIGHT = re.compile(
    r"\b(?:encounter|clash(?:es)?|gunfight|firefight|gun battle|exchange of fire|fighting)\b",
    re.IGNORECASE,
)


def _side_fought_beside(drafts: Sequence[Draft]) -> None:
    """'Two soldiers and three militants were killed in an encounter': the victims of a fight
    whose other side is counted in the same sentence take that side's group."""
    fighters = role_words("member") | _group_words()
    for draft in drafts:
        if (
            draft.actor is not None
            or draft.measure not in {Measure.KILLED, Measure.INJURED}
            or draft.counted_head in fighters
            or not _A_FIGHT.search(draft.scan.sentence.text)
        ):
            continue
        sides = {
            d.actor
            for d in drafts
            if d.scan is draft.scan and d.actor and d.counted_head in fighters
        }
        if len(sides) == 1:
            draft.actor = sides.pop()


def _most_caused_by(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'OHCHR recorded 1,300 civilian casualties: 300 killed and 1,000 injured. Most of the
    casualties were caused by Russian armed forces': the tolls told just before or after (same
    or next paragraph, no party of their own) take the one party said to have caused most or
    all of them."""
    position = {id(scan): i for i, scan in enumerate(scans)}
    for i, scan in enumerate(scans):
        doers = [
            a
            for a in scan.actors
            if a.kind in _PARTY_KINDS
            and _MOST_CAUSED.search(scan.text_between(scan.sentence.start, a.start))
        ]
        if len({a.canonical for a in doers}) != 1:
            continue
        span = _referred_period(drafts, position, i)
        for draft in drafts:
            here = position[id(draft.scan)]
            if draft.actor is None and _a_toll(draft) and (
                # the same paragraph, or the next (a wire story's one-sentence paragraphs), but
                # not a running total of a longer time told there
                (abs(i - here) <= _TOLD_BEFORE
                 and abs(scan.sentence.paragraph - draft.scan.sentence.paragraph) <= 1
                 and (span is None or draft.period[0] is None or _within(draft.period, span)))
                or _within(draft.period, span)
            ):
                draft.actor = doers[0].canonical


# "political prisoners", "politically motivated detentions", "political imprisonment"
_POLITICAL_DETENTION = re.compile(r"\bpolitical(?:ly motivated)?\s+(?:prisoner|detention|imprison)")
# "Belarusian authorities", "Iranian authorities": the state that holds them, as written
_NATIONAL_AUTHORITIES = re.compile(r"\b[A-Z][a-z]+(?:n|an|ian|ese|i|ish)\s+authorities\b")
_HOLDER_MEASURES = frozenset({Measure.HELD, Measure.DETAINED, Measure.OTHER})


def _political_prisoners_holder(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Belarusian authorities held 1,112 political prisoners ... 65 were freed ... 34
    journalists': in a report on political prisoners, the counts of those held, detained, freed
    or dead in custody with no party of their own take the state the report names as holding
    them (SCHEMA: the perpetrator of the detentions; a prisoner belongs to no group)."""
    if not any(_POLITICAL_DETENTION.search(scan.sentence.text) for scan in scans):
        return
    holder = next(
        (m.group(0) for scan in scans for m in _NATIONAL_AUTHORITIES.finditer(scan.sentence.text)),
        None,
    )
    if holder is None:
        return
    for draft in drafts:
        if draft.actor is None and (
            draft.measure in _HOLDER_MEASURES
            or (draft.measure is Measure.KILLED and "custody" in draft.scan.sentence.text)
        ):
            draft.actor = holder


_REPORT_DAYS = 27  # a report's period: a month (February's 28 days) or longer


def _report_period_doer(drafts: Sequence[Draft]) -> None:
    """'Gang violence killed at least 1,217 people between July and September ... a further 433
    people were injured and 367 were kidnapped over the period': a toll of a report's period
    with no doer of its own takes the doer of the report's first toll of that same period (a
    month or longer: a week's tolls are often of several incidents), when that first toll has
    one (not the doer of a part told after it: 'nearly 300 killed or injured by snipers')."""
    first: dict[tuple[date | None, date | None], str | None] = {}
    for draft in drafts:
        start, end = draft.period
        if not _a_toll(draft) or start is None or end is None or (
            (end - start).days < _REPORT_DAYS
        ):
            continue
        if draft.period not in first:
            first[draft.period] = draft.actor
        elif draft.actor is None:
            draft.actor = first[draft.period]


def _a_toll(draft: Draft) -> bool:
    """A count of victims or attacks (SCHEMA: these take the perpetrator)."""
    return (
        draft.measure in _VIOLENT or _violent_other(draft) or "casualt" in (draft.counted or "")
    )


def _referred_period(
    drafts: Sequence[Draft], position: dict[int, int], at: int
) -> tuple[date, date] | None:
    """The period of the tolls 'most of the casualties' refers back to: that of the last toll
    told before its sentence, when it is longer than a day (a monthly update's month; an
    incident's day is left to the tolls around the sentence)."""
    before = [d for d in drafts if position[id(d.scan)] < at and _a_toll(d)]
    if not before:
        return None
    start, end = before[-1].period
    if start is None or end is None or start == end:
        return None
    return start, end


def _within(period: tuple[date | None, date | None], span: tuple[date, date] | None) -> bool:
    """Whether a toll's period lies in ``span`` (the month's tolls, not the war's running
    total since its start nor the month before)."""
    start, end = period
    return span is not None and start is not None and end is not None and (
        span[0] <= start and end <= span[1]
    )


# a community named by the places attacked: "an Adara settlement", "Berom villages", "settlements
# of the Fulani"
_COMMUNITY_PLACES = r"(?:settlements?|villages?|communit(?:y|ies)|hamlets?|homes)"
_COMMUNITY = (
    rf"(?:(?:an?|the)\s+)?(?:(?P<{{0}}>[A-Z][a-z]+)\s+{_COMMUNITY_PLACES}"
    rf"|{_COMMUNITY_PLACES}\s+of\s+(?:the\s+)?(?P<{{0}}_of>[A-Z][a-z]+))\b"
)
# what every pattern below holds (searched first: the third starts at any word)
_COMMUNITY_PLACE_WORD = re.compile(r"settlement|village|communit|hamlet|homes")
# "an attack on an Adara settlement named Ungwar Bardi by suspected Fulani gunmen", "a reprisal
# attack by an Adara militia targeted settlements of the Fulani", "gunmen attacked Berom villages"
_COMMUNITY_ATTACKED = (
    re.compile(
        r"\battacks?\s+(?:on|against)\s+" + _COMMUNITY.format("target")
        + r"[^.;]{0,40}?\bby\s+(?P<doer>[\w'’-]+(?:\s+[\w'’-]+){0,3})"
    ),
    re.compile(
        r"\battacks?\s+by\s+(?P<doer>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+"
        r"(?:targeted|hit|struck|on|against|in)\s+" + _COMMUNITY.format("target")
    ),
    re.compile(
        r"(?P<doer>(?:[\w'’-]+\s+){1,3}?)(?:attacked|raided|stormed|burned|torched|invaded)\s+"
        + _COMMUNITY.format("target")
    ),
)


def _community_victims(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'An attack on an Adara settlement by suspected Fulani gunmen ... A reprisal attack by an
    Adara militia targeted settlements of the Fulani ... 11 Adara and 130 Fulani died': victims
    counted by their community take the doer of the attack the story says was made on it."""
    doers: dict[str, str] = {}
    for scan in scans:
        if not _COMMUNITY_PLACE_WORD.search(scan.sentence.text):
            continue  # every pattern names the places attacked
        for pattern in _COMMUNITY_ATTACKED:
            for match in pattern.finditer(scan.sentence.text):
                target = match["target"] or match["target_of"]
                doer = _doer_phrase(match["doer"])
                if doer and target.lower() not in doer.lower().split():
                    doers.setdefault(target, doer)
    if not doers:
        return
    for draft in drafts:
        community = (draft.counted or "").split(" ")[0]
        if draft.actor is None and draft.measure in _HARMED and community in doers:
            draft.actor = doers[community]


def _doer_phrase(text: str) -> str | None:
    """The doer that opens a phrase: a named armed group, else words up to a kind of group
    without article or hedge ('suspected Fulani gunmen targeted' -> 'Fulani gunmen')."""
    named = [a for a in find_actors(text) if a.kind in _PARTY_KINDS]
    if named and named[0].start < 20:
        return named[0].canonical
    words = [w for w in text.split() if w.lower() not in _HEDGES | {"a", "an"}]
    doers = role_words("perpetrator") - {"group", "party"}
    for i, word in enumerate(words[:3]):
        lemma = word.lower()
        forms = {lemma, lemma.removesuffix("s"), re.sub("men$", "man", lemma)}
        if _group_noun(word) is not None or forms & doers:
            return " ".join(words[: i + 1])
    return None


# "the US drone programme", "US air attacks", "Russian air strikes": a nation's strikes
_NATION_STRIKES = re.compile(
    r"\b(U\.S\.|US|UK|[A-Z][a-z]+)(?:['’]s?)?\s+(?:(?:air|drone|missile|rocket)\s+)?"
    r"(?:strikes|airstrikes|air\s+strikes|air\s+attacks|air\s+raids|bombardments?|programme"
    r"|program|campaign)\b"
)
_STRIKE_WORD = re.compile(
    r"\b(?:air\s?strikes?|drone\s+strikes?|strikes|drones?|bombardment|air\s+(?:attacks|raids))\b",
    re.IGNORECASE,
)
_STRIKE_HEADS = frozenset({"strike", "strikes", "airstrike", "airstrikes", "air strike"})


def _striker(scans: Sequence[Scan]) -> str | None:
    """The one state force a story names as the doer of strikes ('the US drone programme',
    'US air attacks'), in a story that names no armed group's attacks."""
    forces = set()
    for scan in scans:
        if _group_means(scan):
            return None
        for match in _NATION_STRIKES.finditer(scan.sentence.text):
            for word in _FORCE_WORDS:
                name = f"{match.group(1)} {word}"
                if actor_kind(name) == "state_force":
                    forces.add(canonical_actor(name))
                    break
    return forces.pop() if len(forces) == 1 else None


def _striker_victims(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Obama embraced the US drone programme ... A total of 563 strikes targeted Pakistan ...
    Between 384 and 807 civilians were killed in those countries': in a story on one state's
    strikes, strikes with no target group and the tolls told with them (in their sentence or the
    one before) are that state's forces'."""
    striker = _striker(scans)
    if striker is None:
        return
    position = {id(scan): i for i, scan in enumerate(scans)}
    for draft in drafts:
        scan, q = draft.scan, draft.quantity
        if draft.measure is Measure.OPERATIONS and draft.counted_head in _STRIKE_HEADS:
            target = _AGAINST.search(scan.text_between(q.end, scan.sentence.end))
            groups = [a for a in scan.actors if a.kind == "armed_group"]
            if not groups and not (target and find_actors(target.group(1))):
                draft.actor = striker
            continue
        if draft.actor is not None or not (
            draft.measure in {Measure.KILLED, Measure.INJURED} or _casualties(draft)
        ):
            continue
        here = position[id(scan)]
        told = [scan] + ([scans[here - 1]] if here > 0 else [])
        if any(_STRIKE_WORD.search(s.sentence.text) for s in told):
            draft.actor = striker


def _only_force(scans: Sequence[Scan]) -> str | None:
    """The one state force a story names (its troops are that force's), else None."""
    forces = {a.canonical for s in scans for a in s.actors if a.kind == "state_force"}
    groups = [a for s in scans for a in s.actors if a.kind == "armed_group"]
    return forces.pop() if len(forces) == 1 and not groups else None


def _they_did_it(draft: Draft) -> bool:
    """'They abducted 23 students', 'They also ... freed 3,000 inmates': the doer of the counted
    act is 'they', who are told in the sentence before (never 'they said')."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return False
    if draft.measure not in _VIOLENT and draft.measure is not Measure.OTHER:
        return False
    noun = counted_noun(scan.parse.doc[draft.token])
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    for _ in range(3):  # "abducted 23 students and killed 4 guards": the first verb's subject
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            break
        verb = verb.head
    return (
        subject is not None
        and subject.lower_ == "they"
        and verb.lemma_.lower() not in reporting_lemmas()
    )


def _doer_told(text: str) -> str | None:
    """The doer a sentence tells by its kind: 'the gang attacks' -> gangs, 'gunmen raided'."""
    act = _modifier_perpetrator(text)
    if act:
        return act
    named = [a for a in find_actors(text) if a.kind == "armed_group"]
    if named:
        return named[0].canonical
    kind = _DOER_KIND.search(text)
    return kind.group(1).lower() if kind else None


def _briefing_ruler(scans: Sequence[Scan]) -> str | None:
    """The ruling force a report counts the acts of ('killed by the junta', 'junta forces
    arrested him'): named as the doer twice or more, while no other party is named twice. A
    report on many gangs or on several warring sides has no such party."""
    text = "\n".join(s.sentence.text for s in scans)
    doers = ((m.group(1) or m.group(2)).lower() for m in _RULER_ACTS.finditer(text))
    named = Counter(doer for doer in doers if doer in _rulers())
    if len(named) != 1:
        return None
    ((ruler, acts),) = named.items()
    mentions = len(re.findall(rf"\b{ruler}\b", text, re.IGNORECASE))
    others = Counter(
        a.canonical for s in scans for a in s.actors if a.kind in _PARTY_KINDS
    ) + Counter(m.group(1).lower().rstrip("s") for m in _KIND_WORD.finditer(text))
    rivals = [name for name, count in others.items() if count >= 2 and name != ruler]
    return ruler if acts >= 1 and mentions >= 2 and not rivals else None


@cache
def _rulers() -> frozenset[str]:
    return role_words("ruler")


def _share_perpetrators(
    drafts: Sequence[Draft], scans: Sequence[Scan], claimant: str | None
) -> None:
    """Victims of one incident share its perpetrator: a toll without one takes that of another
    toll of the same day, else the party the story says claimed or is blamed for the attack."""
    members = role_words("member") - {"other"}  # "8 others were wounded" are victims too
    tolls = [
        d
        for d in drafts
        if (d.measure in _VIOLENT or _violent_other(d))
        # "four other team members were also abducted": members of no group are victims
        and (d.counted_head not in members or _civilians_named(d.counted))
    ]
    following = {id(a): b for a, b in pairwise(scans)}
    for draft in tolls:
        day = draft.period[0] if _one_incident(draft.period) else None
        if draft.actor is not None and (not _title_line(draft.scan) or day is None):
            continue
        same_day = [
            d
            for d in tolls
            if d.actor
            and day
            and d.period == draft.period
            and (draft.actor is None or not _title_line(d.scan))
        ]
        if same_day:
            # the body's wording over the headline's ("terrorists open fire" in a title)
            draft.actor = min(same_day, key=lambda d: _title_line(d.scan)).actor
        elif (
            draft.actor is None
            and claimant
            and (day or draft.period == (None, None))
            # "There was no immediate claim of responsibility for that blast"
            and not _left_unclaimed(draft.scan, following.get(id(draft.scan)), claimant)
        ):
            draft.actor = claimant


_INCIDENT_DAYS = 2  # "over the weekend", "on Friday and Saturday": one incident's days


def _one_incident(period: tuple[date | None, date | None]) -> bool:
    """Whether a toll's period is one incident's: a day, or a weekend's two ('At least 32
    people were killed over the weekend'), not a month's or a year's."""
    start, end = period
    return start is not None and end is not None and (end - start).days < _INCIDENT_DAYS


# "There was no immediate claim of responsibility for that blast", "No group has claimed it"
_NO_CLAIM = re.compile(
    r"\bno\s+(?:immediate\s+)?claim\b|\bno\s+(?:one|group)\s+(?:has\s+|had\s+)?(?:yet\s+)?"
    r"claimed\b|\bnot\s+(?:yet\s+)?been\s+claimed\b",
    re.IGNORECASE,
)


def says_unclaimed(text: str) -> bool:
    """Whether a sentence says no one claimed its attack ('There was no immediate claim')."""
    return _NO_CLAIM.search(text) is not None


def _left_unclaimed(scan: Scan, after: Scan | None, claimant: str) -> bool:
    """A toll whose sentence, or the sentence after it, says no one claimed its attack: the
    claim a story tells of another attack is not its. One that blames the group all the same
    ('No group has claimed it, but suspicion fell on the Pakistani Taliban') leaves it."""
    return any(
        s is not None
        and _NO_CLAIM.search(s.sentence.text)
        and claimant not in {a.canonical for a in s.actors}
        for s in (scan, after)
    )


_OF_THEM = re.compile(r"^\s+of\s+them\b", re.IGNORECASE)


def _of_the_attackers(draft: Draft) -> bool:
    """'the troops repelled the attackers and killed 15 of them': a count of a pronoun whose
    nearest plural noun before it names the attacking side."""
    scan, q = draft.scan, draft.quantity
    if scan.parse is None or draft.token < 0:
        return False
    if not _OF_THEM.match(scan.text_between(q.end, q.end + 12)):
        return False
    nouns = [t for t in scan.parse if t.i < draft.token and t.tag_ == "NNS"]
    return bool(nouns) and nouns[-1].lemma_.lower() in role_words("attacking_side")


# "Of those, 1,554 were killed", "Among them, 12 children": a sentence breaking down the count
# of the sentence before
_OF_THOSE = re.compile(r"^\W*(?:of|among)\s+(?:those|them|these|whom|the\s+\w+)\s*,", re.I)


def _parts_of_those(drafts: Sequence[Draft]) -> None:
    """'At least 2,505 people were killed or injured in gang violence ... Of those, 1,554 were
    killed and 951 injured': parts of a count told just before share its actor; so do the
    people a count includes ('Three people were killed, including two aid workers')."""
    for before, draft in pairwise(drafts):  # in order: the second part follows the first
        if (
            draft.actor is None
            and before.actor is not None
            and _OF_THOSE.match(draft.scan.sentence.text)
            and draft.scan.sentence.paragraph - before.scan.sentence.paragraph <= 1
        ):
            draft.actor = before.actor
    _of_the_harmed(drafts)
    included: set[int] = set()  # drafts that are parts a count includes
    for before, draft in pairwise(drafts):
        if draft.scan is not before.scan or draft.measure is not before.measure:
            continue
        gap = draft.scan.text_between(before.quantity.end, draft.quantity.start)
        if _INCLUDING_BEFORE.search(gap):
            included.add(id(draft))
        elif id(before) in included and _NEXT_ITEM.match(gap):
            included.add(id(draft))  # "including 2 boys and 11 LUCHA activists"
        else:
            continue
        if draft.actor is None and before.actor is not None:
            draft.actor = before.actor  # "Three people were killed, including two aid workers"


# "two of the fatalities were guards", "three of the injured": a part of the harmed told before
_OF_THE_HARMED = re.compile(
    r"^\s+of\s+(?:the|those|these)\s+(?:dead|fatalities|victims|injured|wounded|casualties"
    r"|killed|deceased)\b",
    re.IGNORECASE,
)


def _of_the_harmed(drafts: Sequence[Draft]) -> None:
    """'Nine staff were killed by gunmen. ... two of the fatalities were guards, two were drivers
    and five were aid workers': parts of the harmed told before, and the items of the breakdown
    after them in their sentence, take the doer of the toll told before (same or previous
    paragraph)."""
    for i, draft in enumerate(drafts):
        q = draft.quantity
        if draft.actor is not None or not _OF_THE_HARMED.match(
            draft.scan.text_between(q.end, q.end + 30)
        ):
            continue
        told = [
            d for d in drafts[:i]
            if d.actor is not None
            and d.measure in _HARMED
            and d.scan.sentence.paragraph >= draft.scan.sentence.paragraph - 1
        ]
        if not told:
            continue
        for part in drafts[i:]:
            if part.scan is not draft.scan or part.measure is not draft.measure:
                break
            if part.actor is None:
                part.actor = told[-1].actor


# the gap between two items of a list ("2 boys and 11 activists", "4 women, 3 children")
_NEXT_ITEM = re.compile(r"^[\w\s'’-]{0,40}?(?:,|\band)\s+$")


# the gap between a count and a part it includes ("killed, including", "wounded, among them")
_INCLUDING_BEFORE = re.compile(
    r"^[^.;]{0,60}\b(?:including|among them|among whom|of whom)\s+$", re.IGNORECASE
)


def _title_line(scan: Scan) -> bool:
    """Whether a sentence is the story's title: its first line, with no full stop closing it (a
    lead opening on a dateline is told in full sentences)."""
    text = scan.sentence.text.rstrip()
    return scan.sentence.paragraph == 0 and not text.endswith((".", '."', ".”"))


def _claimant_over_kind(
    drafts: Sequence[Draft], scans: Sequence[Scan], claim: tuple[Scan, str] | None
) -> None:
    """'Suspected jihadists killed 40 villagers ... JNIM later claimed the attack': a figure whose
    doer is told only by its kind ('jihadists', 'gunmen') takes the group that claimed the attack
    (or is blamed for it), for figures of the incident's day or of no stated day, and those of
    the sentence right before the claim ('32 people were killed over the weekend when armed men
    stormed the town. The attack was blamed on the Gran Grif gang')."""
    if claim is None:
        return
    told, claimant = claim
    before = {id(b): a for a, b in pairwise(scans)}.get(id(told))
    replaced: set[str] = set()
    days = Counter(
        d.period
        for d in drafts
        if d.measure in _VIOLENT and d.period[0] is not None and d.period[0] == d.period[1]
    )
    incident = days.most_common(1)[0][0] if days else None
    for draft in drafts:
        if draft.actor is None or not kind_only(draft.actor):
            continue
        if any(d.scan is told and d.period != draft.period for d in drafts):
            continue  # "Last month, ISWAP claimed an attack that killed 20": another attack
        if draft.scan is told or draft.scan is before or draft.period in {(None, None), incident}:
            replaced.add(draft.actor)
            draft.actor = claimant
    for draft in drafts:
        if draft.actor in replaced:
            draft.actor = claimant  # the tolls that shared those doers (_share_perpetrators)


def kind_only(name: str) -> bool:
    """'jihadists', 'suspected militants', 'gunmen': a kind of armed group, no group's name."""
    words = name.lower().split()
    if not words or actor_kind(name) is not None:
        return False
    last = words[-1]
    forms = {last, last.removesuffix("s"), last[:-3] + "man" if last.endswith("men") else last}
    kinds = _group_words() | {"attacker", "assailant", "fighter", "man", "bomber"}
    return bool(forms & kinds) and len(words) <= 3


def _claimant(scans: Sequence[Scan]) -> str | None:
    """The armed group a story says claimed or is blamed for the attack ('IS claimed it')."""
    found = _claim(scans)
    return found[1] if found else None


def _claim(scans: Sequence[Scan]) -> tuple[Scan, str] | None:
    """The sentence that tells the claim and the armed group that claims: a group's own claim
    first ('initial reports said X was responsible; the ELN later claimed responsibility')."""
    return _own_claim(scans) or _told_claim(scans)


# a group saying it did the attack, not others saying so: "claimed responsibility", "a statement
# claiming responsibility", "took credit"
_OWN_CLAIM = re.compile(
    r"\b(?:claim(?:ed|ing|s)?|accept(?:ed|ing|s)?|admit(?:ted|ting|s)?|assum(?:ed|ing|es))"
    r"\s+(?:(?:full|sole)\s+)?responsibility\b|\b(?:took|taking|takes)\s+credit\b",
    re.IGNORECASE,
)


def _own_claim(scans: Sequence[Scan]) -> tuple[Scan, str] | None:
    """The group nearest before a claim of responsibility in its sentence (the claimant is told
    before its claim: 'the ELN released a statement claiming responsibility')."""
    for scan in scans:
        text = scan.sentence.text
        if not _may_claim(text):
            continue
        for cue in _OWN_CLAIM.finditer(text):
            if _NEGATED.search(text[max(0, cue.start() - 40) : cue.start()]):
                continue
            start = scan.sentence.start + cue.start()
            groups = [
                a for a in scan.actors
                if a.kind == "armed_group" and a.end <= start and not _parent_only(scan, a)
            ]
            if groups:
                return scan, groups[-1].canonical
    return None


def _told_claim(scans: Sequence[Scan]) -> tuple[Scan, str] | None:
    """The first sentence that tells a claim or a blame, and the armed group it names first."""
    for scan in scans:
        text = scan.sentence.text
        for cue in _CLAIM.finditer(text):
            if _NEGATED.search(text[max(0, cue.start() - 40) : cue.start()]):
                continue
            groups = [
                a for a in scan.actors if a.kind == "armed_group" and not _parent_only(scan, a)
            ]
            on = _BLAMED_ON.match(text, cue.end()) if cue.group(0) == "blamed" else None
            if on is not None:
                # "Residents and the AA blamed the strike on the military": who is blamed
                # follows "on"; those before it only blame
                groups = [a for a in groups if a.start >= scan.sentence.start + on.end()]
            if groups:
                return scan, groups[0].canonical
        named = _NAMED_CLAIMANT.search(text) if _may_claim(text) else None
        if named is not None and not find_actors(named["name"]):
            return scan, named["name"]  # a group the actor list lacks, as the story names it
    return None


# "blamed the strike on", "blamed it on": the blamed party follows
_BLAMED_ON = re.compile(r"(?:\s+(?:it|this|them|(?:the|that|this)\s+[\w-]+(?:\s+[\w-]+)?))?\s+on\b")


# "The Revolutionary Armed Forces claimed responsibility": a capitalised name of two or more
# words opening the claim, taken as written when it is no actor the list knows
_NAMED_CLAIMANT = re.compile(
    r"(?:^\W*(?:[Tt]he\s+)?|\b[Tt]he\s+)"
    # (never the article opening the sentence: "The ANC claimed credit" names no "The ANC")
    r"(?!(?:The|A|An)\s)(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*){1,6})"
    r"\s+(?:has\s+|have\s+|had\s+|later\s+|quickly\s+)?"
    r"(?:claimed|accepted|admitted|assumed|acknowledged|confirmed)\s+(?:responsibility|credit)\b"
)


# "the blast was carried out by a people-smuggling gang", "blamed on separatist rebels": the doer
# of the attack told by its kind (roles.tsv: group), with up to two words before it
_BLAMED_KIND = re.compile(
    rf"\b(?:(?:carried out|claimed|perpetrated|committed|staged) by|the work of|{_SUSPECTED_TO_BE}"
    r"|blamed(?:\s+(?:it|this|the\s+[\w-]+(?:\s+[\w-]+)?))?\s+on)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:suspected|alleged|unidentified|unknown)\s+)?"
    r"([\w'’-]+(?:\s+[\w'’-]+){0,2})",
    re.IGNORECASE,
)


def _kind_blamed(scans: Sequence[Scan]) -> str | None:
    """The kind of armed group a story says carried out the attack ('Officials said the blast was
    carried out by a people-smuggling gang'), as written, where no group is named as claiming."""
    for scan in scans:
        text = scan.sentence.text
        for cue in _BLAMED_KIND.finditer(text):
            if _NEGATED.search(text[max(0, cue.start() - 40) : cue.start()]):
                continue
            words = cue.group(1).split()
            kind = next((i for i, w in enumerate(words) if _group_noun(w) is not None), None)
            if kind is not None:
                while kind + 1 < len(words) and _group_noun(words[kind + 1]) is not None:
                    kind += 1  # "separatist rebels"
                return " ".join(words[: kind + 1])
        if not _may_claim(text):
            continue
        for claim in _KIND_CLAIMS.finditer(text):
            words = claim["who"].split()
            while len(words) > 1 and words[-1].lower() in {"have", "has", "had", "later"}:
                words = words[:-1]
            if _group_noun(words[-1]) is None or {w.lower() for w in words} & {"no", "not"}:
                continue
            while len(words) > 1 and (
                words[0].lower() in _HEDGES | {"a", "an"} or not words[0][:1].isalpha()
                or (words[0][:1].isupper() and words[0].lower() in {"but", "and", "later"})
            ):
                words = words[1:]
            return " ".join(words)
    return None


# "the al Qaeda-linked JNIM", "an offshoot of Lashkar-e-Taiba": a group named as another's parent
_LINKED = re.compile(
    r"^-?\s*(?:linked|affiliated|allied|backed|aligned|inspired)\b"
    # "JNIM, al Qaeda's affiliate in the Sahel": the parent in a possessive apposition
    r"|^['’]s\s+(?:[a-z]+\s+)?(?:offshoot|front|affiliate|branch|wing|proxy|faction|splinter)",
    re.I,
)
_PARENT_OF = re.compile(
    r"\b(?:offshoot|front|affiliate|branch|wing|proxy|faction|splinter)s? of (?:the )?$"
    r"|\b(?:linked|affiliated|allied|aligned|loyal) (?:to|with) (?:the )?$",
    re.IGNORECASE,
)


def _parent_only(scan: Scan, actor: ActorMention) -> bool:
    """Whether a group is named only as the parent of the one meant ('al Qaeda-linked JNIM')."""
    before = scan.text_between(max(scan.sentence.start, actor.start - 40), actor.start)
    return bool(
        _LINKED.match(scan.text_between(actor.end, actor.end + 20)) or _PARENT_OF.search(before)
    )


def _dominant_party(scans: Sequence[Scan]) -> str | None:
    counts = Counter(
        a.canonical
        for s in scans
        for a in s.actors
        if a.kind == "armed_group" and not _parent_only(s, a)
    )
    return counts.most_common(1)[0][0] if counts else None


def _actor_for(draft: Draft, dominant: str | None) -> str | None:
    scan, q = draft.scan, draft.quantity
    parties = [
        a
        for a in scan.actors
        if (
            a.kind == "armed_group"
            or (a.kind in _PARTY_KINDS and not _in_attribution(a, _attribution_of(draft), scan))
        )
        and not _RULES_OVER.match(scan.text_between(a.end, a.end + 16))
        and not _parent_only(scan, a)
    ]
    counted_end = q.end + len(draft.counted or "") + 2
    inside = [a for a in parties if q.start <= a.start < counted_end]
    if inside and not _victim_force(draft, inside[0]):
        return inside[0].canonical
    from_group = _doers_from_group(draft, parties)
    if from_group is not None:
        return from_group
    if draft.measure in _UNTIED:
        return None  # "Al Hol camp, which holds families of ISIS fighters, houses 73,000 people"
    if draft.counted_head in role_words("attacking_side") or _of_the_attackers(draft):
        # "Troops killed 21 assailants": the attackers' own dead are their side's, which the
        # story's tolls of that attack name (_share_perpetrators), never those who killed them
        return None
    agent = _agent(draft, parties, dominant)
    if agent:
        return agent
    if draft.measure is Measure.OPERATIONS:
        # operations are counted against a group: "against X", else the story's main armed group
        target = _AGAINST.search(scan.text_between(q.end, scan.sentence.end))
        named = find_actors(target.group(1)) if target else []
        return (
            named[0].canonical
            if named
            else _target_as_written(scan, q.end, target)
            or dominant
            or _preferred(parties, q.start)
            or _aircraft_of(scan.text_between(q.end, scan.sentence.end))
        )
    if draft.counted_head == "victim" and _OF_THE_ATTACK.search(scan.sentence.text):
        return dominant  # "three victims of the attack": the attack the story is about
    members = draft.counted_head in role_words("member") or draft.counted_head in _group_words()
    if members and not _civilians_named(draft.counted) and not _victim_members(draft, parties):
        # members of a group: the armed group named, never the state force that fought them;
        # unnamed, the kind of group counted ("460 gang members" -> gangs)
        groups = [a for a in parties if a.kind == "armed_group"]
        members_of = _MEMBERS_OF.search(scan.text_between(q.end, scan.sentence.end))
        # "100 members of the Afghan National Army were killed": victims, of whoever did it
        victims = members_of is not None and draft.measure in _HARMED and (
            actor_kind(members_of.group(1)) == "state_force"
        )
        return (
            _preferred(groups, q.start)
            or (canonical_actor(members_of.group(1)) if members_of and not victims else None)
            or dominant
            or _group_noun(draft.counted)
        )
    if _violent_other(draft):  # only a doer told as such: "by snipers", "gang violence"
        kind = _agent_kind(scan.text_between(q.end, q.end + _AGENT_REACH))
        return kind.group(1) if kind else _modifier_perpetrator(scan.sentence.text)
    if draft.measure in {Measure.DETAINED, Measure.HELD}:
        return _detainer_subject(draft)
    if draft.measure in _VIOLENT or _casualties(draft):
        before = [
            a for a in parties
            if a.end <= q.start
            and not _targeted(draft, a)
            and not _investigating(scan, a)
            and not _counted_force(draft, a)
            and not _attacked_by_other(draft, a, parties)
            and not _between_rivals(scan, a.start)
        ]
        # "were shot and killed in the early hours of June 2 by unknown assailants": the doers
        # told by their kind anywhere in the toll's clause
        kind = _agent_kind(scan.text_between(q.end, q.end + _AGENT_REACH)) or _doers_by_kind(
            draft
        )
        doer = (
            _preferred(before, q.start)
            or _fought_with(scan, q.end, parties)
            or (kind.group(1) if kind else None)
            or _attack_by(scan.text_between(q.end, scan.sentence.end))
            or _when_attacked(scan.text_between(q.end, scan.sentence.end))
            or _aircraft_of(scan.text_between(q.end, scan.sentence.end))
            or _attack_by_before(scan.text_between(scan.sentence.start, q.start))
            or _subject_perpetrator(draft, parties, dominant)
            or _modifier_perpetrator(scan.sentence.text)
        )
        return None if _own_side(draft, doer) else doer
    return None


def _target_as_written(scan: Scan, offset: int, target: re.Match[str] | None) -> str | None:
    """'14 operations against Gran Grif': a named target our lexicon does not know, as written,
    when it is no place ('strikes against Kharkiv') and is told by 'against' or 'targeting'
    (not 'on', which also opens days: 'raids on Monday')."""
    if target is None or target.group(0).startswith("on"):
        return None
    start = offset + target.start(1)
    end = start + len(target.group(1))
    if any(p.start < end and start < p.end for p in scan.places):
        return None
    return _ARTICLE.sub("", target.group(1))


# a state force told only by its kind ("troops had neutralised ...", "the army said")
_FORCE_KINDS = frozenset(
    {"troops", "soldiers", "army", "military", "security forces", "police", "junta", "regime"}
)


def _own_side(draft: Draft, doer: str | None) -> bool:
    """'14 soldiers had been killed, and troops had neutralised several dozen terrorists': a
    state force's own dead or hurt are victims of the other side (SCHEMA), never of the force
    the sentence names by its kind; the fight's other side is sought later."""
    return (
        doer is not None
        and doer.lower() in _FORCE_KINDS
        and draft.counted_head in role_words("personnel")
    )


# "two suicide bombers from the Islamic State", "five fighters of the PKK": the words between a
# count of doers and the group they come from
_FROM_GROUP = re.compile(r"^[\w\s'’-]{0,40}?\b(?:from|of)\s+(?:the\s+)?$")


def _doers_from_group(draft: Draft, parties: Sequence[ActorMention]) -> str | None:
    """'Two suicide bombers from the Islamic State killed 25 soldiers': doers counted (roles.tsv:
    perpetrator) are of the armed group they are said to come from."""
    if draft.counted_head not in role_words("perpetrator"):
        return None
    scan, q = draft.scan, draft.quantity
    for actor in parties:
        if (
            actor.kind == "armed_group"
            and actor.start >= q.end
            and _FROM_GROUP.match(scan.text_between(q.end, actor.start))
        ):
            return actor.canonical
    return None


_HARMED = frozenset({Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED, Measure.MISSING})
# people displaced, returned or living in a camp: tied to a group only by their own counted phrase
# (SCHEMA: most displacement, returns and camp populations have no actor)
_UNTIED = frozenset({Measure.DISPLACED, Measure.RETURNED, Measure.POPULATION})


def _civilians_named(counted: str | None) -> bool:
    """Whether a member noun is said of civilians ("social leaders", "community leaders")."""
    words = (counted or "").lower().split()
    return any(w in role_words("civilian_modifier") for w in words[:-1])


def _casualties(draft: Draft) -> bool:
    """'2,000 civilian casualties': victims killed or hurt, counted together."""
    return draft.measure is Measure.OTHER and draft.counted_head in {"casualty", "casualties"}


def _victim_force(draft: Draft, named: ActorMention) -> bool:
    """'Six U.S. service members were killed': a state force named as the victims of a harm; the
    figure is about whoever did it (SCHEMA: victims take the perpetrator), not the force."""
    return named.kind == "state_force" and draft.measure in _HARMED


def _counted_force(draft: Draft, named: ActorMention) -> bool:
    """Whether a state force told before a count of victims is itself counted among them ('57
    died, including 9 US soldiers, 3 Canadian nationals'): its people are victims beside the
    others, so it is not the doer of their harm (SCHEMA: victims take the perpetrator)."""
    if not _victim_force(draft, named):
        return False
    last = named.text.split()[-1].lower()
    if not {last, last.removesuffix("s")} & (role_words("personnel") | role_words("member")):
        return False  # "two army drones killed five farmers": a force's means, not its people
    scan = draft.scan
    return any(
        x.end <= named.start and not scan.text_between(x.end, named.start).strip()
        for x in scan.quantities
    )


def _attacked_by_other(
    draft: Draft, named: ActorMention, parties: Sequence[ActorMention]
) -> bool:
    """Whether an armed group is told as the target of another party's attack in one clause
    before the victims ('SPLA-IO fighters ambushed a convoy carrying JEM fighters, killing 35'):
    the toll is the attacker's, not the group's it struck."""
    if named.kind != "armed_group" or draft.measure not in _HARMED:
        return False
    scan = draft.scan
    return any(
        other.end <= named.start
        and other.canonical != named.canonical
        and _ATTACK_VERB.search(clause := scan.text_between(other.end, named.start)) is not None
        and not re.search(r"[,.;:]", clause)
        for other in parties
    )


# an attack told by its verb, between its doer and its target
_ATTACK_VERB = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|ambush(?:ed|es|ing)?|raid(?:ed|ing)?|storm(?:ed|ing)?|struck"
    r"|shell(?:ed|ing)?|overr(?:an|un)|target(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


# "attacks targeting ... a CRPF vehicle", "ambushed an army convoy": a force named as the target
_TARGETED = re.compile(
    r"\b(?:target(?:s|ed|ing)?|against|attack(?:s|ed|ing)?(?:\s+on)?|ambush(?:ed|ing)?|"
    r"raid(?:ed|ing)?|storm(?:ed|ing)?|struck|hit(?:ting)?)\b[^,.;:]{0,50}$",
    re.IGNORECASE,
)


@cache
def _investigates() -> re.Pattern[str]:
    """'French police are hunting a suspect', 'the army is investigating', 'Police recorded 539
    kidnappings': a party followed by a verb of looking for the doers or of counting what they
    did (roles.tsv investigate_verb, record_verb)."""
    forms = []
    for verb in sorted(role_words("investigate_verb") | role_words("record_verb")):
        first, _, rest = verb.partition(" ")
        stem = re.escape(first.removesuffix("e"))
        forms.append(rf"{stem}\w*" + (rf"\s+{re.escape(rest)}" if rest else ""))
    return re.compile(
        r"^\s+(?:(?:are|is|were|was|have|has|had)\s+(?:been\s+)?)?(?:(?:now|still)\s+)?"
        rf"(?:{'|'.join(forms)}|sought)\b",
        re.IGNORECASE,
    )


def _investigating(scan: Scan, named: ActorMention) -> bool:
    """Whether the party is told as looking for the doers, not as one of them."""
    return _investigates().match(scan.text_between(named.end, named.end + 40)) is not None


def _targeted(draft: Draft, named: ActorMention) -> bool:
    """Whether a state force told before a count of victims is told as the target of the attack
    ('grenade attacks targeting a CRPF vehicle, injuring twelve'): the victims' figure is about
    who attacked it."""
    if not _victim_force(draft, named):
        return False
    scan = draft.scan
    return _TARGETED.search(scan.text_between(scan.sentence.start, named.start)) is not None


# "killed ... in an attack by rebel forces", "when a bomb, planted by rebels, exploded": the kind
# of doer of the attack or of its weapon, told later in the sentence of the toll
_ATTACK_BY = re.compile(
    r"\b(?:attacks?|assaults?|ambush(?:es)?|bombings?|raids?|shooting|carried out|planted"
    r"|emplaced|placed|lobbed|hurled|thrown|fired|launched)\b[^.;]{0,40}?\bby (?:the )?"
    r"(?:suspected |unidentified |armed )?(rebel (?:forces|fighters)|rebels|militants|insurgents"
    r"|gunmen|jihadists|terrorists|bandits|attackers|separatists|assailants|militiamen)\b",
    re.IGNORECASE,
)


def _attack_by(text: str) -> str | None:
    """The kind of doer told after the toll, within its clause ('... were killed, and in a separate
    attack by militants ...' is another toll's); the group when one is named there ('in an attack
    by al-Qaeda-linked militants')."""
    end = _NEXT_CLAUSE.search(text)
    clause = text[: end.start()] if end else text
    named = _ATTACK_BY_NAMED.search(clause)
    if named is not None:
        rest = clause[named.end() :]
        groups = [a for a in find_actors(rest) if a.kind == "armed_group"]
        if groups and groups[0].start == 0:
            # "the al-Qaeda-affiliated JNIM": the group affiliated, when it is named
            if len(groups) > 1 and _AFFILIATED.match(rest, groups[0].end):
                return groups[1].canonical
            return groups[0].canonical
    match = _ATTACK_BY.search(clause)
    return match.group(1) if match else None


_AFFILIATED = re.compile(r"-(?:affiliated|linked|allied|aligned|backed|inspired)\s", re.IGNORECASE)
# "in an attack by al-Qaeda in the Islamic Maghreb", "a bombing by the Taliban": the words before
# a group's name
_ATTACK_BY_NAMED = re.compile(
    r"\b(?:attacks?|assaults?|ambush(?:es)?|bombings?|raids?|shooting|carried out|planted)\b"
    r"[^.;]{0,40}?\bby (?:the )?(?:suspected |alleged |presumed )?",
    re.IGNORECASE,
)


# "airstrikes launched by US-backed Saudi aggression warplanes": the side whose aircraft struck,
# named in capitals before them (a backer named with "-backed" or "-led" is not it)
_BY_AIRCRAFT = re.compile(
    r"\b(?:launched|carried out|conducted|flown|dropped|fired)\s+by\s+(?:the\s+)?"
    r"(?:[\w.-]+-(?:backed|led)\s+)?"
    r"(?P<side>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}?)\s+"
    r"(?:warplanes|war\s+planes|jets|fighter\s+jets|aircraft|planes|drones|helicopters)\b"
)


def _aircraft_of(text: str) -> str | None:
    """'... in 73 airstrikes launched by US-backed Saudi aggression warplanes': the side whose
    aircraft did it, as the known actor it names or as written."""
    found = _BY_AIRCRAFT.search(text)
    if found is None:
        return None
    side = found["side"]
    named = find_actors(side)
    if len(named) == 1:
        return named[0].canonical
    # a nation's word alone ("Israeli jets") is its force when the list knows it, else no name
    return _nation_force(side) or (side if len(side.split()) > 1 else None)


_WHEN = re.compile(r"^[^.;]{0,80}?\b(?:when|as)\s+(?:the\s+)?")


@cache
def _attack_verbs() -> re.Pattern[str]:
    verbs = "|".join(
        sorted((r"\s+".join(map(re.escape, v.split())) for v in role_words("attack_verb")),
               key=len, reverse=True)
    )
    return re.compile(rf"^\s+(?:had\s+|have\s+)?(?:{verbs})\b", re.IGNORECASE)


def _when_attacked(text: str) -> str | None:
    """'126 soldiers were killed ... when the Taliban attacked a checkpoint': the armed group
    that does the attack of a clause telling when the toll fell."""
    when = _WHEN.search(text)
    if when is None:
        return None
    rest = text[when.end() :]
    groups = [a for a in find_actors(rest) if a.kind == "armed_group"]
    if groups and groups[0].start == 0 and _attack_verbs().match(rest[groups[0].end :]):
        return groups[0].canonical
    return None


def _attack_by_before(text: str) -> str | None:
    """'In an attack by jihadists on the base, 12 soldiers were killed': the doer told in the
    clause that opens the toll's sentence (its last clause before the toll)."""
    clauses = _NEXT_CLAUSE.split(text)
    return _attack_by(clauses[-1]) if clauses else None


def _fought_with(scan: Scan, end: int, parties: Sequence[ActorMention]) -> str | None:
    """'Three soldiers were killed in a clash with Abu Sayyaf militants': the side fought."""
    window = scan.text_between(end, end + _AGENT_REACH + 20)
    cue = _FOUGHT_WITH.search(window)
    if cue is None or _between_rivals(scan, end + cue.start()):
        return None
    start = end + cue.end()
    after = [a for a in parties if a.start >= start and a.kind == "armed_group"]
    if after:
        return min(after, key=lambda a: a.start).canonical
    kind = _DOER_KIND.match(scan.text_between(start, start + 40))
    return kind.group(1) if kind else None


# "a battle between Murle militiamen and Lou Nuer militia": a fight told with both its sides
_FIGHT_BETWEEN = re.compile(
    r"\b(?:battles?|clash(?:es)?|fighting|fights?|confrontations?|skirmish(?:es)?|gunfights?"
    r"|gun battles?|hostilities)\s+between\s+(?P<a>[^,;.()]+?)\s+and\s+(?P<b>[^,;.()]+?)"
    r"(?=\s*[,;.()]|\s+(?:in|at|on|near|over|around|during|since|that|which|who|left|killed"
    r"|in which|for)\b|$)",
    re.IGNORECASE,
)
# words of a state's side in a fight ("Congolese forces", "the army", "government troops")
_STATE_SIDE = re.compile(
    r"\b(?:army|armed forces|forces|military|government|troops?|soldiers?|police|security"
    r"|gendarmes?|marines?)\b",
    re.IGNORECASE,
)


@cache
def _rival_fights(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the fights a sentence tells between two armed groups, neither of them a state's
    force ('clashes between Murle militiamen and Lou Nuer militia'). SCHEMA: the victims are tied
    to a perpetrator the text names; a toll of such a fight names none (ACLED's two-sided battles),
    while one between a state force and a group is the group's ('fighting between M23 rebels and
    Congolese forces')."""
    return tuple(
        fight.span()
        for fight in _FIGHT_BETWEEN.finditer(sentence)
        if all(_armed_group_side(fight.group(side)) for side in ("a", "b"))
    )


def _armed_group_side(text: str) -> bool:
    """Whether one side of a fight is an armed group that is no state's force."""
    named = find_actors(text)
    if _STATE_SIDE.search(text) or any(a.kind != "armed_group" for a in named):
        return False
    kinds = _group_words() | _RIVAL_SIDE_WORDS
    return bool(named) or any(
        w in kinds or w.rstrip("s") in kinds for w in re.findall(r"[a-z]+", text.lower())
    )


# nouns of a side that fights as a group but is no state force (beside roles.tsv's 'group' words)
_RIVAL_SIDE_WORDS = frozenset(
    {"militiaman", "militiamen", "militias", "faction", "clan", "youth", "herder", "tribe",
     "gang"}
)


def _between_rivals(scan: Scan, position: int) -> bool:
    """Whether a position lies in a fight told between two armed groups (_rival_fights)."""
    at = position - scan.sentence.start
    return any(start <= at < end for start, end in _rival_fights(scan.sentence.text))


def _violent_other(draft: Draft) -> bool:
    """A count of victims of more than one harm, or of a harm with no measure of its own
    ('300 people killed or injured by snipers', '49 women were raped'): victims all the same."""
    if draft.measure is not Measure.OTHER:
        return False
    q = draft.quantity
    return bool(_VICTIM_VERB.search(draft.scan.text_between(q.end, q.end + _AGENT_REACH)))


def _subject_perpetrator(
    draft: Draft, parties: Sequence[ActorMention], dominant: str | None
) -> str | None:
    """'Other parties, including gunmen, killed 10 civilians', 'Jihadists attacked the village,
    killing 14': the subject of the verb (or of the verb it continues) is the doer."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return None
    noun = counted_noun(scan.parse.doc[draft.token])
    if noun.dep_ != "dobj":
        return _clause_perpetrator(scan, noun, dominant)
    verb = noun.head
    subject = _nominal_subject(verb)
    for _ in range(2):  # "attacked the village, killing 14": the subject of "attacked"
        if subject is not None or verb.dep_ not in {"advcl", "conj", "xcomp"}:
            break
        verb = verb.head
        subject = _nominal_subject(verb)
    if subject is not None and subject.i < _after_dateline(verb):
        # "KADUNA, Nigeria - Gunmen abducted 287": the parser made the dateline the subject and
        # the doers its conjunct
        start = _after_dateline(verb)
        subject = next(
            (
                t
                for t in subject.subtree
                if t.i >= start and t.dep_ in {"conj", "appos"} and t.pos_ in {"NOUN", "PROPN"}
            ),
            None,
        )
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    subject = _members_gathered(subject)
    looking = role_words("investigate_verb") | role_words("record_verb")
    if subject.head.lemma_.lower() in looking or (
        subject.head.lemma_.lower() == "look"
        and any(c.lower_ == "for" for c in subject.head.children)
    ):
        return None  # "French police are hunting a suspect ... wounding 13": no doers
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        # "its fighters", "their men": the group meant, never the pronoun
        groups = [a for a in parties if a.kind == "armed_group"]
        return _preferred(groups, draft.quantity.start) or dominant
    if dominant and _the_doers_again(subject):
        # "Mayi-Mayi Mbulu armed men abducted 3 aid workers. The assailants ambushed a vehicle":
        # the doers told before, by the group the story names
        return dominant
    group = _group_of(subject)
    if group:
        return group  # "fighters of the Somali group Al Shabaab attacked the compound, killing 20"
    doer = _done_by(subject)
    if doer:
        return doer  # "Aerial operations by international forces caused 149 civilian deaths"
    words = [
        t
        for t in subject.subtree
        if t is subject or (t.i < subject.i and t.dep_ in {"compound", "amod", "nmod"})
    ]
    words = [t for t in words if t.lower_ not in _HEDGES and t.i >= _after_dateline(subject)]
    if (
        len(words) > 1
        and words[0].lower_ == "armed"
        and not subject.lower_.endswith("men")
        and subject.lemma_.lower() not in role_words("collective")
    ):
        # "armed gangs" -> gangs ("armed men" and "an armed group" stay as written: a bare
        # "group" names no one)
        words = words[1:]
    text = _as_written(words) or subject.text
    named = find_actors(text)
    if named:
        return named[0].canonical if named[0].kind not in _SOURCE_KINDS else None
    # "junta forces", "junta troops": the junta; "pro-junta militiamen" are not the junta
    rulers = [t.lower_ for t in words if t.lower_ in _rulers() and not _supporter(t)]
    if rulers:
        return rulers[0]
    return text if _perpetrator_word(subject) or _members_of_doers(subject) else None


def _members_of_doers(subject: Token) -> bool:
    """'gang members killed 54 residents', 'militia members': members of a kind of doers are
    doers (the kind as a compound before 'members')."""
    return subject.lemma_.lower() == "member" and any(
        c.dep_ == "compound" and _perpetrator_word(c) for c in subject.children
    )


def _the_doers_again(subject: Token) -> bool:
    """'The assailants', 'the attackers': doers referred back to by their role alone (roles.tsv:
    attacking_side), with nothing else before the noun."""
    before = [t for t in subject.children if t.i < subject.i]
    return (
        subject.lemma_.lower() in role_words("attacking_side")
        and len(before) == 1
        and before[0].lower_ == "the"
    )


def _members_gathered(subject: Token) -> Token:
    """'A group of gunmen', 'a band of rebels': the doers are those the collective noun gathers
    (roles.tsv 'collective'), not the word 'group'."""
    if subject.lemma_.lower() not in role_words("collective"):
        return subject
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            members = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if members is not None and members.pos_ in {"NOUN", "PROPN"}:
                return members
    return subject


def _supporter(token: Token) -> bool:
    """'pro-regime', 'anti-junta': the word names whom the doers back or fight, not the doers."""
    doc = token.doc
    return (
        token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ in {"pro", "anti"}
    )


def _detainer_subject(draft: Draft) -> str | None:
    """'The military junta arrested 45 people', 'junta troops have detained 20,000',
    'separatists kidnapped and detained three staff': the doer of the detentions when the subject
    is a ruling force (roles.tsv 'ruler'), a named armed group or a kind of one; police or an
    army arresting suspects are no party to them."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return None
    noun = counted_noun(scan.parse.doc[draft.token])
    if noun.dep_ != "dobj":
        return None
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":  # "kidnapped and detained three staff"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    rulers = [t.lower_ for t in subject.subtree if t.lower_ in _rulers()]
    if rulers:
        return rulers[0]
    start = scan.sentence.start + subject.left_edge.idx - scan.parse.start_char
    end = scan.sentence.start + subject.idx + len(subject.text) - scan.parse.start_char
    named = [a for a in scan.actors if start <= a.start < end and a.kind == "armed_group"]
    if named:
        return named[0].canonical
    return _group_noun(subject.text) if subject.lemma_.lower() in _group_words() else None


def _perpetrator_word(token: Token) -> bool:
    """Whether a noun names a doer ('gunmen', also when tagged a proper noun and not lemmatised:
    'Gunmen' opening a sentence after a dateline)."""
    word = token.lemma_.lower()
    forms = {word, word.removesuffix("s")}
    if word.endswith("men"):
        forms.add(word[:-3] + "man")
    return bool(forms & role_words("perpetrator"))


def _clause_perpetrator(scan: Scan, counted: Token, dominant: str | None = None) -> str | None:
    """'70 people were killed when jihadists attacked the village': the doer is the subject of
    another clause of the sentence, named by a perpetrator word (never the counted people
    themselves: '14 soldiers died')."""
    assert scan.parse is not None
    for token in scan.parse:
        if (
            token.dep_ == "nsubj"
            and token.i != counted.i
            and token.head.i != counted.head.i
            and token.pos_ == "NOUN"
            and token.lemma_.lower() in role_words("perpetrator") - {"group", "party"}
            and not any(c.lower_ == "no" or c.dep_ == "neg" for c in token.children)
            and token.head.pos_ == "VERB"
            and token.head.lemma_.lower() not in reporting_lemmas()
        ):
            group = _group_of(token)
            if group:
                return group  # "when fighters of the Somali group Al Shabaab attacked"
            if dominant and _the_doers_again(token):
                return dominant  # "the assailants ... before kidnapping 3 of them"
            words = [t for t in token.subtree if t.i <= token.i and t.lower_ not in _HEDGES]
            words = [t for t in words if t.dep_ in {"compound", "amod"} or t is token]
            return _as_written(words)
    return None


def _done_by(subject: Token) -> str | None:
    """'operations by international forces', 'attacks by ISIS-K': the doer after 'by', a named
    party or a doer word as written."""
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ != "by":
            continue
        doer = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if doer is None:
            return None
        words = [t for t in doer.subtree if t.i <= doer.i and t.lower_ not in _HEDGES]
        text = _as_written(words)
        named = [a for a in find_actors(text) if a.kind in _PARTY_KINDS]
        if named:
            return named[0].canonical
        return text if _perpetrator_word(doer) else None
    return None


def _as_written(tokens: Sequence[Token]) -> str:
    """Words as the text spaces them ('Pro-government forces', not 'Pro - government forces')."""
    return "".join(t.text + t.whitespace_ for t in tokens).strip()


def _group_of(doer: Token) -> str | None:
    """The armed group a doer noun belongs to ('fighters of the Somali group Al Shabaab',
    'militants of ISWAP'): the group, not the kind of its members."""
    for prep in doer.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            text = " ".join(t.text for t in prep.subtree if t is not prep)
            groups = [a for a in find_actors(text) if a.kind == "armed_group"]
            if groups:
                return groups[0].canonical
    return None


def _victim_members(draft: Draft, parties: Sequence[ActorMention]) -> bool:
    """'Five members of the Harbour Guard were killed by unknown gunmen', 'gunmen shot dead four
    members of the Village Committee': members of a body no list knows as an armed group, harmed
    by doers their clause tells (no state's force), are those doers' victims, not a group's dead."""
    scan = draft.scan
    if draft.measure not in _HARMED or any(a.kind == "armed_group" for a in parties):
        return False
    members_of = _MEMBERS_OF.search(scan.text_between(draft.quantity.end, scan.sentence.end))
    if members_of is None or actor_kind(members_of.group(1)) == "armed_group":
        return False  # a charity's, a mission's or a force's members are victims all the same
    doer = _harming_doer(draft)
    if doer is None:
        return False
    forces = role_words("arrester") | role_words("personnel") | role_words("ruler")
    lemma = doer.lemma_.lower()
    return lemma in role_words("perpetrator") and lemma not in forces  # troops kill a group's own


def _harming_doer(draft: Draft) -> Token | None:
    """The head of who harmed the counted people, from the parse: the agent of the passive their
    noun is the subject of ('were killed by unknown gunmen'), or the subject of the verb it is the
    object of ('gunmen killed four members')."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return None
    noun = counted_noun(scan.parse.doc[draft.token])
    verb = noun.head
    if noun.dep_ == "nsubjpass":
        return next(
            (o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"),
            None,
        )
    return _nominal_subject(verb) if noun.dep_ == "dobj" else None


def _nominal_subject(verb: Token) -> Token | None:
    """The subject of a verb; of two ("NIAMEY, March 11 - Suspected jihadists killed 17", parsed
    with the dateline's city as a second subject), the one after the dateline."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    start = _after_dateline(verb)
    return next((s for s in subjects if s.i >= start), subjects[0] if subjects else None)


def _after_dateline(subject: Token) -> int:
    """The first token after a dateline dash before the subject ('OUAGADOUGOU - Suspected ...')."""
    dashes = [t.i for t in subject.doc[: subject.i] if is_dateline_dash(t)]
    return dashes[-1] + 1 if dashes else 0


def _modifier_perpetrator(text: str) -> str | None:
    """'a suspected militant attack', 'gang violence': the kind of group named as the doer;
    'military crackdowns', 'army shelling': the force."""
    match = _GROUP_ACT.search(text)
    if match:
        return _plural(match.group(1).lower())
    force = _FORCE_ACT.search(text)
    if force:
        return force.group(1).lower()
    return _nation_force(text)


def _nation_force(text: str) -> str | None:
    """'Israeli strikes killed 65', 'Russian missile strikes': the state force of the nation
    whose arms the text names (a known actor as '<nation> forces', '<nation> military')."""
    for match in _NATION_ACT.finditer(text):
        for word in _FORCE_WORDS:
            name = f"{match.group(1)} {word}"
            if actor_kind(name) == "state_force":
                return canonical_actor(name)
    return None


# the generic heads of a kind of group's people: "rebel forces", "rebel fighters" are "rebels"
_KIND_HEADS = frozenset({"force", "forces", "fighter", "fighters"})


def plain_kinds(drafts: Sequence[Draft]) -> None:
    """Name a kind of group told with a generic head by the kind alone ('rebel forces', 'rebel
    fighters' -> rebels), as a count of its members is ('460 gang members' -> gangs), so one
    story's figures name one doer one way."""
    for draft in drafts:
        words = (draft.actor or "").split()
        if len(words) == 2 and words[1].lower() in _KIND_HEADS:
            kind = words[0].lower()
            if kind in _group_words():
                draft.actor = _plural(kind)


def _group_noun(counted: str | None) -> str | None:
    """The kind of group a counted phrase names: 'suspected gang members' -> 'gangs'."""
    for word in re.findall(r"[A-Za-z]+", counted or ""):
        lemma = word.lower()
        lemma = lemma[:-1] if lemma.endswith("s") and lemma[:-1] in _group_words() else lemma
        lemma = "gunman" if lemma == "gunmen" else lemma
        if lemma in _group_words():
            return _plural(lemma)
    return None


@cache
def _group_words() -> frozenset[str]:
    return role_words("group")


def _plural(lemma: str) -> str:
    return lemma[:-3] + "men" if lemma.endswith("man") else lemma + "s"


def _events_of_toll(scan: Scan, start: int, end: int) -> bool:
    """'killed in 2 attacks by ISWAP': a count of attacks or raids the toll came in."""
    if not _EVENTS_OF_TOLL.search(scan.text_between(start - 8, start)):
        return False
    words = re.findall(r"[a-z]+", scan.text_between(end, end + 30))[:2]  # "three separate raids"
    # "abducted in two separate instances by al Shabaab": events the toll was spread over
    return words[:1] == ["separate"] or any(
        noun_measure(w) in {Measure.ATTACKS, Measure.OPERATIONS} for w in words
    )


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
            and not _events_of_toll(scan, x.start, x.end)
        ),
        default=scan.sentence.end,
    )
    for actor in parties:
        if _between_rivals(scan, actor.start):
            continue  # one side of a fight between two armed groups did not do it alone
        before = scan.text_between(scan.sentence.start, actor.start).rstrip()
        after = scan.text_between(actor.end, scan.sentence.end)
        # "SDF fighters killed 9", "ISWAP attacks killed 12": within the figure's own clause
        # (no other figure between), not a party of the next one ("X killed 12, and SDF ...")
        own_clause = (
            actor.start < limit
            and not any(actor.end <= x.start < q.start for x in scan.quantities)
            and not (
                q.end <= actor.start and _NEXT_CLAUSE.search(scan.text_between(q.end, actor.start))
            )
        )
        if (
            own_clause
            and _ACTOR_AS_MODIFIER.match(after)
            and not _attacked_by_other(draft, actor, parties)
        ):
            return actor.canonical
        if (
            q.end <= actor.start < limit
            and _BY_AGENT.search(before)
            and not _reported_by().search(before)
        ):
            return actor.canonical
    for told in _ATTRIBUTED.finditer(scan.sentence.text):
        counts = range(scan.sentence.start + told.start("counts"), scan.sentence.start + told.end())
        if q.start in counts or (
            q.start >= scan.sentence.start + told.end()
            and _ENUMERATION.search(scan.text_between(q.start - 14, q.start))
        ):
            return _party_named(told["who"])
    window = scan.text_between(q.end, limit)
    anaphora = _AGENT_ANAPHORA.search(window)
    if anaphora:
        word = anaphora.group(1)
        return dominant or (None if word.lower() == "group" else word)
    hands = _HANDS_OF.search(window)
    if hands:
        named = find_actors(hands.group(1))
        if len(named) == 1 and " and " not in hands.group(1):
            return named[0].canonical
        return hands.group(1).strip()
    return None


# "... killed by ISWAP", "by the army", "by PNC/FARDC elements": the agent of a passive, one
# force of a pair written with a slash counted as the one named last
_BY_AGENT = re.compile(r" by(?: the)?(?: [A-Z][\w.-]*/)?$")


# "UNAMA attributed 353 civilian deaths and 544 injuries to pro-government forces"
_ATTRIBUTED = re.compile(
    r"\battribut(?:ed|es|ing)\s+(?P<counts>[^.;]*?)\s+to\s+(?:the\s+)?(?P<who>[^,.;()]+?)"
    r"(?=\s*(?:[,.;(]|$|\s+(?:in|during|since|between|from|over|including)\b))",
    re.IGNORECASE,
)


def _party_named(text: str) -> str:
    """A party as written, or the canonical name of the one actor it names."""
    named = find_actors(text)
    return named[0].canonical if len(named) == 1 else text.strip()


@cache
def _reported_by() -> re.Pattern[str]:
    """'confirmed dead by the police', 'reported by the army': a reporting verb (lexicons/
    attribution.tsv, kind verb) before 'by' names who tells the toll, not who did it."""
    return re.compile(
        rf"\b(?:{reporting_verbs()})(?:\s+(?:dead|killed|injured|wounded|missing))?"
        rf"\s+by(?:\s+the)?$",
        re.IGNORECASE,
    )


@cache
def _by_doers() -> re.Pattern[str]:
    """'by unknown assailants', 'by armed gunmen': the agent of a passive told by the doers' kind
    (roles.tsv: attacker, one word), hedged or not (actor_hedges.tsv)."""
    kinds = sorted(
        (r"\s+".join(map(re.escape, w.split())) for w in role_words("attacker") | {"gunmen"}),
        key=len,
        reverse=True,
    )
    hedges = "|".join(sorted(_HEDGES | {"armed"}))
    return re.compile(
        rf"\bby\s+(?:the\s+)?(?:(?:{hedges})\s+)?({'|'.join(kinds)})\b", re.IGNORECASE
    )


_AND_NEXT = re.compile(r"^[^,;:]*\band\s+$")
# a clause ends at a comma, a semicolon or a dash ("..., a health ministry official said")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-–—]\s")


def _doers_by_kind(draft: Draft) -> re.Match[str] | None:
    """'Nine staff were shot and killed in the early hours of June 2 by unknown assailants': the
    doers told by their kind anywhere in the toll's clause, before another number."""
    scan, q = draft.scan, draft.quantity
    # "39 civilians were killed and 27 abducted by armed men": a number joined by "and" goes on
    # with the same clause
    end = min(
        (
            x.start
            for x in scan.quantities
            if x.start > q.start and not _AND_NEXT.search(scan.text_between(q.end, x.start))
        ),
        default=scan.sentence.end,
    )
    text = scan.text_between(q.end, min(end, q.end + _CLAUSE_REACH))
    cut = _CLAUSE_BREAK.search(text)
    return _by_doers().search(text[: cut.start()] if cut else text)


def _agent_kind(text: str) -> re.Match[str] | None:
    """The first kind of party named as the agent ("killed by bandits"), not one named as who
    told the toll ("confirmed dead by the police")."""
    for match in _AGENT_KIND.finditer(text):
        if not _reported_by().search(text[: match.start(1)].rstrip()):
            return match
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


def assign_sources(
    drafts: Sequence[Draft], scans: Sequence[Scan], index: dict[int, int], document: Document
) -> None:
    """Fill the source of every draft."""
    named = _named_sources(scans)
    stated = [
        source_name(a.text)
        for s in scans
        for a in s.attributions
        if not a.generic and not _in_note(s.sentence.text[: a.start])
    ]
    fallback = _document_source(document, scans, stated)
    counting = frozenset(index[id(d.scan)] for d in drafts)
    for draft in drafts:
        position = index[id(draft.scan)]
        attribution = _attribution_of(draft)
        if attribution is not None and not attribution.generic:
            draft.source = _group_named_before(attribution, scans, position) or source_name(
                attribution.text
            )
        elif attribution is not None:
            earlier = [name for p, name in named.items() if p <= position]
            # "the group said its fighters killed 20": the armed group named last before it
            referred = _group_named_before(attribution, scans, position) or _referred_source(
                attribution.text, earlier
            )
            if referred == attribution.text:  # "the federation": named in full before?
                referred = _named_before(attribution.text, scans, position) or referred
            draft.source = referred or fallback
        else:
            draft.source = (
                _subject_source(draft.scan)
                or _paragraph_source(named, scans, position, counting)
                or _official_subject(draft)
                or _not_counted(draft, fallback)
            )
    _bodies_of_people(drafts, scans)
    _one_un_body(drafts, stated)


def _not_counted(draft: Draft, source: str | None) -> str | None:
    """The story's source for a figure nobody is quoted for, unless it is the body counted:
    'killing six NATO service members' in a story that names NATO most is no count by NATO."""
    counted = find_actors(draft.counted or "")
    return None if any(a.canonical == source for a in counted) else source


_ARTICLES = frozenset(["the", "a", "an", "this", "that"])


def _group_named_before(
    attribution: Attribution, scans: Sequence[Scan], position: int
) -> str | None:
    """'Zabiullah Mujahid, a spokesman for the hardline terrorist group, said': a group told by
    description only (lexicons/attribution.tsv 'armed_body') is the armed group named last
    before it."""
    # a capital names the group ("the Islamic State group"), unless it opens the sentence
    words = [w for w in attribution.text.split() if w.lower() not in _ARTICLES]
    if not words or any(w[:1].isupper() for w in words) or words[-1].lower() not in role_words(
        "armed_body", "attribution.tsv"
    ):
        return None
    limit = scans[position].sentence.start + attribution.start
    named = [
        actor.canonical
        for scan in scans[: position + 1]
        for actor in scan.actors
        if actor.kind == "armed_group" and actor.end <= limit
    ]
    return named[-1] if named else None


# How many sentences back a paragraph's source still speaks (a scraped story may be one long
# paragraph: a minister quoted on talks is no source of the bombing toll told four sentences on).
_PARAGRAPH_REACH = 2


def _paragraph_source(
    named: dict[int, str], scans: Sequence[Scan], position: int, counting: frozenset[int]
) -> str | None:
    """The one source named in the figure's paragraph up to its sentence: 'Gunmen killed 14
    villagers. Police say the attackers fled.' - the police speak for what follows their name,
    not for the toll told before it."""
    paragraph = scans[position].sentence.paragraph
    if position not in named and _tells_who_did_it(scans[position].sentence.text):
        return None  # 'Colombia blamed the ELN for the bombing that killed 20': its own account
    heard = [
        p
        for p in range(max(0, position - _PARAGRAPH_REACH), position + 1)
        if p in named
        and scans[p].sentence.paragraph == paragraph
        and (p == position or not _says_who_did_it(scans[p]))
    ]
    before = {named[p] for p in heard}
    # a paragraph that quotes several sources is no one source's ('officials said ... medical
    # officials said ... Nine blasts killed seven people'): its unattributed figures have none;
    # an armed group's claim speaks for its own sentence, not for the attacks told after it
    if len(before) != 1 or actor_kind(next(iter(before))) == "armed_group":
        return None
    if not any(p == position or _account_goes_on(scans, p, position, counting) for p in heard):
        return None
    return before.pop()


def _account_goes_on(
    scans: Sequence[Scan], speaker: int, position: int, counting: frozenset[int]
) -> bool:
    """Whether a speaker's sentence still tells a figure of a later sentence. One that gives a
    count goes on ('Officials said 30 people were wounded. Two blasts killed seven.'); one
    quoted on anything else - the talks, the motive, the inquiry - tells the next sentence, and
    the ones after only through sentences that go on counting ('Saab said the inquiry was
    over. It found 34 people involved. Of those, 14 appeared in court.'), not through
    another topic ('..., said the mayor. He visited the scene. 11 people were hurt.')."""
    if scans[speaker].quantities:
        return True
    return all(p in counting or _tells_a_count(scans[p]) for p in range(speaker + 1, position))


# "the two suspects", "those three men": a number after a determiner refers back to people
# told before; it counts nothing new
_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their|his|her)\s*$", re.IGNORECASE)


def _tells_a_count(scan: Scan) -> bool:
    """Whether a sentence tells a number of its own ('34 people are involved'), not only one that
    refers back ('The two suspects are Chechens')."""
    return any(
        not _DEFINITE.search(scan.text_between(scan.sentence.start, q.start))
        for q in scan.quantities
    )


def _says_who_did_it(scan: Scan) -> bool:
    """'Thai officials have said the blast was carried out by a people-smuggling gang': a sentence
    counting nothing whose speaker tells who did the attack speaks for that, not for the toll
    told after it."""
    return not scan.quantities and _tells_who_did_it(scan.sentence.text)


def _tells_who_did_it(text: str) -> bool:
    """Whether a sentence says who did the attack ('claimed', 'blamed', 'carried out by')."""
    return bool(_CLAIM.search(text) or _BLAMED_KIND.search(text))


def _named_before(word: str, scans: Sequence[Scan], position: int) -> str | None:
    """'The International Federation of Journalists ... The federation said': the last name
    before the figure that holds the word, when no source named before does."""
    if not word.isalpha() or word.casefold() in _REFERRING_ONLY:
        return None
    capitalised = word.capitalize()
    pattern = re.compile(_NAME_WITH.format(re.escape(capitalised)))
    for scan in reversed(scans[: position + 1]):
        if capitalised not in scan.sentence.text:
            continue  # the pattern holds the word as written
        found = [m.group().strip() for m in pattern.finditer(scan.sentence.text)]
        found = [name for name in found if " " in name]
        if found:
            return source_name(re.sub(r"^The\s+", "", found[-1]))
    return None


def _referred_source(word: str, earlier: Sequence[str]) -> str | None:
    """Whom 'the report', 'it' or 'the ministry' refers to: 'it' and 'the report' the last named
    source; 'the ministry' the last named ministry, else the last named organisation when the word
    names a kind of organisation ('the monitor'), else the ministry itself."""
    key = word.casefold()
    if key in _REFERRING_ONLY:
        return earlier[-1] if earlier else None
    # a name, not a headline's description ("rights group says", then "AAPP said ... the group")
    same_kind = [
        name for name in earlier if key in name.casefold() and name != name.casefold()
    ]
    if same_kind:
        return same_kind[-1]
    if key in role_words("organisation", "attribution.tsv") and earlier:
        return earlier[-1]
    return word


def _official_subject(draft: Draft) -> str | None:
    """'Bangladeshi authorities recovered 88 bodies', 'Police arrested 12 suspects': officials
    who did the counted act are whom the figure comes from, when nobody is quoted."""
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return None
    verb = next(
        (t for t in scan.parse.doc[draft.token].ancestors if t.pos_ in {"VERB", "AUX"}), None
    )
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in role_words("official", "attribution.tsv"):
        return None
    if subject.i == counted_noun(scan.parse.doc[draft.token]).i:
        return None  # "Two policemen died": the counted, not who counts them
    if any(c.dep_ == "nummod" for c in subject.children):
        return None  # "33 rebels, 4 police killed": counted too, by another number
    named = from_head(subject, scan.parse)
    return source_name(named.text) if named else None


def _attribution_of(draft: Draft) -> Attribution | None:
    scan = draft.scan
    if scan.parse is None or draft.token < 0:
        return scan.attributions[0] if scan.attributions else None
    return attribution_for(scan.attributions, scan.parse.doc[draft.token])


def _named_sources(scans: Sequence[Scan]) -> dict[int, str]:
    """The source each sentence names, by position; 'the monitor documented' resolves to the
    source named before it, so that the rest of its paragraph can use it."""
    named: dict[int, str] = {}
    last: str | None = None
    for i, scan in enumerate(scans):
        specific = [a for a in scan.attributions if not a.generic]
        if specific:
            said = specific[-1]
            last = named[i] = _group_named_before(said, scans, i) or source_name(said.text)
        elif scan.attributions and last is not None:
            named[i] = last
    return named


def source_name(text: str) -> str:
    """A source as written, or the canonical name of the organisation it names; a group that
    only runs or backs it ('the Hamas-run health ministry') or a seat ('the London-based
    monitor') is left out."""
    text = _SEAT.sub("", text).strip()
    if (body := named_source(text)) is not None:  # "the DHQ" -> "Defence Headquarters"
        return body
    mentions = [m for m in find_actors(text) if not _RUN_BY.match(text[m.end :])]
    if mentions and mentions[0].canonical == "UN" and _UN_PART.match(text[mentions[0].end :]):
        # "the U.N. mission", "UN monitors": a part of the UN, as written (see _one_un_body)
        return _ARTICLE.sub("", text)
    if mentions:
        return mentions[0].canonical
    return canonical_actor(text)


def _bodies_of_people(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """'Buba said 56 terrorists were killed', after 'The Director, Defence Media Operations,
    Maj.-Gen. Edward Buba, disclosed this': a person the story introduces with the one
    organisation they speak for gives that organisation."""
    found: dict[str, str | None] = {}
    for draft in drafts:
        name = draft.source
        if not name or not _personal(name):
            continue
        if name not in found:
            found[name] = _body_beside(name, scans)
        draft.source = found[name] or name


# "Onisimo told Xinhua by phone", "speaking to Reuters": whom a person tells is no body they
# speak for
_LISTENER = re.compile(
    rf"\b(?:{reporting_verbs(('tell',), present=('tell',))}|telling|to)\s+$", re.IGNORECASE
)


def _body_beside(name: str, scans: Sequence[Scan]) -> str | None:
    """The one organisation named next to a person where the story first names them."""
    surname = re.findall(r"[A-Za-z][\w'-]+", name)[-1:]
    if not surname:
        return None
    pattern = re.compile(rf"\b{re.escape(surname[0])}\b")
    for scan in scans:
        text = scan.sentence.text
        at = pattern.search(text)
        if at is None:
            continue
        near = text[max(0, at.start() - _BESIDE) : at.end() + _BESIDE]
        bodies = {
            m.canonical
            for m in find_actors(near)
            if (m.kind in _SOURCE_KINDS or m.kind == "state_force")
            and not _LISTENER.search(near[: m.start])
        }
        if (body := named_source(near)) is not None:
            bodies = {body}
        return bodies.pop() if len(bodies) == 1 else None
    return None


def _one_un_body(drafts: Sequence[Draft], stated: Sequence[str]) -> None:
    """'The United Nations said', 'the UN mission said' in a report that names one UN mission,
    office or agency as a source ('a report released by the UN Integrated Office in Haiti',
    'UNAMA said'): the UN meant is that body."""
    bodies = {name for name in stated if name in un_bodies() or _UN_NAMED.match(name)}
    if len(bodies) != 1:
        return
    (body,) = bodies
    for draft in drafts:
        if draft.source is not None and (
            draft.source == "UN" or _UN_GENERIC.fullmatch(draft.source)
        ):
            draft.source = body


def _document_source(document: Document, scans: Sequence[Scan], named: list[str]) -> str | None:
    """Whom a story's unattributed figures come from: a 'Source:' line, the organisation it
    mentions most (twice or more), the source that signs most of what the story quotes, the one
    news agency that retells it, or its byline. An armed group is a party, never the teller of a
    whole story ('IRA' in a story on its bombings); an outlet is its teller only where it retells
    the story ('NAN reports that ...'), not where its reporter is a witness ('an AFP journalist
    said') or its tally gives one figure ('according to an AFP tally')."""
    line = _SOURCE_LINE.search(document.text)
    if line:
        return source_name(line.group(1))
    # parties and outlets sign no story: an outlet retells one (below)
    named = [name for name in named if actor_kind(name) not in {"armed_group", "media"}]
    # once per sentence: "the United Nations (UN)" is one mention
    counts = Counter(
        name
        for s in scans
        for name in {
            a.canonical
            for a in s.actors
            if a.kind in _SOURCE_KINDS - {"media"} and not _counted_staff(s, a)
        }
    )
    if counts and counts.most_common(1)[0][1] >= 2:
        return counts.most_common(1)[0][0]
    # a monitor's initials that sign the whole text ("data collected by AAPP", "numbers verified
    # by AAPP", "AAPP will continue to inform")
    proper = [
        name
        for name in named
        if (len(_CAPITALISED.findall(name)) >= 2 and not _personal(name))
        or (_ACRONYM.fullmatch(name) and _word_count(name, document.text) >= 3)
    ]
    if proper and _signs(Counter(proper).most_common(1)[0][0], named):
        return Counter(proper).most_common(1)[0][0]
    # "..., Xinhua news agency reported": the one agency whose report the story retells
    agencies = {
        mention.canonical
        for scan in scans
        for mention in scan.actors
        if mention.kind == "media" and _retold(scan, mention)
    }
    if len(agencies) == 1:
        return agencies.pop()
    # "OHCHR recorded 21,293 casualties ... This included 487 children": the one organisation
    # the story quotes at all
    bodies = {name for name in named if not _personal(name) and _known_body(name)}
    if len(bodies) == 1 and _signs(next(iter(bodies)), named):
        return bodies.pop()
    byline = _BYLINE.search(document.text[:300])
    return byline.group(1).strip() if byline else None


def _counted_staff(scan: Scan, mention: ActorMention) -> bool:
    """'2 UN international staff', 'four UN humanitarian aid workers', '7 MINUSMA peacekeepers':
    an organisation named as the employer of the people counted, right after the count, is
    among the harmed, not the teller of the story."""
    return any(
        0 <= mention.start - q.end <= 1 and not scan.text_between(q.end, mention.start).strip()
        for q in scan.quantities
    )


def _signs(name: str, named: Sequence[str]) -> bool:
    """Whether a source tells at least half of what a story attributes: a monitor signing its
    briefing, not one voice among the officials, witnesses and think tanks a story quotes."""
    return 2 * sum(1 for n in named if n == name) >= len(named)


def _retold(scan: Scan, mention: ActorMention) -> bool:
    """'Xinhua news agency reported', 'according to Reuters', 'The News Agency of Nigeria (NAN)
    reports that': a news agency as the teller of the story. Not its tally, reporter or
    journalist ('according to an AFP tally', 'an AFP reporter said'), nor a note on another
    account ('Note, Reuters reported that the blast was a car bomb')."""
    before = scan.text_between(scan.sentence.start, mention.start)
    if _in_note(before):
        return False
    after = scan.text_between(mention.end, scan.sentence.end)
    if _AGENCY_TELLS.match(after):
        return True
    return bool(_ACCORDING_TO.search(before)) and not _AGENCY_NOUN.match(after)


def _in_note(before: str) -> bool:
    """Whether a name comes in an editor's note on another account ('Note, Reuters reported
    that ...'), also one glued to the sentence before it ('... in 2004.Note: The agency
    reported that only five ...'): the other account tells no figure of the story's own."""
    return bool(_NOTE.match(before) or _NOTE_BEFORE.search(before))


def _known_body(name: str) -> bool:
    """An organisation the actor list or the source names know ('OHCHR', 'DHQ')."""
    return actor_kind(name) is not None or named_source(name) is not None


def _personal(name: str) -> bool:
    """A person's name ('Mohita Sharma', 'Col. Ali Hassan'): no organisation word, no known
    actor. A person speaks for the sentences that quote them, not for a whole story."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
    kinds = role_words("organisation", "attribution.tsv") | role_words("speaker", "attribution.tsv")
    plural = {w[:-1] for w in words if w.endswith("s")}
    return not (words | plural) & kinds and actor_kind(name) is None and not find_actors(name)


def _word_count(word: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text))


def _subject_source(scan: Scan) -> str | None:
    """A reporting organisation as subject ('U.S. Central Command ... conducted 94 missions');
    not the employer of the people the subject counts ('2 UN staff were killed')."""
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
            if (
                start <= mention.start
                and mention.end <= end
                and mention.kind in _SOURCE_KINDS
                and not _counted_staff(scan, mention)
            ):
                return mention.canonical
    return None
