"""The perpetrator and target of one incident, read off its mentions (incidents.py).

Rules:
  parties the perpetrator is a named armed group or state force acting in a mention (by X, an X
          attack, X fighters stormed), not one counted as victims ('12 of the dead were members
          of the VDP'), spoken for, attacked, or fighting back ('troops repelled an attack by
          militants': the militants attacked, and the attackers the troops killed make no toll
          of theirs); outside the main mention, not a party only said to be there ('the
          area is a stronghold of JNIM') in a sentence that blames nobody; else
          one so named anywhere in the main mention's sentence ('presumed JNIM militants
          intercepted ...'); else the party a toll is attributed to; else a group the actor
          table does not know, named where it claims or is blamed ("the Baloch Nationalist Army
          claimed responsibility"); else a known party that any sentence of the document holds
          responsible ("ETA was responsible"); else "Unidentified armed group" when gunmen,
          bandits or bombers are named. Status: "claimed" (X claimed responsibility), "suspected"
          (suspected, blamed), else "stated".
          The target is a party attacked (an attack on X, victims counted as X fighters), else
          the category of the victims counted (farmers -> Civilians), else of the people or
          place the first mention names (a checkpoint -> Security forces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsledger.extract.incidents.event_mentions import Mention, cue_pattern
from newsledger.extract.parties import ActorMention, actor_kind, canonical_actor
from newsledger.extract.scan import Scan
from newsledger.extract.words import read_lexicon
from newsledger.model import Figure

PARTY_KINDS = frozenset({"armed_group", "state_force"})
UNNAMED = "Unidentified armed group"
_TARGET_REACH = 60  # characters after a trigger where its object is named


# --- perpetrator and target -------------------------------------------------------------------


def perpetrator(
    group: Sequence[Mention], scans: Sequence[Scan] = ()
) -> tuple[str | None, str | None]:
    """The perpetrator and its status: 'claimed', 'suspected' or 'stated'."""
    best: tuple[int, str, Scan] | None = None
    for index, mention in enumerate(group):
        for actor, score in _acting_parties(mention):
            if index and score < 2 and _only_present(mention.scan, actor):
                continue  # 'the area is a stronghold of JNIM': named beside the event, not in it
            if best is None or score > best[0]:
                best = (score, actor.canonical, mention.scan)
    if best is None:  # 'presumed JNIM militants intercepted a vehicle': named before the event
        found = _acting_parties(group[0], whole_sentence=True)
        best = max(((score, a.canonical, group[0].scan) for a, score in found), default=None)
    if best is None:
        best = _toll_party(group)
    if best is None:
        claimant = _named_claimant(group) or _document_party(scans)
        if claimant is not None:
            return claimant
    if best is None:
        unnamed = any(cue_pattern("unnamed_perpetrator").search(m.text) for m in group)
        return (UNNAMED, "stated") if unnamed else (None, None)
    return best[1], _status(group, best[1])


def _document_party(scans: Sequence[Scan]) -> tuple[str, str] | None:
    """A party the document holds responsible anywhere ('ETA was responsible', 'The police
    believe the ELN to be behind it'), when the incident's own sentences name none."""
    for scan in scans:
        text = scan.sentence.text
        claims = _claims(text)
        if not (claims or cue_pattern("suspected").search(text) or _RESPONSIBLE.search(text)):
            continue
        for actor in scan.actors:
            if actor.kind in PARTY_KINDS and not _passive(scan, actor):
                status = (
                    "claimed"
                    if claims
                    else "suspected"
                    if cue_pattern("suspected").search(text)
                    else "stated"
                )
                return actor.canonical, status
    return None


_RESPONSIBLE = re.compile(r"\b(?:responsible|took credit|behind the)\b", re.IGNORECASE)


def _acting_parties(
    mention: Mention, whole_sentence: bool = False
) -> list[tuple[ActorMention, int]]:
    scan = mention.scan
    start, end = (
        (scan.sentence.start, scan.sentence.end)
        if whole_sentence
        else (
            mention.start,
            mention.end,
        )
    )
    victims = [(f.start, f.end + len(f.counted or "") + 2) for f in mention.counts]
    found = []
    for actor in scan.actors:
        if not start <= actor.start < end or actor.kind not in PARTY_KINDS:
            continue
        if any(a <= actor.start < b for a, b in victims) or _passive(scan, actor):
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


def _passive(scan: Scan, actor: ActorMention) -> bool:
    """Whether the party only speaks, is attacked, fights back or is counted among the dead (an
    acronym in brackets after its name, 'the Volunteers for the Defence of the Homeland (VDP)',
    takes its name's part)."""
    named = _bracketed_after(scan, actor)
    if named is not None and _passive(scan, named):
        return True
    return (
        _speaks(scan, actor)
        or _attacked(scan, actor)
        or _responds(scan, actor)
        or _among_victims(scan, actor)
    )


# 'a stronghold of the al-Qaeda-linked JNIM', 'where ISWAP is active': a party's presence
_PRESENCE_BEFORE = re.compile(
    r"\b(?:stronghold|presence|bastion|heartland|hotbed|hideout)s?\s+of\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PRESENCE_AFTER = re.compile(
    r"^\W*(?:(?:is|are|has\s+been|have\s+been|remains?)\s+)?(?:active|operates?|present)\b",
    re.IGNORECASE,
)


def _bracketed_after(scan: Scan, actor: ActorMention) -> ActorMention | None:
    """The party whose name an acronym in brackets restates ('... the Homeland (VDP)')."""
    return next(
        (
            a
            for a in scan.actors
            if a.end <= actor.start
            and re.fullmatch(r"\s*\(\s*", scan.text_between(a.end, actor.start))
        ),
        None,
    )


def _only_present(scan: Scan, actor: ActorMention) -> bool:
    """Whether the sentence tells only where a party is, not what it did, and blames nobody."""
    if _claims(scan.sentence.text) or cue_pattern("suspected").search(scan.sentence.text):
        return False
    named = _bracketed_after(scan, actor)
    if named is not None and _only_present(scan, named):
        return True
    before = scan.text_between(scan.sentence.start, actor.start)[-60:]
    after = scan.text_between(actor.end, scan.sentence.end)[:30]
    return bool(_PRESENCE_BEFORE.search(before) or _PRESENCE_AFTER.search(after))


def _responds(scan: Scan, actor: ActorMention) -> bool:
    """'Troops repelled an attack by militants', 'police, who returned fire': the party fought
    back; the attacker is the other one."""
    after = scan.text_between(actor.end, scan.sentence.end)[:50]
    return bool(
        re.match(
            rf"\W*(?:(?:who|which|had|have|has|on|later|quickly|[A-Z][a-z]+day)\s+){{0,3}}"
            rf"(?:{cue_pattern('responded').pattern})",
            after,
            re.IGNORECASE,
        )
    )


# '12 of the dead were members of the VDP', 'the victims were all Hamas fighters'
_MEMBERS_OF_DEAD = re.compile(
    r"\b(?:dead|killed|victims|casualties|wounded|injured|abducted|kidnapped)\b[^.;]{0,30}?"
    r"\b(?:were|was|are|is)\s+(?:all\s+|also\s+|reportedly\s+)?(?:(?:members|fighters|soldiers|"
    r"part|officers)\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _among_victims(scan: Scan, actor: ActorMention) -> bool:
    before = scan.text_between(scan.sentence.start, actor.start)[-60:]
    return bool(_MEMBERS_OF_DEAD.search(before))


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
        responders = {a.canonical for a in mention.scan.actors if _responds(mention.scan, a)}
        for figure in mention.counts:
            if (
                figure.actor
                and actor_kind(figure.actor) in PARTY_KINDS
                and figure.actor.casefold() not in (figure.counted or "").casefold()
                and figure.actor not in responders  # troops that repelled it killed attackers
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


__all__ = ["PARTY_KINDS", "UNNAMED", "perpetrator", "target"]
