"""The clauses of a parsed sentence, so that a figure takes the places and times of its own clause.

A sentence that joins two scenes ("a bomb in Kirkuk killed 6, and a shooting in Samarra killed
9"; "... while a car bomb in Baiji hurt 11"; "1,850 were in government-held territory and 450
in territory occupied by Russia") is cut into clauses at three kinds of edge:

- a verb coordinated with a verb ("killed 6 ..., and ... killed 9"), or a number coordinated with
  a verb, the verb of its clause left out ("... and 450 in territory ...");
- a subordinate clause after its head with a subject of its own ("..., while a car bomb in
  Baiji hurt 11", "a day after bandits abducted 30 villagers") or opened by 'while' ("..., while
  in Yobe 5 died");
- a clause beside the main one with a subject of its own (parataxis).

A headline glued to the dateline of the body (a text that lost its line breaks: "7 soldiers
killed in MaliBAMAKO, Mali, May 3 (Wire) -- Seven soldiers ...") is a clause apart too.

A participle without a subject ("stormed a village in Kaduna, killing 14") and a relative clause
("a bombing in Aleppo that killed 17") stay in the scene of their head: the place and time said
there are theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.scan import Scan

# A dateline glued to the headline before it ("... in AfghanistanKANDAHAR, Afghanistan, Oct. 3
# (Xinhua) -- Seven ...", "... PrioritiesLONDON — For ...")
GLUED_DATELINE = re.compile(
    r"(?<=[a-z])[A-Z]{3,}(?:[ -][A-Z]{2,})*,?(?:\s+[A-Z][\w.]*,?){0,4}(?:\s+\d{1,2},?)?\s*"
    r"(?:\([^)]{2,40}\))?\s*(?:--|—|–)\s"
)
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_OPENERS = frozenset({"cc", "mark"})
_CONTRAST = frozenset({"while", "whereas", "whilst"})  # "..., while in Yobe 5 died"
MAIN = 0  # the clause of the sentence's root


@dataclass(frozen=True, slots=True)
class Clauses:
    """The clause of every token of a sentence (0 is the main clause) and each clause's parent
    (the clause its head hangs on; the main clause's parent is itself)."""

    of_token: tuple[int, ...]
    parent: tuple[int, ...]
    head: tuple[int, ...]  # the token heading each clause (the root for the main clause)

    def chain(self, clause: int) -> list[int]:
        """The clause and the clauses it hangs in, innermost first."""
        found = [clause]
        while (up := self.parent[found[-1]]) not in found:
            found.append(up)
        return found

    def inside(self, clause: int, outer: int) -> bool:
        """Whether a clause is the outer one or lies inside it."""
        return outer in self.chain(clause)


def clauses_of(scan: Scan) -> Clauses | None:
    """The clauses of a scanned sentence, or None when it was not parsed."""
    return None if scan.parse is None else _clauses(scan.parse)


def clause_at(scan: Scan, clauses: Clauses, start: int, end: int) -> int:
    """The clause of the text between two absolute offsets (that of its syntactic root)."""
    token = token_at(scan, start, end)
    return MAIN if token is None else clauses.of_token[token.i]


def other_counts(scan: Scan, clauses: Clauses, start: int) -> frozenset[int]:
    """The clauses holding a number of the sentence other than the one starting at start."""
    return frozenset(
        clause_at(scan, clauses, q.start, q.end) for q in scan.quantities if q.start != start
    )


def token_at(scan: Scan, start: int, end: int) -> Token | None:
    """The syntactic root of the text between two absolute offsets of a parsed sentence."""
    if scan.parse is None:
        return None
    base = scan.sentence.start
    doc = scan.parse.doc
    # Each number's root is asked for again by every figure of the sentence: kept by the doc.
    roots = doc.user_data.setdefault(_ROOTS, {})
    key = (start - base, end - base)
    if key not in roots:
        span = doc.char_span(key[0], key[1], alignment_mode="expand")
        roots[key] = None if span is None or len(span) == 0 else span.root
    return roots[key]


_ROOTS = "newsledger.token_at"


@lru_cache(maxsize=512)
def _clauses(sentence: Span) -> Clauses:
    """Cut a parsed sentence into clauses: each clause head's span (innermost first), then a
    headline glued to a dateline."""
    heads = [t for t in sentence if _separate(t)]
    spans = sorted(
        ((_clause_start(t), t.right_edge.i, t) for t in heads), key=lambda s: s[1] - s[0]
    )
    of_token = [MAIN] * len(sentence.doc)
    # innermost first: a token takes the smallest clause span that holds it
    assigned = [False] * len(sentence.doc)
    for number, (first, last, _) in enumerate(spans, start=1):
        for i in range(first, last + 1):
            if not assigned[i]:
                of_token[i], assigned[i] = number, True
    parent = [MAIN] + [of_token[head.head.i] for _, _, head in spans]
    parent = [p if p != c else MAIN for c, p in enumerate(parent)]
    head = [sentence.root.i] + [h.i for _, _, h in spans]
    glued = GLUED_DATELINE.search(sentence.text)
    headline = [] if glued is None else [t for t in sentence if t.idx < glued.end()]
    if headline:  # the headline before the dateline: a clause of its own
        for token in headline:
            of_token[token.i] = len(parent)
        head.append(headline[0].i)
        parent.append(len(parent))
    return Clauses(tuple(of_token), tuple(parent), tuple(head))


def _separate(token: Token) -> bool:
    """Whether a token heads a clause of its own, a scene apart from its head's."""
    if token.dep_ == "conj" and token.head.pos_ in _VERBS:
        return token.pos_ in _VERBS or token.pos_ == "NUM"
    if token.dep_ in {"advcl", "parataxis"} and token.i > token.head.i:
        return any(
            child.dep_ in _SUBJECTS or (child.dep_ == "mark" and child.lower_ in _CONTRAST)
            for child in token.children
        )
    return False


def _clause_start(head: Token) -> int:
    """Where a clause begins: the first word of its subtree, or the conjunction before it when
    its subject hangs elsewhere ('killed 6 people, and a suicide attack in Samarra killed 9' with
    'attack' parsed as a second object of the first verb)."""
    start = head.left_edge.i
    stop = head.head.i if head.head.i < head.i else head.left_edge.i
    for i in range(head.i - 1, stop, -1):
        word = head.doc[i]
        if word.dep_ in _OPENERS and (
            word.head in (head, head.head) or head.doc[i - 1].text in {",", ";"}
        ):
            return min(start, i)
    return start
