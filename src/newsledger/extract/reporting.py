"""Reporting verbs as they are written ('said', 'told', 'reported'), from the lemmas of
lexicons/attribution.tsv (kind verb), for the regular expressions of every stage.

``reporting_verbs`` gives a regex alternation (no group) of the verbs' past forms, and of the
present third person of the lemmas asked for ('says'): most third persons are plural nouns as
well ('reports', 'states', 'estimates', 'records'), so a pattern takes them only where a noun
would match as well. Regular verbs are inflected by rule; ``_IRREGULAR`` holds the others (and
any lemma whose past doubles its last consonant, 'admitted').

Some patterns want fewer verbs than the lexicon lists; they name their subset here, and every
lemma of a subset must be a lexicon verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from newsledger.lexicons import read_table

_IRREGULAR = {"say": ("said",), "tell": ("told",), "put": ("put",), "show": ("showed", "shown")}

# Verbs of speaking: what only a person or a body does with words. A place's name before one
# is a person's ('Santos told reporters'), while a town may well have 'reported', 'recorded' or
# 'confirmed' deaths ('Gaza recorded 30 deaths').
SPEAKING = ("say", "tell", "add", "state", "announce", "insist", "explain")
# Verbs whose day is the day of the telling, not of what they tell: 'the ministry confirmed on
# Friday', 'Last year Ghani said 28,000 had been killed'. Not the verbs of counting ('recorded',
# 'documented', 'counted', 'tallied', 'put'), whose time is often the time counted ('In March
# the monitor recorded 30 deaths'), nor 'released', 'showed', 'noted' or 'cited', whose past is
# as often an adjective or a data table's ('hostages released on Friday').
TELLING = (
    "say", "tell", "report", "announce", "state", "add", "estimate", "disclose", "reveal",
    "confirm", "publish", "explain", "insist",
)

# Verbs of telling whose present is written for a past statement ('AFP reports on 11 April that',
# in incident databases' descriptions). Not 'states' or 'adds', which are as often nouns or
# other words ('the United States on Monday').
TELLING_PRESENT = ("say", "report", "announce", "confirm", "disclose", "reveal")

# Verbs that name a deed as often as a report ('the rebels released five hostages', 'the
# government showed no willingness'): they report only with a clause after them, or with a
# carrier of figures as their object or subject ('released figures', 'the data showed').
DEED_OR_REPORT = ("release", "show")


@cache
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of the reporting verbs (lexicons/attribution.tsv, kind verb): 'say', 'tell'."""
    return frozenset(term for term, kind in read_table("attribution.tsv", 2) if kind == "verb")


def past_forms(lemma: str) -> tuple[str, ...]:
    """The past tense and participle of a verb: 'said', 'reported', 'tallied', 'shown'."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return (lemma + "d",)
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma[:-1] + "ied",)
    return (lemma + "ed",)


def third_person(lemma: str) -> str:
    """The present third person singular of a verb: 'says', 'publishes', 'tallies'."""
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


@cache
def reporting_verbs(lemmas: Iterable[str] | None = None, present: Iterable[str] = ("say",)) -> str:
    """A regex alternation, without group, of the past forms of the reporting verbs (all of the
    lexicon's, or ``lemmas``, a subset of them) and the present third person of ``present``
    ('said|says|told|...'), longest first. Pass tuples (the result is cached)."""
    known = reporting_lemmas()
    chosen = known if lemmas is None else frozenset(lemmas)
    missing = sorted((chosen | frozenset(present)) - known)
    if missing:
        raise ValueError(f"not a verb of lexicons/attribution.tsv: {', '.join(missing)}")
    forms = {form for lemma in chosen for form in past_forms(lemma)}
    forms |= {third_person(lemma) for lemma in present}
    return "|".join(sorted(forms, key=lambda form: (-len(form), form)))


__all__ = [
    "DEED_OR_REPORT",
    "SPEAKING",
    "TELLING",
    "TELLING_PRESENT",
    "past_forms",
    "reporting_lemmas",
    "reporting_verbs",
    "third_person",
]
