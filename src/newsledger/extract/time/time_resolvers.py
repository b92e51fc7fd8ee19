"""Resolvers for time phrases: one per phrase shape, match and publication date to a period.

A resolver returns ``(period_start, period_end, kind)``, or None to reject the match; the rules
pairing them with patterns are in ``newsledger.extract.time.periods`` (its docstring says what each
phrase resolves to).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newsledger.extract.time.calendar_math import (
    add_months,
    month_end,
    month_period,
    narrow,
    recent_day,
    recent_month_year,
    units_before,
    week_of,
    year_from_words,
)
from newsledger.extract.time.time_words import MONTH_NUMBER, WORDS

# "elsewhen": a time other than the report's own, not placed ("in previous months", "before this
# influx"): a figure so dated takes no period carried from the report
KINDS = ("day", "week", "month", "quarter", "half", "year", "range", "now", "relative", "elsewhen")

Period = tuple[date | None, date | None, str]
Resolver = Callable[[re.Match[str], date | None], Period | None]


_UNRESOLVED_BY_KIND = {kind: (None, None, kind) for kind in KINDS}


def unresolved(kind: str) -> Period:
    """A period of ``kind`` whose dates are unknown (relative, without a publication date)."""
    return _UNRESOLVED_BY_KIND[kind]


def group_of(match: re.Match[str], name: str) -> str:
    """The stripped text of a match's named group; '' when absent or unmatched."""
    return (match.groupdict().get(name) or "").strip()


def _month_number(word: str) -> int:
    return MONTH_NUMBER[word.lower().rstrip(".")]


def _is_date_name(m: re.Match[str]) -> bool:
    """'the March 14 Alliance', 'the 25 January Revolution': a date inside a name."""
    after_the = m.string[max(0, m.start() - 4) : m.start()].lower() == "the " or (
        m.group().lower().startswith("the ")
    )
    return after_the and bool(re.match(r"\s+[A-Z][a-z]", m.string[m.end() :]))


def resolve_date(m: re.Match[str], pub: date | None) -> Period | None:
    """'June 22, 2023', '22 June', 'Thursday, June 22, 2023', '2023-06-22'."""
    month = int(m["mo"]) if group_of(m, "mo") else _month_number(m["m"])
    day = int(m["d"])
    if not group_of(m, "y") and _is_date_name(m):
        return None
    try:
        if group_of(m, "y"):
            found = date(int(m["y"]), month, day)
        elif pub is None:
            date(2000, month, day)  # 2000 is a leap year: only rejects impossible days
            return unresolved("day")
        else:
            found = recent_day(month, day, pub)
    except ValueError:
        return None
    return found, found, "day"


_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?i:the|its|their|a|an)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z][a-z-]+\b")


def _modifier_month(m: re.Match[str]) -> bool:
    """'the March toll', 'its May report': a month between a determiner and a lower-case noun."""
    return _modifier_of(m, _NOUN_AFTER)


_BY_THE_END = re.compile(r"(?i)(?:the\s+)?end\s+of")


def _modifier(m: re.Match[str]) -> str:
    """The modifier that narrows a period to a third ('late', 'the start of'); none for 'by the
    end of 1972': a count reached by then is the whole year's (or month's), not its last third's."""
    mod = group_of(m, "mod")
    if group_of(m, "prep").lower() == "by" and _BY_THE_END.fullmatch(mod):
        return ""
    return mod


def resolve_month(m: re.Match[str], pub: date | None) -> Period | None:
    """'in June 2020', 'in April', 'last December', 'in mid-April', 'in June alone'."""
    month, rel, mod = _month_number(m["m"]), group_of(m, "rel").lower(), _modifier(m)
    bare = not (group_of(m, "y") or rel or mod or group_of(m, "prep"))
    # "May" and "March" are also verbs at a sentence start, unless a determiner makes them a
    # month modifying a noun ("The March toll of 412"); "April Storm" is a name.
    if bare and (
        (month in (3, 5) and not _modifier_month(m))
        or re.match(r"\s+[A-Z][a-z]", m.string[m.end() :])
    ):
        return None
    if group_of(m, "y"):
        year: int | None = int(m["y"])
    else:
        year = recent_month_year(month, pub, rel) if pub else None
    if year is None:
        return unresolved("month")
    return (*narrow(*month_period(year, month), mod), "month")


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


# "the 2023 toll of 1,100", "its 2022 death toll": a year modifying a count's own noun
_TOLL_AFTER = re.compile(
    r"\s+(?:(?:death|casualty|civilian|annual|overall)\s+)?(?:toll|tally|total|figure|count)s?\b"
)


def _toll_year(m: re.Match[str], the: str) -> bool:
    if group_of(m, "prep") or group_of(m, "mod"):
        return False
    if the == "the":
        return bool(_TOLL_AFTER.match(m.string, m.end()))
    return not the and _modifier_of(m, _TOLL_AFTER)


def _modifier_of(m: re.Match[str], noun: re.Pattern[str]) -> bool:
    before = m.string[max(0, m.start() - 8) : m.start()]
    return bool(_DETERMINER_BEFORE.search(before) and noun.match(m.string, m.end()))


def resolve_year(m: re.Match[str], pub: date | None) -> Period | None:
    """'in 2019', 'in late 2023', 'since 2014', 'in the 1990s'."""
    prep = re.sub(r"\s+", " ", group_of(m, "prep").lower())
    # "by 2000", "over 2000": more likely a count than a year; a bare "2019 attack" is an adjective.
    the = group_of(m, "theyear").lower()
    # "Over 2023, the group documented ...": 'over' opening a sentence before a comma
    over_year = group_of(m, "prep") == "Over" and m.string.startswith(",", m.end())
    toll = _toll_year(m, the)
    placed = prep in _YEAR_PREPS or group_of(m, "mod") or the or over_year or toll
    if not placed or (the == "the" and not (m["decade"] or toll)):
        return None
    year = int(m["y"])
    if group_of(m, "decade"):
        if year % 10:
            return None
        return date(year, 1, 1), date(year + 9, 12, 31), "range"
    return (*narrow(date(year, 1, 1), date(year, 12, 31), _modifier(m)), "year")


def resolve_year_range(m: re.Match[str], pub: date | None) -> Period | None:
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
    return group_of(m, "sep").lower() != "and" or group_of(m, "prep").lower() == "between"


def resolve_month_range(m: re.Match[str], pub: date | None) -> Period | None:
    """'from January to June 2024', 'January-March 2024', 'between March and May'."""
    if not _sep_allowed(m):
        return None
    first, last = _month_number(m["m1"]), _month_number(m["m2"])
    wraps = first > last  # "from November to February": crosses a new year
    if group_of(m, "y2"):
        end_year = int(m["y2"])
        start_year = int(m["y1"]) if group_of(m, "y1") else end_year - wraps
    elif group_of(m, "y1"):
        start_year = int(m["y1"])
        end_year = start_year + wraps
    elif pub is None:
        return unresolved("range")
    else:
        end_year = recent_month_year(last, pub)
        start_year = end_year - wraps
    start, end = date(start_year, first, 1), month_end(end_year, last)
    return (start, end, "range") if start < end else None


def resolve_day_range(m: re.Match[str], pub: date | None) -> Period | None:
    """'June 1-15, 2024', 'from March 3 to April 10', '1-15 June 2024', 'from May 2021 to June 3,
    2023' (a month without a day starts on its first)."""
    if not _sep_allowed(m):
        return None
    last_month = _month_number(m["m2"] or m["m1"])
    first_month = _month_number(m["m1"] or m["m2"])
    d1, d2 = int(group_of(m, "d1") or 1), int(m["d2"])  # "from February 2021 to July 13"
    wraps = (first_month, d1) > (last_month, d2)
    try:
        if group_of(m, "y2") or group_of(m, "y1"):
            end_year = int(m["y2"]) if group_of(m, "y2") else int(m["y1"]) + wraps
            start_year = int(m["y1"]) if group_of(m, "y1") else end_year - wraps
        elif pub is None:
            date(2000, first_month, d1), date(2000, last_month, d2)
            return unresolved("range")
        else:
            end_year = recent_day(last_month, d2, pub).year
            start_year = end_year - wraps
        start, end = date(start_year, first_month, d1), date(end_year, last_month, d2)
    except ValueError:
        return None
    return (start, end, "range") if start < end else None


def _part_year(m: re.Match[str], pub: date | None) -> int | None:
    """The year a part of a year names ('of 2024', 'of this year'), else None."""
    if group_of(m, "y"):
        return int(m["y"])
    if group_of(m, "yy"):
        return 2000 + int(m["yy"])
    return year_from_words(m["ry"], pub) if group_of(m, "ry") else None


_OF_MONTH_AFTER = re.compile(r"\s+of\s+(?:the|a|each|that)\s+(?:month|week)\b", re.IGNORECASE)


def resolve_part(m: re.Match[str], pub: date | None) -> Period | None:
    """'the first half of 2024', 'the first quarter', 'Q1 2024', 'H1 2024', 'last quarter'; not
    'the first half of the month' (a month's part, unknown here)."""
    if _OF_MONTH_AFTER.match(m.string, m.end()):
        return None
    is_half = group_of(m, "unit").lower() == "half" or group_of(m, "qh") == "H"
    unit = "half" if is_half else "quarter"
    size = 6 if unit == "half" else 3
    number = int(m["n"]) if group_of(m, "n") else WORDS["ordinal"][m["ord"].lower()]
    parts = 12 // size
    if number > parts:
        return None
    if group_of(m, "y") or group_of(m, "yy") or group_of(m, "ry"):
        year = _part_year(m, pub)
        if year is None:
            return unresolved(unit)
        index = year * parts + (parts if number < 0 else number) - 1
    elif pub is None:
        return unresolved(unit)
    else:
        current = (pub.month - 1) // size
        if number < 0:  # "the last quarter": the one before the publication's
            index = pub.year * parts + current - 1
        else:  # "the third quarter": the latest one begun by publication
            index = (pub.year - (number - 1 > current)) * parts + number - 1
    year, part = divmod(index, parts)
    first_month = part * size + 1
    return date(year, first_month, 1), month_end(year, first_month + size - 1), unit


def resolve_part_of_month(m: re.Match[str], pub: date | None) -> Period | None:
    """'in the first week of August', 'the last two weeks of June', 'the second half of May',
    'the first week of this month': days of one month."""
    number = WORDS["ordinal"][m["wo"].lower()]
    count = _count(m["wn"]) if group_of(m, "wn") else 1
    if count is None:
        return None
    rel = group_of(m, "mrel").lower().split()[-1] if group_of(m, "mrel") else ""
    if group_of(m, "m"):
        month = _month_number(m["m"])
        if group_of(m, "y"):
            year: int | None = int(m["y"])
        else:
            year = recent_month_year(month, pub) if pub else None
    elif pub is None:
        return unresolved("range")
    else:
        first = add_months(date(pub.year, pub.month, 1), -1 if rel in ("last", "previous") else 0)
        year, month = first.year, first.month
    if year is None:
        return unresolved("range")
    start, end = month_period(year, month)
    if group_of(m, "wu").lower() == "half":
        if count != 1 or abs(number) > 2:
            return None
        if number == 1:
            return start, date(year, month, 15), "range"
        return date(year, month, 16), end, "range"
    days = 7 * count
    if number < 0:  # "the last (two) weeks of June"
        return end - timedelta(days=days - 1), end, "range"
    first_day = 1 + 7 * (number - 1)
    if first_day + days - 1 > end.day:
        return None
    return date(year, month, first_day), date(year, month, first_day + days - 1), "range"


_SPAN_KIND = {3: "quarter", 6: "half", 12: "year"}


def resolve_months_of_year(m: re.Match[str], pub: date | None) -> Period | None:
    """'the first six months of 2017', 'the last three months of 2023', 'the first ten months'."""
    count = _count(m["n"])
    first = m["fl"].lower() == "first"
    named_year = group_of(m, "y") or group_of(m, "ry")
    if count is None or not 1 <= count <= 12 or not (first or named_year):
        return None  # "the last six months" alone is a rolling period: see resolve_past
    kind = _SPAN_KIND.get(count, "range")
    year = _part_year(m, pub) if named_year else (pub.year if pub else None)
    if year is None:
        return unresolved(kind)
    start_month = 1 if first else 13 - count
    return date(year, start_month, 1), month_end(year, start_month + count - 1), kind


def _count(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower()
    return int(word) if word.isdigit() else WORDS["number"].get(word, {"a": 1, "an": 1}.get(word))



def resolve_past(m: re.Match[str], pub: date | None) -> Period | None:
    """'the past week', 'over the past year', 'the last 12 months', 'in the past 24 hours'."""
    unit, rel, the = m["unit"].lower(), m["rel"].lower(), group_of(m, "the").lower()
    plural, singular = unit.endswith("s"), unit.rstrip("s")
    last_of = rel == "last" and m.string[m.end() :].startswith(" of ")
    if (the == "this" and rel != "past") or last_of:
        return None  # "this last", "the last week of March"
    if not group_of(m, "n"):
        if not the and rel != "past":
            return None  # "last week" is the calendar week before: see resolve_calendar
        if plural or rel in ("previous", "preceding"):
            return unresolved("relative")  # "in the past years"; "the previous year" (to what?)
    count = _count(group_of(m, "n")) if group_of(m, "n") else 1
    if count is None:
        return unresolved("relative")  # "the past few days"
    kind = (
        "range"
        if group_of(m, "n")
        else {"hour": "day", "decade": "range"}.get(singular, singular)
    )
    if pub is None:
        return unresolved(kind)
    if singular == "hour":
        return pub - timedelta(days=-(-count // 24)), pub, kind
    if not group_of(m, "n") and singular == "month" and pub.day <= 10:
        before = add_months(pub.replace(day=1), -1)
        return (*month_period(before.year, before.month), kind)
    if not group_of(m, "n") and singular == "year" and pub.month == 12:
        return date(pub.year, 1, 1), date(pub.year, 12, 31), kind
    # "the past two weeks" on September 8 reaches back to August 25: N units before the day it
    # is counted to, as reports and their annotators count (not N units ending on that day)
    return units_before(pub, count, singular), pub, kind


_WHOLE_YEAR_PREPS = frozenset({"throughout", "during", "over", "for", "across"})
_OPENING_MOD = re.compile(r"(?i)\b(?:start|beginning)\b")


def resolve_calendar(m: re.Match[str], pub: date | None) -> Period | None:
    """'this year', 'last month', 'earlier this month', 'throughout the year', 'late last year'."""
    unit, rel = m["unit"].lower(), re.sub(r"\s+", " ", m["rel"].lower())
    adv, mod, prep = group_of(m, "adv").lower(), _modifier(m), group_of(m, "prep").lower()
    placed = unit == "year" and bool(group_of(m, "mod") or adv or prep in _WHOLE_YEAR_PREPS)
    # "since the start of the month": the publication's month, as "since the start of the year"
    placed = placed or (prep == "since" and bool(_OPENING_MOD.search(group_of(m, "mod"))))
    if rel.startswith("the") and rel not in ("the current", "the previous") and not placed:
        return None  # "the month" alone is too vague to place; "throughout the year" is not
    if pub is None:
        return unresolved(unit)
    step = {"last": -1, "previous": -1, "the previous": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        start, end = week_of(pub + timedelta(weeks=step))
    elif unit == "month":
        month = add_months(pub.replace(day=1), step)
        start, end = month_period(month.year, month.month)
    else:
        start, end = date(pub.year + step, 1, 1), date(pub.year + step, 12, 31)
    start, end = narrow(start, end, mod)
    # a count "this year" can only reach the day it is told: "so far" is implied (issue 9)
    if (adv in ("earlier", "so far") or (rel == "this" and adv != "later")) and start <= pub <= end:
        end = pub
    elif adv == "later" and start <= pub <= end:
        start = pub
    return start, end, unit


_SPAN_MONTHS = {"year": 12, "month": 1, "quarter": 3}


def resolve_span_to(m: re.Match[str], pub: date | None) -> Period | None:
    """'in the six months to June 30', 'the year to March', 'the 12 months to the end of March
    2024', 'the four weeks to May 5': N units that end on the day (or at the end of the month)."""
    unit = m["unit"].lower().rstrip("s")
    count = _count(group_of(m, "n")) if group_of(m, "n") else 1
    if count is None or count < 1:
        return None
    month = _month_number(m["m"] or m["m2"])
    day_text = group_of(m, "d") or group_of(m, "d2")
    try:
        if group_of(m, "y"):
            year = int(m["y"])
        elif pub is None:
            return unresolved("range")
        elif day_text:
            year = recent_day(month, int(day_text), pub).year
        else:
            year = recent_month_year(month, pub)
        end = date(year, month, int(day_text)) if day_text else month_end(year, month)
    except ValueError:
        return None
    after = end + timedelta(days=1)
    if unit == "week":
        start = after - timedelta(weeks=count)
    elif unit == "day":
        start = after - timedelta(days=count)
    else:
        start = add_months(after, -count * _SPAN_MONTHS[unit])
    return start, end, "range"


def resolve_weekday(m: re.Match[str], pub: date | None) -> Period | None:
    """'on Wednesday', 'Wednesday night', 'last Friday', 'next Monday'."""
    if pub is None:
        return unresolved("day")
    weekday, rel = WORDS["weekday"][m["wd"].lower()], group_of(m, "rel").lower()
    back = (pub.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    if rel == "next":
        back = -((weekday - pub.weekday()) % 7 or 7)
    day = pub - timedelta(days=back)
    return day, day, "day"


def resolve_weekday_of_week(m: re.Match[str], pub: date | None) -> Period | None:
    """'on Wednesday last week', 'Friday of this week', 'Monday next week'."""
    if pub is None:
        return unresolved("day")
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    step = {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    monday, _ = week_of(pub + timedelta(weeks=step))
    day = monday + timedelta(days=WORDS["weekday"][m["wd"].lower()])
    return day, day, "day"


def resolve_span_to_weekday(m: re.Match[str], pub: date | None) -> Period | None:
    """'in the week to Sunday', 'the four days ending Friday': N units that end on the most
    recent such weekday on or before publication."""
    if pub is None:
        return unresolved("range")
    count = _count(group_of(m, "n")) if group_of(m, "n") else 1
    if count is None or count < 1:
        return None
    end = pub - timedelta(days=(pub.weekday() - WORDS["weekday"][m["wd"].lower()]) % 7)
    days = count * (7 if m["unit"].lower().startswith("week") else 1)
    return end - timedelta(days=days - 1), end, "range"


def resolve_weekend(m: re.Match[str], pub: date | None) -> Period | None:
    """'over the weekend', 'last weekend', 'this weekend': the Saturday and Sunday of the latest
    weekend begun by publication (the one before it for 'last' on a weekend), not after it."""
    rel = re.sub(r"\s+", " ", group_of(m, "rel").lower())
    if not group_of(m, "prep") and rel in ("", "the"):
        return None  # "a weekend curfew"
    if pub is None:
        return unresolved("range")
    back = (pub.weekday() - 5) % 7  # days since the latest Saturday
    if rel == "last" and back < 2:
        back += 7
    saturday = pub - timedelta(days=back)
    return saturday, min(saturday + timedelta(days=1), pub), "range"


def resolve_ago(m: re.Match[str], pub: date | None) -> Period | None:
    """'three days ago', 'two weeks ago', 'a year ago'."""
    count, unit = _count(m["n"]), m["unit"].lower().rstrip("s")
    if count is None:
        return unresolved("relative")
    if pub is None:
        return unresolved(unit)
    then = units_before(pub, count, unit)
    if unit == "day":
        return then, then, "day"
    if unit == "week":
        return (*week_of(then), "week")
    if unit == "month":
        return (*month_period(then.year, then.month), "month")
    return date(then.year, 1, 1), date(then.year, 12, 31), "year"


def resolve_word(m: re.Match[str], pub: date | None) -> Period | None:
    """Lexicon words: 'today', 'now', 'currently', 'yesterday', 'recently', 'soon'."""
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word in WORDS["vague"]:
        return unresolved("relative")
    if word in WORDS["elsewhen"]:
        return unresolved("elsewhen")
    kind = "now" if word in WORDS["now"] else "day"
    if pub is None:
        return unresolved(kind)
    day = pub + timedelta(days=WORDS["day"].get(word, 0))
    return day, day, kind


def resolve_elsewhen(m: re.Match[str], pub: date | None) -> Period | None:
    """'before this influx', 'prior to the war': a time before an event, not the report's."""
    return unresolved("elsewhen")


def resolve_vague(m: re.Match[str], pub: date | None) -> Period | None:
    """'one day after', 'hours later', 'the past few weeks': relative to something unnamed."""
    return unresolved("relative")
