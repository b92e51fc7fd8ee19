"""The story's one perpetrator, read off the dependency parse: the last resort for the actor of a
victim, an attack or an arrest no other rule gave one.

Arrests and detentions follow SCHEMA's "operations -> the group targeted": those arrested after
an attack are held as its doers ("gunmen stormed a market ... police arrested five suspects" ->
the gunmen), and those a group detains are its doing; either way the story's one doer, never a
state's force, who makes arrests ("troops raided a hideout and detained seven").

News tells who did an attack in many words the actor list lacks ("Ahmad Lee", "supporters of the
former governor", "armed men"), often in another sentence than the toll. Whatever the words, their
place in the parse says it (verbs and cue words in lexicons/doer_cues.tsv):
  - the subject of a verb of attack ("gunmen stormed the school", "a man who opened fire"), the
    agent of its passive ("a grenade was hurled by rebels");
  - the subject that claims it ("X claimed responsibility"), answers for it ("X pleaded guilty",
    "X is on trial", "X was responsible for", "X was behind"), the one accused of it ("X was
    charged", "X was found guilty", "police blamed X", "citing X", "militants suspected of").
A doer is a name (a known actor, also named in full in the doer's "of" phrase or bracket:
"Liberation Tigers of Tamil Eelam (LTTE) militants"; a proper noun: a person's full name as the
story first gives it, without a nationality before it), a noun for doers (roles.tsv, "-ist" or
"-man" nouns: "gunmen", "Islamists", "horsemen"; the noun of a verb of attack: "hijackers",
"abductors") or people "of" someone ("supporters of the governor"); never a pronoun, a weapon or
an event ("the blast killed"). A subject opening an attack ("launched an attack on the base,
killing 9") is the doer of its own sentence's figures only (a wave of attacks tells several).
Not a doer: one denied ("ruled out that X was responsible", "not carried out by X", "no group
claimed"), one searched for ("police hunt a man believed to be responsible"), the killer of an
attacker ("the gunman was shot by police", "the killer, X, shot dead by police"), the doer of
another event told at a distance in time ("weeks after X attacked the town").

A victim or attack whose doer is only a kind of doers ("gunmen") or none takes the one known group
the story tells as claiming, suspected of, blamed for or carrying out the attack ("Gunmen killed 9.
Authorities suspected X." -> X); a group named in the figure's own clause keeps its figure.

The doer is looked for in the figure's own clause, then its sentence, then the sentences before it
in its paragraph, then the whole story, then the doers its paragraph only counts dead or hurt by
their kind ("32 people and 3 suicide bombers were killed"); the first of these that names any
gives it, when all it names are one doer (several: none, for precision). Sentences not parsed yet
(no number of their own) are parsed here, only those that hold a cue word, only for a story that
needs them; a caller that parses many stories at once can hand their parses in beforehand
(``doers_parsed``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsledger.extract.figures.context_parties import kind_only, role_words, says_unclaimed
from newsledger.extract.folded import FoldedPattern
from newsledger.extract.numbers import counted_noun
from newsledger.extract.parties import canonical_actor, find_actors, is_dateline_dash
from newsledger.extract.reporting import past_forms, third_person
from newsledger.extract.scan import Draft, Scan, dateline_dash_as_parsed
from newsledger.extract.words import load_model, read_lexicon
from newsledger.lexicons import read_table
from newsledger.model import Measure

# victims of violence and attacks carried out (SCHEMA: their perpetrator); not the missing, whom
# stories seldom tie to a doer
_VIOLENT = frozenset({Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED, Measure.ATTACKS})
# arrests and detentions: the group targeted, or the group detaining (SCHEMA), never the force
# that arrests
_HELD = frozenset({Measure.DETAINED})
# words tying those arrested to an attack ("8 people linked to the kidnapping")
_TIES = frozenset({"linked", "connected", "tied", "involved", "behind"})
_PARTY_KINDS = frozenset({"armed_group", "state_force"})
# nouns for doers that name no one without a word before them ("armed men", "an unknown group")
_BARE = frozenset({"man", "men", "party", "force", "group", "element"})
# the harmed, never doers ("several others wounded")
_NEVER = frozenset({"other", "others", "people", "person", "one"})
# doers told as others than the story's, who did another act than a toll outside their clause
_APART = frozenset({
    "other", "another", "late", "later", "afterwards", "subsequently", "second", "new", "different"
})
# the attackers' own dead and hurt, counted beside their victims
_COUNTED_HARM = frozenset({Measure.KILLED, Measure.INJURED})
_TALLY_DAYS = 7  # a figure of a longer period is a tally over time, not one attack's toll
# people told by whom they follow ("supporters of the former governor")
_FOLLOWERS = frozenset(
    {"supporter", "follower", "loyalist", "sympathiser", "sympathizer", "member"}
)
_HEDGES = frozenset({"suspected", "alleged", "presumed", "unidentified", "unknown", "accused"})
_DETERMINERS = frozenset({"the", "a", "an", "some", "two", "three", "several"})
# a clause dated at a distance from the story's event ("weeks after ISWAP attacked the town")
_OTHER_TIME = frozenset({"after", "before", "since", "until"})
# the harmed who are doers themselves: their killer is no doer of the story's attack
_ATTACKER_VICTIMS = frozenset({"perpetrator", "suspect", "attacker", "assailant", "gunman"})
_KILLING = frozenset({"kill", "shoot", "wound", "injure", "gun"})
# a sentence setting its toll apart from the story's incident
_OTHER_EVENT = re.compile(
    r"\b(?:separate|similar|another|other|earlier|previous|prior)\s+(?:[\w-]+\s+)?"
    r"(?:incidents?|attacks?|assaults?|bombings?|blasts?|explosions?|raids?|ambush(?:es)?"
    r"|shootings?|strikes?)\b|\belsewhere\b|\bago\b",
    re.IGNORECASE,
)
_AUXILIARY = frozenset({"be"})  # too common to look for; its needed words stand for it
_NAME_PART = r"[A-Z][a-z][\w'’-]*"


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of doer_cues.tsv."""

    lemma: str
    kind: str
    needs: frozenset[str]
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Doer:
    """A perpetrator told in a sentence: as written, the key that tells two apart, and where."""

    text: str
    key: str
    verb: int  # index of the cue's verb in the parse, for the figure's own clause
    named: bool = False  # a known actor or a person's name, not a kind of doers ("gunmen")
    apart: bool = False  # told as others than the story's ("later attackers", "other gunmen")
    state: bool = False  # a state's force ("troops", "the army"): who arrests, never the arrested
    person: bool = False  # one person by name: no group whose members an arrest counts
    local: bool = False  # opened an attack ("launched attacks"): the doer of its sentence only
    claims: bool = False  # claims the attack itself: over others' word on who did it
    # told as the attack's doer by a claim, a blame or a suspicion, or as carrying it out
    blamed: bool = False


@cache
def _cues() -> tuple[Cue, ...]:
    return tuple(
        Cue(lemma, kind, frozenset(_listed(needs)), _listed(forms))
        for lemma, kind, needs, forms in read_table("doer_cues.tsv", 4)
    )


def _listed(field: str) -> tuple[str, ...]:
    """The words of a lexicon field, '|' between them."""
    return tuple(word for word in field.split("|") if word)


@cache
def _cues_of(kind: str) -> dict[str, tuple[Cue, ...]]:
    found: dict[str, list[Cue]] = {}
    for cue in _cues():
        if cue.kind == kind:
            found.setdefault(cue.lemma, []).append(cue)
    return {lemma: tuple(cues) for lemma, cues in found.items()}


@cache
def _cue_words() -> FoldedPattern:
    """Any written form of a cue: what a sentence must hold to be worth parsing for a doer
    (searched through its lower-cased twin: asked of every sentence of a story, twice)."""
    words: set[str] = set()
    for cue in _cues():
        if cue.kind == "deny":
            continue
        if cue.lemma in _AUXILIARY:
            words |= cue.needs
            continue
        words |= {cue.lemma, third_person(cue.lemma), *past_forms(cue.lemma), *cue.forms}
        words.add((cue.lemma[:-1] if cue.lemma.endswith("e") else cue.lemma) + "ing")
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return FoldedPattern(re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE))


def assign_story_doers(drafts: Sequence[Draft], scans: Sequence[Scan]) -> None:
    """Give victims, attacks and arrests still without an actor the story's one perpetrator, if
    any."""
    pending = [
        d for d in drafts
        if d.actor is None and (
            d.measure in _VIOLENT
            or (d.measure in _HELD and _held_as_doers(d))
            or (
                d.measure is Measure.OTHER
                and d.counted_head in role_words("captive")
                and not _freed_by_force(d)
            )
        )
    ]
    if not pending and not any(_generic(d) for d in drafts):
        return
    story = StoryDoers(scans, drafts)
    for draft in pending:
        draft.actor = story.doer_of(draft)
    _blamed_over_kind(drafts, story)


def _generic(draft: Draft) -> bool:
    """A victim or attack whose doer is told only by its kind ('gunmen', 'attackers') or not."""
    return draft.measure in _VIOLENT and (draft.actor is None or kind_only(draft.actor))


def _blamed_over_kind(drafts: Sequence[Draft], story: StoryDoers) -> None:
    """'Gunmen killed 12 villagers. Authorities suspected Boko Haram.': a victim or attack whose
    doer is told only by its kind ('gunmen', 'attackers'), or not at all, takes the one named
    group the story tells as claiming, suspected of, blamed for or carrying out the attack; a
    group named in the figure's own clause keeps its figure (it is no kind)."""
    for draft in [d for d in drafts if _generic(d)]:
        group = story.blamed_group(draft)
        if group is not None:
            draft.actor = group


class StoryDoers:
    """The doers each sentence of a story tells, read once and on demand."""

    def __init__(self, scans: Sequence[Scan], drafts: Sequence[Draft] = ()) -> None:
        self._scans = list(scans)
        # sentences that count victims or attacks of their own
        self._tolls = {id(d.scan) for d in drafts if d.measure in _VIOLENT}
        self._index = {id(scan): i for i, scan in enumerate(self._scans)}
        self._found: dict[int, list[Doer]] = {}
        self._story = " ".join(scan.sentence.text for scan in self._scans)
        # Per paragraph, its sentences' positions and the doers its figures count, in order: a
        # long document's figures each asked for them, and scanning every sentence or figure
        # of the story for one paragraph made that quadratic.
        self._in_paragraph: dict[int, list[int]] = {}
        for i, scan in enumerate(self._scans):
            self._in_paragraph.setdefault(scan.sentence.paragraph, []).append(i)
        self._counted: dict[int, list[Doer]] = {}
        for d in drafts:
            counted = _counted_doers(d)
            if counted is not None:
                self._counted.setdefault(d.scan.sentence.paragraph, []).append(counted)
        # the positions of the sentences that tell any doer, once every sentence is read
        self._telling: list[int] | None = None

    def doer_of(self, draft: Draft) -> str | None:
        """The doer of the figure's clause, sentence, paragraph before it or story, when the first
        of these that tells any tells one."""
        own = self._index.get(id(draft.scan))
        if own is None:
            return None
        held = draft.measure in _HELD
        doers = [d for d in self.doers(own) if not (held and _arrester(d))]
        on_path = _on_path(draft)
        paragraph = self._in_paragraph[draft.scan.sentence.paragraph]
        before = paragraph[: bisect_left(paragraph, own)]
        levels: list[Iterable[Doer]] = [
            [d for d in doers if d.verb in on_path],
            [d for d in doers if not d.apart],
        ]
        if not _tally(draft) and not _another_event(draft) and not self._unclaimed(own):
            levels += [
                (d for i in self._read(before) for d in self._found[i] if _afar(d, held)),
                (d for i in self._read_telling() if self._tells_this(i, own)
                 for d in self._found[i] if _afar(d, held)),
            ]
            # "32 people and 3 suicide bombers were killed": doers the paragraph only counts
            levels.append(self._counted.get(draft.scan.sentence.paragraph, []))
        for level in levels:
            found = list(level)
            if found:
                return _only(found)
        return None

    def blamed_group(self, draft: Draft) -> str | None:
        """The one named group the story tells as the attack's doer by a claim, a blame, a
        suspicion or its carrying out ('The Shining Path was suspected'), for a figure of the
        story's attack; several such groups: none."""
        own = self._index.get(id(draft.scan))
        if own is None or _tally(draft) or _another_event(draft) or self._unclaimed(own):
            return None
        found = [
            d for i in self._read_telling() if self._tells_this(i, own)
            for d in self._found[i]
            if d.blamed and d.named and not (d.person or d.state) and _afar(d, False)
        ]
        return found[0].text if found and len({d.key for d in found}) == 1 else None

    def _unclaimed(self, own: int) -> bool:
        """'A second blast killed 4. There was no immediate claim for that blast.': a toll whose
        sentence, or the next, says its attack is unclaimed has no doer told elsewhere."""
        return any(says_unclaimed(s.sentence.text) for s in self._scans[own : own + 2])

    def _tells_this(self, position: int, own: int) -> bool:
        """Whether a sentence may tell the doer of the figure of sentence ``own``: one before it,
        or one after it that counts no toll of its own (which would be another incident's)."""
        return position <= own or id(self._scans[position]) not in self._tolls

    def _read(self, positions: Iterable[int]) -> list[int]:
        """The positions, with the doers of those not read yet read, their sentences without a
        parse that hold a cue word parsed together (one batch is cheaper than one at a time)."""
        positions = list(positions)
        todo = [i for i in positions if i not in self._found]
        unparsed = [
            i for i in todo
            if self._scans[i].parse is None and _cue_words().search(self._scans[i].sentence.text)
        ]
        parsed = dict(zip(unparsed, _parse([self._scans[i] for i in unparsed]), strict=True))
        for i in todo:
            scan = self._scans[i]
            parse = scan.parse if scan.parse is not None else parsed.get(i)
            self._found[i] = [] if parse is None else sentence_doers(parse, scan, self._story)
        return positions

    def _read_telling(self) -> list[int]:
        """The positions of the story's sentences that tell any doer, every sentence read first
        (the others add nothing to a search of the whole story)."""
        if self._telling is None:
            every = self._read(range(len(self._scans)))
            self._telling = [i for i in every if self._found[i]]
        return self._telling

    def doers(self, position: int) -> list[Doer]:
        """The doers sentence ``position`` tells (read first if not yet)."""
        self._read([position])
        return self._found[position]


def _counted_doers(draft: Draft) -> Doer | None:
    """The doers a figure counts dead or hurt by their kind ('3 suicide bombers were killed',
    'two attackers were shot dead'): who did the attack when no sentence tells it otherwise;
    never a state's force ('five soldiers'), a group's rank and file ('fighters') nor those
    arrested (suspects rounded up, not yet told as the doers)."""
    parse = draft.scan.parse
    if parse is None or draft.token < 0 or draft.measure not in _COUNTED_HARM:
        return None
    noun = counted_noun(parse.doc[draft.token])
    lemma = noun.lemma_.lower()
    if noun.i == draft.token or not ({lemma, noun.lower_} & (_doer_words() | _agent_nouns())):
        return None  # "two journalists", "six Irishmen": no kind of doers
    if lemma in role_words("member") | role_words("arrester") | role_words("personnel"):
        return None
    words = [
        t for t in noun.children if t.dep_ in {"compound", "amod"} and t.i < noun.i
    ]
    text = _without_hedges(_written(sorted([*words, noun], key=lambda t: t.i), draft.scan, parse))
    return Doer(text, _key(text, noun), -1) if text else None


def _freed_by_force(draft: Draft) -> bool:
    """'troops ... killed 24 bandits and rescued 40 hostages': captives a state's force frees are
    counted as its operation's, not as victims of one kidnapping ("the 154 hostages were released"
    by their captors is)."""
    parse = draft.scan.parse
    if parse is None or draft.token < 0:
        return False
    verb = counted_noun(parse.doc[draft.token]).head
    if verb.lemma_.lower() == "rescue":
        return True  # rescuers are no kidnappers, whoever they are
    while verb.dep_ == "conj" and _subject(verb) is None:
        verb = verb.head  # "killed 24 bandits and rescued 40 hostages"
    subject = _subject(verb)
    if subject is not None and subject.dep_ == "nsubjpass":
        # "40 hostages were rescued by troops": the agent frees them
        subject = next(
            (o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"),
            None,
        )
    if subject is None:
        return False
    forces = role_words("arrester") | role_words("personnel")
    words = " ".join(t.text for t in subject.subtree)
    return subject.lemma_.lower() in forces or subject.lower_ in forces or any(
        a.kind == "state_force" for a in find_actors(words)
    )


def _held_as_doers(draft: Draft) -> bool:
    """Whether those an arrest counts are told as doers: suspects, attackers or a group's members
    ('four suspects', 'three gunmen'), people tied to the attack ('8 people linked to the
    kidnapping'), or no noun of their own ('one attacker was wounded and five arrested'); not
    people at large ('22 people were detained in sweeps', 'six students arrested')."""
    parse = draft.scan.parse
    if parse is None or draft.token < 0:
        return False
    number = parse.doc[draft.token]
    noun = counted_noun(number)
    doers = _ATTACKER_VICTIMS | role_words("member") | role_words("attacker") | _HEDGES
    if noun.i == number.i or noun.pos_ not in {"NOUN", "PROPN"}:
        # no noun of its own: the doers the sentence counts before it ("one attacker ... five")
        return any(t.lemma_.lower() in doers for t in parse if t.i < number.i)
    if noun.lemma_.lower() in doers or _doer_noun(noun):
        return True
    return any(t.lower_ in _TIES | _HEDGES for t in noun.subtree)


def _afar(doer: Doer, held: bool) -> bool:
    """Whether a doer told in another sentence may be the figure's: not told as others, not one
    opening attacks in its own sentence only, and for arrests not the arresting force."""
    return not (doer.apart or doer.local) and not (held and _arrester(doer))


def _arrester(doer: Doer) -> bool:
    """A doer no arrest counts the members of: the state's force that arrests, or one person by
    name ('six men were arrested' after a bomber named alone: not his group's members)."""
    return doer.state or doer.person


def _tally(draft: Draft) -> bool:
    """A figure over a period longer than a week ('since 2015', 'in 2016'): a tally over time,
    whose doer only its own sentence may tell."""
    start, end = draft.period
    if start is None:
        return False
    return end is None or (end - start).days > _TALLY_DAYS


def _another_event(draft: Draft) -> bool:
    """'In a separate attack, 7 herders were killed', 'Two weeks ago, a similar attack killed 33':
    a toll the sentence sets apart from the story's incident, whose doer only it may tell."""
    return _OTHER_EVENT.search(draft.scan.sentence.text) is not None


def _only(doers: Sequence[Doer]) -> str | None:
    """The doer when all are one (the first as written), else the one named among kinds of doers
    ('a suicide bomber struck ... the Islamic State claimed the attack': the group), else None."""
    if len({d.key for d in doers}) == 1:
        return doers[0].text
    for chosen in ([d for d in doers if d.named], [d for d in doers if d.named and d.claims]):
        # "reports said X was responsible ... Y released a statement claiming it": the claimant
        if chosen and len({d.key for d in chosen}) == 1:
            return chosen[0].text
    return None


def _on_path(draft: Draft) -> frozenset[int]:
    """The verbs the figure's number hangs on, up to its sentence's root."""
    parse = draft.scan.parse
    if parse is None or draft.token < 0:
        return frozenset()
    token = counted_noun(parse.doc[draft.token])
    return frozenset(t.i for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"})


# Parses of doers' sentences made beforehand, by text, each used once (``doers_parsed``).
_BEFOREHAND: ContextVar[dict[str, deque[Doc]] | None] = ContextVar("doers_beforehand",
                                                                   default=None)


def doer_texts(scans: Sequence[Scan]) -> list[str]:
    """What ``StoryDoers`` would hand the parser for these sentences (without a parse of their
    own) if the story needs their doers: those holding a cue word."""
    return [_doer_text(s) for s in scans if _cue_words().search(s.sentence.text)]


@contextmanager
def doers_parsed(texts: Sequence[str], docs: Sequence[Doc]) -> Iterator[None]:
    """Within the block, a doers' sentence of one of ``texts`` takes its parse from ``docs``
    (parsed from those texts, in order) instead of being parsed then: parsing many stories'
    sentences in one batch costs a fraction of parsing them story by story (each call of the
    pipeline costs about 3 ms before its first word, more than a short sentence's parse)."""
    beforehand: dict[str, deque[Doc]] = {}
    for text, doc in zip(texts, docs, strict=True):
        beforehand.setdefault(text, deque()).append(doc)
    token = _BEFOREHAND.set(beforehand)
    try:
        yield
    finally:
        _BEFOREHAND.reset(token)


def _doer_text(scan: Scan) -> str:
    return dateline_dash_as_parsed(scan.sentence.text.replace("\n", " "))


def _parse(scans: Sequence[Scan]) -> list[Span]:
    """The parses of sentences that had none (no number of their own): those made beforehand,
    the others parsed now, together."""
    texts = [_doer_text(s) for s in scans]
    beforehand = _BEFOREHAND.get() or {}
    docs: list[Doc | None] = [
        beforehand[text].popleft() if beforehand.get(text) else None for text in texts
    ]
    missing = [i for i, doc in enumerate(docs) if doc is None]
    if missing:
        for i, doc in zip(missing, load_model().pipe([texts[i] for i in missing]), strict=True):
            docs[i] = doc
    return [doc[:] for doc in docs if doc is not None]


def sentence_doers(parse: Span, scan: Scan, story: str = "") -> list[Doer]:
    """The doers a parsed sentence tells, in order (``story``: the text where a surname's full
    name is looked up)."""
    found: list[Doer] = []
    for token in parse:
        told = _told(token)
        if told is None:
            continue
        verb = told[1]
        doer = _past_dateline(*told)
        if doer is None or _ruled_out(doer, verb):
            continue
        # "blamed IS and the Assad regime": each side of an "and" or an "or" is told as a doer
        for each in (doer, *doer.conjuncts):
            named = _doer(each, verb, scan, parse, story)
            if named is not None:
                found.append(replace(
                    named, local=_cue(verb, "launch"), claims=_claims(verb), blamed=_blames(verb)
                ))
    return found


def _past_dateline(doer: Token, verb: Token) -> Token | None:
    """'MOGADISHU, Somalia (AP) - Al-Shabaab militants stormed': the parser made the dateline the
    subject and the doers its apposition; the doers after the dash, never the dateline's city."""
    dashes = [t.i for t in doer.doc[doer.i : verb.i] if is_dateline_dash(t)]
    if not dashes:
        return doer
    return next(
        (
            t for t in doer.subtree
            if t.i > dashes[-1] and t.dep_ in {"conj", "appos"} and t.pos_ in {"NOUN", "PROPN"}
        ),
        None,
    )


def _told(token: Token) -> tuple[Token, Token] | None:
    """(doer, cue verb) when ``token`` holds the doer's slot of a cue, else None."""
    head = token.head
    if token.dep_ == "nsubj" and _claims_in_object(head):
        return token, head  # "X released a statement claiming responsibility"
    if token.dep_ == "agent" and _cue(head, "act"):
        doer = next((c for c in token.children if c.dep_ == "pobj"), None)
        return (doer, head) if doer is not None else None
    if token.dep_ == "nsubj" and (
        (_cue(head, "act") and _transitive(head)) or _cue(head, "claim") or _cue(head, "answer")
        or _cue(head, "launch")
    ):
        return _antecedent(token), head
    if token.dep_ == "nsubj" and _cue(head, "fight"):
        side = _armed_side(token, head)
        return (side, head) if side is not None else None
    if token.dep_ == "nsubjpass" and _cue(head, "accuse"):
        return token, head
    if token.dep_ == "dobj" and _cue(head, "accuse"):
        return token, head  # "police blamed X", "a jury found X guilty"
    if token.dep_ in {"acl", "relcl"} and _cue(token, "accuse") and head.pos_ in {"NOUN", "PROPN"}:
        return head, token  # "militants suspected of the bombing"
    if token.dep_ == "xcomp" and not _subject(token) and (
        _cue(token, "act") or _cue(token, "answer")
    ):
        # "X is believed to have carried out the attack", "X is thought to be responsible"
        raised = _subject(head)
        return (raised, token) if raised is not None else None
    return None


def _claims(verb: Token) -> bool:
    """Whether the verb tells its subject claiming the attack."""
    return _cue(verb, "claim") or _claims_in_object(verb)


def _blames(verb: Token) -> bool:
    """Whether the verb tells its doer as the attack's: claiming it, blamed, suspected or accused
    of it, answering for it, or carrying out the attack itself ('police said X carried out the
    attack': an act whose object is what a claim claims)."""
    if _claims(verb) or _cue(verb, "accuse") or _cue(verb, "answer"):
        return True
    attacks = frozenset().union(*(c.needs for c in _cues_of("claim").get("claim", ())))
    return _cue(verb, "act") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in attacks for c in verb.children
    )


def _claims_in_object(verb: Token) -> bool:
    """'X issued a statement claiming responsibility': the verb's object carries a claim, which
    is its subject's."""
    return any(
        c.dep_ == "dobj" and any(g.dep_ == "acl" and _cue(g, "claim") for g in c.children)
        for c in verb.children
    )


def _armed_side(subject: Token, verb: Token) -> Token | None:
    """Of 'X clashed with Y', the side that is an armed group when the other is not (a community
    by its name, a state's force): 'suspected militia clashed with villagers' -> the militia."""
    other = next(
        (o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
         for o in p.children if o.dep_ == "pobj"),
        None,
    )
    if other is None:
        return None
    armed = [side for side in (subject, other) if _armed_group(side)]
    return armed[0] if len(armed) == 1 else None


def _armed_group(side: Token) -> bool:
    """A known armed group, or a kind of one ('militia', 'rebels', 'Islamists')."""
    words = " ".join(t.text for t in side.subtree)
    if any(a.kind == "armed_group" for a in find_actors(words)):
        return True
    lemma = side.lemma_.lower()
    return lemma in role_words("group") | role_words("attacker") or lemma.endswith("ist")


def _transitive(verb: Token) -> bool:
    """A verb of attack with its object ('gunmen killed 5'): without one, its subject is more often
    the harmed in a note's reduced passive ('3 police also injured') or an elided act ('more
    strikes than Bush carried out')."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _antecedent(subject: Token) -> Token:
    """'a gunman who opened fire': the noun a relative subject stands for."""
    verb = subject.head
    if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        return verb.head
    return subject


def _cue(verb: Token, kind: str) -> bool:
    """Whether ``verb`` is a cue of ``kind``, with one of the words it needs."""
    for cue in _cues_of(kind).get(verb.lemma_.lower(), ()):
        if not cue.needs or cue.needs & _governed(verb):
            return True
    return False


def _governed(verb: Token) -> frozenset[str]:
    """Lemmas of the words a verb governs, and of the objects of its prepositions ('on trial')."""
    words = {c.lemma_.lower() for c in verb.children} | {c.lower_ for c in verb.children}
    for child in verb.children:
        if child.dep_ in {"prep", "acomp"}:
            words |= {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
    return frozenset(words)


def _ruled_out(doer: Token, verb: Token) -> bool:
    """A doer denied, searched for, killed as an attacker, or of an event at a distance in time."""
    looking = role_words("investigate_verb")
    if any(c.lower_ == "no" for c in doer.children):
        return True  # "no group claimed"
    for word in _told_under(verb):
        if any(c.dep_ == "neg" for c in word.children) or _cue(word, "deny"):
            return True  # "not carried out by rebels", "ruled out that X was responsible"
    for word in (doer, *doer.ancestors):
        if word.lemma_.lower() in looking:
            return True
    marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "prep"}}
    if marks & _OTHER_TIME and any(c.dep_ == "npadvmod" for c in verb.children):
        return True  # "weeks after ISWAP attacked the town"
    return _kills_attacker(verb)


def _told_under(verb: Token) -> list[Token]:
    """The verb and those whose content it is ('ruled out the possibility that X was responsible'),
    up to a clause only joined to them ('..., citing instead Y': citing is no content of ruling)."""
    chain = [verb]
    word = verb
    while word.dep_ not in {"advcl", "conj", "ROOT", "parataxis"} and word.head.i != word.i:
        word = word.head
        chain.append(word)
    return chain


def _kills_attacker(verb: Token) -> bool:
    """'The gunman was shot dead by police', 'troops killed the attackers': the harmed are doers
    themselves, and whoever harmed them is no doer of the story's attack."""
    if verb.lemma_.lower() not in _KILLING:
        return False
    harmed = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"acl", "relcl", "appos"}:
        # "the alleged killer, X, shot dead by police": the one the clause is told of, and the
        # noun that one is set beside
        harmed += [verb.head, *([verb.head.head] if verb.head.dep_ == "appos" else [])]
    members = role_words("member") | _ATTACKER_VICTIMS
    return any(_doer_noun(h) or h.lemma_.lower() in members for h in harmed)


def _doer(doer: Token, verb: Token, scan: Scan, parse: Span, story: str) -> Doer | None:
    """The doer as the story names it, if the token names a doer at all."""
    gathered = _gathered(doer)
    if gathered is not None:
        doer = gathered  # its number counts the doers gathered, not the harmed
    elif doer.pos_ == "PRON" or _counted(doer) or _means(doer):
        return None
    phrase = _phrase(doer)
    written = _written(phrase, scan, parse)
    known = find_actors(written) or find_actors(_written(_noun_phrase(doer), scan, parse))
    parties = [a for a in known if a.kind in _PARTY_KINDS]
    if known and not parties:
        return None  # an agency, a charity, a paper: "Red Cross volunteers attacked the backlog"
    if parties:
        state = parties[0].kind == "state_force"
        return Doer(
            parties[0].canonical, parties[0].canonical.casefold(), verb.i, named=True, state=state
        )
    if doer.pos_ == "PROPN" and not _doer_noun(doer):
        name = _full_name(_unglued(_written(_name_run(doer), scan, parse)), story)
        return Doer(name, name.casefold(), verb.i, named=True, person=True) if name else None
    kinds_only = verb.lemma_.lower() not in _cues_of("act")
    if not _doer_noun(doer) or (kinds_only and doer.lemma_.lower() in _BARE):
        return None
    text = _without_hedges(written)
    apart = any(
        c.lemma_.lower() in _APART
        for c in (*doer.children, *verb.children)  # "later attackers", "attackers later stormed"
        if c.dep_ in {"amod", "advmod"}
    )
    state = doer.lemma_.lower() in role_words("arrester") | role_words("ruler")
    return Doer(
        text, _key(text, doer), verb.i, apart=apart, state=state, person=_lone(doer)
    ) if text else None


def _noun_phrase(doer: Token) -> list[Token]:
    """The doer's whole noun phrase, its 'of' and 'from' phrases and brackets too, without clauses
    or other prepositions: where a known group is named in full ('Liberation Tigers of Tamil Eelam
    (LTTE) militants', 'fighters of the Kurdistan Workers' Party', 'insurgents from the Shining
    Path'), not 'gunmen near the ISIS base'."""
    start = _after_dateline(doer)
    return [
        t for t in doer.subtree
        if t.i >= start and not any(_apart_from_noun(a) for a in _path(t, doer))
    ]


def _apart_from_noun(token: Token) -> bool:
    """A clause, or a preposition other than 'of' or 'from' (whose members the doers are): words no
    longer naming the doer."""
    if token.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj", "cc"}:
        return True
    return token.dep_ == "prep" and token.lower_ not in {"of", "from"}


def _lone(doer: Token) -> bool:
    """One doer told by his kind ('a gunman', 'the suicide bomber'), not a group ('an armed
    group', 'the militia'): like one named, no group whose members an arrest counts."""
    kinds = role_words("group") | role_words("collective") | _BARE
    return doer.tag_ == "NN" and doer.lemma_.lower() not in kinds


def _gathered(doer: Token) -> Token | None:
    """'a group of five suspected militia attacked': the doers a collective noun gathers, when
    they are told as doers; else None."""
    if doer.lemma_.lower() not in role_words("collective"):
        return None
    for prep in doer.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            people = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if people is not None and _doer_noun(people):
                return people
    return None


def _counted(doer: Token) -> bool:
    """'6 gunmen', 'three others': doers counted are a figure of their own, or the harmed."""
    return doer.lower_ in _NEVER or doer.lemma_.lower() in _NEVER or any(
        c.dep_ == "nummod" for c in doer.children
    )


def _means(doer: Token) -> bool:
    """'a roadside IED', 'the car bomb': a weapon or an attack (roles.tsv means), not its user."""
    means = role_words("means")
    return doer.lemma_.lower() in means or doer.text in means or doer.lower_ in means


def _phrase(doer: Token) -> list[Token]:
    """The words naming the doer: its modifiers before it, and for people told by whom they follow,
    the 'of' phrase after it ('supporters of the former governor', not 'who was ousted')."""
    before = [
        t for t in doer.subtree
        if t.i < doer.i and t.i >= _after_dateline(doer) and t.dep_ not in {"punct", "cc"}
        and t.tag_ not in {"JJR", "RBR", "RB"}  # "later attackers"
        and not (t.dep_ == "nummod" and t.head == doer)  # "(a group of) five militiamen"
        and not any(a.dep_ in {"relcl", "acl", "appos", "prep"} for a in _path(t, doer))
    ]
    after: list[Token] = []
    if doer.lemma_.lower() in _FOLLOWERS or doer.lemma_.lower() in role_words("collective"):
        for prep in doer.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                after = [
                    t for t in prep.subtree
                    if not any(_aside(a) for a in _path(t, prep)) and t.dep_ != "punct"
                ]
                break
    return sorted([*before, doer, *after], key=lambda t: t.i)


def _aside(token: Token) -> bool:
    """A clause or an apposition set off by a comma ('Thaksin, who was ousted'), not a name right
    after its title ('the opposition leader Amir Sadeq')."""
    if token.dep_ in {"relcl", "acl"}:
        return True
    return token.dep_ == "appos" and token.doc[token.left_edge.i - 1].dep_ == "punct"


def _path(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``top``."""
    path = []
    while token != top and token.head != token:
        path.append(token)
        token = token.head
    return path


def _name_run(doer: Token) -> list[Token]:
    """A proper noun with the proper nouns right before it ('Ahmad Khan Rahimi', not 'Accused New
    York bomber')."""
    run = [doer]
    for t in reversed(doer.doc[: doer.i]):
        if t.pos_ != "PROPN" or t.head.i != doer.i or t.dep_ not in {"compound", "flat"}:
            break
        run.insert(0, t)
    while len(run) > 1 and run[0].text in _name_stops():
        run = run[1:]
    return run


@cache
def _name_stops() -> frozenset[str]:
    return frozenset(word for (word,) in read_table("person_name_stops.tsv", 1))


# a word run into the next one's capital, as scraped pages glue headings and credits to the text
# ("foundationHunting Bin LadenOsama bin Laden"); three lower-case letters keep "McDonald"
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")


def _unglued(name: str) -> str:
    """The name after the last place page furniture was glued to it ('credits LineAli Musa' ->
    'Ali Musa')."""
    cuts = [m.start() for m in _GLUED.finditer(name)]
    return name[cuts[-1] :] if cuts else name


def _full_name(name: str, story: str) -> str:
    """A surname alone as the full name the story first gives with it ('Rahimi' -> 'Ahmad Khan
    Rahimi'), else as written."""
    if not name or " " in name:
        return name
    for found in re.finditer(rf"((?:{_NAME_PART}\s+){{1,2}}){re.escape(name)}\b", story):
        words = _past_demonym(found.group(1).split())
        while words and (words[0] in _name_stops() or words[0].casefold() in _HEDGES):
            words = words[1:]
        if words:
            return " ".join([*words, name])
    return name


def _past_demonym(words: list[str]) -> list[str]:
    """The words after the last demonym ('South Sudanese Murle' -> 'Murle'): a nationality told
    before a name is no first name."""
    last = max((i for i, word in enumerate(words) if word in _demonym_words()), default=-1)
    return words[last + 1 :]


@cache
def _demonym_words() -> frozenset[str]:
    """Every word of demonyms.tsv's demonyms ('South', 'Sudanese', 'Iraqi')."""
    return frozenset(
        word for _, (demonym, _country) in read_lexicon("demonyms.tsv", 2)
        for word in demonym.split()
    )


def _doer_noun(token: Token) -> bool:
    """A noun for doers: roles.tsv's perpetrators, attackers and kinds of group; a noun of '-ist'
    or '-man' ('Islamists', 'horsemen'); people told by whom they follow. Bare 'men', 'group' or
    'party' only with a word before them ('armed men', 'an unknown group')."""
    lemma = token.lemma_.lower()
    word = token.lower_
    forms = {lemma, word, lemma.removesuffix("s"), word.removesuffix("s")}
    if lemma.endswith("men") or word.endswith("men"):
        forms.add(word[:-3] + "man")
    known = _doer_words()
    if forms & _NEVER:
        return False
    if forms & _BARE:
        return any(c.dep_ in {"amod", "compound"} for c in token.children)
    if forms & known:
        return True
    if any(f.endswith(("ist", "man")) and len(f) > 5 for f in forms):
        return True
    if forms & _agent_nouns():
        return True
    return lemma in _FOLLOWERS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )


@cache
def _agent_nouns() -> frozenset[str]:
    """Nouns for those who do a verb of attack, made from doer_cues.tsv's verbs ('hijack' ->
    'hijacker', 'abduct' -> 'abductor', 'kidnap' -> 'kidnapper'): whoever the story calls so did
    its attack, though no list names them."""
    nouns: set[str] = set()
    for cue in _cues():
        lemma = cue.lemma
        if cue.kind != "act" or cue.needs or len(lemma) < 4:
            continue  # "open fire", "set off": no noun of the verb alone
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        nouns |= {stem + "er", stem + "or", lemma + lemma[-1] + "er"}
    return frozenset(nouns)


@cache
def _doer_words() -> frozenset[str]:
    """roles.tsv's nouns for perpetrators, attackers, kinds of group and the attacking side."""
    kinds = ("perpetrator", "attacker", "group", "attacking_side")
    return frozenset().union(*(role_words(kind) for kind in kinds)) - _BARE


def _written(tokens: Sequence[Token], scan: Scan, parse: Span) -> str:
    """The tokens' words as the sentence writes them (the parse may hold stand-ins)."""
    if not tokens:
        return ""
    base = parse.start_char
    text = scan.sentence.text
    pieces = [
        text[t.idx - base : t.idx - base + len(t.text)] + t.whitespace_ for t in tokens
    ]
    return "".join(pieces).strip()


def _without_hedges(text: str) -> str:
    """'suspected Fulani gunmen' -> 'Fulani gunmen', 'the gunmen' -> 'gunmen'."""
    words = text.split()
    while len(words) > 1 and (words[0].casefold() in _HEDGES | _DETERMINERS):
        words = words[1:]
    return " ".join(words)


def _key(text: str, doer: Token) -> str:
    """What tells two doers apart: the canonical name, the noun in the singular ('The gunmen' and
    'a gunman' are one)."""
    words = canonical_actor(text).casefold().split()
    if words:
        words[-1] = doer.lemma_.lower()
        if words[-1].endswith("men"):
            words[-1] = words[-1][:-3] + "man"
    return " ".join(words)


def _after_dateline(token: Token) -> int:
    """The first token after a dateline dash before ``token`` ('KANO - Gunmen ...')."""
    dashes = [t.i for t in token.doc[: token.i] if is_dateline_dash(t)]
    return dashes[-1] + 1 if dashes else 0
