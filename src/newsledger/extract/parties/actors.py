"""Actors named in text: armed groups, state forces, governments, agencies, NGOs and media.

Aliases live in ``lexicons/actors.tsv``; aliases that are also ordinary words ("IS") need the
context listed in ``lexicons/actor_context.tsv``. Matching uses the same token index as places.py,
built once on first use, so ``find_actors`` costs a fraction of a millisecond per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from newsledger.errors import LexiconError
from newsledger.extract.words import (
    PhraseIndex,
    Token,
    phrase_key,
    read_lexicon,
    tokenise,
    words_of,
)
from newsledger.lexicons import read_table

KINDS = ("armed_group", "state_force", "government", "agency", "media", "ngo", "coalition")

# Capitalised alias words that text may write in lower case ("al-Qaeda", "the Associated Press").
_PARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "the",
        "of",
        "and",
        "wal",
        "wa",
        "fi",
        "li",
        "bin",
        "ibn",
    }
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text at ``[start, end)``, with its canonical name and kind."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str


@dataclass(frozen=True, slots=True)
class Actor:
    """One row of actors.tsv."""

    canonical: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Context:
    before: frozenset[str]
    after: frozenset[str]


class ActorTable:
    """Actors indexed for text and by name; build with ``load()``."""

    def __init__(self) -> None:
        self.index: PhraseIndex[Actor] = PhraseIndex(_PARTICLES)
        self.by_key: dict[str, Actor] = {}
        self.context: dict[str, _Context] = {}
        # (key, canonical) of an actor known there only by mixed-case acronyms ("JeM", "LeT"):
        # a name's lookup by key prefers any other actor ("JEM" is another group than "JeM")
        self.exact: dict[tuple[str, str], set[str]] = {}

    def add(self, actor: Actor, names: Sequence[str]) -> None:
        """Index an actor under its canonical name and aliases."""
        loose: set[str] = set()
        for name in names:
            if _mixed_case_acronym(name):
                # "JeM" and "JEM" share a key: the entry takes either writing, and accept()
                # keeps each actor only for the writing it is known by
                key = self.index.add_words(words_of(name), actor, case="A")
            else:
                key = self.index.add(name, actor)
            if _mixed_case_acronym(name):
                if key not in loose:
                    self.exact.setdefault((key, actor.canonical), set()).add(name)
            else:
                loose.add(key)
                self.exact.pop((key, actor.canonical), None)
            for k in (key, _without_the(key)):
                if k not in self.by_key or (
                    (k, self.by_key[k].canonical) in self.exact and not _mixed_case_acronym(name)
                ):
                    self.by_key[k] = actor

    def accept(
        self, text: str, tokens: Sequence[Token], first: int, last: int, actors: tuple[Actor, ...]
    ) -> tuple[Actor, ...]:
        """Keep a context-bound alias ("IS") only with one of its neighbouring words, and an
        actor known by a mixed-case acronym ("JeM") only as written."""
        key = " ".join(t[3] for t in tokens[first:last])
        written = text[tokens[first][0] : tokens[last - 1][1]]
        actors = tuple(
            a for a in actors
            if (key, a.canonical) not in self.exact or written in self.exact[(key, a.canonical)]
        )
        rule = self.context.get(key)
        if rule is None:
            return actors
        before = (
            first > 0
            and _next_to(text, tokens[first - 1], tokens[first])
            and tokens[first - 1][3] in rule.before
        )
        after = (
            last < len(tokens)
            and _next_to(text, tokens[last - 1], tokens[last])
            and tokens[last][3] in rule.after
        )
        return actors if before or after else ()


def _mixed_case_acronym(name: str) -> bool:
    """'JeM', 'LeT', 'HuJI': a short acronym written with lower-case letters inside capitals."""
    return (
        name.isalpha()
        and len(name) <= 5
        and name[0].isupper()
        and sum(c.isupper() for c in name) >= 2
        and any(c.islower() for c in name)
    )


def _next_to(text: str, left: Token, right: Token) -> bool:
    return text[left[1] : right[0]] in (" ", "-")


def _without_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


# "the" inside a long name, which writers keep or drop ("Popular Front for Liberation of
# Palestine"); three words at least after it, so that no short name turns into a phrase
_INNER_THE = re.compile(r"(?<=\S) the (?=\S)")


def _articles_dropped(names: Sequence[str]) -> list[str]:
    """The names written with an article inside them, without it."""
    shorter = (_INNER_THE.sub(" ", name) for name in names if _INNER_THE.search(name))
    return [name for name in shorter if len(name.split()) >= 4 and name not in names]


def load() -> ActorTable:
    """Build the actor table from actors.tsv and actor_context.tsv."""
    table = ActorTable()
    for line, (canonical, aliases, kind) in read_lexicon("actors.tsv", 3):
        if kind not in KINDS:
            raise LexiconError(
                "lexicons/actors.tsv", line, f"kind {kind!r} is not one of {', '.join(KINDS)}"
            )
        names = [canonical, *[a for a in aliases.split("|") if a]]
        table.add(Actor(canonical, kind), [*names, *_articles_dropped(names)])
    rules: dict[str, dict[str, frozenset[str]]] = {}
    for line, (alias, position, words) in read_lexicon("actor_context.tsv", 3):
        if position not in ("before", "after"):
            raise LexiconError(
                "lexicons/actor_context.tsv",
                line,
                f"position {position!r} is neither 'before' nor 'after'",
            )
        rules.setdefault(phrase_key(alias), {})[position] = frozenset(words.lower().split("|"))
    for key, sides in rules.items():
        table.context[key] = _Context(
            sides.get("before", frozenset()), sides.get("after", frozenset())
        )
    return table


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    """The actor table, built on first use and shared (a module-level singleton)."""
    return load()


def find_actors(text: str) -> list[ActorMention]:
    """Actors named in ``text``: non-overlapping, longest alias first."""
    return list(_actors_in(actor_table(), text))


# Stages after the scan ask again for the actors of a sentence (or of its parsed text): the
# last texts' answers are kept (per table, so that a test's own table is read afresh).
@lru_cache(maxsize=4096)
def _actors_in(table: ActorTable, text: str) -> tuple[ActorMention, ...]:
    return tuple(
        ActorMention(m.start, m.end, text[m.start : m.end], m.values[0].canonical, m.values[0].kind)
        for m in table.index.find(text, tokenise(text), table.accept)
    )


def canonical_actor(name: str) -> str:
    """The canonical name for an alias ('Daesh' -> 'ISIS'), or the input stripped if unknown;
    hedges before the name are not part of it ('unidentified gunmen' -> 'gunmen')."""
    name = _without_hedges(name)
    key = phrase_key(name)
    table = actor_table()
    written = [a for (k, a), names in table.exact.items() if k == key and name.strip() in names]
    if written:
        return written[0]
    actor = table.by_key.get(key) or table.by_key.get(_without_the(key))
    return actor.canonical if actor else name.strip()


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    return frozenset(word for (word,) in read_table("actor_hedges.tsv", 1))


def _without_hedges(name: str) -> str:
    """A name without the hedging words that open it ('Suspected jihadists' -> 'jihadists',
    'suspected Fulani gunmen' -> 'Fulani gunmen'), when what is left is a kind of party in lower
    case or a known actor: a capitalised name stays whole ('Unknown Militia')."""
    words = name.split()
    first = 0
    while first < len(words) - 1 and words[first].casefold() in _hedges():
        first += 1
    rest = " ".join(words[first:])
    if not first or not (_kind_of_doers(rest) or phrase_key(rest) in actor_table().by_key):
        return name
    return rest


def _kind_of_doers(text: str) -> bool:
    """'gunmen', 'armed men', 'forces': a kind of doers in lower case, of at most two words, whose
    noun roles.tsv lists as a doer's (perpetrator, attacker or group)."""
    words = text.split()
    if not text[:1].islower() or len(words) > 2:
        return False
    noun = words[-1].lower()
    return noun in _doer_nouns() or noun.rstrip("s") in _doer_nouns()


@cache
def _doer_nouns() -> frozenset[str]:
    kinds = {"perpetrator", "attacker", "group"}
    return frozenset(term for term, kind in read_table("roles.tsv", 2) if kind in kinds)


@lru_cache(maxsize=1)
def un_bodies() -> frozenset[str]:
    """Canonical names of the UN's own missions, offices and agencies: the actors one of whose
    names starts with 'UN' or 'United Nations' ('UNAMA', 'OHCHR', 'UNHCR'), the UN itself aside."""
    return frozenset(
        actor.canonical
        for key, actor in actor_table().by_key.items()
        if actor.canonical != "UN" and key.startswith(("un ", "united nations "))
    )


def actor_kind(name: str) -> str | None:
    """The kind of a known actor (by canonical name or alias), or None."""
    actor = actor_table().by_key.get(_without_the(phrase_key(name)))
    return actor.kind if actor else None


__all__ = ["Actor", "ActorMention", "actor_kind", "canonical_actor", "find_actors", "un_bodies"]
