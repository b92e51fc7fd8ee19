"""Find scraped page furniture (captions, credits, ads, widgets) in a text, as spans.

The text is never changed: noise is reported as ``[start, end)`` spans so that every offset
still points into the text as given. The patterns are data, in ``lexicons/noise.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsledger.errors import LexiconError

NOISE_LEXICON = "noise.tsv"
RULE_KINDS = ("noise", "credit", "gallery")
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")  # {MONTH}; regex repeats like {1,3} are digits


@dataclass(frozen=True, slots=True)
class NoiseRule:
    """One pattern of page furniture from the noise lexicon."""

    kind: str  # noise | credit | gallery
    name: str
    pattern: re.Pattern[str]
    example: str  # [[...]] marks what must come out as noise


def find_noise(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of page furniture in ``text``, sorted and merged."""
    # Same length as the text, so offsets carry over; "\r" would stop "$" matching line ends.
    view = text.replace("\r", "\n")
    rules = noise_rules()
    credits = [span for rule in rules if rule.kind == "credit" for span in _matches(rule, view)]
    spans = list(credits)
    credits.sort()
    for rule in rules:
        if rule.kind == "noise":
            spans.extend(_matches(rule, view))
        elif rule.kind == "gallery":
            spans.extend(_extend_to_credit(span, credits, view) for span in _matches(rule, view))
    return merge_spans(spans)


@cache
def noise_rules() -> tuple[NoiseRule, ...]:
    """The rules of the packaged noise lexicon, compiled once."""
    source = resources.files("newsledger").joinpath("lexicons", NOISE_LEXICON)
    return parse_noise_lexicon(source.read_text(encoding="utf-8"), NOISE_LEXICON)


def parse_noise_lexicon(content: str, path: str) -> tuple[NoiseRule, ...]:
    """Compile the rows of a noise lexicon; ``path`` names it in errors."""
    defines: dict[str, str] = {}
    rules: list[NoiseRule] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 4:
            message = f"expected 4 tab-separated columns, got {len(columns)}"
            raise LexiconError(path, number, message)
        kind, name, pattern, example = columns
        expanded = _expand(pattern, defines, path, number)
        if kind == "define":
            defines[name] = expanded
        elif kind in RULE_KINDS:
            rules.append(NoiseRule(kind, name, _compile(expanded, path, number), example))
        else:
            raise LexiconError(path, number, f"unknown kind {kind!r}; expected define or "
                               + ", ".join(RULE_KINDS))
    return tuple(rules)


def _expand(pattern: str, defines: dict[str, str], path: str, number: int) -> str:
    def substitute(match: re.Match[str]) -> str:
        if match[1] not in defines:
            raise LexiconError(path, number, f"{{{match[1]}}} is used before it is defined")
        return f"(?:{defines[match[1]]})"

    return _PLACEHOLDER.sub(substitute, pattern)


def _compile(pattern: str, path: str, number: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.MULTILINE)
    except re.error as error:
        raise LexiconError(path, number, f"bad regular expression: {error}") from error


def _matches(rule: NoiseRule, text: str) -> list[tuple[int, int]]:
    spans = (_trim(text, match.start(), match.end()) for match in rule.pattern.finditer(text))
    return [span for span in spans if span[0] < span[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _extend_to_credit(
    marker: tuple[int, int], credits: list[tuple[int, int]], text: str
) -> tuple[int, int]:
    """A gallery marker runs on to the last credit on its line; without one, it is just itself.
    ``credits`` are sorted: only those starting on the marker's line are looked at (scanning
    them all for each marker was quadratic in a long document's captions)."""
    line_end = text.find("\n", marker[1])
    line_end = len(text) if line_end == -1 else line_end
    first, last = bisect_left(credits, (marker[1], -1)), bisect_left(credits, (line_end + 1, -1))
    ends = [end for _, end in credits[first:last] if end <= line_end]
    return marker[0], max(ends, default=marker[1])


def merge_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The spans joined where they overlap or touch, in text order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


__all__ = [
    "NOISE_LEXICON", "NoiseRule", "find_noise", "merge_spans", "noise_rules",
    "parse_noise_lexicon",
]
