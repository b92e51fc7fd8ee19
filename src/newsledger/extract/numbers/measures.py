"""What a number counts: the measure and the counted noun phrase, read off the dependency parse.

Order of evidence for the measure of a number (first that speaks wins):
  1. a trigger verb or participle attached to the counted noun ("30 ISIS operatives killed",
     "92 captured ISIS operatives", "two individuals who died"), or right after a number that
     counts no noun ("leaving two dead and fifteen injured");
  2. the verb or event noun that governs the counted noun ("44 ISIS operatives were killed",
     "killing 466 operatives", "the deaths of 11", "166 detained", "lost their lives", "shot to
     death", "fatally shot", "left six people dead", "were reported killed", "killing a total of
     15 people", "seven guards sustained injuries", "2 staff shot and wounded");
  3. the trigger of the number itself when it counts through "of" or stands alone ("killed two of
     the guards", "One of them died", "over thirty-five injured", "wounding three more");
  4. the counted noun itself ("153 attacks", "196 missions", "9,000 ISIS detainees");
  5. a stock of people in a camp or area ("70,000 people in the camps");
  6. a partitive back-reference ("three of which", "Most of them - 211 -") takes the measure of the
     figure it refers to (resolved by the caller);
  7. a trigger verb later in the sentence whose object is a pronoun for the counted people
     ("opened fire on two policemen, killing them");
  8. a trigger phrase elsewhere in the sentence ("the death toll ... reached 73", "the number of
     IDPs ... reached 921,000").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from newsledger.extract.numbers.numbers import NUMBER_WORDS
from newsledger.extract.reporting import reporting_lemmas
from newsledger.lexicons import read_table
from newsledger.model import Measure

_NOUN_POS = {"NOUN", "PROPN", "PRON"}
_SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "npadvmod"}
_MODIFIER_DEPS = {"acl", "amod", "relcl", "advcl"}
# Person nouns whose count in a camp or area is a population stock.
_PEOPLE = {
    "people",
    "person",
    "individual",
    "family",
    "civilian",
    "child",
    "woman",
    "man",
    "resident",
    "household",
    "refugee",
    "idp",
}
_PLACE_OF_RESIDENCE = re.compile(
    r"\b(camps?|live|residing|living|sheltering|sheltered|housed|housing|hosted)\b", re.IGNORECASE
)
# Who a population counts: people sheltered somewhere, unlike the people of a settlement.
_SHELTERED = re.compile(r"\b(camps?|shelters?|sites?|refugees?|displaced|idps?)\b", re.IGNORECASE)
_SETTLEMENT = re.compile(
    r"\b(city|town|country|nation|capital|province|state|district|region|inhabitants)\b",
    re.IGNORECASE,
)
# Counted nouns that name their measure whatever verb governs them ("claimed 153 attacks").
_STRONG_NOUN_MEASURES = {Measure.ATTACKS, Measure.OPERATIONS, Measure.HELD}
# Trigger verbs whose subject does it to the object ("59 operations killed 14 operatives"), unlike
# "200 families fled their homes" or "161 civilians lost their lives".
_ACTING_ON_OBJECT = {Measure.KILLED, Measure.INJURED, Measure.DETAINED, Measure.KIDNAPPED}
_PARTITIVE = re.compile(
    r"\b(of (?:which|whom|them|those|these)|among (?:them|whom)|most of them)\b", re.IGNORECASE
)
# Prepositions a misparse takes a hedge for ("over thirty-five injured": "over" heads the number).
_HEDGE_PREPOSITIONS = {"over", "about", "around", "nearly", "almost", "under", "to", "than"}
# Nouns that only say how many ("a total of 15 people"): the verb governing them says what.
_AMOUNT_NOUNS = {"total", "tally"}
# Harms whose 'or' lists make one count of victims ("killed, injured or kidnapped"): 'other'.
_ALTERNATIVE_HARMS = frozenset({Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED})
# What befell a group a sentence opens with ("Of those killed, ..."): events, not stocks.
_GROUP_MEASURES = frozenset(
    {Measure.KILLED, Measure.INJURED, Measure.DETAINED, Measure.KIDNAPPED, Measure.MISSING,
     Measure.DISPLACED, Measure.RETURNED}
)
# Pronouns a trigger verb takes for people counted before it ("shot two guards, killing them").
_BACK_PRONOUNS = {"them", "both", "all"}
# Verbs that are not violence, though "to death" follows them ("sentenced to death").
_NOT_KILLING = {"sentence", "condemn", "frighten", "scare", "bore", "worry", "threaten"}


@dataclass(frozen=True, slots=True)
class MeasureReading:
    """The measure of one number, the counted phrase, and whether it refers back."""

    measure: Measure | None
    counted: str | None
    counted_head: str | None
    partitive: bool = False
    bare: bool = (
        False  # no counted noun and no trigger: "to more than 75,000" after "from 10,000 people"
    )
    part: bool = False  # a breakdown noun without a trigger: "(55) female and (250) male; ..."
    # an item of a group told before: "They included 43 farmers, 16 traders and ..."
    included: bool = False


@dataclass(frozen=True, slots=True)
class VictimWords:
    """The words of implicit tolls ("a policeman was killed"): see the end of measures.tsv."""

    verbs: dict[Measure, tuple[str, ...]]  # "killed", "shot dead": the victim is object or subject
    died: dict[Measure, tuple[str, ...]]  # "died": the victim is the subject
    persons: frozenset[str]  # singular nouns naming one person


@cache
def victim_words() -> VictimWords:
    """Victim verbs by measure and person nouns, from lexicons/measures.tsv."""
    verbs: dict[Measure, list[str]] = {}
    died: dict[Measure, list[str]] = {}
    persons = set()
    for term, kind, measure in read_table("measures.tsv", 3):
        if kind == "person":
            persons.add(term)
        elif kind in ("victim_verb", "victim_died"):
            (verbs if kind == "victim_verb" else died).setdefault(Measure(measure), []).append(term)
    return VictimWords(
        {m: tuple(v) for m, v in verbs.items()},
        {m: tuple(v) for m, v in died.items()},
        frozenset(persons),
    )


@cache
def _lexicon() -> dict[tuple[str, str], Measure]:
    return {
        (term, kind): Measure(measure)
        for term, kind, measure in read_table("measures.tsv", 3)
        if kind in ("verb", "noun", "phrase", "object_state", "arms_used")
    }


def noun_measure(word: str) -> Measure | None:
    """The measure a counted noun names by itself in measures.tsv ('raids' -> operations,
    'attacks' -> attacks), singular or with a plural -s; None for other nouns ('boats')."""
    lower = word.lower()
    lex = _lexicon()
    for form in (lower, lower.removesuffix("s"), lower.removesuffix("es")):
        found = lex.get((form, "noun"))
        if found:
            return found
    return None


@cache
def _undergoing() -> frozenset[str]:
    """Verbs whose subject undergoes what their object names ('five sustained injuries')."""
    return frozenset(term for term, kind, _ in read_table("measures.tsv", 3) if kind == "undergo")


@cache
def _words_of_kind(kind: str) -> frozenset[str]:
    """Terms of measures.tsv of one kind (e.g. 'people': nouns naming people)."""
    return frozenset(term for term, k, _ in read_table("measures.tsv", 3) if k == kind)


@cache
def _blocked() -> frozenset[str]:
    """Counted nouns that never make a figure ('the two countries', '13 regions')."""
    return frozenset(term for term, kind, _ in read_table("measures.tsv", 3) if kind == "block")


def _word_measure(token: Token, kind: str) -> Measure | None:
    lex = _lexicon()
    for form in (token.lemma_.lower(), token.lower_):
        found = lex.get((form, kind))
        if found:
            return found
    return None


def _verb_measure(token: Token) -> Measure | None:
    """The measure a verb or participle says; 'killed or injured', 'killed, injured or
    kidnapped': either of two measures, one count of victims, is 'other'."""
    found = _single_verb_measure(token)
    if found is None or found is Measure.OTHER:
        return found
    either = _has_other_alternative(token, found) or _paired_harm(token, found)
    return Measure.OTHER if either else found


def _paired_harm(token: Token, found: Measure) -> bool:
    """Whether 'killed' and 'wounded' in one form are joined by a bare 'and' ('killed and wounded
    45 people', 'kill and wound more than 60'): one count of victims of either harm."""
    doc = token.doc
    for conj, other in ((token.i + 1, token.i + 2), (token.i - 1, token.i - 2)):
        if min(conj, other) < 0 or max(conj, other) >= len(doc):
            continue
        if doc[conj].lower_ != "and" or doc[other].tag_ != token.tag_:
            continue
        # outcomes that exclude each other only: "abducted and killed five" befell all five
        if {found, _single_verb_measure(doc[other])} == _KILLED_OR_INJURED:
            return True
    return False


_KILLED_OR_INJURED = frozenset({Measure.KILLED, Measure.INJURED})


def verb_measure(token: Token) -> Measure | None:
    """The measure a verb or participle says, or None (public for the period rules)."""
    return _verb_measure(token)


def _has_other_alternative(token: Token, found: Measure) -> bool:
    """Whether an 'or' list of participles follows with another measure ('killed, injured or
    abducted'); read off the words, as the parser attaches such lists in many ways."""
    alternatives, either = [], False
    for word in token.doc[token.i + 1 : token.i + 8]:
        if word.lower_ in {",", "and"}:
            continue
        if word.lower_ == "or":
            either = True
            continue
        measure = _single_verb_measure(word) if word.tag_ in {"VBN", "VBD", "JJ"} else None
        if measure is None:
            break
        alternatives.append(measure)
    # harms to people only: "killed or captured 30" keeps the measure that fits best (SCHEMA)
    harms = _ALTERNATIVE_HARMS
    return either and found in harms and any(m is not found and m in harms for m in alternatives)


def _single_verb_measure(token: Token) -> Measure | None:
    if token.pos_ not in {"VERB", "ADJ", "AUX"} and token.tag_ not in {"VBN", "VBD", "VBG"}:
        return (
            _word_measure(token, "verb")
            if token.lower_ in {"dead", "wounded", "injured", "missing"}
            else None
        )
    if token.lemma_ == "lose" and any(c.lower_ == "lives" for c in token.children):
        return Measure.KILLED
    if _to_death(token) or any(c.lower_ == "fatally" for c in token.children):
        return Measure.KILLED  # "stabbed to death", "fatally shot"
    if token.lemma_ in {"claim", "take", "cost"} and any(
        c.dep_ == "dobj" and c.lemma_ in {"life", "lives"} for c in token.children
    ):
        return Measure.KILLED  # "the raid claimed 21 lives"
    found = _word_measure(token, "verb") or _object_measure(token)
    # "abducted 4 nurses from the clinic": a place of care they were taken from
    if found not in (Measure.KILLED, Measure.KIDNAPPED) and _under_care(token):
        return Measure.INJURED  # "96 were detained in hospital", "24 allowed home after treatment"
    return found


# "kept in", "taken to", "released from" hospital; not "arrested outside the clinic"
_CARE_PREPOSITIONS = frozenset({"in", "into", "to", "from", "after", "under"})


def _under_care(verb: Token) -> bool:
    """Whether the verb puts its people in medical care ('kept in hospital', 'taken to
    hospital', 'sent home after treatment'; lexicons/measures.tsv kind care)."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in _CARE_PREPOSITIONS
        and any(obj.dep_ == "pobj" and obj.lemma_.lower() in _words_of_kind("care")
                for obj in child.children)
        for child in verb.children
    )


def _to_death(verb: Token) -> bool:
    """'shot to death', 'stabbed to death', 'beaten to death' (not 'sentenced to death')."""
    if verb.lemma_.lower() in _NOT_KILLING:
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(obj.lemma_.lower() == "death" for obj in child.children)
        for child in verb.children
    )


def _object_measure(verb: Token) -> Measure | None:
    """'sustained injuries', 'suffered wounds': the object names what befell the subject."""
    if verb.lemma_.lower() not in _undergoing():
        return None
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        # "sustained varying degrees of injuries": the object may name its kind after "of"
        objects = [child, *(o for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj")]
        for obj in objects:
            if found := _word_measure(obj, "noun"):
                return found if found in (Measure.KILLED, Measure.INJURED) else None
    return None


def _phrase_measure(text: str) -> Measure | None:
    lowered = text.lower()
    for (term, kind), measure in _lexicon().items():
        if kind == "phrase" and term in lowered:
            return measure
    return None


def counted_noun(number: Token) -> Token:
    """The noun counted: the head in '44 operatives', the object in '33 of the operations'."""
    if _before_time_phrase(number):
        return number  # "reached 280 last year" misparsed as "280 ... year"
    if number.dep_ in {"nummod", "quantmod"} and number.head.pos_ in _NOUN_POS:
        noun = number.head
        # "Three foreign service employees", "8 dane guns": the number hangs on a modifier of
        # the head noun
        while (
            noun.dep_ in {"nmod", "compound"}
            and noun.head.pos_ in {"NOUN", "PROPN"}
            and noun.head.i > noun.i
        ):
            noun = noun.head
        return noun
    following = _following_noun(number)
    if following is not None:
        return following
    # "two dozen of the escapees": the "of" may hang on the number word
    words = [number, *(c for c in number.children if c.lower_ in NUMBER_WORDS)]
    for child in (c for word in words for c in word.children):
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUN_POS:
                    return obj
    return number


def _following_noun(number: Token, reach: int = 4) -> Token | None:
    """The noun right after a misparsed number ('137 partnered operations' parsed as a subject)."""
    doc = number.doc
    for token in doc[number.i + 1 : min(len(doc), number.i + 1 + reach)]:
        if token.lower_ in NUMBER_WORDS:
            continue  # the "dozen" of "two dozen"
        if token.pos_ in {"NOUN", "PROPN"}:
            if token.lemma_.lower() in _blocked():  # "to more than 75,000 today"
                return None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is None or after.pos_ not in {"NOUN", "PROPN"}:
                return token if token.pos_ == "NOUN" else None
        elif not (
            token.pos_ in {"ADJ", "ADV"}  # "9 locally fabricated guns"
            or token.tag_ in {"VBN", "VBD"}
            or _model_name(token)
        ):
            return None
    return None


def _model_name(token: Token) -> bool:
    """A designation of letters and digits ('AK-47', 'RPG-7') between a number and its noun."""
    return not token.like_num and any(c.isdigit() for c in token.text) and any(
        c.isalpha() for c in token.text
    )


def _counted_phrase(number: Token, noun: Token) -> str | None:
    if noun is number or noun.pos_ == "PRON":
        return None
    partitive = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.i > number.i
    if noun.i > number.i and not partitive:
        between = noun.doc[number.i + 1 : noun.i]
        if any(t.lower_ == "in" or t.text in {":", ";"} for t in between):
            # "At least 10 killed in second mosque attack in Afghanistan: officials": the number
            # hung on a noun past a clause of its own; no counted phrase ("3 Taliban fighters"
            # never has one of these inside)
            return None
        words = [
            t for t in noun.doc[number.i + 1 : noun.i + 1]
            if t.pos_ not in {"PUNCT", "DET", "NUM", "SPACE"}
        ]
    else:  # partitive: "Thirty-three of the operations", "two dozen of the escapees"
        words = [t for t in noun.lefts if t.dep_ in {"compound", "amod"}] + [noun]
    # not the copula of "3,212 were men" nor the "dozen" of "two dozen police officers"
    words = [t for t in words if t.pos_ != "AUX" and t.lower_ not in NUMBER_WORDS]
    text = " ".join(
        t.text for t in words if t.lower_ not in {"more", "other", "others"} or t is noun
    )
    return text or None


def _about_whole(clause: Token) -> bool:
    """Whether a clause on the counted noun tells of all of them: 'people who fled', not
    '48 people, of whom 30 were released' (a part with a subject of its own)."""
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return all(c.lower_ in {"who", "that", "which"} for c in subjects)


def _modifier_trigger(noun: Token) -> Measure | None:
    for child in noun.children:
        if not _about_whole(child):
            continue
        # "operations, which killed 35 operatives": an active verb with its own object acts on
        # that, but "seven guards sustaining injuries" undergo theirs
        undergoes = child.lemma_ == "lose" or child.lemma_.lower() in _undergoing()
        # ("who fled gang violence" does not act on it: fleeing is no harm done to an object)
        acts_on_other = (
            any(c.dep_ == "dobj" for c in child.children)
            and not undergoes
            and _verb_measure(child) in _ACTING_ON_OBJECT
        )
        if child.dep_ in _MODIFIER_DEPS and not acts_on_other:
            found = _verb_measure(child)
            if found:
                return found
    return None


def _of_measure(noun: Token) -> Measure | None:
    """'148 cases of arbitrary arrest', '12 incidents of abduction': the event named after 'of'
    (after a noun of occurrences only: 'two videos of the ambush' count videos)."""
    if noun.lemma_.lower() not in _words_of_kind("occurrence"):
        return None
    for compound in noun.children:  # "2,000 displacement events", "40 abduction cases"
        if compound.dep_ in {"compound", "amod"} and (found := _word_measure(compound, "noun")):
            return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := _word_measure(obj, "noun")):
                    return found
    return None


def _predicate_measure(verb: Token) -> Measure | None:
    """'1,300 people remain missing', 'five were dead': the state after a copula."""
    for child in verb.children:
        if child.dep_ in {"acomp", "attr", "oprd"} and (found := _verb_measure(child)):
            return found
        if (found := _state_measure(verb, child)) is not None:
            return found
        # "were reported killed", "are feared dead" (not "were forced to flee")
        participle = child.dep_ == "xcomp" and child.tag_ in {"VBN", "JJ"}
        if participle and (found := _verb_measure(child)):
            return found
    return None


def _state_measure(verb: Token, child: Token) -> Measure | None:
    """'(19,480) are under detention', 'remain in custody', 'are serving prison sentences': the
    state the counted people are in."""
    lemma = verb.lemma_.lower()
    if child.dep_ == "prep" and lemma in {"be", "remain", "stay"} and child.lower_ in {
        "in", "under", "behind",
    }:
        nouns = [o for o in child.children if o.dep_ == "pobj"]
    elif child.dep_ == "dobj" and lemma in {"serve", "give", "receive", "get"}:
        nouns = [child]  # "serving sentences", "were given prison sentences"
    else:
        return None
    for noun in nouns:
        found = _states().get(noun.lemma_.lower())
        sentenced = noun.lemma_.lower() in {"sentence", "term"}
        if found is not None and (child.dep_ == "prep" or sentenced):
            death = any(c.lower_ == "death" for c in noun.children)  # "death sentences"
            return Measure.OTHER if death else found
    return None


def _noun_state(noun: Token) -> Measure | None:
    """'520 journalists in prison', 'some 300 people under detention': the state the counted
    people are in, told right after them."""
    if noun.pos_ not in _NOUN_POS:
        return None
    preps = list(noun.children)
    # the parser often hangs the phrase on the verb: "counted 361 in prison"
    if noun.dep_ == "dobj":
        preps += [c for c in noun.head.children if c.i == noun.right_edge.i + 1]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "under", "behind"}:
            for state in prep.children:
                if state.dep_ == "pobj" and (found := _states().get(state.lemma_.lower())):
                    return found
    return None


def _subject_state(noun: Token) -> Measure | None:
    """'and 320 were behind bars', '900 remain in custody': the state the subject of "be" or
    "remain" is in, before any verb the clause is coordinated with ("were reported missing")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ not in {"be", "remain", "stay"}:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "under", "behind"}:
            for state in prep.children:
                if state.dep_ == "pobj" and (found := _states().get(state.lemma_.lower())):
                    return found
    return None


def _harmed_subject(verb: Token) -> Measure | None:
    """'The only fatalities were the four suicide bombers', 'the wounded were 12 soldiers': the
    harm the subject of "be" names befell the people its predicate counts."""
    for subject in verb.children:
        if subject.dep_ == "nsubj":
            found = _word_measure(subject, "noun") or _verb_measure(subject)
            return found if found in _HARMS | {Measure.MISSING, Measure.DETAINED} else None
    return None


def _among_measure(verb: Token) -> Measure | None:
    """'Among those killed were 13 police officers', 'Among the dead are two children': the
    group the counted people are among says what befell them."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "among":
            continue
        for group in prep.children:
            if group.dep_ == "pobj":
                return (
                    _modifier_trigger(group)
                    or _verb_measure(group)
                    or _word_measure(group, "noun")
                )
    return None


def _undergoes(noun: Token) -> bool:
    """Whether the noun is what its verb is done to: its object, or its subject when passive
    ('2 staff wounded') or when neither verb has an object ('1 staff shot and wounded')."""
    if noun.dep_ in {"dobj", "nsubjpass"}:
        return True
    verb = noun.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    objectless = not any(c.dep_ == "dobj" for v in verbs for c in v.children)
    return noun.dep_ == "nsubj" and (_bare_participle(verb) or objectless)


def _bare_participle(verb: Token) -> bool:
    """A past participle without auxiliary: a headline's passive ('2 staff wounded')."""
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _shared_verb_measure(verb: Token) -> Measure | None:
    """'shot and wounded', 'arrested and beaten': a verb joined to this one, with no subject or
    object of its own, does it to the same people."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in child.children
        ):
            found = _verb_measure(child)
            if found:
                return found
    return None


def _is_agent(noun: Token) -> bool:
    """'59 operations killed 14 operatives': the subject of an active transitive verb acts."""
    head = noun.head
    if _bare_participle(head):
        return False  # "2 staff wounded when vehicle hit": a headline's passive, not an agent
    acts = _verb_measure(head) in _ACTING_ON_OBJECT and _object_measure(head) is None
    return noun.dep_ == "nsubj" and acts and any(c.dep_ == "dobj" for c in head.children)


# Hedges ending in "to" that the parser may take for an adverb and its preposition ("planting
# close to 50 bombs" with "close" hung on the verb): the counted noun is the verb's object.
_TO_HEDGES = frozenset({"close", "up", "near"})


def _governing_trigger(noun: Token) -> Measure | None:
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lower_ in _TO_HEDGES
        and head.head.dep_ == "advmod"
        and head.head.head.pos_ == "VERB"
    ):
        verb = head.head.head
        return (
            _arms_used(noun, verb)
            or _verb_measure(verb)
            or _people_verb_measure_of_verb(noun, verb)
        )
    if head.dep_ in {"aux", "auxpass"} and noun.dep_ in {"nsubj", "nsubjpass"}:
        head = head.head  # "40 are missing" parsed with "are" as the subject's head
    if _is_agent(noun):
        return None
    if noun.dep_ in _SUBJECT_OR_OBJECT | {"conj"} and head is not noun:
        found = _verb_measure(head) or _predicate_measure(head)
        if noun.dep_ == "dobj":
            found = _gravest_of_shared_object(head, found)
        if found is None and _undergoes(noun):
            found = _shared_verb_measure(head)
        if found is None and noun.dep_ in {"nsubj", "nsubjpass", "attr"}:
            found = _among_measure(head)
        if found is None and noun.dep_ == "attr" and head.lemma_ == "be":
            found = _harmed_subject(head)  # "The only fatalities were the four bombers"
        if found is None and noun.dep_ == "dobj" and head.lemma_ in {"include", "comprise"}:
            found = _including_subject_measure(head)
        if found:
            return found
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUN_POS:
        amount = head.head
        # "killing a total of 15 people"; "claimed 21 lives, including those of two officers"
        if amount.lemma_.lower() in _AMOUNT_NOUNS or amount.lower_ in {"those", "that"}:
            return _governing_trigger(amount)
        return _word_measure(amount, "noun")
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "home":
        return Measure.POPULATION  # "camps home to 34,000 refugees": who lives there
    if noun.dep_ == "pobj" and head.lower_ in {"including", "among"}:
        # "the deaths of 9 civilians, including 4 children": the whole's measure; "targeted 11
        # officials with visa bans, including three judges": the people counted a few words back
        whole = _count_before(head) or _people_counted_before(head, noun) or head.head
        lives = whole.lemma_ in {"life", "lives"}  # "claimed 21 lives, including those of"
        return (
            _verb_measure(whole)
            or _object_state(whole)  # "taken 170 soldiers prisoner (including 9 officers)"
            or (_verb_measure(whole.head) if lives else None)
            or (_people_verb_measure(whole, whole) if _names_people(whole) else None)
            or _modifier_trigger(whole)
            or _governing_trigger(whole)
        )
    if noun.dep_ == "conj" and head is not noun:
        return _modifier_trigger(head) or _governing_trigger(head)
    if noun.dep_ == "pobj" and head.lower_ in {"on", "against", "for"}:
        # "sanctions on four people", "arrest warrants (were issued) for 15 others": a measure
        # noun of kind 'other' aimed at the people counted
        aimed = _aimed_noun(head.head)
        found = _word_measure(aimed, "noun") if aimed is not None else None
        return found if found is Measure.OTHER else None
    return None


# "arrested and beat six MPs", "abducted and killed 5": of two verbs sharing one object, the
# graver harm is the measure that fits best (SCHEMA: one figure, the measure that fits best)
# (kidnapped and detained rank alike: "kidnapped and detained nine" keeps the verb of the object)
_GRAVITY = {Measure.KILLED: 0, Measure.KIDNAPPED: 1, Measure.DETAINED: 1, Measure.INJURED: 2}
# A second verb with a subject of its own, or a passive first verb, shares no object with the other.
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _gravest_of_shared_object(verb: Token, found: Measure | None) -> Measure | None:
    first = verb.head
    if verb.dep_ != "conj" or first.pos_ != "VERB" or (found and found not in _GRAVITY):
        return found
    if any(c.dep_ == "dobj" for c in first.children):
        return found  # "killed 5 and wounded 12 people": each verb has its own object
    if any(c.dep_ in _OWN_CLAUSE for c in verb.children) or any(
            c.dep_ in {"auxpass", "nsubjpass"} for c in first.children):
        return found  # "one was killed and two were taken hostage": two clauses, no shared object
    if _verb_form(first) != _verb_form(verb):
        return found  # "15 people killed and wounding another 25": two clauses, not one object
    other = _verb_measure(first)
    if other in _GRAVITY and (found is None or _GRAVITY[other] < _GRAVITY[found]):
        return other  # "detained and tortured 12 men": the verb with a measure
    return found


def _verb_form(verb: Token) -> str:
    """'past' for a past tense or participle (the parser mixes them up), 'ing', or the tag."""
    return {"VBD": "past", "VBN": "past", "VBG": "ing"}.get(verb.tag_, verb.tag_)


def _aimed_noun(token: Token) -> Token | None:
    """The noun a prepositional phrase aims: the noun itself ('sanctions on'), or the object or
    passive subject of the verb it hangs from ('warrants have been issued for')."""
    if token.pos_ == "NOUN":
        return token
    if token.pos_ != "VERB":
        return None
    return next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def _lost_people(noun: Token) -> Measure | None:
    """'the army lost three soldiers' (and 12 tanks: no toll of those)."""
    if not (_names_people(noun) or noun.lemma_.lower() == "troop"):
        return None
    while noun.dep_ == "conj" and noun.head.pos_ in _NOUN_POS:
        noun = noun.head
    if noun.dep_ == "dobj" and noun.head.lemma_ == "lose":
        return Measure.KILLED
    return None


def _count_before(word: Token) -> Token | None:
    """The count right before 'including' ("wounding another 25, including 18 policemen"),
    whatever the parser hangs the 'including' on: a number, or a noun counted by one."""
    i = word.i - 1
    while i >= word.sent.start and word.doc[i].is_punct:
        i -= 1
    if i < word.sent.start or i == word.head.i:
        return None
    before = word.doc[i]
    if before.like_num or any(c.dep_ == "nummod" for c in before.children):
        return before
    return None


_INCLUDING_REACH = 10  # tokens back from "including" to the people it lists a part of


def _people_counted_before(word: Token, part: Token) -> Token | None:
    """The people counted a few words before 'including', past words of another kind ("11
    officials with visa bans and asset freezes, including three judges"), when the part names
    people too."""
    if not _names_people(part):
        return None
    for i in range(word.i - 1, max(word.sent.start, word.i - _INCLUDING_REACH) - 1, -1):
        before = word.doc[i]
        if before.lower_ in {";", "including", "among"}:
            return None
        if before.like_num or before.pos_ == "NUM":
            return None  # a nearer count ("6 soldiers dead and 14 wounded, including 2")
        if any(c.dep_ == "nummod" for c in before.children) and _names_people(before):
            return before
    return None


def _including_subject_measure(verb: Token) -> Measure | None:
    """'Those killed included 11 members', 'The injured include 40 children', 'The freed
    captives comprise 27 students': what befell the group that includes the people counted."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        found = _modifier_trigger(subject) or _verb_measure(subject)
        if found is None and subject.pos_ == "NOUN":
            found = _word_measure(subject, "noun")
        if found is None and subject.tag_ in {"NN", "JJ", "VBN"}:
            found = _word_measure(subject, "verb")  # "The abducted" tagged a noun
        if found in _GROUP_MEASURES:
            return found
        if (freed := _freed_group(subject)) is not None:
            return freed
    return None


def _freed_group(subject: Token) -> Measure | None:
    """'The freed captives comprise ...': a people_verb participle on the group."""
    people_verbs = _people_verbs()
    for word in subject.children:
        if word.dep_ in {"amod", "acl"}:
            for form in (word.lemma_.lower(), word.lower_):
                if form in people_verbs:
                    return people_verbs[form]
    return None


_LOOSE_REACH = 5  # tokens after the subject's verb read for "at large", "still on the run"


def _escapees_at_large(noun: Token, sentence: Span) -> Measure | None:
    """'212 had been recaptured and about 3,385 remained at large', '122 are still on the run':
    in a sentence about captives who escaped, those not yet caught are escapees (other), not
    fighters at large (lexicons/measures.tsv, kinds at_large, captive and escape_cue)."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = noun.head
    following = [
        t for t in sentence.doc[verb.i + 1 : verb.i + 1 + _LOOSE_REACH] if t.pos_ != "ADV"
    ]  # "are still on the run"
    after = " ".join(t.lower_ for t in following)
    if not any(f"{after} ".startswith(f"{p} ") for p in _words_of_kind("at_large")):
        return None
    cues = _words_of_kind("captive") | _words_of_kind("escape_cue")
    if any(t.lemma_.lower() in cues or t.lower_ in cues for t in sentence):
        return Measure.OTHER
    return None


def _still_held(noun: Token) -> Measure | None:
    """'20,145 are still detained', '300 remain jailed', 'are currently imprisoned': people a
    verb of arrest leaves in detention at the time of writing are a stock (lexicons/measures.tsv,
    kind stock_adverb), not the arrests of a period."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = noun.head
    if verb.lemma_ in {"remain", "stay"}:
        verbs = [c for c in verb.children if c.dep_ in {"acomp", "xcomp", "oprd"}]
        if verb.dep_ in {"aux", "auxpass"}:
            verbs.append(verb.head)  # "300 protesters remain detained", "remain" parsed an aux
    elif any(
        (c.dep_ == "advmod" and c.lower_ in _words_of_kind("stock_adverb"))
        or (c.dep_ in {"aux", "auxpass"} and c.lemma_ in {"remain", "stay"})  # "remain detained"
        for c in verb.children
    ):
        verbs = [verb]
    else:
        return None
    return Measure.HELD if any(_verb_measure(v) is Measure.DETAINED for v in verbs) else None


def _people_verb_measure(number: Token, noun: Token) -> Measure | None:
    """'freed 4,000 prisoners', '(122) people have been sentenced', 'ten fighters surrendered':
    what a people_verb says befell the people counted (never things: 'released two videos')."""
    if noun is not number and noun.pos_ != "PRON" and not _names_people(noun):
        return None
    verbs = [c for c in noun.children if c.dep_ in {"acl", "relcl"} and _about_whole(c)]
    target = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _of_number(noun.head.head, number):
        target = number  # "freed 12 of the hostages": the number is the verb's object
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
        noun.head.head.lemma_.lower() in _AMOUNT_NOUNS
    ):
        target = noun.head.head  # "a total of 2,760 fighters surrendered"
    # "freed 27 students, three staff and 12 family members", "42 people were freed: 27
    # students, ...": the first of a list of people, or the people a list spells out
    while target.dep_ in {"conj", "appos"} and target.head.pos_ in _NOUN_POS:
        target = target.head
    if target.dep_ in _SUBJECT_OR_OBJECT | {"conj"}:
        verbs.append(target.head)
        # "remained confined to their homes", "were reported freed"
        states = [c for c in target.head.children if c.dep_ in {"acomp", "xcomp", "oprd"}]
        # "were able to escape": the verb the adjective leads to
        verbs += states + [
            g for c in states if c.dep_ == "acomp" for g in c.children
            if g.dep_ == "xcomp" and g.pos_ == "VERB"
        ]
    people_verbs = _people_verbs()
    if noun.lemma_.lower() in _words_of_kind("captive"):
        # "240 inmates who fled": prisoners who flee escape, they are not displaced
        escapes = {w: Measure.OTHER for w in _words_of_kind("captive_verb")}
        people_verbs = {**people_verbs, **escapes}
    for verb in verbs:
        lemma = verb.lemma_.lower()
        particles = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "advmod"}]
        for form in (lemma, verb.lower_, *particles):  # "refugees who came back"
            if form in people_verbs:
                # "25 pupils had escaped and returned home": where they ended up
                home = any(
                    c.dep_ == "conj"
                    and _verb_measure(c) is Measure.RETURNED
                    and not any(g.dep_ == "dobj" for g in c.children)  # "returned fire"
                    for c in verb.children
                )
                return Measure.RETURNED if home else people_verbs[form]
    return None


_AWAY_PREPOSITIONS = frozenset({"from", "into", "across"})
_AWAY_ADVERBS = frozenset({"forcibly", "away"})


def _taken_away(number: Token, noun: Token) -> Measure | None:
    """'seized twenty people from the resort', 'were forcibly taken from their residence', 'took
    300 of them across the border', 'the other eight were taken into the jungle': people a verb
    takes away from, into or across a place were kidnapped (not into custody or care)."""
    if noun is not number and noun.pos_ != "PRON" and not _names_people(noun):
        return None
    target = number if _partitive_of(number, noun) else noun
    verb = target.head
    if target.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in _words_of_kind(
        "take_away"
    ):
        return None
    kept = _words_of_kind("take_away_not")
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _AWAY_ADVERBS:
            return Measure.KIDNAPPED
        if child.dep_ == "prep" and child.lower_ in _AWAY_PREPOSITIONS:
            places = [o for o in child.children if o.dep_ == "pobj"]
            if places and all(o.lemma_.lower() not in kept for o in places):
                return Measure.KIDNAPPED
    return None


def _residents(noun: Token, own: Measure | None) -> Measure | None:
    """'a camp hosting 20,000 Christians', '30,000 IDPs were settled in the area': people a place
    hosts, or who live or were settled somewhere, are its population (lexicons/measures.tsv,
    kinds residence_host and residence_stay), never a flow; those a region hosts that the noun
    calls displaced stay displaced ('the region hosts 520,000 displaced people')."""
    verb = noun.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == noun.i:
        return None
    lemma = verb.lemma_.lower()
    named = own or _modifier_trigger(noun)  # "displaced people", "IDPs"
    if noun.dep_ == "dobj" and named is None and lemma in _words_of_kind("residence_host"):
        return Measure.POPULATION
    if noun.dep_ in {"nsubj", "nsubjpass"} and lemma in _words_of_kind("residence_stay"):
        return Measure.POPULATION
    return None


def _arms_used(noun: Token, verb: Token | None = None) -> Measure | None:
    """'planted 12 bombs', 'detonated two car bombs', 'some 21 bombs had gone off': bombs set
    off count attacks (lexicons/measures.tsv, kinds arms_used and arms_noun); bombs found,
    seized or defused stay arms."""
    if not {noun.lemma_.lower(), noun.lower_} & _words_of_kind("arms_noun"):
        return None
    if verb is None:
        if noun.dep_ not in _SUBJECT_OR_OBJECT:
            return None
        verb = noun.head
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    forms = {lemma, verb.lower_} | {f"{lemma} {p}" for p in particles}
    return Measure.ATTACKS if forms & _words_of_kind("arms_used") else None


def _people_verb_measure_of_verb(noun: Token, verb: Token) -> Measure | None:
    """What a people_verb says befell the people counted, its object hung elsewhere."""
    if not _names_people(noun):
        return None
    people_verbs = _people_verbs()
    for form in (verb.lemma_.lower(), verb.lower_):
        if form in people_verbs:
            return people_verbs[form]
    return None


_HARMS = frozenset({Measure.KILLED, Measure.INJURED, Measure.KIDNAPPED})


def _main_verb_over_clause(noun: Token) -> Measure | None:
    """'Five agents who were returning a captive to his family were killed', 'Gunmen killed three
    men who were returning from a wedding': a relative clause on the counted noun tells who they
    were; the verb they are the subject or object of, what befell them."""
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return None
    if not any(c.dep_ == "relcl" and _about_whole(c) for c in noun.children):
        return None
    found = _governing_trigger(noun)
    return found if found in _HARMS else None


def _of_number(token: Token, number: Token) -> bool:
    """Whether ``token`` is the number, or the "dozen" of it ("two dozen of the escapees")."""
    return token.i == number.i or (token.head.i == number.i and token.lower_ in NUMBER_WORDS)


def counts_people(head: str | None) -> bool:
    """Whether a counted head names people: a person word, or a side of a conflict whose dead
    are counted ("police", "rebels"; lexicons/death_sides.tsv)."""
    if not head:
        return False
    word = head.lower()
    return word in victim_words().persons or word in _words_of_kind("people") or word in _sides()


@cache
def _sides() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_table("death_sides.tsv", 2))


def _names_people(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in victim_words().persons or lemma in _words_of_kind("people")


@cache
def _people_verbs() -> dict[str, Measure]:
    """Verbs of what befell people counted (lexicons/measures.tsv, kind people_verb)."""
    return {
        term: Measure(measure)
        for term, kind, measure in read_table("measures.tsv", 3)
        if kind == "people_verb"
    }


@cache
def _states() -> dict[str, Measure]:
    """Nouns of a state people are in ('under detention'): lexicons/measures.tsv, kind state."""
    return {
        term: Measure(measure)
        for term, kind, measure in read_table("measures.tsv", 3)
        if kind == "state"
    }


def _source_head_count(noun: Token) -> bool:
    """'according to two medical officials', 'three witnesses said': how many sources speak is
    no figure."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "to":
        return noun.head.head.lower_ == "according"
    # "Two guards confirmed dead", "five reported missing": a headline's toll, not its sources
    return (
        noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in reporting_lemmas()
        and _predicate_measure(noun.head) is None
    )


def read_measure(number: Token, sentence: Span) -> MeasureReading:
    """Measure and counted phrase of the number whose last token is ``number``."""
    noun = counted_noun(number)
    counted = _counted_phrase(number, noun)
    head_word = noun.lemma_.lower() if noun is not number else None
    # "three witnesses said" counts sources, but "99 journalists killed in 2023, CPJ says" not
    source_count = noun is not number and _source_head_count(noun) and not _modifier_trigger(noun)
    # "split between two events", but "2,000 displacement events"
    bare = head_word in _words_of_kind("block_bare") and _compound_measure(noun) is None
    if head_word in _blocked() or source_count or bare or _how_far(noun):
        return MeasureReading(None, counted, head_word)
    own = _word_measure(noun, "noun") if noun is not number else None
    if own is not None and head_word in _words_of_kind("person_noun_by_kind"):
        own = _compound_measure(noun) or own  # "438 kidnapping victims" were kidnapped
    # "claimed 153 attacks", "repatriate 9,000 detainees": the noun says it, whatever the verb
    own_first = own if own in _STRONG_NOUN_MEASURES else None
    if own is Measure.ATTACKS and _accidental(noun):
        own_first = own = Measure.OTHER  # "two accidental explosions": no attacks
    if own is not None and head_word in _words_of_kind("harm_event") | _words_of_kind("instrument"):
        own_first = own  # "with 243 deaths and 625 injured": deaths are no injured
    if own is not None and noun.dep_ == "conj" and noun.head.pos_ == "VERB":
        own_first = own  # "one was killed and 50 sustained injuries": a clause of its own
    if own_first is Measure.HELD and _partitive_of(number, noun):
        # "three of the detainees were injured", "five of the prisoners died": what befell
        # some of those held
        harm = _number_trigger(number, noun)
        own_first = None if harm in _HARMS else own_first
    if _passive_doer(noun):
        # "was shot dead by two soldiers", "were freed by 12 commandos": the by-phrase of a
        # passive names who did it, never whom it befell; only the noun's own measure is left
        # "hijacked by five armed men": armed men who did it are its attackers ('other')
        doers = Measure.OTHER if own is None and _armed(noun) else own
        return MeasureReading(None if doers in _HARMS else doers, counted, head_word)
    measure = (
        _harms_in_brackets(noun)
        or _named_member_of_group(number, noun, sentence)
        or (_brought_to(number) if noun is number else None)
        or (_gapped_sibling(number) if noun is number else None)
        or _times_attacked(noun)
        or _arms_used(noun)
        or (_part_of_the_harmed(number) if noun is number else None)
        or _included_in_count(noun, sentence)
        or _object_state(noun)
        or _subject_held_as(noun)
        or _still_held(noun)
        or _stated_missing(noun)
        or _escapees_at_large(noun, sentence)
        or _harmed_again(number, noun)
        or _participle_after(number)
        or (_adjacent_trigger(number) if noun is number else None)
        or (_headline_verb_before(number) if noun.i <= number.i else None)
        or _lost_people(noun)
        or _residents(noun, own)
        or _main_verb_over_clause(noun)
        or _harm_right_after(noun)
        or _left_harmed(number, noun)
        or _people_verb_measure(number, noun)
        or _taken_away(number, noun)
        or _forced_measure(noun)
        or (_participle_on_number(number) if noun is not number else None)
        or _modifier_trigger(noun)
        or own_first
        or _before_being_done(noun)
        or _attacking_armed(noun, own)
        or _subject_state(noun)
        or _governing_trigger(noun)
        # "died yesterday, including 55 of the regime forces": the number is the item
        or (_governing_trigger(number) if _partitive_of(number, noun) else None)
        or _joined_participle(noun)
        or _number_trigger(number, noun)
        or (_named_before(number) if noun is number else None)
        or _noun_state(noun)
        # "left 19 dead - 11 soldiers and eight attackers": a list spelling out a toll of people;
        # its fighters too ("killed 26 people: 18 Houthi fighters and 8 soldiers")
        or (_listed_measure(noun) if own in (Measure.OTHER, Measure.FIGHTERS) else None)
        or own
        or _of_measure(noun)
    )
    if measure is Measure.DISPLACED and head_word in _words_of_kind("never_displaced"):
        # "before the two suspects arrived": a suspect's coming is no flight; "10 gunmen
        # arrived" are still gunmen
        measure = own if own is not Measure.DISPLACED else None
    if measure is Measure.HELD and own is Measure.KIDNAPPED:
        measure = own  # "the group is holding 17 hostages": captives of kidnappers, no detainees
    if measure is Measure.DETAINED and _being_done(noun):
        measure = Measure.HELD  # "22 others were being detained": held at the time told
    if measure is Measure.HELD and own is None and _took_in(noun):
        measure = Measure.DETAINED  # "police held thirteen people after raiding their homes"
    if measure is Measure.HELD and own is None and _camp_holds(noun):
        measure = Measure.POPULATION  # "Al Hol camp now holds 43,000 people": its residents
    if (
        measure is None
        and head_word in _PEOPLE
        and _PLACE_OF_RESIDENCE.search(sentence.text)
        # "Of the 64 people killed in the attack on the camp, 25 were women": parts of the whole
        and not _opens_with_whole(number, sentence)
    ):
        measure = Measure.POPULATION
    if measure is None:
        measure = (
            _listed_measure(noun)
            or _trailing_conjunct_trigger(noun)
            or (_comma_listed_trigger(noun) if noun is not number else None)
            or _added_with(noun)
            or _with_participle(noun)
            or _opening_group_measure(sentence)
        )
    partitive = measure is None and (
        _partitive_before(number, sentence)
        or _opens_with_whole(number, sentence)
        or _with_being(number)
    )
    # A number standing alone ("... to more than 75,000 today") refers back; one that is the
    # subject of its own verb ("21.6 million need assistance") does not.
    # "..., while 98 were recorded in occupied areas": a number that is only what was recorded
    # refers back too
    bare = measure is None and noun is number and (
        number.dep_ not in {"nsubj", "nsubjpass"} or _recorded_subject(number)
    )
    if measure is None and not partitive:
        measure = (
            _back_reference_measure(noun, sentence)
            or _phrase_measure(sentence.text)
            or _nearby_noun_measure(number, sentence)
        )
    # "(55) female and (250) male" are parts of a breakdown; "40 armed men raided the village"
    # are its actors
    acting = noun.dep_ == "nsubj" and noun.head.pos_ == "VERB"
    part = measure is None and head_word in _words_of_kind("part") and not acting
    included = measure is None and _included_by_pronoun(noun)
    return MeasureReading(
        measure, counted, head_word, partitive, bare and measure is None, part, included
    )


# Verbs by which a monitor tells that it counted something ("98 were recorded in ...").
_RECORDING_VERBS = frozenset({"record", "document", "register", "verify", "report", "count"})


def _how_far(noun: Token) -> bool:
    """'two blocks away', 'three days later': the count measures how far or how long, no one."""
    return noun.dep_ == "npadvmod" and noun.head.pos_ == "ADV" and noun.head is not noun


def _passive_doer(noun: Token) -> bool:
    """'killed by two soldiers', 'by four gunmen and two boys': the count is a passive's agent."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    by = noun.head
    if noun.dep_ != "pobj" or by is noun:
        return False
    if by.dep_ == "agent":
        return True
    # "were freed by 12 commandos" parsed with "by" as a plain preposition of the passive verb
    verb = by.head
    passive = verb.tag_ == "VBN" and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    return by.lower_ == "by" and by.dep_ == "prep" and passive


def _partitive_of(number: Token, noun: Token) -> bool:
    """'three of the detainees': the counted noun hangs on an 'of' after the number."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == number.i


def _recorded_subject(number: Token) -> bool:
    head = number.head
    return (
        number.dep_ == "nsubjpass"
        and head.lemma_.lower() in _RECORDING_VERBS
        and any(c.dep_ == "auxpass" for c in head.children)
    )


def _included_in_count(noun: Token, sentence: Span) -> Measure | None:
    """'At least 14 persons, including seven children, were injured in five grenade attacks': the
    people included take the measure of the count that includes them, however the parser hangs
    the rest of the sentence (a dateline before it, another count after it). So do the later
    items of the list ("including 6 Britons, 14 Japanese and one Colombian", "including two
    people from China, two from Romania and one from Ghana"), however the parser chains them."""
    noun = _first_listed(noun)
    if noun.dep_ != "pobj" or noun.head.lower_ != "including":
        return None
    if _count_before(noun.head) is not None:
        return None  # the parser hung "including" on another count than the one right before
    whole = noun.head.head
    if whole.pos_ not in _NOUN_POS or not _names_people(whole):
        return None
    counts = [c for c in whole.children if c.dep_ == "nummod" and c.like_num]
    if not counts:
        return None
    found = read_measure(counts[-1], sentence).measure
    return found if found in _GROUP_MEASURES else None


_LISTED_DEPS = frozenset({"conj", "appos"})
_LIST_WORD_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})


def _first_listed(noun: Token) -> Token:
    """The first item of the list the counted word is a later item of: up the chain of joined
    and apposed words ("14 Japanese" after "6 Britons"; "one Colombian", whose number hangs on
    an adjective), past the place a number's "from" phrase names ("two from Romania, one from
    Ghana": the parser hangs the next item on the place)."""
    if noun.like_num and noun.dep_ == "nummod" and noun.head.pos_ == "ADJ":
        noun = noun.head  # "one Colombian": a nationality adjective standing for a person
    while True:
        if noun.dep_ in _LISTED_DEPS and noun.head.pos_ in _LIST_WORD_POS:
            noun = noun.head
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "from"
            and noun.head.dep_ == "prep"
            and noun.head.head.dep_ in _LISTED_DEPS
            and (noun.head.head.like_num or _counted_by_number(noun.head.head))
        ):
            noun = noun.head.head  # "Romania" of "two from Romania": back to its count
        else:
            return noun


def _counted_by_number(noun: Token) -> bool:
    return any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def _part_of_the_harmed(number: Token) -> Measure | None:
    """'Nine of the injured', 'three of the dead', 'two of the 12 (initially) killed': a part of
    people harmed takes the harm of its whole ("the injured", "the 12 killed"), unless its own
    verb tells another ("three of the wounded later died")."""
    if number.dep_ in {"nsubj", "nsubjpass"} and _single_verb_measure(number.head):
        return None
    for prep in number.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for whole in prep.children:
            if whole.dep_ != "pobj":
                continue
            if whole.like_num:
                participles = [p for p in whole.children
                               if p.dep_ in {"acl", "amod"} and p.tag_ in {"VBN", "JJ"}]
            elif any(c.dep_ == "det" and c.lower_ == "the" for c in whole.children) and (
                whole.tag_ in {"VBN", "JJ"} or whole.lower_ in {"dead", "wounded", "injured"}
            ):
                participles = [whole]
            else:
                participles = []
            for participle in participles:
                if found := _single_verb_measure(participle):
                    return found
    return None


def _object_state(noun: Token) -> Measure | None:
    """'kept 13 people hostage', 'held nine miners captive': the object's predicate noun says what
    befell the counted people."""
    if noun.dep_ == "nsubj" and noun.head.i > noun.i:
        return _word_measure(noun.head, "object_state")  # parsed as a clause: "members hostage"
    if noun.dep_ != "dobj":
        return None
    after = [c for c in noun.children if c.dep_ == "amod" and c.i > noun.i]  # "miners captive"
    # "took 64 people hostage" may come parsed with "hostage" a second object of the verb
    for child in [*after, *noun.head.children]:
        if child.dep_ in {"oprd", "xcomp", "advmod", "npadvmod", "amod", "dobj"} and (
            child.i == noun.i + 1 or (child.dep_ != "dobj" and child.i > noun.i)
        ):
            state = _word_measure(child, "object_state")
            if state is not None:
                return _held_or_taken(state, noun.head)
    # "had taken 170 soldiers prisoner": the state noun parsed as the object, the people before it
    if noun.lemma_.lower() in _words_of_kind("object_state") and any(
        c.dep_ == "compound" and _names_people(c) for c in noun.children
    ):
        state = _word_measure(noun, "object_state")
        return _held_or_taken(state, noun.head) if state is not None else None
    return None


def _joined_subject(noun: Token) -> Token:
    """The first of nouns joined by 'and' ('7 staff and 3 guards were ...': 'staff')."""
    while noun.dep_ == "conj" and noun.head.pos_ in _NOUN_POS:
        noun = noun.head
    return noun


def _subject_held_as(noun: Token) -> Measure | None:
    """'3 staff held hostage', 'two nurses were kept captive': people the verb holds in a state
    (lexicons/measures.tsv kind object_state) are in it, whoever holds them."""
    first = _joined_subject(noun)
    verbs = []
    if first.dep_ in {"nsubj", "nsubjpass"} and first.head.i > first.i:
        verbs.append(first.head)
    elif first.dep_ in {"ROOT", "dep", "appos"}:
        # a headline "3 aid workers held hostage in ...", but not "engineers held hostage by the
        # gang were freed": there the clause's own verb says what befell them
        verbs += [c for c in first.children if c.dep_ == "acl" and c.i > first.i]
    for verb in verbs:
        if verb.lemma_.lower() not in {"hold", "keep", "take"}:
            continue
        for child in verb.children:
            if child.dep_ in {"dobj", "oprd", "attr", "advmod", "npadvmod", "xcomp"} and (
                state := _word_measure(child, "object_state")
            ):
                return _held_or_taken(state, verb)
    return None


# Verbs whose subject is in the state their complement names ("remain missing", "went missing").
_STATE_VERBS = frozenset({"be", "remain", "stay", "go"})


def _stated_missing(noun: Token) -> Measure | None:
    """'3,200 displaced people remain missing': being missing, said of the subject, is what the
    count is of, whatever the people were before."""
    first = _joined_subject(noun)
    verb = first.head
    if first.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_ not in _STATE_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in {"acomp", "oprd", "attr"} and child.lower_ == "missing":
            return Measure.MISSING
    return None


def _took_in(noun: Token) -> bool:
    """'Police in France held thirteen people after raiding their homes': people a force held,
    told in the simple past with its subject, were taken in on that day (a flow), unlike those
    it holds or is holding, or held somewhere (a stock: 'the group still holds 30 people',
    'the troops held 30 suspects at the base')."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() == "hold"
        and verb.tag_ == "VBD"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and not any(c.dep_ == "prep" and c.lower_ in _KEPT_AT for c in verb.children)
    )


# where people are kept ("held 30 at the base"); not "in", which also ties ("in connection with")
_KEPT_AT = frozenset({"at", "inside"})


def _held_or_taken(state: Measure, verb: Token) -> Measure:
    """Prisoners taken are detained; prisoners held or kept are held."""
    if state is Measure.DETAINED and verb.lemma_.lower() in {"hold", "keep"}:
        return Measure.HELD
    return state


# Subjects that stand for a group told before: "They included 170 civilians, ...".
_GROUP_PRONOUNS = {"they", "these", "those"}


def _included_by_pronoun(noun: Token) -> bool:
    """'They included 43 farmers, 16 traders and 5 militia members', 'These include 12 women':
    items of a group a sentence before named, what befell it told there."""
    while noun.dep_ in {"conj", "appos"} and noun.head.pos_ in _NOUN_POS | {"NUM"}:
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in {"include", "comprise"}:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        c.lower_ in _GROUP_PRONOUNS
        and not any(d.dep_ in {"acl", "relcl", "amod"} for d in c.children)
        for c in subjects
    )


def group_measure(sentence: Span) -> Measure | None:
    """What befell the group a sentence without figures names as its subject ("The victims of
    the raid were mostly villagers", "The dead were mostly soldiers"), for items it includes
    told after it."""
    for token in sentence:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ not in {"NOUN", "ADJ"}:
            continue
        found = _modifier_trigger(token) or _word_measure(token, "noun")
        if found is None:
            found = _verb_measure(token)  # "The dead", "The abducted"
        if found in _GROUP_MEASURES:
            return found
    return None


_ATTACK_VERBS = {"attack", "ambush", "shell", "bomb", "target", "strike"}


def _accidental(noun: Token) -> bool:
    """'two accidental explosions', 'a premature blast': events nobody carried out."""
    return any(c.dep_ == "amod" and c.lower_ in {"accidental", "premature"} for c in noun.children)


def _attacking_armed(noun: Token, own: Measure | None) -> Measure | None:
    """'Five militants stormed the base', 'three insurgents tried to plant a bomb': armed men
    counted as the ones who carry out an attack are its attackers ('other', like 'two suicide
    bombers'), no stock of fighters (lexicons/measures.tsv, kind assault_verb)."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return None
    if own is not Measure.FIGHTERS and not (own is None and _armed(noun)):
        return None
    verb = noun.head
    # "tried to plant", "attempted to storm": the act the subject set out to do
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    acts += [c for act in acts for c in act.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    assaults = _words_of_kind("assault_verb")
    for act in acts:
        lemma = act.lemma_.lower()
        objects = {c.lemma_.lower() for c in act.children if c.dep_ == "dobj"}
        if lemma in assaults or any(f"{lemma} {o}" in assaults for o in objects):
            return Measure.OTHER
        harm = _verb_measure(act) or _predicate_measure(act)  # "shot dead three farmers"
        if objects and harm in _HARMS and not _passive(act):
            return Measure.OTHER  # "Twelve armed men shot dead seven missionaries"
    return None


def _armed(noun: Token) -> bool:
    """'armed men', 'heavily armed members': people the text calls armed."""
    return any(c.dep_ == "amod" and c.lower_ == "armed" for c in noun.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _times_attacked(noun: Token) -> Measure | None:
    """'Aid convoys were attacked 17 times': a count of attacks."""
    if noun.lemma_.lower() != "time" or noun.head.lemma_.lower() not in _ATTACK_VERBS:
        return None
    return Measure.ATTACKS


def _harm_right_after(noun: Token) -> Measure | None:
    """'Sixty-two migrants drowned and 19 others were rescued': a harm verb right after the counted
    noun (parsed as its modifier, with no object of its own) befell them, whatever the verb the
    parser makes their head."""
    if noun.i + 1 >= len(noun.doc):
        return None
    verb = noun.doc[noun.i + 1]
    last = _last_joined_noun(noun)
    if last is not None and last.i + 1 < len(noun.doc):
        # "over 50 women and children abducted, ...": the harm closes the joined nouns, however
        # the parser hangs it (often as the sentence's root, with the first count as subject)
        verb = noun.doc[last.i + 1]
        if verb.tag_ not in {"VBD", "VBN"}:
            return None
    elif (
        verb.head.i not in _own_or_joined_to(noun)
        or verb.dep_ != "acl"
        or verb.tag_ not in {"VBD", "VBN"}
    ):
        return None
    # the verb ends its clause ("drowned and 19 others ..."); not "abducted on Monday were freed"
    following = noun.doc[verb.i + 1] if verb.i + 1 < len(noun.doc) else None
    if following is not None and following.lower_ not in _CLAUSE_AFTER_HARM:
        return None
    if any(c.dep_ == "dobj" or (c.dep_ == "nsubj" and last is None) for c in verb.children):
        return None
    found = _verb_measure(verb)
    return found if found in _HARMS else None


# Words that may follow a harm closing its clause ("1 guard wounded when a bomb exploded").
_CLAUSE_AFTER_HARM = frozenset({"and", ",", ";", "but", "while", ".", "when"})


_JOINED_PHRASE_POS = frozenset({"NUM", "ADJ", "NOUN", "PROPN", "DET"})


def _own_or_joined_to(noun: Token) -> tuple[int, ...]:
    """The noun, and the noun it is joined to: "2 drivers killed and 1 guard wounded", where the
    parser hangs "wounded" on "drivers", tells of the guard."""
    if noun.dep_ == "conj" and noun.head.pos_ in _NOUN_POS:
        return noun.i, noun.head.i
    return (noun.i,)


def _last_joined_noun(noun: Token) -> Token | None:
    """'women and children': the noun joined right after the counted one by 'and'/'or', if any."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].text == "(" and noun.dep_ != "dobj":
        # "2 staff (1 French, 1 Kenyan) and 1 driver killed": a breakdown aside is skipped
        close = next((t.i for t in doc[i:] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    if i + 1 >= len(doc) or doc[i].lower_ not in {"and", "or"}:
        return None
    joined = doc[i + 1]
    if joined.dep_ != "conj" and noun.dep_ != "dobj":
        # "2 aid workers and 1 local driver killed": the noun phrase joined after "and", read on
        # the words (the parser hangs it in many ways)
        end = i + 1
        while end < len(doc) and doc[end].pos_ in _JOINED_PHRASE_POS:
            end += 1
        last = doc[end - 1]
        return last if end - 1 > i + 1 and last.pos_ in _NOUN_POS else None
    if joined.dep_ != "conj" or joined.head.i != noun.i or joined.pos_ not in _NOUN_POS:
        return None
    return joined


def _left_harmed(number: Token, noun: Token) -> Measure | None:
    """'leaving two others wounded', 'left 25 hurt', 'left 19 dead': the state the people are left
    in, whatever the parser makes of it (the harm word taken for the counted noun, or hung on
    another verb)."""
    if noun is not number and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "leave":
        if noun.i + 1 < len(noun.doc):
            state = _word_measure(noun.doc[noun.i + 1], "verb")
            if state in _HARMS:
                return state
        # "left 25 hurt": the harm word parsed as the noun the number counts
        state = _word_measure(noun, "verb") if noun.tag_ in {"NN", "JJ", "VBN", "VBD"} else None
        return state if state in _HARMS else None
    return None


def _compound_measure(noun: Token) -> Measure | None:
    """The measure a modifier names before a noun of victims ('kidnapping victims')."""
    for child in noun.children:
        modifier = child.dep_ in {"compound", "amod"} and child.i < noun.i
        if modifier and (found := _word_measure(child, "noun")):
            return found
    return None


def _listed_measure(noun: Token) -> Measure | None:
    """'The attack killed 30 people: 12 soldiers and 18 civilians': the items of a list that
    spells out a counted noun take what befell it."""
    while noun.dep_ == "conj" and noun.head.pos_ in _NOUN_POS:
        noun = noun.head  # "killed: 89 Palestinians, 2 Israelis and 3 Lebanese"
    if noun.dep_ != "appos" or noun.head.pos_ not in _NOUN_POS:
        return None
    head = noun.head
    while head.dep_ in {"conj", "appos"} and head.head.pos_ in _NOUN_POS:
        head = head.head
    return _modifier_trigger(head) or _governing_trigger(head)


def _trailing_conjunct_trigger(noun: Token) -> Measure | None:
    """'left three soldiers and seven militants dead': a trigger after the last of joined nouns
    tells of them all."""
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ in _NOUN_POS):
        for word in conj.children:
            if word.dep_ in {"amod", "acl"} and word.i > conj.i and (found := _verb_measure(word)):
                return found
        if (found := _trailing_conjunct_trigger(conj)) is not None:
            return found
    return None


_ADDING = frozenset({"along", "together"})


def _added_with(noun: Token) -> Measure | None:
    """'killed 85 soldiers along with 50 civilians': people added to a count by 'along with' or
    'together with' share what befell it ('along with 14 of his followers' too)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.like_num:
        noun = noun.head.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with":
        return None
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    if not (
        prep.head.lower_ in _ADDING
        or before.lower_ in _ADDING
        or any(c.lower_ in _ADDING for c in prep.children)
    ):
        return None
    anchor = prep.head
    while anchor.lower_ in _ADDING or anchor.dep_ == "prep":
        if anchor.head is anchor:
            return None
        anchor = anchor.head
    found = None
    if anchor.pos_ in {"VERB", "AUX"}:
        found = _verb_measure(anchor)
    elif anchor.pos_ in _NOUN_POS:
        found = _modifier_trigger(anchor) or _governing_trigger(anchor)
    # harms only: "the minister arrived along with 20 officials" tells of no displacement
    return found if found in _ACTING_ON_OBJECT else None


def _number_word(token: Token) -> bool:
    return token.like_num or token.lower_ in NUMBER_WORDS


def _comma_listed_trigger(noun: Token, depth: int = 0) -> Measure | None:
    """'23 soldiers, 31 militants killed', '33 rebels, 4 police die': counts listed with a comma
    and no 'and' (headline style) share the participle or verb after the last of them."""
    doc = noun.doc
    comma = noun.i + 1
    if depth > 4 or comma + 2 >= len(doc) or doc[comma].text != ",":
        return None
    nxt = doc[comma + 1 : comma + 4]
    first_num = next((t for t in nxt if _number_word(t)), None)
    if first_num is None or any(t.pos_ in _NOUN_POS for t in nxt if t.i < first_num.i):
        return None  # "the army, 31 of whose soldiers ...": no second count right after
    number = first_num
    while number.i + 1 < len(doc) and _number_word(doc[number.i + 1]):
        number = doc[number.i + 1]  # "2,000" or "two hundred" in several tokens
    other = counted_noun(number)
    if other is number or other.i <= number.i:
        return None
    after = doc[min(other.i + 1, len(doc) - 1)]
    verb = after.i > other.i and after.tag_ in {"VBN", "VBD", "VBP", "VBZ"}
    if verb and (found := _verb_measure(after)) is not None:
        return found
    return _comma_listed_trigger(other, depth + 1)


def _before_being_done(noun: Token) -> Measure | None:
    """'Two gunmen entered the campus and shot at soldiers before being gunned down': what the
    subject of the acts underwent after them ('before/after being killed', 'until being shot
    dead')."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    for acting in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")):
        for prep in acting.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"before", "after", "until"}:
                continue
            for done in prep.children:
                passive = any(c.dep_ == "auxpass" for c in done.children)
                if done.dep_ != "pcomp" or done.tag_ != "VBN" or not passive:
                    continue
                if any(c.dep_ == "oprd" and c.lower_ == "dead" for c in done.children):
                    return Measure.KILLED
                if (found := _verb_measure(done)) in _ACTING_ON_OBJECT:
                    return found
    return None


_WITH_REACH = 8  # tokens after a 'with' phrase's noun where its participle may stand


def _with_participle(noun: Token) -> Measure | None:
    """'Six were killed, with two other soldiers and a civilian injured': the participle that
    closes a 'with' phrase tells what befell its nouns (the parser may hang it on the verb)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    for token in noun.doc[noun.i + 1 : noun.i + 1 + _WITH_REACH]:
        if token.is_punct or token.like_num:
            return None
        # "with two other Americans and an Afghan injured": tagged a past tense as often
        if token.tag_ in {"VBN", "VBD"} and (found := _verb_measure(token)) is not None:
            return found
    return None


def _named_member_of_group(number: Token, noun: Token, sentence: Span) -> Measure | None:
    """'Of the dead, 71 were militants and 18 were civilians': a number that the sentence's
    opening group holds, said to be of some kind, takes what befell the group, not the kind's
    own measure (militants would be fighters; issue 9, checks32)."""
    verb = number.head
    if number.dep_ != "nsubj" or verb.lemma_ != "be" or noun.dep_ != "attr" or noun.head != verb:
        return None
    return _opening_group_measure(sentence)


def _opening_group_measure(sentence: Span) -> Measure | None:
    """'Of those killed, 3,212 were men', 'Among the dead, ...': a sentence that opens by naming
    the group its numbers are part of takes what befell that group."""
    opening = [t for t in sentence[:3] if t.pos_ not in {"PUNCT", "CCONJ", "ADV"}]
    if not opening or opening[0].lower_ not in {"of", "among"}:
        return None
    for group in opening[0].children:
        # a group with a number of its own is a figure ("Of the 879 inmates"), read on its own
        if group.dep_ != "pobj" or any(c.like_num for c in group.children):
            continue
        found = _modifier_trigger(group) or _word_measure(group, "noun")
        if found is None and group.pos_ in {"ADJ", "NOUN"}:
            found = _verb_measure(group)  # "Of the dead", "Among the injured"
        if found in _GROUP_MEASURES:
            return found
    return None


def _partitive_before(number: Token, sentence: Span) -> bool:
    """Whether a partitive ("of whom", "among them") stands in the sentence before the number's
    end, or within a few words after it ("12 of them"): a number before "..., of whom 1,900"
    is the whole, not a part."""
    offset = number.idx + len(number.text) - sentence.start_char
    return any(m.start() < offset + 4 for m in _PARTITIVE.finditer(sentence.text))


def _with_being(number: Token) -> bool:
    """'At least 25 people were killed, with 3 being medics': a part of the count before it."""
    doc = number.doc
    return (
        number.i > 0
        and number.i + 1 < len(doc)
        and doc[number.i - 1].lower_ == "with"
        and doc[number.i + 1].lower_ == "being"
    )


def _opens_with_whole(number: Token, sentence: Span) -> bool:
    """'Of the 94 journalists killed, 68 were Palestinians': a sentence that opens with a counted
    whole makes its other numbers parts of it."""
    opening = [t for t in sentence[:3] if t.pos_ not in {"PUNCT", "CCONJ", "ADV"}]
    if not opening or opening[0].lower_ not in {"of", "out"}:
        return False
    whole = [
        c for group in opening[0].subtree if group.dep_ == "pobj"
        for c in group.children if c.like_num and c.dep_ == "nummod"
    ]
    return bool(whole) and all(c.i != number.i for c in whole)


def _adjacent_trigger(number: Token) -> Measure | None:
    """A number alone right before its trigger: 'leaving two dead and fifteen injured'."""
    doc = number.doc
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if following is None or following.pos_ in _NOUN_POS or following.like_num:
        return None
    return _verb_measure(following) if following.tag_ in {"VBN", "JJ"} else None


def _participle_on_number(number: Token) -> Measure | None:
    """'Four of the ISIS members killed during the quarter were senior leaders': a harm
    participle the parser hangs on the number of a partitive, not on its noun."""
    for child in number.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            found = _verb_measure(child)
            if found in _HARMS | {Measure.DETAINED}:
                return found
    return None


_FORCING = frozenset({"force", "compel", "drive", "oblige"})
_HOMES = frozenset({"home", "house", "village", "land", "town", "area", "community"})


def _forced_measure(noun: Token) -> Measure | None:
    """'5,000 people were forced to flee', 'fighting forced 5,000 people from their homes':
    people forced to do what the next verb says, or forced from their homes (displaced)."""
    verb = noun.head
    if noun.dep_ not in {"nsubjpass", "dobj"} or verb.lemma_.lower() not in _FORCING:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and (found := _verb_measure(child)) is not None:
            return found
        if child.dep_ == "prep" and child.lower_ in {"from", "out"}:
            place = next((c for c in child.subtree if c.dep_ == "pobj"), None)
            if place is not None and place.lemma_.lower() in _HOMES:
                return Measure.DISPLACED
    return None


def _headline_verb_before(number: Token) -> Measure | None:
    """'Blast at market injures 12': a harm verb of a headline right before a bare number, which
    the parser may take for a plural noun ('injures', 'wounds')."""
    if number.i == 0:
        return None
    verb = number.doc[number.i - 1]
    if not (verb.lower_.endswith("s") and verb.tag_ in {"VBZ", "NNS"}):
        return None
    found = _word_measure(verb, "verb")
    return found if found in _HARMS else None


_REDUCED_CLAUSES = frozenset({"acl", "amod", "relcl"})


def _being_done(noun: Token) -> bool:
    """'22 others were being detained': the subject of a passive told in the progressive."""
    verb = noun.head
    return noun.dep_ == "nsubjpass" and any(
        c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children
    )
_BRACKET_REACH = 12  # tokens read inside a bracket after a counted noun


def _harms_in_brackets(noun: Token) -> Measure | None:
    """'4 national staff (1 killed and 3 wounded)': people a bracket right after them breaks
    down by two harms are the casualties of both ('other'), read on the words (the parser
    hangs such brackets in many ways)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].text != "(":
        return None
    harms: set[Measure] = set()
    for token in doc[noun.i + 2 : min(len(doc), noun.i + 2 + _BRACKET_REACH)]:
        if token.text == ")":
            return Measure.OTHER if len(harms) > 1 else None
        if token.i > 0 and doc[token.i - 1].like_num and (found := _verb_measure(token)):
            harms.add(found)
    return None


def _joined_participle(noun: Token) -> Measure | None:
    """'Two staff members were sent to recover the food and also kidnapped': a passive
    participle joined to the subject's verb, or to a clause of it, with no subject or object of
    its own, tells what befell the subject too."""
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb = noun.head
    # the parser tags a participle after a passive ("were sent ... and kidnapped") a past tense
    tags = {"VBN", "VBD"} if _passive(verb) else {"VBN"}
    clauses = [verb, *(c for c in verb.children if c.dep_ in {"advcl", "xcomp"})]
    for clause in clauses:
        for joined in (c for c in clause.children if c.dep_ == "conj" and c.tag_ in tags):
            if any(g.dep_ in _OWN_CLAUSE | {"dobj"} for g in joined.children):
                continue
            if (found := _verb_measure(joined)) in _BEFALLING:
                return found
    return None
def _harmed_again(number: Token, noun: Token) -> Measure | None:
    """'killed three police officers kidnapped in the attack', 'had killed 29 of those
    abducted': people whom an active verb of harm takes as its object undergo that harm; a
    participle describing them tells what befell them before."""
    target = noun if noun.dep_ == "dobj" else number
    if target.dep_ != "dobj" or (target is number and noun is not number and not _partitive_of(
        number, noun
    )):
        return None
    verb = target.head
    if verb.pos_ != "VERB" or verb.dep_ in _REDUCED_CLAUSES:
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    found = _verb_measure(verb)
    if found not in _HARMS:
        return None
    earlier = (
        _verb_measure(c) for c in noun.children if c.dep_ in _REDUCED_CLAUSES and c.i > noun.i
    )
    return found if any(m in _BEFALLING and m is not found for m in earlier) else None


_BEFALLING = _HARMS | {Measure.DETAINED}  # "executed 4 soldiers captured at the checkpoint"


def _participle_after(number: Token) -> Measure | None:
    """A harm participle right after the number, and before no noun: 'and twenty-seven other
    injured by the blast', 'one was killed and three wounded, all civilians' (the parser hangs
    the number on a noun coordinated with the first verb)."""
    doc = number.doc
    i = number.i + 1
    if i < len(doc) and doc[i].is_space:
        i += 1  # a bracketed count: "(25,908) arrested", the brackets blanked for the parser
    tags = {"VBN", "JJ"}
    if i < len(doc) and doc[i].lower_ in {"other", "others", "more"}:
        i += 1
        tags = {"VBN", "JJ", "VBD"}  # "losing five soldiers and 21 others wounded": no past tense
    if i < len(doc) and doc[i].lower_ == "including" and number.i + 1 < i:
        # "over 100 more including 35 children injured": the harm after the people included
        # befell the whole too
        included = [c for c in doc[i].children if c.dep_ == "pobj" and c.i == i + 2]
        if not included or not doc[i + 1].like_num:
            return None
        i = included[0].i + 1
    if i + 1 >= len(doc) or doc[i].tag_ not in tags:
        return None
    if doc[i + 1].pos_ in _NOUN_POS or doc[i + 1].like_num or doc[i + 1].lower_ in {"and", "or"}:
        return None  # "three wounded soldiers", "five killed and ten wounded": not its own
    found = _verb_measure(doc[i])
    return found if found in _HARMS | {Measure.DETAINED} else None


def _number_trigger(number: Token, noun: Token) -> Measure | None:
    """The number's own trigger: 'killed three of the guards', 'five dead', 'over 35 injured'."""
    if noun.i != number.i and not _of_number(noun.head.head, number):
        return None  # the noun it counts is its head: that noun's triggers have spoken
    head = number.head
    if number.dep_ == "pobj" and head.lower_ in _HEDGE_PREPOSITIONS and head.i < number.i:
        number, head = head, head.head  # a hedge parsed as a preposition: it stands for the number
    if head.i == number.i:
        return None
    if number.dep_ in {"nummod", "quantmod"}:  # "five dead", "27 dead", "wounding three more"
        if head.pos_ in _NOUN_POS:
            return None
        return _verb_measure(head) or (_governing_trigger(head) if head.pos_ == "ADJ" else None)
    if number.dep_ == "attr":
        # "the toll from the massacre was 200": the subject names what the number counts
        for subject in (c for c in head.children if c.dep_ == "nsubj"):
            if (found := _word_measure(subject, "noun")) is not None:
                return found
    if number.dep_ in _SUBJECT_OR_OBJECT | {"conj", "prep"}:
        return _governing_trigger(number) if number.dep_ != "prep" else _verb_measure(head)
    return None


# Verbs that give the amount their subject names: "Child casualties stood at 412".
_AMOUNT_VERBS = {"stand", "reach", "total", "top", "hit", "exceed", "surpass"}


_TIME_NOUNS = {"year", "month", "week", "day", "quarter", "weekend", "night", "hour"}
# "reached 280 last year", "rose to 141 a few days later", "climbed to 30 several hours later"
_TIME_DETERMINERS = {"last", "this", "past", "previous", "next", "a", "an", "several", "few"}


def _before_time_phrase(number: Token) -> bool:
    """'Casualties reached 280 last year': the number parsed as a modifier of the time phrase."""
    head = number.head
    return (
        number.dep_ == "nummod"
        and head.i > number.i + 1
        and head.lemma_.lower() in _TIME_NOUNS
        and _word_after(number, 1) in _TIME_DETERMINERS
    )


def _word_after(token: Token, offset: int) -> str:
    """The lower-case word ``offset`` tokens after ``token`` ('' past the end)."""
    at = token.i + offset
    return token.doc[at].lower_ if 0 <= at < len(token.doc) else ""


def _gapped_sibling(number: Token) -> Measure | None:
    """"Four soldiers were killed in the first ambush and seven in the second", "abducted 40
    people in Borno, 25 in Yobe and 12 in Adamawa": a bare number joined to the object of a
    place or time phrase, with a phrase of its own after it, repeats the clause with its verb
    left out; the verb's measure is its own (not the ambush's, nor the militants')."""
    # "..., 25 in Yobe and 12 in Adamawa": the last of joined numbers climbs to the first
    while number.dep_ == "conj" and number.head.like_num and number.head.i < number.i:
        if not any(c.dep_ == "prep" and c.i > number.i for c in number.children):
            return None
        number = number.head
    noun = number.head
    if number.dep_ not in {"conj", "appos"} or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    if not any(c.dep_ == "prep" and c.i > number.i for c in number.children):
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or not any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(w.like_num for w in c.subtree)
        for c in verb.children
    ):
        return None
    return _verb_measure(verb)


def _camp_holds(noun: Token) -> bool:
    """Whether the noun is the object of "hold" whose subject is a camp, site or shelter ("Al
    Hol camp holds 43,000 people"): residents, not detainees ("the prison holds 3,000")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() != "hold":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and _SHELTERED.search(subject.text) is not None


def _brought_to(number: Token) -> Measure | None:
    """"bringing the day's casualties to 30", "raising the toll to 19": the object of a verb
    that brings a count to the number (lexicons/measures.tsv kind bring_to) names its measure."""
    if number.dep_ != "pobj" or number.head.lower_ not in {"to", "at"}:
        return None
    verb = number.head.head
    obj: Token | None = None
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "to" parsed as the object's modifier
        obj, verb = verb, verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _words_of_kind("bring_to"):
        return None
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return None
    return _modifier_trigger(obj) or _word_measure(obj, "noun")


def _named_before(number: Token) -> Measure | None:
    """A count whose noun is named before it: a label ("Child casualties 1,577", "Civilian
    casualties 2,314, the mission said"), or the subject of a verb of amount ("Child casualties in
    the quarter stood at 412", "Civilian deaths totalled 96"); "casualties" are of measure other."""
    doc = number.doc
    noun: Token | None = None
    before = doc[number.i - 1] if number.i > 0 else None
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        # "listed child casualties 1,577": the number may be parsed a second object
        and (
            number.head.i == before.i
            or (number.head.i, number.dep_) == (before.head.i, before.dep_)
        )
        and (after is None or after.pos_ in {"PUNCT", "ADP", "CCONJ"})
    ):
        noun = before
    head = number.head
    if (number.dep_ == "pobj" and head.lower_ in {"at", "to"}) or _before_time_phrase(number):
        head = head.head
    elif number.dep_ != "dobj":
        head = number
    if noun is None and head.lemma_.lower() in _AMOUNT_VERBS:
        noun = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if noun is None:
        return _thing_label(number, before, after)
    return _modifier_trigger(noun) or _word_measure(noun, "noun")


def _thing_label(number: Token, verb: Token | None, after: Token | None) -> Measure | None:
    """'results: militants killed 34, weapons seized 19, ...': an item labelled by the things
    counted and what was done to them counts those things (measure other)."""
    if verb is None or verb.i != number.head.i or verb.tag_ not in {"VBN", "VBD"} or verb.i < 2:
        return None
    if after is not None and after.pos_ not in {"PUNCT", "CCONJ"}:
        return None
    thing, opening = number.doc[verb.i - 1], number.doc[verb.i - 2]
    if thing.pos_ != "NOUN" or opening.text not in {":", ",", ";"} or _names_people(thing):
        return None
    return Measure.OTHER if _word_measure(thing, "noun") is Measure.OTHER else None


def _back_reference_measure(noun: Token, sentence: Span) -> Measure | None:
    """'opened fire on two guards, killing them': a trigger later in the sentence whose object is
    a pronoun for the people counted."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    for token in sentence:
        if token.i <= noun.i or token.lower_ not in _BACK_PRONOUNS or token.dep_ != "dobj":
            continue
        found = _verb_measure(token.head)
        if found in _ACTING_ON_OBJECT:
            return found
    return None


def _nearby_noun_measure(number: Token, sentence: Span, window: int = 8) -> Measure | None:
    """A measure noun close before the number ('the number of IDPs ... surged to 921,000')."""
    found = _amount_subject_measure(number)
    if found is not None:
        return found
    start = max(sentence.start, number.i - window)
    for token in reversed(sentence.doc[start : number.i]):
        if token.pos_ == "VERB" and token.left_edge.i <= number.i <= token.right_edge.i:
            continue  # "attacked four volunteers": the count's own verb is no noun of it
        found = _word_measure(token, "noun") or _number_of_measure(token)
        if found is None and token.lemma_.lower() in _AMOUNT_NOUNS | {"number", "count"}:
            found = _modifier_trigger(token)  # "the number of journalists killed rose to 94"
        if found and found is not Measure.OTHER:
            return found
    # "the camp's population has swelled to 73,000"; "The population has more than doubled in
    # two weeks, totaling more than 70,000": a population is named further back
    start = max(sentence.start, number.i - 2 * window)
    for token in reversed(sentence.doc[start : number.i]):
        if token.lemma_.lower() == "population" and _sheltered(token, sentence):
            return Measure.POPULATION
    return None


def _amount_subject_measure(number: Token) -> Measure | None:
    """'The number of displaced in the capital's metropolitan area has fallen to 180,000': the
    people an amount noun counts, subject of the verb the number ends, however far back."""
    to = number.head
    if number.dep_ != "pobj" or to.lower_ not in {"to", "at"}:
        return None
    if to.head.pos_ not in {"VERB", "AUX"}:
        return None
    for subject in to.head.children:
        if subject.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if subject.lemma_.lower() not in _AMOUNT_NOUNS | {"number", "count", "figure"}:
            continue
        for of in subject.children:
            if of.dep_ != "prep" or of.lower_ != "of":
                continue
            for people in of.children:
                if people.dep_ not in {"pobj", "pcomp"}:  # "of displaced" parsed either way
                    continue
                found = (
                    _verb_measure(people)
                    or _modifier_trigger(people)
                    or _word_measure(people, "noun")
                )
                if found is not None and found is not Measure.OTHER:
                    return found
    return None


def _sheltered(population: Token, sentence: Span) -> bool:
    """Whether a population is of people sheltered somewhere (a camp's, the refugees'), not of a
    town or country ("Port-au-Prince, whose population is 3 million")."""
    owners = [c for c in population.children if c.dep_ in {"poss", "compound"}]
    owners += [
        o for p in population.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"
    ]
    if any(o.pos_ == "PROPN" or o.lower_ == "whose" for o in owners):
        return False
    return _SHELTERED.search(sentence.text) is not None or not _SETTLEMENT.search(sentence.text)


def _number_of_measure(token: Token) -> Measure | None:
    """'put the number of displaced at 52,000', 'the tally of dead': a participle or adjective
    standing for the people counted after an amount noun."""
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of":
        return None
    if of.head.lemma_.lower() not in _AMOUNT_NOUNS | {"number", "count", "figure"}:
        return None
    # "the number of displaced", "the number of journalists killed"
    return _verb_measure(token) or _modifier_trigger(token)


def heading_measure(heading: Span, nearest_last: bool = False) -> Measure | None:
    """What a list's heading says its lines count: its first trigger word ("Killed in March, by
    group:", "Arrests by region:"), or its last with ``nearest_last``."""
    for token in reversed(heading) if nearest_last else heading:
        # a label's participle is often tagged a noun ("Abducted: 17"): its word alone speaks
        found = _verb_measure(token) or _word_measure(token, "noun")
        if found is None and token.tag_ in {"NN", "NNP", "VBN", "VBD", "JJ"}:
            found = _word_measure(token, "verb")
        if found is not None:
            return found
    return None
