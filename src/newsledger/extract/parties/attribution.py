"""Who a sentence attributes its figures to: "CENTCOM said", "according to X", "a statement from X".

The source is read off the dependency parse of the sentence. A generic reference ("the report",
"it", "he") is returned as generic so the caller can resolve it to the last named source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from newsledger.extract.parties.actors import actor_kind, find_actors
from newsledger.extract.places import place_in_text
from newsledger.extract.reporting import DEED_OR_REPORT
from newsledger.extract.words import PhraseIndex, read_lexicon, tokenise
from newsledger.lexicons import read_table

_NAME_DEPS = {"compound", "amod", "nmod", "poss", "case"}
_DROP_WORDS = {"the", "a", "an", "its", "their", "his", "her", "’s", "'s"}
_VOICE_PREPS = frozenset({"for", "of", "at", "with"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source named in a sentence; ``generic`` when it only refers back ('the report said')."""

    text: str
    start: int  # offset within the sentence text
    generic: bool
    anchor: int = (
        -1
    )  # index (in the sentence's Doc) of the reporting verb; -1 for the whole sentence


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(term for term, k in read_table("attribution.tsv", 2) if k == kind)


def _name_span(head: Token) -> tuple[int, int]:
    """Token range of the name whose head is ``head``: its contiguous left modifiers and itself."""
    left = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        # "the ministry's spokesman": a possessor ends with its "'s", right before the name
        if (
            child.dep_ in _NAME_DEPS
            and child.right_edge.i == left - 1
            and not (child.dep_ == "poss" and _is_place(child))
        ):
            left = child.i
            left = min(left, *(t.i for t in child.subtree))
    right = head.i
    for (
        child
    ) in head.rights:  # "Syrian Network for Human Rights (SNHR)", "health chief for east Baghdad"
        # "United Nations Assistance Mission in Afghanistan", "Integrated Office in Haiti"
        if (child.dep_ in {"prep"} and child.lower_ == "for" and child.i == right + 1) or (
            child.dep_ == "prep"
            and child.lower_ in {"in", "on", "of"}
            and child.i == right + 1
            and head.pos_ == "PROPN"
            and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children)
        ):
            right = max(t.i for t in child.subtree)
        elif (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and head.pos_ == "NOUN"
            and child.left_edge.i == right + 2
            and head.doc[right + 1].text == ","
            and child.text[:1].isupper()
            and not child.text.isupper()
        ):
            # "one father, Ibrahim Musa, told Reuters": the person's name with the role
            right = child.i
        elif child.dep_ == "appos" and child.text.isupper() and child.i <= right + 2:
            right = child.i + (
                1 if child.i + 1 < len(head.doc) and head.doc[child.i + 1].text == ")" else 0
            )
    doc = head.doc
    if (  # "... in Afghanistan (UNAMA)": the initials that follow the name are part of it
        right + 3 < len(doc)
        and doc[right + 1].text == "("
        and doc[right + 3].text == ")"
        and doc[right + 2].text.isupper()
        and doc[right + 2].text.isalpha()
    ):
        right += 3
    return left, right + 1


def _is_place(possessor: Token) -> bool:
    """'Ukraine's Interior Ministry': the country is whose ministry, not part of its name."""
    words = [t for t in possessor.subtree if t.dep_ != "case" and t.lower_ not in _DROP_WORDS]
    return bool(words) and place_in_text(" ".join(t.text for t in words)) is not None


def is_dateline_dash(token: Token) -> bool:
    """A dash standing free between words ('KANO - Gunmen'), not one inside 'Hamas-run'."""
    free = bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in {"-", "--", "–", "—"} and free


def from_head(head: Token, sentence: Span) -> Attribution | None:
    """The source named by the noun ``head`` ('spokesman' -> 'ministry's spokesman Ali Musa')."""
    # "data collected by AAPP", "a report released by the UN office": the agent is the source
    if (agent := _carrier_agent(head)) is not None:
        return from_head(agent, sentence)
    # "a statement from CENTCOM", "figures from the United Nations", "CENTCOM's statement",
    # "data from ACLED" (whose lemma is "datum")
    if head.lemma_.lower() in _words("carrier") or head.lower_ in _words("carrier"):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return from_head(obj, sentence)
            if child.dep_ in {"poss", "compound"} and child.pos_ in {"PROPN", "NOUN"}:
                return from_head(child, sentence)
    # "a group of volunteer medics said": the medics speak, not some group named before
    if (members := _members_of(head)) is not None:
        return from_head(members, sentence)
    # "Liz Throssell, spokeswoman for the UN human rights office": the office speaks
    if (body := _spoken_for(head)) is not None:
        return from_head(body, sentence)
    # "the U.N. mission, known as UNAMA": the name it is known by
    for acl in head.children:
        if acl.dep_ == "acl" and acl.lower_ == "known":
            for prep in acl.children:
                alias = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.lower_ == "as" and alias is not None and alias.pos_ == "PROPN":
                    return from_head(alias, sentence)
    left, right = _name_span(head)
    # "MOGADISHU - Government spokesman ...": the dateline is no part of the name
    dashes = [t.i for t in head.doc[left : head.i] if is_dateline_dash(t)]
    left = dashes[-1] + 1 if dashes else left
    words = [t for t in head.doc[left:right] if t.lower_ not in _DROP_WORDS]
    if not words:
        return None
    begin, end = words[0].idx, words[-1].idx + len(words[-1].text)
    # an organisation's name the parse cut short ("the Committee | to Protect Journalists")
    for mention in find_actors(sentence.doc.text):
        if mention.start < end <= mention.end and mention.start >= begin:
            end = mention.end
    start = begin - sentence.start_char
    text = sentence.doc.text[begin:end]
    # "the report", "the ministry", "it": a bare common noun refers back to a source named before;
    # "the health ministry" names one.
    bare = len(words) == 1 and head.pos_ != "PROPN"
    generic = bare and (
        head.lower_ in _words("generic") or head.lemma_.lower() in _words("generic")
    )
    return Attribution(text.strip(" ,"), start, generic)


def _members_of(head: Token) -> Token | None:
    """'a group of volunteer medics', 'a team of doctors': the people a collective noun gathers."""
    if head.lemma_.lower() not in _words("collective"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            people = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if people is not None and _can_speak(people):
                return people
    return None


def _spoken_for(head: Token) -> Token | None:
    """The organisation a person speaks for: 'Liz Throssell, spokeswoman for the UN human rights
    office', 'a spokesman for the ministry, Saad Maan', 'Col. Ali Hassan, an army spokesman'."""
    voice = head.lemma_.lower() in _words("voice") or head.lower_ in _words("voice")
    roles = [head] if voice and head.pos_ in {"NOUN", "PROPN"} else []
    if head.pos_ == "PROPN" and not voice:
        roles += [
            c for c in head.children if c.dep_ == "appos" and c.lemma_.lower() in _words("voice")
        ]
    for role in roles:
        for child in role.children:
            if child.dep_ == "prep" and child.lower_ in _VOICE_PREPS:
                body = next((c for c in child.children if c.dep_ == "pobj"), None)
                if body is not None and _organisation(body):
                    return _body_before_name(body)
            # "The Director, Defence Media Operations, Maj.-Gen. Ali Musa": the body in apposition
            if role is head and child.dep_ == "appos" and _named_body(child):
                return child
            # "Saad Maan, the ministry's spokesman", "an army spokesman": not the head itself
            # ("the ministry's spokesman said" names the spokesman)
            if (
                role is not head
                and child.dep_ in {"poss", "compound"}
                and child.i < role.i
                and _organisation(child)
            ):
                return child
    return None


def _body_before_name(body: Token) -> Token:
    """'Commissioner of Police Yekini Ayoku': the parse joins the body and the person's name
    after it into one name; the body is its last organisation word before the name."""
    kinds = _words("speaker") | _words("organisation") | _words("official")
    compounds = [c for c in body.lefts if c.dep_ == "compound"]
    words = [c for c in compounds if c.lemma_.lower() in kinds or c.lower_ in kinds]
    if not words:
        return body
    last = max(words, key=lambda t: t.i)
    name = body.doc[last.i + 1 : body.i + 1]
    personal = len(name) >= 1 and all(
        t.pos_ == "PROPN" and t.lemma_.lower() not in kinds and t.lower_ not in kinds for t in name
    )
    return last if personal and body.lemma_.lower() not in kinds else body


def _organisation(token: Token) -> bool:
    """Whether a noun phrase names an organisation that can be a source, not a place or person."""
    words = [t for t in token.subtree if t.lower_ not in _DROP_WORDS and t.dep_ != "case"]
    text = " ".join(t.text for t in words)
    if not words or place_in_text(text) is not None:
        return False
    kinds = _words("speaker") | _words("organisation") | _words("official")
    return (
        token.lemma_.lower() in kinds
        or token.lower_ in kinds
        or bool(find_actors(text))
        or named_source(text) is not None
        or (
            token.pos_ == "PROPN"
            and any(t.text[:1].isupper() for t in words[1:] or words)
            and len(words) > 1
        )
    )


def _named_body(token: Token) -> bool:
    """An organisation by its name or an organisation word, never a person's name."""
    words = [t for t in token.subtree if t.lower_ not in _DROP_WORDS]
    text = " ".join(t.text for t in words)
    kinds = _words("speaker") | _words("organisation")
    return (
        named_source(text) is not None
        or bool(find_actors(text))
        or any(t.lemma_.lower() in kinds or t.lower_ in kinds for t in words)
    )


@cache
def _source_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex(frozenset({"of", "the"}))
    for _line, (name, aliases) in read_lexicon("source_names.tsv", 2):
        for alias in [name, *aliases.split("|")]:
            if alias:
                index.add(alias, name)
    return index


def named_source(text: str) -> str | None:
    """The organisation an abbreviation or a part of it names as a source, from
    lexicons/source_names.tsv ('DHQ' -> 'Defence Headquarters'), else None."""
    found = _source_index().find(text, tokenise(text))
    return found[0].values[0] if found else None


def _carrier_agent(head: Token) -> Token | None:
    """The agent of a figure carrier ('the numbers verified by AAPP', 'data compiled by the UN')."""
    nouns = _words("carrier") | _words("generic") | {"number"}
    if head.lemma_.lower() not in nouns and head.lower_ not in nouns:  # "data" (lemma "datum")
        return None
    for acl in head.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            if acl.lemma_.lower() in _RETELLING and _whose_carrier(head):
                return None  # "justice ministry figures cited by a daily": the ministry's
            for agent in acl.children:
                if agent.dep_ == "agent":
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


# verbs by which one source passes on another's figures ("figures cited by", "cites X as saying")
_RETELLING = frozenset({"cite", "quote"})


def _carried_by(sentence: Span) -> Token | None:
    """'These are the numbers verified by AAPP': a carrier and its agent, no reporting verb."""
    for token in sentence:
        if token.pos_ == "NOUN" and (agent := _carrier_agent(token)) is not None:
            return agent
    return None


def _dateline(subject: Token) -> bool:
    """'SAN JUAN, Puerto Rico (AP) — The United Nations said': the dateline is no speaker."""
    if not subject.text.isupper():
        return False
    if any(is_dateline_dash(t) and t.i > subject.i for t in subject.children):
        return True
    # "GENEVA, Dec 10 - The federation said": the parse may hang the dash on the verb
    following = subject.doc[subject.i + 1 : min(subject.i + 10, subject.sent.end)]
    return subject.i - subject.sent.start <= 3 and any(is_dateline_dash(t) for t in following)


def _after_dash(dateline: Token) -> Token | None:
    """'BAMAKO, Mali (AP) — The United Nations said': the speaker hung on the dateline."""
    dashes = [t.i for t in dateline.children if is_dateline_dash(t)]
    if not dashes:
        # _dateline also accepts a dash the parse hung elsewhere in the next few tokens
        following = dateline.doc[dateline.i + 1 : min(dateline.i + 10, dateline.sent.end)]
        dashes = [t.i for t in following if is_dateline_dash(t)]
    if not dashes:
        return None
    return next(
        (t for t in dateline.children if t.i > dashes[-1] and t.pos_ in {"NOUN", "PROPN"}), None
    )


def _according_to(sentence: Span) -> Token | None:
    for token in sentence:
        if token.lower_ == "according":
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
            nxt = token.nbor(1) if token.i + 1 < sentence.end else None
            if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < sentence.end:
                return _phrase_head(sentence, nxt.i + 1)
    return None


# "per police", "per officials": sources named after "per" without an article
_PER_BARE = frozenset({"police", "officials", "authorities", "witnesses", "residents", "medics"})


def _per_source(sentence: Span) -> Token | None:
    """'The toll rose to 141, per the government': 'per' naming a source, not a rate ('per day',
    'per cent', 'two per village')."""
    for token in sentence:
        if token.lower_ != "per":
            continue
        for obj in token.children:
            if obj.dep_ == "pobj" and (
                obj.pos_ == "PROPN"
                or obj.lower_ in _PER_BARE
                or any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children)
            ):
                return obj
    return None


def _phrase_head(sentence: Span, index: int) -> Token:
    token = sentence.doc[index]
    while (
        token.head.i != token.i
        and sentence.start <= token.head.i < sentence.end
        and token.head.i > index
    ):
        token = token.head
    return token


def _reporting_subjects(sentence: Span) -> list[tuple[Token, Token]]:
    """(verb, subject) pairs of reporting verbs; 'the ministry, which said' gives the ministry."""
    found = []
    for token in sentence:
        if token.pos_ in {"VERB", "AUX"} and (retold := _retold_from(token)) is not None:
            found.append((token, retold))  # "the report cites the police as saying that 19 ..."
            continue
        gives = _gives_a_count(token)
        if token.pos_ in {"VERB", "AUX"} and not _directive(token) and not _deed(token) and (
            token.lemma_.lower() in _words("verb") or _claims_a_statement(token) or gives
        ):
            for child in token.children:
                if child.dep_ not in {"nsubj", "nsubjpass"}:
                    continue
                subject = (
                    token.head
                    if child.lower_ in {"which", "who", "that"} and token.dep_ == "relcl"
                    else child
                )
                if _dateline(subject):  # the speaker is what follows the dash, if anything
                    subject = _after_dash(subject) or subject
                if _town_speaks(subject):  # the speaker before the town's phrase, if any
                    subject = _speaker_before(subject) or subject
                speaks = (
                    _can_speak(subject)
                    or _claimant(token, subject)
                    or _says(token, subject)
                    or (gives and subject.pos_ == "NOUN")
                )
                if speaks and not _dateline(subject) and not _town_speaks(subject):
                    found.append((token, subject))
            if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                speaker = _comma_speaker(token) or _shared_subject(token)
                if speaker is not None:
                    found.append((token, speaker))
    return found


def _retold_from(verb: Token) -> Token | None:
    """'The report cites the police as saying that 19 were killed', 'quoted officials as saying':
    the one cited speaks, not whoever cites them."""
    if verb.lemma_.lower() not in _RETELLING:
        return None
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    saying = any(
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and any(c.dep_ == "pcomp" and c.lemma_.lower() in _words("verb") for c in prep.children)
        for prep in verb.children
    )
    return cited if saying and cited is not None and cited.pos_ in {"NOUN", "PROPN"} else None


# nouns of a stated count: "gave a toll of 28", "put the number of dead at 51"
_COUNT_NOUNS = frozenset({"toll", "figure", "number", "tally", "count", "estimate"})


def _gives_a_count(verb: Token) -> bool:
    """'A security source gave a lower toll of 28 dead', 'RSF put the toll at 51': whoever gives
    or puts a count states it."""
    return verb.lemma_.lower() in {"give", "put", "place"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _COUNT_NOUNS for c in verb.children
    )


def _says(verb: Token, subject: Token) -> bool:
    """'..., the mayor of the commune said', 'one father told Reuters that ...': whoever a verb of
    saying has as subject speaks, named by any common noun (not only the speaker nouns of
    attribution.tsv), when the verb says something (a clause, or the figure's own clause before
    it)."""
    return (
        verb.lemma_.lower() in {"say", "tell"}
        and verb.dep_ not in {"advcl", "relcl", "acl"}  # "while families said they ...": aside
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in _words("carrier")
        # "the military's media wing said": a body described by whose it is refers back to it
        and not any(c.dep_ == "poss" for c in subject.children)
        and (
            any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)
            or verb.dep_ in {"parataxis", "ccomp", "ROOT"}
        )
    )


def _directive(verb: Token) -> bool:
    """'the State Department told Americans to leave', 'urged residents to stay indoors': an
    order or a plea to someone, with no statement of what happened."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _deed(verb: Token) -> bool:
    """'The rebels released the five hostages', 'the government showed no willingness': a verb
    that names a deed as often as a report (reporting.py DEED_OR_REPORT) reports only with a
    clause after it ('showed that 30 died'), or a carrier of figures as its object or subject
    ('released figures', 'the data showed 30 deaths')."""
    if verb.lemma_.lower() not in DEED_OR_REPORT:
        return False
    carriers = _words("carrier") | _words("generic")
    return not any(
        child.dep_ in {"ccomp", "xcomp"}
        or (
            child.dep_ in {"dobj", "nsubj"}
            and (child.lemma_.lower() in carriers or child.lower_ in carriers)
        )
        for child in verb.children
    )


def _claims_a_statement(verb: Token) -> bool:
    """'Rebels claimed to have repelled the offensive, killing 45 soldiers': a verb that reports
    only with a clause after it (attribution.tsv 'claim_verb'), not 'claimed the attack'."""
    return verb.lemma_.lower() in _words("claim_verb") and any(
        child.dep_ in {"xcomp", "ccomp"} for child in verb.children
    )


def _claimant(verb: Token, subject: Token) -> bool:
    """'Government troops claimed to have captured the town, losing five soldiers': whoever
    claims a statement ('claimed to have', 'alleged that') is its source, named by a common noun
    too."""
    return subject.pos_ == "NOUN" and _claims_a_statement(verb)


def _comma_speaker(verb: Token) -> Token | None:
    """'..., a community leader, Musa Garba, told our correspondent': a speaker the parse hung
    on the figure's noun as an apposition (or a name as an adverbial), right before a reporting
    verb left without subject."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    speaker = doc[verb.i - 2]
    named = speaker.dep_ in {"npadvmod", "conj"} and speaker.pos_ == "PROPN"
    if (speaker.dep_ == "appos" or named) and _can_speak(speaker):
        return speaker
    return None


def _shared_subject(verb: Token) -> Token | None:
    """'JNIM claimed the attack and said it had killed 51': a reporting verb joined to an
    earlier verb shares that verb's subject."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or verb.head.i > verb.i:
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or _dateline(subject) or not _can_speak(subject):
        return None
    return subject


def _town_speaks(subject: Token) -> bool:
    """'... from the hospital in provincial capital Baquba said', 'Baidoa said': a town or a
    region the parse took for the subject is no speaker (a country may be: 'Russia said')."""
    if subject.pos_ != "PROPN":
        return False
    left = min((c.i for c in subject.lefts if c.dep_ == "compound"), default=subject.i)
    text = subject.doc[left : subject.i + 1].text
    if actor_kind(text) is not None or named_source(text) is not None:
        return False  # "the UN said": a body's name, though a town elsewhere bears it
    place = place_in_text(text)
    return place is not None and place.kind != "country"


_PHRASE_DEPS = frozenset({"pobj", "prep", "amod", "det", "compound", "nmod", "punct"})


def _speaker_before(town: Token) -> Token | None:
    """'security officials and doctor Ahmed Ibrahim from the main hospital in provincial capital
    Baquba said': the first of the speakers before the phrase that ends in the town."""
    i = town.i - 1
    while i > town.sent.start and town.doc[i].dep_ in _PHRASE_DEPS:
        i -= 1
    speaker = town.doc[i]
    if speaker.dep_ not in {"conj", "appos", "nsubj"} or not _can_speak(speaker):
        return None
    while speaker.dep_ == "conj" and speaker.head.pos_ in {"NOUN", "PROPN"}:
        speaker = speaker.head  # the first of 'officials and doctor Ahmed Ibrahim'
    return speaker


def _can_speak(subject: Token) -> bool:
    """A name, a pronoun or a speaker noun ('officials'); not 'a boy was released'. An acronym
    the parser took for a common noun ('OHCHR recorded ...: 158 killed') is a name."""
    acronym = (
        subject.is_upper
        and subject.is_alpha
        and len(subject.text) >= 2
        and actor_kind(subject.text) not in {"armed_group", "state_force"}
    )
    return (
        subject.pos_ == "PROPN"
        or acronym
        or subject.lemma_.lower() in _words("speaker") | _words("generic")
        or subject.lower_ in _words("generic")  # "figures", whose lemma is "figure"
        or _whose_carrier(subject)
    )


def _whose_carrier(noun: Token) -> bool:
    """'Government figures said 131 died', 'the ministry's tally showed': a carrier of figures
    that names whose they are speaks for them."""
    return noun.lemma_.lower() in _words("carrier") and any(
        c.dep_ in {"poss", "compound"} or (c.dep_ == "prep" and c.lower_ in {"from", "by", "of"})
        for c in noun.children
    )


def _by_estimates(sentence: Span) -> Token | None:
    # "by CENTCOM estimates"
    for token in sentence:
        if token.lower_ == "by" and token.i + 2 < sentence.end:
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in _words("carrier"):
                return obj
    return None


_ACCORDING, _BY, _PER = (get_string_id(word) for word in ("according", "by", "per"))


def find_attributions(sentence: Span) -> list[Attribution]:
    """The sources a parsed sentence names, each anchored at its reporting verb when it has one."""
    found: list[Attribution] = []
    # Each reader looks for a word ("according", "by", "per"): a sentence without a token of
    # that lower-case form (read from the doc's array, not token by token) is not read for it.
    lowers = set(sentence.doc.to_array(LOWER)[sentence.start : sentence.end].tolist())
    heads = (
        _according_to(sentence) if _ACCORDING in lowers else None,
        _by_estimates(sentence) if _BY in lowers else None,
        _per_source(sentence) if _PER in lowers else None,
    )
    for head in heads:
        if head is not None and (named := from_head(head, sentence)):
            found.append(named)
    if not found and (
        told := _headline_colon_source(sentence) or _headline_lead_source(sentence)
    ) is not None:
        found.append(told)
    agent = None if found else _carried_by(sentence)
    if agent is not None and (named := from_head(agent, sentence)):
        found.append(named)
    for verb, subject in _reporting_subjects(sentence):
        if named := from_head(subject, sentence):
            found.append(Attribution(named.text, named.start, named.generic, verb.i))
    return found


def _headline_colon_source(sentence: Span) -> Attribution | None:
    """'Troops kill 19 militants in the north: army', '... two mosque attacks: officials', '...
    in Afghan west province - governor': the wire headline's closing words after a colon (or a
    spaced dash) name who gave the figures."""
    colons = [t for t in sentence if t.text == ":" or _spaced_dash(t)]
    if not colons:
        return None
    words = [t for t in sentence.doc[colons[-1].i + 1 : sentence.end] if not t.is_punct]
    if not 1 <= len(words) <= 4 or any(t.pos_ in {"VERB", "AUX", "NUM"} for t in words):
        return None
    last = words[-1]
    kinds = _words("speaker") | _words("official") | _words("organisation")
    if last.lemma_.lower() not in kinds and last.lower_ not in kinds and last.pos_ != "PROPN":
        return None
    # only a headline's tail: the colon ends its sentence's last clause, no heading of a list
    rest = sentence.doc[words[-1].i + 1 : sentence.end].text.strip(" .;")
    if rest or colons[-1].i == sentence.start:
        return None
    begin, end = words[0].idx, last.idx + len(last.text)
    return Attribution(sentence.doc.text[begin:end], begin - sentence.start_char, False)


def _headline_lead_source(sentence: Span) -> Attribution | None:
    """'Witnesses: 9 more killed in the north', 'Police: gunmen kill 4 at a market': a wire
    headline opened by who tells it, a speaker's common noun, before a colon and a clause. Not a
    list line's label ('Army and police: 31', 'Police officers: 12 wounded') nor a place."""
    colon = next((t for t in sentence[:4] if t.text == ":"), None)
    if colon is None or colon.i == sentence.start:
        return None
    words = list(sentence.doc[sentence.start : colon.i])
    last = words[-1]
    kinds = _words("speaker") | _words("official")
    if last.pos_ == "PROPN" or (last.lemma_.lower() not in kinds and last.lower_ not in kinds):
        return None
    rest = [t for t in sentence.doc[colon.i + 1 : sentence.end] if not t.is_punct]
    # a headline's clause tells where or how ("... killed in northern town"); a list line's
    # count stands bare ("Police officers: 12 wounded")
    clause = len(rest) >= 4 and any(t.pos_ == "VERB" for t in rest)
    if not clause or not any(t.like_num for t in rest):
        return None
    begin, end = words[0].idx, last.idx + len(last.text)
    return Attribution(sentence.doc.text[begin:end], begin - sentence.start_char, False)


def _spaced_dash(token: Token) -> bool:
    """A dash with a space either side ('... province - governor'), not a hyphen in a word."""
    return (
        token.text in {"-", "–", "—"}
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
        and bool(token.whitespace_)
    )


@cache
def _recording_verbs() -> frozenset[str]:
    """Verbs whose subject counts what others did (roles.tsv 'record_verb'), which an
    "according to X" telling the count outranks as its source."""
    return frozenset(term for term, kind in read_table("roles.tsv", 2) if kind == "record_verb")



def attribution_for(attributions: list[Attribution], number: Token) -> Attribution | None:
    """The attribution covering a number: the reporting verb it depends on, else the first."""
    depth = {t.i: level for level, t in enumerate(number.ancestors)}
    anchored = [a for a in attributions if a.anchor in depth]
    if anchored:  # the nearest reporting verb above the number: "the ministry, which said 26 ..."
        nearest = min(anchored, key=lambda a: depth[a.anchor])
        told = [a for a in attributions if a.anchor < 0]
        if told and number.doc[nearest.anchor].lemma_.lower() in _recording_verbs():
            return told[0]  # "Police recorded 539 kidnappings ..., according to the UN"
        return nearest
    return attributions[0] if attributions else None
