"""The words of one document around its figures that say how two figures relate.

Checks within a document read the text next to each number: "5 of whom", "among them 5",
"including 5 children", "a total of 40", "an official earlier said 26", "unofficial sources put
the figure at 300". The phrases are data (``lexicons/check_cues.tsv``); this module only finds
sentences, the text right before and after a number, and whether a cue of a kind is there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from newsledger.extract.folded import FoldedPattern
from newsledger.extract.numbers import word_to_int
from newsledger.extract.words.sentences import glued_headlines
from newsledger.lexicons import read_table
from newsledger.memo import per_text
from newsledger.model import Figure

# How far from a number a cue that attaches to it may stand ("among them, (19,480)",
# "Most of them – 211 –"); farther words belong to the clause, not the number.
NEAR_CHARS = 24
# A partitive phrase may name its group in a few words before the number ("Among the still
# detained persons, (230)"): it is sought this far back, at most four words from the number.
PARTITIVE_CHARS = 48

# Not the stop of a dotted abbreviation of capitals ("the U.S. Embassy", "U.N. staff").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z]\.[A-Z])[.!?][\"'”’)]*\s|\n|;\s")
_CLAUSE_BREAK = re.compile(r"[;:]|\bwhile\b|\bwhereas\b|\bbut\b")


@cache
def _pattern(kind: str) -> FoldedPattern | None:
    """One alternation of the phrases of ``kind``, longest first: its leftmost match is the
    first cue, and of cues starting there the longest (what searching each phrase on its own
    and taking the first match found, longest phrase first, gave). The word boundary before
    them all is tested once, so that each phrase is tried only where its first letter stands."""
    phrases = sorted({p for p, k in read_table("check_cues.tsv", 2) if k == kind}, key=len)
    if not phrases:
        return None
    longest_first = "|".join(rf"{re.escape(p)}\b" for p in reversed(phrases))
    return FoldedPattern(re.compile(rf"\b(?:{longest_first})", re.IGNORECASE))


def find_cue(text: str, kind: str) -> re.Match[str] | None:
    """The first (longest phrase first) cue of ``kind`` in ``text``, or None."""
    pattern = _pattern(kind)
    return pattern.search(text) if pattern is not None else None


def has_cue(text: str, kind: str) -> bool:
    """Whether ``text`` holds a cue of ``kind`` (lexicons/check_cues.tsv)."""
    return find_cue(text, kind) is not None


# Checks ask for sentences once per figure or pair: the ends are found once per text, so that
# checking stays linear in a document's length (issue 12). A few texts are kept.
@per_text()
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence end starts and where it ends, in text order."""
    found = list(_SENTENCE_END.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


# A stop right after a word or number and right before a capitalised word: two sentences run
# together without a space, as some scraped texts are ("an initial estimate of 11 dead.Of the 130
# injured, 77 ..."). Not a sentence end for the checks (a parse reads them as one sentence), but
# a cue before it says nothing of the numbers after it.
_GLUED_STOP = re.compile(r"(?<=[a-z0-9])[.!?](?=[A-Z][a-z]*\b)")


def cue_reach(text: str, position: int) -> int:
    """Where the stretch starts in which a cue may stand that tells of the number at
    ``position``: its sentence's start, or the last glued stop before it in that sentence."""
    start = sentence_of(text, position)[0]
    glued = [m.end() for m in _GLUED_STOP.finditer(text, start, position)]
    return glued[-1] if glued else start


@per_text()
def _stretch_ends(text: str) -> list[int]:
    """Where each sentence end or glued stop ends, in text order."""
    glued = [m.end() for m in _GLUED_STOP.finditer(text)]
    return sorted([*_sentence_ends(text)[1], *glued])


def stretch_index(text: str, position: int) -> int:
    """Like ``sentence_index``, but two sentences run together without a space ("killed over
    26.The second bombing ...") count as two: for rules that need a count's own sentence."""
    return bisect_right(_stretch_ends(text), position) if text else 0


def stretch_text(text: str, position: int) -> str:
    """The sentence around ``position``, cut at glued stops (see ``stretch_index``)."""
    ends = _stretch_ends(text)
    at = bisect_right(ends, position)
    start = ends[at - 1] if at else 0
    end = ends[at] if at < len(ends) else len(text)
    return text[start:end]


def sentence_of(text: str, position: int) -> tuple[int, int]:
    """The sentence (or ';' clause) around ``position``; the whole text when it has none."""
    if not text:
        return 0, 0
    starts, ends = _sentence_ends(text)
    before = bisect_right(ends, position)
    after = bisect_left(starts, position)
    return (ends[before - 1] if before else 0), (
        starts[after] + 1 if after < len(starts) else len(text)
    )


@per_text()
def headline_joints(text: str) -> tuple[int, ...]:
    """Where each headline after the first starts, when the text is a glued list of outlets'
    headlines (``extract/words/sentences.py``); () for any other text."""
    return glued_headlines(text)


def headline_index(text: str, position: int) -> int:
    """Which headline of a glued list ``position`` lies in (0 for any other text)."""
    return bisect_right(headline_joints(text), position) if text else 0


def _headline_text(text: str, index: int) -> str:
    """The ``index``-th headline of a glued list of headlines (the whole text otherwise)."""
    joints = (0, *headline_joints(text), len(text))
    return text[joints[index] : joints[index + 1]]


def one_of_the_incidents(text: str, several: int, one: int) -> bool:
    """Whether headline ``one`` of a glued list tells a single incident ("toll in suicide bombing
    at a mosque", "in second mosque attack") of those headline ``several`` counts together
    ("bombings hit mosques", "in two mosque attacks"): its toll is a part, no rival value."""
    whole, part = _headline_text(text, several), _headline_text(text, one)
    return (
        counts_incidents(whole)
        and not counts_incidents(part)
        and _incident_patterns()[2].search(part) is not None
    )


def sentence_index(text: str, position: int) -> int:
    """The number of sentence ends before ``position`` (figures with equal indexes share one)."""
    return bisect_right(_sentence_ends(text)[1], position) if text else 0


def words_before(text: str, figure: Figure, chars: int = NEAR_CHARS) -> str:
    """The text of the figure's sentence right before its number (at most ``chars``)."""
    start = figure.quantity.start
    begin = max(sentence_of(text, start)[0], start - chars)
    return text[begin:start]


def words_after(text: str, figure: Figure, chars: int = NEAR_CHARS) -> str:
    """The text of the figure's sentence right after its number (at most ``chars``)."""
    end = figure.quantity.end
    stop = min(sentence_of(text, max(end - 1, 0))[1], end + chars)
    return text[end:stop]


def sentence_text(text: str, figure: Figure) -> str:
    """The sentence that states the figure's number."""
    start, end = sentence_of(text, figure.quantity.start)
    return text[start:end]


def same_clause(text: str, start: int, end: int) -> bool:
    """Whether nothing between ``start`` and ``end`` closes the clause (';', ':', 'while')."""
    return _CLAUSE_BREAK.search(text, start, end) is None


def partitive_cue(text: str, figure: Figure) -> str | None:
    """The partitive phrase attached to the figure's number ("of whom", "among them"), if any."""
    found = partitive(text, figure)
    return found[0] if found else None


def partitive(text: str, figure: Figure) -> tuple[str, str] | None:
    """The partitive phrase attached to the figure's number and the words naming the group
    between it and the number ("among the still detained persons, (230)" -> ("among the",
    "still detained persons")), if any."""
    if _ALL_OF.search(text[max(0, figure.quantity.start - 8) : figure.quantity.start]):
        return None  # "All six of the members killed": the whole restated, not a part of it
    after = find_cue(words_after(text, figure, 12), "part_after")
    if after is not None and after.start() <= 3:
        return after.group().lower(), ""
    group = _OF_THE_GROUP.match(words_after(text, figure, 40))
    if group is not None:  # "1,500 of the arrivals", "five of the injured" (not "of the 12")
        return "of the", _group_before_verb(group.group(1).lower())
    among = _AMONG_AFTER.match(words_after(text, figure, 60))
    # "Four officers were among those hurt", "two are among the dead", "among the victims"; not
    # "Two soldiers were among the troops sent" (a group that names no harm)
    if among is not None and _names_harm(among.group(2)):
        return f"among {among.group(1).lower()}", _group_before_verb(among.group(2).lower())
    start = figure.quantity.start
    begin = max(sentence_of(text, start)[0], start - PARTITIVE_CHARS)
    before = text[begin:start]
    cue = find_cue(before, "part_before")
    opening = find_cue(before, "part_opening")
    # "Of the injured, 10 ...": a partitive that opens its sentence.
    if opening is not None and opens_sentence(text, begin + opening.start()):
        cue = opening if cue is None or opening.start() <= cue.start() else cue
    if cue is None:
        return _back_subject(text[sentence_of(text, start)[0] : start])
    if _NUMBER_BEFORE.search(before, 0, cue.start()) and "(" in before[cue.end() :]:
        # "4 of them (3 traders and 1 driver)": the cue is the 4's; its items break it down
        return None
    if cue.group().lower().split()[-1] in _CUE_PRONOUNS and _ONE_EACH.match(before[cue.end() :]):
        return cue.group().lower(), ""  # "among them a 6-year-old boy and two teenagers"
    if not _only_filler(before[cue.end() :]):
        return None
    phrase, rest = cue.group().lower(), before[cue.end() :]
    # "among them, (5)", "of whom 12", "Among them are 22,000": a pronoun's number follows it
    # at once; "Nine blasts, some of them minutes apart, meanwhile killed seven" is no part
    if phrase.split()[-1] in _CUE_PRONOUNS and not _only_linking(rest):
        return None
    # "among the dead were 5" names the group first; "among the 12 dead" makes 12 the whole, and
    # so does "of those 120 detainees" (but "Of those, 120" is a part).
    if phrase.endswith("the") and not re.search(r"[A-Za-z]", rest):
        return None
    if phrase.endswith(("those", "these")) and not re.search(r"[A-Za-z,:;–—-]", rest):
        return None
    return phrase, " ".join(re.findall(r"[A-Za-z]+", rest)).lower()


# A number right before a partitive cue ("4 of them"): the cue is that number's.
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|"
    r"thousand))\s*$",
    re.IGNORECASE,
)


@cache
def _back_subject_pattern() -> re.Pattern[str]:
    """A sentence opening on people told before and a verb that lists some of them: "The
    victims included (14)", "Those killed were 19 soldiers", "They included 170 civilians"."""
    subjects = sorted((p for p, k in read_table("check_cues.tsv", 2) if k == "back_subject"),
                      key=len, reverse=True)
    words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in subjects)
    return re.compile(
        rf"^[\s\"'“‘(]*(?P<subject>{words})\s+(?P<verb>included|includes|include|were|are)"
        r"\s*[(\[]?\s*$",
        re.IGNORECASE,
    )


def _back_subject(opening: str) -> tuple[str, str] | None:
    """("the victims included", "victims") when the sentence opens so before the number; a bare
    pronoun lists with "included" only ("They were 12" may tell a size, not a part)."""
    found = _back_subject_pattern().match(opening)
    if found is None:
        return None
    subject = " ".join(found.group("subject").lower().split())
    if subject in _PRONOUNS and not found.group("verb").lower().startswith("includ"):
        return None
    words = [w for w in subject.split() if w not in _PRONOUNS and w != "the"]
    return f"{subject} {found.group('verb').lower()}", " ".join(words)


_PRONOUNS = frozenset({"they", "these", "those"})

@cache
def _names_harm(group: str) -> bool:
    """Whether the group words name what befell people (a group_ cue: "dead", "hurt",
    "abducted") or their victims ("victims")."""
    return any(has_cue(group, kind) for kind in {*_group_kinds().values(), "victims_any"})


def _group_kinds() -> dict[str, str]:
    return {p: k for p, k in read_table("check_cues.tsv", 2) if k.startswith("group_")}


def _group_before_verb(words: str) -> str:
    """'wounded died' -> 'wounded': "Five of the wounded died" names the wounded, not the dead
    (but "Two of the victims died" keeps the verb: the victims name no measure of their own)."""
    first, _, second = words.partition(" ")
    kinds = _group_kinds()
    named = kinds.get(first, "group_end") != "group_end"
    return first if named and kinds.get(second) == "group_end" else words


_OF_THE_GROUP = re.compile(r"\s+of the ([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)\b")
# The part's own noun (up to three words), then "were among those hurt": the group follows the
# verb ("Four officers were among those hurt"; not "among the 12 dead", whose number is a whole).
_AMONG_AFTER = re.compile(
    r"\s+(?:[A-Za-z][\w'-]*\s+){0,3}?(?:were|was|are|is)\s+(?:also\s+)?among\s+(the|those)\s+"
    r"([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)\b",
    re.IGNORECASE,
)


def opens_sentence(text: str, position: int) -> bool:
    """Whether only spaces, quotes or a bracket stand between the sentence start and here."""
    start = sentence_of(text, position)[0]
    return not text[start:position].strip(" \t\n\"'“‘(")


def is_addition(text: str, figure: Figure) -> bool:
    """Whether the number adds to a count told before ("five more", "another 5", "a further 3")."""
    return is_addition_at(text, figure.quantity.start, figure.quantity.end)


def is_addition_at(text: str, start: int, end: int) -> bool:
    """``is_addition`` of a number found at ``start``-``end`` of the text (reconcile seeks it in
    a stored figure's evidence; a copy of the figure per figure cost a tenth of reading them)."""
    before = text[max(sentence_of(text, start)[0], start - 14) : start]
    # long enough for the longest cue right after the number ("four additional captives")
    after = text[end : min(sentence_of(text, max(end - 1, 0))[1], end + 12)]
    cue_before, cue_after = find_cue(before, "addition"), find_cue(after, "addition")
    return (cue_before is not None and not before[cue_before.end() :].strip(" (")) or (
        cue_after is not None and not after[: cue_after.start()].strip()
    )


@cache
def _incident_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """'a second blast' (another incident told), 'twin blasts', 'three attacks' (several
    incidents counted), and any word of an incident: from the incident_order and incident_event
    kinds of check_cues.tsv."""
    table = read_table("check_cues.tsv", 2)
    order = "|".join(sorted((p for p, k in table if k == "incident_order"), key=len, reverse=True))
    event = "|".join(sorted((p for p, k in table if k == "incident_event"), key=len, reverse=True))
    other = re.compile(
        rf"\b(?:{order})\s+(?:(?!of\b)[a-z-]+\s+){{0,2}}?(?:{event})(?:e?s)?\b", re.IGNORECASE
    )
    several = re.compile(
        rf"\b(?:(?:twin|double|triple|multiple|several|coordinated|both)\s+(?:[a-z-]+\s+){{0,2}}?"
        rf"(?:{event})|(?:{event})e?s)\b",
        re.IGNORECASE,
    )
    return other, several, re.compile(rf"\b(?:{event})\b", re.IGNORECASE)


def other_incident_between(text: str, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` tell of another incident than one told before
    ("A second blast killed 9", "In a separate attack, 6 ..."): a count told after them belongs
    to it."""
    return start < end and _incident_patterns()[0].search(text, start, end) is not None


def counts_incidents(words: str) -> bool:
    """Whether the words tell of several incidents ("in twin blasts", "in three attacks", "the
    bombings"): a toll told with them may hold the tolls of each."""
    return _incident_patterns()[1].search(words) is not None


def incidents_counted(words: str) -> int:
    """How many incidents the words count ("two suicide bombings" 2, "twin blasts" 2, "in three
    attacks" 3); 0 when they count none or do not say how many."""
    found = _counted_incidents().search(words)
    if found is None:
        return 0
    word = found.group(1).lower()
    if word.isdigit():
        return int(word)
    return _PAIR_WORDS.get(word) or word_to_int(word) or 0


# Words that count a pair or triple of incidents without a number word.
_PAIR_WORDS = {"twin": 2, "double": 2, "both": 2, "triple": 3}


@cache
def _counted_incidents() -> re.Pattern[str]:
    """A number word, digit or pair word before an incident's word in the plural (up to two
    words between: "two accidental explosions", "twin car bombings", "2 attacks")."""
    table = read_table("check_cues.tsv", 2)
    event = "|".join(sorted((p for p, k in table if k == "incident_event"), key=len, reverse=True))
    # Digits as well as words ("in 2 attacks", as incident notes write them), up to six.
    counts = "|".join(
        ["twin", "double", "both", "triple", "two", "three", "four", "five", "six", "[2-6]"]
    )
    return re.compile(
        rf"\b({counts})\s+(?:[a-z-]+\s+){{0,2}}?(?:{event})e?s\b", re.IGNORECASE
    )


def is_rate(text: str, figure: Figure) -> bool:
    """Whether the number is told per stretch of time ("around 35 are killed every day"): a rate,
    no whole or part of an incident's counts."""
    return has_cue(words_after(text, figure, 90), "rate")


def is_baseline(text: str, figure: Figure) -> bool:
    """Whether the number is a value compared against, of another time or place ("86 in June,
    compared with 61 in June last year", "down from 40"): no whole of later parts, no part."""
    before = words_before(text, figure, 30)
    cue = find_cue(before, "baseline")
    return cue is not None and _HEDGE_ONLY.fullmatch(before[cue.end() :]) is not None


_HEDGE_ONLY = re.compile(
    r"[\s(]*(?:(?:about|around|some|nearly|almost|roughly|at least|more than|over|just)\s+)?",
    re.IGNORECASE,
)


def whole_follows(text: str, figure: Figure, other: Figure) -> bool:
    """Whether ``other``'s number comes right after "of the" following the figure's number
    ("5 of the 12 crew", "three policemen were among the eight wounded"): then ``other`` is the
    whole the figure is part of."""
    between = text[figure.quantity.end : other.quantity.start]
    if _AMONG_WHOLE.fullmatch(between):
        return True  # "three policemen were among the eight wounded"
    cue = find_cue(between, "whole_next")
    return (
        cue is not None and not between[: cue.start()].strip() and not between[cue.end() :].strip()
    )


# The part's own noun (up to three words), a verb to be and "among the" right before the whole's
# number: "three policemen were among the (eight) wounded".
_AMONG_WHOLE = re.compile(
    r"\s+(?:[A-Za-z][\w'-]*\s+){0,3}?(?:were|was|are|is)\s+(?:also\s+)?among\s+the\s+",
    re.IGNORECASE,
)


_CUE_PRONOUNS = frozenset({"them", "whom", "which", "number"})  # "of this number, 9"
# Words that may stand between a pronoun's cue and its number: a verb to be, a hedge.
_LINKING = frozenset(
    [
        "are", "were", "is", "was", "be", "been", "also", "reportedly", "some", "about", "around",
        "nearly", "almost", "roughly", "approximately", "at", "least", "more", "than", "over", "up",
        "to", "an", "estimated",
    ]
)
_ALL_OF = re.compile(r"\ball\s+$", re.IGNORECASE)


# Items of one person each before a counted one in a list: "among them a 6-year-old boy and (two
# teenagers)", "of whom an officer, a nurse and (three) ...".
_ONE_EACH = re.compile(
    r"[\s,:]*(?:(?:a|an|one)\s+(?:[\w'’]+-)*[\w'’]+(?:\s+(?:[\w'’]+-)*[\w'’]+){0,3}?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))+\Z",
    re.IGNORECASE,
)


def _only_linking(words: str) -> bool:
    return all(w.lower() in _LINKING for w in re.findall(r"[A-Za-z]+", words))


def _only_filler(words: str) -> bool:
    """Punctuation and at most a few words between a cue and its number ("among them, (5)",
    "among the still detained persons, (230)"), never another number."""
    return not re.search(r"\d", words) and len(re.findall(r"[A-Za-z]+", words)) <= 4


__all__ = [
    "NEAR_CHARS",
    "PARTITIVE_CHARS",
    "find_cue",
    "has_cue",
    "is_addition",
    "is_addition_at",
    "is_baseline",
    "one_of_the_incidents",
    "opens_sentence",
    "partitive",
    "partitive_cue",
    "same_clause",
    "sentence_index",
    "sentence_of",
    "sentence_text",
    "whole_follows",
    "words_after",
    "words_before",
]
