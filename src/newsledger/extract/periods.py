"""Time expressions in report text, and the periods they stand for.

``find_times`` returns every time phrase with its offsets, its period ``[period_start, period_end]``
(both days inclusive) and its kind. A phrase includes its preposition when it has one ("in June
2020", "from January to June 2024", "on Wednesday"). Where phrases overlap, the longest wins.

Absolute phrases resolve without a publication date:
  "from January to June 2024" -> 2024-01-01..2024-06-30 (a range without a year takes the year of
  its end; "from November to February 2024" starts in November 2023); "in 2019" -> the year;
  "during October 2023" -> the month; "on Thursday, June 22, 2023" -> that day; "the first half of
  2024" / "H1 2024" -> Jan 1..Jun 30; "the first quarter of 2020" / "Q1 2020" -> Jan 1..Mar 31;
  "the first six months of 2017" -> Jan 1..Jun 30; "in 2023-24" -> 2023-01-01..2024-12-31 (we cannot
  know a fiscal year, so both calendar years); "in the 1990s" -> the decade.
Relative phrases need the publication date and stay unresolved (None) without it:
  - weekday ("on Wednesday", "Wednesday night") -> the most recent such weekday on or before
    publication (a story published on a Wednesday saying "on Wednesday" means that day); "last
    Wednesday" -> strictly before; "next Wednesday" -> strictly after.
  - month without a year ("in April", "from January through March") -> the most recent such month
    not after the publication month; "last December" -> the most recent December strictly before
    the publication month; "next March" -> the first March after it; "this March" -> that of the
    publication year.
  - day without a year ("on June 22") -> that day in the publication year, or the year before when
    that would be more than 31 days after publication.
  - "this/last/next week|month|year" -> the calendar week (Monday..Sunday), month or year containing
    publication, the one before, or the one after; "throughout/during/over the year" -> the
    publication year. "earlier this month", "so far this year" -> its start..publication; "later
    this year" -> publication..its end.
  - a quarter or half without a year ("the first quarter") -> the most recent one that began on or
    before publication; "the last quarter" -> the one before the publication's quarter.
  - "the past week" -> the 7 days ending on publication. "the past month" -> the previous calendar
    month when published in the first 10 days of a month (monthly monitor reports), else the 30 days
    ending on publication. "the past year" -> the publication's calendar year when published in
    December (year-end reviews), else the 365 days ending on publication. "the past N days / weeks /
    months / years" -> the N units ending on publication (hours: the days they reach back to).
  - "N days ago" -> that day; "N weeks ago" -> that calendar week; "N months ago" -> that month;
    "N years ago" -> that calendar year.
  - "today", "now", "currently", "to date", "so far" -> the publication day (kind "now");
    "yesterday" -> publication - 1 day; "tonight", "this morning" -> the publication day.
Modifiers narrow a period to a third: early (also "the start/beginning of") = days 1-10 of a
month or January-April of a year; mid (also "the middle of") = days 11-20 or May-August; late (also
"the end of") = day 21 to the month's end or September-December.
Prepositions change the period: "since X" -> start of X..publication (end None without it); "before
X" -> None..the day before X; "after X" -> the day after X..None; "until / till / through X" ->
None..end of X. Other prepositions ("in", "during", "by", "as of") keep the period of X.
Vague phrases ("recently", "soon", "earlier", "in recent weeks", "one day after", "the past few
days") are kind "relative" with no dates.
Not time phrases: durations ("three days", "a 10-year sentence"), ages, anniversaries, lower-case
"may" and "march", "May" and "March" alone without a preposition, day or year, a bare year without a
preposition ("the 2019 attack"), month or weekday names inside names ("Operation ...", "April
Storm", "the Sunday Times").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources

from newsledger.errors import LexiconError
from newsledger.lexicons import read_table

KINDS = ("day", "week", "month", "quarter", "half", "year", "range", "now", "relative")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time phrase in a text, with its offsets and the period it resolves to."""

    start: int
    end: int
    text: str
    period_start: date | None
    period_end: date | None
    kind: str  # one of KINDS


Period = tuple[date | None, date | None, str]
Resolver = Callable[[re.Match[str], date | None], Period | None]

# --- the lexicon -------------------------------------------------------------------------------

_LEXICON = "time_words.tsv"
_VALUELESS = frozenset({"vague", "block_before", "block_after"})
_CLASSES = _VALUELESS | {"month", "month_abbr", "weekday", "ordinal", "number", "now", "day"}


def _line_of(word: str) -> int:
    """The line of the lexicon that holds ``word`` (only called to report an error)."""
    text = resources.files("newsledger.lexicons").joinpath(_LEXICON).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("\t")[0].strip() == word:
            return number
    return 0


def _load_words() -> dict[str, dict[str, int]]:
    """The lexicon as {class: {word: value}}, checked row by row."""
    words: dict[str, dict[str, int]] = {name: {} for name in _CLASSES}
    for word, kind, value in read_table(_LEXICON, 3):
        if kind not in _CLASSES:
            raise LexiconError(
                _LEXICON,
                _line_of(word),
                f"unknown class {kind!r}; expected one of {sorted(_CLASSES)}",
            )
        if kind not in _VALUELESS and not re.fullmatch(r"-?\d+", value):
            raise LexiconError(
                _LEXICON,
                _line_of(word),
                f"class {kind!r} needs a whole number as value, got {value!r}",
            )
        words[kind][word] = int(value) if value else 0
    return words


_WORDS = _load_words()
_MONTH_NUMBER = {**_WORDS["month"], **_WORDS["month_abbr"]}


def _alternation(words: list[str], cased: bool) -> str:
    """A regex alternation of words, longest first; cased words match as Title or UPPER case."""
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        variants = [word.capitalize(), word.upper()] if cased else [word]
        forms.extend(r"\s+".join(map(re.escape, variant.split())) for variant in variants)
    return "|".join(forms)


# --- regex building blocks -----------------------------------------------------------------------

_MONTH_FULL = rf"(?:{_alternation(list(_WORDS['month']), cased=True)})\b"
_MONTH_ANY = (
    rf"(?:(?:{_alternation(list(_WORDS['month']), cased=True)})\b"
    rf"|(?:{_alternation(list(_WORDS['month_abbr']), cased=True)})\b\.?)"
)
_WEEKDAY = rf"(?:{_alternation(list(_WORDS['weekday']), cased=True)})\b"
_NUMBER = rf"(?:\d{{1,3}}|(?i:{_alternation(list(_WORDS['number']), cased=False)}))"
_ORDINAL = rf"(?i:{_alternation(list(_WORDS['ordinal']), cased=False)})"
_PREP = (
    r"(?:(?P<prep>(?i:as\s+of|as\s+at|in|on|during|throughout|over|for|since|from|until|till|"
    r"through|by|before|after|within|across|at|between))\s+)?"
)
_MOD = (
    r"(?:(?P<mod>(?i:early|mid|middle|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of))"
    r"(?:\s+|-)(?:(?i:the)\s+)?)?"
)
_THE = r"(?:(?i:the)\s+)?"
_SEP = r"(?P<sep>\s*[-–]\s*|\s*/\s*|\s+(?i:to|through|until|till|and)\s+)"
_YEAR_REL = (
    r"(?P<ry>(?i:this|last|next|current|previous|the\s+current|the\s+previous|the))"
    r"\s+(?i:year)"
)


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"


def _year(name: str) -> str:
    # Not a digit group of a larger number ("2,019") nor money.
    return rf"(?<![\d,.$£€])(?P<{name}>(?:19|20)\d\d)(?!\d)"


def _month(name: str, any_form: bool = True) -> str:
    return rf"(?P<{name}>{_MONTH_ANY if any_form else _MONTH_FULL})"


# --- calendar arithmetic -------------------------------------------------------------------------


def _as_date(published: date | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_period(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _add_months(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _recent_month_year(month: int, pub: date, rel: str = "") -> int:
    """The year of the month named relative to publication ('last', 'next', 'this' or none)."""
    if rel == "this":
        return pub.year
    if rel == "next":
        return pub.year if month > pub.month else pub.year + 1
    if rel in ("last", "past"):
        return pub.year if month < pub.month else pub.year - 1
    return pub.year if month <= pub.month else pub.year - 1


def _recent_day(month: int, day: int, pub: date) -> date:
    """That day in the publication year, or the year before if it would be > 31 days ahead."""
    guess = date(pub.year, month, day)
    return guess if guess <= pub + timedelta(days=31) else date(pub.year - 1, month, day)


_THIRDS = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}


def _narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """The early, middle or late third of a month or a year (see the module docstring)."""
    if not mod:
        return start, end
    third = _THIRDS[re.sub(r"(?i)^the\s+|\s+of$", "", mod.lower()).split()[0]]
    if start.month == 1 and end.month == 12 and start.day == 1 and end.day == 31:
        first = 1 + 4 * third
        return date(start.year, first, 1), _month_end(start.year, first + 3)
    if start.day == 1 and end == _month_end(start.year, start.month):
        days = ((1, 10), (11, 20), (21, end.day))[third]
        return start.replace(day=days[0]), start.replace(day=days[1])
    return start, end


def _year_from_words(ry: str, pub: date | None) -> int | None:
    """'this/the year' -> the publication year; 'last/previous year' -> before; 'next' -> after."""
    if pub is None:
        return None
    word = ry.lower().split()[-1]
    return pub.year + {"last": -1, "previous": -1, "next": 1}.get(word, 0)


# --- resolvers: one per phrase shape; None rejects the match ------------------------------------

_UNRESOLVED_BY_KIND = {kind: (None, None, kind) for kind in KINDS}


def _unresolved(kind: str) -> Period:
    return _UNRESOLVED_BY_KIND[kind]


def _group(match: re.Match[str], name: str) -> str:
    return (match.groupdict().get(name) or "").strip()


def _month_number(word: str) -> int:
    return _MONTH_NUMBER[word.lower().rstrip(".")]


def _is_date_name(m: re.Match[str]) -> bool:
    """'the March 14 Alliance', 'the 25 January Revolution': a date inside a name."""
    after_the = m.string[max(0, m.start() - 4) : m.start()].lower() == "the " or (
        m.group().lower().startswith("the ")
    )
    return after_the and bool(re.match(r"\s+[A-Z][a-z]", m.string[m.end() :]))


def _resolve_date(m: re.Match[str], pub: date | None) -> Period | None:
    """'June 22, 2023', '22 June', 'Thursday, June 22, 2023', '2023-06-22'."""
    month = int(m["mo"]) if _group(m, "mo") else _month_number(m["m"])
    day = int(m["d"])
    if not _group(m, "y") and _is_date_name(m):
        return None
    try:
        if _group(m, "y"):
            found = date(int(m["y"]), month, day)
        elif pub is None:
            date(2000, month, day)  # 2000 is a leap year: only rejects impossible days
            return _unresolved("day")
        else:
            found = _recent_day(month, day, pub)
    except ValueError:
        return None
    return found, found, "day"


def _resolve_month(m: re.Match[str], pub: date | None) -> Period | None:
    """'in June 2020', 'in April', 'last December', 'in mid-April', 'in June alone'."""
    month, rel, mod = _month_number(m["m"]), _group(m, "rel").lower(), _group(m, "mod")
    bare = not (_group(m, "y") or rel or mod or _group(m, "prep"))
    # "May" and "March" are also verbs at a sentence start; "April Storm" is a name.
    if bare and (month in (3, 5) or re.match(r"\s+[A-Z][a-z]", m.string[m.end() :])):
        return None
    if _group(m, "y"):
        year: int | None = int(m["y"])
    else:
        year = _recent_month_year(month, pub, rel) if pub else None
    if year is None:
        return _unresolved("month")
    return (*_narrow(*_month_period(year, month), mod), "month")


_YEAR_PREPS = frozenset(
    {
        "in",
        "during",
        "throughout",
        "since",
        "from",
        "until",
        "till",
        "through",
        "before",
        "after",
        "as of",
        "as at",
        "for",
        "across",
        "within",
    }
)


def _resolve_year(m: re.Match[str], pub: date | None) -> Period | None:
    """'in 2019', 'in late 2023', 'since 2014', 'in the 1990s'."""
    prep = re.sub(r"\s+", " ", _group(m, "prep").lower())
    # "by 2000", "over 2000": more likely a count than a year; a bare "2019 attack" is an adjective.
    the = _group(m, "theyear").lower()
    if not (prep in _YEAR_PREPS or _group(m, "mod") or the) or (the == "the" and not m["decade"]):
        return None
    year = int(m["y"])
    if _group(m, "decade"):
        if year % 10:
            return None
        return date(year, 1, 1), date(year + 9, 12, 31), "range"
    return (*_narrow(date(year, 1, 1), date(year, 12, 31), _group(m, "mod")), "year")


def _resolve_year_range(m: re.Match[str], pub: date | None) -> Period | None:
    """'from 2019 to 2023', 'between 2019 and 2021', '2023-24'."""
    if not _sep_allowed(m):
        return None
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first:
        return None
    return date(first, 1, 1), date(last, 12, 31), "range"


def _sep_allowed(m: re.Match[str]) -> bool:
    """'X and Y' is a range only after 'between' ("March and May" are two months)."""
    return _group(m, "sep").lower() != "and" or _group(m, "prep").lower() == "between"


def _resolve_month_range(m: re.Match[str], pub: date | None) -> Period | None:
    """'from January to June 2024', 'January-March 2024', 'between March and May'."""
    if not _sep_allowed(m):
        return None
    first, last = _month_number(m["m1"]), _month_number(m["m2"])
    wraps = first > last  # "from November to February": crosses a new year
    if _group(m, "y2"):
        end_year = int(m["y2"])
        start_year = int(m["y1"]) if _group(m, "y1") else end_year - wraps
    elif _group(m, "y1"):
        start_year = int(m["y1"])
        end_year = start_year + wraps
    elif pub is None:
        return _unresolved("range")
    else:
        end_year = _recent_month_year(last, pub)
        start_year = end_year - wraps
    start, end = date(start_year, first, 1), _month_end(end_year, last)
    return (start, end, "range") if start < end else None


def _resolve_day_range(m: re.Match[str], pub: date | None) -> Period | None:
    """'June 1-15, 2024', 'from March 3 to April 10', '1-15 June 2024'."""
    if not _sep_allowed(m):
        return None
    last_month = _month_number(m["m2"] or m["m1"])
    first_month = _month_number(m["m1"] or m["m2"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    wraps = (first_month, d1) > (last_month, d2)
    try:
        if _group(m, "y2") or _group(m, "y1"):
            end_year = int(m["y2"]) if _group(m, "y2") else int(m["y1"]) + wraps
            start_year = int(m["y1"]) if _group(m, "y1") else end_year - wraps
        elif pub is None:
            date(2000, first_month, d1), date(2000, last_month, d2)
            return _unresolved("range")
        else:
            end_year = _recent_day(last_month, d2, pub).year
            start_year = end_year - wraps
        start, end = date(start_year, first_month, d1), date(end_year, last_month, d2)
    except ValueError:
        return None
    return (start, end, "range") if start < end else None


def _part_year(m: re.Match[str], pub: date | None) -> int | None:
    """The year a part of a year names ('of 2024', 'of this year'), else None."""
    if _group(m, "y"):
        return int(m["y"])
    if _group(m, "yy"):
        return 2000 + int(m["yy"])
    return _year_from_words(m["ry"], pub) if _group(m, "ry") else None


def _resolve_part(m: re.Match[str], pub: date | None) -> Period | None:
    """'the first half of 2024', 'the first quarter', 'Q1 2024', 'H1 2024', 'last quarter'."""
    unit = "half" if (_group(m, "unit").lower() == "half" or _group(m, "qh") == "H") else "quarter"
    size = 6 if unit == "half" else 3
    number = int(m["n"]) if _group(m, "n") else _WORDS["ordinal"][m["ord"].lower()]
    parts = 12 // size
    if number > parts:
        return None
    if _group(m, "y") or _group(m, "yy") or _group(m, "ry"):
        year = _part_year(m, pub)
        if year is None:
            return _unresolved(unit)
        index = year * parts + (parts if number < 0 else number) - 1
    elif pub is None:
        return _unresolved(unit)
    else:
        current = (pub.month - 1) // size
        if number < 0:  # "the last quarter": the one before the publication's
            index = pub.year * parts + current - 1
        else:  # "the third quarter": the latest one begun by publication
            index = (pub.year - (number - 1 > current)) * parts + number - 1
    year, part = divmod(index, parts)
    first_month = part * size + 1
    return date(year, first_month, 1), _month_end(year, first_month + size - 1), unit


_SPAN_KIND = {3: "quarter", 6: "half", 12: "year"}


def _resolve_months_of_year(m: re.Match[str], pub: date | None) -> Period | None:
    """'the first six months of 2017', 'the last three months of 2023', 'the first ten months'."""
    count = _count(m["n"])
    first = m["fl"].lower() == "first"
    if count is None or not 1 <= count <= 12 or not (first or _group(m, "y") or _group(m, "ry")):
        return None  # "the last six months" alone is a rolling period: see _resolve_past
    kind = _SPAN_KIND.get(count, "range")
    named = _group(m, "y") or _group(m, "ry")
    year = _part_year(m, pub) if named else (pub.year if pub else None)
    if year is None:
        return _unresolved(kind)
    start_month = 1 if first else 13 - count
    return date(year, start_month, 1), _month_end(year, start_month + count - 1), kind


def _count(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower()
    return int(word) if word.isdigit() else _WORDS["number"].get(word, {"a": 1, "an": 1}.get(word))


def _back(pub: date, count: int, unit: str) -> date:
    """The day ``count`` units before publication."""
    if unit == "day":
        return pub - timedelta(days=count)
    if unit == "week":
        return pub - timedelta(weeks=count)
    return _add_months(pub, -count * (12 if unit == "year" else 120 if unit == "decade" else 1))


def _resolve_past(m: re.Match[str], pub: date | None) -> Period | None:
    """'the past week', 'over the past year', 'the last 12 months', 'in the past 24 hours'."""
    unit, rel, the = m["unit"].lower(), m["rel"].lower(), _group(m, "the").lower()
    plural, singular = unit.endswith("s"), unit.rstrip("s")
    last_of = rel == "last" and m.string[m.end() :].startswith(" of ")
    if (the == "this" and rel != "past") or last_of:
        return None  # "this last", "the last week of March"
    if not _group(m, "n"):
        if not the and rel != "past":
            return None  # "last week" is the calendar week before: see _resolve_calendar
        if plural or rel in ("previous", "preceding"):
            return _unresolved("relative")  # "in the past years"; "the previous year" (to what?)
    count = _count(_group(m, "n")) if _group(m, "n") else 1
    if count is None:
        return _unresolved("relative")  # "the past few days"
    kind = "range" if _group(m, "n") else {"hour": "day", "decade": "range"}.get(singular, singular)
    if pub is None:
        return _unresolved(kind)
    if singular == "hour":
        return pub - timedelta(days=-(-count // 24)), pub, kind
    if not _group(m, "n") and singular == "month" and pub.day <= 10:
        before = _add_months(pub.replace(day=1), -1)
        return (*_month_period(before.year, before.month), kind)
    if not _group(m, "n") and singular == "year" and pub.month == 12:
        return date(pub.year, 1, 1), date(pub.year, 12, 31), kind
    if not _group(m, "n") and singular == "month":
        return pub - timedelta(days=29), pub, kind
    return _back(pub, count, singular) + timedelta(days=1), pub, kind


_WHOLE_YEAR_PREPS = frozenset({"throughout", "during", "over", "for", "across"})


def _resolve_calendar(m: re.Match[str], pub: date | None) -> Period | None:
    """'this year', 'last month', 'earlier this month', 'throughout the year', 'late last year'."""
    unit, rel = m["unit"].lower(), re.sub(r"\s+", " ", m["rel"].lower())
    adv, mod, prep = _group(m, "adv").lower(), _group(m, "mod"), _group(m, "prep").lower()
    placed = unit == "year" and bool(mod or adv or prep in _WHOLE_YEAR_PREPS)
    if rel.startswith("the") and rel not in ("the current", "the previous") and not placed:
        return None  # "the month" alone is too vague to place; "throughout the year" is not
    if pub is None:
        return _unresolved(unit)
    step = {"last": -1, "previous": -1, "the previous": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        start, end = _week_of(pub + timedelta(weeks=step))
    elif unit == "month":
        month = _add_months(pub.replace(day=1), step)
        start, end = _month_period(month.year, month.month)
    else:
        start, end = date(pub.year + step, 1, 1), date(pub.year + step, 12, 31)
    start, end = _narrow(start, end, mod)
    if adv in ("earlier", "so far") and start <= pub <= end:
        end = pub
    elif adv == "later" and start <= pub <= end:
        start = pub
    return start, end, unit


def _resolve_weekday(m: re.Match[str], pub: date | None) -> Period | None:
    """'on Wednesday', 'Wednesday night', 'last Friday', 'next Monday'."""
    if pub is None:
        return _unresolved("day")
    weekday, rel = _WORDS["weekday"][m["wd"].lower()], _group(m, "rel").lower()
    back = (pub.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    if rel == "next":
        back = -((weekday - pub.weekday()) % 7 or 7)
    day = pub - timedelta(days=back)
    return day, day, "day"


def _resolve_ago(m: re.Match[str], pub: date | None) -> Period | None:
    """'three days ago', 'two weeks ago', 'a year ago'."""
    count, unit = _count(m["n"]), m["unit"].lower().rstrip("s")
    if count is None:
        return _unresolved("relative")
    if pub is None:
        return _unresolved(unit)
    then = _back(pub, count, unit)
    if unit == "day":
        return then, then, "day"
    if unit == "week":
        return (*_week_of(then), "week")
    if unit == "month":
        return (*_month_period(then.year, then.month), "month")
    return date(then.year, 1, 1), date(then.year, 12, 31), "year"


def _resolve_word(m: re.Match[str], pub: date | None) -> Period | None:
    """Lexicon words: 'today', 'now', 'currently', 'yesterday', 'recently', 'soon'."""
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word in _WORDS["vague"]:
        return _unresolved("relative")
    kind = "now" if word in _WORDS["now"] else "day"
    if pub is None:
        return _unresolved(kind)
    day = pub + timedelta(days=_WORDS["day"].get(word, 0))
    return day, day, kind


def _resolve_vague(m: re.Match[str], pub: date | None) -> Period | None:
    """'one day after', 'hours later', 'the past few weeks': relative to something unnamed."""
    return _unresolved("relative")


# --- the rules, in no particular order (the longest match wins) ----------------------------------

_START = r"(?<![\w-])"  # a phrase starts at a word start
_TIME_WORDS = [*_WORDS["now"], *_WORDS["day"], *_WORDS["vague"]]
_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(_START + pattern), resolver)
    for pattern, resolver in (
        (
            rf"{_PREP}(?:(?P<wd>{_WEEKDAY}),?\s+)?{_month('m')}\s+{_day('d')}(?:,{{0,2}}\s+{_year('y')})?",
            _resolve_date,
        ),
        (
            rf"{_PREP}(?:(?P<wd>{_WEEKDAY}),?\s+)?{_THE}{_day('d')}\s+(?:of\s+)?{_month('m')}"
            rf"(?:,?\s+{_year('y')})?",
            _resolve_date,
        ),
        (rf"{_PREP}{_year('y')}-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", _resolve_date),
        (rf"{_PREP}{_MOD}{_month('m')},?\s+{_year('y')}(?:\s+(?i:alone))?", _resolve_month),
        (
            rf"{_PREP}(?:(?P<rel>(?i:last|this|next|past))\s+)?{_MOD}{_month('m', any_form=False)}"
            r"(?:\s+(?i:alone))?",
            _resolve_month,
        ),
        (
            rf"{_PREP}{_MOD}(?:(?P<theyear>(?i:the\s+year|the))\s+)?{_year('y')}(?P<decade>s)?\b"
            r"(?:\s+(?i:alone))?",
            _resolve_year,
        ),
        (rf"{_PREP}{_year('y1')}{_SEP}(?P<y2>(?:19|20)\d\d|\d\d)\b(?!-)", _resolve_year_range),
        (
            rf"{_PREP}{_THE}{_month('m1')}(?:,?\s+{_year('y1')})?{_SEP}{_month('m2')}"
            rf"(?:,?\s+{_year('y2')})?(?:\s+(?i:period))?",
            _resolve_month_range,
        ),
        (
            rf"{_PREP}{_month('m1')}\s+{_day('d1')}(?:,?\s+{_year('y1')})?{_SEP}(?:{_month('m2')}\s+)?"
            rf"{_day('d2')}(?:,?\s+{_year('y2')})?",
            _resolve_day_range,
        ),
        (
            rf"{_PREP}{_day('d1')}(?:\s+{_month('m1')})?(?:,?\s+{_year('y1')})?{_SEP}{_day('d2')}\s+"
            rf"{_month('m2')}(?:,?\s+{_year('y2')})?",
            _resolve_day_range,
        ),
        (
            rf"{_PREP}{_THE}(?P<ord>{_ORDINAL})(?:\s+|-)(?P<unit>(?i:quarter|half))\b"
            rf"(?:(?:\s+(?i:of))?\s+(?:{_year('y')}|{_YEAR_REL}))?",
            _resolve_part,
        ),
        (
            rf"{_PREP}(?P<qh>[QH])(?P<n>[1-4])\b(?:\s+(?:(?i:of)\s+)?{_year('y')}|\s*['’](?P<yy>\d\d)\b)?",
            _resolve_part,
        ),
        (
            rf"{_PREP}{_THE}(?P<fl>(?i:first|last|final))\s+(?P<n>{_NUMBER})\s+(?i:months)\b"
            rf"(?:(?:\s+(?i:of))?\s+(?:{_year('y')}|{_YEAR_REL}))?",
            _resolve_months_of_year,
        ),
        (
            rf"{_PREP}(?:(?P<the>(?i:the|this))\s+)?(?P<rel>(?i:past|last|previous|preceding))\s+"
            rf"(?:(?P<n>{_NUMBER}|(?i:few|several|a\s+few|couple\s+of))\s+)?"
            r"(?P<unit>(?i:hours?|days?|weeks?|months?|years?|decades?))\b",
            _resolve_past,
        ),
        (
            rf"{_PREP}{_MOD}(?:(?P<adv>(?i:earlier|later|so\s+far))\s+)?"
            r"(?P<rel>(?i:this|last|next|current|previous|the\s+current|the\s+previous"
            r"|the(?:\s+(?:whole|entire|full))?))\s+(?P<unit>(?i:week|month|year))\b",
            _resolve_calendar,
        ),
        (
            rf"{_PREP}(?:(?P<rel>(?i:last|this|next|early|late|overnight))\s+)?(?P<wd>{_WEEKDAY})"
            r"(?:\s+(?i:morning|afternoon|evening|night))?",
            _resolve_weekday,
        ),
        (
            rf"{_PREP}(?P<n>{_NUMBER}|(?i:an?))\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b",
            _resolve_ago,
        ),
        (
            rf"(?:(?:{_NUMBER}|(?i:an?|a\s+few|few|several|a\s+couple\s+of))\s+)?"
            r"(?i:hours?|days?|weeks?|months?|years?)\s+(?i:after|later|earlier|before)\b",
            _resolve_vague,
        ),
        (rf"{_PREP}(?P<w>(?i:{_alternation(_TIME_WORDS, cased=False)}))\b", _resolve_word),
    )
)

_BLOCK_BEFORE = re.compile(rf"(?:{'|'.join(map(re.escape, _WORDS['block_before']))})\s+$")
_BLOCK_AFTER = re.compile(rf"\s+(?:{'|'.join(map(re.escape, _WORDS['block_after']))})\b")


def _is_name_part(text: str, start: int, end: int) -> bool:
    """'Operation ...', 'USA Today', 'the Sunday Times': a time word inside a name."""
    return bool(
        _BLOCK_BEFORE.search(text, max(0, start - 20), start) or _BLOCK_AFTER.match(text, end)
    )


_OPENING_PREPS = frozenset({"since", "before", "after", "until", "till", "through"})


def _apply_preposition(prep: str, period: Period, pub: date | None) -> Period:
    """'since X' runs from X to publication; 'before', 'after', 'until' open one end."""
    start, end, kind = period
    if kind == "relative" or prep not in _OPENING_PREPS:
        return period
    if prep == "since":
        return start, pub if start else None, "range"
    if prep == "before":
        return None, start - timedelta(days=1) if start else None, "range"
    if prep == "after":
        return end + timedelta(days=1) if end else None, None, "range"
    return None, end, "range"


# Every rule's phrase holds one of these words; the rules only run near them (4x faster). A set
# lookup per word beats one regex alternation of all of them.
_FILLER = frozenset({"the", "in", "at", "of", "to", "that", "not", "long", "same", "so"})
_ANCHOR_WORDS = frozenset(
    {
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "quarter",
        "half",
    }
    | {w for group in ("month", "month_abbr", "weekday") for w in _WORDS[group]}
    | {w for phrase in _TIME_WORDS for w in phrase.split() if w not in _FILLER}
)
_TOKEN = re.compile(r"\b[QH][1-4]\b|\b(?:19|20)\d\d|[A-Za-z]+")
# How far a phrase reaches before its first anchor ("throughout the first twenty-four months") and
# after its last ("June period", "Wednesday afternoon").
_REACH_BEFORE, _REACH_AFTER = 36, 20
_WORD_TAIL = re.compile(r"\w*")


def _word_end(text: str, pos: int) -> int:
    """Where the word running through ``pos`` ends (a window must not cut a number in two)."""
    tail = _WORD_TAIL.match(text, pos)
    return tail.end() if tail else pos


def _windows(text: str) -> list[tuple[int, int]]:
    """Disjoint spans around the anchors, wide enough to hold each whole phrase."""
    spans: list[tuple[int, int]] = []
    for anchor in _TOKEN.finditer(text):
        if anchor.group().isalpha() and anchor.group().lower() not in _ANCHOR_WORDS:
            continue
        start = max(0, anchor.start() - _REACH_BEFORE)
        end = _word_end(text, min(len(text), anchor.end() + _REACH_AFTER))
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _candidates(text: str, pub: date | None) -> list[TimeMention]:
    found = []
    windows = _windows(text)
    for pattern, resolve in _RULES:
        for match in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            period = resolve(match, pub)
            if period is None or _is_name_part(text, match.start(), match.end()):
                continue
            prep = re.sub(r"\s+", " ", _group(match, "prep").lower())
            start, end, kind = _apply_preposition(prep, period, pub)
            found.append(TimeMention(match.start(), match.end(), match.group(), start, end, kind))
    return found


def find_times(text: str, published: date | None) -> list[TimeMention]:
    """All time phrases in ``text`` in reading order; of overlapping ones the longest is kept."""
    pub = _as_date(published)
    chosen: list[TimeMention] = []
    for mention in sorted(_candidates(text, pub), key=lambda c: (c.start - c.end, c.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda c: c.start)


def resolve_time(text: str, published: date | None) -> tuple[date | None, date | None]:
    """The period of the longest time phrase in ``text`` (the first of equals), or (None, None)."""
    mentions = find_times(text, published)
    if not mentions:
        return None, None
    longest = max(mentions, key=lambda c: (c.end - c.start, -c.start))
    return longest.period_start, longest.period_end
