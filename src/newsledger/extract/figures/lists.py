"""List and table lines: counts set out one a line under a heading that says what they count.

  Killed in March, by group:          <- the heading: a line ending with a colon
  Civilians: 87                       <- a table line: a label, a colon (or dash), the number
  Army and police: 31
  - 12 children                       <- a list item: a bullet (or nothing) and the number first

A line of the list whose own words name no event ("Civilians: 87", "- 12 children") counts what
the heading names ("Killed"; "The attack killed 30 people, among them:"). Lines are told by their
shape only; what the heading says is read by the caller (``figures``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsledger.extract.scan import Scan

_BULLET = r"[-•*·▪–—]"
# "Civilians: 87", "- Army and police: 31", "Killed: 45." (a label of words, then the number);
# the label may end with a spaced dash or a tab instead ("- Mexico – 3", "Borno\t45").
_TABLE_LINE = re.compile(
    rf"^(?:{_BULLET}\s*)?(?P<label>[^\W\d][^:\d\t]{{0,60}}?)(?:\s*:|[ \t]+[-–—]|\t)\s*"
    r"(?:about |some |at least |more than |over |nearly )?[\d,]+(?:\s*\([^)]*\))?\s*\.?$",
    re.IGNORECASE,
)
_BULLETED = re.compile(rf"^{_BULLET}\s*")
# A breakdown run into a sentence after a colon, each item a label then its number, the noun of
# the count elided: "by region: Asia-Pacific 12, the Americas 6 and Africa 9".
# Labels are names ("the Sahel 14"), or any words after a heading "by region", "by age group".
_INLINE_ITEM = r"(?:the\s+)?[A-Z][\w'’.&-]*(?:[ \t]+[A-Za-z][\w'’.&-]*){0,3}[ \t]+(?:\d[\d,]*)"
_INLINE_WORDS_ITEM = r"[A-Za-z][\w'’.&-]*(?:[ \t]+[A-Za-z][\w'’.&-]*){0,3}[ \t]+(?:\d[\d,]*)"
_INLINE_SEP = r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)"
_INLINE_LIST = re.compile(
    rf":\s*(?P<items>{_INLINE_ITEM}(?:{_INLINE_SEP}{_INLINE_ITEM})+)(?=\s*(?:[.;,)]|$))"
    rf"|\bby(?:[ \t]+[a-z]+){{1,2}}:\s*"
    rf"(?P<worded>{_INLINE_WORDS_ITEM}(?:{_INLINE_SEP}{_INLINE_WORDS_ITEM})+)(?=\s*(?:[.;,)]|$))"
)
_INLINE_NUMBER = re.compile(r"(?<![\w,])\d[\d,]*(?![\w,])")


def table_label(scan: Scan) -> str | None:
    """The label of a table line ("Army and police" of "Army and police: 31"), else None."""
    if len(scan.quantities) != 1:
        return None
    match = _TABLE_LINE.match(scan.sentence.text)
    return match["label"].strip() if match else None


def inline_breakdown(scan: Scan) -> tuple[int, set[int]] | None:
    """A breakdown after a colon with the noun elided ("attacks by region: East Africa 21, the
    Sahel 14, West Africa 8"): the absolute offset of the colon (the heading ends there) and the
    starts of the items' numbers; None without one."""
    match = _INLINE_LIST.search(scan.sentence.text)
    if match is None:
        return None
    base = scan.sentence.start
    group = "items" if match["items"] is not None else "worded"
    at = base + match.start(group)
    numbers = {at + m.start() for m in _INLINE_NUMBER.finditer(match[group])}
    starts = {q.start for q in scan.quantities} & numbers
    if len(starts) < 2:
        return None
    return base + scan.sentence.text.rindex(":", 0, match.start(group)), starts


def is_list_line(scan: Scan, after_heading: bool) -> bool:
    """A table line, or a list item: its first count opens the line, after a bullet if any
    ("- 12 children"); without a bullet only right under a heading or another item."""
    if not scan.quantities:
        return False
    if table_label(scan) is not None:
        return True
    text = scan.sentence.text
    bullet = _BULLETED.match(text)
    opening = scan.sentence.start + (bullet.end() if bullet else 0)
    first = scan.quantities[0]
    return first.start == opening and (bullet is not None or after_heading)


def list_headings(scans: Sequence[Scan]) -> dict[int, int]:
    """For each list line (by index into ``scans``), the index of its heading: the sentence
    ending with a colon that closes the paragraph above it, other lines of the list in between."""
    headings: dict[int, int] = {}
    heading: int | None = None
    for i, scan in enumerate(scans):
        if i and scans[i - 1].sentence.paragraph == scan.sentence.paragraph:
            continue  # not the first sentence of its line
        if heading is not None and is_list_line(scan, after_heading=True):
            headings[i] = heading
            continue
        last = i
        paragraph = scan.sentence.paragraph
        while last + 1 < len(scans) and scans[last + 1].sentence.paragraph == paragraph:
            last += 1
        heading = last if scans[last].sentence.text.rstrip().endswith(":") else None
    _untitled_runs(scans, headings)
    return headings


def _untitled_runs(scans: Sequence[Scan], headings: dict[int, int]) -> None:
    """Two or more table lines or bulleted items in a row with no heading ending in a colon
    ("Breakdown of the victims" / "Civilians: 87" / "Soldiers: 31"): the line above them is
    their heading, whatever it ends with."""
    firsts = [
        i for i, scan in enumerate(scans)
        if not i or scans[i - 1].sentence.paragraph != scan.sentence.paragraph
    ]
    run: list[int] = []
    for i in [*firsts, None]:
        item = i is not None and i not in headings and _strict_item(scans[i])
        follows = bool(run) and i is not None and (
            scans[i].sentence.paragraph == scans[run[-1]].sentence.paragraph + 1
        )
        if item and (not run or follows):
            assert i is not None
            run.append(i)
            continue
        _title_run(scans, run, headings)
        run = [i] if item and i is not None else []


def _title_run(scans: Sequence[Scan], run: list[int], headings: dict[int, int]) -> None:
    if len(run) < 2 or run[0] == 0:
        return
    above = run[0] - 1  # the last sentence of the line above the run
    if scans[above].sentence.paragraph != scans[run[0]].sentence.paragraph - 1:
        return
    # a title ("Breakdown of the victims"), or a sentence over bullets ("- 12 children"); a
    # sentence over "Label: N" lines may be a story's over page furniture ("Shares: 45")
    bulleted = all(_BULLETED.match(scans[i].sentence.text) for i in run)
    if _strict_item(scans[above]) or (
        scans[above].sentence.text.rstrip().endswith(".") and not bulleted
    ):
        return
    for i in run:
        headings[i] = above


def _strict_item(scan: Scan) -> bool:
    """A line that is a list line by its shape alone: a table line or a bulleted count."""
    if not scan.quantities:
        return False
    if table_label(scan) is not None:
        return True
    bullet = _BULLETED.match(scan.sentence.text)
    return bullet is not None and scan.quantities[0].start == scan.sentence.start + bullet.end()
