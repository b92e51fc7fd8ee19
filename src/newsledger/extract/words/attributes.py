"""The English pipeline's attribute ruler and lemmatizer as one faster component, same output.

spaCy's ``attribute_ruler`` runs a general Matcher over every token (a fifth of the parse time
on news text) although its 179 patterns only test a token's tag, lower-case form, dependency
label and whether it is a space. What they assign is therefore memoised per combination of those
four values, and the few patterns of two tokens ("gon na") are joined from the per-token results.
The lemmatizer is spaCy's own, asked only when its cache (keyed as spaCy keys it) has no answer.
Both apply exactly what spaCy applies, in its order (later patterns win).
"""

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

NAME = "newsledger_attributes"
_TESTED = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})

Key = tuple[int, int, int, bool]  # tag, lower-case form (or 0), dependency, is_space
Test = Callable[[Token], bool]
Attrs = dict[Any, Any]  # attributes a rule sets, as the ruler normalised them
Assigned = tuple[tuple[int, Attrs], ...]  # (rule number, attributes), in rule order
# What the rules make of one token: the one-token rules that match it, and the (rule of several
# tokens, position) steps it can take.
Found = tuple[Assigned, frozenset[tuple[int, int]]]
# A rule's patterns: the token specs of each sequence (the ruler's patterns, typed loosely).
Specs = list[list[dict[str, Any]]]
Rule = tuple[int, Specs, int, Attrs]  # number, patterns, index of the token changed, attributes


def _specs(ruler: AttributeRuler) -> list[Rule]:
    """(number, patterns, index of the token changed, attributes) of each rule, in order."""
    found = []
    for number, spec in enumerate(ruler.patterns):
        patterns: Any = spec["patterns"]
        for sequence in patterns:
            for token_spec in sequence:
                if not set(token_spec) <= _TESTED:
                    raise ValueError(f"attribute ruler pattern {token_spec} is not supported")
        found.append((number, patterns, ruler.indices[number], ruler.attrs[number]))
    return found


def _test(attr: str, value: object) -> Test:
    """The Matcher's predicate of one attribute, for the four the ruler tests."""
    if attr == "IS_SPACE":
        return lambda token: bool(token.is_space) == value
    getter: Callable[[Token], int] = {
        "TAG": lambda t: t.tag, "LOWER": lambda t: t.lower, "DEP": lambda t: t.dep
    }[attr]
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda token: getter(token) == wanted
    if not (isinstance(value, dict) and len(value) == 1):
        raise ValueError(f"attribute ruler value {value!r} is not supported")
    ((operator, argument),) = value.items()
    if operator == "REGEX":
        pattern = re.compile(argument)
        return lambda token: pattern.search(token.vocab.strings[getter(token)]) is not None
    values = {get_string_id(v) for v in argument}
    if operator == "IN":
        return lambda token: getter(token) in values
    if operator == "NOT_IN":
        return lambda token: getter(token) not in values
    raise ValueError(f"attribute ruler operator {operator} is not supported")


def _token_test(token_spec: dict[str, Any]) -> Test:
    tests = [_test(attr, value) for attr, value in token_spec.items()]
    return lambda token: all(test(token) for test in tests)


def _named_forms(specs: list[Rule]) -> tuple[set[int], list[re.Pattern[str]]]:
    """The lower-case forms the rules name (by value, IN or NOT_IN), and their regexes."""
    named: set[int] = set()
    regexes = []
    for _, patterns, _, _ in specs:
        for sequence in patterns:
            for token_spec in sequence:
                value = token_spec.get("LOWER")
                if isinstance(value, str):
                    named.add(get_string_id(value))
                elif isinstance(value, dict) and "REGEX" in value:
                    regexes.append(re.compile(value["REGEX"]))
                elif isinstance(value, dict):
                    named.update(get_string_id(v) for values in value.values() for v in values)
    return named, regexes


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The lemmatizer's index of known words (per part of speech) as sets: spaCy keeps lists
    (57,528 nouns) and ``rule_lemmatize`` asks ``form in index`` for each suffix rule that
    applies, a linear scan (about 0.1 ms a new word). It only ever tests membership there, so
    its answers are the same."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(table):
        table[pos] = frozenset(table[pos])


class FastAttributes:
    """``attribute_ruler`` then ``lemmatizer`` (rule mode, no overwrite), as spaCy runs them."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("only the rule lemmatizer without overwrite is supported")
        lemmatizer._validate_tables()
        _index_as_sets(lemmatizer)
        self.lemmatizer = lemmatizer
        specs = _specs(ruler)
        self._single = [(n, _token_test(patterns[0][0]), attrs) for n, patterns, _, attrs in specs
                        if len(patterns) == 1 and len(patterns[0]) == 1]
        # (rule number, tests of its tokens, index of the token changed, attributes), one entry
        # per sequence of the rules of several tokens (or several sequences)
        self._multi = [(n, [_token_test(t) for t in sequence], index, attrs)
                       for n, patterns, index, attrs in specs
                       if not (len(patterns) == 1 and len(patterns[0]) == 1)
                       for sequence in patterns]
        self._memo: dict[Key, Found] = {}
        # A lower-case form no rule names (by value or regex) is keyed as 0: the rules that test
        # the form fail alike for all of them.
        self._named, self._regexes = _named_forms(specs)
        self._forms: dict[int, int] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _lookup(self, token: Token, key: Key) -> Found:
        single = tuple((n, attrs) for n, test, attrs in self._single if test(token))
        steps = frozenset((m, j) for m, (_, sequence, _, _) in enumerate(self._multi)
                          for j, test in enumerate(sequence) if test(token))
        found = self._memo[key] = (single, steps)
        return found

    def _form(self, lower: int, text: str) -> int:
        named = lower in self._named or any(r.search(text) for r in self._regexes)
        form = self._forms[lower] = lower if named else 0
        return form

    def __call__(self, doc: Doc) -> Doc:
        memo = self._memo
        forms = self._forms
        tokens = list(doc)
        found = []
        for token in tokens:
            lower = token.lower
            form = forms.get(lower)
            if form is None:
                form = self._form(lower, token.lower_)
            key = (token.tag, form, token.dep, token.is_space)
            hit = memo.get(key)
            found.append(hit if hit is not None else self._lookup(token, key))
        extra = self._sequences(found) if self._multi else {}
        for i, token in enumerate(tokens):
            single = found[i][0]
            if i in extra:
                for _, attrs in sorted([*single, *extra[i]], key=lambda item: item[0]):
                    set_token_attrs(token, attrs)
            else:
                for _, attrs in single:
                    set_token_attrs(token, attrs)
        self._lemmatize(tokens)
        return doc

    def _sequences(self, found: list[Found]) -> dict[int, list[tuple[int, Attrs]]]:
        """Tokens changed by rules of several tokens: index -> (rule number, attributes)."""
        extra: dict[int, list[tuple[int, Attrs]]] = {}
        count = len(found)
        for i, (_, steps) in enumerate(found):
            if not steps:
                continue
            for m, (number, sequence, index, attrs) in enumerate(self._multi):
                if (m, 0) not in steps or i + len(sequence) > count:
                    continue
                if all((m, j) in found[i + j][1] for j in range(1, len(sequence))):
                    target = i + (index if index >= 0 else len(sequence) + index)
                    entry = (number, attrs)
                    if entry not in extra.setdefault(target, []):
                        extra[target].append(entry)
        return extra

    def _lemmatize(self, tokens: list[Token]) -> None:
        lemmas = self._lemmas
        strings = self.lemmatizer.vocab.strings
        for token in tokens:
            if token.lemma != 0:
                continue
            key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = strings.add(self.lemmatizer.rule_lemmatize(token)[0])
                if token.pos != 0:  # its answer depends on these three only (none warns)
                    lemmas[key] = lemma
            token.lemma = lemma


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> FastAttributes:
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(ruler, AttributeRuler) and isinstance(lemmatizer, Lemmatizer)
    return FastAttributes(ruler, lemmatizer)


def faster_attributes(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer replaced by FastAttributes (same output)."""
    if nlp.pipe_names[-2:] != ["attribute_ruler", "lemmatizer"]:
        return nlp
    nlp.add_pipe(NAME, last=True)
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return nlp
