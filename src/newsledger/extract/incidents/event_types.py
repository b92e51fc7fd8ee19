"""ACLED event types of a text: which kind of event (a battle, a bombing, an abduction) it reports.

The trigger rules are data, in ``lexicons/event_types.tsv``: each rule names an ACLED sub-event
type, a priority, a trigger pattern and optional context / unless patterns checked in the trigger's
sentence; exclude patterns (disasters, accidents, weapons tests) veto any trigger in their sentence
and a negation right before a trigger ("no fatalities") vetoes it. ``classify_event`` keeps the
matching rule with the lowest priority number (ties: the earliest match), so a suicide bombing that
also "killed" people is a suicide bomb, not an attack.
The rules are compiled once; classifying costs a few regular-expression searches per rule, well
under a millisecond for a news snippet, and needs no parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from newsledger.errors import LexiconError
from newsledger.extract.folded import FoldedPattern

LEXICON = "event_types.tsv"

# ACLED's fixed taxonomy: event type -> its sub-event types (ACLED codebook, 2019 onwards).
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPE_OF: dict[str, str] = {sub: kind for kind, subs in TAXONOMY.items() for sub in subs}

_NEGATION_REACH = 120  # characters before a trigger in which a negation is looked for
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")  # {ARMED_PEOPLE}; regex repeats like {0,3} are digits
# A sentence ends at . ! or ? followed by space and a capital, digit or quote (snippets, notes).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class EventClass:
    """ACLED event and sub-event types, and the trigger that decided them (text offsets)."""

    event_type: str
    sub_event_type: str
    trigger_start: int
    trigger_end: int
    trigger_text: str


@dataclass(frozen=True, slots=True)
class EventRule:
    """One rule of the lexicon: a trigger for a sub-event type, checked in its sentence."""

    sub_event_type: str
    priority: int
    trigger: FoldedPattern
    context: FoldedPattern | None
    unless: FoldedPattern | None
    line: int  # in the lexicon, for explaining a decision


@dataclass(frozen=True, slots=True)
class EventRules:
    """The compiled lexicon: rules sorted by priority, and what rules out a conflict event."""

    rules: tuple[EventRule, ...]
    exclude: FoldedPattern | None  # disasters, accidents, weapons tests, diplomacy
    negation: FoldedPattern | None  # "no", "none of the staff were": matched before a trigger


def classify_event(text: str) -> EventClass | None:
    """The ACLED event and sub-event type a text reports, or None when no trigger is found."""
    best: tuple[int, int, EventClass] | None = None
    lexicon = event_rules()
    sentences = sentence_spans(text)
    excluded: dict[int, bool] = {}  # by sentence start: the exclude patterns, once a sentence
    for rule in lexicon.rules:
        if best is not None and rule.priority > best[0]:
            break  # rules are sorted by priority: nothing later can win
        found = first_match(rule, text, sentences, lexicon, excluded)
        if found is not None and (best is None or found.trigger_start < best[1]):
            best = (rule.priority, found.trigger_start, found)
    return best[2] if best else None


def first_match(
    rule: EventRule,
    text: str,
    sentences: list[tuple[int, int]],
    lexicon: EventRules,
    excluded: dict[int, bool] | None = None,
) -> EventClass | None:
    """The first trigger of ``rule`` in ``text`` that is not negated and whose sentence passes;
    ``excluded`` keeps, by sentence start, whether an exclude pattern vetoes the sentence."""
    for match_start, match_end in rule.trigger.spans(text):
        start, end = sentence_around(sentences, match_start)
        sentence = text[start:end]
        if rule.context is not None and not rule.context.search(sentence):
            continue
        if rule.unless is not None and rule.unless.search(sentence):
            continue
        if _excluded(lexicon, sentence, start, {} if excluded is None else excluded):
            continue
        before = text[max(start, match_start - _NEGATION_REACH) : match_start]
        if lexicon.negation is not None and lexicon.negation.search(before):
            continue
        return EventClass(
            EVENT_TYPE_OF[rule.sub_event_type],
            rule.sub_event_type,
            match_start,
            match_end,
            text[match_start:match_end],
        )
    return None


def _excluded(lexicon: EventRules, sentence: str, start: int, known: dict[int, bool]) -> bool:
    """Whether an exclude pattern vetoes the sentence starting at ``start`` (kept in ``known``:
    the triggers of many rules fall in the same sentence)."""
    if lexicon.exclude is None:
        return False
    if start not in known:
        known[start] = lexicon.exclude.search(sentence) is not None
    return known[start]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (a cheap split; no parse)."""
    spans, start = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(text)))
    return spans


def sentence_around(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding ``offset`` (the last one when past the end)."""
    for start, end in sentences:
        if offset < end:
            return start, end
    return sentences[-1]


@cache
def event_rules() -> EventRules:
    """The lexicons/event_types.tsv rules, compiled once and sorted by priority."""
    path = f"lexicons/{LEXICON}"
    defines: dict[str, str] = {}
    rules: list[EventRule] = []
    excludes: list[str] = []
    negations: list[str] = []
    for number, fields in _rows():
        if len(fields) != 6:
            raise LexiconError(
                path, number, f"expected 6 tab-separated columns, found {len(fields)}"
            )
        kind, name, priority, trigger, context, unless = fields
        if kind == "define":
            defines[name] = _expand(trigger, defines, number)
        elif kind in ("exclude", "negation"):
            found = excludes if kind == "exclude" else negations
            found.append(_expand(trigger, defines, number))
            _compile(found[-1], number)  # a bad pattern is reported on its own line
        elif kind == "rule":
            rules.append(
                _rule(
                    name,
                    priority,
                    [
                        _expand(p, defines, number) if p != "-" else None
                        for p in (trigger, context, unless)
                    ],
                    number,
                )
            )
        else:
            raise LexiconError(
                path, number, f"kind {kind!r} is not one of define, exclude, negation, rule"
            )
    ordered = tuple(sorted(rules, key=lambda rule: (rule.priority, rule.line)))
    return EventRules(ordered, _either(excludes), _either(negations, r"\s*$"))


def _either(patterns: list[str], suffix: str = "") -> FoldedPattern | None:
    """One pattern matching any of ``patterns`` (each already checked on its own line)."""
    if not patterns:
        return None
    return FoldedPattern(re.compile("|".join(f"(?:{p}){suffix}" for p in patterns), re.IGNORECASE))


def _rows() -> Iterator[tuple[int, list[str]]]:
    text = (files("newsledger") / "lexicons" / LEXICON).read_text(encoding="utf-8")
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header_seen:
            yield number, [field.strip() for field in line.split("\t")]
        header_seen = True  # the first row names the columns


def _rule(name: str, priority: str, patterns: list[str | None], line: int) -> EventRule:
    path = f"lexicons/{LEXICON}"
    if name not in EVENT_TYPE_OF:
        raise LexiconError(path, line, f"{name!r} is not an ACLED sub-event type")
    if not priority.isdigit():
        raise LexiconError(path, line, f"priority {priority!r} is not a whole number")
    trigger, context, unless = (_lazy(p, line) if p else None for p in patterns)
    if trigger is None:
        raise LexiconError(path, line, "a rule needs a trigger pattern")
    return EventRule(name, int(priority), trigger, context, unless, line)


def _expand(pattern: str, defines: dict[str, str], line: int) -> str:
    def replace(match: re.Match[str]) -> str:
        if match[1] not in defines:
            raise LexiconError(
                f"lexicons/{LEXICON}", line, f"{{{match[1]}}} is used before it is defined"
            )
        return f"(?:{defines[match[1]]})"

    return _PLACEHOLDER.sub(replace, pattern)


def _compile(pattern: str, line: int) -> FoldedPattern:
    # Context and unless patterns are word bounded too: "rally" must not match "morally".
    try:
        return FoldedPattern(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE))
    except re.error as error:
        raise LexiconError(
            f"lexicons/{LEXICON}", line, f"bad regular expression: {error}"
        ) from None


def _lazy(pattern: str, line: int) -> FoldedPattern:
    """The pattern, compiled when first searched (most rules are never reached in a run: the
    first document's start-up pays only for those it needs); a bad one names its line then.
    Bounded as ``_compile`` bounds."""
    return FoldedPattern.lazy(rf"\b(?:{pattern})\b", re.IGNORECASE, lambda error: LexiconError(
        f"lexicons/{LEXICON}", line, f"bad regular expression: {error}"))


__all__ = [
    "EVENT_TYPE_OF",
    "TAXONOMY",
    "EventClass",
    "EventRule",
    "EventRules",
    "classify_event",
    "event_rules",
    "sentence_spans",
]
