"""Calendar arithmetic for time phrases: month ends, weeks, month steps, thirds of a period."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta


def as_date(published: date | None) -> date | None:
    """The day of a publication date or datetime."""
    return published.date() if isinstance(published, datetime) else published


def latest_event_day(published: date | None) -> date:
    """The last day an event a report tells can fall on: the day after its publication (time
    zones), or no bound when it has none (or is dated at the calendar's end)."""
    if published is None or published == date.max:
        return date.max
    return published + timedelta(days=1)


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), month_end(year, month)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clipped to the end of a short month."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the calendar week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def recent_month_year(month: int, pub: date, rel: str = "") -> int:
    """The year of the month named relative to publication ('last', 'next', 'this' or none)."""
    if rel == "this":
        return pub.year
    if rel == "next":
        return pub.year if month > pub.month else pub.year + 1
    if rel in ("last", "past"):
        return pub.year if month < pub.month else pub.year - 1
    return pub.year if month <= pub.month else pub.year - 1


def recent_day(month: int, day: int, pub: date) -> date:
    """That day in the publication year, or the year before if it would be > 31 days ahead."""
    guess = date(pub.year, month, day)
    return guess if guess <= pub + timedelta(days=31) else date(pub.year - 1, month, day)


_THIRDS = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}


def narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """The early, middle or late third of a month or a year (see time/periods.py)."""
    if not mod:
        return start, end
    third = _THIRDS[re.sub(r"(?i)^the\s+|\s+of$", "", mod.lower()).split()[0]]
    if start.month == 1 and end.month == 12 and start.day == 1 and end.day == 31:
        first = 1 + 4 * third
        return date(start.year, first, 1), month_end(start.year, first + 3)
    if start.day == 1 and end == month_end(start.year, start.month):
        days = ((1, 10), (11, 20), (21, end.day))[third]
        return start.replace(day=days[0]), start.replace(day=days[1])
    return start, end


def year_from_words(ry: str, pub: date | None) -> int | None:
    """'this/the year' -> the publication year; 'last/previous year' -> before; 'next' -> after."""
    if pub is None:
        return None
    word = ry.lower().split()[-1]
    return pub.year + {"last": -1, "previous": -1, "next": 1}.get(word, 0)


def units_before(pub: date, count: int, unit: str) -> date:
    """The day ``count`` units before publication."""
    if unit == "day":
        return pub - timedelta(days=count)
    if unit == "week":
        return pub - timedelta(weeks=count)
    return add_months(pub, -count * (12 if unit == "year" else 120 if unit == "decade" else 1))
