"""What every match of a regular expression must hold, read from the compiled pattern's syntax
tree: lets a caller skip searching a stretch of text that cannot hold a match (issues 11, 12).

The answer only ever says "needs" when the syntax proves it; any construct it does not know
(lookarounds, back-references, conditionals, a parser of another Python version) answers "not
proven", so skipping on it never loses a match.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_sre: Any
_sre_parse: Any
try:  # the syntax tree of Python's own regex compiler (3.11+: re._parser)
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: nothing is proven, nothing skipped
    _sre = _sre_parse = None

_ASCII_DIGITS = frozenset("0123456789")


def needs_digit(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` holds a character ``\\d`` matches (a decimal digit)."""
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return False
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unknown parser: prove nothing
        return False
    return _sequence_needs_digit(list(tree))


def _sequence_needs_digit(items: list[tuple[Any, Any]]) -> bool:
    """A sequence needs a digit when one of its consuming items always consumes one."""
    return any(_item_needs_digit(op, av) for op, av in items)


def _item_needs_digit(op: Any, av: Any) -> bool:
    if op is _sre.LITERAL:
        return chr(av) in _ASCII_DIGITS
    if op is _sre.IN:
        return _all_digits(av)
    if op is _sre.SUBPATTERN:
        return _sequence_needs_digit(list(av[-1]))
    if op is _sre.ATOMIC_GROUP:
        return _sequence_needs_digit(list(av))
    if op is _sre.BRANCH:
        return all(_sequence_needs_digit(list(branch)) for branch in av[1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _, body = av
        return bool(low >= 1 and _sequence_needs_digit(list(body)))
    # lookarounds (they look outside the match too), references, anchors: nothing proven
    return False


def _all_digits(items: list[tuple[Any, Any]]) -> bool:
    """Whether a character class holds decimal digits only (a negated class never does)."""
    for op, av in items:
        if op is _sre.LITERAL:
            if chr(av) not in _ASCII_DIGITS:
                return False
        elif op is _sre.RANGE:
            if not (ord("0") <= av[0] <= av[1] <= ord("9")):
                return False
        elif op is _sre.CATEGORY:
            if av is not _sre.CATEGORY_DIGIT:
                return False
        else:  # NEGATE, other categories, ranges under IGNORECASE, ...
            return False
    return bool(items)
