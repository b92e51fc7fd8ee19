"""Time phrases of a figure's own clause (issue 9): which clause a time phrase speaks for, and the
day of a clause that 'a day after' or 'two days before' places against the day of another.

The clauses are those of ``clauses.py``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsledger.extract.figures.clauses import Clauses, clause_at, clauses_of, other_counts
from newsledger.extract.numbers import count_word
from newsledger.extract.scan import Draft, Scan
from newsledger.extract.time import TimeMention, find_times

# "a day after", "two days before", "a week after": a clause placed against another's day
_OFFSET = re.compile(
    r"^(?P<n>\d{1,2}|an?|[a-z]+)\s+(?P<unit>days?|weeks?)\s+(?P<way>after|before)$", re.IGNORECASE
)
# "the highest since May 10, 2010, when 110 people were killed": the figure of a 'when' clause on
# a time phrase is of that time itself, not of the range the phrase opens
_WHEN_AFTER = re.compile(r"^,?\s+when\b[^.;,]*$", re.IGNORECASE)
_OPENING = re.compile(r"^(?:since|from|after)\s+", re.IGNORECASE)
OTHER_CLAUSE = 10**5  # added to the distance of a time phrase of another figure's clause


def clause_penalty(draft: Draft, mention: TimeMention) -> int:
    """OTHER_CLAUSE when a time phrase is said in a clause that counts another figure and not in
    the figure's own ('killed 23 in Borno on Friday, and 7 soldiers died in Yobe on Saturday':
    Friday is not the 7's day), else 0."""
    scan, q = draft.scan, draft.quantity
    clauses = clauses_of(scan)
    if clauses is None:
        return 0
    own = clause_at(scan, clauses, q.start, q.end)
    said = clause_at(scan, clauses, mention.start, mention.end)
    if said == own or said not in other_counts(scan, clauses, q.start):
        return 0
    return OTHER_CLAUSE


def offset_day(
    draft: Draft, excluded: list[TimeMention], told: date | None = None
) -> tuple[date, date] | None:
    """The day of a figure that 'N days after' places against the day of another clause: inside
    the clause the phrase opens ('Sunday's attack came a day after police said 70 militants were
    active'), N days before the day named outside it, or before ``told`` (the day the story
    told last) when the sentence names none ('The attack came a day after 30 were abducted');
    outside ('bandits abducted 30 villagers, a day after gunmen killed 5 on Tuesday'), N days
    after the day named inside. Days in ``excluded`` (statement dates, datelines) place
    nothing."""
    scan, q = draft.scan, draft.quantity
    clauses = clauses_of(scan)
    if clauses is None:
        return None
    own = clause_at(scan, clauses, q.start, q.end)
    for mention in scan.times:
        offset = offset_days(mention)
        opened = clause_at(scan, clauses, mention.start, mention.end)
        if offset is None or opened == clauses.parent[opened]:
            continue
        days = [m for m in scan.times if _one_day(m) and m not in excluded]
        inner = [m for m in days if _inside(scan, clauses, m, opened)]
        outer = [m for m in days if not _inside(scan, clauses, m, opened)]
        if clauses.inside(own, opened) and outer and not inner:
            return _shifted(outer[-1].period_start, -offset)
        if clauses.inside(own, opened) and told is not None and not days:
            return _shifted(told, -offset)
        if not clauses.inside(own, opened) and inner and not outer:
            return _shifted(inner[0].period_start, offset)
    return None


def when_day(draft: Draft, published: date | None) -> tuple[date, date] | None:
    """The time of a figure told in a 'when' clause on a 'since' phrase ('the highest since May
    10, 2010, when 110 people were killed' -> 10 May 2010), else None."""
    mention, scan, q = draft.time, draft.scan, draft.quantity
    if mention is None or mention.end > q.start:
        return None
    opening = _OPENING.match(mention.text)
    if opening is None or not _WHEN_AFTER.match(scan.text_between(mention.end, q.start)):
        return None
    rest = mention.text[opening.end() :]
    inner = find_times(rest, published) or find_times(f"in {rest}", published)  # "since 2014"
    if len(inner) != 1 or inner[0].period_start is None or inner[0].period_end is None:
        return None
    return inner[0].period_start, inner[0].period_end


def offset_days(mention: TimeMention) -> int | None:
    """Days a phrase puts its clause after the other's ('a day after' 1, 'two days before' -2)."""
    found = _OFFSET.match(mention.text.strip())
    if found is None:
        return None
    count = count_word(found["n"])
    if count is None:
        return None
    days = count * (7 if found["unit"].lower().startswith("week") else 1)
    return days if found["way"].lower() == "after" else -days


def _one_day(mention: TimeMention) -> bool:
    return (
        mention.kind == "day"
        and mention.period_start is not None
        and mention.period_start == mention.period_end
    )


def _inside(scan: Scan, clauses: Clauses, mention: TimeMention, opened: int) -> bool:
    return clauses.inside(clause_at(scan, clauses, mention.start, mention.end), opened)


def _shifted(day: date | None, days: int) -> tuple[date, date]:
    assert day is not None
    moved = day + timedelta(days=days)
    return moved, moved
