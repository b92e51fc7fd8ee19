"""Stated numbers: parse one number phrase with its hedge, or find every stated count in a text.

``parse_number("more than 9,000")`` gives the interval the wording implies (the qualifier
conventions of the gold schema). ``find_quantities(text)`` scans a whole text in three steps:

  1. match every number phrase (digits, number words, "a dozen") with the hedge next to it;
  2. drop those that are not counts: dates, years, times, ages, money, percentages, measures,
     durations, seats and votes, identifiers, phone numbers, gallery and list markers;
  3. join neighbours into ranges ("10 to 15", "between 10 and 15") and drop scores ("3-1").

Word lists are data: ``lexicons/number_words.tsv``, ``hedges.tsv``, ``non_count_units.tsv`` and
``non_count_labels.tsv``. Regexes are compiled once at import; this runs on every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

from newsledger import lexicons
from newsledger.errors import LexiconError
from newsledger.extract.folded import FoldedPattern
from newsledger.lexicons import read_table
from newsledger.model import Qualifier, Quantity

_WORD_KINDS = frozenset({"unit", "teen", "ten", "hundred", "scale", "dozen"})
_QUALIFIERS = frozenset(q.value for q in Qualifier)


def _load_number_words() -> dict[str, tuple[int, str]]:
    words = {}
    for row, (word, value, kind) in enumerate(read_table("number_words.tsv", 3), start=1):
        if not value.isdigit() or kind not in _WORD_KINDS:
            kinds = ", ".join(sorted(_WORD_KINDS))
            raise _bad_row(
                "number_words.tsv",
                row,
                f"{word!r}: value must be a whole number and kind one of {kinds}",
            )
        words[word.lower()] = (int(value), kind)
    return words


def _load_hedges() -> tuple[dict[str, Qualifier], dict[str, Qualifier]]:
    before: dict[str, Qualifier] = {}
    after: dict[str, Qualifier] = {}
    for row, (phrase, qualifier, position) in enumerate(read_table("hedges.tsv", 3), start=1):
        if qualifier not in _QUALIFIERS or position not in ("before", "after"):
            names = ", ".join(sorted(_QUALIFIERS))
            raise _bad_row(
                "hedges.tsv",
                row,
                f"{phrase!r}: qualifier must be one of {names}, and position before or after",
            )
        (before if position == "before" else after)[_norm(phrase)] = Qualifier(qualifier)
    return before, after


def _load_units() -> tuple[list[str], list[str], list[str], list[str]]:
    """Units, modifiers, hyphen-only units and month names of non_count_units.tsv."""
    units: list[str] = []
    modifiers: list[str] = []
    hyphened: list[str] = []
    months: list[str] = []
    for row, (word, kind, reason) in enumerate(read_table("non_count_units.tsv", 3), start=1):
        if kind not in ("unit", "modifier", "hyphen"):
            raise _bad_row(
                "non_count_units.tsv", row, f"{word!r}: kind must be unit, modifier or hyphen"
            )
        {"unit": units, "modifier": modifiers, "hyphen": hyphened}[kind].append(word.lower())
        if kind == "unit" and reason == "date" and word.isalpha():
            months.append(word.lower())
    return units, modifiers, hyphened, months


def _bad_row(name: str, row: int, message: str) -> LexiconError:
    """The error for the ``row``-th entry of a lexicon, located at its line in the file."""
    text = resources.files(lexicons).joinpath(name).read_text(encoding="utf-8")
    entries = [
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    return LexiconError(name, entries[row - 1] if row <= len(entries) else row, message)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


_WORDS = _load_number_words()
NUMBER_WORDS: dict[str, int] = {word: value for word, (value, _kind) in _WORDS.items()}
_HEDGES_BEFORE, _HEDGES_AFTER = _load_hedges()
_UNITS, _MODIFIERS, _HYPHEN_UNITS, _MONTHS = _load_units()
_LABELS = frozenset(_norm(words) for words, _reason in read_table("non_count_labels.tsv", 2))
_LABEL_WORDS = max(len(label.split()) for label in _LABELS)
_SCALES = {w: value for w, (value, kind) in _WORDS.items() if kind in ("hundred", "scale")}


def _alternation(phrases: Iterable[str]) -> str:
    """Literal phrases as one regex alternation, longest first, any whitespace between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def _load_one_cues() -> tuple[re.Pattern[str], ...]:
    """When a bare "one" is a count (lexicons/one_as_count.tsv): words after, after "one of",
    before, blocking."""
    cues: dict[str, list[str]] = {"after": [], "before": [], "blocks": []}
    for row, (word, position) in enumerate(read_table("one_as_count.tsv", 2), start=1):
        if position not in cues:
            raise _bad_row("one_as_count.tsv", row,
                           f"{word!r}: position must be after, before or blocks")
        cues[position].append(word)
    after = re.compile(  # "One person died", "one policeman was shot"
        rf"\s+(?:[A-Za-z'-]+\s+){{0,4}}?(?:(?:was|were|is|has\s+been|had\s+been|got)\s+"
        rf"(?:[A-Za-z]+\s+)?)?(?:{_alternation(cues['after'])})\b", re.IGNORECASE)
    # a sentence's subject may be told at length before its verb ("One woman selling fruit on
    # the street was killed"): up to ten words, none of them a clause's break
    subject = re.compile(
        rf"\s+(?:[A-Za-z'-]+\s+){{0,10}}?(?:was|were|had\s+been|has\s+been)\s+"
        rf"(?:[A-Za-z]+\s+)?(?:{_alternation(cues['after'])})\b", re.IGNORECASE)
    of_after = re.compile(  # "One of the guards was killed", "one of them died later"
        rf"\s+of\s+(?:[A-Za-z'’-]+\s+){{1,5}}?(?:(?:was|were|had\s+been|has\s+been)\s+"
        rf"(?:[A-Za-z]+\s+)?)?(?:{_alternation(cues['after'])})\b", re.IGNORECASE)
    before = re.compile(  # "killing one", "left one dead"
        rf"\b(?:{_alternation(cues['before'])})\s+(?:only\s+|at\s+least\s+)?\Z", re.IGNORECASE)
    blocks = re.compile(rf"\b(?:{_alternation(cues['blocks'])})\s+\Z", re.IGNORECASE)
    return after, of_after, before, blocks, subject


_ONE_AFTER, _ONE_OF_AFTER, _ONE_BEFORE, _ONE_BLOCKED, _ONE_SUBJECT = _load_one_cues()


_OPENERS = "'\"‘“(["


def _one_is_a_count(text: str, match: _Match) -> bool:
    """A bare "one" next to a casualty word counts ("One soldier was killed", "killing one")."""
    before = text[max(0, match.start - 40):match.start]
    if _ONE_BLOCKED.search(before):
        return False
    if re.match(r"\s+of\b", text[match.end:match.end + 8], re.IGNORECASE):
        # "one of" is a count only as the subject or object of a casualty word in its clause
        return bool(_ONE_OF_AFTER.match(text, match.end, match.end + 60)
                    or _ONE_BEFORE.search(before))
    # "One ..." opening its sentence is its subject, also behind an opening quote or bracket
    # (incident notes stored in quotes: "'One driver was abducted ...'")
    opens = not text[:match.start].strip().lstrip(_OPENERS)
    return bool(
        _ONE_AFTER.match(text, match.end, match.end + 60)
        # "4 Germans, one French and one Swiss", "two from Romania, one from Ghana": the next
        # item of a list of counts is a count as its first one is (the parse says of what)
        or _LIST_ITEM_BEFORE.search(before)
        or _ONE_BEFORE.search(before)
        or (opens and _ONE_SUBJECT.match(text, match.end, match.end + 90))
    )


def _words_of(*kinds: str) -> str:
    return _alternation(w for w, (_value, kind) in _WORDS.items() if kind in kinds)


# A count and up to three words of its item, then a comma or "and" opening the next item.
_LIST_ITEM_BEFORE = re.compile(
    rf"(?<![\w,.])(?:\d+|{_words_of('unit', 'teen', 'ten')})"
    r"(?:\s+(?:from\s+)?[A-Z][\w'’-]*){1,3}(?:,\s+|\s+and\s+)\Z"
)


# A number phrase starts with a unit, teen or ten word, or with "a"/"half a" before a scale or
# dozen; "and" joins only after a scale word ("one hundred and twenty"), never two numbers.
_FIRST_WORD = (
    rf"(?:(?:half[ \t]+)?an?[ \t]+(?:{_words_of('hundred', 'scale', 'dozen')})"
    rf"|{_words_of('unit', 'teen', 'ten')})\b"
)
_AND_AFTER_SCALE = "|".join(f"(?<={word})" for word in _SCALES)
_NEXT_WORD = rf"(?:-|[ \t]+|(?:{_AND_AFTER_SCALE})[ \t]+and[ \t]+)(?:{_words_of(*_WORD_KINDS)})\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Not inside a token: "AK-47", "$500", "12/30/22", "8:30", "#5", "+234", ".50", "44.5%", "3rd";
# a hyphen after digits is a range ("10-15"), after letters a model or name ("F-16", "Covid-19").
_NOT_AFTER = r"(?<![\w.,:/\\$€£¥₦#@+=&])(?<![^\W\d]-)"
# "till 6. 00am", "at 9. 30 pm": a clock time whose colon or point the scrape spaced out.
_NOT_BEFORE = r"(?![\w%]|[.,:/]\w|[.:][ \t]\d\d[ \t]*[ap]\.?m\b)"
_NUMBER = FoldedPattern(re.compile(
    rf"{_NOT_AFTER}(?:(?P<hedge>{_alternation(_HEDGES_BEFORE)})\s+)?"
    rf"(?P<core>(?P<digits>{_DIGITS}){_NOT_BEFORE}"
    rf"(?:[ \t]+(?:(?P<scale>{_alternation(_SCALES)})|(?P<dozens>dozen))\b)?"
    rf"|(?P<words>{_FIRST_WORD}(?:{_NEXT_WORD})*))"
    rf"(?:(?:[ \t]+|-)(?P<after>{_alternation(_HEDGES_AFTER)})\b|(?P<plus>\+)(?![\w+]))?",
    re.IGNORECASE,
))
_UNIT_AFTER = FoldedPattern(re.compile(
    rf"(?:[ \t]*-[ \t]*|\s*)(?:(?:{_alternation(_MODIFIERS)})\s+)?"
    rf"(?:{_alternation(_UNITS)})(?:e?s)?(?![a-z])",
    re.IGNORECASE,
))
# "a two-car convoy", "a 17-nation coalition": a number joined by a hyphen to the noun it
# modifies describes that noun; with a space ("two cars were burned") it stays a count.
_HYPHEN_UNIT_AFTER = re.compile(
    rf"[ \t]*-[ \t]*(?:{_alternation(_HYPHEN_UNITS)})(?![a-z-])", re.IGNORECASE
)
# "on 18 and 19 September", "from 3 to 5 March": the first of two days of one month.
_SECOND_DAY_AFTER = re.compile(
    rf"[ \t]*(?:and|to|or|&)[ \t]+\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_alternation(_MONTHS)})\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
# "ranged from 25 to 32", "anywhere from 50 to 60": a range after all, not a change.
_RANGE_FROM_BEFORE = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)\s+from\s+\Z", re.IGNORECASE
)
# "30 or 40 people", "two or three soldiers": a range written with "or".
_OR_GAP = re.compile(r"[ \t]+or[ \t]+", re.IGNORECASE)
# "up to" after a verb of change names where a count went, not a bound.
_CHANGED_UP_TO = re.compile(
    r"\b(?:bring|brings|bringing|brought|rose|risen|rising|climbed|climbing|jumped)\b"
    r"[^.;,\d]{0,30}\bup\s+to\Z",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"[ \t]*[-–][ \t]*|\s+to\s+", re.IGNORECASE)
# "between 10 and 15", "between 10-15", and the looser "between 8 to 12"
_BETWEEN_GAP = re.compile(r"\s+(?:and|to)\s+|[ \t]*[-–][ \t]*", re.IGNORECASE)
_GALLERY_GAP = re.compile(r"\s+of\s+", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
# "four or five kilos", "9,000 people out of 22,000 voters": the first shares the second's unit.
_RATIO_GAP = re.compile(r"\s+in\s+(?:every\s+)?", re.IGNORECASE)
_RATIO_BASE = 100  # "one in four", "3 in 10", "1 in every 100"
_AND_OR_GAP = re.compile(r",?[ \t]+(?:and|or)[ \t]+", re.IGNORECASE)
_AGE_LABEL = re.compile(r"\b(?:aged|ages)\s+\Z", re.IGNORECASE)
_SHARED_UNIT_GAP = re.compile(r"\s+(?:or|(?:[a-z]+\s+){0,2}out\s+of)\s+", re.IGNORECASE)
# "Bozo Kelava, 36, and ...", "Omar Haidari, now 24, is ...": a number set off by commas after a
# name is an age.
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+,[ \t]*(?:(?:now|then|aged)[ \t]+)?\Z")
_COMMA_AFTER = re.compile(r"[ \t]*[,)]")
_OLDEST_AGE = 120
# Phone numbers and similar digit groups: "+234 803 123 4567", "0803-123-4567".
_PHONE = re.compile(r"(?:\+\d{1,4}|\(\d{1,4}\)|\d{1,4})(?:[ .-]\d{2,5}){2,}")
# After "(3,790)": a lower-case word goes on ("people", "of whom", "female", "are").
_BRACKETED_COUNT_AFTER = re.compile(r"[ \t]+[a-z]")
# Words after "[12]" that show it is a reference, not a count before its noun ("[12] and [13]").
_JOINING_WORDS = frozenset({"and", "or", "to", "of", "in", "on", "at", "by", "for", "the", "a"})
_LIST_MARKER_BEFORE = re.compile(r"(?:\A|\n)[ \t]*\Z")
_YEARS = range(1900, 2100)
_LABEL_WINDOW = 60  # characters looked at before a number for a label ("under the age of")


@dataclass(frozen=True, slots=True)
class _Match:
    """One number phrase as matched, before deciding whether it is a count."""

    start: int  # the phrase with its hedges
    end: int
    core_start: int
    core_end: int
    value: int | None  # None: not a whole count ("1.5", "a")
    hedge: Qualifier | None
    after: Qualifier | None
    digits: str | None  # the digits as written, when the number is in digits
    dozen: bool
    bare_one: bool  # "one" alone: too often not a count ("one of", "no one", "at one point")


def word_to_int(word: str) -> int | None:
    """The value of a number written in words ("eight", "Thirty-three", "a dozen"), else None."""
    tokens = [t.lower() for t in re.findall(r"[A-Za-z]+", word)]
    if not tokens or re.search(r"\d", word):
        return None
    parsed = _words_value(tokens)
    if parsed is None or parsed[1] != len(tokens):
        return None
    return parsed[0]


def count_word(word: str) -> int | None:
    """A count as time phrases write it ('3', 'three', 'a' or 'an' for one), else None."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return 1 if word in ("a", "an") else NUMBER_WORDS.get(word)


def parse_number(text: str) -> Quantity | None:
    """The first number phrase of ``text`` with its hedge, as a Quantity; None if there is none."""
    for m in _NUMBER.finditer(text):
        match = _read_match(text, m)
        if match.value is None:
            continue
        following = _next_match(text, match.end)
        if following is not None and _is_range_pair(text, match, following):
            joined = _range(text, match, following)
            if joined is not None:
                return joined
        return _quantity(text, match)
    return None


# Hedges the parser reads as a head of their own ("upward of 200 villagers": the villagers become
# the object of "of"): the parser is shown a plain "about" in their place.
_PREPOSITIONAL_HEDGE = re.compile(r"(?:\bof|\bas)\Z", re.IGNORECASE)
_STAND_IN = "about"


def parser_stand_in(quantity: Quantity) -> str:
    """The quantity's text as the parser should see it, of the same length: a range shows only
    its last number ("30-40" as "   40", "between 30 and 40" as "         about 40"), a
    prepositional hedge becomes "about" ("upward of 200" as "    about 200"); other
    quantities are shown as written."""
    text = quantity.number_text
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return text
    last = matches[-1]
    ranged = quantity.qualifier is Qualifier.RANGE and len(matches) > 1
    if not (ranged or (last["hedge"] and _PREPOSITIONAL_HEDGE.search(_norm(last["hedge"])))):
        return text
    keep = last.start("core")
    blank = keep - len(_STAND_IN) - 1
    prefix = " " * blank + _STAND_IN + " " if blank >= 0 else " " * keep
    return prefix + text[keep:]


def find_quantities(text: str) -> list[Quantity]:
    """Every stated count in ``text`` with its hedge and offsets; numbers not counts left out."""
    matches = [_read_match(text, m) for m in _NUMBER.finditer(text)]
    if not matches:
        return []
    excluded = [_is_not_a_count(text, m) for m in matches]
    _exclude_pairs(text, matches, excluded)
    quantities: list[Quantity] = []
    i = 0
    while i < len(matches):
        match = matches[i]
        if i + 1 < len(matches) and _is_range_pair(text, match, matches[i + 1]):
            # A range with a bad part (years "2014-2018", a score "3-1") is not two counts either.
            joined = _range(text, match, matches[i + 1])
            if joined is not None and not (excluded[i] or excluded[i + 1]):
                quantities.append(joined)
            i += 2
            continue
        bare = match.bare_one and match.hedge is None and not _one_is_a_count(text, match)
        if not excluded[i] and not bare:
            quantities.append(_quantity(text, match))
        i += 1
    return quantities


# 1. Matching


def _read_match(text: str, m: re.Match[str]) -> _Match:
    hedge = _HEDGES_BEFORE[_norm(m["hedge"])] if m["hedge"] else None
    after = _HEDGES_AFTER[_norm(m["after"])] if m["after"] else None
    if m["plus"]:
        after = Qualifier.AT_LEAST  # "10+ dead": ten or more
    start, end = m.start(), m.end()
    if hedge is not None and _CHANGED_UP_TO.search(text, max(0, start - 50), m.end("hedge")):
        hedge, start = None, m.start("core")  # "bringing the death toll up to 73": a new total
    if m["digits"]:
        return _Match(
            start,
            end,
            m.start("core"),
            m.end("core"),
            value=_digits_value(m["digits"], m["scale"], dozen=bool(m["dozens"])),
            hedge=hedge,
            after=after,
            digits=m["digits"],
            dozen=bool(m["dozens"]),  # "2 dozen others": written as in "two dozen"
            bare_one=False,
        )
    tokens = list(re.finditer(r"[A-Za-z]+", m["words"]))
    value, used, dozen = _words_value([t[0].lower() for t in tokens]) or (None, len(tokens), False)
    core_start = m.start("words")
    core_end = core_start + tokens[used - 1].end()
    if core_end < m.end("words"):  # only a prefix is one number ("two three"): the rest is not ours
        end, after = core_end, None
    bare_one = used == 1 and tokens[0][0].lower() == "one"
    return _Match(
        start,
        end,
        core_start,
        core_end,
        value=value,
        hedge=hedge,
        after=after,
        digits=None,
        dozen=dozen,
        bare_one=bare_one,
    )


def _next_match(text: str, position: int) -> _Match | None:
    m = _NUMBER.search(text, position)
    return _read_match(text, m) if m else None


def _digits_value(digits: str, scale: str | None, *, dozen: bool = False) -> int | None:
    value = Decimal(digits.replace(",", ""))
    if dozen:  # "2 dozen": whole dozens only
        return int(value) * 12 if value == value.to_integral_value() and "." not in digits else None
    if scale:
        return int((value * _SCALES[scale.lower()]).to_integral_value())
    # "44.5" without a scale is a measurement, and "9.000" is not thousands in English.
    return int(value) if value == value.to_integral_value() and "." not in digits else None


def _words_value(tokens: list[str]) -> tuple[int, int, bool] | None:
    """Value of a number-word phrase, how many of its tokens it used, whether it counts dozens."""
    i, half = 0, False
    if tokens[:1] == ["half"]:
        i, half = 1, True
    total, group, largest_scale, last = 0, 0, 0, "start"
    if i < len(tokens) and tokens[i] in ("a", "an"):
        group, last, i = 1, "a", i + 1
    used = 0
    for position in range(i, len(tokens)):
        token = tokens[position]
        if token == "and":
            if last not in ("hundred", "scale"):
                break
            continue
        if token not in _WORDS:
            break
        value, kind = _WORDS[token]
        if not _may_follow(last, kind, value, group, largest_scale):
            break
        if kind == "hundred":
            group = (group or 1) * 100
        elif kind == "scale":
            total, group, largest_scale = total + (group or 1) * value, 0, value
        elif kind == "dozen":
            group = (group or 1) * 12
        else:
            group += value
        last, used = kind, position + 1
    if last in ("start", "a"):
        return None
    whole = total + group
    return (whole // 2 if half else whole), used, last == "dozen"


def _may_follow(last: str, kind: str, value: int, group: int, largest_scale: int) -> bool:
    """Whether a word of ``kind`` can continue a phrase whose previous word was of kind ``last``."""
    if kind == "unit":
        return last in ("start", "ten", "hundred", "scale")
    if kind in ("teen", "ten"):
        return last in ("start", "hundred", "scale")
    if kind == "hundred":
        return last in ("a", "unit", "teen") or (last == "ten" and group < 100)
    if kind == "scale":
        smaller = not largest_scale or value < largest_scale  # "a thousand million" is odd
        return smaller and last in ("a", "unit", "teen", "ten", "hundred")
    return last in ("a", "unit", "teen", "ten")  # dozen: "a dozen", "two dozen"


# 2. Deciding what is a count


def _is_not_a_count(text: str, match: _Match) -> bool:
    """Whether the number is a date, time, age, measure, label or identifier, not a count."""
    return (
        match.value is None
        or _looks_like_year_or_id(match)
        or _has_label_before(text, match)
        or (_UNIT_AFTER.match(text, match.end) is not None and not _times_attacked(text, match))
        or _is_bracketed(text, match)
        or _is_list_marker(text, match)
        or _in_phone_number(text, match)
        or _is_age_after_name(text, match)
        or _is_day_of_may(text, match)
        or _HYPHEN_UNIT_AFTER.match(text, match.end) is not None
        or _is_first_of_two_days(text, match)
        or _SPLIT_ACROSS.search(text, max(0, match.start - 60), match.start) is not None
    )


# "fatalities split across five events", "casualties are spread across 2 other attacks": a coder's
# note on how one toll is filed, not a count of its own
_SPLIT_ACROSS = re.compile(
    r"\b(?:split|distributed|spread|divided)\s+(?:evenly\s+|equally\s+)?"
    r"(?:across|over|between|among|in(?:to)?)\s+\Z",
    re.IGNORECASE,
)


def _is_first_of_two_days(text: str, match: _Match) -> bool:
    if match.digits is None or match.value is None or not 1 <= match.value <= 31:
        return False
    return match.hedge is None and _SECOND_DAY_AFTER.match(text, match.end) is not None


# "Convoys were attacked 17 times": a count of attacks, not a multiplier ("three times more").
_TIMES_AFTER = re.compile(
    r"[ \t]+times\b(?![ \t]+(?:more|less|as|higher|lower|the)\b)", re.IGNORECASE
)
# the verb right before, or before its object: "shelled Kherson region 84 times"
_ATTACK_VERB_BEFORE = re.compile(
    r"\b(?:attacked|ambushed|shelled|bombed|targeted|struck)(?:[ \t]+[^\s\d.,;:()]+){0,5}[ \t]+\Z",
    re.IGNORECASE,
)


def _times_attacked(text: str, match: _Match) -> bool:
    return (
        _TIMES_AFTER.match(text, match.end) is not None
        and _ATTACK_VERB_BEFORE.search(text, max(0, match.start - 70), match.start) is not None
    )


# "on 20 May", "since 3 May 2021": the capitalised month after a day of the month. Alone "May"
# is usually the verb ("10 may have died"; lexicons/non_count_units.tsv), so the day must follow
# a preposition of time or the month be followed by a year.
_DAY_BEFORE_MAY = re.compile(
    r"\b(?:on|since|until|till|from|by|before|after|of|between|and|to)\s+\Z", re.IGNORECASE
)
_MAY_AFTER_DAY = re.compile(r"\s+May\b(?P<year>,?\s+\d{4}\b)?")


def _is_day_of_may(text: str, match: _Match) -> bool:
    if match.digits is None or match.value is None or not 1 <= match.value <= 31:
        return False
    if match.hedge not in (None, Qualifier.RANGE):
        return False
    month = _MAY_AFTER_DAY.match(text, match.end)
    if month is None:
        return False
    start = match.core_start
    before = _DAY_BEFORE_MAY.search(text, max(0, start - 10), start)
    return before is not None or month.group("year") is not None


def _has_label_before(text: str, match: _Match) -> bool:
    """A label before the phrase ("aged over 60") or before the number ("children under five")."""
    return any(_ends_with_label(text, at) for at in {match.start, match.core_start})


def _ends_with_label(text: str, at: int) -> bool:
    """Whether the words right before ``at`` are a label ("Jan.", "No.", "the age of")."""
    start = max(0, at - _LABEL_WINDOW)
    words = text[start:at].lower().split()
    if start > 0:
        words = words[1:]  # the first word may be cut
    words = words[-_LABEL_WORDS:]
    if not words:
        return False
    words[-1] = words[-1].removesuffix(".")
    return any(" ".join(words[-n:]).lstrip("(\"'“‘") in _LABELS for n in range(1, len(words) + 1))


def _looks_like_year_or_id(match: _Match) -> bool:
    digits = match.digits
    if digits is None or "," in digits or "." in digits:
        return False
    if len(digits) == 4 and int(digits) in _YEARS:
        return True
    # "Release Number 20240405", "01": long or zero-led digit runs are identifiers, not counts.
    return len(digits) >= 6 or (len(digits) > 1 and digits.startswith("0"))


def _is_age_after_name(text: str, match: _Match) -> bool:
    if match.digits is None or match.hedge or match.value is None or match.value > _OLDEST_AGE:
        return False
    before = _NAME_COMMA_BEFORE.search(text, max(0, match.start - 30), match.start)
    return before is not None and _COMMA_AFTER.match(text, match.end) is not None


def _is_bracketed(text: str, match: _Match) -> bool:
    """'(0)' comment counters and 'eight (8)' restatements, '[3]' footnotes; not a count written
    in brackets before its noun or verb ("a total of (3,790) people", "(43) have been",
    "[47] civilians")."""
    before = text[match.start - 1] if match.start else ""
    after = text[match.end] if match.end < len(text) else ""
    if (before, after) == ("[", "]"):
        # a footnote hangs on a word ("said.[3]"); "[47] civilians" is a count in brackets
        spaced = match.start < 2 or text[match.start - 2].isspace()
        next_word = text[match.end + 1 : match.end + 16].split()[:1]
        joined = bool(next_word) and next_word[0].strip(",.;") in _JOINING_WORDS  # "[12] and [13]"
        return not (spaced and not joined and _is_bracketed_count(text, match))
    return (before, after) == ("(", ")") and not (
        _is_bracketed_count(text, match) or _in_bracketed_series(text, match)
    )


# "Sagaing (1,382), Magway (611) and Mandalay (498).": counts in brackets after the names of a
# ranking or breakdown, the last one closing a clause; another bracketed count nearby shows it
_SERIES_CLOSE_AFTER = re.compile(r"[,;.]")
_BRACKETED_NUMBER = re.compile(r"\(\d[\d,.]*\)")
_SERIES_REACH = 120  # characters either side looked at for another count of the series


def _in_bracketed_series(text: str, match: _Match) -> bool:
    """Whether '(498)' closing a clause is one of a series of bracketed counts after names, not
    a restatement ('eight (8)') or a footnote-like marker."""
    if not _SERIES_CLOSE_AFTER.match(text, match.end + 1):
        return False
    words_before = text[max(0, match.start - 1 - 30) : match.start - 1].split()
    if not words_before or not words_before[-1][-1].isalpha():
        return False
    last = words_before[-1]
    if word_to_int(last) is not None:
        return False  # "eight (8)."
    lo, hi = max(0, match.start - 1 - _SERIES_REACH), min(len(text), match.end + 1 + _SERIES_REACH)
    own = match.start - 1
    return any(m.start() != own for m in _BRACKETED_NUMBER.finditer(text, lo, hi))


def _is_bracketed_count(text: str, match: _Match) -> bool:
    """A monitor's style of writing counts in brackets: the words go on after the closing bracket
    in lower case, and no number written in words stands before it (that would be restated)."""
    if not _BRACKETED_COUNT_AFTER.match(text, match.end + 1):
        return False
    words_before = text[max(0, match.start - 1 - 30) : match.start - 1].split()
    if not words_before or words_before[-1][-1] in ",;:.":
        return True  # "(122) people have been ...", "2023, (55) female and ..."
    # "a total of (3,790)", "killed (12) civilians", "In Sagaing (45) people"; not "eight (8)"
    last = words_before[-1]
    return word_to_int(last) is None and not last.replace(",", "").isdigit()


def _is_list_marker(text: str, match: _Match) -> bool:
    if not _LIST_MARKER_BEFORE.search(text, max(0, match.start - 20), match.start):
        return False
    return re.match(r"[.)]\s", text[match.end : match.end + 2]) is not None


def _in_phone_number(text: str, match: _Match) -> bool:
    if match.digits is None:
        return False
    window_start = max(0, match.start - 20)
    for phone in _PHONE.finditer(text, window_start, min(len(text), match.end + 20)):
        if phone.start() < match.end and match.start < phone.end():
            return True
    return False


def _exclude_pairs(text: str, matches: list[_Match], excluded: list[bool]) -> None:
    """Rules on neighbours: gallery markers '1 of 2'; proportions 'one in four'; 'N or M kilos'
    shares M's unit; 'aged 8 and 10' shares the label of the first."""
    labelled: set[int] = set()
    for i in range(len(matches) - 1):
        first, second = matches[i], matches[i + 1]
        gap = text[first.end : second.start]
        gallery = (
            first.digits
            and second.digits
            and _GALLERY_GAP.fullmatch(gap)
            and not _WORD_AFTER.match(text, second.end)  # "freed 30 of 287 abducted pupils"
        )
        if gallery or _is_ratio(first, second, gap):
            excluded[i] = excluded[i + 1] = True
        elif excluded[i + 1] and _SHARED_UNIT_GAP.fullmatch(gap):
            excluded[i] = True
        elif _label_covers_next(text, first, second, gap, i in labelled):
            excluded[i + 1] = True  # "two boys aged 8 and 10", "aged 5, 7 and 9": one label
            labelled.add(i + 1)


def _label_covers_next(
    text: str, first: _Match, second: _Match, gap: str, chained: bool
) -> bool:
    """'aged 8 and 10', 'aged 19, 23 and 40': the label before the first covers the next (a comma
    joins them only after an age label: 'On January 5, 12 people died' is a count)."""
    if second.hedge or _looks_like_year_or_id(first):
        return False
    if _AND_OR_GAP.fullmatch(gap):
        return chained or _has_label_before(text, first)
    if gap.strip() == ",":
        age = _AGE_LABEL.search(text, max(0, first.start - 20), first.start)
        return chained or age is not None
    return False


def _is_ratio(first: _Match, second: _Match, gap: str) -> bool:
    """'three in four victims', '1 in every 5 children': a proportion, no count."""
    if first.value is None or second.value is None or second.hedge:
        return False
    return _RATIO_GAP.fullmatch(gap) is not None and first.value < second.value <= _RATIO_BASE


# 3. Ranges and the resulting intervals


def _is_range_pair(text: str, first: _Match, second: _Match) -> bool:
    """Whether two neighbours are written as one range: '10 to 15', '10-15', 'between 10 and 15'."""
    if first.value is None or second.value is None or first.after:
        return False
    if second.hedge and not (first.hedge is Qualifier.RANGE and second.hedge in _OPEN_ABOVE):
        return False
    gap = text[first.end : second.start]
    if first.hedge is Qualifier.RANGE:
        return _BETWEEN_GAP.fullmatch(gap) is not None
    if _OR_GAP.fullmatch(gap) and first.value < second.value and not first.hedge:
        return (first.digits is None) == (second.digits is None)  # not "one or 20"
    # "rose from 87,000 to 921,000" is a change, not a range; "ranged from 25 to 32" is one.
    from_before = _FROM_BEFORE.search(text, max(0, first.start - 9), first.start)
    if from_before and _RANGE_FROM_BEFORE.search(text, max(0, first.start - 30), first.start):
        from_before = None
    return _RANGE_GAP.fullmatch(gap) is not None and from_before is None


def _range(text: str, first: _Match, second: _Match) -> Quantity | None:
    """The range of a pair, or None when it does not go up (a score "3-1", "2-2")."""
    if first.value is None or second.value is None or first.value >= second.value:
        return None
    start, end = first.start, second.end
    # "between 135 and over 300": a range open above
    high = None if second.hedge in _OPEN_ABOVE else second.value
    return Quantity(first.value, high, Qualifier.RANGE, text[start:end], start, end)


_OPEN_ABOVE = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})


def _quantity(text: str, match: _Match) -> Quantity:
    """The interval the wording implies (gold schema conventions)."""
    assert match.value is not None
    start = match.start if match.hedge is not Qualifier.RANGE else match.core_start
    qualifier = match.hedge if match.hedge not in (None, Qualifier.RANGE) else match.after
    if qualifier is None:
        qualifier = Qualifier.APPROXIMATE if match.dozen else Qualifier.EXACT
    low, high = _bounds(match.value, qualifier)
    return Quantity(low, high, qualifier, text[start : match.end], start, match.end)


def _bounds(value: int, qualifier: Qualifier) -> tuple[int, int | None]:
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.AT_MOST:
        return 0, value  # "up to 50" bounds only from above; the evaluator reads a null low as 0
    if qualifier is Qualifier.LESS_THAN:
        return 0, max(0, value - 1)
    return value, value


__all__ = ["NUMBER_WORDS", "find_quantities", "parse_number", "parser_stand_in", "word_to_int"]
